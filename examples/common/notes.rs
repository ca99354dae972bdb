//! The glue between the Statuspage reader and the report: a document's events
//! go into the report with the anomalies that name them, turned into notes;
//! the report itself knows no format.

use incident_model::formats::statuspage::{Anomaly, Document};
use incident_model::output::report::{Note, Report};

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

/// An anomaly of one event: its kind, and its detail after the update it
/// concerns (if any): `update "u1": display_at ... is before created_at ...`.
pub fn event_note(anomaly: &Anomaly) -> Note {
    let detail = match &anomaly.update {
        Some(update) => format!("update {:?}: {}", update.as_str(), anomaly.detail),
        None => anomaly.detail.clone(),
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
