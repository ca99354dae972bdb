//! Ids: [`EventId`], [`UpdateId`] and [`ComponentId`].
//!
//! Ids are newtypes over shared strings (`Arc<str>`): a clone (into an anomaly,
//! a change, a table row) copies a pointer, not the text. Ids from elsewhere (Statuspage's 12-character
//! ids, incident.io's ULIDs, anything else that is not empty) are kept exactly as
//! they are; ids the crate mints are UUID v7 (time ordered) strings.

use core::fmt;
use core::str::FromStr;
use std::sync::Arc;

use chrono::{DateTime, Utc};

use thiserror::Error;

macro_rules! id_type {
    ($(#[$meta:meta])* $name:ident, $what:literal, $example:literal) => {
        $(#[$meta])*
        #[derive(Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
        #[cfg_attr(feature = "serde", derive(serde::Deserialize))]
        #[cfg_attr(feature = "serde", serde(try_from = "String"))]
        pub struct $name(Arc<str>);

        #[cfg(feature = "serde")]
        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(&self.0)
            }
        }

        impl $name {
            #[doc = concat!("Wraps a ", $what, " from elsewhere, kept exactly as it is.")]
            ///
            /// # Errors
            ///
            /// [`IdError`] if the id is empty.
            ///
            /// # Example
            ///
            /// ```
            #[doc = concat!("use incident_model::", stringify!($name), ";")]
            #[doc = concat!("let id = ", stringify!($name), "::new(\"", $example, "\")?;")]
            #[doc = concat!("assert_eq!(id.as_str(), \"", $example, "\");")]
            #[doc = concat!("assert!(", stringify!($name), "::new(\"\").is_err());")]
            /// # Ok::<(), incident_model::IdError>(())
            /// ```
            pub fn new(id: impl Into<String>) -> Result<Self, IdError> {
                let id = id.into();
                if id.is_empty() {
                    return Err(IdError::Empty { what: $what });
                }
                Ok($name(Arc::from(id)))
            }

            #[doc = concat!("Mints a new ", $what, ": a UUID v7 whose time part is `at`.")]
            ///
            /// The crate never reads the clock: pass the creation time of the thing
            /// the id names. Ids minted for later times sort after ids minted for
            /// earlier ones.
            ///
            /// # Example
            ///
            /// ```
            #[doc = concat!("use incident_model::", stringify!($name), ";")]
            /// # use chrono::{TimeZone, Utc};
            /// # let at = Utc.with_ymd_and_hms(2020, 3, 16, 14, 28, 0).unwrap();
            #[doc = concat!("let (a, b) = (", stringify!($name), "::mint(at), ", stringify!($name), "::mint(at + chrono::Duration::seconds(1)));")]
            /// assert!(a < b);
            /// assert_eq!(a.as_str().len(), 36);
            /// ```
            #[must_use]
            pub fn mint(at: DateTime<Utc>) -> Self {
                $name(Arc::from(mint_uuid_v7(at)))
            }

            #[doc = concat!("A deterministic ", $what, ": a UUID v7 whose time part is `at` and")]
            /// whose other bits are a hash of `content` (FNV-1a, stable across
            /// releases and platforms). The same time and content always give the
            /// same id, so values built twice the same way are equal and their
            /// JSON does not change from run to run (snapshot tests).
            ///
            /// The builder derives the ids it fills in this way (see
            /// [`EventBuilder`](crate::EventBuilder)); [`mint`](Self::mint) is the
            /// random form.
            ///
            /// # Example
            ///
            /// ```
            #[doc = concat!("use incident_model::", stringify!($name), ";")]
            /// # use chrono::{TimeZone, Utc};
            /// # let at = Utc.with_ymd_and_hms(2020, 3, 16, 14, 28, 0).unwrap();
            #[doc = concat!("let a = ", stringify!($name), "::derived(at, \"Slow page loads\");")]
            #[doc = concat!("assert_eq!(a, ", stringify!($name), "::derived(at, \"Slow page loads\"));")]
            #[doc = concat!("assert_ne!(a, ", stringify!($name), "::derived(at, \"Slow logins\"));")]
            /// assert_eq!(a.as_str().len(), 36);
            /// ```
            #[must_use]
            pub fn derived(at: DateTime<Utc>, content: &str) -> Self {
                $name(Arc::from(derived_uuid_v7(at, content)))
            }

            /// The id as a string.
            ///
            /// # Example
            ///
            /// ```
            #[doc = concat!("use incident_model::", stringify!($name), ";")]
            #[doc = concat!("assert_eq!(", stringify!($name), "::new(\"", $example, "\")?.as_str(), \"", $example, "\");")]
            /// # Ok::<(), incident_model::IdError>(())
            /// ```
            #[must_use]
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.pad(&self.0)
            }
        }

        impl fmt::Debug for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                fmt::Debug::fmt(&*self.0, f)
            }
        }

        impl FromStr for $name {
            type Err = IdError;
            fn from_str(s: &str) -> Result<Self, IdError> {
                $name::new(s)
            }
        }

        impl TryFrom<String> for $name {
            type Error = IdError;
            fn try_from(s: String) -> Result<Self, IdError> {
                $name::new(s)
            }
        }

        impl TryFrom<&str> for $name {
            type Error = IdError;
            fn try_from(s: &str) -> Result<Self, IdError> {
                $name::new(s)
            }
        }

        impl From<$name> for String {
            fn from(id: $name) -> String {
                String::from(&*id.0)
            }
        }

        /// Looks ids up by their text in sets and maps (`HashSet<Id>::contains("...")`).
        impl core::borrow::Borrow<str> for $name {
            fn borrow(&self) -> &str {
                &self.0
            }
        }

        impl AsRef<str> for $name {
            fn as_ref(&self) -> &str {
                &self.0
            }
        }

        impl PartialEq<str> for $name {
            fn eq(&self, other: &str) -> bool {
                &*self.0 == other
            }
        }

        impl PartialEq<&str> for $name {
            fn eq(&self, other: &&str) -> bool {
                &*self.0 == *other
            }
        }
    };
}

