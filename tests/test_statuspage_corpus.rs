//! The real-world corpus in `../shared/corpus/statuspage/`, read in place (never
//! copied into the crate). It lives outside this repository, so these tests are
//! `#[ignore]`d in a plain `cargo test`; CI, which has the corpus beside the
//! clone, runs them with `cargo test --test test_statuspage_corpus -- --ignored`,
//! and then they fail if the corpus is missing. The example `statuspage_check`
//! does the same from the command line.
#![cfg(feature = "statuspage")]

use std::collections::BTreeMap;
use std::path::PathBuf;

use incident_model::formats::statuspage::{self, AnomalyKind, Document, Shape, TweetId};
use incident_model::{Impact, IncidentStatus, MaintenanceStatus, Policy};

fn corpus() -> Option<PathBuf> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/statuspage");
    assert!(dir.is_dir(), "the corpus is not at {}", dir.display());
    Some(dir)
}

fn read(name_part: &str) -> Option<Document> {
    let dir = corpus()?;
    let path = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.to_string_lossy().contains(name_part))
        .unwrap_or_else(|| panic!("no corpus file matching {name_part}"));
    let text = std::fs::read_to_string(&path).unwrap();
    Some(statuspage::read(&text).unwrap_or_else(|err| panic!("{}: {err}", path.display())))
}

fn kinds(doc: &Document) -> BTreeMap<&'static str, usize> {
    let mut map = BTreeMap::new();
    for a in &doc.anomalies {
        *map.entry(a.kind.as_str()).or_default() += 1;
    }
    map
}

#[test]
#[ignore = "needs ../shared/corpus beside the repository; CI runs it with --ignored"]
fn every_file_is_read_and_round_trips() {
    let Some(dir) = corpus() else { return };
    let mut files = 0;
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "json") {
            continue;
        }
        files += 1;
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let doc = statuspage::read_slice(&std::fs::read(&path).unwrap())
            .unwrap_or_else(|err| panic!("{name}: {err}"));
        let again = statuspage::read(&doc.to_json().unwrap()).unwrap();
        let events = |d: &Document| {
            d.incidents
                .iter()
                .map(|r| r.event.clone())
                .collect::<Vec<_>>()
        };
        assert_eq!(events(&again), events(&doc), "{name}");
        let maintenances = |d: &Document| {
            d.maintenances
                .iter()
                .map(|r| r.event.clone())
                .collect::<Vec<_>>()
        };
        assert_eq!(maintenances(&again), maintenances(&doc), "{name}");
        if !name.contains("DOC-EXAMPLE") {
            // The captures' monitoring_at and resolved_at agree with the updates.
            assert_eq!(doc.count(AnomalyKind::MilestoneMismatch), 0, "{name}");
            assert_eq!(doc.count(AnomalyKind::ComponentsMismatch), 0, "{name}");
            assert_eq!(doc.count(AnomalyKind::UnknownField), 0, "{name}");
            assert_eq!(doc.count(AnomalyKind::PolicyViolation), 0, "{name}");
        }
        for record in &doc.incidents {
            let e = &record.event;
            if let Some(resolved) = e.resolved_at() {
                assert!(resolved >= e.opened_at(), "{name}: {}", e.id());
            }
            if let (Some(given), false) = (record.extras.resolved_at, name.contains("DOC-EXAMPLE"))
            {
                let computed = e.resolved_at().unwrap();
                assert!(
                    (given - computed).num_milliseconds().abs() <= 1000,
                    "{name}: {}",
                    e.id()
                );
            }
        }
    }
    assert!(files >= 16, "{files} files");
}

#[test]
#[ignore = "needs ../shared/corpus beside the repository; CI runs it with --ignored"]
fn emma() {
    let Some(doc) = read("emma-incidents") else {
        return;
    };
    assert_eq!(doc.shape, Shape::Incidents);
    assert_eq!(doc.incidents.len(), 22);
    let updates: usize = doc.incidents.iter().map(|r| r.event.updates().len()).sum();
    assert_eq!(updates, 105);
    assert_eq!(
        doc.page.as_ref().unwrap().time_zone.as_deref(),
        Some("America/Chicago")
    );
    let k = kinds(&doc);
    assert_eq!(k["placeholder_component"], 19);
    assert_eq!(k["backdated_display"], 20);
    assert_eq!(k["missing_started_at"], 22);
    assert_eq!(k["mixed_offsets"], 1);
    assert_eq!(k["component_not_restored"], 2);
    let find = |id: &str| {
        doc.incidents
            .iter()
            .find(|r| r.event.id().as_str() == id)
            .unwrap()
    };
    let reopened = find("3m89ls8svt0r");
    use IncidentStatus::*;
    let mut seq: Vec<IncidentStatus> = reopened
        .event
        .updates()
        .iter()
        .map(|u| u.status())
        .collect();
    seq.dedup(); // runs of one status collapsed, as the corpus README counts
    assert_eq!(
        seq,
        [
            Investigating,
            Identified,
            Monitoring,
            Investigating,
            Identified,
            Monitoring,
            Resolved
        ]
    );
    assert_eq!(
        reopened.event.monitoring_at(),
        reopened.extras.monitoring_at
    );
    let by_display = find("272vrysp78ds");
    let seq: Vec<IncidentStatus> = by_display
        .event
        .updates()
        .iter()
        .map(|u| u.status())
        .collect();
    assert_eq!(seq, [Identified, Investigating, Resolved]);
}

