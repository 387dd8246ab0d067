//! Statements of many documents to threads, figures and comparisons.
//!
//! - [`Linker::threads`]: statements that speak of the same undertaking or
//!   figure, across documents, each thread with a status over time
//!   (pledged → in progress → done) and a conflict flag where sources give
//!   different values for the same measure;
//! - [`Linker::figures`]: every quantity, grouped by what it measures;
//! - [`Linker::compare`]: two accounts of one meeting side by side.
//!
//! Similarity is TF-IDF cosine over content-word stems, acronyms (also
//! when only the long name is written) and kinds of figure. Candidate pairs
//! come from an inverted index of the terms that are rare in the corpus, so
//! the work grows with the pairs that share something, not with all pairs.

#![warn(missing_docs)]

pub mod features;

use features::{cosine, Vector};
use readout_extract::{Document, Kind, Modality, Qualifier, QuantityKind, Statement};
use readout_lexicon::Lexicon;
use rustc_hash::{FxHashMap, FxHashSet};
use serde::Serialize;
use sha2::{Digest, Sha256};

/// A thread's state, per the taxonomy.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "kebab-case")]
pub enum Status {
    /// Undertaken, nothing reported done.
    Pledged,
    /// Under way: acts reported and undertakings still running.
    InProgress,
    /// Reported as done.
    Done,
    /// Figures only.
    Unknown,
}

impl Status {
    /// The taxonomy's name.
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Pledged => "pledged",
            Status::InProgress => "in-progress",
            Status::Done => "done",
            Status::Unknown => "unknown",
        }
    }
}

/// One statement of a thread.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Member {
    /// The file name of its document.
    pub doc: String,
    /// The statement's id.
    pub statement: String,
    /// Its document's date.
    pub date: Option<String>,
    /// Its kind.
    pub kind: Kind,
    /// Its modality.
    pub modality: Option<Modality>,
    /// Its text.
    pub text: String,
    /// A stance that reports the thing done ("welcomed the signing of
    /// …"): for the thread's status, the act itself.
    #[serde(skip)]
    #[cfg_attr(feature = "openapi", schema(ignore))]
    pub reports_done: bool,
}

/// Statements of several documents about one undertaking or figure.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Thread {
    /// Stable id from the members' statement ids.
    pub id: String,
    /// Salient terms.
    pub title: String,
    /// The latest state the documents show.
    pub status: Status,
    /// Members give different values for the same measure.
    pub conflict: bool,
    /// Members in date order.
    pub members: Vec<Member>,
}

/// A figure in a group.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Figure {
    /// The file name of its document.
    pub doc: String,
    /// The statement's id.
    pub statement: String,
    /// The document's date.
    pub date: Option<String>,
    /// The value in whole units.
    pub value: f64,
    /// Currency or counted noun.
    pub unit: Option<String>,
    /// How it is qualified.
    pub qualifier: Qualifier,
    /// The words as they stand.
    pub text: String,
}

/// Quantities that measure the same thing.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct FigureGroup {
    /// What is measured ("jobs: employ, workers").
    pub measure: String,
    /// money, jobs, percent or count.
    pub kind: QuantityKind,
    /// Different documents give different values.
    pub conflict: bool,
    /// The figures, in date order.
    pub figures: Vec<Figure>,
}

/// Which document of a comparison a statement is from.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Side {
    /// The file name.
    pub doc: String,
    /// The publisher.
    pub publisher: String,
    /// The date.
    pub date: Option<String>,
}

/// Two statements reporting the same thing.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Aligned {
    /// Statement id in A.
    pub a: String,
    /// Statement id in B.
    pub b: String,
    /// Similarity.
    pub score: f32,
    /// A's text.
    pub a_text: String,
    /// B's text.
    pub b_text: String,
}

/// A statement one side reported and the other did not.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct OnlyOne {
    /// Statement id.
    pub statement: String,
    /// Its kind.
    pub kind: Kind,
    /// Its text.
    pub text: String,
}

/// A figure as one side gives it.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct FigureRef {
    /// Statement id.
    pub statement: String,
    /// The figure's words.
    pub text: String,
    /// Its value.
    pub value: f64,
}

/// A measure both sides give a figure for.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct FigurePair {
    /// What is measured.
    pub measure: String,
    /// A's figure.
    pub a: FigureRef,
    /// B's figure.
    pub b: FigureRef,
    /// The values differ.
    pub conflict: bool,
}

