//! The formats the model is read from and written to, one folder each.
//!
//! - [`own`]: the crate's own serde format (feature `serde`), in which every
//!   model type serializes and deserializes through its validating constructor;
//! - [`statuspage`]: Statuspage JSON (feature `statuspage`), every shape real
//!   pages publish, read with each oddity reported as an anomaly, and written
//!   back without loss;
//! - [`arrow`]: the model and its derived figures as Arrow tables (feature
//!   `arrow`), and as Parquet files (feature `parquet`), for analytical
//!   engines.
//!
//! A format imports the model; the model never imports a format.

#[cfg(feature = "arrow")]
#[cfg_attr(docsrs, doc(cfg(feature = "arrow")))]
pub mod arrow;
#[cfg(feature = "json")]
pub(crate) mod json;
#[cfg(feature = "serde")]
#[cfg_attr(docsrs, doc(cfg(feature = "serde")))]
pub mod own;
#[cfg(feature = "statuspage")]
#[cfg_attr(docsrs, doc(cfg(feature = "statuspage")))]
pub mod statuspage;
