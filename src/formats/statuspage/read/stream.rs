//! The streaming read: the events of a document one at a time, from any
//! `io::Read`, with memory bounded by the largest event.
//!
//! A small scanner walks the top of the document (the top-level object or
//! array, and the `incidents` and `scheduled_maintenances` lists) and copies
//! each event's JSON text into one buffer, reused; the event is then read by
//! the whole read's own functions ([`Cx::event_into`]) in one context kept
//! for the whole stream, so its anomalies, errors and [`Limits`] are the
//! whole read's. Every other top-level value (the page, status, components,
//! unknown keys, or a document that is one incident) is kept as text and read
//! at the end, with the document-wide anomalies, by the whole read's
//! [`Cx::document`].

use std::fmt;
use std::io::{self, Read};

use chrono::{DateTime, Utc};

use super::super::wire::{WireDocument, WireIncident, WirePage};
use super::super::{
    Anomaly, Document, IncidentRecord, Limit, Limits, MaintenanceRecord, Shape, StatuspageError,
};
use super::{anomalies, Cx, ListSeed};
use crate::formats::json::JsonSyntaxError;

/// What a [`Stream`] gives: each event of the document's lists, in document
/// order, with the anomalies found in it, then the rest of the document, last.
///
/// # Example
///
/// See [`stream`].
#[derive(Clone, PartialEq, Eq, Debug)]
#[non_exhaustive]
pub enum Streamed {
    /// An incident, with the anomalies that name it.
    Incident(IncidentRecord, Vec<Anomaly>),
    /// A maintenance, with the anomalies that name it.
    Maintenance(MaintenanceRecord, Vec<Anomaly>),
    /// The rest of the document, the last item: its shape, page, status,
    /// components and unknown keys, the events that were not in a list (a
    /// document that is one incident), and the anomalies found there with the
    /// document-wide ones (mixed offsets and precisions over the whole
    /// stream). Its lists hold no streamed event.
    Rest(Document),
}

impl Streamed {
    /// The anomalies of this item: those of its event, or of the rest.
    ///
    /// # Example
    ///
    /// See [`stream`].
    #[must_use]
    pub fn anomalies(&self) -> &[Anomaly] {
        match self {
            Streamed::Incident(_, anomalies) | Streamed::Maintenance(_, anomalies) => anomalies,
            Streamed::Rest(document) => &document.anomalies,
        }
    }
}

/// Why a [`Stream`] stopped: the input could not be read, or the document is
/// refused (a [`StatuspageError`], with the line and column of a syntax error
/// in the whole input).
#[derive(Debug)]
#[non_exhaustive]
pub enum StreamError {
    /// Reading the input failed.
    Io(io::Error),
    /// The document is refused, as the whole read would refuse it.
    Statuspage(StatuspageError),
}

impl fmt::Display for StreamError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StreamError::Io(err) => write!(f, "cannot read the input: {err}"),
            StreamError::Statuspage(err) => fmt::Display::fmt(err, f),
        }
    }
}

impl std::error::Error for StreamError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            StreamError::Io(err) => Some(err),
            StreamError::Statuspage(err) => Some(err),
        }
    }
}

impl From<StatuspageError> for StreamError {
    fn from(err: StatuspageError) -> Self {
        StreamError::Statuspage(err)
    }
}

/// Reads the events of a Statuspage document from `reader` one at a time,
/// under [`Limits::default`] (see [`stream_with`]). A byte slice is a reader.
///
/// # Example
///
/// ```
/// use incident_model::formats::statuspage::{self, Streamed};
/// let json = br#"{"page": {"id": "p", "updated_at": "2020-03-17T00:00:00Z"}, "incidents": [
///   {"id": "x9mb3wh2r6nr", "name": "API errors", "status": "resolved", "impact": "minor",
///    "created_at": "2020-03-16T14:00:00Z", "started_at": "2020-03-16T14:00:00Z", "components": [],
///    "incident_updates": [{"id": "0167m21nd0h1", "status": "resolved", "body": "Fixed.",
///      "created_at": "2020-03-16T15:00:00Z", "display_at": "2020-03-16T15:00:00Z"}]}]}"#;
/// let items: Vec<Streamed> = statuspage::stream(&json[..]).collect::<Result<_, _>>()?;
/// let Streamed::Incident(record, anomalies) = &items[0] else { panic!() };
/// assert_eq!(record.event.id().as_str(), "x9mb3wh2r6nr");
/// assert!(anomalies.iter().all(|a| a.incident.as_ref() == Some(record.event.id())));
/// let Streamed::Rest(rest) = &items[1] else { panic!() };
/// assert_eq!(rest.shape, statuspage::Shape::Incidents);
/// assert!(rest.incidents.is_empty()); // the incident was streamed
/// assert_eq!(items.len(), 2);
/// # Ok::<(), statuspage::StreamError>(())
/// ```
pub fn stream<R: Read>(reader: R) -> Stream<R> {
    stream_with(reader, &Limits::default())
}

