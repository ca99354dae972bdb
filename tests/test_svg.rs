//! The 90-day uptime bars: the SVG is well-formed XML (parsed with roxmltree)
//! and its bars match the computed day buckets, with written expectations for
//! the days that matter.

mod util;

use chrono::{FixedOffset, NaiveDate, TimeZone, Utc};
use incident_model::output::svg::{self, ComponentBars};
use incident_model::{
    ComponentChange, ComponentHistory, ComponentId, ComponentStatus::*, DayRange, Maintenance,
    MaintenanceStatus, Update, Weights,
};
use util::*;

fn date(month: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2020, month, day).unwrap()
}

fn database_move() -> Maintenance {
    let db = ComponentId::new("db").unwrap();
    let change =
        |old, new| ComponentChange::new(db.clone(), "Database <primary> & replica", old, new);
    let at = |d, h, m| Utc.with_ymd_and_hms(2020, 3, d, h, m, 0).unwrap();
    Maintenance::builder("Database move")
        .update(
            Update::new(MaintenanceStatus::InProgress, at(29, 3, 0))
                .with_change(change(Operational, UnderMaintenance)),
        )
        .update(
            Update::new(MaintenanceStatus::Completed, at(29, 3, 55))
                .with_change(change(UnderMaintenance, Operational)),
        )
        .build()
        .unwrap()
}

/// The rows of the picture: the API (16 March) and the database (28 March EDT).
fn rows() -> (Vec<ComponentBars>, DayRange) {
    let mut history = ComponentHistory::new();
    let as_of = Utc.with_ymd_and_hms(2020, 4, 1, 0, 0, 0).unwrap();
    history.add_event(&march_16(), as_of);
    history.add_event(&database_move(), as_of);
    let edt = FixedOffset::west_opt(4 * 3600).unwrap();
    let days = DayRange::ending(date(3, 31), 90).with_offset(edt);
    let weights = Weights::default();
    let api = ComponentBars::from_history("API", &history.merged(&api()), &days, weights);
    let db = ComponentId::new("db").unwrap();
    let db = ComponentBars::from_history(
        "Database <primary> & replica",
        &history.merged(&db),
        &days,
        weights,
    );
    (vec![api, db], days)
}

#[test]
fn the_svg_is_well_formed_and_its_bars_match_the_buckets() {
    let (rows, _) = rows();
    let picture = svg::uptime_bars("Telemedicine Demo", &rows);
    let document = roxmltree::Document::parse(&picture).expect("well-formed XML");
    let root = document.root_element();
    assert_eq!(root.tag_name().name(), "svg");
    assert_eq!(
        root.tag_name().namespace(),
        Some("http://www.w3.org/2000/svg")
    );

    let groups: Vec<_> = root
        .children()
        .filter(|n| n.attribute("class") == Some("component"))
        .collect();
    assert_eq!(groups.len(), rows.len());
    for (group, row) in groups.iter().zip(&rows) {
        let texts: Vec<_> = group
            .children()
            .filter(|n| n.has_tag_name("text"))
            .collect();
        let name = texts
            .iter()
            .find(|n| n.attribute("class") == Some("name"))
            .unwrap();
        assert_eq!(name.text(), Some(row.name.as_str()));
        let uptime = texts
            .iter()
            .find(|n| n.attribute("class") == Some("uptime"))
            .unwrap();
        // The bare figure: the caption names the rule once.
        let figure = row.uptime.unwrap().percentage().to_string();
        assert_eq!(uptime.text(), Some(figure.as_str()));

        let bars: Vec<_> = group
            .children()
            .filter(|n| n.attribute("class") == Some("day"))
            .collect();
        assert_eq!(bars.len(), 90);
        assert_eq!(bars.len(), row.days.len());
        let mut previous_x = -1.0;
        for (bar, bucket) in bars.iter().zip(&row.days) {
            assert_eq!(
                bar.attribute("data-date"),
                Some(bucket.date.to_string().as_str())
            );
            assert_eq!(
                bar.attribute("fill"),
                Some(svg::colour(bucket.worst_status))
            );
            let status = bucket.worst_status.unwrap_or(Operational).as_str();
            assert_eq!(bar.attribute("data-status"), Some(status));
            let x: f64 = bar.attribute("x").unwrap().parse().unwrap();
            assert!(x > previous_x, "bars run left to right, oldest first");
            previous_x = x;
        }
    }
}

#[test]
fn written_expectations_of_the_days_that_matter() {
    let (rows, _) = rows();
    let picture = svg::uptime_bars("Telemedicine Demo", &rows);
    // API: 23 minutes of major outage on 16 March (EDT days): 1 - 23/1440.
    assert_eq!(rows[0].uptime.unwrap().to_string(), "99.98% (statuspage)"); // 1 - 23 min / 90 days
    assert!(picture.contains(">Uptime by the statuspage rule</text>"));
    assert!(picture.contains(
        "fill=\"#e74c3c\" data-date=\"2020-03-16\" data-status=\"major_outage\">\
         <title>Mar 16, 2020: major outage, 98.40% (statuspage)</title></rect>"
    ));
    assert!(picture.contains(
        "fill=\"#2fcc66\" data-date=\"2020-03-17\" data-status=\"operational\">\
         <title>Mar 17, 2020: operational, 100.00% (statuspage)</title></rect>"
    ));
    // The database maintenance ran 23:00-23:55 EDT on 28 March: blue, no downtime.
    assert!(picture.contains(
        "fill=\"#3498db\" data-date=\"2020-03-28\" data-status=\"under_maintenance\">\
         <title>Mar 28, 2020: under maintenance, 100.00% (statuspage)</title></rect>"
    ));
    assert_eq!(rows[1].uptime.unwrap().percentage().to_string(), "100.00%");
    // One red bar, one blue bar, the rest green; escaped names.
    assert_eq!(picture.matches("class=\"day\"").count(), 180);
    assert_eq!(picture.matches("fill=\"#e74c3c\" data-date").count(), 1);
    assert_eq!(picture.matches("fill=\"#3498db\" data-date").count(), 1);
    assert_eq!(picture.matches("fill=\"#2fcc66\" data-date").count(), 178);
    assert!(picture.contains(">Database &lt;primary&gt; &amp; replica</text>"));
    // The first and last days under each bar.
    assert_eq!(picture.matches(">Jan 2, 2020</text>").count(), 2);
    assert_eq!(picture.matches(">Mar 31, 2020</text>").count(), 2);
}

