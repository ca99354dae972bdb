//! The four status vocabularies: incident status, maintenance status, impact and
//! component status; and a status of either lifecycle ([`AnyStatus`]).
//!
//! Every enum here is `Copy`, `Eq`, `Hash`, `Debug`, ordered where an order means
//! something, prints and parses its Statuspage wire name (`Display`/`FromStr`,
//! serde with the `serde` feature), and lists its values in a `const ALL`.
//!
//! None of the four is `#[non_exhaustive]`: each is a fixed vocabulary that a
//! `match` should cover without a `_` arm (a colour for each component status,
//! a sentence for each incident status), and adding a value would change the
//! transition tables, the typed states, the weights or the calculated impact
//! built on it: a breaking release either way. Each type says why in its docs.

use core::fmt;
use core::str::FromStr;

use thiserror::Error;

/// Declares a wire-named enum with `ALL`, `as_str`, `Display`, `FromStr` and serde.
///
/// `FromStr` and serde go through the same match, so a bad value gets the same
/// [`ParseStatusError`] from both.
macro_rules! wire_enum {
    (
        $(#[$meta:meta])*
        $name:ident, $what:literal, $example:literal {
            $( $(#[$vmeta:meta])* $variant:ident => $wire:literal ($label:literal), )+
        }
    ) => {
        $(#[$meta])*
        #[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Debug)]
        pub enum $name {
            $( $(#[$vmeta])* $variant, )+
        }

        impl $name {
            #[doc = concat!("Every ", $what, ", in order.")]
            ///
            /// # Example
            ///
            /// ```
            #[doc = concat!("use incident_model::", stringify!($name), ";")]
            #[doc = concat!("assert!(", stringify!($name), "::ALL.windows(2).all(|w| w[0] < w[1]));")]
            /// ```
            pub const ALL: &'static [$name] = &[ $( $name::$variant, )+ ];

            /// The wire name, as Statuspage spells it (snake_case).
            ///
            /// # Example
            ///
            /// ```
            #[doc = concat!("use incident_model::", stringify!($name), ";")]
            #[doc = concat!("let value: ", stringify!($name), " = \"", $example, "\".parse().unwrap();")]
            #[doc = concat!("assert_eq!(value.as_str(), \"", $example, "\");")]
            /// ```
            #[must_use]
            pub const fn as_str(self) -> &'static str {
                match self {
                    $( $name::$variant => $wire, )+
                }
            }

            /// The human label, as status pages show it (`Degraded Performance`,
            /// `In progress`); [`Display`](fmt::Display) prints the wire name.
            ///
            /// # Example
            ///
            /// ```
            #[doc = concat!("use incident_model::", stringify!($name), ";")]
            #[doc = concat!("for value in ", stringify!($name), "::ALL {")]
            ///     assert!(value.label().starts_with(|c: char| c.is_ascii_uppercase()));
            /// }
            /// ```
            #[must_use]
            pub const fn label(self) -> &'static str {
                match self {
                    $( $name::$variant => $label, )+
                }
            }

            /// Position of this value in [`Self::ALL`].
            #[allow(dead_code)] // used for the lifecycles only
            pub(crate) const fn index(self) -> usize {
                self as usize
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.pad(self.as_str())
            }
        }

        impl FromStr for $name {
            type Err = ParseStatusError;

            fn from_str(s: &str) -> Result<Self, Self::Err> {
                match s {
                    $( $wire => Ok($name::$variant), )+
                    _ => Err(ParseStatusError::new($what, s, &[ $( $wire, )+ ])),
                }
            }
        }

        #[cfg(feature = "serde")]
        impl serde::Serialize for $name {
            fn serialize<Ser: serde::Serializer>(&self, serializer: Ser) -> Result<Ser::Ok, Ser::Error> {
                serializer.serialize_str(self.as_str())
            }
        }

        #[cfg(feature = "serde")]
        impl<'de> serde::Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                struct Visitor;
                impl serde::de::Visitor<'_> for Visitor {
                    type Value = $name;
                    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                        f.write_str(concat!("a string (", $what, ")"))
                    }
                    fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<$name, E> {
                        v.parse().map_err(E::custom)
                    }
                }
                deserializer.deserialize_str(Visitor)
            }
        }
    };
}

