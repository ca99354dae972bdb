//! Reads Statuspage JSON files and prints, per file, the shape, the counts of
//! incidents, maintenances, updates and anomalies (by kind); exits non-zero if any
//! file cannot be read.
//!
//! ```text
//! cargo run --example statuspage_check -- ../shared/corpus/statuspage/
//! ```
//!
//! Directories are walked one level deep for `*.json` files; `-v` prints every
//! anomaly.

#[path = "common/input.rs"]
mod input;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use incident_model::formats::statuspage;

fn files(arg: &Path) -> Vec<PathBuf> {
    if arg.is_dir() {
        let mut found: Vec<PathBuf> = std::fs::read_dir(arg)
            .map(|dir| {
                dir.filter_map(Result::ok)
                    .map(|e| e.path())
                    .filter(|p| p.extension().is_some_and(|e| e == "json"))
                    .collect()
            })
            .unwrap_or_default();
        found.sort();
        found
    } else {
        vec![arg.to_owned()]
    }
}

/// The models (not the extras: `monitoring_at`/`resolved_at` are written from the
/// model, so a payload that disagreed reads back with the model's values).
fn same_models(a: &statuspage::Document, b: &statuspage::Document) -> bool {
    a.incidents
        .iter()
        .map(|r| &r.event)
        .eq(b.incidents.iter().map(|r| &r.event))
        && a.maintenances
            .iter()
            .map(|r| &r.event)
            .eq(b.maintenances.iter().map(|r| &r.event))
}

fn main() -> ExitCode {
    let args: Vec<std::ffi::OsString> = std::env::args_os().skip(1).collect();
    let verbose = args.iter().any(|a| a == "-v");
    let paths: Vec<PathBuf> = args
        .iter()
        .filter(|a| *a != "-v")
        .flat_map(|a| files(Path::new(a)))
        .collect();
    if paths.is_empty() {
        eprintln!("usage: statuspage_check [-v] <file or directory>...");
        return ExitCode::from(2);
    }
    let limit = statuspage::Limits::default().max_input_bytes;
    let mut failed = 0usize;
    for path in &paths {
        let name = path.file_name().map_or_else(
            || path.display().to_string(),
            |n| n.to_string_lossy().into_owned(),
        );
        let bytes = match input::read_file(path, limit) {
            Ok(bytes) => bytes,
            Err(err) => {
                println!("FAIL {name}: {err}");
                failed += 1;
                continue;
            }
        };
        match statuspage::read_slice(&bytes) {
            Ok(doc) => {
                let updates: usize = doc
                    .incidents
                    .iter()
                    .map(|r| r.event.updates().len())
                    .sum::<usize>()
                    + doc
                        .maintenances
                        .iter()
                        .map(|r| r.event.updates().len())
                        .sum::<usize>();
                let mut kinds: BTreeMap<&str, usize> = BTreeMap::new();
                for a in &doc.anomalies {
                    *kinds.entry(a.kind.as_str()).or_default() += 1;
                }
                let kinds: Vec<String> = kinds.iter().map(|(k, n)| format!("{k}={n}")).collect();
                println!(
                    "ok   {name}: shape {}, {} incidents, {} maintenances, {} updates, {} components, {} anomalies [{}]",
                    doc.shape,
                    doc.incidents.len(),
                    doc.maintenances.len(),
                    updates,
                    doc.components.len(),
                    doc.anomalies.len(),
                    kinds.join(", ")
                );
                if verbose {
                    for a in &doc.anomalies {
                        println!("       {a}");
                    }
                }
                // Write back and read again: the model must be equal.
                match doc.to_json().and_then(|json| statuspage::read(&json)) {
                    Ok(again) if same_models(&again, &doc) => {}
                    Ok(_) => {
                        println!("FAIL {name}: read -> write -> read changed the model");
                        failed += 1;
                    }
                    Err(err) => {
                        println!("FAIL {name}: written document cannot be read again: {err}");
                        failed += 1;
                    }
                }
            }
            Err(err) => {
                println!("FAIL {name}: {err}");
                failed += 1;
            }
        }
    }
    println!("{} files, {} failed", paths.len(), failed);
    if failed == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}
