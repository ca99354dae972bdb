//! How the crate prints a time in a message: RFC 3339 in UTC, with as many
//! fraction digits as the time has (`2020-03-16T14:28:00Z`,
//! `2020-03-16T14:28:00.123Z`). One rule for every error and anomaly.

use core::fmt;

use chrono::{DateTime, SecondsFormat, Utc};

/// A time as messages print it; see the [module documentation](self).
#[derive(Clone, Copy, Debug)]
pub(crate) struct Rfc3339(DateTime<Utc>);

/// `at` as messages print it: RFC 3339 in UTC.
pub(crate) fn rfc3339(at: DateTime<Utc>) -> Rfc3339 {
    Rfc3339(at)
}

impl fmt::Display for Rfc3339 {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0.to_rfc3339_opts(SecondsFormat::AutoSi, true))
    }
}

/// Whether `at` can be written in RFC 3339 (in UTC) and read back: RFC 3339
/// has 4-digit years, so its UTC year is 0000-9999. Readers refuse other
/// instants, which an offset can reach (`9999-12-31T23:59:59-23:59` is in
/// year 10000 in UTC), so that whatever is read writes and reads again.
#[cfg(feature = "serde")]
pub(crate) fn writable(at: DateTime<Utc>) -> bool {
    use chrono::Datelike;
    (0..=9999).contains(&at.year())
}

/// Reading timestamps with serde: RFC 3339 with any offset and precision,
/// converted to UTC; a bad one gets an error naming the field. The model's
/// derives name these (`deserialize_with`), so they sit here, below the model,
/// not in a format.
#[cfg(feature = "serde")]
pub(crate) mod serde {
    use chrono::{DateTime, Utc};
    use serde::{de, Deserialize, Deserializer};

    /// Parses an RFC 3339 timestamp, naming `field` in the error; refuses an
    /// instant that is not [`writable`](super::writable).
    pub(crate) fn parse(field: &str, text: &str) -> Result<DateTime<Utc>, String> {
        let at = DateTime::parse_from_rfc3339(text).map(|t| t.with_timezone(&Utc)).map_err(|err| {
            format!("invalid {field} {text:?}: expected an RFC 3339 timestamp such as 2020-03-16T14:28:00Z ({err})")
        })?;
        if !super::writable(at) {
            return Err(format!(
                "invalid {field} {text:?}: outside years 0000-9999 in UTC, which RFC 3339 cannot write"
            ));
        }
        Ok(at)
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

    fields!(display_at, created_at, scheduled_for, scheduled_until; optional started_at, declared_end);
}

#[cfg(test)]
mod tests {
    use chrono::TimeZone;

    use super::*;

    #[test]
    fn whole_seconds_and_fractions() {
        let at = Utc.with_ymd_and_hms(2020, 3, 16, 14, 28, 0).unwrap();
        assert_eq!(rfc3339(at).to_string(), "2020-03-16T14:28:00Z");
        let at = at + chrono::Duration::milliseconds(123);
        assert_eq!(rfc3339(at).to_string(), "2020-03-16T14:28:00.123Z");
    }
}
