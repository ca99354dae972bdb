//! Uptime rules: the weight of each component status, and how time under
//! scheduled maintenance counts. Every [`Uptime`](super::Uptime) carries the
//! rule that made it.

use core::fmt;

use super::Weights;
use crate::status::ComponentStatus;

/// How time under maintenance (a component `under_maintenance`) counts in an
/// uptime figure.
///
/// # Example
///
/// ```
/// use incident_model::uptime::{MaintenanceWindows, UptimeRule};
/// assert_eq!(UptimeRule::statuspage().maintenance_windows(), MaintenanceWindows::CountAsUp);
/// assert_eq!(UptimeRule::agreed_service_time().maintenance_windows(), MaintenanceWindows::Excluded);
/// assert_eq!(MaintenanceWindows::Excluded.to_string(), "maintenance windows removed from the window");
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum MaintenanceWindows {
    /// Weighed like any other status (`under_maintenance` weighs 0 in every
    /// preset, so it counts as up).
    #[default]
    CountAsUp,
    /// Removed from the window: neither up nor down (ITIL's agreed service
    /// time). A moment under maintenance is removed even when another event
    /// reports an outage at the same moment.
    Excluded,
}

impl fmt::Display for MaintenanceWindows {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            MaintenanceWindows::CountAsUp => "maintenance windows count as up",
            MaintenanceWindows::Excluded => "maintenance windows removed from the window",
        })
    }
}

/// The named uptime rules, as DESIGN's table and the platforms define them.
///
/// | rule | major | partial | degraded | maintenance windows |
/// |---|---|---|---|---|
/// | `statuspage` (default) | 1.0 | 0.3 | 0 | count as up |
/// | `incident_io` | 1.0 | 1.0 | 0 | count as up |
/// | `openstatus` | 1.0 | 0.5 | 0 | count as up |
/// | `agreed_service_time` (ITIL) | 1.0 | 0.3 | 0 | removed from the window |
///
/// # Example
///
/// ```
/// use incident_model::uptime::{UptimePreset, UptimeRule};
/// assert_eq!(UptimePreset::IncidentIo.as_str(), "incident_io");
/// assert_eq!(UptimePreset::AgreedServiceTime.rule(), UptimeRule::agreed_service_time());
/// assert_eq!(UptimePreset::ALL.len(), 4);
/// ```
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Debug)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum UptimePreset {
    /// Statuspage's: partial outages weigh 0.3. The default.
    Statuspage,
    /// incident.io's: partial outages weigh 1.0.
    IncidentIo,
    /// OpenStatus's: partial outages weigh 0.5.
    #[cfg_attr(feature = "serde", serde(rename = "openstatus"))]
    OpenStatus,
    /// ITIL's agreed service time: Statuspage's weights, maintenance windows
    /// removed from the window.
    AgreedServiceTime,
}

impl UptimePreset {
    /// Every preset.
    pub const ALL: &'static [UptimePreset] = &[
        UptimePreset::Statuspage,
        UptimePreset::IncidentIo,
        UptimePreset::OpenStatus,
        UptimePreset::AgreedServiceTime,
    ];

    /// The preset's name: `statuspage`, `incident_io`, `openstatus`,
    /// `agreed_service_time`.
    ///
    /// # Example
    ///
    /// See [`UptimePreset`].
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            UptimePreset::Statuspage => "statuspage",
            UptimePreset::IncidentIo => "incident_io",
            UptimePreset::OpenStatus => "openstatus",
            UptimePreset::AgreedServiceTime => "agreed_service_time",
        }
    }

    /// The preset's rule.
    ///
    /// # Example
    ///
    /// See [`UptimePreset`].
    #[must_use]
    pub const fn rule(self) -> UptimeRule {
        let (weights, maintenance) = match self {
            UptimePreset::Statuspage => (Weights::statuspage(), MaintenanceWindows::CountAsUp),
            UptimePreset::IncidentIo => (Weights::incident_io(), MaintenanceWindows::CountAsUp),
            UptimePreset::OpenStatus => (Weights::openstatus(), MaintenanceWindows::CountAsUp),
            UptimePreset::AgreedServiceTime => {
                (Weights::statuspage(), MaintenanceWindows::Excluded)
            }
        };
        UptimeRule {
            preset: Some(self),
            weights,
            maintenance,
        }
    }
}

