//! The report: written expectations of its text and JSON outputs over a small
//! set of events (the 16 March 2020 incident, an open regressing incident, a
//! reopened incident, a maintenance), worked out by hand:
//!
//! - 16 March: identified at once (0s), monitoring after 3h 14m, resolved after
//!   7h 23m; the API was in a major outage 11:17-11:40 EDT: 23m of downtime.
//! - "Login errors" (open at as_of = 20 March 14:00 UTC): partial outage
//!   10:00-12:00 (2h x 0.3 = 36m) then major outage 12:00-14:00 (2h): 2h 36m;
//!   monitoring -> investigating is one regression.
//! - "Video visits fail": resolved at 10:00, reopened at 11:00 (identified:
//!   2h after opening), resolved again at 12:00: time to resolve 3h, one reopen.
//! - "Database move": a maintenance; verifying after 1d 15h 40m, completed after
//!   1d 15h 55m (printed "1d 15h"); under maintenance weighs nothing.
#![cfg(feature = "serde")]

#[cfg(feature = "statuspage")]
#[path = "../examples/common/notes.rs"]
mod notes;
mod util;

use chrono::{DateTime, TimeZone, Utc};
use incident_model::output::report::{AsOfBasis, Note, Report, Row};
use incident_model::{
    AnyEvent, AnyStatus, ComponentChange, ComponentId, ComponentStatus::*, EventKind, Impact,
    Incident, IncidentStatus::*, Maintenance, MaintenanceStatus, Update, Weights,
};
use util::*;

fn at(day: u32, hour: u32, minute: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2020, 3, day, hour, minute, 0).unwrap()
}

fn login_errors() -> Incident {
    let web = ComponentId::new("web").unwrap();
    let change = |old, new| ComponentChange::new(web.clone(), "Website", old, new);
    Incident::builder("Login errors")
        .id(incident_id("open-1"))
        .update(
            Update::new(Investigating, at(20, 10, 0))
                .with_change(change(Operational, PartialOutage)),
        )
        .update(Update::new(Monitoring, at(20, 11, 0)))
        .update(
            Update::new(Investigating, at(20, 12, 0))
                .with_change(change(PartialOutage, MajorOutage)),
        )
        .build()
        .unwrap()
}

fn video_visits() -> Incident {
    Incident::builder("Video visits fail")
        .id(incident_id("reopen-1"))
        .impact(Impact::Major)
        .update(Update::new(Investigating, at(18, 9, 0)))
        .update(Update::new(Resolved, at(18, 10, 0)))
        .reopen(Update::new(Identified, at(18, 11, 0)))
        .update(Update::new(Resolved, at(18, 12, 0)))
        .build()
        .unwrap()
}

fn database_move() -> Maintenance {
    let db = ComponentId::new("db").unwrap();
    let change = |old, new| ComponentChange::new(db.clone(), "Database", old, new);
    Maintenance::builder("Database move")
        .id(incident_id("maint-1"))
        .update(Update::new(MaintenanceStatus::Scheduled, at(17, 12, 0)))
        .update(
            Update::new(MaintenanceStatus::InProgress, at(19, 3, 0))
                .with_change(change(Operational, UnderMaintenance)),
        )
        .update(Update::new(MaintenanceStatus::Verifying, at(19, 3, 40)))
        .update(
            Update::new(MaintenanceStatus::Completed, at(19, 3, 55))
                .with_change(change(UnderMaintenance, Operational)),
        )
        .build()
        .unwrap()
}

fn report() -> Report {
    let mut report = Report::new(at(20, 14, 0), AsOfBasis::Given);
    report.push(&march_16(), []);
    report.push(
        &login_errors(),
        [Note::new(
            "missing_started_at",
            "the start is the creation time",
        )],
    );
    report.push(&video_visits(), []);
    report.push(&database_move(), []);
    report.push_note(Note::new(
        "mixed_offsets",
        "offsets -04:00 and -05:00 in one document",
    ));
    report
}

