//! Document metadata: id, title, publisher and date.
//!
//! The date is the day of the meeting a document reports or, for a general
//! fact sheet, when it was issued — as far as the text tells, and no
//! further. The evidence, strongest first:
//!
//! 1. a relative day anchored to a date ("will conclude tomorrow on
//!    November 7" → November 6);
//! 2. a dateline near the top ("WASHINGTON, May 3, 2019 —");
//! 3. the first meeting sentence with a date ("visited Japan May 25–28" →
//!    May 2019, month precision: the text does not say which day);
//! 4. a bracket of reported events: the latest dated event reported as done
//!    and, within a week after it, the earliest one still to come;
//! 5. the latest year the text reports events in, bounded below by dated
//!    events it mentions ("President Trump's State of the Union" is 2018 at
//!    the earliest) — year precision.
//!
//! A day or month without a year takes the year that fits between the
//! events reported as done and those still to come. Where nothing dates the
//! text, the date is null.

use crate::dates::{days_between, Anchor, DateExpr, DateFound, Precision, Tense};
use crate::model::Publisher;
use crate::patterns::PatternSet;
use jiff::civil::Date;
use readout_lexicon::Lexicon;
use readout_text::{BlockKind, Cleaned};
use sha2::{Digest, Sha256};

/// A stable document id: `d-` and the first 12 hex digits of the SHA-256 of
/// its bytes.
pub fn document_id(bytes: &[u8]) -> String {
    let digest = Sha256::digest(bytes);
    let mut id = String::from("d-");
    for b in &digest[..6] {
        id.push_str(&format!("{b:02x}"));
    }
    id
}

/// The title: of the headings before any running text, the longest (a
/// site's name and navigation labels are short, a headline is not); a
/// heading of fewer than two words, one `rejected` (only a name, "The White
/// House"; a dateline), or a metadata field of one of `labels` ("From: …")
/// is no title.
pub fn title(cleaned: &Cleaned, rejected: impl Fn(&str) -> bool, labels: &[String]) -> Option<String> {
    // "From: Prime Minister's Office": a metadata field, not a title.
    let is_field = |text: &str| {
        text.split_once(':').is_some_and(|(label, _)| {
            let label = label.trim();
            labels.iter().any(|l| l.eq_ignore_ascii_case(label))
        })
    };
    let mut best: Option<&str> = None;
    for block in &cleaned.blocks {
        match block.kind {
            BlockKind::Heading => {
                let text = block.span.of(&cleaned.text);
                // Two words at least ("Russian-Chinese talks"), not a date.
                let has_letters = text
                    .split_whitespace()
                    .filter(|w| w.chars().any(char::is_alphabetic))
                    .filter(|w| w.chars().all(|c| c.is_alphabetic() || c == '-' || c == '\''))
                    .count()
                    >= 2;
                if has_letters
                    && best.is_none_or(|b| text.len() > b.len())
                    && !rejected(text)
                    && !is_field(text)
                {
                    best = Some(text);
                }
            }
            BlockKind::Quote => continue,
            _ => break,
        }
    }
    best.map(str::to_string)
}

/// Who published a text, as its own signals tell.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Publication {
    /// The class of publisher.
    pub publisher: Publisher,
    /// The country whose government published it: the United States' or
    /// Japan's for their classes; for another government, the country its
    /// strongest cue names ("gov.uk"), where one does.
    pub country: Option<&'static str>,
}

