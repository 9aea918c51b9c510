//! Year-over-year comparison: same edition, and across the 2024 and 2025 editions on the
//! question ids they share.

use serde_json::{json, Value};
use tnl_engine::{compare, evaluate, Answers, Criteria, Report};
use tnl_tests::*;

fn mini_report(answers: Value) -> Report {
    let a = Answers::from_value(json!({"format": 1, "edition": "mini", "profile": {"name": "Village", "kind": "commune", "population": 300, "agents": 4}, "answers": answers}), "a").unwrap();
    evaluate(&mini(), &a)
}

#[test]
fn progress_within_one_edition() {
    let old = mini_report(json!({"strategie.ecrite": false, "logiciels.postes_linux": 20, "logiciels.bureautique": "libre", "donnees.jeux": 3}));
    let new = mini_report(json!({"strategie.ecrite": true, "logiciels.postes_linux": 60, "logiciels.bureautique": "mixte", "donnees.jeux": 3}));
    let c = compare(&old, &new);
    assert!(c.same_tier_scheme);
    assert_eq!(c.old.tier.as_deref(), old.tier.as_ref().map(|t| &*t.id));
    assert_eq!(c.tier_change, Some(new.tier.as_ref().map_or(0, |t| t.rank as i32) - old.tier.as_ref().map_or(0, |t| t.rank as i32)));
    assert_eq!(c.score_delta, new.score.per_mille as i32 - old.score.per_mille as i32);
    let met: Vec<&str> = c.newly_met.iter().map(|m| m.id.as_str()).collect();
    let lost: Vec<&str> = c.newly_lost.iter().map(|m| m.id.as_str()).collect();
    // ecrite: unmet → met; linux 20 % (3 pts, partial) → 60 % (7 pts = met_at); office libre (met) → mixte.
    assert_eq!(met, vec!["strategie.ecrite", "logiciels.postes_linux"]);
    assert_eq!(lost, vec!["logiciels.bureautique"]);
    let strategie = c.domains.iter().find(|d| d.id == "strategie").unwrap();
    assert_eq!(strategie.delta, Some(new.domains[0].per_mille.unwrap() as i32 - old.domains[0].per_mille.unwrap() as i32));
    assert_eq!(c.shared_criteria as usize, mini().questions().len());
    assert!(c.only_old.is_empty() && c.only_new.is_empty());
}

#[test]
fn comparing_a_report_with_itself_shows_no_change() {
    let r = mini_report(json!({"strategie.ecrite": true, "logiciels.postes_linux": 60}));
    let c = compare(&r, &r);
    assert_eq!((c.tier_change, c.score_delta, c.completeness_delta), (Some(0), 0, 0));
    assert!(c.newly_met.is_empty() && c.newly_lost.is_empty() && c.changed.is_empty());
    assert!(c.domains.iter().all(|d| d.delta.is_none_or(|x| x == 0)));
}

#[test]
fn across_editions_on_shared_question_ids() {
    let load = |e: &str| Criteria::from_json(&read(&format!("criteria/{e}.json")), e).unwrap();
    let (c24, c25) = (load("tnl-2024"), load("tnl-2025"));
    let eval = |c: &Criteria, file: &str| {
        let a = Answers::from_json(&read(&format!("tests/calibration/{file}")), file).unwrap();
        evaluate(c, &a)
    };
    let old = eval(&c24, "boe-2024.answers.json");
    let new = eval(&c25, "boe-2025.answers.json");
    let c = compare(&old, &new);
    // Levels 1–5 and Badge/Bronze/Argent/Or are not one ladder: no rank difference is claimed.
    assert!(!c.same_tier_scheme);
    assert_eq!(c.tier_change, None);
    let ids24: Vec<&str> = c24.questions().iter().map(|q| q.id.as_str()).collect();
    let ids25: Vec<&str> = c25.questions().iter().map(|q| q.id.as_str()).collect();
    let shared = ids25.iter().filter(|id| ids24.contains(id)).count();
    assert_eq!(c.shared_criteria as usize, shared);
    assert_eq!(c.only_new.len(), ids25.len() - shared, "2025-only questions");
    assert_eq!(c.only_old.len(), ids24.len() - shared);
    assert!(c.only_new.iter().any(|id| id == "logiciels.ia_generative"));
    // Every domain id exists in both editions, so every delta is computed where both apply.
    assert_eq!(c.domains.len(), 5);
    // The comparison round-trips through JSON, as `tnl compare` writes it.
    let back: tnl_engine::Comparison = serde_json::from_str(&serde_json::to_string(&c).unwrap()).unwrap();
    assert_eq!(back, c);
}
