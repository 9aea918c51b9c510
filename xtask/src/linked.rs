//! What the browser build links, read from the function names its wasm keeps: the size rules
//! that clippy cannot see, checked on the built file.
//!
//! A float written with `{}` or `{:?}`, a `str::parse::<f64>`, a `BTreeMap` collected from an
//! iterator: each looks like any other call to clippy, yet links a routine of the standard library
//! that weighs kilobytes in the app (float formatting about 15 KB, float parsing 15 KB, each sort
//! instance a few KB). The engine and the app write their own smaller routines instead, and this
//! check makes that a rule: `cargo build --profile wasm` keeps the wasm's `name` section (wasm-opt
//! strips it afterwards), so the names say which of those routines made it in.

use std::path::Path;

/// A routine of the standard library the app must not link, or link at most a given number of
/// times.
pub struct SizeRule {
    /// What the rule limits, in words.
    pub routine: &'static str,
    /// Parts of the demangled names of the limited routines' functions.
    pub paths: &'static [&'static str],
    /// How many such functions the app may link.
    pub most: usize,
    /// What to write instead.
    pub instead: &'static str,
}

/// The size rules the browser build is checked against.
pub const SIZE_RULES: [SizeRule; 5] = [
    SizeRule {
        routine: "the standard library's float formatting (an f64 written with {} or {:?}, to_string, format!)",
        paths: &["core::fmt::float::", "core::num::flt2dec::"],
        most: 0,
        instead: "tnl_engine::text::number, or the writers of tnl_engine::render::words",
    },
    SizeRule {
        routine: "the standard library's float parsing (str::parse::<f64>, f64::from_str)",
        paths: &["core::num::dec2flt::"],
        most: 0,
        instead: "tnl_web::state::parse_decimal, or serde_json for JSON",
    },
    SizeRule {
        routine: "Unicode case conversion (str::to_lowercase, str::to_uppercase)",
        paths: &[
            "core::unicode::unicode_data::conversions::",
            "core::unicode::unicode_data::cased::",
            "core::unicode::unicode_data::case_ignorable::",
        ],
        most: 0,
        instead: "tnl_engine::text::latin_lower, or the to_ascii_* methods",
    },
    SizeRule {
        routine: "the standard library's stable sort (slice::sort_by, a BTreeMap or serde_json::Map collected from an iterator)",
        paths: &["core::slice::sort::stable::"],
        most: 0,
        instead: "tnl_engine::sort (sort_by, sort_by_key, collect_map), or extend an empty map",
    },
    SizeRule {
        routine: "the standard library's unstable sort (slice::sort_unstable)",
        paths: &["core::slice::sort::unstable::"],
        most: 0,
        instead: "tnl_engine::sort::sort_unstable",
    },
];

/// Fails when the wasm at `path` links more of a routine than [`SIZE_RULES`] allow, naming the
/// functions found and what to write instead.
pub fn check_size_rules(path: &Path) -> Result<(), String> {
    let bytes = std::fs::read(path).map_err(|e| format!("{}: {e}", path.display()))?;
    size_rules_of(&bytes).map_err(|e| format!("{}: {e}", path.display()))
}

/// [`check_size_rules`] of a module's bytes.
fn size_rules_of(module: &[u8]) -> Result<(), String> {
    let names = function_names(module)?;
    if names.is_empty() {
        return Err("the wasm keeps no function names, so its size rules cannot be checked \
             (keep `strip` and `debug` off in the wasm profile of Cargo.toml)"
            .into());
    }
    let broken: Vec<String> = SIZE_RULES.iter().filter_map(|rule| broken_rule(rule, &names)).collect();
    if broken.is_empty() {
        Ok(())
    } else {
        Err(format!(
            "the browser build breaks its size rules:\n{}",
            broken.join("\n")
        ))
    }
}

/// The report of `rule` when more of `names` fall under it than it allows.
fn broken_rule(rule: &SizeRule, names: &[String]) -> Option<String> {
    let found: Vec<&String> = names
        .iter()
        .filter(|name| rule.paths.iter().any(|path| name.contains(path)))
        .collect();
    if found.len() <= rule.most {
        return None;
    }
    let shown: Vec<String> = found.iter().take(5).map(|name| format!("      {name}")).collect();
    Some(format!(
        "  - it links {} function(s) of {}, at most {} allowed; write {} instead. Found:\n{}",
        found.len(),
        rule.routine,
        rule.most,
        rule.instead,
        shown.join("\n")
    ))
}

