//! Weights, merged component histories, uptime over a window, daily buckets and
//! the printed percentage.

mod util;

use chrono::{DateTime, Duration, FixedOffset, NaiveDate, TimeZone, Utc};
use incident_model::{
    AnyEvent, ComponentChange, ComponentHistory, ComponentId,
    ComponentStatus::{self, *},
    DayRange, Elapsed, Incident, IncidentStatus, Maintenance, MaintenanceStatus, MergedHistory,
    StatusInterval, Update, Weights, Window,
};
use proptest::prelude::*;
use util::{api, march_16};

fn at(day: u32, h: u32, m: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2020, 3, day, h, m, 0).unwrap()
}

fn date(day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2020, 3, day).unwrap()
}

fn day_window(day: u32) -> Window {
    Window::new(at(day, 0, 0), at(day, 0, 0) + Duration::days(1)).unwrap()
}

fn minutes(m: i64) -> Elapsed {
    Elapsed::new(Duration::minutes(m))
}

/// An incident on the API: `status` from `start` to `end` (resolved then).
fn outage(start: DateTime<Utc>, end: DateTime<Utc>, status: ComponentStatus) -> Incident {
    let change = |old, new| ComponentChange::new(api(), "API", old, new);
    Incident::builder("outage")
        .update(
            Update::new(IncidentStatus::Investigating, start)
                .with_change(change(Operational, status)),
        )
        .update(Update::new(IncidentStatus::Resolved, end).with_change(change(status, Operational)))
        .build()
        .unwrap()
}

fn history_of(incidents: &[Incident], as_of: DateTime<Utc>) -> ComponentHistory {
    let mut history = ComponentHistory::new();
    for incident in incidents {
        history.add_event(incident, as_of);
    }
    history
}

#[test]
fn weight_presets() {
    assert_eq!(Weights::default(), Weights::statuspage());
    for (weights, partial) in [
        (Weights::statuspage(), 300),
        (Weights::openstatus(), 500),
        (Weights::incident_io(), 1000),
    ] {
        assert_eq!(weights.permille(MajorOutage), 1000);
        assert_eq!(weights.permille(PartialOutage), partial);
        assert_eq!(weights.permille(DegradedPerformance), 0);
        assert_eq!(weights.permille(UnderMaintenance), 0);
        assert_eq!(weights.permille(Operational), 0);
    }
    assert_eq!(
        Weights::statuspage()
            .with(PartialOutage, f64::NAN)
            .weight(PartialOutage),
        0.0
    );
    assert_eq!(
        Weights::statuspage()
            .with(PartialOutage, -1.0)
            .weight(PartialOutage),
        0.0
    );
    assert_eq!(
        Weights::statuspage()
            .with_permille(PartialOutage, 5000)
            .weight(PartialOutage),
        1.0
    );
}

#[test]
fn march_16_uptime() {
    let history = history_of(&[march_16()], at(31, 0, 0));
    let merged = history.merged(&api());
    // 23 minutes of major outage (degraded weighs 0) on 16 March (UTC).
    let day = merged.uptime(day_window(16), &Weights::statuspage());
    assert_eq!(day.weighted_downtime(), minutes(23));
    assert_eq!(day.to_string(), "98.40%"); // 1 - 23/1440 = 98.4027...
    let bar = merged.daily(&DayRange::ending(date(31), 90), &Weights::statuspage());
    let sixteenth = bar.iter().find(|b| b.date == date(16)).unwrap();
    assert_eq!(sixteenth.worst_status, Some(MajorOutage));
    assert_eq!(sixteenth.weighted_downtime, minutes(23));
    assert_eq!(sixteenth.uptime, day);
}

#[test]
fn overlapping_incidents_on_one_component_count_once_at_the_highest_weight() {
    let incidents = [
        outage(at(16, 10, 0), at(16, 12, 0), MajorOutage),
        outage(at(16, 11, 0), at(16, 13, 0), PartialOutage),
        outage(at(16, 11, 30), at(16, 11, 45), MajorOutage), // inside the first
    ];
    let history = history_of(&incidents, at(31, 0, 0));
    let merged = history.merged(&api());
    let uptime = merged.uptime(day_window(16), &Weights::statuspage());
    // 10-12 major (1.0), 12-13 partial (0.3): 120 + 18 minutes.
    assert_eq!(uptime.weighted_downtime(), minutes(138));
    let with_incident_io = merged.uptime(day_window(16), &Weights::incident_io());
    assert_eq!(with_incident_io.weighted_downtime(), minutes(180));
    let stretches: Vec<_> = merged.intervals().collect();
    assert_eq!(stretches.first().unwrap().start, at(16, 10, 0));
    assert_eq!(stretches.last().unwrap().end, at(16, 13, 0));
    assert!(stretches.windows(2).all(|w| w[0].end <= w[1].start));
}

