//! Model -> Statuspage JSON.
//!
//! Every object is written with the keys of the documented schema (null when
//! unknown) and then the extras kept verbatim; updates newest-first, as
//! Statuspage sends them.

use foldhash::{HashMap, HashMapExt as _};
use std::borrow::Cow;
use std::hash::BuildHasher;

use chrono::{DateTime, SecondsFormat, Utc};
use serde::ser::{Error as _, SerializeMap, SerializeSeq, Serializer};
use serde::Serialize;
use serde_json::value::RawValue;

use super::wire::{Str, WireIncident, WireUpdate};
use super::{
    Document, Extras, Fields, GivenValues, Page, PageComponent, PageStatus, RawJson, Record, Shape,
    StatuspageError, TweetId, UpdateExtras,
};
use crate::id::{ComponentId, EventId, UpdateId};
use crate::policy::Lifecycle;
use crate::status::ComponentStatus;
use crate::{IncidentStatus, MaintenanceStatus};

/// RFC 3339 in UTC with milliseconds (more digits only when the time has them).
pub(crate) fn timestamp(t: DateTime<Utc>) -> String {
    let format = if t.timestamp_subsec_nanos().is_multiple_of(1_000_000) {
        SecondsFormat::Millis
    } else {
        SecondsFormat::AutoSi
    };
    t.to_rfc3339_opts(format, true)
}

/// Writes one incident (with its extras) as a bare Statuspage incident object.
///
/// # Errors
///
/// None in practice: a [`StatuspageError::Syntax`] only if a value kept verbatim
/// were not JSON, which [`RawJson`] rules out.
///
/// # Example
///
/// ```
/// use chrono::{TimeZone, Utc};
/// use incident_model::{Incident, IncidentStatus::*, Update, formats::statuspage};
/// let at = |h| Utc.with_ymd_and_hms(2020, 3, 16, h, 0, 0).unwrap();
/// let incident = Incident::builder("API errors")
///     .update(Update::new(Investigating, at(10)))
///     .update(Update::new(Resolved, at(11)))
///     .build()?;
/// let json = statuspage::write_incident(&incident.clone().into())?;
/// assert!(json.contains(r#""resolved_at":"2020-03-16T11:00:00.000Z""#));
/// let again = statuspage::read(&json)?;
/// assert_eq!(again.incidents[0].event, incident);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn write_incident(record: &Record<IncidentStatus>) -> Result<String, StatuspageError> {
    to_string(&OutEvent(record))
}

/// Writes one maintenance (with its extras) as a bare Statuspage object.
///
/// # Errors
///
/// As [`write_incident`].
///
/// # Example
///
/// ```
/// use chrono::{TimeZone, Utc};
/// use incident_model::{Maintenance, MaintenanceStatus::*, Schedule, Update, formats::statuspage};
/// let at = |h| Utc.with_ymd_and_hms(2020, 12, 15, h, 0, 0).unwrap();
/// let maintenance = Maintenance::builder("Datacenter maintenance")
///     .scheduled(Schedule::new(at(10), at(14)))
///     .update(Update::new(Scheduled, at(9)))
///     .build()?;
/// let json = statuspage::write_maintenance(&maintenance.clone().into())?;
/// assert!(json.contains(r#""impact":"maintenance""#));
/// assert_eq!(statuspage::read(&json)?.maintenances[0].event, maintenance);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn write_maintenance(record: &Record<MaintenanceStatus>) -> Result<String, StatuspageError> {
    to_string(&OutEvent(record))
}

impl Document {
    /// Writes the document back as Statuspage JSON of its shape. Incidents and
    /// maintenances share the list of an `incidents`, bare-incident or incident
    /// list document (as real pages do); a summary puts maintenances under
    /// `scheduled_maintenances`.
    ///
    /// # Errors
    ///
    /// [`StatuspageError::WrongShape`] when the document holds more than one
    /// event but its shape holds one ([`Shape::Incident`],
    /// [`Shape::BareIncident`]) or none ([`Shape::Components`], [`Shape::Status`]).
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::{TimeZone, Utc};
    /// use incident_model::{Incident, IncidentStatus::*, Update};
    /// use incident_model::formats::statuspage::{self, Document, Shape, StatuspageError};
    ///
    /// let at = Utc.with_ymd_and_hms(2020, 3, 16, 14, 0, 0).unwrap();
    /// let incident = Incident::builder("x").update(Update::new(Resolved, at)).build()?;
    /// let mut document = Document::new(Shape::Incidents);
    /// document.incidents.push(incident.clone().into());
    /// let json = document.to_json()?;
    /// assert_eq!(statuspage::read(&json)?.incidents[0].event, incident);
    ///
    /// // One incident per `incidents/{id}.json`.
    /// document.shape = Shape::Incident;
    /// document.incidents.push(incident.into());
    /// assert!(matches!(document.to_json(), Err(StatuspageError::WrongShape { .. })));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ///
    /// See also the [module documentation](super).
    pub fn to_json(&self) -> Result<String, StatuspageError> {
        let count = self.incidents.len().saturating_add(self.maintenances.len());
        match self.shape {
            Shape::BareIncident | Shape::Incident | Shape::IncidentWebhook if count != 1 => {
                Err(StatuspageError::WrongShape {
                    expected: Shape::Incidents,
                    found: self.shape,
                })
            }
            Shape::Components | Shape::Status | Shape::ComponentWebhook if count != 0 => {
                Err(StatuspageError::WrongShape {
                    expected: Shape::Incidents,
                    found: self.shape,
                })
            }
            Shape::BareIncident => match (self.incidents.first(), self.maintenances.first()) {
                (Some(incident), _) => {
                    to_string(&OutBare(self.page.as_ref(), incident, &self.other))
                }
                (None, Some(maintenance)) => {
                    to_string(&OutBare(self.page.as_ref(), maintenance, &self.other))
                }
                (None, None) => Err(StatuspageError::WrongShape {
                    expected: Shape::Incidents,
                    found: self.shape,
                }),
            },
            Shape::IncidentList => to_string(&OutEvents(events(self, None, true))),
            _ => to_string(&OutDocument(self)),
        }
    }
}

