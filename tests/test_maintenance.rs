//! Maintenances against their plan: one hand-written fixture per case
//! (`tests/fixtures/statuspage/maintenance_plans.json`, planned 09:00-11:00
//! UTC on 17 December 2020 unless said), the bad inputs, the summary over
//! many, and the corpus (ignored; CI runs it).
#![cfg(feature = "statuspage")]

use chrono::{DateTime, TimeDelta, TimeZone, Utc};
use incident_model::formats::statuspage;
use incident_model::{
    AgainstPlan, AnyEventRef, Deviation, Elapsed, Maintenance, MaintenanceStatus::*,
    MaintenanceSummary, PlanOddity, Schedule, Update, ValidationError,
};

fn at(h: u32, m: u32, s: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2020, 12, 17, h, m, s).unwrap()
}

fn as_of() -> DateTime<Utc> {
    at(12, 0, 0)
}

fn secs(s: i64) -> Deviation {
    Deviation::new(TimeDelta::seconds(s))
}

fn fixture() -> Vec<Maintenance> {
    let path = format!(
        "{}/tests/fixtures/statuspage/maintenance_plans.json",
        env!("CARGO_MANIFEST_DIR")
    );
    let text = std::fs::read_to_string(&path).unwrap();
    let document = statuspage::read(&text).unwrap();
    document
        .maintenances
        .into_iter()
        .map(|record| record.event)
        .collect()
}

fn plan_of(name: &str) -> AgainstPlan {
    let maintenance = fixture()
        .into_iter()
        .find(|m| m.name() == name)
        .unwrap_or_else(|| panic!("no maintenance {name:?} in the fixture"));
    maintenance.against_plan(as_of())
}

#[test]
fn early_start() {
    let plan = plan_of("Early start");
    assert_eq!(plan.started_at, Some(at(8, 50, 0)));
    assert_eq!(plan.start_delay, Some(secs(-600)));
    assert!(!plan.started_late());
    assert_eq!(plan.overrun, Some(secs(0)));
    assert_eq!(plan.duration, Some(Elapsed::from_secs(2 * 3600 + 600)));
    assert_eq!(
        plan.to_string(),
        "started 10m early, finished on time, ran 2h 10m"
    );
    assert!(plan.oddities.is_empty());
}

#[test]
fn late_start_and_early_finish_in_words() {
    let plan = plan_of("Late start");
    assert_eq!(plan.start_delay, Some(secs(21)));
    assert_eq!(plan.overrun, Some(secs(-180)));
    assert!(plan.started_late() && plan.finished_early() && !plan.overran());
    assert_eq!(
        plan.to_string(),
        "started 21s late, finished 3m early, ran 1h 56m"
    );
}

#[test]
fn overrun() {
    let plan = plan_of("Overrun");
    assert_eq!(plan.start_delay, Some(secs(0)));
    assert_eq!(plan.overrun, Some(secs(45 * 60)));
    assert!(plan.overran());
    assert_eq!(plan.duration, Some(Elapsed::from_secs(165 * 60)));
}

#[test]
fn early_finish() {
    let plan = plan_of("Early finish");
    assert_eq!(plan.overrun, Some(secs(-3600)));
    assert!(plan.finished_early());
    assert_eq!(plan.overrun.unwrap().to_string(), "1h early");
}

#[test]
fn skipped_in_progress_starts_at_verifying() {
    let plan = plan_of("Skipped in_progress");
    assert_eq!(plan.started_at, Some(at(9, 30, 0)));
    assert_eq!(plan.verifying_at, Some(at(9, 30, 0)));
    assert_eq!(plan.start_delay, Some(secs(30 * 60)));
    assert_eq!(plan.duration, Some(Elapsed::from_secs(3600)));
    assert!(plan.oddities.is_empty());
}

#[test]
fn verifying_then_back_to_work() {
    let plan = plan_of("Verifying");
    assert_eq!(plan.started_at, Some(at(9, 5, 0)));
    assert_eq!(plan.verifying_at, Some(at(10, 15, 0)));
    assert_eq!(plan.completed_at, Some(at(11, 10, 0)));
    assert_eq!(plan.overrun, Some(secs(600)));
    // Time in each status is shared with incidents, written once.
    let maintenance = fixture()
        .into_iter()
        .find(|m| m.name() == "Verifying")
        .unwrap();
    let spent = maintenance.time_in_status(as_of());
    assert_eq!(spent.get(Verifying), Elapsed::from_secs(5 * 60));
    assert_eq!(spent.get(InProgress), Elapsed::from_secs(70 * 60 + 50 * 60));
}

