//! Cachet 2.x (feature `cachet`): the API's `/api/v1/components`,
//! `/api/v1/incidents` and `/api/v1/schedules` documents, a list
//! (`{"meta": {"pagination": ...}, "data": [...]}`) or one object
//! (`{"data": {...}}`). Only a components list was captured from a real
//! instance; incidents and schedules are read as Cachet's reference
//! documents them (2.4 adds incident `updates[]`).
//!
//! # Times without a zone
//!
//! Cachet writes `YYYY-MM-DD HH:MM:SS` in the instance's local time, with no
//! zone. They are read in the zone the caller gives ([`read`]'s `zone`, or
//! [`Options::local_zone`](crate::formats::Options::local_zone) through the
//! entry point), and every event says so in a
//! [`LocalTime`](crate::formats::AnomalyKind::LocalTime) anomaly (components
//! in one for the document). A local time that the zone skips (a daylight
//! saving gap) is an error; one it repeats is read as the earlier instant.
//! RFC 3339 times are read as they are.
//!
//! # Mapping
//!
//! | item (told apart by its keys) | model |
//! |---|---|
//! | component (`status_name`, `group_id`, `enabled`, `link`) | a page component, id the number, status by [`COMPONENT_STATUSES`], in group `group_id` when not 0 |
//! | incident (`human_status`, `message`, `visible`, `occurred_at`) | an incident (a maintenance when its status is 0, Scheduled), by [`INCIDENT_STATUSES`] |
//! | schedule (`scheduled_at` and `completed_at`, no `human_status`) | a maintenance, by [`SCHEDULE_STATUSES`], window `scheduled_at`..`completed_at` |
//!
//! An incident's first update is its `message` at `occurred_at` (else
//! `created_at`), with the incident's status when it has no `updates[]`, else
//! investigating (an [`InferredStatus`](crate::formats::AnomalyKind::InferredStatus)
//! anomaly); each of `updates[]` follows at its `created_at` with its status.
//! A schedule has one update, its status at `updated_at`, body `message`.
//! Component status 0 (Unknown, 2.4) has no model status: the component is
//! listed without one ([`MappedValue`](crate::formats::AnomalyKind::MappedValue)).
//!
//! # Example
//!
//! ```
//! use incident_model::formats::{cachet, AnomalyKind, Format};
//! use incident_model::{ComponentStatus, IncidentStatus};
//! let json = r#"{"data": [{"id": 7, "component_id": 1, "name": "API down", "status": 4,
//!   "human_status": "Fixed", "visible": 1, "message": "The API is down.",
//!   "occurred_at": "2020-10-12 09:00:00", "created_at": "2020-10-12 09:00:00", "updated_at": "2020-10-12 10:00:00"}]}"#;
//! let document = cachet::read(json, chrono_tz::Europe::London)?;
//! assert_eq!(document.format, Format::Cachet);
//! let incident = document.events[0].event.as_incident().unwrap();
//! assert_eq!(incident.status(), IncidentStatus::Resolved);
//! assert_eq!(incident.created_at().to_rfc3339(), "2020-10-12T08:00:00+00:00"); // BST
//! assert!(document.events[0].anomalies.iter().any(|a| a.kind == AnomalyKind::LocalTime));
//! # Ok::<(), incident_model::formats::ReadError>(())
//! ```

mod read;

pub use read::{COMPONENT_STATUSES, INCIDENT_STATUSES, SCHEDULE_STATUSES};

use super::document::{Document, Format};
use super::error::ReadError;

/// Reads a Cachet 2.x document, its times without a zone in `zone`.
///
/// # Errors
///
/// [`ReadError::Json`] when the text is not JSON, [`ReadError::Malformed`]
/// naming the item and the field otherwise.
///
/// # Example
///
/// ```
/// use incident_model::formats::cachet;
/// let err = cachet::read(r#"{"data": [{"id": 1, "name": "API", "status": 9, "status_name": "?", "group_id": 0}]}"#, chrono_tz::UTC).unwrap_err();
/// assert_eq!(err.to_string(), "cachet: event \"1\", field \"status\": unknown value \"9\" (known: 0, 1, 2, 3, 4)");
/// ```
pub fn read(text: &str, zone: chrono_tz::Tz) -> Result<Document, ReadError> {
    let value = super::value::parse(Format::Cachet, text)?;
    read_value(&value, zone)
}

/// Reads a Cachet document already parsed.
pub(crate) fn read_value(
    value: &serde_json::Value,
    zone: chrono_tz::Tz,
) -> Result<Document, ReadError> {
    read::document(value, zone)
}
