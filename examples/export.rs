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
//! Files are read one at a time (twice without `--as-of`: once for the latest
//! time, once to export), and the rows go to the files in batches, so memory
//! stays bounded by the largest file. The `page` column is the document's
//! page id, else the file's name.
//!
//! A file that cannot be read is reported on standard error, naming it, and
//! the others are still exported; the exit status is then 1.

#[allow(dead_code)] // the export prints nothing to standard output
#[path = "common/mod.rs"]
mod common;

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
    let options = match parse_args(std::env::args_os().skip(1)) {
        Ok(Some(options)) => options,
        Ok(None) => {
            println!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        Err(err) => {
            eprintln!("{PROGRAM}: {err}\n{USAGE}");
            return ExitCode::from(2);
        }
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

/// The sources of `paths` (the embedded default when there is none), one at
/// a time: each is read when the iterator reaches it, and an unreadable one
/// is reported on standard error.
fn sources(paths: &[OsString]) -> Box<dyn Iterator<Item = (Vec<common::Source>, bool)> + '_> {
    if paths.is_empty() {
        return Box::new(std::iter::once(common::read_sources(PROGRAM, &[])));
    }
    Box::new(
        paths
            .iter()
            .map(|path| common::read_sources(PROGRAM, std::slice::from_ref(path))),
    )
}

/// The report's `as_of`, the latest time over every document, and the paths
/// that could be read (each unreadable one reported once, here).
fn latest_time(paths: &[OsString]) -> (DateTime<Utc>, Vec<OsString>, bool) {
    let (mut latest, mut readable, mut failed) = (DateTime::UNIX_EPOCH, Vec::new(), false);
    for (index, (read, source_failed)) in sources(paths).enumerate() {
        failed |= source_failed;
        if let (false, Some(path)) = (source_failed, paths.get(index)) {
            readable.push(path.clone());
        }
        for source in &read {
            latest = latest.max(common::as_of(None, std::slice::from_ref(source)).0);
        }
    }
    (latest, readable, failed)
}

// wired to issue 12 figures after merge
/// The page of a document: its `page.id`, else the name of its source
/// (DESIGN.md, "Observations"); when it was observed is not known here.
fn origin(source: &common::Source) -> Origin<'_> {
    let page = source
        .document
        .page
        .as_ref()
        .and_then(|page| page.id.as_deref());
    Origin::new(page.unwrap_or(&source.name))
}

/// Writes the three files; `Ok(true)` when some input could not be read.
fn export(options: &Options) -> Result<bool, String> {
    let (as_of, paths, mut failed) = match options.as_of {
        Some(given) => (given, options.paths.clone(), false),
        None => latest_time(&options.paths),
    };
    // Nothing could be read: empty files (the default is only for no paths).
    let paths = if paths.is_empty() && !options.paths.is_empty() {
        None
    } else {
        Some(paths)
    };
    std::fs::create_dir_all(&options.dir)
        .map_err(|err| format!("cannot create {}: {err}", options.dir.display()))?;
    let tables = Tables::new(as_of).map_err(|err| err.to_string())?;
    let mut files = ParquetTables::create(&options.dir, tables).map_err(|err| err.to_string())?;
    for (read, source_failed) in paths.iter().flat_map(|paths| sources(paths)) {
        failed |= source_failed;
        for source in &read {
            files
                .write_all(&origin(source), source.document.events())
                .map_err(|err| format!("{}: {err}", source.name))?;
        }
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
