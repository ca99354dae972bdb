//! Writing the feeds a status page serves: Atom and RSS 2.0, each entry an
//! event whose updates are in its HTML, newest first, as Statuspage writes
//! them (times in UTC).

use core::fmt::Write as _;

use chrono::{DateTime, SecondsFormat, Utc};

use super::html;
use crate::any::AnyEventRef;
use crate::formats::document::Page;
use crate::status::AnyStatus;

/// The page's address, or a placeholder under the reserved `.invalid` domain.
fn url(page: &Page) -> String {
    let url = page
        .url
        .as_deref()
        .unwrap_or("https://status.example.invalid");
    url.trim_end_matches('/').to_owned()
}

fn title(page: &Page) -> String {
    format!(
        "{} - Incident History",
        page.name.as_deref().unwrap_or("Status")
    )
}

/// The host of `url`, for tag URIs.
fn host(url: &str) -> &str {
    let rest = url.split_once("://").map_or(url, |(_, rest)| rest);
    let host = rest.split(['/', ':', '?', '#']).next().unwrap_or("");
    if host.is_empty() {
        "status.example.invalid"
    } else {
        host
    }
}

/// The label of a status, as the feed shows it.
pub(super) fn label(status: AnyStatus) -> &'static str {
    use crate::status::{IncidentStatus as I, MaintenanceStatus as M};
    match status {
        AnyStatus::Incident(I::Investigating) => "Investigating",
        AnyStatus::Incident(I::Identified) => "Identified",
        AnyStatus::Incident(I::Monitoring) => "Monitoring",
        AnyStatus::Incident(I::Resolved) => "Resolved",
        AnyStatus::Incident(I::Postmortem) => "Postmortem",
        AnyStatus::Maintenance(M::Scheduled) => "Scheduled",
        AnyStatus::Maintenance(M::InProgress) => "In progress",
        AnyStatus::Maintenance(M::Verifying) => "Verifying",
        AnyStatus::Maintenance(M::Completed) => "Completed",
    }
}

/// Text escaped for XML character data and attribute values.
fn xml(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            // XML 1.0 has no other control characters: they become spaces.
            c if (c as u32) < 0x20 && !matches!(c, '\t' | '\n' | '\r') => out.push(' '),
            '\r' => out.push_str("&#13;"),
            c => out.push(c),
        }
    }
    out
}

/// The entry HTML of an event: updates newest first.
fn entry_html(event: AnyEventRef<'_>) -> String {
    html::entry_html(shown_updates(event).into_iter().rev())
}

/// Each update's display time, label and body, in display order.
fn shown_updates(event: AnyEventRef<'_>) -> Vec<(DateTime<Utc>, &'static str, &str)> {
    crate::any::with_event!(event, e => e
        .updates()
        .iter()
        .map(|u| (u.display_at(), label(u.status().into()), u.body()))
        .collect())
}

/// The newest display time of an event.
fn updated(event: AnyEventRef<'_>) -> DateTime<Utc> {
    shown_updates(event)
        .iter()
        .map(|(at, _, _)| *at)
        .max()
        .unwrap_or(event.created_at())
}

fn rfc3339(at: DateTime<Utc>) -> String {
    at.to_rfc3339_opts(SecondsFormat::AutoSi, true)
}

