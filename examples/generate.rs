//! Writes a seeded, generated Statuspage export: the generator of the benches
//! and of `examples/perf.rs`, so that anyone can make a large input.
//!
//! ```text
//! cargo run --release --example generate -- --events N [--seed S] OUT
//! ```
//!
//! `OUT` gets an `incidents.json` document of `N` events (incidents and the
//! few maintenances among them; see `incident_model::generate`), seed 42
//! unless `--seed` says otherwise: the same arguments give the same bytes on
//! every machine. `-` writes to standard output. The export is written one
//! event at a time (about 4 KB each): a million events is about 4 GB of JSON,
//! with memory for the plan only.

#[allow(dead_code)] // the generator reads no input
#[path = "common/input.rs"]
mod input;

use std::ffi::OsString;
use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::process::ExitCode;

use incident_model::generate::Generator;

const USAGE: &str = "usage: generate --events N [--seed S] OUT";

/// The seed of the benches and of the perf example.
const SEED: u64 = 42;

struct Options {
    events: usize,
    seed: u64,
    out: OsString,
}

fn main() -> ExitCode {
    let parsed = parse_args(std::env::args_os().skip(1));
    let options = match input::options_or_exit("generate", USAGE, parsed) {
        Ok(options) => options,
        Err(code) => return code,
    };
    let generator = Generator::new(options.seed).incidents(options.events);
    let written = if options.out == "-" {
        write(&generator, io::stdout().lock())
    } else {
        File::create(&options.out).and_then(|file| write(&generator, file))
    };
    match written {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            let name = options.out.to_string_lossy();
            eprintln!("generate: cannot write {name}: {err}");
            ExitCode::FAILURE
        }
    }
}

fn write(generator: &Generator, out: impl Write) -> io::Result<()> {
    let mut out = BufWriter::with_capacity(1 << 20, out);
    generator.write_statuspage_json(&mut out)?;
    out.flush()
}

fn parse_args(args: impl Iterator<Item = OsString>) -> Result<Option<Options>, String> {
    let (mut events, mut seed, mut out) = (None, SEED, None);
    let mut args = args.peekable();
    while let Some(arg) = args.next() {
        match arg.to_str() {
            Some("-h" | "--help") => return Ok(None),
            Some(option @ ("--events" | "--seed")) => {
                let value = args.next().ok_or(format!("{option} needs a number"))?;
                let number = value.to_str().and_then(|v| v.parse::<u64>().ok());
                let number = number.ok_or(format!(
                    "{option} needs a number, not {:?}",
                    value.to_string_lossy()
                ))?;
                if option == "--events" {
                    let count = usize::try_from(number).map_err(|_| "too many events")?;
                    events = Some(count);
                } else {
                    seed = number;
                }
            }
            Some(other) if other.starts_with("--") => {
                return Err(format!("unknown option {other}"))
            }
            _ if out.is_none() => out = Some(arg),
            _ => return Err("one OUT only".to_owned()),
        }
    }
    let events = events.ok_or("--events N is needed")?;
    let out = out.ok_or("OUT is needed (`-` for standard output)")?;
    Ok(Some(Options { events, seed, out }))
}
