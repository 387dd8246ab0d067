//! Positioned runs to text in reading order.
//!
//! Runs on one baseline make a line; a wide gap splits a line into
//! fragments (two columns side by side). Fragments that repeat at the top
//! or bottom of the pages (running heads and feet) and bare page numbers
//! are dropped, as are footnote markers (small raised digits). A page's
//! columns are found from the gutters no fragment crosses; the page reads
//! band by band, each band column by column. Lines then join into
//! paragraphs — a new one after extra space, a change of size, a bullet, or
//! a short line that ends a sentence — and a word hyphenated across a line
//! break is rejoined unless the document writes it with a hyphen elsewhere.
//!
//! Every step sorts or scans: time grows with the number of runs times a
//! logarithm, never with its square.

use super::content::Run;
use crate::clean::ends_sentence;
use rustc_hash::{FxHashMap, FxHashSet};

/// The document's text, paragraphs separated by blank lines, and the byte
/// offset in it where each page starts.
#[derive(Debug, Default, PartialEq)]
pub(crate) struct Laid {
    pub text: String,
    pub page_starts: Vec<usize>,
}

/// A piece of one line: the runs between two wide gaps.
#[derive(Debug, Clone)]
struct Fragment {
    y: f64,
    x0: f64,
    x1: f64,
    size: f64,
    text: String,
    /// Which line of its page it is on, top first.
    line: usize,
}

/// Lays out every page and joins them.
pub(crate) fn lay_out(pages: Vec<Vec<Run>>) -> Laid {
    let mut pages: Vec<Vec<Fragment>> = pages.into_iter().map(fragments).collect();
    drop_running_heads(&mut pages);
    let ordered: Vec<Vec<Placed>> = pages.into_iter().map(reading_order).collect();
    let words = word_forms(&ordered);
    join(&ordered, &words)
}

/// The page's runs grouped into lines and split into fragments, top line
/// first; footnote markers dropped.
fn fragments(mut runs: Vec<Run>) -> Vec<Fragment> {
    runs.retain(|r| !r.text.trim().is_empty());
    runs.sort_by(|a, b| b.y.total_cmp(&a.y).then(a.x0.total_cmp(&b.x0)));
    let mut lines: Vec<Vec<Run>> = Vec::new();
    let (mut base_y, mut base_size) = (f64::NAN, 0.0f64);
    for run in runs {
        let same_line = (base_y - run.y).abs() <= 0.5 * base_size.max(run.size);
        if same_line {
            if run.size > base_size {
                (base_y, base_size) = (run.y, run.size);
            }
            if let Some(line) = lines.last_mut() {
                line.push(run);
            }
        } else {
            (base_y, base_size) = (run.y, run.size);
            lines.push(vec![run]);
        }
    }
    let mut out = Vec::new();
    for (index, mut line) in lines.into_iter().enumerate() {
        line.sort_by(|a, b| a.x0.total_cmp(&b.x0));
        let (size, baseline) = dominant(&line);
        line.retain(|r| !is_footnote_marker(r, size, baseline));
        let mut current: Option<Fragment> = None;
        let mut last: Option<&Run> = None;
        for run in &line {
            if let Some(f) = current.as_mut() {
                let gap = run.x0 - f.x1;
                if gap > 1.5 * size {
                    out.extend(current.take());
                } else {
                    // The same text drawn twice a hair apart is fake bold.
                    if last.is_some_and(|l| l.text == run.text && (l.x0 - run.x0).abs() < 0.3 * size) {
                        continue;
                    }
                    let spaced =
                        f.text.ends_with(char::is_whitespace) || run.text.starts_with(char::is_whitespace);
                    if gap > 0.15 * size && !spaced {
                        f.text.push(' ');
                    }
                    f.text.push_str(&run.text);
                    f.x1 = f.x1.max(run.x1);
                    last = Some(run);
                    continue;
                }
            }
            current = Some(Fragment {
                y: baseline,
                x0: run.x0,
                x1: run.x1,
                size,
                text: run.text.clone(),
                line: index,
            });
            last = Some(run);
        }
        out.extend(current);
    }
    for f in &mut out {
        let collapsed = f.text.split_whitespace().collect::<Vec<_>>().join(" ");
        f.text = collapsed;
    }
    out
}

