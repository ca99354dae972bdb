//! The three tables as Parquet files (feature `parquet`), written in batches:
//! memory stays bounded by the batch and row-group sizes, whatever the size of
//! the export.
//!
//! Files are snappy-compressed; each holds the Arrow schema of its table
//! ([`events_schema`](super::events_schema), ...) in its metadata, so a reader
//! gets the dictionary-encoded statuses and the UTC timestamps back as they
//! were written.
//!
//! # Example
//!
//! ```
//! use chrono::{TimeZone, Utc};
//! use incident_model::formats::arrow::parquet::ParquetTables;
//! use incident_model::formats::arrow::{Origin, Tables};
//! use incident_model::{Incident, IncidentStatus::*, Update};
//!
//! let at = |h| Utc.with_ymd_and_hms(2020, 3, 16, h, 0, 0).unwrap();
//! let incident = Incident::builder("x")
//!     .update(Update::new(Investigating, at(10)))
//!     .update(Update::new(Resolved, at(11)))
//!     .build()?;
//!
//! // Any `Write + Send` will do; `ParquetTables::create` writes the three
//! // files in a folder.
//! let mut files = ParquetTables::new(Vec::new(), Vec::new(), Vec::new(), Tables::new(at(12))?)?;
//! files.write_all(&Origin::new("tm"), [&incident])?;
//! let written = files.finish()?;
//! assert_eq!((written.rows.events, written.rows.updates), (1, 2));
//! assert!(written.events.starts_with(b"PAR1"));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use std::fs::File;
use std::io::Write;
use std::path::{Path, PathBuf};

use ::parquet::arrow::ArrowWriter;
use ::parquet::basic::Compression;
use ::parquet::errors::ParquetError;
use ::parquet::file::properties::WriterProperties;

use super::{ArrowExportError, Origin, RowCounts, Table, TableBatches, Tables};
use crate::any::AnyEventRef;

/// How many events [`ParquetTables`] gathers before it hands a batch to the
/// writers, unless [`ParquetTables::with_batch_events`] says otherwise.
pub const BATCH_EVENTS: usize = 8_192;

/// The most rows in a row group of each file.
pub const ROW_GROUP_ROWS: usize = 65_536;

/// Writing a Parquet file failed.
///
/// # Example
///
/// ```
/// use incident_model::formats::arrow::parquet::{ParquetExportError, ParquetTables};
/// use incident_model::formats::arrow::Tables;
/// # use chrono::{TimeZone, Utc};
/// # let at = Utc.with_ymd_and_hms(2020, 3, 16, 10, 0, 0).unwrap();
/// let missing = std::path::Path::new("/nonexistent/folder");
/// let error = ParquetTables::create(missing, Tables::new(at)?).unwrap_err();
/// assert!(matches!(error, ParquetExportError::Create { .. }));
/// assert!(error.to_string().starts_with("cannot create /nonexistent/folder/events.parquet"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ParquetExportError {
    /// A file could not be created.
    #[error("cannot create {}: {source}", path.display())]
    Create {
        /// The file.
        path: PathBuf,
        /// The error of the file system.
        #[source]
        source: std::io::Error,
    },
    /// A table could not be written.
    #[error("{table} table: cannot write parquet: {source}")]
    Write {
        /// The table.
        table: Table,
        /// The Parquet writer's error.
        #[source]
        source: ParquetError,
    },
    /// A row or a batch of a table was refused.
    #[error(transparent)]
    Table(#[from] ArrowExportError),
}

/// What [`ParquetTables::finish`] hands back: the three writers' outputs (the
/// files, or buffers) and how many rows each table got.
///
/// # Example
///
/// See the [module documentation](self).
#[derive(Debug)]
#[non_exhaustive]
pub struct Written<W> {
    /// The output of the `events` table.
    pub events: W,
    /// The output of the `updates` table.
    pub updates: W,
    /// The output of the `component_intervals` table.
    pub component_intervals: W,
    /// The rows written to each table.
    pub rows: RowCounts,
}

/// The three tables written to Parquet as events come in: every
/// [`ParquetTables::with_batch_events`] events (8192 by default) the rows go
/// to the writers as one batch, and the writers flush a row group every
/// 65,536 rows ([`ROW_GROUP_ROWS`]).
///
/// `Send` but not `Sync`, as the `parquet` crate's writer.
///
/// # Example
///
/// See the [module documentation](self).
pub struct ParquetTables<W: Write + Send> {
    tables: Tables,
    events: ArrowWriter<W>,
    updates: ArrowWriter<W>,
    component_intervals: ArrowWriter<W>,
    batch_events: usize,
    rows: RowCounts,
}

impl<W: Write + Send> core::fmt::Debug for ParquetTables<W> {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("ParquetTables")
            .field("tables", &self.tables)
            .field("batch_events", &self.batch_events)
            .field("rows", &self.rows)
            .finish_non_exhaustive()
    }
}

impl ParquetTables<File> {
    /// Creates `events.parquet`, `updates.parquet` and
    /// `component_intervals.parquet` in the folder `dir` (replacing files of
    /// those names).
    ///
    /// # Errors
    ///
    /// [`ParquetExportError::Create`] naming the file that could not be
    /// created; [`ParquetExportError::Write`] if a writer cannot start.
    ///
    /// # Example
    ///
    /// See [`ParquetExportError`].
    pub fn create(dir: &Path, tables: Tables) -> Result<Self, ParquetExportError> {
        let create = |table: Table| {
            let path = dir.join(format!("{table}.parquet"));
            File::create(&path).map_err(|source| ParquetExportError::Create { path, source })
        };
        let events = create(Table::Events)?;
        let updates = create(Table::Updates)?;
        let component_intervals = create(Table::ComponentIntervals)?;
        ParquetTables::new(events, updates, component_intervals, tables)
    }
}