wire_enum! {
    /// The status of an incident, in lifecycle order.
    ///
    /// The first three are *open*; `resolved` and `postmortem` are *closed*. The
    /// order is the lifecycle's: `Investigating < Identified < Monitoring < Resolved
    /// < Postmortem`.
    ///
    /// Exhaustive (not `#[non_exhaustive]`): Statuspage's five statuses are the
    /// lifecycle; the transition table and the typed states are built over them,
    /// so a sixth would be a breaking change anyway.
    ///
    /// # Example
    ///
    /// ```
    /// # use incident_model::IncidentStatus;
    /// let status: IncidentStatus = "monitoring".parse()?;
    /// assert!(status.is_open());
    /// assert!(status > IncidentStatus::Identified);
    /// assert_eq!(status.to_string(), "monitoring");
    /// # Ok::<(), incident_model::ParseStatusError>(())
    /// ```
    IncidentStatus, "incident status", "identified" {
        /// The cause is being looked for.
        Investigating => "investigating" ("Investigating"),
        /// The cause is known.
        Identified => "identified" ("Identified"),
        /// A fix is in place and being watched.
        Monitoring => "monitoring" ("Monitoring"),
        /// The incident is over.
        Resolved => "resolved" ("Resolved"),
        /// A postmortem was published for the resolved incident.
        Postmortem => "postmortem" ("Postmortem"),
    }
}

impl IncidentStatus {
    /// Whether the incident is still open (investigating, identified or monitoring).
    ///
    /// # Example
    ///
    /// ```
    /// # use incident_model::IncidentStatus;
    /// assert!(IncidentStatus::Investigating.is_open());
    /// assert!(!IncidentStatus::Postmortem.is_open());
    /// ```
    #[must_use]
    pub const fn is_open(self) -> bool {
        matches!(
            self,
            IncidentStatus::Investigating | IncidentStatus::Identified | IncidentStatus::Monitoring
        )
    }
}

wire_enum! {
    /// The status of a scheduled maintenance, in lifecycle order.
    ///
    /// `scheduled`, `in_progress` and `verifying` are *open*; `completed` is
    /// *closed*.
    ///
    /// Exhaustive (not `#[non_exhaustive]`): the maintenance lifecycle, with its
    /// transition table and typed states built over these four.
    ///
    /// # Example
    ///
    /// ```
    /// # use incident_model::MaintenanceStatus;
    /// let status: MaintenanceStatus = "in_progress".parse()?;
    /// assert!(status.is_open());
    /// assert!(MaintenanceStatus::Completed > status);
    /// # Ok::<(), incident_model::ParseStatusError>(())
    /// ```
    MaintenanceStatus, "maintenance status", "in_progress" {
        /// Announced, not started.
        Scheduled => "scheduled" ("Scheduled"),
        /// The work is under way.
        InProgress => "in_progress" ("In progress"),
        /// The work is done and being checked.
        Verifying => "verifying" ("Verifying"),
        /// The maintenance is over.
        Completed => "completed" ("Completed"),
    }
}

impl MaintenanceStatus {
    /// Whether the maintenance is still open (anything but completed).
    ///
    /// # Example
    ///
    /// ```
    /// # use incident_model::MaintenanceStatus;
    /// assert!(MaintenanceStatus::Verifying.is_open());
    /// assert!(!MaintenanceStatus::Completed.is_open());
    /// ```
    #[must_use]
    pub const fn is_open(self) -> bool {
        !matches!(self, MaintenanceStatus::Completed)
    }
}

