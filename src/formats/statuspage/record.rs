//! An incident or maintenance with what Statuspage says beyond the model.

use core::fmt;

use chrono::{DateTime, Utc};

use super::page::PageComponent;
use super::raw::{Fields, RawJson};
use crate::event::Event;
use crate::id::UpdateId;
use crate::policy::Lifecycle;
use crate::status::{Impact, IncidentStatus, MaintenanceStatus};

/// A tweet id: an integer (kept exactly, never through `f64`) or a string.
///
/// # Example
///
/// ```
/// use incident_model::formats::statuspage::TweetId;
/// assert_eq!(TweetId::Number(1425224704026046467).to_string(), "1425224704026046467");
/// ```
#[derive(Clone, PartialEq, Eq, Hash, Debug)]
#[non_exhaustive]
pub enum TweetId {
    /// A JSON integer.
    Number(u64),
    /// A JSON string.
    Text(String),
}

impl fmt::Display for TweetId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TweetId::Number(n) => write!(f, "{n}"),
            TweetId::Text(s) => f.write_str(s),
        }
    }
}

/// What Statuspage says of an incident or maintenance beyond the model. See the
/// [module documentation](super).
///
/// # Example
///
/// ```
/// use incident_model::formats::statuspage::Extras;
/// let extras = Extras::default();
/// assert!(extras.shortlink.is_none() && extras.updates.is_empty());
/// ```
#[derive(Clone, PartialEq, Eq, Debug, Default)]
#[non_exhaustive]
pub struct Extras {
    /// The page id.
    pub page_id: Option<String>,
    /// The short link (`https://stspg.io/...`).
    pub shortlink: Option<String>,
    /// When the incident was last changed.
    pub updated_at: Option<DateTime<Utc>>,
    /// `monitoring_at` as the payload gave it.
    pub monitoring_at: Option<DateTime<Utc>>,
    /// `resolved_at` as the payload gave it.
    pub resolved_at: Option<DateTime<Utc>>,
    /// The calculated `impact` when an `impact_override` was given (the model's
    /// impact is then the override).
    pub calculated_impact: Option<Impact>,
    /// The postmortem text.
    pub postmortem_body: Option<String>,
    /// When the postmortem was published (a value of another type is kept in
    /// [`Extras::other`] with an anomaly).
    pub postmortem_published_at: Option<DateTime<Utc>>,
    /// The incident's component objects as given (status and other keys).
    pub components: Vec<PageComponent>,
    /// Per-update extras, by update id.
    pub updates: Vec<UpdateExtras>,
    /// Other keys, verbatim (`postmortem_published_at`, `reminder_intervals`,
    /// `metadata`, `scheduled_*`, ...).
    pub other: Fields,
    /// What the payload gave for keys the writer derives, where it differs,
    /// the order of its updates and its place in its list.
    pub given: GivenValues,
}

impl Extras {
    /// The value of another key kept verbatim, by name.
    ///
    /// # Example
    ///
    /// ```
    /// use incident_model::formats::statuspage;
    /// let doc = statuspage::read(r#"{"id": "x9mb3wh2r6nr", "name": "n", "status": "resolved",
    ///   "impact": "none", "created_at": "2020-01-01T00:00:00Z", "started_at": "2020-01-01T00:00:00Z",
    ///   "resolved_at": "2020-01-01T00:00:00Z", "reminder_intervals": null,
    ///   "incident_updates": [{"id": "u", "status": "resolved",
    ///     "created_at": "2020-01-01T00:00:00Z", "display_at": "2020-01-01T00:00:00Z"}]}"#)?;
    /// assert_eq!(doc.incidents[0].extras.field("reminder_intervals").map(|r| r.as_str()), Some("null"));
    /// # Ok::<(), incident_model::formats::statuspage::StatuspageError>(())
    /// ```
    #[must_use]
    pub fn field(&self, key: &str) -> Option<&RawJson> {
        self.other.iter().find(|(k, _)| k == key).map(|(_, v)| v)
    }
}

