//! The compile-time lifecycle: a typestate API in which an illegal move cannot be
//! written.
//!
//! [`Typed<State>`](Typed) is an [`Incident`] or a [`Maintenance`] whose current
//! status is part of its type: a [`Typed<Resolved>`](Typed) is a resolved
//! incident. Its methods are exactly the moves [`Policy::standard`] allows out of
//! that status, so `resolved -> investigating` is not a runtime error but a method
//! that does not exist:
//!
//! ```compile_fail
//! # use chrono::{TimeZone, Utc};
//! # use incident_model::typed::{state::Resolved, Draft, Typed};
//! # let at = Utc.with_ymd_and_hms(2020, 3, 16, 21, 51, 0).unwrap();
//! let resolved = Typed::<Resolved>::start("Slow page loads", Draft::new(at));
//! resolved.investigating(Draft::new(at)); // no such method: reopen it instead
//! ```
//!
//! # When to use which API
//!
//! Use the **typed API** in code that *writes* incidents and knows, in each code
//! path, which status it announces: a chat bot's `/resolve` command, a status page
//! backend's "post update" handlers, a deploy hook that opens a maintenance. The
//! compiler then checks every move against the standard table, reopens are a
//! method of their own (`reopen_investigating`, ...), and a value that has moved
//! on cannot be moved again (each move takes `self`).
//!
//! Use the **runtime API** ([`Event::builder`], [`Event::apply`],
//! [`Event::reopen`]) when the status is only known at run time: data read from
//! JSON or from Statuspage, a status picked in a form, imports, and anything checked
//! under another policy ([`Policy::strict`], [`Policy::permissive`], a custom
//! table). The typed API knows only [`Policy::standard`].
//!
//! The two meet without loss: a typed value converts into the runtime value for
//! free ([`Typed::into_event`], `From`), and a runtime value in a known status
//! converts back with [`Typed::from_event`] (or `TryFrom`), which checks the status
//! and the policy. A handler that loads a stored incident matches on its status
//! once and is checked from there on:
//!
//! ```
//! # use chrono::{TimeZone, Utc};
//! use incident_model::typed::{state, Draft, Typed};
//! use incident_model::{Incident, IncidentStatus, Update};
//!
//! /// The bot's `/resolve` command: only an open incident can be resolved.
//! fn resolve(stored: Incident, draft: Draft) -> Result<Incident, Box<dyn std::error::Error>> {
//!     Ok(match stored.status() {
//!         IncidentStatus::Investigating => Typed::<state::Investigating>::try_from(stored)?.resolved(draft)?.into(),
//!         IncidentStatus::Identified => Typed::<state::Identified>::try_from(stored)?.resolved(draft)?.into(),
//!         IncidentStatus::Monitoring => Typed::<state::Monitoring>::try_from(stored)?.resolved(draft)?.into(),
//!         closed => return Err(format!("the incident is already {closed}").into()),
//!     })
//! }
//!
//! # let at = |h| Utc.with_ymd_and_hms(2020, 3, 16, h, 0, 0).unwrap();
//! let stored = Incident::builder("Slow page loads")
//!     .update(Update::new(IncidentStatus::Monitoring, at(17)))
//!     .build()?;
//! let resolved = resolve(stored, Draft::new(at(21)).with_body("Resolved."))?;
//! assert_eq!(resolved.status(), IncidentStatus::Resolved);
//! assert!(resolve(resolved, Draft::new(at(22))).is_err());
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! The markers live in [`state`] so that they do not clash with the variants of
//! [`IncidentStatus`] and [`MaintenanceStatus`]: import the module and write
//! `state::Monitoring` for the type, `IncidentStatus::Monitoring` for the value.
//!
//! # What can still fail
//!
//! The *transition* of a typed move never fails: its type proves it legal. A move
//! returns a `Result` for two things no type can know:
//!
//! - the update's display time (then creation time) sorts before the last
//!   update's: a typed move always appends, so the new update must come last in
//!   display order ([`ValidationError::OutOfOrder`]);
//! - the update's id is already used ([`ValidationError::DuplicateUpdateId`]); ids
//!   are minted unless you set one with [`Draft::with_id`].
//!
//! A failed move gives the value back unchanged ([`MoveError::into_typed`]).
//!
//! # Reopens
//!
//! A resolved or postmortem incident, or a completed maintenance, has no ordinary
//! move back to an open status: it has `reopen_*` methods, which record the update
//! as a reopen ([`Event::reopen`], [`Update::is_reopen`]).
//!
//! ```
//! # use chrono::{TimeZone, Utc};
//! use incident_model::typed::{state::{Completed, Resolved}, Draft, Typed};
//! use incident_model::{IncidentStatus, MaintenanceStatus};
//!
//! # let at = |h| Utc.with_ymd_and_hms(2020, 3, 16, h, 0, 0).unwrap();
//! let reopened = Typed::<Resolved>::start("Slow page loads", Draft::new(at(10)))
//!     .reopen_identified(Draft::new(at(11)).with_body("The slowness is back."))?;
//! assert_eq!(reopened.status(), IncidentStatus::Identified);
//! assert!(reopened.event().last_update().is_reopen());
//!
//! let reopened = Typed::<Completed>::start("Database upgrade", Draft::new(at(10)))
//!     .reopen_in_progress(Draft::new(at(11)))?;
//! assert_eq!(reopened.status(), MaintenanceStatus::InProgress);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # One source of truth
//!
//! The typed moves are generated by a macro from an edge list in this module. At
//! compile time, the crate checks that the edge list, read as a table, *equals*
//! [`Policy::standard`] for incidents and for maintenances (moves and first
//! statuses), that exactly the moves out of a closed status into an open one are
//! reopens, and that each method is named after the status it moves to (its wire
//! name, after `reopen_` for a reopen). Adding or removing an edge in one place without the other
//! fails the build; the test suite also walks every `(from, to)` pair.
//!
//! # Example: the 16 March 2020 incident
//!
//! A telemedicine service was flooded with sign-ups (times in EDT, UTC-4). The
//! typed value converts into the very incident the runtime builder makes:
//!
//! ```
//! # use chrono::{TimeZone, Utc};
//! use incident_model::typed::{state, Draft, Typed};
//! use incident_model::{
//!     Component, ComponentChange, ComponentId, ComponentStatus::*, Incident, IncidentStatus::*, Update,
//! };
//!
//! let edt = |h: u32, m: u32| Utc.with_ymd_and_hms(2020, 3, 16, h + 4, m, 0).unwrap();
//! # let api = ComponentId::new("api")?;
//! let slow = ComponentChange::new(api.clone(), "API", Operational, DegradedPerformance);
//! let fast = ComponentChange::new(api.clone(), "API", DegradedPerformance, Operational);
//! let bodies = [
//!     "Sign-ups are pouring in and pages load slowly; we are adding servers.",
//!     "New capacity is live and we are watching load times.",
//!     "Load times have been normal for hours. Resolved.",
//!     "Our postmortem is published.",
//! ];
//!
//! // Each step is a method of the current state; `?` only guards time order and ids.
//! // The markers (`state::Identified`) are types; `Identified` is the runtime status.
//! let typed = Typed::<state::Identified>::start(
//!     "Slow page loads",
//!     Draft::new(edt(10, 28)).with_id("u1".parse()?).with_body(bodies[0]).with_change(slow.clone()),
//! )
//! .with_id("tm-2020-03-16".parse()?)
//! .with_component(Component::new(api.clone(), "API"))?
//! .monitoring(Draft::new(edt(13, 42)).with_id("u2".parse()?).with_body(bodies[1]))?
//! .resolved(Draft::new(edt(17, 51)).with_id("u3".parse()?).with_body(bodies[2]).with_change(fast.clone()))?
//! .postmortem(Draft::new(edt(17, 53)).with_id("u4".parse()?).with_body(bodies[3]))?;
//! let incident: Incident = typed.into();
//!
//! // The runtime builder, from the same updates.
//! let runtime = Incident::builder("Slow page loads")
//!     .id("tm-2020-03-16".parse()?)
//!     .component(Component::new(api, "API"))
//!     .update(Update::new(Identified, edt(10, 28)).with_id("u1".parse()?).with_body(bodies[0]).with_change(slow))
//!     .update(Update::new(Monitoring, edt(13, 42)).with_id("u2".parse()?).with_body(bodies[1]))
//!     .update(Update::new(Resolved, edt(17, 51)).with_id("u3".parse()?).with_body(bodies[2]).with_change(fast))
//!     .update(Update::new(Postmortem, edt(17, 53)).with_id("u4".parse()?).with_body(bodies[3]))
//!     .build()?;
//! assert_eq!(incident, runtime);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! [`Incident`]: crate::Incident
//! [`Maintenance`]: crate::Maintenance

