//! PDF documents to text, page by page, in reading order.
//!
//! [`read`] parses the file with `lopdf` (pure Rust, bounded decompression),
//! places every string each page shows ([`content`]), and lays the runs out
//! as text ([`layout`]): lines, columns, paragraphs, running heads and
//! page numbers dropped, hyphenated words rejoined, footnote markers taken
//! off the words they follow. The text then goes through the same stages as
//! a text file; [`PdfText::page_starts`] says where each page begins, so
//! each statement knows its page.
//!
//! A PDF whose pages show no text (a scan) is [`PdfError::NoText`]; one
//! that needs a password is [`PdfError::Encrypted`]: never garbage, never a
//! panic.

mod content;
mod fonts;
mod layout;
pub mod write;

pub use fonts::helvetica_width;

use lopdf::{Document, LoadOptions, Object};
use thiserror::Error;

/// Why a PDF gave no text.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum PdfError {
    /// The file does not parse as a PDF.
    #[error("unreadable PDF: {0}")]
    Malformed(String),
    /// The file is encrypted with a password readout does not have.
    #[error("encrypted PDF: needs a password")]
    Encrypted,
    /// The pages show no text: a scan or pictures of text.
    #[error("no text layer: needs OCR ({pages} page(s), {images} image(s))")]
    NoText {
        /// Pages in the file.
        pages: usize,
        /// Images its pages draw.
        images: usize,
    },
}

/// A PDF's text and what the file says of itself.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PdfText {
    /// The text in reading order: paragraphs separated by blank lines.
    pub text: String,
    /// Byte offset in `text` where each page starts (page 1 first).
    pub page_starts: Vec<usize>,
    /// The document information's title, where it is a title and not a
    /// file name.
    pub title: Option<String>,
    /// The document information's creation date (ISO day).
    pub date: Option<String>,
}

/// Largest size a single stream may decompress to.
const MAX_STREAM: usize = 64 << 20;
/// Pages read at most.
const MAX_PAGES: usize = 50_000;

/// Whether the bytes are a PDF file (its header within the first kilobyte,
/// as readers accept it).
pub fn is_pdf(bytes: &[u8]) -> bool {
    bytes[..bytes.len().min(1024)].windows(5).any(|w| w == b"%PDF-")
}

/// Reads a PDF's text.
pub fn read(bytes: &[u8]) -> Result<PdfText, PdfError> {
    let options = LoadOptions { max_decompressed_size: Some(MAX_STREAM), ..LoadOptions::default() };
    let doc = match Document::load_mem_with_options(bytes, options) {
        Ok(doc) => doc,
        Err(_) if declares_encryption(bytes) => return Err(PdfError::Encrypted),
        Err(e) => return Err(PdfError::Malformed(e.to_string())),
    };
    if doc.is_encrypted() {
        return Err(PdfError::Encrypted);
    }
    let pages = doc.get_pages();
    let mut runs = Vec::with_capacity(pages.len().min(MAX_PAGES));
    let mut images = 0;
    let mut failed = None;
    for (_, &id) in pages.iter().take(MAX_PAGES) {
        match content::page_runs(&doc, id, MAX_STREAM) {
            Ok(page) => {
                images += page.images;
                runs.push(page.runs);
            }
            Err(e) => {
                // One bad page costs its text, not the document's.
                failed.get_or_insert(e.to_string());
                runs.push(Vec::new());
            }
        }
    }
    let page_count = runs.len();
    let laid = layout::lay_out(runs);
    if laid.text.trim().is_empty() {
        if let Some(e) = failed {
            return Err(PdfError::Malformed(e));
        }
        return Err(PdfError::NoText { pages: page_count, images });
    }
    let info = info(&doc);
    let title = info.and_then(|d| text_entry(d, b"Title")).filter(|t| is_title(t));
    let date = info.and_then(|d| text_entry(d, b"CreationDate")).and_then(|d| pdf_date(&d));
    Ok(PdfText { text: laid.text, page_starts: laid.page_starts, title, date })
}

/// An `/Encrypt` entry in a trailer.
fn declares_encryption(bytes: &[u8]) -> bool {
    bytes.windows(8).any(|w| w == b"/Encrypt")
}

fn info(doc: &Document) -> Option<&lopdf::Dictionary> {
    let o = doc.trailer.get(b"Info").ok()?;
    doc.dereference(o).ok()?.1.as_dict().ok()
}

fn text_entry(dict: &lopdf::Dictionary, key: &[u8]) -> Option<String> {
    let o: &Object = dict.get(key).ok()?;
    let s = lopdf::decode_text_string(o).ok()?;
    let s = s.trim().to_string();
    (!s.is_empty()).then_some(s)
}

/// Producers often put a file name or their own name where the title goes.
fn is_title(t: &str) -> bool {
    let lower = t.to_lowercase();
    let file = [".doc", ".docx", ".pdf", ".indd", ".rtf", ".odt", ".txt"].iter().any(|e| lower.ends_with(e));
    t.chars().filter(|c| c.is_alphabetic()).count() >= 4
        && !file
        && !lower.starts_with("microsoft word")
        && !lower.starts_with("untitled")
}

