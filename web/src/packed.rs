//! The shipped editions and catalogue as the browser build embeds them (packed by `build.rs`).

use std::borrow::Cow;

/// How an edition is stored.
#[derive(Clone, Copy, Debug)]
pub enum Packed {
    /// The whole text (the newest edition).
    Full(&'static str),
    /// Line operations on the newest edition's text: `=START COUNT` copies lines of it, `+COUNT`
    /// is followed by that many lines of its own.
    Delta(&'static str),
}

include!(concat!(env!("OUT_DIR"), "/packed_data.rs"));

/// The text of an edition: the newest as embedded, the others rebuilt from their delta.
pub fn unpack(packed: Packed) -> Result<Cow<'static, str>, String> {
    match packed {
        Packed::Full(text) => Ok(Cow::Borrowed(text)),
        Packed::Delta(ops) => apply(base(), ops).map(Cow::Owned),
    }
}

/// The newest edition's text, which the deltas apply to.
fn base() -> &'static str {
    EDITIONS
        .iter()
        .find_map(|&(_, _, p)| if let Packed::Full(t) = p { Some(t) } else { None })
        .unwrap_or_default()
}

/// Applies a line delta to `base`; a malformed delta is an error, never a panic.
pub fn apply(base: &str, ops: &str) -> Result<String, String> {
    let base: Vec<&str> = base.split('\n').collect();
    let mut out: Vec<&str> = Vec::with_capacity(base.len());
    let mut lines = ops.split('\n');
    let bad = |op: &str| format!("packed edition: bad operation \"{op}\"");
    while let Some(op) = lines.next() {
        if let Some(range) = op.strip_prefix('=') {
            let (start, count) = range.split_once(' ').ok_or_else(|| bad(op))?;
            let start: usize = start.parse().map_err(|_| bad(op))?;
            let count: usize = count.parse().map_err(|_| bad(op))?;
            out.extend(
                start
                    .checked_add(count)
                    .and_then(|end| base.get(start..end))
                    .ok_or_else(|| bad(op))?,
            );
        } else if let Some(count) = op.strip_prefix('+') {
            let count: usize = count.parse().map_err(|_| bad(op))?;
            for _ in 0..count {
                out.push(lines.next().ok_or_else(|| bad(op))?);
            }
        } else if !op.is_empty() {
            return Err(bad(op));
        }
    }
    Ok(out.join("\n"))
}
