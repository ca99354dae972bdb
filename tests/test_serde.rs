//! The crate's own serde format: shape, round trips, and rejections with the
//! constructors' errors.
#![cfg(feature = "json")]

mod util;

use incident_model::{
    FormatError, Incident, IncidentStatus, Maintenance, Policy, Preset, ValidationError,
};
use proptest::prelude::*;
use serde_json::json;
use util::*;

#[test]
fn march_16_serializes_to_the_documented_shape() {
    let value = serde_json::to_value(march_16()).unwrap();
    assert_eq!(value["id"], "tm-2020-03-16");
    assert_eq!(value["name"], "Slow page loads");
    assert_eq!(value["impact"], "minor");
    assert_eq!(value["components"], json!([{"id": "api", "name": "API"}]));
    assert_eq!(value["created_at"], "2020-03-16T14:28:00Z");
    assert_eq!(value["policy"], "standard");
    assert!(value.get("started_at").is_none());
    assert!(value.get("schedule").is_none());
    let first = &value["updates"][0];
    assert_eq!(
        *first,
        json!({
            "id": "u01",
            "status": "identified",
            "body": MARCH_16_UPDATES[0].4,
            "display_at": "2020-03-16T14:28:00Z",
            "created_at": "2020-03-16T14:28:00Z",
            "component_changes": [{
                "component_id": "api", "name": "API",
                "old_status": "operational", "new_status": "degraded_performance"
            }]
        })
    );
    assert_eq!(value["updates"].as_array().unwrap().len(), 10);
    assert_eq!(value["updates"][9]["status"], "postmortem");
}

#[test]
fn round_trips_to_an_equal_value() {
    let incident = march_16();
    let json = serde_json::to_string(&incident).unwrap();
    assert_eq!(serde_json::from_str::<Incident>(&json).unwrap(), incident);
    assert_eq!(Incident::from_json(&incident.to_json()).unwrap(), incident);
}

#[test]
fn reopens_schedules_and_custom_policies_round_trip() {
    use chrono::Duration;
    use incident_model::{MaintenanceStatus::*, Schedule, Update};
    let start = edt(19, 0);
    let custom =
        Policy::<incident_model::MaintenanceStatus>::standard().forbidding(Scheduled, Verifying);
    let maintenance = Maintenance::builder("Upgrade")
        .id(incident_id("m-1"))
        .policy(custom)
        .scheduled(Schedule::new(start, start + Duration::hours(1)))
        .update(Update::new(Scheduled, start - Duration::days(1)).with_id(update_id("a")))
        .update(
            Update::new(Completed, start + Duration::hours(1))
                .with_id(update_id("b"))
                .with_created_at(start),
        )
        .update(
            Update::new(InProgress, start + Duration::hours(2))
                .with_id(update_id("c"))
                .reopening(),
        )
        .build()
        .unwrap();
    let value = serde_json::to_value(&maintenance).unwrap();
    assert_eq!(
        value["schedule"],
        json!({"scheduled_for": "2020-03-16T23:00:00Z", "scheduled_until": "2020-03-17T00:00:00Z"})
    );
    assert_eq!(value["updates"][2]["reopen"], true);
    assert!(value["updates"][1].get("reopen").is_none());
    assert_eq!(
        value["policy"]["first"],
        json!(["scheduled", "in_progress", "verifying", "completed"])
    );
    assert_eq!(
        value["policy"]["moves"].as_array().unwrap().len(),
        custom.moves().count()
    );
    let back: Maintenance = serde_json::from_value(value).unwrap();
    assert_eq!(back, maintenance);
    assert_eq!(back.policy(), custom);
}

fn minimal() -> serde_json::Value {
    json!({
        "id": "inc-9",
        "name": "Errors",
        "impact": "major",
        "created_at": "2020-03-16T10:28:00-04:00",
        "updates": [
            {"id": "u1", "status": "investigating", "display_at": "2020-03-16T10:28:00.000-04:00", "created_at": "2020-03-16T14:28:00Z"},
            {"id": "u2", "status": "resolved", "body": "Fixed.", "display_at": "2020-03-16T15:00:00.5+00:00", "created_at": "2020-03-16T15:00:00Z"}
        ]
    })
}

#[test]
fn optional_fields_default_and_any_offset_or_precision_parses() {
    let incident: Incident = serde_json::from_value(minimal()).unwrap();
    assert_eq!(incident.policy(), Policy::standard());
    assert!(incident.components().is_empty());
    assert_eq!(incident.created_at(), edt(10, 28));
    assert_eq!(incident.updates()[0].display_at(), edt(10, 28));
    assert_eq!(incident.updates()[0].body(), "");
    assert_eq!(
        incident.updates()[1].display_at().timestamp_subsec_millis(),
        500
    );
}

