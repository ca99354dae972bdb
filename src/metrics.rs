//! Summaries of durations over many incidents or maintenances: count, min, max,
//! mean and the nearest-rank percentiles p50, p90, p95 and p99, for the time to
//! identify, to monitor and to resolve, over all events or grouped by
//! impact or by component.
//!
//! Means of skewed durations mislead (one 3-day incident drags the mean of a
//! hundred 20-minute ones past two hours): the percentiles are the headline; the
//! mean is there because people ask for it.
//!
//! # The rules
//!
//! - Only events that have the milestone count towards a duration: an open
//!   incident is not in the time to resolve, one never identified not in the time
//!   to identify (nor is any maintenance, which has no identified status).
//! - Nearest rank: the p-th percentile of n sorted values is the value at the
//!   1-based rank ⌈p/100 × n⌉ (at least 1); it is always one of the values, never
//!   an interpolation ([`nearest_rank`]).
//! - The mean is truncated to the nanosecond.
//! - No values: a count of 0 and `None` for everything else; no panic, no
//!   division by zero.
//! - By component: an event counts once in each component it affects (listed in
//!   its component list or named by a component change).
//!
//! # Cost
//!
//! O(n log n) in the number of events (one sort per duration and group), plus
//! O(u) to read the milestones off the u updates and O(m log m) to find the
//! components of each event from its m component changes.
//!
//! # Example
//!
//! ```
//! # use chrono::{Duration, TimeZone, Utc};
//! use incident_model::{Incident, IncidentStatus::*, Summaries, Update};
//!
//! # let start = Utc.with_ymd_and_hms(2020, 3, 16, 0, 0, 0).unwrap();
//! let incident = |minutes| {
//!     Incident::builder("x")
//!         .update(Update::new(Investigating, start))
//!         .update(Update::new(Resolved, start + Duration::minutes(minutes)))
//!         .build()
//! };
//! let incidents = [incident(20)?, incident(30)?, incident(40)?, incident(3 * 24 * 60)?];
//! let summaries = Summaries::of(&incidents);
//! let resolve = summaries.time_to_resolve;
//! assert_eq!(resolve.count, 4);
//! assert_eq!(resolve.p50.unwrap().to_string(), "30m");
//! assert_eq!(resolve.p90.unwrap().to_string(), "3d");
//! assert_eq!(resolve.mean.unwrap().to_string(), "18h 22m"); // misleading, as said
//! assert_eq!(summaries.time_to_identify.count, 0);
//! assert_eq!(summaries.time_to_identify.p50, None);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use std::collections::BTreeMap;

use chrono::TimeDelta;

use crate::any::{with_event, AnyEventRef};
use crate::duration::Elapsed;
use crate::id::ComponentId;
use crate::maintenance::{AgainstPlan, Deviation};
use crate::status::Impact;

const NANOS_PER_SECOND: i128 = 1_000_000_000;

/// The nearest-rank `percentile` (in `[0, 100]`) of `sorted` (ascending): the
/// value at the 1-based rank ⌈percentile/100 × n⌉, at least 1. Any values:
/// durations ([`Elapsed`]) and signed deviations from a plan
/// ([`Deviation`]) alike.
///
/// `None` when `sorted` is empty or `percentile` is outside `[0, 100]` (or NaN).
/// The slice is trusted to be sorted; an unsorted slice gives a value of it, not
/// a percentile.
///
/// O(1).
///
/// # Example
///
/// ```
/// use incident_model::{metrics::nearest_rank, Elapsed};
/// let minutes: Vec<Elapsed> = (1..=10).map(|m| Elapsed::from_secs(m * 60)).collect();
/// assert_eq!(nearest_rank(&minutes, 50.0), Some(Elapsed::from_secs(5 * 60)));
/// assert_eq!(nearest_rank(&minutes, 95.0), Some(Elapsed::from_secs(10 * 60)));
/// assert_eq!(nearest_rank(&minutes, 0.0), Some(Elapsed::from_secs(60)));
/// assert_eq!(nearest_rank::<Elapsed>(&[], 50.0), None);
/// assert_eq!(nearest_rank(&minutes, 101.0), None);
/// ```
#[must_use]
pub fn nearest_rank<T: Copy>(sorted: &[T], percentile: f64) -> Option<T> {
    if sorted.is_empty() || !(0.0..=100.0).contains(&percentile) {
        return None;
    }
    #[allow(clippy::cast_precision_loss)] // lengths beyond 2^53 are not a concern
    let n = sorted.len() as f64;
    // percentile * n first: exact for whole percentiles and realistic n.
    let rank = (percentile * n / 100.0).ceil();
    // In [0, n] since percentile is in [0, 100], so the cast is exact.
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    let rank = rank as usize;
    sorted
        .get(rank.clamp(1, sorted.len()).saturating_sub(1))
        .copied()
}

