//! Quantities: money, jobs, percentages and counts, with their qualifiers.
//!
//! A quantity is a number — in digits ("1,000", "8.9") or in words
//! ("thirty-seven", "a dozen", "one hundred") — with what makes it one: a
//! currency before or after it ("$", "US$", "¥", "Rs.", "yen", "euros"), a
//! scale word ("billion", "bn", "crore"), "%" or "percent", or a counted
//! noun after it ("4,000 jobs", "30 official meetings"). A number without
//! any of these is no quantity, and neither are years, dates, ordinals,
//! durations ("60 years"), model and unit names ("F-35A", "SM-3 Block 2A",
//! "TPP 11", "2+2") and references ("the two leaders"). The words are in
//! `data/quantities.toml`.

use crate::model::{Qualifier, QuantityKind};
use crate::words::WordSet;
use readout_lexicon::Lexicon;
use rustc_hash::FxHashMap as HashMap;

/// A quantity found in a statement (offsets into the statement's text).
#[derive(Debug, Clone, PartialEq)]
pub struct QuantityFound {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// What is measured.
    pub kind: QuantityKind,
    /// The value in whole units.
    pub value: f64,
    /// Currency code or counted noun.
    pub unit: Option<String>,
    /// How it is qualified.
    pub qualifier: Qualifier,
    /// Money written as a bare "$" or "dollars", naming no country: a note
    /// on the text's dollars ("All amounts are in Australian dollars")
    /// makes it that currency.
    pub bare_dollar: bool,
}

/// The quantity grammar's words, compiled.
#[derive(Debug, Clone)]
pub struct QuantityFinder {
    scales: HashMap<String, f64>,
    /// Scale words that must touch the number ("$5m", "$2bn").
    attached_scales: WordSet,
    units: HashMap<String, u32>,
    tens: HashMap<String, u32>,
    multipliers: HashMap<String, u32>,
    /// (prefix, code), longest first.
    prefixes: Vec<(String, String)>,
    /// (suffix words lower case, code), longest first.
    suffixes: Vec<(Vec<String>, String)>,
    /// The first words of `suffixes` as lower-cased tokens read them (a
    /// quick test before trying each).
    suffix_firsts: WordSet,
    /// First characters of currency prefixes ("$", "¥", "U", "R").
    prefix_starts: Vec<char>,
    /// Currency codes in capitals, which may touch their number
    /// ("EUR500m", "USD2bn").
    code_prefixes: WordSet,
    /// A text's word that its dollars are another country's ("All amounts
    /// are in Australian dollars").
    dollar_note: Option<DollarNote>,
    /// (country, currency): whose government's bare "$" is its own dollar.
    dollar_of: Vec<(String, String)>,
    /// Every word a spelled number can start with ("four", "thirty",
    /// "dozen"), lower case: one look-up a word.
    number_starts: WordSet,
    job_nouns: WordSet,
    employing_verbs: WordSet,
    not_counted: WordSet,
    party_nouns: WordSet,
    irregular: HashMap<String, String>,
    /// (phrase words lower case, qualifier), longest first.
    qualifiers: Vec<(Vec<String>, Qualifier)>,
    /// The last words of `qualifiers`.
    qualifier_lasts: WordSet,
}

/// Words after which a spelled number is a reference, not a figure ("the
/// two leaders", "their three countries").
const REFERENCE_DETERMINERS: [&str; 9] =
    ["the", "these", "those", "our", "their", "both", "its", "his", "her"];

/// Whether the spelled number at word `k` cannot start a quantity, by the
/// rules of [`QuantityFinder::standalone`] read on words: a capitalised
/// number after the statement's start ("One Health"), or a number right
/// after a determiner that stands as a word of its own ("the two"). Only
/// sure cases: where words and the finder's tokens could differ, no.
fn led_away(text: &str, words: &[crate::words::Word], k: usize) -> bool {
    let w = &words[k];
    let before = &text[..w.start];
    if text[w.start..].starts_with(char::is_uppercase) && !before.trim().is_empty() {
        return true;
    }
    let Some(prev) = k.checked_sub(1).map(|p| &words[p]) else { return false };
    REFERENCE_DETERMINERS.contains(&prev.text.as_str())
        && text[prev.end..w.start].chars().all(char::is_whitespace)
        && text[..prev.start].chars().next_back().is_none_or(char::is_whitespace)
}

/// Words that end a counted noun phrase.
const PHRASE_STOPS: [&str; 52] = [
    "of", "in", "on", "at", "to", "for", "from", "with", "by", "and", "or", "but", "that", "which", "who",
    "is", "are", "was", "were", "has", "have", "had", "will", "would", "can", "could", "should", "over",
    "across", "between", "into", "through", "per", "a", "an", "the", "than", "as", "under", "since", "after",
    "before", "during", "within", "among", "against", "toward", "towards", "around", "beyond", "without",
    "ago",
];

/// A token of a statement: a word or a single punctuation character.
#[derive(Debug, Clone, Copy)]
struct Tok<'a> {
    start: usize,
    end: usize,
    text: &'a str,
}

fn tokens(text: &str) -> Vec<Tok<'_>> {
    let mut out = Vec::new();
    let mut start = None;
    let is_word = |c: char| c.is_alphanumeric() || matches!(c, '.' | ',' | '-' | '\'' | '’');
    for (i, c) in text.char_indices() {
        if is_word(c) {
            // A dot or comma only belongs to a word between alphanumerics.
            if start.is_none() && !c.is_alphanumeric() {
                out.push(Tok { start: i, end: i + c.len_utf8(), text: &text[i..i + c.len_utf8()] });
                continue;
            }
            if start.is_none() {
                start = Some(i);
            }
        } else {
            if let Some(s) = start.take() {
                push_word(text, s, i, &mut out);
            }
            if !c.is_whitespace() {
                out.push(Tok { start: i, end: i + c.len_utf8(), text: &text[i..i + c.len_utf8()] });
            }
        }
    }
    if let Some(s) = start {
        push_word(text, s, text.len(), &mut out);
    }
    out
}

/// Pushes a word, splitting off trailing dots and commas (sentence
/// punctuation), except the dot of an abbreviation such as "Rs.".
fn push_word<'a>(text: &'a str, s: usize, e: usize, out: &mut Vec<Tok<'a>>) {
    let w = &text[s..e];
    let trimmed = w.trim_end_matches(['.', ',', '\'', '’', '-']);
    let keep_dot = trimmed.len() < w.len()
        && w[trimmed.len()..].starts_with('.')
        && trimmed.len() <= 3
        && trimmed.chars().next().is_some_and(char::is_uppercase)
        && !trimmed.chars().all(|c| c.is_ascii_digit());
    let cut = if keep_dot { trimmed.len() + 1 } else { trimmed.len() };
    if cut > 0 {
        out.push(Tok { start: s, end: s + cut, text: &text[s..s + cut] });
    }
    for (k, c) in w[cut..].char_indices() {
        let at = s + cut + k;
        out.push(Tok { start: at, end: at + c.len_utf8(), text: &text[at..at + c.len_utf8()] });
    }
}

