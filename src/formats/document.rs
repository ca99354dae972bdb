//! The format-neutral result of reading a document of any format: which
//! format it was, the page it came from, the page's components, the events
//! with their anomalies, and the anomalies of the document as a whole.
//!
//! Every reader of `formats` returns a [`Document`]; Statuspage's own
//! [`statuspage::Document`](crate::formats::statuspage::Document) converts
//! into one (`From`). The parts are plain model values (events, components,
//! times), so a history can take them as an observation without knowing the
//! format.

use core::fmt;

use super::anomaly::Anomaly;
use crate::any::{AnyEvent, AnyEventRef};
use crate::component::Component;
use crate::status::ComponentStatus;

macro_rules! formats {
    ($( $(#[$meta:meta])* $variant:ident => $name:literal, $feature:literal, )+) => {
        /// The formats the crate reads, as the detector names them.
        ///
        /// `Display` prints a short name (also [`Format::as_str`]);
        /// [`Format::feature`] names the cargo feature that reads it.
        ///
        /// # Example
        ///
        /// ```
        /// use incident_model::formats::Format;
        /// assert_eq!(Format::GoogleCloud.to_string(), "google cloud incidents.json");
        /// assert_eq!(Format::StatuspageAtom.feature(), "feeds");
        /// assert!(Format::ALL.contains(&Format::Cachet));
        /// ```
        #[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Debug)]
        #[non_exhaustive]
        pub enum Format {
            $( $(#[$meta])* $variant, )+
        }

        impl Format {
            /// Every format, in declaration order (the order the detector
            /// lists them in when nothing matched).
            pub const ALL: &'static [Format] = &[ $( Format::$variant, )+ ];

            /// The short name of the format.
            ///
            /// # Example
            ///
            /// ```
            /// assert_eq!(incident_model::formats::Format::SlackHistory.as_str(), "slack history");
            /// ```
            #[must_use]
            pub const fn as_str(self) -> &'static str {
                match self { $( Format::$variant => $name, )+ }
            }

            /// The cargo feature whose reader reads the format.
            ///
            /// # Example
            ///
            /// ```
            /// assert_eq!(incident_model::formats::Format::Statuspage.feature(), "statuspage");
            /// ```
            #[must_use]
            pub const fn feature(self) -> &'static str {
                match self { $( Format::$variant => $feature, )+ }
            }
        }
    };
}

formats! {
    /// Statuspage JSON of any shape (`summary.json`, `incidents.json`, ...).
    Statuspage => "statuspage json", "statuspage",
    /// A Statuspage webhook delivery (`{meta, page, incident}` or
    /// `{meta, page, component_update, component}`).
    StatuspageWebhook => "statuspage webhook", "statuspage",
    /// A Statuspage `history.atom` feed.
    StatuspageAtom => "statuspage history.atom", "feeds",
    /// A Statuspage `history.rss` feed.
    StatuspageRss => "statuspage history.rss", "feeds",
    /// Google Cloud Service Health `incidents.json`.
    GoogleCloud => "google cloud incidents.json", "google_cloud",
    /// Slack's status API `current`.
    SlackCurrent => "slack current", "slack",
    /// Slack's status API `history`.
    SlackHistory => "slack history", "slack",
    /// incident.io's widget API `/api/v1/summary`.
    IncidentIoWidget => "incident.io widget summary", "incident_io",
    /// Cachet 2.x API (`/api/v1/components`, `incidents`, `schedules`).
    Cachet => "cachet", "cachet",
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.as_str())
    }
}

/// The page a document came from, as far as the document says.
///
/// # Example
///
/// ```
/// let page = incident_model::formats::Page::default();
/// assert!(page.id.is_none() && page.name.is_none());
/// ```
#[derive(Clone, PartialEq, Eq, Hash, Debug, Default)]
#[non_exhaustive]
pub struct Page {
    /// The page's id (Statuspage's `page.id`), when the document has one.
    pub id: Option<String>,
    /// The page's name or title.
    pub name: Option<String>,
    /// The page's address.
    pub url: Option<String>,
    /// The page's IANA time zone name, when the document gives it.
    pub time_zone: Option<String>,
}

