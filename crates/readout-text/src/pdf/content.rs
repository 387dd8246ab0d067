//! A page's content stream to positioned runs of text.
//!
//! Interprets the operators that place text (PDF 32000-1 §9.4): the text
//! and line matrices, the current transformation matrix with its save and
//! restore, font, size, character and word spacing, horizontal scaling,
//! leading and rise, and form XObjects drawn with `Do`. Each string shown
//! becomes a [`Run`] in page space: where it starts, where it ends (from the
//! font's widths) and how large it is. Nothing is drawn.

use super::fonts::{deref, number, Font};
use lopdf::content::Content;
use lopdf::{Dictionary, Document, Object, ObjectId};
use rustc_hash::FxHashMap;

/// A string of text as placed on the page, in page space (points, y up).
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Run {
    /// Where it starts on the baseline.
    pub x0: f64,
    /// Where it ends.
    pub x1: f64,
    /// The baseline.
    pub y: f64,
    /// The font size in page space.
    pub size: f64,
    /// Its text.
    pub text: String,
}

/// A page's runs, and how many images it draws.
#[derive(Debug, Default)]
pub(crate) struct PageRuns {
    pub runs: Vec<Run>,
    pub images: usize,
}

/// Runs past this many on one page are dropped (a page with more is not a
/// document page but a data plot).
const MAX_RUNS: usize = 500_000;
/// How deep forms may nest inside forms.
const MAX_FORM_DEPTH: usize = 6;
/// Operators interpreted per page, forms included: a form drawn many times
/// by forms drawn many times must not multiply without end.
const MAX_OPERATIONS: usize = 5_000_000;

/// An affine matrix `[a b c d e f]` as PDF writes it.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Matrix([f64; 6]);

impl Matrix {
    const IDENTITY: Matrix = Matrix([1.0, 0.0, 0.0, 1.0, 0.0, 0.0]);

    fn translate(x: f64, y: f64) -> Matrix {
        Matrix([1.0, 0.0, 0.0, 1.0, x, y])
    }

    /// `self × other`: first self, then other.
    fn then(self, other: Matrix) -> Matrix {
        let [a, b, c, d, e, f] = self.0;
        let [a2, b2, c2, d2, e2, f2] = other.0;
        Matrix([
            a * a2 + b * c2,
            a * b2 + b * d2,
            c * a2 + d * c2,
            c * b2 + d * d2,
            e * a2 + f * c2 + e2,
            e * b2 + f * d2 + f2,
        ])
    }

    fn apply(self, x: f64, y: f64) -> (f64, f64) {
        let [a, b, c, d, e, f] = self.0;
        (a * x + c * y + e, b * x + d * y + f)
    }

    fn from_operands(doc: &Document, ops: &[Object]) -> Option<Matrix> {
        if ops.len() < 6 {
            return None;
        }
        let mut m = [0.0; 6];
        for (slot, o) in m.iter_mut().zip(ops) {
            *slot = number(doc, o)?;
        }
        Some(Matrix(m))
    }
}

/// The text state parameters (§9.3), saved and restored with `q`/`Q`.
#[derive(Debug, Clone, Copy)]
struct TextState {
    font: usize,
    size: f64,
    char_space: f64,
    word_space: f64,
    scale: f64,
    leading: f64,
    rise: f64,
}

impl Default for TextState {
    fn default() -> Self {
        TextState {
            font: usize::MAX,
            size: 0.0,
            char_space: 0.0,
            word_space: 0.0,
            scale: 1.0,
            leading: 0.0,
            rise: 0.0,
        }
    }
}

/// The fonts a content stream may name, resolved once.
struct Fonts<'a> {
    by_name: FxHashMap<Vec<u8>, usize>,
    list: Vec<Font<'a>>,
}

impl<'a> Fonts<'a> {
    fn new(doc: &'a Document, dicts: impl Iterator<Item = (Vec<u8>, &'a Dictionary)>, limit: usize) -> Self {
        let mut fonts = Fonts { by_name: FxHashMap::default(), list: Vec::new() };
        for (name, dict) in dicts {
            fonts.by_name.insert(name, fonts.list.len());
            fonts.list.push(Font::new(doc, dict, limit));
        }
        fonts
    }
}

/// The runs of text on one page.
pub(crate) fn page_runs(doc: &Document, page: ObjectId, limit: usize) -> Result<PageRuns, lopdf::Error> {
    let data = doc.get_page_content_with_limit(page, limit)?;
    let fonts = doc.get_page_fonts(page)?;
    let fonts = Fonts::new(doc, fonts.into_iter(), limit);
    let xobjects = page_xobjects(doc, page);
    let mut out = PageRuns::default();
    let mut reader = Reader { doc, limit, budget: MAX_OPERATIONS, out: &mut out };
    reader.run(&data, &fonts, &xobjects, Matrix::IDENTITY, 0);
    Ok(out)
}

