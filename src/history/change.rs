//! The change feed: the typed changes between two versions of a page.

use core::fmt;
use std::collections::{HashMap, HashSet};

use chrono::{DateTime, Utc};

use super::observation::PageIndicator;
use crate::any::{AnyEventRef, EventKind};
use crate::component::Component;
use crate::event::Event;
use crate::id::{EventId, UpdateId};
use crate::policy::Lifecycle;
use crate::status::{AnyStatus, ComponentStatus, Impact};
use crate::update::Update;

/// What a bot needs of an event to post about it: its id, name, kind, status
/// and impact (in the version the change comes from). Passive data.
///
/// # Example
///
/// See [`Change`].
#[derive(Clone, PartialEq, Eq, Hash, Debug)]
#[non_exhaustive]
pub struct EventSummary {
    /// The event's id.
    pub id: EventId,
    /// Its name.
    pub name: String,
    /// Incident or maintenance.
    pub kind: EventKind,
    /// Its status.
    pub status: AnyStatus,
    /// Its impact.
    pub impact: Impact,
}

impl EventSummary {
    /// The summary of `event`.
    ///
    /// # Example
    ///
    /// ```
    /// # use chrono::{TimeZone, Utc};
    /// use incident_model::{history::EventSummary, Incident, IncidentStatus::*, Update};
    /// # let at = Utc.with_ymd_and_hms(2020, 3, 16, 14, 28, 0).unwrap();
    /// let incident = Incident::builder("Slow page loads").update(Update::new(Identified, at)).build()?;
    /// assert_eq!(EventSummary::of(&incident).name, "Slow page loads");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn of<'a>(event: impl Into<AnyEventRef<'a>>) -> Self {
        let event = event.into();
        EventSummary {
            id: event.id().clone(),
            name: event.name().to_owned(),
            kind: event.kind(),
            status: event.status(),
            impact: event.impact(),
        }
    }
}

/// What a bot needs of an update to post it: id, status, body, display time.
/// Passive data.
///
/// # Example
///
/// See [`Change`].
#[derive(Clone, PartialEq, Eq, Hash, Debug)]
#[non_exhaustive]
pub struct UpdateSummary {
    /// The update's id.
    pub id: UpdateId,
    /// Its status.
    pub status: AnyStatus,
    /// Its body.
    pub body: String,
    /// Its display time.
    pub display_at: DateTime<Utc>,
}

/// The summary of a typed event.
fn summary<S: Lifecycle + Into<AnyStatus>>(event: &Event<S>) -> EventSummary {
    EventSummary {
        id: event.id().clone(),
        name: event.name().to_owned(),
        kind: EventKind::of::<S>(),
        status: event.status().into(),
        impact: event.impact(),
    }
}

impl UpdateSummary {
    fn of<S: Lifecycle + Into<AnyStatus>>(update: &Update<S>) -> Self {
        UpdateSummary {
            id: update.id().clone(),
            status: update.status().into(),
            body: update.body().to_owned(),
            display_at: update.display_at(),
        }
    }
}

