//! Statuspage webhook deliveries: read by the one entry point, as
//! observations yielding changes. Fixtures in `tests/fixtures/webhooks/`.
#![cfg(feature = "statuspage")]

use incident_model::formats::statuspage::{self, AnomalyKind, Document, Shape};
use incident_model::history::{self, Change, ChangeKind, History};
use incident_model::{ComponentStatus, Impact};

fn read(name: &str) -> Document {
    let path = format!(
        "{}/tests/fixtures/webhooks/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    let text = std::fs::read_to_string(&path).unwrap();
    statuspage::read(&text).unwrap_or_else(|err| panic!("{name}: {err}"))
}

fn kinds(changes: &[Change]) -> Vec<ChangeKind> {
    changes.iter().map(Change::kind).collect()
}

#[test]
fn an_incident_delivery_reads_as_an_incident_webhook() {
    let doc = read("incident_created.json");
    assert_eq!(doc.shape, Shape::IncidentWebhook);
    assert_eq!(doc.incidents.len(), 1);
    let meta = doc.meta.as_ref().unwrap();
    assert_eq!(
        meta.generated_at.unwrap().to_rfc3339(),
        "2024-09-17T08:00:00.770+00:00"
    );
    assert_eq!(meta.other.len(), 2);
    assert_eq!(doc.status.as_ref().unwrap().indicator, Impact::Minor);
    // The page's status keys and `meta` are the delivery's own; the incident's
    // `backfilled` is outside the documented incident schema.
    let unknown: Vec<&str> = doc
        .anomalies
        .iter()
        .filter(|a| a.kind == AnomalyKind::UnknownField)
        .map(|a| a.detail.as_ref())
        .collect();
    assert_eq!(
        unknown,
        ["incident key \"backfilled\" is not in the documented schema; kept verbatim"]
    );
    let observation = doc.observation("incident_created.json").unwrap();
    assert_eq!(observation.observed_at().at(), meta.generated_at.unwrap());
}

#[test]
fn a_component_delivery_is_read_and_yields_its_component_changed() {
    let doc = read("component_update.json");
    assert_eq!(doc.shape, Shape::ComponentWebhook);
    let update = doc.component_update.as_ref().unwrap();
    assert_eq!(
        (update.old_status, update.new_status),
        (
            ComponentStatus::Operational,
            ComponentStatus::UnderMaintenance
        )
    );
    assert_eq!(
        doc.count(AnomalyKind::UnknownField),
        0,
        "{:?}",
        doc.anomalies
    );
    let observation = doc.observation("component_update.json").unwrap();
    let announced = history::announced(&observation);
    assert_eq!(kinds(&announced), [ChangeKind::ComponentChanged]);
    let Change::ComponentChanged {
        component,
        from,
        to,
        at,
    } = &announced[0]
    else {
        panic!()
    };
    assert_eq!(component.name, "Packages");
    assert_eq!(
        (*from, *to),
        (
            ComponentStatus::Operational,
            ComponentStatus::UnderMaintenance
        )
    );
    assert_eq!(*at, update.created_at, "at the change's own time");
    // A history fed the delivery says the same.
    let mut history = History::new();
    assert_eq!(history.observe(observation).unwrap(), announced);
}

#[test]
fn each_delivery_announces_its_latest_update() {
    let created = read("incident_created.json")
        .observation("created")
        .unwrap();
    assert_eq!(
        kinds(&history::announced(&created)),
        [ChangeKind::EventOpened, ChangeKind::UpdatePosted]
    );
    let resolved = read("incident_resolved.json")
        .observation("resolved")
        .unwrap();
    let changes = history::announced(&resolved);
    assert_eq!(
        kinds(&changes),
        [
            ChangeKind::UpdatePosted,
            ChangeKind::StatusChanged,
            ChangeKind::EventResolved
        ]
    );
    assert_eq!(
        changes[0].update().unwrap().body,
        "Downloads are back to normal."
    );
}

#[test]
fn deliveries_in_a_history_give_each_change_once() {
    let mut history = History::new();
    let first = history
        .observe(read("incident_created.json").observation("a").unwrap())
        .unwrap();
    assert_eq!(
        kinds(&first),
        [ChangeKind::EventOpened, ChangeKind::UpdatePosted]
    );
    let second = history
        .observe(read("incident_resolved.json").observation("b").unwrap())
        .unwrap();
    assert_eq!(
        kinds(&second),
        [
            ChangeKind::UpdatePosted,
            ChangeKind::StatusChanged,
            ChangeKind::EventResolved,
            ChangeKind::PageStatusChanged
        ]
    );
    let third = history
        .observe(read("component_update.json").observation("c").unwrap())
        .unwrap();
    assert_eq!(
        kinds(&third),
        [ChangeKind::ComponentChanged, ChangeKind::PageStatusChanged]
    );
}

#[test]
fn a_delivery_writes_back_and_reads_again_equal() {
    for name in [
        "incident_created.json",
        "incident_resolved.json",
        "component_update.json",
    ] {
        let doc = read(name);
        let again = statuspage::read(&doc.to_json().unwrap()).unwrap();
        assert_eq!(again.shape, doc.shape, "{name}");
        assert_eq!(again.meta, doc.meta, "{name}");
        assert_eq!(again.component_update, doc.component_update, "{name}");
        assert_eq!(again.components, doc.components, "{name}");
        assert_eq!(again.incidents.len(), doc.incidents.len(), "{name}");
    }
}

#[test]
fn a_component_update_without_its_fields_is_a_typed_error() {
    let err = statuspage::read(r#"{"component_update": {"component_id": "c1", "old_status": "operational", "new_status": "sideways", "created_at": "2020-01-01T00:00:00Z"}}"#).unwrap_err();
    assert!(err.to_string().contains("new_status"), "{err}");
    let err = statuspage::read(r#"{"component_update": {"component_id": "c1", "old_status": "operational", "new_status": "operational"}}"#).unwrap_err();
    assert!(err.to_string().contains("created_at"), "{err}");
    let err = statuspage::read(r#"{"component": {"id": "c1", "name": "API"}}"#).unwrap_err();
    assert!(err.to_string().contains("component_update"), "{err}");
}
