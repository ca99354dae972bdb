//! Reading a generated 10 000-incident Statuspage export: the crate's import
//! (read + validate + convert) against the plain-derive limit and the
//! `serde_json::Value` baseline, on the same bytes. Each result is dropped
//! outside the timing (`iter_with_large_drop`), as in `examples/perf.rs`:
//! freeing a 10 000-incident model is not reading it.

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use incident_model::formats::statuspage;
use incident_model::generate::Generator;

mod support;

/// The seed of every generated export of the benches and the perf example.
const SEED: u64 = 42;

fn bench_import(c: &mut Criterion) {
    let bytes = Generator::new(SEED).to_statuspage_json().into_bytes();
    let mut group = c.benchmark_group("import");
    group.sample_size(10);
    group.throughput(Throughput::Bytes(bytes.len() as u64));
    group.bench_function("import/statuspage_read_slice", |b| {
        b.iter_with_large_drop(|| statuspage::read_slice(black_box(&bytes)))
    });
    group.bench_function("limit/plain_derive", |b| {
        b.iter_with_large_drop(|| support::limit::read(black_box(&bytes)))
    });
    group.bench_function("baseline/value_and_loops", |b| {
        b.iter_with_large_drop(|| support::baseline::extract(black_box(&bytes)))
    });
    group.finish();
}

criterion_group!(benches, bench_import);
criterion_main!(benches);
