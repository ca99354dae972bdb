//! An event's components: the list it gives against the components its updates
//! name, and, once the event is built, their statuses against its updates.

use foldhash::{HashMap, HashMapExt as _, HashSet, HashSetExt as _};

use super::super::wire::WireComponent;
use super::super::{Extras, PageComponent, StatuspageError};
use super::{anomalies, Cx, Here, Read};
use crate::component::Component;
use crate::event::Event;
use crate::id::ComponentId;
use crate::policy::Lifecycle;
use crate::status::ComponentStatus;
use crate::update::{ComponentChange, Update};

impl Cx {
    /// The components listed (the first of duplicates kept; each also into
    /// `extras.components`), checked against those the updates name.
    pub(super) fn components<S: Lifecycle>(
        &mut self,
        given: Option<Vec<WireComponent<'_>>>,
        updates: &[Read<S>],
        extras: &mut Extras,
        here: &Here<'_>,
    ) -> Result<Vec<Component>, StatuspageError> {
        let Some(given) = given else {
            self.push(anomalies::missing_components(here.incident));
            return Ok(Vec::new());
        };
        let mut components: Vec<Component> = Vec::with_capacity(given.len());
        let mut seen: HashSet<ComponentId> = HashSet::with_capacity(given.len());
        for (j, c) in given.into_iter().enumerate() {
            let pc = self.component(c, here, Some(j))?;
            if seen.insert(pc.component.id.clone()) {
                components.push(pc.component.clone());
                extras.components.push(pc);
            } else {
                self.push(anomalies::duplicate_component(
                    here.incident,
                    &pc.component.id,
                ));
            }
        }
        self.components_mismatch(&components, updates, here);
        Ok(components)
    }

    /// Components named by updates but not listed, and listed but named by none.
    fn components_mismatch<S: Lifecycle>(
        &mut self,
        listed: &[Component],
        updates: &[Read<S>],
        here: &Here<'_>,
    ) {
        let changes = updates.iter().flat_map(|(u, _)| u.component_changes());
        // Hash sets: an event may list or change many thousand components.
        let listed_ids: HashSet<&str> = listed.iter().map(|l| l.id.as_str()).collect();
        let mut named: HashSet<&str> = HashSet::new();
        let mut unlisted: Vec<&str> = Vec::new();
        for c in changes {
            let id = c.component_id.as_str();
            if named.insert(id) && !listed_ids.contains(id) {
                unlisted.push(id);
            }
        }
        let unnamed: Vec<&str> = listed
            .iter()
            .map(|l| l.id.as_str())
            .filter(|id| !named.contains(id))
            .collect();
        if !unlisted.is_empty() || !unnamed.is_empty() {
            self.push(anomalies::components_mismatch(
                here.incident,
                &unlisted,
                &unnamed,
            ));
        }
    }

    /// An open event's components as given against the statuses its updates
    /// last announced; a closed event's components its updates left other than
    /// operational.
    pub(super) fn component_statuses<S: Lifecycle>(
        &mut self,
        event: &Event<S>,
        kept: &[PageComponent],
        here: &Here<'_>,
    ) {
        if event.is_open() {
            self.announced(event, kept, here);
        } else {
            self.not_restored(event, here);
        }
    }

    fn announced<S: Lifecycle>(
        &mut self,
        event: &Event<S>,
        kept: &[PageComponent],
        here: &Here<'_>,
    ) {
        let announced = last_statuses(event);
        for kept in kept {
            let announced = announced
                .index
                .get(&kept.component.id)
                .and_then(|&i| announced.order.get(i))
                .map(|&(_, _, status)| status);
            if let (Some(given), Some(announced)) = (kept.status, announced) {
                if given != announced {
                    let (id, name) = (&kept.component.id, &kept.component.name);
                    let anomaly = anomalies::component_status_mismatch(
                        here.incident,
                        id,
                        name,
                        given,
                        announced,
                    );
                    self.push(anomaly);
                }
            }
        }
    }

    fn not_restored<S: Lifecycle>(&mut self, event: &Event<S>, here: &Here<'_>) {
        let last = last_statuses(event).order;
        let closed = (S::KIND, event.status());
        for (id, name, status) in last {
            if status != ComponentStatus::Operational {
                let anomaly =
                    anomalies::component_not_restored(here.incident, &closed, id, name, status);
                self.push(anomaly);
            }
        }
    }
}

/// The last status of each component an event's updates change.
struct LastStatuses<'a> {
    /// Id, name (of the first change) and last status, in order of first change.
    order: Vec<(&'a ComponentId, &'a str, ComponentStatus)>,
    /// The position in `order` of each id.
    index: HashMap<&'a ComponentId, usize>,
}

fn last_statuses<S: Lifecycle>(event: &Event<S>) -> LastStatuses<'_> {
    let mut last = LastStatuses {
        order: Vec::new(),
        index: HashMap::new(),
    };
    for change in changes(event) {
        let next = last.order.len();
        let i = *last.index.entry(&change.component_id).or_insert(next);
        match last.order.get_mut(i) {
            Some(entry) => entry.2 = change.new_status,
            None => last
                .order
                .push((&change.component_id, &change.name, change.new_status)),
        }
    }
    last
}

/// The event's component changes, in display order.
fn changes<S: Lifecycle>(event: &Event<S>) -> impl Iterator<Item = &ComponentChange> {
    event.updates().iter().flat_map(Update::component_changes)
}
