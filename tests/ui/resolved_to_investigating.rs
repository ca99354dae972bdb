// Resolved is terminal for the open statuses: there is no `investigating` move
// out of it, only the explicit `reopen_investigating`.
use chrono::{TimeZone, Utc};
use incident_model::typed::{state::Resolved, Draft, Typed};

fn main() {
    let at = Utc.with_ymd_and_hms(2020, 3, 16, 21, 51, 0).unwrap();
    let resolved = Typed::<Resolved>::start("Slow page loads", Draft::new(at));
    let _ = resolved.investigating(Draft::new(at));
}
