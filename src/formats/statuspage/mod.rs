//! Statuspage JSON (feature `statuspage`, on by default): read every document
//! shape the public API v2 and the manage API return, as real pages send them,
//! into the validated model, with every oddity reported as an [`Anomaly`]; and
//! write the model back.
//!
//! # What is read
//!
//! One entry point, [`read`] (or [`read_slice`]), detects the shape from the
//! document itself ([`Shape`]):
//!
//! | shape | document |
//! |---|---|
//! | [`Shape::Incidents`] | `incidents.json`, `incidents/unresolved.json`: `{"page", "incidents"}` |
//! | [`Shape::Incident`] | `incidents/{id}.json`: `{"page", "incident"}` |
//! | [`Shape::BareIncident`] | an incident object alone (manage API `GET .../incidents/{id}`, incident.io) |
//! | [`Shape::IncidentList`] | a JSON array of incident objects (manage API lists) |
//! | [`Shape::Summary`] | `summary.json`: `{"page", "components", "incidents", "scheduled_maintenances", "status"}` |
//! | [`Shape::ScheduledMaintenances`] | `scheduled-maintenances.json` and its `upcoming`/`active` variants |
//! | [`Shape::Components`] | `components.json` |
//! | [`Shape::Status`] | `status.json` |
//!
//! Callers who know the shape use [`read_as`] or one of [`read_incidents`],
//! [`read_incident`], [`read_summary`], [`read_scheduled_maintenances`],
//! [`read_components`], [`read_incident_list`], [`read_status`]: the same reader,
//! plus a [`StatuspageError::WrongShape`] when the document is another one.
//! incident.io's Statuspage-compatible pages are read by the same entry points.
//!
//! # Incident or maintenance
//!
//! Real pages list scheduled maintenances inside `incidents.json` too, so an
//! object's lifecycle is decided by its updates, not by where it sits: an object
//! whose updates carry maintenance statuses (scheduled, `in_progress`, verifying,
//! completed) is a [`Maintenance`](crate::Maintenance), one whose updates carry
//! incident statuses an [`Incident`](crate::Incident). Without updates, its own
//! `status` decides, then `impact: "maintenance"`. Updates of both lifecycles in
//! one object are an error. The object's own `status`, when it disagrees with its
//! last update, is an [`AnomalyKind::StatusMismatch`].
//!
//! Atlassian's documentation example of the manage API (status `scheduled` with
//! one `investigating` update, `postmortem_published_at: true`) is therefore
//! *read with anomalies*: an incident, with a status mismatch, an unexpected
//! schedule (kept verbatim), a wrong field type (kept verbatim) and milestone
//! mismatches.
//!
//! # Lenient and strict
//!
//! Lenient about what real pages send: missing keys and `null` alike, the
//! string `"[]"` for `reminder_intervals`, `tweet_id` as an integer (any `u64`,
//! never through `f64`) or a string, placeholder `affected_components`, `Z` or
//! any offset, whole seconds or fractions, date-only `start_date`, `\r\n` in
//! bodies, backdated `display_at`, a missing `display_at` (the creation time is
//! used), missing `started_at`, missing update ids (made as
//! `"{incident id}-{position}"`), updates of an array in any order
//! (Statuspage's are newest-first: they are put into display order: display
//! time, then creation time, then position from oldest to newest).
//!
//! Strict about what it cannot interpret: not JSON, JSON of another shape, a
//! status string no lifecycle knows, a timestamp that is not RFC 3339, a missing
//! incident id or update status, an update without any timestamp, a known field
//! of the wrong JSON type: each a typed [`StatuspageError`] naming the incident
//! id and the field (and line and column for JSON errors).
//!
//! # Policy of the returned events
//!
//! Events are loaded under [`Policy::permissive`](crate::Policy::permissive)
//! (Statuspage enforces no order), with moves out of a closed status into an open
//! one marked as reopens ([`Update::reopening`](crate::Update::reopening)),
//! since Statuspage records those implicitly. Then every violation of
//! [`Policy::standard`](crate::Policy::standard) is reported as an
//! [`AnomalyKind::PolicyViolation`]. An event without violations is returned
//! under `standard`; one with violations keeps `permissive`, so
//! [`Event::policy`](crate::Event::policy) tells which is which.
//!
//! # Unknown fields and what is kept
//!
//! The model holds what every incident tool shares. What Statuspage adds is kept
//! beside it in [`Extras`] (per incident) and [`UpdateExtras`] (per update), so
//! that writing back loses nothing a user would need:
//!
//! - typed: `page_id`, `shortlink`, `updated_at`, `monitoring_at` and
//!   `resolved_at` *as given*, the calculated `impact` when `impact_override`
//!   won, `postmortem_body` and `postmortem_published_at`, the incident's full
//!   component objects, and per
//!   update `updated_at`, `tweet_id` ([`TweetId`]), `deliver_notifications`,
//!   `custom_tweet` and placeholder `affected_components` entries;
//! - verbatim ([`RawJson`], the exact JSON text): every other key of an incident,
//!   update, component, page or status object, whether the documented schema
//!   lists it (`twitter_updated_at`, `postmortem_published_at`,
//!   `reminder_intervals`, `metadata`, `scheduled_*` flags, `position`,
//!   `description`, `automation_email`, `start_date`, ...) or not. A key the
//!   documented schema does not list is also an [`AnomalyKind::UnknownField`].
//!
//! Keeping values as raw text costs no `serde_json::Value` and keeps every
//! number exact. The incident-level `status` is not kept: the written status is
//! the model's (the status of the last update).
//!
//! # Anomalies
//!
//! See [`AnomalyKind`] for the catalogue: each quirk real pages show (missing
//! `started_at`, `started_at` after `resolved_at` or `created_at`, backdated
//! `display_at`, `reminder_intervals: "[]"`, `tweet_id` above 2^53, placeholder
//! affected components, `old_status == new_status`, group-prefixed component
//! names, mixed offsets and precisions, foreign ids such as incident.io's ULIDs,
//! missing fields, `monitoring_at`/`resolved_at` that disagree with the updates,
//! component lists that disagree with the updates, components a closed
//! incident never restored, an open incident's component objects whose status
//! is not the one its updates last announced, updates whose `incident_id` is another incident's,
//! keys outside the documented schema or of the wrong type, schedules on
//! incidents, duplicate components, incidents without updates, events newer
//! than the page's `updated_at` in a spliced document), plus implicit
//! reopens and each move `standard` would reject. Document-wide quirks (mixed
//! offsets, mixed precisions) come once per document, without an incident.
//!
//! Not reported: a key given twice in one object (the last one wins, as in
//! `serde_json`), and differences between a summary's page-level components
//! and the component changes of its incidents (both are kept as given).
//!
//! `monitoring_at` and `resolved_at` are compared with
//! [`Event::monitoring_at`](crate::Event::monitoring_at) and
//! [`Event::resolved_at`](crate::Event::resolved_at); they agree when both are
//! absent or both are present and at most one second apart (pages mix whole
//! seconds and milliseconds).
//!
//! # Writing back
//!
//! [`write_incident`], [`write_maintenance`] and [`Document::to_json`] write
//! Statuspage JSON: the documented keys of each object (null when unknown),
//! updates newest-first as Statuspage sends them, times in RFC 3339 UTC with
//! milliseconds (more digits only when the value has them), `status`,
//! `monitoring_at` and `resolved_at` derived from the model, `started_at` the
//! model's declared start (null when it has none), then the kept extras.
//! Reading what was written yields an equal model. The extras read back gain
//! the defaults written for documented keys that were missing (`updated_at`,
//! `deliver_notifications: false`, `custom_tweet: null`) and the milestones as
//! the model computes them; from then on, write -> read is a fixed point.
//!
//! # The page's time zone
//!
//! [`Page::time_zone`] keeps the page's IANA time zone name (such as
//! `America/Chicago`) for rendering; times in the model are UTC.
//!
//! # Example
//!
//! ```
//! use incident_model::formats::statuspage::{self, AnomalyKind, Shape};
//! use incident_model::IncidentStatus;
//!
//! let json = r#"{
//!   "page": {"id": "kctbh9vrtdwd", "name": "GitHub", "url": "https://www.githubstatus.com",
//!            "time_zone": "Etc/UTC", "updated_at": "2024-09-17T08:08:17.044Z"},
//!   "incidents": [{
//!     "id": "x9mb3wh2r6nr", "name": "Slow git operations", "status": "resolved",
//!     "impact": "minor", "created_at": "2024-09-16T10:00:00.000Z",
//!     "started_at": "2024-09-16T10:00:00.000Z", "monitoring_at": null,
//!     "resolved_at": "2024-09-16T11:00:00.000Z", "components": [],
//!     "incident_updates": [
//!       {"id": "zl5g2pl5zhfs", "status": "resolved", "body": "Fixed.",
//!        "created_at": "2024-09-16T11:00:00.000Z", "display_at": "2024-09-16T11:00:00.000Z"},
//!       {"id": "qdr164tfpq7m", "status": "investigating", "body": "Looking.",
//!        "created_at": "2024-09-16T10:00:00.000Z", "display_at": "2024-09-16T10:00:00.000Z"}
//!     ]}]}"#;
//! let document = statuspage::read(json)?;
//! assert_eq!(document.shape, Shape::Incidents);
//! assert_eq!(document.page.as_ref().and_then(|p| p.time_zone.as_deref()), Some("Etc/UTC"));
//! let incident = &document.incidents[0].event;
//! assert_eq!(incident.updates()[0].status(), IncidentStatus::Investigating); // display order
//! assert!(document.anomalies.is_empty());
//!
//! // Write back and read again: an equal model.
//! let again = statuspage::read(&document.to_json()?)?;
//! assert_eq!(again.incidents[0].event, *incident);
//! # Ok::<(), statuspage::StatuspageError>(())
//! ```

