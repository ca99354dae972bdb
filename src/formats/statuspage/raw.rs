//! JSON values kept verbatim.

use core::fmt;
use std::borrow::Cow;
use std::sync::Arc;

use serde::de::{Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};

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
pub struct RawJson(Arc<str>);

impl RawJson {
    /// Checks that `text` is one JSON value and keeps it.
    ///
    /// # Errors
    ///
    /// [`StatuspageError::Syntax`] if it is not, or if a string in it holds an
    /// escape that is no character (a lone surrogate such as `"\ud800"`).
    ///
    /// # Example
    ///
    /// ```
    /// use incident_model::formats::statuspage::{RawJson, StatuspageError};
    /// let raw = RawJson::new(r#"{"a": [1, 2.50]}"#)?;
    /// assert_eq!(raw.as_str(), r#"{"a": [1, 2.50]}"#); // exact text, not re-encoded
    /// assert!(matches!(RawJson::new("[1,"), Err(StatuspageError::Syntax(_))));
    /// assert!(RawJson::new("1 2").is_err()); // two values
    /// assert!(RawJson::new(r#"["\ud800"]"#).is_err()); // a lone surrogate
    /// # Ok::<(), StatuspageError>(())
    /// ```
    pub fn new(text: impl Into<String>) -> Result<Self, StatuspageError> {
        let raw = serde_json::value::RawValue::from_string(text.into())
            .map_err(|err| StatuspageError::from_json(&err))?;
        check_escapes(raw.get()).map_err(|err| StatuspageError::from_json(&err))?;
        Ok(RawJson(Arc::from(Box::<str>::from(raw))))
    }

    /// The JSON text of a string value.
    pub(crate) fn string(value: &str) -> Self {
        // Serializing a str cannot fail; fall back to an empty string literal.
        RawJson(
            serde_json::to_string(value)
                .unwrap_or_else(|_| "\"\"".to_owned())
                .into(),
        )
    }

    /// `null`.
    pub(crate) fn null() -> Self {
        RawJson("null".into())
    }

    /// `[]`.
    pub(crate) fn empty_list() -> Self {
        RawJson("[]".into())
    }

    pub(crate) fn from_raw(raw: &serde_json::value::RawValue) -> Self {
        RawJson(raw.get().into())
    }

    /// A value whose text is already checked, shared with other values.
    pub(crate) fn shared(text: Arc<str>) -> Self {
        RawJson(text)
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

/// Checks that every string of the JSON value `text` (keys too) decodes: the
/// raw text of a kept value is not decoded when read, so a lone surrogate
/// escape (`"\ud800"`) would pass and be written back as JSON that readers
/// refuse. Only text with a `\u` escape is read again.
pub(crate) fn check_escapes(text: &str) -> Result<(), serde_json::Error> {
    if !text.contains("\\u") {
        return Ok(());
    }
    serde_json::from_str::<Decoded>(text).map(|_| ())
}

/// A JSON value read through with every string decoded; nothing is kept.
struct Decoded;

impl<'de> Deserialize<'de> for Decoded {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(DecodedVisitor)
    }
}

struct DecodedVisitor;

impl<'de> Visitor<'de> for DecodedVisitor {
    type Value = Decoded;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON value")
    }
    fn visit_bool<E>(self, _: bool) -> Result<Decoded, E> {
        Ok(Decoded)
    }
    fn visit_i64<E>(self, _: i64) -> Result<Decoded, E> {
        Ok(Decoded)
    }
    fn visit_u64<E>(self, _: u64) -> Result<Decoded, E> {
        Ok(Decoded)
    }
    fn visit_f64<E>(self, _: f64) -> Result<Decoded, E> {
        Ok(Decoded)
    }
    fn visit_str<E>(self, _: &str) -> Result<Decoded, E> {
        Ok(Decoded)
    }
    fn visit_unit<E>(self) -> Result<Decoded, E> {
        Ok(Decoded)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Decoded, A::Error> {
        while seq.next_element::<Decoded>()?.is_some() {}
        Ok(Decoded)
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Decoded, A::Error> {
        while map.next_entry::<Decoded, Decoded>()?.is_some() {}
        Ok(Decoded)
    }
}
