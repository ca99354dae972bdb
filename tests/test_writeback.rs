//! Write-back that loses nothing: read, then write with no change in between,
//! keeps every key of the input with an equal value (DESIGN "Formats").
#![cfg(feature = "statuspage")]

#[path = "test_writeback/lossless.rs"]
mod lossless;

use chrono::{DateTime, Utc};
use incident_model::formats::statuspage;
use incident_model::{MaintenanceStatus, Update};
use serde_json::Value;

/// Reads `input`, writes it back, and panics naming the first loss.
#[track_caller]
fn assert_lossless(name: &str, input: &str) {
    let document = statuspage::read(input).unwrap_or_else(|err| panic!("{name}: {err}"));
    let written = document
        .to_json()
        .unwrap_or_else(|err| panic!("{name}: {err}"));
    let (given, out): (Value, Value) = (
        serde_json::from_str(input).unwrap(),
        serde_json::from_str(&written).unwrap(),
    );
    let losses = lossless::losses(&given, &out, 40);
    if !losses.is_empty() {
        panic!("{name}: {}\n{written}", losses.join("\n  "));
    }
}

/// Every fixture of `tests/fixtures/statuspage/writeback`, by name.
fn fixtures() -> Vec<(String, String)> {
    let dir = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/statuspage/writeback"
    );
    let mut files: Vec<(String, String)> = std::fs::read_dir(dir)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|e| e == "json"))
        .map(|path| {
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            (name, std::fs::read_to_string(&path).unwrap())
        })
        .collect();
    files.sort();
    files
}

#[test]
fn every_fixture_writes_back_losing_nothing() {
    let fixtures = fixtures();
    assert!(fixtures.len() >= 9, "{} fixtures", fixtures.len());
    for (name, input) in &fixtures {
        assert_lossless(name, input);
    }
}

