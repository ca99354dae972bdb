//! Lifecycles and the one transition table.
//!
//! A *lifecycle* is a status type ([`IncidentStatus`] or [`MaintenanceStatus`])
//! plus a transition table, a [`Policy`]. A policy is data: a bit matrix over
//! `(from, to)` pairs and a bit set of allowed first statuses, built in `const`
//! context, so checking a move is one table look-up.
//!
//! # The presets
//!
//! [`Policy::standard`] (the default) for incidents:
//!
//! - any open -> open move: forward, repeated, or back ("the fix did not hold");
//! - open -> resolved, resolved -> resolved, resolved -> postmortem,
//!   postmortem -> postmortem;
//! - resolved or postmortem -> any open status, as a *reopen* only (see below);
//! - a first update may carry any status but postmortem (a backfilled incident
//!   starts resolved).
//!
//! [`Policy::standard`] for maintenances:
//!
//! - forward moves, with skips, and repeats: scheduled -> in_progress -> verifying
//!   -> completed; verifying -> in_progress (the work was not done after all);
//! - completed -> any open status, as a reopen only;
//! - a first update may carry any status (a backfilled maintenance starts
//!   completed).
//!
//! [`Policy::strict`]: the moves of `standard` that go forward or repeat; no
//! regressions, no reopens. First statuses as in `standard`.
//!
//! [`Policy::permissive`]: anything follows anything, and anything may come first.
//! This is what Statuspage itself enforces (nothing); use it to *load* real data,
//! never to bless it: re-validate the loaded value under `standard` to see what
//! `standard` would reject.
//!
//! # Reopens
//!
//! A move out of a closed status (resolved, postmortem, completed) into an open one
//! is a *reopen*. It is never made by accident: it must be in the table **and** the
//! update must be marked as a reopen ([`Update::reopening`], or
//! [`Event::reopen`](crate::Event::reopen)); and an update marked as a reopen must
//! really move out of a closed status. This holds under every policy, so a reopen
//! is always explicit in the data and in the serialized form.
//!
//! # Custom policies
//!
//! Custom tables are built from the same type, in `const` context if you like.
//! The `const` builders (`allowing`, `forbidding`, `allowing_moves`,
//! `allowing_first`, `forbidding_first`) exist once per lifecycle, so name the
//! lifecycle where the compiler cannot infer it yet: `Policy::<IncidentStatus>::standard()`
//! (outside `const`, [`Policy::from_table`] is generic):
//!
//! ```
//! use incident_model::{IncidentStatus::{self, *}, Policy};
//!
//! // The standard table, but an incident may not go back to investigating.
//! // (The `const` builders exist per lifecycle: name it with `::<IncidentStatus>`.)
//! const NO_REINVESTIGATING: Policy<IncidentStatus> = Policy::<IncidentStatus>::standard()
//!     .forbidding(Identified, Investigating)
//!     .forbidding(Monitoring, Investigating);
//! assert!(!NO_REINVESTIGATING.allows(Monitoring, Investigating));
//! assert!(NO_REINVESTIGATING.allows(Monitoring, Identified));
//! ```
//!
//! [`Update::reopening`]: crate::Update::reopening

use core::fmt;
use core::hash::Hash;
use core::marker::PhantomData;
use core::str::FromStr;

use chrono::{DateTime, Utc};

use crate::id::{EventId, UpdateId};
use crate::status::ParseStatusError;
use crate::status::{IncidentStatus, MaintenanceStatus};
use crate::time::rfc3339;

mod sealed {
    pub trait Sealed {}
    impl Sealed for crate::IncidentStatus {}
    impl Sealed for crate::MaintenanceStatus {}
}

