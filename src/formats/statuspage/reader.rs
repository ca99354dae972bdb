//! The configurable reader: [`Limits`] and what to do with an event that
//! cannot be read, as options on one type.

use super::read::ListSeed;
use super::skipped::BadEvents;
use super::{Anomaly, AnomalyKind, Document, Limit, Limits, StatuspageError};

/// The Statuspage reader with its options: [`read`](super::read) is
/// `Reader::default().read`.
///
/// # Example
///
/// ```
/// use incident_model::formats::statuspage::{BadEvents, Reader, StatuspageError};
/// let json = r#"{"page": {"id": "p"}, "incidents": [
///   {"id": "bad1", "name": "Odd", "status": "sideways", "created_at": "2020-01-01T00:00:00Z",
///    "incident_updates": [{"id": "u0", "status": "sideways", "created_at": "2020-01-01T00:00:00Z"}]},
///   {"id": "good", "name": "Fine", "status": "resolved", "created_at": "2020-01-01T00:00:00Z",
///    "incident_updates": [{"id": "u1", "status": "resolved", "created_at": "2020-01-01T00:00:00Z"}]}]}"#;
/// assert!(Reader::new().read(json).is_err()); // one bad incident refuses the document
/// let document = Reader::new().bad_events(BadEvents::Skip).read(json)?;
/// assert_eq!(document.incidents.len(), 1);
/// assert_eq!(document.skipped[0].container, "incidents[0]");
/// assert!(matches!(document.skipped[0].error, StatuspageError::UnknownStatus { .. }));
/// # Ok::<(), StatuspageError>(())
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug, Default)]
pub struct Reader {
    limits: Limits,
    bad_events: BadEvents,
}

impl Reader {
    /// The default reader: [`Limits::default`], [`BadEvents::Refuse`].
    ///
    /// # Example
    ///
    /// See [`Reader`].
    #[must_use]
    pub fn new() -> Self {
        Reader::default()
    }

    /// With `limits`.
    ///
    /// # Example
    ///
    /// ```
    /// use incident_model::formats::statuspage::{Limits, Reader};
    /// let mut tiny = Limits::default();
    /// tiny.max_input_bytes = 10;
    /// assert!(Reader::new().limits(tiny).read(r#"{"page": {"id": "p"}, "incidents": []}"#).is_err());
    /// ```
    #[must_use]
    pub fn limits(mut self, limits: Limits) -> Self {
        self.limits = limits;
        self
    }

    /// With `bad_events`.
    ///
    /// # Example
    ///
    /// See [`Reader`].
    #[must_use]
    pub fn bad_events(mut self, bad_events: BadEvents) -> Self {
        self.bad_events = bad_events;
        self
    }

    /// The limits.
    ///
    /// # Example
    ///
    /// ```
    /// # use incident_model::formats::statuspage::{Limits, Reader};
    /// assert_eq!(Reader::new().get_limits(), Limits::default());
    /// ```
    #[must_use]
    pub fn get_limits(&self) -> Limits {
        self.limits
    }

    /// What it does with a bad event.
    ///
    /// # Example
    ///
    /// ```
    /// # use incident_model::formats::statuspage::{BadEvents, Reader};
    /// assert_eq!(Reader::new().get_bad_events(), BadEvents::Refuse);
    /// ```
    #[must_use]
    pub fn get_bad_events(&self) -> BadEvents {
        self.bad_events
    }

    /// Reads a document of any shape (see [`read`](super::read)).
    ///
    /// # Errors
    ///
    /// As [`read_with`](super::read_with).
    ///
    /// # Example
    ///
    /// See [`Reader`].
    pub fn read(&self, input: &str) -> Result<Document, StatuspageError> {
        self.limits.check(Limit::InputBytes, input.len(), None)?;
        let (input, bom) = match input.strip_prefix('\u{feff}') {
            Some(rest) => (rest, true),
            None => (input, false),
        };
        let wire = super::wire::WireDocument::from_str(input, self.list_seed())
            .map_err(|err| StatuspageError::from_json(&err))?;
        let document = super::read::document(wire, &self.limits, self.bad_events)?;
        Ok(with_byte_order_mark(document, bom))
    }

    /// Reads a document from bytes (which must be UTF-8 JSON).
    ///
    /// # Errors
    ///
    /// As [`Reader::read`].
    ///
    /// # Example
    ///
    /// ```
    /// # use incident_model::formats::statuspage::Reader;
    /// assert!(Reader::new().read_slice(b"[]")?.incidents.is_empty());
    /// # Ok::<(), incident_model::formats::statuspage::StatuspageError>(())
    /// ```
    pub fn read_slice(&self, input: &[u8]) -> Result<Document, StatuspageError> {
        self.limits.check(Limit::InputBytes, input.len(), None)?;
        // Checking the UTF-8 once, up front, spares serde_json checking every string
        // it borrows from a byte slice (a third of the instructions of the wire
        // reading). Input that is not UTF-8 takes the byte path, which says where.
        if let Ok(text) = core::str::from_utf8(input) {
            return self.read(text);
        }
        let (input, bom) = match input.strip_prefix(BYTE_ORDER_MARK) {
            Some(rest) => (rest, true),
            None => (input, false),
        };
        let wire = super::wire::WireDocument::from_slice(input, self.list_seed())
            .map_err(|err| StatuspageError::from_json(&err))?;
        let document = super::read::document(wire, &self.limits, self.bad_events)?;
        Ok(with_byte_order_mark(document, bom))
    }
}

impl Reader {
    /// How the reader reads the lists of a document.
    fn list_seed(&self) -> ListSeed {
        ListSeed::new(self.limits, self.bad_events)
    }
}

/// The UTF-8 encoding of U+FEFF, the byte order mark.
const BYTE_ORDER_MARK: &[u8] = b"\xef\xbb\xbf";

/// `document`, with an [`AnomalyKind::ByteOrderMark`] first when its input
/// started with one.
fn with_byte_order_mark(mut document: Document, bom: bool) -> Document {
    if bom {
        let detail = "the document starts with a utf-8 byte order mark (u+feff); it is skipped";
        let anomaly = Anomaly::new(AnomalyKind::ByteOrderMark, None, None, detail);
        document.anomalies.insert(0, anomaly);
    }
    document
}
