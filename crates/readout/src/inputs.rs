//! Finding and reading input files: the only place that touches them.

use std::fs::File;
use std::io::Read;
use std::path::{Path, PathBuf};

/// File extensions a folder walk picks up (explicit paths are always read).
const DOCUMENT_EXTENSIONS: [&str; 6] = ["txt", "text", "html", "htm", "xhtml", "pdf"];

/// A problem with one input, reported on standard error.
#[derive(Debug)]
pub struct InputProblem {
    /// The path as the user would recognise it.
    pub path: PathBuf,
    /// What went wrong.
    pub reason: String,
}

impl std::fmt::Display for InputProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.path.display(), self.reason)
    }
}

/// Expands the user's paths into document files, in order: each path in
/// turn, a folder's files sorted by path. Hidden entries inside folders are
/// skipped; symbolic links are followed, loops among them reported.
pub fn collect(paths: &[PathBuf]) -> (Vec<PathBuf>, Vec<InputProblem>) {
    let mut files = Vec::new();
    let mut problems = Vec::new();
    for path in paths {
        let meta = match std::fs::metadata(path) {
            Ok(m) => m,
            Err(e) => {
                problems.push(InputProblem { path: path.clone(), reason: io_reason(&e) });
                continue;
            }
        };
        if meta.is_file() {
            files.push(path.clone());
            continue;
        }
        if !meta.is_dir() {
            problems.push(InputProblem { path: path.clone(), reason: "not a regular file".into() });
            continue;
        }
        let before = files.len();
        let walker = walkdir::WalkDir::new(path)
            .follow_links(true)
            .sort_by_file_name()
            .into_iter()
            .filter_entry(|e| e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.'));
        for entry in walker {
            match entry {
                Ok(e) if e.file_type().is_file() && is_document(e.path()) => files.push(e.into_path()),
                Ok(_) => {}
                Err(e) => {
                    let at = e.path().map_or_else(|| path.clone(), Path::to_path_buf);
                    let reason = if e.loop_ancestor().is_some() {
                        "symbolic link loop, skipped".to_string()
                    } else {
                        e.io_error().map_or_else(|| e.to_string(), io_reason)
                    };
                    problems.push(InputProblem { path: at, reason });
                }
            }
        }
        if files.len() == before {
            problems.push(InputProblem {
                path: path.clone(),
                reason: format!(
                    "no documents in this folder (looked for .{})",
                    DOCUMENT_EXTENSIONS.join(", .")
                ),
            });
        }
    }
    (files, problems)
}

fn is_document(path: &Path) -> bool {
    match path.extension().and_then(|e| e.to_str()) {
        Some(ext) => DOCUMENT_EXTENSIONS.iter().any(|d| ext.eq_ignore_ascii_case(d)),
        None => false,
    }
}

/// Reads a file whole, refusing it without reading when it is larger than
/// `max_bytes`.
pub fn read_limited(path: &Path, max_bytes: u64) -> Result<Vec<u8>, String> {
    let file = File::open(path).map_err(|e| io_reason(&e))?;
    let len = file.metadata().map_err(|e| io_reason(&e))?.len();
    if len > max_bytes {
        return Err(format!(
            "file is {}, over the limit of {} (raise it with --max-bytes)",
            human_bytes(len),
            human_bytes(max_bytes)
        ));
    }
    let mut bytes = Vec::with_capacity(len as usize);
    // A file that grows while it is read is cut at the limit, not read on.
    file.take(max_bytes.saturating_add(1)).read_to_end(&mut bytes).map_err(|e| io_reason(&e))?;
    if bytes.len() as u64 > max_bytes {
        return Err(format!("file grew past the limit of {} while being read", human_bytes(max_bytes)));
    }
    Ok(bytes)
}

/// A short reason for an I/O error, without the OS error number.
pub fn io_reason(e: &std::io::Error) -> String {
    use std::io::ErrorKind::*;
    match e.kind() {
        NotFound => "no such file or folder".into(),
        PermissionDenied => "permission denied".into(),
        IsADirectory => "is a folder".into(),
        _ => {
            let s = e.to_string();
            s.split(" (os error").next().unwrap_or(&s).to_lowercase()
        }
    }
}

/// 1536 → "1.5 KiB".
pub fn human_bytes(n: u64) -> String {
    const UNITS: [&str; 5] = ["bytes", "KiB", "MiB", "GiB", "TiB"];
    let mut v = n as f64;
    let mut unit = 0;
    while v >= 1024.0 && unit < UNITS.len() - 1 {
        v /= 1024.0;
        unit += 1;
    }
    if unit == 0 {
        format!("{n} bytes")
    } else {
        format!("{v:.1} {}", UNITS[unit])
    }
}