impl<W: Write + Send> ParquetTables<W> {
    /// Writers of the three tables to `events`, `updates` and
    /// `component_intervals`, the rows built by `tables`.
    ///
    /// # Errors
    ///
    /// [`ParquetExportError::Write`] if a writer cannot start.
    ///
    /// # Example
    ///
    /// See the [module documentation](self).
    pub fn new(
        events: W,
        updates: W,
        component_intervals: W,
        tables: Tables,
    ) -> Result<Self, ParquetExportError> {
        Ok(ParquetTables {
            tables,
            events: writer(events, Table::Events)?,
            updates: writer(updates, Table::Updates)?,
            component_intervals: writer(component_intervals, Table::ComponentIntervals)?,
            batch_events: BATCH_EVENTS,
            rows: RowCounts::default(),
        })
    }

    /// The same writers, handing a batch to the writers every `events` events
    /// (at least 1).
    ///
    /// # Example
    ///
    /// ```
    /// # use chrono::{TimeZone, Utc};
    /// # use incident_model::formats::arrow::{parquet::ParquetTables, Origin, Tables};
    /// # use incident_model::{Incident, IncidentStatus::*, Update};
    /// # let at = |h| Utc.with_ymd_and_hms(2020, 3, 16, h, 0, 0).unwrap();
    /// let incident = Incident::builder("x").update(Update::new(Resolved, at(10))).build()?;
    /// let mut files = ParquetTables::new(Vec::new(), Vec::new(), Vec::new(), Tables::new(at(12))?)?
    ///     .with_batch_events(1);
    /// files.write_all(&Origin::new("tm"), [&incident, &incident])?; // two batches
    /// assert_eq!(files.finish()?.rows.events, 2);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn with_batch_events(mut self, events: usize) -> Self {
        self.batch_events = events.max(1);
        self
    }

    /// Adds the rows of `event`, read from `origin` ([`Tables::push`]), and
    /// writes a batch once enough events have come in.
    ///
    /// # Errors
    ///
    /// [`ParquetExportError::Table`] if a row is refused,
    /// [`ParquetExportError::Write`] if a batch cannot be written.
    ///
    /// # Example
    ///
    /// See [`ParquetTables::with_batch_events`].
    pub fn push<'a>(
        &mut self,
        origin: &Origin<'_>,
        event: impl Into<AnyEventRef<'a>>,
    ) -> Result<(), ParquetExportError> {
        self.tables.push(origin, event)?;
        if self.tables.pending().events >= self.batch_events {
            self.flush()?;
        }
        Ok(())
    }

    /// [`ParquetTables::push`] for each of `events`, one at a time (an
    /// iterator that reads them lazily keeps memory bounded).
    ///
    /// # Errors
    ///
    /// As [`ParquetTables::push`], at the first event that fails.
    ///
    /// # Example
    ///
    /// See the [module documentation](self).
    pub fn write_all<'a, E: Into<AnyEventRef<'a>>>(
        &mut self,
        origin: &Origin<'_>,
        events: impl IntoIterator<Item = E>,
    ) -> Result<(), ParquetExportError> {
        events
            .into_iter()
            .try_for_each(|event| self.push(origin, event))
    }

    /// Hands the rows gathered so far to the writers as one batch.
    fn flush(&mut self) -> Result<(), ParquetExportError> {
        let pending = self.tables.pending();
        let TableBatches {
            events,
            updates,
            component_intervals,
        } = self.tables.finish()?;
        write(&mut self.events, &events, Table::Events)?;
        write(&mut self.updates, &updates, Table::Updates)?;
        write(
            &mut self.component_intervals,
            &component_intervals,
            Table::ComponentIntervals,
        )?;
        self.rows.add(pending);
        Ok(())
    }

    /// Writes the last batch and closes the files.
    ///
    /// # Errors
    ///
    /// [`ParquetExportError::Write`] if a table cannot be written or closed.
    ///
    /// # Example
    ///
    /// See the [module documentation](self).
    pub fn finish(mut self) -> Result<Written<W>, ParquetExportError> {
        self.flush()?;
        let close = |writer: ArrowWriter<W>, table| {
            writer
                .into_inner()
                .map_err(|source| ParquetExportError::Write { table, source })
        };
        Ok(Written {
            events: close(self.events, Table::Events)?,
            updates: close(self.updates, Table::Updates)?,
            component_intervals: close(self.component_intervals, Table::ComponentIntervals)?,
            rows: self.rows,
        })
    }
}

/// A writer of `table` to `out`.
fn writer<W: Write + Send>(out: W, table: Table) -> Result<ArrowWriter<W>, ParquetExportError> {
    let schema = match table {
        Table::Events => super::events_schema(),
        Table::Updates => super::updates_schema(),
        Table::ComponentIntervals => super::component_intervals_schema(),
    };
    let properties = WriterProperties::builder()
        .set_compression(Compression::SNAPPY)
        .set_max_row_group_row_count(Some(ROW_GROUP_ROWS))
        .build();
    ArrowWriter::try_new(out, schema, Some(properties))
        .map_err(|source| ParquetExportError::Write { table, source })
}

/// Writes a batch of `table`, unless it is empty.
fn write<W: Write + Send>(
    writer: &mut ArrowWriter<W>,
    batch: &super::RecordBatch,
    table: Table,
) -> Result<(), ParquetExportError> {
    if batch.num_rows() == 0 {
        return Ok(());
    }
    writer
        .write(batch)
        .map_err(|source| ParquetExportError::Write { table, source })
}
