//! Reading Slack's `current` and `history`: the list, each incident, its
//! notes, its services.

use chrono::{DateTime, Utc};
use serde_json::Value;

use crate::any::AnyEvent;
use crate::builder::{EventParts, ValidationError};
use crate::component::Component;
use crate::event::Event;
use crate::formats::anomaly::{Anomaly, AnomalyKind};
use crate::formats::assemble;
use crate::formats::document::{Document, Format, ReadEvent};
use crate::formats::error::{Problem, ReadError};
use crate::formats::html_text;
use crate::formats::value::{look_up, Object};
use crate::id::{ComponentId, EventId, UpdateId};
use crate::policy::Lifecycle;
use crate::status::{Impact, IncidentStatus, MaintenanceStatus};
use crate::update::Update;

/// `type` to lifecycle (`true`: maintenance) and impact.
pub const TYPES: &[(&str, bool, Impact)] = &[
    ("incident", false, Impact::Major),
    ("outage", false, Impact::Critical),
    ("notice", false, Impact::None),
    ("maintenance", true, Impact::Maintenance),
];

/// An incident's `status` to (status of the notes before the last, status of
/// the last note).
pub const INCIDENT_STATUSES: &[(&str, (IncidentStatus, IncidentStatus))] = &[
    (
        "active",
        (IncidentStatus::Investigating, IncidentStatus::Investigating),
    ),
    (
        "resolved",
        (IncidentStatus::Investigating, IncidentStatus::Resolved),
    ),
    (
        "completed",
        (IncidentStatus::Investigating, IncidentStatus::Resolved),
    ),
    (
        "cancelled",
        (IncidentStatus::Investigating, IncidentStatus::Resolved),
    ),
];

/// A maintenance's `status` to (status of the notes before the last, status
/// of the last note).
pub const MAINTENANCE_STATUSES: &[(&str, (MaintenanceStatus, MaintenanceStatus))] = &[
    (
        "scheduled",
        (MaintenanceStatus::Scheduled, MaintenanceStatus::Scheduled),
    ),
    (
        "active",
        (MaintenanceStatus::InProgress, MaintenanceStatus::InProgress),
    ),
    (
        "completed",
        (MaintenanceStatus::InProgress, MaintenanceStatus::Completed),
    ),
    (
        "resolved",
        (MaintenanceStatus::InProgress, MaintenanceStatus::Completed),
    ),
    (
        "cancelled",
        (MaintenanceStatus::InProgress, MaintenanceStatus::Completed),
    ),
];

/// The keys of an incident the docs and captures show.
const INCIDENT_KEYS: &[&str] = &[
    "id",
    "title",
    "type",
    "status",
    "url",
    "date_created",
    "date_updated",
    "notes",
    "services",
];

const TYPE_NAMES: &[&str] = &["incident", "outage", "notice", "maintenance"];
const INCIDENT_STATUS_NAMES: &[&str] = &["active", "resolved", "completed", "cancelled"];
const MAINTENANCE_STATUS_NAMES: &[&str] =
    &["scheduled", "active", "completed", "resolved", "cancelled"];

/// `current` (an object with `active_incidents`) or `history` (a list).
pub(super) fn document(value: &Value) -> Result<Document, ReadError> {
    let (format, items) = match value {
        Value::Array(items) => (Format::SlackHistory, items.as_slice()),
        _ => {
            let root = Object::root(Format::SlackCurrent, value, "current")?;
            (Format::SlackCurrent, root.list("active_incidents")?)
        }
    };
    let mut document = Document::new(format);
    for item in items {
        document.events.push(incident(format, item)?);
    }
    Ok(document)
}

/// One incident (of any `type`).
fn incident(format: Format, value: &Value) -> Result<ReadEvent, ReadError> {
    let root = Object::root(format, value, "incidents")?;
    let id_text = root.id("id")?;
    let at = root.in_event(&id_text);
    let id = EventId::new(id_text.as_str()).map_err(|err| at.error("id", Problem::Id(err)))?;
    let type_name = at.str("type")?;
    let table: Vec<(&str, (bool, Impact))> = TYPES.iter().map(|(t, m, i)| (*t, (*m, *i))).collect();
    let Some((maintenance, impact)) = look_up(type_name, &table) else {
        let value = type_name.to_owned();
        return Err(at.error(
            "type",
            Problem::UnknownValue {
                value,
                known: TYPE_NAMES,
            },
        ));
    };
    let mut anomalies = Vec::new();
    for key in at.unknown_keys(INCIDENT_KEYS) {
        let detail = format!("key {key:?} is not in slack's documented incident; not kept");
        anomalies.push(of(AnomalyKind::UnknownField, &id, detail));
    }
    let event = if maintenance {
        event(
            &at,
            &id,
            impact,
            MAINTENANCE_STATUSES,
            MAINTENANCE_STATUS_NAMES,
            &mut anomalies,
        )?
    } else {
        event(
            &at,
            &id,
            impact,
            INCIDENT_STATUSES,
            INCIDENT_STATUS_NAMES,
            &mut anomalies,
        )?
    };
    let mut read = ReadEvent::new(event);
    read.anomalies = anomalies;
    Ok(read)
}

