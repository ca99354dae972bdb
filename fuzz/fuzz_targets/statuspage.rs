//! Arbitrary bytes into the Statuspage reader: never a panic; whatever is read
//! writes back and reads again to an equal model.
#![no_main]

use incident_model::formats::statuspage;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(document) = statuspage::read_slice(data) else { return };
    let written = document.to_json().expect("a document that was read can be written");
    let again = statuspage::read(&written).expect("what was written reads again");
    let models = |d: &statuspage::Document| {
        (
            d.incidents.iter().map(|r| r.event.clone()).collect::<Vec<_>>(),
            d.maintenances.iter().map(|r| r.event.clone()).collect::<Vec<_>>(),
        )
    };
    assert_eq!(models(&again), models(&document));
});
