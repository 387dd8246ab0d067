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
//! FTS5, which holds the ledger's state but during an ingest, when it may
//! be up to a batch of documents behind.
//!
//! Its commits carry the ledger state they hold: the highest statement and
//! document rowids (rows are only ever added; a new version of a document
//! is a new row that marks the old one superseded) and the ledger's own id
//! (table `ledger`), so that an index is never read for another ledger.

use crate::fts_query::Node;
use crate::search_filter::{Filtered, Filters};
use crate::SearchFilter;
use rusqlite::{params, Connection};
use std::borrow::Cow;
use std::cell::{Cell, RefCell};
use std::collections::{BTreeMap, BTreeSet, BinaryHeap};
use std::ops::Bound;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use tantivy::collector::{Count, TopDocs};
use tantivy::columnar::Column;
use tantivy::query::{
    BooleanQuery, ConstScoreQuery, EnableScoring, Occur, PhrasePrefixQuery, PhraseQuery, Query, RangeQuery,
    RegexQuery, TermQuery,
};
use tantivy::schema::{Field, IndexRecordOption, Schema, TextFieldIndexing, TextOptions, FAST, STRING};
use tantivy::snippet::SnippetGenerator;
use tantivy::tokenizer::{
    LowerCaser, RemoveLongFilter, SimpleTokenizer, TextAnalyzer, Token, TokenFilter, TokenStream, Tokenizer,
};
use tantivy::{
    DocAddress, DocSet, Index, IndexReader, IndexWriter, ReloadPolicy, Score, Searcher, TantivyDocument,
    TantivyError, Term, TERMINATED,
};

