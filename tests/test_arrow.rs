//! The Arrow tables (feature `arrow`): every event, update and interval, with
//! the model's values, in a stable schema.
#![cfg(feature = "arrow")]

use arrow_array::cast::AsArray;
use arrow_array::types::{Int8Type, TimestampMicrosecondType};
use arrow_array::{Array, Float64Array, Int64Array, RecordBatch, StringArray};
use arrow_schema::{DataType, TimeUnit};
use chrono::{DateTime, Duration, TimeZone, Utc};
use incident_model::formats::arrow::{self, Origin, Tables};
use incident_model::formats::statuspage;
use incident_model::output::report::Row;
use incident_model::{
    ComponentChange, ComponentId, ComponentStatus::*, Incident, IncidentStatus, Maintenance,
    MaintenanceStatus, Schedule, Update, Weights,
};

const DEFAULT_EXPORT: &str = include_str!("../examples/data/status-export.json");

fn at(d: u32, h: u32, m: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2020, 3, d, h, m, 0).unwrap()
}

#[track_caller]
fn text<'a>(batch: &'a RecordBatch, column: &str) -> &'a StringArray {
    batch.column_by_name(column).unwrap().as_string::<i32>()
}

#[track_caller]
fn int(batch: &RecordBatch, column: &str) -> Vec<Option<i64>> {
    let array: &Int64Array = batch.column_by_name(column).unwrap().as_primitive();
    array.iter().collect()
}

#[track_caller]
fn float(batch: &RecordBatch, column: &str) -> Vec<f64> {
    let array: &Float64Array = batch.column_by_name(column).unwrap().as_primitive();
    array.values().to_vec()
}

#[track_caller]
fn times(batch: &RecordBatch, column: &str) -> Vec<Option<DateTime<Utc>>> {
    let array = batch
        .column_by_name(column)
        .unwrap()
        .as_primitive::<TimestampMicrosecondType>();
    array
        .iter()
        .map(|v| v.map(|micros| DateTime::from_timestamp_micros(micros).unwrap()))
        .collect()
}

#[track_caller]
fn category(batch: &RecordBatch, column: &str) -> Vec<String> {
    let array = batch
        .column_by_name(column)
        .unwrap()
        .as_dictionary::<Int8Type>();
    let values = array.values().as_string::<i32>();
    array
        .keys()
        .iter()
        .map(|key| {
            values
                .value(usize::try_from(key.unwrap()).unwrap())
                .to_owned()
        })
        .collect()
}

fn names(batch: &RecordBatch) -> Vec<String> {
    batch
        .schema()
        .fields()
        .iter()
        .map(|f| f.name().clone())
        .collect()
}

/// An incident with a partial then major outage of the API, and a declared start.
fn incident() -> Incident {
    let api = ComponentId::new("api").unwrap();
    let change = |old, new| ComponentChange::new(api.clone(), "API", old, new);
    Incident::builder("Slow page loads")
        .id("tm-1".parse().unwrap())
        .label("team", "api")
        .label("severity", "sev2")
        .started_at(at(16, 9, 40))
        .declared_end(at(16, 12, 55))
        .update(
            Update::new(IncidentStatus::Investigating, at(16, 10, 0))
                .with_id("u1".parse().unwrap())
                .with_body("Looking.")
                .with_change(change(Operational, PartialOutage)),
        )
        .update(
            Update::new(IncidentStatus::Identified, at(16, 11, 0))
                .with_id("u2".parse().unwrap())
                .with_change(change(PartialOutage, MajorOutage)),
        )
        .update(
            Update::new(IncidentStatus::Monitoring, at(16, 12, 0)).with_id("u3".parse().unwrap()),
        )
        .update(
            Update::new(IncidentStatus::Resolved, at(16, 13, 0))
                .with_id("u4".parse().unwrap())
                .with_change(change(MajorOutage, Operational)),
        )
        .build()
        .unwrap()
}