mod anomaly;
mod error;
mod events;
mod read;
mod wire;
mod write;

use core::fmt;
use std::borrow::Cow;

use chrono::{DateTime, Utc};

use crate::component::Component;
use crate::event::Event;
use crate::id::UpdateId;
use crate::policy::Lifecycle;
use crate::status::{ComponentStatus, Impact, IncidentStatus, MaintenanceStatus};

pub use anomaly::{Anomaly, AnomalyKind};
pub use error::{AnyValidationError, Location, StatuspageError, ValueError};
pub use events::{DocumentEvents, EventAnomalies};
pub use write::{write_incident, write_maintenance};

/// The shape of a Statuspage document. See the [module documentation](self).
///
/// # Example
///
/// ```
/// use incident_model::formats::statuspage::Shape;
/// assert_eq!(Shape::Summary.to_string(), "summary.json");
/// ```
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Debug)]
#[non_exhaustive]
pub enum Shape {
    /// `{"page", "incidents"}`: `incidents.json`, `incidents/unresolved.json`.
    Incidents,
    /// `{"page", "incident"}`: `incidents/{id}.json`.
    Incident,
    /// An incident object alone.
    BareIncident,
    /// A JSON array of incident objects (manage API).
    IncidentList,
    /// `summary.json`.
    Summary,
    /// `scheduled-maintenances.json` (and `upcoming.json`, `active.json`).
    ScheduledMaintenances,
    /// `components.json`.
    Components,
    /// `status.json`.
    Status,
}

