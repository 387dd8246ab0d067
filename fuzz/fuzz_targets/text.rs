//! Any bytes through the text stages alone (decode, repair, clean,
//! segment): no panic; blocks and sentences cut the cleaned text at
//! character boundaries, each sentence inside its block; every cleaned
//! offset maps back into the source; the same bytes give the same result.
#![no_main]

use libfuzzer_sys::fuzz_target;
use readout_text::TextPipeline;
use std::sync::OnceLock;

fn pipeline() -> &'static TextPipeline {
    static P: OnceLock<TextPipeline> = OnceLock::new();
    P.get_or_init(|| TextPipeline::new(&readout_lexicon::Lexicon::builtin().expect("built-in lexicon")))
}

fuzz_target!(|bytes: &[u8]| {
    let Ok(a) = pipeline().prepare(bytes) else { return };
    let text = &a.cleaned.text;
    for block in &a.cleaned.blocks {
        assert!(text.get(block.span.start..block.span.end).is_some());
        assert!(block.body.is_empty() || block.span.contains(block.body));
    }
    for s in &a.sentences {
        assert!(text.get(s.span.start..s.span.end).is_some());
        let block = &a.cleaned.blocks[s.block];
        assert!(block.span.contains(s.span));
        assert!(a.cleaned.source_offset(s.span.start) <= a.raw.len());
    }
    let b = pipeline().prepare(bytes).expect("the same bytes read the same");
    assert_eq!(a.cleaned.text, b.cleaned.text);
    assert_eq!(a.sentences.len(), b.sentences.len());
});
