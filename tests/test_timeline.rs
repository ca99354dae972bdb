//! Milestones, durations, time in status, moves and affected components of one
//! incident or maintenance.

mod util;

use chrono::{DateTime, Duration, TimeZone, Utc};
use incident_model::{
    Component, ComponentChange, ComponentId, ComponentStatus, Elapsed, Incident,
    IncidentStatus::{self, *},
    Maintenance, MaintenanceStatus, Policy, StatusInterval, Update, Weights,
};
use proptest::prelude::*;
use util::{api, edt, march_16};

fn minutes(m: i64) -> Elapsed {
    Elapsed::new(Duration::minutes(m))
}

fn at(h: u32, m: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2020, 3, 16, h, m, 0).unwrap()
}

fn change(id: &ComponentId, old: ComponentStatus, new: ComponentStatus) -> ComponentChange {
    ComponentChange::new(id.clone(), id.as_str().to_uppercase(), old, new)
}

#[test]
fn march_16_durations() {
    let incident = march_16();
    assert_eq!(incident.opened_at(), edt(10, 28));
    assert_eq!(incident.time_to_identify(), Some(Elapsed::ZERO));
    assert_eq!(incident.time_to_monitor().unwrap().to_string(), "3h 14m");
    assert_eq!(incident.time_to_resolve().unwrap().to_string(), "7h 23m");
    let spent = incident.time_in_status(edt(19, 0));
    assert_eq!(spent.get(Identified).to_string(), "3h 14m");
    assert_eq!(spent.get(Monitoring).to_string(), "4h 9m");
    assert_eq!(spent.get(Investigating), Elapsed::ZERO);
    assert_eq!(spent.get(Resolved), Elapsed::ZERO);
    assert_eq!(spent.get(Postmortem), Elapsed::ZERO); // after resolved_at: nothing
    assert_eq!(Some(spent.total()), incident.time_to_resolve());
    assert_eq!(incident.regressions(), 0);
    assert_eq!(incident.reopens(), 0);

    let timeline = incident.timeline(edt(19, 0));
    assert_eq!(timeline.measured_until, edt(17, 51));
    assert_eq!(timeline.time_to_monitor(), incident.time_to_monitor());
    assert_eq!(timeline.time_to_resolve(), incident.time_to_resolve());
    assert_eq!(timeline.elapsed().to_string(), "7h 23m");
    assert_eq!(timeline.time_in_status, spent);
}

#[test]
fn march_16_affected_components() {
    let incident = march_16();
    let affected = incident.affected_components(edt(19, 0));
    assert_eq!(affected.len(), 1);
    let api_component = &affected[0];
    assert_eq!(api_component.id, api());
    assert_eq!(api_component.name, "API");
    assert_eq!(
        api_component.worst_status,
        Some(ComponentStatus::MajorOutage)
    );
    use ComponentStatus::*;
    assert_eq!(
        api_component.intervals,
        [
            StatusInterval::new(edt(10, 28), edt(11, 17), DegradedPerformance),
            StatusInterval::new(edt(11, 17), edt(11, 40), MajorOutage),
            StatusInterval::new(edt(11, 40), edt(17, 51), DegradedPerformance),
        ]
    );
    assert_eq!(api_component.time_in_status.get(MajorOutage), minutes(23));
    assert_eq!(
        api_component.time_in_status.get(DegradedPerformance),
        minutes(7 * 60)
    );
    assert_eq!(api_component.time_in_status.get(Operational), Elapsed::ZERO);
    assert_eq!(
        api_component.weighted_downtime(&Weights::statuspage()),
        minutes(23)
    );
    // Degraded performance weighs nothing in any preset.
    assert_eq!(
        api_component.weighted_downtime(&Weights::incident_io()),
        minutes(23)
    );
    let degraded_counts = Weights::statuspage().with(DegradedPerformance, 0.5);
    assert_eq!(
        api_component.weighted_downtime(&degraded_counts),
        minutes(23 + 7 * 60 / 2)
    );
}

