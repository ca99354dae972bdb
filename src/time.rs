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

/// Parses an RFC 3339 timestamp exactly as chrono's
/// [`DateTime::parse_from_rfc3339`] does, only faster for the form pages send
/// (`YYYY-MM-DDTHH:MM:SS`, an optional fraction of up to nine digits, then `Z`
/// or `±HH:MM`): any other text, good or bad, goes to chrono, so the two
/// accept, refuse and read the same.
#[cfg(any(feature = "serde", feature = "feeds"))]
pub(crate) fn parse_rfc3339(
    text: &str,
) -> Result<DateTime<chrono::FixedOffset>, chrono::ParseError> {
    match fast::parse(text.as_bytes()) {
        Some(at) => Ok(at),
        None => DateTime::parse_from_rfc3339(text),
    }
}

/// The fast path of [`parse_rfc3339`]: `None` for anything it does not read
/// itself (a bad date, a leap second, a lowercase `t`, ...).
#[cfg(any(feature = "serde", feature = "feeds"))]
mod fast {
    use chrono::{DateTime, FixedOffset};

    pub(super) fn parse(text: &[u8]) -> Option<DateTime<FixedOffset>> {
        let (date_time, rest) = text.split_at_checked(19)?;
        let [y0, y1, y2, y3, b'-', mo0, mo1, b'-', d0, d1, b'T', h0, h1, b':', mi0, mi1, b':', s0, s1] =
            *date_time
        else {
            return None;
        };
        let year = i64::from(number(&[y0, y1, y2, y3])?);
        let month = number(&[mo0, mo1])?;
        let day = number(&[d0, d1])?;
        let (hour, minute, second) = (number(&[h0, h1])?, number(&[mi0, mi1])?, number(&[s0, s1])?);
        let valid = (1..=12).contains(&month)
            && day >= 1
            && day <= days_in_month(year, month)
            && hour < 24
            && minute < 60
            && second < 60;
        if !valid {
            return None;
        }
        let (nanos, rest) = fraction(rest)?;
        let offset = offset(rest)?;
        let seconds = days_from_civil(year, month, day) * 86_400
            + i64::from(hour * 3600 + minute * 60 + second)
            - i64::from(offset);
        let utc = DateTime::from_timestamp(seconds, nanos)?;
        Some(utc.with_timezone(&FixedOffset::east_opt(offset)?))
    }

    /// The value of ASCII digits, `None` if one is not a digit.
    fn number(digits: &[u8]) -> Option<u32> {
        let mut n = 0_u32;
        let mut bad = false;
        for &d in digits {
            let digit = d.wrapping_sub(b'0');
            bad |= digit > 9;
            n = n.wrapping_mul(10).wrapping_add(u32::from(digit));
        }
        (!bad).then_some(n)
    }

    /// A fraction of a second (`.` and one to nine digits) as nanoseconds,
    /// and what follows it.
    fn fraction(text: &[u8]) -> Option<(u32, &[u8])> {
        const SCALE: [u32; 10] = [
            0,
            100_000_000,
            10_000_000,
            1_000_000,
            100_000,
            10_000,
            1000,
            100,
            10,
            1,
        ];
        let Some(rest) = text.strip_prefix(b".") else {
            return Some((0, text));
        };
        let len = rest
            .iter()
            .take(10)
            .take_while(|b| b.is_ascii_digit())
            .count();
        let (digits, rest) = rest.split_at_checked(len)?;
        let scale = *SCALE.get(len).filter(|s| **s > 0)?;
        Some((number(digits)? * scale, rest))
    }

    /// `Z` or `±HH:MM` (hours to 23), and nothing after it, as seconds east.
    fn offset(text: &[u8]) -> Option<i32> {
        let (sign, h0, h1, m0, m1) = match *text {
            [b'Z'] => return Some(0),
            [sign @ (b'+' | b'-'), h0, h1, b':', m0, m1] => (sign, h0, h1, m0, m1),
            _ => return None,
        };
        let (hours, minutes) = (number(&[h0, h1])?, number(&[m0, m1])?);
        if hours > 23 || minutes > 59 {
            return None;
        }
        let seconds = i32::try_from(hours * 3600 + minutes * 60).ok()?;
        Some(if sign == b'-' { -seconds } else { seconds })
    }

