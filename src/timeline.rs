//! The timeline of one incident or maintenance, derived from its updates:
//! milestones, durations, time in each status, regressions and reopens, and the
//! status of each affected component over time.
//!
//! Everything here is a pure function of the validated value. No function reads
//! the clock: where an open event has to be measured until "now", the caller
//! passes that time as `as_of`.
//!
//! # Durations: the rules
//!
//! With the updates in display order:
//!
//! - `opened_at` = the earliest of `started_at` (when present), the creation time
//!   and the first update's display time;
//! - `identified_at` = display time of the first update with status identified
//!   (none for maintenances);
//! - `monitoring_at` = display time of the first update with status monitoring
//!   (maintenance: verifying), as Statuspage's `monitoring_at`;
//! - `resolved_at` = display time of the update that moved the event into a
//!   closed status (resolved or postmortem; completed) for the last time; none
//!   while the event is open;
//! - `time_to_identify`, `time_to_monitor` and `time_to_resolve` = each of the
//!   above minus `opened_at`; none when the milestone is none. The time to
//!   monitor is what the industry also calls the time to mitigate. Incidents
//!   only: a maintenance is measured against its plan
//!   ([`Maintenance::against_plan`](crate::Maintenance::against_plan));
//! - time in each status: the sum of the intervals between consecutive updates
//!   spent in that status, the last interval ending at `resolved_at`, or at a
//!   given `as_of` for an open event;
//! - regressions: the number of moves back among open statuses
//!   ([`MoveKind::Regression`]); reopens: the number of moves out of a closed
//!   status ([`MoveKind::Reopen`]).
//!
//! ## Decisions where the rules are silent
//!
//! - **Until when.** A closed event is measured until its `resolved_at`; an open
//!   one until the `as_of` the caller gives (the argument is ignored once the
//!   event is closed). An `as_of` before `opened_at` measures nothing. This is
//!   [`Timeline::measured_until`].
//! - **Never negative.** Every duration is an [`Elapsed`], clamped at zero. An
//!   interval is cut at the end of the measurement, so updates after
//!   `resolved_at` (a postmortem) and closed statuses after it count nothing, and
//!   an `as_of` earlier than some updates cuts the intervals there.
//! - **The gap before the first update.** When the event opened before its first
//!   update was displayed (a declared start, or a creation time, before it), the
//!   time from `opened_at` to the first update is counted in the lifecycle's
//!   *first* status (investigating; scheduled for maintenances): nothing was
//!   identified yet, which is also what `time_to_identify` says of that time.
//!   With this rule, the time in all statuses adds up exactly to
//!   `measured_until - opened_at`, which is `time_to_resolve` for a closed event.
//! - **Reopened events.** The time between a resolution and the reopen that
//!   follows it is time in resolved: the event looked resolved then.
//!   `resolved_at` is the last resolution, so that time lies within
//!   `time_to_resolve`.
//! - **A backfilled event** (a single resolved update, displayed no later than it
//!   was created) opens and resolves at the same moment: every duration is zero.
//!
//! # Affected components
//!
//! Every component named in an update's component changes or in the event's
//! component list. A component's status within the event: from `opened_at` until
//! it is first named, the old status of that first change; from each update that
//! names it, that update's new status, until the next update that names it;
//! nothing counts after the end of the measurement (`resolved_at` or `as_of`).
//! See [`AffectedComponent`] for the worst status and the components listed but
//! never named.
//!
//! # Cost
//!
//! The milestones, durations, time in status and move counts are O(n) in the
//! number of updates, with no allocation. The affected components are
//! O(m log m + c log c) in the number m of component changes and c of components
//! (one sort of the changes by component), with one allocation per component.

use core::fmt;
use core::hash::Hash;
use core::marker::PhantomData;
use std::collections::HashMap;

use chrono::{DateTime, Utc};

use crate::duration::Elapsed;
use crate::event::Event;
use crate::id::ComponentId;
use crate::policy::{Lifecycle, MoveKind};
use crate::status::{ComponentStatus, IncidentStatus};
use crate::update::ComponentChange;

impl<S: Lifecycle> Event<S> {
    /// When the event opened: the earliest of `started_at` (when present), the
    /// creation time and the first update's display time.
    ///
    /// # Example
    ///
    /// ```
    /// # use chrono::{Duration, TimeZone, Utc};
    /// # use incident_model::{Incident, IncidentStatus::*, Update};
    /// # let at = Utc.with_ymd_and_hms(2020, 3, 16, 14, 28, 0).unwrap();
    /// let incident = Incident::builder("x")
    ///     .started_at(at - Duration::minutes(20))
    ///     .update(Update::new(Identified, at))
    ///     .build()?;
    /// assert_eq!(incident.opened_at(), at - Duration::minutes(20));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn opened_at(&self) -> DateTime<Utc> {
        let first_display = self.updates().first().map(crate::Update::display_at);
        [self.started_at(), Some(self.created_at()), first_display]
            .into_iter()
            .flatten()
            .min()
            .unwrap_or(self.created_at())
    }

    /// Display time of the first update with status identified; always `None` for
    /// maintenances.
    ///
    /// # Example
    ///
    /// ```
    /// # use chrono::{TimeZone, Utc};
    /// # use incident_model::{Incident, IncidentStatus::*, Update};
    /// # let at = |h| Utc.with_ymd_and_hms(2020, 3, 16, h, 0, 0).unwrap();
    /// let incident = Incident::builder("x")
    ///     .update(Update::new(Investigating, at(10)))
    ///     .update(Update::new(Identified, at(11)))
    ///     .update(Update::new(Identified, at(12)))
    ///     .build()?;
    /// assert_eq!(incident.identified_at(), Some(at(11)));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn identified_at(&self) -> Option<DateTime<Utc>> {
        let identified = S::IDENTIFIED?;
        self.first_display_with(identified)
    }

    /// Display time of the first update with status monitoring (maintenance:
    /// verifying). This matches Statuspage's `monitoring_at`.
    ///
    /// # Example
    ///
    /// ```
    /// # use chrono::{TimeZone, Utc};
    /// # use incident_model::{Incident, IncidentStatus::*, Update};
    /// # let at = |h| Utc.with_ymd_and_hms(2020, 3, 16, h, 0, 0).unwrap();
    /// let incident = Incident::builder("x")
    ///     .update(Update::new(Monitoring, at(10)))
    ///     .update(Update::new(Investigating, at(11)))
    ///     .update(Update::new(Monitoring, at(12)))
    ///     .build()?;
    /// assert_eq!(incident.monitoring_at(), Some(at(10))); // the first, not the last
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn monitoring_at(&self) -> Option<DateTime<Utc>> {
        self.first_display_with(S::MONITORING)
    }

    /// Display time of the update that moved the event into a closed status for
    /// the last time; `None` while the event is open.
    ///
    /// # Example
    ///
    /// ```
    /// # use chrono::{TimeZone, Utc};
    /// # use incident_model::{Incident, IncidentStatus::*, Update};
    /// # let at = |h| Utc.with_ymd_and_hms(2020, 3, 16, h, 0, 0).unwrap();
    /// let incident = Incident::builder("x")
    ///     .update(Update::new(Investigating, at(10)))
    ///     .update(Update::new(Resolved, at(11)))
    ///     .update(Update::new(Resolved, at(12)))
    ///     .update(Update::new(Postmortem, at(13)))
    ///     .build()?;
    /// assert_eq!(incident.resolved_at(), Some(at(11)));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn resolved_at(&self) -> Option<DateTime<Utc>> {
        let updates = self.updates();
        // The last run of closed statuses starts right after the last open update.
        let start = match updates.iter().rposition(|u| u.status().is_open()) {
            Some(last_open) => last_open.checked_add(1)?,
            None => 0,
        };
        updates.get(start).map(crate::Update::display_at)
    }

    fn first_display_with(&self, status: S) -> Option<DateTime<Utc>> {
        self.updates()
            .iter()
            .find(|u| u.status() == status)
            .map(crate::Update::display_at)
    }
}