/// The size most of a line's characters have, and their baseline.
fn dominant(line: &[Run]) -> (f64, f64) {
    let weights = size_weights(line.iter().map(|r| (r.size, r.text.chars().count(), r.y)));
    heaviest(&weights).map_or((0.0, 0.0), |(size, _, y)| (size, y))
}

/// Characters by size, sizes within a quarter point counting as one:
/// (size, characters, baseline of the first), in order of first sight.
/// Linear in the items, however many sizes there are.
fn size_weights(items: impl Iterator<Item = (f64, usize, f64)>) -> Vec<(f64, usize, f64)> {
    let mut index: FxHashMap<i64, usize> = FxHashMap::default();
    let mut out: Vec<(f64, usize, f64)> = Vec::new();
    for (size, n, y) in items {
        let key = (size * 4.0).round() as i64;
        match index.get(&key) {
            Some(&i) => out[i].1 += n,
            None => {
                index.insert(key, out.len());
                out.push((size, n, y));
            }
        }
    }
    out
}

/// The first of the heaviest.
fn heaviest(weights: &[(f64, usize, f64)]) -> Option<(f64, usize, f64)> {
    let mut best: Option<(f64, usize, f64)> = None;
    for &w in weights {
        if best.is_none_or(|b| w.1 > b.1) {
            best = Some(w);
        }
    }
    best
}

/// A small raised number (or dagger) in a line of larger text.
fn is_footnote_marker(run: &Run, size: f64, baseline: f64) -> bool {
    let t = run.text.trim();
    run.size <= 0.8 * size
        && run.y > baseline + 0.15 * size
        && !t.is_empty()
        && t.chars().count() <= 3
        && t.chars().all(|c| c.is_ascii_digit() || matches!(c, '*' | '†' | '‡' | ','))
}

/// Drops page numbers and the lines that repeat at the top or bottom of
/// most pages (a running head or foot): among the first and last two lines
/// of each page, those set apart from the body by more than a line's space.
fn drop_running_heads(pages: &mut [Vec<Fragment>]) {
    let margins: Vec<Vec<bool>> = pages.iter().map(|p| in_margin(p)).collect();
    // A running line comes back in the same place: its text and height.
    let key = |f: &Fragment| (running_key(&f.text), (f.y / 4.0).round() as i64);
    let mut seen: FxHashMap<(String, i64), FxHashSet<usize>> = FxHashMap::default();
    for (p, (page, margin)) in pages.iter().zip(&margins).enumerate() {
        for (f, _) in page.iter().zip(margin).filter(|(_, &m)| m) {
            seen.entry(key(f)).or_default().insert(p);
        }
    }
    let needed = (pages.len() as f64 * 0.5).ceil().max(2.0) as usize;
    for (page, margin) in pages.iter_mut().zip(margins) {
        let mut in_margin = margin.into_iter();
        page.retain(|f| {
            let running = in_margin.next().unwrap_or(false)
                && (is_page_number(&f.text) || seen.get(&key(f)).is_some_and(|s| s.len() >= needed));
            !running
        });
    }
}