/// What a payload gave for the keys the writer derives from the model (an
/// event's `status`, `resolved_at`, ..., an update's `incident_id`, ...), kept
/// only where it differs from what the model derived when it was read, with
/// that derived value; the order of an event's updates when it was not
/// newest-first; an event's place in its list; an update's
/// `affected_components` as given, when the model's changes would not write
/// them back as they were (a change without a name, keys of the page's own,
/// a placeholder before a change). The writer writes a given value
/// while the model still derives what it derived when read, and the derived
/// one once it derives another: see "Writing back" in the
/// [module documentation](super). Empty for a value not read.
///
/// # Example
///
/// ```
/// use incident_model::formats::statuspage;
/// // The page says `completed`; the updates say `scheduled`.
/// let doc = statuspage::read(r#"{"id": "m", "name": "n", "status": "completed",
///   "impact": "maintenance", "created_at": "2020-01-01T00:00:00Z",
///   "scheduled_for": "2020-01-02T00:00:00Z", "scheduled_until": "2020-01-02T01:00:00Z",
///   "incident_updates": [{"id": "u", "status": "scheduled",
///     "created_at": "2020-01-01T00:00:00Z", "display_at": "2020-01-01T00:00:00Z"}]}"#)?;
/// let record = &doc.maintenances[0];
/// assert_eq!(record.extras.given.len(), 1);
/// assert!(record.extras.given.is_given("status"));
/// assert!(doc.to_json()?.contains(r#""status":"completed""#)); // unchanged: as given
/// # Ok::<(), statuspage::StatuspageError>(())
/// ```
#[derive(Clone, PartialEq, Eq, Debug, Default)]
pub struct GivenValues {
    kept: Option<Box<Kept>>,
    list: Option<ListPosition>,
}

/// What [`GivenValues`] keeps beside the list position, boxed: most events
/// and updates keep nothing, and then cost one pointer.
#[derive(Clone, PartialEq, Eq, Debug, Default)]
struct Kept {
    values: Box<[GivenValue]>,
    /// A fingerprint of the event as read, kept with what it tells apart.
    fingerprint: Option<u64>,
    /// For each position in the input, the update's position in display
    /// order, when the input was not newest-first.
    update_order: Option<Box<[u32]>>,
    /// An update's `affected_components` entries as given, when the
    /// model's changes would not write them back as they were.
    affected: Option<Box<[Fields]>>,
}

/// A key's given value and the value the model derived for it when read.
#[derive(Clone, PartialEq, Eq, Debug)]
struct GivenValue {
    key: &'static str,
    derived: RawJson,
    given: RawJson,
}

/// Where an event sat: in a summary's `scheduled_maintenances` (or else the
/// document's one list of events), at `index`.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
struct ListPosition {
    in_maintenances: bool,
    index: u32,
}

impl GivenValues {
    /// How many keys hold a given value that the model does not derive.
    ///
    /// # Example
    ///
    /// ```
    /// use incident_model::formats::statuspage::GivenValues;
    /// assert_eq!(GivenValues::default().len(), 0);
    /// ```
    #[must_use]
    pub fn len(&self) -> usize {
        self.kept()
            .map_or(0, |k| k.values.len() + usize::from(k.affected.is_some()))
    }

    /// Whether no key holds a given value that the model does not derive.
    ///
    /// # Example
    ///
    /// ```
    /// use incident_model::formats::statuspage::GivenValues;
    /// assert!(GivenValues::default().is_empty());
    /// ```
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Whether `key` holds a given value that the model did not derive.
    ///
    /// # Example
    ///
    /// ```
    /// use incident_model::formats::statuspage::GivenValues;
    /// assert!(!GivenValues::default().is_given("status"));
    /// ```
    #[must_use]
    pub fn is_given(&self, key: &str) -> bool {
        self.kept().is_some_and(|k| {
            k.values.iter().any(|v| v.key == key)
                || (key == "affected_components" && k.affected.is_some())
        })
    }

    fn kept(&self) -> Option<&Kept> {
        self.kept.as_deref()
    }

    fn kept_mut(&mut self) -> &mut Kept {
        self.kept.get_or_insert_with(Box::default)
    }

    /// The given value of `key`, when the model derived `derived` for it
    /// when read.
    pub(crate) fn value(&self, key: &str, derived: &str) -> Option<&RawJson> {
        self.kept()?
            .values
            .iter()
            .find(|v| v.key == key && v.derived.as_str() == derived)
            .map(|v| &v.given)
    }

