//! The search index beside the ledger: ranks the hits of a search.
//!
//! FTS5 ranks by computing BM25 for every match and sorting: a word found
//! in a fifth of a million statements costs a quarter of a second however
//! few hits are shown. This index (tantivy, BM25 with block-max WAND
//! pruning) finds the best hits without scoring them all, and applies the
//! filters inside the index. It holds nothing of its own: it is derived
//! from the ledger (in `<ledger>.search/`), brought up to date from it
//! before it answers, rebuilt when lost or broken, and while it cannot be
//! brought up to date (another process holds its writer) the search goes to
//! FTS5, which always has the ledger's state.
//!
//! Its commits carry the ledger state they hold: the highest statement and
//! document rowids (rows are only ever added; a new version of a document
//! is a new row that marks the old one superseded) and the ledger's own id
//! (table `ledger`), so that an index is never read for another ledger.

use crate::fts_query::Node;
use crate::SearchFilter;
use rusqlite::{params, Connection};
use std::cell::Cell;
use std::ops::Bound;
use std::path::{Path, PathBuf};
use tantivy::collector::{Count, TopDocs};
use tantivy::query::{
    BooleanQuery, ConstScoreQuery, Occur, PhrasePrefixQuery, PhraseQuery, Query, RangeQuery, RegexQuery,
    TermQuery,
};
use tantivy::schema::{Field, IndexRecordOption, Schema, TextFieldIndexing, TextOptions, FAST, STRING};
use tantivy::snippet::SnippetGenerator;
use tantivy::{Index, IndexReader, IndexWriter, ReloadPolicy, Searcher, TantivyDocument, TantivyError, Term};

/// What a commit's payload starts with: bumped whenever what is indexed,
/// or how, changes, so that an older index is rebuilt.
const PAYLOAD_TAG: &str = "readout-search 4";

/// The most words a prefix expands to before its matches go unscored.
const MAX_EXPANSIONS: usize = 256;

/// The writer's memory per indexing thread: segments are flushed at this
/// size.
const WRITER_MEMORY: usize = 64 << 20;

/// Segments of more statements than this are not merged again.
const MERGED_ENOUGH: usize = 100_000;

/// Tantivy's merges by size level, except of segments already large: a
/// merge of eight segments of over a hundred thousand statements took
/// seconds at the end of an ingest into a ledger of a million, and
/// searches over a dozen such segments are as fast (p99 10 ms).
fn merge_policy() -> tantivy::indexer::LogMergePolicy {
    let mut policy = tantivy::indexer::LogMergePolicy::default();
    policy.set_max_docs_before_merge(MERGED_ENOUGH);
    policy
}

#[derive(Clone, Copy)]
struct Fields {
    text: Field,
    rowid: Field,
    doc: Field,
    actor: Field,
    domain: Field,
    kind: Field,
    /// The first and last day a document's date can mean, as YYYYMMDD
    /// (`u64::MAX` and 0 for an undated one).
    date_lo: Field,
    date_hi: Field,
}

fn schema() -> (Schema, Fields) {
    let mut b = Schema::builder();
    let text = b.add_text_field(
        "text",
        TextOptions::default().set_indexing_options(
            TextFieldIndexing::default()
                .set_tokenizer("en_stem")
                .set_index_option(IndexRecordOption::WithFreqsAndPositions),
        ),
    );
    let fields = Fields {
        text,
        rowid: b.add_u64_field("rowid", FAST),
        doc: b.add_text_field("doc", STRING),
        actor: b.add_text_field("actor", STRING | FAST),
        domain: b.add_text_field("domain", STRING | FAST),
        kind: b.add_text_field("kind", STRING | FAST),
        date_lo: b.add_u64_field("date_lo", FAST),
        date_hi: b.add_u64_field("date_hi", FAST),
    };
    (b.build(), fields)
}

/// What a commit of the index holds of the ledger.
#[derive(Debug, Clone, PartialEq, Eq)]
struct LedgerState {
    statements: i64,
    documents: i64,
    ledger: String,
}