fn to_string<T: Serialize>(value: &T) -> Result<String, StatuspageError> {
    serde_json::to_string(value).map_err(|err| StatuspageError::from_json(&err))
}

/// A kept value, written verbatim.
struct Raw<'a>(&'a RawJson);

impl Serialize for Raw<'_> {
    fn serialize<Ser: Serializer>(&self, serializer: Ser) -> Result<Ser::Ok, Ser::Error> {
        let raw: &RawValue = serde_json::from_str(self.0.as_str()).map_err(Ser::Error::custom)?;
        raw.serialize(serializer)
    }
}

pub(super) fn entries<M: SerializeMap>(
    map: &mut M,
    fields: &[(Cow<'static, str>, RawJson)],
) -> Result<(), M::Error> {
    for (key, value) in fields {
        map.serialize_entry(key, &Raw(value))?;
    }
    Ok(())
}

struct OutDocument<'a>(&'a Document);

impl Serialize for OutDocument<'_> {
    fn serialize<Ser: Serializer>(&self, serializer: Ser) -> Result<Ser::Ok, Ser::Error> {
        let doc = self.0;
        let mut map = serializer.serialize_map(None)?;
        if let Some(page) = &doc.page {
            map.serialize_entry("page", &OutPage(page))?;
        }
        if let Some(meta) = &doc.meta {
            map.serialize_entry("meta", &super::webhook::OutMeta(meta))?;
        }
        // Page components beside incidents or an incident, as read.
        let own_components = matches!(
            doc.shape,
            Shape::Summary | Shape::Components | Shape::ComponentWebhook
        );
        if !own_components && !doc.components.is_empty() {
            map.serialize_entry("components", &OutPageComponents(&doc.components))?;
        }
        let list = shape_entries(&mut map, doc)?;
        let status = matches!(doc.shape, Shape::Summary | Shape::Status);
        if let (Some(status), true) = (&doc.status, status) {
            map.serialize_entry("status", &OutStatus(status))?;
        }
        // A top-level key given as `null` is kept in `other`: written unless
        // the document now has a value for it.
        let written = |key: &str| match key {
            "page" => doc.page.is_some(),
            "components" => own_components || !doc.components.is_empty(),
            "status" => status && doc.status.is_some(),
            _ => list.contains(&key),
        };
        for (key, value) in doc.other.iter().filter(|(k, _)| !written(k)) {
            map.serialize_entry(key, &Raw(value))?;
        }
        map.end()
    }
}

/// The lists of the document's shape; returns the keys written.
fn shape_entries<M: SerializeMap>(
    map: &mut M,
    doc: &Document,
) -> Result<&'static [&'static str], M::Error> {
    Ok(match doc.shape {
        Shape::Summary => {
            map.serialize_entry("components", &OutPageComponents(&doc.components))?;
            two_lists(map, doc)?
        }
        Shape::IncidentsAndMaintenances => two_lists(map, doc)?,
        Shape::ScheduledMaintenances => {
            let events = events(doc, None, false);
            map.serialize_entry("scheduled_maintenances", &OutEvents(events))?;
            &["scheduled_maintenances"]
        }
        Shape::ComponentWebhook => {
            component_webhook_entries(map, doc)?;
            &[]
        }
        Shape::Incident | Shape::IncidentWebhook => {
            if let Some(incident) = doc.incidents.first() {
                map.serialize_entry("incident", &OutEvent(incident))?;
            } else if let Some(maintenance) = doc.maintenances.first() {
                map.serialize_entry("incident", &OutEvent(maintenance))?;
            }
            &["incident"]
        }
        Shape::Components => {
            map.serialize_entry("components", &OutPageComponents(&doc.components))?;
            &[]
        }
        Shape::Status => &[],
        _ => {
            map.serialize_entry("incidents", &OutEvents(events(doc, None, true)))?;
            &["incidents"]
        }
    })
}

/// `incidents` and `scheduled_maintenances`, each event in the list it was
/// read from (else the list of its lifecycle).
fn two_lists<M: SerializeMap>(
    map: &mut M,
    doc: &Document,
) -> Result<&'static [&'static str], M::Error> {
    map.serialize_entry("incidents", &OutEvents(events(doc, Some(false), true)))?;
    let maintenances = events(doc, Some(true), true);
    map.serialize_entry("scheduled_maintenances", &OutEvents(maintenances))?;
    Ok(&["incidents", "scheduled_maintenances"])
}

