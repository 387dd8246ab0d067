//! Gold files to metrics, with exactly the definitions of the reference
//! scorer `shared/tools/score.py`, so that `readout eval` and `score.py`
//! print the same numbers for the same output.
//!
//! Statements are matched on their letters and digits alone (lower case):
//! a gold quote matches the first predicted statement whose normalised text
//! holds the quote's first 60 normalised characters (or, failing that, the
//! quote without a leading speaker label). Kinds, modalities, actors and
//! domains are scored on matched statements; quantities and dates per
//! document, as multisets, over matched statements only; thread links as
//! pairs of gold statements of different documents.

#![warn(missing_docs)]

use regex::Regex;
use serde::Deserialize;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::Path;
use std::sync::OnceLock;
use thiserror::Error;

/// A gold folder or prediction that cannot be read.
#[derive(Debug, Error)]
pub enum EvalError {
    /// A file could not be read.
    #[error("{path}: {reason}")]
    Read {
        /// The file.
        path: String,
        /// Why.
        reason: String,
    },
    /// A file is not the JSON expected.
    #[error("{path}: not a gold file: {reason}")]
    Json {
        /// The file.
        path: String,
        /// Why.
        reason: String,
    },
}

/// One gold document (taxonomy.md, "Gold files").
#[derive(Debug, Clone, Deserialize)]
pub struct GoldDoc {
    /// The document's file name.
    pub doc: String,
    /// Its date.
    pub date: Option<String>,
    /// Its date's precision.
    #[serde(default = "day")]
    pub date_precision: String,
    /// Its publisher.
    pub publisher: Option<String>,
    /// How much of the document is annotated (characters), if not all.
    pub annotated_chars: Option<usize>,
    /// Its tracked statements.
    pub statements: Vec<GoldStatement>,
}

fn day() -> String {
    "day".into()
}

/// A gold statement.
#[derive(Debug, Clone, Deserialize)]
pub struct GoldStatement {
    /// A unique substring of the document.
    pub quote: String,
    /// Its kind.
    pub kind: String,
    /// Its modality.
    pub modality: Option<String>,
    /// Its actors.
    #[serde(default)]
    pub actors: Vec<String>,
    /// Its domains.
    #[serde(default)]
    pub domains: Vec<String>,
    /// Its quantities.
    #[serde(default)]
    pub quantities: Vec<QuantityValue>,
    /// Its dates.
    #[serde(default)]
    pub dates: Vec<DateValue>,
}

/// A quantity as scored: kind and value.
#[derive(Debug, Clone, Deserialize)]
pub struct QuantityValue {
    /// money, jobs, percent, count.
    #[serde(default)]
    pub kind: Option<String>,
    /// The value.
    #[serde(default)]
    pub value: Option<f64>,
}

/// A date as scored: its value.
#[derive(Debug, Clone, Deserialize)]
pub struct DateValue {
    /// The ISO value.
    #[serde(default)]
    pub value: Option<String>,
}

/// A gold thread.
#[derive(Debug, Clone, Deserialize)]
pub struct GoldThread {
    /// Its members.
    pub members: Vec<GoldMember>,
}

/// A gold thread member.
#[derive(Debug, Clone, Deserialize)]
pub struct GoldMember {
    /// The document.
    pub doc: String,
    /// The statement's quote.
    pub quote: String,
}

/// A predicted document, as `extract --format jsonl` prints it.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct PredDoc {
    /// Where it came from; its file name keys it.
    #[serde(default)]
    pub source: String,
    /// Its date.
    #[serde(default)]
    pub date: Option<String>,
    /// Its publisher.
    #[serde(default)]
    pub publisher: Option<String>,
    /// Its statements.
    #[serde(default)]
    pub statements: Vec<PredStatement>,
}

/// A predicted statement.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct PredStatement {
    /// Its id.
    #[serde(default)]
    pub id: Option<String>,
    /// Its text.
    #[serde(default)]
    pub text: String,
    /// Its kind.
    #[serde(default)]
    pub kind: Option<String>,
    /// Its modality.
    #[serde(default)]
    pub modality: Option<String>,
    /// Its actors.
    #[serde(default)]
    pub actors: Option<Vec<String>>,
    /// Its domains.
    #[serde(default)]
    pub domains: Option<Vec<String>>,
    /// Its quantities.
    #[serde(default)]
    pub quantities: Option<Vec<QuantityValue>>,
    /// Its dates.
    #[serde(default)]
    pub dates: Option<Vec<DateValue>>,
}

