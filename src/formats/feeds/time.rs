//! An update's time as a feed shows it (`Feb 8, 09:00 UTC`: no year, to the
//! minute, a zone abbreviation), and the year inferred for it.

use chrono::{DateTime, FixedOffset, NaiveDate, TimeZone, Utc};

/// A time as shown, without its year.
#[derive(Clone, Copy, Debug)]
pub(super) struct ShownTime {
    month: u32,
    day: u32,
    hour: u32,
    minute: u32,
    offset: FixedOffset,
}

/// The zone abbreviations the reader knows, with their offsets in minutes
/// east of UTC (Statuspage writes the page zone's abbreviation).
pub(super) const ZONES: &[(&str, i32)] = &[
    ("UTC", 0),
    ("GMT", 0),
    ("PST", -8 * 60),
    ("PDT", -7 * 60),
    ("MST", -7 * 60),
    ("MDT", -6 * 60),
    ("CST", -6 * 60),
    ("CDT", -5 * 60),
    ("EST", -5 * 60),
    ("EDT", -4 * 60),
    ("AKST", -9 * 60),
    ("AKDT", -8 * 60),
    ("HST", -10 * 60),
    ("WET", 0),
    ("WEST", 60),
    ("BST", 60),
    ("CET", 60),
    ("CEST", 2 * 60),
    ("EET", 2 * 60),
    ("EEST", 3 * 60),
    ("MSK", 3 * 60),
    ("JST", 9 * 60),
    ("KST", 9 * 60),
    ("AEST", 10 * 60),
    ("AEDT", 11 * 60),
    ("NZST", 12 * 60),
    ("NZDT", 13 * 60),
];

/// The abbreviations of [`ZONES`], for messages.
pub(super) const ZONE_NAMES: &[&str] = &[
    "UTC", "GMT", "PST", "PDT", "MST", "MDT", "CST", "CDT", "EST", "EDT", "AKST", "AKDT", "HST",
    "WET", "WEST", "BST", "CET", "CEST", "EET", "EEST", "MSK", "JST", "KST", "AEST", "AEDT",
    "NZST", "NZDT",
];

const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// Why a shown time was not read.
pub(super) enum TimeProblem {
    /// Not `Mon D, HH:MM ZONE`.
    Shape,
    /// A zone abbreviation the table does not have.
    Zone(String),
}

impl ShownTime {
    /// `Feb 8, 09:00 UTC` (spaces collapsed).
    pub(super) fn parse(text: &str) -> Result<(ShownTime, &str), TimeProblem> {
        let mut words = text.split(' ');
        let (Some(month), Some(day), Some(clock), Some(zone), None) = (
            words.next(),
            words.next(),
            words.next(),
            words.next(),
            words.next(),
        ) else {
            return Err(TimeProblem::Shape);
        };
        let month = MONTHS
            .iter()
            .position(|m| *m == month)
            .ok_or(TimeProblem::Shape)?;
        let day = day.strip_suffix(',').ok_or(TimeProblem::Shape)?;
        let (hour, minute) = clock.split_once(':').ok_or(TimeProblem::Shape)?;
        let number = |s: &str| s.parse::<u32>().map_err(|_| TimeProblem::Shape);
        let minutes = ZONES
            .iter()
            .find(|(name, _)| *name == zone)
            .map(|(_, minutes)| *minutes)
            .ok_or_else(|| TimeProblem::Zone(zone.to_owned()))?;
        let offset = FixedOffset::east_opt(minutes * 60).ok_or(TimeProblem::Shape)?;
        let shown = ShownTime {
            month: u32::try_from(month).map_err(|_| TimeProblem::Shape)? + 1,
            day: number(day)?,
            hour: number(hour)?,
            minute: number(minute)?,
            offset,
        };
        // A day or clock no year has (Feb 30, 25:00) is refused here.
        if shown.in_year(2000).is_none() && shown.in_year(2001).is_none() {
            return Err(TimeProblem::Shape);
        }
        Ok((shown, zone))
    }

    /// The time in `year`, if that year has the day (Feb 29).
    fn in_year(self, year: i32) -> Option<DateTime<Utc>> {
        let date = NaiveDate::from_ymd_opt(year, self.month, self.day)?;
        let local = date.and_hms_opt(self.hour, self.minute, 0)?;
        let at = self.offset.from_local_datetime(&local).single()?;
        Some(at.with_timezone(&Utc))
    }

    /// The time in the year (of `near`'s, the one before or the one after)
    /// that puts it nearest to `near`.
    pub(super) fn nearest(self, near: DateTime<Utc>) -> Option<DateTime<Utc>> {
        let year = chrono::Datelike::year(&near);
        [year - 1, year, year + 1]
            .into_iter()
            .filter_map(|y| self.in_year(y))
            .min_by_key(|at| (*at - near).abs())
    }

    /// The earliest time in a year that is at or after `after`.
    pub(super) fn at_or_after(self, after: DateTime<Utc>) -> Option<DateTime<Utc>> {
        let year = chrono::Datelike::year(&after);
        // Four years cover a Feb 29 shown after a Mar 1.
        (year - 1..=year + 4)
            .filter_map(|y| self.in_year(y))
            .find(|at| *at >= after)
    }
}
