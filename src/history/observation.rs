//! An observation: what a page said at one time, in the model's terms.

use core::fmt;

use chrono::{DateTime, Utc};

use crate::any::AnyEvent;
use crate::component::Component;
use crate::status::{ComponentStatus, Impact};
use crate::update::ComponentChange;

/// What identifies a page: its id when the document has one, else a name the
/// caller gives (the file or URL it came from).
///
/// # Example
///
/// ```
/// use incident_model::history::PageKey;
/// assert_eq!(PageKey::Id("kctbh9vrtdwd".into()).to_string(), "page kctbh9vrtdwd");
/// assert_eq!(PageKey::Source("github.json".into()).to_string(), "source github.json");
/// ```
#[derive(Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Debug)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum PageKey {
    /// The page's own id (Statuspage's `page.id`).
    Id(String),
    /// A name the caller gave, for a document without a page id.
    Source(String),
}

impl PageKey {
    /// The id or the source name.
    ///
    /// # Example
    ///
    /// ```
    /// # use incident_model::history::PageKey;
    /// assert_eq!(PageKey::Id("p".into()).as_str(), "p");
    /// ```
    #[must_use]
    pub fn as_str(&self) -> &str {
        match self {
            PageKey::Id(id) => id,
            PageKey::Source(source) => source,
        }
    }
}

impl fmt::Display for PageKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PageKey::Id(id) => write!(f, "page {id}"),
            PageKey::Source(source) => write!(f, "source {source}"),
        }
    }
}

/// When an observation was made: given by the caller (the fetch time, a
/// file's capture time), or inferred as the latest timestamp the document
/// holds.
///
/// # Example
///
/// ```
/// use chrono::{TimeZone, Utc};
/// use incident_model::history::ObservedAt;
/// let t = |h| Utc.with_ymd_and_hms(2020, 3, 16, h, 0, 0).unwrap();
/// let inferred = ObservedAt::latest([t(9), t(11), t(10)]).unwrap();
/// assert_eq!(inferred, ObservedAt::Inferred(t(11)));
/// assert!(inferred.is_inferred());
/// assert_eq!(ObservedAt::Given(t(12)).at(), t(12));
/// assert_eq!(ObservedAt::latest([]), None);
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum ObservedAt {
    /// Given by the caller.
    Given(DateTime<Utc>),
    /// Inferred: the latest timestamp the document holds.
    Inferred(DateTime<Utc>),
}

impl ObservedAt {
    /// The time.
    ///
    /// # Example
    ///
    /// See [`ObservedAt`].
    #[must_use]
    pub fn at(self) -> DateTime<Utc> {
        match self {
            ObservedAt::Given(at) | ObservedAt::Inferred(at) => at,
        }
    }

    /// Whether the time was inferred rather than given.
    ///
    /// # Example
    ///
    /// See [`ObservedAt`].
    #[must_use]
    pub fn is_inferred(self) -> bool {
        matches!(self, ObservedAt::Inferred(_))
    }

    /// The latest of `times`, as an inferred time; none when there is none.
    ///
    /// # Example
    ///
    /// See [`ObservedAt`].
    pub fn latest(times: impl IntoIterator<Item = DateTime<Utc>>) -> Option<Self> {
        times.into_iter().max().map(ObservedAt::Inferred)
    }
}

/// What an observation covers: which events a page would have listed in it.
/// An event an observation covers but does not list is no longer what the
/// page shows (closed, or out of the list: unknown when): a history reports
/// it as stale. Absence is never taken as resolution.
///
/// # Example
///
/// ```
/// use incident_model::history::{Coverage, Observation, ObservedAt, PageKey};
/// # use chrono::{TimeZone, Utc};
/// # let at = Utc.with_ymd_and_hms(2020, 3, 16, 12, 0, 0).unwrap();
/// let observation = Observation::new(PageKey::Id("p".into()), ObservedAt::Given(at));
/// assert_eq!(observation.coverage(), Coverage::ListedEvents); // the default: claims nothing
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum Coverage {
    /// Every event of the page's whole history (a list shorter than its
    /// limit, such as an `incidents.json` of fewer than 50).
    WholeHistory,
    /// Every event opened at or after this time (a full list: from the oldest
    /// event it lists).
    Since(DateTime<Utc>),
    /// Every event open at the moment observed (`summary.json`,
    /// `incidents/unresolved.json`).
    OpenEvents,
    /// Only the events it lists (a single incident, a webhook, a component
    /// list): an event it does not list says nothing.
    ListedEvents,
}

