//! Snapshot tests: what is extracted from each bundled seed.

use readout_extract::{DocHints, Extractor};
use readout_lexicon::Lexicon;
use std::fmt::Write;

fn render(name: &str, date: Option<&str>) -> String {
    let path = format!("{}/../../examples/corpus/{name}", env!("CARGO_MANIFEST_DIR"));
    let bytes = std::fs::read(&path).expect("bundled seed");
    let hints = DocHints { date: date.map(str::to_string), ..DocHints::default() };
    let doc =
        Extractor::new(&Lexicon::builtin().unwrap()).extract(&bytes, name, &hints).expect("seed extracts");
    let mut out =
        format!("{} {:?} {:?} {:?} {:?}\n", doc.id, doc.date, doc.date_precision, doc.publisher, doc.title);
    for s in &doc.statements {
        let words: String = s.text.split_whitespace().take(8).collect::<Vec<_>>().join(" ");
        write!(
            out,
            "\n{} {:?}/{:?} {:?} {:?}",
            s.id.rsplit(':').next().unwrap_or(""),
            s.kind,
            s.modality,
            s.actors,
            s.domains
        )
        .unwrap();
        if let Some(sp) = &s.speaker {
            write!(out, " speaker={sp}").unwrap();
        }
        write!(out, "\n    {words} …").unwrap();
        for q in &s.quantities {
            write!(out, "\n    qty {:?} {} {:?} {:?} {:?}", q.kind, q.value, q.unit, q.qualifier, q.text)
                .unwrap();
        }
        for d in &s.dates {
            write!(out, "\n    date {:?} = {}", d.text, d.value).unwrap();
        }
    }
    out
}

#[test]
fn seed_000() {
    insta::assert_snapshot!(render("000_253014d5e65da500.txt", None));
}

#[test]
fn seed_001() {
    insta::assert_snapshot!(render("001_831faa1e7f688e3a.txt", None));
}

#[test]
fn seed_002() {
    insta::assert_snapshot!(render("002_b38c4054fa3aa486.txt", None));
}

#[test]
fn seed_003() {
    insta::assert_snapshot!(render("003_89bd6e2a19a88483.txt", Some("2017-11-06")));
}

#[test]
fn seed_004() {
    insta::assert_snapshot!(render("004_8c9e0378fe152a87.txt", None));
}
