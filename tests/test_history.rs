//! The history of a page and the change feed, over hand-written fixtures in
//! `tests/fixtures/history/`.
#![cfg(feature = "statuspage")]

use chrono::{DateTime, TimeZone, Utc};
use incident_model::formats::statuspage;
use incident_model::history::{
    self, Change, ChangeKind, Coverage, History, HistoryAnomalyKind, HistoryError, Observation,
    ObservedAt, PageKey,
};
use incident_model::{
    AnyStatus, ComponentStatus, Impact, Incident, IncidentStatus::*, Update, UpdateId,
};

fn fixture(name: &str) -> Observation {
    let path = format!(
        "{}/tests/fixtures/history/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    let text = std::fs::read_to_string(&path).unwrap();
    let document = statuspage::read(&text).unwrap_or_else(|err| panic!("{name}: {err}"));
    document.observation(name).unwrap()
}

fn at(h: u32, m: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2024, 9, 17, h, m, 0).unwrap()
}

/// Each change as `kind event update`.
fn lines(changes: &[Change]) -> Vec<String> {
    changes
        .iter()
        .map(|c| {
            let event = c.event().map_or("-", |e| e.id.as_str());
            let update = c.update().map_or("-", |u| u.id.as_str());
            format!("{} {event} {update}", c.kind())
        })
        .collect()
}

#[test]
fn an_older_incidents_json_against_a_newer_one_gives_every_implied_change_and_nothing_else() {
    let changes = history::changes(
        fixture("incidents_older.json"),
        fixture("incidents_newer.json"),
    )
    .unwrap();
    assert_eq!(
        lines(&changes),
        [
            "event_opened ddddddddddd4 -",
            "update_posted ddddddddddd4 ud1111111111",
            "update_posted cccccccccc3c uc2222222222",
            "update_posted bbbbbbbbbbb2 ub2222222222",
            "update_posted bbbbbbbbbbb2 ub3333333333",
            "status_changed bbbbbbbbbbb2 -",
            "event_resolved bbbbbbbbbbb2 -",
            "impact_changed bbbbbbbbbbb2 -",
        ]
    );
    // What a bot needs is in the change.
    let Change::UpdatePosted { event, update } = &changes[1] else {
        panic!()
    };
    assert_eq!(event.name, "Copilot unavailable");
    assert_eq!(update.body, "Copilot is down; we know why.");
    assert!(matches!(
        &changes[5],
        Change::StatusChanged {
            from: AnyStatus::Incident(Investigating),
            to: AnyStatus::Incident(Resolved),
            ..
        }
    ));
    assert!(matches!(
        &changes[7],
        Change::ImpactChanged {
            from: Impact::Minor,
            to: Impact::Major,
            ..
        }
    ));
}

#[test]
fn feeding_snapshots_in_order_gives_each_change_once() {
    let mut history = History::new();
    history.observe(fixture("incidents_older.json")).unwrap();
    assert_eq!(
        history
            .observe(fixture("incidents_newer.json"))
            .unwrap()
            .len(),
        8
    );
    assert!(history
        .observe(fixture("incidents_newer.json"))
        .unwrap()
        .is_empty());
    // An older observation arriving late changes nothing.
    assert!(history
        .observe(fixture("incidents_older.json"))
        .unwrap()
        .is_empty());
    let b = history.event(&"bbbbbbbbbbb2".parse().unwrap()).unwrap();
    assert_eq!(b.event().update_count(), 3);
    assert_eq!(history.events().len(), 4);
}

#[test]
fn observations_out_of_order_are_merged_by_observed_at() {
    let mut history = History::new();
    history.observe(fixture("incidents_newer.json")).unwrap();
    history.observe(fixture("incidents_older.json")).unwrap();
    let c = history.event(&"cccccccccc3c".parse().unwrap()).unwrap();
    assert_eq!(c.event().update_count(), 2, "the newer version wins");
    assert_eq!(c.observed_at(), at(10, 0));
}