impl Coverage {
    /// Whether an observation of this coverage would list an event opened at
    /// `opened_at` that the page still shows.
    ///
    /// # Example
    ///
    /// ```
    /// use incident_model::history::Coverage;
    /// # use chrono::{TimeZone, Utc};
    /// # let t = |h| Utc.with_ymd_and_hms(2020, 3, 16, h, 0, 0).unwrap();
    /// assert!(Coverage::Since(t(10)).covers(t(11)));
    /// assert!(!Coverage::Since(t(10)).covers(t(9)));
    /// assert!(!Coverage::ListedEvents.covers(t(11)));
    /// ```
    #[must_use]
    pub fn covers(self, opened_at: DateTime<Utc>) -> bool {
        match self {
            Coverage::WholeHistory | Coverage::OpenEvents => true,
            Coverage::Since(from) => opened_at >= from,
            Coverage::ListedEvents => false,
        }
    }
}

/// A page's overall status as an observation saw it. Passive data.
///
/// # Example
///
/// ```
/// use incident_model::{history::PageIndicator, Impact};
/// let status = PageIndicator::new(Impact::Minor, "Minor Service Outage");
/// assert_eq!(status.indicator, Impact::Minor);
/// ```
#[derive(Clone, PartialEq, Eq, Hash, Debug)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct PageIndicator {
    /// The indicator: none, minor, major, critical or maintenance.
    pub indicator: Impact,
    /// The description ("All Systems Operational").
    pub description: String,
}

impl PageIndicator {
    /// A page status of `indicator` described as `description`.
    ///
    /// # Example
    ///
    /// See [`PageIndicator`].
    pub fn new(indicator: Impact, description: impl Into<String>) -> Self {
        PageIndicator {
            indicator,
            description: description.into(),
        }
    }
}

/// A page component and the status an observation saw it in. Passive data.
///
/// # Example
///
/// ```
/// use incident_model::{history::ObservedComponent, Component, ComponentId, ComponentStatus};
/// let api = ObservedComponent::new(Component::new(ComponentId::new("api")?, "API"), ComponentStatus::Operational);
/// assert_eq!(api.component.name, "API");
/// # Ok::<(), incident_model::IdError>(())
/// ```
#[derive(Clone, PartialEq, Eq, Hash, Debug)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct ObservedComponent {
    /// The component.
    pub component: Component,
    /// Its status.
    pub status: ComponentStatus,
}

impl ObservedComponent {
    /// `component` seen in `status`.
    ///
    /// # Example
    ///
    /// See [`ObservedComponent`].
    #[must_use]
    pub fn new(component: Component, status: ComponentStatus) -> Self {
        ObservedComponent { component, status }
    }
}

/// A component change an observation announces itself (a component webhook),
/// at its own time. Passive data.
///
/// # Example
///
/// ```
/// use chrono::{TimeZone, Utc};
/// use incident_model::{history::AnnouncedChange, ComponentChange, ComponentId, ComponentStatus::*};
/// let at = Utc.with_ymd_and_hms(2017, 12, 26, 7, 59, 9).unwrap();
/// let change = AnnouncedChange::new(
///     ComponentChange::new(ComponentId::new("sqm6pl84wzjc")?, "Database component", Operational, UnderMaintenance),
///     at,
/// );
/// assert_eq!(change.at, at);
/// # Ok::<(), incident_model::IdError>(())
/// ```
#[derive(Clone, PartialEq, Eq, Hash, Debug)]
#[non_exhaustive]
pub struct AnnouncedChange {
    /// The component, its old and new status.
    pub change: ComponentChange,
    /// When it changed.
    pub at: DateTime<Utc>,
}

impl AnnouncedChange {
    /// `change`, made at `at`.
    ///
    /// # Example
    ///
    /// See [`AnnouncedChange`].
    #[must_use]
    pub fn new(change: ComponentChange, at: DateTime<Utc>) -> Self {
        AnnouncedChange { change, at }
    }
}

/// What a page said at one time, in the model's terms, whatever the format it
/// was read from: the page, when it was observed, its events, its components
/// and their statuses, its overall status, what it covers, and the component
/// changes it announces itself.
///
/// Built from plain model parts: a format converts its document into one with
/// [`Observation::new`] and the `with_*` methods (the Statuspage reader's is
/// `Document::observation`, feature `statuspage`).
///
/// # Example
///
/// ```
/// use chrono::{TimeZone, Utc};
/// use incident_model::history::{Coverage, Observation, ObservedAt, PageKey};
/// use incident_model::{Incident, IncidentStatus::*, Update};
/// let at = Utc.with_ymd_and_hms(2020, 3, 16, 14, 28, 0).unwrap();
/// let incident = Incident::builder("Slow page loads").update(Update::new(Identified, at)).build()?;
/// let observation = Observation::new(PageKey::Source("status.json".into()), ObservedAt::Given(at))
///     .with_event(incident)
///     .with_coverage(Coverage::OpenEvents);
/// assert_eq!(observation.events().len(), 1);
/// assert_eq!(observation.observed_at().at(), at);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct Observation {
    page: PageKey,
    page_name: Option<String>,
    observed_at: ObservedAt,
    coverage: Coverage,
    events: Vec<AnyEvent>,
    components: Vec<ObservedComponent>,
    page_status: Option<PageIndicator>,
    announced: Vec<AnnouncedChange>,
}

