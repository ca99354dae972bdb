//! The "done when" of the change feed as a property: feeding any sequence of
//! snapshots of one generated page to a history reports every update posted
//! between the first and the last snapshot exactly once as `update_posted`,
//! and every event opened in between exactly once as `event_opened`,
//! whatever the snapshots in between list (full lists, the most recent few,
//! only the open events, or a single event).
//!
//! 32 cases by default; run longer with `PROPTEST_CASES=5000 cargo test
//! --test test_history_prop`.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{DateTime, Duration, TimeZone, Utc};
use incident_model::history::{Change, Coverage, History, Observation, ObservedAt, PageKey};
use incident_model::{AnyEvent, Incident, IncidentStatus, Update, UpdateId};
use proptest::prelude::*;

/// An event of the generated page: when it opens, and its updates as
/// (minutes after the opening, status).
#[derive(Clone, Debug)]
struct PlannedEvent {
    opens: i64,
    updates: Vec<(i64, IncidentStatus)>,
}

/// What a snapshot lists.
#[derive(Clone, Copy, Debug)]
enum Listing {
    /// Every event (a short `incidents.json`).
    All,
    /// The `n` most recently opened (a full list).
    Recent(usize),
    /// The open events (`summary.json`).
    Open,
    /// One event (a single incident or a webhook), by position.
    One(usize),
}

fn planned_event() -> impl Strategy<Value = PlannedEvent> {
    let open = prop::sample::select(vec![
        IncidentStatus::Investigating,
        IncidentStatus::Identified,
        IncidentStatus::Monitoring,
    ]);
    (
        0..600i64,
        prop::collection::vec((1..90i64, open), 0..5),
        any::<bool>(),
    )
        .prop_map(|(opens, steps, resolves)| {
            let mut at = 0;
            let mut updates = vec![(0, IncidentStatus::Investigating)];
            for (gap, status) in steps {
                at += gap;
                updates.push((at, status));
            }
            if resolves {
                updates.push((at + 30, IncidentStatus::Resolved));
            }
            PlannedEvent { opens, updates }
        })
}

fn listing() -> impl Strategy<Value = Listing> {
    prop_oneof![
        Just(Listing::All),
        (1..4usize).prop_map(Listing::Recent),
        Just(Listing::Open),
        (0..8usize).prop_map(Listing::One),
    ]
}

fn minute(m: i64) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2024, 9, 17, 0, 0, 0).unwrap() + Duration::minutes(m)
}

/// Event `i` as the page showed it at minute `at`; none before it opened.
fn version(i: usize, event: &PlannedEvent, at: i64) -> Option<Incident> {
    let mut builder = Incident::builder(format!("Event {i}")).id(format!("e{i}").parse().unwrap());
    let mut any = false;
    for (j, (after, status)) in event.updates.iter().enumerate() {
        let t = event.opens + after;
        if t <= at {
            let id = UpdateId::new(format!("e{i}-u{j}")).unwrap();
            builder = builder.update(Update::new(*status, minute(t)).with_id(id));
            any = true;
        }
    }
    any.then(|| builder.build().unwrap())
}

fn snapshot(page: &[PlannedEvent], at: i64, listing: Listing) -> Observation {
    let mut shown: Vec<Incident> = page
        .iter()
        .enumerate()
        .filter_map(|(i, e)| version(i, e, at))
        .collect();
    shown.sort_by_key(|e| std::cmp::Reverse(e.opened_at()));
    let (listed, coverage): (Vec<Incident>, Coverage) = match listing {
        Listing::All => (shown, Coverage::WholeHistory),
        Listing::Recent(n) if shown.len() > n => {
            let listed: Vec<Incident> = shown.into_iter().take(n).collect();
            let from = listed.iter().map(Incident::opened_at).min().unwrap();
            (listed, Coverage::Since(from))
        }
        Listing::Recent(_) => (shown, Coverage::WholeHistory),
        Listing::Open => (
            shown.into_iter().filter(Incident::is_open).collect(),
            Coverage::OpenEvents,
        ),
        Listing::One(k) => (
            shown.into_iter().skip(k).take(1).collect(),
            Coverage::ListedEvents,
        ),
    };
    Observation::new(PageKey::Id("page".into()), ObservedAt::Given(minute(at)))
        .with_coverage(coverage)
        .with_events(listed.into_iter().map(AnyEvent::from))
}

/// The (event, update) pairs and the events an observation lists.
fn listed(observation: &Observation) -> (BTreeSet<(String, String)>, BTreeSet<String>) {
    let mut updates = BTreeSet::new();
    let mut events = BTreeSet::new();
    for event in observation.events() {
        let incident = event.as_incident().unwrap();
        events.insert(incident.id().to_string());
        for update in incident.updates() {
            updates.insert((incident.id().to_string(), update.id().to_string()));
        }
    }
    (updates, events)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(32))]

    #[test]
    fn prop_each_update_posted_and_event_opened_is_reported_exactly_once(
        page in prop::collection::vec(planned_event(), 1..6),
        snapshots in prop::collection::vec((0..900i64, listing()), 2..8),
    ) {
        let mut snapshots = snapshots;
        snapshots.sort_by_key(|(at, _)| *at);
        let observations: Vec<Observation> =
            snapshots.iter().map(|(at, listing)| snapshot(&page, *at, *listing)).collect();
        let (first_updates, first_events) = listed(&observations[0]);
        let mut expected_updates = BTreeSet::new();
        let mut expected_events = BTreeSet::new();
        for observation in &observations[1..] {
            let (updates, events) = listed(observation);
            expected_updates.extend(updates.difference(&first_updates).cloned());
            expected_events.extend(events.difference(&first_events).cloned());
        }
        let mut history = History::new();
        let mut observations = observations.into_iter();
        history.observe(observations.next().unwrap()).unwrap();
        let mut posted: BTreeMap<(String, String), usize> = BTreeMap::new();
        let mut opened: BTreeMap<String, usize> = BTreeMap::new();
        for observation in observations {
            for change in history.observe(observation).unwrap() {
                match change {
                    Change::UpdatePosted { event, update } => {
                        *posted.entry((event.id.to_string(), update.id.to_string())).or_default() += 1;
                    }
                    Change::EventOpened { event } => *opened.entry(event.id.to_string()).or_default() += 1,
                    _ => {}
                }
            }
        }
        prop_assert!(posted.values().all(|n| *n == 1), "an update posted twice: {posted:?}");
        prop_assert!(opened.values().all(|n| *n == 1), "an event opened twice: {opened:?}");
        prop_assert_eq!(posted.into_keys().collect::<BTreeSet<_>>(), expected_updates);
        prop_assert_eq!(opened.into_keys().collect::<BTreeSet<_>>(), expected_events);
        prop_assert!(history.anomalies().is_empty(), "{:?}", history.anomalies());
    }
}
