//! Actors: the countries on the agent side of a statement.
//!
//! The agent is the subject of the deciding clause (the words between the
//! main clause's start and its verb), read through the alias index. What
//! stands after a locative preposition ("in the U.S.") is a place, and what
//! follows the verb is the object ("sanctions against North Korea"), except
//! for parties named after "with" in a signing or a joint act ("signed … with
//! JBIC", "conducted joint exercises with Japan"). Without a country in the
//! subject: a passive's "by" agent, a pronoun's antecedent (the previous
//! statement's actors), the speaker for "we" and "I", and the document's
//! principal parties for plural subjects ("the two leaders"), for joint
//! undertakings ("This cooperation …") and for verbless list items. A bare
//! title ("the President") stands for the country of the person the
//! document names with that title.

use crate::aliases::{AliasHit, AliasKind};
use crate::kinds::Classified;
use crate::words::{Word, WordSet};
use readout_lexicon::Lexicon;
use rustc_hash::FxHashMap as HashMap;

/// A country, as its ISO 3166-1 alpha-3 code (interned: codes live as
/// long as the lexicon's index).
pub type Country = &'static str;

/// What the document around a statement tells about its actors.
#[derive(Debug, Clone)]
pub struct ActorContext<'a> {
    /// The speaker's country, for a speaker turn or an epigraph.
    pub speaker: Option<Country>,
    /// The previous statement's actors, for pronouns.
    pub previous: &'a [Country],
    /// The document's principal parties.
    pub principals: &'a [Country],
    /// Who bare titles stand for.
    pub titles: &'a TitleIndex,
    /// The statement's byte offset in the cleaned text.
    pub at: usize,
    /// The last statement with two or more actors, for "they".
    pub previous_plural: &'a [Country],
    /// The publisher's country, for "we" in a government's text.
    pub publisher_country: Option<Country>,
    /// The document speaks for all its parties ("Joint Statement", "We,
    /// the leaders of …"): "we" is every principal party.
    pub joint: bool,
}

/// The actor rules' word lists, compiled.
#[derive(Debug, Clone)]
pub struct ActorRules {
    locative: WordSet,
    anaphora: WordSet,
    first_person: WordSet,
    signing: WordSet,
    joint_markers: WordSet,
    reciprocal: WordSet,
    /// The reciprocal cues of two words ("each other"), as word pairs.
    reciprocal_pairs: Vec<(String, String)>,
    joint_subjects: WordSet,
    /// Forms of address between a title and a name ("Shri", "H.E.").
    address: WordSet,
    /// Verbs whose object is the other party ("met", "hosted").
    partner_verbs: WordSet,
    meeting_verbs: WordSet,
    /// Month and weekday names, as written: capitalised, yet no person's
    /// name after a title ("the President Monday announced").
    calendar: WordSet,
}

const DETERMINERS: [&str; 10] = ["the", "a", "an", "its", "their", "our", "his", "her", "this", "these"];
const BE: [&str; 8] = ["is", "are", "was", "were", "be", "been", "being", "has"];

impl ActorRules {
    /// Compiles the actor word lists of `lexicon`.
    pub fn new(lexicon: &Lexicon) -> ActorRules {
        let set = |name: &str| -> WordSet {
            lexicon.cues.lists.get(name).map(|v| v.iter().cloned().collect()).unwrap_or_default()
        };
        ActorRules {
            locative: set("locative"),
            anaphora: set("anaphora"),
            first_person: set("first_person"),
            signing: set("signing"),
            joint_markers: set("joint_markers"),
            reciprocal: set("reciprocal"),
            reciprocal_pairs: lexicon
                .cues
                .lists
                .get("reciprocal")
                .into_iter()
                .flatten()
                .filter_map(|p| p.to_lowercase().split_once(' ').map(|(a, b)| (a.to_string(), b.to_string())))
                .collect(),
            joint_subjects: set("joint_subjects"),
            address: set("forms_of_address"),
            partner_verbs: set("partner_verbs"),
            meeting_verbs: set("meeting_verbs"),
            calendar: lexicon
                .dates
                .months
                .iter()
                .flatten()
                .cloned()
                .chain(crate::dates::WEEKDAYS.iter().map(|(name, _)| name.to_string()))
                .collect(),
        }
    }

