//! Large, realistic Statuspage exports for benchmarks, fuzzing and tests
//! (feature `generate`, off by default).
//!
//! A [`Generator`] is seeded and deterministic: the same settings give the same
//! bytes on every machine and every run (the random numbers come from a
//! hand-written SplitMix64, so no `rand` dependency and no change when a
//! dependency updates its algorithm).
//!
//! # What the exports look like
//!
//! [`Generator::to_statuspage_json`] writes an `incidents.json` document
//! (`{"page", "incidents"}`), minified as the API sends it, newest incident
//! first, each incident's `incident_updates` newest-first by `created_at`. It
//! reproduces the quirks of real pages (see the corpus notes in the crate's
//! repository):
//!
//! - 1 to `max_updates` updates per incident, most incidents short (about five
//!   updates on average), a few at the maximum (long runs of repeated open
//!   statuses before the resolution);
//! - status sequences as real pages have them: investigating -> resolved,
//!   investigating -> monitoring -> resolved, identified and monitoring optional,
//!   backfilled incidents with one resolved update, fixes that did not hold
//!   (monitoring -> investigating), reopens after resolved, postmortems, and
//!   incidents still open at the end of the window;
//! - a few scheduled maintenances listed among the incidents (as real pages do),
//!   with their scheduled window;
//! - component changes: a component degrades on the first update, may change
//!   severity, is repeated with `old_status == new_status` (GitHub's habit) and
//!   is restored on resolution; some incidents have `affected_components: null`
//!   and `components: []`, some carry the placeholder entry
//!   `{"name": "No components were affected by this update."}`; some component
//!   names are group-prefixed ("Regions - Europe");
//! - backdated updates (`display_at` before `created_at`: incidents typed in
//!   later), display order that differs from creation order, `started_at`
//!   missing, `null`, later than `created_at` or earlier;
//! - offsets `Z`, `-05:00` and `-06:00` in one file, incident-level times in
//!   whole seconds beside update times in milliseconds;
//! - `reminder_intervals` missing, `null` or the string `"[]"`, `tweet_id` an
//!   integer above 2^53, bodies with `<br />`, `\r\n`, quotes and non-ASCII text,
//!   the old `http://stspg.io/` short links.
//!
//! [`Generator::to_incidents`] and [`Generator::to_maintenances`] give the same
//! events as model values directly (no JSON, no `statuspage` feature), for
//! benchmarks of the derived views.
//!
//! # Example
//!
//! ```
//! use incident_model::generate::Generator;
//!
//! let generator = Generator::new(42).incidents(50);
//! let json = generator.to_statuspage_json();
//! assert!(json.starts_with(r#"{"page":{"id":"#));
//! assert_eq!(json, Generator::new(42).incidents(50).to_statuspage_json()); // deterministic
//!
//! let incidents = generator.to_incidents();
//! let maintenances = generator.to_maintenances();
//! assert_eq!(incidents.len() + maintenances.len(), 50);
//! ```

use core::fmt::Write as _;

use chrono::{DateTime, FixedOffset, Offset, SecondsFormat, TimeZone, Utc};

use crate::builder::Schedule;
use crate::component::Component;
use crate::event::{Event, Incident, Maintenance};
use crate::id::{ComponentId, EventId, UpdateId};
use crate::policy::{Lifecycle, Policy};
use crate::status::{ComponentStatus, Impact, IncidentStatus, MaintenanceStatus};
use crate::update::{ComponentChange, Update};

const MINUTE: i64 = 60_000;
const HOUR: i64 = 60 * MINUTE;
const DAY: i64 = 24 * HOUR;

/// Settings of a generated export. See the [module documentation](self).
///
/// # Example
///
/// ```
/// use incident_model::generate::Generator;
///
/// // The uptime benchmark's history: 100 000 incidents on 100 components in 90 days.
/// let generator = Generator::new(7).incidents(1_000).components(100).days(90);
/// let incidents = generator.to_incidents();
/// assert!(incidents.len() > 900);
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct Generator {
    seed: u64,
    incidents: usize,
    components: usize,
    max_updates: usize,
    end: DateTime<Utc>,
    days: u32,
}

