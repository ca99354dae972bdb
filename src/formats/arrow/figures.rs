//! The maintenance figures of DESIGN.md ("Maintenances: the plan against what
//! happened") that the model does not offer yet. Each function here is a
//! stand-in, and the only place the tables compute a figure themselves: once
//! the model has them, each call is replaced by the model's own.

use chrono::{DateTime, Utc};

use crate::event::Maintenance;
use crate::status::MaintenanceStatus;

/// The figures of one maintenance against its plan.
#[derive(Clone, Copy, Debug)]
pub struct MaintenanceFigures {
    /// Display time of the first update in progress or verifying.
    pub started_at: Option<DateTime<Utc>>,
    /// Display time of the first verifying update.
    pub verifying_at: Option<DateTime<Utc>>,
    /// Display time of the update that completed it for the last time.
    pub completed_at: Option<DateTime<Utc>>,
    /// `started_at - scheduled_for`, signed, in seconds.
    pub start_delay_s: Option<i64>,
    /// `completed_at - scheduled_until`, signed, in seconds.
    pub overrun_s: Option<i64>,
    /// `completed_at - started_at`, signed, in seconds.
    pub duration_s: Option<i64>,
}

// wired to issue 13 figures after merge
/// The figures of `maintenance`: `verifying_at` and `completed_at` are the
/// model's milestones (`monitoring_at` and `resolved_at` of the maintenance
/// lifecycle); `started_at` and the three signed differences are DESIGN.md's.
pub fn maintenance_figures(maintenance: &Maintenance) -> MaintenanceFigures {
    let started_at = maintenance
        .updates()
        .iter()
        .find(|update| {
            matches!(
                update.status(),
                MaintenanceStatus::InProgress | MaintenanceStatus::Verifying
            )
        })
        .map(crate::Update::display_at);
    let completed_at = maintenance.resolved_at();
    let schedule = maintenance.schedule();
    let signed = |from: Option<DateTime<Utc>>, to: Option<DateTime<Utc>>| {
        Some(to?.signed_duration_since(from?).num_seconds())
    };
    MaintenanceFigures {
        started_at,
        verifying_at: maintenance.monitoring_at(),
        completed_at,
        start_delay_s: signed(schedule.map(|s| s.scheduled_for), started_at),
        overrun_s: signed(schedule.map(|s| s.scheduled_until), completed_at),
        duration_s: signed(started_at, completed_at),
    }
}