/// A component of the page with its current status, when the document gives
/// one.
///
/// # Example
///
/// ```
/// use incident_model::{Component, ComponentId, ComponentStatus, formats::PageComponent};
/// let api = PageComponent::new(Component::new(ComponentId::new("api")?, "API"))
///     .with_status(ComponentStatus::Operational);
/// assert_eq!(api.status, Some(ComponentStatus::Operational));
/// assert!(!api.group);
/// # Ok::<(), incident_model::IdError>(())
/// ```
#[derive(Clone, PartialEq, Eq, Hash, Debug)]
#[non_exhaustive]
pub struct PageComponent {
    /// The component.
    pub component: Component,
    /// Its status, when given.
    pub status: Option<ComponentStatus>,
    /// Whether it is a group of components rather than a component.
    pub group: bool,
}

impl PageComponent {
    /// A component, without status, not a group.
    ///
    /// # Example
    ///
    /// See [`PageComponent`].
    #[must_use]
    pub fn new(component: Component) -> Self {
        PageComponent {
            component,
            status: None,
            group: false,
        }
    }

    /// The same component with `status`.
    ///
    /// # Example
    ///
    /// See [`PageComponent`].
    #[must_use]
    pub fn with_status(mut self, status: ComponentStatus) -> Self {
        self.status = Some(status);
        self
    }
}

/// One event read: the incident or maintenance, the end of impact the
/// platform declared (Google Cloud's `end`; none elsewhere), and the
/// anomalies that concern it.
///
/// # Example
///
/// ```
/// # use chrono::{TimeZone, Utc};
/// use incident_model::{formats::ReadEvent, Incident, IncidentStatus, Update};
/// let at = Utc.with_ymd_and_hms(2020, 3, 16, 10, 0, 0).unwrap();
/// let incident = Incident::builder("x").update(Update::new(IncidentStatus::Resolved, at)).build()?;
/// let read = ReadEvent::new(incident.into());
/// assert!(read.anomalies.is_empty() && read.event.declared_end().is_none());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, PartialEq, Eq, Debug)]
#[non_exhaustive]
pub struct ReadEvent {
    /// The event.
    pub event: AnyEvent,
    /// The anomalies that concern this event, in the order found.
    pub anomalies: Vec<Anomaly>,
}

impl ReadEvent {
    /// An event without anomalies.
    ///
    /// # Example
    ///
    /// See [`ReadEvent`].
    #[must_use]
    pub fn new(event: AnyEvent) -> Self {
        ReadEvent {
            event,
            anomalies: Vec::new(),
        }
    }
}

/// What a reader of any format returns: the format found, the page, its
/// components, the events (each with its anomalies) in document order, and
/// the anomalies of the document as a whole.
///
/// # Example
///
/// ```
/// use incident_model::formats::{Document, Format};
/// let document = Document::new(Format::SlackCurrent);
/// assert_eq!(document.format, Format::SlackCurrent);
/// assert_eq!(document.events().count(), 0);
/// assert_eq!(document.all_anomalies().count(), 0);
/// ```
#[derive(Clone, PartialEq, Eq, Debug)]
#[non_exhaustive]
pub struct Document {
    /// The format the document had.
    pub format: Format,
    /// The page, as far as the document says.
    pub page: Page,
    /// The page's components, in document order.
    pub components: Vec<PageComponent>,
    /// The incidents and maintenances, in document order.
    pub events: Vec<ReadEvent>,
    /// Anomalies of the document as a whole (none of its events).
    pub anomalies: Vec<Anomaly>,
}

impl Document {
    /// An empty document of `format`.
    ///
    /// # Example
    ///
    /// See [`Document`].
    #[must_use]
    pub fn new(format: Format) -> Self {
        Document {
            format,
            page: Page::default(),
            components: Vec::new(),
            events: Vec::new(),
            anomalies: Vec::new(),
        }
    }

