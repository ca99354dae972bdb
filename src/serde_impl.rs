//! The crate's own serde format: the `Serialize`/`Deserialize` impls. The format
//! is documented in [`crate::own_format`].

use core::fmt;
use core::marker::PhantomData;

use chrono::{DateTime, Utc};
use serde::de::{self, Deserializer, MapAccess, Visitor};
use serde::ser::Serializer;
use serde::{Deserialize, Serialize};

use crate::component::{Component, IncidentId};
use crate::incident::{Event, EventParts, Schedule};
use crate::policy::{Lifecycle, Policy};
use crate::status::Impact;
use crate::update::Update;

/// The serialized shape of an event, borrowed for writing.
#[derive(Serialize)]
struct EventRef<'a, S: Lifecycle> {
    id: &'a IncidentId,
    name: &'a str,
    impact: Impact,
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    components: &'a [Component],
    #[serde(skip_serializing_if = "Option::is_none")]
    started_at: Option<DateTime<Utc>>,
    created_at: DateTime<Utc>,
    #[serde(skip_serializing_if = "Option::is_none")]
    schedule: Option<&'a Schedule>,
    policy: Policy<S>,
    updates: &'a [Update<S>],
}

/// The serialized shape of an event, owned for reading.
#[derive(Deserialize)]
#[serde(deny_unknown_fields, bound = "S: Lifecycle + Deserialize<'de>")]
pub(crate) struct EventWire<S> {
    id: IncidentId,
    name: String,
    impact: Impact,
    #[serde(default)]
    components: Vec<Component>,
    #[serde(default, deserialize_with = "time::started_at")]
    started_at: Option<DateTime<Utc>>,
    #[serde(deserialize_with = "time::created_at")]
    created_at: DateTime<Utc>,
    #[serde(default)]
    schedule: Option<Schedule>,
    #[serde(default)]
    policy: Option<Policy<S>>,
    updates: Vec<Update<S>>,
}

impl<S: Lifecycle> EventWire<S> {
    pub(crate) fn into_event(self) -> Result<Event<S>, crate::ValidationError<S>> {
        let parts = EventParts {
            id: self.id,
            name: self.name,
            impact: self.impact,
            components: self.components,
            started_at: self.started_at,
            created_at: self.created_at,
            schedule: self.schedule,
            updates: self.updates,
        };
        Event::from_parts(parts, self.policy.unwrap_or_default())
    }
}

impl<S: Lifecycle + Serialize> Serialize for Event<S> {
    fn serialize<Ser: Serializer>(&self, serializer: Ser) -> Result<Ser::Ok, Ser::Error> {
        EventRef {
            id: &self.id,
            name: &self.name,
            impact: self.impact,
            components: &self.components,
            started_at: self.started_at,
            created_at: self.created_at,
            schedule: self.schedule.as_ref(),
            policy: self.policy,
            updates: &self.updates,
        }
        .serialize(serializer)
    }
}

impl<'de, S: Lifecycle + Deserialize<'de>> Deserialize<'de> for Event<S> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        EventWire::deserialize(deserializer)?
            .into_event()
            .map_err(de::Error::custom)
    }
}

/// A custom policy table as serialized.
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Table<S> {
    first: Vec<S>,
    moves: Vec<(S, S)>,
}

impl<S: Lifecycle + Serialize> Serialize for Policy<S> {
    fn serialize<Ser: Serializer>(&self, serializer: Ser) -> Result<Ser::Ok, Ser::Error> {
        match self.name() {
            "custom" => Table {
                first: self.first_statuses().collect(),
                moves: self.moves().collect(),
            }
            .serialize(serializer),
            name => serializer.serialize_str(name),
        }
    }
}

impl<'de, S: Lifecycle + Deserialize<'de>> Deserialize<'de> for Policy<S> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct PolicyVisitor<S>(PhantomData<S>);

        impl<'de, S: Lifecycle + Deserialize<'de>> Visitor<'de> for PolicyVisitor<S> {
            type Value = Policy<S>;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(
                    "a policy: \"standard\", \"strict\", \"permissive\" or a {first, moves} table",
                )
            }

            fn visit_str<E: de::Error>(self, name: &str) -> Result<Policy<S>, E> {
                Policy::preset(name).ok_or_else(|| {
                    E::custom(format_args!(
                        "unknown policy {name:?}: expected standard, strict, permissive or a {{first, moves}} table"
                    ))
                })
            }

            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Policy<S>, A::Error> {
                let table = Table::<S>::deserialize(de::value::MapAccessDeserializer::new(map))?;
                Ok(Policy::from_table(&table.first, &table.moves))
            }
        }

        deserializer.deserialize_any(PolicyVisitor(PhantomData))
    }
}

/// Timestamps: RFC 3339 with any offset and precision, converted to UTC; a bad one
/// gets an error naming the field.
pub(crate) mod time {
    use chrono::{DateTime, Utc};
    use serde::{de, Deserialize, Deserializer};

