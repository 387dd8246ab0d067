//! Date expressions: found in a statement, then resolved against the
//! document's date.
//!
//! Finding and resolving are separate, because the document's date is itself
//! inferred from the expressions found (see `meta`). The forms are those of
//! the taxonomy: absolute ("November 7, 2017"), partial ("November 7"),
//! ranges ("May 25–28", "2019–2020"), month and year ("January 2017"),
//! years ("2016", "early 2019", "fall 2018"), relative ("tomorrow", "last
//! month", "this year", "last fall", "next week") and weekdays. Durations
//! ("more than 60 years") and "now" are not dates. The words are in
//! `data/dates.toml`; calendar arithmetic is jiff's.

use crate::words::{words as words_of, Word, WordSet};
use jiff::civil::{Date, Weekday};
use readout_lexicon::Lexicon;
use regex::Captures;
use regex_automata::meta::Regex;
use rustc_hash::FxHashSet as HashSet;
use serde::Serialize;

/// What a date expression says, before it is resolved.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateExpr {
    /// A day; the year may be missing ("November 7").
    Day {
        /// The year, where written.
        year: Option<i16>,
        /// 1–12.
        month: i8,
        /// 1–31.
        day: i8,
    },
    /// A month; the year may be missing ("November").
    Month {
        /// The year, where written.
        year: Option<i16>,
        /// 1–12.
        month: i8,
    },
    /// A year, or a part or season of one ("2016", "early 2019").
    Year(i16),
    /// Days from one to another ("May 25–28").
    DayRange {
        /// The year, where written.
        year: Option<i16>,
        /// The first day, (month, day).
        from: (i8, i8),
        /// The last day, (month, day).
        to: (i8, i8),
    },
    /// Years from one to another ("2019–2020").
    YearRange(i16, i16),
    /// Days from the document's day ("tomorrow" = 1).
    RelativeDay(i64),
    /// Weeks from the document's week.
    RelativeWeek(i64),
    /// Months from the document's month.
    RelativeMonth(i64),
    /// Years from the document's year (also "last fall").
    RelativeYear(i64),
    /// A weekday ("on Tuesday").
    Weekday(Weekday),
}

/// Whether the statement around an expression looks back or ahead.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tense {
    /// Reported as done.
    Past,
    /// Still to come.
    Future,
    /// Neither could be told.
    Unknown,
}

/// A date expression in a statement.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DateFound {
    /// Byte range in the statement's text.
    pub start: usize,
    /// End of that range.
    pub end: usize,
    /// What it says.
    pub expr: DateExpr,
    /// The tense of the words nearest to it.
    pub tense: Tense,
}

/// The day a document's dates are resolved against, and how much of it is
/// known.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Anchor {
    /// The day (for a month or a year, the earliest day it could be).
    pub day: Date,
    /// How much of `day` is known.
    pub precision: Precision,
}

/// How precise a date is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "lowercase")]
pub enum Precision {
    /// Only the year.
    Year,
    /// The year and month.
    Month,
    /// The day.
    Day,
}

impl Precision {
    /// Parses the taxonomy's name.
    pub fn parse(s: &str) -> Option<Precision> {
        Some(match s {
            "year" => Precision::Year,
            "month" => Precision::Month,
            "day" => Precision::Day,
            _ => return None,
        })
    }

    /// The taxonomy's name.
    pub fn as_str(self) -> &'static str {
        match self {
            Precision::Year => "year",
            Precision::Month => "month",
            Precision::Day => "day",
        }
    }
}

/// The date grammar, compiled.
#[derive(Debug, Clone)]
pub struct DateFinder {
    /// The grammar's alternatives, searched together.
    pattern: Regex,
    /// Each alternative alone, to read a match's groups.
    groups: Vec<regex::Regex>,
    months: Vec<(String, i8)>,
    /// Numbers in words ("two years ago"), lower case, from the quantity
    /// lexicon's units.
    spelled: Vec<(String, i64)>,
    future: WordSet,
    past: WordSet,
    not_past: WordSet,
    /// Words that look ahead only to a date after them ("invited").
    future_before: WordSet,
    after_may: HashSet<&'static str>,
    /// Words without which a text without digits has no date, lower case.
    hint_set: WordSet,
}

pub(crate) const WEEKDAYS: [(&str, Weekday); 7] = [
    ("Monday", Weekday::Monday),
    ("Tuesday", Weekday::Tuesday),
    ("Wednesday", Weekday::Wednesday),
    ("Thursday", Weekday::Thursday),
    ("Friday", Weekday::Friday),
    ("Saturday", Weekday::Saturday),
    ("Sunday", Weekday::Sunday),
];

