//! One entry point for every format: the format is detected from the
//! content, then read by its reader into a [`Document`].

use serde_json::{Map, Value};

use super::document::{Document, Format};
use super::error::ReadError;

/// What the entry point may be told: the byte limit of a document, and (with
/// the `tz` feature) the zone in which times without a zone are read
/// (Cachet's).
///
/// # Example
///
/// ```
/// use incident_model::formats::{self, Options, ReadError};
/// let mut options = Options::default();
/// options.max_input_bytes = 4;
/// let err = formats::read_with("[1, 2, 3]", &options).unwrap_err();
/// assert!(matches!(err, ReadError::TooLarge { len: 9, limit: 4 }));
/// ```
#[derive(Clone, Debug)]
#[non_exhaustive]
pub struct Options {
    /// The largest document read, in bytes (64 MiB by default).
    pub max_input_bytes: usize,
    /// The zone of times without a zone (Cachet's `YYYY-MM-DD HH:MM:SS`);
    /// UTC by default. Each event read so says it in a
    /// [`LocalTime`](crate::formats::AnomalyKind::LocalTime) anomaly.
    #[cfg(feature = "tz")]
    pub local_zone: chrono_tz::Tz,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            max_input_bytes: 64 << 20,
            #[cfg(feature = "tz")]
            local_zone: chrono_tz::UTC,
        }
    }
}

/// Reads a document of any format the crate knows, detected from the
/// content ([`detect`]); [`Document::format`] says which it was.
///
/// | content | format |
/// |---|---|
/// | XML with an Atom `<feed>` root | [`Format::StatuspageAtom`] |
/// | XML with an `<rss>` root | [`Format::StatuspageRss`] |
/// | an object with `meta`, `page` and `incident` or `component_update` | [`Format::StatuspageWebhook`] |
/// | an object with `page` or `incident_updates`, a list of objects with `incident_updates`, `[]` | [`Format::Statuspage`] |
/// | else an object with `incidents`, `incident`, `scheduled_maintenances` or `components`, or an incident object (`id`, `status`, `impact`) | [`Format::Statuspage`] |
/// | a list of objects with `external_desc` | [`Format::GoogleCloud`] |
/// | an object with `active_incidents` | [`Format::SlackCurrent`] |
/// | a list of objects with `notes` | [`Format::SlackHistory`] |
/// | an object with `ongoing_incidents` or `subpages` | [`Format::IncidentIoWidget`] |
/// | an object with `data` (and Cachet's `meta.pagination`) | [`Format::Cachet`] |
///
/// A Statuspage document is read by [`statuspage::read`](crate::formats::statuspage::read)
/// and converted (`From`).
///
/// # Errors
///
/// [`ReadError::UnknownFormat`] listing what was looked for;
/// [`ReadError::NotEnabled`] for a format whose feature is off;
/// the format's own error otherwise.
///
/// # Example
///
/// ```
/// use incident_model::formats::{self, Format, ReadError};
/// let err = formats::read(r#"{"hello": "world"}"#).unwrap_err();
/// assert!(matches!(err, ReadError::UnknownFormat { .. }));
/// assert_eq!(err.to_string(), "not a document of any known format: looked for statuspage json, \
///     statuspage webhook, statuspage history.atom, statuspage history.rss, google cloud incidents.json, \
///     slack current, slack history, incident.io widget summary, cachet; found an object with keys \"hello\"");
/// # #[cfg(feature = "statuspage")]
/// assert_eq!(formats::read(r#"{"page": {"id": "p"}, "incidents": []}"#)?.format, Format::Statuspage);
/// # Ok::<(), ReadError>(())
/// ```
pub fn read(text: &str) -> Result<Document, ReadError> {
    read_with(text, &Options::default())
}

/// [`read`] with [`Options`].
///
/// # Errors
///
/// As [`read`], and [`ReadError::TooLarge`] over the byte limit.
///
/// # Example
///
/// See [`Options`].
pub fn read_with(text: &str, options: &Options) -> Result<Document, ReadError> {
    check_size(text, options)?;
    let sniffed = sniff(text)?;
    read_detected(text, &sniffed, options)
}

