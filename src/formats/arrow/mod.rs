//! Tables for analytical engines (feature `arrow`): the validated model and its
//! derived figures as Arrow record batches, with one documented, stable
//! schema per table, for DuckDB, DataFusion, Polars, Spark or BigQuery to
//! query instead of flattening JSON by hand. With the feature `parquet`,
//! [`parquet::ParquetTables`] writes them to Parquet files, in batches.
//!
//! [`Tables`] takes events one at a time ([`Tables::push`]), each with the
//! [`Origin`] it was read from (its page, and when it was observed), and hands
//! the rows so far out as three [`RecordBatch`]es ([`Tables::finish`]). Every
//! figure is the model's: the milestones and durations of
//! [`timeline`](crate::timeline), the intervals of
//! [`Event::affected_components`](crate::Event::affected_components) weighed
//! by [`Weights`]; nothing is recomputed here.
//!
//! # Units
//!
//! - **Times** are UTC timestamps in **microseconds**
//!   (`Timestamp(Microsecond, "UTC")`; Parquet `TIMESTAMP(MICROS,
//!   isAdjustedToUTC=true)`, DuckDB `TIMESTAMPTZ`). Sub-microsecond parts, which
//!   no reader of the crate produces, are dropped.
//! - **Durations** are `Int64` **whole seconds**, rounded down (the report's
//!   `_s` figures), in columns named `..._s`. The maintenance figures
//!   `start_delay_s` and `overrun_s` are signed (rounded toward zero): an
//!   early start or finish is negative. All three are the model's
//!   ([`AgainstPlan`](crate::AgainstPlan)), as the report gives them.
//! - **Weighted downtime** (`weighted_downtime_s`) is a `Float64` number of
//!   seconds, exact to the millisecond-thousandth the crate weighs in (see
//!   [`uptime`](crate::uptime), "Exactness"), and not truncated, so the sum
//!   over an event's intervals of a component is that component's weighted
//!   downtime in the event (which the report truncates to the millisecond).
//! - **Statuses, impacts and kinds** are dictionary-encoded strings
//!   (`Dictionary(Int8, Utf8)`) holding the wire names (`major_outage`,
//!   `in_progress`). Each batch's dictionary is the whole vocabulary, in the
//!   order of its `ALL` list, whatever values occur.
//! - **Counts and positions** are `Int64`.
//!
//! # Tables
//!
//! The schemas are stable: a column is added at the end of its table, never
//! renamed, retyped or removed. `page` is the page id or source name the caller
//! gives in [`Origin`]; (`page`, `id`) identifies an event, (`page`,
//! `event_id`) joins the other two tables to it.
//!
//! ## `events` ([`events_schema`]): one row per incident or maintenance
//!
//! | column | type | null | value |
//! |---|---|---|---|
//! | `page` | utf8 | no | [`Origin::page`] |
//! | `observed_at` | timestamp | yes | [`Origin::observed_at`] |
//! | `id` | utf8 | no | [`Event::id`](crate::Event::id) |
//! | `kind` | dictionary | no | `incident` or `maintenance` |
//! | `name` | utf8 | no | [`Event::name`](crate::Event::name) |
//! | `status` | dictionary | no | the current status ([`Event::status`](crate::Event::status)) |
//! | `impact` | dictionary | no | [`Event::impact`](crate::Event::impact) |
//! | `created_at` | timestamp | no | [`Event::created_at`](crate::Event::created_at) |
//! | `declared_start_at` | timestamp | yes | the declared start, [`Event::started_at`](crate::Event::started_at) |
//! | `declared_end_at` | timestamp | yes | the declared end of impact, [`Event::declared_end`](crate::Event::declared_end) (Google Cloud's `end`) |
//! | `opened_at` | timestamp | no | [`Event::opened_at`](crate::Event::opened_at) |
//! | `identified_at` | timestamp | yes | [`Event::identified_at`](crate::Event::identified_at); incidents only |
//! | `monitoring_at` | timestamp | yes | [`Event::monitoring_at`](crate::Event::monitoring_at); incidents only |
//! | `resolved_at` | timestamp | yes | [`Event::resolved_at`](crate::Event::resolved_at): for a maintenance, its completion |
//! | `measured_until` | timestamp | no | [`Event::measured_until`](crate::Event::measured_until) at the tables' `as_of` |
//! | `time_to_identify_s` | int64 s | yes | [`Event::time_to_identify`](crate::Event::time_to_identify); incidents only |
//! | `time_to_monitor_s` | int64 s | yes | [`Event::time_to_monitor`](crate::Event::time_to_monitor); incidents only |
//! | `time_to_resolve_s` | int64 s | yes | [`Event::time_to_resolve`](crate::Event::time_to_resolve); incidents only |
//! | `regressions` | int64 | no | [`Event::regressions`](crate::Event::regressions) |
//! | `reopens` | int64 | no | [`Event::reopens`](crate::Event::reopens) |
//! | `updates` | int64 | no | the number of updates |
//! | `scheduled_for` | timestamp | yes | the planned start ([`Schedule`](crate::Schedule)); maintenances only |
//! | `scheduled_until` | timestamp | yes | the planned end; maintenances only |
//! | `started_at` | timestamp | yes | display time of the first update in progress or verifying; maintenances only |
//! | `verifying_at` | timestamp | yes | display time of the first verifying update; maintenances only |
//! | `completed_at` | timestamp | yes | display time of the update that completed it for the last time; maintenances only |
//! | `start_delay_s` | int64 s | yes | `started_at - scheduled_for`, signed; maintenances only |
//! | `overrun_s` | int64 s | yes | `completed_at - scheduled_until`, signed; maintenances only |
//! | `duration_s` | int64 s | yes | `completed_at - started_at` ([`AgainstPlan::duration`](crate::AgainstPlan::duration)); maintenances only |
//! | `labels` | map<utf8, utf8> | no | the application's labels ([`Event::labels`](crate::Event::labels)); empty when none |
//!
//! `labels` is a map column: DuckDB reads it as `map(varchar, varchar)`, so
//! `SELECT labels['severity'] AS severity, count(*) FROM 'events.parquet'
//! GROUP BY ALL` counts events by an application's label.
//!
//! Time to identify, monitor and resolve are incident figures: they are null
//! for a maintenance, which is measured against its plan instead (DESIGN.md,
//! "Maintenances"), and so are `identified_at` and `monitoring_at`.
//!
//! ## `updates` ([`updates_schema`]): one row per update
//!
//! | column | type | null | value |
//! |---|---|---|---|
//! | `page` | utf8 | no | [`Origin::page`] |
//! | `event_id` | utf8 | no | the event's id |
//! | `update_id` | utf8 | no | [`Update::id`](crate::Update::id) |
//! | `position` | int64 | no | the update's position in display order, from 0 |
//! | `status` | dictionary | no | [`Update::status`](crate::Update::status) |
//! | `display_at` | timestamp | no | [`Update::display_at`](crate::Update::display_at) |
//! | `created_at` | timestamp | no | [`Update::created_at`](crate::Update::created_at) |
//! | `body` | utf8 | no | [`Update::body`](crate::Update::body) |
//!
//! ## `component_intervals` ([`component_intervals_schema`]): the intervals the downtime and uptime figures are made of
//!
//! One row per [`StatusInterval`](crate::StatusInterval) of each
//! [`AffectedComponent`](crate::AffectedComponent) of each event, measured
//! until the tables' `as_of` for an open event. A component an event lists but
//! never names in a change has no interval (its status is unknown) and no row.
//!
//! | column | type | null | value |
//! |---|---|---|---|
//! | `page` | utf8 | no | [`Origin::page`] |
//! | `event_id` | utf8 | no | the event's id |
//! | `kind` | dictionary | no | the event's kind: `incident` or `maintenance` |
//! | `component_id` | utf8 | no | [`AffectedComponent::id`](crate::AffectedComponent::id) |
//! | `component_name` | utf8 | no | [`AffectedComponent::name`](crate::AffectedComponent::name) |
//! | `status` | dictionary | no | the component's status in the interval |
//! | `since` | timestamp | no | the interval's start, inclusive |
//! | `until` | timestamp | no | the interval's end, exclusive |
//! | `weight` | float64 | no | the status's weight ([`Weights::weight`]) |
//! | `weighted_downtime_s` | float64 s | no | `(until - since) × weight`, exact (see "Units") |
//!
//! The sum of `weighted_downtime_s` by (`page`, `event_id`, `component_id`) is
//! the report's weighted downtime of that component in that event. Across
//! events, overlapping intervals of one component count **once, at the highest
//! weight in force** ([`MergedHistory`](crate::MergedHistory)): the uptime
//! recipes below merge them so.
//!
//! # Recipes
//!
//! Written with [`parquet::ParquetTables`] (or `cargo run --release --example
//! export -- --parquet out FILES...`), the files are `out/events.parquet`,
//! `out/updates.parquet` and `out/component_intervals.parquet`. The
//! percentiles are nearest-rank, as [`metrics`](crate::metrics) computes them:
//! the value at the 1-based rank ⌈0.9 n⌉ of the sorted sample (an engine's
//! interpolating `quantile` gives another figure). The 90-day window ends at
//! the latest `measured_until`; the tables do not say where a page's data
//! begins, so a component with no interval in the window counts as up.
//!
//! ## DuckDB (SQL)
//!
//! CI runs the uptime query and this percentile, for p50 and p90, against the
//! report's figures (`.ci/duckdb_check.py`). p90 time to resolve by impact:
//!
//! ```sql
//! SELECT impact, count(*) AS incidents,
//!        list_sort(list(time_to_resolve_s))[greatest(1, ceil(0.9 * count(*))::BIGINT)] AS p90_s
//! FROM 'out/events.parquet'
//! WHERE kind = 'incident' AND time_to_resolve_s IS NOT NULL
//! GROUP BY impact ORDER BY impact;
//! ```
//!
//! 90-day uptime per component: cut each component's intervals at every
//! interval end, weigh each piece by the highest weight in force, and sum:
//!
//! ```sql
//! WITH window_end AS (SELECT max(measured_until) AS t FROM 'out/events.parquet'),
//! clipped AS (
//!   SELECT page, component_id, weight,
//!          greatest(since, t - INTERVAL 90 DAY) AS since, least(until, t) AS until
//!   FROM 'out/component_intervals.parquet', window_end
//!   WHERE until > t - INTERVAL 90 DAY AND since < t),
//! cuts AS (SELECT page, component_id, since AS cut FROM clipped
//!          UNION SELECT page, component_id, until FROM clipped),
//! pieces AS (
//!   SELECT page, component_id, cut AS since,
//!          lead(cut) OVER (PARTITION BY page, component_id ORDER BY cut) AS until
//!   FROM cuts),
//! weighed AS (
//!   SELECT p.page, p.component_id, p.since, p.until, max(c.weight) AS weight
//!   FROM pieces p JOIN clipped c
//!     ON c.page = p.page AND c.component_id = p.component_id
//!    AND c.since <= p.since AND c.until >= p.until
//!   WHERE p.until IS NOT NULL
//!   GROUP BY ALL)
//! SELECT page, component_id,
//!        1 - sum(weight * epoch(until - since)) / (90 * 86400) AS uptime
//! FROM weighed GROUP BY ALL ORDER BY page, component_id;
//! ```
//!
//! ## Polars (Python)
//!
//! The same two figures with Polars expressions (run as written here, against
//! the DuckDB figures):
//!
//! ```python
//! import datetime, polars as pl
//!
//! events = pl.read_parquet("out/events.parquet")
//! p90 = (events.filter((pl.col("kind") == "incident") & pl.col("time_to_resolve_s").is_not_null())
//!        .group_by("impact")
//!        .agg(pl.len().alias("incidents"),
//!             pl.col("time_to_resolve_s").sort()
//!               .get((pl.len() * 0.9).ceil().cast(pl.Int64).clip(1) - 1).alias("p90_s")))
//!
//! end = events["measured_until"].max()
//! start = end - datetime.timedelta(days=90)
//! clipped = (pl.read_parquet("out/component_intervals.parquet")
//!            .with_columns(pl.col("since").clip(start, end), pl.col("until").clip(start, end))
//!            .filter(pl.col("until") > pl.col("since")))
//! keys = ["page", "component_id"]
//! pieces = (pl.concat([clipped.select(*keys, at="since"), clipped.select(*keys, at="until")])
//!           .unique().sort(*keys, "at")
//!           .with_columns(next=pl.col("at").shift(-1).over(keys))
//!           .drop_nulls("next"))
//! uptime = (pieces.join(clipped, on=keys)
//!           .filter((pl.col("since") <= pl.col("at")) & (pl.col("until") >= pl.col("next")))
//!           .group_by(*keys, "at", "next").agg(pl.col("weight").max())
//!           .group_by(keys)
//!           .agg((1 - (pl.col("weight") * (pl.col("next") - pl.col("at")).dt.total_seconds()).sum()
//!                 / (90 * 86400)).alias("uptime")))
//! ```
//!
//! ## DataFusion (Rust, SQL)
//!
//! The DuckDB queries, with the files registered as tables, `INTERVAL '90
//! days'`, `date_part('epoch', ...)` for DuckDB's `epoch(...)`,
//! `array_element(array_sort(array_agg(...)), ...)` for its list indexing, and
//! the `GROUP BY` columns spelled out (both queries run as written here with
//! DataFusion's Python binding, which shares its SQL engine):
//!
//! ```rust,ignore
//! use datafusion::prelude::*;
//!
//! let ctx = SessionContext::new();
//! let options = ParquetReadOptions::default;
//! ctx.register_parquet("events", "out/events.parquet", options()).await?;
//! ctx.register_parquet("component_intervals", "out/component_intervals.parquet", options()).await?;
//!
//! let p90 = "SELECT impact, count(*) AS incidents,
//!                   array_element(array_sort(array_agg(time_to_resolve_s)),
//!                                 greatest(1, CAST(ceil(0.9 * count(*)) AS BIGINT))) AS p90_s
//!            FROM events
//!            WHERE kind = 'incident' AND time_to_resolve_s IS NOT NULL
//!            GROUP BY impact ORDER BY impact";
//! ctx.sql(p90).await?.show().await?;
//!
//! let uptime = "
//!     WITH window_end AS (SELECT max(measured_until) AS t FROM events),
//!     clipped AS (
//!       SELECT page, component_id, weight,
//!              greatest(since, t - INTERVAL '90 days') AS since, least(until, t) AS until
//!       FROM component_intervals, window_end
//!       WHERE until > t - INTERVAL '90 days' AND since < t),
//!     cuts AS (SELECT page, component_id, since AS cut FROM clipped
//!              UNION SELECT page, component_id, until FROM clipped),
//!     pieces AS (
//!       SELECT page, component_id, cut AS since,
//!              lead(cut) OVER (PARTITION BY page, component_id ORDER BY cut) AS until
//!       FROM cuts),
//!     weighed AS (
//!       SELECT p.page, p.component_id, p.since, p.until, max(c.weight) AS weight
//!       FROM pieces p JOIN clipped c
//!         ON c.page = p.page AND c.component_id = p.component_id
//!        AND c.since <= p.since AND c.until >= p.until
//!       WHERE p.until IS NOT NULL
//!       GROUP BY p.page, p.component_id, p.since, p.until)
//!     SELECT page, component_id,
//!            1 - sum(weight * (date_part('epoch', until) - date_part('epoch', since))) / (90 * 86400) AS uptime
//!     FROM weighed GROUP BY page, component_id ORDER BY page, component_id";
//! ctx.sql(uptime).await?.show().await?;
//! ```
//!
//! # Example
//!
//! ```
//! use chrono::{TimeZone, Utc};
//! use incident_model::formats::arrow::{Origin, Tables};
//! use incident_model::{ComponentChange, ComponentId, ComponentStatus::*, Incident, IncidentStatus::*, Update};
//!
//! let edt = |h: u32, m: u32| Utc.with_ymd_and_hms(2020, 3, 16, h + 4, m, 0).unwrap();
//! let api = ComponentId::new("api")?;
//! let incident = Incident::builder("Slow page loads")
//!     .update(Update::new(Identified, edt(10, 28))
//!         .with_change(ComponentChange::new(api.clone(), "API", Operational, PartialOutage)))
//!     .update(Update::new(Resolved, edt(17, 51))
//!         .with_change(ComponentChange::new(api, "API", PartialOutage, Operational)))
//!     .build()?;
//!
//! let mut tables = Tables::new(edt(18, 0))?;
//! tables.push(&Origin::new("tm"), &incident)?;
//! let batches = tables.finish()?;
//! assert_eq!(batches.events.num_rows(), 1);
//! assert_eq!(batches.updates.num_rows(), 2);
//! assert_eq!(batches.component_intervals.num_rows(), 1); // partial outage 10:28-17:51
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod columns;
mod error;
mod origin;
#[cfg(feature = "parquet")]
#[cfg_attr(docsrs, doc(cfg(feature = "parquet")))]
pub mod parquet;
mod schema;

