//! A planned event as a model value, through the builder and `from_parts`.

use chrono::{DateTime, Utc};

use crate::builder::Schedule;
use crate::component::Component;
use crate::event::Event;
use crate::id::{ComponentId, EventId, UpdateId};
use crate::policy::{Lifecycle, Policy};
use crate::update::{ComponentChange, Update};

use super::plan::{ComponentsKey, Plan, PlannedComponent, PlannedEvent, StartedAt};

/// A time of the plan (milliseconds since the epoch).
pub(super) fn time(millis: i64) -> Option<DateTime<Utc>> {
    DateTime::from_timestamp_millis(millis)
}

/// The component of the page at `index`, as the model names it.
pub(super) fn component(plan: &Plan, index: usize) -> Option<(&PlannedComponent, ComponentId)> {
    let planned = plan.components.get(index)?;
    Some((planned, ComponentId::new(planned.id.as_str()).ok()?))
}

/// The planned event as a model value, as a reader of the export makes it:
/// display order, implicit reopens marked, under [`Policy::standard`] when it
/// passes and [`Policy::permissive`] otherwise; `None` if the model refused it.
pub(super) fn event<S: Lifecycle>(plan: &Plan, planned: &PlannedEvent) -> Option<Event<S>> {
    // Incident-level times as the export writes them.
    let level = |millis: i64| {
        if planned.whole_seconds {
            time(millis.div_euclid(1_000).saturating_mul(1_000))
        } else {
            time(millis)
        }
    };
    let mut builder = Event::<S>::builder(planned.name)
        .id(EventId::new(planned.id.as_str()).ok()?)
        .impact(planned.impact)
        .created_at(level(planned.created_at)?)
        .policy(Policy::permissive());
    if let StartedAt::At(at) = planned.started_at {
        builder = builder.started_at(level(at)?);
    }
    if planned.components_key == ComponentsKey::Affected {
        for &index in &planned.affected {
            let (component, id) = component(plan, index)?;
            builder = builder.component(Component::new(id, component.name.as_str()));
        }
    }
    let mut previous_closed = false;
    for update in planned.in_display_order() {
        let status: S = update.status.as_str().parse().ok()?;
        let mut model = Update::new(status, time(update.display_at)?)
            .with_id(UpdateId::new(update.id.as_str()).ok()?)
            .with_body(update.body)
            .with_created_at(time(update.created_at)?);
        for change in update.changes.list() {
            let (component, id) = component(plan, change.component)?;
            model = model.with_change(ComponentChange::new(
                id,
                component.name.as_str(),
                change.old_status,
                change.new_status,
            ));
        }
        builder = if previous_closed && status.is_open() {
            builder.reopen(model)
        } else {
            builder.update(model)
        };
        previous_closed = !status.is_open();
    }
    let mut built = builder.build().ok()?;
    if let Some((from, until)) = planned.schedule {
        // The builder sets a window on maintenances only: go through the parts.
        let mut parts = built.into_parts();
        parts.schedule = Some(Schedule::new(level(from)?, level(until)?));
        built = Event::from_parts(parts, Policy::permissive()).ok()?;
    }
    Some(match built.clone().revalidate(Policy::standard()) {
        Ok(standard) => standard,
        Err(_) => built,
    })
}