impl DateFinder {
    /// Compiles the date words of `lexicon`.
    pub fn new(lexicon: &Lexicon) -> DateFinder {
        let d = &lexicon.dates;
        let mut months = Vec::new();
        let mut any = Vec::new();
        let mut full = Vec::new();
        for (i, names) in d.months.iter().enumerate() {
            for (k, written) in names.iter().enumerate() {
                // Datelines are often in capitals ("OCTOBER 25, 2023").
                let upper = written.to_uppercase();
                let forms =
                    if upper == *written { vec![written.clone()] } else { vec![written.clone(), upper] };
                for name in forms {
                    let e = regex::escape(&name);
                    if k == 0 {
                        any.push(e.clone());
                        // A whole name ends a word: "Augusta" is no month.
                        full.push(format!("{e}\\b"));
                    } else {
                        any.push(format!("{e}\\.?"));
                        full.push(format!("{e}\\."));
                    }
                    months.push((name, i as i8 + 1));
                }
            }
        }
        // Longest first, so that "September" wins over "Sep".
        any.sort_by_key(|s| std::cmp::Reverse(s.len()));
        full.sort_by_key(|s| std::cmp::Reverse(s.len()));
        let mon = format!("(?:{})", any.join("|"));
        let monfull = format!("(?:{})", full.join("|"));
        let day = r"(?:[0-3]?\d)(?:st|nd|rd|th)?";
        let year = r"(?:1[89]\d\d|20\d\d|21\d\d)";
        let dash = r"\s*(?:-|–|—|to|through|until)\s*";
        let seasons = d.seasons.join("|");
        let parts: Vec<String> = d.year_parts.iter().map(|p| regex::escape(p).replace(' ', r"\s+")).collect();
        let parts = parts.join("|");
        let spelled: Vec<(String, i64)> =
            lexicon.quantities.units.iter().map(|(w, n)| (w.to_lowercase(), i64::from(*n))).collect();
        let spelled_words: Vec<String> = spelled.iter().map(|(w, _)| regex::escape(w)).collect();
        let spelled_words = spelled_words.join("|");
        // The grammar's alternatives, in order of preference: one pattern
        // each, so that a match says which it is and its groups are read
        // with that alternative's small pattern alone.
        let alternatives: Vec<String> = vec![
            format!(
                r"(?P<md_md>\b(?P<a_m1>{mon})\s+(?P<a_d1>{day}){dash}(?P<a_m2>{mon})\s+(?P<a_d2>{day})(?:,?\s+(?P<a_y>{year}))?\b)"
            ),
            format!(
                r"(?P<md_d>\b(?P<b_m>{mon})\s+(?P<b_d1>{day})(?:{dash}|\s+and\s+)(?P<b_d2>{day})(?:,?\s+(?P<b_y>{year}))?\b)"
            ),
            format!(
                r"(?P<dd_m>\b(?P<c_d1>{day})(?:{dash}|\s+and\s+)(?P<c_d2>{day})\s+(?P<c_m>{mon})(?:,?\s+(?P<c_y>{year}))?\b)"
            ),
            format!(r"(?P<mdy>\b(?P<d_m>{mon})\s+(?P<d_d>{day}),?\s+(?P<d_y>{year})\b)"),
            format!(r"(?P<dmy>\b(?P<e_d>{day})\s+(?P<e_m>{mon}),?\s+(?P<e_y>{year})\b)"),
            format!(
                r"(?P<dom>\b(?P<t_d>[0-3]?\d(?:st|nd|rd|th))\s+of\s+(?P<t_m>{mon})(?:,?\s+(?P<t_y>{year}))?\b)"
            ),
            format!(
                r"(?P<iso>\b(?P<f_y>{year})(?:-(?P<f_m>[01]\d)-(?P<f_d>[0-3]\d)|/(?P<f_m2>[01]?\d)/(?P<f_d2>[0-3]?\d)|\.(?P<f_m3>[01]?\d)\.(?P<f_d3>[0-3]?\d))\b)"
            ),
            format!(r"(?P<us>\b(?P<g_m>1[0-2]|0?[1-9])/(?P<g_d>[0-3]?\d)/(?P<g_y>{year})\b)"),
            format!(r"(?P<my>\b(?P<h_m>{monfull}),?\s+(?:of\s+)?(?P<h_y>{year})\b)"),
            format!(r"(?P<md>\b(?P<i_m>{mon})\s+(?P<i_d>{day})\b)"),
            format!(r"(?P<dm>\b(?P<j_d>{day})\s+(?P<j_m>{monfull}))"),
            format!(r"(?P<part>\b(?i:{parts})[\s-]*(?P<k_y>{year})\b)"),
            format!(r"(?P<partrel>\b(?i:{parts})\s+(?P<s_o>(?i:this|the|next|last))\s+year\b)"),
            format!(r"(?P<season>\b(?i:{seasons})\s+(?:of\s+)?(?P<l_y>{year})\b)"),
            format!(r"(?P<yy>\b(?P<m_y1>{year})\s*(?:-|–|—|to)\s*(?P<m_y2>{year}|\d\d)\b)"),
            format!(
                r"(?P<rel>\b(?P<n_o>(?i:last|this|next|coming))\s+(?P<n_u>week|month|year|spring|summer|fall|autumn|winter)\b)"
            ),
            format!(
                r"(?P<ago>\b(?P<u_n>\d{{1,2}}|(?i:an?|{spelled_words}))\s+(?P<u_u>(?i:day|week|month|year))s?\s+ago\b)"
            ),
            format!(r"(?P<dayword>\b(?P<o_w>(?i:today|tomorrow|yesterday|tonight))\b)"),
            format!(r"(?P<weekday>\b(?P<p_w>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b)"),
            format!(r"(?P<y>\b(?P<q_y>{year})\b)"),
            format!(r"(?P<m>\b(?P<r_m>{monfull}))"),
        ];
        // ASCII word boundaries keep the fast engines usable.
        let alternatives: Vec<String> = alternatives.iter().map(|a| a.replace(r"\b", r"(?-u:\b)")).collect();
        let pattern = Regex::new_many(&alternatives).expect("the date grammar compiles");
        let groups =
            alternatives.iter().map(|a| regex::Regex::new(a).expect("a date alternative compiles")).collect();
        let list = |name: &str| -> WordSet {
            lexicon.cues.lists.get(name).map(|v| v.iter().cloned().collect()).unwrap_or_default()
        };
        let mut hint_words: Vec<String> = months.iter().map(|(n, _)| n.clone()).collect();
        hint_words.extend(WEEKDAYS.iter().map(|(n, _)| n.to_string()));
        hint_words.extend(
            ["today", "tomorrow", "yesterday", "tonight", "week", "month", "year", "ago"].map(String::from),
        );
        hint_words.extend(d.seasons.iter().cloned());
        DateFinder {
            hint_set: hint_words.iter().map(|w| w.to_lowercase()).collect(),
            pattern,
            groups,
            months,
            spelled,
            future: list("future_markers"),
            future_before: list("future_before"),
            past: list("past_markers"),
            not_past: list("not_past"),
            after_may: [
                "in", "of", "since", "during", "until", "by", "early", "late", "mid", "last", "next", "this",
                "from", "through", "before", "after", "In", "Since", "By", "During", "Until",
            ]
            .into_iter()
            .collect(),
        }
    }

