//! Error types: one per concern, each saying what is wrong and where.
//!
//! Messages are lowercase, without a trailing period, and name the incident, the
//! update (by its position in display order and its id) and the field at fault.

use core::fmt;

use chrono::{DateTime, Utc};
use thiserror::Error;

use crate::component::{ComponentId, IncidentId, UpdateId};
use crate::policy::{Lifecycle, Refusal};

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
        /// Which kind of id: `"incident id"`, `"update id"`, `"component id"`.
        what: &'static str,
    },
}

/// Where an update sits: its position in display order, its id and its display
/// time. Used in messages.
struct At<'a> {
    position: usize,
    update: &'a UpdateId,
    display_at: &'a DateTime<Utc>,
}

impl fmt::Display for At<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "updates[{}] (id {:?}, display_at {})",
            self.position,
            self.update.as_str(),
            self.display_at
                .to_rfc3339_opts(chrono::SecondsFormat::AutoSi, true)
        )
    }
}

/// A move the policy refused: from which status (none for a first update) to
/// which, at which update, and why.
///
/// # Example
///
/// ```
/// use chrono::{TimeZone, Utc};
/// use incident_model::{Incident, IncidentStatus::*, Update, UpdateId, ValidationError};
///
/// let at = |h| Utc.with_ymd_and_hms(2020, 3, 16, h, 0, 0).unwrap();
/// let mut incident = Incident::builder("Slow page loads")
///     .id("inc-1".parse()?)
///     .update(Update::new(Investigating, at(14)).with_id("u1".parse()?))
///     .update(Update::new(Resolved, at(15)).with_id("u2".parse()?))
///     .build()?;
/// let err = incident.apply(Update::new(Investigating, at(16)).with_id("u3".parse()?)).unwrap_err();
/// let ValidationError::Transition(refused) = &err else { panic!() };
/// assert_eq!((refused.from, refused.to, refused.position), (Some(Resolved), Investigating, 2));
/// assert_eq!(
///     err.to_string(),
///     "incident \"inc-1\", updates[2] (id \"u3\", display_at 2020-03-16T16:00:00Z): \
///      move resolved -> investigating refused under the standard policy: \
///      it reopens a closed lifecycle, which takes an explicit reopen"
/// );
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, PartialEq, Eq, Debug)]
#[non_exhaustive]
pub struct TransitionError<S> {
    /// The incident or maintenance.
    pub incident: IncidentId,
    /// The status before the update; `None` when the update is the first.
    pub from: Option<S>,
    /// The status the update carries.
    pub to: S,
    /// The update's position in display order (0-based).
    pub position: usize,
    /// The update's id.
    pub update: UpdateId,
    /// The update's display time.
    pub display_at: DateTime<Utc>,
    /// The name of the policy that refused the move (`standard`, `strict`,
    /// `permissive` or `custom`).
    pub policy: &'static str,
    /// Why the move was refused.
    pub refusal: Refusal,
}

impl<S: Lifecycle> fmt::Display for TransitionError<S> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let at = At {
            position: self.position,
            update: &self.update,
            display_at: &self.display_at,
        };
        write!(f, "{} {:?}, {at}: ", S::KIND, self.incident.as_str())?;
        match self.from {
            Some(from) => write!(f, "move {from} -> {}", self.to)?,
            None => write!(f, "first status {}", self.to)?,
        }
        write!(
            f,
            " refused under the {} policy: {}",
            self.policy, self.refusal
        )
    }
}

impl<S: Lifecycle> std::error::Error for TransitionError<S> {}