/// Planned 9:00-11:00; started 9:05, verifying 10:30, completed 10:50.
fn maintenance() -> Maintenance {
    Maintenance::builder("Database upgrade")
        .id("mt-1".parse().unwrap())
        .scheduled(Schedule::new(at(17, 9, 0), at(17, 11, 0)))
        .update(
            Update::new(MaintenanceStatus::Scheduled, at(10, 8, 0)).with_id("m1".parse().unwrap()),
        )
        .update(
            Update::new(MaintenanceStatus::InProgress, at(17, 9, 5)).with_id("m2".parse().unwrap()),
        )
        .update(
            Update::new(MaintenanceStatus::Verifying, at(17, 10, 30))
                .with_id("m3".parse().unwrap()),
        )
        .update(
            Update::new(MaintenanceStatus::Completed, at(17, 10, 50))
                .with_id("m4".parse().unwrap()),
        )
        .build()
        .unwrap()
}

fn tables() -> arrow::TableBatches {
    let mut tables = Tables::new(at(31, 0, 0)).unwrap();
    let observed = at(31, 0, 0);
    tables
        .push(&Origin::new("tm").observed(observed), &incident())
        .unwrap();
    tables.push(&Origin::new("tm"), &maintenance()).unwrap();
    tables.finish().unwrap()
}

#[test]
fn the_schemas_are_the_documented_ones() {
    let events: Vec<String> = arrow::events_schema()
        .fields()
        .iter()
        .map(|f| f.name().clone())
        .collect();
    assert_eq!(
        events,
        [
            "page",
            "observed_at",
            "id",
            "kind",
            "name",
            "status",
            "impact",
            "created_at",
            "declared_start_at",
            "declared_end_at",
            "opened_at",
            "identified_at",
            "monitoring_at",
            "resolved_at",
            "measured_until",
            "time_to_identify_s",
            "time_to_monitor_s",
            "time_to_resolve_s",
            "regressions",
            "reopens",
            "updates",
            "scheduled_for",
            "scheduled_until",
            "started_at",
            "verifying_at",
            "completed_at",
            "start_delay_s",
            "overrun_s",
            "duration_s",
            "labels",
        ]
    );
    let updates: Vec<String> = arrow::updates_schema()
        .fields()
        .iter()
        .map(|f| f.name().clone())
        .collect();
    assert_eq!(
        updates,
        [
            "page",
            "event_id",
            "update_id",
            "position",
            "status",
            "display_at",
            "created_at",
            "body"
        ]
    );
    let intervals: Vec<String> = arrow::component_intervals_schema()
        .fields()
        .iter()
        .map(|f| f.name().clone())
        .collect();
    assert_eq!(
        intervals,
        [
            "page",
            "event_id",
            "kind",
            "component_id",
            "component_name",
            "status",
            "since",
            "until",
            "weight",
            "weighted_downtime_s",
        ]
    );
    let schema = arrow::events_schema();
    let utc_micros = DataType::Timestamp(TimeUnit::Microsecond, Some("UTC".into()));
    assert_eq!(
        schema.field_with_name("opened_at").unwrap().data_type(),
        &utc_micros
    );
    assert_eq!(
        schema.field_with_name("status").unwrap().data_type(),
        &DataType::Dictionary(Box::new(DataType::Int8), Box::new(DataType::Utf8))
    );
    assert_eq!(
        schema
            .field_with_name("time_to_resolve_s")
            .unwrap()
            .data_type(),
        &DataType::Int64
    );
}