/// What a commit's payload starts with: bumped whenever what is indexed,
/// or how, changes, so that an older index is rebuilt.
const PAYLOAD_TAG: &str = "readout-search 6";

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
    /// The text's words two by two, as one term each ("trade cooper"): a
    /// phrase of two words is found as one word is, by block-max WAND and
    /// with its document frequency for a count, where a phrase query reads
    /// the positions of every statement holding both words.
    pairs: Field,
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
                .set_tokenizer(WORDS_TOKENIZER)
                .set_index_option(IndexRecordOption::WithFreqsAndPositions),
        ),
    );
    let pairs = b.add_text_field(
        "pairs",
        TextOptions::default().set_indexing_options(
            TextFieldIndexing::default()
                .set_tokenizer(PAIRS_TOKENIZER)
                .set_index_option(IndexRecordOption::WithFreqs),
        ),
    );
    let fields = Fields {
        text,
        pairs,
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
        // Asked before every search: kept prepared.
        conn.prepare_cached(
            "SELECT (SELECT ifnull(max(rowid), 0) FROM statements), (SELECT ifnull(max(rowid), 0) FROM documents),
                    ifnull((SELECT value FROM ledger WHERE key = 'id'), '')",
        )?
        .query_row([], |r| Ok(LedgerState { statements: r.get(0)?, documents: r.get(1)?, ledger: r.get(2)? }))
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
    /// Each segment's rowid column, for the searcher generation they were
    /// opened for. Opening one reads its block index: done for every hit,
    /// it took a fifth of a search's time.
    rowids: RefCell<Option<(u64, Vec<Column<u64>>)>>,
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
        index.tokenizers().register(WORDS_TOKENIZER, words_analyzer().build());
        index.tokenizers().register(PAIRS_TOKENIZER, words_analyzer().filter(Pairs).build());
        let reader = index.reader_builder().reload_policy(ReloadPolicy::Manual).try_into()?;
        Ok(SearchIndex {
            dir: dir.to_path_buf(),
            index,
            reader,
            fields,
            state: Cell::new(None),
            rowids: RefCell::new(None),
        })
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
            // Both fields are analysed on tantivy's indexing threads.
            // (Analysed once here for both, the text took longer to index:
            // the analysis then ran on this one thread.)
            let text = r.get_ref(1)?.as_str()?;
            doc.add_text(f.text, text);
            doc.add_text(f.pairs, text);
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
                        2 => {
                            let pair =
                                format!("{} {}", terms[0].value().as_str()?, terms[1].value().as_str()?);
                            let term = Term::from_field_text(self.fields.pairs, &pair);
                            Box::new(TermQuery::new(term, IndexRecordOption::WithFreqs))
                        }
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

    /// Whether tantivy answers `node` by block-max WAND: a word or a
    /// phrase of two (one term each), a word prefix (any of its words), or
    /// an AND or OR of such terms. Anything else scores every match to find
    /// the best.
    fn prunes(&self, node: &Node) -> bool {
        let terms = |text: &str| {
            let Ok(mut analyzer) = self.index.tokenizer_for_field(self.fields.text) else {
                return usize::MAX;
            };
            let mut stream = analyzer.token_stream(text);
            let mut n = 0;
            while stream.advance() {
                n += 1;
            }
            n
        };
        match node {
            Node::Phrase { text, prefix: true } => terms(text) == 1,
            Node::Phrase { text, prefix: false } => (1..=2).contains(&terms(text)),
            Node::And(parts) | Node::Or(parts) => parts
                .iter()
                .all(|p| matches!(p, Node::Phrase { text, prefix: false } if (1..=2).contains(&terms(text)))),
            Node::Not(..) => false,
        }
    }

    /// How to run `node` with the filters of `f`; `None` when the query is
    /// left to FTS5.
    fn prepare(&self, node: &Node, f: &SearchFilter) -> Option<Plan> {
        let searcher = self.reader.searcher();
        let fields = self.fields;
        let text = self.query(&searcher, node)?;
        let mut filters = Filters::default();
        for (column, value) in [("actor", &f.actor), ("domain", &f.domain), ("kind", &f.kind)] {
            if let Some(v) = value {
                filters.values.push((column, v.clone()));
            }
        }
        // A document is in the window when its last day is on or after
        // `since` and its first day on or before `until`.
        filters.since = f.since.as_deref().and_then(|d| day_number(d, true));
        filters.until = f.until.as_deref().and_then(|d| day_number(d, false));
        // What finds the best hits before the filters and the words of a
        // NOT drop some.
        let (core, excluded) = match node {
            Node::Not(keep, drop) if self.prunes(keep) => (&**keep, Some(self.query(&searcher, drop)?)),
            _ => (node, None),
        };
        let prunes = self.prunes(core);
        if filters.is_empty() && excluded.is_none() {
            // Unfiltered, the query stands alone: a word, an AND or an OR of
            // words then finds its best hits by block-max WAND, and a term's
            // count (a word, a pair) is its document frequency. Inside a
            // boolean query of one clause it would score every match.
            let one_term = prunes && matches!(node, Node::Phrase { prefix: false, .. });
            let counted = text.box_clone();
            return Some(Plan { searcher, ranked: text, counted, prunes, exact_count_is_cheap: one_term });
        }
        // The filters as clauses, which select without scoring.
        let field = |column: &str| match column {
            "actor" => fields.actor,
            "domain" => fields.domain,
            _ => fields.kind,
        };
        let mut clauses: Vec<(Occur, Box<dyn Query>)> = vec![(Occur::Must, text.box_clone())];
        let mut clause =
            |q: Box<dyn Query>| clauses.push((Occur::Must, Box::new(ConstScoreQuery::new(q, 0.0))));
        for (column, value) in &filters.values {
            let term = Term::from_field_text(field(column), value);
            clause(Box::new(TermQuery::new(term, IndexRecordOption::Basic)));
        }
        if let Some(day) = filters.since {
            let from = Bound::Included(Term::from_field_u64(fields.date_hi, day));
            clause(Box::new(RangeQuery::new(from, Bound::Unbounded)));
        }
        if let Some(day) = filters.until {
            let to = Bound::Included(Term::from_field_u64(fields.date_lo, day));
            clause(Box::new(RangeQuery::new(Bound::Unbounded, to)));
        }
        let joined: Box<dyn Query> =
            if clauses.len() == 1 { text } else { Box::new(BooleanQuery::new(clauses)) };
        // Words that prune keep pruning with the filters applied to their
        // candidates, unless a value is so rare that few candidates pass.
        let rare = filters.values.iter().any(|(column, value)| {
            let held = searcher.doc_freq(&Term::from_field_text(field(column), value)).unwrap_or(0);
            held.saturating_mul(RARE_FILTER) < searcher.num_docs()
        });
        if prunes && !rare {
            let core = self.query(&searcher, core)?;
            let ranked = Box::new(Filtered::new(core, filters, excluded));
            return Some(Plan { searcher, ranked, counted: joined, prunes, exact_count_is_cheap: false });
        }
        let ranked = joined.box_clone();
        Some(Plan { searcher, ranked, counted: joined, prunes: false, exact_count_is_cheap: false })
    }

    /// The page of best hits (statement rowid, BM25) and what marks their
    /// words; with `count`, also how many statements match.
    ///
    /// A query whose best hits need every match scored (a phrase, NOT, a
    /// rare filter) is counted exactly in the same pass. One that prunes
    /// finds its page without scoring every match, and is counted apart:
    /// exactly for a word alone (its document frequency), otherwise up to
    /// [`EXACT_TOTAL_UP_TO`], as Lucene and Elasticsearch count by default.
    pub(crate) fn search(
        &self,
        node: &Node,
        f: &SearchFilter,
        count: bool,
    ) -> Result<Option<(Ranked, Option<crate::Total>)>, IndexError> {
        let Some(plan) = self.prepare(node, f) else { return Ok(None) };
        let searcher = &plan.searcher;
        // The collector keeps offset + limit hits in memory: a page past the
        // last statement is empty, and no page asks for more than there are.
        let docs = usize::try_from(searcher.num_docs()).unwrap_or(usize::MAX);
        let limit = f.limit.min(docs.saturating_sub(f.offset));
        let marker = self.marker(searcher, &*plan.ranked)?;
        let (best, total) = if limit > 0 && count && !plan.prunes {
            let top = TopDocs::with_limit(limit).and_offset(f.offset).order_by_score();
            let (best, total) = searcher.search(&*plan.ranked, &(top, Count))?;
            (best, Some(crate::Total::exact(total)))
        } else {
            let best = match limit {
                0 => Vec::new(),
                _ => match self.both_first(node, f, &plan, limit)? {
                    Some(best) => best,
                    None => best_matches(searcher, &*plan.ranked, f.offset, limit)?,
                },
            };
            let total = match count {
                false => None,
                true if plan.exact_count_is_cheap => {
                    Some(crate::Total::exact(searcher.search(&*plan.counted, &Count)?))
                }
                true => Some(count_up_to(searcher, &*plan.counted, EXACT_TOTAL_UP_TO)?),
            };
            (best, total)
        };
        let rowids = self.rowid_columns(searcher)?;
        let hits = best
            .into_iter()
            .filter_map(|(score, address)| {
                let rowid = rowids.get(address.segment_ord as usize)?.first(address.doc_id)?;
                Some((rowid as i64, score))
            })
            .collect();
        Ok(Some(((hits, marker), total)))
    }

    /// How the matches spread over actors, domains, kinds and years, and
    /// how many there are.
    pub(crate) fn facets(&self, node: &Node, f: &SearchFilter) -> Result<Option<crate::Facets>, IndexError> {
        let Some(plan) = self.prepare(node, f) else { return Ok(None) };
        Ok(Some(plan.searcher.search(&*plan.counted, &FacetCounter)?.into_facets()))
    }

    /// How many statements match.
    pub(crate) fn count(&self, node: &Node, f: &SearchFilter) -> Result<Option<usize>, IndexError> {
        let Some(plan) = self.prepare(node, f) else { return Ok(None) };
        Ok(Some(plan.searcher.search(&*plan.counted, &Count)?))
    }

    /// For an OR of two words, the page of their AND, when its last hit
    /// scores above every statement that holds one of the words alone: it
    /// is then the OR's page, found by walking the statements that hold
    /// both rather than all that hold either. (A statement with both words
    /// scores the same under both queries, the sum of the two words'
    /// scores; one with a single word scores at most that word's best.)
    fn both_first(
        &self,
        node: &Node,
        f: &SearchFilter,
        plan: &Plan,
        limit: usize,
    ) -> tantivy::Result<Option<Vec<(Score, DocAddress)>>> {
        let Node::Or(parts) = node else { return Ok(None) };
        let [a, b] = parts.as_slice() else { return Ok(None) };
        if !plan.prunes {
            return Ok(None);
        }
        let Some(both) = self.prepare(&Node::And(vec![a.clone(), b.clone()]), f) else { return Ok(None) };
        let searcher = &plan.searcher;
        let page = best_matches(searcher, &*both.ranked, f.offset, limit)?;
        let Some(&(last, _)) = page.last().filter(|_| page.len() == limit) else { return Ok(None) };
        let mut alone = Score::MIN;
        for part in [a, b] {
            let Some(word) = self.query(searcher, part) else { return Ok(None) };
            if let Some(&(best, _)) = best_matches(searcher, &*word, 0, 1)?.first() {
                alone = alone.max(best);
            }
        }
        Ok((last > alone).then_some(page))
    }

    /// The rowid column of each segment of `searcher`.
    fn rowid_columns(&self, searcher: &Searcher) -> tantivy::Result<Vec<Column<u64>>> {
        let generation = searcher.generation().generation_id();
        if let Some((held, columns)) = &*self.rowids.borrow() {
            if *held == generation {
                return Ok(columns.clone());
            }
        }
        let columns = searcher
            .segment_readers()
            .iter()
            .map(|segment| segment.fast_fields().u64("rowid"))
            .collect::<tantivy::Result<Vec<_>>>()?;
        *self.rowids.borrow_mut() = Some((generation, columns.clone()));
        Ok(columns)
    }

    /// What marks the words of `query` in its hits, the rarer words
    /// weighing more in the choice of the stretch shown (as tantivy's own
    /// snippets weigh them).
    fn marker(&self, searcher: &Searcher, query: &dyn Query) -> tantivy::Result<Marker> {
        let field = self.fields.text;
        let mut terms = BTreeSet::new();
        query.query_terms(&mut |term, _| {
            if term.field() == field {
                terms.insert(term.clone());
            } else if term.field() == self.fields.pairs {
                // A pair marks its words, as a phrase query marks them.
                for word in term.value().as_str().unwrap_or("").split(' ') {
                    terms.insert(Term::from_field_text(field, word));
                }
            }
        });
        let mut weights = BTreeMap::new();
        for term in terms {
            let Some(word) = term.value().as_str().map(str::to_string) else { continue };
            let doc_freq = searcher.doc_freq(&term)?;
            if doc_freq > 0 {
                weights.insert(word, 1.0 / (1.0 + doc_freq as f32));
            }
        }
        let firsts: Arc<[char]> = weights.keys().filter_map(|w| w.chars().next()).collect();
        Ok(Marker(SnippetGenerator::new(weights, marking_analyzer(firsts), field, SNIPPET_CHARS)))
    }
}