/// A component webhook's `component` and `component_update`.
fn component_webhook_entries<M: SerializeMap>(map: &mut M, doc: &Document) -> Result<(), M::Error> {
    if let Some(c) = doc.components.first() {
        let out = OutComponent {
            component: &c.component,
            status: c.status,
            kept: Some(c),
        };
        map.serialize_entry("component", &out)?;
    }
    if let Some(update) = &doc.component_update {
        map.serialize_entry(
            "component_update",
            &super::webhook::OutComponentUpdate(update),
        )?;
    }
    Ok(())
}

/// Keeps in the document's `other` the top-level keys given as `null`
/// (`nulls`; a bare incident's `status` and `components` are the event's own,
/// kept with its keys), and `components` given as `[]`: the writer writes each
/// unless the document's shape writes the key itself or the document has a
/// value for it by then.
pub(super) fn keep_top_level_given(
    doc: &mut Document,
    nulls: &[&'static str],
    empty_components: bool,
) {
    for &key in nulls {
        if doc.shape == Shape::BareIncident && (key == "status" || key == "components") {
            continue;
        }
        doc.other.push((Cow::Borrowed(key), RawJson::null()));
    }
    if empty_components {
        doc.other
            .push((Cow::Borrowed("components"), RawJson::empty_list()));
    }
}

/// An incident or a maintenance of a document's list.
#[derive(Clone, Copy)]
enum EventRef<'a> {
    Incident(&'a Record<IncidentStatus>),
    Maintenance(&'a Record<MaintenanceStatus>),
}

impl EventRef<'_> {
    fn given(&self) -> &GivenValues {
        match self {
            EventRef::Incident(r) => &r.extras.given,
            EventRef::Maintenance(r) => &r.extras.given,
        }
    }
}

impl Serialize for EventRef<'_> {
    fn serialize<Ser: Serializer>(&self, serializer: Ser) -> Result<Ser::Ok, Ser::Error> {
        match self {
            EventRef::Incident(r) => OutEvent(*r).serialize(serializer),
            EventRef::Maintenance(r) => OutEvent(*r).serialize(serializer),
        }
    }
}

/// The events of one list: of a summary's `scheduled_maintenances`
/// (`Some(true)`) or `incidents` (`Some(false)`), or of the document's one list
/// (`None`). An event read from a list goes back to it, at its place; the
/// others (the events of a summary's list by their lifecycle) follow,
/// incidents then maintenances or the other way round.
fn events(doc: &Document, list: Option<bool>, incidents_first: bool) -> Vec<EventRef<'_>> {
    let incidents = doc.incidents.iter().map(EventRef::Incident);
    let maintenances = doc.maintenances.iter().map(EventRef::Maintenance);
    let all: Vec<EventRef<'_>> = if incidents_first {
        incidents.chain(maintenances).collect()
    } else {
        maintenances.chain(incidents).collect()
    };
    let mut events: Vec<EventRef<'_>> = all
        .into_iter()
        .filter(|e| {
            let read_in = e
                .given()
                .list_position()
                .map(|(in_maintenances, _)| in_maintenances);
            let by_lifecycle = matches!(e, EventRef::Maintenance(_));
            list.is_none_or(|list| read_in.unwrap_or(by_lifecycle) == list)
        })
        .collect();
    events.sort_by_key(|e| {
        e.given()
            .list_position()
            .map_or(u32::MAX, |(_, index)| index)
    });
    events
}

struct OutEvents<'a>(Vec<EventRef<'a>>);

impl Serialize for OutEvents<'_> {
    fn serialize<Ser: Serializer>(&self, serializer: Ser) -> Result<Ser::Ok, Ser::Error> {
        serializer.collect_seq(&self.0)
    }
}

struct OutPage<'a>(&'a Page);

impl Serialize for OutPage<'_> {
    fn serialize<Ser: Serializer>(&self, serializer: Ser) -> Result<Ser::Ok, Ser::Error> {
        let page = self.0;
        let mut map = serializer.serialize_map(None)?;
        map.serialize_entry("id", &page.id)?;
        map.serialize_entry("name", &page.name)?;
        map.serialize_entry("url", &page.url)?;
        map.serialize_entry("time_zone", &page.time_zone)?;
        map.serialize_entry("updated_at", &page.updated_at.map(timestamp))?;
        entries(&mut map, &page.other)?;
        map.end()
    }
}

struct OutStatus<'a>(&'a PageStatus);

impl Serialize for OutStatus<'_> {
    fn serialize<Ser: Serializer>(&self, serializer: Ser) -> Result<Ser::Ok, Ser::Error> {
        let status = self.0;
        let mut map = serializer.serialize_map(None)?;
        map.serialize_entry("indicator", status.indicator.as_str())?;
        // A `description` given as null is kept in `other`.
        if !status.other.iter().any(|(k, _)| k == "description") {
            map.serialize_entry("description", &status.description)?;
        }
        entries(&mut map, &status.other)?;
        map.end()
    }
}

struct OutPageComponents<'a>(&'a [PageComponent]);

impl Serialize for OutPageComponents<'_> {
    fn serialize<Ser: Serializer>(&self, serializer: Ser) -> Result<Ser::Ok, Ser::Error> {
        serializer.collect_seq(self.0.iter().map(|c| OutComponent {
            component: &c.component,
            status: c.status,
            kept: Some(c),
        }))
    }
}