/// One change of a page between two observations (or announced by one
/// webhook), carrying what a bot needs to post a message without another
/// look-up: the event's name, the component's name, the update's body.
///
/// For an event first seen, the changes are `event_opened`, then one
/// `update_posted` per update (oldest first), then `event_resolved` when it
/// is already closed: every update is posted once as `update_posted`.
///
/// # Example
///
/// ```
/// use chrono::{TimeZone, Utc};
/// use incident_model::history::{self, Change, ChangeKind, Observation, ObservedAt, PageKey};
/// use incident_model::{Incident, IncidentStatus::*, Update, UpdateId};
/// let at = |h| Utc.with_ymd_and_hms(2020, 3, 16, h, 0, 0).unwrap();
/// let first = Update::new(Investigating, at(10)).with_id(UpdateId::new("u1")?).with_body("Looking.");
/// let older = Incident::builder("Slow page loads").id("x1".parse()?).update(first.clone()).build()?;
/// let newer = Incident::builder("Slow page loads").id("x1".parse()?).update(first)
///     .update(Update::new(Resolved, at(11)).with_id(UpdateId::new("u2")?).with_body("Fixed."))
///     .build()?;
/// let page = || PageKey::Id("p".into());
/// let changes = history::changes(
///     Observation::new(page(), ObservedAt::Given(at(10))).with_event(older),
///     Observation::new(page(), ObservedAt::Given(at(11))).with_event(newer),
/// )?;
/// let kinds: Vec<ChangeKind> = changes.iter().map(Change::kind).collect();
/// assert_eq!(kinds, [ChangeKind::UpdatePosted, ChangeKind::StatusChanged, ChangeKind::EventResolved]);
/// assert!(matches!(&changes[0], Change::UpdatePosted { update, .. } if update.body == "Fixed."));
/// assert_eq!(changes[1].to_string(), "Slow page loads: investigating -> resolved");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, PartialEq, Eq, Debug)]
#[non_exhaustive]
pub enum Change {
    /// An event not seen before.
    EventOpened {
        /// The event.
        event: EventSummary,
    },
    /// An update not seen before.
    UpdatePosted {
        /// The event.
        event: EventSummary,
        /// The update.
        update: UpdateSummary,
    },
    /// The event's status changed.
    StatusChanged {
        /// The event.
        event: EventSummary,
        /// The status before.
        from: AnyStatus,
        /// The status now.
        to: AnyStatus,
    },
    /// The event closed (resolved, completed).
    EventResolved {
        /// The event.
        event: EventSummary,
        /// When it closed (its `resolved_at`).
        at: DateTime<Utc>,
    },
    /// A closed event opened again.
    EventReopened {
        /// The event.
        event: EventSummary,
    },
    /// The event's impact changed.
    ImpactChanged {
        /// The event.
        event: EventSummary,
        /// The impact before.
        from: Impact,
        /// The impact now.
        to: Impact,
    },
    /// A page component's status changed.
    ComponentChanged {
        /// The component.
        component: Component,
        /// Its status before.
        from: ComponentStatus,
        /// Its status now.
        to: ComponentStatus,
        /// When it changed, when known (a component webhook's `created_at`);
        /// else when it was observed.
        at: DateTime<Utc>,
    },
    /// An update seen before has another body.
    UpdateEdited {
        /// The event.
        event: EventSummary,
        /// The update as it is now.
        update: UpdateSummary,
        /// Its body before.
        previous_body: String,
    },
    /// An update seen before is gone from a later version of its event.
    UpdateDeleted {
        /// The event.
        event: EventSummary,
        /// The update as it was last seen.
        update: UpdateSummary,
    },
    /// The page's overall status changed.
    PageStatusChanged {
        /// The status before.
        from: PageIndicator,
        /// The status now.
        to: PageIndicator,
    },
}

/// The kind of a [`Change`], with its wire name (`event_opened`, ...).
///
/// # Example
///
/// ```
/// use incident_model::history::ChangeKind;
/// assert_eq!(ChangeKind::UpdatePosted.to_string(), "update_posted");
/// assert_eq!(ChangeKind::ALL.len(), 10);
/// ```
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Debug)]
#[non_exhaustive]
pub enum ChangeKind {
    /// [`Change::EventOpened`].
    EventOpened,
    /// [`Change::UpdatePosted`].
    UpdatePosted,
    /// [`Change::StatusChanged`].
    StatusChanged,
    /// [`Change::EventResolved`].
    EventResolved,
    /// [`Change::EventReopened`].
    EventReopened,
    /// [`Change::ImpactChanged`].
    ImpactChanged,
    /// [`Change::ComponentChanged`].
    ComponentChanged,
    /// [`Change::UpdateEdited`].
    UpdateEdited,
    /// [`Change::UpdateDeleted`].
    UpdateDeleted,
    /// [`Change::PageStatusChanged`].
    PageStatusChanged,
}

impl ChangeKind {
    /// Every kind, in the order of DESIGN.md.
    pub const ALL: [ChangeKind; 10] = [
        ChangeKind::EventOpened,
        ChangeKind::UpdatePosted,
        ChangeKind::StatusChanged,
        ChangeKind::EventResolved,
        ChangeKind::EventReopened,
        ChangeKind::ImpactChanged,
        ChangeKind::ComponentChanged,
        ChangeKind::UpdateEdited,
        ChangeKind::UpdateDeleted,
        ChangeKind::PageStatusChanged,
    ];

