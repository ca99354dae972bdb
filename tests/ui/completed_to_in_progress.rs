// A completed maintenance is terminal: there is no `in_progress` move out of it,
// only the explicit `reopen_in_progress`.
use chrono::{TimeZone, Utc};
use incident_model::typed::{state::Completed, Draft, Typed};

fn main() {
    let at = Utc.with_ymd_and_hms(2020, 12, 17, 11, 0, 0).unwrap();
    let completed = Typed::<Completed>::start("Database upgrade", Draft::new(at));
    let _ = completed.in_progress(Draft::new(at));
}