impl fmt::Display for UptimePreset {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The rule an uptime figure is made by: the weight of each component status
/// ([`Weights`]) and how time under maintenance counts
/// ([`MaintenanceWindows`]); a preset ([`UptimePreset`]) or custom.
///
/// Prints as its preset's name (`statuspage`), or for a custom rule as
/// `custom (major_outage 1, partial_outage 0.4, degraded_performance 0,
/// under_maintenance 0; maintenance windows count as up)`. With the `serde`
/// feature: `{"name": "statuspage", "weights": {"major_outage": 1.0, ...},
/// "maintenance_windows": "count_as_up"}` (`"name": "custom"` for a custom
/// rule).
///
/// [`Weights`] turn into a rule ([`From`]): the preset with those weights
/// whose maintenance windows count as up, else a custom rule, so every
/// function that takes a rule also takes weights.
///
/// # Example
///
/// ```
/// use incident_model::uptime::{MaintenanceWindows, UptimeRule};
/// use incident_model::{ComponentStatus::*, Weights};
/// assert_eq!(UptimeRule::default(), UptimeRule::statuspage());
/// assert_eq!(UptimeRule::openstatus().weights().weight(PartialOutage), 0.5);
/// assert_eq!(UptimeRule::from(Weights::incident_io()), UptimeRule::incident_io());
/// let custom = UptimeRule::custom(Weights::statuspage().with(PartialOutage, 0.4), MaintenanceWindows::CountAsUp);
/// assert_eq!(custom.preset(), None);
/// assert_eq!(
///     custom.to_string(),
///     "custom (major_outage 1, partial_outage 0.4, degraded_performance 0, under_maintenance 0; \
///      maintenance windows count as up)"
/// );
/// assert_eq!(UptimeRule::agreed_service_time().to_string(), "agreed_service_time");
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct UptimeRule {
    preset: Option<UptimePreset>,
    weights: Weights,
    maintenance: MaintenanceWindows,
}

impl UptimeRule {
    /// Statuspage's rule: major 1.0, partial 0.3, maintenance counts as up.
    ///
    /// # Example
    ///
    /// See [`UptimeRule`].
    #[must_use]
    pub const fn statuspage() -> Self {
        UptimePreset::Statuspage.rule()
    }

    /// incident.io's rule: major and partial 1.0, maintenance counts as up.
    ///
    /// # Example
    ///
    /// See [`UptimeRule`].
    #[must_use]
    pub const fn incident_io() -> Self {
        UptimePreset::IncidentIo.rule()
    }

    /// OpenStatus's rule: major 1.0, partial 0.5, maintenance counts as up.
    ///
    /// # Example
    ///
    /// See [`UptimeRule`].
    #[must_use]
    pub const fn openstatus() -> Self {
        UptimePreset::OpenStatus.rule()
    }

    /// ITIL's agreed service time: Statuspage's weights, and time under
    /// maintenance removed from the window.
    ///
    /// # Example
    ///
    /// See [`UptimeRule`].
    #[must_use]
    pub const fn agreed_service_time() -> Self {
        UptimePreset::AgreedServiceTime.rule()
    }

    /// A custom rule.
    ///
    /// # Example
    ///
    /// See [`UptimeRule`].
    #[must_use]
    pub const fn custom(weights: Weights, maintenance: MaintenanceWindows) -> Self {
        UptimeRule {
            preset: None,
            weights,
            maintenance,
        }
    }

