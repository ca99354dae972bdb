//! Events a lenient reader skips: the option, and what comes back.

use super::StatuspageError;

/// What the reader does with an event (an incident or a maintenance of a
/// list) it cannot interpret: an unknown status, a timestamp that is not RFC
/// 3339, a missing id.
///
/// # Example
///
/// See [`Reader`](super::Reader).
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug, Default)]
#[non_exhaustive]
pub enum BadEvents {
    /// Refuse the whole document with the event's error (the default).
    #[default]
    Refuse,
    /// Skip the event: it comes back in
    /// [`Document::skipped`](super::Document::skipped) with its
    /// error, and the other events are read. An over-limit error
    /// ([`StatuspageError::LimitExceeded`]) still refuses the document, as
    /// does a bad event that is the document's only one (`incidents/{id}.json`,
    /// a bare incident, a webhook) or a bad page, status or component.
    Skip,
}

/// An event the reader skipped ([`BadEvents::Skip`]): where it was, and why.
/// Passive data.
///
/// # Example
///
/// See [`Reader`](super::Reader).
#[derive(Clone, PartialEq, Eq, Debug)]
#[non_exhaustive]
pub struct SkippedEvent {
    /// Where it was: `incidents[3]`, `scheduled_maintenances[0]`, `[2]` (a
    /// manage-API list).
    pub container: String,
    /// Why it was not read (naming the event's id when it has one).
    pub error: StatuspageError,
}