/// Publisher cues, compiled into one set searched in one pass (on bytes,
/// with ASCII classes: the cues are English words).
#[derive(Debug, Clone)]
pub struct PublisherCues {
    /// Per pattern: its publisher, weight and country.
    cues: Vec<(Publisher, f32, Option<&'static str>)>,
    set: Option<PatternSet>,
    min_score: f32,
}

impl PublisherCues {
    /// Compiles the publisher cues of `lexicon`; a pattern that does not
    /// compile is skipped (the built-in ones are tested to compile).
    pub fn new(lexicon: &Lexicon) -> PublisherCues {
        let mut cues = Vec::new();
        let mut patterns = Vec::new();
        for group in &lexicon.publishers.cue {
            let Some(publisher) = Publisher::parse(&group.publisher) else { continue };
            let country = group.country.as_deref().map(crate::aliases::intern);
            for p in &group.patterns {
                // ASCII word boundaries keep the set on the fast engines.
                let p = p.replace(r"\b", r"(?-u:\b)");
                if PatternSet::compiles(&p) {
                    cues.push((publisher, group.weight, country));
                    patterns.push(p);
                }
            }
        }
        let set = PatternSet::new(&patterns).ok();
        PublisherCues { cues, set, min_score: lexicon.publishers.min_score.unwrap_or(2.0) }
    }

    /// The publisher the text's own signals point to (banners included).
    pub fn classify(&self, raw: &str) -> Publication {
        self.classify_as(raw, None)
    }

    /// As [`PublisherCues::classify`], unless the user names the publisher
    /// (`given`): the text then tells only which government it is.
    pub fn classify_as(&self, raw: &str, given: Option<Publisher>) -> Publication {
        let mut scores: Vec<(Publisher, f32)> = Vec::new();
        // Per country, the weight of the other-government cues naming it.
        let mut countries: Vec<(&'static str, f32)> = Vec::new();
        for i in self.set.as_ref().map(|set| set.matches(raw)).unwrap_or_default() {
            let (publisher, weight, country) = self.cues[i];
            match scores.iter_mut().find(|(p, _)| *p == publisher) {
                Some((_, s)) => *s += weight,
                None => scores.push((publisher, weight)),
            }
            if let Some(c) = country.filter(|_| publisher == Publisher::OtherGov) {
                match countries.iter_mut().find(|(x, _)| *x == c) {
                    Some((_, s)) => *s += weight,
                    None => countries.push((c, weight)),
                }
            }
        }
        scores.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        let publisher = given.unwrap_or(match scores.first() {
            Some(&(p, s)) if s >= self.min_score => p,
            _ => Publisher::Unknown,
        });
        let country = match publisher {
            // The heaviest country named; the first named on a tie.
            Publisher::OtherGov => countries
                .iter()
                .fold(None::<(&'static str, f32)>, |best, &(c, w)| match best {
                    Some((_, b)) if b >= w => best,
                    _ => Some((c, w)),
                })
                .map(|(c, _)| c),
            p => p.country(),
        };
        Publication { publisher, country }
    }
}

/// Dated events ("State of the Union"), compiled.
#[derive(Debug, Clone)]
pub struct EventBounds {
    /// Each event's holders of office, in the order of `any`'s patterns.
    holders: Vec<Vec<(String, Date)>>,
    /// Every event's pattern (the events are English names).
    any: Option<PatternSet>,
}

impl EventBounds {
    /// Compiles the dated events of `lexicon`; a pattern that does not
    /// compile is skipped (the built-in ones are tested to compile).
    pub fn new(lexicon: &Lexicon) -> EventBounds {
        let mut patterns = Vec::new();
        let mut holders = Vec::new();
        for e in &lexicon.dates.event {
            if PatternSet::compiles(&e.pattern) {
                patterns.push(e.pattern.as_str());
                holders.push(
                    e.holder.iter().filter_map(|h| Some((h.name.clone(), parse_iso(&h.from)?.0))).collect(),
                );
            }
        }
        EventBounds { holders, any: PatternSet::new(&patterns).ok() }
    }

    /// True when some event is named anywhere in `text` (a quick test
    /// before looking sentence by sentence).
    pub fn any_in(&self, text: &str) -> bool {
        self.any.as_ref().is_some_and(|set| set.is_match(text))
    }