/// Deserializes `value` both ways: serde's message and `from_json`'s typed error.
fn reject(value: serde_json::Value) -> (String, FormatError<IncidentStatus>) {
    let text = value.to_string();
    let message = serde_json::from_str::<Incident>(&text)
        .unwrap_err()
        .to_string();
    (message, Incident::from_json(&text).unwrap_err())
}

#[test]
fn invalid_data_gets_the_builders_error() {
    let mut value = minimal();
    value["updates"] = json!([]);
    let (message, err) = reject(value);
    let expected = ValidationError::NoUpdates {
        event: incident_id("inc-9"),
    };
    assert!(message.starts_with(&expected.to_string()), "{message}");
    assert_eq!(err, FormatError::Invalid(expected));

    let mut value = minimal();
    value["updates"][1]["status"] = json!("investigating");
    value["updates"][1]["id"] = json!("u1");
    let (message, err) = reject(value);
    assert!(
        message
            .starts_with("incident \"inc-9\": updates[0] and updates[1] have the same id \"u1\""),
        "{message}"
    );
    assert!(matches!(
        err,
        FormatError::Invalid(ValidationError::DuplicateUpdateId { .. })
    ));
}

#[test]
fn illegal_moves_and_reopens_are_rejected() {
    let mut value = minimal();
    value["updates"][0]["status"] = json!("postmortem");
    let (message, err) = reject(value);
    assert!(message.starts_with(
        "incident \"inc-9\", updates[0] (id \"u1\", display_at 2020-03-16T14:28:00Z): first status postmortem refused"
    ), "{message}");
    assert!(matches!(
        err,
        FormatError::Invalid(ValidationError::Transition(_))
    ));

    let mut value = minimal();
    value["updates"][0]["status"] = json!("resolved");
    value["updates"][1]["status"] = json!("investigating");
    let (message, _) = reject(value.clone());
    assert!(
        message.contains(
            "move resolved -> investigating refused under the standard policy: it reopens"
        ),
        "{message}"
    );
    value["updates"][1]["reopen"] = json!(true);
    assert!(serde_json::from_value::<Incident>(value).unwrap().updates()[1].is_reopen());
}

#[test]
fn out_of_order_updates_are_rejected() {
    let mut value = minimal();
    let updates = value["updates"].as_array_mut().unwrap();
    updates.reverse();
    let (message, err) = reject(value);
    assert!(message.starts_with("incident \"inc-9\", updates[1] (id \"u1\", display_at 2020-03-16T14:28:00Z): out of display order"), "{message}");
    assert!(matches!(
        err,
        FormatError::Invalid(ValidationError::OutOfOrder { position: 1, .. })
    ));
}

#[test]
fn the_policy_in_the_document_is_the_one_checked() {
    let mut value = minimal();
    value["updates"][0]["status"] = json!("monitoring");
    value["updates"][1]["status"] = json!("investigating");
    value["policy"] = json!("strict");
    let (message, _) = reject(value.clone());
    assert!(
        message.contains("move monitoring -> investigating refused under the strict policy"),
        "{message}"
    );
    value["policy"] = json!("permissive");
    assert_eq!(
        serde_json::from_value::<Incident>(value.clone())
            .unwrap()
            .policy()
            .preset(),
        Some(Preset::Permissive)
    );
    value["policy"] = json!("lenient");
    let (message, err) = reject(value);
    assert!(message.starts_with("unknown policy \"lenient\": expected standard, strict, permissive or a {first, moves} table"), "{message}");
    assert!(matches!(err, FormatError::Syntax { .. }));
}

#[test]
fn shape_errors_are_syntax_errors_with_line_and_column() {
    let cases: &[(&str, &str)] = &[
        ("", "json at line 1, column 0: EOF while parsing a value"),
        (
            "{\"id\": ",
            "json at line 1, column 7: EOF while parsing a value",
        ),
        (
            "[]",
            "json at line 1, column 2: invalid length 0, expected an incident or maintenance object",
        ),
    ];
    for (input, expected) in cases {
        assert_eq!(
            Incident::from_json(input).unwrap_err().to_string(),
            *expected,
            "{input:?}"
        );
    }
    let text = "{\n  \"id\": \"x\",\n  \"name\": \"n\",\n  \"impact\": \"severe\"\n}";
    let err = Incident::from_json(text).unwrap_err();
    let FormatError::Syntax(syntax) = err else {
        panic!("{err:?}")
    };
    assert_eq!(
        (syntax.line, syntax.column, syntax.message.as_str()),
        (
            4,
            20,
            "unknown impact \"severe\": expected one of none, maintenance, minor, major, critical"
        )
    );
}

