//! incident.io's widget API (feature `incident_io`): `/api/v1/summary` of a
//! status page, the ongoing incidents and the in-progress and scheduled
//! maintenances, with their affected components.
//!
//! Only an idle capture of this API exists (all three lists empty); the
//! events are read as incident.io's documentation and its consumers
//! describe them, and this crate's fixtures are built from that documented
//! shape.
//!
//! # Mapping
//!
//! | widget | model |
//! |---|---|
//! | `page_title`, `page_url` | the page's name and address |
//! | `ongoing_incidents[]` | incidents |
//! | `in_progress_maintenances[]`, `scheduled_maintenances[]` | maintenances; window `started_at`..`scheduled_end_at` or `starts_at`..`ends_at` |
//! | `id` (a ULID), `name` | event id, name |
//! | `status`, `last_update_at`, `last_update_message` | the one update the widget shows (id `{id}-last`); the creation time is its time |
//! | `current_worst_impact` | impact, by [`IMPACTS`] |
//! | `affected_components[]` (`id`, `name`, `current_status`) | the event's components, and the page's components with their status, by [`COMPONENT_STATUSES`] |
//! | `{"subpages": [{"subpage", "summary"}]}` | every subpage's events and components, in order |
//!
//! | `status` | status |
//! |---|---|
//! | `investigating`, `identified`, `monitoring`, `resolved` | the incident status of that name |
//! | `maintenance_scheduled` | scheduled |
//! | `maintenance_in_progress` | in_progress |
//!
//! Anomalies: the widget holds only the last update, so every event has a
//! [`MissingField`](crate::formats::AnomalyKind::MissingField) (creation time
//! and earlier updates unknown) and a
//! [`NoComponentChanges`](crate::formats::AnomalyKind::NoComponentChanges)
//! (current statuses, no changes); `full_outage` is read as `major_outage`
//! (impact critical) with a
//! [`MappedValue`](crate::formats::AnomalyKind::MappedValue).
//!
//! # Example
//!
//! ```
//! use incident_model::formats::{incident_io, Format};
//! use incident_model::{ComponentStatus, Impact};
//! let json = r#"{"page_title": "Example", "page_url": "https://status.example.com/",
//!   "ongoing_incidents": [{"id": "01H0QJ89CRW5BKTY9N89MSDT5S", "name": "API errors",
//!     "status": "identified", "url": "https://status.example.com/incidents/01H0QJ89CRW5BKTY9N89MSDT5S",
//!     "last_update_at": "2024-05-01T10:00:00Z", "last_update_message": "A fix is rolling out.",
//!     "current_worst_impact": "full_outage",
//!     "affected_components": [{"id": "01FCNDV6P870EA6S7TK1DSYD5H", "name": "API", "current_status": "full_outage"}]}],
//!   "in_progress_maintenances": [], "scheduled_maintenances": []}"#;
//! let document = incident_io::read(json)?;
//! assert_eq!(document.format, Format::IncidentIoWidget);
//! assert_eq!(document.page.name.as_deref(), Some("Example"));
//! assert_eq!(document.events[0].event.impact(), Impact::Critical);
//! assert_eq!(document.components[0].status, Some(ComponentStatus::MajorOutage));
//! # Ok::<(), incident_model::formats::ReadError>(())
//! ```

mod read;

pub use read::{COMPONENT_STATUSES, IMPACTS};

use super::document::{Document, Format};
use super::error::ReadError;

/// Reads a widget summary (or a parent page's `subpages`).
///
/// # Errors
///
/// [`ReadError::Json`] when the text is not JSON, [`ReadError::Malformed`]
/// naming the event and the field otherwise.
///
/// # Example
///
/// ```
/// let idle = incident_model::formats::incident_io::read(r#"{"page_title": "OpenAI", "page_url": "https://status.openai.com/",
///   "ongoing_incidents": [], "in_progress_maintenances": [], "scheduled_maintenances": []}"#)?;
/// assert!(idle.events.is_empty());
/// # Ok::<(), incident_model::formats::ReadError>(())
/// ```
pub fn read(text: &str) -> Result<Document, ReadError> {
    let value = super::value::parse(Format::IncidentIoWidget, text)?;
    read_value(&value)
}

/// Reads a widget summary already parsed.
pub(crate) fn read_value(value: &serde_json::Value) -> Result<Document, ReadError> {
    read::document(value)
}
