//! Read -> write -> read: whatever is read writes and reads again, and what
//! cannot be written back is refused on read or reported (issue 15, items 3-7).
#![cfg(all(feature = "statuspage", feature = "json"))]

use chrono::{DateTime, Utc};
use incident_model::formats::statuspage::{self, RawJson, StatuspageError};
use incident_model::{FormatError, Incident, IncidentStatus, Update};

/// An incident object with `created_at` set to `at`, and `extra` keys.
fn incident(at: &str, extra: &str) -> String {
    format!(
        r#"{{"id": "abcabcabcabc", "name": "x", "status": "resolved", "created_at": "{at}",
  "incident_updates": [{{"id": "u", "status": "resolved", "created_at": "{at}"}}]{extra}}}"#
    )
}

/// Reads `input`, writes it back and reads that again.
fn round_trip(input: &str) -> Result<statuspage::Document, StatuspageError> {
    let first = statuspage::read(input)?;
    let json = first.to_json()?;
    let again = statuspage::read(&json).unwrap_or_else(|err| panic!("{json}: {err}"));
    let events = |d: &statuspage::Document| {
        d.incidents
            .iter()
            .map(|r| r.event.clone())
            .collect::<Vec<_>>()
    };
    assert_eq!(events(&again), events(&first), "{json}");
    Ok(first)
}

#[test]
fn instants_beyond_four_digit_years_are_refused_on_read() {
    for at in ["9999-12-31T23:59:59-23:59", "0000-01-01T00:00:00+23:59"] {
        let err = round_trip(&incident(at, "")).unwrap_err();
        assert!(
            matches!(&err, StatuspageError::BadTimestamp { value, .. } if value == at),
            "{at}: {err}"
        );
        assert!(err.to_string().contains("created_at"), "{err}");
    }
    // The last and first instants that are: both write and read back.
    for at in ["9999-12-31T23:59:59+00:00", "0000-01-01T00:00:00-00:00"] {
        round_trip(&incident(at, "")).unwrap();
    }
}

#[test]
fn own_format_refuses_instants_it_cannot_write() {
    let own = |at: &str| {
        format!(
            r#"{{"id": "i", "name": "x", "impact": "none", "created_at": "{at}",
  "updates": [{{"id": "u", "status": "resolved", "display_at": "{at}", "created_at": "{at}"}}]}}"#
        )
    };
    for at in ["9999-12-31T23:59:59-23:59", "0000-01-01T00:00:00+23:59"] {
        let err = Incident::from_json(&own(at)).unwrap_err();
        assert!(matches!(err, FormatError::Syntax { .. }), "{err}");
        assert!(err.to_string().contains("created_at"), "{err}");
    }
    let last = own("9999-12-31T23:59:59Z");
    let incident = Incident::from_json(&last).unwrap();
    assert_eq!(Incident::from_json(&incident.to_json()).unwrap(), incident);
    // An instant the format cannot hold: written, it is refused on read, with
    // the field named, rather than read as another instant.
    let max = Incident::builder("x")
        .update(Update::new(
            IncidentStatus::Resolved,
            DateTime::<Utc>::MAX_UTC,
        ))
        .build()
        .unwrap();
    let err = Incident::from_json(&max.to_json()).unwrap_err();
    assert!(err.to_string().contains("created_at"), "{err}");
}