impl fmt::Display for Shape {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(match self {
            Shape::Incidents => "incidents.json",
            Shape::Incident => "incidents/{id}.json",
            Shape::BareIncident => "incident object",
            Shape::IncidentList => "incident list",
            Shape::Summary => "summary.json",
            Shape::ScheduledMaintenances => "scheduled-maintenances.json",
            Shape::Components => "components.json",
            Shape::Status => "status.json",
        })
    }
}

/// A JSON value kept verbatim: its exact text, checked to be JSON.
///
/// # Example
///
/// ```
/// use incident_model::formats::statuspage::RawJson;
/// let raw = RawJson::new("1425224704026046467")?;
/// assert_eq!(raw.as_str(), "1425224704026046467");
/// assert!(RawJson::new("{").is_err());
/// # Ok::<(), incident_model::formats::statuspage::StatuspageError>(())
/// ```
#[derive(Clone, PartialEq, Eq, Hash, Debug)]
pub struct RawJson(Box<str>);

impl RawJson {
    /// Checks that `text` is one JSON value and keeps it.
    ///
    /// # Errors
    ///
    /// [`StatuspageError::Syntax`] if it is not.
    ///
    /// # Example
    ///
    /// ```
    /// use incident_model::formats::statuspage::{RawJson, StatuspageError};
    /// let raw = RawJson::new(r#"{"a": [1, 2.50]}"#)?;
    /// assert_eq!(raw.as_str(), r#"{"a": [1, 2.50]}"#); // exact text, not re-encoded
    /// assert!(matches!(RawJson::new("[1,"), Err(StatuspageError::Syntax(_))));
    /// assert!(RawJson::new("1 2").is_err()); // two values
    /// # Ok::<(), StatuspageError>(())
    /// ```
    pub fn new(text: impl Into<String>) -> Result<Self, StatuspageError> {
        let raw = serde_json::value::RawValue::from_string(text.into())
            .map_err(|err| StatuspageError::from_json(&err))?;
        Ok(RawJson(Box::<str>::from(raw)))
    }

    /// The JSON text of a string value.
    pub(crate) fn string(value: &str) -> Self {
        // Serializing a str cannot fail; fall back to an empty string literal.
        RawJson(
            serde_json::to_string(value)
                .unwrap_or_else(|_| "\"\"".to_owned())
                .into_boxed_str(),
        )
    }

    pub(crate) fn from_raw(raw: &serde_json::value::RawValue) -> Self {
        RawJson(raw.get().into())
    }

