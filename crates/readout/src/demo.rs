//! `readout demo`: the bundled corpus, embedded in the binary so that the
//! demo runs from anywhere.

use crate::cli::DemoArgs;
use crate::extract::write_json;
use crate::render::{fit, grouped};
use anyhow::Result;
use readout_extract::{Document, Extractor, Kind, Manifest};
use readout_lexicon::Lexicon;
use std::io::Write;
use std::path::Path;

/// The bundled corpus: (file name, bytes).
pub const CORPUS: [(&str, &[u8]); 5] = [
    ("000_253014d5e65da500.txt", include_bytes!("../../../examples/corpus/000_253014d5e65da500.txt")),
    ("001_831faa1e7f688e3a.txt", include_bytes!("../../../examples/corpus/001_831faa1e7f688e3a.txt")),
    ("002_b38c4054fa3aa486.txt", include_bytes!("../../../examples/corpus/002_b38c4054fa3aa486.txt")),
    ("003_89bd6e2a19a88483.txt", include_bytes!("../../../examples/corpus/003_89bd6e2a19a88483.txt")),
    ("004_8c9e0378fe152a87.txt", include_bytes!("../../../examples/corpus/004_8c9e0378fe152a87.txt")),
];

/// The bundled corpus's manifest.
pub const MANIFEST: &str = include_str!("../../../examples/corpus/manifest.csv");

/// Extracts the bundled corpus.
pub fn documents(extractor: &Extractor) -> Result<Vec<Document>> {
    let manifest = Manifest::parse(MANIFEST, Path::new("examples/corpus"))
        .map_err(|e| anyhow::anyhow!("bundled manifest: {e}"))?;
    CORPUS
        .iter()
        .map(|(name, bytes)| {
            let hints = manifest.hints_for(Path::new(name)).cloned().unwrap_or_default();
            extractor
                .extract(bytes, &format!("examples/corpus/{name}"), &hints)
                .map_err(|e| anyhow::anyhow!("bundled {name}: {e}"))
        })
        .collect()
}

/// Runs the demo: extracts the bundled corpus, builds its ledger, and shows
/// the documents, the threads, the conflicting figures and the two accounts
/// of the November 2017 summit side by side.
pub fn run(args: &DemoArgs) -> Result<bool> {
    let lexicon = Lexicon::builtin()?;
    let extractor = Extractor::new(&lexicon);
    let docs = documents(&extractor)?;
    let db = match &args.db {
        Some(p) => p.clone(),
        None => std::env::temp_dir().join("readout-demo.db"),
    };
    if args.db.is_none() {
        // A fresh ledger each time: the demo's own file only.
        for suffix in ["", "-wal", "-shm"] {
            let _ = std::fs::remove_file(format!("{}{suffix}", db.display()));
        }
    }
    let mut store = readout_store::Store::open(&db)?;
    for d in &docs {
        store.ingest(d, &d.source)?;
    }
    let stored = store.documents()?;
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let written = if args.json {
        docs.iter()
            .try_for_each(|d| {
                write_json(&mut out, d, false, false)?;
                writeln!(out).map_err(serde_json::Error::io)
            })
            .map_err(std::io::Error::from)
    } else {
        summary(&mut out, &docs).and_then(|()| ledger(&mut out, &stored, &lexicon, &db))
    };
    match written.and_then(|()| out.flush()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => return Err(e.into()),
        _ => {}
    }
    drop(out);
    if args.json || args.no_serve {
        return Ok(true);
    }
    crate::serve::init_logging();
    drop(store);
    let ledger = readout_server::Ledger::open(&db, &lexicon, None)?;
    crate::serve::serve(&db, args.addr, ledger, true)?;
    Ok(true)
}

