//! Uptime pictures: the 90-day uptime bars of each component, as status pages
//! draw them, written as a standalone SVG.
//!
//! ```text
//! cargo run --example uptime_svg -- OUT.svg                 # the embedded default
//! cargo run --example uptime_svg -- OUT.svg PATH... | -     # any Statuspage shape (any format with its feature)
//! cargo run --example uptime_svg -- OUT.svg --as-of 2020-04-02T16:00:00Z
//! cargo run --example uptime_svg -- OUT.svg --rule agreed_service_time
//! ```
//!
//! The 90 days end with the day of `--as-of`, or else of the latest time in the
//! data, in the page's time zone (the first document's `page.time_zone`; UTC
//! without one). Days are calendar days in that zone (23 or 25 hours across a
//! daylight-saving change). One bar a day, coloured by the worst status that
//! day; the uptime over the 90 days beside each name, by the rule of
//! `--rule` (`statuspage` by default; `incident_io`, `openstatus`,
//! `agreed_service_time`), named in the picture and in the printed table. A
//! component's days before its `start_date` are no data: grey, and left out of
//! its uptime.
//!
//! Components: the page's (groups left out), in page order, then any other
//! component an incident names.

#[path = "common/mod.rs"]
mod common;

use std::collections::{BTreeMap, HashSet};
use std::process::ExitCode;

use chrono::{DateTime, NaiveDate, Utc};
use incident_model::history::{History, PageKey};
use incident_model::output::svg::{self, ComponentBars};
use incident_model::uptime::{Coverage, UptimePreset};
use incident_model::{AnyEvent, AnyEventRef, ComponentHistory, ComponentId, DayRange, UptimeRule};

const PROGRAM: &str = "uptime_svg";
const USAGE: &str =
    "usage: uptime_svg OUT.svg [--as-of RFC3339] [--rule statuspage|incident_io|openstatus|agreed_service_time] [PATH | -]...";
/// The days of the bar, as status pages draw it.
const DAYS: u32 = 90;

/// The events of `sources`, each once, and what the data covers.
struct Pages {
    /// Each event with the time it is measured until, and its page's
    /// coverage (an index into `coverage`).
    events: Vec<(AnyEvent, DateTime<Utc>, usize)>,
    /// What each page's observations cover ([`History::covered`]); the last
    /// is "always", for documents that hold no time to be observed at.
    coverage: Vec<Coverage>,
    /// The coverage of each source's page.
    of_source: Vec<usize>,
}

/// Every event of `sources` once, through one history per page, with the
/// time it is measured until; the events of a document that holds no time
/// to be observed at, measured until `as_of`, its components always covered.
fn pages(sources: &[common::Source], as_of: DateTime<Utc>) -> Pages {
    let mut observations = Vec::new();
    let mut keys: Vec<Option<PageKey>> = Vec::new();
    for source in sources {
        let observation = source.document.observation(&source.name).ok();
        keys.push(observation.as_ref().map(|o| o.page().clone()));
        observations.extend(observation);
    }
    observations.sort_by_key(|o| o.observed_at().at());
    let mut histories: BTreeMap<PageKey, History> = BTreeMap::new();
    for observation in observations {
        let history = histories.entry(observation.page().clone()).or_default();
        // One history per page: observing cannot be refused.
        let _changes = history.observe(observation);
    }
    let index: BTreeMap<&PageKey, usize> = histories.keys().zip(0..).collect();
    let unobserved = histories.len();
    let mut events = Vec::new();
    for (i, history) in histories.values().enumerate() {
        let tracked = history.events().iter();
        events.extend(tracked.map(|t| (t.event().clone(), t.measured_until(), i)));
    }
    for (source, key) in sources.iter().zip(&keys) {
        if key.is_none() {
            events.extend(
                source
                    .document
                    .events()
                    .map(|e| (own(e), as_of, unobserved)),
            );
        }
    }
    let of_source = keys
        .iter()
        .map(|key| {
            key.as_ref()
                .and_then(|k| index.get(k))
                .copied()
                .unwrap_or(unobserved)
        })
        .collect();
    let mut coverage: Vec<Coverage> = histories.values().map(History::covered).collect();
    coverage.push(Coverage::always());
    Pages {
        events,
        coverage,
        of_source,
    }
}

