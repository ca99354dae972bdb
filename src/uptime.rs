//! Weighted downtime and uptime of components across many incidents and
//! maintenances.
//!
//! # The rules
//!
//! An uptime figure is meaningless without its rule, so every [`Uptime`]
//! carries the [`UptimeRule`] that made it, printed (`99.95% (statuspage)`) and
//! serialized with it. A rule is the weight of each component status
//! ([`Weights`]) and how time under maintenance counts
//! ([`MaintenanceWindows`]); the presets ([`UptimePreset`]):
//!
//! | rule | major | partial | degraded | maintenance windows |
//! |---|---|---|---|---|
//! | `statuspage` (default) | 1.0 | 0.3 | 0 | count as up |
//! | `incident_io` | 1.0 | 1.0 | 0 | count as up |
//! | `openstatus` | 1.0 | 0.5 | 0 | count as up |
//! | `agreed_service_time` (ITIL) | 1.0 | 0.3 | 0 | removed from the window |
//!
//! Custom rules are built from the same type ([`UptimeRule::custom`]).
//! "Maintenance windows" are the moments a component is under maintenance
//! (from any event). The uptime of a component over a window is
//!
//! ```text
//! uptime = 1 - weighted downtime / measured length
//! measured length = window - no data - maintenance removed (by the rule)
//! ```
//!
//! # No data is not up
//!
//! Time for which the data says nothing of a component (before the first
//! observation that covers it, before its `start_date`) is *no data*: a
//! [`Coverage`] says what is covered, and [`MergedHistory::uptime_covered`]
//! and [`MergedHistory::daily_covered`] leave the rest out of the window and
//! report it ([`Uptime::no_data`], [`DayBucket::no_data`]). A window with no
//! covered time has no figure (`None`), never 100%. [`MergedHistory::uptime`]
//! and [`MergedHistory::daily`] are for data the caller knows to be complete.
//!
//! where the intervals of the component's status from many events (incidents
//! and maintenances alike: [`ComponentHistory`] collects them, using each
//! event's [`affected components`](crate::Event::affected_components) rules)
//! are merged, so that a moment counts **once, at the highest weight in force**
//! ([`MergedHistory`]), and clipped to the window.
//!
//! # Exactness
//!
//! Times are taken to the millisecond (sub-millisecond parts are dropped, as by
//! [`DateTime::timestamp_millis`]) and weights to the thousandth
//! ([`Weights::permille`]), so the weighted downtime is an exact integer sum:
//! splitting or merging intervals never changes it by a rounding error, and
//! adding an outage can never raise the uptime. Only the final ratio is a
//! floating-point number, always within `[0, 1]`.
//!
//! # Printing
//!
//! [`Uptime`] prints as status pages print it, `99.95%`: two decimals by default
//! (`{:.3}` for three), **truncated, never rounded**: a component that was down at
//! all never shows `100.00%`, and 99.996% shows as `99.99%`.
//!
//! # Cost
//!
//! Merging is a sweep over the sorted interval ends: O(n log n) in the number n of
//! intervals of the component. Once merged, the uptime over a window is
//! O(log n + k) for the k merged intervals it overlaps, and the daily buckets of
//! a [`DayRange`] O(n + d) for d days (plus the intervals spanning several days).
//!
//! # Time zones
//!
//! Day buckets are calendar days in the page's IANA zone with
//! [`DayRange::in_zone`] (feature `tz`): a day across a daylight-saving change
//! is 23 or 25 hours long. Without the feature, days are UTC days, or days at
//! a fixed offset ([`DayRange::with_offset`]).
//!
//! # Example
//!
//! ```
//! # use chrono::{NaiveDate, TimeZone, Utc};
//! # use incident_model::{
//! #     ComponentChange, ComponentHistory, ComponentId, ComponentStatus::*, DayRange, Incident,
//! #     IncidentStatus::*, Update, Weights, Window,
//! # };
//! #
//! # let at = |d, h| Utc.with_ymd_and_hms(2020, 3, d, h, 0, 0).unwrap();
//! # let api = ComponentId::new("api")?;
//! # let change = |old, new| ComponentChange::new(api.clone(), "API", old, new);
//! # let incident = Incident::builder("API down")
//! #     .update(Update::new(Investigating, at(16, 10)).with_change(change(Operational, MajorOutage)))
//! #     .update(Update::new(Resolved, at(16, 11)).with_change(change(MajorOutage, Operational)))
//! #     .build()?;
//! // The API was down from 10:00 to 11:00 on 16 March.
//!
//! let mut history = ComponentHistory::new();
//! history.add_event(&incident, at(31, 0));
//! let merged = history.merged(&api);
//!
//! // One hour down in a 30-day window: 1 - 1/720.
//! let window = Window::new(at(1, 0), at(31, 0))?;
//! let uptime = merged.uptime(window, &Weights::statuspage());
//! assert_eq!(uptime.to_string(), "99.86% (statuspage)");
//! assert_eq!(format!("{:.3}", uptime.percentage()), "99.861%");
//!
//! // The 90-day bar, as a status page draws it.
//! let bar = merged.daily(&DayRange::ending(NaiveDate::from_ymd_opt(2020, 3, 31).unwrap(), 90), &Weights::default());
//! assert_eq!(bar.len(), 90);
//! let day = bar.iter().find(|b| b.date == NaiveDate::from_ymd_opt(2020, 3, 16).unwrap()).unwrap();
//! assert_eq!(day.worst_status, Some(MajorOutage));
//! assert_eq!(day.weighted_downtime.to_string(), "1h");
//! assert_eq!(day.uptime.unwrap().to_string(), "95.83% (statuspage)");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use core::fmt;
use std::collections::HashMap;

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveTime, Offset, TimeZone, Utc};

use crate::any::{with_event, AnyEventRef};
use crate::duration::Elapsed;
use crate::event::Event;
use crate::id::ComponentId;
use crate::policy::Lifecycle;
use crate::status::ComponentStatus;
use crate::time::rfc3339;
use crate::timeline::{walk_components, AffectedComponent, StatusInterval};

mod coverage;
mod rule;

pub use coverage::Coverage;
pub use rule::{MaintenanceWindows, UptimePreset, UptimeRule};

/// The weight of a whole outage, in thousandths.
const FULL: u16 = 1_000;
/// The number of component statuses.
const STATUSES: usize = 5;

/// The weight of each component status in downtime, from 0 (no downtime) to 1
/// (full downtime), kept to the thousandth.
///
/// The presets: [`Weights::statuspage`] (the default), [`Weights::openstatus`]
/// and [`Weights::incident_io`]; change one weight with [`Weights::with`].
///
/// # Example
///
/// ```
/// use incident_model::{ComponentStatus::*, Weights};
/// assert_eq!(Weights::default(), Weights::statuspage());
/// assert_eq!(Weights::statuspage().weight(PartialOutage), 0.3);
/// assert_eq!(Weights::openstatus().weight(PartialOutage), 0.5);
/// assert_eq!(Weights::incident_io().weight(PartialOutage), 1.0);
/// let custom = Weights::statuspage().with(DegradedPerformance, 0.1);
/// assert_eq!(custom.permille(DegradedPerformance), 100);
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct Weights {
    /// Thousandths, indexed by the position of the status in
    /// [`ComponentStatus::ALL`].
    permille: [u16; STATUSES],
}

impl Weights {
    /// Statuspage's weights: major outage 1.0, partial outage 0.3, everything
    /// else 0. The default.
    ///
    /// # Example
    ///
    /// ```
    /// # use incident_model::{ComponentStatus::*, Weights};
    /// assert_eq!(Weights::statuspage().weight(MajorOutage), 1.0);
    /// assert_eq!(Weights::statuspage().weight(DegradedPerformance), 0.0);
    /// ```
    #[must_use]
    pub const fn statuspage() -> Self {
        // Operational, UnderMaintenance, DegradedPerformance, PartialOutage, MajorOutage.
        Weights {
            permille: [0, 0, 0, 300, FULL],
        }
    }

    /// OpenStatus's weights: major outage 1.0, partial outage 0.5, everything
    /// else 0.
    ///
    /// # Example
    ///
    /// ```
    /// # use incident_model::{ComponentStatus::*, Weights};
    /// assert_eq!(Weights::openstatus().weight(PartialOutage), 0.5);
    /// ```
    #[must_use]
    pub const fn openstatus() -> Self {
        Weights {
            permille: [0, 0, 0, 500, FULL],
        }
    }

    /// incident.io's weights: major and partial outages 1.0, everything else 0.
    ///
    /// # Example
    ///
    /// ```
    /// # use incident_model::{ComponentStatus::*, Weights};
    /// assert_eq!(Weights::incident_io().weight(PartialOutage), 1.0);
    /// ```
    #[must_use]
    pub const fn incident_io() -> Self {
        Weights {
            permille: [0, 0, 0, FULL, FULL],
        }
    }

    /// The same weights, with `status` weighing `weight`, rounded to the
    /// thousandth and clamped to `[0, 1]` (NaN counts as 0).
    ///
    /// # Example
    ///
    /// ```
    /// # use incident_model::{ComponentStatus::*, Weights};
    /// let w = Weights::statuspage().with(UnderMaintenance, 2.0);
    /// assert_eq!(w.weight(UnderMaintenance), 1.0); // clamped
    /// ```
    #[must_use]
    pub fn with(self, status: ComponentStatus, weight: f64) -> Self {
        let clamped = if weight.is_nan() {
            0.0
        } else {
            weight.clamp(0.0, 1.0)
        };
        // In [0, 1000] after the clamp, so the cast is exact.
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
        let permille = (clamped * f64::from(FULL)).round() as u16;
        self.with_permille(status, permille)
    }

    /// The same weights, with `status` weighing `permille` thousandths (clamped
    /// to 1000).
    ///
    /// # Example
    ///
    /// ```
    /// # use incident_model::{ComponentStatus::*, Weights};
    /// assert_eq!(Weights::statuspage().with_permille(PartialOutage, 250).weight(PartialOutage), 0.25);
    /// ```
    #[must_use]
    pub fn with_permille(mut self, status: ComponentStatus, permille: u16) -> Self {
        if let Some(slot) = self.permille.get_mut(status.index()) {
            *slot = permille.min(FULL);
        }
        self
    }