/// Which of a page's fragments sit in its top or bottom margin: on its
/// first or last two lines, with a gap wider than a line's between them
/// and the body.
fn in_margin(page: &[Fragment]) -> Vec<bool> {
    // The lines top first: their index, baseline and size.
    let mut lines: Vec<(usize, f64, f64)> = Vec::new();
    for f in page {
        if lines.last().is_none_or(|l| l.0 != f.line) {
            lines.push((f.line, f.y, f.size));
        }
    }
    lines.sort_by_key(|l| l.0);
    lines.dedup_by_key(|l| l.0);
    let n = lines.len();
    let wide = |j: usize| lines[j].1 - lines[j + 1].1 > 1.6 * lines[j].2.max(lines[j + 1].2);
    let mut margin = FxHashSet::default();
    // The top two lines, each with a wide gap between it and line 2; the
    // bottom two, each with one between line n−3 and it.
    for (i, line) in lines.iter().enumerate().take(2) {
        if (i..2.min(n.saturating_sub(1))).any(wide) {
            margin.insert(line.0);
        }
    }
    for (i, line) in lines.iter().enumerate().skip(n.saturating_sub(2)) {
        if (n.saturating_sub(3)..i).any(wide) {
            margin.insert(line.0);
        }
    }
    page.iter().map(|f| margin.contains(&f.line)).collect()
}

/// A running line's text with its numbers blanked ("Page 3" = "Page 4").
fn running_key(text: &str) -> String {
    let mut key = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_ascii_digit() {
            if !key.ends_with('#') {
                key.push('#');
            }
        } else {
            key.extend(c.to_lowercase());
        }
    }
    key
}

/// "3", "Page 3", "3 of 12", "- 3 -", "iv".
fn is_page_number(text: &str) -> bool {
    let t = text.trim().trim_matches(|c| matches!(c, '-' | '–' | '—' | '|')).trim().to_lowercase();
    let t = t.strip_prefix("page").or_else(|| t.strip_prefix("p.")).unwrap_or(&t).trim();
    let numeric = |s: &str| !s.is_empty() && s.len() <= 4 && s.chars().all(|c| c.is_ascii_digit());
    if numeric(t) {
        return true;
    }
    if let Some((a, b)) = t.split_once(" of ").or_else(|| t.split_once('/')) {
        return numeric(a.trim()) && numeric(b.trim());
    }
    !t.is_empty() && t.len() <= 6 && t.chars().all(|c| matches!(c, 'i' | 'v' | 'x' | 'l'))
}

/// A fragment in its place in the reading order.
#[derive(Debug, Clone)]
struct Placed {
    fragment: Fragment,
    /// Which column (0 for a line across the page).
    column: usize,
    /// The column's left and right edges.
    left: f64,
    right: f64,
}

/// The page's fragments in reading order: band by band, where a line that
/// crosses a gutter starts a new band, and within a band column by column.
fn reading_order(page: Vec<Fragment>) -> Vec<Placed> {
    let gutters = gutters(&page);
    let column_of = |f: &Fragment| -> Option<usize> {
        let mut col = 0;
        for &(g0, g1) in &gutters {
            if f.x1 <= g1 {
                return Some(col);
            }
            if f.x0 < g0 {
                // Across the gutter: a title or a wide table.
                return None;
            }
            col += 1;
        }
        Some(col)
    };
    let columns = gutters.len() + 1;
    let mut bounds = vec![(f64::MAX, f64::MIN); columns];
    let assigned: Vec<Option<usize>> = page.iter().map(column_of).collect();
    for (f, c) in page.iter().zip(&assigned) {
        if let Some(c) = *c {
            bounds[c] = (bounds[c].0.min(f.x0), bounds[c].1.max(f.x1));
        }
    }
    let page_bounds = page.iter().fold((f64::MAX, f64::MIN), |(l, r), f| (l.min(f.x0), r.max(f.x1)));
    let mut out = Vec::with_capacity(page.len());
    let mut band: Vec<Vec<Fragment>> = vec![Vec::new(); columns];
    let flush = |band: &mut Vec<Vec<Fragment>>, out: &mut Vec<Placed>| {
        for (c, frags) in band.iter_mut().enumerate() {
            for f in frags.drain(..) {
                out.push(Placed { fragment: f, column: c + 1, left: bounds[c].0, right: bounds[c].1 });
            }
        }
    };
    for (f, c) in page.into_iter().zip(assigned) {
        match c {
            Some(c) if columns > 1 => band[c].push(f),
            _ => {
                flush(&mut band, &mut out);
                let (left, right) = if columns > 1 { page_bounds } else { bounds[0] };
                out.push(Placed { fragment: f, column: 0, left, right });
            }
        }
    }
    flush(&mut band, &mut out);
    out
}