pub use arrow_array::RecordBatch;
pub use arrow_schema::{ArrowError, SchemaRef};
use chrono::{DateTime, Utc};
pub use error::{ArrowExportError, Table};
pub use origin::Origin;
pub use schema::{component_intervals_schema, events_schema, updates_schema};

use crate::any::{with_event, AnyEventRef};
use crate::uptime::Weights;
use columns::{EventColumns, IntervalColumns, UpdateColumns};

/// The number of rows of each table.
///
/// # Example
///
/// See [`Tables::pending`].
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug, Default)]
#[non_exhaustive]
pub struct RowCounts {
    /// Rows of `events`.
    pub events: usize,
    /// Rows of `updates`.
    pub updates: usize,
    /// Rows of `component_intervals`.
    pub component_intervals: usize,
}

impl RowCounts {
    fn add(&mut self, other: RowCounts) {
        self.events = self.events.saturating_add(other.events);
        self.updates = self.updates.saturating_add(other.updates);
        self.component_intervals = self
            .component_intervals
            .saturating_add(other.component_intervals);
    }
}

/// One batch of each table: what [`Tables::finish`] gives.
///
/// # Example
///
/// See the [module documentation](self).
#[derive(Clone, Debug)]
#[non_exhaustive]
pub struct TableBatches {
    /// The `events` rows.
    pub events: RecordBatch,
    /// The `updates` rows.
    pub updates: RecordBatch,
    /// The `component_intervals` rows.
    pub component_intervals: RecordBatch,
}

