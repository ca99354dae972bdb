//! The examples against hostile command lines and inputs: a path that is not
//! UTF-8 is named lossily (no panic), and an input is read with a bound (an
//! endless one, `/dev/zero`, is refused at the limit, naming it).

#[path = "../examples/common/input.rs"]
mod input;

use std::io::Read as _;

use input::ReadError;

#[test]
fn a_bounded_read_refuses_an_endless_input_after_one_byte_more() {
    let err = input::read_bounded(std::io::repeat(0), 1024).unwrap_err();
    assert!(
        matches!(err, ReadError::OverLimit { limit: 1024 }),
        "{err:?}"
    );
    assert_eq!(
        err.to_string(),
        "over the input limit of 1024 bytes (Limits::max_input_bytes); not read"
    );
    // Exactly at the limit is read; one byte more is not.
    assert_eq!(input::read_bounded(&b"abc"[..], 3).unwrap(), b"abc");
    assert!(matches!(
        input::read_bounded(&b"abcd"[..], 3),
        Err(ReadError::OverLimit { limit: 3 })
    ));
    // What was left unread stays with the reader: at most limit + 1 taken.
    let mut rest = &b"0123456789"[..];
    assert!(input::read_bounded(&mut rest, 4).is_err());
    let mut left = Vec::new();
    rest.read_to_end(&mut left).unwrap();
    assert_eq!(left, b"56789");
}

#[cfg(target_os = "linux")]
#[test]
fn dev_zero_is_refused_at_the_limit() {
    let err = input::read_text("/dev/zero".as_ref(), 1 << 16).unwrap_err();
    assert!(
        matches!(err, ReadError::OverLimit { limit: 65_536 }),
        "{err:?}"
    );
}

#[cfg(unix)]
#[test]
fn a_path_that_is_not_utf8_is_named_lossily() {
    use std::os::unix::ffi::OsStrExt as _;
    let path = std::ffi::OsStr::from_bytes(b"/nonexistent/\xff.json");
    assert_eq!(input::name(path), "/nonexistent/\u{fffd}.json");
    assert_eq!(input::name("-".as_ref()), "standard input");
    let err = input::read_text(path, 1024).unwrap_err();
    assert!(err.to_string().starts_with("cannot read: "), "{err}");
}

/// The report example itself, given a path that is not UTF-8:
/// no panic (it used `std::env::args`), each named in a message, exit status 1.
#[cfg(all(unix, feature = "statuspage", feature = "tz"))]
#[test]
fn the_report_example_names_a_non_utf8_path() {
    use std::os::unix::ffi::OsStrExt as _;
    let path = std::ffi::OsStr::from_bytes(b"/nonexistent/\xff.json");
    let output = std::process::Command::new(env!("CARGO"))
        .args(["run", "--quiet", "--example", "report", "--manifest-path"])
        .arg(concat!(env!("CARGO_MANIFEST_DIR"), "/Cargo.toml"))
        .arg("--")
        .arg(path)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("report: /nonexistent/\u{fffd}.json: cannot read: "),
        "{stderr}"
    );
    assert!(!stderr.contains("panicked"), "{stderr}");
}

/// The report example's header names each path on its own line, escaped: a
/// name with a newline or a terminal escape forges no line and sends nothing
/// to the terminal.
#[cfg(all(unix, feature = "statuspage", feature = "tz"))]
#[test]
fn the_report_header_names_each_path_on_its_own_line_escaped() {
    let dir = std::env::temp_dir().join(format!("incident-model-header-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let export = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/examples/data/status-export.json"
    );
    let paths = [
        dir.join("a, b.json"),
        dir.join("c\nRead: forged\u{1b}[2J.json"),
    ];
    for path in &paths {
        std::fs::copy(export, path).unwrap();
    }
    let output = std::process::Command::new(env!("CARGO"))
        .args(["run", "--quiet", "--example", "report", "--manifest-path"])
        .arg(concat!(env!("CARGO_MANIFEST_DIR"), "/Cargo.toml"))
        .arg("--")
        .args(&paths)
        .output()
        .unwrap();
    std::fs::remove_dir_all(&dir).unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let header: Vec<&str> = stdout.lines().take(3).collect();
    let dir = dir.display();
    assert_eq!(
        header,
        [
            "Read:".to_owned(),
            format!("  {dir}/a, b.json"),
            format!("  {dir}/c\\nRead: forged\\u{{1b}}[2J.json"),
        ]
    );
    assert!(!stdout.contains('\u{1b}'), "{stdout}");
}