/// Count, min, max, mean and nearest-rank percentiles of some durations.
///
/// Passive data: the fields are public. With no durations, `count` is 0 and
/// every other field `None`. The percentiles are monotone:
/// `min <= p50 <= p90 <= p95 <= p99 <= max`.
///
/// # Example
///
/// ```
/// use incident_model::{Elapsed, Summary};
/// let summary = Summary::of([30, 10, 20].map(|m| Elapsed::from_secs(m * 60)));
/// assert_eq!(summary.count, 3);
/// assert_eq!(summary.min.unwrap().to_string(), "10m");
/// assert_eq!(summary.p50.unwrap().to_string(), "20m");
/// assert_eq!(summary.mean.unwrap().to_string(), "20m");
/// assert_eq!(summary.p99, summary.max);
/// assert_eq!(Summary::of([]), Summary::default());
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct Summary {
    /// How many durations there are.
    pub count: usize,
    /// The shortest.
    pub min: Option<Elapsed>,
    /// The longest.
    pub max: Option<Elapsed>,
    /// The arithmetic mean, truncated to the nanosecond.
    pub mean: Option<Elapsed>,
    /// The median (nearest rank).
    pub p50: Option<Elapsed>,
    /// The 90th percentile (nearest rank).
    pub p90: Option<Elapsed>,
    /// The 95th percentile (nearest rank).
    pub p95: Option<Elapsed>,
    /// The 99th percentile (nearest rank).
    pub p99: Option<Elapsed>,
}

impl Summary {
    /// The summary of `durations`, in any order. O(n log n).
    ///
    /// # Example
    ///
    /// ```
    /// # use incident_model::{Elapsed, Summary};
    /// let summary = Summary::of([40, 10, 30, 20].map(|m| Elapsed::from_secs(m * 60)));
    /// assert_eq!(summary.count, 4);
    /// assert_eq!(summary.max.unwrap().to_string(), "40m");
    /// assert_eq!(summary.p50.unwrap().to_string(), "20m");
    /// assert_eq!(summary.mean.unwrap().to_string(), "25m");
    /// assert_eq!(Summary::of([]).mean, None);
    /// ```
    #[must_use]
    pub fn of(durations: impl IntoIterator<Item = Elapsed>) -> Summary {
        let mut sorted: Vec<Elapsed> = durations.into_iter().collect();
        Summary::of_unsorted(&mut sorted)
    }

    /// Sorts `durations` in place, then summarizes them.
    fn of_unsorted(durations: &mut [Elapsed]) -> Summary {
        durations.sort_unstable();
        let sorted = &*durations;
        let [min, p50, p90, p95, p99, max] = ranks(sorted);
        Summary {
            count: sorted.len(),
            min,
            max,
            mean: mean(sorted),
            p50,
            p90,
            p95,
            p99,
        }
    }
}

/// The min, p50, p90, p95, p99 and max of `sorted` (nearest rank), for
/// [`Summary`] and [`DeviationSummary`] alike.
fn ranks<T: Copy>(sorted: &[T]) -> [Option<T>; 6] {
    [
        sorted.first().copied(),
        nearest_rank(sorted, 50.0),
        nearest_rank(sorted, 90.0),
        nearest_rank(sorted, 95.0),
        nearest_rank(sorted, 99.0),
        sorted.last().copied(),
    ]
}

