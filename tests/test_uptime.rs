//! Weights, merged component histories, uptime over a window, daily buckets and
//! the printed percentage.

mod util;

use chrono::{DateTime, Duration, FixedOffset, NaiveDate, TimeZone, Utc};
use incident_model::uptime::{Coverage, MaintenanceWindows, UptimePreset, UptimeRule};
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
    let day = merged.uptime(day_window(16), Weights::statuspage());
    assert_eq!(day.weighted_downtime(), minutes(23));
    assert_eq!(day.to_string(), "98.40% (statuspage)"); // 1 - 23/1440 = 98.4027...
    let bar = merged.daily(&DayRange::ending(date(31), 90), Weights::statuspage());
    let sixteenth = bar.iter().find(|b| b.date == date(16)).unwrap();
    assert_eq!(sixteenth.worst_status, Some(MajorOutage));
    assert_eq!(sixteenth.weighted_downtime, minutes(23));
    assert_eq!(sixteenth.uptime, Some(day));
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
    let uptime = merged.uptime(day_window(16), Weights::statuspage());
    // 10-12 major (1.0), 12-13 partial (0.3): 120 + 18 minutes.
    assert_eq!(uptime.weighted_downtime(), minutes(138));
    let with_incident_io = merged.uptime(day_window(16), Weights::incident_io());
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
    let uptime = merged.uptime(day_window(16), Weights::statuspage());
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
    assert!(merged.uptime(day_window(16), Weights::default()).is_full());
    let strict = Weights::default().with(UnderMaintenance, 1.0);
    assert_eq!(
        merged.uptime(day_window(16), strict).weighted_downtime(),
        minutes(120)
    );
    let bar = merged.daily(&DayRange::ending(date(16), 1), Weights::default());
    assert_eq!(bar[0].worst_status, Some(UnderMaintenance));
    assert_eq!(bar[0].uptime.unwrap().percentage().to_string(), "100.00%");
}

#[test]
fn empty_inputs() {
    let history = ComponentHistory::new();
    let merged = history.merged(&api());
    assert!(merged.is_empty());
    let uptime = merged.uptime(day_window(16), Weights::default());
    assert_eq!(uptime.ratio(), 1.0);
    assert_eq!(uptime.percentage().to_string(), "100.00%");
    assert_eq!(uptime.weighted_downtime(), Elapsed::ZERO);
    let bar = merged.daily(&DayRange::ending(date(31), 90), Weights::default());
    assert_eq!(bar.len(), 90);
    assert!(bar
        .iter()
        .all(|b| b.worst_status.is_none() && b.uptime.unwrap().is_full()));
    assert_eq!(
        merged.daily(&DayRange::ending(date(31), 0), Weights::default()),
        []
    );
    // A window of zero length: nothing can be down in it.
    let instant = Window::new(at(16, 0, 0), at(16, 0, 0)).unwrap();
    let full = outage(at(15, 0, 0), at(17, 0, 0), MajorOutage);
    let merged = history_of(&[full], at(31, 0, 0)).merged(&api());
    assert_eq!(merged.uptime(instant, Weights::default()).ratio(), 1.0);
    assert!(MergedHistory::from_intervals([]).is_empty());
}