/// The three tables under construction: events go in one at a time
/// ([`Tables::push`]); the rows so far come out as batches
/// ([`Tables::finish`]), after which the tables start empty again, so an
/// export of any size is written in batches of bounded memory.
///
/// An open event is measured until the `as_of` given to [`Tables::new`] (no
/// clock is read); downtime is weighed by Statuspage's [`Weights`] unless
/// [`Tables::with_weights`] says otherwise.
///
/// # Example
///
/// See the [module documentation](self).
#[derive(Debug)]
pub struct Tables {
    as_of: DateTime<Utc>,
    weights: Weights,
    events: EventColumns,
    updates: UpdateColumns,
    intervals: IntervalColumns,
    pending: RowCounts,
}

impl Tables {
    /// Empty tables whose open events are measured until `as_of`.
    ///
    /// # Errors
    ///
    /// [`ArrowExportError::Batch`] if a column cannot be set up (a defect:
    /// the vocabularies are fixed).
    ///
    /// # Example
    ///
    /// ```
    /// # use chrono::{TimeZone, Utc};
    /// use incident_model::formats::arrow::Tables;
    /// let tables = Tables::new(Utc.with_ymd_and_hms(2020, 4, 2, 16, 0, 0).unwrap())?;
    /// assert_eq!(tables.pending().events, 0);
    /// # Ok::<(), incident_model::formats::arrow::ArrowExportError>(())
    /// ```
    pub fn new(as_of: DateTime<Utc>) -> Result<Self, ArrowExportError> {
        let refused = |table| move |source| ArrowExportError::Batch { table, source };
        Ok(Tables {
            as_of,
            weights: Weights::default(),
            events: EventColumns::new().map_err(refused(Table::Events))?,
            updates: UpdateColumns::new().map_err(refused(Table::Updates))?,
            intervals: IntervalColumns::new().map_err(refused(Table::ComponentIntervals))?,
            pending: RowCounts::default(),
        })
    }

