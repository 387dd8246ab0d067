//! readout's ledger: documents, statements and everything extracted from
//! them, in an embedded SQLite database.
//!
//! - one transaction per document: a crash loses at most the document being
//!   written, never one already stored;
//! - the same bytes twice change nothing (ids come from the bytes); changed
//!   bytes at the same path become a new version, the old one is kept and
//!   marked `superseded_by`;
//! - WAL journal and a busy timeout, so that several processes can write
//!   and read one database;
//! - versioned migrations (`PRAGMA user_version`); a database of a newer
//!   schema or a file that is not one is refused, never overwritten;
//! - search in FTS5's query language, ranked by a search index derived from
//!   the ledger (tantivy, in `<ledger>.search/`) when it holds the ledger's
//!   state, by FTS5 otherwise.
//!
//! The schema is `schema.sql` (and `docs/schema.md`).

#![warn(missing_docs)]

mod fts_query;
mod search_filter;
mod search_index;

use readout_extract::{
    DateMention, DateSource, Document, Kind, Modality, Publisher, Qualifier, Quantity, QuantityKind,
    Statement,
};
use rusqlite::{params, Connection, OpenFlags, OptionalExtension};
use search_index::SearchIndex;
use serde::Serialize;
use std::path::Path;
use thiserror::Error;

/// A page of the current documents (`?1` the limit, `?2` the offset), in
/// the order of the index `documents_current_by_date`.
const LIST_DOCUMENTS: &str = "SELECT d.id, d.path, d.title, d.date, d.publisher,
        (SELECT count(*) FROM statements s WHERE s.doc_id = d.id)
 FROM documents d WHERE d.superseded_by IS NULL
 ORDER BY d.date IS NULL, d.date, d.path, d.id LIMIT ?1 OFFSET ?2";

/// How long a writer waits for another to finish.
const BUSY_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(30);

/// The schema version this readout writes.
pub const SCHEMA_VERSION: i64 = 7;

/// The migrations, one per schema version, in order.
const MIGRATIONS: [&str; 7] = [
    include_str!("schema.sql"),
    include_str!("migrate_2_pages.sql"),
    include_str!("migrate_3_live.sql"),
    include_str!("migrate_4_identity.sql"),
    include_str!("migrate_5_lean.sql"),
    include_str!("migrate_6_listing.sql"),
    include_str!("migrate_7_full_text_follows.sql"),
];

/// Adds to FTS5 the statements past its mark and moves the mark: FTS5
/// holds exactly the statements up to `full_text_upto` (no statement is
/// ever deleted or rewritten, so rows past the mark are all it lacks).
const FULL_TEXT_CATCH_UP: &str = "
  INSERT INTO statements_fts (rowid, text)
    SELECT rowid, text FROM statements
    WHERE rowid > (SELECT CAST(value AS INTEGER) FROM ledger WHERE key = 'full_text_upto')
    ORDER BY rowid;
  UPDATE ledger SET value = (SELECT ifnull(max(rowid), 0) FROM statements) WHERE key = 'full_text_upto';";

/// Whether FTS5 lacks statements (past its mark).
const FULL_TEXT_BEHIND: &str = "
  SELECT (SELECT ifnull(max(rowid), 0) FROM statements)
       > (SELECT CAST(value AS INTEGER) FROM ledger WHERE key = 'full_text_upto')";

