//! Reading a feed: the XML into entries (Atom or RSS), each entry into an
//! incident or a maintenance, as a chain of named steps.

use chrono::{DateTime, Utc};
use roxmltree::Node;

use super::html::{self, ShownUpdate};
use super::time::{ShownTime, TimeProblem, ZONE_NAMES};
use crate::any::AnyEvent;
use crate::builder::EventParts;
use crate::formats::anomaly::{Anomaly, AnomalyKind};
use crate::formats::assemble;
use crate::formats::document::{Document, Format, Page, ReadEvent};
use crate::formats::error::{Location, Problem, ReadError};
use crate::id::{EventId, UpdateId};
use crate::policy::Lifecycle;
use crate::status::{AnyStatus, Impact, IncidentStatus, MaintenanceStatus};
use crate::update::Update;

/// The labels a feed shows, the vocabulary of the mapping table in the
/// [module documentation](super).
pub const LABELS: &[&str] = &[
    "Investigating",
    "Identified",
    "Monitoring",
    "Update",
    "Resolved",
    "Postmortem",
    "Scheduled",
    "In progress",
    "Verifying",
    "Completed",
];

const ATOM: &str = "http://www.w3.org/2005/Atom";

/// One entry (Atom) or item (RSS), as the feed gives it.
struct Entry<'a> {
    /// Its position in the feed, for messages when it has no usable id.
    position: usize,
    id: Option<String>,
    link: Option<String>,
    title: String,
    published: Option<&'a str>,
    html: String,
}

/// Reads a parsed feed of `format`.
pub(super) fn feed(xml: &roxmltree::Document<'_>, format: Format) -> Result<Document, ReadError> {
    let root = xml.root_element();
    let (page, entries) = match format {
        Format::StatuspageAtom => atom(root),
        _ => rss(root),
    };
    let mut document = Document::new(format);
    document.page = page;
    for entry in entries {
        document.events.push(event(&entry, format)?);
    }
    Ok(document)
}

fn child<'a, 'i>(node: Node<'a, 'i>, name: &str) -> Option<Node<'a, 'i>> {
    node.children()
        .find(|n| n.is_element() && n.tag_name().name() == name)
}

fn text_of(node: Node<'_, '_>, name: &str) -> Option<String> {
    child(node, name).map(|n| n.text().unwrap_or("").to_owned())
}

/// The page and entries of an Atom feed.
fn atom<'a>(feed: Node<'a, '_>) -> (Page, Vec<Entry<'a>>) {
    let alternate = |node: Node<'_, '_>| {
        node.children()
            .filter(|n| n.is_element() && n.tag_name().name() == "link")
            .find(|n| n.attribute("rel").is_none_or(|rel| rel == "alternate"))
            .and_then(|n| n.attribute("href"))
            .map(str::to_owned)
    };
    let page = Page {
        name: text_of(feed, "title").map(|t| page_name(&t)),
        url: alternate(feed),
        ..Page::default()
    };
    let entries = feed
        .children()
        .filter(|n| n.is_element() && n.tag_name() == (ATOM, "entry").into())
        .enumerate()
        .map(|(position, entry)| Entry {
            position,
            id: text_of(entry, "id"),
            link: alternate(entry),
            title: text_of(entry, "title").unwrap_or_default(),
            published: child(entry, "published").and_then(|n| n.text()),
            html: text_of(entry, "content").unwrap_or_default(),
        })
        .collect();
    (page, entries)
}

/// The page and items of an RSS feed.
fn rss<'a>(rss: Node<'a, '_>) -> (Page, Vec<Entry<'a>>) {
    let Some(channel) = child(rss, "channel") else {
        return (Page::default(), Vec::new());
    };
    let page = Page {
        name: text_of(channel, "title").map(|t| page_name(&t)),
        url: text_of(channel, "link"),
        ..Page::default()
    };
    let entries = channel
        .children()
        .filter(|n| n.is_element() && n.tag_name().name() == "item")
        .enumerate()
        .map(|(position, item)| Entry {
            position,
            id: text_of(item, "guid"),
            link: text_of(item, "link"),
            title: text_of(item, "title").unwrap_or_default(),
            published: child(item, "pubDate").and_then(|n| n.text()),
            html: text_of(item, "description").unwrap_or_default(),
        })
        .collect();
    (page, entries)
}

