//! The streaming read (`statuspage::stream`): the same events, anomalies,
//! errors and summary as the whole read, from any reader.
#![cfg(all(feature = "statuspage", feature = "generate"))]

use std::io::{self, Read};

use incident_model::formats::statuspage::{
    self, Anomaly, Document, IncidentRecord, Limits, MaintenanceRecord, StatuspageError,
    StreamError, Streamed,
};
use incident_model::generate::Generator;
use incident_model::output::report::{self, AsOfBasis, Note, Report, SummaryTally};

/// A reader that gives one byte per call: every buffer boundary is crossed.
struct ByteByByte<'a>(&'a [u8]);

impl Read for ByteByByte<'_> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        match (self.0.split_first(), buf.first_mut()) {
            (Some((&byte, rest)), Some(slot)) => {
                *slot = byte;
                self.0 = rest;
                Ok(1)
            }
            _ => Ok(0),
        }
    }
}

/// What a stream gives, gathered: the streamed events, every anomaly, the rest.
struct Streamed3 {
    incidents: Vec<IncidentRecord>,
    maintenances: Vec<MaintenanceRecord>,
    anomalies: Vec<Anomaly>,
    rest: Document,
    items: Vec<Streamed>,
}

fn gather(reader: impl Read, limits: &Limits) -> Result<Streamed3, StreamError> {
    let items: Vec<Streamed> = statuspage::stream_with(reader, limits).collect::<Result<_, _>>()?;
    let (mut incidents, mut maintenances, mut anomalies) = (Vec::new(), Vec::new(), Vec::new());
    let mut rest = None;
    for item in &items {
        anomalies.extend_from_slice(item.anomalies());
        match item {
            Streamed::Incident(record, _) => incidents.push(record.clone()),
            Streamed::Maintenance(record, _) => maintenances.push(record.clone()),
            Streamed::Rest(document) => rest = Some(document.clone()),
            _ => unreachable!("no other item"),
        }
    }
    assert!(
        matches!(items.last(), Some(Streamed::Rest(_))),
        "the rest comes last"
    );
    Ok(Streamed3 {
        incidents,
        maintenances,
        anomalies,
        rest: rest.expect("a rest"),
        items,
    })
}

fn sorted(anomalies: &[Anomaly]) -> Vec<String> {
    let mut all: Vec<String> = anomalies.iter().map(|a| format!("{a:?}")).collect();
    all.sort();
    all
}

fn whole_limits() -> Limits {
    let mut limits = Limits::default();
    limits.max_events = usize::MAX;
    limits
}

#[test]
fn streamed_events_and_anomalies_are_the_whole_reads() {
    let json = Generator::new(42).incidents(400).to_statuspage_json();
    let whole = statuspage::read(&json).unwrap();
    for streamed in [
        gather(json.as_bytes(), &whole_limits()).unwrap(),
        gather(ByteByByte(json.as_bytes()), &whole_limits()).unwrap(),
    ] {
        assert_eq!(streamed.incidents, whole.incidents);
        assert_eq!(streamed.maintenances, whole.maintenances);
        assert_eq!(sorted(&streamed.anomalies), sorted(&whole.anomalies));
        assert_eq!(streamed.items.len(), 401);
        assert_eq!(streamed.rest.shape, whole.shape);
        assert_eq!(streamed.rest.page, whole.page);
        assert!(streamed.rest.incidents.is_empty());
    }
}

/// The report's summary of the whole read (events with the anomalies that
/// name them, the others as notes) against a tally of the stream.
#[test]
fn streamed_summary_is_the_whole_documents_summary() {
    let json = Generator::new(7).incidents(600).to_statuspage_json();
    let whole = statuspage::read(&json).unwrap();
    let as_of = whole.events().map(report::latest_time).max().unwrap();
    let mut report = Report::new(as_of, AsOfBasis::LatestInData);
    let events = whole.events_with_anomalies();
    for anomaly in events.document_wide {
        report.push_note(Note::new(anomaly.kind.as_str(), anomaly.detail.clone()));
    }
    for entry in events.events {
        let notes = entry
            .anomalies
            .iter()
            .map(|a| Note::new(a.kind.as_str(), a.detail.clone()));
        report.push(entry.event, notes);
    }
    let mut tally = SummaryTally::new(as_of, AsOfBasis::LatestInData);
    for item in statuspage::stream_with(json.as_bytes(), &whole_limits()) {
        match item.unwrap() {
            Streamed::Incident(record, anomalies) => tally.push(&record.event, anomalies.len()),
            Streamed::Maintenance(record, anomalies) => tally.push(&record.event, anomalies.len()),
            Streamed::Rest(rest) => {
                for anomaly in &rest.anomalies {
                    tally.push_note(Note::new(anomaly.kind.as_str(), anomaly.detail.clone()));
                }
            }
            _ => unreachable!("no other item"),
        }
    }
    assert_eq!(tally.summary(), report.summary());
    assert!(report.summary().incidents > 500);
    let whole_json = serde_json::to_value(&report).unwrap();
    assert_eq!(serde_json::to_value(&tally).unwrap(), whole_json["summary"]);
}

fn whole_error(json: &str, limits: &Limits) -> StatuspageError {
    statuspage::read_with(json, limits).unwrap_err()
}