const TEXT: &str = "\
Report as of 2020-03-20T14:00:00Z (as given)
Open events are measured until then; downtime by the statuspage rule: major_outage 1, partial_outage 0.3, degraded_performance 0, under_maintenance 0

tm-2020-03-16 \"Slow page loads\"
  incident, status postmortem, impact minor, 10 updates
  opened 2020-03-16T14:28:00Z, resolved 2020-03-16T21:51:00Z
  time to identify 0s, to monitor 3h 14m, to resolve 7h 23m
  regressions 0, reopens 0
  affected components:
    API (api): worst major_outage, weighted downtime 23m
  anomalies: none

open-1 \"Login errors\"
  incident, status investigating, impact critical, 3 updates
  opened 2020-03-20T10:00:00Z, resolved -
  time to identify -, to monitor 1h, to resolve -
  regressions 1, reopens 0
  affected components:
    Website (web): worst major_outage, weighted downtime 2h 36m
  anomalies:
    missing_started_at: the start is the creation time

reopen-1 \"Video visits fail\"
  incident, status resolved, impact major, 4 updates
  opened 2020-03-18T09:00:00Z, resolved 2020-03-18T12:00:00Z
  time to identify 2h, to monitor -, to resolve 3h
  regressions 0, reopens 1
  affected components: none
  anomalies: none

maint-1 \"Database move\"
  maintenance, status completed, impact maintenance, 4 updates
  opened 2020-03-17T12:00:00Z, resolved 2020-03-19T03:55:00Z
  no planned window, ran 55m
  regressions 0, reopens 0
  affected components:
    Database (db): worst under_maintenance, weighted downtime 0s
  anomalies: none

Document-wide
  anomalies:
    mixed_offsets: offsets -04:00 and -05:00 in one document

Summary: 3 incidents, 1 maintenance, 1 open, 2 anomalies
Durations of the incidents (nearest-rank percentiles):
                             count       p50       p90       p95       p99       min       max      mean
  time to identify               2        0s        2h        2h        2h        0s        2h        1h
  time to monitor                2        1h    3h 14m    3h 14m    3h 14m        1h    3h 14m     2h 7m
  time to resolve                2        3h    7h 23m    7h 23m    7h 23m        3h    7h 23m    5h 11m
Time to resolve by impact:
                             count       p50       p90       p95       p99       min       max      mean
  impact critical                0         -         -         -         -         -         -         -
  impact major                   1        3h        3h        3h        3h        3h        3h        3h
  impact minor                   1    7h 23m    7h 23m    7h 23m    7h 23m    7h 23m    7h 23m    7h 23m
Maintenances against their plan: 0 started late, 0 overran, 0 finished early, 0 never reported a start
                             count       p50       p90       p95       p99       min       max      mean
  start delay                    0         -         -         -         -         -         -         -
  overrun                        0         -         -         -         -         -         -         -
  duration                       1       55m       55m       55m       55m       55m       55m       55m
";

