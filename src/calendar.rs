//! Recurring maintenance windows and calendars (feature `calendar`).
//!
//! A [`Recurrence`] is the iCalendar RRULE subset status pages need (weekly,
//! or monthly by weekday such as "first Tuesday" or by day of the month, with
//! an end), expanded into planned windows ([`Schedule`]s) in the page's IANA
//! zone: the local start time is kept across daylight-saving changes, so the
//! window's UTC start moves by the hour. [`feed`] writes scheduled
//! maintenances as an iCalendar feed (RFC 5545) users can subscribe to.
//!
//! The expansion is the `rrule` crate's, the feed the `icalendar` crate's:
//! both are well kept, and writing either by hand is a known source of
//! calendar bugs.
//!
//! # Example
//!
//! ```
//! use chrono::{NaiveDate, TimeDelta};
//! use incident_model::calendar::Recurrence;
//!
//! // The first Tuesday of each month, 09:00 to 10:00 New York time, until May.
//! let first = NaiveDate::from_ymd_opt(2020, 1, 7).unwrap().and_hms_opt(9, 0, 0).unwrap();
//! let rule = "FREQ=MONTHLY;BYDAY=1TU;UNTIL=20200501T000000Z";
//! let recurrence = Recurrence::new(first, chrono_tz::America::New_York, rule, TimeDelta::hours(1))?;
//! let windows = recurrence.windows()?;
//! let starts: Vec<String> = windows.iter().map(|w| w.scheduled_for.to_rfc3339()).collect();
//! assert_eq!(starts, [
//!     "2020-01-07T14:00:00+00:00", // EST
//!     "2020-02-04T14:00:00+00:00",
//!     "2020-03-03T14:00:00+00:00",
//!     "2020-04-07T13:00:00+00:00", // EDT: still 09:00 local
//! ]);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use core::fmt::Write as _;

use chrono::{NaiveDateTime, TimeDelta, TimeZone, Utc};
use rrule::{Frequency, RRule, RRuleSet, Unvalidated};

use crate::builder::Schedule;
use crate::event::Maintenance;

/// The most windows one recurrence expands to: a rule asking for more is
/// refused ([`RecurrenceError::TooManyWindows`]), so the work stays in
/// proportion to what a status page plans (ten years of weekly windows).
pub const MAX_WINDOWS: u16 = 520;

/// A recurring maintenance window: an RRULE from a local first start in an
/// IANA zone, each occurrence `length` long. Built by [`Recurrence::new`],
/// which checks the rule is in the subset.
///
/// # Example
///
/// See the [module documentation](self).
#[derive(Clone, Debug)]
pub struct Recurrence {
    set: RRuleSet,
    length: TimeDelta,
}

