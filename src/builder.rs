//! The one construction path: [`EventBuilder`], the parts it assembles
//! ([`EventParts`], [`Schedule`]) and every rule an event is checked against,
//! each written once, with the errors beside them ([`ValidationError`],
//! [`Violations`]).
//!
//! The rules, in the order [`Event::from_parts`](crate::Event::from_parts) checks
//! them: at least one update; updates in display order (display time, then
//! creation time, then position in the input); no update id twice; no component
//! twice; a scheduled window only on a maintenance, never ending before it starts;
//! every move allowed by the policy. The defaults the builder fills in (impact,
//! creation time, id) and its sort are here too.
//!
//! [`Event`](crate::Event) (in `event.rs`) uses this file; this file never names
//! it: the builder's `build` is written beside the event.

use core::fmt;
use std::collections::BTreeMap;
use std::hash::BuildHasher as _;

use foldhash::quality::RandomState;
use foldhash::{HashMap, HashMapExt as _, HashSet, HashSetExt as _};

use chrono::{DateTime, Utc};

use crate::component::Component;
use crate::id::{ComponentId, EventId, UpdateId};
use crate::policy::{At, Lifecycle, Policy, Preset, TransitionError};
use crate::status::{Impact, MaintenanceStatus};
use crate::time::rfc3339;
use crate::update::Update;

/// The scheduled window of a maintenance.
///
/// # Example
///
/// ```
/// use chrono::{TimeZone, Utc};
/// use incident_model::Schedule;
/// let window = Schedule::new(
///     Utc.with_ymd_and_hms(2020, 12, 17, 9, 0, 0).unwrap(),
///     Utc.with_ymd_and_hms(2020, 12, 17, 11, 0, 0).unwrap(),
/// );
/// assert_eq!(window.length().num_hours(), 2);
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
#[non_exhaustive]
pub struct Schedule {
    /// When the maintenance is scheduled to start.
    #[cfg_attr(
        feature = "serde",
        serde(deserialize_with = "crate::time::serde::scheduled_for")
    )]
    pub scheduled_for: DateTime<Utc>,
    /// When the maintenance is scheduled to end.
    #[cfg_attr(
        feature = "serde",
        serde(deserialize_with = "crate::time::serde::scheduled_until")
    )]
    pub scheduled_until: DateTime<Utc>,
}

impl Schedule {
    /// A window from `scheduled_for` to `scheduled_until`. An event refuses a
    /// window that ends before it starts
    /// ([`ValidationError::InvertedSchedule`]).
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::{TimeZone, Utc};
    /// use incident_model::Schedule;
    /// let at = Utc.with_ymd_and_hms(2020, 12, 17, 9, 0, 0).unwrap();
    /// assert_eq!(Schedule::new(at, at).length().num_seconds(), 0);
    /// ```
    #[must_use]
    pub fn new(scheduled_for: DateTime<Utc>, scheduled_until: DateTime<Utc>) -> Self {
        Schedule {
            scheduled_for,
            scheduled_until,
        }
    }

    /// The scheduled length (negative for an inverted window).
    ///
    /// # Example
    ///
    /// See [`Schedule`].
    #[must_use]
    pub fn length(&self) -> chrono::TimeDelta {
        self.scheduled_until
            .signed_duration_since(self.scheduled_for)
    }
}

/// The parts of an [`Event`](crate::Event), as plain data: what
/// [`Event::into_parts`](crate::Event::into_parts) gives and
/// [`Event::from_parts`](crate::Event::from_parts) checks.
///
/// # Example
///
/// ```
/// use chrono::{TimeZone, Utc};
/// use incident_model::{Incident, IncidentStatus::*, Policy, Update};
///
/// let at = Utc.with_ymd_and_hms(2020, 3, 16, 14, 28, 0).unwrap();
/// let incident = Incident::builder("Slow page loads").update(Update::new(Identified, at)).build()?;
/// let mut parts = incident.clone().into_parts();
/// parts.name = "Slow page loads (sign-ups)".to_owned();
/// let renamed = Incident::from_parts(parts, Policy::standard())?;
/// assert_eq!(renamed.name(), "Slow page loads (sign-ups)");
/// assert_eq!(renamed.updates(), incident.updates());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, PartialEq, Eq, Debug)]
#[non_exhaustive]
pub struct EventParts<S> {
    /// The id.
    pub id: EventId,
    /// The name (title).
    pub name: String,
    /// The impact.
    pub impact: Impact,
    /// The affected components the event lists (beside those its updates name).
    pub components: Vec<Component>,
    /// The declared start, if any.
    pub started_at: Option<DateTime<Utc>>,
    /// The declared end of impact, if any (see
    /// [`Event::declared_end`](crate::Event::declared_end)).
    pub declared_end: Option<DateTime<Utc>>,
    /// When the event was created.
    pub created_at: DateTime<Utc>,
    /// The scheduled window (maintenances only).
    pub schedule: Option<Schedule>,
    /// The updates, in display order.
    pub updates: Vec<Update<S>>,
    /// The application's own data (see [`Event::labels`](crate::Event::labels)).
    pub labels: BTreeMap<String, String>,
}

