//! The Parquet files (feature `parquet`): read back with the `parquet` crate,
//! they hold every event, update and interval with its values, whatever the
//! batch size.
#![cfg(feature = "parquet")]

use std::fs::File;
use std::path::{Path, PathBuf};

use arrow_array::cast::AsArray;
use arrow_array::types::{Int8Type, TimestampMicrosecondType};
use arrow_array::{Array, RecordBatch};
use arrow_schema::DataType;
use chrono::{TimeZone, Utc};
use incident_model::formats::arrow::parquet::{ParquetExportError, ParquetTables};
use incident_model::formats::arrow::{Origin, TableBatches, Tables};
use incident_model::formats::statuspage;
use incident_model::AnyEvent;
use parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder;

const DEFAULT_EXPORT: &str = include_str!("../examples/data/status-export.json");
const MAINTENANCES: &str = include_str!("fixtures/statuspage/scheduled_maintenances.json");
const INCIDENTS: &str = include_str!("fixtures/statuspage/incidents_pre2019.json");

/// Every event of the fixtures, each with its page.
fn events() -> Vec<(String, AnyEvent)> {
    let mut events = Vec::new();
    for (page, text) in [
        ("tm", DEFAULT_EXPORT),
        ("maint", MAINTENANCES),
        ("old", INCIDENTS),
    ] {
        let document = statuspage::read(text).unwrap();
        events.extend(
            document
                .events()
                .map(|event| (page.to_owned(), event.to_owned_event())),
        );
    }
    events
}

trait ToOwnedEvent {
    fn to_owned_event(self) -> AnyEvent;
}

impl ToOwnedEvent for incident_model::AnyEventRef<'_> {
    fn to_owned_event(self) -> AnyEvent {
        match (self.as_incident(), self.as_maintenance()) {
            (Some(incident), _) => incident.clone().into(),
            (_, Some(maintenance)) => maintenance.clone().into(),
            _ => unreachable!(),
        }
    }
}

fn as_of() -> chrono::DateTime<Utc> {
    Utc.with_ymd_and_hms(2020, 4, 2, 16, 0, 0).unwrap()
}

/// The tables built in memory, in one batch each.
fn in_memory(events: &[(String, AnyEvent)]) -> TableBatches {
    let mut tables = Tables::new(as_of()).unwrap();
    for (page, event) in events {
        tables.push(&Origin::new(page), event).unwrap();
    }
    tables.finish().unwrap()
}

