//! Incidents built from arbitrary operations: never a panic, and every value
//! that exists is valid (it passes its own policy and round-trips).
#![no_main]

use arbitrary::Arbitrary;
use chrono::{DateTime, Utc};
use incident_model::{Incident, IncidentStatus, Policy, Update, UpdateId};
use libfuzzer_sys::fuzz_target;

#[derive(Arbitrary, Debug)]
enum Op {
    Apply { status: u8, at: i64, created: i64, id: u8, body: String },
    Reopen { status: u8, at: i64, id: u8 },
    Revalidate { preset: u8 },
}

#[derive(Arbitrary, Debug)]
struct Input {
    first_status: u8,
    first_at: i64,
    preset: u8,
    ops: Vec<Op>,
}

fn status(n: u8) -> IncidentStatus {
    let all = IncidentStatus::ALL;
    all[usize::from(n) % all.len()]
}

fn policy(n: u8) -> Policy<IncidentStatus> {
    match n % 3 {
        0 => Policy::standard(),
        1 => Policy::strict(),
        _ => Policy::permissive(),
    }
}

fn time(seconds: i64) -> Option<DateTime<Utc>> {
    DateTime::from_timestamp(seconds % 20_000_000_000, 0)
}

fn update(status_n: u8, at: i64, id: u8) -> Option<Update<IncidentStatus>> {
    let id = UpdateId::new(format!("u{id}")).ok()?;
    Some(Update::new(status(status_n), time(at)?).with_id(id))
}

fuzz_target!(|input: Input| {
    let Some(first) = update(input.first_status, input.first_at, 255) else { return };
    let Ok(mut incident) = Incident::builder("fuzz").policy(policy(input.preset)).update(first).build() else {
        return;
    };
    for op in input.ops {
        match op {
            Op::Apply { status, at, created, id, body } => {
                let (Some(u), Some(created)) = (update(status, at, id), time(created)) else { continue };
                let _ = incident.apply(u.with_created_at(created).with_body(body));
            }
            Op::Reopen { status, at, id } => {
                let Some(u) = update(status, at, id) else { continue };
                let _ = incident.reopen(u);
            }
            Op::Revalidate { preset } => {
                if let Ok(revalidated) = incident.clone().revalidate(policy(preset)) {
                    incident = revalidated;
                }
            }
        }
        assert!(incident.violations(&incident.policy()).is_empty());
        assert!(incident.updates().windows(2).all(|w| (w[0].display_at(), w[0].created_at()) <= (w[1].display_at(), w[1].created_at())));
    }
    assert_eq!(Incident::from_json(&incident.to_json()).ok(), Some(incident));
});
