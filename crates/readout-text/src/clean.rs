//! Cleaning: text to blocks, boilerplate removed.
//!
//! A document arrives as lines. Cleaning drops what is not content (site
//! banners, print/share widgets, breadcrumb trails, navigation and tag
//! lists at the document's ends), splits inline bullet lists so that every
//! bullet is its own block, joins hard-wrapped lines into paragraphs, and
//! recognises headings, heading lead-ins ("SHARED PROSPERITY: …"), speaker
//! labels ("Abe: …") and epigraphs (`"…" – President Trump`). The result is a
//! new text — one block per paragraph, bullets written `• ` — and the blocks'
//! spans into it. Every rule is general; the words it needs are in
//! `data/boilerplate.toml`.

use crate::span::Span;
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use readout_lexicon::Lexicon;
use serde::Serialize;
use std::collections::HashSet;

/// What a block is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum BlockKind {
    /// A title or section heading: no statements.
    Heading,
    /// A paragraph of running text.
    Paragraph,
    /// One item of a list.
    Bullet,
    /// A quotation set apart with its attribution (an epigraph).
    Quote,
}

/// One block of the cleaned text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Block {
    /// What the block is.
    pub kind: BlockKind,
    /// The whole block (a bullet's marker excluded).
    pub span: Span,
    /// The part that holds statements: after a lead-in or speaker label,
    /// inside an epigraph's quotation marks; empty for a heading.
    pub body: Span,
    /// A heading lead-in before a colon ("SHARED PROSPERITY").
    pub lead_in: Option<Span>,
    /// A speaker label before a colon ("Abe").
    pub speaker: Option<Span>,
    /// An epigraph's attribution ("President Donald J. Trump").
    pub attribution: Option<Span>,
}

/// Why a line was dropped.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Dropped {
    /// A site banner (archive notice, cookie notice).
    Banner,
    /// A print/share/navigation widget.
    Widget,
    /// A breadcrumb trail.
    Crumbs,
    /// Part of a navigation or tag list at the document's start or end.
    Navigation,
    /// A byline ("By Jane Doe, Staff Writer").
    Byline,
}

/// A line cleaning removed, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Removal {
    /// Why.
    pub reason: Dropped,
    /// The line as it stood.
    pub text: String,
}

/// A cleaned document.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Cleaned {
    /// The cleaned text every span points into.
    pub text: String,
    /// Its blocks, in order.
    pub blocks: Vec<Block>,
    /// What was removed.
    pub removed: Vec<Removal>,
    /// Where each piece of the cleaned text came from: its offset in the
    /// cleaned text and in the source, in order.
    pub origins: Vec<(usize, usize)>,
}

impl Cleaned {
    /// The source offset a cleaned-text offset came from (the start of its
    /// piece, for text the cleaner added).
    pub fn source_offset(&self, at: usize) -> usize {
        let i = self.origins.partition_point(|&(c, _)| c <= at);
        match i.checked_sub(1).and_then(|i| self.origins.get(i)) {
            Some(&(c, s)) => s + (at - c),
            None => 0,
        }
    }
}

/// The cleaning stage, with its lexicon compiled.
#[derive(Debug, Clone)]
pub struct Cleaner {
    /// Every banner phrase in ASCII lower case, searched in the text
    /// lowered the same way: a case-sensitive search of a few dozen
    /// literals runs on a SIMD prefilter, about three times as fast as a
    /// case-insensitive automaton, the copy included. `None` without
    /// phrases.
    banners: Option<AhoCorasick>,
    widget_words: HashSet<String>,
    byline_roles: Vec<String>,
    crumb_separators: Vec<String>,
    nav_max_words: usize,
    nav_min_run: usize,
    speakers: HashSet<String>,
    titles: Vec<String>,
    /// Abbreviations that never end a sentence (`never_final` of
    /// `data/segment.toml`): a line that ends with one ("… President
    /// Ferdinand R. Marcos Jr.") is no sentence for its final dot.
    never_final: HashSet<String>,
}

/// A line of the source, trimmed, with its list marker removed.
#[derive(Debug, Clone, Copy)]
struct Line<'a> {
    text: &'a str,
    bullet: bool,
    /// A blank line (or the start) comes before it.
    para_start: bool,
}

const BULLET_GLYPHS: [char; 9] = ['•', '·', '▪', '‣', '◦', '●', '○', '■', '□'];
const DASH_BULLETS: [char; 4] = ['-', '*', '–', '—'];

