//! [`Elapsed`]: a non-negative duration that prints the way status pages and
//! incident reports write durations ("7h 23m", "45s", "2d 4h").
//!
//! Every duration the crate derives (time to resolve, time in a status, weighted
//! downtime, summaries) is an [`Elapsed`]. Durations are never negative: where a
//! subtraction of two times would be negative (a backdated display time, an
//! `as_of` before the event opened), the result is clamped at zero.
//!
//! With the `serde` feature, an [`Elapsed`] serializes as a whole number of
//! seconds (truncated), and deserializes from one.

use core::fmt;

use chrono::{DateTime, Datelike, TimeDelta, Timelike, Utc};

const SECONDS_PER_MINUTE: i64 = 60;
const SECONDS_PER_HOUR: i64 = 3_600;
const SECONDS_PER_DAY: i64 = 86_400;

/// A non-negative duration, displayed in the human form status pages use.
///
/// A newtype over [`chrono::TimeDelta`] that is never negative: the
/// constructors clamp a negative value at zero (and every arithmetic helper
/// saturates instead of overflowing).
///
/// # Display
///
/// The largest non-zero unit among days (`d`), hours (`h`), minutes (`m`) and
/// seconds (`s`), followed by the next smaller unit when that is not zero:
/// `2d 4h`, `7h 23m`, `3h`, `12m 5s`, `45s`. Anything shorter than a second
/// prints as `0s`.
///
/// **Rounding: smaller units are truncated, never rounded**: 7 h 23 min 59 s
/// prints as `7h 23m`. Truncation never overstates a duration and never shows a
/// unit that rolls over (`59m 60s`); it is also what `num_minutes` and the like
/// do in `chrono`. The formatter's width, fill and alignment are honoured
/// (`{:>8}`, `{:*^9}`; left-aligned by default, as text is); a precision is
/// ignored, since the form has no decimals to cut (it is not truncated).
///
/// # Serde
///
/// With the `serde` feature: whole seconds, as an integer (`26580` for
/// 7 h 23 min); the sub-second part is truncated when serializing. Negative or
/// out-of-range numbers are refused when deserializing.
///
/// # Example
///
/// ```
/// # use chrono::TimeDelta;
/// use incident_model::Elapsed;
///
/// let time_to_resolve = Elapsed::new(TimeDelta::minutes(7 * 60 + 23) + TimeDelta::seconds(59));
/// assert_eq!(time_to_resolve.to_string(), "7h 23m");
/// assert_eq!(Elapsed::new(TimeDelta::seconds(45)).to_string(), "45s");
/// assert_eq!(Elapsed::new(TimeDelta::hours(52)).to_string(), "2d 4h");
/// assert_eq!(Elapsed::new(TimeDelta::hours(-1)), Elapsed::ZERO); // clamped
/// assert_eq!(Elapsed::ZERO.to_string(), "0s");
/// ```
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Debug, Default)]
pub struct Elapsed(TimeDelta);

impl Elapsed {
    /// No time at all.
    ///
    /// # Example
    ///
    /// ```
    /// # use incident_model::Elapsed;
    /// assert!(Elapsed::ZERO.is_zero());
    /// ```
    pub const ZERO: Elapsed = Elapsed(TimeDelta::zero());

    /// The longest representable duration ([`TimeDelta::MAX`]); saturating
    /// arithmetic stops here.
    ///
    /// # Example
    ///
    /// ```
    /// # use incident_model::Elapsed;
    /// assert_eq!(Elapsed::MAX.saturating_add(Elapsed::MAX), Elapsed::MAX);
    /// ```
    pub const MAX: Elapsed = Elapsed(TimeDelta::MAX);

    /// Wraps `delta`, clamping a negative value at zero.
    ///
    /// # Example
    ///
    /// ```
    /// # use chrono::TimeDelta;
    /// # use incident_model::Elapsed;
    /// assert_eq!(Elapsed::new(TimeDelta::minutes(5)).as_time_delta(), TimeDelta::minutes(5));
    /// assert_eq!(Elapsed::new(TimeDelta::minutes(-5)), Elapsed::ZERO);
    /// ```
    #[must_use]
    pub fn new(delta: TimeDelta) -> Elapsed {
        if delta < TimeDelta::zero() {
            Elapsed::ZERO
        } else {
            Elapsed(delta)
        }
    }

