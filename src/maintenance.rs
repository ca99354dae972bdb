//! A maintenance measured against its plan: did it start on time, did it
//! overrun, did it finish early.
//!
//! # The rules
//!
//! With the updates in display order:
//!
//! - planned window: `scheduled_for` .. `scheduled_until` ([`Schedule`]);
//! - `started_at` = display time of the first update with status in_progress
//!   or verifying; none when the maintenance never reported either (it went
//!   from scheduled straight to completed, or holds only a completed update:
//!   whether and when the work ran is unknown, and [`PlanOddity::NeverStarted`]
//!   says so);
//! - `verifying_at` = display time of the first verifying update;
//! - `completed_at` = display time of the update that moved it into completed
//!   for the last time; none while it is not completed;
//! - `start_delay` = `started_at - scheduled_for`, `overrun` = `completed_at -
//!   scheduled_until`: *signed* ([`Deviation`]), an early start or an early
//!   finish is negative, and that is information;
//! - `duration` = `completed_at - started_at`. Updates are in display order and
//!   completed is terminal, so the last move into completed is never before
//!   the first start: the duration is a length ([`Elapsed`]), never negative.
//!
//! Time to identify, to monitor and to resolve are incident figures: a
//! maintenance does not have them (the methods exist on
//! [`Incident`](crate::Incident) only). Time in each status applies to both
//! ([`Event::time_in_status`](crate::Event::time_in_status)).
//!
//! # What is odd, said plainly
//!
//! An [`AgainstPlan`] lists its [`PlanOddity`]s: no planned window, a window
//! of zero length, a completed maintenance that never reported a start, one
//! not completed past its window (as of the time you pass). A window that ends
//! before it starts never gets here: the event refuses it
//! ([`ValidationError::InvertedSchedule`](crate::ValidationError::InvertedSchedule)).
//!
//! # Example
//!
//! ```
//! # use chrono::{Duration, TimeZone, Utc};
//! use incident_model::{Maintenance, MaintenanceStatus::*, Schedule, Update};
//!
//! let at = |h, m, s| Utc.with_ymd_and_hms(2020, 12, 17, h, m, s).unwrap();
//! let maintenance = Maintenance::builder("Database hardware move")
//!     .scheduled(Schedule::new(at(9, 0, 0), at(11, 0, 0)))
//!     .update(Update::new(Scheduled, at(1, 0, 0)))
//!     .update(Update::new(InProgress, at(9, 0, 21)))
//!     .update(Update::new(Completed, at(10, 57, 0)))
//!     .build()?;
//! let plan = maintenance.against_plan(at(12, 0, 0));
//! assert_eq!(plan.start_delay.unwrap().to_string(), "21s late");
//! assert_eq!(plan.overrun.unwrap().to_string(), "3m early");
//! assert_eq!(plan.duration.unwrap().to_string(), "1h 56m");
//! assert_eq!(plan.to_string(), "started 21s late, finished 3m early, ran 1h 56m");
//! assert!(plan.oddities.is_empty());
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use core::fmt;

use chrono::{DateTime, TimeDelta, Utc};

use crate::builder::Schedule;
use crate::duration::Elapsed;
use crate::event::Maintenance;
use crate::status::MaintenanceStatus;

/// A signed difference between a plan and what happened: positive when late,
/// negative when early, to the nanosecond.
///
/// Prints as `21s late`, `3m early` or `on time` (the magnitude as
/// [`Elapsed`] prints it, truncated). With the `serde` feature it serializes
/// as whole seconds, signed, truncated towards zero (`-180` for 3 min early).
///
/// # Example
///
/// ```
/// # use chrono::{TimeDelta, TimeZone, Utc};
/// use incident_model::Deviation;
/// let planned = Utc.with_ymd_and_hms(2020, 12, 17, 9, 0, 0).unwrap();
/// let late = Deviation::between(planned, planned + TimeDelta::seconds(21));
/// assert!(late.is_late());
/// assert_eq!(late.to_string(), "21s late");
/// let early = Deviation::between(planned, planned - TimeDelta::minutes(3));
/// assert!(early.is_early());
/// assert_eq!(early.magnitude().to_string(), "3m");
/// assert_eq!(early.to_string(), "3m early");
/// assert_eq!(Deviation::between(planned, planned).to_string(), "on time");
/// ```
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Debug, Default)]
pub struct Deviation(TimeDelta);

impl Deviation {
    /// Wraps a signed `delta` (positive: late).
    ///
    /// # Example
    ///
    /// ```
    /// # use chrono::TimeDelta;
    /// # use incident_model::Deviation;
    /// assert!(Deviation::new(TimeDelta::seconds(-1)).is_early());
    /// ```
    #[must_use]
    pub const fn new(delta: TimeDelta) -> Deviation {
        Deviation(delta)
    }

    /// `actual - planned`: positive when `actual` is later.
    ///
    /// # Example
    ///
    /// See [`Deviation`].
    #[must_use]
    pub fn between(planned: DateTime<Utc>, actual: DateTime<Utc>) -> Deviation {
        // The difference of two representable times always fits a TimeDelta.
        Deviation(actual.signed_duration_since(planned))
    }

