//! The shape of a Statuspage document.

use core::fmt;

/// The shape of a Statuspage document. See the [module documentation](super).
///
/// # Example
///
/// ```
/// use incident_model::formats::statuspage::Shape;
/// assert_eq!(Shape::Summary.to_string(), "summary.json");
/// ```
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Debug)]
#[non_exhaustive]
pub enum Shape {
    /// `{"page", "incidents"}`: `incidents.json`, `incidents/unresolved.json`.
    Incidents,
    /// `{"page", "incidents", "scheduled_maintenances"}` without a `status`
    /// (an export of both lists): written back as two lists, each event in
    /// the list it was read from.
    IncidentsAndMaintenances,
    /// `{"page", "incident"}`: `incidents/{id}.json`.
    Incident,
    /// An incident object alone.
    BareIncident,
    /// A JSON array of incident objects (manage API).
    IncidentList,
    /// `summary.json`.
    Summary,
    /// `scheduled-maintenances.json` (and `upcoming.json`, `active.json`).
    ScheduledMaintenances,
    /// `components.json`.
    Components,
    /// `status.json`.
    Status,
    /// An incident webhook delivery: `{"meta", "page", "incident"}`.
    IncidentWebhook,
    /// A component webhook delivery: `{"meta", "page", "component_update", "component"}`.
    ComponentWebhook,
}

impl fmt::Display for Shape {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(match self {
            Shape::Incidents => "incidents.json",
            Shape::IncidentsAndMaintenances => "incidents and scheduled_maintenances",
            Shape::Incident => "incidents/{id}.json",
            Shape::BareIncident => "incident object",
            Shape::IncidentList => "incident list",
            Shape::Summary => "summary.json",
            Shape::ScheduledMaintenances => "scheduled-maintenances.json",
            Shape::Components => "components.json",
            Shape::Status => "status.json",
            Shape::IncidentWebhook => "incident webhook",
            Shape::ComponentWebhook => "component webhook",
        })
    }
}