wire_enum! {
    /// The impact of an incident, ordered by severity.
    ///
    /// `maintenance` is the impact Statuspage gives scheduled maintenances; it ranks
    /// above `none` and below `minor`, so the order is
    /// `None < Maintenance < Minor < Major < Critical`.
    ///
    /// Exhaustive (not `#[non_exhaustive]`): Statuspage's scale; the calculated
    /// impact ([`Impact::calculated`]) maps onto exactly these levels.
    ///
    /// # Example
    ///
    /// ```
    /// # use incident_model::Impact;
    /// let impact: Impact = "major".parse()?;
    /// assert!(impact > Impact::Minor && impact < Impact::Critical);
    /// # Ok::<(), incident_model::ParseStatusError>(())
    /// ```
    Impact, "impact", "critical" {
        /// No visible impact.
        None => "none" ("None"),
        /// The impact of a scheduled maintenance.
        Maintenance => "maintenance" ("Maintenance"),
        /// Minor impact (degraded performance).
        Minor => "minor" ("Minor"),
        /// Major impact (partial outage).
        Major => "major" ("Major"),
        /// Critical impact (major outage).
        Critical => "critical" ("Critical"),
    }
}

impl Impact {
    /// The impact Statuspage calculates from the worst affected component status:
    /// `major_outage` gives `critical`, `partial_outage` gives `major`,
    /// `degraded_performance` gives `minor`, anything else gives `none`.
    ///
    /// # Example
    ///
    /// ```
    /// # use incident_model::{ComponentStatus, Impact};
    /// assert_eq!(Impact::from_component_status(ComponentStatus::PartialOutage), Impact::Major);
    /// assert_eq!(Impact::from_component_status(ComponentStatus::UnderMaintenance), Impact::None);
    /// ```
    #[must_use]
    pub const fn from_component_status(status: ComponentStatus) -> Impact {
        match status {
            ComponentStatus::MajorOutage => Impact::Critical,
            ComponentStatus::PartialOutage => Impact::Major,
            ComponentStatus::DegradedPerformance => Impact::Minor,
            ComponentStatus::Operational | ComponentStatus::UnderMaintenance => Impact::None,
        }
    }

    /// Statuspage's calculated impact: an explicit `impact_override` wins when
    /// present; otherwise the impact of the worst of the affected component
    /// statuses ([`Impact::from_component_status`]), `none` when there are none.
    ///
    /// # Example
    ///
    /// ```
    /// # use incident_model::{ComponentStatus, Impact};
    /// # use ComponentStatus::*;
    /// assert_eq!(Impact::calculated(None, [DegradedPerformance, MajorOutage]), Impact::Critical);
    /// assert_eq!(Impact::calculated(Some(Impact::Minor), [MajorOutage]), Impact::Minor);
    /// assert_eq!(Impact::calculated(None, []), Impact::None);
    /// ```
    #[must_use]
    pub fn calculated(
        impact_override: Option<Impact>,
        affected: impl IntoIterator<Item = ComponentStatus>,
    ) -> Impact {
        impact_override.unwrap_or_else(|| {
            affected
                .into_iter()
                .max()
                .map_or(Impact::None, Impact::from_component_status)
        })
    }
}

wire_enum! {
    /// The status of a component (an API, a website), ordered by severity.
    ///
    /// The order is `Operational < UnderMaintenance < DegradedPerformance <
    /// PartialOutage < MajorOutage`: a component under maintenance is worse off than
    /// an operational one but better than a degraded one, as Statuspage ranks them.
    ///
    /// Exhaustive (not `#[non_exhaustive]`): Statuspage's five, onto which every
    /// other platform's vocabulary is mapped; uptime weights, colours and labels
    /// are given for each, and a `match` over them needs no `_` arm:
    ///
    /// ```
    /// use incident_model::ComponentStatus::{self, *};
    /// fn colour(status: ComponentStatus) -> &'static str {
    ///     match status {
    ///         Operational => "green",
    ///         UnderMaintenance => "blue",
    ///         DegradedPerformance => "yellow",
    ///         PartialOutage => "orange",
    ///         MajorOutage => "red",
    ///     }
    /// }
    /// assert_eq!(colour(PartialOutage), "orange");
    /// ```
    ///
    /// # Example
    ///
    /// ```
    /// # use incident_model::ComponentStatus;
    /// let worst = ["degraded_performance", "major_outage", "operational"]
    ///     .iter()
    ///     .map(|s| s.parse::<ComponentStatus>())
    ///     .collect::<Result<Vec<_>, _>>()?
    ///     .into_iter()
    ///     .max();
    /// assert_eq!(worst, Some(ComponentStatus::MajorOutage));
    /// # Ok::<(), incident_model::ParseStatusError>(())
    /// ```
    ComponentStatus, "component status", "partial_outage" {
        /// Working normally.
        Operational => "operational" ("Operational"),
        /// Taken down or limited on purpose for a maintenance.
        UnderMaintenance => "under_maintenance" ("Under Maintenance"),
        /// Working, but slowly.
        DegradedPerformance => "degraded_performance" ("Degraded Performance"),
        /// Some of it does not work.
        PartialOutage => "partial_outage" ("Partial Outage"),
        /// None of it works.
        MajorOutage => "major_outage" ("Major Outage"),
    }
}

