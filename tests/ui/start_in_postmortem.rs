// An incident cannot start in postmortem: `Postmortem` is not a `Start` state.
use chrono::{TimeZone, Utc};
use incident_model::typed::{state::Postmortem, Draft, Typed};

fn main() {
    let at = Utc.with_ymd_and_hms(2020, 3, 16, 21, 53, 0).unwrap();
    let _ = Typed::<Postmortem>::start("Slow page loads", Draft::new(at));
}
