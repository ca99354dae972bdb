//! The column builders of the three tables, one struct per table, its fields
//! in the order of its schema ([`super::schema`]).

use std::sync::Arc;

use arrow_array::builder::{
    Float64Builder, Int64Builder, MapBuilder, StringBuilder, StringDictionaryBuilder,
    TimestampMicrosecondBuilder,
};
use arrow_array::types::Int8Type;
use arrow_array::{ArrayRef, RecordBatch, StringArray};
use arrow_schema::{ArrowError, SchemaRef};
use chrono::{DateTime, Utc};

use super::origin::Origin;
use super::schema::{self, UTC};
use crate::any::{AnyEventRef, EventKind};
use crate::duration::Elapsed;
use crate::event::Event;
use crate::maintenance::{AgainstPlan, Deviation};
use crate::policy::Lifecycle;
use crate::uptime::Weights;

/// Microseconds since the Unix epoch: every time chrono holds fits.
fn micros(at: DateTime<Utc>) -> i64 {
    at.timestamp_micros()
}

/// Whole seconds, rounded down, as the report's `_s` figures.
fn whole_seconds(elapsed: Option<Elapsed>) -> Option<i64> {
    elapsed.map(Elapsed::as_secs)
}

/// A count (a length in memory always fits an `i64`).
fn count(n: usize) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}

/// A UTC timestamp column in microseconds.
#[derive(Debug)]
struct Times(TimestampMicrosecondBuilder);

impl Times {
    fn new() -> Self {
        Times(TimestampMicrosecondBuilder::new().with_timezone(UTC))
    }
    fn push(&mut self, at: DateTime<Utc>) {
        self.0.append_value(micros(at));
    }
    fn push_option(&mut self, at: Option<DateTime<Utc>>) {
        self.0.append_option(at.map(micros));
    }
    fn finish(&mut self) -> ArrayRef {
        Arc::new(self.0.finish())
    }
}

/// A dictionary-encoded column over a fixed vocabulary: every batch carries
/// the whole vocabulary in the same order, so a key means the same in each.
struct Category(StringDictionaryBuilder<Int8Type>);

impl core::fmt::Debug for Category {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_tuple("Category").finish_non_exhaustive()
    }
}

impl Category {
    fn new(vocabulary: impl Iterator<Item = &'static str>) -> Result<Self, ArrowError> {
        let vocabulary = StringArray::from_iter_values(vocabulary);
        StringDictionaryBuilder::new_with_dictionary(0, &vocabulary).map(Category)
    }
    fn push(&mut self, value: &str) -> Result<(), ArrowError> {
        self.0.append(value).map(drop)
    }
    fn finish(&mut self) -> ArrayRef {
        Arc::new(self.0.finish_preserve_values())
    }
}

fn finish_i64(builder: &mut Int64Builder) -> ArrayRef {
    Arc::new(builder.finish())
}

fn finish_text(builder: &mut StringBuilder) -> ArrayRef {
    Arc::new(builder.finish())
}

/// The columns of the `events` table.
#[derive(Debug)]
pub struct EventColumns {
    page: StringBuilder,
    observed_at: Times,
    id: StringBuilder,
    kind: Category,
    name: StringBuilder,
    status: Category,
    impact: Category,
    created_at: Times,
    declared_start_at: Times,
    declared_end_at: Times,
    opened_at: Times,
    identified_at: Times,
    monitoring_at: Times,
    resolved_at: Times,
    measured_until: Times,
    time_to_identify_s: Int64Builder,
    time_to_monitor_s: Int64Builder,
    time_to_resolve_s: Int64Builder,
    regressions: Int64Builder,
    reopens: Int64Builder,
    updates: Int64Builder,
    scheduled_for: Times,
    scheduled_until: Times,
    started_at: Times,
    verifying_at: Times,
    completed_at: Times,
    start_delay_s: Int64Builder,
    overrun_s: Int64Builder,
    duration_s: Int64Builder,
    labels: MapBuilder<StringBuilder, StringBuilder>,
}

impl EventColumns {
    pub fn new() -> Result<Self, ArrowError> {
        Ok(EventColumns {
            page: StringBuilder::new(),
            observed_at: Times::new(),
            id: StringBuilder::new(),
            kind: Category::new(schema::kinds())?,
            name: StringBuilder::new(),
            status: Category::new(schema::event_statuses())?,
            impact: Category::new(schema::impacts())?,
            created_at: Times::new(),
            declared_start_at: Times::new(),
            declared_end_at: Times::new(),
            opened_at: Times::new(),
            identified_at: Times::new(),
            monitoring_at: Times::new(),
            resolved_at: Times::new(),
            measured_until: Times::new(),
            time_to_identify_s: Int64Builder::new(),
            time_to_monitor_s: Int64Builder::new(),
            time_to_resolve_s: Int64Builder::new(),
            regressions: Int64Builder::new(),
            reopens: Int64Builder::new(),
            updates: Int64Builder::new(),
            scheduled_for: Times::new(),
            scheduled_until: Times::new(),
            started_at: Times::new(),
            verifying_at: Times::new(),
            completed_at: Times::new(),
            start_delay_s: Int64Builder::new(),
            overrun_s: Int64Builder::new(),
            duration_s: Int64Builder::new(),
            labels: schema::text_map_builder(),
        })
    }

