//! What makes two statements speak of the same thing: their rare words,
//! the names and acronyms they share, and the kinds of figure they give.

use readout_extract::{Document, Statement};
use rustc_hash::{FxHashMap, FxHashSet};

/// A sparse vector of weighted terms.
pub type Vector = Vec<(u32, f32)>;

/// Term ids and their document frequencies.
#[derive(Debug, Default)]
pub struct Vocabulary {
    ids: FxHashMap<String, u32>,
    /// The term of each id, for titles.
    pub terms: Vec<String>,
    /// How many statements hold each term.
    pub df: Vec<u32>,
}

impl Vocabulary {
    fn id(&mut self, term: &str) -> u32 {
        if let Some(&id) = self.ids.get(term) {
            return id;
        }
        let id = self.terms.len() as u32;
        self.ids.insert(term.to_string(), id);
        self.terms.push(term.to_string());
        self.df.push(0);
        id
    }
}

/// Long names written with their acronym ("Overseas Private Investment
/// Corporation (OPIC)"), found across the corpus, lower case → acronym.
pub fn acronyms(docs: &[&Document]) -> FxHashMap<String, String> {
    let mut out = FxHashMap::default();
    for d in docs {
        let t = &d.text;
        let mut from = 0;
        while let Some(k) = t[from..].find('(') {
            let open = from + k;
            from = open + 1;
            let Some(close) = t[open..].find(')').map(|c| open + c) else { break };
            let acr = &t[open + 1..close];
            if !(2..=8).contains(&acr.len())
                || !acr.chars().all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
            {
                continue;
            }
            // The shortest run of capitalised words before the bracket that
            // starts with the acronym's first letter and ends with its last
            // ("Japan-U.S. Strategic Energy Partnership (JUSEP)").
            let before: Vec<&str> = t[..open]
                .split_whitespace()
                .rev()
                .take(8)
                .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric() && c != '-' && c != '.'))
                .collect();
            let initial = |w: &str| w.chars().next().unwrap_or(' ');
            let (Some(first), Some(last)) = (acr.chars().next(), acr.chars().last()) else { continue };
            if before.first().is_none_or(|w| initial(w) != last) {
                continue;
            }
            let mut run = Vec::new();
            for w in &before {
                let small = matches!(*w, "of" | "and" | "for" | "the" | "on" | "in" | "&");
                if !small && !w.starts_with(char::is_uppercase) {
                    break;
                }
                run.push(*w);
                if run.len() >= 2 && !small && initial(w) == first {
                    let mut words: Vec<&str> = run.clone();
                    words.reverse();
                    // The last three words name it too: the "Japan-United
                    // States Strategic Energy Partnership" is JUSEP as well.
                    if words.len() > 3 {
                        out.insert(words[words.len() - 3..].join(" ").to_lowercase(), acr.to_string());
                    }
                    out.insert(words.join(" ").to_lowercase(), acr.to_string());
                    break;
                }
            }
        }
    }
    out
}

/// What turns a statement into terms.
#[derive(Debug, Clone)]
pub struct TermRules {
    /// Words left out.
    pub stopwords: FxHashSet<String>,
    /// Long names → acronyms.
    pub acronyms: FxHashMap<String, String>,
    /// Concept words, and the concept of each.
    pub concepts: Option<(aho_corasick::AhoCorasick, Vec<ConceptWord>)>,
}

/// A word or phrase of a concept.
#[derive(Debug, Clone)]
pub struct ConceptWord {
    /// The concept's term ("c:defense").
    pub term: String,
    /// Written with a final `*`: any word it begins ("employ*"); otherwise
    /// the whole word, a plural "s" or "es" allowed.
    pub prefix: bool,
}

impl TermRules {
    /// Rules from stop words and concept lists; acronyms are added per
    /// corpus.
    pub fn new(
        stopwords: FxHashSet<String>,
        concepts: &std::collections::BTreeMap<String, Vec<String>>,
    ) -> TermRules {
        let mut words = Vec::new();
        let mut names = Vec::new();
        for (concept, list) in concepts {
            for w in list {
                let prefix = w.ends_with('*');
                words.push(w.trim_end_matches('*').to_lowercase());
                names.push(ConceptWord { term: format!("c:{concept}"), prefix });
            }
        }
        let concepts = aho_corasick::AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .build(&words)
            .ok()
            .map(|ac| (ac, names));
        TermRules { stopwords, acronyms: FxHashMap::default(), concepts }
    }
}