/// Builds an [`Event`](crate::Event): set what you know, add updates in any order, then
/// [`build`](EventBuilder::build), which sorts the updates into display order and
/// checks everything.
///
/// Defaults: the id is derived ([`EventId::derived`]) from the creation time,
/// the kind and the name, and an update made by [`Update::new`] without an id
/// gets one derived from the event's id and its position: building the same
/// event twice gives equal values and the same JSON (set ids with
/// [`EventBuilder::id`] and [`Update::with_id`] where two events may share a
/// name and a creation time); the
/// creation time is the earliest creation time of the updates; the impact of an
/// incident is calculated from the worst new status its updates announce
/// ([`Impact::calculated`]), that of a maintenance is `maintenance`; the policy is
/// [`Policy::standard`].
///
/// # Example
///
/// ```
/// use chrono::{TimeZone, Utc};
/// use incident_model::{
///     Component, ComponentChange, ComponentId, ComponentStatus::*, Impact, Incident,
///     IncidentStatus::*, Update,
/// };
///
/// let at = |h| Utc.with_ymd_and_hms(2020, 3, 16, h, 0, 0).unwrap();
/// let api = ComponentId::new("api")?;
/// let incident = Incident::builder("API errors")
///     .component(Component::new(api.clone(), "API"))
///     .update(Update::new(Resolved, at(12)).with_change(ComponentChange::new(api.clone(), "API", PartialOutage, Operational)))
///     .update(Update::new(Investigating, at(10)).with_change(ComponentChange::new(api, "API", Operational, PartialOutage)))
///     .build()?;
/// assert_eq!(incident.impact(), Impact::Major); // calculated: partial outage
/// assert_eq!(incident.updates()[0].status(), Investigating); // sorted
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, PartialEq, Eq, Debug)]
#[must_use = "a builder does nothing until `build` is called"]
pub struct EventBuilder<S: Lifecycle> {
    id: Option<EventId>,
    name: String,
    impact: Option<Impact>,
    components: Vec<Component>,
    started_at: Option<DateTime<Utc>>,
    declared_end: Option<DateTime<Utc>>,
    created_at: Option<DateTime<Utc>>,
    schedule: Option<Schedule>,
    updates: Vec<Update<S>>,
    policy: Policy<S>,
    labels: BTreeMap<String, String>,
}

impl<S: Lifecycle> EventBuilder<S> {
    /// Sets the id (a foreign id, kept as it is).
    ///
    /// # Example
    ///
    /// See [`Event::id`](crate::Event::id).
    pub fn id(mut self, id: EventId) -> Self {
        self.id = Some(id);
        self
    }

    /// Sets the impact (an `impact_override`, in Statuspage's words).
    ///
    /// # Example
    ///
    /// See [`Event::impact`](crate::Event::impact).
    pub fn impact(mut self, impact: Impact) -> Self {
        self.impact = Some(impact);
        self
    }

    /// Adds a component to the event's component list.
    ///
    /// # Example
    ///
    /// See [`Event::components`](crate::Event::components).
    pub fn component(mut self, component: Component) -> Self {
        self.components.push(component);
        self
    }

    /// Sets the application's label `key` to `value` (the last value set for
    /// a key wins).
    ///
    /// # Example
    ///
    /// See [`Event::labels`](crate::Event::labels).
    pub fn label(mut self, key: impl Into<String>, value: impl Into<String>) -> Self {
        self.labels.insert(key.into(), value.into());
        self
    }