    /// The JSON text.
    ///
    /// # Example
    ///
    /// ```
    /// use incident_model::formats::statuspage::RawJson;
    /// let raw = RawJson::new(r#""[]""#)?;
    /// assert_eq!(raw.as_str(), r#""[]""#);
    /// assert_eq!(raw.as_str(), raw.to_string());
    /// # Ok::<(), incident_model::formats::statuspage::StatuspageError>(())
    /// ```
    #[must_use]
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for RawJson {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Keys kept verbatim, with their JSON text, in input order. Keys of the
/// documented schema are borrowed from a static list; others are owned.
pub type Fields = Vec<(Cow<'static, str>, RawJson)>;

/// The page a document came from.
///
/// # Example
///
/// ```
/// use incident_model::formats::statuspage;
/// let doc = statuspage::read(r#"{"page": {"id": "4lzycl8t1x0c", "name": "Emma",
///   "time_zone": "America/Chicago"}, "incidents": []}"#)?;
/// let page = doc.page.unwrap();
/// assert_eq!(page.time_zone.as_deref(), Some("America/Chicago"));
/// # Ok::<(), incident_model::formats::statuspage::StatuspageError>(())
/// ```
#[derive(Clone, PartialEq, Eq, Debug, Default)]
#[non_exhaustive]
pub struct Page {
    /// The page id.
    pub id: Option<String>,
    /// The page name.
    pub name: Option<String>,
    /// The page URL.
    pub url: Option<String>,
    /// The page's IANA time zone name (for rendering times).
    pub time_zone: Option<String>,
    /// When the page last changed.
    pub updated_at: Option<DateTime<Utc>>,
    /// Other keys, verbatim.
    pub other: Fields,
}

/// The page's overall status (`status` of `summary.json` and `status.json`).
///
/// # Example
///
/// ```
/// use incident_model::{Impact, formats::statuspage};
/// let doc = statuspage::read(r#"{"page": {"id": "p"}, "status":
///   {"indicator": "maintenance", "description": "Service Under Maintenance"}}"#)?;
/// assert_eq!(doc.status.unwrap().indicator, Impact::Maintenance);
/// # Ok::<(), incident_model::formats::statuspage::StatuspageError>(())
/// ```
#[derive(Clone, PartialEq, Eq, Debug)]
#[non_exhaustive]
pub struct PageStatus {
    /// The indicator: none, minor, major, critical or maintenance.
    pub indicator: Impact,
    /// The description ("All Systems Operational").
    pub description: String,
    /// Other keys, verbatim.
    pub other: Fields,
}

/// A component as a page lists it: the model's [`Component`], its current
/// status, whether it is a group, and the other keys verbatim.
///
/// # Example
///
/// ```
/// use incident_model::{ComponentStatus, formats::statuspage};
/// let doc = statuspage::read(r#"{"page": {"id": "p"}, "components": [{"id": "8l4ygp009s5s",
///   "name": "Git Operations", "status": "operational", "group_id": null, "position": 1}]}"#)?;
/// let c = &doc.components[0];
/// assert_eq!(c.component.name, "Git Operations");
/// assert_eq!(c.status, Some(ComponentStatus::Operational));
/// assert_eq!(c.other[0].1.as_str(), "1");
/// # Ok::<(), incident_model::formats::statuspage::StatuspageError>(())
/// ```
#[derive(Clone, PartialEq, Eq, Debug)]
#[non_exhaustive]
pub struct PageComponent {
    /// Id, name and group.
    pub component: Component,
    /// The component's status, when given.
    pub status: Option<ComponentStatus>,
    /// Whether the component is a group, when given.
    pub group: Option<bool>,
    /// Other keys, verbatim (`position`, `description`, `showcase`, ...).
    pub other: Fields,
}

impl PageComponent {
    /// A component with no status, group flag or other keys.
    ///
    /// # Example
    ///
    /// ```
    /// use incident_model::{Component, ComponentId, formats::statuspage::PageComponent};
    /// let c = PageComponent::new(Component::new(ComponentId::new("api")?, "API"));
    /// assert_eq!(c.status, None);
    /// # Ok::<(), incident_model::IdError>(())
    /// ```
    #[must_use]
    pub fn new(component: Component) -> Self {
        PageComponent {
            component,
            status: None,
            group: None,
            other: Fields::new(),
        }
    }
}

/// A tweet id: an integer (kept exactly, never through `f64`) or a string.
///
/// # Example
///
/// ```
/// use incident_model::formats::statuspage::TweetId;
/// assert_eq!(TweetId::Number(1425224704026046467).to_string(), "1425224704026046467");
/// ```
#[derive(Clone, PartialEq, Eq, Hash, Debug)]
#[non_exhaustive]
pub enum TweetId {
    /// A JSON integer.
    Number(u64),
    /// A JSON string.
    Text(String),
}

impl fmt::Display for TweetId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TweetId::Number(n) => write!(f, "{n}"),
            TweetId::Text(s) => f.write_str(s),
        }
    }
}

/// What Statuspage says of an update beyond the model. See the
/// [module documentation](self).
///
/// # Example
///
/// ```
/// use incident_model::{UpdateId, formats::statuspage::UpdateExtras};
/// let extras = UpdateExtras::new(UpdateId::new("u1")?);
/// assert!(extras.tweet_id.is_none());
/// # Ok::<(), incident_model::IdError>(())
/// ```
#[derive(Clone, PartialEq, Eq, Debug)]
#[non_exhaustive]
pub struct UpdateExtras {
    /// The update these extras belong to.
    pub id: UpdateId,
    /// When the update was last edited.
    pub updated_at: Option<DateTime<Utc>>,
    /// The tweet id, when given.
    pub tweet_id: Option<TweetId>,
    /// Whether subscribers were notified, when given.
    pub deliver_notifications: Option<bool>,
    /// The custom tweet text, when given.
    pub custom_tweet: Option<String>,
    /// `affected_components` entries that are not component changes (no code or
    /// no statuses), each with its keys verbatim.
    pub placeholders: Vec<Fields>,
    /// Other keys, verbatim (`custom_tweet`, `deliver_notifications`, ...).
    pub other: Fields,
}

