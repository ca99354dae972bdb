//! The text of HTML bodies (a feed entry's updates, Slack's notes): tags
//! dropped, `<br>` as a new line, a paragraph's end as a blank line, list
//! items as `- ` lines, entities decoded. Not an HTML parser: enough for the
//! markup status pages write, linear in the input.

/// The text of `html`: raw line breaks dropped (the markup's `<br>` are the
/// breaks), `<br>` as `\n`, `</p>` as `\n\n`, `<li>` as `\n- `, other tags
/// dropped; the second value says whether any tag but `<br>` was there.
pub(crate) fn text(html: &str) -> (String, bool) {
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
            // A paragraph's end or a list item starts a new line.
            let closes_paragraph = tag.starts_with('/') && name.eq_ignore_ascii_case("p");
            if closes_paragraph {
                out.push_str("\n\n");
            } else if name.eq_ignore_ascii_case("li") && !tag.starts_with('/') {
                out.push_str("\n- ");
            }
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
