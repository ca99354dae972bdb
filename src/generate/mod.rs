//! Large, realistic Statuspage exports for benchmarks, fuzzing and tests
//! (feature `generate`, off by default).
//!
//! A [`Generator`] is seeded and deterministic: the same settings give the same
//! bytes on every machine and every run (the random numbers come from a
//! hand-written SplitMix64, so no `rand` dependency and no change when a
//! dependency updates its algorithm).
//!
//! # What the exports look like
//!
//! [`Generator::to_statuspage_json`] writes an `incidents.json` document
//! (`{"page", "incidents"}`), minified as the API sends it, newest incident
//! first, each incident's `incident_updates` newest-first by `created_at`. It
//! reproduces the quirks of real pages (see the corpus notes in the crate's
//! repository):
//!
//! - 1 to `max_updates` updates per incident, most incidents short (about five
//!   updates on average), a few at the maximum (long runs of repeated open
//!   statuses before the resolution);
//! - status sequences as real pages have them: investigating -> resolved,
//!   investigating -> monitoring -> resolved, identified and monitoring optional,
//!   backfilled incidents with one resolved update, fixes that did not hold
//!   (monitoring -> investigating), reopens after resolved, postmortems, and
//!   incidents still open at the end of the window;
//! - a few scheduled maintenances listed among the incidents (as real pages do),
//!   with their scheduled window;
//! - component changes: a component degrades on the first update, may change
//!   severity, is repeated with `old_status == new_status` (GitHub's habit) and
//!   is restored on resolution; some incidents have `affected_components: null`
//!   and `components: []`, some carry the placeholder entry
//!   `{"name": "No components were affected by this update."}`; some component
//!   names are group-prefixed ("Regions - Europe");
//! - backdated updates (`display_at` before `created_at`: incidents typed in
//!   later), display order that differs from creation order, `started_at`
//!   missing, `null`, later than `created_at` or earlier;
//! - offsets `Z`, `-05:00` and `-06:00` in one file, incident-level times in
//!   whole seconds beside update times in milliseconds;
//! - `reminder_intervals` missing, `null` or the string `"[]"`, `tweet_id` an
//!   integer above 2^53, bodies with `<br />`, `\r\n`, quotes and non-ASCII text,
//!   the old `http://stspg.io/` short links.
//!
//! The events are planned first, format-neutral; the model values are built
//! from the plan through the builder and [`Event::from_parts`], and the export
//! is those values written by the crate's own Statuspage writer with the
//! page's extras (tweet ids, placeholders, short links, `updated_at`, unknown
//! keys kept verbatim), then a small pass for what that writer never writes
//! (other offsets than `Z`, whole seconds, missing keys, creation order).
//!
//! [`Generator::to_incidents`] and [`Generator::to_maintenances`] give the same
//! events as model values directly (no JSON, no `statuspage` feature), for
//! benchmarks of the derived views; [`Generator::to_statuspage_json`] needs
//! the `statuspage` feature too.
//!
//! # Example
//!
//! ```
//! use incident_model::generate::Generator;
//!
//! let generator = Generator::new(42).incidents(50);
//! let incidents = generator.to_incidents();
//! let maintenances = generator.to_maintenances();
//! assert_eq!(incidents.len() + maintenances.len(), 50);
//! assert_eq!(incidents, Generator::new(42).incidents(50).to_incidents()); // deterministic
//! ```

use chrono::{DateTime, TimeZone, Utc};

use crate::event::{Event, Incident, Maintenance};
use crate::policy::Lifecycle;
#[cfg(doc)]
use crate::policy::Policy;

#[cfg(feature = "statuspage")]
mod export;
mod model;
mod plan;

/// Settings of a generated export. See the [module documentation](self).
///
/// # Example
///
/// ```
/// use incident_model::generate::Generator;
///
/// // The uptime benchmark's history: 100 000 incidents on 100 components in 90 days.
/// let generator = Generator::new(7).incidents(1_000).components(100).days(90);
/// let incidents = generator.to_incidents();
/// assert!(incidents.len() > 900);
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct Generator {
    seed: u64,
    incidents: usize,
    components: usize,
    max_updates: usize,
    end: DateTime<Utc>,
    days: u32,
}

