//! Any text as a manifest: parsed or refused with a message, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let _ = readout_extract::Manifest::parse(text, std::path::Path::new("."));
});