/// How a search runs.
struct Plan {
    searcher: Searcher,
    /// What finds the page of best hits.
    ranked: Box<dyn Query>,
    /// What counts the matches (the filters joined as clauses, which count
    /// faster than they rank).
    counted: Box<dyn Query>,
    /// Whether `ranked` finds its page without scoring every match.
    prunes: bool,
    /// Whether an exact count costs next to nothing (a word's document
    /// frequency).
    exact_count_is_cheap: bool,
}

/// Up to how many matches a search that prunes counts exactly.
pub(crate) const EXACT_TOTAL_UP_TO: usize = 1000;

/// A filter value held by fewer than one statement in this many is rare:
/// its postings are walked rather than each candidate's columns read.
const RARE_FILTER: u64 = 50;

/// The `limit` best matches of `query` after the `offset` best, best first
/// (equal scores in the index's order), as tantivy's `TopDocs` finds them,
/// except that the bar a candidate must clear is carried from segment to
/// segment. `TopDocs` starts each segment afresh, so that block-max WAND
/// skipped little until each segment had found a page of its own: over a
/// dozen segments, most of a search's time.
fn best_matches(
    searcher: &Searcher,
    query: &dyn Query,
    offset: usize,
    limit: usize,
) -> tantivy::Result<Vec<(Score, DocAddress)>> {
    let k = offset.saturating_add(limit);
    let weight = query.weight(EnableScoring::enabled_from_searcher(searcher))?;
    // The worst of the best on top.
    let mut best: BinaryHeap<Candidate> = BinaryHeap::with_capacity(k + 1);
    let mut bar = Score::MIN;
    for (ord, reader) in searcher.segment_readers().iter().enumerate() {
        let alive = reader.alive_bitset();
        weight.for_each_pruning(bar, reader, &mut |doc, score| {
            if alive.is_none_or(|a| a.is_alive(doc)) {
                best.push(Candidate { score, address: DocAddress::new(ord as u32, doc) });
                if best.len() > k {
                    best.pop();
                }
                if best.len() == k {
                    bar = best.peek().map_or(bar, |worst| worst.score);
                }
            }
            bar
        })?;
    }
    let mut best = best.into_sorted_vec();
    best.drain(..offset.min(best.len()));
    Ok(best.into_iter().map(|r| (r.score, r.address)).collect())
}

