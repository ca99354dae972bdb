//! The aggregate: building, applying, reopening, re-validating, and every
//! constructor error with its message.

mod util;

use chrono::{Duration, TimeZone, Utc};
use incident_model::{
    Component, ComponentStatus, Event, Impact, Incident, IncidentStatus::*, Maintenance,
    MaintenanceStatus, MoveKind, Policy, Preset, Refusal, Schedule, Update, ValidationError,
};
use util::*;

#[test]
fn march_16_builds_under_standard() {
    let incident = march_16();
    assert_eq!(incident.policy(), Policy::standard());
    assert_eq!(incident.updates().len(), 10);
    assert_eq!(incident.status(), Postmortem);
    assert!(!incident.is_open());
    assert_eq!(incident.impact(), Impact::Minor);
    assert_eq!(incident.components(), [Component::new(api(), "API")]);
    let statuses: Vec<_> = incident.updates().iter().map(|u| u.status()).collect();
    assert_eq!(
        statuses,
        [
            Identified, Identified, Identified, Identified, Identified, Monitoring, Monitoring,
            Monitoring, Resolved, Postmortem
        ]
    );
    assert_eq!(incident.opened_at(), edt(10, 28));
    assert_eq!(incident.identified_at(), Some(edt(10, 28)));
    assert_eq!(incident.monitoring_at(), Some(edt(13, 42)));
    assert_eq!(incident.resolved_at(), Some(edt(17, 51)));
    assert_eq!(
        incident.monitoring_at().unwrap() - incident.opened_at(),
        Duration::minutes(3 * 60 + 14)
    );
    assert_eq!(
        incident.resolved_at().unwrap() - incident.opened_at(),
        Duration::minutes(7 * 60 + 23)
    );
}

#[test]
fn march_16_builds_the_same_from_shuffled_updates_and_by_apply() {
    let expected = march_16();
    let mut builder = Incident::builder("Slow page loads")
        .id(incident_id("tm-2020-03-16"))
        .impact(Impact::Minor)
        .component(Component::new(api(), "API"))
        .created_at(edt(10, 28));
    for index in [9, 3, 0, 7, 1, 8, 2, 6, 4, 5] {
        builder = builder.update(march_16_update(index));
    }
    assert_eq!(builder.build().unwrap(), expected);

    let mut applied = Incident::builder("Slow page loads")
        .id(incident_id("tm-2020-03-16"))
        .impact(Impact::Minor)
        .component(Component::new(api(), "API"))
        .created_at(edt(10, 28))
        .update(march_16_update(0))
        .build()
        .unwrap();
    for index in 1..MARCH_16_UPDATES.len() {
        applied.apply(march_16_update(index)).unwrap();
    }
    assert_eq!(applied, expected);
}

fn resolved_incident() -> Incident {
    Incident::builder("Errors")
        .id(incident_id("inc-1"))
        .update(Update::new(Investigating, edt(10, 0)).with_id(update_id("u1")))
        .update(Update::new(Resolved, edt(11, 0)).with_id(update_id("u2")))
        .build()
        .unwrap()
}

#[test]
fn resolved_to_investigating_without_reopen_is_rejected_under_standard() {
    let mut incident = resolved_incident();
    let before = incident.clone();
    let err = incident
        .apply(Update::new(Investigating, edt(12, 0)).with_id(update_id("u3")))
        .unwrap_err();
    let ValidationError::Transition(refused) = &err else {
        panic!("{err:?}")
    };
    assert_eq!(refused.event, incident_id("inc-1"));
    assert_eq!((refused.from, refused.to), (Some(Resolved), Investigating));
    assert_eq!((refused.position, refused.update.as_str()), (2, "u3"));
    assert_eq!(refused.display_at, edt(12, 0));
    assert_eq!(
        (refused.policy, refused.refusal),
        (Some(Preset::Standard), Refusal::ReopenNotMarked)
    );
    assert_eq!(
        err.to_string(),
        "incident \"inc-1\", updates[2] (id \"u3\", display_at 2020-03-16T16:00:00Z): move resolved -> investigating \
         refused under the standard policy: it reopens a closed lifecycle, which takes an explicit reopen"
    );
    assert_eq!(
        incident, before,
        "a refused update leaves the incident unchanged"
    );

    incident
        .reopen(Update::new(Investigating, edt(12, 0)).with_id(update_id("u3")))
        .unwrap();
    assert!(incident.is_open());
    assert!(incident.updates()[2].is_reopen());
}

