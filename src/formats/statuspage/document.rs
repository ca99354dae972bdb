//! A Statuspage document, read or to write.

use chrono::{DateTime, Utc};

use super::page::{Page, PageComponent, PageStatus};
use super::raw::Fields;
use super::record::{IncidentRecord, MaintenanceRecord};
use super::shape::Shape;
use super::skipped::SkippedEvent;
use super::webhook::{ComponentUpdate, WebhookMeta};
use crate::any::AnyEventRef;
use crate::formats::anomaly::{Anomaly, AnomalyKind};
use crate::id::{ComponentId, EventId};

/// A Statuspage document, read: the page, its status and components, the
/// incidents and maintenances, and every anomaly found.
///
/// # Example
///
/// ```
/// use incident_model::formats::statuspage::{self, Shape};
/// let document = statuspage::read(r#"{"page": {"id": "p", "name": "Example"},
///   "scheduled_maintenances": [], "surprise": 1}"#)?;
/// assert_eq!(document.shape, Shape::ScheduledMaintenances);
/// assert_eq!(document.page.as_ref().and_then(|p| p.name.as_deref()), Some("Example"));
/// assert!(document.incidents.is_empty() && document.maintenances.is_empty());
/// assert_eq!(document.other.len(), 1); // the unknown key, kept verbatim
/// # Ok::<(), statuspage::StatuspageError>(())
/// ```
///
/// See also the [module documentation](super).
#[derive(Clone, PartialEq, Eq, Debug)]
#[non_exhaustive]
pub struct Document {
    /// The shape the document had.
    pub shape: Shape,
    /// The page, when given.
    pub page: Option<Page>,
    /// The page status, when given.
    pub status: Option<PageStatus>,
    /// The page's components (summary, components).
    pub components: Vec<PageComponent>,
    /// The incidents, in document order.
    pub incidents: Vec<IncidentRecord>,
    /// The maintenances, in document order.
    pub maintenances: Vec<MaintenanceRecord>,
    /// Every anomaly found, in document order.
    pub anomalies: Vec<Anomaly>,
    /// The events a [`Reader`](super::Reader) with
    /// [`BadEvents::Skip`](super::BadEvents::Skip) skipped, each with its
    /// error, in document order.
    pub skipped: Vec<SkippedEvent>,
    /// A webhook delivery's `meta`.
    pub meta: Option<WebhookMeta>,
    /// A component webhook delivery's `component_update` (its `component` is
    /// in `components`).
    pub component_update: Option<ComponentUpdate>,
    /// Unknown top-level keys, verbatim.
    pub other: Fields,
}

impl Document {
    /// An empty document of `shape`, to fill and write.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::{TimeZone, Utc};
    /// use incident_model::{Incident, IncidentStatus, Update, formats::statuspage::{self, Document, Shape}};
    /// let mut doc = Document::new(Shape::IncidentList);
    /// let incident = Incident::builder("x").update(Update::new(IncidentStatus::Investigating, Utc.with_ymd_and_hms(2020, 3, 16, 14, 0, 0).unwrap())).build()?;
    /// doc.incidents.push(incident.clone().into());
    /// let again = statuspage::read(&doc.to_json()?)?;
    /// assert_eq!(again.incidents[0].event, incident);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn new(shape: Shape) -> Self {
        Document {
            shape,
            page: None,
            status: None,
            components: Vec::new(),
            incidents: Vec::new(),
            maintenances: Vec::new(),
            anomalies: Vec::new(),
            skipped: Vec::new(),
            meta: None,
            component_update: None,
            other: Fields::new(),
        }
    }

    /// The number of anomalies of `kind`.
    ///
    /// # Example
    ///
    /// ```
    /// use incident_model::formats::statuspage::{AnomalyKind, Document, Shape};
    /// assert_eq!(Document::new(Shape::Incidents).count(AnomalyKind::BackdatedDisplay), 0);
    /// ```
    #[must_use]
    pub fn count(&self, kind: AnomalyKind) -> usize {
        self.anomalies.iter().filter(|a| a.kind == kind).count()
    }

    /// The incident with the id `id`, if the document holds it.
    ///
    /// # Example
    ///
    /// ```
    /// use incident_model::formats::statuspage;
    /// let doc = statuspage::read(r#"{"incidents": [{"id": "abc", "name": "Slow", "status": "resolved",
    ///   "created_at": "2020-03-16T14:00:00Z", "incident_updates": [{"id": "u1", "status": "resolved",
    ///   "body": "Fixed.", "created_at": "2020-03-16T15:00:00Z", "display_at": "2020-03-16T15:00:00Z"}]}]}"#)?;
    /// let id = "abc".parse()?;
    /// assert_eq!(doc.incident(&id).map(|r| r.event.name()), Some("Slow"));
    /// assert!(doc.maintenance(&id).is_none());
    /// assert_eq!(doc.event(&id).map(|e| e.name()), Some("Slow"));
    /// assert_eq!(doc.latest_time().map(|t| t.to_rfc3339()), Some("2020-03-16T15:00:00+00:00".into()));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn incident(&self, id: &EventId) -> Option<&IncidentRecord> {
        self.incidents.iter().find(|record| record.event.id() == id)
    }

    /// The maintenance with the id `id`, if the document holds it.
    ///
    /// # Example
    ///
    /// See [`Document::incident`].
    #[must_use]
    pub fn maintenance(&self, id: &EventId) -> Option<&MaintenanceRecord> {
        self.maintenances
            .iter()
            .find(|record| record.event.id() == id)
    }

    /// The incident or maintenance with the id `id` (incidents first), if the
    /// document holds it.
    ///
    /// # Example
    ///
    /// See [`Document::incident`].
    #[must_use]
    pub fn event(&self, id: &EventId) -> Option<AnyEventRef<'_>> {
        match self.incident(id) {
            Some(record) => Some(AnyEventRef::from(&record.event)),
            None => self
                .maintenance(id)
                .map(|record| AnyEventRef::from(&record.event)),
        }
    }

    /// The page component with the id `id`, if the document lists it.
    ///
    /// # Example
    ///
    /// ```
    /// use incident_model::formats::statuspage;
    /// let doc = statuspage::read(r#"{"page": {"id": "p"}, "components": [{"id": "api", "name": "API", "status": "operational"}]}"#)?;
    /// assert_eq!(doc.component(&"api".parse()?).map(|c| c.component.name.as_str()), Some("API"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn component(&self, id: &ComponentId) -> Option<&PageComponent> {
        self.components.iter().find(|c| c.component.id == *id)
    }

    /// The latest time the document holds: the page's `updated_at` and every
    /// time of every event ([`AnyEventRef::latest_time`]); `None` for a
    /// document with neither. The `as_of` to measure open events at when the
    /// caller has no better one.
    ///
    /// # Example
    ///
    /// See [`Document::incident`].
    #[must_use]
    pub fn latest_time(&self) -> Option<DateTime<Utc>> {
        let page = self.page.as_ref().and_then(|page| page.updated_at);
        page.into_iter()
            .chain(self.events().map(AnyEventRef::latest_time))
            .max()
    }
}
