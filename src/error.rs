//! Every error type of the crate, in one place to find them.
//!
//! Each error is defined beside what it checks (a status string in
//! [`status`](crate::IncidentStatus), an id beside the id types, a refused move
//! beside the [`Policy`](crate::Policy), an event that cannot be built beside
//! the checks of [`EventBuilder`](crate::EventBuilder), the JSON formats in
//! their folders) and keeps the typed error it wraps as its
//! [`source`](std::error::Error::source).
//!
//! Messages are lowercase, without a trailing period, and name the event, the
//! update (by its position in display order and its id) and the field at fault.
//! Times in messages are RFC 3339 in UTC.

pub use crate::builder::{ValidationError, Violations};
pub use crate::event::Refused;
#[cfg(feature = "json")]
pub use crate::formats::json::JsonSyntaxError;
#[cfg(feature = "json")]
pub use crate::formats::own::FormatError;
pub use crate::id::IdError;
pub use crate::policy::TransitionError;
pub use crate::status::ParseStatusError;
