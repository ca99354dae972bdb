//! incident.io's widget API: the real idle envelope, and fixtures built from
//! the documented shape (tests/fixtures/incident_io/README.md says why).
#![cfg(feature = "incident_io")]

use incident_model::formats::{incident_io, AnomalyKind, Document, Format};
use incident_model::{ComponentStatus, Impact, IncidentStatus, MaintenanceStatus};

fn fixture(name: &str) -> Document {
    let path = format!(
        "{}/tests/fixtures/incident_io/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    incident_io::read(&std::fs::read_to_string(path).unwrap()).unwrap()
}

#[test]
fn the_idle_envelope() {
    let document = fixture("idle.json");
    assert_eq!(document.format, Format::IncidentIoWidget);
    assert_eq!(
        document.page.url.as_deref(),
        Some("https://status.openai.com/")
    );
    assert!(document.events.is_empty() && document.components.is_empty());
}

#[test]
fn ongoing_incident_and_maintenances() {
    let document = fixture("ongoing.json");
    assert_eq!(document.events.len(), 3);
    let incident = document.events[0].event.as_incident().unwrap();
    assert_eq!(incident.id().as_str(), "01H0QJ89CRW5BKTY9N89MSDT5S");
    assert_eq!(incident.status(), IncidentStatus::Identified);
    assert_eq!(incident.impact(), Impact::Critical);
    assert_eq!(
        incident.updates()[0].body(),
        "We found the cause and are rolling out a fix."
    );
    let kinds: Vec<AnomalyKind> = document.events[0]
        .anomalies
        .iter()
        .map(|a| a.kind)
        .collect();
    assert!(
        kinds.contains(&AnomalyKind::MappedValue) && kinds.contains(&AnomalyKind::MissingField)
    );
    let statuses: Vec<_> = document
        .components
        .iter()
        .map(|c| (c.component.name.as_str(), c.status))
        .collect();
    assert_eq!(
        statuses,
        [
            ("API", Some(ComponentStatus::MajorOutage)),
            ("Dashboard", Some(ComponentStatus::DegradedPerformance))
        ]
    );
    let in_progress = document.events[1].event.as_maintenance().unwrap();
    assert_eq!(in_progress.status(), MaintenanceStatus::InProgress);
    assert_eq!(
        in_progress.schedule().unwrap().scheduled_until.to_rfc3339(),
        "2024-05-01T11:00:00+00:00"
    );
    let scheduled = document.events[2].event.as_maintenance().unwrap();
    assert_eq!(scheduled.status(), MaintenanceStatus::Scheduled);
    assert_eq!(
        scheduled.schedule().unwrap().scheduled_for.to_rfc3339(),
        "2024-05-03T01:00:00+00:00"
    );
}

#[test]
fn a_parent_page_reads_every_subpage() {
    let document = fixture("subpages.json");
    assert_eq!(document.events.len(), 1);
    assert_eq!(document.page.name.as_deref(), Some("Neon AWS"));
}

#[test]
fn malformed_widgets_name_the_event_and_field() {
    let json = std::fs::read_to_string(format!(
        "{}/tests/fixtures/incident_io/ongoing.json",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap();
    let err = incident_io::read(&json.replace("\"identified\"", "\"exploded\"")).unwrap_err();
    assert_eq!(
        err.to_string(),
        "incident.io widget summary: event \"01H0QJ89CRW5BKTY9N89MSDT5S\", field \"status\": unknown value \"exploded\" (known: investigating, identified, monitoring, resolved)"
    );
    let err =
        incident_io::read(&json.replace("\"2024-05-01T10:30:00.000Z\"", "\"soon\"")).unwrap_err();
    assert!(
        err.to_string()
            .contains("field \"last_update_at\": \"soon\" is not an rfc 3339 time"),
        "{err}"
    );
}

#[test]
#[ignore = "reads ../shared/corpus (CI runs it with --ignored)"]
fn the_corpus_capture_is_read() {
    let path = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/corpus/incident-io/openai_widget_idle_headroom.json");
    let document = incident_io::read(&std::fs::read_to_string(path).unwrap()).unwrap();
    assert_eq!(document.page.name.as_deref(), Some("OpenAI"));
}