impl LedgerState {
    fn of(conn: &Connection) -> rusqlite::Result<LedgerState> {
        conn.query_row(
            "SELECT (SELECT ifnull(max(rowid), 0) FROM statements), (SELECT ifnull(max(rowid), 0) FROM documents),
                    ifnull((SELECT value FROM ledger WHERE key = 'id'), '')",
            [],
            |r| Ok(LedgerState { statements: r.get(0)?, documents: r.get(1)?, ledger: r.get(2)? }),
        )
    }

    fn payload(&self) -> String {
        format!("{PAYLOAD_TAG} {} {} {}", self.statements, self.documents, self.ledger)
    }

    fn parse(payload: &str) -> Option<LedgerState> {
        let mut parts = payload.strip_prefix(PAYLOAD_TAG)?.strip_prefix(' ')?.splitn(3, ' ');
        Some(LedgerState {
            statements: parts.next()?.parse().ok()?,
            documents: parts.next()?.parse().ok()?,
            ledger: parts.next().unwrap_or("").to_string(),
        })
    }

    /// `self` is an earlier state of the same ledger as `later`.
    fn precedes(&self, later: &LedgerState) -> bool {
        self.statements <= later.statements
            && self.documents <= later.documents
            && self.ledger == later.ledger
    }
}

/// A date (ISO day, month or year) as its first or last possible day,
/// YYYYMMDD, padded as the ledger's own date filters pad it.
fn day_number(date: &str, first: bool) -> Option<u64> {
    crate::pad(date, first).ok()?.replace('-', "").parse().ok()
}

/// The search index of one ledger.
pub(crate) struct SearchIndex {
    dir: PathBuf,
    index: Index,
    reader: IndexReader,
    fields: Fields,
    /// The ledger state the reader holds, once known.
    state: Cell<Option<LedgerState>>,
}

impl SearchIndex {
    /// The index beside `ledger`, created or rebuilt as needed; `None`
    /// when it cannot be had (searches then go to FTS5).
    pub(crate) fn open(ledger: &Path) -> Option<SearchIndex> {
        let mut dir = ledger.as_os_str().to_owned();
        dir.push(".search");
        let dir = PathBuf::from(dir);
        SearchIndex::open_in(&dir).ok().or_else(|| {
            // Broken or of another schema: it is derived, so start afresh.
            std::fs::remove_dir_all(&dir).ok()?;
            SearchIndex::open_in(&dir).ok()
        })
    }

    fn open_in(dir: &Path) -> tantivy::Result<SearchIndex> {
        std::fs::create_dir_all(dir)?;
        let (schema, fields) = schema();
        let directory = tantivy::directory::MmapDirectory::open(dir)
            .map_err(|e| TantivyError::SystemError(e.to_string()))?;
        let index = Index::open_or_create(directory, schema)?;
        let reader = index.reader_builder().reload_policy(ReloadPolicy::Manual).try_into()?;
        Ok(SearchIndex { dir: dir.to_path_buf(), index, reader, fields, state: Cell::new(None) })
    }

    /// Where it lives.
    pub(crate) fn dir(&self) -> &Path {
        &self.dir
    }

    fn committed(&self) -> tantivy::Result<Option<LedgerState>> {
        Ok(self.index.load_metas()?.payload.as_deref().and_then(LedgerState::parse))
    }

    /// Whether the index holds the ledger's current state, bringing it up
    /// to date if it can.
    pub(crate) fn ready(&self, conn: &Connection) -> Result<bool, IndexError> {
        let now = LedgerState::of(conn)?;
        let held = self.state.take();
        if held.as_ref() == Some(&now) {
            self.state.set(held);
            return Ok(true);
        }
        // Another process (or connection) may have brought it up to date:
        // the payload is read before the reload, so the reader holds at
        // least what the payload says.
        if let Some(committed) = self.committed()? {
            self.reader.reload()?;
            let fresh = committed == now;
            self.state.set(Some(committed));
            if fresh {
                return Ok(true);
            }
        }
        self.update(conn)
    }