/// A status type with a lifecycle: [`IncidentStatus`] or [`MaintenanceStatus`].
///
/// The trait is sealed: the crate knows exactly two lifecycles, and all code that
/// works on incidents and maintenances is written once, generically over this
/// trait.
///
/// # Example
///
/// ```
/// use incident_model::{IncidentStatus, Lifecycle, MaintenanceStatus};
///
/// fn closing_status<S: Lifecycle>() -> S {
///     S::CLOSED
/// }
/// assert_eq!(closing_status::<IncidentStatus>(), IncidentStatus::Resolved);
/// assert_eq!(closing_status::<MaintenanceStatus>(), MaintenanceStatus::Completed);
/// ```
pub trait Lifecycle:
    sealed::Sealed
    + Copy
    + Eq
    + Ord
    + Hash
    + fmt::Debug
    + fmt::Display
    + FromStr<Err = ParseStatusError>
    + Send
    + Sync
    + 'static
{
    /// Every status of the lifecycle, in lifecycle order.
    const ALL: &'static [Self];
    /// What the lifecycle's values are called in messages: `"incident"` or
    /// `"maintenance"`.
    const KIND: &'static str;
    /// The status that closes the lifecycle: resolved or completed.
    const CLOSED: Self;
    /// The status that says the cause is known: identified for incidents; none for
    /// maintenances, whose cause is known from the start.
    const IDENTIFIED: Option<Self>;
    /// The status that says a fix is out and being watched: monitoring or
    /// verifying (the milestone `monitoring_at`, `time_to_monitor`).
    const MONITORING: Self;
    /// The lifecycle's [`Policy::standard`] table.
    const STANDARD: Policy<Self>;
    /// The lifecycle's [`Policy::strict`] table.
    const STRICT: Policy<Self>;
    /// The impact a builder gives when none is set: `None` for incidents (the
    /// impact is calculated from the component changes, as Statuspage does),
    /// `maintenance` for maintenances.
    const DEFAULT_IMPACT: Option<crate::Impact>;
    /// Whether values of the lifecycle have a scheduled window (maintenances do,
    /// incidents do not).
    const HAS_SCHEDULE: bool;

    /// Whether the status is open (the incident or maintenance is not over).
    ///
    /// # Example
    ///
    /// ```
    /// # use incident_model::{IncidentStatus, Lifecycle, MaintenanceStatus};
    ///
    /// fn open_count<S: Lifecycle>() -> usize {
    ///     S::ALL.iter().filter(|s| s.is_open()).count()
    /// }
    /// assert!(Lifecycle::is_open(IncidentStatus::Monitoring));
    /// assert!(!Lifecycle::is_open(IncidentStatus::CLOSED));
    /// assert!(!Lifecycle::is_open(MaintenanceStatus::Completed));
    /// assert_eq!(open_count::<IncidentStatus>(), 3);
    /// ```
    fn is_open(self) -> bool;

    /// The wire name of the status.
    ///
    /// # Example
    ///
    /// ```
    /// # use incident_model::{IncidentStatus, Lifecycle, MaintenanceStatus};
    ///
    /// fn wire_name<S: Lifecycle>(status: S) -> &'static str {
    ///     status.as_str()
    /// }
    /// assert_eq!(wire_name(IncidentStatus::Investigating), "investigating");
    /// assert_eq!(wire_name(MaintenanceStatus::InProgress), "in_progress");
    /// ```
    fn as_str(self) -> &'static str;

    /// The human label of the status, as status pages show it.
    ///
    /// # Example
    ///
    /// ```
    /// # use incident_model::{Lifecycle, MaintenanceStatus};
    /// assert_eq!(Lifecycle::label(MaintenanceStatus::InProgress), "In progress");
    /// ```
    fn label(self) -> &'static str;

    /// Position of the status in [`Lifecycle::ALL`].
    ///
    /// # Example
    ///
    /// ```
    /// # use incident_model::{Lifecycle, MaintenanceStatus};
    ///
    /// for (position, &status) in <MaintenanceStatus as Lifecycle>::ALL.iter().enumerate() {
    ///     assert_eq!(Lifecycle::index(status), position);
    /// }
    /// assert_eq!(Lifecycle::index(MaintenanceStatus::Scheduled), 0);
    /// ```
    fn index(self) -> usize;
}

