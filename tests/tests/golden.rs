//! Golden reports: every `tests/golden/NAME.answers.json` is evaluated against the edition it
//! names, and the pretty JSON report must equal its snapshot byte for byte.
//!
//! The reports are insta snapshots (`tests/tests/snapshots/golden__*.snap`). After an intended
//! change, review them with `cargo insta review`, or accept them all with
//! `INSTA_UPDATE=always cargo test -p tnl-tests --test golden`, and read `git diff`.

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
    let fixtures = files_ending("tests/golden", ".answers.json");
    assert!(fixtures.len() >= 3, "golden fixtures missing");
    for path in fixtures {
        let text = std::fs::read_to_string(&path).unwrap();
        let name = path.file_name().unwrap().to_string_lossy().replace(".answers.json", "");
        let answers = Answers::from_json(&text, &name).unwrap_or_else(|e| panic!("{e}"));
        let report = evaluate(&edition_for(&answers.edition), &answers).to_json_pretty();
        insta::assert_snapshot!(format!("{name}.report"), report);
    }
}
