//! Statuspage JSON: reading every shape, the quirks of real pages as anomalies,
//! errors, and writing back. Fixtures are hand-written, under
//! `tests/fixtures/statuspage/`.
#![cfg(feature = "statuspage")]

mod util;

use std::collections::BTreeMap;

use chrono::{DateTime, TimeZone, Utc};
use incident_model::error::JsonSyntaxError;
use incident_model::formats::statuspage::{
    self, AnomalyKind, AnyValidationError, Document, Shape, StatuspageError, TweetId,
};
use incident_model::{
    ComponentStatus, Impact, IncidentStatus, MaintenanceStatus, Policy, ValidationError,
};

fn fixture(name: &str) -> String {
    let path = format!(
        "{}/tests/fixtures/statuspage/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read_to_string(&path).unwrap_or_else(|err| panic!("{path}: {err}"))
}

const FIXTURES: &[&str] = &[
    "bare_incident_reminders.json",
    "components.json",
    "emma_like.json",
    "incidentio.json",
    "incidents_pre2019.json",
    "manage_list.json",
    "milestone_mismatch.json",
    "scheduled_maintenances.json",
    "started_after_resolved.json",
    "summary.json",
    "tweets.json",
];

fn read(name: &str) -> Document {
    statuspage::read(&fixture(name)).unwrap_or_else(|err| panic!("{name}: {err}"))
}

fn kinds(doc: &Document) -> BTreeMap<&'static str, usize> {
    let mut map = BTreeMap::new();
    for a in &doc.anomalies {
        *map.entry(a.kind.as_str()).or_default() += 1;
    }
    map
}

fn utc(s: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
}

/// File, shape, incidents, maintenances, anomalies by kind.
type Expected = (
    &'static str,
    Shape,
    usize,
    usize,
    &'static [(&'static str, usize)],
);

#[test]
fn every_fixture_is_read_with_the_expected_shape_and_anomalies() {
    let expected: &[Expected] = &[
        (
            "bare_incident_reminders.json",
            Shape::BareIncident,
            1,
            0,
            &[("mixed_precision", 1), ("reminder_intervals_string", 1)],
        ),
        ("components.json", Shape::Components, 0, 0, &[]),
        (
            "emma_like.json",
            Shape::Incidents,
            3,
            0,
            &[
                ("backdated_display", 2),
                ("implicit_reopen", 1),
                ("missing_field", 3),
                ("missing_started_at", 3),
                ("mixed_offsets", 1),
                ("placeholder_component", 2),
            ],
        ),
        (
            "incidentio.json",
            Shape::Incidents,
            1,
            0,
            &[
                ("foreign_id", 1),
                ("missing_field", 2),
                ("missing_started_at", 1),
            ],
        ),
        (
            "incidents_pre2019.json",
            Shape::Incidents,
            1,
            0,
            &[
                ("group_prefixed_name", 1),
                ("missing_started_at", 1),
                ("same_status_change", 1),
            ],
        ),
        (
            "manage_list.json",
            Shape::IncidentList,
            2,
            0,
            &[
                ("policy_violation", 1),
                ("unknown_field", 1),
                ("wrong_field_type", 1),
            ],
        ),
        (
            "milestone_mismatch.json",
            Shape::Incidents,
            2,
            0,
            &[("milestone_mismatch", 2), ("mixed_precision", 1)],
        ),
        (
            "scheduled_maintenances.json",
            Shape::ScheduledMaintenances,
            0,
            1,
            &[("started_after_created", 1)],
        ),
        (
            "started_after_resolved.json",
            Shape::Incident,
            1,
            0,
            &[("backdated_display", 1), ("started_after_resolved", 1)],
        ),
        (
            "summary.json",
            Shape::Summary,
            1,
            1,
            &[
                ("component_status_mismatch", 1),
                ("mixed_precision", 1),
                ("same_status_change", 3),
            ],
        ),
        (
            "tweets.json",
            Shape::Incident,
            1,
            0,
            &[("tweet_id_above_f64", 1)],
        ),
    ];
    assert_eq!(expected.len(), FIXTURES.len());
    for (name, shape, incidents, maintenances, anomalies) in expected {
        let doc = read(name);
        assert_eq!(doc.shape, *shape, "{name}");
        assert_eq!(doc.incidents.len(), *incidents, "{name}");
        assert_eq!(doc.maintenances.len(), *maintenances, "{name}");
        let want: BTreeMap<&str, usize> = anomalies.iter().copied().collect();
        assert_eq!(kinds(&doc), want, "{name}");
    }
}

#[test]
fn updates_come_in_display_order_not_array_order() {
    let doc = read("emma_like.json");
    let login = &doc.incidents[1].event;
    assert_eq!(login.id().as_str(), "272vrysp78ds");
    let statuses: Vec<IncidentStatus> = login.updates().iter().map(|u| u.status()).collect();
    use IncidentStatus::*;
    assert_eq!(statuses, [Identified, Investigating, Resolved]);
    // A regression is legal under standard.
    assert_eq!(login.policy(), Policy::standard());
    assert_eq!(login.resolved_at(), Some(utc("2018-12-03T17:30:00-06:00")));
}

#[test]
fn regressions_keep_the_first_monitoring_and_reopens_are_marked() {
    let doc = read("emma_like.json");
    let sending = &doc.incidents[0].event;
    assert_eq!(sending.monitoring_at(), Some(utc("2018-10-01T15:00:00Z")));
    assert_eq!(sending.resolved_at(), Some(utc("2018-10-01T17:00:00Z")));
    assert_eq!(doc.incidents[0].extras.updates.len(), 5);
    assert_eq!(
        doc.incidents[0]
            .extras
            .updates
            .iter()
            .map(|u| u.placeholders().len())
            .sum::<usize>(),
        2
    );

    let reports = &doc.incidents[2].event;
    let reopened: Vec<bool> = reports.updates().iter().map(|u| u.is_reopen()).collect();
    assert_eq!(reopened, [false, false, true, false]);
    assert_eq!(reports.policy(), Policy::standard());
    let reopen = doc
        .anomalies
        .iter()
        .find(|a| a.kind == AnomalyKind::ImplicitReopen)
        .unwrap();
    assert_eq!(reopen.update.as_ref().unwrap().as_str(), "c3r30p3n1ng0");
    assert_eq!(
        reopen.to_string(),
        "implicit_reopen in incident \"c9r30p3n3d00\", update \"c3r30p3n1ng0\": resolved -> investigating: statuspage reopens implicitly; marked as a reopen"
    );
}

