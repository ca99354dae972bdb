//! Components and component groups.

use crate::id::ComponentId;

/// A component named by an incident: an API, a website, a region.
///
/// Passive data: the fields are public. A component may belong to a group (itself
/// a component on Statuspage), named by `group_id`.
///
/// # Example
///
/// ```
/// use incident_model::{Component, ComponentId};
/// let api = Component::new(ComponentId::new("api")?, "API")
///     .in_group(ComponentId::new("backend")?);
/// assert_eq!(api.name, "API");
/// assert_eq!(api.group_id.as_ref().map(|g| g.as_str()), Some("backend"));
/// # Ok::<(), incident_model::IdError>(())
/// ```
#[derive(Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Debug)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
#[non_exhaustive]
pub struct Component {
    /// The component's id.
    pub id: ComponentId,
    /// The component's name as the page shows it.
    pub name: String,
    /// The group the component belongs to, if any.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub group_id: Option<ComponentId>,
}

impl Component {
    /// A component outside any group.
    ///
    /// # Example
    ///
    /// ```
    /// # use incident_model::{Component, ComponentId};
    /// let api = Component::new(ComponentId::new("api")?, "API");
    /// assert!(api.group_id.is_none());
    /// # Ok::<(), incident_model::IdError>(())
    /// ```
    pub fn new(id: ComponentId, name: impl Into<String>) -> Self {
        Component {
            id,
            name: name.into(),
            group_id: None,
        }
    }

    /// The same component, in the group `group_id`.
    ///
    /// # Example
    ///
    /// ```
    /// # use incident_model::{Component, ComponentId};
    /// let c = Component::new(ComponentId::new("eu")?, "Europe").in_group(ComponentId::new("regions")?);
    /// assert_eq!(c.group_id, Some(ComponentId::new("regions")?));
    /// # Ok::<(), incident_model::IdError>(())
    /// ```
    #[must_use]
    pub fn in_group(mut self, group_id: ComponentId) -> Self {
        self.group_id = Some(group_id);
        self
    }
}
