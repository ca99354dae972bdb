//! Statuspage history feeds: reading the quirks of the corpus (fixtures cut
//! from it, in tests/fixtures/feeds/), writing feeds that read back equal.
#![cfg(feature = "feeds")]

use chrono::{DateTime, SecondsFormat, Timelike, Utc};
use incident_model::formats::{feeds, AnomalyKind, Document, Format, Page, Problem, ReadError};
use incident_model::{
    AnyEvent, AnyEventRef, AnyStatus, Event, IncidentStatus, Lifecycle, MaintenanceStatus,
};

fn fixture(name: &str) -> String {
    let path = format!("{}/tests/fixtures/feeds/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap()
}

/// What a feed carries of an event: id, name, kind, creation time, and per
/// update its status, display time (to the minute) and body.
type Carried = (
    String,
    String,
    String,
    String,
    Vec<(AnyStatus, String, String)>,
);

fn carried(event: AnyEventRef<'_>) -> Carried {
    let updates = match event {
        AnyEventRef::Incident(e) => shown(e),
        AnyEventRef::Maintenance(e) => shown(e),
    };
    (
        event.id().to_string(),
        event.name().to_owned(),
        event.kind().to_string(),
        event.created_at().to_rfc3339(),
        updates,
    )
}

fn shown<S: Lifecycle + Into<AnyStatus>>(event: &Event<S>) -> Vec<(AnyStatus, String, String)> {
    let minute = |at: DateTime<Utc>| {
        let at = at.with_second(0).unwrap().with_nanosecond(0).unwrap();
        at.to_rfc3339_opts(SecondsFormat::Secs, true)
    };
    let updates = event.updates().iter();
    updates
        .map(|u| {
            (
                u.status().into(),
                minute(u.display_at()),
                u.body().to_owned(),
            )
        })
        .collect()
}

fn all_carried(document: &Document) -> Vec<Carried> {
    document.events().map(carried).collect()
}

fn kinds(document: &Document, event: usize) -> Vec<AnomalyKind> {
    document.events[event]
        .anomalies
        .iter()
        .map(|a| a.kind)
        .collect()
}

#[test]
fn streamyard_twins_read_into_the_same_events() {
    let atom = feeds::read(&fixture("streamyard.atom")).unwrap();
    let rss = feeds::read(&fixture("streamyard.rss")).unwrap();
    assert_eq!(atom.format, Format::StatuspageAtom);
    assert_eq!(rss.format, Format::StatuspageRss);
    assert_eq!(atom.events.len(), 2);
    assert_eq!(all_carried(&atom), all_carried(&rss));
    assert_eq!(atom.events, rss.events);
    assert_eq!(atom.page.name.as_deref(), Some("StreamYard Status"));
    assert_eq!(
        atom.page.url.as_deref(),
        Some("https://status.streamyard.com")
    );
    assert_eq!(atom.events[0].event.id().as_str(), "l4222m9bmd6k");
}

#[test]
fn update_keeps_the_previous_status() {
    let atom = feeds::read(&fixture("streamyard.atom")).unwrap();
    let incident = atom.events[0].event.as_incident().unwrap();
    let statuses: Vec<IncidentStatus> = incident.updates().iter().map(|u| u.status()).collect();
    use IncidentStatus::*;
    assert_eq!(statuses, [Investigating, Investigating, Resolved]);
    assert_eq!(
        incident.updates()[1].body(),
        "The issues have been resolved."
    );
    assert_eq!(
        incident.updates()[0].display_at().to_rfc3339(),
        "2024-02-08T08:29:00+00:00"
    );
    assert_eq!(
        incident.created_at().to_rfc3339(),
        "2024-02-08T09:00:14+00:00"
    );
}

#[test]
fn every_entry_says_what_a_feed_cannot_carry() {
    let atom = feeds::read(&fixture("streamyard.atom")).unwrap();
    let kinds = kinds(&atom, 0);
    for kind in [
        AnomalyKind::InferredYear,
        AnomalyKind::MinutePrecision,
        AnomalyKind::NoComponentChanges,
    ] {
        assert!(kinds.contains(&kind), "{kind} missing from {kinds:?}");
    }
    assert!(
        !kinds.contains(&AnomalyKind::LocalTime),
        "utc is no local time"
    );
    let anomaly = &atom.events[0].anomalies[0];
    assert_eq!(anomaly.incident.as_ref().unwrap().as_str(), "l4222m9bmd6k");
}

#[test]
fn digitalocean_maintenances_with_padded_days() {
    let atom = feeds::read(&fixture("digitalocean.atom")).unwrap();
    let in_progress = atom.events[0].event.as_maintenance().unwrap();
    assert_eq!(in_progress.status(), MaintenanceStatus::InProgress);
    assert!(in_progress.is_open());
    assert!(
        kinds(&atom, 0).contains(&AnomalyKind::MissingField),
        "no scheduled window"
    );
    let verified = atom.events[1].event.as_maintenance().unwrap();
    let statuses: Vec<MaintenanceStatus> = verified.updates().iter().map(|u| u.status()).collect();
    use MaintenanceStatus::*;
    assert!(statuses.contains(&Verifying), "{statuses:?}");
    assert_eq!(statuses.last(), Some(&Completed));
    // Bodies: <br /> as new lines.
    assert!(in_progress.updates()[0]
        .body()
        .contains("AMS3 location.\n\nExpected Impact:"));
}

#[test]
fn parse_2014_without_markup_across_new_year() {
    let rss = feeds::read(&fixture("parse_2014.rss")).unwrap();
    let first = rss.events[0].event.as_incident().unwrap();
    // "Jan  1, 08:17 PST", published Wed, 01 Jan 2014 09:09:00 -0800.
    assert_eq!(
        first.updates()[0].display_at().to_rfc3339(),
        "2014-01-01T16:17:00+00:00"
    );
    assert!(kinds(&rss, 0).contains(&AnomalyKind::LocalTime));
    let second = rss.events[1].event.as_incident().unwrap();
    assert_eq!(
        second.updates()[0].display_at().to_rfc3339(),
        "2013-12-29T16:04:00+00:00"
    );
    let postmortem = rss.events.iter().find_map(|e| {
        e.event
            .as_incident()
            .filter(|i| i.status() == IncidentStatus::Postmortem)
    });
    let postmortem = postmortem.expect("a postmortem entry");
    assert!(postmortem
        .updates()
        .last()
        .unwrap()
        .body()
        .starts_with("# Summary of the December 24"));
}

#[test]
fn a_year_is_inferred_across_the_new_year_within_one_entry() {
    let feed = entry_feed(
        "Dec 31, 23:50 UTC",
        "Investigating",
        "Jan  1, 00:10 UTC",
        "Resolved",
        "Wed, 31 Dec 2025 23:50:30 +0000",
    );
    let read = feeds::read(&feed).unwrap();
    let incident = read.events[0].event.as_incident().unwrap();
    assert_eq!(
        incident.updates()[0].display_at().to_rfc3339(),
        "2025-12-31T23:50:00+00:00"
    );
    assert_eq!(
        incident.updates()[1].display_at().to_rfc3339(),
        "2026-01-01T00:10:00+00:00"
    );
}

/// An RSS feed of one item with two updates (`older` shown below `newer`).
fn entry_feed(
    older: &str,
    older_label: &str,
    newer: &str,
    newer_label: &str,
    published: &str,
) -> String {
    let html = format!(
        "<p><small>{newer}</small><br><strong>{newer_label}</strong> - b</p><p><small>{older}</small><br><strong>{older_label}</strong> - a</p>"
    );
    let html = html
        .replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;");
    format!(
        "<rss version=\"2.0\"><channel><title>T</title><item><title>X</title><description>{html}</description><pubDate>{published}</pubDate><link>https://s.example/incidents/abc</link><guid>https://s.example/incidents/abc</guid></item></channel></rss>"
    )
}

fn malformed(err: ReadError) -> (Format, String, Problem) {
    match err {
        ReadError::Malformed {
            format,
            at,
            problem,
        } => (format, at.to_string(), *problem),
        other => panic!("not malformed: {other}"),
    }
}

#[test]
fn bad_input_is_a_typed_error_naming_entry_and_field() {
    let feed = entry_feed(
        "Dec 31, 23:50 UTC",
        "Sideways",
        "Jan  1, 00:10 UTC",
        "Resolved",
        "Wed, 31 Dec 2025 23:50:30 +0000",
    );
    let (format, at, problem) = malformed(feeds::read(&feed).unwrap_err());
    assert_eq!(format, Format::StatuspageRss);
    assert_eq!(at, "event \"abc\", update 1, field \"content\"");
    assert!(matches!(problem, Problem::UnknownValue { ref value, .. } if value == "Sideways"));

    let feed = entry_feed(
        "Dec 31, 23:50 XYZ",
        "Investigating",
        "Jan  1, 00:10 UTC",
        "Resolved",
        "Wed, 31 Dec 2025 23:50:30 +0000",
    );
    let (_, _, problem) = malformed(feeds::read(&feed).unwrap_err());
    assert!(
        problem
            .to_string()
            .starts_with("unknown value \"XYZ\" (known: UTC, GMT, PST"),
        "{problem}"
    );

    let feed = entry_feed(
        "Feb 30, 23:50 UTC",
        "Investigating",
        "Jan  1, 00:10 UTC",
        "Resolved",
        "Wed, 31 Dec 2025 23:50:30 +0000",
    );
    let (_, _, problem) = malformed(feeds::read(&feed).unwrap_err());
    assert!(matches!(problem, Problem::NotATime { .. }), "{problem}");

    let feed = entry_feed(
        "Dec 31, 23:50 UTC",
        "Scheduled",
        "Jan  1, 00:10 UTC",
        "Resolved",
        "Wed, 31 Dec 2025 23:50:30 +0000",
    );
    let (_, _, problem) = malformed(feeds::read(&feed).unwrap_err());
    assert_eq!(
        problem.to_string(),
        "expected labels of one lifecycle (incident or maintenance)"
    );

    let feed = entry_feed(
        "Dec 31, 23:50 UTC",
        "Investigating",
        "Jan  1, 00:10 UTC",
        "Resolved",
        "yesterday",
    );
    let (_, at, _) = malformed(feeds::read(&feed).unwrap_err());
    assert_eq!(at, "event \"abc\", field \"pubDate\"");

    assert!(matches!(feeds::read("<feed"), Err(ReadError::Xml { .. })));
    let bomb = "<!DOCTYPE r [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">]><rss>&b;</rss>";
    assert!(
        matches!(feeds::read(bomb), Err(ReadError::Xml { .. })),
        "a dtd is refused"
    );
    let err = feeds::read("<html/>").unwrap_err();
    assert_eq!(
        err.to_string(),
        "statuspage history.atom: field \"root element\": expected an atom <feed> or an rss <rss>"
    );
    let err = feeds::read_rss(&fixture("streamyard.atom")).unwrap_err();
    assert_eq!(
        err.to_string(),
        "expected statuspage history.rss, found statuspage history.atom"
    );
}