/// The terms of one statement: stems of its content words, its acronyms
/// (written or implied by a long name), its concepts and its kinds of
/// figure.
pub fn terms(s: &Statement, rules: &TermRules) -> Vec<String> {
    let (stopwords, acronyms) = (&rules.stopwords, &rules.acronyms);
    let mut out = Vec::new();
    let lower = s.text.to_lowercase();
    if let Some((ac, names)) = &rules.concepts {
        let mut seen = FxHashSet::default();
        for m in ac.find_overlapping_iter(&lower) {
            let word = &names[m.pattern().as_usize()];
            let at_word = lower[..m.start()].chars().next_back().is_none_or(|c| !c.is_alphanumeric());
            let rest = &lower[m.end()..];
            let rest = rest.strip_prefix("es").or(rest.strip_prefix('s')).unwrap_or(rest);
            let whole = word.prefix || rest.chars().next().is_none_or(|c| !c.is_alphanumeric());
            if at_word && whole && seen.insert(word.term.as_str()) {
                out.push(word.term.clone());
            }
        }
    }
    for w in s.text.split(|c: char| !c.is_alphanumeric() && c != '-') {
        if w.len() >= 2 && w.len() <= 8 && w.chars().all(|c| c.is_ascii_uppercase()) {
            out.push(format!("#{w}"));
            continue;
        }
        let l = w.to_lowercase();
        let l = ordinal_word(&l).map_or(l, str::to_string);
        if l.len() < 3 || stopwords.contains(&l) || l.chars().all(|c| c.is_ascii_digit() || c == '-') {
            continue;
        }
        out.push(stem(&l));
    }
    for (long, acr) in acronyms {
        if lower.contains(long.as_str()) {
            out.push(format!("#{acr}"));
        }
    }
    // A named day ("March 3, 2018") is an event both accounts may date.
    for d in &s.dates {
        if d.value.len() == 10 {
            out.push(format!("d:{}", d.value));
        }
    }
    for q in &s.quantities {
        let measure = format!("q:{:?}:{}", q.kind, q.unit.as_deref().unwrap_or("")).to_lowercase();
        // Equal or close values meet in one bucket (a twentieth of a decade:
        // 850,000 and 860,000 do, 850,000 and 1,000,000 do not).
        if q.value > 0.0 {
            // Two grids, half a step apart, so that close values always
            // share a bucket.
            let step = q.value.log10() * 20.0;
            out.push(format!("{measure}:{}", step.round() as i64));
            out.push(format!("{measure}:{}h", (step + 0.5).round() as i64));
        }
        out.push(measure);
    }
    out
}

/// "3rd" and "third" say the same: ordinals in figures, as words.
fn ordinal_word(w: &str) -> Option<&'static str> {
    const WORDS: [&str; 12] = [
        "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
        "eleventh", "twelfth",
    ];
    let digits =
        w.strip_suffix("st").or(w.strip_suffix("nd")).or(w.strip_suffix("rd")).or(w.strip_suffix("th"))?;
    let n: usize = digits.parse().ok()?;
    WORDS.get(n.checked_sub(1)?).copied()
}

/// A crude, fast stem: the first six letters ("memoranda", "memorandum"
/// and "memorandums" meet at "memora").
pub fn stem(w: &str) -> String {
    w.chars().take(6).collect()
}

/// Term-frequency vectors weighted by inverse document frequency, unit
/// length; and the vocabulary.
pub fn vectors(items: &[&Statement], rules: &TermRules) -> (Vec<Vector>, Vocabulary) {
    let mut vocab = Vocabulary::default();
    let mut raw: Vec<FxHashMap<u32, f32>> = Vec::with_capacity(items.len());
    for s in items {
        let mut tf: FxHashMap<u32, f32> = FxHashMap::default();
        for t in terms(s, rules) {
            let weight = if t.starts_with('#') {
                2.0
            } else if t.starts_with("c:") {
                1.5
            } else if t.starts_with("q:") {
                t.matches(':').count() as f32 * 0.6
            } else {
                1.0
            };

            *tf.entry(vocab.id(&t)).or_default() += weight;
        }
        for id in tf.keys() {
            vocab.df[*id as usize] += 1;
        }
        raw.push(tf);
    }
    let n = items.len().max(1) as f32;
    let vectors = raw
        .into_iter()
        .map(|tf| {
            let mut v: Vector = tf
                .into_iter()
                .map(|(id, f)| (id, (1.0 + f.ln()) * (1.0 + n / vocab.df[id as usize] as f32).ln()))
                .filter(|&(_, w)| w > 0.0)
                .collect();
            let norm = v.iter().map(|(_, w)| w * w).sum::<f32>().sqrt();
            if norm > 0.0 {
                for (_, w) in &mut v {
                    *w /= norm;
                }
            }
            v.sort_unstable_by_key(|&(id, _)| id);
            v
        })
        .collect();
    (vectors, vocab)
}

/// Cosine of two unit vectors sorted by term id.
pub fn cosine(a: &Vector, b: &Vector) -> f32 {
    let (mut i, mut j, mut dot) = (0, 0, 0.0);
    while i < a.len() && j < b.len() {
        match a[i].0.cmp(&b[j].0) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                dot += a[i].1 * b[j].1;
                i += 1;
                j += 1;
            }
        }
    }
    dot
}

#[cfg(test)]
mod tests {
    use super::*;
    use readout_extract::{Kind, Span};

    fn statement(text: &str) -> Statement {
        Statement {
            id: "d-0:0".into(),
            span: Span::new(0, text.len()),
            text: text.into(),
            speaker: None,
            kind: Kind::Commitment,
            modality: None,
            actors: Vec::new(),
            domains: Vec::new(),
            quantities: Vec::new(),
            dates: Vec::new(),
            page: None,
        }
    }

    #[test]
    fn concept_words_match_whole_words_unless_starred() {
        let lexicon = readout_lexicon::Lexicon::builtin().unwrap();
        let rules = TermRules::new(FxHashSet::default(), &lexicon.link.concepts);
        let concepts = |text: &str| -> Vec<String> {
            terms(&statement(text), &rules).into_iter().filter(|t| t.starts_with("c:")).collect()
        };
        assert_eq!(concepts("They will defend the bases."), ["c:defense", "c:basing"]);
        assert_eq!(concepts("Employees and investors gained."), ["c:employment", "c:investment"]);
        assert!(
            concepts("According to officials, protectionism is based on fear.").is_empty(),
            "{:?}",
            concepts("According to officials, protectionism is based on fear.")
        );
    }

    #[test]
    fn ordinals_in_figures_read_as_words() {
        assert_eq!(ordinal_word("3rd"), Some("third"));
        assert_eq!(ordinal_word("1st"), Some("first"));
        assert_eq!(ordinal_word("12th"), Some("twelfth"));
        for not in ["0th", "13th", "rd", "third", "3", "f-35a"] {
            assert_eq!(ordinal_word(not), None, "{not}");
        }
    }
}
