//! The history of a page: merging observations, in `observed_at` order.

use std::collections::{HashMap, HashSet};

use chrono::{DateTime, Utc};

use super::change::{event_changes, Change, UpdateTrouble};
use super::observation::{Observation, PageIndicator, PageKey};
use super::{
    Coverage, HistoryAnomaly, HistoryAnomalyKind, HistoryError, ObservationRecord,
    TrackedComponent, TrackedEvent,
};
use crate::any::AnyEvent;
use crate::component::Component;
use crate::id::{ComponentId, EventId, UpdateId};
use crate::status::ComponentStatus;
use crate::update::Update;

/// What a history keeps, and serializes.
#[derive(Clone, PartialEq, Eq, Debug, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
struct State {
    #[cfg_attr(feature = "serde", serde(default))]
    page: Option<PageKey>,
    #[cfg_attr(feature = "serde", serde(default))]
    page_name: Option<String>,
    #[cfg_attr(feature = "serde", serde(default))]
    events: Vec<TrackedEvent>,
    #[cfg_attr(feature = "serde", serde(default))]
    components: Vec<TrackedComponent>,
    #[cfg_attr(feature = "serde", serde(default))]
    page_status: Option<(PageIndicator, DateTime<Utc>)>,
    #[cfg_attr(feature = "serde", serde(default))]
    observations: Vec<ObservationRecord>,
    #[cfg_attr(feature = "serde", serde(default))]
    anomalies: Vec<HistoryAnomaly>,
}

/// Look-ups into a [`State`], rebuilt from it (not serialized).
#[derive(Clone, Debug, Default)]
struct Index {
    events: HashMap<EventId, usize>,
    components: HashMap<ComponentId, usize>,
    /// The event each update id was first seen in.
    updates: HashMap<UpdateId, EventId>,
}

impl Index {
    #[cfg(feature = "serde")]
    fn of(state: &State) -> Self {
        let mut index = Index::default();
        for (i, tracked) in state.events.iter().enumerate() {
            index.events.insert(tracked.event.id().clone(), i);
            for update in update_ids(&tracked.event) {
                index
                    .updates
                    .entry(update.clone())
                    .or_insert_with(|| tracked.event.id().clone());
            }
        }
        for (i, tracked) in state.components.iter().enumerate() {
            index.components.insert(tracked.component.id.clone(), i);
        }
        index
    }
}

/// The update ids of `event`.
fn update_ids(event: &AnyEvent) -> Vec<&UpdateId> {
    match event {
        AnyEvent::Incident(e) => e.updates().iter().map(Update::id).collect(),
        AnyEvent::Maintenance(e) => e.updates().iter().map(Update::id).collect(),
    }
}

/// The history of one page, merged from its observations. See the
/// [module documentation](super).
///
/// O(e + u + c) per observation of e events with u updates over a page of c
/// components, plus the events the history already tracks (for staleness).
///
/// # Example
///
/// See the [module documentation](super); persistence:
///
/// ```
/// # #[cfg(feature = "json")] {
/// use chrono::{TimeZone, Utc};
/// use incident_model::history::{History, Observation, ObservedAt, PageKey};
/// use incident_model::{Incident, IncidentStatus::*, Update};
/// let at = Utc.with_ymd_and_hms(2020, 3, 16, 14, 28, 0).unwrap();
/// let mut history = History::new();
/// history.observe(Observation::new(PageKey::Id("p".into()), ObservedAt::Given(at))
///     .with_event(Incident::builder("Slow page loads").update(Update::new(Identified, at)).build()?))?;
/// let saved = serde_json::to_string(&history)?;
/// let again: History = serde_json::from_str(&saved)?;
/// assert_eq!(again, history);
/// # }
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, Default)]
pub struct History {
    state: State,
    index: Index,
}

impl PartialEq for History {
    fn eq(&self, other: &Self) -> bool {
        self.state == other.state
    }
}

impl Eq for History {}

#[cfg(feature = "serde")]
impl serde::Serialize for History {
    fn serialize<Ser: serde::Serializer>(&self, serializer: Ser) -> Result<Ser::Ok, Ser::Error> {
        self.state.serialize(serializer)
    }
}

#[cfg(feature = "serde")]
impl<'de> serde::Deserialize<'de> for History {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let state = State::deserialize(deserializer)?;
        let index = Index::of(&state);
        Ok(History { state, index })
    }
}

