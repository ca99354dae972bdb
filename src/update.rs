//! Updates and the component changes they announce.

use chrono::{DateTime, Utc};

use crate::id::{ComponentId, UpdateId};
use crate::policy::Lifecycle;
use crate::status::{ComponentStatus, IncidentStatus, MaintenanceStatus};

/// A component status change announced by an update: the component moved from
/// `old_status` to `new_status`, at its own time when it has one
/// (`changed_at`: components change between updates, as a component webhook
/// or an API call tells), else at its update's display time.
///
/// Passive data: the fields are public.
///
/// # Example
///
/// ```
/// use incident_model::{ComponentChange, ComponentId, ComponentStatus};
/// let change = ComponentChange::new(
///     ComponentId::new("api")?,
///     "API",
///     ComponentStatus::Operational,
///     ComponentStatus::DegradedPerformance,
/// );
/// assert_eq!(change.new_status, ComponentStatus::DegradedPerformance);
/// # Ok::<(), incident_model::IdError>(())
/// ```
#[derive(Clone, PartialEq, Eq, Hash, Debug)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
#[non_exhaustive]
pub struct ComponentChange {
    /// The component's id.
    pub component_id: ComponentId,
    /// The component's name as the update showed it.
    pub name: String,
    /// The status the component had before the update.
    pub old_status: ComponentStatus,
    /// The status the update gave the component.
    pub new_status: ComponentStatus,
    /// When the component changed, when not at its update's display time
    /// (the timeline, downtime and uptime use it).
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub changed_at: Option<DateTime<Utc>>,
}

impl ComponentChange {
    /// A change of `component_id` (shown as `name`) from `old_status` to
    /// `new_status`.
    ///
    /// # Example
    ///
    /// ```
    /// # use incident_model::{ComponentChange, ComponentId, ComponentStatus::*};
    /// let c = ComponentChange::new(ComponentId::new("api")?, "API", MajorOutage, Operational);
    /// assert_eq!(c.old_status, MajorOutage);
    /// # Ok::<(), incident_model::IdError>(())
    /// ```
    pub fn new(
        component_id: ComponentId,
        name: impl Into<String>,
        old_status: ComponentStatus,
        new_status: ComponentStatus,
    ) -> Self {
        ComponentChange {
            component_id,
            name: name.into(),
            old_status,
            new_status,
            changed_at: None,
        }
    }

    /// The change, made at `changed_at` rather than at its update's display
    /// time.
    ///
    /// # Example
    ///
    /// ```
    /// # use chrono::{TimeZone, Utc};
    /// # use incident_model::{ComponentChange, ComponentId, ComponentStatus::*};
    /// let at = Utc.with_ymd_and_hms(2020, 3, 16, 15, 22, 0).unwrap();
    /// let c = ComponentChange::new(ComponentId::new("api")?, "API", MajorOutage, DegradedPerformance)
    ///     .with_changed_at(at);
    /// assert_eq!(c.changed_at, Some(at));
    /// # Ok::<(), incident_model::IdError>(())
    /// ```
    #[must_use]
    pub fn with_changed_at(mut self, changed_at: DateTime<Utc>) -> Self {
        self.changed_at = Some(changed_at);
        self
    }
}

