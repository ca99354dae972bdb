//! Shared fixtures of the integration tests.
#![allow(dead_code)] // each test binary uses a part of the fixtures

pub mod mutate;
pub mod rules;
pub mod sizes;
pub mod strategies;

use chrono::{DateTime, TimeZone, Utc};
use incident_model::{
    Component, ComponentChange, ComponentId, ComponentStatus, EventId, Impact, Incident,
    IncidentStatus::{self, *},
    Update, UpdateId,
};

/// 16 March 2020, EDT (UTC-4) wall-clock time as UTC.
#[track_caller]
pub fn edt(hour: u32, minute: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2020, 3, 16, hour + 4, minute, 0)
        .unwrap()
}

#[track_caller]
pub fn incident_id(s: &str) -> EventId {
    EventId::new(s).unwrap()
}

#[track_caller]
pub fn update_id(s: &str) -> UpdateId {
    UpdateId::new(s).unwrap()
}

#[track_caller]
pub fn api() -> ComponentId {
    ComponentId::new("api").unwrap()
}

/// The updates of the 16 March 2020 incident: (id, status, EDT hour, minute, body).
pub const MARCH_16_UPDATES: &[(&str, IncidentStatus, u32, u32, &str)] = &[
    (
        "u01",
        Identified,
        10,
        28,
        "A surge of new sign-ups is slowing page loads. We are adding capacity.",
    ),
    (
        "u02",
        Identified,
        10,
        49,
        "More application servers are coming online.",
    ),
    (
        "u03",
        Identified,
        11,
        17,
        "Emergency maintenance: the service will be fully down for about five minutes.",
    ),
    (
        "u04",
        Identified,
        11,
        40,
        "The maintenance is over; pages are loading, still slowly at times.",
    ),
    (
        "u05",
        Identified,
        12,
        20,
        "Database capacity is being raised to match the new load.",
    ),
    (
        "u06",
        Monitoring,
        13,
        42,
        "A fix is in place and we are watching page load times.",
    ),
    (
        "u07",
        Monitoring,
        14,
        12,
        "Page load times are back to normal for most users.",
    ),
    (
        "u08",
        Monitoring,
        14,
        22,
        "We keep watching while sign-ups stay high.",
    ),
    (
        "u09",
        Resolved,
        17,
        51,
        "Page loads have stayed fast for three hours. This incident is resolved.",
    ),
    (
        "u10",
        Postmortem,
        17,
        53,
        "We have published a postmortem of this incident.",
    ),
];

/// The update at `index` of [`MARCH_16_UPDATES`], with the API's component
/// changes: degraded at 10:28, major outage for the emergency maintenance at
/// 11:17, degraded again at 11:40, operational when resolved.
#[track_caller]
pub fn march_16_update(index: usize) -> Update<IncidentStatus> {
    let (id, status, hour, minute, body) = MARCH_16_UPDATES[index];
    let update = Update::new(status, edt(hour, minute))
        .with_id(update_id(id))
        .with_body(body);
    let change = |old, new| ComponentChange::new(api(), "API", old, new);
    use ComponentStatus::*;
    match id {
        "u01" => update.with_change(change(Operational, DegradedPerformance)),
        "u03" => update.with_change(change(DegradedPerformance, MajorOutage)),
        "u04" => update.with_change(change(MajorOutage, DegradedPerformance)),
        "u09" => update.with_change(change(DegradedPerformance, Operational)),
        _ => update,
    }
}

/// The 16 March 2020 incident, built with the runtime builder under `standard`.
#[track_caller]
pub fn march_16() -> Incident {
    let mut builder = Incident::builder("Slow page loads")
        .id(incident_id("tm-2020-03-16"))
        .impact(Impact::Minor)
        .component(Component::new(api(), "API"))
        .created_at(edt(10, 28));
    for index in 0..MARCH_16_UPDATES.len() {
        builder = builder.update(march_16_update(index));
    }
    builder.build().unwrap()
}
