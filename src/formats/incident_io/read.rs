//! Reading the widget summary: the envelope (or its subpages), each event,
//! its one update, its components.

use serde_json::Value;

use crate::any::AnyEvent;
use crate::builder::{EventParts, Schedule, ValidationError};
use crate::component::Component;
use crate::event::Event;
use crate::formats::anomaly::{Anomaly, AnomalyKind};
use crate::formats::assemble;
use crate::formats::document::{Document, Format, PageComponent, ReadEvent};
use crate::formats::error::{Problem, ReadError};
use crate::formats::value::Object;
use crate::id::{ComponentId, EventId, UpdateId};
use crate::policy::Lifecycle;
use crate::status::{ComponentStatus, Impact, IncidentStatus, MaintenanceStatus};
use crate::update::Update;

const FORMAT: Format = Format::IncidentIoWidget;

/// `current_worst_impact` to impact.
pub const IMPACTS: &[(&str, Impact)] = &[
    ("degraded_performance", Impact::Minor),
    ("partial_outage", Impact::Major),
    ("full_outage", Impact::Critical),
];

/// A component's `current_status` to the model's (`full_outage` is
/// `major_outage`).
pub const COMPONENT_STATUSES: &[(&str, ComponentStatus)] = &[
    ("operational", ComponentStatus::Operational),
    ("degraded_performance", ComponentStatus::DegradedPerformance),
    ("partial_outage", ComponentStatus::PartialOutage),
    ("full_outage", ComponentStatus::MajorOutage),
    ("under_maintenance", ComponentStatus::UnderMaintenance),
];

const INCIDENT_STATUSES: &[(&str, IncidentStatus)] = &[
    ("investigating", IncidentStatus::Investigating),
    ("identified", IncidentStatus::Identified),
    ("monitoring", IncidentStatus::Monitoring),
    ("resolved", IncidentStatus::Resolved),
];

const MAINTENANCE_STATUSES: &[(&str, MaintenanceStatus)] = &[
    ("maintenance_scheduled", MaintenanceStatus::Scheduled),
    ("maintenance_in_progress", MaintenanceStatus::InProgress),
];

const IMPACT_NAMES: &[&str] = &["degraded_performance", "partial_outage", "full_outage"];
const COMPONENT_STATUS_NAMES: &[&str] = &[
    "operational",
    "degraded_performance",
    "partial_outage",
    "full_outage",
    "under_maintenance",
];
const INCIDENT_STATUS_NAMES: &[&str] = &["investigating", "identified", "monitoring", "resolved"];
const MAINTENANCE_STATUS_NAMES: &[&str] = &["maintenance_scheduled", "maintenance_in_progress"];

/// The envelope, or each subpage's.
pub(super) fn document(value: &Value) -> Result<Document, ReadError> {
    let root = Object::root(FORMAT, value, "summary")?;
    let mut document = Document::new(FORMAT);
    let subpages = root.list("subpages")?;
    if subpages.is_empty() {
        envelope(&root, &mut document)?;
    }
    for value in subpages {
        let subpage = root.nested(value, "subpages")?;
        let summary = subpage
            .get("summary")
            .ok_or_else(|| subpage.error("subpages.summary", Problem::Missing))?;
        envelope(&subpage.nested(summary, "subpages.summary")?, &mut document)?;
    }
    Ok(document)
}

fn envelope(at: &Object<'_>, document: &mut Document) -> Result<(), ReadError> {
    if document.page.name.is_none() {
        document.page.name = at.opt_str("page_title")?.map(str::to_owned);
        document.page.url = at.opt_str("page_url")?.map(str::to_owned);
    }
    for value in at.list("ongoing_incidents")? {
        let event = at.nested(value, "ongoing_incidents")?;
        let read = event_of(
            &event,
            document,
            INCIDENT_STATUSES,
            INCIDENT_STATUS_NAMES,
            None,
        )?;
        document.events.push(read);
    }
    for (field, window) in [
        (
            "in_progress_maintenances",
            ("started_at", "scheduled_end_at"),
        ),
        ("scheduled_maintenances", ("starts_at", "ends_at")),
    ] {
        for value in at.list(field)? {
            let event = at.nested(value, field)?;
            let statuses = (MAINTENANCE_STATUSES, MAINTENANCE_STATUS_NAMES);
            let read = event_of(&event, document, statuses.0, statuses.1, Some(window))?;
            document.events.push(read);
        }
    }
    Ok(())
}

