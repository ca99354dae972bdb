//! The plan as Statuspage JSON: each event a [`Record`] (the model value and
//! the extras the plan gives it: tweet ids, placeholders, short links,
//! `updated_at`, `reminder_intervals`, the schedule flags, the component
//! objects' other keys), written by the crate's writer, then [`plant`]ed with
//! the quirks the writer never makes, since it writes the model as it is:
//!
//! - UTC offsets other than `Z` (the writer writes every time in UTC) and
//!   incident-level times in whole seconds (it always writes milliseconds);
//! - `started_at` and `components` missing (it writes `null` and `[]`);
//! - updates newest first by creation time, as Statuspage sends them (it lists
//!   them in the model's order, by display time, newest first).

use std::borrow::Cow;
use std::cmp::Reverse;
use std::fmt;

use chrono::{DateTime, FixedOffset, SecondsFormat, Utc};
use serde::de::{Deserializer, MapAccess, Visitor};
use serde::ser::Serializer;
use serde::{Deserialize, Serialize};
use serde_json::value::{to_raw_value, RawValue};

use crate::component::Component;
use crate::formats::statuspage::{
    write_incident, write_maintenance, Document, Extras, Fields, Page, PageComponent, RawJson,
    Record, Shape, TweetId, UpdateExtras,
};
use crate::id::UpdateId;
use crate::status::{ComponentStatus, IncidentStatus, MaintenanceStatus};

use super::model::{self, time};
use super::plan::{Changes, ComponentsKey, Plan, PlannedEvent, PlannedUpdate, StartedAt};

/// The whole export: the page, then the events in plan order (maintenances
/// among the incidents, as real pages list them).
pub(super) fn json(plan: &Plan, end: DateTime<Utc>) -> String {
    let mut out = Vec::new();
    // Writing into a `Vec` cannot fail, and the bytes are JSON text (UTF-8).
    match write_json(plan, end, &mut out) {
        Ok(()) => String::from_utf8(out).unwrap_or_default(),
        Err(_) => String::new(),
    }
}

/// [`json`] into `out`, one event at a time: memory holds the plan and one
/// written event, not the export.
pub(super) fn write_json(
    plan: &Plan,
    end: DateTime<Utc>,
    out: &mut impl std::io::Write,
) -> std::io::Result<()> {
    let mut head = Document::new(Shape::Incidents);
    head.page = Some(Page {
        id: Some(plan.page_id.clone()),
        name: Some("Generated".to_owned()),
        url: Some("https://status.example.com".to_owned()),
        time_zone: Some("America/Chicago".to_owned()),
        updated_at: Some(end),
        ..Page::default()
    });
    // The head with an empty list of incidents, split where the events go.
    let list = r#""incidents":[]"#;
    let head = head
        .to_json()
        .ok()
        .and_then(|head| serde_json::from_str::<Object>(&head).ok())
        .and_then(|document| serde_json::to_string(&document).ok())
        .unwrap_or_default();
    let at = head
        .rfind(list)
        .map_or(head.len(), |at| at + list.len() - 1);
    let (before, after) = head.split_at(at);
    out.write_all(before.as_bytes())?;
    let events = plan
        .events
        .iter()
        .filter_map(|planned| plant(&write(plan, planned)?, planned));
    for (i, event) in events.enumerate() {
        if i > 0 {
            out.write_all(b",")?;
        }
        out.write_all(event.get().as_bytes())?;
    }
    out.write_all(after.as_bytes())
}

/// One event as the crate's writer writes it.
fn write(plan: &Plan, planned: &PlannedEvent) -> Option<String> {
    let extras = extras(plan, planned);
    if planned.schedule.is_some() {
        let event = model::event::<MaintenanceStatus>(plan, planned)?;
        write_maintenance(&Record::new(event, extras)).ok()
    } else {
        let event = model::event::<IncidentStatus>(plan, planned)?;
        write_incident(&Record::new(event, extras)).ok()
    }
}