/// An owned copy of `event`.
fn own(event: AnyEventRef<'_>) -> AnyEvent {
    match event {
        AnyEventRef::Incident(incident) => incident.clone().into(),
        AnyEventRef::Maintenance(maintenance) => maintenance.clone().into(),
    }
}

fn main() -> ExitCode {
    let mut out = None;
    let mut given = None;
    let mut rule = UptimeRule::statuspage();
    let mut paths = Vec::new();
    let mut args = std::env::args_os().skip(1);
    while let Some(arg) = args.next() {
        match arg.to_str() {
            Some("-h" | "--help") => {
                println!("{USAGE}");
                return ExitCode::SUCCESS;
            }
            Some("--rule") => match args.next().and_then(|v| preset(&v)) {
                Some(preset) => rule = preset.rule(),
                None => return usage_error("--rule needs one of the rule names"),
            },
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
    let days = DayRange::ending(local.date_naive(), DAYS).in_zone(zone);

    // Every event's component intervals; the components in page order, each
    // with its page's coverage.
    let pages = pages(&sources, as_of);
    let mut history = ComponentHistory::new();
    let mut components: Vec<(ComponentId, String, Option<NaiveDate>, usize)> = Vec::new();
    let mut seen = HashSet::new();
    for (source, page) in sources.iter().zip(&pages.of_source) {
        for page_component in &source.document.components {
            let component = &page_component.component;
            if page_component.group != Some(true) && seen.insert(component.id.clone()) {
                let start = page_component.start_date();
                let (id, name) = (component.id.clone(), component.name.clone());
                components.push((id, name, start, *page));
            }
        }
    }
    // Each event once, through a history of its page: the latest version,
    // an open event measured until the last observation that saw it.
    for (event, until, page) in &pages.events {
        history.add_event(event, *until);
        for component in event.affected_components(*until) {
            if seen.insert(component.id.clone()) {
                components.push((component.id, component.name, None, *page));
            }
        }
    }

    // No data is neither up nor down: before a component's start date, and
    // outside what its page's observations cover (grey, and no 100%).
    let always = Coverage::always();
    let rows: Vec<ComponentBars> = components
        .iter()
        .map(|(id, name, start, page)| {
            let merged = history.merged(id);
            let covered = pages.coverage.get(*page).unwrap_or(&always).clone();
            let covered = match start.and_then(|day| days.window_of(day)) {
                Some(day) => covered.starting_at(day.start()),
                None => covered,
            };
            ComponentBars::from_coverage(name.as_str(), &merged, &covered, &days, rule)
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
        "wrote {}: {} components, {DAYS} days from {} to {} (calendar days in {zone}), as of {} ({}); uptime by the {rule} rule\n",
        out.display(),
        rows.len(),
        first.map_or_else(|| "-".to_owned(), |d| d.to_string()),
        local.date_naive(),
        as_of.to_rfc3339_opts(chrono::SecondsFormat::AutoSi, true),
        basis,
    );
    let table: String = rows
        .iter()
        .map(|row| {
            let uptime = row
                .uptime
                .map_or_else(|| "no data".to_owned(), |u| u.percentage().to_string());
            format!("  {uptime:>7}  {}\n", row.name)
        })
        .collect();
    if let Err(err) = common::stdout::write_stdout(&(summary + &table)) {
        eprintln!("{PROGRAM}: {err}");
        return ExitCode::FAILURE;
    }
    if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

/// The preset named `name`.
fn preset(name: &std::ffi::OsStr) -> Option<UptimePreset> {
    let name = name.to_str()?;
    UptimePreset::ALL
        .iter()
        .copied()
        .find(|preset| preset.as_str() == name)
}

fn usage_error(message: &str) -> ExitCode {
    eprintln!("{PROGRAM}: {message}\n{USAGE}");
    ExitCode::from(2)
}