    /// A form of address before a name: "Mr.", "Dr", "H.E.", "Shri".
    fn is_form_of_address(&self, word: &str) -> bool {
        let w = word.trim_end_matches('.');
        HONORIFICS.contains(&w) || self.address.contains(&w.to_lowercase())
    }

    /// Whether only forms of address (or nothing) stand between a title
    /// ending at `from` and a name starting at `to`.
    fn address_gap(&self, text: &str, from: usize, to: usize) -> bool {
        from <= to && text[from..to].split_whitespace().all(|w| self.is_form_of_address(w))
    }

    /// A title before a name readout does not know ("President Thuong" of
    /// a country whose leaders are not in the lexicon): the name's, not the
    /// bare title's.
    fn before_unknown_name(&self, text: &str, end: usize) -> bool {
        let Some(rest) = text[end..].strip_prefix(' ') else { return false };
        let word: &str = rest.split(|c: char| !c.is_alphabetic()).next().unwrap_or("");
        word.len() >= 2
            && word.starts_with(char::is_uppercase)
            && word.chars().skip(1).all(char::is_lowercase)
            && !self.calendar.contains(word)
    }

    /// The statement's actors, in order of first mention.
    pub fn actors(
        &self,
        text: &str,
        words: &[Word],
        class: &Classified,
        hits: &[AliasHit],
        ctx: &ActorContext<'_>,
    ) -> Vec<Country> {
        let mut out = Vec::new();
        let subject = self.subject_range(text, words, class);
        let subject_words: Vec<&Word> =
            words.iter().filter(|w| w.start >= subject.0 && w.end <= subject.1).collect();
        let countries: Vec<Country> = without_relative_clause(text, subject)
            .into_iter()
            .flat_map(|range| self.countries_in(text, words, hits, range, ctx))
            .collect();
        let first =
            subject_words.iter().find(|w| !DETERMINERS.contains(&w.text.as_str())).map(|w| w.text.as_str());
        // Read only for a "we" (below): most statements have none.
        let reciprocal = || {
            words.iter().any(|w| self.reciprocal.contains_word(w))
                || words
                    .windows(2)
                    .any(|p| self.reciprocal_pairs.iter().any(|(a, b)| p[0].text == a && p[1].text == b))
        };

        // Inside a frame ("Toyota announced that by 2021 it will invest"), a
        // clause without a country of its own speaks of the framer.
        let framer = class.frame.and_then(|f| {
            let from = words.get(class.main_start).map_or(0, |w| w.start);
            let found = self.countries_in(text, words, hits, (from, words[f].start), ctx);
            (!found.is_empty()).then_some(found)
        });
        let pronoun = subject_words.iter().any(|w| self.anaphora.contains_word(w));
        // "Biden said he and Xi agreed": the framer is one of the subjects.
        let framer_too = framer.is_some()
            && subject_words.iter().any(|w| matches!(w.text.as_str(), "he" | "she" | "i" | "we"));
        if !countries.is_empty() {
            out.extend(countries);
            if framer_too {
                out.extend(framer.clone().unwrap_or_default());
            }
            // "Prime Minister Kishida and I signed": the speaker is one of
            // the subjects.
            let speaker_too = framer.is_none()
                && subject_words.iter().any(|w| matches!(w.text.as_str(), "i" | "we"))
                && subject_words.iter().any(|w| w.text == "and");
            if let Some(s) = ctx.speaker.filter(|_| speaker_too) {
                out.push(s);
            }
        } else if let Some(framer) = framer.clone().filter(|_| pronoun || subject_words.is_empty()) {
            out.extend(framer);
        } else if let Some(by) = self.passive_agent(text, words, class, hits, ctx) {
            out.extend(by);
        } else if first.is_some_and(|f| self.first_person.contains(f)) {
            // "…," Trump told reporters: a quotation's speaker follows it.
            let quoted = quoted_speaker(text, hits);
            let plural_we = matches!(first, Some("we" | "our" | "us"));
            // "We agreed" said by one side is both sides'; so in a text
            // whose author is known ("Statement from President Biden").
            let voiced = ctx.speaker.is_some() || ctx.publisher_country.is_some();
            if plural_we && (voiced && reciprocal() || ctx.joint && ctx.speaker.is_none()) {
                out.extend(ctx.principals.iter().cloned());
            } else if let Some(s) = ctx.speaker.or(quoted).or(ctx.publisher_country) {
                out.push(s);
            }
        } else if pronoun && !ctx.previous.is_empty() {
            // "They" points to the last plural subject, "it" to the last one.
            let plural = subject_words
                .iter()
                .any(|w| matches!(w.text.as_str(), "they" | "these" | "those" | "their" | "both"));
            let antecedent =
                if plural && !ctx.previous_plural.is_empty() { ctx.previous_plural } else { ctx.previous };
            out.extend(antecedent.iter().cloned());
        } else if let Some(framer) = framer {
            out.extend(framer);
        } else if let Some(by) = self.leading_agent(text, words, hits, subject.0, ctx) {
            out.extend(by);
        } else if hits
            .iter()
            .any(|h| h.kind == AliasKind::Organisation && h.start >= subject.0 && h.end <= subject.1)
        {
            // An international body acts ("The EU will mobilise …"): it is
            // no country, and stands for no principal party.
        } else if hits.iter().any(|h| {
            h.kind == AliasKind::Title
                && h.start >= subject.0
                && h.end <= subject.1
                && self.before_unknown_name(text, h.end)
        }) {
            // So does a leader readout does not know ("President Vuong").
        } else if let Some(s) = ctx.speaker {
            out.push(s);
        } else {
            let joint = subject_words.is_empty()
                || subject_words.iter().any(|w| self.joint_subjects.contains_word(w))
                || class.verb.is_none();
            if joint || !ctx.principals.is_empty() {
                out.extend(ctx.principals.iter().cloned());
            }
        }
        out.extend(self.co_agents(text, words, class, hits, ctx));
        out.extend(coordinated_subjects(text, words, class, hits, ctx.principals));
        dedup(out)
    }

