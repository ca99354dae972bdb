//! Shared by the benches and `examples/perf.rs`: the two yardsticks an import
//! is measured against.
//!
//! - [`limit`]: serde_json into plain `#[derive(Deserialize)]` mirror structs,
//!   no validation: the fastest a careful user could read the same bytes;
//! - [`baseline`]: serde_json into `serde_json::Value`, then hand-written
//!   loops extracting each incident's status and durations: what a user writes
//!   without this crate.

// Each bench uses only some of the items, and the mirror structs' fields exist
// to be deserialized, not read.
#![allow(dead_code)]

pub mod baseline;
pub mod limit;