    /// The weight of `status`, in thousandths.
    ///
    /// # Example
    ///
    /// ```
    /// # use incident_model::{ComponentStatus::*, Weights};
    /// assert_eq!(Weights::statuspage().permille(PartialOutage), 300);
    /// ```
    #[must_use]
    pub fn permille(&self, status: ComponentStatus) -> u16 {
        self.permille.get(status.index()).copied().unwrap_or(0)
    }

    /// The weight of `status`, in `[0, 1]`.
    ///
    /// # Example
    ///
    /// ```
    /// # use incident_model::{ComponentStatus::*, Weights};
    /// assert_eq!(Weights::statuspage().weight(Operational), 0.0);
    /// ```
    #[must_use]
    pub fn weight(&self, status: ComponentStatus) -> f64 {
        f64::from(self.permille(status)) / f64::from(FULL)
    }

    /// `millis` milliseconds weighed by `status`: in millisecond-thousandths.
    pub(crate) fn weigh(&self, status: ComponentStatus, millis: i64) -> u128 {
        u128::try_from(millis.max(0)).unwrap_or(0) * u128::from(self.permille(status))
    }

    /// For each set of statuses (a bit mask over [`ComponentStatus::ALL`]), the
    /// highest weight among them.
    fn by_mask(&self) -> [u16; 1 << STATUSES] {
        let mut table = [0; 1 << STATUSES];
        for (mask, slot) in table.iter_mut().enumerate() {
            *slot = ComponentStatus::ALL
                .iter()
                .filter(|status| mask & (1 << status.index()) != 0)
                .map(|&status| self.permille(status))
                .max()
                .unwrap_or(0);
        }
        table
    }
}

impl Default for Weights {
    /// [`Weights::statuspage`].
    fn default() -> Self {
        Weights::statuspage()
    }
}

/// The weighted downtime of one event's component: defined here, beside the
/// weights, so that the timeline never needs them.
impl AffectedComponent {
    /// The downtime of the component within the event, each interval weighed by
    /// its status ([`Weights`]; `Default::default()` for Statuspage's). Truncated
    /// to the millisecond.
    ///
    /// # Example
    ///
    /// ```
    /// # use chrono::{TimeZone, Utc};
    /// # use incident_model::{ComponentChange, ComponentId, ComponentStatus::*, Incident, IncidentStatus::*, Update};
    /// # use incident_model::uptime::Weights;
    /// # let at = |h: u32| Utc.with_ymd_and_hms(2020, 3, 16, h, 0, 0).unwrap();
    /// # let api = ComponentId::new("api")?;
    /// # let change = |old, new| ComponentChange::new(api.clone(), "API", old, new);
    /// # let incident = Incident::builder("x")
    /// #     .update(Update::new(Investigating, at(10)).with_change(change(Operational, DegradedPerformance)))
    /// #     .update(Update::new(Identified, at(12)).with_change(change(DegradedPerformance, MajorOutage)))
    /// #     .update(Update::new(Resolved, at(13)).with_change(change(MajorOutage, Operational)))
    /// #     .build()?;
    /// // The API: degraded performance 10:00-12:00, major outage 12:00-13:00.
    /// let affected = &incident.affected_components(at(23))[0];
    /// // 1 h of major outage at full weight; degraded performance weighs nothing by default.
    /// assert_eq!(affected.weighted_downtime(&Weights::default()).to_string(), "1h");
    /// let strict = Weights::default().with(DegradedPerformance, 0.5);
    /// assert_eq!(affected.weighted_downtime(&strict).to_string(), "2h");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn weighted_downtime(&self, weights: &Weights) -> Elapsed {
        let weighed: u128 = self
            .time_in_status
            .iter()
            .map(|(status, time)| weights.weigh(status, time.as_millis()))
            .sum();
        millis_from_weighed(weighed)
    }
}

/// Millisecond-thousandths back to a duration, truncated to the millisecond.
fn millis_from_weighed(weighed: u128) -> Elapsed {
    let millis = weighed / u128::from(FULL);
    Elapsed::from_millis(i64::try_from(millis).unwrap_or(i64::MAX))
}

/// A window of time, `start` inclusive, `end` exclusive; never inverted.
///
/// # Example
///
/// ```
/// # use chrono::{TimeZone, Utc};
/// use incident_model::Window;
/// # let at = |d| Utc.with_ymd_and_hms(2020, 3, d, 0, 0, 0).unwrap();
/// let window = Window::new(at(1), at(31))?;
/// assert_eq!(window.length().to_string(), "30d");
/// assert!(Window::new(at(31), at(1)).is_err());
/// # Ok::<(), incident_model::uptime::InvertedWindow>(())
/// ```
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Debug)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Window {
    start: DateTime<Utc>,
    end: DateTime<Utc>,
}

impl Window {
    /// The window from `start` to `end`.
    ///
    /// # Errors
    ///
    /// [`InvertedWindow`] when `end` is before `start`.
    ///
    /// # Example
    ///
    /// ```
    /// # use chrono::{TimeZone, Utc};
    /// # use incident_model::{uptime::InvertedWindow, Window};
    /// # let at = |h: u32| Utc.with_ymd_and_hms(2020, 3, 16, h, 0, 0).unwrap();
    /// let window = Window::new(at(10), at(14))?;
    /// assert_eq!((window.start(), window.end()), (at(10), at(14)));
    /// assert!(Window::new(at(10), at(10)).is_ok()); // empty, but not inverted
    /// let err: InvertedWindow = Window::new(at(14), at(10)).unwrap_err();
    /// assert_eq!((err.start, err.end), (at(14), at(10)));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn new(start: DateTime<Utc>, end: DateTime<Utc>) -> Result<Window, InvertedWindow> {
        if end < start {
            Err(InvertedWindow { start, end })
        } else {
            Ok(Window { start, end })
        }
    }

    /// The empty window at `at` (never inverted).
    pub(crate) fn instant(at: DateTime<Utc>) -> Window {
        Window { start: at, end: at }
    }

    /// Where the window starts (inclusive).
    ///
    /// # Example
    ///
    /// ```
    /// # use chrono::{TimeZone, Utc};
    /// # use incident_model::Window;
    /// # let now = Utc.with_ymd_and_hms(2020, 3, 16, 14, 28, 0).unwrap();
    /// assert_eq!(Window::new(now, now)?.start(), now);
    /// # Ok::<(), incident_model::uptime::InvertedWindow>(())
    /// ```
    #[must_use]
    pub fn start(&self) -> DateTime<Utc> {
        self.start
    }

    /// Where the window ends (exclusive).
    ///
    /// # Example
    ///
    /// ```
    /// # use chrono::{TimeZone, Utc};
    /// # use incident_model::Window;
    /// # let now = Utc.with_ymd_and_hms(2020, 3, 16, 14, 28, 0).unwrap();
    /// assert_eq!(Window::new(now, now)?.end(), now);
    /// # Ok::<(), incident_model::uptime::InvertedWindow>(())
    /// ```
    #[must_use]
    pub fn end(&self) -> DateTime<Utc> {
        self.end
    }

    /// `end - start`.
    ///
    /// # Example
    ///
    /// ```
    /// # use chrono::{TimeZone, Utc};
    /// # use incident_model::Window;
    /// # let at = |h: u32, m: u32| Utc.with_ymd_and_hms(2020, 3, 16, h, m, 0).unwrap();
    /// assert_eq!(Window::new(at(10, 0), at(11, 30))?.length().to_string(), "1h 30m");
    /// assert!(Window::new(at(10, 0), at(10, 0))?.length().is_zero());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn length(&self) -> Elapsed {
        Elapsed::between(self.start, self.end)
    }

    /// The window in whole milliseconds since the epoch (floored).
    fn millis(self) -> (i64, i64) {
        (self.start.timestamp_millis(), self.end.timestamp_millis())
    }
}

/// A [`Window`] that would end before it starts.
///
/// # Example
///
/// ```
/// # use chrono::{TimeZone, Utc};
/// use incident_model::Window;
/// # let at = |d| Utc.with_ymd_and_hms(2020, 3, d, 0, 0, 0).unwrap();
/// let err = Window::new(at(2), at(1)).unwrap_err();
/// assert_eq!(
///     err.to_string(),
///     "the window ends at 2020-03-01T00:00:00Z, before it starts at 2020-03-02T00:00:00Z"
/// );
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug, thiserror::Error)]
#[error("the window ends at {}, before it starts at {}", rfc3339(*end), rfc3339(*start))]
#[non_exhaustive]
pub struct InvertedWindow {
    /// The start asked for.
    pub start: DateTime<Utc>,
    /// The end asked for, before `start`.
    pub end: DateTime<Utc>,
}

/// An interval of one component's status, in milliseconds since the epoch.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
struct RawInterval {
    start: i64,
    end: i64,
    status: ComponentStatus,
}

/// The status intervals of components, collected from many incidents and
/// maintenances, ready to be merged per component.
///
/// Each event contributes the intervals of its
/// [affected components](crate::Event::affected_components) (components listed
/// but never named by a change contribute nothing), measured until
/// [`measured_until(as_of)`](crate::Event::measured_until): an open event counts
/// until `as_of`, the time you read the data at.
///
/// Collecting is O(m log m) per event in its number m of component changes.
///
/// # Example
///
/// ```
/// # use chrono::{TimeZone, Utc};
/// use incident_model::{
///     ComponentChange, ComponentHistory, ComponentId, ComponentStatus::*, Incident, IncidentStatus::*, Update,
/// };
/// # let at = |h: u32| Utc.with_ymd_and_hms(2020, 3, 16, h, 0, 0).unwrap();
/// # let api = ComponentId::new("api")?;
/// # let change = |old, new| ComponentChange::new(api.clone(), "API", old, new);
/// let resolved = Incident::builder("API down")
///     .update(Update::new(Investigating, at(10)).with_change(change(Operational, MajorOutage)))
///     .update(Update::new(Resolved, at(11)).with_change(change(MajorOutage, Operational)))
///     .build()?;
/// let open = Incident::builder("API slow")
///     .update(Update::new(Investigating, at(20)).with_change(change(Operational, PartialOutage)))
///     .build()?;
/// let mut history = ComponentHistory::new();
/// history.add_event(&resolved, at(23));
/// history.add_event(&open, at(23));
/// let stretches: Vec<_> = history.merged(&api).intervals().collect();
/// assert_eq!(stretches.len(), 2);
/// assert_eq!((stretches[0].start, stretches[0].end, stretches[0].worst_status), (at(10), at(11), MajorOutage));
/// // The open incident counts until `as_of`.
/// assert_eq!((stretches[1].start, stretches[1].end, stretches[1].worst_status), (at(20), at(23), PartialOutage));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// See also the [module documentation](self).
#[derive(Clone, Default, Debug)]
pub struct ComponentHistory {
    /// Each component's position in `lists`.
    index: HashMap<ComponentId, usize, foldhash::fast::RandomState>,
    /// The intervals of each component.
    lists: Vec<Vec<RawInterval>>,
}

