//! One helper per anomaly the reader reports: its kind, where, and its detail.
//!
//! Times in details are written as the Statuspage writer writes them
//! (RFC 3339 UTC with milliseconds), not as [`crate::time::rfc3339`]: the
//! details are part of the report's output, which stays byte-identical.

use core::fmt::{Display, Write as _};

use chrono::{DateTime, Utc};

use super::super::write::timestamp;
use super::super::{Anomaly, AnomalyKind};
use crate::builder::ValidationError;
use crate::id::{ComponentId, EventId, UpdateId};
use crate::policy::Lifecycle;
use crate::status::{ComponentStatus, Impact};

use AnomalyKind::*;

/// The event an anomaly concerns, when it concerns one.
type Event<'a> = Option<&'a EventId>;

fn of(
    kind: AnomalyKind,
    event: Event<'_>,
    update: Option<&UpdateId>,
    detail: impl Into<std::borrow::Cow<'static, str>>,
) -> Anomaly {
    Anomaly::new(kind, event.cloned(), update.cloned(), detail)
}

/// A time in a detail, `null` for none.
pub(super) fn show(t: Option<DateTime<Utc>>) -> String {
    t.map_or_else(|| "null".to_owned(), timestamp)
}

// ------------------------------------------------------------ the document

pub(super) fn after_page_update(
    event: &EventId,
    created_at: DateTime<Utc>,
    page: DateTime<Utc>,
) -> Anomaly {
    let detail = format!(
        "created_at {} is after the page's updated_at {}",
        show(Some(created_at)),
        show(Some(page))
    );
    of(AfterPageUpdate, Some(event), None, detail)
}

pub(super) fn mixed_offsets(offsets: &[&str]) -> Anomaly {
    let detail = format!(
        "timestamps use the offsets {}; all are read as utc",
        offsets.join(", ")
    );
    of(MixedOffsets, None, None, detail)
}

pub(super) fn mixed_precision(whole: usize, fractional: usize) -> Anomaly {
    let detail =
        format!("{whole} timestamps in whole seconds, {fractional} with fractions of a second");
    of(MixedPrecision, None, None, detail)
}

// ------------------------------------------------------------ any object

pub(super) fn unknown_field(event: Event<'_>, what: &str, key: &str) -> Anomaly {
    let detail = format!("{what} key {key:?} is not in the documented schema; kept verbatim");
    of(UnknownField, event, None, detail)
}

pub(super) fn not_a_timestamp(event: Event<'_>, what: &str, key: &str, raw: &str) -> Anomaly {
    let detail =
        format!("{what} key {key:?} should be a timestamp or null, is {raw}; kept verbatim");
    of(WrongFieldType, event, None, detail)
}

pub(super) fn reminder_intervals_string(event: Event<'_>, raw: &str) -> Anomaly {
    let detail =
        format!("reminder_intervals is the string {raw} instead of an array; kept verbatim");
    of(ReminderIntervalsString, event, None, detail)
}

pub(super) fn unnamed_component(event: Event<'_>, id: &ComponentId) -> Anomaly {
    let detail = format!("component {:?} has no name; its id is used", id.as_str());
    of(MissingField, event, None, detail)
}

// ------------------------------------------------------------ an event

pub(super) fn missing_name(event: Event<'_>) -> Anomaly {
    of(
        MissingField,
        event,
        None,
        "name is missing; empty name used",
    )
}

pub(super) fn no_updates(event: Event<'_>, made: &UpdateId, status: impl Display) -> Anomaly {
    let detail = format!("no updates; one with status {status} at created_at was made");
    of(NoUpdates, event, Some(made), detail)
}

pub(super) fn implicit_reopen(event: Event<'_>, update: &UpdateId, detail: String) -> Anomaly {
    of(ImplicitReopen, event, Some(update), detail)
}

/// `kind` says what the event's id is; `foreign_updates` counts the update ids
/// that are not Statuspage ids.
pub(super) fn foreign_id(event: &EventId, kind: &str, foreign_updates: usize) -> Anomaly {
    let updates = if foreign_updates > 0 {
        format!(", and {foreign_updates} update ids are not statuspage ids")
    } else {
        String::new()
    };
    let detail = format!(
        "id {:?} is {kind}{updates}; ids are kept as they are",
        event.as_str()
    );
    of(ForeignId, Some(event), None, detail)
}

pub(super) fn status_mismatch(event: Event<'_>, status: impl Display, last: &str) -> Anomaly {
    let detail =
        format!("status {status} but the last update in display order is {last}; the update wins");
    of(StatusMismatch, event, None, detail)
}

pub(super) fn status_of_other_lifecycle(
    event: Event<'_>,
    status: &str,
    lifecycle: &str,
) -> Anomaly {
    let detail = format!(
        "status {status:?} is not in the {lifecycle} lifecycle of the updates; the updates win"
    );
    of(StatusMismatch, event, None, detail)
}

