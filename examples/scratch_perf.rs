//! scratch perf
use serde::Deserialize;
use std::time::Instant;
#[derive(Deserialize)]
#[allow(dead_code)]
struct D<'a> {
    #[serde(borrow)]
    incidents: Vec<I<'a>>,
}
#[derive(Deserialize)]
#[allow(dead_code)]
struct I<'a> {
    #[serde(borrow)]
    id: std::borrow::Cow<'a, str>,
    #[serde(borrow)]
    name: std::borrow::Cow<'a, str>,
    #[serde(borrow)]
    status: std::borrow::Cow<'a, str>,
    created_at: String,
    started_at: Option<String>,
    resolved_at: Option<String>,
    monitoring_at: Option<String>,
    incident_updates: Vec<U<'a>>,
}
#[derive(Deserialize)]
#[allow(dead_code)]
struct U<'a> {
    #[serde(borrow)]
    id: std::borrow::Cow<'a, str>,
    status: String,
    body: String,
    created_at: String,
    display_at: String,
    affected_components: Option<Vec<A>>,
}
#[derive(Deserialize)]
#[allow(dead_code)]
struct A {
    code: Option<String>,
    name: Option<String>,
    old_status: Option<String>,
    new_status: Option<String>,
}
fn main() {
    let path = std::env::args().nth(1).unwrap();
    let text = std::fs::read_to_string(path).unwrap();
    let n = 200;
    let t = Instant::now();
    for _ in 0..n {
        let d: D = serde_json::from_str(&text).unwrap();
        std::hint::black_box(d);
    }
    let derive = t.elapsed();
    let t = Instant::now();
    for _ in 0..n {
        let d: serde_json::Value = serde_json::from_str(&text).unwrap();
        std::hint::black_box(d);
    }
    let value = t.elapsed();
    let t = Instant::now();
    for _ in 0..n {
        let d = incident_model::statuspage::read(&text).unwrap();
        std::hint::black_box(d);
    }
    let ours = t.elapsed();
    println!(
        "derive {:?} value {:?} ours {:?}; ours/derive throughput {:.2}, ours/value {:.2}",
        derive / n,
        value / n,
        ours / n,
        derive.as_secs_f64() / ours.as_secs_f64(),
        value.as_secs_f64() / ours.as_secs_f64()
    );
}