    /// The time from `start` to `end`, zero when `end` is before `start`.
    ///
    /// # Example
    ///
    /// ```
    /// # use chrono::{TimeZone, Utc};
    /// # use incident_model::Elapsed;
    /// # let at = |h, m| Utc.with_ymd_and_hms(2020, 3, 16, h, m, 0).unwrap();
    /// let (a, b) = (at(14, 28), at(17, 42));
    /// assert_eq!(Elapsed::between(a, b).to_string(), "3h 14m");
    /// assert_eq!(Elapsed::between(b, a), Elapsed::ZERO);
    /// ```
    #[must_use]
    pub fn between(start: DateTime<Utc>, end: DateTime<Utc>) -> Elapsed {
        // Away from leap seconds, the difference in plain integers: what
        // `signed_duration_since` gives, for a fraction of its cost (the
        // derived views call this once per stretch).
        const NANOS: u32 = 1_000_000_000;
        let (from, to) = (start.naive_utc(), end.naive_utc());
        if from.nanosecond() < NANOS && to.nanosecond() < NANOS {
            if to <= from {
                return Elapsed::ZERO;
            }
            let days = i64::from(to.num_days_from_ce()) - i64::from(from.num_days_from_ce());
            let seconds = days * 86_400 + i64::from(to.num_seconds_from_midnight())
                - i64::from(from.num_seconds_from_midnight());
            let nanos = i64::from(to.nanosecond()) - i64::from(from.nanosecond());
            let (seconds, nanos) = if nanos < 0 {
                (seconds - 1, nanos + i64::from(NANOS))
            } else {
                (seconds, nanos)
            };
            let delta = u32::try_from(nanos)
                .ok()
                .and_then(|nanos| TimeDelta::new(seconds, nanos));
            if let Some(delta) = delta {
                return Elapsed(delta);
            }
        }
        // The difference of two representable times always fits a TimeDelta.
        Elapsed::new(end.signed_duration_since(start))
    }

    /// A whole number of seconds; negative values clamp at zero, values beyond
    /// [`Elapsed::MAX`] at [`Elapsed::MAX`].
    ///
    /// # Example
    ///
    /// ```
    /// # use incident_model::Elapsed;
    /// assert_eq!(Elapsed::from_secs(26_580).to_string(), "7h 23m");
    /// assert_eq!(Elapsed::from_secs(-3), Elapsed::ZERO);
    /// ```
    #[must_use]
    pub fn from_secs(seconds: i64) -> Elapsed {
        match TimeDelta::try_seconds(seconds) {
            Some(delta) => Elapsed::new(delta),
            None if seconds < 0 => Elapsed::ZERO,
            None => Elapsed::MAX,
        }
    }

    /// A whole number of milliseconds; negative values clamp at zero.
    ///
    /// # Example
    ///
    /// ```
    /// # use incident_model::Elapsed;
    /// assert_eq!(Elapsed::from_millis(1_500).as_millis(), 1_500);
    /// assert_eq!(Elapsed::from_millis(1_500).to_string(), "1s");
    /// ```
    #[must_use]
    pub fn from_millis(milliseconds: i64) -> Elapsed {
        // Every i64 number of milliseconds fits a TimeDelta.
        Elapsed::new(TimeDelta::milliseconds(milliseconds))
    }

    /// The duration as a [`TimeDelta`] (never negative).
    ///
    /// # Example
    ///
    /// ```
    /// # use chrono::TimeDelta;
    /// # use incident_model::Elapsed;
    /// assert_eq!(Elapsed::from_secs(90).as_time_delta(), TimeDelta::seconds(90));
    /// ```
    #[must_use]
    pub const fn as_time_delta(self) -> TimeDelta {
        self.0
    }

    /// Whole seconds (truncated).
    ///
    /// # Example
    ///
    /// ```
    /// # use incident_model::Elapsed;
    /// assert_eq!(Elapsed::from_millis(1_999).as_secs(), 1);
    /// ```
    #[must_use]
    pub const fn as_secs(self) -> i64 {
        self.0.num_seconds()
    }