    /// Byte range of the deciding clause's subject.
    fn subject_range(&self, text: &str, words: &[Word], class: &Classified) -> (usize, usize) {
        let start = words.get(class.subject_start).map_or(text.len(), |w| w.start);
        let end = match class.verb.and_then(|v| words.get(v)) {
            Some(verb) => verb.start,
            // No verb the cues know ("Japan and Korea improved their
            // relations"): the leading run of names and what joins them,
            // unless a pronoun leads ("We chose …", whose "we" the rules
            // below read).
            None => match words.get(class.subject_start) {
                Some(w) if self.first_person.contains(&w.text) || self.anaphora.contains_word(w) => start,
                _ => words
                    .iter()
                    .skip(class.subject_start)
                    .find(|w| {
                        !text[w.start..].starts_with(char::is_uppercase)
                            && !matches!(w.text.as_str(), "and" | "the" | "of")
                    })
                    .map_or(start, |w| w.start),
            },
        };
        (start, end.max(start))
    }

    /// Countries named in `range`, places and organisations left out.
    fn countries_in(
        &self,
        text: &str,
        words: &[Word],
        hits: &[AliasHit],
        range: (usize, usize),
        ctx: &ActorContext<'_>,
    ) -> Vec<Country> {
        let mut out = Vec::new();
        let mut excluded_prev: Option<usize> = None;
        for (k, h) in hits.iter().enumerate() {
            if h.start < range.0 || h.end > range.1 {
                continue;
            }
            let place = self.after_locative(words, h.start)
                || excluded_prev.is_some_and(|p| only_joiners(&text[hits[p].end..h.start]));
            if place {
                excluded_prev = Some(k);
                continue;
            }
            match h.kind {
                AliasKind::Organisation => {}
                AliasKind::Plural => out.extend(ctx.principals.iter().cloned()),
                AliasKind::Title => {
                    // A title before a name is the name's; a bare one stands
                    // for the person the document names with it.
                    let named = hits.get(k + 1).is_some_and(|n| n.start <= h.end + 1 && n.country.is_some());
                    if !named && !self.before_unknown_name(text, h.end) {
                        let title = &text[h.start..h.end];
                        if let Some(c) = ctx.titles.resolve(title, ctx.at + h.start) {
                            out.push(c);
                        }
                    }
                }
                _ => {
                    if let Some(c) = h.country {
                        out.push(c);
                    }
                }
            }
        }
        out
    }

    /// True when the alias at `start` follows a locative preposition
    /// (determiners and adjectives skipped: "in the United States").
    fn after_locative(&self, words: &[Word], start: usize) -> bool {
        let n = words.partition_point(|w| w.end <= start);
        for w in words[..n].iter().rev().take(3) {
            if self.locative.contains_word(w) {
                return true;
            }
            if !DETERMINERS.contains(&w.text.as_str()) && w.text != "overall" {
                return false;
            }
        }
        false
    }