impl ComponentHistory {
    /// An empty history.
    ///
    /// # Example
    ///
    /// ```
    /// # use incident_model::ComponentHistory;
    /// assert_eq!(ComponentHistory::new().components().count(), 0);
    /// ```
    #[must_use]
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds the component intervals of `event` (an incident, a maintenance, or
    /// either as an [`AnyEvent`](crate::AnyEvent)), an open event measured until
    /// `as_of`.
    ///
    /// # Example
    ///
    /// ```
    /// # use chrono::{TimeZone, Utc};
    /// # use incident_model::{
    /// #     ComponentChange, ComponentHistory, ComponentId, ComponentStatus::*, Incident, IncidentStatus::*, Update,
    /// # };
    /// # let at = |h: u32| Utc.with_ymd_and_hms(2020, 3, 16, h, 0, 0).unwrap();
    /// # let api = ComponentId::new("api")?;
    /// # let change = |old, new| ComponentChange::new(api.clone(), "API", old, new);
    /// # let resolved = Incident::builder("API down")
    /// #     .update(Update::new(Investigating, at(10)).with_change(change(Operational, MajorOutage)))
    /// #     .update(Update::new(Resolved, at(11)).with_change(change(MajorOutage, Operational)))
    /// #     .build()?;
    /// # let open = Incident::builder("API slow")
    /// #     .update(Update::new(Investigating, at(20)).with_change(change(Operational, PartialOutage)))
    /// #     .build()?;
    /// // `resolved`: the API down 10:00-11:00; `open`: partial outage since 20:00.
    /// let mut history = ComponentHistory::new();
    /// history.add_event(&open, at(22));
    /// history.add_event(&resolved, at(22)); // `as_of` does not move a resolved incident's end
    /// let stretches: Vec<_> = history.merged(&api).intervals().collect();
    /// assert_eq!(stretches.len(), 2);
    /// assert_eq!(stretches[0].end, at(11));
    /// assert_eq!(stretches[1].end, at(22));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ///
    /// See also the [module documentation](self).
    pub fn add_event<'a>(&mut self, event: impl Into<AnyEventRef<'a>>, as_of: DateTime<Utc>) {
        with_event!(event.into(), e => self.add_typed(e, as_of));
    }

    /// [`ComponentHistory::add_event`] for an event of a known lifecycle.
    fn add_typed<S: Lifecycle>(&mut self, event: &Event<S>, as_of: DateTime<Utc>) {
        // The walk gives each component's spans one after the other: look the
        // component up once per run of spans, not once per span.
        let mut last: Option<(&ComponentId, usize)> = None;
        walk_components(event, as_of, |span| {
            let interval = RawInterval {
                start: span.start.timestamp_millis(),
                end: span.end.timestamp_millis(),
                status: span.status,
            };
            if interval.end <= interval.start {
                return; // An instant weighs nothing.
            }
            let slot = match last {
                Some((id, slot)) if core::ptr::eq(id, span.id) || id == span.id => slot,
                _ => {
                    let slot = self.slot(span.id);
                    last = Some((span.id, slot));
                    slot
                }
            };
            if let Some(list) = self.lists.get_mut(slot) {
                list.push(interval);
            }
        });
    }

    /// Adds one interval of `component`'s status (from another source than an
    /// event, or for tests). An interval ending before it starts adds nothing.
    ///
    /// # Example
    ///
    /// ```
    /// # use chrono::{TimeZone, Utc};
    /// # use incident_model::{ComponentHistory, ComponentId, ComponentStatus::*, StatusInterval};
    /// # let at = |h| Utc.with_ymd_and_hms(2020, 3, 16, h, 0, 0).unwrap();
    /// # let api = ComponentId::new("api")?;
    /// let mut history = ComponentHistory::new();
    /// history.add_interval(&api, StatusInterval::new(at(10), at(12), PartialOutage));
    /// history.add_interval(&api, StatusInterval::new(at(11), at(13), MajorOutage));
    /// let merged: Vec<_> = history.merged(&api).intervals().collect();
    /// // 10-11 partial; 11-12 partial and major, major the worst; 12-13 major.
    /// assert_eq!(merged.len(), 3);
    /// assert_eq!(merged[1].worst_status, MajorOutage);
    /// assert!(merged[1].has(PartialOutage));
    /// # Ok::<(), incident_model::IdError>(())
    /// ```
    pub fn add_interval(&mut self, component: &ComponentId, interval: StatusInterval) {
        let raw = RawInterval {
            start: interval.start.timestamp_millis(),
            end: interval.end.timestamp_millis(),
            status: interval.status,
        };
        self.push(component, raw);
    }

    fn push(&mut self, component: &ComponentId, interval: RawInterval) {
        if interval.end <= interval.start {
            return; // An instant weighs nothing.
        }
        let slot = self.slot(component);
        if let Some(list) = self.lists.get_mut(slot) {
            list.push(interval);
        }
    }

    /// The position of `component`'s list, made on first use.
    fn slot(&mut self, component: &ComponentId) -> usize {
        if let Some(&slot) = self.index.get(component) {
            return slot;
        }
        let slot = self.lists.len();
        self.index.insert(component.clone(), slot);
        self.lists.push(Vec::new());
        slot
    }

    /// Every component with at least one interval, in no particular order.
    ///
    /// # Example
    ///
    /// ```
    /// # use chrono::{TimeZone, Utc};
    /// # use incident_model::{ComponentHistory, ComponentId, ComponentStatus::*, StatusInterval};
    /// # let at = |h: u32| Utc.with_ymd_and_hms(2020, 3, 16, h, 0, 0).unwrap();
    /// # let (api, db) = (ComponentId::new("api")?, ComponentId::new("db")?);
    /// let mut history = ComponentHistory::new();
    /// history.add_interval(&api, StatusInterval::new(at(10), at(11), MajorOutage));
    /// history.add_interval(&db, StatusInterval::new(at(10), at(12), PartialOutage));
    /// history.add_interval(&db, StatusInterval::new(at(13), at(13), MajorOutage)); // an instant: nothing
    /// let mut ids: Vec<&str> = history.components().map(|id| id.as_str()).collect();
    /// ids.sort(); // no particular order
    /// assert_eq!(ids, ["api", "db"]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn components(&self) -> impl Iterator<Item = &ComponentId> + '_ {
        self.index.keys()
    }

    /// The merged history of `component` (empty when it has no interval).
    ///
    /// O(n log n) in the component's number n of intervals.
    ///
    /// # Example
    ///
    /// ```
    /// # use chrono::{TimeZone, Utc};
    /// # use incident_model::{ComponentHistory, ComponentId, ComponentStatus::*, StatusInterval};
    /// # let at = |h: u32| Utc.with_ymd_and_hms(2020, 3, 16, h, 0, 0).unwrap();
    /// # let api = ComponentId::new("api")?;
    /// let mut history = ComponentHistory::new();
    /// history.add_interval(&api, StatusInterval::new(at(10), at(12), MajorOutage));
    /// history.add_interval(&api, StatusInterval::new(at(11), at(13), MajorOutage));
    /// let stretches: Vec<_> = history.merged(&api).intervals().collect();
    /// assert_eq!(stretches.len(), 1); // overlapping intervals of one status: one stretch
    /// assert_eq!((stretches[0].start, stretches[0].end), (at(10), at(13)));
    /// assert!(history.merged(&ComponentId::new("db")?).is_empty());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn merged(&self, component: &ComponentId) -> MergedHistory {
        self.index
            .get(component)
            .and_then(|&slot| self.lists.get(slot))
            .map_or_else(MergedHistory::default, |list| MergedHistory::merge(list))
    }

    /// The uptime of `component` over `window`: [`ComponentHistory::merged`],
    /// then [`MergedHistory::uptime`]. Merge once yourself to ask for several
    /// windows.
    ///
    /// # Example
    ///
    /// ```
    /// # use chrono::{TimeZone, Utc};
    /// # use incident_model::{ComponentHistory, ComponentId, ComponentStatus::*, StatusInterval, Weights, Window};
    /// # let at = |h| Utc.with_ymd_and_hms(2020, 3, 16, h, 0, 0).unwrap();
    /// # let api = ComponentId::new("api")?;
    /// let mut history = ComponentHistory::new();
    /// history.add_interval(&api, StatusInterval::new(at(10), at(12), PartialOutage));
    /// let day = Window::new(at(0), at(0) + chrono::Duration::days(1))?;
    /// // 2 h at 0.3 = 36 min of 24 h.
    /// assert_eq!(history.uptime(&api, day, &Weights::statuspage()).to_string(), "97.50% (statuspage)");
    /// assert_eq!(history.uptime(&api, day, &Weights::incident_io()).to_string(), "91.66% (incident_io)"); // truncated
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn uptime(
        &self,
        component: &ComponentId,
        window: Window,
        rule: impl Into<UptimeRule>,
    ) -> Uptime {
        self.merged(component).uptime(window, rule)
    }
}

