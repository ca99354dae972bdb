//! Recurring maintenance windows and the iCalendar feed (feature `calendar`):
//! the local start kept across DST changes, the feed read back by the
//! `icalendar` crate's parser with the same windows, and the rules refused.
#![cfg(feature = "calendar")]

use chrono::{DateTime, NaiveDate, NaiveDateTime, TimeDelta, TimeZone, Utc};
use icalendar::{CalendarComponent, CalendarDateTime, Component, DatePerhapsTime};
use incident_model::calendar::{self, Recurrence, RecurrenceError, MAX_WINDOWS};
use incident_model::{Maintenance, MaintenanceStatus, Update};

fn local(y: i32, m: u32, d: u32, h: u32, min: u32) -> NaiveDateTime {
    NaiveDate::from_ymd_opt(y, m, d)
        .unwrap()
        .and_hms_opt(h, min, 0)
        .unwrap()
}

fn utc(y: i32, m: u32, d: u32, h: u32, min: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(y, m, d, h, min, 0).unwrap()
}

/// Weekly on Tuesdays at 09:00 New York time across the change of Sunday 8
/// March 2020: the UTC start moves from 14:00 to 13:00, the local start stays.
#[test]
fn a_weekly_window_keeps_its_local_start_across_dst() {
    let zone = chrono_tz::America::New_York;
    let recurrence = Recurrence::new(
        local(2020, 2, 25, 9, 0),
        zone,
        "FREQ=WEEKLY;BYDAY=TU;COUNT=4",
        TimeDelta::hours(2),
    )
    .unwrap();
    let windows = recurrence.windows().unwrap();
    let starts: Vec<_> = windows.iter().map(|w| w.scheduled_for).collect();
    assert_eq!(
        starts,
        [
            utc(2020, 2, 25, 14, 0),
            utc(2020, 3, 3, 14, 0),
            utc(2020, 3, 10, 13, 0),
            utc(2020, 3, 17, 13, 0)
        ]
    );
    for window in &windows {
        assert_eq!(
            window.scheduled_for.with_timezone(&zone).time(),
            local(2020, 1, 1, 9, 0).time()
        );
        assert_eq!(window.length(), TimeDelta::hours(2));
    }
}

/// Monthly on the first Tuesday in Berlin across the autumn change (25
/// October 2020), with an end.
#[test]
fn monthly_by_weekday_with_an_end() {
    let zone = chrono_tz::Europe::Berlin;
    let recurrence = Recurrence::new(
        local(2020, 9, 1, 22, 30),
        zone,
        "FREQ=MONTHLY;BYDAY=1TU;UNTIL=20201231T000000Z",
        TimeDelta::minutes(90),
    )
    .unwrap();
    let starts: Vec<_> = recurrence
        .windows()
        .unwrap()
        .iter()
        .map(|w| w.scheduled_for)
        .collect();
    assert_eq!(
        starts,
        [
            utc(2020, 9, 1, 20, 30),  // CEST
            utc(2020, 10, 6, 20, 30), // CEST
            utc(2020, 11, 3, 21, 30), // CET
            utc(2020, 12, 1, 21, 30),
        ]
    );
}

