//! The page a document came from: its identity, status and components.

use chrono::{DateTime, NaiveDate, Utc};

use super::raw::Fields;
use crate::component::Component;
use crate::status::{ComponentStatus, Impact};

/// The page a document came from.
///
/// # Example
///
/// ```
/// use incident_model::formats::statuspage;
/// let doc = statuspage::read(r#"{"page": {"id": "4lzycl8t1x0c", "name": "Emma",
///   "time_zone": "America/Chicago"}, "incidents": []}"#)?;
/// let page = doc.page.unwrap();
/// assert_eq!(page.time_zone.as_deref(), Some("America/Chicago"));
/// # Ok::<(), incident_model::formats::statuspage::StatuspageError>(())
/// ```
#[derive(Clone, PartialEq, Eq, Debug, Default)]
#[non_exhaustive]
pub struct Page {
    /// The page id.
    pub id: Option<String>,
    /// The page name.
    pub name: Option<String>,
    /// The page URL.
    pub url: Option<String>,
    /// The page's IANA time zone name (for rendering times).
    pub time_zone: Option<String>,
    /// When the page last changed.
    pub updated_at: Option<DateTime<Utc>>,
    /// Other keys, verbatim.
    pub other: Fields,
}

/// The page's overall status (`status` of `summary.json` and `status.json`).
///
/// # Example
///
/// ```
/// use incident_model::{Impact, formats::statuspage};
/// let doc = statuspage::read(r#"{"page": {"id": "p"}, "status":
///   {"indicator": "maintenance", "description": "Service Under Maintenance"}}"#)?;
/// assert_eq!(doc.status.unwrap().indicator, Impact::Maintenance);
/// # Ok::<(), incident_model::formats::statuspage::StatuspageError>(())
/// ```
#[derive(Clone, PartialEq, Eq, Debug)]
#[non_exhaustive]
pub struct PageStatus {
    /// The indicator: none, minor, major, critical or maintenance.
    pub indicator: Impact,
    /// The description ("All Systems Operational"); empty when not given.
    /// A `description` given as `null` is kept in `other` (and written from
    /// there), so that it comes back as it was.
    pub description: String,
    /// Other keys, verbatim.
    pub other: Fields,
}

/// A component as a page lists it: the model's [`Component`], its current
/// status, whether it is a group, and the other keys verbatim.
///
/// # Example
///
/// ```
/// use incident_model::{ComponentStatus, formats::statuspage};
/// let doc = statuspage::read(r#"{"page": {"id": "p"}, "components": [{"id": "8l4ygp009s5s",
///   "name": "Git Operations", "status": "operational", "group_id": null, "position": 1}]}"#)?;
/// let c = &doc.components[0];
/// assert_eq!(c.component.name, "Git Operations");
/// assert_eq!(c.status, Some(ComponentStatus::Operational));
/// assert_eq!(c.other[0].1.as_str(), "1");
/// # Ok::<(), incident_model::formats::statuspage::StatuspageError>(())
/// ```
#[derive(Clone, PartialEq, Eq, Debug)]
#[non_exhaustive]
pub struct PageComponent {
    /// Id, name and group.
    pub component: Component,
    /// The component's status, when given.
    pub status: Option<ComponentStatus>,
    /// Whether the component is a group, when given.
    pub group: Option<bool>,
    /// Other keys, verbatim (`position`, `description`, `showcase`, ...).
    pub other: Fields,
}

impl PageComponent {
    /// A component with no status, group flag or other keys.
    ///
    /// # Example
    ///
    /// ```
    /// use incident_model::{Component, ComponentId, formats::statuspage::PageComponent};
    /// let c = PageComponent::new(Component::new(ComponentId::new("api")?, "API"));
    /// assert_eq!(c.status, None);
    /// # Ok::<(), incident_model::IdError>(())
    /// ```
    #[must_use]
    pub fn new(component: Component) -> Self {
        PageComponent {
            component,
            status: None,
            group: None,
            other: Fields::new(),
        }
    }

    /// The raw JSON of the other key `key`, if the component has it.
    fn other_value(&self, key: &str) -> Option<&str> {
        self.other
            .iter()
            .find(|(name, _)| name == key)
            .map(|(_, raw)| raw.as_str())
    }

    /// The day from which the page counts the component's uptime (its
    /// `start_date`, `"2019-02-01"`); days before it are *no data*. `None` when
    /// the key is absent, `null` or not a date; the raw value stays in
    /// [`other`](Self::other) either way, and is written back as it was.
    ///
    /// The component's group is typed already: `component.group_id`.
    ///
    /// # Example
    ///
    /// ```
    /// use incident_model::{chrono::NaiveDate, formats::statuspage};
    /// let doc = statuspage::read(r#"{"page": {"id": "p"}, "components": [{"id": "api", "name": "API",
    ///   "status": "operational", "start_date": "2019-02-01", "group_id": "backend", "position": 3}]}"#)?;
    /// let api = &doc.components[0];
    /// assert_eq!(api.start_date(), NaiveDate::from_ymd_opt(2019, 2, 1));
    /// assert_eq!(api.position(), Some(3));
    /// assert_eq!(api.component.group_id.as_ref().map(|g| g.as_str()), Some("backend"));
    /// # Ok::<(), statuspage::StatuspageError>(())
    /// ```
    #[must_use]
    pub fn start_date(&self) -> Option<NaiveDate> {
        let raw = self.other_value("start_date")?;
        let text: String = serde_json::from_str(raw).ok()?;
        text.parse().ok()
    }

    /// The component's place in the page's list (`position`, from 1). `None`
    /// when the key is absent, `null` or not a non-negative integer; the raw
    /// value stays in [`other`](Self::other).
    ///
    /// # Example
    ///
    /// See [`PageComponent::start_date`].
    #[must_use]
    pub fn position(&self) -> Option<u64> {
        serde_json::from_str(self.other_value("position")?).ok()
    }
}