/// One stretch of a merged history: the statuses in force from `start` to `end`
/// (from one or several events), of which the worst is `worst_status`.
///
/// # Example
///
/// ```
/// # use chrono::{TimeZone, Utc};
/// use incident_model::{ComponentHistory, ComponentId, ComponentStatus::*, StatusInterval};
/// # let at = |h: u32| Utc.with_ymd_and_hms(2020, 3, 16, h, 0, 0).unwrap();
/// # let api = ComponentId::new("api")?;
/// let mut history = ComponentHistory::new();
/// history.add_interval(&api, StatusInterval::new(at(10), at(12), PartialOutage));
/// history.add_interval(&api, StatusInterval::new(at(11), at(12), MajorOutage));
/// let stretches: Vec<_> = history.merged(&api).intervals().collect();
/// assert_eq!((stretches[0].start, stretches[0].end, stretches[0].worst_status), (at(10), at(11), PartialOutage));
/// assert_eq!((stretches[1].start, stretches[1].end, stretches[1].worst_status), (at(11), at(12), MajorOutage));
/// assert!(stretches[1].has(PartialOutage));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// See also [`ComponentHistory::add_interval`].
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
#[non_exhaustive]
pub struct MergedInterval {
    /// Where the stretch starts (inclusive).
    pub start: DateTime<Utc>,
    /// Where it ends (exclusive).
    pub end: DateTime<Utc>,
    /// The worst of the statuses in force (by severity).
    pub worst_status: ComponentStatus,
    statuses: u8,
}

impl MergedInterval {
    /// Whether `status` is in force during the stretch (from some event).
    ///
    /// # Example
    ///
    /// ```
    /// # use chrono::{TimeZone, Utc};
    /// # use incident_model::{ComponentHistory, ComponentId, ComponentStatus::*, StatusInterval};
    /// # let at = |h| Utc.with_ymd_and_hms(2020, 3, 16, h, 0, 0).unwrap();
    /// # let api = ComponentId::new("api")?;
    /// let mut history = ComponentHistory::new();
    /// history.add_interval(&api, StatusInterval::new(at(10), at(12), PartialOutage));
    /// history.add_interval(&api, StatusInterval::new(at(10), at(12), UnderMaintenance));
    /// let stretch = history.merged(&api).intervals().next().unwrap();
    /// assert!(stretch.has(UnderMaintenance) && stretch.has(PartialOutage));
    /// assert!(!stretch.has(MajorOutage));
    /// # Ok::<(), incident_model::IdError>(())
    /// ```
    #[must_use]
    pub fn has(&self, status: ComponentStatus) -> bool {
        self.statuses & (1 << status.index()) != 0
    }

    /// The highest weight among the statuses in force: the weight the stretch
    /// counts at.
    ///
    /// # Example
    ///
    /// ```
    /// # use chrono::{TimeZone, Utc};
    /// # use incident_model::{ComponentHistory, ComponentId, ComponentStatus::*, StatusInterval, Weights};
    /// # let at = |h| Utc.with_ymd_and_hms(2020, 3, 16, h, 0, 0).unwrap();
    /// # let api = ComponentId::new("api")?;
    /// let mut history = ComponentHistory::new();
    /// history.add_interval(&api, StatusInterval::new(at(10), at(12), PartialOutage));
    /// history.add_interval(&api, StatusInterval::new(at(10), at(12), DegradedPerformance));
    /// let stretch = history.merged(&api).intervals().next().unwrap();
    /// assert_eq!(stretch.weight(&Weights::statuspage()), 0.3);
    /// # Ok::<(), incident_model::IdError>(())
    /// ```
    #[must_use]
    pub fn weight(&self, weights: &Weights) -> f64 {
        ComponentStatus::ALL
            .iter()
            .filter(|&&status| self.has(status))
            .map(|&status| weights.weight(status))
            .fold(0.0, f64::max)
    }
}

/// One stretch of a merged history, in milliseconds since the epoch.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
struct Segment {
    start: i64,
    end: i64,
    /// Bit `i` set when status `ComponentStatus::ALL[i]` is in force.
    statuses: u8,
}

impl Segment {
    fn worst_status(self) -> ComponentStatus {
        ComponentStatus::ALL
            .iter()
            .rev()
            .find(|status| self.statuses & (1 << status.index()) != 0)
            .copied()
            .unwrap_or(ComponentStatus::Operational)
    }
}

/// One component's status history with overlapping intervals merged: disjoint
/// stretches in time order, each with the set of statuses in force, so a moment
/// counts once, at the highest weight in force (whatever the weights asked for
/// later).
///
/// # Example
///
/// ```
/// # use chrono::{Duration, TimeZone, Utc};
/// use incident_model::{ComponentStatus::*, MergedHistory, StatusInterval, Weights, Window};
/// # let at = |h: u32| Utc.with_ymd_and_hms(2020, 3, 16, h, 0, 0).unwrap();
/// // 10-12 major outage, 11-13 partial outage: 11-12 counts once, as major.
/// let merged = MergedHistory::from_intervals([
///     StatusInterval::new(at(10), at(12), MajorOutage),
///     StatusInterval::new(at(11), at(13), PartialOutage),
/// ]);
/// let window = Window::new(at(10), at(14))?;
/// let uptime = merged.uptime(window, &Weights::statuspage());
/// // 2 h at 1.0, then 1 h at 0.3.
/// assert_eq!(uptime.weighted_downtime().to_string(), "2h 18m");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// See also the [module documentation](self).
#[derive(Clone, Default, PartialEq, Eq, Hash, Debug)]
pub struct MergedHistory {
    segments: Vec<Segment>,
}

impl MergedHistory {
    /// Merges `intervals` (of one component) with a sweep over their ends in
    /// time order: O(n log n). Empty and inverted intervals are ignored.
    ///
    /// # Example
    ///
    /// ```
    /// # use chrono::{TimeZone, Utc};
    /// # use incident_model::{ComponentStatus::*, MergedHistory, StatusInterval};
    /// # let at = |h| Utc.with_ymd_and_hms(2020, 3, 16, h, 0, 0).unwrap();
    /// let merged = MergedHistory::from_intervals([
    ///     StatusInterval::new(at(10), at(11), MajorOutage),
    ///     StatusInterval::new(at(11), at(12), MajorOutage), // touching: one stretch
    /// ]);
    /// assert_eq!(merged.intervals().count(), 1);
    /// ```
    #[must_use]
    pub fn from_intervals(intervals: impl IntoIterator<Item = StatusInterval>) -> Self {
        let raw: Vec<RawInterval> = intervals
            .into_iter()
            .map(|interval| RawInterval {
                start: interval.start.timestamp_millis(),
                end: interval.end.timestamp_millis(),
                status: interval.status,
            })
            .collect();
        MergedHistory::merge(&raw)
    }

    fn merge(intervals: &[RawInterval]) -> Self {
        let Some(origin) = intervals
            .iter()
            .filter(|i| i.start < i.end)
            .map(|i| i.start)
            .min()
        else {
            return MergedHistory::default();
        };
        // Each boundary packed in one integer, (time - origin) << 8 | ending
        // slot + 1 << 4 | starting slot + 1 (0: none), so the sort moves and
        // compares plain u64s. The times come from `DateTime`s, well within
        // 2^55 ms of each other; should one not fit, sort the unpacked
        // boundaries instead.
        let mut packed: Vec<u64> = Vec::with_capacity(intervals.len().saturating_add(8));
        let mut fits = true;
        for_each_boundary(intervals, |time, ended, started| {
            let offset = time
                .checked_sub(origin)
                .and_then(|offset| u64::try_from(offset).ok())
                .filter(|&offset| offset < 1 << 55);
            match offset {
                Some(offset) => packed.push((offset << 8) | (code(ended) << 4) | code(started)),
                None => fits = false,
            }
        });
        if !fits {
            return MergedHistory::merge_unpacked(intervals);
        }
        packed.sort_unstable();
        let boundaries = packed.iter().map(|&key| {
            let offset = i64::try_from(key >> 8).unwrap_or(i64::MAX);
            (origin.saturating_add(offset), decode(key >> 4), decode(key))
        });
        MergedHistory {
            segments: sweep(boundaries),
        }
    }

    /// [`MergedHistory::merge`] without packing.
    fn merge_unpacked(intervals: &[RawInterval]) -> Self {
        let mut boundaries: Vec<(i64, Option<usize>, Option<usize>)> =
            Vec::with_capacity(intervals.len().saturating_add(8));
        for_each_boundary(intervals, |time, ended, started| {
            boundaries.push((time, ended, started));
        });
        boundaries.sort_unstable_by_key(|&(time, _, _)| time);
        MergedHistory {
            segments: sweep(boundaries.into_iter()),
        }
    }