#[test]
fn events_hold_the_milestones_and_durations_of_their_kind() {
    let batches = tables();
    let events = &batches.events;
    assert_eq!(names(events).len(), 30);
    assert_eq!(events.num_rows(), 2);
    assert_eq!(
        text(events, "page").iter().collect::<Vec<_>>(),
        [Some("tm"), Some("tm")]
    );
    assert_eq!(times(events, "observed_at"), [Some(at(31, 0, 0)), None]);
    assert_eq!(text(events, "id").value(0), "tm-1");
    assert_eq!(category(events, "kind"), ["incident", "maintenance"]);
    assert_eq!(text(events, "name").value(1), "Database upgrade");
    assert_eq!(category(events, "status"), ["resolved", "completed"]);
    // Calculated from the worst component status, major outage.
    assert_eq!(category(events, "impact"), ["critical", "maintenance"]);
    assert_eq!(
        times(events, "declared_end_at"),
        [Some(at(16, 12, 55)), None]
    );
    assert_eq!(
        times(events, "declared_start_at"),
        [Some(at(16, 9, 40)), None]
    );
    assert_eq!(times(events, "opened_at")[0], Some(at(16, 9, 40)));
    assert_eq!(times(events, "identified_at"), [Some(at(16, 11, 0)), None]);
    assert_eq!(times(events, "monitoring_at"), [Some(at(16, 12, 0)), None]);
    assert_eq!(
        times(events, "resolved_at"),
        [Some(at(16, 13, 0)), Some(at(17, 10, 50))]
    );
    assert_eq!(
        times(events, "measured_until"),
        [Some(at(16, 13, 0)), Some(at(17, 10, 50))]
    );
    // Opened 9:40 (declared), identified 11:00, monitoring 12:00, resolved 13:00.
    assert_eq!(int(events, "time_to_identify_s"), [Some(80 * 60), None]);
    assert_eq!(int(events, "time_to_monitor_s"), [Some(140 * 60), None]);
    assert_eq!(int(events, "time_to_resolve_s"), [Some(200 * 60), None]);
    assert_eq!(int(events, "regressions"), [Some(0), Some(0)]);
    assert_eq!(int(events, "reopens"), [Some(0), Some(0)]);
    assert_eq!(int(events, "updates"), [Some(4), Some(4)]);
    // The maintenance against its plan: 5 min late, 10 min early, 1h 45m of work.
    assert_eq!(times(events, "scheduled_for"), [None, Some(at(17, 9, 0))]);
    assert_eq!(
        times(events, "scheduled_until"),
        [None, Some(at(17, 11, 0))]
    );
    assert_eq!(times(events, "started_at"), [None, Some(at(17, 9, 5))]);
    assert_eq!(times(events, "verifying_at"), [None, Some(at(17, 10, 30))]);
    assert_eq!(times(events, "completed_at"), [None, Some(at(17, 10, 50))]);
    assert_eq!(int(events, "start_delay_s"), [None, Some(5 * 60)]);
    assert_eq!(int(events, "overrun_s"), [None, Some(-10 * 60)]);
    assert_eq!(int(events, "duration_s"), [None, Some(105 * 60)]);
}

#[test]
fn a_maintenance_that_never_reported_a_start_has_no_start_figures() {
    let backfilled = Maintenance::builder("Quiet move")
        .scheduled(Schedule::new(at(17, 9, 0), at(17, 11, 0)))
        .update(Update::new(MaintenanceStatus::Scheduled, at(10, 8, 0)))
        .update(Update::new(MaintenanceStatus::Completed, at(17, 11, 5)))
        .build()
        .unwrap();
    let mut tables = Tables::new(at(31, 0, 0)).unwrap();
    tables.push(&Origin::new("tm"), &backfilled).unwrap();
    let events = tables.finish().unwrap().events;
    assert_eq!(times(&events, "started_at"), [None]);
    assert_eq!(int(&events, "start_delay_s"), [None]);
    assert_eq!(int(&events, "duration_s"), [None]);
    assert_eq!(int(&events, "overrun_s"), [Some(5 * 60)]);
}

#[test]
fn updates_are_in_display_order_with_their_values() {
    let batches = tables();
    let updates = &batches.updates;
    assert_eq!(updates.num_rows(), 8);
    let ids: Vec<_> = text(updates, "update_id").iter().flatten().collect();
    assert_eq!(ids, ["u1", "u2", "u3", "u4", "m1", "m2", "m3", "m4"]);
    let events: Vec<_> = text(updates, "event_id").iter().flatten().collect();
    assert_eq!(
        events,
        ["tm-1", "tm-1", "tm-1", "tm-1", "mt-1", "mt-1", "mt-1", "mt-1"]
    );
    assert_eq!(
        int(updates, "position")
            .into_iter()
            .flatten()
            .collect::<Vec<_>>(),
        [0, 1, 2, 3, 0, 1, 2, 3]
    );
    assert_eq!(
        category(updates, "status"),
        [
            "investigating",
            "identified",
            "monitoring",
            "resolved",
            "scheduled",
            "in_progress",
            "verifying",
            "completed"
        ]
    );
    assert_eq!(times(updates, "display_at")[1], Some(at(16, 11, 0)));
    assert_eq!(times(updates, "created_at")[1], Some(at(16, 11, 0)));
    assert_eq!(text(updates, "body").value(0), "Looking.");
    assert_eq!(text(updates, "body").value(1), "");
}

