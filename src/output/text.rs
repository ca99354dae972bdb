//! Text and Markdown: an incident or maintenance as its status page shows it.
//!
//! The page's history lists the updates newest first, each as `Status - body`
//! followed by `Posted Mar 16, 2020 - 17:51 EDT` in the page's time zone, then the
//! affected components: `This incident affected: API.` (`This scheduled
//! maintenance affected: ...` for maintenances). Names of several components are
//! joined as the pages join them: `API and Website`, `API, Website, and Database`.
//!
//! The time zone is any [`chrono::TimeZone`] whose offsets print an abbreviation:
//! with the `tz` feature, [`page_zone`] turns the IANA name a Statuspage page
//! publishes (`America/New_York`) into a [`chrono_tz::Tz`] that prints `EDT` and
//! `EST` on the right dates.
//!
//! # Example
//!
//! ```
//! use chrono::{TimeZone, Utc};
//! use incident_model::{output, Component, ComponentId, Incident, IncidentStatus::*, Update};
//!
//! let edt = |h: u32, m: u32| Utc.with_ymd_and_hms(2020, 3, 16, h + 4, m, 0).unwrap();
//! let incident = Incident::builder("Slow page loads")
//!     .component(Component::new(ComponentId::new("api")?, "API"))
//!     .update(Update::new(Identified, edt(10, 28)).with_body("Sign-ups are slowing page loads."))
//!     .update(Update::new(Resolved, edt(17, 51)).with_body("This incident has been resolved."))
//!     .build()?;
//! # #[cfg(feature = "tz")] {
//! let zone = output::page_zone("America/New_York")?;
//! assert_eq!(
//!     output::text(&incident, &zone),
//!     "Slow page loads\n\
//!      \n\
//!      Resolved - This incident has been resolved.\n\
//!      Posted Mar 16, 2020 - 17:51 EDT\n\
//!      \n\
//!      Identified - Sign-ups are slowing page loads.\n\
//!      Posted Mar 16, 2020 - 10:28 EDT\n\
//!      \n\
//!      This incident affected: API.\n"
//! );
//! # }
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use core::fmt::{self, Display, Write};

use chrono::TimeZone;

use super::page::{Markup, Page};
use crate::any::AnyEventRef;

/// The incident or maintenance as plain text, as its status page shows it: the
/// name, then each update newest first (`Status - body`, or `Status` alone for an empty body, then `Posted <date> -
/// <time> <zone>`), then the affected components.
///
/// # Example
///
/// ```
/// use chrono::{FixedOffset, TimeZone, Utc};
/// use incident_model::{output, Maintenance, MaintenanceStatus::*, Update};
///
/// let at = Utc.with_ymd_and_hms(2020, 12, 17, 9, 0, 0).unwrap();
/// let maintenance = Maintenance::builder("Database upgrade")
///     .update(Update::new(InProgress, at).with_body("Under way."))
///     .build()?;
/// let text = output::text(&maintenance, &Utc);
/// assert!(text.contains("In progress - Under way.\nPosted Dec 17, 2020 - 09:00 UTC\n"));
/// assert!(!text.contains("affected"), "no component, no affected line");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[must_use]
pub fn text<'a, Tz>(event: impl Into<AnyEventRef<'a>>, zone: &Tz) -> String
where
    Tz: TimeZone,
    Tz::Offset: Display,
{
    Page::<Tz, Text>::new(event.into(), zone).to_string()
}

/// [`text`], written into any [`fmt::Write`].
///
/// # Errors
///
/// Whatever `out` returns.
///
/// # Example
///
/// ```
/// use chrono::{TimeZone, Utc};
/// use incident_model::{output, Incident, IncidentStatus::*, Update};
/// let at = Utc.with_ymd_and_hms(2020, 3, 16, 14, 28, 0).unwrap();
/// let incident = Incident::builder("x").update(Update::new(Investigating, at)).build()?;
/// let mut out = String::new();
/// output::write_text(&mut out, &incident, &Utc)?;
/// assert_eq!(out, output::text(&incident, &Utc));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn write_text<'a, Tz>(
    out: &mut impl Write,
    event: impl Into<AnyEventRef<'a>>,
    zone: &Tz,
) -> fmt::Result
where
    Tz: TimeZone,
    Tz::Offset: Display,
{
    write!(out, "{}", Page::<Tz, Text>::new(event.into(), zone))
}

/// The time zone a Statuspage page publishes (`page.time_zone`, an IANA name
/// such as `America/New_York`), for rendering (feature `tz`).
///
/// # Errors
///
/// [`UnknownTimeZone`] if the name is not in the IANA database.
///
/// # Example
///
/// ```
/// use incident_model::output;
/// assert!(output::page_zone("America/Chicago").is_ok());
/// let err = output::page_zone("Mars/Olympus_Mons").unwrap_err();
/// assert_eq!(err.to_string(), "unknown time zone \"Mars/Olympus_Mons\": expected an IANA name such as America/New_York");
/// ```
#[cfg(feature = "tz")]
pub fn page_zone(name: &str) -> Result<chrono_tz::Tz, UnknownTimeZone> {
    name.parse().map_err(|_| UnknownTimeZone {
        name: name.to_owned(),
    })
}

/// A time zone name that is not in the IANA database (feature `tz`).
///
/// # Example
///
/// ```
/// use incident_model::output;
/// assert_eq!(output::page_zone("EDT").unwrap_err().name, "EDT");
/// ```
#[cfg(feature = "tz")]
#[derive(Clone, PartialEq, Eq, Debug, thiserror::Error)]
#[error("unknown time zone {name:?}: expected an IANA name such as America/New_York")]
#[non_exhaustive]
pub struct UnknownTimeZone {
    /// The name that was given.
    pub name: String,
}

/// Plain text: the pieces as they are.
struct Text;

impl Markup for Text {
    type Line<'a> = &'a str;
    type Body<'a> = &'a str;
    const TITLE: &'static str = "";
    const STRONG: &'static str = "";
    const LINE_BREAK: &'static str = "";
    const EMPHASIS: &'static str = "";

    fn line(text: &str) -> &str {
        text
    }

    fn body(text: &str) -> &str {
        text
    }
}