impl Generator {
    /// A generator seeded with `seed`, with the defaults: 10 000 incidents (and
    /// maintenances), 20 components, 1 to 30 updates per incident, over the 3
    /// years (1 095 days) ending on 2026-07-31 00:00 UTC.
    ///
    /// # Example
    ///
    /// ```
    /// use incident_model::generate::Generator;
    /// assert_ne!(
    ///     Generator::new(1).incidents(5).to_statuspage_json(),
    ///     Generator::new(2).incidents(5).to_statuspage_json(),
    /// );
    /// ```
    #[must_use]
    pub fn new(seed: u64) -> Self {
        Generator {
            seed,
            incidents: 10_000,
            components: 20,
            max_updates: 30,
            end: Utc
                .with_ymd_and_hms(2026, 7, 31, 0, 0, 0)
                .single()
                .unwrap_or(DateTime::UNIX_EPOCH),
            days: 1_095,
        }
    }

    /// The number of events (incidents and the few maintenances among them).
    ///
    /// # Example
    ///
    /// See [`Generator`].
    #[must_use]
    pub fn incidents(mut self, count: usize) -> Self {
        self.incidents = count;
        self
    }

    /// The number of components of the page (at least 1).
    ///
    /// # Example
    ///
    /// See [`Generator`].
    #[must_use]
    pub fn components(mut self, count: usize) -> Self {
        self.components = count.max(1);
        self
    }

    /// The most updates an event has (at least 1; a maintenance has at least
    /// its own lifecycle's few).
    ///
    /// # Example
    ///
    /// ```
    /// use incident_model::generate::Generator;
    /// let incidents = Generator::new(3).incidents(100).max_updates(4).to_incidents();
    /// assert!(incidents.iter().all(|i| i.updates().len() <= 4));
    /// ```
    #[must_use]
    pub fn max_updates(mut self, count: usize) -> Self {
        self.max_updates = count.max(1);
        self
    }

    /// The events start within the `days` days before the end of the window.
    ///
    /// # Example
    ///
    /// See [`Generator`].
    #[must_use]
    pub fn days(mut self, days: u32) -> Self {
        self.days = days.max(1);
        self
    }

    /// The end of the window: no update is displayed or created after it, so
    /// the events still running then are open.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::{TimeZone, Utc};
    /// use incident_model::generate::Generator;
    /// let end = Utc.with_ymd_and_hms(2020, 3, 17, 0, 0, 0).unwrap();
    /// let incidents = Generator::new(5).incidents(200).days(30).ending(end).to_incidents();
    /// assert!(incidents.iter().all(|i| i.last_update().display_at() <= end));
    /// ```
    #[must_use]
    pub fn ending(mut self, end: DateTime<Utc>) -> Self {
        self.end = end;
        self
    }