/// A predicted thread.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct PredThread {
    /// Its members.
    #[serde(default)]
    pub members: Vec<PredMember>,
}

/// A predicted thread member.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct PredMember {
    /// The statement id.
    #[serde(default)]
    pub statement: Option<String>,
}

/// The gold of a folder.
#[derive(Debug, Clone, Default)]
pub struct Gold {
    /// Documents by file name, sorted.
    pub docs: BTreeMap<String, GoldDoc>,
    /// Threads.
    pub threads: Vec<GoldThread>,
}

fn read(path: &Path) -> Result<String, EvalError> {
    std::fs::read_to_string(path)
        .map_err(|e| EvalError::Read { path: path.display().to_string(), reason: e.to_string() })
}

impl Gold {
    /// Reads every `*.json` of `dir` but `threads.json` as a gold document,
    /// and `threads.json` as the threads.
    pub fn load(dir: &Path) -> Result<Gold, EvalError> {
        let mut names: Vec<String> = std::fs::read_dir(dir)
            .map_err(|e| EvalError::Read { path: dir.display().to_string(), reason: e.to_string() })?
            .filter_map(|e| e.ok())
            .filter_map(|e| e.file_name().to_str().map(str::to_string))
            .filter(|n| n.ends_with(".json") && n != "threads.json")
            .collect();
        names.sort();
        let mut gold = Gold::default();
        for name in names {
            let path = dir.join(&name);
            let g: GoldDoc = serde_json::from_str(&read(&path)?)
                .map_err(|e| EvalError::Json { path: path.display().to_string(), reason: e.to_string() })?;
            gold.docs.insert(g.doc.clone(), g);
        }
        let tpath = dir.join("threads.json");
        if tpath.exists() {
            gold.threads = serde_json::from_str(&read(&tpath)?)
                .map_err(|e| EvalError::Json { path: tpath.display().to_string(), reason: e.to_string() })?;
        }
        Ok(gold)
    }
}

/// Letters and digits, lower case.
pub fn norm(s: &str) -> String {
    s.chars().flat_map(char::to_lowercase).filter(|c| c.is_ascii_lowercase() || c.is_ascii_digit()).collect()
}

fn first(s: &str, n: usize) -> &str {
    // norm() output is ASCII, so bytes are characters.
    &s[..s.len().min(n)]
}

fn speaker_label() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| Regex::new(r"^\s*[A-Z][\w.\- ]{0,40}:\s+").expect("speaker pattern"))
}

/// The index of the predicted statement holding `quote`.
fn match_quote(normed: &[String], quote: &str) -> Option<usize> {
    let tries = [
        first(&norm(quote), 60).to_string(),
        first(&norm(&speaker_label().replace(quote, "")), 60).to_string(),
    ];
    for q in tries.iter().filter(|q| !q.is_empty()) {
        if let Some(i) = normed.iter().position(|s| s.contains(q.as_str())) {
            return Some(i);
        }
    }
    None
}

fn f1(tp: usize, fp: usize, fn_: usize) -> (f64, f64, f64) {
    let p = if tp + fp > 0 {
        tp as f64 / (tp + fp) as f64
    } else if fn_ == 0 {
        1.0
    } else {
        0.0
    };
    let r = if tp + fn_ > 0 { tp as f64 / (tp + fn_) as f64 } else { 1.0 };
    let f = if p + r > 0.0 { 2.0 * p * r / (p + r) } else { 0.0 };
    (p, r, f)
}

/// Money and counts compare to 3 significant figures, percents to 0.1.
fn qkey(q: &QuantityValue) -> (Option<String>, String) {
    let v = q.value.unwrap_or(0.0);
    let key = if q.kind.as_deref() == Some("percent") {
        format!("{v:.1}")
    } else {
        let s = format!("{v:.2e}");
        s.parse::<f64>().map_or(s, |x| format!("{x}"))
    };
    (q.kind.clone(), key)
}

