//! The baseline: what a user writes without this crate. `serde_json::Value`,
//! then loops that put each incident's updates in display order and extract
//! its status and its durations (time to identify, to monitor, to resolve,
//! by the crate's rules, with the same RFC 3339 parsing).

use chrono::{DateTime, FixedOffset, TimeDelta};
use serde_json::Value;

/// What the baseline extracts of one incident.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Extracted {
    /// Id.
    pub id: String,
    /// Status of the last update in display order.
    pub status: String,
    /// Earliest of started_at, created_at and the first display time.
    pub opened_at: DateTime<FixedOffset>,
    /// First identified minus opened.
    pub time_to_identify: Option<TimeDelta>,
    /// First monitoring minus opened.
    pub time_to_monitor: Option<TimeDelta>,
    /// Last resolution minus opened.
    pub time_to_resolve: Option<TimeDelta>,
}

fn time(value: &Value) -> Option<DateTime<FixedOffset>> {
    DateTime::parse_from_rfc3339(value.as_str()?).ok()
}

/// Parses `bytes` as a `Value` and extracts every incident.
///
/// # Errors
///
/// serde_json's; incidents without a creation time or updates are skipped.
pub fn extract(bytes: &[u8]) -> serde_json::Result<Vec<Extracted>> {
    let document: Value = serde_json::from_slice(bytes)?;
    let incidents = document["incidents"]
        .as_array()
        .map_or(&[][..], Vec::as_slice);
    let mut out = Vec::with_capacity(incidents.len());
    for incident in incidents {
        let Some(created_at) = time(&incident["created_at"]) else {
            continue;
        };
        let mut updates: Vec<(DateTime<FixedOffset>, DateTime<FixedOffset>, &str)> = Vec::new();
        for update in incident["incident_updates"]
            .as_array()
            .into_iter()
            .flatten()
        {
            let (Some(created), Some(status)) =
                (time(&update["created_at"]), update["status"].as_str())
            else {
                continue;
            };
            let display = time(&update["display_at"]).unwrap_or(created);
            updates.push((display, created, status));
        }
        // Pages send newest first: put them in display order (stable).
        updates.reverse();
        updates.sort_by_key(|&(display, created, _)| (display, created));
        let Some(&(first_display, _, _)) = updates.first() else {
            continue;
        };
        let mut opened_at = created_at.min(first_display);
        if let Some(started) = time(&incident["started_at"]) {
            opened_at = opened_at.min(started);
        }
        let first = |wanted: &[&str]| {
            updates
                .iter()
                .find(|(_, _, status)| wanted.contains(status))
                .map(|&(display, _, _)| display - opened_at)
        };
        let closed = ["resolved", "postmortem", "completed"];
        let resolved_from = match updates.iter().rposition(|(_, _, s)| !closed.contains(s)) {
            Some(last_open) => last_open + 1,
            None => 0,
        };
        out.push(Extracted {
            id: incident["id"].as_str().unwrap_or_default().to_owned(),
            status: updates.last().map(|u| u.2).unwrap_or_default().to_owned(),
            opened_at,
            time_to_identify: first(&["identified"]),
            time_to_monitor: first(&["monitoring", "verifying"]),
            time_to_resolve: updates
                .get(resolved_from)
                .map(|&(display, _, _)| display - opened_at),
        });
    }
    Ok(out)
}
