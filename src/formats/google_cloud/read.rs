//! Reading `incidents.json`: the list, each incident, its updates, its
//! components, its impact, the declared end.

use serde_json::Value;

use crate::builder::EventParts;
use crate::component::Component;
use crate::formats::anomaly::{Anomaly, AnomalyKind};
use crate::formats::assemble;
use crate::formats::document::{Document, Format, ReadEvent};
use crate::formats::error::{Problem, ReadError};
use crate::formats::value::Object;
use crate::id::{ComponentId, EventId, UpdateId};
use crate::status::{Impact, IncidentStatus};
use crate::update::Update;

const FORMAT: Format = Format::GoogleCloud;

/// `status_impact` to impact, with the `severity` Google pairs with it.
pub const IMPACTS: &[(&str, Impact, &str)] = &[
    ("SERVICE_INFORMATION", Impact::None, "low"),
    ("SERVICE_DISRUPTION", Impact::Major, "medium"),
    ("SERVICE_OUTAGE", Impact::Critical, "high"),
];

/// An update's `status` to the model's.
pub const UPDATE_STATUSES: &[(&str, IncidentStatus)] = &[
    ("SERVICE_INFORMATION", IncidentStatus::Investigating),
    ("SERVICE_DISRUPTION", IncidentStatus::Investigating),
    ("SERVICE_OUTAGE", IncidentStatus::Investigating),
    ("AVAILABLE", IncidentStatus::Resolved),
];

const IMPACT_NAMES: &[&str] = &[
    "SERVICE_INFORMATION",
    "SERVICE_DISRUPTION",
    "SERVICE_OUTAGE",
];
const STATUS_NAMES: &[&str] = &[
    "SERVICE_INFORMATION",
    "SERVICE_DISRUPTION",
    "SERVICE_OUTAGE",
    "AVAILABLE",
];

/// The keys of an incident in the published schema.
const INCIDENT_KEYS: &[&str] = &[
    "id",
    "number",
    "begin",
    "created",
    "end",
    "modified",
    "external_desc",
    "updates",
    "most_recent_update",
    "status_impact",
    "severity",
    "service_key",
    "service_name",
    "affected_products",
    "uri",
    "currently_affected_locations",
    "previously_affected_locations",
];

/// The keys of an update in the published schema.
const UPDATE_KEYS: &[&str] = &[
    "created",
    "modified",
    "when",
    "text",
    "status",
    "affected_locations",
];

/// The whole list.
pub(super) fn document(value: &Value) -> Result<Document, ReadError> {
    let Value::Array(items) = value else {
        let at = crate::formats::error::Location::document("incidents");
        return Err(ReadError::malformed(
            FORMAT,
            at,
            Problem::WrongType { expected: "a list" },
        ));
    };
    let mut document = Document::new(FORMAT);
    for item in items {
        document.events.push(incident(item)?);
    }
    Ok(document)
}

/// One incident.
fn incident(value: &Value) -> Result<ReadEvent, ReadError> {
    let root = Object::root(FORMAT, value, "incidents")?;
    let id_text = root.str("id")?;
    let at = root.in_event(id_text);
    let id = EventId::new(id_text).map_err(|err| at.error("id", Problem::Id(err)))?;
    let mut anomalies = Vec::new();
    unknown_keys(&at, &id, INCIDENT_KEYS, "incident", &mut anomalies);
    let (components, locations) = components(&at)?;
    let parts = EventParts {
        id: id.clone(),
        name: at.str("external_desc")?.to_owned(),
        impact: impact(&at, &id, &mut anomalies)?,
        components,
        started_at: at.opt_time("begin")?,
        declared_end: at.opt_time("end")?,
        created_at: at.time("created")?,
        schedule: None,
        updates: updates(&at, &id, &mut anomalies)?,
        labels: std::collections::BTreeMap::new(),
    };
    let detail =
        "google cloud names products and locations, not their statuses: no component changes";
    anomalies.push(of(AnomalyKind::NoComponentChanges, &id, detail.to_owned()));
    let event = assemble::event(parts, &mut anomalies).map_err(|err| at.error("updates", err))?;
    declared_end_anomalies(&event, &locations, &mut anomalies);
    let mut read = ReadEvent::new(event.into());
    read.anomalies = anomalies;
    Ok(read)
}

fn of(kind: AnomalyKind, id: &EventId, detail: String) -> Anomaly {
    Anomaly::new(kind, Some(id.clone()), None, detail)
}

fn unknown_keys(
    at: &Object<'_>,
    id: &EventId,
    known: &[&str],
    what: &str,
    anomalies: &mut Vec<Anomaly>,
) {
    for key in at.unknown_keys(known) {
        let detail = format!("{what} key {key:?} is not in the published schema; not kept");
        anomalies.push(of(AnomalyKind::UnknownField, id, detail));
    }
}

