//! A Statuspage [`Document`] as an [`Observation`] of its page.

use chrono::{DateTime, Utc};

use super::{Document, Shape};
use crate::any::{AnyEvent, AnyEventRef};
use crate::history::{
    Coverage, HistoryError, Observation, ObservedAt, ObservedComponent, PageIndicator, PageKey,
};

/// How many events Statuspage's `incidents.json` and
/// `scheduled-maintenances.json` list at most: a list this long is partial.
pub const LIST_LIMIT: usize = 50;

impl Document {
    /// The document as an observation of its page made at `observed_at`
    /// (the fetch time, a file's capture time). The page is `page.id`, else
    /// `source`.
    ///
    /// Coverage by shape: an `incidents.json` of fewer than [`LIST_LIMIT`]
    /// events covers the page's whole history, a full one covers from the
    /// oldest event it lists; `summary.json` covers the open events;
    /// anything else (a single incident, a webhook, a manage-API list, a
    /// component or status list, `scheduled-maintenances.json`) only what it
    /// lists. `incidents/unresolved.json` has the shape of `incidents.json`:
    /// give it [`Coverage::OpenEvents`] with
    /// [`Observation::with_coverage`].
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::{TimeZone, Utc};
    /// use incident_model::formats::statuspage;
    /// use incident_model::history::{Coverage, PageKey};
    /// let document = statuspage::read(r#"{"page": {"id": "kctbh9vrtdwd", "name": "GitHub"}, "incidents": []}"#)?;
    /// let at = Utc.with_ymd_and_hms(2024, 9, 17, 8, 0, 0).unwrap();
    /// let observation = document.observation_at("incidents.json", at);
    /// assert_eq!(observation.page(), &PageKey::Id("kctbh9vrtdwd".into()));
    /// assert_eq!(observation.page_name(), Some("GitHub"));
    /// assert_eq!(observation.coverage(), Coverage::WholeHistory);
    /// # Ok::<(), statuspage::StatuspageError>(())
    /// ```
    #[must_use]
    pub fn observation_at(&self, source: &str, observed_at: DateTime<Utc>) -> Observation {
        self.observation_with(source, ObservedAt::Given(observed_at))
    }

    /// The document as an observation of its page, made at the latest
    /// timestamp it holds (the page's `updated_at`, a webhook's
    /// `generated_at`, any event's times), marked as inferred. See
    /// [`Document::observation_at`].
    ///
    /// # Errors
    ///
    /// [`HistoryError::NoObservedAt`] when the document holds no timestamp.
    ///
    /// # Example
    ///
    /// ```
    /// use incident_model::formats::statuspage;
    /// let document = statuspage::read(r#"{"page": {"id": "p", "updated_at": "2024-09-17T08:08:17Z"}, "incidents": []}"#)?;
    /// let observation = document.observation("incidents.json")?;
    /// assert!(observation.observed_at().is_inferred());
    /// assert_eq!(observation.observed_at().at().to_rfc3339(), "2024-09-17T08:08:17+00:00");
    /// let empty = statuspage::read(r#"{"page": {"id": "p"}, "incidents": []}"#)?;
    /// assert_eq!(empty.observation("x.json").unwrap_err().to_string(),
    ///     "page p: no observation time given, and the document holds no timestamp");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn observation(&self, source: &str) -> Result<Observation, HistoryError> {
        let times = self
            .events()
            .map(AnyEventRef::latest_time)
            .chain(self.page.as_ref().and_then(|page| page.updated_at))
            .chain(self.meta.as_ref().and_then(|meta| meta.generated_at))
            .chain(self.component_update.as_ref().map(|u| u.created_at));
        match ObservedAt::latest(times) {
            Some(at) => Ok(self.observation_with(source, at)),
            None => Err(HistoryError::NoObservedAt {
                page: self.page_key(source),
            }),
        }
    }

    /// The page's key: its id, else `source`.
    fn page_key(&self, source: &str) -> PageKey {
        match self.page.as_ref().and_then(|page| page.id.as_ref()) {
            Some(id) => PageKey::Id(id.clone()),
            None => PageKey::Source(source.to_owned()),
        }
    }

    fn observation_with(&self, source: &str, observed_at: ObservedAt) -> Observation {
        let events = self
            .incidents
            .iter()
            .map(|r| AnyEvent::from(r.event.clone()))
            .chain(
                self.maintenances
                    .iter()
                    .map(|r| AnyEvent::from(r.event.clone())),
            );
        let mut observation = Observation::new(self.page_key(source), observed_at)
            .with_coverage(self.coverage())
            .with_events(events);
        if let Some(name) = self.page.as_ref().and_then(|page| page.name.as_deref()) {
            observation = observation.with_page_name(name);
        }
        for c in &self.components {
            if let Some(status) = c.status {
                observation =
                    observation.with_component(ObservedComponent::new(c.component.clone(), status));
            }
        }
        if let Some(status) = &self.status {
            observation = observation.with_page_status(PageIndicator::new(
                status.indicator,
                status.description.clone(),
            ));
        }
        if let Some(update) = &self.component_update {
            let name = self
                .components
                .iter()
                .find(|c| c.component.id == update.component_id)
                .map_or(update.component_id.as_str(), |c| c.component.name.as_str());
            observation = observation.with_announced(update.announced(name));
        }
        observation
    }

    /// What the document covers, by its shape. A summary that lists resolved
    /// events is not `summary.json` (which lists only unresolved incidents
    /// and active or upcoming maintenances) but an export of the page's
    /// history in that shape, and covers what a list of its events would.
    fn coverage(&self) -> Coverage {
        let count = self.incidents.len().saturating_add(self.maintenances.len());
        let lists_history = match self.shape {
            Shape::Incidents | Shape::IncidentsAndMaintenances => true,
            Shape::Summary => self.events().any(|event| event.resolved_at().is_some()),
            _ => false,
        };
        match self.shape {
            _ if lists_history && count < LIST_LIMIT => Coverage::WholeHistory,
            _ if lists_history => self
                .events()
                .map(AnyEventRef::opened_at)
                .min()
                .map_or(Coverage::WholeHistory, Coverage::Since),
            Shape::Summary => Coverage::OpenEvents,
            _ => Coverage::ListedEvents,
        }
    }
}
