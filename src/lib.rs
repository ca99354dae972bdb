//! # incident-model
//!
//! The typed, checked model of operational incidents and scheduled maintenances,
//! as status pages and incident tools (Statuspage, Cachet, OpenStatus,
//! incident.io, ...) know them: typed statuses, legal transitions enforced from
//! one transition table, and a serde format that round-trips.
//!
//! ```
//! use chrono::{TimeZone, Utc};
//! use incident_model::{
//!     ComponentChange, ComponentId, ComponentStatus::*, Incident, IncidentStatus::*, Policy, Update,
//! };
//!
//! // 16 March 2020, a telemedicine service flooded by sign-ups (times in EDT, UTC-4).
//! let edt = |h: u32, m: u32| Utc.with_ymd_and_hms(2020, 3, 16, h + 4, m, 0).unwrap();
//! let api = ComponentId::new("api")?;
//! let mut incident = Incident::builder("Slow page loads")
//!     .update(
//!         Update::new(Identified, edt(10, 28))
//!             .with_body("New sign-ups are slowing page loads.")
//!             .with_change(ComponentChange::new(api.clone(), "API", Operational, DegradedPerformance)),
//!     )
//!     .update(Update::new(Monitoring, edt(13, 42)).with_body("A fix is in place."))
//!     .build()?;
//!
//! // The runtime check: resolved is terminal unless reopened explicitly.
//! incident.apply(Update::new(Resolved, edt(17, 51)).with_body("Resolved."))?;
//! assert!(incident.apply(Update::new(Investigating, edt(17, 52))).is_err());
//! incident.apply(Update::new(Postmortem, edt(17, 53)))?;
//!
//! // Derived views are pure functions of the value (no clock read).
//! assert_eq!(incident.time_to_monitor().unwrap().to_string(), "3h 14m");
//! assert_eq!(incident.time_to_resolve().unwrap().to_string(), "7h 23m");
//!
//! // Re-validation under another policy lists every violation.
//! assert!(incident.clone().revalidate(Policy::strict()).is_ok());
//!
//! # #[cfg(feature = "serde")] {
//! // The crate's own format round-trips.
//! let json = serde_json::to_string(&incident)?;
//! assert_eq!(serde_json::from_str::<Incident>(&json)?, incident);
//! # }
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! ## Map of the crate
//!
//! The tree is the architecture. Data flows one way: formats -> validated model
//! -> derived views -> output.
//!
//! - the model, in flat files: the four status vocabularies
//!   ([`IncidentStatus`], [`MaintenanceStatus`], [`Impact`], [`ComponentStatus`]),
//!   the ids ([`EventId`], [`UpdateId`], [`ComponentId`]), [`Component`],
//!   [`policy`] (lifecycles and the one transition table, [`Policy`]), [`Event`]
//!   ([`Incident`], [`Maintenance`]) built by [`EventBuilder`], [`Update`] and
//!   [`ComponentChange`], and [`typed`], the compile-time lifecycle over the same
//!   table, in which an illegal move cannot be written;
//! - derived views, pure functions of the model that never read the clock (an
//!   open event is measured until an `as_of` you pass):
//!   - [`timeline`]: milestones, durations ([`Event::time_to_resolve`], ...),
//!     time in each status, regressions and reopens, and the affected components
//!     of one event ([`Event::timeline`], [`Event::affected_components`]);
//!   - [`Elapsed`]: the durations, printed as "7h 23m";
//!   - [`uptime`]: weights, merged component histories across many events,
//!     uptime over a window and the 90-day bar ([`ComponentHistory`]);
//!   - [`metrics`]: count, mean and nearest-rank percentiles of the durations over
//!     many events, by impact and by component ([`Summaries`]);
//! - [`formats`]: [`formats::own`], the crate's own serde format, and
//!   [`formats::statuspage`], every shape of Statuspage JSON real pages publish,
//!   read with each oddity reported as an anomaly, and written back;
//! - [`output`]: an event as its status page shows it ([`output::text`],
//!   [`output::markdown`]), the 90-day uptime bars as SVG ([`output::svg`]) and
//!   the report over many events ([`output::report`]);
//! - [`error`]: every error type, each defined beside what it checks.
//!
//! ## Features
//!
//! - `serde` (default): `Serialize`/`Deserialize` for every model type, in the
//!   crate's own format, documented in [`formats::own`];
//! - `json` (default): [`Event::from_json`] and [`Event::to_json`] with typed
//!   errors;
//! - `tz` (default): IANA time zones (`chrono-tz`) for [`output`], so times print
//!   as the status page prints them (`17:51 EDT`);
//! - `statuspage` (default): read and write Statuspage JSON (public API v2,
//!   manage API, compatible pages) with every oddity reported as an anomaly: see
//!   [`formats::statuspage`];
//! - `generate` (off): [`generate`], seeded, deterministic generation of large,
//!   realistic Statuspage exports (and the same events as model values), for
//!   benchmarks, fuzzing and tests.
#![cfg_attr(docsrs, feature(doc_cfg))]
#![forbid(unsafe_code)]
#![deny(missing_docs, missing_debug_implementations)]
#![warn(clippy::pedantic)]
#![allow(
    // Prose names products (OpenStatus, incident.io) and wire names in plain text.
    clippy::doc_markdown,
    // The transition tables read best with the statuses in scope.
    clippy::enum_glob_use,
    // `match` with a fallback arm reads better than `if let ... else` in the readers.
    clippy::single_match_else,
    // `time_to_identify`, `time_to_monitor`, `time_to_resolve` are the domain's names.
    clippy::struct_field_names,
    // Errors box their location to stay small on the happy path.
    clippy::unnecessary_box_returns,
    clippy::module_name_repetitions
)]
// Library code never panics on data from outside; tests may.
#![cfg_attr(
    not(test),
    deny(
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::panic,
        clippy::indexing_slicing
    )
)]

mod builder;
mod component;
mod duration;
pub mod error;
mod event;
pub mod formats;
#[cfg(feature = "generate")]
#[cfg_attr(docsrs, doc(cfg(feature = "generate")))]
pub mod generate;
mod id;
pub mod metrics;
pub mod output;
pub mod policy;
mod status;
mod time;
pub mod timeline;
pub mod typed;
mod update;
pub mod uptime;

pub use builder::{EventBuilder, EventParts, Schedule};
pub use component::Component;
pub use duration::Elapsed;
#[cfg(feature = "json")]
pub use error::FormatError;
pub use error::{IdError, ParseStatusError, TransitionError, ValidationError, Violations};
pub use event::{Event, Incident, Maintenance};
pub use id::{ComponentId, EventId, UpdateId};
pub use metrics::{Summaries, Summary};
pub use policy::{Lifecycle, MoveKind, Policy, Preset, Refusal};
pub use status::{ComponentStatus, Impact, IncidentStatus, MaintenanceStatus};
pub use timeline::{AffectedComponent, StatusInterval, TimeInStatus, Timeline};
pub use update::{ComponentChange, IncidentUpdate, MaintenanceUpdate, Update};
pub use uptime::{
    ComponentHistory, DayBucket, DayRange, MergedHistory, MergedInterval, Uptime, Weights, Window,
};

/// The README's examples run as doc tests.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;