impl Cleaner {
    /// Compiles the boilerplate and speaker knowledge of `lexicon`.
    pub fn new(lexicon: &Lexicon) -> Cleaner {
        let b = &lexicon.boilerplate;
        let phrases: Vec<String> = b.banner_phrases.iter().map(|p| p.to_ascii_lowercase()).collect();
        let banners = (!phrases.is_empty())
            .then(|| AhoCorasickBuilder::new().match_kind(MatchKind::LeftmostFirst).build(&phrases).ok())
            .flatten();
        let mut speakers = HashSet::new();
        for c in &lexicon.actors.country {
            for a in c.people.iter().chain(&c.names).chain(&c.adjectives) {
                speakers.insert(a.clone());
            }
        }
        let mut titles: Vec<String> = lexicon.actors.titles.aliases.clone();
        titles.extend(["Mr.", "Mrs.", "Ms.", "Dr.", "H.E.", "MR.", "MS."].map(String::from));
        titles.sort_by_key(|t| std::cmp::Reverse(t.len()));
        Cleaner {
            banners,
            widget_words: b.widget_words.iter().map(|w| w.to_lowercase()).collect(),
            byline_roles: b.byline_roles.iter().map(|w| w.to_lowercase()).collect(),
            crumb_separators: b.crumb_separators.clone(),
            nav_max_words: b.nav_max_words.unwrap_or(5),
            nav_min_run: b.nav_min_run.unwrap_or(2),
            speakers,
            titles,
            never_final: lexicon.segment.never_final.iter().cloned().collect(),
        }
    }

    /// Whether a line ends as a sentence does: with a stop that is not an
    /// abbreviation's dot ("Jr.").
    fn ends_sentence(&self, s: &str) -> bool {
        if !ends_sentence(s) {
            return false;
        }
        let s = s.trim_end_matches(CLOSERS);
        let last = s.rsplit(char::is_whitespace).next().unwrap_or(s);
        !last.strip_suffix('.').is_some_and(|word| self.never_final.contains(word))
    }

    /// Cleans a decoded, normalised text.
    pub fn clean(&self, source: &str) -> Cleaned {
        let mut removed = Vec::new();
        let lines = self.content_lines(source, &mut removed);
        let paragraphs = join_wrapped(&lines);
        let mut out = Cleaned {
            text: String::with_capacity(source.len()),
            blocks: Vec::with_capacity(paragraphs.len()),
            removed,
            origins: Vec::with_capacity(lines.len()),
        };
        let mut prev_bullet = false;
        for (i, para) in paragraphs.iter().enumerate() {
            if !out.text.is_empty() {
                out.text.push_str(if prev_bullet && para.bullet { "\n" } else { "\n\n" });
            }
            if para.bullet {
                out.text.push_str("• ");
            }
            let start = out.text.len();
            for (k, piece) in para.pieces.iter().enumerate() {
                if k > 0 {
                    out.text.push(' ');
                }
                // Every piece is a slice of the source.
                let from = (piece.as_ptr() as usize).checked_sub(source.as_ptr() as usize);
                if let Some(from) = from.filter(|&f| f <= source.len()) {
                    out.origins.push((out.text.len(), from));
                }
                out.text.push_str(piece);
            }
            let span = Span::new(start, out.text.len());
            let block = self.classify(&out.text, span, para.bullet, i == 0);
            out.blocks.push(block);
            prev_bullet = para.bullet;
        }
        out
    }

    /// Where banner phrases start in `source`, in order.
    fn banner_starts(&self, source: &str) -> Vec<usize> {
        let Some(banners) = &self.banners else { return Vec::new() };
        let lowered = source.as_bytes().to_ascii_lowercase();
        banners.find_iter(lowered.as_slice()).map(|m| m.start()).collect()
    }