    /// Adds what the ledger gained since the index's last commit; `false`
    /// when another process holds the index's writer.
    pub(crate) fn update(&self, conn: &Connection) -> Result<bool, IndexError> {
        let threads = std::thread::available_parallelism().map_or(1, |n| n.get().min(4));
        let mut writer: IndexWriter =
            match self.index.writer_with_num_threads(threads, WRITER_MEMORY * threads) {
                Ok(w) => w,
                Err(TantivyError::LockFailure(..)) => return Ok(false),
                Err(e) => return Err(e.into()),
            };
        writer.set_merge_policy(Box::new(merge_policy()));
        // One read transaction: the state and the rows agree.
        let tx = conn.unchecked_transaction()?;
        let to = LedgerState::of(&tx)?;
        // An index of another ledger, or of an earlier way of indexing, is
        // emptied and filled afresh.
        let from = match self.committed()? {
            Some(held) if held.precedes(&to) => held,
            _ => {
                writer.delete_all_documents()?;
                LedgerState { statements: 0, documents: 0, ledger: to.ledger.clone() }
            }
        };
        if from != to {
            self.add_since(&mut writer, &tx, &from, &to)?;
            let mut commit = writer.prepare_commit()?;
            commit.set_payload(&to.payload());
            commit.commit()?;
        }
        drop(tx);
        writer.wait_merging_threads()?;
        self.reader.reload()?;
        self.state.set(Some(to));
        Ok(true)
    }

    fn add_since(
        &self,
        writer: &mut IndexWriter,
        conn: &Connection,
        from: &LedgerState,
        to: &LedgerState,
    ) -> Result<(), IndexError> {
        let f = self.fields;
        // Versions superseded by documents added since.
        let mut old = conn.prepare(
            "SELECT old.id FROM documents old JOIN documents new ON new.id = old.superseded_by
             WHERE new.rowid > ?1 AND new.rowid <= ?2",
        )?;
        let gone = old.query_map(params![from.documents, to.documents], |r| r.get::<_, String>(0))?;
        for id in gone {
            writer.delete_term(Term::from_field_text(f.doc, &id?));
        }
        let mut st = conn.prepare(
            "SELECT s.rowid, s.text, s.kind, d.id, d.date,
                    (SELECT group_concat(actor, ' ') FROM statement_actors a WHERE a.statement = s.rowid),
                    (SELECT group_concat(domain, ' ') FROM statement_domains x WHERE x.statement = s.rowid)
             FROM statements s JOIN documents d ON d.id = s.doc_id
             WHERE s.rowid > ?1 AND s.rowid <= ?2 AND d.superseded_by IS NULL",
        )?;
        let mut rows = st.query(params![from.statements, to.statements])?;
        while let Some(r) = rows.next()? {
            let mut doc = TantivyDocument::default();
            doc.add_u64(f.rowid, r.get::<_, i64>(0)? as u64);
            doc.add_text(f.text, r.get_ref(1)?.as_str()?);
            doc.add_text(f.kind, r.get_ref(2)?.as_str()?);
            doc.add_text(f.doc, r.get_ref(3)?.as_str()?);
            // An undated document falls outside every date range: its
            // first day is after all days, its last before all. (Every
            // document has both, which keeps the columns dense and the
            // range filters cheap.)
            let date = r.get_ref(4)?.as_str_or_null()?;
            let lo = date.and_then(|d| day_number(d, true)).unwrap_or(u64::MAX);
            let hi = date.and_then(|d| day_number(d, false)).unwrap_or(0);
            doc.add_u64(f.date_lo, lo);
            doc.add_u64(f.date_hi, hi);
            for (field, column) in [(f.actor, 5), (f.domain, 6)] {
                if let Some(list) = r.get_ref(column)?.as_str_or_null()? {
                    for value in list.split(' ').filter(|v| !v.is_empty()) {
                        doc.add_text(field, value);
                    }
                }
            }
            writer.add_document(doc)?;
        }
        Ok(())
    }

