//! Engine parity: every golden and calibration answers file gives the same report bytes (and the
//! same rendered Markdown, HTML and CSV) in WebAssembly as natively.
//!
//! The native side runs here: it writes each expected output under `target/parity/` and a Rust
//! file listing the cases with `include_str!`. The wasm side is `web/tests/parity.rs`, compiled
//! for wasm32 with that list and run by `wasm-bindgen-test-runner` in Node.

use crate::{run, Result};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command;
use tnl_engine::{evaluate, render, Answers, Criteria, Lang};

/// One parity case: the inputs and what the native engine produced from them.
pub struct Case {
    /// File stem of the answers.
    pub name: String,
    /// Criteria file.
    pub criteria: PathBuf,
    /// Answers file.
    pub answers: PathBuf,
}

/// The outputs compared, in order: `(suffix, render)`.
pub fn outputs(criteria: &Criteria, answers: &Answers) -> Vec<(&'static str, String)> {
    let r = evaluate(criteria, answers);
    vec![
        ("report.json", render::json(&r)),
        ("fr.md", render::markdown(&r, Lang::Fr)),
        ("en.html", render::html(&r, Lang::En)),
        ("fr.csv", render::csv(&r, Lang::Fr)),
    ]
}

/// Every answers file under tests/golden and tests/calibration, with its criteria file.
pub fn cases(root: &Path) -> Result<Vec<Case>> {
    let mut out = Vec::new();
    for dir in ["tests/golden", "tests/calibration"] {
        let Ok(entries) = std::fs::read_dir(root.join(dir)) else { continue };
        let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok()).map(|e| e.path()).collect();
        paths.sort();
        for path in paths {
            let file = path.file_name().unwrap_or_default().to_string_lossy().into_owned();
            let Some(stem) = file.strip_suffix(".answers.json") else { continue };
            let text = std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
            let answers = Answers::from_json(&text, &file).map_err(|e| e.to_string())?;
            let criteria = if answers.edition == "mini" {
                root.join("tests/fixtures/mini-edition.json")
            } else {
                root.join(format!("criteria/{}.json", answers.edition))
            };
            out.push(Case { name: format!("{}-{stem}", dir.rsplit('/').next().unwrap_or(dir)), criteria, answers: path });
        }
    }
    if out.is_empty() {
        return Err("no answers files under tests/golden or tests/calibration".into());
    }
    Ok(out)
}

/// Writes the native outputs and the case list; returns the list's path.
pub fn prepare(root: &Path) -> Result<PathBuf> {
    let dir = root.join("target/parity");
    std::fs::create_dir_all(&dir).map_err(|e| e.to_string())?;
    let mut list = String::from("/// `(name, criteria, answers, [(suffix, expected)])`, written by `cargo run -p xtask -- test-wasm`.\n");
    list.push_str("pub const CASES: &[(&str, &str, &str, &[(&str, &str)])] = &[\n");
    for case in cases(root)? {
        let ctext = std::fs::read_to_string(&case.criteria).map_err(|e| format!("{}: {e}", case.criteria.display()))?;
        let criteria = Criteria::from_json(&ctext, &case.name).map_err(|e| e.to_string())?;
        let atext = std::fs::read_to_string(&case.answers).map_err(|e| e.to_string())?;
        let answers = Answers::from_json(&atext, &case.name).map_err(|e| e.to_string())?;
        let _ = write!(list, "    ({:?}, include_str!({:?}), include_str!({:?}), &[", case.name, case.criteria, case.answers);
        for (suffix, text) in outputs(&criteria, &answers) {
            let path = dir.join(format!("{}.{suffix}", case.name));
            std::fs::write(&path, text).map_err(|e| e.to_string())?;
            let _ = write!(list, "({suffix:?}, include_str!({path:?})), ");
        }
        list.push_str("]),\n");
    }
    list.push_str("];\n");
    let path = dir.join("cases.rs");
    std::fs::write(&path, list).map_err(|e| e.to_string())?;
    Ok(path)
}

/// Prepares the cases and runs the wasm test in Node.
pub fn run_parity(root: &Path) -> Result {
    let list = prepare(root)?;
    run(Command::new("cargo")
        .args(["test", "--target", "wasm32-unknown-unknown", "-p", "tnl-web", "--test", "parity"])
        .current_dir(root)
        .env("TNL_PARITY_CASES", &list)
        .env("CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER", "wasm-bindgen-test-runner"))
}



#[cfg(test)]
mod tests {
    #[test]
    fn every_case_has_its_criteria() {
        let root = crate::root();
        for c in super::cases(&root).unwrap() {
            assert!(c.criteria.exists(), "{}: {} is missing", c.name, c.criteria.display());
        }
    }
}