/// What can go wrong with the ledger.
#[derive(Debug, Error)]
pub enum StoreError {
    /// The file exists but is not a SQLite database.
    #[error("{0}: not a readout database (not SQLite); nothing was changed")]
    NotADatabase(String),
    /// The database was written by a newer readout.
    #[error("{path}: database schema version {found} is newer than this readout's ({SCHEMA_VERSION}); upgrade readout")]
    TooNew {
        /// The database file.
        path: String,
        /// Its schema version.
        found: i64,
    },
    /// A search query that FTS5 cannot parse.
    #[error("malformed search query {query:?}: {reason} (quote phrases, e.g. \"free trade\"; use AND, OR, NOT, prefix*)")]
    Query {
        /// The query.
        query: String,
        /// What SQLite said.
        reason: String,
    },
    /// A filter value that is not valid.
    #[error("{0}")]
    Filter(String),
    /// Anything else SQLite reports.
    #[error("database error: {0}")]
    Sqlite(#[from] rusqlite::Error),
    /// The search index beside the ledger could not be brought up to date
    /// (searches still work, through FTS5).
    #[error("{0}")]
    SearchIndex(String),
}

/// What ingesting one document did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case", tag = "outcome")]
pub enum Ingested {
    /// A new document.
    Added,
    /// The same bytes were already stored.
    Unchanged,
    /// A new version of a document at the same path; the old one is kept.
    NewVersion {
        /// The id of the version it replaces.
        superseded: String,
    },
}

/// The ledger.
pub struct Store {
    conn: Connection,
    /// Ranks searches; `None` when it cannot be had (FTS5 then does).
    index: Option<SearchIndex>,
    /// FTS5 is brought up to date by [`Store::update_full_text`], not in
    /// each document's transaction.
    full_text_follows: bool,
}

/// Search filters and paging.
#[derive(Debug, Clone, Default)]
pub struct SearchFilter {
    /// Only statements with this actor.
    pub actor: Option<String>,
    /// Only statements with this domain.
    pub domain: Option<String>,
    /// Only statements of this kind.
    pub kind: Option<String>,
    /// Only documents dated on or after this ISO day, month or year.
    pub since: Option<String>,
    /// Only documents dated on or before this ISO day, month or year.
    pub until: Option<String>,
    /// At most this many hits.
    pub limit: usize,
    /// Skip this many hits.
    pub offset: usize,
    /// What to put before and after each match in snippets (default `[`
    /// and `]`).
    pub marks: Option<(String, String)>,
}

/// Statements matching a query with the filters applied: `?1` the
/// query, `?2`–`?6` actor, domain, kind, since, until (NULL for none);
/// columns `r` (statement rowid), `rank` (BM25, or 0 where `RANK` is
/// replaced by `0`: ranking every match is the costly part), `date`, `kind`.
const MATCHES: &str = "SELECT s.rowid AS r, RANK AS rank, d.date AS date, s.kind AS kind
   FROM statements_fts
   JOIN statements s ON s.rowid = statements_fts.rowid
   JOIN documents d ON d.id = s.doc_id
   WHERE statements_fts MATCH ?1 AND d.superseded_by IS NULL
     AND (?2 IS NULL OR EXISTS (SELECT 1 FROM statement_actors a WHERE a.statement = s.rowid AND a.actor = ?2))
     AND (?3 IS NULL OR EXISTS (SELECT 1 FROM statement_domains x WHERE x.statement = s.rowid AND x.domain = ?3))
     AND (?4 IS NULL OR s.kind = ?4)
     AND (?5 IS NULL OR (d.date IS NOT NULL AND
          CASE length(d.date) WHEN 4 THEN d.date || '-12-31' WHEN 7 THEN d.date || '-31' ELSE d.date END >= ?5))
     AND (?6 IS NULL OR (d.date IS NOT NULL AND
          CASE length(d.date) WHEN 4 THEN d.date || '-01-01' WHEN 7 THEN d.date || '-01' ELSE d.date END <= ?6))";

/// The matching statements, ranked or not.
fn matches(ranked: bool) -> String {
    MATCHES.replace("RANK", if ranked { "bm25(statements_fts)" } else { "0" })
}

/// A search error SQLite reports about the query itself, as such.
fn malformed(query: &str, e: rusqlite::Error) -> StoreError {
    let msg = e.to_string();
    // FTS5 reports every fault of a query as a plain SQLITE_ERROR ("fts5:
    // syntax error", "unknown special query", "no such column"); busy,
    // corrupt or I/O errors have codes of their own.
    if e.sqlite_error_code() == Some(rusqlite::ErrorCode::Unknown) {
        StoreError::Query { query: query.to_string(), reason: msg }
    } else {
        StoreError::Sqlite(e)
    }
}

/// A filter's date bounds as ISO days.
fn bounds(f: &SearchFilter) -> Result<(Option<String>, Option<String>), StoreError> {
    Ok((
        f.since.as_deref().map(|d| pad(d, true)).transpose()?,
        f.until.as_deref().map(|d| pad(d, false)).transpose()?,
    ))
}

/// How many hits have one value of a facet.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct FacetCount {
    /// The actor, domain, kind or year.
    pub value: String,
    /// Hits with it.
    pub count: i64,
}

/// How many rows of a page of hits are read in one statement.
const ROWS_PER_LOOKUP: usize = 500;

/// How many statements a search matches: exact, or a lower bound where
/// counting every match would cost more than finding the page (as
/// Elasticsearch's `hits.total` with its `relation`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Total {
    /// The count, or its lower bound.
    pub value: i64,
    /// Whether `value` is the count (or only a lower bound).
    pub exact: bool,
}

impl Total {
    /// An exact count.
    pub fn exact(n: usize) -> Total {
        Total { value: n as i64, exact: true }
    }

    /// At least `n`.
    pub fn at_least(n: usize) -> Total {
        Total { value: n as i64, exact: false }
    }
}

/// How the hits of a search spread (`Store::facets`).
#[derive(Debug, Clone, Default, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Facets {
    /// Hits in all.
    pub total: i64,
    /// By actor, most first.
    pub actor: Vec<FacetCount>,
    /// By domain, most first.
    pub domain: Vec<FacetCount>,
    /// By kind, most first.
    pub kind: Vec<FacetCount>,
    /// By year of the document's date, in order.
    pub year: Vec<FacetCount>,
}

/// A document as listed (`Store::list_documents`).
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DocumentSummary {
    /// Its id.
    pub id: String,
    /// Where it was read from.
    pub path: String,
    /// Its title.
    pub title: Option<String>,
    /// Its date.
    pub date: Option<String>,
    /// Its publisher.
    pub publisher: String,
    /// How many statements it has.
    pub statements: i64,
}