/// The page's gutters: vertical strips, away from the page's edges, that
/// all but a few fragments (a title across the columns) leave empty, with
/// text on both sides.
fn gutters(page: &[Fragment]) -> Vec<(f64, f64)> {
    if page.len() < 6 {
        return Vec::new();
    }
    // Lines across the columns (a title, a wide table) are left out: a few
    // of them would close the gutter they cross.
    let mut widths: Vec<f64> = page.iter().map(|f| f.x1 - f.x0).collect();
    widths.sort_by(f64::total_cmp);
    let usual = widths[widths.len() / 2];
    let mut sizes: Vec<f64> = page.iter().map(|f| f.size).collect();
    sizes.sort_by(f64::total_cmp);
    let size = sizes[sizes.len() / 2];
    // So are headings set larger than the text.
    let found = gutters_among(page, |f| f.x1 - f.x0 <= 1.6 * usual && f.size <= 1.15 * size);
    if !found.is_empty() {
        return found;
    }
    // A long title over columns that hold little text: what decides is the
    // lines split in two by a gap, and what lies beside them.
    let mut parts: FxHashMap<usize, usize> = FxHashMap::default();
    for f in page {
        *parts.entry(f.line).or_default() += 1;
    }
    gutters_among(page, |f| parts.get(&f.line).is_some_and(|&n| n > 1))
}

/// The gutters that the fragments `counted` leave open.
fn gutters_among(page: &[Fragment], counted: impl Fn(&Fragment) -> bool) -> Vec<(f64, f64)> {
    let (left, right) = page.iter().fold((f64::MAX, f64::MIN), |(l, r), f| (l.min(f.x0), r.max(f.x1)));
    let width = right - left;
    if !(width.is_finite() && width > 50.0) {
        return Vec::new();
    }
    const BIN: f64 = 2.0;
    let bins = ((width / BIN).ceil() as usize).min(20_000);
    // Coverage by a difference array: +1 where a fragment starts, −1 past
    // where it ends.
    let mut delta = vec![0i64; bins + 1];
    for f in page.iter().filter(|f| counted(f)) {
        let a = (((f.x0 - left) / BIN).floor() as usize).min(bins);
        let b = (((f.x1 - left) / BIN).ceil() as usize).min(bins);
        delta[a] += 1;
        delta[b] -= 1;
    }
    let mut coverage = Vec::with_capacity(bins);
    let mut c = 0i64;
    for d in &delta[..bins] {
        c += d;
        coverage.push(c);
    }
    let peak = coverage.iter().copied().max().unwrap_or(0);
    // Where fragments start and end, sorted: how many lie left or right of
    // a strip is then a binary search, not a pass over the page.
    let mut starts: Vec<f64> = page.iter().map(|f| f.x0).collect();
    let mut ends: Vec<f64> = page.iter().map(|f| f.x1).collect();
    starts.sort_by(f64::total_cmp);
    ends.sort_by(f64::total_cmp);
    let open = |n: i64| n * 10 <= peak;
    let mut sizes: Vec<f64> = page.iter().map(|f| f.size).collect();
    sizes.sort_by(f64::total_cmp);
    let size = sizes[sizes.len() / 2];
    let mut out = Vec::new();
    let mut i = 0;
    while i < bins {
        if !open(coverage[i]) {
            i += 1;
            continue;
        }
        let start = i;
        while i < bins && open(coverage[i]) {
            i += 1;
        }
        // Within an open stretch, the gutter is where coverage is least: a
        // last column with a line or two is open too, but not empty.
        let least = coverage[start..i].iter().copied().min().unwrap_or(0);
        let first = start + coverage[start..i].iter().position(|&c| c == least).unwrap_or(0);
        let mut last = first;
        while last < i && coverage[last] == least {
            last += 1;
        }
        let (g0, g1) = (left + first as f64 * BIN, left + last as f64 * BIN);
        let centre = (g0 + g1) / 2.0;
        // Text must start beyond it (so a ragged right margin is no
        // gutter), and it must leave a column's width on its left.
        let inside = centre > left + 0.15 * width;
        let wide = g1 - g0 >= 0.8 * size;
        let lefts = ends.partition_point(|&x| x <= g0 + BIN);
        let rights = starts.len() - starts.partition_point(|&x| x < g1 - BIN);
        // The last column of a document's last page may hold one line.
        if inside && wide && lefts >= 2 && rights >= 1 && lefts + rights >= 4 {
            out.push((g0, g1));
        }
    }
    out
}

