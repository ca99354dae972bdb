// Every move the standard table does not allow, in one file so that trybuild
// compiles them in one build: each function writes one illegal move and must
// fail with its error in `typed_moves.stderr`. If an illegal method ever
// appears, its error goes missing from the output and the test fails.
use chrono::{DateTime, TimeZone, Utc};
use incident_model::typed::state::{Completed, Identified, Monitoring, Postmortem, Resolved};
use incident_model::typed::{Draft, State, Typed};
use incident_model::IncidentStatus;

fn at() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2020, 3, 16, 21, 51, 0).unwrap()
}

// Resolved is terminal for the open statuses: there is no `investigating` move
// out of it, only the explicit `reopen_investigating`.
fn resolved_to_investigating() {
    let resolved = Typed::<Resolved>::start("Slow page loads", Draft::new(at()));
    let _ = resolved.investigating(Draft::new(at()));
}

// A completed maintenance is terminal: there is no `in_progress` move out of it,
// only the explicit `reopen_in_progress`.
fn completed_to_in_progress() {
    let completed = Typed::<Completed>::start("Database upgrade", Draft::new(at()));
    let _ = completed.in_progress(Draft::new(at()));
}

// A postmortem follows a resolved incident only: an open incident has no
// `postmortem` move.
fn postmortem_before_resolved() {
    let monitoring = Typed::<Monitoring>::start("Slow page loads", Draft::new(at()));
    let _ = monitoring.postmortem(Draft::new(at()));
}

// A reopen leaves a closed status: an open incident has no `reopen_*` method.
fn reopen_while_open() {
    let monitoring = Typed::<Monitoring>::start("Slow page loads", Draft::new(at()));
    let _ = monitoring.reopen_investigating(Draft::new(at()));
}

// An incident cannot start in postmortem: `Postmortem` is not a `Start` state.
fn start_in_postmortem() {
    let _ = Typed::<Postmortem>::start("Slow page loads", Draft::new(at()));
}

// Each move takes the value: a value that has moved on cannot move again (here,
// to resolve an incident that is already being watched as monitoring).
fn move_consumed_value() {
    let identified = Typed::<Identified>::start("Slow page loads", Draft::new(at()));
    let _monitoring = identified.monitoring(Draft::new(at()));
    let _resolved = identified.resolved(Draft::new(at()));
}

// The state trait is sealed: no state can be added outside the crate.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug, Default)]
struct Mitigated;

impl State for Mitigated {
    type Lifecycle = IncidentStatus;
    const STATUS: IncidentStatus = IncidentStatus::Monitoring;
}

fn main() {
    resolved_to_investigating();
    completed_to_in_progress();
    postmortem_before_resolved();
    reopen_while_open();
    start_in_postmortem();
    move_consumed_value();
}