/// One search hit.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Hit {
    /// The statement's id.
    pub statement: String,
    /// Its document's id.
    pub doc: String,
    /// Its document's path.
    pub path: String,
    /// Its document's date.
    pub date: Option<String>,
    /// Its kind.
    pub kind: String,
    /// Its text with the matches marked `[` `]`.
    pub snippet: String,
    /// BM25 (lower is better).
    pub score: f64,
}

/// Counts of what the ledger holds.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Counts {
    /// Current documents.
    pub documents: i64,
    /// Superseded versions.
    pub superseded: i64,
    /// Statements of current documents.
    pub statements: i64,
}

fn ts_err(e: rusqlite::Error, path: &str) -> StoreError {
    match e.sqlite_error_code() {
        Some(rusqlite::ErrorCode::NotADatabase) => StoreError::NotADatabase(path.to_string()),
        _ => StoreError::Sqlite(e),
    }
}

impl Store {
    /// Opens (creating it and its folder if needed) the ledger at `path`.
    pub fn open(path: &Path) -> Result<Store, StoreError> {
        let name = path.display().to_string();
        let conn = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_WRITE
                | OpenFlags::SQLITE_OPEN_CREATE
                | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )?;
        conn.busy_timeout(BUSY_TIMEOUT)?;
        // Reading the schema version is the first touch of the file: a
        // file that is not SQLite fails here, before anything is written.
        let version: i64 =
            conn.query_row("PRAGMA user_version", [], |r| r.get(0)).map_err(|e| ts_err(e, &name))?;
        if version > SCHEMA_VERSION {
            return Err(StoreError::TooNew { path: name, found: version });
        }
        conn.pragma_update(None, "journal_mode", "WAL").map_err(|e| ts_err(e, &name))?;
        conn.pragma_update(None, "synchronous", "NORMAL")?;
        // Checkpoint every ~120 MB of WAL rather than every 4 MB: a page
        // that every document's transaction touches (an index's) is then
        // copied back into the database once per many documents, not once
        // per few, and each checkpoint's sort of the log's frames is paid
        // less often (ingest of 200 MB: 26.6 s at 40 MB, 23.7 s at 120 MB;
        // no better beyond).
        conn.pragma_update(None, "wal_autocheckpoint", 30_000)?;
        // 8 MiB of page cache: enough for the hot index pages of an ingest;
        // a larger cache costs more at every commit (SQLite walks it to
        // drop pages past the end of the file) than it saves.
        conn.pragma_update(None, "cache_size", -8192)?;
        conn.pragma_update(None, "foreign_keys", "ON")?;
        // Reads through a memory map: a search touches a row of `statements`
        // for every hit, and reading those pages by system call cost more
        // than ranking them (a third of a broad search's time on a
        // million statements).
        conn.pragma_update(None, "mmap_size", 1i64 << 30)?;
        let mut store = Store { conn, index: None, full_text_follows: false };
        store.migrate(version)?;
        // READOUT_SEARCH_INDEX=off: FTS5 alone ranks (to compare, or where
        // the folder beside the ledger cannot be written).
        if std::env::var_os("READOUT_SEARCH_INDEX").is_none_or(|v| v != "off") {
            store.index = SearchIndex::open(path);
        }
        Ok(store)
    }

    fn migrate(&mut self, from: i64) -> Result<(), StoreError> {
        for (i, sql) in MIGRATIONS.iter().enumerate() {
            let version = i as i64 + 1;
            if version <= from {
                continue;
            }
            let tx = self.conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
            // Another process may have migrated while we waited.
            let now: i64 = tx.query_row("PRAGMA user_version", [], |r| r.get(0))?;
            if now < version {
                tx.execute_batch(sql)?;
                tx.pragma_update(None, "user_version", version)?;
            }
            tx.commit()?;
        }
        Ok(())
    }

    /// Stores one document in one transaction.
    pub fn ingest(&mut self, doc: &Document, path: &str) -> Result<Ingested, StoreError> {
        let full_text_now = !self.full_text_follows;
        let tx = self.conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        // Every statement of a document's transaction is prepared once per
        // connection: preparing them anew was 2% of the writer's time.
        let exists: bool = tx
            .prepare_cached("SELECT EXISTS(SELECT 1 FROM documents WHERE id = ?1)")?
            .query_row([&doc.id], |r| r.get(0))?;
        if exists {
            tx.commit()?;
            return Ok(Ingested::Unchanged);
        }
        let previous: Option<String> = tx
            .prepare_cached(
                "SELECT id FROM documents WHERE path = ?1 AND superseded_by IS NULL ORDER BY rowid DESC LIMIT 1",
            )?
            .query_row([path], |r| r.get(0))
            .optional()?;
        tx.prepare_cached(
            "INSERT INTO documents (id, path, title, date, date_precision, date_source, publisher, encoding, text)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
        )?
        .execute(params![
                doc.id,
                path,
                doc.title,
                doc.date,
                doc.date_precision.map(|p| p.as_str()),
                doc.date_source.map(date_source_name),
                doc.publisher.as_str(),
                doc.encoding,
                doc.text,
            ],
        )?;
        {
            let mut st = tx.prepare_cached(
                "INSERT INTO statements (id, doc_id, idx, span_start, span_end, text, speaker, kind, modality, page)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
            )?;
            let mut actor = tx.prepare_cached(
                "INSERT OR IGNORE INTO statement_actors (statement, actor) VALUES (?1, ?2)",
            )?;
            let mut domain = tx.prepare_cached(
                "INSERT OR IGNORE INTO statement_domains (statement, domain) VALUES (?1, ?2)",
            )?;
            let mut qty = tx.prepare_cached(
                "INSERT INTO quantities (statement, kind, value, unit, qualifier, text, span_start, span_end)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            )?;
            let mut date = tx.prepare_cached(
                "INSERT INTO dates (statement, text, value, span_start, span_end) VALUES (?1, ?2, ?3, ?4, ?5)",
            )?;
            for (i, s) in doc.statements.iter().enumerate() {
                st.execute(params![
                    s.id,
                    doc.id,
                    i as i64,
                    s.span.start as i64,
                    s.span.end as i64,
                    s.text,
                    s.speaker,
                    s.kind.as_str(),
                    s.modality.map(|m| m.as_str()),
                    s.page,
                ])?;
                let rowid = tx.last_insert_rowid();
                for a in &s.actors {
                    actor.execute(params![rowid, a])?;
                }
                for d in &s.domains {
                    domain.execute(params![rowid, d])?;
                }
                for q in &s.quantities {
                    qty.execute(params![
                        rowid,
                        q.kind.as_str(),
                        q.value,
                        q.unit,
                        q.qualifier.as_str(),
                        q.text,
                        q.span.start as i64,
                        q.span.end as i64
                    ])?;
                }
                for d in &s.dates {
                    date.execute(params![rowid, d.text, d.value, d.span.start as i64, d.span.end as i64])?;
                }
            }
        }
        if let Some(prev) = &previous {
            tx.execute("UPDATE documents SET superseded_by = ?1 WHERE id = ?2", params![doc.id, prev])?;
        }
        if full_text_now {
            // Anything a following ingest left behind comes too.
            tx.execute_batch(FULL_TEXT_CATCH_UP)?;
        }
        tx.commit()?;
        Ok(match previous {
            Some(superseded) => Ingested::NewVersion { superseded },
            None => Ingested::Added,
        })
    }

    /// What the ledger holds.
    pub fn counts(&self) -> Result<Counts, StoreError> {
        Ok(self.conn.query_row(
            "SELECT (SELECT count(*) FROM documents WHERE superseded_by IS NULL),
                    (SELECT count(*) FROM documents WHERE superseded_by IS NOT NULL),
                    (SELECT count(*) FROM statements s JOIN documents d ON d.id = s.doc_id WHERE d.superseded_by IS NULL)",
            [],
            |r| Ok(Counts { documents: r.get(0)?, superseded: r.get(1)?, statements: r.get(2)? }),
        )?)
    }

    /// Leaves FTS5 out of each document's transaction: [`Store::update_full_text`]
    /// then adds what came since, many documents at a time. For a long
    /// ingest; searches through FTS5 meanwhile see the ledger as it was at
    /// the last update.
    pub fn defer_full_text(&mut self) {
        self.full_text_follows = true;
    }

    /// Adds to FTS5 every statement it lacks, in one transaction.
    pub fn update_full_text(&self) -> Result<(), StoreError> {
        let tx = rusqlite::Transaction::new_unchecked(&self.conn, rusqlite::TransactionBehavior::Immediate)?;
        tx.execute_batch(FULL_TEXT_CATCH_UP)?;
        Ok(tx.commit()?)
    }

    /// Before a search through FTS5: adds what it lacks (after an ingest
    /// that was stopped), unless another writer holds the ledger — an
    /// ingest under way brings it up to date itself, and a search does not
    /// wait for it — or the ledger cannot be written.
    fn full_text_current(&self) -> Result<(), StoreError> {
        let behind: bool = self.conn.query_row(FULL_TEXT_BEHIND, [], |r| r.get(0))?;
        if behind {
            self.conn.busy_timeout(std::time::Duration::ZERO)?;
            let updated = self.update_full_text();
            self.conn.busy_timeout(BUSY_TIMEOUT)?;
            // Busy (another writer) or read-only (a ledger the user may
            // only read): the search reads what FTS5 holds.
            use rusqlite::ErrorCode::{DatabaseBusy, DatabaseLocked, ReadOnly};
            match updated {
                Err(StoreError::Sqlite(e))
                    if matches!(e.sqlite_error_code(), Some(DatabaseBusy | DatabaseLocked | ReadOnly)) => {}
                other => other?,
            }
        }
        Ok(())
    }

    /// This store without its search index: FTS5 alone ranks (to compare
    /// the two; `READOUT_SEARCH_INDEX=off` does it for a whole run).
    pub fn without_search_index(mut self) -> Store {
        self.index = None;
        self
    }

    /// Brings the search index up to date with the ledger (after an
    /// ingest, so that the first search does not pay for it); `false` when
    /// another process holds the index's writer, or there is no index.
    pub fn update_search_index(&self) -> Result<bool, StoreError> {
        match &self.index {
            Some(ix) => ix
                .update(&self.conn)
                .map_err(|e| StoreError::SearchIndex(format!("{}: {e}", ix.dir().display()))),
            None => Ok(false),
        }
    }

    /// Reads without the memory map from now on. For a long writer (an
    /// ingest): mapped pages it reads count in its resident memory, which
    /// would then grow with the ledger; the page cache bounds it instead.
    pub fn without_memory_map(&self) -> Result<(), StoreError> {
        Ok(self.conn.pragma_update(None, "mmap_size", 0)?)
    }

    /// Whether this store keeps a search index (none when it is turned
    /// off, or its folder cannot be opened).
    pub fn has_search_index(&self) -> bool {
        self.index.is_some()
    }

    /// Whether searches are ranked by the search index now (it exists and
    /// holds the ledger's state, or was just brought to it).
    pub fn search_index_ready(&self) -> bool {
        self.index.as_ref().is_some_and(|ix| ix.ready(&self.conn).unwrap_or(false))
    }

    /// Runs `run` on the search index when it can answer `query`: the
    /// query is one it reads and the index holds the ledger's state (or
    /// can be brought to it). Otherwise, or on any fault of the index,
    /// `None`, and FTS5 answers.
    fn with_index<T>(
        &self,
        query: &str,
        run: impl FnOnce(&SearchIndex, &fts_query::Node) -> Result<Option<T>, search_index::IndexError>,
    ) -> Option<T> {
        let ix = self.index.as_ref()?;
        let node = fts_query::parse(query)?;
        match ix.ready(&self.conn) {
            Ok(true) => run(ix, &node).ok().flatten(),
            _ => None,
        }
    }

    /// The hits of statements ranked by the search index, their words
    /// marked.
    fn hits(
        &self,
        ranked: &[(i64, f32)],
        marker: &search_index::Marker,
        open: &str,
        close: &str,
    ) -> Result<Vec<Hit>, StoreError> {
        // The page's rows in one statement (a statement per row took a
        // read lock and a fresh plan each: a tenth of a search's time).
        let mut rows = std::collections::HashMap::with_capacity(ranked.len());
        for chunk in ranked.chunks(ROWS_PER_LOOKUP) {
            let sql = format!(
                "SELECT s.rowid, s.id, d.id, d.path, d.date, s.kind, s.text
                 FROM statements s JOIN documents d ON d.id = s.doc_id WHERE s.rowid IN ({})",
                vec!["?"; chunk.len()].join(",")
            );
            let mut st = self.conn.prepare_cached(&sql)?;
            let mut found = st.query(rusqlite::params_from_iter(chunk.iter().map(|(rowid, _)| rowid)))?;
            while let Some(r) = found.next()? {
                let row: (String, String, String, Option<String>, String, String) =
                    (r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?, r.get(5)?, r.get(6)?);
                rows.insert(r.get::<_, i64>(0)?, row);
            }
        }
        let mut out = Vec::with_capacity(ranked.len());
        for (rowid, score) in ranked {
            let Some((statement, doc, path, date, kind, text)) = rows.remove(rowid) else { continue };
            let snippet = marker.mark(&text, open, close).unwrap_or_else(|| opening_words(&text, 16));
            out.push(Hit { statement, doc, path, date, kind, snippet, score: -f64::from(*score) });
        }
        Ok(out)
    }

    /// Full-text search: BM25 ranking, filters combined with the ranking.
    /// The search index ranks and marks when it can; FTS5 otherwise.
    pub fn search(&self, query: &str, f: &SearchFilter) -> Result<Vec<Hit>, StoreError> {
        Ok(self.search_counting(query, f, false)?.0)
    }

    /// A page of [`Store::search`] and how many statements match in all.
    /// Where finding the page scores every match anyway, the matches are
    /// counted in the same pass; where it does not, the count is exact up
    /// to a thousand and a lower bound beyond.
    pub fn search_with_total(&self, query: &str, f: &SearchFilter) -> Result<(Vec<Hit>, Total), StoreError> {
        let (hits, total) = self.search_counting(query, f, true)?;
        let total = match total {
            Some(n) => n,
            // A short first page is the whole answer.
            None if f.offset == 0 && hits.len() < f.limit => Total::exact(hits.len()),
            None => Total { value: self.count(query, f)?, exact: true },
        };
        Ok((hits, total))
    }

    /// The page of hits, and their count where the search index gave it.
    fn search_counting(
        &self,
        query: &str,
        f: &SearchFilter,
        count: bool,
    ) -> Result<(Vec<Hit>, Option<Total>), StoreError> {
        let (since, until) = bounds(f)?;
        let (open, close) = f.marks.clone().unwrap_or_else(|| ("[".to_string(), "]".to_string()));
        if let Some(((ranked, marker), total)) = self.with_index(query, |ix, node| ix.search(node, f, count))
        {
            return Ok((self.hits(&ranked, &marker, &open, &close)?, total));
        }
        self.full_text_current()?;
        // Rank and filter first, without snippets; make snippets for the
        // page of hits only.
        let sql = format!(
            "WITH top AS ({} ORDER BY rank, s.rowid LIMIT ?7 OFFSET ?8)
             SELECT s.id, d.id, d.path, d.date, s.kind,
                    snippet(statements_fts, 0, ?9, ?10, '…', 16), top.rank
             FROM top
             JOIN statements_fts ON statements_fts.rowid = top.r AND statements_fts MATCH ?1
             JOIN statements s ON s.rowid = top.r
             JOIN documents d ON d.id = s.doc_id
             ORDER BY top.rank, top.r",
            matches(true)
        );
        let mut st = self.conn.prepare_cached(&sql)?;
        let rows = st
            .query_map(
                params![
                    query,
                    f.actor,
                    f.domain,
                    f.kind,
                    since,
                    until,
                    f.limit as i64,
                    f.offset as i64,
                    open,
                    close
                ],
                |r| {
                    Ok(Hit {
                        statement: r.get(0)?,
                        doc: r.get(1)?,
                        path: r.get(2)?,
                        date: r.get(3)?,
                        kind: r.get(4)?,
                        snippet: r.get(5)?,
                        score: r.get(6)?,
                    })
                },
            )
            .map_err(|e| malformed(query, e))?;
        Ok((rows.collect::<Result<Vec<_>, _>>().map_err(|e| malformed(query, e))?, None))
    }

    /// How the hits of a search spread over actors, domains, kinds and
    /// years (the filters applied), and how many there are in all.
    pub fn facets(&self, query: &str, f: &SearchFilter) -> Result<Facets, StoreError> {
        let (since, until) = bounds(f)?;
        if let Some(mut out) = self.with_index(query, |ix, node| ix.facets(node, f)) {
            sort_facets(&mut out);
            return Ok(out);
        }
        self.full_text_current()?;
        let sql = format!(
            "WITH m AS ({})
             SELECT 'total', NULL, count(*) FROM m
             UNION ALL SELECT 'kind', kind, count(*) FROM m GROUP BY kind
             UNION ALL SELECT 'year', substr(date, 1, 4), count(*) FROM m WHERE date IS NOT NULL GROUP BY 2
             UNION ALL SELECT 'actor', a.actor, count(*) FROM m JOIN statement_actors a ON a.statement = m.r GROUP BY a.actor
             UNION ALL SELECT 'domain', x.domain, count(*) FROM m JOIN statement_domains x ON x.statement = m.r GROUP BY x.domain",
            matches(false)
        );
        let mut st = self.conn.prepare_cached(&sql)?;
        let rows = st
            .query_map(params![query, f.actor, f.domain, f.kind, since, until], |r| {
                Ok((r.get::<_, String>(0)?, r.get::<_, Option<String>>(1)?, r.get::<_, i64>(2)?))
            })
            .map_err(|e| malformed(query, e))?;
        let mut out = Facets::default();
        for row in rows {
            let (facet, value, count) = row.map_err(|e| malformed(query, e))?;
            let list = match facet.as_str() {
                "total" => {
                    out.total = count;
                    continue;
                }
                "kind" => &mut out.kind,
                "year" => &mut out.year,
                "actor" => &mut out.actor,
                _ => &mut out.domain,
            };
            list.push(FacetCount { value: value.unwrap_or_default(), count });
        }
        sort_facets(&mut out);
        Ok(out)
    }

    /// How many statements match a search (the filters applied).
    pub fn count(&self, query: &str, f: &SearchFilter) -> Result<i64, StoreError> {
        let (since, until) = bounds(f)?;
        if let Some(n) = self.with_index(query, |ix, node| ix.count(node, f)) {
            return Ok(n as i64);
        }
        self.full_text_current()?;
        let sql = format!("SELECT count(*) FROM ({})", matches(false));
        let mut st = self.conn.prepare_cached(&sql)?;
        st.query_row(params![query, f.actor, f.domain, f.kind, since, until], |r| r.get(0))
            .map_err(|e| malformed(query, e))
    }

    /// A page of the current documents, by date then path, and how many
    /// there are in all.
    pub fn list_documents(
        &self,
        offset: usize,
        limit: usize,
    ) -> Result<(Vec<DocumentSummary>, i64), StoreError> {
        let total: i64 =
            self.conn
                .query_row("SELECT count(*) FROM documents WHERE superseded_by IS NULL", [], |r| r.get(0))?;
        let mut st = self.conn.prepare_cached(LIST_DOCUMENTS)?;
        let rows = st.query_map(params![limit as i64, offset as i64], |r| {
            Ok(DocumentSummary {
                id: r.get(0)?,
                path: r.get(1)?,
                title: r.get(2)?,
                date: r.get(3)?,
                publisher: r.get(4)?,
                statements: r.get(5)?,
            })
        })?;
        Ok((rows.collect::<Result<_, _>>()?, total))
    }

    /// Every current document, with its statements and what was extracted.
    pub fn documents(&self) -> Result<Vec<Document>, StoreError> {
        let ids: Vec<String> = {
            let mut st = self
                .conn
                .prepare("SELECT id FROM documents WHERE superseded_by IS NULL ORDER BY path, id")?;
            let rows = st.query_map([], |r| r.get(0))?;
            rows.collect::<Result<_, _>>()?
        };
        ids.iter()
            .map(|id| self.document(id)?.ok_or_else(|| StoreError::Filter(format!("no document {id}"))))
            .collect()
    }

    /// One document by id (any version), or None.
    pub fn document(&self, id: &str) -> Result<Option<Document>, StoreError> {
        let head = self
            .conn
            .query_row(
                "SELECT id, path, title, date, date_precision, date_source, publisher, encoding, text FROM documents WHERE id = ?1",
                [id],
                |r| {
                    Ok((
                        r.get::<_, String>(0)?,
                        r.get::<_, String>(1)?,
                        r.get::<_, Option<String>>(2)?,
                        r.get::<_, Option<String>>(3)?,
                        r.get::<_, Option<String>>(4)?,
                        r.get::<_, Option<String>>(5)?,
                        r.get::<_, String>(6)?,
                        r.get::<_, String>(7)?,
                        r.get::<_, String>(8)?,
                    ))
                },
            )
            .optional()?;
        let Some((id, path, title, date, precision, date_source, publisher, encoding, text)) = head else {
            return Ok(None);
        };
        let mut statements = Vec::new();
        let mut st = self.conn.prepare_cached(
            "SELECT rowid, id, span_start, span_end, text, speaker, kind, modality, page FROM statements WHERE doc_id = ?1 ORDER BY idx",
        )?;
        let rows = st.query_map([&id], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, i64>(2)?,
                r.get::<_, i64>(3)?,
                r.get::<_, String>(4)?,
                r.get::<_, Option<String>>(5)?,
                r.get::<_, String>(6)?,
                r.get::<_, Option<String>>(7)?,
                r.get::<_, Option<u32>>(8)?,
            ))
        })?;
        let mut actors =
            self.conn.prepare_cached("SELECT actor FROM statement_actors WHERE statement = ?1")?;
        let mut domains =
            self.conn.prepare_cached("SELECT domain FROM statement_domains WHERE statement = ?1")?;
        let mut qtys = self.conn.prepare_cached(
            "SELECT kind, value, unit, qualifier, text, span_start, span_end FROM quantities WHERE statement = ?1 ORDER BY rowid",
        )?;
        let mut dates = self.conn.prepare_cached(
            "SELECT text, value, span_start, span_end FROM dates WHERE statement = ?1 ORDER BY rowid",
        )?;
        for row in rows {
            let (rowid, sid, a, b, stext, speaker, kind, modality, page) = row?;
            let actors: Vec<String> = actors.query_map([rowid], |r| r.get(0))?.collect::<Result<_, _>>()?;
            let domains: Vec<String> = domains.query_map([rowid], |r| r.get(0))?.collect::<Result<_, _>>()?;
            let quantities: Vec<Quantity> = qtys
                .query_map([rowid], |r| {
                    Ok(Quantity {
                        kind: QuantityKind::parse(&r.get::<_, String>(0)?).unwrap_or(QuantityKind::Count),
                        value: r.get(1)?,
                        unit: r.get(2)?,
                        qualifier: Qualifier::parse(&r.get::<_, String>(3)?).unwrap_or(Qualifier::Exact),
                        text: r.get(4)?,
                        span: readout_extract::Span::new(
                            r.get::<_, i64>(5)? as usize,
                            r.get::<_, i64>(6)? as usize,
                        ),
                    })
                })?
                .collect::<Result<_, _>>()?;
            let dates: Vec<DateMention> = dates
                .query_map([rowid], |r| {
                    Ok(DateMention {
                        text: r.get(0)?,
                        value: r.get(1)?,
                        span: readout_extract::Span::new(
                            r.get::<_, i64>(2)? as usize,
                            r.get::<_, i64>(3)? as usize,
                        ),
                    })
                })?
                .collect::<Result<_, _>>()?;
            statements.push(Statement {
                id: sid,
                span: readout_extract::Span::new(a as usize, b as usize),
                text: stext,
                speaker,
                kind: Kind::parse(&kind).unwrap_or(Kind::Other),
                modality: modality.as_deref().and_then(Modality::parse),
                actors,
                domains,
                quantities,
                dates,
                page,
            });
        }
        Ok(Some(Document {
            schema: readout_extract::SCHEMA,
            id,
            source: path,
            title,
            date,
            date_precision: precision.as_deref().and_then(readout_extract::dates::Precision::parse),
            date_source: date_source.as_deref().and_then(parse_date_source),
            publisher: Publisher::parse(&publisher).unwrap_or(Publisher::Unknown),
            encoding: static_encoding(&encoding),
            statements,
            text,
        }))
    }

    /// Sets the schema version (for tests of what a newer readout wrote).
    #[doc(hidden)]
    pub fn set_user_version_for_tests(&self, version: i64) -> Result<(), StoreError> {
        Ok(self.conn.pragma_update(None, "user_version", version)?)
    }

    /// `PRAGMA integrity_check`: "ok" for a sound database.
    pub fn integrity_check(&self) -> Result<String, StoreError> {
        Ok(self.conn.query_row("PRAGMA integrity_check", [], |r| r.get(0))?)
    }

    /// Rows of `sql` (for export), each as a JSON object, streamed.
    pub fn each_statement(&self, mut f: impl FnMut(serde_json::Value) -> bool) -> Result<(), StoreError> {
        let mut st = self.conn.prepare(
            "SELECT s.id, d.id, d.path, d.date, d.publisher, s.kind, s.modality, s.speaker, s.text,
                    (SELECT group_concat(actor, ';') FROM statement_actors WHERE statement = s.rowid),
                    (SELECT group_concat(domain, ';') FROM statement_domains WHERE statement = s.rowid)
             FROM statements s JOIN documents d ON d.id = s.doc_id
             WHERE d.superseded_by IS NULL ORDER BY d.path, d.id, s.idx",
        )?;
        let mut rows = st.query([])?;
        while let Some(r) = rows.next()? {
            let v = serde_json::json!({
                "statement": r.get::<_, String>(0)?,
                "doc": r.get::<_, String>(1)?,
                "path": r.get::<_, String>(2)?,
                "date": r.get::<_, Option<String>>(3)?,
                "publisher": r.get::<_, String>(4)?,
                "kind": r.get::<_, String>(5)?,
                "modality": r.get::<_, Option<String>>(6)?,
                "speaker": r.get::<_, Option<String>>(7)?,
                "text": r.get::<_, String>(8)?,
                "actors": r.get::<_, Option<String>>(9)?.unwrap_or_default(),
                "domains": r.get::<_, Option<String>>(10)?.unwrap_or_default(),
            });
            if !f(v) {
                break;
            }
        }
        Ok(())
    }
}