/// One update of an incident or a maintenance: a status, a body, a display time,
/// a creation time and the component changes it announced.
///
/// The *display time* is when the page says the update happened (it may be
/// backdated); the *creation time* is when it was written. Updates are ordered by
/// display time, then creation time, then position.
///
/// An update made with [`Update::new`] gets a creation time equal to its
/// display time and, unless one is set with [`Update::with_id`], a
/// deterministic id: when an event takes it (the builder, [`Event::apply`]), the
/// id is derived from the event's id and the update's position
/// ([`UpdateId::derived`]), so the same calls give equal values. The `with_*`
/// methods set the rest.
///
/// [`Event::apply`]: crate::Event::apply
///
/// # Example
///
/// ```
/// # use chrono::{TimeZone, Utc};
/// use incident_model::{IncidentStatus, Update, UpdateId};
///
/// # let at = Utc.with_ymd_and_hms(2020, 3, 16, 14, 28, 0).unwrap();
/// let update = Update::new(IncidentStatus::Identified, at)
///     .with_id(UpdateId::new("u1")?)
///     .with_body("Sign-ups are slowing page loads.");
/// assert_eq!(update.status(), IncidentStatus::Identified);
/// assert_eq!(update.created_at(), at);
/// # Ok::<(), incident_model::IdError>(())
/// ```
#[derive(Clone, PartialEq, Eq, Hash, Debug)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct Update<S> {
    id: UpdateId,
    status: S,
    #[cfg_attr(feature = "serde", serde(default))]
    body: String,
    #[cfg_attr(
        feature = "serde",
        serde(deserialize_with = "crate::time::serde::display_at")
    )]
    display_at: DateTime<Utc>,
    #[cfg_attr(
        feature = "serde",
        serde(deserialize_with = "crate::time::serde::created_at")
    )]
    created_at: DateTime<Utc>,
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Vec::is_empty")
    )]
    component_changes: Vec<ComponentChange>,
    #[cfg_attr(feature = "serde", serde(default, skip_serializing_if = "is_false"))]
    reopen: bool,
    /// Whether the id is a placeholder that the event derives when it takes
    /// the update (made by [`Update::new`], not set with [`Update::with_id`]).
    /// Always `false` in an event, so it never tells two stored updates apart.
    #[cfg_attr(feature = "serde", serde(skip))]
    placeholder_id: bool,
}

#[cfg(feature = "serde")]
#[allow(clippy::trivially_copy_pass_by_ref)] // serde's skip_serializing_if passes a reference
fn is_false(value: &bool) -> bool {
    !*value
}

/// An update of an incident.
pub type IncidentUpdate = Update<IncidentStatus>;
/// An update of a scheduled maintenance.
pub type MaintenanceUpdate = Update<MaintenanceStatus>;

impl<S: Lifecycle> Update<S> {
    /// An update with `status` displayed at `display_at`, created at the same time,
    /// with an empty body, no component change and a minted id.
    ///
    /// # Example
    ///
    /// ```
    /// # use chrono::{TimeZone, Utc};
    /// # use incident_model::{MaintenanceStatus, Update};
    /// # let at = Utc.with_ymd_and_hms(2020, 12, 17, 9, 0, 0).unwrap();
    /// let u = Update::new(MaintenanceStatus::InProgress, at);
    /// assert_eq!(u.display_at(), at);
    /// assert!(u.body().is_empty());
    /// ```
    pub fn new(status: S, display_at: DateTime<Utc>) -> Self {
        let id = UpdateId::derived(display_at, status.as_str());
        let mut update = Update::from_fields(
            id,
            status,
            String::new(),
            display_at,
            display_at,
            Vec::new(),
        );
        update.placeholder_id = true;
        update
    }

    /// The same update with the id the event derives for the update at
    /// `position` ([`UpdateId::derived`] from the event id and the position),
    /// when its id is a placeholder; else unchanged.
    pub(crate) fn with_derived_id(mut self, event: &crate::id::EventId, position: usize) -> Self {
        if self.placeholder_id {
            self.id = UpdateId::derived(self.display_at, &format!("{}/{position}", event.as_str()));
            self.placeholder_id = false;
        }
        self
    }

    /// An update with every field given, not marked as a reopen: for a reader,
    /// which knows them all (and so mints no id).
    pub(crate) fn from_fields(
        id: UpdateId,
        status: S,
        body: String,
        display_at: DateTime<Utc>,
        created_at: DateTime<Utc>,
        component_changes: Vec<ComponentChange>,
    ) -> Self {
        Update {
            id,
            status,
            body,
            display_at,
            created_at,
            component_changes,
            reopen: false,
            placeholder_id: false,
        }
    }

