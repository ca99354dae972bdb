//! An event's updates: status, id, times, body, tweet id, then the component
//! changes ([`changes`](super::changes)).

use std::borrow::Cow;

use chrono::{DateTime, Utc};
use serde_json::value::RawValue;

use super::super::wire::{Str, WireUpdate};
use super::super::write;
use super::super::{Limit, RawJson, StatuspageError, TweetId, UpdateExtras, ValueError};
use super::{anomalies, is_any_status, is_statuspage_id, keys, text, Cx, Here, Read};
use crate::id::{ComponentId, EventId, UpdateId};
use crate::policy::Lifecycle;
use crate::update::Update;

/// Integers above this lose precision in an `f64`.
const F64_EXACT: u64 = 1 << 53;

/// What the updates of one event share while they are read.
#[derive(Default)]
pub(super) struct Seen {
    /// The components already reported with a group-prefixed name.
    group_prefixed: foldhash::HashSet<ComponentId>,
    /// How many update ids are given that are not Statuspage ids.
    foreign_ids: usize,
    /// The update ids given, and those made for updates without one, so that
    /// a made id is new.
    ids: foldhash::HashSet<UpdateId>,
}

impl Seen {
    /// Whether `id` is reported for its group-prefixed name for the first time.
    pub(super) fn first_group_prefixed(&mut self, id: &ComponentId) -> bool {
        !self.group_prefixed.contains(id) && self.group_prefixed.insert(id.clone())
    }

    /// `wanted`, or, when an update already has that id, `wanted` with the
    /// first suffix `-1`, `-2`, ... that none has; noted as present.
    fn new_id(&mut self, wanted: &str) -> Result<UpdateId, crate::IdError> {
        let mut made = wanted.to_owned();
        let mut suffix = 0_usize;
        while self.ids.contains(made.as_str()) {
            suffix = suffix.saturating_add(1);
            made = format!("{wanted}-{suffix}");
        }
        let made = UpdateId::new(made)?;
        self.ids.insert(made.clone());
        Ok(made)
    }
}

impl Cx {
    /// The updates in input order, and how many of their given ids are not
    /// Statuspage ids.
    pub(super) fn updates<S: Lifecycle>(
        &mut self,
        wire: Option<Vec<WireUpdate<'_>>>,
        event: &EventId,
        here: &Here<'_>,
    ) -> Result<(Vec<Read<S>>, usize), StatuspageError> {
        let wire = wire.unwrap_or_default();
        let field = || "incident_updates".to_owned();
        self.within(Limit::UpdatesPerEvent, wire.len(), here, field)?;
        let mut updates = Vec::with_capacity(wire.len());
        // The given ids are only needed to make new ones for updates without.
        let makes_ids = wire
            .iter()
            .any(|u| u.id.as_ref().is_none_or(|id| id.0.is_empty()));
        let mut seen = Seen {
            ids: wire
                .iter()
                .filter(|_| makes_ids)
                .filter_map(|u| u.id.as_ref())
                .filter_map(|id| UpdateId::new(id.0.as_ref()).ok())
                .collect(),
            ..Seen::default()
        };
        for (index, u) in wire.into_iter().enumerate() {
            updates.push(self.update(u, index, event, here, &mut seen)?);
        }
        Ok((updates, seen.foreign_ids))
    }

    fn update<S: Lifecycle>(
        &mut self,
        u: WireUpdate<'_>,
        index: usize,
        event: &EventId,
        here: &Here<'_>,
        seen: &mut Seen,
    ) -> Result<Read<S>, StatuspageError> {
        let given_id: &str = u.id.as_ref().map_or("", |s| &s.0);
        let here = Here {
            update: Some((index, given_id)),
            ..*here
        };
        self.limited(Limit::IdBytes, u.id.as_ref(), &here, "id")?;
        let status = update_status::<S>(u.status.as_ref(), &here)?;
        let id = self.update_id(given_id, index, event, &here, seen)?;
        let created = self.opt_time(u.created_at.as_ref(), &here, "created_at")?;
        let display = self.opt_time(u.display_at.as_ref(), &here, "display_at")?;
        let (display_at, created_at) = self.update_times(created, display, &id, &here)?;
        let updated = self.opt_time(u.updated_at.as_ref(), &here, "updated_at")?;
        let given = write::UpdateGiven::of(&u, [created, updated, display]);
        let body = self.body(u.body, &id, &here)?;
        let mut extras = UpdateExtras::new(id.clone());
        extras.updated_at = updated;
        extras.deliver_notifications = u.deliver_notifications;
        extras.set_custom_tweet(text(u.custom_tweet));
        if let Some(raw) = u.tweet_id {
            self.tweet_id(raw, &mut extras, &here);
        }
        if let Some(given) = u.incident_id.filter(|given| given.0 != event.as_str()) {
            self.push(anomalies::id_mismatch(here.incident, &id, &given.0));
        }
        let component_changes = self.changes(u.affected_components, &mut extras, &here, seen)?;
        // Keep what was already set aside verbatim (a tweet_id of an odd type).
        let mut other = self.other(u.other, keys::UPDATE, "incident update", &here);
        if !extras.other().is_empty() {
            other.append(extras.other_mut());
        }
        extras.set_other(other);
        let update =
            Update::from_fields(id, status, body, display_at, created_at, component_changes);
        write::keep_update_given(event, &update, &mut extras, given);
        Ok((update, extras))
    }

