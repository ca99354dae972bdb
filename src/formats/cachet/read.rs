//! Reading a Cachet document: the `data`, each item by its kind, local
//! times, statuses by tables.

use chrono::{DateTime, NaiveDateTime, TimeZone, Utc};
use chrono_tz::Tz;
use serde_json::Value;

use crate::any::AnyEvent;
use crate::builder::{EventParts, Schedule};
use crate::component::Component;
use crate::formats::anomaly::{Anomaly, AnomalyKind};
use crate::formats::assemble;
use crate::formats::document::{Document, Format, PageComponent, ReadEvent};
use crate::formats::error::{Problem, ReadError};
use crate::formats::value::Object;
use crate::id::{ComponentId, EventId, UpdateId};
use crate::status::{AnyStatus, ComponentStatus, Impact, IncidentStatus, MaintenanceStatus};
use crate::update::Update;

const FORMAT: Format = Format::Cachet;

/// A component's numeric `status` (0, Unknown, has no model status).
pub const COMPONENT_STATUSES: &[(i64, Option<ComponentStatus>)] = &[
    (0, None),
    (1, Some(ComponentStatus::Operational)),
    (2, Some(ComponentStatus::DegradedPerformance)),
    (3, Some(ComponentStatus::PartialOutage)),
    (4, Some(ComponentStatus::MajorOutage)),
];

/// An incident's numeric `status` (0, Scheduled, makes it a maintenance).
pub const INCIDENT_STATUSES: &[(i64, AnyStatus)] = &[
    (0, AnyStatus::Maintenance(MaintenanceStatus::Scheduled)),
    (1, AnyStatus::Incident(IncidentStatus::Investigating)),
    (2, AnyStatus::Incident(IncidentStatus::Identified)),
    (3, AnyStatus::Incident(IncidentStatus::Monitoring)),
    (4, AnyStatus::Incident(IncidentStatus::Resolved)),
];

/// A schedule's numeric `status`.
pub const SCHEDULE_STATUSES: &[(i64, MaintenanceStatus)] = &[
    (0, MaintenanceStatus::Scheduled),
    (1, MaintenanceStatus::InProgress),
    (2, MaintenanceStatus::Completed),
];

const FIVE: &[&str] = &["0", "1", "2", "3", "4"];
const THREE: &[&str] = &["0", "1", "2"];

/// Where times without a zone are read, and whether any was.
struct Clock {
    zone: Tz,
    local: bool,
}

impl Clock {
    /// A time field: RFC 3339, else `YYYY-MM-DD HH:MM:SS` in the zone.
    fn opt_time(
        &mut self,
        at: &Object<'_>,
        field: &str,
    ) -> Result<Option<DateTime<Utc>>, ReadError> {
        let Some(text) = at.opt_str(field)? else {
            return Ok(None);
        };
        if let Ok(time) = crate::time::parse_rfc3339(text) {
            return Ok(Some(time.with_timezone(&Utc)));
        }
        let expected = "a time such as 2020-10-12 09:00:00 (or rfc 3339)";
        let not_a_time = || {
            at.error(
                field,
                Problem::NotATime {
                    value: text.to_owned(),
                    expected,
                },
            )
        };
        let naive =
            NaiveDateTime::parse_from_str(text, "%Y-%m-%d %H:%M:%S").map_err(|_| not_a_time())?;
        let local = self
            .zone
            .from_local_datetime(&naive)
            .earliest()
            .ok_or_else(not_a_time)?;
        self.local = true;
        Ok(Some(local.with_timezone(&Utc)))
    }

    fn time(&mut self, at: &Object<'_>, field: &str) -> Result<DateTime<Utc>, ReadError> {
        self.opt_time(at, field)?
            .ok_or_else(|| at.error(field, Problem::Missing))
    }

    fn anomaly(&self, event: Option<&EventId>) -> Option<Anomaly> {
        let detail = format!(
            "times without a zone, read in {} (the zone given)",
            self.zone.name()
        );
        self.local
            .then(|| Anomaly::new(AnomalyKind::LocalTime, event.cloned(), None, detail))
    }
}