/// The page's XObjects by name, its own resources before inherited ones.
fn page_xobjects(doc: &Document, page: ObjectId) -> FxHashMap<Vec<u8>, ObjectId> {
    let mut out = FxHashMap::default();
    let Ok((own, inherited)) = doc.get_page_resources(page) else { return out };
    let mut add = |resources: &Dictionary| {
        if let Some(Object::Dictionary(x)) = deref(doc, resources.get(b"XObject").ok()) {
            for (name, o) in x.iter() {
                if let Object::Reference(id) = o {
                    out.entry(name.clone()).or_insert(*id);
                }
            }
        }
    };
    if let Some(r) = own {
        add(r);
    }
    for id in inherited {
        if let Ok(r) = doc.get_dictionary(id) {
            add(r);
        }
    }
    out
}

struct Reader<'a, 'o> {
    doc: &'a Document,
    limit: usize,
    budget: usize,
    out: &'o mut PageRuns,
}

impl<'a> Reader<'a, '_> {
    /// Interprets one content stream (a page's, or a form's).
    fn run(
        &mut self,
        data: &[u8],
        fonts: &Fonts<'_>,
        xobjects: &FxHashMap<Vec<u8>, ObjectId>,
        base: Matrix,
        depth: usize,
    ) {
        // A stream that does not parse to its end still shows what it
        // placed before the damage.
        let operations = match Content::decode(data) {
            Ok(c) => c.operations,
            Err(_) => Content::decode_iter(data).map_while(Result::ok).collect(),
        };
        let doc = self.doc;
        let mut ctm = base;
        let mut ts = TextState::default();
        let mut stack: Vec<(Matrix, TextState)> = Vec::new();
        let mut tm = Matrix::IDENTITY;
        let mut tlm = Matrix::IDENTITY;
        for op in &operations {
            if self.out.runs.len() >= MAX_RUNS || self.budget == 0 {
                return;
            }
            self.budget -= 1;
            let ops = &op.operands;
            let num = |i: usize| ops.get(i).and_then(|o| number(doc, o));
            match op.operator.as_str() {
                "q" if stack.len() < 1024 => stack.push((ctm, ts)),
                "Q" => {
                    if let Some((m, t)) = stack.pop() {
                        ctm = m;
                        ts = t;
                    }
                }
                "cm" => {
                    if let Some(m) = Matrix::from_operands(doc, ops) {
                        ctm = m.then(ctm);
                    }
                }
                "BT" => {
                    tm = Matrix::IDENTITY;
                    tlm = Matrix::IDENTITY;
                }
                "Tf" => {
                    if let Some(name) = ops.first().and_then(|o| o.as_name().ok()) {
                        ts.font = fonts.by_name.get(name).copied().unwrap_or(usize::MAX);
                    }
                    ts.size = num(1).unwrap_or(ts.size);
                }
                "Tc" => ts.char_space = num(0).unwrap_or(ts.char_space),
                "Tw" => ts.word_space = num(0).unwrap_or(ts.word_space),
                "Tz" => ts.scale = num(0).map_or(ts.scale, |s| s / 100.0),
                "TL" => ts.leading = num(0).unwrap_or(ts.leading),
                "Ts" => ts.rise = num(0).unwrap_or(ts.rise),
                "Td" | "TD" => {
                    let (Some(x), Some(y)) = (num(0), num(1)) else { continue };
                    if op.operator == "TD" {
                        ts.leading = -y;
                    }
                    tlm = Matrix::translate(x, y).then(tlm);
                    tm = tlm;
                }
                "Tm" => {
                    if let Some(m) = Matrix::from_operands(doc, ops) {
                        tlm = m;
                        tm = m;
                    }
                }
                "T*" => {
                    tlm = Matrix::translate(0.0, -ts.leading).then(tlm);
                    tm = tlm;
                }
                "Tj" | "'" | "\"" => {
                    if op.operator != "Tj" {
                        if op.operator == "\"" {
                            ts.word_space = num(0).unwrap_or(ts.word_space);
                            ts.char_space = num(1).unwrap_or(ts.char_space);
                        }
                        tlm = Matrix::translate(0.0, -ts.leading).then(tlm);
                        tm = tlm;
                    }
                    if let Some(Object::String(bytes, _)) = ops.last() {
                        self.show(bytes, fonts, &ts, &mut tm, ctm);
                    }
                }
                "TJ" => {
                    let Some(Object::Array(items)) = ops.first() else { continue };
                    for item in items {
                        match item {
                            Object::String(bytes, _) => self.show(bytes, fonts, &ts, &mut tm, ctm),
                            other => {
                                if let Some(n) = number(doc, other) {
                                    let tx = -n / 1000.0 * ts.size * ts.scale;
                                    tm = Matrix::translate(tx, 0.0).then(tm);
                                }
                            }
                        }
                    }
                }
                "Do" => {
                    let Some(name) = ops.first().and_then(|o| o.as_name().ok()) else { continue };
                    if let Some(&id) = xobjects.get(name) {
                        self.draw_xobject(id, ctm, depth, fonts, xobjects);
                    }
                }
                "BI" | "ID" => self.out.images += 1,
                _ => {}
            }
        }
    }

    /// Places one string and advances the text matrix past it.
    fn show(&mut self, bytes: &[u8], fonts: &Fonts<'_>, ts: &TextState, tm: &mut Matrix, ctm: Matrix) {
        let Some(font) = fonts.list.get(ts.font) else { return };
        let text = font.decode(bytes);
        let start = Matrix([1.0, 0.0, 0.0, 1.0, 0.0, ts.rise]).then(*tm).then(ctm);
        let mut advance = 0.0;
        for (space, width) in font.codes(bytes) {
            let word = if space { ts.word_space } else { 0.0 };
            advance += (width / 1000.0 * ts.size + ts.char_space + word) * ts.scale;
        }
        if !advance.is_finite() {
            return;
        }
        *tm = Matrix::translate(advance, 0.0).then(*tm);
        if text.is_empty() {
            return;
        }
        let end = Matrix([1.0, 0.0, 0.0, 1.0, 0.0, ts.rise]).then(*tm).then(ctm);
        let (x0, y) = start.apply(0.0, 0.0);
        let (x1, _) = end.apply(0.0, 0.0);
        let [_, _, c, d, _, _] = start.0;
        let size = ts.size.abs() * c.hypot(d);
        if !(x0.is_finite() && x1.is_finite() && y.is_finite() && size.is_finite()) || size < 0.5 {
            return;
        }
        self.out.runs.push(Run { x0: x0.min(x1), x1: x0.max(x1), y, size, text });
    }

    /// A form XObject's content, drawn in place; an image counted.
    fn draw_xobject(
        &mut self,
        id: ObjectId,
        ctm: Matrix,
        depth: usize,
        parent_fonts: &Fonts<'_>,
        parent_xobjects: &FxHashMap<Vec<u8>, ObjectId>,
    ) {
        let doc = self.doc;
        let Ok(Object::Stream(stream)) = doc.get_object(id) else { return };
        let subtype = stream.dict.get(b"Subtype").and_then(Object::as_name).unwrap_or_default();
        if subtype == b"Image" {
            self.out.images += 1;
            return;
        }
        if subtype != b"Form" || depth >= MAX_FORM_DEPTH {
            return;
        }
        let Ok(data) = stream.get_plain_content_with_limit(self.limit) else { return };
        let matrix = stream.dict.get(b"Matrix").ok().and_then(|m| match deref(doc, Some(m)) {
            Some(Object::Array(a)) => Matrix::from_operands(doc, a),
            _ => None,
        });
        let base = matrix.unwrap_or(Matrix::IDENTITY).then(ctm);
        let resources = match deref(doc, stream.dict.get(b"Resources").ok()) {
            Some(Object::Dictionary(d)) => d,
            // A form without resources of its own uses its page's.
            _ => return self.run(&data, parent_fonts, parent_xobjects, base, depth + 1),
        };
        let mut font_dicts: Vec<(Vec<u8>, &Dictionary)> = Vec::new();
        let mut xobjects = FxHashMap::default();
        if let Some(Object::Dictionary(f)) = deref(doc, resources.get(b"Font").ok()) {
            for (name, o) in f.iter() {
                if let Some(Object::Dictionary(d)) = deref(doc, Some(o)) {
                    font_dicts.push((name.clone(), d));
                }
            }
        }
        if let Some(Object::Dictionary(x)) = deref(doc, resources.get(b"XObject").ok()) {
            for (name, o) in x.iter() {
                if let Object::Reference(r) = o {
                    xobjects.insert(name.clone(), *r);
                }
            }
        }
        let fonts = Fonts::new(doc, font_dicts.into_iter(), self.limit);
        self.run(&data, &fonts, &xobjects, base, depth + 1);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matrices_compose_in_pdf_order() {
        // Scale by 2, then move right by 10: (1, 1) → (12, 2).
        let m = Matrix([2.0, 0.0, 0.0, 2.0, 0.0, 0.0]).then(Matrix::translate(10.0, 0.0));
        assert_eq!(m.apply(1.0, 1.0), (12.0, 2.0));
        let n = Matrix::translate(10.0, 0.0).then(Matrix([2.0, 0.0, 0.0, 2.0, 0.0, 0.0]));
        assert_eq!(n.apply(1.0, 1.0), (22.0, 2.0));
    }
}