#[test]
fn partial_and_major_outage_in_one_interval() {
    let merged = MergedHistory::from_intervals([
        StatusInterval::new(at(16, 10, 0), at(16, 12, 0), PartialOutage),
        StatusInterval::new(at(16, 10, 0), at(16, 12, 0), MajorOutage),
    ]);
    let stretches: Vec<_> = merged.intervals().collect();
    assert_eq!(stretches.len(), 1);
    assert_eq!(stretches[0].worst_status, MajorOutage);
    assert!(stretches[0].has(PartialOutage));
    assert_eq!(stretches[0].weight(&Weights::statuspage()), 1.0);
    let uptime = merged.uptime(day_window(16), &Weights::statuspage());
    assert_eq!(uptime.weighted_downtime(), minutes(120));
}

#[test]
fn maintenances_weigh_nothing_by_default() {
    let db = ComponentId::new("db").unwrap();
    let change = |old, new| ComponentChange::new(db.clone(), "DB", old, new);
    let maintenance = Maintenance::builder("upgrade")
        .update(
            Update::new(MaintenanceStatus::InProgress, at(16, 1, 0))
                .with_change(change(Operational, UnderMaintenance)),
        )
        .update(
            Update::new(MaintenanceStatus::Completed, at(16, 3, 0))
                .with_change(change(UnderMaintenance, Operational)),
        )
        .build()
        .unwrap();
    let mut history = ComponentHistory::new();
    history.add_event(&maintenance, at(31, 0, 0));
    let merged = history.merged(&db);
    assert!(merged.uptime(day_window(16), &Weights::default()).is_full());
    let strict = Weights::default().with(UnderMaintenance, 1.0);
    assert_eq!(
        merged.uptime(day_window(16), &strict).weighted_downtime(),
        minutes(120)
    );
    let bar = merged.daily(&DayRange::ending(date(16), 1), &Weights::default());
    assert_eq!(bar[0].worst_status, Some(UnderMaintenance));
    assert_eq!(bar[0].uptime.to_string(), "100.00%");
}

#[test]
fn empty_inputs() {
    let history = ComponentHistory::new();
    let merged = history.merged(&api());
    assert!(merged.is_empty());
    let uptime = merged.uptime(day_window(16), &Weights::default());
    assert_eq!(uptime.ratio(), 1.0);
    assert_eq!(uptime.to_string(), "100.00%");
    assert_eq!(uptime.weighted_downtime(), Elapsed::ZERO);
    let bar = merged.daily(&DayRange::ending(date(31), 90), &Weights::default());
    assert_eq!(bar.len(), 90);
    assert!(bar
        .iter()
        .all(|b| b.worst_status.is_none() && b.uptime.is_full()));
    assert_eq!(
        merged.daily(&DayRange::ending(date(31), 0), &Weights::default()),
        []
    );
    // A window of zero length: nothing can be down in it.
    let instant = Window::new(at(16, 0, 0), at(16, 0, 0)).unwrap();
    let full = outage(at(15, 0, 0), at(17, 0, 0), MajorOutage);
    let merged = history_of(&[full], at(31, 0, 0)).merged(&api());
    assert_eq!(merged.uptime(instant, &Weights::default()).ratio(), 1.0);
    assert!(MergedHistory::from_intervals([]).is_empty());
}

#[test]
fn a_window_cuts_an_incident() {
    let incident = outage(at(15, 23, 0), at(16, 1, 0), MajorOutage);
    let merged = history_of(&[incident], at(31, 0, 0)).merged(&api());
    assert_eq!(
        merged
            .uptime(day_window(15), &Weights::default())
            .weighted_downtime(),
        minutes(60)
    );
    assert_eq!(
        merged
            .uptime(day_window(16), &Weights::default())
            .weighted_downtime(),
        minutes(60)
    );
    let bar = merged.daily(&DayRange::ending(date(17), 3), &Weights::default());
    let downtimes: Vec<Elapsed> = bar.iter().map(|b| b.weighted_downtime).collect();
    assert_eq!(downtimes, [minutes(60), minutes(60), Elapsed::ZERO]);
    assert_eq!(bar[2].worst_status, None);
    // The same days at UTC-4 see the whole outage on the 15th (19:00-21:00 local).
    let edt = FixedOffset::west_opt(4 * 3600).unwrap();
    let local = merged.daily(
        &DayRange::ending(date(16), 2).with_offset(edt),
        &Weights::default(),
    );
    assert_eq!(local[0].date, date(15));
    assert_eq!(local[0].weighted_downtime, minutes(120));
    assert_eq!(local[1].weighted_downtime, Elapsed::ZERO);
}

