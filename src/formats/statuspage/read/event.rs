//! One incident or maintenance, field after field.

use std::borrow::Cow;

use chrono::{DateTime, Utc};

use super::super::wire::{Str, WireIncident};
use super::super::write;
use super::super::{
    AnyValidationError, Document, Extras, Fields, Limit, RawJson, Record, StatuspageError,
};
use super::{
    anomalies, is_any_status, is_status_of, is_statuspage_id, keys, parse, parse_opt, text, Cx,
    Given, Here, Read,
};
use crate::builder::{EventParts, Schedule, ValidationError};
use crate::event::Event;
use crate::id::{EventId, UpdateId};
use crate::policy::Lifecycle;
use crate::status::{Impact, IncidentStatus, MaintenanceStatus};
use crate::update::Update;

impl Cx {
    /// Reads `w` as a maintenance or an incident, into `doc`.
    pub(super) fn event_into(
        &mut self,
        w: WireIncident<'_>,
        container: &str,
        doc: &mut Document,
    ) -> Result<(), StatuspageError> {
        if is_maintenance(&w) {
            let record = self.event::<MaintenanceStatus>(w, container)?;
            doc.maintenances.push(record);
        } else {
            let record = self.event::<IncidentStatus>(w, container)?;
            doc.incidents.push(record);
        }
        Ok(())
    }

    /// The event: what it gives, its updates and what it says of them, then the
    /// model event and the checks of the payload against it.
    fn event<S: Lifecycle>(
        &mut self,
        mut w: WireIncident<'_>,
        container: &str,
    ) -> Result<Record<S>, StatuspageError>
    where
        AnyValidationError: From<ValidationError<S>>,
    {
        let top = Here::top(container);
        self.limited(Limit::IdBytes, w.id.as_ref(), &top, "id")?;
        self.limited(Limit::NameBytes, w.name.as_ref(), &top, "name")?;
        let id = event_id::<S>(w.id.as_ref(), &top)?;
        let here = Here {
            incident: Some(&id),
            ..top
        };
        let given = self.given(&w, &here)?;
        let read = [
            given.created_at,
            given.updated_at,
            given.monitoring_at,
            given.resolved_at,
            given.started_at,
        ];
        let given_keys = write::EventGiven::of(&w, read);
        let name = self.name(w.name.take(), &here);
        let (mut updates, foreign_ids) =
            self.updates::<S>(w.incident_updates.take(), &id, &here)?;
        if updates.is_empty() {
            updates.push(self.no_updates(w.status.as_ref(), &given, &id, &here)?);
        }
        let input_order = write::input_order(updates.iter().map(|(u, _)| u));
        let updates = self.in_display_order(updates, &here);
        self.foreign_ids(&id, foreign_ids);
        self.own_status(w.status.as_ref(), &updates, &here)?;
        let mut extras = Extras::default();
        let components = self.components(w.components.take(), &updates, &mut extras, &here)?;
        let impact = self.impact::<S>(&given, &updates, &mut extras, &here);
        let mut other = Fields::new();
        let schedule = self.schedule::<S>(&w, &given, &mut other, &here);
        let created_at = self.created_at(given.created_at, &updates, &here);
        if given.started_at.is_none() {
            self.push(anomalies::missing_started_at(here.incident));
        }
        let (updates, update_extras): (Vec<Update<S>>, _) = updates.into_iter().unzip();
        let parts = EventParts {
            id: id.clone(),
            name,
            impact,
            components,
            started_at: given.started_at,
            created_at,
            schedule,
            updates,
            declared_end: None,
            labels: std::collections::BTreeMap::new(),
        };
        let event = self.build(parts, &here)?;
        self.milestones(&event, &given, &here);
        self.component_statuses(&event, &extras.components, &here);
        self.start(&event, &given, created_at, &here);
        other.extend(self.other(std::mem::take(&mut w.other), keys::INCIDENT, S::KIND, &here));
        self.extras::<S>(w, &given, &mut extras, &here)?;
        other.append(&mut extras.other);
        extras.other = other;
        extras.updates = update_extras;
        let mut record = Record { event, extras };
        write::keep_given(&mut record, given_keys, input_order);
        Ok(record)
    }

