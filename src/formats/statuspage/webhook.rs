//! Webhook deliveries: what Statuspage POSTs to a subscriber when an incident
//! or a component changes. An incident delivery is `{"meta", "page",
//! "incident"}` (the incident with all its updates, newest first); a
//! component delivery is `{"meta", "page", "component_update", "component"}`.
//! Both are read by [`read`](super::read) like any other document, as
//! [`Shape::IncidentWebhook`](super::Shape::IncidentWebhook) and
//! [`Shape::ComponentWebhook`](super::Shape::ComponentWebhook); the page's
//! `status_indicator` and `status_description` are the document's
//! [`status`](super::Document::status) (and stay in the page's `other`).
//!
//! As observations ([`Document::observation`](super::Document::observation)),
//! a delivery covers only what it lists, is observed at its `generated_at`
//! when no time is given, and a component delivery announces its change at
//! its own `created_at` ([`history::announced`](crate::history::announced)).

use chrono::{DateTime, Utc};
use serde::ser::{SerializeMap, Serializer};
use serde::Serialize;

use super::raw::Fields;
use crate::history::AnnouncedChange;
use crate::id::ComponentId;
use crate::status::ComponentStatus;
use crate::update::ComponentChange;

/// A webhook delivery's `meta`: when Statuspage generated it, and the other
/// keys (`unsubscribe`, `documentation`) verbatim.
///
/// # Example
///
/// ```
/// use incident_model::formats::statuspage::{self, Shape};
/// let doc = statuspage::read(r#"{"meta": {"generated_at": "2017-12-26T07:59:09.498Z"},
///   "page": {"id": "jb7j80lkgqvb", "status_indicator": "maintenance", "status_description": "Service Under Maintenance"},
///   "component": {"id": "sqm6pl84wzjc", "name": "Database component", "status": "under_maintenance"},
///   "component_update": {"id": "nd963wv4j30b", "component_id": "sqm6pl84wzjc", "old_status": "operational",
///     "new_status": "under_maintenance", "created_at": "2017-12-26T07:59:09.379Z"}}"#)?;
/// assert_eq!(doc.shape, Shape::ComponentWebhook);
/// assert!(doc.meta.unwrap().generated_at.is_some());
/// let update = doc.component_update.unwrap();
/// assert_eq!(update.component_id.as_str(), "sqm6pl84wzjc");
/// assert_eq!(doc.components[0].component.name, "Database component");
/// assert_eq!(doc.status.unwrap().description, "Service Under Maintenance");
/// # Ok::<(), statuspage::StatuspageError>(())
/// ```
#[derive(Clone, PartialEq, Eq, Debug, Default)]
#[non_exhaustive]
pub struct WebhookMeta {
    /// When the delivery was generated.
    pub generated_at: Option<DateTime<Utc>>,
    /// Other keys, verbatim.
    pub other: Fields,
}

/// A component delivery's `component_update`: the component moved from
/// `old_status` to `new_status` at `created_at`. Passive data.
///
/// # Example
///
/// See [`WebhookMeta`].
#[derive(Clone, PartialEq, Eq, Debug)]
#[non_exhaustive]
pub struct ComponentUpdate {
    /// The update's own id, when given.
    pub id: Option<String>,
    /// The component.
    pub component_id: ComponentId,
    /// Its status before.
    pub old_status: ComponentStatus,
    /// Its status after.
    pub new_status: ComponentStatus,
    /// When it changed.
    pub created_at: DateTime<Utc>,
    /// Other keys (`component_type`, ...), verbatim.
    pub other: Fields,
}

impl ComponentUpdate {
    /// The change as the model has it, named `name` (the component's name,
    /// from the delivery's `component`).
    ///
    /// # Example
    ///
    /// ```
    /// # use incident_model::formats::statuspage;
    /// # let doc = statuspage::read(r#"{"component": {"id": "c1", "name": "API"}, "component_update":
    /// #   {"component_id": "c1", "old_status": "operational", "new_status": "major_outage", "created_at": "2020-01-01T00:00:00Z"}}"#)?;
    /// let announced = doc.component_update.unwrap().announced("API");
    /// assert_eq!(announced.change.name, "API");
    /// # Ok::<(), statuspage::StatuspageError>(())
    /// ```
    #[must_use]
    pub fn announced(&self, name: &str) -> AnnouncedChange {
        let change = ComponentChange::new(
            self.component_id.clone(),
            name,
            self.old_status,
            self.new_status,
        );
        AnnouncedChange::new(change, self.created_at)
    }
}

/// `meta`, written back.
pub(super) struct OutMeta<'a>(pub &'a WebhookMeta);

impl Serialize for OutMeta<'_> {
    fn serialize<Ser: Serializer>(&self, serializer: Ser) -> Result<Ser::Ok, Ser::Error> {
        let mut map = serializer.serialize_map(None)?;
        if let Some(at) = self.0.generated_at {
            map.serialize_entry("generated_at", &super::write::timestamp(at))?;
        }
        super::write::entries(&mut map, &self.0.other)?;
        map.end()
    }
}

/// `component_update`, written back.
pub(super) struct OutComponentUpdate<'a>(pub &'a ComponentUpdate);

impl Serialize for OutComponentUpdate<'_> {
    fn serialize<Ser: Serializer>(&self, serializer: Ser) -> Result<Ser::Ok, Ser::Error> {
        let update = self.0;
        let mut map = serializer.serialize_map(None)?;
        map.serialize_entry("id", &update.id)?;
        map.serialize_entry("component_id", update.component_id.as_str())?;
        map.serialize_entry("old_status", update.old_status.as_str())?;
        map.serialize_entry("new_status", update.new_status.as_str())?;
        map.serialize_entry("created_at", &super::write::timestamp(update.created_at))?;
        super::write::entries(&mut map, &update.other)?;
        map.end()
    }
}
