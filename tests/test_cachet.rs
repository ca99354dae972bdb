//! Cachet 2.x: components cut from the real capture, incidents and schedules
//! from the API reference (tests/fixtures/cachet/README.md).
#![cfg(feature = "cachet")]

use incident_model::formats::{cachet, AnomalyKind, Document, Format};
use incident_model::{ComponentStatus, IncidentStatus, MaintenanceStatus};

fn fixture(name: &str, zone: chrono_tz::Tz) -> Document {
    let path = format!(
        "{}/tests/fixtures/cachet/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    cachet::read(&std::fs::read_to_string(path).unwrap(), zone).unwrap()
}

#[test]
fn components_with_duplicate_names_and_local_times() {
    let document = fixture("components.json", chrono_tz::Europe::London);
    assert_eq!(document.format, Format::Cachet);
    let components: Vec<_> = document
        .components
        .iter()
        .map(|c| (c.component.id.as_str(), c.component.name.as_str()))
        .collect();
    assert_eq!(
        components,
        [
            ("1", "Yoti Website"),
            ("9", "Yoti Doc Scan"),
            ("6", "Yoti Doc Scan")
        ]
    );
    assert!(document
        .components
        .iter()
        .all(|c| c.status == Some(ComponentStatus::Operational)));
    assert_eq!(
        document.components[0]
            .component
            .group_id
            .as_ref()
            .unwrap()
            .as_str(),
        "1"
    );
    let local = document
        .anomalies
        .iter()
        .find(|a| a.kind == AnomalyKind::LocalTime)
        .unwrap();
    assert_eq!(
        local.detail,
        "times without a zone, read in Europe/London (the zone given)"
    );
}

#[test]
fn incidents_in_the_zone_given() {
    let document = fixture("incidents.json", chrono_tz::Europe::London);
    let incident = document.events[0].event.as_incident().unwrap();
    let statuses: Vec<IncidentStatus> = incident.updates().iter().map(|u| u.status()).collect();
    use IncidentStatus::*;
    assert_eq!(statuses, [Investigating, Identified, Resolved]);
    // 09:00 in London, in October: BST, UTC+1.
    assert_eq!(
        incident.opened_at().to_rfc3339(),
        "2020-10-12T08:00:00+00:00"
    );
    let kinds: Vec<AnomalyKind> = document.events[0]
        .anomalies
        .iter()
        .map(|a| a.kind)
        .collect();
    assert!(
        kinds.contains(&AnomalyKind::LocalTime) && kinds.contains(&AnomalyKind::InferredStatus)
    );
    let utc = fixture("incidents.json", chrono_tz::UTC);
    assert_eq!(
        utc.events[0].event.opened_at().to_rfc3339(),
        "2020-10-12T09:00:00+00:00"
    );
    let open = document.events[1].event.as_incident().unwrap();
    assert_eq!(open.status(), Investigating);
}

#[test]
fn schedules_are_maintenances_with_their_window() {
    let document = fixture("schedules.json", chrono_tz::UTC);
    let maintenance = document.events[0].event.as_maintenance().unwrap();
    assert_eq!(maintenance.status(), MaintenanceStatus::Completed);
    assert_eq!(
        maintenance.schedule().unwrap().scheduled_for.to_rfc3339(),
        "2020-10-20T01:00:00+00:00"
    );
}

#[test]
fn malformed_items_name_the_item_and_field() {
    let one = r#"{"data": {"id": 5, "name": "x", "status": 1, "human_status": "Investigating", "message": "m", "created_at": "2020-10-12 09:00:00"}}"#;
    assert!(cachet::read(one, chrono_tz::UTC).is_ok());
    let message = |json: &str| cachet::read(json, chrono_tz::UTC).unwrap_err().to_string();
    assert_eq!(
        message(&one.replace("\"2020-10-12 09:00:00\"", "\"12/10/2020\"")),
        "cachet: event \"5\", field \"created_at\": \"12/10/2020\" is not a time such as 2020-10-12 09:00:00 (or rfc 3339)"
    );
    assert_eq!(
        message(&one.replace("\"status\": 1", "\"status\": \"1\"")),
        "cachet: event \"5\", field \"status\": not an integer"
    );
    // A local time the zone skips (London, 2021-03-28 01:30) is refused.
    let gap = one.replace("2020-10-12 09:00:00", "2021-03-28 01:30:00");
    assert!(cachet::read(&gap, chrono_tz::Europe::London).is_err());
    assert!(cachet::read(&gap, chrono_tz::UTC).is_ok());
    assert_eq!(
        message(r#"{"data": [{"id": 1}]}"#),
        "cachet: field \"data\": expected a component, an incident or a schedule"
    );
}

#[test]
#[ignore = "reads ../shared/corpus (CI runs it with --ignored)"]
fn the_corpus_capture_is_read() {
    let path = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/corpus/cachet/cachet_v2_components_yoti_2020-10-12_cut.json");
    let document = cachet::read(&std::fs::read_to_string(path).unwrap(), chrono_tz::UTC).unwrap();
    assert_eq!(document.components.len(), 7);
}
