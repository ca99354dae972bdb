//! An entry's HTML, taken apart: one update per `<small>` time, newest first,
//! each `<small>TIME</small><br><strong>Label</strong> - body`; and the text
//! of a body (tags dropped, `<br>` as a new line, entities decoded). Written
//! the same way by [`entry_html`].

use core::fmt::Write as _;

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

/// The text of `html`: raw line breaks dropped (the markup's `<br>` are the
/// breaks), `<br>` as `\n`, other tags dropped (said by the second value),
/// entities decoded.
fn text(html: &str) -> (String, bool) {
    let mut out = String::with_capacity(html.len());
    let mut had_markup = false;
    let mut rest = html;
    while let Some(open) = rest.find('<') {
        push_decoded(&mut out, rest.get(..open).unwrap_or(""));
        let after = rest.get(open..).unwrap_or("");
        let Some(close) = after.find('>') else {
            push_decoded(&mut out, after);
            rest = "";
            break;
        };
        let tag = after.get(1..close).unwrap_or("").trim();
        let name = tag
            .trim_start_matches('/')
            .split([' ', '/'])
            .next()
            .unwrap_or("");
        if name.eq_ignore_ascii_case("br") {
            out.push('\n');
        } else {
            had_markup = true;
        }
        rest = after.get(close + 1..).unwrap_or("");
    }
    push_decoded(&mut out, rest);
    (out, had_markup)
}

/// `text` with its entities decoded, raw line breaks dropped.
fn push_decoded(out: &mut String, text: &str) {
    let mut rest = text;
    while let Some(amp) = rest.find('&') {
        push_raw(out, rest.get(..amp).unwrap_or(""));
        let after = rest.get(amp..).unwrap_or("");
        let entity = after
            .get(1..)
            .and_then(|s| s.split_once(';'))
            .map(|(e, _)| e);
        match entity.filter(|e| e.len() <= 10).and_then(entity_char) {
            Some(c) => {
                out.push(c);
                rest = after.get(entity.map_or(0, str::len) + 2..).unwrap_or("");
            }
            None => {
                out.push('&');
                rest = after.get(1..).unwrap_or("");
            }
        }
    }
    push_raw(out, rest);
}

fn push_raw(out: &mut String, text: &str) {
    out.extend(text.chars().filter(|c| *c != '\n' && *c != '\r'));
}

/// The character an entity names (the five of XML, `nbsp`, numeric ones).
fn entity_char(entity: &str) -> Option<char> {
    Some(match entity {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "nbsp" => '\u{a0}',
        _ => {
            let number = entity.strip_prefix('#')?;
            let code = match number.strip_prefix(['x', 'X']) {
                Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                None => number.parse().ok()?,
            };
            char::from_u32(code)?
        }
    })
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