/// The document: `data` as a list or one item.
pub(super) fn document(value: &Value, zone: Tz) -> Result<Document, ReadError> {
    let root = Object::root(FORMAT, value, "document")?;
    let data = root
        .get("data")
        .ok_or_else(|| root.error("data", Problem::Missing))?;
    let items = match data {
        Value::Array(items) => items.as_slice(),
        one => core::slice::from_ref(one),
    };
    let mut document = Document::new(FORMAT);
    let mut components_clock = Clock { zone, local: false };
    for value in items {
        let item = root.nested(value, "data")?;
        let has = |key: &str| item.map_has(key);
        if has("status_name") || has("group_id") || has("enabled") || has("link") {
            let component = component(&item, &mut components_clock)?;
            if component.status.is_none() {
                let detail = format!(
                    "component {:?}: status 0 (unknown) has no model status; listed without one",
                    component.component.name
                );
                document
                    .anomalies
                    .push(Anomaly::new(AnomalyKind::MappedValue, None, None, detail));
            }
            document.components.push(component);
        } else if has("human_status") || has("visible") || has("occurred_at") || has("component_id")
        {
            document.events.push(incident(&item, zone)?);
        } else if has("scheduled_at") || has("completed_at") {
            document.events.push(schedule(&item, zone)?);
        } else {
            let expected = "a component, an incident or a schedule";
            return Err(item.error("data", Problem::Unreadable { expected }));
        }
    }
    document.anomalies.extend(components_clock.anomaly(None));
    Ok(document)
}

fn number_id(at: &Object<'_>) -> Result<(String, EventId), ReadError> {
    let text = at.id("id")?;
    let id = EventId::new(text.as_str()).map_err(|err| at.error("id", Problem::Id(err)))?;
    Ok((text, id))
}

/// A numeric status by its table.
fn status<T: Copy>(
    at: &Object<'_>,
    table: &[(i64, T)],
    known: &'static [&'static str],
) -> Result<T, ReadError> {
    let number = at.integer("status")?;
    table
        .iter()
        .find(|(n, _)| *n == number)
        .map(|(_, t)| *t)
        .ok_or_else(|| {
            at.error(
                "status",
                Problem::UnknownValue {
                    value: number.to_string(),
                    known,
                },
            )
        })
}

fn component(item: &Object<'_>, clock: &mut Clock) -> Result<PageComponent, ReadError> {
    let (text, _) = number_id(item)?;
    let at = item.in_event(&text);
    let id = ComponentId::new(text.as_str()).map_err(|err| at.error("id", Problem::Id(err)))?;
    let mut component = Component::new(id, at.str("name")?);
    let group = at
        .get("group_id")
        .and_then(Value::as_i64)
        .filter(|g| *g != 0);
    if let Some(group) = group {
        let group = ComponentId::new(group.to_string())
            .map_err(|err| at.error("group_id", Problem::Id(err)))?;
        component = component.in_group(group);
    }
    let mut page_component = PageComponent::new(component);
    page_component.status = status(&at, COMPONENT_STATUSES, FIVE)?;
    // Read for their check; a component has no model times.
    clock.opt_time(&at, "created_at")?;
    clock.opt_time(&at, "updated_at")?;
    Ok(page_component)
}

fn incident(item: &Object<'_>, zone: Tz) -> Result<ReadEvent, ReadError> {
    let (text, id) = number_id(item)?;
    let at = item.in_event(&text);
    let mut clock = Clock { zone, local: false };
    let mut anomalies = Vec::new();
    let current = status(&at, INCIDENT_STATUSES, FIVE)?;
    let created_at = clock.time(&at, "created_at")?;
    let opened = clock.opt_time(&at, "occurred_at")?.unwrap_or(created_at);
    let later = at.list("updates")?;
    let first = if later.is_empty() {
        current
    } else {
        let detail =
            "the incident's message carries no status of its own: read as investigating".to_owned();
        anomalies.push(Anomaly::new(
            AnomalyKind::InferredStatus,
            Some(id.clone()),
            None,
            detail,
        ));
        AnyStatus::Incident(IncidentStatus::Investigating)
    };
    let mut shown = vec![(
        first,
        opened,
        at.opt_str("message")?.unwrap_or("").to_owned(),
    )];
    for (position, value) in later.iter().enumerate() {
        let update = at.update(value, "updates", position + 1)?;
        let status = status(&update, INCIDENT_STATUSES, FIVE)?;
        let when = clock.time(&update, "created_at")?;
        shown.push((
            status,
            when,
            update.opt_str("message")?.unwrap_or("").to_owned(),
        ));
    }
    let name = at.str("name")?.to_owned();
    let event = build(&at, &id, name, created_at, None, shown, &mut anomalies)?;
    anomalies.extend(clock.anomaly(Some(&id)));
    let mut read = ReadEvent::new(event);
    read.anomalies = anomalies;
    Ok(read)
}