    /// The error for a `value` of `field` over `limit` (a long id would be
    /// copied into every anomaly).
    pub(super) fn limited(
        &self,
        limit: Limit,
        value: Option<&Str<'_>>,
        here: &Here<'_>,
        field: &str,
    ) -> Result<(), StatuspageError> {
        let found = value.map_or(0, |v| v.0.len());
        self.within(limit, found, here, || field.to_owned())
    }

    /// The error for `found` over `limit` in `field`, whose name and location
    /// are only built on error (checks run several times per update).
    pub(super) fn within(
        &self,
        limit: Limit,
        found: usize,
        here: &Here<'_>,
        field: impl FnOnce() -> String,
    ) -> Result<(), StatuspageError> {
        if found <= self.limits.get(limit) {
            return Ok(());
        }
        self.limits.check(limit, found, Some(here.at(&field())))
    }

    fn name(&mut self, name: Option<Str<'_>>, here: &Here<'_>) -> String {
        match name {
            Some(name) => name.0.into_owned(),
            None => {
                self.push(anomalies::missing_name(here.incident));
                String::new()
            }
        }
    }

    /// The times and impacts, in field order (the first bad one is the error).
    fn given(&mut self, w: &WireIncident<'_>, here: &Here<'_>) -> Result<Given, StatuspageError> {
        Ok(Given {
            created_at: self.opt_time(w.created_at.as_ref(), here, "created_at")?,
            updated_at: self.opt_time(w.updated_at.as_ref(), here, "updated_at")?,
            started_at: self.opt_time(w.started_at.as_ref(), here, "started_at")?,
            monitoring_at: self.opt_time(w.monitoring_at.as_ref(), here, "monitoring_at")?,
            resolved_at: self.opt_time(w.resolved_at.as_ref(), here, "resolved_at")?,
            scheduled_for: self.opt_time(w.scheduled_for.as_ref(), here, "scheduled_for")?,
            scheduled_until: self.opt_time(w.scheduled_until.as_ref(), here, "scheduled_until")?,
            impact_override: parse_opt(w.impact_override.as_ref(), here, "impact_override")?,
            impact: parse_opt(w.impact.as_ref(), here, "impact")?,
        })
    }

    /// The one update of an event that has none: its own status at its
    /// creation.
    fn no_updates<S: Lifecycle>(
        &mut self,
        status: Option<&Str<'_>>,
        given: &Given,
        id: &EventId,
        here: &Here<'_>,
    ) -> Result<Read<S>, StatuspageError> {
        let status: S = match status {
            Some(s) => parse(&s.0, here, "status")?,
            None => return Err(here.missing("incident_updates", "no updates and no status")),
        };
        let Some(at) = given.created_at.or(given.updated_at) else {
            return Err(here.missing("incident_updates", "no updates and no created_at"));
        };
        let made =
            UpdateId::new(format!("{id}-0")).map_err(|err| here.bad_id("incident_updates", err))?;
        self.push(anomalies::no_updates(here.incident, &made, status));
        Ok((
            Update::new(status, at).with_id(made.clone()),
            super::UpdateExtras::new(made),
        ))
    }

    /// The updates in display order, each move from a closed status to an open
    /// one marked as a reopen.
    fn in_display_order<S: Lifecycle>(
        &mut self,
        mut updates: Vec<Read<S>>,
        here: &Here<'_>,
    ) -> Vec<Read<S>> {
        // Statuspage sends newest first: reverse so that ties keep the written
        // order; an array whose first update is older than its last runs
        // oldest-first (see "Decisions on odd input").
        let oldest_first = match (updates.first(), updates.last()) {
            (Some((first, _)), Some((last, _))) => first.order_key() < last.order_key(),
            _ => false,
        };
        if !oldest_first {
            updates.reverse();
        }
        updates.sort_by_key(|(u, _)| u.order_key());
        let mut reopens = crate::formats::published::ImplicitReopens::new();
        updates
            .into_iter()
            .map(|(update, extras)| {
                let (update, detail) = reopens.mark(update, "statuspage");
                if let Some(detail) = detail {
                    self.push(anomalies::implicit_reopen(
                        here.incident,
                        update.id(),
                        detail,
                    ));
                }
                (update, extras)
            })
            .collect()
    }