fn parse_day(v: &str) -> Option<jiff::civil::Date> {
    let b = v.as_bytes();
    let digits =
        |r: std::ops::Range<usize>| b.get(r.clone()).is_some_and(|s| s.iter().all(u8::is_ascii_digit));
    let num = |r: std::ops::Range<usize>| v.get(r).and_then(|s| s.parse::<i16>().ok());
    match v.len() {
        10 if digits(0..4) && b[4] == b'-' && digits(5..7) && b[7] == b'-' && digits(8..10) => {
            jiff::civil::Date::new(num(0..4)?, num(5..7)? as i8, num(8..10)? as i8).ok()
        }
        7 if digits(0..4) && b[4] == b'-' && digits(5..7) => {
            jiff::civil::Date::new(num(0..4)?, num(5..7)? as i8, 15).ok()
        }
        4 if digits(0..4) => jiff::civil::Date::new(num(0..4)?, 7, 1).ok(),
        _ => None,
    }
}

fn doc_date_ok(pred: Option<&str>, gold: Option<&str>, precision: &str) -> bool {
    let (Some(pred), Some(gold)) = (pred, gold) else {
        return pred == gold;
    };
    match precision {
        "day" => match (parse_day(pred), parse_day(gold)) {
            (Some(a), Some(b)) => {
                let days = a.until((jiff::Unit::Day, b)).map_or(i64::MAX, |s| i64::from(s.get_days()));
                days.abs() <= 3 && pred.len() == 10
            }
            _ => false,
        },
        "month" => py_head(pred, 7) == py_head(gold, 7),
        _ => py_head(pred, 4) == py_head(gold, 4),
    }
}

/// Python's `s[:n]`.
fn py_head(s: &str, n: usize) -> &str {
    match s.char_indices().nth(n) {
        Some((i, _)) => &s[..i],
        None => s,
    }
}

fn in_region(stmt: &str, raw_norm: &str, limit: Option<usize>) -> bool {
    let Some(limit) = limit else { return true };
    match raw_norm.find(first(&norm(stmt), 40)) {
        None => true,
        Some(pos) => pos < limit,
    }
}

/// One document's quantity and date counts, for the per-document lines.
#[derive(Debug, Clone)]
pub struct DocRow {
    /// The document.
    pub doc: String,
    /// "tp/gold found, extra extra".
    pub qty: String,
    /// The same for dates.
    pub date: String,
}

/// A metric value: a ratio, a count or a flag.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Value {
    /// A ratio, rounded to 3 places.
    Ratio(f64),
    /// A count.
    Count(usize),
    /// A flag.
    Flag(bool),
}

impl Value {
    /// The value as a number (flags are 0 or 1).
    pub fn as_f64(self) -> f64 {
        match self {
            Value::Ratio(v) => v,
            Value::Count(n) => n as f64,
            Value::Flag(b) => f64::from(u8::from(b)),
        }
    }
}

impl std::fmt::Display for Value {
    /// As Python prints it, so that the lines equal score.py's.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Value::Ratio(v) => {
                let s = format!("{v}");
                if s.contains('.') || s.contains('e') || s.contains("inf") || s.contains("NaN") {
                    f.write_str(&s)
                } else {
                    write!(f, "{s}.0")
                }
            }
            Value::Count(n) => write!(f, "{n}"),
            Value::Flag(b) => f.write_str(if *b { "True" } else { "False" }),
        }
    }
}

/// The metrics, in score.py's order.
#[derive(Debug, Clone)]
pub struct Report {
    /// (name, value), in the order score.py prints them.
    pub metrics: Vec<(&'static str, Value)>,
    /// Per-document quantity and date counts.
    pub docs: Vec<DocRow>,
}

impl Report {
    /// A metric by name.
    pub fn get(&self, name: &str) -> Option<Value> {
        self.metrics.iter().find(|(n, _)| *n == name).map(|&(_, v)| v)
    }