/// Maintenances from the windows, written as a feed and read back by the
/// `icalendar` crate's parser: the same windows, ids and names.
#[test]
fn the_feed_reads_back_with_the_same_windows() {
    let recurrence = Recurrence::new(
        local(2020, 2, 25, 9, 0),
        chrono_tz::America::New_York,
        "FREQ=WEEKLY;BYDAY=TU;COUNT=4",
        TimeDelta::hours(2),
    )
    .unwrap();
    let windows = recurrence.windows().unwrap();
    let maintenances: Vec<Maintenance> = windows
        .iter()
        .enumerate()
        .map(|(i, window)| {
            Maintenance::builder(format!("Weekly database upkeep, {}; part {i}", i + 1))
                .id(format!("upkeep-{i}").parse().unwrap())
                .scheduled(*window)
                .update(
                    Update::new(MaintenanceStatus::Scheduled, utc(2020, 2, 20, 12, 0))
                        .with_body("Read-only for up to two hours, commas, and; semicolons."),
                )
                .build()
                .unwrap()
        })
        .collect();
    let feed = calendar::feed("Telemedicine Demo maintenances", &maintenances);
    let parsed: icalendar::Calendar = feed.parse().unwrap();
    let events: Vec<_> = parsed
        .components
        .iter()
        .filter_map(|component| match component {
            CalendarComponent::Event(event) => Some(event),
            _ => None,
        })
        .collect();
    assert_eq!(events.len(), maintenances.len());
    for (event, maintenance) in events.iter().zip(&maintenances) {
        let schedule = maintenance.schedule().unwrap();
        let at = |time: Option<DatePerhapsTime>| match time {
            Some(DatePerhapsTime::DateTime(CalendarDateTime::Utc(at))) => at,
            other => panic!("not a UTC time: {other:?}"),
        };
        assert_eq!(at(event.get_start()), schedule.scheduled_for);
        assert_eq!(at(event.get_end()), schedule.scheduled_until);
        assert_eq!(event.get_uid(), Some(maintenance.id().as_str()));
        assert_eq!(event.get_summary(), Some(maintenance.name()));
        assert_eq!(
            event.get_description(),
            Some("Read-only for up to two hours, commas, and; semicolons.")
        );
    }
    // No clock read: the same maintenances give the same feed.
    assert_eq!(
        feed,
        calendar::feed("Telemedicine Demo maintenances", &maintenances)
    );
    // A maintenance without a window is not in the feed.
    let unplanned = Maintenance::builder("x")
        .update(Update::new(
            MaintenanceStatus::InProgress,
            utc(2020, 3, 1, 0, 0),
        ))
        .build()
        .unwrap();
    assert!(!calendar::feed("x", [&unplanned]).contains("BEGIN:VEVENT"));
}

/// Bad rules get a typed error naming what is wrong, never a panic.
#[test]
fn rules_outside_the_subset_are_refused() {
    let zone = chrono_tz::America::New_York;
    let first = local(2020, 2, 25, 9, 0);
    let hour = TimeDelta::hours(1);
    let refuse = |rule: &str| Recurrence::new(first, zone, rule, hour).unwrap_err();
    assert!(matches!(
        refuse("FREQ=YEARLY;COUNT=2"),
        RecurrenceError::Unsupported {
            part: "FREQ=YEARLY",
            ..
        }
    ));
    assert!(matches!(
        refuse("FREQ=WEEKLY;BYHOUR=9,10;COUNT=2"),
        RecurrenceError::Unsupported { part: "BYHOUR", .. }
    ));
    assert!(matches!(
        refuse("FREQ=MONTHLY;BYDAY=1TU"),
        RecurrenceError::NoEnd { .. }
    ));
    assert!(matches!(
        refuse("FREQ=WEEKLY;BYDAY=XX;COUNT=2"),
        RecurrenceError::Invalid { .. }
    ));
    assert!(matches!(
        refuse("not a rule"),
        RecurrenceError::Invalid { .. }
    ));
    let err = refuse("FREQ=WEEKLY;BYHOUR=9;COUNT=2");
    assert_eq!(
        err.to_string(),
        "recurrence \"FREQ=WEEKLY;BYHOUR=9;COUNT=2\": BYHOUR is outside the supported subset \
         (weekly or monthly, BYDAY, BYMONTHDAY, INTERVAL, UNTIL or COUNT)"
    );
    assert!(matches!(
        Recurrence::new(first, zone, "FREQ=WEEKLY;COUNT=2", TimeDelta::zero()),
        Err(RecurrenceError::EmptyWindow { .. })
    ));
    // 02:30 on 8 March 2020 does not exist in New York.
    assert!(matches!(
        Recurrence::new(local(2020, 3, 8, 2, 30), zone, "FREQ=WEEKLY;COUNT=2", hour),
        Err(RecurrenceError::NoSuchLocalTime { .. })
    ));
    // Work in proportion: far more windows than a page plans are refused.
    let many = Recurrence::new(first, zone, "FREQ=WEEKLY;UNTIL=29991231T000000Z", hour).unwrap();
    assert!(matches!(
        many.windows(),
        Err(RecurrenceError::TooManyWindows { .. })
    ));
    let most = format!("FREQ=WEEKLY;COUNT={MAX_WINDOWS}");
    assert_eq!(
        Recurrence::new(first, zone, &most, hour)
            .unwrap()
            .windows()
            .unwrap()
            .len(),
        usize::from(MAX_WINDOWS)
    );
}
