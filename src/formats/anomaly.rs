//! Anomalies: every oddity the reader repaired or tolerated, reported beside the
//! value instead of silently.

use core::fmt;
use std::borrow::Cow;

use crate::id::{EventId, UpdateId};

/// One oddity found while reading a Statuspage document: what kind, in which
/// incident and update (when it concerns one), and a lowercase detail saying what
/// was found and what the reader did about it.
///
/// # Example
///
/// ```
/// # #[cfg(feature = "statuspage")]
/// # fn main() -> Result<(), Box<dyn std::error::Error>> {
/// use incident_model::formats::statuspage::{self, AnomalyKind};
/// let json = r#"{"id": "x9mb3wh2r6nr", "name": "API errors", "status": "resolved",
///   "impact": "minor", "created_at": "2020-03-16T14:00:00Z", "components": [],
///   "resolved_at": "2020-03-16T15:00:00Z",
///   "incident_updates": [{"id": "0167m21nd0h1", "status": "resolved", "body": "Fixed.",
///     "created_at": "2020-03-16T15:00:00Z", "display_at": "2020-03-16T15:00:00Z"}]}"#;
/// let document = statuspage::read(json)?;
/// let anomaly = &document.anomalies[0];
/// assert_eq!(anomaly.kind, AnomalyKind::MissingStartedAt);
/// assert_eq!(anomaly.incident.as_ref().map(|id| id.as_str()), Some("x9mb3wh2r6nr"));
/// assert!(anomaly.to_string().starts_with("missing_started_at in incident \"x9mb3wh2r6nr\": "));
/// # Ok(())
/// # }
/// # #[cfg(not(feature = "statuspage"))]
/// # fn main() {}
/// ```
#[derive(Clone, PartialEq, Eq, Hash, Debug)]
#[non_exhaustive]
pub struct Anomaly {
    /// What kind of oddity.
    pub kind: AnomalyKind,
    /// The incident or maintenance it concerns, if any.
    pub incident: Option<EventId>,
    /// The update it concerns, if any.
    pub update: Option<UpdateId>,
    /// What was found and what the reader did, lowercase (borrowed when it
    /// is the same text every time: reading many anomalies of one kind costs
    /// no text each).
    pub detail: Cow<'static, str>,
}

impl Anomaly {
    /// An anomaly of `kind` with a detail.
    ///
    /// # Example
    ///
    /// ```
    /// use incident_model::formats::{Anomaly, AnomalyKind};
    /// let a = Anomaly::new(AnomalyKind::UnknownField, None, None, "top-level key \"foo\" kept verbatim");
    /// assert_eq!(a.to_string(), "unknown_field: top-level key \"foo\" kept verbatim");
    /// ```
    pub fn new(
        kind: AnomalyKind,
        incident: Option<EventId>,
        update: Option<UpdateId>,
        detail: impl Into<Cow<'static, str>>,
    ) -> Self {
        let mut detail = detail.into();
        // A formatted detail has room to spare: a document keeps thousands.
        if let Cow::Owned(text) = &mut detail {
            text.shrink_to_fit();
        }
        Anomaly {
            kind,
            incident,
            update,
            detail,
        }
    }
}

impl fmt::Display for Anomaly {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.kind.as_str())?;
        if let Some(incident) = &self.incident {
            write!(f, " in incident {:?}", incident.as_str())?;
        }
        if let Some(update) = &self.update {
            write!(f, ", update {:?}", update.as_str())?;
        }
        write!(f, ": {}", self.detail)
    }
}