#[test]
fn an_open_incident_counts_until_as_of() {
    let change = |old, new| ComponentChange::new(api(), "API", old, new);
    let open = Incident::builder("open")
        .update(
            Update::new(IncidentStatus::Investigating, at(16, 10, 0))
                .with_change(change(Operational, MajorOutage)),
        )
        .build()
        .unwrap();
    let merged = history_of(&[open], at(16, 12, 0)).merged(&api());
    // Today's bucket is over the whole day, counting downtime up to as_of only.
    let uptime = merged.uptime(day_window(16), &Weights::default());
    assert_eq!(uptime.weighted_downtime(), minutes(120));
}

#[test]
fn percentages_are_truncated_never_rounded_up() {
    let window = Window::new(at(1, 0, 0), at(1, 0, 0) + Duration::days(90)).unwrap();
    // One millisecond down in 90 days: still below 100.00%.
    let blip = MergedHistory::from_intervals([StatusInterval::new(
        at(2, 0, 0),
        at(2, 0, 0) + Duration::milliseconds(1),
        MajorOutage,
    )]);
    let uptime = blip.uptime(window, &Weights::default());
    assert!(!uptime.is_full());
    assert_eq!(uptime.to_string(), "99.99%");
    assert_eq!(format!("{uptime:.0}"), "99%");
    // 99.996%: 0.004% of 90 days is 311.04 s.
    let down = MergedHistory::from_intervals([StatusInterval::new(
        at(2, 0, 0),
        at(2, 0, 0) + Duration::milliseconds(311_040),
        MajorOutage,
    )]);
    let uptime = down.uptime(window, &Weights::default());
    assert!((uptime.percent() - 99.996).abs() < 1e-9);
    assert_eq!(uptime.to_string(), "99.99%");
    assert_eq!(format!("{uptime:.3}"), "99.996%");
    // All down.
    let all = MergedHistory::from_intervals([StatusInterval::new(
        at(1, 0, 0),
        at(31, 0, 0),
        MajorOutage,
    )]);
    let zero = all.uptime(
        Window::new(at(2, 0, 0), at(3, 0, 0)).unwrap(),
        &Weights::default(),
    );
    assert_eq!(zero.ratio(), 0.0);
    assert_eq!(zero.to_string(), "0.00%");
}

#[test]
fn inverted_windows_are_refused() {
    let err = Window::new(at(2, 0, 0), at(1, 0, 0)).unwrap_err();
    assert_eq!(
        err.to_string(),
        "the window ends at 2020-03-01T00:00:00Z, before it starts at 2020-03-02T00:00:00Z"
    );
}

fn interval() -> impl Strategy<Value = StatusInterval> {
    (
        0i64..20_000,
        0i64..3_000,
        util::strategies::component_status(),
    )
        .prop_map(|(start, length, status)| {
            let start = at(1, 0, 0) + Duration::minutes(start);
            StatusInterval::new(start, start + Duration::minutes(length), status)
        })
}

fn weights() -> impl Strategy<Value = Weights> {
    prop::collection::vec(0u16..=1000, 5).prop_map(|permille| {
        ComponentStatus::ALL
            .iter()
            .zip(permille)
            .fold(Weights::statuspage(), |w, (&status, p)| {
                w.with_permille(status, p)
            })
    })
}

fn window() -> impl Strategy<Value = Window> {
    (0i64..25_000, 0i64..25_000).prop_map(|(a, b)| {
        let (a, b) = (a.min(b), a.max(b));
        Window::new(
            at(1, 0, 0) + Duration::minutes(a),
            at(1, 0, 0) + Duration::minutes(b),
        )
        .unwrap()
    })
}

/// The weighted downtime minute by minute, the obvious (slow) way.
fn brute_force(intervals: &[StatusInterval], window: Window, weights: &Weights) -> i64 {
    let mut total = 0i64;
    let mut minute = window.start();
    while minute < window.end() {
        let weight = intervals
            .iter()
            .filter(|i| i.start <= minute && minute < i.end)
            .map(|i| i64::from(weights.permille(i.status)))
            .max()
            .unwrap_or(0);
        total += weight * 60_000;
        minute += Duration::minutes(1);
    }
    total / 1000
}