/// A match, ordered worst last: by score, then by its place in the index.
struct Candidate {
    score: Score,
    address: DocAddress,
}

impl Ord for Candidate {
    fn cmp(&self, other: &Candidate) -> std::cmp::Ordering {
        other.score.total_cmp(&self.score).then_with(|| self.address.cmp(&other.address))
    }
}

impl PartialOrd for Candidate {
    fn partial_cmp(&self, other: &Candidate) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl PartialEq for Candidate {
    fn eq(&self, other: &Candidate) -> bool {
        self.cmp(other).is_eq()
    }
}

impl Eq for Candidate {}

/// How many statements `query` matches, counted up to `cap`: exact when
/// there are no more, else `cap` and more.
fn count_up_to(searcher: &Searcher, query: &dyn Query, cap: usize) -> tantivy::Result<crate::Total> {
    let weight = query.weight(EnableScoring::disabled_from_searcher(searcher))?;
    let mut n = 0;
    for reader in searcher.segment_readers() {
        let mut docs = weight.scorer(reader, 1.0)?;
        let alive = reader.alive_bitset();
        let mut doc = docs.doc();
        while doc != TERMINATED {
            if alive.is_none_or(|a| a.is_alive(doc)) {
                n += 1;
                if n > cap {
                    return Ok(crate::Total::at_least(cap));
                }
            }
            doc = docs.advance();
        }
    }
    Ok(crate::Total::exact(n))
}

/// The names the text's and the pairs' analyzers are registered under.
const WORDS_TOKENIZER: &str = "readout_en_stem";
const PAIRS_TOKENIZER: &str = "readout_en_stem_pairs";

/// The text's words as tantivy's `en_stem` reads them (letters and digits,
/// at most 40 bytes, lower-cased, English Snowball stems), each word's stem
/// remembered ([`RememberedStems`]). The pairs field adds [`Pairs`].
fn words_analyzer() -> tantivy::tokenizer::TextAnalyzerBuilder<impl Tokenizer> {
    TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(RemoveLongFilter::limit(40))
        .filter(LowerCaser)
        .filter(RememberedStems::default())
}

/// Stems English words, remembering the stems of the words it has met: a
/// ledger's statements repeat a small vocabulary, and the text and the
/// pairs fields stem every word, so that stemming took an eighth of an
/// ingest. Each indexing thread has its own memory, emptied when full.
#[derive(Clone, Default)]
struct RememberedStems {
    stems: Stems,
}

/// Words and their stems.
type Stems = std::collections::HashMap<String, String, foldhash::fast::RandomState>;

/// The most stems one memory holds.
const STEMS_REMEMBERED: usize = 100_000;

impl TokenFilter for RememberedStems {
    type Tokenizer<T: Tokenizer> = RememberedStemsFilter<T>;

