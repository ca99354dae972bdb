//! # incident-model
//!
//! The typed, checked model of operational incidents and scheduled maintenances,
//! as status pages and incident tools (Statuspage, Cachet, OpenStatus,
//! incident.io, ...) know them: typed statuses, legal transitions enforced from
//! one transition table, durations and uptime computed without reading the clock,
//! Statuspage JSON read with every oddity reported, and a serde format that
//! round-trips.
//!
//! # Overview
//!
//! The running example of these docs is the incident of 16 March 2020: a
//! telemedicine service, flooded by new sign-ups, had slow page loads. Its
//! component API was degraded; the updates say identified at 10:28 EDT,
//! monitoring at 13:42, resolved at 17:51, and a postmortem at 17:53. Its time to
//! monitor is 3h 14m and its time to resolve 7h 23m.
//!
//! An [`Incident`] is always valid: it is built by [`Incident::builder`], moved by
//! [`Event::apply`], and both check every update against a [`Policy`]. Durations
//! are methods of the value.
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
//! # Cookbook
//!
//! Each recipe is a task, and a doc test that runs.
//!
//! ## Read an export and get the p90 time to resolve
//!
//! [`formats::statuspage::read`] takes any Statuspage document (here
//! `incidents.json`, as `https://<page>/api/v2/incidents.json` returns it; read
//! files with [`formats::statuspage::read_slice`]); [`Summaries`] gives the
//! count, mean and nearest-rank percentiles of the durations.
//!
//! ```
//! # #[cfg(feature = "statuspage")] {
//! use incident_model::formats::statuspage;
//! use incident_model::formats::statuspage::AnomalyKind;
//! use incident_model::{Impact, Summaries};
//!
//! let export = r#"{"page": {"id": "tm", "name": "Telemedicine Demo", "time_zone": "America/New_York"},
//!   "incidents": [
//!     {"id": "tm-2020-03-16", "name": "Slow page loads", "status": "postmortem", "impact": "minor",
//!      "created_at": "2020-03-16T14:28:00Z", "incident_updates": [
//!        {"id": "u4", "status": "postmortem", "created_at": "2020-03-16T21:53:00Z"},
//!        {"id": "u3", "status": "resolved", "created_at": "2020-03-16T21:51:00Z"},
//!        {"id": "u2", "status": "monitoring", "created_at": "2020-03-16T17:42:00Z"},
//!        {"id": "u1", "status": "identified", "created_at": "2020-03-16T14:28:00Z"}]},
//!     {"id": "tm-2020-03-09", "name": "Login errors", "status": "resolved", "impact": "major",
//!      "created_at": "2020-03-09T15:00:00Z", "incident_updates": [
//!        {"id": "v2", "status": "resolved", "created_at": "2020-03-09T15:45:00Z"},
//!        {"id": "v1", "status": "investigating", "created_at": "2020-03-09T15:00:00Z"}]}]}"#;
//! let document = statuspage::read(export)?;
//! let incidents: Vec<_> = document.incidents.iter().map(|record| &record.event).collect();
//!
//! let summaries = Summaries::of(incidents.iter().copied());
//! assert_eq!(summaries.time_to_resolve.count, 2);
//! assert_eq!(summaries.time_to_resolve.p50.unwrap().to_string(), "45m");
//! assert_eq!(summaries.time_to_resolve.p90.unwrap().to_string(), "7h 23m");
//!
//! let by_impact = Summaries::by_impact(incidents.iter().copied());
//! assert_eq!(by_impact[&Impact::Major].time_to_resolve.max.unwrap().to_string(), "45m");
//!
//! // What the export leaves out is reported beside the value, not hidden.
//! assert_eq!(document.count(AnomalyKind::MissingStartedAt), 2);
//! # }
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! ## Build and validate an incident
//!
//! The builder checks the whole list at [`EventBuilder::build`]; [`Event::apply`]
//! checks each new update against the incident's [`Policy`] (the standard one
//! unless you pick another). A refused move leaves the incident as it was and
//! says why, naming the incident, the update and the move, with the refused
//! [`TransitionError`] as its typed [`source`](std::error::Error::source).
//!
//! ```
//! use chrono::{TimeZone, Utc};
//! use incident_model::{Incident, IncidentStatus::*, Update, ValidationError};
//!
//! let edt = |h: u32, m: u32| Utc.with_ymd_and_hms(2020, 3, 16, h + 4, m, 0).unwrap();
//! let mut incident = Incident::builder("Slow page loads")
//!     .id("tm-2020-03-16".parse()?)
//!     .update(Update::new(Identified, edt(10, 28)))
//!     .update(Update::new(Monitoring, edt(13, 42)))
//!     .update(Update::new(Resolved, edt(17, 51)))
//!     .build()?;
//!
//! // Resolved is terminal under the standard policy: going back needs a reopen.
//! let back = Update::new(Investigating, edt(17, 52)).with_id("u4".parse()?);
//! let refused = incident.apply(back).unwrap_err();
//! assert!(matches!(refused, ValidationError::Transition(_)));
//! assert_eq!(
//!     refused.to_string(),
//!     "incident \"tm-2020-03-16\", updates[3] (id \"u4\", display_at 2020-03-16T21:52:00Z): \
//!      move resolved -> investigating refused under the standard policy: \
//!      it reopens a closed lifecycle, which takes an explicit reopen"
//! );
//! assert_eq!(incident.status(), Resolved);
//!
//! // An explicit reopen is allowed; here the postmortem follows instead.
//! incident.apply(Update::new(Postmortem, edt(17, 53)))?;
//! assert_eq!(incident.updates().len(), 4);
//!
//! // The builder refuses what `apply` refuses, and an empty list.
//! let built = Incident::builder("Slow page loads")
//!     .update(Update::new(Resolved, edt(17, 51)))
//!     .update(Update::new(Investigating, edt(17, 52)))
//!     .build();
//! assert!(matches!(built, Err(ValidationError::Transition(_))));
//! let empty = Incident::builder("Slow page loads").build();
//! assert!(matches!(empty, Err(ValidationError::NoUpdates { .. })));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! ## Render an incident as its status page does
//!
//! [`output::text`] prints the page's history, newest update first, times in the
//! page's time zone: [`output::page_zone`] turns the IANA name a page publishes
//! into a zone that prints `EDT` and `EST` on the right dates (feature `tz`).
//! [`output::markdown`] prints the same walk as Markdown.
//!
//! ```
//! # #[cfg(feature = "tz")] {
//! use chrono::{TimeZone, Utc};
//! use incident_model::{output, Component, ComponentId, Incident, IncidentStatus::*, Update};
//!
//! let edt = |h: u32, m: u32| Utc.with_ymd_and_hms(2020, 3, 16, h + 4, m, 0).unwrap();
//! let incident = Incident::builder("Slow page loads")
//!     .component(Component::new(ComponentId::new("api")?, "API"))
//!     .update(Update::new(Identified, edt(10, 28)).with_body("New sign-ups are slowing page loads."))
//!     .update(Update::new(Resolved, edt(17, 51)).with_body("This incident has been resolved."))
//!     .build()?;
//!
//! let zone = output::page_zone("America/New_York")?;
//! assert_eq!(
//!     output::text(&incident, &zone),
//!     "Slow page loads\n\
//!      \n\
//!      Resolved - This incident has been resolved.\n\
//!      Posted Mar 16, 2020 - 17:51 EDT\n\
//!      \n\
//!      Identified - New sign-ups are slowing page loads.\n\
//!      Posted Mar 16, 2020 - 10:28 EDT\n\
//!      \n\
//!      This incident affected: API.\n"
//! );
//! # }
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! ## Draw 90 days of uptime
//!
//! A [`ComponentHistory`] merges the component changes of many events (overlaps
//! count once); its [`MergedHistory`] gives the uptime over a [`Window`] and one
//! [`DayBucket`] a day, and [`output::svg`] draws the bars.
//!
//! ```
//! use chrono::{NaiveDate, TimeZone, Utc};
//! use incident_model::output::svg::{self, ComponentBars};
//! use incident_model::{
//!     ComponentChange, ComponentHistory, ComponentId, ComponentStatus::*, DayRange, Incident,
//!     IncidentStatus::*, Update, Weights,
//! };
//!
//! let edt = |h: u32, m: u32| Utc.with_ymd_and_hms(2020, 3, 16, h + 4, m, 0).unwrap();
//! let api = ComponentId::new("api")?;
//! let change = |old, new| ComponentChange::new(api.clone(), "API", old, new);
//! // The API was fully down during a 23-minute emergency maintenance.
//! let incident = Incident::builder("Slow page loads")
//!     .update(Update::new(Identified, edt(11, 17)).with_change(change(Operational, MajorOutage)))
//!     .update(Update::new(Resolved, edt(11, 40)).with_change(change(MajorOutage, Operational)))
//!     .build()?;
//!
//! let mut history = ComponentHistory::new();
//! history.add_event(&incident, edt(18, 0));
//! let days = DayRange::ending(NaiveDate::from_ymd_opt(2020, 3, 31).unwrap(), 90);
//! let bars = ComponentBars::from_history("API", &history.merged(&api), &days, &Weights::default());
//! // The figure names its rule: Statuspage's weights, the default.
//! assert_eq!(bars.uptime.unwrap().to_string(), "99.98% (statuspage)"); // 23 minutes in 90 days
//!
//! let picture = svg::uptime_bars("Telemedicine Demo", &[bars]);
//! assert_eq!(picture.matches("<rect class=\"day\"").count(), 90);
//! assert_eq!(picture.matches("data-status=\"major_outage\"").count(), 1); // 16 March
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! ## Persist and reload
//!
//! The crate's own format ([`formats::own`]) is plain serde; with the `json`
//! feature, [`Event::to_json`] and [`Event::from_json`] write and read it with
//! typed errors. Reading runs the same checks as the builder, so a stored file
//! edited by hand cannot load an invalid incident.
//!
//! ```
//! # #[cfg(feature = "json")] {
//! use chrono::{TimeZone, Utc};
//! use incident_model::{FormatError, Incident, IncidentStatus::*, Update};
//!
//! let edt = |h: u32, m: u32| Utc.with_ymd_and_hms(2020, 3, 16, h + 4, m, 0).unwrap();
//! let incident = Incident::builder("Slow page loads")
//!     .update(Update::new(Identified, edt(10, 28)))
//!     .update(Update::new(Resolved, edt(17, 51)))
//!     .build()?;
//!
//! let stored = incident.to_json();
//! assert_eq!(Incident::from_json(&stored)?, incident);
//!
//! // A postmortem before resolution, edited in by hand, does not load.
//! let edited = stored.replace("\"resolved\"", "\"postmortem\"");
//! assert!(matches!(Incident::from_json(&edited), Err(FormatError::Invalid(_))));
//! # }
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! ## Build an incident whose moves are checked at compile time
//!
//! In [`typed`], the status is part of the type and each legal move is a method,
//! generated from the same table as [`Policy::standard`]; the value converts into
//! the runtime [`Incident`] for free.
//!
//! ```
//! use chrono::{TimeZone, Utc};
//! use incident_model::typed::{state, Draft, Typed};
//! use incident_model::{Incident, IncidentStatus};
//!
//! let edt = |h: u32, m: u32| Utc.with_ymd_and_hms(2020, 3, 16, h + 4, m, 0).unwrap();
//! let incident: Incident = Typed::<state::Identified>::start("Slow page loads", Draft::new(edt(10, 28)))
//!     .monitoring(Draft::new(edt(13, 42)))?
//!     .resolved(Draft::new(edt(17, 51)))?
//!     .postmortem(Draft::new(edt(17, 53)))?
//!     .into();
//! assert_eq!(incident.status(), IncidentStatus::Postmortem);
//! assert_eq!(incident.time_to_resolve().unwrap().to_string(), "7h 23m");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! An illegal move is a method that does not exist:
//!
//! ```compile_fail
//! # use chrono::{TimeZone, Utc};
//! # use incident_model::typed::{state, Draft, Typed};
//! # let at = Utc.with_ymd_and_hms(2020, 3, 16, 21, 51, 0).unwrap();
//! let resolved = Typed::<state::Resolved>::start("Slow page loads", Draft::new(at));
//! resolved.investigating(Draft::new(at)); // no such method: `reopen_investigating` is
//! ```
//!
//! # Design notes
//!
//! ## One transition table
//!
//! Which status may follow which is written once, as a `const` table in
//! [`policy`] ([`Policy::standard`], [`Policy::strict`],
//! [`Policy::permissive`]). The builder, [`Event::apply`], deserialization, the
//! Statuspage reader and [`Event::revalidate`] ask the same table; [`typed`] is
//! generated from it and checked against it at compile time.
//!
//! ## No clock read
//!
//! No function reads the clock. Derived views are pure functions of the value:
//! an open event is measured until an `as_of` you pass, and ids the crate mints
//! are UUID v7 built from the value's own times.
//!
//! ## Validation on every constructor
//!
//! Fields are private, and every way to get an event checks it: the builder,
//! [`Event::from_parts`], [`Event::apply`], and deserialization (serde goes
//! through the same constructor, as semver's does). An [`Incident`] in hand is
//! valid; errors are typed and name the event, the update and the field.
//!
//! ## Data flows one way
//!
//! formats -> validated model -> derived views -> output. Derived views never
//! mutate the model; the model never knows a wire format; an output never knows a
//! format. The tree is the architecture:
//!
//! - the model, in flat files: the four status vocabularies
//!   ([`IncidentStatus`], [`MaintenanceStatus`], [`Impact`], [`ComponentStatus`]),
//!   the ids ([`EventId`], [`UpdateId`], [`ComponentId`]), [`Component`],
//!   [`policy`] (lifecycles and the one transition table, [`Policy`]), [`Event`]
//!   ([`Incident`], [`Maintenance`]) built by [`EventBuilder`], [`Update`] and
//!   [`ComponentChange`], [`AnyEvent`] (an incident or a maintenance, for mixed
//!   lists, with [`AnyStatus`]), and [`typed`], the compile-time lifecycle over
//!   the same table, in which an illegal move cannot be written;
//! - derived views, pure functions of the model that never read the clock (an
//!   open event is measured until an `as_of` you pass):
//!   - [`timeline`]: milestones, durations ([`Event::time_to_resolve`], ...),
//!     time in each status, regressions and reopens, and the affected components
//!     of one event ([`Event::timeline`], [`Event::affected_components`]);
//!   - [`Elapsed`]: the durations, printed as "7h 23m";
//!   - [`maintenance`]: a maintenance against its plan
//!     ([`Maintenance::against_plan`]: start delay, overrun, duration);
//!   - [`uptime`]: weights and named rules ([`UptimeRule`]), merged component
//!     histories across many events, coverage ([`Coverage`]: no data is not
//!     up), uptime over a window and the 90-day bar in the page's zone
//!     ([`ComponentHistory`]);
//!   - [`metrics`]: count, mean and nearest-rank percentiles of the durations over
//!     many events, by impact and by component ([`Summaries`]);
//! - [`formats`]: [`formats::own`], the crate's own serde format, and
//!   [`formats::statuspage`], every shape of Statuspage JSON real pages publish,
//!   read with each oddity reported as an anomaly, and written back; with
//!   their features, Statuspage's history feeds, Google Cloud, Slack,
//!   incident.io and Cachet, read into the same model (the feeds written
//!   too), and one entry point that detects the format (`formats::read`);
//! - [`output`]: an event as its status page shows it ([`output::text`],
//!   [`output::markdown`]), the 90-day uptime bars as SVG ([`output::svg`]) and
//!   the report over many events ([`output::report`]);
//! - [`error`]: every error type, each defined beside what it checks, re-exported
//!   there and at the root.
//!
//! # Features
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
//! - `calendar` (off): [`calendar`], recurring maintenance windows (an
//!   iCalendar RRULE subset, expanded in the page's zone, with the `rrule`
//!   crate) and scheduled maintenances as an iCalendar feed (with the
//!   `icalendar` crate); implies `tz`;
//! - `arrow` (off): [`formats::arrow`], the events, updates and component
//!   intervals as Arrow record batches with a documented, stable schema, for
//!   analytical engines (DuckDB, DataFusion, Polars);
//! - `parquet` (off): [`formats::arrow::parquet`], those tables written to
//!   Parquet files in batches;
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

