//! Generates synthetic answers files for the `tnl batch` benchmark (tests/bench/batch.sh).
//!
//! `cargo run --release -p tnl-cli --example gen_answers -- DIR COUNT [EDITION]` writes
//! `DIR/00000.json` … with a deterministic mix of profiles and answers (a small linear
//! congruential generator, no dependency): about two thirds of the questions answered, some
//! not-applicable declarations, a few wrong answers so that diagnostics are exercised too.

// A generator for benchmarks, run by hand: printing macros are fine here.
#![allow(clippy::disallowed_macros)]

use std::process::ExitCode;
use tnl_engine::criteria::QuestionKind;
use tnl_engine::editions;

struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        self.0 >> 33
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
}

const KINDS: [&str; 5] = [
    "commune",
    "commune",
    "commune",
    "communaute_communes",
    "communaute_agglomeration",
];

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().collect();
    let (Some(dir), Some(count)) = (args.get(1), args.get(2).and_then(|c| c.parse::<u64>().ok())) else {
        eprintln!("usage: gen_answers DIR COUNT [EDITION]");
        return ExitCode::from(2);
    };
    let edition = args.get(3).map_or("tnl-2025", String::as_str);
    let Some(Ok(criteria)) = editions::load(edition) else {
        eprintln!("error: unknown edition {edition}");
        return ExitCode::from(2);
    };
    if let Err(e) = std::fs::create_dir_all(dir) {
        eprintln!("error: {dir}: {e}");
        return ExitCode::from(1);
    }
    let mut rng = Lcg(42);
    for i in 0..count {
        let population = 200 + rng.below(150_000);
        let mut answers = serde_json::Map::new();
        for q in criteria.questions() {
            let roll = rng.below(100);
            if roll < 30 {
                continue; // unanswered
            }
            if roll < 33 && q.not_applicable_allowed {
                answers.insert(
                    q.id.clone(),
                    serde_json::json!({"not_applicable": true, "justification": "hors compétence"}),
                );
                continue;
            }
            if roll == 99 {
                answers.insert(q.id.clone(), serde_json::json!("??")); // a wrong answer: a diagnostic
                continue;
            }
            let value = match q.kind {
                QuestionKind::YesNo => serde_json::json!(rng.below(2) == 0),
                QuestionKind::SingleChoice => {
                    serde_json::json!(q.options[rng.below(q.options.len() as u64) as usize].id)
                }
                QuestionKind::MultipleChoice => {
                    let ids: Vec<&str> = q
                        .options
                        .iter()
                        .filter(|o| !o.exclusive && rng.below(2) == 0)
                        .map(|o| o.id.as_str())
                        .collect();
                    serde_json::json!(ids)
                }
                QuestionKind::Number => serde_json::json!(rng.below(40)),
                QuestionKind::Percentage => serde_json::json!(rng.below(101)),
                QuestionKind::Text => serde_json::json!("Délibération du conseil municipal, inventaire du parc"),
                QuestionKind::List => {
                    let n = rng.below(5);
                    serde_json::json!((0..n).map(|k| format!("logiciel-{k}")).collect::<Vec<_>>())
                }
            };
            answers.insert(q.id.clone(), value);
        }
        let doc = serde_json::json!({
            "format": 1,
            "edition": edition,
            "profile": {
                "name": format!("Commune synthétique n°{i}"),
                "kind": KINDS[(i % KINDS.len() as u64) as usize],
                "population": population,
                "agents": population / 60 + 3,
                "workstations": population / 50 + 5,
            },
            "answers": answers,
            "updated_at": "2026-11-29T10:00:00Z",
        });
        let text = serde_json::to_string_pretty(&doc).unwrap_or_default();
        if let Err(e) = std::fs::write(format!("{dir}/{i:06}.json"), text) {
            eprintln!("error: {dir}: {e}");
            return ExitCode::from(1);
        }
    }
    ExitCode::SUCCESS
}