    /// The merged stretches, in time order; between them, no event says
    /// anything of the component.
    ///
    /// # Example
    ///
    /// ```
    /// # use chrono::{Duration, TimeZone, Utc};
    /// # use incident_model::{ComponentStatus::*, MergedHistory, StatusInterval, Weights, Window};
    /// # let at = |h: u32| Utc.with_ymd_and_hms(2020, 3, 16, h, 0, 0).unwrap();
    /// let merged = MergedHistory::from_intervals([
    ///     StatusInterval::new(at(13), at(14), PartialOutage),
    ///     StatusInterval::new(at(10), at(11), MajorOutage),
    /// ]);
    /// let stretches: Vec<_> = merged.intervals().collect();
    /// assert_eq!(stretches.len(), 2); // a gap between them
    /// assert_eq!((stretches[0].start, stretches[0].worst_status), (at(10), MajorOutage));
    /// assert_eq!((stretches[1].end, stretches[1].worst_status), (at(14), PartialOutage));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn intervals(&self) -> impl Iterator<Item = MergedInterval> + '_ {
        self.segments.iter().map(|segment| MergedInterval {
            start: from_millis(segment.start),
            end: from_millis(segment.end),
            worst_status: segment.worst_status(),
            statuses: segment.statuses,
        })
    }

    /// Whether no event says anything of the component.
    ///
    /// # Example
    ///
    /// ```
    /// # use incident_model::MergedHistory;
    /// assert!(MergedHistory::default().is_empty());
    /// ```
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.segments.is_empty()
    }

    /// The uptime over `window` by `rule` (a [`UptimeRule`], or [`Weights`]),
    /// every moment of the window covered: 1 - weighted downtime / measured
    /// length, each moment weighed once, at the highest weight in force. A
    /// window of zero length (or one wholly removed as maintenance) has an
    /// uptime of 1. Where the data may not cover the window, use
    /// [`MergedHistory::uptime_covered`].
    ///
    /// O(log n + k) for the k stretches the window overlaps.
    ///
    /// # Example
    ///
    /// ```
    /// # use chrono::{Duration, TimeZone, Utc};
    /// # use incident_model::{ComponentStatus::*, MergedHistory, StatusInterval, Weights, Window};
    /// # let at = |h: u32| Utc.with_ymd_and_hms(2020, 3, 16, h, 0, 0).unwrap();
    /// let day = Window::new(at(0), at(0) + Duration::days(1))?;
    /// // 23:00 to 02:00 the next day: only the hour within the window counts.
    /// let merged = MergedHistory::from_intervals([
    ///     StatusInterval::new(at(23), at(23) + Duration::hours(3), MajorOutage),
    /// ]);
    /// let uptime = merged.uptime(day, &Weights::statuspage());
    /// assert_eq!(uptime.weighted_downtime().to_string(), "1h");
    /// assert_eq!(uptime.to_string(), "95.83% (statuspage)"); // 1 - 1/24, truncated, and its rule
    /// assert!(merged.uptime(Window::new(at(0), at(0))?, &Weights::statuspage()).is_full());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ///
    /// See also the [module documentation](self).
    #[must_use]
    pub fn uptime(&self, window: Window, rule: impl Into<UptimeRule>) -> Uptime {
        let rule = rule.into();
        let table = rule.weights().by_mask();
        let (start, end) = window.millis();
        let first = self.segments.partition_point(|s| s.end <= start);
        let tally = self.weigh(first, start, end, &table, rule.maintenance_windows());
        tally.uptime(window, 0, rule)
    }

    /// The uptime over `window` by `rule`, counting only the time `coverage`
    /// covers: the rest is *no data*, left out of the window and reported
    /// ([`Uptime::no_data`]). `None` when nothing of the window is covered
    /// (or all of the covered time is removed as maintenance): no figure,
    /// never 100% for time nobody measured.
    ///
    /// O(log n + k) for the k stretches and covered spans the window overlaps.
    ///
    /// # Example
    ///
    /// ```
    /// # use chrono::{Duration, TimeZone, Utc};
    /// use incident_model::uptime::{Coverage, UptimeRule};
    /// use incident_model::{ComponentStatus::*, MergedHistory, StatusInterval, Window};
    /// # let day = |d: u32| Utc.with_ymd_and_hms(2020, 3, d, 0, 0, 0).unwrap();
    /// let merged = MergedHistory::from_intervals([
    ///     StatusInterval::new(day(20), day(20) + Duration::hours(24), MajorOutage),
    /// ]);
    /// let month = Window::new(day(1), day(31))?;
    /// // The data starts on the 11th: 20 days measured, 10 days of no data.
    /// let uptime = merged.uptime_covered(month, UptimeRule::statuspage(), &Coverage::since(day(11))).unwrap();
    /// assert_eq!(uptime.measured().to_string(), "20d");
    /// assert_eq!(uptime.no_data().to_string(), "10d");
    /// assert_eq!(uptime.to_string(), "95.00% (statuspage)"); // 1 day down of 20
    /// // Nothing covered: no figure at all.
    /// assert_eq!(merged.uptime_covered(month, UptimeRule::statuspage(), &Coverage::since(day(31))), None);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn uptime_covered(
        &self,
        window: Window,
        rule: impl Into<UptimeRule>,
        coverage: &Coverage,
    ) -> Option<Uptime> {
        let rule = rule.into();
        let table = rule.weights().by_mask();
        let mut first = 0;
        let tally = self.weigh_covered(&mut first, window, &table, rule, coverage);
        tally.figure(window, rule)
    }

    /// The tally of `window`'s covered parts, looking at the segments from
    /// `*first` on (moved past the segments that end before the window).
    fn weigh_covered(
        &self,
        first: &mut usize,
        window: Window,
        table: &[u16; 1 << STATUSES],
        rule: UptimeRule,
        coverage: &Coverage,
    ) -> Tally {
        let (start, end) = window.millis();
        let mut total = Tally::default();
        let mut covered = 0i64;
        for (a, b) in coverage.within(start, end) {
            while self.segments.get(*first).is_some_and(|s| s.end <= a) {
                *first = first.saturating_add(1);
            }
            covered = covered.saturating_add(b.saturating_sub(a));
            total.add(self.weigh(*first, a, b, table, rule.maintenance_windows()));
        }
        total.no_data = end.saturating_sub(start).saturating_sub(covered);
        total
    }

    /// The tally from `start` to `end`, looking at the segments from `first`
    /// on: weighed downtime, statuses seen, time removed as maintenance.
    fn weigh(
        &self,
        first: usize,
        start: i64,
        end: i64,
        table: &[u16; 1 << STATUSES],
        maintenance: MaintenanceWindows,
    ) -> Tally {
        let maintenance_bit = 1u8 << ComponentStatus::UnderMaintenance.index();
        let mut tally = Tally {
            measured: end.saturating_sub(start),
            ..Tally::default()
        };
        for segment in self.segments.iter().skip(first) {
            if segment.start >= end {
                break;
            }
            let overlap = segment
                .end
                .min(end)
                .saturating_sub(segment.start.max(start));
            if overlap <= 0 {
                continue;
            }
            tally.statuses |= segment.statuses;
            if maintenance == MaintenanceWindows::Excluded
                && segment.statuses & maintenance_bit != 0
            {
                tally.excluded = tally.excluded.saturating_add(overlap);
                tally.measured = tally.measured.saturating_sub(overlap);
                continue;
            }
            let weight = table
                .get(usize::from(segment.statuses))
                .copied()
                .unwrap_or(0);
            let overlap = u128::try_from(overlap).unwrap_or(0);
            tally.weighed = tally
                .weighed
                .saturating_add(overlap.saturating_mul(u128::from(weight)));
        }
        tally
    }

    /// One bucket per day of `days`, oldest first, by `rule`, every moment
    /// covered: as a status page draws its 90-day bar. A day's uptime is over
    /// the whole day, even one that is not over yet. Where the data may not
    /// cover every day, use [`MergedHistory::daily_covered`].
    ///
    /// O(n + d) for n stretches and d days (plus the stretches that span
    /// several days, once per day they overlap).
    ///
    /// # Example
    ///
    /// ```
    /// # use chrono::{Duration, TimeZone, Utc};
    /// # use incident_model::{ComponentStatus::*, MergedHistory, StatusInterval, Weights, Window};
    /// # let at = |h: u32| Utc.with_ymd_and_hms(2020, 3, 16, h, 0, 0).unwrap();
    /// # use chrono::NaiveDate;
    /// # use incident_model::DayRange;
    /// # let date = |d: u32| NaiveDate::from_ymd_opt(2020, 3, d).unwrap();
    /// // Down from 23:00 on the 16th to 01:00 on the 17th.
    /// let merged = MergedHistory::from_intervals([
    ///     StatusInterval::new(at(23), at(23) + Duration::hours(2), MajorOutage),
    /// ]);
    /// let bar = merged.daily(&DayRange::ending(date(17), 3), &Weights::default());
    /// assert_eq!(bar.iter().map(|b| b.date).collect::<Vec<_>>(), [date(15), date(16), date(17)]);
    /// assert_eq!(bar[0].worst_status, None);
    /// assert!(bar[0].uptime.unwrap().is_full());
    /// assert_eq!(bar[1].worst_status, Some(MajorOutage));
    /// assert_eq!(bar[1].weighted_downtime.to_string(), "1h");
    /// assert_eq!(bar[2].weighted_downtime.to_string(), "1h");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ///
    /// See also the [module documentation](self).
    #[must_use]
    pub fn daily(&self, days: &DayRange, rule: impl Into<UptimeRule>) -> Vec<DayBucket> {
        self.daily_covered(days, rule, &Coverage::always())
    }

    /// [`MergedHistory::daily`], counting only the time `coverage` covers: a
    /// day with no covered time has no uptime (`None`, drawn grey), and the
    /// uncovered part of a day is reported as [`DayBucket::no_data`].
    ///
    /// # Example
    ///
    /// ```
    /// # use chrono::{NaiveDate, TimeZone, Utc};
    /// use incident_model::uptime::{Coverage, UptimeRule};
    /// use incident_model::{DayRange, MergedHistory};
    /// # let date = |d: u32| NaiveDate::from_ymd_opt(2020, 3, d).unwrap();
    /// let since = Utc.with_ymd_and_hms(2020, 3, 30, 12, 0, 0).unwrap();
    /// let bar = MergedHistory::default().daily_covered(
    ///     &DayRange::ending(date(31), 3), UptimeRule::statuspage(), &Coverage::since(since));
    /// assert_eq!(bar[0].uptime, None); // the 29th: no data
    /// assert_eq!(bar[1].no_data.to_string(), "12h");
    /// assert_eq!(bar[1].uptime.unwrap().to_string(), "100.00% (statuspage)"); // over 12 hours
    /// assert!(bar[2].no_data.is_zero());
    /// ```
    #[must_use]
    pub fn daily_covered(
        &self,
        days: &DayRange,
        rule: impl Into<UptimeRule>,
        coverage: &Coverage,
    ) -> Vec<DayBucket> {
        let rule = rule.into();
        let table = rule.weights().by_mask();
        let mut first = 0;
        days.days()
            .map(|(date, window)| {
                let tally = self.weigh_covered(&mut first, window, &table, rule, coverage);
                let uptime = tally.figure(window, rule);
                let worst_status = (tally.statuses != 0).then(|| {
                    Segment {
                        start: 0,
                        end: 0,
                        statuses: tally.statuses,
                    }
                    .worst_status()
                });
                DayBucket {
                    date,
                    window,
                    uptime,
                    worst_status,
                    weighted_downtime: uptime.map_or(Elapsed::ZERO, |u| u.weighted_downtime()),
                    no_data: Elapsed::from_millis(tally.no_data),
                }
            })
            .collect()
    }
}