#[test]
#[ignore = "needs ../shared/corpus beside the repository; CI runs it with --ignored"]
fn github_incidents() {
    let Some(doc) = read("gitdown__github-incidents") else {
        return;
    };
    assert_eq!(doc.incidents.len(), 50);
    let updates: usize = doc.incidents.iter().map(|r| r.event.updates().len()).sum();
    assert_eq!(updates, 287);
    assert_eq!(doc.count(AnomalyKind::BackdatedDisplay), 3);
    let back = doc
        .incidents
        .iter()
        .find(|r| r.event.id().as_str() == "ph5nns5y4gxj")
        .unwrap();
    assert_eq!(back.event.policy(), Policy::standard());
    let criticals = doc
        .incidents
        .iter()
        .filter(|r| r.event.impact() == Impact::Critical)
        .count();
    assert_eq!(criticals, 11);
}

#[test]
#[ignore = "needs ../shared/corpus beside the repository; CI runs it with --ignored"]
fn github_single_incidents() {
    let Some(doc) = read("lc8s9rtyjmgq") else {
        return;
    };
    let tweets: Vec<TweetId> = doc.incidents[0]
        .extras
        .updates
        .iter()
        .filter_map(|u| u.tweet_id().cloned())
        .collect();
    assert!(tweets.contains(&TweetId::Number(1_425_224_704_026_046_467)));
    assert!(doc.to_json().unwrap().contains("1425224704026046467"));

    let Some(doc) = read("nk9gdvl03ztg") else {
        return;
    };
    assert_eq!(doc.count(AnomalyKind::StartedAfterResolved), 1);
    let e = &doc.incidents[0].event;
    assert_eq!(e.resolved_at(), Some(e.opened_at()));

    let Some(doc) = read("rcwk6twq397d") else {
        return;
    };
    let e = &doc.incidents[0].event;
    assert_eq!(e.updates().len(), 1);
    assert_eq!(e.resolved_at(), Some(e.opened_at())); // zero duration, 2010
}

#[test]
#[ignore = "needs ../shared/corpus beside the repository; CI runs it with --ignored"]
fn cloudflare() {
    let Some(doc) = read("cloudflare-incidents") else {
        return;
    };
    assert_eq!(doc.incidents.len(), 2);
    let k = kinds(&doc);
    assert_eq!(k["missing_started_at"], 2);
    assert_eq!(k["group_prefixed_name"], 2);
    let api = &doc.incidents[0];
    assert_eq!(api.event.monitoring_at(), api.extras.monitoring_at);
    assert!(api.extras.components[0]
        .other
        .iter()
        .any(|(k, _)| k == "automation_email"));
}

#[test]
#[ignore = "needs ../shared/corpus beside the repository; CI runs it with --ignored"]
fn summaries_and_maintenances() {
    let Some(doc) = read("maint-inprogress") else {
        return;
    };
    assert_eq!(doc.status.as_ref().unwrap().indicator, Impact::Maintenance);
    assert_eq!(
        doc.maintenances[0].event.status(),
        MaintenanceStatus::InProgress
    );
    let Some(doc) = read("github-summary-2020-05-22") else {
        return;
    };
    assert_eq!((doc.incidents.len(), doc.maintenances.len()), (1, 2));
    // Spliced by the fixture's author: the maintenances are newer than the page.
    assert_eq!(doc.count(AnomalyKind::AfterPageUpdate), 2);
    let Some(doc) = read("statuspage-exporter__github-summary") else {
        return;
    };
    // Packages: the updates say major_outage, the component object partial_outage.
    assert_eq!(doc.count(AnomalyKind::ComponentStatusMismatch), 1);
    let Some(doc) = read("stactus__github-components") else {
        return;
    };
    assert_eq!(doc.shape, Shape::Components);
}

#[test]
#[ignore = "needs ../shared/corpus beside the repository; CI runs it with --ignored"]
fn the_documentation_example_is_read_with_anomalies() {
    let Some(doc) = read("DOC-EXAMPLE") else {
        return;
    };
    assert_eq!(doc.shape, Shape::IncidentList);
    let record = &doc.incidents[0];
    assert_eq!(record.event.status(), IncidentStatus::Investigating);
    assert_eq!(record.event.impact(), Impact::Minor); // impact_override wins
    let k = kinds(&doc);
    assert_eq!(k["status_mismatch"], 1);
    assert_eq!(k["unexpected_schedule"], 1);
    assert_eq!(k["wrong_field_type"], 1);
    assert_eq!(k["milestone_mismatch"], 2);
}
