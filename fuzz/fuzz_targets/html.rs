//! Any text as a web page: no panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let page = format!("<!DOCTYPE html><html><body>{text}</body></html>");
    let _ = readout_text::html::read(&page);
    let _ = readout_text::html::read(text);
    let _ = readout_text::html::declared_charset(text.as_bytes());
});
