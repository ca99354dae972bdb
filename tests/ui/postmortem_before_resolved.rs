// A postmortem follows a resolved incident only: an open incident has no
// `postmortem` move.
use chrono::{TimeZone, Utc};
use incident_model::typed::{state::Monitoring, Draft, Typed};

fn main() {
    let at = Utc.with_ymd_and_hms(2020, 3, 16, 17, 42, 0).unwrap();
    let monitoring = Typed::<Monitoring>::start("Slow page loads", Draft::new(at));
    let _ = monitoring.postmortem(Draft::new(at));
}
