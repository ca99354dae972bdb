//! The reader's resource limits.

/// Resource limits of the reader: documents from the internet are read with
/// bounded work and memory. Every entry point without `_with` uses
/// [`Limits::default`]. A document over a limit is refused with
/// [`StatuspageError::LimitExceeded`](super::StatuspageError::LimitExceeded),
/// naming the limit, the size found and where, before the work the value
/// would cost:
///
/// | limit | default | bounds | checked |
/// |---|---|---|---|
/// | `max_input_bytes` | 256 MiB | the document | before parsing (the examples read files with this bound, so a longer one is not even read) |
/// | `max_events` | 100 000 | incidents and maintenances in one document | after the JSON is parsed, before any event is read |
/// | `max_updates_per_event` | 10 000 | updates of one incident or maintenance | before the event's first update is read |
/// | `max_body_bytes` | 1 MiB | the body of one update | before the body is copied |
/// | `max_id_bytes` | 1 KiB | one id of an event, update or component (an incident's, a page's, an affected component's `code`, a `group_id`) | before the id is copied: ids are copied into anomalies and made update ids |
/// | `max_name_bytes` | 64 KiB | the name of one event or component (an incident's, a page's, an affected component's) | before the name is copied |
///
/// Parsing the JSON costs time and memory in proportion to the document,
/// which `max_input_bytes` bounds; the other limits bound what reading the
/// events would add. Counts that the limits leave free (components of an
/// event, affected components of an update) are read in time near-linear in
/// their number. JSON nested deeper than 128 levels is a syntax error (the
/// JSON reader's own limit), whatever the limits.
///
/// # Example
///
/// ```
/// use incident_model::formats::statuspage::Limits;
/// let mut limits = Limits::default(); // non-exhaustive: set the fields you need
/// limits.max_updates_per_event = 100_000;
/// assert_eq!(limits.max_events, 100_000);
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
#[non_exhaustive]
pub struct Limits {
    /// Size of the document in bytes.
    pub max_input_bytes: usize,
    /// Incidents and maintenances in one document.
    pub max_events: usize,
    /// Updates of one incident or maintenance.
    pub max_updates_per_event: usize,
    /// Size of one update's body in bytes.
    pub max_body_bytes: usize,
    /// Size of one event, update or component id in bytes.
    pub max_id_bytes: usize,
    /// Size of one event or component name in bytes.
    pub max_name_bytes: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_input_bytes: 256 << 20,
            max_events: 100_000,
            max_updates_per_event: 10_000,
            max_body_bytes: 1 << 20,
            max_id_bytes: 1 << 10,
            max_name_bytes: 64 << 10,
        }
    }
}

impl Limits {
    /// No limit at all (still, JSON nesting stops at 128 levels).
    ///
    /// # Example
    ///
    /// ```
    /// use incident_model::formats::statuspage::Limits;
    /// assert_eq!(Limits::none().max_events, usize::MAX);
    /// ```
    #[must_use]
    pub fn none() -> Self {
        Limits {
            max_input_bytes: usize::MAX,
            max_events: usize::MAX,
            max_updates_per_event: usize::MAX,
            max_body_bytes: usize::MAX,
            max_id_bytes: usize::MAX,
            max_name_bytes: usize::MAX,
        }
    }

    /// The value of `limit`.
    ///
    /// # Example
    ///
    /// ```
    /// use incident_model::formats::statuspage::{Limit, Limits};
    /// assert_eq!(Limits::default().get(Limit::BodyBytes), 1 << 20);
    /// ```
    #[must_use]
    pub fn get(&self, limit: Limit) -> usize {
        match limit {
            Limit::InputBytes => self.max_input_bytes,
            Limit::Events => self.max_events,
            Limit::UpdatesPerEvent => self.max_updates_per_event,
            Limit::BodyBytes => self.max_body_bytes,
            Limit::IdBytes => self.max_id_bytes,
            Limit::NameBytes => self.max_name_bytes,
        }
    }
}

/// One of the reader's [`Limits`], named in [`StatuspageError::LimitExceeded`](super::StatuspageError::LimitExceeded).
///
/// # Example
///
/// ```
/// use incident_model::formats::statuspage::Limit;
/// assert_eq!(Limit::UpdatesPerEvent.field(), "max_updates_per_event");
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
#[non_exhaustive]
pub enum Limit {
    /// [`Limits::max_input_bytes`].
    InputBytes,
    /// [`Limits::max_events`].
    Events,
    /// [`Limits::max_updates_per_event`].
    UpdatesPerEvent,
    /// [`Limits::max_body_bytes`].
    BodyBytes,
    /// [`Limits::max_id_bytes`].
    IdBytes,
    /// [`Limits::max_name_bytes`].
    NameBytes,
}

impl Limit {
    /// The name of the limit's field in [`Limits`].
    ///
    /// # Example
    ///
    /// ```
    /// use incident_model::formats::statuspage::Limit;
    /// assert_eq!(Limit::InputBytes.field(), "max_input_bytes");
    /// ```
    #[must_use]
    pub fn field(self) -> &'static str {
        match self {
            Limit::InputBytes => "max_input_bytes",
            Limit::Events => "max_events",
            Limit::UpdatesPerEvent => "max_updates_per_event",
            Limit::BodyBytes => "max_body_bytes",
            Limit::IdBytes => "max_id_bytes",
            Limit::NameBytes => "max_name_bytes",
        }
    }
}
