//! The typed API: the 16 March 2020 incident, the table it is generated from,
//! and the conversions to and from the runtime values.

mod util;

use chrono::Duration;
use incident_model::typed::{
    self,
    state::{Identified, Investigating, Monitoring, Postmortem, Resolved, Scheduled},
    Draft, MoveError, StateError, Typed,
};
use incident_model::{
    Component, Event, Impact, Incident, IncidentStatus, Lifecycle, MaintenanceStatus, MoveKind,
    Policy, Update, ValidationError,
};
use util::{api, edt, incident_id, march_16, march_16_update, update_id, MARCH_16_UPDATES};

/// The draft of the fixture's update at `index`: everything but the status.
fn draft(index: usize) -> Draft {
    let update = march_16_update(index);
    update.component_changes().iter().fold(
        Draft::new(update.display_at())
            .with_id(update.id().clone())
            .with_body(update.body())
            .with_created_at(update.created_at()),
        |draft, change| draft.with_change(change.clone()),
    )
}

/// The fixture's updates with the typed API, from the first update to the
/// postmortem; the status of each move is the fixture's.
fn march_16_typed() -> Result<Typed<Postmortem>, Box<dyn std::error::Error>> {
    let identified = Typed::<Identified>::start("Slow page loads", draft(0))
        .identified(draft(1))?
        .identified(draft(2))?
        .identified(draft(3))?
        .identified(draft(4))?;
    let postmortem = identified
        .monitoring(draft(5))?
        .monitoring(draft(6))?
        .monitoring(draft(7))?
        .resolved(draft(8))?
        .postmortem(draft(9))?;
    Ok(postmortem)
}

#[test]
fn march_16_typed_equals_the_runtime_builder() {
    let typed = march_16_typed()
        .unwrap()
        .with_id(incident_id("tm-2020-03-16"))
        .with_impact(Impact::Minor)
        .with_component(Component::new(api(), "API"))
        .unwrap()
        .with_created_at(edt(10, 28));
    assert_eq!(typed.status(), IncidentStatus::Postmortem);
    let incident: Incident = typed.into();
    assert_eq!(incident, march_16());
    // The statuses the typed moves gave are the fixture's.
    let statuses: Vec<_> = incident.updates().iter().map(Update::status).collect();
    let expected: Vec<_> = MARCH_16_UPDATES.iter().map(|u| u.1).collect();
    assert_eq!(statuses, expected);
}

#[test]
fn derived_fields_follow_the_updates_as_in_the_builder() {
    // Neither impact nor creation time set: both are derived, as the builder does.
    let typed = march_16_typed()
        .unwrap()
        .with_id(incident_id("tm-2020-03-16"));
    let mut builder = Incident::builder("Slow page loads").id(incident_id("tm-2020-03-16"));
    for index in 0..MARCH_16_UPDATES.len() {
        builder = builder.update(march_16_update(index));
    }
    let runtime = builder.build().unwrap();
    assert_eq!(runtime.impact(), Impact::Critical); // the emergency maintenance's major outage
    assert_eq!(typed.into_event(), runtime);
}

/// The typed API refuses what the builder refuses: a component listed twice is
/// the builder's `DuplicateComponent`, not a silent replacement.
#[test]
fn with_component_refuses_a_duplicate_as_the_builder_does() {
    let typed = Typed::<Identified>::start("Slow page loads", draft(0))
        .with_id(incident_id("tm-2020-03-16"))
        .with_component(Component::new(api(), "API"))
        .unwrap();
    let err = typed
        .clone()
        .with_component(Component::new(api(), "Api"))
        .unwrap_err();
    let builder_err = Incident::builder("Slow page loads")
        .id(incident_id("tm-2020-03-16"))
        .component(Component::new(api(), "API"))
        .component(Component::new(api(), "Api"))
        .update(march_16_update(0))
        .build()
        .unwrap_err();
    assert_eq!(err, builder_err);
    assert!(matches!(err, ValidationError::DuplicateComponent { .. }));
    // The listed component was kept, and later moves keep it.
    let moved = typed.monitoring(draft(5)).unwrap();
    assert_eq!(moved.event().components(), [Component::new(api(), "API")]);
}