    fn transform<T: Tokenizer>(self, inner: T) -> RememberedStemsFilter<T> {
        RememberedStemsFilter { stems: self.stems, inner }
    }
}

#[derive(Clone)]
struct RememberedStemsFilter<T> {
    stems: Stems,
    inner: T,
}

impl<T: Tokenizer> Tokenizer for RememberedStemsFilter<T> {
    type TokenStream<'a> = RememberedStemsStream<'a, T::TokenStream<'a>>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> Self::TokenStream<'a> {
        RememberedStemsStream {
            tail: self.inner.token_stream(text),
            stems: &mut self.stems,
            stemmer: frostem::Stemmer::new(frostem::Algorithm::English),
        }
    }
}

struct RememberedStemsStream<'a, S> {
    tail: S,
    stems: &'a mut Stems,
    stemmer: frostem::Stemmer,
}

impl<S: TokenStream> TokenStream for RememberedStemsStream<'_, S> {
    fn advance(&mut self) -> bool {
        if !self.tail.advance() {
            return false;
        }
        let token = self.tail.token_mut();
        if let Some(stem) = self.stems.get(&token.text) {
            token.text.clear();
            token.text.push_str(stem);
            return true;
        }
        let stem = self.stemmer.stem(&token.text).into_owned();
        if self.stems.len() >= STEMS_REMEMBERED {
            self.stems.clear();
        }
        let word = std::mem::replace(&mut token.text, stem.clone());
        self.stems.insert(word, stem);
        true
    }

    fn token(&self) -> &Token {
        self.tail.token()
    }

    fn token_mut(&mut self) -> &mut Token {
        self.tail.token_mut()
    }
}

/// Joins each word to the word right after it.
#[derive(Clone)]
struct Pairs;

impl TokenFilter for Pairs {
    type Tokenizer<T: Tokenizer> = PairsFilter<T>;

    fn transform<T: Tokenizer>(self, inner: T) -> PairsFilter<T> {
        PairsFilter { inner }
    }
}

#[derive(Clone)]
struct PairsFilter<T> {
    inner: T,
}

impl<T: Tokenizer> Tokenizer for PairsFilter<T> {
    type TokenStream<'a> = PairsStream<T::TokenStream<'a>>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> Self::TokenStream<'a> {
        PairsStream { words: self.inner.token_stream(text), previous: None, pair: Token::default() }
    }
}

struct PairsStream<S> {
    words: S,
    /// The last word read, if any.
    previous: Option<Token>,
    pair: Token,
}