#[test]
fn a_first_update_label_is_the_first_status_with_an_anomaly() {
    let feed = entry_feed(
        "Dec 31, 23:50 UTC",
        "Update",
        "Jan  1, 00:10 UTC",
        "Resolved",
        "Wed, 31 Dec 2025 23:50:30 +0000",
    );
    let read = feeds::read(&feed).unwrap();
    let incident = read.events[0].event.as_incident().unwrap();
    assert_eq!(
        incident.updates()[0].status(),
        IncidentStatus::Investigating
    );
    assert!(kinds(&read, 0).contains(&AnomalyKind::InferredStatus));
}

/// The embedded demo of the examples, read as Statuspage JSON.
#[cfg(feature = "statuspage")]
fn demo() -> Vec<AnyEvent> {
    let text = include_str!("../examples/data/status-export.json");
    let document = incident_model::formats::statuspage::read(text).unwrap();
    document
        .events()
        .map(|e| match e {
            AnyEventRef::Incident(i) => AnyEvent::from(i.clone()),
            AnyEventRef::Maintenance(m) => AnyEvent::from(m.clone()),
        })
        .collect()
}

#[cfg(feature = "statuspage")]
#[test]
fn feeds_written_from_the_demo_are_valid_and_read_back_equal() {
    let events = demo();
    assert!(events.len() > 2);
    let mut page = Page::default();
    page.name = Some("Demo & Co".to_owned());
    page.url = Some("https://status.example.com/".to_owned());
    let expected: Vec<Carried> = events.iter().map(|e| carried(e.to_ref())).collect();
    for (text, format) in [
        (
            feeds::write_atom(&page, events.iter().map(AnyEvent::to_ref)),
            Format::StatuspageAtom,
        ),
        (
            feeds::write_rss(&page, events.iter().map(AnyEvent::to_ref)),
            Format::StatuspageRss,
        ),
    ] {
        let xml = roxmltree::Document::parse(&text).unwrap();
        if format == Format::StatuspageAtom {
            check_atom(&xml);
        }
        let read = feeds::read(&text).unwrap();
        assert_eq!(read.format, format);
        assert_eq!(read.page.name.as_deref(), Some("Demo & Co"));
        assert_eq!(all_carried(&read), expected, "{format}");
    }
}

