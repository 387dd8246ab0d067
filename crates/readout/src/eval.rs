//! `readout eval`: the project's own scorer, with the metric definitions of
//! `shared/tools/score.py` and its output format.

use crate::cli::EvalArgs;
use crate::run;
use anyhow::{Context, Result};
use readout_eval::{base_name, parse_extract, score, Gold, PredDoc, PredThread};
use std::collections::HashMap;
use std::path::PathBuf;

/// Runs `eval`; false when a metric is below its floor.
pub fn run(args: &EvalArgs) -> Result<bool> {
    let gold = Gold::load(&args.gold)?;
    let docs_dir = args.docs.clone().unwrap_or_else(|| docs_beside(&args.gold, &gold));
    let (pred, threads): Predicted = match &args.extract {
        Some(path) => {
            let text =
                std::fs::read_to_string(path).with_context(|| format!("{}: cannot read", path.display()))?;
            (parse_extract(&text, &path.display().to_string())?, None)
        }
        None => extract_gold_docs(args, &gold, &docs_dir)?,
    };
    if args.threads && threads.is_none() {
        anyhow::bail!("--threads scores readout's own threads: leave out --extract");
    }
    let report = score(&gold, &pred, threads.as_deref(), Some(&docs_dir));
    if args.json {
        let metrics: serde_json::Map<String, serde_json::Value> = report
            .metrics
            .iter()
            .map(|(k, v)| {
                let value = match v {
                    readout_eval::Value::Ratio(x) => serde_json::json!(x),
                    readout_eval::Value::Count(n) => serde_json::json!(n),
                    readout_eval::Value::Flag(b) => serde_json::json!(b),
                };
                (k.to_string(), value)
            })
            .collect();
        let docs: Vec<_> = report
            .docs
            .iter()
            .map(|r| serde_json::json!({"doc": r.doc, "qty": r.qty, "date": r.date}))
            .collect();
        println!("{}", serde_json::to_string_pretty(&serde_json::json!({"metrics": metrics, "docs": docs}))?);
    } else {
        for r in &report.docs {
            println!("{:<40} quantities {:<24} dates {}", r.doc, r.qty, r.date);
        }
        println!();
        for (k, v) in &report.metrics {
            println!("{k:<16} {v}");
        }
    }
    let mut short = Vec::new();
    for spec in &args.min {
        let (key, val) = spec.split_once('=').with_context(|| format!("--min {spec}: want METRIC=VALUE"))?;
        let floor: f64 = val.parse().with_context(|| format!("--min {spec}: {val:?} is not a number"))?;
        let Some(v) = report.get(key) else {
            anyhow::bail!("no metric {key:?}");
        };
        if v.as_f64() < floor {
            short.push(format!("{key} {v} < {val}"));
        }
    }
    // With --json, standard output holds the JSON document alone (a tool
    // reads it whole); the summary line goes to standard error.
    let line = if short.is_empty() {
        report.summary()
    } else {
        format!("below floor: {} | {}", short.join("; "), report.summary())
    };
    if args.json {
        eprintln!("{line}");
    } else {
        println!("{line}");
    }
    Ok(short.is_empty())
}

/// The predictions and (with `--threads`) the threads.
type Predicted = (HashMap<String, PredDoc>, Option<Vec<PredThread>>);

/// Where the documents of a gold folder are, when not told: the gold
/// folder itself if it holds them, else a `corpus` folder beside it that
/// does (the bundled `examples/gold` and `examples/corpus`).
fn docs_beside(gold_dir: &std::path::Path, gold: &Gold) -> PathBuf {
    let holds = |dir: &std::path::Path| gold.docs.keys().all(|name| dir.join(name).is_file());
    let beside = gold_dir.join("..").join("corpus");
    if !holds(gold_dir) && holds(&beside) {
        beside
    } else {
        gold_dir.to_path_buf()
    }
}

/// Extracts the documents the gold names, from the docs folder, and with
/// `--threads` links them. Without `--manifest`, the docs folder's own
/// `manifest.csv` is read, if it has one.
fn extract_gold_docs(args: &EvalArgs, gold: &Gold, docs_dir: &std::path::Path) -> Result<Predicted> {
    let mut input = args.input.clone();
    let own = docs_dir.join("manifest.csv");
    if input.manifest.is_none() && own.is_file() {
        input.manifest = Some(own);
    }
    let setup = run::setup(&input)?;
    let files: Vec<PathBuf> = gold.docs.keys().map(|name| docs_dir.join(name)).collect();
    let mut pred = HashMap::new();
    let mut docs = Vec::new();
    let mut failed = None;
    setup.for_each(&files, |r| {
        match r {
            Ok(doc) => match serde_json::to_value(&doc).and_then(serde_json::from_value::<PredDoc>) {
                Ok(p) => {
                    pred.insert(base_name(&doc.source).to_string(), p);
                    docs.push(doc);
                }
                Err(e) => failed = Some(anyhow::anyhow!("{}: {e}", doc.source)),
            },
            Err(p) => eprintln!("readout: {p}"),
        }
        true
    });
    if let Some(e) = failed {
        return Err(e);
    }
    let threads = if args.threads {
        let threads = crate::ledger::linker(&args.input)?.threads(&docs);
        Some(serde_json::from_value::<Vec<PredThread>>(serde_json::to_value(&threads)?)?)
    } else {
        None
    };
    Ok((pred, threads))
}
