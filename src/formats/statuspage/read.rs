//! Wire types -> validated model, with anomalies.

use std::borrow::Cow;
use std::collections::{BTreeSet, HashSet};
use std::str::FromStr;

use chrono::{DateTime, TimeDelta, Utc};

use super::wire::{Other, Str, WireComponent, WireDocument, WireIncident, WirePage, WireStatus};
use super::{
    Anomaly, AnomalyKind, Document, Extras, Fields, Limit, Limits, Location, Page, PageComponent,
    PageStatus, RawJson, Record, Shape, StatuspageError, TweetId, UpdateExtras,
};
use crate::builder::{EventParts, Schedule, ValidationError};
use crate::component::Component;
use crate::event::Event;
use crate::id::{ComponentId, EventId, UpdateId};
use crate::policy::{Lifecycle, Policy};
use crate::status::ParseStatusError;
use crate::status::{ComponentStatus, Impact, IncidentStatus, MaintenanceStatus};
use crate::update::{ComponentChange, Update};

/// The keys the documented schema lists, per object; any other is an
/// [`AnomalyKind::UnknownField`].
const PAGE_KEYS: &[&str] = &["id", "name", "url", "time_zone", "updated_at"];
const STATUS_KEYS: &[&str] = &["indicator", "description"];
const COMPONENT_KEYS: &[&str] = &[
    "id",
    "page_id",
    "group_id",
    "created_at",
    "updated_at",
    "group",
    "name",
    "description",
    "position",
    "status",
    "showcase",
    "only_show_if_degraded",
    "automation_email",
    "start_date",
    "components",
];
const AFFECTED_KEYS: &[&str] = &["code", "name", "old_status", "new_status"];
const UPDATE_KEYS: &[&str] = &[
    "id",
    "incident_id",
    "status",
    "body",
    "created_at",
    "updated_at",
    "display_at",
    "affected_components",
    "deliver_notifications",
    "custom_tweet",
    "tweet_id",
    "twitter_updated_at",
    "wants_twitter_update",
];
const INCIDENT_KEYS: &[&str] = &[
    "id",
    "name",
    "status",
    "impact",
    "impact_override",
    "created_at",
    "updated_at",
    "started_at",
    "monitoring_at",
    "resolved_at",
    "shortlink",
    "page_id",
    "incident_updates",
    "components",
    "reminder_intervals",
    "postmortem_body",
    "postmortem_body_last_updated_at",
    "postmortem_ignored",
    "postmortem_notified_subscribers",
    "postmortem_notified_twitter",
    "postmortem_published_at",
    "scheduled_for",
    "scheduled_until",
    "scheduled_remind_prior",
    "scheduled_reminded_at",
    "scheduled_auto_in_progress",
    "scheduled_auto_completed",
    "auto_transition_to_maintenance_state",
    "auto_transition_to_operational_state",
    "auto_transition_deliver_notifications_at_start",
    "auto_transition_deliver_notifications_at_end",
    "metadata",
];
/// Documented keys whose value is a timestamp or null.
const TIME_KEYS: &[&str] = &[
    "postmortem_published_at",
    "postmortem_body_last_updated_at",
    "scheduled_reminded_at",
    "twitter_updated_at",
];

/// Payload milestones within this distance of the model's agree.
const MILESTONE_TOLERANCE: TimeDelta = TimeDelta::seconds(1);
/// Integers above this lose precision in an `f64`.
const F64_EXACT: u64 = 1 << 53;

pub(crate) fn document(
    wire: WireDocument<'_>,
    limits: &Limits,
) -> Result<Document, StatuspageError> {
    let shape = detect(&wire)?;
    let events = [
        wire.incidents.as_ref(),
        wire.scheduled_maintenances.as_ref(),
    ]
    .into_iter()
    .flatten()
    .map(Vec::len)
    .sum::<usize>()
    .saturating_add(usize::from(wire.incident.is_some()));
    limits.check(Limit::Events, events, None)?;
    let mut cx = Cx {
        limits: *limits,
        ..Cx::default()
    };
    let mut doc = Document::new(shape);
    let WireDocument {
        page,
        status,
        components,
        incidents,
        scheduled_maintenances,
        incident,
        mut bare,
        ..
    } = wire;
    if let Some(page) = page {
        doc.page = Some(cx.page(page)?);
    }
    if let Some(status) = status {
        doc.status = Some(cx.status(status)?);
    }
    let mut components = components;
    if shape == Shape::BareIncident {
        // A bare incident's `components` are its own.
        bare.components = components.take().or(bare.components.take());
    }
    for (i, c) in components.into_iter().flatten().enumerate() {
        doc.components
            .push(cx.component(c, &Here::top(""), Some(i))?);
    }
    let list_name = if shape == Shape::IncidentList {
        ""
    } else {
        "incidents"
    };
    for (i, w) in incidents.into_iter().flatten().enumerate() {
        cx.event_into(w, &format!("{list_name}[{i}]"), &mut doc)?;
    }
    for (i, w) in scheduled_maintenances.into_iter().flatten().enumerate() {
        cx.event_into(w, &format!("scheduled_maintenances[{i}]"), &mut doc)?;
    }
    if let Some(w) = incident {
        cx.event_into(w, "incident", &mut doc)?;
    }
    if shape == Shape::BareIncident {
        cx.event_into(bare, "", &mut doc)?;
    } else {
        doc.other = cx.other(bare.other, &[], "top-level", &Here::top(""));
    }
    if let Some(page_updated_at) = doc.page.as_ref().and_then(|p| p.updated_at) {
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
                let detail = format!(
                    "created_at {} is after the page's updated_at {}",
                    show(Some(created_at)),
                    show(Some(page_updated_at))
                );
                cx.anomaly(AnomalyKind::AfterPageUpdate, Some(id), None, detail);
            }
        }
    }
    cx.finish(&mut doc);
    Ok(doc)
}