impl Generator {
    /// A generator seeded with `seed`, with the defaults: 10 000 incidents (and
    /// maintenances), 20 components, 1 to 30 updates per incident, over the 3
    /// years (1 095 days) ending on 2026-07-31 00:00 UTC.
    ///
    /// # Example
    ///
    /// ```
    /// use incident_model::generate::Generator;
    /// assert_ne!(
    ///     Generator::new(1).incidents(5).to_incidents(),
    ///     Generator::new(2).incidents(5).to_incidents(),
    /// );
    /// ```
    #[must_use]
    pub fn new(seed: u64) -> Self {
        Generator {
            seed,
            incidents: 10_000,
            components: 20,
            max_updates: 30,
            end: Utc
                .with_ymd_and_hms(2026, 7, 31, 0, 0, 0)
                .single()
                .unwrap_or(DateTime::UNIX_EPOCH),
            days: 1_095,
        }
    }

    /// The number of events (incidents and the few maintenances among them).
    ///
    /// # Example
    ///
    /// See [`Generator`].
    #[must_use]
    pub fn incidents(mut self, count: usize) -> Self {
        self.incidents = count;
        self
    }

    /// The number of components of the page (at least 1).
    ///
    /// # Example
    ///
    /// See [`Generator`].
    #[must_use]
    pub fn components(mut self, count: usize) -> Self {
        self.components = count.max(1);
        self
    }

    /// The most updates an event has (at least 1; a maintenance has at least
    /// its own lifecycle's few).
    ///
    /// # Example
    ///
    /// ```
    /// use incident_model::generate::Generator;
    /// let incidents = Generator::new(3).incidents(100).max_updates(4).to_incidents();
    /// assert!(incidents.iter().all(|i| i.updates().len() <= 4));
    /// ```
    #[must_use]
    pub fn max_updates(mut self, count: usize) -> Self {
        self.max_updates = count.max(1);
        self
    }

    /// The events start within the `days` days before the end of the window.
    ///
    /// # Example
    ///
    /// See [`Generator`].
    #[must_use]
    pub fn days(mut self, days: u32) -> Self {
        self.days = days.max(1);
        self
    }

    /// The end of the window: no update is displayed or created after it, so
    /// the events still running then are open.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::{TimeZone, Utc};
    /// use incident_model::generate::Generator;
    /// let end = Utc.with_ymd_and_hms(2020, 3, 17, 0, 0, 0).unwrap();
    /// let incidents = Generator::new(5).incidents(200).days(30).ending(end).to_incidents();
    /// assert!(incidents.iter().all(|i| i.last_update().display_at() <= end));
    /// ```
    #[must_use]
    pub fn ending(mut self, end: DateTime<Utc>) -> Self {
        self.end = end;
        self
    }

    /// The export as Statuspage `incidents.json`, minified. See the
    /// [module documentation](self). An event the model or the writer
    /// refused would be left out; none is.
    ///
    /// # Example
    ///
    /// ```
    /// use incident_model::formats::statuspage;
    /// use incident_model::generate::Generator;
    ///
    /// let generator = Generator::new(42).incidents(50);
    /// let json = generator.to_statuspage_json();
    /// assert!(json.starts_with(r#"{"page":{"id":"#));
    /// assert_eq!(json, Generator::new(42).incidents(50).to_statuspage_json()); // deterministic
    /// let document = statuspage::read(&json)?;
    /// assert_eq!(document.incidents[0].event, generator.to_incidents()[0]);
    /// # Ok::<(), statuspage::StatuspageError>(())
    /// ```
    #[cfg(feature = "statuspage")]
    #[cfg_attr(docsrs, doc(cfg(feature = "statuspage")))]
    #[must_use]
    pub fn to_statuspage_json(&self) -> String {
        export::json(&self.plan(), self.end)
    }

    /// The incidents of the export, as model values, in export order (newest
    /// first). Each is what reading the export gives, up to the Statuspage
    /// extras: display order, implicit reopens marked, under
    /// [`Policy::standard`] when it passes and [`Policy::permissive`]
    /// otherwise. An event the model refuses would be left out; none is.
    ///
    /// # Example
    ///
    /// See the [module documentation](self).
    #[must_use]
    pub fn to_incidents(&self) -> Vec<Incident> {
        self.events(false)
    }

    /// The maintenances of the export, as model values (see
    /// [`Generator::to_incidents`]).
    ///
    /// # Example
    ///
    /// See the [module documentation](self).
    #[must_use]
    pub fn to_maintenances(&self) -> Vec<Maintenance> {
        self.events(true)
    }

    /// The maintenances (the events with a schedule) or the incidents.
    fn events<S: Lifecycle>(&self, maintenances: bool) -> Vec<Event<S>> {
        let plan = self.plan();
        plan.events
            .iter()
            .filter(|e| e.schedule.is_some() == maintenances)
            .filter_map(|e| model::event(&plan, e))
            .collect()
    }
}