impl Observation {
    /// An observation of `page` made at `observed_at`, holding nothing yet and
    /// covering only what it lists ([`Coverage::ListedEvents`]).
    ///
    /// # Example
    ///
    /// See [`Observation`].
    #[must_use]
    pub fn new(page: PageKey, observed_at: ObservedAt) -> Self {
        Observation {
            page,
            page_name: None,
            observed_at,
            coverage: Coverage::ListedEvents,
            events: Vec::new(),
            components: Vec::new(),
            page_status: None,
            announced: Vec::new(),
        }
    }

    /// With the page's display name.
    ///
    /// # Example
    ///
    /// See [`Observation`].
    #[must_use]
    pub fn with_page_name(mut self, name: impl Into<String>) -> Self {
        self.page_name = Some(name.into());
        self
    }

    /// With `coverage`.
    ///
    /// # Example
    ///
    /// See [`Observation`].
    #[must_use]
    pub fn with_coverage(mut self, coverage: Coverage) -> Self {
        self.coverage = coverage;
        self
    }

    /// With one more event (an [`Incident`](crate::Incident), a
    /// [`Maintenance`](crate::Maintenance) or an [`AnyEvent`]).
    ///
    /// # Example
    ///
    /// See [`Observation`].
    #[must_use]
    pub fn with_event(mut self, event: impl Into<AnyEvent>) -> Self {
        self.events.push(event.into());
        self
    }

    /// With more events.
    ///
    /// # Example
    ///
    /// See [`Observation`].
    #[must_use]
    pub fn with_events(mut self, events: impl IntoIterator<Item = AnyEvent>) -> Self {
        self.events.extend(events);
        self
    }

    /// With one more page component in its status.
    ///
    /// # Example
    ///
    /// See [`ObservedComponent`].
    #[must_use]
    pub fn with_component(mut self, component: ObservedComponent) -> Self {
        self.components.push(component);
        self
    }

    /// With the page's overall status.
    ///
    /// # Example
    ///
    /// See [`PageIndicator`].
    #[must_use]
    pub fn with_page_status(mut self, status: PageIndicator) -> Self {
        self.page_status = Some(status);
        self
    }

    /// With a component change the observation announces itself.
    ///
    /// # Example
    ///
    /// See [`AnnouncedChange`].
    #[must_use]
    pub fn with_announced(mut self, change: AnnouncedChange) -> Self {
        self.announced.push(change);
        self
    }

    /// The page observed.
    ///
    /// # Example
    ///
    /// See [`Observation`].
    #[must_use]
    pub fn page(&self) -> &PageKey {
        &self.page
    }

    /// The page's display name, when known.
    ///
    /// # Example
    ///
    /// See [`Observation`].
    #[must_use]
    pub fn page_name(&self) -> Option<&str> {
        self.page_name.as_deref()
    }

    /// When the observation was made.
    ///
    /// # Example
    ///
    /// See [`Observation`].
    #[must_use]
    pub fn observed_at(&self) -> ObservedAt {
        self.observed_at
    }

    /// What it covers.
    ///
    /// # Example
    ///
    /// See [`Observation`].
    #[must_use]
    pub fn coverage(&self) -> Coverage {
        self.coverage
    }

    /// Its events, in the order given.
    ///
    /// # Example
    ///
    /// See [`Observation`].
    #[must_use]
    pub fn events(&self) -> &[AnyEvent] {
        &self.events
    }

    /// Its page components.
    ///
    /// # Example
    ///
    /// See [`ObservedComponent`].
    #[must_use]
    pub fn components(&self) -> &[ObservedComponent] {
        &self.components
    }

    /// The page's overall status, when given.
    ///
    /// # Example
    ///
    /// See [`PageIndicator`].
    #[must_use]
    pub fn page_status(&self) -> Option<&PageIndicator> {
        self.page_status.as_ref()
    }

    /// Takes its events out (for a history that keeps them).
    pub(super) fn take_events(&mut self) -> Vec<AnyEvent> {
        std::mem::take(&mut self.events)
    }

    /// The component changes it announces itself.
    ///
    /// # Example
    ///
    /// See [`AnnouncedChange`].
    #[must_use]
    pub fn announced(&self) -> &[AnnouncedChange] {
        &self.announced
    }
}
