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
    /// [`word_hash`] of `text`, made once for every set the word is
    /// looked up in.
    pub hash: u64,
    /// Whether an apostrophe or hyphen joins parts of it ("abe's",
    /// "twenty-five"): a word without one is looked up whole, with no
    /// search for its parts.
    pub joined: bool,
}

/// The hash by which word sets' filters know a word.
#[inline]
pub fn word_hash(word: &str) -> u64 {
    use std::hash::Hasher;
    let mut h = rustc_hash::FxHasher::default();
    h.write(word.as_bytes());
    h.finish()
}

/// The words of `text`: letters and digits, with inner apostrophes and
/// hyphens kept ("abe's", "people-to-people"), in lower case.
pub fn words(text: &str) -> Vec<Word> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(text.len() / 5 + 1);
    let mut i = 0;
    while i < bytes.len() {
        // To the next word's first character (ASCII without decoding).
        let b = bytes[i];
        if b < 0x80 {
            if !b.is_ascii_alphanumeric() {
                i += 1;
                continue;
            }
        } else {
            let (c, len) = char_at(text, i);
            if !c.is_alphanumeric() {
                i += len;
                continue;
            }
        }
        let start = i;
        let mut joined = false;
        while i < bytes.len() {
            let b = bytes[i];
            if b.is_ascii_alphanumeric() {
                i += 1;
            } else if b < 0x80 {
                if matches!(b, b'\'' | b'-' | b'.' | b',') && joins(text, i, char::from(b), 1) {
                    joined |= matches!(b, b'\'' | b'-');
                    i += 1;
                } else {
                    break;
                }
            } else {
                let (c, len) = char_at(text, i);
                if c.is_alphanumeric() {
                    i += len;
                } else if joins(text, i, c, len) {
                    joined = true;
                    i += len;
                } else {
                    break;
                }
            }
        }
        let text = lower(&text[start..i]);
        out.push(Word { start, end: i, hash: word_hash(&text), text, joined });
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
        // Most words are lower case already; rewriting them byte by byte
        // would only stall the copy's read-back.
        if w.bytes().any(|b| b.is_ascii_uppercase()) {
            out.make_ascii_lowercase();
        }
        return out;
    }
    let l = w.to_lowercase();
    CompactString::from(if l.contains('’') { l.replace('’', "'") } else { l })
}

/// A quick test that a word may belong to a set, from its first two bytes
/// and its length: most words of a sentence are in none of a lexicon's
/// sets, and two table reads turn them away before any hashing.
#[derive(Debug, Clone)]
pub struct WordSieve {
    /// For each first byte, the lengths (bit `n` for `n` bytes; bit 31 for
    /// 31 or more) of the set's words that start with it.
    lengths: Box<[u32; 256]>,
    /// One bit for each pair of first two bytes (0 for the second byte of a
    /// one-byte word).
    pairs: Box<[u64; 1024]>,
}

impl Default for WordSieve {
    fn default() -> Self {
        WordSieve { lengths: Box::new([0; 256]), pairs: Box::new([0; 1024]) }
    }
}

impl WordSieve {
    fn length_bit(len: usize) -> u32 {
        1 << len.min(31)
    }

    fn pair(b: &[u8]) -> usize {
        usize::from(b[0]) << 8 | usize::from(b.get(1).copied().unwrap_or(0))
    }

    /// Lets `word` through.
    pub fn add(&mut self, word: &str) {
        let b = word.as_bytes();
        if let Some(&first) = b.first() {
            self.lengths[usize::from(first)] |= Self::length_bit(b.len());
            let k = Self::pair(b);
            self.pairs[k >> 6] |= 1 << (k & 63);
        }
    }

    /// False when `word` is surely not in the set.
    #[inline]
    pub fn may_contain(&self, word: &str) -> bool {
        let b = word.as_bytes();
        let Some(&first) = b.first() else { return false };
        let k = Self::pair(b);
        self.lengths[usize::from(first)] & Self::length_bit(b.len()) != 0
            && self.pairs[k >> 6] & (1 << (k & 63)) != 0
    }
}

/// A Bloom filter of words by their [`word_hash`]: two bits a word in
/// 4,096, so that a statement's word, hashed once, is turned away from
/// a set it is not in by two bit reads, whatever the set's size.
#[derive(Debug, Clone)]
pub struct WordBloom {
    bits: Box<[u64; 64]>,
}

impl Default for WordBloom {
    fn default() -> Self {
        WordBloom { bits: Box::new([0; 64]) }
    }
}

impl WordBloom {
    #[inline]
    fn positions(hash: u64) -> (usize, usize) {
        // The multiplicative hash's high bits are its best.
        ((hash >> 52) as usize, (hash >> 40) as usize & 4095)
    }

    /// Lets `word` through.
    pub fn add(&mut self, word: &str) {
        let (a, b) = Self::positions(word_hash(word));
        self.bits[a >> 6] |= 1 << (a & 63);
        self.bits[b >> 6] |= 1 << (b & 63);
    }

    /// False when the word of `hash` is surely not in the set.
    #[inline]
    pub fn may_contain(&self, hash: u64) -> bool {
        let (a, b) = Self::positions(hash);
        self.bits[a >> 6] & (1 << (a & 63)) != 0 && self.bits[b >> 6] & (1 << (b & 63)) != 0
    }
}

/// A map from words to values with a [`WordBloom`] before its hash
/// look-up: a statement's word, its hash at hand, is turned away by two bit
/// reads from a map it is not in.
#[derive(Debug, Clone)]
pub struct WordMap<V> {
    map: rustc_hash::FxHashMap<String, V>,
    bloom: WordBloom,
}