impl<S: TokenStream> TokenStream for PairsStream<S> {
    fn advance(&mut self) -> bool {
        while self.words.advance() {
            let word = self.words.token();
            let previous = self.previous.get_or_insert_with(Token::default);
            let adjacent = !previous.text.is_empty() && previous.position + 1 == word.position;
            if adjacent {
                self.pair.text.clear();
                self.pair.text.push_str(&previous.text);
                self.pair.text.push(' ');
                self.pair.text.push_str(&word.text);
                self.pair.position = previous.position;
                self.pair.offset_from = previous.offset_from;
                self.pair.offset_to = word.offset_to;
                self.pair.position_length = 2;
            }
            previous.text.clear();
            previous.text.push_str(&word.text);
            previous.position = word.position;
            previous.offset_from = word.offset_from;
            if adjacent {
                return true;
            }
        }
        false
    }

    fn token(&self) -> &Token {
        &self.pair
    }

    fn token_mut(&mut self) -> &mut Token {
        &mut self.pair
    }
}

/// The text field's analyzer ([`words_analyzer`]), except that only the
/// words that can stem to a query word are stemmed. Stemming never changes
/// a word's first letter, so a word whose first letter starts no query word
/// is left as it is, and matches none as it would not stemmed. Stemming
/// every word of every hit took a quarter of a search's time.
fn marking_analyzer(firsts: Arc<[char]>) -> TextAnalyzer {
    TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(RemoveLongFilter::limit(40))
        .filter(LowerCaser)
        .filter(StemIfMatchable { firsts })
        .build()
}

/// Stems the words that begin with one of `firsts`.
#[derive(Clone)]
struct StemIfMatchable {
    firsts: Arc<[char]>,
}

impl TokenFilter for StemIfMatchable {
    type Tokenizer<T: Tokenizer> = StemIfMatchableFilter<T>;

    fn transform<T: Tokenizer>(self, inner: T) -> StemIfMatchableFilter<T> {
        StemIfMatchableFilter { firsts: self.firsts, inner }
    }
}

#[derive(Clone)]
struct StemIfMatchableFilter<T> {
    firsts: Arc<[char]>,
    inner: T,
}

impl<T: Tokenizer> Tokenizer for StemIfMatchableFilter<T> {
    type TokenStream<'a> = StemIfMatchableStream<'a, T::TokenStream<'a>>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> Self::TokenStream<'a> {
        StemIfMatchableStream {
            tail: self.inner.token_stream(text),
            firsts: &self.firsts,
            stemmer: frostem::Stemmer::new(frostem::Algorithm::English),
        }
    }
}

struct StemIfMatchableStream<'a, S> {
    tail: S,
    firsts: &'a [char],
    stemmer: frostem::Stemmer,
}

