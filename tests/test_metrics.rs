//! Summaries and nearest-rank percentiles over many incidents.

mod util;

use chrono::{DateTime, Duration, TimeZone, Utc};
use incident_model::{
    metrics::nearest_rank, AnyEvent, AnyEventRef, Component, ComponentId, Elapsed, EventKind,
    Impact, Incident, IncidentStatus::*, Maintenance, MaintenanceStatus, Summaries, Summary,
    Update,
};
use proptest::prelude::*;
use util::{api, march_16};

fn start() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2020, 3, 16, 0, 0, 0).unwrap()
}

fn minutes(m: i64) -> Elapsed {
    Elapsed::new(Duration::minutes(m))
}

/// Identified after `identify` minutes, resolved after `resolve` (if any).
fn incident(impact: Impact, identify: i64, resolve: Option<i64>, components: &[&str]) -> Incident {
    let mut builder = Incident::builder("x")
        .impact(impact)
        .update(Update::new(Investigating, start()))
        .update(Update::new(
            Identified,
            start() + Duration::minutes(identify),
        ));
    for id in components {
        builder = builder.component(Component::new(ComponentId::new(*id).unwrap(), *id));
    }
    if let Some(resolve) = resolve {
        builder = builder.update(Update::new(Resolved, start() + Duration::minutes(resolve)));
    }
    builder.build().unwrap()
}

#[test]
fn empty_input_gives_count_zero_and_none() {
    let none: [Incident; 0] = [];
    let summaries = Summaries::of(&none);
    assert_eq!(summaries, Summaries::default());
    for summary in [
        summaries.time_to_identify,
        summaries.time_to_monitor,
        summaries.time_to_resolve,
    ] {
        assert_eq!(summary.count, 0);
        assert_eq!((summary.min, summary.max, summary.mean), (None, None, None));
        assert_eq!(
            (summary.p50, summary.p90, summary.p95, summary.p99),
            (None, None, None, None)
        );
    }
    assert!(Summaries::by_impact(&none).is_empty());
    assert!(Summaries::by_component(&none).is_empty());
    assert_eq!(Summary::of([]), Summary::default());
}

#[test]
fn one_to_a_hundred_minutes() {
    let values: Vec<Elapsed> = (1..=100).rev().map(minutes).collect();
    let summary = Summary::of(values);
    assert_eq!(summary.count, 100);
    assert_eq!(summary.min, Some(minutes(1)));
    assert_eq!(summary.max, Some(minutes(100)));
    assert_eq!(summary.mean.unwrap().to_string(), "50m 30s");
    assert_eq!(summary.p50, Some(minutes(50)));
    assert_eq!(summary.p90, Some(minutes(90)));
    assert_eq!(summary.p95, Some(minutes(95)));
    assert_eq!(summary.p99, Some(minutes(99)));
}

#[test]
fn nearest_rank_is_always_a_value() {
    let values: Vec<Elapsed> = [15, 20, 35, 40, 50].map(minutes).to_vec();
    // The textbook example: p30 -> rank 2, p40 -> rank 2, p50 -> rank 3, p100 -> rank 5.
    assert_eq!(nearest_rank(&values, 5.0), Some(minutes(15)));
    assert_eq!(nearest_rank(&values, 30.0), Some(minutes(20)));
    assert_eq!(nearest_rank(&values, 40.0), Some(minutes(20)));
    assert_eq!(nearest_rank(&values, 50.0), Some(minutes(35)));
    assert_eq!(nearest_rank(&values, 100.0), Some(minutes(50)));
    assert_eq!(nearest_rank(&values, f64::NAN), None);
    assert_eq!(nearest_rank(&values, -1.0), None);
    let single = Summary::of([minutes(7)]);
    assert_eq!(single.p50, Some(minutes(7)));
    assert_eq!(single.p99, Some(minutes(7)));
    assert_eq!(single.mean, Some(minutes(7)));
}

#[test]
fn only_events_with_the_milestone_count() {
    let incidents = [
        march_16(),
        incident(Impact::Major, 10, Some(60), &[]),
        incident(Impact::Major, 20, None, &[]), // still open
    ];
    let summaries = Summaries::of(&incidents);
    assert_eq!(summaries.time_to_identify.count, 3);
    assert_eq!(summaries.time_to_monitor.count, 1); // only march_16 reached monitoring
    assert_eq!(summaries.time_to_monitor.p50.unwrap().to_string(), "3h 14m");
    assert_eq!(summaries.time_to_resolve.count, 2);
    assert_eq!(summaries.time_to_resolve.max.unwrap().to_string(), "7h 23m");
    assert_eq!(summaries.time_to_resolve.min, Some(minutes(60)));
}

/// A maintenance of two hours, listing `components`.
fn upgrade(components: &[Component]) -> Maintenance {
    let mut builder = Maintenance::builder("upgrade");
    for component in components {
        builder = builder.component(component.clone());
    }
    builder
        .update(Update::new(MaintenanceStatus::InProgress, start()))
        .update(Update::new(
            MaintenanceStatus::Completed,
            start() + Duration::hours(2),
        ))
        .build()
        .unwrap()
}