/// Two accounts side by side (`readout compare --format json`).
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Comparison {
    /// Document A.
    pub a: Side,
    /// Document B.
    pub b: Side,
    /// Statements reporting the same thing.
    pub aligned: Vec<Aligned>,
    /// Tracked statements only A reported.
    pub only_a: Vec<OnlyOne>,
    /// Tracked statements only B reported.
    pub only_b: Vec<OnlyOne>,
    /// Figures of the same measure on both sides.
    pub figures: Vec<FigurePair>,
}

/// The linking stage, with its lexicon compiled.
#[derive(Debug, Clone)]
pub struct Linker {
    rules: features::TermRules,
    raised: Vec<String>,
    measures: Vec<String>,
    /// Stances and nouns that report a thing done, lower case.
    done_stances: Vec<String>,
    done_nouns: Vec<String>,
    /// Least cosine similarity that links two statements.
    pub threshold: f32,
    /// Least average similarity between two groups that merges them.
    pub cluster_threshold: f32,
    /// Least similarity that aligns two statements in a comparison.
    pub align_threshold: f32,
}

/// The file name of a document's source.
pub fn doc_name(d: &Document) -> String {
    d.source.rsplit(['/', '\\']).next().unwrap_or(&d.source).to_string()
}

/// Statements worth linking: every kind but `other`.
fn linkable(s: &Statement) -> bool {
    s.kind != Kind::Other
}

/// Both vectors (sorted by term id) hold one of `terms`.
fn shares(a: &Vector, b: &Vector, terms: &FxHashSet<u32>) -> bool {
    let (mut i, mut j) = (0, 0);
    while i < a.len() && j < b.len() {
        match a[i].0.cmp(&b[j].0) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                if terms.contains(&a[i].0) {
                    return true;
                }
                i += 1;
                j += 1;
            }
        }
    }
    false
}

/// How alike two statements are: the cosine of their term vectors, with a
/// bonus when both give a figure of the same measure with close values
/// ("over 850,000 workers", "860,000 hires") and share a concept, and
/// another when both name the same rare program or body by its acronym
/// (JUSEP, OPIC), which says more than any run of common words.
struct Similarity<'a> {
    vectors: &'a [Vector],
    items: &'a [&'a Statement],
    /// Term ids that are concepts ("c:employment").
    concepts: FxHashSet<u32>,
    /// Term ids of rare names ("#JUSEP", "#OPIC").
    names: FxHashSet<u32>,
}

impl Similarity<'_> {
    /// Both give a figure of the same kind and unit within a tenth of each
    /// other, and share a concept ("invested more than $400 billion",
    /// "FDI exceeding $424 billion").
    fn close_figures(&self, i: usize, j: usize) -> bool {
        shares(&self.vectors[i], &self.vectors[j], &self.concepts)
            && self.items[i].quantities.iter().any(|a| {
                self.items[j]
                    .quantities
                    .iter()
                    .any(|b| a.kind == b.kind && a.unit == b.unit && ratio_within(a.value, b.value, 1.1))
            })
    }

    fn of(&self, i: usize, j: usize) -> f32 {
        let c = cosine(&self.vectors[i], &self.vectors[j]);
        if c < 0.05 {
            return c;
        }
        let close = self.close_figures(i, j);
        let named = shares(&self.vectors[i], &self.vectors[j], &self.names);
        let bonus = if close { 0.25 } else { 0.0 } + if named { 0.2 } else { 0.0 };
        (c + bonus).min(1.0)
    }
}

/// A figure of a thread: its document, value, and whether it is part of a
/// plan raised over time.
type MeasuredValue = (usize, f64, bool);