/// What a window's stretches add up to, in milliseconds (the downtime in
/// millisecond-thousandths).
#[derive(Clone, Copy, Default)]
struct Tally {
    /// The time measured: covered and not removed as maintenance.
    measured: i64,
    /// Weighted downtime, in millisecond-thousandths.
    weighed: u128,
    /// The statuses in force at some moment (a bit mask).
    statuses: u8,
    /// The time removed as maintenance.
    excluded: i64,
    /// The time not covered.
    no_data: i64,
}

impl Tally {
    fn add(&mut self, other: Tally) {
        self.measured = self.measured.saturating_add(other.measured);
        self.weighed = self.weighed.saturating_add(other.weighed);
        self.statuses |= other.statuses;
        self.excluded = self.excluded.saturating_add(other.excluded);
        self.no_data = self.no_data.saturating_add(other.no_data);
    }

    fn uptime(self, window: Window, no_data: i64, rule: UptimeRule) -> Uptime {
        Uptime {
            window,
            measured_millis: self.measured.max(0),
            excluded_millis: self.excluded,
            no_data_millis: no_data,
            weighed: self.weighed,
            rule,
        }
    }

    /// The figure, `None` when nothing was measured.
    fn figure(self, window: Window, rule: UptimeRule) -> Option<Uptime> {
        (self.measured > 0).then(|| self.uptime(window, self.no_data, rule))
    }
}

/// Calls `visit` with every boundary of `intervals`, as `(time, the status slot
/// ending then, the status slot starting then)`. Where an interval starts at
/// the end of the one before it in the list (the stretches of one component
/// within one event, as [`ComponentHistory::add_event`] pushes them), the two
/// share one boundary: n intervals in such runs of r give n + r boundaries to
/// sort, not 2n. Empty and inverted intervals are skipped.
fn for_each_boundary(
    intervals: &[RawInterval],
    mut visit: impl FnMut(i64, Option<usize>, Option<usize>),
) {
    let mut before: Option<&RawInterval> = None;
    for interval in intervals {
        let valid = interval.start < interval.end;
        let slot = interval.status.index();
        match before {
            Some(previous) if valid && previous.end == interval.start => {
                visit(interval.start, Some(previous.status.index()), Some(slot));
            }
            _ => {
                if let Some(previous) = before {
                    visit(previous.end, Some(previous.status.index()), None);
                }
                if valid {
                    visit(interval.start, None, Some(slot));
                }
            }
        }
        before = valid.then_some(interval);
    }
    if let Some(previous) = before {
        visit(previous.end, Some(previous.status.index()), None);
    }
}

/// The sweep over boundaries `(time, status slot ending, status slot starting)`
/// sorted by time (those of one time in any order): the disjoint stretches with
/// the set of statuses in force, touching stretches with the same set joined.
fn sweep(ends: impl Iterator<Item = (i64, Option<usize>, Option<usize>)>) -> Vec<Segment> {
    let mut in_force = [0usize; STATUSES];
    let mut segments: Vec<Segment> = Vec::new();
    let mut previous: Option<i64> = None;
    let mut ends = ends.peekable();
    while let Some(&(time, _, _)) = ends.peek() {
        let statuses = mask_of(&in_force);
        if let (Some(since), true) = (previous, statuses != 0) {
            match segments.last_mut() {
                Some(last) if last.end == since && last.statuses == statuses => {
                    last.end = time;
                }
                _ => segments.push(Segment {
                    start: since,
                    end: time,
                    statuses,
                }),
            }
        }
        while let Some((_, ended, started)) = ends.next_if(|&(at, _, _)| at == time) {
            if let Some(count) = ended.and_then(|slot| in_force.get_mut(slot)) {
                *count = count.saturating_sub(1);
            }
            if let Some(count) = started.and_then(|slot| in_force.get_mut(slot)) {
                *count = count.saturating_add(1);
            }
        }
        previous = Some(time);
    }
    segments
}

/// A status slot packed in four bits: slot + 1, 0 for none.
fn code(slot: Option<usize>) -> u64 {
    slot.and_then(|slot| u64::try_from(slot).ok())
        .map_or(0, |slot| slot.saturating_add(1) & 15)
}

/// The status slot of the low four bits of `key` (see [`code`]).
fn decode(key: u64) -> Option<usize> {
    usize::try_from(key & 15).ok()?.checked_sub(1)
}

fn mask_of(in_force: &[usize; STATUSES]) -> u8 {
    in_force
        .iter()
        .enumerate()
        .filter(|(_, count)| **count > 0)
        .fold(0u8, |mask, (slot, _)| mask | (1 << slot))
}

fn from_millis(millis: i64) -> DateTime<Utc> {
    // The millis came from representable times, so this never falls back.
    DateTime::from_timestamp_millis(millis).unwrap_or(DateTime::<Utc>::MIN_UTC)
}

/// The uptime of a component over a window by a rule: 1 - weighted downtime
/// / measured length, always within `[0, 1]`. The measured length is the
/// window less its time of no data ([`Uptime::no_data`]) and, under a rule
/// that removes them, its maintenance windows
/// ([`Uptime::maintenance_removed`]).
///
/// Prints as status pages print it, followed by its rule: a percentage with
/// two decimals by default (the formatter's precision, up to 12, for more),
/// **truncated**: 99.996% prints as `99.99% (statuspage)`, and any downtime at
/// all keeps the figure below `100.00%`. [`Uptime::percentage`] prints the
/// bare figure, for where the rule is named once (a table's header). Width,
/// fill and alignment pad it (right-aligned by default, as numbers are):
/// `{:>8}`, `{:<8.1}`, `{:*^10}`.
///
/// With the `serde` feature it serializes as `{"ratio": 0.984,
/// "weighted_downtime": 1380, "rule": {...}, "measured": 86400, "no_data": 0,
/// "maintenance_removed": 0}` (durations in seconds, the rule as
/// [`UptimeRule`] serializes); there is no deserialization, as it is derived
/// data.
///
/// # Example
///
/// ```
/// # use chrono::{Duration, TimeZone, Utc};
/// use incident_model::{ComponentStatus::*, MergedHistory, StatusInterval, Weights, Window};
/// # let start = Utc.with_ymd_and_hms(2020, 3, 1, 0, 0, 0).unwrap();
/// # let window = Window::new(start, start + Duration::days(100))?;
/// // Down for 6 minutes of 100 days: 99.99583...%
/// let merged = MergedHistory::from_intervals([
///     StatusInterval::new(start, start + Duration::minutes(6), MajorOutage),
/// ]);
/// let uptime = merged.uptime(window, &Weights::default());
/// assert_eq!(uptime.to_string(), "99.99% (statuspage)");
/// assert_eq!(format!("{uptime:.4}"), "99.9958% (statuspage)");
/// assert_eq!(uptime.percentage().to_string(), "99.99%");
/// let bare = uptime.percentage();
/// assert_eq!(format!("[{bare:>8}] [{bare:<8.1}] [{bare:*^10}]"), "[  99.99%] [99.9%   ] [**99.99%**]");
/// assert_eq!(format!("[{uptime:>21}]"), "[  99.99% (statuspage)]");
/// assert!((uptime.percent() - 99.995_833).abs() < 1e-6);
/// assert_eq!(uptime.weighted_downtime().to_string(), "6m");
/// // Nothing happened, and the data covers the window: 100%.
/// assert_eq!(MergedHistory::default().uptime(window, &Weights::default()).to_string(), "100.00% (statuspage)");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct Uptime {
    /// The window asked for.
    window: Window,
    /// The time measured: covered, and not removed as maintenance.
    measured_millis: i64,
    /// The time removed as maintenance.
    excluded_millis: i64,
    /// The time of no data.
    no_data_millis: i64,
    /// Weighted downtime, in millisecond-thousandths.
    weighed: u128,
    /// The rule that made the figure.
    rule: UptimeRule,
}

impl Uptime {
    /// The uptime as a ratio in `[0, 1]` (1 for a window of zero length).
    ///
    /// # Example
    ///
    /// ```
    /// # use chrono::{Duration, TimeZone, Utc};
    /// # use incident_model::{ComponentStatus::*, MergedHistory, StatusInterval, Weights, Window};
    /// # let start = Utc.with_ymd_and_hms(2020, 3, 16, 0, 0, 0).unwrap();
    /// # let day = Window::new(start, start + Duration::days(1))?;
    /// # let merged = MergedHistory::from_intervals([
    /// #     StatusInterval::new(start, start + Duration::hours(6), MajorOutage),
    /// # ]);
    /// // Down 6 h of a 24 h `day`.
    /// assert_eq!(merged.uptime(day, &Weights::default()).ratio(), 0.75);
    /// assert_eq!(MergedHistory::default().uptime(day, &Weights::default()).ratio(), 1.0);
    /// let empty = Window::new(start, start)?;
    /// assert_eq!(merged.uptime(empty, &Weights::default()).ratio(), 1.0);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    #[allow(clippy::cast_precision_loss)] // a ratio, not an exact count
    pub fn ratio(&self) -> f64 {
        let total = self.total();
        if total == 0 {
            return 1.0;
        }
        (1.0 - self.weighed as f64 / total as f64).clamp(0.0, 1.0)
    }

