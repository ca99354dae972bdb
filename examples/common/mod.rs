//! What the examples share: reading documents of any format the crate was
//! built to read (Statuspage JSON always; feeds, Google Cloud, Slack,
//! incident.io and Cachet with their features) from paths, standard input or
//! the embedded default, and choosing `as_of`.

pub mod input;
pub mod stdout;

use std::ffi::{OsStr, OsString};

use chrono::{DateTime, Utc};
use incident_model::formats::statuspage::{self, Document};
use incident_model::output::report::AsOfBasis;

/// The embedded default: a Statuspage summary.json-shaped export written for
/// this crate.
pub const DEFAULT_EXPORT: &str = include_str!("../data/status-export.json");
/// How the embedded default is named in messages.
pub const DEFAULT_NAME: &str = "embedded default (examples/data/status-export.json)";

/// One document read, with the name of its source.
pub struct Source {
    pub name: String,
    pub document: Document,
}

/// Reads every path (`-` for standard input), or the embedded default when
/// there is none. A source that cannot be read (or is over the reader's input
/// limit, [`statuspage::Limits::max_input_bytes`]: refused after reading one
/// byte more) is reported on standard error, naming it, and skipped; the
/// second value says whether any failed.
pub fn read_sources(program: &str, paths: &[OsString]) -> (Vec<Source>, bool) {
    let mut sources = Vec::new();
    let mut failed = false;
    if paths.is_empty() {
        match statuspage::read(DEFAULT_EXPORT) {
            Ok(document) => sources.push(Source {
                name: DEFAULT_NAME.to_owned(),
                document,
            }),
            Err(err) => {
                eprintln!("{program}: {DEFAULT_NAME}: {err}");
                failed = true;
            }
        }
    }
    let limit = statuspage::Limits::default().max_input_bytes;
    for path in paths {
        let name = input::name(path);
        let text = match input::read_text(path, limit) {
            Ok(text) => text,
            Err(err) => {
                eprintln!("{program}: {name}: {err}");
                failed = true;
                continue;
            }
        };
        match input::read_document(&text) {
            Ok((document, _)) => sources.push(Source { name, document }),
            Err(err) => {
                eprintln!("{program}: {name}: {err}");
                failed = true;
            }
        }
    }
    (sources, failed)
}

/// `as_of` as given, or else the latest time in the documents: each page's
/// `updated_at` and every time an event carries ([`Document::latest_time`]);
/// the Unix epoch when there is nothing at all.
pub fn as_of(given: Option<DateTime<Utc>>, sources: &[Source]) -> (DateTime<Utc>, AsOfBasis) {
    if let Some(given) = given {
        return (given, AsOfBasis::Given);
    }
    let latest = sources
        .iter()
        .filter_map(|source| source.document.latest_time())
        .max()
        .unwrap_or(DateTime::UNIX_EPOCH);
    (latest, AsOfBasis::LatestInData)
}

/// Parses an `--as-of` value: RFC 3339 with any offset.
pub fn parse_as_of(value: &OsStr) -> Result<DateTime<Utc>, String> {
    let expected = "expected an RFC 3339 time such as 2020-04-02T16:00:00Z";
    let Some(text) = value.to_str() else {
        return Err(format!("--as-of {:?}: {expected}", value.to_string_lossy()));
    };
    DateTime::parse_from_rfc3339(text)
        .map(|at| at.with_timezone(&Utc))
        .map_err(|err| format!("--as-of {text:?}: {expected} ({err})"))
}

/// The page's IANA time zone, or UTC when the document gives none or an unknown
/// one (said on standard error).
pub fn page_zone(program: &str, source: &Source) -> chrono_tz::Tz {
    let name = source
        .document
        .page
        .as_ref()
        .and_then(|page| page.time_zone.as_deref());
    match name.map(incident_model::output::page_zone) {
        Some(Ok(zone)) => zone,
        Some(Err(err)) => {
            eprintln!("{program}: {}: {err}; times are shown in UTC", source.name);
            chrono_tz::UTC
        }
        None => chrono_tz::UTC,
    }
}