/// Why an incident or maintenance could not be built: the one error type of every
/// constructor (builder, [`Event::from_parts`](crate::Event::from_parts),
/// [`Event::apply`](crate::Event::apply), deserialization).
///
/// # Example
///
/// ```
/// use incident_model::{Incident, ValidationError};
/// let err = Incident::builder("Empty").id("inc-0".parse()?).build().unwrap_err();
/// assert!(matches!(err, ValidationError::NoUpdates { .. }));
/// assert_eq!(err.to_string(), "incident \"inc-0\" has no updates: at least one is required");
/// # Ok::<(), incident_model::IdError>(())
/// ```
#[derive(Clone, PartialEq, Eq, Debug)]
#[non_exhaustive]
pub enum ValidationError<S> {
    /// The update list is empty.
    NoUpdates {
        /// The incident or maintenance.
        incident: IncidentId,
    },
    /// An update comes before one that sorts before it (display time, then creation
    /// time): the list is not in display order.
    OutOfOrder {
        /// The incident or maintenance.
        incident: IncidentId,
        /// Position (0-based) of the update that is out of place.
        position: usize,
        /// Its id.
        update: UpdateId,
        /// Its display time.
        display_at: DateTime<Utc>,
        /// Its creation time.
        created_at: DateTime<Utc>,
        /// The display time of the update before it.
        previous_display_at: DateTime<Utc>,
        /// The creation time of the update before it.
        previous_created_at: DateTime<Utc>,
    },
    /// Two updates have the same id.
    DuplicateUpdateId {
        /// The incident or maintenance.
        incident: IncidentId,
        /// The id used twice.
        update: UpdateId,
        /// Position of the first update with the id.
        first: usize,
        /// Position of the second update with the id.
        second: usize,
    },
    /// The component list names the same component twice.
    DuplicateComponent {
        /// The incident or maintenance.
        incident: IncidentId,
        /// The component named twice.
        component: ComponentId,
    },
    /// The policy refused a move.
    Transition(TransitionError<S>),
    /// A maintenance's scheduled window ends before it starts.
    InvertedSchedule {
        /// The maintenance.
        incident: IncidentId,
        /// The scheduled start.
        scheduled_for: DateTime<Utc>,
        /// The scheduled end.
        scheduled_until: DateTime<Utc>,
    },
    /// An incident was given a scheduled window; only maintenances have one.
    UnexpectedSchedule {
        /// The incident.
        incident: IncidentId,
    },
}

impl<S: Lifecycle> fmt::Display for ValidationError<S> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let rfc3339 = |t: &DateTime<Utc>| t.to_rfc3339_opts(chrono::SecondsFormat::AutoSi, true);
        let kind = S::KIND;
        match self {
            ValidationError::NoUpdates { incident } => {
                write!(
                    f,
                    "{kind} {:?} has no updates: at least one is required",
                    incident.as_str()
                )
            }
            ValidationError::OutOfOrder {
                incident,
                position,
                update,
                display_at,
                created_at,
                previous_display_at,
                previous_created_at,
            } => {
                let at = At {
                    position: *position,
                    update,
                    display_at,
                };
                write!(
                    f,
                    "{kind} {:?}, {at}: out of display order: it sorts before updates[{}] \
                     (display_at {}, created_at {} before display_at {}, created_at {})",
                    incident.as_str(),
                    position.saturating_sub(1),
                    rfc3339(display_at),
                    rfc3339(created_at),
                    rfc3339(previous_display_at),
                    rfc3339(previous_created_at),
                )
            }
            ValidationError::DuplicateUpdateId {
                incident,
                update,
                first,
                second,
            } => write!(
                f,
                "{kind} {:?}: updates[{first}] and updates[{second}] have the same id {:?}",
                incident.as_str(),
                update.as_str()
            ),
            ValidationError::DuplicateComponent {
                incident,
                component,
            } => write!(
                f,
                "{kind} {:?}: component {:?} is listed twice in components",
                incident.as_str(),
                component.as_str()
            ),
            ValidationError::Transition(err) => fmt::Display::fmt(err, f),
            ValidationError::InvertedSchedule {
                incident,
                scheduled_for,
                scheduled_until,
            } => {
                write!(
                    f,
                    "{kind} {:?}: scheduled_until {} is before scheduled_for {}",
                    incident.as_str(),
                    rfc3339(scheduled_until),
                    rfc3339(scheduled_for)
                )
            }
            ValidationError::UnexpectedSchedule { incident } => write!(
                f,
                "{kind} {:?}: has a scheduled window, which only maintenances have",
                incident.as_str()
            ),
        }
    }
}

