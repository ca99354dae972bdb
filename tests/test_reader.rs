//! The configurable Statuspage reader: lenient reading that does not sink on
//! one bad event. Fixtures in `tests/fixtures/reader/`.
#![cfg(feature = "statuspage")]

use incident_model::formats::statuspage::{self, BadEvents, Limits, Reader, StatuspageError};

fn fixture(name: &str) -> String {
    std::fs::read_to_string(format!(
        "{}/tests/fixtures/reader/{name}",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap()
}

#[test]
fn by_default_one_bad_incident_refuses_the_document() {
    let json = fixture("two_bad_incidents.json");
    let err = statuspage::read(&json).unwrap_err();
    assert!(
        matches!(err, StatuspageError::UnknownStatus { .. }),
        "{err}"
    );
    assert_eq!(Reader::new().read(&json).unwrap_err(), err);
}

#[test]
fn skipping_reads_the_others_and_returns_each_bad_event_with_its_typed_error() {
    let json = fixture("two_bad_incidents.json");
    let document = Reader::new()
        .bad_events(BadEvents::Skip)
        .read(&json)
        .unwrap();
    let read: Vec<&str> = document
        .incidents
        .iter()
        .map(|r| r.event.id().as_str())
        .collect();
    assert_eq!(read, ["aaaaaaaaaaa1", "ddddddddddd4"]);
    let skipped: Vec<&str> = document
        .skipped
        .iter()
        .map(|s| s.container.as_str())
        .collect();
    assert_eq!(skipped, ["incidents[1]", "incidents[2]"]);
    let StatuspageError::UnknownStatus { at, .. } = &document.skipped[0].error else {
        panic!("{:?}", document.skipped[0])
    };
    assert_eq!(
        at.incident.as_ref().map(|id| id.as_str()),
        Some("bbbbbbbbbbb2")
    );
    let StatuspageError::BadTimestamp { at, value } = &document.skipped[1].error else {
        panic!("{:?}", document.skipped[1])
    };
    assert_eq!(
        (at.incident.as_ref().map(|id| id.as_str()), value.as_str()),
        (Some("cccccccccc3c"), "yesterday")
    );
    // No anomaly of a skipped event is left behind.
    assert!(document.anomalies.iter().all(|a| a
        .incident
        .as_ref()
        .is_none_or(|id| read.contains(&id.as_str()))));
    // The same through bytes.
    assert_eq!(
        Reader::new()
            .bad_events(BadEvents::Skip)
            .read_slice(json.as_bytes())
            .unwrap(),
        document
    );
}

#[test]
fn a_limit_still_refuses_the_document_when_skipping() {
    let json = fixture("two_bad_incidents.json");
    let mut limits = Limits::default();
    limits.max_body_bytes = 2;
    let err = Reader::new()
        .limits(limits)
        .bad_events(BadEvents::Skip)
        .read(&json)
        .unwrap_err();
    assert!(
        matches!(err, StatuspageError::LimitExceeded { .. }),
        "{err}"
    );
}

#[test]
fn read_with_is_the_reader_with_limits() {
    let json = fixture("two_bad_incidents.json");
    let mut limits = Limits::default();
    limits.max_input_bytes = 10;
    assert_eq!(
        statuspage::read_with(&json, &limits).unwrap_err(),
        Reader::new().limits(limits).read(&json).unwrap_err()
    );
}