    fn days_in_month(year: i64, month: u32) -> u32 {
        match month {
            2 if year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) => 29,
            2 => 28,
            4 | 6 | 9 | 11 => 30,
            _ => 31,
        }
    }

    /// Days from 1970-01-01 to the proleptic Gregorian date (the civil
    /// calendar counted in 400-year eras starting on 1 March).
    fn days_from_civil(year: i64, month: u32, day: u32) -> i64 {
        let year = if month <= 2 { year - 1 } else { year };
        let era = year.div_euclid(400);
        let year_of_era = year - era * 400;
        let month_from_march = i64::from((month + 9) % 12);
        let day_of_year = (153 * month_from_march + 2) / 5 + i64::from(day) - 1;
        let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
        era * 146_097 + day_of_era - 719_468
    }
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
        let at = super::parse_rfc3339(text).map(|t| t.with_timezone(&Utc)).map_err(|err| {
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

    #[cfg(any(feature = "serde", feature = "feeds"))]
    mod parsing {
        use super::super::*;

        /// The fast path and chrono agree: same instant and offset, or both refuse.
        fn agrees(text: &str) {
            let chrono = DateTime::parse_from_rfc3339(text).ok();
            let fast = fast::parse(text.as_bytes());
            if let Some(fast) = fast {
                assert_eq!(Some(fast), chrono, "{text}");
                assert_eq!(fast.offset(), chrono.unwrap().offset(), "{text}");
            }
            assert_eq!(parse_rfc3339(text).ok(), chrono, "{text}");
        }

        #[test]
        fn the_fast_path_reads_what_chrono_reads() {
            for text in [
                "2020-03-16T14:28:00Z",
                "2020-03-16T14:28:00.123Z",
                "2020-03-16T10:28:00.123456789-04:00",
                "2020-02-29T23:59:59+23:59",
                "1900-02-28T00:00:00-23:59",
                "0000-01-01T00:00:00Z",
                "0000-03-01T00:00:00+01:00",
                "9999-12-31T23:59:59.999999999Z",
                "2000-02-29T12:00:00-00:00",
                "1969-12-31T23:59:59.5Z",
            ] {
                assert!(fast::parse(text.as_bytes()).is_some(), "{text}");
                agrees(text);
            }
        }

        #[test]
        fn the_rest_goes_to_chrono() {
            for text in [
                "2019-02-29T00:00:00Z",
                "1900-02-29T00:00:00Z",
                "2020-04-31T00:00:00Z",
                "2020-13-01T00:00:00Z",
                "2020-00-01T00:00:00Z",
                "2020-01-00T00:00:00Z",
                "2020-01-01T24:00:00Z",
                "2020-01-01T23:60:00Z",
                "2016-12-31T23:59:60Z",
                "2020-03-16t14:28:00Z",
                "2020-03-16 14:28:00Z",
                "2020-03-16T14:28:00z",
                "2020-03-16T14:28:00.Z",
                "2020-03-16T14:28:00.1234567891Z",
                "2020-03-16T14:28:00+24:00",
                "2020-03-16T14:28:00+05:60",
                "2020-03-16T14:28:00+0500",
                "2020-03-16T14:28:00",
                "2020-03-16T14:28:00Zjunk",
                "+2020-03-16T14:28:00Z",
                "2020-3-16T14:28:00Z",
                "",
            ] {
                assert!(fast::parse(text.as_bytes()).is_none(), "{text}");
                agrees(text);
            }
        }

        proptest::proptest! {
            #[test]
            fn the_fast_path_agrees_with_chrono(
                text in "[0-9]{4}-[0-1][0-9]-[0-3][0-9]T[0-2][0-9]:[0-6][0-9]:[0-6][0-9](\\.[0-9]{0,10})?(Z|[+-][0-2][0-9]:[0-6][0-9])"
            ) {
                agrees(&text);
            }
        }
    }
}