    /// The uptime as a percentage in `[0, 100]`, not truncated.
    ///
    /// # Example
    ///
    /// ```
    /// # use chrono::{Duration, TimeZone, Utc};
    /// # use incident_model::{ComponentStatus::*, MergedHistory, StatusInterval, Weights, Window};
    /// # let start = Utc.with_ymd_and_hms(2020, 3, 16, 0, 0, 0).unwrap();
    /// # let day = Window::new(start, start + Duration::days(1))?;
    /// # let merged = MergedHistory::from_intervals([
    /// #     StatusInterval::new(start, start + Duration::hours(6), MajorOutage),
    /// # ]);
    /// // Down 6 h of a 24 h `day`.
    /// assert_eq!(merged.uptime(day, &Weights::default()).percent(), 75.0);
    /// // Not truncated, unlike the printed figure.
    /// let brief = MergedHistory::from_intervals([
    ///     StatusInterval::new(start, start + Duration::seconds(1), MajorOutage),
    /// ]);
    /// let uptime = brief.uptime(day, &Weights::default());
    /// assert!(uptime.percent() > 99.998);
    /// assert_eq!(uptime.percentage().to_string(), "99.99%");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn percent(&self) -> f64 {
        self.ratio() * 100.0
    }

    /// The weighted downtime, truncated to the millisecond.
    ///
    /// # Example
    ///
    /// ```
    /// # use chrono::{Duration, TimeZone, Utc};
    /// # use incident_model::{ComponentStatus::*, MergedHistory, StatusInterval, Weights, Window};
    /// # let start = Utc.with_ymd_and_hms(2020, 3, 16, 0, 0, 0).unwrap();
    /// # let day = Window::new(start, start + Duration::days(1))?;
    /// # let merged = MergedHistory::from_intervals([
    /// #     StatusInterval::new(start, start + Duration::hours(2), PartialOutage),
    /// # ]);
    /// // A partial outage of 2 h in a 24 h `day`.
    /// assert_eq!(merged.uptime(day, &Weights::statuspage()).weighted_downtime().to_string(), "36m"); // 2 h at 0.3
    /// assert_eq!(merged.uptime(day, &Weights::incident_io()).weighted_downtime().to_string(), "2h");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn weighted_downtime(&self) -> Elapsed {
        millis_from_weighed(self.weighed.min(self.total()))
    }

    /// The rule that made the figure.
    ///
    /// # Example
    ///
    /// ```
    /// # use chrono::{TimeZone, Utc};
    /// # use incident_model::uptime::UptimeRule;
    /// # use incident_model::{MergedHistory, Window};
    /// # let now = Utc.with_ymd_and_hms(2020, 3, 16, 14, 28, 0).unwrap();
    /// let uptime = MergedHistory::default().uptime(Window::new(now, now)?, UptimeRule::openstatus());
    /// assert_eq!(uptime.rule(), UptimeRule::openstatus());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn rule(&self) -> UptimeRule {
        self.rule
    }

    /// The window asked for.
    ///
    /// # Example
    ///
    /// See [`MergedHistory::uptime_covered`].
    #[must_use]
    pub fn window(&self) -> Window {
        self.window
    }

    /// The time measured: the window less its no data and its removed
    /// maintenance.
    ///
    /// # Example
    ///
    /// See [`MergedHistory::uptime_covered`].
    #[must_use]
    pub fn measured(&self) -> Elapsed {
        Elapsed::from_millis(self.measured_millis)
    }

    /// The time of the window the data does not cover, left out.
    ///
    /// # Example
    ///
    /// See [`MergedHistory::uptime_covered`].
    #[must_use]
    pub fn no_data(&self) -> Elapsed {
        Elapsed::from_millis(self.no_data_millis)
    }

    /// The time under maintenance removed from the window (rules with
    /// [`MaintenanceWindows::Excluded`]; zero under the others).
    ///
    /// # Example
    ///
    /// ```
    /// # use chrono::{Duration, TimeZone, Utc};
    /// # use incident_model::uptime::UptimeRule;
    /// # use incident_model::{ComponentStatus::*, MergedHistory, StatusInterval, Window};
    /// # let at = |h| Utc.with_ymd_and_hms(2020, 3, 16, h, 0, 0).unwrap();
    /// let merged = MergedHistory::from_intervals([StatusInterval::new(at(2), at(4), UnderMaintenance)]);
    /// let day = Window::new(at(0), at(0) + Duration::days(1))?;
    /// let uptime = merged.uptime(day, UptimeRule::agreed_service_time());
    /// assert_eq!(uptime.maintenance_removed().to_string(), "2h");
    /// assert_eq!(uptime.measured().to_string(), "22h");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn maintenance_removed(&self) -> Elapsed {
        Elapsed::from_millis(self.excluded_millis)
    }

    /// The bare percentage, without the rule (`99.95%`; the formatter's
    /// precision applies).
    ///
    /// # Example
    ///
    /// See [`Uptime`].
    #[must_use]
    pub fn percentage(&self) -> Percentage {
        Percentage(*self)
    }

    /// Whether there was no weighted downtime at all.
    ///
    /// # Example
    ///
    /// ```
    /// # use chrono::{TimeZone, Utc};
    /// # use incident_model::{MergedHistory, Weights, Window};
    /// # let now = Utc.with_ymd_and_hms(2020, 3, 16, 14, 28, 0).unwrap();
    /// assert!(MergedHistory::default().uptime(Window::new(now, now)?, &Weights::default()).is_full());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn is_full(&self) -> bool {
        self.weighed == 0
    }

    /// The measured length in millisecond-thousandths.
    fn total(&self) -> u128 {
        u128::try_from(self.measured_millis.max(0)).unwrap_or(0) * u128::from(FULL)
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for Uptime {
    /// `{"ratio": 0.984, "weighted_downtime": 1380, "rule": {...}, "measured":
    /// 86400, "no_data": 0, "maintenance_removed": 0}`: the ratio in `[0, 1]`,
    /// durations in whole seconds, and the rule.
    fn serialize<Ser: serde::Serializer>(&self, serializer: Ser) -> Result<Ser::Ok, Ser::Error> {
        use serde::ser::SerializeStruct;
        let mut state = serializer.serialize_struct("Uptime", 6)?;
        state.serialize_field("ratio", &self.ratio())?;
        state.serialize_field("weighted_downtime", &self.weighted_downtime())?;
        state.serialize_field("rule", &self.rule)?;
        state.serialize_field("measured", &self.measured())?;
        state.serialize_field("no_data", &self.no_data())?;
        state.serialize_field("maintenance_removed", &self.maintenance_removed())?;
        state.end()
    }
}

impl fmt::Display for Uptime {
    /// `99.95% (statuspage)`: the truncated percentage, then the rule; the
    /// precision is the percentage's decimals, and width, fill and alignment
    /// pad the whole.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let text = format!("{} ({})", self.percentage().text(f.precision()), self.rule);
        crate::duration::pad(f, &text, fmt::Alignment::Right)
    }
}

/// An [`Uptime`]'s bare percentage, truncated (`99.95%`): what
/// [`Uptime::percentage`] gives.
///
/// # Example
///
/// See [`Uptime`].
#[derive(Clone, Copy, Debug)]
pub struct Percentage(Uptime);

impl Percentage {
    /// The percentage with `decimals` decimals (two by default, at most 12),
    /// truncated.
    fn text(self, decimals: Option<usize>) -> String {
        const MAX_DECIMALS: usize = 12;
        let decimals = decimals.unwrap_or(2).min(MAX_DECIMALS);
        let total = self.0.total();
        let up = total.saturating_sub(self.0.weighed);
        let scale = 10u128.pow(u32::try_from(decimals).unwrap_or(2));
        // floor(up / total * 100 * 10^decimals), exactly, in integers.
        let scaled = match up.checked_mul(100).and_then(|v| v.checked_mul(scale)) {
            Some(product) => product.checked_div(total).unwrap_or(100 * scale),
            None => 0,
        };
        let whole = scaled / scale;
        let fraction = scaled % scale;
        if decimals == 0 {
            format!("{whole}%")
        } else {
            format!("{whole}.{fraction:0decimals$}%")
        }
    }
}

impl fmt::Display for Percentage {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // The precision is taken by the decimals; width, fill and alignment pad.
        crate::duration::pad(f, &self.text(f.precision()), fmt::Alignment::Right)
    }
}

/// A run of calendar days ending at a given day, for the daily buckets of
/// [`MergedHistory::daily`]: by default UTC days; with
/// [`DayRange::in_zone`] (feature `tz`), calendar days in an IANA zone, 23 or
/// 25 hours long across a daylight-saving change; with
/// [`DayRange::with_offset`], days at a fixed offset from UTC.
///
/// # Example
///
/// ```
/// # use chrono::{FixedOffset, NaiveDate};
/// use incident_model::DayRange;
/// let last = NaiveDate::from_ymd_opt(2020, 3, 31).unwrap();
/// let range = DayRange::ending(last, 90);
/// let (first_day, window) = range.days().next().unwrap();
/// assert_eq!(first_day, NaiveDate::from_ymd_opt(2020, 1, 2).unwrap());
/// assert_eq!(window.start().to_rfc3339(), "2020-01-02T00:00:00+00:00");
/// let edt = DayRange::ending(last, 1).with_offset(FixedOffset::west_opt(4 * 3600).unwrap());
/// assert_eq!(edt.days().next().unwrap().1.start().to_rfc3339(), "2020-03-31T04:00:00+00:00");
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct DayRange {
    last: NaiveDate,
    count: u32,
    zone: DayZone,
}

/// Where a [`DayRange`]'s days start and end.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
enum DayZone {
    Fixed(FixedOffset),
    #[cfg(feature = "tz")]
    Named(chrono_tz::Tz),
}

impl DayRange {
    /// The `count` days ending with `last` (included), in UTC.
    ///
    /// # Example
    ///
    /// ```
    /// # use chrono::{FixedOffset, NaiveDate};
    /// # use incident_model::DayRange;
    /// # let date = |m: u32, d: u32| NaiveDate::from_ymd_opt(2020, m, d).unwrap();
    /// let range = DayRange::ending(date(3, 31), 3);
    /// let days: Vec<NaiveDate> = range.days().map(|(day, _)| day).collect();
    /// assert_eq!(days, [date(3, 29), date(3, 30), date(3, 31)]);
    /// let (_, window) = range.days().last().unwrap();
    /// assert_eq!(window.start().to_rfc3339(), "2020-03-31T00:00:00+00:00"); // UTC days
    /// assert_eq!(window.length().as_secs(), 86_400);
    /// assert_eq!(DayRange::ending(date(3, 31), 0).days().count(), 0);
    /// ```
    #[must_use]
    pub fn ending(last: NaiveDate, count: u32) -> Self {
        DayRange {
            last,
            count,
            zone: DayZone::Fixed(Utc.fix()),
        }
    }