/// Groups statements by average linkage: the pairs, best first, merge their
/// groups when the mean similarity of all cross pairs stays at or above
/// `min`. Unlike single linkage, a chain of near neighbours does not pull
/// unrelated statements into one thread. Returns groups of two or more.
fn average_linkage(
    pairs: &[(usize, usize, f32)],
    sim: &Similarity<'_>,
    n: usize,
    min: f32,
) -> Vec<Vec<usize>> {
    let mut group_of: Vec<usize> = (0..n).collect();
    let mut members: FxHashMap<usize, Vec<usize>> = FxHashMap::default();
    for &(i, j, _) in pairs {
        let (gi, gj) = (group_of[i], group_of[j]);
        if gi == gj {
            continue;
        }
        let a = members.get(&gi).cloned().unwrap_or_else(|| vec![i]);
        let b = members.get(&gj).cloned().unwrap_or_else(|| vec![j]);
        // Large groups merge only on strong evidence, at bounded cost.
        if a.len() * b.len() > 400 {
            continue;
        }
        let total: f32 =
            a.iter().flat_map(|&x| b.iter().map(move |&y| (x, y))).map(|(x, y)| sim.of(x, y)).sum();
        if total / ((a.len() * b.len()) as f32) < min {
            continue;
        }
        let (keep, gone) = (gi.min(gj), gi.max(gj));
        let mut merged = a;
        merged.extend(b);
        for &m in &merged {
            group_of[m] = keep;
        }
        members.remove(&gone);
        members.insert(keep, merged);
    }
    let mut groups: Vec<Vec<usize>> = members.into_values().collect();
    for g in &mut groups {
        g.sort_unstable();
    }
    groups.sort();
    groups
}

impl Linker {
    /// Compiles the linking words of `lexicon`.
    pub fn new(lexicon: &Lexicon) -> Linker {
        let l = &lexicon.link;
        Linker {
            rules: features::TermRules::new(
                l.stopwords.iter().chain(&l.frame_words).map(|w| w.to_lowercase()).collect(),
                &l.concepts,
            ),
            raised: l.raised.clone(),
            measures: l.measures.clone(),
            done_stances: l.done_stances.iter().map(|w| w.to_lowercase()).collect(),
            done_nouns: l.done_nouns.iter().map(|w| w.to_lowercase()).collect(),
            threshold: 0.20,
            cluster_threshold: 0.35,
            align_threshold: 0.30,
        }
    }

    /// Whether a stance reports the thing done: a done-stance verb, "the",
    /// a done noun ("welcomed the signing of", "noted the entry into
    /// force of").
    fn reports_done(&self, text: &str) -> bool {
        let lower = text.to_lowercase();
        self.done_stances.iter().any(|verb| {
            lower.match_indices(verb.as_str()).any(|(at, v)| {
                let whole = lower[..at].chars().next_back().is_none_or(|c| !c.is_alphanumeric());
                let rest = lower[at + v.len()..].strip_prefix(" the ");
                whole
                    && rest.is_some_and(|rest| {
                        self.done_nouns.iter().any(|n| {
                            rest.strip_prefix(n.as_str())
                                .is_some_and(|r| r.starts_with(|c: char| !c.is_alphanumeric()))
                        })
                    })
            })
        })
    }

    /// The rules that turn a statement into terms (before a corpus adds its
    /// acronyms).
    pub fn rules(&self) -> &features::TermRules {
        &self.rules
    }

    /// Candidate pairs (statement indices, different documents) and their
    /// cosine, from an inverted index of rare terms.
    fn similar_pairs(
        &self,
        sim: &Similarity<'_>,
        doc_of: &[usize],
        df: &[u32],
        min: f32,
    ) -> Vec<(usize, usize, f32)> {
        let vectors = sim.vectors;
        let n = vectors.len();
        let max_df = ((n as f32 * 0.15) as u32).clamp(3, 400);
        let mut postings: FxHashMap<u32, Vec<usize>> = FxHashMap::default();
        for (i, v) in vectors.iter().enumerate() {
            for &(t, _) in v {
                if df[t as usize] >= 2 && df[t as usize] <= max_df {
                    postings.entry(t).or_default().push(i);
                }
            }
        }
        let mut seen: FxHashSet<(usize, usize)> = FxHashSet::default();
        let mut out = Vec::new();
        let mut terms: Vec<&u32> = postings.keys().collect();
        terms.sort_unstable();
        for t in terms {
            let list = &postings[t];
            for (x, &i) in list.iter().enumerate() {
                for &j in &list[x + 1..] {
                    if doc_of[i] == doc_of[j] || !seen.insert((i, j)) {
                        continue;
                    }
                    let c = sim.of(i, j);
                    if c >= min {
                        out.push((i, j, c));
                    }
                }
            }
        }
        out.sort_by(|a, b| b.2.total_cmp(&a.2).then(a.0.cmp(&b.0)).then(a.1.cmp(&b.1)));
        out
    }

