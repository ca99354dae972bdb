//! The error of reading and writing Statuspage JSON.

use core::fmt;

use crate::id::EventId;

/// Where a bad value sits: the JSON path, the incident (and update) id when
/// known, and the field.
///
/// Prints as `incidents[3] (id "x9mb3wh2r6nr"), incident_updates[2] (id "u1"),
/// field "status"`.
///
/// # Example
///
/// ```
/// use incident_model::formats::statuspage::{self, StatuspageError};
/// let json = r#"[{"id": "x9mb3wh2r6nr", "status": "fixed", "incident_updates": []}]"#;
/// let StatuspageError::UnknownStatus { at, .. } = statuspage::read(json).unwrap_err() else { panic!() };
/// assert_eq!(at.to_string(), r#"[0] (id "x9mb3wh2r6nr"), field "status""#);
/// assert_eq!(at.field, "status");
/// ```
#[derive(Clone, PartialEq, Eq, Hash, Debug)]
#[non_exhaustive]
pub struct Location {
    /// The path of the incident in the document (`incidents[3]`, `incident`,
    /// `[0]`, or empty for a bare incident object or the page level).
    pub container: String,
    /// The incident's id, when it has one.
    pub incident: Option<EventId>,
    /// The update's position in the `incident_updates` array as given and its
    /// id (as given, possibly empty), when the value is in an update.
    pub update: Option<(usize, String)>,
    /// The field (a path below the update or incident, such as
    /// `affected_components[0].new_status`).
    pub field: String,
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut sep = "";
        if !self.container.is_empty() {
            f.write_str(&self.container)?;
            sep = " ";
        }
        if let Some(id) = &self.incident {
            write!(f, "{sep}(id {:?})", id.as_str())?;
            sep = ", ";
        } else if !self.container.is_empty() {
            sep = ", ";
        }
        if let Some((position, id)) = &self.update {
            write!(f, "{sep}incident_updates[{position}]")?;
            if !id.is_empty() {
                write!(f, " (id {id:?})")?;
            }
            sep = ", ";
        }
        write!(f, "{sep}field {:?}", self.field)
    }
}

/// Why a Statuspage document could not be read or written.
///
/// Messages are lowercase and say what and where; syntax errors carry the line
/// and column, bad values the incident id and the field.
///
/// # Example
///
/// ```
/// use incident_model::formats::statuspage::{self, StatuspageError};
/// let err = statuspage::read("{\"incidents\": [").unwrap_err();
/// assert!(matches!(err, StatuspageError::Syntax { line: 1, column: 15, .. }));
/// assert!(err.to_string().starts_with("json at line 1, column 15: "));
/// ```
#[derive(Clone, PartialEq, Eq, Debug)]
#[non_exhaustive]
pub enum StatuspageError {
    /// Not JSON, or a known field holding JSON of the wrong type.
    Syntax {
        /// Line of the error (1-based).
        line: usize,
        /// Column of the error (1-based).
        column: usize,
        /// What the JSON reader said.
        message: String,
    },
    /// JSON of another shape: none of the Statuspage documents.
    UnknownShape {
        /// What the document looked like.
        found: String,
    },
    /// The document is of another shape than the one asked for.
    WrongShape {
        /// The shape asked for.
        expected: super::Shape,
        /// The shape found.
        found: super::Shape,
    },
    /// A status, impact or component status that no lifecycle knows.
    UnknownStatus {
        /// Where.
        at: Box<Location>,
        /// The parse error (what was given, what is expected).
        source: crate::ParseStatusError,
    },
    /// A timestamp that is not RFC 3339.
    BadTimestamp {
        /// Where.
        at: Box<Location>,
        /// The value as given.
        value: String,
    },
    /// A field the reader cannot do without (an id, a status, any timestamp of
    /// an update) is missing or null, or a value it cannot use (an empty id,
    /// updates of both lifecycles).
    BadValue {
        /// Where.
        at: Box<Location>,
        /// What is wrong, lowercase.
        message: String,
    },
    /// The document is over one of the reader's [`Limits`](super::Limits).
    LimitExceeded {
        /// Where, for limits inside the document.
        at: Option<Box<Location>>,
        /// Which limit.
        limit: super::Limit,
        /// The size found.
        found: usize,
        /// The limit.
        max: usize,
    },
    /// The data builds no valid model value even under the permissive policy
    /// (such as two updates with the same id).
    Invalid {
        /// Where.
        at: Box<Location>,
        /// The model's error message.
        message: String,
    },
}

impl StatuspageError {
    pub(crate) fn from_json(err: &serde_json::Error) -> Self {
        let (line, column, message) = crate::formats::json::error_parts(err);
        StatuspageError::Syntax {
            line,
            column,
            message,
        }
    }
}

impl fmt::Display for StatuspageError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StatuspageError::Syntax {
                line,
                column,
                message,
            } => write!(f, "json at line {line}, column {column}: {message}"),
            StatuspageError::UnknownShape { found } => write!(
                f,
                "not a statuspage document: {found}; expected an incident object, a list of incidents, or an object with \"page\", \"incidents\", \"incident\", \"scheduled_maintenances\", \"components\" or \"status\""
            ),
            StatuspageError::WrongShape { expected, found } => {
                write!(f, "expected a statuspage {expected} document, found {found}")
            }
            StatuspageError::UnknownStatus { at, source } => write!(f, "{at}: {source}"),
            StatuspageError::BadTimestamp { at, value } => {
                write!(f, "{at}: {value:?} is not an rfc 3339 timestamp")
            }
            StatuspageError::LimitExceeded { at, limit, found, max } => {
                if let Some(at) = at {
                    write!(f, "{at}: ")?;
                }
                match limit {
                    super::Limit::InputBytes => write!(f, "the document is {found} bytes")?,
                    super::Limit::Events => {
                        write!(f, "the document has {found} incidents and maintenances")?;
                    }
                    super::Limit::UpdatesPerEvent => write!(f, "{found} updates")?,
                    super::Limit::BodyBytes => write!(f, "a body of {found} bytes")?,
                }
                write!(f, ", over the limit of {max} (Limits::{})", limit.field())
            }
            StatuspageError::BadValue { at, message } | StatuspageError::Invalid { at, message } => {
                write!(f, "{at}: {message}")
            }
        }
    }
}

impl std::error::Error for StatuspageError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            StatuspageError::UnknownStatus { source, .. } => Some(source),
            _ => None,
        }
    }
}
