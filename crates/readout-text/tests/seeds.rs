//! Snapshot tests: how each bundled seed is cleaned and segmented.

use readout_lexicon::Lexicon;
use readout_text::{BlockKind, TextPipeline};
use std::fmt::Write;

fn render(name: &str) -> String {
    let path = format!("{}/../../examples/corpus/{name}", env!("CARGO_MANIFEST_DIR"));
    let bytes = std::fs::read(&path).expect("bundled seed");
    let pipeline = TextPipeline::new(&Lexicon::builtin().unwrap());
    let p = pipeline.prepare(&bytes).expect("seed decodes");
    let t = &p.cleaned.text;
    let mut out = String::new();
    for r in &p.cleaned.removed {
        writeln!(out, "REMOVED {:?}: {}", r.reason, r.text).unwrap();
    }
    for (bi, b) in p.cleaned.blocks.iter().enumerate() {
        let mut head = format!("{:?}", b.kind).to_uppercase();
        if let Some(s) = b.lead_in {
            write!(head, " lead-in={:?}", s.of(t)).unwrap();
        }
        if let Some(s) = b.speaker {
            write!(head, " speaker={:?}", s.of(t)).unwrap();
        }
        if let Some(s) = b.attribution {
            write!(head, " attribution={:?}", s.of(t)).unwrap();
        }
        if b.kind == BlockKind::Heading {
            writeln!(out, "{head}: {}", b.span.of(t)).unwrap();
            continue;
        }
        writeln!(out, "{head}").unwrap();
        for s in p.sentences.iter().filter(|s| s.block == bi) {
            writeln!(out, "  [{}..{}] {}", s.span.start, s.span.end, s.span.of(t)).unwrap();
        }
    }
    out
}

#[test]
fn seed_000() {
    insta::assert_snapshot!(render("000_253014d5e65da500.txt"));
}

#[test]
fn seed_001() {
    insta::assert_snapshot!(render("001_831faa1e7f688e3a.txt"));
}

#[test]
fn seed_002() {
    insta::assert_snapshot!(render("002_b38c4054fa3aa486.txt"));
}

#[test]
fn seed_003() {
    insta::assert_snapshot!(render("003_89bd6e2a19a88483.txt"));
}

#[test]
fn seed_004() {
    insta::assert_snapshot!(render("004_8c9e0378fe152a87.txt"));
}