/// Most first (then by name) for actors, domains and kinds; years in order.
fn sort_facets(out: &mut Facets) {
    for list in [&mut out.kind, &mut out.actor, &mut out.domain] {
        list.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.value.cmp(&b.value)));
    }
    out.year.sort_by(|a, b| a.value.cmp(&b.value));
}

/// The first `n` words of `text`, and an ellipsis if there is more.
fn opening_words(text: &str, n: usize) -> String {
    let mut words = text.split_whitespace();
    let mut out: Vec<&str> = words.by_ref().take(n).collect::<Vec<_>>();
    if words.next().is_some() {
        out.push("…");
    }
    out.join(" ")
}

/// An ISO day, month or year as the first (`start`) or last day it covers.
fn pad(d: &str, start: bool) -> Result<String, StoreError> {
    let ok = match d.len() {
        4 => d.chars().all(|c| c.is_ascii_digit()),
        7 | 10 => readout_extract::meta::parse_iso(d).is_some(),
        _ => false,
    };
    if !ok {
        return Err(StoreError::Filter(format!("bad date {d:?}: want YYYY, YYYY-MM or YYYY-MM-DD")));
    }
    Ok(match (d.len(), start) {
        (4, true) => format!("{d}-01-01"),
        (4, false) => format!("{d}-12-31"),
        (7, true) => format!("{d}-01"),
        (7, false) => format!("{d}-31"),
        _ => d.to_string(),
    })
}