/// One mixed list of `AnyEvent`s gives the rows (and summary) the typed
/// lists give, each row field the typed event's own figure.
#[test]
fn a_mixed_list_gives_the_rows_of_the_typed_lists() {
    let as_of = at(20, 14, 0);
    let weights = Weights::default();
    let incidents = [march_16(), login_errors(), video_visits()];
    let maintenances = [database_move()];
    let mixed: Vec<AnyEvent> = [maintenances[0].clone().into()]
        .into_iter()
        .chain(incidents.iter().cloned().map(AnyEvent::from))
        .collect();

    let mut typed = Report::new(as_of, AsOfBasis::Given);
    for maintenance in &maintenances {
        typed.push(maintenance, []);
    }
    for incident in &incidents {
        typed.push(incident, []);
    }
    let mut any = Report::new(as_of, AsOfBasis::Given);
    for event in &mixed {
        any.push(event, []);
    }
    assert_eq!(any.rows(), typed.rows());
    assert_eq!(any.summary(), typed.summary());
    assert_eq!(any.to_string(), typed.to_string());

    // Each row holds what the typed event says of itself.
    let maintenance = &maintenances[0];
    let row = Row::of(&mixed[0], as_of, &weights);
    assert_eq!(row.kind, EventKind::Maintenance);
    assert_eq!(row.status, AnyStatus::Maintenance(maintenance.status()));
    // A maintenance has no incident durations: it is measured against its plan.
    assert_eq!(row.time_to_monitor, None);
    assert_eq!(row.time_to_resolve, None);
    for (event, incident) in mixed[1..].iter().zip(&incidents) {
        let row = Row::of(event.to_ref(), as_of, &weights);
        assert_eq!(row.kind, EventKind::Incident);
        assert_eq!(row.status, AnyStatus::Incident(incident.status()));
        assert_eq!(row.id, *incident.id());
        assert_eq!(row.updates, incident.updates().len());
        assert_eq!(row.opened_at, incident.opened_at());
        assert_eq!(row.resolved_at, incident.resolved_at());
        assert_eq!(row.time_to_identify, incident.time_to_identify());
        assert_eq!(row.time_to_monitor, incident.time_to_monitor());
        assert_eq!(row.time_to_resolve, incident.time_to_resolve());
        assert_eq!(
            (row.regressions, row.reopens),
            (incident.regressions(), incident.reopens())
        );
        let affected = incident.affected_components(as_of);
        assert_eq!(event.affected_components(as_of), affected);
        let downtime: Vec<_> = affected
            .iter()
            .map(|c| c.weighted_downtime(&weights))
            .collect();
        let rows: Vec<_> = row
            .affected_components
            .iter()
            .map(|c| c.weighted_downtime)
            .collect();
        assert_eq!(rows, downtime);
    }
}

#[test]
fn text_report() {
    let text = report().to_string();
    assert_eq!(text, TEXT, "got:\n{text}");
}