impl<S: TokenStream> TokenStream for StemIfMatchableStream<'_, S> {
    fn advance(&mut self) -> bool {
        if !self.tail.advance() {
            return false;
        }
        let token = self.tail.token_mut();
        if token.text.chars().next().is_some_and(|c| self.firsts.contains(&c)) {
            let stem = match self.stemmer.stem(&token.text) {
                Cow::Owned(stem) => stem,
                Cow::Borrowed(stem) => stem.to_string(),
            };
            token.text = stem;
        }
        true
    }

    fn token(&self) -> &Token {
        self.tail.token()
    }

    fn token_mut(&mut self) -> &mut Token {
        self.tail.token_mut()
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

    /// An index of `segments` segments of made-up statements: words from a
    /// small vocabulary (so that scores tie, as in a ledger of near copies),
    /// one kind, up to two actors, a year.
    fn made_up_index(name: &str, segments: usize) -> (SearchIndex, PathBuf) {
        let dir = std::env::temp_dir().join(format!("readout-search-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        let ix = SearchIndex::open_in(&dir).unwrap();
        let mut writer: IndexWriter = ix.index.writer_with_num_threads(1, 20_000_000).unwrap();
        writer.set_merge_policy(Box::new(tantivy::indexer::NoMergePolicy));
        let words = ["trade", "energy", "japan", "security", "defense", "cooperation", "investment", "china"];
        let kinds = ["commitment", "action", "position", "fact"];
        let actors = ["JPN", "USA", "KOR"];
        let mut seed = 7u64;
        let mut next = |n: usize| {
            seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            (seed >> 33) as usize % n
        };
        let f = ix.fields;
        for segment in 0..segments {
            for i in 0..1_500 {
                let length = 3 + next(8);
                let text: Vec<&str> = (0..length).map(|_| words[next(words.len())]).collect();
                let mut doc = TantivyDocument::default();
                doc.add_u64(f.rowid, (segment * 1_500 + i) as u64);
                doc.add_text(f.text, text.join(" "));
                doc.add_text(f.pairs, text.join(" "));
                doc.add_text(f.kind, kinds[next(kinds.len())]);
                doc.add_text(f.doc, format!("d-{segment}-{i}"));
                for _ in 0..next(3) {
                    doc.add_text(f.actor, actors[next(actors.len())]);
                }
                let year = 2016 + next(4) as u64;
                doc.add_u64(f.date_lo, year * 10_000 + 101);
                doc.add_u64(f.date_hi, year * 10_000 + 1231);
                writer.add_document(doc).unwrap();
            }
            writer.commit().unwrap();
        }
        ix.reader.reload().unwrap();
        (ix, dir)
    }

    #[test]
    fn pruned_pages_are_the_pages_of_scoring_every_match() {
        let (ix, dir) = made_up_index("pages", 3);
        assert_eq!(ix.reader.searcher().segment_readers().len(), 3);
        let filters = [
            SearchFilter::default(),
            SearchFilter { actor: Some("JPN".into()), ..Default::default() },
            SearchFilter { kind: Some("fact".into()), since: Some("2018".into()), ..Default::default() },
            SearchFilter { until: Some("2016-12".into()), actor: Some("KOR".into()), ..Default::default() },
            SearchFilter { actor: Some("BRA".into()), ..Default::default() },
        ];
        let queries = [
            "trade",
            "trade AND japan",
            "trade OR security",
            "china OR \"energy energy\"",
            "trade OR nothingatall",
            "trad*",
            "energy NOT china",
            "\"japan trade\"",
        ];
        let (mut pruned, mut both_first) = (0, [0, 0]);
        for q in queries {
            let node = crate::fts_query::parse(q).unwrap();
            for f in &filters {
                let plan = ix.prepare(&node, f).unwrap();
                pruned += usize::from(plan.prunes);
                let rowids = ix.rowid_columns(&plan.searcher).unwrap();
                for (offset, limit) in [(0, 10), (7, 5), (0, 1), (3_000, 20)] {
                    let fast = best_matches(&plan.searcher, &*plan.ranked, offset, limit).unwrap();
                    let every = TopDocs::with_limit(limit).and_offset(offset).order_by_score();
                    let slow = plan.searcher.search(&*plan.counted, &every).unwrap();
                    assert_eq!(fast, slow, "{q:?} {f:?} at {offset}+{limit}");
                    // What a search answers, an OR of two perhaps by its AND.
                    let page = SearchFilter { offset, limit, ..f.clone() };
                    both_first[usize::from(ix.both_first(&node, &page, &plan, limit).unwrap().is_some())] +=
                        1;
                    let ((hits, _), _) = ix.search(&node, &page, true).unwrap().unwrap();
                    let expected: Vec<(i64, f32)> = slow
                        .iter()
                        .map(|(score, at)| {
                            (rowids[at.segment_ord as usize].first(at.doc_id).unwrap() as i64, *score)
                        })
                        .collect();
                    assert_eq!(hits, expected, "{q:?} {f:?} at {offset}+{limit}");
                }
                let exact = plan.searcher.search(&*plan.counted, &Count).unwrap();
                assert_eq!(plan.searcher.search(&*plan.ranked, &Count).unwrap(), exact, "{q:?} {f:?}");
                let capped = count_up_to(&plan.searcher, &*plan.counted, 100).unwrap();
                let expected =
                    if exact > 100 { crate::Total::at_least(100) } else { crate::Total::exact(exact) };
                assert_eq!(capped, expected, "{q:?} {f:?}");
            }
        }
        assert!(pruned >= 20, "most of these prune: {pruned}");
        assert!(both_first[1] >= 5, "an OR of two is often its AND: {both_first:?}");
        assert!(both_first[0] >= 5, "and not always: {both_first:?}");
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn a_pair_finds_what_a_phrase_of_two_finds() {
        let (ix, dir) = made_up_index("pairs", 2);
        {
            // A word too long to index between two words parts them.
            let mut writer: IndexWriter = ix.index.writer_with_num_threads(1, 20_000_000).unwrap();
            let mut doc = TantivyDocument::default();
            doc.add_u64(ix.fields.rowid, 1_000_000);
            let text = format!("china {} trade, Trade-Japan!", "x".repeat(50));
            doc.add_text(ix.fields.text, &text);
            doc.add_text(ix.fields.pairs, &text);
            writer.add_document(doc).unwrap();
            writer.commit().unwrap();
            ix.reader.reload().unwrap();
        }
        let searcher = ix.reader.searcher();
        let text = |word: &str| Term::from_field_text(ix.fields.text, word);
        let words = ["trade", "japan", "secur", "china", "cooper"];
        let mut found = 0;
        for a in words {
            for b in words {
                let node = crate::fts_query::parse(&format!("\"{a} {b}\"")).unwrap();
                let pair = ix.query(&searcher, &node).unwrap();
                assert!(pair.is::<TermQuery>(), "{a} {b}");
                let phrase = PhraseQuery::new(vec![text(a), text(b)]);
                let n = searcher.search(&*pair, &Count).unwrap();
                assert_eq!(n, searcher.search(&phrase, &Count).unwrap(), "{a} {b}");
                found += n;
            }
        }
        assert!(found > 1_000, "{found}");
        let count = |q: &str| {
            searcher
                .search(&*ix.query(&searcher, &crate::fts_query::parse(q).unwrap()).unwrap(), &Count)
                .unwrap()
        };
        assert_eq!(
            count("\"china trade\""),
            searcher.search(&PhraseQuery::new(vec![text("china"), text("trade")]), &Count).unwrap()
        );
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn marks_are_those_of_stemming_every_word() {
        let (ix, dir) = made_up_index("marks", 1);
        let searcher = ix.reader.searcher();
        let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/corpus");
        let mut texts = Vec::new();
        for entry in std::fs::read_dir(corpus).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_some_and(|e| e == "txt") {
                texts.extend(std::fs::read_to_string(path).unwrap().lines().map(str::to_string));
            }
        }
        assert!(texts.len() > 100);
        let text = |word: &str| Term::from_field_text(ix.fields.text, word);
        for q in ["trade", "japan AND energy", "invest*", "\"security cooperation\"", "defense OR china"] {
            let node = crate::fts_query::parse(q).unwrap();
            let query = ix.query(&searcher, &node).unwrap();
            let ours = ix.marker(&searcher, &*query).unwrap();
            // A phrase of two is a term of the pairs: it marks its words as
            // a phrase query of the text marks them.
            let reference: Box<dyn Query> = match q {
                "\"security cooperation\"" => Box::new(PhraseQuery::new(vec![text("secur"), text("cooper")])),
                _ => query,
            };
            let mut theirs = SnippetGenerator::create(&searcher, &*reference, ix.fields.text).unwrap();
            theirs.set_max_num_chars(SNIPPET_CHARS);
            for text in &texts {
                assert_eq!(
                    ours.0.snippet(text).to_html(),
                    theirs.snippet(text).to_html(),
                    "{q:?} in {text:?}"
                );
            }
        }
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn words_are_read_as_tantivys_en_stem_reads_them() {
        let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/corpus");
        let mut ours = words_analyzer().build();
        let mut theirs = tantivy::tokenizer::TokenizerManager::default().get("en_stem").unwrap();
        let mut words = 0;
        let tokens = |analyzer: &mut TextAnalyzer, text: &str| {
            let mut out = Vec::new();
            analyzer.token_stream(text).process(&mut |t| out.push(t.clone()));
            out
        };
        // Twice over: the second time, every stem is remembered.
        for _ in 0..2 {
            for entry in std::fs::read_dir(&corpus).unwrap() {
                let text = std::fs::read_to_string(entry.unwrap().path()).unwrap_or_default();
                let expected = tokens(&mut theirs, &text);
                assert_eq!(tokens(&mut ours, &text), expected);
                words += expected.len();
            }
        }
        assert!(words > 2_000, "{words}");
    }

    #[test]
    fn stemming_keeps_a_words_first_letter() {
        let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/corpus");
        let stemmer = frostem::Stemmer::new(frostem::Algorithm::English);
        let mut words = 0;
        for entry in std::fs::read_dir(corpus).unwrap() {
            let text = std::fs::read_to_string(entry.unwrap().path()).unwrap_or_default().to_lowercase();
            for word in text.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()) {
                assert_eq!(stemmer.stem(word).chars().next(), word.chars().next(), "{word}");
                words += 1;
            }
        }
        assert!(words > 1_000);
        for word in ["dying", "lying", "skies", "news", "yelling", "ugly", "early", "only", "'tis"] {
            let word = word.trim_start_matches('\'');
            assert_eq!(stemmer.stem(word).chars().next(), word.chars().next(), "{word}");
        }
    }

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