/// The demangled names of a wasm module's functions, from its `name` section (none when the
/// module has no such section).
pub fn function_names(module: &[u8]) -> Result<Vec<String>, String> {
    let mut reader = Reader::new(module);
    if reader.take(8)? != b"\0asm\x01\0\0\0" {
        return Err("not a wasm module (version 1)".into());
    }
    while !reader.is_done() {
        let mut section = reader.section()?;
        if section.id != 0 {
            continue;
        }
        let name_len = section.body.leb_u32()? as usize;
        if section.body.take(name_len)? == b"name" {
            return names_in_name_section(section.body);
        }
    }
    Ok(Vec::new())
}

/// The function names of a `name` section's payload: its subsection 1.
fn names_in_name_section(mut payload: Reader) -> Result<Vec<String>, String> {
    while !payload.is_done() {
        let Section {
            id,
            body: mut functions,
        } = payload.section()?;
        if id != 1 {
            continue;
        }
        let count = functions.leb_u32()?;
        let mut names = Vec::new();
        for _ in 0..count {
            functions.leb_u32()?;
            let len = functions.leb_u32()? as usize;
            let raw = String::from_utf8_lossy(functions.take(len)?);
            names.push(format!("{:#}", rustc_demangle::demangle(&raw)));
        }
        return Ok(names);
    }
    Ok(Vec::new())
}

/// A section of a module, or a subsection of a custom section: its id and its bytes.
struct Section<'a> {
    id: u8,
    body: Reader<'a>,
}

