//! The typed shape of each data file. Every field has a default, so a user's
//! overlay names only what it adds.

use serde::Deserialize;
use std::collections::BTreeMap;

/// Appends another value of the same shape: lists are extended, maps
/// extended, scalars replaced where the other one sets them.
pub trait Merge {
    /// Adds `other` to `self`.
    fn merge(&mut self, other: Self);
}

fn set<T>(slot: &mut Option<T>, other: Option<T>) {
    if other.is_some() {
        *slot = other;
    }
}

/// `data/actors.toml`.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Actors {
    /// One entry per country (several entries may share a code).
    pub country: Vec<Country>,
    /// Plural subjects standing for all principal parties.
    pub plural: AliasList,
    /// Bare titles ("the President") resolved from the document.
    pub titles: AliasList,
    /// International organisations, never countries.
    pub organisation: AliasList,
    /// Groups of countries that speak as one ("We, the Leaders of the
    /// Group of Seven"): their names and their members.
    pub group: Vec<Group>,
}

/// A group of countries whose joint texts speak for all its members.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Group {
    /// Names of the group, matched case-sensitively as whole words ("Group
    /// of Seven", "G7").
    pub aliases: Vec<String>,
    /// ISO 3166-1 alpha-3 codes of its member countries.
    pub members: Vec<String>,
}

/// A country and what stands for it.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Country {
    /// ISO 3166-1 alpha-3 code.
    pub code: String,
    /// Names and capitals used as metonyms.
    pub names: Vec<String>,
    /// Demonyms ("Japanese").
    pub adjectives: Vec<String>,
    /// Leaders and officials.
    pub people: Vec<String>,
    /// Ministries, agencies, forces, companies.
    pub bodies: Vec<String>,
}

/// A plain list of aliases.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct AliasList {
    /// The aliases, matched case-sensitively as whole words.
    pub aliases: Vec<String>,
}

impl Merge for Actors {
    fn merge(&mut self, other: Self) {
        self.country.extend(other.country);
        self.plural.aliases.extend(other.plural.aliases);
        self.titles.aliases.extend(other.titles.aliases);
        self.organisation.aliases.extend(other.organisation.aliases);
        self.group.extend(other.group);
    }
}

/// `data/boilerplate.toml`.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Boilerplate {
    /// Phrases that mark a line as a site banner.
    pub banner_phrases: Vec<String>,
    /// Words of share/print/navigation widgets.
    pub widget_words: Vec<String>,
    /// Roles named after a byline's name ("Staff Writer").
    pub byline_roles: Vec<String>,
    /// Separators of breadcrumb trails.
    pub crumb_separators: Vec<String>,
    /// Labels of a page's metadata fields ("From: Prime Minister's
    /// Office", "Location: Tokyo"): a line "Label: …" is no title.
    pub metadata_labels: Vec<String>,
    /// Most words in a navigation line at a document's ends.
    pub nav_max_words: Option<usize>,
    /// Fewest such lines in a row that make a navigation list.
    pub nav_min_run: Option<usize>,
}

impl Merge for Boilerplate {
    fn merge(&mut self, other: Self) {
        self.banner_phrases.extend(other.banner_phrases);
        self.widget_words.extend(other.widget_words);
        self.byline_roles.extend(other.byline_roles);
        self.crumb_separators.extend(other.crumb_separators);
        self.metadata_labels.extend(other.metadata_labels);
        set(&mut self.nav_max_words, other.nav_max_words);
        set(&mut self.nav_min_run, other.nav_min_run);
    }
}

/// `data/segment.toml`.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct SegmentWords {
    /// Abbreviations (without the last dot) that never end a sentence.
    pub never_final: Vec<String>,
    /// Abbreviations that end a sentence only before a new one.
    pub maybe_final: Vec<String>,
    /// Capitalised words that continue a name after an abbreviation.
    pub name_words: Vec<String>,
    /// Capitalised words that start a sentence after an abbreviation.
    pub sentence_starters: Vec<String>,
}

