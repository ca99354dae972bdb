//! The export generator (feature `generate`): deterministic, valid JSON, the
//! corpus's quirks present, model values consistent with the export.
#![cfg(feature = "generate")]

use incident_model::generate::Generator;

#[path = "util/sizes.rs"]
mod sizes;
use sizes::scaled;

#[cfg(feature = "statuspage")] // the export is written by the Statuspage writer
#[test]
fn same_seed_same_bytes_other_seed_other_bytes() {
    let a = Generator::new(11).incidents(300).to_statuspage_json();
    assert_eq!(a, Generator::new(11).incidents(300).to_statuspage_json());
    assert_ne!(a, Generator::new(12).incidents(300).to_statuspage_json());
}

#[cfg(feature = "statuspage")] // the export is written by the Statuspage writer
#[test]
fn export_is_incidents_json_with_the_corpus_quirks() {
    let json = Generator::new(1)
        .incidents(scaled(500))
        .to_statuspage_json();
    let value: serde_json::Value = serde_json::from_str(&json).unwrap();
    let incidents = value["incidents"].as_array().unwrap();
    assert_eq!(incidents.len(), scaled(500));
    let updates: Vec<&serde_json::Value> = incidents
        .iter()
        .flat_map(|i| i["incident_updates"].as_array().unwrap())
        .collect();
    let count = |f: &dyn Fn(&serde_json::Value) -> bool| incidents.iter().filter(|i| f(i)).count();
    assert!(count(&|i| i.get("started_at").is_none()) > 0);
    assert!(count(&|i| i.get("started_at").is_some_and(serde_json::Value::is_null)) > 0);
    assert!(count(&|i| i["reminder_intervals"] == "[]") > 0);
    assert!(count(&|i| i.get("components").is_none()) > 0);
    assert!(
        count(&|i| i["status"] != "resolved"
            && i["status"] != "postmortem"
            && i["status"] != "completed")
            > 0
    );
    assert!(count(&|i| i["impact"] == "maintenance") > 0);
    assert!(count(&|i| i["created_at"].as_str().unwrap().ends_with("-05:00")) > 0);
    assert!(count(&|i| i["incident_updates"].as_array().unwrap().len() == 30) > 0);
    assert!(count(&|i| i["incident_updates"].as_array().unwrap().len() == 1) > 0);
    let backdated = updates
        .iter()
        .filter(|u| {
            let parse =
                |k: &str| chrono::DateTime::parse_from_rfc3339(u[k].as_str().unwrap()).unwrap();
            parse("display_at") < parse("created_at")
        })
        .count();
    assert!(backdated > 0);
    assert!(updates
        .iter()
        .any(|u| u["tweet_id"].as_u64().is_some_and(|t| t > 1 << 53)));
    assert!(updates.iter().any(|u| u["affected_components"].is_null()));
    assert!(updates
        .iter()
        .any(|u| u["affected_components"][0].get("code").is_none()
            && u["affected_components"][0].get("name").is_some()));
    assert!(updates
        .iter()
        .any(|u| u["affected_components"][0]["old_status"].is_string()
            && u["affected_components"][0]["old_status"]
                == u["affected_components"][0]["new_status"]));
    // Newest first by creation time, within each incident.
    for incident in incidents {
        let created: Vec<&str> = incident["incident_updates"]
            .as_array()
            .unwrap()
            .iter()
            .map(|u| u["created_at"].as_str().unwrap())
            .collect();
        let times: Vec<_> = created
            .iter()
            .map(|t| chrono::DateTime::parse_from_rfc3339(t).unwrap())
            .collect();
        assert!(times.windows(2).all(|w| w[0] >= w[1]));
    }
    let average = updates.len() as f64 / incidents.len() as f64;
    assert!((3.0..9.0).contains(&average), "{average}");
}

#[cfg(feature = "statuspage")] // the export is written by the Statuspage writer
#[test]
fn model_values_match_the_export() {
    let generator = Generator::new(5).incidents(scaled(500));
    let value: serde_json::Value = serde_json::from_str(&generator.to_statuspage_json()).unwrap();
    let incidents = generator.to_incidents();
    let maintenances = generator.to_maintenances();
    assert_eq!(incidents.len() + maintenances.len(), scaled(500));
    let wire: Vec<&serde_json::Value> = value["incidents"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|i| i["impact"] != "maintenance")
        .collect();
    assert_eq!(wire.len(), incidents.len());
    for (incident, wire) in incidents.iter().zip(wire) {
        assert_eq!(incident.id().as_str(), wire["id"]);
        assert_eq!(
            incident.updates().len(),
            wire["incident_updates"].as_array().unwrap().len()
        );
    }
    assert!(incidents.iter().any(|i| i.reopens() > 0));
    assert!(incidents.iter().any(|i| i.regressions() > 0));
    assert!(incidents
        .iter()
        .any(|i| i.status() == incident_model::IncidentStatus::Postmortem));
    assert!(incidents.iter().any(|i| i.is_open()));
}

#[cfg(feature = "statuspage")]
#[test]
fn the_statuspage_reader_reads_the_export_into_the_same_model_values() {
    let generator = Generator::new(9).incidents(scaled(500));
    let document =
        incident_model::formats::statuspage::read(&generator.to_statuspage_json()).unwrap();
    let incidents = generator.to_incidents();
    let maintenances = generator.to_maintenances();
    assert_eq!(document.incidents.len(), incidents.len());
    assert_eq!(document.maintenances.len(), maintenances.len());
    let mut differing = 0;
    for (read, generated) in document.incidents.iter().zip(&incidents) {
        if read.event != *generated {
            differing += 1;
            if differing == 1 {
                eprintln!("read {:#?}\ngenerated {:#?}", read.event, generated);
            }
        }
    }
    for (read, generated) in document.maintenances.iter().zip(&maintenances) {
        if read.event != *generated {
            differing += 1;
        }
    }
    assert_eq!(differing, 0);
    assert!(!document.anomalies.is_empty());
}

/// The one-pass `timeline` agrees with the milestones and counts computed one
/// by one, on realistic data (reopens, regressions, backdated updates, open
/// incidents).
#[test]
fn timeline_agrees_with_the_separate_views_on_generated_incidents() {
    let as_of = chrono::DateTime::parse_from_rfc3339("2026-07-31T00:00:00Z")
        .unwrap()
        .to_utc();
    for incident in Generator::new(13).incidents(scaled(1_000)).to_incidents() {
        for as_of in [as_of, incident.opened_at()] {
            let timeline = incident.timeline(as_of);
            assert_eq!(timeline.opened_at, incident.opened_at());
            assert_eq!(timeline.resolved_at, incident.resolved_at());
            assert_eq!(timeline.measured_until, incident.measured_until(as_of));
            assert_eq!(timeline.time_in_status, incident.time_in_status(as_of));
            assert_eq!(timeline.regressions, incident.regressions());
            assert_eq!(timeline.reopens, incident.reopens());
            assert_eq!(timeline.elapsed(), incident.elapsed(as_of));
        }
    }
}