/// [`stream`] under `limits`: each event is held to the limits of an event
/// (updates, body, id and name sizes), the events are counted against
/// `max_events`, and `max_input_bytes` bounds what is held at once: the text
/// of one event, and that of the rest of the document (an event or a rest
/// over it is [`StatuspageError::LimitExceeded`] on [`Limit::InputBytes`],
/// with no location). Memory is that of one event, whatever the size of the
/// document.
///
/// The items are those of the whole read ([`read_with`](super::super::read_with)),
/// with these differences: a document the whole read refuses for its shape
/// (an `incident` beside `incidents`, say) is refused at its end, after its
/// events; an event is checked against the page's `updated_at` only when the
/// page comes before it (as in every export); when a list is given twice,
/// both are read; and the anomalies come in stream order (each event's with
/// it, the page's, the components' and the document-wide ones at the end).
///
/// # Example
///
/// ```
/// use incident_model::formats::statuspage::{self, Limits, StatuspageError, StreamError};
/// let mut limits = Limits::default();
/// limits.max_events = 1;
/// let json = br#"[{"id": "a"}, {"id": "b"}]"#;
/// let mut items = statuspage::stream_with(&json[..], &limits);
/// assert!(items.next().unwrap().is_err()); // "a" has no updates and no status
/// assert!(items.next().is_none()); // the stream stops at its first error
/// # let _ = StreamError::Statuspage(StatuspageError::UnknownShape { found: String::new() });
/// ```
pub fn stream_with<R: Read>(reader: R, limits: &Limits) -> Stream<R> {
    Stream {
        input: Input::new(reader),
        cx: Cx {
            limits: *limits,
            ..Cx::default()
        },
        state: State::Start,
        event: Vec::new(),
        rest: Rest::default(),
        events: 0,
        page_updated_at: None,
    }
}

/// The events of a document, one at a time: an iterator of [`Streamed`]
/// items, made by [`stream`] and [`stream_with`]. After an error it gives
/// nothing more.
pub struct Stream<R> {
    input: Input<R>,
    cx: Cx,
    state: State,
    /// The JSON text of the current event.
    event: Vec<u8>,
    rest: Rest,
    events: usize,
    /// The page's `updated_at`, once the page is read.
    page_updated_at: Option<DateTime<Utc>>,
}

impl<R> fmt::Debug for Stream<R> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Stream")
            .field("events", &self.events)
            .field("line", &self.input.line)
            .finish_non_exhaustive()
    }
}

/// Where the scanner is in the top of the document.
#[derive(Clone, Copy, PartialEq, Eq)]
enum State {
    Start,
    /// In the top-level object, `first` before its first key.
    Object {
        first: bool,
    },
    /// In a list of events: the top-level array (`name` empty) or the value of
    /// a key of the top-level object.
    List {
        name: &'static str,
        index: usize,
        in_object: bool,
    },
    /// After the top-level value.
    End,
    Done,
}

/// The top-level values that are not streamed, as text, with where each piece
/// came from, to place a syntax error found in them.
#[derive(Default)]
struct Rest {
    text: Vec<u8>,
    /// (offset in `text`, line and column in the input) of each piece.
    pieces: Vec<(usize, usize, usize)>,
    /// The object's streamed lists, written back empty so that the shape is
    /// the whole document's.
    lists: Vec<&'static str>,
    /// The document is not an object or an array: `text` is all of it.
    whole: bool,
    /// The document is an array, all of it streamed.
    array: bool,
}

