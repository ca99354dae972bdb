//! The events of a document as one list of [`AnyEventRef`]s, and each event
//! with the anomalies that name it: what a report over a document needs,
//! without the report knowing the format.

use std::collections::{HashMap, HashSet};

use super::{Anomaly, Document};
use crate::any::AnyEventRef;
use crate::id::EventId;

/// One event of a [`Document`] with the anomalies that name it, in document
/// order. Passive data: the fields are public.
///
/// # Example
///
/// See [`Document::events_with_anomalies`].
#[derive(Clone, Debug)]
#[non_exhaustive]
pub struct EventAnomalies<'a> {
    /// The incident or maintenance.
    pub event: AnyEventRef<'a>,
    /// The anomalies whose `incident` is this event's id.
    pub anomalies: Vec<&'a Anomaly>,
}

/// The events of a [`Document`], each with its anomalies, and the anomalies of
/// no event the document holds: what [`Document::events_with_anomalies`] gives.
/// Passive data: the fields are public.
///
/// # Example
///
/// See [`Document::events_with_anomalies`].
#[derive(Clone, Debug)]
#[non_exhaustive]
pub struct DocumentEvents<'a> {
    /// Every event, incidents first, each list in document order.
    pub events: Vec<EventAnomalies<'a>>,
    /// The other anomalies, in document order: document-wide ones (no
    /// `incident`), and those naming an id no event of the document has.
    pub document_wide: Vec<&'a Anomaly>,
}

impl Document {
    /// Every incident and maintenance, incidents first, each list in document
    /// order.
    ///
    /// # Example
    ///
    /// ```
    /// use incident_model::{formats::statuspage, EventKind};
    /// let json = r#"{"incidents": [], "scheduled_maintenances": [{"id": "m1",
    ///   "name": "Database move", "status": "scheduled", "impact": "maintenance",
    ///   "created_at": "2020-03-16T14:00:00Z", "components": [],
    ///   "scheduled_for": "2020-03-20T02:00:00Z", "scheduled_until": "2020-03-20T04:00:00Z",
    ///   "incident_updates": [{"id": "u1", "status": "scheduled", "body": "Planned.",
    ///     "created_at": "2020-03-16T14:00:00Z", "display_at": "2020-03-16T14:00:00Z"}]}]}"#;
    /// let document = statuspage::read(json)?;
    /// let kinds: Vec<EventKind> = document.events().map(|event| event.kind()).collect();
    /// assert_eq!(kinds, [EventKind::Maintenance]);
    /// # Ok::<(), statuspage::StatuspageError>(())
    /// ```
    pub fn events(&self) -> impl Iterator<Item = AnyEventRef<'_>> + '_ {
        let incidents = self.incidents.iter().map(|r| AnyEventRef::from(&r.event));
        let maintenances = self
            .maintenances
            .iter()
            .map(|r| AnyEventRef::from(&r.event));
        incidents.chain(maintenances)
    }

    /// Every event ([`Document::events`]) with the anomalies that name it, and
    /// the other anomalies. When several events of the document share an id,
    /// the first one takes the anomalies that name it.
    ///
    /// O(e + a) hashing for e events and a anomalies.
    ///
    /// # Example
    ///
    /// ```
    /// use incident_model::formats::statuspage::{self, AnomalyKind};
    /// let json = r#"{"id": "x9mb3wh2r6nr", "name": "API errors", "status": "resolved",
    ///   "impact": "minor", "created_at": "2020-03-16T14:00:00Z", "components": [],
    ///   "resolved_at": "2020-03-16T15:00:00Z",
    ///   "incident_updates": [{"id": "0167m21nd0h1", "status": "resolved", "body": "Fixed.",
    ///     "created_at": "2020-03-16T15:00:00Z", "display_at": "2020-03-16T15:00:00Z"}]}"#;
    /// let document = statuspage::read(json)?;
    /// let events = document.events_with_anomalies();
    /// assert_eq!(events.events[0].event.id().as_str(), "x9mb3wh2r6nr");
    /// assert_eq!(events.events[0].anomalies[0].kind, AnomalyKind::MissingStartedAt);
    /// assert!(events.document_wide.is_empty());
    /// # Ok::<(), statuspage::StatuspageError>(())
    /// ```
    #[must_use]
    pub fn events_with_anomalies(&self) -> DocumentEvents<'_> {
        let ids: HashSet<&EventId> = self.events().map(AnyEventRef::id).collect();
        let mut by_event: HashMap<&EventId, Vec<&Anomaly>> = HashMap::new();
        let mut document_wide = Vec::new();
        for anomaly in &self.anomalies {
            match anomaly.incident.as_ref().filter(|id| ids.contains(id)) {
                Some(id) => by_event.entry(id).or_default().push(anomaly),
                None => document_wide.push(anomaly),
            }
        }
        let events = self
            .events()
            .map(|event| EventAnomalies {
                event,
                anomalies: by_event.remove(event.id()).unwrap_or_default(),
            })
            .collect();
        DocumentEvents {
            events,
            document_wide,
        }
    }
}
