//! `readout ingest`, `search`, `export`, and the ledger views read from the
//! store.

use crate::cli::{ExportArgs, ExportFormat, ExportWhat, IngestArgs, SearchArgs, SearchFormat};
use crate::inputs;
use crate::run;
use anyhow::{Context, Result};
use readout_store::{Ingested, SearchFilter, Store};
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};

/// The ledger's file: `--db`, else `READOUT_DB`, else the platform's data
/// folder (`~/.local/share/readout/readout.db` on Linux).
pub fn db_path(arg: Option<&Path>) -> Result<PathBuf> {
    if let Some(p) = arg {
        return Ok(p.to_path_buf());
    }
    if let Some(p) = std::env::var_os("READOUT_DB").filter(|v| !v.is_empty()) {
        return Ok(PathBuf::from(p));
    }
    let dir = dirs::data_dir()
        .context("no data folder on this system: give --db FILE or READOUT_DB")?
        .join("readout");
    Ok(dir.join("readout.db"))
}

/// Opens the ledger at `path` (from [`db_path`]), creating its folder.
pub fn open(path: &Path) -> Result<Store> {
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).with_context(|| format!("{}: cannot create folder", dir.display()))?;
    }
    Ok(Store::open(path)?)
}

/// Opens an existing ledger for reading; a missing one is an error, not
/// an empty database made on the spot.
pub fn open_existing(arg: Option<&Path>) -> Result<Store> {
    let path = db_path(arg)?;
    if !path.exists() {
        anyhow::bail!(
            "{}: no ledger here yet; build one with `readout ingest PATH... --db {}`",
            path.display(),
            path.display()
        );
    }
    Ok(Store::open(&path)?)
}

/// How many documents the search index lets the writer get ahead.
const INDEX_BATCH: usize = 1000;

/// Runs `ingest`.
pub fn ingest(args: &IngestArgs) -> Result<bool> {
    let setup = run::setup(&args.input)?;
    let path = db_path(args.db.as_deref())?;
    let mut store = open(&path)?;
    store.without_memory_map()?;
    // FTS5 follows a thousand documents at a time (below), not in every
    // document's transaction.
    store.defer_full_text();
    let (files, problems) = inputs::collect(&args.paths);
    let mut ok = problems.is_empty();
    for p in &problems {
        eprintln!("readout: {p}");
    }
    let bar = if std::io::stderr().is_terminal() {
        indicatif::ProgressBar::new(files.len() as u64)
    } else {
        indicatif::ProgressBar::hidden()
    };
    let (mut added, mut unchanged, mut versions, mut failed) = (0, 0, 0, 0);
    let mut fatal = None;
    // Extraction (all cores) and writing (one connection) overlap: the
    // extractor sends finished documents, in order, to this thread.
    let (tx, rx) = std::sync::mpsc::sync_channel(256);
    // FTS5 and the search index follow on a connection of their own, a
    // batch of documents behind the writer: they use the time the writer
    // leaves the cores idle, rather than running after it.
    let (index_tx, index_rx) = std::sync::mpsc::sync_channel::<()>(1);
    let indexer = {
        let path = path.clone();
        std::thread::spawn(move || -> std::result::Result<(), String> {
            let follower = Store::open(&path).map_err(|e| e.to_string())?;
            follower.without_memory_map().map_err(|e| e.to_string())?;
            for () in index_rx {
                follower.update_full_text().map_err(|e| format!("full-text index: {e}"))?;
                follower.update_search_index().map_err(|e| format!("search index: {e}"))?;
            }
            Ok(())
        })
    };
    std::thread::scope(|scope| {
        let setup = &setup;
        let files = &files;
        scope.spawn(move || {
            setup.for_each(files, |r| tx.send(r).is_ok());
        });
        let mut written = 0;
        for r in rx {
            written += 1;
            if written % INDEX_BATCH == 0 {
                // While it is busy the next batch waits for the next tick.
                let _ = index_tx.try_send(());
            }
            bar.inc(1);
            match r {
                Ok(doc) => {
                    let path = std::fs::canonicalize(&doc.source)
                        .map_or_else(|_| doc.source.clone(), |p| p.display().to_string());
                    match store.ingest(&doc, &path) {
                        Ok(Ingested::Added) => added += 1,
                        Ok(Ingested::Unchanged) => unchanged += 1,
                        Ok(Ingested::NewVersion { .. }) => versions += 1,
                        Err(e) => {
                            fatal = Some(anyhow::anyhow!("{}: {e}", doc.source));
                            break; // dropping the receiver stops the extractor
                        }
                    }
                }
                Err(p) => {
                    bar.suspend(|| eprintln!("readout: {p}"));
                    failed += 1;
                    ok = false;
                }
            }
        }
    });
    bar.finish_and_clear();
    drop(index_tx);
    if let Err(e) | Ok(Err(e)) = indexer.join().map_err(|_| "indexing panicked".to_string()) {
        eprintln!("readout: {e}");
    }
    // Whatever the ingest added, and what an ingest that was stopped left
    // out, goes into FTS5 before the ingest reports.
    let full_text = store.update_full_text();
    if let Some(e) = fatal {
        return Err(e);
    }
    full_text.map_err(|e| anyhow::anyhow!("{}: full-text index: {e}", path.display()))?;
    // The search index catches up once, for all that was added. Searches
    // work without it (through FTS5), so a fault is reported, not fatal.
    if added + versions > 0 {
        if let Err(e) = store.update_search_index() {
            eprintln!("readout: {e} (searches will use FTS5 until it is rebuilt)");
        }
    }
    eprintln!("readout: {added} added, {versions} new versions, {unchanged} unchanged, {failed} failed");
    Ok(ok)
}