/// The ledger part of the demo: threads, conflicts, the two accounts.
fn ledger(out: &mut impl Write, docs: &[Document], lexicon: &Lexicon, db: &Path) -> std::io::Result<()> {
    let on = crate::render::colour();
    let linker = readout_link::Linker::new(lexicon);
    let threads = linker.threads(docs);
    writeln!(
        out,
        "\n{}",
        crate::render::paint(
            &format!("THREADS: {} undertakings and figures followed across documents", threads.len()),
            crate::render::Style::Strong,
            on
        )
    )?;
    crate::render::threads_table(out, &threads, on)?;
    let figures: Vec<_> = linker.figures(docs, &threads).into_iter().filter(|g| g.conflict).collect();
    writeln!(
        out,
        "\n{}",
        crate::render::paint("FIGURES THE SOURCES GIVE DIFFERENTLY", crate::render::Style::Strong, on)
    )?;
    crate::render::figures_table(out, &figures, on)?;
    let name =
        |d: &Document| Path::new(&d.source).file_name().and_then(|n| n.to_str()).unwrap_or("").to_string();
    let a = docs.iter().find(|d| name(d).starts_with("000"));
    let b = docs.iter().find(|d| name(d).starts_with("003"));
    if let (Some(a), Some(b)) = (a, b) {
        writeln!(
            out,
            "\n{}",
            crate::render::paint(
                "THE NOVEMBER 6, 2017 SUMMIT: WASHINGTON'S ACCOUNT (A) AND TOKYO'S (B)",
                crate::render::Style::Strong,
                on
            )
        )?;
        let cmp = linker.compare(a, b);
        crate::render::comparison_summary(out, &cmp, on)?;
    }
    writeln!(out, "\nThe ledger is in {}. Try:", db.display())?;
    writeln!(out, "  readout search --db {} 'energy partnership'", db.display())?;
    writeln!(out, "  readout extract examples/corpus     (every statement, as JSON)")?;
    Ok(())
}

/// The short name of a document: its file name's first part.
fn short_name(d: &Document) -> String {
    let name = Path::new(&d.source).file_name().and_then(|n| n.to_str()).unwrap_or(&d.source);
    name.split('_').next().unwrap_or(name).chars().take(6).collect()
}

/// A summary a newcomer can read in an 80-column terminal.
pub fn summary(out: &mut impl Write, docs: &[Document]) -> std::io::Result<()> {
    writeln!(out, "readout demo: {} summit texts of the bundled corpus (examples/corpus)\n", docs.len())?;
    writeln!(
        out,
        "{:<4} {:<11} {:<9} {:>5} {:>5} {:>5} {:>5} {:>5}  TITLE",
        "DOC", "DATE", "PUBLISHER", "STMTS", "COMMT", "ACTN", "POSN", "FACT"
    )?;
    for d in docs {
        let date = d.date.clone().unwrap_or_else(|| "—".into());
        let date = match d.date_source {
            Some(readout_extract::DateSource::Manifest) => format!("{date}*"),
            _ => date,
        };
        let count = |k: Kind| d.statements.iter().filter(|s| s.kind == k).count();
        writeln!(
            out,
            "{:<4} {:<11} {:<9} {:>5} {:>5} {:>5} {:>5} {:>5}  {}",
            short_name(d),
            date,
            d.publisher.as_str(),
            d.statements.len(),
            count(Kind::Commitment),
            count(Kind::Action),
            count(Kind::Position),
            count(Kind::Fact),
            fit(d.title.as_deref().unwrap_or("—"), 20)
        )?;
    }
    writeln!(out, "* date from the manifest (the text names the day, not the year)\n")?;

    writeln!(out, "Undertakings still to come, with who acts:")?;
    let mut shown = 0;
    for d in docs {
        for s in d
            .statements
            .iter()
            .filter(|s| s.kind == Kind::Commitment && s.modality == Some(readout_extract::Modality::Future))
        {
            if shown == 8 {
                break;
            }
            let who = s.actors.join("+");
            writeln!(out, "  {:<4} {:<8} {}", short_name(d), fit(&who, 8), fit(&s.text, 64))?;
            shown += 1;
        }
    }
    writeln!(out, "\nFigures named (money, jobs, percentages, counts):")?;
    let mut figures = 0;
    for d in docs {
        for s in &d.statements {
            for q in &s.quantities {
                if figures < 8 {
                    let value = match &q.unit {
                        Some(u) => format!("{} {}", grouped(q.value), u),
                        None => grouped(q.value),
                    };
                    writeln!(
                        out,
                        "  {:<4} {:<7} {:<22} {}",
                        short_name(d),
                        q.kind.as_str().to_string(),
                        fit(&value, 22),
                        fit(&q.text, 40)
                    )?;
                }
                figures += 1;
            }
        }
    }
    if figures > 8 {
        writeln!(out, "  … and {} more", figures - 8)?;
    }
    Ok(())
}
