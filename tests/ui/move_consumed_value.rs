// Each move takes the value: a value that has moved on cannot move again (here,
// to resolve an incident that is already being watched as monitoring).
use chrono::{TimeZone, Utc};
use incident_model::typed::{state::Identified, Draft, Typed};

fn main() {
    let at = Utc.with_ymd_and_hms(2020, 3, 16, 14, 28, 0).unwrap();
    let identified = Typed::<Identified>::start("Slow page loads", Draft::new(at));
    let _monitoring = identified.monitoring(Draft::new(at));
    let _resolved = identified.resolved(Draft::new(at));
}