    /// "… are strengthened by Japan's investment": the agent after "by".
    fn passive_agent(
        &self,
        text: &str,
        words: &[Word],
        class: &Classified,
        hits: &[AliasHit],
        ctx: &ActorContext<'_>,
    ) -> Option<Vec<Country>> {
        let v = class.verb?;
        let verb = words.get(v)?;
        let participle = words.get(v + 1).is_some_and(|w| w.text.ends_with("ed") || w.text.ends_with("en"));
        if !(BE.contains(&verb.text.as_str()) && participle) {
            return None;
        }
        let by = words[v..].iter().find(|w| w.text == "by")?;
        let end = phrase_end(text, by.end, true);
        let found = self.countries_in(text, words, hits, (by.end, end), ctx);
        (!found.is_empty()).then_some(found)
    }

    /// "Driven by the Trump Administration's leadership, the United Nations
    /// …": a "by" agent in the leading phrase when the subject names none.
    fn leading_agent(
        &self,
        text: &str,
        words: &[Word],
        hits: &[AliasHit],
        subject_start: usize,
        ctx: &ActorContext<'_>,
    ) -> Option<Vec<Country>> {
        let by = words.iter().take_while(|w| w.end <= subject_start).find(|w| w.text == "by")?;
        let found = self.countries_in(text, words, hits, (by.end, subject_start), ctx);
        (!found.is_empty()).then_some(found)
    }

    /// Parties named after "with" in a signing or joint act, and the object
    /// of "joined" in a joint act.
    fn co_agents(
        &self,
        text: &str,
        words: &[Word],
        class: &Classified,
        hits: &[AliasHit],
        ctx: &ActorContext<'_>,
    ) -> Vec<Country> {
        let Some(v) = class.verb else { return Vec::new() };
        let predicate = &words[v..];
        let signing = predicate.iter().take(2).any(|w| self.signing.contains_word(w))
            || words.get(v.wrapping_sub(1)).is_some_and(|w| w.text == "will")
                && self.signing.contains_word(&words[v]);
        let joint = predicate.iter().any(|w| self.joint_markers.contains_word(w))
            && !predicate.iter().any(|w| w.text == "jointly");
        let worked_with = predicate.first().is_some_and(|w| w.text.starts_with("work"))
            || words.get(v + 1).is_some_and(|w| w.text.starts_with("work"));
        // A meeting with a named leader or a country makes both sides act
        // ("held a summit meeting with President Biden"); a meeting with
        // troops or families does not.
        let partner = self.partner_verbs.contains_word(&words[v]);
        let meeting = partner || self.meeting_verbs.contains_word(&words[v]);
        if meeting && !(signing || joint || worked_with) {
            let mut out = Vec::new();
            // Only the meeting's own "with", close after the verb.
            if let Some(w) = predicate.iter().take(8).find(|w| w.text == "with") {
                let end = phrase_end(text, w.end, true);
                let named = hits.iter().filter(|h| h.start >= w.end && h.end <= end);
                for h in named.filter(|h| matches!(h.kind, AliasKind::Person | AliasKind::Name)) {
                    out.extend(h.country);
                }
                // A name readout does not know, then its office: "with H.E.
                // Mr. YOON Suk Yeol, President of the Republic of Korea".
                if out.is_empty() && text[end..].starts_with(", ") {
                    out.extend(office_of(text, hits, end + 2));
                }
            } else if partner {
                // "Modi met Prime Minister Kishida", "hosted President
                // Marcos": a leader named right after the verb — a person,
                // not troops, "Japanese business leaders" or "a letter from
                // President Yoon".
                let end = phrase_end(text, words[v].end, true);
                let after: Vec<(usize, &AliasHit)> = hits
                    .iter()
                    .enumerate()
                    .filter(|(_, h)| h.start >= words[v].end && h.end <= end)
                    .collect();
                let adjacent = after
                    .first()
                    .is_some_and(|(_, h)| matches!(text[words[v].end..h.start].trim(), "" | "the" | "The"));
                for &(k, h) in after.iter().filter(|_| adjacent) {
                    // "met Prime Minister of Japan, …": a title's country.
                    let of_title = k > 0
                        && hits[k - 1].kind == AliasKind::Title
                        && text[hits[k - 1].end..h.start].trim() == "of";
                    if h.kind == AliasKind::Person || h.kind == AliasKind::Name && of_title {
                        out.extend(h.country);
                    }
                }
            }
            return out;
        }
        if !(signing || joint || worked_with) {
            return Vec::new();
        }
        let mut out = Vec::new();
        for w in predicate.iter().filter(|w| w.text == "with" || (joint && w.text == "joined")) {
            let end = phrase_end(text, w.end, false);
            let end = text[w.end..end].find(", ").map_or(end, |k| {
                // A comma list of parties goes on ("with Japan, Korea and …").
                let rest = &text[w.end + k..end];
                if rest.contains(" and ") {
                    end
                } else {
                    w.end + k
                }
            });
            out.extend(self.countries_in(text, words, hits, (w.end, end), ctx));
        }
        out
    }
}