    /// The source's lines without boilerplate, inline bullets split.
    fn content_lines<'a>(&self, source: &'a str, removed: &mut Vec<Removal>) -> Vec<Line<'a>> {
        let mut lines: Vec<Line<'a>> = Vec::new();
        let mut para_start = true;
        let mut seen_content = false;
        // One pass of the banner search over the whole text; a line is a
        // banner when a match starts in it.
        let mut banner_hits = self.banner_starts(source).into_iter().peekable();
        let mut line_start = 0;
        for raw in source.split('\n') {
            let line_end = line_start + raw.len();
            let mut banner = false;
            while let Some(&hit) = banner_hits.peek() {
                if hit >= line_end {
                    break;
                }
                banner = true;
                banner_hits.next();
            }
            line_start = line_end + 1;
            let text = trim(raw);
            if text.is_empty() {
                para_start = true;
                continue;
            }
            if banner {
                removed.push(Removal { reason: Dropped::Banner, text: text.to_string() });
                para_start = true;
                continue;
            }
            if self.is_widget(text) {
                removed.push(Removal { reason: Dropped::Widget, text: text.to_string() });
                para_start = true;
                continue;
            }
            if self.is_byline(text) {
                removed.push(Removal { reason: Dropped::Byline, text: text.to_string() });
                para_start = true;
                continue;
            }
            if !seen_content && self.is_crumbs(text) {
                removed.push(Removal { reason: Dropped::Crumbs, text: text.to_string() });
                para_start = true;
                continue;
            }
            // Crumbs come before the prose; a site's name or a language
            // menu above them is no prose.
            seen_content |= ends_sentence(text) || text.split_whitespace().count() > 12;
            split_inline_bullets(text, para_start, &mut lines);
            para_start = false;
        }
        self.drop_navigation(&mut lines, removed);
        lines
    }

    /// A short line made only of widget words ("print PRINT", "Share Tweet").
    fn is_widget(&self, line: &str) -> bool {
        if line.len() > 80 {
            return false;
        }
        let words: Vec<&str> = line.split_whitespace().collect();
        if words.is_empty() || words.len() > 6 {
            return false;
        }
        words.iter().all(|w| {
            let w = w.trim_matches(|c: char| !c.is_alphanumeric() && c != '+' && c != '-');
            w.is_empty() || self.widget_words.contains(&w.to_lowercase())
        })
    }

    /// "By Jane Doe, Staff Writer", "By JANE DOE": a short line of "By" and a
    /// capitalised name, with or without a role.
    fn is_byline(&self, line: &str) -> bool {
        let Some(rest) = line.strip_prefix("By ").or_else(|| line.strip_prefix("BY ")) else { return false };
        let words: Vec<&str> = rest.split_whitespace().collect();
        if words.is_empty() || words.len() > 8 || ends_sentence(line) {
            return false;
        }
        let (name, role) = rest.split_once(',').unwrap_or((rest, ""));
        let name_ok = name.split_whitespace().count() <= 4
            && name
                .split_whitespace()
                .all(|w| w.starts_with(char::is_uppercase) || matches!(w, "and" | "de" | "van" | "von"));
        let role = role.trim().to_lowercase();
        name_ok && (role.is_empty() || self.byline_roles.iter().any(|r| role.contains(r.as_str())))
    }

    /// "Home > News > Briefings": short parts between crumb separators.
    fn is_crumbs(&self, line: &str) -> bool {
        self.crumb_separators.iter().any(|sep| {
            let spaced = format!(" {sep} ");
            let parts: Vec<&str> = line.split(spaced.as_str()).collect();
            parts.len() >= 3 && parts.iter().all(|p| p.split_whitespace().count() <= 6)
        })
    }

    /// Drops runs of short, unpunctuated lines at the document's ends: menus
    /// at the start, tag lists and footers at the end.
    fn drop_navigation(&self, lines: &mut Vec<Line<'_>>, removed: &mut Vec<Removal>) {
        let navlike =
            |l: &Line<'_>| l.text.split_whitespace().count() <= self.nav_max_words && !ends_sentence(l.text);
        let tail = lines.iter().rev().take_while(|l| navlike(l)).count();
        // A single trailing bullet after other bullets is also a tag.
        if tail >= self.nav_min_run || (tail == 1 && lines.len() > 1 && is_lone_tag(lines)) {
            for l in lines.drain(lines.len() - tail..) {
                removed.push(Removal { reason: Dropped::Navigation, text: l.text.to_string() });
            }
        }
        let short = |l: &Line<'_>| l.text.split_whitespace().count() <= 3 && !ends_sentence(l.text);
        let head = lines.iter().take_while(|l| short(l)).count();
        if head >= 4 && head < lines.len() {
            for l in lines.drain(..head) {
                removed.push(Removal { reason: Dropped::Navigation, text: l.text.to_string() });
            }
        }
    }

    /// Decides a block's kind and finds its lead-in, speaker or attribution.
    fn classify(&self, text: &str, span: Span, bullet: bool, first: bool) -> Block {
        let s = span.of(text);
        let mut block = Block {
            kind: if bullet { BlockKind::Bullet } else { BlockKind::Paragraph },
            span,
            body: span,
            lead_in: None,
            speaker: None,
            attribution: None,
        };
        if let Some((quote, attribution)) = epigraph(s) {
            block.kind = BlockKind::Quote;
            block.body = quote.shift(span.start);
            block.attribution = Some(attribution.shift(span.start));
            return block;
        }
        if let Some(colon) = label_colon(s) {
            let label = s[..colon].trim_end();
            let rest = &s[colon + 1..];
            let rest_start = colon + 1 + (rest.len() - rest.trim_start().len());
            if rest_start < s.len() {
                if self.is_speaker(label) {
                    block.speaker = Some(Span::new(span.start, span.start + label.len()));
                    block.body = Span::new(span.start + rest_start, span.end);
                    return block;
                }
                if is_lead_in(label) {
                    // "FACT SHEET: President … Strengthen the Partnership" is a
                    // headline; a lead-in before a sentence keeps the sentence.
                    if !bullet && !ends_sentence(s) && s.split_whitespace().count() <= 30 {
                        block.kind = BlockKind::Heading;
                        block.body = Span::new(span.end, span.end);
                        return block;
                    }
                    block.lead_in = Some(Span::new(span.start, span.start + label.len()));
                    block.body = Span::new(span.start + rest_start, span.end);
                    return block;
                }
            }
        }
        // A document's first line may be a headline that ends with a name
        // ("… Ferdinand R. Marcos Jr."); further down, a short line that
        // ends so is a sentence ("The President met Ferdinand R. Marcos Jr.").
        let ended = if first { self.ends_sentence(s) } else { ends_sentence(s) };
        if !bullet && is_heading(s, first, ended) {
            block.kind = BlockKind::Heading;
            block.body = Span::new(span.end, span.end);
        }
        block
    }

    /// A speaker label: a known person or country, with an optional title
    /// ("Prime Minister Abe", "Trump", "The Japanese side").
    fn is_speaker(&self, label: &str) -> bool {
        if label.split_whitespace().count() > 6 {
            return false;
        }
        // Transcripts write labels in capitals ("PRIME MINISTER KISHIDA").
        let capitals = label.chars().any(char::is_alphabetic) && !label.chars().any(char::is_lowercase);
        if capitals {
            let titled: Vec<String> = label
                .split_whitespace()
                .map(|w| {
                    let mut cs = w.chars();
                    cs.next().map_or_else(String::new, |f| f.to_string() + &cs.as_str().to_lowercase())
                })
                .collect();
            if self.is_named_speaker(&titled.join(" ")) {
                return true;
            }
        }
        self.is_named_speaker(label)
    }

    /// A known person or country, with an optional title, or one's side.
    fn is_named_speaker(&self, label: &str) -> bool {
        let mut name = label.trim();
        for t in &self.titles {
            if let Some(rest) = name.strip_prefix(t.as_str()) {
                if rest.starts_with(' ') {
                    name = rest.trim_start();
                    break;
                }
            }
        }
        if self.speakers.contains(name) {
            return true;
        }
        // "the Japanese side", "The U.S. side"
        let side = name
            .strip_prefix("the ")
            .or_else(|| name.strip_prefix("The "))
            .and_then(|n| n.strip_suffix(" side"));
        side.is_some_and(|s| self.speakers.contains(s))
    }
}