/// The mean, summed exactly in nanoseconds; `None` for no values.
fn mean(values: &[Elapsed]) -> Option<Elapsed> {
    mean_delta(values.iter().map(|value| value.as_time_delta())).map(Elapsed::new)
}

/// The mean of signed `deltas`, summed exactly in nanoseconds and truncated
/// towards zero; `None` for no values.
fn mean_delta(deltas: impl ExactSizeIterator<Item = TimeDelta>) -> Option<TimeDelta> {
    let count = i128::try_from(deltas.len()).ok().filter(|&n| n > 0)?;
    // `num_seconds` and `subsec_nanos` carry the same sign.
    let total: i128 = deltas
        .map(|delta| {
            i128::from(delta.num_seconds()) * NANOS_PER_SECOND + i128::from(delta.subsec_nanos())
        })
        .sum();
    let mean = total / count;
    let seconds = i64::try_from(mean / NANOS_PER_SECOND).ok()?;
    let nanos = i64::try_from(mean % NANOS_PER_SECOND).ok()?;
    Some(TimeDelta::seconds(seconds) + TimeDelta::nanoseconds(nanos))
}

/// The summaries of the three durations of the rules: time to identify, time to
/// monitor and time to resolve. What [`Summaries::of`],
/// [`Summaries::by_impact`] and [`Summaries::by_component`] give.
///
/// Passive data: the fields are public.
///
/// # Example
///
/// ```
/// # use chrono::{Duration, TimeZone, Utc};
/// use incident_model::{Incident, IncidentStatus::*, Summaries, Update};
///
/// # let start = Utc.with_ymd_and_hms(2020, 3, 16, 0, 0, 0).unwrap();
/// # let incident = Incident::builder("x")
/// #     .update(Update::new(Investigating, start))
/// #     .update(Update::new(Identified, start + Duration::minutes(5)))
/// #     .update(Update::new(Resolved, start + Duration::minutes(45)))
/// #     .build()?;
/// // Identified after 5 minutes, resolved after 45.
/// let summaries = Summaries::of([&incident]);
/// assert_eq!(summaries.time_to_identify.p50.unwrap().to_string(), "5m");
/// assert_eq!(summaries.time_to_monitor.count, 0);
/// assert_eq!(summaries.time_to_resolve.p50.unwrap().to_string(), "45m");
/// assert_eq!(Summaries::of::<&incident_model::Incident>([]), Summaries::default());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// See also the [module documentation](self).
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct Summaries {
    /// Of [`Event::time_to_identify`](crate::Event::time_to_identify), over the events identified.
    pub time_to_identify: Summary,
    /// Of [`Event::time_to_monitor`](crate::Event::time_to_monitor), over the events that reached monitoring
    /// (verifying).
    pub time_to_monitor: Summary,
    /// Of [`Event::time_to_resolve`](crate::Event::time_to_resolve), over the events closed.
    pub time_to_resolve: Summary,
}

impl Summaries {
    /// The summaries over all `events`: incidents, maintenances, or a mixed
    /// list of [`AnyEvent`](crate::AnyEvent)s (anything that turns into an
    /// [`AnyEventRef`]), as [`Summaries::by_impact`] and
    /// [`Summaries::by_component`] take.
    ///
    /// # Example
    ///
    /// ```
    /// # use chrono::{Duration, TimeZone, Utc};
    /// # use incident_model::{Incident, IncidentStatus::*, Summaries, Update};
    /// #
    /// # let start = Utc.with_ymd_and_hms(2020, 3, 16, 0, 0, 0).unwrap();
    /// # let incident = |minutes| {
    /// #     Incident::builder("x")
    /// #         .update(Update::new(Investigating, start))
    /// #         .update(Update::new(Resolved, start + Duration::minutes(minutes)))
    /// #         .build()
    /// # };
    /// // `incident(m)`: resolved m minutes after it opened.
    /// let open = Incident::builder("open").update(Update::new(Investigating, start)).build()?;
    /// let incidents = [incident(10)?, incident(50)?, open];
    /// let summaries = Summaries::of(&incidents);
    /// // The open incident is not in the time to resolve.
    /// assert_eq!(summaries.time_to_resolve.count, 2);
    /// assert_eq!(summaries.time_to_resolve.mean.unwrap().to_string(), "30m");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ///
    /// See also the [module documentation](self).
    pub fn of<'a, E: Into<AnyEventRef<'a>>>(events: impl IntoIterator<Item = E>) -> Summaries {
        let mut durations = Durations::default();
        for event in events {
            durations.push(event.into());
        }
        durations.summarize()
    }

