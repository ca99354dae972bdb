//! Write-back that loses nothing: read, then write with no change in between,
//! keeps every key of the input with an equal value (DESIGN "Formats").
#![cfg(feature = "statuspage")]

#[path = "test_writeback/lossless.rs"]
mod lossless;

use incident_model::formats::statuspage;
use serde_json::Value;

/// Reads `input`, writes it back, and panics naming the first loss.
#[track_caller]
fn assert_lossless(name: &str, input: &str) {
    let document = statuspage::read(input).unwrap_or_else(|err| panic!("{name}: {err}"));
    let written = document
        .to_json()
        .unwrap_or_else(|err| panic!("{name}: {err}"));
    let (given, out): (Value, Value) = (
        serde_json::from_str(input).unwrap(),
        serde_json::from_str(&written).unwrap(),
    );
    let losses = lossless::losses(&given, &out, 40);
    if !losses.is_empty() {
        panic!("{name}: {}\n{written}", losses.join("\n  "));
    }
}

/// Every fixture of `tests/fixtures/statuspage/writeback`, by name.
fn fixtures() -> Vec<(String, String)> {
    let dir = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/statuspage/writeback"
    );
    let mut files: Vec<(String, String)> = std::fs::read_dir(dir)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|e| e == "json"))
        .map(|path| {
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            (name, std::fs::read_to_string(&path).unwrap())
        })
        .collect();
    files.sort();
    files
}

#[test]
fn every_fixture_writes_back_losing_nothing() {
    let fixtures = fixtures();
    assert!(fixtures.len() >= 3, "{} fixtures", fixtures.len());
    for (name, input) in &fixtures {
        assert_lossless(name, input);
    }
}

#[test]
fn an_impact_override_without_impact_is_written_as_an_override() {
    let (_, input) = fixture("impact_override_without_impact.json");
    let json = statuspage::read(&input).unwrap().to_json().unwrap();
    assert!(json.contains(r#""impact_override":"major""#), "{json}");
}

#[test]
fn an_empty_group_id_is_written_as_given() {
    let (_, input) = fixture("group_id_empty.json");
    let json = statuspage::read(&input).unwrap().to_json().unwrap();
    assert!(json.contains(r#""group_id":"""#), "{json}");
}

#[test]
fn an_incident_component_without_status_is_written_without_one() {
    let (_, input) = fixture("incident_component_without_status.json");
    let json = statuspage::read(&input).unwrap().to_json().unwrap();
    assert!(!json.contains("operational"), "{json}");
}

#[track_caller]
fn fixture(name: &str) -> (String, String) {
    fixtures()
        .into_iter()
        .find(|(n, _)| n == name)
        .unwrap_or_else(|| panic!("no fixture {name}"))
}

#[test]
#[ignore = "reads ../shared/corpus (CI runs it)"]
fn every_corpus_file_writes_back_losing_nothing() {
    let dir = std::path::Path::new("../shared/corpus/statuspage");
    let mut count = 0;
    let mut losses = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "json") {
            let input = std::fs::read_to_string(&path).unwrap();
            let name = path.display().to_string();
            if let Err(err) = std::panic::catch_unwind(|| assert_lossless(&name, &input)) {
                let text = err.downcast_ref::<String>().cloned().unwrap_or_default();
                losses.push(
                    text.lines()
                        .take_while(|l| !l.starts_with('{') && !l.starts_with('['))
                        .collect::<Vec<_>>()
                        .join("\n"),
                );
            }
            count += 1;
        }
    }
    assert!(count > 10, "{count} files");
    assert!(losses.is_empty(), "{}", losses.join("\n"));
}