use core::fmt;
use core::marker::PhantomData;

use chrono::{DateTime, Utc};

use crate::builder::{self, EventBuilder, Schedule, ValidationError, Violations};
use crate::component::Component;
use crate::event::Event;
use crate::id::{EventId, UpdateId};
use crate::policy::{Lifecycle, Policy};
use crate::status::{Impact, IncidentStatus, MaintenanceStatus};
use crate::update::{ComponentChange, Update};

mod sealed {
    pub trait Sealed {}
}

/// A state of the compile-time lifecycle: one zero-sized marker per status, in
/// [`state`].
///
/// The trait is sealed: the markers are exactly the statuses of the two
/// lifecycles.
///
/// # Example
///
/// ```
/// use incident_model::typed::{state::InProgress, State};
/// use incident_model::MaintenanceStatus;
///
/// fn status_of<T: State>() -> T::Lifecycle {
///     T::STATUS
/// }
/// assert_eq!(status_of::<InProgress>(), MaintenanceStatus::InProgress);
/// ```
pub trait State:
    sealed::Sealed + Copy + Eq + core::hash::Hash + fmt::Debug + Default + Send + Sync + 'static
{
    /// The lifecycle: [`IncidentStatus`] or [`MaintenanceStatus`].
    type Lifecycle: Lifecycle;
    /// The runtime status of the state.
    const STATUS: Self::Lifecycle;
}

/// A state an incident or maintenance may start in: the first statuses
/// [`Policy::standard`] allows (every incident status but postmortem; every
/// maintenance status).
///
/// # Example
///
/// ```
/// use incident_model::typed::{state::Resolved, Start};
/// fn startable<T: Start>() {}
/// startable::<Resolved>(); // a backfilled incident starts resolved
/// ```
pub trait Start: State {}

/// The zero-sized state markers, one per status of both lifecycles.
///
/// They live in their own module so that they do not clash with the variants of
/// [`IncidentStatus`] and [`MaintenanceStatus`] in user code: write
/// `typed::state::Resolved` or import the few you need.
pub mod state {
    use crate::status::{IncidentStatus, MaintenanceStatus};

    macro_rules! markers {
        ($( $L:ident :: $name:ident, $what:literal; )+) => {$(
            #[doc = concat!("The state of ", $what, " whose status is `", stringify!($name), "`.")]
            ///
            /// # Example
            ///
            /// ```
            #[doc = concat!("use incident_model::typed::{state::", stringify!($name), ", State};")]
            #[doc = concat!("use incident_model::", stringify!($L), ";")]
            #[doc = concat!("assert_eq!(", stringify!($name), "::STATUS, ", stringify!($L), "::", stringify!($name), ");")]
            /// ```
            #[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Debug, Default)]
            pub struct $name;

            impl super::sealed::Sealed for $name {}

            impl super::State for $name {
                type Lifecycle = $L;
                const STATUS: $L = $L::$name;
            }
        )+};
    }

    markers! {
        IncidentStatus::Investigating, "an incident";
        IncidentStatus::Identified, "an incident";
        IncidentStatus::Monitoring, "an incident";
        IncidentStatus::Resolved, "an incident";
        IncidentStatus::Postmortem, "an incident";
        MaintenanceStatus::Scheduled, "a maintenance";
        MaintenanceStatus::InProgress, "a maintenance";
        MaintenanceStatus::Verifying, "a maintenance";
        MaintenanceStatus::Completed, "a maintenance";
    }
}

/// An update without its status: what a typed move takes. The move supplies the
/// status, so a draft cannot contradict the state it leads to.
///
/// Like [`Update::new`]: the id is minted at the display time unless set, and the
/// creation time is the display time unless set.
///
/// # Example
///
/// ```
/// # use chrono::{TimeZone, Utc};
/// use incident_model::typed::{state::Investigating, Draft, Typed};
/// use incident_model::{ComponentChange, ComponentId, ComponentStatus::*};
///
/// # let at = Utc.with_ymd_and_hms(2020, 3, 16, 14, 28, 0).unwrap();
/// let draft = Draft::new(at)
///     .with_id("u1".parse()?)
///     .with_body("Pages load slowly.")
///     .with_change(ComponentChange::new(ComponentId::new("api")?, "API", Operational, DegradedPerformance));
/// let typed = Typed::<Investigating>::start("Slow page loads", draft);
/// let update = typed.event().last_update();
/// assert_eq!((update.id().as_str(), update.body()), ("u1", "Pages load slowly."));
/// assert_eq!(update.component_changes().len(), 1);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, PartialEq, Eq, Hash, Debug)]
#[must_use = "a draft does nothing until a typed move takes it"]
pub struct Draft {
    id: Option<UpdateId>,
    body: String,
    display_at: DateTime<Utc>,
    created_at: Option<DateTime<Utc>>,
    changes: Vec<ComponentChange>,
}

