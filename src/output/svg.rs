//! Uptime pictures: the 90-day bars of each component as status pages draw
//! them, as a standalone SVG document.
//!
//! A caption under the title names the uptime rule ([`UptimeRule`]). Each
//! component gets a row: its name, its uptime over the covered part of the
//! range beside it (the bare percentage, `99.95%`, truncated; `no data` when
//! nothing is covered; the rule beside it when it differs from the caption's),
//! then one bar a day, oldest on the left, coloured by the worst status in
//! force that day ([`DayBucket::worst_status`], by severity):
//!
//! | the day | colour |
//! |---|---|
//! | nothing reported, or operational | green `#2fcc66` |
//! | under maintenance (also under a rule that removes it from the uptime) | blue `#3498db` |
//! | degraded performance | yellow `#f1c40f` |
//! | partial outage | orange `#e67e22` |
//! | major outage | red `#e74c3c` |
//! | no data: no moment of the day is covered ([`Coverage`], [`ComponentBars::no_data_before`]) | grey `#b3bac5` |
//!
//! Each bar carries its date and status as `data-date` and `data-status`
//! attributes, and a `<title>` tooltip (`Mar 16, 2020: major outage, 95.83%`).
//!
//! Names are escaped for XML, and the characters XML 1.0 forbids (C0 controls
//! but tab, newline and carriage return; U+FFFE, U+FFFF) are left out, so any
//! name gives a well-formed document.
//!
//! The days are the [`DayRange`]'s: UTC days, calendar days in the page's IANA
//! zone ([`DayRange::in_zone`], feature `tz`: 23 or 25 hours across a
//! daylight-saving change), or days at a fixed offset.
//!
//! The title is drawn in 18 px bold when it fits the picture's width, smaller
//! (down to 12 px) when it does not, and cut with an ellipsis beyond that (the
//! whole title stays in the document's `<title>`), so it never runs off the
//! right edge.
//!
//! # Example
//!
//! ```
//! use chrono::{NaiveDate, TimeZone, Utc};
//! use incident_model::output::svg::{self, ComponentBars};
//! use incident_model::{ComponentStatus::*, DayRange, MergedHistory, StatusInterval, Weights};
//!
//! let at = |h| Utc.with_ymd_and_hms(2020, 3, 16, h, 0, 0).unwrap();
//! let merged = MergedHistory::from_intervals([StatusInterval::new(at(10), at(11), MajorOutage)]);
//! let days = DayRange::ending(NaiveDate::from_ymd_opt(2020, 3, 31).unwrap(), 90);
//! let api = ComponentBars::from_history("API", &merged, &days, &Weights::default());
//! assert_eq!(api.days.len(), 90);
//! assert_eq!(api.uptime.unwrap().to_string(), "99.95% (statuspage)");
//!
//! let picture = svg::uptime_bars("Telemedicine Demo", &[api]);
//! assert!(picture.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""));
//! assert_eq!(picture.matches("<rect class=\"day\"").count(), 90);
//! assert_eq!(picture.matches("data-status=\"major_outage\"").count(), 1); // 16 March
//! assert!(picture.contains(">99.95%</text>"));
//! assert!(picture.contains(">Uptime by the statuspage rule</text>"));
//! ```

use core::fmt::{self, Write};

use chrono::NaiveDate;

use crate::status::ComponentStatus;
use crate::uptime::{Coverage, DayBucket, DayRange, MergedHistory, Uptime, UptimeRule, Window};

/// Green: a day with nothing worse than operational.
pub const OPERATIONAL: &str = "#2fcc66";
/// Yellow: a day with degraded performance.
pub const DEGRADED: &str = "#f1c40f";
/// Orange: a day with a partial outage.
pub const PARTIAL: &str = "#e67e22";
/// Red: a day with a major outage.
pub const MAJOR: &str = "#e74c3c";
/// Blue: a day under maintenance.
pub const MAINTENANCE: &str = "#3498db";
/// Grey: a day with no data.
pub const NO_DATA: &str = "#b3bac5";

