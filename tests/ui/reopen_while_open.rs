// A reopen leaves a closed status: an open incident has no `reopen_*` method.
use chrono::{TimeZone, Utc};
use incident_model::typed::{state::Monitoring, Draft, Typed};

fn main() {
    let at = Utc.with_ymd_and_hms(2020, 3, 16, 17, 42, 0).unwrap();
    let monitoring = Typed::<Monitoring>::start("Slow page loads", Draft::new(at));
    let _ = monitoring.reopen_investigating(Draft::new(at));
}
