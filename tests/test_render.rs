//! Text and Markdown as the status page shows an incident: written expectations.
#![cfg(feature = "tz")]

mod util;

use chrono::{TimeZone, Utc};
use incident_model::{
    output, Component, ComponentChange, ComponentId, ComponentStatus::*, Maintenance,
    MaintenanceStatus, Update,
};
use util::*;

const MARCH_16_TEXT: &str = "\
Slow page loads

Postmortem - We have published a postmortem of this incident.
Posted Mar 16, 2020 - 17:53 EDT

Resolved - Page loads have stayed fast for three hours. This incident is resolved.
Posted Mar 16, 2020 - 17:51 EDT

Monitoring - We keep watching while sign-ups stay high.
Posted Mar 16, 2020 - 14:22 EDT

Monitoring - Page load times are back to normal for most users.
Posted Mar 16, 2020 - 14:12 EDT

Monitoring - A fix is in place and we are watching page load times.
Posted Mar 16, 2020 - 13:42 EDT

Identified - Database capacity is being raised to match the new load.
Posted Mar 16, 2020 - 12:20 EDT

Identified - The maintenance is over; pages are loading, still slowly at times.
Posted Mar 16, 2020 - 11:40 EDT

Identified - Emergency maintenance: the service will be fully down for about five minutes.
Posted Mar 16, 2020 - 11:17 EDT

Identified - More application servers are coming online.
Posted Mar 16, 2020 - 10:49 EDT

Identified - A surge of new sign-ups is slowing page loads. We are adding capacity.
Posted Mar 16, 2020 - 10:28 EDT

This incident affected: API.
";

#[test]
fn march_16_renders_as_the_status_page_did() {
    let zone = output::page_zone("America/New_York").unwrap();
    assert_eq!(output::text(&march_16(), &zone), MARCH_16_TEXT);
}

#[test]
fn the_zone_abbreviation_follows_daylight_saving() {
    // 8 March 2020 was the switch to EDT: a week earlier the page said EST.
    let zone = output::page_zone("America/New_York").unwrap();
    let incident = incident_model::Incident::builder("Earlier")
        .update(Update::new(
            incident_model::IncidentStatus::Resolved,
            edt(10, 28) - chrono::Duration::days(9),
        ))
        .build()
        .unwrap();
    assert!(output::text(&incident, &zone).contains("Posted Mar 7, 2020 - 09:28 EST\n"));
}

#[test]
fn march_16_markdown() {
    let zone = output::page_zone("America/New_York").unwrap();
    let markdown = output::markdown(&march_16(), &zone);
    let expected_start = "## Slow page loads\n\n\
        **Postmortem** - We have published a postmortem of this incident.  \n\
        *Posted Mar 16, 2020 - 17:53 EDT*\n\n\
        **Resolved** - Page loads have stayed fast for three hours. This incident is resolved.  \n\
        *Posted Mar 16, 2020 - 17:51 EDT*\n";
    assert!(markdown.starts_with(expected_start), "{markdown}");
    assert!(
        markdown.ends_with("*Posted Mar 16, 2020 - 10:28 EDT*\n\nThis incident affected: API.\n"),
        "{markdown}"
    );
    assert_eq!(markdown.matches("*Posted ").count(), 10);
}

#[test]
fn maintenances_and_several_components() {
    use MaintenanceStatus::*;
    let zone = output::page_zone("America/Chicago").unwrap();
    let db = ComponentId::new("db").unwrap();
    let web = ComponentId::new("web").unwrap();
    let maintenance = Maintenance::builder("Upgrade *now*")
        .component(Component::new(api(), "API"))
        .update(
            Update::new(InProgress, edt(19, 0) - chrono::Duration::hours(2))
                .with_body("Line one\r\nline_two")
                .with_change(ComponentChange::new(
                    db.clone(),
                    "DB",
                    Operational,
                    UnderMaintenance,
                ))
                .with_change(ComponentChange::new(
                    web,
                    "Website",
                    Operational,
                    UnderMaintenance,
                )),
        )
        .update(
            Update::new(Completed, edt(19, 0)).with_change(ComponentChange::new(
                db,
                "Database",
                UnderMaintenance,
                Operational,
            )),
        )
        .build()
        .unwrap();
    let text = output::text(&maintenance, &zone);
    assert_eq!(
        text,
        "Upgrade *now*\n\nCompleted\nPosted Mar 16, 2020 - 18:00 CDT\n\n\
         In progress - Line one\r\nline_two\nPosted Mar 16, 2020 - 16:00 CDT\n\n\
         This scheduled maintenance affected: API, Database, and Website.\n\n\
         No planned window; ran 2h.\n"
    );
    let markdown = output::markdown(&maintenance, &zone);
    assert!(markdown.starts_with("## Upgrade \\*now\\*\n"), "{markdown}");
    assert!(
        markdown.contains("**In progress** - Line one  \nline\\_two  \n"),
        "{markdown}"
    );
}