    /// The summaries for each impact, over the events with that impact. Impacts
    /// no event has are absent.
    ///
    /// # Example
    ///
    /// ```
    /// # use chrono::{Duration, TimeZone, Utc};
    /// # use incident_model::{Impact, Incident, IncidentStatus::*, Summaries, Update};
    /// # let start = Utc.with_ymd_and_hms(2020, 3, 16, 0, 0, 0).unwrap();
    /// # let incident = |impact, minutes| {
    /// #     Incident::builder("x")
    /// #         .impact(impact)
    /// #         .update(Update::new(Investigating, start))
    /// #         .update(Update::new(Resolved, start + Duration::minutes(minutes)))
    /// #         .build()
    /// # };
    /// // `incident(impact, m)`: of that impact, resolved m minutes after it opened.
    /// let incidents = [incident(Impact::Minor, 10)?, incident(Impact::Critical, 90)?];
    /// let by_impact = Summaries::by_impact(&incidents);
    /// assert_eq!(by_impact.len(), 2);
    /// assert_eq!(by_impact[&Impact::Critical].time_to_resolve.max.unwrap().to_string(), "1h 30m");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn by_impact<'a, E: Into<AnyEventRef<'a>>>(
        events: impl IntoIterator<Item = E>,
    ) -> BTreeMap<Impact, Summaries> {
        let mut groups: BTreeMap<Impact, Durations> = BTreeMap::new();
        for event in events {
            let event = event.into();
            groups.entry(event.impact()).or_default().push(event);
        }
        groups
            .into_iter()
            .map(|(impact, mut durations)| (impact, durations.summarize()))
            .collect()
    }

    /// The summaries for each component, over the events that affect it (listed
    /// in their component list or named by a component change); an event counts
    /// once in each component it affects.
    ///
    /// # Example
    ///
    /// ```
    /// # use chrono::{Duration, TimeZone, Utc};
    /// # use incident_model::{
    /// #     Component, ComponentChange, ComponentId, ComponentStatus::*, Incident, IncidentStatus::*,
    /// #     Summaries, Update,
    /// # };
    /// # let start = Utc.with_ymd_and_hms(2020, 3, 16, 0, 0, 0).unwrap();
    /// let (api, web) = (ComponentId::new("api")?, ComponentId::new("web")?);
    /// let both = Incident::builder("x")
    ///     .component(Component::new(api.clone(), "API"))
    ///     .update(Update::new(Investigating, start)
    ///         .with_change(ComponentChange::new(web.clone(), "Web", Operational, MajorOutage)))
    ///     .update(Update::new(Resolved, start + Duration::hours(1)))
    ///     .build()?;
    /// let api_only = Incident::builder("y")
    ///     .component(Component::new(api.clone(), "API"))
    ///     .update(Update::new(Investigating, start))
    ///     .build()?; // open: counts for the component, not in the time to resolve
    /// let by_component = Summaries::by_component([&both, &api_only]);
    /// assert_eq!(by_component[&api].time_to_resolve.count, 1);
    /// assert_eq!(by_component[&web].time_to_resolve.count, 1);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn by_component<'a, E: Into<AnyEventRef<'a>>>(
        events: impl IntoIterator<Item = E>,
    ) -> BTreeMap<ComponentId, Summaries> {
        let mut groups: BTreeMap<ComponentId, Durations> = BTreeMap::new();
        let mut ids: Vec<&ComponentId> = Vec::new();
        for event in events {
            let event = event.into();
            ids.clear();
            ids.extend(event.components().iter().map(|component| &component.id));
            with_event!(event, e => ids.extend(
                e.updates()
                    .iter()
                    .flat_map(crate::Update::component_changes)
                    .map(|change| &change.component_id),
            ));
            ids.sort_unstable();
            ids.dedup();
            let milestones = Milestones::of(event);
            for &id in &ids {
                match groups.get_mut(id) {
                    Some(durations) => durations.push_milestones(milestones),
                    None => {
                        let mut durations = Durations::default();
                        durations.push_milestones(milestones);
                        groups.insert(id.clone(), durations);
                    }
                }
            }
        }
        groups
            .into_iter()
            .map(|(id, mut durations)| (id, durations.summarize()))
            .collect()
    }
}

