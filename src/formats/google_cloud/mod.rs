//! Google Cloud Service Health `incidents.json` (feature `google_cloud`):
//! `https://status.cloud.google.com/incidents.json`, a JSON array of
//! incidents (newest first), as its published JSON Schema describes it.
//!
//! # Mapping
//!
//! | Google Cloud | model |
//! |---|---|
//! | `id` | event id |
//! | `external_desc` | name |
//! | `created` | creation time |
//! | `begin` | declared start (`started_at`) |
//! | `end` | the declared end of impact ([`Event::declared_end`](crate::Event::declared_end)) |
//! | `status_impact` (checked against `severity`) | impact, by [`IMPACTS`] |
//! | `affected_products[]` (`id`, `title`) | components |
//! | `currently_affected_locations[]`, `previously_affected_locations[]` | components, id `location/{id}` |
//! | `updates[]` (any order) | updates, id `{incident id}-{position}` (oldest 0), display time `when`, creation time `created`, body `text` (Markdown, kept as given) |
//! | update `status` | update status, by [`UPDATE_STATUSES`] |
//!
//! The tables:
//!
//! | `status_impact` | `severity` | impact |
//! |---|---|---|
//! | `SERVICE_INFORMATION` | `low` | none |
//! | `SERVICE_DISRUPTION` | `medium` | major |
//! | `SERVICE_OUTAGE` | `high` | critical |
//!
//! | update `status` | status |
//! |---|---|
//! | `SERVICE_INFORMATION`, `SERVICE_DISRUPTION`, `SERVICE_OUTAGE` | investigating (Google does not say more) |
//! | `AVAILABLE` | resolved |
//!
//! So `resolved_at` is the first `AVAILABLE` update's time (the last one's
//! that moved into resolved, by the model's rules). `end` is declared after
//! the fact and is often before the closing update, even before updates
//! that still report a disruption: the updates stay at their `when`, `end`
//! stays beside them, and a difference of more than a minute is a
//! [`DeclaredEndDiffers`](crate::formats::AnomalyKind::DeclaredEndDiffers)
//! anomaly.
//!
//! Anomalies: [`NoComponentChanges`](crate::formats::AnomalyKind::NoComponentChanges)
//! on every incident (products and locations are named, without statuses),
//! [`MappedValue`](crate::formats::AnomalyKind::MappedValue) when `severity`
//! is not the one the table pairs with `status_impact`,
//! [`ComponentNotRestored`](crate::formats::AnomalyKind::ComponentNotRestored)
//! when an ended incident still lists `currently_affected_locations`,
//! [`UnknownField`](crate::formats::AnomalyKind::UnknownField) for keys the
//! schema does not list, and those of the shared checks (implicit reopens,
//! moves `standard` refuses). Deprecated keys (`number`, `service_key`,
//! `service_name`), `uri`, `modified` and `most_recent_update` (a copy of the
//! newest update) are known and not kept.
//!
//! # Example
//!
//! ```
//! use incident_model::formats::{google_cloud, AnomalyKind};
//! use incident_model::{Impact, IncidentStatus};
//! let json = r#"[{"id": "TaA75H7XA1DQyM2ReK2f", "number": "1", "external_desc": "BigQuery errors",
//!   "begin": "2026-07-14T17:00:00+00:00", "created": "2026-07-14T18:00:00+00:00",
//!   "end": "2026-07-14T19:00:00+00:00", "modified": "2026-07-14T20:00:00+00:00",
//!   "status_impact": "SERVICE_DISRUPTION", "severity": "medium",
//!   "affected_products": [{"title": "BigQuery", "id": "9CcrhHUcFevXPSVaSxkf"}],
//!   "currently_affected_locations": [], "previously_affected_locations": [{"title": "Iowa (us-central1)", "id": "us-central1"}],
//!   "updates": [
//!     {"created": "2026-07-14T20:00:00+00:00", "modified": "2026-07-14T20:00:00+00:00", "when": "2026-07-14T20:00:00+00:00",
//!      "text": "Fixed.", "status": "AVAILABLE", "affected_locations": []},
//!     {"created": "2026-07-14T18:00:00+00:00", "modified": "2026-07-14T18:00:00+00:00", "when": "2026-07-14T18:00:00+00:00",
//!      "text": "Looking.", "status": "SERVICE_DISRUPTION", "affected_locations": []}]}]"#;
//! let document = google_cloud::read(json)?;
//! let read = &document.events[0];
//! let incident = read.event.as_incident().unwrap();
//! assert_eq!(incident.impact(), Impact::Major);
//! assert_eq!(incident.status(), IncidentStatus::Resolved);
//! assert_eq!(incident.components().len(), 2);
//! assert_eq!(read.event.declared_end().unwrap().to_rfc3339(), "2026-07-14T19:00:00+00:00");
//! assert!(read.anomalies.iter().any(|a| a.kind == AnomalyKind::DeclaredEndDiffers));
//! # Ok::<(), incident_model::formats::ReadError>(())
//! ```

mod read;

pub use read::{IMPACTS, UPDATE_STATUSES};

use super::document::{Document, Format};
use super::error::ReadError;

/// Reads a Google Cloud `incidents.json`.
///
/// # Errors
///
/// [`ReadError::Json`] when the text is not JSON, [`ReadError::Malformed`]
/// naming the incident, the update and the field otherwise.
///
/// # Example
///
/// ```
/// use incident_model::formats::google_cloud;
/// let err = google_cloud::read(r#"[{"id": "x", "updates": []}]"#).unwrap_err();
/// assert_eq!(err.to_string(), "google cloud incidents.json: event \"x\", field \"external_desc\": missing");
/// ```
pub fn read(text: &str) -> Result<Document, ReadError> {
    let value = super::value::parse(Format::GoogleCloud, text)?;
    read_value(&value)
}

/// Reads an `incidents.json` already parsed.
pub(crate) fn read_value(value: &serde_json::Value) -> Result<Document, ReadError> {
    read::document(value)
}
