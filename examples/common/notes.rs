//! The glue between the Statuspage reader and the report: a document's events
//! go into the report with the anomalies that name them, turned into notes;
//! the report itself knows no format.

use std::collections::HashMap;

use incident_model::formats::statuspage::{Anomaly, Document};
pub use incident_model::output::report::Note;
use incident_model::output::report::Report;
use incident_model::EventId;

/// Adds every incident and maintenance of `document` (incidents first, each
/// list in document order), each with the anomalies that name it; the other
/// anomalies (document-wide, or naming an event the document does not hold)
/// are added as document-wide notes, their detail prefixed with `source` (a
/// file name, say) when it is not empty.
pub fn push_document(report: &mut Report, document: &Document, source: &str) {
    let events = document.events_with_anomalies();
    for anomaly in events.document_wide {
        report.push_note(document_note(anomaly, source));
    }
    for entry in events.events {
        report.push(entry.event, entry.anomalies.into_iter().map(event_note));
    }
}

/// The notes of each event of `document`, by id, and its document-wide notes
/// (as [`push_document`] adds them): for a report over a history, which takes
/// each event's notes from the document its kept version comes from.
#[allow(dead_code)] // uptime_svg pushes no notes
pub fn notes_by_event(
    document: &Document,
    source: &str,
) -> (HashMap<EventId, Vec<Note>>, Vec<Note>) {
    let events = document.events_with_anomalies();
    let document_wide = events
        .document_wide
        .into_iter()
        .map(|a| document_note(a, source))
        .collect();
    let mut by_event: HashMap<EventId, Vec<Note>> = HashMap::new();
    for entry in events.events {
        let notes = entry.anomalies.into_iter().map(event_note);
        by_event
            .entry(entry.event.id().clone())
            .or_default()
            .extend(notes);
    }
    (by_event, document_wide)
}

/// An anomaly of one event: its kind, and its detail after the update it
/// concerns (if any): `update "u1": display_at ... is before created_at ...`.
pub fn event_note(anomaly: &Anomaly) -> Note {
    let detail = match &anomaly.update {
        Some(update) => format!("update {:?}: {}", update.as_str(), anomaly.detail),
        None => anomaly.detail.to_string(),
    };
    Note::new(anomaly.kind.as_str(), detail)
}

/// A document-wide anomaly: as [`event_note`], after the event it names (one
/// the document does not hold) and after `source` when not empty.
pub fn document_note(anomaly: &Anomaly, source: &str) -> Note {
    let mut note = event_note(anomaly);
    if let Some(id) = &anomaly.incident {
        note.detail = format!("incident {:?}: {}", id.as_str(), note.detail);
    }
    if !source.is_empty() {
        note.detail = format!("{source}: {}", note.detail);
    }
    note
}
