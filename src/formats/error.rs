//! The error of the readers of every format but Statuspage JSON (which keeps
//! its own, [`StatuspageError`](crate::formats::statuspage::StatuspageError)),
//! and of the one entry point that detects the format.

use core::fmt;

use super::document::Format;
use crate::builder::ValidationError;
use crate::id::IdError;
use crate::status::{IncidentStatus, MaintenanceStatus};

/// Where in a document a problem is: the event (by id, or by position when it
/// has no usable id), the update (by position in the document), the field.
///
/// # Example
///
/// ```
/// use incident_model::formats::Location;
/// let at = Location::event("12", "status").in_update(2);
/// assert_eq!(at.to_string(), "event \"12\", update 2, field \"status\"");
/// assert_eq!(Location::document("updates").to_string(), "field \"updates\"");
/// ```
#[derive(Clone, PartialEq, Eq, Hash, Debug)]
#[non_exhaustive]
pub struct Location {
    /// The event's id (or `#position` when it has none).
    pub event: Option<String>,
    /// The update's position in the document's list (0 first).
    pub update: Option<usize>,
    /// The field, dotted when nested (`affected_products.title`).
    pub field: String,
}

impl Location {
    /// A field of the document, outside any event.
    ///
    /// # Example
    ///
    /// See [`Location`].
    #[must_use]
    pub fn document(field: impl Into<String>) -> Self {
        Location {
            event: None,
            update: None,
            field: field.into(),
        }
    }

    /// A field of the event `event`.
    ///
    /// # Example
    ///
    /// See [`Location`].
    #[must_use]
    pub fn event(event: impl Into<String>, field: impl Into<String>) -> Self {
        Location {
            event: Some(event.into()),
            update: None,
            field: field.into(),
        }
    }

    /// The same place, inside the update at `position`.
    ///
    /// # Example
    ///
    /// See [`Location`].
    #[must_use]
    pub fn in_update(mut self, position: usize) -> Self {
        self.update = Some(position);
        self
    }
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(event) = &self.event {
            write!(f, "event {event:?}, ")?;
        }
        if let Some(update) = self.update {
            write!(f, "update {update}, ")?;
        }
        write!(f, "field {:?}", self.field)
    }
}

/// What is wrong at a [`Location`].
///
/// # Example
///
/// ```
/// use incident_model::formats::Problem;
/// let p = Problem::UnknownValue { value: "sideways".into(), known: &["up", "down"] };
/// assert_eq!(p.to_string(), "unknown value \"sideways\" (known: up, down)");
/// ```
#[derive(Clone, PartialEq, Eq, Debug)]
#[non_exhaustive]
pub enum Problem {
    /// The field is missing or null.
    Missing,
    /// The field has another type.
    WrongType {
        /// The type the format has there.
        expected: &'static str,
    },
    /// A value the format's vocabulary does not have.
    UnknownValue {
        /// The value found.
        value: String,
        /// The values the mapping table knows.
        known: &'static [&'static str],
    },
    /// Not a time in the format's notation.
    NotATime {
        /// The text found.
        value: String,
        /// The notation expected.
        expected: &'static str,
    },
    /// Text the reader cannot take apart (a feed entry's HTML).
    Unreadable {
        /// What was expected, lowercase.
        expected: &'static str,
    },
    /// The id is not usable.
    Id(IdError),
    /// The incident breaks an invariant of the model.
    Incident(ValidationError<IncidentStatus>),
    /// The maintenance breaks an invariant of the model.
    Maintenance(ValidationError<MaintenanceStatus>),
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Problem::Missing => f.write_str("missing"),
            Problem::WrongType { expected } => write!(f, "not {expected}"),
            Problem::UnknownValue { value, known } => {
                write!(f, "unknown value {value:?} (known: {})", known.join(", "))
            }
            Problem::NotATime { value, expected } => write!(f, "{value:?} is not {expected}"),
            Problem::Unreadable { expected } => write!(f, "expected {expected}"),
            Problem::Id(err) => write!(f, "{err}"),
            Problem::Incident(err) => write!(f, "{err}"),
            Problem::Maintenance(err) => write!(f, "{err}"),
        }
    }
}