/// The changes from `older` to `newer`, two observations of one page: what a
/// history that took in `older` returns for `newer`.
///
/// # Errors
///
/// [`HistoryError::OtherPage`] when they are of two pages.
///
/// # Example
///
/// See [`Change`].
pub fn changes(older: Observation, newer: Observation) -> Result<Vec<Change>, HistoryError> {
    let mut history = History::new();
    history.observe(older)?;
    history.observe(newer)
}

/// The changes one observation announces by itself, such as a webhook
/// delivery: for each event, its latest update against the version before it
/// (a single update: the event opened), and the component changes it
/// announces.
///
/// # Example
///
/// ```
/// use chrono::{TimeZone, Utc};
/// use incident_model::history::{self, ChangeKind, Observation, ObservedAt, PageKey};
/// use incident_model::{Incident, IncidentStatus::*, Update};
/// let at = |m| Utc.with_ymd_and_hms(2017, 12, 26, 7, m, 0).unwrap();
/// let incident = Incident::builder("Database query delays")
///     .update(Update::new(Identified, at(32)))
///     .update(Update::new(Resolved, at(37)).with_body("Fixed."))
///     .build()?;
/// let delivery = Observation::new(PageKey::Id("jb7j80lkgqvb".into()), ObservedAt::Given(at(37)))
///     .with_event(incident);
/// let kinds: Vec<ChangeKind> = history::announced(&delivery).iter().map(|c| c.kind()).collect();
/// assert_eq!(kinds, [ChangeKind::UpdatePosted, ChangeKind::StatusChanged, ChangeKind::EventResolved]);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[must_use]
pub fn announced(observation: &Observation) -> Vec<Change> {
    let mut out = Vec::new();
    let mut trouble = Vec::new();
    for event in observation.events() {
        match event {
            AnyEvent::Incident(e) => {
                let before = e.updates().split_last().map(|(_, rest)| (rest, None));
                event_changes(before, e, &mut out, &mut trouble);
            }
            AnyEvent::Maintenance(e) => {
                let before = e.updates().split_last().map(|(_, rest)| (rest, None));
                event_changes(before, e, &mut out, &mut trouble);
            }
        }
    }
    for announced in observation.announced() {
        let change = &announced.change;
        out.push(Change::ComponentChanged {
            component: Component::new(change.component_id.clone(), change.name.clone()),
            from: change.old_status,
            to: change.new_status,
            at: announced.at,
        });
    }
    out
}

impl History {
    /// An empty history, of no page yet: the first observation names it.
    ///
    /// # Example
    ///
    /// ```
    /// assert!(incident_model::history::History::new().events().is_empty());
    /// ```
    #[must_use]
    pub fn new() -> Self {
        History::default()
    }

    /// Takes in `observation` and returns the changes it brings, in the
    /// order: events (each: opened, updates posted, edited or deleted, status,
    /// resolution, impact), page components, page status. An observation
    /// older than what the history holds of an event, a component or the page
    /// status changes nothing of it. Fed in order, each change comes exactly
    /// once.
    ///
    /// # Errors
    ///
    /// [`HistoryError::OtherPage`] when the observation is of another page
    /// than the history's.
    ///
    /// # Example
    ///
    /// See the [module documentation](super).
    pub fn observe(&mut self, mut observation: Observation) -> Result<Vec<Change>, HistoryError> {
        match &self.state.page {
            Some(page) if page != observation.page() => {
                return Err(HistoryError::OtherPage {
                    history: page.clone(),
                    observation: observation.page().clone(),
                })
            }
            Some(_) => {}
            None => self.state.page = Some(observation.page().clone()),
        }
        if let Some(name) = observation.page_name() {
            self.state.page_name = Some(name.to_owned());
        }
        let mut out = Vec::new();
        let events = observation.take_events();
        let listed = self.merge_events(events, observation.observed_at().at(), &mut out);
        self.mark_stale(&observation, &listed);
        self.merge_components(&observation, &mut out);
        self.merge_page_status(&observation, &mut out);
        self.state.observations.push(ObservationRecord {
            observed_at: observation.observed_at(),
            coverage: observation.coverage(),
        });
        Ok(out)
    }