#[test]
fn monitoring_to_investigating_is_a_regression_standard_accepts_and_strict_rejects() {
    let build = |policy| {
        Incident::builder("Flapping")
            .id(incident_id("inc-2"))
            .policy(policy)
            .update(Update::new(Monitoring, edt(10, 0)).with_id(update_id("u1")))
            .update(Update::new(Investigating, edt(10, 30)).with_id(update_id("u2")))
            .build()
    };
    let incident = build(Policy::standard()).unwrap();
    assert_eq!(
        MoveKind::of(Some(Monitoring), Investigating),
        MoveKind::Regression
    );
    assert_eq!(incident.status(), Investigating);
    let err = build(Policy::strict()).unwrap_err();
    assert_eq!(
        err.to_string(),
        "incident \"inc-2\", updates[1] (id \"u2\", display_at 2020-03-16T14:30:00Z): move monitoring -> investigating \
         refused under the strict policy: the policy's table does not allow it"
    );
}

#[test]
fn postmortem_before_resolved_and_postmortem_first_are_rejected() {
    let err = Incident::builder("x")
        .id(incident_id("inc-3"))
        .update(Update::new(Investigating, edt(10, 0)).with_id(update_id("u1")))
        .update(Update::new(Postmortem, edt(11, 0)).with_id(update_id("u2")))
        .build()
        .unwrap_err();
    assert!(
        err.to_string()
            .contains("move investigating -> postmortem refused under the standard policy"),
        "{err}"
    );
    let err = Incident::builder("x")
        .id(incident_id("inc-3"))
        .update(Update::new(Postmortem, edt(11, 0)).with_id(update_id("u2")))
        .build()
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        "incident \"inc-3\", updates[0] (id \"u2\", display_at 2020-03-16T15:00:00Z): first status postmortem \
         refused under the standard policy: the policy's table does not allow it"
    );
}

#[test]
fn a_backfilled_incident_may_start_resolved() {
    let incident = Incident::builder("Backfilled")
        .update(Update::new(Resolved, edt(10, 0)).with_created_at(edt(10, 0) + Duration::days(300)))
        .build()
        .unwrap();
    assert_eq!(incident.status(), Resolved);
    assert_eq!(incident.resolved_at(), Some(edt(10, 0)));
    assert_eq!(incident.opened_at(), edt(10, 0));
    assert!(incident.updates()[0].is_backdated());
}

#[test]
fn empty_update_list_is_rejected() {
    let err = Incident::builder("x")
        .id(incident_id("inc-0"))
        .build()
        .unwrap_err();
    assert_eq!(
        err,
        ValidationError::NoUpdates {
            event: incident_id("inc-0")
        }
    );
    assert_eq!(
        err.to_string(),
        "incident \"inc-0\" has no updates: at least one is required"
    );
}

#[test]
fn duplicate_update_ids_are_rejected_by_build_and_apply() {
    let err = Incident::builder("x")
        .id(incident_id("inc-4"))
        .update(Update::new(Investigating, edt(10, 0)).with_id(update_id("same")))
        .update(Update::new(Identified, edt(11, 0)).with_id(update_id("same")))
        .build()
        .unwrap_err();
    assert_eq!(
        err,
        ValidationError::DuplicateUpdateId {
            event: incident_id("inc-4"),
            update: update_id("same"),
            first: 0,
            second: 1
        }
    );
    assert_eq!(
        err.to_string(),
        "incident \"inc-4\": updates[0] and updates[1] have the same id \"same\""
    );

    let mut incident = resolved_incident();
    let err = incident
        .apply(Update::new(Resolved, edt(12, 0)).with_id(update_id("u1")))
        .unwrap_err();
    assert!(
        matches!(
            err,
            ValidationError::DuplicateUpdateId {
                first: 0,
                second: 2,
                ..
            }
        ),
        "{err:?}"
    );
}