struct OutComponent<'a> {
    component: &'a crate::Component,
    /// The status; a page component read without one is written without one.
    status: Option<ComponentStatus>,
    kept: Option<&'a PageComponent>,
}

impl Serialize for OutComponent<'_> {
    fn serialize<Ser: Serializer>(&self, serializer: Ser) -> Result<Ser::Ok, Ser::Error> {
        let mut map = serializer.serialize_map(None)?;
        let component = self.component;
        // A key kept verbatim (given as `null`, a `group_id` that is no id) is
        // written from there while the model has nothing else for it (the
        // name the reader used for a `null` one is the id).
        let other = self.kept.map_or(&[][..], |k| &k.other[..]);
        let kept = |key: &str| other.iter().any(|(k, _)| k == key);
        let mut written: Vec<&str> = Vec::new();
        map.serialize_entry("id", component.id.as_str())?;
        if !(kept("name") && component.name == component.id.as_str()) {
            map.serialize_entry("name", &component.name)?;
            written.push("name");
        }
        if let Some(status) = self.status {
            map.serialize_entry("status", status.as_str())?;
            written.push("status");
        }
        if component.group_id.is_some() || !kept("group_id") {
            let group_id = component.group_id.as_ref().map(ComponentId::as_str);
            map.serialize_entry("group_id", &group_id)?;
            written.push("group_id");
        }
        if let Some(group) = self.kept.and_then(|k| k.group) {
            map.serialize_entry("group", &group)?;
            written.push("group");
        }
        for (key, value) in other.iter().filter(|(k, _)| !written.contains(&&**k)) {
            map.serialize_entry(key, &Raw(value))?;
        }
        map.end()
    }
}

struct OutEvent<'a, S: Lifecycle>(&'a Record<S>);

impl<S: Lifecycle> Serialize for OutEvent<'_, S> {
    fn serialize<Ser: Serializer>(&self, serializer: Ser) -> Result<Ser::Ok, Ser::Error> {
        OutBare(None, self.0, &[]).serialize(serializer)
    }
}

/// An event object, after the page it was read beside (a bare incident with a
/// top-level `page`), then the document's kept top-level keys.
struct OutBare<'a, S: Lifecycle>(
    Option<&'a Page>,
    &'a Record<S>,
    &'a [(Cow<'static, str>, RawJson)],
);

impl<S: Lifecycle> Serialize for OutBare<'_, S> {
    fn serialize<Ser: Serializer>(&self, serializer: Ser) -> Result<Ser::Ok, Ser::Error> {
        let mut map = serializer.serialize_map(None)?;
        if let Some(page) = self.0 {
            map.serialize_entry("page", &OutPage(page))?;
        }
        event_entries(&mut map, self.1)?;
        // The document's kept top-level keys (a `page` given as `null` only
        // while the document has none).
        for (key, value) in self.2 {
            if !(key == "page" && self.0.is_some()) {
                map.serialize_entry(key, &Raw(value))?;
            }
        }
        map.end()
    }
}

/// The keys of an event object: the documented schema, then the extras.
fn event_entries<M: SerializeMap, S: Lifecycle>(
    map: &mut M,
    record: &Record<S>,
) -> Result<(), M::Error> {
    let event = &record.event;
    let extras = &record.extras;
    let given = unchanged(record);
    let has = |key: &str| extras.other.iter().any(|(k, _)| k == key);
    map.serialize_entry("id", event.id().as_str())?;
    for (key, derived) in event_derived(record) {
        entry(map, given, key, &derived)?;
    }
    map.serialize_entry("shortlink", &extras.shortlink)?;
    entry(map, given, "started_at", &Derived::time(event.started_at()))?;
    map.serialize_entry("page_id", &extras.page_id)?;
    let updates = OutUpdates(record);
    list_entry(map, given, "incident_updates", &Derived::Items, &updates)?;
    let components = Derived::list(event.components().is_empty());
    list_entry(
        map,
        given,
        "components",
        &components,
        &OutEventComponents(record),
    )?;
    match event.schedule() {
        Some(schedule) => {
            map.serialize_entry("scheduled_for", &timestamp(schedule.scheduled_for))?;
            map.serialize_entry("scheduled_until", &timestamp(schedule.scheduled_until))?;
        }
        // A window the model does not keep is in `other`, verbatim.
        None if !has("scheduled_for") && !has("scheduled_until") => {
            map.serialize_entry("scheduled_for", &None::<&str>)?;
            map.serialize_entry("scheduled_until", &None::<&str>)?;
        }
        None => {}
    }
    map.serialize_entry("postmortem_body", &extras.postmortem_body)?;
    if let Some(published) = extras.postmortem_published_at {
        map.serialize_entry("postmortem_published_at", &timestamp(published))?;
    }
    entries(map, &extras.other)
}

