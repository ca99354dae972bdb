//! The error of reading and writing Statuspage JSON.

use core::fmt;

use crate::builder::ValidationError;
use crate::formats::json::JsonSyntaxError;
use crate::id::{EventId, IdError};
use crate::status::{IncidentStatus, MaintenanceStatus, ParseStatusError};

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
/// use incident_model::error::JsonSyntaxError;
/// use incident_model::formats::statuspage::{self, StatuspageError};
/// let err = statuspage::read("{\"incidents\": [").unwrap_err();
/// assert!(matches!(err, StatuspageError::Syntax(JsonSyntaxError { line: 1, column: 15, .. })));
/// assert!(err.to_string().starts_with("json at line 1, column 15: "));
/// ```
#[derive(Clone, PartialEq, Eq, Debug)]
#[non_exhaustive]
pub enum StatuspageError {
    /// Not JSON, or a known field holding JSON of the wrong type.
    Syntax(JsonSyntaxError),
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
        source: ParseStatusError,
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
        /// What is wrong, with the model's typed error when the model refused
        /// the value.
        problem: ValueError,
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
        /// The model's error, of the lifecycle the event was read in.
        source: AnyValidationError,
    },
}

impl StatuspageError {
    pub(crate) fn from_json(err: &serde_json::Error) -> Self {
        StatuspageError::Syntax(JsonSyntaxError::new(err))
    }
}

impl fmt::Display for StatuspageError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StatuspageError::Syntax(err) => fmt::Display::fmt(err, f),
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
                    super::Limit::IdBytes => write!(f, "an id of {found} bytes")?,
                    super::Limit::NameBytes => write!(f, "a name of {found} bytes")?,
                }
                write!(f, ", over the limit of {max} (Limits::{})", limit.field())
            }
            StatuspageError::BadValue { at, problem } => write!(f, "{at}: {problem}"),
            StatuspageError::Invalid { at, source } => write!(f, "{at}: {source}"),
        }
    }
}

impl std::error::Error for StatuspageError {
    /// The model's typed error: the [`ParseStatusError`], [`IdError`] or
    /// [`ValidationError`] itself (not the enum that carries it).
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            StatuspageError::UnknownStatus { source, .. } => Some(source),
            StatuspageError::BadValue { problem, .. } => problem.cause(),
            StatuspageError::Invalid { source, .. } => Some(source.inner()),
            _ => None,
        }
    }
}

/// What is wrong with a value in [`StatuspageError::BadValue`]: a value the
/// reader cannot do without is missing, or the model refused it.
///
/// # Example
///
/// ```
/// use std::error::Error;
/// use incident_model::IdError;
/// use incident_model::formats::statuspage::{self, StatuspageError, ValueError};
/// let err = statuspage::read(r#"{"id": "", "incident_updates": []}"#).unwrap_err();
/// let StatuspageError::BadValue { problem, .. } = &err else { panic!() };
/// assert!(matches!(problem, ValueError::Id(_)));
/// assert_eq!(err.to_string(), "field \"id\": empty event id: an id must have at least one character");
/// assert!(err.source().unwrap().downcast_ref::<IdError>().is_some());
/// ```
#[derive(Clone, PartialEq, Eq, Debug)]
#[non_exhaustive]
pub enum ValueError {
    /// A field the reader cannot do without (an id, a status, any timestamp of
    /// an update) is missing or null; the text says which, lowercase.
    Missing(String),
    /// An id the model refuses (an empty one).
    Id(IdError),
    /// An update status of the other lifecycle: the updates mix incident and
    /// maintenance statuses.
    OtherLifecycle {
        /// The status as given.
        value: String,
        /// The lifecycle the event is read in (`incident`, `maintenance`).
        lifecycle: &'static str,
        /// Why the status is not one of that lifecycle.
        source: ParseStatusError,
    },
}

impl ValueError {
    /// The model's typed error behind the problem, if any.
    fn cause(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            ValueError::Missing(_) => None,
            ValueError::Id(err) => Some(err),
            ValueError::OtherLifecycle { source, .. } => Some(source),
        }
    }
}

impl fmt::Display for ValueError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ValueError::Missing(what) => f.write_str(what),
            ValueError::Id(err) => fmt::Display::fmt(err, f),
            ValueError::OtherLifecycle {
                value,
                lifecycle,
                source,
            } => write!(
                f,
                "{value:?} is not in the {lifecycle} lifecycle: the updates mix incident and maintenance statuses ({source})"
            ),
        }
    }
}

impl std::error::Error for ValueError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        self.cause()
    }
}

/// A [`ValidationError`] of either lifecycle: why an event read as an incident
/// or as a maintenance builds no valid model value. Prints as the error it
/// holds.
///
/// # Example
///
/// ```
/// use std::error::Error;
/// use incident_model::{IncidentStatus, ValidationError};
/// use incident_model::formats::statuspage::{self, AnyValidationError, StatuspageError};
/// let json = r#"{"id": "x9mb3wh2r6nr", "incident_updates": [
///     {"id": "a", "status": "resolved", "created_at": "2020-01-01T00:00:00Z"},
///     {"id": "a", "status": "investigating", "created_at": "2019-01-01T00:00:00Z"}]}"#;
/// let err = statuspage::read(json).unwrap_err();
/// let StatuspageError::Invalid { source, .. } = &err else { panic!() };
/// assert!(matches!(source, AnyValidationError::Incident(ValidationError::DuplicateUpdateId { .. })));
/// let typed = err.source().unwrap().downcast_ref::<ValidationError<IncidentStatus>>();
/// assert!(matches!(typed, Some(ValidationError::DuplicateUpdateId { .. })));
/// ```
#[derive(Clone, PartialEq, Eq, Debug)]
#[non_exhaustive]
pub enum AnyValidationError {
    /// The event was read as an incident.
    Incident(ValidationError<IncidentStatus>),
    /// The event was read as a maintenance.
    Maintenance(ValidationError<MaintenanceStatus>),
}

impl AnyValidationError {
    /// The error it holds.
    fn inner(&self) -> &(dyn std::error::Error + 'static) {
        match self {
            AnyValidationError::Incident(err) => err,
            AnyValidationError::Maintenance(err) => err,
        }
    }
}

impl From<ValidationError<IncidentStatus>> for AnyValidationError {
    fn from(err: ValidationError<IncidentStatus>) -> Self {
        AnyValidationError::Incident(err)
    }
}

impl From<ValidationError<MaintenanceStatus>> for AnyValidationError {
    fn from(err: ValidationError<MaintenanceStatus>) -> Self {
        AnyValidationError::Maintenance(err)
    }
}

impl fmt::Display for AnyValidationError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self.inner(), f)
    }
}

impl std::error::Error for AnyValidationError {
    /// The source of the error it holds (this error prints as that one).
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        self.inner().source()
    }
}