impl<R: Read> Iterator for Stream<R> {
    type Item = Result<Streamed, StreamError>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.state == State::Done {
            return None;
        }
        let item = self.advance();
        if !matches!(
            item,
            Ok(Some(Streamed::Incident(..) | Streamed::Maintenance(..)))
        ) {
            self.state = State::Done;
        }
        item.transpose()
    }
}

impl<R: Read> Stream<R> {
    /// The next item: scans until an event or the end of the document.
    fn advance(&mut self) -> Result<Option<Streamed>, StreamError> {
        loop {
            match self.state {
                State::Start => self.start()?,
                State::Object { first } => self.key(first)?,
                State::List {
                    name,
                    index,
                    in_object,
                } => {
                    self.input.skip_whitespace()?;
                    if self.input.peek()? == Some(b']') {
                        self.input.bump();
                        self.state = if in_object {
                            State::Object { first: false }
                        } else {
                            State::End
                        };
                        continue;
                    }
                    if index > 0 {
                        self.input.expect(b',', "expected `,` or `]`")?;
                        self.input.skip_whitespace()?;
                    }
                    self.state = State::List {
                        name,
                        index: index + 1,
                        in_object,
                    };
                    return self.event(name, index).map(Some);
                }
                State::End => return self.end().map(Some),
                State::Done => return Ok(None),
            }
        }
    }

    /// The first value: an object or an array is scanned; anything else is
    /// the rest, read whole at the end.
    fn start(&mut self) -> Result<(), StreamError> {
        self.input.skip_whitespace()?;
        match self.input.peek()? {
            Some(b'{') => {
                self.input.bump();
                self.state = State::Object { first: true };
            }
            Some(b'[') => {
                self.input.bump();
                self.rest.array = true;
                self.state = State::List {
                    name: "",
                    index: 0,
                    in_object: false,
                };
            }
            _ => {
                self.rest.whole = true;
                self.rest
                    .pieces
                    .push((0, self.input.line, self.input.column));
                let max = self.cx.limits.max_input_bytes;
                self.input.rest_into(&mut self.rest.text, max)?;
                self.state = State::End;
            }
        }
        Ok(())
    }

    /// A key of the top-level object and its value: a list of events starts
    /// streaming; any other value is kept for the end.
    fn key(&mut self, first: bool) -> Result<(), StreamError> {
        self.input.skip_whitespace()?;
        if self.input.peek()? == Some(b'}') {
            self.input.bump();
            self.state = State::End;
            return Ok(());
        }
        if !first {
            self.input.expect(b',', "expected `,` or `}`")?;
            self.input.skip_whitespace()?;
        }
        if self.input.peek()? != Some(b'"') {
            return Err(self.input.syntax("key must be a string").into());
        }
        let max = self.cx.limits.max_input_bytes;
        let start = self.rest.text.len();
        if !self.rest.text.is_empty() {
            self.rest.text.push(b',');
        }
        let key_start = self.rest.text.len();
        self.input.value_into(&mut self.rest.text, max)?;
        let key: String =
            serde_json::from_slice(self.rest.text.get(key_start..).unwrap_or_default())
                .map_err(|err| self.input.syntax(&err.to_string()))?;
        self.input.skip_whitespace()?;
        self.input.expect(b':', "expected `:`")?;
        self.input.skip_whitespace()?;
        let list = match key.as_str() {
            "incidents" => Some("incidents"),
            "scheduled_maintenances" => Some("scheduled_maintenances"),
            _ => None,
        };
        if let (Some(name), Some(b'[')) = (list, self.input.peek()?) {
            self.input.bump();
            self.rest.text.truncate(start);
            self.rest.lists.push(name);
            self.state = State::List {
                name,
                index: 0,
                in_object: true,
            };
            return Ok(());
        }
        self.rest.text.push(b':');
        let value_start = self.rest.text.len();
        let (line, column) = (self.input.line, self.input.column);
        self.rest.pieces.push((value_start, line, column));
        let room = max.saturating_sub(self.rest.text.len());
        self.input.value_into(&mut self.rest.text, room)?;
        if key == "page" {
            self.page_updated_at =
                page_updated_at(self.rest.text.get(value_start..).unwrap_or_default());
        }
        self.state = State::Object { first: false };
        Ok(())
    }

