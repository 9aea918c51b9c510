//! Calibration against public outcomes: each answers file under `tests/calibration/` is built
//! only from public facts (`FACTS.md`), with the rest unanswered, and `expected.json` gives the
//! real outcome and the tolerance allowed (0 where the facts are rich, 1 where they are thin;
//! `EXPECTED.md` says why for each file).
//!
//! Public answer files are partial by nature, so the estimate compared is the report's
//! projection: the rules applied to the answered questions only. The tier secured with the
//! unanswered questions counted as unmet can only be lower, and must be.

use serde_json::Value;
use tnl_engine::{evaluate, Answers, Criteria};
use tnl_tests::*;

fn rank_of(c: &Criteria, tier: &str) -> u32 {
    c.file()
        .tiers
        .iter()
        .position(|t| t.id == tier)
        .map(|i| i as u32 + 1)
        .unwrap_or_else(|| panic!("no tier {tier} in {}", c.id()))
}

#[test]
fn estimates_match_public_outcomes() {
    let expected: Vec<Value> = serde_json::from_str(&read("tests/calibration/expected.json")).unwrap();
    assert!(expected.len() >= 10, "calibration cases missing");
    let mut table = vec![format!(
        "{:<42} {:<10} {:>9} {:>9} {:>9} {:>5}",
        "file", "real", "secured", "projected", "score", "tol"
    )];
    let mut failures = Vec::new();
    for case in &expected {
        let file = case["file"].as_str().unwrap();
        let edition = case["edition"].as_str().unwrap();
        let outcome = case["outcome"].as_str().unwrap();
        let tolerance = case["tolerance"].as_u64().unwrap() as u32;
        let path = format!("criteria/{edition}.json");
        let c = Criteria::from_json(&read(&path), &path).unwrap();
        let a = Answers::from_json(&read(&format!("tests/calibration/{file}")), file).unwrap();
        assert_eq!(a.edition, edition, "{file}");
        let r = evaluate(&c, &a);
        assert!(
            r.diagnostics.iter().all(|d| d.severity != tnl_engine::Severity::Error),
            "{file}: answers with errors: {:?}",
            r.diagnostics
        );
        let real = rank_of(&c, outcome);
        let projected = r.estimate.reachable.as_ref().map_or(0, |t| t.rank);
        let secured = r.tier.as_ref().map_or(0, |t| t.rank);
        let name = |rank: u32| {
            if rank == 0 {
                "—".to_owned()
            } else {
                c.file().tiers[rank as usize - 1].id.clone()
            }
        };
        table.push(format!(
            "{file:<42} {outcome:<10} {:>9} {:>9} {:>9} {tolerance:>5}",
            name(secured),
            name(projected),
            r.score.per_mille.to_string()
        ));
        if projected.abs_diff(real) > tolerance {
            failures.push(format!(
                "{file}: projected {} but the real outcome is {outcome} (tolerance {tolerance})",
                name(projected)
            ));
        }
        if secured > projected {
            failures.push(format!("{file}: secured tier above the projection"));
        }
    }
    println!("{}", table.join("\n"));
    assert!(failures.is_empty(), "{}\n\n{}", failures.join("\n"), table.join("\n"));
}