fn detect(w: &WireDocument<'_>) -> Result<Shape, StatuspageError> {
    if let Some(what) = w.scalar {
        return Err(StatuspageError::UnknownShape {
            found: what.to_owned(),
        });
    }
    let shape = if w.is_array {
        Shape::IncidentList
    } else if w.incident.is_some() {
        Shape::Incident
    } else if w.status.is_some()
        && (w.incidents.is_some() || w.components.is_some() || w.scheduled_maintenances.is_some())
    {
        Shape::Summary
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
            let keys: Vec<String> = w.keys.iter().map(|k| format!("{k:?}")).collect();
            format!("an object with keys {}", keys.join(", "))
        };
        return Err(StatuspageError::UnknownShape { found });
    };
    Ok(shape)
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
}

/// The reading context: anomalies and the formats of timestamps seen so far.
#[derive(Default)]
struct Cx {
    limits: Limits,
    anomalies: Vec<Anomaly>,
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

fn text(value: Option<Str<'_>>) -> Option<String> {
    value.map(|s| s.0.into_owned())
}

/// Whether either lifecycle knows `status`.
fn is_any_status(status: &str) -> bool {
    status.parse::<IncidentStatus>().is_ok() || status.parse::<MaintenanceStatus>().is_ok()
}

fn is_statuspage_id(id: &str) -> bool {
    id.len() == 12
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
}

fn is_ulid(id: &str) -> bool {
    id.len() == 26
        && id
            .bytes()
            .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit())
}

fn close(a: DateTime<Utc>, b: DateTime<Utc>) -> bool {
    a.signed_duration_since(b).abs() <= MILESTONE_TOLERANCE
}

fn show(t: Option<DateTime<Utc>>) -> String {
    t.map_or_else(|| "null".to_owned(), super::write::timestamp)
}

/// Whether an update's statuses say maintenance, by the first status that either
/// lifecycle knows; then the object's own status, impact and schedule.
fn is_maintenance(w: &WireIncident<'_>) -> bool {
    let statuses = w
        .incident_updates
        .iter()
        .flatten()
        .filter_map(|u| u.status.as_ref())
        .chain(w.status.as_ref());
    for status in statuses {
        if status.0.parse::<MaintenanceStatus>().is_ok() {
            return true;
        }
        if status.0.parse::<IncidentStatus>().is_ok() {
            return false;
        }
    }
    w.impact.as_ref().is_some_and(|i| i.0 == "maintenance") || w.scheduled_for.is_some()
}

impl Cx {
    fn anomaly(
        &mut self,
        kind: AnomalyKind,
        incident: Option<&EventId>,
        update: Option<&UpdateId>,
        detail: String,
    ) {
        self.anomalies.push(Anomaly {
            kind,
            incident: incident.cloned(),
            update: update.cloned(),
            detail,
        });
    }

    fn time(
        &mut self,
        value: &str,
        here: &Here<'_>,
        field: &str,
    ) -> Result<DateTime<Utc>, StatuspageError> {
        let parsed =
            DateTime::parse_from_rfc3339(value).map_err(|_| StatuspageError::BadTimestamp {
                at: here.at(field),
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
            // Documented keys are named by the static list: no allocation.
            let key: Cow<'static, str> = match known.iter().find(|k| **k == key.0) {
                Some(known) => Cow::Borrowed(*known),
                None => Cow::Owned(key.0.into_owned()),
            };
            let raw = value.get();
            if !known.contains(&&*key) {
                self.anomaly(
                    AnomalyKind::UnknownField,
                    here.incident,
                    None,
                    format!("{what} key {key:?} is not in the documented schema; kept verbatim"),
                );
            } else if TIME_KEYS.contains(&&*key) && !(raw == "null" || raw.starts_with('"')) {
                self.anomaly(
                    AnomalyKind::WrongFieldType,
                    here.incident,
                    None,
                    format!(
                        "{what} key {key:?} should be a timestamp or null, is {raw}; kept verbatim"
                    ),
                );
            } else if key == "reminder_intervals" && raw.starts_with('"') {
                self.anomaly(
                    AnomalyKind::ReminderIntervalsString,
                    here.incident,
                    None,
                    format!(
                        "reminder_intervals is the string {raw} instead of an array; kept verbatim"
                    ),
                );
            }
            fields.push((key, RawJson::from_raw(value)));
        }
        fields
    }

