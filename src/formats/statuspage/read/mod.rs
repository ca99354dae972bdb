//! Wire types -> validated model, with anomalies: a chain of named steps.
//!
//! [`document`] reads the page, its status and components, then each incident
//! and maintenance. An event is read field after field ([`event`]): its id and
//! name, the times and impacts it gives, its [`update`]s (each with its status,
//! id, times, body, tweet id and component [`changes`]), their order, its own
//! status against them, its [`components`], impact and schedule; the model
//! event is then built through [`Event::from_parts`](crate::Event::from_parts),
//! and what the payload says (milestones, component statuses, start) is checked
//! against it ([`checks`]). Each oddity is one helper in [`anomalies`].

mod anomalies;
mod changes;
mod checks;
mod components;
mod event;
mod keys;
mod list;
mod page;
pub(super) mod stream;
mod update;
mod webhook;

use std::borrow::Cow;
use std::collections::BTreeSet;
use std::str::FromStr;

use chrono::{DateTime, Utc};

use super::wire::{Other, Str, WireDocument};
use super::{
    Anomaly, BadEvents, Document, Fields, Limit, Limits, Location, RawJson, Shape, StatuspageError,
    UpdateExtras, ValueError,
};
use crate::id::{EventId, IdError};
use crate::status::{Impact, IncidentStatus, MaintenanceStatus, ParseStatusError};
use crate::update::Update;

impl Limits {
    /// The error for `found` over `limit`, if it is over.
    pub(crate) fn check(
        &self,
        limit: Limit,
        found: usize,
        at: Option<Box<Location>>,
    ) -> Result<(), StatuspageError> {
        let max = self.get(limit);
        if found <= max {
            return Ok(());
        }
        Err(StatuspageError::LimitExceeded {
            at,
            limit,
            found,
            max,
        })
    }
}

/// An update as read, with what the model does not keep.
type Read<S> = (Update<S>, UpdateExtras);

pub(crate) fn document(
    wire: WireDocument<'_, EventList>,
    limits: &Limits,
    bad_events: BadEvents,
) -> Result<Document, StatuspageError> {
    let mut cx = Cx {
        limits: *limits,
        bad_events,
        ..Cx::default()
    };
    let mut doc = cx.document(wire)?;
    cx.after_page_update(&doc);
    cx.finish(&mut doc);
    Ok(doc)
}

impl Cx {
    /// The document, its anomalies left in the context: the whole read, and
    /// the end of a streamed one ([`stream`]), whose context has read the
    /// streamed events.
    fn document(&mut self, wire: WireDocument<'_, EventList>) -> Result<Document, StatuspageError> {
        let cx = self;
        let shape = detect(&wire)?;
        cx.limits.check(Limit::Events, event_count(&wire), None)?;
        let mut doc = Document::new(shape);
        let WireDocument {
            page,
            status,
            mut components,
            incidents,
            scheduled_maintenances,
            incident,
            meta,
            component,
            component_update,
            mut bare,
            nulls,
            ..
        } = wire;
        if let Some(page) = page {
            doc.page = Some(cx.page(page)?);
        }
        cx.webhook_into(meta, component, component_update, &mut doc)?;
        if let Some(status) = status {
            doc.status = Some(cx.status(status)?);
        }
        if shape == Shape::BareIncident {
            // A bare incident's `components` are its own.
            bare.components = components.take().or(bare.components.take());
        }
        let empty_components = components.as_ref().is_some_and(Vec::is_empty);
        for (i, c) in components.into_iter().flatten().enumerate() {
            doc.components
                .push(cx.component(c, &Here::top(""), Some(i))?);
        }
        cx.take_list(incidents, &mut doc)?;
        cx.take_list(scheduled_maintenances, &mut doc)?;
        if let Some(w) = incident {
            cx.event_into(w, "incident", &mut doc)?;
        }
        if shape == Shape::BareIncident {
            cx.event_into(bare, "", &mut doc)?;
        } else {
            doc.other = cx.other(bare.other, &[], "top-level", &Here::top(""));
        }
        super::write::keep_top_level_given(&mut doc, &nulls, empty_components);
        Ok(doc)
    }
}

/// How many incidents and maintenances the document holds.
fn event_count(wire: &WireDocument<'_, EventList>) -> usize {
    [
        wire.incidents.as_ref(),
        wire.scheduled_maintenances.as_ref(),
    ]
    .into_iter()
    .flatten()
    .map(EventList::len)
    .sum::<usize>()
    .saturating_add(usize::from(wire.incident.is_some()))
}