/// The incident-only durations: a maintenance is measured against its plan
/// instead ([`Maintenance::against_plan`](crate::Maintenance::against_plan)).
impl Event<IncidentStatus> {
    /// `identified_at - opened_at`: how long finding the cause took; `None` when
    /// no update says identified.
    ///
    /// # Example
    ///
    /// ```
    /// # use chrono::{Duration, TimeZone, Utc};
    /// # use incident_model::{Incident, IncidentStatus::*, Update};
    /// # let at = Utc.with_ymd_and_hms(2020, 3, 16, 14, 28, 0).unwrap();
    /// let incident = Incident::builder("x")
    ///     .started_at(at - Duration::minutes(20)) // declared before the first update
    ///     .update(Update::new(Identified, at))
    ///     .build()?;
    /// assert_eq!(incident.time_to_identify().map(|d| d.to_string()), Some("20m".to_owned()));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn time_to_identify(&self) -> Option<Elapsed> {
        let opened_at = self.opened_at();
        self.identified_at()
            .map(|at| Elapsed::between(opened_at, at))
    }

    /// `monitoring_at - opened_at`: the time to monitor; `None` when no update
    /// says monitoring.
    ///
    /// # Example
    ///
    /// ```
    /// # use chrono::{TimeZone, Utc};
    /// # use incident_model::{Incident, IncidentStatus::*, Update};
    /// # let edt = |h: u32, m| Utc.with_ymd_and_hms(2020, 3, 16, h + 4, m, 0).unwrap();
    /// let incident = Incident::builder("x")
    ///     .update(Update::new(Identified, edt(10, 28)))
    ///     .update(Update::new(Monitoring, edt(13, 42)))
    ///     .build()?;
    /// assert_eq!(incident.time_to_monitor().unwrap().to_string(), "3h 14m");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn time_to_monitor(&self) -> Option<Elapsed> {
        let opened_at = self.opened_at();
        self.monitoring_at()
            .map(|at| Elapsed::between(opened_at, at))
    }

    /// `resolved_at - opened_at`; `None` while the event is open (see
    /// [`Event::elapsed`] for how long an open event has run).
    ///
    /// # Example
    ///
    /// ```
    /// # use chrono::{TimeZone, Utc};
    /// # use incident_model::{Incident, IncidentStatus::*, Update};
    /// # let edt = |h: u32, m| Utc.with_ymd_and_hms(2020, 3, 16, h + 4, m, 0).unwrap();
    /// let mut incident = Incident::builder("x").update(Update::new(Identified, edt(10, 28))).build()?;
    /// assert_eq!(incident.time_to_resolve(), None);
    /// incident.apply(Update::new(Resolved, edt(17, 51)))?;
    /// assert_eq!(incident.time_to_resolve().unwrap().to_string(), "7h 23m");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn time_to_resolve(&self) -> Option<Elapsed> {
        let opened_at = self.opened_at();
        self.resolved_at().map(|at| Elapsed::between(opened_at, at))
    }
}

impl<S: Lifecycle> Event<S> {
    /// Until when the event is measured: `resolved_at` when the event is closed
    /// (`as_of` is then ignored), otherwise `as_of`, but never before
    /// `opened_at`.
    ///
    /// # Example
    ///
    /// ```
    /// # use chrono::{TimeZone, Utc};
    /// # use incident_model::{Incident, IncidentStatus::*, Update};
    /// # let at = |h| Utc.with_ymd_and_hms(2020, 3, 16, h, 0, 0).unwrap();
    /// let mut incident = Incident::builder("x").update(Update::new(Investigating, at(10))).build()?;
    /// assert_eq!(incident.measured_until(at(12)), at(12)); // open: until as_of
    /// assert_eq!(incident.measured_until(at(9)), at(10)); // never before it opened
    /// incident.apply(Update::new(Resolved, at(11)))?;
    /// assert_eq!(incident.measured_until(at(12)), at(11)); // closed: until resolved_at
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn measured_until(&self, as_of: DateTime<Utc>) -> DateTime<Utc> {
        measured_until(self.opened_at(), self.resolved_at(), as_of)
    }