    /// The given id, or one made from the event's and the position.
    fn update_id(
        &mut self,
        given: &str,
        index: usize,
        event: &EventId,
        here: &Here<'_>,
        seen: &mut Seen,
    ) -> Result<UpdateId, StatuspageError> {
        if given.is_empty() {
            let wanted = format!("{event}-{index}");
            let taken = seen.ids.contains(wanted.as_str());
            let made = seen.new_id(&wanted).map_err(|err| here.bad_id("id", err))?;
            let anomaly = anomalies::missing_update_id(here.incident, &made, index, taken);
            self.push(anomaly);
            return Ok(made);
        }
        if !is_statuspage_id(given) {
            seen.foreign_ids = seen.foreign_ids.saturating_add(1);
        }
        UpdateId::new(given).map_err(|err| here.bad_id("id", err))
    }

    /// `display_at` and `created_at`, each standing in for the other when
    /// missing.
    fn update_times(
        &mut self,
        created: Option<DateTime<Utc>>,
        display: Option<DateTime<Utc>>,
        id: &UpdateId,
        here: &Here<'_>,
    ) -> Result<(DateTime<Utc>, DateTime<Utc>), StatuspageError> {
        let (display_at, created_at) = match (display, created) {
            (Some(d), Some(c)) => (d, c),
            (None, Some(c)) => {
                self.push(anomalies::missing_display_at(here.incident, id));
                (c, c)
            }
            (Some(d), None) => {
                self.push(anomalies::missing_update_created_at(here.incident, id));
                (d, d)
            }
            (None, None) => {
                let what = "the update has neither display_at nor created_at";
                return Err(here.missing("display_at", what));
            }
        };
        if display_at < created_at {
            let anomaly = anomalies::backdated_display(here.incident, id, display_at, created_at);
            self.push(anomaly);
        }
        Ok((display_at, created_at))
    }

    fn body(
        &mut self,
        body: Option<Str<'_>>,
        id: &UpdateId,
        here: &Here<'_>,
    ) -> Result<String, StatuspageError> {
        let Some(body) = body else {
            self.push(anomalies::missing_body(here.incident, id));
            return Ok(String::new());
        };
        self.within(Limit::BodyBytes, body.0.len(), here, || "body".to_owned())?;
        Ok(body.0.into_owned())
    }

    /// An integer (kept exactly) or a string; any other type is kept verbatim in
    /// `extras.other`.
    fn tweet_id(&mut self, raw: &RawValue, extras: &mut UpdateExtras, here: &Here<'_>) {
        let text = raw.get();
        if text.starts_with('"') {
            let value: String = serde_json::from_str(text).unwrap_or_else(|_| text.to_owned());
            extras.set_tweet_id(Some(TweetId::Text(value)));
        } else if let Ok(n) = text.parse::<u64>() {
            if n > F64_EXACT {
                self.push(anomalies::tweet_id_above_f64(here.incident, &extras.id, n));
            }
            extras.set_tweet_id(Some(TweetId::Number(n)));
        } else {
            self.push(anomalies::tweet_id_wrong_type(
                here.incident,
                &extras.id,
                text,
            ));
            extras
                .other_mut()
                .push((Cow::Borrowed("tweet_id"), RawJson::from_raw(raw)));
        }
    }
}

/// The update's status: one of the other lifecycle is an error of its own.
fn update_status<S: Lifecycle>(
    status: Option<&Str<'_>>,
    here: &Here<'_>,
) -> Result<S, StatuspageError> {
    let Some(status) = status else {
        return Err(here.missing("status", "missing update status"));
    };
    status.0.parse::<S>().map_err(|source| {
        if is_any_status(&status.0) {
            StatuspageError::BadValue {
                at: here.at("status"),
                problem: ValueError::OtherLifecycle {
                    value: status.0.clone().into_owned(),
                    lifecycle: S::KIND,
                    source,
                },
            }
        } else {
            StatuspageError::UnknownStatus {
                at: here.at("status"),
                source,
            }
        }
    })
}
