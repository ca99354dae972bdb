//! The random plan of an export: what happens to each event, format-neutral.
//! The model values ([`super::model`]) and the JSON (`super::export`) are both
//! made from it, so they agree.
// Some fields of the plan serve the export only.
#![cfg_attr(not(feature = "statuspage"), allow(dead_code))]

use chrono::{DateTime, Utc};

use crate::status::{ComponentStatus, Impact};

const MINUTE: i64 = 60_000;
const HOUR: i64 = 60 * MINUTE;
const DAY: i64 = 24 * HOUR;

/// The page and its events, newest first.
pub(super) struct Plan {
    pub page_id: String,
    pub components: Vec<PlannedComponent>,
    pub events: Vec<PlannedEvent>,
}

pub(super) struct PlannedComponent {
    pub id: String,
    pub name: String,
}

/// Times are milliseconds since the epoch, in UTC.
pub(super) struct PlannedEvent {
    pub id: String,
    pub name: &'static str,
    pub created_at: i64,
    pub started_at: StartedAt,
    pub impact: Impact,
    pub schedule: Option<(i64, i64)>,
    /// In order of creation.
    pub updates: Vec<PlannedUpdate>,
    /// The components the updates change (indices into the page's components).
    pub affected: Vec<usize>,
    pub components_key: ComponentsKey,
    /// 0: `reminder_intervals` null, 1: the string `"[]"`, else missing.
    pub reminder: u64,
    /// Seconds east of UTC of the event's times in the export.
    pub offset: i32,
    /// Incident-level times in whole seconds (in the export and the model).
    pub whole_seconds: bool,
    /// The old `http://stspg.io/` short link, else `https://stspg.io/{shortlink}`.
    pub old_shortlink: Option<String>,
    pub shortlink: String,
}

pub(super) struct PlannedUpdate {
    pub id: String,
    pub status: PlannedStatus,
    pub body: &'static str,
    pub display_at: i64,
    pub created_at: i64,
    pub updated_at: i64,
    pub changes: Changes,
    pub tweet_id: Option<u64>,
    pub deliver_notifications: bool,
}

#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum StartedAt {
    Missing,
    Null,
    At(i64),
}

/// The incident's `components` key: missing, `[]`, or the affected components.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum ComponentsKey {
    Missing,
    Empty,
    Affected,
}

/// An update's `affected_components`.
pub(super) enum Changes {
    Null,
    Placeholder,
    List(Vec<PlannedChange>),
}

impl Changes {
    pub(super) fn list(&self) -> &[PlannedChange] {
        match self {
            Changes::List(list) => list,
            Changes::Null | Changes::Placeholder => &[],
        }
    }
}

pub(super) struct PlannedChange {
    pub component: usize,
    pub old_status: ComponentStatus,
    pub new_status: ComponentStatus,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(super) enum PlannedStatus {
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
    /// The status's wire name, which the lifecycles parse.
    pub(super) fn as_str(self) -> &'static str {
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

    fn is_closed(self) -> bool {
        matches!(
            self,
            PlannedStatus::Resolved | PlannedStatus::Postmortem | PlannedStatus::Completed
        )
    }
}

impl PlannedEvent {
    /// The updates in display order (display time, then creation time, then
    /// creation order).
    pub(super) fn in_display_order(&self) -> Vec<&PlannedUpdate> {
        let mut ordered: Vec<&PlannedUpdate> = self.updates.iter().collect();
        ordered.sort_by_key(|u| (u.display_at, u.created_at));
        ordered
    }
}

/// The settings a plan is drawn from: the [`Generator`](super::Generator)'s.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub(super) struct Settings {
    pub seed: u64,
    /// The number of events.
    pub incidents: usize,
    pub components: usize,
    pub max_updates: usize,
    /// The end of the window.
    pub end: DateTime<Utc>,
    /// The length of the window.
    pub days: u32,
}

impl Settings {
    pub(super) fn plan(&self) -> Plan {
        let mut rng = Rng(self.seed);
        let page_id = rng.id(12);
        let components = (0..self.components)
            .map(|position| PlannedComponent {
                id: rng.id(12),
                name: component_name(position),
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

    /// One event, field by field, in document order.
    fn plan_event(
        &self,
        rng: &mut Rng,
        plan: &Plan,
        start: i64,
        end: i64,
        open: bool,
    ) -> PlannedEvent {
        let maintenance = rng.chance(3);
        let statuses = self.statuses(rng, maintenance, open);
        let mut updates = plan_updates(rng, statuses, start, end);
        let affected = plan_changes(rng, plan, maintenance, &mut updates);
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
            name: rng.pick(NAMES).copied().unwrap_or_default(),
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

    /// The statuses of the event's updates, in order of creation; an open
    /// event (the newest few) has no resolution yet.
    fn statuses(&self, rng: &mut Rng, maintenance: bool, open: bool) -> Vec<PlannedStatus> {
        let mut statuses = if maintenance {
            maintenance_statuses(rng)
        } else {
            incident_statuses(rng, self.max_updates)
        };
        if open {
            while statuses.len() > 1 && statuses.last().is_some_and(|s| s.is_closed()) {
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
        statuses
    }
}

/// The updates of `statuses`, the first at `start`, none after `end` (what
/// happened after the end of the window has not happened yet); some typed in
/// later (backdated), their component changes still to fill in.
fn plan_updates(
    rng: &mut Rng,
    mut statuses: Vec<PlannedStatus>,
    start: i64,
    end: i64,
) -> Vec<PlannedUpdate> {
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
            // Typed in later, within minutes: display times spread out.
            let created_at = if retro {
                let typed = i64::try_from(position).unwrap_or(0).saturating_mul(30_000);
                typed_at.saturating_add(typed).min(end).max(at)
            } else {
                at
            };
            PlannedUpdate {
                id: rng.id(12),
                status,
                body: rng.pick(BODIES).copied().unwrap_or_default(),
                display_at: at,
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
    updates
}

/// Fills in the component changes of `updates`; returns the affected
/// components (indices into the page's components).
fn plan_changes(
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
        let closing = matches!(
            update.status,
            PlannedStatus::Resolved | PlannedStatus::Completed
        );
        let mut list = Vec::with_capacity(affected.len());
        for (&component, held) in affected.iter().zip(current.iter_mut()) {
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
