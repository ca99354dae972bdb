//! Statuspage history feeds (feature `feeds`): `history.atom` and
//! `history.rss`, read into incidents and maintenances, and written as a
//! status page built on this crate serves them.
//!
//! # Reading
//!
//! [`read`] takes either feed (the root element decides: Atom's `<feed>`,
//! RSS's `<rss>`); [`read_atom`] and [`read_rss`] refuse the other one. Each
//! entry (item) is one event:
//!
//! | feed | model |
//! |---|---|
//! | the last segment of the `/incidents/{code}` link (else of `id`/`guid`) | event id (the same in both feeds of a page) |
//! | `title` | name |
//! | `published` (Atom), `pubDate` (RSS) | creation time |
//! | each `<small>time</small> <strong>Label</strong> - body` of the HTML, newest first | an update, id `{event id}-{position}` (oldest 0), display and creation time the time shown |
//! | the feed's `title` without " - Incident History", its link | the page's name and address |
//!
//! The labels, a table ([`LABELS`]):
//!
//! | label | status |
//! |---|---|
//! | Investigating, Identified, Monitoring, Resolved, Postmortem | the incident status |
//! | Scheduled, In progress, Verifying, Completed | the maintenance status |
//! | Update | the status of the update before it (the first status of the lifecycle, said in an [`InferredStatus`](crate::formats::AnomalyKind::InferredStatus) anomaly, when it is the first) |
//!
//! An entry with a maintenance label is a maintenance; labels of both
//! lifecycles in one entry are an error.
//!
//! Times are shown without a year, to the minute, with a zone abbreviation
//! (`Feb 8, 09:00 UTC`, `Jan  1, 09:09 PST`; pre-2015 feeds have no `<var>`
//! markup). The abbreviation is read at its fixed offset (a table of the
//! common ones; another is an error). The year: the oldest update takes the
//! year (of the entry's publication, the one before or after) that puts it
//! nearest to the publication; each newer update the first year that puts it
//! at or after the one before. One rule for both feeds, since RSS has no
//! entry `updated` (DESIGN's "at or before the entry's `updated`" cannot be
//! applied to RSS, and the twins must read equal).
//!
//! Every entry carries the anomalies of what a feed cannot carry:
//! [`InferredYear`](crate::formats::AnomalyKind::InferredYear),
//! [`MinutePrecision`](crate::formats::AnomalyKind::MinutePrecision),
//! [`NoComponentChanges`](crate::formats::AnomalyKind::NoComponentChanges)
//! (no components, changes or impact), for maintenances a
//! [`MissingField`](crate::formats::AnomalyKind::MissingField) (no scheduled
//! window), and [`LocalTime`](crate::formats::AnomalyKind::LocalTime) when the
//! zone is not UTC. Bodies are text: `<br>` as new lines, other tags dropped
//! ([`HtmlBody`](crate::formats::AnomalyKind::HtmlBody)), entities decoded.
//! Events are checked as the Statuspage reader checks them (loaded
//! permissively, reopens marked, each move `standard` refuses an anomaly).
//!
//! # Writing
//!
//! [`write_atom`] and [`write_rss`] write well-formed feeds (Atom as RFC 4287
//! asks: feed and entry `id`, `title`, `updated`, an author) that [`read`]
//! reads back into the same events, minus what a feed cannot carry: update
//! ids (made again), seconds, update creation times (the display time),
//! component changes, components, impact, declared start and schedule.
//!
//! # Example
//!
//! ```
//! use incident_model::formats::{feeds, Format};
//! use incident_model::IncidentStatus;
//! let atom = r#"<?xml version="1.0" encoding="UTF-8"?>
//! <feed xml:lang="en-US" xmlns="http://www.w3.org/2005/Atom">
//!   <title>Example Status - Incident History</title>
//!   <entry>
//!     <id>tag:status.example.com,2005:Incident/1</id>
//!     <published>2024-02-08T08:29:14Z</published>
//!     <updated>2024-02-09T17:35:55Z</updated>
//!     <link rel="alternate" type="text/html" href="https://status.example.com/incidents/l4222m9bmd6k"/>
//!     <title>Networking issues</title>
//!     <content type="html">&lt;p&gt;&lt;small&gt;Feb &lt;var data-var='date'&gt; 8&lt;/var&gt;, &lt;var data-var='time'&gt;09:00&lt;/var&gt; UTC&lt;/small&gt;&lt;br&gt;&lt;strong&gt;Resolved&lt;/strong&gt; - Fixed.&lt;/p&gt;&lt;p&gt;&lt;small&gt;Feb &lt;var data-var='date'&gt; 8&lt;/var&gt;, &lt;var data-var='time'&gt;08:29&lt;/var&gt; UTC&lt;/small&gt;&lt;br&gt;&lt;strong&gt;Investigating&lt;/strong&gt; - Looking.&lt;/p&gt;</content>
//!   </entry>
//! </feed>"#;
//! let document = feeds::read(atom)?;
//! assert_eq!(document.format, Format::StatuspageAtom);
//! let incident = document.events[0].event.as_incident().unwrap();
//! assert_eq!(incident.id().as_str(), "l4222m9bmd6k");
//! assert_eq!(incident.status(), IncidentStatus::Resolved);
//! assert_eq!(incident.updates()[0].display_at().to_rfc3339(), "2024-02-08T08:29:00+00:00");
//! # Ok::<(), incident_model::formats::ReadError>(())
//! ```