fn detect(w: &WireDocument<'_, EventList>) -> Result<Shape, StatuspageError> {
    if let Some(what) = w.scalar {
        return Err(StatuspageError::UnknownShape {
            found: what.to_owned(),
        });
    }
    let shape = if w.is_array {
        Shape::IncidentList
    } else if w.component.is_some() || w.component_update.is_some() {
        Shape::ComponentWebhook
    } else if w.meta.is_some() && w.incident.is_some() {
        Shape::IncidentWebhook
    } else if w.incident.is_some() {
        Shape::Incident
    } else if w.status.is_some()
        && (w.incidents.is_some() || w.components.is_some() || w.scheduled_maintenances.is_some())
    {
        Shape::Summary
    } else if w.incidents.is_some() && w.scheduled_maintenances.is_some() {
        Shape::IncidentsAndMaintenances
    } else if w.incidents.is_some() {
        Shape::Incidents
    } else if w.scheduled_maintenances.is_some() {
        Shape::ScheduledMaintenances
    } else if w.has_bare_keys {
        Shape::BareIncident
    } else if w.components.is_some() {
        Shape::Components
    } else if w.status.is_some() {
        Shape::Status
    } else {
        let found = if w.keys.is_empty() {
            "an empty object".to_owned()
        } else {
            format!("an object with keys {}", quoted(&w.keys))
        };
        return Err(StatuspageError::UnknownShape { found });
    };
    check_unambiguous(w, shape)?;
    Ok(shape)
}

/// Refuses a document whose keys its shape would drop or could not write
/// back: an `incident` beside a list of incidents or maintenances, and keys of
/// an incident object beside the keys of another shape (`incidents`, a
/// summary's `status` and `components`, `incident`) or beside a `status`
/// indicator object (which the incident's own `status` would replace).
fn check_unambiguous(w: &WireDocument<'_, EventList>, shape: Shape) -> Result<(), StatuspageError> {
    let present = |key: &&str| match *key {
        "incident" => w.incident.is_some(),
        "incidents" => w.incidents.is_some(),
        "scheduled_maintenances" => w.scheduled_maintenances.is_some(),
        "components" => w.components.is_some(),
        _ => w.status.is_some(),
    };
    let containers: Vec<&str> = [
        "incident",
        "incidents",
        "scheduled_maintenances",
        "components",
        "status",
    ]
    .into_iter()
    .filter(present)
    .collect();
    let found =
        if w.incident.is_some() && (w.incidents.is_some() || w.scheduled_maintenances.is_some()) {
            format!("an object with {}", quoted(&containers))
        } else if w.has_bare_keys && (shape != Shape::BareIncident || w.status.is_some()) {
            format!(
                "an object with incident keys {} beside {}",
                quoted(&w.bare_keys),
                quoted(&containers)
            )
        } else {
            return Ok(());
        };
    Err(StatuspageError::UnknownShape { found })
}

/// `keys`, quoted and joined with commas.
fn quoted<K: AsRef<str>>(keys: &[K]) -> String {
    let keys: Vec<String> = keys.iter().map(|k| format!("{:?}", k.as_ref())).collect();
    keys.join(", ")
}

/// How the lists of a document are read: under the limits and the policy for
/// bad events of the read.
#[derive(Clone, Copy)]
pub(crate) struct ListSeed {
    limits: Limits,
    bad_events: BadEvents,
}

impl ListSeed {
    /// Lists read under `limits` and `bad_events`.
    pub(crate) fn new(limits: Limits, bad_events: BadEvents) -> Self {
        ListSeed { limits, bad_events }
    }
}

/// A list of events, read ([`list`]): what [`Cx::document`] takes.
pub(crate) struct EventList {
    /// The number of elements (read or not), for [`Limit::Events`](super::super::Limit::Events).
    len: usize,
    /// The records read (and the events skipped), in list order.
    doc: Document,
    /// The anomalies and timestamp formats of the events read.
    cx: Cx,
    /// The first error that refuses the document; no event is read after it.
    error: Option<StatuspageError>,
}

impl Default for EventList {
    fn default() -> Self {
        EventList {
            len: 0,
            doc: Document::new(Shape::Incidents),
            cx: Cx::default(),
            error: None,
        }
    }
}

impl EventList {
    /// The number of events of the list.
    pub(crate) fn len(&self) -> usize {
        self.len
    }
}

/// Where the reader is: enough to name a bad value, built into a [`Location`]
/// only on error.
#[derive(Clone, Copy)]
struct Here<'a> {
    container: &'a str,
    incident: Option<&'a EventId>,
    update: Option<(usize, &'a str)>,
}

impl<'a> Here<'a> {
    fn top(container: &'a str) -> Self {
        Here {
            container,
            incident: None,
            update: None,
        }
    }

    fn at(&self, field: &str) -> Box<Location> {
        Box::new(Location {
            container: self.container.to_owned(),
            incident: self.incident.cloned(),
            update: self.update.map(|(position, id)| (position, id.to_owned())),
            field: field.to_owned(),
        })
    }