    /// Links the statements of `docs` into threads.
    pub fn threads(&self, docs: &[Document]) -> Vec<Thread> {
        let refs: Vec<&Document> = docs.iter().collect();
        let rules = features::TermRules { acronyms: features::acronyms(&refs), ..self.rules.clone() };
        let mut items: Vec<&Statement> = Vec::new();
        let mut doc_of: Vec<usize> = Vec::new();
        for (d, doc) in docs.iter().enumerate() {
            for s in doc.statements.iter().filter(|s| linkable(s)) {
                items.push(s);
                doc_of.push(d);
            }
        }
        let (vectors, vocab) = features::vectors(&items, &rules);
        let concepts =
            (0..vocab.terms.len() as u32).filter(|&t| vocab.terms[t as usize].starts_with("c:")).collect();
        // Names held by at most a twentieth of the statements.
        let rare = (items.len() as f32 * 0.05).max(3.0) as u32;
        let names = (0..vocab.terms.len() as u32)
            .filter(|&t| vocab.terms[t as usize].starts_with('#') && vocab.df[t as usize] <= rare)
            .collect();
        let sim = Similarity { vectors: &vectors, items: &items, concepts, names };
        let pairs = self.similar_pairs(&sim, &doc_of, &vocab.df, self.threshold);

        let mut groups = average_linkage(&pairs, &sim, items.len(), self.cluster_threshold);
        attach_figures(&mut groups, &pairs, &sim, self.cluster_threshold);
        let mut threads: Vec<Thread> = groups
            .into_iter()
            .filter(|g| g.iter().map(|&i| doc_of[i]).collect::<FxHashSet<_>>().len() >= 2)
            .map(|g| self.thread(docs, &items, &doc_of, &vectors, &vocab, g))
            .collect();
        threads.sort_by(|a, b| {
            let key = |t: &Thread| {
                (
                    t.members.first().and_then(|m| m.date.clone()),
                    t.members.first().map(|m| m.statement.clone()),
                )
            };
            key(a).cmp(&key(b))
        });
        threads
    }

    fn thread(
        &self,
        docs: &[Document],
        items: &[&Statement],
        doc_of: &[usize],
        vectors: &[Vector],
        vocab: &features::Vocabulary,
        mut group: Vec<usize>,
    ) -> Thread {
        // Date order; documents without a date keep their corpus order.
        group.sort_by(|&a, &b| {
            (docs[doc_of[a]].date.as_deref().unwrap_or("9999"), doc_of[a], a).cmp(&(
                docs[doc_of[b]].date.as_deref().unwrap_or("9999"),
                doc_of[b],
                b,
            ))
        });
        let members: Vec<Member> = group
            .iter()
            .map(|&i| Member {
                doc: doc_name(&docs[doc_of[i]]),
                statement: items[i].id.clone(),
                date: docs[doc_of[i]].date.clone(),
                kind: items[i].kind,
                modality: items[i].modality,
                text: items[i].text.clone(),
                reports_done: items[i].kind == Kind::Position && self.reports_done(&items[i].text),
            })
            .collect();
        let mut hasher = Sha256::new();
        let mut ids: Vec<&str> = members.iter().map(|m| m.statement.as_str()).collect();
        ids.sort_unstable();
        for id in ids {
            hasher.update(id.as_bytes());
            hasher.update(b"\n");
        }
        let digest = hasher.finalize();
        let id = format!("t-{}", digest[..6].iter().map(|b| format!("{b:02x}")).collect::<String>());
        let title = title(items, &group, vectors, vocab);
        let conflict = self.conflict(items, doc_of, &group);
        Thread { id, title, status: status(&members), conflict, members }
    }

