//! What the payload says of the built event, against what the model computes:
//! its milestones and its start.

use chrono::{DateTime, TimeDelta, Utc};

use super::{anomalies, Cx, Given, Here};
use crate::event::Event;
use crate::policy::Lifecycle;

/// Payload milestones within this distance of the model's agree.
const MILESTONE_TOLERANCE: TimeDelta = TimeDelta::seconds(1);

fn close(a: DateTime<Utc>, b: DateTime<Utc>) -> bool {
    a.signed_duration_since(b).abs() <= MILESTONE_TOLERANCE
}

impl Cx {
    /// `monitoring_at` and `resolved_at` as given against the model's.
    pub(super) fn milestones<S: Lifecycle>(
        &mut self,
        event: &Event<S>,
        given: &Given,
        here: &Here<'_>,
    ) {
        for (field, given, computed) in [
            ("monitoring_at", given.monitoring_at, event.monitoring_at()),
            ("resolved_at", given.resolved_at, event.resolved_at()),
        ] {
            let agree = match (given, computed) {
                (None, None) => true,
                (Some(a), Some(b)) => close(a, b),
                _ => false,
            };
            if !agree {
                self.push(anomalies::milestone_mismatch(
                    here.incident,
                    field,
                    given,
                    computed,
                ));
            }
        }
    }

    /// A `started_at` after the resolution or the creation.
    pub(super) fn start<S: Lifecycle>(
        &mut self,
        event: &Event<S>,
        given: &Given,
        created_at: DateTime<Utc>,
        here: &Here<'_>,
    ) {
        let Some(started) = given.started_at else {
            return;
        };
        let resolved = given.resolved_at.or(event.resolved_at());
        if let Some(resolved) = resolved.filter(|r| started > *r) {
            let opened = event.opened_at();
            let anomaly =
                anomalies::started_after_resolved(here.incident, started, resolved, opened);
            self.push(anomaly);
        } else if started > created_at {
            let opened = event.opened_at();
            let anomaly =
                anomalies::started_after_created(here.incident, started, created_at, opened);
            self.push(anomaly);
        }
    }
}
