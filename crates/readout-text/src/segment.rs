//! Segmentation: blocks to statements (sentences) with exact spans.
//!
//! A sentence ends at `.`, `!`, `?` or `…` (with any closing quotes and
//! brackets after it) when white space and a capital, digit or opening quote
//! follow. A full stop does not end a sentence after an initial ("Donald J.
//! Trump"), after a title or a month abbreviation ("Mr.", "No.", "Nov."), or
//! inside a number or name ("$1.6 billion", "S.-Japan"). After an
//! abbreviation that may end a sentence ("U.S.", "etc.") it does so only
//! before a word that starts a sentence rather than continues a name: "the
//! U.S. Trade and Development Agency" stays whole, "by Japan and the U.S.
//! Procurement of …" splits. The word lists are in `data/segment.toml`.

use crate::clean::{BlockKind, Cleaned};
use crate::span::Span;
use readout_lexicon::Lexicon;
use serde::Serialize;
use std::collections::HashSet;

/// One statement: a sentence of a block.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Sentence {
    /// The sentence in the cleaned text.
    pub span: Span,
    /// The index of its block.
    pub block: usize,
}

/// The segmentation stage, with its word lists compiled.
#[derive(Debug, Clone)]
pub struct Segmenter {
    never_final: HashSet<String>,
    maybe_final: HashSet<String>,
    name_words: HashSet<String>,
    starters: HashSet<String>,
}

impl Segmenter {
    /// Compiles the segmentation words of `lexicon`.
    pub fn new(lexicon: &Lexicon) -> Segmenter {
        let s = &lexicon.segment;
        let set = |v: &Vec<String>| v.iter().cloned().collect::<HashSet<_>>();
        Segmenter {
            never_final: set(&s.never_final),
            maybe_final: set(&s.maybe_final),
            name_words: set(&s.name_words),
            starters: set(&s.sentence_starters),
        }
    }

    /// The sentences of every block that holds statements, in order.
    pub fn segment(&self, cleaned: &Cleaned) -> Vec<Sentence> {
        let mut out = Vec::new();
        for (i, block) in cleaned.blocks.iter().enumerate() {
            if block.kind == BlockKind::Heading || block.body.is_empty() {
                continue;
            }
            for span in self.sentences(&cleaned.text, block.body) {
                out.push(Sentence { span, block: i });
            }
        }
        out
    }

    /// Splits `body` of `text` into trimmed sentence spans.
    pub fn sentences(&self, text: &str, body: Span) -> Vec<Span> {
        let s = body.of(text);
        let b = s.as_bytes();
        let mut out = Vec::new();
        let mut start = 0;
        let mut i = 0;
        // The next "…" (E2 80 A6) at or after `i`, looked for again only
        // once passed.
        const ELLIPSIS: &[u8] = "…".as_bytes();
        let mut ellipsis = memchr::memmem::find(b, ELLIPSIS);
        while i < b.len() {
            if ellipsis.is_some_and(|e| e < i) {
                ellipsis = memchr::memmem::find(&b[i..], ELLIPSIS).map(|k| i + k);
            }
            let stop = memchr::memchr3(b'.', b'!', b'?', &b[i..]).map(|k| i + k);
            let (at, width) = match (stop, ellipsis) {
                (Some(d), Some(e)) if e < d => (e, 3),
                (Some(d), _) => (d, 1),
                (None, Some(e)) => (e, 3),
                (None, None) => break,
            };
            i = at;
            let c = b[i];
            let mut j = i + width;
            // More terminators and closing marks belong to this sentence.
            while j < b.len() {
                let rest = &s[j..];
                let Some(ch) = rest.chars().next() else { break };
                if matches!(ch, '.' | '!' | '?' | '…' | '"' | '\'' | '”' | '’' | ')' | ']' | '»') {
                    j += ch.len_utf8();
                } else {
                    break;
                }
            }
            if self.ends_here(s, i, j, c) {
                push_trimmed(&mut out, s, start, j, body.start);
                start = j;
            }
            i = j.max(i + 1);
        }
        push_trimmed(&mut out, s, start, s.len(), body.start);
        out
    }

    /// Whether the terminator at `i` (its run ending at `j`) ends a sentence.
    fn ends_here(&self, s: &str, i: usize, j: usize, terminator: u8) -> bool {
        let after = &s[j..];
        let gap = after.len() - after.trim_start().len();
        if j < s.len() && gap == 0 {
            return false; // "1.6", "U.S.-Japan", "S.-Japan"
        }
        let next = after.trim_start();
        let Some(first) = next.chars().next() else {
            return true;
        };
        let opens = matches!(first, '"' | '“' | '‘' | '\'' | '(' | '[' | '«');
        let lead = if opens { next[first.len_utf8()..].chars().next().unwrap_or(' ') } else { first };
        if !(lead.is_uppercase() || lead.is_ascii_digit()) {
            return false;
        }
        if terminator != b'.' || j > i + 1 && s[i..j].starts_with("..") {
            return true;
        }
        // "Japan-U.S." ends in the abbreviation "U.S.".
        let word = word_before(s, i);
        let word = word.rsplit(['-', '–', '/']).next().unwrap_or(word);
        if word.is_empty() {
            return true;
        }
        let letters: Vec<char> = word.chars().filter(|c| c.is_alphabetic()).collect();
        // An initial: "J." in "Donald J. Trump".
        if letters.len() == 1 && word.chars().count() == 1 && letters[0].is_uppercase() {
            return false;
        }
        if self.never_final.contains(word) {
            return false;
        }
        let dotted = word.contains('.') && letters.len() <= 5;
        if self.maybe_final.contains(word) || dotted {
            return self.starts_sentence(next);
        }
        true
    }