    /// Sets the declared start.
    ///
    /// # Example
    ///
    /// See [`Event::started_at`](crate::Event::started_at).
    pub fn started_at(mut self, started_at: DateTime<Utc>) -> Self {
        self.started_at = Some(started_at);
        self
    }

    /// Sets the declared end of impact.
    ///
    /// # Example
    ///
    /// See [`Event::declared_end`](crate::Event::declared_end).
    pub fn declared_end(mut self, declared_end: DateTime<Utc>) -> Self {
        self.declared_end = Some(declared_end);
        self
    }

    /// Sets the creation time.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::{Duration, TimeZone, Utc};
    /// use incident_model::{Incident, IncidentStatus, Update};
    /// let now = Utc.timestamp_opt(1_584_368_880, 0).unwrap();
    /// let incident = Incident::builder("x")
    ///     .created_at(now - Duration::minutes(5))
    ///     .update(Update::new(IncidentStatus::Investigating, now))
    ///     .build()?;
    /// assert_eq!(incident.created_at(), now - Duration::minutes(5));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn created_at(mut self, created_at: DateTime<Utc>) -> Self {
        self.created_at = Some(created_at);
        self
    }

    /// Adds an update; updates may be added in any order.
    ///
    /// # Example
    ///
    /// See [`EventBuilder`].
    pub fn update(mut self, update: Update<S>) -> Self {
        self.updates.push(update);
        self
    }

    /// Adds an update that reopens the event ([`Update::reopening`]).
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::{TimeZone, Utc};
    /// use incident_model::{Incident, IncidentStatus::*, Update};
    /// let at = |h| Utc.with_ymd_and_hms(2020, 3, 16, h, 0, 0).unwrap();
    /// let incident = Incident::builder("x")
    ///     .update(Update::new(Resolved, at(10)))
    ///     .reopen(Update::new(Identified, at(11)))
    ///     .build()?;
    /// assert!(incident.updates()[1].is_reopen());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn reopen(self, update: Update<S>) -> Self {
        self.update(update.reopening())
    }

    /// Sets the policy the event is checked against (default
    /// [`Policy::standard`]).
    ///
    /// # Example
    ///
    /// See [`Event::violations`](crate::Event::violations).
    pub fn policy(mut self, policy: Policy<S>) -> Self {
        self.policy = policy;
        self
    }
}

impl<S: Lifecycle> EventBuilder<S> {
    /// A builder for an event named `name`, with nothing else set.
    pub(crate) fn new(name: String) -> Self {
        EventBuilder {
            id: None,
            name,
            impact: None,
            components: Vec::new(),
            started_at: None,
            declared_end: None,
            created_at: None,
            schedule: None,
            updates: Vec::new(),
            policy: Policy::standard(),
            labels: BTreeMap::new(),
        }
    }

    /// A builder with every part of `parts` set explicitly (so no default is
    /// filled in), under `policy`.
    pub(crate) fn seeded(parts: EventParts<S>, policy: Policy<S>) -> Self {
        EventBuilder {
            id: Some(parts.id),
            name: parts.name,
            impact: Some(parts.impact),
            components: parts.components,
            started_at: parts.started_at,
            declared_end: parts.declared_end,
            created_at: Some(parts.created_at),
            schedule: parts.schedule,
            updates: parts.updates,
            policy,
            labels: parts.labels,
        }
    }

    /// Sorts the updates into display order and fills in the defaults: the parts
    /// [`EventBuilder::build`] checks, and the policy to check them under.
    pub(crate) fn assemble(mut self) -> (EventParts<S>, Policy<S>) {
        // A stable sort keeps the order of addition among equal keys.
        self.updates.sort_by_key(Update::order_key);
        let created_at = self
            .created_at
            .unwrap_or_else(|| default_created_at(&self.updates));
        let impact = self.impact.unwrap_or_else(|| default_impact(&self.updates));
        let id = self
            .id
            .unwrap_or_else(|| EventId::derived(created_at, &format!("{}/{}", S::KIND, self.name)));
        let updates = self
            .updates
            .into_iter()
            .enumerate()
            .map(|(position, update)| update.with_derived_id(&id, position))
            .collect();
        let parts = EventParts {
            id,
            name: self.name,
            impact,
            components: self.components,
            started_at: self.started_at,
            declared_end: self.declared_end,
            created_at,
            schedule: self.schedule,
            updates,
            labels: self.labels,
        };
        (parts, self.policy)
    }
}