impl Draft {
    /// A draft displayed at `display_at`, with an empty body and no component
    /// change.
    ///
    /// # Example
    ///
    /// ```
    /// # use chrono::{TimeZone, Utc};
    /// # use incident_model::typed::{state::Investigating, Draft, Typed};
    /// # let at = |h: u32| Utc.with_ymd_and_hms(2020, 3, 16, h, 0, 0).unwrap();
    /// let typed = Typed::<Investigating>::start("x", Draft::new(at(10)));
    /// let update = typed.event().last_update();
    /// assert_eq!(update.display_at(), at(10));
    /// assert_eq!(update.created_at(), at(10)); // written when displayed, by default
    /// assert_eq!(update.body(), "");
    /// assert!(update.component_changes().is_empty());
    /// ```
    pub fn new(display_at: DateTime<Utc>) -> Self {
        Draft {
            id: None,
            body: String::new(),
            display_at,
            created_at: None,
            changes: Vec::new(),
        }
    }

    /// The same draft with the given id (default: minted, [`UpdateId::mint`]).
    ///
    /// # Example
    ///
    /// ```
    /// # use chrono::{TimeZone, Utc};
    /// # use incident_model::typed::{state::Investigating, Draft, Typed};
    /// # let at = |h: u32| Utc.with_ymd_and_hms(2020, 3, 16, h, 0, 0).unwrap();
    /// let typed = Typed::<Investigating>::start("x", Draft::new(at(10)).with_id("u1".parse()?));
    /// assert_eq!(typed.event().last_update().id().as_str(), "u1");
    /// // Ids are unique within an event.
    /// let err = typed.identified(Draft::new(at(11)).with_id("u1".parse()?)).unwrap_err();
    /// assert!(matches!(err.error(), incident_model::ValidationError::DuplicateUpdateId { .. }));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn with_id(mut self, id: UpdateId) -> Self {
        self.id = Some(id);
        self
    }

    /// The same draft with the given body text.
    ///
    /// # Example
    ///
    /// ```
    /// # use chrono::{TimeZone, Utc};
    /// # use incident_model::typed::{state::Investigating, Draft, Typed};
    /// # let at = |h: u32| Utc.with_ymd_and_hms(2020, 3, 16, h, 0, 0).unwrap();
    /// let draft = Draft::new(at(10)).with_body("Draft.").with_body("We are investigating.");
    /// let typed = Typed::<Investigating>::start("x", draft);
    /// assert_eq!(typed.event().last_update().body(), "We are investigating."); // the last one wins
    /// ```
    pub fn with_body(mut self, body: impl Into<String>) -> Self {
        self.body = body.into();
        self
    }

    /// The same draft written at `created_at` (default: the display time).
    ///
    /// # Example
    ///
    /// ```
    /// # use chrono::{Duration, TimeZone, Utc};
    /// # use incident_model::typed::{state::Resolved, Draft, Typed};
    /// let shown = Utc.with_ymd_and_hms(2020, 3, 16, 21, 51, 0).unwrap();
    /// let typed = Typed::<Resolved>::start("x", Draft::new(shown).with_created_at(shown + Duration::hours(1)));
    /// assert!(typed.event().last_update().is_backdated());
    /// ```
    pub fn with_created_at(mut self, created_at: DateTime<Utc>) -> Self {
        self.created_at = Some(created_at);
        self
    }

    /// The same draft, announcing one more component change.
    ///
    /// # Example
    ///
    /// ```
    /// # use chrono::{TimeZone, Utc};
    /// # use incident_model::typed::{state::Investigating, Draft, Typed};
    /// # use incident_model::{ComponentChange, ComponentId, ComponentStatus::*, Impact};
    /// # let at = |h: u32| Utc.with_ymd_and_hms(2020, 3, 16, h, 0, 0).unwrap();
    /// let api = ComponentChange::new(ComponentId::new("api")?, "API", Operational, PartialOutage);
    /// let db = ComponentChange::new(ComponentId::new("db")?, "Database", Operational, MajorOutage);
    /// let typed = Typed::<Investigating>::start("x", Draft::new(at(10)).with_change(api).with_change(db));
    /// assert_eq!(typed.event().last_update().component_changes().len(), 2);
    /// assert_eq!(typed.event().impact(), Impact::Critical); // calculated from the changes
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn with_change(mut self, change: ComponentChange) -> Self {
        self.changes.push(change);
        self
    }

    /// The update this draft makes with `status`.
    fn into_update<S: Lifecycle>(self, status: S) -> Update<S> {
        let mut update = Update::new(status, self.display_at).with_body(self.body);
        if let Some(id) = self.id {
            update = update.with_id(id);
        }
        if let Some(created_at) = self.created_at {
            update = update.with_created_at(created_at);
        }
        self.changes.into_iter().fold(update, Update::with_change)
    }
}

/// An incident or maintenance in the status `T`: its methods are the moves
/// [`Policy::standard`] allows out of `T`. See the [module documentation](self).
///
/// The value wraps a runtime [`Event`] under [`Policy::standard`], whose status is
/// always `T::STATUS`. Read it with [`Typed::event`]; turn it into the runtime
/// value with [`Typed::into_event`] or `From`.
///
/// Every typed value is made by the runtime builder ([`Event::builder`]) from
/// what was set and the updates so far, so it gets the builder's defaults and
/// refuses what the builder refuses: unless set explicitly the impact is
/// calculated from all the updates' component changes (incidents) or is
/// `maintenance` (maintenances), and the creation time is the earliest creation
/// time of the updates; the id is minted unless set.
///
/// # Example
///
/// ```
/// # use chrono::{Duration, TimeZone, Utc};
/// use incident_model::typed::{state::Scheduled, Draft, Typed};
/// use incident_model::{Maintenance, MaintenanceStatus, Schedule};
///
/// # let at = Utc.with_ymd_and_hms(2020, 12, 17, 9, 0, 0).unwrap();
/// let window = Schedule::new(at, at + Duration::hours(2));
/// let done = Typed::<Scheduled>::start("Database upgrade", Draft::new(at - Duration::days(2)))
///     .with_schedule(window)?
///     .in_progress(Draft::new(at))?
///     .verifying(Draft::new(at + Duration::minutes(90)))?
///     .completed(Draft::new(at + Duration::minutes(110)))?;
/// let maintenance: Maintenance = done.into();
/// assert_eq!(maintenance.status(), MaintenanceStatus::Completed);
/// assert_eq!(maintenance.updates().len(), 4);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct Typed<T: State> {
    /// What was set, and every update: `event` is this, built.
    recipe: EventBuilder<T::Lifecycle>,
    event: Event<T::Lifecycle>,
    state: PhantomData<T>,
}

