//! The error of the crate's own JSON format.

use core::fmt;

use crate::builder::ValidationError;
#[cfg(feature = "json")]
use crate::formats::json::JsonSyntaxError;
use crate::policy::Lifecycle;

/// Why the crate's own JSON format could not be read (feature `json`).
///
/// # Example
///
/// ```
/// use incident_model::{FormatError, Incident};
/// let err = Incident::from_json("{\"id\": ").unwrap_err();
/// let FormatError::Syntax(syntax) = &err else { panic!() };
/// assert_eq!((syntax.line, syntax.column), (1, 7));
/// assert!(err.to_string().starts_with("json at line 1, column 7: "));
/// ```
#[cfg(feature = "json")]
#[derive(Clone, PartialEq, Eq, Debug)]
#[non_exhaustive]
pub enum FormatError<S> {
    /// Not JSON, or JSON of another shape (a missing or unknown field, a wrong
    /// type, an unknown status name, a timestamp that is not RFC 3339).
    Syntax(JsonSyntaxError),
    /// Well-formed data that the constructors refuse.
    Invalid(ValidationError<S>),
}

#[cfg(feature = "json")]
impl<S> FormatError<S> {
    pub(crate) fn from_json(err: &serde_json::Error) -> Self {
        FormatError::Syntax(JsonSyntaxError::new(err))
    }
}

#[cfg(feature = "json")]
impl<S: Lifecycle> fmt::Display for FormatError<S> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FormatError::Syntax(err) => fmt::Display::fmt(err, f),
            FormatError::Invalid(err) => fmt::Display::fmt(err, f),
        }
    }
}

#[cfg(feature = "json")]
impl<S: Lifecycle> std::error::Error for FormatError<S> {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            FormatError::Invalid(err) => Some(err),
            // The syntax error prints as this error: not a cause of its own.
            FormatError::Syntax(_) => None,
        }
    }
}