    fn page(&mut self, w: WirePage<'_>) -> Result<Page, StatuspageError> {
        let here = Here::top("page");
        let updated_at = self.opt_time(w.updated_at.as_ref(), &here, "updated_at")?;
        Ok(Page {
            id: text(w.id),
            name: text(w.name),
            url: text(w.url),
            time_zone: text(w.time_zone),
            updated_at,
            other: self.other(w.other, PAGE_KEYS, "page", &here),
        })
    }

    fn status(&mut self, w: WireStatus<'_>) -> Result<PageStatus, StatuspageError> {
        let here = Here::top("status");
        let indicator = match &w.indicator {
            Some(i) => parse(&i.0, &here, "indicator")?,
            None => {
                return Err(StatuspageError::BadValue {
                    at: here.at("indicator"),
                    message: "missing status indicator".to_owned(),
                })
            }
        };
        let description = text(w.description).unwrap_or_default();
        Ok(PageStatus {
            indicator,
            description,
            other: self.other(w.other, STATUS_KEYS, "status", &here),
        })
    }

    fn component(
        &mut self,
        w: WireComponent<'_>,
        here: &Here<'_>,
        position: Option<usize>,
    ) -> Result<PageComponent, StatuspageError> {
        // Fields are named `components[j].field`.
        let field = |name: &str| match position {
            Some(j) => format!("components[{j}].{name}"),
            None => name.to_owned(),
        };
        let id =
            w.id.as_ref()
                .and_then(|id| ComponentId::new(id.0.as_ref()).ok())
                .ok_or_else(|| StatuspageError::BadValue {
                    at: here.at(&field("id")),
                    message: "missing component id".to_owned(),
                })?;
        let status = match &w.status {
            Some(s) => Some(parse_lazy::<ComponentStatus>(&s.0, here, || {
                field("status")
            })?),
            None => None,
        };
        let name = match w.name {
            Some(name) => name.0.into_owned(),
            None => {
                self.anomaly(
                    AnomalyKind::MissingField,
                    here.incident,
                    None,
                    format!("component {:?} has no name; its id is used", id.as_str()),
                );
                id.as_str().to_owned()
            }
        };
        let group_id = w
            .group_id
            .and_then(|g| ComponentId::new(g.0.into_owned()).ok());
        Ok(PageComponent {
            component: Component { id, name, group_id },
            status,
            group: w.group,
            other: self.other(w.other, COMPONENT_KEYS, "component", here),
        })
    }

    fn event_into(
        &mut self,
        w: WireIncident<'_>,
        container: &str,
        doc: &mut Document,
    ) -> Result<(), StatuspageError> {
        if is_maintenance(&w) {
            let record = self.event::<MaintenanceStatus>(w, container)?;
            doc.maintenances.push(record);
        } else {
            let record = self.event::<IncidentStatus>(w, container)?;
            doc.incidents.push(record);
        }
        Ok(())
    }

