//! What a PDF font tells the text reader: how its codes decode to text and
//! how wide each glyph is, so that a run of text knows where it ends.

use lopdf::{Dictionary, Document, Encoding, Object};
use rustc_hash::FxHashMap;

/// Widths of Helvetica's printable ASCII glyphs (codes 32–126), in
/// thousandths of the font size, from Adobe's published font metrics.
/// Arial shares them.
const HELVETICA_ASCII: [u16; 95] = [
    278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, // space … /
    556, 556, 556, 556, 556, 556, 556, 556, 556, 556, // 0 … 9
    278, 278, 584, 584, 584, 556, 1015, // : … @
    667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, // A … M
    722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, // N … Z
    278, 278, 278, 469, 556, 333, // [ … `
    556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, // a … m
    556, 556, 556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, // n … z
    334, 260, 334, 584, // { … ~
];

/// Helvetica's width of a character, in thousandths of the font size; the
/// width of a digit for letters outside ASCII that the table lacks.
pub fn helvetica_width(c: char) -> u16 {
    match c {
        ' '..='~' => HELVETICA_ASCII[c as usize - 32],
        '\u{a0}' => 278,
        '–' => 556,
        '—' | '…' | '‰' => 1000,
        '‘' | '’' | '‚' => 222,
        '“' | '”' | '„' => 333,
        '•' => 350,
        '·' => 278,
        _ => 556,
    }
}

/// The typical glyph width where a font gives none, in thousandths.
const FALLBACK_WIDTH: f64 = 500.0;

/// One font of a page, ready to turn string bytes into text and widths.
pub(crate) struct Font<'a> {
    encoding: Option<Encoding<'a>>,
    /// Composite fonts (Type0) use two-byte codes.
    two_byte: bool,
    widths: FxHashMap<u32, f64>,
    default_width: f64,
    /// A standard font without a width table: Helvetica-like metrics.
    helvetica: bool,
    monospace: bool,
}

impl<'a> Font<'a> {
    /// Reads a font dictionary. Never fails: what cannot be read falls back
    /// to a plain one-byte Latin encoding and typical widths.
    pub(crate) fn new(doc: &'a Document, dict: &'a Dictionary, limit: usize) -> Font<'a> {
        let subtype = name_of(doc, dict, b"Subtype").unwrap_or_default();
        let base = name_of(doc, dict, b"BaseFont").unwrap_or_default();
        let two_byte = subtype == b"Type0";
        let encoding = dict.get_font_encoding_with_limit(doc, limit).ok();
        let mut widths = FxHashMap::default();
        let mut default_width = FALLBACK_WIDTH;
        if two_byte {
            if let Some(descendant) = first_descendant(doc, dict) {
                if let Some(dw) = descendant.get(b"DW").ok().and_then(|o| number(doc, o)) {
                    default_width = dw;
                } else {
                    default_width = 1000.0;
                }
                if let Some(w) = deref(doc, descendant.get(b"W").ok()).and_then(|o| o.as_array().ok()) {
                    cid_widths(doc, w, &mut widths);
                }
            }
        } else {
            let first = dict.get(b"FirstChar").ok().and_then(|o| number(doc, o)).unwrap_or(0.0);
            if let Some(w) = deref(doc, dict.get(b"Widths").ok()).and_then(|o| o.as_array().ok()) {
                for (i, o) in w.iter().enumerate().take(65_536) {
                    if let Some(v) = number(doc, o) {
                        widths.insert(first as u32 + i as u32, v);
                    }
                }
            }
            if let Some(mw) = font_descriptor(doc, dict)
                .and_then(|d| d.get(b"MissingWidth").ok())
                .and_then(|o| number(doc, o))
                .filter(|&w| w > 0.0)
            {
                default_width = mw;
            }
        }
        let base = String::from_utf8_lossy(&base).to_ascii_lowercase();
        let monospace = base.contains("courier") || base.contains("mono");
        let helvetica = widths.is_empty() && !monospace;
        Font { encoding, two_byte, widths, default_width, helvetica, monospace }
    }

    /// The text of a string's bytes.
    pub(crate) fn decode(&self, bytes: &[u8]) -> String {
        let text = match &self.encoding {
            Some(e) => Document::decode_text(e, bytes).unwrap_or_default(),
            None => bytes.iter().map(|&b| b as char).collect(),
        };
        // A font without a Unicode mapping yields control characters and
        // private-use code points; neither is text. Typeset ligatures are
        // their letters.
        let mut out = String::with_capacity(text.len());
        for c in text.chars() {
            match c {
                '\t' => out.push(' '),
                '\u{fb00}' => out.push_str("ff"),
                '\u{fb01}' => out.push_str("fi"),
                '\u{fb02}' => out.push_str("fl"),
                '\u{fb03}' => out.push_str("ffi"),
                '\u{fb04}' => out.push_str("ffl"),
                '\u{fb05}' | '\u{fb06}' => out.push_str("st"),
                c if c.is_control() || ('\u{e000}'..='\u{f8ff}').contains(&c) => {}
                c => out.push(c),
            }
        }
        out
    }

    /// The glyph codes of a string, each with whether it is the single-byte
    /// space (which word spacing applies to) and its width in thousandths.
    pub(crate) fn codes<'b>(&'b self, bytes: &'b [u8]) -> impl Iterator<Item = (bool, f64)> + 'b {
        let step = if self.two_byte { 2 } else { 1 };
        bytes.chunks(step).map(move |chunk| {
            let code = chunk.iter().fold(0u32, |acc, &b| acc << 8 | b as u32);
            let space = !self.two_byte && code == 32;
            (space, self.width(code))
        })
    }

    fn width(&self, code: u32) -> f64 {
        if let Some(&w) = self.widths.get(&code) {
            return w;
        }
        if self.monospace {
            return 600.0;
        }
        if self.helvetica && !self.two_byte {
            return match char::from_u32(code) {
                Some(c) => helvetica_width(c) as f64,
                None => self.default_width,
            };
        }
        self.default_width
    }
}

