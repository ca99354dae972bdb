//! Bounded, deterministic fuzzing on stable Rust: the entry points of the
//! cargo-fuzz targets (`fuzz/`) over mutated seed documents. Whatever the bytes,
//! the readers return a value or a typed error, never panic, and whatever they
//! accept writes back and reads again to an equal value.
#![cfg(feature = "json")]

mod util;

#[cfg(feature = "statuspage")]
use incident_model::formats::statuspage;
use incident_model::{Incident, Maintenance};
use util::mutate::{mutate, Rng};

/// Mutations of each seed: 3 000, times `TEST_SCALE` (see `util::sizes`).
fn mutations_per_seed() -> usize {
    util::sizes::scaled(3_000)
}

fn own_format_seeds() -> Vec<Vec<u8>> {
    let mut seeds = vec![util::march_16().to_json().into_bytes()];
    seeds.push(include_bytes!("fixtures/own/maintenance.json").to_vec());
    seeds.push(include_bytes!("fixtures/own/reopened.json").to_vec());
    seeds
}

/// The `own_format` fuzz target's body.
fn own_format(data: &[u8]) -> (bool, bool) {
    let Ok(text) = std::str::from_utf8(data) else {
        return (false, false);
    };
    let incident = Incident::from_json(text).map(|incident| {
        assert_eq!(Incident::from_json(&incident.to_json()).unwrap(), incident);
    });
    let maintenance = Maintenance::from_json(text).map(|maintenance| {
        assert_eq!(
            Maintenance::from_json(&maintenance.to_json()).unwrap(),
            maintenance
        );
    });
    (incident.is_ok(), maintenance.is_ok())
}

#[test]
fn seeds_are_accepted() {
    let seeds = own_format_seeds();
    assert_eq!(own_format(&seeds[0]), (true, false));
    assert_eq!(own_format(&seeds[1]), (false, true));
    assert_eq!(own_format(&seeds[2]), (true, false));
}

#[test]
fn mutated_own_format_never_panics() {
    let mut rng = Rng::new(0x1c1d_e417);
    let (mut accepted, mut rejected) = (0, 0);
    for seed in own_format_seeds() {
        for _ in 0..mutations_per_seed() {
            let input = mutate(&mut rng, &seed);
            match own_format(&input) {
                (false, false) => rejected += 1,
                _ => accepted += 1,
            }
        }
    }
    // The mutator must reach both sides, or the run proves nothing.
    assert!(accepted > 100, "accepted {accepted}");
    assert!(rejected > 1_000, "rejected {rejected}");
}

/// The `statuspage` fuzz target's body: whatever is read writes back and reads
/// again to the same models.
#[cfg(feature = "statuspage")]
fn statuspage_round_trip(data: &[u8]) -> bool {
    let Ok(document) = statuspage::read_slice(data) else {
        return false;
    };
    let written = document.to_json().unwrap();
    let again = statuspage::read(&written).unwrap();
    let models = |d: &statuspage::Document| {
        (
            d.incidents
                .iter()
                .map(|r| r.event.clone())
                .collect::<Vec<_>>(),
            d.maintenances
                .iter()
                .map(|r| r.event.clone())
                .collect::<Vec<_>>(),
        )
    };
    assert_eq!(models(&again), models(&document));
    true
}

#[cfg(feature = "statuspage")]
#[test]
fn mutated_statuspage_documents_never_panic() {
    let seeds: [&[u8]; 4] = [
        include_bytes!("../examples/data/status-export.json"),
        include_bytes!("fixtures/statuspage/emma_like.json"),
        include_bytes!("fixtures/statuspage/tweets.json"),
        include_bytes!("fixtures/statuspage/manage_list.json"),
    ];
    let mut rng = Rng::new(0x5747_0a9e);
    let (mut accepted, mut rejected) = (0, 0);
    for seed in seeds {
        assert!(statuspage_round_trip(seed));
        for _ in 0..mutations_per_seed() / 3 {
            if statuspage_round_trip(&mutate(&mut rng, seed)) {
                accepted += 1;
            } else {
                rejected += 1;
            }
        }
    }
    assert!(accepted > 100, "accepted {accepted}");
    assert!(rejected > 500, "rejected {rejected}");
}
