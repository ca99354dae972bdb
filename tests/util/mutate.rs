//! A small deterministic mutator for bounded, stable-Rust fuzzing in `cargo test`:
//! the same entry points as the cargo-fuzz targets in `fuzz/`, over mutated seed
//! bytes, so CI exercises them without nightly.

/// xorshift64*: deterministic, seeded, good enough to pick mutations.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(seed.max(1))
    }

    pub fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    pub fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }
}

/// Tokens that tend to find the corners of JSON readers.
const TOKENS: &[&str] = &[
    "null",
    "[]",
    "{}",
    "\"\"",
    "\"[]\"",
    "0",
    "-1",
    "1e308",
    "NaN",
    "18446744073709551616",
    "9007199254740993",
    "\"9999-12-31T23:59:59Z\"",
    "\"+262143-12-31T23:59:59Z\"",
    "\"1970-01-01T00:00:00Z\"",
    "\"2020-03-16T10:28:00.123456789-04:00\"",
    "\"resolved\"",
    "\"investigating\"",
    "\"postmortem\"",
    "\"completed\"",
    "\"major_outage\"",
    "true",
    "\"\\u0000\"",
    "\"\\ud800\"",
    ",",
    ":",
    "\"",
    "[",
    "{",
    "]",
    "}",
];

/// One mutation of `input`.
pub fn mutate(rng: &mut Rng, input: &[u8]) -> Vec<u8> {
    let mut out = input.to_vec();
    let rounds = 1 + rng.below(4);
    for _ in 0..rounds {
        let len = out.len();
        match rng.below(7) {
            0 if len > 0 => {
                let i = rng.below(len);
                out[i] ^= 1 << rng.below(8);
            }
            1 if len > 0 => {
                let start = rng.below(len);
                let end = (start + 1 + rng.below(16)).min(len);
                out.drain(start..end);
            }
            2 if len > 0 => {
                let start = rng.below(len);
                let end = (start + 1 + rng.below(64)).min(len);
                let copy = out[start..end].to_vec();
                let at = rng.below(out.len());
                out.splice(at..at, copy);
            }
            3 => {
                let token = TOKENS[rng.below(TOKENS.len())].as_bytes();
                let at = rng.below(len + 1);
                out.splice(at..at, token.iter().copied());
            }
            4 if len > 0 => {
                // Replace a JSON string value with a token.
                let token = TOKENS[rng.below(TOKENS.len())].as_bytes();
                let at = rng.below(len);
                if let Some(open) = out[at..].iter().position(|&b| b == b'"').map(|p| p + at) {
                    if let Some(close) = out[open + 1..]
                        .iter()
                        .position(|&b| b == b'"')
                        .map(|p| p + open + 1)
                    {
                        out.splice(open..=close, token.iter().copied());
                    }
                }
            }
            5 => out.truncate(rng.below(len + 1)),
            _ => {
                let at = rng.below(len + 1);
                out.insert(at, rng.next() as u8);
            }
        }
    }
    out
}