#[test]
fn out_of_order_updates_are_rejected_by_from_parts() {
    let incident = resolved_incident();
    let mut parts = incident.into_parts();
    parts.updates.reverse();
    let err = Incident::from_parts(parts, Policy::standard()).unwrap_err();
    assert_eq!(
        err.to_string(),
        "incident \"inc-1\", updates[1] (id \"u1\", display_at 2020-03-16T14:00:00Z): out of display order: it sorts \
         before updates[0] (display_at 2020-03-16T14:00:00Z, created_at 2020-03-16T14:00:00Z before display_at \
         2020-03-16T15:00:00Z, created_at 2020-03-16T15:00:00Z)"
    );
}

#[test]
fn duplicate_components_are_rejected() {
    let err = Incident::builder("x")
        .id(incident_id("inc-5"))
        .component(Component::new(api(), "API"))
        .component(Component::new(api(), "API (again)"))
        .update(Update::new(Investigating, edt(10, 0)))
        .build()
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        "incident \"inc-5\": component \"api\" is listed twice in components"
    );
}

#[test]
fn updates_sort_by_display_then_creation_then_position() {
    let t = edt(10, 0);
    let incident = Incident::builder("x")
        .update(
            Update::new(Identified, t)
                .with_id(update_id("b"))
                .with_created_at(t + Duration::minutes(1)),
        )
        .update(Update::new(Investigating, t).with_id(update_id("a")))
        .update(
            Update::new(Identified, t)
                .with_id(update_id("c"))
                .with_created_at(t + Duration::minutes(1)),
        )
        .build()
        .unwrap();
    let ids: Vec<_> = incident.updates().iter().map(|u| u.id().as_str()).collect();
    assert_eq!(ids, ["a", "b", "c"]);
}

#[test]
fn apply_inserts_in_display_order_and_checks_both_neighbours() {
    let mut incident = Incident::builder("x")
        .id(incident_id("inc-6"))
        .policy(Policy::strict())
        .update(Update::new(Investigating, edt(10, 0)).with_id(update_id("u1")))
        .update(Update::new(Monitoring, edt(12, 0)).with_id(update_id("u3")))
        .build()
        .unwrap();
    // A backdated identified update between the two is fine under strict.
    incident
        .apply(Update::new(Identified, edt(11, 0)).with_id(update_id("u2")))
        .unwrap();
    let ids: Vec<_> = incident.updates().iter().map(|u| u.id().as_str()).collect();
    assert_eq!(ids, ["u1", "u2", "u3"]);
    // A resolved update backdated before monitoring would make resolved -> monitoring.
    let err = incident
        .apply(Update::new(Resolved, edt(11, 30)).with_id(update_id("u4")))
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        "incident \"inc-6\", updates[3] (id \"u3\", display_at 2020-03-16T16:00:00Z): move resolved -> monitoring \
         refused under the strict policy: the policy's table does not allow it"
    );
    assert_eq!(incident.updates().len(), 3);
}

#[test]
fn reopen_on_an_open_incident_has_nothing_to_reopen() {
    let mut incident = Incident::builder("x")
        .id(incident_id("inc-7"))
        .update(Update::new(Investigating, edt(10, 0)).with_id(update_id("u1")))
        .build()
        .unwrap();
    let err = incident
        .reopen(Update::new(Identified, edt(11, 0)).with_id(update_id("u2")))
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        "incident \"inc-7\", updates[1] (id \"u2\", display_at 2020-03-16T15:00:00Z): move investigating -> identified \
         refused under the standard policy: the update is marked as a reopen but the status before it is not closed"
    );
}

#[test]
fn strict_refuses_reopens() {
    let mut incident = resolved_incident().revalidate(Policy::strict()).unwrap();
    let err = incident
        .reopen(Update::new(Investigating, edt(12, 0)).with_id(update_id("u3")))
        .unwrap_err();
    assert!(
        matches!(err, ValidationError::Transition(ref t) if t.refusal == Refusal::NotInTable),
        "{err:?}"
    );
}

