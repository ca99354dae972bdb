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

use core::fmt;
use core::ops::ControlFlow;
use std::collections::{HashMap, HashSet};

use chrono::{DateTime, Utc};

use crate::component::Component;
use crate::id::{ComponentId, EventId, UpdateId};
use crate::policy::{At, TransitionError};
use crate::policy::{Lifecycle, Policy};
use crate::status::{Impact, IncidentStatus, MaintenanceStatus};
use crate::time::rfc3339;
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
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct Event<S: Lifecycle> {
    pub(crate) id: EventId,
    pub(crate) name: String,
    pub(crate) impact: Impact,
    pub(crate) components: Vec<Component>,
    pub(crate) started_at: Option<DateTime<Utc>>,
    pub(crate) created_at: DateTime<Utc>,
    pub(crate) schedule: Option<Schedule>,
    pub(crate) updates: Vec<Update<S>>,
    pub(crate) policy: Policy<S>,
}

/// An incident: an [`Event`] over [`IncidentStatus`].
pub type Incident = Event<IncidentStatus>;
/// A scheduled maintenance: an [`Event`] over [`MaintenanceStatus`].
pub type Maintenance = Event<MaintenanceStatus>;

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
        serde(deserialize_with = "crate::formats::own::serde::time::scheduled_for")
    )]
    pub scheduled_for: DateTime<Utc>,
    /// When the maintenance is scheduled to end.
    #[cfg_attr(
        feature = "serde",
        serde(deserialize_with = "crate::formats::own::serde::time::scheduled_until")
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

