//! Last year's answers carried into another edition by question id.

use std::collections::BTreeSet;
use tnl_engine::{carry_over, evaluate, Answers, Criteria, Severity};
use tnl_tests::*;

fn edition(id: &str) -> Criteria {
    Criteria::from_json(&read(&format!("criteria/{id}.json")), id).unwrap()
}

fn answers(file: &str) -> Answers {
    Answers::from_json(&read(file), file).unwrap_or_else(|e| panic!("{e}"))
}

#[test]
fn answers_of_2024_carried_into_2025_keep_what_2025_accepts() {
    let (old_c, new_c) = (edition("tnl-2024"), edition("tnl-2025"));
    let old = answers("tests/calibration/boe-2024.answers.json");
    let c = carry_over(&old, &new_c);
    assert_eq!(c.answers.edition, "tnl-2025");
    assert_eq!(c.answers.profile, old.profile);
    assert_eq!(c.answers.updated_at, None, "the host dates the new file");
    assert!(c.carried.len() > 10, "{} carried", c.carried.len());
    // Every answer given before is carried, dropped or retired, once.
    let given: BTreeSet<&String> = old
        .answers
        .iter()
        .filter(|(_, a)| a.is_given())
        .map(|(id, _)| id)
        .collect();
    let sorted: BTreeSet<&String> = c.carried.iter().chain(&c.dropped).chain(&c.retired).collect();
    assert_eq!(sorted, given);
    assert_eq!(c.carried.len() + c.dropped.len() + c.retired.len(), given.len());
    // Carried answers are the old ones, unchanged, and the new edition finds no error in them.
    for id in &c.carried {
        assert_eq!(c.answers.answers[id], old.answers[id], "{id}");
        assert!(new_c.question(id).is_some() && old_c.question(id).is_some(), "{id}");
    }
    let report = evaluate(&new_c, &c.answers);
    assert!(
        report.diagnostics.iter().all(|d| d.severity != Severity::Error),
        "{:?}",
        report.diagnostics
    );
    // A dropped answer is one the new edition refuses; a retired one is a question it does not ask.
    for id in &c.dropped {
        let mut with = c.answers.clone();
        with.answers.insert(id.clone(), old.answers[id].clone());
        let r = evaluate(&new_c, &with);
        assert!(
            r.diagnostics
                .iter()
                .any(|d| d.severity == Severity::Error && d.question.as_deref() == Some(id)),
            "{id}"
        );
    }
    for id in &c.retired {
        assert!(new_c.question(id).is_none(), "{id}");
    }
    // What is left to answer: the new edition's unanswered questions.
    let unanswered: Vec<&str> = report.unanswered().map(|q| q.id).collect();
    let mut expected: Vec<&str> = c.new_questions.iter().chain(&c.dropped).map(String::as_str).collect();
    expected.sort_unstable();
    let mut got = unanswered.clone();
    got.sort_unstable();
    assert!(got.iter().all(|id| expected.contains(id)), "{got:?} / {expected:?}");
    assert!(
        c.new_questions.iter().any(|id| id == "logiciels.ia_generative"),
        "a 2025-only question is to answer"
    );
}

#[test]
fn carrying_into_the_same_edition_changes_nothing_but_the_date() {
    let c25 = edition("tnl-2025");
    let old = answers("tests/calibration/boe-2025.answers.json");
    let c = carry_over(&old, &c25);
    assert!(
        c.dropped.is_empty() && c.retired.is_empty(),
        "{:?} {:?}",
        c.dropped,
        c.retired
    );
    let given: Vec<&String> = old
        .answers
        .iter()
        .filter(|(_, a)| a.is_given())
        .map(|(id, _)| id)
        .collect();
    assert_eq!(c.carried.iter().collect::<Vec<_>>(), given);
    assert_eq!(evaluate(&c25, &c.answers).score, evaluate(&c25, &old).score);
}

#[test]
fn an_answer_the_new_edition_refuses_is_dropped_not_kept_wrong() {
    let c25 = edition("tnl-2025");
    let q = c25
        .questions()
        .iter()
        .find(|q| !q.options.is_empty() && q.kind == tnl_engine::criteria::QuestionKind::SingleChoice)
        .expect("a single choice question");
    let mut old = Answers::new(
        "tnl-2024",
        tnl_engine::Profile {
            name: "Boé".into(),
            ..Default::default()
        },
    );
    old.answers.insert(
        q.id.clone(),
        tnl_engine::Answer::value(serde_json::json!("an_option_of_2024_only")),
    );
    let c = carry_over(&old, &c25);
    assert_eq!(c.dropped, std::slice::from_ref(&q.id));
    assert!(c.carried.is_empty() && !c.answers.answers.contains_key(&q.id));
    assert_eq!(c.answers.profile.name, "Boé");
}