#[test]
fn backfilled_resolved_only_incident_gives_zero_durations() {
    let (down, up) = (ComponentStatus::MajorOutage, ComponentStatus::Operational);
    let shown = at(21, 51);
    let incident = Incident::builder("Backfilled")
        .update(
            Update::new(Resolved, shown)
                .with_created_at(shown + Duration::hours(2))
                .with_change(change(&api(), down, up)),
        )
        .build()
        .unwrap();
    assert_eq!(incident.opened_at(), shown);
    assert_eq!(incident.resolved_at(), Some(shown));
    assert_eq!(incident.time_to_resolve(), Some(Elapsed::ZERO));
    assert_eq!(incident.time_to_identify(), None);
    assert_eq!(incident.time_to_monitor(), None);
    let spent = incident.time_in_status(at(23, 0));
    assert!(spent.iter().all(|(_, time)| time.is_zero()));
    let affected = incident.affected_components(at(23, 0));
    assert_eq!(affected[0].worst_status, Some(down)); // down for an instant, says the data
    assert!(affected[0].intervals.is_empty());
    assert_eq!(
        affected[0].weighted_downtime(&Weights::default()),
        Elapsed::ZERO
    );
}

#[test]
fn declared_start_before_creation() {
    use ComponentStatus::*;
    let incident = Incident::builder("Declared early")
        .started_at(at(10, 0))
        .created_at(at(10, 28))
        .update(Update::new(Identified, at(10, 28)).with_change(change(
            &api(),
            Operational,
            PartialOutage,
        )))
        .update(Update::new(Monitoring, at(11, 0)))
        .update(Update::new(Resolved, at(12, 0)).with_change(change(
            &api(),
            PartialOutage,
            Operational,
        )))
        .build()
        .unwrap();
    assert_eq!(incident.opened_at(), at(10, 0));
    assert_eq!(incident.time_to_identify(), Some(minutes(28)));
    assert_eq!(incident.time_to_monitor(), Some(minutes(60)));
    assert_eq!(incident.time_to_resolve(), Some(minutes(120)));
    let spent = incident.time_in_status(at(23, 0));
    // The gap before the first update counts as investigating.
    assert_eq!(spent.get(Investigating), minutes(28));
    assert_eq!(spent.get(Identified), minutes(32));
    assert_eq!(spent.get(Monitoring), minutes(60));
    assert_eq!(Some(spent.total()), incident.time_to_resolve());
    // Before it is first named, the component had the old status of that change.
    let affected = incident.affected_components(at(23, 0));
    assert_eq!(
        affected[0].intervals,
        [
            StatusInterval::new(at(10, 0), at(10, 28), Operational),
            StatusInterval::new(at(10, 28), at(12, 0), PartialOutage),
        ]
    );
    assert_eq!(
        affected[0].weighted_downtime(&Weights::openstatus()),
        minutes(46)
    );
}

#[test]
fn backdated_display_time_opens_the_incident_earlier() {
    let incident = Incident::builder("Backdated")
        .created_at(at(10, 30))
        .update(Update::new(Investigating, at(10, 0)).with_created_at(at(10, 30)))
        .update(Update::new(Resolved, at(11, 0)))
        .build()
        .unwrap();
    assert_eq!(incident.opened_at(), at(10, 0));
    assert_eq!(incident.time_to_resolve(), Some(minutes(60)));
}

#[test]
fn reopened_incident() {
    let mut incident = Incident::builder("Reopened")
        .update(Update::new(Investigating, at(10, 0)))
        .update(Update::new(Monitoring, at(10, 30)))
        .update(Update::new(Identified, at(10, 45))) // the fix did not hold
        .update(Update::new(Resolved, at(11, 0)))
        .build()
        .unwrap();
    assert_eq!(incident.resolved_at(), Some(at(11, 0)));
    incident.reopen(Update::new(Identified, at(12, 0))).unwrap();
    assert!(incident.is_open());
    assert_eq!(incident.resolved_at(), None);
    assert_eq!(incident.time_to_resolve(), None);
    assert_eq!(incident.elapsed(at(12, 30)), minutes(150));
    incident.apply(Update::new(Resolved, at(13, 0))).unwrap();
    incident.apply(Update::new(Postmortem, at(18, 0))).unwrap();

    assert_eq!(
        incident.resolved_at(),
        Some(at(13, 0)),
        "the last resolution"
    );
    assert_eq!(incident.time_to_resolve(), Some(minutes(180)));
    assert_eq!(
        incident.time_to_identify(),
        Some(minutes(45)),
        "the first identified"
    );
    assert_eq!(incident.reopens(), 1);
    assert_eq!(incident.regressions(), 1);
    let spent = incident.time_in_status(at(23, 0));
    assert_eq!(spent.get(Investigating), minutes(30));
    assert_eq!(spent.get(Monitoring), minutes(15));
    assert_eq!(spent.get(Identified), minutes(15 + 60));
    assert_eq!(spent.get(Resolved), minutes(60), "resolved until reopened");
    assert_eq!(spent.get(Postmortem), Elapsed::ZERO);
    assert_eq!(Some(spent.total()), incident.time_to_resolve());
    let timeline = incident.timeline(at(23, 0));
    assert_eq!((timeline.regressions, timeline.reopens), (1, 1));
}

