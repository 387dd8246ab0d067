//! Domains: multi-label, from weighted lexicons (`data/domains.toml`).
//!
//! Terms are matched on the statement's words, so that matching costs a
//! few hash look-ups per word whatever the size of the lexicon.

use crate::aliases::{AliasHit, AliasKind};
use crate::words::{word_hash, words, Word, WordMap};
use readout_lexicon::Lexicon;

/// One term: its words, whether its last word is a prefix, its domain and
/// weight.
#[derive(Debug, Clone)]
struct Term {
    words: Vec<String>,
    prefix: bool,
    domain: usize,
    weight: f32,
}

/// How many bytes of a prefix term key its look-up.
const PREFIX_KEY: usize = 4;

/// The domain lexicons, compiled.
#[derive(Debug, Clone)]
pub struct DomainScorer {
    terms: Vec<Term>,
    /// First word (whole, and for one-word terms also with a plural
    /// ending) → terms.
    by_word: WordMap<Vec<usize>>,
    /// The first bytes of one-word prefix terms → those terms: one look-up
    /// a word whatever the number of prefixes.
    by_prefix: WordMap<Vec<usize>>,
    /// Prefix terms shorter than the key.
    short_prefixes: Vec<usize>,
    names: Vec<String>,
    min_score: f32,
}

impl DomainScorer {
    /// Compiles the domain lexicons of `lexicon`.
    pub fn new(lexicon: &Lexicon) -> DomainScorer {
        let d = &lexicon.domains;
        let mut names: Vec<String> = Vec::new();
        let mut scorer = DomainScorer {
            terms: Vec::new(),
            by_word: WordMap::default(),
            by_prefix: WordMap::default(),
            short_prefixes: Vec::new(),
            names: Vec::new(),
            min_score: d.min_score.unwrap_or(1.0),
        };
        for domain in &d.domain {
            let idx = match names.iter().position(|n| n == &domain.name) {
                Some(i) => i,
                None => {
                    names.push(domain.name.clone());
                    names.len() - 1
                }
            };
            for (term, weight) in &domain.terms {
                let prefix = term.ends_with('*');
                let ws: Vec<String> =
                    words(term.trim_end_matches('*')).into_iter().map(|w| w.text.to_string()).collect();
                let Some(first) = ws.first().cloned() else { continue };
                let id = scorer.terms.len();
                if prefix && ws.len() == 1 {
                    match first.get(..PREFIX_KEY) {
                        Some(key) => scorer.by_prefix.entry(key.to_string()).push(id),
                        None => scorer.short_prefixes.push(id),
                    }
                } else {
                    if ws.len() == 1 {
                        // "agreements" finds "agreement" in one look-up.
                        for ending in ["s", "es"] {
                            scorer.by_word.entry(format!("{first}{ending}")).push(id);
                        }
                    }
                    scorer.by_word.entry(first).push(id);
                }
                scorer.terms.push(Term { words: ws, prefix, domain: idx, weight: *weight });
            }
        }
        scorer.names = names;
        scorer
    }

    /// Does term `t` match at word `i`? Returns the index after it.
    fn matches(&self, t: &Term, ws: &[Word], i: usize) -> Option<usize> {
        let n = t.words.len();
        if i + n > ws.len() {
            return None;
        }
        for (k, tw) in t.words.iter().enumerate() {
            let last = k + 1 == n;
            let w = ws[i + k].text.as_str();
            // "the hospital's capabilities": a possessive keeps its word.
            let w = if last { w.strip_suffix("'s").unwrap_or(w) } else { w };
            let ok = if last && t.prefix {
                w.starts_with(tw.as_str())
            } else if last {
                w == tw || w.strip_suffix('s') == Some(tw) || w.strip_suffix("es") == Some(tw)
            } else {
                w == tw
            };
            if !ok {
                return None;
            }
        }
        Some(i + n)
    }

