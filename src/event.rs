//! The aggregates: [`Incident`] and [`Maintenance`], one generic [`Event`] over
//! the lifecycle.
//!
//! A value of [`Event`] is always valid. Every way to make one (the builder,
//! [`Event::from_parts`], [`Event::apply`], [`Event::reopen`], deserialization)
//! goes through the same checks:
//!
//! - at least one update;
//! - updates in display order: by display time, then creation time, then position
//!   in the input (the builder sorts; [`Event::from_parts`] and deserialization
//!   require the order and say where it breaks);
//! - no two updates with the same id, no component listed twice;
//! - every move allowed by the policy the value was built with (see
//!   [`Policy`](crate::Policy)), reopens marked as such;
//! - a scheduled window only on maintenances, and never ending before it starts.
//!
//! The status of an event is the status of its last update in display order.
//!
//! The checks and the builder's defaults live in `builder.rs`, the one
//! construction path; this file holds the value, its accessors and its changes.

use chrono::{DateTime, Utc};

use core::fmt;
use std::collections::BTreeMap;

use crate::builder::{
    self, EventBuilder, EventParts, Schedule, UpdateIds, ValidationError, Violations,
};
use crate::component::Component;
use crate::id::EventId;
use crate::policy::{Lifecycle, Policy};
use crate::status::{Impact, IncidentStatus, MaintenanceStatus};
use crate::update::Update;

/// An incident or a scheduled maintenance: an id, a name, an impact, the affected
/// components, an optional declared start, a creation time, for maintenances the
/// scheduled window, and a non-empty list of updates in display order, checked
/// against a [`Policy`].
///
/// Use the aliases [`Incident`] and [`Maintenance`]; code that works on both is
/// written once over `Event<S>`.
///
/// # Invariants
///
/// A value of `Event` is always valid. Every way to make one (the
/// [builder](Event::builder), [`Event::from_parts`], [`Event::apply`],
/// [`Event::reopen`], deserialization) goes through the same checks:
///
/// - at least one update;
/// - updates in display order: by display time, then creation time, then position
///   in the input (the builder sorts; [`Event::from_parts`] and deserialization
///   require the order and say where it breaks);
/// - no two updates with the same id, no component listed twice;
/// - every move allowed by the policy the value was built with (see [`Policy`]),
///   reopens marked as such;
/// - a scheduled window only on maintenances, and never ending before it starts.
///
/// The status of an event is the status of its last update in display order.
///
/// # Example
///
/// ```
/// use chrono::{TimeZone, Utc};
/// use incident_model::{Incident, IncidentStatus::*, Update};
///
/// let edt = |h: u32, m: u32| Utc.with_ymd_and_hms(2020, 3, 16, h + 4, m, 0).unwrap();
/// let mut incident = Incident::builder("Slow page loads")
///     .update(Update::new(Identified, edt(10, 28)).with_body("Sign-ups are flooding us."))
///     .update(Update::new(Monitoring, edt(13, 42)))
///     .build()?;
/// incident.apply(Update::new(Resolved, edt(17, 51)))?;
/// assert_eq!(incident.status(), Resolved);
/// assert_eq!(incident.updates().len(), 3);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone)]
pub struct Event<S: Lifecycle> {
    id: EventId,
    name: String,
    impact: Impact,
    components: Vec<Component>,
    started_at: Option<DateTime<Utc>>,
    declared_end: Option<DateTime<Utc>>,
    created_at: DateTime<Utc>,
    schedule: Option<Schedule>,
    updates: Vec<Update<S>>,
    policy: Policy<S>,
    labels: BTreeMap<String, String>,
    /// The ids of `updates`, for `apply`'s duplicate check, made by the first
    /// `apply` to an event of [`INDEX_FROM`] updates or more (a read or built
    /// event pays nothing for it); not part of the value (equality and `Debug`
    /// leave it out).
    ids: Option<UpdateIds>,
}

/// From how many updates `apply` looks ids up in an index rather than scanning
/// the updates: below it a scan is as fast, and costs no memory.
const INDEX_FROM: usize = 32;