    /// One row: `event`, read from `origin`, an open event measured until `as_of`.
    pub fn push(
        &mut self,
        origin: &Origin<'_>,
        event: AnyEventRef<'_>,
        as_of: DateTime<Utc>,
    ) -> Result<(), ArrowError> {
        self.page.append_value(origin.page);
        self.observed_at.push_option(origin.observed_at);
        self.id.append_value(event.id().as_str());
        self.kind.push(event.kind().as_str())?;
        self.name.append_value(event.name());
        self.status.push(event.status().as_str())?;
        self.impact.push(event.impact().as_str())?;
        self.created_at.push(event.created_at());
        self.declared_start_at.push_option(event.started_at());
        self.declared_end_at.push_option(event.declared_end());
        self.opened_at.push(event.opened_at());
        self.resolved_at.push_option(event.resolved_at());
        self.measured_until.push(event.measured_until(as_of));
        self.regressions.append_value(count(event.regressions()));
        self.reopens.append_value(count(event.reopens()));
        self.updates.append_value(count(event.update_count()));
        // Time to identify, monitor and resolve are incident figures; a
        // maintenance has its plan's instead (DESIGN.md, "Maintenances").
        let incident = event.kind() == EventKind::Incident;
        let only = |figure: Option<Elapsed>| whole_seconds(figure.filter(|_| incident));
        self.identified_at
            .push_option(event.identified_at().filter(|_| incident));
        self.monitoring_at
            .push_option(event.monitoring_at().filter(|_| incident));
        self.time_to_identify_s
            .append_option(only(event.time_to_identify()));
        self.time_to_monitor_s
            .append_option(only(event.time_to_monitor()));
        self.time_to_resolve_s
            .append_option(only(event.time_to_resolve()));
        let schedule = event.as_maintenance().and_then(Event::schedule);
        self.scheduled_for
            .push_option(schedule.map(|window| window.scheduled_for));
        self.scheduled_until
            .push_option(schedule.map(|window| window.scheduled_until));
        let plan = event.as_maintenance().map(|m| m.against_plan(as_of));
        self.push_figures(plan.as_ref());
        for (key, value) in event.labels() {
            self.labels.keys().append_value(key);
            self.labels.values().append_value(value);
        }
        self.labels.append(true)
    }

    /// A maintenance's figures against its plan (the model's, as the report
    /// gives them); null for an incident.
    fn push_figures(&mut self, plan: Option<&AgainstPlan>) {
        self.started_at.push_option(plan.and_then(|p| p.started_at));
        self.verifying_at
            .push_option(plan.and_then(|p| p.verifying_at));
        self.completed_at
            .push_option(plan.and_then(|p| p.completed_at));
        let delay = plan.and_then(|p| p.start_delay).map(Deviation::as_secs);
        self.start_delay_s.append_option(delay);
        let overrun = plan.and_then(|p| p.overrun).map(Deviation::as_secs);
        self.overrun_s.append_option(overrun);
        self.duration_s
            .append_option(whole_seconds(plan.and_then(|p| p.duration)));
    }

    /// The rows so far as a batch; the columns start empty again.
    pub fn finish(&mut self) -> Result<RecordBatch, ArrowError> {
        let columns = vec![
            finish_text(&mut self.page),
            self.observed_at.finish(),
            finish_text(&mut self.id),
            self.kind.finish(),
            finish_text(&mut self.name),
            self.status.finish(),
            self.impact.finish(),
            self.created_at.finish(),
            self.declared_start_at.finish(),
            self.declared_end_at.finish(),
            self.opened_at.finish(),
            self.identified_at.finish(),
            self.monitoring_at.finish(),
            self.resolved_at.finish(),
            self.measured_until.finish(),
            finish_i64(&mut self.time_to_identify_s),
            finish_i64(&mut self.time_to_monitor_s),
            finish_i64(&mut self.time_to_resolve_s),
            finish_i64(&mut self.regressions),
            finish_i64(&mut self.reopens),
            finish_i64(&mut self.updates),
            self.scheduled_for.finish(),
            self.scheduled_until.finish(),
            self.started_at.finish(),
            self.verifying_at.finish(),
            self.completed_at.finish(),
            finish_i64(&mut self.start_delay_s),
            finish_i64(&mut self.overrun_s),
            finish_i64(&mut self.duration_s),
            Arc::new(self.labels.finish()),
        ];
        batch(schema::events_schema(), columns)
    }
}

fn batch(schema: SchemaRef, columns: Vec<ArrayRef>) -> Result<RecordBatch, ArrowError> {
    RecordBatch::try_new(schema, columns)
}