#[test]
fn json_report() {
    let json = serde_json::to_value(report()).unwrap();
    let expected = serde_json::json!({
        "incidents": [
            {
                "id": "tm-2020-03-16", "name": "Slow page loads", "kind": "incident",
                "status": "postmortem", "impact": "minor", "updates": 10,
                "opened_at": "2020-03-16T14:28:00Z", "resolved_at": "2020-03-16T21:51:00Z",
                "time_to_identify_s": 0, "time_to_monitor_s": 11640, "time_to_resolve_s": 26580,
                "regressions": 0, "reopens": 0,
                "affected_components": [
                    {"id": "api", "name": "API", "worst_status": "major_outage", "weighted_downtime_s": 1380.0}
                ],
                "anomalies": [],
                "measured_until": "2020-03-16T21:51:00Z"
            },
            {
                "id": "open-1", "name": "Login errors", "kind": "incident",
                "status": "investigating", "impact": "critical", "updates": 3,
                "opened_at": "2020-03-20T10:00:00Z", "resolved_at": null,
                "time_to_identify_s": null, "time_to_monitor_s": 3600, "time_to_resolve_s": null,
                "regressions": 1, "reopens": 0,
                "affected_components": [
                    {"id": "web", "name": "Website", "worst_status": "major_outage", "weighted_downtime_s": 9360.0}
                ],
                "anomalies": [{"kind": "missing_started_at", "detail": "the start is the creation time"}],
                "measured_until": "2020-03-20T14:00:00Z"
            },
            {
                "id": "reopen-1", "name": "Video visits fail", "kind": "incident",
                "status": "resolved", "impact": "major", "updates": 4,
                "opened_at": "2020-03-18T09:00:00Z", "resolved_at": "2020-03-18T12:00:00Z",
                "time_to_identify_s": 7200, "time_to_monitor_s": null, "time_to_resolve_s": 10800,
                "regressions": 0, "reopens": 1,
                "affected_components": [],
                "anomalies": [],
                "measured_until": "2020-03-18T12:00:00Z"
            },
            {
                "id": "maint-1", "name": "Database move", "kind": "maintenance",
                "status": "completed", "impact": "maintenance", "updates": 4,
                "opened_at": "2020-03-17T12:00:00Z", "resolved_at": "2020-03-19T03:55:00Z",
                // Measured against its plan, not as an incident (it was "time
                // to resolve 143700" from when it was created).
                "scheduled_for": null, "scheduled_until": null,
                "started_at": "2020-03-19T03:00:00Z", "verifying_at": "2020-03-19T03:40:00Z",
                "completed_at": "2020-03-19T03:55:00Z",
                "start_delay_s": null, "overrun_s": null, "duration_s": 3300,
                "plan_oddities": [{"kind": "no_schedule"}],
                "regressions": 0, "reopens": 0,
                "affected_components": [
                    {"id": "db", "name": "Database", "worst_status": "under_maintenance", "weighted_downtime_s": 0.0}
                ],
                "anomalies": [],
                "measured_until": "2020-03-19T03:55:00Z"
            }
        ],
        "summary": {
            "as_of": "2020-03-20T14:00:00Z", "as_of_basis": "given",
            "rule": {
                "name": "statuspage",
                "weights": {"major_outage": 1.0, "partial_outage": 0.3, "degraded_performance": 0.0, "under_maintenance": 0.0},
                "maintenance_windows": "count_as_up"
            },
            "incidents": 3, "maintenances": 1, "open": 1, "anomalies": 2,
            "time_to_identify": {"count": 2, "min": 0, "max": 7200, "mean": 3600, "p50": 0, "p90": 7200, "p95": 7200, "p99": 7200},
            "time_to_monitor": {"count": 2, "min": 3600, "max": 11640, "mean": 7620, "p50": 3600, "p90": 11640, "p95": 11640, "p99": 11640},
            "time_to_resolve": {"count": 2, "min": 10800, "max": 26580, "mean": 18690, "p50": 10800, "p90": 26580, "p95": 26580, "p99": 26580},
            "by_impact": {
                "minor": {
                    "count": 1,
                    "time_to_identify": {"count": 1, "min": 0, "max": 0, "mean": 0, "p50": 0, "p90": 0, "p95": 0, "p99": 0},
                    "time_to_monitor": {"count": 1, "min": 11640, "max": 11640, "mean": 11640, "p50": 11640, "p90": 11640, "p95": 11640, "p99": 11640},
                    "time_to_resolve": {"count": 1, "min": 26580, "max": 26580, "mean": 26580, "p50": 26580, "p90": 26580, "p95": 26580, "p99": 26580}
                },
                "major": {
                    "count": 1,
                    "time_to_identify": {"count": 1, "min": 7200, "max": 7200, "mean": 7200, "p50": 7200, "p90": 7200, "p95": 7200, "p99": 7200},
                    "time_to_monitor": {"count": 0, "min": null, "max": null, "mean": null, "p50": null, "p90": null, "p95": null, "p99": null},
                    "time_to_resolve": {"count": 1, "min": 10800, "max": 10800, "mean": 10800, "p50": 10800, "p90": 10800, "p95": 10800, "p99": 10800}
                },
                "critical": {
                    "count": 1,
                    "time_to_identify": {"count": 0, "min": null, "max": null, "mean": null, "p50": null, "p90": null, "p95": null, "p99": null},
                    "time_to_monitor": {"count": 1, "min": 3600, "max": 3600, "mean": 3600, "p50": 3600, "p90": 3600, "p95": 3600, "p99": 3600},
                    "time_to_resolve": {"count": 0, "min": null, "max": null, "mean": null, "p50": null, "p90": null, "p95": null, "p99": null}
                }
            },
            "maintenance": {
                "count": 1, "started_late": 0, "overran": 0, "finished_early": 0, "never_started": 0,
                "start_delay": {"count": 0, "min": null, "max": null, "mean": null, "p50": null, "p90": null, "p95": null, "p99": null},
                "overrun": {"count": 0, "min": null, "max": null, "mean": null, "p50": null, "p90": null, "p95": null, "p99": null},
                "duration": {"count": 1, "min": 3300, "max": 3300, "mean": 3300, "p50": 3300, "p90": 3300, "p95": 3300, "p99": 3300}
            },
            "document_anomalies": [{"kind": "mixed_offsets", "detail": "offsets -04:00 and -05:00 in one document"}]
        }
    });
    assert_eq!(
        json,
        expected,
        "got:\n{}",
        serde_json::to_string_pretty(&json).unwrap()
    );
}

