//! Slack's status API (feature `slack`): `current` and `history` of
//! `https://slack-status.com/api/v2.0.0/`.
//!
//! # Mapping
//!
//! | Slack | model |
//! |---|---|
//! | `id` (an integer; the docs show a string) | event id, as written |
//! | `title` | name, as given (trailing spaces too) |
//! | `type` | lifecycle and impact, by [`TYPES`] |
//! | `status` | the status of the last note, by [`INCIDENT_STATUSES`] or [`MAINTENANCE_STATUSES`] |
//! | `date_created` | creation time |
//! | `notes[]` (oldest first) | updates at their `date_created`, id `{id}-{position}` (oldest 0), body the note's HTML as text |
//! | `services[]` | components, id and name the service's name |
//!
//! A note carries no status. An open event's notes all have the open status
//! of the table; a closed one's last note has the closed status, the notes
//! before it the open one: so a resolved incident's last note resolves it,
//! and `date_created` (the first note) opens it. Each event says so in an
//! [`InferredStatus`](crate::formats::AnomalyKind::InferredStatus) anomaly;
//! bodies in an [`HtmlBody`](crate::formats::AnomalyKind::HtmlBody) one,
//! services without statuses in a
//! [`NoComponentChanges`](crate::formats::AnomalyKind::NoComponentChanges)
//! one. An event without notes gets one made at `date_created`
//! ([`NoUpdates`](crate::formats::AnomalyKind::NoUpdates)). `cancelled` is
//! read as closed with a [`MappedValue`](crate::formats::AnomalyKind::MappedValue)
//! anomaly. `url` and `date_updated` are not kept; neither are `current`'s
//! own `status` and dates (they are those of the most recently touched
//! incident, not the time of the request).
//!
//! # Example
//!
//! ```
//! use incident_model::formats::{slack, Format};
//! use incident_model::IncidentStatus;
//! let json = r#"[{"id": 1571, "title": "Chat unavailable ", "type": "incident", "status": "resolved",
//!   "url": "https://slack-status.com/2026-06/4e79ab0c89aa4be0",
//!   "date_created": "2026-06-26T02:12:20-07:00", "date_updated": "2026-06-26T03:09:39-07:00",
//!   "notes": [{"body": "<p>We're aware.&nbsp;</p>", "date_created": "2026-06-26T02:12:20-07:00"},
//!             {"body": "<p>Fixed.</p>", "date_created": "2026-06-26T03:09:39-07:00"}],
//!   "services": ["Messaging"]}]"#;
//! let document = slack::read(json)?;
//! assert_eq!(document.format, Format::SlackHistory);
//! let incident = document.events[0].event.as_incident().unwrap();
//! assert_eq!(incident.id().as_str(), "1571");
//! assert_eq!(incident.updates()[0].body(), "We're aware.");
//! assert_eq!(incident.status(), IncidentStatus::Resolved);
//! assert_eq!(incident.resolved_at().unwrap().to_rfc3339(), "2026-06-26T10:09:39+00:00");
//! # Ok::<(), incident_model::formats::ReadError>(())
//! ```

mod read;

pub use read::{INCIDENT_STATUSES, MAINTENANCE_STATUSES, TYPES};

use super::document::{Document, Format};
use super::error::ReadError;

/// Reads a Slack `current` (an object) or `history` (a list) document.
///
/// # Errors
///
/// [`ReadError::Json`] when the text is not JSON, [`ReadError::Malformed`]
/// naming the incident, the note and the field otherwise.
///
/// # Example
///
/// ```
/// use incident_model::formats::{slack, Format};
/// let current = slack::read(r#"{"status": "ok", "date_created": "2026-06-26T02:12:20-07:00",
///   "date_updated": "2026-06-26T03:09:39-07:00", "active_incidents": []}"#)?;
/// assert_eq!(current.format, Format::SlackCurrent);
/// assert!(current.events.is_empty());
/// # Ok::<(), incident_model::formats::ReadError>(())
/// ```
pub fn read(text: &str) -> Result<Document, ReadError> {
    let value = super::value::parse(Format::SlackHistory, text)?;
    read_value(&value)
}

/// Reads a Slack document already parsed.
pub(crate) fn read_value(value: &serde_json::Value) -> Result<Document, ReadError> {
    read::document(value)
}