    /// After an abbreviation: does `next` start a new sentence?
    fn starts_sentence(&self, next: &str) -> bool {
        let mut words = next.split_whitespace();
        let Some(w1) = words.next() else { return true };
        let w1 = w1.trim_matches(|c: char| !c.is_alphanumeric() && c != '-' && c != '\'');
        if self.starters.contains(w1) {
            return true;
        }
        if self.name_words.contains(w1) || w1.chars().all(|c| !c.is_lowercase()) {
            return false;
        }
        // A capitalised common word followed by a lower-case word reads as a
        // sentence start ("Procurement of …"); a name goes on in capitals.
        match words.next() {
            Some(w2) => w2.starts_with(|c: char| c.is_lowercase() || c.is_ascii_digit()),
            None => true,
        }
    }
}

/// The word that a terminator at `i` closes, without the terminator and
/// without opening punctuation: "U.S" for "the U.S.", "Abe" for "(Abe.".
fn word_before(s: &str, i: usize) -> &str {
    let head = &s[..i];
    let start =
        head.char_indices().rev().find(|&(_, c)| c.is_whitespace()).map_or(0, |(k, c)| k + c.len_utf8());
    head[start..].trim_start_matches(['(', '[', '"', '“', '‘', '\'', '«'])
}

fn push_trimmed(out: &mut Vec<Span>, s: &str, start: usize, end: usize, offset: usize) {
    let piece = &s[start..end];
    let lead = piece.len() - piece.trim_start().len();
    let trimmed = piece.trim();
    if trimmed.chars().any(char::is_alphanumeric) {
        let a = start + lead;
        out.push(Span::new(offset + a, offset + a + trimmed.len()));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(s: &str) -> Vec<String> {
        let seg = Segmenter::new(&Lexicon::builtin().unwrap());
        seg.sentences(s, Span::new(0, s.len())).into_iter().map(|sp| sp.of(s).to_string()).collect()
    }

    #[test]
    fn keeps_abbreviations_numbers_and_names_whole() {
        for s in [
            "President Donald J. Trump met Mr. Abe and Dr. Lee at No. 10 on Nov. 6 and Jan. 3.",
            "The U.S. Trade and Development Agency signed a memorandum with the U.N. Security Council.",
            "S.-Japan cooperation provides the basis for progress in Washington, D.C. and beyond.",
            "Japan procures the SM-3 Block 2A interceptor and a $1.6 billion plant growing 8.9 percent.",
            "He vowed to \"work with Prime Minister Abe… and see if we can bring them back.\"",
            "They met, etc. and then left.",
            "The U.S. military and U.S. Forces Japan held drills.",
            "The Japan-U.S. Strategic Energy Partnership (JUSEP) is deepening cooperation.",
            "They vowed to strengthen the Japan-U.S. Alliance, the cornerstone of peace.",
            "Both attended the India-U.S. Summit and the Korea-U.S. Dialogue.",
            "WOODSIDE, Calif. (AP) — The two presidents met on Wednesday.",
        ] {
            assert_eq!(split(s), vec![s.to_string()], "{s}");
        }
    }

    #[test]
    fn splits_where_a_sentence_starts() {
        assert_eq!(
            split("It will procure the SM-3 jointly developed by Japan and the U.S. Procurement of equipment from the U.S. will continue to be important."),
            vec![
                "It will procure the SM-3 jointly developed by Japan and the U.S.",
                "Procurement of equipment from the U.S. will continue to be important."
            ]
        );
        assert_eq!(
            split("The Japanese side explained: “The ratio has dropped to around 9%. Direct hires have reached 860,000.”"),
            vec![
                "The Japanese side explained: “The ratio has dropped to around 9%.",
                "Direct hires have reached 860,000.”"
            ]
        );
        assert_eq!(
            split("Trade grew! Did jobs grow? Yes. \"Quoted start.\" (Bracketed.) 2019 was good."),
            vec![
                "Trade grew!",
                "Did jobs grow?",
                "Yes.",
                "\"Quoted start.\"",
                "(Bracketed.)",
                "2019 was good."
            ]
        );
        assert_eq!(
            split("He spoke in the U.S. The leaders then met."),
            vec!["He spoke in the U.S.", "The leaders then met."]
        );
    }

    #[test]
    fn no_split_before_lower_case() {
        assert_eq!(
            split("\"We will win.\" he said. Then he left."),
            vec!["\"We will win.\" he said.", "Then he left."]
        );
    }
}
