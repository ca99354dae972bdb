//! The generator's settings and what it gives.

use core::fmt;

use chrono::{DateTime, TimeZone, Utc};

#[cfg(feature = "statuspage")]
use super::export;
use super::model;
use super::plan::Settings;
use crate::event::{Event, Incident, Maintenance};
use crate::policy::Lifecycle;
#[cfg(doc)]
use crate::policy::Policy;

/// Settings of a generated export. See the [module documentation](super).
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
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct Generator(Settings);

impl fmt::Debug for Generator {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let Settings {
            seed,
            incidents,
            components,
            max_updates,
            end,
            days,
        } = &self.0;
        f.debug_struct("Generator")
            .field("seed", seed)
            .field("incidents", incidents)
            .field("components", components)
            .field("max_updates", max_updates)
            .field("end", end)
            .field("days", days)
            .finish()
    }
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
        Generator(Settings {
            seed,
            incidents: 10_000,
            components: 20,
            max_updates: 30,
            end: Utc
                .with_ymd_and_hms(2026, 7, 31, 0, 0, 0)
                .single()
                .unwrap_or(DateTime::UNIX_EPOCH),
            days: 1_095,
        })
    }

    /// The number of events (incidents and the few maintenances among them).
    ///
    /// # Example
    ///
    /// See [`Generator`].
    #[must_use]
    pub fn incidents(mut self, count: usize) -> Self {
        self.0.incidents = count;
        self
    }

    /// The number of components of the page (at least 1).
    ///
    /// # Example
    ///
    /// See [`Generator`].
    #[must_use]
    pub fn components(mut self, count: usize) -> Self {
        self.0.components = count.max(1);
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
        self.0.max_updates = count.max(1);
        self
    }

    /// The events start within the `days` days before the end of the window.
    ///
    /// # Example
    ///
    /// See [`Generator`].
    #[must_use]
    pub fn days(mut self, days: u32) -> Self {
        self.0.days = days.max(1);
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
        self.0.end = end;
        self
    }

    /// The export as Statuspage `incidents.json`, minified. See the
    /// [module documentation](super). An event the model or the writer
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
        export::json(&self.0.plan(), self.0.end)
    }

    /// [`Generator::to_statuspage_json`] written into `out` one event at a
    /// time: the same bytes, with memory for the plan and one event rather
    /// than the whole export (a million events is about 4 GB of JSON).
    ///
    /// # Errors
    ///
    /// The first error of `out`.
    ///
    /// # Example
    ///
    /// ```
    /// use incident_model::generate::Generator;
    ///
    /// let generator = Generator::new(42).incidents(50);
    /// let mut out = Vec::new();
    /// generator.write_statuspage_json(&mut out)?;
    /// assert_eq!(out, generator.to_statuspage_json().into_bytes());
    /// # Ok::<(), std::io::Error>(())
    /// ```
    #[cfg(feature = "statuspage")]
    #[cfg_attr(docsrs, doc(cfg(feature = "statuspage")))]
    pub fn write_statuspage_json(&self, mut out: impl std::io::Write) -> std::io::Result<()> {
        export::write_json(&self.0.plan(), self.0.end, &mut out)
    }

    /// The incidents of the export, as model values, in export order (newest
    /// first). Each is what reading the export gives, up to the Statuspage
    /// extras: display order, implicit reopens marked, under
    /// [`Policy::standard`] when it passes and [`Policy::permissive`]
    /// otherwise. An event the model refuses would be left out; none is.
    ///
    /// # Example
    ///
    /// See the [module documentation](super).
    #[must_use]
    pub fn to_incidents(&self) -> Vec<Incident> {
        self.events(false)
    }

    /// The maintenances of the export, as model values (see
    /// [`Generator::to_incidents`]).
    ///
    /// # Example
    ///
    /// See the [module documentation](super).
    #[must_use]
    pub fn to_maintenances(&self) -> Vec<Maintenance> {
        self.events(true)
    }

    /// The maintenances (the events with a schedule) or the incidents.
    fn events<S: Lifecycle>(&self, maintenances: bool) -> Vec<Event<S>> {
        let plan = self.0.plan();
        plan.events
            .iter()
            .filter(|e| e.schedule.is_some() == maintenances)
            .filter_map(|e| model::event(&plan, e))
            .collect()
    }
}