#[test]
fn open_incident_is_measured_at_as_of() {
    use ComponentStatus::*;
    let incident = Incident::builder("Open")
        .update(Update::new(Investigating, at(10, 0)).with_change(change(
            &api(),
            Operational,
            MajorOutage,
        )))
        .update(Update::new(Identified, at(11, 0)))
        .build()
        .unwrap();
    assert_eq!(incident.time_to_resolve(), None);
    assert_eq!(incident.measured_until(at(14, 0)), at(14, 0));
    assert_eq!(incident.elapsed(at(14, 0)), minutes(240));
    let spent = incident.time_in_status(at(14, 0));
    assert_eq!(spent.get(Investigating), minutes(60));
    assert_eq!(spent.get(Identified), minutes(180));
    assert_eq!(spent.total(), incident.elapsed(at(14, 0)));

    // An as_of between updates cuts the intervals there.
    let early = incident.time_in_status(at(10, 30));
    assert_eq!(early.get(Investigating), minutes(30));
    assert_eq!(early.get(Identified), Elapsed::ZERO);
    // An as_of before the incident opened measures nothing; never negative.
    assert_eq!(incident.elapsed(at(9, 0)), Elapsed::ZERO);
    assert_eq!(incident.time_in_status(at(9, 0)).total(), Elapsed::ZERO);

    let affected = incident.affected_components(at(14, 0));
    assert_eq!(
        affected[0].intervals,
        [StatusInterval::new(at(10, 0), at(14, 0), MajorOutage)]
    );
    let before = incident.affected_components(at(9, 0));
    assert!(before[0].intervals.is_empty());
}

#[test]
fn maintenance_timeline() {
    use MaintenanceStatus::*;
    let db = ComponentId::new("db").unwrap();
    let maintenance = Maintenance::builder("Database upgrade")
        .update(Update::new(Scheduled, at(1, 0)))
        .update(Update::new(InProgress, at(9, 0)).with_change(change(
            &db,
            ComponentStatus::Operational,
            ComponentStatus::UnderMaintenance,
        )))
        .update(Update::new(Verifying, at(10, 0)))
        .update(Update::new(InProgress, at(10, 15)))
        .update(Update::new(Completed, at(11, 0)).with_change(change(
            &db,
            ComponentStatus::UnderMaintenance,
            ComponentStatus::Operational,
        )))
        .build()
        .unwrap();
    // No time to identify, monitor or resolve: a maintenance is measured
    // against its plan (tests/test_maintenance.rs).
    assert_eq!(maintenance.identified_at(), None);
    assert_eq!(maintenance.monitoring_at(), Some(at(10, 0)));
    let plan = maintenance.against_plan(at(12, 0));
    assert_eq!(plan.verifying_at, Some(at(10, 0)));
    assert_eq!(plan.duration, Some(minutes(2 * 60)));
    assert_eq!(maintenance.regressions(), 1);
    let spent = maintenance.time_in_status(at(12, 0));
    assert_eq!(spent.get(Scheduled), minutes(8 * 60));
    assert_eq!(spent.get(InProgress), minutes(60 + 45));
    assert_eq!(spent.get(Verifying), minutes(15));
    let affected = maintenance.affected_components(at(12, 0));
    assert_eq!(
        affected[0].worst_status,
        Some(ComponentStatus::UnderMaintenance)
    );
    assert_eq!(
        affected[0]
            .time_in_status
            .get(ComponentStatus::UnderMaintenance),
        minutes(120)
    );
    assert_eq!(
        affected[0].weighted_downtime(&Weights::default()),
        Elapsed::ZERO
    );
}