    /// The export as Statuspage `incidents.json`, minified. See the
    /// [module documentation](self).
    ///
    /// # Example
    ///
    /// See the [module documentation](self).
    #[must_use]
    pub fn to_statuspage_json(&self) -> String {
        let plan = self.plan();
        let mut out = String::with_capacity(plan.events.len().saturating_mul(3_000));
        out.push_str(r#"{"page":{"id":""#);
        out.push_str(&plan.page_id);
        out.push_str(r#"","name":"Generated","url":"https://status.example.com","time_zone":"America/Chicago","updated_at":""#);
        push_time(&mut out, self.end.timestamp_millis(), 0, true);
        out.push_str(r#""},"incidents":["#);
        for (position, event) in plan.events.iter().enumerate() {
            if position > 0 {
                out.push(',');
            }
            write_event(&mut out, &plan, event);
        }
        out.push_str("]}");
        out
    }

    /// The incidents of the export, as model values, in export order (newest
    /// first). Each is what reading the export gives, up to the Statuspage
    /// extras: display order, implicit reopens marked, under
    /// [`Policy::standard`] when it passes and [`Policy::permissive`]
    /// otherwise. An event the model refuses would be left out; none is.
    ///
    /// # Example
    ///
    /// See the [module documentation](self).
    #[must_use]
    pub fn to_incidents(&self) -> Vec<Incident> {
        let plan = self.plan();
        plan.events
            .iter()
            .filter(|e| e.schedule.is_none())
            .filter_map(|e| model_event::<IncidentStatus>(&plan, e))
            .collect()
    }

    /// The maintenances of the export, as model values (see
    /// [`Generator::to_incidents`]).
    ///
    /// # Example
    ///
    /// See the [module documentation](self).
    #[must_use]
    pub fn to_maintenances(&self) -> Vec<Maintenance> {
        let plan = self.plan();
        plan.events
            .iter()
            .filter(|e| e.schedule.is_some())
            .filter_map(|e| model_event::<MaintenanceStatus>(&plan, e))
            .collect()
    }

    fn plan(&self) -> Plan {
        let mut rng = Rng(self.seed);
        let page_id = rng.id(12);
        let components = (0..self.components)
            .map(|position| PlannedComponent {
                id: rng.id(12),
                name: component_name(position),
                position,
            })
            .collect();
        let end = self.end.timestamp_millis();
        let span = i64::from(self.days).saturating_mul(DAY);
        let mut starts: Vec<i64> = (0..self.incidents)
            .map(|_| end.saturating_sub(rng.below_i64(span).saturating_add(1)))
            .collect();
        // Newest first, as incidents.json lists them.
        starts.sort_unstable_by(|a, b| b.cmp(a));
        let mut plan = Plan {
            page_id,
            components,
            events: Vec::with_capacity(self.incidents),
        };
        // A page shows a few incidents still open: the newest ones.
        let open = (self.incidents / 1_000).max(1);
        for (position, start) in starts.into_iter().enumerate() {
            let event = self.plan_event(&mut rng, &plan, start, end, position < open);
            plan.events.push(event);
        }
        plan
    }

    #[allow(clippy::too_many_lines)] // one event, field by field, in document order
    fn plan_event(
        &self,
        rng: &mut Rng,
        plan: &Plan,
        start: i64,
        end: i64,
        open: bool,
    ) -> PlannedEvent {
        let maintenance = rng.chance(3);
        let mut statuses = if maintenance {
            maintenance_statuses(rng)
        } else {
            incident_statuses(rng, self.max_updates)
        };
        if open {
            // Still running: no resolution yet.
            while statuses.len() > 1
                && statuses.last().is_some_and(|s| {
                    matches!(
                        s,
                        PlannedStatus::Resolved
                            | PlannedStatus::Postmortem
                            | PlannedStatus::Completed
                    )
                })
            {
                statuses.pop();
            }
            if let [only] = statuses.as_mut_slice() {
                *only = if maintenance {
                    PlannedStatus::InProgress
                } else {
                    PlannedStatus::Investigating
                };
            }
        }
        // Real times of the updates.
        let mut at = start;
        let mut real = Vec::with_capacity(statuses.len());
        for position in 0..statuses.len() {
            if position > 0 {
                let gap = if rng.chance(10) {
                    rng.below_i64(12 * HOUR)
                } else {
                    rng.below_i64(90 * MINUTE)
                };
                at = at.saturating_add(MINUTE).saturating_add(gap);
            }
            real.push(at);
        }
        // What happened after the end of the window has not happened yet.
        let kept = real.iter().take_while(|&&t| t <= end).count().max(1);
        statuses.truncate(kept);
        real.truncate(kept);

        let retro = rng.chance(5);
        let last_real = real.last().copied().unwrap_or(start);
        let typed_at = last_real
            .saturating_add(rng.below_i64(2 * DAY))
            .min(end)
            .max(last_real);
        let mut updates: Vec<PlannedUpdate> = real
            .iter()
            .zip(&statuses)
            .enumerate()
            .map(|(position, (&at, &status))| {
                let (display_at, created_at) = if retro {
                    // Typed in later, within minutes: display times spread out.
                    let created = typed_at.saturating_add(
                        i64::try_from(position).unwrap_or(0).saturating_mul(30_000),
                    );
                    (at, created.min(end).max(at))
                } else {
                    (at, at)
                };
                PlannedUpdate {
                    id: rng.id(12),
                    status,
                    body: rng.below_usize(BODIES.len()),
                    display_at,
                    created_at,
                    updated_at: if rng.chance(5) {
                        created_at
                            .saturating_add(rng.below_i64(HOUR))
                            .min(end)
                            .max(created_at)
                    } else {
                        created_at
                    },
                    changes: Changes::Null,
                    tweet_id: rng.chance(5).then(|| (1u64 << 60) | rng.next() >> 4),
                    deliver_notifications: rng.chance(90),
                }
            })
            .collect();
        if retro && updates.len() >= 3 && rng.chance(30) {
            // The page's display order differs from the order of creation.
            if let [first, second, ..] = updates.as_mut_slice() {
                core::mem::swap(&mut first.display_at, &mut second.display_at);
            }
        }
        let affected = self.plan_changes(rng, plan, maintenance, &mut updates);

        let created_at = updates
            .iter()
            .map(|u| u.created_at)
            .min()
            .unwrap_or(start)
            .saturating_sub(rng.below_i64(20));
        let first_display = updates.first().map_or(start, |u| u.display_at);
        let started_at = match rng.below(20) {
            0..=2 => StartedAt::Missing,
            3 | 4 => StartedAt::Null,
            5 | 6 => StartedAt::At(
                updates
                    .get(1)
                    .map_or(first_display.saturating_add(8 * HOUR), |u| u.display_at),
            ),
            7 => StartedAt::At(first_display.saturating_sub(rng.below_i64(HOUR))),
            _ => StartedAt::At(first_display.min(created_at)),
        };
        let offset = match rng.below(10) {
            0 | 1 => -5 * 3_600,
            2 | 3 => -6 * 3_600,
            _ => 0,
        };
        let worst = updates
            .iter()
            .flat_map(|u| u.changes.list())
            .map(|c| c.new_status)
            .max();
        let impact = if maintenance {
            Impact::Maintenance
        } else if rng.chance(10) {
            *rng.pick(&[Impact::None, Impact::Minor, Impact::Major, Impact::Critical])
                .unwrap_or(&Impact::Minor)
        } else {
            worst.map_or(Impact::None, Impact::from_component_status)
        };
        let schedule = maintenance.then(|| {
            let from = first_display.saturating_add(DAY);
            (from, from.saturating_add(2 * HOUR))
        });
        let components_key = match rng.below(10) {
            0 => ComponentsKey::Missing,
            1 => ComponentsKey::Empty,
            _ => ComponentsKey::Affected,
        };
        PlannedEvent {
            id: rng.id(12),
            name: rng.below_usize(NAMES.len()),
            created_at,
            started_at,
            impact,
            schedule,
            updates,
            affected,
            components_key,
            reminder: rng.below(3),
            offset,
            whole_seconds: rng.chance(50),
            old_shortlink: rng.chance(5).then(|| rng.id(9)),
            shortlink: rng.id(12),
        }
    }

    /// Fills in the component changes of `updates`; returns the affected
    /// components (indices into the page's components).
    #[allow(clippy::unused_self)] // a step of the generator, beside its siblings
    fn plan_changes(
        &self,
        rng: &mut Rng,
        plan: &Plan,
        maintenance: bool,
        updates: &mut [PlannedUpdate],
    ) -> Vec<usize> {
        let style = rng.below(20);
        if style == 0 {
            // No components at all (affected_components null, components []).
            return Vec::new();
        }
        if style == 1 {
            for update in updates.iter_mut() {
                update.changes = Changes::Placeholder;
            }
            return Vec::new();
        }
        let count = 1usize
            .saturating_add(rng.below_usize(3))
            .min(plan.components.len());
        let mut affected: Vec<usize> = Vec::with_capacity(count);
        while affected.len() < count {
            let candidate = rng.below_usize(plan.components.len());
            if !affected.contains(&candidate) {
                affected.push(candidate);
            }
        }
        let mut current = vec![ComponentStatus::Operational; affected.len()];
        let last_position = updates.len().saturating_sub(1);
        for (position, update) in updates.iter_mut().enumerate() {
            let closing = update.status == PlannedStatus::Resolved
                || update.status == PlannedStatus::Completed;
            let mut list = Vec::with_capacity(affected.len());
            for (slot, &component) in affected.iter().enumerate() {
                let Some(held) = current.get_mut(slot) else {
                    continue;
                };
                let old = *held;
                let new = if maintenance {
                    if closing {
                        ComponentStatus::Operational
                    } else {
                        ComponentStatus::UnderMaintenance
                    }
                } else if closing || (position == last_position && position > 0 && rng.chance(50)) {
                    ComponentStatus::Operational
                } else if position == 0 || rng.chance(20) {
                    severity(rng)
                } else {
                    old // GitHub repeats the current status
                };
                if position > 0 && old == new && rng.chance(30) {
                    continue; // not every update names every component
                }
                *held = new;
                list.push(PlannedChange {
                    component,
                    old_status: old,
                    new_status: new,
                });
            }
            update.changes = Changes::List(list);
        }
        affected
    }
}

fn severity(rng: &mut Rng) -> ComponentStatus {
    match rng.below(10) {
        0..=3 => ComponentStatus::DegradedPerformance,
        4..=7 => ComponentStatus::PartialOutage,
        _ => ComponentStatus::MajorOutage,
    }
}

/// The statuses of an incident's updates, in order of creation.
fn incident_statuses(rng: &mut Rng, max_updates: usize) -> Vec<PlannedStatus> {
    use PlannedStatus::{Identified as Idf, Investigating as Inv, Monitoring as Mon};
    use PlannedStatus::{Postmortem as Pm, Resolved as Res};
    let skeleton: &[PlannedStatus] = match rng.below(100) {
        0..=29 => &[Inv, Res],
        30..=64 => &[Inv, Mon, Res],
        65..=72 => &[Inv, Idf, Mon, Res],
        73..=76 => &[Idf, Res],
        77..=79 => &[Inv, Idf, Res],
        80..=83 => &[Inv, Idf, Mon, Inv, Idf, Mon, Res],
        84..=87 => &[Inv, Mon, Inv, Res],
        88..=90 => &[Inv, Mon, Res, Pm],
        91..=92 => &[Inv, Res, Inv, Res],
        _ => &[Res],
    };
    let mut wanted = 1usize;
    if rng.chance(3) {
        wanted = max_updates;
    } else {
        while wanted < max_updates && rng.chance(78) {
            wanted = wanted.saturating_add(1);
        }
    }
    let mut statuses = skeleton.to_vec();
    if skeleton.len() > 1 {
        // Pad with repeated updates of the open statuses.
        while statuses.len() < wanted {
            let slot = rng.below_usize(statuses.len().saturating_sub(1));
            let Some(&status) = statuses.get(slot) else {
                break;
            };
            if status == Res || status == Pm {
                // Repeat the status before the resolution instead.
                statuses.insert(0, Inv);
            } else {
                statuses.insert(slot, status);
            }
        }
    }
    statuses.truncate(max_updates.max(1));
    if statuses.len() < skeleton.len() {
        // Cut short: keep the resolution at the end.
        if let (Some(last), Some(&closing)) = (statuses.last_mut(), skeleton.last()) {
            *last = closing;
        }
    }
    statuses
}

fn maintenance_statuses(rng: &mut Rng) -> Vec<PlannedStatus> {
    use PlannedStatus::{Completed, InProgress, Scheduled, Verifying};
    if rng.chance(30) {
        vec![Scheduled, InProgress, Verifying, Completed]
    } else {
        vec![Scheduled, InProgress, Completed]
    }
}

fn component_name(position: usize) -> String {
    let base = COMPONENT_NAMES
        .get(position % COMPONENT_NAMES.len())
        .copied()
        .unwrap_or("Component");
    let round = position / COMPONENT_NAMES.len();
    let name = if round == 0 {
        base.to_owned()
    } else {
        format!("{base} {round}")
    };
    if position % 4 == 3 {
        format!("Regions - {name}")
    } else {
        name
    }
}

const COMPONENT_NAMES: &[&str] = &[
    "Git Operations",
    "API Requests",
    "Webhooks",
    "Issues",
    "Pull Requests",
    "Actions",
    "Packages",
    "Pages",
    "Codespaces",
    "Copilot",
    "Visits to the website",
    "Email delivery",
    "Europe",
    "North America",
    "Asia Pacific",
    "Login",
    "Search",
    "Notifications",
    "Billing",
    "Mobile app",
];

const NAMES: &[&str] = &[
    "Incident with Actions",
    "Disruption with some GitHub services",
    "Degraded performance for Git Operations",
    "Elevated error rates on API requests",
    "Delays in webhook delivery",
    "Users may be unable to log in",
    "Increased latency in Europe",
    "Scheduled database maintenance",
    "Copilot model experiencing elevated errors",
    "Email notifications delayed — we’re on it",
];

const BODIES: &[&str] = &[
    "We are investigating reports of degraded performance for some services.",
    "We are currently investigating this issue.",
    "This incident has been resolved. Thank you for your patience and understanding as we addressed this issue. A detailed root cause analysis will be shared as soon as it is available.",
    "The issues with our upstream provider have been resolved.<br /><br />We will continue monitoring to ensure stability, but mitigation is complete.",
    "A fix has been implemented and we are monitoring the results.",
    "We have identified the cause: a configuration change to our load balancers.\r\nWe are rolling it back now.",
    "Customers may see \"502 Bad Gateway\" errors when pushing to repositories. We are working on a mitigation.",
    "Les notifications par e-mail sont retardées — nous enquêtons.",
    "We are seeing recovery across all regions and continue to monitor.",
    "Some users are experiencing errors when loading pages. Our engineers are engaged and working on a fix; the next update will follow within 60 minutes.",
    "The scheduled maintenance is in progress. We will provide updates as necessary.",
    "Postmortem: on this day a deploy removed an index that the query planner relied on, which raised database load until requests timed out. We have added a check to the deploy pipeline.",
];

const PLACEHOLDER: &str = "No components were affected by this update.";

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum PlannedStatus {
    Investigating,
    Identified,
    Monitoring,
    Resolved,
    Postmortem,
    Scheduled,
    InProgress,
    Verifying,
    Completed,
}

impl PlannedStatus {
    fn as_str(self) -> &'static str {
        match self {
            PlannedStatus::Investigating => "investigating",
            PlannedStatus::Identified => "identified",
            PlannedStatus::Monitoring => "monitoring",
            PlannedStatus::Resolved => "resolved",
            PlannedStatus::Postmortem => "postmortem",
            PlannedStatus::Scheduled => "scheduled",
            PlannedStatus::InProgress => "in_progress",
            PlannedStatus::Verifying => "verifying",
            PlannedStatus::Completed => "completed",
        }
    }
}

struct Plan {
    page_id: String,
    components: Vec<PlannedComponent>,
    events: Vec<PlannedEvent>,
}

struct PlannedComponent {
    id: String,
    name: String,
    position: usize,
}

#[derive(Clone, Copy)]
enum StartedAt {
    Missing,
    Null,
    At(i64),
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum ComponentsKey {
    Missing,
    Empty,
    Affected,
}

struct PlannedEvent {
    id: String,
    name: usize,
    created_at: i64,
    started_at: StartedAt,
    impact: Impact,
    schedule: Option<(i64, i64)>,
    /// In order of creation.
    updates: Vec<PlannedUpdate>,
    affected: Vec<usize>,
    components_key: ComponentsKey,
    reminder: u64,
    offset: i32,
    whole_seconds: bool,
    old_shortlink: Option<String>,
    shortlink: String,
}

struct PlannedUpdate {
    id: String,
    status: PlannedStatus,
    body: usize,
    display_at: i64,
    created_at: i64,
    updated_at: i64,
    changes: Changes,
    tweet_id: Option<u64>,
    deliver_notifications: bool,
}

enum Changes {
    Null,
    Placeholder,
    List(Vec<PlannedChange>),
}

impl Changes {
    fn list(&self) -> &[PlannedChange] {
        match self {
            Changes::List(list) => list,
            Changes::Null | Changes::Placeholder => &[],
        }
    }
}

struct PlannedChange {
    component: usize,
    old_status: ComponentStatus,
    new_status: ComponentStatus,
}

impl PlannedEvent {
    /// The updates in display order (display time, then creation time, then
    /// creation order).
    fn in_display_order(&self) -> Vec<&PlannedUpdate> {
        let mut ordered: Vec<&PlannedUpdate> = self.updates.iter().collect();
        ordered.sort_by_key(|u| (u.display_at, u.created_at));
        ordered
    }

    fn monitoring_at(&self) -> Option<i64> {
        self.in_display_order()
            .iter()
            .find(|u| {
                matches!(
                    u.status,
                    PlannedStatus::Monitoring | PlannedStatus::Verifying
                )
            })
            .map(|u| u.display_at)
    }

    fn resolved_at(&self) -> Option<i64> {
        let ordered = self.in_display_order();
        let closed = |u: &&PlannedUpdate| {
            matches!(
                u.status,
                PlannedStatus::Resolved | PlannedStatus::Postmortem | PlannedStatus::Completed
            )
        };
        let start = match ordered.iter().rposition(|u| !closed(u)) {
            Some(last_open) => last_open.saturating_add(1),
            None => 0,
        };
        ordered.get(start).map(|u| u.display_at)
    }
}

fn write_event(out: &mut String, plan: &Plan, event: &PlannedEvent) {
    let whole = event.whole_seconds;
    let offset = event.offset;
    let status = event
        .updates
        .last()
        .map_or("investigating", |u| u.status.as_str());
    out.push_str(r#"{"id":""#);
    out.push_str(&event.id);
    out.push_str(r#"","name":"#);
    push_json_str(out, NAMES.get(event.name).copied().unwrap_or_default());
    let _ = write!(out, r#","status":"{status}","created_at":""#);
    push_time(out, event.created_at, offset, whole);
    out.push_str(r#"","updated_at":""#);
    let updated = event
        .updates
        .iter()
        .map(|u| u.updated_at)
        .max()
        .unwrap_or(event.created_at);
    push_time(out, updated, offset, whole);
    out.push_str(r#"","monitoring_at":"#);
    push_optional_time(out, event.monitoring_at(), offset, whole);
    out.push_str(r#","resolved_at":"#);
    push_optional_time(out, event.resolved_at(), offset, whole);
    let _ = write!(out, r#","impact":"{}","shortlink":"#, event.impact.as_str());
    match &event.old_shortlink {
        Some(old) => {
            let _ = write!(out, r#""http://stspg.io/{old}""#);
        }
        None => {
            let _ = write!(out, r#""https://stspg.io/{}""#, event.shortlink);
        }
    }
    match event.started_at {
        StartedAt::Missing => {}
        StartedAt::Null => out.push_str(r#","started_at":null"#),
        StartedAt::At(at) => {
            out.push_str(r#","started_at":""#);
            push_time(out, at, offset, whole);
            out.push('"');
        }
    }
    let _ = write!(out, r#","page_id":"{}","incident_updates":["#, plan.page_id);
    // Newest first by creation time, as Statuspage sends them.
    for (position, update) in event.updates.iter().rev().enumerate() {
        if position > 0 {
            out.push(',');
        }
        write_update(out, plan, event, update);
    }
    out.push(']');
    if let Some((from, until)) = event.schedule {
        out.push_str(r#","scheduled_for":""#);
        push_time(out, from, offset, whole);
        out.push_str(r#"","scheduled_until":""#);
        push_time(out, until, offset, whole);
        out.push_str(r#"","scheduled_remind_prior":false,"scheduled_auto_in_progress":true,"scheduled_auto_completed":true"#);
    }
    match event.components_key {
        ComponentsKey::Missing => {}
        ComponentsKey::Empty => out.push_str(r#","components":[]"#),
        ComponentsKey::Affected => {
            out.push_str(r#","components":["#);
            for (position, component) in event
                .affected
                .iter()
                .filter_map(|&c| plan.components.get(c))
                .enumerate()
            {
                if position > 0 {
                    out.push(',');
                }
                write_component(out, plan, component);
            }
            out.push(']');
        }
    }
    match event.reminder {
        0 => out.push_str(r#","reminder_intervals":null"#),
        1 => out.push_str(r#","reminder_intervals":"[]""#),
        _ => {}
    }
    out.push('}');
}

fn write_update(out: &mut String, plan: &Plan, event: &PlannedEvent, update: &PlannedUpdate) {
    let _ = write!(
        out,
        r#"{{"id":"{}","status":"{}","body":"#,
        update.id,
        update.status.as_str()
    );
    push_json_str(out, BODIES.get(update.body).copied().unwrap_or_default());
    let _ = write!(out, r#","incident_id":"{}","created_at":""#, event.id);
    push_time(out, update.created_at, event.offset, false);
    out.push_str(r#"","updated_at":""#);
    push_time(out, update.updated_at, event.offset, false);
    out.push_str(r#"","display_at":""#);
    push_time(out, update.display_at, event.offset, false);
    out.push_str(r#"","affected_components":"#);
    match &update.changes {
        Changes::Null => out.push_str("null"),
        Changes::Placeholder => {
            let _ = write!(out, r#"[{{"name":"{PLACEHOLDER}"}}]"#);
        }
        Changes::List(list) => {
            out.push('[');
            for (position, change) in list.iter().enumerate() {
                let Some(component) = plan.components.get(change.component) else {
                    continue;
                };
                if position > 0 {
                    out.push(',');
                }
                let _ = write!(out, r#"{{"code":"{}","name":"#, component.id);
                push_json_str(out, &component.name);
                let _ = write!(
                    out,
                    r#","old_status":"{}","new_status":"{}"}}"#,
                    change.old_status.as_str(),
                    change.new_status.as_str()
                );
            }
            out.push(']');
        }
    }
    let _ = write!(
        out,
        r#","deliver_notifications":{},"custom_tweet":null,"tweet_id":"#,
        update.deliver_notifications
    );
    match update.tweet_id {
        Some(id) => {
            let _ = write!(out, "{id}");
        }
        None => out.push_str("null"),
    }
    out.push('}');
}

fn write_component(out: &mut String, plan: &Plan, component: &PlannedComponent) {
    let _ = write!(out, r#"{{"id":"{}","name":"#, component.id);
    push_json_str(out, &component.name);
    let _ = write!(
        out,
        r#","status":"operational","created_at":"2019-04-17T12:33:08.827Z","updated_at":"2026-07-30T10:12:15.456Z","position":{},"description":null,"showcase":true,"start_date":"2019-04-17","group_id":null,"page_id":"{}","group":false,"only_show_if_degraded":false}}"#,
        component.position.saturating_add(1),
        plan.page_id
    );
}

fn push_optional_time(out: &mut String, at: Option<i64>, offset: i32, whole: bool) {
    match at {
        Some(at) => {
            out.push('"');
            push_time(out, at, offset, whole);
            out.push('"');
        }
        None => out.push_str("null"),
    }
}

/// An RFC 3339 time at `offset` seconds east of UTC (`Z` for UTC), with
/// milliseconds unless `whole`.
fn push_time(out: &mut String, millis: i64, offset: i32, whole: bool) {
    let utc = DateTime::from_timestamp_millis(millis).unwrap_or(DateTime::UNIX_EPOCH);
    let zone = FixedOffset::east_opt(offset).unwrap_or_else(|| Utc.fix());
    let format = if whole {
        SecondsFormat::Secs
    } else {
        SecondsFormat::Millis
    };
    out.push_str(&utc.with_timezone(&zone).to_rfc3339_opts(format, true));
}

/// `text` as a JSON string literal.
fn push_json_str(out: &mut String, text: &str) {
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if u32::from(c) < 0x20 => {
                let _ = write!(out, "\\u{:04x}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

/// The planned event as a model value, as a reader of the export would make it.
fn model_event<S: Lifecycle>(plan: &Plan, event: &PlannedEvent) -> Option<Event<S>> {
    let time = |millis: i64| DateTime::from_timestamp_millis(millis);
    // Incident-level times as the export writes them.
    let level = |millis: i64| {
        if event.whole_seconds {
            time(millis.div_euclid(1_000).saturating_mul(1_000))
        } else {
            time(millis)
        }
    };
    let mut builder = Event::<S>::builder(NAMES.get(event.name).copied().unwrap_or_default())
        .id(EventId::new(event.id.as_str()).ok()?)
        .impact(event.impact)
        .created_at(level(event.created_at)?)
        .policy(Policy::permissive());
    if let StartedAt::At(at) = event.started_at {
        builder = builder.started_at(level(at)?);
    }
    if event.components_key == ComponentsKey::Affected {
        for component in event
            .affected
            .iter()
            .filter_map(|&c| plan.components.get(c))
        {
            let id = ComponentId::new(component.id.as_str()).ok()?;
            builder = builder.component(Component::new(id, component.name.as_str()));
        }
    }
    let mut previous_closed = false;
    for planned in event.in_display_order() {
        let status: S = planned.status.as_str().parse().ok()?;
        let mut update = Update::new(status, time(planned.display_at)?)
            .with_id(UpdateId::new(planned.id.as_str()).ok()?)
            .with_body(BODIES.get(planned.body).copied().unwrap_or_default())
            .with_created_at(time(planned.created_at)?);
        for change in planned.changes.list() {
            let component = plan.components.get(change.component)?;
            update = update.with_change(ComponentChange::new(
                ComponentId::new(component.id.as_str()).ok()?,
                component.name.as_str(),
                change.old_status,
                change.new_status,
            ));
        }
        if previous_closed && status.is_open() {
            update = update.reopening();
        }
        previous_closed = !status.is_open();
        builder = builder.update(update);
    }
    let mut built = builder.build().ok()?;
    if let Some((from, until)) = event.schedule {
        // The builder sets a window on maintenances only: go through the parts.
        let mut parts = built.into_parts();
        parts.schedule = Some(Schedule::new(level(from)?, level(until)?));
        built = Event::from_parts(parts, Policy::permissive()).ok()?;
    }
    Some(match built.clone().revalidate(Policy::standard()) {
        Ok(standard) => standard,
        Err(_) => built,
    })
}

/// SplitMix64 (Steele, Lea and Flood, 2014): small, fast and good enough for
/// test data; deterministic everywhere.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (0 when `n` is 0).
    fn below(&mut self, n: u64) -> u64 {
        self.next().checked_rem(n).unwrap_or(0)
    }

    fn below_usize(&mut self, n: usize) -> usize {
        usize::try_from(self.below(u64::try_from(n).unwrap_or(u64::MAX))).unwrap_or(0)
    }

    fn below_i64(&mut self, n: i64) -> i64 {
        i64::try_from(self.below(u64::try_from(n).unwrap_or(0))).unwrap_or(0)
    }

    fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> Option<&'a T> {
        items.get(self.below_usize(items.len()))
    }

    /// A Statuspage-like id: `length` characters of `[0-9a-z]`.
    fn id(&mut self, length: usize) -> String {
        const ALPHABET: &[u8; 36] = b"0123456789abcdefghijklmnopqrstuvwxyz";
        (0..length)
            .map(|_| char::from(*ALPHABET.get(self.below_usize(36)).unwrap_or(&b'0')))
            .collect()
    }
}