impl<V> Default for WordMap<V> {
    fn default() -> Self {
        WordMap { map: Default::default(), bloom: WordBloom::default() }
    }
}

impl<V> WordMap<V> {
    /// The value of `key`, made with `Default` when new.
    pub fn entry(&mut self, key: String) -> &mut V
    where
        V: Default,
    {
        self.bloom.add(&key);
        self.map.entry(key).or_default()
    }

    /// The value of `key`, whose [`word_hash`] is `hash`.
    #[inline]
    pub fn get_hashed(&self, key: &str, hash: u64) -> Option<&V> {
        if self.bloom.may_contain(hash) {
            self.map.get(key)
        } else {
            None
        }
    }

    /// The value of a statement's word.
    #[inline]
    pub fn get_word(&self, word: &Word) -> Option<&V> {
        // The filter first: reading the word's text out of its inline
        // string costs more than the two bits most words stop at.
        if self.bloom.may_contain(word.hash) {
            self.map.get(word.text.as_str())
        } else {
            None
        }
    }
}

/// A set of words with quick tests before its hash look-up: a
/// [`WordBloom`] for a statement's words (their hash at hand), a
/// [`WordSieve`] for bare strings.
#[derive(Debug, Clone, Default)]
pub struct WordSet {
    words: WordMap<()>,
    sieve: WordSieve,
}

impl WordSet {
    /// Adds a word.
    pub fn insert(&mut self, word: String) {
        self.sieve.add(&word);
        self.words.entry(word);
    }

    /// Whether `word` is in the set.
    #[inline]
    pub fn contains(&self, word: &str) -> bool {
        self.sieve.may_contain(word) && self.words.map.contains_key(word)
    }

    /// Whether a statement's word is in the set.
    #[inline]
    pub fn contains_word(&self, word: &Word) -> bool {
        self.words.get_word(word).is_some()
    }
}

impl FromIterator<String> for WordSet {
    fn from_iter<I: IntoIterator<Item = String>>(iter: I) -> Self {
        let mut set = WordSet::default();
        for w in iter {
            set.insert(w);
        }
        set
    }
}

/// One piece of a cue phrase.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Piece {
    /// A word and its [`word_hash`], compared before the text: most
    /// statement words that reach a piece differ from it.
    Word(String, u64),
    /// Up to four words of anything.
    Gap,
}

/// A set of cue phrases, each with a payload, matched on words.
#[derive(Debug, Clone)]
pub struct PhraseSet<T> {
    phrases: Vec<(Vec<Piece>, T)>,
    by_first: WordMap<Vec<usize>>,
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
        PhraseSet { phrases: Vec::new(), by_first: WordMap::default() }
    }
}

impl<T> PhraseSet<T> {
    /// Adds a phrase ("reaffirmed * commitment").
    pub fn add(&mut self, phrase: &str, payload: T) {
        let pieces: Vec<Piece> = words_of_phrase(phrase);
        let Some(Piece::Word(first, _)) = pieces.first().cloned() else { return };
        self.by_first.entry(first).push(self.phrases.len());
        self.phrases.push((pieces, payload));
    }

    /// Every phrase matching at word `i`.
    fn matching<'a, 'w>(
        &'a self,
        words: &'w [Word],
        i: usize,
    ) -> impl Iterator<Item = PhraseHit<'a, T>> + use<'a, 'w, T> {
        let ids = self.by_first.get_word(&words[i]).map_or(&[][..], Vec::as_slice);
        ids.iter().filter_map(move |&id| {
            let (pieces, payload) = &self.phrases[id];
            match_from(pieces, words, i).map(|last| PhraseHit { first: i, last, payload })
        })
    }

    /// The longest phrase matching at word `i`.
    pub fn longest_at<'a>(&'a self, words: &[Word], i: usize) -> Option<PhraseHit<'a, T>> {
        self.matching(words, i).max_by_key(|h| h.last)
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
        .map(|w| {
            if w == "*" {
                Piece::Gap
            } else {
                let w = w.to_lowercase().replace('’', "'");
                let hash = word_hash(&w);
                Piece::Word(w, hash)
            }
        })
        .collect()
}

/// Matches pieces from word `i`; returns one past the last word matched.
fn match_from(pieces: &[Piece], words: &[Word], i: usize) -> Option<usize> {
    match pieces.split_first() {
        None => Some(i),
        Some((Piece::Word(w, hash), rest)) => {
            if words.get(i).is_some_and(|x| x.hash == *hash && x.text == *w) {
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
    fn word_sets_and_their_sieve() {
        let set: WordSet = ["will", "shall", "pledged", "a"].map(String::from).into_iter().collect();
        for w in ["will", "shall", "pledged", "a"] {
            assert!(set.contains(w), "{w}");
        }
        // The same first bytes or lengths as a member are not membership.
        for w in ["wilt", "shale", "pledges", "b", "", "willing", "an"] {
            assert!(!set.contains(w), "{w}");
        }
        // A statement's words, hashed once, get the same answers.
        for w in words("We WILL, as the Pledged ones shall, wilt a willing shale.") {
            assert_eq!(set.contains_word(&w), set.contains(&w.text), "{}", w.text);
        }
        let mut bloom = WordBloom::default();
        bloom.add("energy");
        assert!(bloom.may_contain(word_hash("energy")));
        let mut sieve = WordSieve::default();
        sieve.add("energy");
        assert!(sieve.may_contain("energy"));
        assert!(!sieve.may_contain("enemy"), "another length");
        assert!(!sieve.may_contain("eaglet"), "other first two bytes");
    }

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