macro_rules! lifecycle {
    ($S:ident, $kind:literal, closed = $closed:ident, identified = $identified:expr, monitoring = $monitoring:ident,
     default_impact = $impact:expr, has_schedule = $sched:literal) => {
        impl Lifecycle for $S {
            const ALL: &'static [Self] = $S::ALL;
            const KIND: &'static str = $kind;
            const CLOSED: Self = $S::$closed;
            const IDENTIFIED: Option<Self> = $identified;
            const MONITORING: Self = $S::$monitoring;
            const STANDARD: Policy<Self> = standard_tables::$S;
            const STRICT: Policy<Self> = strict_tables::$S;
            const DEFAULT_IMPACT: Option<crate::Impact> = $impact;
            const HAS_SCHEDULE: bool = $sched;

            fn is_open(self) -> bool {
                $S::is_open(self)
            }

            fn as_str(self) -> &'static str {
                $S::as_str(self)
            }

            fn label(self) -> &'static str {
                $S::label(self)
            }

            fn index(self) -> usize {
                $S::index(self)
            }
        }

        impl Policy<$S> {
            /// The same table with the move `from -> to` allowed.
            ///
            /// # Example
            ///
            /// ```
            #[doc = concat!("use incident_model::{Policy, ", stringify!($S), "};")]
            #[doc = concat!("let first = ", stringify!($S), "::ALL[0];")]
            #[doc = concat!("let last = ", stringify!($S), "::ALL[", stringify!($S), "::ALL.len() - 1];")]
            #[doc = concat!("const EMPTY: Policy<", stringify!($S), "> = Policy::empty();")]
            /// assert!(EMPTY.allowing(last, first).allows(last, first));
            /// ```
            #[must_use]
            pub const fn allowing(self, from: $S, to: $S) -> Self {
                Self::from_bits(self.moves | edge(from.index(), to.index()), self.first)
            }

            /// The same table with the move `from -> to` forbidden.
            ///
            /// # Example
            ///
            /// ```
            #[doc = concat!("use incident_model::{Policy, ", stringify!($S), "};")]
            #[doc = concat!("let s = ", stringify!($S), "::ALL[0];")]
            #[doc = concat!("let policy = Policy::<", stringify!($S), ">::permissive().forbidding(s, s);")]
            /// assert!(!policy.allows(s, s));
            /// ```
            #[must_use]
            pub const fn forbidding(self, from: $S, to: $S) -> Self {
                Self::from_bits(self.moves & !edge(from.index(), to.index()), self.first)
            }

            /// The same table with every listed move allowed.
            ///
            /// # Example
            ///
            /// ```
            #[doc = concat!("use incident_model::{Policy, ", stringify!($S), "};")]
            #[doc = concat!("let all = ", stringify!($S), "::ALL;")]
            #[doc = concat!("let policy = Policy::<", stringify!($S), ">::empty().allowing_moves(&[(all[0], all[1]), (all[1], all[2])]);")]
            /// assert!(policy.allows(all[0], all[1]) && policy.allows(all[1], all[2]));
            /// assert!(!policy.allows(all[0], all[2]));
            /// ```
            #[must_use]
            pub const fn allowing_moves(self, moves: &[($S, $S)]) -> Self {
                let mut policy = self;
                let mut rest = moves;
                while let [(from, to), tail @ ..] = rest {
                    policy = policy.allowing(*from, *to);
                    rest = tail;
                }
                policy
            }

            /// The same table with `status` allowed on the first update.
            ///
            /// # Example
            ///
            /// ```
            #[doc = concat!("use incident_model::{Policy, ", stringify!($S), "};")]
            #[doc = concat!("let s = ", stringify!($S), "::ALL[1];")]
            #[doc = concat!("assert!(Policy::<", stringify!($S), ">::empty().allowing_first(s).allows_first(s));")]
            /// ```
            #[must_use]
            pub const fn allowing_first(self, status: $S) -> Self {
                Self::from_bits(self.moves, self.first | (1 << status.index()))
            }

            /// The same table with `status` forbidden on the first update.
            ///
            /// # Example
            ///
            /// ```
            #[doc = concat!("use incident_model::{Policy, ", stringify!($S), "};")]
            #[doc = concat!("let s = ", stringify!($S), "::ALL[0];")]
            #[doc = concat!("assert!(!Policy::<", stringify!($S), ">::permissive().forbidding_first(s).allows_first(s));")]
            /// ```
            #[must_use]
            pub const fn forbidding_first(self, status: $S) -> Self {
                Self::from_bits(self.moves, self.first & !(1 << status.index()))
            }
        }
    };
}

lifecycle!(
    IncidentStatus,
    "incident",
    closed = Resolved,
    identified = Some(IncidentStatus::Identified),
    monitoring = Monitoring,
    default_impact = None,
    has_schedule = false
);
lifecycle!(
    MaintenanceStatus,
    "maintenance",
    closed = Completed,
    identified = None,
    monitoring = Verifying,
    default_impact = Some(crate::Impact::Maintenance),
    has_schedule = true
);

/// The bit of the move `from -> to` in the matrix (row `from`, column `to`).
const fn edge(from: usize, to: usize) -> u64 {
    1 << (from * 8 + to)
}

#[allow(non_upper_case_globals)]
mod standard_tables {
    use super::Policy;
    use crate::status::IncidentStatus::{self, *};
    use crate::status::MaintenanceStatus::{self, *};

    pub(super) const IncidentStatus: Policy<IncidentStatus> = Policy::<IncidentStatus>::empty()
        .allowing_moves(&[
            (Investigating, Investigating),
            (Investigating, Identified),
            (Investigating, Monitoring),
            (Identified, Investigating),
            (Identified, Identified),
            (Identified, Monitoring),
            (Monitoring, Investigating),
            (Monitoring, Identified),
            (Monitoring, Monitoring),
            (Investigating, Resolved),
            (Identified, Resolved),
            (Monitoring, Resolved),
            (Resolved, Resolved),
            (Resolved, Postmortem),
            (Postmortem, Postmortem),
            // Reopens: legal only through an explicit reopen.
            (Resolved, Investigating),
            (Resolved, Identified),
            (Resolved, Monitoring),
            (Postmortem, Investigating),
            (Postmortem, Identified),
            (Postmortem, Monitoring),
        ])
        .allowing_first(Investigating)
        .allowing_first(Identified)
        .allowing_first(Monitoring)
        .allowing_first(Resolved);