/// What finds a note on a text's dollars: the names ("Australian dollars")
/// and codes of every dollar but the US one, and what must stand before one
/// ("All amounts are in").
#[derive(Debug, Clone)]
pub(crate) struct DollarNote {
    /// The names, lower case, each with its code. Every name ends in
    /// "dollars": the word is looked for first, and a name only where it
    /// stands.
    names: Vec<(String, String)>,
    /// The codes, in capitals as written ("AUD"), and their search: a
    /// few literals.
    codes: Vec<String>,
    code_search: aho_corasick::AhoCorasick,
    before: regex::Regex,
}

impl DollarNote {
    fn new(currencies: &[readout_lexicon::Currency]) -> Option<DollarNote> {
        let mut names = Vec::new();
        let mut codes = Vec::new();
        for c in currencies.iter().filter(|c| c.code != "USD") {
            let dollars: Vec<String> = c
                .suffixes
                .iter()
                .map(|s| s.to_ascii_lowercase())
                .filter(|s| s.ends_with(" dollars"))
                .collect();
            if dollars.is_empty() {
                continue;
            }
            names.extend(dollars.into_iter().map(|n| (n, c.code.clone())));
            codes.push(c.code.clone());
        }
        // The longest name first: "New Zealand dollars" before a shorter
        // name it ends with.
        names.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then_with(|| a.cmp(b)));
        let code_search = aho_corasick::AhoCorasickBuilder::new()
            .match_kind(aho_corasick::MatchKind::LeftmostLongest)
            .build(&codes)
            .ok()?;
        // The context is read only before a name or code.
        let before = regex::Regex::new(
            r"(?i)(?-u:\b)(?:amounts?|figures?|values?|sums?|prices?|funding|dollars?|currency)(?-u:\b)[^.\n]{0,30}?(?-u:\b)(?:in|are)\s+$",
        )
        .ok()?;
        Some(DollarNote { names, codes, code_search, before })
    }

    /// The names in `text`: (start, end, code).
    fn names_in<'s, 't>(
        &'s self,
        text: &'t str,
    ) -> impl Iterator<Item = (usize, usize, &'s str)> + use<'s, 't> {
        let bytes = text.as_bytes();
        memchr::memmem::find_iter(bytes, b"ollars")
            .chain(memchr::memmem::find_iter(bytes, b"OLLARS"))
            .filter_map(move |at| {
                let end = at + "ollars".len();
                self.names.iter().find_map(|(name, code)| {
                    let start = end.checked_sub(name.len())?;
                    let found = text.get(start..end)?;
                    found.eq_ignore_ascii_case(name).then_some((start, end, code.as_str()))
                })
            })
    }

    /// The code of the dollar a note in `text` names: the first note's.
    fn find(&self, text: &str) -> Option<&str> {
        let codes =
            self.code_search.find_iter(text).map(|m| (m.start(), m.end(), self.codes[m.pattern()].as_str()));
        let mut found: Option<(usize, &str)> = None;
        for (start, end, code) in self.names_in(text).chain(codes) {
            let whole = text[..start].chars().next_back().is_none_or(|c| !c.is_alphanumeric())
                && text[end..].chars().next().is_none_or(|c| !c.is_alphanumeric());
            let from = text.floor_char_boundary(start.saturating_sub(60));
            if whole && found.is_none_or(|(at, _)| start < at) && self.before.is_match(&text[from..start]) {
                found = Some((start, code));
            }
        }
        found.map(|(_, code)| code)
    }
}

/// Whether a currency name's word is matched in lower case: codes in
/// capitals ("USD") are matched as written.
fn matched_in_lower_case(w: &str) -> bool {
    w.chars().all(|c| c.is_ascii_lowercase() || !c.is_alphabetic())
}

/// Lower case, borrowed when already lower case (most words are).
fn lower(s: &str) -> std::borrow::Cow<'_, str> {
    if s.bytes().all(|b| !b.is_ascii_uppercase() && b.is_ascii()) {
        std::borrow::Cow::Borrowed(s)
    } else {
        std::borrow::Cow::Owned(s.to_lowercase())
    }
}

impl QuantityFinder {
    /// Compiles the quantity words of `lexicon`.
    pub fn new(lexicon: &Lexicon) -> QuantityFinder {
        let q = &lexicon.quantities;
        let mut scales = HashMap::default();
        let mut attached_scales = WordSet::default();
        for (w, f) in &q.scales {
            scales.insert(w.clone(), *f);
            if w.len() <= 2 || w == "bln" || w == "mln" || w == "trn" {
                attached_scales.insert(w.clone());
            }
        }
        let mut prefixes: Vec<(String, String)> = Vec::new();
        let mut suffixes: Vec<(Vec<String>, String)> = Vec::new();
        for c in &q.currency {
            for p in &c.prefixes {
                prefixes.push((p.clone(), c.code.clone()));
            }
            for s in &c.suffixes {
                suffixes.push((s.split_whitespace().map(str::to_lowercase).collect(), c.code.clone()));
            }
        }
        // Longest first; a stable sort keeps the lexicon's order (a user's
        // currency first) among equals.
        prefixes.sort_by_key(|(p, _)| std::cmp::Reverse(p.len()));
        suffixes.sort_by_key(|(s, _)| std::cmp::Reverse(s.len()));
        let mut qualifiers = Vec::new();
        for (name, phrases) in &q.qualifiers {
            let qual = match name.as_str() {
                "more-than" => Qualifier::MoreThan,
                "less-than" => Qualifier::LessThan,
                "about" => Qualifier::About,
                _ => Qualifier::Exact,
            };
            for p in phrases {
                let words: Vec<String> = p.split_whitespace().map(str::to_lowercase).collect();
                if !words.is_empty() {
                    qualifiers.push((words, qual));
                }
            }
        }
        qualifiers.sort_by_key(|(p, _): &(Vec<String>, Qualifier)| std::cmp::Reverse(p.len()));
        let number_starts: WordSet = q
            .units
            .iter()
            .chain(&q.tens)
            .map(|(w, _)| w.to_lowercase())
            .chain(["dozen".to_string(), "half".to_string()])
            .collect();
        let code_prefixes: WordSet = prefixes
            .iter()
            .map(|(p, _)| p)
            .filter(|p| p.len() >= 3 && p.bytes().all(|b| b.is_ascii_uppercase()))
            .cloned()
            .collect();
        let dollar_note = DollarNote::new(&q.currency);
        let dollar_of = q
            .currency
            .iter()
            .flat_map(|c| c.bare_dollar_of.iter().map(|country| (country.clone(), c.code.clone())))
            .collect();
        let mut prefix_starts: Vec<char> = prefixes.iter().filter_map(|(p, _)| p.chars().next()).collect();
        prefix_starts.sort_unstable();
        prefix_starts.dedup();
        let map = |v: &Vec<(String, u32)>| v.iter().map(|(w, n)| (w.clone(), *n)).collect::<HashMap<_, _>>();
        QuantityFinder {
            scales,
            attached_scales,
            prefix_starts,
            code_prefixes,
            dollar_note,
            dollar_of,
            number_starts,
            units: map(&q.units),

            tens: map(&q.tens),
            multipliers: map(&q.multipliers),
            prefixes,
            // Each first word as a token lower-cased reads it: in lower case,
            // and from capitals ("ZŁOTY" → "złoty").
            suffix_firsts: suffixes
                .iter()
                .filter_map(|(words, _)| words.first())
                .flat_map(|w| [w.clone(), w.to_uppercase().to_lowercase()])
                .collect(),
            suffixes,
            job_nouns: q.job_nouns.iter().map(|w| w.to_lowercase()).collect(),
            employing_verbs: q.employing_verbs.iter().map(|w| w.to_lowercase()).collect(),
            not_counted: q.not_counted.iter().map(|w| w.to_lowercase()).collect(),
            party_nouns: q.party_nouns.iter().map(|w| w.to_lowercase()).collect(),
            irregular: q.irregular_plurals.iter().map(|(k, v)| (k.clone(), v.clone())).collect(),
            qualifier_lasts: qualifiers.iter().filter_map(|(words, _)| words.last().cloned()).collect(),
            qualifiers,
        }
    }