    /// The event at `index` of the list `name`, read by the whole read's
    /// functions.
    fn event(&mut self, name: &str, index: usize) -> Result<Streamed, StreamError> {
        self.events = self.events.saturating_add(1);
        self.cx.limits.check(Limit::Events, self.events, None)?;
        let (line, column) = (self.input.line, self.input.column);
        self.event.clear();
        let max = self.cx.limits.max_input_bytes;
        self.input.value_into(&mut self.event, max)?;
        let wire =
            parse::<WireIncident<'_>>(&self.event).map_err(|err| syntax_at(&err, line, column))?;
        let mut doc = Document::new(Shape::Incidents);
        self.cx
            .event_into(wire, &format!("{name}[{index}]"), &mut doc)?;
        // Where the event sat, as the whole read notes it for write-back.
        let in_maintenances = name == "scheduled_maintenances";
        super::super::write::note_list_position(&mut doc, (0, 0), in_maintenances, index);
        let mut anomalies = std::mem::take(&mut self.cx.anomalies);
        let read = |id, created_at: DateTime<Utc>| {
            self.page_updated_at
                .filter(|page| created_at > *page)
                .map(|page| anomalies::after_page_update(id, created_at, page))
        };
        let item = match (doc.incidents.pop(), doc.maintenances.pop()) {
            (Some(record), _) => {
                anomalies.extend(read(record.event.id(), record.event.created_at()));
                Streamed::Incident(record, anomalies)
            }
            (None, Some(record)) => {
                anomalies.extend(read(record.event.id(), record.event.created_at()));
                Streamed::Maintenance(record, anomalies)
            }
            // `event_into` pushes the event it read into one of the lists.
            (None, None) => Streamed::Rest(doc),
        };
        Ok(item)
    }

    /// The rest of the document, read whole with the document-wide anomalies.
    fn end(&mut self) -> Result<Streamed, StreamError> {
        self.input.skip_whitespace()?;
        if self.input.peek()?.is_some() {
            return Err(self.input.syntax("trailing characters").into());
        }
        let rest = std::mem::take(&mut self.rest);
        let text = rest.document();
        let seed = ListSeed::new(self.cx.limits, self.cx.bad_events);
        let wire = match core::str::from_utf8(&text) {
            Ok(text) => WireDocument::from_str(text, seed),
            Err(_) => WireDocument::from_slice(&text, seed),
        }
        .map_err(|err| rest.syntax(&err))?;
        let mut doc = self.cx.document(wire)?;
        self.cx.after_page_update(&doc);
        self.cx.finish(&mut doc);
        Ok(Streamed::Rest(doc))
    }
}

/// `text` read as `T`; UTF-8 checked once, up front, as the whole read does.
fn parse<'a, T: serde::Deserialize<'a>>(text: &'a [u8]) -> Result<T, serde_json::Error> {
    match core::str::from_utf8(text) {
        Ok(text) => serde_json::from_str(text),
        Err(_) => serde_json::from_slice(text),
    }
}

/// The `updated_at` of a page object's text, if it reads (the page itself is
/// read, with its errors, at the end).
fn page_updated_at(text: &[u8]) -> Option<DateTime<Utc>> {
    let page: WirePage<'_> = parse(text).ok()?;
    let updated_at = crate::time::parse_rfc3339(&page.updated_at?.0).ok()?;
    Some(updated_at.with_timezone(&Utc))
}

/// The syntax error `err` of a text that starts at `line` and `column` of the
/// input (`column` the column of its first byte minus one), placed in the
/// input.
fn syntax_at(err: &serde_json::Error, line: usize, column: usize) -> StreamError {
    let mut syntax = JsonSyntaxError::new(err);
    if syntax.line <= 1 {
        syntax.column = syntax.column.saturating_add(column);
    }
    syntax.line = syntax.line.saturating_add(line).saturating_sub(1);
    StreamError::Statuspage(StatuspageError::Syntax(syntax))
}