    #[allow(clippy::too_many_lines)] // one pass over an incident, in field order
    fn event<S: Lifecycle>(
        &mut self,
        w: WireIncident<'_>,
        container: &str,
    ) -> Result<Record<S>, StatuspageError> {
        let top = Here::top(container);
        let id = match &w.id {
            Some(id) => EventId::new(id.0.as_ref()).map_err(|err| StatuspageError::BadValue {
                at: top.at("id"),
                message: err.to_string(),
            })?,
            None => {
                return Err(StatuspageError::BadValue {
                    at: top.at("id"),
                    message: format!("missing {} id", S::KIND),
                })
            }
        };
        let here = Here {
            incident: Some(&id),
            ..top
        };
        let inc = Some(&id);

        let name = match w.name {
            Some(name) => name.0.into_owned(),
            None => {
                self.anomaly(
                    AnomalyKind::MissingField,
                    inc,
                    None,
                    "name is missing; empty name used".to_owned(),
                );
                String::new()
            }
        };
        let created_at = self.opt_time(w.created_at.as_ref(), &here, "created_at")?;
        let updated_at = self.opt_time(w.updated_at.as_ref(), &here, "updated_at")?;
        let started_at = self.opt_time(w.started_at.as_ref(), &here, "started_at")?;
        let given_monitoring_at =
            self.opt_time(w.monitoring_at.as_ref(), &here, "monitoring_at")?;
        let given_resolved_at = self.opt_time(w.resolved_at.as_ref(), &here, "resolved_at")?;
        let scheduled_for = self.opt_time(w.scheduled_for.as_ref(), &here, "scheduled_for")?;
        let scheduled_until =
            self.opt_time(w.scheduled_until.as_ref(), &here, "scheduled_until")?;
        let impact_override = match &w.impact_override {
            Some(i) => Some(parse::<Impact>(&i.0, &here, "impact_override")?),
            None => None,
        };
        let given_impact = match &w.impact {
            Some(i) => Some(parse::<Impact>(&i.0, &here, "impact")?),
            None => None,
        };

        // Updates, in input order first.
        let wire_updates = w.incident_updates.unwrap_or_default();
        self.limits.check(
            Limit::UpdatesPerEvent,
            wire_updates.len(),
            Some(here.at("incident_updates")),
        )?;
        let mut updates: Vec<(Update<S>, UpdateExtras)> = Vec::with_capacity(wire_updates.len());
        let mut group_prefixed: HashSet<ComponentId> = HashSet::new();
        let mut foreign_update_ids = 0usize;
        for (index, u) in wire_updates.into_iter().enumerate() {
            let given_id: &str = u.id.as_ref().map_or("", |s| &s.0);
            let here = Here {
                update: Some((index, given_id)),
                ..here
            };
            let status: S = match &u.status {
                Some(s) => match s.0.parse::<S>() {
                    Ok(status) => status,
                    Err(source) if is_any_status(&s.0) => {
                        return Err(StatuspageError::BadValue {
                            at: here.at("status"),
                            message: format!(
                                "{:?} is not in the {} lifecycle: the updates mix incident and maintenance statuses ({})",
                                s.0,
                                S::KIND,
                                source
                            ),
                        })
                    }
                    Err(source) => {
                        return Err(StatuspageError::UnknownStatus {
                            at: here.at("status"),
                            source,
                        })
                    }
                },
                None => {
                    return Err(StatuspageError::BadValue {
                        at: here.at("status"),
                        message: "missing update status".to_owned(),
                    })
                }
            };
            let update_id = if given_id.is_empty() {
                let made = UpdateId::new(format!("{id}-{index}")).map_err(|err| {
                    StatuspageError::BadValue {
                        at: here.at("id"),
                        message: err.to_string(),
                    }
                })?;
                self.anomaly(
                    AnomalyKind::MissingField,
                    inc,
                    Some(&made),
                    format!(
                        "incident_updates[{index}] has no id; {:?} used",
                        made.as_str()
                    ),
                );
                made
            } else {
                if !is_statuspage_id(given_id) {
                    foreign_update_ids = foreign_update_ids.saturating_add(1);
                }
                UpdateId::new(given_id).map_err(|err| StatuspageError::BadValue {
                    at: here.at("id"),
                    message: err.to_string(),
                })?
            };
            let uid = Some(&update_id);
            let created = self.opt_time(u.created_at.as_ref(), &here, "created_at")?;
            let display = self.opt_time(u.display_at.as_ref(), &here, "display_at")?;
            let (display_at, created_at) = match (display, created) {
                (Some(d), Some(c)) => (d, c),
                (None, Some(c)) => {
                    self.anomaly(
                        AnomalyKind::MissingField,
                        inc,
                        uid,
                        "display_at is missing; created_at used".to_owned(),
                    );
                    (c, c)
                }
                (Some(d), None) => {
                    self.anomaly(
                        AnomalyKind::MissingField,
                        inc,
                        uid,
                        "created_at is missing; display_at used".to_owned(),
                    );
                    (d, d)
                }
                (None, None) => {
                    return Err(StatuspageError::BadValue {
                        at: here.at("display_at"),
                        message: "the update has neither display_at nor created_at".to_owned(),
                    })
                }
            };
            if display_at < created_at {
                self.anomaly(
                    AnomalyKind::BackdatedDisplay,
                    inc,
                    uid,
                    format!(
                        "display_at {} is {} ms before created_at {}",
                        show(Some(display_at)),
                        created_at
                            .signed_duration_since(display_at)
                            .num_milliseconds(),
                        show(Some(created_at))
                    ),
                );
            }
            let body = match u.body {
                Some(body) => {
                    self.limits
                        .check(Limit::BodyBytes, body.0.len(), Some(here.at("body")))?;
                    body.0.into_owned()
                }
                None => {
                    self.anomaly(
                        AnomalyKind::MissingField,
                        inc,
                        uid,
                        "body is missing; empty body used".to_owned(),
                    );
                    String::new()
                }
            };
            let mut extras = UpdateExtras::new(update_id.clone());
            extras.updated_at = self.opt_time(u.updated_at.as_ref(), &here, "updated_at")?;
            extras.deliver_notifications = u.deliver_notifications;
            extras.custom_tweet = text(u.custom_tweet);
            if let Some(raw) = u.tweet_id {
                let text = raw.get();
                if text.starts_with('"') {
                    let value: String =
                        serde_json::from_str(text).unwrap_or_else(|_| text.to_owned());
                    extras.tweet_id = Some(TweetId::Text(value));
                } else if let Ok(n) = text.parse::<u64>() {
                    if n > F64_EXACT {
                        self.anomaly(
                            AnomalyKind::TweetIdAboveF64,
                            inc,
                            uid,
                            format!("tweet_id {n} is above 2^53; kept exactly"),
                        );
                    }
                    extras.tweet_id = Some(TweetId::Number(n));
                } else {
                    self.anomaly(
                        AnomalyKind::WrongFieldType,
                        inc,
                        uid,
                        format!(
                            "tweet_id should be an integer or a string, is {text}; kept verbatim"
                        ),
                    );
                    extras
                        .other
                        .push((Cow::Borrowed("tweet_id"), RawJson::from_raw(raw)));
                }
            }
            if let Some(given) = &u.incident_id {
                if given.0 != id.as_str() {
                    self.anomaly(
                        AnomalyKind::IdMismatch,
                        inc,
                        uid,
                        format!("incident_id {:?} is not the incident's id; the incident's is written back", given.0),
                    );
                }
            }
            let mut changes = Vec::new();
            // The names and statuses of changes with old == new, as "name (status)".
            let mut same = String::new();
            let mut same_count = 0usize;
            for (j, a) in u.affected_components.into_iter().flatten().enumerate() {
                let code = a.code.as_ref().filter(|c| !c.0.is_empty());
                match (code, &a.old_status, &a.new_status) {
                    (Some(code), Some(old), Some(new)) => {
                        let old_status: ComponentStatus = parse_lazy(&old.0, &here, || {
                            format!("affected_components[{j}].old_status")
                        })?;
                        let new_status: ComponentStatus = parse_lazy(&new.0, &here, || {
                            format!("affected_components[{j}].new_status")
                        })?;
                        let component_id = ComponentId::new(code.0.as_ref()).map_err(|err| {
                            StatuspageError::BadValue {
                                at: here.at(&format!("affected_components[{j}].code")),
                                message: err.to_string(),
                            }
                        })?;
                        let name = match &a.name {
                            Some(name) => name.0.clone().into_owned(),
                            None => {
                                self.anomaly(
                                    AnomalyKind::MissingField,
                                    inc,
                                    uid,
                                    format!(
                                        "affected_components[{j}] has no name; its code is used"
                                    ),
                                );
                                component_id.as_str().to_owned()
                            }
                        };
                        if name.contains(" - ") && group_prefixed.insert(component_id.clone()) {
                            self.anomaly(
                                AnomalyKind::GroupPrefixedName,
                                inc,
                                uid,
                                format!(
                                    "component {:?} is named {name:?}, prefixed by its group; the name is kept as given",
                                    component_id.as_str()
                                ),
                            );
                        }
                        if old_status == new_status {
                            if same_count > 0 {
                                same.push_str(", ");
                            }
                            same.push('"');
                            same.push_str(&name);
                            same.push_str("\" (");
                            same.push_str(old_status.as_str());
                            same.push(')');
                            same_count = same_count.saturating_add(1);
                        }
                        if !a.other.is_empty() {
                            let keys: Vec<String> =
                                a.other.iter().map(|(k, _)| format!("{:?}", k.0)).collect();
                            self.anomaly(
                                AnomalyKind::UnknownField,
                                inc,
                                uid,
                                format!(
                                    "affected_components[{j}] keys {} are not part of a component change; not kept",
                                    keys.join(", ")
                                ),
                            );
                        }
                        changes.push(ComponentChange {
                            component_id,
                            name,
                            old_status,
                            new_status,
                        });
                    }
                    _ => {
                        let mut fields = Fields::new();
                        for (key, value) in [
                            ("code", &a.code),
                            ("name", &a.name),
                            ("old_status", &a.old_status),
                            ("new_status", &a.new_status),
                        ] {
                            if let Some(value) = value {
                                fields.push((Cow::Borrowed(key), RawJson::string(&value.0)));
                            }
                        }
                        fields.extend(self.other(
                            a.other,
                            AFFECTED_KEYS,
                            "affected component",
                            &here,
                        ));
                        self.anomaly(
                            AnomalyKind::PlaceholderComponent,
                            inc,
                            uid,
                            format!(
                                "affected_components[{j}] {:?} has no component code or statuses: not a component change; kept verbatim",
                                a.name.as_ref().map(|n| n.0.as_ref()).unwrap_or_default()
                            ),
                        );
                        extras.placeholders.push(fields);
                    }
                }
            }
            if same_count > 0 {
                let (plural, verb) = if same_count == 1 {
                    ("", "s")
                } else {
                    ("s", "")
                };
                self.anomaly(
                    AnomalyKind::SameStatusChange,
                    inc,
                    uid,
                    format!("{same_count} component change{plural} keep{verb} the status: {same}"),
                );
            }
            // Keep what was already set aside verbatim (a tweet_id of an odd type).
            let mut other = self.other(u.other, UPDATE_KEYS, "incident update", &here);
            other.append(&mut extras.other);
            extras.other = other;
            updates.push((
                Update::from_fields(update_id, status, body, display_at, created_at, changes),
                extras,
            ));
        }

        if updates.is_empty() {
            let status: S = match &w.status {
                Some(s) => parse(&s.0, &here, "status")?,
                None => {
                    return Err(StatuspageError::BadValue {
                        at: here.at("incident_updates"),
                        message: "no updates and no status".to_owned(),
                    })
                }
            };
            let Some(at) = created_at.or(updated_at) else {
                return Err(StatuspageError::BadValue {
                    at: here.at("incident_updates"),
                    message: "no updates and no created_at".to_owned(),
                });
            };
            let made =
                UpdateId::new(format!("{id}-0")).map_err(|err| StatuspageError::BadValue {
                    at: here.at("incident_updates"),
                    message: err.to_string(),
                })?;
            self.anomaly(
                AnomalyKind::NoUpdates,
                inc,
                Some(&made),
                format!("no updates; one with status {status} at created_at was made"),
            );
            updates.push((
                Update::new(status, at).with_id(made.clone()),
                UpdateExtras::new(made),
            ));
        }

        // Statuspage sends newest first: reverse so that ties keep the written order.
        updates.reverse();
        updates.sort_by_key(|(u, _)| u.order_key());
        let mut previous: Option<S> = None;
        for (update, _) in &mut updates {
            if previous.is_some_and(|p| !p.is_open()) && update.status().is_open() {
                *update = update.clone().reopening();
                let detail = format!(
                    "{} -> {}: statuspage reopens implicitly; marked as a reopen",
                    previous.map(Lifecycle::as_str).unwrap_or_default(),
                    update.status()
                );
                self.anomaly(AnomalyKind::ImplicitReopen, inc, Some(update.id()), detail);
            }
            previous = Some(update.status());
        }
        if foreign_update_ids > 0 || !is_statuspage_id(id.as_str()) {
            let kind = if is_ulid(id.as_str()) {
                "a ulid (incident.io)"
            } else {
                "not a 12-character statuspage id"
            };
            self.anomaly(
                AnomalyKind::ForeignId,
                inc,
                None,
                format!(
                    "id {:?} is {}{}; ids are kept as they are",
                    id.as_str(),
                    if is_statuspage_id(id.as_str()) {
                        "a statuspage id"
                    } else {
                        kind
                    },
                    if foreign_update_ids > 0 {
                        format!(", and {foreign_update_ids} update ids are not statuspage ids")
                    } else {
                        String::new()
                    }
                ),
            );
        }

        // The object's own status against its last update.
        let last_status = updates.last().map(|(u, _)| u.status());
        if let Some(given) = &w.status {
            match given.0.parse::<S>() {
                Ok(status) => {
                    if Some(status) != last_status {
                        self.anomaly(
                            AnomalyKind::StatusMismatch,
                            inc,
                            None,
                            format!(
                                "status {status} but the last update in display order is {}; the update wins",
                                last_status.map(Lifecycle::as_str).unwrap_or_default()
                            ),
                        );
                    }
                }
                Err(err) => {
                    if is_any_status(&given.0) {
                        self.anomaly(
                            AnomalyKind::StatusMismatch,
                            inc,
                            None,
                            format!(
                                "status {:?} is not in the {} lifecycle of the updates; the updates win",
                                given.0,
                                S::KIND
                            ),
                        );
                    } else {
                        return Err(StatuspageError::UnknownStatus {
                            at: here.at("status"),
                            source: err,
                        });
                    }
                }
            }
        } else {
            self.anomaly(
                AnomalyKind::MissingField,
                inc,
                None,
                "status is missing; the last update's is used".to_owned(),
            );
        }

        // Components.
        let mut extras = Extras::default();
        let mut model_components = Vec::new();
        let components_given = w.components.is_some();
        for (j, c) in w.components.into_iter().flatten().enumerate() {
            let pc = self.component(c, &here, Some(j))?;
            if model_components
                .iter()
                .any(|m: &Component| m.id == pc.component.id)
            {
                self.anomaly(
                    AnomalyKind::DuplicateComponent,
                    inc,
                    None,
                    format!(
                        "component {:?} is listed twice; the first is kept",
                        pc.component.id.as_str()
                    ),
                );
            } else {
                model_components.push(pc.component.clone());
                extras.components.push(pc);
            }
        }
        let any_change = updates
            .iter()
            .any(|(u, _)| !u.component_changes().is_empty());
        if components_given && (any_change || !model_components.is_empty()) {
            // Few components per incident: linear look-ups beat building sets.
            let listed = |id: &ComponentId| model_components.iter().any(|c| c.id == *id);
            let named = |id: &ComponentId| {
                updates
                    .iter()
                    .any(|(u, _)| u.component_changes().iter().any(|c| c.component_id == *id))
            };
            let mut unlisted: Vec<&str> = Vec::new();
            for (u, _) in &updates {
                for c in u.component_changes() {
                    let id = c.component_id.as_str();
                    if !listed(&c.component_id) && !unlisted.contains(&id) {
                        unlisted.push(id);
                    }
                }
            }
            let unnamed: Vec<&str> = model_components
                .iter()
                .filter(|c| !named(&c.id))
                .map(|c| c.id.as_str())
                .collect();
            if !unlisted.is_empty() || !unnamed.is_empty() {
                self.anomaly(
                    AnomalyKind::ComponentsMismatch,
                    inc,
                    None,
                    format!(
                        "components named by updates but not listed: [{}]; listed but named by no update: [{}]",
                        unlisted.join(", "),
                        unnamed.join(", ")
                    ),
                );
            }
        }
        if !components_given {
            self.anomaly(
                AnomalyKind::MissingField,
                inc,
                None,
                "components is missing; none listed".to_owned(),
            );
        }

        // Impact: impact_override wins.
        let impact = match (impact_override, given_impact) {
            (Some(o), calculated) => {
                extras.calculated_impact = calculated;
                o
            }
            (None, Some(i)) => i,
            (None, None) => {
                let impact = crate::builder::default_impact(updates.iter().map(|(u, _)| u));
                self.anomaly(
                    AnomalyKind::MissingField,
                    inc,
                    None,
                    format!("impact is missing; {impact} used (calculated)"),
                );
                impact
            }
        };

        // Schedule.
        let mut other = Fields::new();
        let keep_schedule = |other: &mut Fields| {
            for (key, value) in [
                ("scheduled_for", &w.scheduled_for),
                ("scheduled_until", &w.scheduled_until),
            ] {
                if let Some(value) = value {
                    other.push((Cow::Borrowed(key), RawJson::string(&value.0)));
                }
            }
        };
        let schedule = match (S::HAS_SCHEDULE, scheduled_for, scheduled_until) {
            (true, Some(from), Some(until)) if from <= until => Some(Schedule::new(from, until)),
            (true, Some(_), Some(_)) => {
                self.anomaly(
                    AnomalyKind::UnexpectedSchedule,
                    inc,
                    None,
                    "scheduled_until is before scheduled_for; the window is kept verbatim only"
                        .to_owned(),
                );
                keep_schedule(&mut other);
                None
            }
            (true, _, _) => {
                self.anomaly(
                    AnomalyKind::MissingField,
                    inc,
                    None,
                    "scheduled_for or scheduled_until is missing; no window".to_owned(),
                );
                keep_schedule(&mut other);
                None
            }
            (false, None, None) => None,
            (false, _, _) => {
                self.anomaly(
                    AnomalyKind::UnexpectedSchedule,
                    inc,
                    None,
                    "scheduled_for/scheduled_until on an incident; kept verbatim only".to_owned(),
                );
                keep_schedule(&mut other);
                None
            }
        };

        let created_at = match created_at {
            Some(c) => c,
            None => {
                let earliest = updates
                    .iter()
                    .map(|(u, _)| u.created_at().min(u.display_at()))
                    .min()
                    .unwrap_or(DateTime::UNIX_EPOCH);
                self.anomaly(
                    AnomalyKind::MissingField,
                    inc,
                    None,
                    format!(
                        "created_at is missing; the earliest update time {} used",
                        show(Some(earliest))
                    ),
                );
                earliest
            }
        };
        if started_at.is_none() {
            self.anomaly(
                AnomalyKind::MissingStartedAt,
                inc,
                None,
                "started_at is missing; the start is the creation time or the first update"
                    .to_owned(),
            );
        }

        let (update_list, update_extras): (Vec<Update<S>>, Vec<UpdateExtras>) =
            updates.into_iter().unzip();
        let parts = EventParts {
            id: id.clone(),
            name,
            impact,
            components: model_components,
            started_at,
            created_at,
            schedule,
            updates: update_list,
        };
        let invalid = |here: &Here<'_>, err: &dyn std::fmt::Display| StatuspageError::Invalid {
            at: here.at("incident_updates"),
            message: err.to_string(),
        };
        // One table look-up per move decides the policy, so that the common case
        // is checked once.
        let standard = Policy::standard();
        let passes = crate::builder::refused_moves(&parts.id, &parts.updates, &standard)
            .next()
            .is_none();
        let event = if passes {
            Event::from_parts(parts, standard).map_err(|err| invalid(&here, &err))?
        } else {
            let event = Event::from_parts(parts, Policy::permissive())
                .map_err(|err| invalid(&here, &err))?;
            let violations = event.violations(&standard);
            for err in violations {
                let update = match &err {
                    ValidationError::Transition(t) => Some(t.update.clone()),
                    _ => None,
                };
                self.anomaly(
                    AnomalyKind::PolicyViolation,
                    inc,
                    update.as_ref(),
                    format!("{err}; the event keeps the permissive policy"),
                );
            }
            event
        };

