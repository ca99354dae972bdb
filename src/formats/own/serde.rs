//! The crate's own serde format: the `Serialize`/`Deserialize` impls. The format
//! is documented in [`crate::formats::own`].

use core::fmt;
use core::marker::PhantomData;
use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use serde::de::{self, Deserializer, MapAccess, Visitor};
use serde::ser::Serializer;
use serde::{Deserialize, Serialize};

use crate::builder::{EventParts, Schedule};
use crate::component::Component;
use crate::event::Event;
use crate::id::EventId;
use crate::policy::{Lifecycle, Policy, Preset};
use crate::status::Impact;
use crate::update::Update;

/// The serialized shape of an event, borrowed for writing.
#[derive(Serialize)]
struct EventRef<'a, S: Lifecycle> {
    id: &'a EventId,
    name: &'a str,
    impact: Impact,
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    components: &'a [Component],
    #[serde(skip_serializing_if = "Option::is_none")]
    started_at: Option<DateTime<Utc>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    declared_end: Option<DateTime<Utc>>,
    created_at: DateTime<Utc>,
    #[serde(skip_serializing_if = "Option::is_none")]
    schedule: Option<&'a Schedule>,
    policy: Policy<S>,
    updates: &'a [Update<S>],
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    labels: &'a BTreeMap<String, String>,
}

/// The serialized shape of an event, owned for reading.
#[derive(Deserialize)]
#[serde(
    deny_unknown_fields,
    expecting = "an incident or maintenance object",
    bound = "S: Lifecycle + Deserialize<'de>"
)]
pub(crate) struct EventWire<S> {
    id: EventId,
    name: String,
    impact: Impact,
    #[serde(default)]
    components: Vec<Component>,
    #[serde(default, deserialize_with = "crate::time::serde::started_at")]
    started_at: Option<DateTime<Utc>>,
    #[serde(default, deserialize_with = "crate::time::serde::declared_end")]
    declared_end: Option<DateTime<Utc>>,
    #[serde(deserialize_with = "crate::time::serde::created_at")]
    created_at: DateTime<Utc>,
    #[serde(default)]
    schedule: Option<Schedule>,
    #[serde(default)]
    policy: Option<Policy<S>>,
    updates: Vec<Update<S>>,
    #[serde(default)]
    labels: BTreeMap<String, String>,
}

impl<S: Lifecycle> EventWire<S> {
    pub(crate) fn into_event(self) -> Result<Event<S>, crate::ValidationError<S>> {
        let parts = EventParts {
            id: self.id,
            name: self.name,
            impact: self.impact,
            components: self.components,
            started_at: self.started_at,
            declared_end: self.declared_end,
            created_at: self.created_at,
            schedule: self.schedule,
            updates: self.updates,
            labels: self.labels,
        };
        Event::from_parts(parts, self.policy.unwrap_or_default())
    }
}

impl<S: Lifecycle + Serialize> Serialize for Event<S> {
    fn serialize<Ser: Serializer>(&self, serializer: Ser) -> Result<Ser::Ok, Ser::Error> {
        EventRef {
            id: self.id(),
            name: self.name(),
            impact: self.impact(),
            components: self.components(),
            started_at: self.started_at(),
            declared_end: self.declared_end(),
            created_at: self.created_at(),
            schedule: self.schedule(),
            policy: self.policy(),
            updates: self.updates(),
            labels: self.labels(),
        }
        .serialize(serializer)
    }
}

impl<'de, S: Lifecycle + Deserialize<'de>> Deserialize<'de> for Event<S> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        EventWire::deserialize(deserializer)?
            .into_event()
            .map_err(de::Error::custom)
    }
}

/// A custom policy table as serialized.
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Table<S> {
    first: Vec<S>,
    moves: Vec<(S, S)>,
}

impl<S: Lifecycle + Serialize> Serialize for Policy<S> {
    fn serialize<Ser: Serializer>(&self, serializer: Ser) -> Result<Ser::Ok, Ser::Error> {
        match self.preset() {
            None => Table {
                first: self.first_statuses().collect(),
                moves: self.moves().collect(),
            }
            .serialize(serializer),
            Some(preset) => serializer.serialize_str(preset.as_str()),
        }
    }
}

impl<'de, S: Lifecycle + Deserialize<'de>> Deserialize<'de> for Policy<S> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct PolicyVisitor<S>(PhantomData<S>);

        impl<'de, S: Lifecycle + Deserialize<'de>> Visitor<'de> for PolicyVisitor<S> {
            type Value = Policy<S>;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(
                    "a policy: \"standard\", \"strict\", \"permissive\" or a {first, moves} table",
                )
            }

            fn visit_str<E: de::Error>(self, name: &str) -> Result<Policy<S>, E> {
                name.parse::<Preset>().map(Policy::from).map_err(|_| {
                    E::custom(format_args!(
                        "unknown policy {name:?}: expected standard, strict, permissive or a {{first, moves}} table"
                    ))
                })
            }

            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Policy<S>, A::Error> {
                let table = Table::<S>::deserialize(de::value::MapAccessDeserializer::new(map))?;
                Ok(Policy::from_table(&table.first, &table.moves))
            }
        }

        deserializer.deserialize_any(PolicyVisitor(PhantomData))
    }
}

#[cfg(feature = "json")]
mod json {
    use super::EventWire;
    use crate::event::Event;
    use crate::formats::own::FormatError;
    use crate::policy::Lifecycle;

    impl<S: Lifecycle + serde::Serialize + serde::de::DeserializeOwned> Event<S> {
        /// Reads an event from the crate's own JSON format, with a typed error.
        ///
        /// # Errors
        ///
        /// [`FormatError::Syntax`] for JSON that does not parse or has the wrong
        /// shape (with line and column), [`FormatError::Invalid`] for data the
        /// constructors refuse (the very [`ValidationError`](crate::ValidationError)
        /// the builder gives).
        ///
        /// # Example
        ///
        /// ```
        /// use incident_model::{FormatError, Incident, ValidationError};
        /// let json = r#"{"id": "inc-1", "name": "x", "impact": "none",
        ///                "created_at": "2020-03-16T14:28:00Z", "updates": []}"#;
        /// let err = Incident::from_json(json).unwrap_err();
        /// assert!(matches!(err, FormatError::Invalid(ValidationError::NoUpdates { .. })));
        /// ```
        pub fn from_json(json: &str) -> Result<Self, FormatError<S>> {
            let wire: EventWire<S> =
                serde_json::from_str(json).map_err(|err| FormatError::from_json(&err))?;
            wire.into_event().map_err(FormatError::Invalid)
        }

        /// Writes the event in the crate's own JSON format (pretty-printed).
        ///
        /// # Example
        ///
        /// ```
        /// use chrono::{TimeZone, Utc};
        /// use incident_model::{Incident, IncidentStatus, Update};
        /// let incident = Incident::builder("x").update(Update::new(IncidentStatus::Investigating, Utc.timestamp_opt(1_584_368_880, 0).unwrap())).build()?;
        /// assert_eq!(Incident::from_json(&incident.to_json())?, incident);
        /// # Ok::<(), Box<dyn std::error::Error>>(())
        /// ```
        #[must_use]
        pub fn to_json(&self) -> String {
            // Serializing the model into a String cannot fail: every key is a
            // string and every value serializes.
            serde_json::to_string_pretty(self).unwrap_or_default()
        }
    }
}
