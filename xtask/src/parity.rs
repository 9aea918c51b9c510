//! Engine parity: every golden and calibration answers file gives the same report bytes (and the
//! same rendered Markdown, HTML and CSV) in WebAssembly as natively.
//!
//! The native side runs here: it writes each expected output under `parity/` in the target
//! directory (`target/`, or `CARGO_TARGET_DIR`) and a Rust file listing the cases with
//! `include_str!`. The wasm side is `web/tests/parity.rs`, compiled
//! for wasm32 with that list and run by `wasm-bindgen-test-runner` in Node.

use crate::{run, Result};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command;
use tnl_engine::deps::{dependency_report, Catalogue, DepsOptions, Inventory};
use tnl_engine::{evaluate, render, Answers, Criteria, Lang};

/// The date the dependency parity cases are evaluated on (as the goldens of `tests/tests/deps.rs`).
pub const DEPS_TODAY: &str = "2026-11-29";

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
        ("en.odt.hex", hex(&render::odt(&r, Lang::En))),
    ]
}

/// Bytes as lowercase hexadecimal, so that binary outputs travel in the text list too.
pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// The dependency outputs compared, in order: `(suffix, render)`.
pub fn deps_outputs(catalogue: &Catalogue, inventory: &Inventory) -> Vec<(&'static str, String)> {
    let r = dependency_report(
        catalogue,
        inventory,
        &DepsOptions {
            today: Some(DEPS_TODAY.into()),
        },
    );
    vec![
        ("deps.json", r.to_json_pretty() + "\n"),
        ("deps.fr.md", render::deps_markdown(&r, Lang::Fr)),
        ("deps.en.html", render::deps_html(&r, Lang::En)),
        ("deps.fr.csv", render::deps_csv(&r, Lang::Fr)),
        ("deps.fr.ods.hex", hex(&render::deps_ods(&r, Lang::Fr))),
    ]
}

/// Every inventory under tests/golden/deps, read against tests/fixtures/mini-catalogue.json.
pub fn deps_cases(root: &Path) -> Result<Vec<PathBuf>> {
    let dir = root.join("tests/golden/deps");
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&dir)
        .map_err(|e| format!("{}: {e}", dir.display()))?
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| p.to_string_lossy().ends_with(".inventory.json"))
        .collect();
    paths.sort();
    if paths.is_empty() {
        return Err("no inventories under tests/golden/deps".into());
    }
    Ok(paths)
}

/// Every answers file under tests/golden and tests/calibration, with its criteria file.
pub fn cases(root: &Path) -> Result<Vec<Case>> {
    let mut out = Vec::new();
    for dir in ["tests/golden", "tests/calibration"] {
        let Ok(entries) = std::fs::read_dir(root.join(dir)) else {
            continue;
        };
        let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok()).map(|e| e.path()).collect();
        paths.sort();
        for path in paths {
            let file = path.file_name().unwrap_or_default().to_string_lossy().into_owned();
            let Some(stem) = file.strip_suffix(".answers.json") else {
                continue;
            };
            let text = std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
            let answers = Answers::from_json(&text, &file).map_err(|e| e.to_string())?;
            let criteria = if answers.edition == "mini" {
                root.join("tests/fixtures/mini-edition.json")
            } else {
                root.join(format!("criteria/{}.json", answers.edition))
            };
            out.push(Case {
                name: format!("{}-{stem}", dir.rsplit('/').next().unwrap_or(dir)),
                criteria,
                answers: path,
            });
        }
    }
    if out.is_empty() {
        return Err("no answers files under tests/golden or tests/calibration".into());
    }
    Ok(out)
}