pub(super) fn missing_status(event: Event<'_>) -> Anomaly {
    of(
        MissingField,
        event,
        None,
        "status is missing; the last update's is used",
    )
}

pub(super) fn duplicate_component(event: Event<'_>, id: &ComponentId) -> Anomaly {
    let detail = format!(
        "component {:?} is listed twice; the first is kept",
        id.as_str()
    );
    of(DuplicateComponent, event, None, detail)
}

pub(super) fn components_mismatch(
    event: Event<'_>,
    unlisted: &[&str],
    unnamed: &[&str],
) -> Anomaly {
    let detail = format!(
        "components named by updates but not listed: [{}]; listed but named by no update: [{}]",
        unlisted.join(", "),
        unnamed.join(", ")
    );
    of(ComponentsMismatch, event, None, detail)
}

pub(super) fn missing_components(event: Event<'_>) -> Anomaly {
    of(
        MissingField,
        event,
        None,
        "components is missing; none listed",
    )
}

pub(super) fn missing_impact(event: Event<'_>, impact: Impact) -> Anomaly {
    of(
        MissingField,
        event,
        None,
        format!("impact is missing; {impact} used (calculated)"),
    )
}

pub(super) fn inverted_schedule(event: Event<'_>) -> Anomaly {
    let detail = "scheduled_until is before scheduled_for; the window is kept verbatim only";
    of(UnexpectedSchedule, event, None, detail)
}

pub(super) fn missing_schedule(event: Event<'_>) -> Anomaly {
    of(
        MissingField,
        event,
        None,
        "scheduled_for or scheduled_until is missing; no window",
    )
}

pub(super) fn schedule_on_incident(event: Event<'_>) -> Anomaly {
    let detail = "scheduled_for/scheduled_until on an incident; kept verbatim only";
    of(UnexpectedSchedule, event, None, detail)
}

pub(super) fn missing_created_at(event: Event<'_>, earliest: DateTime<Utc>) -> Anomaly {
    let detail = format!(
        "created_at is missing; the earliest update time {} used",
        show(Some(earliest))
    );
    of(MissingField, event, None, detail)
}

pub(super) fn missing_started_at(event: Event<'_>) -> Anomaly {
    let detail = "started_at is missing; the start is the creation time or the first update";
    of(MissingStartedAt, event, None, detail)
}

pub(super) fn policy_violation<S: Lifecycle>(
    event: Event<'_>,
    err: &ValidationError<S>,
) -> Anomaly {
    let (update, detail) = crate::formats::published::policy_violation(err);
    of(PolicyViolation, event, update, detail)
}

pub(super) fn milestone_mismatch(
    event: Event<'_>,
    field: &str,
    given: Option<DateTime<Utc>>,
    computed: Option<DateTime<Utc>>,
) -> Anomaly {
    let detail = format!(
        "{field} is {} but the updates give {}",
        show(given),
        show(computed)
    );
    of(MilestoneMismatch, event, None, detail)
}

pub(super) fn component_status_mismatch(
    event: Event<'_>,
    id: &ComponentId,
    name: &str,
    given: ComponentStatus,
    announced: ComponentStatus,
) -> Anomaly {
    let detail = format!(
        "component {:?} ({name:?}) is {given} but the updates last announced {announced}",
        id.as_str()
    );
    of(ComponentStatusMismatch, event, None, detail)
}

/// `closed` is the kind of event and its status (`incident`, `resolved`).
pub(super) fn component_not_restored(
    event: Event<'_>,
    (kind, status): &(&str, impl Display),
    id: &ComponentId,
    name: &str,
    last: ComponentStatus,
) -> Anomaly {
    let detail = format!(
        "the {kind} is {status} but its updates last set component {:?} ({name:?}) to {last}",
        id.as_str()
    );
    of(ComponentNotRestored, event, None, detail)
}

pub(super) fn started_after_resolved(
    event: Event<'_>,
    started: DateTime<Utc>,
    resolved: DateTime<Utc>,
    opened: DateTime<Utc>,
) -> Anomaly {
    let detail = format!(
        "started_at {} is after resolved_at {}; durations start at opened_at {}",
        show(Some(started)),
        show(Some(resolved)),
        show(Some(opened))
    );
    of(StartedAfterResolved, event, None, detail)
}

pub(super) fn started_after_created(
    event: Event<'_>,
    started: DateTime<Utc>,
    created: DateTime<Utc>,
    opened: DateTime<Utc>,
) -> Anomaly {
    let detail = format!(
        "started_at {} is after created_at {}; durations start at opened_at {}",
        show(Some(started)),
        show(Some(created)),
        show(Some(opened))
    );
    of(StartedAfterCreated, event, None, detail)
}

// ------------------------------------------------------------ an update

