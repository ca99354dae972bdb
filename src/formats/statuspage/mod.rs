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
//! | [`Shape::IncidentsAndMaintenances`] | `{"page", "incidents", "scheduled_maintenances"}` without a `status` (an export of both lists) |
//! | [`Shape::Incident`] | `incidents/{id}.json`: `{"page", "incident"}` |
//! | [`Shape::BareIncident`] | an incident object alone (manage API `GET .../incidents/{id}`, incident.io) |
//! | [`Shape::IncidentList`] | a JSON array of incident objects (manage API lists) |
//! | [`Shape::Summary`] | `summary.json`: `{"page", "components", "incidents", "scheduled_maintenances", "status"}` |
//! | [`Shape::ScheduledMaintenances`] | `scheduled-maintenances.json` and its `upcoming`/`active` variants |
//! | [`Shape::Components`] | `components.json` |
//! | [`Shape::Status`] | `status.json` |
//! | [`Shape::IncidentWebhook`] | an incident webhook delivery: `{"meta", "page", "incident"}` |
//! | [`Shape::ComponentWebhook`] | a component webhook delivery: `{"meta", "page", "component_update", "component"}` |
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
//! A [`Reader`] with [`BadEvents::Skip`] reads the other events of a list
//! when one cannot be interpreted: the skipped ones come back in
//! [`Document::skipped`], each with its error.
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
//! number exact. What a payload gives for a key the writer derives from the
//! model (the incident-level `status`, ...) is kept only where it differs: see
//! "Writing back".
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
//! # Decisions on odd input
//!
//! - **Tied display times.** Updates are put into display order by display
//!   time, then creation time, then position. Which way an array runs is
//!   taken from its ends: an array whose first update is older than its last
//!   is read oldest-first, any other (Statuspage's newest-first, or one whose
//!   times all tie) newest-first, and updates whose times tie keep the order
//!   of the array read that way. So `[investigating@10:00, identified@11:00,
//!   resolved@11:00]` is resolved; an array of tied times only,
//!   `[investigating@10:00, resolved@10:00]`, is read newest-first as
//!   Statuspage sends it: resolved, then investigating again (an implicit
//!   reopen, reported). What is written is newest-first and reads back to the
//!   same order.
//! - **A byte order mark.** A document starting with U+FEFF (which JSON does
//!   not allow and many tools write) is read without it, with an
//!   [`AnomalyKind::ByteOrderMark`]; it is not written back.
//! - **A leap second.** `14:00:60` is read as chrono reads it, a leap second
//!   at the end of that minute, whatever the date: it orders after
//!   `14:00:59.999` and before `14:01:00`, is written back as `14:00:60`, and
//!   reads back equal; a duration across it counts it as chrono does (from
//!   `14:00:59` it is one second; `14:01:00` is one second after it).
//!
//! Not reported: a key given twice in one object (the last one wins, as in
//! `serde_json`; a key kept verbatim too is kept, reported as unknown and
//! written back once), and differences between a summary's page-level components
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
//! `monitoring_at`, `resolved_at`, `impact` and each update's `incident_id`
//! derived from the model, `started_at` the model's declared start (null
//! when it has none), then the kept extras. Reading what was written yields
//! an equal model.
//! A component change at its own time
//! ([`ComponentChange::changed_at`](crate::ComponentChange::changed_at)) is
//! written with the crate's key `changed_at` in its `affected_components`
//! entry (Statuspage's incident JSON has no such time), and read back.
//!
//! Write-back loses nothing: reading a document and writing it with no change
//! in between keeps every key of the input with an equal value (timestamps
//! equal as instants, numbers as written, lists in their order); keys may be
//! added (a documented key the input lacked, as `null` or derived), none is
//! dropped or changed. The rule:
//!
//! - **Given where it differs, derived once changed.** For each key the writer
//!   derives (an event's `name`, `status`, `created_at`, `updated_at`,
//!   `monitoring_at`, `resolved_at`, `impact`, `impact_override`,
//!   `started_at`, `components`, `incident_updates`; an update's `id`, `body`,
//!   `incident_id`, `created_at`, `updated_at`, `display_at`,
//!   `deliver_notifications`, `affected_components`), the reader keeps the
//!   given value only where it
//!   differs from what the model derived, with that derived value
//!   ([`GivenValues`], in [`Extras::given`] and [`UpdateExtras::given`]):
//!   a maintenance whose page says `completed` while its updates say
//!   `scheduled`, a `resolved_at` of `null` on a resolved incident, an
//!   update's `incident_id` that names another incident, `incident_updates`
//!   given as `null` or `[]` (the model holds the update it made from the
//!   event's status), an update's `affected_components` that the model's
//!   changes would not write back as they were (a change with no name or with
//!   keys of the page's own, a placeholder before a change: the entries are
//!   kept as given). Nothing is kept for a key that agrees, so a document
//!   costs no second copy.
//! - **Unchanged is the event as read.** With what is kept, the reader keeps a
//!   64-bit fingerprint of the event as read (a hash of every field equality
//!   compares). The writer writes the given
//!   values while the record's [`event`](Record::event) still has that
//!   fingerprint (and the model still derives, for the key, what it derived
//!   then); once the event is changed (an update applied, a name set, another
//!   event put in its place), it writes what the model derives.
//! - **Order.** Updates that were not newest-first are written in their input
//!   order while the event is unchanged. Events are written back in the list
//!   and at the place they were read from (incidents and maintenances
//!   interleaved, a maintenance in a summary's `incidents` stays there);
//!   events not read from a list follow, incidents then maintenances (a
//!   summary puts each in the list of its lifecycle).
//! - **Nulls and odd values.** A documented key given as `null` is written as
//!   `null` (`postmortem_body`, `postmortem_published_at`, `impact_override`,
//!   `scheduled_for`, `scheduled_until` are written as `null` when the model
//!   and extras have no value for them). A `group_id` that is no id (`""`) is
//!   kept verbatim; a component given without a status is written without
//!   one; an `impact_override` given without `impact` gets the calculated
//!   impact by Statuspage's rule.
//!
//! The extras read back from what was written gain the defaults written for
//! documented keys that were missing (`updated_at`,
//! `deliver_notifications: false`, `custom_tweet: null`); from then on,
//! write -> read is a fixed point.
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

mod document;
mod error;
mod events;
mod limits;
mod observation;
mod page;
mod raw;
mod read;
mod reader;
mod record;
mod shape;
mod skipped;
mod webhook;
mod wire;
mod write;

// The anomaly vocabulary is shared by every format (`formats::anomaly`); it
// stays importable from here.
pub use super::anomaly::{Anomaly, AnomalyKind};
pub use document::Document;
pub use error::{AnyValidationError, Location, StatuspageError, ValueError};
pub use events::{DocumentEvents, EventAnomalies};
pub use limits::{Limit, Limits};
pub use observation::LIST_LIMIT;
pub use page::{Page, PageComponent, PageStatus};
pub use raw::{Fields, RawJson};
pub use read::stream::{stream, stream_with, Stream, StreamError, Streamed};
pub use reader::Reader;
pub use record::{
    Extras, GivenValues, IncidentRecord, MaintenanceRecord, Record, TweetId, UpdateExtras,
};
pub use shape::Shape;
pub use skipped::{BadEvents, SkippedEvent};

pub use webhook::{ComponentUpdate, WebhookMeta};
pub use write::{write_incident, write_maintenance};

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
    Reader::new().limits(*limits).read(input)
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
    Reader::new().limits(*limits).read_slice(input)
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
