//! Walking a JSON value of a platform's format field by field, each miss a
//! [`ReadError::Malformed`] naming the format, the event, the update and the
//! field.

// Each reader uses a part of the helpers: a build with only some of the
// formats leaves the others unused.
#![cfg_attr(
    not(all(
        feature = "google_cloud",
        feature = "slack",
        feature = "incident_io",
        feature = "cachet"
    )),
    allow(dead_code)
)]

use chrono::{DateTime, Utc};
use serde_json::{Map, Value};

use super::document::Format;
use super::error::{Location, Problem, ReadError};

/// One JSON object of a document, and where it is.
#[derive(Clone, Copy)]
pub(crate) struct Object<'a> {
    format: Format,
    event: Option<&'a str>,
    update: Option<usize>,
    map: &'a Map<String, Value>,
}

impl<'a> Object<'a> {
    /// The top-level object of a document, or an error naming `what`.
    pub(crate) fn root(format: Format, value: &'a Value, what: &str) -> Result<Self, ReadError> {
        match value {
            Value::Object(map) => Ok(Object {
                format,
                event: None,
                update: None,
                map,
            }),
            _ => Err(ReadError::malformed(
                format,
                Location::document(what),
                wrong("an object"),
            )),
        }
    }

    /// `value` as an object at the same place (an element of one of its
    /// lists), named `field` when it is not one.
    pub(crate) fn nested(self, value: &'a Value, field: &str) -> Result<Self, ReadError> {
        match value {
            Value::Object(map) => Ok(Object { map, ..self }),
            _ => Err(self.error(field, wrong("an object"))),
        }
    }

    /// The same object, now known to be event `event`.
    pub(crate) fn in_event(self, event: &'a str) -> Self {
        Object {
            event: Some(event),
            ..self
        }
    }

    /// An update of this event, at `position` of its list.
    pub(crate) fn update(
        self,
        value: &'a Value,
        field: &str,
        position: usize,
    ) -> Result<Self, ReadError> {
        let at = Object {
            update: Some(position),
            ..self
        };
        at.nested(value, field)
    }

    /// Where `field` of this object is.
    pub(crate) fn at(&self, field: &str) -> Location {
        Location {
            event: self.event.map(str::to_owned),
            update: self.update,
            field: field.to_owned(),
        }
    }

    /// An error at `field`.
    pub(crate) fn error(&self, field: &str, problem: impl Into<Problem>) -> ReadError {
        ReadError::malformed(self.format, self.at(field), problem)
    }

    /// The value of `field`, `None` when missing or null.
    pub(crate) fn get(&self, field: &str) -> Option<&'a Value> {
        self.map.get(field).filter(|v| !v.is_null())
    }

    /// Whether the object has `key` (even null).
    pub(crate) fn map_has(&self, key: &str) -> bool {
        self.map.contains_key(key)
    }

    /// A string field that must be there.
    pub(crate) fn str(&self, field: &str) -> Result<&'a str, ReadError> {
        self.opt_str(field)?
            .ok_or_else(|| self.error(field, Problem::Missing))
    }

    /// A string field, `None` when missing or null.
    pub(crate) fn opt_str(&self, field: &str) -> Result<Option<&'a str>, ReadError> {
        match self.get(field) {
            None => Ok(None),
            Some(Value::String(s)) => Ok(Some(s)),
            Some(_) => Err(self.error(field, wrong("a string"))),
        }
    }

    /// An id: a string, or an integer written as one.
    pub(crate) fn id(&self, field: &str) -> Result<String, ReadError> {
        match self.get(field) {
            None => Err(self.error(field, Problem::Missing)),
            Some(Value::String(s)) => Ok(s.clone()),
            Some(Value::Number(n)) if n.is_u64() || n.is_i64() => Ok(n.to_string()),
            Some(_) => Err(self.error(field, wrong("a string or an integer"))),
        }
    }

    /// An integer field that must be there.
    pub(crate) fn integer(&self, field: &str) -> Result<i64, ReadError> {
        match self.get(field) {
            None => Err(self.error(field, Problem::Missing)),
            Some(value) => value
                .as_i64()
                .ok_or_else(|| self.error(field, wrong("an integer"))),
        }
    }

    /// A list field; missing or null is empty.
    pub(crate) fn list(&self, field: &str) -> Result<&'a [Value], ReadError> {
        match self.get(field) {
            None => Ok(&[]),
            Some(Value::Array(items)) => Ok(items),
            Some(_) => Err(self.error(field, wrong("a list"))),
        }
    }

    /// An RFC 3339 time that must be there.
    pub(crate) fn time(&self, field: &str) -> Result<DateTime<Utc>, ReadError> {
        self.opt_time(field)?
            .ok_or_else(|| self.error(field, Problem::Missing))
    }

    /// An RFC 3339 time, `None` when missing or null.
    pub(crate) fn opt_time(&self, field: &str) -> Result<Option<DateTime<Utc>>, ReadError> {
        let Some(text) = self.opt_str(field)? else {
            return Ok(None);
        };
        let time = crate::time::parse_rfc3339(text).map_err(|_| {
            let value = text.to_owned();
            self.error(
                field,
                Problem::NotATime {
                    value,
                    expected: "an rfc 3339 time",
                },
            )
        })?;
        Ok(Some(time.with_timezone(&Utc)))
    }

    /// The value of `field` looked up in a mapping table of `(wire, model)`.
    pub(crate) fn mapped<T: Copy>(
        &self,
        field: &str,
        table: &[(&str, T)],
        known: &'static [&'static str],
    ) -> Result<T, ReadError> {
        let value = self.str(field)?;
        look_up(value, table).ok_or_else(|| {
            let value = value.to_owned();
            self.error(field, Problem::UnknownValue { value, known })
        })
    }

    /// The keys of this object that are not in `known`.
    pub(crate) fn unknown_keys(&self, known: &[&str]) -> Vec<&'a str> {
        self.map
            .keys()
            .map(String::as_str)
            .filter(|k| !known.contains(k))
            .collect()
    }
}

/// The model value of `wire` in a mapping table.
pub(crate) fn look_up<T: Copy>(wire: &str, table: &[(&str, T)]) -> Option<T> {
    table.iter().find(|(w, _)| *w == wire).map(|(_, t)| *t)
}

fn wrong(expected: &'static str) -> Problem {
    Problem::WrongType { expected }
}

/// Parses a document's JSON.
pub(crate) fn parse(format: Format, text: &str) -> Result<Value, ReadError> {
    serde_json::from_str(text).map_err(|source| ReadError::Json { format, source })
}
