//! Google Cloud Service Health `incidents.json`: hand-written fixtures
//! (tests/fixtures/google_cloud/) reproducing each quirk of the corpus README.
#![cfg(feature = "google_cloud")]

use incident_model::formats::{google_cloud, AnomalyKind, Document, Format, Problem, ReadError};
use incident_model::{Impact, IncidentStatus};

fn fixture() -> Document {
    let path = format!(
        "{}/tests/fixtures/google_cloud/incidents.json",
        env!("CARGO_MANIFEST_DIR")
    );
    google_cloud::read(&std::fs::read_to_string(path).unwrap()).unwrap()
}

fn kinds(document: &Document, event: usize) -> Vec<AnomalyKind> {
    document.events[event]
        .anomalies
        .iter()
        .map(|a| a.kind)
        .collect()
}

#[test]
fn updates_stay_at_their_time_and_end_stays_beside_them() {
    let document = fixture();
    assert_eq!(document.format, Format::GoogleCloud);
    let read = &document.events[0];
    let incident = read.event.as_incident().unwrap();
    assert_eq!(incident.id().as_str(), "3BvH3LVGcupoYqV6F4Nw");
    assert_eq!(incident.updates().len(), 4);
    assert_eq!(incident.updates()[0].body(), "We are investigating.");
    assert_eq!(
        incident.updates()[0].id().as_str(),
        "3BvH3LVGcupoYqV6F4Nw-0"
    );
    // The disruption update after `end` stays where it was posted.
    assert_eq!(
        incident.updates()[1].display_at().to_rfc3339(),
        "2026-07-16T12:25:47+00:00"
    );
    assert_eq!(
        incident.updates()[1].status(),
        IncidentStatus::Investigating
    );
    // resolved_at: the first AVAILABLE; the later one (the report) keeps it resolved.
    assert_eq!(
        incident.resolved_at().unwrap().to_rfc3339(),
        "2026-07-18T00:22:37+00:00"
    );
    assert_eq!(incident.status(), IncidentStatus::Resolved);
    assert!(incident.updates()[3]
        .body()
        .starts_with("## \\# Incident Report"));
    assert_eq!(
        read.event.declared_end().unwrap().to_rfc3339(),
        "2026-07-16T12:25:00+00:00"
    );
    let differs = read
        .anomalies
        .iter()
        .find(|a| a.kind == AnomalyKind::DeclaredEndDiffers)
        .unwrap();
    assert_eq!(
        differs.detail,
        "end 2026-07-16T12:25:00Z is 1d 11h before resolved_at 2026-07-18T00:22:37Z (the first AVAILABLE update); both kept"
    );
    assert_eq!(
        incident.started_at().unwrap().to_rfc3339(),
        "2026-07-15T23:57:00+00:00"
    );
    assert_eq!(incident.impact(), Impact::Major);
}

#[test]
fn products_and_locations_are_components() {
    let document = fixture();
    let incident = document.events[0].event.as_incident().unwrap();
    let ids: Vec<&str> = incident
        .components()
        .iter()
        .map(|c| c.id.as_str())
        .collect();
    assert_eq!(
        ids,
        [
            "5gQF7Qk9XfQ32pStX6Hb",
            "vtzMUyQ4z9CbA1x6z85s",
            "location/europe-west4",
            "location/global"
        ]
    );
    assert_eq!(incident.components()[2].name, "Netherlands (europe-west4)");
    assert!(kinds(&document, 0).contains(&AnomalyKind::NoComponentChanges));
    assert!(
        !kinds(&document, 0).contains(&AnomalyKind::UnknownField),
        "current_title is in the schema? {:?}",
        document.events[0].anomalies
    );
}

#[test]
fn information_ended_with_locations_still_listed() {
    let document = fixture();
    let read = &document.events[1];
    let incident = read.event.as_incident().unwrap();
    assert_eq!(incident.impact(), Impact::None);
    let kinds = kinds(&document, 1);
    assert!(
        kinds.contains(&AnomalyKind::ComponentNotRestored),
        "{kinds:?}"
    );
    // end (09:00) is before the first update (09:30).
    assert!(kinds.contains(&AnomalyKind::DeclaredEndDiffers));
}

