//! Lower-case words with their byte ranges, and cue phrases matched on them.

use compact_str::CompactString;

/// A word of a statement.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Word {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// The word, lower case (kept inline: words are short).
    pub text: CompactString,
}

/// The words of `text`: letters and digits, with inner apostrophes and
/// hyphens kept ("abe's", "people-to-people"), in lower case.
pub fn words(text: &str) -> Vec<Word> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(text.len() / 6 + 1);
    let mut start: Option<usize> = None;
    let mut i = 0;
    while i < bytes.len() {
        let (c, len) = char_at(text, i);
        let alphanumeric = if c.is_ascii() { c.is_ascii_alphanumeric() } else { c.is_alphanumeric() };
        if alphanumeric || start.is_some() && joins(text, i, c, len) {
            start.get_or_insert(i);
        } else if let Some(s) = start.take() {
            out.push(Word { start: s, end: i, text: lower(&text[s..i]) });
        }
        i += len;
    }
    if let Some(s) = start {
        out.push(Word { start: s, end: text.len(), text: lower(&text[s..]) });
    }
    out
}

/// The character at byte `i` (a character boundary) and its length; ASCII
/// without decoding.
#[inline]
fn char_at(text: &str, i: usize) -> (char, usize) {
    match text.as_bytes()[i] {
        b if b < 0x80 => (b as char, 1),
        _ => {
            let c = text[i..].chars().next().unwrap_or('\u{fffd}');
            (c, c.len_utf8())
        }
    }
}

/// Whether punctuation `c` at byte `i` joins a word to what follows: an
/// apostrophe or hyphen before a letter or digit ("abe's", "U.S.-Japan"),
/// a decimal point or thousands comma between digits ("1.6", "1,000").
fn joins(text: &str, i: usize, c: char, len: usize) -> bool {
    let next = || (i + len < text.len()).then(|| char_at(text, i + len).0);
    match c {
        '\'' | '’' | '-' => next().is_some_and(char::is_alphanumeric),
        '.' | ',' => {
            i > 0 && text.as_bytes()[i - 1].is_ascii_digit() && next().is_some_and(|n| n.is_ascii_digit())
        }
        _ => false,
    }
}

/// Lower case, with the typographic apostrophe made plain.
fn lower(w: &str) -> CompactString {
    if w.is_ascii() {
        let mut out = CompactString::new(w);
        out.make_ascii_lowercase();
        return out;
    }
    let l = w.to_lowercase();
    CompactString::from(if l.contains('’') { l.replace('’', "'") } else { l })
}

/// One piece of a cue phrase.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Piece {
    Word(String),
    /// Up to four words of anything.
    Gap,
}

/// A set of cue phrases, each with a payload, matched on words.
#[derive(Debug, Clone)]
pub struct PhraseSet<T> {
    phrases: Vec<(Vec<Piece>, T)>,
    by_first: rustc_hash::FxHashMap<CompactString, Vec<usize>>,
}

/// A phrase found: the first and one-past-last word index, and its payload.
#[derive(Debug, Clone, Copy)]
pub struct PhraseHit<'a, T> {
    /// First word.
    pub first: usize,
    /// One past the last word.
    pub last: usize,
    /// The phrase's payload.
    pub payload: &'a T,
}

impl<T> Default for PhraseSet<T> {
    fn default() -> Self {
        PhraseSet { phrases: Vec::new(), by_first: Default::default() }
    }
}

impl<T> PhraseSet<T> {
    /// Adds a phrase ("reaffirmed * commitment").
    pub fn add(&mut self, phrase: &str, payload: T) {
        let pieces: Vec<Piece> = words_of_phrase(phrase);
        let Some(Piece::Word(first)) = pieces.first().cloned() else { return };
        self.by_first.entry(CompactString::from(first)).or_default().push(self.phrases.len());
        self.phrases.push((pieces, payload));
    }

    /// Every phrase matching at word `i`, as (end word index, payload).
    pub fn at<'a>(&'a self, words: &[Word], i: usize) -> Vec<PhraseHit<'a, T>> {
        let mut out = Vec::new();
        let Some(ids) = self.by_first.get(&words[i].text) else { return out };
        for &id in ids {
            let (pieces, payload) = &self.phrases[id];
            if let Some(last) = match_from(pieces, words, i) {
                out.push(PhraseHit { first: i, last, payload });
            }
        }
        out
    }

    /// The longest phrase matching at word `i`.
    pub fn longest_at<'a>(&'a self, words: &[Word], i: usize) -> Option<PhraseHit<'a, T>> {
        self.at(words, i).into_iter().max_by_key(|h| h.last)
    }

    /// The first word index (from `from`) where some phrase matches, with
    /// the longest match there.
    pub fn first_from<'a>(&'a self, words: &[Word], from: usize) -> Option<PhraseHit<'a, T>> {
        (from..words.len()).find_map(|i| self.longest_at(words, i))
    }
}

fn words_of_phrase(phrase: &str) -> Vec<Piece> {
    phrase
        .split_whitespace()
        .map(|w| if w == "*" { Piece::Gap } else { Piece::Word(w.to_lowercase().replace('’', "'")) })
        .collect()
}

/// Matches pieces from word `i`; returns one past the last word matched.
fn match_from(pieces: &[Piece], words: &[Word], i: usize) -> Option<usize> {
    match pieces.split_first() {
        None => Some(i),
        Some((Piece::Word(w), rest)) => {
            if words.get(i).is_some_and(|x| x.text == *w) {
                match_from(rest, words, i + 1)
            } else {
                None
            }
        }
        Some((Piece::Gap, rest)) => {
            (0..=4).find_map(
                |skip| {
                    if i + skip > words.len() {
                        None
                    } else {
                        match_from(rest, words, i + skip)
                    }
                },
            )
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_and_phrases() {
        let w =
            words("The two leaders reaffirmed their strong commitment to U.S.-Japan people-to-people ties.");
        let texts: Vec<&str> = w.iter().map(|x| x.text.as_str()).collect();
        assert_eq!(
            texts,
            [
                "the",
                "two",
                "leaders",
                "reaffirmed",
                "their",
                "strong",
                "commitment",
                "to",
                "u",
                "s",
                "japan",
                "people-to-people",
                "ties"
            ]
        );
        let mut set = PhraseSet::default();
        set.add("reaffirmed * commitment", 1);
        set.add("reaffirmed", 2);
        let hit = set.first_from(&w, 0).unwrap();
        assert_eq!((hit.first, hit.last, *hit.payload), (3, 7, 1));
    }
}
