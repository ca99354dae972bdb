//! The report: one row per incident or maintenance (id, name, status, impact,
//! updates, milestones, durations, regressions and reopens, affected components
//! with their worst status and weighted downtime, anomalies), then a summary
//! with nearest-rank percentiles. What `cargo run --example report` prints.
//!
//! A [`Report`] is plain derived data: build it with [`Report::new`], add events
//! with [`Report::push`] (incidents, maintenances or [`AnyEvent`](crate::AnyEvent)s,
//! each with the anomalies a reader found in it, as [`Note`]s; the report knows
//! no format: the caller turns a reader's anomalies into notes), and print it ([`Display`](fmt::Display): the text table) or
//! serialize it (feature `serde`: the JSON document below).
//!
//! # Until when: `as_of`
//!
//! No function here reads the clock. An open incident is measured until the
//! report's `as_of` (its durations to resolve stay absent; its affected
//! components' downtime runs until `as_of`). The caller chooses `as_of` and says
//! how ([`AsOfBasis`]); the report prints both in its header. The `report`
//! example uses `--as-of` when given, otherwise the latest time found in the
//! documents ([`latest_time`] of every event, and the page's `updated_at`).
//!
//! # Incidents and maintenances
//!
//! An incident's row has its time to identify, to monitor and to resolve; a
//! maintenance's has none of them (planned work has no response time): it is
//! measured against its plan ([`AgainstPlan`]: `started 21s late, finished 3m
//! early, ran 1h 56m`, with what is odd about it).
//!
//! # The summary
//!
//! Over the incidents: for the time to identify, to monitor and to resolve,
//! count, min, max, mean and the nearest-rank p50, p90, p95 and p99
//! ([`Summary`]), over all incidents and by impact. Over the maintenances
//! ([`MaintenanceSummary`]): how many started late, overran, finished early
//! or never reported a start, and the percentiles of the start delay, the
//! overrun and the duration. See [`metrics`](crate::metrics) for the rules.
//! The downtime is weighed by the report's [`UptimeRule`], named in its
//! header.
//!
//! # The JSON document (feature `serde`)
//!
//! ```text
//! {"incidents": [{"id", "name", "kind" ("incident" or "maintenance"), "status",
//!    "impact", "updates", "opened_at", "resolved_at",
//!    incidents: "time_to_identify_s", "time_to_monitor_s", "time_to_resolve_s";
//!    maintenances: "scheduled_for", "scheduled_until", "started_at",
//!      "verifying_at", "completed_at", "start_delay_s", "overrun_s",
//!      "duration_s", "plan_oddities": [{"kind", ...}];
//!    "regressions", "reopens",
//!    "affected_components": [{"id", "name", "worst_status", "weighted_downtime_s"}],
//!    "anomalies": [{"kind", "detail"}], "measured_until",
//!    and for a row from a history "page", "observed_at", "stale_since" (when stale)}],
//!  "summary": {"as_of", "as_of_basis", "rule": {"name", "weights",
//!    "maintenance_windows"}, "incidents", "maintenances", "open",
//!    "anomalies", "time_to_identify": {"count", "min", "max", "mean", "p50",
//!    "p90", "p95", "p99"}, "time_to_monitor": {...}, "time_to_resolve": {...},
//!    "by_impact": {"minor": {"count", "time_to_identify", "time_to_monitor",
//!    "time_to_resolve"}, ...}, "maintenance": {"count", "started_late",
//!    "overran", "finished_early", "never_started", "start_delay": {...},
//!    "overrun": {...}, "duration": {...}}, "document_anomalies": [{"kind",
//!    "detail"}]}}
//! ```
//!
//! Times are RFC 3339 strings in UTC (`2020-03-16T14:28:00Z`, milliseconds only
//! when there are some); durations are whole seconds, rounded down;
//! `weighted_downtime_s` is in seconds with the milliseconds as a fraction;
//! absent values are `null`. `worst_status` is `null` for a component the event
//! lists but never names in a change. `start_delay_s` and `overrun_s` are
//! signed (negative: early).
//!
//! # Example
//!
//! ```
//! use chrono::{TimeZone, Utc};
//! use incident_model::output::report::{AsOfBasis, Note, Report};
//! use incident_model::{ComponentChange, ComponentId, ComponentStatus::*, Incident, IncidentStatus::*, Update};
//!
//! let edt = |h: u32, m: u32| Utc.with_ymd_and_hms(2020, 3, 16, h + 4, m, 0).unwrap();
//! let api = ComponentId::new("api")?;
//! let incident = Incident::builder("Slow page loads")
//!     .id("tm20200316ab".parse()?)
//!     .update(Update::new(Identified, edt(10, 28))
//!         .with_change(ComponentChange::new(api.clone(), "API", Operational, MajorOutage)))
//!     .update(Update::new(Monitoring, edt(13, 42)))
//!     .update(Update::new(Resolved, edt(17, 51))
//!         .with_change(ComponentChange::new(api, "API", MajorOutage, Operational)))
//!     .build()?;
//!
//! let mut report = Report::new(edt(18, 0), AsOfBasis::Given);
//! report.push(&incident, [Note::new("missing_started_at", "the start is the creation time")]);
//! let row = &report.rows()[0];
//! assert_eq!(row.time_to_monitor.unwrap().to_string(), "3h 14m");
//! assert_eq!(row.affected_components[0].weighted_downtime.to_string(), "7h 23m");
//! assert!(report.to_string().contains("time to identify 0s, to monitor 3h 14m, to resolve 7h 23m\n"));
//! assert_eq!(report.summary().durations.time_to_resolve.count, 1);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use core::fmt::{self, Write as _};
use std::collections::BTreeMap;

use chrono::{DateTime, Utc};

use crate::any::AnyEventRef;
use crate::duration::Elapsed;
use crate::history::{PageKey, TrackedEvent};
use crate::id::{ComponentId, EventId};
use crate::maintenance::{AgainstPlan, PlanOddity};
use crate::metrics::{DeviationSummary, MaintenanceSummary, Summaries, Summary};
use crate::status::{AnyStatus, ComponentStatus, Impact};
use crate::time::rfc3339;
use crate::uptime::{UptimeRule, Weights};

