//! The PDF reader on PDFs made from arbitrary paragraphs: every word comes
//! back, in order, whatever the columns and hyphenation; spans and pages
//! through the later stages are exact and deterministic.

mod common;
use common::pipeline;
use proptest::prelude::*;
use readout_text::pdf;
use readout_text::pdf::write::{write_pdf, PdfLayout};

const WORDS: [&str; 24] = [
    "the",
    "leaders",
    "reaffirmed",
    "their",
    "commitment",
    "to",
    "infrastructure",
    "Japan",
    "United",
    "States",
    "will",
    "invest",
    "billion",
    "in",
    "energy",
    "cooperation",
    "strengthening",
    "alliance",
    "announced",
    "partnership",
    "$1.6",
    "2019",
    "U.S.-Japan",
    "Indo-Pacific",
];

fn paragraphs() -> impl Strategy<Value = Vec<Vec<&'static str>>> {
    let word = prop::sample::select(&WORDS[..]);
    let paragraph = prop::collection::vec(word, 1..50);
    prop::collection::vec(paragraph, 1..40)
}

fn layout() -> impl Strategy<Value = PdfLayout> {
    (1usize..=3, any::<bool>(), 8.0f64..12.0).prop_map(|(columns, hyphenate, font_size)| PdfLayout {
        columns,
        hyphenate,
        font_size,
        ..PdfLayout::default()
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(120))]

    #[test]
    fn every_word_comes_back_in_order(paras in paragraphs(), layout in layout()) {
        let text: String = paras.iter().map(|p| p.join(" ") + ".\n").collect();
        let bytes = write_pdf(&text, &layout);
        let read = pdf::read(&bytes).map_err(|e| TestCaseError::fail(e.to_string()))?;
        let want: Vec<&str> = text.split_whitespace().collect();
        let got: Vec<&str> = read.text.split_whitespace().collect();
        if got != want { std::fs::write("/tmp/fail.pdf", &bytes).ok(); }
        prop_assert_eq!(got, want, "layout {:?}", layout);
        prop_assert!(read.page_starts.windows(2).all(|w| w[0] <= w[1]));
    }

    #[test]
    fn spans_and_pages_are_exact_and_deterministic(paras in paragraphs(), layout in layout()) {
        let text: String = paras.iter().map(|p| p.join(" ") + ".\n").collect();
        let bytes = write_pdf(&text, &layout);
        let a = pipeline().prepare(&bytes).map_err(|e| TestCaseError::fail(e.to_string()))?;
        let b = pipeline().prepare(&bytes).map_err(|e| TestCaseError::fail(e.to_string()))?;
        let t = &a.cleaned.text;
        let mut last_page = 1;
        for s in &a.sentences {
            prop_assert!(t.get(s.span.start..s.span.end).is_some());
            let page = a.page_of(s.span.start);
            prop_assert!(page.is_some_and(|p| p >= last_page && p as usize <= a.page_starts.len()));
            last_page = page.unwrap_or(1);
        }
        prop_assert_eq!(&a.cleaned.text, &b.cleaned.text);
        prop_assert_eq!(&a.page_starts, &b.page_starts);
    }
}

/// Writes the PDF fuzz target's seed corpus (`fuzz/seeds/pdf`) from the
/// bundled documents: `cargo test -p readout-text --test pdf -- --ignored`.
#[test]
#[ignore]
fn write_fuzz_seeds() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let out = root.join("fuzz/seeds/pdf");
    std::fs::create_dir_all(&out).unwrap();
    let mut names: Vec<_> = std::fs::read_dir(root.join("examples/corpus"))
        .unwrap()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    names.sort();
    for (i, path) in names.iter().enumerate() {
        let text = std::fs::read_to_string(path).unwrap();
        // The first paragraphs only: small seeds mutate faster.
        let short: String = text.lines().take(12).collect::<Vec<_>>().join("\n");
        let layout = PdfLayout {
            columns: 1 + i % 2,
            running_head: Some("Joint Statement".to_string()),
            footnotes: i % 2 == 1,
            compress: i == 0,
            ..PdfLayout::default()
        };
        let name = path.file_stem().unwrap().to_string_lossy().into_owned();
        std::fs::write(out.join(format!("{name}.pdf")), write_pdf(&short, &layout)).unwrap();
    }
}
