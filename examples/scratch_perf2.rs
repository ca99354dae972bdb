//! scratch perf, ours only
fn main() {
    let path = std::env::args().nth(1).unwrap();
    let text = std::fs::read_to_string(path).unwrap();
    for _ in 0..500 {
        let d = incident_model::statuspage::read(&text).unwrap();
        std::hint::black_box(d);
    }
}