#[test]
fn listed_components_come_first_and_unnamed_ones_have_no_status() {
    use ComponentStatus::*;
    let (web, db, cdn) = (
        ComponentId::new("web").unwrap(),
        ComponentId::new("db").unwrap(),
        ComponentId::new("cdn").unwrap(),
    );
    let incident = Incident::builder("x")
        .component(Component::new(web.clone(), "Website"))
        .component(Component::new(cdn.clone(), "CDN"))
        .update(Update::new(Investigating, at(10, 0)).with_change(change(
            &db,
            Operational,
            PartialOutage,
        )))
        .update(
            Update::new(Identified, at(10, 30))
                .with_change(change(&api(), Operational, MajorOutage))
                .with_change(change(&web, Operational, DegradedPerformance)),
        )
        .update(Update::new(Resolved, at(11, 0)))
        .build()
        .unwrap();
    let affected = incident.affected_components(at(12, 0));
    let ids: Vec<&str> = affected.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(ids, ["web", "cdn", "db", "api"]);
    assert_eq!(affected[0].name, "Website"); // the listed name
    assert_eq!(affected[2].name, "DB"); // the name on the change
    let cdn_component = &affected[1];
    assert_eq!(cdn_component.worst_status, None);
    assert!(cdn_component.intervals.is_empty());
    assert_eq!(cdn_component.time_in_status.total(), Elapsed::ZERO);
    // Named in no later update: the status holds until resolved_at.
    assert_eq!(affected[3].time_in_status.get(MajorOutage), minutes(30));
    assert_eq!(affected[2].time_in_status.get(PartialOutage), minutes(60));
}

#[test]
fn closed_statuses_after_resolution_count_nothing() {
    let incident = Incident::builder("x")
        .update(Update::new(Investigating, at(10, 0)))
        .update(Update::new(Resolved, at(11, 0)))
        .update(Update::new(Resolved, at(12, 0)))
        .update(Update::new(Postmortem, at(20, 0)))
        .build()
        .unwrap();
    let spent = incident.time_in_status(at(23, 0));
    assert_eq!(spent.get(Resolved), Elapsed::ZERO);
    assert_eq!(spent.get(Postmortem), Elapsed::ZERO);
    assert_eq!(spent.total(), minutes(60));
}

/// An incident built from statuses and gaps (in minutes), under the permissive
/// policy so any sequence goes; moves out of a closed status are marked as
/// reopens.
fn incident_from(
    steps: &[(IncidentStatus, i64)],
    lead: Option<i64>,
    created_lead: i64,
) -> Incident {
    let start = at(0, 0);
    let mut builder = Incident::builder("generated").policy(Policy::permissive());
    let mut time = start;
    let mut previous: Option<IncidentStatus> = None;
    for (position, &(status, gap)) in steps.iter().enumerate() {
        time += Duration::minutes(gap);
        let update = Update::new(status, time)
            .with_id(format!("u{position}").parse().unwrap())
            .with_change(ComponentChange::new(
                api(),
                "API",
                ComponentStatus::ALL[position % 5],
                ComponentStatus::ALL[(position + 1) % 5],
            ));
        let reopening = previous.is_some_and(|p| !p.is_open()) && status.is_open();
        builder = builder.update(if reopening {
            update.reopening()
        } else {
            update
        });
        previous = Some(status);
    }
    if let Some(lead) = lead {
        builder = builder.started_at(start - Duration::minutes(lead));
    }
    builder = builder.created_at(start - Duration::minutes(created_lead));
    builder.build().unwrap()
}

fn steps() -> impl Strategy<Value = Vec<(IncidentStatus, i64)>> {
    prop::collection::vec((util::strategies::incident_status(), 0i64..600), 1..12)
}