/// Trims Unicode whitespace, the no-break space included.
fn trim(s: &str) -> &str {
    s.trim_matches(|c: char| c.is_whitespace() || c == '\u{feff}' || c == '\u{200b}')
}

/// Splits "• Ambassador • G7 Summit • Ukraine" into one line per bullet and
/// strips a leading list marker.
fn split_inline_bullets<'a>(text: &'a str, para_start: bool, out: &mut Vec<Line<'a>>) {
    let mut rest = text;
    let mut first = true;
    // Text before the first inline glyph is a line of its own.
    loop {
        let (marker, body) = strip_marker(rest);
        let next = inline_glyph(body);
        let (item, tail) = match next {
            Some(i) => (trim(&body[..i]), Some(&body[i..])),
            None => (trim(body), None),
        };
        if !item.is_empty() {
            out.push(Line { text: item, bullet: marker, para_start: para_start || !first || marker });
        }
        first = false;
        match tail {
            Some(t) => rest = t,
            None => break,
        }
    }
}

/// The first bytes of the bullet glyphs in UTF-8: a line is searched for
/// them a vector at a time, not decoded character by character.
const GLYPH_LEADS: [u8; 2] = [0xC2, 0xE2];

/// Where the first bullet glyph standing between spaces is in `body`.
fn inline_glyph(body: &str) -> Option<usize> {
    let bytes = body.as_bytes();
    let mut from = 0;
    while let Some(k) = memchr::memchr2(GLYPH_LEADS[0], GLYPH_LEADS[1], &bytes[from..]) {
        let i = from + k;
        // A lead byte starts a character.
        let c = body[i..].chars().next()?;
        if BULLET_GLYPHS.contains(&c)
            && i > 0
            && body[..i].ends_with(char::is_whitespace)
            && body[i + c.len_utf8()..].starts_with(char::is_whitespace)
        {
            return Some(i);
        }
        from = i + 1;
    }
    None
}