/// A status of either lifecycle: an incident's or a maintenance's, for lists
/// that mix both (see [`AnyEvent`](crate::AnyEvent)).
///
/// It prints and parses the wire name of the status it holds (`Display`,
/// `FromStr`, serde with the `serde` feature); the two vocabularies share no
/// wire name, so a name parses back to the lifecycle it came from.
///
/// Exhaustive (not `#[non_exhaustive]`): there are two lifecycles.
///
/// # Example
///
/// ```
/// use incident_model::{AnyStatus, IncidentStatus, MaintenanceStatus};
/// let status = AnyStatus::from(MaintenanceStatus::InProgress);
/// assert_eq!(status.to_string(), "in_progress");
/// assert_eq!("in_progress".parse::<AnyStatus>()?, status);
/// assert_eq!("monitoring".parse::<AnyStatus>()?, AnyStatus::Incident(IncidentStatus::Monitoring));
/// assert!(status.is_open());
/// # Ok::<(), incident_model::ParseStatusError>(())
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub enum AnyStatus {
    /// An incident's status.
    Incident(IncidentStatus),
    /// A maintenance's status.
    Maintenance(MaintenanceStatus),
}

/// The wire names of both lifecycles, incidents first: what
/// [`AnyStatus::from_str`] expects.
const ANY_STATUS_NAMES: &[&str] = &[
    "investigating",
    "identified",
    "monitoring",
    "resolved",
    "postmortem",
    "scheduled",
    "in_progress",
    "verifying",
    "completed",
];

impl AnyStatus {
    /// The wire name of the status held.
    ///
    /// # Example
    ///
    /// ```
    /// # use incident_model::{AnyStatus, IncidentStatus};
    /// assert_eq!(AnyStatus::from(IncidentStatus::Postmortem).as_str(), "postmortem");
    /// ```
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            AnyStatus::Incident(status) => status.as_str(),
            AnyStatus::Maintenance(status) => status.as_str(),
        }
    }

    /// The human label of the status held (`In progress`).
    ///
    /// # Example
    ///
    /// ```
    /// # use incident_model::{AnyStatus, MaintenanceStatus};
    /// assert_eq!(AnyStatus::from(MaintenanceStatus::InProgress).label(), "In progress");
    /// ```
    #[must_use]
    pub const fn label(self) -> &'static str {
        match self {
            AnyStatus::Incident(status) => status.label(),
            AnyStatus::Maintenance(status) => status.label(),
        }
    }

    /// Whether the status is an open one of its lifecycle.
    ///
    /// # Example
    ///
    /// ```
    /// # use incident_model::{AnyStatus, MaintenanceStatus};
    /// assert!(!AnyStatus::from(MaintenanceStatus::Completed).is_open());
    /// ```
    #[must_use]
    pub const fn is_open(self) -> bool {
        match self {
            AnyStatus::Incident(status) => status.is_open(),
            AnyStatus::Maintenance(status) => status.is_open(),
        }
    }
}

impl From<IncidentStatus> for AnyStatus {
    fn from(status: IncidentStatus) -> Self {
        AnyStatus::Incident(status)
    }
}

