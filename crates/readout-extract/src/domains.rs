//! Domains: multi-label, from weighted lexicons (`data/domains.toml`).

use crate::aliases::{AliasHit, AliasKind};
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use readout_lexicon::Lexicon;

/// The domain lexicons, compiled into one automaton.
#[derive(Debug, Clone)]
pub struct DomainScorer {
    automaton: AhoCorasick,
    /// Per pattern: (domain index, weight).
    terms: Vec<(usize, f32)>,
    names: Vec<String>,
    min_score: f32,
}

impl DomainScorer {
    /// Compiles the domain lexicons of `lexicon`.
    pub fn new(lexicon: &Lexicon) -> DomainScorer {
        let d = &lexicon.domains;
        let mut names: Vec<String> = Vec::new();
        let mut patterns = Vec::new();
        let mut terms = Vec::new();
        for domain in &d.domain {
            let idx = match names.iter().position(|n| n == &domain.name) {
                Some(i) => i,
                None => {
                    names.push(domain.name.clone());
                    names.len() - 1
                }
            };
            for (term, weight) in &domain.terms {
                patterns.push(term.to_lowercase());
                terms.push((idx, *weight));
            }
        }
        let automaton = AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::LeftmostLongest)
            .build(&patterns)
            .expect("domain automaton builds");
        DomainScorer { automaton, terms, names, min_score: d.min_score.unwrap_or(1.0) }
    }

    /// The domains of a statement, strongest first. `hits` are its alias
    /// hits: a term inside an agency's or company's name does not count.
    pub fn domains(&self, text: &str, hits: &[AliasHit]) -> Vec<String> {
        let mut scores = vec![0.0f32; self.names.len()];
        // Each term counts once per statement.
        let mut seen = vec![false; self.terms.len()];
        for m in self.automaton.find_iter(text) {
            let (start, end) = (m.start(), m.end());
            let word_start = text[..start].chars().next_back().is_none_or(|c| !c.is_alphanumeric());
            if !word_start {
                continue;
            }
            let inside_name = hits.iter().any(|h| {
                h.kind == AliasKind::Body && h.start <= start && end <= h.end && (h.start, h.end) != (start, end)
            });
            if inside_name {
                continue;
            }
            let p = m.pattern().as_usize();
            if std::mem::replace(&mut seen[p], true) {
                continue;
            }
            let (domain, weight) = self.terms[p];
            scores[domain] += weight;
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
        let mut d = DomainScorer::new(&lex).domains(s, &hits);
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
            ("the trade deficit in goods was $68.8 billion", &["trade"]),
            ("Japanese companies have invested more than $400 billion", &["investment"]),
            ("freedom of navigation and overflight in the South China Sea", &["maritime"]),
            ("the realignment of United States forces to maintain deterrent capability", &["security"]),
        ];
        for (s, want) in cases {
            let want: Vec<String> = want.iter().map(|x| x.to_string()).collect();
            assert_eq!(domains(s), want, "{s}");
        }
        assert!(domains("The meeting took place.").is_empty());
    }
}