    /// The preset, `None` for a custom rule.
    ///
    /// # Example
    ///
    /// See [`UptimeRule`].
    #[must_use]
    pub const fn preset(&self) -> Option<UptimePreset> {
        self.preset
    }

    /// The weights.
    ///
    /// # Example
    ///
    /// See [`UptimeRule`].
    #[must_use]
    pub const fn weights(&self) -> Weights {
        self.weights
    }

    /// How time under maintenance counts.
    ///
    /// # Example
    ///
    /// See [`MaintenanceWindows`].
    #[must_use]
    pub const fn maintenance_windows(&self) -> MaintenanceWindows {
        self.maintenance
    }

    /// The rule's name: the preset's, or `custom`.
    ///
    /// # Example
    ///
    /// ```
    /// # use incident_model::uptime::{MaintenanceWindows, UptimeRule};
    /// # use incident_model::Weights;
    /// assert_eq!(UptimeRule::openstatus().name(), "openstatus");
    /// assert_eq!(UptimeRule::custom(Weights::default(), MaintenanceWindows::Excluded).name(), "custom");
    /// ```
    #[must_use]
    pub const fn name(&self) -> &'static str {
        match self.preset {
            Some(preset) => preset.as_str(),
            None => "custom",
        }
    }
}

impl Default for UptimeRule {
    /// [`UptimeRule::statuspage`].
    fn default() -> Self {
        UptimeRule::statuspage()
    }
}

impl From<Weights> for UptimeRule {
    fn from(weights: Weights) -> Self {
        UptimePreset::ALL
            .iter()
            .map(|preset| preset.rule())
            .find(|rule| {
                rule.weights == weights && rule.maintenance == MaintenanceWindows::CountAsUp
            })
            .unwrap_or(UptimeRule::custom(weights, MaintenanceWindows::CountAsUp))
    }
}

impl From<&Weights> for UptimeRule {
    fn from(weights: &Weights) -> Self {
        UptimeRule::from(*weights)
    }
}

impl From<&UptimeRule> for UptimeRule {
    fn from(rule: &UptimeRule) -> Self {
        *rule
    }
}

impl From<UptimePreset> for UptimeRule {
    fn from(preset: UptimePreset) -> Self {
        preset.rule()
    }
}

/// The statuses, in the order a custom rule prints their weights.
const PRINTED: [ComponentStatus; 4] = [
    ComponentStatus::MajorOutage,
    ComponentStatus::PartialOutage,
    ComponentStatus::DegradedPerformance,
    ComponentStatus::UnderMaintenance,
];

impl fmt::Display for UptimeRule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(preset) = self.preset {
            return f.write_str(preset.as_str());
        }
        f.write_str("custom (")?;
        for (i, status) in PRINTED.into_iter().enumerate() {
            let separator = if i == 0 { "" } else { ", " };
            write!(f, "{separator}{status} {}", self.weights.weight(status))?;
        }
        write!(f, "; {})", self.maintenance)
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for UptimeRule {
    fn serialize<Ser: serde::Serializer>(&self, serializer: Ser) -> Result<Ser::Ok, Ser::Error> {
        use serde::ser::{SerializeMap, SerializeStruct};
        struct ByStatus<'a>(&'a Weights);
        impl serde::Serialize for ByStatus<'_> {
            fn serialize<Ser: serde::Serializer>(
                &self,
                serializer: Ser,
            ) -> Result<Ser::Ok, Ser::Error> {
                let mut map = serializer.serialize_map(Some(PRINTED.len()))?;
                for status in PRINTED {
                    map.serialize_entry(status.as_str(), &self.0.weight(status))?;
                }
                map.end()
            }
        }
        let mut state = serializer.serialize_struct("UptimeRule", 3)?;
        state.serialize_field("name", self.name())?;
        state.serialize_field("weights", &ByStatus(&self.weights))?;
        state.serialize_field("maintenance_windows", &self.maintenance)?;
        state.end()
    }
}