/// `wanted` is the id first tried, `made` the one used (another update had
/// `wanted` when they differ).
pub(super) fn missing_update_id(
    event: Event<'_>,
    made: &UpdateId,
    index: usize,
    taken: bool,
) -> Anomaly {
    // The made id is the anomaly's update: the detail does not repeat it (it
    // holds the event's id, which may be long).
    let detail = if taken {
        format!(
            "incident_updates[{index}] has no id; the event's id and the position are taken by another update, so a suffix is added"
        )
    } else {
        format!(
            "incident_updates[{index}] has no id; one is made of the event's id and the position"
        )
    };
    of(MissingField, event, Some(made), detail)
}

pub(super) fn missing_display_at(event: Event<'_>, update: &UpdateId) -> Anomaly {
    of(
        MissingField,
        event,
        Some(update),
        "display_at is missing; created_at used",
    )
}

pub(super) fn missing_update_created_at(event: Event<'_>, update: &UpdateId) -> Anomaly {
    of(
        MissingField,
        event,
        Some(update),
        "created_at is missing; display_at used",
    )
}

pub(super) fn backdated_display(
    event: Event<'_>,
    update: &UpdateId,
    display_at: DateTime<Utc>,
    created_at: DateTime<Utc>,
) -> Anomaly {
    let detail = format!(
        "display_at {} is {} before created_at {}",
        show(Some(display_at)),
        crate::Elapsed::between(display_at, created_at),
        show(Some(created_at))
    );
    of(BackdatedDisplay, event, Some(update), detail)
}

pub(super) fn missing_body(event: Event<'_>, update: &UpdateId) -> Anomaly {
    of(
        MissingField,
        event,
        Some(update),
        "body is missing; empty body used",
    )
}

pub(super) fn tweet_id_above_f64(event: Event<'_>, update: &UpdateId, id: u64) -> Anomaly {
    of(
        TweetIdAboveF64,
        event,
        Some(update),
        format!("tweet_id {id} is above 2^53; kept exactly"),
    )
}

pub(super) fn tweet_id_wrong_type(event: Event<'_>, update: &UpdateId, raw: &str) -> Anomaly {
    let detail = format!("tweet_id should be an integer or a string, is {raw}; kept verbatim");
    of(WrongFieldType, event, Some(update), detail)
}

pub(super) fn id_mismatch(event: Event<'_>, update: &UpdateId, given: &str) -> Anomaly {
    let detail =
        format!("incident_id {given:?} is not the incident's id; the incident's is written back");
    of(IdMismatch, event, Some(update), detail)
}

// ------------------------------------------------------------ a component change

pub(super) fn unnamed_change(event: Event<'_>, update: &UpdateId, position: usize) -> Anomaly {
    let detail = format!("affected_components[{position}] has no name; its code is used");
    of(MissingField, event, Some(update), detail)
}

pub(super) fn group_prefixed_name(
    event: Event<'_>,
    update: &UpdateId,
    id: &ComponentId,
    name: &str,
) -> Anomaly {
    let detail = format!(
        "component {:?} is named {name:?}, prefixed by its group; the name is kept as given",
        id.as_str()
    );
    of(GroupPrefixedName, event, Some(update), detail)
}

/// `keys` are the keys as the detail lists them (quoted).
pub(super) fn change_keys_outside_the_model(
    event: Event<'_>,
    update: &UpdateId,
    position: usize,
    keys: &[String],
) -> Anomaly {
    let detail = format!(
        "affected_components[{position}] keys {} are not part of a component change; written back while the event is unchanged",
        keys.join(", ")
    );
    of(UnknownField, event, Some(update), detail)
}

pub(super) fn placeholder_component(
    event: Event<'_>,
    update: &UpdateId,
    position: usize,
    name: &str,
) -> Anomaly {
    let detail = format!(
        "affected_components[{position}] {name:?} has no component code or statuses: not a component change; kept verbatim"
    );
    of(PlaceholderComponent, event, Some(update), detail)
}

/// `same` lists the changes as `"name" (status)`.
/// The changes of one update that keep the status, listed as `"name"
/// (status)`, in one allocation.
pub(super) fn same_status_change(
    event: Event<'_>,
    update: &UpdateId,
    same: &[&crate::update::ComponentChange],
) -> Anomaly {
    let count = same.len();
    let (plural, verb) = if count == 1 { ("", "s") } else { ("s", "") };
    let listed: usize = same.iter().map(|c| c.name.len() + 28).sum();
    let mut detail = String::with_capacity(listed + 48);
    // Writing to a `String` cannot fail.
    let _ = write!(
        detail,
        "{count} component change{plural} keep{verb} the status: "
    );
    for (i, change) in same.iter().enumerate() {
        if i > 0 {
            detail.push_str(", ");
        }
        detail.push('"');
        detail.push_str(&change.name);
        detail.push_str("\" (");
        detail.push_str(change.old_status.as_str());
        detail.push(')');
    }
    of(SameStatusChange, event, Some(update), detail)
}