/// The three durations of one event.
#[derive(Clone, Copy)]
struct Milestones {
    time_to_identify: Option<Elapsed>,
    time_to_monitor: Option<Elapsed>,
    time_to_resolve: Option<Elapsed>,
}

impl Milestones {
    fn of(event: AnyEventRef<'_>) -> Self {
        Milestones {
            time_to_identify: event.time_to_identify(),
            time_to_monitor: event.time_to_monitor(),
            time_to_resolve: event.time_to_resolve(),
        }
    }
}

/// The durations of a group of events, gathered before they are summarized.
#[derive(Default)]
struct Durations {
    time_to_identify: Vec<Elapsed>,
    time_to_monitor: Vec<Elapsed>,
    time_to_resolve: Vec<Elapsed>,
}

impl Durations {
    fn push(&mut self, event: AnyEventRef<'_>) {
        self.push_milestones(Milestones::of(event));
    }

    fn push_milestones(&mut self, milestones: Milestones) {
        self.time_to_identify.extend(milestones.time_to_identify);
        self.time_to_monitor.extend(milestones.time_to_monitor);
        self.time_to_resolve.extend(milestones.time_to_resolve);
    }

    fn summarize(&mut self) -> Summaries {
        Summaries {
            time_to_identify: Summary::of_unsorted(&mut self.time_to_identify),
            time_to_monitor: Summary::of_unsorted(&mut self.time_to_monitor),
            time_to_resolve: Summary::of_unsorted(&mut self.time_to_resolve),
        }
    }
}

/// Count, min, max, mean and nearest-rank percentiles of signed deviations
/// from a plan (a start delay, an overrun): [`Summary`] for [`Deviation`]s.
/// Negative values (early) sort first.
///
/// Passive data: the fields are public. With no values, `count` is 0 and
/// every other field `None`.
///
/// # Example
///
/// ```
/// # use chrono::TimeDelta;
/// use incident_model::{metrics::DeviationSummary, Deviation};
/// let delays = [-180, 21, 60].map(|s| Deviation::new(TimeDelta::seconds(s)));
/// let summary = DeviationSummary::of(delays);
/// assert_eq!(summary.min.unwrap().to_string(), "3m early");
/// assert_eq!(summary.p50.unwrap().to_string(), "21s late");
/// assert_eq!(summary.mean.unwrap().to_string(), "33s early");
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub struct DeviationSummary {
    /// How many values there are.
    pub count: usize,
    /// The earliest.
    pub min: Option<Deviation>,
    /// The latest.
    pub max: Option<Deviation>,
    /// The arithmetic mean, truncated towards zero to the nanosecond.
    pub mean: Option<Deviation>,
    /// The median (nearest rank).
    pub p50: Option<Deviation>,
    /// The 90th percentile (nearest rank).
    pub p90: Option<Deviation>,
    /// The 95th percentile (nearest rank).
    pub p95: Option<Deviation>,
    /// The 99th percentile (nearest rank).
    pub p99: Option<Deviation>,
}

impl DeviationSummary {
    /// The summary of `values`, in any order. O(n log n).
    ///
    /// # Example
    ///
    /// See [`DeviationSummary`].
    #[must_use]
    pub fn of(values: impl IntoIterator<Item = Deviation>) -> DeviationSummary {
        let mut sorted: Vec<Deviation> = values.into_iter().collect();
        sorted.sort_unstable();
        let [min, p50, p90, p95, p99, max] = ranks(&sorted);
        DeviationSummary {
            count: sorted.len(),
            min,
            max,
            mean: mean_delta(sorted.iter().map(|value| value.as_time_delta())).map(Deviation::new),
            p50,
            p90,
            p95,
            p99,
        }
    }
}