/// The parts of an [`Event`], as plain data: what [`Event::into_parts`] gives and
/// [`Event::from_parts`] checks.
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
    /// When the event was created.
    pub created_at: DateTime<Utc>,
    /// The scheduled window (maintenances only).
    pub schedule: Option<Schedule>,
    /// The updates, in display order.
    pub updates: Vec<Update<S>>,
}

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
        EventBuilder {
            id: None,
            name: name.into(),
            impact: None,
            components: Vec::new(),
            started_at: None,
            created_at: None,
            schedule: None,
            updates: Vec::new(),
            policy: Policy::standard(),
        }
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
        let mut first_error = None;
        check_parts(&parts, &policy, |err| {
            first_error = Some(err);
            ControlFlow::Break(())
        });
        match first_error {
            Some(err) => Err(err),
            None => Ok(Event {
                id: parts.id,
                name: parts.name,
                impact: parts.impact,
                components: parts.components,
                started_at: parts.started_at,
                created_at: parts.created_at,
                schedule: parts.schedule,
                updates: parts.updates,
                policy,
            }),
        }
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
            created_at: self.created_at,
            schedule: self.schedule,
            updates: self.updates,
        }
    }

    /// Adds an update, checking its move under the event's policy. The update goes
    /// where display order puts it (after any update with the same display and
    /// creation time), and the moves into and out of it are checked.
    ///
    /// A move out of a closed status into an open one must be made with
    /// [`Event::reopen`].
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
        if let Some(first) = self.updates.iter().position(|u| u.id == update.id) {
            return Err(ValidationError::DuplicateUpdateId {
                incident: self.id.clone(),
                update: update.id,
                first,
                second: self.updates.len(),
            });
        }
        let key = update.order_key();
        let position = self.updates.partition_point(|u| u.order_key() <= key);
        let previous = position.checked_sub(1).and_then(|p| self.updates.get(p));
        self.check_move(previous, &update, position)?;
        if let Some(next) = self.updates.get(position) {
            self.check_move(Some(&update), next, position.saturating_add(1))?;
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
            Err(Violations {
                incident: self.id,
                policy: policy.name(),
                errors,
            })
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
        let mut errors = Vec::new();
        check_moves(&self.id, &self.updates, policy, |err| {
            errors.push(err);
            ControlFlow::Continue(())
        });
        errors
    }

    fn check_move(
        &self,
        previous: Option<&Update<S>>,
        update: &Update<S>,
        position: usize,
    ) -> Result<(), TransitionError<S>> {
        check_move(&self.id, &self.policy, previous, update, position)
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
        self.last_update().status
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

/// Builds an [`Event`]: set what you know, add updates in any order, then
/// [`build`](EventBuilder::build), which sorts the updates into display order and
/// checks everything.
///
/// Defaults: the id is minted ([`EventId::mint`]) at the creation time; the
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
#[derive(Clone, Debug)]
#[must_use = "a builder does nothing until `build` is called"]
pub struct EventBuilder<S: Lifecycle> {
    id: Option<EventId>,
    name: String,
    impact: Option<Impact>,
    components: Vec<Component>,
    started_at: Option<DateTime<Utc>>,
    created_at: Option<DateTime<Utc>>,
    schedule: Option<Schedule>,
    updates: Vec<Update<S>>,
    policy: Policy<S>,
}

impl<S: Lifecycle> EventBuilder<S> {
    /// Sets the id (a foreign id, kept as it is).
    ///
    /// # Example
    ///
    /// See [`Event::id`].
    pub fn id(mut self, id: EventId) -> Self {
        self.id = Some(id);
        self
    }

    /// Sets the impact (an `impact_override`, in Statuspage's words).
    ///
    /// # Example
    ///
    /// See [`Event::impact`].
    pub fn impact(mut self, impact: Impact) -> Self {
        self.impact = Some(impact);
        self
    }

    /// Adds a component to the event's component list.
    ///
    /// # Example
    ///
    /// See [`Event::components`].
    pub fn component(mut self, component: Component) -> Self {
        self.components.push(component);
        self
    }

    /// Sets the declared start.
    ///
    /// # Example
    ///
    /// See [`Event::started_at`].
    pub fn started_at(mut self, started_at: DateTime<Utc>) -> Self {
        self.started_at = Some(started_at);
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
    /// See [`Event::violations`].
    pub fn policy(mut self, policy: Policy<S>) -> Self {
        self.policy = policy;
        self
    }

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
    pub fn build(mut self) -> Result<Event<S>, ValidationError<S>> {
        // A stable sort keeps the order of addition among equal keys.
        self.updates.sort_by_key(Update::order_key);
        let created_at = self
            .created_at
            .or_else(|| self.updates.iter().map(|u| u.created_at).min())
            .unwrap_or(DateTime::UNIX_EPOCH);
        let impact = self.impact.or(S::DEFAULT_IMPACT).unwrap_or_else(|| {
            Impact::calculated(
                None,
                self.updates
                    .iter()
                    .flat_map(|u| u.component_changes.iter().map(|c| c.new_status)),
            )
        });
        let parts = EventParts {
            id: self.id.unwrap_or_else(|| EventId::mint(created_at)),
            name: self.name,
            impact,
            components: self.components,
            started_at: self.started_at,
            created_at,
            schedule: self.schedule,
            updates: self.updates,
        };
        Event::from_parts(parts, self.policy)
    }
}

impl EventBuilder<MaintenanceStatus> {
    /// Sets the scheduled window of the maintenance.
    ///
    /// # Example
    ///
    /// See [`Event::schedule`].
    pub fn scheduled(mut self, schedule: Schedule) -> Self {
        self.schedule = Some(schedule);
        self
    }
}

/// Runs every check of [`Event::from_parts`], reporting each violation to `sink`
/// until it breaks.
fn check_parts<S: Lifecycle>(
    parts: &EventParts<S>,
    policy: &Policy<S>,
    mut sink: impl FnMut(ValidationError<S>) -> ControlFlow<()>,
) {
    let incident = &parts.id;
    if parts.updates.is_empty() {
        let _ = sink(ValidationError::NoUpdates {
            incident: incident.clone(),
        });
        return;
    }
    for (position, pair) in parts.updates.windows(2).enumerate() {
        if let [previous, update] = pair {
            if update.order_key() < previous.order_key() {
                let err = ValidationError::OutOfOrder {
                    incident: incident.clone(),
                    position: position.saturating_add(1),
                    update: update.id.clone(),
                    display_at: update.display_at,
                    created_at: update.created_at,
                    previous_display_at: previous.display_at,
                    previous_created_at: previous.created_at,
                };
                if sink(err).is_break() {
                    return;
                }
            }
        }
    }
    let mut seen = HashMap::with_capacity(parts.updates.len());
    for (position, update) in parts.updates.iter().enumerate() {
        if let Some(&first) = seen.get(update.id.as_str()) {
            let err = ValidationError::DuplicateUpdateId {
                incident: incident.clone(),
                update: update.id.clone(),
                first,
                second: position,
            };
            if sink(err).is_break() {
                return;
            }
        } else {
            seen.insert(update.id.as_str(), position);
        }
    }
    let mut components = HashSet::with_capacity(parts.components.len());
    for component in &parts.components {
        if !components.insert(component.id.as_str()) {
            let err = ValidationError::DuplicateComponent {
                incident: incident.clone(),
                component: component.id.clone(),
            };
            if sink(err).is_break() {
                return;
            }
        }
    }
    if let Some(schedule) = &parts.schedule {
        let err = if !S::HAS_SCHEDULE {
            Some(ValidationError::UnexpectedSchedule {
                incident: incident.clone(),
            })
        } else if schedule.scheduled_until < schedule.scheduled_for {
            Some(ValidationError::InvertedSchedule {
                incident: incident.clone(),
                scheduled_for: schedule.scheduled_for,
                scheduled_until: schedule.scheduled_until,
            })
        } else {
            None
        };
        if let Some(err) = err {
            if sink(err).is_break() {
                return;
            }
        }
    }
    check_moves(incident, &parts.updates, policy, sink);
}

/// Checks every move of `updates` (in display order) under `policy`.
fn check_moves<S: Lifecycle>(
    incident: &EventId,
    updates: &[Update<S>],
    policy: &Policy<S>,
    mut sink: impl FnMut(ValidationError<S>) -> ControlFlow<()>,
) {
    let mut previous = None;
    for (position, update) in updates.iter().enumerate() {
        if let Err(err) = check_move(incident, policy, previous, update, position) {
            if sink(err.into()).is_break() {
                return;
            }
        }
        previous = Some(update);
    }
}

/// Checks one move: from `previous` (none for a first update) to `update`, which
/// sits at `position`.
fn check_move<S: Lifecycle>(
    incident: &EventId,
    policy: &Policy<S>,
    previous: Option<&Update<S>>,
    update: &Update<S>,
    position: usize,
) -> Result<(), TransitionError<S>> {
    let from = previous.map(|u| u.status);
    match policy.check(from, update.status, update.reopen) {
        Ok(_) => Ok(()),
        Err(refusal) => Err(TransitionError {
            incident: incident.clone(),
            from,
            to: update.status,
            position,
            update: update.id.clone(),
            display_at: update.display_at,
            policy: policy.name(),
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
        incident: EventId,
    },
    /// An update comes before one that sorts before it (display time, then creation
    /// time): the list is not in display order.
    OutOfOrder {
        /// The incident or maintenance.
        incident: EventId,
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
        incident: EventId,
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
        incident: EventId,
        /// The component named twice.
        component: ComponentId,
    },
    /// The policy refused a move.
    Transition(TransitionError<S>),
    /// A maintenance's scheduled window ends before it starts.
    InvertedSchedule {
        /// The maintenance.
        incident: EventId,
        /// The scheduled start.
        scheduled_for: DateTime<Utc>,
        /// The scheduled end.
        scheduled_until: DateTime<Utc>,
    },
    /// An incident was given a scheduled window; only maintenances have one.
    UnexpectedSchedule {
        /// The incident.
        incident: EventId,
    },
}

impl<S: Lifecycle> fmt::Display for ValidationError<S> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let kind = S::KIND;
        match self {
            ValidationError::NoUpdates { incident } => {
                write!(
                    f,
                    "{kind} {:?} has no updates: at least one is required",
                    incident.as_str()
                )
            }
            ValidationError::OutOfOrder {
                incident,
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
                incident,
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
                incident,
                component,
            } => write!(
                f,
                "{kind} {:?}: component {:?} is listed twice in components",
                incident.as_str(),
                component.as_str()
            ),
            ValidationError::Transition(err) => fmt::Display::fmt(err, f),
            ValidationError::InvertedSchedule {
                incident,
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
            ValidationError::UnexpectedSchedule { incident } => write!(
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
/// assert!(violations.to_string().starts_with("2 violations of the strict policy in incident \"inc-2\""));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct Violations<S> {
    pub(crate) incident: EventId,
    pub(crate) policy: &'static str,
    pub(crate) errors: Vec<ValidationError<S>>,
}

impl<S> Violations<S> {
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
        write!(
            f,
            "{n} violation{} of the {} policy in {} {:?}",
            if n == 1 { "" } else { "s" },
            self.policy,
            S::KIND,
            self.incident.as_str()
        )?;
        for err in &self.errors {
            write!(f, "; {err}")?;
        }
        Ok(())
    }
}

impl<S: Lifecycle> std::error::Error for Violations<S> {}