impl From<MaintenanceStatus> for AnyStatus {
    fn from(status: MaintenanceStatus) -> Self {
        AnyStatus::Maintenance(status)
    }
}

impl fmt::Display for AnyStatus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.as_str())
    }
}

impl FromStr for AnyStatus {
    type Err = ParseStatusError;

    /// An incident status, else a maintenance status; the error names every
    /// status of both.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        s.parse()
            .map(AnyStatus::Incident)
            .or_else(|_| s.parse().map(AnyStatus::Maintenance))
            .map_err(|_| ParseStatusError::new("status", s, ANY_STATUS_NAMES))
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for AnyStatus {
    fn serialize<Ser: serde::Serializer>(&self, serializer: Ser) -> Result<Ser::Ok, Ser::Error> {
        serializer.serialize_str(self.as_str())
    }
}

#[cfg(feature = "serde")]
impl<'de> serde::Deserialize<'de> for AnyStatus {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let name = String::deserialize(deserializer)?;
        name.parse().map_err(serde::de::Error::custom)
    }
}

/// A status, impact or component status string that no value has.
///
/// # Example
///
/// ```
/// use incident_model::IncidentStatus;
/// let err = "fixed".parse::<IncidentStatus>().unwrap_err();
/// assert_eq!(
///     err.to_string(),
///     "unknown incident status \"fixed\": expected one of investigating, identified, monitoring, resolved, postmortem"
/// );
/// ```
#[derive(Clone, PartialEq, Eq, Debug, Error)]
#[error("unknown {what} {value:?}: expected one of {}", expected.join(", "))]
#[non_exhaustive]
pub struct ParseStatusError {
    /// What was being parsed: `"incident status"`, `"impact"`, ...
    pub what: &'static str,
    /// The string that was given.
    pub value: String,
    /// The wire names that would have been accepted.
    pub expected: &'static [&'static str],
}

impl ParseStatusError {
    pub(crate) fn new(what: &'static str, value: &str, expected: &'static [&'static str]) -> Self {
        ParseStatusError {
            what,
            value: value.to_owned(),
            expected,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn round_trip<T>(all: &[T])
    where
        T: Copy + fmt::Display + FromStr + PartialEq + fmt::Debug,
        T::Err: fmt::Debug,
    {
        for value in all {
            let text = value.to_string();
            assert_eq!(text.parse::<T>().unwrap(), *value, "{text}");
        }
    }

    #[test]
    fn every_value_round_trips_through_its_wire_name() {
        round_trip(IncidentStatus::ALL);
        round_trip(MaintenanceStatus::ALL);
        round_trip(Impact::ALL);
        round_trip(ComponentStatus::ALL);
    }

    #[test]
    fn index_is_the_position_in_all() {
        for (i, s) in IncidentStatus::ALL.iter().enumerate() {
            assert_eq!(s.index(), i);
        }
        for (i, s) in MaintenanceStatus::ALL.iter().enumerate() {
            assert_eq!(s.index(), i);
        }
    }

    #[test]
    fn any_status_names_are_both_vocabularies() {
        let both: Vec<&str> = IncidentStatus::ALL
            .iter()
            .map(|s| s.as_str())
            .chain(MaintenanceStatus::ALL.iter().map(|s| s.as_str()))
            .collect();
        assert_eq!(ANY_STATUS_NAMES, both.as_slice());
        for name in both {
            assert_eq!(name.parse::<AnyStatus>().unwrap().as_str(), name);
        }
    }

    #[test]
    fn labels_are_the_pages_words() {
        assert_eq!(
            ComponentStatus::DegradedPerformance.label(),
            "Degraded Performance"
        );
        assert_eq!(
            ComponentStatus::UnderMaintenance.label(),
            "Under Maintenance"
        );
        assert_eq!(MaintenanceStatus::InProgress.label(), "In progress");
        assert_eq!(IncidentStatus::Postmortem.label(), "Postmortem");
        assert_eq!(Impact::Critical.label(), "Critical");
    }

    #[test]
    fn display_honours_width() {
        assert_eq!(format!("{:>10}", Impact::Major), "     major");
    }
}
