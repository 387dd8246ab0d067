//! End-to-end tests: the built binary on the bundled corpus and on a folder
//! of bad inputs made here.

mod common;

use common::{readout, temp_dir};
use std::path::{Path, PathBuf};
use std::process::Output;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn corpus() -> String {
    root().join("examples/corpus").display().to_string()
}

fn jsonl(out: &Output) -> Vec<serde_json::Value> {
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).expect("each line is JSON"))
        .collect()
}

#[test]
fn extract_on_the_bundled_corpus_follows_the_contract() {
    let manifest = root().join("examples/corpus/manifest.csv").display().to_string();
    let out = readout(&["extract", "--format", "jsonl", "--with-text", "--manifest", &manifest, &corpus()]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let docs = jsonl(&out);
    assert_eq!(docs.len(), 5);
    let want = [
        ("000_253014d5e65da500.txt", "2017-11-06", "day", "us-gov", "text"),
        ("001_831faa1e7f688e3a.txt", "2017-11-06", "day", "us-gov", "text"),
        // A visit of May 25–28 dates it by its middle day, within three days of each.
        ("002_b38c4054fa3aa486.txt", "2019-05-26", "day", "us-gov", "text"),
        ("003_89bd6e2a19a88483.txt", "2017-11-06", "day", "press", "manifest"),
        ("004_8c9e0378fe152a87.txt", "2018", "year", "us-gov", "text"),
    ];
    for (doc, (name, date, precision, publisher, source)) in docs.iter().zip(want) {
        assert!(doc["source"].as_str().unwrap().ends_with(name));
        assert_eq!(doc["schema"], 1);
        assert!(doc["id"].as_str().unwrap().starts_with("d-"));
        assert_eq!(doc["date"], date, "{name}");
        assert_eq!(doc["date_precision"], precision, "{name}");
        assert_eq!(doc["publisher"], publisher, "{name}");
        assert_eq!(doc["date_source"], source, "{name}");
        let text = doc["text"].as_str().unwrap();
        assert!(!text.contains("National Archives") && !text.contains("print PRINT") && !text.contains("â€"));
        for s in doc["statements"].as_array().unwrap() {
            for field in [
                "id",
                "span",
                "text",
                "speaker",
                "kind",
                "modality",
                "actors",
                "domains",
                "quantities",
                "dates",
            ] {
                assert!(s.get(field).is_some(), "{name}: statement lacks {field}");
            }
            let span = s["span"].as_array().unwrap();
            let (a, b) = (span[0].as_u64().unwrap() as usize, span[1].as_u64().unwrap() as usize);
            assert_eq!(&text[a..b], s["text"].as_str().unwrap());
        }
    }
    // Without the manifest, 003 names its day but not its year: no date.
    let out =
        readout(&["extract", &root().join("examples/corpus/003_89bd6e2a19a88483.txt").display().to_string()]);
    let doc = &jsonl(&out)[0];
    assert!(doc["date"].is_null() && doc["date_precision"].is_null() && doc["date_source"].is_null());
}

#[test]
fn output_is_deterministic_whatever_the_thread_count() {
    let one = readout(&["extract", "-j", "1", &corpus()]);
    let two = readout(&["extract", "-j", "2", &corpus(), &corpus()]);
    assert!(one.status.success() && two.status.success());
    let one = String::from_utf8(one.stdout).unwrap();
    let two = String::from_utf8(two.stdout).unwrap();
    assert_eq!(format!("{one}{one}"), two);
}

#[test]
fn bad_inputs_are_reported_and_the_batch_goes_on() {
    let dir = temp_dir("bad");
    std::fs::write(dir.join("good.txt"), "The two leaders met in Tokyo on May 2, 2019.\n").unwrap();
    std::fs::write(dir.join("empty.txt"), "").unwrap();
    std::fs::write(dir.join("image.txt"), b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR").unwrap();
    std::fs::write(dir.join("nul.txt"), b"text\0with\0nul bytes").unwrap();
    std::fs::write(dir.join("bom.txt"), b"\xef\xbb\xbfclaims UTF-8 \xff\xfe but is not").unwrap();
    let big = std::fs::File::create(dir.join("big.txt")).unwrap();
    big.set_len(200 * 1024 * 1024).unwrap(); // sparse: never read
    drop(big);
    let locked = dir.join("locked.txt");
    std::fs::write(&locked, "The leaders met.").unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o000)).unwrap();
    }
    let readable = std::fs::File::open(&locked).is_ok(); // root reads anything
    std::fs::create_dir(dir.join("nodocs")).unwrap();
    std::fs::write(dir.join("nodocs/data.csv"), "a,b\n").unwrap();
    #[cfg(unix)]
    std::os::unix::fs::symlink(&dir, dir.join("loop")).unwrap();

    let missing = dir.join("missing.txt").display().to_string();
    let d = dir.display().to_string();
    let out = readout(&["extract", &d, &missing, &dir.join("nodocs").display().to_string()]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
    let docs = jsonl(&out);
    let names: Vec<&str> =
        docs.iter().map(|d| d["source"].as_str().unwrap().rsplit('/').next().unwrap()).collect();
    let mut want = vec!["good.txt"];
    if readable {
        want.push("locked.txt");
    }
    assert_eq!(names, want, "{stderr}");
    for (file, reason) in [
        ("empty.txt", "empty file"),
        ("image.txt", "binary file (PNG image)"),
        ("nul.txt", "binary file"),
        ("bom.txt", "invalid UTF-8"),
        ("big.txt", "over the limit of 64.0 MiB"),
        ("missing.txt", "no such file or folder"),
        ("nodocs", "no documents in this folder"),
        ("loop", "symbolic link loop"),
    ] {
        let line = stderr
            .lines()
            .find(|l| l.contains(file))
            .unwrap_or_else(|| panic!("no line for {file}: {stderr}"));
        assert!(line.starts_with("readout: ") && line.contains(reason), "{file}: {line}");
    }
    if !readable {
        assert!(
            stderr.lines().any(|l| l.contains("locked.txt") && l.contains("permission denied")),
            "{stderr}"
        );
    }
    // --max-bytes raises the limit: the sparse file is then read and refused as binary (NUL bytes).
    let out = readout(&["extract", "--max-bytes", "300000000", &dir.join("big.txt").display().to_string()]);
    assert!(String::from_utf8_lossy(&out.stderr).contains("binary file"));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_malformed_manifest_names_the_row() {
    let dir = temp_dir("manifest");
    let manifest = dir.join("m.csv");
    std::fs::write(&manifest, "file,date,publisher\na.txt,2017-11-06,us-gov\nb.txt,2017-13-45,press\n")
        .unwrap();
    let out = readout(&["extract", "--manifest", &manifest.display().to_string(), &corpus()]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr.contains("m.csv: row 2: bad date \"2017-13-45\""), "{stderr}");
    assert!(out.stdout.is_empty());
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn demo_prints_a_summary_of_the_bundled_corpus() {
    let out = readout(&["demo", "--no-serve"]);
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    for needle in
        ["000", "2017-11-06", "2019-05", "2018", "us-gov", "press", "Gist of Abe-Trump", "USA+JPN", "money"]
    {
        assert!(text.contains(needle), "{needle} missing from:\n{text}");
    }
    assert!(text.lines().all(|l| l.chars().count() <= 80), "wider than 80 columns:\n{text}");
}

#[test]
fn help_explains_the_commands() {
    let out = readout(&["--help"]);
    let text = String::from_utf8(out.stdout).unwrap();
    for cmd in ["extract", "demo", "eval", "bench"] {
        assert!(text.contains(cmd));
    }
}

/// A readout as governments publish it on the web: navigation, share
/// widgets, a cookie banner and a footer around the statement.
const PAGE: &str = r##"<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Joint Statement | Ministry of Foreign Affairs</title>
<meta property="og:title" content="Joint Statement of the Leaders of Canada and Japan">
<meta property="article:published_time" content="2019-04-28T10:00:00+09:00">
<meta property="og:site_name" content="Ministry of Foreign Affairs">
</head><body>
<div class="cookie-consent">This website uses cookies. <button>OK</button></div>
<header><nav class="main-nav"><ul><li><a href="/">Home</a></li><li><a href="/press">Press</a></li></ul></nav></header>
<main><article>
<h1>Joint Statement of the Leaders of Canada and Japan</h1>
<ul class="share-links"><li><a href="#">Share</a></li><li><a href="#">Print</a></li></ul>
<p>Prime Minister Trudeau and Prime Minister Abe met in Ottawa on April 28, 2019.</p>
<p>The two leaders agreed to launch a new dialogue on energy security and will meet again next year.</p>
<p>Japan will provide $200 million for clean energy projects in the Indo-Pacific region.</p>
</article></main>
<footer class="site-footer"><p>Copyright Ministry of Foreign Affairs. All rights reserved.</p></footer>
</body></html>"##;

#[test]
fn web_pages_are_read_for_their_main_text_and_metadata() {
    let dir = temp_dir("html");
    let html = dir.join("statement.html");
    std::fs::write(&html, PAGE).unwrap();
    // HTML by content, whatever the extension.
    let saved = dir.join("saved-page.txt");
    std::fs::write(&saved, PAGE).unwrap();
    for path in [&html, &saved] {
        let out = readout(&["extract", "--with-text", &path.display().to_string()]);
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        let docs = jsonl(&out);
        let d = &docs[0];
        assert_eq!(d["title"], "Joint Statement of the Leaders of Canada and Japan");
        assert_eq!(d["date"], "2019-04-28");
        assert_eq!(d["date_source"], "html-meta");
        let text = d["text"].as_str().unwrap();
        for gone in ["cookies", "Home", "Share", "Copyright", "<p>", "og:title"] {
            assert!(!text.contains(gone), "{gone} in {text}");
        }
        let statements = d["statements"].as_array().unwrap();
        let energy = statements
            .iter()
            .find(|s| s["text"].as_str().unwrap().contains("$200 million"))
            .expect("the figure's statement");
        assert_eq!(energy["kind"], "commitment");
        assert_eq!(energy["quantities"][0]["value"], 200_000_000);
        for s in statements {
            let (a, b) = (s["span"][0].as_u64().unwrap() as usize, s["span"][1].as_u64().unwrap() as usize);
            assert_eq!(&text[a..b], s["text"].as_str().unwrap(), "spans point into the cleaned text");
        }
    }
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_pages_site_name_tells_its_publisher() {
    let dir = temp_dir("site");
    let body = "<body><article><p>The President spoke with Prime Minister Kishida of Japan today and they agreed to deepen cooperation on energy security.</p></article></body></html>";
    let with = dir.join("with.html");
    std::fs::write(&with, format!("<html><head><meta property=\"og:site_name\" content=\"The White House\"><title>Readout of the call</title></head>{body}")).unwrap();
    let without = dir.join("without.html");
    std::fs::write(&without, format!("<html><head><title>Readout of the call</title></head>{body}")).unwrap();
    let out = readout(&["extract", &with.display().to_string(), &without.display().to_string()]);
    let docs = jsonl(&out);
    assert_eq!(docs[0]["publisher"], "us-gov");
    assert_eq!(docs[1]["publisher"], "unknown", "the text alone does not say");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn pdf_files_are_read_with_pages_and_bad_ones_named() {
    use readout_text::pdf::write::{write_pdf, PdfLayout};
    let dir = temp_dir("pdf");
    let seed = std::fs::read_to_string(root().join("examples/corpus/000_253014d5e65da500.txt")).unwrap();
    let layout =
        PdfLayout { columns: 2, running_head: Some("Joint Statement".into()), ..PdfLayout::default() };
    std::fs::write(dir.join("joint.pdf"), write_pdf(&seed, &layout)).unwrap();
    // Known by its content, whatever its name.
    std::fs::write(
        dir.join("saved.txt"),
        write_pdf("Readout\nJapan will invest $1 billion.", &PdfLayout::default()),
    )
    .unwrap();
    std::fs::write(dir.join("broken.pdf"), b"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n").unwrap();
    let out = readout(&["extract", "--format", "jsonl", &dir.display().to_string()]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
    let line = stderr.lines().find(|l| l.contains("broken.pdf")).unwrap_or_else(|| panic!("{stderr}"));
    assert!(line.contains("unreadable PDF"), "{line}");
    let docs = jsonl(&out);
    assert_eq!(docs.len(), 2, "{stderr}");
    let joint = docs.iter().find(|d| d["source"].as_str().unwrap().ends_with("joint.pdf")).unwrap();
    assert_eq!(joint["encoding"], "PDF");
    let pages: Vec<u64> =
        joint["statements"].as_array().unwrap().iter().map(|s| s["page"].as_u64().unwrap()).collect();
    assert_eq!(pages.first(), Some(&1));
    assert!(pages.last().is_some_and(|&p| p >= 2), "{pages:?}");
    let saved = docs.iter().find(|d| d["source"].as_str().unwrap().ends_with("saved.txt")).unwrap();
    let quantity = &saved["statements"][0]["quantities"][0];
    assert_eq!(quantity["value"], 1_000_000_000u64);
    let _ = std::fs::remove_dir_all(&dir);
}