proptest! {
    #[test]
    fn prop_uptime_stays_within_bounds_and_never_rises_when_an_outage_is_added(
        intervals in prop::collection::vec(interval(), 0..30),
        extra in interval(),
        window in window(),
        weights in weights(),
    ) {
        let before = MergedHistory::from_intervals(intervals.iter().copied()).uptime(window, &weights);
        prop_assert!((0.0..=1.0).contains(&before.ratio()));
        prop_assert!(before.weighted_downtime() <= window.length());
        let mut more = intervals.clone();
        more.push(extra);
        let after = MergedHistory::from_intervals(more).uptime(window, &weights);
        prop_assert!((0.0..=1.0).contains(&after.ratio()));
        prop_assert!(after.ratio() <= before.ratio());
        prop_assert!(after.weighted_downtime() >= before.weighted_downtime());
    }

    #[test]
    fn prop_merging_counts_each_moment_once_at_the_highest_weight(
        intervals in prop::collection::vec(interval(), 0..12),
        window in window(),
        weights in weights(),
    ) {
        let uptime = MergedHistory::from_intervals(intervals.iter().copied()).uptime(window, &weights);
        prop_assert_eq!(uptime.weighted_downtime().as_millis(), brute_force(&intervals, window, &weights));
    }

    #[test]
    fn prop_daily_buckets_add_up_to_the_whole_window(
        intervals in prop::collection::vec(interval(), 0..20),
        weights in weights(),
    ) {
        let merged = MergedHistory::from_intervals(intervals);
        let bar = merged.daily(&DayRange::ending(date(20), 20), &weights);
        prop_assert_eq!(bar.len(), 20);
        let whole = Window::new(at(1, 0, 0), at(21, 0, 0)).unwrap();
        let sum: Elapsed = bar.iter().map(|b| b.weighted_downtime).sum();
        let total = merged.uptime(whole, &weights).weighted_downtime();
        // Each bucket truncates to the millisecond.
        prop_assert!(total.as_millis() - sum.as_millis() <= 20);
        prop_assert!(sum <= total);
    }
}

#[cfg(feature = "serde")]
#[test]
fn buckets_serialize() {
    let merged = history_of(
        &[outage(at(16, 10, 0), at(16, 11, 0), MajorOutage)],
        at(31, 0, 0),
    )
    .merged(&api());
    let bar = merged.daily(&DayRange::ending(date(16), 1), &Weights::default());
    let json = serde_json::to_value(bar[0]).unwrap();
    assert_eq!(json["date"], "2020-03-16");
    assert_eq!(json["worst_status"], "major_outage");
    assert_eq!(json["weighted_downtime"], 3600);
    assert_eq!(json["uptime"]["weighted_downtime"], 3600);
    assert!((json["uptime"]["ratio"].as_f64().unwrap() - 23.0 / 24.0).abs() < 1e-12);
}

#[test]
fn incidents_and_maintenances_merge_on_one_component() {
    let change = |old, new| ComponentChange::new(api(), "API", old, new);
    let maintenance = Maintenance::builder("upgrade")
        .update(
            Update::new(MaintenanceStatus::InProgress, at(16, 1, 0))
                .with_change(change(Operational, UnderMaintenance)),
        )
        .update(
            Update::new(MaintenanceStatus::Completed, at(16, 3, 0))
                .with_change(change(UnderMaintenance, Operational)),
        )
        .build()
        .unwrap();
    let incident = outage(at(16, 2, 0), at(16, 4, 0), MajorOutage);
    let mut history = ComponentHistory::new();
    history.add_event(&maintenance, at(31, 0, 0));
    history.add_event(&incident, at(31, 0, 0));
    history.add_event(&incident, at(31, 0, 0)); // the same outage twice counts once
    let merged = history.merged(&api());
    let uptime = merged.uptime(day_window(16), &Weights::default());
    assert_eq!(uptime.weighted_downtime(), minutes(120));
    let stretches: Vec<_> = merged.intervals().collect();
    assert_eq!(stretches.len(), 3);
    assert_eq!(stretches[1].worst_status, MajorOutage);
    assert!(stretches[1].has(UnderMaintenance));
    let bar = merged.daily(&DayRange::ending(date(16), 1), &Weights::default());
    assert_eq!(bar[0].worst_status, Some(MajorOutage));
    assert_eq!(history.components().collect::<Vec<_>>(), [&api()]);

    // The same events as one mixed list of `AnyEvent`s merge the same way.
    let mixed: [AnyEvent; 2] = [maintenance.into(), incident.into()];
    let mut any = ComponentHistory::new();
    for event in &mixed {
        any.add_event(event, at(31, 0, 0));
    }
    let typed: Vec<_> = merged.intervals().collect();
    assert_eq!(any.merged(&api()).intervals().collect::<Vec<_>>(), typed);
}