    pub(super) const MaintenanceStatus: Policy<MaintenanceStatus> =
        Policy::<MaintenanceStatus>::empty()
            .allowing_moves(&[
                (Scheduled, Scheduled),
                (Scheduled, InProgress),
                (Scheduled, Verifying),
                (Scheduled, Completed),
                (InProgress, InProgress),
                (InProgress, Verifying),
                (InProgress, Completed),
                (Verifying, InProgress),
                (Verifying, Verifying),
                (Verifying, Completed),
                (Completed, Completed),
                // Reopens: legal only through an explicit reopen.
                (Completed, Scheduled),
                (Completed, InProgress),
                (Completed, Verifying),
            ])
            .allowing_first(Scheduled)
            .allowing_first(InProgress)
            .allowing_first(Verifying)
            .allowing_first(Completed);
}

#[allow(non_upper_case_globals)]
mod strict_tables {
    use super::Policy;
    use crate::status::IncidentStatus::{self, *};
    use crate::status::MaintenanceStatus::{self, *};

    // `standard` without its backward moves (regressions and reopens).
    pub(super) const IncidentStatus: Policy<IncidentStatus> =
        super::standard_tables::IncidentStatus
            .forbidding(Identified, Investigating)
            .forbidding(Monitoring, Investigating)
            .forbidding(Monitoring, Identified)
            .forbidding(Resolved, Investigating)
            .forbidding(Resolved, Identified)
            .forbidding(Resolved, Monitoring)
            .forbidding(Postmortem, Investigating)
            .forbidding(Postmortem, Identified)
            .forbidding(Postmortem, Monitoring);

    pub(super) const MaintenanceStatus: Policy<MaintenanceStatus> =
        super::standard_tables::MaintenanceStatus
            .forbidding(Verifying, InProgress)
            .forbidding(Completed, Scheduled)
            .forbidding(Completed, InProgress)
            .forbidding(Completed, Verifying);
}

/// The policy of incidents, [`Policy<IncidentStatus>`]: a name to call its
/// constructors by without a turbofish.
///
/// `Policy::standard().forbidding(..)` does not compile ("multiple applicable
/// items in scope": `forbidding` is defined for each lifecycle, and nothing says
/// which); `IncidentPolicy::standard().forbidding(..)` does.
///
/// # Example
///
/// ```
/// use incident_model::{IncidentPolicy, IncidentStatus::*};
/// let no_skipping = IncidentPolicy::standard().forbidding(Investigating, Resolved);
/// assert!(!no_skipping.allows(Investigating, Resolved));
/// assert!(no_skipping.allows(Monitoring, Resolved));
/// ```
pub type IncidentPolicy = Policy<IncidentStatus>;

/// The policy of maintenances, [`Policy<MaintenanceStatus>`]: a name to call
/// its constructors by without a turbofish (see [`IncidentPolicy`]).
///
/// # Example
///
/// ```
/// use incident_model::{MaintenancePolicy, MaintenanceStatus::*};
/// let no_retry = MaintenancePolicy::standard().forbidding(Verifying, InProgress);
/// assert!(!no_retry.allows(Verifying, InProgress));
/// ```
pub type MaintenancePolicy = Policy<MaintenanceStatus>;

/// A transition table: which status may follow which, and which may come first.
///
/// A policy is a small bit matrix; it is `Copy`, `const`-constructible, and a
/// check is a single look-up. See the [module documentation](self) for the
/// presets and the rules they encode.
///
/// # Example
///
/// ```
/// use incident_model::{IncidentStatus::*, Policy, Preset};
///
/// let standard = Policy::standard();
/// assert!(standard.allows(Monitoring, Investigating)); // the fix did not hold
/// assert!(!Policy::strict().allows(Monitoring, Investigating));
/// assert!(!standard.allows(Investigating, Postmortem));
/// assert!(!standard.allows_first(Postmortem));
/// assert_eq!(standard.preset(), Some(Preset::Standard));
/// ```
pub struct Policy<S> {
    /// Bit `from * 8 + to` is set when `from -> to` is allowed.
    moves: u64,
    /// Bit `s` is set when status `s` may carry the first update.
    first: u8,
    lifecycle: PhantomData<fn() -> S>,
}

impl<S> Policy<S> {
    /// A table that allows nothing: no move, no first status. Start custom tables
    /// from here or from a preset.
    ///
    /// # Example
    ///
    /// ```
    /// # use incident_model::{IncidentStatus, Policy};
    /// let empty = Policy::<IncidentStatus>::empty();
    /// assert!(!empty.allows_first(IncidentStatus::Investigating));
    /// ```
    #[must_use]
    pub const fn empty() -> Self {
        Self::from_bits(0, 0)
    }

    const fn from_bits(moves: u64, first: u8) -> Self {
        Policy {
            moves,
            first,
            lifecycle: PhantomData,
        }
    }