    /// The signed value.
    ///
    /// # Example
    ///
    /// ```
    /// # use chrono::TimeDelta;
    /// # use incident_model::Deviation;
    /// assert_eq!(Deviation::new(TimeDelta::minutes(-3)).as_time_delta(), TimeDelta::minutes(-3));
    /// ```
    #[must_use]
    pub const fn as_time_delta(self) -> TimeDelta {
        self.0
    }

    /// Whole seconds, signed, truncated towards zero.
    ///
    /// # Example
    ///
    /// ```
    /// # use chrono::TimeDelta;
    /// # use incident_model::Deviation;
    /// assert_eq!(Deviation::new(TimeDelta::milliseconds(-1_500)).as_secs(), -1);
    /// ```
    #[must_use]
    pub const fn as_secs(self) -> i64 {
        self.0.num_seconds()
    }

    /// How far from the plan, whichever the side.
    ///
    /// # Example
    ///
    /// See [`Deviation`].
    #[must_use]
    pub fn magnitude(self) -> Elapsed {
        Elapsed::new(self.0.abs())
    }

    /// Later than planned.
    ///
    /// # Example
    ///
    /// See [`Deviation`].
    #[must_use]
    pub fn is_late(self) -> bool {
        self.0 > TimeDelta::zero()
    }

    /// Earlier than planned.
    ///
    /// # Example
    ///
    /// See [`Deviation`].
    #[must_use]
    pub fn is_early(self) -> bool {
        self.0 < TimeDelta::zero()
    }
}

impl fmt::Display for Deviation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let side = if self.is_late() {
            "late"
        } else if self.is_early() {
            "early"
        } else {
            return f.pad("on time");
        };
        f.pad(&format!("{} {side}", self.magnitude()))
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for Deviation {
    /// Whole seconds, signed.
    fn serialize<Ser: serde::Serializer>(&self, serializer: Ser) -> Result<Ser::Ok, Ser::Error> {
        serializer.serialize_i64(self.as_secs())
    }
}

/// Something odd about a maintenance measured against its plan: the figures
/// it makes absent, or doubtful, said plainly.
///
/// # Example
///
/// ```
/// # use chrono::{TimeZone, Utc};
/// use incident_model::{Maintenance, MaintenanceStatus::*, PlanOddity, Update};
/// # let at = |h| Utc.with_ymd_and_hms(2020, 12, 17, h, 0, 0).unwrap();
/// let backfilled = Maintenance::builder("x").update(Update::new(Completed, at(11))).build()?;
/// let plan = backfilled.against_plan(at(12));
/// assert_eq!(plan.oddities, [PlanOddity::NoSchedule, PlanOddity::NeverStarted]);
/// assert_eq!(PlanOddity::NeverStarted.to_string(), "completed without ever reporting a start (in_progress or verifying)");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case", tag = "kind"))]
#[non_exhaustive]
pub enum PlanOddity {
    /// No planned window: no start delay and no overrun.
    NoSchedule,
    /// A planned window of zero length.
    ZeroLengthWindow,
    /// Completed without ever reporting in_progress or verifying: whether and
    /// when the work ran is unknown (no start delay, no duration).
    NeverStarted,
    /// Not completed, and past the end of its window as of the time asked.
    PastWindow {
        /// How far past `scheduled_until`.
        by: Elapsed,
    },
}

impl fmt::Display for PlanOddity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PlanOddity::NoSchedule => f.write_str("no planned window"),
            PlanOddity::ZeroLengthWindow => f.write_str("the planned window has zero length"),
            PlanOddity::NeverStarted => {
                f.write_str("completed without ever reporting a start (in_progress or verifying)")
            }
            PlanOddity::PastWindow { by } => {
                write!(f, "not completed {by} after the planned window ended")
            }
        }
    }
}

/// A maintenance against its plan: what [`Maintenance::against_plan`] gives.
/// See the [module documentation](self) for the rules.
///
/// Passive data: the fields are public. `Display` says it in words:
/// `started 21s late, finished 3m early, ran 1h 56m`. With the `serde`
/// feature it serializes (times RFC 3339, deviations and the duration in
/// whole seconds).
///
/// # Example
///
/// See the [module documentation](self).
#[derive(Clone, PartialEq, Eq, Hash, Debug)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub struct AgainstPlan {
    /// The planned window, when there is one.
    pub schedule: Option<Schedule>,
    /// The first in_progress or verifying update's display time.
    pub started_at: Option<DateTime<Utc>>,
    /// The first verifying update's display time.
    pub verifying_at: Option<DateTime<Utc>>,
    /// The display time of the last move into completed.
    pub completed_at: Option<DateTime<Utc>>,
    /// `started_at - scheduled_for`, signed.
    pub start_delay: Option<Deviation>,
    /// `completed_at - scheduled_until`, signed.
    pub overrun: Option<Deviation>,
    /// `completed_at - started_at`.
    pub duration: Option<Elapsed>,
    /// What is odd, in the order of [`PlanOddity`]'s variants.
    pub oddities: Vec<PlanOddity>,
}