impl From<ValidationError<IncidentStatus>> for Problem {
    fn from(err: ValidationError<IncidentStatus>) -> Self {
        Problem::Incident(err)
    }
}

impl From<ValidationError<MaintenanceStatus>> for Problem {
    fn from(err: ValidationError<MaintenanceStatus>) -> Self {
        Problem::Maintenance(err)
    }
}

/// Why a document was not read: no known format, a syntax error, a format
/// recognised but malformed (naming the format and the place), or a format
/// whose reader is not compiled in.
///
/// # Example
///
/// ```
/// # #[cfg(feature = "feeds")] {
/// use incident_model::formats::{feeds, Format, ReadError};
/// let err = feeds::read_atom("<rss/>").unwrap_err();
/// assert!(matches!(err, ReadError::WrongFormat { expected: Format::StatuspageAtom, .. }));
/// # }
/// ```
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ReadError {
    /// Nothing the detector knows: the message lists what it looked for.
    #[error(
        "not a document of any known format: looked for {}; found {found}",
        looked_for()
    )]
    UnknownFormat {
        /// What the document looked like (its top-level keys, its root element).
        found: String,
    },
    /// The document is not well-formed JSON.
    #[cfg(feature = "json")]
    #[error("{format}: not json: {source}")]
    Json {
        /// The format the caller asked for (or `Statuspage` when detecting).
        format: Format,
        /// The syntax error.
        source: serde_json::Error,
    },
    /// The document is not well-formed XML.
    #[cfg(feature = "feeds")]
    #[error("{format}: not xml: {source}")]
    Xml {
        /// The format the caller asked for.
        format: Format,
        /// The syntax error.
        source: roxmltree::Error,
    },
    /// The format was recognised, and something in it is malformed.
    #[error("{format}: {at}: {problem}")]
    Malformed {
        /// The format.
        format: Format,
        /// Where.
        at: Box<Location>,
        /// What.
        problem: Box<Problem>,
    },
    /// The document is of another format than the one asked for.
    #[error("expected {expected}, found {found}")]
    WrongFormat {
        /// The format asked for.
        expected: Format,
        /// The format found.
        found: Format,
    },
    /// The format was recognised, but its reader is not compiled in.
    #[error("{format}: found, but the crate was built without the feature {:?} that reads it", format.feature())]
    NotEnabled {
        /// The format found.
        format: Format,
    },
    /// The format was recognised, and this crate does not read this kind of
    /// document of it (a Statuspage component webhook: the history reads it).
    #[error("{format}: {what} is not read by this entry point")]
    NotRead {
        /// The format found.
        format: Format,
        /// What was found, lowercase.
        what: &'static str,
    },
    /// The input is over the byte limit.
    #[error("the document is {len} bytes, over the limit of {limit}")]
    TooLarge {
        /// Its length.
        len: usize,
        /// The limit.
        limit: usize,
    },
    /// A Statuspage document (or webhook) the Statuspage reader refused.
    #[cfg(feature = "statuspage")]
    #[error(transparent)]
    Statuspage(#[from] crate::formats::statuspage::StatuspageError),
}

impl ReadError {
    /// A malformed field.
    #[cfg(any(
        feature = "feeds",
        feature = "google_cloud",
        feature = "slack",
        feature = "incident_io",
        feature = "cachet"
    ))]
    pub(crate) fn malformed(format: Format, at: Location, problem: impl Into<Problem>) -> Self {
        ReadError::Malformed {
            format,
            at: Box::new(at),
            problem: Box::new(problem.into()),
        }
    }
}

/// What the detector looks for, for the message of an unknown format.
fn looked_for() -> String {
    let names: Vec<&str> = Format::ALL.iter().map(|f| f.as_str()).collect();
    names.join(", ")
}