    /// score.py's closing summary line.
    pub fn summary(&self) -> String {
        let g = |k: &str| self.get(k).map_or_else(String::new, |v| v.to_string());
        let mut s = format!(
            "tracked_f1 {} kind_acc {} actor_f1 {} qty_f1 {} date_f1 {} doc_date_acc {}",
            g("tracked_f1"),
            g("kind_acc"),
            g("actor_f1"),
            g("qty_f1"),
            g("date_f1"),
            g("doc_date_acc")
        );
        if self.get("threads_scored") == Some(Value::Flag(true)) {
            s.push_str(&format!(" link_f1 {}", g("link_f1")));
        }
        s
    }
}

fn round3(v: f64) -> f64 {
    (v * 1000.0).round() / 1000.0
}

const TRACKED: [&str; 2] = ["commitment", "action"];
const QTY_KINDS: [&str; 4] = ["money", "jobs", "percent", "count"];

/// Scores predictions against gold. `docs_dir` is read only for gold files
/// with `annotated_chars`; `threads` is None when no threads were predicted.
pub fn score(
    gold: &Gold,
    pred: &HashMap<String, PredDoc>,
    threads: Option<&[PredThread]>,
    docs_dir: Option<&Path>,
) -> Report {
    let mut c: HashMap<&'static str, usize> = HashMap::new();
    let add = |c: &mut HashMap<&'static str, usize>, k: &'static str, n: usize| *c.entry(k).or_default() += n;
    let mut rows = Vec::new();
    let mut sid_to_gold: HashMap<String, (String, usize)> = HashMap::new();
    let empty = PredDoc::default();
    for (name, g) in &gold.docs {
        let d = match pred.get(name) {
            Some(d) => d,
            None => {
                add(&mut c, "missing_docs", 1);
                &empty
            }
        };
        let stmts = &d.statements;
        let normed: Vec<String> = stmts.iter().map(|s| norm(&s.text)).collect();
        let (mut raw_norm, mut limit) = (String::new(), None);
        if let (Some(chars), Some(dir)) = (g.annotated_chars, docs_dir) {
            if let Ok(bytes) = std::fs::read(dir.join(name)) {
                let raw = String::from_utf8_lossy(&bytes);
                raw_norm = norm(&raw);
                let head: String = raw.chars().take(chars).collect();
                limit = Some(norm(&head).len());
            }
        }
        add(&mut c, "docs", 1);
        add(
            &mut c,
            "date_ok",
            usize::from(doc_date_ok(d.date.as_deref(), g.date.as_deref(), &g.date_precision)),
        );
        add(&mut c, "publisher_ok", usize::from(d.publisher == g.publisher));
        let mut matched: HashSet<usize> = HashSet::new();
        for (gi, gs) in g.statements.iter().enumerate() {
            let gtracked = TRACKED.contains(&gs.kind.as_str());
            let Some(i) = match_quote(&normed, &gs.quote) else {
                add(&mut c, "tracked_fn", usize::from(gtracked));
                add(&mut c, "unmatched_gold", 1);
                add(&mut c, "actor_fn", gs.actors.len());
                add(&mut c, "domain_fn", gs.domains.len());
                continue;
            };
            matched.insert(i);
            let s = &stmts[i];
            if let Some(id) = &s.id {
                sid_to_gold.insert(id.clone(), (name.clone(), gi));
            }
            let ptracked = s.kind.as_deref().is_some_and(|k| TRACKED.contains(&k));
            add(&mut c, "tracked_tp", usize::from(gtracked && ptracked));
            add(&mut c, "tracked_fn", usize::from(gtracked && !ptracked));
            add(&mut c, "tracked_fp", usize::from(ptracked && !gtracked));
            add(&mut c, "kind_n", 1);
            add(&mut c, "kind_ok", usize::from(s.kind.as_deref() == Some(gs.kind.as_str())));
            if gtracked && ptracked {
                add(&mut c, "modality_n", 1);
                add(&mut c, "modality_ok", usize::from(s.modality == gs.modality));
            }
            let ga: HashSet<&String> = gs.actors.iter().collect();
            let pa: HashSet<&String> = s.actors.iter().flatten().collect();
            add(&mut c, "actor_tp", ga.intersection(&pa).count());
            add(&mut c, "actor_fp", pa.difference(&ga).count());
            add(&mut c, "actor_fn", ga.difference(&pa).count());
            let gd: HashSet<&String> = gs.domains.iter().collect();
            let pd: HashSet<&String> = s.domains.iter().flatten().collect();
            add(&mut c, "domain_tp", gd.intersection(&pd).count());
            add(&mut c, "domain_fp", pd.difference(&gd).count());
            add(&mut c, "domain_fn", gd.difference(&pd).count());
        }
        for (i, s) in stmts.iter().enumerate() {
            let tracked = s.kind.as_deref().is_some_and(|k| TRACKED.contains(&k));
            if matched.contains(&i) || !tracked {
                continue;
            }
            if in_region(&s.text, &raw_norm, limit) {
                add(&mut c, "tracked_fp", 1);
            }
        }
        let mut gq: HashMap<(Option<String>, String), usize> = HashMap::new();
        let mut gdts: HashMap<Option<String>, usize> = HashMap::new();
        for gs in &g.statements {
            for q in &gs.quantities {
                *gq.entry(qkey(q)).or_default() += 1;
            }
            let values: HashSet<Option<String>> = gs.dates.iter().map(|x| x.value.clone()).collect();
            for v in values {
                *gdts.entry(v).or_default() += 1;
            }
        }
        let mut pq: HashMap<(Option<String>, String), usize> = HashMap::new();
        let mut pdts: HashMap<Option<String>, usize> = HashMap::new();
        for &i in &matched {
            let s = &stmts[i];
            for q in s.quantities.iter().flatten() {
                if q.kind.as_deref().is_some_and(|k| QTY_KINDS.contains(&k)) {
                    *pq.entry(qkey(q)).or_default() += 1;
                }
            }
            let values: HashSet<Option<String>> = s.dates.iter().flatten().map(|x| x.value.clone()).collect();
            for v in values {
                *pdts.entry(v).or_default() += 1;
            }
        }
        let (qty, date) = (count_pair(&mut c, "qty", &gq, &pq), count_pair(&mut c, "date", &gdts, &pdts));
        rows.push(DocRow { doc: name.clone(), qty, date });
    }

    // Thread links between gold-matched statements of different documents.
    let mut gpairs: HashSet<(GoldRef, GoldRef)> = HashSet::new();
    for t in &gold.threads {
        let mut members = Vec::new();
        for m in &t.members {
            let Some(g) = gold.docs.get(&m.doc) else { continue };
            let key = first(&norm(&m.quote), 60).to_string();
            if let Some(gi) = g.statements.iter().position(|gs| first(&norm(&gs.quote), 60) == key) {
                members.push((m.doc.clone(), gi));
            }
        }
        pairs_into(&members, &mut gpairs);
    }
    let mut ppairs = HashSet::new();
    for t in threads.unwrap_or_default() {
        let members: Vec<(String, usize)> = t
            .members
            .iter()
            .filter_map(|m| m.statement.as_ref().and_then(|s| sid_to_gold.get(s)).cloned())
            .collect();
        pairs_into(&members, &mut ppairs);
    }
    c.insert("link_tp", gpairs.intersection(&ppairs).count());
    c.insert("link_fp", ppairs.difference(&gpairs).count());
    c.insert("link_fn", gpairs.difference(&ppairs).count());

    let get = |k: &str| c.get(k).copied().unwrap_or(0);
    let mut metrics = Vec::new();
    for (key, p, r, f) in [
        ("tracked", "tracked_p", "tracked_r", "tracked_f1"),
        ("actor", "actor_p", "actor_r", "actor_f1"),
        ("domain", "domain_p", "domain_r", "domain_f1"),
        ("qty", "qty_p", "qty_r", "qty_f1"),
        ("date", "date_p", "date_r", "date_f1"),
        ("link", "link_p", "link_r", "link_f1"),
    ] {
        let (pv, rv, fv) =
            f1(get(&format!("{key}_tp")), get(&format!("{key}_fp")), get(&format!("{key}_fn")));
        metrics.push((p, Value::Ratio(round3(pv))));
        metrics.push((r, Value::Ratio(round3(rv))));
        metrics.push((f, Value::Ratio(round3(fv))));
    }
    let ratio = |a: usize, b: usize| Value::Ratio(if b > 0 { round3(a as f64 / b as f64) } else { 0.0 });
    metrics.push(("kind_acc", ratio(get("kind_ok"), get("kind_n"))));
    metrics.push(("modality_acc", ratio(get("modality_ok"), get("modality_n"))));
    metrics.push(("doc_date_acc", ratio(get("date_ok"), get("docs"))));
    metrics.push(("publisher_acc", ratio(get("publisher_ok"), get("docs"))));
    let total: usize = gold.docs.values().map(|g| g.statements.len()).sum();
    metrics.push((
        "gold_matched",
        Value::Ratio(round3(1.0 - get("unmatched_gold") as f64 / total.max(1) as f64)),
    ));
    metrics.push(("missing_docs", Value::Count(get("missing_docs"))));
    metrics.push(("threads_scored", Value::Flag(threads.is_some())));
    Report { metrics, docs: rows }
}

fn count_pair<K: std::hash::Hash + Eq>(
    c: &mut HashMap<&'static str, usize>,
    key: &'static str,
    gold: &HashMap<K, usize>,
    pred: &HashMap<K, usize>,
) -> String {
    let tp: usize = gold.iter().map(|(k, n)| (*n).min(pred.get(k).copied().unwrap_or(0))).sum();
    let gsum: usize = gold.values().sum();
    let psum: usize = pred.values().sum();
    let (tpk, fpk, fnk) = match key {
        "qty" => ("qty_tp", "qty_fp", "qty_fn"),
        _ => ("date_tp", "date_fp", "date_fn"),
    };
    *c.entry(tpk).or_default() += tp;
    *c.entry(fpk).or_default() += psum - tp;
    *c.entry(fnk).or_default() += gsum - tp;
    format!("{tp}/{gsum} found, {} extra", psum - tp)
}

/// A gold statement: its document and index.
type GoldRef = (String, usize);

fn pairs_into(members: &[GoldRef], out: &mut HashSet<(GoldRef, GoldRef)>) {
    for a in members {
        for b in members {
            if a < b && a.0 != b.0 {
                out.insert((a.clone(), b.clone()));
            }
        }
    }
}

/// Reads `extract --format jsonl` output, keyed by the source's file name
/// (a later line for the same name wins, as in score.py).
pub fn parse_extract(text: &str, origin: &str) -> Result<HashMap<String, PredDoc>, EvalError> {
    let mut docs = HashMap::new();
    for (n, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        let d: PredDoc = serde_json::from_str(line)
            .map_err(|e| EvalError::Json { path: format!("{origin}:{}", n + 1), reason: e.to_string() })?;
        docs.insert(base_name(&d.source).to_string(), d);
    }
    Ok(docs)
}

/// The last path component of a `source`.
pub fn base_name(source: &str) -> &str {
    source.rsplit(['/', '\\']).next().unwrap_or(source)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn python_compatible_pieces() {
        assert_eq!(norm("U.S.–Japan “Alliance” 2019!"), "usjapanalliance2019");
        assert_eq!(Value::Ratio(1.0).to_string(), "1.0");
        assert_eq!(Value::Ratio(0.857).to_string(), "0.857");
        assert_eq!(Value::Flag(false).to_string(), "False");
        assert_eq!(
            qkey(&QuantityValue { kind: Some("money".into()), value: Some(424_000_000_000.0) }).1,
            "424000000000"
        );
        assert_eq!(
            qkey(&QuantityValue { kind: Some("jobs".into()), value: Some(851_234.0) }),
            qkey(&QuantityValue { kind: Some("jobs".into()), value: Some(851_000.0) })
        );
        assert_eq!(qkey(&QuantityValue { kind: Some("percent".into()), value: Some(8.94) }).1, "8.9");
        assert_eq!(f1(0, 0, 0), (1.0, 1.0, 1.0));
        assert_eq!(f1(0, 0, 3).2, 0.0);
    }

    #[test]
    fn document_dates() {
        assert!(doc_date_ok(Some("2017-11-07"), Some("2017-11-06"), "day"));
        assert!(!doc_date_ok(Some("2017-11"), Some("2017-11-06"), "day"));
        assert!(!doc_date_ok(Some("2017-11-10"), Some("2017-11-06"), "day"));
        assert!(doc_date_ok(Some("2019-05-25"), Some("2019-05"), "month"));
        assert!(doc_date_ok(Some("2018"), Some("2018"), "year"));
        assert!(doc_date_ok(None, None, "day"));
        assert!(!doc_date_ok(None, Some("2018"), "year"));
    }

    #[test]
    fn speaker_labels_are_tried_too() {
        let normed = vec![norm("We decided to implement further sanctions on North Korea.")];
        assert_eq!(match_quote(&normed, "Abe: We decided to implement further sanctions"), Some(0));
        assert_eq!(match_quote(&normed, "Something else entirely here"), None);
    }
}