    /// The domains of a statement, strongest first. `hits` are its alias
    /// hits: a term inside an agency's or company's name ("Trade" in "U.S.
    /// Trade and Development Agency") does not count.
    pub fn domains(&self, ws: &[Word], hits: &[AliasHit]) -> Vec<String> {
        let mut scores = vec![0.0f32; self.names.len()];
        // The terms already counted: a handful a statement.
        let mut seen: Vec<usize> = Vec::new();
        // A term inside a name ("Moon" in "Moon Jae-in", "Trade" in "U.S.
        // Trade and Development Agency") does not count, nor a person's
        // name that is the term ("President Moon" … "Moon said"); a body
        // that is the term itself ("NASA") does.
        let inside_name = |start: usize, end: usize| {
            hits.iter().any(|h| {
                let covers = h.start <= start && end <= h.end;
                match h.kind {
                    AliasKind::Person => covers,
                    // A body's last words name what it is ("U.S. Navy",
                    // "Department of Energy"): they count.
                    AliasKind::Body => covers && end != h.end,
                    _ => false,
                }
            })
        };
        let mut i = 0;
        while i < ws.len() {
            // The longest term starting here wins.
            let (w, hash) = match ws[i].text.strip_suffix("'s") {
                Some(stem) => (stem, word_hash(stem)),
                None => (ws[i].text.as_str(), ws[i].hash),
            };
            let mut best: Option<(usize, usize)> = None;
            let mut consider = |ids: &[usize]| {
                for &id in ids {
                    if let Some(end) = self.matches(&self.terms[id], ws, i) {
                        if best.is_none_or(|(_, e)| end > e) {
                            best = Some((id, end));
                        }
                    }
                }
            };
            if let Some(ids) = self.by_word.get_hashed(w, hash) {
                consider(ids);
            }
            if let Some(ids) =
                w.get(..PREFIX_KEY).and_then(|key| self.by_prefix.get_hashed(key, word_hash(key)))
            {
                consider(ids);
            }
            if !self.short_prefixes.is_empty() {
                consider(&self.short_prefixes);
            }
            match best {
                Some((id, end)) => {
                    let (start, stop) = (ws[i].start, ws[end - 1].end);
                    if !inside_name(start, stop) && !seen.contains(&id) {
                        seen.push(id);
                        let t = &self.terms[id];
                        scores[t.domain] += t.weight;
                    }
                    i = end;
                }
                None => i += 1,
            }
        }
        let mut ranked: Vec<(usize, f32)> =
            scores.iter().copied().enumerate().filter(|&(_, s)| s >= self.min_score).collect();
        ranked.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        ranked.into_iter().map(|(i, _)| self.names[i].clone()).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::aliases::AliasIndex;

    fn domains(s: &str) -> Vec<String> {
        let lex = Lexicon::builtin().unwrap();
        let hits = AliasIndex::new(&lex).find(s);
        let mut d = DomainScorer::new(&lex).domains(&words(s), &hits);
        d.sort();
        d
    }

    #[test]
    fn domain_table() {
        let cases: &[(&str, &[&str])] = &[
            ("reaffirmed their strong commitment to enhance United States-Japan cyber cooperation.", &["cyber"]),
            ("launched the Japan-United States Strategic Energy Partnership", &["energy"]),
            (
                "On November 6, the U.S. Trade and Development Agency signed a memorandum to build high quality energy infrastructure solutions.",
                &["energy", "infrastructure"],
            ),
            ("Japanese astronauts will strive to join American astronauts on the Moon.", &["space"]),
            ("two new sister-city relationships and young leaders", &["people"]),
            ("good relations and a wonderful friendship", &["diplomacy"]),
            ("welcomed the entry into force of the Reciprocal Access Agreement", &["security"]),
            ("Japan will double its defense budget and acquire counterstrike capabilities", &["security"]),
            ("upgraded relations to a Comprehensive Strategic Partnership", &["diplomacy"]),
            ("welcomed the conclusion of negotiations on cross-border data flows", &["digital"]),
            ("signed a Memorandum of Cooperation on semiconductors", &["digital"]),
            ("committed to mobilise EUR 1 billion for connectivity projects in Africa", &["infrastructure"]),
            // Not "defend*": defendants are no defence.
            ("The defendants allegedly operated the network", &[]),
            ("the trade deficit in goods was $68.8 billion", &["trade"]),
            ("Japanese companies have invested more than $400 billion", &["investment"]),
            ("freedom of navigation and overflight in the South China Sea", &["maritime"]),
            ("welcomed the progress in the Mumbai-Ahmedabad High Speed Rail project", &["infrastructure"]),
            ("nuclear-powered submarines and undersea cables", &["digital", "security"]),
            ("the Hiroshima AI Process", &["science"]),
            ("The two navies will conduct joint exercises twice a year.", &["security"]),
            ("The two coast guards conducted a joint exercise.", &["security"]),
            ("The United States will open new consulates in Bengaluru.", &["diplomacy"]),
            ("the realignment of United States forces to maintain deterrent capability", &["security"]),
            ("to upgrade their respective command and control frameworks", &["security"]),
            ("Japan will provide a pressurized rover for the Artemis program", &["space"]),
            // Climate's statements are of energy.
            ("We reaffirm our commitment to net-zero greenhouse gas emissions by 2050.", &["energy"]),
            ("to decarbonize the maritime sector", &["energy", "maritime"]),
            ("signed the Joint Declaration on Security Cooperation", &["security"]),
            ("strengthening trilateral cooperation with the Republic of Korea", &["diplomacy"]),
            ("China has been Australia's largest trading partner for 15 years", &["trade"]),
            ("Coinbase allows minute-by-minute trading of cryptocurrencies", &[]),
            ("Approximately 1.2 million Chinese tourists came to Australia", &["people"]),
            // A body's last words say what it is; words inside its name do not.
            ("The United States will rotate more U.S. Navy vessels through the port.", &["security"]),
            ("The Japan Coast Guard will conduct a trilateral maritime exercise.", &["diplomacy", "maritime", "security"]),
            ("We are committed to advancing economic security and resilience.", &["trade"]),
            ("We launch the Luzon Economic Corridor.", &["infrastructure"]),
        ];
        for (s, want) in cases {
            let want: Vec<String> = want.iter().map(|x| x.to_string()).collect();
            assert_eq!(domains(s), want, "{s}");
        }
        assert!(domains("The meeting took place.").is_empty());
        // Whole words: "issues" is not the ISS, "importance" no import,
        // "investigation" no investment, "hospitality" no hospital.
        assert!(domains("They noted the importance of these issues.").is_empty());
        assert!(domains("They praised the hospitality and the investigation.").is_empty());
        // A possessive keeps its word; a stem its derivations.
        assert_eq!(domains("attacks on the hospital's vicinity"), ["health"]);
        assert_eq!(domains("the rate of hospitalization fell"), ["health"]);
    }
}
