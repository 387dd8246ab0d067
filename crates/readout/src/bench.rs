//! `readout bench`: throughput of the pipeline, on the bundled seeds
//! repeated to a corpus of the size asked for, or on a folder of documents.
//! Documents are made or read a batch at a time, so memory stays bounded by
//! a batch, not the corpus.

use crate::cli::{BenchArgs, BenchStages};
use crate::demo::CORPUS;
use crate::inputs;
use anyhow::{Context, Result};
use rayon::prelude::*;
use readout_extract::{DocHints, Extractor};
use readout_lexicon::Lexicon;
use readout_text::TextPipeline;
use std::time::{Duration, Instant};

/// 1,000 searches of mixed shape: words, phrases, prefixes, boolean
/// queries, with and without filters.
fn search(args: &BenchArgs) -> Result<bool> {
    let store = crate::store::open_existing(args.db.as_deref())?;
    let words = [
        "energy",
        "investment",
        "defense",
        "trade",
        "cooperation",
        "sanctions",
        "infrastructure",
        "space",
        "cyber",
        "jobs",
    ];
    let shapes = ["{w}", "\"{w} cooperation\"", "{p}*", "{w} AND japan", "{w} OR security", "{w} NOT china"];
    let mut times = Vec::with_capacity(1000);
    let mut hits = 0usize;
    for i in 0..1000 {
        let w = words[i % words.len()];
        let q = shapes[(i / words.len()) % shapes.len()].replace("{w}", w).replace("{p}", &w[..4]);
        let filter = readout_store::SearchFilter {
            actor: (i % 3 == 0).then(|| "JPN".to_string()),
            kind: (i % 5 == 0).then(|| "commitment".to_string()),
            since: (i % 7 == 0).then(|| "2017".to_string()),
            limit: 20,
            ..Default::default()
        };
        let start = Instant::now();
        hits += store.search(&q, &filter)?.len();
        times.push(start.elapsed());
    }
    times.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1e3;
    let counts = store.counts()?;
    println!(
        "readout bench: search, {} statements: 1000 queries, {} hits, p50 {:.2} ms, p99 {:.2} ms, max {:.2} ms",
        counts.statements,
        hits,
        ms(times[499]),
        ms(times[989]),
        ms(times[999])
    );
    Ok(true)
}

/// Runs the benchmark and prints one summary line.
pub fn run(args: &BenchArgs) -> Result<bool> {
    if args.stages == BenchStages::Search {
        return search(args);
    }
    let lexicon = Lexicon::builtin()?;
    let text = TextPipeline::new(&lexicon);
    let extractor = Extractor::new(&lexicon);
    let pool = rayon::ThreadPoolBuilder::new().num_threads(args.jobs).build().context("worker threads")?;
    let threads = pool.current_num_threads();
    let hints = DocHints::default();

    let files = match &args.corpus {
        Some(dir) => {
            let (files, problems) = inputs::collect(std::slice::from_ref(dir));
            for p in problems {
                eprintln!("readout: {p}");
            }
            Some(files)
        }
        None => None,
    };
    let target = (args.mb as u64) * 1_000_000;
    let batch = threads * 64;
    let mut bytes_done: u64 = 0;
    let mut docs_done: u64 = 0;
    let mut statements: u64 = 0;
    let mut busy = Duration::ZERO;
    let mut next = 0usize;
    loop {
        // Make or read the next batch (not timed).
        let docs: Vec<Vec<u8>> = match &files {
            Some(files) => {
                let end = (next + batch).min(files.len());
                let docs =
                    files[next..end].iter().filter_map(|p| inputs::read_limited(p, u64::MAX).ok()).collect();
                next = end;
                docs
            }
            None => {
                let mut docs = Vec::with_capacity(batch);
                let mut made: u64 = docs.iter().map(|d: &Vec<u8>| d.len() as u64).sum();
                while docs.len() < batch && bytes_done + made < target {
                    let seed = CORPUS[next % CORPUS.len()].1;
                    made += seed.len() as u64;
                    docs.push(seed.to_vec());
                    next += 1;
                }
                docs
            }
        };
        if docs.is_empty() {
            break;
        }
        let start = Instant::now();
        let counted: u64 = pool.install(|| {
            docs.par_iter()
                .map(|bytes| match args.stages {
                    BenchStages::Text => text.prepare(bytes).map_or(0, |p| p.sentences.len() as u64),
                    BenchStages::Extract | BenchStages::Search => {
                        extractor.extract(bytes, "bench", &hints).map_or(0, |d| d.statements.len() as u64)
                    }
                })
                .sum()
        });
        busy += start.elapsed();
        statements += counted;
        docs_done += docs.len() as u64;
        bytes_done += docs.iter().map(|d| d.len() as u64).sum::<u64>();
    }
    let secs = busy.as_secs_f64().max(1e-9);
    let mb = bytes_done as f64 / 1e6;
    println!(
        "readout bench: stages {:?}, {} thread(s): {} documents, {:.2} MB, {} statements in {:.3} s: {:.1} MB/s, {:.0} documents/s",
        args.stages,
        threads,
        docs_done,
        mb,
        statements,
        secs,
        mb / secs,
        docs_done as f64 / secs
    );
    Ok(true)
}