/// The colour of a day whose worst status was `worst` (`None`: nothing
/// reported, drawn as operational).
///
/// # Example
///
/// ```
/// use incident_model::{ComponentStatus::*, output::svg};
/// assert_eq!(svg::colour(Some(MajorOutage)), svg::MAJOR);
/// assert_eq!(svg::colour(Some(UnderMaintenance)), "#3498db");
/// assert_eq!(svg::colour(None), svg::OPERATIONAL);
/// ```
#[must_use]
pub fn colour(worst: Option<ComponentStatus>) -> &'static str {
    match worst {
        Some(ComponentStatus::MajorOutage) => MAJOR,
        Some(ComponentStatus::PartialOutage) => PARTIAL,
        Some(ComponentStatus::DegradedPerformance) => DEGRADED,
        Some(ComponentStatus::UnderMaintenance) => MAINTENANCE,
        _ => OPERATIONAL,
    }
}

/// One row of the picture: a component's name, its uptime over the covered
/// part of the range and its daily buckets, oldest first. Passive data: the
/// fields are public.
///
/// # Example
///
/// See the [module documentation](self).
#[derive(Clone, PartialEq, Eq, Debug)]
#[non_exhaustive]
pub struct ComponentBars {
    /// The name beside the bar.
    pub name: String,
    /// The uptime printed beside the name; `None` when no moment of the
    /// range is covered (printed `no data`).
    pub uptime: Option<Uptime>,
    /// One bucket a day, oldest first; a day with no covered moment is drawn
    /// grey.
    pub days: Vec<DayBucket>,
}

impl ComponentBars {
    /// A row from buckets and an uptime computed elsewhere.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::{NaiveDate, TimeZone, Utc};
    /// use incident_model::output::svg::ComponentBars;
    /// use incident_model::{DayRange, MergedHistory, Weights, Window};
    /// let none = MergedHistory::default();
    /// let days = DayRange::ending(NaiveDate::from_ymd_opt(2020, 3, 31).unwrap(), 2);
    /// let start = Utc.with_ymd_and_hms(2020, 3, 30, 0, 0, 0).unwrap();
    /// let window = Window::new(start, start + chrono::Duration::days(2))?;
    /// let row = ComponentBars::new("API", none.daily(&days, &Weights::default()), Some(none.uptime(window, &Weights::default())));
    /// assert_eq!(row.uptime.unwrap().to_string(), "100.00% (statuspage)");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn new(name: impl Into<String>, days: Vec<DayBucket>, uptime: Option<Uptime>) -> Self {
        ComponentBars {
            name: name.into(),
            uptime,
            days,
        }
    }

    /// The row of a component from its merged history, every moment covered:
    /// the daily buckets of `days` ([`MergedHistory::daily`]) and the uptime
    /// over the whole range, by `rule` (an [`UptimeRule`] or weights).
    ///
    /// # Example
    ///
    /// See the [module documentation](self).
    pub fn from_history(
        name: impl Into<String>,
        history: &MergedHistory,
        days: &DayRange,
        rule: impl Into<UptimeRule>,
    ) -> Self {
        ComponentBars::from_coverage(name, history, &Coverage::always(), days, rule)
    }

    /// The row of a component from its merged history and what the data
    /// covers ([`MergedHistory::daily_covered`]): days with no covered moment
    /// are grey, and the uptime is over the covered time only (`None` when
    /// nothing is covered).
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::{NaiveDate, TimeZone, Utc};
    /// use incident_model::output::svg::{self, ComponentBars};
    /// use incident_model::{Coverage, DayRange, MergedHistory, UptimeRule};
    /// let days = DayRange::ending(NaiveDate::from_ymd_opt(2020, 3, 31).unwrap(), 90);
    /// // The data starts on 1 March.
    /// let since = Coverage::since(Utc.with_ymd_and_hms(2020, 3, 1, 0, 0, 0).unwrap());
    /// let row = ComponentBars::from_coverage("API", &MergedHistory::default(), &since, &days, UptimeRule::statuspage());
    /// assert_eq!(row.uptime.unwrap().measured().to_string(), "31d");
    /// let picture = svg::uptime_bars("Demo", &[row]);
    /// assert_eq!(picture.matches("data-status=\"no_data\"").count(), 59); // 2 Jan to 29 Feb
    /// let nothing = ComponentBars::from_coverage("DB", &MergedHistory::default(), &Coverage::none(), &days, UptimeRule::statuspage());
    /// assert_eq!(nothing.uptime, None);
    /// assert!(svg::uptime_bars("Demo", &[nothing]).contains(">no data</text>"));
    /// ```
    pub fn from_coverage(
        name: impl Into<String>,
        history: &MergedHistory,
        coverage: &Coverage,
        days: &DayRange,
        rule: impl Into<UptimeRule>,
    ) -> Self {
        let rule = rule.into();
        let buckets = history.daily_covered(days, rule, coverage);
        let uptime = history.uptime_covered(range_window(days), rule, coverage);
        ComponentBars::new(name, buckets, uptime)
    }

    /// The row with the days before `first` drawn grey (no data) and left
    /// out of the uptime, as status pages do for a component added within the
    /// range (its `start_date`): [`ComponentBars::from_coverage`] with every
    /// moment from the start of `first` covered.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use incident_model::output::svg::{self, ComponentBars};
    /// use incident_model::{DayRange, MergedHistory, Weights};
    /// let last = NaiveDate::from_ymd_opt(2020, 3, 31).unwrap();
    /// let days = DayRange::ending(last, 90);
    /// let none = MergedHistory::default();
    /// let row = ComponentBars::no_data_before("API", NaiveDate::from_ymd_opt(2020, 3, 1).unwrap(), &none, &days, &Weights::default());
    /// let picture = svg::uptime_bars("Demo", &[row]);
    /// assert_eq!(picture.matches("data-status=\"no_data\"").count(), 59); // 2 Jan to 29 Feb
    /// ```
    #[must_use]
    pub fn no_data_before(
        name: impl Into<String>,
        first: NaiveDate,
        history: &MergedHistory,
        days: &DayRange,
        rule: impl Into<UptimeRule>,
    ) -> Self {
        let coverage = match days.window_of(first) {
            Some(day) => Coverage::since(day.start()),
            None => Coverage::always(),
        };
        ComponentBars::from_coverage(name, history, &coverage, days, rule)
    }
}

