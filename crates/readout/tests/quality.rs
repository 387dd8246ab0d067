//! The quality test: readout's own `eval` on the bundled gold, held to the
//! floors in `.ci/floors` (which only go up).

use std::path::Path;
use std::process::Command;

#[test]
fn bundled_gold_meets_the_floors() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let floors = std::fs::read_to_string(root.join(".ci/floors")).expect(".ci/floors");
    let mut args: Vec<String> = [
        "eval",
        "--threads",
        "--gold",
        "examples/gold",
        "--docs",
        "examples/corpus",
        "--manifest",
        "examples/corpus/manifest.csv",
    ]
    .map(String::from)
    .to_vec();
    let mut count = 0;
    for line in floors.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#')) {
        args.push("--min".into());
        args.push(line.into());
        count += 1;
    }
    assert!(count >= 4, "too few floors in .ci/floors");
    let out = Command::new(env!("CARGO_BIN_EXE_readout")).args(&args).current_dir(&root).output().unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{stdout}\n{}", String::from_utf8_lossy(&out.stderr));
    assert!(!stdout.contains("below floor"), "{stdout}");
}

#[test]
fn the_bundled_gold_finds_its_corpus_and_manifest() {
    // `eval --gold examples/gold` alone: the documents are in the corpus
    // folder beside the gold, and its manifest dates the undated one.
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let out = Command::new(env!("CARGO_BIN_EXE_readout"))
        .args(["eval", "--json", "--gold", "examples/gold"])
        .current_dir(&root)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(report["metrics"]["tracked_f1"].as_f64().unwrap() > 0.9, "{report}");
    assert_eq!(report["metrics"]["doc_date_acc"].as_f64(), Some(1.0), "{report}");
}
