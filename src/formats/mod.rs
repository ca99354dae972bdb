//! The formats the model is read from and written to, one folder each.
//!
//! - [`own`]: the crate's own serde format (feature `serde`), in which every
//!   model type serializes and deserializes through its validating constructor;
//! - [`statuspage`]: Statuspage JSON (feature `statuspage`), every shape real
//!   pages publish, read with each oddity reported as an anomaly, and written
//!   back without loss;
//! - `feeds`: Statuspage's `history.atom` and `history.rss` (feature `feeds`),
//!   read and written;
//! - `google_cloud`, `slack`, `incident_io`, `cachet`: the other platforms
//!   (features of the same names), read into the same model;
//! - `arrow`: the model and its derived figures as Arrow tables (feature
//!   `arrow`), and as Parquet files (feature `parquet`), for analytical
//!   engines.
//!
//! (Formats whose feature is off are not in these docs' build when it is
//! not `--all-features`.)
//!
//! Every reader but Statuspage's returns the format-neutral [`Document`]
//! (Statuspage's own converts into one), with a [`ReadError`] naming the
//! format, the event, the update and the field. With the `json` feature,
//! one entry point, `read` (and `read_with`, `read_as`, `detect`), detects
//! the format from the content, so a consumer survives a page moving from
//! one platform to another:
//!
//! ```
//! # #[cfg(feature = "json")] {
//! use incident_model::formats::{self, Format};
//! let document = formats::read(r#"{"page_title": "OpenAI", "page_url": "https://status.openai.com/",
//!   "ongoing_incidents": [], "in_progress_maintenances": [], "scheduled_maintenances": []}"#);
//! match document {
//!     Ok(document) => assert_eq!(document.format, Format::IncidentIoWidget),
//!     // Built without the `incident_io` feature: found, and said so.
//!     Err(err) => assert!(err.to_string().starts_with("incident.io widget summary: found")),
//! }
//! # }
//! ```
//!
//! Every format reports what it repaired or tolerated in one vocabulary,
//! [`anomaly`] ([`Anomaly`], [`AnomalyKind`]).
//!
//! A format imports the model; the model never imports a format.

pub use anomaly::{Anomaly, AnomalyKind};
#[cfg(feature = "json")]
pub use detect::{detect, read, read_as, read_with, Options};
pub use document::{Document, Format, Page, PageComponent, ReadEvent};
pub use error::{Location, Problem, ReadError};

pub mod anomaly;
#[cfg(feature = "arrow")]
#[cfg_attr(docsrs, doc(cfg(feature = "arrow")))]
pub mod arrow;
#[cfg(any(
    feature = "feeds",
    feature = "google_cloud",
    feature = "slack",
    feature = "incident_io",
    feature = "cachet"
))]
mod assemble;
#[cfg(feature = "cachet")]
#[cfg_attr(docsrs, doc(cfg(feature = "cachet")))]
pub mod cachet;
#[cfg(feature = "json")]
mod detect;
mod document;
mod error;
#[cfg(feature = "feeds")]
#[cfg_attr(docsrs, doc(cfg(feature = "feeds")))]
pub mod feeds;
#[cfg(feature = "google_cloud")]
#[cfg_attr(docsrs, doc(cfg(feature = "google_cloud")))]
pub mod google_cloud;
#[cfg(any(feature = "feeds", feature = "slack"))]
mod html_text;
#[cfg(feature = "incident_io")]
#[cfg_attr(docsrs, doc(cfg(feature = "incident_io")))]
pub mod incident_io;
#[cfg(feature = "json")]
pub(crate) mod json;
#[cfg(feature = "serde")]
#[cfg_attr(docsrs, doc(cfg(feature = "serde")))]
pub mod own;
#[cfg(any(
    feature = "statuspage",
    feature = "feeds",
    feature = "google_cloud",
    feature = "slack",
    feature = "incident_io",
    feature = "cachet"
))]
mod published;
#[cfg(feature = "slack")]
#[cfg_attr(docsrs, doc(cfg(feature = "slack")))]
pub mod slack;
#[cfg(feature = "statuspage")]
#[cfg_attr(docsrs, doc(cfg(feature = "statuspage")))]
pub mod statuspage;
#[cfg(any(
    feature = "google_cloud",
    feature = "slack",
    feature = "incident_io",
    feature = "cachet"
))]
mod value;
