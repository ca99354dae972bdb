//! Reading an input whole, with a bound: a path (`-` for standard input) is
//! read up to a limit and refused past it, so an endless input (`/dev/zero`)
//! costs the limit, not all the memory there is. Paths need not be UTF-8:
//! messages name them lossily.

use std::ffi::OsStr;
use std::fmt;
use std::io::{self, Read};
use std::path::Path;
use std::process::ExitCode;

/// Why an input was not read.
#[derive(Debug)]
pub enum ReadError {
    /// Reading failed.
    Io(io::Error),
    /// The input has more than `limit` bytes (only `limit + 1` were read).
    OverLimit { limit: usize },
}

impl fmt::Display for ReadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ReadError::Io(err) => write!(f, "cannot read: {err}"),
            ReadError::OverLimit { limit } => write!(
                f,
                "over the input limit of {limit} bytes (Limits::max_input_bytes); not read"
            ),
        }
    }
}

/// How `path` is named in messages: `standard input` for `-`, else the path
/// with anything not UTF-8 replaced by U+FFFD.
/// The options parsed from a command line, or how the program ends:
/// `Ok(None)` (asked for help) prints `usage` and succeeds; an error is
/// printed with `usage` on standard error, exit status 2.
#[allow(dead_code)] // statuspage_check and the tests parse no options
pub fn options_or_exit<T>(
    program: &str,
    usage: &str,
    parsed: Result<Option<T>, impl fmt::Display>,
) -> Result<T, ExitCode> {
    match parsed {
        Ok(Some(options)) => Ok(options),
        Ok(None) => {
            println!("{usage}");
            Err(ExitCode::SUCCESS)
        }
        Err(err) => {
            eprintln!("{program}: {err}\n{usage}");
            Err(ExitCode::from(2))
        }
    }
}

#[allow(dead_code)] // statuspage_check reads files only
pub fn name(path: &OsStr) -> String {
    if path == "-" {
        "standard input".to_owned()
    } else {
        path.to_string_lossy().into_owned()
    }
}

/// The whole of `reader`, refused once it gives more than `limit` bytes.
pub fn read_bounded(reader: impl Read, limit: usize) -> Result<Vec<u8>, ReadError> {
    let bound = u64::try_from(limit).unwrap_or(u64::MAX).saturating_add(1);
    let mut bytes = Vec::new();
    reader
        .take(bound)
        .read_to_end(&mut bytes)
        .map_err(ReadError::Io)?;
    if bytes.len() > limit {
        return Err(ReadError::OverLimit { limit });
    }
    Ok(bytes)
}

/// The bytes of the file at `path`, at most `limit` of them.
pub fn read_file(path: &Path, limit: usize) -> Result<Vec<u8>, ReadError> {
    let file = std::fs::File::open(path).map_err(ReadError::Io)?;
    read_bounded(file, limit)
}

/// The text of `path` (`-`: standard input), at most `limit` bytes of UTF-8.
#[allow(dead_code)] // statuspage_check reads files only
pub fn read_text(path: &OsStr, limit: usize) -> Result<String, ReadError> {
    let bytes = if path == "-" {
        read_bounded(io::stdin().lock(), limit)?
    } else {
        read_file(Path::new(path), limit)?
    };
    String::from_utf8(bytes).map_err(|_| {
        ReadError::Io(io::Error::new(
            io::ErrorKind::InvalidData,
            "stream did not contain valid UTF-8",
        ))
    })
}

/// A document of any format the crate was built to read, as a Statuspage
/// document for the examples' reports: Statuspage JSON (and its webhooks)
/// through the Statuspage reader, which keeps everything; any other format
/// detected (`formats::read`) and converted. The second value is the format
/// found.
#[allow(dead_code)] // statuspage_check reads Statuspage only
#[cfg(feature = "statuspage")] // tests/test_hostile_output.rs includes this file in every build
pub fn read_document(
    text: &str,
) -> Result<
    (
        incident_model::formats::statuspage::Document,
        incident_model::formats::Format,
    ),
    String,
> {
    use incident_model::formats::{self, statuspage, Format};
    match formats::detect(text) {
        Ok(format @ (Format::Statuspage | Format::StatuspageWebhook)) => statuspage::read(text)
            .map(|document| (document, format))
            .map_err(|err| err.to_string()),
        Ok(_) => formats::read(text)
            .map(|document| {
                let format = document.format;
                (statuspage::Document::from(document), format)
            })
            .map_err(|err| err.to_string()),
        // A shape the detector does not know may still be Statuspage's.
        Err(err) => statuspage::read(text)
            .map(|document| (document, Format::Statuspage))
            .map_err(|_| err.to_string()),
    }
}