    /// The earliest day a sentence's events can date from.
    fn lower_bound(&self, sentence: &str) -> Option<Date> {
        let mut best = None;
        let Some(set) = &self.any else { return None };
        // One pass for every event; the set's patterns are the events'.
        for i in set.matches(sentence) {
            for (name, from) in &self.holders[i] {
                if contains_word(sentence, name) {
                    best = best.max(Some(*from));
                }
            }
        }
        best
    }
}

/// A sentence (or heading) and the dates found in it, for inference.
#[derive(Debug, Clone)]
pub struct DatedText<'a> {
    /// The text.
    pub text: &'a str,
    /// Its block's index.
    pub block: usize,
    /// True for a heading.
    pub heading: bool,
    /// The date expressions in it.
    pub found: Vec<DateFound>,
}

/// Parses an ISO day, month or year into its first day and precision.
pub fn parse_iso(s: &str) -> Option<(Date, Precision)> {
    let s = s.trim();
    let parts: Vec<&str> = s.split('-').collect();
    let num = |p: &str| p.parse::<i16>().ok();
    match parts.as_slice() {
        [y] if y.len() == 4 => Some((Date::new(num(y)?, 1, 1).ok()?, Precision::Year)),
        [y, m] if y.len() == 4 && m.len() == 2 => {
            Some((Date::new(num(y)?, num(m)? as i8, 1).ok()?, Precision::Month))
        }
        [y, m, d] if y.len() == 4 && m.len() == 2 && d.len() == 2 => {
            Some((Date::new(num(y)?, num(m)? as i8, num(d)? as i8).ok()?, Precision::Day))
        }
        _ => None,
    }
}

/// Formats a date at a precision.
pub fn format_date(d: Date, p: Precision) -> String {
    match p {
        Precision::Year => format!("{:04}", d.year()),
        Precision::Month => format!("{:04}-{:02}", d.year(), d.month()),
        Precision::Day => format!("{:04}-{:02}-{:02}", d.year(), d.month(), d.day()),
    }
}

/// What bounds a document's date: events reported as done (lower) and
/// events still to come (upper), and every year named.
struct Bounds {
    lower: Option<Date>,
    upper: Option<Date>,
    years: Vec<i16>,
}

fn first_day(expr: DateExpr) -> Option<Date> {
    match expr {
        DateExpr::Day { year: Some(y), month, day } => Date::new(y, month, day).ok(),
        DateExpr::Month { year: Some(y), month } => Date::new(y, month, 1).ok(),
        DateExpr::Year(y) => Date::new(y, 1, 1).ok(),
        DateExpr::DayRange { year: Some(y), from, .. } => Date::new(y, from.0, from.1).ok(),
        DateExpr::YearRange(a, _) => Date::new(a, 1, 1).ok(),
        _ => None,
    }
}

fn bounds(texts: &[DatedText<'_>], events: &EventBounds, has_events: bool) -> Bounds {
    let mut b = Bounds { lower: None, upper: None, years: Vec::new() };
    for t in texts {
        if has_events {
            b.lower = b.lower.max(events.lower_bound(t.text));
        }
        for f in &t.found {
            let Some(day) = first_day(f.expr) else { continue };
            b.years.push(day.year());
            match f.tense {
                Tense::Future => b.upper = Some(b.upper.map_or(day, |u| u.min(day))),
                Tense::Past => b.lower = b.lower.max(Some(day)),
                Tense::Unknown => {}
            }
        }
    }
    b.years.sort_unstable();
    b.years.dedup();
    b
}

/// The year for a day or month named without one.
fn fit_year(month: i8, day: i8, b: &Bounds) -> Option<i16> {
    let mut candidates = b.years.clone();
    if let Some(l) = b.lower {
        candidates.extend([l.year(), l.year() + 1]);
    }
    candidates.sort_unstable();
    candidates.dedup();
    candidates.into_iter().find(|&y| {
        let Ok(d) = Date::new(y, month, day) else { return false };
        b.lower.is_none_or(|l| days_between(l, d) >= -3) && b.upper.is_none_or(|u| days_between(d, u) >= -3)
    })
}

/// Infers a document's date from its text: `texts` are its dated
/// sentences and headings, `whole` all of it.
pub fn infer_date(
    texts: &[DatedText<'_>],
    events: &EventBounds,
    whole: &str,
    meeting_cues: &[String],
) -> Option<Anchor> {
    // The bounds are needed only for a date without its year or when no
    // rule below finds the date; most documents are dated before either.
    let bounds_once = std::cell::OnceCell::new();
    let b = || bounds_once.get_or_init(|| bounds(texts, events, events.any_in(whole)));
    let day = |year: Option<i16>, m: i8, d: i8| -> Option<Date> {
        let y = match year {
            Some(y) => y,
            None => fit_year(m, d, b())?,
        };
        Date::new(y, m, d).ok()
    };
    let exact = |d: Date| Some(Anchor { day: d, precision: Precision::Day });

    // 1. "tomorrow on November 7"
    for t in texts {
        for pair in t.found.windows(2) {
            let (a, c) = (pair[0], pair[1]);
            let gap = &t.text[a.end..c.start];
            if gap.trim().len() > 4 {
                continue;
            }
            let (offset, date) = match (a.expr, c.expr) {
                (DateExpr::RelativeDay(n), DateExpr::Day { year, month, day: d })
                | (DateExpr::Day { year, month, day: d }, DateExpr::RelativeDay(n)) => {
                    (n, day(year, month, d))
                }
                _ => continue,
            };
            if let Some(d) = date.and_then(|d| d.checked_sub(jiff::Span::new().days(offset)).ok()) {
                return exact(d);
            }
        }
    }
    // 2. a dateline among the first blocks: a heading that is a date (after
    // a site's navigation lines), or a date at a paragraph's start before
    // a dash ("WASHINGTON, May 3, 2019 —")
    for t in texts.iter().filter(|t| t.block < 8) {
        for f in &t.found {
            let lead = t.text[..f.start].trim();
            let lead_words = lead.split_whitespace().count();
            let dated_heading = t.heading && (t.block < 3 || t.text.trim().len() <= f.end - f.start + 20);
            // A wire's agency may stand between the date and the dash
            // ("SYDNEY, May 24 (Reuters) -").
            let after = t.text[f.end..].trim_start();
            let after = match after.strip_prefix('(').and_then(|a| a.split_once(')')) {
                Some((agency, rest)) if agency.len() <= 30 => rest.trim_start(),
                _ => after,
            };
            let dateline = f.start <= 40
                && lead_words <= 4
                && (dated_heading || t.block < 3 && after.starts_with(['—', '–', '-', ':']));
            if !dateline {
                continue;
            }
            match f.expr {
                DateExpr::Day { year: None, month, day: d } => {
                    if let Some(day) = yearless_dateline(texts, t, month, d, b().lower) {
                        return exact(day);
                    }
                }
                DateExpr::DayRange { year: Some(y), from, to } => {
                    if let Ok(first) = Date::new(y, from.0, from.1) {
                        return Some(range_anchor(first, Date::new(y, to.0, to.1).ok(), from.0 == to.0));
                    }
                }
                DateExpr::Day { year: Some(y), month, day: d } => {
                    let Ok(d) = Date::new(y, month, d) else { continue };
                    // A readout posted the day after the meeting ("2023-11-16 …
                    // On the morning of November 15 …") is dated by the meeting;
                    // a visit of several days that the dateline ends keeps the
                    // dateline's day.
                    let meeting = first_meeting_date(texts, meeting_cues, |year, m, dd| {
                        Date::new(year.unwrap_or(d.year()), m, dd).ok()
                    });
                    return match meeting {
                        Some((m, false))
                            if m.precision == Precision::Day && (1..=3).contains(&days_between(m.day, d)) =>
                        {
                            Some(m)
                        }
                        _ => exact(d),
                    };
                }
                _ => {}
            }
        }
    }
    // 3. the first meeting sentence with a date
    if let Some((m, _)) = first_meeting_date(texts, meeting_cues, day) {
        return Some(m);
    }
    // 4. the last event done, with the next one to come within a week
    let mut past_days: Vec<Date> = Vec::new();
    let mut future_days: Vec<Date> = Vec::new();
    for t in texts {
        for f in &t.found {
            let day = match f.expr {
                DateExpr::Day { year: Some(y), month, day: d } => Some((y, month, d, false)),
                DateExpr::DayRange { year: Some(y), from, .. } => Some((y, from.0, from.1, true)),
                _ => None,
            };
            if let Some((y, month, d, range)) = day {
                let Ok(d) = Date::new(y, month, d) else { continue };
                match f.tense {
                    // A range done is no single day to date the text by.
                    Tense::Past if range => {}
                    Tense::Past => past_days.push(d),
                    Tense::Future => future_days.push(d),
                    Tense::Unknown => {}
                }
            }
        }
    }
    if let (Some(&last), Some(&next)) = (past_days.iter().max(), future_days.iter().min()) {
        if (0..=7).contains(&days_between(last, next)) {
            return exact(last);
        }
    }
    // 5. the year of the next day to come ("will visit India from 8 to 11
    // March 2023"), when nothing reported is of that year: an
    // announcement comes shortly before what it announces.
    let lower = b().lower;
    if let Some(&next) = future_days.iter().min() {
        if lower.is_none_or(|l| l.year() < next.year()) {
            return Date::new(next.year(), 1, 1).ok().map(|day| Anchor { day, precision: Precision::Year });
        }
    }
    // 6. the year of the latest event reported
    lower.map(|l| Anchor { day: l, precision: Precision::Year })
}

/// The date of the first meeting sentence among the first texts ("met on
/// November 6"), a day or a range's (see [`range_anchor`]), and whether it
/// came from a range; `day` makes a day of a month and day whose year may
/// be missing.
fn first_meeting_date(
    texts: &[DatedText<'_>],
    meeting_cues: &[String],
    day: impl Fn(Option<i16>, i8, i8) -> Option<Date>,
) -> Option<(Anchor, bool)> {
    for t in texts.iter().take(8).filter(|t| !t.found.is_empty()) {
        let lower = t.text.to_lowercase();
        if !meeting_cues.iter().any(|c| contains_word(&lower, c)) {
            continue;
        }
        for f in &t.found {
            if f.tense == Tense::Future {
                continue;
            }
            match f.expr {
                DateExpr::Day { year, month, day: d } => {
                    if let Some(d) = day(year, month, d) {
                        return Some((Anchor { day: d, precision: Precision::Day }, false));
                    }
                }
                DateExpr::DayRange { year, from, to } => {
                    if let Some(d) = day(year, from.0, from.1) {
                        let last = day(Some(d.year()), to.0, to.1);
                        return Some((range_anchor(d, last, from.0 == to.0), true));
                    }
                }
                _ => {}
            }
        }
    }
    None
}

/// The day of a dateline without its year ("SYDNEY, May 24 (Reuters) -",
/// in `t`): the latest year the texts name as a point in time passed, or
/// the year after, not before `lower`; of those, the one whose day is the
/// weekday `t` names ("… on Wednesday").
fn yearless_dateline(
    texts: &[DatedText<'_>],
    t: &DatedText<'_>,
    month: i8,
    day: i8,
    lower: Option<Date>,
) -> Option<Date> {
    let base = latest_point_year(texts)?;
    let weekday = t.found.iter().find_map(|g| match g.expr {
        DateExpr::Weekday(w) => Some(w),
        _ => None,
    });
    [base, base + 1]
        .into_iter()
        .filter_map(|y| Date::new(y, month, day).ok())
        .filter(|d| lower.is_none_or(|l| days_between(l, *d) >= -3))
        .find(|d| weekday.is_none_or(|w| d.weekday() == w))
}

/// The latest year the texts name as a point in time passed: a date or a
/// year, not the start of a span ("since 1971", "from 2019") nor a day or
/// target to come ("by 2050", "will … in 2030").
fn latest_point_year(texts: &[DatedText<'_>]) -> Option<i16> {
    texts
        .iter()
        .flat_map(|t| t.found.iter().map(move |f| (t.text, f)))
        .filter(|(text, f)| {
            let before = text[..f.start].trim_end();
            let word = before.rsplit(|c: char| !c.is_alphanumeric()).next().unwrap_or("");
            f.tense != Tense::Future
                && !matches!(
                    word.to_lowercase().as_str(),
                    "since" | "from" | "between" | "by" | "until" | "through"
                )
        })
        .filter_map(|(_, f)| first_day(f.expr).map(|d| d.year()))
        .max()
}

/// The date of a text about days `first` to `last` (a summit of two or
/// three days): a short range's middle day, within three days of any of
/// its days; a longer one's month, or year.
fn range_anchor(first: Date, last: Option<Date>, one_month: bool) -> Anchor {
    let span = last.map(|l| days_between(first, l));
    match span.filter(|n| (0..=6).contains(n)) {
        Some(n) => Anchor {
            day: first.checked_add(jiff::Span::new().days(n / 2)).unwrap_or(first),
            precision: Precision::Day,
        },
        None => Anchor { day: first, precision: if one_month { Precision::Month } else { Precision::Year } },
    }
}

/// True when `word` stands in `text` as a whole word.
pub fn contains_word(text: &str, word: &str) -> bool {
    let mut from = 0;
    while let Some(i) = text[from..].find(word) {
        let start = from + i;
        let end = start + word.len();
        let before = text[..start].chars().next_back().is_none_or(|c| !c.is_alphanumeric());
        let after = text[end..].chars().next().is_none_or(|c| !c.is_alphanumeric());
        if before && after {
            return true;
        }
        from = end;
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_built_in_pattern_compiles() {
        let lexicon = Lexicon::builtin().unwrap();
        let events = EventBounds::new(&lexicon);
        assert_eq!(events.holders.len(), lexicon.dates.event.len());
        assert!(events.any.is_some());
        let cues = PublisherCues::new(&lexicon);
        let written: usize = lexicon.publishers.cue.iter().map(|g| g.patterns.len()).sum();
        assert_eq!(cues.cues.len(), written);
        assert!(cues.set.is_some());
        // A user's broken pattern is skipped, not the others with it.
        let mut broken = lexicon.clone();
        broken.dates.event[0].pattern = "(unclosed".to_string();
        let events = EventBounds::new(&broken);
        assert_eq!(events.holders.len(), lexicon.dates.event.len() - 1);
        assert!(events.any_in("the United Nations General Assembly met"));
    }

    #[test]
    fn events_bound_a_date_only_when_needed() {
        let lexicon = Lexicon::builtin().unwrap();
        let finder = crate::dates::DateFinder::new(&lexicon);
        let events = EventBounds::new(&lexicon);
        let cues = &lexicon.dates.meeting_cues;
        let infer = |sentences: &[&str]| {
            let texts: Vec<DatedText<'_>> = sentences
                .iter()
                .enumerate()
                .map(|(block, s)| DatedText { text: s, block, heading: false, found: finder.find(s) })
                .collect();
            infer_date(&texts, &events, &sentences.join("\n"), cues).map(|a| format_date(a.day, a.precision))
        };
        // Only the event dates the text: President Trump's State of the
        // Union is 2018 at the earliest.
        let event = "The President praised Japan in his State of the Union address, Trump said.";
        assert_eq!(infer(&[event]).as_deref(), Some("2018"));
        // A day without its year takes the year the event allows.
        assert_eq!(infer(&[event, "The leaders met on November 7."]).as_deref(), Some("2018-11-07"));
        // A dateline outranks the event.
        assert_eq!(infer(&["May 3, 2017 — The leaders met.", event]).as_deref(), Some("2017-05-03"));
        assert_eq!(infer(&["No date here."]), None);
    }

    #[test]
    fn ids_are_stable() {
        assert_eq!(document_id(b"abc"), "d-ba7816bf8f01");
    }

    #[test]
    fn iso_forms() {
        assert_eq!(parse_iso("2017-11-06").map(|(_, p)| p), Some(Precision::Day));
        assert_eq!(parse_iso("2019-05").map(|(_, p)| p), Some(Precision::Month));
        assert_eq!(parse_iso("2018").map(|(_, p)| p), Some(Precision::Year));
        for bad in ["2017-13-01", "2017-02-30", "17-11-06", "Nov 2017", ""] {
            assert_eq!(parse_iso(bad), None, "{bad}");
        }
    }
}
