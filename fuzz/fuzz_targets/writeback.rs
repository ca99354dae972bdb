//! Arbitrary bytes into the Statuspage reader: whatever is read writes back
//! losing nothing (every key of the input with an equal value: timestamps as
//! instants, numbers as written, lists in their order; keys may be added).
#![no_main]

use incident_model::formats::statuspage;
use libfuzzer_sys::fuzz_target;

#[path = "../../tests/test_writeback/lossless.rs"]
mod lossless;

fuzz_target!(|data: &[u8]| {
    let Ok(document) = statuspage::read_slice(data) else { return };
    let written = document.to_json().expect("a document that was read can be written");
    // serde_json's `Value` holds numbers as f64 or i64/u64: a number beyond
    // them (`1E400`), valid JSON that the reader keeps verbatim, cannot be
    // compared here, so the input is skipped.
    let Ok(given) = serde_json::from_slice::<serde_json::Value>(data) else { return };
    let out: serde_json::Value = serde_json::from_str(&written).expect("what was written is JSON");
    if let Some(loss) = lossless::loss(&given, &out) {
        panic!("{loss}\n{written}");
    }
});
