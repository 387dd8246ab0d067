//! The alias index: every name, person, body and demonym of
//! `data/actors.toml`, found in a text in one pass.

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use readout_lexicon::Lexicon;

/// What an alias names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum AliasKind {
    /// A country's name or capital.
    Name,
    /// A demonym ("Japanese").
    Adjective,
    /// A person.
    Person,
    /// A ministry, agency, force or company.
    Body,
    /// A plural subject standing for all parties ("the two leaders").
    Plural,
    /// A bare title ("President").
    Title,
    /// An international organisation.
    Organisation,
}

/// An alias found in a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AliasHit {
    /// Byte range in the text.
    pub start: usize,
    /// End of that range.
    pub end: usize,
    /// The country, for country aliases.
    pub country: Option<&'static str>,
    /// What the alias names.
    pub kind: AliasKind,
}

/// All aliases, compiled.
#[derive(Debug, Clone)]
pub struct AliasIndex {
    automaton: AhoCorasick,
    entries: Vec<Entry>,
}

/// What a pattern of the automaton stands for.
#[derive(Debug, Clone, Copy)]
struct Entry {
    country: Option<&'static str>,
    kind: AliasKind,
    /// A surname taken from a title and name ("Moon" from "President
    /// Moon"): a person only in a text that names that person in full,
    /// and never after "the" ("the Moon").
    surname: bool,
}

impl AliasIndex {
    /// Compiles the actor aliases of `lexicon`.
    pub fn new(lexicon: &Lexicon) -> AliasIndex {
        let mut patterns: Vec<String> = Vec::new();
        let mut entries = Vec::new();
        let mut push = |alias: &str, country: Option<&'static str>, kind: AliasKind| {
            if !alias.trim().is_empty() {
                patterns.push(alias.to_string());
                entries.push(Entry { country, kind, surname: false });
            }
        };
        let titles = &lexicon.actors.titles.aliases;
        let mut surnames: Vec<(String, &'static str)> = Vec::new();
        for c in &lexicon.actors.country {
            // Codes live as long as the index: leak the few distinct ones.
            let code: &'static str = intern(&c.code);
            for a in &c.names {
                push(a, Some(code), AliasKind::Name);
            }
            for a in &c.adjectives {
                push(a, Some(code), AliasKind::Adjective);
            }
            for a in &c.people {
                push(a, Some(code), AliasKind::Person);
                // "President Moon": the press writes "Moon" once the
                // text has named him.
                if let Some(name) = titles.iter().find_map(|t| a.strip_prefix(t.as_str())?.strip_prefix(' '))
                {
                    if !name.contains(' ') && name.chars().next().is_some_and(char::is_uppercase) {
                        surnames.push((name.to_string(), code));
                    }
                }
                // Japanese government texts write surnames in capitals
                // ("Mr. KISHIDA Fumio").
                if !a.contains(' ') && a.chars().count() >= 3 && a.chars().any(char::is_lowercase) {
                    push(&a.to_uppercase(), Some(code), AliasKind::Person);
                }
            }
            for a in &c.bodies {
                push(a, Some(code), AliasKind::Body);
            }
        }
        for a in &lexicon.actors.plural.aliases {
            push(a, None, AliasKind::Plural);
        }
        for a in &lexicon.actors.titles.aliases {
            push(a, None, AliasKind::Title);
        }
        for a in &lexicon.actors.organisation.aliases {
            push(a, None, AliasKind::Organisation);
        }
        for (name, code) in surnames {
            if !patterns.contains(&name) {
                patterns.push(name);
                entries.push(Entry { country: Some(code), kind: AliasKind::Person, surname: true });
            }
        }
        let automaton = AhoCorasickBuilder::new()
            .match_kind(MatchKind::LeftmostLongest)
            .kind(Some(aho_corasick::AhoCorasickKind::DFA))
            .build(&patterns)
            .expect("alias automaton builds");
        AliasIndex { automaton, entries }
    }