    /// The same update with the given id.
    ///
    /// # Example
    ///
    /// ```
    /// # use chrono::{TimeZone, Utc};
    /// # use incident_model::{IncidentStatus, Update, UpdateId};
    /// # let at = Utc.timestamp_opt(1_584_368_880, 0).unwrap();
    /// let u = Update::new(IncidentStatus::Resolved, at).with_id(UpdateId::new("u9")?);
    /// assert_eq!(u.id().as_str(), "u9");
    /// # Ok::<(), incident_model::IdError>(())
    /// ```
    #[must_use]
    pub fn with_id(mut self, id: UpdateId) -> Self {
        self.id = id;
        self.placeholder_id = false;
        self
    }

    /// The same update with the given body text.
    ///
    /// # Example
    ///
    /// ```
    /// # use chrono::{TimeZone, Utc};
    /// # use incident_model::{IncidentStatus, Update};
    /// # let at = Utc.timestamp_opt(1_584_368_880, 0).unwrap();
    /// let u = Update::new(IncidentStatus::Monitoring, at).with_body("A fix is out.");
    /// assert_eq!(u.body(), "A fix is out.");
    /// ```
    #[must_use]
    pub fn with_body(mut self, body: impl Into<String>) -> Self {
        self.body = body.into();
        self
    }

    /// The same update, written at `created_at` (a display time earlier than the
    /// creation time makes a backdated update).
    ///
    /// # Example
    ///
    /// ```
    /// # use chrono::{Duration, TimeZone, Utc};
    /// # use incident_model::{IncidentStatus, Update};
    /// let shown = Utc.with_ymd_and_hms(2020, 3, 16, 21, 51, 0).unwrap();
    /// let u = Update::new(IncidentStatus::Resolved, shown).with_created_at(shown + Duration::hours(2));
    /// assert!(u.is_backdated());
    /// ```
    #[must_use]
    pub fn with_created_at(mut self, created_at: DateTime<Utc>) -> Self {
        self.created_at = created_at;
        self
    }

    /// The same update, announcing one more component change.
    ///
    /// # Example
    ///
    /// ```
    /// # use chrono::{TimeZone, Utc};
    /// # use incident_model::{ComponentChange, ComponentId, ComponentStatus::*, IncidentStatus, Update};
    /// # let at = Utc.timestamp_opt(1_584_368_880, 0).unwrap();
    /// let slow = ComponentChange::new(ComponentId::new("api")?, "API", Operational, DegradedPerformance);
    /// let u = Update::new(IncidentStatus::Identified, at).with_change(slow);
    /// assert_eq!(u.component_changes().len(), 1);
    /// # Ok::<(), incident_model::IdError>(())
    /// ```
    #[must_use]
    pub fn with_change(mut self, change: ComponentChange) -> Self {
        self.component_changes.push(change);
        self
    }

    /// The same update, marked as reopening a closed incident or maintenance.
    ///
    /// A move out of a closed status into an open one is legal only on an update
    /// marked this way (and only where the policy's table allows it); see
    /// [`Event::reopen`](crate::Event::reopen), which marks the update for you.
    ///
    /// # Example
    ///
    /// ```
    /// # use chrono::{TimeZone, Utc};
    /// # use incident_model::{IncidentStatus, Update};
    /// # let at = Utc.timestamp_opt(1_584_368_880, 0).unwrap();
    /// let u = Update::new(IncidentStatus::Investigating, at).reopening();
    /// assert!(u.is_reopen());
    /// ```
    #[must_use]
    pub fn reopening(mut self) -> Self {
        self.reopen = true;
        self
    }

    /// The status the update announced.
    ///
    /// # Example
    ///
    /// ```
    /// # use chrono::{TimeZone, Utc};
    /// # use incident_model::{IncidentStatus, Update};
    /// # let at = Utc.timestamp_opt(1_584_368_880, 0).unwrap();
    /// assert_eq!(Update::new(IncidentStatus::Monitoring, at).status(), IncidentStatus::Monitoring);
    /// ```
    #[must_use]
    pub fn status(&self) -> S {
        self.status
    }
}