    /// Merges the observation's events; returns the ids it listed.
    fn merge_events(
        &mut self,
        events: Vec<AnyEvent>,
        at: DateTime<Utc>,
        out: &mut Vec<Change>,
    ) -> HashSet<EventId> {
        let mut listed = HashSet::new();
        for event in events {
            listed.insert(event.id().clone());
            let position = self.index.events.get(event.id()).copied();
            let tracked = position.and_then(|i| self.state.events.get(i));
            if tracked.is_some_and(|t| t.observed_at > at) {
                continue; // an older observation arriving late
            }
            let mut trouble = Vec::new();
            if !version_changes(tracked.map(|t| &t.event), &event, out, &mut trouble) {
                self.anomaly(HistoryAnomalyKind::EventKindChanged, event.id(), None, at);
            }
            for trouble in trouble {
                let (kind, update) = match trouble {
                    UpdateTrouble::Reused(id) => (HistoryAnomalyKind::UpdateIdReused, id),
                    UpdateTrouble::Deleted(id) => (HistoryAnomalyKind::UpdateDeleted, id),
                };
                self.anomaly(kind, event.id(), Some(update), at);
            }
            self.updates_elsewhere(&event, at);
            let id = event.id().clone();
            let fresh = TrackedEvent {
                event,
                observed_at: at,
                last_seen: at,
                stale_since: None,
            };
            match position.and_then(|i| self.state.events.get_mut(i)) {
                Some(slot) => *slot = fresh,
                None => {
                    self.index.events.insert(id, self.state.events.len());
                    self.state.events.push(fresh);
                }
            }
        }
        listed
    }

    /// Reports each update id of `event` first seen in another event.
    fn updates_elsewhere(&mut self, event: &AnyEvent, at: DateTime<Utc>) {
        let mut reused = Vec::new();
        for update in update_ids(event) {
            let owner = self
                .index
                .updates
                .entry(update.clone())
                .or_insert_with(|| event.id().clone());
            if owner != event.id() {
                reused.push(update.clone());
            }
        }
        for update in reused {
            self.anomaly(
                HistoryAnomalyKind::UpdateIdReused,
                event.id(),
                Some(update),
                at,
            );
        }
    }

    fn anomaly(
        &mut self,
        kind: HistoryAnomalyKind,
        event: &EventId,
        update: Option<UpdateId>,
        observed_at: DateTime<Utc>,
    ) {
        self.state.anomalies.push(HistoryAnomaly {
            kind,
            event: event.clone(),
            update,
            observed_at,
        });
    }

    /// Marks stale each open event the observation covers but did not list.
    fn mark_stale(&mut self, observation: &Observation, listed: &HashSet<EventId>) {
        let at = observation.observed_at().at();
        let coverage = observation.coverage();
        for tracked in &mut self.state.events {
            let unlisted = !listed.contains(tracked.event.id());
            if unlisted
                && tracked.stale_since.is_none()
                && tracked.last_seen < at
                && tracked.event.is_open()
                && coverage.covers(tracked.event.opened_at())
            {
                tracked.stale_since = Some(at);
            }
        }
    }

    /// Merges the observation's page components and announced changes.
    fn merge_components(&mut self, observation: &Observation, out: &mut Vec<Change>) {
        let at = observation.observed_at().at();
        let announced = observation.announced().iter().map(|a| {
            let component = Component::new(a.change.component_id.clone(), a.change.name.clone());
            (
                component,
                a.change.new_status,
                a.at,
                Some(a.change.old_status),
            )
        });
        let listed = observation
            .components()
            .iter()
            .filter(|c| {
                !observation
                    .announced()
                    .iter()
                    .any(|a| a.change.component_id == c.component.id)
            })
            .map(|c| (c.component.clone(), c.status, at, None));
        for (component, status, since, from) in announced.chain(listed).collect::<Vec<_>>() {
            self.merge_component(component, status, since, from, out);
        }
    }

