//! Slack's status API: hand-written fixtures (tests/fixtures/slack/)
//! reproducing each quirk of the corpus README.
#![cfg(feature = "slack")]

use incident_model::formats::{slack, AnomalyKind, Document, Format, ReadError};
use incident_model::{Impact, IncidentStatus, MaintenanceStatus};

fn fixture(name: &str) -> Document {
    let path = format!("{}/tests/fixtures/slack/{name}", env!("CARGO_MANIFEST_DIR"));
    slack::read(&std::fs::read_to_string(path).unwrap()).unwrap()
}

fn kinds(document: &Document, event: usize) -> Vec<AnomalyKind> {
    document.events[event]
        .anomalies
        .iter()
        .map(|a| a.kind)
        .collect()
}

#[test]
fn history_in_document_order_with_integer_and_string_ids() {
    let document = fixture("history.json");
    assert_eq!(document.format, Format::SlackHistory);
    let ids: Vec<&str> = document.events().map(|e| e.id().as_str()).collect();
    assert_eq!(ids, ["1571", "1568", "1570", "546"]);
    let first = document.events[0].event.as_incident().unwrap();
    assert_eq!(
        first.name(),
        "Chat functionality unavailable on Slack Help page "
    );
}

#[test]
fn notes_are_updates_and_the_last_resolves() {
    let document = fixture("history.json");
    let incident = document.events[0].event.as_incident().unwrap();
    let statuses: Vec<IncidentStatus> = incident.updates().iter().map(|u| u.status()).collect();
    use IncidentStatus::*;
    assert_eq!(statuses, [Investigating, Investigating, Resolved]);
    assert_eq!(
        incident.opened_at().to_rfc3339(),
        "2026-06-26T09:12:20+00:00"
    );
    assert_eq!(
        incident.resolved_at().unwrap().to_rfc3339(),
        "2026-06-26T10:09:39+00:00"
    );
    assert_eq!(incident.impact(), Impact::Major);
    let kinds = kinds(&document, 0);
    assert!(kinds.contains(&AnomalyKind::InferredStatus) && kinds.contains(&AnomalyKind::HtmlBody));
}

#[test]
fn html_bodies_become_text() {
    let document = fixture("history.json");
    let incident = document.events[0].event.as_incident().unwrap();
    assert_eq!(
        incident.updates()[0].body(),
        "We're aware of an issue with the Chat option.\u{a0}\n\nWe'll update in 30 minutes."
    );
    assert_eq!(
        incident.updates()[1].body(),
        "Engineers are investigating.\nWorkaround:\n\n\n- Send us a Message"
    );
}

#[test]
fn an_active_outage_and_a_maintenance() {
    let document = fixture("history.json");
    let outage = document.events[2].event.as_incident().unwrap();
    assert!(outage.is_open());
    assert_eq!(outage.impact(), Impact::Critical);
    assert_eq!(outage.components()[0].name, "Messaging");
    assert!(kinds(&document, 2).contains(&AnomalyKind::NoComponentChanges));
    let maintenance = document.events[3].event.as_maintenance().unwrap();
    let statuses: Vec<MaintenanceStatus> =
        maintenance.updates().iter().map(|u| u.status()).collect();
    assert_eq!(
        statuses,
        [MaintenanceStatus::InProgress, MaintenanceStatus::Completed]
    );
}

#[test]
fn current_with_an_active_notice_without_notes() {
    let document = fixture("current_active.json");
    assert_eq!(document.format, Format::SlackCurrent);
    let notice = document.events[0].event.as_incident().unwrap();
    assert_eq!(notice.impact(), Impact::None);
    assert_eq!(notice.updates().len(), 1);
    assert!(kinds(&document, 0).contains(&AnomalyKind::NoUpdates));
}

#[test]
fn malformed_documents_name_the_incident_note_and_field() {
    let one = r#"[{"id": 7, "title": "t", "type": "incident", "status": "active",
        "date_created": "2026-06-25T08:00:00-07:00", "notes": [{"body": "b", "date_created": "2026-06-25T08:00:00-07:00"}]}]"#;
    assert!(slack::read(one).is_ok());
    let message = |json: &str| slack::read(json).unwrap_err().to_string();
    assert_eq!(
        message(&one.replace("\"incident\"", "\"sideways\"")),
        "slack history: event \"7\", field \"type\": unknown value \"sideways\" (known: incident, outage, notice, maintenance)"
    );
    assert_eq!(
        message(&one.replace("\"status\": \"active\"", "\"status\": \"scheduled\"")),
        "slack history: event \"7\", field \"status\": unknown value \"scheduled\" (known: active, resolved, completed, cancelled)"
    );
    assert_eq!(
        message(&one.replace(
            "\"body\": \"b\", \"date_created\": \"2026-06-25T08:00:00-07:00\"",
            "\"body\": \"b\", \"date_created\": 5"
        )),
        "slack history: event \"7\", update 0, field \"date_created\": not a string"
    );
    assert_eq!(
        message(&one.replace("\"id\": 7,", "\"id\": 1.5,")),
        "slack history: field \"id\": not a string or an integer"
    );
    assert!(matches!(
        slack::read("{").unwrap_err(),
        ReadError::Json { .. }
    ));
}

#[test]
#[ignore = "reads ../shared/corpus (CI runs it with --ignored)"]
fn every_corpus_capture_is_read() {
    let dir = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/slack");
    let read = |name: &str| slack::read(&std::fs::read_to_string(dir.join(name)).unwrap()).unwrap();
    let current = read("slack_current_2026-06-26_ok_cyanheads.json");
    assert_eq!(current.format, Format::SlackCurrent);
    assert!(current.events.is_empty());
    let history = read("slack_history_2026-07-02_cyanheads.json");
    let ids: Vec<&str> = history.events().map(|e| e.id().as_str()).collect();
    assert_eq!(ids, ["1571", "1568", "1570"]);
    assert_eq!(
        history.events().map(|e| e.update_count()).sum::<usize>(),
        12
    );
}
