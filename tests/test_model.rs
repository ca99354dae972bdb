//! Model-based property tests: random sequences of operations (build, apply,
//! reopen, re-validate under another policy) run against the crate and against a
//! small reference model written here; both agree on acceptance, final status
//! and every milestone.

mod util;

use chrono::{DateTime, Duration, TimeZone, Utc};
use incident_model::{
    Incident,
    IncidentStatus::{self, *},
    Policy, Update, UpdateId,
};
use proptest::prelude::*;
use util::rules::incident_rules;

#[derive(Clone, Copy, Debug, PartialEq)]
enum Preset {
    Standard,
    Strict,
    Permissive,
}

impl Preset {
    fn policy(self) -> Policy<IncidentStatus> {
        match self {
            Preset::Standard => Policy::standard(),
            Preset::Strict => Policy::strict(),
            Preset::Permissive => Policy::permissive(),
        }
    }

    /// The reference rule for a move, from DESIGN.md.
    fn allows(self, from: Option<IncidentStatus>, to: IncidentStatus, reopen: bool) -> bool {
        let closed = |s: IncidentStatus| matches!(s, Resolved | Postmortem);
        let in_table = match (self, from) {
            (Preset::Permissive, _) => true,
            (Preset::Standard | Preset::Strict, None) => incident_rules::standard_first(to),
            (Preset::Standard, Some(from)) => incident_rules::standard(from, to),
            (Preset::Strict, Some(from)) => incident_rules::strict(from, to),
        };
        let is_reopen = from.is_some_and(closed) && !closed(to);
        in_table && is_reopen == reopen
    }
}

#[derive(Clone, Debug)]
enum Op {
    /// Add an update `minutes` after the start (any order), maybe as a reopen.
    Apply {
        status: IncidentStatus,
        minutes: i64,
        reopen: bool,
    },
    /// Re-validate under another preset.
    Revalidate(Preset),
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        4 => (0..5usize, 0..600i64, prop::bool::weighted(0.2))
            .prop_map(|(s, minutes, reopen)| Op::Apply { status: IncidentStatus::ALL[s], minutes, reopen }),
        1 => prop_oneof![Just(Preset::Standard), Just(Preset::Strict), Just(Preset::Permissive)].prop_map(Op::Revalidate),
    ]
}

fn start() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2020, 3, 16, 14, 0, 0).unwrap()
}

/// The reference model: updates as (display time, sequence, status, reopen), kept
/// sorted; every check re-runs over the whole list.
#[derive(Clone, Debug)]
struct Reference {
    preset: Preset,
    updates: Vec<(DateTime<Utc>, usize, IncidentStatus, bool)>,
}

impl Reference {
    fn valid(
        &self,
        preset: Preset,
        updates: &[(DateTime<Utc>, usize, IncidentStatus, bool)],
    ) -> bool {
        let mut previous = None;
        for &(_, _, status, reopen) in updates {
            if !preset.allows(previous, status, reopen) {
                return false;
            }
            previous = Some(status);
        }
        !updates.is_empty()
    }

    fn apply(
        &mut self,
        at: DateTime<Utc>,
        seq: usize,
        status: IncidentStatus,
        reopen: bool,
    ) -> bool {
        let mut candidate = self.updates.clone();
        candidate.push((at, seq, status, reopen));
        candidate.sort_by_key(|&(at, seq, _, _)| (at, seq));
        let ok = self.valid(self.preset, &candidate);
        if ok {
            self.updates = candidate;
        }
        ok
    }

    fn status(&self) -> IncidentStatus {
        self.updates.last().unwrap().2
    }

    fn first_with(&self, status: IncidentStatus) -> Option<DateTime<Utc>> {
        self.updates.iter().find(|u| u.2 == status).map(|u| u.0)
    }

    fn resolved_at(&self) -> Option<DateTime<Utc>> {
        let closed = |s: IncidentStatus| matches!(s, Resolved | Postmortem);
        if !closed(self.status()) {
            return None;
        }
        let mut i = self.updates.len() - 1;
        while i > 0 && closed(self.updates[i - 1].2) {
            i -= 1;
        }
        Some(self.updates[i].0)
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(util::sizes::proptest_cases(256)))]

    #[test]
    fn prop_crate_and_reference_model_agree(
        first in (0..5usize, 0..600i64),
        preset in prop_oneof![Just(Preset::Standard), Just(Preset::Strict), Just(Preset::Permissive)],
        ops in prop::collection::vec(op(), 0..40),
    ) {
        let (first_status, first_minutes) = (IncidentStatus::ALL[first.0], first.1);
        let first_at = start() + Duration::minutes(first_minutes);
        let built = Incident::builder("model")
            .policy(preset.policy())
            .created_at(start() + Duration::minutes(1000))
            .update(Update::new(first_status, first_at).with_id(UpdateId::new("u0").unwrap()))
            .build();
        let mut reference = Reference { preset, updates: Vec::new() };
        let accepted = reference.apply(first_at, 0, first_status, false);
        prop_assert_eq!(built.is_ok(), accepted, "first {} under {:?}", first_status, preset);
        let Ok(mut incident) = built else { return Ok(()); };

        for (seq, op) in ops.into_iter().enumerate() {
            let seq = seq + 1;
            match op {
                Op::Apply { status, minutes, reopen } => {
                    let at = start() + Duration::minutes(minutes);
                    let update = Update::new(status, at).with_id(UpdateId::new(format!("u{seq}")).unwrap());
                    let result = if reopen { incident.reopen(update) } else { incident.apply(update) };
                    let accepted = reference.apply(at, seq, status, reopen);
                    prop_assert_eq!(result.is_ok(), accepted, "{} at +{}m (reopen {}) after {:?}: {:?}",
                        status, minutes, reopen, reference.updates, result);
                }
                Op::Revalidate(to) => {
                    let passes = reference.valid(to, &reference.updates);
                    let violations = incident.violations(&to.policy());
                    prop_assert_eq!(violations.is_empty(), passes);
                    match incident.clone().revalidate(to.policy()) {
                        Ok(revalidated) => {
                            prop_assert!(passes);
                            incident = revalidated;
                            reference.preset = to;
                        }
                        Err(all) => {
                            prop_assert!(!passes);
                            prop_assert_eq!(all.errors(), &violations[..]);
                        }
                    }
                }
            }
            prop_assert_eq!(incident.status(), reference.status());
            prop_assert_eq!(incident.updates().len(), reference.updates.len());
            prop_assert_eq!(incident.opened_at(), reference.updates[0].0.min(start() + Duration::minutes(1000)));
            prop_assert_eq!(incident.identified_at(), reference.first_with(Identified));
            prop_assert_eq!(incident.monitoring_at(), reference.first_with(Monitoring));
            prop_assert_eq!(incident.resolved_at(), reference.resolved_at());
        }
    }
}
