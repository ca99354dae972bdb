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
    let given: serde_json::Value = serde_json::from_slice(data).expect("what was read is JSON");
    let out: serde_json::Value = serde_json::from_str(&written).expect("what was written is JSON");
    if let Some(loss) = lossless::loss(&given, &out) {
        panic!("{loss}\n{written}");
    }
});
