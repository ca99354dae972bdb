//! Issue 15: reading and writing stay near-linear in the size of one event.
//!
//! Each shape is read and written at 16k components (times `TEST_SCALE`, see
//! `util/sizes.rs`); with the quadratic look-ups of before, 32k took minutes
//! in a debug build. Timing is only
//! printed, by the ignored `scale_seconds`.
#![cfg(feature = "statuspage")]

use std::fmt::Write as _;
use std::time::Instant;

use incident_model::formats::statuspage::{self, Limits};

#[path = "util/sizes.rs"]
mod sizes;

const CREATED: &str = "2024-01-01T00:00:00Z";

fn component(i: usize) -> String {
    format!(r#"{{"id": "c{i}", "name": "component {i}", "status": "operational"}}"#)
}

fn change(i: usize) -> String {
    format!(
        r#"{{"code": "c{i}", "name": "component {i}", "old_status": "operational", "new_status": "major_outage"}}"#
    )
}

fn update(id: &str, status: &str, changes: &[String]) -> String {
    format!(
        r#"{{"id": "{id}", "status": "{status}", "body": "b", "created_at": "{CREATED}", "display_at": "{CREATED}", "affected_components": [{}]}}"#,
        changes.join(",")
    )
}

fn incident(components: &[String], updates: &[String]) -> String {
    format!(
        r#"{{"id": "abcdefghijkl", "name": "n", "status": "investigating", "impact": "major", "created_at": "{CREATED}", "started_at": "{CREATED}", "components": [{}], "incident_updates": [{}]}}"#,
        components.join(","),
        updates.join(",")
    )
}

/// One incident listing `n` components, with one update naming none.
fn listed(n: usize) -> String {
    let components: Vec<String> = (0..n).map(component).collect();
    incident(&components, &[update("u", "investigating", &[])])
}

/// One update with `n` affected components (none listed).
fn affected(n: usize) -> String {
    let changes: Vec<String> = (0..n).map(change).collect();
    incident(&[], &[update("u", "investigating", &changes)])
}

/// `n` updates, each changing its own component, all listed.
fn each_its_own(n: usize) -> String {
    let components: Vec<String> = (0..n).map(component).collect();
    let mut updates = Vec::with_capacity(n);
    let mut id = String::new();
    for i in 0..n {
        id.clear();
        let _ = write!(id, "u{i}");
        updates.push(update(&id, "investigating", &[change(i)]));
    }
    incident(&components, &updates)
}

type Shape = (&'static str, fn(usize) -> String);

const SHAPES: [Shape; 3] = [
    ("listed components", listed),
    ("affected components", affected),
    ("updates each changing its own", each_its_own),
];

/// Reads and writes back `input`, the write read again to the same event.
fn round_trip(input: &str) {
    let limits = Limits::none();
    let doc = statuspage::read_with(input, &limits).unwrap();
    let written = doc.to_json().unwrap();
    let again = statuspage::read_with(&written, &limits).unwrap();
    assert_eq!(again.incidents.len(), 1);
    assert_eq!(
        again.incidents[0].event.components().len(),
        doc.incidents[0].event.components().len()
    );
}

/// 16k items of each shape read and write in a few seconds in a debug build;
/// the quadratic look-ups this guards against took minutes at 32k (in release:
/// 5.5 s to read and 8.8 s to write 32k listed components). Sized for the
/// default `cargo test` (`TEST_SCALE=2` runs 32k); `scale_seconds` below
/// measures larger sizes.
#[test]
fn every_shape_at_16k_reads_and_writes() {
    for (_, make) in SHAPES {
        round_trip(&make(sizes::scaled(1 << 14)));
    }
}

fn sizes() -> Vec<usize> {
    match std::env::var("SCALE_SIZES") {
        Ok(list) => list
            .split(',')
            .filter_map(|n| n.trim().parse().ok())
            .collect(),
        Err(_) => vec![1 << 15, 1 << 16, 1 << 17],
    }
}

/// Prints the seconds of a read and a write of each shape at 32k, 64k, 128k
/// (or the sizes in `SCALE_SIZES`, comma-separated):
/// `cargo test --release --test test_scale -- --ignored --nocapture`.
#[test]
#[ignore = "measures; prints seconds"]
fn scale_seconds() {
    for (name, make) in SHAPES {
        for n in sizes() {
            let input = make(n);
            let t = Instant::now();
            let doc = statuspage::read_with(&input, &Limits::none()).unwrap();
            let read = t.elapsed().as_secs_f64();
            let t = Instant::now();
            let _ = doc.to_json().unwrap();
            let write = t.elapsed().as_secs_f64();
            println!(
                "{name} n={n} bytes={}: read {read:.2}s, write {write:.2}s",
                input.len()
            );
        }
    }
}