    /// The same tables, weighing downtime by `weights` from now on.
    ///
    /// # Example
    ///
    /// ```
    /// # use chrono::{TimeZone, Utc};
    /// use incident_model::formats::arrow::Tables;
    /// use incident_model::Weights;
    /// let tables = Tables::new(Utc.with_ymd_and_hms(2020, 4, 2, 16, 0, 0).unwrap())?
    ///     .with_weights(Weights::incident_io());
    /// assert_eq!(tables.weights(), Weights::incident_io());
    /// # Ok::<(), incident_model::formats::arrow::ArrowExportError>(())
    /// ```
    #[must_use]
    pub fn with_weights(mut self, weights: Weights) -> Self {
        self.weights = weights;
        self
    }

    /// Until when open events are measured.
    ///
    /// # Example
    ///
    /// ```
    /// # use chrono::{TimeZone, Utc};
    /// # use incident_model::formats::arrow::Tables;
    /// let as_of = Utc.with_ymd_and_hms(2020, 4, 2, 16, 0, 0).unwrap();
    /// assert_eq!(Tables::new(as_of)?.as_of(), as_of);
    /// # Ok::<(), incident_model::formats::arrow::ArrowExportError>(())
    /// ```
    #[must_use]
    pub fn as_of(&self) -> DateTime<Utc> {
        self.as_of
    }