#[test]
fn never_started_is_said_plainly() {
    let plan = plan_of("Never started");
    assert_eq!(plan.started_at, None);
    assert_eq!(plan.start_delay, None);
    assert_eq!(plan.duration, None);
    assert_eq!(plan.overrun, Some(secs(0)));
    assert!(plan.never_started());
    assert_eq!(plan.oddities, [PlanOddity::NeverStarted]);
    assert_eq!(plan.to_string(), "never reported a start, finished on time");
}

#[test]
fn no_window() {
    let plan = plan_of("No window");
    assert_eq!(plan.schedule, None);
    assert_eq!((plan.start_delay, plan.overrun), (None, None));
    assert_eq!(plan.duration, Some(Elapsed::from_secs(3600)));
    assert_eq!(plan.oddities, [PlanOddity::NoSchedule]);
    assert_eq!(PlanOddity::NoSchedule.to_string(), "no planned window");
}

#[test]
fn zero_length_window() {
    let plan = plan_of("Zero-length window");
    assert_eq!(plan.oddities, [PlanOddity::ZeroLengthWindow]);
    assert_eq!(plan.start_delay, Some(secs(0)));
    assert_eq!(plan.overrun, Some(secs(30 * 60)));
}

#[test]
fn in_progress_past_its_window() {
    let plan = plan_of("Past its window");
    assert_eq!(
        (plan.completed_at, plan.overrun, plan.duration),
        (None, None, None)
    );
    assert_eq!(
        plan.oddities,
        [PlanOddity::PastWindow {
            by: Elapsed::from_secs(3600)
        }]
    );
    assert_eq!(plan.to_string(), "started on time, not completed");
    // Within its window, nothing odd yet.
    let maintenance = fixture()
        .into_iter()
        .find(|m| m.name() == "Past its window")
        .unwrap();
    assert!(maintenance.against_plan(at(10, 0, 0)).oddities.is_empty());
}

#[test]
fn inverted_window_is_refused_with_a_typed_error() {
    let refused = Maintenance::builder("x")
        .scheduled(Schedule::new(at(11, 0, 0), at(9, 0, 0)))
        .update(Update::new(Scheduled, at(8, 0, 0)))
        .build();
    assert!(matches!(
        refused,
        Err(ValidationError::InvertedSchedule { .. })
    ));
}

#[test]
fn maintenances_have_no_incident_durations() {
    for maintenance in fixture() {
        let event = AnyEventRef::from(&maintenance);
        assert_eq!(event.time_to_identify(), None);
        assert_eq!(event.time_to_monitor(), None);
        assert_eq!(event.time_to_resolve(), None);
        assert_eq!(
            event.against_plan(as_of()),
            Some(maintenance.against_plan(as_of()))
        );
    }
}

#[test]
fn summary_over_the_fixture() {
    let plans: Vec<AgainstPlan> = fixture().iter().map(|m| m.against_plan(as_of())).collect();
    let summary = MaintenanceSummary::of(&plans);
    assert_eq!(summary.count, 10);
    // Late start, skipped in_progress (09:30), verifying (09:05).
    assert_eq!(summary.started_late, 3);
    // Overrun, verifying (11:10), zero-length window.
    assert_eq!(summary.overran, 3);
    // Late start, early finish, skipped in_progress.
    assert_eq!(summary.finished_early, 3);
    assert_eq!(summary.never_started, 1);
    // Every one with a window and a start: all but never started and no window.
    assert_eq!(summary.start_delay.count, 8);
    assert_eq!(summary.start_delay.min, Some(secs(-600)));
    assert_eq!(summary.start_delay.max, Some(secs(30 * 60)));
    // Completed with a window: all but no window and past its window.
    assert_eq!(summary.overrun.count, 8);
    assert_eq!(summary.overrun.p50, Some(secs(0)));
    assert_eq!(summary.duration.count, 8);
    assert_eq!(MaintenanceSummary::of([]), MaintenanceSummary::default());
}

