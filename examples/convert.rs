//! Converts a document of any format the crate reads into another.
//!
//! ```text
//! cargo run --example convert -- --to statuspage FILE   # Statuspage JSON
//! cargo run --example convert -- --to own FILE          # the crate's own format
//! cargo run --features feeds --example convert -- --to atom FILE
//! cargo run --features feeds --example convert -- --to rss FILE
//! cargo run --features all-formats --example convert -- --to atom FILE   # from any format
//! ```
//!
//! `FILE` (`-` for standard input) is detected (`formats::read`); the format
//! found and the anomalies read are said on standard error. A Statuspage
//! document written back as Statuspage goes through its own reader and
//! writer (lossless); any other input is converted through the neutral
//! `formats::Document`. The own format is one JSON object,
//! `{"incidents": [...], "maintenances": [...]}`.

#[path = "common/input.rs"]
mod input;

use std::ffi::OsString;
use std::process::ExitCode;

use incident_model::formats::{self, statuspage, Format};
use incident_model::AnyEvent;

const PROGRAM: &str = "convert";
const USAGE: &str = "usage: convert --to statuspage|own|atom|rss FILE | -";

#[derive(Clone, Copy, PartialEq, Eq)]
enum Target {
    Statuspage,
    Own,
    Atom,
    Rss,
}

fn main() -> ExitCode {
    let parsed = parse_args(std::env::args_os().skip(1));
    let (target, path) = match input::options_or_exit(PROGRAM, USAGE, parsed) {
        Ok(options) => options,
        Err(code) => return code,
    };
    let name = input::name(&path);
    let limit = statuspage::Limits::default().max_input_bytes;
    let converted = input::read_text(&path, limit)
        .map_err(|err| err.to_string())
        .and_then(|text| convert(&text, target));
    let written = converted.and_then(|text| {
        use std::io::Write as _;
        let mut stdout = std::io::stdout().lock();
        stdout
            .write_all(text.as_bytes())
            .map_err(|err| format!("cannot write: {err}"))
    });
    match written {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("{PROGRAM}: {name}: {err}");
            ExitCode::FAILURE
        }
    }
}

fn parse_args(args: impl Iterator<Item = OsString>) -> Result<Option<(Target, OsString)>, String> {
    let mut target = None;
    let mut path = None;
    let mut args = args.peekable();
    while let Some(arg) = args.next() {
        match arg.to_str() {
            Some("-h" | "--help") => return Ok(None),
            Some("--to") => {
                let value = args.next().ok_or("--to needs a format")?;
                target = Some(match value.to_str() {
                    Some("statuspage") => Target::Statuspage,
                    Some("own") => Target::Own,
                    Some("atom") => Target::Atom,
                    Some("rss") => Target::Rss,
                    _ => return Err(format!("--to {}: unknown format", value.to_string_lossy())),
                });
            }
            Some(other) if other.starts_with("--") => {
                return Err(format!("unknown option {other}"))
            }
            _ if path.is_none() => path = Some(arg),
            _ => return Err("one FILE only".to_owned()),
        }
    }
    let target = target.ok_or("say the format to write with --to")?;
    let path = path.ok_or("name the FILE to read (- for standard input)")?;
    Ok(Some((target, path)))
}

/// Reads `text` (any format) and writes it as `target`.
fn convert(text: &str, target: Target) -> Result<String, String> {
    let format = formats::detect(text).map_err(|err| err.to_string())?;
    eprintln!("{PROGRAM}: read {format}");
    if target == Target::Statuspage
        && matches!(format, Format::Statuspage | Format::StatuspageWebhook)
    {
        // Lossless: the Statuspage reader and writer, nothing in between.
        let document = statuspage::read(text).map_err(|err| err.to_string())?;
        report_anomalies(document.anomalies.iter());
        return document
            .to_json()
            .map(|json| json + "\n")
            .map_err(|err| err.to_string());
    }
    let neutral = if matches!(format, Format::Statuspage | Format::StatuspageWebhook) {
        let document = statuspage::read(text).map_err(|err| err.to_string())?;
        formats::Document::from(document)
    } else {
        formats::read(text).map_err(|err| err.to_string())?
    };
    report_anomalies(neutral.all_anomalies());
    match target {
        Target::Statuspage => statuspage::Document::from(neutral)
            .to_json()
            .map(|json| json + "\n")
            .map_err(|err| err.to_string()),
        Target::Own => own(&neutral),
        Target::Atom | Target::Rss => feed(&neutral, target),
    }
}

fn report_anomalies<'a>(anomalies: impl Iterator<Item = &'a formats::Anomaly>) {
    for anomaly in anomalies {
        eprintln!("{PROGRAM}: anomaly: {anomaly}");
    }
}

/// The crate's own format: the events, incidents and maintenances apart.
fn own(document: &formats::Document) -> Result<String, String> {
    let mut incidents = Vec::new();
    let mut maintenances = Vec::new();
    for read in &document.events {
        match &read.event {
            AnyEvent::Incident(incident) => incidents.push(incident),
            AnyEvent::Maintenance(maintenance) => maintenances.push(maintenance),
        }
    }
    let value = serde_json::json!({ "incidents": incidents, "maintenances": maintenances });
    serde_json::to_string_pretty(&value)
        .map(|json| json + "\n")
        .map_err(|err| err.to_string())
}

#[cfg(feature = "feeds")]
fn feed(document: &formats::Document, target: Target) -> Result<String, String> {
    let events = document.events();
    Ok(match target {
        Target::Atom => formats::feeds::write_atom(&document.page, events),
        _ => formats::feeds::write_rss(&document.page, events),
    })
}

#[cfg(not(feature = "feeds"))]
fn feed(_document: &formats::Document, _target: Target) -> Result<String, String> {
    Err("writing feeds needs the feature \"feeds\" (cargo run --features feeds --example convert ...)".to_owned())
}