impl<T: Start> Typed<T> {
    /// A new incident or maintenance named `name`, whose first update is `first`
    /// with the status of `T`. Only the states [`Policy::standard`] allows first
    /// have it ([`Start`]): an incident cannot start in postmortem.
    ///
    /// # Example
    ///
    /// ```
    /// # use chrono::{TimeZone, Utc};
    /// # use incident_model::typed::{state::Investigating, Draft, Typed};
    /// # use incident_model::IncidentStatus;
    /// # let now = Utc.with_ymd_and_hms(2020, 3, 16, 14, 28, 0).unwrap();
    /// let typed = Typed::<Investigating>::start("Login errors", Draft::new(now));
    /// assert_eq!(typed.status(), IncidentStatus::Investigating);
    /// assert_eq!(typed.event().name(), "Login errors");
    /// ```
    pub fn start(name: impl Into<String>, first: Draft) -> Self {
        // One update whose status the table allows first (checked at compile time
        // below): the builder refuses nothing.
        Self::accepted(Event::builder(name).update(first.into_update(T::STATUS)))
    }
}

impl<T: State> Typed<T> {
    /// Takes a runtime value whose current status is `T`'s. The typed value's
    /// policy is always [`Policy::standard`]: a value built under another policy
    /// is re-checked under `standard` and taken if it passes. Its impact and
    /// creation time are kept as they are (later moves do not recalculate them).
    ///
    /// # Errors
    ///
    /// [`StateError::StateMismatch`] if the status is not `T`'s;
    /// [`StateError::NotStandard`] if the value breaks [`Policy::standard`].
    ///
    /// # Example
    ///
    /// ```
    /// # use chrono::{TimeZone, Utc};
    /// # use incident_model::typed::{state::{Monitoring, Resolved}, Draft, StateError, Typed};
    /// # use incident_model::{Incident, IncidentStatus, Update};
    ///
    /// # let at = |h| Utc.with_ymd_and_hms(2020, 3, 16, h, 0, 0).unwrap();
    /// let incident = Incident::builder("Slow page loads")
    ///     .id("inc-7".parse()?)
    ///     .update(Update::new(IncidentStatus::Monitoring, at(17)))
    ///     .build()?;
    /// let err = Typed::<Resolved>::from_event(incident.clone()).unwrap_err();
    /// assert_eq!(err.to_string(), "incident \"inc-7\" is monitoring, not resolved");
    /// let resolved = Typed::<Monitoring>::from_event(incident)?.resolved(Draft::new(at(21)))?;
    /// assert_eq!(resolved.event().updates().len(), 2);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn from_event(event: Event<T::Lifecycle>) -> Result<Self, StateError<T::Lifecycle>> {
        let actual = event.status();
        if actual != T::STATUS {
            return Err(StateError::StateMismatch {
                event: event.id().clone(),
                expected: T::STATUS,
                actual,
            });
        }
        let standard = Policy::standard();
        let event = if event.policy() == standard {
            event
        } else {
            event
                .revalidate(standard)
                .map_err(StateError::NotStandard)?
        };
        Ok(Typed {
            recipe: EventBuilder::seeded(event.clone().into_parts(), standard),
            event,
            state: PhantomData,
        })
    }

    /// Builds `recipe` into a typed value; the id of the built value (minted
    /// unless set) stays in the recipe from then on.
    ///
    /// The caller knows the status of the last update is `T`'s.
    fn built(recipe: EventBuilder<T::Lifecycle>) -> Result<Self, ValidationError<T::Lifecycle>> {
        let event = recipe.clone().build()?;
        Ok(Typed {
            recipe: recipe.id(event.id().clone()),
            event,
            state: PhantomData,
        })
    }

    /// Builds a recipe the builder cannot refuse: a valid one changed only in what
    /// the builder never checks (an id, an impact, a time), or a first update of a
    /// [`Start`] state.
    fn accepted(recipe: EventBuilder<T::Lifecycle>) -> Self {
        match Self::built(recipe) {
            Ok(typed) => typed,
            Err(_) => unreachable!("the builder refused a change it never checks"),
        }
    }

    /// The runtime value, to read: name, updates, milestones, ...
    ///
    /// # Example
    ///
    /// ```
    /// # use chrono::{TimeZone, Utc};
    /// # use incident_model::typed::{state::Investigating, Draft, Typed};
    /// # let at = |h: u32| Utc.with_ymd_and_hms(2020, 3, 16, h, 0, 0).unwrap();
    /// let typed = Typed::<Investigating>::start("Login errors", Draft::new(at(10)))
    ///     .identified(Draft::new(at(11)))?;
    /// let event = typed.event();
    /// assert_eq!(event.name(), "Login errors");
    /// assert_eq!(event.updates().len(), 2);
    /// assert_eq!(event.identified_at(), Some(at(11)));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn event(&self) -> &Event<T::Lifecycle> {
        &self.event
    }

    /// The runtime value (also `From<Typed<T>>`). Never fails: the typed value is
    /// a valid event under [`Policy::standard`].
    ///
    /// # Example
    ///
    /// ```
    /// # use chrono::{TimeZone, Utc};
    /// # use incident_model::typed::{state::Resolved, Draft, Typed};
    /// # use incident_model::{Incident, Policy};
    /// # let now = Utc.with_ymd_and_hms(2020, 3, 16, 14, 28, 0).unwrap();
    /// let incident: Incident = Typed::<Resolved>::start("Backfilled", Draft::new(now)).into_event();
    /// assert!(!incident.is_open());
    /// assert_eq!(incident.policy(), Policy::standard());
    /// ```
    #[must_use]
    pub fn into_event(self) -> Event<T::Lifecycle> {
        self.event
    }

    /// The current status: always `T::STATUS`.
    ///
    /// # Example
    ///
    /// ```
    /// # use chrono::{TimeZone, Utc};
    /// # use incident_model::typed::{state::{Monitoring, Scheduled}, Draft, Typed};
    /// # use incident_model::{IncidentStatus, MaintenanceStatus};
    /// # let at = |h: u32| Utc.with_ymd_and_hms(2020, 3, 16, h, 0, 0).unwrap();
    /// let monitoring = Typed::<Monitoring>::start("x", Draft::new(at(10)));
    /// assert_eq!(monitoring.status(), IncidentStatus::Monitoring);
    /// assert_eq!(monitoring.status(), monitoring.event().status());
    /// let resolved = monitoring.resolved(Draft::new(at(11)))?;
    /// assert_eq!(resolved.status(), IncidentStatus::Resolved);
    /// assert_eq!(Typed::<Scheduled>::start("y", Draft::new(at(9))).status(), MaintenanceStatus::Scheduled);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn status(&self) -> T::Lifecycle {
        T::STATUS
    }

    /// The same value with the given id (a foreign id, kept as it is; default:
    /// minted at the creation time).
    ///
    /// # Example
    ///
    /// ```
    /// # use chrono::{TimeZone, Utc};
    /// # use incident_model::typed::{state::Investigating, Draft, Typed};
    /// # let at = |h: u32| Utc.with_ymd_and_hms(2020, 3, 16, h, 0, 0).unwrap();
    /// let typed = Typed::<Investigating>::start("x", Draft::new(at(10)))
    ///     .with_id("01HZX3K8Q9".parse()?);
    /// assert_eq!(typed.event().id().as_str(), "01HZX3K8Q9");
    /// // Kept through later moves.
    /// let typed = typed.resolved(Draft::new(at(11)))?;
    /// assert_eq!(typed.event().id().as_str(), "01HZX3K8Q9");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn with_id(self, id: EventId) -> Self {
        Self::accepted(self.recipe.id(id))
    }

    /// The same value with the given impact (an `impact_override`); it is no
    /// longer calculated from the component changes.
    ///
    /// # Example
    ///
    /// ```
    /// # use chrono::{TimeZone, Utc};
    /// # use incident_model::typed::{state::Identified, Draft, Typed};
    /// # use incident_model::Impact;
    /// # let now = Utc.with_ymd_and_hms(2020, 3, 16, 14, 28, 0).unwrap();
    /// let typed = Typed::<Identified>::start("x", Draft::new(now)).with_impact(Impact::Major);
    /// assert_eq!(typed.event().impact(), Impact::Major);
    /// ```
    #[must_use]
    pub fn with_impact(self, impact: Impact) -> Self {
        Self::accepted(self.recipe.impact(impact))
    }

    /// The same value with `component` added to its component list.
    ///
    /// # Errors
    ///
    /// [`ValidationError::DuplicateComponent`] if the list already names a
    /// component with the same id, as the builder refuses it.
    ///
    /// # Example
    ///
    /// ```
    /// # use chrono::{TimeZone, Utc};
    /// # use incident_model::typed::{state::Identified, Draft, Typed};
    /// # use incident_model::{Component, ComponentId, ValidationError};
    /// # let api = ComponentId::new("api")?;
    /// # let now = Utc.with_ymd_and_hms(2020, 3, 16, 14, 28, 0).unwrap();
    /// let typed = Typed::<Identified>::start("x", Draft::new(now))
    ///     .with_component(Component::new(api.clone(), "API"))?;
    /// assert_eq!(typed.event().components().len(), 1);
    /// let err = typed.with_component(Component::new(api, "Api")).unwrap_err();
    /// assert!(matches!(err, ValidationError::DuplicateComponent { .. }));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn with_component(
        self,
        component: Component,
    ) -> Result<Self, ValidationError<T::Lifecycle>> {
        Self::built(self.recipe.component(component))
    }

    /// The same value with the given declared start.
    ///
    /// # Example
    ///
    /// ```
    /// # use chrono::{Duration, TimeZone, Utc};
    /// # use incident_model::typed::{state::Identified, Draft, Typed};
    /// # let now = Utc.with_ymd_and_hms(2020, 3, 16, 14, 28, 0).unwrap();
    /// let typed = Typed::<Identified>::start("x", Draft::new(now)).with_started_at(now - Duration::minutes(20));
    /// assert_eq!(typed.event().opened_at(), now - Duration::minutes(20));
    /// ```
    #[must_use]
    pub fn with_started_at(self, started_at: DateTime<Utc>) -> Self {
        Self::accepted(self.recipe.started_at(started_at))
    }

    /// The same value with the given creation time; it no longer follows the
    /// updates' creation times.
    ///
    /// # Example
    ///
    /// ```
    /// # use chrono::{Duration, TimeZone, Utc};
    /// # use incident_model::typed::{state::Identified, Draft, Typed};
    /// # let now = Utc.with_ymd_and_hms(2020, 3, 16, 14, 28, 0).unwrap();
    /// let typed = Typed::<Identified>::start("x", Draft::new(now)).with_created_at(now - Duration::minutes(5));
    /// assert_eq!(typed.event().created_at(), now - Duration::minutes(5));
    /// ```
    #[must_use]
    pub fn with_created_at(self, created_at: DateTime<Utc>) -> Self {
        Self::accepted(self.recipe.created_at(created_at))
    }

    /// The same value with the application's label `key` set to `value`
    /// (see [`Event::labels`]).
    ///
    /// # Example
    ///
    /// ```
    /// # use chrono::{TimeZone, Utc};
    /// # use incident_model::typed::{state::Identified, Draft, Typed};
    /// # let now = Utc.with_ymd_and_hms(2020, 3, 16, 14, 28, 0).unwrap();
    /// let typed = Typed::<Identified>::start("x", Draft::new(now)).with_label("severity", "sev2");
    /// assert_eq!(typed.event().labels()["severity"], "sev2");
    /// ```
    #[must_use]
    pub fn with_label(self, key: impl Into<String>, value: impl Into<String>) -> Self {
        Self::accepted(self.recipe.label(key, value))
    }

    /// Appends `draft` with the status of `To`, through the builder. The
    /// transition itself is legal (the caller is a generated method of an edge of
    /// the standard table); the update must come last in display order, and the
    /// builder checks the rest as for any update.
    fn step<To>(self, draft: Draft, reopen: bool) -> Result<Typed<To>, MoveError<T>>
    where
        To: State<Lifecycle = T::Lifecycle>,
    {
        let update = draft.into_update(To::STATUS);
        if let Err(error) = builder::check_appended(self.event.id(), self.event.updates(), &update)
        {
            return Err(MoveError::new(self, error));
        }
        let recipe = self.recipe.clone();
        let recipe = if reopen {
            recipe.reopen(update)
        } else {
            recipe.update(update)
        };
        Typed::built(recipe).map_err(|error| MoveError::new(self, error))
    }
}