impl Maintenance {
    /// The maintenance against its plan; a maintenance not completed is
    /// checked against its window as of `as_of` ([`PlanOddity::PastWindow`]).
    ///
    /// O(n) in the number of updates.
    ///
    /// # Example
    ///
    /// ```
    /// # use chrono::{TimeZone, Utc};
    /// use incident_model::{Maintenance, MaintenanceStatus::*, PlanOddity, Schedule, Update};
    /// # let at = |h| Utc.with_ymd_and_hms(2020, 12, 17, h, 0, 0).unwrap();
    /// let running = Maintenance::builder("x")
    ///     .scheduled(Schedule::new(at(9), at(11)))
    ///     .update(Update::new(InProgress, at(8)))
    ///     .build()?;
    /// let plan = running.against_plan(at(13));
    /// assert_eq!(plan.start_delay.unwrap().to_string(), "1h early");
    /// assert_eq!(plan.overrun, None); // not completed
    /// assert_eq!(plan.oddities[0].to_string(), "not completed 2h after the planned window ended");
    /// assert_eq!(plan.to_string(), "started 1h early, not completed");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn against_plan(&self, as_of: DateTime<Utc>) -> AgainstPlan {
        let schedule = self.schedule().copied();
        let started_at = self
            .updates()
            .iter()
            .find(|u| {
                matches!(
                    u.status(),
                    MaintenanceStatus::InProgress | MaintenanceStatus::Verifying
                )
            })
            .map(crate::Update::display_at);
        let completed_at = self.resolved_at();
        let mut plan = AgainstPlan {
            schedule,
            started_at,
            verifying_at: self.monitoring_at(),
            completed_at,
            start_delay: schedule
                .zip(started_at)
                .map(|(s, at)| Deviation::between(s.scheduled_for, at)),
            overrun: schedule
                .zip(completed_at)
                .map(|(s, at)| Deviation::between(s.scheduled_until, at)),
            duration: started_at
                .zip(completed_at)
                .map(|(start, end)| Elapsed::between(start, end)),
            oddities: Vec::new(),
        };
        plan.oddities = plan.find_oddities(as_of);
        plan
    }
}

impl AgainstPlan {
    fn find_oddities(&self, as_of: DateTime<Utc>) -> Vec<PlanOddity> {
        let mut oddities = Vec::new();
        match self.schedule {
            None => oddities.push(PlanOddity::NoSchedule),
            Some(s) if s.scheduled_for == s.scheduled_until => {
                oddities.push(PlanOddity::ZeroLengthWindow);
            }
            Some(_) => {}
        }
        if self.completed_at.is_some() && self.started_at.is_none() {
            oddities.push(PlanOddity::NeverStarted);
        }
        if let (None, Some(s)) = (self.completed_at, self.schedule) {
            if as_of > s.scheduled_until {
                oddities.push(PlanOddity::PastWindow {
                    by: Elapsed::between(s.scheduled_until, as_of),
                });
            }
        }
        oddities
    }

    /// Whether the maintenance started later than planned.
    ///
    /// # Example
    ///
    /// See [`MaintenanceSummary`](crate::MaintenanceSummary).
    #[must_use]
    pub fn started_late(&self) -> bool {
        self.start_delay.is_some_and(Deviation::is_late)
    }

    /// Whether it finished after its window.
    ///
    /// # Example
    ///
    /// See [`MaintenanceSummary`](crate::MaintenanceSummary).
    #[must_use]
    pub fn overran(&self) -> bool {
        self.overrun.is_some_and(Deviation::is_late)
    }

    /// Whether it finished before its window ended.
    ///
    /// # Example
    ///
    /// See [`MaintenanceSummary`](crate::MaintenanceSummary).
    #[must_use]
    pub fn finished_early(&self) -> bool {
        self.overrun.is_some_and(Deviation::is_early)
    }

    /// Whether it completed without ever reporting a start.
    ///
    /// # Example
    ///
    /// See [`PlanOddity`].
    #[must_use]
    pub fn never_started(&self) -> bool {
        self.completed_at.is_some() && self.started_at.is_none()
    }
}

impl fmt::Display for AgainstPlan {
    /// `started 21s late, finished 3m early, ran 1h 56m`; `never reported a
    /// start`, `not started`, `not completed`, `no planned window` where they
    /// apply.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.schedule.is_none() {
            f.write_str("no planned window")?;
            if self.never_started() {
                f.write_str(", never reported a start")?;
            } else if self.completed_at.is_none() {
                f.write_str(", not completed")?;
            }
        } else {
            match (self.start_delay, self.completed_at) {
                (Some(delay), _) => write!(f, "started {delay}")?,
                (None, Some(_)) => f.write_str("never reported a start")?,
                (None, None) => f.write_str("not started")?,
            }
            match self.overrun {
                Some(overrun) => write!(f, ", finished {overrun}")?,
                None => f.write_str(", not completed")?,
            }
        }
        match self.duration {
            Some(duration) => write!(f, ", ran {duration}"),
            None => Ok(()),
        }
    }
}
