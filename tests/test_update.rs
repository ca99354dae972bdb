//! Updates and component changes.

mod util;

use chrono::Duration;
use incident_model::{
    ComponentChange, ComponentStatus::*, IncidentStatus, MaintenanceStatus, Update,
};
use util::*;

#[test]
fn new_update_defaults() {
    let at = edt(10, 28);
    let update = Update::new(IncidentStatus::Identified, at);
    assert_eq!(update.status(), IncidentStatus::Identified);
    assert_eq!(update.display_at(), at);
    assert_eq!(update.created_at(), at);
    assert_eq!(update.body(), "");
    assert!(update.component_changes().is_empty());
    assert!(!update.is_reopen());
    assert!(!update.is_backdated());
    let uuid = uuid::Uuid::parse_str(update.id().as_str()).unwrap();
    assert_eq!(uuid.get_version_num(), 7);
    assert_eq!(
        uuid.get_timestamp().unwrap().to_unix().0,
        at.timestamp() as u64
    );
}

#[test]
fn with_methods_set_each_field() {
    let at = edt(17, 51);
    let change = ComponentChange::new(api(), "API", DegradedPerformance, Operational);
    let update = Update::new(MaintenanceStatus::Completed, at)
        .with_id(update_id("u9"))
        .with_body("Done.\r\nAll good.")
        .with_created_at(at + Duration::hours(3))
        .with_change(change.clone())
        .with_change(ComponentChange::new(
            api(),
            "API (again)",
            Operational,
            Operational,
        ))
        .reopening();
    assert_eq!(update.id().as_str(), "u9");
    assert_eq!(update.body(), "Done.\r\nAll good.");
    assert_eq!(
        update.created_at() - update.display_at(),
        Duration::hours(3)
    );
    assert!(update.is_backdated());
    assert_eq!(update.component_changes().len(), 2);
    assert_eq!(update.component_changes()[0], change);
    assert!(update.is_reopen());
}

#[test]
fn component_change_fields() {
    let change = ComponentChange::new(api(), "API", PartialOutage, MajorOutage);
    assert_eq!(change.component_id.as_str(), "api");
    assert_eq!(change.name, "API");
    assert_eq!(
        (change.old_status, change.new_status),
        (PartialOutage, MajorOutage)
    );
}

#[cfg(feature = "serde")]
#[test]
fn updates_serialize_only_what_they_have() {
    let update = Update::new(IncidentStatus::Investigating, edt(10, 0)).with_id(update_id("u1"));
    assert_eq!(
        serde_json::to_value(&update).unwrap(),
        serde_json::json!({
            "id": "u1", "status": "investigating", "body": "",
            "display_at": "2020-03-16T14:00:00Z", "created_at": "2020-03-16T14:00:00Z"
        })
    );
    let back: Update<IncidentStatus> =
        serde_json::from_value(serde_json::to_value(&update).unwrap()).unwrap();
    assert_eq!(back, update);
}