    /// Different values for the same measure from different documents;
    /// a plan raised over time is no conflict.
    fn conflict(&self, items: &[&Statement], doc_of: &[usize], group: &[usize]) -> bool {
        // (kind, unit) → (document, value, part of a raised plan)
        let mut by_measure: FxHashMap<(String, Option<String>), Vec<MeasuredValue>> = FxHashMap::default();
        for &i in group {
            let s = items[i];
            let lower = s.text.to_lowercase();
            let raised = self.raised.iter().any(|r| lower.contains(r.as_str()));
            for q in &s.quantities {
                by_measure.entry((format!("{:?}", q.kind), q.unit.clone())).or_default().push((
                    doc_of[i],
                    q.value,
                    raised && s.kind == Kind::Commitment,
                ));
            }
        }
        by_measure.values().any(|figures| {
            figures.iter().any(|&(da, va, ra)| {
                figures.iter().any(|&(db, vb, rb)| {
                    let differ = (va - vb).abs() > 0.005 * va.abs().max(vb.abs());
                    // Each document's own figures: a conflict needs a value
                    // the other document does not also give.
                    let shared =
                        figures.iter().any(|&(d, v, _)| d == db && (v - va).abs() <= 0.005 * va.abs());
                    da != db && differ && !shared && !(ra || rb)
                })
            })
        })
    }

    /// Every quantity in `docs`, grouped by what it measures; conflicting
    /// groups first.
    pub fn figures(&self, docs: &[Document], threads: &[Thread]) -> Vec<FigureGroup> {
        // A statement's thread, for grouping figures of one subject.
        let mut thread_of: FxHashMap<&str, &Thread> = FxHashMap::default();
        for t in threads {
            for m in &t.members {
                thread_of.insert(m.statement.as_str(), t);
            }
        }
        let mut groups: Vec<FigureGroup> = Vec::new();
        let mut index: FxHashMap<(String, String), usize> = FxHashMap::default();
        for d in docs {
            for s in &d.statements {
                for q in &s.quantities {
                    let kind = q.kind.as_str().to_string();
                    let unit = q.unit.clone().unwrap_or_default();
                    let subject = match thread_of.get(s.id.as_str()) {
                        Some(t) => t.title.clone(),
                        None => self.measure_words(&s.text, &s.actors),
                    };
                    let measure = if unit.is_empty() {
                        format!("{kind}: {subject}")
                    } else {
                        format!("{kind} ({unit}): {subject}")
                    };
                    let key = (measure.clone(), kind.clone());
                    let gi = *index.entry(key).or_insert_with(|| {
                        groups.push(FigureGroup {
                            measure,
                            kind: q.kind,
                            conflict: false,
                            figures: Vec::new(),
                        });
                        groups.len() - 1
                    });
                    groups[gi].figures.push(Figure {
                        doc: doc_name(d),
                        statement: s.id.clone(),
                        date: d.date.clone(),
                        value: q.value,
                        unit: q.unit.clone(),
                        qualifier: q.qualifier,
                        text: q.text.clone(),
                    });
                }
            }
        }
        for g in &mut groups {
            g.figures.sort_by(|a, b| {
                (a.date.as_deref().unwrap_or("9999"), &a.statement)
                    .cmp(&(b.date.as_deref().unwrap_or("9999"), &b.statement))
            });
            g.conflict = g.figures.iter().any(|a| {
                g.figures.iter().any(|b| {
                    a.doc != b.doc && (a.value - b.value).abs() > 0.005 * a.value.abs().max(b.value.abs())
                }) && !g
                    .figures
                    .iter()
                    .filter(|b| b.doc != a.doc)
                    .all(|b| (b.value - a.value).abs() <= 0.005 * a.value.abs())
            });
        }
        groups.sort_by(|a, b| b.conflict.cmp(&a.conflict).then(a.measure.cmp(&b.measure)));
        groups
    }

    /// "investment by JPN": the measure nouns of a statement and its actors.
    /// The nouns of what figures measure ("trade", "deficit") that `text`
    /// holds as words, in the order of the lexicon's list.
    fn measure_nouns(&self, text: &str) -> Vec<&str> {
        let lower = text.to_lowercase();
        self.measures
            .iter()
            .filter(|m| lower.split(|c: char| !c.is_alphanumeric()).any(|w| w == m.as_str()))
            .map(String::as_str)
            .collect()
    }

    fn measure_words(&self, text: &str, actors: &[String]) -> String {
        let words: Vec<&str> = self.measure_nouns(text).into_iter().take(2).collect();
        let what = if words.is_empty() { "other".to_string() } else { words.join(", ") };
        if actors.is_empty() {
            what
        } else {
            format!("{what} ({})", actors.join("+"))
        }
    }