    /// The query of `node`, or `None` when a phrase has no word the index
    /// would hold (FTS5 then answers).
    fn query(&self, searcher: &Searcher, node: &Node) -> Option<Box<dyn Query>> {
        let text = self.fields.text;
        Some(match node {
            Node::Phrase { text: words, prefix } => {
                let mut analyzer = self.index.tokenizer_for_field(text).ok()?;
                let mut terms = Vec::new();
                let mut stream = analyzer.token_stream(words);
                while let Some(t) = stream.next() {
                    terms.push(Term::from_field_text(text, &t.text));
                }
                if *prefix {
                    // The last word is a prefix once stemmed, as in FTS5
                    // ("jobs*" finds "job", "jobless"; "ener*" "energi").
                    let last = terms.pop()?;
                    let last = last.value().as_str()?.to_string();
                    if terms.is_empty() {
                        self.prefix_query(searcher, &last)?
                    } else {
                        terms.push(Term::from_field_text(text, &last));
                        Box::new(PhrasePrefixQuery::new(terms))
                    }
                } else {
                    match terms.len() {
                        0 => return None,
                        1 => Box::new(TermQuery::new(terms.remove(0), IndexRecordOption::WithFreqs)),
                        _ => Box::new(PhraseQuery::new(terms)),
                    }
                }
            }
            Node::And(parts) => Box::new(BooleanQuery::new(
                parts
                    .iter()
                    .map(|p| Some((Occur::Must, self.query(searcher, p)?)))
                    .collect::<Option<Vec<_>>>()?,
            )),
            Node::Or(parts) => Box::new(BooleanQuery::new(
                parts
                    .iter()
                    .map(|p| Some((Occur::Should, self.query(searcher, p)?)))
                    .collect::<Option<Vec<_>>>()?,
            )),
            Node::Not(keep, drop) => Box::new(BooleanQuery::new(vec![
                (Occur::Must, self.query(searcher, keep)?),
                (Occur::MustNot, self.query(searcher, drop)?),
            ])),
        })
    }

    /// A word prefix: any of the words the index holds that start with it,
    /// each scored as a word (as FTS5 scores a prefix), up to
    /// [`MAX_EXPANSIONS`]; beyond that, one unscored match of them all.
    fn prefix_query(&self, searcher: &Searcher, prefix: &str) -> Option<Box<dyn Query>> {
        let field = self.fields.text;
        let mut words: std::collections::BTreeSet<Vec<u8>> = std::collections::BTreeSet::new();
        for segment in searcher.segment_readers() {
            let index = segment.inverted_index(field).ok()?;
            let mut stream = index.terms().range().ge(prefix.as_bytes()).into_stream().ok()?;
            while stream.advance() && stream.key().starts_with(prefix.as_bytes()) {
                words.insert(stream.key().to_vec());
                if words.len() > MAX_EXPANSIONS {
                    let pattern = format!("{}.*", regex::escape(prefix));
                    return Some(Box::new(RegexQuery::from_pattern(&pattern, field).ok()?));
                }
            }
        }
        let terms: Vec<(Occur, Box<dyn Query>)> = words
            .into_iter()
            .filter_map(|w| std::str::from_utf8(&w).ok().map(|w| Term::from_field_text(field, w)))
            .map(|t| {
                (Occur::Should, Box::new(TermQuery::new(t, IndexRecordOption::WithFreqs)) as Box<dyn Query>)
            })
            .collect();
        // No word starts so: a query that matches nothing.
        Some(Box::new(BooleanQuery::new(terms)))
    }

