//! A status bot in a few lines: feeds a folder of snapshots of one page to a
//! history in the order they were observed (the latest time each holds),
//! prints each change once, and keeps the history in a state file between
//! runs.
//!
//! ```text
//! cargo run --example poll -- SNAPSHOT_DIR [STATE.json]
//! ```

#[path = "common/stdout.rs"]
mod stdout;

use std::path::PathBuf;

use incident_model::formats::statuspage;
use incident_model::history::History;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args_os().skip(1);
    let dir = PathBuf::from(args.next().ok_or("usage: poll SNAPSHOT_DIR [STATE.json]")?);
    let state = args.next().map(PathBuf::from);
    let mut history: History = match &state {
        Some(path) if path.exists() => serde_json::from_str(&std::fs::read_to_string(path)?)?,
        _ => History::new(),
    };
    let files: Vec<PathBuf> = std::fs::read_dir(&dir)?
        .map(|e| e.map(|e| e.path()))
        .collect::<Result<_, _>>()?;
    let mut observations = Vec::new();
    for file in files
        .iter()
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
    {
        let document = statuspage::read(&std::fs::read_to_string(file)?)?;
        observations.push(document.observation(&file.display().to_string())?);
    }
    observations.sort_by_key(|o| o.observed_at().at());
    let mut out = String::new();
    for observation in observations {
        for change in history.observe(observation)? {
            out.push_str(&format!("{change}\n"));
        }
    }
    stdout::write_stdout(&out)?;
    if let Some(path) = state {
        std::fs::write(path, serde_json::to_string(&history)?)?;
    }
    Ok(())
}
