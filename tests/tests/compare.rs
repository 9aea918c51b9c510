//! Year-over-year comparison: same edition, and across the 2024 and 2025 editions on the
//! question ids they share.

use serde_json::{json, Value};
use tnl_engine::{compare, compare_baselines, evaluate, Answers, Baseline, Criteria, Report};
use tnl_tests::*;

fn mini_report(answers: Value) -> Report {
    let a = Answers::from_value(json!({"format": 1, "edition": "mini", "profile": {"name": "Village", "kind": "commune", "population": 300, "agents": 4}, "answers": answers}), "a").unwrap();
    evaluate(&mini(), &a)
}

#[test]
fn progress_within_one_edition() {
    let old = mini_report(
        json!({"strategie.ecrite": false, "logiciels.postes_linux": 20, "logiciels.bureautique": "libre", "donnees.jeux": 3}),
    );
    let new = mini_report(
        json!({"strategie.ecrite": true, "logiciels.postes_linux": 60, "logiciels.bureautique": "mixte", "donnees.jeux": 3}),
    );
    let c = compare(&old, &new);
    assert!(c.same_tier_scheme);
    assert_eq!(c.old.tier.as_deref(), old.tier.as_ref().map(|t| &*t.id));
    assert_eq!(
        c.tier_change,
        Some(new.tier.as_ref().map_or(0, |t| t.rank as i32) - old.tier.as_ref().map_or(0, |t| t.rank as i32))
    );
    assert_eq!(c.score_delta, new.score.per_mille as i32 - old.score.per_mille as i32);
    let met: Vec<&str> = c.newly_met.iter().map(|m| m.id.as_str()).collect();
    let lost: Vec<&str> = c.newly_lost.iter().map(|m| m.id.as_str()).collect();
    // ecrite: unmet → met; linux 20 % (3 pts, partial) → 60 % (7 pts = met_at); office libre (met) → mixte.
    assert_eq!(met, vec!["strategie.ecrite", "logiciels.postes_linux"]);
    assert_eq!(lost, vec!["logiciels.bureautique"]);
    let strategie = c.domains.iter().find(|d| d.id == "strategie").unwrap();
    assert_eq!(
        strategie.delta,
        Some(new.domains[0].per_mille.unwrap() as i32 - old.domains[0].per_mille.unwrap() as i32)
    );
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

/// Every report the engine writes for the goldens and the calibration cases, with its answers.
fn written_reports() -> Vec<(String, Report)> {
    let load = |e: &str| Criteria::from_json(&read(&format!("criteria/{e}.json")), e).unwrap();
    let (c24, c25) = (load("tnl-2024"), load("tnl-2025"));
    let mut out = Vec::new();
    for dir in ["tests/golden", "tests/calibration"] {
        let mut files: Vec<String> = std::fs::read_dir(root().join(dir))
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        files.sort();
        for f in files.into_iter().filter(|f| f.ends_with(".answers.json")) {
            let a = Answers::from_json(&read(&format!("{dir}/{f}")), &f).unwrap();
            let c = match a.edition.as_str() {
                "mini" => mini(),
                "tnl-2024" => c24.clone(),
                _ => c25.clone(),
            };
            out.push((f, evaluate(&c, &a)));
        }
    }
    assert!(out.len() >= 5, "{} reports", out.len());
    out
}

#[test]
fn a_baseline_reads_what_the_comparison_needs_from_a_report_file() {
    let reports = written_reports();
    for (name, r) in &reports {
        let b = Baseline::from_json(&r.to_json_pretty(), name).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(b, Baseline::of(r), "{name}");
        // What it writes back is read back alike, and is smaller than the report.
        let written = b.to_json_value().to_string();
        assert_eq!(Baseline::from_json(&written, name).unwrap(), b, "{name}");
        assert!(
            written.len() < r.to_json().len(),
            "{name}: {} against {}",
            written.len(),
            r.to_json().len()
        );
    }
    // Comparing baselines read from files gives what comparing the reports gives.
    for (_, old) in &reports {
        for (_, new) in &reports {
            let read = |r: &Report| Baseline::from_json(&r.to_json(), "r.json").unwrap();
            assert_eq!(compare_baselines(&read(old), &read(new)), compare(old, new));
        }
    }
}

#[test]
fn a_baseline_refuses_what_it_cannot_compare_with_the_place_and_a_hint() {
    let (_, r) = &written_reports()[0];
    let good: Value = serde_json::from_str(&r.to_json()).unwrap();
    let with = |pointer: &str, v: Option<Value>| {
        let mut doc = good.clone();
        let (parent, key) = pointer.rsplit_once('/').unwrap();
        let o = doc.pointer_mut(parent).unwrap();
        match (o, v) {
            (Value::Object(m), Some(v)) => drop(m.insert(key.to_owned(), v)),
            (Value::Object(m), None) => drop(m.remove(key)),
            (Value::Array(a), Some(v)) => a[key.parse::<usize>().unwrap()] = v,
            _ => unreachable!(),
        }
        Baseline::from_json(&doc.to_string(), "old.report.json")
            .expect_err(pointer)
            .to_string()
    };
    for (pointer, v, expected) in [
        ("/format", Some(json!(99)), "at /format: expected report format 1 or older, found 99"),
        ("/edition/id", None, "at /edition/id: expected the field `id` of a report, found nothing"),
        ("/score", Some(json!(57)), "at /score: expected an object, found the number 57"),
        ("/criteria/2/status", Some(json!("perfect")), "at /criteria/2/status: expected one of \"met\", \"partial\", \"unmet\", \"unanswered\", \"not_applicable\", \"excluded\", \"not_asked\", found the string \"perfect\""),
        ("/criteria/0/earned", Some(json!(-1)), "at /criteria/0/earned: expected a whole number from 0 to 4294967295, found the number -1"),
        ("/domains/1/title", Some(json!({"fr": "x"})), "at /domains/1/title/en: expected the field `en` of a report, found nothing"),
        ("/tiers", Some(json!({})), "at /tiers: expected an array, found an object"),
    ] {
        let e = with(pointer, v);
        assert!(e.starts_with("old.report.json: invalid report file (1 problem)"), "{e}");
        assert!(e.contains(expected), "{pointer}: {e}");
    }
    assert!(with("/format", Some(json!(99))).contains("hint: this report was written by a newer version of tnl"));
    let e = Baseline::from_json("{\"format\": 1,", "cut.json")
        .unwrap_err()
        .to_string();
    assert!(e.starts_with("cut.json: invalid report file"), "{e}");
    // Fields a comparison does not read may be absent or wrong: they are not looked at.
    let mut lean = good.clone();
    for key in [
        "engine",
        "disclaimer",
        "estimate",
        "next_tier",
        "next_steps",
        "mentions",
        "diagnostics",
    ] {
        lean.as_object_mut().unwrap().remove(key);
    }
    assert_eq!(
        Baseline::from_json(&lean.to_string(), "lean.json").unwrap(),
        Baseline::of(r)
    );
}

#[test]
fn the_tier_change_is_said_in_words_in_both_languages() {
    use tnl_engine::render::{domain_delta, tier_change};
    use tnl_engine::Lang;
    let r = mini_report(json!({"strategie.ecrite": true}));
    let mut c = compare(&r, &r);
    let said = |c: &tnl_engine::Comparison| (tier_change(c, Lang::Fr), tier_change(c, Lang::En));
    assert_eq!(said(&c), ("inchangé".into(), "unchanged".into()));
    c.tier_change = Some(1);
    assert_eq!(said(&c), ("+1 niveau".into(), "+1 tier".into()));
    c.tier_change = Some(-2);
    assert_eq!(said(&c), ("\u{2212}2 niveaux".into(), "\u{2212}2 tiers".into()));
    c.tier_change = None;
    assert!(said(&c).0.contains("non comparable") && said(&c).1.contains("not comparable"));
    assert_eq!(
        (domain_delta(None, Lang::Fr), domain_delta(Some(-15), Lang::En)),
        ("—".into(), "\u{2212}1.5 pts".into())
    );
}