    /// The move matrix: bit `from * 8 + to` is set when `from -> to` is allowed.
    /// For the compile-time checks of [`crate::typed`].
    pub(crate) const fn move_bits(self) -> u64 {
        self.moves
    }

    /// The first-status set: bit `s` is set when `s` may come first. For the
    /// compile-time checks of [`crate::typed`].
    pub(crate) const fn first_bits(self) -> u8 {
        self.first
    }
}

impl<S: Lifecycle> Policy<S> {
    /// The standard table (the default): see the [module documentation](self).
    ///
    /// # Example
    ///
    /// ```
    /// # use incident_model::{IncidentStatus::*, Policy};
    /// assert!(Policy::standard().allows(Resolved, Postmortem));
    /// assert!(!Policy::standard().allows(Postmortem, Resolved));
    /// ```
    #[must_use]
    pub const fn standard() -> Self {
        S::STANDARD
    }

    /// Forward moves only (skips and repeats allowed), no reopen: see the
    /// [module documentation](self).
    ///
    /// # Example
    ///
    /// ```
    /// # use incident_model::{MaintenanceStatus::*, Policy};
    /// assert!(Policy::strict().allows(Scheduled, Completed));
    /// assert!(!Policy::strict().allows(Verifying, InProgress));
    /// ```
    #[must_use]
    pub const fn strict() -> Self {
        S::STRICT
    }

    /// Anything follows anything, anything may come first: for loading real data,
    /// never for blessing it.
    ///
    /// # Example
    ///
    /// ```
    /// # use incident_model::{IncidentStatus::*, Policy};
    /// assert!(Policy::permissive().allows(Postmortem, Investigating));
    /// assert!(Policy::permissive().allows_first(Postmortem));
    /// ```
    #[must_use]
    pub fn permissive() -> Self {
        let n = S::ALL.len();
        let mut moves = 0;
        for from in 0..n {
            for to in 0..n {
                moves |= edge(from, to);
            }
        }
        // At most 8 statuses per lifecycle, so the mask fits in a u8.
        let first = u8::try_from((1u16 << n) - 1).unwrap_or(u8::MAX);
        Self::from_bits(moves, first)
    }

    /// A custom table allowing exactly the listed first statuses and moves.
    ///
    /// In `const` context, use [`Policy::empty`] with `allowing` and
    /// `allowing_first` instead.
    ///
    /// # Example
    ///
    /// ```
    /// # use incident_model::{IncidentStatus::*, Policy};
    /// let linear = Policy::from_table(
    ///     &[Investigating],
    ///     &[(Investigating, Identified), (Identified, Monitoring), (Monitoring, Resolved)],
    /// );
    /// assert!(linear.allows(Identified, Monitoring));
    /// assert!(!linear.allows(Investigating, Resolved));
    /// assert_eq!(linear.first_statuses().collect::<Vec<_>>(), [Investigating]);
    /// ```
    #[must_use]
    pub fn from_table(first: &[S], moves: &[(S, S)]) -> Self {
        let first = first.iter().fold(0u8, |bits, s| bits | (1 << s.index()));
        let moves = moves.iter().fold(0u64, |bits, (from, to)| {
            bits | edge(from.index(), to.index())
        });
        Self::from_bits(moves, first)
    }

    /// Whether the table allows `to` to follow `from`.
    ///
    /// # Example
    ///
    /// ```
    /// # use incident_model::{IncidentStatus::*, Policy};
    /// assert!(Policy::standard().allows(Investigating, Resolved));
    /// ```
    #[must_use]
    pub fn allows(&self, from: S, to: S) -> bool {
        self.moves & edge(from.index(), to.index()) != 0
    }

    /// Whether the table allows `status` on the first update.
    ///
    /// # Example
    ///
    /// ```
    /// # use incident_model::{IncidentStatus::*, Policy};
    /// assert!(Policy::standard().allows_first(Resolved)); // backfilled
    /// ```
    #[must_use]
    pub fn allows_first(&self, status: S) -> bool {
        self.first & (1 << status.index()) != 0
    }