#[test]
fn page_and_time_zone_are_kept() {
    let doc = read("emma_like.json");
    let page = doc.page.unwrap();
    assert_eq!(page.time_zone.as_deref(), Some("America/Chicago"));
    assert_eq!(page.id.as_deref(), Some("4lzycl8t1x0c"));
    assert_eq!(page.updated_at, Some(utc("2019-02-21T14:31:24.239Z")));
}

#[test]
fn started_after_resolved_does_not_make_durations_negative() {
    let doc = read("started_after_resolved.json");
    let incident = &doc.incidents[0].event;
    assert_eq!(incident.started_at(), Some(utc("2020-11-16T09:55:00.989Z")));
    assert_eq!(incident.opened_at(), utc("2020-11-10T20:00:00Z"));
    assert_eq!(incident.resolved_at(), Some(utc("2020-11-10T20:00:00Z")));
    assert!(incident.updates()[0].is_backdated());
}

#[test]
fn tweet_ids_are_exact_integers_or_text() {
    let doc = read("tweets.json");
    let extras = &doc.incidents[0].extras;
    let tweet = |id: &str| {
        extras
            .updates
            .iter()
            .find(|u| u.id.as_str() == id)
            .unwrap()
            .tweet_id()
            .cloned()
    };
    assert_eq!(
        tweet("j5w02y0pl9qg"),
        Some(TweetId::Number(1_425_224_704_026_046_467))
    );
    assert_eq!(
        tweet("7s2f3pfqymk9"),
        Some(TweetId::Text("1425221445987143682".into()))
    );
    assert_eq!(tweet("h2k4m6n8p0q2"), Some(TweetId::Number(12345)));
    assert_eq!(tweet("a1s2d3f4g5h6"), None);
    let json = doc.to_json().unwrap();
    assert!(json.contains(r#""tweet_id":1425224704026046467"#));
    assert!(json.contains(r#""tweet_id":"1425221445987143682""#));
    assert!(json.contains(r#""custom_tweet":"Monitoring a fix""#));
}

#[test]
fn manage_api_impact_override_and_kept_fields() {
    let doc = read("manage_list.json");
    let first = &doc.incidents[0];
    assert_eq!(first.event.impact(), Impact::Minor);
    assert_eq!(first.extras.calculated_impact, Some(Impact::Critical));
    assert_eq!(first.event.status(), IncidentStatus::Postmortem);
    assert_eq!(first.event.policy(), Policy::standard());
    assert_eq!(
        first.extras.postmortem_body.as_deref(),
        Some("##### Issue\nThe API was down.\n")
    );
    assert_eq!(
        first.extras.field("x_team").unwrap().as_str(),
        "\"payments\""
    );
    assert_eq!(
        first.extras.postmortem_published_at,
        Some(utc("2020-08-15T10:00:00Z"))
    );
    assert!(first.extras.field("postmortem_published_at").is_none());
    let metadata = first.extras.field("metadata").unwrap().as_str();
    assert!(metadata.contains("12345678901234567890123"), "{metadata}");
    assert_eq!(
        first.extras.components[0]
            .other
            .iter()
            .find(|(k, _)| k == "position")
            .unwrap()
            .1
            .as_str(),
        "1"
    );

    // investigating -> postmortem: refused by standard, so the event stays permissive.
    let second = &doc.incidents[1];
    assert_eq!(second.event.policy(), Policy::permissive());
    let violation = doc
        .anomalies
        .iter()
        .find(|a| a.kind == AnomalyKind::PolicyViolation)
        .unwrap();
    assert_eq!(
        violation.incident.as_ref().unwrap().as_str(),
        "m4n4g3d00002"
    );
    assert_eq!(violation.update.as_ref().unwrap().as_str(), "mh1p0stm0rt3");

    // Everything kept is written back, numbers digit for digit.
    let json = doc.to_json().unwrap();
    assert!(json.starts_with('['));
    assert!(json.contains("12345678901234567890123"));
    assert!(json.contains(r#""x_team":"payments""#));
    assert!(json.contains(r#""impact":"critical","impact_override":"minor""#));
    assert!(json.contains(r#""postmortem_published_at":true"#));
}

#[test]
fn summary_with_status_components_and_maintenance() {
    let doc = read("summary.json");
    let status = doc.status.as_ref().unwrap();
    assert_eq!(status.indicator, Impact::Maintenance);
    assert_eq!(status.description, "Service Under Maintenance");
    assert_eq!(doc.components.len(), 3);
    let actions = &doc.components[0];
    assert_eq!(actions.status, Some(ComponentStatus::UnderMaintenance));
    assert_eq!(
        actions.component.group_id.as_ref().unwrap().as_str(),
        "grp000000001"
    );
    let start = actions
        .other
        .iter()
        .find(|(k, _)| k == "start_date")
        .unwrap();
    assert_eq!(start.1.as_str(), "\"2019-11-13\"");
    assert_eq!(doc.components[2].group, Some(true));

    let maintenance = &doc.maintenances[0].event;
    assert_eq!(maintenance.status(), MaintenanceStatus::InProgress);
    assert_eq!(maintenance.impact(), Impact::Maintenance);
    let schedule = maintenance.schedule().unwrap();
    assert_eq!(schedule.scheduled_for, utc("2020-12-15T10:00:00Z"));
    // The same component under two names over time: each change keeps its name.
    let names: Vec<&str> = maintenance
        .updates()
        .iter()
        .flat_map(|u| u.component_changes())
        .map(|c| c.name.as_str())
        .collect();
    assert_eq!(names, ["Actions", "GitHub Actions"]);

    let incident = &doc.incidents[0].event;
    assert!(incident.is_open());
    assert_eq!(incident.impact(), Impact::Major);
    // old == new is kept as a change: it states the status.
    assert_eq!(
        incident.updates()[0].component_changes()[0].new_status,
        ComponentStatus::MajorOutage
    );
}

#[test]
fn scheduled_maintenance_lifecycle_with_a_step_back() {
    let doc = read("scheduled_maintenances.json");
    let m = &doc.maintenances[0].event;
    use MaintenanceStatus::*;
    let statuses: Vec<MaintenanceStatus> = m.updates().iter().map(|u| u.status()).collect();
    assert_eq!(
        statuses,
        [Scheduled, InProgress, Verifying, InProgress, Completed]
    );
    assert_eq!(m.policy(), Policy::standard());
    assert_eq!(m.monitoring_at(), Some(utc("2021-03-01T03:00:00Z")));
    assert_eq!(m.resolved_at(), Some(utc("2021-03-01T04:00:00Z")));
    assert_eq!(
        doc.page.as_ref().unwrap().time_zone.as_deref(),
        Some("Europe/Berlin")
    );
}

#[test]
fn incident_io_ulids_and_missing_fields() {
    let doc = read("incidentio.json");
    let incident = &doc.incidents[0];
    assert_eq!(incident.event.id().as_str(), "01HX3K9Q2W5E7R9T1Y3U5I7O9P");
    assert_eq!(incident.extras.shortlink, None);
    let resolved = incident.event.last_update();
    assert_eq!(resolved.id().as_str(), "01HX3M0A1B2C3D4E5F6G7H8J9K");
    assert_eq!(resolved.display_at(), utc("2024-05-01T11:00:00Z"));
    assert!(doc
        .anomalies
        .iter()
        .any(|a| a.kind == AnomalyKind::ForeignId && a.detail.contains("ulid")));
}

#[test]
fn milestones_that_disagree_are_reported() {
    let doc = read("milestone_mismatch.json");
    let details: Vec<String> = doc
        .anomalies
        .iter()
        .filter(|a| a.kind == AnomalyKind::MilestoneMismatch)
        .map(|a| a.to_string())
        .collect();
    assert_eq!(
        details,
        [
            "milestone_mismatch in incident \"mm0000000001\": monitoring_at is 2023-01-01T10:30:00.000Z but the updates give null",
            "milestone_mismatch in incident \"mm0000000001\": resolved_at is 2023-01-01T13:00:00.000Z but the updates give 2023-01-01T12:00:00.000Z",
        ]
    );
    // Whole seconds against milliseconds agree.
    assert_eq!(
        doc.incidents[1].extras.resolved_at,
        Some(utc("2023-01-02T12:00:00Z"))
    );
}

#[test]
fn pre_2019_shape_with_group_prefixed_names() {
    let doc = read("incidents_pre2019.json");
    let record = &doc.incidents[0];
    let incident = &record.event;
    assert_eq!(incident.started_at(), None);
    assert_eq!(incident.opened_at(), utc("2018-09-17T19:29:21.132Z"));
    assert_eq!(
        incident.updates()[1].body(),
        "A fix is in place.\r\n\r\nWe are monitoring."
    );
    assert_eq!(incident.components()[0].name, "APIs");
    assert_eq!(
        incident.updates()[0].component_changes()[0].name,
        "Dashboard and APIs - APIs"
    );
    let email = record.extras.components[0]
        .other
        .iter()
        .find(|(k, _)| k == "automation_email");
    assert!(email.is_some());
}

#[test]
fn per_shape_entry_points() {
    assert_eq!(
        statuspage::read_summary(&fixture("summary.json"))
            .unwrap()
            .shape,
        Shape::Summary
    );
    assert_eq!(
        statuspage::read_incidents(&fixture("emma_like.json"))
            .unwrap()
            .shape,
        Shape::Incidents
    );
    assert_eq!(
        statuspage::read_incident(&fixture("tweets.json"))
            .unwrap()
            .shape,
        Shape::Incident
    );
    assert_eq!(
        statuspage::read_incident_object(&fixture("bare_incident_reminders.json"))
            .unwrap()
            .shape,
        Shape::BareIncident
    );
    assert_eq!(
        statuspage::read_incident_list(&fixture("manage_list.json"))
            .unwrap()
            .shape,
        Shape::IncidentList
    );
    assert_eq!(
        statuspage::read_scheduled_maintenances(&fixture("scheduled_maintenances.json"))
            .unwrap()
            .shape,
        Shape::ScheduledMaintenances
    );
    assert_eq!(
        statuspage::read_components(&fixture("components.json"))
            .unwrap()
            .shape,
        Shape::Components
    );
    let err = statuspage::read_summary(&fixture("components.json")).unwrap_err();
    assert_eq!(
        err.to_string(),
        "expected a statuspage summary.json document, found components.json"
    );
    let status = statuspage::read_status(
        r#"{"page":{"id":"p"},"status":{"indicator":"none","description":"All Systems Operational"}}"#,
    );
    assert_eq!(status.unwrap().status.unwrap().indicator, Impact::None);
    let bytes = statuspage::read_slice(fixture("summary.json").as_bytes()).unwrap();
    assert_eq!(bytes, read("summary.json"));
}

// ---------------------------------------------------------------- errors

#[test]
fn not_json_gives_line_and_column() {
    let err = statuspage::read("{\n  \"incidents\": [\n    {\"id\": }\n").unwrap_err();
    let StatuspageError::Syntax(syntax) = &err else {
        panic!("{err:?}")
    };
    assert_eq!((syntax.line, syntax.column), (3, 12));
    assert_eq!(err.to_string(), "json at line 3, column 12: expected value");
}

#[test]
fn json_of_another_shape() {
    let err = statuspage::read(r#"{"foo": 1, "bar": [2]}"#).unwrap_err();
    assert_eq!(
        err.to_string(),
        "not a statuspage document: an object with keys \"foo\", \"bar\"; expected an incident object, a list of incidents, or an object with \"page\", \"incidents\", \"incident\", \"scheduled_maintenances\", \"components\" or \"status\""
    );
    assert!(matches!(
        statuspage::read("42").unwrap_err(),
        StatuspageError::UnknownShape { .. }
    ));
    assert!(matches!(
        statuspage::read("{}").unwrap_err(),
        StatuspageError::UnknownShape { .. }
    ));
    // A list of something else: a typed syntax error with the position.
    let err = statuspage::read("[1, 2]").unwrap_err();
    assert_eq!(
        err.to_string(),
        "json at line 1, column 2: invalid type: integer `1`, expected a statuspage incident object"
    );
    // A known field of the wrong type.
    let err = statuspage::read(r#"{"page": {"id": "p"}, "incidents": {"id": "x"}}"#).unwrap_err();
    assert!(
        matches!(
            err,
            StatuspageError::Syntax(JsonSyntaxError { line: 1, .. })
        ),
        "{err}"
    );
}

#[test]
fn unknown_status_names_incident_update_and_field() {
    let json = r#"{"page": {"id": "p"}, "incidents": [
      {"id": "okokokokokok", "status": "resolved", "incident_updates": [{"id": "u", "status": "resolved", "created_at": "2020-01-01T00:00:00Z"}]},
      {"id": "x9mb3wh2r6nr", "status": "resolved", "incident_updates": [
        {"id": "abcabcabcabc", "status": "resolved", "created_at": "2020-01-01T00:00:00Z"},
        {"id": "defdefdefdef", "status": "fixed", "created_at": "2020-01-01T00:00:00Z"}]}]}"#;
    let err = statuspage::read(json).unwrap_err();
    assert_eq!(
        err.to_string(),
        "incidents[1] (id \"x9mb3wh2r6nr\"), incident_updates[1] (id \"defdefdefdef\"), field \"status\": unknown incident status \"fixed\": expected one of investigating, identified, monitoring, resolved, postmortem"
    );
    let StatuspageError::UnknownStatus { at, source } = err else {
        panic!()
    };
    assert_eq!(at.incident.unwrap().as_str(), "x9mb3wh2r6nr");
    assert_eq!(at.field, "status");
    assert_eq!(source.value, "fixed");
}

#[test]
fn unknown_component_status_and_impact() {
    let json = r#"{"id": "x9mb3wh2r6nr", "status": "resolved", "incident_updates": [
        {"id": "abcabcabcabc", "status": "resolved", "created_at": "2020-01-01T00:00:00Z",
         "affected_components": [{"code": "c", "name": "C", "old_status": "operational", "new_status": "down"}]}]}"#;
    let err = statuspage::read(json).unwrap_err();
    assert_eq!(
        err.to_string(),
        "(id \"x9mb3wh2r6nr\"), incident_updates[0] (id \"abcabcabcabc\"), field \"affected_components[0].new_status\": unknown component status \"down\": expected one of operational, under_maintenance, degraded_performance, partial_outage, major_outage"
    );
    let json =
        r#"{"id": "x9mb3wh2r6nr", "status": "resolved", "impact": "huge", "incident_updates": []}"#;
    let err = statuspage::read(json).unwrap_err();
    assert!(
        err.to_string()
            .starts_with("(id \"x9mb3wh2r6nr\"), field \"impact\": unknown impact \"huge\""),
        "{err}"
    );
    let json = r#"{"page": {"id": "p"}, "status": {"indicator": "purple"}}"#;
    let err = statuspage::read(json).unwrap_err();
    assert!(
        err.to_string()
            .starts_with("status, field \"indicator\": unknown impact \"purple\""),
        "{err}"
    );
    // A status no lifecycle knows on the incident itself.
    let json = r#"{"id": "x9mb3wh2r6nr", "status": "done", "incident_updates": [
        {"id": "abcabcabcabc", "status": "resolved", "created_at": "2020-01-01T00:00:00Z"}]}"#;
    assert!(matches!(
        statuspage::read(json).unwrap_err(),
        StatuspageError::UnknownStatus { .. }
    ));
}

#[test]
fn bad_timestamp_names_the_field() {
    let json = r#"[{"id": "x9mb3wh2r6nr", "status": "resolved", "incident_updates": [
        {"id": "abcabcabcabc", "status": "resolved", "created_at": "2020-01-01 noon"}]}]"#;
    let err = statuspage::read(json).unwrap_err();
    assert_eq!(
        err.to_string(),
        "[0] (id \"x9mb3wh2r6nr\"), incident_updates[0] (id \"abcabcabcabc\"), field \"created_at\": \"2020-01-01 noon\" is not an rfc 3339 timestamp"
    );
    let json = r#"{"id": "x9mb3wh2r6nr", "started_at": "yesterday", "incident_updates": []}"#;
    let StatuspageError::BadTimestamp { at, value } = statuspage::read(json).unwrap_err() else {
        panic!()
    };
    assert_eq!(
        (at.field.as_str(), value.as_str()),
        ("started_at", "yesterday")
    );
}

#[test]
fn missing_ids_and_times() {
    let err = statuspage::read(r#"{"name": "x", "incident_updates": []}"#).unwrap_err();
    assert_eq!(err.to_string(), "field \"id\": missing incident id");
    let err = statuspage::read(
        r#"{"id": "x9mb3wh2r6nr", "incident_updates": [{"id": "a", "status": "resolved"}]}"#,
    )
    .unwrap_err();
    assert_eq!(
        err.to_string(),
        "(id \"x9mb3wh2r6nr\"), incident_updates[0] (id \"a\"), field \"display_at\": the update has neither display_at nor created_at"
    );
    // Duplicate update ids: no valid model even under permissive.
    let json = r#"{"id": "x9mb3wh2r6nr", "incident_updates": [
        {"id": "a", "status": "resolved", "created_at": "2020-01-01T00:00:00Z"},
        {"id": "a", "status": "investigating", "created_at": "2019-01-01T00:00:00Z"}]}"#;
    assert!(matches!(
        statuspage::read(json).unwrap_err(),
        StatuspageError::Invalid { .. }
    ));
    // A missing update id is made from the position, with an anomaly.
    let json = r#"{"id": "x9mb3wh2r6nr", "status": "resolved", "incident_updates": [
        {"status": "resolved", "created_at": "2020-01-01T00:00:00Z"}]}"#;
    let doc = statuspage::read(json).unwrap();
    assert_eq!(
        doc.incidents[0].event.updates()[0].id().as_str(),
        "x9mb3wh2r6nr-0"
    );
    // No updates at all: one is made from the status and creation time.
    let json = r#"{"id": "x9mb3wh2r6nr", "status": "investigating", "created_at": "2020-01-01T00:00:00Z", "incident_updates": []}"#;
    let doc = statuspage::read(json).unwrap();
    assert_eq!(doc.count(AnomalyKind::NoUpdates), 1);
    assert_eq!(
        doc.incidents[0].event.status(),
        IncidentStatus::Investigating
    );
}

#[test]
fn a_refused_event_keeps_the_models_typed_error() {
    use std::error::Error;
    // Duplicate update ids: the model refuses the incident.
    let json = r#"{"id": "x9mb3wh2r6nr", "incident_updates": [
        {"id": "a", "status": "resolved", "created_at": "2020-01-01T00:00:00Z"},
        {"id": "a", "status": "investigating", "created_at": "2019-01-01T00:00:00Z"}]}"#;
    let err = statuspage::read(json).unwrap_err();
    let source = err.source().expect("the validation error is the source");
    let typed = source
        .downcast_ref::<ValidationError<IncidentStatus>>()
        .expect("a ValidationError<IncidentStatus>");
    assert!(
        matches!(
            typed,
            ValidationError::DuplicateUpdateId {
                first: 0,
                second: 1,
                ..
            }
        ),
        "{typed:?}"
    );
    // The message is the location, then the model's message.
    assert_eq!(
        err.to_string(),
        format!("(id \"x9mb3wh2r6nr\"), field \"incident_updates\": {typed}")
    );
    let StatuspageError::Invalid { source, .. } = &err else {
        panic!("{err:?}")
    };
    assert_eq!(source, &AnyValidationError::Incident(typed.clone()));
    // A maintenance keeps its own lifecycle's error.
    let json = r#"{"scheduled_maintenances": [{"id": "x9mb3wh2r6nr", "incident_updates": [
        {"id": "a", "status": "scheduled", "created_at": "2020-01-01T00:00:00Z"},
        {"id": "a", "status": "completed", "created_at": "2020-01-02T00:00:00Z"}]}]}"#;
    let err = statuspage::read(json).unwrap_err();
    let source = err.source().expect("the validation error is the source");
    assert!(matches!(
        source.downcast_ref::<ValidationError<MaintenanceStatus>>(),
        Some(ValidationError::DuplicateUpdateId { .. })
    ));
}