    /// How long the event has run: `time_to_resolve` once closed, `as_of -
    /// opened_at` while open (zero if `as_of` is before it opened).
    ///
    /// # Example
    ///
    /// ```
    /// # use chrono::{TimeZone, Utc};
    /// # use incident_model::{Incident, IncidentStatus::*, Update};
    /// # let at = |h| Utc.with_ymd_and_hms(2020, 3, 16, h, 0, 0).unwrap();
    /// let incident = Incident::builder("x").update(Update::new(Investigating, at(10))).build()?;
    /// assert_eq!(incident.elapsed(at(13)).to_string(), "3h");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn elapsed(&self, as_of: DateTime<Utc>) -> Elapsed {
        Elapsed::between(self.opened_at(), self.measured_until(as_of))
    }

    /// The time spent in each status, measured until
    /// [`measured_until(as_of)`](Event::measured_until); see the
    /// [module documentation](self) for the rules (the gap before the first
    /// update counts in the first status of the lifecycle). The times add up to
    /// [`Event::elapsed`].
    ///
    /// O(n) in the number of updates; no allocation.
    ///
    /// # Example
    ///
    /// ```
    /// # use chrono::{TimeZone, Utc};
    /// # use incident_model::{Incident, IncidentStatus::*, Update};
    /// # let edt = |h: u32, m| Utc.with_ymd_and_hms(2020, 3, 16, h + 4, m, 0).unwrap();
    /// # let incident = Incident::builder("x")
    /// #     .update(Update::new(Identified, edt(10, 28)))
    /// #     .update(Update::new(Monitoring, edt(13, 42)))
    /// #     .update(Update::new(Resolved, edt(17, 51)))
    /// #     .build()?;
    /// // Identified 10:28, monitoring 13:42, resolved 17:51 (EDT, on 16 March).
    /// let spent = incident.time_in_status(edt(19, 0)); // as_of is ignored: it is closed
    /// assert_eq!(spent.get(Identified).to_string(), "3h 14m");
    /// assert_eq!(spent.get(Monitoring).to_string(), "4h 9m");
    /// assert_eq!(spent.get(Resolved).to_string(), "0s");
    /// assert_eq!(Some(spent.total()), incident.time_to_resolve());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn time_in_status(&self, as_of: DateTime<Utc>) -> TimeInStatus<S> {
        self.time_in_status_between(self.opened_at(), self.measured_until(as_of))
    }

    /// [`Event::time_in_status`] from `opened_at` to `end`.
    fn time_in_status_between(
        &self,
        opened_at: DateTime<Utc>,
        end: DateTime<Utc>,
    ) -> TimeInStatus<S> {
        let updates = self.updates();
        let mut spent = TimeInStatus::new();
        let (Some(first), Some(last)) = (updates.first(), updates.last()) else {
            return spent;
        };
        // Time is counted up to `end` only: `cut` keeps every interval inside it.
        let cut = |at: DateTime<Utc>| at.min(end);
        if let Some(&initial) = <S as Lifecycle>::ALL.first() {
            spent.add(
                initial,
                Elapsed::between(opened_at, cut(first.display_at())),
            );
        }
        for pair in updates.windows(2) {
            if let [this, next] = pair {
                let time = Elapsed::between(cut(this.display_at()), cut(next.display_at()));
                spent.add(this.status(), time);
            }
        }
        spent.add(last.status(), Elapsed::between(cut(last.display_at()), end));
        spent
    }

    /// The number of moves back among open statuses ([`MoveKind::Regression`]:
    /// "the fix did not hold").
    ///
    /// # Example
    ///
    /// ```
    /// # use chrono::{TimeZone, Utc};
    /// # use incident_model::{Incident, IncidentStatus::*, Update};
    /// # let at = |h| Utc.with_ymd_and_hms(2020, 3, 16, h, 0, 0).unwrap();
    /// let incident = Incident::builder("x")
    ///     .update(Update::new(Monitoring, at(10)))
    ///     .update(Update::new(Identified, at(11)))
    ///     .update(Update::new(Monitoring, at(12)))
    ///     .update(Update::new(Investigating, at(13)))
    ///     .build()?;
    /// assert_eq!(incident.regressions(), 2);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn regressions(&self) -> usize {
        self.move_counts().0
    }

    /// The number of moves out of a closed status ([`MoveKind::Reopen`]).
    ///
    /// # Example
    ///
    /// ```
    /// # use chrono::{TimeZone, Utc};
    /// # use incident_model::{Incident, IncidentStatus::*, Update};
    /// # let at = |h| Utc.with_ymd_and_hms(2020, 3, 16, h, 0, 0).unwrap();
    /// let mut incident = Incident::builder("x")
    ///     .update(Update::new(Investigating, at(10)))
    ///     .update(Update::new(Resolved, at(11)))
    ///     .build()?;
    /// incident.reopen(Update::new(Identified, at(12)))?;
    /// assert_eq!(incident.reopens(), 1);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn reopens(&self) -> usize {
        self.move_counts().1
    }

    /// Every derived view of the event's updates at once: milestones, time in
    /// each status, regressions and reopens, measured as
    /// [`Event::measured_until`] says.
    ///
    /// O(n) in the number of updates; no allocation.
    ///
    /// # Example
    ///
    /// ```
    /// # use chrono::{TimeZone, Utc};
    /// # use incident_model::{Incident, IncidentStatus::*, Update};
    /// # let at = |h| Utc.with_ymd_and_hms(2020, 3, 16, h, 0, 0).unwrap();
    /// let incident = Incident::builder("x")
    ///     .update(Update::new(Investigating, at(10)))
    ///     .update(Update::new(Identified, at(11)))
    ///     .build()?;
    /// let timeline = incident.timeline(at(14)); // open: measured until 14:00
    /// assert_eq!(timeline.time_to_identify().unwrap().to_string(), "1h");
    /// assert_eq!(timeline.time_to_resolve(), None);
    /// assert_eq!(timeline.elapsed().to_string(), "4h");
    /// assert_eq!(timeline.time_in_status.get(Identified).to_string(), "3h");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn timeline(&self, as_of: DateTime<Utc>) -> Timeline<S> {
        // Each milestone once (`measured_until` and `time_in_status` would each
        // recompute them), and both move counts in one pass.
        let opened_at = self.opened_at();
        let resolved_at = self.resolved_at();
        let measured_until = measured_until(opened_at, resolved_at, as_of);
        let (regressions, reopens) = self.move_counts();
        Timeline {
            opened_at,
            identified_at: self.identified_at(),
            monitoring_at: self.monitoring_at(),
            resolved_at,
            measured_until,
            time_in_status: self.time_in_status_between(opened_at, measured_until),
            regressions,
            reopens,
        }
    }

    /// The affected components, each with its status over time, measured until
    /// [`measured_until(as_of)`](Event::measured_until); see
    /// [`AffectedComponent`] for the rules.
    ///
    /// Order: the components of the event's list first, in list order, then the
    /// others in the order the updates first name them.
    ///
    /// O(m log m + c log c) in the number m of component changes and c of
    /// components.
    ///
    /// # Example
    ///
    /// ```
    /// # use chrono::{TimeZone, Utc};
    /// # use incident_model::{ComponentChange, ComponentId, ComponentStatus::*, Incident, IncidentStatus::*, Update};
    /// # let at = |h| Utc.with_ymd_and_hms(2020, 3, 16, h, 0, 0).unwrap();
    /// # let api = ComponentId::new("api")?;
    /// # let change = |old, new| ComponentChange::new(api.clone(), "API", old, new);
    /// let incident = Incident::builder("x")
    ///     .update(Update::new(Investigating, at(10)).with_change(change(Operational, PartialOutage)))
    ///     .update(Update::new(Identified, at(11)).with_change(change(PartialOutage, MajorOutage)))
    ///     .update(Update::new(Resolved, at(13)).with_change(change(MajorOutage, Operational)))
    ///     .build()?;
    /// let affected = incident.affected_components(at(23));
    /// assert_eq!(affected.len(), 1);
    /// assert_eq!(affected[0].worst_status, Some(MajorOutage));
    /// assert_eq!(affected[0].time_in_status.get(MajorOutage).to_string(), "2h");
    /// assert_eq!(affected[0].time_in_status.get(PartialOutage).to_string(), "1h");
    /// // Statuspage's weights: 2 h at 1.0 and 1 h at 0.3.
    /// assert_eq!(affected[0].weighted_downtime(&Default::default()).to_string(), "2h 18m");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn affected_components(&self, as_of: DateTime<Utc>) -> Vec<AffectedComponent> {
        let mut affected: Vec<AffectedComponent> = Vec::new();
        walk_components(self, as_of, |span| {
            if affected.last().is_none_or(|last| last.id != *span.id) {
                affected.push(AffectedComponent::unnamed(
                    span.id.clone(),
                    span.name.to_owned(),
                ));
            }
            if let Some(component) = affected.last_mut() {
                component.record(span);
            }
        });
        // `affected` is in first-naming order (see `walk_components`).
        let listed = self.components();
        if listed.is_empty() {
            return affected;
        }
        // Listed components first, in list order, then the others in
        // first-naming order (a stable sort keeps it). A short list is scanned,
        // a long one hashed.
        let index: Option<HashMap<&ComponentId, usize>> = (listed.len() > 8).then(|| {
            listed
                .iter()
                .enumerate()
                .map(|(position, component)| (&component.id, position))
                .collect()
        });
        let position_in_list = |id: &ComponentId| match &index {
            Some(index) => index.get(id).copied(),
            None => listed.iter().position(|component| component.id == *id),
        };
        let mut seen = vec![false; listed.len()];
        for component in &mut affected {
            if let Some(position) = position_in_list(&component.id) {
                if let (Some(slot), Some(entry)) = (seen.get_mut(position), listed.get(position)) {
                    *slot = true;
                    component.name.clone_from(&entry.name);
                }
            }
        }
        // Listed but never named: affected, status unknown.
        for (position, component) in listed.iter().enumerate() {
            if seen.get(position) == Some(&false) {
                affected.push(AffectedComponent::unnamed(
                    component.id.clone(),
                    component.name.clone(),
                ));
            }
        }
        affected.sort_by_key(|component| position_in_list(&component.id).unwrap_or(usize::MAX));
        affected
    }

    /// The numbers of regressions and of reopens, in one pass over the moves.
    fn move_counts(&self) -> (usize, usize) {
        let (mut regressions, mut reopens) = (0usize, 0usize);
        for pair in self.updates().windows(2) {
            if let [from, to] = pair {
                match MoveKind::of(Some(from.status()), to.status()) {
                    MoveKind::Regression => regressions = regressions.saturating_add(1),
                    MoveKind::Reopen => reopens = reopens.saturating_add(1),
                    _ => {}
                }
            }
        }
        (regressions, reopens)
    }
}

