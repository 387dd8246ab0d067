//! Statement kind and modality, from cue phrases and the statement's
//! grammar.
//!
//! The cue that starts first in the main clause decides (the main clause
//! starts after a leading adverbial phrase: "In September 2017, …",
//! "Building on …, President Trump recognized …"). Then the taxonomy's
//! rules for the hard cases apply:
//!
//! - a frame ("noted that", "confirmed that") takes the kind of its clause
//!   when that clause is an undertaking, an act or a fact, and is a stance
//!   otherwise; an undertaking framed by a reaffirmation is ongoing;
//! - "agreed that", "decided that", "announced that" frame an undertaking;
//! - a stance with an undertaking coordinated after it ("agreed on the
//!   importance … and will promote …") is the undertaking;
//! - "pledged to protect" is ongoing, "pledged to provide" future;
//! - a stance verb with a figure right after it ("support over 850,000
//!   jobs") states a fact;
//! - a verbless bullet ("Promoting free and open media.") describes an
//!   ongoing activity.
//!
//! All phrases are in `data/cues.toml`.

use crate::model::{Kind, Modality};
use crate::words::{PhraseSet, Word, WordSet};
use readout_lexicon::Lexicon;
use rustc_hash::FxHashSet as HashSet;

/// What the classifier decided, and where.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Classified {
    /// The statement's kind.
    pub kind: Kind,
    /// Its modality (None for `other`).
    pub modality: Option<Modality>,
    /// The word index where the main clause starts (after leading
    /// adverbial phrases).
    pub main_start: usize,
    /// The word index where the deciding clause's subject starts.
    pub subject_start: usize,
    /// The word index of the deciding cue (the main verb), if any.
    pub verb: Option<usize>,
    /// The word index of the framing cue when a frame's clause decided.
    pub frame: Option<usize>,
}