#[test]
fn nothing_panics_on_truncated_input() {
    for name in FIXTURES {
        let text = fixture(name);
        for cut in (0..text.len()).step_by(97) {
            if let Some(prefix) = text.get(..cut) {
                let _ = statuspage::read(prefix);
            }
        }
    }
}

// ---------------------------------------------------------------- writing back

#[test]
fn read_write_read_yields_an_equal_model() {
    for name in FIXTURES {
        let doc = read(name);
        let json = doc.to_json().unwrap();
        let again = statuspage::read(&json).unwrap_or_else(|err| panic!("{name}: {err}\n{json}"));
        assert_eq!(again.shape, doc.shape, "{name}");
        let events = |d: &Document| {
            d.incidents
                .iter()
                .map(|r| r.event.clone())
                .collect::<Vec<_>>()
        };
        let maintenances = |d: &Document| {
            d.maintenances
                .iter()
                .map(|r| r.event.clone())
                .collect::<Vec<_>>()
        };
        assert_eq!(events(&again), events(&doc), "{name}");
        assert_eq!(maintenances(&again), maintenances(&doc), "{name}");
        assert_eq!(again.page, doc.page, "{name}");
        assert_eq!(again.status, doc.status, "{name}");
        assert_eq!(again.components, doc.components, "{name}");
        // From then on, write -> read is a fixed point, extras included.
        let third = statuspage::read(&again.to_json().unwrap()).unwrap();
        assert_eq!(third.incidents, again.incidents, "{name}");
        assert_eq!(third.maintenances, again.maintenances, "{name}");
    }
}

