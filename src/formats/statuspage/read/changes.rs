//! An update's `affected_components`: component changes, and placeholders
//! (no code or statuses) kept verbatim.

use std::borrow::Cow;

use super::super::wire::WireAffected;
use super::super::{Fields, Limit, RawJson, StatuspageError, UpdateExtras};
use super::update::Seen;
use super::{anomalies, keys, parse_lazy, Cx, Here};
use crate::id::ComponentId;
use crate::status::ComponentStatus;
use crate::update::ComponentChange;

impl Cx {
    /// The component changes of the update `extras` describes; placeholders go
    /// to `extras.placeholders`.
    pub(super) fn changes(
        &mut self,
        affected: Option<Vec<WireAffected<'_>>>,
        extras: &mut UpdateExtras,
        here: &Here<'_>,
        seen: &mut Seen,
    ) -> Result<Vec<ComponentChange>, StatuspageError> {
        // Exactly as many as given (most updates change one component).
        let mut changes = Vec::with_capacity(affected.as_ref().map_or(0, Vec::len));
        let mut same = Same::default();
        for (j, a) in affected.into_iter().flatten().enumerate() {
            if let Some(change) = self.change(&a, j, &extras.id, here, seen)? {
                same.note(&change);
                changes.push(change);
            } else {
                let placeholder = self.placeholder(a, j, &extras.id, here);
                extras.placeholders.push(placeholder);
            }
        }
        if same.count > 0 {
            let anomaly =
                anomalies::same_status_change(here.incident, &extras.id, same.count, &same.list);
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
        let code = a.code.as_ref().filter(|c| !c.0.is_empty());
        let (Some(code), Some(old), Some(new)) = (code, &a.old_status, &a.new_status) else {
            return Ok(None);
        };
        let old_status: ComponentStatus = parse_lazy(&old.0, here, || field("old_status"))?;
        let new_status: ComponentStatus = parse_lazy(&new.0, here, || field("new_status"))?;
        let component_id =
            ComponentId::new(code.0.as_ref()).map_err(|err| here.bad_id(&field("code"), err))?;
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
            self.push(anomalies::change_keys_dropped(
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
        let mut fields = Fields::new();
        for (key, value) in [
            ("code", &a.code),
            ("name", &a.name),
            ("old_status", &a.old_status),
            ("new_status", &a.new_status),
            ("changed_at", &a.changed_at),
        ] {
            if let Some(value) = value {
                fields.push((Cow::Borrowed(key), RawJson::string(&value.0)));
            }
        }
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

/// The changes of one update that keep the status, listed as `"name" (status)`.
#[derive(Default)]
struct Same {
    list: String,
    count: usize,
}

impl Same {
    fn note(&mut self, change: &ComponentChange) {
        if change.old_status != change.new_status {
            return;
        }
        if self.count > 0 {
            self.list.push_str(", ");
        }
        self.list.push('"');
        self.list.push_str(&change.name);
        self.list.push_str("\" (");
        self.list.push_str(change.old_status.as_str());
        self.list.push(')');
        self.count = self.count.saturating_add(1);
    }
}