#[test]
fn an_incident_beside_a_list_is_refused_naming_the_keys() {
    let one = incident("2020-01-01T00:00:00Z", "");
    for list in ["incidents", "scheduled_maintenances"] {
        let input = format!(r#"{{"incident": {one}, "{list}": [{one}]}}"#);
        refused_naming(&input, &["incident", list]);
    }
}

#[test]
fn incident_keys_beside_a_list_are_refused_naming_them() {
    let one = incident("2020-01-01T00:00:00Z", "");
    let inputs = [
        format!(r#"{{"incidents": [{one}], "name": "lost", "impact": "major"}}"#),
        r#"{"status": {"indicator": "none"}, "components": [], "incidents": [], "name": "lost"}"#
            .to_owned(),
        format!(r#"{{"page": {{"id": "p"}}, "incident": {one}, "status": "resolved"}}"#),
        incident(
            "2020-01-01T00:00:00Z",
            r#", "status": {"indicator": "none"}"#,
        ),
    ];
    let keys: [&[&str]; 4] = [
        &["name", "impact", "incidents"],
        &["name", "status", "components", "incidents"],
        &["status", "incident"],
        &["id", "name", "status"],
    ];
    for (input, keys) in inputs.iter().zip(keys) {
        refused_naming(input, keys);
    }
}

/// Asserts that reading `input` gives an [`StatuspageError::UnknownShape`]
/// naming each of `keys`.
fn refused_naming(input: &str, keys: &[&str]) {
    let err = statuspage::read(input).unwrap_err();
    assert!(
        matches!(err, StatuspageError::UnknownShape { .. }),
        "{input}: {err}"
    );
    let message = err.to_string();
    for key in keys {
        assert!(message.contains(&format!("{key:?}")), "{key}: {message}");
    }
}

#[test]
fn invalid_escapes_in_kept_values_are_refused() {
    let inputs = [
        incident("2020-01-01T00:00:00Z", r#", "metadata": {"a": "\ud800"}"#),
        incident("2020-01-01T00:00:00Z", r#", "metadata": ["\udc00x"]"#),
        incident("2020-01-01T00:00:00Z", r#", "metadata": {"\ud800": 1}"#),
        incident("2020-01-01T00:00:00Z", r#", "postmortem_published_at": ["\ud800"]"#),
        incident("2020-01-01T00:00:00Z", r#", "postmortem_published_at": "\ud800""#),
        r#"{"id": "abcabcabcabc", "name": "x", "status": "resolved", "incident_updates": [
  {"id": "u", "status": "resolved", "created_at": "2020-01-01T00:00:00Z", "tweet_id": ["\ud800"]}]}"#
            .to_owned(),
    ];
    for input in inputs {
        let err = statuspage::read(&input).unwrap_err();
        assert!(matches!(err, StatuspageError::Syntax(_)), "{input}: {err}");
    }
    assert!(RawJson::new(r#""\ud800""#).is_err());
    // A valid pair is kept as written.
    let pair = incident("2020-01-01T00:00:00Z", r#", "metadata": "\ud83d\ude00""#);
    let doc = statuspage::read(&pair).unwrap();
    let json = doc.to_json().unwrap();
    assert!(json.contains(r#""\ud83d\ude00""#), "{json}");
    serde_json::from_str::<serde_json::Value>(&json).unwrap();
}

#[test]
fn top_level_components_of_an_incidents_document_are_written_back() {
    let one = incident("2020-01-01T00:00:00Z", "");
    let input = format!(
        r#"{{"components": [{{"id": "c", "name": "API", "status": "operational"}}], "incidents": [{one}]}}"#
    );
    let doc = round_trip(&input).unwrap();
    let again = statuspage::read(&doc.to_json().unwrap()).unwrap();
    assert_eq!(again.components, doc.components);
    assert_eq!(again.components.len(), 1);
}

#[test]
fn a_page_component_without_status_is_written_without_one() {
    let input = r#"{"components": [{"id": "c", "name": "API"}]}"#;
    let doc = statuspage::read(input).unwrap();
    let json = doc.to_json().unwrap();
    assert!(!json.contains("operational"), "{json}");
    assert_eq!(statuspage::read(&json).unwrap().components, doc.components);
}

#[test]
fn the_page_of_a_bare_incident_is_written_back() {
    let input = incident(
        "2020-01-01T00:00:00Z",
        r#", "page": {"id": "p", "name": "Page"}"#,
    );
    let doc = round_trip(&input).unwrap();
    let again = statuspage::read(&doc.to_json().unwrap()).unwrap();
    assert_eq!(again.page, doc.page);
    assert!(again.page.is_some());
}
