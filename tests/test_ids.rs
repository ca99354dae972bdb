//! Id newtypes: foreign ids kept as they are, minted ids UUID v7.

use chrono::{Duration, TimeZone, Utc};
use incident_model::{ComponentId, EventId, IdError, UpdateId};

#[test]
fn foreign_ids_are_kept_as_they_are() {
    for raw in [
        "x9mb3wh2r6nr",
        "01HZX3J5K8Q2W7N4R9T6Y1V0BC",
        " spaced ",
        "ünïcödé",
        "0",
    ] {
        let id = EventId::new(raw).unwrap();
        assert_eq!(id.as_str(), raw);
        assert_eq!(id.to_string(), raw);
        assert_eq!(String::from(id.clone()), raw);
        assert_eq!(raw.parse::<EventId>().unwrap(), id);
        assert_eq!(EventId::try_from(raw).unwrap(), id);
        assert_eq!(EventId::try_from(raw.to_owned()).unwrap(), id);
        assert_eq!(id, raw);
        assert_eq!(id.as_ref(), raw);
    }
}

#[test]
fn empty_ids_are_rejected_naming_the_kind() {
    assert_eq!(
        EventId::new("").unwrap_err(),
        IdError::Empty { what: "event id" }
    );
    assert_eq!(
        ComponentId::new("").unwrap_err().to_string(),
        "empty component id: an id must have at least one character"
    );
    assert!("".parse::<UpdateId>().is_err());
}

#[test]
fn minted_ids_are_uuid_v7_ordered_by_time() {
    let at = Utc.with_ymd_and_hms(2020, 3, 16, 14, 28, 0).unwrap();
    let ids: Vec<_> = (0..50)
        .map(|i| UpdateId::mint(at + Duration::seconds(i)))
        .collect();
    assert!(ids.windows(2).all(|w| w[0] < w[1]));
    for id in &ids {
        let uuid = uuid::Uuid::parse_str(id.as_str()).unwrap();
        assert_eq!(uuid.get_version_num(), 7);
    }
    assert_ne!(EventId::mint(at), EventId::mint(at), "random bits differ");
}

#[test]
fn debug_shows_the_string() {
    assert_eq!(format!("{:?}", ComponentId::new("api").unwrap()), "\"api\"");
    assert_eq!(format!("{:>5}", ComponentId::new("api").unwrap()), "  api");
}

#[cfg(feature = "serde")]
#[test]
fn ids_serialize_as_strings_and_reject_empty() {
    let id = EventId::new("abc").unwrap();
    assert_eq!(serde_json::to_string(&id).unwrap(), "\"abc\"");
    assert_eq!(serde_json::from_str::<EventId>("\"abc\"").unwrap(), id);
    let err = serde_json::from_str::<EventId>("\"\"").unwrap_err();
    assert_eq!(
        err.to_string(),
        "empty event id: an id must have at least one character"
    );
}

/// Issue 17: the builder's ids are deterministic, so the same calls give equal
/// values and the same JSON (snapshot tests); given ids are kept.
#[test]
fn the_same_builder_calls_give_equal_events_and_the_same_json() {
    use chrono::{TimeZone, Utc};
    use incident_model::{Incident, IncidentStatus::*, Update};
    let at = |h| Utc.with_ymd_and_hms(2020, 3, 16, h, 0, 0).unwrap();
    let build = || {
        let mut incident = Incident::builder("Slow page loads")
            .update(Update::new(Investigating, at(10)))
            .update(Update::new(Investigating, at(10)))
            .build()
            .unwrap();
        incident.apply(Update::new(Resolved, at(12))).unwrap();
        incident
    };
    let (a, b) = (build(), build());
    assert_eq!(a, b);
    #[cfg(feature = "json")]
    assert_eq!(a.to_json(), b.to_json());
    let ids: Vec<&str> = a.updates().iter().map(|u| u.id().as_str()).collect();
    assert_eq!(ids.len(), 3);
    assert!(ids[0] != ids[1] && ids[1] != ids[2]);
    let other = Incident::builder("Slow logins")
        .update(Update::new(Investigating, at(10)))
        .build()
        .unwrap();
    assert_ne!(other.id(), a.id());
    assert_ne!(other.updates()[0].id(), a.updates()[0].id());
}
