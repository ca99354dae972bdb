//! JSON helpers shared by the formats (feature `json`).

/// The line, column and message of a `serde_json` error. serde_json appends
/// " at line L column C" to its message; the crate's errors carry the position
/// in fields instead.
pub(crate) fn error_parts(err: &serde_json::Error) -> (usize, usize, String) {
    let message = err.to_string();
    let suffix = format!(" at line {} column {}", err.line(), err.column());
    let message = message.strip_suffix(&suffix).unwrap_or(&message).to_owned();
    (err.line(), err.column(), message)
}