/// Reads a document that must be of `format`.
///
/// # Errors
///
/// As [`read_with`], and [`ReadError::WrongFormat`] when the document is of
/// another format.
///
/// # Example
///
/// ```
/// use incident_model::formats::{self, Format, Options, ReadError};
/// let err = formats::read_as("[{\"notes\": []}]", Format::GoogleCloud, &Options::default()).unwrap_err();
/// assert_eq!(err.to_string(), "expected google cloud incidents.json, found slack history");
/// ```
pub fn read_as(text: &str, format: Format, options: &Options) -> Result<Document, ReadError> {
    check_size(text, options)?;
    let sniffed = sniff(text)?;
    if sniffed.format != format {
        return Err(ReadError::WrongFormat {
            expected: format,
            found: sniffed.format,
        });
    }
    read_detected(text, &sniffed, options)
}

/// The format of a document, from its content (see [`read`]'s table).
///
/// # Errors
///
/// [`ReadError::UnknownFormat`] when it is none the crate knows.
///
/// # Example
///
/// ```
/// use incident_model::formats::{self, Format};
/// assert_eq!(formats::detect(r#"{"active_incidents": []}"#)?, Format::SlackCurrent);
/// assert_eq!(formats::detect(r#"<rss version="2.0"><channel/></rss>"#)?, Format::StatuspageRss);
/// # Ok::<(), incident_model::formats::ReadError>(())
/// ```
pub fn detect(text: &str) -> Result<Format, ReadError> {
    sniff(text).map(|sniffed| sniffed.format)
}

fn check_size(text: &str, options: &Options) -> Result<(), ReadError> {
    if text.len() > options.max_input_bytes {
        return Err(ReadError::TooLarge {
            len: text.len(),
            limit: options.max_input_bytes,
        });
    }
    Ok(())
}

/// A detected format, with the parsed JSON when it is JSON.
struct Sniffed {
    format: Format,
    json: Option<Value>,
    /// A Statuspage component webhook (not read here).
    component_webhook: bool,
}

fn sniff(text: &str) -> Result<Sniffed, ReadError> {
    let trimmed = text.trim_start_matches('\u{feff}').trim_start();
    if trimmed.starts_with('<') {
        let format = xml_format(trimmed)?;
        return Ok(Sniffed {
            format,
            json: None,
            component_webhook: false,
        });
    }
    let json: Value = serde_json::from_str(text).map_err(|err| ReadError::UnknownFormat {
        found: format!("neither json ({err}) nor xml"),
    })?;
    let (format, component_webhook) = json_format(&json)?;
    Ok(Sniffed {
        format,
        json: Some(json),
        component_webhook,
    })
}

/// Atom or RSS, by the root element.
fn xml_format(text: &str) -> Result<Format, ReadError> {
    #[cfg(feature = "feeds")]
    {
        let xml = roxmltree::Document::parse(text).map_err(|err| ReadError::UnknownFormat {
            found: format!("xml that is not well-formed ({err})"),
        })?;
        super::feeds::format_of(&xml).ok_or_else(|| ReadError::UnknownFormat {
            found: format!(
                "xml with the root element {:?}",
                xml.root_element().tag_name().name()
            ),
        })
    }
    #[cfg(not(feature = "feeds"))]
    {
        // Without an XML reader, the root element's name is enough to say what
        // it would be.
        let head = text.get(..text.len().min(4096)).unwrap_or(text);
        let root = head
            .match_indices('<')
            .filter_map(|(i, _)| head.get(i + 1..))
            .find(|rest| !rest.starts_with(['?', '!']));
        match root {
            Some(rest) if rest.starts_with("feed") => Ok(Format::StatuspageAtom),
            Some(rest) if rest.starts_with("rss") => Ok(Format::StatuspageRss),
            _ => Err(ReadError::UnknownFormat {
                found: "xml that is neither atom nor rss".to_owned(),
            }),
        }
    }
}

/// The format of a JSON document, and whether it is a component webhook.
fn json_format(json: &Value) -> Result<(Format, bool), ReadError> {
    let format = match json {
        Value::Object(map) => object_format(map),
        Value::Array(items) => match items.first() {
            None => Some(Format::Statuspage),
            Some(Value::Object(first)) => list_format(first),
            Some(_) => None,
        },
        _ => None,
    };
    let component_webhook =
        format == Some(Format::StatuspageWebhook) && json.get("component_update").is_some();
    format
        .map(|format| (format, component_webhook))
        .ok_or_else(|| ReadError::UnknownFormat {
            found: describe(json),
        })
}