impl EventBuilder<MaintenanceStatus> {
    /// Sets the scheduled window of the maintenance.
    ///
    /// # Example
    ///
    /// See [`Event::schedule`](crate::Event::schedule).
    pub fn scheduled(mut self, schedule: Schedule) -> Self {
        self.schedule = Some(schedule);
        self
    }
}

/// The impact of an event whose impact is not set: the lifecycle's
/// ([`Lifecycle::DEFAULT_IMPACT`], `maintenance` for maintenances) or, for
/// incidents, the one [calculated](Impact::calculated) from the worst new status
/// the updates announce.
pub(crate) fn default_impact<'a, S: Lifecycle>(
    updates: impl IntoIterator<Item = &'a Update<S>>,
) -> Impact {
    S::DEFAULT_IMPACT.unwrap_or_else(|| {
        Impact::calculated(
            None,
            updates
                .into_iter()
                .flat_map(|u| u.component_changes().iter().map(|c| c.new_status)),
        )
    })
}

/// The creation time of an event whose creation time is not set: the earliest
/// creation time of its updates.
fn default_created_at<S: Lifecycle>(updates: &[Update<S>]) -> DateTime<Utc> {
    updates
        .iter()
        .map(Update::created_at)
        .min()
        .unwrap_or(DateTime::UNIX_EPOCH)
}

/// Runs every check of [`Event::from_parts`](crate::Event::from_parts), in its
/// order, and gives the first violation.
pub(crate) fn check_parts<S: Lifecycle>(
    parts: &EventParts<S>,
    policy: &Policy<S>,
) -> Result<(), ValidationError<S>> {
    let incident = &parts.id;
    if parts.updates.is_empty() {
        return Err(ValidationError::NoUpdates {
            event: incident.clone(),
        });
    }
    check_order(incident, &parts.updates)?;
    check_update_ids(incident, &parts.updates)?;
    check_components(incident, &parts.components)?;
    check_schedule(incident, parts.schedule.as_ref())?;
    match refused_moves(incident, &parts.updates, policy).next() {
        Some(err) => Err(err.into()),
        None => Ok(()),
    }
}

/// The updates must be in display order: by display time, then creation time.
fn check_order<S: Lifecycle>(
    incident: &EventId,
    updates: &[Update<S>],
) -> Result<(), ValidationError<S>> {
    for (position, pair) in updates.windows(2).enumerate() {
        if let [previous, update] = pair {
            if update.order_key() < previous.order_key() {
                return Err(out_of_order(
                    incident,
                    position.saturating_add(1),
                    update,
                    previous,
                ));
            }
        }
    }
    Ok(())
}

/// `update`, at `position`, sorts before `previous`, the update before it.
fn out_of_order<S: Lifecycle>(
    incident: &EventId,
    position: usize,
    update: &Update<S>,
    previous: &Update<S>,
) -> ValidationError<S> {
    ValidationError::OutOfOrder {
        event: incident.clone(),
        position,
        update: update.id().clone(),
        display_at: update.display_at(),
        created_at: update.created_at(),
        previous_display_at: previous.display_at(),
        previous_created_at: previous.created_at(),
    }
}

/// No two updates have the same id.
fn check_update_ids<S: Lifecycle>(
    incident: &EventId,
    updates: &[Update<S>],
) -> Result<(), ValidationError<S>> {
    let mut seen = HashMap::with_capacity(updates.len());
    for (position, update) in updates.iter().enumerate() {
        if let Some(&first) = seen.get(update.id().as_str()) {
            return Err(duplicate_update_id(incident, update, first, position));
        }
        seen.insert(update.id().as_str(), position);
    }
    Ok(())
}

/// The ids of an event's updates, kept beside them for [`insertion`]'s
/// duplicate check: their hashes under a key of this value's own (so inputs
/// cannot be made to collide), 8 bytes an update. A hash held may be another
/// id's: [`UpdateIds::may_hold`] says "maybe", the caller confirms. Not part of
/// the event's value (its equality and `Debug` leave it out).
#[derive(Clone, Default)]
pub(crate) struct UpdateIds {
    key: RandomState,
    hashes: HashSet<u64>,
}

impl UpdateIds {
    /// The ids of `updates`.
    pub(crate) fn of<S>(updates: &[Update<S>]) -> Self {
        let mut ids = UpdateIds::default();
        ids.hashes.reserve(updates.len());
        for update in updates {
            ids.insert(update.id());
        }
        ids
    }