#[test]
fn component_intervals_are_the_affected_components_weighed() {
    let batches = tables();
    let intervals = &batches.component_intervals;
    // The API: operational from the declared start 9:40, partial outage
    // 10:00-11:00, major outage 11:00-13:00; the maintenance names no component.
    assert_eq!(intervals.num_rows(), 3);
    assert_eq!(text(intervals, "event_id").value(0), "tm-1");
    assert_eq!(
        category(intervals, "kind"),
        ["incident", "incident", "incident"]
    );
    assert_eq!(text(intervals, "component_id").value(1), "api");
    assert_eq!(text(intervals, "component_name").value(1), "API");
    assert_eq!(
        category(intervals, "status"),
        ["operational", "partial_outage", "major_outage"]
    );
    assert_eq!(
        times(intervals, "since"),
        [
            Some(at(16, 9, 40)),
            Some(at(16, 10, 0)),
            Some(at(16, 11, 0))
        ]
    );
    assert_eq!(
        times(intervals, "until"),
        [
            Some(at(16, 10, 0)),
            Some(at(16, 11, 0)),
            Some(at(16, 13, 0))
        ]
    );
    assert_eq!(float(intervals, "weight"), [0.0, 0.3, 1.0]);
    assert_eq!(
        float(intervals, "weighted_downtime_s"),
        [0.0, 1080.0, 7200.0]
    );
}

#[test]
fn other_weights_weigh_the_intervals() {
    let mut tables = Tables::new(at(31, 0, 0))
        .unwrap()
        .with_weights(Weights::incident_io());
    tables.push(&Origin::new("tm"), &incident()).unwrap();
    let intervals = tables.finish().unwrap().component_intervals;
    assert_eq!(float(&intervals, "weight"), [0.0, 1.0, 1.0]);
    assert_eq!(
        float(&intervals, "weighted_downtime_s"),
        [0.0, 3600.0, 7200.0]
    );
}

#[test]
fn an_open_event_is_measured_until_as_of() {
    let api = ComponentId::new("api").unwrap();
    let open = Incident::builder("Down")
        .update(
            Update::new(IncidentStatus::Investigating, at(16, 10, 0))
                .with_change(ComponentChange::new(api, "API", Operational, MajorOutage)),
        )
        .build()
        .unwrap();
    let as_of = at(16, 10, 0) + Duration::minutes(90);
    let mut tables = Tables::new(as_of).unwrap();
    tables.push(&Origin::new("tm"), &open).unwrap();
    let batches = tables.finish().unwrap();
    assert_eq!(times(&batches.events, "resolved_at"), [None]);
    assert_eq!(times(&batches.events, "measured_until"), [Some(as_of)]);
    assert_eq!(int(&batches.events, "time_to_resolve_s"), [None]);
    assert_eq!(times(&batches.component_intervals, "until"), [Some(as_of)]);
    assert_eq!(
        float(&batches.component_intervals, "weighted_downtime_s"),
        [5400.0]
    );
}

#[test]
fn every_batch_carries_the_whole_vocabulary() {
    let batches = tables();
    let status = batches
        .events
        .column_by_name("status")
        .unwrap()
        .as_dictionary::<Int8Type>();
    let vocabulary: Vec<_> = status
        .values()
        .as_string::<i32>()
        .iter()
        .flatten()
        .collect();
    assert_eq!(
        vocabulary,
        [
            "investigating",
            "identified",
            "monitoring",
            "resolved",
            "postmortem",
            "scheduled",
            "in_progress",
            "verifying",
            "completed"
        ]
    );
    let component = batches
        .component_intervals
        .column_by_name("status")
        .unwrap()
        .as_dictionary::<Int8Type>();
    assert_eq!(component.values().len(), 5);
}