    /// Every allowed move, `from` then `to` in lifecycle order.
    ///
    /// # Example
    ///
    /// ```
    /// # use incident_model::{MaintenanceStatus::*, Policy};
    /// let moves: Vec<_> = Policy::strict().moves().filter(|(from, _)| *from == Verifying).collect();
    /// assert_eq!(moves, [(Verifying, Verifying), (Verifying, Completed)]);
    /// ```
    pub fn moves(&self) -> impl Iterator<Item = (S, S)> + '_ {
        S::ALL.iter().flat_map(move |&from| {
            S::ALL
                .iter()
                .filter(move |&&to| self.allows(from, to))
                .map(move |&to| (from, to))
        })
    }

    /// Every status allowed on the first update, in lifecycle order.
    ///
    /// # Example
    ///
    /// ```
    /// # use incident_model::{IncidentStatus, Policy};
    /// assert_eq!(Policy::<IncidentStatus>::standard().first_statuses().count(), 4);
    /// ```
    pub fn first_statuses(&self) -> impl Iterator<Item = S> + '_ {
        S::ALL
            .iter()
            .copied()
            .filter(move |&s| self.allows_first(s))
    }

    /// The preset this table equals, if any (`None` for a custom table).
    ///
    /// # Example
    ///
    /// ```
    /// # use incident_model::{IncidentStatus::{self, *}, Policy, Preset};
    /// let strict = Policy::<IncidentStatus>::strict();
    /// assert_eq!(strict.preset(), Some(Preset::Strict));
    /// assert_eq!(strict.allowing(Monitoring, Identified).preset(), None);
    /// ```
    #[must_use]
    pub fn preset(&self) -> Option<Preset> {
        Preset::ALL
            .iter()
            .copied()
            .find(|&preset| *self == Self::from(preset))
    }

    /// Checks the move from `from` (`None` for the first update) to `to` made by an
    /// ordinary update, one not marked as a reopen. A move out of a closed status
    /// into an open one is refused ([`Refusal::ReopenNotMarked`]): it takes
    /// [`Policy::check_reopen`].
    ///
    /// # Errors
    ///
    /// The reason the move is refused, if it is.
    ///
    /// # Example
    ///
    /// ```
    /// # use incident_model::{IncidentStatus::*, MoveKind, Policy, Refusal};
    /// let p = Policy::standard();
    /// assert_eq!(p.check(None, Identified), Ok(MoveKind::First));
    /// assert_eq!(p.check(Some(Monitoring), Investigating), Ok(MoveKind::Regression));
    /// assert_eq!(p.check(Some(Resolved), Investigating), Err(Refusal::ReopenNotMarked));
    /// ```
    pub fn check(&self, from: Option<S>, to: S) -> Result<MoveKind, Refusal> {
        self.check_marked(from, to, false)
    }

    /// Checks the move from `from` (`None` for the first update) to `to` made by an
    /// update marked as a reopen
    /// ([`Update::reopening`](crate::Update::reopening)): it must leave a closed
    /// status for an open one, and the table must allow it.
    ///
    /// # Errors
    ///
    /// The reason the move is refused, if it is.
    ///
    /// # Example
    ///
    /// ```
    /// # use incident_model::{IncidentStatus::*, MoveKind, Policy, Refusal};
    /// assert_eq!(Policy::standard().check_reopen(Some(Resolved), Investigating), Ok(MoveKind::Reopen));
    /// assert_eq!(Policy::standard().check_reopen(Some(Monitoring), Investigating), Err(Refusal::NothingToReopen));
    /// assert_eq!(Policy::strict().check_reopen(Some(Resolved), Investigating), Err(Refusal::NotInTable));
    /// ```
    pub fn check_reopen(&self, from: Option<S>, to: S) -> Result<MoveKind, Refusal> {
        self.check_marked(from, to, true)
    }

    /// The one check behind [`Policy::check`] and [`Policy::check_reopen`].
    fn check_marked(&self, from: Option<S>, to: S, marked: bool) -> Result<MoveKind, Refusal> {
        let kind = MoveKind::of(from, to);
        let allowed = match from {
            None => self.allows_first(to),
            Some(from) => self.allows(from, to),
        };
        if !allowed {
            return Err(Refusal::NotInTable);
        }
        match (kind == MoveKind::Reopen, marked) {
            (true, false) => Err(Refusal::ReopenNotMarked),
            (false, true) => Err(Refusal::NothingToReopen),
            _ => Ok(kind),
        }
    }
}

impl<S: Lifecycle> From<Preset> for Policy<S> {
    /// The preset's table: [`Policy::standard`], [`Policy::strict`] or
    /// [`Policy::permissive`].
    ///
    /// # Example
    ///
    /// ```
    /// # use incident_model::{MaintenanceStatus, Policy, Preset};
    /// let policy: Policy<MaintenanceStatus> = "strict".parse::<Preset>()?.into();
    /// assert_eq!(policy, Policy::strict());
    /// # Ok::<(), incident_model::ParseStatusError>(())
    /// ```
    fn from(preset: Preset) -> Self {
        match preset {
            Preset::Standard => Self::standard(),
            Preset::Strict => Self::strict(),
            Preset::Permissive => Self::permissive(),
        }
    }
}

