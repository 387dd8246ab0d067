//! `readout demo`: the bundled corpus, embedded in the binary so that the
//! demo runs from anywhere.

use crate::cli::DemoArgs;
use crate::extract::write_json;
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

/// Runs the demo.
pub fn run(args: &DemoArgs) -> Result<bool> {
    let extractor = Extractor::new(&Lexicon::builtin()?);
    let docs = documents(&extractor)?;
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
        summary(&mut out, &docs)
    };
    match written.and_then(|()| out.flush()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(e.into()),
        _ => Ok(true),
    }
}

/// A summary a newcomer can read in an 80-column terminal.
pub fn summary(out: &mut impl Write, docs: &[Document]) -> std::io::Result<()> {
    writeln!(out, "readout demo: {} summit texts of the bundled corpus (examples/corpus)\n", docs.len())?;
    writeln!(
        out,
        "{:<10} {:<10} {:<9} {:>5}  {:>5}  TITLE",
        "DOCUMENT", "DATE", "PUBLISHER", "STMTS", "KINDS"
    )?;
    for d in docs {
        let name = Path::new(&d.source).file_name().and_then(|n| n.to_str()).unwrap_or(&d.source);
        let short: String = name.chars().take(3).collect();
        let date = d.date.clone().unwrap_or_else(|| "—".into());
        let date = match d.date_source {
            Some(readout_extract::DateSource::Manifest) => format!("{date}*"),
            _ => date,
        };
        let tracked = d.statements.iter().filter(|s| s.kind != Kind::Other).count();
        let title = d.title.as_deref().unwrap_or("—");
        let title: String = if title.chars().count() > 32 {
            title.chars().take(31).collect::<String>() + "…"
        } else {
            title.to_string()
        };
        writeln!(
            out,
            "{:<10} {:<10} {:<9} {:>5}  {:>5}  {}",
            short,
            date,
            d.publisher.as_str(),
            d.statements.len(),
            tracked,
            title
        )?;
    }
    writeln!(out, "\nSTMTS statements; KINDS of a tracked kind; * date from the manifest")?;
    writeln!(out, "Full output: readout extract --format jsonl examples/corpus")?;
    Ok(())
}