    /// Adds `id`.
    pub(crate) fn insert(&mut self, id: &UpdateId) {
        self.hashes.insert(self.key.hash_one(id));
    }

    /// Whether `id` may be held: `false` is certain, `true` is to be confirmed.
    fn may_hold(&self, id: &UpdateId) -> bool {
        self.hashes.contains(&self.key.hash_one(id))
    }
}

/// `update`, at `second`, has the id of the update at `first`.
fn duplicate_update_id<S: Lifecycle>(
    incident: &EventId,
    update: &Update<S>,
    first: usize,
    second: usize,
) -> ValidationError<S> {
    ValidationError::DuplicateUpdateId {
        event: incident.clone(),
        update: update.id().clone(),
        first,
        second,
    }
}

/// No component is listed twice.
fn check_components<S>(
    incident: &EventId,
    components: &[Component],
) -> Result<(), ValidationError<S>> {
    let mut seen = HashSet::with_capacity(components.len());
    match components.iter().find(|c| !seen.insert(c.id.as_str())) {
        Some(component) => Err(ValidationError::DuplicateComponent {
            event: incident.clone(),
            component: component.id.clone(),
        }),
        None => Ok(()),
    }
}

/// A scheduled window only on a maintenance, never ending before it starts.
fn check_schedule<S: Lifecycle>(
    incident: &EventId,
    schedule: Option<&Schedule>,
) -> Result<(), ValidationError<S>> {
    match schedule {
        Some(_) if !S::HAS_SCHEDULE => Err(ValidationError::UnexpectedSchedule {
            event: incident.clone(),
        }),
        Some(schedule) if schedule.scheduled_until < schedule.scheduled_for => {
            Err(ValidationError::InvertedSchedule {
                event: incident.clone(),
                scheduled_for: schedule.scheduled_for,
                scheduled_until: schedule.scheduled_until,
            })
        }
        _ => Ok(()),
    }
}

/// Where `update` joins `updates` (in display order, after any update with the
/// same display and creation time), if the rules allow it: its id is new, and
/// `policy` allows the moves into and out of it. For
/// [`Event::apply`](crate::Event::apply).
///
/// `ids`, when given, holds the ids of `updates`: the id is looked up there,
/// and `updates` scanned only when it may be there (to name the first update
/// with it), so an append costs no more as the event grows. Without it the
/// updates are scanned.
pub(crate) fn insertion<S: Lifecycle>(
    incident: &EventId,
    updates: &[Update<S>],
    ids: Option<&UpdateIds>,
    policy: &Policy<S>,
    update: &Update<S>,
) -> Result<usize, ValidationError<S>> {
    if ids.is_none_or(|ids| ids.may_hold(update.id())) {
        if let Some(first) = updates.iter().position(|u| u.id() == update.id()) {
            return Err(duplicate_update_id(incident, update, first, updates.len()));
        }
    }
    let key = update.order_key();
    let position = updates.partition_point(|u| u.order_key() <= key);
    let previous = position.checked_sub(1).and_then(|p| updates.get(p));
    check_move(incident, policy, previous, update, position)?;
    if let Some(next) = updates.get(position) {
        check_move(
            incident,
            policy,
            Some(update),
            next,
            position.saturating_add(1),
        )?;
    }
    Ok(position)
}

/// An update that must join `updates` last (a typed move appends): it may not
/// sort before the last update.
pub(crate) fn check_appended<S: Lifecycle>(
    incident: &EventId,
    updates: &[Update<S>],
    update: &Update<S>,
) -> Result<(), ValidationError<S>> {
    match updates.last() {
        Some(last) if update.order_key() < last.order_key() => {
            Err(out_of_order(incident, updates.len(), update, last))
        }
        _ => Ok(()),
    }
}

/// Every move of `updates` (in display order) that `policy` refuses, in order.
pub(crate) fn refused_moves<'a, S: Lifecycle>(
    incident: &'a EventId,
    updates: &'a [Update<S>],
    policy: &'a Policy<S>,
) -> impl Iterator<Item = TransitionError<S>> + 'a {
    let previous = core::iter::once(None).chain(updates.iter().map(Some));
    previous
        .zip(updates)
        .enumerate()
        .filter_map(move |(position, (previous, update))| {
            check_move(incident, policy, previous, update, position).err()
        })
}