/// Until when an event is measured: its resolution, or `as_of` while it is open,
/// never before it opened.
fn measured_until(
    opened_at: DateTime<Utc>,
    resolved_at: Option<DateTime<Utc>>,
    as_of: DateTime<Utc>,
) -> DateTime<Utc> {
    resolved_at.unwrap_or(as_of).max(opened_at)
}

/// One stretch of a component's status within an event, from `start` to `end`
/// (possibly empty: a status the component had for an instant only).
#[derive(Clone, Copy, Debug)]
pub(crate) struct Span<'a> {
    // Passive data for the views; the struct's visibility caps the fields'.
    pub id: &'a ComponentId,
    pub name: &'a str,
    pub start: DateTime<Utc>,
    pub end: DateTime<Utc>,
    pub status: ComponentStatus,
}

/// Calls `visit` with every stretch of every component the updates of `event`
/// name, measured until `event.measured_until(as_of)`, one component after the
/// other (in the order the updates first name them), each component's
/// stretches in time order.
///
/// O(m log m) in the number m of component changes, one allocation (two when
/// the updates name more than a few components).
pub(crate) fn walk_components<'a, S: Lifecycle>(
    event: &'a Event<S>,
    as_of: DateTime<Utc>,
    mut visit: impl FnMut(Span<'a>),
) {
    // (rank of the component in first-naming order, display time, change)
    let count: usize = event
        .updates()
        .iter()
        .map(|update| update.component_changes().len())
        .sum();
    if count == 0 {
        return;
    }
    // Sized up front: a flat_map does not know its length, and growing costs
    // several reallocations per event.
    let mut changes: Vec<(usize, DateTime<Utc>, &'a ComponentChange)> = Vec::with_capacity(count);
    changes.extend(event.updates().iter().flat_map(|update| {
        let at = update.display_at();
        // A change at its own time, else at its update's.
        update
            .component_changes()
            .iter()
            .map(move |c| (0, c.changed_at.unwrap_or(at), c))
    }));
    rank_by_first_naming(&mut changes);
    // Stable: a component's changes at one time stay in display order.
    changes.sort_by_key(|&(rank, at, _)| (rank, at));
    let opened_at = event.opened_at();
    let end = event.measured_until(as_of);
    for group in changes.chunk_by(|a, b| a.0 == b.0) {
        let (Some(&(_, _, first)), Some(&(_, _, last))) = (group.first(), group.last()) else {
            continue;
        };
        let id = &first.component_id;
        let name = last.name.as_str();
        let mut since = opened_at;
        let mut status = first.old_status;
        for &(_, at, change) in group {
            if since <= end {
                visit(Span {
                    id,
                    name,
                    start: since,
                    end: at.clamp(since, end),
                    status,
                });
            }
            since = at.max(opened_at);
            status = change.new_status;
        }
        if since <= end {
            visit(Span {
                id,
                name,
                start: since,
                end,
                status,
            });
        }
    }
}

/// Sets the rank of each change: the position, in first-naming order, of the
/// component it names. A few components are found by a scan of a small array
/// (no hashing, no allocation); more go through a map.
fn rank_by_first_naming<'a>(changes: &mut [(usize, DateTime<Utc>, &'a ComponentChange)]) {
    const FEW: usize = 8;
    let mut few: [Option<&'a ComponentId>; FEW] = [None; FEW];
    let mut count = 0usize;
    let mut overflow = None;
    for (position, entry) in changes.iter_mut().enumerate() {
        let id = &entry.2.component_id;
        let known = few
            .iter()
            .take(count)
            .position(|seen| seen.is_some_and(|seen| seen == id));
        match known {
            Some(rank) => entry.0 = rank,
            None => match few.get_mut(count) {
                Some(slot) => {
                    *slot = Some(id);
                    entry.0 = count;
                    count = count.saturating_add(1);
                }
                None => {
                    overflow = Some(position);
                    break;
                }
            },
        }
    }
    if let Some(position) = overflow {
        // Many components: rank the rest with a map.
        rank_with_map(changes.get_mut(position..).unwrap_or_default(), &few);
    }
}

/// [`rank_by_first_naming`] for the changes from the first one naming a
/// component beyond the `known` first ones.
fn rank_with_map<'a>(
    changes: &mut [(usize, DateTime<Utc>, &'a ComponentChange)],
    known: &[Option<&'a ComponentId>],
) {
    let mut ranks: HashMap<&'a ComponentId, usize> = known
        .iter()
        .flatten()
        .enumerate()
        .map(|(rank, &id)| (id, rank))
        .collect();
    for entry in changes {
        let next = ranks.len();
        entry.0 = *ranks.entry(&entry.2.component_id).or_insert(next);
    }
}

/// Everything the updates say about one incident or maintenance, measured until
/// [`Event::measured_until`]: what [`Event::timeline`] gives.
///
/// Passive data: the fields are public. See the [module documentation](self) for
/// the rules. With the `serde` feature it serializes (durations as whole
/// seconds); there is no deserialization, as it is derived data.
///
/// # Example
///
/// ```
/// # use chrono::{TimeZone, Utc};
/// use incident_model::{Maintenance, MaintenanceStatus::*, Update};
/// # let at = |h| Utc.with_ymd_and_hms(2020, 12, 17, h, 0, 0).unwrap();
/// let maintenance = Maintenance::builder("Database upgrade")
///     .update(Update::new(Scheduled, at(1)))
///     .update(Update::new(InProgress, at(9)))
///     .update(Update::new(Verifying, at(10)))
///     .update(Update::new(Completed, at(11)))
///     .build()?;
/// let timeline = maintenance.timeline(at(12));
/// assert_eq!(timeline.monitoring_at, Some(at(10)));
/// assert_eq!(timeline.time_in_status.get(InProgress).to_string(), "1h");
/// assert_eq!(timeline.elapsed().to_string(), "10h");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub struct Timeline<S: Tallied> {
    /// The earliest of the declared start, the creation time and the first
    /// update's display time.
    pub opened_at: DateTime<Utc>,
    /// Display time of the first update with status identified.
    pub identified_at: Option<DateTime<Utc>>,
    /// Display time of the first update with status monitoring (verifying).
    pub monitoring_at: Option<DateTime<Utc>>,
    /// Display time of the update that closed the event for the last time.
    pub resolved_at: Option<DateTime<Utc>>,
    /// The end of the measurement: `resolved_at`, or `as_of` while open (never
    /// before `opened_at`).
    pub measured_until: DateTime<Utc>,
    /// The time spent in each status, adding up to [`Timeline::elapsed`].
    pub time_in_status: TimeInStatus<S>,
    /// The number of moves back among open statuses.
    pub regressions: usize,
    /// The number of moves out of a closed status.
    pub reopens: usize,
}

/// The incident-only durations (a maintenance is measured against its plan).
impl Timeline<IncidentStatus> {
    /// `identified_at - opened_at`.
    ///
    /// # Example
    ///
    /// ```
    /// # use chrono::{TimeZone, Utc};
    /// # use incident_model::{Incident, IncidentStatus::*, Update};
    /// # let at = |h: u32, m: u32| Utc.with_ymd_and_hms(2020, 3, 16, h, m, 0).unwrap();
    /// # let incident = Incident::builder("x")
    /// #     .update(Update::new(Investigating, at(10, 0)))
    /// #     .update(Update::new(Identified, at(10, 45)))
    /// #     .update(Update::new(Monitoring, at(12, 30)))
    /// #     .update(Update::new(Resolved, at(14, 0)))
    /// #     .build()?;
    /// // Opened 10:00, identified 10:45, monitoring 12:30, resolved 14:00.
    /// let timeline = incident.timeline(at(23, 0));
    /// assert_eq!(timeline.time_to_identify().unwrap().to_string(), "45m");
    /// let unidentified = Incident::builder("y").update(Update::new(Investigating, at(10, 0))).build()?;
    /// assert_eq!(unidentified.timeline(at(11, 0)).time_to_identify(), None);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn time_to_identify(&self) -> Option<Elapsed> {
        self.identified_at
            .map(|at| Elapsed::between(self.opened_at, at))
    }

    /// `monitoring_at - opened_at` (the time to monitor).
    ///
    /// # Example
    ///
    /// ```
    /// # use chrono::{TimeZone, Utc};
    /// # use incident_model::{Incident, IncidentStatus::*, Update};
    /// # let at = |h: u32, m: u32| Utc.with_ymd_and_hms(2020, 3, 16, h, m, 0).unwrap();
    /// # let incident = Incident::builder("x")
    /// #     .update(Update::new(Investigating, at(10, 0)))
    /// #     .update(Update::new(Identified, at(10, 45)))
    /// #     .update(Update::new(Monitoring, at(12, 30)))
    /// #     .update(Update::new(Resolved, at(14, 0)))
    /// #     .build()?;
    /// // Opened 10:00, identified 10:45, monitoring 12:30, resolved 14:00.
    /// let timeline = incident.timeline(at(23, 0));
    /// assert_eq!(timeline.time_to_monitor().unwrap().to_string(), "2h 30m");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn time_to_monitor(&self) -> Option<Elapsed> {
        self.monitoring_at
            .map(|at| Elapsed::between(self.opened_at, at))
    }

    /// `resolved_at - opened_at`; `None` while open.
    ///
    /// # Example
    ///
    /// ```
    /// # use chrono::{TimeZone, Utc};
    /// # use incident_model::{Incident, IncidentStatus::*, Update};
    /// # let at = |h: u32, m: u32| Utc.with_ymd_and_hms(2020, 3, 16, h, m, 0).unwrap();
    /// # let incident = Incident::builder("x")
    /// #     .update(Update::new(Investigating, at(10, 0)))
    /// #     .update(Update::new(Identified, at(10, 45)))
    /// #     .update(Update::new(Monitoring, at(12, 30)))
    /// #     .update(Update::new(Resolved, at(14, 0)))
    /// #     .build()?;
    /// // Opened 10:00, identified 10:45, monitoring 12:30, resolved 14:00.
    /// let timeline = incident.timeline(at(23, 0));
    /// assert_eq!(timeline.time_to_resolve().unwrap().to_string(), "4h");
    /// let open = Incident::builder("y").update(Update::new(Investigating, at(10, 0))).build()?;
    /// assert_eq!(open.timeline(at(23, 0)).time_to_resolve(), None);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn time_to_resolve(&self) -> Option<Elapsed> {
        self.resolved_at
            .map(|at| Elapsed::between(self.opened_at, at))
    }
}

