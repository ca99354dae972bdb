//! The human format of durations and their serde form.

use chrono::TimeDelta;
use incident_model::Elapsed;

fn hm(hours: i64, minutes: i64) -> Elapsed {
    Elapsed::new(TimeDelta::hours(hours) + TimeDelta::minutes(minutes))
}

#[test]
fn status_page_forms() {
    assert_eq!(hm(7, 23).to_string(), "7h 23m");
    assert_eq!(hm(3, 14).to_string(), "3h 14m");
    assert_eq!(Elapsed::from_secs(45).to_string(), "45s");
    assert_eq!(hm(52, 0).to_string(), "2d 4h");
    assert_eq!(Elapsed::ZERO.to_string(), "0s");
    assert_eq!(Elapsed::from_millis(999).to_string(), "0s");
    assert_eq!(hm(3, 0).to_string(), "3h");
    assert_eq!(Elapsed::from_secs(12 * 60 + 5).to_string(), "12m 5s");
    assert_eq!(hm(48, 0).to_string(), "2d");
    assert_eq!(hm(24 * 400, 0).to_string(), "400d");
}

#[test]
fn smaller_units_are_truncated() {
    assert_eq!(
        (hm(7, 23).saturating_add(Elapsed::from_secs(59))).to_string(),
        "7h 23m"
    );
    assert_eq!(
        Elapsed::from_secs(2 * 86_400 + 4 * 3_600 + 59 * 60).to_string(),
        "2d 4h"
    );
    assert_eq!(Elapsed::from_millis(59_999).to_string(), "59s");
}

#[test]
fn width_and_alignment_are_honoured() {
    assert_eq!(format!("{:>8}", hm(7, 23)), "  7h 23m");
    assert_eq!(format!("{:<6}|", Elapsed::from_secs(45)), "45s   |");
}

#[test]
fn never_negative() {
    assert_eq!(Elapsed::new(TimeDelta::seconds(-1)), Elapsed::ZERO);
    assert_eq!(Elapsed::from_secs(i64::MIN), Elapsed::ZERO);
    assert_eq!(Elapsed::from_secs(i64::MAX), Elapsed::MAX);
    assert_eq!(
        Elapsed::from_secs(5).saturating_sub(Elapsed::from_secs(9)),
        Elapsed::ZERO
    );
    assert_eq!(
        Elapsed::MAX.saturating_add(Elapsed::from_secs(1)),
        Elapsed::MAX
    );
    let total: Elapsed = [hm(1, 0), hm(2, 30)].iter().sum();
    assert_eq!(total, hm(3, 30));
    assert_eq!(TimeDelta::from(total), TimeDelta::minutes(210));
}

#[test]
fn ordering_and_default() {
    assert!(hm(1, 0) < hm(1, 1));
    assert_eq!(Elapsed::default(), Elapsed::ZERO);
}

#[cfg(feature = "serde")]
mod serde {
    use super::*;
    use incident_model::Summary;

    #[test]
    fn whole_seconds() {
        assert_eq!(serde_json::to_string(&hm(7, 23)).unwrap(), "26580");
        assert_eq!(
            serde_json::to_string(&Elapsed::from_millis(1_999)).unwrap(),
            "1"
        );
        assert_eq!(serde_json::from_str::<Elapsed>("26580").unwrap(), hm(7, 23));
        assert_eq!(serde_json::from_str::<Elapsed>("0").unwrap(), Elapsed::ZERO);
    }

    #[test]
    fn refused_values() {
        let err = serde_json::from_str::<Elapsed>("-5").unwrap_err();
        assert_eq!(
            err.to_string(),
            "a duration cannot be negative, got -5 seconds at line 1 column 2"
        );
        let err = serde_json::from_str::<Elapsed>("18446744073709551615").unwrap_err();
        assert!(err
            .to_string()
            .starts_with("a duration of 18446744073709551615 seconds is too long"));
        assert!(serde_json::from_str::<Elapsed>("1.5").is_err());
        assert!(serde_json::from_str::<Elapsed>("\"7h 23m\"").is_err());
    }

    #[test]
    fn summaries_serialize_durations_as_seconds() {
        let summary = Summary::of([Elapsed::from_secs(60), Elapsed::from_secs(120)]);
        let json = serde_json::to_value(summary).unwrap();
        assert_eq!(json["count"], 2);
        assert_eq!(json["p50"], 60);
        assert_eq!(json["mean"], 90);
        assert_eq!(serde_json::from_value::<Summary>(json).unwrap(), summary);
        let empty = serde_json::to_value(Summary::default()).unwrap();
        assert_eq!(empty["min"], serde_json::Value::Null);
    }

    #[test]
    fn time_in_status_serializes_as_a_map_of_seconds() {
        use incident_model::{IncidentStatus, TimeInStatus};
        let mut spent = TimeInStatus::new();
        spent.add(IncidentStatus::Identified, hm(3, 14));
        let json = serde_json::to_value(spent).unwrap();
        assert_eq!(json["identified"], 11_640);
        assert_eq!(json["investigating"], 0);
        assert_eq!(json.as_object().unwrap().len(), 5);
    }
}