impl Rest {
    /// The text of the rest as a document: the kept keys and the streamed
    /// lists, empty, in an object; `[]` for an array.
    fn document(&self) -> Vec<u8> {
        if self.whole {
            return self.text.clone();
        }
        let mut text = Vec::with_capacity(self.text.len() + 64);
        if self.array {
            return b"[]".to_vec();
        }
        text.push(b'{');
        text.extend_from_slice(&self.text);
        for (i, list) in self.lists.iter().enumerate() {
            if i > 0 || !self.text.is_empty() {
                text.push(b',');
            }
            text.extend_from_slice(format!("\"{list}\":[]").as_bytes());
        }
        text.push(b'}');
        text
    }

    /// A syntax error of [`Rest::document`]'s text, placed in the input by the
    /// piece it falls in.
    fn syntax(&self, err: &serde_json::Error) -> StreamError {
        let text = self.document();
        // The byte offset of the error in `text` (the document adds one `{`).
        let mut offset = 0;
        for _ in 1..err.line() {
            offset = text
                .get(offset..)
                .and_then(|rest| rest.iter().position(|&b| b == b'\n'))
                .map_or(text.len(), |at| offset + at + 1);
        }
        let offset = offset + err.column().saturating_sub(1);
        let offset = offset.saturating_sub(usize::from(!self.whole));
        let piece = self.pieces.iter().rev().find(|(at, _, _)| *at <= offset);
        let Some(&(at, line, column)) = piece else {
            return syntax_at(err, 1, 0);
        };
        let before = self.text.get(at..offset).unwrap_or_default();
        #[allow(clippy::naive_bytecount)] // once, on an error
        let newlines = before.iter().filter(|&&b| b == b'\n').count();
        let after_newline = before.iter().rposition(|&b| b == b'\n');
        let mut syntax = JsonSyntaxError::new(err);
        syntax.line = line + newlines;
        syntax.column = match after_newline {
            Some(at) => before.len() - at,
            None => column + before.len() + 1,
        };
        StreamError::Statuspage(StatuspageError::Syntax(syntax))
    }
}

/// The input, buffered, with the line and column of the last byte taken.
struct Input<R> {
    reader: R,
    buffer: Box<[u8]>,
    position: usize,
    filled: usize,
    line: usize,
    column: usize,
}

impl<R: Read> Input<R> {
    fn new(reader: R) -> Self {
        Input {
            reader,
            buffer: vec![0; 64 << 10].into_boxed_slice(),
            position: 0,
            filled: 0,
            line: 1,
            column: 0,
        }
    }

    /// Fills the buffer when it is empty; whether there is a byte.
    fn fill(&mut self) -> Result<bool, StreamError> {
        if self.position < self.filled {
            return Ok(true);
        }
        loop {
            match self.reader.read(&mut self.buffer) {
                Ok(read) => {
                    self.position = 0;
                    self.filled = read;
                    return Ok(read > 0);
                }
                Err(err) if err.kind() == io::ErrorKind::Interrupted => {}
                Err(err) => return Err(StreamError::Io(err)),
            }
        }
    }

    fn peek(&mut self) -> Result<Option<u8>, StreamError> {
        Ok(if self.fill()? {
            self.buffer.get(self.position).copied()
        } else {
            None
        })
    }

    /// Takes the byte [`Input::peek`] saw.
    fn bump(&mut self) {
        if let Some(&byte) = self.buffer.get(self.position) {
            self.position += 1;
            self.count(byte);
        }
    }

    fn count(&mut self, byte: u8) {
        if byte == b'\n' {
            self.line += 1;
            self.column = 0;
        } else {
            self.column += 1;
        }
    }

    fn skip_whitespace(&mut self) -> Result<(), StreamError> {
        while let Some(b' ' | b'\n' | b'\t' | b'\r') = self.peek()? {
            self.bump();
        }
        Ok(())
    }

    /// Takes `byte`, or is a syntax error saying `expected`.
    fn expect(&mut self, byte: u8, expected: &str) -> Result<(), StreamError> {
        match self.peek()? {
            Some(found) if found == byte => {
                self.bump();
                Ok(())
            }
            Some(_) => {
                self.bump();
                Err(self.syntax(expected).into())
            }
            None => Err(self.syntax("EOF while parsing a value").into()),
        }
    }

    /// A syntax error at the last byte taken.
    fn syntax(&self, message: &str) -> StatuspageError {
        StatuspageError::Syntax(JsonSyntaxError {
            line: self.line,
            column: self.column,
            message: message.to_owned(),
        })
    }

