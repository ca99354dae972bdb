//! What every format's reader does with what a platform published, written
//! once: the implicit reopens it marks and the wording of a move the standard
//! policy refuses.

use crate::id::UpdateId;

/// What an [`AnomalyKind::PolicyViolation`](super::AnomalyKind::PolicyViolation) says of a move the standard
/// policy refuses (`err`), in an event kept under the permissive one: the
/// update it names, and its detail. The one wording of every format's reader.
pub(crate) fn policy_violation<S: crate::policy::Lifecycle>(
    err: &crate::builder::ValidationError<S>,
) -> (Option<&UpdateId>, String) {
    let update = match err {
        crate::builder::ValidationError::Transition(t) => Some(&t.update),
        _ => None,
    };
    (
        update,
        format!("{err}; the event keeps the permissive policy"),
    )
}

/// The moves from a closed status to an open one in updates taken in display
/// order: the platforms record reopens implicitly, and every format's reader
/// marks each such update as a reopen, reported as an
/// [`AnomalyKind::ImplicitReopen`](super::AnomalyKind::ImplicitReopen). The one rule and wording of every reader.
pub(crate) struct ImplicitReopens<S> {
    previous: Option<S>,
}

impl<S: crate::policy::Lifecycle> ImplicitReopens<S> {
    /// Before the first update.
    pub(crate) fn new() -> Self {
        ImplicitReopens { previous: None }
    }

    /// `update`, the next in display order, marked as a reopen when it moves
    /// out of a closed status, with the anomaly's detail then (`platform`
    /// names who reopens implicitly).
    pub(crate) fn mark(
        &mut self,
        update: crate::update::Update<S>,
        platform: &str,
    ) -> (crate::update::Update<S>, Option<String>) {
        match self.previous.replace(update.status()) {
            Some(from) if !from.is_open() && update.status().is_open() => {
                let to = update.status();
                let detail =
                    format!("{from} -> {to}: {platform} reopens implicitly; marked as a reopen");
                (update.reopening(), Some(detail))
            }
            _ => (update, None),
        }
    }
}