#[test]
fn written_updates_are_newest_first_with_milliseconds() {
    let doc = read("emma_like.json");
    let json = statuspage::write_incident(&doc.incidents[1]).unwrap();
    let resolved = json.find("\"b3r3s0lv3d00\"").unwrap();
    let identified = json.find("\"b2id3nt1f13d\"").unwrap();
    assert!(resolved < identified);
    assert!(json.contains(r#""display_at":"2018-12-03T22:45:00.000Z""#));
    assert!(json.contains(r#""resolved_at":"2018-12-03T23:30:00.000Z""#));
    assert!(json.contains(r#""started_at":null"#));
    // The placeholder goes back as it came.
    let json = statuspage::write_incident(&doc.incidents[0]).unwrap();
    assert!(json.contains(r#"{"name":"No components were affected by this update."}"#));
}

mod strict {
    //! A strict reader of the documented schema: required keys, no unknown key.
    #![allow(dead_code)] // the fields are there to be required and typed
    use chrono::{DateTime, Utc};
    use serde::de::IgnoredAny;
    use serde::Deserialize;

    #[derive(Deserialize)]
    #[serde(rename_all = "snake_case")]
    pub enum Status {
        Investigating,
        Identified,
        Monitoring,
        Resolved,
        Postmortem,
        Scheduled,
        InProgress,
        Verifying,
        Completed,
    }

    #[derive(Deserialize)]
    #[serde(rename_all = "snake_case")]
    pub enum Impact {
        None,
        Minor,
        Major,
        Critical,
        Maintenance,
    }

    #[derive(Deserialize)]
    #[serde(rename_all = "snake_case")]
    pub enum ComponentStatus {
        Operational,
        DegradedPerformance,
        PartialOutage,
        MajorOutage,
        UnderMaintenance,
    }

    #[derive(Deserialize)]
    #[serde(untagged)]
    pub enum TweetId {
        Number(u64),
        Text(String),
    }

    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    pub struct Affected {
        pub code: String,
        pub name: String,
        pub old_status: ComponentStatus,
        pub new_status: ComponentStatus,
    }

    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    pub struct Update {
        pub id: String,
        pub status: Status,
        pub body: String,
        pub incident_id: String,
        pub created_at: DateTime<Utc>,
        pub updated_at: DateTime<Utc>,
        pub display_at: DateTime<Utc>,
        pub affected_components: Option<Vec<Affected>>,
        pub deliver_notifications: bool,
        pub custom_tweet: Option<String>,
        pub tweet_id: Option<TweetId>,
        #[serde(default)]
        pub twitter_updated_at: Option<DateTime<Utc>>,
        #[serde(default)]
        pub wants_twitter_update: Option<bool>,
    }

    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    pub struct Component {
        pub id: String,
        pub name: String,
        pub status: ComponentStatus,
        pub group_id: Option<String>,
        #[serde(default)]
        pub page_id: Option<String>,
        #[serde(default)]
        pub created_at: Option<DateTime<Utc>>,
        #[serde(default)]
        pub updated_at: Option<DateTime<Utc>>,
        #[serde(default)]
        pub group: Option<bool>,
        #[serde(default)]
        pub description: Option<String>,
        #[serde(default)]
        pub position: Option<u64>,
        #[serde(default)]
        pub showcase: Option<bool>,
        #[serde(default)]
        pub only_show_if_degraded: Option<bool>,
        #[serde(default)]
        pub automation_email: Option<String>,
        #[serde(default)]
        pub start_date: Option<String>,
    }

    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    pub struct Incident {
        pub id: String,
        pub name: String,
        pub status: Status,
        pub created_at: DateTime<Utc>,
        pub updated_at: DateTime<Utc>,
        pub monitoring_at: Option<DateTime<Utc>>,
        pub resolved_at: Option<DateTime<Utc>>,
        pub impact: Impact,
        pub shortlink: Option<String>,
        pub started_at: Option<DateTime<Utc>>,
        pub page_id: Option<String>,
        pub incident_updates: Vec<Update>,
        pub components: Vec<Component>,
        #[serde(default)]
        pub impact_override: Option<Impact>,
        #[serde(default)]
        pub scheduled_for: Option<DateTime<Utc>>,
        #[serde(default)]
        pub scheduled_until: Option<DateTime<Utc>>,
        #[serde(default)]
        pub postmortem_body: Option<String>,
        #[serde(default)]
        pub reminder_intervals: Option<IgnoredAny>,
        #[serde(default)]
        pub scheduled_remind_prior: Option<bool>,
        #[serde(default)]
        pub scheduled_auto_in_progress: Option<bool>,
        #[serde(default)]
        pub scheduled_auto_completed: Option<bool>,
    }

    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    pub struct Page {
        pub id: String,
        pub name: String,
        pub url: String,
        pub time_zone: String,
        pub updated_at: DateTime<Utc>,
    }

    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    pub struct Incidents {
        pub page: Page,
        pub incidents: Vec<Incident>,
    }
}

#[test]
fn a_strict_reader_of_the_documented_schema_reads_what_is_written() {
    // Every fixture whose input itself follows the documented schema (no
    // placeholders, no unknown keys, no wrong types: those are written back as
    // they came).
    for name in [
        "bare_incident_reminders.json",
        "incidents_pre2019.json",
        "milestone_mismatch.json",
        "scheduled_maintenances.json",
        "started_after_resolved.json",
        "summary.json",
        "tweets.json",
    ] {
        let mut doc = read(name);
        doc.shape = Shape::Incidents;
        // Page components are written beside incidents when a document has
        // them; the documented `incidents.json` has none.
        doc.components.clear();
        if doc.page.is_none() {
            doc.page = read("tweets.json").page;
        }
        let json = doc.to_json().unwrap();
        let strict: strict::Incidents =
            serde_json::from_str(&json).unwrap_or_else(|err| panic!("{name}: {err}\n{json}"));
        assert_eq!(
            strict.incidents.len(),
            doc.incidents.len() + doc.maintenances.len(),
            "{name}"
        );
    }
}

#[test]
fn model_only_incidents_write_and_read_back() {
    let incident = util::march_16();
    let json = statuspage::write_incident(&incident.clone().into()).unwrap();
    let _: strict::Incident = serde_json::from_str(&json).unwrap();
    let again = statuspage::read(&json).unwrap();
    assert_eq!(again.incidents[0].event, incident);
    let _ = Utc.with_ymd_and_hms(2020, 1, 1, 0, 0, 0);
}

mod props {
    use super::*;
    use incident_model::{ComponentChange, ComponentId, EventId, Incident, Update, UpdateId};
    use proptest::prelude::*;
    use util::strategies::{component_status, impact, incident_status};

    prop_compose! {
        fn update_spec()(
            status in incident_status(),
            gap_ms in 1i64..10_000_000,
            created_offset_ms in -5_000i64..5_000,
            body in "[a-zA-Z0-9 .\r\n\u{e9}\u{1f600}\"\\\\]{0,40}",
            change in proptest::option::of((0usize..3, component_status(), component_status())),
        ) -> (IncidentStatus, i64, i64, String, Option<(usize, ComponentStatus, ComponentStatus)>) {
            (status, gap_ms, created_offset_ms, body, change)
        }
    }

    prop_compose! {
        fn incident()(
            specs in proptest::collection::vec(update_spec(), 1..8),
            name in "[a-zA-Z ]{0,20}",
            started_before_ms in proptest::option::of(0i64..100_000),
            impact in impact(),
        ) -> Incident {
            let base = Utc.with_ymd_and_hms(2020, 3, 16, 14, 0, 0).unwrap();
            let mut at = base;
            let mut previous: Option<IncidentStatus> = None;
            let mut builder = Incident::builder(name)
                .id(EventId::new("x9mb3wh2r6nr").unwrap())
                .impact(impact)
                .created_at(base)
                .policy(Policy::permissive());
            if let Some(ms) = started_before_ms {
                builder = builder.started_at(base - chrono::Duration::milliseconds(ms));
            }
            for (i, (status, gap, offset, body, change)) in specs.into_iter().enumerate() {
                at += chrono::Duration::milliseconds(gap);
                let mut update = Update::new(status, at)
                    .with_id(UpdateId::new(format!("u{i:02}")).unwrap())
                    .with_created_at(at + chrono::Duration::milliseconds(offset))
                    .with_body(body);
                if let Some((c, old, new)) = change {
                    let id = ComponentId::new(format!("c{c}")).unwrap();
                    update = update.with_change(ComponentChange::new(id, format!("Component {c}"), old, new));
                }
                if previous.is_some_and(|p| !p.is_open()) && status.is_open() {
                    update = update.reopening();
                }
                previous = Some(status);
                builder = builder.update(update);
            }
            builder.build().unwrap()
        }
    }

    proptest! {
        #[test]
        fn prop_arbitrary_text_never_panics(text in "\\PC{0,200}") {
            let _ = statuspage::read(&text);
        }

        #[test]
        fn prop_a_mutated_document_never_panics(position in 0usize..100_000, byte in any::<u8>(), file in 0usize..11) {
            let mut bytes = fixture(FIXTURES[file % FIXTURES.len()]).into_bytes();
            let at = position % bytes.len();
            bytes[at] = byte;
            if let Ok(doc) = statuspage::read_slice(&bytes) {
                // Whatever was read can be written and read again.
                let again = statuspage::read(&doc.to_json().unwrap()).unwrap();
                prop_assert_eq!(again.incidents.len() + again.maintenances.len(), doc.incidents.len() + doc.maintenances.len());
            }
        }

        #[test]
        fn prop_read_write_read_is_the_identity(incident in incident()) {
            let expected_policy = if incident.violations(&Policy::standard()).is_empty() {
                Policy::standard()
            } else {
                Policy::permissive()
            };
            let expected = incident.clone().revalidate(expected_policy).unwrap();
            let json = statuspage::write_incident(&incident.clone().into()).unwrap();
            let _: strict::Incident = serde_json::from_str(&json).unwrap();
            let once = statuspage::read(&json).unwrap();
            prop_assert_eq!(&once.incidents[0].event, &expected);
            let twice = statuspage::read(&statuspage::write_incident(&once.incidents[0]).unwrap()).unwrap();
            prop_assert_eq!(&twice.incidents, &once.incidents);
        }
    }
}

#[test]
fn updates_of_both_lifecycles_are_an_error() {
    let json = r#"{"id": "x9mb3wh2r6nr", "incident_updates": [
        {"id": "abcabcabcabc", "status": "investigating", "created_at": "2020-01-02T00:00:00Z"},
        {"id": "defdefdefdef", "status": "scheduled", "created_at": "2020-01-01T00:00:00Z"}]}"#;
    let err = statuspage::read(json).unwrap_err();
    assert_eq!(
        err.to_string(),
        "(id \"x9mb3wh2r6nr\"), incident_updates[1] (id \"defdefdefdef\"), field \"status\": \"scheduled\" is not in the incident lifecycle: the updates mix incident and maintenance statuses (unknown incident status \"scheduled\": expected one of investigating, identified, monitoring, resolved, postmortem)"
    );
}

#[test]
fn events_after_the_page_snapshot_are_reported() {
    // A summary spliced from two captures: the maintenance is newer than the page.
    let json = r#"{"page": {"id": "kq8w2m4n6p1r", "updated_at": "2020-05-22T20:50:20.457Z"},
      "scheduled_maintenances": [{"id": "skzhfwy9kf8q", "name": "m", "status": "scheduled", "impact": "maintenance",
        "created_at": "2020-09-14T09:33:28.071Z", "started_at": "2020-09-14T09:33:28.071Z", "components": [],
        "scheduled_for": "2020-09-20T00:00:00.000Z", "scheduled_until": "2020-09-20T02:00:00.000Z",
        "incident_updates": [{"id": "0h1j2k3l4m5n", "status": "scheduled", "body": "Planned.",
          "created_at": "2020-09-14T09:33:28.071Z", "display_at": "2020-09-14T09:33:28.071Z"}]}]}"#;
    let doc = statuspage::read(json).unwrap();
    assert_eq!(doc.shape, Shape::ScheduledMaintenances);
    assert_eq!(kinds(&doc), BTreeMap::from([("after_page_update", 1)]));
    assert_eq!(
        doc.anomalies[0].to_string(),
        "after_page_update in incident \"skzhfwy9kf8q\": created_at 2020-09-14T09:33:28.071Z is after the page's updated_at 2020-05-22T20:50:20.457Z"
    );
}

/// An incident object whose updates are `(id, status, created_at)`, in that
/// order.
fn with_updates(updates: &[(&str, &str, &str)]) -> String {
    let updates: Vec<String> = updates
        .iter()
        .map(|(id, status, at)| {
            format!(r#"{{"id": "{id}", "status": "{status}", "body": "", "created_at": "{at}", "display_at": "{at}"}}"#)
        })
        .collect();
    format!(
        r#"{{"id": "t1edt1med000", "name": "x", "status": "resolved", "impact": "none",
  "created_at": "2020-01-01T10:00:00Z", "incident_updates": [{}]}}"#,
        updates.join(", ")
    )
}

fn statuses(json: &str) -> Vec<IncidentStatus> {
    let doc = statuspage::read(json).unwrap();
    doc.incidents[0]
        .event
        .updates()
        .iter()
        .map(|u| u.status())
        .collect()
}

#[test]
fn tied_times_keep_the_order_of_an_oldest_first_array() {
    use IncidentStatus::*;
    let oldest_first = with_updates(&[
        ("a", "investigating", "2020-01-01T10:00:00Z"),
        ("b", "identified", "2020-01-01T11:00:00Z"),
        ("c", "resolved", "2020-01-01T11:00:00Z"),
    ]);
    assert_eq!(
        statuses(&oldest_first),
        [Investigating, Identified, Resolved]
    );
    let newest_first = with_updates(&[
        ("c", "resolved", "2020-01-01T11:00:00Z"),
        ("b", "identified", "2020-01-01T11:00:00Z"),
        ("a", "investigating", "2020-01-01T10:00:00Z"),
    ]);
    assert_eq!(
        statuses(&newest_first),
        [Investigating, Identified, Resolved]
    );
    // Only tied times: read newest-first, as Statuspage sends them.
    let tied = with_updates(&[
        ("a", "investigating", "2020-01-01T10:00:00Z"),
        ("b", "resolved", "2020-01-01T10:00:00Z"),
    ]);
    assert_eq!(statuses(&tied), [Resolved, Investigating]);
    // What is written reads back in the same order.
    for json in [oldest_first, tied] {
        let doc = statuspage::read(&json).unwrap();
        let again = statuspage::read(&doc.to_json().unwrap()).unwrap();
        assert_eq!(again.incidents[0].event, doc.incidents[0].event);
    }
}

#[test]
fn a_byte_order_mark_is_skipped_and_reported() {
    let json = format!(
        "\u{feff}{}",
        with_updates(&[("a", "resolved", "2020-01-01T10:00:00Z")])
    );
    for doc in [
        statuspage::read(&json).unwrap(),
        statuspage::read_slice(json.as_bytes()).unwrap(),
    ] {
        assert_eq!(doc.anomalies[0].kind, AnomalyKind::ByteOrderMark);
        assert_eq!(doc.count(AnomalyKind::ByteOrderMark), 1);
        assert_eq!(doc.incidents.len(), 1);
        assert!(!doc.to_json().unwrap().starts_with('\u{feff}'));
    }
    // Not UTF-8 after the mark: the error is the real one, not the mark.
    let mut bytes = json.into_bytes();
    bytes.push(0xff);
    let err = statuspage::read_slice(&bytes).unwrap_err();
    assert!(err.to_string().contains("trailing characters"), "{err}");
}

#[test]
fn a_leap_second_is_read_written_and_read_again() {
    let json = with_updates(&[
        ("c", "resolved", "2020-01-01T14:01:00Z"),
        ("b", "monitoring", "2020-01-01T14:00:60Z"),
        ("a", "investigating", "2020-01-01T14:00:59Z"),
    ]);
    let doc = statuspage::read(&json).unwrap();
    let event = &doc.incidents[0].event;
    let ids: Vec<&str> = event.updates().iter().map(|u| u.id().as_str()).collect();
    assert_eq!(ids, ["a", "b", "c"]);
    let [a, b, c] = [0, 1, 2].map(|i| event.updates()[i].display_at());
    assert_eq!((b - a).num_milliseconds(), 1000);
    assert_eq!((c - b).num_milliseconds(), 1000);
    let written = doc.to_json().unwrap();
    assert!(
        written.contains(r#""display_at":"2020-01-01T14:00:60.000Z""#),
        "{written}"
    );
    assert_eq!(
        statuspage::read(&written).unwrap().incidents[0].event,
        *event
    );
}

/// `Limits::max_id_bytes` and `max_name_bytes` bound a page's components and
/// a component's `group_id` too, naming where (they were read unchecked).
#[test]
fn page_components_and_group_ids_are_within_the_limits() {
    let long = "x".repeat(2 << 10);
    for (component, field) in [
        (
            format!(r#"{{"id": "{long}", "name": "API"}}"#),
            "components[0].id",
        ),
        (
            format!(r#"{{"id": "c", "name": "{}"}}"#, "n".repeat(65 << 10)),
            "components[0].name",
        ),
        (
            format!(r#"{{"id": "c", "name": "API", "group_id": "{long}"}}"#),
            "components[0].group_id",
        ),
    ] {
        let input = format!(r#"{{"page": {{"id": "p"}}, "components": [{component}]}}"#);
        let err = statuspage::read(&input).unwrap_err();
        assert!(
            matches!(&err, StatuspageError::LimitExceeded { at: Some(at), .. } if at.field == field),
            "{field}: {err}"
        );
    }
    let mut limits = statuspage::Limits::default();
    limits.max_id_bytes = 4 << 10;
    let input =
        format!(r#"{{"page": {{"id": "p"}}, "components": [{{"id": "{long}", "name": "API"}}]}}"#);
    assert!(statuspage::read_with(&input, &limits).is_ok());
}

/// Issue 17: a backdated update's anomaly gives the gap as durations are
/// printed elsewhere ("1d 5h"), not in raw milliseconds.
#[test]
fn backdated_display_detail_is_a_human_duration() {
    let doc = statuspage::read(
        r#"{"incidents": [{"id": "abc", "name": "Slow", "status": "resolved",
        "created_at": "2020-03-01T08:10:00Z", "incident_updates": [{"id": "u1",
        "status": "resolved", "body": "Fixed.", "created_at": "2020-03-02T14:00:00Z",
        "display_at": "2020-03-01T08:10:00Z"}]}]}"#,
    )
    .unwrap();
    let anomaly = doc
        .anomalies
        .iter()
        .find(|a| a.kind == statuspage::AnomalyKind::BackdatedDisplay)
        .unwrap();
    assert!(
        anomaly.detail.contains(" is 1d 5h before created_at "),
        "{}",
        anomaly.detail
    );
}