/// Whether a row is an incident or a scheduled maintenance (the crate's
/// [`EventKind`](crate::EventKind), here too for the report's users).
pub use crate::any::EventKind;

/// How the report's `as_of` was chosen; printed in the report's header and in
/// the JSON summary (`"as_of_basis"`).
///
/// # Example
///
/// ```
/// use incident_model::output::report::AsOfBasis;
/// assert_eq!(AsOfBasis::LatestInData.as_str(), "latest_in_data");
/// assert_eq!(AsOfBasis::Given.to_string(), "given");
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
#[non_exhaustive]
pub enum AsOfBasis {
    /// Given by the caller (`--as-of`).
    Given,
    /// The latest time found in the data read (see [`latest_time`]).
    LatestInData,
}

impl AsOfBasis {
    /// `"given"` or `"latest_in_data"`.
    ///
    /// # Example
    ///
    /// See [`AsOfBasis`].
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            AsOfBasis::Given => "given",
            AsOfBasis::LatestInData => "latest_in_data",
        }
    }

    /// How the header words it.
    const fn phrase(self) -> &'static str {
        match self {
            AsOfBasis::Given => "as given",
            AsOfBasis::LatestInData => "the latest time in the data",
        }
    }
}

impl fmt::Display for AsOfBasis {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.as_str())
    }
}

/// One anomaly found in the data (by a reader, such as the Statuspage reader's
/// anomalies): a `snake_case` kind and a lowercase detail.
///
/// # Example
///
/// ```
/// use incident_model::output::report::Note;
/// let note = Note::new("backdated_display", "display_at is before created_at");
/// assert_eq!(note.to_string(), "backdated_display: display_at is before created_at");
/// ```
#[derive(Clone, PartialEq, Eq, Hash, Debug)]
#[non_exhaustive]
pub struct Note {
    /// What kind of anomaly (`snake_case`).
    pub kind: String,
    /// What was found, and what was done about it.
    pub detail: String,
}

impl Note {
    /// A note of `kind` with `detail`.
    ///
    /// # Example
    ///
    /// See [`Note`].
    pub fn new(kind: impl Into<String>, detail: impl Into<String>) -> Self {
        Note {
            kind: kind.into(),
            detail: detail.into(),
        }
    }
}

// `kind: detail`, each escaped as the table prints text (`Escaped`).
impl fmt::Display for Note {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}: {}",
            Escaped::plain(&self.kind),
            Escaped::plain(&self.detail)
        )
    }
}

/// One affected component of a [`Row`]: its worst status within the event and
/// its weighted downtime, measured until the report's `as_of` for an open event.
///
/// # Example
///
/// See the [module documentation](self).
#[derive(Clone, PartialEq, Eq, Hash, Debug)]
#[non_exhaustive]
pub struct ComponentRow {
    /// The component's id.
    pub id: ComponentId,
    /// The component's name.
    pub name: String,
    /// The worst status within the event; `None` for a component listed but
    /// never named by a change.
    pub worst_status: Option<ComponentStatus>,
    /// The weighted downtime within the event, by the report's [`Weights`].
    pub weighted_downtime: Elapsed,
}

/// One row of the report: an incident or a maintenance, reduced to what the
/// report prints. Passive data: the fields are public.
///
/// # Example
///
/// ```
/// use chrono::{TimeZone, Utc};
/// use incident_model::output::report::{EventKind, Row};
/// use incident_model::{Incident, IncidentStatus::*, Update, Weights};
/// let at = |h| Utc.with_ymd_and_hms(2020, 3, 16, h, 0, 0).unwrap();
/// let incident = Incident::builder("x").update(Update::new(Investigating, at(10))).build()?;
/// let row = Row::of(&incident, at(12), &Weights::default());
/// assert_eq!((row.kind, row.status.as_str(), row.updates), (EventKind::Incident, "investigating", 1));
/// assert_eq!(row.time_to_resolve, None); // open
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, PartialEq, Eq, Hash, Debug)]
#[non_exhaustive]
pub struct Row {
    /// The id.
    pub id: EventId,
    /// The name.
    pub name: String,
    /// Incident or maintenance.
    pub kind: EventKind,
    /// The current status (it prints its wire name: `postmortem`,
    /// `in_progress`).
    pub status: AnyStatus,
    /// The impact.
    pub impact: Impact,
    /// The number of updates.
    pub updates: usize,
    /// [`Event::opened_at`](crate::Event::opened_at).
    pub opened_at: DateTime<Utc>,
    /// [`Event::resolved_at`](crate::Event::resolved_at).
    pub resolved_at: Option<DateTime<Utc>>,
    /// [`Event::time_to_identify`](crate::Event::time_to_identify); `None`
    /// for a maintenance.
    pub time_to_identify: Option<Elapsed>,
    /// [`Event::time_to_monitor`](crate::Event::time_to_monitor); `None` for
    /// a maintenance.
    pub time_to_monitor: Option<Elapsed>,
    /// [`Event::time_to_resolve`](crate::Event::time_to_resolve); `None` for
    /// a maintenance.
    pub time_to_resolve: Option<Elapsed>,
    /// A maintenance against its plan
    /// ([`Maintenance::against_plan`](crate::Maintenance::against_plan), as
    /// of the report's `as_of`); `None` for an incident.
    pub against_plan: Option<AgainstPlan>,
    /// [`Event::regressions`](crate::Event::regressions).
    pub regressions: usize,
    /// [`Event::reopens`](crate::Event::reopens).
    pub reopens: usize,
    /// [`Event::affected_components`](crate::Event::affected_components), with
    /// the worst status and weighted downtime of each.
    pub affected_components: Vec<ComponentRow>,
    /// The anomalies found in the event's data.
    pub anomalies: Vec<Note>,
    /// Until when the event is measured: its resolution, or the report's
    /// `as_of` while open, or for a row from a [`History`](crate::history::History), the last time
    /// the event was seen ([`TrackedEvent::measured_until`]).
    pub measured_until: DateTime<Utc>,
    /// For a row from a [`History`](crate::history::History): its page, and the observation its
    /// version comes from.
    pub observation: Option<RowObservation>,
}

