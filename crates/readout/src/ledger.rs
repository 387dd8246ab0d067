//! `readout threads`, `thread`, `figures`, `compare`: the ledger's views,
//! over files given on the command line.

use crate::cli::{CompareArgs, FiguresArgs, TableOrJson, ThreadsArgs};
use crate::inputs;
use crate::run::{self, Setup};
use anyhow::Result;
use readout_extract::Document;
use readout_lexicon::Lexicon;
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
    let mut lexicon = Lexicon::builtin()?;
    for path in &input.lexicon {
        let text = std::fs::read_to_string(path)?;
        lexicon.extend_from_str(&path.display().to_string(), &text)?;
    }
    Ok(Linker::new(&lexicon))
}

/// Runs `threads` over files.
pub fn threads(args: &ThreadsArgs) -> Result<bool> {
    let setup = run::setup(&args.input)?;
    let (docs, ok) = extract_all(&setup, &args.paths);
    let threads = linker(&args.input)?.threads(&docs);
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    match args.format {
        TableOrJson::Json => {
            serde_json::to_writer_pretty(&mut out, &threads)?;
            writeln!(out)?;
        }
        TableOrJson::Table => crate::render::threads_table(&mut out, &threads, crate::render::colour())?,
    }
    out.flush()?;
    Ok(ok)
}

/// Runs `figures` over files.
pub fn figures(args: &FiguresArgs) -> Result<bool> {
    let setup = run::setup(&args.input)?;
    let (docs, ok) = extract_all(&setup, &args.paths);
    let linker = linker(&args.input)?;
    let threads = linker.threads(&docs);
    let mut groups = linker.figures(&docs, &threads);
    if args.conflicts {
        groups.retain(|g| g.conflict);
    }
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    match args.format {
        TableOrJson::Json => {
            serde_json::to_writer_pretty(&mut out, &groups)?;
            writeln!(out)?;
        }
        TableOrJson::Table => crate::render::figures_table(&mut out, &groups, crate::render::colour())?,
    }
    out.flush()?;
    Ok(ok)
}

/// Runs `compare` over two files.
pub fn compare(args: &CompareArgs) -> Result<bool> {
    let setup = run::setup(&args.input)?;
    let a = setup.extract_file(&args.a).map_err(|p| anyhow::anyhow!("{p}"))?;
    let b = setup.extract_file(&args.b).map_err(|p| anyhow::anyhow!("{p}"))?;
    let cmp = linker(&args.input)?.compare(&a, &b);
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    match args.format {
        TableOrJson::Json => {
            serde_json::to_writer_pretty(&mut out, &cmp)?;
            writeln!(out)?;
        }
        TableOrJson::Table => crate::render::comparison_table(&mut out, &cmp, crate::render::colour())?,
    }
    out.flush()?;
    Ok(true)
}