    /// Every alias in `text` that stands as whole words, leftmost-longest.
    pub fn find(&self, text: &str) -> Vec<AliasHit> {
        let mut out = Vec::new();
        let mut surname = Vec::new();
        for m in self.automaton.find_iter(text) {
            let (start, end) = (m.start(), m.end());
            if !boundary_before(text, start) || !boundary_after(text, end) {
                continue;
            }
            let e = self.entries[m.pattern().as_usize()];
            out.push(AliasHit { start, end, country: e.country, kind: e.kind });
            surname.push(e.surname);
        }
        if !surname.contains(&true) {
            return out;
        }
        // The people named in full: a surname stands for one of them.
        let full: Vec<&str> = out
            .iter()
            .zip(&surname)
            .filter(|(h, &s)| h.kind == AliasKind::Person && !s)
            .map(|(h, _)| &text[h.start..h.end])
            .collect();
        let named = |h: &AliasHit| {
            let name = &text[h.start..h.end];
            let before = text[..h.start].trim_end().rsplit(|c: char| !c.is_alphabetic()).next();
            !before.is_some_and(|w| w.eq_ignore_ascii_case("the"))
                && full.iter().any(|f| f.split([' ', '-']).any(|w| w == name))
        };
        out.into_iter().zip(surname).filter(|(h, s)| !s || named(h)).map(|(h, _)| h).collect()
    }

    /// Whether `text` is names and nothing more ("The White House",
    /// "Ministry of External Affairs, Government of India"): a site's name
    /// above a page.
    pub fn is_only_a_name(&self, text: &str) -> bool {
        let text = text.trim();
        let hits = self.find(text);
        // What may stand between names: punctuation, and a "The" before one.
        let separator = |gap: &str| {
            let gap = gap.trim_end();
            let gap = gap.strip_suffix("The").unwrap_or(gap);
            gap.chars().all(|c| c.is_whitespace() || ",|-–—·•:/".contains(c))
        };
        let mut at = 0;
        for h in &hits {
            if !matches!(h.kind, AliasKind::Body | AliasKind::Name | AliasKind::Organisation)
                || !separator(&text[at..h.start])
            {
                return false;
            }
            at = h.end;
        }
        !hits.is_empty() && separator(&text[at..])
    }

    /// The country a speaker label or attribution names ("Abe", "Prime
    /// Minister Abe", "President Donald J. Trump", "the Japanese side").
    pub fn country_of_label(&self, label: &str) -> Option<&'static str> {
        let hits = self.find(label);
        let mut countries = hits.iter().filter_map(|h| h.country);
        let first = countries.next()?;
        countries.all(|c| c == first).then_some(first)
    }
}

/// Groups of countries that speak as one ("Group of Seven"), and their
/// members (`data/actors.toml`, `[[group]]`).
#[derive(Debug, Clone)]
pub struct GroupIndex {
    /// Every group's names; pattern `k` names group `of[k]`.
    automaton: Option<AhoCorasick>,
    of: Vec<usize>,
    members: Vec<Vec<&'static str>>,
}

impl GroupIndex {
    /// Compiles the groups of `lexicon`.
    pub fn new(lexicon: &Lexicon) -> GroupIndex {
        let (mut patterns, mut of, mut members) = (Vec::new(), Vec::new(), Vec::new());
        for group in &lexicon.actors.group {
            for alias in group.aliases.iter().filter(|a| !a.is_empty()) {
                patterns.push(alias.as_str());
                of.push(members.len());
            }
            members.push(group.members.iter().map(|m| intern(m)).collect());
        }
        let automaton =
            AhoCorasickBuilder::new().match_kind(MatchKind::LeftmostLongest).build(&patterns).ok();
        GroupIndex { automaton, of, members }
    }

    /// The members of the first group `text` names as whole words.
    pub fn members_named_in(&self, text: &str) -> Option<&[&'static str]> {
        self.automaton
            .as_ref()?
            .find_iter(text)
            .find(|m| boundary_before(text, m.start()) && boundary_after(text, m.end()))
            .map(|m| self.members[self.of[m.pattern().as_usize()]].as_slice())
    }
}

/// The one copy of a country code, for the life of the program.
pub(crate) fn intern(code: &str) -> &'static str {
    use std::collections::HashMap;
    use std::sync::{Mutex, OnceLock};
    static CODES: OnceLock<Mutex<HashMap<String, &'static str>>> = OnceLock::new();
    let map = CODES.get_or_init(|| Mutex::new(HashMap::new()));
    let mut map = map.lock().unwrap_or_else(|e| e.into_inner());
    if let Some(c) = map.get(code) {
        return c;
    }
    let leaked: &'static str = Box::leak(code.to_string().into_boxed_str());
    map.insert(code.to_string(), leaked);
    leaked
}