/// Where a [`Row`] from a [`History`](crate::history::History) comes from. Passive data.
///
/// # Example
///
/// See [`Report::push_tracked`].
#[derive(Clone, PartialEq, Eq, Hash, Debug)]
#[non_exhaustive]
pub struct RowObservation {
    /// The page (its id, or the source name).
    pub page: String,
    /// When the observation the event's version comes from was made.
    pub observed_at: DateTime<Utc>,
    /// When the event went stale ([`TrackedEvent::stale_since`]): open when
    /// last seen, no longer listed since.
    pub stale_since: Option<DateTime<Utc>>,
}

impl Row {
    /// The row of `event` (an incident, a maintenance or an
    /// [`AnyEvent`](crate::AnyEvent)), an open event measured until `as_of`,
    /// the downtime weighed by `weights`; no anomalies.
    ///
    /// # Example
    ///
    /// See [`Row`].
    #[must_use]
    pub fn of<'a>(
        event: impl Into<AnyEventRef<'a>>,
        as_of: DateTime<Utc>,
        weights: &Weights,
    ) -> Row {
        let event = event.into();
        let affected_components = event
            .affected_components(as_of)
            .into_iter()
            .map(|component| ComponentRow {
                weighted_downtime: component.weighted_downtime(weights),
                id: component.id,
                name: component.name,
                worst_status: component.worst_status,
            })
            .collect();
        Row {
            id: event.id().clone(),
            name: event.name().to_owned(),
            kind: event.kind(),
            status: event.status(),
            impact: event.impact(),
            updates: event.update_count(),
            opened_at: event.opened_at(),
            resolved_at: event.resolved_at(),
            time_to_identify: event.time_to_identify(),
            time_to_monitor: event.time_to_monitor(),
            time_to_resolve: event.time_to_resolve(),
            against_plan: event.against_plan(as_of),
            regressions: event.regressions(),
            reopens: event.reopens(),
            measured_until: event.measured_until(as_of),
            observation: None,
            affected_components,
            anomalies: Vec::new(),
        }
    }

    /// Whether the event is still open.
    fn is_open(&self) -> bool {
        self.resolved_at.is_none()
    }
}

/// The latest time an event carries: its creation time, declared start, and
/// every update's display and creation time. A report's `as_of` when none is
/// given is the latest of these over the data (and the page's own time).
///
/// # Example
///
/// ```
/// use chrono::{Duration, TimeZone, Utc};
/// use incident_model::{Incident, IncidentStatus::*, Update, output::report};
/// let at = Utc.with_ymd_and_hms(2020, 3, 16, 14, 0, 0).unwrap();
/// let incident = Incident::builder("x")
///     .update(Update::new(Investigating, at - Duration::hours(1)))
///     .update(Update::new(Resolved, at).with_created_at(at + Duration::days(1)))
///     .build()?;
/// assert_eq!(report::latest_time(&incident), at + Duration::days(1)); // a backfilled update
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[must_use]
pub fn latest_time<'a>(event: impl Into<AnyEventRef<'a>>) -> DateTime<Utc> {
    event.into().latest_time()
}

/// The summary of a [`Report`]: what its last part prints. Passive data.
///
/// # Example
///
/// See the [module documentation](self).
#[derive(Clone, PartialEq, Eq, Debug)]
#[non_exhaustive]
pub struct ReportSummary {
    /// How many incidents.
    pub incidents: usize,
    /// How many maintenances.
    pub maintenances: usize,
    /// How many incidents and maintenances are still open.
    pub open: usize,
    /// How many anomalies, in the events and document-wide.
    pub anomalies: usize,
    /// The durations over all incidents.
    pub durations: Summaries,
    /// The durations over the incidents of each impact (impacts no incident has
    /// are absent).
    pub by_impact: BTreeMap<Impact, Summaries>,
    /// The maintenances against their plans.
    pub against_plan: MaintenanceSummary,
}

/// A report over incidents and maintenances: rows, document-wide anomalies and
/// a summary. See the [module documentation](self).
///
/// `Display` prints the text report: a header naming `as_of` and how it was
/// chosen, one block per row, then the summary tables. Ids, names and
/// anomalies are printed with their control characters escaped as Rust's
/// `Debug` writes them (`\n`, `\u{1b}`): no field can forge a line or send an
/// escape sequence to the terminal (the JSON keeps them as they are).
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct Report {
    as_of: DateTime<Utc>,
    basis: AsOfBasis,
    rule: UptimeRule,
    rows: Vec<Row>,
    notes: Vec<Note>,
}

impl Report {
    /// An empty report whose open events are measured until `as_of`, chosen as
    /// `basis` says, with Statuspage's rule ([`UptimeRule::statuspage`]).
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::{TimeZone, Utc};
    /// use incident_model::output::report::{AsOfBasis, Report};
    /// let report = Report::new(Utc.with_ymd_and_hms(2020, 4, 2, 16, 0, 0).unwrap(), AsOfBasis::LatestInData);
    /// assert!(report.rows().is_empty());
    /// assert!(report.to_string().starts_with(
    ///     "Report as of 2020-04-02T16:00:00Z (the latest time in the data)\n"
    /// ));
    /// ```
    #[must_use]
    pub fn new(as_of: DateTime<Utc>, basis: AsOfBasis) -> Self {
        Report {
            as_of,
            basis,
            rule: UptimeRule::statuspage(),
            rows: Vec::new(),
            notes: Vec::new(),
        }
    }

    /// The same report with other weights for the downtime of the rows pushed
    /// from now on.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::{TimeZone, Utc};
    /// use incident_model::output::report::{AsOfBasis, Report};
    /// use incident_model::Weights;
    /// let report = Report::new(Utc.with_ymd_and_hms(2020, 4, 2, 16, 0, 0).unwrap(), AsOfBasis::Given)
    ///     .with_weights(Weights::openstatus());
    /// assert_eq!(report.weights(), Weights::openstatus());
    /// ```
    #[must_use]
    pub fn with_weights(mut self, weights: Weights) -> Self {
        self.rule = UptimeRule::from(weights);
        self
    }

