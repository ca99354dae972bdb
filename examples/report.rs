//! The main job: a report over any Statuspage export, or a document of any
//! other format the crate was built to read (`--features all-formats`:
//! history feeds, Google Cloud, Slack, incident.io, Cachet), detected from
//! its content.
//!
//! ```text
//! cargo run --example report                         # the embedded default
//! cargo run --example report -- PATH... | -          # any Statuspage shape (any format with its feature)
//! cargo run --example report -- --json [PATH...]     # one JSON document
//! cargo run --example report -- --text [PATH...]     # as the status page shows each incident
//! cargo run --example report -- --markdown [PATH...] # the same in Markdown
//! cargo run --example report -- --as-of 2020-04-02T16:00:00Z [PATH...]
//! cargo run --release --example report -- --stream FILE [--json]   # any size
//! ```
//!
//! Per incident or maintenance: id, name, status, impact, number of updates,
//! opened and resolved times, for an incident its time to identify / monitor
//! / resolve and for a maintenance how it went against its plan ("started 21s
//! late, finished 3m early"), regressions and reopens, affected components
//! with their worst status and weighted downtime (by the rule the header
//! names), and the anomalies the reader found; then a summary with
//! percentiles, and a section on the maintenances. Open events are measured until `--as-of`, or else the latest
//! time in the data (the header says which).
//!
//! The documents go through one history of each page: one row per (page,
//! event), the version from the latest observation (`--json` rows say
//! `page`, `observed_at` and `measured_until`), an open event measured until
//! the last observation that saw it, never past it, and an event that later
//! observations stopped listing flagged as stale.
//!
//! `--stream FILE` prints only the summary, of a file of any size read one
//! event at a time (memory: one event, and three durations per incident):
//! the same summary as the whole read's, and with `--json` the same JSON as
//! the `"summary"` of `--json`.
//!
//! A file that cannot be read is reported on standard error, naming it, and
//! the others are still reported; the exit status is then 1.

#[path = "common/mod.rs"]
mod common;
#[path = "common/history.rs"]
mod history;
#[path = "common/notes.rs"]
mod notes;
#[path = "common/stream.rs"]
mod stream;

use std::ffi::OsString;
use std::process::ExitCode;

use incident_model::output;
use incident_model::output::report::Report;

const PROGRAM: &str = "report";
const USAGE: &str = "usage: report [--json | --text | --markdown] [--as-of RFC3339] [PATH | -]... | [--json] [--as-of RFC3339] --stream FILE";

#[derive(Clone, Copy, PartialEq, Eq)]
enum Output {
    Table,
    Json,
    Text,
    Markdown,
}

struct Options {
    output: Output,
    as_of: Option<chrono::DateTime<chrono::Utc>>,
    paths: Vec<OsString>,
    /// `--stream FILE`.
    stream: Option<OsString>,
}

fn main() -> ExitCode {
    let parsed = parse_args(std::env::args_os().skip(1));
    let options = match common::input::options_or_exit(PROGRAM, USAGE, parsed) {
        Ok(options) => options,
        Err(code) => return code,
    };
    if let Some(path) = &options.stream {
        let json = options.output == Output::Json;
        let summary = stream::summary(path, options.as_of, json);
        return match summary.and_then(|text| common::stdout::write_stdout(&text)) {
            Ok(()) => ExitCode::SUCCESS,
            Err(err) => {
                eprintln!("{PROGRAM}: {err}");
                ExitCode::FAILURE
            }
        };
    }
    let (sources, failed) = common::read_sources(PROGRAM, &options.paths);
    let output = match options.output {
        Output::Table | Output::Json => report(&options, &sources),
        Output::Text | Output::Markdown => Ok(pages(options.output, &sources)),
    };
    let written = output.and_then(|text| common::stdout::write_stdout(&text));
    if let Err(err) = written {
        eprintln!("{PROGRAM}: {err}");
        return ExitCode::FAILURE;
    }
    if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

fn parse_args(args: impl Iterator<Item = OsString>) -> Result<Option<Options>, String> {
    let mut options = Options {
        output: Output::Table,
        as_of: None,
        paths: Vec::new(),
        stream: None,
    };
    let mut formats = 0;
    let mut args = args.peekable();
    while let Some(arg) = args.next() {
        match arg.to_str() {
            Some("-h" | "--help") => return Ok(None),
            Some(format @ ("--json" | "--text" | "--markdown")) => {
                formats += 1;
                options.output = match format {
                    "--json" => Output::Json,
                    "--text" => Output::Text,
                    _ => Output::Markdown,
                };
            }
            Some("--as-of") => {
                let value = args.next().ok_or("--as-of needs a time")?;
                options.as_of = Some(common::parse_as_of(&value)?);
            }
            Some("--stream") => options.stream = Some(args.next().ok_or("--stream needs a file")?),
            Some("--") => options.paths.extend(args.by_ref()),
            Some(other) if other.starts_with("--") => {
                return Err(format!("unknown option {other}"))
            }
            _ => options.paths.push(arg),
        }
    }
    if options.stream.is_some()
        && (!options.paths.is_empty()
            || options.output != Output::Table && options.output != Output::Json)
    {
        return Err("--stream FILE takes no other path, and --json only".to_owned());
    }
    if formats > 1 {
        return Err("choose one of --json, --text and --markdown".to_owned());
    }
    Ok(Some(options))
}

/// The report, as a table or as JSON, over every document read.
fn report(options: &Options, sources: &[common::Source]) -> Result<String, String> {
    if sources.is_empty() {
        // Every input failed (each is named above): no report "as of 1970".
        return Err("nothing to report: no input could be read".to_owned());
    }
    let (as_of, basis) = common::as_of(options.as_of, sources);
    let mut report = Report::new(as_of, basis);
    history::push_sources(&mut report, sources);
    if options.output == Output::Json {
        let json = serde_json::to_string_pretty(&report).map_err(|err| err.to_string())?;
        Ok(json + "\n")
    } else {
        let mut read = String::from("Read:");
        if sources.is_empty() {
            read.push_str(" nothing\n");
        }
        for source in sources {
            read.push_str("\n  ");
            read.push_str(&one_line(&source.name));
        }
        if !sources.is_empty() {
            read.push('\n');
        }
        Ok(format!("{read}{report}"))
    }
}

/// A path on one line of the header: control characters escaped (`\n`,
/// `\u{1b}`), so that no name forges a line or reaches the terminal; a path
/// with a comma stays one path, as each has its own line.
fn one_line(name: &str) -> String {
    name.chars()
        .map(|c| {
            if c.is_control() {
                c.escape_debug().to_string()
            } else {
                c.to_string()
            }
        })
        .collect()
}

/// Every incident and maintenance as its status page shows it, in the page's
/// time zone.
fn pages(output: Output, sources: &[common::Source]) -> String {
    let mut out = String::new();
    for source in sources {
        let zone = common::page_zone(PROGRAM, source);
        let pages = source.document.events().map(|event| match output {
            Output::Markdown => output::markdown(event, &zone),
            _ => output::text(event, &zone),
        });
        for page in pages {
            if !out.is_empty() {
                out.push_str(if output == Output::Markdown {
                    "\n---\n\n"
                } else {
                    "\n"
                });
            }
            out.push_str(&page);
        }
    }
    out
}