    /// The weights of the downtime.
    ///
    /// # Example
    ///
    /// See [`Tables::with_weights`].
    #[must_use]
    pub fn weights(&self) -> Weights {
        self.weights
    }

    /// Adds the rows of `event` (an incident, a maintenance or an
    /// [`AnyEvent`](crate::AnyEvent)), read from `origin`: one row of
    /// `events`, one row of `updates` per update, one row of
    /// `component_intervals` per interval of each affected component.
    ///
    /// O(n + m log m) in the number n of updates and m of component changes.
    ///
    /// # Errors
    ///
    /// [`ArrowExportError::Row`], naming the table, page and event, if a
    /// column refuses a value (a defect: every value the model holds fits).
    /// The tables are then unusable: [`Tables::finish`] fails.
    ///
    /// # Example
    ///
    /// See the [module documentation](self).
    pub fn push<'a>(
        &mut self,
        origin: &Origin<'_>,
        event: impl Into<AnyEventRef<'a>>,
    ) -> Result<(), ArrowExportError> {
        let event = event.into();
        let as_of = origin
            .measured_until
            .map_or(self.as_of, |at| at.min(self.as_of));
        let refused = |table| {
            move |source| ArrowExportError::Row {
                table,
                page: origin.page.to_owned(),
                event: event.id().clone(),
                source,
            }
        };
        self.events
            .push(origin, event, as_of)
            .map_err(refused(Table::Events))?;
        let updates = with_event!(event, e => self.updates.push(origin, e))
            .map_err(refused(Table::Updates))?;
        let intervals = self
            .intervals
            .push(origin, event, as_of, &self.weights)
            .map_err(refused(Table::ComponentIntervals))?;
        self.pending.add(RowCounts {
            events: 1,
            updates,
            component_intervals: intervals,
        });
        Ok(())
    }

    /// The number of rows added since the last [`Tables::finish`].
    ///
    /// # Example
    ///
    /// ```
    /// # use chrono::{TimeZone, Utc};
    /// use incident_model::formats::arrow::{Origin, Tables};
    /// use incident_model::{Incident, IncidentStatus::*, Update};
    /// # let at = |h| Utc.with_ymd_and_hms(2020, 3, 16, h, 0, 0).unwrap();
    /// let incident = Incident::builder("x")
    ///     .update(Update::new(Investigating, at(10)))
    ///     .update(Update::new(Resolved, at(11)))
    ///     .build()?;
    /// let mut tables = Tables::new(at(12))?;
    /// tables.push(&Origin::new("tm"), &incident)?;
    /// assert_eq!((tables.pending().events, tables.pending().updates), (1, 2));
    /// tables.finish()?;
    /// assert_eq!(tables.pending().events, 0);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn pending(&self) -> RowCounts {
        self.pending
    }

    /// The rows added since the last call, one batch per table (empty batches
    /// when there are none); the tables start empty again.
    ///
    /// # Errors
    ///
    /// [`ArrowExportError::Batch`], naming the table, if a batch cannot be
    /// built (after a refused [`Tables::push`]).
    ///
    /// # Example
    ///
    /// See the [module documentation](self).
    pub fn finish(&mut self) -> Result<TableBatches, ArrowExportError> {
        let refused = |table| move |source| ArrowExportError::Batch { table, source };
        let batches = TableBatches {
            events: self.events.finish().map_err(refused(Table::Events))?,
            updates: self.updates.finish().map_err(refused(Table::Updates))?,
            component_intervals: self
                .intervals
                .finish()
                .map_err(refused(Table::ComponentIntervals))?,
        };
        self.pending = RowCounts::default();
        Ok(batches)
    }
}