    /// Every quantity in `text`; `masked` are byte ranges (dates) that hold
    /// no quantity.
    pub fn find(&self, text: &str, masked: &[(usize, usize)]) -> Vec<QuantityFound> {
        let number_words = self.has_number_word(text);
        if !text.bytes().any(|b| b.is_ascii_digit()) && !number_words {
            return Vec::new();
        }
        self.find_all(text, masked, number_words)
    }

    /// As [`QuantityFinder::find`], with the statement's words at hand for
    /// the quick test.
    pub fn find_in(
        &self,
        text: &str,
        words: &[crate::words::Word],
        masked: &[(usize, usize)],
    ) -> Vec<QuantityFound> {
        let (mut number_word, mut standing) = (false, false);
        for k in 0..words.len() {
            if self.is_statement_number_word(&words[k]) {
                number_word = true;
                if !led_away(text, words, k) {
                    standing = true;
                    break;
                }
            }
        }
        // A figure needs a number: a spelled one that can stand on its own
        // (not "the two leaders"), or digits outside the dates (most
        // statements' only digits are a date's).
        let bytes = text.as_bytes();
        let free_digit = || {
            bytes
                .iter()
                .enumerate()
                .any(|(i, b)| b.is_ascii_digit() && !masked.iter().any(|&(a, z)| i >= a && i < z))
        };
        if !standing && !free_digit() {
            return Vec::new();
        }
        self.find_all(text, masked, number_word)
    }

    /// `number_words`: whether the text has a spelled number at all.
    fn find_all(&self, text: &str, masked: &[(usize, usize)], number_words: bool) -> Vec<QuantityFound> {
        let toks = self.split_attached_scales(tokens(text));
        let mut out: Vec<QuantityFound> = Vec::new();
        let mut i = 0;
        while i < toks.len() {
            // Only a digit, a number word or a currency sign can start one.
            let c = toks[i].text.chars().next().unwrap_or(' ');
            let a_dozen = matches!(toks[i].text, "a" | "A")
                && toks.get(i + 1).is_some_and(|n| n.text.eq_ignore_ascii_case("dozen"));
            // A currency's first character ("U" of "US$", "R" of "Rs")
            // starts many words: only a currency prefix with its number
            // makes such a word a candidate.
            let candidate = c.is_ascii_digit()
                || a_dozen
                || (number_words
                    && c.is_alphabetic()
                    && toks[i].text.len() <= 13
                    && self.is_number_word(toks[i].text))
                || (self.prefix_starts.binary_search(&c).is_ok() && self.prefix_at(text, &toks, i).is_some());
            if !candidate || masked.iter().any(|&(a, b)| toks[i].start >= a && toks[i].start < b) {
                i += 1;
                continue;
            }
            match self.quantity_at(text, &toks, i) {
                Some((q, next)) => {
                    out.push(q);
                    i = next.max(i + 1);
                }
                None => i += 1,
            }
        }
        out
    }

    /// The currency a text says its bare dollars are ("All amounts are in
    /// Australian dollars" → AUD); `None` when it says nothing, and "$" is
    /// the US dollar.
    pub fn declared_dollar(&self, text: &str) -> Option<&str> {
        self.dollar_note.as_ref()?.find(text)
    }

    /// The currency of a bare "$" in a text a government published
    /// (`country`, ISO alpha-3) when the text says nothing of it: the
    /// country's own dollar ("$25.2 million" in Canberra's release is
    /// Australian), `None` for every other publisher.
    pub fn publisher_dollar(&self, country: Option<&str>) -> Option<&str> {
        let country = country?;
        self.dollar_of.iter().find(|(c, _)| c == country).map(|(_, code)| code.as_str())
    }

    /// The length of a currency code that `word` starts with, touching a
    /// digit ("EUR500m" → 3).
    fn code_before_digit(&self, word: &str) -> Option<usize> {
        let b = word.as_bytes();
        if !b.first().is_some_and(u8::is_ascii_uppercase) {
            return None;
        }
        let k = b.iter().position(|c| !c.is_ascii_uppercase())?;
        (b[k].is_ascii_digit() && self.code_prefixes.contains(&word[..k])).then_some(k)
    }