/// Every word of the document, lower-cased, to tell a hyphenated compound
/// ("long-term") from a word broken at a line's end ("commit-ment").
fn word_forms(pages: &[Vec<Placed>]) -> FxHashSet<String> {
    let mut words = FxHashSet::default();
    for p in pages.iter().flatten() {
        for w in p.fragment.text.split_whitespace() {
            let w = w.trim_matches(|c: char| !c.is_alphanumeric() && c != '-');
            if w.len() > 2 {
                words.insert(w.to_lowercase());
            }
        }
    }
    words
}

/// The ordered fragments of every page to paragraphs. A page's footnotes
/// (small print below its last line of body text) wait until the paragraph
/// running at the foot of the page has ended.
fn join(pages: &[Vec<Placed>], words: &FxHashSet<String>) -> Laid {
    let mut laid = Laid { text: String::new(), page_starts: Vec::with_capacity(pages.len()) };
    let spacing = typical_spacing(pages);
    let body = body_size(pages);
    let mut prev: Option<&Placed> = None;
    let mut pending: Vec<&Placed> = Vec::new();
    for page in pages {
        let lowest_body = page
            .iter()
            .filter(|p| p.fragment.size > 0.85 * body)
            .map(|p| p.fragment.y)
            .fold(f64::MAX, f64::min);
        let (top, bottom) =
            page.iter().fold((f64::MIN, f64::MAX), |(t, b), p| (t.max(p.fragment.y), b.min(p.fragment.y)));
        let middle = (top + bottom) / 2.0;
        let small_below = |p: &Placed| {
            p.fragment.size <= 0.85 * body && p.fragment.y < lowest_body && p.fragment.y < middle
        };
        // Footnotes are the small print under a page of text, not most of
        // it, and the first starts with its number or mark.
        let note_chars: usize = page.iter().filter(|p| small_below(p)).map(|p| p.fragment.text.len()).sum();
        let page_chars: usize = page.iter().map(|p| p.fragment.text.len()).sum();
        let numbered = page
            .iter()
            .find(|p| small_below(p))
            .is_some_and(|p| p.fragment.text.starts_with(|c: char| c.is_ascii_digit() || "*†‡§".contains(c)));
        let has_notes = numbered && note_chars * 3 < page_chars;
        let is_note = |p: &Placed| has_notes && small_below(p);
        // A page that starts mid-paragraph starts where its first line does.
        let mut page_start = None;
        let mut flow: Option<(usize, f64)> = None;
        let mut notes = Vec::new();
        for p in page {
            if is_note(p) {
                notes.push(p);
                continue;
            }
            let f = &p.fragment;
            let start = match prev {
                None => laid.text.len(),
                Some(q) => {
                    let same_flow = flow.is_some_and(|(c, y)| c == p.column && y > f.y);
                    let breaks = if same_flow { breaks_within(q, p, spacing) } else { breaks_across(q, p) };
                    if breaks {
                        for note in pending.drain(..) {
                            laid.text.push_str("\n\n");
                            laid.text.push_str(&note.fragment.text);
                        }
                        laid.text.push_str("\n\n");
                        laid.text.len()
                    } else {
                        join_lines(&mut laid.text, &f.text, words)
                    }
                }
            };
            laid.text.push_str(&f.text);
            page_start.get_or_insert(start);
            prev = Some(p);
            flow = Some((p.column, f.y));
        }
        laid.page_starts.push(page_start.unwrap_or(laid.text.len()));
        pending.extend(notes);
    }
    for note in pending {
        if !laid.text.is_empty() {
            laid.text.push_str("\n\n");
        }
        laid.text.push_str(&note.fragment.text);
    }
    laid
}