    /// The same report with another rule for the downtime of the rows pushed
    /// from now on (its weights; the header names it).
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::{TimeZone, Utc};
    /// use incident_model::output::report::{AsOfBasis, Report};
    /// use incident_model::UptimeRule;
    /// let report = Report::new(Utc.with_ymd_and_hms(2020, 4, 2, 16, 0, 0).unwrap(), AsOfBasis::Given)
    ///     .with_rule(UptimeRule::incident_io());
    /// assert_eq!(report.rule(), UptimeRule::incident_io());
    /// assert!(report.to_string().contains("downtime by the incident_io rule: major_outage 1, partial_outage 1, "));
    /// ```
    #[must_use]
    pub fn with_rule(mut self, rule: UptimeRule) -> Self {
        self.rule = rule;
        self
    }

    /// The rule of the downtime.
    ///
    /// # Example
    ///
    /// See [`Report::with_rule`].
    #[must_use]
    pub fn rule(&self) -> UptimeRule {
        self.rule
    }

    /// Adds the row of `event` (an incident, a maintenance or an
    /// [`AnyEvent`](crate::AnyEvent)), with the anomalies found in it.
    ///
    /// # Example
    ///
    /// See the [module documentation](self).
    pub fn push<'a>(
        &mut self,
        event: impl Into<AnyEventRef<'a>>,
        anomalies: impl IntoIterator<Item = Note>,
    ) {
        let mut row = Row::of(event, self.as_of, &self.rule.weights());
        row.anomalies.extend(anomalies);
        self.rows.push(row);
    }

    /// Adds the row of an event of a page's [`History`](crate::history::History), measured until the
    /// last time it was seen while open (never past it), with its page, the
    /// observation its version comes from, and whether it went stale.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::{TimeZone, Utc};
    /// use incident_model::history::{Coverage, History, Observation, ObservedAt, PageKey};
    /// use incident_model::output::report::{AsOfBasis, Report};
    /// use incident_model::{Incident, IncidentStatus::*, Update};
    /// let at = |y| Utc.with_ymd_and_hms(y, 3, 16, 12, 0, 0).unwrap();
    /// let incident = Incident::builder("Packages errors").update(Update::new(Investigating, at(2022))).build()?;
    /// let page = || PageKey::Id("p".into());
    /// let mut history = History::new();
    /// history.observe(Observation::new(page(), ObservedAt::Given(at(2022))).with_coverage(Coverage::OpenEvents).with_event(incident))?;
    /// history.observe(Observation::new(page(), ObservedAt::Given(at(2026))).with_coverage(Coverage::OpenEvents))?;
    /// let mut report = Report::new(at(2026), AsOfBasis::LatestInData);
    /// report.push_tracked(&page(), &history.events()[0], []);
    /// let row = &report.rows()[0];
    /// assert_eq!(row.measured_until, at(2022)); // not four years open
    /// assert_eq!(row.observation.as_ref().unwrap().stale_since, Some(at(2026)));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn push_tracked(
        &mut self,
        page: &PageKey,
        tracked: &TrackedEvent,
        anomalies: impl IntoIterator<Item = Note>,
    ) {
        let mut row = Row::of(
            tracked.event(),
            tracked.measured_until(),
            &self.rule.weights(),
        );
        row.observation = Some(RowObservation {
            page: page.as_str().to_owned(),
            observed_at: tracked.observed_at(),
            stale_since: tracked.stale_since(),
        });
        row.anomalies.extend(anomalies);
        self.rows.push(row);
    }

    /// Adds an anomaly that concerns no single event (document-wide).
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::{TimeZone, Utc};
    /// use incident_model::output::report::{AsOfBasis, Note, Report};
    /// let mut report = Report::new(Utc.with_ymd_and_hms(2020, 4, 2, 16, 0, 0).unwrap(), AsOfBasis::Given);
    /// report.push_note(Note::new("mixed_offsets", "offsets -04:00 and -05:00 in one document"));
    /// assert_eq!(report.notes().len(), 1);
    /// assert_eq!(report.summary().anomalies, 1);
    /// ```
    pub fn push_note(&mut self, note: Note) {
        self.notes.push(note);
    }

    /// Until when open events are measured.
    ///
    /// # Example
    ///
    /// See [`Report::new`].
    #[must_use]
    pub fn as_of(&self) -> DateTime<Utc> {
        self.as_of
    }

    /// How `as_of` was chosen.
    ///
    /// # Example
    ///
    /// See [`Report::new`].
    #[must_use]
    pub fn as_of_basis(&self) -> AsOfBasis {
        self.basis
    }

    /// The weights of the downtime.
    ///
    /// # Example
    ///
    /// See [`Report::with_weights`].
    #[must_use]
    pub fn weights(&self) -> Weights {
        self.rule.weights()
    }

    /// The rows, in the order they were pushed.
    ///
    /// # Example
    ///
    /// See the [module documentation](self).
    #[must_use]
    pub fn rows(&self) -> &[Row] {
        &self.rows
    }

    /// The document-wide anomalies.
    ///
    /// # Example
    ///
    /// See [`Report::push_note`].
    #[must_use]
    pub fn notes(&self) -> &[Note] {
        &self.notes
    }

    /// The summary: counts, and the durations of the incidents over all and by
    /// impact.
    ///
    /// O(n log n) in the number of rows.
    ///
    /// # Example
    ///
    /// See the [module documentation](self).
    #[must_use]
    pub fn summary(&self) -> ReportSummary {
        self.tally().summary()
    }

    /// The rows and notes in a [`SummaryTally`]: the one rule of the summary.
    fn tally(&self) -> SummaryTally {
        let mut tally = SummaryTally::new(self.as_of, self.basis).with_rule(self.rule);
        for row in &self.rows {
            tally.plans.extend(row.against_plan.clone());
            let durations = [
                row.time_to_identify,
                row.time_to_monitor,
                row.time_to_resolve,
            ];
            tally.add(
                row.kind,
                row.impact,
                row.is_open(),
                durations,
                row.anomalies.len(),
            );
        }
        for note in &self.notes {
            tally.push_note(note.clone());
        }
        tally
    }
}