/// A cursor over bytes that fails, rather than panics, when they run out.
struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    fn new(bytes: &'a [u8]) -> Reader<'a> {
        Reader { bytes, at: 0 }
    }

    fn is_done(&self) -> bool {
        self.at >= self.bytes.len()
    }

    /// The next (sub)section: an id byte, a LEB128 size, that many bytes.
    fn section(&mut self) -> Result<Section<'a>, String> {
        let id = self.byte()?;
        let size = self.leb_u32()? as usize;
        Ok(Section {
            id,
            body: Reader::new(self.take(size)?),
        })
    }

    fn take(&mut self, n: usize) -> Result<&'a [u8], String> {
        let end = self.at.checked_add(n).filter(|&end| end <= self.bytes.len());
        let end = end.ok_or_else(|| format!("truncated wasm: {n} bytes wanted at offset {}", self.at))?;
        let taken = &self.bytes[self.at..end];
        self.at = end;
        Ok(taken)
    }

    fn byte(&mut self) -> Result<u8, String> {
        Ok(self.take(1)?[0])
    }

    /// An unsigned LEB128 number of at most 32 bits.
    fn leb_u32(&mut self) -> Result<u32, String> {
        let mut value: u32 = 0;
        for shift in (0..35).step_by(7) {
            let b = self.byte()?;
            value |= u32::from(b & 0x7f).checked_shl(shift).unwrap_or(0);
            if b & 0x80 == 0 {
                return Ok(value);
            }
        }
        Err(format!("a LEB128 number longer than 32 bits at offset {}", self.at))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn leb(mut n: usize) -> Vec<u8> {
        let mut out = Vec::new();
        loop {
            let b = (n & 0x7f) as u8;
            n >>= 7;
            if n == 0 {
                out.push(b);
                return out;
            }
            out.push(b | 0x80);
        }
    }

    fn section(id: u8, payload: &[u8]) -> Vec<u8> {
        let mut out = vec![id];
        out.extend(leb(payload.len()));
        out.extend(payload);
        out
    }

    fn custom(name: &str, payload: &[u8]) -> Vec<u8> {
        let mut body = leb(name.len());
        body.extend(name.as_bytes());
        body.extend(payload);
        section(0, &body)
    }

    /// A module with a type section, a `producers` custom section, and a `name` section holding a
    /// module name (subsection 0) and then `names` as its functions' names (subsection 1).
    fn module(names: &[&str]) -> Vec<u8> {
        let mut functions = leb(names.len());
        for (index, name) in names.iter().enumerate() {
            functions.extend(leb(index));
            functions.extend(leb(name.len()));
            functions.extend(name.as_bytes());
        }
        let mut name_section = section(0, &[3, b'a', b'p', b'p']);
        name_section.extend(section(1, &functions));
        let mut out = b"\0asm\x01\0\0\0".to_vec();
        out.extend(section(1, &[1, 0x60, 0, 0]));
        out.extend(custom("producers", &[0]));
        out.extend(custom("name", &name_section));
        out
    }

    fn check(names: &[&str]) -> Result<(), String> {
        size_rules_of(&module(names))
    }

    // Names as a build of the app holds them: its own crates' in the legacy mangling, the
    // standard library's (built beforehand) in the v0 one.
    const ENGINE_SORT: &str = "_ZN10tnl_engine4sort17insertion_sort_by17had417a32f381fc2dE";
    const GRAPHEME: &str = "_RNvNtNtNtCsgXGp5Oqx2Ny_4core7unicode12unicode_data15grapheme_extend11lookup_slow";
    const STABLE_SORT: &str = "_ZN4core5slice4sort6stable5drift4sort17h1700681f18dbdddaE";
    const UNSTABLE_SORT: &str = "_ZN4core5slice4sort8unstable7ipnsort17h895e3c107b8129b6E";
    const GRISU: &str = "_RNvNtNtNtNtCsgXGp5Oqx2Ny_4core3num7flt2dec8strategy5grisu19format_shortest_opt";
    const DIGITS: &str = "_RNvNtNtCsgXGp5Oqx2Ny_4core3num7flt2dec17digits_to_dec_str";
    const FLOAT_PARSE: &str = "_RINvNtNtNtCsgXGp5Oqx2Ny_4core3num7dec2flt6lemire13compute_floatdEB8_";
    const CASED: &str = "_RNvNtNtNtCsgXGp5Oqx2Ny_4core7unicode12unicode_data5cased11lookup_slow";

    #[test]
    fn function_names_are_read_from_the_name_section_and_demangled() {
        let names = function_names(&module(&[ENGINE_SORT, FLOAT_PARSE, "plain"])).unwrap();
        assert_eq!(
            names,
            [
                "tnl_engine::sort::insertion_sort_by",
                "core::num::dec2flt::lemire::compute_float::<f64>",
                "plain"
            ]
        );
    }

    #[test]
    fn the_apps_own_routines_pass() {
        assert_eq!(check(&[ENGINE_SORT, GRAPHEME, "plain"]), Ok(()));
    }

    #[test]
    fn a_float_formatted_with_std_is_refused_with_what_to_write_instead() {
        let err = check(&[ENGINE_SORT, GRISU, DIGITS]).unwrap_err();
        assert!(err.contains("float formatting"), "{err}");
        assert!(err.contains("tnl_engine::text::number"), "{err}");
        assert!(
            err.contains("core::num::flt2dec::strategy::grisu::format_shortest_opt"),
            "{err}"
        );
        assert!(err.contains("it links 2 function(s)"), "{err}");
    }

    #[test]
    fn each_other_routine_is_refused_with_its_own_advice() {
        for (name, advice) in [
            (FLOAT_PARSE, "parse_decimal"),
            (CASED, "latin_lower"),
            (STABLE_SORT, "collect_map"),
            (UNSTABLE_SORT, "sort_unstable"),
        ] {
            let err = check(&[ENGINE_SORT, name]).unwrap_err();
            assert!(err.contains(advice), "{name}: {err}");
            assert_eq!(err.matches("  - it links").count(), 1, "{name}: {err}");
        }
    }

    #[test]
    fn a_wasm_without_names_cannot_pass() {
        let err = size_rules_of(b"\0asm\x01\0\0\0").unwrap_err();
        assert!(err.contains("keeps no function names"), "{err}");
    }

    #[test]
    fn broken_modules_give_errors_not_panics() {
        let whole = module(&[ENGINE_SORT, GRISU]);
        for end in 0..whole.len() {
            let _ = function_names(&whole[..end]);
        }
        assert!(function_names(b"\x7fELF\x02\x01\x01\0").is_err());
        assert!(function_names(&whole[..whole.len() - 3]).is_err());
        let mut long = b"\0asm\x01\0\0\0\0".to_vec();
        long.extend([0xff; 6]);
        assert!(function_names(&long).unwrap_err().contains("LEB128"));
    }
}