impl UpdateExtras {
    /// Empty extras for the update `id`.
    ///
    /// # Example
    ///
    /// ```
    /// use incident_model::{UpdateId, formats::statuspage::UpdateExtras};
    /// let extras = UpdateExtras::new(UpdateId::new("zl5g2pl5zhfs")?);
    /// assert_eq!(extras.id.as_str(), "zl5g2pl5zhfs");
    /// assert!(extras.updated_at.is_none() && extras.deliver_notifications.is_none());
    /// assert!(extras.placeholders.is_empty() && extras.other.is_empty());
    /// # Ok::<(), incident_model::IdError>(())
    /// ```
    #[must_use]
    pub fn new(id: UpdateId) -> Self {
        UpdateExtras {
            id,
            updated_at: None,
            tweet_id: None,
            deliver_notifications: None,
            custom_tweet: None,
            placeholders: Vec::new(),
            other: Fields::new(),
        }
    }
}

/// What Statuspage says of an incident or maintenance beyond the model. See the
/// [module documentation](self).
///
/// # Example
///
/// ```
/// use incident_model::formats::statuspage::Extras;
/// let extras = Extras::default();
/// assert!(extras.shortlink.is_none() && extras.updates.is_empty());
/// ```
#[derive(Clone, PartialEq, Eq, Debug, Default)]
#[non_exhaustive]
pub struct Extras {
    /// The page id.
    pub page_id: Option<String>,
    /// The short link (`https://stspg.io/...`).
    pub shortlink: Option<String>,
    /// When the incident was last changed.
    pub updated_at: Option<DateTime<Utc>>,
    /// `monitoring_at` as the payload gave it.
    pub monitoring_at: Option<DateTime<Utc>>,
    /// `resolved_at` as the payload gave it.
    pub resolved_at: Option<DateTime<Utc>>,
    /// The calculated `impact` when an `impact_override` was given (the model's
    /// impact is then the override).
    pub calculated_impact: Option<Impact>,
    /// The postmortem text.
    pub postmortem_body: Option<String>,
    /// When the postmortem was published (a value of another type is kept in
    /// [`Extras::other`] with an anomaly).
    pub postmortem_published_at: Option<DateTime<Utc>>,
    /// The incident's component objects as given (status and other keys).
    pub components: Vec<PageComponent>,
    /// Per-update extras, by update id.
    pub updates: Vec<UpdateExtras>,
    /// Other keys, verbatim (`postmortem_published_at`, `reminder_intervals`,
    /// `metadata`, `scheduled_*`, ...).
    pub other: Fields,
}

impl Extras {
    /// The value of another key kept verbatim, by name.
    ///
    /// # Example
    ///
    /// ```
    /// use incident_model::formats::statuspage;
    /// let doc = statuspage::read(r#"{"id": "x9mb3wh2r6nr", "name": "n", "status": "resolved",
    ///   "impact": "none", "created_at": "2020-01-01T00:00:00Z", "started_at": "2020-01-01T00:00:00Z",
    ///   "resolved_at": "2020-01-01T00:00:00Z", "reminder_intervals": null,
    ///   "incident_updates": [{"id": "u", "status": "resolved",
    ///     "created_at": "2020-01-01T00:00:00Z", "display_at": "2020-01-01T00:00:00Z"}]}"#)?;
    /// assert_eq!(doc.incidents[0].extras.field("reminder_intervals").map(|r| r.as_str()), Some("null"));
    /// # Ok::<(), incident_model::formats::statuspage::StatuspageError>(())
    /// ```
    #[must_use]
    pub fn field(&self, key: &str) -> Option<&RawJson> {
        self.other.iter().find(|(k, _)| k == key).map(|(_, v)| v)
    }
}

/// An incident or maintenance read from Statuspage: the validated model value
/// and the Statuspage extras beside it.
///
/// # Example
///
/// ```
/// use chrono::{TimeZone, Utc};
/// use incident_model::{Incident, IncidentStatus, Update, formats::statuspage::Record};
/// let incident = Incident::builder("x").update(Update::new(IncidentStatus::Investigating, Utc.with_ymd_and_hms(2020, 3, 16, 14, 0, 0).unwrap())).build()?;
/// let record = Record::from(incident.clone());
/// assert_eq!(record.event, incident);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, PartialEq, Eq, Debug)]
#[non_exhaustive]
pub struct Record<S: Lifecycle> {
    /// The validated model value.
    pub event: Event<S>,
    /// What Statuspage adds.
    pub extras: Extras,
}

