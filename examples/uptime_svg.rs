//! Uptime pictures: the 90-day uptime bars of each component, as status pages
//! draw them, written as a standalone SVG.
//!
//! ```text
//! cargo run --example uptime_svg -- OUT.svg                 # the embedded default
//! cargo run --example uptime_svg -- OUT.svg PATH... | -     # any Statuspage shape
//! cargo run --example uptime_svg -- OUT.svg --as-of 2020-04-02T16:00:00Z
//! ```
//!
//! The 90 days end with the day of `--as-of`, or else of the latest time in the
//! data, in the page's time zone (the first document's `page.time_zone`; UTC
//! without one). Days are cut at the zone's offset at that moment (a fixed
//! offset: across a daylight-saving change inside the window, days before it
//! are off by that hour). One bar a day, coloured by the worst status that day;
//! the uptime over the 90 days (Statuspage's weights) beside each name. A
//! component's days before its `start_date` are grey (no data).
//!
//! Components: the page's (groups left out), in page order, then any other
//! component an incident names.

#[path = "common/mod.rs"]
mod common;

use std::collections::HashSet;
use std::process::ExitCode;

use chrono::{NaiveDate, Offset as _};
use incident_model::output::svg::{self, ComponentBars};
use incident_model::{ComponentHistory, ComponentId, DayRange, Weights};

const PROGRAM: &str = "uptime_svg";
const USAGE: &str = "usage: uptime_svg OUT.svg [--as-of RFC3339] [PATH | -]...";
/// The days of the bar, as status pages draw it.
const DAYS: u32 = 90;

fn main() -> ExitCode {
    let mut out = None;
    let mut given = None;
    let mut paths = Vec::new();
    let mut args = std::env::args_os().skip(1);
    while let Some(arg) = args.next() {
        match arg.to_str() {
            Some("-h" | "--help") => {
                println!("{USAGE}");
                return ExitCode::SUCCESS;
            }
            Some("--as-of") => match args.next().map(|v| common::parse_as_of(&v)) {
                Some(Ok(at)) => given = Some(at),
                Some(Err(err)) => return usage_error(&err),
                None => return usage_error("--as-of needs a time"),
            },
            Some(other) if other.starts_with("--") => {
                return usage_error(&format!("unknown option {other}"))
            }
            _ if out.is_none() => out = Some(arg),
            _ => paths.push(arg),
        }
    }
    let Some(out) = out else {
        return usage_error("name the SVG file to write");
    };
    let out = std::path::PathBuf::from(out);

    let (sources, failed) = common::read_sources(PROGRAM, &paths);
    let (as_of, basis) = common::as_of(given, &sources);
    let zone = sources
        .first()
        .map_or(chrono_tz::UTC, |source| common::page_zone(PROGRAM, source));
    let local = as_of.with_timezone(&zone);
    let offset = local.offset().fix();
    let days = DayRange::ending(local.date_naive(), DAYS).with_offset(offset);

    // Every event's component intervals; the components in page order.
    let mut history = ComponentHistory::new();
    let mut components: Vec<(ComponentId, String, Option<NaiveDate>)> = Vec::new();
    let mut seen = HashSet::new();
    for source in &sources {
        for page_component in &source.document.components {
            let component = &page_component.component;
            if page_component.group != Some(true) && seen.insert(component.id.clone()) {
                let start = page_component.start_date();
                components.push((component.id.clone(), component.name.clone(), start));
            }
        }
    }
    for source in &sources {
        let document = &source.document;
        let mut named = Vec::new();
        for event in document.events() {
            history.add_event(event, as_of);
            named.extend(event.affected_components(as_of));
        }
        for component in named {
            if seen.insert(component.id.clone()) {
                components.push((component.id, component.name, None));
            }
        }
    }

    let weights = Weights::statuspage();
    let rows: Vec<ComponentBars> = components
        .iter()
        .map(|(id, name, start)| {
            let merged = history.merged(id);
            let row = ComponentBars::from_history(name.as_str(), &merged, &days, &weights);
            match start {
                Some(start) if days.days().any(|(date, _)| date == *start) => {
                    row.no_data_before(*start, &merged, &days, &weights)
                }
                _ => row,
            }
        })
        .collect();
    let title = sources
        .first()
        .and_then(|source| source.document.page.as_ref())
        .and_then(|page| page.name.clone())
        .unwrap_or_else(|| "Uptime".to_owned());
    let picture = svg::uptime_bars(&format!("{title}: uptime over the past {DAYS} days"), &rows);
    if let Err(err) = std::fs::write(&out, picture) {
        eprintln!("{PROGRAM}: {}: cannot write: {err}", out.display());
        return ExitCode::FAILURE;
    }

    let first = days.days().next().map(|(date, _)| date);
    let summary = format!(
        "wrote {}: {} components, {DAYS} days from {} to {} (days at UTC{offset} in {zone}), as of {} ({})\n",
        out.display(),
        rows.len(),
        first.map_or_else(|| "-".to_owned(), |d| d.to_string()),
        local.date_naive(),
        as_of.to_rfc3339_opts(chrono::SecondsFormat::AutoSi, true),
        basis,
    );
    let table: String = rows
        .iter()
        .map(|row| format!("  {:>7}  {}\n", row.uptime.to_string(), row.name))
        .collect();
    if let Err(err) = common::write_stdout(&(summary + &table)) {
        eprintln!("{PROGRAM}: {err}");
        return ExitCode::FAILURE;
    }
    if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

fn usage_error(message: &str) -> ExitCode {
    eprintln!("{PROGRAM}: {message}\n{USAGE}");
    ExitCode::from(2)
}