#[test]
fn a_stored_incident_continues_typed_and_round_trips() {
    let stored = march_16();
    let typed = Typed::<Postmortem>::from_event(stored.clone()).unwrap();
    assert_eq!(typed.event(), &stored);
    assert_eq!(Incident::from(typed.clone()), stored);

    // Taken back from storage, its impact and creation time are kept.
    let later = stored.last_update().display_at() + Duration::days(2);
    let reopened = typed
        .reopen_investigating(Draft::new(later).with_id(update_id("u11")))
        .unwrap();
    assert_eq!(reopened.status(), IncidentStatus::Investigating);
    let event = reopened.event();
    assert_eq!(
        (event.impact(), event.created_at()),
        (Impact::Minor, edt(10, 28))
    );
    let last = event.last_update();
    assert!(last.is_reopen());
    assert_eq!(last.id().as_str(), "u11");

    // The same reopen through the runtime API gives the same value.
    let mut runtime = march_16();
    runtime
        .reopen(Update::new(IncidentStatus::Investigating, later).with_id(update_id("u11")))
        .unwrap();
    assert_eq!(reopened.into_event(), runtime);
}

#[test]
fn from_event_refuses_another_status() {
    let err = Typed::<Monitoring>::from_event(march_16()).unwrap_err();
    assert_eq!(
        err,
        StateError::StateMismatch {
            event: incident_id("tm-2020-03-16"),
            expected: IncidentStatus::Monitoring,
            actual: IncidentStatus::Postmortem,
        }
    );
    assert_eq!(
        err.to_string(),
        "incident \"tm-2020-03-16\" is postmortem, not monitoring"
    );
    assert!(Typed::<Resolved>::try_from(march_16()).is_err());
}

#[test]
fn from_event_takes_another_policy_only_if_standard_passes() {
    let at = edt(10, 0);
    // Built under permissive, but standard would have allowed it: taken, under standard.
    let fine = Incident::builder("x")
        .id(incident_id("inc-1"))
        .policy(Policy::permissive())
        .update(Update::new(IncidentStatus::Investigating, at))
        .build()
        .unwrap();
    let typed = Typed::<Investigating>::try_from(fine).unwrap();
    assert_eq!(typed.event().policy(), Policy::standard());

    // A postmortem of an incident that was never resolved breaks standard.
    let loaded = Incident::builder("x")
        .id(incident_id("inc-2"))
        .policy(Policy::permissive())
        .update(Update::new(IncidentStatus::Investigating, at))
        .update(Update::new(
            IncidentStatus::Postmortem,
            at + Duration::hours(1),
        ))
        .build()
        .unwrap();
    let err = Typed::<Postmortem>::from_event(loaded).unwrap_err();
    let StateError::NotStandard(violations) = &err else {
        panic!("{err:?}")
    };
    assert_eq!(violations.len(), 1);
    let message = err.to_string();
    assert!(
        message.starts_with("1 violation of the standard policy in incident \"inc-2\": updates["),
        "{message}"
    );
    // The event is named once (it was named twice).
    assert_eq!(message.matches("inc-2").count(), 1, "{message}");
}

#[test]
fn a_failed_move_gives_the_value_back_unchanged() {
    let identified = Typed::<Identified>::start("x", draft(0)).with_id(incident_id("inc-3"));

    // Out of display order: before the last update.
    let early: MoveError<Identified> = identified
        .clone()
        .monitoring(Draft::new(edt(10, 0)).with_id(update_id("u02")))
        .unwrap_err();
    assert!(matches!(
        early.error(),
        ValidationError::OutOfOrder { position: 1, .. }
    ));
    assert_eq!(
        early.to_string(),
        "incident \"inc-3\", updates[1] (id \"u02\", display_at 2020-03-16T14:00:00Z): out of display \
         order: it sorts before updates[0] (display_at 2020-03-16T14:00:00Z, created_at \
         2020-03-16T14:00:00Z before display_at 2020-03-16T14:28:00Z, created_at 2020-03-16T14:28:00Z)"
    );
    assert_eq!(early.into_typed(), identified);

    // A duplicate id.
    let duplicate = identified
        .clone()
        .resolved(Draft::new(edt(11, 0)).with_id(update_id("u01")))
        .unwrap_err();
    assert!(matches!(
        duplicate.error(),
        ValidationError::DuplicateUpdateId {
            first: 0,
            second: 1,
            ..
        }
    ));
    assert_eq!(duplicate.into_typed(), identified);

    // The same display time as the last update is fine: the update goes last.
    let same = identified.monitoring(Draft::new(edt(10, 28))).unwrap();
    assert_eq!(same.event().status(), IncidentStatus::Monitoring);
}