    /// The wire name.
    ///
    /// # Example
    ///
    /// See [`ChangeKind`].
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            ChangeKind::EventOpened => "event_opened",
            ChangeKind::UpdatePosted => "update_posted",
            ChangeKind::StatusChanged => "status_changed",
            ChangeKind::EventResolved => "event_resolved",
            ChangeKind::EventReopened => "event_reopened",
            ChangeKind::ImpactChanged => "impact_changed",
            ChangeKind::ComponentChanged => "component_changed",
            ChangeKind::UpdateEdited => "update_edited",
            ChangeKind::UpdateDeleted => "update_deleted",
            ChangeKind::PageStatusChanged => "page_status_changed",
        }
    }
}

impl fmt::Display for ChangeKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.as_str())
    }
}

impl Change {
    /// Its kind.
    ///
    /// # Example
    ///
    /// See [`Change`].
    #[must_use]
    pub fn kind(&self) -> ChangeKind {
        match self {
            Change::EventOpened { .. } => ChangeKind::EventOpened,
            Change::UpdatePosted { .. } => ChangeKind::UpdatePosted,
            Change::StatusChanged { .. } => ChangeKind::StatusChanged,
            Change::EventResolved { .. } => ChangeKind::EventResolved,
            Change::EventReopened { .. } => ChangeKind::EventReopened,
            Change::ImpactChanged { .. } => ChangeKind::ImpactChanged,
            Change::ComponentChanged { .. } => ChangeKind::ComponentChanged,
            Change::UpdateEdited { .. } => ChangeKind::UpdateEdited,
            Change::UpdateDeleted { .. } => ChangeKind::UpdateDeleted,
            Change::PageStatusChanged { .. } => ChangeKind::PageStatusChanged,
        }
    }

    /// The event it is about; none for component and page changes.
    ///
    /// # Example
    ///
    /// See [`Change`].
    #[must_use]
    pub fn event(&self) -> Option<&EventSummary> {
        match self {
            Change::EventOpened { event }
            | Change::UpdatePosted { event, .. }
            | Change::StatusChanged { event, .. }
            | Change::EventResolved { event, .. }
            | Change::EventReopened { event }
            | Change::ImpactChanged { event, .. }
            | Change::UpdateEdited { event, .. }
            | Change::UpdateDeleted { event, .. } => Some(event),
            Change::ComponentChanged { .. } | Change::PageStatusChanged { .. } => None,
        }
    }

    /// The update it is about, for update changes.
    ///
    /// # Example
    ///
    /// See [`Change`].
    #[must_use]
    pub fn update(&self) -> Option<&UpdateSummary> {
        match self {
            Change::UpdatePosted { update, .. }
            | Change::UpdateEdited { update, .. }
            | Change::UpdateDeleted { update, .. } => Some(update),
            _ => None,
        }
    }
}

/// One line a bot could post: `{event}: {what}`.
impl fmt::Display for Change {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Change::EventOpened { event } => write!(f, "{}: opened ({})", event.name, event.status),
            Change::UpdatePosted { event, update } => {
                write!(f, "{}: {}: {}", event.name, update.status, update.body)
            }
            Change::StatusChanged { event, from, to } => {
                write!(f, "{}: {from} -> {to}", event.name)
            }
            Change::EventResolved { event, .. } => write!(f, "{}: {}", event.name, event.status),
            Change::EventReopened { event } => write!(f, "{}: reopened", event.name),
            Change::ImpactChanged { event, from, to } => {
                write!(f, "{}: impact {from} -> {to}", event.name)
            }
            Change::ComponentChanged {
                component,
                from,
                to,
                ..
            } => {
                write!(f, "{}: {from} -> {to}", component.name)
            }
            Change::UpdateEdited { event, update, .. } => {
                write!(
                    f,
                    "{}: update {} edited: {}",
                    event.name, update.id, update.body
                )
            }
            Change::UpdateDeleted { event, update } => {
                write!(f, "{}: update {} deleted", event.name, update.id)
            }
            Change::PageStatusChanged { from, to } => {
                write!(f, "page: {} -> {}", from.description, to.description)
            }
        }
    }
}

