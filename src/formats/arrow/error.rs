//! What can go wrong while building the tables.

use core::fmt;

use arrow_schema::ArrowError;

use crate::id::EventId;

/// One of the three tables.
///
/// # Example
///
/// ```
/// use incident_model::formats::arrow::Table;
/// assert_eq!(Table::ComponentIntervals.as_str(), "component_intervals");
/// assert_eq!(Table::ALL.len(), 3);
/// ```
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Debug)]
#[non_exhaustive]
pub enum Table {
    /// `events`: one row per incident or maintenance.
    Events,
    /// `updates`: one row per update.
    Updates,
    /// `component_intervals`: one row per interval of an affected component's
    /// status.
    ComponentIntervals,
}

impl Table {
    /// The three tables, in the order of the docs.
    pub const ALL: &'static [Table] = &[Table::Events, Table::Updates, Table::ComponentIntervals];

    /// The table's name: `events`, `updates`, `component_intervals`.
    ///
    /// # Example
    ///
    /// See [`Table`].
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Table::Events => "events",
            Table::Updates => "updates",
            Table::ComponentIntervals => "component_intervals",
        }
    }
}

impl fmt::Display for Table {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.as_str())
    }
}

/// Building a table refused a row or a batch. The vocabularies are fixed and
/// every value the model holds fits its column, so this names a defect rather
/// than bad input; it still says where, and keeps Arrow's error as its
/// [`source`](std::error::Error::source).
///
/// # Example
///
/// ```
/// use incident_model::formats::arrow::{ArrowExportError, Table};
/// let error = ArrowExportError::Batch {
///     table: Table::Updates,
///     source: arrow_schema::ArrowError::ComputeError("x".into()),
/// };
/// assert_eq!(error.to_string(), "updates table: cannot build a batch: Compute error: x");
/// ```
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ArrowExportError {
    /// A row of an event was refused.
    #[error("{table} table, page {page:?}, event {event:?}: cannot add the row: {source}")]
    Row {
        /// The table.
        table: Table,
        /// The page the event was read from.
        page: String,
        /// The event.
        event: EventId,
        /// Arrow's error.
        #[source]
        source: ArrowError,
    },
    /// A batch could not be built from the rows.
    #[error("{table} table: cannot build a batch: {source}")]
    Batch {
        /// The table.
        table: Table,
        /// Arrow's error.
        #[source]
        source: ArrowError,
    },
}