#[test]
fn an_impact_override_without_impact_is_written_as_an_override() {
    let (_, input) = fixture("impact_override_without_impact.json");
    let json = statuspage::read(&input).unwrap().to_json().unwrap();
    assert!(json.contains(r#""impact_override":"major""#), "{json}");
}

#[test]
fn an_empty_group_id_is_written_as_given() {
    let (_, input) = fixture("group_id_empty.json");
    let json = statuspage::read(&input).unwrap().to_json().unwrap();
    assert!(json.contains(r#""group_id":"""#), "{json}");
}

#[test]
fn an_incident_component_without_status_is_written_without_one() {
    let (_, input) = fixture("incident_component_without_status.json");
    let json = statuspage::read(&input).unwrap().to_json().unwrap();
    assert!(!json.contains("operational"), "{json}");
}

/// The JSON value of `json` at `pointer`.
#[track_caller]
fn at(json: &str, pointer: &str) -> Value {
    let value: Value = serde_json::from_str(json).unwrap();
    value
        .pointer(pointer)
        .cloned()
        .unwrap_or_else(|| panic!("no {pointer} in {json}"))
}

fn time(text: &str) -> DateTime<Utc> {
    text.parse().unwrap()
}

#[test]
fn a_status_the_updates_disagree_with_is_written_as_given_until_the_model_changes() {
    let (_, input) = fixture("maintenance_status_completed_updates_scheduled.json");
    let mut doc = statuspage::read(&input).unwrap();
    let json = doc.to_json().unwrap();
    assert_eq!(at(&json, "/scheduled_maintenances/0/status"), "completed");
    assert_eq!(
        at(&json, "/scheduled_maintenances/0/resolved_at"),
        "2024-05-02T12:00:00.000Z"
    );
    // A new update: the model derives another status and milestones.
    let update = Update::new(MaintenanceStatus::InProgress, time("2024-05-02T10:00:00Z"));
    doc.maintenances[0].event.apply(update).unwrap();
    let json = doc.to_json().unwrap();
    assert_eq!(at(&json, "/scheduled_maintenances/0/status"), "in_progress");
    assert_eq!(
        at(&json, "/scheduled_maintenances/0/resolved_at"),
        Value::Null
    );
}

#[test]
fn updates_are_written_in_their_input_order_until_the_model_changes() {
    let (_, input) = fixture("updates_out_of_order.json");
    let ids = |json: &str| -> Vec<String> {
        let updates = at(json, "/0/incident_updates");
        let updates = updates.as_array().unwrap();
        updates
            .iter()
            .map(|u| u["id"].as_str().unwrap().to_owned())
            .collect()
    };
    let mut doc = statuspage::read(&input).unwrap();
    let json = doc.to_json().unwrap();
    assert_eq!(ids(&json), ["upd000000030", "upd000000031", "upd000000032"]);
    let update = Update::new(
        incident_model::IncidentStatus::Resolved,
        time("2024-05-01T13:00:00Z"),
    );
    doc.incidents[0]
        .event
        .apply(update.with_id("upd000000033".parse().unwrap()))
        .unwrap();
    let json = doc.to_json().unwrap();
    // Newest first, as Statuspage sends them.
    assert_eq!(
        ids(&json),
        [
            "upd000000033",
            "upd000000031",
            "upd000000032",
            "upd000000030"
        ]
    );
}

#[test]
fn events_are_written_in_their_list_order_and_list() {
    let (_, input) = fixture("mixed_list_order.json");
    let json = statuspage::read(&input).unwrap().to_json().unwrap();
    assert_eq!(at(&json, "/incidents/0/id"), "m41nt0000002");
    assert_eq!(at(&json, "/incidents/1/id"), "1nc1dent0002");
    let (_, input) = fixture("summary_maintenance_among_incidents.json");
    let json = statuspage::read(&input).unwrap().to_json().unwrap();
    assert_eq!(at(&json, "/incidents/0/id"), "m41nt0000003");
    assert_eq!(at(&json, "/scheduled_maintenances"), serde_json::json!([]));
}

#[test]
fn null_keys_are_written_as_null() {
    let (_, input) = fixture("null_keys.json");
    let doc = statuspage::read(&input).unwrap();
    let json = doc.to_json().unwrap();
    for key in [
        "postmortem_body",
        "impact_override",
        "scheduled_for",
        "status",
        "resolved_at",
    ] {
        assert_eq!(
            at(&json, &format!("/incidents/0/{key}")),
            Value::Null,
            "{key}"
        );
    }
    assert_eq!(
        at(&json, "/incidents/0/incident_updates/0/body"),
        Value::Null
    );
    assert_eq!(
        at(&json, "/incidents/0/incident_updates/0/affected_components"),
        serde_json::json!([])
    );
    // What was written reads to the same model.
    let again = statuspage::read(&json).unwrap();
    assert_eq!(again.incidents[0].event, doc.incidents[0].event);
    assert_eq!(again.maintenances[0].event, doc.maintenances[0].event);
}

#[track_caller]
fn fixture(name: &str) -> (String, String) {
    fixtures()
        .into_iter()
        .find(|(n, _)| n == name)
        .unwrap_or_else(|| panic!("no fixture {name}"))
}

#[test]
#[ignore = "reads ../shared/corpus (CI runs it)"]
fn every_corpus_file_writes_back_losing_nothing() {
    let dir = std::path::Path::new("../shared/corpus/statuspage");
    let mut count = 0;
    let mut losses = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "json") {
            let input = std::fs::read_to_string(&path).unwrap();
            let name = path.display().to_string();
            if let Err(err) = std::panic::catch_unwind(|| assert_lossless(&name, &input)) {
                let text = err.downcast_ref::<String>().cloned().unwrap_or_default();
                losses.push(
                    text.lines()
                        .take_while(|l| !l.starts_with('{') && !l.starts_with('['))
                        .collect::<Vec<_>>()
                        .join("\n"),
                );
            }
            count += 1;
        }
    }
    assert!(count > 10, "{count} files");
    assert!(losses.is_empty(), "{}", losses.join("\n"));
}

#[test]
fn a_component_s_null_keys_are_written_as_null_until_set() {
    let (_, input) = fixture("component_nulls.json");
    let mut doc = statuspage::read(&input).unwrap();
    let json = doc.to_json().unwrap();
    assert_eq!(at(&json, "/components/0/name"), Value::Null);
    assert_eq!(at(&json, "/components/0/status"), Value::Null);
    assert_eq!(at(&json, "/incidents/0/components/0/group"), Value::Null);
    doc.components[0].component.name = "API".to_owned();
    doc.components[0].status = Some(incident_model::ComponentStatus::Operational);
    let json = doc.to_json().unwrap();
    assert_eq!(at(&json, "/components/0/name"), "API");
    assert_eq!(at(&json, "/components/0/status"), "operational");
    assert_eq!(
        json.matches(r#""status":"operational""#).count(),
        1,
        "{json}"
    );
}

#[test]
fn affected_components_are_written_as_given_until_the_model_changes() {
    let (_, input) = fixture("affected_component_extras.json");
    let mut doc = statuspage::read(&input).unwrap();
    let json = doc.to_json().unwrap();
    let newest = "/incidents/0/incident_updates/0/affected_components";
    assert_eq!(
        at(&json, &format!("{newest}/0/placeholder_note")),
        "kept first"
    );
    assert_eq!(at(&json, &format!("{newest}/1/name")), Value::Null);
    assert_eq!(
        at(&json, &format!("{newest}/2/nAme")),
        "a key of the page's own"
    );
    // Numbers as written.
    assert!(json.contains(r#"{"nested": [1, 2.50, "x"]}"#), "{json}");
    // The model changes: the changes are written from the model again, the
    // placeholder after them, the code standing in for the missing name.
    let reopened = Update::new(
        incident_model::IncidentStatus::Investigating,
        time("2024-05-03T11:00:00Z"),
    );
    doc.incidents[0].event.reopen(reopened).unwrap();
    let json = doc.to_json().unwrap();
    let newest = "/incidents/0/incident_updates/1/affected_components";
    assert_eq!(at(&json, &format!("{newest}/0/name")), "c0mp0nent001");
    assert_eq!(
        at(&json, &format!("{newest}/2/placeholder_note")),
        "kept first"
    );
}

#[test]
fn an_event_given_without_updates_is_written_without_them_until_the_model_changes() {
    let (_, input) = fixture("incident_updates_null.json");
    let mut doc = statuspage::read(&input).unwrap();
    let json = doc.to_json().unwrap();
    assert_eq!(at(&json, "/incidents/0/incident_updates"), Value::Null);
    let update = Update::new(
        incident_model::IncidentStatus::Identified,
        time("2024-05-04T10:00:00Z"),
    );
    doc.incidents[0].event.apply(update).unwrap();
    let json = doc.to_json().unwrap();
    let updates = at(&json, "/incidents/0/incident_updates");
    assert_eq!(updates.as_array().map(Vec::len), Some(2), "{json}");
}

#[test]
fn a_status_description_given_as_null_is_written_as_null() {
    let (_, input) = fixture("status_description_null.json");
    let doc = statuspage::read(&input).unwrap();
    assert_eq!(doc.status.as_ref().unwrap().description, "");
    let json = doc.to_json().unwrap();
    assert_eq!(at(&json, "/status/description"), Value::Null);
    assert_eq!(json.matches("description").count(), 1, "{json}");
}

#[test]
fn a_page_set_on_a_bare_incident_read_with_a_null_page_is_written() {
    let (_, input) = fixture("bare_incident_page_null.json");
    let mut doc = statuspage::read(&input).unwrap();
    assert_eq!(at(&doc.to_json().unwrap(), "/page"), Value::Null);
    let mut page = statuspage::Page::default();
    page.id = Some("n3wpage00001".to_owned());
    doc.page = Some(page);
    let json = doc.to_json().unwrap();
    assert_eq!(json.matches(r#""page""#).count(), 1, "{json}");
    assert_eq!(at(&json, "/page/id"), "n3wpage00001");
}

#[test]
fn incidents_beside_maintenances_without_a_status_are_their_own_shape() {
    let (_, input) = fixture("incidents_and_maintenances_without_status.json");
    let mut doc = statuspage::read(&input).unwrap();
    assert_eq!(doc.shape, statuspage::Shape::IncidentsAndMaintenances);
    let json = doc.to_json().unwrap();
    assert_eq!(at(&json, "/scheduled_maintenances/0/id"), "mnt000000001");
    assert_eq!(at(&json, "/incidents").as_array().map(Vec::len), Some(1));
    // Set to incidents.json, one list holds both.
    doc.shape = statuspage::Shape::Incidents;
    let json = doc.to_json().unwrap();
    assert_eq!(at(&json, "/incidents").as_array().map(Vec::len), Some(2));
}

/// The reader shares the text of short values and component ids, in sets
/// that start again when full (4,096 entries): past that, every value and id
/// is still the one given.
#[test]
fn values_past_the_shared_sets_are_written_as_given() {
    let components: Vec<String> = (0..5_000)
        .map(|i| {
            format!(
                r#"{{"id": "c{i}", "name": "C {i}", "status": "operational", "position": {i}, "description": "d{}", "showcase": {}}}"#,
                i % 4_500,
                i % 2 == 0
            )
        })
        .collect();
    let input = format!(
        r#"{{"page": {{"id": "p", "name": "P"}}, "status": {{"indicator": "none", "description": "ok"}}, "components": [{}], "incidents": [], "scheduled_maintenances": []}}"#,
        components.join(",")
    );
    assert_lossless("5,000 components", &input);
    let document = statuspage::read(&input).unwrap();
    let last = &document.components[4_999];
    assert_eq!(last.component.id.as_str(), "c4999");
    assert_eq!(last.other[0].1.as_str(), "4999");
}
