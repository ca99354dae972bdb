//! An update's `affected_components`: component changes, and placeholders
//! (no code or statuses) kept verbatim.

use std::borrow::Cow;

use super::super::wire::WireAffected;
use super::super::{Fields, Limit, RawJson, StatuspageError, UpdateExtras};
use super::update::Seen;
use super::{anomalies, keys, parse_lazy, Cx, Here};
use crate::status::ComponentStatus;
use crate::update::ComponentChange;

impl Cx {
    /// The component changes of the update `extras` describes; placeholders go
    /// to `extras.placeholders_mut()`.
    pub(super) fn changes(
        &mut self,
        affected: Option<Vec<WireAffected<'_>>>,
        extras: &mut UpdateExtras,
        here: &Here<'_>,
        seen: &mut Seen,
    ) -> Result<Vec<ComponentChange>, StatuspageError> {
        let affected = affected.unwrap_or_default();
        // Exactly as many as given (most updates change one component).
        let mut changes = Vec::with_capacity(affected.len());
        // The entries as given, when the changes would not write them back.
        let mut given = needs_given(&affected).then(|| Vec::with_capacity(affected.len()));
        for (j, a) in affected.into_iter().enumerate() {
            if let Some(change) = self.change(&a, j, &extras.id, here, seen)? {
                changes.push(change);
                if let Some(given) = &mut given {
                    let mut fields = known_fields(&a);
                    fields.extend(a.other.into_iter().map(|(key, value)| {
                        (Cow::Owned(key.0.into_owned()), RawJson::from_raw(value))
                    }));
                    given.push(fields);
                }
            } else {
                let placeholder = self.placeholder(a, j, &extras.id, here);
                if let Some(given) = &mut given {
                    given.push(placeholder.clone());
                }
                extras.placeholders_mut().push(placeholder);
            }
        }
        if let Some(given) = given {
            extras.given.set_affected(given.into_boxed_slice());
        }
        let same: Vec<&ComponentChange> = changes
            .iter()
            .filter(|c| c.old_status == c.new_status)
            .collect();
        if !same.is_empty() {
            let anomaly = anomalies::same_status_change(here.incident, &extras.id, &same);
            self.push(anomaly);
        }
        Ok(changes)
    }

    /// The change `a` at position `j` is, or `None` for a placeholder.
    fn change(
        &mut self,
        a: &WireAffected<'_>,
        j: usize,
        update: &crate::id::UpdateId,
        here: &Here<'_>,
        seen: &mut Seen,
    ) -> Result<Option<ComponentChange>, StatuspageError> {
        let field = |name: &str| format!("affected_components[{j}].{name}");
        let len =
            |value: &Option<super::super::wire::Str<'_>>| value.as_ref().map_or(0, |v| v.0.len());
        self.within(Limit::IdBytes, len(&a.code), here, || field("code"))?;
        self.within(Limit::NameBytes, len(&a.name), here, || field("name"))?;
        let (Some(code), Some(old), Some(new)) = (&a.code, &a.old_status, &a.new_status) else {
            return Ok(None);
        };
        if !is_change(a) {
            return Ok(None);
        }
        let old_status: ComponentStatus = parse_lazy(&old.0, here, || field("old_status"))?;
        let new_status: ComponentStatus = parse_lazy(&new.0, here, || field("new_status"))?;
        let component_id = self
            .component_id(code.0.as_ref())
            .map_err(|err| here.bad_id(&field("code"), err))?;
        let name = match &a.name {
            Some(name) => name.0.clone().into_owned(),
            None => {
                self.push(anomalies::unnamed_change(here.incident, update, j));
                component_id.as_str().to_owned()
            }
        };
        if name.contains(" - ") && seen.first_group_prefixed(&component_id) {
            let anomaly =
                anomalies::group_prefixed_name(here.incident, update, &component_id, &name);
            self.push(anomaly);
        }
        if !a.other.is_empty() {
            let keys: Vec<String> = a.other.iter().map(|(k, _)| format!("{:?}", k.0)).collect();
            self.push(anomalies::change_keys_outside_the_model(
                here.incident,
                update,
                j,
                &keys,
            ));
        }
        let changed_at = match &a.changed_at {
            Some(at) => Some(self.time_lazy(&at.0, here, || field("changed_at"))?),
            None => None,
        };
        Ok(Some(ComponentChange {
            component_id,
            name,
            old_status,
            new_status,
            changed_at,
        }))
    }

    /// A placeholder entry at position `j`, verbatim.
    fn placeholder(
        &mut self,
        a: WireAffected<'_>,
        j: usize,
        update: &crate::id::UpdateId,
        here: &Here<'_>,
    ) -> Fields {
        let mut fields = known_fields(&a);
        fields.extend(self.other(a.other, keys::AFFECTED, "affected component", here));
        let name = a.name.as_ref().map(|n| n.0.as_ref()).unwrap_or_default();
        self.push(anomalies::placeholder_component(
            here.incident,
            update,
            j,
            name,
        ));
        fields
    }
}

/// Whether the model's changes would not write `affected` back as given: a
/// change without a name (the code stands in) or with keys of the page's own,
/// or a placeholder before a change (placeholders are written last).
fn needs_given(affected: &[WireAffected<'_>]) -> bool {
    let mut placeholder_seen = false;
    for a in affected {
        if !is_change(a) {
            placeholder_seen = true;
        } else if placeholder_seen || a.name.is_none() || !a.other.is_empty() {
            return true;
        }
    }
    false
}

/// Whether `a` is a component change: a code and both statuses.
fn is_change(a: &WireAffected<'_>) -> bool {
    a.code.as_ref().is_some_and(|c| !c.0.is_empty())
        && a.old_status.is_some()
        && a.new_status.is_some()
}

/// The documented keys of `a` as given (`null` where given as `null`).
fn known_fields(a: &WireAffected<'_>) -> Fields {
    let mut fields = Fields::new();
    for (key, value) in [
        ("code", &a.code),
        ("name", &a.name),
        ("old_status", &a.old_status),
        ("new_status", &a.new_status),
        ("changed_at", &a.changed_at),
    ] {
        match value {
            Some(value) => fields.push((Cow::Borrowed(key), RawJson::string(&value.0))),
            None if a.is_null(key) => fields.push((Cow::Borrowed(key), RawJson::null())),
            None => {}
        }
    }
    fields
}