    fn merge_component(
        &mut self,
        component: Component,
        status: ComponentStatus,
        at: DateTime<Utc>,
        announced_from: Option<ComponentStatus>,
        out: &mut Vec<Change>,
    ) {
        let position = self.index.components.get(&component.id).copied();
        let Some(tracked) = position.and_then(|i| self.state.components.get_mut(i)) else {
            if let Some(from) = announced_from.filter(|from| *from != status) {
                out.push(Change::ComponentChanged {
                    component: component.clone(),
                    from,
                    to: status,
                    at,
                });
            }
            self.index
                .components
                .insert(component.id.clone(), self.state.components.len());
            self.state.components.push(TrackedComponent {
                component,
                status,
                at,
            });
            return;
        };
        if tracked.at > at {
            return;
        }
        if tracked.status != status {
            out.push(Change::ComponentChanged {
                component: component.clone(),
                from: tracked.status,
                to: status,
                at,
            });
        }
        *tracked = TrackedComponent {
            component,
            status,
            at,
        };
    }

    fn merge_page_status(&mut self, observation: &Observation, out: &mut Vec<Change>) {
        let at = observation.observed_at().at();
        let Some(status) = observation.page_status() else {
            return;
        };
        match &self.state.page_status {
            Some((_, since)) if *since > at => return,
            Some((before, _)) if before != status => out.push(Change::PageStatusChanged {
                from: before.clone(),
                to: status.clone(),
            }),
            _ => {}
        }
        self.state.page_status = Some((status.clone(), at));
    }

    /// The page, once an observation named it.
    ///
    /// # Example
    ///
    /// See [`HistoryError`].
    #[must_use]
    pub fn page(&self) -> Option<&PageKey> {
        self.state.page.as_ref()
    }

    /// The page's display name, when an observation gave one.
    ///
    /// # Example
    ///
    /// See the [module documentation](super).
    #[must_use]
    pub fn page_name(&self) -> Option<&str> {
        self.state.page_name.as_deref()
    }

    /// Every event, in the order first seen.
    ///
    /// # Example
    ///
    /// See the [module documentation](super).
    #[must_use]
    pub fn events(&self) -> &[TrackedEvent] {
        &self.state.events
    }

    /// The event of id `id`.
    ///
    /// # Example
    ///
    /// ```
    /// # let id: incident_model::EventId = "x".parse()?;
    /// assert!(incident_model::history::History::new().event(&id).is_none());
    /// # Ok::<(), incident_model::IdError>(())
    /// ```
    #[must_use]
    pub fn event(&self, id: &EventId) -> Option<&TrackedEvent> {
        self.index
            .events
            .get(id)
            .and_then(|i| self.state.events.get(*i))
    }

    /// Every page component, in the order first seen.
    ///
    /// # Example
    ///
    /// See [`TrackedComponent`].
    #[must_use]
    pub fn components(&self) -> &[TrackedComponent] {
        &self.state.components
    }

    /// The page status last observed, and when.
    ///
    /// # Example
    ///
    /// See [`PageIndicator`].
    #[must_use]
    pub fn page_status(&self) -> Option<(&PageIndicator, DateTime<Utc>)> {
        self.state.page_status.as_ref().map(|(s, at)| (s, *at))
    }

    /// The observations taken in, in arrival order.
    ///
    /// # Example
    ///
    /// ```
    /// # use chrono::{TimeZone, Utc};
    /// use incident_model::history::{Coverage, History, Observation, ObservedAt, PageKey};
    /// # let at = ObservedAt::Given(Utc.with_ymd_and_hms(2020, 3, 16, 12, 0, 0).unwrap());
    /// let mut history = History::new();
    /// history.observe(Observation::new(PageKey::Id("p".into()), at).with_coverage(Coverage::OpenEvents))?;
    /// assert_eq!(history.observations()[0].coverage, Coverage::OpenEvents);
    /// assert_eq!(history.last_observed_at(), Some(at.at()));
    /// # Ok::<(), incident_model::history::HistoryError>(())
    /// ```
    #[must_use]
    pub fn observations(&self) -> &[ObservationRecord] {
        &self.state.observations
    }