/// A report's summary built in one pass over the events, keeping only the
/// three durations of each incident (and the document-wide notes): the
/// summary of a stream of events of any size. Over the same events, with the
/// same anomalies and notes, [`SummaryTally::summary`] is the
/// [`Report::summary`], and its JSON (feature `serde`) is the report's
/// `"summary"`.
///
/// # Example
///
/// ```
/// use chrono::{TimeZone, Utc};
/// use incident_model::output::report::{AsOfBasis, Report, SummaryTally};
/// use incident_model::{Incident, IncidentStatus::*, Update};
/// let at = |h| Utc.with_ymd_and_hms(2020, 3, 16, h, 0, 0).unwrap();
/// let incident = Incident::builder("x")
///     .update(Update::new(Investigating, at(10)))
///     .update(Update::new(Resolved, at(12)))
///     .build()?;
/// let mut tally = SummaryTally::new(at(13), AsOfBasis::Given);
/// tally.push(&incident, 2); // two anomalies
/// let mut report = Report::new(at(13), AsOfBasis::Given);
/// report.push(&incident, []);
/// assert_eq!(tally.summary().durations, report.summary().durations);
/// assert_eq!(tally.summary().anomalies, 2);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct SummaryTally {
    as_of: DateTime<Utc>,
    basis: AsOfBasis,
    incidents: usize,
    maintenances: usize,
    open: usize,
    anomalies: usize,
    all: Durations,
    by_impact: BTreeMap<Impact, Durations>,
    plans: Vec<AgainstPlan>,
    rule: UptimeRule,
    notes: Vec<Note>,
}

/// The durations of some incidents: how many, and each duration they have.
#[derive(Clone, PartialEq, Eq, Debug, Default)]
struct Durations {
    incidents: usize,
    of: [Vec<Elapsed>; 3],
}

impl Durations {
    fn add(&mut self, durations: [Option<Elapsed>; 3]) {
        self.incidents += 1;
        for (values, duration) in self.of.iter_mut().zip(durations) {
            values.extend(duration);
        }
    }

    fn summaries(&self) -> Summaries {
        let [identify, monitor, resolve] = &self.of;
        Summaries {
            time_to_identify: Summary::of(identify.iter().copied()),
            time_to_monitor: Summary::of(monitor.iter().copied()),
            time_to_resolve: Summary::of(resolve.iter().copied()),
        }
    }
}

impl SummaryTally {
    /// An empty tally, its open events measured until `as_of` (chosen as
    /// `basis` says; only the JSON prints it: no duration of the summary
    /// depends on it).
    ///
    /// # Example
    ///
    /// See [`SummaryTally`].
    #[must_use]
    pub fn new(as_of: DateTime<Utc>, basis: AsOfBasis) -> Self {
        SummaryTally {
            as_of,
            basis,
            incidents: 0,
            maintenances: 0,
            open: 0,
            anomalies: 0,
            all: Durations::default(),
            by_impact: BTreeMap::new(),
            plans: Vec::new(),
            rule: UptimeRule::statuspage(),
            notes: Vec::new(),
        }
    }

    /// The same tally, naming `rule` (the rule of the report's downtime; only
    /// the JSON prints it: no figure of the summary depends on it).
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::{TimeZone, Utc};
    /// use incident_model::UptimeRule;
    /// use incident_model::output::report::{AsOfBasis, SummaryTally};
    /// let at = Utc.with_ymd_and_hms(2020, 3, 16, 14, 0, 0).unwrap();
    /// let tally = SummaryTally::new(at, AsOfBasis::Given).with_rule(UptimeRule::incident_io());
    /// assert_eq!(tally.rule(), UptimeRule::incident_io());
    /// ```
    #[must_use]
    pub fn with_rule(mut self, rule: UptimeRule) -> Self {
        self.rule = rule;
        self
    }

    /// The rule the tally names.
    ///
    /// # Example
    ///
    /// See [`SummaryTally::with_rule`].
    #[must_use]
    pub fn rule(&self) -> UptimeRule {
        self.rule
    }

    /// The same tally, measured until `as_of`, chosen as `basis` says: for a
    /// stream, whose latest time is known at its end.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::{TimeZone, Utc};
    /// use incident_model::output::report::{AsOfBasis, SummaryTally};
    /// let at = Utc.with_ymd_and_hms(2020, 3, 16, 14, 0, 0).unwrap();
    /// let tally = SummaryTally::new(at, AsOfBasis::Given).with_as_of(at, AsOfBasis::LatestInData);
    /// assert_eq!(tally.summary().incidents, 0);
    /// ```
    #[must_use]
    pub fn with_as_of(mut self, as_of: DateTime<Utc>, basis: AsOfBasis) -> Self {
        self.as_of = as_of;
        self.basis = basis;
        self
    }

    /// Counts `event` (an incident, a maintenance or an
    /// [`AnyEvent`](crate::AnyEvent)), with the number of anomalies found in
    /// it, as [`Report::push`] would.
    ///
    /// # Example
    ///
    /// See [`SummaryTally`].
    pub fn push<'a>(&mut self, event: impl Into<AnyEventRef<'a>>, anomalies: usize) {
        let event = event.into();
        let durations = [
            event.time_to_identify(),
            event.time_to_monitor(),
            event.time_to_resolve(),
        ];
        let open = event.resolved_at().is_none();
        self.add(event.kind(), event.impact(), open, durations, anomalies);
        self.plans.extend(event.against_plan(self.as_of));
    }

    /// Adds a document-wide anomaly, as [`Report::push_note`].
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::{TimeZone, Utc};
    /// use incident_model::output::report::{AsOfBasis, Note, SummaryTally};
    /// let mut tally = SummaryTally::new(Utc.with_ymd_and_hms(2020, 4, 2, 16, 0, 0).unwrap(), AsOfBasis::Given);
    /// tally.push_note(Note::new("mixed_offsets", "offsets -04:00 and -05:00 in one document"));
    /// assert_eq!(tally.summary().anomalies, 1);
    /// ```
    pub fn push_note(&mut self, note: Note) {
        self.anomalies = self.anomalies.saturating_add(1);
        self.notes.push(note);
    }

    /// The one rule of the summary's counts, for an event or a row.
    fn add(
        &mut self,
        kind: EventKind,
        impact: Impact,
        open: bool,
        durations: [Option<Elapsed>; 3],
        anomalies: usize,
    ) {
        self.anomalies = self.anomalies.saturating_add(anomalies);
        self.open += usize::from(open);
        if kind != EventKind::Incident {
            self.maintenances += 1;
            return;
        }
        self.incidents += 1;
        self.all.add(durations);
        self.by_impact.entry(impact).or_default().add(durations);
    }

    /// The summary: what [`Report::summary`] gives over the same events.
    /// O(n log n) in the number of incidents.
    ///
    /// # Example
    ///
    /// See [`SummaryTally`].
    #[must_use]
    pub fn summary(&self) -> ReportSummary {
        ReportSummary {
            incidents: self.incidents,
            maintenances: self.maintenances,
            open: self.open,
            anomalies: self.anomalies,
            durations: self.all.summaries(),
            by_impact: self
                .by_impact
                .iter()
                .map(|(impact, durations)| (*impact, durations.summaries()))
                .collect(),
            against_plan: MaintenanceSummary::of(&self.plans),
        }
    }
}

