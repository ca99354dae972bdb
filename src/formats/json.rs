//! JSON helpers shared by the formats (feature `json`).

use core::fmt;

/// JSON that does not parse, or a known field holding JSON of the wrong type:
/// the one syntax error of every JSON format of the crate (the crate's own
/// format, [`FormatError::Syntax`](crate::FormatError::Syntax), and Statuspage,
/// `StatuspageError::Syntax`).
///
/// Prints as `json at line L, column C: what the JSON reader said`.
///
/// # Example
///
/// ```
/// use incident_model::{FormatError, Incident};
/// let FormatError::Syntax(err) = Incident::from_json("{\"id\": ").unwrap_err() else { panic!() };
/// assert_eq!((err.line, err.column), (1, 7));
/// assert_eq!(err.to_string(), "json at line 1, column 7: EOF while parsing a value");
/// ```
#[derive(Clone, PartialEq, Eq, Hash, Debug)]
#[non_exhaustive]
pub struct JsonSyntaxError {
    /// Line of the error (1-based).
    pub line: usize,
    /// Column of the error (1-based).
    pub column: usize,
    /// What the JSON reader said, without its position.
    pub message: String,
}

impl JsonSyntaxError {
    /// The error of `err`. serde_json appends " at line L column C" to its
    /// message; the crate's error carries the position in fields instead.
    pub(crate) fn new(err: &serde_json::Error) -> Self {
        let (line, column) = (err.line(), err.column());
        let message = err.to_string();
        let suffix = format!(" at line {line} column {column}");
        let message = match message.strip_suffix(&suffix) {
            Some(message) => message.to_owned(),
            None => message,
        };
        JsonSyntaxError {
            line,
            column,
            message,
        }
    }
}

impl fmt::Display for JsonSyntaxError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let JsonSyntaxError {
            line,
            column,
            message,
        } = self;
        write!(f, "json at line {line}, column {column}: {message}")
    }
}

impl std::error::Error for JsonSyntaxError {}