    /// Parses an RFC 3339 timestamp into UTC: exactly
    /// `DateTime::parse_from_rfc3339(text).map(|t| t.with_timezone(&Utc))`, with
    /// a fast path for the common form `YYYY-MM-DDTHH:MM:SS[.f{1,9}](Z|±HH:MM)`
    /// (chrono's general parser costs several hundred instructions a
    /// timestamp, and a Statuspage export holds several per update). Anything
    /// else, including every error, goes through chrono.
    pub(crate) fn rfc3339_utc(text: &str) -> Result<DateTime<Utc>, chrono::ParseError> {
        match common_form(text.as_bytes()) {
            Some(time) => Ok(time),
            None => DateTime::parse_from_rfc3339(text).map(|t| t.with_timezone(&Utc)),
        }
    }

    /// The fast path of [`rfc3339_utc`]: `None` whenever the text is not in
    /// the common form or is not a valid time (chrono then decides).
    fn common_form(b: &[u8]) -> Option<DateTime<Utc>> {
        let digit = |i: usize| -> Option<u32> {
            let c = *b.get(i)?;
            c.is_ascii_digit().then(|| u32::from(c - b'0'))
        };
        let number = |from: usize, len: usize| -> Option<u32> {
            (from..from.checked_add(len)?).try_fold(0u32, |value, i| {
                value.checked_mul(10)?.checked_add(digit(i)?)
            })
        };
        let separators = [(4, b'-'), (7, b'-'), (10, b'T'), (13, b':'), (16, b':')];
        if separators.iter().any(|&(at, c)| b.get(at) != Some(&c)) {
            return None;
        }
        let year = i32::try_from(number(0, 4)?).ok()?;
        let (month, day) = (number(5, 2)?, number(8, 2)?);
        let (hour, minute, second) = (number(11, 2)?, number(14, 2)?, number(17, 2)?);
        if second > 59 {
            return None; // a leap second: chrono's rules
        }
        let mut at = 19usize;
        let mut nanos = 0u32;
        if b.get(at) == Some(&b'.') {
            at = at.checked_add(1)?;
            let start = at;
            while let Some(d) = digit(at) {
                if at.checked_sub(start)? == 9 {
                    return None; // more than nanoseconds: chrono truncates
                }
                nanos = nanos.checked_mul(10)?.checked_add(d)?;
                at = at.checked_add(1)?;
            }
            let count = u32::try_from(at.checked_sub(start)?).ok()?;
            if count == 0 {
                return None;
            }
            nanos = nanos.checked_mul(10u32.checked_pow(9u32.checked_sub(count)?)?)?;
        }
        let offset: i64 = match b.get(at..)? {
            b"Z" => 0,
            [sign @ (b'+' | b'-'), _, _, b':', _, _] => {
                let first = at.checked_add(1)?;
                let (hours, minutes) = (number(first, 2)?, number(first.checked_add(3)?, 2)?);
                if hours > 23 || minutes > 59 {
                    return None;
                }
                let seconds = i64::from(hours * 3_600 + minutes * 60);
                if *sign == b'-' {
                    -seconds
                } else {
                    seconds
                }
            }
            _ => return None,
        };
        let local = chrono::NaiveDate::from_ymd_opt(year, month, day)?
            .and_hms_nano_opt(hour, minute, second, nanos)?;
        let utc = local.checked_sub_signed(chrono::TimeDelta::try_seconds(offset)?)?;
        Some(utc.and_utc())
    }

    /// Parses an RFC 3339 timestamp, naming `field` in the error.
    pub(crate) fn parse(field: &str, text: &str) -> Result<DateTime<Utc>, String> {
        rfc3339_utc(text).map_err(|err| {
            format!("invalid {field} {text:?}: expected an RFC 3339 timestamp such as 2020-03-16T14:28:00Z ({err})")
        })
    }

    fn field<'de, D: Deserializer<'de>>(
        name: &str,
        deserializer: D,
    ) -> Result<DateTime<Utc>, D::Error> {
        let text = <std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
        parse(name, &text).map_err(de::Error::custom)
    }

    fn optional_field<'de, D: Deserializer<'de>>(
        name: &str,
        deserializer: D,
    ) -> Result<Option<DateTime<Utc>>, D::Error> {
        let text = <Option<std::borrow::Cow<'de, str>>>::deserialize(deserializer)?;
        text.map(|text| parse(name, &text).map_err(de::Error::custom))
            .transpose()
    }

    macro_rules! fields {
        ($($name:ident),*; optional $($optional:ident),*) => {
            $(
                pub(crate) fn $name<'de, D: Deserializer<'de>>(d: D) -> Result<DateTime<Utc>, D::Error> {
                    field(stringify!($name), d)
                }
            )*
            $(
                pub(crate) fn $optional<'de, D: Deserializer<'de>>(
                    d: D,
                ) -> Result<Option<DateTime<Utc>>, D::Error> {
                    optional_field(stringify!($optional), d)
                }
            )*
        };
    }

    fields!(display_at, created_at, scheduled_for, scheduled_until; optional started_at);
}

