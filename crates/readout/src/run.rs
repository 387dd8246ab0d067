//! Running the pipeline over many documents: in parallel, in order, with
//! memory bounded by a batch of documents rather than the corpus.

use crate::cli::InputArgs;
use crate::inputs::{self, InputProblem};
use anyhow::{Context, Result};
use rayon::prelude::*;
use readout_extract::{DocHints, Document, Extractor, Manifest};
use readout_lexicon::Lexicon;
use std::path::{Path, PathBuf};

/// The compiled pipeline and what the user told us about the documents.
pub struct Setup {
    /// The pipeline.
    pub extractor: Extractor,
    /// The manifest, if one was given.
    pub manifest: Option<Manifest>,
    /// Worker threads.
    pub pool: rayon::ThreadPool,
    /// Largest file read.
    pub max_bytes: u64,
}

/// Loads the lexicon (with the user's additions) and the manifest.
pub fn setup(input: &InputArgs) -> Result<Setup> {
    let lexicon = lexicon(input)?;
    let manifest = match &input.manifest {
        Some(path) => Some(read_manifest(path)?),
        None => None,
    };
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(input.jobs.unwrap_or(0))
        .build()
        .context("cannot start worker threads")?;
    Ok(Setup { extractor: Extractor::new(&lexicon), manifest, pool, max_bytes: input.max_bytes })
}

/// The built-in lexicon with the user's `--lexicon` files added.
pub fn lexicon(input: &InputArgs) -> Result<Lexicon> {
    lexicon_from(&input.lexicon)
}

/// The built-in lexicon with the user's files added, in order.
pub fn lexicon_from(files: &[std::path::PathBuf]) -> Result<Lexicon> {
    let mut lexicon = Lexicon::builtin().context("the built-in lexicon is broken")?;
    for path in files {
        let text = std::fs::read_to_string(path)
            .with_context(|| format!("{}: cannot read lexicon", path.display()))?;
        lexicon.extend_from_str(&path.display().to_string(), &text)?;
    }
    Ok(lexicon)
}

/// Reads and parses a manifest file.
pub fn read_manifest(path: &Path) -> Result<Manifest> {
    let text = std::fs::read_to_string(path).map_err(|e| {
        anyhow::anyhow!("{}: cannot read manifest: {}", path.display(), inputs::io_reason(&e))
    })?;
    let base = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    Manifest::parse(&text, base).map_err(|e| anyhow::anyhow!("{}: {e}", path.display()))
}

impl Setup {
    fn hints(&self, path: &Path) -> DocHints {
        self.manifest.as_ref().and_then(|m| m.hints_for(path)).cloned().unwrap_or_default()
    }

    /// Extracts one file.
    pub fn extract_file(&self, path: &Path) -> Result<Document, InputProblem> {
        let problem = |reason: String| InputProblem { path: path.to_path_buf(), reason };
        let bytes = inputs::read_limited(path, self.max_bytes).map_err(problem)?;
        self.extractor
            .extract(&bytes, &path.display().to_string(), &self.hints(path))
            .map_err(|e| problem(e.to_string()))
    }

    /// Extracts `files` in parallel and hands the results to `sink` in the
    /// files' order. Stops early when `sink` returns false.
    pub fn for_each(&self, files: &[PathBuf], mut sink: impl FnMut(Result<Document, InputProblem>) -> bool) {
        let batch = self.pool.current_num_threads().max(1) * 4;
        for chunk in files.chunks(batch) {
            let results: Vec<_> =
                self.pool.install(|| chunk.par_iter().map(|p| self.extract_file(p)).collect());
            for r in results {
                if !sink(r) {
                    return;
                }
            }
        }
    }
}