    /// A searcher, and `node` with the filters of `f`, which select without
    /// scoring; `None` when the query is left to FTS5. The flag says
    /// whether the best hits can be found without scoring every match.
    fn prepare(&self, node: &Node, f: &SearchFilter) -> Option<(Searcher, Box<dyn Query>, bool)> {
        let searcher = self.reader.searcher();
        let fields = self.fields;
        let text = self.query(&searcher, node)?;
        let mut clauses: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        let mut filter =
            |q: Box<dyn Query>| clauses.push((Occur::Must, Box::new(ConstScoreQuery::new(q, 0.0))));
        for (field, value) in [(fields.actor, &f.actor), (fields.domain, &f.domain), (fields.kind, &f.kind)] {
            if let Some(v) = value {
                filter(Box::new(TermQuery::new(Term::from_field_text(field, v), IndexRecordOption::Basic)));
            }
        }
        // A document is in the window when its last day is on or after
        // `since` and its first day on or before `until`.
        if let Some(day) = f.since.as_deref().and_then(|d| day_number(d, true)) {
            let from = Bound::Included(Term::from_field_u64(fields.date_hi, day));
            filter(Box::new(RangeQuery::new(from, Bound::Unbounded)));
        }
        if let Some(day) = f.until.as_deref().and_then(|d| day_number(d, false)) {
            let to = Bound::Included(Term::from_field_u64(fields.date_lo, day));
            filter(Box::new(RangeQuery::new(Bound::Unbounded, to)));
        }
        // Unfiltered, the query stands alone: a word, an AND or an OR of
        // words then finds its best hits by block-max WAND, skipping blocks
        // that cannot reach the page, and a word's count is its document
        // frequency. Inside a boolean query of one clause it would score
        // every match.
        if clauses.is_empty() {
            return Some((searcher, text, prunes(node)));
        }
        clauses.insert(0, (Occur::Must, text));
        Some((searcher, Box::new(BooleanQuery::new(clauses)), false))
    }

    /// The page of best hits (statement rowid, BM25) and what marks their
    /// words; with `count`, also how many statements match.
    ///
    /// A query whose best hits need every match scored (a phrase, a
    /// filter) is counted in the same pass; one that prunes (words alone)
    /// finds its page without scoring every match, and is counted apart.
    pub(crate) fn search(
        &self,
        node: &Node,
        f: &SearchFilter,
        count: bool,
    ) -> Result<Option<(Ranked, Option<usize>)>, IndexError> {
        let Some((searcher, query, prunable)) = self.prepare(node, f) else { return Ok(None) };
        // The collector keeps offset + limit hits in memory: a page past the
        // last statement is empty, and no page asks for more than there are.
        let docs = usize::try_from(searcher.num_docs()).unwrap_or(usize::MAX);
        let limit = f.limit.min(docs.saturating_sub(f.offset));
        let mut marker = SnippetGenerator::create(&searcher, &*query, self.fields.text)?;
        marker.set_max_num_chars(SNIPPET_CHARS);
        // (A collector of no hits is refused; it is only used when limit > 0.)
        let top = TopDocs::with_limit(limit.max(1)).and_offset(f.offset).order_by_score();
        let (best, total) = if limit > 0 && count && !prunable {
            let (best, total) = searcher.search(&*query, &(top, Count))?;
            (best, Some(total))
        } else {
            let best = if limit > 0 { searcher.search(&*query, &top)? } else { Vec::new() };
            (best, if count { Some(searcher.search(&*query, &Count)?) } else { None })
        };
        let mut hits = Vec::with_capacity(best.len());
        for (score, address) in best {
            let column = searcher.segment_reader(address.segment_ord).fast_fields().u64("rowid")?;
            if let Some(rowid) = column.first(address.doc_id) {
                hits.push((rowid as i64, score));
            }
        }
        Ok(Some(((hits, Marker(marker)), total)))
    }

    /// How the matches spread over actors, domains, kinds and years, and
    /// how many there are.
    pub(crate) fn facets(&self, node: &Node, f: &SearchFilter) -> Result<Option<crate::Facets>, IndexError> {
        let Some((searcher, query, _)) = self.prepare(node, f) else { return Ok(None) };
        Ok(Some(searcher.search(&*query, &FacetCounter)?.into_facets()))
    }