/// Regression (issue 13): a maintenance was counted in the time to resolve,
/// from when it was scheduled. It has none of the incident durations; it is
/// measured against its plan (`MaintenanceSummary`, tests/test_maintenance.rs).
#[test]
fn maintenances_have_no_incident_durations() {
    let maintenance = upgrade(&[]);
    let summaries = Summaries::of([&maintenance]);
    assert_eq!(summaries, Summaries::default());
    assert_eq!(summaries.time_to_resolve.count, 0);
}

/// A mixed list of `AnyEvent`s summarizes as the typed lists do.
#[test]
fn a_mixed_list_summarizes_as_the_typed_lists() {
    let incidents = [
        incident(Impact::Minor, 10, Some(60), &["api"]),
        incident(Impact::Critical, 5, None, &["web"]),
        march_16(),
    ];
    let maintenance = upgrade(&[Component::new(api(), "API")]);
    let mixed: Vec<AnyEvent> = incidents
        .iter()
        .cloned()
        .map(AnyEvent::from)
        .chain([maintenance.clone().into()])
        .collect();
    let mixed_incidents = mixed.iter().filter(|e| e.kind() == EventKind::Incident);
    assert_eq!(Summaries::of(mixed_incidents), Summaries::of(&incidents));
    assert_eq!(Summaries::of([&mixed[3]]), Summaries::of([&maintenance]));
    let typed = incidents
        .iter()
        .map(AnyEventRef::from)
        .chain([AnyEventRef::from(&maintenance)]);
    assert_eq!(Summaries::of(&mixed), Summaries::of(typed.clone()));
    assert_eq!(
        Summaries::by_impact(&mixed),
        Summaries::by_impact(typed.clone())
    );
    assert_eq!(
        Summaries::by_component(&mixed),
        Summaries::by_component(typed)
    );
    let by_component = Summaries::by_component(&mixed);
    // 60m and 7h 23m: the maintenance has no time to resolve.
    assert_eq!(by_component[&api()].time_to_resolve.count, 2);
}

#[test]
fn grouped_by_impact() {
    let incidents = [
        march_16(), // minor
        incident(Impact::Critical, 5, Some(30), &[]),
        incident(Impact::Critical, 15, Some(90), &[]),
    ];
    let by_impact = Summaries::by_impact(&incidents);
    assert_eq!(
        by_impact.keys().copied().collect::<Vec<_>>(),
        [Impact::Minor, Impact::Critical]
    );
    let critical = by_impact[&Impact::Critical];
    assert_eq!(critical.time_to_resolve.count, 2);
    assert_eq!(critical.time_to_identify.p50, Some(minutes(5)));
    assert_eq!(critical.time_to_resolve.mean, Some(minutes(60)));
    assert_eq!(
        by_impact[&Impact::Minor]
            .time_to_resolve
            .p50
            .unwrap()
            .to_string(),
        "7h 23m"
    );
}

#[test]
fn grouped_by_component_counts_an_incident_in_each() {
    let incidents = [
        march_16(), // API, listed and named: counted once
        incident(Impact::Major, 10, Some(60), &["api", "web"]),
        incident(Impact::Major, 10, Some(30), &["web"]),
        incident(Impact::Major, 10, Some(20), &[]), // no component
    ];
    let by_component = Summaries::by_component(&incidents);
    assert_eq!(by_component.len(), 2);
    assert_eq!(by_component[&api()].time_to_resolve.count, 2);
    let web = ComponentId::new("web").unwrap();
    assert_eq!(by_component[&web].time_to_resolve.count, 2);
    assert_eq!(by_component[&web].time_to_resolve.max, Some(minutes(60)));
}

proptest! {
    #[test]
    fn prop_percentiles_are_monotone(seconds in prop::collection::vec(0i64..10_000_000, 0..200)) {
        let summary = Summary::of(seconds.iter().map(|&s| Elapsed::from_secs(s)));
        prop_assert_eq!(summary.count, seconds.len());
        if seconds.is_empty() {
            prop_assert_eq!(summary, Summary::default());
        } else {
            let chain = [summary.min, summary.p50, summary.p90, summary.p95, summary.p99, summary.max];
            let chain: Vec<Elapsed> = chain.into_iter().map(Option::unwrap).collect();
            prop_assert!(chain.windows(2).all(|w| w[0] <= w[1]), "{:?}", chain);
            let mean = summary.mean.unwrap();
            prop_assert!(summary.min.unwrap() <= mean && mean <= summary.max.unwrap());
        }
    }

    #[test]
    fn prop_nearest_rank_matches_its_definition(
        mut seconds in prop::collection::vec(0i64..1_000, 1..100),
        percentile in 0u32..=100,
    ) {
        seconds.sort_unstable();
        let sorted: Vec<Elapsed> = seconds.iter().map(|&s| Elapsed::from_secs(s)).collect();
        let n = sorted.len() as u32;
        // ceil(p * n / 100) in integers, at least 1.
        let rank = (percentile * n).div_ceil(100).max(1) as usize;
        prop_assert_eq!(nearest_rank(&sorted, f64::from(percentile)), Some(sorted[rank - 1]));
    }
}