#[test]
fn maintenance_schedule_is_checked() {
    let at = edt(9, 0);
    let scheduled = Typed::<Scheduled>::start("Database upgrade", Draft::new(at));
    let err = scheduled
        .clone()
        .with_schedule(incident_model::Schedule::new(at, at - Duration::hours(1)))
        .unwrap_err();
    assert!(matches!(err, ValidationError::InvertedSchedule { .. }));
    let window = incident_model::Schedule::new(
        at + Duration::days(1),
        at + Duration::days(1) + Duration::hours(2),
    );
    let scheduled = scheduled.with_schedule(window).unwrap();
    assert_eq!(scheduled.event().schedule(), Some(&window));
    assert_eq!(scheduled.event().impact(), Impact::Maintenance);
}

/// A runtime value in `status` under the standard table, built without a reopen.
fn event_in<S: Lifecycle>(firsts: &[typed::First<S>], status: S) -> Event<S> {
    let at = edt(10, 0);
    let policy = Policy::<S>::standard();
    let mut builder = Event::<S>::builder("x");
    if !policy.allows_first(status) {
        let before = firsts
            .iter()
            .map(|f| f.status)
            .find(|&f| {
                policy.allows(f, status) && MoveKind::of(Some(f), status) != MoveKind::Reopen
            })
            .unwrap();
        builder = builder.update(Update::new(before, at - Duration::hours(1)));
    }
    builder.update(Update::new(status, at)).build().unwrap()
}

/// For every `(from, to)` pair: the typed API has exactly one move iff the
/// standard table allows it, named after `to`, a `reopen_*` exactly when it is a
/// reopen; calling it moves a value in `from` to `to`. And a typed start exists
/// for a status iff the table allows it first.
fn typed_edges_equal_the_standard_table<S: Lifecycle>(
    edges: &[typed::Edge<S>],
    firsts: &[typed::First<S>],
) {
    let standard = Policy::<S>::standard();
    for &from in S::ALL {
        for &to in S::ALL {
            let found: Vec<_> = edges
                .iter()
                .filter(|e| e.from == from && e.to == to)
                .collect();
            let allowed = standard.allows(from, to);
            assert_eq!(found.len(), usize::from(allowed), "{from} -> {to}");
            let Some(edge) = found.first() else { continue };
            let reopen = MoveKind::of(Some(from), to) == MoveKind::Reopen;
            assert_eq!(edge.reopen, reopen, "{from} -> {to}");
            let name = if reopen {
                format!("reopen_{}", to.as_str())
            } else {
                to.as_str().to_owned()
            };
            assert_eq!(edge.method, name, "{from} -> {to}");

            let event = event_in(firsts, from);
            let moved = (edge.call)(event, Draft::new(edt(12, 0))).unwrap();
            assert_eq!(moved.status(), to, "{from} -> {to}");
            assert_eq!(moved.last_update().is_reopen(), reopen, "{from} -> {to}");
            assert_eq!(moved.policy(), standard);
        }
    }
    assert_eq!(edges.len(), standard.moves().count());

    for &status in S::ALL {
        let found: Vec<_> = firsts.iter().filter(|f| f.status == status).collect();
        assert_eq!(
            found.len(),
            usize::from(standard.allows_first(status)),
            "{status}"
        );
        if let Some(first) = found.first() {
            let event = (first.call)("x", Draft::new(edt(12, 0)));
            assert_eq!(event.status(), status);
            assert_eq!(event.updates().len(), 1);
        }
    }
}

#[test]
fn typed_incident_moves_equal_the_standard_table() {
    typed_edges_equal_the_standard_table(typed::INCIDENT_EDGES, typed::INCIDENT_FIRSTS);
}

#[test]
fn typed_maintenance_moves_equal_the_standard_table() {
    typed_edges_equal_the_standard_table(typed::MAINTENANCE_EDGES, typed::MAINTENANCE_FIRSTS);
}

#[test]
fn a_moved_value_on_the_wrong_status_is_refused_by_the_edge() {
    // The edges take the runtime value as `Typed<from>`: a value in another status
    // is refused by the conversion, not moved.
    let edge = typed::MAINTENANCE_EDGES
        .iter()
        .find(|e| e.from == MaintenanceStatus::Scheduled && e.to == MaintenanceStatus::InProgress)
        .unwrap();
    let completed = event_in(typed::MAINTENANCE_FIRSTS, MaintenanceStatus::Completed);
    let err = (edge.call)(completed, Draft::new(edt(12, 0))).unwrap_err();
    assert!(err.ends_with("is completed, not scheduled"), "{err}");
}
