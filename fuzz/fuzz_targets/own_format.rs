//! Arbitrary bytes into the crate's own format reader: never a panic; whatever
//! is accepted writes back and reads again to an equal value.
#![no_main]

use incident_model::{Incident, Maintenance};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    if let Ok(incident) = Incident::from_json(text) {
        assert_eq!(Incident::from_json(&incident.to_json()).ok(), Some(incident));
    }
    if let Ok(maintenance) = Maintenance::from_json(text) {
        assert_eq!(Maintenance::from_json(&maintenance.to_json()).ok(), Some(maintenance));
    }
});