    /// Keeps the given value of each key in `values` (key, derived, given).
    pub(crate) fn set_values(&mut self, values: Vec<(&'static str, RawJson, RawJson)>) {
        if values.is_empty() && self.kept.is_none() {
            return;
        }
        self.kept_mut().values = values
            .into_iter()
            .map(|(key, derived, given)| GivenValue {
                key,
                derived,
                given,
            })
            .collect();
    }

    /// Keeps an update's `affected_components` entries as given.
    pub(crate) fn set_affected(&mut self, entries: Box<[Fields]>) {
        self.kept_mut().affected = Some(entries);
    }

    /// An update's `affected_components` entries as given, when kept.
    pub(crate) fn affected(&self) -> Option<&[Fields]> {
        self.kept()?.affected.as_deref()
    }

    /// Keeps the fingerprint of the event as read.
    pub(crate) fn set_fingerprint(&mut self, fingerprint: u64) {
        self.kept_mut().fingerprint = Some(fingerprint);
    }

    /// The fingerprint of the event as read, when anything is kept with it.
    pub(crate) fn fingerprint(&self) -> Option<u64> {
        self.kept()?.fingerprint
    }

    /// Keeps the input order of the updates: for each position in the input,
    /// the update's position in display order.
    pub(crate) fn set_update_order(&mut self, order: Box<[u32]>) {
        self.kept_mut().update_order = Some(order);
    }

    /// The input order of the updates, when it was not newest-first.
    pub(crate) fn update_order(&self) -> Option<&[u32]> {
        self.kept()?.update_order.as_deref()
    }

    /// Keeps the event's place in its list.
    pub(crate) fn set_list_position(&mut self, in_maintenances: bool, index: usize) {
        self.list = Some(ListPosition {
            in_maintenances,
            index: u32::try_from(index).unwrap_or(u32::MAX),
        });
    }

    /// The event's place in its list: whether it sat in a summary's
    /// `scheduled_maintenances`, and where.
    pub(crate) fn list_position(&self) -> Option<(bool, u32)> {
        self.list.map(|l| (l.in_maintenances, l.index))
    }
}

/// An incident or maintenance read from Statuspage: the validated model value
/// and the Statuspage extras beside it.
///
/// # Example
///
/// ```
/// use chrono::{TimeZone, Utc};
/// use incident_model::{Incident, IncidentStatus, Update, formats::statuspage::Record};
/// let incident = Incident::builder("x").update(Update::new(IncidentStatus::Investigating, Utc.with_ymd_and_hms(2020, 3, 16, 14, 0, 0).unwrap())).build()?;
/// let record = Record::from(incident.clone());
/// assert_eq!(record.event, incident);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, PartialEq, Eq, Debug)]
#[non_exhaustive]
pub struct Record<S: Lifecycle> {
    /// The validated model value.
    pub event: Event<S>,
    /// What Statuspage adds.
    pub extras: Extras,
}

impl<S: Lifecycle> Record<S> {
    /// A record of `event` with `extras`.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::{TimeZone, Utc};
    /// use incident_model::{Incident, IncidentStatus, Update, formats::statuspage::{Extras, Record}};
    /// let at = Utc.with_ymd_and_hms(2020, 3, 16, 14, 0, 0).unwrap();
    /// let incident = Incident::builder("x").update(Update::new(IncidentStatus::Investigating, at)).build()?;
    /// let mut extras = Extras::default();
    /// extras.shortlink = Some("https://stspg.io/x".to_owned());
    /// let record = Record::new(incident.clone(), extras.clone());
    /// assert_eq!(record.event, incident);
    /// assert_eq!(record.extras, extras);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn new(event: Event<S>, extras: Extras) -> Self {
        Record { event, extras }
    }
}

impl<S: Lifecycle> From<Event<S>> for Record<S> {
    fn from(event: Event<S>) -> Self {
        Record::new(event, Extras::default())
    }
}

/// An incident read from Statuspage.
pub type IncidentRecord = Record<IncidentStatus>;
/// A scheduled maintenance read from Statuspage.
pub type MaintenanceRecord = Record<MaintenanceStatus>;

