//! Observations over time: a page's [`History`], merged from what it said at
//! each [`Observation`], and the [`Change`] feed between them.
//!
//! A document read from a page is an *observation*: what the page said at one
//! time ([`ObservedAt`], given by the caller or inferred as the latest time the
//! document holds), of one page ([`PageKey`]: its id, else a source name the
//! caller gives). A [`History`] merges the observations of one page:
//!
//! - events are keyed by id, and the version from the latest observation wins
//!   (observations are merged by `observed_at`, not by arrival: an older one
//!   arriving late changes nothing an newer one said);
//! - updates are merged by id: an update seen before and missing later is an
//!   `update_deleted` change and a [`HistoryAnomalyKind::UpdateDeleted`]; the
//!   same id with another body is an `update_edited`; the same id with another
//!   status or display time, or in another event, is a
//!   [`HistoryAnomalyKind::UpdateIdReused`] anomaly, never a silent overwrite;
//! - an event absent from a later observation is *kept*: lists are partial
//!   (`incidents.json` holds the 50 most recent, `summary.json` only open
//!   events), and absence is never taken as resolution. When an observation
//!   that would list it ([`Coverage`]) no longer does while it is open, the
//!   event is *stale* ([`TrackedEvent::stale_since`]): closed or out of the
//!   list, unknown when;
//! - an open event is measured until the latest observation that saw it
//!   ([`TrackedEvent::measured_until`]), never past it.
//!
//! [`History::observe`] returns the [`Change`]s an observation brings: fed in
//! order, a history reports each change exactly once; that is a status bot.
//! [`changes`] gives the changes between two observations, [`announced`] the
//! changes a single webhook delivery announces.
//!
//! With the `serde` feature a history serializes in the crate's own format and
//! reads back equal, so a poller keeps its state between runs.
//!
//! # Example
//!
//! ```
//! use chrono::{TimeZone, Utc};
//! use incident_model::history::{ChangeKind, Coverage, History, Observation, ObservedAt, PageKey};
//! use incident_model::{Incident, IncidentStatus::*, Update, UpdateId};
//! let at = |h| Utc.with_ymd_and_hms(2020, 3, 16, h, 0, 0).unwrap();
//! let summary = |h, events: Vec<Incident>| {
//!     Observation::new(PageKey::Id("p".into()), ObservedAt::Given(at(h)))
//!         .with_coverage(Coverage::OpenEvents)
//!         .with_events(events.into_iter().map(Into::into))
//! };
//! let incident = Incident::builder("Slow page loads").id("x1".parse()?)
//!     .update(Update::new(Investigating, at(10)).with_id(UpdateId::new("u1")?))
//!     .build()?;
//! let mut history = History::new();
//! let kinds = |changes: Vec<_>| changes.iter().map(incident_model::history::Change::kind).collect::<Vec<_>>();
//! assert_eq!(kinds(history.observe(summary(10, vec![incident.clone()]))?), [ChangeKind::EventOpened, ChangeKind::UpdatePosted]);
//! assert!(history.observe(summary(11, vec![incident]))?.is_empty()); // nothing new: nothing said
//! assert!(history.observe(summary(12, vec![]))?.is_empty()); // gone from the summary: stale, not resolved
//! let tracked = &history.events()[0];
//! assert!(tracked.event().is_open());
//! assert_eq!(tracked.stale_since(), Some(at(12)));
//! assert_eq!(tracked.measured_until(), at(11)); // never past the last time it was seen
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod change;
mod merge;
mod observation;

use chrono::{DateTime, Utc};

use crate::any::AnyEvent;
use crate::component::Component;
use crate::id::{EventId, UpdateId};
use crate::status::ComponentStatus;

pub use change::{Change, ChangeKind, EventSummary, UpdateSummary};
pub use merge::{announced, changes, History};
pub use observation::{
    AnnouncedChange, Coverage, Observation, ObservedAt, ObservedComponent, PageIndicator, PageKey,
};

/// An observation that cannot go into a history.
///
/// # Example
///
/// ```
/// use chrono::{TimeZone, Utc};
/// use incident_model::history::{History, HistoryError, Observation, ObservedAt, PageKey};
/// let at = ObservedAt::Given(Utc.with_ymd_and_hms(2020, 3, 16, 12, 0, 0).unwrap());
/// let mut history = History::new();
/// history.observe(Observation::new(PageKey::Id("kctbh9vrtdwd".into()), at))?;
/// let err = history.observe(Observation::new(PageKey::Id("4lzycl8t1x0c".into()), at)).unwrap_err();
/// assert_eq!(err.to_string(), "an observation of page 4lzycl8t1x0c given to the history of page kctbh9vrtdwd");
/// # Ok::<(), HistoryError>(())
/// ```
#[derive(Clone, PartialEq, Eq, Debug, thiserror::Error)]
#[non_exhaustive]
pub enum HistoryError {
    /// The observation is of another page than the history's.
    #[error("an observation of {observation} given to the history of {history}")]
    OtherPage {
        /// The history's page.
        history: PageKey,
        /// The observation's page.
        observation: PageKey,
    },
    /// No observation time was given and the document holds no timestamp to
    /// infer it from.
    #[error("{page}: no observation time given, and the document holds no timestamp")]
    NoObservedAt {
        /// The page observed.
        page: PageKey,
    },
}

