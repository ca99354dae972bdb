//! Markdown: an incident or maintenance as its status page shows it, for chat
//! and issue trackers. The walk is the one of [`text`](super::text); only the
//! markup differs (one walk, two small markup types).

use core::fmt::{self, Display, Write};

use chrono::TimeZone;

use super::page::{Markup, Page};
use crate::any::AnyEventRef;

/// The incident or maintenance as Markdown: the name as a heading, each update
/// newest first as `**Status** - body` and an italic `Posted ...` line, then the
/// affected components.
///
/// Names and bodies stay text: Markdown's markup characters are escaped (`&`
/// too: no entity is decoded), and no line of a body can start a block (a
/// heading, a thematic break, a list, a quote, code).
///
/// # Example
///
/// ```
/// use chrono::{TimeZone, Utc};
/// use incident_model::{output, Component, ComponentId, Incident, IncidentStatus::*, Update};
/// let at = Utc.with_ymd_and_hms(2020, 3, 16, 21, 51, 0).unwrap();
/// let incident = Incident::builder("Slow page loads")
///     .component(Component::new(ComponentId::new("api")?, "API"))
///     .update(Update::new(Resolved, at).with_body("Resolved."))
///     .build()?;
/// assert_eq!(
///     output::markdown(&incident, &Utc),
///     "## Slow page loads\n\n**Resolved** - Resolved.  \n*Posted Mar 16, 2020 - 21:51 UTC*\n\nThis incident affected: API.\n"
/// );
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[must_use]
pub fn markdown<'a, Tz>(event: impl Into<AnyEventRef<'a>>, zone: &Tz) -> String
where
    Tz: TimeZone,
    Tz::Offset: Display,
{
    Page::<Tz, Markdown>::new(event.into(), zone).to_string()
}

/// [`markdown`], written into any [`fmt::Write`].
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
/// output::write_markdown(&mut out, &incident, &Utc)?;
/// assert!(out.starts_with("## x\n"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn write_markdown<'a, Tz>(
    out: &mut impl Write,
    event: impl Into<AnyEventRef<'a>>,
    zone: &Tz,
) -> fmt::Result
where
    Tz: TimeZone,
    Tz::Offset: Display,
{
    write!(out, "{}", Page::<Tz, Markdown>::new(event.into(), zone))
}

/// Markdown: the name as a heading, the status in bold, the `Posted` line in
/// italics, a line break (two trailing spaces) inside each update's paragraph,
/// markup in the text escaped.
struct Markdown;

impl Markup for Markdown {
    type Line<'a> = MarkdownLine<'a>;
    type Body<'a> = MarkdownBody<'a>;
    const TITLE: &'static str = "## ";
    const STRONG: &'static str = "**";
    // Two trailing spaces: a Markdown line break inside the paragraph.
    const LINE_BREAK: &'static str = "  ";
    const EMPHASIS: &'static str = "*";

    fn line(text: &str) -> MarkdownLine<'_> {
        MarkdownLine(text)
    }

    fn body(text: &str) -> MarkdownBody<'_> {
        MarkdownBody(text)
    }
}

/// Text on one Markdown line: characters Markdown would read as markup are
/// escaped (`&` too, so that no entity is decoded; `~`, GitHub's strikethrough
/// and fences).
struct MarkdownLine<'a>(&'a str);

impl Display for MarkdownLine<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for c in self.0.chars() {
            match c {
                '\\' | '`' | '*' | '_' | '[' | ']' | '#' | '<' | '>' | '|' | '&' | '~' => {
                    f.write_char('\\')?;
                    f.write_char(c)?;
                }
                '\r' | '\n' => f.write_char(' ')?,
                _ => f.write_char(c)?,
            }
        }
        Ok(())
    }
}

/// An update body in Markdown: markup escaped, line breaks kept as Markdown
/// line breaks, and no line able to start a block (see [`write_line_start`]).
struct MarkdownBody<'a>(&'a str);

impl Display for MarkdownBody<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let body = self.0.replace("\r\n", "\n");
        for (i, line) in body.split('\n').enumerate() {
            if i == 0 {
                // After the status: not the start of a line.
                write!(f, "{}", MarkdownLine(line))?;
            } else {
                f.write_str("  \n")?;
                write_line_start(f, line)?;
            }
        }
        Ok(())
    }
}

/// A body line that starts a line of the output, as text: its indent dropped
/// (Markdown drops it from a paragraph's lines; after a blank line it would
/// make code), and a backslash before what would start a block there and
/// [`MarkdownLine`] leaves alone: `-`, `+` or `=` first (a list, a thematic
/// break, a setext heading's underline), or the `.` or `)` after leading
/// digits (an ordered list). `#`, `>`, `*`, `_`, `` ` `` and `~` are escaped
/// wherever they are.
fn write_line_start(f: &mut fmt::Formatter<'_>, line: &str) -> fmt::Result {
    let line = line.trim_start_matches([' ', '\t']);
    let marker = match line.chars().next() {
        Some('-' | '+' | '=') => Some(0),
        _ => line.find(|c: char| !c.is_ascii_digit()).filter(|&digits| {
            digits > 0
                && line
                    .get(digits..)
                    .is_some_and(|rest| rest.starts_with(['.', ')']))
        }),
    };
    match marker.and_then(|at| Some((line.get(..at)?, line.get(at..)?))) {
        Some((digits, rest)) => write!(f, "{digits}\\{}", MarkdownLine(rest)),
        None => write!(f, "{}", MarkdownLine(line)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_escapes_markup() {
        assert_eq!(MarkdownLine("a*b_[c]#").to_string(), "a\\*b\\_\\[c\\]\\#");
        assert_eq!(MarkdownBody("one\r\ntwo").to_string(), "one  \ntwo");
    }
}
