//! Model -> Statuspage JSON.
//!
//! Every object is written with the keys of the documented schema (null when
//! unknown) and then the extras kept verbatim; updates newest-first, as
//! Statuspage sends them.

use std::borrow::Cow;
use std::collections::HashMap;

use chrono::{DateTime, SecondsFormat, Utc};
use serde::ser::{Error as _, SerializeMap, SerializeSeq, Serializer};
use serde::Serialize;
use serde_json::value::RawValue;

use super::{
    Document, Extras, Page, PageComponent, PageStatus, RawJson, Record, Shape, StatuspageError,
    TweetId, UpdateExtras,
};
use crate::id::ComponentId;
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
            Shape::BareIncident | Shape::Incident if count != 1 => {
                Err(StatuspageError::WrongShape {
                    expected: Shape::Incidents,
                    found: self.shape,
                })
            }
            Shape::Components | Shape::Status if count != 0 => Err(StatuspageError::WrongShape {
                expected: Shape::Incidents,
                found: self.shape,
            }),
            Shape::BareIncident => match (self.incidents.first(), self.maintenances.first()) {
                (Some(incident), _) => to_string(&OutBare(self.page.as_ref(), incident)),
                (None, Some(maintenance)) => to_string(&OutBare(self.page.as_ref(), maintenance)),
                (None, None) => Err(StatuspageError::WrongShape {
                    expected: Shape::Incidents,
                    found: self.shape,
                }),
            },
            Shape::IncidentList => to_string(&OutEvents(self, true)),
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

fn entries<M: SerializeMap>(
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
        // Page components beside incidents or an incident, as read.
        let own_components = matches!(doc.shape, Shape::Summary | Shape::Components);
        if !own_components && !doc.components.is_empty() {
            map.serialize_entry("components", &OutPageComponents(&doc.components))?;
        }
        match doc.shape {
            Shape::Summary => {
                map.serialize_entry("components", &OutPageComponents(&doc.components))?;
                map.serialize_entry("incidents", &OutList(&doc.incidents))?;
                map.serialize_entry("scheduled_maintenances", &OutList(&doc.maintenances))?;
            }
            Shape::ScheduledMaintenances => {
                map.serialize_entry("scheduled_maintenances", &OutEvents(doc, false))?;
            }
            Shape::Incident => {
                if let Some(incident) = doc.incidents.first() {
                    map.serialize_entry("incident", &OutEvent(incident))?;
                } else if let Some(maintenance) = doc.maintenances.first() {
                    map.serialize_entry("incident", &OutEvent(maintenance))?;
                }
            }
            Shape::Components => {
                map.serialize_entry("components", &OutPageComponents(&doc.components))?;
            }
            Shape::Status => {}
            _ => map.serialize_entry("incidents", &OutEvents(doc, true))?,
        }
        if let (Some(status), Shape::Summary | Shape::Status) = (&doc.status, doc.shape) {
            map.serialize_entry("status", &OutStatus(status))?;
        }
        entries(&mut map, &doc.other)?;
        map.end()
    }
}

/// Incidents then maintenances (or maintenances then incidents), in one list.
struct OutEvents<'a>(&'a Document, bool);

impl Serialize for OutEvents<'_> {
    fn serialize<Ser: Serializer>(&self, serializer: Ser) -> Result<Ser::Ok, Ser::Error> {
        let (doc, incidents_first) = (self.0, self.1);
        let mut seq = serializer.serialize_seq(Some(
            doc.incidents.len().saturating_add(doc.maintenances.len()),
        ))?;
        if incidents_first {
            for r in &doc.incidents {
                seq.serialize_element(&OutEvent(r))?;
            }
        }
        for r in &doc.maintenances {
            seq.serialize_element(&OutEvent(r))?;
        }
        if !incidents_first {
            for r in &doc.incidents {
                seq.serialize_element(&OutEvent(r))?;
            }
        }
        seq.end()
    }
}

struct OutList<'a, S: Lifecycle>(&'a [Record<S>]);

impl<S: Lifecycle> Serialize for OutList<'_, S> {
    fn serialize<Ser: Serializer>(&self, serializer: Ser) -> Result<Ser::Ok, Ser::Error> {
        serializer.collect_seq(self.0.iter().map(OutEvent))
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
        map.serialize_entry("description", &status.description)?;
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
        map.serialize_entry("id", self.component.id.as_str())?;
        map.serialize_entry("name", &self.component.name)?;
        if let Some(status) = self.status {
            map.serialize_entry("status", status.as_str())?;
        }
        // A `group_id` that is no id is kept verbatim.
        let kept_group_id = self
            .kept
            .is_some_and(|k| k.other.iter().any(|(key, _)| key == "group_id"));
        if !kept_group_id {
            map.serialize_entry(
                "group_id",
                &self.component.group_id.as_ref().map(ComponentId::as_str),
            )?;
        }
        if let Some(kept) = self.kept {
            if let Some(group) = kept.group {
                map.serialize_entry("group", &group)?;
            }
            entries(&mut map, &kept.other)?;
        }
        map.end()
    }
}

struct OutEvent<'a, S: Lifecycle>(&'a Record<S>);

impl<S: Lifecycle> Serialize for OutEvent<'_, S> {
    fn serialize<Ser: Serializer>(&self, serializer: Ser) -> Result<Ser::Ok, Ser::Error> {
        OutBare(None, self.0).serialize(serializer)
    }
}