/// Checks one move: from `previous` (none for a first update) to `update`, which
/// sits at `position`; an update marked as a reopen is checked as one.
fn check_move<S: Lifecycle>(
    incident: &EventId,
    policy: &Policy<S>,
    previous: Option<&Update<S>>,
    update: &Update<S>,
    position: usize,
) -> Result<(), TransitionError<S>> {
    let from = previous.map(Update::status);
    let to = update.status();
    let checked = if update.is_reopen() {
        policy.check_reopen(from, to)
    } else {
        policy.check(from, to)
    };
    match checked {
        Ok(_) => Ok(()),
        Err(refusal) => Err(TransitionError {
            event: incident.clone(),
            from,
            to,
            position,
            update: update.id().clone(),
            display_at: update.display_at(),
            policy: policy.preset(),
            refusal,
        }),
    }
}

/// Why an incident or maintenance could not be built: the one error type of every
/// constructor (builder, [`Event::from_parts`](crate::Event::from_parts),
/// [`Event::apply`](crate::Event::apply), deserialization).
///
/// # Example
///
/// ```
/// use incident_model::{Incident, ValidationError};
/// let err = Incident::builder("Empty").id("inc-0".parse()?).build().unwrap_err();
/// assert!(matches!(err, ValidationError::NoUpdates { .. }));
/// assert_eq!(err.to_string(), "incident \"inc-0\" has no updates: at least one is required");
/// # Ok::<(), incident_model::IdError>(())
/// ```
#[derive(Clone, PartialEq, Eq, Debug)]
#[non_exhaustive]
pub enum ValidationError<S> {
    /// The update list is empty.
    NoUpdates {
        /// The incident or maintenance.
        event: EventId,
    },
    /// An update comes before one that sorts before it (display time, then creation
    /// time): the list is not in display order.
    OutOfOrder {
        /// The incident or maintenance.
        event: EventId,
        /// Position (0-based) of the update that is out of place.
        position: usize,
        /// Its id.
        update: UpdateId,
        /// Its display time.
        display_at: DateTime<Utc>,
        /// Its creation time.
        created_at: DateTime<Utc>,
        /// The display time of the update before it.
        previous_display_at: DateTime<Utc>,
        /// The creation time of the update before it.
        previous_created_at: DateTime<Utc>,
    },
    /// Two updates have the same id.
    DuplicateUpdateId {
        /// The incident or maintenance.
        event: EventId,
        /// The id used twice.
        update: UpdateId,
        /// Position of the first update with the id.
        first: usize,
        /// Position of the second update with the id.
        second: usize,
    },
    /// The component list names the same component twice.
    DuplicateComponent {
        /// The incident or maintenance.
        event: EventId,
        /// The component named twice.
        component: ComponentId,
    },
    /// The policy refused a move.
    Transition(TransitionError<S>),
    /// A maintenance's scheduled window ends before it starts.
    InvertedSchedule {
        /// The maintenance.
        event: EventId,
        /// The scheduled start.
        scheduled_for: DateTime<Utc>,
        /// The scheduled end.
        scheduled_until: DateTime<Utc>,
    },
    /// An incident was given a scheduled window; only maintenances have one.
    UnexpectedSchedule {
        /// The incident.
        event: EventId,
    },
}

impl<S: Lifecycle> fmt::Display for ValidationError<S> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let kind = S::KIND;
        match self {
            ValidationError::NoUpdates { event: incident } => {
                write!(
                    f,
                    "{kind} {:?} has no updates: at least one is required",
                    incident.as_str()
                )
            }
            ValidationError::OutOfOrder {
                event: incident,
                position,
                update,
                display_at,
                created_at,
                previous_display_at,
                previous_created_at,
            } => {
                let at = At::new(*position, update, display_at);
                write!(
                    f,
                    "{kind} {:?}, {at}: out of display order: it sorts before updates[{}] \
                     (display_at {}, created_at {} before display_at {}, created_at {})",
                    incident.as_str(),
                    position.saturating_sub(1),
                    rfc3339(*display_at),
                    rfc3339(*created_at),
                    rfc3339(*previous_display_at),
                    rfc3339(*previous_created_at),
                )
            }
            ValidationError::DuplicateUpdateId {
                event: incident,
                update,
                first,
                second,
            } => write!(
                f,
                "{kind} {:?}: updates[{first}] and updates[{second}] have the same id {:?}",
                incident.as_str(),
                update.as_str()
            ),
            ValidationError::DuplicateComponent {
                event: incident,
                component,
            } => write!(
                f,
                "{kind} {:?}: component {:?} is listed twice in components",
                incident.as_str(),
                component.as_str()
            ),
            ValidationError::Transition(err) => fmt::Display::fmt(err, f),
            ValidationError::InvertedSchedule {
                event: incident,
                scheduled_for,
                scheduled_until,
            } => {
                write!(
                    f,
                    "{kind} {:?}: scheduled_until {} is before scheduled_for {}",
                    incident.as_str(),
                    rfc3339(*scheduled_until),
                    rfc3339(*scheduled_for)
                )
            }
            ValidationError::UnexpectedSchedule { event: incident } => write!(
                f,
                "{kind} {:?}: has a scheduled window, which only maintenances have",
                incident.as_str()
            ),
        }
    }
}

