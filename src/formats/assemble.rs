//! What every reader of a platform's format does once it has an event's parts:
//! updates into display order, moves out of a closed status marked as
//! reopens, and the event built under the standard policy when every move
//! passes it, else under the permissive one with each refused move an
//! anomaly (the rules of the Statuspage reader, for every other format).

use super::anomaly::{Anomaly, AnomalyKind};
use super::published::ImplicitReopens;
use crate::builder::{EventParts, ValidationError};
use crate::event::Event;
use crate::id::EventId;
use crate::policy::Lifecycle;
use crate::update::Update;

/// The event of `parts` (updates in any order), with its anomalies pushed on
/// `anomalies`.
pub(crate) fn event<S: Lifecycle>(
    mut parts: EventParts<S>,
    anomalies: &mut Vec<Anomaly>,
) -> Result<Event<S>, ValidationError<S>> {
    // A stable sort keeps the written order among equal times.
    parts.updates.sort_by_key(Update::order_key);
    parts.updates = mark_reopens(&parts.id, parts.updates, anomalies);
    let (event, refused) = Event::from_parts_as_published(parts)?;
    for err in &refused {
        let (update, detail) = super::published::policy_violation(err);
        let id = Some(event.id().clone());
        let kind = AnomalyKind::PolicyViolation;
        anomalies.push(Anomaly::new(kind, id, update.cloned(), detail));
    }
    Ok(event)
}

/// Each move from a closed status to an open one marked as a reopen.
fn mark_reopens<S: Lifecycle>(
    id: &EventId,
    updates: Vec<Update<S>>,
    anomalies: &mut Vec<Anomaly>,
) -> Vec<Update<S>> {
    let mut reopens = ImplicitReopens::new();
    updates
        .into_iter()
        .map(|update| {
            let (update, detail) = reopens.mark(update, "the platform");
            if let Some(detail) = detail {
                let (event, at) = (Some(id.clone()), Some(update.id().clone()));
                anomalies.push(Anomaly::new(AnomalyKind::ImplicitReopen, event, at, detail));
            }
            update
        })
        .collect()
}