#[cfg(feature = "json")]
mod json {
    use super::EventWire;
    use crate::error::FormatError;
    use crate::incident::Event;
    use crate::policy::Lifecycle;

    impl<S: Lifecycle + serde::Serialize + serde::de::DeserializeOwned> Event<S> {
        /// Reads an event from the crate's own JSON format, with a typed error.
        ///
        /// # Errors
        ///
        /// [`FormatError::Syntax`] for JSON that does not parse or has the wrong
        /// shape (with line and column), [`FormatError::Invalid`] for data the
        /// constructors refuse (the very [`ValidationError`](crate::ValidationError)
        /// the builder gives).
        ///
        /// # Example
        ///
        /// ```
        /// use incident_model::{FormatError, Incident, ValidationError};
        /// let json = r#"{"id": "inc-1", "name": "x", "impact": "none",
        ///                "created_at": "2020-03-16T14:28:00Z", "updates": []}"#;
        /// let err = Incident::from_json(json).unwrap_err();
        /// assert!(matches!(err, FormatError::Invalid(ValidationError::NoUpdates { .. })));
        /// ```
        pub fn from_json(json: &str) -> Result<Self, FormatError<S>> {
            let wire: EventWire<S> = serde_json::from_str(json).map_err(FormatError::from_json)?;
            wire.into_event().map_err(FormatError::Invalid)
        }

        /// Writes the event in the crate's own JSON format (pretty-printed).
        ///
        /// # Example
        ///
        /// ```
        /// use chrono::{TimeZone, Utc};
        /// use incident_model::{Incident, IncidentStatus, Update};
        /// let incident = Incident::builder("x").update(Update::new(IncidentStatus::Investigating, Utc.timestamp_opt(1_584_368_880, 0).unwrap())).build()?;
        /// assert_eq!(Incident::from_json(&incident.to_json())?, incident);
        /// # Ok::<(), Box<dyn std::error::Error>>(())
        /// ```
        #[must_use]
        pub fn to_json(&self) -> String {
            // Serializing the model into a String cannot fail: every key is a
            // string and every value serializes.
            serde_json::to_string_pretty(self).unwrap_or_default()
        }
    }
}

#[cfg(test)]
mod tests {
    use chrono::{DateTime, Utc};

    fn chrono(text: &str) -> Result<DateTime<Utc>, chrono::ParseError> {
        DateTime::parse_from_rfc3339(text).map(|t| t.with_timezone(&Utc))
    }

    /// The fast path gives exactly chrono's answer, value or error.
    #[test]
    fn the_fast_path_agrees_with_chrono() {
        let fixed = [
            "2020-03-16T14:28:00Z",
            "2020-03-16T14:28:00.123Z",
            "2020-03-16T14:28:00.1Z",
            "2020-03-16T14:28:00.123456789Z",
            "2020-03-16T14:28:00.1234567891Z",
            "2020-03-16T14:28:00.Z",
            "2020-03-16T10:28:00-04:00",
            "2020-03-16T10:28:00.5+05:30",
            "2020-03-16T10:28:00-00:00",
            "2020-03-16T10:28:00+23:59",
            "2020-03-16T10:28:00+24:00",
            "2020-03-16T10:28:00+00:60",
            "2020-03-16t14:28:00z",
            "2020-03-16 14:28:00Z",
            "2020-02-30T14:28:00Z",
            "2020-02-29T23:59:60Z",
            "2020-13-01T00:00:00Z",
            "2020-03-16T24:00:00Z",
            "2020-03-16T14:28:00",
            "2020-03-16T14:28:00+0400",
            "2020-03-16T14:28:00Z ",
            "0000-01-01T00:00:00Z",
            "9999-12-31T23:59:59.999999999-23:59",
            "+2020-03-16T14:28:00Z",
            "2020-03-16",
            "",
        ];
        for text in fixed {
            assert_eq!(super::time::rfc3339_utc(text), chrono(text), "{text:?}");
        }
        // Every one-byte change of a few valid timestamps.
        let mut seed = 0x9E37_79B9_7F4A_7C15_u64;
        for base in ["2026-07-30T09:07:42.419Z", "2019-02-21T16:45:12.000-06:00"] {
            for position in 0..base.len() {
                for replacement in b"0159:-+.TZz x".iter().copied() {
                    let mut bytes = base.as_bytes().to_vec();
                    bytes[position] = replacement;
                    let text = String::from_utf8(bytes).unwrap();
                    assert_eq!(super::time::rfc3339_utc(&text), chrono(&text), "{text:?}");
                }
            }
            for _ in 0..2_000 {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                let mut bytes = base.as_bytes().to_vec();
                let position = usize::try_from(seed % bytes.len() as u64).unwrap();
                bytes[position] = b'0' + u8::try_from((seed >> 20) % 10).unwrap();
                let text = String::from_utf8(bytes).unwrap();
                assert_eq!(super::time::rfc3339_utc(&text), chrono(&text), "{text:?}");
            }
        }
    }
}