/// The named tables every lifecycle has: [`Policy::standard`],
/// [`Policy::strict`] and [`Policy::permissive`]. A table that is none of them is
/// a custom one ([`Policy::preset`] is `None`).
///
/// Prints and parses its name (`standard`, `strict`, `permissive`), the name the
/// crate's own format writes for the policy.
///
/// # Example
///
/// ```
/// use incident_model::{IncidentStatus, Policy, Preset};
/// let preset: Preset = "permissive".parse()?;
/// assert_eq!(preset.to_string(), "permissive");
/// assert_eq!(Policy::<IncidentStatus>::from(preset), Policy::permissive());
/// assert!("lenient".parse::<Preset>().is_err());
/// # Ok::<(), incident_model::ParseStatusError>(())
/// ```
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Debug)]
#[non_exhaustive]
pub enum Preset {
    /// [`Policy::standard`], the default.
    Standard,
    /// [`Policy::strict`].
    Strict,
    /// [`Policy::permissive`].
    Permissive,
}

impl Preset {
    /// Every preset.
    ///
    /// # Example
    ///
    /// ```
    /// # use incident_model::Preset;
    /// let names: Vec<String> = Preset::ALL.iter().map(Preset::to_string).collect();
    /// assert_eq!(names, ["standard", "strict", "permissive"]);
    /// ```
    pub const ALL: &'static [Preset] = &[Preset::Standard, Preset::Strict, Preset::Permissive];

    /// The preset's name: `standard`, `strict` or `permissive`.
    ///
    /// # Example
    ///
    /// ```
    /// # use incident_model::Preset;
    /// assert_eq!(Preset::Strict.as_str(), "strict");
    /// ```
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Preset::Standard => "standard",
            Preset::Strict => "strict",
            Preset::Permissive => "permissive",
        }
    }

    /// The name of a policy in messages: its preset's, or `custom`.
    pub(crate) fn name_of(preset: Option<Preset>) -> &'static str {
        preset.map_or("custom", Preset::as_str)
    }
}

impl fmt::Display for Preset {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.as_str())
    }
}

impl FromStr for Preset {
    type Err = ParseStatusError;

    /// The preset with the given name; see [`Preset`].
    fn from_str(name: &str) -> Result<Self, Self::Err> {
        Preset::ALL
            .iter()
            .copied()
            .find(|preset| preset.as_str() == name)
            .ok_or_else(|| ParseStatusError::new("policy preset", name, PRESET_NAMES))
    }
}

/// The names of [`Preset::ALL`], for the parse error.
const PRESET_NAMES: &[&str] = &[
    Preset::Standard.as_str(),
    Preset::Strict.as_str(),
    Preset::Permissive.as_str(),
];

impl<S: Lifecycle> Default for Policy<S> {
    /// [`Policy::standard`].
    fn default() -> Self {
        Self::standard()
    }
}

// Manual impls: the derives would require `S: Clone` etc. of the phantom type.
impl<S> Clone for Policy<S> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<S> Copy for Policy<S> {}
impl<S> PartialEq for Policy<S> {
    fn eq(&self, other: &Self) -> bool {
        self.moves == other.moves && self.first == other.first
    }
}
impl<S> Eq for Policy<S> {}
impl<S> Hash for Policy<S> {
    fn hash<H: core::hash::Hasher>(&self, state: &mut H) {
        (self.moves, self.first).hash(state);
    }
}

impl<S: Lifecycle> fmt::Debug for Policy<S> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.preset() {
            None => f
                .debug_struct("Policy")
                .field("first", &self.first_statuses().collect::<Vec<_>>())
                .field("moves", &self.moves().collect::<Vec<_>>())
                .finish(),
            Some(preset) => write!(f, "Policy::{preset}()"),
        }
    }
}

impl<S: Lifecycle> fmt::Display for Policy<S> {
    /// The preset's name, or `custom`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(Preset::name_of(self.preset()))
    }
}

/// What kind of move an update makes, by the lifecycle order alone (whatever the
/// policy says of it).
///
/// # Example
///
/// ```
/// use incident_model::{IncidentStatus::*, MoveKind};
/// assert_eq!(MoveKind::of(None, Identified), MoveKind::First);
/// assert_eq!(MoveKind::of(Some(Identified), Monitoring), MoveKind::Forward);
/// assert_eq!(MoveKind::of(Some(Monitoring), Monitoring), MoveKind::Repeat);
/// assert_eq!(MoveKind::of(Some(Monitoring), Investigating), MoveKind::Regression);
/// assert_eq!(MoveKind::of(Some(Resolved), Investigating), MoveKind::Reopen);
/// assert_eq!(MoveKind::of(Some(Postmortem), Resolved), MoveKind::Backward);
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
#[non_exhaustive]
pub enum MoveKind {
    /// The first update: there is no previous status.
    First,
    /// To a later status in lifecycle order (skips included).
    Forward,
    /// To the same status.
    Repeat,
    /// Back from an open status to an earlier open one.
    Regression,
    /// Out of a closed status into an open one.
    Reopen,
    /// Back from a closed status to an earlier closed one (postmortem -> resolved).
    Backward,
}

