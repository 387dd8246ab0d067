//! What the end-to-end tests share: running the built binary, and a
//! scratch folder per test.

use std::path::PathBuf;
use std::process::{Command, Output};

/// Runs the built `readout` with `args`, colour off.
pub fn readout(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_readout"))
        .args(args)
        .env("NO_COLOR", "1")
        .output()
        .expect("the binary runs")
}

/// An empty folder of its own for the test `name` of this test binary.
pub fn temp_dir(name: &str) -> PathBuf {
    // Tests run in parallel: a counter keeps two of one name apart.
    static NEXT: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let n = NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let dir = std::env::temp_dir().join(format!(
        "readout-{}-{name}-{}-{n}",
        env!("CARGO_CRATE_NAME"),
        std::process::id()
    ));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}