/// Removes a list marker ("• ", "- ", "1. ", "(a) ") from the start of a line.
fn strip_marker(line: &str) -> (bool, &str) {
    let mut chars = line.chars();
    let Some(first) = chars.next() else {
        return (false, line);
    };
    let after = &line[first.len_utf8()..];
    if (BULLET_GLYPHS.contains(&first) || DASH_BULLETS.contains(&first))
        && after.starts_with(char::is_whitespace)
    {
        return (true, trim(after));
    }
    // Numbered and lettered items: "1.", "12)", "(3)", "a)", "(iv)".
    let b = line.as_bytes();
    let open = usize::from(b.first() == Some(&b'('));
    let mut end = open;
    while end < b.len() && end - open < 4 && (b[end].is_ascii_digit() || b[end].is_ascii_lowercase()) {
        end += 1;
    }
    if end > open && end < b.len() {
        let label = &line[open..end];
        let numeric = label.bytes().all(|c| c.is_ascii_digit()) && label.len() <= 3;
        let roman = label.bytes().all(|c| b"ivxl".contains(&c));
        let letter = label.len() == 1;
        let close = b[end];
        let closes = (close == b')') || (close == b'.' && open == 0 && (numeric || roman));
        if (numeric || roman || letter) && closes && line[end + 1..].starts_with(char::is_whitespace) {
            return (true, trim(&line[end + 1..]));
        }
    }
    (false, line)
}

/// A paragraph: lines joined, with whether it is a bullet.
struct Paragraph<'a> {
    pieces: Vec<&'a str>,
    bullet: bool,
}

/// Joins hard-wrapped lines into paragraphs. A text counts as hard-wrapped
/// when most of its lines stop near one width; otherwise every line is a
/// paragraph of its own.
fn join_wrapped<'a>(lines: &[Line<'a>]) -> Vec<Paragraph<'a>> {
    let lens: Vec<usize> = lines.iter().map(|l| l.text.chars().count()).collect();
    let width = lens.iter().copied().max().unwrap_or(0);
    let near = lens.iter().filter(|&&n| n * 10 >= width * 7).count();
    let wrapped = lines.len() >= 4 && (40..=110).contains(&width) && near * 2 >= lines.len();
    let mut out: Vec<Paragraph<'a>> = Vec::new();
    let mut open = false;
    for (line, &len) in lines.iter().zip(&lens) {
        let joins = wrapped && open && !line.bullet && !line.para_start;
        match out.last_mut() {
            Some(p) if joins => p.pieces.push(line.text),
            _ => out.push(Paragraph { pieces: vec![line.text], bullet: line.bullet }),
        }
        // A line well short of the width ends its paragraph (a heading, or
        // a paragraph's last line).
        open = wrapped && len * 10 >= width * 7 && !line.text.ends_with(':');
    }
    out
}

/// Quotes and brackets that may close a sentence after its stop.
const CLOSERS: [char; 7] = ['"', '”', '’', '\'', ')', ']', '»'];

/// True when the text ends like a sentence.
pub(crate) fn ends_sentence(s: &str) -> bool {
    let s = s.trim_end_matches(CLOSERS);
    s.ends_with(['.', '!', '?', ';', ':', '…'])
}

