//! The history over the real-world corpus (`../shared/corpus/`): ignored by
//! default, run by CI (`cargo test --test test_history_corpus -- --ignored`)
//! when the corpus is there.
#![cfg(feature = "statuspage")]

use std::collections::{BTreeMap, HashSet};
use std::path::{Path, PathBuf};

use incident_model::formats::statuspage;
use incident_model::history::{self, ChangeKind, History, PageKey};

fn corpus(folder: &str) -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/corpus")
        .join(folder);
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|err| panic!("{}: {err}", dir.display()))
        .map(|entry| entry.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    files.sort();
    files
}

fn observation(path: &Path) -> history::Observation {
    let text = std::fs::read_to_string(path).unwrap();
    let document =
        statuspage::read(&text).unwrap_or_else(|err| panic!("{}: {err}", path.display()));
    let name = path.file_name().unwrap().to_string_lossy().into_owned();
    document
        .observation(&name)
        .unwrap_or_else(|err| panic!("{name}: {err}"))
}

#[test]
#[ignore = "reads ../shared/corpus; CI runs it"]
fn the_webhook_deliveries_read_and_the_component_delivery_yields_its_change() {
    let files = corpus("statuspage-webhooks");
    assert_eq!(files.len(), 3);
    let mut components = 0;
    for path in &files {
        let changes = history::announced(&observation(path));
        assert!(!changes.is_empty(), "{}: no change", path.display());
        components += changes
            .iter()
            .filter(|c| c.kind() == ChangeKind::ComponentChanged)
            .count();
    }
    assert_eq!(components, 1);
}

/// One history per page over every file of the Statuspage corpus, fed in
/// observation order.
fn histories() -> BTreeMap<PageKey, History> {
    let mut observations: Vec<_> = corpus("statuspage")
        .iter()
        .map(|p| observation(p))
        .collect();
    observations.sort_by_key(|o| o.observed_at().at());
    let mut histories: BTreeMap<PageKey, History> = BTreeMap::new();
    for o in observations {
        histories
            .entry(o.page().clone())
            .or_default()
            .observe(o)
            .unwrap();
    }
    histories
}

#[test]
#[ignore = "reads ../shared/corpus; CI runs it"]
fn over_the_corpus_each_page_event_is_reported_once_and_never_measured_past_its_page() {
    for (page, history) in histories() {
        let last = history.last_observed_at().unwrap();
        let mut seen = HashSet::new();
        for tracked in history.events() {
            let event = tracked.event();
            assert!(
                seen.insert(event.id().clone()),
                "{page}: {} twice",
                event.id()
            );
            assert!(
                tracked.measured_until() <= last.max(event.resolved_at().unwrap_or(last)),
                "{page}: {}",
                event.id()
            );
            if event.is_open() {
                assert!(
                    tracked.measured_until() <= tracked.last_seen(),
                    "{page}: {}",
                    event.id()
                );
            }
            // No component's downtime exceeds its event's measured span.
            let span = tracked.measured_until() - event.opened_at();
            for component in event.affected_components(tracked.measured_until()) {
                for interval in &component.intervals {
                    assert!(
                        interval.end - interval.start <= span,
                        "{page}: {} {}",
                        event.id(),
                        component.name
                    );
                }
            }
        }
    }
}