/// What the writer derives from the model for the keys of an event object
/// that a payload may give otherwise (`started_at` is written apart).
fn event_derived<S: Lifecycle>(record: &Record<S>) -> [(&'static str, Derived<'_>); 8] {
    let event = &record.event;
    let extras = &record.extras;
    let latest = event
        .updates()
        .iter()
        .map(|u| u.created_at().max(u.display_at()))
        .max()
        .unwrap_or(event.created_at());
    let (impact, impact_override) = match extras.calculated_impact {
        Some(calculated) => (calculated, Derived::Text(event.impact().as_str())),
        None => (event.impact(), Derived::Null),
    };
    [
        ("name", Derived::Text(event.name())),
        ("status", Derived::Text(event.status().as_str())),
        ("created_at", Derived::Time(event.created_at())),
        (
            "updated_at",
            Derived::Time(extras.updated_at.unwrap_or(latest)),
        ),
        ("monitoring_at", Derived::time(event.monitoring_at())),
        ("resolved_at", Derived::time(event.resolved_at())),
        ("impact", Derived::Text(impact.as_str())),
        ("impact_override", impact_override),
    ]
}

/// The given values of `record` while its event is the one read (its
/// fingerprint is that kept when read), else none.
fn unchanged<S: Lifecycle>(record: &Record<S>) -> Option<&GivenValues> {
    let given = &record.extras.given;
    let kept = given.fingerprint()?;
    (kept == fingerprint(&record.event)).then_some(given)
}

/// Writes `key`: its given value while the event is the one read and the
/// model derives what it derived then (see [`GivenValues`]), else `derived`.
fn entry<M: SerializeMap>(
    map: &mut M,
    given: Option<&GivenValues>,
    key: &'static str,
    derived: &Derived<'_>,
) -> Result<(), M::Error> {
    match given_value(given, key, derived) {
        Some(raw) => map.serialize_entry(key, &Raw(raw)),
        None => map.serialize_entry(key, derived),
    }
}

/// Writes the list `key`: its given value (`null` or `[]`) while the model
/// derives what it derived when read, else `list`.
fn list_entry<M: SerializeMap, T: Serialize>(
    map: &mut M,
    given: Option<&GivenValues>,
    key: &'static str,
    derived: &Derived<'_>,
    list: &T,
) -> Result<(), M::Error> {
    match given_value(given, key, derived) {
        Some(raw) => map.serialize_entry(key, &Raw(raw)),
        None => map.serialize_entry(key, list),
    }
}

fn given_value<'a>(
    given: Option<&'a GivenValues>,
    key: &str,
    derived: &Derived<'_>,
) -> Option<&'a RawJson> {
    let given = given.filter(|g| !g.is_empty())?;
    given.value(key, &derived.json()?)
}

/// A value the writer derives from the model for a key.
#[derive(Clone, Copy, Debug)]
pub(super) enum Derived<'a> {
    Null,
    Text(&'a str),
    Time(DateTime<Utc>),
    Bool(bool),
    /// An empty list.
    Empty,
    /// A list with items.
    Items,
}

impl Derived<'_> {
    fn time(t: Option<DateTime<Utc>>) -> Self {
        t.map_or(Derived::Null, Derived::Time)
    }

    fn list(empty: bool) -> Self {
        if empty {
            Derived::Empty
        } else {
            Derived::Items
        }
    }

    /// The JSON text, as written; for a list with items a mark, kept beside
    /// a given `null` or `[]` (an event's made update, components an event
    /// derives from its updates) to tell that the model still derives a list.
    fn json(&self) -> Option<String> {
        match self {
            Derived::Items => Some(r#""(items)""#.to_owned()),
            other => serde_json::to_string(other).ok(),
        }
    }

    /// Whether `given` is an equal JSON value (timestamps as instants).
    fn agrees(&self, given: &Given<'_>) -> bool {
        match (self, given) {
            (Derived::Null, Given::Null)
            | (Derived::Empty, Given::Empty)
            | (Derived::Items, Given::Items) => true,
            (Derived::Text(a), Given::Text(b)) => a == b,
            (Derived::Time(t), Given::Time(_, b)) => t == b,
            (Derived::Bool(a), Given::Bool(b)) => a == b,
            _ => false,
        }
    }
}

impl Serialize for Derived<'_> {
    fn serialize<Ser: Serializer>(&self, serializer: Ser) -> Result<Ser::Ok, Ser::Error> {
        match self {
            Derived::Null => serializer.serialize_none(),
            Derived::Text(text) => serializer.serialize_str(text),
            Derived::Time(t) => serializer.serialize_str(&timestamp(*t)),
            Derived::Bool(b) => serializer.serialize_bool(*b),
            Derived::Empty | Derived::Items => serializer.serialize_seq(Some(0))?.end(),
        }
    }
}

/// A value a payload gave for a key the writer derives.
#[derive(Clone, Debug)]
pub(super) enum Given<'a> {
    Null,
    Text(Cow<'a, str>),
    /// A timestamp as given, and the instant the reader read from it.
    Time(Cow<'a, str>, DateTime<Utc>),
    Bool(bool),
    Empty,
    Items,
}

impl Given<'_> {
    fn json(&self) -> Option<RawJson> {
        let text = match self {
            Given::Null => "null".to_owned(),
            Given::Text(text) | Given::Time(text, _) => return Some(RawJson::string(text)),
            Given::Bool(b) => b.to_string(),
            Given::Empty => "[]".to_owned(),
            Given::Items => return None,
        };
        RawJson::new(text).ok()
    }
}

/// The value given for a named key of a wire object: `None` when missing.
fn given_text<'a>(value: Option<&Str<'a>>, null: bool) -> Option<Given<'a>> {
    match value {
        Some(text) => Some(Given::Text(text.0.clone())),
        None if null => Some(Given::Null),
        None => None,
    }
}