/// Whether any moment of `day` is covered by data.
fn has_data(day: &DayBucket) -> bool {
    day.no_data < day.window.length()
}

/// The window from the start of the range's first day to the end of its last
/// day; an empty window at the Unix epoch when the range has no day.
fn range_window(days: &DayRange) -> Window {
    let mut bounds = days.days().map(|(_, window)| window);
    let first = bounds.next();
    let last = bounds.last().or(first);
    match (first, last) {
        (Some(first), Some(last)) => {
            Window::new(first.start(), last.end()).unwrap_or(Window::instant(last.end()))
        }
        _ => Window::instant(chrono::DateTime::UNIX_EPOCH),
    }
}

/// The width of one day's bar, in pixels.
const BAR_WIDTH: usize = 3;
/// The space between two bars.
const BAR_GAP: usize = 2;
/// The height of a bar.
const BAR_HEIGHT: usize = 34;
/// The margin around the picture.
const MARGIN: usize = 16;
/// The height of a component's row: the name line, the bars, the day labels
/// and the space after.
const ROW_HEIGHT: usize = 22 + BAR_HEIGHT + 18 + 14;
/// The height of the title and the caption under it.
const TITLE_HEIGHT: usize = 48;
/// The title's font size when it fits, and the smallest it is shrunk to.
const TITLE_FONT: usize = 18;
const TITLE_FONT_MIN: usize = 12;
/// The width of an average character of the bold sans-serif title, in
/// thousandths of the font size (wide enough for capitals and digits).
const TITLE_CHAR_PERMILLE: usize = 620;
/// The legend: two lines of three entries.
const LEGEND_COLUMNS: usize = 3;
/// The height of a line of the legend.
const LEGEND_LINE: usize = 16;
/// The height of the legend.
const LEGEND_HEIGHT: usize = 2 * LEGEND_LINE + 8;

/// The picture as a standalone SVG document: a title and a caption naming the
/// uptime rule, then one row per component, then a legend of the colours.
///
/// # Example
///
/// See the [module documentation](self).
#[must_use]
pub fn uptime_bars(title: &str, components: &[ComponentBars]) -> String {
    let mut out = String::new();
    // Writing into a String cannot fail.
    let _ = write_uptime_bars(&mut out, title, components);
    out
}

