//! readout's knowledge, kept as data.
//!
//! Everything readout knows about diplomatic English that is not grammar —
//! actor aliases, cue words for statement kinds, domain lexicons, banner
//! phrases, date and quantity words — lives in TOML files under the
//! repository's `data/` folder. They are compiled into the binary with
//! `include_str!`, and a user extends them without recompiling by passing
//! their own file (`readout --lexicon FILE`): every list in it is appended to
//! the built-in one, every scalar replaces the built-in value.
//!
//! A user file holds one table per built-in file, named after it:
//!
//! ```toml
//! [[actors.country]]
//! code = "JPN"
//! people = ["Shigeru Ishiba"]
//!
//! [boilerplate]
//! banner_phrases = ["this page is no longer maintained"]
//! ```

#![warn(missing_docs)]

mod model;

pub use model::*;

use serde::de::DeserializeOwned;
use serde::Deserialize;
use thiserror::Error;

/// A lexicon file could not be read as TOML of the expected shape.
#[derive(Debug, Error)]
#[error("{origin}: {message}")]
pub struct LexiconError {
    /// Where the text came from: a built-in file name or a user's path.
    pub origin: String,
    /// What was wrong, with the line and column TOML reports.
    pub message: String,
}

/// All of readout's knowledge, one field per data file.
#[derive(Debug, Clone, Default)]
pub struct Lexicon {
    /// Countries and the names, people and bodies that stand for them.
    pub actors: Actors,
    /// Banners, widgets and navigation that cleaning removes.
    pub boilerplate: Boilerplate,
    /// Abbreviations and name words for sentence splitting.
    pub segment: SegmentWords,
    /// Month names, relative day words, seasons and dated events.
    pub dates: DateWords,
    /// Signals of who published a text.
    pub publishers: PublisherCues,
    /// Currencies, scales, number words, qualifiers.
    pub quantities: QuantityWords,
    /// Cue phrases for statement kind and modality.
    pub cues: KindCues,
    /// Domain lexicons with weights.
    pub domains: DomainLexicon,
    /// Words for linking statements into threads.
    pub link: LinkWords,
}

/// The data files compiled into readout, as (name, text).
pub const BUILTIN_FILES: [(&str, &str); 9] = [
    ("actors.toml", include_str!("../../../data/actors.toml")),
    ("boilerplate.toml", include_str!("../../../data/boilerplate.toml")),
    ("segment.toml", include_str!("../../../data/segment.toml")),
    ("dates.toml", include_str!("../../../data/dates.toml")),
    ("publishers.toml", include_str!("../../../data/publishers.toml")),
    ("quantities.toml", include_str!("../../../data/quantities.toml")),
    ("cues.toml", include_str!("../../../data/cues.toml")),
    ("domains.toml", include_str!("../../../data/domains.toml")),
    ("link.toml", include_str!("../../../data/link.toml")),
];

fn parse<T: DeserializeOwned>(origin: &str, text: &str) -> Result<T, LexiconError> {
    toml::from_str(text).map_err(|e| LexiconError { origin: origin.to_string(), message: e.to_string() })
}

/// The shape of a user's overlay file: any of the built-in files, as tables.
#[derive(Debug, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
struct Overlay {
    actors: Option<Actors>,
    boilerplate: Option<Boilerplate>,
    segment: Option<SegmentWords>,
    dates: Option<DateWords>,
    publishers: Option<PublisherCues>,
    quantities: Option<QuantityWords>,
    cues: Option<KindCues>,
    domains: Option<DomainLexicon>,
    link: Option<LinkWords>,
}

impl Lexicon {
    /// The lexicon compiled into readout.
    pub fn builtin() -> Result<Lexicon, LexiconError> {
        let [actors, boilerplate, segment, dates, publishers, quantities, cues, domains, link] =
            BUILTIN_FILES;
        Ok(Lexicon {
            actors: parse(actors.0, actors.1)?,
            boilerplate: parse(boilerplate.0, boilerplate.1)?,
            segment: parse(segment.0, segment.1)?,
            dates: parse(dates.0, dates.1)?,
            publishers: parse(publishers.0, publishers.1)?,
            quantities: parse(quantities.0, quantities.1)?,
            cues: parse(cues.0, cues.1)?,
            domains: parse(domains.0, domains.1)?,
            link: parse(link.0, link.1)?,
        })
    }

    /// Adds a user's overlay (the text of a TOML file) to this lexicon.
    /// `origin` names the file in error messages.
    pub fn extend_from_str(&mut self, origin: &str, text: &str) -> Result<(), LexiconError> {
        let overlay: Overlay = parse(origin, text)?;
        if let Some(x) = overlay.actors {
            self.actors.merge(x);
        }
        if let Some(x) = overlay.boilerplate {
            self.boilerplate.merge(x);
        }
        if let Some(x) = overlay.segment {
            self.segment.merge(x);
        }
        if let Some(x) = overlay.dates {
            self.dates.merge(x);
        }
        if let Some(x) = overlay.publishers {
            self.publishers.merge(x);
        }
        if let Some(x) = overlay.quantities {
            self.quantities.merge(x);
        }
        if let Some(x) = overlay.cues {
            self.cues.merge(x);
        }
        if let Some(x) = overlay.domains {
            self.domains.merge(x);
        }
        if let Some(x) = overlay.link {
            self.link.merge(x);
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_files_parse() {
        let lex = Lexicon::builtin().expect("built-in data parses");
        assert!(lex.actors.country.iter().any(|c| c.code == "JPN"));
        assert!(!lex.boilerplate.banner_phrases.is_empty());
        assert_eq!(lex.dates.months.len(), 12);
    }

    #[test]
    fn every_country_code_is_alpha3() {
        let lex = Lexicon::builtin().unwrap();
        for c in &lex.actors.country {
            assert!(c.code.len() == 3 && c.code.chars().all(|ch| ch.is_ascii_uppercase()), "{}", c.code);
        }
    }

    #[test]
    fn overlay_appends_lists_and_rejects_unknown_tables() {
        let mut lex = Lexicon::builtin().unwrap();
        let before = lex.boilerplate.banner_phrases.len();
        lex.extend_from_str(
            "user.toml",
            "[boilerplate]\nbanner_phrases = [\"this page is no longer maintained\"]\n\
             [[actors.country]]\ncode = \"JPN\"\npeople = [\"Taro Yamada\"]\n",
        )
        .unwrap();
        assert_eq!(lex.boilerplate.banner_phrases.len(), before + 1);
        let jpn: Vec<_> = lex.actors.country.iter().filter(|c| c.code == "JPN").collect();
        assert!(jpn.iter().any(|c| c.people.iter().any(|p| p == "Taro Yamada")));
        let err = lex.extend_from_str("bad.toml", "[nonsense]\nx = 1\n").unwrap_err();
        assert!(err.to_string().starts_with("bad.toml:"), "{err}");
    }
}
