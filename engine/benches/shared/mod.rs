// Benchmarks shared by `evaluate.rs` (system allocator) and `evaluate_mimalloc.rs`.

use serde_json::{json, Map, Value};
use tnl_engine::criteria::QuestionKind;
use tnl_engine::{editions, evaluate, Answers, Criteria};

/// A complete, realistic answer set: every question asked answered with a middling valid value.
fn complete_answers(c: &Criteria) -> Answers {
    let mut answers = Map::new();
    for (i, q) in c.questions().iter().enumerate() {
        let v: Value = match q.kind {
            QuestionKind::YesNo => json!(i % 3 != 0),
            QuestionKind::SingleChoice => json!(q.options[q.options.len() / 2].id),
            QuestionKind::MultipleChoice => json!(q
                .options
                .iter()
                .filter(|o| !o.exclusive)
                .take(2)
                .map(|o| o.id.as_str())
                .collect::<Vec<_>>()),
            QuestionKind::Number => json!(7),
            QuestionKind::Percentage => json!(60),
            QuestionKind::Text => json!("délibération du 12 mars 2025"),
            QuestionKind::List => json!(["iDelibRE", "QGIS"]),
        };
        answers.insert(q.id.clone(), v);
    }
    let doc = json!({"format": 1, "edition": c.id(), "profile": {"name": "Bench", "kind": "commune", "population": 12000, "agents": 180, "workstations": 150}, "answers": answers});
    let mut answers = Answers::from_value(doc, "bench.json").expect("valid answers");
    // Complete and consistent, as a finished form is: every question asked is answered, and
    // the follow-ups that the other answers do not ask are left out (answering them anyway is
    // an inconsistency the engine reports, which is not what this benchmark measures).
    let report = evaluate(c, &answers);
    for r in report.criteria.iter() {
        if matches!(r.status, tnl_engine::Status::NotAsked | tnl_engine::Status::Excluded) {
            answers.answers.remove(r.id);
        }
    }
    assert!(evaluate(c, &answers).diagnostics.is_empty());
    answers
}

fn largest_edition() -> Criteria {
    editions::EDITIONS
        .iter()
        .map(|e| editions::load(e.id).expect("embedded").expect("valid"))
        .max_by_key(|c| c.questions().len())
        .expect("at least one edition")
}

/// The largest edition and its complete answer set (for `examples/evaluate_loop.rs` too).
pub fn largest_edition_and_answers() -> (Criteria, Answers) {
    let c = largest_edition();
    let a = complete_answers(&c);
    (c, a)
}

#[divan::bench]
fn evaluate_largest_edition(bencher: divan::Bencher) {
    let (c, a) = largest_edition_and_answers();
    bencher.bench(|| evaluate(divan::black_box(&c), divan::black_box(&a)));
}

#[divan::bench]
fn evaluate_and_serialize(bencher: divan::Bencher) {
    let (c, a) = largest_edition_and_answers();
    bencher.bench(|| evaluate(&c, &a).to_json());
}

#[divan::bench]
fn load_largest_edition(bencher: divan::Bencher) {
    // Both stages but the schema, reachability included, as the browser app loads an edition.
    let e = editions::EDITIONS.iter().max_by_key(|e| e.json.len()).expect("edition");
    bencher.bench(|| Criteria::from_json(divan::black_box(e.json), e.path));
}
