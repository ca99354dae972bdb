//! Derived views over generated history: the durations and affected
//! components of every incident of an export, the uptime of 100 components
//! over 90 days across 100 000 incidents, and transition checks.

use std::hint::black_box;

use chrono::{DateTime, Days, NaiveDate, Utc};
use criterion::{criterion_group, criterion_main, BatchSize, Criterion, Throughput};
use incident_model::generate::Generator;
use incident_model::{
    ComponentHistory, ComponentId, DayRange, Incident, IncidentStatus, Policy, Update, Weights,
    Window,
};

/// The seed of every generated export of the benches and the perf example.
const SEED: u64 = 42;

fn end() -> DateTime<Utc> {
    NaiveDate::from_ymd_opt(2026, 7, 31)
        .and_then(|d| d.and_hms_opt(0, 0, 0))
        .map(|t| t.and_utc())
        .expect("a valid date")
}

/// Durations (the whole timeline) and affected components of every incident.
fn durations_and_components(incidents: &[Incident], as_of: DateTime<Utc>) -> (i64, usize) {
    let mut total = 0i64;
    let mut components = 0usize;
    for incident in incidents {
        let timeline = incident.timeline(as_of);
        total += timeline.time_to_resolve().map_or(0, |d| d.as_secs());
        total += timeline.time_to_identify().map_or(0, |d| d.as_secs());
        total += timeline.time_to_monitor().map_or(0, |d| d.as_secs());
        components += incident.affected_components(as_of).len();
    }
    (total, components)
}

fn bench_durations(c: &mut Criterion) {
    let incidents = Generator::new(SEED).to_incidents();
    let updates: u64 = incidents.iter().map(|i| i.updates().len() as u64).sum();
    let mut group = c.benchmark_group("derived");
    group.sample_size(20);
    group.throughput(Throughput::Elements(incidents.len() as u64));
    group.bench_function("durations_and_affected_components/10k_incidents", |b| {
        b.iter(|| durations_and_components(black_box(&incidents), end()))
    });
    group.throughput(Throughput::Elements(updates));
    group.bench_function("transition_check/revalidate_strict/10k_incidents", |b| {
        b.iter(|| {
            black_box(&incidents)
                .iter()
                .map(|i| i.violations(&Policy::strict()).len())
                .sum::<usize>()
        })
    });
    group.finish();

    let mut group = c.benchmark_group("transition");
    let pairs: Vec<(Option<IncidentStatus>, IncidentStatus)> = IncidentStatus::ALL
        .iter()
        .flat_map(|&to| {
            std::iter::once((None, to)).chain(
                IncidentStatus::ALL
                    .iter()
                    .map(move |&from| (Some(from), to)),
            )
        })
        .collect();
    group.throughput(Throughput::Elements(pairs.len() as u64));
    group.bench_function("policy_check/all_pairs", |b| {
        let policy = Policy::standard();
        b.iter(|| {
            pairs
                .iter()
                .filter(|&&(from, to)| black_box(&policy).check(from, to).is_ok())
                .count()
        })
    });
    let base = incidents
        .iter()
        .find(|i| i.is_open())
        .cloned()
        .expect("the export has open incidents");
    group.bench_function("apply/one_update", |b| {
        let at = base.last_update().display_at() + chrono::Duration::minutes(5);
        b.iter_batched(
            || (base.clone(), Update::new(IncidentStatus::Monitoring, at)),
            |(mut incident, update)| incident.apply(update).is_ok(),
            BatchSize::SmallInput,
        )
    });
    group.finish();
}

/// The uptime of every component over each of the 90 days, and over the whole
/// window, from the incidents' component intervals.
fn uptime_90_days(incidents: &[Incident], components: &[ComponentId], as_of: DateTime<Utc>) -> u64 {
    let mut history = ComponentHistory::new();
    for incident in incidents {
        history.add_event(incident, as_of);
    }
    let last = as_of.date_naive() - Days::new(1);
    let days = DayRange::ending(last, 90);
    let window = Window::new(as_of - chrono::Duration::days(90), as_of).expect("an ordered window");
    let weights = Weights::statuspage();
    let mut bad_days = 0u64;
    for component in components {
        let merged = history.merged(component);
        bad_days += merged
            .daily(&days, weights)
            .iter()
            .filter(|d| d.uptime.is_some_and(|u| !u.is_full()))
            .count() as u64;
        black_box(merged.uptime(window, weights));
    }
    bad_days
}

fn bench_uptime(c: &mut Criterion) {
    let generator = Generator::new(SEED)
        .incidents(100_000)
        .components(100)
        .days(90);
    let incidents = generator.to_incidents();
    let mut components: Vec<ComponentId> = incidents
        .iter()
        .flat_map(|i| i.updates())
        .flat_map(|u| u.component_changes())
        .map(|c| c.component_id.clone())
        .collect();
    components.sort();
    components.dedup();
    assert_eq!(components.len(), 100);
    let mut group = c.benchmark_group("uptime");
    group.sample_size(10);
    group.bench_function("100_components_100k_incidents_90_days", |b| {
        b.iter(|| uptime_90_days(black_box(&incidents), &components, end()))
    });
    group.finish();
}

criterion_group!(benches, bench_durations, bench_uptime);
criterion_main!(benches);
