//! The limit: Statuspage `incidents.json` into plain derived structs, with the
//! field types a careful user would pick (`String` text, `chrono` times, enums
//! for statuses, `Option` where real pages send nulls or leave keys out) and
//! no validation at all. Unknown keys (`reminder_intervals`, which may be the
//! string `"[]"`, `position`, ...) are skipped, as serde does by default.

use chrono::{DateTime, FixedOffset};
use serde::Deserialize;

/// A time as pages send it: RFC 3339 with an offset.
pub type Time = DateTime<FixedOffset>;

/// `incidents.json`.
#[derive(Deserialize, Debug)]
pub struct Export {
    /// The page.
    pub page: Page,
    /// The incidents (and maintenances), newest first.
    pub incidents: Vec<Incident>,
}

/// The page object.
#[derive(Deserialize, Debug)]
pub struct Page {
    /// Page id.
    pub id: String,
    /// Page name.
    pub name: String,
    /// Page URL.
    pub url: Option<String>,
    /// IANA time zone.
    pub time_zone: Option<String>,
    /// Last change.
    pub updated_at: Option<Time>,
}

/// Incident and maintenance statuses (pages list both in incidents.json).
#[derive(Deserialize, Debug, Clone, Copy, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// investigating
    Investigating,
    /// identified
    Identified,
    /// monitoring
    Monitoring,
    /// resolved
    Resolved,
    /// postmortem
    Postmortem,
    /// scheduled
    Scheduled,
    /// in_progress
    InProgress,
    /// verifying
    Verifying,
    /// completed
    Completed,
}

/// Impact.
#[derive(Deserialize, Debug, Clone, Copy, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum Impact {
    /// none
    None,
    /// minor
    Minor,
    /// major
    Major,
    /// critical
    Critical,
    /// maintenance
    Maintenance,
}

/// Component status.
#[derive(Deserialize, Debug, Clone, Copy, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum ComponentStatus {
    /// operational
    Operational,
    /// degraded_performance
    DegradedPerformance,
    /// partial_outage
    PartialOutage,
    /// major_outage
    MajorOutage,
    /// under_maintenance
    UnderMaintenance,
}

/// An incident or a maintenance.
#[derive(Deserialize, Debug)]
pub struct Incident {
    /// Id.
    pub id: String,
    /// Title.
    pub name: String,
    /// Status.
    pub status: Status,
    /// Impact.
    pub impact: Impact,
    /// Creation time.
    pub created_at: Time,
    /// Last change.
    pub updated_at: Option<Time>,
    /// First monitoring update.
    pub monitoring_at: Option<Time>,
    /// Resolution.
    pub resolved_at: Option<Time>,
    /// Declared start (missing or null on some pages).
    pub started_at: Option<Time>,
    /// Short link.
    pub shortlink: Option<String>,
    /// Page id.
    pub page_id: Option<String>,
    /// Updates, newest first.
    pub incident_updates: Vec<IncidentUpdate>,
    /// Components (missing on some pages).
    pub components: Option<Vec<Component>>,
    /// Maintenance window start.
    pub scheduled_for: Option<Time>,
    /// Maintenance window end.
    pub scheduled_until: Option<Time>,
}

/// An update.
#[derive(Deserialize, Debug)]
pub struct IncidentUpdate {
    /// Id.
    pub id: String,
    /// Status.
    pub status: Status,
    /// Text.
    pub body: String,
    /// The incident's id.
    pub incident_id: Option<String>,
    /// Creation time.
    pub created_at: Time,
    /// Last edit.
    pub updated_at: Option<Time>,
    /// Display time.
    pub display_at: Option<Time>,
    /// Component changes (null on some pages).
    pub affected_components: Option<Vec<AffectedComponent>>,
    /// Whether subscribers were notified.
    pub deliver_notifications: Option<bool>,
    /// Custom tweet.
    pub custom_tweet: Option<String>,
    /// Tweet id (an integer above 2^53).
    pub tweet_id: Option<u64>,
}

/// An entry of `affected_components` (a placeholder has only a name).
#[derive(Deserialize, Debug)]
pub struct AffectedComponent {
    /// Component id.
    pub code: Option<String>,
    /// Component name.
    pub name: String,
    /// Status before.
    pub old_status: Option<ComponentStatus>,
    /// Status after.
    pub new_status: Option<ComponentStatus>,
}

/// A component object.
#[derive(Deserialize, Debug)]
pub struct Component {
    /// Id.
    pub id: String,
    /// Name.
    pub name: String,
    /// Current status.
    pub status: ComponentStatus,
    /// Group.
    pub group_id: Option<String>,
    /// Whether it is a group.
    pub group: Option<bool>,
}

/// Reads `bytes` into the mirror structs.
///
/// # Errors
///
/// serde_json's.
pub fn read(bytes: &[u8]) -> serde_json::Result<Export> {
    serde_json::from_slice(bytes)
}

/// [`read`] after checking the UTF-8 of the whole input once, as the crate's
/// `read_slice` does (serde_json then skips checking each borrowed string):
/// the limit with the same trick, for a like-for-like comparison.
///
/// # Errors
///
/// serde_json's (invalid UTF-8 as from [`read`]).
pub fn read_checked_once(bytes: &[u8]) -> serde_json::Result<Export> {
    match std::str::from_utf8(bytes) {
        Ok(text) => serde_json::from_str(text),
        Err(_) => read(bytes),
    }
}
