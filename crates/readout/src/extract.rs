//! `readout extract`.

use crate::cli::{ExtractArgs, ExtractFormat};
use crate::inputs;
use crate::run;
use anyhow::Result;
use readout_extract::Document;
use serde::Serialize;
use std::io::Write;

/// A document with its cleaned text, for `--with-text`.
#[derive(Serialize)]
struct WithText<'a> {
    #[serde(flatten)]
    doc: &'a Document,
    text: &'a str,
}

/// Writes one document as JSON.
pub fn write_json(
    out: &mut impl Write,
    doc: &Document,
    with_text: bool,
    pretty: bool,
) -> serde_json::Result<()> {
    match (with_text, pretty) {
        (true, false) => serde_json::to_writer(out, &WithText { doc, text: &doc.text }),
        (true, true) => serde_json::to_writer_pretty(out, &WithText { doc, text: &doc.text }),
        (false, false) => serde_json::to_writer(out, doc),
        (false, true) => serde_json::to_writer_pretty(out, doc),
    }
}

/// Runs `extract`; returns whether every input was read.
pub fn run(args: &ExtractArgs) -> Result<bool> {
    let setup = run::setup(&args.input)?;
    let (files, problems) = inputs::collect(&args.paths);
    let mut ok = problems.is_empty();
    for p in &problems {
        eprintln!("readout: {p}");
    }
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let mut first = true;
    let mut write_error = None;
    if args.format == ExtractFormat::Json {
        out.write_all(b"[")?;
    }
    setup.for_each(&files, |result| {
        let doc = match result {
            Ok(doc) => doc,
            Err(p) => {
                eprintln!("readout: {p}");
                ok = false;
                return true;
            }
        };
        let written = (|| -> std::io::Result<()> {
            match args.format {
                ExtractFormat::Jsonl => {
                    write_json(&mut out, &doc, args.with_text, false)?;
                    out.write_all(b"\n")
                }
                ExtractFormat::Json => {
                    out.write_all(if first { b"\n" } else { b",\n" })?;
                    write_json(&mut out, &doc, args.with_text, true).map_err(std::io::Error::from)
                }
            }
        })();
        first = false;
        match written {
            Ok(()) => true,
            Err(e) => {
                write_error = Some(e);
                false
            }
        }
    });
    if args.format == ExtractFormat::Json && write_error.is_none() {
        if let Err(e) = out.write_all(b"\n]\n") {
            write_error = Some(e);
        }
    }
    if let Some(e) = write_error.or_else(|| out.flush().err()) {
        if e.kind() == std::io::ErrorKind::BrokenPipe {
            return Ok(ok); // the reader went away (`| head`): not our failure
        }
        return Err(e.into());
    }
    Ok(ok)
}