/// What Statuspage says of an update beyond the model. See the
/// [module documentation](super).
///
/// The tweet, the placeholders and the other keys, which most updates do not
/// have, are kept boxed behind accessors: an update without them costs a
/// pointer for the four.
///
/// # Example
///
/// ```
/// use incident_model::{UpdateId, formats::statuspage::{TweetId, UpdateExtras}};
/// let mut extras = UpdateExtras::new(UpdateId::new("u1")?);
/// assert!(extras.tweet_id().is_none());
/// extras.set_tweet_id(Some(TweetId::Number(1_239_232_150_513_627_137)));
/// assert_eq!(extras.tweet_id(), Some(&TweetId::Number(1_239_232_150_513_627_137)));
/// # Ok::<(), incident_model::IdError>(())
/// ```
#[derive(Clone)]
#[non_exhaustive]
pub struct UpdateExtras {
    /// The update these extras belong to.
    pub id: UpdateId,
    /// When the update was last edited.
    pub updated_at: Option<DateTime<Utc>>,
    /// Whether subscribers were notified, when given.
    pub deliver_notifications: Option<bool>,
    /// What the payload gave for keys the writer derives, where it differs.
    pub given: GivenValues,
    rest: Option<Box<Rest>>,
}

/// The seldom given part of [`UpdateExtras`].
#[derive(Clone, Default)]
struct Rest {
    tweet_id: Option<TweetId>,
    custom_tweet: Option<String>,
    placeholders: Vec<Fields>,
    other: Fields,
}

impl UpdateExtras {
    /// Empty extras for the update `id`.
    ///
    /// # Example
    ///
    /// ```
    /// use incident_model::{UpdateId, formats::statuspage::UpdateExtras};
    /// let extras = UpdateExtras::new(UpdateId::new("zl5g2pl5zhfs")?);
    /// assert_eq!(extras.id.as_str(), "zl5g2pl5zhfs");
    /// assert!(extras.updated_at.is_none() && extras.deliver_notifications.is_none());
    /// assert!(extras.placeholders().is_empty() && extras.other().is_empty());
    /// # Ok::<(), incident_model::IdError>(())
    /// ```
    #[must_use]
    pub fn new(id: UpdateId) -> Self {
        UpdateExtras {
            id,
            updated_at: None,
            deliver_notifications: None,
            given: GivenValues::default(),
            rest: None,
        }
    }

    fn rest_mut(&mut self) -> &mut Rest {
        self.rest.get_or_insert_with(Box::default)
    }

    /// The tweet id, when given.
    ///
    /// # Example
    ///
    /// ```
    /// use incident_model::{UpdateId, formats::statuspage::UpdateExtras};
    /// assert_eq!(UpdateExtras::new(UpdateId::new("u1")?).tweet_id(), None);
    /// # Ok::<(), incident_model::IdError>(())
    /// ```
    #[must_use]
    pub fn tweet_id(&self) -> Option<&TweetId> {
        self.rest.as_ref()?.tweet_id.as_ref()
    }

    /// Sets the tweet id.
    ///
    /// # Example
    ///
    /// ```
    /// use incident_model::{UpdateId, formats::statuspage::{TweetId, UpdateExtras}};
    /// let mut extras = UpdateExtras::new(UpdateId::new("u1")?);
    /// extras.set_tweet_id(Some(TweetId::Text("12".into())));
    /// assert_eq!(extras.tweet_id().map(ToString::to_string).as_deref(), Some("12"));
    /// # Ok::<(), incident_model::IdError>(())
    /// ```
    pub fn set_tweet_id(&mut self, tweet_id: Option<TweetId>) {
        if tweet_id.is_some() || self.rest.is_some() {
            self.rest_mut().tweet_id = tweet_id;
        }
    }

    /// The custom tweet text, when given.
    ///
    /// # Example
    ///
    /// ```
    /// use incident_model::{UpdateId, formats::statuspage::UpdateExtras};
    /// assert_eq!(UpdateExtras::new(UpdateId::new("u1")?).custom_tweet(), None);
    /// # Ok::<(), incident_model::IdError>(())
    /// ```
    #[must_use]
    pub fn custom_tweet(&self) -> Option<&str> {
        self.rest.as_ref()?.custom_tweet.as_deref()
    }

