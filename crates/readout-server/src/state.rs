//! The ledger as the server holds it: a few SQLite connections used from
//! blocking threads, and the views linking computes (threads, figures),
//! computed once and again only after an upload.

use crate::problem::Problem;
use readout_extract::{DocHints, Document, Extractor};
use readout_lexicon::Lexicon;
use readout_link::{FigureGroup, Linker, Thread};
use readout_store::{Store, StoreError};
use rustc_hash::FxHashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

/// Uploads: who may, and how much.
#[derive(Debug, Clone)]
pub struct Upload {
    /// The bearer token a client must send.
    pub token: String,
    /// The largest body accepted, in bytes.
    pub max_bytes: usize,
}

/// A document as views name it: the ledger's own summary of it.
pub use readout_store::DocumentSummary as DocRef;

/// A document's title, else its file name.
pub fn label(d: &DocRef) -> String {
    d.title.clone().unwrap_or_else(|| d.path.rsplit(['/', '\\']).next().unwrap_or(&d.path).to_string())
}

/// What linking the whole ledger gives.
#[derive(Debug, Default)]
pub struct Views {
    /// Threads, in the order `readout threads` prints them.
    pub threads: Vec<Thread>,
    /// Figure groups, conflicting ones first.
    pub figures: Vec<FigureGroup>,
    /// Statement id → index of its thread.
    pub thread_of: FxHashMap<String, usize>,
    /// Thread id → index.
    pub by_id: FxHashMap<String, usize>,
    /// Current documents by id, in date order.
    pub docs: Vec<DocRef>,
    /// Document id → index in `docs`.
    pub doc_index: FxHashMap<String, usize>,
}

impl Views {
    fn new(docs: &[Document], linker: &Linker) -> Views {
        let threads = linker.threads(docs);
        let figures = linker.figures(docs, &threads);
        let mut thread_of = FxHashMap::default();
        let mut by_id = FxHashMap::default();
        for (i, t) in threads.iter().enumerate() {
            by_id.insert(t.id.clone(), i);
            for m in &t.members {
                thread_of.insert(m.statement.clone(), i);
            }
        }
        let mut refs: Vec<DocRef> = docs
            .iter()
            .map(|d| DocRef {
                id: d.id.clone(),
                path: d.source.clone(),
                title: d.title.clone(),
                date: d.date.clone(),
                publisher: d.publisher.as_str().to_string(),
                statements: d.statements.len() as i64,
            })
            .collect();
        refs.sort_by(|a, b| (a.date.is_none(), &a.date, &a.path).cmp(&(b.date.is_none(), &b.date, &b.path)));
        let doc_index = refs.iter().enumerate().map(|(i, d)| (d.id.clone(), i)).collect();
        Views { threads, figures, thread_of, by_id, docs: refs, doc_index }
    }

    /// Up to `most` pairs of documents worth comparing: same day, different
    /// publishers, earliest first.
    pub fn compare_suggestions(&self, most: usize) -> Vec<(&DocRef, &DocRef)> {
        let mut by_day: std::collections::BTreeMap<&str, Vec<&DocRef>> = Default::default();
        for d in &self.docs {
            if let Some(day) = d.date.as_deref().filter(|d| d.len() == 10) {
                by_day.entry(day).or_default().push(d);
            }
        }
        let mut out = Vec::new();
        for docs in by_day.values() {
            for (i, a) in docs.iter().enumerate() {
                for b in &docs[i + 1..] {
                    if a.publisher != b.publisher {
                        out.push((*a, *b));
                        if out.len() >= most {
                            return out;
                        }
                    }
                }
            }
        }
        out
    }
}

/// The ledger behind the server.
pub struct Ledger {
    path: PathBuf,
    pool: Mutex<Vec<Store>>,
    /// As many as the pool keeps: work on the ledger waits for one rather
    /// than opening connections beyond the pool (which costs more than the
    /// wait when the cores are busy anyway).
    slots: tokio::sync::Semaphore,
    pool_size: usize,
    views: tokio::sync::Mutex<Option<Arc<Views>>>,
    linker: Linker,
    extractor: Extractor,
    /// Uploads, when allowed.
    pub upload: Option<Upload>,
}