#[test]
fn json_keys_keep_the_documented_order() {
    let json = serde_json::to_string(&report()).unwrap();
    let keys = [
        "\"id\"",
        "\"name\"",
        "\"kind\"",
        "\"status\"",
        "\"impact\"",
        "\"updates\"",
        "\"opened_at\"",
        "\"resolved_at\"",
        "\"time_to_identify_s\"",
        "\"time_to_monitor_s\"",
        "\"time_to_resolve_s\"",
        "\"regressions\"",
        "\"reopens\"",
        "\"affected_components\"",
        "\"anomalies\"",
    ];
    let positions: Vec<usize> = keys.iter().map(|k| json.find(k).unwrap()).collect();
    assert!(positions.windows(2).all(|w| w[0] < w[1]), "{json}");
    assert!(json.starts_with("{\"incidents\":[{\"id\":\"tm-2020-03-16\""));
}

#[test]
fn weighted_downtime_keeps_milliseconds_as_a_fraction() {
    let web = ComponentId::new("web").unwrap();
    let change = |old, new| ComponentChange::new(web.clone(), "Website", old, new);
    // 1 s of partial outage at 0.3: 0.3 s.
    let start = at(20, 10, 0);
    let incident = Incident::builder("Blip")
        .update(Update::new(Investigating, start).with_change(change(Operational, PartialOutage)))
        .update(
            Update::new(Resolved, start + chrono::Duration::seconds(1))
                .with_change(change(PartialOutage, Operational)),
        )
        .build()
        .unwrap();
    let mut report = Report::new(at(21, 0, 0), AsOfBasis::LatestInData);
    report.push(&incident, []);
    let json = serde_json::to_value(&report).unwrap();
    assert_eq!(
        json["incidents"][0]["affected_components"][0]["weighted_downtime_s"],
        0.3
    );
    assert_eq!(json["summary"]["as_of_basis"], "latest_in_data");
}

#[test]
fn an_empty_report_has_a_summary_of_nulls() {
    let report = Report::new(at(20, 14, 0), AsOfBasis::Given);
    let json = serde_json::to_value(&report).unwrap();
    assert_eq!(json["incidents"], serde_json::json!([]));
    assert_eq!(
        json["summary"]["time_to_resolve"]["p50"],
        serde_json::Value::Null
    );
    assert_eq!(json["summary"]["by_impact"], serde_json::json!({}));
    assert!(report
        .to_string()
        .contains("Summary: 0 incidents, 0 maintenances, 0 open, 0 anomalies\n"));
}

