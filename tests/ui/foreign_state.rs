// The state trait is sealed: no state can be added outside the crate.
use incident_model::typed::State;
use incident_model::IncidentStatus;

#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug, Default)]
struct Mitigated;

impl State for Mitigated {
    type Lifecycle = IncidentStatus;
    const STATUS: IncidentStatus = IncidentStatus::Monitoring;
}

fn main() {}
