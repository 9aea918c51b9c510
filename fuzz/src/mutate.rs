//! Mutations of a seed: byte-level (flips, interesting bytes, deletions, truncations, splices)
//! and JSON-aware (a token replaced by an interesting one, two tokens swapped, a span repeated).

use crate::Rng;

/// Bytes that JSON readers treat specially.
const BYTES: &[u8] = b"\0\x1b\x7f\xff\x80\xc3\"\\{}[],:-+.0e\n\t ";

/// Tokens that stress readers and the arithmetic behind them.
const TOKENS: &[&str] = &[
    "0",
    "-1",
    "1.5",
    "-0",
    "1e309",
    "-1e309",
    "1e-400",
    "4294967296",
    "18446744073709551615",
    "18446744073709551616",
    "-9223372036854775809",
    "99999999999999999999999999",
    "\"\"",
    "\"\\u0000\"",
    "\"\\u001b]0;x\\u0007\"",
    "\"\\ud800\"",
    "\"<script>\"",
    "\"=1+1\"",
    "\"2026-13-45\"",
    "\"tnl-2025\"",
    "\"tnl-2024\"",
    "\"inventory\"",
    "\"dependency_report\"",
    "\"not_applicable\"",
    "null",
    "true",
    "false",
    "[]",
    "{}",
    "[null]",
    "{\"\":0}",
];

/// `seed` changed by one to four mutations; `other` is a second seed for splices.
pub fn mutate(rng: &mut Rng, seed: &[u8], other: &[u8]) -> Vec<u8> {
    let mut data = seed.to_vec();
    // One mutation half of the time: most inputs then still read, and go past the reader.
    let count = if rng.below(2) == 0 { 1 } else { 2 + rng.below(3) };
    for _ in 0..count {
        match rng.below(9) {
            0 => flip_bit(rng, &mut data),
            1 => set_byte(rng, &mut data),
            2 => delete_span(rng, &mut data),
            3 => data.truncate(rng.below(data.len() + 1)),
            4 => data = splice(rng, &data, other),
            5 => replace_token(rng, &mut data),
            6 => swap_tokens(rng, &mut data),
            7 => repeat_span(rng, &mut data),
            _ => nest(rng, &mut data),
        }
    }
    data
}

fn flip_bit(rng: &mut Rng, data: &mut [u8]) {
    if !data.is_empty() {
        let i = rng.below(data.len());
        data[i] ^= 1 << rng.below(8);
    }
}

fn set_byte(rng: &mut Rng, data: &mut Vec<u8>) {
    let b = BYTES[rng.below(BYTES.len())];
    let i = rng.below(data.len() + 1);
    if i < data.len() && rng.below(2) == 0 {
        data[i] = b;
    } else {
        data.insert(i, b);
    }
}

fn delete_span(rng: &mut Rng, data: &mut Vec<u8>) {
    if data.is_empty() {
        return;
    }
    let start = rng.below(data.len());
    let end = (start + 1 + rng.below(64)).min(data.len());
    data.drain(start..end);
}

/// The start of one seed and the end of another.
fn splice(rng: &mut Rng, data: &[u8], other: &[u8]) -> Vec<u8> {
    let (i, j) = (rng.below(data.len() + 1), rng.below(other.len() + 1));
    let mut out = data[..i].to_vec();
    out.extend_from_slice(&other[j..]);
    out
}

/// Where the JSON tokens are: strings (quotes included), numbers and literals.
fn tokens(data: &[u8]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < data.len() {
        let start = i;
        match data[i] {
            b'"' => {
                i += 1;
                while i < data.len() && data[i] != b'"' {
                    i += if data[i] == b'\\' { 2 } else { 1 };
                }
                i = (i + 1).min(data.len());
                out.push((start, i));
            }
            b'-' | b'0'..=b'9' | b't' | b'f' | b'n' => {
                while i < data.len() && (data[i].is_ascii_alphanumeric() || matches!(data[i], b'-' | b'+' | b'.')) {
                    i += 1;
                }
                out.push((start, i));
            }
            _ => i += 1,
        }
    }
    out
}

fn replace_token(rng: &mut Rng, data: &mut Vec<u8>) {
    let t = tokens(data);
    if t.is_empty() {
        return;
    }
    let (start, end) = t[rng.below(t.len())];
    let with: Vec<u8> = match rng.below(8) {
        // A long string, sometimes past what any field expects.
        0 => format!("\"{}\"", "x".repeat(1 + rng.below(70_000))).into_bytes(),
        _ => TOKENS[rng.below(TOKENS.len())].as_bytes().to_vec(),
    };
    data.splice(start..end, with);
}

fn swap_tokens(rng: &mut Rng, data: &mut Vec<u8>) {
    let t = tokens(data);
    if t.len() < 2 {
        return;
    }
    let (mut a, mut b) = (t[rng.below(t.len())], t[rng.below(t.len())]);
    if a.0 > b.0 {
        std::mem::swap(&mut a, &mut b);
    }
    if a.1 > b.0 {
        return;
    }
    let mut out = data[..a.0].to_vec();
    out.extend_from_slice(&data[b.0..b.1]);
    out.extend_from_slice(&data[a.1..b.0]);
    out.extend_from_slice(&data[a.0..a.1]);
    out.extend_from_slice(&data[b.1..]);
    *data = out;
}

/// A span copied after itself a few times (an array element, a key, a line repeated).
fn repeat_span(rng: &mut Rng, data: &mut Vec<u8>) {
    if data.is_empty() {
        return;
    }
    let start = rng.below(data.len());
    let end = (start + 1 + rng.below(512)).min(data.len());
    let span = data[start..end].to_vec();
    let times = 1 + rng.below(16);
    for _ in 0..times {
        data.splice(end..end, span.iter().copied());
    }
}

/// A token wrapped in deep arrays, past serde_json's recursion limit at times.
fn nest(rng: &mut Rng, data: &mut Vec<u8>) {
    let t = tokens(data);
    if t.is_empty() {
        return;
    }
    let (start, end) = t[rng.below(t.len())];
    let depth = 1 + rng.below(300);
    let mut with = vec![b'['; depth];
    with.extend_from_slice(&data[start..end]);
    with.extend(std::iter::repeat_n(b']', depth));
    data.splice(start..end, with);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_are_found() {
        let t = tokens(br#"{"a": [1, -2.5e3, true, "x\"y"]}"#);
        let text = br#"{"a": [1, -2.5e3, true, "x\"y"]}"#;
        let found: Vec<&[u8]> = t.iter().map(|&(s, e)| &text[s..e]).collect();
        assert_eq!(found, [&b"\"a\""[..], b"1", b"-2.5e3", b"true", br#""x\"y""#]);
    }

    #[test]
    fn the_same_seed_gives_the_same_mutations() {
        let seed = br#"{"format": 1, "edition": "tnl-2025", "answers": {"a": {"value": true}}}"#;
        let run = |n: u64| {
            let mut rng = Rng::new(n);
            (0..50).map(|_| mutate(&mut rng, seed, b"[1,2]")).collect::<Vec<_>>()
        };
        assert_eq!(run(7), run(7));
        assert_ne!(run(7), run(8));
    }
}