impl<T: State<Lifecycle = MaintenanceStatus>> Typed<T> {
    /// The same maintenance with the given scheduled window.
    ///
    /// # Errors
    ///
    /// [`ValidationError::InvertedSchedule`] if the window ends before it
    /// starts.
    ///
    /// # Example
    ///
    /// ```
    /// # use chrono::{Duration, TimeZone, Utc};
    /// # use incident_model::typed::{state::Scheduled, Draft, Typed};
    /// # use incident_model::{Schedule, ValidationError};
    /// # let at = Utc.with_ymd_and_hms(2020, 12, 17, 9, 0, 0).unwrap();
    /// let window = Schedule::new(at, at + Duration::hours(2));
    /// let typed = Typed::<Scheduled>::start("Database upgrade", Draft::new(at - Duration::days(2)))
    ///     .with_schedule(window)?;
    /// assert_eq!(typed.event().schedule(), Some(&window));
    /// let inverted = Schedule::new(at, at - Duration::hours(2));
    /// let err = typed.with_schedule(inverted).unwrap_err();
    /// assert!(matches!(err, ValidationError::InvertedSchedule { .. }));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn with_schedule(
        self,
        schedule: Schedule,
    ) -> Result<Self, ValidationError<MaintenanceStatus>> {
        Self::built(self.recipe.scheduled(schedule))
    }
}