/// [`uptime_bars`], written into any [`fmt::Write`].
///
/// # Errors
///
/// Whatever `out` returns.
///
/// # Example
///
/// ```
/// use incident_model::output::svg;
/// let mut out = String::new();
/// svg::write_uptime_bars(&mut out, "Nothing yet", &[])?;
/// assert_eq!(out, svg::uptime_bars("Nothing yet", &[]));
/// # Ok::<(), std::fmt::Error>(())
/// ```
pub fn write_uptime_bars(
    out: &mut impl Write,
    title: &str,
    components: &[ComponentBars],
) -> fmt::Result {
    let most_days = components.iter().map(|c| c.days.len()).max().unwrap_or(0);
    let bars_width = (most_days.saturating_mul(BAR_WIDTH + BAR_GAP))
        .saturating_sub(BAR_GAP)
        .max(300);
    let width = bars_width.saturating_add(2 * MARGIN);
    let height = MARGIN
        .saturating_add(TITLE_HEIGHT)
        .saturating_add(components.len().saturating_mul(ROW_HEIGHT))
        .saturating_add(LEGEND_HEIGHT)
        .saturating_add(MARGIN);
    let right = MARGIN.saturating_add(bars_width);
    writeln!(
        out,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\" \
         viewBox=\"0 0 {width} {height}\" font-family=\"-apple-system, Helvetica, Arial, sans-serif\">"
    )?;
    writeln!(out, "<title>{}</title>", Escaped(title))?;
    writeln!(
        out,
        "<rect width=\"{width}\" height=\"{height}\" fill=\"#ffffff\"/>"
    )?;
    write_title(out, title, bars_width)?;
    let rule = components
        .iter()
        .find_map(|component| component.uptime.map(|uptime| uptime.rule()));
    if let Some(rule) = rule {
        writeln!(
            out,
            "<text class=\"rule\" x=\"{MARGIN}\" y=\"{}\" font-size=\"11\" fill=\"#666666\">Uptime by the {} rule</text>",
            MARGIN + 36,
            Escaped(&rule.to_string())
        )?;
    }
    let mut top = MARGIN + TITLE_HEIGHT;
    for component in components {
        write_row(out, component, top, right, rule)?;
        top = top.saturating_add(ROW_HEIGHT);
    }
    write_legend(out, top, bars_width)?;
    writeln!(out, "</svg>")
}

/// The title, in a font size that fits `width` (see the module
/// documentation).
fn write_title(out: &mut impl Write, title: &str, width: usize) -> fmt::Result {
    let chars = title.chars().count().max(1);
    let fits = |font: usize| {
        chars
            .saturating_mul(font)
            .saturating_mul(TITLE_CHAR_PERMILLE)
            / 1000
            <= width
    };
    let font = (TITLE_FONT_MIN..=TITLE_FONT)
        .rev()
        .find(|&font| fits(font))
        .unwrap_or(TITLE_FONT_MIN);
    // Too long even at the smallest size: cut, with an ellipsis (the whole
    // title stays in the document's <title>). Renderers differ in their
    // support of `textLength`, so the text is not squeezed.
    let shown: String = if fits(font) {
        title.to_owned()
    } else {
        let room = width.saturating_mul(1000) / font.saturating_mul(TITLE_CHAR_PERMILLE).max(1);
        title
            .chars()
            .take(room.saturating_sub(1))
            .chain(core::iter::once('…'))
            .collect()
    };
    writeln!(
        out,
        "<text class=\"title\" x=\"{MARGIN}\" y=\"{}\" font-size=\"{font}\" font-weight=\"bold\" fill=\"#333333\">{}</text>",
        MARGIN + 18,
        Escaped(&shown)
    )
}

