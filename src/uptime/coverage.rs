//! Coverage: the time for which the data says something of a component. No
//! data is neither up nor down.

use chrono::{DateTime, Utc};

use super::{from_millis, InvertedWindow, Window};
use crate::duration::Elapsed;

/// The spans of time for which the data covers a component: outside them,
/// there is *no data*, which is left out of an uptime window and reported
/// ([`Uptime::no_data`](super::Uptime::no_data)), drawn grey, and never
/// counted as up. A window with no covered time has no uptime figure
/// ([`MergedHistory::uptime_covered`](super::MergedHistory::uptime_covered)
/// gives `None`), not 100%.
///
/// Built from plain `(start, end)` spans ([`Coverage::from_spans`]: what a
/// history of observations knows it covered), from a start
/// ([`Coverage::since`]: the first observation, or a component's
/// `start_date`), or as [`Coverage::always`] (the caller vouches for every
/// moment). [`Coverage::starting_at`] cuts the time before a component's
/// `start_date` off any coverage.
///
/// The spans are kept sorted and merged (touching or overlapping spans join);
/// times are kept to the millisecond, like the rest of [`uptime`](super).
///
/// # Example
///
/// ```
/// # use chrono::{TimeZone, Utc};
/// use incident_model::uptime::{Coverage, Window};
/// # let at = |d| Utc.with_ymd_and_hms(2020, 3, d, 0, 0, 0).unwrap();
/// let coverage = Coverage::from_spans([(at(10), at(20)), (at(15), at(25)), (at(28), at(29))])?;
/// assert_eq!(coverage.spans().count(), 2); // the first two overlap
/// assert_eq!(coverage.covered(Window::new(at(1), at(31))?).to_string(), "16d");
/// // The component's start_date: nothing counts before it.
/// let from_the_20th = coverage.starting_at(at(20));
/// assert_eq!(from_the_20th.covered(Window::new(at(1), at(31))?).to_string(), "6d");
/// assert!(Coverage::from_spans([(at(2), at(1))]).is_err()); // an inverted span is refused
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, PartialEq, Eq, Hash, Debug)]
pub struct Coverage {
    /// Disjoint, sorted, non-touching spans in milliseconds since the epoch.
    spans: Vec<(i64, i64)>,
}

impl Coverage {
    /// Every moment is covered: the data is complete (what
    /// [`MergedHistory::uptime`](super::MergedHistory::uptime) assumes).
    ///
    /// # Example
    ///
    /// ```
    /// # use chrono::{TimeZone, Utc};
    /// # use incident_model::uptime::{Coverage, Window};
    /// # let at = |d| Utc.with_ymd_and_hms(2020, 3, d, 0, 0, 0).unwrap();
    /// let window = Window::new(at(1), at(31))?;
    /// assert_eq!(Coverage::always().covered(window), window.length());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn always() -> Self {
        Coverage {
            spans: vec![(i64::MIN, i64::MAX)],
        }
    }

    /// Nothing is covered.
    ///
    /// # Example
    ///
    /// ```
    /// # use incident_model::uptime::Coverage;
    /// assert!(Coverage::none().is_empty());
    /// ```
    #[must_use]
    pub fn none() -> Self {
        Coverage { spans: Vec::new() }
    }

    /// Covered from `start` on.
    ///
    /// # Example
    ///
    /// ```
    /// # use chrono::{TimeZone, Utc};
    /// # use incident_model::uptime::{Coverage, Window};
    /// # let at = |d| Utc.with_ymd_and_hms(2020, 3, d, 0, 0, 0).unwrap();
    /// assert_eq!(Coverage::since(at(30)).covered(Window::new(at(1), at(31))?).to_string(), "1d");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn since(start: DateTime<Utc>) -> Self {
        Coverage {
            spans: vec![(start.timestamp_millis(), i64::MAX)],
        }
    }

    /// The coverage of the `(start, end)` spans, in any order; empty spans add
    /// nothing. O(n log n).
    ///
    /// # Errors
    ///
    /// [`InvertedWindow`] for the first span that ends before it starts.
    ///
    /// # Example
    ///
    /// See [`Coverage`].
    pub fn from_spans(
        spans: impl IntoIterator<Item = (DateTime<Utc>, DateTime<Utc>)>,
    ) -> Result<Self, InvertedWindow> {
        let mut raw: Vec<(i64, i64)> = Vec::new();
        for (start, end) in spans {
            let window = Window::new(start, end)?;
            let (start, end) = window.millis();
            if start < end {
                raw.push((start, end));
            }
        }
        raw.sort_unstable();
        let mut merged: Vec<(i64, i64)> = Vec::with_capacity(raw.len());
        for (start, end) in raw {
            match merged.last_mut() {
                Some(last) if start <= last.1 => last.1 = last.1.max(end),
                _ => merged.push((start, end)),
            }
        }
        Ok(Coverage { spans: merged })
    }

    /// The same coverage with everything before `start` cut off (a
    /// component's `start_date`).
    ///
    /// # Example
    ///
    /// See [`Coverage`].
    #[must_use]
    pub fn starting_at(mut self, start: DateTime<Utc>) -> Self {
        let start = start.timestamp_millis();
        self.spans.retain(|&(_, end)| end > start);
        if let Some(first) = self.spans.first_mut() {
            first.0 = first.0.max(start);
        }
        self
    }

    /// Whether nothing is covered.
    ///
    /// # Example
    ///
    /// See [`Coverage::none`].
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.spans.is_empty()
    }

    /// The covered spans, in time order (an unbounded end is clamped to what
    /// `chrono` can represent).
    ///
    /// # Example
    ///
    /// See [`Coverage`].
    pub fn spans(&self) -> impl Iterator<Item = Window> + '_ {
        self.spans
            .iter()
            .filter_map(|&(start, end)| Window::new(from_millis(start), from_millis_max(end)).ok())
    }

    /// How much of `window` is covered. O(log n + k) for the k spans it
    /// overlaps.
    ///
    /// # Example
    ///
    /// See [`Coverage`].
    #[must_use]
    pub fn covered(&self, window: Window) -> Elapsed {
        let (start, end) = window.millis();
        let millis = self
            .within(start, end)
            .map(|(a, b)| b.saturating_sub(a))
            .fold(0i64, i64::saturating_add);
        Elapsed::from_millis(millis)
    }

    /// The covered parts of `start..end`, in time order.
    pub(super) fn within(&self, start: i64, end: i64) -> impl Iterator<Item = (i64, i64)> + '_ {
        let first = self.spans.partition_point(|&(_, e)| e <= start);
        self.spans
            .iter()
            .skip(first)
            .take_while(move |&&(s, _)| s < end)
            .map(move |&(s, e)| (s.max(start), e.min(end)))
            .filter(|(a, b)| a < b)
    }
}

impl Default for Coverage {
    /// [`Coverage::always`].
    fn default() -> Self {
        Coverage::always()
    }
}

/// `millis` as a time, the latest representable one past the range.
fn from_millis_max(millis: i64) -> DateTime<Utc> {
    DateTime::from_timestamp_millis(millis).unwrap_or(DateTime::<Utc>::MAX_UTC)
}