    /// Two accounts of one meeting, side by side.
    pub fn compare(&self, a: &Document, b: &Document) -> Comparison {
        let refs = [a, b];
        let rules = features::TermRules { acronyms: features::acronyms(&refs), ..self.rules.clone() };
        let mut items: Vec<&Statement> = Vec::new();
        let mut doc_of = Vec::new();
        for (d, doc) in refs.iter().enumerate() {
            for s in doc.statements.iter().filter(|s| linkable(s)) {
                items.push(s);
                doc_of.push(d);
            }
        }
        let (vectors, _) = features::vectors(&items, &rules);
        // Greedy one-to-one alignment, best pairs first.
        let mut scored = Vec::new();
        for i in (0..items.len()).filter(|&i| doc_of[i] == 0) {
            for j in (0..items.len()).filter(|&j| doc_of[j] == 1) {
                let c = cosine(&vectors[i], &vectors[j]);
                if c >= self.align_threshold {
                    scored.push((i, j, c));
                }
            }
        }
        scored.sort_by(|x, y| y.2.total_cmp(&x.2).then(x.0.cmp(&y.0)).then(x.1.cmp(&y.1)));
        let (mut used_a, mut used_b) = (FxHashSet::default(), FxHashSet::default());
        let mut aligned = Vec::new();
        for (i, j, c) in scored {
            if used_a.contains(&i) || used_b.contains(&j) {
                continue;
            }
            used_a.insert(i);
            used_b.insert(j);
            aligned.push(Aligned {
                a: items[i].id.clone(),
                b: items[j].id.clone(),
                score: (c * 1000.0).round() / 1000.0,
                a_text: items[i].text.clone(),
                b_text: items[j].text.clone(),
            });
        }
        let order = |id: &str| id.rsplit(':').next().and_then(|n| n.parse::<usize>().ok()).unwrap_or(0);
        aligned.sort_by_key(|x| order(&x.a));
        let only = |side: usize, used: &FxHashSet<usize>| -> Vec<OnlyOne> {
            (0..items.len())
                .filter(|&i| doc_of[i] == side && !used.contains(&i))
                .map(|i| OnlyOne {
                    statement: items[i].id.clone(),
                    kind: items[i].kind,
                    text: items[i].text.clone(),
                })
                .collect()
        };
        let only_a = only(0, &used_a);
        let only_b = only(1, &used_b);
        let figures = self.figure_pairs(a, b, &rules);
        let side = |d: &Document| Side {
            doc: doc_name(d),
            publisher: d.publisher.as_str().to_string(),
            date: d.date.clone(),
        };
        Comparison { a: side(a), b: side(b), aligned, only_a, only_b, figures }
    }

    /// Figures both sides give for one measure: same kind and unit, and
    /// (for money and counts) the same measure words.
    fn figure_pairs(&self, a: &Document, b: &Document, rules: &features::TermRules) -> Vec<FigurePair> {
        // What each statement speaks of: its concepts ("employment") and
        // the nouns of what figures measure ("trade", "deficit").
        let concepts = |s: &Statement| -> FxHashSet<String> {
            let mut of: FxHashSet<String> =
                features::terms(s, rules).into_iter().filter(|t| t.starts_with("c:")).collect();
            of.extend(self.measure_nouns(&s.text).into_iter().map(|w| format!("m:{w}")));
            of
        };
        let collect = |d: &Document| -> Vec<(String, FigureRef, FxHashSet<String>)> {
            d.statements
                .iter()
                .filter(|s| !s.quantities.is_empty())
                .flat_map(|s| {
                    // Once a statement, for each of its figures.
                    let of = concepts(s);
                    s.quantities.iter().map(move |q| {
                        let kind = q.kind.as_str().to_string();
                        let measure = match &q.unit {
                            Some(u) => format!("{kind} ({u})"),
                            None => kind,
                        };
                        (
                            measure,
                            FigureRef { statement: s.id.clone(), text: q.text.clone(), value: q.value },
                            of.clone(),
                        )
                    })
                })
                .collect()
        };
        let (fa, fb) = (collect(a), collect(b));
        // Each figure of A pairs with the closest figure of the same measure
        // in B, when they are of one order of magnitude (within a factor
        // of two); each figure of B is used once.
        let mut used = FxHashSet::default();
        let mut out = Vec::new();
        for (ma, ra, ca) in &fa {
            let best = fb
                .iter()
                .enumerate()
                .filter(|(k, (mb, rb, cb))| {
                    mb == ma
                        && !used.contains(k)
                        && ratio_within(ra.value, rb.value, 2.0)
                        && !ca.is_disjoint(cb)
                })
                .min_by(|x, y| (x.1 .1.value - ra.value).abs().total_cmp(&(y.1 .1.value - ra.value).abs()));
            let Some((k, (_, rb, _))) = best else { continue };
            used.insert(k);
            let conflict = (ra.value - rb.value).abs() > 0.005 * ra.value.abs().max(rb.value.abs());
            out.push(FigurePair { measure: ma.clone(), a: ra.clone(), b: rb.clone(), conflict });
        }
        out
    }
}