#[test]
fn revalidate_lists_every_violation() {
    let incident = Incident::builder("Messy")
        .id(incident_id("inc-8"))
        .policy(Policy::permissive())
        .update(Update::new(Postmortem, edt(10, 0)).with_id(update_id("u1")))
        .update(
            Update::new(Monitoring, edt(11, 0))
                .with_id(update_id("u2"))
                .reopening(),
        )
        .update(Update::new(Investigating, edt(12, 0)).with_id(update_id("u3")))
        .update(Update::new(Resolved, edt(13, 0)).with_id(update_id("u4")))
        .update(
            Update::new(Investigating, edt(14, 0))
                .with_id(update_id("u5"))
                .reopening(),
        )
        .build()
        .unwrap();
    assert!(incident.violations(&Policy::permissive()).is_empty());

    let violations = incident.clone().revalidate(Policy::strict()).unwrap_err();
    let positions: Vec<_> = violations
        .errors()
        .iter()
        .map(|e| match e {
            ValidationError::Transition(t) => (t.position, t.refusal),
            other => panic!("{other:?}"),
        })
        .collect();
    assert_eq!(
        positions,
        [
            (0, Refusal::NotInTable),
            (1, Refusal::NotInTable),
            (2, Refusal::NotInTable),
            (4, Refusal::NotInTable)
        ]
    );
    assert_eq!(violations.len(), 4);
    assert!(!violations.is_empty());
    assert!(violations.to_string().starts_with(
        "4 violations of the strict policy in incident \"inc-8\": updates[0] (id \"u1\", \
         display_at 2020-03-16T14:00:00Z): first status postmortem refused under the strict policy"
    ));
    let standard = incident.revalidate(Policy::standard()).unwrap_err();
    assert_eq!(standard.len(), 1, "{standard}");
    assert!(
        matches!(standard.into_errors()[0], ValidationError::Transition(ref t) if t.position == 0)
    );
}

#[test]
fn revalidate_switches_the_policy_when_everything_passes() {
    let incident = march_16().revalidate(Policy::strict()).unwrap();
    assert_eq!(incident.policy(), Policy::strict());
    assert_eq!(
        incident
            .revalidate(Policy::permissive())
            .unwrap()
            .policy()
            .preset(),
        Some(Preset::Permissive)
    );
}

#[test]
fn builder_defaults() {
    let t = edt(10, 0);
    let incident = Incident::builder("x")
        .update(Update::new(Investigating, t + Duration::minutes(5)).with_created_at(t))
        .update(
            Update::new(Identified, t + Duration::minutes(10)).with_change(
                incident_model::ComponentChange::new(
                    api(),
                    "API",
                    ComponentStatus::Operational,
                    ComponentStatus::MajorOutage,
                ),
            ),
        )
        .build()
        .unwrap();
    assert_eq!(incident.created_at(), t, "earliest creation time");
    assert_eq!(
        incident.impact(),
        Impact::Critical,
        "calculated from the worst change"
    );
    assert_eq!(
        uuid::Uuid::parse_str(incident.id().as_str())
            .unwrap()
            .get_version_num(),
        7
    );
    assert_eq!(incident.policy(), Policy::standard());
    assert!(incident.started_at().is_none());
    assert!(incident.schedule().is_none());
}

fn maintenance_window() -> Schedule {
    Schedule::new(
        Utc.with_ymd_and_hms(2020, 12, 17, 9, 0, 0).unwrap(),
        Utc.with_ymd_and_hms(2020, 12, 17, 11, 0, 0).unwrap(),
    )
}

#[test]
fn maintenances_share_the_model() {
    use MaintenanceStatus::*;
    let window = maintenance_window();
    let mut maintenance = Maintenance::builder("Database upgrade")
        .id(incident_id("m-1"))
        .scheduled(window)
        .update(Update::new(
            Scheduled,
            window.scheduled_for - Duration::days(3),
        ))
        .update(Update::new(InProgress, window.scheduled_for))
        .update(Update::new(
            Verifying,
            window.scheduled_for + Duration::minutes(50),
        ))
        .build()
        .unwrap();
    assert_eq!(maintenance.impact(), Impact::Maintenance);
    maintenance
        .apply(Update::new(
            InProgress,
            window.scheduled_for + Duration::minutes(55),
        ))
        .unwrap();
    maintenance
        .apply(Update::new(Completed, window.scheduled_until))
        .unwrap();
    assert_eq!(maintenance.resolved_at(), Some(window.scheduled_until));
    assert_eq!(
        maintenance.monitoring_at(),
        Some(window.scheduled_for + Duration::minutes(50))
    );
    assert_eq!(maintenance.identified_at(), None);
    let err = maintenance
        .apply(Update::new(
            InProgress,
            window.scheduled_until + Duration::minutes(1),
        ))
        .unwrap_err();
    assert!(
        err.to_string()
            .starts_with("maintenance \"m-1\", updates[5]"),
        "{err}"
    );
    assert!(
        err.to_string()
            .contains("move completed -> in_progress refused"),
        "{err}"
    );
}