    /// A [`StatuspageError::BadValue`] here: `field` is missing or null.
    fn missing(&self, field: &str, what: impl Into<String>) -> StatuspageError {
        StatuspageError::BadValue {
            at: self.at(field),
            problem: ValueError::Missing(what.into()),
        }
    }

    /// A [`StatuspageError::BadValue`] here: the model refuses the id in `field`.
    fn bad_id(&self, field: &str, err: IdError) -> StatuspageError {
        StatuspageError::BadValue {
            at: self.at(field),
            problem: ValueError::Id(err),
        }
    }
}

/// What an event object says about itself beside its updates, read before
/// them: its times and impacts.
struct Given {
    created_at: Option<DateTime<Utc>>,
    updated_at: Option<DateTime<Utc>>,
    started_at: Option<DateTime<Utc>>,
    monitoring_at: Option<DateTime<Utc>>,
    resolved_at: Option<DateTime<Utc>>,
    scheduled_for: Option<DateTime<Utc>>,
    scheduled_until: Option<DateTime<Utc>>,
    impact_override: Option<Impact>,
    impact: Option<Impact>,
}

/// The reading context: the limits, the anomalies and the formats of the
/// timestamps seen so far.
#[derive(Default)]
struct Cx {
    limits: Limits,
    bad_events: BadEvents,
    anomalies: Vec<Anomaly>,
    /// The component ids read so far, shared by every change and component
    /// that names one (an id repeats in every update that changes it).
    component_ids: foldhash::HashSet<crate::id::ComponentId>,
    /// The short values kept verbatim so far, shared by every equal one (a
    /// component's `position`, `showcase` and `page_id` repeat in every
    /// event that lists it).
    raw_values: foldhash::HashSet<std::sync::Arc<str>>,
    offsets: BTreeSet<String>,
    whole_seconds: usize,
    fractional_seconds: usize,
}

fn parse<T: FromStr<Err = ParseStatusError>>(
    value: &str,
    here: &Here<'_>,
    field: &str,
) -> Result<T, StatuspageError> {
    parse_lazy(value, here, || field.to_owned())
}

/// [`parse`] with a field name that is only built on error.
fn parse_lazy<T: FromStr<Err = ParseStatusError>>(
    value: &str,
    here: &Here<'_>,
    field: impl FnOnce() -> String,
) -> Result<T, StatuspageError> {
    value
        .parse()
        .map_err(|source| StatuspageError::UnknownStatus {
            at: here.at(&field()),
            source,
        })
}

/// [`parse`] of a value that may be absent.
fn parse_opt<T: FromStr<Err = ParseStatusError>>(
    value: Option<&Str<'_>>,
    here: &Here<'_>,
    field: &str,
) -> Result<Option<T>, StatuspageError> {
    value.map(|v| parse(&v.0, here, field)).transpose()
}

fn text(value: Option<Str<'_>>) -> Option<String> {
    value.map(|s| s.0.into_owned())
}

/// Whether either lifecycle knows `status`.
fn is_any_status(status: &str) -> bool {
    is_status_of::<IncidentStatus>(status) || is_status_of::<MaintenanceStatus>(status)
}

/// Whether `status` is a status of `S` (without the error a parse would
/// allocate: each event is asked of both lifecycles).
fn is_status_of<S: crate::policy::Lifecycle>(status: &str) -> bool {
    S::ALL.iter().any(|s| s.as_str() == status)
}

fn is_statuspage_id(id: &str) -> bool {
    id.len() == 12
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
}

/// The most entries each of the context's shared ids and values holds: when
/// full it starts again, so that a streamed read of any length keeps what it
/// shares bounded.
const SHARED_ENTRIES: usize = 4096;

/// The longest value kept verbatim that is shared (longer ones seldom repeat).
const SHARED_BYTES: usize = 64;

/// Shares `value` from here on (the set emptied first when it holds
/// [`SHARED_ENTRIES`]).
fn share<T: Clone + Eq + std::hash::Hash>(set: &mut foldhash::HashSet<T>, value: &T) {
    if set.len() >= SHARED_ENTRIES {
        set.clear();
    }
    set.insert(value.clone());
}

impl Cx {
    /// The id `code`, shared with every earlier use of it.
    fn component_id(&mut self, code: &str) -> Result<crate::id::ComponentId, IdError> {
        if let Some(id) = self.component_ids.get(code) {
            return Ok(id.clone());
        }
        let id = crate::id::ComponentId::new(code)?;
        share(&mut self.component_ids, &id);
        Ok(id)
    }

    /// `value` verbatim, its text shared with every equal short value.
    fn raw(&mut self, value: &serde_json::value::RawValue) -> RawJson {
        let text = value.get();
        if text.len() > SHARED_BYTES {
            return RawJson::from_raw(value);
        }
        if let Some(shared) = self.raw_values.get(text) {
            return RawJson::shared(shared.clone());
        }
        let shared: std::sync::Arc<str> = text.into();
        share(&mut self.raw_values, &shared);
        RawJson::shared(shared)
    }