impl<S: Tallied> Timeline<S> {
    /// `measured_until - opened_at`: the time to resolve once closed, the age of
    /// the event as of the measurement while open.
    ///
    /// # Example
    ///
    /// ```
    /// # use chrono::{TimeZone, Utc};
    /// # use incident_model::{Incident, IncidentStatus::*, Update};
    /// # let at = |h: u32, m: u32| Utc.with_ymd_and_hms(2020, 3, 16, h, m, 0).unwrap();
    /// # let incident = Incident::builder("x")
    /// #     .update(Update::new(Investigating, at(10, 0)))
    /// #     .update(Update::new(Identified, at(10, 45)))
    /// #     .update(Update::new(Monitoring, at(12, 30)))
    /// #     .update(Update::new(Resolved, at(14, 0)))
    /// #     .build()?;
    /// // Opened 10:00, identified 10:45, monitoring 12:30, resolved 14:00.
    /// let timeline = incident.timeline(at(23, 0));
    /// // Closed: the time to resolve, whatever `as_of`.
    /// assert_eq!(timeline.elapsed().to_string(), "4h");
    /// assert_eq!(timeline.elapsed(), timeline.time_in_status.total());
    /// // Open: the age as of the measurement.
    /// let open = Incident::builder("y").update(Update::new(Investigating, at(10, 0))).build()?;
    /// assert_eq!(open.timeline(at(13, 15)).elapsed().to_string(), "3h 15m");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn elapsed(&self) -> Elapsed {
        Elapsed::between(self.opened_at, self.measured_until)
    }
}

