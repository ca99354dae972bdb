//! The formats the model is read from and written to, one folder each.
//!
//! - [`own`]: the crate's own serde format (feature `serde`), in which every
//!   model type serializes and deserializes through its validating constructor;
//! - [`statuspage`]: Statuspage JSON (feature `statuspage`), every shape real
//!   pages publish, read with each oddity reported as an anomaly, and written
//!   back without loss.
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
