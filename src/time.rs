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