/// One affected component of one incident or maintenance: what
/// [`Event::affected_components`] gives.
///
/// A component's status within the event: from `opened_at` until it is first
/// named, the old status of that first change; from each update that names it,
/// that update's new status, until the next update that names it; nothing counts
/// after the end of the measurement ([`Event::measured_until`]).
///
/// - **Worst status**: the worst (by [`ComponentStatus`]'s severity order) of the
///   statuses the component had within the measurement, *including* those it
///   had for an instant only. A backfilled incident whose single update says
///   "API: major outage -> operational" opens and resolves at once, yet its worst
///   status is major outage.
/// - **Components listed but never named** by a change: the data says they were
///   affected, but not how. They are reported with `worst_status: None`, no
///   intervals and no time in any status, so they add no downtime. They are not
///   assumed operational, which would claim what the data does not say.
/// - **Name**: the name in the event's component list when listed, otherwise the
///   name on the latest change naming the component.
///
/// Passive data: the fields are public.
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
/// assert_eq!(affected.id, api);
/// assert_eq!(affected.name, "API");
/// assert_eq!(affected.worst_status, Some(MajorOutage));
/// assert_eq!(affected.intervals.len(), 2);
/// assert_eq!(affected.intervals[1].status, MajorOutage);
/// assert_eq!(affected.time_in_status.get(DegradedPerformance).to_string(), "2h");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// See also [`Event::affected_components`].
#[derive(Clone, PartialEq, Eq, Hash, Debug)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub struct AffectedComponent {
    /// The component's id.
    pub id: ComponentId,
    /// The component's name.
    pub name: String,
    /// The worst status the component had within the event; `None` for a
    /// component listed but never named by a change.
    pub worst_status: Option<ComponentStatus>,
    /// The time the component spent in each status within the event.
    pub time_in_status: TimeInStatus<ComponentStatus>,
    /// The component's status over time: consecutive, non-empty intervals in time
    /// order (statuses held for an instant only are left out).
    pub intervals: Vec<StatusInterval>,
}

impl AffectedComponent {
    /// A component with no status yet.
    fn unnamed(id: ComponentId, name: String) -> Self {
        AffectedComponent {
            id,
            name,
            worst_status: None,
            time_in_status: TimeInStatus::new(),
            intervals: Vec::new(),
        }
    }

