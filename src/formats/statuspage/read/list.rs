//! A document's lists of events, each event read into the model as its wire
//! element is deserialized (and the element dropped at once), so that the
//! whole wire tree and the model are never both alive.
//!
//! A list is read in a context of its own ([`Cx`]): its records, anomalies,
//! timestamp formats and first error wait in an [`EventList`] until
//! [`Cx::document`] takes them, in the whole read's order (after the page,
//! status and components, whatever the order of the keys), after the shape
//! and the number of events are checked: the errors and anomalies are those
//! of a read of the whole wire tree.

use serde::de::SeqAccess;

use super::super::wire::{ListReader, WireIncident};
use super::super::{write, BadEvents, Document, Shape, SkippedEvent, StatuspageError};
use super::{Cx, EventList, ListSeed};

impl ListReader for ListSeed {
    type List = EventList;
    fn read_list<'de, A: SeqAccess<'de>>(
        self,
        name: &'static str,
        mut seq: A,
    ) -> Result<EventList, A::Error> {
        let mut list = EventList {
            cx: Cx {
                limits: self.limits,
                bad_events: self.bad_events,
                ..Cx::default()
            },
            ..EventList::default()
        };
        while let Some(w) = seq.next_element::<WireIncident<'de>>()? {
            let index = list.len;
            list.len = list.len.saturating_add(1);
            if list.error.is_some() {
                continue;
            }
            if list.len > self.limits.max_events {
                // The document is refused for its number of events: what was
                // read is dropped, the rest is only checked for its syntax.
                list.doc = Document::new(Shape::Incidents);
                list.cx.anomalies = Vec::new();
                continue;
            }
            if let Err(error) = list.cx.list_item(w, name, index, &mut list.doc) {
                list.error = Some(error);
            }
        }
        Ok(list)
    }
}

impl Cx {
    /// Reads the event `w` at `index` of the list `name` into `doc`: a skipped
    /// event (under [`BadEvents::Skip`]) takes its anomalies with it.
    fn list_item(
        &mut self,
        w: WireIncident<'_>,
        name: &str,
        index: usize,
        doc: &mut Document,
    ) -> Result<(), StatuspageError> {
        let container = format!("{name}[{index}]");
        let anomalies = self.anomalies.len();
        let before = (doc.incidents.len(), doc.maintenances.len());
        match self.event_into(w, &container, doc) {
            Err(error) if self.skips(&error) => {
                self.anomalies.truncate(anomalies);
                doc.skipped.push(SkippedEvent { container, error });
            }
            Err(error) => return Err(error),
            Ok(()) => {
                let in_maintenances = name == "scheduled_maintenances";
                write::note_list_position(doc, before, in_maintenances, index);
            }
        }
        Ok(())
    }

    /// Whether an event's `error` skips the event rather than refusing the
    /// document.
    fn skips(&self, error: &StatuspageError) -> bool {
        self.bad_events == BadEvents::Skip
            && !matches!(error, StatuspageError::LimitExceeded { .. })
    }

    /// Takes the list read into `doc`, with its anomalies and timestamp
    /// formats; its error, if any.
    pub(super) fn take_list(
        &mut self,
        list: Option<EventList>,
        doc: &mut Document,
    ) -> Result<(), StatuspageError> {
        let Some(mut list) = list else {
            return Ok(());
        };
        if let Some(error) = list.error {
            return Err(error);
        }
        // The list's anomalies after those read before it, in the list's
        // vector (the larger): no second copy of them at the peak.
        let before = std::mem::replace(&mut self.anomalies, list.cx.anomalies);
        self.anomalies.splice(0..0, before);
        self.offsets.append(&mut list.cx.offsets);
        self.whole_seconds = self.whole_seconds.saturating_add(list.cx.whole_seconds);
        self.fractional_seconds = self
            .fractional_seconds
            .saturating_add(list.cx.fractional_seconds);
        move_into(&mut doc.incidents, list.doc.incidents);
        move_into(&mut doc.maintenances, list.doc.maintenances);
        move_into(&mut doc.skipped, list.doc.skipped);
        Ok(())
    }
}

/// Appends `items` to `into`, moving the vector when `into` is empty (no
/// second copy of a document's records at the peak).
fn move_into<T>(into: &mut Vec<T>, mut items: Vec<T>) {
    if into.is_empty() {
        *into = items;
    } else {
        into.append(&mut items);
    }
}