impl MoveKind {
    /// Classifies the move from `from` (`None` for a first update) to `to`.
    ///
    /// # Example
    ///
    /// ```
    /// # use incident_model::{MaintenanceStatus::*, MoveKind};
    /// assert_eq!(MoveKind::of(Some(Verifying), InProgress), MoveKind::Regression);
    /// ```
    #[must_use]
    pub fn of<S: Lifecycle>(from: Option<S>, to: S) -> MoveKind {
        let Some(from) = from else {
            return MoveKind::First;
        };
        match (from.cmp(&to), from.is_open(), to.is_open()) {
            (core::cmp::Ordering::Equal, _, _) => MoveKind::Repeat,
            (core::cmp::Ordering::Less, _, _) => MoveKind::Forward,
            (core::cmp::Ordering::Greater, true, _) => MoveKind::Regression,
            (core::cmp::Ordering::Greater, false, true) => MoveKind::Reopen,
            (core::cmp::Ordering::Greater, false, false) => MoveKind::Backward,
        }
    }
}

/// Why a policy refused a move.
///
/// # Example
///
/// ```
/// use incident_model::{IncidentStatus::*, Policy, Refusal};
/// let refusal = Policy::strict().check(Some(Monitoring), Investigating).unwrap_err();
/// assert_eq!(refusal, Refusal::NotInTable);
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
#[non_exhaustive]
pub enum Refusal {
    /// The table does not allow the move (or the first status).
    NotInTable,
    /// The move leaves a closed status for an open one, but the update is not
    /// marked as a reopen: use `reopen`.
    ReopenNotMarked,
    /// The update is marked as a reopen, but it does not leave a closed status.
    NothingToReopen,
}

impl fmt::Display for Refusal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Refusal::NotInTable => "the policy's table does not allow it",
            Refusal::ReopenNotMarked => {
                "it reopens a closed lifecycle, which takes an explicit reopen"
            }
            Refusal::NothingToReopen => {
                "the update is marked as a reopen but the status before it is not closed"
            }
        })
    }
}

/// Where an update sits: its position in display order, its id and its display
/// time. Used in messages.
pub(crate) struct At<'a> {
    position: usize,
    update: &'a UpdateId,
    display_at: &'a DateTime<Utc>,
}

impl<'a> At<'a> {
    pub(crate) fn new(
        position: usize,
        update: &'a UpdateId,
        display_at: &'a DateTime<Utc>,
    ) -> Self {
        At {
            position,
            update,
            display_at,
        }
    }
}

impl fmt::Display for At<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "updates[{}] (id {:?}, display_at {})",
            self.position,
            self.update.as_str(),
            rfc3339(*self.display_at)
        )
    }
}

/// A move the policy refused: from which status (none for a first update) to
/// which, at which update, and why.
///
/// # Example
///
/// ```
/// # use chrono::{TimeZone, Utc};
/// use incident_model::{Incident, IncidentStatus::*, Update, UpdateId, ValidationError};
///
/// # let at = |h| Utc.with_ymd_and_hms(2020, 3, 16, h, 0, 0).unwrap();
/// # let mut incident = Incident::builder("Slow page loads")
/// #     .id("inc-1".parse()?)
/// #     .update(Update::new(Investigating, at(14)).with_id("u1".parse()?))
/// #     .update(Update::new(Resolved, at(15)).with_id("u2".parse()?))
/// #     .build()?;
/// // `incident` "inc-1": investigating at 14:00 (u1), resolved at 15:00 (u2).
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
    pub event: EventId,
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
    /// The preset that refused the move; `None` for a custom table
    /// ([`Policy::preset`]).
    pub policy: Option<Preset>,
    /// Why the move was refused.
    pub refusal: Refusal,
}

impl<S: Lifecycle> fmt::Display for TransitionError<S> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let at = At::new(self.position, &self.update, &self.display_at);
        write!(f, "{} {:?}, {at}: ", S::KIND, self.event.as_str())?;
        match self.from {
            Some(from) => write!(f, "move {from} -> {}", self.to)?,
            None => write!(f, "first status {}", self.to)?,
        }
        write!(
            f,
            " refused under the {} policy: {}",
            Preset::name_of(self.policy),
            self.refusal
        )
    }
}

impl<S: Lifecycle> std::error::Error for TransitionError<S> {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_fit_the_bit_matrix() {
        assert!(IncidentStatus::ALL.len() <= 8);
        assert!(MaintenanceStatus::ALL.len() <= 8);
    }

    #[test]
    fn permissive_allows_every_pair_and_first() {
        let p = Policy::<IncidentStatus>::permissive();
        for &a in IncidentStatus::ALL {
            assert!(p.allows_first(a));
            for &b in IncidentStatus::ALL {
                assert!(p.allows(a, b));
            }
        }
    }
}