impl Merge for SegmentWords {
    fn merge(&mut self, other: Self) {
        self.never_final.extend(other.never_final);
        self.maybe_final.extend(other.maybe_final);
        self.name_words.extend(other.name_words);
        self.sentence_starters.extend(other.sentence_starters);
    }
}

/// `data/dates.toml`.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct DateWords {
    /// Twelve lists, January first: the full name, then abbreviations.
    pub months: Vec<Vec<String>>,
    /// Season names (resolve to a year).
    pub seasons: Vec<String>,
    /// "early", "late" and the like before a year.
    pub year_parts: Vec<String>,
    /// "tomorrow" → 1: days from the document's date.
    pub day_offsets: Vec<(String, i64)>,
    /// Words whose date is the meeting's day.
    pub meeting_cues: Vec<String>,
    /// Annual events that bound a document's date.
    pub event: Vec<DatedEvent>,
}

/// An annual event ("State of the Union") that dates a text mentioning it.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct DatedEvent {
    /// A regular expression for the event's name.
    pub pattern: String,
    /// First and last month (1–12) in which it falls.
    pub months: (u8, u8),
    /// Office holders named with it, and the first `YYYY-MM` they held it.
    pub holder: Vec<EventHolder>,
}

/// Someone who held an event, from a month on.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct EventHolder {
    /// A name, matched as a word in the same statement.
    pub name: String,
    /// The first `YYYY-MM` the event could be theirs.
    pub from: String,
}

impl Merge for DateWords {
    fn merge(&mut self, other: Self) {
        if !other.months.is_empty() {
            for (mine, theirs) in self.months.iter_mut().zip(other.months) {
                mine.extend(theirs);
            }
        }
        self.seasons.extend(other.seasons);
        self.year_parts.extend(other.year_parts);
        self.day_offsets.extend(other.day_offsets);
        self.meeting_cues.extend(other.meeting_cues);
        self.event.extend(other.event);
    }
}

/// `data/publishers.toml`.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct PublisherCues {
    /// The least total weight that names a publisher.
    pub min_score: Option<f32>,
    /// Weighted pattern groups.
    pub cue: Vec<PublisherCue>,
}

/// Patterns that point to one publisher class.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct PublisherCue {
    /// `us-gov`, `jp-gov`, `other-gov` or `press`.
    pub publisher: String,
    /// Weight of each pattern found.
    pub weight: f32,
    /// Regular expressions.
    pub patterns: Vec<String>,
    /// The country whose government these patterns name (ISO 3166-1
    /// alpha-3), for `other-gov`: "the Prime Minister" of a GOV.UK release
    /// is the British one.
    pub country: Option<String>,
}

impl Merge for PublisherCues {
    fn merge(&mut self, other: Self) {
        set(&mut self.min_score, other.min_score);
        self.cue.extend(other.cue);
    }
}

/// `data/quantities.toml`.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct QuantityWords {
    /// Scale words and their factors.
    pub scales: Vec<(String, f64)>,
    /// "one" … "nineteen".
    pub units: Vec<(String, u32)>,
    /// "twenty" … "ninety".
    pub tens: Vec<(String, u32)>,
    /// "hundred", "dozen".
    pub multipliers: Vec<(String, u32)>,
    /// Currencies by code.
    pub currency: Vec<Currency>,
    /// Nouns that make a number a count of jobs.
    pub job_nouns: Vec<String>,
    /// Verbs that make the people they count jobs ("employ about 120,000
    /// Australians").
    pub employing_verbs: Vec<String>,
    /// Qualifier name → phrases.
    pub qualifiers: BTreeMap<String, Vec<String>>,
    /// Nouns after which a number is no quantity.
    pub not_counted: Vec<String>,
    /// Nouns of the parties ("countries", "leaders"): "two countries" are
    /// the parties themselves, "twelve partner countries" a count.
    pub party_nouns: Vec<String>,
    /// Plural → singular for count units.
    pub irregular_plurals: BTreeMap<String, String>,
}