fn object_format(map: &Map<String, Value>) -> Option<Format> {
    let has = |key: &str| map.contains_key(key);
    // Statuspage's shapes without `page` come last: incident.io's widget has
    // `scheduled_maintenances` too.
    let statuspage_keys = [
        "incidents",
        "incident",
        "scheduled_maintenances",
        "components",
    ];
    if has("meta") && has("page") && (has("incident") || has("component_update")) {
        Some(Format::StatuspageWebhook)
    } else if has("page") || has("incident_updates") {
        Some(Format::Statuspage)
    } else if has("active_incidents") {
        Some(Format::SlackCurrent)
    } else if has("ongoing_incidents")
        || has("in_progress_maintenances")
        || has("subpages")
        || has("page_title")
    {
        Some(Format::IncidentIoWidget)
    } else if has("data") {
        Some(Format::Cachet)
    } else if statuspage_keys.iter().any(|key| has(key)) || is_bare_incident(map) {
        Some(Format::Statuspage)
    } else {
        None
    }
}

/// A Statuspage incident object without updates (`id`, `status`, `impact`).
fn is_bare_incident(map: &Map<String, Value>) -> bool {
    ["id", "status", "impact"]
        .iter()
        .all(|key| map.contains_key(*key))
}

fn list_format(first: &Map<String, Value>) -> Option<Format> {
    let has = |key: &str| first.contains_key(key);
    if has("incident_updates") || is_bare_incident(first) {
        Some(Format::Statuspage)
    } else if has("external_desc") || has("status_impact") {
        Some(Format::GoogleCloud)
    } else if has("notes") {
        Some(Format::SlackHistory)
    } else {
        None
    }
}

/// What an unknown JSON document looks like, for the error.
fn describe(json: &Value) -> String {
    let keys = |map: &Map<String, Value>| {
        let mut keys: Vec<String> = map.keys().take(8).map(|k| format!("{k:?}")).collect();
        if map.len() > 8 {
            keys.push("...".to_owned());
        }
        keys.join(", ")
    };
    match json {
        Value::Object(map) if map.is_empty() => "an empty object".to_owned(),
        Value::Object(map) => format!("an object with keys {}", keys(map)),
        Value::Array(items) => match items.first() {
            Some(Value::Object(first)) => format!("a list of objects with keys {}", keys(first)),
            _ => "a list of no objects".to_owned(),
        },
        _ => "a json value that is neither an object nor a list".to_owned(),
    }
}

/// Reads a detected document with its format's reader.
#[allow(unused_variables)] // which arguments are used depends on the features
fn read_detected(text: &str, sniffed: &Sniffed, options: &Options) -> Result<Document, ReadError> {
    let format = sniffed.format;
    if sniffed.component_webhook {
        let what = "a component webhook (read by the history module)";
        return Err(ReadError::NotRead { format, what });
    }
    let json = sniffed.json.as_ref();
    let read: Option<Result<Document, ReadError>> = match (format, json) {
        #[cfg(feature = "statuspage")]
        (Format::Statuspage | Format::StatuspageWebhook, _) => Some(
            super::statuspage::read(text)
                .map_err(ReadError::from)
                .map(|document| {
                    let mut document = Document::from(document);
                    document.format = format;
                    document
                }),
        ),
        #[cfg(feature = "feeds")]
        (Format::StatuspageAtom | Format::StatuspageRss, _) => Some(super::feeds::read(text)),
        #[cfg(feature = "google_cloud")]
        (Format::GoogleCloud, Some(json)) => Some(super::google_cloud::read_value(json)),
        #[cfg(feature = "slack")]
        (Format::SlackCurrent | Format::SlackHistory, Some(json)) => {
            Some(super::slack::read_value(json))
        }
        #[cfg(feature = "incident_io")]
        (Format::IncidentIoWidget, Some(json)) => Some(super::incident_io::read_value(json)),
        #[cfg(feature = "cachet")]
        (Format::Cachet, Some(json)) => Some(super::cachet::read_value(json, options.local_zone)),
        _ => None,
    };
    read.unwrap_or(Err(ReadError::NotEnabled { format }))
}