    fn push(&mut self, anomaly: Anomaly) {
        self.anomalies.push(anomaly);
    }

    /// Reads the timestamp in `field`, noting its offset and precision; a
    /// [`StatuspageError::BadTimestamp`] if it is not RFC 3339 or not
    /// [`writable`](crate::time::writable).
    fn time(
        &mut self,
        value: &str,
        here: &Here<'_>,
        field: &str,
    ) -> Result<DateTime<Utc>, StatuspageError> {
        self.time_lazy(value, here, || field.to_owned())
    }

    /// [`Cx::time`] with a field name that is only built on error.
    fn time_lazy(
        &mut self,
        value: &str,
        here: &Here<'_>,
        field: impl FnOnce() -> String,
    ) -> Result<DateTime<Utc>, StatuspageError> {
        // An instant outside years 0000-9999 in UTC could not be written back.
        let parsed = crate::time::parse_rfc3339(value)
            .ok()
            .filter(|t| crate::time::writable(t.with_timezone(&Utc)))
            .ok_or_else(|| StatuspageError::BadTimestamp {
                at: here.at(&field()),
                value: value.to_owned(),
            })?;
        let offset = if value.ends_with(['Z', 'z']) {
            "Z"
        } else {
            value.get(value.len().saturating_sub(6)..).unwrap_or("")
        };
        if !self.offsets.contains(offset) {
            self.offsets.insert(offset.to_owned());
        }
        // "YYYY-MM-DDTHH:MM:SS" is 19 bytes; a fraction follows as ".".
        if value.get(19..).is_some_and(|rest| rest.starts_with('.')) {
            self.fractional_seconds = self.fractional_seconds.saturating_add(1);
        } else {
            self.whole_seconds = self.whole_seconds.saturating_add(1);
        }
        Ok(parsed.with_timezone(&Utc))
    }

    fn opt_time(
        &mut self,
        value: Option<&Str<'_>>,
        here: &Here<'_>,
        field: &str,
    ) -> Result<Option<DateTime<Utc>>, StatuspageError> {
        value.map(|v| self.time(&v.0, here, field)).transpose()
    }

    /// Keeps `other` verbatim, reporting keys the schema does not list and
    /// documented time fields of the wrong type.
    fn other(
        &mut self,
        other: Other<'_>,
        known: &'static [&'static str],
        what: &str,
        here: &Here<'_>,
    ) -> Fields {
        let mut fields = Fields::with_capacity(other.len());
        for (key, value) in other {
            let raw = value.get();
            // Documented keys are named by the static list: no allocation.
            let key: Cow<'static, str> = match known.iter().find(|k| **k == key.0) {
                Some(&known) => {
                    if keys::TIME.contains(&known) && !(raw == "null" || raw.starts_with('"')) {
                        self.push(anomalies::not_a_timestamp(here.incident, what, known, raw));
                    } else if known == "reminder_intervals" && raw.starts_with('"') {
                        self.push(anomalies::reminder_intervals_string(here.incident, raw));
                    }
                    Cow::Borrowed(known)
                }
                None => {
                    self.push(anomalies::unknown_field(here.incident, what, &key.0));
                    Cow::Owned(key.0.into_owned())
                }
            };
            fields.push((key, self.raw(value)));
        }
        fields
    }

    /// Events created after the page's `updated_at` (a spliced document).
    fn after_page_update(&mut self, doc: &Document) {
        let Some(page_updated_at) = doc.page.as_ref().and_then(|p| p.updated_at) else {
            return;
        };
        let created = doc
            .incidents
            .iter()
            .map(|r| (r.event.id(), r.event.created_at()))
            .chain(
                doc.maintenances
                    .iter()
                    .map(|r| (r.event.id(), r.event.created_at())),
            );
        for (id, created_at) in created {
            if created_at > page_updated_at {
                let anomaly = anomalies::after_page_update(id, created_at, page_updated_at);
                self.anomalies.push(anomaly);
            }
        }
    }

    /// The document-wide anomalies, then every anomaly into `doc`.
    fn finish(&mut self, doc: &mut Document) {
        if self.offsets.len() > 1 {
            let offsets: Vec<&str> = self.offsets.iter().map(String::as_str).collect();
            let anomaly = anomalies::mixed_offsets(&offsets);
            self.push(anomaly);
        }
        if self.whole_seconds > 0 && self.fractional_seconds > 0 {
            let anomaly = anomalies::mixed_precision(self.whole_seconds, self.fractional_seconds);
            self.push(anomaly);
        }
        doc.anomalies = std::mem::take(&mut self.anomalies);
    }
}