fn boundary_before(text: &str, start: usize) -> bool {
    // "U.S.-Japan" and "Japan-America" name both countries.
    text[..start].chars().next_back().is_none_or(|c| !c.is_alphanumeric())
}

fn boundary_after(text: &str, end: usize) -> bool {
    let mut rest = text[end..].chars();
    match rest.next() {
        None => true,
        // "Japan-U.S." and "Japan's" keep the alias; "Japanese" after
        // "Japan" does not match (a letter follows).
        Some(c) => !c.is_alphanumeric(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_aliases_as_whole_words() {
        let idx = AliasIndex::new(&Lexicon::builtin().unwrap());
        let text = "Prime Minister Abe and President Trump met Japanese and U.S. officials; the USTDA and Japan's METI; Abeno, USTDAx.";
        let hits: Vec<(&str, Option<&str>)> =
            idx.find(text).iter().map(|h| (&text[h.start..h.end], h.country)).collect();
        assert!(hits.contains(&("Abe", Some("JPN"))));
        assert!(hits.contains(&("Trump", Some("USA"))));
        assert!(hits.contains(&("Japanese", Some("JPN"))));
        assert!(hits.contains(&("U.S.", Some("USA"))));
        assert!(hits.contains(&("USTDA", Some("USA"))));
        assert!(hits.contains(&("Japan", Some("JPN"))));
        assert!(hits.contains(&("METI", Some("JPN"))));
        assert!(!hits.iter().any(|(t, _)| t.starts_with("Abeno") || *t == "USTDAx"));
        let pair = "The U.S.-Japan Alliance and the Japan-America Society";
        let countries: Vec<_> = idx.find(pair).iter().filter_map(|h| h.country).collect();
        assert_eq!(countries, ["USA", "JPN", "JPN", "USA"]);
    }

    #[test]
    fn a_surname_after_the_full_name() {
        let idx = AliasIndex::new(&Lexicon::builtin().unwrap());
        let people = |text: &str| -> Vec<(String, Option<&str>)> {
            idx.find(text)
                .into_iter()
                .filter(|h| h.kind == AliasKind::Person)
                .map(|h| (text[h.start..h.end].to_string(), h.country))
                .collect()
        };
        let named = "President Moon Jae-in arrived. Moon met Biden; NASA plans to return to the Moon.";
        let found = people(named);
        assert!(found.contains(&("Moon".to_string(), Some("KOR"))), "{found:?}");
        assert_eq!(found.iter().filter(|(t, _)| t == "Moon").count(), 1, "not 'the Moon': {found:?}");
        // Without the full name "Moon" is no one.
        assert!(people("Astronauts will walk on Moon soil.").is_empty());
    }

    #[test]
    fn only_a_name() {
        let idx = AliasIndex::new(&Lexicon::builtin().unwrap());
        assert!(idx.is_only_a_name("The White House"));
        assert!(idx.is_only_a_name("Ministry of Foreign Affairs of Japan"));
        assert!(!idx.is_only_a_name("Japan-Philippines Summit Meeting"));
        assert!(!idx.is_only_a_name("The White House and Japan"));
        assert!(!idx.is_only_a_name("President Trump"), "a person is a headline's subject");
        // Names with separators only: a site's line.
        assert!(idx.is_only_a_name("Ministry of External Affairs, Government of India"));
        assert!(idx.is_only_a_name("The White House | Washington"));
        assert!(!idx.is_only_a_name("Visit of Prime Minister to Japan"));
    }

    #[test]
    fn labels() {
        let idx = AliasIndex::new(&Lexicon::builtin().unwrap());
        assert_eq!(idx.country_of_label("Abe"), Some("JPN"));
        assert_eq!(idx.country_of_label("Trump"), Some("USA"));
        assert_eq!(idx.country_of_label("President Donald J. Trump"), Some("USA"));
        assert_eq!(idx.country_of_label("Prime Minister Narendra Modi"), Some("IND"));
        assert_eq!(idx.country_of_label("Note"), None);
    }
}