fn of(kind: AnomalyKind, id: &EventId, detail: String) -> Anomaly {
    Anomaly::new(kind, Some(id.clone()), None, detail)
}

/// The event of one lifecycle.
fn event<S: Lifecycle>(
    at: &Object<'_>,
    id: &EventId,
    impact: Impact,
    table: &[(&str, (S, S))],
    known: &'static [&'static str],
    anomalies: &mut Vec<Anomaly>,
) -> Result<AnyEvent, ReadError>
where
    AnyEvent: From<Event<S>>,
    Problem: From<ValidationError<S>>,
{
    let (earlier, last) = at.mapped("status", table, known)?;
    let status = at.str("status")?;
    if status == "cancelled" {
        let detail = format!("status \"cancelled\": read as closed ({last})");
        anomalies.push(of(AnomalyKind::MappedValue, id, detail));
    }
    let created_at = at.time("date_created")?;
    let mut updates = notes(at, id, (earlier, last), anomalies)?;
    if updates.is_empty() {
        let made = update_id(at, id, 0)?;
        let detail = format!("no notes; one with status {last} at date_created was made");
        anomalies.push(Anomaly::new(
            AnomalyKind::NoUpdates,
            Some(id.clone()),
            Some(made.clone()),
            detail,
        ));
        updates.push(Update::new(last, created_at).with_id(made));
    }
    let detail = format!(
        "notes carry no status: status {status:?} gives the last note {last}, the others {earlier}"
    );
    anomalies.push(of(AnomalyKind::InferredStatus, id, detail));
    let components = services(at, id, anomalies)?;
    let parts = EventParts {
        id: id.clone(),
        name: at.str("title")?.to_owned(),
        impact,
        components,
        started_at: None,
        created_at,
        schedule: None,
        updates,
        declared_end: None,
        labels: std::collections::BTreeMap::new(),
    };
    let event = assemble::event(parts, anomalies).map_err(|err| at.error("notes", err))?;
    Ok(AnyEvent::from(event))
}

fn update_id(at: &Object<'_>, id: &EventId, position: usize) -> Result<UpdateId, ReadError> {
    UpdateId::new(format!("{id}-{position}")).map_err(|err| at.error("id", Problem::Id(err)))
}

/// The notes, oldest first, the last with the closed status.
fn notes<S: Lifecycle>(
    at: &Object<'_>,
    id: &EventId,
    (earlier, last): (S, S),
    anomalies: &mut Vec<Anomaly>,
) -> Result<Vec<Update<S>>, ReadError> {
    let given = at.list("notes")?;
    let mut updates = Vec::with_capacity(given.len());
    let mut markup = false;
    for (position, value) in given.iter().enumerate() {
        let note = at.update(value, "notes", position)?;
        let shown: DateTime<Utc> = note.time("date_created")?;
        let (body, had_markup) = html_text::text(note.opt_str("body")?.unwrap_or(""));
        markup |= had_markup;
        let status = if position + 1 == given.len() {
            last
        } else {
            earlier
        };
        let update = Update::new(status, shown).with_id(update_id(at, id, position)?);
        updates.push(update.with_body(body.trim()));
    }
    if markup {
        let detail = "note bodies are html: kept as text".to_owned();
        anomalies.push(of(AnomalyKind::HtmlBody, id, detail));
    }
    Ok(updates)
}

/// The services, as components named by themselves.
fn services(
    at: &Object<'_>,
    id: &EventId,
    anomalies: &mut Vec<Anomaly>,
) -> Result<Vec<Component>, ReadError> {
    let mut components: Vec<Component> = Vec::new();
    for value in at.list("services")? {
        let Value::String(name) = value else {
            return Err(at.error(
                "services",
                Problem::WrongType {
                    expected: "a list of strings",
                },
            ));
        };
        let component_id = ComponentId::new(name.as_str())
            .map_err(|err| at.error("services", Problem::Id(err)))?;
        if !components.iter().any(|c| c.id == component_id) {
            components.push(Component::new(component_id, name.as_str()));
        }
    }
    if !components.is_empty() {
        let detail = "slack names services, not their statuses: no component changes".to_owned();
        anomalies.push(of(AnomalyKind::NoComponentChanges, id, detail));
    }
    Ok(components)
}
