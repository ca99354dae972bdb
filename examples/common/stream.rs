//! `report --stream FILE`: the summary of a document of any size, read one
//! event at a time (`statuspage::stream_with`): memory holds one event and
//! three durations per incident, not the document. The summary is the whole
//! read's, and so is its JSON (the `"summary"` of `report --json`).

use std::ffi::OsStr;
use std::fs::File;
use std::io::{self, BufReader, Read};

use chrono::{DateTime, Utc};
use incident_model::formats::statuspage::{self, Document, Limits, StreamError, Streamed};
use incident_model::output::report::{self, AsOfBasis, SummaryTally};

use crate::common::input;
use crate::notes;

/// The summary of the document at `path` (`-`: standard input), as JSON or
/// as the report's summary table; `as_of` as given, or else the latest time in
/// the data, as the whole report chooses it.
pub fn summary(path: &OsStr, as_of: Option<DateTime<Utc>>, json: bool) -> Result<String, String> {
    let name = input::name(path);
    let reader: Box<dyn Read> = if path == "-" {
        Box::new(io::stdin().lock())
    } else {
        Box::new(File::open(path).map_err(|err| format!("{name}: cannot read: {err}"))?)
    };
    let tally =
        tally(BufReader::new(reader), &name, as_of).map_err(|err| format!("{name}: {err}"))?;
    if json {
        let json = serde_json::to_string_pretty(&tally).map_err(|err| err.to_string())?;
        return Ok(json + "\n");
    }
    Ok(format!("Read: {name} (streamed)\n{}", tally.summary()))
}

/// Every event of the stream counted, with its anomalies; the rest's events
/// and notes as the whole report adds them ([`notes::push_document`]).
fn tally(
    reader: impl Read,
    source: &str,
    as_of: Option<DateTime<Utc>>,
) -> Result<SummaryTally, StreamError> {
    // The stream holds one event at a time: any number of them.
    let mut limits = Limits::default();
    limits.max_events = usize::MAX;
    let mut tally = SummaryTally::new(as_of.unwrap_or(DateTime::UNIX_EPOCH), AsOfBasis::Given);
    let mut latest = DateTime::UNIX_EPOCH;
    for item in statuspage::stream_with(reader, &limits) {
        match item? {
            Streamed::Incident(record, anomalies) => {
                latest = latest.max(report::latest_time(&record.event));
                tally.push(&record.event, anomalies.len());
            }
            Streamed::Maintenance(record, anomalies) => {
                latest = latest.max(report::latest_time(&record.event));
                tally.push(&record.event, anomalies.len());
            }
            Streamed::Rest(document) => latest = latest.max(rest(&mut tally, &document, source)),
            _ => {}
        }
    }
    Ok(match as_of {
        Some(_) => tally,
        None => tally.with_as_of(latest, AsOfBasis::LatestInData),
    })
}

/// The rest of the document into `tally`; its latest time.
fn rest(tally: &mut SummaryTally, document: &Document, source: &str) -> DateTime<Utc> {
    let events = document.events_with_anomalies();
    for anomaly in events.document_wide {
        tally.push_note(notes::document_note(anomaly, source));
    }
    let page = document.page.as_ref().and_then(|page| page.updated_at);
    let mut latest = page.unwrap_or(DateTime::UNIX_EPOCH);
    for entry in events.events {
        latest = latest.max(report::latest_time(entry.event));
        tally.push(entry.event, entry.anomalies.len());
    }
    latest
}