/// Why a [`Recurrence`] was refused.
///
/// # Example
///
/// ```
/// use chrono::{NaiveDate, TimeDelta};
/// use incident_model::calendar::{Recurrence, RecurrenceError};
/// let first = NaiveDate::from_ymd_opt(2020, 1, 7).unwrap().and_hms_opt(9, 0, 0).unwrap();
/// let zone = chrono_tz::Europe::Berlin;
/// let endless = Recurrence::new(first, zone, "FREQ=WEEKLY;BYDAY=TU", TimeDelta::hours(1)).unwrap_err();
/// assert_eq!(endless.to_string(), "recurrence \"FREQ=WEEKLY;BYDAY=TU\": no end: give UNTIL or COUNT");
/// let daily = Recurrence::new(first, zone, "FREQ=DAILY;COUNT=3", TimeDelta::hours(1)).unwrap_err();
/// assert!(matches!(daily, RecurrenceError::Unsupported { part: "FREQ=DAILY", .. }));
/// ```
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum RecurrenceError {
    /// The rule does not parse, or `rrule` refuses it.
    #[error("recurrence {rule:?}: {source}")]
    Invalid {
        /// The rule given.
        rule: String,
        /// What `rrule` says (boxed: it is large).
        #[source]
        source: Box<rrule::RRuleError>,
    },
    /// A part outside the subset: only `FREQ=WEEKLY` or `FREQ=MONTHLY`,
    /// `INTERVAL`, `BYDAY`, `BYMONTHDAY`, `WKST`, and `UNTIL` or `COUNT`.
    #[error("recurrence {rule:?}: {part} is outside the supported subset (weekly or monthly, BYDAY, BYMONTHDAY, INTERVAL, UNTIL or COUNT)")]
    Unsupported {
        /// The rule given.
        rule: String,
        /// The part refused.
        part: &'static str,
    },
    /// Neither `UNTIL` nor `COUNT`: an endless recurrence.
    #[error("recurrence {rule:?}: no end: give UNTIL or COUNT")]
    NoEnd {
        /// The rule given.
        rule: String,
    },
    /// The first start does not exist in the zone (a daylight-saving gap).
    #[error("recurrence: the first start {start} does not exist in {zone}")]
    NoSuchLocalTime {
        /// The local start given.
        start: NaiveDateTime,
        /// The zone.
        zone: chrono_tz::Tz,
    },
    /// A window of zero or negative length.
    #[error("recurrence {rule:?}: a window must be longer than zero")]
    EmptyWindow {
        /// The rule given.
        rule: String,
    },
    /// More windows than [`MAX_WINDOWS`].
    #[error("recurrence {rule:?}: more than {} windows", MAX_WINDOWS)]
    TooManyWindows {
        /// The rule given.
        rule: String,
    },
}

impl Recurrence {
    /// The recurrence of `rule` (an RRULE value, without the `RRULE:` name)
    /// from `first_start`, local time in `zone`, each window `length` long.
    ///
    /// # Errors
    ///
    /// [`RecurrenceError`]: a rule that does not parse, outside the subset,
    /// without an end, a first start in a daylight-saving gap, a length not
    /// above zero.
    ///
    /// # Example
    ///
    /// See the [module documentation](self).
    pub fn new(
        first_start: NaiveDateTime,
        zone: chrono_tz::Tz,
        rule: &str,
        length: TimeDelta,
    ) -> Result<Self, RecurrenceError> {
        let invalid = |source| RecurrenceError::Invalid {
            rule: rule.to_owned(),
            source: Box::new(source),
        };
        let parsed: RRule<Unvalidated> = rule.parse().map_err(invalid)?;
        check_subset(rule, &parsed)?;
        if length <= TimeDelta::zero() {
            return Err(RecurrenceError::EmptyWindow {
                rule: rule.to_owned(),
            });
        }
        let start = rrule::Tz::Tz(zone)
            .from_local_datetime(&first_start)
            .earliest()
            .ok_or(RecurrenceError::NoSuchLocalTime {
                start: first_start,
                zone,
            })?;
        let set = parsed.build(start).map_err(invalid)?;
        Ok(Recurrence { set, length })
    }

    /// The planned windows, oldest first, each starting at the rule's local
    /// time in the zone.
    ///
    /// # Errors
    ///
    /// [`RecurrenceError::TooManyWindows`] beyond [`MAX_WINDOWS`].
    ///
    /// # Example
    ///
    /// See the [module documentation](self).
    pub fn windows(&self) -> Result<Vec<Schedule>, RecurrenceError> {
        let result = self.set.clone().all(MAX_WINDOWS.saturating_add(1));
        if result.dates.len() > usize::from(MAX_WINDOWS) {
            return Err(RecurrenceError::TooManyWindows {
                rule: self.rule_text(),
            });
        }
        Ok(result
            .dates
            .iter()
            .filter_map(|start| {
                let start = start.with_timezone(&Utc);
                let end = start.checked_add_signed(self.length)?;
                Some(Schedule::new(start, end))
            })
            .collect())
    }

    fn rule_text(&self) -> String {
        self.set
            .get_rrule()
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join(",")
    }
}

