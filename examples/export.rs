//! Tables for analytical engines: every event of any input the report reads,
//! as three Parquet files.
//!
//! ```text
//! cargo run --release --features parquet --example export -- --parquet DIR [--as-of RFC3339] [PATH | -]...
//! ```
//!
//! writes `DIR/events.parquet`, `DIR/updates.parquet` and
//! `DIR/component_intervals.parquet` (schemas: `incident_model::formats::arrow`)
//! for the Statuspage documents given, or the embedded default the report uses
//! when there is none. Open events are measured until `--as-of`, or else the
//! latest time in the data, as the report does, so the figures equal the
//! report's `--json` figures for the same files.
//!
//! The documents go through one history of each page, as the report's do:
//! one row per (page, event), the version from the latest observation, an
//! open event measured until the last observation that saw it, never past it.
//! The `page` column is the document's page id, else the file's name, and
//! `observed_at` the time of the observation the row's version comes from.
//! The rows go to the files in batches (the library's `ParquetTables`
//! streams); this example holds the histories in memory, as the report does.
//!
//! A file that cannot be read is reported on standard error, naming it, and
//! the others are still exported; the exit status is then 1.

#[allow(dead_code)] // the export prints nothing to standard output
#[path = "common/mod.rs"]
mod common;
#[allow(dead_code)] // the export uses the histories, not the report's rows
#[path = "common/history.rs"]
mod history;
#[allow(dead_code)]
#[path = "common/notes.rs"]
mod notes;

use std::ffi::OsString;
use std::path::PathBuf;
use std::process::ExitCode;

use chrono::{DateTime, Utc};
use incident_model::formats::arrow::parquet::ParquetTables;
use incident_model::formats::arrow::{Origin, Tables};

const PROGRAM: &str = "export";
const USAGE: &str = "usage: export --parquet DIR [--as-of RFC3339] [PATH | -]...";

struct Options {
    dir: PathBuf,
    as_of: Option<DateTime<Utc>>,
    paths: Vec<OsString>,
}

fn main() -> ExitCode {
    let parsed = parse_args(std::env::args_os().skip(1));
    let options = match common::input::options_or_exit(PROGRAM, USAGE, parsed) {
        Ok(options) => options,
        Err(code) => return code,
    };
    match export(&options) {
        Ok(false) => ExitCode::SUCCESS,
        Ok(true) => ExitCode::FAILURE,
        Err(err) => {
            eprintln!("{PROGRAM}: {err}");
            ExitCode::FAILURE
        }
    }
}

fn parse_args(args: impl Iterator<Item = OsString>) -> Result<Option<Options>, String> {
    let (mut dir, mut as_of, mut paths) = (None, None, Vec::new());
    let mut args = args.peekable();
    while let Some(arg) = args.next() {
        match arg.to_str() {
            Some("-h" | "--help") => return Ok(None),
            Some("--parquet") => {
                dir = Some(PathBuf::from(
                    args.next().ok_or("--parquet needs a folder")?,
                ))
            }
            Some("--as-of") => {
                let value = args.next().ok_or("--as-of needs a time")?;
                as_of = Some(common::parse_as_of(&value)?);
            }
            Some("--") => paths.extend(args.by_ref()),
            Some(other) if other.starts_with("--") => {
                return Err(format!("unknown option {other}"))
            }
            _ => paths.push(arg),
        }
    }
    let dir = dir.ok_or("--parquet DIR is required")?;
    Ok(Some(Options { dir, as_of, paths }))
}

/// Writes the three files; `Ok(true)` when some input could not be read.
fn export(options: &Options) -> Result<bool, String> {
    let (sources, failed) = common::read_sources(PROGRAM, &options.paths);
    let (as_of, _) = common::as_of(options.as_of, &sources);
    std::fs::create_dir_all(&options.dir)
        .map_err(|err| format!("cannot create {}: {err}", options.dir.display()))?;
    let tables = Tables::new(as_of).map_err(|err| err.to_string())?;
    let mut files = ParquetTables::create(&options.dir, tables).map_err(|err| err.to_string())?;
    let (histories, _, unobserved) = history::histories(&sources);
    for (page, history) in &histories {
        for tracked in history.events() {
            let origin = Origin::new(page.as_str())
                .observed(tracked.observed_at())
                .measured_until(tracked.measured_until());
            files
                .push(&origin, tracked.event())
                .map_err(|err| format!("{page}: {err}"))?;
        }
    }
    // A document that holds no time: its events as they are.
    for source in unobserved.iter().filter_map(|i| sources.get(*i)) {
        let page = source.document.page.as_ref().and_then(|p| p.id.as_deref());
        files
            .write_all(
                &Origin::new(page.unwrap_or(&source.name)),
                source.document.events(),
            )
            .map_err(|err| format!("{}: {err}", source.name))?;
    }
    let written = files.finish().map_err(|err| err.to_string())?;
    let rows = written.rows;
    eprintln!(
        "{PROGRAM}: {} events, {} updates, {} component intervals as of {} in {}",
        rows.events,
        rows.updates,
        rows.component_intervals,
        as_of.to_rfc3339_opts(chrono::SecondsFormat::AutoSi, true),
        options.dir.display()
    );
    Ok(failed)
}