impl<S: Lifecycle> std::error::Error for ValidationError<S> {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            ValidationError::Transition(err) => Some(err),
            _ => None,
        }
    }
}

impl<S> From<TransitionError<S>> for ValidationError<S> {
    fn from(err: TransitionError<S>) -> Self {
        ValidationError::Transition(err)
    }
}

/// Every violation found when a value was re-validated under another policy.
///
/// # Example
///
/// ```
/// use chrono::{TimeZone, Utc};
/// use incident_model::{Incident, IncidentStatus::*, Policy, Update};
///
/// let at = |h| Utc.with_ymd_and_hms(2020, 3, 16, h, 0, 0).unwrap();
/// let incident = Incident::builder("Flapping")
///     .id("inc-2".parse()?)
///     .update(Update::new(Monitoring, at(10)))
///     .update(Update::new(Investigating, at(11)))
///     .update(Update::new(Monitoring, at(12)))
///     .update(Update::new(Identified, at(13)))
///     .update(Update::new(Resolved, at(14)))
///     .build()?;
/// let violations = incident.revalidate(Policy::strict()).unwrap_err();
/// assert_eq!(violations.len(), 2);
/// let text = violations.to_string();
/// assert!(text.starts_with("2 violations of the strict policy in incident \"inc-2\": updates[1] (id "));
/// assert!(text.contains("; updates[3] (id "));
/// assert_eq!(text.matches("inc-2").count(), 1); // the event is named once
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct Violations<S> {
    event: EventId,
    policy: Option<Preset>,
    errors: Vec<ValidationError<S>>,
}

impl<S> Violations<S> {
    /// The violations `errors` (at least one) of the policy `policy` (a preset,
    /// or `None` for a custom table) by `event`.
    pub(crate) fn new(
        event: EventId,
        policy: Option<Preset>,
        errors: Vec<ValidationError<S>>,
    ) -> Self {
        Violations {
            event,
            policy,
            errors,
        }
    }