/// The size most of the document's text is set in.
fn body_size(pages: &[Vec<Placed>]) -> f64 {
    let weights = size_weights(pages.iter().flatten().map(|p| (p.fragment.size, p.fragment.text.len(), 0.0)));
    heaviest(&weights).map_or(0.0, |(size, _, _)| size)
}

/// The usual distance between the baselines of a paragraph's lines,
/// relative to the font size.
fn typical_spacing(pages: &[Vec<Placed>]) -> f64 {
    let mut gaps: Vec<f64> = Vec::new();
    for page in pages {
        for w in page.windows(2) {
            let (a, b) = (&w[0], &w[1]);
            let d = a.fragment.y - b.fragment.y;
            if a.column == b.column && d > 0.0 && d < 3.0 * a.fragment.size {
                gaps.push(d / a.fragment.size);
            }
        }
    }
    if gaps.len() < 4 {
        return 1.2;
    }
    gaps.sort_by(f64::total_cmp);
    gaps[gaps.len() / 4].clamp(1.0, 1.6)
}

/// Whether a new paragraph starts between two lines of one column.
fn breaks_within(prev: &Placed, cur: &Placed, spacing: f64) -> bool {
    let (a, b) = (&prev.fragment, &cur.fragment);
    let gap = (a.y - b.y) / a.size.max(b.size);
    let size_change = (a.size - b.size).abs() > 0.15 * a.size.max(b.size);
    let width = (cur.right - cur.left).max(1.0);
    let short = a.x1 < prev.right - 0.2 * width;
    let indented = b.x0 > cur.left + 0.8 * b.size && a.x0 <= prev.left + 0.5 * a.size;
    gap > spacing * 1.3
        || size_change
        || starts_item(&b.text)
        || ends_sentence(&a.text) && (short || indented)
}

/// Whether a new paragraph starts at a jump to the next column or page.
fn breaks_across(prev: &Placed, cur: &Placed) -> bool {
    let (a, b) = (&prev.fragment, &cur.fragment);
    let width = (prev.right - prev.left).max(1.0);
    let short = a.x1 < prev.right - 0.4 * width;
    ends_sentence(&a.text)
        || short
        || starts_item(&b.text)
        || (a.size - b.size).abs() > 0.15 * a.size.max(b.size)
}

/// Prepares the end of a paragraph for its next line, `next`: a word
/// broken by a hyphen at the line's end loses the hyphen (unless the
/// document writes the compound with one elsewhere), otherwise a space.
/// Returns where the next line starts.
fn join_lines(text: &mut String, next: &str, words: &FxHashSet<String>) -> usize {
    if text.ends_with('\u{ad}') {
        text.truncate(text.len() - '\u{ad}'.len_utf8());
        return text.len();
    }
    let next_lower = next.chars().next().is_some_and(char::is_lowercase);
    let stem = text.strip_suffix('-').unwrap_or(text);
    if stem.len() < text.len() && next_lower && stem.chars().next_back().is_some_and(char::is_alphabetic) {
        let left = stem.rsplit(char::is_whitespace).next().unwrap_or("");
        let left = left.trim_start_matches(|c: char| !c.is_alphanumeric()).to_lowercase();
        let right = next.split_whitespace().next().unwrap_or("");
        let right = right.trim_end_matches(|c: char| !c.is_alphanumeric()).to_lowercase();
        let compound = format!("{left}-{right}");
        let whole = format!("{left}{right}");
        if !words.contains(&compound) || words.contains(&whole) {
            text.pop();
        }
        return text.len();
    }
    // "U.S.-" then "Japan": a compound broken at its own hyphen.
    if stem.len() < text.len() && stem.chars().next_back().is_some_and(|c| !c.is_whitespace()) {
        return text.len();
    }
    text.push(' ');
    text.len()
}