#[test]
fn a_window_cuts_an_incident() {
    let incident = outage(at(15, 23, 0), at(16, 1, 0), MajorOutage);
    let merged = history_of(&[incident], at(31, 0, 0)).merged(&api());
    assert_eq!(
        merged
            .uptime(day_window(15), Weights::default())
            .weighted_downtime(),
        minutes(60)
    );
    assert_eq!(
        merged
            .uptime(day_window(16), Weights::default())
            .weighted_downtime(),
        minutes(60)
    );
    let bar = merged.daily(&DayRange::ending(date(17), 3), Weights::default());
    let downtimes: Vec<Elapsed> = bar.iter().map(|b| b.weighted_downtime).collect();
    assert_eq!(downtimes, [minutes(60), minutes(60), Elapsed::ZERO]);
    assert_eq!(bar[2].worst_status, None);
    // The same days at UTC-4 see the whole outage on the 15th (19:00-21:00 local).
    let edt = FixedOffset::west_opt(4 * 3600).unwrap();
    let local = merged.daily(
        &DayRange::ending(date(16), 2).with_offset(edt),
        Weights::default(),
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
    let uptime = merged.uptime(day_window(16), Weights::default());
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
    let uptime = blip.uptime(window, Weights::default());
    assert!(!uptime.is_full());
    assert_eq!(uptime.percentage().to_string(), "99.99%");
    assert_eq!(format!("{uptime:.0}"), "99% (statuspage)");
    // 99.996%: 0.004% of 90 days is 311.04 s.
    let down = MergedHistory::from_intervals([StatusInterval::new(
        at(2, 0, 0),
        at(2, 0, 0) + Duration::milliseconds(311_040),
        MajorOutage,
    )]);
    let uptime = down.uptime(window, Weights::default());
    assert!((uptime.percent() - 99.996).abs() < 1e-9);
    assert_eq!(uptime.percentage().to_string(), "99.99%");
    assert_eq!(format!("{:.3}", uptime.percentage()), "99.996%");
    // All down.
    let all = MergedHistory::from_intervals([StatusInterval::new(
        at(1, 0, 0),
        at(31, 0, 0),
        MajorOutage,
    )]);
    let zero = all.uptime(
        Window::new(at(2, 0, 0), at(3, 0, 0)).unwrap(),
        Weights::default(),
    );
    assert_eq!(zero.ratio(), 0.0);
    assert_eq!(zero.percentage().to_string(), "0.00%");
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
        let before = MergedHistory::from_intervals(intervals.iter().copied()).uptime(window, weights);
        prop_assert!((0.0..=1.0).contains(&before.ratio()));
        prop_assert!(before.weighted_downtime() <= window.length());
        let mut more = intervals.clone();
        more.push(extra);
        let after = MergedHistory::from_intervals(more).uptime(window, weights);
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
        let uptime = MergedHistory::from_intervals(intervals.iter().copied()).uptime(window, weights);
        prop_assert_eq!(uptime.weighted_downtime().as_millis(), brute_force(&intervals, window, &weights));
    }

    #[test]
    fn prop_daily_buckets_add_up_to_the_whole_window(
        intervals in prop::collection::vec(interval(), 0..20),
        weights in weights(),
    ) {
        let merged = MergedHistory::from_intervals(intervals);
        let bar = merged.daily(&DayRange::ending(date(20), 20), weights);
        prop_assert_eq!(bar.len(), 20);
        let whole = Window::new(at(1, 0, 0), at(21, 0, 0)).unwrap();
        let sum: Elapsed = bar.iter().map(|b| b.weighted_downtime).sum();
        let total = merged.uptime(whole, weights).weighted_downtime();
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
    let bar = merged.daily(&DayRange::ending(date(16), 1), Weights::default());
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
    let uptime = merged.uptime(day_window(16), Weights::default());
    assert_eq!(uptime.weighted_downtime(), minutes(120));
    let stretches: Vec<_> = merged.intervals().collect();
    assert_eq!(stretches.len(), 3);
    assert_eq!(stretches[1].worst_status, MajorOutage);
    assert!(stretches[1].has(UnderMaintenance));
    let bar = merged.daily(&DayRange::ending(date(16), 1), Weights::default());
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

/// A maintenance on the API: under maintenance from `start` to `end`.
fn api_maintenance(start: DateTime<Utc>, end: DateTime<Utc>) -> Maintenance {
    let change = |old, new| ComponentChange::new(api(), "API", old, new);
    Maintenance::builder("upgrade")
        .update(
            Update::new(MaintenanceStatus::InProgress, start)
                .with_change(change(Operational, UnderMaintenance)),
        )
        .update(
            Update::new(MaintenanceStatus::Completed, end)
                .with_change(change(UnderMaintenance, Operational)),
        )
        .build()
        .unwrap()
}

/// The same incidents give a different uptime under each preset, and each
/// figure names its rule; `agreed_service_time` removes the maintenance
/// window, exactly.
#[test]
fn each_preset_gives_its_own_figure_and_names_it() {
    let mut history = ComponentHistory::new();
    // 16 March: 2 h of partial outage, 1 h of major outage, 4 h of maintenance.
    history.add_event(
        &outage(at(16, 2, 0), at(16, 4, 0), PartialOutage),
        at(31, 0, 0),
    );
    history.add_event(
        &outage(at(16, 5, 0), at(16, 6, 0), MajorOutage),
        at(31, 0, 0),
    );
    history.add_event(&api_maintenance(at(16, 8, 0), at(16, 12, 0)), at(31, 0, 0));
    let merged = history.merged(&api());
    let day = day_window(16);
    let figures: Vec<String> = UptimePreset::ALL
        .iter()
        .map(|preset| merged.uptime(day, preset.rule()).to_string())
        .collect();
    // statuspage: 1 h + 2 h * 0.3 = 96 min of 1440; incident_io: 180 of 1440;
    // openstatus: 120 of 1440; agreed service time: 96 min of 1200.
    assert_eq!(
        figures,
        [
            "93.33% (statuspage)",
            "87.50% (incident_io)",
            "91.66% (openstatus)",
            "92.00% (agreed_service_time)",
        ]
    );
    let agreed = merged.uptime(day, UptimeRule::agreed_service_time());
    assert_eq!(agreed.maintenance_removed(), minutes(4 * 60));
    assert_eq!(agreed.measured(), minutes(20 * 60));
    assert_eq!(agreed.weighted_downtime(), minutes(96));
    assert_eq!(
        merged
            .uptime(day, UptimeRule::statuspage())
            .maintenance_removed(),
        Elapsed::ZERO
    );
    // A custom rule prints its weights.
    let custom = UptimeRule::custom(
        Weights::statuspage().with(DegradedPerformance, 0.1),
        MaintenanceWindows::Excluded,
    );
    assert_eq!(
        merged.uptime(day, custom).to_string(),
        "92.00% (custom (major_outage 1, partial_outage 0.3, degraded_performance 0.1, \
         under_maintenance 0; maintenance windows removed from the window))"
    );
}

/// A maintenance that overlaps an outage from another event: under
/// `agreed_service_time` that time is neither up nor down.
#[test]
fn agreed_service_time_removes_an_overlapping_outage_too() {
    let mut history = ComponentHistory::new();
    history.add_event(
        &outage(at(16, 9, 0), at(16, 10, 0), MajorOutage),
        at(31, 0, 0),
    );
    history.add_event(&api_maintenance(at(16, 8, 0), at(16, 12, 0)), at(31, 0, 0));
    let merged = history.merged(&api());
    let agreed = merged.uptime(day_window(16), UptimeRule::agreed_service_time());
    assert!(agreed.is_full());
    assert_eq!(agreed.measured(), minutes(20 * 60));
    let statuspage = merged.uptime(day_window(16), UptimeRule::statuspage());
    assert_eq!(statuspage.weighted_downtime(), minutes(60));
}

/// A 90-day window over data that starts on day 61: 60 grey days, and an
/// uptime over the 30 covered days only.
#[test]
fn no_data_is_grey_and_out_of_the_window() {
    let days = DayRange::ending(date(31), 90);
    let (first_day, _) = days.days().next().unwrap();
    let (day_61, day_61_window) = days.days().nth(60).unwrap();
    assert_eq!(
        (first_day, day_61),
        (NaiveDate::from_ymd_opt(2020, 1, 2).unwrap(), date(2))
    );
    let coverage = Coverage::since(day_61_window.start());
    let merged = MergedHistory::from_intervals([StatusInterval::new(
        at(16, 10, 0),
        at(16, 16, 0),
        MajorOutage,
    )]);
    let bar = merged.daily_covered(&days, UptimeRule::statuspage(), &coverage);
    assert_eq!(bar.iter().filter(|day| day.uptime.is_none()).count(), 60);
    assert!(bar[..60]
        .iter()
        .all(|day| day.no_data == day.window.length()));
    let whole = Window::new(
        days.days().next().unwrap().1.start(),
        at(31, 0, 0) + Duration::days(1),
    )
    .unwrap();
    let uptime = merged
        .uptime_covered(whole, UptimeRule::statuspage(), &coverage)
        .unwrap();
    assert_eq!(uptime.measured(), minutes(30 * 24 * 60));
    assert_eq!(uptime.no_data(), minutes(60 * 24 * 60));
    // 6 hours down of 30 days, not of 90: 1 - 6/720.
    assert_eq!(uptime.percentage().to_string(), "99.16%");
    // The same over 90 days, as if nobody's silence were up time, would say 99.72%.
    assert_eq!(
        merged
            .uptime(whole, UptimeRule::statuspage())
            .percentage()
            .to_string(),
        "99.72%"
    );
    // No coverage at all: no figure, not 100%.
    assert_eq!(
        merged.uptime_covered(whole, UptimeRule::statuspage(), &Coverage::none()),
        None
    );
}

/// Coverage from plain spans (what a history of observations hands in),
/// and a component's start date cutting it.
#[test]
fn coverage_from_spans_and_a_start_date() {
    let coverage = Coverage::from_spans([
        (at(20, 0, 0), at(25, 0, 0)),
        (at(1, 0, 0), at(5, 0, 0)),
        (at(4, 0, 0), at(10, 0, 0)),
        (at(12, 0, 0), at(12, 0, 0)), // empty: nothing
    ])
    .unwrap();
    let spans: Vec<Window> = coverage.spans().collect();
    assert_eq!(
        spans,
        [
            Window::new(at(1, 0, 0), at(10, 0, 0)).unwrap(),
            Window::new(at(20, 0, 0), at(25, 0, 0)).unwrap()
        ]
    );
    let month = Window::new(at(1, 0, 0), at(31, 0, 0)).unwrap();
    assert_eq!(coverage.covered(month), minutes(14 * 24 * 60));
    let started = coverage.clone().starting_at(at(22, 0, 0));
    assert_eq!(started.covered(month), minutes(3 * 24 * 60));
    let err = Coverage::from_spans([(at(2, 0, 0), at(1, 0, 0))]).unwrap_err();
    assert_eq!(
        err.to_string(),
        "the window ends at 2020-03-01T00:00:00Z, before it starts at 2020-03-02T00:00:00Z"
    );
    // Gaps in the coverage are no data, whatever the events say there.
    let merged = MergedHistory::from_intervals([StatusInterval::new(
        at(12, 0, 0),
        at(13, 0, 0),
        MajorOutage,
    )]);
    let uptime = merged
        .uptime_covered(month, Weights::default(), &coverage)
        .unwrap();
    assert!(uptime.is_full());
    assert_eq!(uptime.no_data(), minutes(16 * 24 * 60));
}

/// Days in the page's zone across a DST change: a component down 1 hour
/// across midnight into the Sunday of a change in America/New_York gets its
/// downtime on the right calendar days, and the Sunday is 23 (or 25) hours.
#[cfg(feature = "tz")]
#[test]
fn days_in_the_pages_zone_across_daylight_saving() {
    let new_york = chrono_tz::America::New_York;
    let local = |y, m, d, h, min| {
        new_york
            .with_ymd_and_hms(y, m, d, h, min, 0)
            .unwrap()
            .with_timezone(&Utc)
    };
    // Spring: Sunday 8 March 2020, 02:00 EST -> 03:00 EDT. Down 23:30 Saturday
    // to 00:30 Sunday (EST, one hour).
    let merged = MergedHistory::from_intervals([StatusInterval::new(
        local(2020, 3, 7, 23, 30),
        local(2020, 3, 8, 0, 30),
        MajorOutage,
    )]);
    let days = DayRange::ending(date(9), 3).in_zone(new_york);
    let bar = merged.daily(&days, Weights::default());
    let hours: Vec<i64> = bar
        .iter()
        .map(|day| day.window.length().as_secs() / 3600)
        .collect();
    assert_eq!(hours, [24, 23, 24]);
    assert_eq!(bar[0].weighted_downtime, minutes(30)); // Saturday 7th
    assert_eq!(bar[1].weighted_downtime, minutes(30)); // Sunday 8th
    assert!(bar[2].uptime.unwrap().is_full());
    // Sunday's 30 minutes are of 23 hours, not 24.
    assert_eq!(bar[1].uptime.unwrap().measured(), minutes(23 * 60));
    // A fixed offset (the old way, EDT for every day) would put the Saturday
    // outage into Sunday: 23:30 EST is 00:30 EDT.
    let fixed = DayRange::ending(date(9), 3).with_offset(FixedOffset::west_opt(4 * 3600).unwrap());
    let wrong = merged.daily(&fixed, Weights::default());
    assert_eq!(
        (wrong[0].weighted_downtime, wrong[1].weighted_downtime),
        (Elapsed::ZERO, minutes(60))
    );

    // Autumn: Sunday 1 November 2020, 02:00 EDT -> 01:00 EST: a 25-hour day.
    let merged = MergedHistory::from_intervals([StatusInterval::new(
        local(2020, 10, 31, 23, 30),
        local(2020, 11, 1, 0, 30),
        MajorOutage,
    )]);
    let days = DayRange::ending(NaiveDate::from_ymd_opt(2020, 11, 1).unwrap(), 2).in_zone(new_york);
    let bar = merged.daily(&days, Weights::default());
    assert_eq!(bar[1].window.length(), minutes(25 * 60));
    assert_eq!(
        (bar[0].weighted_downtime, bar[1].weighted_downtime),
        (minutes(30), minutes(30))
    );
}

/// Every uptime figure serializes with its rule and its coverage.
#[cfg(feature = "serde")]
#[test]
fn uptime_serializes_with_its_rule() {
    let merged = MergedHistory::from_intervals([StatusInterval::new(
        at(16, 10, 0),
        at(16, 11, 0),
        UnderMaintenance,
    )]);
    let uptime = merged.uptime(day_window(16), UptimeRule::agreed_service_time());
    let json = serde_json::to_value(uptime).unwrap();
    assert_eq!(
        json,
        serde_json::json!({
            "ratio": 1.0,
            "weighted_downtime": 0,
            "rule": {
                "name": "agreed_service_time",
                "weights": {"major_outage": 1.0, "partial_outage": 0.3,
                            "degraded_performance": 0.0, "under_maintenance": 0.0},
                "maintenance_windows": "excluded"
            },
            "measured": 82800,
            "no_data": 0,
            "maintenance_removed": 3600
        })
    );
}