/// A `/W` array of a CID font: `c [w1 w2 …]` or `c_first c_last w`.
fn cid_widths(doc: &Document, w: &[Object], out: &mut FxHashMap<u32, f64>) {
    let mut i = 0;
    while i < w.len() && out.len() < 65_536 {
        let Some(first) = number(doc, &w[i]) else { return };
        match w.get(i + 1).and_then(|o| deref(doc, Some(o))) {
            Some(Object::Array(list)) => {
                for (k, o) in list.iter().enumerate().take(65_536) {
                    if let Some(v) = number(doc, o) {
                        out.insert(first as u32 + k as u32, v);
                    }
                }
                i += 2;
            }
            Some(o) => {
                let (Some(last), Some(v)) = (number(doc, o), w.get(i + 2).and_then(|o| number(doc, o)))
                else {
                    return;
                };
                let (first, last) = (first as u32, (last as u32).min(first as u32 + 65_536));
                for code in first..=last {
                    out.insert(code, v);
                }
                i += 3;
            }
            None => return,
        }
    }
}

fn first_descendant<'a>(doc: &'a Document, dict: &'a Dictionary) -> Option<&'a Dictionary> {
    let list = deref(doc, dict.get(b"DescendantFonts").ok())?.as_array().ok()?;
    deref(doc, list.first())?.as_dict().ok()
}

fn font_descriptor<'a>(doc: &'a Document, dict: &'a Dictionary) -> Option<&'a Dictionary> {
    deref(doc, dict.get(b"FontDescriptor").ok())?.as_dict().ok()
}

fn name_of(doc: &Document, dict: &Dictionary, key: &[u8]) -> Option<Vec<u8>> {
    deref(doc, dict.get(key).ok())?.as_name().ok().map(<[u8]>::to_vec)
}

/// Follows a reference (once or a few times) to the object it names.
pub(crate) fn deref<'a>(doc: &'a Document, object: Option<&'a Object>) -> Option<&'a Object> {
    doc.dereference(object?).ok().map(|(_, o)| o)
}

/// An integer or real operand, or a reference to one.
pub(crate) fn number(doc: &Document, object: &Object) -> Option<f64> {
    match deref(doc, Some(object))? {
        Object::Integer(i) => Some(*i as f64),
        Object::Real(r) if r.is_finite() => Some(*r as f64),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn helvetica_widths_follow_the_metrics() {
        assert_eq!(helvetica_width(' '), 278);
        assert_eq!(helvetica_width('A'), 667);
        assert_eq!(helvetica_width('m'), 833);
        assert_eq!(helvetica_width('~'), 584);
        assert_eq!(helvetica_width('—'), 1000);
        assert_eq!(helvetica_width('字'), 556);
    }
}
