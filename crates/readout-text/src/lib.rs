//! Bytes to cleaned text to blocks to statements, with exact byte spans.
//!
//! The first stages of readout's pipeline, each a pure function of its input
//! and the lexicon:
//!
//! - [`decode`]: bytes → text (encoding detection; binary refused),
//! - [`repair`]: mojibake repair, NFC, `\n` line endings,
//! - [`clean`]: text → cleaned text and blocks (boilerplate removed,
//!   bullets, headings, lead-ins, speaker labels, epigraphs),
//! - [`segment`]: blocks → sentences, each a [`Span`] into the cleaned text.
//!
//! [`Prepared`] runs them all. Nothing here does I/O, and nothing panics on
//! any input: bad bytes are a [`DecodeError`].

pub mod clean;
pub mod decode;
pub mod html;
pub mod repair;
pub mod segment;
pub mod span;

pub use clean::{Block, BlockKind, Cleaned, Cleaner, Dropped, Removal};
pub use decode::{decode, DecodeError, Decoded};
pub use segment::{Segmenter, Sentence};
pub use span::Span;

use readout_lexicon::Lexicon;

/// The text stages with their lexicon compiled, built once and shared.
#[derive(Debug, Clone)]
pub struct TextPipeline {
    cleaner: Cleaner,
    segmenter: Segmenter,
}

/// A document after the text stages.
#[derive(Debug, Clone)]
pub struct Prepared {
    /// The encoding the bytes were read in.
    pub encoding: &'static str,
    /// The decoded text before cleaning (mojibake repaired, NFC), which
    /// metadata cues such as archive banners are read from.
    pub raw: String,
    /// Mojibake sequences repaired.
    pub repaired: usize,
    /// The cleaned text and its blocks.
    pub cleaned: Cleaned,
    /// Its sentences.
    pub sentences: Vec<Sentence>,
    /// What a web page says of itself (title, date, site), for HTML input.
    pub page: Option<html::HtmlText>,
}

impl TextPipeline {
    /// Compiles the text stages' knowledge.
    pub fn new(lexicon: &Lexicon) -> TextPipeline {
        TextPipeline { cleaner: Cleaner::new(lexicon), segmenter: Segmenter::new(lexicon) }
    }

    /// Decodes, repairs, cleans and segments one document.
    pub fn prepare(&self, bytes: &[u8]) -> Result<Prepared, DecodeError> {
        let decoded = decode(bytes)?;
        if html::is_html(&decoded.text) {
            let mut page = html::read(&decoded.text);
            if page.text.trim().is_empty() {
                return Err(DecodeError::Empty);
            }
            let text = std::mem::take(&mut page.text);
            let mut prepared = self.prepare_text(text, decoded.encoding);
            prepared.page = Some(page);
            return Ok(prepared);
        }
        Ok(self.prepare_text(decoded.text, decoded.encoding))
    }

    /// The stages after decoding, for text already in memory.
    pub fn prepare_text(&self, text: String, encoding: &'static str) -> Prepared {
        let fixed = repair::fix_mojibake(&text);
        let repaired = match &fixed {
            std::borrow::Cow::Borrowed(_) => 0,
            std::borrow::Cow::Owned(s) => text.chars().count().saturating_sub(s.chars().count()),
        };
        let raw = repair::normalize(&fixed).into_owned();
        let cleaned = self.cleaner.clean(&raw);
        let sentences = self.segmenter.segment(&cleaned);
        Prepared { encoding, raw, repaired, cleaned, sentences, page: None }
    }
}