    fn is_month_word(&self, w: &str) -> bool {
        self.month(w).is_some()
    }

    fn month(&self, name: &str) -> Option<i8> {
        let name = name.trim_end_matches('.');
        self.months.iter().find(|(n, _)| n == name).map(|&(_, m)| m)
    }

    /// Every date expression in `text`, in order.
    pub fn find(&self, text: &str) -> Vec<DateFound> {
        self.find_in(text, &words_of(text))
    }

    /// As [`DateFinder::find`], with the text's words at hand (they hold
    /// its date words, and decide each date's tense).
    pub fn find_in(&self, text: &str, words: &[Word]) -> Vec<DateFound> {
        let mut out: Vec<DateFound> = Vec::new();
        // Most sentences have no date: a digit or a date word is needed.
        if !text.bytes().any(|b| b.is_ascii_digit()) && !self.has_date_word(words) {
            return out;
        }
        // Find with the fast engine, then read the groups of each match.
        for m in self.pattern.find_iter(text) {
            let alternative = &self.groups[m.pattern().as_usize()];
            let Some(caps) = alternative.captures_at(text, m.start()) else { continue };
            let (start, end) = (m.start(), m.end());
            let Some(expr) = self.read(&caps, text, start, end) else {
                continue;
            };
            out.push(DateFound { start, end, expr, tense: Tense::Unknown });
        }
        if out.is_empty() {
            return out;
        }
        self.share_years(text, &mut out);
        for f in &mut out {
            f.tense = self.tense_near(words, f.start, f.end);
        }
        out
    }

    /// Whether a text has a word that may begin or end a date without
    /// digits ("May", "tomorrow", "last fall"): one set look-up a word.
    fn has_date_word(&self, words: &[Word]) -> bool {
        words.iter().any(|w| {
            self.hint_set.contains_word(w)
                // "mid-March", "today's".
                || w.joined && w.text.split(['-', '\'']).any(|part| self.hint_set.contains(part))
        })
    }