    /// The same days, each a calendar day in `zone` (feature `tz`): from the
    /// day's first moment to the next day's, so a day across a
    /// daylight-saving change is 23 or 25 hours long. Where a day starts in a
    /// gap (a change at midnight), it starts at its first valid moment.
    ///
    /// # Example
    ///
    /// ```
    /// # use chrono::NaiveDate;
    /// # use incident_model::DayRange;
    /// # let date = |m: u32, d: u32| NaiveDate::from_ymd_opt(2020, m, d).unwrap();
    /// let new_york = chrono_tz::America::New_York;
    /// // Clocks went forward on Sunday 8 March 2020 and back on Sunday 1 November.
    /// let spring: Vec<_> = DayRange::ending(date(3, 9), 3).in_zone(new_york).days().collect();
    /// let hours: Vec<i64> = spring.iter().map(|(_, w)| w.length().as_secs() / 3600).collect();
    /// assert_eq!(hours, [24, 23, 24]);
    /// assert_eq!(spring[1].1.start().to_rfc3339(), "2020-03-08T05:00:00+00:00"); // EST midnight
    /// assert_eq!(spring[2].1.start().to_rfc3339(), "2020-03-09T04:00:00+00:00"); // EDT midnight
    /// let autumn = DayRange::ending(date(11, 1), 1).in_zone(new_york);
    /// assert_eq!(autumn.days().next().unwrap().1.length().as_secs(), 25 * 3600);
    /// ```
    #[cfg(feature = "tz")]
    #[cfg_attr(docsrs, doc(cfg(feature = "tz")))]
    #[must_use]
    pub fn in_zone(mut self, zone: chrono_tz::Tz) -> Self {
        self.zone = DayZone::Named(zone);
        self
    }

    /// The same days, each from midnight to midnight at `offset` from UTC.
    ///
    /// # Example
    ///
    /// ```
    /// # use chrono::{FixedOffset, NaiveDate};
    /// # use incident_model::DayRange;
    /// # let date = |m: u32, d: u32| NaiveDate::from_ymd_opt(2020, m, d).unwrap();
    /// let cest = FixedOffset::east_opt(2 * 3600).unwrap();
    /// let range = DayRange::ending(date(3, 31), 1).with_offset(cest);
    /// let (day, window) = range.days().next().unwrap();
    /// assert_eq!(day, date(3, 31));
    /// assert_eq!(window.start().to_rfc3339(), "2020-03-30T22:00:00+00:00");
    /// assert_eq!(window.end().to_rfc3339(), "2020-03-31T22:00:00+00:00");
    /// ```
    #[must_use]
    pub fn with_offset(mut self, offset: FixedOffset) -> Self {
        self.zone = DayZone::Fixed(offset);
        self
    }

    /// Each day, oldest first, with its window. Days outside what `chrono` can
    /// represent are left out.
    ///
    /// # Example
    ///
    /// ```
    /// # use chrono::{FixedOffset, NaiveDate};
    /// # use incident_model::DayRange;
    /// # let date = |m: u32, d: u32| NaiveDate::from_ymd_opt(2020, m, d).unwrap();
    /// // 2020 is a leap year.
    /// let days: Vec<_> = DayRange::ending(date(3, 1), 2).days().collect();
    /// assert_eq!(days.len(), 2);
    /// assert_eq!((days[0].0, days[1].0), (date(2, 29), date(3, 1)));
    /// assert_eq!(days[0].1.end(), days[1].1.start()); // back to back
    /// ```
    pub fn days(&self) -> impl Iterator<Item = (NaiveDate, Window)> + '_ {
        let back = u64::from(self.count.saturating_sub(1));
        let first = self.last.checked_sub_days(chrono::Days::new(back));
        let count = usize::try_from(self.count).unwrap_or(usize::MAX);
        first
            .into_iter()
            .flat_map(|first| first.iter_days())
            .take(count)
            .filter_map(move |date| Some((date, self.window_of(date)?)))
    }

    /// The first moment of `date` in the range's zone.
    fn midnight(&self, date: NaiveDate) -> Option<DateTime<Utc>> {
        match self.zone {
            DayZone::Fixed(offset) => first_moment(date, &offset),
            #[cfg(feature = "tz")]
            DayZone::Named(zone) => first_moment(date, &zone),
        }
    }

    /// The window of `date` in the range's zone, whether or not the range
    /// holds it; `None` outside what `chrono` can represent.
    ///
    /// # Example
    ///
    /// ```
    /// # use chrono::NaiveDate;
    /// # use incident_model::DayRange;
    /// let date = NaiveDate::from_ymd_opt(2020, 3, 16).unwrap();
    /// let window = DayRange::ending(date, 1).window_of(date).unwrap();
    /// assert_eq!(window.start().to_rfc3339(), "2020-03-16T00:00:00+00:00");
    /// ```
    #[must_use]
    pub fn window_of(&self, date: NaiveDate) -> Option<Window> {
        let start = self.midnight(date)?;
        let end = self.midnight(date.succ_opt()?)?;
        Window::new(start, end).ok()
    }
}

/// The first moment of `date` in `zone`: local midnight, the earlier one when
/// it happens twice, or the first valid quarter hour after it when midnight
/// falls in a gap.
fn first_moment<Tz: TimeZone>(date: NaiveDate, zone: &Tz) -> Option<DateTime<Utc>> {
    const QUARTER_HOURS_IN_A_DAY: u32 = 96;
    (0..QUARTER_HOURS_IN_A_DAY).find_map(|quarter| {
        let time = NaiveTime::from_hms_opt(quarter / 4, quarter % 4 * 15, 0)?;
        date.and_time(time)
            .and_local_timezone(zone.clone())
            .earliest()
            .map(|local| local.with_timezone(&Utc))
    })
}

/// One day of a 90-day bar: what [`MergedHistory::daily`] gives.
///
/// Passive data: the fields are public. With the `serde` feature it serializes
/// as `{"date": "2020-03-16", "window": {...}, "uptime": {...}, "worst_status":
/// "major_outage", "weighted_downtime": 1380, "no_data": 0}` (see [`Uptime`]
/// for its form; `uptime` is `null` on a day with no data).
///
/// # Example
///
/// ```
/// # use chrono::{Duration, NaiveDate, TimeZone, Utc};
/// use incident_model::{ComponentStatus::*, DayRange, MergedHistory, StatusInterval, Weights};
/// # let start = Utc.with_ymd_and_hms(2020, 3, 16, 6, 0, 0).unwrap();
/// let merged = MergedHistory::from_intervals([
///     StatusInterval::new(start, start + Duration::hours(4), PartialOutage),
/// ]);
/// let day = NaiveDate::from_ymd_opt(2020, 3, 16).unwrap();
/// let bucket = merged.daily(&DayRange::ending(day, 1), &Weights::statuspage())[0];
/// assert_eq!(bucket.date, day);
/// assert_eq!(bucket.worst_status, Some(PartialOutage));
/// assert_eq!(bucket.weighted_downtime.to_string(), "1h 12m"); // 4 h at 0.3
/// assert_eq!(bucket.uptime.unwrap().to_string(), "95.00% (statuspage)");
/// ```
///
/// See also the [module documentation](self).
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub struct DayBucket {
    /// The day.
    pub date: NaiveDate,
    /// The day's window: 23 or 25 hours across a daylight-saving change.
    pub window: Window,
    /// The uptime over the covered part of the day; `None` for a day with no
    /// data (drawn grey), or wholly removed as maintenance.
    pub uptime: Option<Uptime>,
    /// The worst status in force at any covered moment of the day; `None` when
    /// no event said anything of the component that day.
    pub worst_status: Option<ComponentStatus>,
    /// The weighted downtime of the day.
    pub weighted_downtime: Elapsed,
    /// The part of the day the data does not cover.
    pub no_data: Elapsed,
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The sweep over every end of every interval, one by one: what the merge
    /// of runs has to give.
    fn merge_every_end(intervals: &[RawInterval]) -> MergedHistory {
        let mut ends: Vec<(i64, Option<usize>, Option<usize>)> = Vec::new();
        for interval in intervals.iter().filter(|i| i.start < i.end) {
            let slot = interval.status.index();
            ends.push((interval.start, None, Some(slot)));
            ends.push((interval.end, Some(slot), None));
        }
        ends.sort_by_key(|&(time, _, _)| time);
        MergedHistory {
            segments: sweep(ends.into_iter()),
        }
    }

    /// The packed sort gives exactly what sorting the unpacked ends gives, and
    /// both what the sweep over every end gives, runs or no runs.
    #[test]
    fn packed_and_unpacked_merges_agree() {
        let mut seed = 0x2545_f491_4f6c_dd1d_u64;
        let mut next = move |n: i64| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            i64::try_from(seed % u64::try_from(n).unwrap()).unwrap()
        };
        for round in 0..200 {
            let base = 1_600_000_000_000 + next(1_000_000);
            let mut previous_end: Option<i64> = None;
            let intervals: Vec<RawInterval> = (0..next(60) + round % 3)
                .map(|_| {
                    // Half of the intervals continue a run (start where the one
                    // before ended), as an event's stretches do.
                    let start = match previous_end {
                        Some(end) if next(2) == 0 => end,
                        _ => base + next(50) * 1_000,
                    };
                    let end = start + (next(12) - 2) * 1_000;
                    previous_end = Some(end);
                    RawInterval {
                        start,
                        end,
                        status: ComponentStatus::ALL[usize::try_from(next(5)).unwrap()],
                    }
                })
                .collect();
            let merged = MergedHistory::merge(&intervals);
            assert_eq!(merged, MergedHistory::merge_unpacked(&intervals));
            assert_eq!(merged, merge_every_end(&intervals));
        }
        // Ends too far apart to pack fall back to the unpacked sort.
        let far = [
            RawInterval {
                start: i64::MIN / 2,
                end: 0,
                status: ComponentStatus::MajorOutage,
            },
            RawInterval {
                start: 0,
                end: i64::MAX / 2,
                status: ComponentStatus::PartialOutage,
            },
        ];
        assert_eq!(
            MergedHistory::merge(&far),
            MergedHistory::merge_unpacked(&far)
        );
        assert_eq!(MergedHistory::merge(&far).segments.len(), 2);
    }
}
