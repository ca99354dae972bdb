//! Proptest strategies shared by the integration tests.

use chrono::{DateTime, TimeZone, Utc};
use incident_model::{ComponentStatus, Impact, IncidentStatus};
use proptest::prelude::*;

/// Any incident status.
pub fn incident_status() -> impl Strategy<Value = IncidentStatus> {
    prop::sample::select(IncidentStatus::ALL.to_vec())
}

/// Any component status.
pub fn component_status() -> impl Strategy<Value = ComponentStatus> {
    prop::sample::select(ComponentStatus::ALL.to_vec())
}

/// Any impact.
pub fn impact() -> impl Strategy<Value = Impact> {
    prop::sample::select(Impact::ALL.to_vec())
}

/// Any millisecond from year 1900 to 2200.
pub fn time() -> impl Strategy<Value = DateTime<Utc>> {
    (-2_208_988_800_000i64..7_258_118_400_000i64)
        .prop_map(|ms| Utc.timestamp_millis_opt(ms).unwrap())
}