/// An update id whose content is not the update seen before under it: the
/// changes of one event version against another also report these.
#[derive(Clone, PartialEq, Eq, Debug)]
pub(super) enum UpdateTrouble {
    /// The id came back with another status or display time.
    Reused(UpdateId),
    /// The update is gone.
    Deleted(UpdateId),
}

/// The changes from `old` (the updates of the earlier version, and its impact
/// when known) to `new`, appended to `out`; each update id whose content is
/// another update's, or which is gone, to `trouble`.
pub(super) fn event_changes<S: Lifecycle + Into<AnyStatus>>(
    old: Option<(&[Update<S>], Option<Impact>)>,
    new: &Event<S>,
    out: &mut Vec<Change>,
    trouble: &mut Vec<UpdateTrouble>,
) {
    let summary = summary(new);
    let Some((old_updates, old_impact)) = old.filter(|(updates, _)| !updates.is_empty()) else {
        out.push(Change::EventOpened {
            event: summary.clone(),
        });
        for update in new.updates() {
            out.push(posted(&summary, update));
        }
        if let Some(at) = new.resolved_at() {
            out.push(Change::EventResolved { event: summary, at });
        }
        return;
    };
    update_changes(old_updates, new, &summary, out, trouble);
    let from = old_updates.last().map_or(new.status(), Update::status);
    status_changes(from, new, &summary, out);
    if let Some(from) = old_impact.filter(|impact| *impact != new.impact()) {
        out.push(Change::ImpactChanged {
            event: summary,
            from,
            to: new.impact(),
        });
    }
}

fn posted<S: Lifecycle + Into<AnyStatus>>(event: &EventSummary, update: &Update<S>) -> Change {
    Change::UpdatePosted {
        event: event.clone(),
        update: UpdateSummary::of(update),
    }
}

/// Updates posted, edited, reused or deleted between `old` and `new`.
fn update_changes<S: Lifecycle + Into<AnyStatus>>(
    old: &[Update<S>],
    new: &Event<S>,
    summary: &EventSummary,
    out: &mut Vec<Change>,
    trouble: &mut Vec<UpdateTrouble>,
) {
    let by_id: HashMap<&UpdateId, &Update<S>> = old.iter().map(|u| (u.id(), u)).collect();
    for update in new.updates() {
        let Some(before) = by_id.get(update.id()) else {
            out.push(posted(summary, update));
            continue;
        };
        if before.status() != update.status() || before.display_at() != update.display_at() {
            trouble.push(UpdateTrouble::Reused(update.id().clone()));
        }
        if before.body() != update.body() || before.status() != update.status() {
            out.push(Change::UpdateEdited {
                event: summary.clone(),
                update: UpdateSummary::of(update),
                previous_body: before.body().to_owned(),
            });
        }
    }
    let now: HashSet<&UpdateId> = new.updates().iter().map(Update::id).collect();
    for before in old.iter().filter(|u| !now.contains(u.id())) {
        trouble.push(UpdateTrouble::Deleted(before.id().clone()));
        out.push(Change::UpdateDeleted {
            event: summary.clone(),
            update: UpdateSummary::of(before),
        });
    }
}

/// A status change from `from` to `new`'s status, and its resolution or
/// reopening.
fn status_changes<S: Lifecycle + Into<AnyStatus>>(
    from: S,
    new: &Event<S>,
    summary: &EventSummary,
    out: &mut Vec<Change>,
) {
    let to = new.status();
    if from == to {
        return;
    }
    out.push(Change::StatusChanged {
        event: summary.clone(),
        from: from.into(),
        to: to.into(),
    });
    match (from.is_open(), to.is_open(), new.resolved_at()) {
        (true, false, Some(at)) => out.push(Change::EventResolved {
            event: summary.clone(),
            at,
        }),
        (false, true, _) => out.push(Change::EventReopened {
            event: summary.clone(),
        }),
        _ => {}
    }
}
