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

use chrono::{DateTime, TimeZone, Utc};

use crate::event::Event;
use crate::policy::Lifecycle;

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
pub fn text<S, Tz>(event: &Event<S>, zone: &Tz) -> String
where
    S: Lifecycle,
    Tz: TimeZone,
    Tz::Offset: Display,
{
    let mut out = String::new();
    // Writing into a String cannot fail.
    let _ = write_text(&mut out, event, zone);
    out
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
pub fn write_text<S, Tz>(out: &mut impl Write, event: &Event<S>, zone: &Tz) -> fmt::Result
where
    S: Lifecycle,
    Tz: TimeZone,
    Tz::Offset: Display,
{
    writeln!(out, "{}", event.name())?;
    for update in event.updates().iter().rev() {
        writeln!(out)?;
        write!(out, "{}", StatusLabel(update.status()))?;
        if !update.body().is_empty() {
            write!(out, " - {}", update.body())?;
        }
        writeln!(out)?;
        writeln!(out, "Posted {}", Posted(update.display_at(), zone))?;
    }
    let affected = affected_names(event);
    if !affected.is_empty() {
        writeln!(out)?;
        writeln!(
            out,
            "This {} affected: {}.",
            kind_phrase::<S>(),
            Joined(&affected)
        )?;
    }
    Ok(())
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

/// `incident` or `scheduled maintenance`, as the pages word it.
pub(super) fn kind_phrase<S: Lifecycle>() -> &'static str {
    if S::HAS_SCHEDULE {
        "scheduled maintenance"
    } else {
        "incident"
    }
}

/// The names of the affected components, in the order and with the names of
/// [`Event::affected_components`].
pub(super) fn affected_names<S: Lifecycle>(event: &Event<S>) -> Vec<String> {
    // Only the names are needed: measure until the last update, whatever it is.
    let until = event.last_update().display_at();
    event
        .affected_components(until)
        .into_iter()
        .map(|c| c.name)
        .collect()
}

/// A status as the pages label it: `Identified`, `In progress`.
pub(super) struct StatusLabel<S>(pub(super) S);

impl<S: Lifecycle> Display for StatusLabel<S> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut chars = self.0.as_str().chars();
        if let Some(first) = chars.next() {
            f.write_char(first.to_ascii_uppercase())?;
        }
        for c in chars {
            f.write_char(if c == '_' { ' ' } else { c })?;
        }
        Ok(())
    }
}

/// `Mar 16, 2020 - 17:51 EDT` in the given zone.
pub(super) struct Posted<'a, Tz>(pub(super) DateTime<Utc>, pub(super) &'a Tz);

impl<Tz: TimeZone> Display for Posted<'_, Tz>
where
    Tz::Offset: Display,
{
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let local = self.0.with_timezone(self.1);
        write!(
            f,
            "{} - {} {}",
            local.format("%b %-d, %Y"),
            local.format("%H:%M"),
            local.offset()
        )
    }
}

/// Names joined as the pages join them: `A`, `A and B`, `A, B, and C`.
pub(super) struct Joined<'a, T>(pub(super) &'a [T]);

impl<T: Display> Display for Joined<'_, T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let n = self.0.len();
        for (i, name) in self.0.iter().enumerate() {
            let separator = match (n, i) {
                (_, 0) => "",
                (2, _) => " and ",
                (_, i) if i + 1 == n => ", and ",
                _ => ", ",
            };
            write!(f, "{separator}{name}")?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn joined_lists_use_the_pages_commas() {
        assert_eq!(Joined::<&str>(&[]).to_string(), "");
        assert_eq!(Joined(&["API"]).to_string(), "API");
        assert_eq!(Joined(&["API", "Web"]).to_string(), "API and Web");
        assert_eq!(
            Joined(&["API", "Web", "DB"]).to_string(),
            "API, Web, and DB"
        );
    }

    #[test]
    fn labels_capitalize_and_space() {
        assert_eq!(
            StatusLabel(crate::MaintenanceStatus::InProgress).to_string(),
            "In progress"
        );
        assert_eq!(
            StatusLabel(crate::IncidentStatus::Postmortem).to_string(),
            "Postmortem"
        );
    }
}