impl<S: Lifecycle> std::error::Error for ValidationError<S> {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            ValidationError::Transition(err) => Some(err),
            _ => None,
        }
    }
}

impl<S> From<TransitionError<S>> for ValidationError<S> {
    fn from(err: TransitionError<S>) -> Self {
        ValidationError::Transition(err)
    }
}

/// Every violation found when a value was re-validated under another policy.
///
/// # Example
///
/// ```
/// use chrono::{TimeZone, Utc};
/// use incident_model::{Incident, IncidentStatus::*, Policy, Update};
///
/// let at = |h| Utc.with_ymd_and_hms(2020, 3, 16, h, 0, 0).unwrap();
/// let incident = Incident::builder("Flapping")
///     .id("inc-2".parse()?)
///     .update(Update::new(Monitoring, at(10)))
///     .update(Update::new(Investigating, at(11)))
///     .update(Update::new(Monitoring, at(12)))
///     .update(Update::new(Identified, at(13)))
///     .update(Update::new(Resolved, at(14)))
///     .build()?;
/// let violations = incident.revalidate(Policy::strict()).unwrap_err();
/// assert_eq!(violations.len(), 2);
/// assert!(violations.to_string().starts_with("2 violations of the strict policy in incident \"inc-2\""));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct Violations<S> {
    pub(crate) incident: IncidentId,
    pub(crate) policy: &'static str,
    pub(crate) errors: Vec<ValidationError<S>>,
}

impl<S> Violations<S> {
    /// The violations, in update order.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::{TimeZone, Utc};
    /// use incident_model::{Incident, IncidentStatus::*, Policy, Update};
    ///
    /// let at = |h: u32| Utc.with_ymd_and_hms(2020, 3, 16, h, 0, 0).unwrap();
    /// let incident = Incident::builder("Flapping")
    ///     .update(Update::new(Monitoring, at(10)))
    ///     .update(Update::new(Investigating, at(11)))
    ///     .update(Update::new(Monitoring, at(12)))
    ///     .update(Update::new(Identified, at(13)))
    ///     .update(Update::new(Resolved, at(14)))
    ///     .build()?;
    /// let violations = incident.revalidate(Policy::strict()).unwrap_err();
    /// assert_eq!(violations.errors().len(), 2);
    /// assert!(violations.errors().iter().all(|e| e.to_string() != ""));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn errors(&self) -> &[ValidationError<S>] {
        &self.errors
    }

    /// How many violations there are (at least one).
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::{TimeZone, Utc};
    /// use incident_model::{Incident, IncidentStatus::*, Policy, Update};
    ///
    /// let at = |h: u32| Utc.with_ymd_and_hms(2020, 3, 16, h, 0, 0).unwrap();
    /// let incident = Incident::builder("Flapping")
    ///     .update(Update::new(Monitoring, at(10)))
    ///     .update(Update::new(Investigating, at(11)))
    ///     .update(Update::new(Monitoring, at(12)))
    ///     .update(Update::new(Identified, at(13)))
    ///     .update(Update::new(Resolved, at(14)))
    ///     .build()?;
    /// let violations = incident.revalidate(Policy::strict()).unwrap_err();
    /// assert_eq!(violations.len(), 2);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn len(&self) -> usize {
        self.errors.len()
    }

    /// Always `false`: a `Violations` holds at least one violation. Here for the
    /// `len`/`is_empty` convention.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::{TimeZone, Utc};
    /// use incident_model::{Incident, IncidentStatus::*, Policy, Update};
    ///
    /// let at = |h: u32| Utc.with_ymd_and_hms(2020, 3, 16, h, 0, 0).unwrap();
    /// let incident = Incident::builder("Flapping")
    ///     .update(Update::new(Monitoring, at(10)))
    ///     .update(Update::new(Investigating, at(11)))
    ///     .update(Update::new(Monitoring, at(12)))
    ///     .update(Update::new(Identified, at(13)))
    ///     .update(Update::new(Resolved, at(14)))
    ///     .build()?;
    /// let violations = incident.revalidate(Policy::strict()).unwrap_err();
    /// assert!(!violations.is_empty());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.errors.is_empty()
    }

    /// The violations, by value.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::{TimeZone, Utc};
    /// use incident_model::{Incident, IncidentStatus::*, Policy, Update};
    ///
    /// let at = |h: u32| Utc.with_ymd_and_hms(2020, 3, 16, h, 0, 0).unwrap();
    /// let incident = Incident::builder("Flapping")
    ///     .update(Update::new(Monitoring, at(10)))
    ///     .update(Update::new(Investigating, at(11)))
    ///     .update(Update::new(Monitoring, at(12)))
    ///     .update(Update::new(Identified, at(13)))
    ///     .update(Update::new(Resolved, at(14)))
    ///     .build()?;
    /// let violations = incident.revalidate(Policy::strict()).unwrap_err();
    /// let errors = violations.clone().into_errors();
    /// assert_eq!(errors.as_slice(), violations.errors());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn into_errors(self) -> Vec<ValidationError<S>> {
        self.errors
    }
}