    /// Reads one match; `None` for what only looks like a date.
    fn read(&self, c: &Captures<'_>, text: &str, start: usize, end: usize) -> Option<DateExpr> {
        let num = |name: &str| c.name(name).and_then(|m| digits(m.as_str()));
        let year = |name: &str| num(name).map(|y| y as i16);
        let mon = |name: &str| c.name(name).and_then(|m| self.month(m.as_str()));
        let valid_day = |d: Option<i64>| d.filter(|&d| (1..=31).contains(&d)).map(|d| d as i8);
        if c.name("md_md").is_some() {
            return Some(DateExpr::DayRange {
                year: year("a_y"),
                from: (mon("a_m1")?, valid_day(num("a_d1"))?),
                to: (mon("a_m2")?, valid_day(num("a_d2"))?),
            });
        }
        if c.name("md_d").is_some() {
            let m = mon("b_m")?;
            return Some(DateExpr::DayRange {
                year: year("b_y"),
                from: (m, valid_day(num("b_d1"))?),
                to: (m, valid_day(num("b_d2"))?),
            });
        }
        if c.name("dd_m").is_some() {
            let m = mon("c_m")?;
            return Some(DateExpr::DayRange {
                year: year("c_y"),
                from: (m, valid_day(num("c_d1"))?),
                to: (m, valid_day(num("c_d2"))?),
            });
        }
        if c.name("mdy").is_some() {
            return Some(DateExpr::Day {
                year: year("d_y"),
                month: mon("d_m")?,
                day: valid_day(num("d_d"))?,
            });
        }
        if c.name("dmy").is_some() {
            return Some(DateExpr::Day {
                year: year("e_y"),
                month: mon("e_m")?,
                day: valid_day(num("e_d"))?,
            });
        }
        if c.name("dom").is_some() {
            return Some(DateExpr::Day {
                year: year("t_y"),
                month: mon("t_m")?,
                day: valid_day(num("t_d"))?,
            });
        }
        if c.name("iso").is_some() {
            // 2018-03-03, and as Asian sites write it, 2018/3/3 and 2018.03.03.
            let (m, d) = [("f_m", "f_d"), ("f_m2", "f_d2"), ("f_m3", "f_d3")]
                .into_iter()
                .find(|(m, _)| c.name(m).is_some())?;
            let m = num(m).filter(|m| (1..=12).contains(m))? as i8;
            return Some(DateExpr::Day { year: year("f_y"), month: m, day: valid_day(num(d))? });
        }
        if c.name("us").is_some() {
            let m = num("g_m")? as i8;
            return Some(DateExpr::Day { year: year("g_y"), month: m, day: valid_day(num("g_d"))? });
        }
        if c.name("my").is_some() {
            return Some(DateExpr::Month { year: year("h_y"), month: mon("h_m")? });
        }
        if c.name("md").is_some() {
            // "May 2" is a date, "Block 2A" after a month is not: the day
            // must not run on into letters or digits.
            if text[end..].starts_with(|ch: char| ch.is_alphanumeric() || ch == '%') {
                return None;
            }
            if text[end..].starts_with(',')
                && text[end + 1..].trim_start().starts_with(|ch: char| ch.is_ascii_digit())
            {
                return None; // "May 2, 000 …" is a list of numbers
            }
            return Some(DateExpr::Day { year: None, month: mon("i_m")?, day: valid_day(num("i_d"))? });
        }
        if c.name("dm").is_some() {
            return Some(DateExpr::Day { year: None, month: mon("j_m")?, day: valid_day(num("j_d"))? });
        }
        if c.name("part").is_some() {
            return year("k_y").map(DateExpr::Year);
        }
        if let Some(which) = c.name("s_o") {
            // "by the end of the year": of this year.
            return Some(DateExpr::RelativeYear(relative_offset(which.as_str())));
        }
        if c.name("season").is_some() {
            return year("l_y").map(DateExpr::Year);
        }
        if c.name("yy").is_some() {
            let y1 = year("m_y1")?;
            let raw = num("m_y2")? as i16;
            let y2 = if raw < 100 { y1 / 100 * 100 + raw } else { raw };
            if y2 <= y1 || y2 - y1 > 30 || !self.plain_year(text, start, end) {
                return None;
            }
            return Some(DateExpr::YearRange(y1, y2));
        }
        if c.name("rel").is_some() {
            let offset = relative_offset(c.name("n_o")?.as_str());
            return Some(match c.name("n_u")?.as_str() {
                "week" => DateExpr::RelativeWeek(offset),
                "month" => DateExpr::RelativeMonth(offset),
                _ => DateExpr::RelativeYear(offset),
            });
        }
        if c.name("ago").is_some() {
            // "two years ago": so many units before the document's.
            let n = c.name("u_n")?.as_str().to_ascii_lowercase();
            let n: i64 = match n.as_str() {
                "a" | "an" => 1,
                word => self
                    .spelled
                    .iter()
                    .find(|(w, _)| w == word)
                    .map(|&(_, v)| v)
                    .or_else(|| word.parse().ok())?,
            };
            return Some(match c.name("u_u")?.as_str().to_ascii_lowercase().as_str() {
                "day" => DateExpr::RelativeDay(-n),
                "week" => DateExpr::RelativeWeek(-n),
                "month" => DateExpr::RelativeMonth(-n),
                _ => DateExpr::RelativeYear(-n),
            });
        }
        if let Some(w) = c.name("o_w") {
            if generic_day(text, start) {
                return None;
            }
            let offset = match w.as_str().to_lowercase().as_str() {
                "tomorrow" => 1,
                "yesterday" => -1,
                _ => 0,
            };
            return Some(DateExpr::RelativeDay(offset));
        }
        if let Some(w) = c.name("p_w") {
            return WEEKDAYS.iter().find(|(n, _)| *n == w.as_str()).map(|&(_, wd)| DateExpr::Weekday(wd));
        }
        if c.name("y").is_some() {
            return self.plain_year(text, start, end).then(|| year("q_y")).flatten().map(DateExpr::Year);
        }
        if let Some(m) = c.name("r_m") {
            let month = self.month(m.as_str())?;
            if m.as_str().eq_ignore_ascii_case("may") && !self.after_may.contains(word_before(text, start)) {
                return None; // the modal verb
            }
            return Some(DateExpr::Month { year: None, month });
        }
        None
    }