/// What the block around a statement says about it.
#[derive(Debug, Clone, Copy, Default)]
pub struct StatementContext {
    /// The statement is a list item.
    pub bullet: bool,
    /// The statement is part of an epigraph quotation.
    pub quote: bool,
    /// The statement holds a quantity.
    pub has_quantity: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Cue {
    Kind(Kind, Modality, u8),
    Frame { agreement: bool, reaffirm: bool },
}

/// The classifier's phrases, compiled.
#[derive(Debug, Clone)]
pub struct KindClassifier {
    cues: PhraseSet<Cue>,
    coordinated: PhraseSet<Modality>,
    leading: WordSet,
    state_verbs: WordSet,
    figure_verbs: WordSet,
    evaluative: Vec<Vec<String>>,
    activity_nouns: WordSet,
    program_nouns: WordSet,
    /// Sentences about the document itself ("The overview is as follows.").
    notices: PhraseSet<()>,
    /// Words after which a cue is no verb: relative pronouns, determiners,
    /// prepositions.
    not_before_verb: WordSet,
    /// Cue words that are plural nouns too ("imports"), and the verbs after
    /// them that make them nouns ("U.S. imports from China fell").
    noun_or_verb: WordSet,
    figure_verbs_after: WordSet,
    /// Participles not ending in "-ed" ("made", "held").
    participles: WordSet,
    /// Verbs after which reported speech's "would" pledges.
    undertakings: WordSet,
    /// What a verbless item of a list of outcomes names as signed.
    outcomes: PhraseSet<()>,
}

/// A notice about the text is short: a longer sentence holding the phrase
/// says something of its own.
const NOTICE_WORDS: usize = 12;

fn kind_of(s: &str) -> Option<Kind> {
    Kind::parse(s)
}

impl KindClassifier {
    /// Compiles the cues of `lexicon`.
    pub fn new(lexicon: &Lexicon) -> KindClassifier {
        let c = &lexicon.cues;
        let list = |name: &str| c.lists.get(name).cloned().unwrap_or_default();
        let mut cues = PhraseSet::default();
        for g in &c.group {
            let (Some(kind), Some(modality)) = (kind_of(&g.kind), Modality::parse(&g.modality)) else {
                continue;
            };
            let weight = g.weight.clamp(0.0, 9.0) as u8;
            for p in &g.phrases {
                cues.add(p, Cue::Kind(kind, modality, weight));
            }
        }
        let agreement: HashSet<String> = list("agreement_frames").into_iter().collect();
        let reaffirmation: HashSet<String> = list("reaffirmation").into_iter().collect();
        for f in list("frames") {
            let first = f.split_whitespace().next().unwrap_or("").to_string();
            cues.add(
                &f,
                Cue::Frame { agreement: agreement.contains(&f), reaffirm: reaffirmation.contains(&first) },
            );
        }
        let mut coordinated = PhraseSet::default();
        for p in list("coordinated") {
            // A reaffirmed or renewed commitment is kept, not yet to come.
            let kept = p.split_whitespace().any(|w| reaffirmation.contains(w) || w == "continue");
            let modality = if kept { Modality::Ongoing } else { Modality::Future };
            coordinated.add(&p, modality);
        }
        let phrases = |name: &str| {
            let mut set = PhraseSet::default();
            for p in list(name) {
                set.add(&p, ());
            }
            set
        };
        let notices = phrases("notices");
        let set = |name: &str| list(name).into_iter().collect::<WordSet>();
        KindClassifier {
            cues,
            coordinated,
            leading: set("leading"),
            state_verbs: set("state_verbs"),
            figure_verbs: set("figure_verbs"),
            evaluative: list("evaluative")
                .iter()
                .map(|e| e.split_whitespace().map(str::to_string).collect())
                .collect(),
            activity_nouns: set("activity_nouns"),
            program_nouns: set("joint_subjects"),
            notices,
            not_before_verb: set("not_before_verb"),
            noun_or_verb: set("noun_or_verb"),
            figure_verbs_after: set("figure_verbs_after"),
            participles: set("irregular_participles"),
            undertakings: set("undertaking_verbs"),
            outcomes: phrases("outcome_phrases"),
        }
    }

    /// The word index where the main clause starts: after up to three
    /// leading adverbial phrases, each ended by a comma.
    pub fn main_clause_start(&self, text: &str, words: &[Word]) -> usize {
        let mut i = 0;
        for _ in 0..3 {
            let Some(w) = words.get(i) else { break };
            if !self.leading.contains_word(w) {
                break;
            }
            // The comma that ends the phrase, before any cue verb.
            let Some(comma) = text[w.start..].find(',').map(|k| w.start + k) else { break };
            let Some(next) = words.iter().position(|x| x.start > comma) else { break };
            if next >= words.len() {
                break;
            }
            i = next;
        }
        i
    }

    /// A passive's participle ("created", "made"): "would be created" is a
    /// deed to come, "would be important" a judgement.
    fn participle(&self, w: &str) -> bool {
        (w.len() > 4 && w.ends_with("ed")) || self.participles.contains(w)
    }

