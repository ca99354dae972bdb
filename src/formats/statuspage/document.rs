//! A Statuspage document, read or to write.

use super::page::{Page, PageComponent, PageStatus};
use super::raw::Fields;
use super::record::{IncidentRecord, MaintenanceRecord};
use super::shape::Shape;
use super::skipped::SkippedEvent;
use super::webhook::{ComponentUpdate, WebhookMeta};
use crate::formats::anomaly::{Anomaly, AnomalyKind};

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
}