/// `D:20171106093000-05'00'` → `2017-11-06`.
fn pdf_date(s: &str) -> Option<String> {
    let digits = s.strip_prefix("D:").unwrap_or(s);
    let d = digits.get(..8)?;
    if !d.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let (y, m, day) = (&d[..4], &d[4..6], &d[6..8]);
    let (mn, dn): (u32, u32) = (m.parse().ok()?, day.parse().ok()?);
    ((1..=12).contains(&mn) && (1..=31).contains(&dn) && y >= "1990").then(|| format!("{y}-{m}-{day}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pdf_dates_read_as_iso_days() {
        assert_eq!(pdf_date("D:20171106093000-05'00'").as_deref(), Some("2017-11-06"));
        assert_eq!(pdf_date("20190525").as_deref(), Some("2019-05-25"));
        assert_eq!(pdf_date("D:2019"), None);
        assert_eq!(pdf_date("D:20191325"), None);
    }

    #[test]
    fn file_names_are_no_titles() {
        assert!(is_title("Joint Statement of the United States and Japan"));
        assert!(!is_title("Microsoft Word - draft3.docx"));
        assert!(!is_title("statement.pdf"));
        assert!(!is_title("1"));
    }

    /// A one-page PDF with the given content stream and resources.
    fn one_page(content: &[u8], resources: lopdf::Dictionary, doc: &mut Document) -> Vec<u8> {
        use lopdf::{dictionary, Stream};
        let pages_id = doc.new_object_id();
        let content_id = doc.add_object(Stream::new(dictionary! {}, content.to_vec()));
        let page_id = doc.add_object(dictionary! {
            "Type" => "Page", "Parent" => pages_id, "Contents" => content_id,
            "Resources" => resources, "MediaBox" => vec![0.into(), 0.into(), 612.into(), 792.into()],
        });
        doc.objects.insert(
            pages_id,
            Object::Dictionary(
                dictionary! { "Type" => "Pages", "Kids" => vec![page_id.into()], "Count" => 1 },
            ),
        );
        let catalog = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id });
        doc.trailer.set("Root", catalog);
        let mut out = Vec::new();
        doc.save_to(&mut out).expect("writes");
        out
    }

    #[test]
    fn a_scan_has_no_text_layer() {
        use lopdf::{dictionary, Stream};
        let mut doc = Document::with_version("1.5");
        let image = doc.add_object(Stream::new(
            dictionary! {
                "Type" => "XObject", "Subtype" => "Image", "Width" => 2, "Height" => 2,
                "ColorSpace" => "DeviceGray", "BitsPerComponent" => 8,
            },
            vec![0, 255, 255, 0],
        ));
        let resources = dictionary! { "XObject" => dictionary! { "Im1" => image } };
        let pdf = one_page(b"q 500 0 0 700 50 50 cm /Im1 Do Q", resources, &mut doc);
        let err = read(&pdf).expect_err("no text");
        assert_eq!(err, PdfError::NoText { pages: 1, images: 1 });
        assert!(err.to_string().starts_with("no text layer: needs OCR"), "{err}");
    }

    fn encrypted(user_password: &str) -> Vec<u8> {
        use lopdf::encryption::{EncryptionState, EncryptionVersion, Permissions};
        use lopdf::{dictionary, Object as O};
        let mut doc = Document::with_version("1.5");
        let font =
            doc.add_object(dictionary! { "Type" => "Font", "Subtype" => "Type1", "BaseFont" => "Helvetica" });
        let resources = dictionary! { "Font" => dictionary! { "F1" => font } };
        let plain = one_page(b"BT /F1 12 Tf 72 700 Td (Japan will invest.) Tj ET", resources, &mut doc);
        let mut doc = Document::load_mem(&plain).expect("reloads");
        doc.trailer.set(
            "ID",
            O::Array(vec![O::string_literal("0123456789abcdef"), O::string_literal("0123456789abcdef")]),
        );
        let version = EncryptionVersion::V2 {
            document: &doc,
            owner_password: "owner-secret",
            user_password,
            key_length: 128,
            permissions: Permissions::PRINTABLE,
        };
        let state = EncryptionState::try_from(version).expect("encryption state");
        doc.encrypt(&state).expect("encrypts");
        let mut out = Vec::new();
        doc.save_to(&mut out).expect("writes");
        out
    }

    #[test]
    fn a_password_protected_file_says_so() {
        let err = read(&encrypted("reader-secret")).expect_err("needs the password");
        assert_eq!(err, PdfError::Encrypted);
        assert_eq!(err.to_string(), "encrypted PDF: needs a password");
    }

    #[test]
    fn a_file_locked_only_against_editing_reads() {
        let text = read(&encrypted("")).map(|p| p.text);
        assert_eq!(text.as_deref(), Ok("Japan will invest."));
    }

    #[test]
    fn garbage_is_malformed_not_a_panic() {
        assert!(matches!(read(b"%PDF-1.7\n garbage"), Err(PdfError::Malformed(_))));
        assert!(matches!(read(b""), Err(PdfError::Malformed(_))));
    }
}