    fn record(&mut self, span: Span<'_>) {
        self.worst_status = Some(match self.worst_status {
            Some(worst) => worst.max(span.status),
            None => span.status,
        });
        let length = Elapsed::between(span.start, span.end);
        if length.is_zero() {
            return;
        }
        self.time_in_status.add(span.status, length);
        // Consecutive intervals with the same status form one.
        if let Some(last) = self.intervals.last_mut() {
            if last.status == span.status && last.end == span.start {
                last.end = span.end;
                return;
            }
        }
        self.intervals.push(StatusInterval {
            start: span.start,
            end: span.end,
            status: span.status,
        });
    }
}

/// A component's status over an interval of time, `start` inclusive, `end`
/// exclusive.
///
/// Passive data: the fields are public.
///
/// # Example
///
/// ```
/// # use chrono::{TimeZone, Utc};
/// use incident_model::{ComponentStatus, StatusInterval};
/// # let at = |h| Utc.with_ymd_and_hms(2020, 3, 16, h, 0, 0).unwrap();
/// let interval = StatusInterval::new(at(10), at(12), ComponentStatus::MajorOutage);
/// assert_eq!(interval.length().to_string(), "2h");
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct StatusInterval {
    /// When the status began.
    pub start: DateTime<Utc>,
    /// When it ended.
    pub end: DateTime<Utc>,
    /// The component's status.
    pub status: ComponentStatus,
}

impl StatusInterval {
    /// The component had `status` from `start` to `end`.
    ///
    /// # Example
    ///
    /// ```
    /// # use chrono::{TimeZone, Utc};
    /// # use incident_model::{ComponentStatus, StatusInterval};
    /// # let at = |h: u32, m: u32| Utc.with_ymd_and_hms(2020, 3, 16, h, m, 0).unwrap();
    /// let interval = StatusInterval::new(at(10, 0), at(10, 40), ComponentStatus::PartialOutage);
    /// assert_eq!(interval.start, at(10, 0));
    /// assert_eq!(interval.end, at(10, 40));
    /// assert_eq!(interval.status, ComponentStatus::PartialOutage);
    /// ```
    #[must_use]
    pub fn new(start: DateTime<Utc>, end: DateTime<Utc>, status: ComponentStatus) -> Self {
        StatusInterval { start, end, status }
    }

    /// `end - start`, zero when `end` is before `start`.
    ///
    /// # Example
    ///
    /// ```
    /// # use chrono::{TimeZone, Utc};
    /// # use incident_model::{ComponentStatus, StatusInterval};
    /// # let at = |h: u32, m: u32| Utc.with_ymd_and_hms(2020, 3, 16, h, m, 0).unwrap();
    /// let interval = StatusInterval::new(at(10, 0), at(11, 30), ComponentStatus::MajorOutage);
    /// assert_eq!(interval.length().to_string(), "1h 30m");
    /// let inverted = StatusInterval::new(at(11, 0), at(10, 0), ComponentStatus::MajorOutage);
    /// assert!(inverted.length().is_zero());
    /// ```
    #[must_use]
    pub fn length(&self) -> Elapsed {
        Elapsed::between(self.start, self.end)
    }
}

mod sealed {
    pub trait Sealed {}
    impl<S: crate::Lifecycle> Sealed for S {}
    impl Sealed for crate::ComponentStatus {}
}

/// A status vocabulary whose time can be tallied by [`TimeInStatus`]: the two
/// lifecycles ([`IncidentStatus`],
/// [`MaintenanceStatus`](crate::MaintenanceStatus)) and
/// [`ComponentStatus`]. Sealed.
///
/// # Example
///
/// ```
/// use incident_model::{ComponentStatus, timeline::Tallied};
/// assert_eq!(<ComponentStatus as Tallied>::all().len(), 5);
/// ```
pub trait Tallied:
    sealed::Sealed + Copy + Eq + Ord + Hash + fmt::Debug + fmt::Display + Send + Sync + 'static
{
    /// Every status of the vocabulary, in order.
    ///
    /// # Example
    ///
    /// ```
    /// # use incident_model::{ComponentStatus, IncidentStatus, MaintenanceStatus, timeline::Tallied};
    /// assert_eq!(<IncidentStatus as Tallied>::all(), IncidentStatus::ALL);
    /// assert_eq!(<MaintenanceStatus as Tallied>::all().len(), 4);
    /// assert_eq!(<ComponentStatus as Tallied>::all()[0], ComponentStatus::Operational);
    /// ```
    fn all() -> &'static [Self];
    /// The status's position in [`Tallied::all`].
    ///
    /// # Example
    ///
    /// ```
    /// # use incident_model::{ComponentStatus, IncidentStatus, timeline::Tallied};
    /// fn slots_match<S: Tallied>() -> bool {
    ///     S::all().iter().enumerate().all(|(i, s)| s.slot() == i)
    /// }
    /// assert!(slots_match::<ComponentStatus>() && slots_match::<IncidentStatus>());
    /// assert_eq!(Tallied::slot(ComponentStatus::Operational), 0);
    /// ```
    fn slot(self) -> usize;
    /// The status's wire name.
    ///
    /// # Example
    ///
    /// ```
    /// # use incident_model::{ComponentStatus, IncidentStatus, timeline::Tallied};
    /// assert_eq!(Tallied::wire_name(ComponentStatus::MajorOutage), "major_outage");
    /// assert_eq!(Tallied::wire_name(IncidentStatus::Resolved), "resolved");
    /// ```
    fn wire_name(self) -> &'static str;
}

impl<S: Lifecycle> Tallied for S {
    fn all() -> &'static [Self] {
        <S as Lifecycle>::ALL
    }
    fn slot(self) -> usize {
        Lifecycle::index(self)
    }
    fn wire_name(self) -> &'static str {
        Lifecycle::as_str(self)
    }
}

impl Tallied for ComponentStatus {
    fn all() -> &'static [Self] {
        ComponentStatus::ALL
    }
    fn slot(self) -> usize {
        self.index()
    }
    fn wire_name(self) -> &'static str {
        self.as_str()
    }
}

/// The most statuses a vocabulary has (the lifecycles' tables are 8 x 8 bits).
const SLOTS: usize = 8;