impl<T: State> From<Typed<T>> for Event<T::Lifecycle> {
    /// [`Typed::into_event`].
    fn from(typed: Typed<T>) -> Self {
        typed.into_event()
    }
}

impl<T: State> AsRef<Event<T::Lifecycle>> for Typed<T> {
    /// [`Typed::event`].
    fn as_ref(&self) -> &Event<T::Lifecycle> {
        &self.event
    }
}

impl<T: State> TryFrom<Event<T::Lifecycle>> for Typed<T> {
    type Error = StateError<T::Lifecycle>;

    /// [`Typed::from_event`].
    fn try_from(event: Event<T::Lifecycle>) -> Result<Self, Self::Error> {
        Typed::from_event(event)
    }
}

/// A typed move that was not made: the update sorts before the last one, or its
/// id is taken. Holds the value, unchanged, and the reason.
///
/// # Example
///
/// ```
/// # use chrono::{TimeZone, Utc};
/// use incident_model::typed::{state::Identified, Draft, Typed};
/// use incident_model::ValidationError;
///
/// # let at = |h| Utc.with_ymd_and_hms(2020, 3, 16, h, 0, 0).unwrap();
/// let identified = Typed::<Identified>::start("x", Draft::new(at(14)).with_id("u1".parse()?))
///     .with_id("inc-3".parse()?);
/// let err = identified.monitoring(Draft::new(at(13)).with_id("u2".parse()?)).unwrap_err();
/// assert!(matches!(err.error(), ValidationError::OutOfOrder { position: 1, .. }));
/// assert!(err.to_string().starts_with("incident \"inc-3\", updates[1] (id \"u2\""));
/// let identified = err.into_typed(); // nothing was lost
/// let err = identified.monitoring(Draft::new(at(15)).with_id("u1".parse()?)).unwrap_err();
/// assert!(matches!(err.into_error(), ValidationError::DuplicateUpdateId { .. }));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct MoveError<T: State> {
    // Boxed: the value and the reason are large, and `Ok` should stay small.
    failed: Box<Failed<T>>,
}

#[derive(Clone, PartialEq, Eq, Debug)]
struct Failed<T: State> {
    typed: Typed<T>,
    error: ValidationError<T::Lifecycle>,
}

impl<T: State> MoveError<T> {
    fn new(typed: Typed<T>, error: ValidationError<T::Lifecycle>) -> Self {
        MoveError {
            failed: Box::new(Failed { typed, error }),
        }
    }
}

impl<T: State> MoveError<T> {
    /// Why the move was not made: [`ValidationError::OutOfOrder`] or
    /// [`ValidationError::DuplicateUpdateId`].
    ///
    /// # Example
    ///
    /// ```
    /// # use chrono::{TimeZone, Utc};
    /// # use incident_model::typed::{state::Identified, Draft, Typed};
    /// # use incident_model::{IncidentStatus, ValidationError};
    /// # let at = |h: u32| Utc.with_ymd_and_hms(2020, 3, 16, h, 0, 0).unwrap();
    /// let identified = Typed::<Identified>::start("x", Draft::new(at(14)));
    /// let err = identified.resolved(Draft::new(at(13))).unwrap_err(); // before the last update
    /// assert!(matches!(err.error(), ValidationError::OutOfOrder { position: 1, .. }));
    /// assert_eq!(err.to_string(), err.error().to_string());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn error(&self) -> &ValidationError<T::Lifecycle> {
        &self.failed.error
    }

    /// The reason, by value.
    ///
    /// # Example
    ///
    /// ```
    /// # use chrono::{TimeZone, Utc};
    /// # use incident_model::typed::{state::Identified, Draft, Typed};
    /// # use incident_model::{IncidentStatus, ValidationError};
    /// # let at = |h: u32| Utc.with_ymd_and_hms(2020, 3, 16, h, 0, 0).unwrap();
    /// # let identified = Typed::<Identified>::start("x", Draft::new(at(14)));
    /// # let err = identified.resolved(Draft::new(at(13))).unwrap_err();
    /// // `err`: resolving at 13:00 an incident identified at 14:00.
    /// match err.into_error() {
    ///     ValidationError::OutOfOrder { previous_display_at, display_at, .. } => {
    ///         assert_eq!((previous_display_at, display_at), (at(14), at(13)));
    ///     }
    ///     other => panic!("unexpected: {other}"),
    /// }
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn into_error(self) -> ValidationError<T::Lifecycle> {
        self.failed.error
    }

    /// The value the move was made on, unchanged.
    ///
    /// # Example
    ///
    /// ```
    /// # use chrono::{TimeZone, Utc};
    /// # use incident_model::typed::{state::Identified, Draft, Typed};
    /// # use incident_model::{IncidentStatus, ValidationError};
    /// # let at = |h: u32| Utc.with_ymd_and_hms(2020, 3, 16, h, 0, 0).unwrap();
    /// # let identified = Typed::<Identified>::start("x", Draft::new(at(14)));
    /// # let err = identified.resolved(Draft::new(at(13))).unwrap_err();
    /// // `err`: resolving at 13:00 an incident identified at 14:00.
    /// let identified = err.into_typed(); // unchanged: still identified, one update
    /// assert_eq!(identified.status(), IncidentStatus::Identified);
    /// assert_eq!(identified.event().updates().len(), 1);
    /// let resolved = identified.resolved(Draft::new(at(15)))?; // try again, in order
    /// assert_eq!(resolved.status(), IncidentStatus::Resolved);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn into_typed(self) -> Typed<T> {
        self.failed.typed
    }
}

impl<T: State> fmt::Display for MoveError<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.failed.error, f)
    }
}

// The message is the reason's own, so `source` does not repeat it.
impl<T: State> std::error::Error for MoveError<T> {}