fn extras(plan: &Plan, planned: &PlannedEvent) -> Extras {
    let mut other = Fields::new();
    if planned.schedule.is_some() {
        other.extend(fields(&[
            ("scheduled_remind_prior", "false"),
            ("scheduled_auto_in_progress", "true"),
            ("scheduled_auto_completed", "true"),
        ]));
    }
    match planned.reminder {
        0 => other.extend(fields(&[("reminder_intervals", "null")])),
        1 => other.extend(fields(&[("reminder_intervals", r#""[]""#)])),
        _ => {}
    }
    let affected = match planned.components_key {
        ComponentsKey::Affected => planned.affected.as_slice(),
        ComponentsKey::Missing | ComponentsKey::Empty => &[],
    };
    Extras {
        page_id: Some(plan.page_id.clone()),
        shortlink: Some(match &planned.old_shortlink {
            Some(old) => format!("http://stspg.io/{old}"),
            None => format!("https://stspg.io/{}", planned.shortlink),
        }),
        updated_at: planned
            .updates
            .iter()
            .map(|u| u.updated_at)
            .max()
            .and_then(time),
        components: affected
            .iter()
            .filter_map(|&index| page_component(plan, index))
            .collect(),
        updates: planned.updates.iter().filter_map(update_extras).collect(),
        other,
        ..Extras::default()
    }
}

fn update_extras(update: &PlannedUpdate) -> Option<UpdateExtras> {
    let mut extras = UpdateExtras::new(UpdateId::new(update.id.as_str()).ok()?);
    extras.updated_at = time(update.updated_at);
    extras.set_tweet_id(update.tweet_id.map(TweetId::Number));
    extras.deliver_notifications = Some(update.deliver_notifications);
    if let Changes::Placeholder = update.changes {
        let placeholder = r#""No components were affected by this update.""#;
        *extras.placeholders_mut() = vec![fields(&[("name", placeholder)])];
    }
    Some(extras)
}

/// The page's component object, as the API sends it.
fn page_component(plan: &Plan, index: usize) -> Option<PageComponent> {
    let (planned, id) = model::component(plan, index)?;
    let mut component = PageComponent::new(Component::new(id, planned.name.as_str()));
    component.status = Some(ComponentStatus::Operational);
    component.group = Some(false);
    let position = index.saturating_add(1).to_string();
    let page_id = format!("\"{}\"", plan.page_id);
    component.other = fields(&[
        ("created_at", r#""2019-04-17T12:33:08.827Z""#),
        ("updated_at", r#""2026-07-30T10:12:15.456Z""#),
        ("position", &position),
        ("description", "null"),
        ("showcase", "true"),
        ("start_date", r#""2019-04-17""#),
        ("page_id", &page_id),
        ("only_show_if_degraded", "false"),
    ]);
    Some(component)
}

/// Keys kept verbatim, each with its JSON text.
fn fields(pairs: &[(&'static str, &str)]) -> Fields {
    pairs
        .iter()
        .filter_map(|&(key, json)| Some((Cow::Borrowed(key), RawJson::new(json).ok()?)))
        .collect()
}

/// The quirks of the plan that the writer never makes, planted into one
/// written event (see the [module documentation](self)).
fn plant(json: &str, planned: &PlannedEvent) -> Option<Box<RawValue>> {
    let zone = FixedOffset::east_opt(planned.offset)?;
    let format = if planned.whole_seconds {
        SecondsFormat::Secs
    } else {
        SecondsFormat::Millis
    };
    let mut event: Object = serde_json::from_str(json).ok()?;
    event.0.retain(|(key, _)| match key.as_str() {
        "started_at" => planned.started_at != StartedAt::Missing,
        "components" => planned.components_key != ComponentsKey::Missing,
        _ => true,
    });
    for (key, value) in &mut event.0 {
        match key.as_str() {
            "created_at" | "updated_at" | "monitoring_at" | "resolved_at" | "started_at"
            | "scheduled_for" | "scheduled_until" => retime(value, zone, format)?,
            "incident_updates" => {
                let mut updates: Vec<Object> = serde_json::from_str(value.get()).ok()?;
                updates.sort_by_cached_key(|update| Reverse(update.time("created_at")));
                for (key, value) in updates.iter_mut().flat_map(|u| u.0.iter_mut()) {
                    if matches!(key.as_str(), "created_at" | "updated_at" | "display_at") {
                        retime(value, zone, SecondsFormat::Millis)?;
                    }
                }
                *value = to_raw_value(&updates).ok()?;
            }
            _ => {}
        }
    }
    to_raw_value(&event).ok()
}

/// A time (a JSON string, `null` left as it is) written again at `zone`.
fn retime(value: &mut Box<RawValue>, zone: FixedOffset, format: SecondsFormat) -> Option<()> {
    let at: Option<DateTime<FixedOffset>> = serde_json::from_str(value.get()).ok()?;
    if let Some(at) = at {
        *value = to_raw_value(&at.with_timezone(&zone).to_rfc3339_opts(format, true)).ok()?;
    }
    Some(())
}

/// A JSON object in document order, its values verbatim: what the pass
/// edits, so the writer's order of keys survives it.
struct Object(Vec<(String, Box<RawValue>)>);

impl Object {
    fn time(&self, key: &str) -> Option<DateTime<FixedOffset>> {
        let (_, value) = self.0.iter().find(|(k, _)| k == key)?;
        serde_json::from_str(value.get()).ok()
    }
}

impl<'de> Deserialize<'de> for Object {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Entries;
        impl<'de> Visitor<'de> for Entries {
            type Value = Object;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a JSON object")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Object, A::Error> {
                let mut entries = Vec::new();
                while let Some(entry) = map.next_entry()? {
                    entries.push(entry);
                }
                Ok(Object(entries))
            }
        }
        deserializer.deserialize_map(Entries)
    }
}

impl Serialize for Object {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_map(self.0.iter().map(|(key, value)| (key, value)))
    }
}