/// A maintenance against its plan, in words, on its page (issue 13): times
/// in the page's zone.
#[test]
fn a_maintenance_says_how_it_went_against_its_plan() {
    use incident_model::{
        MaintenanceStatus::{Completed, InProgress, Scheduled},
        Schedule,
    };
    let zone = output::page_zone("America/New_York").unwrap();
    let at = |h, m, s| Utc.with_ymd_and_hms(2020, 12, 17, h, m, s).unwrap();
    let maintenance = Maintenance::builder("Database hardware move")
        .scheduled(Schedule::new(at(14, 0, 0), at(16, 0, 0)))
        .update(Update::new(Scheduled, at(1, 0, 0)))
        .update(Update::new(InProgress, at(14, 0, 21)))
        .update(Update::new(Completed, at(15, 57, 0)))
        .build()
        .unwrap();
    let line = "Scheduled for Dec 17, 2020 - 09:00 EST until Dec 17, 2020 - 11:00 EST; \
                started 21s late, finished 3m early, ran 1h 56m.\n";
    assert!(output::text(&maintenance, &zone).ends_with(&format!("\n\n{line}")));
    assert!(output::markdown(&maintenance, &zone).ends_with(&format!("\n\n{line}")));
}

/// The Markdown of a one-update incident with `body`, between the status and
/// the `Posted` line.
fn markdown_body(name: &str, body: &str) -> String {
    let incident = incident_model::Incident::builder(name)
        .update(Update::new(incident_model::IncidentStatus::Resolved, edt(17, 51)).with_body(body))
        .build()
        .unwrap();
    let markdown = output::markdown(&incident, &chrono::Utc);
    let start = markdown.find("**Resolved** -").unwrap();
    let end = markdown.find("*Posted ").unwrap();
    markdown[start..end].to_owned()
}

/// Bodies and names stay text in Markdown: no line of a body starts a block
/// (setext heading, thematic break, list, quote, fence, indented code), and no
/// entity is decoded.
#[test]
fn markdown_bodies_and_names_cannot_make_markup() {
    let cases = [
        // A setext heading of the line before, a title, a thematic break.
        ("line one\n---", "**Resolved** - line one  \n\\---  \n"),
        ("\n===", "**Resolved** -   \n\\===  \n"),
        ("\r\n\r\n---", "**Resolved** -   \n  \n\\---  \n"),
        // Entities.
        ("&copy; &#169;", "**Resolved** - \\&copy; \\&\\#169;  \n"),
        // Lists, a quote, a heading, fences, more thematic breaks.
        (
            "a\n- b\n+ c\n* d",
            "**Resolved** - a  \n\\- b  \n\\+ c  \n\\* d  \n",
        ),
        (
            "a\n1. b\n2) c\n10.d",
            "**Resolved** - a  \n1\\. b  \n2\\) c  \n10\\.d  \n",
        ),
        ("a\n> b\n# c", "**Resolved** - a  \n\\> b  \n\\# c  \n"),
        (
            "a\n~~~\n```",
            "**Resolved** - a  \n\\~\\~\\~  \n\\`\\`\\`  \n",
        ),
        (
            "a\n___\n- - -\n   ***",
            "**Resolved** - a  \n\\_\\_\\_  \n\\- - -  \n\\*\\*\\*  \n",
        ),
        // Indented code after a blank line: the indent is dropped (Markdown
        // drops it from a paragraph's lines anyway).
        (
            "a\n\n    code\n\t- b",
            "**Resolved** - a  \n  \ncode  \n\\- b  \n",
        ),
        // Text in the middle of a line is left as it is.
        (
            "1. a - b = c + 2) d",
            "**Resolved** - 1. a - b = c + 2) d  \n",
        ),
    ];
    for (body, expected) in cases {
        assert_eq!(markdown_body("x", body), expected, "body {body:?}");
    }
    let incident = incident_model::Incident::builder("AT&amp;T &copy; ~~down~~")
        .update(Update::new(
            incident_model::IncidentStatus::Resolved,
            edt(17, 51),
        ))
        .build()
        .unwrap();
    let markdown = output::markdown(&incident, &chrono::Utc);
    assert!(
        markdown.starts_with("## AT\\&amp;T \\&copy; \\~\\~down\\~\\~\n"),
        "{markdown}"
    );
}
