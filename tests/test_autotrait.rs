//! Every public type is `Send + Sync + Unpin + 'static`, and every error type is
//! also an `Error`: one check per type, in one place (C-SEND-SYNC, C-GOOD-ERR).

use incident_model::typed::{state, Draft, MoveError, StateError, Typed};
use incident_model::{
    AffectedComponent, AnyEvent, AnyEventRef, AnyStatus, Component, ComponentChange,
    ComponentHistory, ComponentId, ComponentStatus, DayBucket, DayRange, Elapsed, Event,
    EventBuilder, EventId, EventKind, EventParts, IdError, Impact, Incident, IncidentStatus,
    Lifecycle, Maintenance, MaintenanceStatus, MergedHistory, MergedInterval, MoveKind,
    ParseStatusError, Policy, Refusal, Schedule, StatusInterval, Summaries, Summary, TimeInStatus,
    Timeline, TransitionError, Update, UpdateId, Uptime, ValidationError, Violations, Weights,
    Window,
};

/// Compiles only for a type that is `Send + Sync + Unpin + 'static`.
fn auto<T: Send + Sync + Unpin + 'static>() {}

/// Compiles only for an error type that can cross threads.
fn error<E: std::error::Error + Send + Sync + 'static>() {}

/// The generic model types, for one lifecycle.
fn model_of<S: Lifecycle + Send + Sync + Unpin + 'static>() {
    auto::<Event<S>>();
    auto::<EventBuilder<S>>();
    auto::<EventParts<S>>();
    auto::<Update<S>>();
    auto::<Policy<S>>();
    auto::<ValidationError<S>>();
    auto::<Violations<S>>();
    auto::<TransitionError<S>>();
    auto::<TimeInStatus<S>>();
    auto::<StateError<S>>();
    error::<ValidationError<S>>();
    error::<Violations<S>>();
    error::<TransitionError<S>>();
    error::<StateError<S>>();
}

#[test]
fn model_types() {
    auto::<AnyEvent>();
    auto::<AnyEventRef<'static>>();
    auto::<AnyStatus>();
    auto::<EventKind>();
    model_of::<IncidentStatus>();
    model_of::<MaintenanceStatus>();
    auto::<Incident>();
    auto::<Maintenance>();
    auto::<IncidentStatus>();
    auto::<MaintenanceStatus>();
    auto::<Impact>();
    auto::<ComponentStatus>();
    auto::<ParseStatusError>();
    auto::<EventId>();
    auto::<UpdateId>();
    auto::<ComponentId>();
    auto::<IdError>();
    auto::<Component>();
    auto::<ComponentChange>();
    auto::<Schedule>();
    auto::<MoveKind>();
    auto::<Refusal>();
    error::<ParseStatusError>();
    error::<IdError>();
}

#[test]
fn typed_api_types() {
    auto::<Draft>();
    auto::<Typed<state::Investigating>>();
    auto::<Typed<state::Resolved>>();
    auto::<Typed<state::Scheduled>>();
    auto::<Typed<state::Completed>>();
    auto::<MoveError<state::Resolved>>();
    auto::<MoveError<state::InProgress>>();
    auto::<state::Postmortem>();
    auto::<state::Verifying>();
    error::<MoveError<state::Monitoring>>();
}

#[test]
fn derived_view_types() {
    auto::<Elapsed>();
    auto::<Timeline<IncidentStatus>>();
    auto::<Timeline<ComponentStatus>>();
    auto::<TimeInStatus<ComponentStatus>>();
    auto::<AffectedComponent>();
    auto::<StatusInterval>();
    auto::<Weights>();
    auto::<Window>();
    auto::<incident_model::uptime::InvertedWindow>();
    auto::<ComponentHistory>();
    auto::<MergedHistory>();
    auto::<MergedInterval>();
    auto::<Uptime>();
    auto::<DayRange>();
    auto::<DayBucket>();
    auto::<Summary>();
    auto::<Summaries>();
    error::<incident_model::uptime::InvertedWindow>();
}

#[test]
fn output_types() {
    use incident_model::output::{report, svg};
    auto::<svg::ComponentBars>();
    auto::<report::Report>();
    auto::<report::ReportSummary>();
    auto::<report::Row>();
    auto::<report::ComponentRow>();
    auto::<report::Note>();
    auto::<report::EventKind>();
    auto::<report::AsOfBasis>();
}

#[cfg(feature = "tz")]
#[test]
fn time_zone_types() {
    auto::<incident_model::output::UnknownTimeZone>();
    error::<incident_model::output::UnknownTimeZone>();
}

#[cfg(feature = "json")]
#[test]
fn own_format_types() {
    use incident_model::FormatError;
    auto::<FormatError<IncidentStatus>>();
    auto::<FormatError<MaintenanceStatus>>();
    error::<FormatError<IncidentStatus>>();
    error::<FormatError<MaintenanceStatus>>();
}

#[cfg(feature = "statuspage")]
#[test]
fn statuspage_types() {
    use incident_model::formats::statuspage::{
        Anomaly, AnomalyKind, Document, Extras, IncidentRecord, Limit, Limits, Location,
        MaintenanceRecord, Page, PageComponent, PageStatus, RawJson, Record, Shape,
        StatuspageError, TweetId, UpdateExtras,
    };
    auto::<Document>();
    auto::<Shape>();
    auto::<Page>();
    auto::<PageStatus>();
    auto::<PageComponent>();
    auto::<Record<IncidentStatus>>();
    auto::<IncidentRecord>();
    auto::<MaintenanceRecord>();
    auto::<Extras>();
    auto::<UpdateExtras>();
    auto::<RawJson>();
    auto::<TweetId>();
    auto::<Anomaly>();
    auto::<AnomalyKind>();
    auto::<Limits>();
    auto::<Limit>();
    auto::<Location>();
    auto::<StatuspageError>();
    error::<StatuspageError>();
}

// The dev-dependency on the crate itself turns `generate` on for the tests in
// the repository; the packaged crate has no such dev-dependency.
#[cfg(feature = "generate")]
#[test]
fn generator_types() {
    auto::<incident_model::generate::Generator>();
}
