//! PDF input end to end: the bundled seeds laid out as PDFs (one column and
//! two, running heads, page numbers, words hyphenated at line ends,
//! footnote markers) must score on the seed gold within 0.02 of the plain
//! text, and statements must know their pages.

use readout_eval::{parse_extract, score, Gold, Report};
use readout_extract::{DocHints, Document, Extractor};
use readout_lexicon::Lexicon;
use readout_text::pdf::write::{write_pdf, PdfLayout};
use std::path::PathBuf;

fn examples() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../examples")
}

/// Extracts every gold document, each made into its input by `make`, and
/// scores the lot.
fn run(make: impl Fn(&str) -> Vec<u8>) -> (Report, Vec<Document>) {
    let gold = Gold::load(&examples().join("gold")).expect("bundled gold");
    let extractor = Extractor::new(&Lexicon::builtin().expect("builtin lexicon"));
    let manifest = std::fs::read_to_string(examples().join("corpus/manifest.csv")).expect("manifest");
    let mut jsonl = String::new();
    let mut docs = Vec::new();
    for name in gold.docs.keys() {
        let text = std::fs::read_to_string(examples().join("corpus").join(name)).expect("seed");
        let date = manifest.lines().find_map(|l| l.strip_prefix(&format!("{name},"))).map(str::to_string);
        let hints = DocHints { date, ..DocHints::default() };
        let bytes = make(&text);
        let doc = extractor.extract(&bytes, name, &hints).expect("extracts");
        jsonl.push_str(&serde_json::to_string(&doc).expect("json"));
        jsonl.push('\n');
        docs.push(doc);
    }
    let pred = parse_extract(&jsonl, "test").expect("parses");
    (score(&gold, &pred, None, Some(&examples().join("corpus"))), docs)
}

const METRICS: [&str; 9] = [
    "tracked_f1",
    "kind_acc",
    "modality_acc",
    "actor_f1",
    "domain_f1",
    "qty_f1",
    "date_f1",
    "doc_date_acc",
    "gold_matched",
];

fn assert_close(layout: &PdfLayout) -> Vec<Document> {
    let (text, _) = run(|t| t.as_bytes().to_vec());
    let (pdf, docs) = run(|t| write_pdf(t, layout));
    let mut far = Vec::new();
    for m in METRICS {
        let (a, b) = (text.get(m).map_or(0.0, |v| v.as_f64()), pdf.get(m).map_or(0.0, |v| v.as_f64()));
        eprintln!("{m:<14} text {a:.3}  pdf {b:.3}");
        if b < a - 0.02 {
            far.push(format!("{m}: text {a:.3}, pdf {b:.3}"));
        }
    }
    assert!(far.is_empty(), "PDF ({} column(s)) scores more than 0.02 below text: {far:?}", layout.columns);
    docs
}

fn head() -> Option<String> {
    Some("The White House · Statements and Releases".to_string())
}

#[test]
fn one_column_pdfs_score_like_the_text() {
    let layout = PdfLayout { columns: 1, running_head: head(), ..PdfLayout::default() };
    let docs = assert_close(&layout);
    // Long documents run to several pages, and statements know theirs.
    let pages: Vec<u32> = docs.iter().flat_map(|d| d.statements.iter().filter_map(|s| s.page)).collect();
    assert!(pages.iter().any(|&p| p >= 2), "{pages:?}");
    assert!(docs.iter().all(|d| d.statements.iter().all(|s| s.page.is_some())));
    for d in &docs {
        let pages: Vec<u32> = d.statements.iter().filter_map(|s| s.page).collect();
        assert!(pages.windows(2).all(|w| w[0] <= w[1]), "pages out of order in {}", d.source);
    }
}

#[test]
fn two_column_pdfs_with_footnotes_score_like_the_text() {
    let layout = PdfLayout { columns: 2, running_head: head(), footnotes: true, ..PdfLayout::default() };
    let docs = assert_close(&layout);
    for d in &docs {
        // A head is known by its repeating: on one page it is just a line.
        let pages = d.statements.iter().filter_map(|s| s.page).max().unwrap_or(1);
        if pages > 1 {
            assert!(!d.text.contains("Statements and Releases"), "running head kept in {}", d.source);
        }
        assert!(!d.text.contains("Page 1 of"), "page number kept in {}", d.source);
        // The raised footnote marker is gone from the word it followed.
        assert!(!d.text.contains("Korea.1"), "footnote marker glued in {}", d.source);
        assert!(d.text.contains("1 Source: Office of the Press Secretary."), "footnote lost in {}", d.source);
    }
}