/// Maintenances against their plans, over many: how many started late,
/// overran, finished early or never reported a start, and the nearest-rank
/// percentiles of the start delay, the overrun and the duration (each over
/// the maintenances that have it). What [`MaintenanceSummary::of`] gives from
/// [`AgainstPlan`]s ([`Maintenance::against_plan`](crate::Maintenance::against_plan)).
///
/// Passive data: the fields are public.
///
/// # Example
///
/// ```
/// # use chrono::{TimeZone, Utc};
/// use incident_model::{Maintenance, MaintenanceStatus::*, MaintenanceSummary, Schedule, Update};
/// # let at = |h, m| Utc.with_ymd_and_hms(2020, 12, 17, h, m, 0).unwrap();
/// let window = Schedule::new(at(9, 0), at(11, 0));
/// let late = Maintenance::builder("late")
///     .scheduled(window)
///     .update(Update::new(InProgress, at(9, 10)))
///     .update(Update::new(Completed, at(11, 30)))
///     .build()?;
/// let early = Maintenance::builder("early")
///     .scheduled(window)
///     .update(Update::new(InProgress, at(9, 0)))
///     .update(Update::new(Completed, at(10, 0)))
///     .build()?;
/// let silent = Maintenance::builder("silent")
///     .scheduled(window)
///     .update(Update::new(Scheduled, at(8, 0)))
///     .update(Update::new(Completed, at(11, 0)))
///     .build()?;
/// let plans: Vec<_> = [late, early, silent].iter().map(|m| m.against_plan(at(12, 0))).collect();
/// let summary = MaintenanceSummary::of(&plans);
/// assert_eq!((summary.count, summary.started_late, summary.overran), (3, 1, 1));
/// assert_eq!((summary.finished_early, summary.never_started), (1, 1));
/// assert_eq!(summary.start_delay.count, 2); // the silent one has none
/// assert_eq!(summary.overrun.max.unwrap().to_string(), "30m late");
/// assert_eq!(summary.duration.p50.unwrap().to_string(), "1h");
/// assert!(plans[0].started_late() && plans[0].overran() && plans[1].finished_early());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub struct MaintenanceSummary {
    /// How many maintenances.
    pub count: usize,
    /// How many started after `scheduled_for`.
    pub started_late: usize,
    /// How many completed after `scheduled_until`.
    pub overran: usize,
    /// How many completed before `scheduled_until`.
    pub finished_early: usize,
    /// How many completed without ever reporting a start.
    pub never_started: usize,
    /// Of the start delays.
    pub start_delay: DeviationSummary,
    /// Of the overruns.
    pub overrun: DeviationSummary,
    /// Of the durations.
    pub duration: Summary,
}

impl MaintenanceSummary {
    /// The summary over `plans`. O(n log n).
    ///
    /// # Example
    ///
    /// See [`MaintenanceSummary`].
    #[must_use]
    pub fn of<'a>(plans: impl IntoIterator<Item = &'a AgainstPlan>) -> MaintenanceSummary {
        let plans: Vec<&AgainstPlan> = plans.into_iter().collect();
        let count_of = |test: fn(&AgainstPlan) -> bool| plans.iter().filter(|p| test(p)).count();
        MaintenanceSummary {
            count: plans.len(),
            started_late: count_of(AgainstPlan::started_late),
            overran: count_of(AgainstPlan::overran),
            finished_early: count_of(AgainstPlan::finished_early),
            never_started: count_of(AgainstPlan::never_started),
            start_delay: DeviationSummary::of(plans.iter().filter_map(|p| p.start_delay)),
            overrun: DeviationSummary::of(plans.iter().filter_map(|p| p.overrun)),
            duration: Summary::of(plans.iter().filter_map(|p| p.duration)),
        }
    }
}