fn date_source_name(s: DateSource) -> &'static str {
    match s {
        DateSource::Text => "text",
        DateSource::Manifest => "manifest",
        DateSource::HtmlMeta => "html-meta",
        DateSource::PdfMeta => "pdf-meta",
    }
}

fn parse_date_source(s: &str) -> Option<DateSource> {
    Some(match s {
        "text" => DateSource::Text,
        "manifest" => DateSource::Manifest,
        "html-meta" => DateSource::HtmlMeta,
        "pdf-meta" => DateSource::PdfMeta,
        _ => return None,
    })
}

/// Encoding names are a closed set; map stored ones back to statics.
fn static_encoding(s: &str) -> &'static str {
    const KNOWN: [&str; 8] = [
        "UTF-8",
        "UTF-16LE",
        "UTF-16BE",
        "windows-1252",
        "ISO-8859-2",
        "windows-1251",
        "Shift_JIS",
        "EUC-JP",
    ];
    KNOWN.iter().find(|k| **k == s).copied().unwrap_or("other")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_page_of_documents_reads_the_listing_index() {
        let dir = std::env::temp_dir().join(format!("readout-store-listing-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let store = Store::open(&dir.join("ledger.db")).unwrap();
        let plan: Vec<String> = store
            .conn
            .prepare(&format!("EXPLAIN QUERY PLAN {LIST_DOCUMENTS}"))
            .unwrap()
            .query_map(params![20, 0], |r| r.get::<_, String>(3))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        let _ = std::fs::remove_dir_all(&dir);
        assert!(plan.iter().any(|p| p.contains("documents_current_by_date")), "{plan:?}");
        assert!(!plan.iter().any(|p| p.contains("TEMP B-TREE")), "no sort of every document: {plan:?}");
    }

    #[test]
    fn dates_pad_to_their_bounds() {
        assert_eq!(pad("2017", true).unwrap(), "2017-01-01");
        assert_eq!(pad("2017-11", false).unwrap(), "2017-11-31");
        assert!(pad("2017-13", true).is_err());
        assert!(pad("yesterday", true).is_err());
    }
}
