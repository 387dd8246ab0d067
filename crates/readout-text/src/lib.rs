//! Bytes to cleaned text to blocks to statements, with exact byte spans.
//!
//! The first stages of readout's pipeline, each a pure function of its input
//! and the lexicon:
//!
//! - [`decode`]: bytes → text (encoding detection; binary refused); web
//!   pages through [`html`], PDF files through [`pdf`],
//! - [`repair`]: mojibake repair, NFC, `\n` line endings,
//! - [`clean`]: text → cleaned text and blocks (boilerplate removed,
//!   bullets, headings, lead-ins, speaker labels, epigraphs),
//! - [`segment`]: blocks → sentences, each a [`Span`] into the cleaned text.
//!
//! [`Prepared`] runs them all. Nothing here does I/O, and nothing panics on
//! any input: bad bytes are a [`DecodeError`].

#![warn(missing_docs)]

pub mod clean;
pub mod decode;
pub mod html;
pub mod pdf;
pub mod repair;
pub mod segment;
pub mod span;

pub use clean::{Block, BlockKind, Cleaned, Cleaner, Dropped, Removal};
pub use decode::{decode, DecodeError, Decoded};
pub use pdf::PdfError;
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
    /// What a web page or a PDF file says of itself (title, date, site).
    pub meta: Option<Meta>,
    /// Where each page starts, as offsets in `raw` (page 1 first), for
    /// paged input (PDF); empty otherwise.
    pub page_starts: Vec<usize>,
}

/// What a file says of itself, apart from its text.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Meta {
    /// What kind of file said it.
    pub format: Format,
    /// Its title.
    pub title: Option<String>,
    /// The publication (web page) or creation (PDF) date it declares, an ISO day.
    pub date: Option<String>,
    /// The site it is from (web page).
    pub site: Option<String>,
}

/// Kinds of files with metadata.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Format {
    /// A web page.
    #[default]
    Html,
    /// A PDF file.
    Pdf,
}

/// Marks a page break in text on its way through repair (a private-use
/// code point, which neither repair nor normalisation touches).
const PAGE_MARK: char = '\u{e000}';

impl Prepared {
    /// The page (1-based) that a cleaned-text offset is on, for paged input.
    pub fn page_of(&self, at: usize) -> Option<u32> {
        if self.page_starts.is_empty() {
            return None;
        }
        let source = self.cleaned.source_offset(at);
        let page = self.page_starts.partition_point(|&p| p <= source).max(1);
        u32::try_from(page).ok()
    }
}

impl TextPipeline {
    /// Compiles the text stages' knowledge.
    pub fn new(lexicon: &Lexicon) -> TextPipeline {
        TextPipeline { cleaner: Cleaner::new(lexicon), segmenter: Segmenter::new(lexicon) }
    }

    /// Decodes, repairs, cleans and segments one document.
    pub fn prepare(&self, bytes: &[u8]) -> Result<Prepared, DecodeError> {
        if pdf::is_pdf(bytes) {
            return self.prepare_pdf(bytes);
        }
        let decoded = decode(bytes)?;
        if html::is_html(&decoded.text) {
            let mut page = html::read(&decoded.text);
            if page.text.trim().is_empty() {
                return Err(DecodeError::Empty);
            }
            let text = std::mem::take(&mut page.text);
            let mut prepared = self.prepare_text(text, decoded.encoding);
            let html::HtmlText { title, date, site, .. } = page;
            prepared.meta = Some(Meta { format: Format::Html, title, date, site });
            return Ok(prepared);
        }
        Ok(self.prepare_text(decoded.text, decoded.encoding))
    }

    /// A PDF's text through the stages, each page's start kept.
    fn prepare_pdf(&self, bytes: &[u8]) -> Result<Prepared, DecodeError> {
        let pdf = pdf::read(bytes)?;
        // Repair may change lengths: mark the page breaks, repair, then
        // read the marks' places off the result.
        let mut marked = String::with_capacity(pdf.text.len() + pdf.page_starts.len() * 3);
        let mut from = 0;
        for &start in pdf.page_starts.iter().skip(1) {
            let start = start.clamp(from, pdf.text.len());
            if !pdf.text.is_char_boundary(start) {
                continue;
            }
            marked.push_str(&pdf.text[from..start]);
            marked.push(PAGE_MARK);
            from = start;
        }
        marked.push_str(&pdf.text[from..]);
        let repaired = repair::normalize(&repair::fix_mojibake(&marked)).into_owned();
        let mut text = String::with_capacity(repaired.len());
        let mut page_starts = vec![0];
        for (i, piece) in repaired.split(PAGE_MARK).enumerate() {
            if i > 0 {
                page_starts.push(text.len());
            }
            text.push_str(piece);
        }
        let mut prepared = self.prepare_text(text, "PDF");
        prepared.repaired = marked.chars().count().saturating_sub(repaired.chars().count());
        prepared.page_starts = page_starts;
        let pdf::PdfText { title, date, .. } = pdf;
        prepared.meta = Some(Meta { format: Format::Pdf, title, date, site: None });
        Ok(prepared)
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
        Prepared { encoding, raw, repaired, cleaned, sentences, meta: None, page_starts: Vec::new() }
    }
}