#[test]
fn bad_fields_are_rejected_not_dropped() {
    let cases = [
        ("status", json!("fixed"), "unknown incident status \"fixed\""),
        ("status", json!(""), "unknown incident status \"\""),
        ("display_at", json!("2020-03-16 10:28"), "invalid display_at \"2020-03-16 10:28\": expected an RFC 3339 timestamp such as 2020-03-16T14:28:00Z ("),
        ("display_at", json!("yesterday"), "invalid display_at \"yesterday\": expected an RFC 3339 timestamp such as 2020-03-16T14:28:00Z ("),
        ("created_at", json!("+275760-09-13T00:00:00Z"), "invalid created_at \"+275760-09-13T00:00:00Z\": expected an RFC 3339"),
        ("display_at", json!("2020-02-30T00:00:00Z"), "invalid display_at \"2020-02-30T00:00:00Z\": expected an RFC 3339 timestamp such as 2020-03-16T14:28:00Z (input is out of range)"),
        ("display_at", json!(null), "invalid type: null, expected a string"),
        ("id", json!(""), "empty update id: an id must have at least one character"),
        ("id", json!(12), "invalid type: integer `12`, expected a string"),
        ("colour", json!("red"), "unknown field `colour`"),
    ];
    for (field, bad, expected) in cases {
        let mut value = minimal();
        value["updates"][1][field] = bad.clone();
        let (message, err) = reject(value);
        assert!(message.starts_with(expected), "{field}={bad}: {message}");
        assert!(matches!(err, FormatError::Syntax { .. }), "{field}={bad}");
    }
}

#[test]
fn maintenance_and_incident_formats_do_not_mix() {
    let mut value = minimal();
    value["schedule"] =
        json!({"scheduled_for": "2020-03-16T10:00:00Z", "scheduled_until": "2020-03-16T11:00:00Z"});
    let (message, err) = reject(value.clone());
    assert!(
        message.starts_with(
            "incident \"inc-9\": has a scheduled window, which only maintenances have"
        ),
        "{message}"
    );
    assert!(matches!(
        err,
        FormatError::Invalid(ValidationError::UnexpectedSchedule { .. })
    ));
    let err = serde_json::from_value::<Maintenance>(value).unwrap_err();
    assert!(
        err.to_string()
            .starts_with("unknown maintenance status \"investigating\""),
        "{err}"
    );
}

mod strategies {
    use super::*;
    use chrono::Duration;
    use incident_model::{ComponentChange, ComponentId, MoveKind, Update, UpdateId};

    fn change() -> impl Strategy<Value = ComponentChange> {
        (
            "[a-z0-9]{1,12}",
            any::<String>(),
            util::strategies::component_status(),
            util::strategies::component_status(),
        )
            .prop_map(|(id, name, old, new)| {
                ComponentChange::new(ComponentId::new(id).unwrap(), name, old, new)
            })
    }

    /// An incident whose moves are all legal under `permissive` (reopens marked).
    pub fn incident() -> impl Strategy<Value = Incident> {
        let update = (
            util::strategies::incident_status(),
            any::<String>(),
            0..100_000i64,
            0..100_000i64,
            prop::collection::vec(change(), 0..3),
        );
        (
            util::strategies::time(),
            any::<String>(),
            prop::collection::vec(update, 1..40),
            any::<bool>(),
        )
            .prop_map(|(start, name, updates, started)| {
                let mut builder = Incident::builder(name).policy(Policy::permissive());
                if started {
                    builder = builder.started_at(start - Duration::minutes(5));
                }
                let mut at = start;
                let mut drafts = Vec::with_capacity(updates.len());
                for (i, (status, body, gap, created, changes)) in updates.into_iter().enumerate() {
                    at += Duration::seconds(gap);
                    let mut u = Update::new(status, at)
                        .with_id(UpdateId::new(format!("u{i}")).unwrap())
                        .with_body(body)
                        .with_created_at(at + Duration::milliseconds(created));
                    for c in changes {
                        u = u.with_change(c);
                    }
                    drafts.push(u);
                }
                // Mark reopens in display order, the order the builder checks.
                drafts.sort_by_key(|u| (u.display_at(), u.created_at()));
                let mut previous = None;
                for u in drafts {
                    let status = u.status();
                    let u = if MoveKind::of(previous, status) == MoveKind::Reopen {
                        u.reopening()
                    } else {
                        u
                    };
                    previous = Some(status);
                    builder = builder.update(u);
                }
                builder.build().unwrap()
            })
    }
}

