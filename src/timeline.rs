//! Milestones of one incident or maintenance, derived from its updates.
//!
//! With the updates in display order:
//!
//! - `opened_at` = the earliest of `started_at` (when present), the creation time
//!   and the first update's display time;
//! - `identified_at` = display time of the first update with status identified
//!   (none for maintenances);
//! - `monitoring_at` = display time of the first update with status monitoring
//!   (maintenance: verifying), as Statuspage's `monitoring_at`;
//! - `resolved_at` = display time of the update that moved the event into a
//!   closed status (resolved or postmortem; completed) for the last time; none
//!   while the event is open.
//!
//! Every milestone is a pure function of the validated value, O(n) in the number
//! of updates; none reads the clock.

use chrono::{DateTime, Utc};

use crate::incident::Event;
use crate::policy::Lifecycle;

impl<S: Lifecycle> Event<S> {
    /// When the event opened: the earliest of `started_at` (when present), the
    /// creation time and the first update's display time.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::{Duration, TimeZone, Utc};
    /// use incident_model::{Incident, IncidentStatus::*, Update};
    /// let at = Utc.with_ymd_and_hms(2020, 3, 16, 14, 28, 0).unwrap();
    /// let incident = Incident::builder("x")
    ///     .started_at(at - Duration::minutes(20))
    ///     .update(Update::new(Identified, at))
    ///     .build()?;
    /// assert_eq!(incident.opened_at(), at - Duration::minutes(20));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn opened_at(&self) -> DateTime<Utc> {
        let first_display = self.updates().first().map(crate::Update::display_at);
        [self.started_at(), Some(self.created_at()), first_display]
            .into_iter()
            .flatten()
            .min()
            .unwrap_or(self.created_at())
    }

    /// Display time of the first update with status identified; always `None` for
    /// maintenances.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::{TimeZone, Utc};
    /// use incident_model::{Incident, IncidentStatus::*, Update};
    /// let at = |h| Utc.with_ymd_and_hms(2020, 3, 16, h, 0, 0).unwrap();
    /// let incident = Incident::builder("x")
    ///     .update(Update::new(Investigating, at(10)))
    ///     .update(Update::new(Identified, at(11)))
    ///     .update(Update::new(Identified, at(12)))
    ///     .build()?;
    /// assert_eq!(incident.identified_at(), Some(at(11)));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn identified_at(&self) -> Option<DateTime<Utc>> {
        let identified = S::IDENTIFIED?;
        self.first_display_with(identified)
    }

    /// Display time of the first update with status monitoring (maintenance:
    /// verifying). This matches Statuspage's `monitoring_at`.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::{TimeZone, Utc};
    /// use incident_model::{Incident, IncidentStatus::*, Update};
    /// let at = |h| Utc.with_ymd_and_hms(2020, 3, 16, h, 0, 0).unwrap();
    /// let incident = Incident::builder("x")
    ///     .update(Update::new(Monitoring, at(10)))
    ///     .update(Update::new(Investigating, at(11)))
    ///     .update(Update::new(Monitoring, at(12)))
    ///     .build()?;
    /// assert_eq!(incident.monitoring_at(), Some(at(10))); // the first, not the last
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn monitoring_at(&self) -> Option<DateTime<Utc>> {
        self.first_display_with(S::MITIGATED)
    }

    /// Display time of the update that moved the event into a closed status for
    /// the last time; `None` while the event is open.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::{TimeZone, Utc};
    /// use incident_model::{Incident, IncidentStatus::*, Update};
    /// let at = |h| Utc.with_ymd_and_hms(2020, 3, 16, h, 0, 0).unwrap();
    /// let incident = Incident::builder("x")
    ///     .update(Update::new(Investigating, at(10)))
    ///     .update(Update::new(Resolved, at(11)))
    ///     .update(Update::new(Resolved, at(12)))
    ///     .update(Update::new(Postmortem, at(13)))
    ///     .build()?;
    /// assert_eq!(incident.resolved_at(), Some(at(11)));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn resolved_at(&self) -> Option<DateTime<Utc>> {
        let updates = self.updates();
        // The last run of closed statuses starts right after the last open update.
        let start = match updates.iter().rposition(|u| u.status().is_open()) {
            Some(last_open) => last_open.checked_add(1)?,
            None => 0,
        };
        updates.get(start).map(crate::Update::display_at)
    }

    fn first_display_with(&self, status: S) -> Option<DateTime<Utc>> {
        self.updates()
            .iter()
            .find(|u| u.status() == status)
            .map(crate::Update::display_at)
    }
}
