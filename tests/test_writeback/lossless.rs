//! Whether a write-back lost anything: every key of the input comes out with an
//! equal value (timestamps equal as instants, numbers as written, lists in
//! their order); keys may be added, none dropped or changed. Shared by the
//! write-back tests and the fuzz target.

use serde_json::Value;

/// The first loss of `output` against `input`, as a path and what differs
/// (the fuzz target's).
#[allow(dead_code)]
pub fn loss(input: &Value, output: &Value) -> Option<String> {
    let mut losses = Vec::new();
    loss_at(input, output, &mut String::from("$"), &mut losses, 1);
    losses.pop()
}

/// Up to `max` losses of `output` against `input` (the tests').
#[allow(dead_code)]
pub fn losses(input: &Value, output: &Value, max: usize) -> Vec<String> {
    let mut losses = Vec::new();
    loss_at(input, output, &mut String::from("$"), &mut losses, max);
    losses
}

fn loss_at(input: &Value, output: &Value, path: &mut String, losses: &mut Vec<String>, max: usize) {
    if losses.len() >= max {
        return;
    }
    let found = match (input, output) {
        (Value::Object(given), Value::Object(written)) => {
            for (key, value) in given {
                let len = path.len();
                path.push('.');
                path.push_str(key);
                match written.get(key) {
                    Some(out) => loss_at(value, out, path, losses, max),
                    None if losses.len() < max => {
                        losses.push(format!("{path}: dropped (was {value})"));
                    }
                    None => {}
                }
                path.truncate(len);
            }
            None
        }
        (Value::Array(given), Value::Array(written)) => {
            if given.len() != written.len() {
                losses.push(format!(
                    "{path}: {} items written for {}",
                    written.len(),
                    given.len()
                ));
                return;
            }
            for (i, (value, out)) in given.iter().zip(written).enumerate() {
                let len = path.len();
                path.push_str(&format!("[{i}]"));
                loss_at(value, out, path, losses, max);
                path.truncate(len);
            }
            None
        }
        (Value::String(a), Value::String(b)) if a == b || same_instant(a, b) => None,
        (Value::Number(a), Value::Number(b)) if a.to_string() == b.to_string() => None,
        (a, b) if a == b => None,
        (a, b) => Some(format!("{path}: {a} written as {b}")),
    };
    losses.extend(found);
}

fn same_instant(a: &str, b: &str) -> bool {
    match (
        chrono::DateTime::parse_from_rfc3339(a),
        chrono::DateTime::parse_from_rfc3339(b),
    ) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}