    /// Ids that are not Statuspage's (incident.io's ULIDs, made-up ones).
    fn foreign_ids(&mut self, id: &EventId, foreign_update_ids: usize) {
        let id_str = id.as_str();
        if foreign_update_ids == 0 && is_statuspage_id(id_str) {
            return;
        }
        let kind = if is_statuspage_id(id_str) {
            "a statuspage id"
        } else if is_ulid(id_str) {
            "a ulid (incident.io)"
        } else {
            "not a 12-character statuspage id"
        };
        self.push(anomalies::foreign_id(id, kind, foreign_update_ids));
    }

    /// The object's own status against its last update: the update wins.
    fn own_status<S: Lifecycle>(
        &mut self,
        given: Option<&Str<'_>>,
        updates: &[Read<S>],
        here: &Here<'_>,
    ) -> Result<(), StatuspageError> {
        let Some(given) = given else {
            self.push(anomalies::missing_status(here.incident));
            return Ok(());
        };
        let last = updates.last().map(|(u, _)| u.status());
        match given.0.parse::<S>() {
            Ok(status) if Some(status) == last => {}
            Ok(status) => {
                let last = last.map(Lifecycle::as_str).unwrap_or_default();
                self.push(anomalies::status_mismatch(here.incident, status, last));
            }
            Err(_) if is_any_status(&given.0) => {
                self.push(anomalies::status_of_other_lifecycle(
                    here.incident,
                    &given.0,
                    S::KIND,
                ));
            }
            Err(source) => {
                return Err(StatuspageError::UnknownStatus {
                    at: here.at("status"),
                    source,
                })
            }
        }
        Ok(())
    }

    /// `impact_override` wins; a missing impact is the model's default.
    fn impact<S: Lifecycle>(
        &mut self,
        given: &Given,
        updates: &[Read<S>],
        extras: &mut Extras,
        here: &Here<'_>,
    ) -> Impact {
        match (given.impact_override, given.impact) {
            (Some(impact_override), calculated) => {
                // Without the calculated impact, Statuspage's rule gives it, so
                // that the override is written back as one.
                let default = || crate::builder::default_impact(updates.iter().map(|(u, _)| u));
                extras.calculated_impact = Some(calculated.unwrap_or_else(default));
                impact_override
            }
            (None, Some(impact)) => impact,
            (None, None) => {
                let impact = crate::builder::default_impact(updates.iter().map(|(u, _)| u));
                self.push(anomalies::missing_impact(here.incident, impact));
                impact
            }
        }
    }

    /// The scheduled window of a maintenance. One the model cannot keep (on an
    /// incident, inverted, half given) is kept verbatim in `other` instead.
    fn schedule<S: Lifecycle>(
        &mut self,
        w: &WireIncident<'_>,
        given: &Given,
        other: &mut Fields,
        here: &Here<'_>,
    ) -> Option<Schedule> {
        let anomaly = match (S::HAS_SCHEDULE, given.scheduled_for, given.scheduled_until) {
            // The model refuses an inverted window with the whole event
            // (`ValidationError::InvertedSchedule`); the reader reports it, keeps
            // the window verbatim and reads on, so it checks the order first.
            (true, Some(from), Some(until)) if from <= until => {
                return Some(Schedule::new(from, until))
            }
            (true, Some(_), Some(_)) => anomalies::inverted_schedule(here.incident),
            (true, _, _) => anomalies::missing_schedule(here.incident),
            (false, None, None) => return None,
            (false, _, _) => anomalies::schedule_on_incident(here.incident),
        };
        self.push(anomaly);
        for (key, value) in [
            ("scheduled_for", &w.scheduled_for),
            ("scheduled_until", &w.scheduled_until),
        ] {
            if let Some(value) = value {
                other.push((Cow::Borrowed(key), RawJson::string(&value.0)));
            }
        }
        None
    }

