//! The one transition table: every pair of both lifecycles under every preset,
//! checked against the rules of DESIGN.md written out independently here.

use incident_model::{IncidentStatus, Lifecycle, MaintenanceStatus, MoveKind, Policy, Refusal};

mod util;

use util::rules::{incident_rules, maintenance_rules};

fn assert_table<S: Lifecycle>(
    policy: Policy<S>,
    allows: impl Fn(S, S) -> bool,
    first: impl Fn(S) -> bool,
) {
    let mut checked = 0;
    for &from in S::ALL {
        assert_eq!(
            policy.allows_first(from),
            first(from),
            "{} first {from}",
            policy.name()
        );
        for &to in S::ALL {
            assert_eq!(
                policy.allows(from, to),
                allows(from, to),
                "{} {from} -> {to}",
                policy.name()
            );
            checked += 1;
        }
    }
    assert_eq!(checked, S::ALL.len() * S::ALL.len());
}

#[test]
fn incident_tables_match_the_rules_for_every_pair() {
    assert_table::<IncidentStatus>(
        Policy::standard(),
        incident_rules::standard,
        incident_rules::standard_first,
    );
    assert_table::<IncidentStatus>(
        Policy::strict(),
        incident_rules::strict,
        incident_rules::standard_first,
    );
    assert_table::<IncidentStatus>(Policy::permissive(), |_, _| true, |_| true);
}

#[test]
fn maintenance_tables_match_the_rules_for_every_pair() {
    assert_table::<MaintenanceStatus>(Policy::standard(), maintenance_rules::standard, |_| true);
    assert_table::<MaintenanceStatus>(Policy::strict(), maintenance_rules::strict, |_| true);
    assert_table::<MaintenanceStatus>(Policy::permissive(), |_, _| true, |_| true);
}

/// Under every preset, a move out of a closed status into an open one passes
/// only when marked as a reopen, and a marked update must leave a closed status.
#[test]
fn reopens_are_explicit_under_every_preset() {
    fn check<S: Lifecycle>() {
        for policy in [
            Policy::<S>::standard(),
            Policy::strict(),
            Policy::permissive(),
        ] {
            for &from in S::ALL {
                for &to in S::ALL {
                    let kind = MoveKind::of(Some(from), to);
                    let plain = policy.check(Some(from), to, false);
                    let marked = policy.check(Some(from), to, true);
                    if !policy.allows(from, to) {
                        assert_eq!(plain, Err(Refusal::NotInTable));
                        assert_eq!(marked, Err(Refusal::NotInTable));
                    } else if kind == MoveKind::Reopen {
                        assert_eq!(plain, Err(Refusal::ReopenNotMarked), "{from} -> {to}");
                        assert_eq!(marked, Ok(MoveKind::Reopen));
                    } else {
                        assert_eq!(plain, Ok(kind));
                        assert_eq!(marked, Err(Refusal::NothingToReopen), "{from} -> {to}");
                    }
                }
            }
        }
    }
    check::<IncidentStatus>();
    check::<MaintenanceStatus>();
}

#[test]
fn first_moves_are_checked_against_the_first_set() {
    use IncidentStatus::*;
    let standard = Policy::standard();
    assert_eq!(standard.check(None, Resolved, false), Ok(MoveKind::First));
    assert_eq!(
        standard.check(None, Postmortem, false),
        Err(Refusal::NotInTable)
    );
    assert_eq!(
        standard.check(None, Investigating, true),
        Err(Refusal::NothingToReopen)
    );
}

#[test]
fn move_kinds_follow_the_lifecycle_order() {
    use IncidentStatus::*;
    use MoveKind::*;
    let cases = [
        (Investigating, Monitoring, Forward),
        (Monitoring, Resolved, Forward),
        (Identified, Identified, Repeat),
        (Monitoring, Identified, Regression),
        (Resolved, Monitoring, Reopen),
        (Postmortem, Investigating, Reopen),
        (Postmortem, Resolved, Backward),
    ];
    for (from, to, kind) in cases {
        assert_eq!(MoveKind::of(Some(from), to), kind, "{from} -> {to}");
    }
    assert_eq!(
        MoveKind::of(
            Some(MaintenanceStatus::Completed),
            MaintenanceStatus::Scheduled
        ),
        Reopen
    );
}

#[test]
fn custom_tables_are_const_constructible_and_named_custom() {
    use IncidentStatus::*;
    const LINEAR: Policy<IncidentStatus> = Policy::<IncidentStatus>::empty()
        .allowing_first(Investigating)
        .allowing_moves(&[
            (Investigating, Identified),
            (Identified, Monitoring),
            (Monitoring, Resolved),
        ]);
    assert_eq!(LINEAR.name(), "custom");
    assert_eq!(LINEAR.moves().count(), 3);
    assert_eq!(
        LINEAR,
        Policy::from_table(
            &[Investigating],
            &[
                (Investigating, Identified),
                (Identified, Monitoring),
                (Monitoring, Resolved)
            ]
        )
    );
    assert_eq!(
        LINEAR
            .forbidding_first(Investigating)
            .first_statuses()
            .count(),
        0
    );
    assert_eq!(
        format!("{LINEAR:?}"),
        "Policy { first: [Investigating], moves: [(Investigating, Identified), (Identified, Monitoring), (Monitoring, Resolved)] }"
    );
    assert_eq!(
        format!("{:?}", Policy::<IncidentStatus>::strict()),
        "Policy::strict()"
    );
    assert_eq!(Policy::<IncidentStatus>::default(), Policy::standard());
}

#[test]
fn presets_have_names_and_are_found_by_name() {
    for name in ["standard", "strict", "permissive"] {
        let policy = Policy::<MaintenanceStatus>::preset(name).unwrap();
        assert_eq!(policy.name(), name);
        assert_eq!(policy.to_string(), name);
    }
    assert!(Policy::<MaintenanceStatus>::preset("custom").is_none());
}
