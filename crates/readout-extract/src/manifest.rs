//! The user's manifest: what they know about documents that the texts may
//! not say (`--manifest FILE`, a CSV file; see `shared/spec/output.md`).

use crate::meta::parse_iso;
use crate::model::Publisher;
use crate::pipeline::DocHints;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use thiserror::Error;

/// A manifest that cannot be used.
#[derive(Debug, Error, PartialEq, Eq)]
pub enum ManifestError {
    /// The CSV itself is broken.
    #[error("not a CSV file: {0}")]
    Csv(String),
    /// The header names no `file` column.
    #[error("the header has no `file` column (it has: {0})")]
    NoFileColumn(String),
    /// A row is malformed; `row` counts from 1 after the header.
    #[error("row {row}: {reason}")]
    Row {
        /// The row number, the header being row 0.
        row: usize,
        /// What is wrong with it.
        reason: String,
    },
}

/// Rows of a manifest, by the file each one names.
#[derive(Debug, Clone, Default)]
pub struct Manifest {
    /// The manifest's folder: relative `file` values start there.
    base: PathBuf,
    by_path: HashMap<PathBuf, DocHints>,
    by_name: HashMap<String, DocHints>,
}

impl Manifest {
    /// Parses a manifest's text; `base` is the folder it lives in.
    pub fn parse(text: &str, base: &Path) -> Result<Manifest, ManifestError> {
        let mut reader =
            csv::ReaderBuilder::new().trim(csv::Trim::All).flexible(false).from_reader(text.as_bytes());
        let headers = reader.headers().map_err(|e| ManifestError::Csv(e.to_string()))?.clone();
        let col = |name: &str| headers.iter().position(|h| h.eq_ignore_ascii_case(name));
        let file = col("file")
            .ok_or_else(|| ManifestError::NoFileColumn(headers.iter().collect::<Vec<_>>().join(", ")))?;
        let (date, publisher, title) = (col("date"), col("publisher"), col("title"));
        let mut manifest = Manifest { base: base.to_path_buf(), ..Manifest::default() };
        for (i, record) in reader.records().enumerate() {
            let row = i + 1;
            let record = record.map_err(|e| ManifestError::Row { row, reason: e.to_string() })?;
            let get = |c: Option<usize>| c.and_then(|c| record.get(c)).filter(|v| !v.is_empty());
            let Some(name) = get(Some(file)) else {
                return Err(ManifestError::Row { row, reason: "empty `file`".into() });
            };
            let mut hints = DocHints::default();
            if let Some(d) = get(date) {
                if parse_iso(d).is_none() {
                    return Err(ManifestError::Row {
                        row,
                        reason: format!("bad date {d:?} (want YYYY-MM-DD, YYYY-MM or YYYY)"),
                    });
                }
                hints.date = Some(d.to_string());
            }
            if let Some(p) = get(publisher) {
                hints.publisher = Some(Publisher::parse(p).ok_or_else(|| ManifestError::Row {
                    row,
                    reason: format!(
                        "unknown publisher {p:?} (want us-gov, jp-gov, other-gov, press or unknown)"
                    ),
                })?);
            }
            hints.title = get(title).map(str::to_string);
            let path = Path::new(name);
            if path.components().count() == 1 {
                manifest.by_name.insert(name.to_string(), hints.clone());
            }
            manifest.by_path.insert(normalize(&manifest.base.join(path)), hints);
        }
        Ok(manifest)
    }

    /// The hints for a document at `path`: by its path relative to the
    /// manifest's folder, else by its bare file name.
    pub fn hints_for(&self, path: &Path) -> Option<&DocHints> {
        self.by_path.get(&normalize(path)).or_else(|| {
            let name = path.file_name()?.to_str()?;
            self.by_name.get(name)
        })
    }

    /// Number of rows.
    pub fn len(&self) -> usize {
        self.by_path.len()
    }

    /// True for a manifest without rows.
    pub fn is_empty(&self) -> bool {
        self.by_path.is_empty()
    }
}

/// A path made absolute-ish and without `.` and `..`, for comparison.
fn normalize(path: &Path) -> PathBuf {
    let path = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
    let mut out = PathBuf::new();
    for c in path.components() {
        match c {
            std::path::Component::CurDir => {}
            std::path::Component::ParentDir => {
                out.pop();
            }
            other => out.push(other),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_and_lookups() {
        let m = Manifest::parse(
            "file,date,publisher,title\n003.txt,2017-11-06,,\nsub/a.txt,2019-05,press,A title\n",
            Path::new("/corpus"),
        )
        .unwrap();
        assert_eq!(m.len(), 2);
        assert_eq!(
            m.hints_for(Path::new("/elsewhere/003.txt")).and_then(|h| h.date.clone()),
            Some("2017-11-06".into())
        );
        let a = m.hints_for(Path::new("/corpus/sub/a.txt")).unwrap();
        assert_eq!(a.publisher, Some(Publisher::Press));
        assert_eq!(a.title.as_deref(), Some("A title"));
        assert!(m.hints_for(Path::new("/corpus/a.txt")).is_none());
    }

    #[test]
    fn malformed_rows_are_named() {
        let bad_date = Manifest::parse("file,date\nx.txt,2017-13-01\n", Path::new(".")).unwrap_err();
        assert_eq!(bad_date.to_string(), "row 1: bad date \"2017-13-01\" (want YYYY-MM-DD, YYYY-MM or YYYY)");
        let bad_pub = Manifest::parse("file,publisher\nx.txt,ok\ny.txt,blog\n", Path::new(".")).unwrap_err();
        assert!(matches!(bad_pub, ManifestError::Row { row: 1, .. }));
        assert!(matches!(
            Manifest::parse("name,date\n", Path::new(".")),
            Err(ManifestError::NoFileColumn(_))
        ));
        assert!(matches!(
            Manifest::parse("file,date\nx.txt\n", Path::new(".")),
            Err(ManifestError::Row { row: 1, .. })
        ));
    }
}