proptest! {
    #[test]
    fn prop_time_in_statuses_sums_to_time_to_resolve(
        steps in steps(),
        lead in prop::option::of(0i64..300),
        created_lead in -60i64..60,
        as_of_minutes in -120i64..10_000,
    ) {
        let incident = incident_from(&steps, lead, created_lead);
        let as_of = at(0, 0) + Duration::minutes(as_of_minutes);
        let spent = incident.time_in_status(as_of);
        prop_assert_eq!(spent.total(), incident.elapsed(as_of));
        if incident.is_open() {
            prop_assert_eq!(incident.time_to_resolve(), None);
            let expected = Elapsed::between(incident.opened_at(), as_of);
            prop_assert_eq!(spent.total(), expected);
        } else {
            prop_assert_eq!(Some(spent.total()), incident.time_to_resolve());
            // Whatever the as_of, a closed incident measures the same.
            prop_assert_eq!(incident.time_in_status(at(0, 0)), spent);
        }
        // Milestones never precede the opening.
        for milestone in [incident.identified_at(), incident.monitoring_at(), incident.resolved_at()].into_iter().flatten() {
            prop_assert!(milestone >= incident.opened_at());
        }
        // Each component spends in its statuses exactly the measured time.
        for component in incident.affected_components(as_of) {
            prop_assert_eq!(component.time_in_status.total(), incident.elapsed(as_of));
            let from_intervals: Elapsed = component.intervals.iter().map(StatusInterval::length).sum();
            prop_assert_eq!(from_intervals, incident.elapsed(as_of));
        }
        let timeline = incident.timeline(as_of);
        prop_assert_eq!(timeline.time_in_status, spent);
        prop_assert_eq!(timeline.elapsed(), incident.elapsed(as_of));
    }

    #[test]
    fn prop_regressions_and_reopens_count_backward_moves(steps in steps()) {
        let incident = incident_from(&steps, None, 0);
        let statuses: Vec<IncidentStatus> = incident.updates().iter().map(|u| u.status()).collect();
        let regressions = statuses.windows(2).filter(|w| w[1] < w[0] && w[0].is_open()).count();
        let reopens = statuses.windows(2).filter(|w| !w[0].is_open() && w[1].is_open()).count();
        prop_assert_eq!(incident.regressions(), regressions);
        prop_assert_eq!(incident.reopens(), reopens);
    }
}

#[cfg(feature = "serde")]
#[test]
fn timelines_serialize_with_durations_in_seconds() {
    let incident = march_16();
    let json = serde_json::to_value(incident.timeline(edt(19, 0))).unwrap();
    assert_eq!(json["opened_at"], "2020-03-16T14:28:00Z");
    assert_eq!(json["resolved_at"], "2020-03-16T21:51:00Z");
    assert_eq!(json["time_in_status"]["identified"], 3 * 3600 + 14 * 60);
    assert_eq!(json["reopens"], 0);
    let affected = serde_json::to_value(incident.affected_components(edt(19, 0))).unwrap();
    assert_eq!(affected[0]["worst_status"], "major_outage");
    assert_eq!(affected[0]["intervals"][1]["status"], "major_outage");
}

/// More components than the walk ranks without a map: still listed first, in
/// list order, then in the order the updates first name them, each with its
/// own intervals.
#[test]
fn many_components_keep_the_documented_order() {
    use chrono::{TimeZone, Utc};
    use incident_model::{
        Component, ComponentChange, ComponentId, ComponentStatus::*, Incident, IncidentStatus::*,
        Update,
    };
    let at = |h| Utc.with_ymd_and_hms(2020, 3, 16, h, 0, 0).unwrap();
    let id = |n: usize| ComponentId::new(format!("c{:02}", 40 - n)).unwrap();
    let change = |n: usize, old, new| ComponentChange::new(id(n), format!("C{n}"), old, new);
    let mut first = Update::new(Investigating, at(10));
    let mut second = Update::new(Identified, at(11));
    let mut last = Update::new(Resolved, at(13));
    for n in 0..12 {
        first = first.with_change(change(n, Operational, PartialOutage));
        second = second.with_change(change(11 - n, PartialOutage, MajorOutage));
        last = last.with_change(change(n, MajorOutage, Operational));
    }
    let incident = Incident::builder("many")
        .component(Component::new(id(7), "Seven"))
        .component(Component::new(id(30), "Listed only"))
        .update(first)
        .update(second)
        .update(last)
        .build()
        .unwrap();
    let affected = incident.affected_components(at(23));
    let ids: Vec<String> = affected.iter().map(|c| c.id.to_string()).collect();
    let mut expected = vec![id(7).to_string(), id(30).to_string()];
    expected.extend((0..12).filter(|&n| n != 7).map(|n| id(n).to_string()));
    assert_eq!(ids, expected);
    assert_eq!(affected[0].name, "Seven");
    assert_eq!(affected[1].worst_status, None);
    for component in affected.iter().filter(|c| c.worst_status.is_some()) {
        assert_eq!(component.worst_status, Some(MajorOutage));
        assert_eq!(
            component.time_in_status.get(PartialOutage).to_string(),
            "1h"
        );
        assert_eq!(component.time_in_status.get(MajorOutage).to_string(), "2h");
    }
}
