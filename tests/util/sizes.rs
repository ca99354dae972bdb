//! How long the slow tests run. A plain `cargo test` runs them sized for a
//! quick default; two environment variables run them longer:
//!
//! - `PROPTEST_CASES=N`: the cases of every property test (proptest's own
//!   knob; the default is 256 where a test does not set fewer);
//! - `TEST_SCALE=N`: multiplies the sizes of the generated, mutated and scaled
//!   inputs (default 1).
//!
//! For example `PROPTEST_CASES=4096 TEST_SCALE=10 cargo test --release`.
#![allow(dead_code)] // each test binary uses a part of the knobs

/// `default`, or the number in the environment variable `name` when it is set
/// to one.
fn knob(name: &str, default: u64) -> u64 {
    std::env::var(name)
        .ok()
        .and_then(|value| value.trim().parse().ok())
        .unwrap_or(default)
}

/// The number of cases of a property test: `PROPTEST_CASES`, else `default`.
pub fn proptest_cases(default: u32) -> u32 {
    u32::try_from(knob("PROPTEST_CASES", u64::from(default))).unwrap_or(u32::MAX)
}

/// `default` times `TEST_SCALE` (1 unless set).
pub fn scaled(default: usize) -> usize {
    let factor = usize::try_from(knob("TEST_SCALE", 1)).unwrap_or(1);
    default.saturating_mul(factor)
}
