//! An event's components: the list it gives against the components its updates
//! name, and, once the event is built, their statuses against its updates.

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
        let mut components: Vec<Component> = Vec::new();
        for (j, c) in given.into_iter().enumerate() {
            let pc = self.component(c, here, Some(j))?;
            if components.iter().any(|m| m.id == pc.component.id) {
                self.push(anomalies::duplicate_component(
                    here.incident,
                    &pc.component.id,
                ));
            } else {
                components.push(pc.component.clone());
                extras.components.push(pc);
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
        let changes = || updates.iter().flat_map(|(u, _)| u.component_changes());
        // Few components per incident: linear look-ups beat building sets.
        let mut unlisted: Vec<&str> = Vec::new();
        for c in changes() {
            let id = c.component_id.as_str();
            if !listed.iter().any(|l| l.id == c.component_id) && !unlisted.contains(&id) {
                unlisted.push(id);
            }
        }
        let unnamed: Vec<&str> = listed
            .iter()
            .filter(|l| !changes().any(|c| c.component_id == l.id))
            .map(|l| l.id.as_str())
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
        for kept in kept {
            let announced = changes(event)
                .filter(|c| c.component_id == kept.component.id)
                .last()
                .map(|c| c.new_status);
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
        // The last status of each component, in order of first change.
        let mut last: Vec<(&ComponentId, &str, ComponentStatus)> = Vec::new();
        for change in changes(event) {
            match last
                .iter_mut()
                .find(|(id, _, _)| **id == change.component_id)
            {
                Some(entry) => entry.2 = change.new_status,
                None => last.push((&change.component_id, &change.name, change.new_status)),
            }
        }
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

/// The event's component changes, in display order.
fn changes<S: Lifecycle>(event: &Event<S>) -> impl Iterator<Item = &ComponentChange> {
    event.updates().iter().flat_map(Update::component_changes)
}