    /// "2bn" and "300m" are a number and a scale word; so is
    /// "5-trillion" ("a 5-trillion yen goal"); "EUR500m" is a code, a
    /// number and a scale word.
    fn split_attached_scales<'a>(&self, toks: Vec<Tok<'a>>) -> Vec<Tok<'a>> {
        // Only a number with letters after it, or a code before it, is
        // split; most statements have none, and keep their tokens as they
        // are.
        let attached = |t: &Tok<'_>| {
            t.text.as_bytes().first().is_some_and(u8::is_ascii_digit)
                && t.text.as_bytes().last().is_some_and(u8::is_ascii_alphabetic)
                || self.code_before_digit(t.text).is_some()
        };
        if !toks.iter().any(attached) {
            return toks;
        }
        let mut out = Vec::with_capacity(toks.len());
        for mut t in toks {
            if let Some(k) = self.code_before_digit(t.text) {
                out.push(Tok { start: t.start, end: t.start + k, text: &t.text[..k] });
                t = Tok { start: t.start + k, end: t.end, text: &t.text[k..] };
            }
            let digits = t.text.trim_end_matches(|c: char| c.is_ascii_alphabetic());
            let suffix = &t.text[digits.len()..];
            let number = digits.starts_with(|c: char| c.is_ascii_digit());
            if !suffix.is_empty() && number && self.attached_scales.contains(suffix) {
                let cut = t.start + digits.len();
                out.push(Tok { start: t.start, end: cut, text: digits });
                out.push(Tok { start: cut, end: t.end, text: suffix });
                continue;
            }
            let hyphenated = digits.strip_suffix('-').filter(|n| {
                n.starts_with(|c: char| c.is_ascii_digit())
                    && n.chars().all(|c| c.is_ascii_digit() || c == '.' || c == ',')
            });
            match hyphenated {
                Some(n) if self.scales.contains_key(lower(suffix).as_ref()) => {
                    out.push(Tok { start: t.start, end: t.start + n.len(), text: n });
                    let cut = t.start + digits.len();
                    out.push(Tok { start: cut, end: t.end, text: suffix });
                }
                _ => out.push(t),
            }
        }
        out
    }

    fn has_number_word(&self, text: &str) -> bool {
        text.split(|c: char| !c.is_alphabetic())
            .any(|w| !w.is_empty() && w.len() <= 9 && self.is_number_word(w))
    }

    /// As [`QuantityFinder::is_number_word`], for a statement's word (in
    /// lower case, with its hash).
    fn is_statement_number_word(&self, word: &crate::words::Word) -> bool {
        let w = word.text.as_str();
        if !word.joined {
            return self.number_starts.contains_word(word);
        }
        match w.as_bytes().iter().position(|&b| b == b'-') {
            Some(p) => self.number_starts.contains(&w[..p]),
            None => self.number_starts.contains_word(word),
        }
    }

    /// "four", "Thirty-seven", "dozen": a word that can start a spelled
    /// number.
    fn is_number_word(&self, w: &str) -> bool {
        let first = w.as_bytes().iter().position(|&b| b == b'-').map_or(w, |p| &w[..p]);
        if first.len() > 9 {
            return false;
        }
        let mut buf = [0u8; 9];
        for (k, b) in first.bytes().enumerate() {
            buf[k] = b.to_ascii_lowercase();
        }
        let Ok(l) = std::str::from_utf8(&buf[..first.len()]) else { return false };
        self.number_starts.contains(l)
    }

    /// A number starting at token `i` (digits or words): value, and the
    /// index after it.
    fn number_at(&self, toks: &[Tok<'_>], i: usize) -> Option<(f64, usize, bool)> {
        let t = toks[i].text;
        if t.starts_with(|c: char| c.is_ascii_digit()) {
            let digits: String = t.chars().filter(|&c| c != ',').collect();
            // "1,000" and "1.6" but not "2A", "35A", "14th", "1.2.3".
            if !digits.chars().all(|c| c.is_ascii_digit() || c == '.') || digits.matches('.').count() > 1 {
                return None;
            }
            if t.contains(',') && !valid_grouping(t) {
                return None;
            }
            return digits.parse::<f64>().ok().map(|v| (v, i + 1, true));
        }
        // Words: "thirty-seven", "ninety nine", "one hundred", "a dozen".
        let mut j = i;
        let mut value: u32 = 0;
        let mut seen = false;
        if lower(t) == "a" && toks.get(i + 1).is_some_and(|n| lower(n.text) == "dozen") {
            return Some((12.0, i + 2, false));
        }
        // "half a billion dollars": a half of the scale word after.
        if lower(t) == "half" {
            let article = toks.get(i + 1).is_some_and(|n| matches!(n.text, "a" | "an"));
            let scale = toks.get(i + 2).is_some_and(|n| n.text.len() > 2 && self.scales.contains_key(n.text));
            if article && toks.get(i + 2).is_some_and(|n| lower(n.text) == "dozen") {
                return Some((6.0, i + 3, false));
            }
            return (article && scale).then_some((0.5, i + 2, false));
        }
        while j < toks.len() {
            let w = lower(toks[j].text);
            let simple = |p: &str| self.units.get(p).or_else(|| self.tens.get(p)).copied();
            let compound = match w.split_once('-') {
                None => simple(&w),
                Some((a, b)) if !b.contains('-') => match (self.tens.get(a), self.units.get(b)) {
                    (Some(t), Some(u)) if *u < 10 => Some(t + u),
                    _ => None,
                },
                Some(_) => None,
            };
            if let Some(n) = compound {
                if seen
                    && !value.is_multiple_of(100)
                    && value >= 10
                    && n < 10
                    && self.tens.contains_key(lower(toks[j - 1].text).as_ref())
                {
                    value += n; // "ninety nine"
                } else if seen && value.is_multiple_of(100) && value > 0 {
                    value += n; // "one hundred five"
                } else if seen {
                    break;
                } else {
                    value = n;
                }
                seen = true;
                j += 1;
                continue;
            }
            if seen && self.multipliers.contains_key(w.as_ref()) && w != "dozens" {
                value *= self.multipliers[w.as_ref()];
                j += 1;
                continue;
            }
            if seen
                && w == "and"
                && toks.get(j + 1).is_some_and(|n| simple(&lower(n.text)).is_some())
                && value.is_multiple_of(100)
            {
                j += 1;
                continue;
            }
            break;
        }
        seen.then_some((f64::from(value), j, false))
    }

    fn quantity_at(&self, text: &str, toks: &[Tok<'_>], i: usize) -> Option<(QuantityFound, usize)> {
        // A currency prefix may stand before the number.
        let (currency, num_i, start, mut bare_dollar) = match self.prefix_at(text, toks, i) {
            Some((code, after, bare)) => (Some(code), after, toks[i].start, bare),
            None => (None, i, toks[i].start, false),
        };
        let num_i = if num_i < toks.len() { num_i } else { return None };
        let (mut value, mut j, digits) = self.number_at(toks, num_i)?;
        if !self.standalone(text, toks, num_i, digits, currency.is_some()) {
            return None;
        }
        let mut end = toks[j - 1].end;
        // Scale words: "1.6 billion", "$5m", "Rs 3 crore", and two in a row
        // ("Rs 1.5 lakh crore").
        for _ in 0..2 {
            let Some(t) = toks.get(j) else { break };
            let w = t.text;
            let touching = t.start == end;
            let scale = self.scales.get(w).or_else(|| self.scales.get(lower(w).as_ref()));
            match scale {
                // "$500 mn", "500 mn people": an abbreviation of two
                // letters or more may stand apart; "5 m" is metres.
                Some(f) if touching || !self.attached_scales.contains(w) || w.len() >= 2 => {
                    value = scaled(value, *f);
                    end = t.end;
                    j += 1;
                }
                _ => break,
            }
        }
        // A currency after: "55 billion yen", "$1 billion dollar investment".
        let mut currency = currency;
        if let Some((code, after, bare)) = self.suffix_at(toks, j) {
            if currency.is_none() || currency.as_deref() == Some(code.as_str()) {
                // "$5 billion U.S. dollars": the name says whose.
                bare_dollar = if currency.is_none() { bare } else { bare_dollar && bare };
                currency = Some(code);
                end = toks[after - 1].end;
                j = after;
            }
        }
        let qualified = self.qualifier_before(toks, if currency.is_some() && num_i > i { i } else { num_i });
        let qualifier = qualified.map_or(Qualifier::Exact, |(q, _)| q);
        // Where the figure's words begin, its qualifier's included.
        let lead = qualified.map_or(start, |(_, at)| at);
        if let Some(code) = currency {
            return Some((
                QuantityFound {
                    start,
                    end,
                    kind: QuantityKind::Money,
                    value,
                    unit: Some(code),
                    qualifier,
                    bare_dollar,
                },
                j,
            ));
        }
        // Percent.
        if let Some(t) = toks.get(j) {
            let w = lower(t.text);
            let pct = if t.text == "%" || w == "percent" || w == "pct" {
                Some(j + 1)
            } else if w == "per" && toks.get(j + 1).is_some_and(|n| lower(n.text) == "cent") {
                Some(j + 2)
            } else {
                None
            };
            if let Some(after) = pct {
                return Some((
                    QuantityFound {
                        start,
                        end: toks[after - 1].end,
                        kind: QuantityKind::Percent,
                        value,
                        unit: None,
                        qualifier,
                        bare_dollar: false,
                    },
                    after,
                ));
            }
        }
        // A bare year is no quantity.
        if digits && is_year_like(toks[num_i].text) && j == num_i + 1 {
            let next_plural = toks.get(j).is_some_and(|t| {
                let w = t.text;
                w.len() > 3 && w.ends_with('s') && w.starts_with(char::is_lowercase)
            });
            if !next_plural {
                return None;
            }
        }
        // Jobs and counts: the noun phrase after the number.
        if let Some((head, head_end, phrase_end)) = self.counted_noun(toks, j) {
            let head_l = lower(head);
            if self.not_counted.contains(head_l.as_ref())
                || value <= 2.0 && self.party_nouns.contains(head_l.as_ref())
            {
                return None;
            }
            let is_job = self.job_nouns.contains(head_l.as_ref())
                || (head_l == "hires"
                    || toks[j..phrase_end].iter().any(|t| self.job_nouns.contains(lower(t.text).as_ref())))
                || self.employed(toks, lead);
            let q = if is_job {
                QuantityFound {
                    start,
                    end: head_end,
                    kind: QuantityKind::Jobs,
                    value,
                    unit: None,
                    qualifier,
                    bare_dollar: false,
                }
            } else {
                QuantityFound {
                    start,
                    end: head_end,
                    kind: QuantityKind::Count,
                    value,
                    unit: Some(self.singular(&head_l)),
                    qualifier,
                    bare_dollar: false,
                }
            };
            return Some((q, phrase_end));
        }
        // A number without a noun after it: a figure whose noun came
        // before ("Direct hires … have reached 860,000", "the total number
        // of sister-city relationships to almost 450").
        if value >= 2.0 || digits {
            if let Some((kind, unit)) = self.noun_before(toks, num_i) {
                return Some((
                    QuantityFound { start, end, kind, value, unit, qualifier, bare_dollar: false },
                    j,
                ));
            }
        }
        None
    }

    /// A currency symbol or code at token `i` (possibly spanning "US" "$"),
    /// and the index of the token after it.
    fn prefix_at(&self, text: &str, toks: &[Tok<'_>], i: usize) -> Option<(String, usize, bool)> {
        let from = toks[i].start;
        let rest = &text[from..];
        // Every prefix is short and a digit follows it closely.
        let near = &rest.as_bytes()[..rest.len().min(10)];
        if rest.starts_with(|c: char| c.is_ascii_digit()) || !near.iter().any(u8::is_ascii_digit) {
            return None;
        }
        for (p, code) in &self.prefixes {
            if let Some(after) = rest.strip_prefix(p.as_str()) {
                // Letter codes and "Rs" need a space or digit after them and
                // must not run on from a longer word.
                let tail = after.trim_start();
                if !tail.starts_with(|c: char| c.is_ascii_digit()) {
                    continue;
                }
                if p.chars().all(char::is_alphabetic) && after.starts_with(char::is_alphabetic) {
                    continue;
                }
                let num_start = from + p.len() + (after.len() - tail.len());
                let k = toks.iter().position(|t| t.start >= num_start)?;
                return Some((code.clone(), k, p == "$"));
            }
        }
        None
    }

    /// A currency name at token `j`, and the index after it.
    fn suffix_at(&self, toks: &[Tok<'_>], j: usize) -> Option<(String, usize, bool)> {
        if !self.suffix_firsts.contains(&lower(toks.get(j)?.text)) {
            return None;
        }
        for (words, code) in &self.suffixes {
            if j + words.len() > toks.len() {
                continue;
            }
            let same = words.iter().enumerate().all(|(k, w)| {
                let t = toks[j + k].text;
                // A word with letters lower case cannot keep ("ZŁOTY") is
                // also matched in capitals.
                lower(t) == *w || (!matched_in_lower_case(w) && t == w.to_uppercase())
            });
            if same {
                let bare = matches!(words.as_slice(), [w] if w == "dollars" || w == "dollar");
                return Some((code.clone(), j + words.len(), bare));
            }
        }
        None
    }

    /// The qualifier phrase ending just before token `i`, and where it starts.
    /// Whether an employing verb stands right before a figure whose words
    /// begin at byte `lead`: the people it counts hold jobs.
    fn employed(&self, toks: &[Tok<'_>], lead: usize) -> bool {
        let before = toks.partition_point(|t| t.end <= lead);
        before > 0 && self.employing_verbs.contains(lower(toks[before - 1].text).as_ref())
    }

    fn qualifier_before(&self, toks: &[Tok<'_>], i: usize) -> Option<(Qualifier, usize)> {
        if !toks[..i].last().is_some_and(|t| self.qualifier_lasts.contains(&lower(t.text))) {
            return None;
        }
        for (words, q) in &self.qualifiers {
            let n = words.len();
            if n > i {
                continue;
            }
            let same = words.iter().enumerate().all(|(k, w)| lower(toks[i - n + k].text) == *w);
            if same {
                return Some((*q, toks[i - n].start));
            }
        }
        None
    }

    /// Whether the number at `i` stands on its own: not part of a name
    /// ("F-35A", "TPP 11", "Block 2A", "2+2"), an ordinal or a reference.
    fn standalone(&self, text: &str, toks: &[Tok<'_>], i: usize, digits: bool, money: bool) -> bool {
        let t = toks[i];
        let before = text[..t.start].chars().next_back();
        let after = text[t.end..].chars().next();
        if matches!(before, Some('-' | '+' | '#' | '/')) && !money {
            // "F-35", "SM-3", "2+2", "B-1"; a range "2017-2018" is no count either.
            return false;
        }
        let attached =
            toks.get(i + 1).is_some_and(|n| n.start == t.end && self.attached_scales.contains(n.text));
        if matches!(after, Some('+' | '/' | ':'))
            || after.is_some_and(char::is_alphabetic) && digits && !attached
        {
            return false; // "2+2", "9:30", "2A", "3rd"
        }
        let scale_after_hyphen = toks
            .get(i + 1)
            .is_some_and(|n| n.start == t.end + 1 && self.scales.contains_key(lower(n.text).as_ref()));
        if digits
            && after == Some('-')
            && text[t.end + 1..].starts_with(|c: char| c.is_alphabetic())
            && !scale_after_hyphen
        {
            // "10-year" plans are durations; "30-member" is a count we skip.
            return false;
        }
        if i > 0 && !money {
            let prev = toks[i - 1].text;
            // Capitalised names with a number: "TPP 11", "Article 5",
            // "Phase 2" (a sentence's first word excepted).
            let prev_is_name = prev.chars().next().is_some_and(char::is_uppercase)
                && prev.chars().any(char::is_alphabetic)
                && i - 1 > 0
                && !self.is_qualifier_word(prev)
                && digits;
            if prev_is_name {
                return false;
            }
            let p = lower(prev);
            if !digits && REFERENCE_DETERMINERS.contains(&p.as_ref()) {
                return false; // "the two leaders"
            }
            if p == "no." || p == "number" && digits {
                return false;
            }
        }
        if !digits {
            // "One Health", "Five Eyes": a capitalised number word inside a
            // sentence is part of a name.
            if i > 0 && t.text.starts_with(char::is_uppercase) {
                return false;
            }
            // "one of", "one another", "one day": only "one" with a noun.
            let w = lower(t.text);
            if w == "one" {
                let next = toks.get(i + 1).map(|n| lower(n.text)).unwrap_or_default();
                if matches!(
                    next.as_ref(),
                    "of" | "another" | "side" | "hand" | "way" | "day" | "time" | "" | "," | "."
                ) {
                    return false;
                }
            }
        }
        true
    }

    fn is_qualifier_word(&self, w: &str) -> bool {
        let l = lower(w);
        self.qualifier_lasts.contains(&l)
            || matches!(l.as_ref(), "in" | "by" | "since" | "until" | "and" | "with")
    }

    /// The counted noun after token `j`: its head word, the end of the head,
    /// and the index after the phrase. Up to three modifiers may come first
    /// ("30 official meetings", "450 sister-city relationships", "37
    /// Japan-America Society chapters").
    fn counted_noun<'a>(&self, toks: &[Tok<'a>], j: usize) -> Option<(&'a str, usize, usize)> {
        let mut k = j;
        let mut head: Option<(&'a str, usize, usize)> = None;
        // Up to five words; a list of adjectives ("79 million safe,
        // effective, and quality-assured vaccine doses") a few more.
        let mut reach = j + 5;
        let lower_word = |t: Option<&Tok<'_>>| t.is_some_and(|t| t.text.starts_with(char::is_lowercase));
        while k < toks.len() && k < reach {
            let w = toks[k].text;
            let l = lower(w);
            // A list of adjectives in lower case that ends in "and" or
            // "or" before its noun.
            let listed = w == ","
                && head.is_some_and(|(h, _, _)| h.starts_with(char::is_lowercase) && !self.looks_plural(h))
                && lower_word(toks.get(k + 1))
                && toks[k + 1..].iter().take(4).any(|t| matches!(t.text, "and" | "or"));
            if listed && reach < j + 10 {
                reach += 2;
                k += 1;
                continue;
            }
            let after_name = k > j && toks[k - 1].text.starts_with(char::is_uppercase);
            // A model number after a maker's name ("50 Boeing 737 MAX
            // aircraft"), a pair of modifiers ("33,000 direct and indirect
            // jobs"): the noun is still to come.
            let model = after_name && w.chars().all(|c| c.is_ascii_digit());
            let paired = matches!(l.as_ref(), "and" | "or")
                && head.is_some_and(|(h, _, _)| !self.looks_plural(&lower(h)))
                && toks.get(k + 1).is_some_and(|n| n.text.starts_with(char::is_alphabetic));
            if model || paired {
                k += 1;
                continue;
            }
            if !w.chars().next().is_some_and(char::is_alphabetic) || PHRASE_STOPS.contains(&l.as_ref()) {
                break;
            }
            if w.ends_with("ing") && head.is_some() && !w.starts_with(char::is_uppercase) {
                break; // "4,000 jobs creating …"
            }
            // A possessive is no head: "one year after Russia's war".
            if l.ends_with("'s") || l.ends_with("’s") {
                break;
            }
            head = Some((w, toks[k].end, k + 1));
            // A plural noun ends the phrase: "30 meetings held".
            if self.looks_plural(&l) || acronym_plural(w) {
                break;
            }
            k += 1;
        }
        let (w, end, next) = head?;
        let l = lower(w);
        // The head of a count is a noun, plural unless the number is one.
        let plural = self.looks_plural(&l) || acronym_plural(w);
        if !plural
            && !self.not_counted.contains(l.as_ref())
            && !self.party_nouns.contains(l.as_ref())
            && !self.job_nouns.contains(l.as_ref())
        {
            return None;
        }
        Some((w, end, next))
    }

    /// Whether lower-case `w` looks like a plural noun ("meetings", not
    /// "various" or "class").
    fn looks_plural(&self, w: &str) -> bool {
        (w.ends_with('s') && !w.ends_with("ss") && !w.ends_with("us") && w.len() > 2)
            || self.irregular.contains_key(w)
    }

    /// The job noun or "number of <noun>" earlier in the statement that a
    /// bare number measures.
    fn noun_before(&self, toks: &[Tok<'_>], i: usize) -> Option<(QuantityKind, Option<String>)> {
        let from = i.saturating_sub(16);
        let window = &toks[from..i];
        // The verb right before the number must report a total.
        let verb = window.iter().rev().find(|t| t.text.chars().all(char::is_alphabetic))?;
        let v = lower(verb.text);
        let reporting = [
            "reached",
            "reach",
            "reaches",
            "totaled",
            "totalled",
            "total",
            "totals",
            "numbered",
            "to",
            "at",
            "of",
            "is",
            "are",
            "was",
            "were",
            "stood",
            "hit",
            "exceeded",
            "surpassed",
        ];
        if !reporting.contains(&v.as_ref()) && !self.qualifier_lasts.contains(&v) {
            return None;
        }
        for (k, t) in window.iter().enumerate().rev() {
            let l = lower(t.text);
            if self.job_nouns.contains(l.as_ref()) && l != "employment" {
                return Some((QuantityKind::Jobs, None));
            }
            if l == "number" && window.get(k + 1).is_some_and(|n| lower(n.text) == "of") {
                // "the number of sister-city relationships": the noun after "of".
                let noun = window[k + 2..].iter().map(|t| lower(t.text)).find(|w| self.looks_plural(w))?;
                if self.job_nouns.contains(noun.as_ref()) {
                    return Some((QuantityKind::Jobs, None));
                }
                return Some((QuantityKind::Count, Some(self.singular(&noun))));
            }
        }
        None
    }

    /// "relationships" → "relationship", "launches" → "launch",
    /// "countries" → "country".
    fn singular(&self, w: &str) -> String {
        let w = w.rsplit('-').next().unwrap_or(w).to_lowercase();
        if let Some(s) = self.irregular.get(&w) {
            return s.clone();
        }
        if let Some(stem) = w.strip_suffix("ies") {
            return format!("{stem}y");
        }
        for end in ["ches", "shes", "sses", "xes", "zes"] {
            if w.ends_with(end) {
                return w[..w.len() - 2].to_string();
            }
        }
        w.strip_suffix('s').map_or(w.clone(), str::to_string)
    }
}

/// `value × factor`, rounded to a whole number where the written value's
/// decimals run out ("8.3 billion" is 8300000000, not 8300000000.000001).
fn scaled(value: f64, factor: f64) -> f64 {
    let product = value * factor;
    if factor >= 1.0 {
        // Written values have at most six decimals; the product of a value
        // and a whole factor is a whole number when its decimals run out.
        let rounded = product.round();
        if (product - rounded).abs() < 1e-6 * factor.max(1.0) {
            return rounded;
        }
    }
    product
}

/// "1,000,000" groups of three after the first.
/// Thousands grouped by three ("1,000,000"), or the Indian way: the last
/// three, then by two ("3,20,000", "1,00,00,000").
fn valid_grouping(t: &str) -> bool {
    let int = t.split('.').next().unwrap_or(t);
    let groups: Vec<&str> = int.split(',').collect();
    let digits = |g: &&str| g.chars().all(|c| c.is_ascii_digit());
    let Some((last, inner)) = groups.split_last() else { return false };
    let Some((first, middle)) = inner.split_first() else { return false };
    let western = (1..=3).contains(&first.len()) && middle.iter().all(|g| g.len() == 3 && digits(g));
    let indian = (1..=2).contains(&first.len()) && middle.iter().all(|g| g.len() == 2 && digits(g));
    last.len() == 3 && digits(last) && digits(first) && (western || indian)
}

fn is_year_like(t: &str) -> bool {
    t.len() == 4
        && t.chars().all(|c| c.is_ascii_digit())
        && (1800..=2100).contains(&t.parse::<u32>().unwrap_or(0))
}

/// An acronym's plural: "MoUs", "MOUs", "NGOs", "SMEs".
fn acronym_plural(w: &str) -> bool {
    w.strip_suffix('s')
        .is_some_and(|stem| stem.len() >= 2 && stem.chars().filter(|c| c.is_uppercase()).count() >= 2)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn find(s: &str) -> Vec<(String, QuantityKind, f64, Option<String>, Qualifier)> {
        let f = QuantityFinder::new(&Lexicon::builtin().unwrap());
        f.find(s, &[])
            .into_iter()
            .map(|q| (s[q.start..q.end].to_string(), q.kind, q.value, q.unit, q.qualifier))
            .collect()
    }

    fn one(s: &str, kind: QuantityKind, value: f64, unit: Option<&str>, qualifier: Qualifier) {
        let got = find(s);
        assert_eq!(got.len(), 1, "{s}: {got:?}");
        let (_, k, v, u, q) = &got[0];
        assert_eq!((*k, *v, u.as_deref(), *q), (kind, value, unit, qualifier), "{s}");
    }

    use Qualifier::*;
    use QuantityKind::*;

    #[test]
    fn money() {
        let cases: &[(&str, f64, &str, Qualifier)] = &[
            ("Toyota and Mazda announced a $1.6 billion investment.", 1.6e9, "USD", Exact),
            ("the deficit was $68.8 billion in 2016", 68.8e9, "USD", Exact),
            ("invested more than $400 billion in the United States", 400e9, "USD", MoreThan),
            ("with total 2016 FDI exceeding $424 billion.", 424e9, "USD", MoreThan),
            ("it will invest nearly $13 billion in its operations", 13e9, "USD", About),
            ("announced a $1 billion dollar investment to help Uber", 1e9, "USD", Exact),
            ("students added $620 million to the economy", 620e6, "USD", Exact),
            ("a loan of US$ 500 million", 500e6, "USD", Exact),
            ("a fund of A$2bn", 2e9, "AUD", Exact),
            ("an aid package of ¥55 billion", 55e9, "JPY", Exact),
            ("grants worth 55 billion yen", 55e9, "JPY", Exact),
            ("a credit line of Rs. 5 crore", 5e7, "INR", Exact),
            ("about ₹3 lakh", 3e5, "INR", About),
            ("an outlay of Rs 1.5 lakh crore", 1.5e12, "INR", Exact),
            ("5 billion US dollars", 5e9, "USD", Exact),
            ("€1.5 trillion in spending", 1.5e12, "EUR", Exact),
            ("£300m for schools", 300e6, "GBP", Exact),
            ("₩10 trillion for chips", 10e12, "KRW", Exact),
            ("RMB 20 billion in credit", 20e9, "CNY", Exact),
            ("up to 100 million yuan", 100e6, "CNY", About),
            ("USD 2.5 billion", 2.5e9, "USD", Exact),
            ("an investment target of Rs 3,20,000 crore", 3.2e12, "INR", Exact),
            ("Kishida's 5-trillion yen goal", 5e12, "JPY", Exact),
            // A code touching its number; an abbreviation apart from it.
            ("The EU pledged EUR500m for the fund", 500e6, "EUR", Exact),
            ("a loan of USD2bn", 2e9, "USD", Exact),
            ("a loan of $500 mn", 500e6, "USD", Exact),
            ("a grant of Rs 20 cr", 2e8, "INR", Exact),
            ("half a billion dollars for the corridor", 0.5e9, "USD", Exact),
            ("Indonesia committed IDR 10 trillion", 10e12, "IDR", Exact),
            ("a line of 200 billion Pakistani rupees", 200e9, "PKR", Exact),
            ("RM 1.2 billion for the rail link", 1.2e9, "MYR", Exact),
        ];
        for &(s, v, unit, q) in cases {
            one(s, Money, v, Some(unit), q);
        }
        let two = find("$500 million (about ¥55 billion)");
        assert_eq!(two.len(), 2, "{two:?}");
        assert_eq!(two[1].4, About);
    }

    #[test]
    fn a_note_on_the_texts_dollars() {
        let finder = QuantityFinder::new(&Lexicon::builtin().unwrap());
        let cases: &[(&str, Option<&str>)] = &[
            ("All amounts are in Australian dollars.", Some("AUD")),
            ("Unless otherwise stated, figures are in Canadian dollars.", Some("CAD")),
            ("Funding is in SGD.", Some("SGD")),
            ("All amounts are in US dollars.", None),
            ("Australian dollars rose against the yen.", None),
            ("The fund will invest $5 million.", None),
            ("ALL AMOUNTS ARE IN NEW ZEALAND DOLLARS", Some("NZD")),
            // The first note counts, whether a name's or a code's.
            ("Figures are in SGD. Amounts are in Australian dollars.", Some("SGD")),
            ("Figures are in Hong Kong dollars. Amounts are in CAD.", Some("HKD")),
            // A code is written in capitals; "aud" is no code.
            ("All amounts are in aud.", None),
            ("Values are in Canadian dollarsigns.", None),
        ];
        for &(text, want) in cases {
            assert_eq!(finder.declared_dollar(text), want, "{text}");
        }
        // A government's own "$" is its own dollar; Washington's and
        // Tokyo's are the US one.
        assert_eq!(finder.publisher_dollar(Some("AUS")), Some("AUD"));
        assert_eq!(finder.publisher_dollar(Some("CAN")), Some("CAD"));
        assert_eq!(finder.publisher_dollar(Some("USA")), None);
        assert_eq!(finder.publisher_dollar(Some("JPN")), None);
        assert_eq!(finder.publisher_dollar(None), None);
        let bare = |s: &str| finder.find(s, &[]).first().is_some_and(|q| q.bare_dollar);
        assert!(bare("$25.2 million"));
        assert!(bare("5 million dollars"));
        assert!(!bare("US$5 million"));
        assert!(!bare("5 million U.S. dollars"));
    }

    #[test]
    fn jobs_percent_counts() {
        one("that will create an estimated 4,000 jobs.", Jobs, 4000.0, None, About);
        one("employ more than 850,000 workers in the United States", Jobs, 850000.0, None, MoreThan);
        one("U.S. companies now employ about 120,000 Australians.", Jobs, 120000.0, None, About);
        one("The ministers exchanged five MoUs.", Count, 5.0, Some("mou"), Exact);
        one("It funds 40 NGOs in the region.", Count, 40.0, Some("ngo"), Exact);
        one("The plant will hire 500 engineers.", Jobs, 500.0, None, Exact);
        // Not after another verb: a count.
        one("The firms trained 500 engineers.", Count, 500.0, Some("engineer"), Exact);
        one("Japanese companies support over 850,000 American jobs.", Jobs, 850000.0, None, MoreThan);
        one("plans to add nearly 600 new jobs at plants", Jobs, 600.0, None, About);
        one("up to 4,000 American jobs", Jobs, 4000.0, None, About);
        one(
            "donated nearly 79 million safe, effective, and quality-assured vaccine doses to the region",
            Count,
            79_000_000.0,
            Some("dose"),
            About,
        );
        one(
            "Direct hires [by Japanese companies] in the U.S. have reached 860,000.",
            Jobs,
            860000.0,
            None,
            Exact,
        );
        one("growing at 8.9 percent per year", Percent, 8.9, None, Exact);
        one("has dropped to around 9%.", Percent, 9.0, None, About);
        one("stand together one hundred percent on the issue", Percent, 100.0, None, Exact);
        one(
            "holding nearly 30 official meetings and phone conversations",
            Count,
            30.0,
            Some("meeting"),
            About,
        );
        one("in over 100 projects in the United States", Count, 100.0, Some("project"), MoreThan);
        one("has passed four rounds of sanctions", Count, 4.0, Some("round"), Exact);
        one("About half a dozen projects were completed.", Count, 6.0, Some("project"), About);
        one("Half a million people marched.", Count, 0.5e6, Some("person"), Exact);
        one("The region has 500 mn people.", Count, 500e6, Some("person"), Exact);
        one("Thirty-seven Japan-America Society chapters are sustained", Count, 37.0, Some("chapter"), Exact);
        one("two missile launches over Japan", Count, 2.0, Some("launch"), Exact);
        one("two new sister-city relationships", Count, 2.0, Some("relationship"), Exact);
        one(
            "bringing the total number of sister-city relationships to almost 450.",
            Count,
            450.0,
            Some("relationship"),
            About,
        );
        let spelled = find("ninety-nine countries' delegates and a dozen ministers");
        let got: Vec<(f64, Option<&str>)> = spelled.iter().map(|q| (q.2, q.3.as_deref())).collect();
        assert_eq!(got, [(99.0, Some("country")), (12.0, Some("minister"))]);
        one("some 25 companies", Count, 25.0, Some("company"), About);
        // The parties' nouns count when they are more than the parties.
        one("The MSP has 12 other partner countries.", Count, 12.0, Some("country"), Exact);
        one("leaders of nearly 20 nations attended", Count, 20.0, Some("nation"), About);
        one("to purchase 50 Boeing 737 MAX aircraft", Count, 50.0, Some("aircraft"), Exact);
        one("will support over 33,000 direct and indirect jobs", Jobs, 33000.0, None, MoreThan);
    }

    /// The quick test on a statement's words turns away only what the
    /// finder itself would: a spelled number right after a determiner, a
    /// capitalised one inside a sentence. One in brackets, or after a
    /// determiner joined to another word, still goes to the finder.
    #[test]
    fn quick_test_agrees_with_the_finder() {
        let f = QuantityFinder::new(&Lexicon::builtin().unwrap());
        for s in [
            "the two leaders agreed; their three governments met",
            "The two sides welcomed five new projects in the region.",
            "the (two) new projects and x.the two new projects",
            "Leaders of Two Nations and two new sister-city relationships",
            "Their three nations pledged five new projects",
            "The Quad's Four Leaders met; both two-way trade",
        ] {
            let words = crate::words::words(s);
            assert_eq!(f.find_in(s, &words, &[]), f.find(s, &[]), "{s}");
        }
        assert!(f
            .find_in("the two leaders met", &crate::words::words("the two leaders met"), &[])
            .is_empty());
    }

    #[test]
    fn not_quantities() {
        for s in [
            "in 2017 and the 2016 Election and 2016 FDI",
            "the 14th meeting, the 3rd largest source, the 21st conference",
            "the SM-3 Block 2A interceptor and the F-35A and B-1 bombers",
            "the TPP 11's efforts and the 2+2 meeting and Article 5",
            "for more than 60 years, within 6 months, 90 minutes, nearly six decades",
            "thousands of workers, billions of dollars, nearly half of them",
            "the two leaders, both countries, the two governments, one of them",
            "Two countries stand together; one side explained; two governments agreed",
            "at 9:30 on the 6th",
            "a 5 m wall and the EUROPE2030 plan and SDG17",
            "one year after Russia's war began, two weeks before the summit",
            "a total of 5 million, and the rest",
            "a 50 slip marina, gas docks, restaurants",
            "One company, Avigilon, sells these",
        ] {
            assert!(find(s).is_empty(), "{s}: {:?}", find(s));
        }
    }
}
