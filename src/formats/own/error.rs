//! The error of the crate's own JSON format.

use core::fmt;

use crate::builder::ValidationError;
use crate::policy::Lifecycle;

/// Why the crate's own JSON format could not be read (feature `json`).
///
/// # Example
///
/// ```
/// use incident_model::{FormatError, Incident};
/// let err = Incident::from_json("{\"id\": ").unwrap_err();
/// let FormatError::Syntax { line, column, .. } = &err else { panic!() };
/// assert_eq!((*line, *column), (1, 7));
/// assert!(err.to_string().starts_with("json at line 1, column 7: "));
/// ```
#[cfg(feature = "json")]
#[derive(Clone, PartialEq, Eq, Debug)]
#[non_exhaustive]
pub enum FormatError<S> {
    /// Not JSON, or JSON of another shape (a missing or unknown field, a wrong
    /// type, an unknown status name, a timestamp that is not RFC 3339).
    Syntax {
        /// Line of the error (1-based).
        line: usize,
        /// Column of the error (1-based).
        column: usize,
        /// What the JSON reader said.
        message: String,
    },
    /// Well-formed data that the constructors refuse.
    Invalid(ValidationError<S>),
}

#[cfg(feature = "json")]
impl<S> FormatError<S> {
    pub(crate) fn from_json(err: &serde_json::Error) -> Self {
        let (line, column, message) = crate::formats::json::error_parts(err);
        FormatError::Syntax {
            line,
            column,
            message,
        }
    }
}

#[cfg(feature = "json")]
impl<S: Lifecycle> fmt::Display for FormatError<S> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FormatError::Syntax {
                line,
                column,
                message,
            } => {
                write!(f, "json at line {line}, column {column}: {message}")
            }
            FormatError::Invalid(err) => fmt::Display::fmt(err, f),
        }
    }
}

#[cfg(feature = "json")]
impl<S: Lifecycle> std::error::Error for FormatError<S> {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            FormatError::Invalid(err) => Some(err),
            FormatError::Syntax { .. } => None,
        }
    }
}
