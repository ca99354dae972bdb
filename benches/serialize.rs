//! Writing the model, for a generated 10 000-incident Statuspage export read
//! with the crate: the crate's own JSON format both ways, and back to
//! Statuspage JSON.

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use incident_model::generate::Generator;
use incident_model::{formats::statuspage, Incident};

/// The seed of every generated export of the benches and the perf example.
const SEED: u64 = 42;

fn bench_serialize(c: &mut Criterion) {
    let export = Generator::new(SEED).to_statuspage_json();
    let document = statuspage::read(&export).expect("the generated export reads");
    let incidents: Vec<Incident> = document.incidents.iter().map(|r| r.event.clone()).collect();
    let own = serde_json::to_string(&incidents).expect("the model serializes");
    let mut group = c.benchmark_group("serialize");
    group.sample_size(10);
    group.throughput(Throughput::Bytes(own.len() as u64));
    group.bench_function("own_format/write", |b| {
        b.iter(|| serde_json::to_string(black_box(&incidents)).map(|s| s.len()))
    });
    group.bench_function("own_format/read", |b| {
        b.iter(|| serde_json::from_str::<Vec<Incident>>(black_box(&own)).map(|v| v.len()))
    });
    group.throughput(Throughput::Bytes(export.len() as u64));
    group.bench_function("statuspage/write_document", |b| {
        b.iter(|| black_box(&document).to_json().map(|s| s.len()))
    });
    group.finish();
}

criterion_group!(benches, bench_serialize);
criterion_main!(benches);