/// The page's name: the feed title without Statuspage's suffix.
fn page_name(title: &str) -> String {
    let title = title.trim();
    title
        .strip_suffix(" - Incident History")
        .unwrap_or(title)
        .to_owned()
}

/// The id of an entry: the last segment of its `/incidents/{code}` link
/// (the same in Atom and RSS), else of its id or guid, percent-decoded.
fn event_id(entry: &Entry<'_>, format: Format) -> Result<EventId, ReadError> {
    let from = |s: &Option<String>| {
        s.as_deref()
            .map(str::trim)
            .and_then(|s| s.rsplit(['/', ':']).next())
            .filter(|s| !s.is_empty())
            .map(super::uri::percent_decode)
    };
    let link = entry.link.as_deref().filter(|l| l.contains("/incidents/"));
    let code = from(&link.map(str::to_owned)).or_else(|| from(&entry.id));
    let at = || Location::event(format!("#{}", entry.position), "link");
    let code = code.ok_or_else(|| ReadError::malformed(format, at(), Problem::Missing))?;
    EventId::new(code).map_err(|err| ReadError::malformed(format, at(), Problem::Id(err)))
}

/// The entry's publication time (Atom RFC 3339, RSS RFC 2822).
fn published(entry: &Entry<'_>, id: &EventId, format: Format) -> Result<DateTime<Utc>, ReadError> {
    let (field, expected) = match format {
        Format::StatuspageAtom => ("published", "an rfc 3339 time"),
        _ => ("pubDate", "an rfc 2822 time"),
    };
    let at = || Location::event(id.as_str(), field);
    let text = entry.published.map(str::trim);
    let text = text.ok_or_else(|| ReadError::malformed(format, at(), Problem::Missing))?;
    let parsed = match format {
        Format::StatuspageAtom => crate::time::parse_rfc3339(text),
        _ => DateTime::parse_from_rfc2822(text),
    };
    let value = text.to_owned();
    parsed
        .map(|t| t.with_timezone(&Utc))
        .map_err(|_| ReadError::malformed(format, at(), Problem::NotATime { value, expected }))
}

/// One update as read: status label, time, body.
struct ReadUpdate {
    label: Label,
    at: DateTime<Utc>,
    body: String,
}

/// An entry into an event.
fn event(entry: &Entry<'_>, format: Format) -> Result<ReadEvent, ReadError> {
    let id = event_id(entry, format)?;
    let published = published(entry, &id, format)?;
    let mut anomalies = Vec::new();
    let (shown, lead) = html::updates(&entry.html);
    if !lead.is_empty() {
        let detail = format!("text before the first update, not an update: {lead:?}");
        anomalies.push(of(AnomalyKind::UnknownField, &id, detail));
    }
    if shown.is_empty() {
        let at = Location::event(id.as_str(), "content");
        let expected = "at least one update (<small>time</small> <strong>label</strong>)";
        return Err(ReadError::malformed(
            format,
            at,
            Problem::Unreadable { expected },
        ));
    }
    let updates = times(&shown, published, &id, format, &mut anomalies)?;
    let maintenance = updates
        .iter()
        .any(|u| matches!(u.label, Label::Status(AnyStatus::Maintenance(_))));
    let event = if maintenance {
        build::<MaintenanceStatus>(entry, &id, published, updates, format, &mut anomalies)?
    } else {
        build::<IncidentStatus>(entry, &id, published, updates, format, &mut anomalies)?
    };
    let mut read = ReadEvent::new(event);
    read.anomalies = anomalies;
    Ok(read)
}

