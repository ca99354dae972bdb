//! A report over many documents goes through a history of each page: one row
//! per (page, event), the version from the latest observation, each open
//! event measured until it was last seen, stale events flagged.

use std::collections::HashMap;

use incident_model::history::{History, Observation, PageKey};
use incident_model::output::report::Report;
use incident_model::EventId;

use super::common::Source;
use super::notes;

/// One history per page over `sources`, merged by `observed_at`, and the
/// source each kept version comes from. A document that holds no time to be
/// observed at has no observation: its index is in the third list.
pub fn histories(sources: &[Source]) -> (Vec<(PageKey, History)>, Versions, Vec<usize>) {
    let mut observed: Vec<(usize, Observation)> = Vec::new();
    let mut unobserved = Vec::new();
    for (i, source) in sources.iter().enumerate() {
        match source.document.observation(&source.name) {
            Ok(observation) => observed.push((i, observation)),
            Err(_) => unobserved.push(i),
        }
    }
    observed.sort_by_key(|(_, o)| o.observed_at().at());
    let mut histories: Vec<(PageKey, History)> = Vec::new();
    let mut version_of = Versions::new();
    for (i, observation) in observed {
        let page = observation.page().clone();
        let at = observation.observed_at().at();
        let ids: Vec<EventId> = observation
            .events()
            .iter()
            .map(|e| e.id().clone())
            .collect();
        let slot = match histories.iter().position(|(p, _)| *p == page) {
            Some(slot) => slot,
            None => {
                histories.push((page.clone(), History::new()));
                histories.len() - 1
            }
        };
        let Some((_, history)) = histories.get_mut(slot) else {
            continue;
        };
        // One history per page: observing cannot be refused.
        let _changes = history.observe(observation);
        for id in ids {
            if history.event(&id).is_some_and(|t| t.observed_at() == at) {
                version_of.insert((page.clone(), id), i);
            }
        }
    }
    (histories, version_of, unobserved)
}

/// The source (index) each kept version of a (page, event) comes from.
pub type Versions = HashMap<(PageKey, EventId), usize>;

/// Adds every event of `sources` to `report` through one history per page.
/// A document that holds no time to be observed at is added as it is.
pub fn push_sources(report: &mut Report, sources: &[Source]) {
    let (histories, version_of, unobserved) = histories(sources);
    for source in unobserved.iter().filter_map(|i| sources.get(*i)) {
        notes::push_document(report, &source.document, &source.name);
    }
    let mut by_source: Vec<HashMap<EventId, Vec<notes::Note>>> = Vec::new();
    for source in sources {
        let (by_event, document_wide) = notes::notes_by_event(&source.document, &source.name);
        for note in document_wide {
            report.push_note(note);
        }
        by_source.push(by_event);
    }
    for (page, history) in &histories {
        for tracked in history.events() {
            let id = tracked.event().id();
            let notes = version_of
                .get(&(page.clone(), id.clone()))
                .and_then(|i| by_source.get(*i))
                .and_then(|by_event| by_event.get(id))
                .cloned()
                .unwrap_or_default();
            report.push_tracked(page, tracked, notes);
        }
    }
}