    /// How many statements match.
    pub(crate) fn count(&self, node: &Node, f: &SearchFilter) -> Result<Option<usize>, IndexError> {
        let Some((searcher, query, _)) = self.prepare(node, f) else { return Ok(None) };
        Ok(Some(searcher.search(&*query, &Count)?))
    }
}

/// A query tantivy answers by block-max WAND, when nothing filters it: a
/// word, a word prefix (any of its words), or an AND or OR of single words.
/// Anything else scores every match to find the best.
fn prunes(node: &Node) -> bool {
    let one_word = |text: &str| !text.trim().contains(char::is_whitespace);
    match node {
        Node::Phrase { text, .. } => one_word(text),
        Node::And(parts) | Node::Or(parts) => {
            parts.iter().all(|p| matches!(p, Node::Phrase { text, prefix: false } if one_word(text)))
        }
        Node::Not(..) => false,
    }
}

/// The page of best hits (statement rowid, BM25), and what marks their
/// words.
pub(crate) type Ranked = (Vec<(i64, f32)>, Marker);

/// The longest stretch of a statement a snippet shows, in bytes.
const SNIPPET_CHARS: usize = 160;

/// Marks the words of a query in the statements it found.
pub(crate) struct Marker(SnippetGenerator);

impl Marker {
    /// The stretch of `text` with the most of the query's words, each
    /// between `open` and `close`, with `…` where text is left out; the
    /// opening words when none is found (a word FTS5 and the index stem
    /// differently).
    pub(crate) fn mark(&self, text: &str, open: &str, close: &str) -> Option<String> {
        let snippet = self.0.snippet(text);
        if snippet.is_empty() {
            return None;
        }
        let range = snippet.fragment_range();
        let fragment = snippet.fragment();
        let mut out = String::with_capacity(fragment.len() + 16);
        if range.start > 0 {
            out.push('…');
        }
        let mut from = 0;
        for r in tantivy::snippet::collapse_overlapped_ranges(snippet.highlighted()) {
            out.push_str(&fragment[from..r.start]);
            out.push_str(open);
            out.push_str(&fragment[r.clone()]);
            out.push_str(close);
            from = r.end;
        }
        out.push_str(&fragment[from..]);
        // A closing bracket or stop right after the last word belongs to it.
        let rest = &text[range.end..];
        let stuck = rest.find(char::is_whitespace).unwrap_or(rest.len());
        let mut end = range.end;
        if stuck <= 3 && rest[..stuck].chars().all(|c| c.is_ascii_punctuation()) {
            out.push_str(&rest[..stuck]);
            end += stuck;
        }
        if end < text.trim_end().len() {
            out.push('…');
        }
        Some(out)
    }
}

/// Counts matches by actor, domain, kind and year, from the index's
/// columns, without scoring them.
struct FacetCounter;

/// Counts by facet and value.
#[derive(Default)]
struct FacetTally {
    total: u64,
    /// (facet, value) → count; facets 0–3: actor, domain, kind, year.
    counts: std::collections::HashMap<(u8, String), u64>,
}

impl FacetTally {
    fn into_facets(self) -> crate::Facets {
        let mut out = crate::Facets { total: self.total as i64, ..Default::default() };
        for ((facet, value), count) in self.counts {
            let list = match facet {
                0 => &mut out.actor,
                1 => &mut out.domain,
                2 => &mut out.kind,
                _ => &mut out.year,
            };
            list.push(crate::FacetCount { value, count: count as i64 });
        }
        out
    }
}

/// One segment's counts: by term ordinal for the string columns, by year
/// for dates.
struct SegmentFacets {
    columns: Vec<Option<tantivy::columnar::StrColumn>>,
    ords: Vec<Vec<u64>>,
    date: tantivy::columnar::Column<u64>,
    years: std::collections::HashMap<u64, u64>,
    total: u64,
}

impl tantivy::collector::Collector for FacetCounter {
    type Fruit = FacetTally;
    type Child = SegmentFacets;

