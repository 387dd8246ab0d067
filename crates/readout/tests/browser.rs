//! The reading room in a real browser: `readout demo` serves the bundled
//! corpus and tests/browser/ui.mjs drives Debian's Chromium through it
//! with playwright-core (search "OPIC", its thread's timeline, the compare
//! view of November 2017, a quantity's value on focus, a 360px screen,
//! pages without JavaScript). Screenshots go to
//! target/artifacts/browser/.
//!
//! Needs `chromium` and `npm ci --prefix tests/browser` (.ci/run installs
//! both). Without them the test says so and passes, except under CI, where
//! it fails.

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// Stops the server however the test ends.
struct Server(std::process::Child);

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

#[test]
fn the_reading_room_in_chromium() {
    let chromium = std::env::var("CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".to_string());
    let driver = root().join("tests/browser/node_modules/playwright-core");
    let node = Command::new("node").arg("--version").output().is_ok_and(|o| o.status.success());
    if !(Path::new(&chromium).exists() && driver.exists() && node) {
        let what =
            "browser tests need chromium (apt-get install chromium) and `npm ci --prefix tests/browser`";
        assert!(std::env::var_os("CI").is_none(), "{what}");
        eprintln!("skipped: {what}");
        return;
    }
    let db = std::env::temp_dir().join(format!("readout-browser-{}.db", std::process::id()));
    let mut child = Command::new(env!("CARGO_BIN_EXE_readout"))
        .args(["demo", "--addr", "127.0.0.1:0", "--db"])
        .arg(&db)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let stdout = child.stdout.take().unwrap();
    let server = Server(child);
    let mut url = None;
    for line in BufReader::new(stdout).lines() {
        let line = line.unwrap();
        if let Some(at) = line.find("http://") {
            url = Some(line[at..].split_whitespace().next().unwrap().trim_end_matches('/').to_string());
            break;
        }
    }
    let url = url.expect("the demo printed its address");
    let shots = root().join("target/artifacts/browser");
    let out = Command::new("node")
        .arg(root().join("tests/browser/ui.mjs"))
        .arg(&url)
        .arg(&shots)
        .env("CHROMIUM", &chromium)
        .output()
        .unwrap();
    drop(server);
    let _ = std::fs::remove_file(&db);
    let report = format!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
    println!("{report}");
    assert!(out.status.success(), "browser tests failed:\n{report}");
    assert!(shots.join("03-opic-thread-timeline.png").exists(), "screenshots saved");
}