/// An event as a history knows it: its latest observed version, when that
/// was observed, when it was last seen, and whether it went stale.
///
/// # Example
///
/// See the [module documentation](self).
#[derive(Clone, PartialEq, Eq, Debug)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct TrackedEvent {
    event: AnyEvent,
    observed_at: DateTime<Utc>,
    last_seen: DateTime<Utc>,
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    stale_since: Option<DateTime<Utc>>,
}

impl TrackedEvent {
    /// The latest observed version of the event.
    ///
    /// # Example
    ///
    /// See the [module documentation](self).
    #[must_use]
    pub fn event(&self) -> &AnyEvent {
        &self.event
    }

    /// When the observation this version comes from was made.
    ///
    /// # Example
    ///
    /// See the [module documentation](self).
    #[must_use]
    pub fn observed_at(&self) -> DateTime<Utc> {
        self.observed_at
    }

    /// When the latest observation that listed the event was made.
    ///
    /// # Example
    ///
    /// See the [module documentation](self).
    #[must_use]
    pub fn last_seen(&self) -> DateTime<Utc> {
        self.last_seen
    }

    /// Until when the event is measured: its resolution, or, while open, the
    /// last time it was seen ([`TrackedEvent::last_seen`]), never past it.
    ///
    /// # Example
    ///
    /// See the [module documentation](self).
    #[must_use]
    pub fn measured_until(&self) -> DateTime<Utc> {
        self.event.measured_until(self.last_seen)
    }

    /// When an observation that would have listed the open event no longer
    /// did (closed or out of the list: unknown when); none while it is listed
    /// or closed.
    ///
    /// # Example
    ///
    /// See the [module documentation](self).
    #[must_use]
    pub fn stale_since(&self) -> Option<DateTime<Utc>> {
        self.stale_since
    }
}

/// A page component as a history knows it: the component, its latest
/// observed status and since when. Passive data.
///
/// # Example
///
/// ```
/// # use chrono::{TimeZone, Utc};
/// use incident_model::history::{History, Observation, ObservedAt, ObservedComponent, PageKey};
/// use incident_model::{Component, ComponentId, ComponentStatus::*};
/// # let at = ObservedAt::Given(Utc.with_ymd_and_hms(2020, 3, 16, 12, 0, 0).unwrap());
/// let api = Component::new(ComponentId::new("api")?, "API");
/// let mut history = History::new();
/// history.observe(Observation::new(PageKey::Id("p".into()), at)
///     .with_component(ObservedComponent::new(api, MajorOutage)))?;
/// assert_eq!(history.components()[0].status, MajorOutage);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, PartialEq, Eq, Debug)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
#[non_exhaustive]
pub struct TrackedComponent {
    /// The component.
    pub component: Component,
    /// Its latest observed status.
    pub status: ComponentStatus,
    /// When that status was observed (or announced).
    pub at: DateTime<Utc>,
}

/// One observation a history took in: when, and what it covered. Passive
/// data.
///
/// # Example
///
/// See [`History::observations`].
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
#[non_exhaustive]
pub struct ObservationRecord {
    /// When it was made.
    pub observed_at: ObservedAt,
    /// What it covered.
    pub coverage: Coverage,
}

/// A kind of [`HistoryAnomaly`].
///
/// # Example
///
/// ```
/// use incident_model::history::HistoryAnomalyKind;
/// assert_eq!(HistoryAnomalyKind::UpdateIdReused.to_string(), "update_id_reused");
/// ```
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Debug)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum HistoryAnomalyKind {
    /// An update seen before is gone from a later version of its event.
    UpdateDeleted,
    /// An update id came back with another status or display time, or in
    /// another event: another update under a reused id.
    UpdateIdReused,
    /// An event id came back as the other kind (incident, maintenance); the
    /// later version is kept.
    EventKindChanged,
}

impl HistoryAnomalyKind {
    /// The wire name.
    ///
    /// # Example
    ///
    /// See [`HistoryAnomalyKind`].
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            HistoryAnomalyKind::UpdateDeleted => "update_deleted",
            HistoryAnomalyKind::UpdateIdReused => "update_id_reused",
            HistoryAnomalyKind::EventKindChanged => "event_kind_changed",
        }
    }
}

impl core::fmt::Display for HistoryAnomalyKind {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.pad(self.as_str())
    }
}

/// Something a history noticed across observations: what, which event and
/// update, and in the observation made when. Passive data.
///
/// # Example
///
/// See [`History::anomalies`].
#[derive(Clone, PartialEq, Eq, Debug)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
#[non_exhaustive]
pub struct HistoryAnomaly {
    /// What.
    pub kind: HistoryAnomalyKind,
    /// The event.
    pub event: EventId,
    /// The update, when it is about one.
    pub update: Option<UpdateId>,
    /// When the observation that showed it was made.
    pub observed_at: DateTime<Utc>,
}

impl core::fmt::Display for HistoryAnomaly {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        write!(f, "{}: event {}", self.kind, self.event)?;
        if let Some(update) = &self.update {
            write!(f, ", update {update}")?;
        }
        write!(
            f,
            ", observed at {}",
            crate::time::rfc3339(self.observed_at)
        )
    }
}