#[test]
fn a_summary_pair_gives_component_and_page_status_changes_and_a_stale_event() {
    let mut history = History::new();
    history.observe(fixture("summary_older.json")).unwrap();
    let changes = history.observe(fixture("summary_newer.json")).unwrap();
    assert_eq!(
        lines(&changes),
        ["component_changed - -", "page_status_changed - -"]
    );
    let Change::ComponentChanged {
        component,
        from,
        to,
        ..
    } = &changes[0]
    else {
        panic!()
    };
    assert_eq!(
        (component.name.as_str(), *from, *to),
        (
            "Packages",
            ComponentStatus::PartialOutage,
            ComponentStatus::Operational
        )
    );
    assert_eq!(
        changes[1].to_string(),
        "page: Minor Service Outage -> All Systems Operational"
    );
    // The incident gone from the summary is stale, not resolved, and is not
    // measured past the last observation that saw it.
    let c = &history.events()[0];
    assert!(c.event().is_open());
    assert_eq!(c.stale_since(), Some(at(10, 0)));
    assert_eq!(c.measured_until(), at(9, 20));
}

#[test]
fn an_event_absent_from_a_list_that_does_not_cover_it_is_kept_and_not_stale() {
    let mut history = History::new();
    history.observe(fixture("summary_older.json")).unwrap();
    let single = Observation::new(
        PageKey::Id("kq8w2m4n6p1r".into()),
        ObservedAt::Given(at(11, 0)),
    );
    assert!(history.observe(single).unwrap().is_empty());
    assert_eq!(history.events().len(), 1);
    assert_eq!(history.events()[0].stale_since(), None);
    assert_eq!(history.observations()[1].coverage, Coverage::ListedEvents);
}

#[test]
fn two_pages_in_one_history_are_a_typed_error_naming_both() {
    let mut history = History::new();
    history.observe(fixture("incidents_older.json")).unwrap();
    let err = history.observe(fixture("other_page.json")).unwrap_err();
    assert_eq!(
        err,
        HistoryError::OtherPage {
            history: PageKey::Id("kq8w2m4n6p1r".into()),
            observation: PageKey::Id("4lzycl8t1x0c".into()),
        }
    );
    assert_eq!(
        err.to_string(),
        "an observation of page 4lzycl8t1x0c given to the history of page kq8w2m4n6p1r"
    );
    assert_eq!(
        history.events().len(),
        3,
        "the refused observation changed nothing"
    );
}

fn version(name: &str, updates: &[(&str, u32, &str)]) -> Incident {
    let mut builder = Incident::builder(name).id("x1".parse().unwrap());
    for (id, hour, body) in updates {
        builder = builder.update(
            Update::new(Investigating, at(*hour, 0))
                .with_id(UpdateId::new(*id).unwrap())
                .with_body(*body),
        );
    }
    builder.build().unwrap()
}

fn observed(hour: u32, event: Incident) -> Observation {
    Observation::new(PageKey::Id("p".into()), ObservedAt::Given(at(hour, 0))).with_event(event)
}

#[test]
fn edits_deletions_and_reused_update_ids_are_reported() {
    let mut history = History::new();
    history
        .observe(observed(
            10,
            version("x", &[("u1", 8, "Looking."), ("u2", 9, "Still.")]),
        ))
        .unwrap();
    let changes = history
        .observe(observed(11, version("x", &[("u1", 8, "Looking hard.")])))
        .unwrap();
    assert_eq!(
        lines(&changes),
        ["update_edited x1 u1", "update_deleted x1 u2"]
    );
    let Change::UpdateEdited {
        previous_body,
        update,
        ..
    } = &changes[0]
    else {
        panic!()
    };
    assert_eq!(
        (previous_body.as_str(), update.body.as_str()),
        ("Looking.", "Looking hard.")
    );
    // The same id for an update at another time: an anomaly, not a silent overwrite.
    history
        .observe(observed(12, version("x", &[("u1", 10, "Another update.")])))
        .unwrap();
    let kinds: Vec<HistoryAnomalyKind> = history.anomalies().iter().map(|a| a.kind).collect();
    assert_eq!(
        kinds,
        [
            HistoryAnomalyKind::UpdateDeleted,
            HistoryAnomalyKind::UpdateIdReused
        ]
    );
}

#[test]
fn an_update_id_of_another_event_is_an_anomaly() {
    let mut history = History::new();
    history
        .observe(observed(10, version("x", &[("u1", 8, "Looking.")])))
        .unwrap();
    let other = Incident::builder("y")
        .id("y1".parse().unwrap())
        .update(Update::new(Investigating, at(9, 0)).with_id(UpdateId::new("u1").unwrap()))
        .build()
        .unwrap();
    history.observe(observed(11, other)).unwrap();
    assert_eq!(
        history.anomalies()[0].kind,
        HistoryAnomalyKind::UpdateIdReused
    );
    assert_eq!(history.anomalies()[0].event.as_str(), "y1");
}