/// The corpus's maintenances: the figures follow the rules, none panics.
#[test]
#[ignore = "reads ../shared/corpus; CI runs it"]
fn corpus_maintenances_follow_the_rules() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/corpus/statuspage");
    let mut seen = 0;
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "json") {
            continue;
        }
        let bytes = std::fs::read(&path).unwrap();
        let Ok(document) = statuspage::read_slice(&bytes) else {
            continue;
        };
        for record in &document.maintenances {
            let maintenance = &record.event;
            let as_of = AnyEventRef::from(maintenance).latest_time();
            let plan = maintenance.against_plan(as_of);
            seen += 1;
            let first_start = maintenance
                .updates()
                .iter()
                .find(|u| matches!(u.status(), InProgress | Verifying))
                .map(Update::display_at);
            assert_eq!(plan.started_at, first_start, "{}", path.display());
            if let (Some(schedule), Some(start)) = (plan.schedule, plan.started_at) {
                assert_eq!(
                    plan.start_delay,
                    Some(Deviation::between(schedule.scheduled_for, start))
                );
            }
            assert_eq!(plan.completed_at, maintenance.resolved_at());
            assert_eq!(
                plan.never_started(),
                plan.completed_at.is_some() && first_start.is_none()
            );
            if let (Some(start), Some(end)) = (plan.started_at, plan.completed_at) {
                assert!(
                    start <= end,
                    "{}: completed before it started",
                    path.display()
                );
            }
        }
    }
    assert!(seen > 0, "the corpus holds maintenances");
}

/// The report (issue 13, item 6): a maintenance row carries its plan and no
/// incident durations, in the text and in the JSON; the summary has a
/// maintenance section; the header names the rule.
#[test]
fn the_report_measures_maintenances_against_their_plan() {
    use incident_model::output::report::{AsOfBasis, Report};
    let mut report = Report::new(as_of(), AsOfBasis::Given);
    for maintenance in fixture() {
        report.push(&maintenance, []);
    }
    let text = report.to_string();
    assert!(text.contains("downtime by the statuspage rule: major_outage 1, partial_outage 0.3"));
    assert!(text.contains(
        "  scheduled 2020-12-17T09:00:00Z to 2020-12-17T11:00:00Z: started 21s late, finished 3m early, ran 1h 56m\n"
    ));
    assert!(text
        .contains("  plan: completed without ever reporting a start (in_progress or verifying)\n"));
    assert!(
        !text.contains(", to monitor "),
        "no incident durations for maintenances:\n{text}"
    );
    assert!(text.contains(
        "Maintenances against their plan: 3 started late, 3 overran, 3 finished early, 1 never reported a start\n"
    ));
    let summary = report.summary();
    assert_eq!(summary.against_plan.count, 10);
    assert_eq!(summary.durations.time_to_resolve.count, 0);

    let json = serde_json::to_value(&report).unwrap();
    let rows = json["incidents"].as_array().unwrap();
    let keys = [
        "scheduled_for",
        "scheduled_until",
        "started_at",
        "completed_at",
        "start_delay_s",
        "overrun_s",
        "duration_s",
    ];
    for row in rows {
        let object = row.as_object().unwrap();
        for key in keys {
            assert!(object.contains_key(key), "{key} missing in {row}");
        }
        assert!(
            !object.keys().any(|key| key.starts_with("time_to_")),
            "{row}"
        );
    }
    let late = rows.iter().find(|r| r["name"] == "Late start").unwrap();
    assert_eq!(late["scheduled_for"], "2020-12-17T09:00:00Z");
    assert_eq!(late["started_at"], "2020-12-17T09:00:21Z");
    assert_eq!(late["start_delay_s"], 21);
    assert_eq!(late["overrun_s"], -180);
    assert_eq!(late["duration_s"], 116 * 60 + 39);
    let never = rows.iter().find(|r| r["name"] == "Never started").unwrap();
    assert!(never["started_at"].is_null() && never["start_delay_s"].is_null());
    assert_eq!(never["plan_oddities"][0]["kind"], "never_started");
    let open = rows
        .iter()
        .find(|r| r["name"] == "Past its window")
        .unwrap();
    assert!(
        open["completed_at"].is_null()
            && open["overrun_s"].is_null()
            && open["duration_s"].is_null()
    );
    assert_eq!(open["plan_oddities"][0]["kind"], "past_window");
    assert_eq!(open["plan_oddities"][0]["by"], 3600);
    let section = &json["summary"]["maintenance"];
    assert_eq!(section["started_late"], 3);
    assert_eq!(section["never_started"], 1);
    assert_eq!(section["start_delay"]["min"], -600);
    assert_eq!(json["summary"]["rule"]["name"], "statuspage");

    // An incident's row keeps its durations and has no plan keys.
    let incident = Update::new(incident_model::IncidentStatus::Investigating, at(9, 0, 0));
    let incident = incident_model::Incident::builder("x")
        .update(incident)
        .build()
        .unwrap();
    let mut report = Report::new(as_of(), AsOfBasis::Given);
    report.push(&incident, []);
    let json = serde_json::to_value(&report).unwrap();
    let row = json["incidents"][0].as_object().unwrap();
    assert!(row.contains_key("time_to_resolve_s") && !row.contains_key("scheduled_for"));
}
