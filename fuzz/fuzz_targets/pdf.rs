//! Any bytes as a PDF file: an error or text, never a panic; and the text
//! that comes out goes through the later stages with exact spans and pages.
#![no_main]

use libfuzzer_sys::fuzz_target;
use readout_text::{pdf, TextPipeline};
use std::sync::OnceLock;

fn pipeline() -> &'static TextPipeline {
    static P: OnceLock<TextPipeline> = OnceLock::new();
    P.get_or_init(|| TextPipeline::new(&readout_lexicon::Lexicon::builtin().expect("builtin lexicon")))
}

fuzz_target!(|bytes: &[u8]| {
    if let Ok(read) = pdf::read(bytes) {
        assert!(read.page_starts.windows(2).all(|w| w[0] <= w[1]));
        assert!(read.page_starts.iter().all(|&s| read.text.is_char_boundary(s)));
    }
    if let Ok(prepared) = pipeline().prepare(bytes) {
        let text = &prepared.cleaned.text;
        for s in &prepared.sentences {
            assert!(text.get(s.span.start..s.span.end).is_some());
            if !prepared.page_starts.is_empty() {
                let page = prepared.page_of(s.span.start).expect("paged input has pages");
                assert!(page as usize <= prepared.page_starts.len());
            }
        }
    }
});