#[test]
fn days_before_the_data_are_grey_and_left_out_of_the_uptime() {
    let (_, days) = rows();
    let mut history = ComponentHistory::new();
    let as_of = Utc.with_ymd_and_hms(2020, 4, 1, 0, 0, 0).unwrap();
    history.add_event(&march_16(), as_of);
    let api = ComponentBars::no_data_before(
        "API",
        date(3, 2),
        &history.merged(&api()),
        &days,
        Weights::default(),
    );
    // 23 minutes of 30 days: 1 - 23/43200 = 99.9467%.
    assert_eq!(api.uptime.unwrap().percentage().to_string(), "99.94%");
    assert_eq!(api.uptime.unwrap().no_data().to_string(), "60d");
    let picture = svg::uptime_bars("Demo", &[api]);
    roxmltree::Document::parse(&picture).expect("well-formed XML");
    assert_eq!(picture.matches("data-status=\"no_data\"").count(), 60);
    assert!(picture.contains(
        "fill=\"#b3bac5\" data-date=\"2020-03-01\" data-status=\"no_data\"><title>Mar 1, 2020: no data</title></rect>"
    ));
}

#[test]
fn every_status_has_its_page_colour() {
    assert_eq!(svg::colour(None), "#2fcc66");
    assert_eq!(svg::colour(Some(Operational)), "#2fcc66");
    assert_eq!(svg::colour(Some(DegradedPerformance)), "#f1c40f");
    assert_eq!(svg::colour(Some(PartialOutage)), "#e67e22");
    assert_eq!(svg::colour(Some(MajorOutage)), "#e74c3c");
    assert_eq!(svg::colour(Some(UnderMaintenance)), "#3498db");
}

/// Characters XML 1.0 forbids (U+FFFE, U+FFFF, C0 controls but tab, newline
/// and carriage return) in the page's or a component's name are left out: the
/// file still parses, and the names read back without them.
#[test]
fn names_with_characters_xml_forbids_still_parse() {
    let days = DayRange::ending(date(3, 31), 3);
    let name = "API\u{fffe}\u{ffff}\u{1}\u{1b}\u{7f} \u{10fffe}ok\t";
    let row = ComponentBars::from_history(
        name,
        &incident_model::MergedHistory::default(),
        &days,
        Weights::default(),
    );
    let picture = svg::uptime_bars("Page\u{ffff}\u{fffe}\u{8}", &[row]);
    let doc = roxmltree::Document::parse(&picture).expect("well-formed XML");
    let texts: Vec<&str> = doc
        .descendants()
        .filter(|n| n.has_tag_name("text") || n.has_tag_name("title"))
        .filter_map(|n| n.text())
        .collect();
    assert_eq!(texts[0], "Page");
    assert!(texts.contains(&"API\u{7f} \u{10fffe}ok\t"), "{texts:?}");
}

/// Regression (issue 13): the demo's title ("Telemedicine Demo: uptime over
/// the past 90 days") ran off the right edge when rendered. The title is
/// drawn in a size whose width (at a generous 0.62 em a character) fits the
/// picture, and a title too long even at 12 px is cut with an ellipsis.
#[test]
fn the_title_fits_the_picture() {
    let (rows, _) = rows();
    for title in [
        "Telemedicine Demo: uptime over the past 90 days",
        "A status page with a much longer name than the telemedicine demo has: uptime over the past 90 days",
    ] {
        let picture = svg::uptime_bars(title, &rows);
        let doc = roxmltree::Document::parse(&picture).unwrap();
        let root = doc.root_element();
        let width: f64 = root.attribute("width").unwrap().parse().unwrap();
        let text = root
            .children()
            .find(|n| n.attribute("class") == Some("title"))
            .unwrap();
        let x: f64 = text.attribute("x").unwrap().parse().unwrap();
        let font: f64 = text.attribute("font-size").unwrap().parse().unwrap();
        let shown = text.text().unwrap();
        #[allow(clippy::cast_precision_loss)]
        let estimate = shown.chars().count() as f64 * font * 0.62;
        assert!(x + estimate <= width - x, "{title:?} at {font}px: {estimate} wide");
        assert!(font >= 12.0);
        // The whole title is in the document's <title>.
        let full = root.children().find(|n| n.has_tag_name("title")).unwrap();
        assert_eq!(full.text(), Some(title));
    }
    let long = svg::uptime_bars(&"x".repeat(200), &rows);
    assert!(long.contains("x…</text>"));
}