/// Writes the native outputs and the case list; returns the list's path.
pub fn prepare(root: &Path) -> Result<PathBuf> {
    let dir = crate::target_dir(root).join("parity");
    std::fs::create_dir_all(&dir).map_err(|e| e.to_string())?;
    let mut list = String::from(
        "/// `(name, criteria, answers, [(suffix, expected)])`, written by `cargo run -p xtask -- test-wasm`.\n",
    );
    list.push_str("pub const CASES: &[(&str, &str, &str, &[(&str, &str)])] = &[\n");
    for case in cases(root)? {
        let ctext = std::fs::read_to_string(&case.criteria).map_err(|e| format!("{}: {e}", case.criteria.display()))?;
        let criteria = Criteria::from_json(&ctext, &case.name).map_err(|e| e.to_string())?;
        let atext = std::fs::read_to_string(&case.answers).map_err(|e| e.to_string())?;
        let answers = Answers::from_json(&atext, &case.name).map_err(|e| e.to_string())?;
        let _ = write!(
            list,
            "    ({:?}, include_str!({:?}), include_str!({:?}), &[",
            case.name, case.criteria, case.answers
        );
        for (suffix, text) in outputs(&criteria, &answers) {
            let path = dir.join(format!("{}.{suffix}", case.name));
            std::fs::write(&path, text).map_err(|e| e.to_string())?;
            let _ = write!(list, "({suffix:?}, include_str!({path:?})), ");
        }
        list.push_str("]),\n");
    }
    list.push_str("];\n");
    let catalogue_path = root.join("tests/fixtures/mini-catalogue.json");
    let ctext = std::fs::read_to_string(&catalogue_path).map_err(|e| format!("{}: {e}", catalogue_path.display()))?;
    let catalogue = Catalogue::from_json(&ctext, "mini-catalogue.json").map_err(|e| e.to_string())?;
    let _ = writeln!(
        list,
        "/// `(name, inventory, [(suffix, expected)])`, read against this catalogue on {DEPS_TODAY}."
    );
    let _ = writeln!(
        list,
        "pub const DEPS_CATALOGUE: &str = include_str!({catalogue_path:?});"
    );
    let _ = writeln!(list, "pub const DEPS_TODAY: &str = {DEPS_TODAY:?};");
    list.push_str("pub const DEPS_CASES: &[(&str, &str, &[(&str, &str)])] = &[\n");
    for path in deps_cases(root)? {
        let name = path
            .file_name()
            .unwrap_or_default()
            .to_string_lossy()
            .replace(".inventory.json", "");
        let text = std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        let inventory = Inventory::from_json(&text, &name).map_err(|e| e.to_string())?;
        let _ = write!(list, "    ({name:?}, include_str!({path:?}), &[");
        for (suffix, text) in deps_outputs(&catalogue, &inventory) {
            let out = dir.join(format!("deps-{name}.{suffix}"));
            std::fs::write(&out, text).map_err(|e| e.to_string())?;
            let _ = write!(list, "({suffix:?}, include_str!({out:?})), ");
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
        .args([
            "test",
            "--target",
            "wasm32-unknown-unknown",
            "-p",
            "tnl-web",
            "--test",
            "parity",
        ])
        .current_dir(root)
        .env("TNL_PARITY_CASES", &list)
        .env("CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER", "wasm-bindgen-test-runner"))
}

#[cfg(test)]
mod tests {
    #[test]
    fn dependency_cases_match_their_goldens() {
        // The native side of the dependency parity is the golden itself: same bytes as the body
        // of its insta snapshot (tests/tests/snapshots/deps__NAME.deps.snap, after the header's
        // closing `---` line), so wasm == native == golden.
        let root = crate::root();
        let cat = std::fs::read_to_string(root.join("tests/fixtures/mini-catalogue.json")).unwrap();
        let cat = super::Catalogue::from_json(&cat, "mini").unwrap();
        for p in super::deps_cases(&root).unwrap() {
            let inv = super::Inventory::from_json(&std::fs::read_to_string(&p).unwrap(), "x").unwrap();
            let name = p.file_name().unwrap().to_string_lossy().replace(".inventory.json", "");
            let snapshot = root.join(format!("tests/tests/snapshots/deps__{name}.deps.snap"));
            let snapshot = std::fs::read_to_string(&snapshot).unwrap();
            let golden = snapshot.split_once("\n---\n").unwrap().1;
            assert_eq!(
                super::deps_outputs(&cat, &inv)[0].1.trim_end(),
                golden.trim_end(),
                "{}",
                p.display()
            );
        }
    }

    #[test]
    fn every_case_has_its_criteria() {
        let root = crate::root();
        for c in super::cases(&root).unwrap() {
            assert!(c.criteria.exists(), "{}: {} is missing", c.name, c.criteria.display());
        }
    }
}
