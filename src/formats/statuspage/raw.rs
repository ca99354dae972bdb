//! JSON values kept verbatim.

use core::fmt;
use std::borrow::Cow;

use super::error::StatuspageError;

/// A JSON value kept verbatim: its exact text, checked to be JSON.
///
/// # Example
///
/// ```
/// use incident_model::formats::statuspage::RawJson;
/// let raw = RawJson::new("1425224704026046467")?;
/// assert_eq!(raw.as_str(), "1425224704026046467");
/// assert!(RawJson::new("{").is_err());
/// # Ok::<(), incident_model::formats::statuspage::StatuspageError>(())
/// ```
#[derive(Clone, PartialEq, Eq, Hash, Debug)]
pub struct RawJson(Box<str>);

impl RawJson {
    /// Checks that `text` is one JSON value and keeps it.
    ///
    /// # Errors
    ///
    /// [`StatuspageError::Syntax`] if it is not.
    ///
    /// # Example
    ///
    /// ```
    /// use incident_model::formats::statuspage::{RawJson, StatuspageError};
    /// let raw = RawJson::new(r#"{"a": [1, 2.50]}"#)?;
    /// assert_eq!(raw.as_str(), r#"{"a": [1, 2.50]}"#); // exact text, not re-encoded
    /// assert!(matches!(RawJson::new("[1,"), Err(StatuspageError::Syntax(_))));
    /// assert!(RawJson::new("1 2").is_err()); // two values
    /// # Ok::<(), StatuspageError>(())
    /// ```
    pub fn new(text: impl Into<String>) -> Result<Self, StatuspageError> {
        let raw = serde_json::value::RawValue::from_string(text.into())
            .map_err(|err| StatuspageError::from_json(&err))?;
        Ok(RawJson(Box::<str>::from(raw)))
    }

    /// The JSON text of a string value.
    pub(crate) fn string(value: &str) -> Self {
        // Serializing a str cannot fail; fall back to an empty string literal.
        RawJson(
            serde_json::to_string(value)
                .unwrap_or_else(|_| "\"\"".to_owned())
                .into_boxed_str(),
        )
    }

    pub(crate) fn from_raw(raw: &serde_json::value::RawValue) -> Self {
        RawJson(raw.get().into())
    }

    /// The JSON text.
    ///
    /// # Example
    ///
    /// ```
    /// use incident_model::formats::statuspage::RawJson;
    /// let raw = RawJson::new(r#""[]""#)?;
    /// assert_eq!(raw.as_str(), r#""[]""#);
    /// assert_eq!(raw.as_str(), raw.to_string());
    /// # Ok::<(), incident_model::formats::statuspage::StatuspageError>(())
    /// ```
    #[must_use]
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for RawJson {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Keys kept verbatim, with their JSON text, in input order. Keys of the
/// documented schema are borrowed from a static list; others are owned.
pub type Fields = Vec<(Cow<'static, str>, RawJson)>;