/// The embedded default of the `report` example, read by the Statuspage reader:
/// the figures a newcomer sees, worked out from the export by hand.
#[cfg(feature = "statuspage")]
#[test]
fn the_embedded_default_export() {
    let text = include_str!("../examples/data/status-export.json");
    let document = incident_model::formats::statuspage::read(text).unwrap();
    let page_time = document.page.as_ref().and_then(|p| p.updated_at).unwrap();
    let mut report = Report::new(page_time, AsOfBasis::LatestInData);
    notes::push_document(&mut report, &document, "status-export.json");
    let row = |id: &str| report.rows().iter().find(|r| r.id.as_str() == id).unwrap();
    // The cache incident went monitoring -> identified once: one regression;
    // the website was partial 15:20-15:50 (30m x 0.3 = 9m) and major 16:05-16:35
    // (30m): 39m.
    let regressing = row("tm20200325rg");
    assert_eq!((regressing.regressions, regressing.reopens), (1, 0));
    assert_eq!(
        regressing.affected_components[0]
            .weighted_downtime
            .to_string(),
        "39m"
    );
    // The video incident was resolved at 10:10 and reopened at 10:55 EDT.
    let reopened = row("tm20200320re");
    assert_eq!((reopened.regressions, reopened.reopens), (0, 1));
    assert_eq!(reopened.time_to_resolve.unwrap().to_string(), "2h 40m");
    // 16 March: 3h 14m to monitor, 7h 23m to resolve, 5m of major outage
    // (11:17-11:22 EDT: the change back has its own time, before the 11:40
    // update that announced it).
    let march_16 = row("tm20200316ab");
    assert_eq!(march_16.time_to_monitor.unwrap().to_string(), "3h 14m");
    assert_eq!(march_16.time_to_resolve.unwrap().to_string(), "7h 23m");
    assert_eq!(
        march_16.affected_components[0]
            .weighted_downtime
            .to_string(),
        "5m"
    );
    // The backfilled incident: 02:40-03:10 EST of partial outage (30m x 0.3).
    let backfilled = row("tm20200301bf");
    assert_eq!(backfilled.updates, 1);
    assert_eq!(backfilled.time_to_resolve.unwrap().to_string(), "30m");
    assert_eq!(
        backfilled.affected_components[0]
            .weighted_downtime
            .to_string(),
        "9m"
    );
    let maintenance = row("tm20200328mt");
    assert_eq!(
        maintenance.kind,
        incident_model::output::report::EventKind::Maintenance
    );
    assert_eq!(
        maintenance.affected_components[0].worst_status,
        Some(UnderMaintenance)
    );
    // Regression (issue 13): it was "time to mitigate 4d 14h, to resolve
    // 4d 14h", counted from when it was scheduled. Against its plan instead.
    assert_eq!(maintenance.time_to_resolve, None);
    assert_eq!(
        maintenance.against_plan.as_ref().unwrap().to_string(),
        "started on time, finished 5m early, ran 55m"
    );

    // The reader's anomalies: each with its event, the mixed offsets document-wide.
    assert_eq!(reopened.anomalies, [Note::new(
        "implicit_reopen",
        "update \"upd000000014\": resolved -> investigating: statuspage reopens implicitly; marked as a reopen",
    )]);
    assert_eq!(backfilled.anomalies.len(), 1);
    assert_eq!(backfilled.anomalies[0].kind, "backdated_display");
    assert!(march_16.anomalies.is_empty());
    assert_eq!(report.notes().len(), 1);
    assert_eq!(report.notes()[0].kind, "mixed_offsets");
    assert!(report.notes()[0].detail.starts_with("status-export.json: "));

    let summary = report.summary();
    assert_eq!(
        (summary.incidents, summary.maintenances, summary.open),
        (4, 1, 0)
    );
    assert_eq!(summary.anomalies, 3);
    // Times to resolve: 30m, 2h 5m, 2h 40m, 7h 23m.
    let resolve = summary.durations.time_to_resolve;
    assert_eq!(resolve.p50.unwrap().to_string(), "2h 5m");
    assert_eq!(resolve.p90.unwrap().to_string(), "7h 23m");
    assert_eq!(resolve.min.unwrap().to_string(), "30m");
}