impl<S: Lifecycle> Record<S> {
    /// A record of `event` with `extras`.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::{TimeZone, Utc};
    /// use incident_model::{Incident, IncidentStatus, Update, formats::statuspage::{Extras, Record}};
    /// let at = Utc.with_ymd_and_hms(2020, 3, 16, 14, 0, 0).unwrap();
    /// let incident = Incident::builder("x").update(Update::new(IncidentStatus::Investigating, at)).build()?;
    /// let mut extras = Extras::default();
    /// extras.shortlink = Some("https://stspg.io/x".to_owned());
    /// let record = Record::new(incident.clone(), extras.clone());
    /// assert_eq!(record.event, incident);
    /// assert_eq!(record.extras, extras);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn new(event: Event<S>, extras: Extras) -> Self {
        Record { event, extras }
    }
}

impl<S: Lifecycle> From<Event<S>> for Record<S> {
    fn from(event: Event<S>) -> Self {
        Record::new(event, Extras::default())
    }
}

/// An incident read from Statuspage.
pub type IncidentRecord = Record<IncidentStatus>;
/// A scheduled maintenance read from Statuspage.
pub type MaintenanceRecord = Record<MaintenanceStatus>;

/// A Statuspage document, read: the page, its status and components, the
/// incidents and maintenances, and every anomaly found.
///
/// # Example
///
/// ```
/// use incident_model::formats::statuspage::{self, Shape};
/// let document = statuspage::read(r#"{"page": {"id": "p", "name": "Example"},
///   "scheduled_maintenances": [], "surprise": 1}"#)?;
/// assert_eq!(document.shape, Shape::ScheduledMaintenances);
/// assert_eq!(document.page.as_ref().and_then(|p| p.name.as_deref()), Some("Example"));
/// assert!(document.incidents.is_empty() && document.maintenances.is_empty());
/// assert_eq!(document.other.len(), 1); // the unknown key, kept verbatim
/// # Ok::<(), statuspage::StatuspageError>(())
/// ```
///
/// See also the [module documentation](self).
#[derive(Clone, PartialEq, Eq, Debug)]
#[non_exhaustive]
pub struct Document {
    /// The shape the document had.
    pub shape: Shape,
    /// The page, when given.
    pub page: Option<Page>,
    /// The page status, when given.
    pub status: Option<PageStatus>,
    /// The page's components (summary, components).
    pub components: Vec<PageComponent>,
    /// The incidents, in document order.
    pub incidents: Vec<IncidentRecord>,
    /// The maintenances, in document order.
    pub maintenances: Vec<MaintenanceRecord>,
    /// Every anomaly found, in document order.
    pub anomalies: Vec<Anomaly>,
    /// Unknown top-level keys, verbatim.
    pub other: Fields,
}

impl Document {
    /// An empty document of `shape`, to fill and write.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::{TimeZone, Utc};
    /// use incident_model::{Incident, IncidentStatus, Update, formats::statuspage::{self, Document, Shape}};
    /// let mut doc = Document::new(Shape::IncidentList);
    /// let incident = Incident::builder("x").update(Update::new(IncidentStatus::Investigating, Utc.with_ymd_and_hms(2020, 3, 16, 14, 0, 0).unwrap())).build()?;
    /// doc.incidents.push(incident.clone().into());
    /// let again = statuspage::read(&doc.to_json()?)?;
    /// assert_eq!(again.incidents[0].event, incident);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn new(shape: Shape) -> Self {
        Document {
            shape,
            page: None,
            status: None,
            components: Vec::new(),
            incidents: Vec::new(),
            maintenances: Vec::new(),
            anomalies: Vec::new(),
            other: Fields::new(),
        }
    }

    /// The number of anomalies of `kind`.
    ///
    /// # Example
    ///
    /// ```
    /// use incident_model::formats::statuspage::{AnomalyKind, Document, Shape};
    /// assert_eq!(Document::new(Shape::Incidents).count(AnomalyKind::BackdatedDisplay), 0);
    /// ```
    #[must_use]
    pub fn count(&self, kind: AnomalyKind) -> usize {
        self.anomalies.iter().filter(|a| a.kind == kind).count()
    }

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
    /// See also the [module documentation](self).
    pub fn to_json(&self) -> Result<String, StatuspageError> {
        write::document(self)
    }
}

/// Reads a Statuspage document of any shape, detected from the document.
///
/// # Errors
///
/// A [`StatuspageError`] saying what and where: see the
/// [module documentation](self).
///
/// # Example
///
/// ```
/// use incident_model::formats::statuspage::{self, Shape, StatuspageError};
/// let document = statuspage::read(r#"{"page": {"id": "p"}, "components": [
///   {"id": "c1", "name": "API", "status": "operational"}]}"#)?;
/// assert_eq!(document.shape, Shape::Components);
/// assert_eq!(document.components[0].component.name, "API");
/// assert!(statuspage::read("not json").is_err());
/// assert!(statuspage::read(r#"{"page": {"id": "p"}, "incidents": [{"status": "resolved"}]}"#).is_err());
/// # Ok::<(), StatuspageError>(())
/// ```
///
/// See also the [module documentation](self).
pub fn read(input: &str) -> Result<Document, StatuspageError> {
    read_with(input, &Limits::default())
}

