//! Where an event was read from.

use chrono::{DateTime, Utc};

/// Where an event was read from: the `page` column of every table, and the
/// `observed_at` column of `events`.
///
/// Passive data: the fields are public.
///
/// # Example
///
/// ```
/// use chrono::{TimeZone, Utc};
/// use incident_model::formats::arrow::Origin;
/// let at = Utc.with_ymd_and_hms(2020, 4, 2, 16, 0, 0).unwrap();
/// let origin = Origin::new("kctbh9vrtdwd").observed(at);
/// assert_eq!((origin.page, origin.observed_at), ("kctbh9vrtdwd", Some(at)));
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct Origin<'a> {
    /// The page: its id when the document has one, else the name of the
    /// source it was read from (a file name).
    pub page: &'a str,
    /// When the document was observed (fetched, captured), when known.
    pub observed_at: Option<DateTime<Utc>>,
    /// Until when an open event of this origin is measured, when earlier than
    /// the tables' `as_of`: the last observation that saw it open
    /// ([`TrackedEvent::measured_until`](crate::history::TrackedEvent::measured_until)),
    /// never past it.
    pub measured_until: Option<DateTime<Utc>>,
}

impl<'a> Origin<'a> {
    /// Events of `page`, observed at an unknown time.
    ///
    /// # Example
    ///
    /// See [`Origin`].
    #[must_use]
    pub const fn new(page: &'a str) -> Self {
        Origin {
            page,
            observed_at: None,
            measured_until: None,
        }
    }

    /// The same origin, observed at `at`.
    ///
    /// # Example
    ///
    /// See [`Origin`].
    #[must_use]
    pub const fn observed(mut self, at: DateTime<Utc>) -> Self {
        self.observed_at = Some(at);
        self
    }

    /// The same origin, its open events measured until `at` at the latest
    /// (an event of a history, measured until it was last seen).
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::{TimeZone, Utc};
    /// use incident_model::formats::arrow::Origin;
    /// let seen = Utc.with_ymd_and_hms(2020, 4, 2, 16, 0, 0).unwrap();
    /// let origin = Origin::new("kctbh9vrtdwd").observed(seen).measured_until(seen);
    /// assert_eq!(origin.measured_until, Some(seen));
    /// ```
    #[must_use]
    pub const fn measured_until(mut self, at: DateTime<Utc>) -> Self {
        self.measured_until = Some(at);
        self
    }
}