/// A runtime value that cannot be taken as a typed value in the named state.
///
/// # Example
///
/// ```
/// # use chrono::{TimeZone, Utc};
/// use incident_model::typed::{state::Postmortem, StateError, Typed};
/// use incident_model::{Incident, IncidentStatus, Policy, Update};
///
/// # let at = |h| Utc.with_ymd_and_hms(2020, 3, 16, h, 0, 0).unwrap();
/// let loaded = Incident::builder("Imported")
///     .id("inc-9".parse()?)
///     .policy(Policy::permissive())
///     .update(Update::new(IncidentStatus::Investigating, at(10)))
///     .update(Update::new(IncidentStatus::Postmortem, at(11))) // never resolved
///     .build()?;
/// let err = Typed::<Postmortem>::try_from(loaded).unwrap_err();
/// assert!(matches!(err, StateError::NotStandard(_)));
/// assert!(err.to_string().starts_with("1 violation of the standard policy in incident \"inc-9\""));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, PartialEq, Eq, Debug)]
#[non_exhaustive]
pub enum StateError<S> {
    /// The current status is not the one the typed state stands for.
    StateMismatch {
        /// The incident or maintenance.
        event: EventId,
        /// The status of the typed state asked for.
        expected: S,
        /// The current status of the value.
        actual: S,
    },
    /// The value was built under another policy and breaks
    /// [`Policy::standard`], the typed API's table.
    NotStandard(Violations<S>),
}

impl<S: Lifecycle> fmt::Display for StateError<S> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StateError::StateMismatch {
                event: incident,
                expected,
                actual,
            } => write!(
                f,
                "{} {:?} is {actual}, not {expected}",
                S::KIND,
                incident.as_str()
            ),
            // The violations name the event and the standard policy.
            StateError::NotStandard(violations) => fmt::Display::fmt(violations, f),
        }
    }
}

impl<S: Lifecycle> std::error::Error for StateError<S> {}

/// One typed move, as data: for the test that walks every `(from, to)` pair.
#[doc(hidden)]
#[derive(Clone, Copy, Debug)]
pub struct Edge<S: Lifecycle> {
    /// The status moved from.
    pub from: S,
    /// The status moved to.
    pub to: S,
    /// The name of the generated method.
    pub method: &'static str,
    /// Whether the method is a reopen.
    pub reopen: bool,
    /// Calls the method on the runtime value taken as `Typed<from>`.
    pub call: fn(Event<S>, Draft) -> Result<Event<S>, String>,
}

/// One typed start, as data: for the test that walks every status.
#[doc(hidden)]
#[derive(Clone, Copy, Debug)]
pub struct First<S: Lifecycle> {
    /// The status started in.
    pub status: S,
    /// Calls `Typed::<status>::start`.
    pub call: fn(&str, Draft) -> Event<S>,
}

/// Whether `method` is the name of the move to the status whose wire name is `to`:
/// `to` itself, or `reopen_` then `to` for a reopen. For the compile-time check.
const fn is_move_name(method: &str, reopen: bool, to: &str) -> bool {
    let prefix: &[u8] = if reopen { b"reopen_" } else { b"" };
    match strip_prefix(method.as_bytes(), prefix) {
        Some(rest) => matches!(strip_prefix(rest, to.as_bytes()), Some([])),
        None => false,
    }
}

/// `bytes` without `prefix`, if it starts with it (`const` and without indexing).
const fn strip_prefix<'a>(mut bytes: &'a [u8], mut prefix: &[u8]) -> Option<&'a [u8]> {
    loop {
        match (bytes, prefix) {
            (_, []) => return Some(bytes),
            ([b, bytes_rest @ ..], [p, prefix_rest @ ..]) if *b == *p => {
                bytes = bytes_rest;
                prefix = prefix_rest;
            }
            _ => return None,
        }
    }
}