macro_rules! anomaly_kinds {
    ($( $(#[$meta:meta])* $variant:ident => $name:literal, )+) => {
        /// The kinds of [`Anomaly`], one per quirk real pages show, the same kind
        /// in every format where the same thing happens.
        ///
        /// `Display` prints the `snake_case` name (also [`AnomalyKind::as_str`]).
        ///
        /// # Example
        ///
        /// ```
        /// use incident_model::formats::AnomalyKind;
        /// assert_eq!(AnomalyKind::BackdatedDisplay.to_string(), "backdated_display");
        /// assert!(AnomalyKind::ALL.contains(&AnomalyKind::PolicyViolation));
        /// ```
        #[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Debug)]
        #[non_exhaustive]
        pub enum AnomalyKind {
            $( $(#[$meta])* $variant, )+
        }

        impl AnomalyKind {
            /// Every kind, in declaration order.
            ///
            /// # Example
            ///
            /// See [`AnomalyKind`].
            pub const ALL: &'static [AnomalyKind] = &[ $( AnomalyKind::$variant, )+ ];

            /// The `snake_case` name of the kind.
            ///
            /// # Example
            ///
            /// ```
            /// use incident_model::formats::AnomalyKind;
            /// assert_eq!(AnomalyKind::TweetIdAboveF64.as_str(), "tweet_id_above_f64");
            /// ```
            #[must_use]
            pub const fn as_str(self) -> &'static str {
                match self {
                    $( AnomalyKind::$variant => $name, )+
                }
            }
        }
    };
}

anomaly_kinds! {
    /// The incident has no `started_at`: its start is the creation time or the
    /// first update's display time (pre-2019 pages, incident.io pages).
    MissingStartedAt => "missing_started_at",
    /// `started_at` is later than `resolved_at` (naive durations would be
    /// negative); the model's `opened_at` takes the earliest known time.
    StartedAfterResolved => "started_after_resolved",
    /// `started_at` is later than `created_at` (set from a later update).
    StartedAfterCreated => "started_after_created",
    /// An update's `display_at` is earlier than its `created_at` (a backdated or
    /// retroactive update); display order uses `display_at`.
    BackdatedDisplay => "backdated_display",
    /// `reminder_intervals` is the string `"[]"` instead of an array (kept
    /// verbatim).
    ReminderIntervalsString => "reminder_intervals_string",
    /// `tweet_id` is an integer above 2^53, which a JSON reader going through f64
    /// would corrupt; kept exactly as a `u64`.
    TweetIdAboveF64 => "tweet_id_above_f64",
    /// An `affected_components` entry without a component code (or without
    /// statuses), such as `{"name": "No components were affected by this
    /// update."}`: not a component change; kept verbatim for writing back.
    PlaceholderComponent => "placeholder_component",
    /// A component change with `old_status == new_status` (GitHub sends one on
    /// every update); kept as a change, since it states the component's status.
    SameStatusChange => "same_status_change",
    /// A component name in `affected_components` is prefixed by its group
    /// (`"Group - Component"`); the name is kept as given.
    GroupPrefixedName => "group_prefixed_name",
    /// Timestamps in the document use several UTC offsets (`Z`, `-05:00`,
    /// `-06:00`); all are converted to UTC.
    MixedOffsets => "mixed_offsets",
    /// Timestamps in the document mix whole seconds and fractional seconds.
    MixedPrecision => "mixed_precision",
    /// An id that is not a 12-character Statuspage id (for example an
    /// incident.io ULID); kept as it is.
    ForeignId => "foreign_id",
    /// An update's `incident_id` is not the id of the incident holding it (it
    /// is written back as given while the event is unchanged, else the
    /// holder's id).
    IdMismatch => "id_mismatch",
    /// A field the model needs is missing or null; the detail says what was used
    /// instead.
    MissingField => "missing_field",
    /// The payload's `monitoring_at` or `resolved_at` disagrees with the
    /// milestone computed from the updates by more than one second.
    MilestoneMismatch => "milestone_mismatch",
    /// The incident's `components` list and the components its updates name
    /// disagree.
    ComponentsMismatch => "components_mismatch",
    /// A closed incident or maintenance whose updates last gave a component a
    /// status other than operational: by the updates, the component was never
    /// restored by `resolved_at`.
    ComponentNotRestored => "component_not_restored",
    /// An open incident's component object has a status other than the one its
    /// updates last announced for it (the component object is kept as given).
    ComponentStatusMismatch => "component_status_mismatch",
    /// An incident or maintenance created after the page's `updated_at`: the
    /// document is not one snapshot (a fixture spliced from several captures,
    /// say).
    AfterPageUpdate => "after_page_update",
    /// The incident-level `status` disagrees with the status of its last update
    /// in display order (the update wins).
    StatusMismatch => "status_mismatch",
    /// A move out of a closed status into an open one: Statuspage records
    /// reopens implicitly; the update is marked as a reopen.
    ImplicitReopen => "implicit_reopen",
    /// A move that `Policy::standard()` refuses; the event keeps the permissive
    /// policy.
    PolicyViolation => "policy_violation",
    /// `scheduled_for`/`scheduled_until` on an incident, or an inverted window on
    /// a maintenance: not part of the model, kept verbatim.
    UnexpectedSchedule => "unexpected_schedule",
    /// A field of the documented schema with a value of the wrong type (such as
    /// `postmortem_published_at: true`); kept verbatim.
    WrongFieldType => "wrong_field_type",
    /// A key that the documented schema does not list; kept verbatim.
    UnknownField => "unknown_field",
    /// The same component listed twice in an incident's `components`; the
    /// second is kept only verbatim.
    DuplicateComponent => "duplicate_component",
    /// The incident has no updates; one was made from its status and creation
    /// time.
    NoUpdates => "no_updates",
    /// The document starts with a UTF-8 byte order mark (U+FEFF), which JSON
    /// does not allow and many writers add; it is skipped.
    ByteOrderMark => "byte_order_mark",
    /// A time shown without a year (a Statuspage feed's update times): the
    /// year was inferred, as the detail says.
    InferredYear => "inferred_year",
    /// Times given to the minute only (a Statuspage feed's update times):
    /// seconds are zero.
    MinutePrecision => "minute_precision",
    /// The format does not carry component changes (a feed, a Slack or
    /// Google Cloud incident names services, not their statuses): the event
    /// lists its components, without changes.
    NoComponentChanges => "no_component_changes",
    /// An update whose status the format does not give (a feed's "Update"
    /// label, a Slack note): the status is inferred, as the detail says.
    InferredStatus => "inferred_status",
    /// Times without a zone (Cachet's `YYYY-MM-DD HH:MM:SS`) or with a zone
    /// abbreviation: read in the zone the detail names.
    LocalTime => "local_time",
    /// A body given as HTML (a feed entry, a Slack note): kept as text, tags
    /// dropped, entities decoded, `<br>` and paragraphs as new lines.
    HtmlBody => "html_body",
    /// The end of impact the platform declared (Google Cloud's `end`)
    /// differs from the model's `resolved_at` (the closing update's time);
    /// both are kept.
    DeclaredEndDiffers => "declared_end_differs",
    /// A value of the platform's vocabulary that the model maps onto a
    /// nearby one (incident.io's `full_outage` is `major_outage`); the
    /// detail names both.
    MappedValue => "mapped_value",
}

impl fmt::Display for AnomalyKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.as_str())
    }
}