    /// `created_at`, or the earliest time of an update when it is missing.
    fn created_at<S: Lifecycle>(
        &mut self,
        given: Option<DateTime<Utc>>,
        updates: &[Read<S>],
        here: &Here<'_>,
    ) -> DateTime<Utc> {
        if let Some(created_at) = given {
            return created_at;
        }
        let earliest = updates
            .iter()
            .map(|(u, _)| u.created_at().min(u.display_at()))
            .min()
            .unwrap_or(DateTime::UNIX_EPOCH);
        self.push(anomalies::missing_created_at(here.incident, earliest));
        earliest
    }

    /// The model event: under the standard policy when every move passes it,
    /// else under the permissive one with each refused move as an anomaly.
    fn build<S: Lifecycle>(
        &mut self,
        parts: EventParts<S>,
        here: &Here<'_>,
    ) -> Result<Event<S>, StatuspageError>
    where
        AnyValidationError: From<ValidationError<S>>,
    {
        let invalid = |err: ValidationError<S>| StatuspageError::Invalid {
            at: here.at("incident_updates"),
            source: err.into(),
        };
        let (event, refused) = Event::from_parts_as_published(parts).map_err(invalid)?;
        for err in &refused {
            self.push(anomalies::policy_violation(here.incident, err));
        }
        Ok(event)
    }

    /// The keys the model does not keep, into `extras` (its `other` gains a
    /// `postmortem_published_at` of the wrong type, verbatim).
    fn extras<S: Lifecycle>(
        &mut self,
        w: WireIncident<'_>,
        given: &Given,
        extras: &mut Extras,
        here: &Here<'_>,
    ) -> Result<(), StatuspageError> {
        extras.page_id = text(w.page_id);
        extras.shortlink = text(w.shortlink);
        extras.updated_at = given.updated_at;
        extras.monitoring_at = given.monitoring_at;
        extras.resolved_at = given.resolved_at;
        extras.postmortem_body = text(w.postmortem_body);
        let Some(raw) = w.postmortem_published_at else {
            return Ok(());
        };
        // A string must be a timestamp; any other type is kept verbatim.
        if let Ok(text) = serde_json::from_str::<Str<'_>>(raw.get()) {
            let published = self.time(&text.0, here, "postmortem_published_at")?;
            extras.postmortem_published_at = Some(published);
            return Ok(());
        }
        let key = "postmortem_published_at";
        self.push(anomalies::not_a_timestamp(
            here.incident,
            S::KIND,
            key,
            raw.get(),
        ));
        extras
            .other
            .push((Cow::Borrowed(key), RawJson::from_raw(raw)));
        Ok(())
    }
}

/// Reads the event's id: one the model refuses is an error.
fn event_id<S: Lifecycle>(
    id: Option<&Str<'_>>,
    here: &Here<'_>,
) -> Result<EventId, StatuspageError> {
    match id {
        Some(id) => EventId::new(id.0.as_ref()).map_err(|err| here.bad_id("id", err)),
        None => Err(here.missing("id", format!("missing {} id", S::KIND))),
    }
}

/// Whether an update's statuses say maintenance, by the first status that either
/// lifecycle knows; then the object's own status, impact and schedule.
fn is_maintenance(w: &WireIncident<'_>) -> bool {
    let statuses = w
        .incident_updates
        .iter()
        .flatten()
        .filter_map(|u| u.status.as_ref())
        .chain(w.status.as_ref());
    for status in statuses {
        if is_status_of::<MaintenanceStatus>(&status.0) {
            return true;
        }
        if is_status_of::<IncidentStatus>(&status.0) {
            return false;
        }
    }
    w.impact.as_ref().is_some_and(|i| i.0 == "maintenance") || w.scheduled_for.is_some()
}

fn is_ulid(id: &str) -> bool {
    id.len() == 26
        && id
            .bytes()
            .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit())
}