fn folder(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Every row of a file, each cell as text.
fn read_back(path: &Path) -> (Vec<RecordBatch>, Vec<Vec<String>>) {
    let reader = ParquetRecordBatchReaderBuilder::try_new(File::open(path).unwrap())
        .unwrap()
        .with_batch_size(7)
        .build()
        .unwrap();
    let batches: Vec<RecordBatch> = reader.map(Result::unwrap).collect();
    let rows = batches.iter().flat_map(rows).collect();
    (batches, rows)
}

fn rows(batch: &RecordBatch) -> Vec<Vec<String>> {
    (0..batch.num_rows())
        .map(|row| {
            batch
                .columns()
                .iter()
                .map(|column| cell(column.as_ref(), row))
                .collect()
        })
        .collect()
}

fn cell(column: &dyn Array, row: usize) -> String {
    if column.is_null(row) {
        return "null".to_owned();
    }
    match column.data_type() {
        DataType::Utf8 => column.as_string::<i32>().value(row).to_owned(),
        DataType::Int64 => column
            .as_primitive::<arrow_array::types::Int64Type>()
            .value(row)
            .to_string(),
        DataType::Float64 => column
            .as_primitive::<arrow_array::types::Float64Type>()
            .value(row)
            .to_string(),
        DataType::Timestamp(_, _) => {
            let micros = column.as_primitive::<TimestampMicrosecondType>().value(row);
            chrono::DateTime::from_timestamp_micros(micros)
                .unwrap()
                .to_rfc3339()
        }
        DataType::Dictionary(_, _) => {
            let dictionary = column.as_dictionary::<Int8Type>();
            let key = usize::try_from(dictionary.keys().value(row)).unwrap();
            dictionary.values().as_string::<i32>().value(key).to_owned()
        }
        DataType::Map(_, _) => {
            let entry = column.as_map().value(row);
            let (keys, values) = (entry.column(0), entry.column(1));
            (0..entry.len())
                .map(|i| format!("{}={}", cell(keys, i), cell(values, i)))
                .collect::<Vec<_>>()
                .join(";")
        }
        other => panic!("unexpected column type {other}"),
    }
}

fn export(dir: &Path, events: &[(String, AnyEvent)], batch_events: usize) {
    let tables = Tables::new(as_of()).unwrap();
    let mut files = ParquetTables::create(dir, tables)
        .unwrap()
        .with_batch_events(batch_events);
    for (page, event) in events {
        files.push(&Origin::new(page), event).unwrap();
    }
    let written = files.finish().unwrap();
    assert_eq!(written.rows.events, events.len());
}

#[test]
fn the_files_hold_every_row_with_its_values() {
    let events = events();
    let expected = in_memory(&events);
    assert_eq!(expected.events.num_rows(), 7);
    assert!(expected.component_intervals.num_rows() > 5);
    for batch_events in [1, 3, 10_000] {
        let dir = folder(&format!("parquet-{batch_events}"));
        export(&dir, &events, batch_events);
        for (file, batch) in [
            ("events.parquet", &expected.events),
            ("updates.parquet", &expected.updates),
            ("component_intervals.parquet", &expected.component_intervals),
        ] {
            let (batches, rows_read) = read_back(&dir.join(file));
            assert_eq!(
                rows_read,
                rows(batch),
                "{file}, {batch_events} events a batch"
            );
            // The Arrow schema comes back as written: dictionaries and UTC timestamps.
            assert_eq!(
                batches[0].schema().fields(),
                batch.schema().fields(),
                "{file}"
            );
        }
    }
}

#[test]
fn the_files_name_each_event_once() {
    let events = events();
    let dir = folder("parquet-ids");
    export(&dir, &events, 2);
    let (_, rows_read) = read_back(&dir.join("events.parquet"));
    let read: Vec<(&str, &str)> = rows_read
        .iter()
        .map(|row| (row[0].as_str(), row[2].as_str()))
        .collect();
    let written: Vec<(&str, &str)> = events
        .iter()
        .map(|(page, e)| (page.as_str(), e.id().as_str()))
        .collect();
    assert_eq!(read, written);
    // Spot values: the 16 March incident's time to resolve, 7h 23m.
    let row = rows_read
        .iter()
        .find(|row| row[2] == "tm20200316ab")
        .unwrap();
    let column = |name: &str| {
        let schema = incident_model::formats::arrow::events_schema();
        schema.index_of(name).unwrap()
    };
    assert_eq!(
        row[column("time_to_resolve_s")],
        (7 * 3600 + 23 * 60).to_string()
    );
    assert_eq!(row[5], "postmortem");
}

#[test]
fn an_empty_export_writes_files_with_the_schema() {
    let dir = folder("parquet-empty");
    export(&dir, &[], 5);
    let reader =
        ParquetRecordBatchReaderBuilder::try_new(File::open(dir.join("updates.parquet")).unwrap())
            .unwrap();
    assert_eq!(reader.schema().fields().len(), 8);
    assert_eq!(reader.metadata().file_metadata().num_rows(), 0);
}

#[test]
fn a_missing_folder_is_named() {
    let missing = folder("parquet-missing").join("nonexistent");
    let error = ParquetTables::create(&missing, Tables::new(as_of()).unwrap()).unwrap_err();
    assert!(matches!(error, ParquetExportError::Create { .. }));
    assert_eq!(
        error.to_string(),
        format!(
            "cannot create {}: No such file or directory (os error 2)",
            missing.join("events.parquet").display()
        )
    );
}

/// The writers move between threads; they are not `Sync` (the `parquet`
/// crate's writer is not), which a writer taking `&mut self` does not need.
#[test]
fn the_writers_are_send() {
    fn send<T: Send>() {}
    fn send_sync<T: Send + Sync>() {}
    send::<ParquetTables<File>>();
    send_sync::<ParquetExportError>();
}

/// Many batches of generated events (incidents and maintenances): every row
/// arrives, in order, whatever the batch size.
#[test]
fn a_generated_export_streams_in_batches() {
    let generator = incident_model::generate::Generator::new(18)
        .incidents(2_000)
        .components(12);
    let incidents = generator.to_incidents();
    let maintenances = generator.to_maintenances();
    let dir = folder("parquet-generated");
    let tables = Tables::new(as_of()).unwrap();
    let mut files = ParquetTables::create(&dir, tables)
        .unwrap()
        .with_batch_events(128);
    files
        .write_all(&Origin::new("generated"), &incidents)
        .unwrap();
    files
        .write_all(&Origin::new("generated"), &maintenances)
        .unwrap();
    let written = files.finish().unwrap();
    assert_eq!(written.rows.events, incidents.len() + maintenances.len());
    let updates: usize = incidents.iter().map(|e| e.updates().len()).sum::<usize>()
        + maintenances
            .iter()
            .map(|e| e.updates().len())
            .sum::<usize>();
    assert_eq!(written.rows.updates, updates);
    let (_, events) = read_back(&dir.join("events.parquet"));
    let ids: Vec<&str> = events.iter().map(|row| row[2].as_str()).collect();
    let expected: Vec<&str> = incidents
        .iter()
        .map(|e| e.id().as_str())
        .chain(maintenances.iter().map(|e| e.id().as_str()))
        .collect();
    assert_eq!(ids, expected);
    let (_, updates_read) = read_back(&dir.join("updates.parquet"));
    assert_eq!(updates_read.len(), updates);
    let (_, intervals) = read_back(&dir.join("component_intervals.parquet"));
    assert_eq!(intervals.len(), written.rows.component_intervals);
    assert!(written.rows.component_intervals > 1_000);
}
