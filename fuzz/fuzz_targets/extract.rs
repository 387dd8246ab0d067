//! Any bytes through the whole pipeline (decode, repair, clean, segment,
//! extract): no panic, and every span cuts the cleaned text at character
//! boundaries.
#![no_main]

use libfuzzer_sys::fuzz_target;
use readout_extract::{DocHints, Extractor};
use std::sync::OnceLock;

fn extractor() -> &'static Extractor {
    static E: OnceLock<Extractor> = OnceLock::new();
    E.get_or_init(|| Extractor::new(&readout_lexicon::Lexicon::builtin().expect("built-in lexicon")))
}

fuzz_target!(|bytes: &[u8]| {
    let Ok(doc) = extractor().extract(bytes, "fuzz.txt", &DocHints::default()) else { return };
    for s in &doc.statements {
        assert_eq!(doc.text.get(s.span.start..s.span.end), Some(s.text.as_str()));
        for q in &s.quantities {
            assert_eq!(doc.text.get(q.span.start..q.span.end), Some(q.text.as_str()));
        }
        for d in &s.dates {
            assert_eq!(doc.text.get(d.span.start..d.span.end), Some(d.text.as_str()));
        }
    }
});