/// Text as the table prints it, the one rule for every field that comes from
/// the data: each character Rust's `Debug` escapes (control characters such
/// as newlines and terminal escapes, and other unprintable ones) written as
/// `Debug` writes it (`\n`, `\u{1b}`), so that no field can forge a line or
/// reach the terminal. Plain: quotes and backslashes as they are; quoted (the
/// event's name): in double quotes, exactly as `Debug` writes a string.
struct Escaped<'a> {
    text: &'a str,
    quoted: bool,
}

impl<'a> Escaped<'a> {
    const fn plain(text: &'a str) -> Self {
        Escaped {
            text,
            quoted: false,
        }
    }

    const fn quoted(text: &'a str) -> Self {
        Escaped { text, quoted: true }
    }
}

impl fmt::Display for Escaped<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.quoted {
            f.write_char('"')?;
        }
        for c in self.text.chars() {
            match c {
                // `Debug` for a string leaves single quotes alone.
                '\'' => f.write_char(c)?,
                '"' | '\\' if !self.quoted => f.write_char(c)?,
                c => write!(f, "{}", c.escape_debug())?,
            }
        }
        if self.quoted {
            f.write_char('"')?;
        }
        Ok(())
    }
}

/// An optional value, `-` when absent.
struct OrDash<T>(Option<T>);

impl<T: fmt::Display> fmt::Display for OrDash<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.0 {
            Some(value) => value.fmt(f),
            None => f.pad("-"),
        }
    }
}

/// `1 incident`, `2 incidents`: a count and the singular and plural nouns.
struct Counted(usize, &'static str, &'static str);

impl fmt::Display for Counted {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let noun = if self.0 == 1 { self.1 } else { self.2 };
        write!(f, "{} {noun}", self.0)
    }
}

impl fmt::Display for Row {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "{} {}",
            Escaped::plain(self.id.as_str()),
            Escaped::quoted(&self.name)
        )?;
        writeln!(
            f,
            "  {}, status {}, impact {}, {}",
            self.kind,
            self.status,
            self.impact,
            Counted(self.updates, "update", "updates")
        )?;
        writeln!(
            f,
            "  opened {}, resolved {}",
            rfc3339(self.opened_at),
            OrDash(self.resolved_at.map(rfc3339))
        )?;
        if let Some(stale) = self.observation.as_ref().and_then(|o| o.stale_since) {
            writeln!(
                f,
                "  stale: open when last seen, no longer listed at {}; measured until {}",
                rfc3339(stale),
                rfc3339(self.measured_until)
            )?;
        }
        match &self.against_plan {
            Some(plan) => write_plan(f, plan)?,
            None => writeln!(
                f,
                "  time to identify {}, to monitor {}, to resolve {}",
                OrDash(self.time_to_identify),
                OrDash(self.time_to_monitor),
                OrDash(self.time_to_resolve)
            )?,
        }
        writeln!(
            f,
            "  regressions {}, reopens {}",
            self.regressions, self.reopens
        )?;
        write_components(f, &self.affected_components)?;
        write_notes(f, "  ", &self.anomalies)
    }
}

/// A maintenance's plan: the window, what happened against it, and what is
/// odd.
fn write_plan(f: &mut fmt::Formatter<'_>, plan: &AgainstPlan) -> fmt::Result {
    match plan.schedule {
        Some(schedule) => writeln!(
            f,
            "  scheduled {} to {}: {plan}",
            rfc3339(schedule.scheduled_for),
            rfc3339(schedule.scheduled_until)
        )?,
        None => writeln!(f, "  {plan}")?,
    }
    let told = |oddity: &&PlanOddity| **oddity != PlanOddity::NoSchedule;
    for oddity in plan.oddities.iter().filter(told) {
        writeln!(f, "  plan: {oddity}")?;
    }
    Ok(())
}

fn write_components(f: &mut fmt::Formatter<'_>, components: &[ComponentRow]) -> fmt::Result {
    if components.is_empty() {
        return writeln!(f, "  affected components: none");
    }
    writeln!(f, "  affected components:")?;
    for component in components {
        writeln!(
            f,
            "    {} ({}): worst {}, weighted downtime {}",
            Escaped::plain(&component.name),
            Escaped::plain(component.id.as_str()),
            OrDash(component.worst_status),
            component.weighted_downtime
        )?;
    }
    Ok(())
}

fn write_notes(f: &mut fmt::Formatter<'_>, indent: &str, notes: &[Note]) -> fmt::Result {
    if notes.is_empty() {
        return writeln!(f, "{indent}anomalies: none");
    }
    writeln!(f, "{indent}anomalies:")?;
    for note in notes {
        writeln!(f, "{indent}  {note}")?;
    }
    Ok(())
}

/// The width of a duration column.
const COLUMN: usize = 9;
/// The width of the label column.
const LABEL: usize = 26;

fn write_table_header(f: &mut fmt::Formatter<'_>) -> fmt::Result {
    write!(f, "  {:LABEL$} {:>5}", "", "count")?;
    for name in ["p50", "p90", "p95", "p99", "min", "max", "mean"] {
        write!(f, " {name:>COLUMN$}")?;
    }
    writeln!(f)
}

