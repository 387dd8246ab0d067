//! Text to a PDF laid out as publishers lay them out: one or more columns,
//! a title across them, running heads, page numbers, words hyphenated at
//! line ends, footnote markers and footnotes. readout's tests and
//! benchmarks make their PDF inputs with it from the bundled corpus, so
//! that what the PDF reader must undo is known exactly.

use super::fonts::helvetica_width;
use encoding_rs::WINDOWS_1252;
use lopdf::content::{Content, Operation};
use lopdf::{dictionary, Document, Object, Stream};

/// How to lay a text out.
#[derive(Debug, Clone)]
pub struct PdfLayout {
    /// Text columns per page (1 to 4).
    pub columns: usize,
    /// Body font size, points.
    pub font_size: f64,
    /// A line repeated at the top of every page.
    pub running_head: Option<String>,
    /// "Page N of M" at the foot of every page.
    pub page_numbers: bool,
    /// Break long words across lines with a hyphen.
    pub hyphenate: bool,
    /// A raised footnote marker after the first paragraph of each page, and
    /// its note at the page's foot.
    pub footnotes: bool,
    /// The document information's title.
    pub title: Option<String>,
    /// The document information's creation date (`D:YYYYMMDD`).
    pub created: Option<String>,
    /// Compress the content streams, as producers do (off, they are
    /// readable, which fuzzing corpora want).
    pub compress: bool,
}

impl Default for PdfLayout {
    fn default() -> Self {
        PdfLayout {
            columns: 1,
            font_size: 10.0,
            running_head: None,
            page_numbers: true,
            hyphenate: true,
            footnotes: false,
            title: None,
            created: None,
            compress: true,
        }
    }
}

const PAGE_WIDTH: f64 = 612.0;
const PAGE_HEIGHT: f64 = 792.0;
const MARGIN: f64 = 72.0;
const GUTTER: f64 = 24.0;
const TOP: f64 = 720.0;
const BOTTOM: f64 = 84.0;

/// What footnotes say, in turn: sources and notes on the text, as
/// publishers' footnotes do.
const NOTES: [&str; 4] = [
    "Source: Office of the Press Secretary.",
    "Unofficial translation.",
    "Figures in current dollars.",
    "Source: Ministry of Foreign Affairs.",
];

/// One line of text placed on a page.
struct Line {
    x: f64,
    y: f64,
    size: f64,
    text: String,
    /// A footnote marker set right after the line.
    marker: Option<usize>,
}

#[derive(Default)]
struct Page {
    lines: Vec<Line>,
    notes: Vec<(usize, String)>,
}

/// Lays `text` out (each non-blank line a paragraph, the first one the
/// title) and writes it as a PDF.
pub fn write_pdf(text: &str, layout: &PdfLayout) -> Vec<u8> {
    let pages = place(text, layout);
    encode(&pages, layout)
}

fn width(s: &str, size: f64) -> f64 {
    s.chars().map(|c| helvetica_width(c) as f64).sum::<f64>() * size / 1000.0
}

