//! Prints the changes between two Statuspage documents of one page, or the
//! changes one webhook delivery announces: what a status bot would post.
//!
//! ```text
//! cargo run --example changes -- [--json] OLDER NEWER
//! cargo run --example changes -- [--json] WEBHOOK
//! ```
//!
//! Each document is observed at the latest time it holds. `--json` prints an
//! array of objects with `kind`, `event` (the event id) and `event_name` for
//! event changes, `update` and `body` for update changes, `component` (the
//! component id) and `component_name` for component changes, `from` and `to`
//! for status, impact, component and page status changes, and `at` where a
//! change has its own time.

#[path = "common/input.rs"]
mod input;
#[path = "common/stdout.rs"]
mod stdout;

use std::ffi::OsString;
use std::process::ExitCode;

use incident_model::formats::statuspage;
use incident_model::history::{self, Change, Observation};
use serde_json::{json, Map, Value};

/// The largest document read: the reader's own default limit.
const LIMIT: usize = 64 << 20;

fn observe(path: &OsString) -> Result<Observation, String> {
    let name = input::name(path);
    let text = input::read_text(path, LIMIT).map_err(|err| format!("{name}: {err}"))?;
    let document = statuspage::read(&text).map_err(|err| format!("{name}: {err}"))?;
    document
        .observation(&name)
        .map_err(|err| format!("{name}: {err}"))
}

/// One change as a JSON object.
fn to_json(change: &Change) -> Value {
    let mut object = Map::new();
    object.insert("kind".into(), json!(change.kind().as_str()));
    if let Some(event) = change.event() {
        object.insert("event".into(), json!(event.id.as_str()));
        object.insert("event_name".into(), json!(event.name));
    }
    if let Some(update) = change.update() {
        object.insert("update".into(), json!(update.id.as_str()));
        object.insert("body".into(), json!(update.body));
        object.insert("status".into(), json!(update.status.to_string()));
    }
    let (from, to) = match change {
        Change::StatusChanged { from, to, .. } => (from.to_string(), to.to_string()),
        Change::ImpactChanged { from, to, .. } => (from.to_string(), to.to_string()),
        Change::ComponentChanged {
            component,
            from,
            to,
            at,
        } => {
            object.insert("component".into(), json!(component.id.as_str()));
            object.insert("component_name".into(), json!(component.name));
            object.insert("at".into(), json!(at.to_rfc3339()));
            (from.to_string(), to.to_string())
        }
        Change::PageStatusChanged { from, to } => {
            (from.indicator.to_string(), to.indicator.to_string())
        }
        Change::EventResolved { at, .. } => {
            object.insert("at".into(), json!(at.to_rfc3339()));
            return Value::Object(object);
        }
        _ => return Value::Object(object),
    };
    object.insert("from".into(), json!(from));
    object.insert("to".into(), json!(to));
    Value::Object(object)
}

fn run(args: &[OsString]) -> Result<String, String> {
    let json = args.first().is_some_and(|a| a == "--json");
    let paths = args.get(usize::from(json)..).unwrap_or_default();
    let changes = match paths {
        [webhook] => history::announced(&observe(webhook)?),
        [older, newer] => {
            history::changes(observe(older)?, observe(newer)?).map_err(|err| err.to_string())?
        }
        _ => return Err("usage: changes [--json] OLDER NEWER | changes [--json] WEBHOOK".into()),
    };
    if json {
        let array: Vec<Value> = changes.iter().map(to_json).collect();
        serde_json::to_string_pretty(&array)
            .map(|s| s + "\n")
            .map_err(|err| err.to_string())
    } else {
        Ok(changes.iter().map(|c| format!("{c}\n")).collect())
    }
}

fn main() -> ExitCode {
    let args: Vec<OsString> = std::env::args_os().skip(1).collect();
    match run(&args) {
        Ok(out) => match stdout::write_stdout(&out) {
            Ok(()) => ExitCode::SUCCESS,
            Err(err) => {
                eprintln!("changes: {err}");
                ExitCode::FAILURE
            }
        },
        Err(err) => {
            eprintln!("changes: {err}");
            ExitCode::FAILURE
        }
    }
}