/// The updates' labels and times, oldest first: the oldest in the year that
/// puts it nearest to the entry's publication, each newer one in the first
/// year that puts it at or after the one before.
fn times(
    shown: &[ShownUpdate],
    published: DateTime<Utc>,
    id: &EventId,
    format: Format,
    anomalies: &mut Vec<Anomaly>,
) -> Result<Vec<ReadUpdate>, ReadError> {
    let mut previous: Option<DateTime<Utc>> = None;
    let mut zones: Vec<&str> = Vec::new();
    let mut out = Vec::with_capacity(shown.len());
    for (position, update) in shown.iter().enumerate().rev() {
        let at = || Location::event(id.as_str(), "content").in_update(position);
        let (time, zone) = ShownTime::parse(&update.time).map_err(|problem| {
            let problem = match problem {
                TimeProblem::Zone(value) => Problem::UnknownValue {
                    value,
                    known: ZONE_NAMES,
                },
                TimeProblem::Shape => Problem::NotATime {
                    value: update.time.clone(),
                    expected: "a time such as \"Feb 8, 09:00 UTC\"",
                },
            };
            ReadError::malformed(format, at(), problem)
        })?;
        if !zones.contains(&zone) {
            zones.push(zone);
        }
        let inferred = match previous {
            None => time.nearest(published),
            Some(previous) => time.at_or_after(previous),
        };
        let unreadable = Problem::Unreadable {
            expected: "a time in a year near the entry's",
        };
        let inferred = inferred.ok_or_else(|| ReadError::malformed(format, at(), unreadable))?;
        previous = Some(inferred);
        let label = label(&update.label).ok_or_else(|| {
            let value = update.label.clone();
            ReadError::malformed(
                format,
                at(),
                Problem::UnknownValue {
                    value,
                    known: LABELS,
                },
            )
        })?;
        if update.had_markup {
            let detail = format!("update {position}: markup dropped from the body");
            anomalies.push(of(AnomalyKind::HtmlBody, id, detail));
        }
        out.push(ReadUpdate {
            label,
            at: inferred,
            body: update.body.clone(),
        });
    }
    what_a_feed_lacks(id, published, &zones, anomalies);
    Ok(out)
}

/// What a label says: a status, or "Update", which keeps the status.
#[derive(Clone, Copy)]
enum Label {
    Status(AnyStatus),
    Update,
}

/// The meaning of a label (the table of the module documentation).
fn label(label: &str) -> Option<Label> {
    use {IncidentStatus as I, MaintenanceStatus as M};
    let incident = |s| Some(Label::Status(AnyStatus::Incident(s)));
    let maintenance = |s| Some(Label::Status(AnyStatus::Maintenance(s)));
    match label {
        "Investigating" => incident(I::Investigating),
        "Identified" => incident(I::Identified),
        "Monitoring" => incident(I::Monitoring),
        "Resolved" => incident(I::Resolved),
        "Postmortem" => incident(I::Postmortem),
        "Scheduled" => maintenance(M::Scheduled),
        "In progress" => maintenance(M::InProgress),
        "Verifying" => maintenance(M::Verifying),
        "Completed" => maintenance(M::Completed),
        "Update" => Some(Label::Update),
        _ => None,
    }
}

/// The anomalies of every feed entry: what a feed cannot carry.
fn what_a_feed_lacks(
    id: &EventId,
    published: DateTime<Utc>,
    zones: &[&str],
    anomalies: &mut Vec<Anomaly>,
) {
    let detail = format!(
        "update times carry no year: inferred from the entry's publication ({})",
        crate::time::rfc3339(published)
    );
    anomalies.push(of(AnomalyKind::InferredYear, id, detail));
    let detail = "update times are to the minute: seconds are zero".to_owned();
    anomalies.push(of(AnomalyKind::MinutePrecision, id, detail));
    let detail = "a feed carries no components, component changes or impact".to_owned();
    anomalies.push(of(AnomalyKind::NoComponentChanges, id, detail));
    if zones.iter().any(|zone| *zone != "UTC" && *zone != "GMT") {
        let detail = format!(
            "update times are shown with the zone abbreviation {}: read at its fixed offset",
            zones.join(", ")
        );
        anomalies.push(of(AnomalyKind::LocalTime, id, detail));
    }
}

