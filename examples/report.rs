//! The main job: a report of incidents. Until the Statuspage reader and the
//! duration views land, it prints the 16 March 2020 incident built in code.
//!
//! Run with `cargo run --example report`.

use chrono::{DateTime, FixedOffset, TimeZone, Utc};
use incident_model::{
    Component, ComponentChange, ComponentId,
    ComponentStatus::*,
    Impact, Incident,
    IncidentStatus::{self, *},
    Update, UpdateId,
};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let incident = march_16()?;
    let edt = FixedOffset::west_opt(4 * 3600).ok_or("bad offset")?;
    let show = |t: DateTime<Utc>| {
        t.with_timezone(&edt)
            .format("%b %d, %Y - %H:%M EDT")
            .to_string()
    };
    println!("{} {:?}", incident.id(), incident.name());
    println!(
        "  status {}, impact {}, {} updates",
        incident.status(),
        incident.impact(),
        incident.updates().len()
    );
    println!("  opened   {}", show(incident.opened_at()));
    if let Some(resolved) = incident.resolved_at() {
        println!("  resolved {}", show(resolved));
    }
    let since_open = |t: Option<DateTime<Utc>>| {
        t.map(|t| {
            let minutes = (t - incident.opened_at()).num_minutes();
            format!("{}h {}m", minutes / 60, minutes % 60)
        })
        .unwrap_or_else(|| "-".to_owned())
    };
    println!(
        "  time to identify {}",
        since_open(incident.identified_at())
    );
    println!(
        "  time to mitigate {}",
        since_open(incident.monitoring_at())
    );
    println!("  time to resolve  {}", since_open(incident.resolved_at()));
    for update in incident.updates().iter().rev() {
        println!("  {} - {}", capitalized(update.status()), update.body());
        println!("    Posted {}", show(update.display_at()));
    }
    Ok(())
}

fn capitalized(status: IncidentStatus) -> String {
    let name = status.to_string();
    let mut chars = name.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

fn march_16() -> Result<Incident, Box<dyn std::error::Error>> {
    let edt = |h: u32, m: u32| {
        Utc.with_ymd_and_hms(2020, 3, 16, h + 4, m, 0)
            .single()
            .ok_or("bad time")
    };
    let api = ComponentId::new("api")?;
    let change = |old, new| ComponentChange::new(api.clone(), "API", old, new);
    let updates = [
        (
            Identified,
            10,
            28,
            "A surge of new sign-ups is slowing page loads. We are adding capacity.",
            Some(change(Operational, DegradedPerformance)),
        ),
        (
            Identified,
            10,
            49,
            "More application servers are coming online.",
            None,
        ),
        (
            Identified,
            11,
            17,
            "Emergency maintenance: about five minutes of complete downtime.",
            Some(change(DegradedPerformance, MajorOutage)),
        ),
        (
            Identified,
            11,
            40,
            "The maintenance is over; pages still load slowly at times.",
            Some(change(MajorOutage, DegradedPerformance)),
        ),
        (
            Identified,
            12,
            20,
            "Database capacity is being raised to match the new load.",
            None,
        ),
        (
            Monitoring,
            13,
            42,
            "A fix is in place and we are watching page load times.",
            None,
        ),
        (
            Monitoring,
            14,
            12,
            "Page load times are back to normal for most users.",
            None,
        ),
        (
            Monitoring,
            14,
            22,
            "We keep watching while sign-ups stay high.",
            None,
        ),
        (
            Resolved,
            17,
            51,
            "Page loads have stayed fast for three hours. This incident is resolved.",
            Some(change(DegradedPerformance, Operational)),
        ),
        (
            Postmortem,
            17,
            53,
            "We have published a postmortem of this incident.",
            None,
        ),
    ];
    let mut builder = Incident::builder("Slow page loads")
        .id("tm-2020-03-16".parse()?)
        .impact(Impact::Minor)
        .component(Component::new(api.clone(), "API"));
    for (i, (status, h, m, body, change)) in updates.into_iter().enumerate() {
        let mut update = Update::new(status, edt(h, m)?)
            .with_id(UpdateId::new(format!("u{i:02}"))?)
            .with_body(body);
        if let Some(change) = change {
            update = update.with_change(change);
        }
        builder = builder.update(update);
    }
    Ok(builder.build()?)
}