fn of(kind: AnomalyKind, id: &EventId, detail: String) -> Anomaly {
    Anomaly::new(kind, Some(id.clone()), None, detail)
}

/// One event of a lifecycle, its components added to the page's.
fn event_of<S: Lifecycle>(
    root: &Object<'_>,
    document: &mut Document,
    statuses: &[(&str, S)],
    known: &'static [&'static str],
    window: Option<(&str, &str)>,
) -> Result<ReadEvent, ReadError>
where
    AnyEvent: From<Event<S>>,
    Problem: From<ValidationError<S>>,
{
    let id_text = root.str("id")?;
    let at = root.in_event(id_text);
    let id = EventId::new(id_text).map_err(|err| at.error("id", Problem::Id(err)))?;
    let mut anomalies = Vec::new();
    let status = at.mapped("status", statuses, known)?;
    let last = at.time("last_update_at")?;
    let update_id =
        UpdateId::new(format!("{id}-last")).map_err(|err| at.error("id", Problem::Id(err)))?;
    let body = at.opt_str("last_update_message")?.unwrap_or("");
    let components = components(&at, &id, document, &mut anomalies)?;
    let impact = match at.opt_str("current_worst_impact")? {
        None if window.is_some() => Impact::Maintenance,
        None => Impact::None,
        Some(_) => at.mapped("current_worst_impact", IMPACTS, IMPACT_NAMES)?,
    };
    let (schedule, started_at) = match window {
        Some((from, until)) => schedule(&at, from, until)?,
        None => (None, None),
    };
    let detail = "the widget shows only the last update: earlier updates and the creation time are unknown (the creation time is the last update's)".to_owned();
    anomalies.push(of(AnomalyKind::MissingField, &id, detail));
    let parts = EventParts {
        id: id.clone(),
        name: at.str("name")?.to_owned(),
        impact,
        components,
        started_at,
        created_at: last,
        schedule,
        updates: vec![Update::new(status, last).with_id(update_id).with_body(body)],
        declared_end: None,
        labels: std::collections::BTreeMap::new(),
    };
    let event = assemble::event(parts, &mut anomalies).map_err(|err| at.error("status", err))?;
    let mut read = ReadEvent::new(AnyEvent::from(event));
    read.anomalies = anomalies;
    Ok(read)
}

/// A maintenance's window, and its start when it is in progress.
fn schedule(
    at: &Object<'_>,
    from: &str,
    until: &str,
) -> Result<(Option<Schedule>, Option<chrono::DateTime<chrono::Utc>>), ReadError> {
    let (start, end) = (at.opt_time(from)?, at.opt_time(until)?);
    let started = if from == "started_at" { start } else { None };
    Ok((start.zip(end).map(|(s, e)| Schedule::new(s, e)), started))
}

/// The affected components, also put among the page's with their status.
fn components(
    at: &Object<'_>,
    id: &EventId,
    document: &mut Document,
    anomalies: &mut Vec<Anomaly>,
) -> Result<Vec<Component>, ReadError> {
    let mut components = Vec::new();
    for value in at.list("affected_components")? {
        let item = at.nested(value, "affected_components")?;
        let component_id = ComponentId::new(item.str("id")?)
            .map_err(|err| at.error("affected_components.id", Problem::Id(err)))?;
        let component = Component::new(component_id, item.str("name")?);
        let status = match item.opt_str("current_status")? {
            Some(_) => {
                Some(item.mapped("current_status", COMPONENT_STATUSES, COMPONENT_STATUS_NAMES)?)
            }
            None => None,
        };
        if item.opt_str("current_status")? == Some("full_outage") {
            let detail = format!(
                "component {:?}: full_outage read as major_outage",
                component.name
            );
            anomalies.push(of(AnomalyKind::MappedValue, id, detail));
        }
        if !document
            .components
            .iter()
            .any(|c| c.component.id == component.id)
        {
            let mut page_component = PageComponent::new(component.clone());
            page_component.status = status;
            document.components.push(page_component);
        }
        components.push(component);
    }
    if at.opt_str("current_worst_impact")? == Some("full_outage") {
        let detail = "current_worst_impact full_outage read as impact critical".to_owned();
        anomalies.push(of(AnomalyKind::MappedValue, id, detail));
    }
    if !components.is_empty() {
        let detail = "the widget gives current component statuses, no changes".to_owned();
        anomalies.push(of(AnomalyKind::NoComponentChanges, id, detail));
    }
    Ok(components)
}
