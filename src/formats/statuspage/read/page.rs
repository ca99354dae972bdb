//! The page level: `page`, `status` and a component (of the page or of an
//! incident).

use std::borrow::Cow;

use super::super::wire::{Str, WireComponent, WirePage, WireStatus};
use super::super::{Limit, Page, PageComponent, PageStatus, RawJson, StatuspageError};
use super::{anomalies, keys, parse, parse_lazy, text, Cx, Here};
use crate::component::Component;
use crate::id::ComponentId;
use crate::status::ComponentStatus;

impl Cx {
    pub(super) fn page(&mut self, w: WirePage<'_>) -> Result<Page, StatuspageError> {
        let here = Here::top("page");
        let updated_at = self.opt_time(w.updated_at.as_ref(), &here, "updated_at")?;
        Ok(Page {
            id: text(w.id),
            name: text(w.name),
            url: text(w.url),
            time_zone: text(w.time_zone),
            updated_at,
            other: self.other(w.other, keys::PAGE, "page", &here),
        })
    }

    pub(super) fn status(&mut self, w: WireStatus<'_>) -> Result<PageStatus, StatuspageError> {
        let here = Here::top("status");
        let indicator = match &w.indicator {
            Some(i) => parse(&i.0, &here, "indicator")?,
            None => return Err(here.missing("indicator", "missing status indicator")),
        };
        let null_description = w.description.is_none() && w.is_null("description");
        let description = text(w.description).unwrap_or_default();
        let mut other = self.other(w.other, keys::STATUS, "status", &here);
        if null_description {
            // Kept verbatim: the writer writes `description` from `other`.
            other.push((Cow::Borrowed("description"), RawJson::null()));
        }
        Ok(PageStatus {
            indicator,
            description,
            other,
        })
    }

    /// A component; `position` is its place in an incident's `components`.
    pub(super) fn component(
        &mut self,
        w: WireComponent<'_>,
        here: &Here<'_>,
        position: Option<usize>,
    ) -> Result<PageComponent, StatuspageError> {
        // Fields are named `components[j].field`.
        let field = |name: &str| match position {
            Some(j) => format!("components[{j}].{name}"),
            None => name.to_owned(),
        };
        // Keys given as `null` are kept verbatim, to be written back as given.
        let nulls = ["name", "status", "group"].map(|key| (key, w.is_null(key)));
        // Long ids and names would be copied into anomalies and the model.
        let len = |value: &Option<Str<'_>>| value.as_ref().map_or(0, |v| v.0.len());
        self.within(Limit::IdBytes, len(&w.id), here, || field("id"))?;
        self.within(Limit::NameBytes, len(&w.name), here, || field("name"))?;
        self.within(Limit::IdBytes, len(&w.group_id), here, || field("group_id"))?;
        // An empty id is refused as a missing one.
        let id =
            w.id.as_ref()
                .and_then(|id| self.component_id(id.0.as_ref()).ok());
        let Some(id) = id else {
            return Err(here.missing(&field("id"), "missing component id"));
        };
        let status = match &w.status {
            Some(s) => Some(parse_lazy::<ComponentStatus>(&s.0, here, || {
                field("status")
            })?),
            None => None,
        };
        let name = match w.name {
            Some(name) => name.0.into_owned(),
            None => {
                self.push(anomalies::unnamed_component(here.incident, &id));
                id.as_str().to_owned()
            }
        };
        let mut other = self.other(w.other, keys::COMPONENT, "component", here);
        for (key, _) in nulls.into_iter().filter(|(_, null)| *null) {
            other.push((Cow::Borrowed(key), RawJson::null()));
        }
        // A `group_id` that is no id (`""`) is kept verbatim, to be written back.
        let group_id = w.group_id.and_then(|g| {
            ComponentId::new(g.0.as_ref())
                .inspect_err(|_| other.push((Cow::Borrowed("group_id"), RawJson::string(&g.0))))
                .ok()
        });
        Ok(PageComponent {
            component: Component { id, name, group_id },
            status,
            group: w.group,
            other,
        })
    }
}