    /// What the observations cover, as uptime counts it
    /// ([`uptime::Coverage`](crate::uptime::Coverage)): no data is neither up
    /// nor down. An observation of the page's whole history covers all time
    /// up to when it was made; a full list ([`Coverage::Since`]) from its
    /// oldest event up to then; every event seen covers its own span, from
    /// when it opened until it was last seen open (or resolved), since it
    /// says what its components did meanwhile. A summary of open events says
    /// nothing of the time between two polls, so it covers only its events.
    /// Nothing is covered after the latest observation. O(o + e log e) in
    /// the o observations and e events.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::{TimeZone, Utc};
    /// use incident_model::history::{Coverage, History, Observation, ObservedAt, PageKey};
    /// use incident_model::Window;
    /// let t = |d| Utc.with_ymd_and_hms(2020, 3, d, 0, 0, 0).unwrap();
    /// let mut history = History::new();
    /// let list = Observation::new(PageKey::Id("p".into()), ObservedAt::Given(t(20)))
    ///     .with_coverage(Coverage::Since(t(10)));
    /// history.observe(list)?;
    /// let covered = history.covered();
    /// let spans: Vec<Window> = covered.spans().collect();
    /// assert_eq!(spans, [Window::new(t(10), t(20))?]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn covered(&self) -> crate::uptime::Coverage {
        let observed = self.state.observations.iter().filter_map(|o| {
            let until = o.observed_at.at();
            match o.coverage {
                Coverage::WholeHistory => Some((DateTime::<Utc>::MIN_UTC, until)),
                Coverage::Since(since) => Some((since.min(until), until)),
                Coverage::OpenEvents | Coverage::ListedEvents => None,
            }
        });
        let events = self.events().iter().map(|t| {
            let opened = t.event().opened_at();
            (opened.min(t.measured_until()), t.measured_until())
        });
        // Every span starts at or before its end: none is refused.
        crate::uptime::Coverage::from_spans(observed.chain(events))
            .unwrap_or_else(|_| crate::uptime::Coverage::none())
    }

    /// When the latest observation was made.
    ///
    /// # Example
    ///
    /// See [`History::observations`].
    #[must_use]
    pub fn last_observed_at(&self) -> Option<DateTime<Utc>> {
        self.state
            .observations
            .iter()
            .map(|o| o.observed_at.at())
            .max()
    }

    /// Everything the history noticed across observations, in order.
    ///
    /// # Example
    ///
    /// ```
    /// # use chrono::{TimeZone, Utc};
    /// use incident_model::history::{History, HistoryAnomalyKind, Observation, ObservedAt, PageKey};
    /// use incident_model::{Incident, IncidentStatus::*, Update, UpdateId};
    /// # let at = |h| Utc.with_ymd_and_hms(2020, 3, 16, h, 0, 0).unwrap();
    /// let update = |id: &str, h| Update::new(Investigating, at(h)).with_id(UpdateId::new(id).unwrap());
    /// let version = |updates: Vec<_>| {
    ///     let mut b = Incident::builder("x").id("x1".parse().unwrap());
    ///     for u in updates { b = b.update(u); }
    ///     b.build().unwrap()
    /// };
    /// let page = || PageKey::Id("p".into());
    /// let mut history = History::new();
    /// history.observe(Observation::new(page(), ObservedAt::Given(at(10))).with_event(version(vec![update("u1", 9), update("u2", 10)])))?;
    /// history.observe(Observation::new(page(), ObservedAt::Given(at(11))).with_event(version(vec![update("u1", 9)])))?;
    /// assert_eq!(history.anomalies()[0].kind, HistoryAnomalyKind::UpdateDeleted);
    /// assert_eq!(history.anomalies()[0].to_string(), "update_deleted: event x1, update u2, observed at 2020-03-16T11:00:00Z");
    /// # Ok::<(), incident_model::history::HistoryError>(())
    /// ```
    #[must_use]
    pub fn anomalies(&self) -> &[HistoryAnomaly] {
        &self.state.anomalies
    }
}

/// The changes from `old` to `new` of one event; false when the two are of
/// different kinds (nothing is reported then but the anomaly).
fn version_changes(
    old: Option<&AnyEvent>,
    new: &AnyEvent,
    out: &mut Vec<Change>,
    trouble: &mut Vec<UpdateTrouble>,
) -> bool {
    match (old, new) {
        (None, AnyEvent::Incident(n)) => event_changes(None, n, out, trouble),
        (None, AnyEvent::Maintenance(n)) => event_changes(None, n, out, trouble),
        (Some(AnyEvent::Incident(o)), AnyEvent::Incident(n)) => {
            event_changes(Some((o.updates(), Some(o.impact()))), n, out, trouble);
        }
        (Some(AnyEvent::Maintenance(o)), AnyEvent::Maintenance(n)) => {
            event_changes(Some((o.updates(), Some(o.impact()))), n, out, trouble);
        }
        (Some(_), _) => return false,
    }
    true
}