/// The country of the person named right after a quotation's closing
/// mark ("…," Trump told reporters).
pub(crate) fn quoted_speaker(text: &str, hits: &[AliasHit]) -> Option<&'static str> {
    let close = text.rfind(['”', '"'])?;
    if close == 0 || !text[..close].contains(['“', '"']) {
        return None;
    }
    // The name comes right after the mark, a title maybe before it
    // ("…,” Prime Minister Trudeau said").
    let mut reach = close + 12;
    for h in hits.iter().filter(|h| h.start > close) {
        if h.start > reach || !matches!(h.kind, AliasKind::Person | AliasKind::Title) {
            return None;
        }
        if h.country.is_some() {
            return h.country;
        }
        reach = h.end + 2;
    }
    None
}

/// The subject without its non-restrictive relative clause ("Mr. Kishida,
/// who is visiting Washington, D.C., held …"): a country named there is a
/// place or an object, not the agent. The clause runs from ", who" to the
/// subject's last comma.
fn without_relative_clause(text: &str, range: (usize, usize)) -> Vec<(usize, usize)> {
    let subject = &text[range.0..range.1];
    let clause = subject
        .bytes()
        .enumerate()
        .filter(|&(_, b)| b == b',')
        .map(|(k, _)| k)
        .find(|&k| [", who ", ", which ", ", whose ", ", whom "].iter().any(|p| subject[k..].starts_with(p)))
        .and_then(|start| Some((start, start + 1 + subject[start + 1..].rfind(',')?)));
    match clause {
        Some((start, end)) => vec![(range.0, range.0 + start), (range.0 + end, range.1)],
        None => vec![range],
    }
}

/// Abbreviated titles whose dot ends no sentence.
const HONORIFICS: [&str; 18] = [
    "Mr", "Mrs", "Ms", "Dr", "Jr", "Sr", "St", "Prof", "Gen", "Lt", "Col", "Sen", "Rep", "Amb", "Hon", "Rt",
    "Gov", "Adm",
];

/// The country of an office named at byte `at`: a title, "of", and a
/// country ("President of the Republic of Korea").
fn office_of(text: &str, hits: &[AliasHit], at: usize) -> Option<Country> {
    let k = hits.iter().position(|h| h.start >= at)?;
    let (title, name) = (&hits[k], hits.get(k + 1)?);
    let lead = text[at..title.start].trim();
    let between = text[title.end..name.start].trim();
    (title.kind == AliasKind::Title
        && matches!(lead, "" | "the" | "The")
        && matches!(between, "of" | "of the")
        && name.kind == AliasKind::Name)
        .then_some(name.country)
        .flatten()
}

/// Where the phrase starting at `from` ends: at a semicolon or a bracket,
/// at a full stop that ends a sentence (not the dots of "U.S."), and at a
/// comma when `comma` is set.
fn phrase_end(text: &str, from: usize, comma: bool) -> usize {
    let rest = &text[from..];
    for (k, c) in rest.char_indices() {
        let stop = match c {
            ';' | '(' => true,
            ',' => comma,
            '.' => {
                // "U.S. President": a dot after a lone capital is an
                // abbreviation's, not a sentence's.
                let before: Vec<char> = rest[..k].chars().rev().take(2).collect();
                let abbreviation = before.first().is_some_and(|c| c.is_uppercase())
                    && before.get(1).is_none_or(|c| *c == '.' || c.is_whitespace());
                // "Mr. Marcos", "Marcos Jr.": a title's dot.
                let word = rest[..k].rsplit(|c: char| !c.is_alphabetic()).next().unwrap_or("");
                let honorific = HONORIFICS.contains(&word);
                !abbreviation && !honorific && rest[k + 1..].chars().next().is_none_or(char::is_whitespace)
            }
            _ => false,
        };
        if stop {
            return from + k;
        }
    }
    text.len()
}