proptest! {
    // Each case builds, writes and reads a whole incident: 32 by default.
    #![proptest_config(ProptestConfig::with_cases(util::sizes::proptest_cases(32)))]

    #[test]
    fn prop_own_format_round_trips(incident in strategies::incident()) {
        let json = serde_json::to_string(&incident).unwrap();
        prop_assert_eq!(&serde_json::from_str::<Incident>(&json).unwrap(), &incident);
        prop_assert_eq!(Incident::from_json(&incident.to_json()).unwrap(), incident);
    }

    #[test]
    fn prop_rejected_moves_are_rejected_by_serde_too(incident in strategies::incident()) {
        // A permissive incident read under `standard` fails exactly when it has violations.
        let mut value = serde_json::to_value(&incident).unwrap();
        value["policy"] = json!("standard");
        let violations = incident.violations(&Policy::standard());
        match Incident::from_json(&value.to_string()) {
            Ok(read) => prop_assert!(violations.is_empty(), "{:?}", read),
            Err(FormatError::Invalid(err)) => prop_assert_eq!(Some(&err), violations.first()),
            Err(other) => prop_assert!(false, "{}", other),
        }
    }
}

/// Issue 17, papercut 14: an application keeps its own data beside an
/// incident, in `labels`, and it round-trips.
#[test]
fn an_applications_labels_round_trip_and_other_fields_are_still_refused() {
    let mut value = minimal();
    value["labels"] = json!({"severity": "sev1", "team": "payments"});
    let incident: Incident = serde_json::from_value(value.clone()).unwrap();
    assert_eq!(incident.labels()["severity"], "sev1");
    let written: serde_json::Value = serde_json::from_str(&incident.to_json()).unwrap();
    assert_eq!(written["labels"], value["labels"]);
    assert_eq!(Incident::from_json(&incident.to_json()).unwrap(), incident);
    // Labels are part of the value.
    let mut relabelled = incident.clone();
    relabelled
        .labels_mut()
        .insert("severity".into(), "sev2".into());
    assert_ne!(relabelled, incident);
    let hash = |event: &Incident| {
        use std::hash::{BuildHasher, BuildHasherDefault, DefaultHasher};
        BuildHasherDefault::<DefaultHasher>::default().hash_one(event)
    };
    assert_eq!(hash(&incident.clone()), hash(&incident));
    assert_ne!(hash(&relabelled), hash(&incident));
    // None: no key written.
    let plain: Incident = serde_json::from_value(minimal()).unwrap();
    assert!(!plain.to_json().contains("labels"));
    // A field of the application's own beside the model's is still a typo.
    let mut typo = minimal();
    typo["severity"] = json!("sev1");
    let (message, _) = reject(typo);
    assert!(message.contains("unknown field `severity`"), "{message}");
    // Values are text.
    let mut number = minimal();
    number["labels"] = json!({"severity": 1});
    let (message, _) = reject(number);
    assert!(message.contains("expected a string"), "{message}");
}

#[test]
fn the_builder_sets_labels_and_into_parts_keeps_them() {
    let incident = Incident::builder("Errors")
        .label("team", "api")
        .label("team", "payments")
        .update(incident_model::Update::new(
            IncidentStatus::Investigating,
            edt(10, 28),
        ))
        .build()
        .unwrap();
    assert_eq!(incident.labels().len(), 1);
    assert_eq!(incident.labels()["team"], "payments");
    let parts = incident.clone().into_parts();
    assert_eq!(parts.labels["team"], "payments");
    assert_eq!(
        Incident::from_parts(parts, Policy::standard()).unwrap(),
        incident
    );
}

/// DESIGN: Google Cloud's `end` is a model field, the declared end of impact,
/// and the own format keeps it.
#[test]
fn a_declared_end_round_trips_and_a_bad_one_is_named() {
    let mut value = minimal();
    value["declared_end"] = json!("2020-03-16T10:55:00-04:00");
    let incident: Incident = serde_json::from_value(value).unwrap();
    assert_eq!(incident.declared_end(), Some(edt(10, 55)));
    assert_eq!(Incident::from_json(&incident.to_json()).unwrap(), incident);
    let plain: Incident = serde_json::from_value(minimal()).unwrap();
    assert!(!plain.to_json().contains("declared_end"));
    let mut bad = minimal();
    bad["declared_end"] = json!("soon");
    let (message, _) = reject(bad);
    assert!(
        message.contains("invalid declared_end \"soon\""),
        "{message}"
    );
}
