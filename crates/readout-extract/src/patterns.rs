//! A set of regular expressions searched in one pass over a whole text,
//! for the document-wide cues (publishers, dated events).

use regex_automata::meta::{self, Regex};
use regex_automata::{Input, MatchKind, PatternSet as Matched};

/// Patterns compiled into one automaton, on bytes with ASCII classes.
///
/// `regex::RegexSet` would search with a literal prefilter first; for cue
/// names written case-insensitively ("(?i)un general assembly") the
/// prefilter's literals are as common as "un", and the search runs slower
/// with it than the automaton alone.
#[derive(Debug, Clone)]
pub struct PatternSet {
    regex: Regex,
}

impl PatternSet {
    /// Compiles `patterns`; the error names the first that does not compile.
    pub fn new<P: AsRef<str>>(patterns: &[P]) -> Result<PatternSet, Box<meta::BuildError>> {
        let regex = Regex::builder()
            .configure(Regex::config().auto_prefilter(false).match_kind(MatchKind::All))
            .syntax(regex_automata::util::syntax::Config::new().unicode(false).utf8(false))
            .build_many(patterns)
            .map_err(Box::new)?;
        Ok(PatternSet { regex })
    }

    /// Whether one pattern compiles on its own.
    pub fn compiles(pattern: &str) -> bool {
        PatternSet::new(&[pattern]).is_ok()
    }

    /// How many patterns the set holds.
    pub fn len(&self) -> usize {
        self.regex.pattern_len()
    }

    /// True when the set holds no pattern.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// True when some pattern matches somewhere in `text`.
    pub fn is_match(&self, text: &str) -> bool {
        self.regex.is_match(Input::new(text.as_bytes()))
    }

    /// The indices of the patterns that match somewhere in `text`, in
    /// ascending order.
    pub fn matches(&self, text: &str) -> Vec<usize> {
        let mut matched = Matched::new(self.regex.pattern_len());
        self.regex.which_overlapping_matches(&Input::new(text.as_bytes()), &mut matched);
        matched.iter().map(|p| p.as_usize()).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_pattern_that_matches() {
        let set = PatternSet::new(&["(?i)fact sheet", r"\bUN\b", "White House", "^Joint"]).unwrap();
        assert_eq!(set.len(), 4);
        assert_eq!(set.matches("FACT SHEET: the White House and the UN"), [0, 1, 2]);
        assert_eq!(set.matches("Joint statement; unless"), [3]);
        assert!(set.matches("a joint UNGA session").is_empty());
        assert!(set.is_match("the white house\nFact Sheet"));
        assert!(!set.is_match(""));
        // Non-ASCII text is searched too, byte by byte.
        assert_eq!(set.matches("Japan–U.S. Fact Sheet — “UN”"), [0, 1]);
        assert!(!PatternSet::compiles("(unclosed"));
        assert!(PatternSet::new::<&str>(&[]).unwrap().is_empty());
    }
}