#[test]
fn an_observation_without_any_time_must_be_given_one() {
    let document = statuspage::read(r#"{"components": []}"#).unwrap();
    let err = document.observation("components.json").unwrap_err();
    assert_eq!(
        err.to_string(),
        "source components.json: no observation time given, and the document holds no timestamp"
    );
    let observation = document.observation_at("components.json", at(9, 0));
    assert_eq!(observation.observed_at(), ObservedAt::Given(at(9, 0)));
}

#[test]
fn coverage_follows_the_shape() {
    assert_eq!(
        fixture("incidents_newer.json").coverage(),
        Coverage::WholeHistory
    );
    assert_eq!(
        fixture("summary_newer.json").coverage(),
        Coverage::OpenEvents
    );
    assert_eq!(ChangeKind::ALL.len(), 10);
}

#[cfg(feature = "json")]
#[test]
fn a_history_reads_back_equal() {
    let mut history = History::new();
    history.observe(fixture("summary_older.json")).unwrap();
    history.observe(fixture("incidents_older.json")).unwrap();
    history.observe(fixture("summary_newer.json")).unwrap();
    history
        .observe(observed_page(
            11,
            version("x", &[("ub1111111111", 8, "Reused.")]),
        ))
        .unwrap();
    assert!(!history.anomalies().is_empty());
    let saved = serde_json::to_string(&history).unwrap();
    let mut again: History = serde_json::from_str(&saved).unwrap();
    assert_eq!(again, history);
    // The state goes on: the same observation brings the same changes.
    let mut original = history.clone();
    assert_eq!(
        again.observe(fixture("incidents_newer.json")).unwrap(),
        original.observe(fixture("incidents_newer.json")).unwrap()
    );
    assert!(serde_json::from_str::<History>(r#"{"surprise": 1}"#).is_err());
}

fn observed_page(hour: u32, event: Incident) -> Observation {
    Observation::new(
        PageKey::Id("kq8w2m4n6p1r".into()),
        ObservedAt::Given(at(hour, 0)),
    )
    .with_event(event)
}

/// Issue 12, "uptime honours coverage": a page whose data stops (its last
/// observation) has no uptime figure in a later window, not 100%; within what
/// it covers it has one.
#[test]
fn uptime_over_a_history_has_no_figure_past_the_last_observation() {
    use incident_model::{MergedHistory, UptimeRule, Window};
    let mut history = History::new();
    history.observe(fixture("incidents_newer.json")).unwrap();
    let covered = history.covered();
    let last = history.last_observed_at().unwrap();
    let spans: Vec<Window> = covered.spans().collect();
    assert_eq!(spans.last().map(Window::end), Some(last), "{spans:?}");
    let merged = MergedHistory::default();
    let later = Window::new(
        last + chrono::Duration::days(1),
        last + chrono::Duration::days(2),
    )
    .unwrap();
    assert_eq!(
        merged.uptime_covered(later, UptimeRule::statuspage(), &covered),
        None
    );
    let before = Window::new(last - chrono::Duration::days(1), last).unwrap();
    let uptime = merged
        .uptime_covered(before, UptimeRule::statuspage(), &covered)
        .unwrap();
    assert_eq!(uptime.percentage().to_string(), "100.00%");
}

/// A summary covers only the events it lists (their spans), not the time
/// between polls; one that lists resolved events is an export of the page's
/// history, covered as a list of its events would be.
#[test]
fn a_summary_covers_its_events_and_a_summary_shaped_export_its_history() {
    let mut history = History::new();
    history.observe(fixture("summary_older.json")).unwrap();
    let spans: Vec<incident_model::Window> = history.covered().spans().collect();
    let events = history.events();
    assert!(!spans.is_empty() && !events.is_empty());
    // Each span is an event's, from when it opened until it was last seen.
    for span in &spans {
        assert!(
            events
                .iter()
                .any(|t| t.event().opened_at() <= span.start() && t.measured_until() >= span.end()),
            "{span:?}"
        );
    }
    let path = format!(
        "{}/examples/data/status-export.json",
        env!("CARGO_MANIFEST_DIR")
    );
    let export = statuspage::read(&std::fs::read_to_string(path).unwrap()).unwrap();
    assert_eq!(export.shape, statuspage::Shape::Summary);
    assert_eq!(
        export.observation("demo").unwrap().coverage(),
        Coverage::WholeHistory
    );
}
