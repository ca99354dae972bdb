//! The 16 March 2020 incident, built with the typed (compile-time) API: a
//! telemedicine service, flooded by new sign-ups, had slow page loads. Prints
//! its status-page text in the page's zone (America/New_York), its
//! durations (3h 14m to monitor, 7h 23m to resolve), and the API's time in
//! each status: 5 minutes of major outage from 11:17 (the change back to
//! degraded performance happened at 11:22, before the 11:40 update that
//! announced it), degraded performance the rest of the time.
//!
//! Run with `cargo run --example seed_incident`.

use chrono::{DateTime, TimeZone, Utc};
use incident_model::typed::{state, Draft, Typed};
use incident_model::{
    output, Component, ComponentChange, ComponentId, ComponentStatus::*, Elapsed, Impact, Incident,
    Weights,
};

fn main() {
    if let Err(err) = run() {
        eprintln!("seed_incident: {err}");
        std::process::exit(1);
    }
}

fn run() -> Result<(), Box<dyn std::error::Error>> {
    let incident = march_16()?;
    let zone = output::page_zone("America/New_York")?;
    print!("{}", output::text(&incident, &zone));
    println!();
    let show = |d: Option<Elapsed>| d.map_or("-".to_owned(), |d| d.to_string());
    println!("time to identify {}", show(incident.time_to_identify()));
    println!("time to monitor {}", show(incident.time_to_monitor()));
    println!("time to resolve  {}", show(incident.time_to_resolve()));
    let resolved = incident.resolved_at().unwrap_or(incident.opened_at());
    for component in incident.affected_components(resolved) {
        for (status, time) in component
            .time_in_status
            .iter()
            .filter(|(_, t)| t.as_millis() > 0)
        {
            println!(
                "{}: {} {time}",
                component.name,
                status.as_str().replace('_', " ")
            );
        }
        let downtime = component.weighted_downtime(&Weights::default());
        println!("{}: weighted downtime {downtime}", component.name);
    }
    Ok(())
}

/// 16 March 2020, EDT (UTC-4) wall-clock time.
fn edt(hour: u32, minute: u32) -> Result<DateTime<Utc>, String> {
    Utc.with_ymd_and_hms(2020, 3, 16, hour + 4, minute, 0)
        .single()
        .ok_or_else(|| format!("no such time {hour}:{minute}"))
}

fn march_16() -> Result<Incident, Box<dyn std::error::Error>> {
    let api = ComponentId::new("api")?;
    let change = |old, new| ComponentChange::new(api.clone(), "API", old, new);
    // Every step is a method of the current state: `.investigating(...)` after
    // `.resolved(...)` would not compile. `?` only guards time order and ids.
    let typed = Typed::<state::Identified>::start(
        "Slow page loads",
        Draft::new(edt(10, 28)?)
            .with_body("Sign-ups have multiplied overnight and pages load slowly. We are adding servers.")
            .with_change(change(Operational, DegradedPerformance)),
    )
    .with_id("tm-2020-03-16".parse()?)
    .with_impact(Impact::Minor)
    .with_component(Component::new(api.clone(), "API"))?
    .identified(Draft::new(edt(10, 49)?).with_body("The first new application servers are taking traffic."))?
    .identified(
        Draft::new(edt(11, 17)?)
            .with_body("We are moving the database to a bigger machine: expect about five minutes of full downtime.")
            .with_change(change(DegradedPerformance, MajorOutage)),
    )?
    .identified(
        // The API came back at 11:22, five minutes after the move began; the
        // update saying so was posted at 11:40.
        Draft::new(edt(11, 40)?)
            .with_body("The database move is done. Pages load again, though some are still slow.")
            .with_change(change(MajorOutage, DegradedPerformance).with_changed_at(edt(11, 22)?)),
    )?
    .identified(Draft::new(edt(12, 20)?).with_body("More database capacity is on its way to match the new load."))?
    .monitoring(Draft::new(edt(13, 42)?).with_body("The fix is live; we are watching load times."))?
    .monitoring(Draft::new(edt(14, 12)?).with_body("Most users see normal load times again."))?
    .monitoring(Draft::new(edt(14, 22)?).with_body("Sign-ups remain high, so we keep watching."))?
    .resolved(
        Draft::new(edt(17, 51)?)
            .with_body("Load times have stayed normal for three hours. This incident is resolved.")
            .with_change(change(DegradedPerformance, Operational)),
    )?
    .postmortem(Draft::new(edt(17, 53)?).with_body("Our postmortem of this incident is published."))?;
    Ok(typed.into_event())
}
