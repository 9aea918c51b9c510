//! Shared helpers for the cross-crate tests: paths, fixtures, and answer generators.

use std::path::{Path, PathBuf};
use tnl_engine::Criteria;

/// The repository root.
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("tests/ has a parent")
        .to_path_buf()
}

/// Reads a file relative to the repository root.
pub fn read(rel: &str) -> String {
    let path = root().join(rel);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
}

/// The miniature test edition, loaded through both stages.
pub fn mini() -> Criteria {
    Criteria::from_json(
        &read("tests/fixtures/mini-edition.json"),
        "tests/fixtures/mini-edition.json",
    )
    .expect("mini edition loads")
}

/// Every shipped edition file (`criteria/tnl-*.json`), as (relative path, text).
pub fn shipped_editions() -> Vec<(String, String)> {
    let mut out = Vec::new();
    let dir = root().join("criteria");
    let mut entries: Vec<_> = std::fs::read_dir(&dir)
        .expect("criteria/ exists")
        .flatten()
        .map(|e| e.path())
        .collect();
    entries.sort();
    for p in entries {
        let name = p.file_name().unwrap_or_default().to_string_lossy().into_owned();
        if name.starts_with("tnl-") && name.ends_with(".json") {
            let rel = format!("criteria/{}", p.file_name().unwrap_or_default().to_string_lossy());
            out.push((rel.clone(), read(&rel)));
        }
    }
    out
}

/// Files in a folder (relative to the root) whose name ends with `suffix`, sorted.
pub fn files_ending(dir: &str, suffix: &str) -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = std::fs::read_dir(root().join(dir))
        .map(|rd| {
            rd.flatten()
                .map(|e| e.path())
                .filter(|p| p.to_string_lossy().ends_with(suffix))
                .collect()
        })
        .unwrap_or_default();
    out.sort();
    out
}

/// Validates a JSON value against one of the committed schemas; returns the error messages.
pub fn schema_errors(schema_file: &str, value: &serde_json::Value) -> Vec<String> {
    let schema: serde_json::Value =
        serde_json::from_str(&read(&format!("criteria/schemas/{schema_file}"))).expect("schema is JSON");
    let validator = jsonschema::draft202012::new(&schema).expect("schema compiles");
    validator
        .iter_errors(value)
        .map(|e| format!("{}: {}", e.instance_path(), e))
        .collect()
}

/// The entries of a zip whose entries are all stored, read from its central directory; checks
/// each entry's local header and CRC on the way.
pub fn unzip(z: &[u8]) -> Vec<(String, Vec<u8>)> {
    let u16_at = |i: usize| u16::from_le_bytes([z[i], z[i + 1]]) as usize;
    let u32_at = |i: usize| u32::from_le_bytes([z[i], z[i + 1], z[i + 2], z[i + 3]]) as usize;
    let end = z.len() - 22;
    assert_eq!(&z[end..end + 4], b"PK\x05\x06", "end of central directory");
    let (count, mut at) = (u16_at(end + 10), u32_at(end + 16));
    let mut out = Vec::new();
    for _ in 0..count {
        assert_eq!(&z[at..at + 4], b"PK\x01\x02", "central directory entry");
        assert_eq!(u16_at(at + 10), 0, "stored");
        let (crc, size, name_len, extra, comment, local) = (
            u32_at(at + 16),
            u32_at(at + 24),
            u16_at(at + 28),
            u16_at(at + 30),
            u16_at(at + 32),
            u32_at(at + 42),
        );
        let name = String::from_utf8(z[at + 46..at + 46 + name_len].to_vec()).unwrap();
        assert_eq!(&z[local..local + 4], b"PK\x03\x04", "{name}: local header");
        assert_eq!(u16_at(local + 26), name_len);
        let start = local + 30 + name_len + u16_at(local + 28);
        let data = z[start..start + size].to_vec();
        assert_eq!(crc32(&data), crc as u32, "{name}: CRC");
        out.push((name, data));
        at += 46 + name_len + extra + comment;
    }
    out
}

/// CRC-32 as zip computes it, written again here so the test does not trust the writer's.
pub fn crc32(data: &[u8]) -> u32 {
    let table: Vec<u32> = (0..256u32)
        .map(|n| (0..8).fold(n, |c, _| if c & 1 == 1 { 0xEDB8_8320 ^ (c >> 1) } else { c >> 1 }))
        .collect();
    !data
        .iter()
        .fold(!0u32, |c, &b| table[((c ^ u32::from(b)) & 0xff) as usize] ^ (c >> 8))
}

/// The parts of an OpenDocument package, after checking what ODF readers rely on: the
/// `mimetype` entry first and stored, holding `mime`, at a fixed offset; then the manifest and
/// `parts`, in that order.
pub fn odf_package(bytes: &[u8], mime: &str, parts: &[&str]) -> Vec<(String, Vec<u8>)> {
    assert_eq!(&bytes[30..38], b"mimetype");
    assert_eq!(&bytes[38..38 + mime.len()], mime.as_bytes());
    let entries = unzip(bytes);
    let names: Vec<&str> = entries.iter().map(|(n, _)| n.as_str()).collect();
    let mut expected = vec!["mimetype", "META-INF/manifest.xml"];
    expected.extend_from_slice(parts);
    assert_eq!(names, expected);
    entries
}

/// Checks that the generated file `rel` (a page under docs/, a schema's generated list) holds
/// `expected`, or writes it there when `UPDATE_GENERATED` is set; `Err` says which file is not
/// current and how to regenerate it. Test outputs are insta snapshots (`cargo insta review`);
/// this is only for the files people read in the repository, which stay plain.
pub fn check_generated(rel: &str, expected: &str, test: &str) -> Result<(), String> {
    let path = root().join(rel);
    if std::env::var_os("UPDATE_GENERATED").is_some() {
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).map_err(|e| format!("{rel}: {e}"))?;
        }
        std::fs::write(&path, expected).map_err(|e| format!("{rel}: {e}"))?;
        return Ok(());
    }
    if std::fs::read_to_string(&path).ok().as_deref() == Some(expected) {
        Ok(())
    } else {
        Err(format!(
            "{rel} is not current; regenerate it with: UPDATE_GENERATED=1 cargo test -p tnl-tests --test {test}"
        ))
    }
}