    /// Whole milliseconds (truncated).
    ///
    /// # Example
    ///
    /// ```
    /// # use incident_model::Elapsed;
    /// assert_eq!(Elapsed::from_secs(2).as_millis(), 2_000);
    /// ```
    #[must_use]
    pub const fn as_millis(self) -> i64 {
        self.0.num_milliseconds()
    }

    /// Whether the duration is zero.
    ///
    /// # Example
    ///
    /// ```
    /// # use incident_model::Elapsed;
    /// assert!(!Elapsed::from_secs(1).is_zero());
    /// ```
    #[must_use]
    pub fn is_zero(self) -> bool {
        self.0.is_zero()
    }

    /// The sum, saturating at [`Elapsed::MAX`].
    ///
    /// # Example
    ///
    /// ```
    /// # use incident_model::Elapsed;
    /// assert_eq!(Elapsed::from_secs(60).saturating_add(Elapsed::from_secs(30)).to_string(), "1m 30s");
    /// ```
    #[must_use]
    pub fn saturating_add(self, other: Elapsed) -> Elapsed {
        self.0.checked_add(&other.0).map_or(Elapsed::MAX, Elapsed)
    }

    /// The difference, zero when `other` is longer.
    ///
    /// # Example
    ///
    /// ```
    /// # use incident_model::Elapsed;
    /// assert_eq!(Elapsed::from_secs(60).saturating_sub(Elapsed::from_secs(90)), Elapsed::ZERO);
    /// ```
    #[must_use]
    pub fn saturating_sub(self, other: Elapsed) -> Elapsed {
        // Both are non-negative, so the difference cannot overflow.
        self.0
            .checked_sub(&other.0)
            .map_or(Elapsed::ZERO, Elapsed::new)
    }
}

impl From<Elapsed> for TimeDelta {
    fn from(elapsed: Elapsed) -> TimeDelta {
        elapsed.0
    }
}

impl core::iter::Sum for Elapsed {
    /// The saturating sum.
    fn sum<I: Iterator<Item = Elapsed>>(iter: I) -> Elapsed {
        iter.fold(Elapsed::ZERO, Elapsed::saturating_add)
    }
}

impl<'a> core::iter::Sum<&'a Elapsed> for Elapsed {
    /// The saturating sum.
    fn sum<I: Iterator<Item = &'a Elapsed>>(iter: I) -> Elapsed {
        iter.copied().sum()
    }
}

impl fmt::Display for Elapsed {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if f.width().is_some() {
            // Padding needs the whole text first.
            let text = HumanDuration(self.as_secs()).to_string();
            pad(f, &text, fmt::Alignment::Left)
        } else {
            fmt::Display::fmt(&HumanDuration(self.as_secs()), f)
        }
    }
}

/// Writes `text` padded to the formatter's width with its fill and alignment
/// (`default` when none is given), ignoring its precision: for values whose
/// precision means something else (an uptime's decimals) or nothing (a
/// duration), where `Formatter::pad` would cut the text.
pub(crate) fn pad(f: &mut fmt::Formatter<'_>, text: &str, default: fmt::Alignment) -> fmt::Result {
    use fmt::Write as _;
    let padding = f.width().unwrap_or(0).saturating_sub(text.chars().count());
    let (before, after) = match f.align().unwrap_or(default) {
        fmt::Alignment::Left => (0, padding),
        fmt::Alignment::Right => (padding, 0),
        fmt::Alignment::Center => (padding / 2, padding - padding / 2),
    };
    let fill = f.fill();
    for _ in 0..before {
        f.write_char(fill)?;
    }
    f.write_str(text)?;
    for _ in 0..after {
        f.write_char(fill)?;
    }
    Ok(())
}

/// The human form of a non-negative number of seconds.
struct HumanDuration(i64);