/// Only "and", "or", commas and determiners between two aliases.
fn only_joiners(gap: &str) -> bool {
    gap.split(|c: char| c == ',' || c.is_whitespace())
        .filter(|w| !w.is_empty())
        .all(|w| matches!(w, "and" | "or" | "the" | "&"))
}

/// "India will host the summit, and Japan will provide $5 million": the
/// subject of a clause joined after the main one acts too. Only a named
/// country, person or body right after ", and" or ";", with a verb after
/// it; a plural subject there ("the three leaders") stands for the
/// principal parties.
fn coordinated_subjects(
    text: &str,
    words: &[Word],
    class: &Classified,
    hits: &[AliasHit],
    principals: &[Country],
) -> Vec<Country> {
    const VERBS: [&str; 20] = [
        "will",
        "would",
        "shall",
        "has",
        "have",
        "had",
        "is",
        "are",
        "was",
        "were",
        "plans",
        "intends",
        "also",
        "can",
        "could",
        "may",
        "must",
        "should",
        "agreed",
        "committed",
    ];
    let Some(after) = class.verb.and_then(|v| words.get(v)).map(|w| w.end) else { return Vec::new() };
    let mut out = Vec::new();
    for h in hits.iter().filter(|h| h.start > after) {
        // "…, and the three leaders agreed": a plural subject stands for the
        // principal parties.
        let countries: &[Country] = match (h.kind, &h.country) {
            (AliasKind::Plural, _) => principals,
            (AliasKind::Name | AliasKind::Person | AliasKind::Body, Some(c)) => std::slice::from_ref(c),
            _ => continue,
        };
        // A person's title belongs to the subject ("…, and President
        // Biden accepted").
        let start = hits
            .iter()
            .rev()
            .find(|t| t.end <= h.start)
            .filter(|t| t.kind == AliasKind::Title && text[t.end..h.start].trim().is_empty())
            .map_or(h.start, |t| t.start);
        let mut before = text[..start].trim_end();
        if let Some(rest) = before.strip_suffix("the").filter(|r| r.ends_with(char::is_whitespace)) {
            before = rest.trim_end();
        }
        let joined = [", and", "; and", ";", ", while", ", whereas"];
        if !joined.iter().any(|j| before.ends_with(j)) {
            continue;
        }
        let next = words.iter().find(|w| w.start >= h.end);
        if next.is_some_and(|w| VERBS.contains(&w.text.as_str()) || w.text.ends_with("ed")) {
            out.extend_from_slice(countries);
        }
    }
    out
}

/// The countries in order of first mention, each once.
fn dedup(v: Vec<Country>) -> Vec<Country> {
    let mut out = Vec::with_capacity(v.len());
    for c in v {
        if !out.contains(&c) {
            out.push(c);
        }
    }
    out
}

/// The document's principal parties: the countries most often named, people
/// counting double, a country named as an object or a place ("sanctions on
/// Russia", "support Ukraine", "in Tokyo") next to nothing. Countries named
/// at least 40% as often as the first are principals too (at most four).
pub fn principals(rules: &ActorRules, text: &str, all_hits: &[AliasHit], own: Option<&str>) -> Vec<Country> {
    let mut score: HashMap<Country, f32> = HashMap::default();
    let mut order: Vec<Country> = Vec::new();
    for (k, h) in all_hits.iter().enumerate() {
        let Some(c) = h.country else { continue };
        let w = match h.kind {
            AliasKind::Person => 2.0,
            AliasKind::Name => 1.0,
            _ => 0.5,
        };
        // A titled name is read from its title: "met Prime Minister
        // Kishida" names an object.
        let start = match k.checked_sub(1).map(|p| &all_hits[p]) {
            Some(t) if t.kind == AliasKind::Title && rules.address_gap(text, t.end, h.start) => t.start,
            _ => h.start,
        };
        // Objects and places only break ties between parties.
        let w = if after_verb_or_preposition(&text[..start], &rules.partner_verbs) { w * 0.02 } else { w };
        if !score.contains_key(c) {
            order.push(c);
        }
        *score.entry(c).or_default() += w;
    }
    let top = score.values().copied().fold(0.0f32, f32::max);
    let mut ranked: Vec<Country> = order.into_iter().filter(|c| score[c] >= top * 0.4).collect();
    ranked.sort_by(|a, b| score[b].total_cmp(&score[a]));
    ranked.truncate(4);
    own_first(ranked, own)
}