/// [`read`] from bytes (which must be UTF-8 JSON).
///
/// # Errors
///
/// As [`read`].
///
/// # Example
///
/// ```
/// let doc = incident_model::formats::statuspage::read_slice(br#"{"page": {"id": "p"}, "incidents": []}"#)?;
/// assert!(doc.incidents.is_empty());
/// # Ok::<(), incident_model::formats::statuspage::StatuspageError>(())
/// ```
pub fn read_slice(input: &[u8]) -> Result<Document, StatuspageError> {
    read_slice_with(input, &Limits::default())
}

/// [`read`] under the given [`Limits`].
///
/// # Errors
///
/// As [`read`], and [`StatuspageError::LimitExceeded`] when the document is over
/// a limit.
///
/// # Example
///
/// ```
/// use incident_model::formats::statuspage::{self, Limits, StatuspageError};
/// let json = r#"{"page": {"id": "p"}, "incidents": []}"#;
/// let mut tiny = Limits::default();
/// tiny.max_input_bytes = 10;
/// let err = statuspage::read_with(json, &tiny).unwrap_err();
/// assert_eq!(err.to_string(), "the document is 38 bytes, over the limit of 10 (Limits::max_input_bytes)");
/// assert!(statuspage::read_with(json, &Limits::default()).is_ok());
/// ```
pub fn read_with(input: &str, limits: &Limits) -> Result<Document, StatuspageError> {
    limits.check(Limit::InputBytes, input.len(), None)?;
    let wire: wire::WireDocument<'_> =
        serde_json::from_str(input).map_err(|err| StatuspageError::from_json(&err))?;
    read::document(wire, limits)
}

/// [`read_slice`] under the given [`Limits`].
///
/// # Errors
///
/// As [`read_with`].
///
/// # Example
///
/// ```
/// use incident_model::formats::statuspage::{self, Limits};
/// let doc = statuspage::read_slice_with(b"[]", &Limits::default())?;
/// assert!(doc.incidents.is_empty());
/// # Ok::<(), incident_model::formats::statuspage::StatuspageError>(())
/// ```
pub fn read_slice_with(input: &[u8], limits: &Limits) -> Result<Document, StatuspageError> {
    limits.check(Limit::InputBytes, input.len(), None)?;
    // Checking the UTF-8 once, up front, spares serde_json checking every string
    // it borrows from a byte slice (a third of the instructions of the wire
    // reading). Input that is not UTF-8 takes the byte path, which says where.
    if let Ok(text) = core::str::from_utf8(input) {
        return read_with(text, limits);
    }
    let wire: wire::WireDocument<'_> =
        serde_json::from_slice(input).map_err(|err| StatuspageError::from_json(&err))?;
    read::document(wire, limits)
}

/// Resource limits of the reader: documents from the internet are read with
/// bounded work and memory. Every entry point without `_with` uses
/// [`Limits::default`].
///
/// | limit | default | bounds |
/// |---|---|---|
/// | `max_input_bytes` | 256 MiB | the document, checked before parsing: peak memory is a small multiple of it |
/// | `max_events` | 100 000 | incidents and maintenances in one document |
/// | `max_updates_per_event` | 10 000 | updates of one incident or maintenance |
/// | `max_body_bytes` | 1 MiB | the body of one update |
///
/// JSON nested deeper than 128 levels is a syntax error (the JSON reader's own
/// limit), whatever the limits.
///
/// # Example
///
/// ```
/// use incident_model::formats::statuspage::Limits;
/// let mut limits = Limits::default(); // non-exhaustive: set the fields you need
/// limits.max_updates_per_event = 100_000;
/// assert_eq!(limits.max_events, 100_000);
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
#[non_exhaustive]
pub struct Limits {
    /// Size of the document in bytes.
    pub max_input_bytes: usize,
    /// Incidents and maintenances in one document.
    pub max_events: usize,
    /// Updates of one incident or maintenance.
    pub max_updates_per_event: usize,
    /// Size of one update's body in bytes.
    pub max_body_bytes: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_input_bytes: 256 << 20,
            max_events: 100_000,
            max_updates_per_event: 10_000,
            max_body_bytes: 1 << 20,
        }
    }
}

impl Limits {
    /// No limit at all (still, JSON nesting stops at 128 levels).
    ///
    /// # Example
    ///
    /// ```
    /// use incident_model::formats::statuspage::Limits;
    /// assert_eq!(Limits::none().max_events, usize::MAX);
    /// ```
    #[must_use]
    pub fn none() -> Self {
        Limits {
            max_input_bytes: usize::MAX,
            max_events: usize::MAX,
            max_updates_per_event: usize::MAX,
            max_body_bytes: usize::MAX,
        }
    }

