//! The transition rules of DESIGN.md, written out independently of the crate's
//! table, for tests to check the table against.

/// The rules of DESIGN.md for incidents, as predicates.
pub mod incident_rules {
    use incident_model::IncidentStatus::{self, *};

    pub fn standard(from: IncidentStatus, to: IncidentStatus) -> bool {
        let open = |s: IncidentStatus| matches!(s, Investigating | Identified | Monitoring);
        (open(from) && open(to)) // forward, repeated or back
            || (open(from) && to == Resolved)
            || (from == Resolved && matches!(to, Resolved | Postmortem))
            || (from == Postmortem && to == Postmortem)
            || (!open(from) && open(to)) // reopens, made explicitly
    }

    pub fn standard_first(status: IncidentStatus) -> bool {
        status != Postmortem
    }

    pub fn strict(from: IncidentStatus, to: IncidentStatus) -> bool {
        standard(from, to) && rank(to) >= rank(from)
    }

    fn rank(s: IncidentStatus) -> usize {
        IncidentStatus::ALL.iter().position(|&x| x == s).unwrap()
    }
}

pub mod maintenance_rules {
    use incident_model::MaintenanceStatus::{self, *};

    fn rank(s: MaintenanceStatus) -> usize {
        MaintenanceStatus::ALL.iter().position(|&x| x == s).unwrap()
    }

    pub fn standard(from: MaintenanceStatus, to: MaintenanceStatus) -> bool {
        (rank(from) <= rank(to)) // forward with skips, repeats
            || (from == Verifying && to == InProgress)
            || (from == Completed && to != Completed) // reopens, made explicitly
    }

    pub fn strict(from: MaintenanceStatus, to: MaintenanceStatus) -> bool {
        rank(from) <= rank(to)
    }
}