impl<S> Update<S> {
    /// The update's id.
    ///
    /// # Example
    ///
    /// ```
    /// # use chrono::{TimeZone, Utc};
    /// # use incident_model::{IncidentStatus, Update, UpdateId};
    /// # let at = Utc.timestamp_opt(1_584_368_880, 0).unwrap();
    /// let id = UpdateId::new("u1")?;
    /// assert_eq!(Update::new(IncidentStatus::Identified, at).with_id(id.clone()).id(), &id);
    /// # Ok::<(), incident_model::IdError>(())
    /// ```
    #[must_use]
    pub fn id(&self) -> &UpdateId {
        &self.id
    }

    /// The update's text.
    ///
    /// # Example
    ///
    /// ```
    /// # use chrono::{TimeZone, Utc};
    /// # use incident_model::{IncidentStatus, Update};
    /// # let at = Utc.timestamp_opt(1_584_368_880, 0).unwrap();
    /// assert_eq!(Update::new(IncidentStatus::Resolved, at).with_body("Fixed.").body(), "Fixed.");
    /// ```
    #[must_use]
    pub fn body(&self) -> &str {
        &self.body
    }

    /// When the page says the update happened.
    ///
    /// # Example
    ///
    /// ```
    /// # use chrono::{TimeZone, Utc};
    /// # use incident_model::{IncidentStatus, Update};
    /// # let at = Utc.with_ymd_and_hms(2020, 3, 16, 17, 42, 0).unwrap();
    /// assert_eq!(Update::new(IncidentStatus::Monitoring, at).display_at(), at);
    /// ```
    #[must_use]
    pub fn display_at(&self) -> DateTime<Utc> {
        self.display_at
    }

    /// When the update was written.
    ///
    /// # Example
    ///
    /// ```
    /// # use chrono::{TimeZone, Utc};
    /// # use incident_model::{IncidentStatus, Update};
    /// # let at = Utc.with_ymd_and_hms(2020, 3, 16, 17, 42, 0).unwrap();
    /// assert_eq!(Update::new(IncidentStatus::Monitoring, at).created_at(), at);
    /// ```
    #[must_use]
    pub fn created_at(&self) -> DateTime<Utc> {
        self.created_at
    }

    /// The component changes the update announced.
    ///
    /// # Example
    ///
    /// ```
    /// # use chrono::{TimeZone, Utc};
    /// # use incident_model::{IncidentStatus, Update};
    /// # let at = Utc.timestamp_opt(1_584_368_880, 0).unwrap();
    /// assert!(Update::new(IncidentStatus::Monitoring, at).component_changes().is_empty());
    /// ```
    #[must_use]
    pub fn component_changes(&self) -> &[ComponentChange] {
        &self.component_changes
    }

    /// Whether the update is marked as a reopen ([`Update::reopening`]).
    ///
    /// # Example
    ///
    /// ```
    /// # use chrono::{TimeZone, Utc};
    /// # use incident_model::{IncidentStatus, Update};
    /// # let at = Utc.timestamp_opt(1_584_368_880, 0).unwrap();
    /// assert!(!Update::new(IncidentStatus::Investigating, at).is_reopen());
    /// ```
    #[must_use]
    pub fn is_reopen(&self) -> bool {
        self.reopen
    }

    /// Whether the display time is earlier than the creation time.
    ///
    /// # Example
    ///
    /// ```
    /// # use chrono::{TimeZone, Utc};
    /// # use incident_model::{IncidentStatus, Update};
    /// # let at = Utc.timestamp_opt(1_584_368_880, 0).unwrap();
    /// assert!(!Update::new(IncidentStatus::Investigating, at).is_backdated());
    /// ```
    #[must_use]
    pub fn is_backdated(&self) -> bool {
        self.display_at < self.created_at
    }

    /// The sort key of updates: display time, then creation time.
    pub(crate) fn order_key(&self) -> (DateTime<Utc>, DateTime<Utc>) {
        (self.display_at, self.created_at)
    }
}