impl<S: Lifecycle> fmt::Display for Violations<S> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let n = self.errors.len();
        write!(
            f,
            "{n} violation{} of the {} policy in {} {:?}",
            if n == 1 { "" } else { "s" },
            self.policy,
            S::KIND,
            self.incident.as_str()
        )?;
        for err in &self.errors {
            write!(f, "; {err}")?;
        }
        Ok(())
    }
}

impl<S: Lifecycle> std::error::Error for Violations<S> {}

/// Why the crate's own JSON format could not be read (feature `json`).
///
/// # Example
///
/// ```
/// use incident_model::{FormatError, Incident};
/// let err = Incident::from_json("{\"id\": ").unwrap_err();
/// let FormatError::Syntax { line, column, .. } = &err else { panic!() };
/// assert_eq!((*line, *column), (1, 7));
/// assert!(err.to_string().starts_with("json at line 1, column 7: "));
/// ```
#[cfg(feature = "json")]
#[derive(Clone, PartialEq, Eq, Debug)]
#[non_exhaustive]
pub enum FormatError<S> {
    /// Not JSON, or JSON of another shape (a missing or unknown field, a wrong
    /// type, an unknown status name, a timestamp that is not RFC 3339).
    Syntax {
        /// Line of the error (1-based).
        line: usize,
        /// Column of the error (1-based).
        column: usize,
        /// What the JSON reader said.
        message: String,
    },
    /// Well-formed data that the constructors refuse.
    Invalid(ValidationError<S>),
}

#[cfg(feature = "json")]
impl<S> FormatError<S> {
    pub(crate) fn from_json(err: &serde_json::Error) -> Self {
        let (line, column, message) = json_error_parts(err);
        FormatError::Syntax {
            line,
            column,
            message,
        }
    }
}

/// The line, column and message of a `serde_json` error. serde_json appends
/// " at line L column C" to its message; the crate's errors carry the position
/// in fields instead.
#[cfg(feature = "json")]
pub(crate) fn json_error_parts(err: &serde_json::Error) -> (usize, usize, String) {
    let message = err.to_string();
    let suffix = format!(" at line {} column {}", err.line(), err.column());
    let message = message.strip_suffix(&suffix).unwrap_or(&message).to_owned();
    (err.line(), err.column(), message)
}

#[cfg(feature = "json")]
impl<S: Lifecycle> fmt::Display for FormatError<S> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FormatError::Syntax {
                line,
                column,
                message,
            } => {
                write!(f, "json at line {line}, column {column}: {message}")
            }
            FormatError::Invalid(err) => fmt::Display::fmt(err, f),
        }
    }
}

#[cfg(feature = "json")]
impl<S: Lifecycle> std::error::Error for FormatError<S> {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            FormatError::Invalid(err) => Some(err),
            FormatError::Syntax { .. } => None,
        }
    }
}
