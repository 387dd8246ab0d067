//! What the integration tests share.

use readout_lexicon::Lexicon;
use readout_text::TextPipeline;
use std::sync::OnceLock;

/// The text stages with the built-in lexicon, compiled once per test binary.
pub fn pipeline() -> &'static TextPipeline {
    static P: OnceLock<TextPipeline> = OnceLock::new();
    P.get_or_init(|| TextPipeline::new(&Lexicon::builtin().expect("built-in lexicon")))
}