    /// Copies one JSON value (its extent: strings, nesting; the JSON reader
    /// checks the rest) into `out`, at most `max` bytes of it: a buffer at a
    /// time.
    fn value_into(&mut self, out: &mut Vec<u8>, max: usize) -> Result<(), StreamError> {
        let start = out.len();
        let mut scan = Extent::default();
        loop {
            if !self.fill()? {
                if scan.is_scalar() && out.len() > start {
                    return Ok(());
                }
                return Err(self.syntax("EOF while parsing a value").into());
            }
            let chunk = self
                .buffer
                .get(self.position..self.filled)
                .unwrap_or_default();
            let (taken, done) = scan.advance(chunk);
            let taken_bytes = chunk.get(..taken).unwrap_or_default();
            out.extend_from_slice(taken_bytes);
            match taken_bytes.iter().rposition(|&b| b == b'\n') {
                Some(last) => {
                    #[allow(clippy::naive_bytecount)] // no dependency for this
                    let newlines = taken_bytes.iter().filter(|&&b| b == b'\n').count();
                    self.line += newlines;
                    self.column = taken - last - 1;
                }
                None => self.column += taken,
            }
            self.position += taken;
            if out.len() - start > max {
                return Err(StatuspageError::LimitExceeded {
                    at: None,
                    limit: Limit::InputBytes,
                    found: out.len() - start,
                    max,
                }
                .into());
            }
            if done {
                return Ok(());
            }
        }
    }

    /// Copies everything left into `out`, at most `max` bytes.
    fn rest_into(&mut self, out: &mut Vec<u8>, max: usize) -> Result<(), StreamError> {
        while self.fill()? {
            let chunk = self
                .buffer
                .get(self.position..self.filled)
                .unwrap_or_default();
            out.extend_from_slice(chunk);
            self.position = self.filled;
            if out.len() > max {
                return Err(StatuspageError::LimitExceeded {
                    at: None,
                    limit: Limit::InputBytes,
                    found: out.len(),
                    max,
                }
                .into());
            }
        }
        Ok(())
    }
}

/// Whether `byte` can continue a number, `true`, `false` or `null`.
fn scalar_byte(byte: u8) -> bool {
    byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'+' | b'.')
}

/// The extent of one JSON value, scanned a buffer at a time: where it ends.
#[derive(Default)]
struct Extent {
    /// The value's first byte, once seen.
    first: Option<u8>,
    depth: usize,
    in_string: bool,
    escaped: bool,
}

impl Extent {
    /// Whether the value is a number, `true`, `false` or `null`.
    fn is_scalar(&self) -> bool {
        self.first
            .is_some_and(|first| !matches!(first, b'"' | b'{' | b'['))
    }

    /// How many bytes of `chunk` belong to the value, and whether it ends
    /// there. Inside a string, it skips to the next quote or backslash.
    fn advance(&mut self, chunk: &[u8]) -> (usize, bool) {
        let mut i = 0;
        while let Some(&byte) = chunk.get(i) {
            if self.in_string {
                if self.escaped {
                    self.escaped = false;
                    i += 1;
                    continue;
                }
                let rest = chunk.get(i..).unwrap_or_default();
                let Some(at) = rest.iter().position(|&b| b == b'"' || b == b'\\') else {
                    return (chunk.len(), false);
                };
                i += at;
                if chunk.get(i) == Some(&b'\\') {
                    self.escaped = true;
                } else {
                    self.in_string = false;
                    if self.depth == 0 {
                        return (i + 1, true);
                    }
                }
                i += 1;
                continue;
            }
            if self.first.is_none() {
                self.first = Some(byte);
            } else if self.is_scalar() {
                if !scalar_byte(byte) {
                    return (i, true);
                }
                i += 1;
                continue;
            }
            match byte {
                b'"' => self.in_string = true,
                b'{' | b'[' => self.depth += 1,
                b'}' | b']' => self.depth = self.depth.saturating_sub(1),
                _ => {}
            }
            i += 1;
            if !self.in_string && self.depth == 0 && !self.is_scalar() {
                return (i, true);
            }
        }
        (chunk.len(), false)
    }
}