mod any;
mod builder;
#[cfg(feature = "calendar")]
#[cfg_attr(docsrs, doc(cfg(feature = "calendar")))]
pub mod calendar;
mod component;
mod duration;
pub mod error;
mod event;
pub mod formats;
#[cfg(feature = "generate")]
#[cfg_attr(docsrs, doc(cfg(feature = "generate")))]
pub mod generate;
pub mod history;
mod id;
pub mod maintenance;
pub mod metrics;
pub mod output;
pub mod policy;
mod status;
mod time;
pub mod timeline;
pub mod typed;
mod update;
pub mod uptime;

pub use any::{AnyEvent, AnyEventRef, EventKind};
pub use builder::{EventBuilder, EventParts, Schedule};
/// The `chrono` the public API is written in (`DateTime<Utc>` everywhere),
/// re-exported: a dependent names the same version without pinning it.
///
/// # Example
///
/// ```
/// use incident_model::chrono::{TimeZone, Utc};
/// use incident_model::{IncidentStatus, Update};
/// let at = Utc.with_ymd_and_hms(2020, 3, 16, 14, 28, 0).unwrap();
/// assert_eq!(Update::new(IncidentStatus::Identified, at).display_at(), at);
/// ```
pub use chrono;
/// The `chrono-tz` of [`output::page_zone`]'s `Tz` (feature `tz`),
/// re-exported: a dependent names the same version without pinning it.
///
/// # Example
///
/// ```
/// use incident_model::chrono_tz::{America::New_York, Tz};
/// let zone: Tz = New_York;
/// assert_eq!(zone.name(), "America/New_York");
/// ```
#[cfg(feature = "tz")]
#[cfg_attr(docsrs, doc(cfg(feature = "tz")))]
pub use chrono_tz;
pub use component::Component;
pub use duration::Elapsed;
#[cfg(feature = "json")]
pub use error::FormatError;
pub use error::{IdError, ParseStatusError, Refused, TransitionError, ValidationError, Violations};
pub use event::{Event, Incident, Maintenance};
pub use id::{ComponentId, EventId, UpdateId};
pub use maintenance::{AgainstPlan, Deviation, PlanOddity};
pub use metrics::{MaintenanceSummary, Summaries, Summary};
pub use policy::{IncidentPolicy, Lifecycle, MaintenancePolicy, MoveKind, Policy, Preset, Refusal};
pub use status::{AnyStatus, ComponentStatus, Impact, IncidentStatus, MaintenanceStatus};
pub use timeline::{AffectedComponent, StatusInterval, TimeInStatus, Timeline};
pub use update::{ComponentChange, IncidentUpdate, MaintenanceUpdate, Update};
pub use uptime::{
    ComponentHistory, Coverage, DayBucket, DayRange, MergedHistory, MergedInterval, Uptime,
    UptimeRule, Weights, Window,
};

/// The README's examples run as doc tests (the Quickstart is a whole `main.rs`
/// that uses the crate's own JSON format, hence `json`).
#[cfg(all(doctest, feature = "json"))]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;