        // Milestones as given against the model's.
        for (field, given, computed) in [
            ("monitoring_at", given_monitoring_at, event.monitoring_at()),
            ("resolved_at", given_resolved_at, event.resolved_at()),
        ] {
            let agree = match (given, computed) {
                (None, None) => true,
                (Some(a), Some(b)) => close(a, b),
                _ => false,
            };
            if !agree {
                self.anomaly(
                    AnomalyKind::MilestoneMismatch,
                    inc,
                    None,
                    format!(
                        "{field} is {} but the updates give {}",
                        show(given),
                        show(computed)
                    ),
                );
            }
        }
        if event.is_open() {
            for kept in &extras.components {
                let announced = event
                    .updates()
                    .iter()
                    .flat_map(|u| u.component_changes().iter())
                    .filter(|c| c.component_id == kept.component.id)
                    .last()
                    .map(|c| c.new_status);
                if let (Some(given), Some(announced)) = (kept.status, announced) {
                    if given != announced {
                        self.anomaly(
                            AnomalyKind::ComponentStatusMismatch,
                            inc,
                            None,
                            format!(
                                "component {:?} ({:?}) is {given} but the updates last announced {announced}",
                                kept.component.id.as_str(),
                                kept.component.name
                            ),
                        );
                    }
                }
            }
        } else {
            let mut last: Vec<(&ComponentId, &str, ComponentStatus)> = Vec::new();
            for change in event
                .updates()
                .iter()
                .flat_map(|u| u.component_changes().iter())
            {
                match last
                    .iter_mut()
                    .find(|(id, _, _)| **id == change.component_id)
                {
                    Some(entry) => entry.2 = change.new_status,
                    None => last.push((&change.component_id, &change.name, change.new_status)),
                }
            }
            for (component, name, status) in last {
                if status != ComponentStatus::Operational {
                    self.anomaly(
                        AnomalyKind::ComponentNotRestored,
                        inc,
                        None,
                        format!(
                            "the {} is {} but its updates last set component {:?} ({name:?}) to {status}",
                            S::KIND,
                            event.status(),
                            component.as_str()
                        ),
                    );
                }
            }
        }
        if let Some(started) = started_at {
            if let Some(resolved) = given_resolved_at
                .or(event.resolved_at())
                .filter(|r| started > *r)
            {
                self.anomaly(
                    AnomalyKind::StartedAfterResolved,
                    inc,
                    None,
                    format!(
                        "started_at {} is after resolved_at {}; durations start at opened_at {}",
                        show(Some(started)),
                        show(Some(resolved)),
                        show(Some(event.opened_at()))
                    ),
                );
            } else if started > created_at {
                self.anomaly(
                    AnomalyKind::StartedAfterCreated,
                    inc,
                    None,
                    format!(
                        "started_at {} is after created_at {}; durations start at opened_at {}",
                        show(Some(started)),
                        show(Some(created_at)),
                        show(Some(event.opened_at()))
                    ),
                );
            }
        }

