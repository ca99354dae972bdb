//! Large, realistic Statuspage exports for benchmarks, fuzzing and tests
//! (feature `generate`, off by default).
//!
//! A [`Generator`] is seeded and deterministic: the same settings give the same
//! bytes on every machine and every run (the random numbers come from a
//! hand-written SplitMix64, so no `rand` dependency and no change when a
//! dependency updates its algorithm).
//!
//! # What the exports look like
//!
//! [`Generator::to_statuspage_json`] writes an `incidents.json` document
//! (`{"page", "incidents"}`), minified as the API sends it, newest incident
//! first, each incident's `incident_updates` newest-first by `created_at`. It
//! reproduces the quirks of real pages (see the corpus notes in the crate's
//! repository):
//!
//! - 1 to `max_updates` updates per incident, most incidents short (about five
//!   updates on average), a few at the maximum (long runs of repeated open
//!   statuses before the resolution);
//! - status sequences as real pages have them: investigating -> resolved,
//!   investigating -> monitoring -> resolved, identified and monitoring optional,
//!   backfilled incidents with one resolved update, fixes that did not hold
//!   (monitoring -> investigating), reopens after resolved, postmortems, and
//!   incidents still open at the end of the window;
//! - a few scheduled maintenances listed among the incidents (as real pages do),
//!   with their scheduled window;
//! - component changes: a component degrades on the first update, may change
//!   severity, is repeated with `old_status == new_status` (GitHub's habit) and
//!   is restored on resolution; some incidents have `affected_components: null`
//!   and `components: []`, some carry the placeholder entry
//!   `{"name": "No components were affected by this update."}`; some component
//!   names are group-prefixed ("Regions - Europe");
//! - backdated updates (`display_at` before `created_at`: incidents typed in
//!   later), display order that differs from creation order, `started_at`
//!   missing, `null`, later than `created_at` or earlier;
//! - offsets `Z`, `-05:00` and `-06:00` in one file, incident-level times in
//!   whole seconds beside update times in milliseconds;
//! - `reminder_intervals` missing, `null` or the string `"[]"`, `tweet_id` an
//!   integer above 2^53, bodies with `<br />`, `\r\n`, quotes and non-ASCII text,
//!   the old `http://stspg.io/` short links.
//!
//! The events are planned first, format-neutral; the model values are built
//! from the plan through the builder and [`Event::from_parts`](crate::Event::from_parts), and the export
//! is those values written by the crate's own Statuspage writer with the
//! page's extras (tweet ids, placeholders, short links, `updated_at`, unknown
//! keys kept verbatim), then a small pass for what that writer never writes
//! (other offsets than `Z`, whole seconds, missing keys, creation order).
//!
//! [`Generator::to_incidents`] and [`Generator::to_maintenances`] give the same
//! events as model values directly (no JSON, no `statuspage` feature), for
//! benchmarks of the derived views; [`Generator::to_statuspage_json`] needs
//! the `statuspage` feature too.
//!
//! # Example
//!
//! ```
//! use incident_model::generate::Generator;
//!
//! let generator = Generator::new(42).incidents(50);
//! let incidents = generator.to_incidents();
//! let maintenances = generator.to_maintenances();
//! assert_eq!(incidents.len() + maintenances.len(), 50);
//! assert_eq!(incidents, Generator::new(42).incidents(50).to_incidents()); // deterministic
//! ```

#[cfg(feature = "statuspage")]
mod export;
mod generator;
mod model;
mod plan;

pub use generator::Generator;