    /// The events, borrowed, in document order.
    ///
    /// # Example
    ///
    /// See [`Document`].
    pub fn events(&self) -> impl Iterator<Item = AnyEventRef<'_>> + '_ {
        self.events.iter().map(|read| read.event.to_ref())
    }

    /// Every anomaly: the document's, then each event's in document order.
    ///
    /// # Example
    ///
    /// See [`Document`].
    pub fn all_anomalies(&self) -> impl Iterator<Item = &Anomaly> + '_ {
        let events = self.events.iter().flat_map(|read| read.anomalies.iter());
        self.anomalies.iter().chain(events)
    }
}

#[cfg(feature = "statuspage")]
mod statuspage_conversions {
    use std::collections::HashMap;

    use super::{Document, Format, Page, PageComponent, ReadEvent};
    use crate::any::AnyEvent;
    use crate::formats::anomaly::Anomaly;
    use crate::formats::statuspage::{self, Shape};
    use crate::id::EventId;

    /// A Statuspage document as a neutral one: the page's identity and zone,
    /// its components, every event with the anomalies naming it (the others
    /// stay the document's). What only Statuspage has (extras, page status,
    /// unknown keys) is left behind.
    impl From<statuspage::Document> for Document {
        fn from(document: statuspage::Document) -> Self {
            let mut by_event: HashMap<EventId, Vec<Anomaly>> = HashMap::new();
            let mut anomalies = Vec::new();
            let ids: Vec<EventId> = document.events().map(|e| e.id().clone()).collect();
            for anomaly in document.anomalies {
                match anomaly.incident.clone().filter(|id| ids.contains(id)) {
                    Some(id) => by_event.entry(id).or_default().push(anomaly),
                    None => anomalies.push(anomaly),
                }
            }
            let incidents = document
                .incidents
                .into_iter()
                .map(|r| AnyEvent::from(r.event));
            let maintenances = document
                .maintenances
                .into_iter()
                .map(|r| AnyEvent::from(r.event));
            let events = incidents
                .chain(maintenances)
                .map(|event| {
                    let mut read = ReadEvent::new(event);
                    read.anomalies = by_event.remove(read.event.id()).unwrap_or_default();
                    read
                })
                .collect();
            let page = document.page.map_or_else(Page::default, |page| Page {
                id: page.id,
                name: page.name,
                url: page.url,
                time_zone: page.time_zone,
            });
            let components = document
                .components
                .into_iter()
                .map(|c| PageComponent {
                    component: c.component,
                    status: c.status,
                    group: c.group == Some(true),
                })
                .collect();
            Document {
                format: Format::Statuspage,
                page,
                components,
                events,
                anomalies,
            }
        }
    }

    /// A neutral document as a Statuspage one, to write as Statuspage JSON:
    /// a `summary.json`-shaped document when it has components, else
    /// `incidents.json` (maintenances beside incidents, as real pages list
    /// them). Every anomaly goes into the one list; the declared ends are not
    /// carried (Statuspage has no field for them).
    impl From<Document> for statuspage::Document {
        fn from(document: Document) -> Self {
            let shape = if document.components.is_empty() {
                Shape::Incidents
            } else {
                Shape::Summary
            };
            let mut out = statuspage::Document::new(shape);
            let page = document.page;
            out.page = Some(statuspage::Page {
                id: Some(page.id.unwrap_or_default()),
                name: page.name,
                url: page.url,
                time_zone: page.time_zone,
                ..statuspage::Page::default()
            });
            out.components = document
                .components
                .into_iter()
                .map(|c| {
                    let mut component = statuspage::PageComponent::new(c.component);
                    component.status = c.status;
                    component.group = Some(c.group);
                    component
                })
                .collect();
            out.anomalies = document.anomalies;
            for read in document.events {
                out.anomalies.extend(read.anomalies);
                match read.event {
                    AnyEvent::Incident(event) => out.incidents.push(event.into()),
                    AnyEvent::Maintenance(event) => out.maintenances.push(event.into()),
                }
            }
            out
        }
    }
}