/// Runs `search`.
pub fn search(args: &SearchArgs) -> Result<bool> {
    let store = open_existing(args.db.as_deref())?;
    let filter = SearchFilter {
        actor: args.actor.clone(),
        domain: args.domain.clone(),
        kind: args.kind.clone(),
        since: args.since.clone(),
        until: args.until.clone(),
        limit: args.limit.min(1000),
        offset: 0,
        marks: None,
    };
    let hits = store.search(&args.query, &filter)?;
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    match args.format {
        SearchFormat::Json => {
            serde_json::to_writer_pretty(&mut out, &hits)?;
            writeln!(out)?;
        }
        SearchFormat::Csv => {
            let mut w = csv::Writer::from_writer(&mut out);
            w.write_record(["statement", "doc", "path", "date", "kind", "score", "snippet"])?;
            for h in &hits {
                w.write_record([
                    h.statement.as_str(),
                    &h.doc,
                    &h.path,
                    h.date.as_deref().unwrap_or(""),
                    &h.kind,
                    &format!("{:.3}", h.score),
                    &h.snippet,
                ])?;
            }
            w.flush()?;
        }
        SearchFormat::Table => {
            if hits.is_empty() {
                writeln!(out, "no statement matches {:?}", args.query)?;
            }
            let on = crate::render::colour();
            for h in &hits {
                let snippet = if on {
                    h.snippet.replace('[', "\x1b[1;33m").replace(']', "\x1b[0m")
                } else {
                    h.snippet.clone()
                };
                writeln!(
                    out,
                    "{:<10} {:<10} {}",
                    h.date.as_deref().unwrap_or("—"),
                    h.kind,
                    crate::render::fit(&h.statement, 56)
                )?;
                writeln!(out, "  {snippet}")?;
            }
        }
    }
    out.flush()?;
    Ok(true)
}

/// Runs `export`: statements are streamed from the database row by row;
/// threads and figures are computed, then written.
pub fn export(args: &ExportArgs) -> Result<bool> {
    let store = open_existing(args.db.as_deref())?;
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let mut writer = RowWriter { first: true, format: args.format };
    let mut failure: Option<std::io::Error> = None;
    let mut emit = |v: serde_json::Value| match writer.write(&mut out, &v) {
        Ok(()) => true,
        Err(e) => {
            failure = Some(e);
            false
        }
    };
    match args.what {
        ExportWhat::Statements => store.each_statement(&mut emit)?,
        ExportWhat::Threads | ExportWhat::Figures => {
            let docs = store.documents()?;
            let linker = readout_link::Linker::new(&readout_lexicon::Lexicon::builtin()?);
            let threads = linker.threads(&docs);
            if args.what == ExportWhat::Threads {
                for t in &threads {
                    let row = serde_json::json!({
                        "thread": t.id, "title": t.title, "status": t.status.as_str(), "conflict": t.conflict,
                        "members": t.members.len(),
                        "first": t.members.first().and_then(|m| m.date.clone()),
                        "last": t.members.last().and_then(|m| m.date.clone()),
                    });
                    if !emit(row) {
                        break;
                    }
                }
            } else {
                'groups: for g in linker.figures(&docs, &threads) {
                    for f in &g.figures {
                        let row = serde_json::json!({
                            "measure": g.measure, "kind": g.kind.as_str(), "conflict": g.conflict,
                            "doc": f.doc, "statement": f.statement, "date": f.date, "value": f.value, "unit": f.unit,
                            "qualifier": f.qualifier.as_str(), "text": f.text,
                        });
                        if !emit(row) {
                            break 'groups;
                        }
                    }
                }
            }
        }
    }
    let result = failure.map_or_else(|| out.flush(), Err);
    match result {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(e.into()),
        _ => Ok(true),
    }
}

/// Writes rows as JSON lines or CSV (a header from the first row's keys).
struct RowWriter {
    first: bool,
    format: ExportFormat,
}

impl RowWriter {
    fn write(&mut self, out: &mut impl Write, v: &serde_json::Value) -> std::io::Result<()> {
        write_row(out, v, &mut self.first, self.format)
    }
}

/// One row as a JSON line or a CSV record (a header before the first).
fn write_row(
    out: &mut impl Write,
    v: &serde_json::Value,
    first: &mut bool,
    format: ExportFormat,
) -> std::io::Result<()> {
    match format {
        ExportFormat::Jsonl => {
            serde_json::to_writer(&mut *out, v)?;
            out.write_all(b"\n")
        }
        ExportFormat::Csv => {
            let Some(obj) = v.as_object() else { return Ok(()) };
            let mut w = csv::Writer::from_writer(Vec::new());
            if std::mem::replace(first, false) {
                w.write_record(obj.keys())?;
            }
            let cells: Vec<String> = obj
                .values()
                .map(|x| match x {
                    serde_json::Value::String(s) => s.clone(),
                    serde_json::Value::Null => String::new(),
                    other => other.to_string(),
                })
                .collect();
            w.write_record(&cells)?;
            let bytes = w.into_inner().map_err(|e| std::io::Error::other(e.to_string()))?;
            out.write_all(&bytes)
        }
    }
}