/// Generates, from one edge list per lifecycle: the [`Start`] impls, a move method
/// per edge, the compile-time proof that the list equals the standard table, and
/// the hidden edge lists the tests walk.
macro_rules! typed_lifecycle {
    (
        $L:ident, $edges:ident, $firsts:ident;
        first: [$($first:ident),+ $(,)?];
        moves: [$($from:ident -> $to:ident : $method:ident),+ $(,)?];
        reopens: [$($rfrom:ident -> $rto:ident : $rmethod:ident),+ $(,)?];
    ) => {
        $( impl Start for state::$first {} )+

        $(
            impl Typed<state::$from> {
                #[doc = concat!(
                    "Moves from `", stringify!($from), "` to `", stringify!($to),
                    "` with the update `draft`."
                )]
                ///
                /// # Errors
                ///
                /// [`MoveError`] if the update sorts before the last one or its id is
                /// taken; the transition itself is always legal.
                ///
                /// # Example
                ///
                /// ```
                /// # use chrono::{TimeZone, Utc};
                /// # use incident_model::typed::{state, Draft, Typed};
                #[doc = concat!("# use incident_model::{Event, Lifecycle, Policy, Update, ", stringify!($L), "};")]
                /// # let at = |h: u32| Utc.with_ymd_and_hms(2020, 3, 16, h, 0, 0).unwrap();
                #[doc = concat!("# // A runtime value in `", stringify!($from), "` (after a closed status if it cannot come first).")]
                #[doc = concat!("# let mut builder = Event::<", stringify!($L), ">::builder(\"x\");")]
                #[doc = concat!("# if !Policy::<", stringify!($L), ">::standard().allows_first(", stringify!($L), "::", stringify!($from), ") {")]
                #[doc = concat!("#     builder = builder.update(Update::new(<", stringify!($L), " as Lifecycle>::CLOSED, at(9)));")]
                /// # }
                #[doc = concat!("# let event = builder.update(Update::new(", stringify!($L), "::", stringify!($from), ", at(10))).build()?;")]
                #[doc = concat!("let before = Typed::<state::", stringify!($from), ">::from_event(event)?;")]
                /// let count = before.event().updates().len();
                ///
                /// // A move that would go back in time is not made; the value comes back.
                #[doc = concat!("let err = before.", stringify!($method), "(Draft::new(at(8))).unwrap_err();")]
                /// let before = err.into_typed();
                ///
                #[doc = concat!("let after = before.", stringify!($method), "(Draft::new(at(11)).with_body(\"Update.\"))?;")]
                #[doc = concat!("assert_eq!(after.status(), ", stringify!($L), "::", stringify!($to), ");")]
                /// assert_eq!(after.event().updates().len(), count + 1);
                /// assert_eq!(after.event().last_update().body(), "Update.");
                /// assert!(!after.event().last_update().is_reopen());
                /// # Ok::<(), Box<dyn std::error::Error>>(())
                /// ```
                ///
                /// See also the [module documentation](self) and [`Typed`].
                pub fn $method(self, draft: Draft) -> Result<Typed<state::$to>, MoveError<state::$from>> {
                    self.step(draft, false)
                }
            }
        )+

        $(
            impl Typed<state::$rfrom> {
                #[doc = concat!(
                    "Reopens: moves from `", stringify!($rfrom), "` back to `", stringify!($rto),
                    "` with the update `draft`, marked as a reopen ([`Event::reopen`])."
                )]
                ///
                /// # Errors
                ///
                /// [`MoveError`] if the update sorts before the last one or its id is
                /// taken; the transition itself is always legal.
                ///
                /// # Example
                ///
                /// ```
                /// # use chrono::{TimeZone, Utc};
                /// # use incident_model::typed::{state, Draft, Typed};
                #[doc = concat!("# use incident_model::{Event, Lifecycle, Policy, Update, ", stringify!($L), "};")]
                /// # let at = |h: u32| Utc.with_ymd_and_hms(2020, 3, 16, h, 0, 0).unwrap();
                #[doc = concat!("# // A runtime value in `", stringify!($rfrom), "` (after a closed status if it cannot come first).")]
                #[doc = concat!("# let mut builder = Event::<", stringify!($L), ">::builder(\"x\");")]
                #[doc = concat!("# if !Policy::<", stringify!($L), ">::standard().allows_first(", stringify!($L), "::", stringify!($rfrom), ") {")]
                #[doc = concat!("#     builder = builder.update(Update::new(<", stringify!($L), " as Lifecycle>::CLOSED, at(9)));")]
                /// # }
                #[doc = concat!("# let event = builder.update(Update::new(", stringify!($L), "::", stringify!($rfrom), ", at(10))).build()?;")]
                #[doc = concat!("let before = Typed::<state::", stringify!($rfrom), ">::from_event(event)?;")]
                /// let count = before.event().updates().len();
                #[doc = concat!("let after = before.", stringify!($rmethod), "(Draft::new(at(11)).with_body(\"It is back.\"))?;")]
                #[doc = concat!("assert_eq!(after.status(), ", stringify!($L), "::", stringify!($rto), ");")]
                /// assert!(after.status().is_open());
                /// assert!(after.event().last_update().is_reopen());
                /// assert_eq!(after.event().updates().len(), count + 1);
                /// # Ok::<(), Box<dyn std::error::Error>>(())
                /// ```
                ///
                /// See also the [module documentation](self#reopens).
                pub fn $rmethod(self, draft: Draft) -> Result<Typed<state::$rto>, MoveError<state::$rfrom>> {
                    self.step(draft, true)
                }
            }
        )+

        // The one source of truth: the edge list, read as a table, is the standard
        // table; ordinary moves never leave a closed status for an open one, and
        // reopens always do; each method is named after the status it moves to.
        const _: () = {
            let typed = Policy::<$L>::empty()
                $( .allowing_first($L::$first) )+
                $( .allowing($L::$from, $L::$to) )+
                $( .allowing($L::$rfrom, $L::$rto) )+;
            let standard = <$L as Lifecycle>::STANDARD;
            assert!(
                typed.move_bits() == standard.move_bits(),
                concat!("the typed moves of ", stringify!($L), " differ from Policy::standard()")
            );
            assert!(
                typed.first_bits() == standard.first_bits(),
                concat!("the typed starts of ", stringify!($L), " differ from Policy::standard()")
            );
            $( assert!(
                $L::$from.is_open() || !$L::$to.is_open(),
                concat!(stringify!($from), " -> ", stringify!($to), " is a reopen: list it under reopens")
            ); )+
            $( assert!(
                !$L::$rfrom.is_open() && $L::$rto.is_open(),
                concat!(stringify!($rfrom), " -> ", stringify!($rto), " is not a reopen")
            ); )+
            $( assert!(
                is_move_name(stringify!($method), false, $L::$to.as_str()),
                concat!("the move to ", stringify!($to), " is named after its status")
            ); )+
            $( assert!(
                is_move_name(stringify!($rmethod), true, $L::$rto.as_str()),
                concat!("the reopen to ", stringify!($rto), " is named reopen_ and its status")
            ); )+
        };

        #[doc(hidden)]
        pub const $edges: &[Edge<$L>] = &[
            $( Edge {
                from: $L::$from,
                to: $L::$to,
                method: stringify!($method),
                reopen: false,
                call: |event, draft| {
                    let typed = Typed::<state::$from>::from_event(event).map_err(|e| e.to_string())?;
                    typed.$method(draft).map(Event::from).map_err(|e| e.to_string())
                },
            }, )+
            $( Edge {
                from: $L::$rfrom,
                to: $L::$rto,
                method: stringify!($rmethod),
                reopen: true,
                call: |event, draft| {
                    let typed = Typed::<state::$rfrom>::from_event(event).map_err(|e| e.to_string())?;
                    typed.$rmethod(draft).map(Event::from).map_err(|e| e.to_string())
                },
            }, )+
        ];

        #[doc(hidden)]
        pub const $firsts: &[First<$L>] = &[
            $( First {
                status: $L::$first,
                call: |name, draft| Typed::<state::$first>::start(name, draft).into_event(),
            }, )+
        ];
    };
}

typed_lifecycle! {
    IncidentStatus, INCIDENT_EDGES, INCIDENT_FIRSTS;
    first: [Investigating, Identified, Monitoring, Resolved];
    moves: [
        Investigating -> Investigating: investigating,
        Investigating -> Identified: identified,
        Investigating -> Monitoring: monitoring,
        Investigating -> Resolved: resolved,
        Identified -> Investigating: investigating,
        Identified -> Identified: identified,
        Identified -> Monitoring: monitoring,
        Identified -> Resolved: resolved,
        Monitoring -> Investigating: investigating,
        Monitoring -> Identified: identified,
        Monitoring -> Monitoring: monitoring,
        Monitoring -> Resolved: resolved,
        Resolved -> Resolved: resolved,
        Resolved -> Postmortem: postmortem,
        Postmortem -> Postmortem: postmortem,
    ];
    reopens: [
        Resolved -> Investigating: reopen_investigating,
        Resolved -> Identified: reopen_identified,
        Resolved -> Monitoring: reopen_monitoring,
        Postmortem -> Investigating: reopen_investigating,
        Postmortem -> Identified: reopen_identified,
        Postmortem -> Monitoring: reopen_monitoring,
    ];
}

typed_lifecycle! {
    MaintenanceStatus, MAINTENANCE_EDGES, MAINTENANCE_FIRSTS;
    first: [Scheduled, InProgress, Verifying, Completed];
    moves: [
        Scheduled -> Scheduled: scheduled,
        Scheduled -> InProgress: in_progress,
        Scheduled -> Verifying: verifying,
        Scheduled -> Completed: completed,
        InProgress -> InProgress: in_progress,
        InProgress -> Verifying: verifying,
        InProgress -> Completed: completed,
        Verifying -> InProgress: in_progress,
        Verifying -> Verifying: verifying,
        Verifying -> Completed: completed,
        Completed -> Completed: completed,
    ];
    reopens: [
        Completed -> Scheduled: reopen_scheduled,
        Completed -> InProgress: reopen_in_progress,
        Completed -> Verifying: reopen_verifying,
    ];
}