/// A last bullet line alone after a non-bullet line that is also short.
fn is_lone_tag(lines: &[Line<'_>]) -> bool {
    let last = lines[lines.len() - 1];
    last.bullet && last.text.split_whitespace().count() <= 2 && !lines[lines.len() - 2].bullet
}

/// Where a label's colon is: within the first 80 bytes, after 1–10 words.
fn label_colon(s: &str) -> Option<usize> {
    let colon = s.char_indices().take_while(|&(i, _)| i < 100).find(|&(_, c)| c == ':')?.0;
    let label = &s[..colon];
    let words = label.split_whitespace().count();
    if words == 0 || words > 12 || label.ends_with(' ') {
        return None;
    }
    // "9:30", "http:" are no labels.
    let after = s[colon + 1..].chars().next();
    if !after.is_some_and(char::is_whitespace) {
        return None;
    }
    Some(colon)
}

/// A heading lead-in: capitals ("SHARED PROSPERITY") or title case of two or
/// more words ("Robust Security Alliance").
fn is_lead_in(label: &str) -> bool {
    let letters: Vec<char> = label.chars().filter(|c| c.is_alphabetic()).collect();
    if letters.len() < 4 {
        return false;
    }
    let words: Vec<&str> = label.split_whitespace().collect();
    if letters.iter().all(|c| c.is_uppercase()) {
        return true;
    }
    words.len() >= 2 && words.len() <= 8 && title_case(&words)
}

/// Every word of four or more letters starts with a capital.
fn title_case(words: &[&str]) -> bool {
    let long: Vec<&&str> =
        words.iter().filter(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 4).collect();
    !long.is_empty()
        && long
            .iter()
            .all(|w| w.trim_start_matches(|c: char| !c.is_alphanumeric()).starts_with(char::is_uppercase))
}

/// A heading: a short line that does not end like a sentence (`ended`
/// says whether it does), a line in capitals, or a document's first line
/// written as a headline.
fn is_heading(s: &str, first: bool, ended: bool) -> bool {
    if s.len() > 400 || (!first && s.len() > 120 && ended) {
        return false;
    }
    let words: Vec<&str> = s.split_whitespace().collect();
    let letters = s.chars().filter(|c| c.is_alphabetic()).count();
    if letters == 0 {
        return true;
    }
    let shouting = s.chars().filter(|c| c.is_alphabetic()).all(char::is_uppercase);
    if shouting && words.len() >= 2 && !ended {
        return true;
    }
    if !ended && !s.ends_with(['"', '”', ',']) && words.len() <= 14 {
        return true;
    }
    if first && words.len() <= 30 {
        let capital = words
            .iter()
            .filter(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 4)
            .filter(|w| w.starts_with(char::is_uppercase))
            .count();
        let long = words.iter().filter(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 4).count();
        // A headline capitalises its verbs too: any other lower-case word
        // than these makes a sentence ("… met in Tokyo").
        // Headline style keeps articles, conjunctions and prepositions
        // small ("… of the Alliance between the United States …").
        const SMALL: [&str; 33] = [
            "a", "an", "the", "and", "or", "nor", "but", "of", "in", "on", "at", "to", "for", "with", "by",
            "from", "as", "vs", "between", "among", "into", "onto", "over", "under", "upon", "via", "after",
            "before", "during", "through", "against", "toward", "towards",
        ];
        let lower_word = words.iter().any(|w| {
            let w = w.trim_matches(|c: char| !c.is_alphanumeric());
            w.starts_with(char::is_lowercase) && !SMALL.contains(&w)
        });
        return !lower_word && long >= 4 && capital * 10 >= long * 8;
    }
    false
}

/// An epigraph: `"quotation" – Attribution`. Returns the quotation's span
/// (inside the marks) and the attribution's, relative to `s`.
fn epigraph(s: &str) -> Option<(Span, Span)> {
    let open = s.chars().next()?;
    let close_chars: &[char] = match open {
        '"' => &['"'],
        '“' => &['”', '"'],
        '«' => &['»'],
        _ => return None,
    };
    let inner_start = open.len_utf8();
    let close = s.rfind(close_chars)?;
    if close <= inner_start {
        return None;
    }
    let tail = &s[close + s[close..].chars().next()?.len_utf8()..];
    let dash = tail.trim_start();
    let mut rest_chars = dash.chars();
    if !matches!(rest_chars.next()?, '–' | '—' | '-' | '―') {
        return None;
    }
    let who = dash.trim_start_matches(['–', '—', '-', '―']).trim();
    let words = who.split_whitespace().count();
    if words == 0 || words > 10 || !who.starts_with(char::is_uppercase) {
        return None;
    }
    let who_start = s.len() - dash.len() + (dash.len() - dash.trim_start_matches(['–', '—', '-', '―']).len());
    let who_start = who_start + (s[who_start..].len() - s[who_start..].trim_start().len());
    Some((Span::new(inner_start, close), Span::new(who_start, who_start + who.len())))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cleaner() -> Cleaner {
        Cleaner::new(&Lexicon::builtin().unwrap())
    }

    fn kinds(c: &Cleaned) -> Vec<(BlockKind, &str)> {
        c.blocks.iter().map(|b| (b.kind, b.span.of(&c.text))).collect()
    }

    #[test]
    fn drops_banners_widgets_and_tag_lists() {
        let src = "National Archives This is historical material “frozen in time”. The website is no longer updated.\n\
                   print PRINT\n\nHome > Briefings > Statements\n\nThe two leaders met in Tokyo.\n\n  • Ambassador\n  • G7 Summit\n  • Ukraine\n";
        let c = cleaner().clean(src);
        assert_eq!(kinds(&c), vec![(BlockKind::Paragraph, "The two leaders met in Tokyo.")]);
        let reasons: Vec<Dropped> = c.removed.iter().map(|r| r.reason).collect();
        assert_eq!(
            reasons,
            [
                Dropped::Banner,
                Dropped::Widget,
                Dropped::Crumbs,
                Dropped::Navigation,
                Dropped::Navigation,
                Dropped::Navigation
            ]
        );
    }

    #[test]
    fn crumbs_below_a_site_name() {
        let src =
            "Ministry of Foreign Affairs of Japan\nJapanese\nHome > Foreign Policy > Asia > Philippines\n\n\
                   Japan-Philippines Summit Meeting\n\nThe two leaders met in Manila.\n\n\
                   Tokyo / Manila / Hanoi\n\nThey agreed to meet again.\n";
        let c = cleaner().clean(src);
        let dropped: Vec<&str> =
            c.removed.iter().filter(|r| r.reason == Dropped::Crumbs).map(|r| r.text.as_str()).collect();
        assert_eq!(dropped, ["Home > Foreign Policy > Asia > Philippines"]);
        assert!(c.text.contains("Tokyo / Manila / Hanoi"), "after the prose, a list is content");
    }

    #[test]
    fn banner_phrases_in_any_case_and_beyond_ascii() {
        let mut lexicon = Lexicon::builtin().unwrap();
        lexicon.boilerplate.banner_phrases.push("here’s how you know".to_string());
        let src = "An official website. HERE’S HOW YOU KNOW\n\nThe two leaders met in Tokyo.\n\nSkip To Main Content\n";
        let c = Cleaner::new(&lexicon).clean(src);
        assert_eq!(kinds(&c), vec![(BlockKind::Paragraph, "The two leaders met in Tokyo.")]);
        let reasons: Vec<Dropped> = c.removed.iter().map(|r| r.reason).collect();
        assert_eq!(reasons, [Dropped::Banner, Dropped::Banner]);
        // Without phrases nothing is a banner.
        lexicon.boilerplate.banner_phrases.clear();
        assert!(Cleaner::new(&lexicon).clean(src).removed.iter().all(|r| r.reason != Dropped::Banner));
    }

    #[test]
    fn every_glyph_starts_with_a_searched_byte() {
        for g in BULLET_GLYPHS {
            let mut buf = [0u8; 4];
            assert!(GLYPH_LEADS.contains(&g.encode_utf8(&mut buf).as_bytes()[0]), "{g}");
        }
        assert_eq!(inline_glyph("a • b"), Some(2));
        assert_eq!(inline_glyph("café — naïve ● x"), Some(17));
        assert_eq!(inline_glyph("a•b, £5 ·"), None);
    }

    #[test]
    fn inline_bullets_become_blocks() {
        let c = cleaner()
            .clean("The leaders agreed on three points.\n• Trade grew. • Jobs grew. ▪ Ties deepened.\n");
        assert_eq!(
            kinds(&c),
            vec![
                (BlockKind::Paragraph, "The leaders agreed on three points."),
                (BlockKind::Bullet, "Trade grew."),
                (BlockKind::Bullet, "Jobs grew."),
                (BlockKind::Bullet, "Ties deepened."),
            ]
        );
        assert_eq!(
            c.text,
            "The leaders agreed on three points.\n\n• Trade grew.\n• Jobs grew.\n• Ties deepened."
        );
    }

    #[test]
    fn list_markers() {
        for (line, body) in [
            ("- Promoting free and open media.", "Promoting free and open media."),
            ("* Item.", "Item."),
            ("1. First item.", "First item."),
            ("12) Twelfth.", "Twelfth."),
            ("(a) Lettered.", "Lettered."),
            ("iv. Roman.", "Roman."),
        ] {
            assert_eq!(strip_marker(line), (true, body), "{line}");
        }
        for line in ["-5 degrees", "1.6 billion dollars", "U.S. forces", "a) b"] {
            let (marker, _) = strip_marker(line);
            assert_eq!(marker, line == "a) b", "{line}");
        }
    }

    #[test]
    fn headings_lead_ins_speakers_epigraphs() {
        let src = "Robust Security Alliance\n\
                   SHARED PROSPERITY: President Trump and Prime Minister Abe are working together.\n\
                   Abe: We decided to implement further sanctions.\n\
                   Prime Minister Abe: We will cooperate.\n\
                   Note: this is a paragraph.\n\
                   \"We cherish the friendship. And I cherish it.\" – President Donald J. Trump\n\
                   Opening remarks\n\
                   The meeting was held at 9:30 in Tokyo.\n";
        let c = cleaner().clean(src);
        let b = &c.blocks;
        assert_eq!(b[0].kind, BlockKind::Heading);
        assert_eq!(b[1].lead_in.map(|s| s.of(&c.text)), Some("SHARED PROSPERITY"));
        assert!(b[1].body.of(&c.text).starts_with("President Trump"));
        assert_eq!(b[2].speaker.map(|s| s.of(&c.text)), Some("Abe"));
        assert_eq!(b[2].body.of(&c.text), "We decided to implement further sanctions.");
        assert_eq!(b[3].speaker.map(|s| s.of(&c.text)), Some("Prime Minister Abe"));
        assert_eq!(b[4].speaker, None);
        assert_eq!(b[4].lead_in, None);
        assert_eq!(b[5].kind, BlockKind::Quote);
        assert_eq!(b[5].body.of(&c.text), "We cherish the friendship. And I cherish it.");
        assert_eq!(b[5].attribution.map(|s| s.of(&c.text)), Some("President Donald J. Trump"));
        assert_eq!(b[6].kind, BlockKind::Heading);
        assert_eq!(b[7].kind, BlockKind::Paragraph);
        let first =
            cleaner().clean("President Trump and Prime Minister Abe met in Tokyo on November 6, 2017.\n");
        assert_eq!(first.blocks[0].kind, BlockKind::Paragraph);
        let headline = cleaner()
            .clean("Tokyo, Japan - President Trump and Prime Minister Abe Advance the Global Partnership.\n");
        assert_eq!(headline.blocks[0].kind, BlockKind::Heading);
        // A first line that ends with a name's "Jr." is a headline; a short
        // line further down that ends so is a sentence, as is one that ends
        // with an abbreviation that may end a sentence ("Corp.").
        let suffix = cleaner().clean(
            "Prime Minister Trudeau meets with President of the Philippines Ferdinand R. Marcos Jr.\n\n\
             Today, the two leaders met in San Francisco.\n\n\
             The Prime Minister met President Ferdinand R. Marcos Jr.\n",
        );
        let found: Vec<BlockKind> = kinds(&suffix).into_iter().map(|(k, _)| k).collect();
        assert_eq!(found, [BlockKind::Heading, BlockKind::Paragraph, BlockKind::Paragraph]);
        let corp = cleaner().clean("The plant was built by Toyota Motor Corp.\n\nIt opened in 2021.\n");
        assert_eq!(corp.blocks[0].kind, BlockKind::Paragraph);
        // A transcript's labels in capitals are speakers, not lead-ins.
        let transcript = cleaner().clean(
            "PRESIDENT BIDEN: Good afternoon, everyone.\n\nPRIME MINISTER KISHIDA: Thank you.\n\n\
             SHARED PROSPERITY: The two leaders met.\n",
        );
        let t = &transcript.blocks;
        assert_eq!(t[0].speaker.map(|s| s.of(&transcript.text)), Some("PRESIDENT BIDEN"));
        assert_eq!(t[1].speaker.map(|s| s.of(&transcript.text)), Some("PRIME MINISTER KISHIDA"));
        assert_eq!(t[2].speaker, None);
        assert_eq!(t[2].lead_in.map(|s| s.of(&transcript.text)), Some("SHARED PROSPERITY"));
    }

    #[test]
    fn joins_hard_wrapped_paragraphs() {
        let src = "The President and the Prime Minister reaffirmed their commitment\n\
                   to the alliance and agreed to expand cooperation in space, energy\n\
                   and trade, and to meet again next year in Washington.\n\
                   \n\
                   The two leaders also discussed regional security issues in the\n\
                   Indo-Pacific, including North Korea.\n";
        let c = cleaner().clean(src);
        assert_eq!(c.blocks.len(), 2, "{:?}", kinds(&c));
        assert!(c.blocks[0].span.of(&c.text).ends_with("next year in Washington."));
    }
}
