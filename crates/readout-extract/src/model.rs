//! The extracted document: the shape of `readout extract --format jsonl`
//! (see `shared/spec/output.md`).

use crate::dates::Precision;
use readout_text::Span;
use serde::{Serialize, Serializer};

/// The output contract's version.
pub const SCHEMA: u32 = 1;

/// One document, extracted.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Document {
    /// Output contract version.
    pub schema: u32,
    /// Stable id from the document's bytes: `d-` and 12 hex digits.
    pub id: String,
    /// Where the document came from, as given.
    pub source: String,
    /// The first heading, or null.
    pub title: Option<String>,
    /// ISO day, month or year; null where nothing dates the text.
    pub date: Option<String>,
    /// How much of `date` is known.
    pub date_precision: Option<Precision>,
    /// Where the date came from: `text`, `manifest`, `html-meta`.
    pub date_source: Option<DateSource>,
    /// Who published the text.
    pub publisher: Publisher,
    /// The encoding the bytes were read in.
    pub encoding: &'static str,
    /// Every statement, in document order.
    pub statements: Vec<Statement>,
    /// The cleaned text all spans point into (printed with `--with-text`).
    #[serde(skip)]
    pub text: String,
}

/// Where a document's date came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "kebab-case")]
pub enum DateSource {
    /// Inferred from the text.
    Text,
    /// Given by the user's manifest.
    Manifest,
    /// Read from an HTML page's metadata.
    HtmlMeta,
    /// A PDF file's creation date, where the text gives none.
    PdfMeta,
}

/// Who published a document.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "kebab-case")]
pub enum Publisher {
    /// The U.S. government.
    UsGov,
    /// The Japanese government.
    JpGov,
    /// Another government.
    OtherGov,
    /// A newspaper, agency or broadcaster.
    Press,
    /// Not known.
    Unknown,
}

impl Publisher {
    /// Parses the taxonomy's name.
    pub fn parse(s: &str) -> Option<Publisher> {
        Some(match s {
            "us-gov" => Publisher::UsGov,
            "jp-gov" => Publisher::JpGov,
            "other-gov" => Publisher::OtherGov,
            "press" => Publisher::Press,
            "unknown" => Publisher::Unknown,
            _ => return None,
        })
    }

    /// The taxonomy's name.
    pub fn as_str(self) -> &'static str {
        match self {
            Publisher::UsGov => "us-gov",
            Publisher::JpGov => "jp-gov",
            Publisher::OtherGov => "other-gov",
            Publisher::Press => "press",
            Publisher::Unknown => "unknown",
        }
    }

    /// The country whose government publishes, where one does.
    pub fn country(self) -> Option<&'static str> {
        match self {
            Publisher::UsGov => Some("USA"),
            Publisher::JpGov => Some("JPN"),
            _ => None,
        }
    }
}

/// One statement (a sentence) and what was extracted from it.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Statement {
    /// `<document id>:<index>`.
    pub id: String,
    /// Byte span in the cleaned text.
    pub span: Span,
    /// The sentence, `&text[span]`.
    pub text: String,
    /// The speaker's country, for a speaker turn or an attributed quote.
    pub speaker: Option<String>,
    /// What kind of statement it is.
    pub kind: Kind,
    /// Done, going on, or to come; null for `other`.
    pub modality: Option<Modality>,
    /// Countries on the agent side, ISO 3166-1 alpha-3.
    pub actors: Vec<String>,
    /// Domains, per the taxonomy.
    pub domains: Vec<String>,
    /// Money, jobs, percentages and counts.
    pub quantities: Vec<Quantity>,
    /// Dates, resolved against the document's date.
    pub dates: Vec<DateMention>,
    /// The page it starts on (1-based), for paged input (PDF).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub page: Option<u32>,
}

/// Statement kinds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// An undertaking.
    Commitment,
    /// A concrete act reported as done.
    Action,
    /// A stance, welcome or assessment.
    Position,
    /// A claim about the state of the world.
    Fact,
    /// None of these.
    Other,
}

impl Kind {
    /// The taxonomy's name.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Commitment => "commitment",
            Kind::Action => "action",
            Kind::Position => "position",
            Kind::Fact => "fact",
            Kind::Other => "other",
        }
    }

    /// Parses the taxonomy's name.
    pub fn parse(s: &str) -> Option<Kind> {
        Some(match s {
            "commitment" => Kind::Commitment,
            "action" => Kind::Action,
            "position" => Kind::Position,
            "fact" => Kind::Fact,
            "other" => Kind::Other,
            _ => return None,
        })
    }
}