/// The value given for a timestamp key, with the instant `read` from it.
fn given_time<'a>(
    value: Option<&Str<'a>>,
    null: bool,
    read: Option<DateTime<Utc>>,
) -> Option<Given<'a>> {
    match (value, read) {
        (Some(text), Some(at)) => Some(Given::Time(text.0.clone(), at)),
        _ => given_text(value, null),
    }
}

fn given_list<T>(value: Option<&Vec<T>>, null: bool) -> Option<Given<'static>> {
    match value {
        Some(list) if list.is_empty() => Some(Given::Empty),
        Some(_) => Some(Given::Items),
        None if null => Some(Given::Null),
        None => None,
    }
}

/// The values an event object gives for the keys the writer derives, in the
/// order of [`event_derived`], then `started_at`, `components` and
/// `incident_updates`; and
/// whether `postmortem_published_at` was `null` (written only when given).
pub(super) struct EventGiven<'a>([Option<Given<'a>>; 11], bool);

/// The instants the reader read from an event's `created_at`, `updated_at`,
/// `monitoring_at`, `resolved_at` and `started_at`, or from an update's
/// `created_at`, `updated_at` and `display_at`: the writer compares them
/// with what it derives, without reading the text again.
pub(super) type ReadTimes<const N: usize> = [Option<DateTime<Utc>>; N];

impl<'a> EventGiven<'a> {
    pub(super) fn of(w: &WireIncident<'a>, times: ReadTimes<5>) -> Self {
        let text = |value: &Option<Str<'a>>, key: &str| given_text(value.as_ref(), w.is_null(key));
        let time = |value: &Option<Str<'a>>, key: &str, read| {
            given_time(value.as_ref(), w.is_null(key), read)
        };
        let [created, updated, monitoring, resolved, started] = times;
        EventGiven(
            [
                text(&w.name, "name"),
                text(&w.status, "status"),
                time(&w.created_at, "created_at", created),
                time(&w.updated_at, "updated_at", updated),
                time(&w.monitoring_at, "monitoring_at", monitoring),
                time(&w.resolved_at, "resolved_at", resolved),
                text(&w.impact, "impact"),
                text(&w.impact_override, "impact_override"),
                time(&w.started_at, "started_at", started),
                given_list(w.components.as_ref(), w.is_null("components")),
                given_list(w.incident_updates.as_ref(), w.is_null("incident_updates")),
            ],
            w.is_null("postmortem_published_at"),
        )
    }
}

/// Keeps in `record` what its payload gave where the writer derives another
/// value, and the input order of its updates (the ids in input order, when
/// it was not newest-first).
pub(super) fn keep_given<S: Lifecycle>(
    record: &mut Record<S>,
    given: EventGiven<'_>,
    input_order: Option<Vec<UpdateId>>,
) {
    let event = &record.event;
    let derived = event_derived(record).into_iter().chain([
        ("started_at", Derived::time(event.started_at())),
        ("components", Derived::list(event.components().is_empty())),
        ("incident_updates", Derived::Items),
    ]);
    record
        .extras
        .given
        .set_values(differing(derived.zip(given.0)));
    if given.1 {
        let key = Cow::Borrowed("postmortem_published_at");
        record.extras.other.push((key, RawJson::null()));
    }
    if let Some(order) = input_order.and_then(|ids| update_order(&record.event, &ids)) {
        record.extras.given.set_update_order(order);
    }
    let extras = &record.extras;
    let kept = !extras.given.is_empty()
        || extras.given.update_order().is_some()
        || extras.updates.iter().any(|u| !u.given.is_empty());
    if kept {
        let fingerprint = fingerprint(&record.event);
        record.extras.given.set_fingerprint(fingerprint);
    }
}

/// The (key, derived, given) of each key whose given value differs.
fn differing<'a, 'b>(
    pairs: impl Iterator<Item = ((&'static str, Derived<'a>), Option<Given<'b>>)>,
) -> Vec<(&'static str, RawJson, RawJson)> {
    let mut values = Vec::new();
    for ((key, derived), given) in pairs {
        let Some(given) = given.filter(|g| !derived.agrees(g)) else {
            continue;
        };
        let derived = derived.json().and_then(|text| RawJson::new(text).ok());
        if let (Some(derived), Some(given)) = (derived, given.json()) {
            values.push((key, derived, given));
        }
    }
    values
}

/// The ids of `updates` (in input order) when they are not newest-first, as
/// Statuspage sends them and the writer writes them.
pub(super) fn input_order<'u, S: Lifecycle + 'u>(
    updates: impl ExactSizeIterator<Item = &'u crate::Update<S>> + Clone,
) -> Option<Vec<UpdateId>> {
    let keys = updates.clone().map(crate::Update::order_key);
    let newest_first = keys.clone().zip(keys.skip(1)).all(|(a, b)| a >= b);
    (!newest_first).then(|| updates.map(|u| u.id().clone()).collect())
}

/// For each update id in input order, its position in display order.
fn update_order<S: Lifecycle>(event: &crate::Event<S>, input: &[UpdateId]) -> Option<Box<[u32]>> {
    let position: HashMap<&UpdateId, u32> = event
        .updates()
        .iter()
        .enumerate()
        .filter_map(|(i, u)| Some((u.id(), u32::try_from(i).ok()?)))
        .collect();
    input.iter().map(|id| position.get(id).copied()).collect()
}

/// A fingerprint of an event's value: its `Hash` (every field equality
/// compares), with foldhash's quality hasher under a fixed seed, the same in
/// every run (several times faster than SipHash on an event's texts).
fn fingerprint<S: Lifecycle>(event: &crate::Event<S>) -> u64 {
    foldhash::quality::FixedState::default().hash_one(event)
}

/// Notes where the event just read from a list (at `index`) sat: `before`
/// is the number of incidents and maintenances before it was read.
pub(super) fn note_list_position(
    doc: &mut Document,
    before: (usize, usize),
    in_maintenances: bool,
    index: usize,
) {
    let given = if doc.incidents.len() > before.0 {
        doc.incidents.last_mut().map(|r| &mut r.extras.given)
    } else if doc.maintenances.len() > before.1 {
        doc.maintenances.last_mut().map(|r| &mut r.extras.given)
    } else {
        None
    };
    if let Some(given) = given {
        given.set_list_position(in_maintenances, index);
    }
}

/// The values an update object gives for the keys the writer derives, in
/// the order of [`update_derived`].
pub(super) struct UpdateGiven<'a>([Option<Given<'a>>; 8]);

