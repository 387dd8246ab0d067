//! `readout threads`, `thread`, `figures`, `compare`: the ledger's views,
//! over files given on the command line.

use crate::cli::{CompareArgs, FiguresArgs, TableOrJson, ThreadArgs, ThreadsArgs};
use crate::inputs;
use crate::run::{self, Setup};
use anyhow::Result;
use readout_extract::Document;
use readout_link::Linker;
use std::io::Write;

/// Extracts every document under `paths`; problems are reported and
/// counted, not fatal.
pub fn extract_all(setup: &Setup, paths: &[std::path::PathBuf]) -> (Vec<Document>, bool) {
    let (files, problems) = inputs::collect(paths);
    let mut ok = problems.is_empty();
    for p in &problems {
        eprintln!("readout: {p}");
    }
    let mut docs = Vec::new();
    setup.for_each(&files, |r| {
        match r {
            Ok(d) => docs.push(d),
            Err(p) => {
                eprintln!("readout: {p}");
                ok = false;
            }
        }
        true
    });
    (docs, ok)
}

/// The linker, with the user's lexicon.
pub fn linker(input: &crate::cli::InputArgs) -> Result<Linker> {
    Ok(Linker::new(&run::lexicon(input)?))
}

/// Buffered standard output.
type Out<'a> = std::io::BufWriter<std::io::StdoutLock<'a>>;

/// Writes `value` as pretty JSON, or as the table `table` draws.
fn emit<T: serde::Serialize>(
    format: TableOrJson,
    value: &T,
    table: impl FnOnce(&mut Out<'_>, &T, bool) -> std::io::Result<()>,
) -> Result<()> {
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    match format {
        TableOrJson::Json => {
            serde_json::to_writer_pretty(&mut out, value)?;
            writeln!(out)?;
        }
        TableOrJson::Table => table(&mut out, value, crate::render::colour())?,
    }
    out.flush()?;
    Ok(())
}

/// The documents to work on: the files given, else the ledger's.
fn documents(
    paths: &[std::path::PathBuf],
    db: Option<&std::path::Path>,
    input: &crate::cli::InputArgs,
) -> Result<(Vec<Document>, bool)> {
    if paths.is_empty() {
        let store = crate::store::open_existing(db)?;
        let docs = store.documents()?;
        if docs.is_empty() {
            anyhow::bail!("the ledger is empty: add documents with `readout ingest PATH...`");
        }
        return Ok((docs, true));
    }
    let setup = run::setup(input)?;
    Ok(extract_all(&setup, paths))
}

/// Runs `threads`.
pub fn threads(args: &ThreadsArgs) -> Result<bool> {
    let (docs, ok) = documents(&args.paths, args.db.as_deref(), &args.input)?;
    let threads = linker(&args.input)?.threads(&docs);
    emit(args.format, &threads, |out, v, on| crate::render::threads_table(out, v, on))?;
    Ok(ok)
}

/// Runs `figures`.
pub fn figures(args: &FiguresArgs) -> Result<bool> {
    let (docs, ok) = documents(&args.paths, args.db.as_deref(), &args.input)?;
    let linker = linker(&args.input)?;
    let threads = linker.threads(&docs);
    let mut groups = linker.figures(&docs, &threads);
    if args.conflicts {
        groups.retain(|g| g.conflict);
    }
    emit(args.format, &groups, |out, v, on| crate::render::figures_table(out, v, on))?;
    Ok(ok)
}

/// One side of a comparison: a file, or a document id in the ledger.
fn account(setup: &Setup, arg: &std::path::Path, db: Option<&std::path::Path>) -> Result<Document> {
    let s = arg.to_string_lossy();
    if s.starts_with("d-") && !arg.exists() {
        let store = crate::store::open_existing(db)?;
        return store.document(&s)?.ok_or_else(|| anyhow::anyhow!("{s}: no such document in the ledger"));
    }
    setup.extract_file(arg).map_err(|p| anyhow::anyhow!("{p}"))
}

/// Runs `compare`.
pub fn compare(args: &CompareArgs) -> Result<bool> {
    let setup = run::setup(&args.input)?;
    let a = account(&setup, &args.a, args.db.as_deref())?;
    let b = account(&setup, &args.b, args.db.as_deref())?;
    let cmp = linker(&args.input)?.compare(&a, &b);
    emit(args.format, &cmp, |out, v, on| crate::render::comparison_table(out, v, on))?;
    Ok(true)
}

/// Runs `thread ID`: one thread of the ledger as a timeline.
pub fn thread(args: &ThreadArgs) -> Result<bool> {
    let store = crate::store::open_existing(args.db.as_deref())?;
    let docs = store.documents()?;
    let threads = Linker::new(&readout_lexicon::Lexicon::builtin()?).threads(&docs);
    let Some(t) = threads.iter().find(|t| t.id == args.id) else {
        anyhow::bail!("{}: no such thread (readout threads lists them)", args.id);
    };
    emit(args.format, t, |out, v, on| crate::render::timeline(out, v, on))?;
    Ok(true)
}