/// The time spent in each status of a vocabulary: of an event in each of its
/// lifecycle's statuses ([`Event::time_in_status`]), or of a component in each
/// component status ([`AffectedComponent::time_in_status`]).
///
/// A fixed array on the stack, no allocation. With the `serde` feature it
/// serializes as a map from each status's wire name to whole seconds.
///
/// # Example
///
/// ```
/// # use chrono::TimeDelta;
/// use incident_model::{Elapsed, IncidentStatus::*, TimeInStatus};
/// let mut spent = TimeInStatus::new();
/// spent.add(Identified, Elapsed::new(TimeDelta::minutes(194)));
/// spent.add(Monitoring, Elapsed::new(TimeDelta::minutes(249)));
/// assert_eq!(spent.get(Identified).to_string(), "3h 14m");
/// assert_eq!(spent.total().to_string(), "7h 23m");
/// assert_eq!(spent.iter().filter(|(_, time)| !time.is_zero()).count(), 2);
/// ```
pub struct TimeInStatus<S> {
    spent: [Elapsed; SLOTS],
    vocabulary: PhantomData<fn() -> S>,
}

impl<S: Tallied> TimeInStatus<S> {
    /// No time in any status.
    ///
    /// # Example
    ///
    /// ```
    /// # use incident_model::{IncidentStatus, TimeInStatus};
    /// assert!(TimeInStatus::<IncidentStatus>::new().total().is_zero());
    /// ```
    #[must_use]
    pub fn new() -> Self {
        TimeInStatus {
            spent: [Elapsed::ZERO; SLOTS],
            vocabulary: PhantomData,
        }
    }

    /// The time spent in `status`.
    ///
    /// # Example
    ///
    /// ```
    /// # use incident_model::{Elapsed, IncidentStatus::*, TimeInStatus};
    /// let mut spent = TimeInStatus::new();
    /// spent.add(Investigating, Elapsed::from_secs(20 * 60));
    /// spent.add(Monitoring, Elapsed::from_secs(60 * 60));
    /// assert_eq!(spent.get(Monitoring).to_string(), "1h");
    /// assert!(spent.get(Identified).is_zero());
    /// ```
    #[must_use]
    pub fn get(&self, status: S) -> Elapsed {
        self.spent
            .get(status.slot())
            .copied()
            .unwrap_or(Elapsed::ZERO)
    }

    /// Adds `time` to the time spent in `status` (saturating).
    ///
    /// # Example
    ///
    /// ```
    /// # use incident_model::{Elapsed, IncidentStatus::*, TimeInStatus};
    /// let mut spent = TimeInStatus::new();
    /// spent.add(Investigating, Elapsed::from_secs(20 * 60));
    /// spent.add(Monitoring, Elapsed::from_secs(60 * 60));
    /// spent.add(Investigating, Elapsed::from_secs(10 * 60)); // adds up
    /// assert_eq!(spent.get(Investigating).to_string(), "30m");
    /// spent.add(Monitoring, Elapsed::MAX); // saturates
    /// assert_eq!(spent.get(Monitoring), Elapsed::MAX);
    /// ```
    pub fn add(&mut self, status: S, time: Elapsed) {
        if let Some(slot) = self.spent.get_mut(status.slot()) {
            *slot = slot.saturating_add(time);
        }
    }

    /// Every status of the vocabulary, in order, with the time spent in it (zero
    /// included).
    ///
    /// # Example
    ///
    /// ```
    /// # use incident_model::{Elapsed, IncidentStatus::*, TimeInStatus};
    /// let mut spent = TimeInStatus::new();
    /// spent.add(Investigating, Elapsed::from_secs(20 * 60));
    /// spent.add(Monitoring, Elapsed::from_secs(60 * 60));
    /// let all: Vec<_> = spent.iter().collect();
    /// assert_eq!(all.len(), 5); // every incident status, zero included
    /// assert_eq!(all[0], (Investigating, Elapsed::from_secs(20 * 60)));
    /// assert!(all[1].1.is_zero());
    /// ```
    pub fn iter(&self) -> impl Iterator<Item = (S, Elapsed)> + '_ {
        S::all()
            .iter()
            .map(move |&status| (status, self.get(status)))
    }

    /// The time spent in all statuses together (saturating).
    ///
    /// # Example
    ///
    /// ```
    /// # use incident_model::{Elapsed, IncidentStatus::*, TimeInStatus};
    /// let mut spent = TimeInStatus::new();
    /// spent.add(Investigating, Elapsed::from_secs(20 * 60));
    /// spent.add(Monitoring, Elapsed::from_secs(60 * 60));
    /// assert_eq!(spent.total().to_string(), "1h 20m");
    /// assert!(TimeInStatus::<incident_model::IncidentStatus>::new().total().is_zero());
    /// ```
    #[must_use]
    pub fn total(&self) -> Elapsed {
        self.spent.iter().sum()
    }
}

impl<S: Tallied> Default for TimeInStatus<S> {
    fn default() -> Self {
        Self::new()
    }
}

// Manual impls: the derives would bound the phantom type.
impl<S> Clone for TimeInStatus<S> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<S> Copy for TimeInStatus<S> {}
impl<S> PartialEq for TimeInStatus<S> {
    fn eq(&self, other: &Self) -> bool {
        self.spent == other.spent
    }
}
impl<S> Eq for TimeInStatus<S> {}
impl<S> Hash for TimeInStatus<S> {
    fn hash<H: core::hash::Hasher>(&self, state: &mut H) {
        self.spent.hash(state);
    }
}

impl<S: Tallied> fmt::Debug for TimeInStatus<S> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_map()
            .entries(self.iter().map(|(status, time)| (status.wire_name(), time)))
            .finish()
    }
}

#[cfg(feature = "serde")]
impl<S: Tallied> serde::Serialize for TimeInStatus<S> {
    fn serialize<Ser: serde::Serializer>(&self, serializer: Ser) -> Result<Ser::Ok, Ser::Error> {
        use serde::ser::SerializeMap;
        let mut map = serializer.serialize_map(Some(S::all().len()))?;
        for (status, time) in self.iter() {
            map.serialize_entry(status.wire_name(), &time)?;
        }
        map.end()
    }
}