/// Statement modality.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "lowercase")]
pub enum Modality {
    /// Not yet done.
    Future,
    /// Continuing or reaffirmed.
    Ongoing,
    /// Done.
    Completed,
}

impl Modality {
    /// Parses the taxonomy's name.
    pub fn parse(s: &str) -> Option<Modality> {
        Some(match s {
            "future" => Modality::Future,
            "ongoing" => Modality::Ongoing,
            "completed" => Modality::Completed,
            _ => return None,
        })
    }

    /// The taxonomy's name.
    pub fn as_str(self) -> &'static str {
        match self {
            Modality::Future => "future",
            Modality::Ongoing => "ongoing",
            Modality::Completed => "completed",
        }
    }
}

/// Quantity kinds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "lowercase")]
pub enum QuantityKind {
    /// An amount of money.
    Money,
    /// Jobs or workers.
    Jobs,
    /// A percentage.
    Percent,
    /// Anything else counted.
    Count,
}

impl QuantityKind {
    /// The taxonomy's name.
    pub fn as_str(self) -> &'static str {
        match self {
            QuantityKind::Money => "money",
            QuantityKind::Jobs => "jobs",
            QuantityKind::Percent => "percent",
            QuantityKind::Count => "count",
        }
    }

    /// Parses the taxonomy's name.
    pub fn parse(s: &str) -> Option<QuantityKind> {
        Some(match s {
            "money" => QuantityKind::Money,
            "jobs" => QuantityKind::Jobs,
            "percent" => QuantityKind::Percent,
            "count" => QuantityKind::Count,
            _ => return None,
        })
    }
}

impl Qualifier {
    /// The taxonomy's name.
    pub fn as_str(self) -> &'static str {
        match self {
            Qualifier::Exact => "exact",
            Qualifier::MoreThan => "more-than",
            Qualifier::LessThan => "less-than",
            Qualifier::About => "about",
        }
    }

    /// Parses the taxonomy's name.
    pub fn parse(s: &str) -> Option<Qualifier> {
        Some(match s {
            "exact" => Qualifier::Exact,
            "more-than" => Qualifier::MoreThan,
            "less-than" => Qualifier::LessThan,
            "about" => Qualifier::About,
            _ => return None,
        })
    }
}

/// How a quantity is qualified.

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "kebab-case")]
pub enum Qualifier {
    /// As stated.
    Exact,
    /// More than, over, exceeding.
    MoreThan,
    /// Less than, under.
    LessThan,
    /// About, nearly, almost, up to, an estimated.
    About,
}

/// A quantity in a statement.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Quantity {
    /// What is measured.
    pub kind: QuantityKind,
    /// The value in whole units.
    #[serde(serialize_with = "number")]
    pub value: f64,
    /// ISO 4217 code for money, the counted noun for counts.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
    /// How it is qualified.
    pub qualifier: Qualifier,
    /// The words as they stand.
    pub text: String,
    /// Byte span in the cleaned text.
    pub span: Span,
}

/// A date in a statement.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DateMention {
    /// The expression as it stands, without a leading preposition.
    pub text: String,
    /// ISO 8601: day, month, year, or a range `A/B`.
    pub value: String,
    /// Byte span in the cleaned text.
    pub span: Span,
}

/// Whole numbers print without a fraction (1600000000, not 1.6e9).
fn number<S: Serializer>(v: &f64, s: S) -> Result<S::Ok, S::Error> {
    if v.fract() == 0.0 && v.abs() < 9.0e15 {
        s.serialize_i64(*v as i64)
    } else {
        s.serialize_f64(*v)
    }
}

/// A value as people write it: 68800000000 → "68,800,000,000"; values
/// with a fraction, or too large to be exact, as they stand.
pub fn grouped(v: f64) -> String {
    if v.fract() != 0.0 || v.abs() >= 1e15 {
        return format!("{v}");
    }
    let digits = format!("{}", v.abs() as u64);
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 + 1);
    if v < 0.0 {
        out.push('-');
    }
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod grouped_tests {
    #[test]
    fn thousands_are_grouped() {
        assert_eq!(super::grouped(68_800_000_000.0), "68,800,000,000");
        assert_eq!(super::grouped(-1500.0), "-1,500");
        assert_eq!(super::grouped(8.9), "8.9");
        assert_eq!(super::grouped(999.0), "999");
    }
}