/// `report --text` and `--markdown`: the events of the embedded default as the
/// status page shows them, in the page's zone (EST before 8 March, EDT after).
#[cfg(all(feature = "statuspage", feature = "tz"))]
#[test]
fn the_embedded_default_as_the_status_page_shows_it() {
    use incident_model::output;
    let text = include_str!("../examples/data/status-export.json");
    let document = incident_model::formats::statuspage::read(text).unwrap();
    let zone_name = document.page.as_ref().and_then(|p| p.time_zone.as_deref());
    let zone = output::page_zone(zone_name.unwrap()).unwrap();

    let maintenance = &document.maintenances[0].event;
    assert_eq!(
        output::text(maintenance, &zone),
        "\
Database hardware move

Completed - The maintenance is complete.
Posted Mar 28, 2020 - 23:55 EDT

Verifying - The move is done; we are verifying.
Posted Mar 28, 2020 - 23:40 EDT

In progress - The maintenance has begun.
Posted Mar 28, 2020 - 23:00 EDT

Scheduled - We will move the database to new hardware. The service will be read-only for up to an hour.
Posted Mar 24, 2020 - 09:00 EDT

This scheduled maintenance affected: Database.

Scheduled for Mar 28, 2020 - 23:00 EDT until Mar 29, 2020 - 00:00 EDT; started on time, finished 5m early, ran 55m.
"
    );

    let backfilled = document
        .incidents
        .iter()
        .find(|r| r.event.id().as_str() == "tm20200301bf")
        .unwrap();
    assert_eq!(
        output::markdown(&backfilled.event, &zone),
        "\
## Appointment reminders delayed

**Resolved** - Between 02:40 and 03:10 EST, appointment reminders were not sent. This incident was added after the fact.  
*Posted Mar 1, 2020 - 03:10 EST*

This incident affected: API.
"
    );
}

/// The table prints ids, names and anomalies as text: control characters are
/// escaped as Rust writes them (`\n`, `\u{1b}`), so a newline cannot forge a
/// row and an escape sequence cannot reach the terminal; the JSON keeps the
/// values as they are.
#[test]
fn the_table_escapes_control_characters_in_every_field() {
    let web = ComponentId::new("web\u{1b}]0;owned\u{7}").unwrap();
    let incident = Incident::builder("Login\u{1b}[2J errors")
        .id(incident_id("evil\n  forged row\u{1b}[31m"))
        .update(
            Update::new(Investigating, at(20, 10, 0)).with_change(ComponentChange::new(
                web,
                "Web\r\nsite\u{9b}1m",
                Operational,
                MajorOutage,
            )),
        )
        .build()
        .unwrap();
    let mut report = Report::new(at(20, 14, 0), AsOfBasis::Given);
    report.push(
        &incident,
        [Note::new("kind\u{1b}", "detail\nanomalies: none\u{0}")],
    );
    report.push_note(Note::new("wide", "a \"quoted\" \\ tab\there"));
    let table = report.to_string();
    let controls: Vec<char> = table
        .chars()
        .filter(|c| c.is_control() && *c != '\n')
        .collect();
    assert!(controls.is_empty(), "{controls:?} in\n{table}");
    for expected in [
        "evil\\n  forged row\\u{1b}[31m \"Login\\u{1b}[2J errors\"\n",
        "    Web\\r\\nsite\\u{9b}1m (web\\u{1b}]0;owned\\u{7}): worst major_outage",
        "    kind\\u{1b}: detail\\nanomalies: none\\0\n",
        "    wide: a \"quoted\" \\ tab\\there\n",
    ] {
        assert!(table.contains(expected), "{expected:?} not in\n{table}");
    }
    // No forged line.
    assert!(!table
        .lines()
        .any(|line| line.starts_with("anomalies") || line.starts_with("  forged")));

    let json = serde_json::to_value(&report).unwrap();
    assert_eq!(json["incidents"][0]["id"], "evil\n  forged row\u{1b}[31m");
}
