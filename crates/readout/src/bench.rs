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

/// PDFs of growing length, each read and extracted whole: the time per
/// page stays flat when the PDF reader is linear in its input.
fn pdf(args: &BenchArgs) -> Result<bool> {
    use readout_text::pdf::write::{write_pdf, PdfLayout};
    let extractor = Extractor::new(&Lexicon::builtin()?);
    let layout = PdfLayout {
        columns: 2,
        running_head: Some("Joint Statement".to_string()),
        footnotes: true,
        ..PdfLayout::default()
    };
    let seeds: String = CORPUS.iter().map(|(_, b)| String::from_utf8_lossy(b)).collect::<Vec<_>>().join("\n");
    // Pages a copy of the seeds fills, measured on eight copies.
    let eight = [seeds.as_str(); 8].join("\n");
    let per_round = readout_text::pdf::read(&write_pdf(&eight, &layout))
        .map_or(8.0, |p| p.page_starts.len() as f64 / 8.0);
    let most = args.pages.max(8);
    for pages in [most / 8, most / 4, most / 2, most] {
        let text = vec![seeds.as_str(); (pages as f64 / per_round).ceil() as usize].join("\n");
        let bytes = write_pdf(&text, &layout);
        let start = Instant::now();
        let doc = extractor
            .extract(&bytes, "bench.pdf", &DocHints::default())
            .map_err(|e| anyhow::anyhow!("the benchmark's own PDF: {e}"))?;
        let secs = start.elapsed().as_secs_f64().max(1e-9);
        let read = doc.statements.last().and_then(|s| s.page).unwrap_or(0);
        println!(
            "readout bench: pdf, {read} pages, {:.2} MB, {} statements in {:.3} s: {:.2} ms/page, {:.1} MB/s",
            bytes.len() as f64 / 1e6,
            doc.statements.len(),
            secs,
            secs * 1e3 / read.max(1) as f64,
            bytes.len() as f64 / 1e6 / secs
        );
    }
    println!("readout bench: peak memory {}", peak_memory());
    Ok(true)
}

/// The process's peak resident memory, where the system tells it.
fn peak_memory() -> String {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| s.lines().find(|l| l.starts_with("VmHWM:")).map(|l| l[6..].trim().to_string()))
        .unwrap_or_else(|| "unknown".to_string())
}

/// Runs the benchmark and prints one summary line.
pub fn run(args: &BenchArgs) -> Result<bool> {
    match args.stages {
        BenchStages::Search => return search(args),
        BenchStages::Pdf => return pdf(args),
        _ => {}
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
                    BenchStages::Extract | BenchStages::Search | BenchStages::Pdf => {
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
        "readout bench: stages {:?}, {} thread(s): {} documents, {:.2} MB, {} statements in {:.3} s: {:.1} MB/s, {:.0} documents/s, peak memory {}",
        args.stages,
        threads,
        docs_done,
        mb,
        statements,
        secs,
        mb / secs,
        docs_done as f64 / secs,
        peak_memory()
    );
    Ok(true)
}