impl fmt::Display for HumanDuration {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let total = self.0.max(0);
        let days = total / SECONDS_PER_DAY;
        let hours = total % SECONDS_PER_DAY / SECONDS_PER_HOUR;
        let minutes = total % SECONDS_PER_HOUR / SECONDS_PER_MINUTE;
        let seconds = total % SECONDS_PER_MINUTE;
        let units = [(days, 'd'), (hours, 'h'), (minutes, 'm'), (seconds, 's')];
        // The largest non-zero unit, and the next one when it is not zero.
        let mut rest = units.iter().skip_while(|(value, _)| *value == 0);
        match rest.next() {
            None => f.write_str("0s"),
            Some((value, unit)) => {
                write!(f, "{value}{unit}")?;
                match rest.next() {
                    Some((next, next_unit)) if *next != 0 => write!(f, " {next}{next_unit}"),
                    _ => Ok(()),
                }
            }
        }
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for Elapsed {
    fn serialize<Ser: serde::Serializer>(&self, serializer: Ser) -> Result<Ser::Ok, Ser::Error> {
        serializer.serialize_i64(self.as_secs())
    }
}

#[cfg(feature = "serde")]
impl<'de> serde::Deserialize<'de> for Elapsed {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl serde::de::Visitor<'_> for Visitor {
            type Value = Elapsed;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a duration in whole seconds, not negative")
            }
            fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<Elapsed, E> {
                if v < 0 {
                    return Err(E::custom(format_args!(
                        "a duration cannot be negative, got {v} seconds"
                    )));
                }
                TimeDelta::try_seconds(v)
                    .map(Elapsed)
                    .ok_or_else(|| E::custom(format_args!("a duration of {v} seconds is too long")))
            }
            fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<Elapsed, E> {
                match i64::try_from(v) {
                    Ok(v) => self.visit_i64(v),
                    Err(_) => Err(E::custom(format_args!(
                        "a duration of {v} seconds is too long"
                    ))),
                }
            }
        }
        deserializer.deserialize_i64(Visitor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The integer difference gives what chrono's `signed_duration_since`
    /// gives, across days, nanoseconds, order and leap seconds.
    #[test]
    fn between_agrees_with_chrono() {
        use chrono::{NaiveDate, TimeZone};
        let day = |d| NaiveDate::from_ymd_opt(2016, 12, d).unwrap();
        let times = [
            Utc.with_ymd_and_hms(2016, 12, 31, 23, 59, 59).unwrap(),
            Utc.from_utc_datetime(&day(31).and_hms_nano_opt(23, 59, 59, 1_500_000_000).unwrap()),
            Utc.from_utc_datetime(&day(31).and_hms_nano_opt(23, 59, 58, 999_999_999).unwrap()),
            Utc.with_ymd_and_hms(2017, 1, 1, 0, 0, 0).unwrap(),
            Utc.from_utc_datetime(&day(1).and_hms_nano_opt(0, 0, 0, 1).unwrap()),
            Utc.with_ymd_and_hms(1969, 7, 20, 20, 17, 40).unwrap(),
        ];
        for &start in &times {
            for &end in &times {
                let expected = Elapsed::new(end.signed_duration_since(start));
                assert_eq!(Elapsed::between(start, end), expected, "{start} -> {end}");
            }
        }
    }

    #[test]
    fn display_truncates_to_two_units() {
        let cases = [
            (0, "0s"),
            (59, "59s"),
            (60, "1m"),
            (61, "1m 1s"),
            (3_599, "59m 59s"),
            (3_600, "1h"),
            (3_601, "1h"),
            (3_660, "1h 1m"),
            (86_399, "23h 59m"),
            (86_400, "1d"),
            (86_400 + 59, "1d"),
            (86_400 * 2 + 3_600 * 4 + 59, "2d 4h"),
        ];
        for (seconds, text) in cases {
            assert_eq!(Elapsed::from_secs(seconds).to_string(), text, "{seconds}");
        }
    }

    #[test]
    fn display_pads_with_width_fill_and_alignment_and_never_cuts() {
        let e = Elapsed::from_secs(7 * 3_600 + 23 * 60);
        assert_eq!(format!("[{e:>8}]"), "[  7h 23m]");
        assert_eq!(format!("[{e:8}]"), "[7h 23m  ]");
        assert_eq!(format!("[{e:*^10}]"), "[**7h 23m**]");
        assert_eq!(format!("[{e:.1}] [{e:>8.2}]"), "[7h 23m] [  7h 23m]");
    }

    #[test]
    fn max_does_not_overflow_display() {
        assert!(Elapsed::MAX.to_string().contains('d'));
    }
}
