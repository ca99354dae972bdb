//! The one walk of an event as its status page shows it, shared by the text
//! and the Markdown forms: [`Page`] walks the event, a [`Markup`] decides the
//! pieces (plain text, or Markdown's heading, bold, italics and escapes).

use core::fmt::{self, Display};
use core::marker::PhantomData;

use chrono::{DateTime, TimeZone, Utc};

use crate::any::{with_event, AnyEventRef, EventKind};
use crate::event::Event;
use crate::maintenance::AgainstPlan;
use crate::policy::Lifecycle;

/// The pieces in which the text and Markdown forms differ.
pub(super) trait Markup {
    /// Text on one line (the event's name, a component's name).
    type Line<'a>: Display;
    /// An update's body.
    type Body<'a>: Display;
    /// Before the title line.
    const TITLE: &'static str;
    /// Around an update's status label.
    const STRONG: &'static str;
    /// At the end of an update's status line.
    const LINE_BREAK: &'static str;
    /// Around an update's `Posted ...` line.
    const EMPHASIS: &'static str;

    /// `text` on one line.
    fn line(text: &str) -> Self::Line<'_>;
    /// `text` as an update's body.
    fn body(text: &str) -> Self::Body<'_>;
}

/// An event as its status page shows it, in `zone`, marked up by `M`: the
/// name, then each update newest first (status, body, `Posted <date> - <time>
/// <zone>`), then the affected components.
pub(super) struct Page<'a, Tz, M> {
    event: AnyEventRef<'a>,
    zone: &'a Tz,
    markup: PhantomData<M>,
}

impl<'a, Tz, M> Page<'a, Tz, M> {
    pub(super) fn new(event: AnyEventRef<'a>, zone: &'a Tz) -> Self {
        Page {
            event,
            zone,
            markup: PhantomData,
        }
    }
}

impl<Tz: TimeZone, M: Markup> Display for Page<'_, Tz, M>
where
    Tz::Offset: Display,
{
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        with_event!(self.event, e => walk::<_, _, M>(f, e, self.zone))?;
        // A maintenance against its plan; the time asked only decides whether
        // it runs past its window, which this line does not say.
        match self.event.against_plan(self.event.latest_time()) {
            Some(plan) => write_plan(f, &plan, self.zone),
            None => Ok(()),
        }
    }
}

/// `Scheduled for <time> until <time>; started 21s late, finished 3m early,
/// ran 1h 56m.`
fn write_plan<Tz: TimeZone>(
    f: &mut fmt::Formatter<'_>,
    plan: &AgainstPlan,
    zone: &Tz,
) -> fmt::Result
where
    Tz::Offset: Display,
{
    writeln!(f)?;
    match plan.schedule {
        Some(schedule) => writeln!(
            f,
            "Scheduled for {} until {}; {plan}.",
            Posted(schedule.scheduled_for, zone),
            Posted(schedule.scheduled_until, zone)
        ),
        None => match plan.duration {
            Some(duration) => writeln!(f, "No planned window; ran {duration}."),
            None => writeln!(f, "No planned window."),
        },
    }
}

/// The walk of [`Page`], for an event of a known lifecycle.
fn walk<S, Tz, M>(f: &mut fmt::Formatter<'_>, event: &Event<S>, zone: &Tz) -> fmt::Result
where
    S: Lifecycle,
    Tz: TimeZone,
    Tz::Offset: Display,
    M: Markup,
{
    writeln!(f, "{}{}", M::TITLE, M::line(event.name()))?;
    for update in event.updates().iter().rev() {
        writeln!(f)?;
        write!(f, "{0}{1}{0}", M::STRONG, update.status().label())?;
        if !update.body().is_empty() {
            write!(f, " - {}", M::body(update.body()))?;
        }
        writeln!(f, "{}", M::LINE_BREAK)?;
        writeln!(
            f,
            "{0}Posted {1}{0}",
            M::EMPHASIS,
            Posted(update.display_at(), zone)
        )?;
    }
    let affected = affected_names(event);
    if !affected.is_empty() {
        writeln!(f)?;
        let names: Vec<M::Line<'_>> = affected.iter().map(|name| M::line(name)).collect();
        writeln!(
            f,
            "This {} affected: {}.",
            kind_phrase(EventKind::of::<S>()),
            Joined(&names)
        )?;
    }
    Ok(())
}

/// `incident` or `scheduled maintenance`, as the pages word it.
fn kind_phrase(kind: EventKind) -> &'static str {
    match kind {
        EventKind::Incident => "incident",
        EventKind::Maintenance => "scheduled maintenance",
    }
}

/// The names of the affected components, in the order and with the names of
/// [`Event::affected_components`].
fn affected_names<S: Lifecycle>(event: &Event<S>) -> Vec<String> {
    // Only the names are needed: measure until the last update, whatever it is.
    let until = event.last_update().display_at();
    event
        .affected_components(until)
        .into_iter()
        .map(|c| c.name)
        .collect()
}

/// `Mar 16, 2020 - 17:51 EDT` in the given zone.
struct Posted<'a, Tz>(DateTime<Utc>, &'a Tz);

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
struct Joined<'a, T>(&'a [T]);

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
}