    /// A four-digit number that is a year: not money, not part of a larger
    /// number, not a count of something ("2000 workers").
    fn plain_year(&self, text: &str, start: usize, end: usize) -> bool {
        let before = text[..start].chars().next_back();
        if matches!(before, Some('$' | '¥' | '€' | '£' | '#' | '.' | ',' | '+' | '-' | '/')) {
            return before == Some('-') && text[..start].ends_with(" -");
        }
        // "Horizon 2047", "Vision 2030": a year after a capitalised word
        // inside a sentence is part of a name ("In 2017", "By 2021" are not).
        let prev = word_before(text, start);
        let sentence_start = text[..start].trim_end().len() == prev.len();
        let preposition = matches!(
            prev.to_lowercase().as_str(),
            "in" | "by"
                | "since"
                | "until"
                | "from"
                | "for"
                | "of"
                | "during"
                | "before"
                | "after"
                | "to"
                | "through"
                | "early"
                | "late"
                | "mid"
                | "fiscal"
                | "the"
                | "and"
                | "or"
                | "spring"
                | "summer"
                | "fall"
                | "autumn"
                | "winter"
        );
        if prev.starts_with(char::is_uppercase)
            && !sentence_start
            && !preposition
            && !self.is_month_word(prev)
        {
            return false;
        }
        let after = &text[end..];
        if after.starts_with(|c: char| {
            c == '%' || c == '+' || c == ',' && after[1..].starts_with(|d: char| d.is_ascii_digit())
        }) {
            return false;
        }
        let next = after.split_whitespace().next().unwrap_or("");
        let next = next.trim_end_matches(|c: char| !c.is_alphanumeric());
        if next == "percent" || next == "per" {
            return false;
        }
        // "2000 workers": a lower-case plural noun after it makes it a count.
        !(next.len() > 3
            && next.ends_with('s')
            && next.starts_with(|c: char| c.is_lowercase())
            && !next.ends_with("ss"))
    }

    /// "December and October 2017": a month without a year takes the year of
    /// the month-and-year it is listed with.
    fn share_years(&self, text: &str, found: &mut [DateFound]) {
        for i in 0..found.len().saturating_sub(1) {
            let (a, b) = (found[i], found[i + 1]);
            let DateExpr::Month { year: None, month } = a.expr else { continue };
            let year = match b.expr {
                DateExpr::Month { year: Some(y), .. } | DateExpr::Day { year: Some(y), .. } => y,
                _ => continue,
            };
            let between = text[a.end..b.start].trim();
            if matches!(between, "and" | "or" | "," | "-" | "–" | "to" | "through" | ", and") {
                found[i].expr = DateExpr::Month { year: Some(year), month };
            }
        }
    }

    /// The tense of the cue word nearest to `start..end` in the same sentence.
    fn tense_near(&self, words: &[Word], start: usize, end: usize) -> Tense {
        let mut best: Option<(usize, Tense)> = None;
        for (k, word) in words.iter().enumerate() {
            let (ws, we) = (word.start, word.end);
            if ws >= start && we <= end {
                continue;
            }
            // "invited Lula … in February" looks ahead to the visit; "was
            // invited … in July" dates the invitation, a past like any other.
            let ahead = self.future_before.contains_word(word)
                && !words[k.saturating_sub(2)..k]
                    .iter()
                    .any(|w| matches!(w.text.as_str(), "was" | "were" | "been" | "is" | "are"));
            let tense = if self.future.contains_word(word) || ahead && we <= start {
                Tense::Future
            } else if ahead {
                // An invitation after the date says nothing of it.
                continue;
            } else if self.is_past(word) {
                // "to be hosted in 2024", "will be held": a participle
                // after "be" looks ahead.
                if k > 0 && words[k - 1].text == "be" {
                    Tense::Future
                } else {
                    Tense::Past
                }
            } else {
                continue;
            };
            let distance = if we <= start { start - we } else { ws.saturating_sub(end) };
            // A future marker ahead of the date governs it ("will conclude
            // tomorrow on November 7"); weigh it like a nearer word.
            let distance = if tense == Tense::Future && we <= start { distance / 2 } else { distance };
            if best.is_none_or(|(d, _)| distance < d) {
                best = Some((distance, tense));
            }
        }
        best.map_or(Tense::Unknown, |(_, t)| t)
    }