fn write_table_row(f: &mut fmt::Formatter<'_>, label: &str, summary: &Summary) -> fmt::Result {
    let values = [
        summary.p50,
        summary.p90,
        summary.p95,
        summary.p99,
        summary.min,
        summary.max,
        summary.mean,
    ];
    write_values(f, label, summary.count, values)
}

/// [`write_table_row`] for signed deviations (`21s late`).
fn write_deviation_row(
    f: &mut fmt::Formatter<'_>,
    label: &str,
    summary: &DeviationSummary,
) -> fmt::Result {
    let values = [
        summary.p50,
        summary.p90,
        summary.p95,
        summary.p99,
        summary.min,
        summary.max,
        summary.mean,
    ];
    write_values(f, label, summary.count, values)
}

/// One row of a table: the label, the count, then the values.
fn write_values<T: fmt::Display>(
    f: &mut fmt::Formatter<'_>,
    label: &str,
    count: usize,
    values: [Option<T>; 7],
) -> fmt::Result {
    write!(f, "  {label:LABEL$} {count:>5}")?;
    for value in values {
        write!(f, " {:>COLUMN$}", OrDash(value))?;
    }
    writeln!(f)
}

/// The maintenance section of the summary.
fn write_maintenances(f: &mut fmt::Formatter<'_>, plans: &MaintenanceSummary) -> fmt::Result {
    writeln!(
        f,
        "Maintenances against their plan: {} started late, {} overran, {} finished early, {} never reported a start",
        plans.started_late, plans.overran, plans.finished_early, plans.never_started
    )?;
    write_table_header(f)?;
    write_deviation_row(f, "start delay", &plans.start_delay)?;
    write_deviation_row(f, "overrun", &plans.overrun)?;
    write_table_row(f, "duration", &plans.duration)
}

impl fmt::Display for ReportSummary {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "Summary: {}, {}, {} open, {}",
            Counted(self.incidents, "incident", "incidents"),
            Counted(self.maintenances, "maintenance", "maintenances"),
            self.open,
            Counted(self.anomalies, "anomaly", "anomalies")
        )?;
        writeln!(f, "Durations of the incidents (nearest-rank percentiles):")?;
        write_table_header(f)?;
        write_table_row(f, "time to identify", &self.durations.time_to_identify)?;
        write_table_row(f, "time to monitor", &self.durations.time_to_monitor)?;
        write_table_row(f, "time to resolve", &self.durations.time_to_resolve)?;
        if !self.by_impact.is_empty() {
            writeln!(f, "Time to resolve by impact:")?;
            write_table_header(f)?;
            for (impact, summaries) in self.by_impact.iter().rev() {
                let label = format!("impact {impact}");
                write_table_row(f, &label, &summaries.time_to_resolve)?;
            }
        }
        if self.against_plan.count > 0 {
            write_maintenances(f, &self.against_plan)?;
        }
        Ok(())
    }
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "Report as of {} ({})",
            rfc3339(self.as_of),
            self.basis.phrase()
        )?;
        writeln!(
            f,
            "Open events are measured until then; downtime by the {} rule: major_outage {}, partial_outage {}, degraded_performance {}, under_maintenance {}",
            self.rule.name(),
            self.weights().weight(ComponentStatus::MajorOutage),
            self.weights().weight(ComponentStatus::PartialOutage),
            self.weights().weight(ComponentStatus::DegradedPerformance),
            self.weights().weight(ComponentStatus::UnderMaintenance),
        )?;
        for row in &self.rows {
            writeln!(f)?;
            row.fmt(f)?;
        }
        if !self.notes.is_empty() {
            writeln!(f)?;
            writeln!(f, "Document-wide")?;
            write_notes(f, "  ", &self.notes)?;
        }
        writeln!(f)?;
        self.summary().fmt(f)
    }
}

#[cfg(feature = "serde")]
mod json {
    //! The JSON shape of the report: wire structs borrowed from the report.

    use std::collections::BTreeMap;

    use serde::Serialize;

    use super::{EventKind, Note, Report, Row};
    use crate::duration::Elapsed;
    use crate::metrics::Summary;
    use crate::time::rfc3339;