/// A UUID v7 string for the given time; the random part comes from `uuid`'s
/// generator.
fn mint_uuid_v7(at: DateTime<Utc>) -> String {
    // Times before 1970 have no v7 representation: clamp them to the epoch.
    let seconds = u64::try_from(at.timestamp()).unwrap_or(0);
    let timestamp =
        uuid::Timestamp::from_unix(uuid::NoContext, seconds, at.timestamp_subsec_nanos());
    uuid::Uuid::new_v7(timestamp).hyphenated().to_string()
}

/// A UUID v7 string for the given time whose other bits are a hash of
/// `content`: two 64-bit FNV-1a hashes (different offset bases), stable across
/// releases and platforms, unlike `std`'s hasher.
fn derived_uuid_v7(at: DateTime<Utc>, content: &str) -> String {
    const PRIME: u64 = 0x0000_0100_0000_01b3;
    let fnv = |basis: u64| {
        content.bytes().fold(basis, |hash, byte| {
            (hash ^ u64::from(byte)).wrapping_mul(PRIME)
        })
    };
    let (high, low) = (fnv(0xcbf2_9ce4_8422_2325), fnv(0x6c62_272e_07bb_0142));
    let mut bits = [0u8; 10];
    let hash = high
        .to_be_bytes()
        .into_iter()
        .take(2)
        .chain(low.to_be_bytes());
    for (slot, byte) in bits.iter_mut().zip(hash) {
        *slot = byte;
    }
    // Times before 1970 have no v7 representation: clamp them to the epoch.
    let millis = u64::try_from(at.timestamp_millis()).unwrap_or(0);
    uuid::Builder::from_unix_timestamp_millis(millis, &bits)
        .into_uuid()
        .hyphenated()
        .to_string()
}

id_type! {
    /// The id of an incident or a maintenance.
    ///
    /// # Example
    ///
    /// ```
    /// # use incident_model::EventId;
    /// let id: EventId = "x9mb3wh2r6nr".parse()?;
    /// assert_eq!(id.to_string(), "x9mb3wh2r6nr");
    /// # Ok::<(), incident_model::IdError>(())
    /// ```
    EventId, "event id", "x9mb3wh2r6nr"
}

id_type! {
    /// The id of an update of an incident or a maintenance.
    ///
    /// # Example
    ///
    /// ```
    /// # use incident_model::UpdateId;
    /// let id = UpdateId::new("01HZX3J5K8Q2W7N4R9T6Y1V0BC")?; // an incident.io ULID, kept as is
    /// assert_eq!(id.as_str().len(), 26);
    /// # Ok::<(), incident_model::IdError>(())
    /// ```
    UpdateId, "update id", "qcxl1v4dmfx8"
}

id_type! {
    /// The id of a component (or of a component group).
    ///
    /// # Example
    ///
    /// ```
    /// # use incident_model::ComponentId;
    /// let id = ComponentId::new("8l4ygp009s5s")?;
    /// assert_eq!(id, "8l4ygp009s5s");
    /// # Ok::<(), incident_model::IdError>(())
    /// ```
    ComponentId, "component id", "8l4ygp009s5s"
}

/// An id that cannot be used.
///
/// # Example
///
/// ```
/// use incident_model::{IdError, UpdateId};
/// let err = UpdateId::new("").unwrap_err();
/// assert_eq!(err, IdError::Empty { what: "update id" });
/// assert_eq!(err.to_string(), "empty update id: an id must have at least one character");
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Debug, Error)]
#[non_exhaustive]
pub enum IdError {
    /// The id is the empty string.
    #[error("empty {what}: an id must have at least one character")]
    Empty {
        /// Which kind of id: `"event id"`, `"update id"`, `"component id"`.
        what: &'static str,
    },
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn minted_ids_are_uuid_v7_with_the_given_time() {
        let at = Utc.with_ymd_and_hms(2020, 3, 16, 14, 28, 0).unwrap();
        let id = EventId::mint(at);
        let uuid = uuid::Uuid::parse_str(id.as_str()).unwrap();
        assert_eq!(uuid.get_version_num(), 7);
        let (secs, _) = uuid.get_timestamp().unwrap().to_unix();
        assert_eq!(i64::try_from(secs).unwrap(), at.timestamp());
    }

    #[test]
    fn minting_before_the_epoch_does_not_panic() {
        let at = Utc.with_ymd_and_hms(1900, 1, 1, 0, 0, 0).unwrap();
        assert_eq!(UpdateId::mint(at).as_str().len(), 36);
    }
}