    /// Sets the custom tweet text.
    ///
    /// # Example
    ///
    /// ```
    /// use incident_model::{UpdateId, formats::statuspage::UpdateExtras};
    /// let mut extras = UpdateExtras::new(UpdateId::new("u1")?);
    /// extras.set_custom_tweet(Some("We are on it".into()));
    /// assert_eq!(extras.custom_tweet(), Some("We are on it"));
    /// # Ok::<(), incident_model::IdError>(())
    /// ```
    pub fn set_custom_tweet(&mut self, text: Option<String>) {
        if text.is_some() || self.rest.is_some() {
            self.rest_mut().custom_tweet = text;
        }
    }

    /// `affected_components` entries that are not component changes (no code
    /// or no statuses), each with its keys verbatim.
    ///
    /// # Example
    ///
    /// ```
    /// use incident_model::{UpdateId, formats::statuspage::UpdateExtras};
    /// assert!(UpdateExtras::new(UpdateId::new("u1")?).placeholders().is_empty());
    /// # Ok::<(), incident_model::IdError>(())
    /// ```
    #[must_use]
    pub fn placeholders(&self) -> &[Fields] {
        self.rest.as_ref().map_or(&[], |r| &r.placeholders)
    }

    /// The placeholders, to change.
    ///
    /// # Example
    ///
    /// ```
    /// use incident_model::{UpdateId, formats::statuspage::UpdateExtras};
    /// let mut extras = UpdateExtras::new(UpdateId::new("u1")?);
    /// extras.placeholders_mut().push(Vec::new());
    /// assert_eq!(extras.placeholders().len(), 1);
    /// # Ok::<(), incident_model::IdError>(())
    /// ```
    pub fn placeholders_mut(&mut self) -> &mut Vec<Fields> {
        &mut self.rest_mut().placeholders
    }

    /// Other keys, verbatim (`twitter_updated_at`, a page's own keys, ...).
    ///
    /// # Example
    ///
    /// ```
    /// use incident_model::{UpdateId, formats::statuspage::UpdateExtras};
    /// assert!(UpdateExtras::new(UpdateId::new("u1")?).other().is_empty());
    /// # Ok::<(), incident_model::IdError>(())
    /// ```
    #[must_use]
    pub fn other(&self) -> &Fields {
        const NONE: &Fields = &Fields::new();
        self.rest.as_ref().map_or(NONE, |r| &r.other)
    }

    /// The other keys, to change.
    ///
    /// # Example
    ///
    /// ```
    /// use std::borrow::Cow;
    /// use incident_model::{UpdateId, formats::statuspage::{RawJson, UpdateExtras}};
    /// let mut extras = UpdateExtras::new(UpdateId::new("u1")?);
    /// extras.other_mut().push((Cow::Borrowed("position"), RawJson::new("1")?));
    /// assert_eq!(extras.other()[0].1.as_str(), "1");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn other_mut(&mut self) -> &mut Fields {
        &mut self.rest_mut().other
    }

    /// Sets the other keys (no allocation for none).
    pub(crate) fn set_other(&mut self, other: Fields) {
        if !other.is_empty() || self.rest.is_some() {
            self.rest_mut().other = other;
        }
    }
}

/// Equal when every part is: an empty part equals one never set.
impl PartialEq for UpdateExtras {
    fn eq(&self, other: &Self) -> bool {
        self.id == other.id
            && self.updated_at == other.updated_at
            && self.deliver_notifications == other.deliver_notifications
            && self.given == other.given
            && self.tweet_id() == other.tweet_id()
            && self.custom_tweet() == other.custom_tweet()
            && self.placeholders() == other.placeholders()
            && self.other() == other.other()
    }
}

impl Eq for UpdateExtras {}

/// The parts as fields, whether set or not (the box is not shown).
#[allow(clippy::missing_fields_in_debug)]
impl fmt::Debug for UpdateExtras {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("UpdateExtras")
            .field("id", &self.id)
            .field("updated_at", &self.updated_at)
            .field("tweet_id", &self.tweet_id())
            .field("deliver_notifications", &self.deliver_notifications)
            .field("custom_tweet", &self.custom_tweet())
            .field("placeholders", &self.placeholders())
            .field("other", self.other())
            .field("given", &self.given)
            .finish()
    }
}