    #[derive(Serialize)]
    struct Document<'a> {
        incidents: Vec<JsonRow<'a>>,
        summary: JsonSummary<'a>,
    }

    #[derive(Serialize)]
    struct JsonRow<'a> {
        id: &'a str,
        name: &'a str,
        kind: EventKind,
        status: crate::AnyStatus,
        impact: crate::Impact,
        updates: usize,
        opened_at: String,
        resolved_at: Option<String>,
        #[serde(flatten)]
        figures: Figures<'a>,
        regressions: usize,
        reopens: usize,
        affected_components: Vec<JsonComponent<'a>>,
        anomalies: &'a [Note],
        measured_until: String,
        #[serde(skip_serializing_if = "Option::is_none")]
        page: Option<&'a str>,
        #[serde(skip_serializing_if = "Option::is_none")]
        observed_at: Option<String>,
        #[serde(skip_serializing_if = "Option::is_none")]
        stale_since: Option<String>,
    }

    /// The figures that fit the row's kind: an incident's durations, a
    /// maintenance's plan.
    #[derive(Serialize)]
    #[serde(untagged)]
    enum Figures<'a> {
        Incident {
            time_to_identify_s: Option<i64>,
            time_to_monitor_s: Option<i64>,
            time_to_resolve_s: Option<i64>,
        },
        Maintenance {
            scheduled_for: Option<String>,
            scheduled_until: Option<String>,
            started_at: Option<String>,
            verifying_at: Option<String>,
            completed_at: Option<String>,
            start_delay_s: Option<i64>,
            overrun_s: Option<i64>,
            duration_s: Option<i64>,
            plan_oddities: &'a [crate::PlanOddity],
        },
    }

    impl<'a> Figures<'a> {
        fn of(row: &'a Row) -> Self {
            let time =
                |at: Option<chrono::DateTime<chrono::Utc>>| at.map(|at| rfc3339(at).to_string());
            match &row.against_plan {
                Some(plan) => Figures::Maintenance {
                    scheduled_for: time(plan.schedule.map(|s| s.scheduled_for)),
                    scheduled_until: time(plan.schedule.map(|s| s.scheduled_until)),
                    started_at: time(plan.started_at),
                    verifying_at: time(plan.verifying_at),
                    completed_at: time(plan.completed_at),
                    start_delay_s: plan.start_delay.map(crate::Deviation::as_secs),
                    overrun_s: plan.overrun.map(crate::Deviation::as_secs),
                    duration_s: seconds(plan.duration),
                    plan_oddities: &plan.oddities,
                },
                None => Figures::Incident {
                    time_to_identify_s: seconds(row.time_to_identify),
                    time_to_monitor_s: seconds(row.time_to_monitor),
                    time_to_resolve_s: seconds(row.time_to_resolve),
                },
            }
        }
    }

    #[derive(Serialize)]
    struct JsonComponent<'a> {
        id: &'a str,
        name: &'a str,
        worst_status: Option<crate::ComponentStatus>,
        weighted_downtime_s: f64,
    }

    #[derive(Serialize)]
    struct JsonSummary<'a> {
        as_of: String,
        as_of_basis: super::AsOfBasis,
        rule: crate::UptimeRule,
        incidents: usize,
        maintenances: usize,
        open: usize,
        anomalies: usize,
        time_to_identify: Summary,
        time_to_monitor: Summary,
        time_to_resolve: Summary,
        by_impact: BTreeMap<crate::Impact, Group>,
        maintenance: crate::MaintenanceSummary,
        document_anomalies: &'a [Note],
    }

    #[derive(Serialize)]
    struct Group {
        count: usize,
        time_to_identify: Summary,
        time_to_monitor: Summary,
        time_to_resolve: Summary,
    }

    fn seconds(elapsed: Option<Elapsed>) -> Option<i64> {
        elapsed.map(Elapsed::as_secs)
    }

    impl<'a> JsonRow<'a> {
        fn of(row: &'a Row) -> Self {
            JsonRow {
                id: row.id.as_str(),
                name: &row.name,
                kind: row.kind,
                status: row.status,
                impact: row.impact,
                updates: row.updates,
                opened_at: rfc3339(row.opened_at).to_string(),
                resolved_at: row.resolved_at.map(|at| rfc3339(at).to_string()),
                figures: Figures::of(row),
                regressions: row.regressions,
                reopens: row.reopens,
                affected_components: row
                    .affected_components
                    .iter()
                    .map(|component| JsonComponent {
                        id: component.id.as_str(),
                        name: &component.name,
                        worst_status: component.worst_status,
                        // Milliseconds are exact in an f64 far beyond any real downtime.
                        #[allow(clippy::cast_precision_loss)]
                        weighted_downtime_s: component.weighted_downtime.as_millis() as f64
                            / 1000.0,
                    })
                    .collect(),
                anomalies: &row.anomalies,
                measured_until: rfc3339(row.measured_until).to_string(),
                page: row.observation.as_ref().map(|o| o.page.as_str()),
                observed_at: row
                    .observation
                    .as_ref()
                    .map(|o| rfc3339(o.observed_at).to_string()),
                stale_since: row
                    .observation
                    .as_ref()
                    .and_then(|o| o.stale_since.map(|at| rfc3339(at).to_string())),
            }
        }
    }

    impl Serialize for super::AsOfBasis {
        fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            serializer.serialize_str(self.as_str())
        }
    }

    impl Serialize for Note {
        /// `{"kind": "...", "detail": "..."}`.
        fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            use serde::ser::SerializeStruct;
            let mut state = serializer.serialize_struct("Note", 2)?;
            state.serialize_field("kind", &self.kind)?;
            state.serialize_field("detail", &self.detail)?;
            state.end()
        }
    }

    impl<'a> JsonSummary<'a> {
        fn of(tally: &'a super::SummaryTally) -> Self {
            let summary = tally.summary();
            let by_impact = summary
                .by_impact
                .iter()
                .map(|(impact, summaries)| {
                    let count = tally.by_impact.get(impact).map_or(0, |d| d.incidents);
                    let group = Group {
                        count,
                        time_to_identify: summaries.time_to_identify,
                        time_to_monitor: summaries.time_to_monitor,
                        time_to_resolve: summaries.time_to_resolve,
                    };
                    (*impact, group)
                })
                .collect();
            JsonSummary {
                as_of: rfc3339(tally.as_of).to_string(),
                as_of_basis: tally.basis,
                rule: tally.rule,
                incidents: summary.incidents,
                maintenances: summary.maintenances,
                open: summary.open,
                anomalies: summary.anomalies,
                time_to_identify: summary.durations.time_to_identify,
                time_to_monitor: summary.durations.time_to_monitor,
                time_to_resolve: summary.durations.time_to_resolve,
                by_impact,
                maintenance: summary.against_plan,
                document_anomalies: &tally.notes,
            }
        }
    }

    impl Serialize for super::SummaryTally {
        /// The `"summary"` of the report's JSON document (see the [module
        /// documentation](super)).
        fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            JsonSummary::of(self).serialize(serializer)
        }
    }

    impl Serialize for Report {
        /// The JSON document of the [module documentation](super).
        fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            let tally = self.tally();
            Document {
                incidents: self.rows.iter().map(JsonRow::of).collect(),
                summary: JsonSummary::of(&tally),
            }
            .serialize(serializer)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Escaped;

    #[test]
    fn quoted_is_debug_and_plain_leaves_quotes() {
        for text in [
            "plain",
            "a \"b\" 'c' \\ d",
            "\n\r\t\0\u{1b}[2J\u{7f}\u{9b}",
            "\u{301}e\u{301} \u{200b}\u{202e}\u{ad}\u{fffe}",
        ] {
            assert_eq!(Escaped::quoted(text).to_string(), format!("{text:?}"));
        }
        assert_eq!(
            Escaped::plain("a \"b\" 'c' \\ d\n\u{1b}").to_string(),
            "a \"b\" 'c' \\ d\\n\\u{1b}"
        );
    }
}