#[test]
fn finish_starts_the_tables_afresh() {
    let mut tables = Tables::new(at(31, 0, 0)).unwrap();
    tables.push(&Origin::new("tm"), &incident()).unwrap();
    assert_eq!(tables.finish().unwrap().events.num_rows(), 1);
    let empty = tables.finish().unwrap();
    assert_eq!(
        (
            empty.events.num_rows(),
            empty.updates.num_rows(),
            empty.component_intervals.num_rows()
        ),
        (0, 0, 0)
    );
    tables.push(&Origin::new("tm"), &maintenance()).unwrap();
    let again = tables.finish().unwrap();
    assert_eq!(category(&again.events, "kind"), ["maintenance"]);
}

/// The embedded default of the examples: every event, update and interval,
/// with the figures the report gives.
#[test]
fn the_embedded_default_has_the_report_figures() {
    let document = statuspage::read(DEFAULT_EXPORT).unwrap();
    let as_of = Utc.with_ymd_and_hms(2020, 4, 2, 16, 0, 0).unwrap();
    let mut tables = Tables::new(as_of).unwrap();
    let origin = Origin::new("tmdemo00page");
    for event in document.events() {
        tables.push(&origin, event).unwrap();
    }
    let batches = tables.finish().unwrap();
    let events: Vec<_> = document.events().collect();
    assert_eq!(batches.events.num_rows(), events.len());
    let updates: usize = events.iter().map(|e| e.update_count()).sum();
    assert_eq!(batches.updates.num_rows(), updates);
    let ids = text(&batches.events, "id");
    let resolve = int(&batches.events, "time_to_resolve_s");
    let opened = times(&batches.events, "opened_at");
    for (row, event) in events.iter().enumerate() {
        assert_eq!(ids.value(row), event.id().as_str());
        assert_eq!(opened[row], Some(event.opened_at()));
        let expected = event
            .as_incident()
            .and_then(Incident::time_to_resolve)
            .map(|t| t.as_secs());
        assert_eq!(resolve[row], expected, "{}", event.id());
        // Each affected component's weighted downtime is the sum of its intervals.
        let report = Row::of(*event, as_of, &Weights::default());
        for component in &report.affected_components {
            let intervals = &batches.component_intervals;
            let sum: f64 = (0..intervals.num_rows())
                .filter(|&i| {
                    text(intervals, "event_id").value(i) == event.id().as_str()
                        && text(intervals, "component_id").value(i) == component.id.as_str()
                })
                .map(|i| float(intervals, "weighted_downtime_s")[i])
                .sum();
            let expected = component.weighted_downtime.as_millis() as f64 / 1000.0;
            assert!(
                (sum - expected).abs() < 0.001,
                "{} {}: {sum} != {expected}",
                event.id(),
                component.id
            );
        }
    }
    assert!(batches.component_intervals.num_rows() > 0);
}

#[test]
fn the_public_types_are_send_and_sync() {
    fn send_sync<T: Send + Sync>() {}
    send_sync::<Tables>();
    send_sync::<Origin<'static>>();
    send_sync::<arrow::TableBatches>();
    send_sync::<arrow::RowCounts>();
    send_sync::<arrow::ArrowExportError>();
}

#[test]
fn events_carry_the_applications_labels() {
    let batches = tables();
    let labels = batches.events.column_by_name("labels").unwrap().as_map();
    let entries = |row: usize| -> Vec<(String, String)> {
        let entry = labels.value(row);
        let keys = entry.column(0).as_string::<i32>();
        let values = entry.column(1).as_string::<i32>();
        (0..entry.len())
            .map(|i| (keys.value(i).to_owned(), values.value(i).to_owned()))
            .collect()
    };
    // In key order; none for the maintenance (an empty map, not null).
    assert_eq!(
        entries(0),
        [
            ("severity".to_owned(), "sev2".to_owned()),
            ("team".to_owned(), "api".to_owned())
        ]
    );
    assert!(entries(1).is_empty());
    assert_eq!(labels.null_count(), 0);
}