/// Whether two positive values are within `factor` of each other.
fn ratio_within(a: f64, b: f64, factor: f64) -> bool {
    a > 0.0 && b > 0.0 && a.max(b) / a.min(b) <= factor
}

/// The latest state the members show (taxonomy): done once an act is
/// reported and no undertaking goes on; in progress with acts and running
/// undertakings; pledged with undertakings (or stances) alone; unknown for
/// figures alone.
pub fn status(members: &[Member]) -> Status {
    let kind = |m: &Member| if m.reports_done { Kind::Action } else { m.kind };
    let has = |k: Kind| members.iter().any(|m| kind(m) == k);
    let ongoing = members.iter().any(|m| m.kind == Kind::Commitment && m.modality == Some(Modality::Ongoing));
    let last_informative = members.iter().rev().find(|m| matches!(kind(m), Kind::Action | Kind::Commitment));
    if has(Kind::Action) {
        if ongoing || last_informative.is_some_and(|m| kind(m) == Kind::Commitment) {
            Status::InProgress
        } else {
            Status::Done
        }
    } else if has(Kind::Commitment) {
        Status::Pledged
    } else if has(Kind::Fact) {
        Status::Unknown
    } else {
        Status::Pledged
    }
}

/// The thread's salient terms: the highest summed weights, acronyms first.
fn title(items: &[&Statement], group: &[usize], vectors: &[Vector], vocab: &features::Vocabulary) -> String {
    let mut weight: FxHashMap<u32, f32> = FxHashMap::default();
    for &i in group {
        for &(t, w) in &vectors[i] {
            *weight.entry(t).or_default() += w;
        }
    }
    let mut ranked: Vec<(u32, f32)> =
        weight.into_iter().filter(|(t, _)| !vocab.terms[*t as usize].contains(':')).collect();
    ranked.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    // Restore each stem to the first word of the members it stands for.
    let surface = |term: &str| -> String {
        if let Some(acr) = term.strip_prefix('#') {
            return acr.to_string();
        }
        for &i in group {
            for w in items[i].text.split(|c: char| !c.is_alphanumeric() && c != '-') {
                if w.to_lowercase().starts_with(term) {
                    return w.to_lowercase();
                }
            }
        }
        term.to_string()
    };
    let words: Vec<String> = ranked.iter().take(4).map(|(t, _)| surface(&vocab.terms[*t as usize])).collect();
    words.join(", ")
}

/// A figure left alone joins the thread of the statement that gives the
/// same measure at a close value (the same figure, as another source puts
/// it), when the two are as alike as a thread's members must be.
fn attach_figures(groups: &mut [Vec<usize>], pairs: &[(usize, usize, f32)], sim: &Similarity<'_>, min: f32) {
    let mut group_of: FxHashMap<usize, usize> = FxHashMap::default();
    for (g, members) in groups.iter().enumerate() {
        for &m in members {
            group_of.insert(m, g);
        }
    }
    let mut joins: Vec<(usize, usize)> = Vec::new();
    let mut placed: FxHashSet<usize> = FxHashSet::default();
    // Pairs come best first: each lone figure takes its best partner.
    for &(i, j, c) in pairs {
        if c < min {
            break;
        }
        let (lone, other) = match (group_of.get(&i), group_of.get(&j)) {
            (None, Some(&g)) => (i, g),
            (Some(&g), None) => (j, g),
            _ => continue,
        };
        if placed.contains(&lone) || !sim.close_figures(i, j) {
            continue;
        }
        placed.insert(lone);
        joins.push((lone, other));
    }
    for (lone, g) in joins {
        groups[g].push(lone);
        groups[g].sort_unstable();
    }
}