impl<'a> UpdateGiven<'a> {
    pub(super) fn of(w: &WireUpdate<'a>, times: ReadTimes<3>) -> Self {
        let text = |value: &Option<Str<'a>>, key: &str| given_text(value.as_ref(), w.is_null(key));
        let time = |value: &Option<Str<'a>>, key: &str, read| {
            given_time(value.as_ref(), w.is_null(key), read)
        };
        let [created, updated, display] = times;
        let deliver = match w.deliver_notifications {
            Some(b) => Some(Given::Bool(b)),
            None => w.is_null("deliver_notifications").then_some(Given::Null),
        };
        UpdateGiven([
            text(&w.id, "id"),
            text(&w.body, "body"),
            text(&w.incident_id, "incident_id"),
            time(&w.created_at, "created_at", created),
            time(&w.updated_at, "updated_at", updated),
            time(&w.display_at, "display_at", display),
            deliver,
            given_list(
                w.affected_components.as_ref(),
                w.is_null("affected_components"),
            ),
        ])
    }
}

/// What the writer derives for the keys of an update object that a payload
/// may give otherwise.
fn update_derived<'a, S: Lifecycle>(
    incident: &'a EventId,
    update: &'a crate::Update<S>,
    extras: Option<&UpdateExtras>,
) -> [(&'static str, Derived<'a>); 8] {
    let updated_at = extras
        .and_then(|e| e.updated_at)
        .unwrap_or(update.created_at());
    let deliver = extras
        .and_then(|e| e.deliver_notifications)
        .unwrap_or(false);
    let placeholders = extras.is_some_and(|e| !e.placeholders().is_empty());
    let affected = if update.component_changes().is_empty() && !placeholders {
        Derived::Null
    } else {
        Derived::Items
    };
    [
        ("id", Derived::Text(update.id().as_str())),
        ("body", Derived::Text(update.body())),
        ("incident_id", Derived::Text(incident.as_str())),
        ("created_at", Derived::Time(update.created_at())),
        ("updated_at", Derived::Time(updated_at)),
        ("display_at", Derived::Time(update.display_at())),
        ("deliver_notifications", Derived::Bool(deliver)),
        ("affected_components", affected),
    ]
}

/// Keeps in `extras` what the update's payload gave where the writer derives
/// another value.
pub(super) fn keep_update_given<S: Lifecycle>(
    incident: &EventId,
    update: &crate::Update<S>,
    extras: &mut UpdateExtras,
    given: UpdateGiven<'_>,
) {
    let values = differing(
        update_derived(incident, update, Some(extras))
            .into_iter()
            .zip(given.0),
    );
    extras.given.set_values(values);
}

struct OutEventComponents<'a, S: Lifecycle>(&'a Record<S>);

impl<S: Lifecycle> Serialize for OutEventComponents<'_, S> {
    fn serialize<Ser: Serializer>(&self, serializer: Ser) -> Result<Ser::Ok, Ser::Error> {
        let Record { event, extras } = self.0;
        // Hash look-ups: an event may list many thousand components.
        let kept: HashMap<&ComponentId, &PageComponent> = extras
            .components
            .iter()
            .rev()
            .map(|c| (&c.component.id, c))
            .collect();
        let mut announced: HashMap<&ComponentId, ComponentStatus> = HashMap::new();
        for change in event
            .updates()
            .iter()
            .flat_map(crate::update::Update::component_changes)
        {
            announced.insert(&change.component_id, change.new_status);
        }
        serializer.collect_seq(event.components().iter().map(|component| {
            let kept = kept.get(&component.id).copied();
            // The status as kept (none when the payload gave none), else the
            // last status an update gave it: never an invented `operational`.
            let status = match kept {
                Some(kept) => kept.status,
                None => announced.get(&component.id).copied(),
            };
            OutComponent {
                component,
                status,
                kept,
            }
        }))
    }
}

struct OutUpdates<'a, S: Lifecycle>(&'a Record<S>);

