//! The one entry point: every fixture and every corpus file is detected as
//! its own format, and reads as its own reader reads it.
#![cfg(all(
    feature = "statuspage",
    feature = "feeds",
    feature = "google_cloud",
    feature = "slack",
    feature = "incident_io",
    feature = "cachet"
))]

use std::path::{Path, PathBuf};

use incident_model::formats::{self, Format, Options, ReadError};

/// The format each folder holds.
fn format_of(folder: &str, name: &str) -> Format {
    match folder {
        "feeds" | "statuspage-feeds" if name.ends_with(".rss") => Format::StatuspageRss,
        "feeds" | "statuspage-feeds" => Format::StatuspageAtom,
        "google_cloud" | "google-cloud" => Format::GoogleCloud,
        "slack" if name.contains("current") => Format::SlackCurrent,
        "slack" => Format::SlackHistory,
        "incident_io" | "incident-io" => Format::IncidentIoWidget,
        "cachet" => Format::Cachet,
        "statuspage-webhooks" => Format::StatuspageWebhook,
        _ => Format::Statuspage,
    }
}

fn files(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            matches!(
                p.extension().and_then(|e| e.to_str()),
                Some("json" | "atom" | "rss")
            )
        })
        .collect();
    files.sort();
    files
}

/// Detects every file of `folders` under `root`; reads it with the entry
/// point, and with its own reader, which must agree.
fn check(root: &Path, folders: &[&str]) -> usize {
    let mut checked = 0;
    for folder in folders {
        for path in files(&root.join(folder)) {
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            if name.contains("schema") {
                assert!(
                    formats::detect(&std::fs::read_to_string(&path).unwrap()).is_err(),
                    "{name}: a json schema is no document"
                );
                continue;
            }
            let text = std::fs::read_to_string(&path).unwrap();
            let expected = format_of(folder, &name);
            assert_eq!(formats::detect(&text).unwrap(), expected, "{folder}/{name}");
            match formats::read(&text) {
                Ok(document) => {
                    assert_eq!(document.format, expected, "{folder}/{name}");
                    assert_eq!(document, own_reader(expected, &text), "{folder}/{name}");
                }
                Err(ReadError::NotRead { format, .. }) => {
                    assert_eq!(format, Format::StatuspageWebhook, "{name}");
                    assert!(name.contains("component_update"), "{name}");
                }
                Err(err) => panic!("{folder}/{name}: {err}"),
            }
            for other in Format::ALL.iter().filter(|f| **f != expected) {
                let err = formats::read_as(&text, *other, &Options::default()).unwrap_err();
                assert!(
                    matches!(err, ReadError::WrongFormat { .. }),
                    "{name} as {other}: {err}"
                );
            }
            checked += 1;
        }
    }
    checked
}

fn own_reader(format: Format, text: &str) -> formats::Document {
    match format {
        Format::Statuspage | Format::StatuspageWebhook => {
            let mut document = formats::Document::from(formats::statuspage::read(text).unwrap());
            document.format = format;
            document
        }
        Format::StatuspageAtom | Format::StatuspageRss => formats::feeds::read(text).unwrap(),
        Format::GoogleCloud => formats::google_cloud::read(text).unwrap(),
        Format::SlackCurrent | Format::SlackHistory => formats::slack::read(text).unwrap(),
        Format::IncidentIoWidget => formats::incident_io::read(text).unwrap(),
        Format::Cachet => formats::cachet::read(text, chrono_tz::UTC).unwrap(),
        other => panic!("no reader for {other}"),
    }
}

#[test]
fn every_fixture_is_detected_as_its_format() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let checked = check(
        &root,
        &[
            "statuspage",
            "feeds",
            "google_cloud",
            "slack",
            "incident_io",
            "cachet",
        ],
    );
    assert!(checked >= 24, "{checked}");
}

#[test]
fn unknown_documents_list_what_was_looked_for() {
    let err = formats::read("[1, 2]").unwrap_err();
    assert!(
        err.to_string()
            .ends_with("cachet; found a list of no objects"),
        "{err}"
    );
    let err = formats::read("hello").unwrap_err();
    assert!(
        err.to_string()
            .contains("found neither json (expected value at line 1 column 1) nor xml"),
        "{err}"
    );
    let err = formats::read("<html><body/></html>").unwrap_err();
    assert!(
        err.to_string()
            .ends_with("found xml with the root element \"html\""),
        "{err}"
    );
    let err = formats::read(r#"[{"title": "x"}]"#).unwrap_err();
    assert!(
        err.to_string()
            .ends_with("found a list of objects with keys \"title\""),
        "{err}"
    );
    let mut options = Options::default();
    options.max_input_bytes = 1;
    assert!(matches!(
        formats::read_with("[]", &options),
        Err(ReadError::TooLarge { len: 2, limit: 1 })
    ));
}

#[test]
fn a_format_error_keeps_the_readers_place() {
    let err = formats::read(r#"[{"id": "i1", "external_desc": "x", "updates": [], "status_impact": "SERVICE_OUTAGE", "created": "2026-07-16T03:30:59+00:00"}]"#).unwrap_err();
    assert_eq!(
        err.to_string(),
        "google cloud incidents.json: event \"i1\", field \"updates\": missing"
    );
    let err = formats::read(r#"{"page": {"id": "p"}, "incidents": [{"status": "resolved"}]}"#)
        .unwrap_err();
    assert!(matches!(err, ReadError::Statuspage(_)), "{err}");
}

#[test]
fn a_cachet_zone_is_an_option() {
    let json = r#"{"data": {"id": 5, "name": "x", "status": 1, "human_status": "Investigating", "message": "m", "created_at": "2020-10-12 09:00:00"}}"#;
    let mut options = Options::default();
    options.local_zone = chrono_tz::America::New_York;
    let document = formats::read_with(json, &options).unwrap();
    assert_eq!(
        document.events[0].event.created_at().to_rfc3339(),
        "2020-10-12T13:00:00+00:00"
    );
}

#[test]
#[ignore = "reads ../shared/corpus (CI runs it with --ignored)"]
fn every_corpus_file_is_detected_as_its_format() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus");
    assert!(root.is_dir(), "the corpus is not at {}", root.display());
    let folders = [
        "statuspage",
        "statuspage-webhooks",
        "statuspage-feeds",
        "google-cloud",
        "slack",
        "incident-io",
        "cachet",
    ];
    let checked = check(&root, &folders);
    assert!(checked > 20, "{checked}");
}

#[test]
fn statuspage_shapes_without_page_stay_statuspage() {
    for json in [
        r#"{"id": "x", "status": "resolved", "impact": "none", "name": "n"}"#,
        r#"{"scheduled_maintenances": []}"#,
        r#"{"incidents": []}"#,
        r#"[{"id": "x", "status": "resolved", "impact": "none"}]"#,
    ] {
        assert_eq!(formats::detect(json).unwrap(), Format::Statuspage, "{json}");
    }
    let widget = r#"{"page_title": "x", "scheduled_maintenances": []}"#;
    assert_eq!(formats::detect(widget).unwrap(), Format::IncidentIoWidget);
}
