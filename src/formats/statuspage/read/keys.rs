//! The keys the documented schema lists, per object: any other is an
//! [`AnomalyKind::UnknownField`](super::AnomalyKind::UnknownField).

pub(super) const PAGE: &[&str] = &[
    "id",
    "name",
    "url",
    "time_zone",
    "updated_at",
    // A webhook delivery's page.
    "status_indicator",
    "status_description",
];
pub(super) const STATUS: &[&str] = &["indicator", "description"];
pub(super) const META: &[&str] = &["unsubscribe", "documentation", "generated_at"];
pub(super) const COMPONENT_UPDATE: &[&str] = &[
    "id",
    "component_id",
    "old_status",
    "new_status",
    "created_at",
    "component_type",
];
pub(super) const COMPONENT: &[&str] = &[
    "id",
    "page_id",
    "group_id",
    "created_at",
    "updated_at",
    "group",
    "name",
    "description",
    "position",
    "status",
    "showcase",
    "only_show_if_degraded",
    "automation_email",
    "start_date",
    "components",
];
pub(super) const AFFECTED: &[&str] = &["code", "name", "old_status", "new_status"];
pub(super) const UPDATE: &[&str] = &[
    "id",
    "incident_id",
    "status",
    "body",
    "created_at",
    "updated_at",
    "display_at",
    "affected_components",
    "deliver_notifications",
    "custom_tweet",
    "tweet_id",
    "twitter_updated_at",
    "wants_twitter_update",
];
pub(super) const INCIDENT: &[&str] = &[
    "id",
    "name",
    "status",
    "impact",
    "impact_override",
    "created_at",
    "updated_at",
    "started_at",
    "monitoring_at",
    "resolved_at",
    "shortlink",
    "page_id",
    "incident_updates",
    "components",
    "reminder_intervals",
    "postmortem_body",
    "postmortem_body_last_updated_at",
    "postmortem_ignored",
    "postmortem_notified_subscribers",
    "postmortem_notified_twitter",
    "postmortem_published_at",
    "scheduled_for",
    "scheduled_until",
    "scheduled_remind_prior",
    "scheduled_reminded_at",
    "scheduled_auto_in_progress",
    "scheduled_auto_completed",
    "auto_transition_to_maintenance_state",
    "auto_transition_to_operational_state",
    "auto_transition_deliver_notifications_at_start",
    "auto_transition_deliver_notifications_at_end",
    "metadata",
];
/// Documented keys whose value is a timestamp or null.
pub(super) const TIME: &[&str] = &[
    "postmortem_published_at",
    "postmortem_body_last_updated_at",
    "scheduled_reminded_at",
    "twitter_updated_at",
];