impl<S: Lifecycle> Serialize for OutUpdates<'_, S> {
    fn serialize<Ser: Serializer>(&self, serializer: Ser) -> Result<Ser::Ok, Ser::Error> {
        let Record { event, extras } = self.0;
        let given = unchanged(self.0);
        let kept = update_extras(extras);
        let updates = event.updates();
        let mut seq = serializer.serialize_seq(Some(updates.len()))?;
        let mut element = |update: &crate::Update<S>| {
            let extras = kept.get(update.id().as_str()).copied();
            seq.serialize_element(&OutUpdate {
                incident: event.id(),
                update,
                extras,
                unchanged: given.is_some(),
            })
        };
        // The input order while the event is the one read, else newest-first.
        let order = given
            .and_then(GivenValues::update_order)
            .filter(|order| order.len() == updates.len());
        match order {
            Some(order) => {
                for &i in order {
                    if let Some(update) = usize::try_from(i).ok().and_then(|i| updates.get(i)) {
                        element(update)?;
                    }
                }
            }
            None => {
                for update in updates.iter().rev() {
                    element(update)?;
                }
            }
        }
        seq.end()
    }
}

fn update_extras(extras: &Extras) -> HashMap<&str, &UpdateExtras> {
    extras.updates.iter().map(|u| (u.id.as_str(), u)).collect()
}

struct OutUpdate<'a, S> {
    incident: &'a EventId,
    update: &'a crate::Update<S>,
    extras: Option<&'a UpdateExtras>,
    /// Whether the event is the one read (its given values are written).
    unchanged: bool,
}

impl<S: Lifecycle> Serialize for OutUpdate<'_, S> {
    fn serialize<Ser: Serializer>(&self, serializer: Ser) -> Result<Ser::Ok, Ser::Error> {
        let update = self.update;
        let other: &[(Cow<'static, str>, RawJson)] = self.extras.map_or(&[], |e| e.other());
        let has = |key: &str| other.iter().any(|(k, _)| k == key);
        let given = self.extras.filter(|_| self.unchanged).map(|e| &e.given);
        let mut map = serializer.serialize_map(None)?;
        map.serialize_entry("status", update.status().as_str())?;
        for (key, derived) in update_derived(self.incident, update, self.extras) {
            if key == "affected_components" {
                let kept = given.and_then(GivenValues::affected);
                let affected = OutAffected(update, self.extras, kept);
                list_entry(&mut map, given, key, &derived, &affected)?;
            } else {
                entry(&mut map, given, key, &derived)?;
            }
        }
        let custom_tweet = self.extras.and_then(UpdateExtras::custom_tweet);
        map.serialize_entry("custom_tweet", &custom_tweet)?;
        if !has("tweet_id") {
            match self.extras.and_then(UpdateExtras::tweet_id) {
                Some(TweetId::Number(n)) => map.serialize_entry("tweet_id", n)?,
                Some(TweetId::Text(s)) => map.serialize_entry("tweet_id", s)?,
                None => map.serialize_entry("tweet_id", &None::<&str>)?,
            }
        }
        entries(&mut map, other)?;
        map.end()
    }
}

/// Component changes then placeholders; null when there are none (as
/// Statuspage); the entries as given instead, when kept and the event is
/// unchanged.
struct OutAffected<'a, S>(
    &'a crate::Update<S>,
    Option<&'a UpdateExtras>,
    Option<&'a [Fields]>,
);

impl<S: Lifecycle> Serialize for OutAffected<'_, S> {
    fn serialize<Ser: Serializer>(&self, serializer: Ser) -> Result<Ser::Ok, Ser::Error> {
        if let Some(given) = self.2 {
            return serializer.collect_seq(given.iter().map(|fields| OutFields(fields)));
        }
        let changes = self.0.component_changes();
        let placeholders = self.1.map_or(&[][..], UpdateExtras::placeholders);
        if changes.is_empty() && placeholders.is_empty() {
            return serializer.serialize_none();
        }
        let mut seq =
            serializer.serialize_seq(Some(changes.len().saturating_add(placeholders.len())))?;
        for change in changes {
            seq.serialize_element(&OutChange(change))?;
        }
        for fields in placeholders {
            seq.serialize_element(&OutFields(fields))?;
        }
        seq.end()
    }
}

struct OutChange<'a>(&'a crate::ComponentChange);

impl Serialize for OutChange<'_> {
    fn serialize<Ser: Serializer>(&self, serializer: Ser) -> Result<Ser::Ok, Ser::Error> {
        let change = self.0;
        let mut map = serializer.serialize_map(Some(4))?;
        map.serialize_entry("code", change.component_id.as_str())?;
        map.serialize_entry("name", &change.name)?;
        map.serialize_entry("old_status", change.old_status.as_str())?;
        map.serialize_entry("new_status", change.new_status.as_str())?;
        // The crate's key for a change at its own time (Statuspage has none).
        if let Some(at) = change.changed_at {
            map.serialize_entry("changed_at", &timestamp(at))?;
        }
        map.end()
    }
}

struct OutFields<'a>(&'a [(Cow<'static, str>, RawJson)]);

impl Serialize for OutFields<'_> {
    fn serialize<Ser: Serializer>(&self, serializer: Ser) -> Result<Ser::Ok, Ser::Error> {
        let mut map = serializer.serialize_map(Some(self.0.len()))?;
        entries(&mut map, self.0)?;
        map.end()
    }
}