/// The parties with the publisher's own country, when one of them, first.
pub fn own_first(mut parties: Vec<Country>, own: Option<&str>) -> Vec<Country> {
    if let Some(k) = own.and_then(|own| parties.iter().position(|c| *c == own)) {
        let c = parties.remove(k);
        parties.insert(0, c);
    }
    parties
}

/// Whether the word before an alias (a determiner skipped) is a lower-case
/// word that makes the alias an object or a place: a verb or a preposition
/// other than those of parties ("the leaders of", "met with", "between",
/// "investment from"). Capitalised words (titles, the start of a sentence)
/// and conjunctions leave the alias a party.
fn after_verb_or_preposition(before: &str, partner_verbs: &WordSet) -> bool {
    let mut words = before.rsplit(|c: char| !(c.is_alphanumeric() || c == '\'')).filter(|w| !w.is_empty());
    let mut word = words.next();
    if word.is_some_and(|w| matches!(w, "the" | "a" | "an")) {
        word = words.next();
    }
    // Only within the sentence: punctuation before the alias ends the look.
    let gap = before.trim_end().chars().next_back();
    if gap.is_some_and(|c| matches!(c, '.' | ',' | ';' | ':' | '(' | '"' | '“' | '—' | '–')) {
        return false;
    }
    word.is_some_and(|w| {
        w.starts_with(|c: char| c.is_lowercase())
            && !matches!(
                w,
                "and" | "or" | "both" | "by" | "that" | "as" | "of" | "with" | "between" | "among" | "from"
                    | "we" | "they" | "i" | "you"
            )
            // Whom a leader meets or hosts is the other party ("met Prime
            // Minister Kishida", "hosted President Macron").
            && !partner_verbs.contains(w)
    })
}

/// Who a bare title ("the President") stands for: in a government's own
/// release, its own holder of the title where one is named; else the
/// person last named with that title before it ("President Trump … the
/// President"), else the one most often named with it, else the
/// publisher's country.
#[derive(Debug, Clone, Default)]
pub struct TitleIndex {
    /// Per title: (byte offset, country) of each "Title Name".
    named: HashMap<String, Vec<(usize, Country)>>,
    fallback: Option<Country>,
}

impl TitleIndex {
    /// Indexes the titled names among a document's alias hits.
    pub fn new(rules: &ActorRules, text: &str, hits: &[AliasHit], fallback: Option<Country>) -> TitleIndex {
        let mut named: HashMap<String, Vec<(usize, Country)>> = HashMap::default();
        for (k, h) in hits.iter().enumerate() {
            if h.kind != AliasKind::Title {
                continue;
            }
            // "Prime Minister Kishida", also with a form of address
            // between ("Prime Minister Shri Narendra Modi", "President
            // H.E. Mr. Marcos").
            let next = hits
                .get(k + 1)
                .filter(|n| n.kind == AliasKind::Person && rules.address_gap(text, h.end, n.start));
            if let Some(c) = next.and_then(|n| n.country) {
                named.entry(text[h.start..h.end].to_string()).or_default().push((h.start, c));
            }
        }
        TitleIndex { named, fallback }
    }

    /// The country of `title` standing alone at byte `at` of the text.
    pub fn resolve(&self, title: &str, at: usize) -> Option<Country> {
        let Some(list) = self.named.get(title) else { return self.fallback };
        // A government's own release gives its own leader the bare title
        // ("The Prime Minister said" on GOV.UK, beside "Prime Minister
        // Kishida"): the publisher's country, where someone of it holds
        // the title here.
        if let Some(own) = self.fallback.filter(|f| list.iter().any(|(_, c)| c == f)) {
            return Some(own);
        }
        if let Some((_, c)) = list.iter().rev().find(|(pos, _)| *pos < at) {
            return Some(*c);
        }
        let mut counts: Vec<(Country, usize)> = Vec::new();
        for (_, c) in list {
            match counts.iter_mut().find(|(x, _)| x == c) {
                Some((_, n)) => *n += 1,
                None => counts.push((c, 1)),
            }
        }
        counts.iter().max_by_key(|(_, n)| *n).map(|(c, _)| *c).or(self.fallback)
    }
}