#[test]
fn an_open_outage_without_end_and_a_severity_that_disagrees() {
    let document = fixture();
    let read = &document.events[2];
    let incident = read.event.as_incident().unwrap();
    assert!(incident.is_open());
    assert_eq!(incident.impact(), Impact::Critical);
    assert!(read.event.declared_end().is_none());
    let mapped = read
        .anomalies
        .iter()
        .find(|a| a.kind == AnomalyKind::MappedValue)
        .unwrap();
    assert!(
        mapped
            .detail
            .starts_with("severity \"medium\" beside status_impact \"SERVICE_OUTAGE\""),
        "{}",
        mapped.detail
    );
}

fn error(json: &str) -> (String, Problem) {
    match google_cloud::read(json).unwrap_err() {
        ReadError::Malformed {
            format,
            at,
            problem,
        } => {
            assert_eq!(format, Format::GoogleCloud);
            (at.to_string(), *problem)
        }
        other => panic!("{other}"),
    }
}

const ONE: &str = r#"[{"id": "i1", "external_desc": "x", "created": "2026-07-16T03:30:59+00:00",
  "status_impact": "SERVICE_DISRUPTION", "severity": "medium",
  "updates": [{"when": "2026-07-16T03:30:59+00:00", "status": "SERVICE_DISRUPTION", "text": "t"}]}]"#;

#[test]
fn malformed_documents_name_the_incident_update_and_field() {
    assert!(google_cloud::read(ONE).is_ok());
    let (at, problem) =
        error(&ONE.replace("\"SERVICE_DISRUPTION\", \"text\"", "\"SIDEWAYS\", \"text\""));
    assert_eq!(at, "event \"i1\", update 0, field \"status\"");
    assert_eq!(problem.to_string(), "unknown value \"SIDEWAYS\" (known: SERVICE_INFORMATION, SERVICE_DISRUPTION, SERVICE_OUTAGE, AVAILABLE)");
    let (at, problem) = error(&ONE.replace(
        "\"when\": \"2026-07-16T03:30:59+00:00\"",
        "\"when\": \"yesterday\"",
    ));
    assert_eq!(at, "event \"i1\", update 0, field \"when\"");
    assert!(matches!(problem, Problem::NotATime { .. }));
    let (at, _) = error(&ONE.replace(
        "\"status_impact\": \"SERVICE_DISRUPTION\"",
        "\"status_impact\": 3",
    ));
    assert_eq!(at, "event \"i1\", field \"status_impact\"");
    let (at, problem) = error(&ONE.replace("\"updates\": [{\"when\": \"2026-07-16T03:30:59+00:00\", \"status\": \"SERVICE_DISRUPTION\", \"text\": \"t\"}]", "\"updates\": []"));
    assert_eq!(
        (at.as_str(), problem),
        ("event \"i1\", field \"updates\"", Problem::Missing)
    );
    let (at, _) = error(r#"{"incidents": []}"#);
    assert_eq!(at, "field \"incidents\"");
    assert!(matches!(
        google_cloud::read("[").unwrap_err(),
        ReadError::Json { .. }
    ));
    let (at, _) = error(r#"[{"external_desc": "x"}]"#);
    assert_eq!(at, "field \"id\"");
}

#[test]
fn keys_outside_the_schema_are_anomalies() {
    let document =
        google_cloud::read(&ONE.replace("\"severity\"", "\"surprise\": 1, \"severity\"")).unwrap();
    let unknown = document.events[0]
        .anomalies
        .iter()
        .find(|a| a.kind == AnomalyKind::UnknownField)
        .unwrap();
    assert_eq!(
        unknown.detail,
        "incident key \"surprise\" is not in the published schema; not kept"
    );
}

#[test]
#[ignore = "reads ../shared/corpus (CI runs it with --ignored)"]
fn every_corpus_capture_is_read() {
    let dir =
        std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/google-cloud");
    let mut read = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        if !name.starts_with("gcp_incidents_") {
            continue;
        }
        let document = google_cloud::read(&std::fs::read_to_string(&path).unwrap())
            .unwrap_or_else(|err| panic!("{name}: {err}"));
        assert!(!document.events.is_empty());
        for event in &document.events {
            assert!(
                !event.event.is_open(),
                "{name}: every captured incident ended"
            );
            assert!(event.event.declared_end().is_some());
        }
        read += 1;
    }
    assert_eq!(read, 2);
}
