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

/// Plain text: the pieces as they are, but for what would act rather than
/// show ([`acts`]), escaped as `Debug` escapes it (`\n`, `\u{1b}`): a name
/// stays on its line and no text reaches a terminal as a command. A body keeps
/// its line breaks (`\n`, `\r\n`).
struct Text;

impl Markup for Text {
    type Line<'a> = TextLine<'a>;
    type Body<'a> = TextBody<'a>;
    const TITLE: &'static str = "";
    const STRONG: &'static str = "";
    const LINE_BREAK: &'static str = "";
    const EMPHASIS: &'static str = "";

    fn line(text: &str) -> TextLine<'_> {
        TextLine(text)
    }

    fn body(text: &str) -> TextBody<'_> {
        TextBody(text)
    }
}

/// Whether `c` would act on a terminal or a reader's lines rather than show:
/// a control character (C0, DEL, C1: newlines, escape sequences), a line or
/// paragraph separator, or a bidirectional override or isolate (which reorder
/// the text around them). Other characters, emoji and their variation
/// selectors included, are shown as they are.
fn acts(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{2028}' | '\u{2029}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// Writes `text` with each character that [`acts`] escaped.
fn write_escaped(f: &mut fmt::Formatter<'_>, text: &str) -> fmt::Result {
    for c in text.chars() {
        if acts(c) {
            write!(f, "{}", c.escape_debug())?;
        } else {
            f.write_char(c)?;
        }
    }
    Ok(())
}

/// Text on one line (a name): every character that [`acts`] escaped,
/// newlines too.
struct TextLine<'a>(&'a str);

impl Display for TextLine<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write_escaped(f, self.0)
    }
}

/// An update body: its line breaks kept (`\n`, `\r\n`), every other
/// character that [`acts`] escaped (a lone `\r`, which would overwrite the
/// line on a terminal, too).
struct TextBody<'a>(&'a str);

impl Display for TextBody<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut lines = self.0.split('\n').peekable();
        while let Some(line) = lines.next() {
            let last = lines.peek().is_none();
            // A `\r` that ends a line (`\r\n`) is kept: it overwrites nothing.
            match line.strip_suffix('\r') {
                Some(text) if !last => {
                    write_escaped(f, text)?;
                    f.write_char('\r')?;
                }
                _ => write_escaped(f, line)?,
            }
            if !last {
                f.write_char('\n')?;
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use chrono::{TimeZone, Utc};

    use crate::component::Component;
    use crate::id::ComponentId;
    use crate::status::IncidentStatus;
    use crate::update::Update;
    use crate::Incident;

    fn page(name: &str, body: &str, component: &str) -> String {
        let at = Utc.with_ymd_and_hms(2020, 3, 16, 14, 0, 0).unwrap();
        let incident = Incident::builder(name)
            .component(Component::new(ComponentId::new("api").unwrap(), component))
            .update(Update::new(IncidentStatus::Investigating, at).with_body(body))
            .build()
            .unwrap();
        super::text(&incident, &Utc)
    }

    #[test]
    fn names_stay_on_their_line_and_escapes_never_reach_a_terminal() {
        let text = page(
            "API\nPosted Jan 1, 2000 - 00:00 UTC\u{1b}[2J",
            "line one\r\nline two\rforged\u{1b}]0;title\u{7}\u{202e}",
            "DB\n\nThis incident affected: everything",
        );
        assert!(
            !text.contains('\u{1b}') && !text.contains('\u{7}'),
            "{text}"
        );
        assert!(
            !text.contains("\rforged") && !text.contains('\u{202e}'),
            "{text}"
        );
        assert!(
            text.starts_with("API\\nPosted Jan 1, 2000 - 00:00 UTC\\u{1b}[2J\n"),
            "{text}"
        );
        assert!(
            text.contains(
                "Investigating - line one\r\nline two\\rforged\\u{1b}]0;title\\u{7}\\u{202e}\n"
            ),
            "{text}"
        );
        assert!(
            text.contains("This incident affected: DB\\n\\nThis incident affected: everything."),
            "{text}"
        );
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(
            lines.iter().filter(|l| l.starts_with("Posted ")).count(),
            1,
            "{text}"
        );
    }

    #[test]
    fn text_other_than_controls_is_shown_as_it_is() {
        let text = page("Caf\u{e9} \u{26a0}\u{fe0f}", "tab\there \u{1f525}", "API");
        assert!(text.starts_with("Caf\u{e9} \u{26a0}\u{fe0f}\n"), "{text}");
        // A tab is a control character too: escaped, so columns cannot shift.
        assert!(text.contains("tab\\there \u{1f525}"), "{text}");
    }
}