    /// The value of `limit`.
    ///
    /// # Example
    ///
    /// ```
    /// use incident_model::formats::statuspage::{Limit, Limits};
    /// assert_eq!(Limits::default().get(Limit::BodyBytes), 1 << 20);
    /// ```
    #[must_use]
    pub fn get(&self, limit: Limit) -> usize {
        match limit {
            Limit::InputBytes => self.max_input_bytes,
            Limit::Events => self.max_events,
            Limit::UpdatesPerEvent => self.max_updates_per_event,
            Limit::BodyBytes => self.max_body_bytes,
        }
    }

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

/// One of the reader's [`Limits`], named in [`StatuspageError::LimitExceeded`].
///
/// # Example
///
/// ```
/// use incident_model::formats::statuspage::Limit;
/// assert_eq!(Limit::UpdatesPerEvent.field(), "max_updates_per_event");
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
#[non_exhaustive]
pub enum Limit {
    /// [`Limits::max_input_bytes`].
    InputBytes,
    /// [`Limits::max_events`].
    Events,
    /// [`Limits::max_updates_per_event`].
    UpdatesPerEvent,
    /// [`Limits::max_body_bytes`].
    BodyBytes,
}

impl Limit {
    /// The name of the limit's field in [`Limits`].
    ///
    /// # Example
    ///
    /// ```
    /// use incident_model::formats::statuspage::Limit;
    /// assert_eq!(Limit::InputBytes.field(), "max_input_bytes");
    /// ```
    #[must_use]
    pub fn field(self) -> &'static str {
        match self {
            Limit::InputBytes => "max_input_bytes",
            Limit::Events => "max_events",
            Limit::UpdatesPerEvent => "max_updates_per_event",
            Limit::BodyBytes => "max_body_bytes",
        }
    }
}

/// Reads a document that must have `shape`.
///
/// # Errors
///
/// As [`read`], and [`StatuspageError::WrongShape`] when the document has
/// another shape.
///
/// # Example
///
/// ```
/// use incident_model::formats::statuspage::{self, Shape, StatuspageError};
/// let err = statuspage::read_as(r#"{"page": {"id": "p"}, "incidents": []}"#, Shape::Summary).unwrap_err();
/// assert_eq!(err.to_string(), "expected a statuspage summary.json document, found incidents.json");
/// # let _: StatuspageError = err;
/// ```
pub fn read_as(input: &str, shape: Shape) -> Result<Document, StatuspageError> {
    let document = read(input)?;
    if document.shape == shape {
        Ok(document)
    } else {
        Err(StatuspageError::WrongShape {
            expected: shape,
            found: document.shape,
        })
    }
}

macro_rules! read_shape {
    ($(#[$meta:meta])* $fn:ident, $shape:ident, $json:literal) => {
        $(#[$meta])*
        ///
        /// # Errors
        ///
        /// As [`read_as`].
        ///
        /// # Example
        ///
        /// ```
        #[doc = concat!("let doc = incident_model::formats::statuspage::", stringify!($fn), "(r#\"", $json, "\"#)?;")]
        #[doc = concat!("assert_eq!(doc.shape, incident_model::formats::statuspage::Shape::", stringify!($shape), ");")]
        /// # Ok::<(), incident_model::formats::statuspage::StatuspageError>(())
        /// ```
        pub fn $fn(input: &str) -> Result<Document, StatuspageError> {
            read_as(input, Shape::$shape)
        }
    };
}

read_shape! {
    /// Reads `incidents.json` or `incidents/unresolved.json`.
    read_incidents, Incidents, r#"{"page": {"id": "p"}, "incidents": []}"#
}
read_shape! {
    /// Reads `incidents/{id}.json` (`{"page", "incident"}`).
    read_incident, Incident,
    r#"{"page": {"id": "p"}, "incident": {"id": "i", "status": "resolved", "incident_updates": [{"id": "u", "status": "resolved", "created_at": "2020-01-01T00:00:00Z"}]}}"#
}
read_shape! {
    /// Reads a bare incident object (manage API, incident.io).
    read_incident_object, BareIncident,
    r#"{"id": "i", "status": "resolved", "incident_updates": [{"id": "u", "status": "resolved", "created_at": "2020-01-01T00:00:00Z"}]}"#
}
read_shape! {
    /// Reads a manage-API list of incidents (a JSON array).
    read_incident_list, IncidentList, r#"[]"#
}
read_shape! {
    /// Reads `summary.json`.
    read_summary, Summary,
    r#"{"page": {"id": "p"}, "components": [], "incidents": [], "scheduled_maintenances": [], "status": {"indicator": "none", "description": "All Systems Operational"}}"#
}
read_shape! {
    /// Reads `scheduled-maintenances.json` (or `upcoming.json`, `active.json`).
    read_scheduled_maintenances, ScheduledMaintenances, r#"{"page": {"id": "p"}, "scheduled_maintenances": []}"#
}
read_shape! {
    /// Reads `components.json`.
    read_components, Components, r#"{"page": {"id": "p"}, "components": []}"#
}
read_shape! {
    /// Reads `status.json`.
    read_status, Status, r#"{"page": {"id": "p"}, "status": {"indicator": "none", "description": "ok"}}"#
}