    /// The incident or maintenance that breaks the policy.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::{TimeZone, Utc};
    /// use incident_model::{Incident, IncidentStatus::*, Policy, Update};
    ///
    /// let at = |h: u32| Utc.with_ymd_and_hms(2020, 3, 16, h, 0, 0).unwrap();
    /// let incident = Incident::builder("Flapping")
    ///     .update(Update::new(Monitoring, at(10)))
    ///     .update(Update::new(Investigating, at(11)))
    ///     .build()?;
    /// let violations = incident.clone().revalidate(Policy::strict()).unwrap_err();
    /// assert_eq!(violations.event(), incident.id());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn event(&self) -> &EventId {
        &self.event
    }

    /// The preset the value breaks; `None` for a custom table.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::{TimeZone, Utc};
    /// use incident_model::{Incident, IncidentStatus::*, Policy, Preset, Update};
    ///
    /// let at = |h: u32| Utc.with_ymd_and_hms(2020, 3, 16, h, 0, 0).unwrap();
    /// let incident = Incident::builder("Flapping")
    ///     .update(Update::new(Monitoring, at(10)))
    ///     .update(Update::new(Investigating, at(11)))
    ///     .build()?;
    /// let violations = incident.revalidate(Policy::strict()).unwrap_err();
    /// assert_eq!(violations.policy(), Some(Preset::Strict));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn policy(&self) -> Option<Preset> {
        self.policy
    }
    /// The violations, in update order.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::{TimeZone, Utc};
    /// use incident_model::{Incident, IncidentStatus::*, Policy, Update};
    ///
    /// let at = |h: u32| Utc.with_ymd_and_hms(2020, 3, 16, h, 0, 0).unwrap();
    /// let incident = Incident::builder("Flapping")
    ///     .update(Update::new(Monitoring, at(10)))
    ///     .update(Update::new(Investigating, at(11)))
    ///     .update(Update::new(Monitoring, at(12)))
    ///     .update(Update::new(Identified, at(13)))
    ///     .update(Update::new(Resolved, at(14)))
    ///     .build()?;
    /// let violations = incident.revalidate(Policy::strict()).unwrap_err();
    /// assert_eq!(violations.errors().len(), 2);
    /// assert!(violations.errors().iter().all(|e| e.to_string() != ""));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn errors(&self) -> &[ValidationError<S>] {
        &self.errors
    }

    /// How many violations there are (at least one).
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::{TimeZone, Utc};
    /// use incident_model::{Incident, IncidentStatus::*, Policy, Update};
    ///
    /// let at = |h: u32| Utc.with_ymd_and_hms(2020, 3, 16, h, 0, 0).unwrap();
    /// let incident = Incident::builder("Flapping")
    ///     .update(Update::new(Monitoring, at(10)))
    ///     .update(Update::new(Investigating, at(11)))
    ///     .update(Update::new(Monitoring, at(12)))
    ///     .update(Update::new(Identified, at(13)))
    ///     .update(Update::new(Resolved, at(14)))
    ///     .build()?;
    /// let violations = incident.revalidate(Policy::strict()).unwrap_err();
    /// assert_eq!(violations.len(), 2);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn len(&self) -> usize {
        self.errors.len()
    }

    /// Always `false`: a `Violations` holds at least one violation. Here for the
    /// `len`/`is_empty` convention.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::{TimeZone, Utc};
    /// use incident_model::{Incident, IncidentStatus::*, Policy, Update};
    ///
    /// let at = |h: u32| Utc.with_ymd_and_hms(2020, 3, 16, h, 0, 0).unwrap();
    /// let incident = Incident::builder("Flapping")
    ///     .update(Update::new(Monitoring, at(10)))
    ///     .update(Update::new(Investigating, at(11)))
    ///     .update(Update::new(Monitoring, at(12)))
    ///     .update(Update::new(Identified, at(13)))
    ///     .update(Update::new(Resolved, at(14)))
    ///     .build()?;
    /// let violations = incident.revalidate(Policy::strict()).unwrap_err();
    /// assert!(!violations.is_empty());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.errors.is_empty()
    }

    /// The violations, by value.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::{TimeZone, Utc};
    /// use incident_model::{Incident, IncidentStatus::*, Policy, Update};
    ///
    /// let at = |h: u32| Utc.with_ymd_and_hms(2020, 3, 16, h, 0, 0).unwrap();
    /// let incident = Incident::builder("Flapping")
    ///     .update(Update::new(Monitoring, at(10)))
    ///     .update(Update::new(Investigating, at(11)))
    ///     .update(Update::new(Monitoring, at(12)))
    ///     .update(Update::new(Identified, at(13)))
    ///     .update(Update::new(Resolved, at(14)))
    ///     .build()?;
    /// let violations = incident.revalidate(Policy::strict()).unwrap_err();
    /// let errors = violations.clone().into_errors();
    /// assert_eq!(errors.as_slice(), violations.errors());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn into_errors(self) -> Vec<ValidationError<S>> {
        self.errors
    }
}

impl<S: Lifecycle> fmt::Display for Violations<S> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let n = self.errors.len();
        let event = format!("{} {:?}", S::KIND, self.event.as_str());
        write!(
            f,
            "{n} violation{} of the {} policy in {event}",
            if n == 1 { "" } else { "s" },
            Preset::name_of(self.policy),
        )?;
        // Each error names the event again: said once, in the head.
        for (i, err) in self.errors.iter().enumerate() {
            let text = err.to_string();
            let rest = text.strip_prefix(&event).map_or(text.as_str(), |rest| {
                rest.trim_start_matches([',', ':', ' '])
            });
            write!(f, "{}{rest}", if i == 0 { ": " } else { "; " })?;
        }
        Ok(())
    }
}

impl<S: Lifecycle> std::error::Error for Violations<S> {}
