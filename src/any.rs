//! An incident or a maintenance, for lists that mix both: [`AnyEvent`] owns
//! one, [`AnyEventRef`] borrows one. Both offer what the two lifecycles share
//! (id, name, status as an [`AnyStatus`], impact, milestones, durations,
//! affected components), each accessor the one of [`Event`], so code over a
//! mixed list is written once instead of once per lifecycle. The figures that
//! fit one lifecycle only (an incident's time to identify, monitor and
//! resolve; a maintenance's [`AgainstPlan`]) are `None` for the other.
//!
//! The views and outputs that take an event take `impl Into<AnyEventRef>`:
//! an `&Incident`, an `&Maintenance`, an `&AnyEvent` or an `AnyEventRef`.

use core::fmt;

use chrono::{DateTime, Utc};

use crate::component::Component;
use crate::duration::Elapsed;
use crate::event::{Event, Incident, Maintenance};
use crate::id::EventId;
use crate::maintenance::AgainstPlan;
use crate::policy::Lifecycle;
use crate::status::{AnyStatus, Impact};
use crate::timeline::AffectedComponent;

/// Whether an event is an incident or a scheduled maintenance.
///
/// # Example
///
/// ```
/// use incident_model::EventKind;
/// assert_eq!(EventKind::Maintenance.to_string(), "maintenance");
/// assert_eq!(EventKind::Incident.as_str(), "incident");
/// ```
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Debug)]
#[non_exhaustive]
pub enum EventKind {
    /// An incident.
    Incident,
    /// A scheduled maintenance.
    Maintenance,
}

impl EventKind {
    /// `"incident"` or `"maintenance"`.
    ///
    /// # Example
    ///
    /// See [`EventKind`].
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            EventKind::Incident => "incident",
            EventKind::Maintenance => "maintenance",
        }
    }

    /// The kind of the events of lifecycle `S`.
    ///
    /// # Example
    ///
    /// ```
    /// # use incident_model::{EventKind, MaintenanceStatus};
    /// assert_eq!(EventKind::of::<MaintenanceStatus>(), EventKind::Maintenance);
    /// ```
    #[must_use]
    pub const fn of<S: Lifecycle>() -> Self {
        if S::HAS_SCHEDULE {
            EventKind::Maintenance
        } else {
            EventKind::Incident
        }
    }
}

impl fmt::Display for EventKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.as_str())
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for EventKind {
    fn serialize<Ser: serde::Serializer>(&self, serializer: Ser) -> Result<Ser::Ok, Ser::Error> {
        serializer.serialize_str(self.as_str())
    }
}

/// An incident or a maintenance, owned. The two lifecycles of the crate, so a
/// `match` on it is exhaustive.
///
/// # Example
///
/// ```
/// # use chrono::{TimeZone, Utc};
/// use incident_model::{AnyEvent, EventKind, Incident, IncidentStatus, Maintenance, MaintenanceStatus, Update};
///
/// # let at = |h| Utc.with_ymd_and_hms(2020, 3, 16, h, 0, 0).unwrap();
/// let incident = Incident::builder("API errors")
///     .update(Update::new(IncidentStatus::Investigating, at(10)))
///     .update(Update::new(IncidentStatus::Resolved, at(12)))
///     .build()?;
/// let maintenance = Maintenance::builder("Database move")
///     .update(Update::new(MaintenanceStatus::InProgress, at(1)))
///     .build()?;
/// let events: Vec<AnyEvent> = vec![incident.into(), maintenance.into()];
/// let open: Vec<&str> = events.iter().filter(|e| e.is_open()).map(AnyEvent::name).collect();
/// assert_eq!(open, ["Database move"]);
/// assert_eq!(events[0].kind(), EventKind::Incident);
/// assert_eq!(events[0].time_to_resolve().unwrap().to_string(), "2h");
/// assert_eq!(events[1].status().to_string(), "in_progress");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// With the `serde` feature it serializes as `{"incident": {...}}` or
/// `{"maintenance": {...}}`, each in the crate's own format.
#[derive(Clone, PartialEq, Eq, Debug)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum AnyEvent {
    /// An incident.
    Incident(Incident),
    /// A scheduled maintenance.
    Maintenance(Maintenance),
}