/// RFC 4287's required elements: feed id, title, updated, author (or one per
/// entry); each entry id, title, updated; ids are IRIs; times RFC 3339.
fn check_atom(xml: &roxmltree::Document<'_>) {
    let feed = xml.root_element();
    assert_eq!(
        feed.tag_name().namespace(),
        Some("http://www.w3.org/2005/Atom")
    );
    let one = |node: roxmltree::Node<'_, '_>, name: &str| {
        let found: Vec<_> = node
            .children()
            .filter(|n| n.tag_name().name() == name)
            .collect();
        assert_eq!(found.len(), 1, "{name} in {:?}", node.tag_name());
        found[0].text().unwrap_or("").to_owned()
    };
    for name in ["id", "title", "updated"] {
        one(feed, name);
    }
    assert!(one(feed, "id").starts_with("tag:status.example.com,2005:"));
    DateTime::parse_from_rfc3339(&one(feed, "updated")).unwrap();
    assert_eq!(
        feed.children()
            .filter(|n| n.tag_name().name() == "author")
            .count(),
        1
    );
    let entries: Vec<_> = feed
        .children()
        .filter(|n| n.tag_name().name() == "entry")
        .collect();
    assert!(!entries.is_empty());
    for entry in entries {
        let id = one(entry, "id");
        assert!(id.starts_with("tag:") && !id.contains(' '), "{id}");
        one(entry, "title");
        DateTime::parse_from_rfc3339(&one(entry, "updated")).unwrap();
        DateTime::parse_from_rfc3339(&one(entry, "published")).unwrap();
        let content = entry
            .children()
            .find(|n| n.tag_name().name() == "content")
            .unwrap();
        assert_eq!(content.attribute("type"), Some("html"));
    }
}