/// The impact of `status_impact`, and whether `severity` agrees.
fn impact(
    at: &Object<'_>,
    id: &EventId,
    anomalies: &mut Vec<Anomaly>,
) -> Result<Impact, ReadError> {
    let table: Vec<(&str, (Impact, &str))> =
        IMPACTS.iter().map(|(w, i, s)| (*w, (*i, *s))).collect();
    let (impact, paired) = at.mapped("status_impact", &table, IMPACT_NAMES)?;
    if let Some(severity) = at.opt_str("severity")? {
        if severity != paired {
            let status_impact = at.str("status_impact")?;
            let detail = format!(
                "severity {severity:?} beside status_impact {status_impact:?} (which pairs with {paired:?}): the impact is {impact}, from status_impact"
            );
            anomalies.push(of(AnomalyKind::MappedValue, id, detail));
        }
    }
    Ok(impact)
}

/// The products, then the locations, as components; and the ids of the
/// locations currently affected.
fn components(at: &Object<'_>) -> Result<(Vec<Component>, Vec<String>), ReadError> {
    let mut components = Vec::new();
    for value in at.list("affected_products")? {
        components.push(component(at, value, "affected_products", "")?);
    }
    let mut current = Vec::new();
    for field in [
        "currently_affected_locations",
        "previously_affected_locations",
    ] {
        for value in at.list(field)? {
            let location = component(at, value, field, "location/")?;
            if field == "currently_affected_locations" {
                current.push(location.name.clone());
            }
            if !components.iter().any(|c: &Component| c.id == location.id) {
                components.push(location);
            }
        }
    }
    Ok((components, current))
}

fn component(
    at: &Object<'_>,
    value: &Value,
    field: &str,
    prefix: &str,
) -> Result<Component, ReadError> {
    let item = at.nested(value, field)?;
    let id = format!("{prefix}{}", item.str("id")?);
    let id = ComponentId::new(id).map_err(|err| at.error(field, Problem::Id(err)))?;
    Ok(Component::new(id, item.str("title")?))
}

/// The updates, oldest first by position in display order.
fn updates(
    at: &Object<'_>,
    id: &EventId,
    anomalies: &mut Vec<Anomaly>,
) -> Result<Vec<Update<IncidentStatus>>, ReadError> {
    let list = at.list("updates")?;
    let mut updates = Vec::with_capacity(list.len());
    // Newest first on the wire: positions count from the oldest.
    for (position, value) in list.iter().rev().enumerate() {
        let update = at.update(value, "updates", position)?;
        for key in update.unknown_keys(UPDATE_KEYS) {
            let detail =
                format!("update {position}: key {key:?} is not in the published schema; not kept");
            anomalies.push(of(AnomalyKind::UnknownField, id, detail));
        }
        let status = update.mapped("status", UPDATE_STATUSES, STATUS_NAMES)?;
        let when = update.time("when")?;
        let created = update.opt_time("created")?.unwrap_or(when);
        let update_id = UpdateId::new(format!("{id}-{position}"))
            .map_err(|err| update.error("id", Problem::Id(err)))?;
        let body = update.opt_str("text")?.unwrap_or("");
        updates.push(
            Update::new(status, when)
                .with_id(update_id)
                .with_created_at(created)
                .with_body(body),
        );
    }
    if updates.is_empty() {
        return Err(at.error("updates", Problem::Missing));
    }
    Ok(updates)
}

/// `end` against `resolved_at`, and locations an ended incident still lists.
fn declared_end_anomalies(
    event: &crate::event::Incident,
    current_locations: &[String],
    anomalies: &mut Vec<Anomaly>,
) {
    let (id, end) = (event.id(), event.declared_end());
    if let (Some(end), Some(resolved)) = (end, event.resolved_at()) {
        let difference = resolved.signed_duration_since(end);
        if difference.num_seconds().abs() > 60 {
            let detail = format!(
                "end {} is {} {} resolved_at {} (the first AVAILABLE update); both kept",
                crate::time::rfc3339(end),
                crate::duration::Elapsed::new(difference.abs()),
                if difference > chrono::TimeDelta::zero() {
                    "before"
                } else {
                    "after"
                },
                crate::time::rfc3339(resolved),
            );
            anomalies.push(of(AnomalyKind::DeclaredEndDiffers, id, detail));
        }
    }
    if end.is_some() && !current_locations.is_empty() {
        let detail = format!(
            "ended, yet currently_affected_locations lists {}",
            current_locations.join(", ")
        );
        anomalies.push(of(AnomalyKind::ComponentNotRestored, id, detail));
    }
    if end.is_none() && !event.is_open() {
        let detail = "resolved by an AVAILABLE update, without an end".to_owned();
        anomalies.push(of(AnomalyKind::MissingField, id, detail));
    }
}
