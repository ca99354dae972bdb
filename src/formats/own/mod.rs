//! The crate's own serde format (feature `serde`): what `Serialize` writes and
//! `Deserialize` reads for [`Incident`](crate::Incident) and
//! [`Maintenance`](crate::Maintenance).
//!
//! An incident serializes as:
//!
//! ```json
//! {
//!   "id": "x9mb3wh2r6nr",
//!   "name": "Slow page loads",
//!   "impact": "minor",
//!   "components": [{ "id": "api", "name": "API" }],
//!   "started_at": "2020-03-16T14:28:00Z",
//!   "created_at": "2020-03-16T14:28:00Z",
//!   "policy": "standard",
//!   "updates": [
//!     {
//!       "id": "u1",
//!       "status": "identified",
//!       "body": "Sign-ups are slowing page loads.",
//!       "display_at": "2020-03-16T14:28:00Z",
//!       "created_at": "2020-03-16T14:28:00Z",
//!       "component_changes": [
//!         { "component_id": "api", "name": "API",
//!           "old_status": "operational", "new_status": "degraded_performance" }
//!       ]
//!     }
//!   ],
//!   "labels": { "severity": "sev2", "team": "api" }
//! }
//! ```
//!
//! - `labels` is the application's own data ([`Event::labels`](crate::Event::labels)):
//!   keys with text values, kept as they are and left out when there are none;
//! - `components`, `started_at`, `component_changes` may be left out (empty or
//!   absent); `body` defaults to the empty string.
//! - a maintenance has `"schedule": {"scheduled_for": ..., "scheduled_until": ...}`;
//! - an update that reopened the event has `"reopen": true`;
//! - `policy` is the name of a [`Preset`](crate::Preset) (`standard`, the
//!   default when absent, `strict`, `permissive`) or a custom table
//!   `{"first": ["investigating", ...], "moves": [["investigating", "identified"], ...]}`;
//! - times are RFC 3339 (any offset, any precision on input; UTC on output);
//! - unknown fields are errors, so a typo never silently drops data (an
//!   application's own fields go in `labels`);
//! - updates must be in display order.
//!
//! Deserialization goes through [`Event::from_parts`](crate::Event::from_parts): invalid data gets the same
//! [`ValidationError`](crate::ValidationError) as the builder, as the
//! deserializer's error message (with `serde_json`, plus line and column).

//!
//! With the `json` feature, [`Event::from_json`](crate::Event::from_json) returns
//! the typed [`FormatError`] instead: the
//! [`ValidationError`](crate::ValidationError) itself, or the line and column of a
//! syntax or shape error.
//!
//! ```
//! # #[cfg(feature = "json")] {
//! use incident_model::{FormatError, Incident, ValidationError};
//! let json = r#"{"id": "inc-1", "name": "Errors", "impact": "major",
//!     "created_at": "2020-03-16T10:28:00-04:00",
//!     "updates": [
//!       {"id": "u1", "status": "resolved", "display_at": "2020-03-16T14:28:00Z", "created_at": "2020-03-16T14:28:00Z"},
//!       {"id": "u2", "status": "investigating", "display_at": "2020-03-16T15:00:00Z", "created_at": "2020-03-16T15:00:00Z"}
//!     ]}"#;
//! let err = Incident::from_json(json).unwrap_err();
//! assert!(matches!(err, FormatError::Invalid(ValidationError::Transition(_))));
//! // The same JSON with "reopen": true on u2 is a legal, explicit reopen.
//! let reopened = json.replace(r#""status": "investigating","#, r#""status": "investigating", "reopen": true,"#);
//! assert_eq!(Incident::from_json(&reopened).unwrap().reopens(), 1);
//! # }
//! ```

#[cfg(feature = "json")]
mod error;
pub(crate) mod serde;

#[cfg(feature = "json")]
pub use error::FormatError;