    fn is_past(&self, word: &Word) -> bool {
        let w = word.text.as_str();
        self.past.contains_word(word)
            || (w.len() > 4 && w.ends_with("ed") && !self.not_past.contains_word(word))
    }
}

/// "The challenges of today and tomorrow", "the leaders of tomorrow": a
/// day word after "of" names an age, not a day.
fn generic_day(text: &str, start: usize) -> bool {
    let offset = |w: &str| w.as_ptr() as usize - text.as_ptr() as usize;
    let before = word_before(text, start);
    if before.eq_ignore_ascii_case("of") {
        return true;
    }
    if !matches!(before.to_ascii_lowercase().as_str(), "and" | "or") {
        return false;
    }
    let day = word_before(text, offset(before));
    matches!(day.to_ascii_lowercase().as_str(), "today" | "tomorrow" | "yesterday")
        && word_before(text, offset(day)).eq_ignore_ascii_case("of")
}

fn word_before(text: &str, start: usize) -> &str {
    let head = text[..start].trim_end();
    let from = head
        .char_indices()
        .rev()
        .find(|&(_, c)| !c.is_alphanumeric() && c != '-')
        .map_or(0, |(i, c)| i + c.len_utf8());
    head[from..].trim_end_matches('-')
}

/// How many units from now "last", "this" or "the", "next" or "coming"
/// points.
fn relative_offset(which: &str) -> i64 {
    match which.to_ascii_lowercase().as_str() {
        "last" => -1,
        "next" | "coming" => 1,
        _ => 0,
    }
}

#[cfg(test)]
mod word_before_tests {
    #[test]
    fn the_word_before_a_date_after_a_curly_apostrophe() {
        // Found on a web page: "’" is three bytes; the word starts after it.
        assert_eq!(super::word_before("the grid operator’s 2019", 21), "s");
        assert_eq!(super::word_before("since 2017", 6), "since");
        assert_eq!(super::word_before("—2017", 3), "");
    }
}

fn digits(s: &str) -> Option<i64> {
    let d: String = s.chars().take_while(|c| c.is_ascii_digit()).collect();
    d.parse().ok()
}

/// Days from `a` to `b`.
pub fn days_between(a: Date, b: Date) -> i64 {
    a.until((jiff::Unit::Day, b)).map_or(0, |s| i64::from(s.get_days()))
}

fn add_days(d: Date, n: i64) -> Option<Date> {
    d.checked_add(jiff::Span::new().try_days(n).ok()?).ok()
}

fn ymd(y: i16, m: i8, d: i8) -> Option<Date> {
    Date::new(y, m, d).ok()
}

fn fmt_day(d: Date) -> String {
    format!("{:04}-{:02}-{:02}", d.year(), d.month(), d.day())
}

fn fmt_month(y: i16, m: i8) -> String {
    format!("{y:04}-{m:02}")
}

/// The year that puts `month`/`day` where `tense` says, seen from `anchor`:
/// at or before it for the past, at or after it for the future, nearest
/// otherwise. Two days of slack on either side: a document's own day counts
/// as both.
fn year_for(anchor: Date, month: i8, day: i8, tense: Tense) -> Option<i16> {
    let y = anchor.year();
    let candidates: Vec<Date> = [y - 1, y, y + 1]
        .into_iter()
        .filter_map(|yy| ymd(yy, month, day.min(28)).and_then(|_| ymd(yy, month, day)))
        .collect();
    let best = match tense {
        Tense::Past => candidates.iter().filter(|c| days_between(**c, anchor) >= -2).max(),
        Tense::Future => candidates.iter().filter(|c| days_between(anchor, **c) >= -2).min(),
        Tense::Unknown => candidates.iter().min_by_key(|c| days_between(anchor, **c).abs()),
    };
    best.map(|d| d.year())
}