/// An event object, after the page it was read beside (a bare incident with a
/// top-level `page`).
struct OutBare<'a, S: Lifecycle>(Option<&'a Page>, &'a Record<S>);

impl<S: Lifecycle> Serialize for OutBare<'_, S> {
    fn serialize<Ser: Serializer>(&self, serializer: Ser) -> Result<Ser::Ok, Ser::Error> {
        let mut map = serializer.serialize_map(None)?;
        if let Some(page) = self.0 {
            map.serialize_entry("page", &OutPage(page))?;
        }
        event_entries(&mut map, self.1)?;
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
    let latest = event
        .updates()
        .iter()
        .map(|u| u.created_at().max(u.display_at()))
        .max()
        .unwrap_or(event.created_at());
    map.serialize_entry("id", event.id().as_str())?;
    map.serialize_entry("name", event.name())?;
    map.serialize_entry("status", event.status().as_str())?;
    map.serialize_entry("created_at", &timestamp(event.created_at()))?;
    map.serialize_entry(
        "updated_at",
        &timestamp(extras.updated_at.unwrap_or(latest)),
    )?;
    map.serialize_entry("monitoring_at", &event.monitoring_at().map(timestamp))?;
    map.serialize_entry("resolved_at", &event.resolved_at().map(timestamp))?;
    match extras.calculated_impact {
        Some(calculated) => {
            map.serialize_entry("impact", calculated.as_str())?;
            map.serialize_entry("impact_override", event.impact().as_str())?;
        }
        None => map.serialize_entry("impact", event.impact().as_str())?,
    }
    map.serialize_entry("shortlink", &extras.shortlink)?;
    map.serialize_entry("started_at", &event.started_at().map(timestamp))?;
    map.serialize_entry("page_id", &extras.page_id)?;
    map.serialize_entry("incident_updates", &OutUpdates(record))?;
    map.serialize_entry("components", &OutEventComponents(record))?;
    if let Some(schedule) = event.schedule() {
        map.serialize_entry("scheduled_for", &timestamp(schedule.scheduled_for))?;
        map.serialize_entry("scheduled_until", &timestamp(schedule.scheduled_until))?;
    }
    if let Some(body) = &extras.postmortem_body {
        map.serialize_entry("postmortem_body", body)?;
    }
    if let Some(published) = extras.postmortem_published_at {
        map.serialize_entry("postmortem_published_at", &timestamp(published))?;
    }
    entries(map, &extras.other)
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
        let kept = update_extras(extras);
        let mut seq = serializer.serialize_seq(Some(event.updates().len()))?;
        for update in event.updates().iter().rev() {
            let extras = kept.get(update.id().as_str()).copied();
            seq.serialize_element(&OutUpdate {
                incident: event.id().as_str(),
                update,
                extras,
            })?;
        }
        seq.end()
    }
}

fn update_extras(extras: &Extras) -> HashMap<&str, &UpdateExtras> {
    extras.updates.iter().map(|u| (u.id.as_str(), u)).collect()
}

struct OutUpdate<'a, S> {
    incident: &'a str,
    update: &'a crate::Update<S>,
    extras: Option<&'a UpdateExtras>,
}

impl<S: Lifecycle> Serialize for OutUpdate<'_, S> {
    fn serialize<Ser: Serializer>(&self, serializer: Ser) -> Result<Ser::Ok, Ser::Error> {
        let update = self.update;
        let other: &[(Cow<'static, str>, RawJson)] = self.extras.map_or(&[], |e| &e.other);
        let has = |key: &str| other.iter().any(|(k, _)| k == key);
        let mut map = serializer.serialize_map(None)?;
        map.serialize_entry("id", update.id().as_str())?;
        map.serialize_entry("status", update.status().as_str())?;
        map.serialize_entry("body", update.body())?;
        map.serialize_entry("incident_id", self.incident)?;
        map.serialize_entry("created_at", &timestamp(update.created_at()))?;
        let updated_at = self
            .extras
            .and_then(|e| e.updated_at)
            .unwrap_or(update.created_at());
        map.serialize_entry("updated_at", &timestamp(updated_at))?;
        map.serialize_entry("display_at", &timestamp(update.display_at()))?;
        map.serialize_entry("affected_components", &OutAffected(update, self.extras))?;
        let deliver = self.extras.and_then(|e| e.deliver_notifications);
        map.serialize_entry("deliver_notifications", &deliver.unwrap_or(false))?;
        let custom_tweet = self.extras.and_then(|e| e.custom_tweet.as_deref());
        map.serialize_entry("custom_tweet", &custom_tweet)?;
        if !has("tweet_id") {
            match self.extras.and_then(|e| e.tweet_id.as_ref()) {
                Some(TweetId::Number(n)) => map.serialize_entry("tweet_id", n)?,
                Some(TweetId::Text(s)) => map.serialize_entry("tweet_id", s)?,
                None => map.serialize_entry("tweet_id", &None::<&str>)?,
            }
        }
        entries(&mut map, other)?;
        map.end()
    }
}

/// Component changes then placeholders; null when there are none (as Statuspage).
struct OutAffected<'a, S>(&'a crate::Update<S>, Option<&'a UpdateExtras>);

impl<S: Lifecycle> Serialize for OutAffected<'_, S> {
    fn serialize<Ser: Serializer>(&self, serializer: Ser) -> Result<Ser::Ok, Ser::Error> {
        let changes = self.0.component_changes();
        let placeholders = self.1.map_or(&[][..], |e| &e.placeholders[..]);
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