/// A bullet or a numbered item.
fn starts_item(s: &str) -> bool {
    s.starts_with(['•', '◦', '▪', '●', '■', '‣', '⁃', '○', '□', '➢', '►'])
        || s.starts_with("- ")
        || s.starts_with("– ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(x0: f64, x1: f64, y: f64, size: f64, text: &str) -> Run {
        Run { x0, x1, y, size, text: text.to_string() }
    }

    #[test]
    fn page_numbers_are_known_in_their_usual_forms() {
        for t in ["3", "Page 3", "3 of 12", "- 3 -", "iv", "Page 3 of 12", "12/40"] {
            assert!(is_page_number(t), "{t}");
        }
        for t in ["Page three", "The 3 ministers", "1,000", "vivid"] {
            assert!(!is_page_number(t), "{t}");
        }
    }

    #[test]
    fn runs_on_a_baseline_make_one_line_with_spaces_where_gaps_are() {
        let frags = fragments(vec![
            run(100.0, 130.0, 700.0, 10.0, "Joint"),
            run(133.0, 170.0, 700.0, 10.0, "Statement"),
            run(170.0, 172.0, 700.0, 10.0, "."),
        ]);
        assert_eq!(frags.len(), 1);
        assert_eq!(frags[0].text, "Joint Statement.");
    }

    #[test]
    fn a_raised_small_number_is_a_footnote_marker_not_part_of_the_word() {
        let frags = fragments(vec![
            run(100.0, 160.0, 700.0, 10.0, "agreement"),
            run(160.0, 164.0, 704.0, 6.0, "3"),
            run(166.0, 190.0, 700.0, 10.0, "was signed"),
        ]);
        assert_eq!(frags[0].text, "agreement was signed");
    }

    #[test]
    fn a_wide_gap_splits_a_line_into_columns() {
        let frags = fragments(vec![
            run(72.0, 290.0, 700.0, 10.0, "left column"),
            run(320.0, 540.0, 700.0, 10.0, "right"),
        ]);
        assert_eq!(frags.len(), 2);
    }

    #[test]
    fn hyphenation_is_undone_unless_the_compound_is_written_elsewhere() {
        let mut words = FxHashSet::default();
        let joined = |start: &str, next: &str, words: &FxHashSet<String>| {
            let mut t = start.to_string();
            join_lines(&mut t, next, words);
            t + next
        };
        assert_eq!(joined("a firm commit-", "ment to act", &words), "a firm commitment to act");
        words.insert("long-term".to_string());
        assert_eq!(joined("a long-", "term plan", &words), "a long-term plan");
        // A compound broken at its own hyphen keeps it.
        assert_eq!(
            joined("the United States-", "Japan alliance", &words),
            "the United States-Japan alliance"
        );
        assert_eq!(joined("soft\u{ad}", "ware", &words), "software");
    }

    #[test]
    fn two_columns_read_left_then_right() {
        let mut runs = Vec::new();
        for i in 0..8 {
            let y = 700.0 - 12.0 * i as f64;
            runs.push(run(72.0, 290.0, y, 10.0, &format!("left{i}")));
            runs.push(run(320.0, 540.0, y, 10.0, &format!("right{i}")));
        }
        let laid = lay_out(vec![runs]);
        let left = laid.text.find("left7").unwrap_or(usize::MAX);
        let right = laid.text.find("right0").unwrap_or(0);
        assert!(left < right, "{}", laid.text);
    }
}