/// Greedy line filling; a word that does not fit is hyphenated where at
/// least three letters stay on each side.
fn wrap(paragraph: &str, room: f64, size: f64, hyphenate: bool) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    let space = width(" ", size);
    let mut words: Vec<String> = paragraph.split_whitespace().rev().map(str::to_string).collect();
    while let Some(word) = words.pop() {
        let used = if line.is_empty() { 0.0 } else { width(&line, size) + space };
        if used + width(&word, size) <= room {
            if !line.is_empty() {
                line.push(' ');
            }
            line.push_str(&word);
            continue;
        }
        let chars: Vec<char> = word.chars().collect();
        if hyphenate && chars.len() >= 7 && chars.iter().all(|c| c.is_alphabetic()) {
            let left_room = room - used - width("-", size);
            let cut = (3..=chars.len() - 3)
                .rev()
                .find(|&k| width(&chars[..k].iter().collect::<String>(), size) <= left_room);
            if let Some(k) = cut {
                if !line.is_empty() {
                    line.push(' ');
                }
                line.extend(&chars[..k]);
                line.push('-');
                lines.push(std::mem::take(&mut line));
                words.push(chars[k..].iter().collect());
                continue;
            }
        }
        if !line.is_empty() {
            lines.push(std::mem::take(&mut line));
        }
        line = word;
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

fn place(text: &str, layout: &PdfLayout) -> Vec<Page> {
    let columns = layout.columns.clamp(1, 4);
    let size = layout.font_size.clamp(4.0, 40.0);
    let leading = size * 1.2;
    let col_width = (PAGE_WIDTH - 2.0 * MARGIN - GUTTER * (columns - 1) as f64) / columns as f64;
    let mut pages = vec![Page::default()];
    let mut col = 0;
    let mut y = TOP;
    // Where the columns start: below the title on the first page.
    let mut top = TOP;
    let mut note = 0;
    let mut marked_page = false;
    for (i, paragraph) in text.lines().map(str::trim).filter(|l| !l.is_empty()).enumerate() {
        if i == 0 {
            // The title, across the columns and larger.
            let tsize = size * 1.4;
            for l in wrap(paragraph, PAGE_WIDTH - 2.0 * MARGIN, tsize, false) {
                pages[0].lines.push(Line { x: MARGIN, y, size: tsize, text: l, marker: None });
                y -= tsize * 1.2;
            }
            y -= leading;
            top = y;
            continue;
        }
        let bullet = paragraph.starts_with(['•', '-', '*', '·']);
        let lines = wrap(paragraph, col_width - if bullet { 10.0 } else { 0.0 }, size, layout.hyphenate);
        let count = lines.len();
        for (k, l) in lines.into_iter().enumerate() {
            if y < BOTTOM {
                col += 1;
                if col == columns {
                    col = 0;
                    pages.push(Page::default());
                    marked_page = false;
                    top = TOP;
                }
                y = top;
            }
            let x = MARGIN + col as f64 * (col_width + GUTTER) + if bullet && k > 0 { 10.0 } else { 0.0 };
            let marker = (layout.footnotes && k + 1 == count && !marked_page).then(|| {
                note += 1;
                note
            });
            let page = pages.len() - 1;
            if let Some(n) = marker {
                marked_page = true;
                let note = NOTES[(n - 1) % NOTES.len()];
                pages[page].notes.push((n, note.to_string()));
            }
            pages[page].lines.push(Line { x, y, size, text: l, marker });
            y -= leading;
        }
        y -= leading * 0.5;
    }
    pages
}

/// Windows-1252 bytes of a string; what it cannot hold becomes `?`.
fn win_ansi(s: &str) -> Vec<u8> {
    let mut out = Vec::with_capacity(s.len());
    let mut buf = [0u8; 4];
    for c in s.chars() {
        let (bytes, _, unmappable) = WINDOWS_1252.encode(c.encode_utf8(&mut buf));
        match (unmappable, bytes.as_ref()) {
            (false, [b]) => out.push(*b),
            _ => out.push(b'?'),
        }
    }
    out
}

fn show(ops: &mut Vec<Operation>, x: f64, y: f64, size: f64, text: &str) {
    ops.push(Operation::new("Tf", vec!["F1".into(), Object::Real(size as f32)]));
    ops.push(Operation::new(
        "Tm",
        vec![1.into(), 0.into(), 0.into(), 1.into(), Object::Real(x as f32), Object::Real(y as f32)],
    ));
    ops.push(Operation::new("Tj", vec![Object::string_literal(win_ansi(text))]));
}

fn encode(pages: &[Page], layout: &PdfLayout) -> Vec<u8> {
    let mut doc = Document::with_version("1.5");
    let pages_id = doc.new_object_id();
    let widths: Vec<Object> = (32u8..=255)
        .map(|b| {
            let byte = [b];
            let (c, _) = WINDOWS_1252.decode_without_bom_handling(&byte);
            let w = c.chars().next().map_or(556, helvetica_width);
            Object::Integer(w as i64)
        })
        .collect();
    let font_id = doc.add_object(dictionary! {
        "Type" => "Font",
        "Subtype" => "Type1",
        "BaseFont" => "Helvetica",
        "Encoding" => "WinAnsiEncoding",
        "FirstChar" => 32,
        "LastChar" => 255,
        "Widths" => widths,
    });
    let resources_id = doc.add_object(dictionary! {
        "Font" => dictionary! { "F1" => font_id },
    });
    let total = pages.len();
    let mut kids = Vec::with_capacity(total);
    let size = layout.font_size.clamp(4.0, 40.0);
    for (n, page) in pages.iter().enumerate() {
        let mut ops = vec![Operation::new("BT", vec![])];
        if let Some(head) = &layout.running_head {
            show(&mut ops, MARGIN, 756.0, size * 0.8, head);
        }
        for line in &page.lines {
            show(&mut ops, line.x, line.y, line.size, &line.text);
            if let Some(m) = line.marker {
                // Raised and small, right after the line's last character.
                ops.push(Operation::new("Tf", vec!["F1".into(), Object::Real((line.size * 0.6) as f32)]));
                ops.push(Operation::new("Ts", vec![Object::Real((line.size * 0.4) as f32)]));
                ops.push(Operation::new("Tj", vec![Object::string_literal(m.to_string())]));
                ops.push(Operation::new("Ts", vec![0.into()]));
            }
        }
        for (k, (m, note)) in page.notes.iter().enumerate() {
            let y = 62.0 - k as f64 * size * 0.9;
            show(&mut ops, MARGIN, y, size * 0.7, &format!("{m} {note}"));
        }
        if layout.page_numbers {
            let label = format!("Page {} of {}", n + 1, total);
            let x = (PAGE_WIDTH - width(&label, size * 0.8)) / 2.0;
            show(&mut ops, x, 36.0, size * 0.8, &label);
        }
        ops.push(Operation::new("ET", vec![]));
        let content = Content { operations: ops }.encode().unwrap_or_default();
        let content_id = doc.add_object(Stream::new(dictionary! {}, content));
        let page_id = doc.add_object(dictionary! {
            "Type" => "Page",
            "Parent" => pages_id,
            "Contents" => content_id,
            "Resources" => resources_id,
            "MediaBox" => vec![0.into(), 0.into(), PAGE_WIDTH.into(), PAGE_HEIGHT.into()],
        });
        kids.push(page_id.into());
    }
    doc.objects.insert(
        pages_id,
        Object::Dictionary(dictionary! {
            "Type" => "Pages",
            "Kids" => kids,
            "Count" => total as i64,
        }),
    );
    let catalog_id = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id });
    doc.trailer.set("Root", catalog_id);
    let mut info = dictionary! { "Producer" => Object::string_literal("readout") };
    if let Some(t) = &layout.title {
        info.set("Title", Object::string_literal(win_ansi(t)));
    }
    if let Some(d) = &layout.created {
        info.set("CreationDate", Object::string_literal(d.as_bytes().to_vec()));
    }
    let info_id = doc.add_object(info);
    doc.trailer.set("Info", info_id);
    if layout.compress {
        doc.compress();
    }
    let mut out = Vec::new();
    // Writing to memory cannot fail for want of space or permission.
    let _ = doc.save_to(&mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_words_break_with_a_hyphen_and_three_letters_each_side() {
        let lines = wrap("a commitment to act", 40.0, 10.0, true);
        assert_eq!(lines, ["a comm-", "itment to", "act"]);
        for l in &lines {
            assert!(width(l, 10.0) <= 40.0, "{l}");
        }
        assert_eq!(wrap("a commitment", 40.0, 10.0, false), ["a", "commitment"]);
    }

    #[test]
    fn a_written_pdf_reads_back() {
        let text = "A Title\nThe two leaders welcomed the agreement.\nJapan will invest $1 billion.";
        let pdf = write_pdf(text, &PdfLayout::default());
        let read = super::super::read(&pdf).map(|p| p.text).unwrap_or_default();
        assert_eq!(
            read,
            "A Title\n\nThe two leaders welcomed the agreement.\n\nJapan will invest $1 billion."
        );
    }
}
