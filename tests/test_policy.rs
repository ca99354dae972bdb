//! The one transition table: every pair of both lifecycles under every preset,
//! checked against the rules of DESIGN.md written out independently here.

use incident_model::{
    IncidentStatus, Lifecycle, MaintenanceStatus, MoveKind, Policy, Preset, Refusal,
};

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
            "{policy} first {from}"
        );
        for &to in S::ALL {
            assert_eq!(
                policy.allows(from, to),
                allows(from, to),
                "{policy} {from} -> {to}"
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
                    let plain = policy.check(Some(from), to);
                    let marked = policy.check_reopen(Some(from), to);
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
    assert_eq!(standard.check(None, Resolved), Ok(MoveKind::First));
    assert_eq!(standard.check(None, Postmortem), Err(Refusal::NotInTable));
    assert_eq!(
        standard.check_reopen(None, Investigating),
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
    assert_eq!(LINEAR.preset(), None);
    assert_eq!(LINEAR.to_string(), "custom");
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
        let preset: Preset = name.parse().unwrap();
        let policy = Policy::<MaintenanceStatus>::from(preset);
        assert_eq!(policy.preset(), Some(preset));
        assert_eq!(preset.to_string(), name);
        assert_eq!(policy.to_string(), name);
    }
    assert!("custom".parse::<Preset>().is_err());
}

#[test]
fn every_preset_is_its_own_table_and_round_trips() {
    fn check<S: Lifecycle>() {
        let tables = [
            Policy::<S>::standard(),
            Policy::strict(),
            Policy::permissive(),
        ];
        assert_eq!(Preset::ALL.len(), tables.len());
        for (&preset, table) in Preset::ALL.iter().zip(tables) {
            assert_eq!(Policy::<S>::from(preset), table, "{preset}");
            assert_eq!(table.preset(), Some(preset));
            assert_eq!(preset.as_str().parse::<Preset>(), Ok(preset));
            assert_eq!(format!("{preset:>12}"), format!("{:>12}", preset.as_str()));
        }
        // A table one move away from every preset is custom.
        let strict = Policy::<S>::strict();
        let first: Vec<S> = strict.first_statuses().collect();
        let moves: Vec<(S, S)> = strict
            .moves()
            .filter(|&m| m != (S::CLOSED, S::CLOSED))
            .collect();
        let custom = Policy::from_table(&first, &moves);
        assert_eq!(custom.preset(), None);
        assert_eq!(custom.to_string(), "custom");
    }
    check::<IncidentStatus>();
    check::<MaintenanceStatus>();
    let err = "lenient".parse::<Preset>().unwrap_err();
    assert_eq!(
        err.to_string(),
        "unknown policy preset \"lenient\": expected one of standard, strict, permissive"
    );
}

/// `check` is the move of an ordinary update and `check_reopen` that of an update
/// marked as a reopen: they differ exactly on reopens and on marked non-reopens.
#[test]
fn check_and_check_reopen_differ_only_on_the_marking() {
    use IncidentStatus::*;
    let standard = Policy::standard();
    assert_eq!(
        standard.check(Some(Resolved), Identified),
        Err(Refusal::ReopenNotMarked)
    );
    assert_eq!(
        standard.check_reopen(Some(Resolved), Identified),
        Ok(MoveKind::Reopen)
    );
    assert_eq!(
        standard.check(Some(Identified), Resolved),
        Ok(MoveKind::Forward)
    );
    assert_eq!(
        standard.check_reopen(Some(Identified), Resolved),
        Err(Refusal::NothingToReopen)
    );
    // The table comes first: a reopen the table forbids is not in the table.
    assert_eq!(
        Policy::strict().check_reopen(Some(Postmortem), Monitoring),
        Err(Refusal::NotInTable)
    );
}
