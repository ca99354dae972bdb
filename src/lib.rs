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
//! // Re-validation under another policy lists every violation.
//! assert!(incident.clone().revalidate(Policy::strict()).is_ok());
//!
//! // The crate's own format round-trips.
//! let json = serde_json::to_string(&incident)?;
//! assert_eq!(serde_json::from_str::<Incident>(&json)?, incident);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! ## Map of the crate
//!
//! - [`status`](crate::IncidentStatus): the four status vocabularies;
//! - [`policy`]: lifecycles and the one transition table, [`Policy`];
//! - [`Event`] ([`Incident`], [`Maintenance`]), [`Update`], [`ComponentChange`],
//!   [`Component`] and the id newtypes: the validated model;
//! - [`error`]: one error type per concern.
//!
//! ## Features
//!
//! - `serde` (default): `Serialize`/`Deserialize` for every model type, in the
//!   crate's own format (see [`Event`]'s serde documentation in the `serde_impl`
//!   notes below);
//! - `json` (default): [`Event::from_json`] and [`Event::to_json`] with typed
//!   errors.
//! - `statuspage` (default): read and write Statuspage JSON (public API v2,
//!   manage API, compatible pages) with every oddity reported as an anomaly: see
//!   [`statuspage`].
#![cfg_attr(docsrs, feature(doc_cfg))]
#![forbid(unsafe_code)]
#![deny(missing_docs, missing_debug_implementations)]
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

mod component;
pub mod error;
mod incident;
pub mod policy;
#[cfg(feature = "serde")]
mod serde_impl;
mod status;
#[cfg(feature = "statuspage")]
#[cfg_attr(docsrs, doc(cfg(feature = "statuspage")))]
pub mod statuspage;
mod timeline;
mod update;

pub use component::{Component, ComponentId, IncidentId, UpdateId};
#[cfg(feature = "json")]
pub use error::FormatError;
pub use error::{IdError, ParseStatusError, TransitionError, ValidationError, Violations};
pub use incident::{Event, EventBuilder, EventParts, Incident, Maintenance, Schedule};
pub use policy::{Lifecycle, MoveKind, Policy, Refusal};
pub use status::{ComponentStatus, Impact, IncidentStatus, MaintenanceStatus};
pub use update::{ComponentChange, IncidentUpdate, MaintenanceUpdate, Update};