/// The columns of the `updates` table.
#[derive(Debug)]
pub struct UpdateColumns {
    page: StringBuilder,
    event_id: StringBuilder,
    update_id: StringBuilder,
    position: Int64Builder,
    status: Category,
    display_at: Times,
    created_at: Times,
    body: StringBuilder,
}

impl UpdateColumns {
    pub fn new() -> Result<Self, ArrowError> {
        Ok(UpdateColumns {
            page: StringBuilder::new(),
            event_id: StringBuilder::new(),
            update_id: StringBuilder::new(),
            position: Int64Builder::new(),
            status: Category::new(schema::event_statuses())?,
            display_at: Times::new(),
            created_at: Times::new(),
            body: StringBuilder::new(),
        })
    }

    /// One row per update of `event`, in display order; returns how many.
    pub fn push<S: Lifecycle>(
        &mut self,
        origin: &Origin<'_>,
        event: &Event<S>,
    ) -> Result<usize, ArrowError> {
        for (position, update) in event.updates().iter().enumerate() {
            self.page.append_value(origin.page);
            self.event_id.append_value(event.id().as_str());
            self.update_id.append_value(update.id().as_str());
            self.position.append_value(count(position));
            self.status.push(Lifecycle::as_str(update.status()))?;
            self.display_at.push(update.display_at());
            self.created_at.push(update.created_at());
            self.body.append_value(update.body());
        }
        Ok(event.updates().len())
    }

    /// The rows so far as a batch; the columns start empty again.
    pub fn finish(&mut self) -> Result<RecordBatch, ArrowError> {
        let columns = vec![
            finish_text(&mut self.page),
            finish_text(&mut self.event_id),
            finish_text(&mut self.update_id),
            finish_i64(&mut self.position),
            self.status.finish(),
            self.display_at.finish(),
            self.created_at.finish(),
            finish_text(&mut self.body),
        ];
        batch(schema::updates_schema(), columns)
    }
}

/// The columns of the `component_intervals` table.
#[derive(Debug)]
pub struct IntervalColumns {
    page: StringBuilder,
    event_id: StringBuilder,
    kind: Category,
    component_id: StringBuilder,
    component_name: StringBuilder,
    status: Category,
    since: Times,
    until: Times,
    weight: Float64Builder,
    weighted_downtime_s: Float64Builder,
}

impl IntervalColumns {
    pub fn new() -> Result<Self, ArrowError> {
        Ok(IntervalColumns {
            page: StringBuilder::new(),
            event_id: StringBuilder::new(),
            kind: Category::new(schema::kinds())?,
            component_id: StringBuilder::new(),
            component_name: StringBuilder::new(),
            status: Category::new(schema::component_statuses())?,
            since: Times::new(),
            until: Times::new(),
            weight: Float64Builder::new(),
            weighted_downtime_s: Float64Builder::new(),
        })
    }

    /// One row per interval of each affected component of `event`
    /// ([`Event::affected_components`]), measured until `as_of`; returns how
    /// many.
    pub fn push(
        &mut self,
        origin: &Origin<'_>,
        event: AnyEventRef<'_>,
        as_of: DateTime<Utc>,
        weights: &Weights,
    ) -> Result<usize, ArrowError> {
        let mut rows = 0usize;
        for component in event.affected_components(as_of) {
            for interval in &component.intervals {
                self.page.append_value(origin.page);
                self.event_id.append_value(event.id().as_str());
                self.kind.push(event.kind().as_str())?;
                self.component_id.append_value(component.id.as_str());
                self.component_name.append_value(&component.name);
                self.status.push(interval.status.as_str())?;
                self.since.push(interval.start);
                self.until.push(interval.end);
                self.weight.append_value(weights.weight(interval.status));
                // The crate's exact weighing (milliseconds times thousandths),
                // in seconds: not truncated, so the sum over a component's
                // intervals is its downtime.
                let weighed = weights.weigh(interval.status, interval.length().as_millis());
                #[allow(clippy::cast_precision_loss)] // exact below 2^53 ms-thousandths: 285 years
                let seconds = weighed as f64 / 1_000_000.0;
                self.weighted_downtime_s.append_value(seconds);
                rows = rows.saturating_add(1);
            }
        }
        Ok(rows)
    }

    /// The rows so far as a batch; the columns start empty again.
    pub fn finish(&mut self) -> Result<RecordBatch, ArrowError> {
        let columns = vec![
            finish_text(&mut self.page),
            finish_text(&mut self.event_id),
            self.kind.finish(),
            finish_text(&mut self.component_id),
            finish_text(&mut self.component_name),
            self.status.finish(),
            self.since.finish(),
            self.until.finish(),
            Arc::new(self.weight.finish()),
            Arc::new(self.weighted_downtime_s.finish()),
        ];
        batch(schema::component_intervals_schema(), columns)
    }
}