/// Resolves an expression to the taxonomy's ISO form. `None` where the
/// anchor is missing or too coarse ("tomorrow" in a text dated by year).
pub fn resolve(expr: DateExpr, tense: Tense, anchor: Option<Anchor>) -> Option<String> {
    let need = |p: Precision| anchor.filter(|a| a.precision >= p).map(|a| a.day);
    match expr {
        DateExpr::Day { year: Some(y), month, day } => ymd(y, month, day).map(fmt_day),
        DateExpr::Day { year: None, month, day } => {
            let a = need(Precision::Year)?;
            let y = year_for(a, month, day, tense)?;
            ymd(y, month, day).map(fmt_day)
        }
        DateExpr::Month { year: Some(y), month } => Some(fmt_month(y, month)),
        DateExpr::Month { year: None, month } => {
            let a = need(Precision::Year)?;
            let y = year_for(a, month, 1, tense).map(|y| {
                // Same-month mentions belong to the anchor's own month.
                if month == a.month() {
                    a.year()
                } else {
                    y
                }
            })?;
            Some(fmt_month(y, month))
        }
        DateExpr::Year(y) => Some(format!("{y:04}")),
        DateExpr::YearRange(a, b) => Some(format!("{a:04}/{b:04}")),
        DateExpr::DayRange { year, from, to } => {
            let y = match year {
                Some(y) => y,
                None => year_for(need(Precision::Year)?, from.0, from.1, tense)?,
            };
            let a = ymd(y, from.0, from.1)?;
            let b = ymd(if to.0 < from.0 { y + 1 } else { y }, to.0, to.1)?;
            (b > a).then(|| format!("{}/{}", fmt_day(a), fmt_day(b)))
        }
        DateExpr::RelativeDay(n) => add_days(need(Precision::Day)?, n).map(fmt_day),
        DateExpr::RelativeWeek(n) => {
            let a = need(Precision::Day)?;
            let monday = add_days(a, -i64::from(a.weekday().to_monday_zero_offset()) + 7 * n)?;
            Some(format!("{}/{}", fmt_day(monday), fmt_day(add_days(monday, 6)?)))
        }
        DateExpr::RelativeMonth(n) => {
            let a = need(Precision::Month)?;
            let total = i64::from(a.year()) * 12 + i64::from(a.month() - 1) + n;
            Some(fmt_month((total / 12) as i16, (total % 12) as i8 + 1))
        }
        DateExpr::RelativeYear(n) => Some(format!("{:04}", i64::from(need(Precision::Year)?.year()) + n)),
        DateExpr::Weekday(w) => {
            let a = need(Precision::Day)?;
            let back = i64::from(a.weekday().since(w));
            let ahead = i64::from(w.since(a.weekday()));
            let n = match tense {
                Tense::Past => -back,
                Tense::Future => ahead,
                Tense::Unknown if back <= ahead => -back,
                Tense::Unknown => ahead,
            };
            add_days(a, n).map(fmt_day)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn finder() -> DateFinder {
        DateFinder::new(&Lexicon::builtin().unwrap())
    }

    fn anchor(y: i16, m: i8, d: i8, p: Precision) -> Option<Anchor> {
        Some(Anchor { day: Date::new(y, m, d).unwrap(), precision: p })
    }

    /// (sentence, anchor, [(text, value)])
    fn check(sentence: &str, a: Option<Anchor>, want: &[(&str, &str)]) {
        let f = finder();
        let got: Vec<(String, String)> = f
            .find(sentence)
            .into_iter()
            .filter_map(|d| resolve(d.expr, d.tense, a).map(|v| (sentence[d.start..d.end].to_string(), v)))
            .collect();
        let want: Vec<(String, String)> = want.iter().map(|(t, v)| (t.to_string(), v.to_string())).collect();
        assert_eq!(got, want, "{sentence}");
    }

    #[test]
    fn absolute_partial_and_ranges() {
        let nov6 = anchor(2017, 11, 6, Precision::Day);
        check("On November 7, 2017, OPIC will sign.", nov6, &[("November 7, 2017", "2017-11-07")]);
        check("met on May 2, 2019 in Washington, D.C.", nov6, &[("May 2, 2019", "2019-05-02")]);
        check(
            "the visit began on November 5 and will conclude tomorrow on November 7.",
            nov6,
            &[("November 5", "2017-11-05"), ("tomorrow", "2017-11-07"), ("November 7", "2017-11-07")],
        );
        check(
            "visited Japan May 25–28.",
            anchor(2019, 5, 25, Precision::Month),
            &[("May 25–28", "2019-05-25/2019-05-28")],
        );
        check("from 25 to 28 May 2019", None, &[("25 to 28 May 2019", "2019-05-25/2019-05-28")]);
        check(
            "In December and October 2017, they conducted drills.",
            None,
            &[("December", "2017-12"), ("October 2017", "2017-10")],
        );
        check("Since January 2017, firms announced plans.", None, &[("January 2017", "2017-01")]);
        check(
            "the 2019–2020 season and the 2016 Election",
            None,
            &[("2019–2020", "2019/2020"), ("2016", "2016")],
        );
        check(
            "on 2018-03-03 and 3/4/2018",
            None,
            &[("2018-03-03", "2018-03-03"), ("3/4/2018", "2018-03-04")],
        );
        check(
            "posted 2023/5/18 and 2023.05.19",
            None,
            &[("2023/5/18", "2023-05-18"), ("2023.05.19", "2023-05-19")],
        );
        check("Dec. 5 and Nov. 6", nov6, &[("Dec. 5", "2017-12-05"), ("Nov. 6", "2017-11-06")]);
        check(
            "on the 5th of June and the 21st of April, 2024",
            nov6,
            &[("5th of June", "2017-06-05"), ("21st of April, 2024", "2024-04-21")],
        );
        // Datelines in capitals.
        check("OCTOBER 25, 2023", None, &[("OCTOBER 25, 2023", "2023-10-25")]);
        check("SEPT. 9 and DEC 7", nov6, &[("SEPT. 9", "2017-09-09"), ("DEC 7", "2017-12-07")]);
    }

    #[test]
    fn relative_and_parts() {
        let nov6 = anchor(2017, 11, 6, Precision::Day);
        check("Just last month, Denso announced it.", nov6, &[("last month", "2017-10")]);
        check(
            "signed this year; Last year students added $620 million.",
            nov6,
            &[("this year", "2017"), ("Last year", "2016")],
        );
        check(
            "In early 2019 and mid-2020 and fall 2018, by 2021.",
            None,
            &[("early 2019", "2019"), ("mid-2020", "2020"), ("fall 2018", "2018"), ("2021", "2021")],
        );
        check(
            "by the end of the year, the end of next year and the beginning of this year",
            nov6,
            &[
                ("the end of the year", "2017"),
                ("the end of next year", "2018"),
                ("the beginning of this year", "2017"),
            ],
        );
        check("she spoke in Tokyo last fall.", anchor(2018, 1, 1, Precision::Year), &[("last fall", "2017")]);
        check("during his November visit", anchor(2018, 1, 1, Precision::Year), &[("November", "2017-11")]);
        // An invitation looks ahead; a meeting reported looks back.
        let jan10 = anchor(2023, 1, 10, Precision::Day);
        check("Biden invited Lula to Washington in early February.", jan10, &[("February", "2023-02")]);
        check("The two leaders met in February.", jan10, &[("February", "2022-02")]);
        check("In December, two lawmakers invited him.", jan10, &[("December", "2022-12")]);
        check("The carrier was officially invited to join in July.", jan10, &[("July", "2022-07")]);
        check(
            "They met last week and will meet next week.",
            nov6,
            &[("last week", "2017-10-30/2017-11-05"), ("next week", "2017-11-13/2017-11-19")],
        );
        check(
            "They met on Sunday and will meet on Tuesday.",
            nov6,
            &[("Sunday", "2017-11-05"), ("Tuesday", "2017-11-07")],
        );
        // A day word is a day unless it follows "of".
        check(
            "They meet today and tomorrow; the summit of leaders ends tomorrow.",
            nov6,
            &[("today", "2017-11-06"), ("tomorrow", "2017-11-07"), ("tomorrow", "2017-11-07")],
        );
        // A year-precise anchor cannot resolve "tomorrow".
        check("tomorrow", anchor(2018, 1, 1, Precision::Year), &[]);
        // So many units before the document's.
        check(
            "They met three days ago, a week ago, 6 months ago and two years ago.",
            nov6,
            &[
                ("three days ago", "2017-11-03"),
                ("a week ago", "2017-10-30/2017-11-05"),
                ("6 months ago", "2017-05"),
                ("two years ago", "2015"),
            ],
        );
        check("the agony of years of war; Chicago", nov6, &[]);
        // Quarters, halves and fiscal years are parts of a year.
        check(
            "In Q3 2023 and the third quarter of 2022, through FY2026, fiscal year 2025 and H1 2024.",
            None,
            &[
                ("Q3 2023", "2023"),
                ("the third quarter of 2022", "2022"),
                ("FY2026", "2026"),
                ("fiscal year 2025", "2025"),
                ("H1 2024", "2024"),
            ],
        );
    }

    #[test]
    fn not_dates() {
        let nov6 = anchor(2017, 11, 6, Precision::Day);
        for s in [
            "For almost 60 years, our alliance has endured.",
            "more than 60 years and in just one year",
            "We will achieve the correction from now on; now is not the time.",
            "2000 workers and $2019 and 2019% and 2,019 people",
            "the SM-3 Block 2A and F-35A and the 14th meeting and TPP 11",
            "May we continue; they may agree.",
            "YOU MAY ALSO LIKE; MAY WE CONTINUE",
            "Mar-a-Lago",
            "They adopted the Horizon 2047 roadmap and Vision 2030.",
            "to address the challenges of today and tomorrow",
            "training the leaders of tomorrow; the world of Today or Tomorrow",
            // A month's name at the head of a longer word.
            "the Masters at Augusta in golf",
            "Augustus Welby, Writer",
            "the Marchioness and the Junebug",
        ] {
            check(s, nov6, &[]);
        }
    }
}