fn write_row(
    out: &mut impl Write,
    component: &ComponentBars,
    top: usize,
    right: usize,
    caption_rule: Option<UptimeRule>,
) -> fmt::Result {
    writeln!(out, "<g class=\"component\">")?;
    let baseline = top + 16;
    writeln!(
        out,
        "<text class=\"name\" x=\"{MARGIN}\" y=\"{baseline}\" font-size=\"14\" fill=\"#333333\">{}</text>",
        Escaped(&component.name)
    )?;
    let uptime = match component.uptime {
        None => "no data".to_owned(),
        Some(uptime) if Some(uptime.rule()) == caption_rule => uptime.percentage().to_string(),
        Some(uptime) => uptime.to_string(),
    };
    writeln!(
        out,
        "<text class=\"uptime\" x=\"{right}\" y=\"{baseline}\" font-size=\"14\" fill=\"#666666\" text-anchor=\"end\">{}</text>",
        Escaped(&uptime)
    )?;
    let bars_top = top + 22;
    for (i, day) in component.days.iter().enumerate() {
        let x = MARGIN.saturating_add(i.saturating_mul(BAR_WIDTH + BAR_GAP));
        let has_data = has_data(day);
        let (fill, status) = if has_data {
            let status = day.worst_status.unwrap_or(ComponentStatus::Operational);
            (colour(day.worst_status), status.as_str())
        } else {
            (NO_DATA, "no_data")
        };
        write!(
            out,
            "<rect class=\"day\" x=\"{x}\" y=\"{bars_top}\" width=\"{BAR_WIDTH}\" height=\"{BAR_HEIGHT}\" rx=\"1\" fill=\"{fill}\" data-date=\"{}\" data-status=\"{status}\">",
            day.date
        )?;
        let date = day.date.format("%b %-d, %Y");
        if has_data {
            let words = status.replace('_', " ");
            match day.uptime {
                Some(uptime) => writeln!(out, "<title>{date}: {words}, {uptime}</title></rect>")?,
                None => writeln!(
                    out,
                    "<title>{date}: {words}, removed from the uptime</title></rect>"
                )?,
            }
        } else {
            writeln!(out, "<title>{date}: no data</title></rect>")?;
        }
    }
    // The first and last days under the bar (the data is often not today's).
    let labels = bars_top + BAR_HEIGHT + 14;
    if let (Some(first), Some(last)) = (component.days.first(), component.days.last()) {
        writeln!(
            out,
            "<text x=\"{MARGIN}\" y=\"{labels}\" font-size=\"11\" fill=\"#999999\">{}</text>",
            first.date.format("%b %-d, %Y")
        )?;
        writeln!(
            out,
            "<text x=\"{right}\" y=\"{labels}\" font-size=\"11\" fill=\"#999999\" text-anchor=\"end\">{}</text>",
            last.date.format("%b %-d, %Y")
        )?;
    }
    writeln!(out, "</g>")
}

fn write_legend(out: &mut impl Write, top: usize, bars_width: usize) -> fmt::Result {
    let entries = [
        (OPERATIONAL, "Operational"),
        (DEGRADED, "Degraded performance"),
        (PARTIAL, "Partial outage"),
        (MAJOR, "Major outage"),
        (MAINTENANCE, "Under maintenance"),
        (NO_DATA, "No data"),
    ];
    writeln!(
        out,
        "<g class=\"legend\" font-size=\"11\" fill=\"#666666\">"
    )?;
    let column = bars_width / LEGEND_COLUMNS;
    for (i, (fill, label)) in entries.into_iter().enumerate() {
        let x = MARGIN.saturating_add((i % LEGEND_COLUMNS).saturating_mul(column));
        let y = top
            .saturating_add(12)
            .saturating_add((i / LEGEND_COLUMNS).saturating_mul(LEGEND_LINE));
        writeln!(
            out,
            "<rect x=\"{x}\" y=\"{}\" width=\"10\" height=\"10\" fill=\"{fill}\"/><text x=\"{}\" y=\"{y}\">{label}</text>",
            y.saturating_sub(9),
            x.saturating_add(14)
        )?;
    }
    writeln!(out, "</g>")
}

/// Text escaped for XML character data and attribute values.
struct Escaped<'a>(&'a str);

impl fmt::Display for Escaped<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for c in self.0.chars() {
            match c {
                '&' => f.write_str("&amp;")?,
                '<' => f.write_str("&lt;")?,
                '>' => f.write_str("&gt;")?,
                '"' => f.write_str("&quot;")?,
                '\'' => f.write_str("&apos;")?,
                // Characters XML 1.0 forbids (its `Char` production): left out.
                c if !xml_char(c) => {}
                c => f.write_char(c)?,
            }
        }
        Ok(())
    }
}

/// Whether XML 1.0 allows `c` in a document: not a C0 control other than tab,
/// newline and carriage return, and not U+FFFE or U+FFFF (surrogates cannot
/// occur in a `str`).
fn xml_char(c: char) -> bool {
    !matches!(c, '\0'..='\u{8}' | '\u{b}' | '\u{c}' | '\u{e}'..='\u{1f}' | '\u{fffe}' | '\u{ffff}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_and_drops_control_characters() {
        assert_eq!(
            Escaped("A & B <\"c\"> 'd'\u{1}").to_string(),
            "A &amp; B &lt;&quot;c&quot;&gt; &apos;d&apos;"
        );
        assert_eq!(Escaped("a\u{fffe}b\u{ffff}\tc").to_string(), "ab\tc");
    }
}