#[test]
fn odd_ids_and_bodies_survive_a_written_feed() {
    use chrono::TimeZone;
    let at = |h| Utc.with_ymd_and_hms(2024, 2, 8, h, 0, 0).unwrap();
    let incident = incident_model::Incident::builder("<b>Tags</b> & \"quotes\"")
        .id(incident_model::EventId::new("id with/odd%chars").unwrap())
        .update(
            incident_model::Update::new(IncidentStatus::Investigating, at(8))
                .with_body("a < b & c\nline two 'x'\r\nthree"),
        )
        .update(
            incident_model::Update::new(IncidentStatus::Resolved, at(9))
                .with_body("&amp; stays text"),
        )
        .build()
        .unwrap();
    for text in [
        feeds::write_atom(&Page::default(), [AnyEventRef::from(&incident)]),
        feeds::write_rss(&Page::default(), [AnyEventRef::from(&incident)]),
    ] {
        let read = feeds::read(&text).unwrap();
        assert_eq!(
            carried(read.events[0].event.to_ref()),
            carried(AnyEventRef::from(&incident))
        );
    }
}

fn corpus() -> std::path::PathBuf {
    let dir = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/corpus/statuspage-feeds");
    assert!(dir.is_dir(), "the corpus is not at {}", dir.display());
    dir
}

#[test]
#[ignore = "reads ../shared/corpus (CI runs it with --ignored)"]
fn every_corpus_feed_is_read_and_the_twins_agree() {
    let mut read = std::collections::BTreeMap::new();
    for entry in std::fs::read_dir(corpus()).unwrap() {
        let path = entry.unwrap().path();
        let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("");
        if ext != "atom" && ext != "rss" {
            continue;
        }
        let text = std::fs::read_to_string(&path).unwrap();
        let document = feeds::read(&text).unwrap_or_else(|err| panic!("{}: {err}", path.display()));
        assert!(!document.events.is_empty(), "{}", path.display());
        read.insert(
            path.file_name().unwrap().to_string_lossy().into_owned(),
            document,
        );
    }
    assert_eq!(read.len(), 5);
    for twin in [
        "streamyard_history_2024-06-10",
        "digitalocean_history_2020-01-21",
    ] {
        let atom = &read[&format!("{twin}.atom")];
        let rss = &read[&format!("{twin}.rss")];
        assert_eq!(all_carried(atom), all_carried(rss), "{twin}");
    }
    assert_eq!(read["streamyard_history_2024-06-10.atom"].events.len(), 17);
    assert_eq!(
        read["digitalocean_history_2020-01-21.atom"].events.len(),
        25
    );
}