impl<S: Lifecycle> PartialEq for Event<S> {
    fn eq(&self, other: &Self) -> bool {
        self.id == other.id
            && self.name == other.name
            && self.impact == other.impact
            && self.components == other.components
            && self.started_at == other.started_at
            && self.declared_end == other.declared_end
            && self.created_at == other.created_at
            && self.schedule == other.schedule
            && self.updates == other.updates
            && self.policy == other.policy
            && self.labels == other.labels
    }
}

impl<S: Lifecycle> Eq for Event<S> {}

/// Hashes what equality compares (the index is not part of the value).
impl<S: Lifecycle + core::hash::Hash> core::hash::Hash for Event<S> {
    fn hash<H: core::hash::Hasher>(&self, state: &mut H) {
        self.id.hash(state);
        self.name.hash(state);
        self.impact.hash(state);
        self.components.hash(state);
        self.started_at.hash(state);
        self.declared_end.hash(state);
        self.created_at.hash(state);
        self.schedule.hash(state);
        self.updates.hash(state);
        self.policy.hash(state);
        self.labels.hash(state);
    }
}

// The index is not part of the value: `Debug` prints what the derive printed.
#[allow(clippy::missing_fields_in_debug)]
impl<S: Lifecycle> fmt::Debug for Event<S> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Event")
            .field("id", &self.id)
            .field("name", &self.name)
            .field("impact", &self.impact)
            .field("components", &self.components)
            .field("started_at", &self.started_at)
            .field("declared_end", &self.declared_end)
            .field("created_at", &self.created_at)
            .field("schedule", &self.schedule)
            .field("updates", &self.updates)
            .field("policy", &self.policy)
            .field("labels", &self.labels)
            .finish()
    }
}

/// An incident: an [`Event`] over [`IncidentStatus`].
pub type Incident = Event<IncidentStatus>;
/// A scheduled maintenance: an [`Event`] over [`MaintenanceStatus`].
pub type Maintenance = Event<MaintenanceStatus>;

impl<S: Lifecycle> Event<S> {
    /// A builder for an event named `name`. See [`EventBuilder`].
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::{TimeZone, Utc};
    /// use incident_model::{Incident, IncidentStatus, Update};
    /// let incident = Incident::builder("Login errors")
    ///     .update(Update::new(IncidentStatus::Investigating, Utc.timestamp_opt(1_584_368_880, 0).unwrap()))
    ///     .build()?;
    /// assert!(incident.is_open());
    /// # Ok::<(), incident_model::ValidationError<IncidentStatus>>(())
    /// ```
    pub fn builder(name: impl Into<String>) -> EventBuilder<S> {
        EventBuilder::new(name.into())
    }