        other.extend(self.other(w.other, INCIDENT_KEYS, S::KIND, &here));
        extras.page_id = text(w.page_id);
        extras.shortlink = text(w.shortlink);
        extras.updated_at = updated_at;
        extras.monitoring_at = given_monitoring_at;
        extras.resolved_at = given_resolved_at;
        extras.postmortem_body = text(w.postmortem_body);
        if let Some(raw) = w.postmortem_published_at {
            // A string must be a timestamp; any other type is kept verbatim.
            let published = match serde_json::from_str::<Str<'_>>(raw.get()) {
                Ok(text) => Some(self.time(&text.0, &here, "postmortem_published_at")?),
                Err(_) => None,
            };
            if published.is_none() {
                self.anomaly(
                    AnomalyKind::WrongFieldType,
                    inc,
                    None,
                    format!(
                        "{} key \"postmortem_published_at\" should be a timestamp or null, is {}; kept verbatim",
                        S::KIND,
                        raw.get()
                    ),
                );
                other.push((
                    Cow::Borrowed("postmortem_published_at"),
                    RawJson::from_raw(raw),
                ));
            }
            extras.postmortem_published_at = published;
        }
        extras.updates = update_extras;
        extras.other = other;
        Ok(Record { event, extras })
    }

    fn finish(&mut self, doc: &mut Document) {
        if self.offsets.len() > 1 {
            let offsets: Vec<&str> = self.offsets.iter().map(String::as_str).collect();
            self.anomaly(
                AnomalyKind::MixedOffsets,
                None,
                None,
                format!(
                    "timestamps use the offsets {}; all are read as utc",
                    offsets.join(", ")
                ),
            );
        }
        if self.whole_seconds > 0 && self.fractional_seconds > 0 {
            let detail = format!(
                "{} timestamps in whole seconds, {} with fractions of a second",
                self.whole_seconds, self.fractional_seconds
            );
            self.anomaly(AnomalyKind::MixedPrecision, None, None, detail);
        }
        doc.anomalies = std::mem::take(&mut self.anomalies);
    }
}
