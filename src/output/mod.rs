//! What the model is shown as: an event as its status page shows it (text and
//! Markdown), the 90-day uptime bars as SVG, and the report over many events.
//!
//! An output reads the model and the derived views; it never knows the format
//! the events were read from.

mod markdown;
mod page;
pub mod report;
pub mod svg;
mod text;

pub use markdown::{markdown, write_markdown};
#[cfg(feature = "tz")]
pub use text::{page_zone, UnknownTimeZone};
pub use text::{text, write_text};