impl Ledger {
    /// Opens the ledger at `path` (it must exist and be readout's).
    pub fn open(path: &Path, lexicon: &Lexicon, upload: Option<Upload>) -> Result<Ledger, StoreError> {
        let store = Store::open(path)?;
        // Searches work without the search index (FTS5 ranks them), only
        // slower: a fault here is a warning.
        if let Err(e) = store.update_search_index() {
            tracing::warn!("{e}; searches use FTS5");
        }
        let pool_size = std::thread::available_parallelism().map_or(4, |n| n.get() * 2).max(4);
        Ok(Ledger {
            path: path.to_path_buf(),
            pool: Mutex::new(vec![store]),
            slots: tokio::sync::Semaphore::new(pool_size),
            pool_size,
            views: tokio::sync::Mutex::new(None),
            linker: Linker::new(lexicon),
            extractor: Extractor::new(lexicon),
            upload,
        })
    }

    /// The linker, for comparisons.
    pub fn linker(&self) -> &Linker {
        &self.linker
    }

    fn take(&self) -> Result<Store, StoreError> {
        let pooled = self.pool.lock().ok().and_then(|mut p| p.pop());
        match pooled {
            Some(s) => Ok(s),
            None => Store::open(&self.path),
        }
    }

    fn give_back(&self, store: Store) {
        if let Ok(mut p) = self.pool.lock() {
            if p.len() < self.pool_size {
                p.push(store);
            }
        }
    }

    /// Runs `f` on a connection, on a blocking thread.
    pub async fn with_store<T: Send + 'static>(
        self: &Arc<Self>,
        f: impl FnOnce(&mut Store) -> Result<T, StoreError> + Send + 'static,
    ) -> Result<T, Problem> {
        let _slot = self.slots.acquire().await.map_err(|e| Problem::internal(&e))?;
        let me = Arc::clone(self);
        let joined = tokio::task::spawn_blocking(move || {
            let mut store = me.take()?;
            let out = f(&mut store);
            me.give_back(store);
            out
        })
        .await;
        match joined {
            Ok(r) => r.map_err(Problem::from),
            Err(e) => Err(Problem::internal(&e)),
        }
    }

    /// Threads and figures of the whole ledger, computed on first use.
    pub async fn views(self: &Arc<Self>) -> Result<Arc<Views>, Problem> {
        let mut slot = self.views.lock().await;
        if let Some(v) = slot.as_ref() {
            return Ok(Arc::clone(v));
        }
        let me = Arc::clone(self);
        let views = self.with_store(move |s| Ok(Views::new(&s.documents()?, &me.linker))).await?;
        let views = Arc::new(views);
        *slot = Some(Arc::clone(&views));
        Ok(views)
    }

    /// Extracts and stores one uploaded document; the views are computed
    /// afresh on next use.
    pub async fn ingest(
        self: &Arc<Self>,
        bytes: Vec<u8>,
        name: String,
    ) -> Result<(Document, readout_store::Ingested), Problem> {
        let me = Arc::clone(self);
        let extracted =
            tokio::task::spawn_blocking(move || me.extractor.extract(&bytes, &name, &DocHints::default()))
                .await
                .map_err(|e| Problem::internal(&e))?;
        let doc = extracted.map_err(|e| {
            Problem::new(
                axum::http::StatusCode::UNPROCESSABLE_ENTITY,
                format!("cannot read this document: {e}"),
            )
        })?;
        let (doc, outcome) = self
            .with_store(move |s| {
                let outcome = s.ingest(&doc, &doc.source.clone())?;
                if let Err(e) = s.update_search_index() {
                    tracing::warn!("{e}; searches use FTS5");
                }
                Ok((doc, outcome))
            })
            .await?;
        *self.views.lock().await = None;
        Ok((doc, outcome))
    }
}