fn of(kind: AnomalyKind, id: &EventId, detail: String) -> Anomaly {
    Anomaly::new(kind, Some(id.clone()), None, detail)
}

/// The event of one lifecycle from the updates read (oldest first).
fn build<S>(
    entry: &Entry<'_>,
    id: &EventId,
    published: DateTime<Utc>,
    read: Vec<ReadUpdate>,
    format: Format,
    anomalies: &mut Vec<Anomaly>,
) -> Result<AnyEvent, ReadError>
where
    S: Lifecycle + FeedStatus,
    AnyEvent: From<crate::event::Event<S>>,
    Problem: From<crate::builder::ValidationError<S>>,
{
    let mut updates = Vec::with_capacity(read.len());
    let mut previous: Option<S> = None;
    for (position, update) in read.into_iter().enumerate() {
        let status = match update.label {
            Label::Status(status) => S::from_any(status).ok_or_else(|| {
                let at = Location::event(id.as_str(), "content").in_update(position);
                let expected = "labels of one lifecycle (incident or maintenance)";
                ReadError::malformed(format, at, Problem::Unreadable { expected })
            })?,
            Label::Update => previous.unwrap_or_else(|| {
                let detail = format!(
                    "\"Update\" as the first label: read as {}",
                    S::FIRST.as_str()
                );
                anomalies.push(of(AnomalyKind::InferredStatus, id, detail));
                S::FIRST
            }),
        };
        previous = Some(status);
        let update_id = UpdateId::new(format!("{id}-{position}")).map_err(|err| {
            ReadError::malformed(format, Location::event(id.as_str(), "id"), Problem::Id(err))
        })?;
        updates.push(
            Update::new(status, update.at)
                .with_id(update_id)
                .with_body(update.body),
        );
    }
    if S::MAINTENANCE {
        let detail = "a feed carries no scheduled window".to_owned();
        anomalies.push(of(AnomalyKind::MissingField, id, detail));
    }
    let parts = EventParts {
        id: id.clone(),
        name: entry.title.trim().to_owned(),
        impact: if S::MAINTENANCE {
            Impact::Maintenance
        } else {
            Impact::None
        },
        components: Vec::new(),
        started_at: None,
        created_at: published,
        schedule: None,
        updates,
        declared_end: None,
        labels: std::collections::BTreeMap::new(),
    };
    let event = assemble::event(parts, anomalies).map_err(|err| {
        ReadError::malformed(format, Location::event(id.as_str(), "content"), err)
    })?;
    Ok(AnyEvent::from(event))
}

/// What the reader needs of a lifecycle: its status out of an [`AnyStatus`],
/// the status a first "Update" stands for, whether it is the maintenance one.
pub(super) trait FeedStatus: Sized {
    const FIRST: Self;
    const MAINTENANCE: bool;
    fn from_any(status: AnyStatus) -> Option<Self>;
}

impl FeedStatus for IncidentStatus {
    const FIRST: Self = IncidentStatus::Investigating;
    const MAINTENANCE: bool = false;
    fn from_any(status: AnyStatus) -> Option<Self> {
        match status {
            AnyStatus::Incident(s) => Some(s),
            AnyStatus::Maintenance(_) => None,
        }
    }
}

impl FeedStatus for MaintenanceStatus {
    const FIRST: Self = MaintenanceStatus::Scheduled;
    const MAINTENANCE: bool = true;
    fn from_any(status: AnyStatus) -> Option<Self> {
        match status {
            AnyStatus::Maintenance(s) => Some(s),
            AnyStatus::Incident(_) => None,
        }
    }
}