    /// Checks `parts` under `policy` and makes the event. The updates must already
    /// be in display order (see [`Event`]).
    ///
    /// # Errors
    ///
    /// The first [`ValidationError`] found, in this order: no updates, an update
    /// out of order, a duplicate update id, a duplicate component, a bad schedule,
    /// then the first refused move.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::{TimeZone, Utc};
    /// use incident_model::{Incident, IncidentStatus::*, Policy, Update, ValidationError};
    ///
    /// let at = |h| Utc.with_ymd_and_hms(2020, 3, 16, h, 0, 0).unwrap();
    /// let incident = Incident::builder("x").update(Update::new(Investigating, at(10))).build()?;
    /// let mut parts = incident.into_parts();
    /// parts.updates.insert(0, Update::new(Resolved, at(11)));
    /// let err = Incident::from_parts(parts, Policy::standard()).unwrap_err();
    /// assert!(matches!(err, ValidationError::OutOfOrder { position: 1, .. }));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn from_parts(parts: EventParts<S>, policy: Policy<S>) -> Result<Self, ValidationError<S>> {
        builder::check_parts(&parts, &policy)?;
        Ok(Event {
            id: parts.id,
            name: parts.name,
            impact: parts.impact,
            components: parts.components,
            started_at: parts.started_at,
            declared_end: parts.declared_end,
            created_at: parts.created_at,
            schedule: parts.schedule,
            ids: None,
            updates: parts.updates,
            policy,
            labels: parts.labels,
        })
    }

    /// The event of `parts` as a reader loads what a page published: under the
    /// standard policy when every move passes it, else under the permissive
    /// one, with each move the standard policy refuses, for the reader to
    /// report. One table look-up per move in the common case. Every format's
    /// reader of this crate loads events with it.
    ///
    /// # Errors
    ///
    /// The [`ValidationError`] of [`Event::from_parts`] under the permissive
    /// policy (updates out of order, duplicate ids...).
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::{TimeZone, Utc};
    /// use incident_model::{Incident, IncidentStatus::*, Policy, Update, UpdateId};
    /// let at = |h| Utc.with_ymd_and_hms(2020, 3, 16, h, 0, 0).unwrap();
    /// let update = |id: &str, status, h| Ok::<_, incident_model::IdError>(
    ///     Update::new(status, at(h)).with_id(UpdateId::new(id)?));
    /// let parts = Incident::builder("x").update(update("u1", Investigating, 10)?).build()?.into_parts();
    /// let mut resolved = parts.clone();
    /// resolved.updates.push(update("u2", Resolved, 11)?);
    /// let (incident, refused) = Incident::from_parts_as_published(resolved)?;
    /// assert_eq!((incident.policy(), refused.len()), (Policy::standard(), 0));
    /// // A postmortem before resolution: the standard policy refuses it, so the
    /// // incident is kept under the permissive one, and the move is reported.
    /// let mut early = parts;
    /// early.updates.push(update("u2", Postmortem, 11)?);
    /// let (incident, refused) = Incident::from_parts_as_published(early)?;
    /// assert_eq!((incident.policy(), refused.len()), (Policy::permissive(), 1));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn from_parts_as_published(
        parts: EventParts<S>,
    ) -> Result<(Self, Vec<ValidationError<S>>), ValidationError<S>> {
        let standard = Policy::standard();
        if builder::refused_moves(&parts.id, &parts.updates, &standard)
            .next()
            .is_none()
        {
            return Ok((Event::from_parts(parts, standard)?, Vec::new()));
        }
        let event = Event::from_parts(parts, Policy::permissive())?;
        let refused = event.violations(&standard);
        Ok((event, refused))
    }

    /// The event's parts, as plain data.
    ///
    /// # Example
    ///
    /// See [`EventParts`].
    #[must_use]
    pub fn into_parts(self) -> EventParts<S> {
        EventParts {
            id: self.id,
            name: self.name,
            impact: self.impact,
            components: self.components,
            started_at: self.started_at,
            declared_end: self.declared_end,
            created_at: self.created_at,
            schedule: self.schedule,
            updates: self.updates,
            labels: self.labels,
        }
    }

    /// The updates displayed after `at`, in display order: what a bot that
    /// posted everything up to `at` has still to post.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::{TimeZone, Utc};
    /// use incident_model::{Incident, IncidentStatus::*, Update};
    ///
    /// let at = |h| Utc.with_ymd_and_hms(2020, 3, 16, h, 0, 0).unwrap();
    /// let incident = Incident::builder("x")
    ///     .update(Update::new(Investigating, at(10)))
    ///     .update(Update::new(Identified, at(11)))
    ///     .update(Update::new(Resolved, at(12)))
    ///     .build()?;
    /// assert_eq!(incident.updates_since(at(10)).len(), 2);
    /// let first = incident.updates()[0].id();
    /// assert_eq!(incident.updates_after(first).map(<[_]>::len), Some(2));
    /// assert!(incident.updates_after(&"elsewhere".parse()?).is_none());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn updates_since(&self, at: DateTime<Utc>) -> &[Update<S>] {
        // Display order sorts by display time first, so this is a partition.
        let first = self.updates.partition_point(|u| u.display_at() <= at);
        self.updates.get(first..).unwrap_or_default()
    }

    /// The updates after the one with the id `id`, in display order; `None`
    /// when the event has no update with that id.
    ///
    /// # Example
    ///
    /// See [`Event::updates_since`].
    #[must_use]
    pub fn updates_after(&self, id: &crate::id::UpdateId) -> Option<&[Update<S>]> {
        let position = self.updates.iter().position(|u| u.id() == id)?;
        self.updates.get(position.saturating_add(1)..)
    }

    /// Adds an update, checking its move under the event's policy. The update goes
    /// where display order puts it (after any update with the same display and
    /// creation time), and the moves into and out of it are checked.
    ///
    /// A move out of a closed status into an open one must be made with
    /// [`Event::reopen`].
    ///
    /// The duplicate check is a hash look-up, so an append costs the same
    /// however many updates the event has.
    ///
    /// # Errors
    ///
    /// [`ValidationError::DuplicateUpdateId`] if an update has the same id, or
    /// [`ValidationError::Transition`] if the policy refuses a move. The event is
    /// left unchanged.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::{TimeZone, Utc};
    /// use incident_model::{Incident, IncidentStatus::*, Update};
    ///
    /// let at = |h| Utc.with_ymd_and_hms(2020, 3, 16, h, 0, 0).unwrap();
    /// let mut incident = Incident::builder("x").update(Update::new(Monitoring, at(10))).build()?;
    /// incident.apply(Update::new(Investigating, at(11)))?; // the fix did not hold
    /// assert_eq!(incident.status(), Investigating);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn apply(&mut self, update: Update<S>) -> Result<(), ValidationError<S>> {
        self.try_apply(update).map_err(|refused| refused.error)
    }

    /// [`Event::apply`], handing a refused update back in the error, to retry
    /// it (as a reopen, with another id, ...) without building it again.
    ///
    /// # Errors
    ///
    /// [`Refused`] (boxed: it holds a whole update): the [`ValidationError`] of
    /// [`Event::apply`] and the update.
    /// The event is left unchanged.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::{TimeZone, Utc};
    /// use incident_model::{Incident, IncidentStatus::*, Update};
    ///
    /// let at = |h| Utc.with_ymd_and_hms(2020, 3, 16, h, 0, 0).unwrap();
    /// let mut incident = Incident::builder("x").update(Update::new(Resolved, at(10))).build()?;
    /// let update = Update::new(Investigating, at(11)).with_body("It is back.");
    /// let refused = incident.try_apply(update).unwrap_err(); // resolved is terminal
    /// incident.reopen(refused.update)?; // the same update, as a reopen
    /// assert_eq!(incident.last_update().body(), "It is back.");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn try_apply(&mut self, update: Update<S>) -> Result<(), Box<Refused<S>>> {
        let update = update.with_derived_id(&self.id, self.updates.len());
        if self.ids.is_none() && self.updates.len() >= INDEX_FROM {
            self.ids = Some(UpdateIds::of(&self.updates));
        }
        let ids = self.ids.as_ref();
        let position = match builder::insertion(&self.id, &self.updates, ids, &self.policy, &update)
        {
            Ok(position) => position,
            Err(error) => return Err(Box::new(Refused { error, update })),
        };
        if let Some(ids) = &mut self.ids {
            ids.insert(update.id());
        }
        self.updates.insert(position, update);
        Ok(())
    }

    /// Reopens the event with `update`: [`Event::apply`] with the update marked as
    /// a reopen ([`Update::reopening`]). The event's policy must allow the move out
    /// of its closed status (`standard` does, `strict` does not).
    ///
    /// # Errors
    ///
    /// As [`Event::apply`]; in particular [`Refusal::NothingToReopen`] if the
    /// status before the update is not closed.
    ///
    /// [`Refusal::NothingToReopen`]: crate::Refusal::NothingToReopen
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::{TimeZone, Utc};
    /// use incident_model::{Incident, IncidentStatus::*, Update};
    ///
    /// let at = |h| Utc.with_ymd_and_hms(2020, 3, 16, h, 0, 0).unwrap();
    /// let mut incident = Incident::builder("x")
    ///     .update(Update::new(Investigating, at(10)))
    ///     .update(Update::new(Resolved, at(11)))
    ///     .build()?;
    /// assert!(incident.apply(Update::new(Investigating, at(12))).is_err());
    /// incident.reopen(Update::new(Investigating, at(12)))?;
    /// assert!(incident.is_open());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn reopen(&mut self, update: Update<S>) -> Result<(), ValidationError<S>> {
        self.apply(update.reopening())
    }

    /// Checks the event under another policy and, if every move passes, returns it
    /// under that policy.
    ///
    /// # Errors
    ///
    /// [`Violations`] listing *every* refused move, not only the first.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::{TimeZone, Utc};
    /// use incident_model::{Incident, IncidentStatus::*, Policy, Update};
    ///
    /// let at = |h| Utc.with_ymd_and_hms(2020, 3, 16, h, 0, 0).unwrap();
    /// let incident = Incident::builder("x")
    ///     .update(Update::new(Monitoring, at(10)))
    ///     .update(Update::new(Investigating, at(11)))
    ///     .build()?;
    /// assert!(incident.clone().revalidate(Policy::strict()).is_err());
    /// let permissive = incident.revalidate(Policy::permissive())?;
    /// assert_eq!(permissive.policy(), Policy::permissive());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn revalidate(mut self, policy: Policy<S>) -> Result<Self, Violations<S>> {
        let errors = self.violations(&policy);
        if errors.is_empty() {
            self.policy = policy;
            Ok(self)
        } else {
            Err(Violations::new(self.id, policy.preset(), errors))
        }
    }

    /// Every violation of `policy` by the event's updates, in update order (empty
    /// when the event would pass under `policy`).
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::{TimeZone, Utc};
    /// use incident_model::{Incident, IncidentStatus::*, Policy, Update};
    ///
    /// let at = |h| Utc.with_ymd_and_hms(2020, 3, 16, h, 0, 0).unwrap();
    /// let incident = Incident::builder("x")
    ///     .policy(Policy::permissive())
    ///     .update(Update::new(Postmortem, at(10)))
    ///     .build()?;
    /// assert_eq!(incident.violations(&Policy::standard()).len(), 1);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn violations(&self, policy: &Policy<S>) -> Vec<ValidationError<S>> {
        builder::refused_moves(&self.id, &self.updates, policy)
            .map(ValidationError::from)
            .collect()
    }

    /// The id.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::{TimeZone, Utc};
    /// use incident_model::{Incident, IncidentStatus, Update};
    /// let incident = Incident::builder("x")
    ///     .id("inc-1".parse()?)
    ///     .update(Update::new(IncidentStatus::Investigating, Utc.timestamp_opt(1_584_368_880, 0).unwrap()))
    ///     .build()?;
    /// assert_eq!(incident.id().as_str(), "inc-1");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn id(&self) -> &EventId {
        &self.id
    }

    /// The name (title).
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::{TimeZone, Utc};
    /// use incident_model::{Incident, IncidentStatus, Update};
    /// let incident = Incident::builder("Slow page loads")
    ///     .update(Update::new(IncidentStatus::Investigating, Utc.timestamp_opt(1_584_368_880, 0).unwrap()))
    ///     .build()?;
    /// assert_eq!(incident.name(), "Slow page loads");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The impact.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::{TimeZone, Utc};
    /// use incident_model::{Impact, Incident, IncidentStatus, Update};
    /// let incident = Incident::builder("x")
    ///     .impact(Impact::Major)
    ///     .update(Update::new(IncidentStatus::Investigating, Utc.timestamp_opt(1_584_368_880, 0).unwrap()))
    ///     .build()?;
    /// assert_eq!(incident.impact(), Impact::Major);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn impact(&self) -> Impact {
        self.impact
    }

    /// The components the event lists. The components its updates name are in
    /// their [`component_changes`](Update::component_changes).
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::{TimeZone, Utc};
    /// use incident_model::{Component, ComponentId, Incident, IncidentStatus, Update};
    /// let incident = Incident::builder("x")
    ///     .component(Component::new(ComponentId::new("api")?, "API"))
    ///     .update(Update::new(IncidentStatus::Investigating, Utc.timestamp_opt(1_584_368_880, 0).unwrap()))
    ///     .build()?;
    /// assert_eq!(incident.components()[0].name, "API");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn components(&self) -> &[Component] {
        &self.components
    }

    /// The declared start, if any.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::{Duration, TimeZone, Utc};
    /// use incident_model::{Incident, IncidentStatus, Update};
    /// let now = Utc.timestamp_opt(1_584_368_880, 0).unwrap();
    /// let incident = Incident::builder("x")
    ///     .started_at(now - Duration::minutes(30))
    ///     .update(Update::new(IncidentStatus::Investigating, now))
    ///     .build()?;
    /// assert_eq!(incident.started_at(), Some(now - Duration::minutes(30)));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn started_at(&self) -> Option<DateTime<Utc>> {
        self.started_at
    }

    /// The end of impact the platform declared, if any, kept beside the
    /// model's milestones: it may differ from [`Event::resolved_at`] (Google
    /// Cloud's `end`, which its reader fills and compares, reporting a
    /// difference), and no duration uses it. The crate's own format keeps it
    /// (`"declared_end"`); Statuspage has no such key.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::{Duration, TimeZone, Utc};
    /// use incident_model::{Incident, IncidentStatus::*, Update};
    /// let at = Utc.with_ymd_and_hms(2020, 3, 16, 14, 28, 0).unwrap();
    /// let incident = Incident::builder("x")
    ///     .declared_end(at + Duration::minutes(50))
    ///     .update(Update::new(Investigating, at))
    ///     .update(Update::new(Resolved, at + Duration::hours(1)))
    ///     .build()?;
    /// assert_eq!(incident.declared_end(), Some(at + Duration::minutes(50)));
    /// assert_eq!(incident.resolved_at(), Some(at + Duration::hours(1)));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn declared_end(&self) -> Option<DateTime<Utc>> {
        self.declared_end
    }

    /// When the event was created.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::{TimeZone, Utc};
    /// use incident_model::{Incident, IncidentStatus, Update};
    /// let now = Utc.timestamp_opt(1_584_368_880, 0).unwrap();
    /// let incident = Incident::builder("x").update(Update::new(IncidentStatus::Investigating, now)).build()?;
    /// assert_eq!(incident.created_at(), now); // the builder's default: the earliest update's
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn created_at(&self) -> DateTime<Utc> {
        self.created_at
    }

    /// The scheduled window (maintenances only).
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::{Duration, TimeZone, Utc};
    /// use incident_model::{Maintenance, MaintenanceStatus, Schedule, Update};
    /// let now = Utc.timestamp_opt(1_584_368_880, 0).unwrap();
    /// let maintenance = Maintenance::builder("Database upgrade")
    ///     .scheduled(Schedule::new(now, now + Duration::hours(2)))
    ///     .update(Update::new(MaintenanceStatus::Scheduled, now - Duration::days(2)))
    ///     .build()?;
    /// assert_eq!(maintenance.schedule().map(|s| s.length().num_hours()), Some(2));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn schedule(&self) -> Option<&Schedule> {
        self.schedule.as_ref()
    }

    /// The updates, in display order (never empty).
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::{TimeZone, Utc};
    /// use incident_model::{Incident, IncidentStatus, Update};
    /// let incident = Incident::builder("x").update(Update::new(IncidentStatus::Investigating, Utc.timestamp_opt(1_584_368_880, 0).unwrap())).build()?;
    /// assert_eq!(incident.updates().len(), 1);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn updates(&self) -> &[Update<S>] {
        &self.updates
    }

    /// The policy the event was built with and checks new updates against.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::{TimeZone, Utc};
    /// use incident_model::{Incident, IncidentStatus, Policy, Update};
    /// let incident = Incident::builder("x").update(Update::new(IncidentStatus::Investigating, Utc.timestamp_opt(1_584_368_880, 0).unwrap())).build()?;
    /// assert_eq!(incident.policy(), Policy::standard());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn policy(&self) -> Policy<S> {
        self.policy
    }

    /// The application's own data: labels, each a key and a text value
    /// (`severity`, `team`, a ticket), in key order. The model gives them no
    /// meaning and checks nothing of them; the crate's own format keeps them
    /// (`"labels": {"severity": "sev1"}`, left out when there are none), so
    /// they round-trip; the other formats have no place for them. Set them with
    /// [`EventBuilder::label`] or [`Event::labels_mut`].
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::{TimeZone, Utc};
    /// use incident_model::{Incident, IncidentStatus::*, Update};
    /// let at = Utc.with_ymd_and_hms(2020, 3, 16, 14, 28, 0).unwrap();
    /// let mut incident = Incident::builder("Slow page loads")
    ///     .label("severity", "sev2")
    ///     .update(Update::new(Identified, at))
    ///     .build()?;
    /// incident.labels_mut().insert("ticket".into(), "OPS-1234".into());
    /// assert_eq!(incident.labels().get("severity").map(String::as_str), Some("sev2"));
    /// # #[cfg(feature = "json")] {
    /// let json = incident.to_json();
    /// assert!(json.contains(r#""ticket": "OPS-1234""#));
    /// assert_eq!(Incident::from_json(&json)?, incident);
    /// # }
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn labels(&self) -> &BTreeMap<String, String> {
        &self.labels
    }

    /// The application's labels, to change (see [`Event::labels`]).
    ///
    /// # Example
    ///
    /// See [`Event::labels`].
    pub fn labels_mut(&mut self) -> &mut BTreeMap<String, String> {
        &mut self.labels
    }

    /// The last update in display order.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::{Duration, TimeZone, Utc};
    /// use incident_model::{Incident, IncidentStatus::*, Update};
    /// let now = Utc.timestamp_opt(1_584_368_880, 0).unwrap();
    /// let incident = Incident::builder("x")
    ///     .update(Update::new(Resolved, now).with_body("Fixed."))
    ///     .update(Update::new(Investigating, now - Duration::hours(1)))
    ///     .build()?;
    /// assert_eq!(incident.last_update().body(), "Fixed.");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    #[allow(clippy::missing_panics_doc)] // the update list is never empty
    pub fn last_update(&self) -> &Update<S> {
        match self.updates.last() {
            Some(update) => update,
            None => unreachable!("an event always has at least one update"),
        }
    }

    /// The current status: the status of the last update in display order.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::{TimeZone, Utc};
    /// use incident_model::{Incident, IncidentStatus, Update};
    /// let incident = Incident::builder("x").update(Update::new(IncidentStatus::Identified, Utc.timestamp_opt(1_584_368_880, 0).unwrap())).build()?;
    /// assert_eq!(incident.status(), IncidentStatus::Identified);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn status(&self) -> S {
        self.last_update().status()
    }

    /// Whether the current status is open.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::{TimeZone, Utc};
    /// use incident_model::{Incident, IncidentStatus, Update};
    /// let incident = Incident::builder("x").update(Update::new(IncidentStatus::Resolved, Utc.timestamp_opt(1_584_368_880, 0).unwrap())).build()?;
    /// assert!(!incident.is_open());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn is_open(&self) -> bool {
        self.status().is_open()
    }
}

impl<S: Lifecycle> EventBuilder<S> {
    /// Sorts the updates into display order (display time, then creation time,
    /// then the order they were added in), fills in the defaults and checks
    /// everything.
    ///
    /// # Errors
    ///
    /// As [`Event::from_parts`].
    ///
    /// # Example
    ///
    /// See [`EventBuilder`].
    pub fn build(self) -> Result<Event<S>, ValidationError<S>> {
        let (parts, policy) = self.assemble();
        Event::from_parts(parts, policy)
    }
}

/// An update [`Event::try_apply`] refused, handed back with the reason.
///
/// Passive data: the fields are public. Displays as its error.
///
/// # Example
///
/// See [`Event::try_apply`].
#[derive(Clone, PartialEq, Eq, Debug)]
#[non_exhaustive]
pub struct Refused<S> {
    /// Why the update was refused.
    pub error: ValidationError<S>,
    /// The update, as it was given (with the id derived for it, if it had none).
    pub update: Update<S>,
}

impl<S: Lifecycle> fmt::Display for Refused<S> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.error, f)
    }
}

impl<S: Lifecycle> std::error::Error for Refused<S> {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        Some(&self.error)
    }
}
