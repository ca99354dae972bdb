//! The three schemas, each written once: the column builders and the docs
//! follow these lists.

use std::sync::{Arc, LazyLock};

use arrow_array::builder::{MapBuilder, StringBuilder};
use arrow_array::Array as _;
use arrow_schema::{DataType, Field, Schema, SchemaRef, TimeUnit};

use crate::any::EventKind;
use crate::status::{ComponentStatus, Impact, IncidentStatus, MaintenanceStatus};

/// The time zone of every timestamp column.
pub const UTC: &str = "UTC";

/// A UTC timestamp in microseconds.
fn timestamp() -> DataType {
    DataType::Timestamp(TimeUnit::Microsecond, Some(UTC.into()))
}

/// A dictionary-encoded string column with 8-bit keys.
fn dictionary() -> DataType {
    DataType::Dictionary(Box::new(DataType::Int8), Box::new(DataType::Utf8))
}

fn text(name: &str) -> Field {
    Field::new(name, DataType::Utf8, false)
}

fn category(name: &str) -> Field {
    Field::new(name, dictionary(), false)
}

fn at(name: &str, nullable: bool) -> Field {
    Field::new(name, timestamp(), nullable)
}

fn seconds(name: &str) -> Field {
    Field::new(name, DataType::Int64, true)
}

fn count(name: &str) -> Field {
    Field::new(name, DataType::Int64, false)
}

/// The builder of a map of text to text (keys and values never null): the
/// column and its type come from it, so they agree.
pub(crate) fn text_map_builder() -> MapBuilder<StringBuilder, StringBuilder> {
    MapBuilder::new(None, StringBuilder::new(), StringBuilder::new()).with_values_field(Field::new(
        Field::MAP_VALUE_FIELD_DEFAULT_NAME,
        DataType::Utf8,
        false,
    ))
}

fn text_map(name: &str) -> Field {
    let data_type = text_map_builder().finish().data_type().clone();
    Field::new(name, data_type, false)
}

/// The wire names of every event status, incidents' then maintenances'.
pub fn event_statuses() -> impl Iterator<Item = &'static str> {
    let incident = IncidentStatus::ALL.iter().map(|status| status.as_str());
    let maintenance = MaintenanceStatus::ALL.iter().map(|status| status.as_str());
    incident.chain(maintenance)
}

/// The wire names of every impact.
pub fn impacts() -> impl Iterator<Item = &'static str> {
    Impact::ALL.iter().map(|impact| impact.as_str())
}

/// The wire names of every component status.
pub fn component_statuses() -> impl Iterator<Item = &'static str> {
    ComponentStatus::ALL.iter().map(|status| status.as_str())
}

/// The names of both event kinds.
pub fn kinds() -> impl Iterator<Item = &'static str> {
    [EventKind::Incident, EventKind::Maintenance]
        .into_iter()
        .map(EventKind::as_str)
}

static EVENTS: LazyLock<SchemaRef> = LazyLock::new(|| {
    Arc::new(Schema::new(vec![
        text("page"),
        at("observed_at", true),
        text("id"),
        category("kind"),
        text("name"),
        category("status"),
        category("impact"),
        at("created_at", false),
        at("declared_start_at", true),
        at("declared_end_at", true),
        at("opened_at", false),
        at("identified_at", true),
        at("monitoring_at", true),
        at("resolved_at", true),
        at("measured_until", false),
        seconds("time_to_identify_s"),
        seconds("time_to_monitor_s"),
        seconds("time_to_resolve_s"),
        count("regressions"),
        count("reopens"),
        count("updates"),
        at("scheduled_for", true),
        at("scheduled_until", true),
        at("started_at", true),
        at("verifying_at", true),
        at("completed_at", true),
        seconds("start_delay_s"),
        seconds("overrun_s"),
        seconds("duration_s"),
        text_map("labels"),
    ]))
});

static UPDATES: LazyLock<SchemaRef> = LazyLock::new(|| {
    Arc::new(Schema::new(vec![
        text("page"),
        text("event_id"),
        text("update_id"),
        count("position"),
        category("status"),
        at("display_at", false),
        at("created_at", false),
        text("body"),
    ]))
});

static COMPONENT_INTERVALS: LazyLock<SchemaRef> = LazyLock::new(|| {
    Arc::new(Schema::new(vec![
        text("page"),
        text("event_id"),
        category("kind"),
        text("component_id"),
        text("component_name"),
        category("status"),
        at("since", false),
        at("until", false),
        Field::new("weight", DataType::Float64, false),
        Field::new("weighted_downtime_s", DataType::Float64, false),
    ]))
});

/// The schema of the `events` table.
///
/// # Example
///
/// ```
/// use incident_model::formats::arrow;
/// let schema = arrow::events_schema();
/// assert_eq!(schema.field(0).name(), "page");
/// assert!(schema.field_with_name("time_to_resolve_s").is_ok());
/// ```
#[must_use]
pub fn events_schema() -> SchemaRef {
    Arc::clone(&EVENTS)
}

/// The schema of the `updates` table.
///
/// # Example
///
/// ```
/// use incident_model::formats::arrow;
/// assert_eq!(arrow::updates_schema().fields().len(), 8);
/// ```
#[must_use]
pub fn updates_schema() -> SchemaRef {
    Arc::clone(&UPDATES)
}

/// The schema of the `component_intervals` table.
///
/// # Example
///
/// ```
/// use incident_model::formats::arrow;
/// let schema = arrow::component_intervals_schema();
/// assert!(schema.field_with_name("weighted_downtime_s").is_ok());
/// ```
#[must_use]
pub fn component_intervals_schema() -> SchemaRef {
    Arc::clone(&COMPONENT_INTERVALS)
}
