//! An entry's HTML, taken apart: one update per `<small>` time, newest first,
//! each `<small>TIME</small><br><strong>Label</strong> - body`; and the text
//! of a body (tags dropped, `<br>` as a new line, entities decoded). Written
//! the same way by [`entry_html`].

use core::fmt::Write as _;

use crate::formats::html_text::text;

/// One update as the entry shows it.
pub(super) struct ShownUpdate {
    /// The time text with tags dropped and spaces collapsed (`Feb 8, 09:00 UTC`).
    pub time: String,
    /// The label (`Investigating`, `Update`, ...).
    pub label: String,
    /// The body as text.
    pub body: String,
    /// Whether tags other than `<br>` were dropped from the body.
    pub had_markup: bool,
}

/// The updates of an entry's HTML, newest first, and any text before the
/// first one (which is not an update).
pub(super) fn updates(html: &str) -> (Vec<ShownUpdate>, String) {
    let mut starts: Vec<usize> = html.match_indices("<small>").map(|(i, _)| i).collect();
    let lead = html
        .get(..starts.first().copied().unwrap_or(html.len()))
        .unwrap_or("");
    let lead = text(lead).0.trim().to_owned();
    starts.push(html.len());
    let updates = starts
        .windows(2)
        .filter_map(|w| html.get(w.first().copied()?..w.get(1).copied()?))
        .map(update)
        .collect();
    (updates, lead)
}

/// One segment, from its `<small>` to the next one.
fn update(segment: &str) -> ShownUpdate {
    let segment = segment.strip_prefix("<small>").unwrap_or(segment);
    let (time, rest) = segment.split_once("</small>").unwrap_or((segment, ""));
    let (label, body) = match rest.split_once("<strong>") {
        Some((_, after)) => after.split_once("</strong>").unwrap_or((after, "")),
        None => ("", rest),
    };
    let body = body.trim_start();
    let body = body.strip_prefix('-').unwrap_or(body);
    let body = body.trim_end();
    let body = body.strip_suffix("<p>").unwrap_or(body).trim_end();
    let body = body.strip_suffix("</p>").unwrap_or(body);
    let (body, had_markup) = text(body);
    let time = text(time)
        .0
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    ShownUpdate {
        time,
        label: text(label).0.trim().to_owned(),
        body: body.trim().to_owned(),
        had_markup,
    }
}

/// `body` as HTML text: the five XML characters escaped, `\n` as `<br />`,
/// `\r` as a character reference (the reader drops raw line breaks).
pub(super) fn escape_body(body: &str) -> String {
    let mut out = String::with_capacity(body.len());
    for c in body.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\n' => out.push_str("<br />"),
            '\r' => out.push_str("&#13;"),
            c => out.push(c),
        }
    }
    out
}

/// An entry's HTML: each update (newest first) as Statuspage writes it, with
/// its time in UTC.
pub(super) fn entry_html<'a>(
    updates: impl Iterator<Item = (chrono::DateTime<chrono::Utc>, &'a str, &'a str)>,
) -> String {
    let mut out = String::new();
    for (at, label, body) in updates {
        let _ = write!(
            out,
            "<p><small>{} <var data-var='date'>{}</var>, <var data-var='time'>{}</var> UTC</small><br><strong>{label}</strong> - {}</p>",
            at.format("%b"),
            at.format("%e"),
            at.format("%H:%M"),
            escape_body(body),
        );
    }
    out
}
