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