/// Writes an Atom feed (RFC 4287) of `events`: one entry each, in the order
/// given, with `id` `tag:{host},2005:Incident/{event id}`, `published` the
/// creation time, `updated` its newest update's display time, a link to
/// `{page url}/incidents/{event id}`, and the updates in the HTML content.
/// The page's name titles the feed (`Status` without one); its address is
/// `https://status.example.invalid` without one.
///
/// # Example
///
/// ```
/// # use chrono::{TimeZone, Utc};
/// use incident_model::{formats::{feeds, Page}, AnyEventRef, Incident, IncidentStatus::*, Update};
/// let at = |h| Utc.with_ymd_and_hms(2024, 2, 8, h, 0, 0).unwrap();
/// let incident = Incident::builder("Networking issues")
///     .update(Update::new(Investigating, at(8)).with_body("Looking."))
///     .update(Update::new(Resolved, at(9)).with_body("Fixed."))
///     .build()?;
/// let mut page = Page::default();
/// page.name = Some("Example".into());
/// page.url = Some("https://status.example.com".into());
/// let atom = feeds::write_atom(&page, [AnyEventRef::from(&incident)]);
/// let read = feeds::read(&atom)?;
/// assert_eq!(read.events[0].event.name(), "Networking issues");
/// assert_eq!(read.events[0].event.update_count(), 2);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn write_atom<'a>(page: &Page, events: impl IntoIterator<Item = AnyEventRef<'a>>) -> String {
    let events: Vec<AnyEventRef<'a>> = events.into_iter().collect();
    let url = url(page);
    let host = host(&url).to_owned();
    let newest = events
        .iter()
        .map(|e| updated(*e))
        .max()
        .unwrap_or(DateTime::UNIX_EPOCH);
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    out.push_str("<feed xml:lang=\"en-US\" xmlns=\"http://www.w3.org/2005/Atom\">\n");
    let name = xml(page.name.as_deref().unwrap_or("Status"));
    let _ = write!(
        out,
        "  <id>tag:{host},2005:/history</id>\n  <link rel=\"alternate\" type=\"text/html\" href=\"{u}\"/>\n  <link rel=\"self\" type=\"application/atom+xml\" href=\"{u}/history.atom\"/>\n  <title>{}</title>\n  <updated>{}</updated>\n  <author>\n    <name>{name}</name>\n  </author>\n",
        xml(&title(page)),
        rfc3339(newest),
        host = xml(&host),
        u = xml(&url),
    );
    for event in events {
        let id = super::uri::percent_encode(event.id().as_str());
        let _ = write!(
            out,
            "  <entry>\n    <id>tag:{host},2005:Incident/{id}</id>\n    <published>{}</published>\n    <updated>{}</updated>\n    <link rel=\"alternate\" type=\"text/html\" href=\"{u}/incidents/{id}\"/>\n    <title>{}</title>\n    <content type=\"html\">{}</content>\n  </entry>\n",
            rfc3339(event.created_at()),
            rfc3339(updated(event)),
            xml(event.name()),
            xml(&entry_html(event)),
            host = xml(&host),
            u = xml(&url),
        );
    }
    out.push_str("</feed>\n");
    out
}

/// Writes an RSS 2.0 feed of `events`: one item each, in the order given,
/// with `pubDate` the creation time (RFC 2822, `+0000`), `link` and `guid`
/// `{page url}/incidents/{event id}`, and the updates in the HTML
/// description. Page name and address as in [`write_atom`].
///
/// # Example
///
/// ```
/// # use chrono::{TimeZone, Utc};
/// use incident_model::{formats::{feeds, Format, Page}, AnyEventRef, Incident, IncidentStatus::*, Update};
/// let at = Utc.with_ymd_and_hms(2024, 2, 8, 8, 0, 0).unwrap();
/// let incident = Incident::builder("Networking issues").update(Update::new(Resolved, at)).build()?;
/// let rss = feeds::write_rss(&Page::default(), [AnyEventRef::from(&incident)]);
/// let read = feeds::read(&rss)?;
/// assert_eq!(read.format, Format::StatuspageRss);
/// assert_eq!(read.events[0].event.id(), incident.id());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn write_rss<'a>(page: &Page, events: impl IntoIterator<Item = AnyEventRef<'a>>) -> String {
    let events: Vec<AnyEventRef<'a>> = events.into_iter().collect();
    let url = url(page);
    let newest = events
        .iter()
        .map(|e| updated(*e))
        .max()
        .unwrap_or(DateTime::UNIX_EPOCH);
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    out.push_str(
        "<rss version=\"2.0\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">\n  <channel>\n",
    );
    let _ = write!(
        out,
        "    <title>{}</title>\n    <link>{}</link>\n    <description>Statuspage</description>\n    <pubDate>{}</pubDate>\n",
        xml(&title(page)),
        xml(&url),
        newest.to_rfc2822(),
    );
    for event in events {
        let link = format!(
            "{url}/incidents/{}",
            super::uri::percent_encode(event.id().as_str())
        );
        let _ = write!(
            out,
            "    <item>\n      <title>{}</title>\n      <description>{}</description>\n      <pubDate>{}</pubDate>\n      <link>{l}</link>\n      <guid>{l}</guid>\n    </item>\n",
            xml(event.name()),
            xml(&entry_html(event)),
            event.created_at().to_rfc2822(),
            l = xml(&link),
        );
    }
    out.push_str("  </channel>\n</rss>\n");
    out
}