    fn for_segment(&self, _: u32, segment: &tantivy::SegmentReader) -> tantivy::Result<SegmentFacets> {
        let fast = segment.fast_fields();
        let columns = ["actor", "domain", "kind"]
            .iter()
            .map(|name| fast.str(name))
            .collect::<tantivy::Result<Vec<_>>>()?;
        let ords = columns.iter().map(|c| vec![0; c.as_ref().map_or(0, |c| c.num_terms())]).collect();
        Ok(SegmentFacets { columns, ords, date: fast.u64("date_lo")?, years: Default::default(), total: 0 })
    }

    fn requires_scoring(&self) -> bool {
        false
    }

    fn merge_fruits(&self, fruits: Vec<FacetTally>) -> tantivy::Result<FacetTally> {
        let mut all = FacetTally::default();
        for fruit in fruits {
            all.total += fruit.total;
            for (key, n) in fruit.counts {
                *all.counts.entry(key).or_default() += n;
            }
        }
        Ok(all)
    }
}

impl tantivy::collector::SegmentCollector for SegmentFacets {
    type Fruit = FacetTally;

    fn collect(&mut self, doc: tantivy::DocId, _: tantivy::Score) {
        self.total += 1;
        for (column, counts) in self.columns.iter().zip(&mut self.ords) {
            if let Some(column) = column {
                for ord in column.term_ords(doc) {
                    if let Some(n) = counts.get_mut(ord as usize) {
                        *n += 1;
                    }
                }
            }
        }
        // Undated documents have u64::MAX as their first day.
        if let Some(day) = self.date.first(doc).filter(|&d| d != u64::MAX) {
            *self.years.entry(day / 10_000).or_default() += 1;
        }
    }

    fn harvest(self) -> FacetTally {
        let mut tally = FacetTally { total: self.total, ..Default::default() };
        let mut value = String::new();
        for (facet, (column, counts)) in self.columns.iter().zip(&self.ords).enumerate() {
            let Some(column) = column else { continue };
            for (ord, &n) in counts.iter().enumerate().filter(|(_, &n)| n > 0) {
                value.clear();
                if column.ord_to_str(ord as u64, &mut value).unwrap_or(false) {
                    tally.counts.insert((facet as u8, value.clone()), n);
                }
            }
        }
        for (year, n) in self.years {
            tally.counts.insert((3, format!("{year:04}")), n);
        }
        tally
    }
}

/// What can go wrong with the index (the search then goes to FTS5).
#[derive(Debug, thiserror::Error)]
pub(crate) enum IndexError {
    #[error("search index: {0}")]
    Index(#[from] TantivyError),
    #[error("search index: reading the ledger: {0}")]
    Ledger(#[from] rusqlite::Error),
}

impl From<rusqlite::types::FromSqlError> for IndexError {
    fn from(e: rusqlite::types::FromSqlError) -> Self {
        IndexError::Ledger(e.into())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_become_their_first_and_last_days() {
        assert_eq!(day_number("2017", true), Some(20170101));
        assert_eq!(day_number("2017", false), Some(20171231));
        assert_eq!(day_number("2017-11", true), Some(20171101));
        assert_eq!(day_number("2017-11", false), Some(20171131));
        assert_eq!(day_number("2017-11-06", false), Some(20171106));
        assert_eq!(day_number("soon", true), None);
    }

    #[test]
    fn the_payload_says_which_ledger_and_how_far() {
        let s = LedgerState { statements: 10, documents: 2, ledger: "4f2a".into() };
        assert_eq!(LedgerState::parse(&s.payload()), Some(s.clone()));
        assert_eq!(LedgerState::parse("something else"), None);
        let later = LedgerState { statements: 12, documents: 3, ledger: "4f2a".into() };
        assert!(s.precedes(&later));
        assert!(!later.precedes(&s), "rows are never removed: the index is of another ledger");
        let other = LedgerState { statements: 12, documents: 3, ledger: "9c0d".into() };
        assert!(!s.precedes(&other));
    }
}