mod html;
mod read;
mod time;
mod uri;
mod write;

pub use read::LABELS;
pub use write::{write_atom, write_rss};

use super::document::{Document, Format};
use super::error::ReadError;

/// Reads an Atom or RSS history feed, telling them apart by the root element.
///
/// # Errors
///
/// [`ReadError::Xml`] when the text is not well-formed XML (a DTD is
/// refused), [`ReadError::WrongFormat`] when the root is neither,
/// [`ReadError::Malformed`] naming the entry and what in it is wrong.
///
/// # Example
///
/// See the [module documentation](self).
pub fn read(text: &str) -> Result<Document, ReadError> {
    let xml = parse(text, Format::StatuspageAtom)?;
    match format_of(&xml) {
        Some(format) => read::feed(&xml, format),
        None => Err(not_a_feed(Format::StatuspageAtom)),
    }
}

/// Reads an Atom history feed.
///
/// # Errors
///
/// As [`read`], and [`ReadError::WrongFormat`] for an RSS feed.
///
/// # Example
///
/// ```
/// use incident_model::formats::{feeds, Format, ReadError};
/// let err = feeds::read_atom(r#"<rss version="2.0"><channel/></rss>"#).unwrap_err();
/// assert!(matches!(err, ReadError::WrongFormat { found: Format::StatuspageRss, .. }));
/// ```
pub fn read_atom(text: &str) -> Result<Document, ReadError> {
    read_as(text, Format::StatuspageAtom)
}

/// Reads an RSS history feed.
///
/// # Errors
///
/// As [`read`], and [`ReadError::WrongFormat`] for an Atom feed.
///
/// # Example
///
/// ```
/// let doc = incident_model::formats::feeds::read_rss(r#"<rss version="2.0"><channel><title>x</title></channel></rss>"#)?;
/// assert!(doc.events.is_empty());
/// # Ok::<(), incident_model::formats::ReadError>(())
/// ```
pub fn read_rss(text: &str) -> Result<Document, ReadError> {
    read_as(text, Format::StatuspageRss)
}

fn read_as(text: &str, expected: Format) -> Result<Document, ReadError> {
    let xml = parse(text, expected)?;
    match format_of(&xml) {
        Some(found) if found == expected => read::feed(&xml, found),
        Some(found) => Err(ReadError::WrongFormat { expected, found }),
        None => Err(not_a_feed(expected)),
    }
}

fn not_a_feed(format: Format) -> ReadError {
    let expected = "an atom <feed> or an rss <rss>";
    let at = super::error::Location::document("root element");
    ReadError::malformed(format, at, super::error::Problem::Unreadable { expected })
}

fn parse(text: &str, format: Format) -> Result<roxmltree::Document<'_>, ReadError> {
    roxmltree::Document::parse(text).map_err(|source| ReadError::Xml { format, source })
}

/// Atom or RSS, by the root element.
pub(super) fn format_of(xml: &roxmltree::Document<'_>) -> Option<Format> {
    let root = xml.root_element().tag_name();
    match (root.namespace(), root.name()) {
        (Some("http://www.w3.org/2005/Atom"), "feed") => Some(Format::StatuspageAtom),
        (None, "rss") => Some(Format::StatuspageRss),
        _ => None,
    }
}