fn schedule(item: &Object<'_>, zone: Tz) -> Result<ReadEvent, ReadError> {
    let (text, id) = number_id(item)?;
    let at = item.in_event(&text);
    let mut clock = Clock { zone, local: false };
    let mut anomalies = Vec::new();
    let status = status(&at, SCHEDULE_STATUSES, THREE)?;
    let created_at = clock.time(&at, "created_at")?;
    let updated_at = clock.opt_time(&at, "updated_at")?.unwrap_or(created_at);
    let window = clock
        .opt_time(&at, "scheduled_at")?
        .zip(clock.opt_time(&at, "completed_at")?);
    if window.is_none() {
        let detail = "scheduled_at or completed_at missing: no scheduled window".to_owned();
        anomalies.push(Anomaly::new(
            AnomalyKind::MissingField,
            Some(id.clone()),
            None,
            detail,
        ));
    }
    let message = at.opt_str("message")?.unwrap_or("").to_owned();
    let shown = vec![(AnyStatus::Maintenance(status), updated_at, message)];
    let name = at.str("name")?.to_owned();
    let schedule = window.map(|(from, until)| Schedule::new(from, until));
    let event = build(&at, &id, name, created_at, schedule, shown, &mut anomalies)?;
    anomalies.extend(clock.anomaly(Some(&id)));
    let mut read = ReadEvent::new(event);
    read.anomalies = anomalies;
    Ok(read)
}

/// The event of the updates shown: a maintenance when any status is one.
fn build(
    at: &Object<'_>,
    id: &EventId,
    name: String,
    created_at: DateTime<Utc>,
    schedule: Option<Schedule>,
    shown: Vec<(AnyStatus, DateTime<Utc>, String)>,
    anomalies: &mut Vec<Anomaly>,
) -> Result<AnyEvent, ReadError> {
    let maintenance = shown
        .iter()
        .any(|(s, _, _)| matches!(s, AnyStatus::Maintenance(_)));
    let update_id = |position: usize| {
        UpdateId::new(format!("{id}-{position}")).map_err(|err| at.error("id", Problem::Id(err)))
    };
    if maintenance {
        let mut updates = Vec::with_capacity(shown.len());
        for (position, (status, when, body)) in shown.into_iter().enumerate() {
            let status = match status {
                AnyStatus::Maintenance(s) => s,
                // A scheduled incident's later updates: Cachet's incident
                // numbers 1..4 after a 0 read as the maintenance moving on.
                AnyStatus::Incident(IncidentStatus::Resolved | IncidentStatus::Postmortem) => {
                    MaintenanceStatus::Completed
                }
                AnyStatus::Incident(_) => MaintenanceStatus::InProgress,
            };
            updates.push(
                Update::new(status, when)
                    .with_id(update_id(position)?)
                    .with_body(body),
            );
        }
        let parts = parts(id, name, Impact::Maintenance, created_at, schedule, updates);
        let event = assemble::event(parts, anomalies).map_err(|err| at.error("status", err))?;
        return Ok(AnyEvent::from(event));
    }
    let mut updates = Vec::with_capacity(shown.len());
    for (position, (status, when, body)) in shown.into_iter().enumerate() {
        let AnyStatus::Incident(status) = status else {
            continue;
        };
        updates.push(
            Update::new(status, when)
                .with_id(update_id(position)?)
                .with_body(body),
        );
    }
    let parts = parts(id, name, Impact::None, created_at, schedule, updates);
    let event = assemble::event(parts, anomalies).map_err(|err| at.error("status", err))?;
    Ok(AnyEvent::from(event))
}

fn parts<S>(
    id: &EventId,
    name: String,
    impact: Impact,
    created_at: DateTime<Utc>,
    schedule: Option<Schedule>,
    updates: Vec<Update<S>>,
) -> EventParts<S> {
    EventParts {
        id: id.clone(),
        name,
        impact,
        components: Vec::new(),
        started_at: None,
        created_at,
        schedule,
        updates,
        declared_end: None,
        labels: std::collections::BTreeMap::new(),
    }
}
