//! Event ids in feed addresses (tag URIs, `/incidents/{id}` links).

use core::fmt::Write as _;

/// An id as a URI path segment: unreserved characters kept, every other
/// byte `%XX`.
pub(super) fn percent_encode(id: &str) -> String {
    let mut out = String::with_capacity(id.len());
    for byte in id.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'.' | b'_' | b'~') {
            out.push(char::from(byte));
        } else {
            let _ = write!(out, "%{byte:02X}");
        }
    }
    out
}

/// A path segment with its `%XX` decoded (invalid sequences kept as given).
pub(super) fn percent_decode(segment: &str) -> String {
    let bytes = segment.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while let Some(&byte) = bytes.get(i) {
        let hex = bytes
            .get(i + 1..i + 3)
            .and_then(|h| core::str::from_utf8(h).ok());
        match hex
            .filter(|_| byte == b'%')
            .and_then(|h| u8::from_str_radix(h, 16).ok())
        {
            Some(decoded) => {
                out.push(decoded);
                i += 3;
            }
            None => {
                out.push(byte);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}