fn stream_error(json: &str, limits: &Limits) -> StatuspageError {
    match gather(ByteByByte(json.as_bytes()), limits) {
        Err(StreamError::Statuspage(err)) => err,
        Err(err) => panic!("not a document error: {err}"),
        Ok(_) => panic!("no error"),
    }
}

#[test]
fn a_syntax_error_is_placed_in_the_whole_input() {
    let json = Generator::new(3).incidents(20).to_statuspage_json();
    let value: serde_json::Value = serde_json::from_str(&json).unwrap();
    let pretty = serde_json::to_string_pretty(&value).unwrap();
    for text in [json, pretty] {
        // A status that is a number, in the tenth incident; then a broken token.
        let at = text.match_indices("\"status\"").nth(30).unwrap().0;
        let bad = format!("{}\"status\": 7, \"x\"{}", &text[..at], &text[at..]);
        let limits = whole_limits();
        assert_eq!(stream_error(&bad, &limits), whole_error(&bad, &limits));
        let broken = format!("{}tru,{}", &text[..at], &text[at..]);
        let err = stream_error(&broken, &limits);
        assert!(matches!(err, StatuspageError::Syntax(_)), "{err}");
        assert_eq!(err, whole_error(&broken, &limits));
    }
}

#[test]
fn the_limits_of_an_event_are_the_whole_reads() {
    let json = Generator::new(5).incidents(50).to_statuspage_json();
    let mut limits = whole_limits();
    limits.max_updates_per_event = 3;
    assert_eq!(stream_error(&json, &limits), whole_error(&json, &limits));
    let mut limits = whole_limits();
    limits.max_events = 10;
    let err = stream_error(&json, &limits);
    assert!(
        matches!(
            err,
            StatuspageError::LimitExceeded {
                found: 11,
                max: 10,
                ..
            }
        ),
        "{err}"
    );
    let mut limits = whole_limits();
    limits.max_input_bytes = 2_000; // smaller than an event
    let err = stream_error(&json, &limits);
    assert!(
        matches!(err, StatuspageError::LimitExceeded { .. }),
        "{err}"
    );
}

#[test]
fn every_shape_streams_as_it_reads() {
    let incident = r#"{"id": "x9mb3wh2r6nr", "name": "API errors", "status": "resolved",
      "impact": "minor", "created_at": "2020-03-16T14:00:00Z", "components": [],
      "incident_updates": [{"id": "0167m21nd0h1", "status": "resolved", "body": "Fixed.",
        "created_at": "2020-03-16T15:00:00-04:00", "display_at": "2020-03-16T15:00:00Z"}]}"#;
    let documents = [
        format!("[{incident}, {incident}]"),
        format!(
            r#"{{"incidents": [{incident}], "page": {{"id": "p", "updated_at": "2020-03-16T13:00:00Z"}}, "x": [1, {{"a": "]"}}]}}"#
        ),
        format!(
            r#"{{"page": {{"id": "p", "updated_at": "2020-03-16T13:00:00Z"}}, "incidents": [{incident}]}}"#
        ),
        format!(
            r#"{{"status": {{"indicator": "none"}}, "components": [], "scheduled_maintenances": [], "incidents": [{incident}]}}"#
        ),
        format!(r#"{{"incident": {incident}}}"#),
        incident.to_owned(),
        "[]".to_owned(),
    ];
    for json in &documents {
        let whole = statuspage::read(json).unwrap();
        let streamed = gather(ByteByByte(json.as_bytes()), &whole_limits()).unwrap();
        let mut incidents = streamed.incidents.clone();
        incidents.extend(streamed.rest.incidents.iter().cloned());
        assert_eq!(incidents, whole.incidents, "{json}");
        assert_eq!(streamed.rest.shape, whole.shape, "{json}");
        assert_eq!(streamed.rest.other, whole.other, "{json}");
        // The page after the incidents: its `updated_at` is not checked against them.
        if !json.contains(r#"[{"id": "x9mb3wh2r6nr", "name": "API errors", "status": "resolved",
      "impact": "minor", "created_at": "2020-03-16T14:00:00Z", "components": [],
      "incident_updates": [{"id": "0167m21nd0h1", "status": "resolved", "body": "Fixed.",
        "created_at": "2020-03-16T15:00:00-04:00", "display_at": "2020-03-16T15:00:00Z"}]}], "page""#) {
            assert_eq!(sorted(&streamed.anomalies), sorted(&whole.anomalies), "{json}");
        }
    }
    for bad in [
        "",
        "{",
        "[1",
        r#"{"incidents": [] "#,
        "[] x",
        r#"{"incidents": [], "incident": {}}"#,
        "7",
    ] {
        let whole = statuspage::read(bad).unwrap_err();
        let streamed = stream_error(bad, &whole_limits());
        assert_eq!(
            std::mem::discriminant(&streamed),
            std::mem::discriminant(&whole),
            "{bad:?}: {streamed} / {whole}"
        );
    }
}

#[test]
fn a_failing_reader_is_an_io_error() {
    struct Failing;
    impl Read for Failing {
        fn read(&mut self, _: &mut [u8]) -> io::Result<usize> {
            Err(io::Error::other("disk on fire"))
        }
    }
    let mut items = statuspage::stream(Failing);
    assert!(matches!(items.next(), Some(Err(StreamError::Io(_)))));
    assert!(items.next().is_none());
}