/// One currency's written forms.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Currency {
    /// ISO 4217 code.
    pub code: String,
    /// Symbols and codes written before the number.
    pub prefixes: Vec<String>,
    /// Names and codes written after the number.
    pub suffixes: Vec<String>,
    /// The countries (ISO 3166-1 alpha-3) whose government's own texts
    /// mean this currency by a bare "$" (Canberra's "$25.2 million" is
    /// Australian dollars): for a dollar other than the US one.
    pub bare_dollar_of: Vec<String>,
}

impl Merge for QuantityWords {
    fn merge(&mut self, other: Self) {
        self.scales.extend(other.scales);
        self.units.extend(other.units);
        self.tens.extend(other.tens);
        self.multipliers.extend(other.multipliers);
        // A user's currency goes first so that it can claim a symbol.
        let mut currency = other.currency;
        currency.append(&mut self.currency);
        self.currency = currency;
        self.job_nouns.extend(other.job_nouns);
        self.employing_verbs.extend(other.employing_verbs);
        for (k, v) in other.qualifiers {
            self.qualifiers.entry(k).or_default().extend(v);
        }
        self.not_counted.extend(other.not_counted);
        self.party_nouns.extend(other.party_nouns);
        self.irregular_plurals.extend(other.irregular_plurals);
    }
}

/// `data/cues.toml`.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct KindCues {
    /// Cue phrases, grouped by the kind and modality they signal.
    pub group: Vec<CueGroup>,
    /// Named word lists the classifier's grammar uses.
    pub lists: BTreeMap<String, Vec<String>>,
}

/// Phrases that signal one kind and modality.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct CueGroup {
    /// `commitment`, `action`, `position` or `fact`.
    pub kind: String,
    /// `future`, `ongoing` or `completed`.
    pub modality: String,
    /// Strength against other cues in the same clause.
    pub weight: f32,
    /// The phrases, lower case, matched on word boundaries.
    pub phrases: Vec<String>,
}

impl Merge for KindCues {
    fn merge(&mut self, other: Self) {
        self.group.extend(other.group);
        for (k, v) in other.lists {
            self.lists.entry(k).or_default().extend(v);
        }
    }
}

/// `data/domains.toml`.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct DomainLexicon {
    /// The least score that gives a statement a domain.
    pub min_score: Option<f32>,
    /// Terms per domain.
    pub domain: Vec<DomainTerms>,
}

/// One domain's terms with their weights.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct DomainTerms {
    /// The taxonomy's domain name.
    pub name: String,
    /// Terms with their weights (`["missile", 2.0]`), lower case, matched
    /// as word prefixes.
    pub terms: Vec<(String, f32)>,
}

impl Merge for DomainLexicon {
    fn merge(&mut self, other: Self) {
        set(&mut self.min_score, other.min_score);
        self.domain.extend(other.domain);
    }
}

/// `data/link.toml`.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct LinkWords {
    /// Words left out of statement similarity.
    pub stopwords: Vec<String>,
    /// Words of the diplomatic frame (reporting verbs, titles, months),
    /// also left out of statement similarity.
    pub frame_words: Vec<String>,
    /// Words of a plan raised over time.
    pub raised: Vec<String>,
    /// Nouns that name what a figure measures.
    pub measures: Vec<String>,
    /// Stance verbs that, before one of `done_nouns`, report the thing
    /// done ("welcomed the signing of …").
    pub done_stances: Vec<String>,
    /// Nouns of a thing done ("signing", "entry into force").
    pub done_nouns: Vec<String>,
    /// Concept → words that express it.
    pub concepts: BTreeMap<String, Vec<String>>,
}

impl Merge for LinkWords {
    fn merge(&mut self, other: Self) {
        self.stopwords.extend(other.stopwords);
        self.frame_words.extend(other.frame_words);

        self.raised.extend(other.raised);
        self.measures.extend(other.measures);
        self.done_stances.extend(other.done_stances);
        self.done_nouns.extend(other.done_nouns);
        for (k, v) in other.concepts {
            self.concepts.entry(k).or_default().extend(v);
        }
    }
}
