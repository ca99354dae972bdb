//! A webhook delivery's own parts: `meta`, the `component` and the
//! `component_update` of a component delivery, and the page status its page
//! carries.

use super::super::wire::{WireComponent, WireComponentUpdate, WireMeta};
use super::super::{ComponentUpdate, Document, PageStatus, RawJson, StatuspageError, WebhookMeta};
use super::{keys, parse, text, Cx, Here};
use crate::id::ComponentId;
use crate::status::Impact;

impl Cx {
    /// Reads a delivery's parts into `doc` (after its page).
    pub(super) fn webhook_into(
        &mut self,
        meta: Option<WireMeta<'_>>,
        component: Option<WireComponent<'_>>,
        update: Option<WireComponentUpdate<'_>>,
        doc: &mut Document,
    ) -> Result<(), StatuspageError> {
        if let Some(meta) = meta {
            let here = Here::top("meta");
            doc.meta = Some(WebhookMeta {
                generated_at: self.opt_time(meta.generated_at.as_ref(), &here, "generated_at")?,
                other: self.other(meta.other, keys::META, "meta", &here),
            });
        }
        if let Some(component) = component {
            let component = self.component(component, &Here::top("component"), None)?;
            doc.components.push(component);
        }
        if let Some(update) = update {
            doc.component_update = Some(self.component_update(update)?);
        } else if !doc.components.is_empty() && doc.shape == super::Shape::ComponentWebhook {
            return Err(Here::top("").missing("component_update", "missing component_update"));
        }
        if matches!(
            doc.shape,
            super::Shape::ComponentWebhook | super::Shape::IncidentWebhook
        ) {
            doc.status = page_status(doc)?;
        }
        Ok(())
    }

    fn component_update(
        &mut self,
        w: WireComponentUpdate<'_>,
    ) -> Result<ComponentUpdate, StatuspageError> {
        let here = Here::top("component_update");
        let component_id = w
            .component_id
            .as_ref()
            .and_then(|id| ComponentId::new(id.0.as_ref()).ok())
            .ok_or_else(|| here.missing("component_id", "missing component id"))?;
        let status = |value: Option<&super::Str<'_>>, field: &str| match value {
            Some(v) => parse(&v.0, &here, field),
            None => Err(here.missing(field, format!("missing {field}"))),
        };
        let old_status = status(w.old_status.as_ref(), "old_status")?;
        let new_status = status(w.new_status.as_ref(), "new_status")?;
        let created_at = match &w.created_at {
            Some(at) => self.time(&at.0, &here, "created_at")?,
            None => return Err(here.missing("created_at", "missing created_at")),
        };
        Ok(ComponentUpdate {
            id: text(w.id),
            component_id,
            old_status,
            new_status,
            created_at,
            other: self.other(w.other, keys::COMPONENT_UPDATE, "component_update", &here),
        })
    }
}

/// The page status a delivery's page carries (`status_indicator`,
/// `status_description`), when it does.
fn page_status(doc: &Document) -> Result<Option<PageStatus>, StatuspageError> {
    let Some(page) = &doc.page else {
        return Ok(None);
    };
    let find = |key: &str| {
        page.other
            .iter()
            .find(|(k, _)| k == key)
            .and_then(|(_, raw)| string(raw))
    };
    let Some(indicator) = find("status_indicator") else {
        return Ok(None);
    };
    let indicator: Impact = parse(&indicator, &Here::top("page"), "status_indicator")?;
    Ok(Some(PageStatus {
        indicator,
        description: find("status_description").unwrap_or_default(),
        other: Vec::new(),
    }))
}

/// The string a raw JSON value holds, if it is one.
fn string(raw: &RawJson) -> Option<String> {
    serde_json::from_str(raw.as_str()).ok()
}