/// The subset: weekly or monthly, by weekday or day of the month, with an
/// end.
fn check_subset(rule: &str, parsed: &RRule<Unvalidated>) -> Result<(), RecurrenceError> {
    let unsupported = |part| RecurrenceError::Unsupported {
        rule: rule.to_owned(),
        part,
    };
    match parsed.get_freq() {
        Frequency::Weekly | Frequency::Monthly => {}
        Frequency::Yearly => return Err(unsupported("FREQ=YEARLY")),
        Frequency::Daily => return Err(unsupported("FREQ=DAILY")),
        Frequency::Hourly => return Err(unsupported("FREQ=HOURLY")),
        Frequency::Minutely => return Err(unsupported("FREQ=MINUTELY")),
        Frequency::Secondly => return Err(unsupported("FREQ=SECONDLY")),
    }
    let refused: [(&'static str, bool); 7] = [
        ("BYSETPOS", !parsed.get_by_set_pos().is_empty()),
        ("BYMONTH", !parsed.get_by_month().is_empty()),
        ("BYYEARDAY", !parsed.get_by_year_day().is_empty()),
        ("BYWEEKNO", !parsed.get_by_week_no().is_empty()),
        ("BYHOUR", !parsed.get_by_hour().is_empty()),
        ("BYMINUTE", !parsed.get_by_minute().is_empty()),
        ("BYSECOND", !parsed.get_by_second().is_empty()),
    ];
    if let Some((part, _)) = refused.into_iter().find(|(_, present)| *present) {
        return Err(unsupported(part));
    }
    if parsed.get_until().is_none() && parsed.get_count().is_none() {
        return Err(RecurrenceError::NoEnd {
            rule: rule.to_owned(),
        });
    }
    Ok(())
}

/// The scheduled maintenances as an iCalendar feed (RFC 5545) named `name`:
/// one `VEVENT` per maintenance with a planned window (others are left out),
/// with the maintenance's id as `UID`, its name as `SUMMARY`, the window as
/// `DTSTART` and `DTEND` in UTC, its creation time as `DTSTAMP` (no clock is
/// read), `STATUS:CONFIRMED`, and its latest update's body as `DESCRIPTION`.
///
/// # Example
///
/// ```
/// # use chrono::{TimeZone, Utc};
/// use incident_model::{calendar, Maintenance, MaintenanceStatus::*, Schedule, Update};
/// # let at = |h| Utc.with_ymd_and_hms(2020, 12, 17, h, 0, 0).unwrap();
/// let maintenance = Maintenance::builder("Database upgrade")
///     .id("mnt1".parse()?)
///     .scheduled(Schedule::new(at(9), at(11)))
///     .update(Update::new(Scheduled, at(1)))
///     .build()?;
/// let feed = calendar::feed("Example maintenances", [&maintenance]);
/// assert!(feed.starts_with("BEGIN:VCALENDAR\r\n"));
/// assert!(feed.contains("UID:mnt1\r\n"));
/// assert!(feed.contains("DTSTART:20201217T090000Z\r\n"));
/// assert!(feed.contains("SUMMARY:Database upgrade\r\n"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[must_use]
pub fn feed<'a>(name: &str, maintenances: impl IntoIterator<Item = &'a Maintenance>) -> String {
    use icalendar::{Calendar, Component, Event, EventLike};
    let mut calendar = Calendar::new();
    calendar.name(name);
    for maintenance in maintenances {
        let Some(schedule) = maintenance.schedule() else {
            continue;
        };
        let mut event = Event::new();
        event
            .uid(maintenance.id().as_str())
            .summary(maintenance.name())
            .starts(schedule.scheduled_for)
            .ends(schedule.scheduled_until)
            .timestamp(maintenance.created_at())
            .status(icalendar::EventStatus::Confirmed);
        if let Some(description) = latest_body(maintenance) {
            event.description(description);
        }
        calendar.push(event.done());
    }
    let mut out = String::new();
    // Writing into a String cannot fail.
    let _ = write!(out, "{calendar}");
    out
}

/// The latest non-empty update body: what the page says of the maintenance.
fn latest_body(maintenance: &Maintenance) -> Option<&str> {
    maintenance
        .updates()
        .iter()
        .rev()
        .find(|update| !update.body().is_empty())
        .map(crate::Update::body)
}