    /// The first cue from word `from` that is not inside a relative clause
    /// ("Mr. Kishida, who is visiting the United States, held …").
    fn main_cue<'a>(
        &'a self,
        text: &str,
        words: &[Word],
        from: usize,
    ) -> Option<crate::words::PhraseHit<'a, Cue>> {
        (from..words.len()).find_map(|i| {
            // A cue after a relative pronoun is in a relative clause; after a
            // determiner or a preposition it is a noun ("the launch of", "a
            // pledge", "with support from").
            if i > 0 && self.not_before_verb.contains_word(&words[i - 1]) {
                return None;
            }
            if self.noun_or_verb.contains_word(&words[i]) && self.verb_follows(text, words, i) {
                return None;
            }
            self.cues.longest_at(words, i)
        })
    }

    /// Whether a verb of a figure ("fell", "reached", "were") follows word
    /// `i` in its clause: the word is then the clause's subject, a noun.
    /// The clause ends at a comma, semicolon or relative pronoun.
    fn verb_follows(&self, text: &str, words: &[Word], i: usize) -> bool {
        for pair in words[i..].windows(2) {
            let (before, w) = (&pair[0], &pair[1]);
            let gap = &text[before.end..w.start];
            if gap.contains([',', ';', ':']) || matches!(w.text.as_str(), "that" | "which" | "who") {
                return false;
            }
            if self.figure_verbs_after.contains_word(w) {
                return true;
            }
        }
        false
    }

    /// Classifies a statement.
    pub fn classify(&self, text: &str, words: &[Word], ctx: StatementContext) -> Classified {
        let none = |kind: Kind, modality: Option<Modality>, start: usize| Classified {
            kind,
            modality,
            main_start: start,
            subject_start: start,
            verb: None,
            frame: None,
        };
        if words.is_empty() || words.len() <= NOTICE_WORDS && self.notices.first_from(words, 0).is_some() {
            return none(Kind::Other, None, 0);
        }
        // A question (a reporter's, a speech's) asserts nothing.
        if text
            .trim_end_matches(|c: char| c.is_whitespace() || matches!(c, '"' | '”' | '’' | ')'))
            .ends_with('?')
        {
            return none(Kind::Other, None, 0);
        }
        let start = self.main_clause_start(text, words);
        // A list item that opens with a gerund is a verbless description of
        // an activity ("Promoting free and open media.").
        let first = words[0].text.as_str();
        if ctx.bullet && start == 0 && first.ends_with("ing") && first.len() > 4 {
            return Classified {
                kind: Kind::Commitment,
                modality: Some(Modality::Ongoing),
                main_start: 0,
                subject_start: 0,
                verb: None,
                frame: None,
            };
        }
        let hit = self.main_cue(text, words, start).or_else(|| self.main_cue(text, words, 0));
        let Some(hit) = hit else {
            return self.without_cue(words, ctx, start);
        };
        let mut result = match *hit.payload {
            Cue::Kind(kind, modality, _) => Classified {
                kind,
                modality: Some(modality),
                main_start: start,
                subject_start: start.min(hit.first),
                verb: Some(hit.first),
                frame: None,
            },
            Cue::Frame { agreement, reaffirm } => {
                let clause = hit.last;
                let inner = self.main_cue(text, words, clause).and_then(|h| match *h.payload {
                    Cue::Kind(k, m, _) => Some((k, m, h.first)),
                    Cue::Frame { .. } => None,
                });
                let framed = |kind, modality, verb| Classified {
                    kind,
                    modality: Some(modality),
                    main_start: start,
                    subject_start: clause,
                    verb,
                    frame: Some(hit.first),
                };
                // Reported speech puts "will" as "would": "said 150 jobs
                // would be created" is a pledge, not a deed. (A reaffirmed
                // principle's "would" is a hypothesis: "a cyber attack would
                // constitute an armed attack".)
                let would = |to: usize| {
                    words[clause..to].windows(2).any(|w| {
                        w[0].text == "would" && !matches!(w[1].text.as_str(), "like" | "be" | "have")
                    }) || words[clause..to]
                        .windows(3)
                        .any(|w| w[0].text == "would" && w[1].text == "be" && self.participle(&w[2].text))
                };
                // "would provide", "would further strengthen": a verb of
                // undertaking, an adverb allowed before it.
                let would_undertake = || {
                    let adverb =
                        |w: &Word| w.text.ends_with("ly") || matches!(w.text.as_str(), "further" | "also");
                    (clause..words.len()).any(|i| {
                        let verb = words.get(i + 1).filter(|w| !adverb(w)).or_else(|| words.get(i + 2));
                        words[i].text == "would" && verb.is_some_and(|v| self.undertakings.contains_word(v))
                    })
                };
                let reported_future = !reaffirm
                    && match inner {
                        Some((k, _, v)) => matches!(k, Kind::Action | Kind::Commitment) && would(v + 1),
                        // Without a cue, a figure makes it a pledge ("would
                        // invest $20 million", not "would need supplies").
                        None => ctx.has_quantity && would(words.len()),
                    }
                    // So does a verb of undertaking, reaffirmed or not
                    // ("confirmed that they would work toward …"), which a
                    // stance or a state cue inside does not outweigh ("would
                    // actively contribute").
                    || !matches!(inner, Some((Kind::Action | Kind::Commitment, _, _))) && would_undertake();
                // "would continue to", or a reaffirmed undertaking: the
                // pledge goes on.
                let reported_modality = match inner {
                    _ if reaffirm => Modality::Ongoing,
                    Some((Kind::Commitment, Modality::Ongoing, _)) => Modality::Ongoing,
                    _ => Modality::Future,
                };
                match inner {
                    _ if agreement => {
                        let ongoing = words[clause..].iter().any(|w| w.text.starts_with("continu"));
                        let modality = if ongoing { Modality::Ongoing } else { Modality::Future };
                        framed(Kind::Commitment, modality, inner.map(|(_, _, v)| v))
                    }
                    _ if reported_future => {
                        framed(Kind::Commitment, reported_modality, inner.map(|(_, _, v)| v))
                    }
                    Some((Kind::Commitment, m, v)) => {
                        framed(Kind::Commitment, if reaffirm { Modality::Ongoing } else { m }, Some(v))
                    }
                    Some((Kind::Action, m, v)) => framed(Kind::Action, m, Some(v)),
                    // A framed state of the world is a fact when it gives a
                    // figure; otherwise the frame is a stance.
                    Some((Kind::Fact, m, v)) if ctx.has_quantity => framed(Kind::Fact, m, Some(v)),
                    _ if ctx.has_quantity && self.has_figure_after(words, clause) => {
                        framed(Kind::Fact, Modality::Ongoing, inner.map(|(_, _, v)| v))
                    }
                    _ => Classified {
                        kind: Kind::Position,
                        modality: Some(if reaffirm { Modality::Ongoing } else { Modality::Completed }),
                        main_start: start,
                        subject_start: start.min(hit.first),
                        verb: Some(hit.first),
                        frame: None,
                    },
                }
            }
        };
        self.refine(words, ctx, hit.first, hit.last, &mut result);
        if result.kind == Kind::Position && result.frame.is_none() && Self::hosts(text, words, hit.first) {
            result.kind = Kind::Action;
            result.modality = Some(Modality::Completed);
        }
        result
    }

    /// "welcomed Prime Minister Kishida to the White House": receiving a
    /// visitor is an act, where welcoming "Japan's efforts to expand" is a
    /// stance. The welcomed are named (capitalised, not a possessive), and
    /// "to" a named place follows them.
    fn hosts(text: &str, words: &[Word], verb: usize) -> bool {
        if !matches!(words[verb].text.as_str(), "welcomed" | "welcomes" | "welcome") {
            return false;
        }
        let capitalised = |w: &Word| text[w.start..].starts_with(char::is_uppercase);
        let Some(guest) = words.get(verb + 1) else { return false };
        let possessive = text[guest.end..].starts_with(['\'', '’']);
        if !capitalised(guest) || possessive {
            return false;
        }
        for (k, w) in words.iter().enumerate().skip(verb + 2).take(14) {
            if w.text == "to" {
                let place = words.get(k + 1).filter(|p| p.text != "the").or_else(|| words.get(k + 2));
                return words.get(k + 1).is_some_and(|p| capitalised(p) || p.text == "the")
                    && place.is_some_and(capitalised);
            }
            // Only the guest's name and title run up to "to".
            if !capitalised(w) && !matches!(w.text.as_str(), "of" | "the" | "and" | "his" | "her" | "jr") {
                return false;
            }
        }
        false
    }

    /// The taxonomy's refinements of a cue's verdict.
    fn refine(&self, words: &[Word], ctx: StatementContext, first: usize, last: usize, r: &mut Classified) {
        if r.frame.is_some() {
            return;
        }
        match r.kind {
            // "pledged to protect" goes on; "pledged to provide" is to come.
            Kind::Commitment if r.modality == Some(Modality::Future) => {
                let next = words.get(last).map(|w| w.text.as_str()).unwrap_or("");
                let cue_ends_in_to = words[last.saturating_sub(1)].text == "to";
                if cue_ends_in_to && self.state_verbs.contains(next) {
                    r.modality = Some(Modality::Ongoing);
                }
                if words[first..].iter().take(6).any(|w| w.text.starts_with("continu")) {
                    r.modality = Some(Modality::Ongoing);
                }
            }
            Kind::Position | Kind::Fact => {
                // A programme that "supports" something is doing it.
                let program =
                    words[r.subject_start..first].iter().any(|w| self.program_nouns.contains_word(w));
                if program
                    && matches!(words[first].text.as_str(), "supports" | "support" | "promotes" | "helps")
                {
                    r.kind = Kind::Commitment;
                    r.modality = Some(Modality::Ongoing);
                    return;
                }
                // A stance verb with a figure right after it states a fact.
                if ctx.has_quantity
                    && self.figure_verbs.contains_word(&words[first])
                    && self.has_figure_after(words, last)
                {
                    r.kind = Kind::Fact;
                    r.modality = Some(Modality::Ongoing);
                }
                // An undertaking coordinated after the stance decides.
                if let Some(m) = (last..words.len()).find_map(|i| self.coordinated.longest_at(words, i)) {
                    r.kind = Kind::Commitment;
                    r.modality = Some(*m.payload);
                }
                if r.kind == Kind::Fact && ctx.quote {
                    r.kind = Kind::Position;
                }
                if r.kind == Kind::Fact && !ctx.has_quantity && self.is_evaluative(words) {
                    r.kind = Kind::Position;
                }
            }
            _ => {}
        }
    }

    /// A number within the next four words.
    fn has_figure_after(&self, words: &[Word], from: usize) -> bool {
        words[from..].iter().take(4).any(|w| w.text.starts_with(|c: char| c.is_ascii_digit()))
    }

    fn is_evaluative(&self, words: &[Word]) -> bool {
        self.evaluative.iter().any(|phrase| {
            words.windows(phrase.len().max(1)).any(|win| win.iter().zip(phrase).all(|(w, p)| w.text == *p))
        })
    }

    /// No cue: a verbless bullet is an ongoing activity, an epigraph a
    /// stance, a figure a fact.
    fn without_cue(&self, words: &[Word], ctx: StatementContext, start: usize) -> Classified {
        let first = words[0].text.as_str();
        let gerund = first.ends_with("ing") && first.len() > 4;
        let (kind, modality) = if ctx.bullet && self.outcomes.longest_at(words, 0).is_some() {
            (Kind::Action, Modality::Completed)
        } else if ctx.bullet && (gerund || self.activity_nouns.contains(first)) {
            (Kind::Commitment, Modality::Ongoing)
        } else if ctx.quote || self.is_evaluative(words) {
            (Kind::Position, Modality::Ongoing)
        } else if ctx.has_quantity || words.len() >= 5 {
            (Kind::Fact, Modality::Ongoing)
        } else {
            return Classified {
                kind: Kind::Other,
                modality: None,
                main_start: start,
                subject_start: start,
                verb: None,
                frame: None,
            };
        };
        Classified {
            kind,
            modality: Some(modality),
            main_start: start,
            subject_start: start,
            verb: None,
            frame: None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::words::words;

    fn classify(s: &str, ctx: StatementContext) -> (Kind, Option<Modality>) {
        let c = KindClassifier::new(&Lexicon::builtin().unwrap());
        let r = c.classify(s, &words(s), ctx);
        (r.kind, r.modality)
    }

    fn plain(s: &str) -> (Kind, Option<Modality>) {
        classify(
            s,
            StatementContext { has_quantity: s.chars().any(|c| c.is_ascii_digit()), ..Default::default() },
        )
    }

    use Kind::*;
    use Modality::*;

    #[test]
    fn cue_table() {
        let cases: &[(&str, Kind, Modality)] = &[
            ("The two heads of state had a candid and in-depth exchange of views.", Action, Completed),
            (
                "The two leaders reaffirmed their strong commitment to enhance cyber cooperation.",
                Commitment,
                Ongoing,
            ),
            (
                "The United States and Japan are working to advance a rules-based maritime order.",
                Commitment,
                Ongoing,
            ),
            ("They will continue to make efforts to enhance deterrence.", Commitment, Ongoing),
            ("President Biden spoke today with President Lula of Brazil.", Action, Completed),
            ("The two leaders held a phone call on Monday.", Action, Completed),
            // "imports" a verb, and a noun before the verb of a figure.
            ("Japan imports about 40% of its LNG from Australia.", Action, Ongoing),
            ("U.S. imports from China fell 24% to $318 billion.", Fact, Completed),
            ("Japan purchases F-35A fighters, which are built in Texas.", Action, Ongoing),
            // An act under way, with its agent: an undertaking being kept.
            ("The United States is providing $5 million to support the program.", Commitment, Ongoing),
            ("We are imposing further sanctions on Russia.", Commitment, Ongoing),
            ("Trade between the two countries is growing rapidly.", Fact, Ongoing),
            ("On November 7, the agency will sign memoranda of understanding.", Commitment, Future),
            ("They plan to cooperate on advanced energy technologies.", Commitment, Future),
            ("Japan committed to taking new trade actions.", Commitment, Future),
            ("The President pledged to protect the people of Japan.", Commitment, Ongoing),
            ("Toyota and Mazda announced a $1.6 billion investment in a new plant.", Commitment, Future),
            ("Toyota recently announced that by 2021 it will invest nearly $13 billion.", Commitment, Future),
            ("The two leaders announced new avenues for engagement.", Action, Completed),
            ("On November 6, the agency signed a memorandum of cooperation.", Action, Completed),
            ("In December and October 2017, the militaries conducted joint exercises.", Action, Completed),
            ("Japan purchases the advanced stealth fighter F-35A from the U.S.", Action, Ongoing),
            ("The Prime Minister attended the ceremony and laid a wreath.", Action, Completed),
            ("We launch a fellowship for 100 students each year.", Action, Completed),
            ("We reaffirm our commitment to ASEAN centrality.", Commitment, Ongoing),
            ("We note with concern the situation in the region.", Position, Completed),
            ("President Trump welcomed Japan's efforts to expand its roles.", Position, Completed),
            // Readiness is an undertaking, "should" a proposal; arriving an act.
            ("Xi stressed that China is willing to work with Brazil to expand trade.", Commitment, Future),
            ("Japan stands ready to help the region recover.", Commitment, Future),
            ("The two sides should strengthen cooperation in energy.", Position, Ongoing),
            ("Lula arrived in Shanghai on Wednesday for a state visit.", Action, Completed),
            ("The two governments took concrete steps to ease visa rules.", Action, Completed),
            ("The two leaders took note of the progress.", Position, Completed),
            ("Two-way trade reached $200 billion last year.", Fact, Completed),
            ("Direct hires in the U.S. have reached 860,000.", Fact, Ongoing),
            ("The two countries have been cooperating on space for decades.", Commitment, Ongoing),
            ("We are announcing the Quad Cancer Moonshot.", Action, Completed),
            (
                "Korean companies have announced more than $100 billion in new investments.",
                Commitment,
                Future,
            ),
            ("The United States and Australia are launching a Clean Energy Compact.", Action, Completed),
            // The English of Japan's readouts.
            ("The two leaders confirmed to continue close coordination.", Commitment, Ongoing),
            ("The two leaders shared the view to strengthen cooperation in security.", Commitment, Future),
            ("The two leaders confirmed the importance of the rule of law.", Position, Completed),
            ("The two leaders shared the view that the situation is serious.", Position, Completed),
            // Receiving a visitor is an act; welcoming a decision a stance.
            (
                "President Biden welcomed President Yoon Suk Yeol of the Republic of Korea to Washington.",
                Action,
                Completed,
            ),
            (
                "The President welcomed Prime Minister Kishida to the White House for an official visit.",
                Action,
                Completed,
            ),
            ("The President welcomed India's decision to host the summit.", Position, Completed),
            ("The leaders welcomed the signing of the agreement.", Position, Completed),
            ("The United States and Japan believe open markets are the best way.", Position, Ongoing),
            ("Procurement of equipment will continue to be important for Japan.", Position, Ongoing),
            (
                "President Trump reaffirmed the unwavering support of the United States for Japan.",
                Position,
                Ongoing,
            ),
            ("Japan is the 3rd largest source of investment.", Fact, Ongoing),
            ("United States subsidiaries employ more than 850,000 workers.", Fact, Ongoing),
            ("Through investment, Japanese companies support over 850,000 American jobs.", Fact, Ongoing),
        ];
        for &(s, k, m) in cases {
            assert_eq!(plain(s), (k, Some(m)), "{s}");
        }
    }

    #[test]
    fn nested_cases() {
        let cases: &[(&str, Kind, Modality)] = &[
            (
                "The President noted that Japanese companies have invested more than $400 billion.",
                Fact,
                Ongoing,
            ),
            ("The President noted the importance of expanding trade.", Position, Completed),
            (
                "They confirmed that both countries will promote the realignment of forces.",
                Commitment,
                Ongoing,
            ),
            ("They agreed that trade will continue to be discussed at the dialogue.", Commitment, Ongoing),
            ("They also agreed that the two countries should take the lead.", Commitment, Future),
            ("They agreed on the importance of the region and will promote a strategy.", Commitment, Future),
            ("The leaders noted that the alliance is a cornerstone of peace.", Position, Completed),
            (
                "Building on outcomes already achieved, President Trump recognized further steps.",
                Position,
                Completed,
            ),
            // Reported speech: "would" is "will" …
            ("He said 150 jobs would be created at the plant.", Commitment, Future),
            ("The minister said the firm would invest $20 million.", Commitment, Future),
            // … and so is a verb of undertaking, in a readout's frames.
            ("Prime Minister Kishida explained that Japan would provide coastal radars.", Commitment, Future),
            ("The two leaders shared the view that they would strengthen cooperation.", Commitment, Future),
            ("They shared the view that they would further strengthen cooperation.", Commitment, Future),
            ("He stated that Japan would actively contribute to peace.", Commitment, Future),
            ("The two leaders confirmed that they would work toward its early conclusion.", Commitment, Ongoing),
            ("Prime Minister Abe stated that Japan would continue to make efforts.", Commitment, Ongoing),
            // … but not a judgement, a courtesy or a reaffirmed hypothesis.
            ("The Prime Minister stated that Japan would need more supplies.", Position, Completed),
            ("He explained that the plan would help farmers.", Position, Completed),
            ("He said it would be important to talk.", Position, Completed),
            ("He said he would like to thank them.", Position, Completed),
            ("Any small hospital, he said, would need these supplies.", Position, Completed),
            (
                "They reaffirmed that a decision on when an attack would constitute an armed attack would be made case by case.",
                Position,
                Ongoing,
            ),
            (
                "The two Prime Ministers welcomed the progress in the project and affirmed their commitment to its early completion.",
                Commitment,
                Ongoing,
            ),
            ("The leaders welcomed the new center and will continue to support its work.", Commitment, Ongoing),
            // Money pledged; an undertaking coordinated after a stance.
            ("India has committed ₹ 6,000 crore to the National Green Hydrogen Mission.", Commitment, Future),
            ("Japan pledged $1 billion in humanitarian aid.", Commitment, Future),
            (
                "The two countries reaffirm our ironclad alliance, and we commit to strengthening our posture.",
                Commitment,
                Future,
            ),
            // Readouts' verbs.
            ("The leaders directed their ministers to explore new areas of cooperation.", Commitment, Future),
            ("Japan is considering providing additional support to the region.", Commitment, Future),
            ("The two countries are committed to a free and open Indo-Pacific.", Commitment, Ongoing),
            ("The Prime Minister briefed the President on the situation.", Action, Completed),
            ("The two leaders witnessed the exchange of several agreements.", Action, Completed),
            ("Prime Minister Kishida paid an official visit to India.", Action, Completed),
            ("The Prime Minister made a three-day visit to Vietnam.", Action, Completed),
            ("The Foreign Minister paid a courtesy call on the King.", Action, Completed),
            ("Both leaders underlined the importance of the rule of law.", Position, Completed),
            ("They encouraged further exchanges between their peoples.", Position, Completed),
            ("The President conveyed his appreciation for the hospitality.", Position, Completed),
            ("India appreciated Japan's support for its candidature.", Position, Completed),
            ("Kishida called for the early lifting of the import ban.", Position, Completed),
            // … but a director's expedition is no instruction, and a cue after
            // "no" is a noun: no plan is made.
            ("In 1906, Koch directed a long expedition to East Africa.", Fact, Ongoing),
            ("Xi said China has no plans to invade Taiwan.", Position, Completed),
        ];
        for &(s, k, m) in cases {
            assert_eq!(plain(s), (k, Some(m)), "{s}");
        }
        // About the text, not the meeting: no statement.
        assert_eq!(plain("The overview of the meeting is as follows."), (Other, None));
        assert_eq!(plain("The following is attributed to Spokesperson Matthew Miller:"), (Other, None));
        // A question asserts nothing.
        assert_eq!(plain("Q: Mr. President, will you meet Kim Jong Un again?"), (Other, None));
        assert_eq!(plain("\"Who will pay for it?\""), (Other, None));
        assert_eq!(
            plain("The leaders agreed that the steps for the coming year are as follows: more trade, more investment and more visits."),
            (Commitment, Some(Future)),
            "a long sentence says something of its own"
        );
        let bullet = StatementContext { bullet: true, ..Default::default() };
        assert_eq!(classify("Promoting free and open media.", bullet), (Commitment, Some(Ongoing)));
        assert_eq!(
            classify("Collaboration on smart cities with a focus on ASEAN.", bullet),
            (Commitment, Some(Ongoing))
        );
        assert_eq!(
            classify("Fostering centres that share best practices.", bullet),
            (Commitment, Some(Ongoing))
        );
        // A list of outcomes names what was signed.
        assert_eq!(
            classify("Memorandum of Cooperation in the field of Sustainable Urban Development.", bullet),
            (Action, Some(Completed))
        );
        assert_eq!(
            classify("Exchange of Notes concerning a Japanese ODA Loan for the rail project.", bullet),
            (Action, Some(Completed))
        );
        assert_eq!(classify("Exchanges between young leaders.", bullet), (Commitment, Some(Ongoing)));
        assert_eq!(
            plain("The Strategic Digital Economy Partnership supports secure digital connectivity."),
            (Commitment, Some(Ongoing))
        );
        assert_eq!(plain("Initial activities:"), (Other, None));
        assert_eq!(
            plain(
                "Mr. Kishida, who is visiting the United States, held a summit meeting with President Biden."
            ),
            (Action, Some(Completed))
        );
    }
}
