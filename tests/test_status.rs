//! The four status vocabularies: wire names, orders, parsing errors, impact rule.

use incident_model::{ComponentStatus, Impact, IncidentStatus, MaintenanceStatus};

#[test]
fn wire_names_are_statuspage_snake_case() {
    let names = |all: &[String]| all.join(",");
    assert_eq!(
        names(
            &IncidentStatus::ALL
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
        ),
        "investigating,identified,monitoring,resolved,postmortem"
    );
    assert_eq!(
        names(
            &MaintenanceStatus::ALL
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
        ),
        "scheduled,in_progress,verifying,completed"
    );
    assert_eq!(
        names(
            &Impact::ALL
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
        ),
        "none,maintenance,minor,major,critical"
    );
    assert_eq!(
        names(
            &ComponentStatus::ALL
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
        ),
        "operational,under_maintenance,degraded_performance,partial_outage,major_outage"
    );
}

#[cfg(feature = "serde")]
#[test]
fn every_value_round_trips_through_from_str_and_serde() {
    fn check<T>(all: &[T])
    where
        T: Copy
            + std::fmt::Display
            + std::str::FromStr<Err = incident_model::ParseStatusError>
            + PartialEq
            + std::fmt::Debug,
        T: serde::Serialize + serde::de::DeserializeOwned,
    {
        for &value in all {
            assert_eq!(value.to_string().parse::<T>().unwrap(), value);
            let json = serde_json::to_string(&value).unwrap();
            assert_eq!(json, format!("\"{value}\""));
            assert_eq!(serde_json::from_str::<T>(&json).unwrap(), value);
        }
    }
    check(IncidentStatus::ALL);
    check(MaintenanceStatus::ALL);
    check(Impact::ALL);
    check(ComponentStatus::ALL);
}

#[test]
fn orders_are_lifecycle_and_severity_orders() {
    use ComponentStatus::*;
    assert!(Operational < UnderMaintenance);
    assert!(UnderMaintenance < DegradedPerformance);
    assert!(DegradedPerformance < PartialOutage);
    assert!(PartialOutage < MajorOutage);
    assert!(Impact::None < Impact::Maintenance && Impact::Maintenance < Impact::Minor);
    assert!(Impact::Major < Impact::Critical);
    assert!(IncidentStatus::Monitoring < IncidentStatus::Resolved);
    assert!(MaintenanceStatus::Verifying < MaintenanceStatus::Completed);
}

#[test]
fn open_statuses() {
    let open: Vec<_> = IncidentStatus::ALL.iter().filter(|s| s.is_open()).collect();
    assert_eq!(
        open,
        [
            &IncidentStatus::Investigating,
            &IncidentStatus::Identified,
            &IncidentStatus::Monitoring
        ]
    );
    let open: Vec<_> = MaintenanceStatus::ALL
        .iter()
        .filter(|s| s.is_open())
        .collect();
    assert_eq!(open.len(), 3);
    assert!(!MaintenanceStatus::Completed.is_open());
}

#[test]
fn unknown_names_give_a_typed_error_naming_the_value() {
    let err = "Investigating".parse::<IncidentStatus>().unwrap_err();
    assert_eq!(err.what, "incident status");
    assert_eq!(err.value, "Investigating");
    assert_eq!(
        err.to_string(),
        "unknown incident status \"Investigating\": expected one of investigating, identified, monitoring, resolved, postmortem"
    );
    assert_eq!(
        "".parse::<MaintenanceStatus>().unwrap_err().to_string(),
        "unknown maintenance status \"\": expected one of scheduled, in_progress, verifying, completed"
    );
    assert_eq!(
        "severe".parse::<Impact>().unwrap_err().to_string(),
        "unknown impact \"severe\": expected one of none, maintenance, minor, major, critical"
    );
    assert_eq!(
        "down".parse::<ComponentStatus>().unwrap_err().to_string(),
        "unknown component status \"down\": expected one of operational, under_maintenance, degraded_performance, partial_outage, major_outage"
    );
}

#[cfg(feature = "serde")]
#[test]
fn serde_rejects_unknown_names_with_the_same_message() {
    let err = serde_json::from_str::<IncidentStatus>("\"fixed\"").unwrap_err();
    assert_eq!(
        err.to_string(),
        "unknown incident status \"fixed\": expected one of investigating, identified, monitoring, resolved, postmortem at line 1 column 7"
    );
    let err = serde_json::from_str::<Impact>("3").unwrap_err();
    assert_eq!(
        err.to_string(),
        "invalid type: integer `3`, expected a string (impact) at line 1 column 1"
    );
}

#[test]
fn calculated_impact_follows_statuspage() {
    use ComponentStatus::*;
    let cases = [
        (MajorOutage, Impact::Critical),
        (PartialOutage, Impact::Major),
        (DegradedPerformance, Impact::Minor),
        (UnderMaintenance, Impact::None),
        (Operational, Impact::None),
    ];
    for (status, impact) in cases {
        assert_eq!(Impact::from_component_status(status), impact, "{status}");
        assert_eq!(
            Impact::calculated(None, [Operational, status]),
            impact,
            "{status}"
        );
    }
    assert_eq!(
        Impact::calculated(Some(Impact::None), [MajorOutage]),
        Impact::None
    );
    assert_eq!(Impact::calculated(None, []), Impact::None);
}

#[test]
fn a_status_of_either_lifecycle_keeps_its_wire_name() {
    use incident_model::AnyStatus;
    let all = IncidentStatus::ALL
        .iter()
        .map(|&s| AnyStatus::from(s))
        .chain(MaintenanceStatus::ALL.iter().map(|&s| AnyStatus::from(s)));
    for status in all {
        let name = status.to_string();
        assert_eq!(name.parse::<AnyStatus>().unwrap(), status);
        #[cfg(feature = "serde")]
        {
            let json = serde_json::to_string(&status).unwrap();
            assert_eq!(json, format!("\"{name}\""));
            assert_eq!(serde_json::from_str::<AnyStatus>(&json).unwrap(), status);
        }
    }
    assert_eq!(
        AnyStatus::from(MaintenanceStatus::Verifying).is_open(),
        MaintenanceStatus::Verifying.is_open()
    );
    let err = "fixed".parse::<AnyStatus>().unwrap_err();
    assert_eq!(
        err.to_string(),
        "unknown status \"fixed\": expected one of investigating, identified, monitoring, resolved, postmortem, scheduled, in_progress, verifying, completed"
    );
}
