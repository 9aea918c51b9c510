//! Golden reports: every `tests/golden/NAME.answers.json` is evaluated against the edition it
//! names, and the pretty JSON report must equal `tests/golden/NAME.report.json` byte for byte.
//!
//! After an intended change, regenerate with:
//!
//! ```sh
//! UPDATE_GOLDEN=1 cargo test -p tnl-tests --test golden
//! ```
//!
//! and review the diff with `git diff tests/golden`.

use tnl_engine::{evaluate, Answers, Criteria};
use tnl_tests::*;

/// The criteria an answers file names: the miniature test edition or a shipped one.
pub fn edition_for(id: &str) -> Criteria {
    if id == "mini" {
        return mini();
    }
    let path = format!("criteria/{id}.json");
    Criteria::from_json(&read(&path), &path).unwrap_or_else(|e| panic!("{e}"))
}

#[test]
fn golden_reports() {
    let update = std::env::var_os("UPDATE_GOLDEN").is_some();
    let fixtures = files_ending("tests/golden", ".answers.json");
    assert!(fixtures.len() >= 3, "golden fixtures missing");
    let mut failures = Vec::new();
    for path in fixtures {
        let text = std::fs::read_to_string(&path).unwrap();
        let name = path.file_name().unwrap().to_string_lossy().replace(".answers.json", "");
        let answers = Answers::from_json(&text, &name).unwrap_or_else(|e| panic!("{e}"));
        let report = evaluate(&edition_for(&answers.edition), &answers).to_json_pretty() + "\n";
        let expected_path = path.with_file_name(format!("{name}.report.json"));
        if update {
            std::fs::write(&expected_path, &report).unwrap();
            continue;
        }
        match std::fs::read_to_string(&expected_path) {
            Ok(expected) if expected == report => {}
            Ok(_) => failures.push(format!("{name}: report differs from {}", expected_path.display())),
            Err(_) => failures.push(format!("{name}: {} is missing", expected_path.display())),
        }
    }
    assert!(
        failures.is_empty(),
        "{}\nif the change is intended, run: UPDATE_GOLDEN=1 cargo test -p tnl-tests --test golden",
        failures.join("\n")
    );
}
