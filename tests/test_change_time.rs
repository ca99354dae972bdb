//! Component changes at their own time (issue 12, item 10): the timeline,
//! downtime and uptime use a change's `changed_at`, else its update's display
//! time; the Statuspage and own formats keep it.

use chrono::{DateTime, TimeZone, Utc};
use incident_model::{
    ComponentChange, ComponentId, ComponentStatus::*, Incident, IncidentStatus::*, Update, Weights,
};

fn edt(h: u32, m: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2020, 3, 16, h + 4, m, 0).unwrap()
}

fn march_16(back_at: Option<DateTime<Utc>>) -> Incident {
    let api = ComponentId::new("api").unwrap();
    let change = |old, new| ComponentChange::new(api.clone(), "API", old, new);
    let mut back = change(MajorOutage, DegradedPerformance);
    if let Some(at) = back_at {
        back = back.with_changed_at(at);
    }
    Incident::builder("Slow page loads")
        .update(
            Update::new(Identified, edt(10, 28))
                .with_change(change(Operational, DegradedPerformance)),
        )
        .update(
            Update::new(Identified, edt(11, 17))
                .with_change(change(DegradedPerformance, MajorOutage)),
        )
        .update(Update::new(Identified, edt(11, 40)).with_change(back))
        .update(
            Update::new(Resolved, edt(17, 51))
                .with_change(change(DegradedPerformance, Operational)),
        )
        .build()
        .unwrap()
}

#[test]
fn a_change_at_its_own_time_is_measured_from_then() {
    let at_update = &march_16(None).affected_components(edt(19, 0))[0];
    assert_eq!(at_update.time_in_status.get(MajorOutage).to_string(), "23m");
    let own_time = &march_16(Some(edt(11, 22))).affected_components(edt(19, 0))[0];
    assert_eq!(own_time.time_in_status.get(MajorOutage).to_string(), "5m");
    assert_eq!(
        own_time.time_in_status.get(DegradedPerformance).to_string(),
        "7h 18m"
    );
    assert_eq!(
        own_time.weighted_downtime(&Weights::default()).to_string(),
        "5m"
    );
}

#[test]
fn changes_at_their_own_times_are_taken_in_time_order() {
    // The change back is dated 11:00, before the outage began at 11:17:
    // the stretches still follow each other in time.
    let early = &march_16(Some(edt(11, 0))).affected_components(edt(19, 0))[0];
    let intervals: Vec<_> = early
        .intervals
        .iter()
        .map(|i| (i.start, i.status))
        .collect();
    assert_eq!(intervals.first(), Some(&(edt(10, 28), DegradedPerformance)));
    assert!(
        intervals.windows(2).all(|w| w[0].0 <= w[1].0),
        "{intervals:?}"
    );
}

#[cfg(feature = "json")]
#[test]
fn the_own_format_keeps_the_change_time() {
    let incident = march_16(Some(edt(11, 22)));
    let json = incident.to_json();
    assert!(
        json.contains(r#""changed_at": "2020-03-16T15:22:00Z""#),
        "{json}"
    );
    assert_eq!(Incident::from_json(&json).unwrap(), incident);
    // Without one, no key is written.
    assert!(!march_16(None).to_json().contains("changed_at"));
}

#[cfg(feature = "statuspage")]
#[test]
fn statuspage_writes_and_reads_the_change_time() {
    use incident_model::formats::statuspage::{self, AnomalyKind, Document, Shape};
    let incident = march_16(Some(edt(11, 22)));
    let mut document = Document::new(Shape::Incidents);
    document.incidents.push(incident.clone().into());
    let json = document.to_json().unwrap();
    assert!(
        json.contains(r#""changed_at":"2020-03-16T15:22:00.000Z""#),
        "{json}"
    );
    let again = statuspage::read(&json).unwrap();
    assert_eq!(again.incidents[0].event, incident);
    assert_eq!(
        again.count(AnomalyKind::UnknownField),
        0,
        "{:?}",
        again.anomalies
    );
}