/// An incident or a maintenance, borrowed: what the views and outputs over
/// mixed lists take. `Copy`; its accessors borrow from the event, not from
/// the `AnyEventRef`.
///
/// # Example
///
/// ```
/// # use chrono::{TimeZone, Utc};
/// use incident_model::{AnyEventRef, Incident, IncidentStatus::*, Update};
/// # let at = Utc.with_ymd_and_hms(2020, 3, 16, 10, 0, 0).unwrap();
/// let incident = Incident::builder("x").update(Update::new(Identified, at)).build()?;
/// let event = AnyEventRef::from(&incident);
/// assert_eq!(event.as_incident(), Some(&incident));
/// assert_eq!(event.time_to_identify().unwrap().to_string(), "0s");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum AnyEventRef<'a> {
    /// An incident.
    Incident(&'a Incident),
    /// A scheduled maintenance.
    Maintenance(&'a Maintenance),
}

/// Evaluates `$body` with `$e` bound to the typed event an [`AnyEventRef`]
/// holds: the one place the two lifecycles are told apart.
macro_rules! with_event {
    ($event:expr, $e:ident => $body:expr) => {
        match $event {
            $crate::any::AnyEventRef::Incident($e) => $body,
            $crate::any::AnyEventRef::Maintenance($e) => $body,
        }
    };
}
pub(crate) use with_event;

/// Declares each accessor once, on [`AnyEventRef`] (through [`with_event`])
/// and on [`AnyEvent`] (through [`AnyEvent::to_ref`]).
macro_rules! accessors {
    ($( $(#[$doc:meta])* fn $name:ident($($arg:ident: $ty:ty),*) -> $ret:ty = |$e:ident| $body:expr; )+) => {
        impl<'a> AnyEventRef<'a> {
            $(
                $(#[$doc])*
                ///
                /// # Example
                ///
                /// See [`AnyEvent`].
                #[must_use]
                pub fn $name(self $(, $arg: $ty)*) -> $ret {
                    with_event!(self, $e => $body)
                }
            )+
        }

        impl AnyEvent {
            $(
                $(#[$doc])*
                ///
                /// # Example
                ///
                /// See [`AnyEvent`].
                #[must_use]
                #[allow(clippy::needless_lifetimes)]
                pub fn $name<'a>(&'a self $(, $arg: $ty)*) -> $ret {
                    self.to_ref().$name($($arg),*)
                }
            )+
        }
    };
}

accessors! {
    /// Incident or maintenance.
    fn kind() -> EventKind = |e| kind_of(e);
    /// [`Event::id`].
    fn id() -> &'a EventId = |e| e.id();
    /// [`Event::name`].
    fn name() -> &'a str = |e| e.name();
    /// [`Event::status`], of either lifecycle.
    fn status() -> AnyStatus = |e| e.status().into();
    /// [`Event::is_open`].
    fn is_open() -> bool = |e| e.is_open();
    /// [`Event::impact`].
    fn impact() -> Impact = |e| e.impact();
    /// [`Event::components`].
    fn components() -> &'a [Component] = |e| e.components();
    /// [`Event::labels`].
    fn labels() -> &'a std::collections::BTreeMap<String, String> = |e| e.labels();
    /// [`Event::created_at`].
    fn created_at() -> DateTime<Utc> = |e| e.created_at();
    /// [`Event::started_at`].
    fn started_at() -> Option<DateTime<Utc>> = |e| e.started_at();
    /// [`Event::declared_end`].
    fn declared_end() -> Option<DateTime<Utc>> = |e| e.declared_end();
    /// The number of updates ([`Event::updates`]).
    fn update_count() -> usize = |e| e.updates().len();
    /// The latest time the event carries: its creation time, declared start,
    /// and every update's display and creation time.
    fn latest_time() -> DateTime<Utc> = |e| latest_time(e);
    /// [`Event::opened_at`].
    fn opened_at() -> DateTime<Utc> = |e| e.opened_at();
    /// [`Event::identified_at`].
    fn identified_at() -> Option<DateTime<Utc>> = |e| e.identified_at();
    /// [`Event::monitoring_at`].
    fn monitoring_at() -> Option<DateTime<Utc>> = |e| e.monitoring_at();
    /// [`Event::resolved_at`].
    fn resolved_at() -> Option<DateTime<Utc>> = |e| e.resolved_at();
    /// [`Event::time_to_identify`]; `None` for a maintenance, which has no
    /// such figure (see [`AnyEventRef::against_plan`]).
    fn time_to_identify() -> Option<Elapsed> = |e| Figures::time_to_identify(e);
    /// [`Event::time_to_monitor`]; `None` for a maintenance.
    fn time_to_monitor() -> Option<Elapsed> = |e| Figures::time_to_monitor(e);
    /// [`Event::time_to_resolve`]; `None` for a maintenance.
    fn time_to_resolve() -> Option<Elapsed> = |e| Figures::time_to_resolve(e);
    /// [`Maintenance::against_plan`]; `None` for an incident, which has no
    /// plan.
    fn against_plan(as_of: DateTime<Utc>) -> Option<AgainstPlan> = |e| Figures::against_plan(e, as_of);
    /// [`Event::measured_until`].
    fn measured_until(as_of: DateTime<Utc>) -> DateTime<Utc> = |e| e.measured_until(as_of);
    /// [`Event::elapsed`].
    fn elapsed(as_of: DateTime<Utc>) -> Elapsed = |e| e.elapsed(as_of);
    /// [`Event::regressions`].
    fn regressions() -> usize = |e| e.regressions();
    /// [`Event::reopens`].
    fn reopens() -> usize = |e| e.reopens();
    /// [`Event::affected_components`].
    fn affected_components(as_of: DateTime<Utc>) -> Vec<AffectedComponent> = |e| e.affected_components(as_of);
}

/// The figures that fit one lifecycle only: an incident's durations, a
/// maintenance's plan; `None` for the other.
trait Figures {
    fn time_to_identify(&self) -> Option<Elapsed> {
        None
    }
    fn time_to_monitor(&self) -> Option<Elapsed> {
        None
    }
    fn time_to_resolve(&self) -> Option<Elapsed> {
        None
    }
    fn against_plan(&self, _as_of: DateTime<Utc>) -> Option<AgainstPlan> {
        None
    }
}

impl Figures for Incident {
    fn time_to_identify(&self) -> Option<Elapsed> {
        Incident::time_to_identify(self)
    }
    fn time_to_monitor(&self) -> Option<Elapsed> {
        Incident::time_to_monitor(self)
    }
    fn time_to_resolve(&self) -> Option<Elapsed> {
        Incident::time_to_resolve(self)
    }
}

impl Figures for Maintenance {
    fn against_plan(&self, as_of: DateTime<Utc>) -> Option<AgainstPlan> {
        Some(Maintenance::against_plan(self, as_of))
    }
}

/// The kind of `event`'s lifecycle.
fn kind_of<S: Lifecycle>(_event: &Event<S>) -> EventKind {
    EventKind::of::<S>()
}

/// The latest of `event`'s creation time, declared start and update times.
fn latest_time<S: Lifecycle>(event: &Event<S>) -> DateTime<Utc> {
    event
        .updates()
        .iter()
        .flat_map(|update| [update.display_at(), update.created_at()])
        .chain(event.started_at())
        .fold(event.created_at(), DateTime::max)
}

impl<'a> AnyEventRef<'a> {
    /// The incident, if it is one.
    ///
    /// # Example
    ///
    /// See [`AnyEventRef`].
    #[must_use]
    pub fn as_incident(self) -> Option<&'a Incident> {
        match self {
            AnyEventRef::Incident(incident) => Some(incident),
            AnyEventRef::Maintenance(_) => None,
        }
    }

    /// The maintenance, if it is one.
    ///
    /// # Example
    ///
    /// See [`AnyEvent::as_maintenance`].
    #[must_use]
    pub fn as_maintenance(self) -> Option<&'a Maintenance> {
        match self {
            AnyEventRef::Maintenance(maintenance) => Some(maintenance),
            AnyEventRef::Incident(_) => None,
        }
    }
}

impl AnyEvent {
    /// The event, borrowed.
    ///
    /// # Example
    ///
    /// ```
    /// # use chrono::{TimeZone, Utc};
    /// # use incident_model::{AnyEvent, AnyEventRef, Incident, IncidentStatus::*, Update};
    /// # let at = Utc.with_ymd_and_hms(2020, 3, 16, 10, 0, 0).unwrap();
    /// let event = AnyEvent::from(Incident::builder("x").update(Update::new(Identified, at)).build()?);
    /// assert!(matches!(event.to_ref(), AnyEventRef::Incident(_)));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn to_ref(&self) -> AnyEventRef<'_> {
        match self {
            AnyEvent::Incident(incident) => AnyEventRef::Incident(incident),
            AnyEvent::Maintenance(maintenance) => AnyEventRef::Maintenance(maintenance),
        }
    }

    /// The incident, if it is one.
    ///
    /// # Example
    ///
    /// See [`AnyEvent::as_maintenance`].
    #[must_use]
    pub fn as_incident(&self) -> Option<&Incident> {
        self.to_ref().as_incident()
    }

    /// The maintenance, if it is one.
    ///
    /// # Example
    ///
    /// ```
    /// # use chrono::{TimeZone, Utc};
    /// # use incident_model::{AnyEvent, Maintenance, MaintenanceStatus::*, Update};
    /// # let at = Utc.with_ymd_and_hms(2020, 3, 16, 10, 0, 0).unwrap();
    /// let event = AnyEvent::from(Maintenance::builder("x").update(Update::new(Scheduled, at)).build()?);
    /// assert!(event.as_maintenance().is_some());
    /// assert!(event.as_incident().is_none());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn as_maintenance(&self) -> Option<&Maintenance> {
        self.to_ref().as_maintenance()
    }
}

impl From<Incident> for AnyEvent {
    fn from(incident: Incident) -> Self {
        AnyEvent::Incident(incident)
    }
}

impl From<Maintenance> for AnyEvent {
    fn from(maintenance: Maintenance) -> Self {
        AnyEvent::Maintenance(maintenance)
    }
}

impl<'a> From<&'a Incident> for AnyEventRef<'a> {
    fn from(incident: &'a Incident) -> Self {
        AnyEventRef::Incident(incident)
    }
}

impl<'a> From<&'a Maintenance> for AnyEventRef<'a> {
    fn from(maintenance: &'a Maintenance) -> Self {
        AnyEventRef::Maintenance(maintenance)
    }
}

impl<'a> From<&'a AnyEvent> for AnyEventRef<'a> {
    fn from(event: &'a AnyEvent) -> Self {
        event.to_ref()
    }
}