#[test]
fn schedule_errors() {
    use MaintenanceStatus::*;
    let window = maintenance_window();
    let err = Maintenance::builder("x")
        .id(incident_id("m-2"))
        .scheduled(Schedule::new(window.scheduled_until, window.scheduled_for))
        .update(Update::new(Scheduled, window.scheduled_for))
        .build()
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        "maintenance \"m-2\": scheduled_until 2020-12-17T09:00:00Z is before scheduled_for 2020-12-17T11:00:00Z"
    );
    let mut parts = resolved_incident().into_parts();
    parts.schedule = Some(window);
    let err = Event::from_parts(parts, Policy::standard()).unwrap_err();
    assert_eq!(
        err,
        ValidationError::UnexpectedSchedule {
            event: incident_id("inc-1")
        }
    );
    assert_eq!(
        err.to_string(),
        "incident \"inc-1\": has a scheduled window, which only maintenances have"
    );
}

#[test]
fn errors_chain_to_their_transition() {
    let mut incident = resolved_incident();
    let err = incident
        .apply(Update::new(Identified, edt(12, 0)))
        .unwrap_err();
    let source = std::error::Error::source(&err).unwrap();
    assert!(source.to_string().contains("resolved -> identified"));
}

/// `apply` keeps its behaviour with its duplicate check indexed: a duplicate
/// found after many appends names the first update with that id and the
/// position it would take; the event is unchanged; an applied event equals the
/// built one and prints the same (the index is not part of the value).
#[test]
fn apply_finds_duplicates_among_many_and_equality_ignores_the_index() {
    let update = |i: i64| {
        Update::new(Investigating, edt(10, 0) + Duration::seconds(i))
            .with_id(update_id(&format!("u{i}")))
    };
    let mut applied = Incident::builder("x")
        .id(incident_id("inc-many"))
        .created_at(edt(10, 0))
        .update(update(0))
        .build()
        .unwrap();
    let mut builder = Incident::builder("x")
        .id(incident_id("inc-many"))
        .created_at(edt(10, 0));
    for i in 0..1000 {
        if i > 0 {
            applied.apply(update(i)).unwrap();
        }
        builder = builder.update(update(i));
    }
    let built = builder.build().unwrap();
    assert_eq!(applied, built);
    assert_eq!(format!("{applied:?}"), format!("{built:?}"));
    assert!(!format!("{applied:?}").contains("ids"));

    let before = applied.clone();
    let err = applied
        .apply(Update::new(Identified, edt(11, 0)).with_id(update_id("u500")))
        .unwrap_err();
    assert_eq!(
        err,
        ValidationError::DuplicateUpdateId {
            event: incident_id("inc-many"),
            update: update_id("u500"),
            first: 500,
            second: 1000
        }
    );
    assert_eq!(applied, before);
    // A clone keeps checking: the index goes with it.
    let mut copy = applied.clone();
    assert!(copy
        .apply(Update::new(Identified, edt(11, 0)).with_id(update_id("u999")))
        .is_err());
    copy.apply(Update::new(Identified, edt(11, 0)).with_id(update_id("u1000")))
        .unwrap();
    assert_ne!(copy, applied);
    assert!(copy
        .apply(Update::new(Identified, edt(11, 1)).with_id(update_id("u1000")))
        .is_err());
}

/// Building an incident by 65,536 `apply`s (each at the end): prints the time.
/// Run with `cargo test --release --test test_incident -- --ignored --nocapture`.
#[test]
#[ignore = "a measurement, not a check: run in release with --nocapture"]
fn measure_65536_appends() {
    let n = 65_536;
    let updates: Vec<_> = (0..n)
        .map(|i| {
            Update::new(Investigating, edt(10, 0) + Duration::milliseconds(i))
                .with_id(update_id(&format!("u{i}")))
        })
        .collect();
    let mut updates = updates.into_iter();
    let mut incident = Incident::builder("x")
        .update(updates.next().unwrap())
        .build()
        .unwrap();
    let start = std::time::Instant::now();
    for update in updates {
        incident.apply(update).unwrap();
    }
    let elapsed = start.elapsed();
    assert_eq!(incident.updates().len(), 65_536);
    println!("65536 appends by Event::apply: {elapsed:?}");
}
