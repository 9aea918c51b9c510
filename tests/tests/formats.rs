//! Format tests: every shipped file passes both validation stages, and broken files fail with
//! the message a user needs (file, JSON pointer, what was expected, a hint).

use serde_json::{json, Value};
use tnl_engine::{evaluate, Answers, Criteria, DiagnosticKind};
use tnl_tests::*;

#[test]
fn schemas_are_valid_draft_2020_12() {
    for name in ["criteria.schema.json", "answers.schema.json", "report.schema.json"] {
        let schema: Value = serde_json::from_str(&read(&format!("criteria/schemas/{name}"))).unwrap();
        assert!(
            jsonschema::draft202012::meta::is_valid(&schema),
            "{name} is not a valid draft 2020-12 schema"
        );
    }
}

#[test]
fn every_shipped_edition_passes_both_stages() {
    let editions = shipped_editions();
    assert!(!editions.is_empty(), "no edition under criteria/");
    for (path, text) in editions {
        let value: Value = serde_json::from_str(&text).unwrap();
        let errors = schema_errors("criteria.schema.json", &value);
        assert!(errors.is_empty(), "{path} fails the schema:\n{}", errors.join("\n"));
        if let Err(e) = Criteria::from_json(&text, &path) {
            panic!("{e}");
        }
    }
}

#[test]
fn mini_edition_passes_both_stages() {
    let c = mini();
    assert_eq!(c.id(), "mini");
}

/// Applies a JSON-pointer replacement to the mini edition.
fn broken(pointer: &str, new: Option<Value>) -> Value {
    let mut v: Value = serde_json::from_str(&read("tests/fixtures/mini-edition.json")).unwrap();
    let (parent, key) = pointer.rsplit_once('/').unwrap();
    let target = v.pointer_mut(parent).unwrap_or_else(|| panic!("no {parent}"));
    match (target, new) {
        (Value::Object(m), Some(n)) => {
            m.insert(key.into(), n);
        }
        (Value::Object(m), None) => {
            m.remove(key);
        }
        (Value::Array(a), Some(n)) => a[key.parse::<usize>().unwrap()] = n,
        (Value::Array(a), None) => {
            a.remove(key.parse::<usize>().unwrap());
        }
        _ => panic!("bad pointer"),
    }
    v
}

/// Loads without the schema stage, so that the semantic stage is tested on its own: the browser
/// build has no schema stage and must still refuse these files.
fn stage_two(v: Value) -> tnl_engine::Error {
    Criteria::from_value(v, "broken.json").expect_err("must be refused")
}

fn assert_problem(err: &tnl_engine::Error, pointer: &str, expected: &str) {
    assert_eq!(err.file, "broken.json");
    let hit = err
        .problems
        .iter()
        .any(|p| p.pointer == pointer && format!("{p}").contains(expected));
    assert!(
        hit,
        "expected a problem at {pointer} mentioning {expected:?}, got:\n{err}"
    );
}

#[test]
fn duplicate_question_id() {
    let e = stage_two(broken("/questions/1/id", Some(json!("strategie.ecrite"))));
    assert_problem(
        &e,
        "/questions/1/id",
        "expected a unique question id, found \"strategie.ecrite\" a second time",
    );
}

#[test]
fn unknown_domain() {
    let e = stage_two(broken("/questions/0/domain", Some(json!("finances"))));
    assert_problem(
        &e,
        "/questions/0/domain",
        "expected the id of a domain of this edition, found \"finances\"",
    );
    assert!(
        e.to_string()
            .contains("hint: known domains: strategie, logiciels, donnees"),
        "{e}"
    );
}

#[test]
fn condition_on_unknown_question() {
    let e = stage_two(broken(
        "/questions/1/asked_if",
        Some(json!({"question": "nope", "in": ["yes"]})),
    ));
    assert_problem(
        &e,
        "/questions/1/asked_if/question",
        "the id of a question of this edition, found \"nope\"",
    );
}

#[test]
fn applies_if_may_not_read_answers() {
    let e = stage_two(broken(
        "/questions/5/applies_if",
        Some(json!({"question": "strategie.ecrite", "in": ["yes"]})),
    ));
    assert_problem(
        &e,
        "/questions/5/applies_if",
        "expected a condition on the profile only",
    );
}

#[test]
fn cycle_between_follow_ups() {
    let e = stage_two(broken(
        "/questions/0/asked_if",
        Some(json!({"question": "strategie.deliberation", "in": ["yes"]})),
    ));
    assert!(
        e.problems.iter().any(|p| p.expected == "conditions without cycles"),
        "{e}"
    );
    assert!(
        e.to_string()
            .contains("strategie.ecrite → strategie.deliberation → strategie.ecrite"),
        "{e}"
    );
}

#[test]
fn non_monotone_condition() {
    // Accepting "mixte" but not the better "libre" would let a better answer hide a question.
    let e = stage_two(broken(
        "/questions/1/asked_if",
        Some(json!({"question": "logiciels.bureautique", "in": ["mixte"]})),
    ));
    assert_problem(
        &e,
        "/questions/1/asked_if/in",
        "every option worth more points than an accepted one is accepted, found libre left out",
    );
}

#[test]
fn answers_under_not() {
    let e = stage_two(broken(
        "/questions/1/asked_if",
        Some(json!({"not": {"question": "strategie.ecrite", "in": ["no"]}})),
    ));
    assert_problem(&e, "/questions/1/asked_if/not", "no condition on answers under \"not\"");
}

#[test]
fn bands_must_ascend() {
    let e = stage_two(broken("/questions/3/bands/2", Some(json!({"min": 5, "points": 7}))));
    assert_problem(&e, "/questions/3/bands/2/min", "more than the previous band's min (10)");
}

#[test]
fn band_points_never_decrease() {
    let e = stage_two(broken("/questions/3/bands/3", Some(json!({"min": 90, "points": 1}))));
    assert_problem(
        &e,
        "/questions/3/bands/3/points",
        "at least the previous band's points (7)",
    );
}

#[test]
fn met_at_above_maximum() {
    let e = stage_two(broken("/questions/3/met_at", Some(json!(11))));
    assert_problem(&e, "/questions/3/met_at", "at most the question's maximum of 10 points");
}

#[test]
fn field_of_another_kind() {
    let e = stage_two(broken("/questions/0/bands", Some(json!([{"min": 0, "points": 1}]))));
    assert_problem(&e, "/questions/0/bands", "no \"bands\" in a yes_no question");
}

#[test]
fn unreachable_tier() {
    let e = stage_two(broken(
        "/tiers/3/rule/clauses/0/required",
        Some(json!(["strategie.deliberation", "logiciels.preuves", "nope"])),
    ));
    assert_problem(
        &e,
        "/tiers/3/rule/clauses/0/required/2",
        "the id of a question of this edition, found \"nope\"",
    );
}

#[test]
fn tier_that_no_answers_reach() {
    // A yes/no worth nothing can never make a criterion "met" with more than its maximum…
    // so a rule asking a domain score above 1000 is refused by the schema; stage two catches a
    // rule that needs an excluded-everywhere question instead.
    let mut v = broken("/tiers/1/rule/clauses/0/min_score", Some(json!(300)));
    v["tiers"][1]["rule"]["clauses"][0]["condition"] =
        json!({"all": [{"profile": "population", "max": 10}, {"profile": "population", "min": 20}]});
    let e = stage_two(v);
    assert_problem(
        &e,
        "/tiers/1/rule",
        "tier \"bronze\" reachable when every question is answered at its best",
    );
}

#[test]
fn tier_without_basis_is_refused_at_load() {
    let e = stage_two(broken("/tiers/2/rule/clauses/0/basis", Some(json!([]))));
    assert_problem(
        &e,
        "/tiers/2/rule/clauses/0/basis",
        "the basis of the clause: at least one of {\"source\"",
    );
    // The schema says it first, for editors.
    let v = broken("/tiers/2/rule/clauses/0/basis", None);
    let text = serde_json::to_string(&v).unwrap();
    let e = Criteria::from_json(&text, "broken.json").expect_err("must be refused");
    assert!(
        e.problems
            .iter()
            .any(|p| p.pointer.starts_with("/tiers/2/rule/clauses/0")),
        "{e}"
    );
}

#[test]
fn mention_without_basis_is_refused_at_load() {
    let e = stage_two(broken("/mentions/1/rule/clauses/0/basis", Some(json!([]))));
    assert_problem(&e, "/mentions/1/rule/clauses/0/basis", "found no basis");
}

#[test]
fn rule_without_clauses_is_refused_at_load() {
    let e = stage_two(broken("/tiers/1/rule/clauses", Some(json!([]))));
    assert_problem(&e, "/tiers/1/rule/clauses", "at least one clause, with its basis");
}

#[test]
fn basis_must_be_a_source_with_address_or_a_model_assumption() {
    let without_url = json!([{"source": {"title": "Règlement"}, "quote": "un premier pas"}]);
    let e = stage_two(broken("/tiers/1/rule/clauses/0/basis", Some(without_url)));
    assert_problem(
        &e,
        "/tiers/1/rule/clauses/0/basis/0/source/url",
        "the address where anyone can read the source",
    );
    let both = json!([{"source": {"title": "R", "url": "https://example.org"},
                       "model_assumption": {"fr": "f", "en": "e"}}]);
    let e = stage_two(broken("/tiers/1/rule/clauses/0/basis", Some(both)));
    assert_problem(
        &e,
        "/tiers/1/rule/clauses/0/basis/0",
        "found both a source and a model assumption",
    );
    let quoted_assumption = json!([{"quote": "q", "model_assumption": {"fr": "f", "en": "e"}}]);
    let e = stage_two(broken("/tiers/1/rule/clauses/0/basis", Some(quoted_assumption)));
    assert_problem(
        &e,
        "/tiers/1/rule/clauses/0/basis/0/quote",
        "no quote in a model assumption",
    );
}

#[test]
fn clause_that_asks_nothing_is_refused() {
    let e = stage_two(broken("/tiers/1/rule/clauses/0/min_score", None));
    assert_problem(&e, "/tiers/1/rule/clauses/0", "a clause with at least one of min_score");
}

#[test]
fn a_domain_without_points() {
    let mut v: Value = serde_json::from_str(&read("tests/fixtures/mini-edition.json")).unwrap();
    v["domains"]
        .as_array_mut()
        .unwrap()
        .push(json!({"id": "vide", "weight": 1, "title": {"fr": "Vide", "en": "Empty"}}));
    let e = stage_two(v);
    assert_problem(&e, "/domains/3", "a domain with at least one scored question");
}

#[test]
fn wrong_type_is_located_by_pointer() {
    let e = stage_two(broken("/questions/2/options/1/points", Some(json!("trois"))));
    assert_problem(
        &e,
        "/questions/2/options/1/points",
        "invalid type: string \"trois\", expected u32",
    );
}

#[test]
fn missing_translation_is_refused_by_both_stages() {
    let v = broken("/questions/0/title/en", None);
    let e = stage_two(v.clone());
    assert_problem(&e, "/questions/0/title", "missing field `en`");
    let schema = schema_errors("criteria.schema.json", &v);
    assert!(
        schema
            .iter()
            .any(|m| m.starts_with("/questions/0/title") && m.contains("\"en\" is a required property")),
        "{schema:?}"
    );
}

#[test]
fn schema_stage_names_file_pointer_and_rule() {
    let text = serde_json::to_string(&broken("/domains/0/weight", Some(json!(0)))).unwrap();
    let e = Criteria::from_json(&text, "broken.json").expect_err("weight 0 is refused");
    assert_problem(&e, "/domains/0/weight", "0 is less than the minimum of 1");
    assert!(e.to_string().contains("hint: schema rule"), "{e}");
}

#[test]
fn newer_criteria_format_is_refused_with_a_hint() {
    let e = stage_two(broken("/format", Some(json!(2))));
    assert_problem(&e, "/format", "expected criteria format 1 or older, found 2");
    assert!(e.to_string().contains("update tnl"));
}

#[test]
fn not_json_empty_truncated_garbage() {
    for (text, expected) in [
        ("", "expected a JSON object, found an empty file"),
        ("   \n", "expected a JSON object, found an empty file"),
        (
            "{\"format\": 1, \"id\": ",
            "expected valid JSON, found EOF while parsing a value at line 1 column 20",
        ),
        ("\u{0}\u{1}\u{2}garbage", "expected valid JSON"),
        ("{} {}", "expected a single JSON document"),
    ] {
        let e = Criteria::from_json(text, "x.json").expect_err(text);
        assert!(e.to_string().contains(expected), "{text:?}: {e}");
        let e = Answers::from_json(text, "x.json").expect_err(text);
        assert!(e.to_string().contains(expected), "{text:?}: {e}");
    }
}

#[test]
fn answers_that_cannot_be_used_are_errors() {
    let cases = [
        (json!([]), "/format", "a JSON object"),
        (
            json!({"edition": "mini", "profile": {"name": "x"}, "answers": {}}),
            "/format",
            "a format version",
        ),
        (
            json!({"format": 2, "edition": "mini", "profile": {"name": "x"}, "answers": {}}),
            "/format",
            "answers format 1 or older, found 2",
        ),
        (
            json!({"format": 1, "profile": {"name": "x"}, "answers": {}}),
            "/edition",
            "the id of the edition answered",
        ),
        (
            json!({"format": 1, "edition": "mini", "profile": {"name": "x"}, "answers": []}),
            "/answers",
            "an object of answers keyed by question id",
        ),
    ];
    for (v, pointer, expected) in cases {
        let e = Answers::from_value(v.clone(), "a.json").expect_err(&v.to_string());
        let p = &e.problems[0];
        let pointer = if pointer == "/format" && v.is_array() {
            ""
        } else {
            pointer
        };
        assert_eq!(p.pointer, pointer, "{e}");
        assert!(e.to_string().contains(expected), "{e}");
    }
}

#[test]
fn answers_to_another_edition_are_refused_by_check_edition() {
    let a = Answers::from_json(
        r#"{"format":1,"edition":"tnl-2019","profile":{"name":"x"},"answers":{}}"#,
        "a.json",
    )
    .unwrap();
    let e = a.check_edition(&mini(), "a.json").expect_err("other edition");
    assert!(
        e.to_string()
            .contains("expected answers to edition \"mini\", found \"tnl-2019\""),
        "{e}"
    );
}

#[test]
fn reports_match_the_report_schema() {
    let c = mini();
    for answers in [
        json!({}),
        json!({"strategie.ecrite": true, "logiciels.bureautique": "libre", "logiciels.postes_linux": 95, "donnees.portail": {"not_applicable": true}}),
        json!({"logiciels.bureautique": "nope", "x": 1, "logiciels.metiers": ["a", "b", "c"], "candidature.premiere": true}),
    ] {
        let a = Answers::from_value(json!({"format": 1, "edition": "mini", "profile": {"name": "Test", "population": 5000}, "answers": answers}), "a.json").unwrap();
        let report = evaluate(&c, &a);
        let v: Value = serde_json::from_str(&report.to_json()).unwrap();
        let errors = schema_errors("report.schema.json", &v);
        assert!(errors.is_empty(), "{}", errors.join("\n"));
    }
}

/// Replaces what lies between the first `begin` and the next `end` of `text` with `body`.
fn splice(text: &str, begin: &str, end: &str, body: &str) -> String {
    let start = text.find(begin).unwrap_or_else(|| panic!("marker {begin:?} not found")) + begin.len();
    let stop = start
        + text[start..]
            .find(end)
            .unwrap_or_else(|| panic!("marker {end:?} not found"));
    format!("{}{body}{}", &text[..start], &text[stop..])
}

/// Checks that the file at `rel` holds `body` between its markers (see [`check_generated`]).
fn check_listed(rel: &str, begin: &str, end: &str, body: &str) {
    let expected = splice(&read(rel), begin, end, body);
    if let Err(e) = check_generated(rel, &expected, "formats") {
        panic!("{e}: it must list the diagnostic codes of DiagnosticKind::ALL_CODES:\n{body}");
    }
}

#[test]
fn diagnostic_codes_are_listed_in_the_report_schema_and_the_docs() {
    let codes = DiagnosticKind::ALL_CODES;
    let quoted: Vec<String> = codes.iter().map(|c| format!("\"{}\"", c.code)).collect();
    check_listed(
        "criteria/schemas/report.schema.json",
        "\"code\": { \"enum\": [",
        "] }",
        &quoted.join(", "),
    );
    let mut table = String::from("| Code | Severity | Meaning |\n|---|---|---|\n");
    for c in codes {
        let severity = serde_json::to_value(c.severity).unwrap();
        table += &format!("| `{}` | {} | {} |\n", c.code, severity.as_str().unwrap(), c.meaning);
    }
    check_listed(
        "docs/formats.md",
        "--test formats`. Do not edit. -->\n",
        "<!-- end of diagnostic codes -->",
        &table,
    );
}

#[test]
fn templates_are_valid_answers_for_their_edition() {
    for t in files_ending("criteria/templates", ".answers.json") {
        let text = std::fs::read_to_string(&t).unwrap();
        let v: Value = serde_json::from_str(&text).unwrap();
        assert!(schema_errors("answers.schema.json", &v).is_empty(), "{}", t.display());
        let a = Answers::from_json(&text, &t.to_string_lossy()).unwrap();
        let edition = tnl_tests::shipped_editions()
            .into_iter()
            .find(|(_, txt)| serde_json::from_str::<Value>(txt).unwrap()["id"] == a.edition.as_str())
            .unwrap_or_else(|| panic!("{}: no edition {}", t.display(), a.edition));
        let c = Criteria::from_json(&edition.1, &edition.0).unwrap();
        let ids: Vec<&String> = a.answers.keys().collect();
        let mut expected: Vec<&String> = c.questions().iter().map(|q| &q.id).collect();
        expected.sort();
        assert_eq!(ids, expected, "{} lists every question of {}", t.display(), a.edition);
        assert!(evaluate(&c, &a)
            .diagnostics
            .iter()
            .all(|d| d.code != "unknown_question"));
    }
}

#[test]
fn embedded_editions_load_as_their_files_do() {
    // `editions::load` skips the tiers' reachability (checked here, through `from_json`) and
    // `domain_ids` reads only the domains: both must agree with the full load of the same file.
    for e in tnl_engine::editions::EDITIONS {
        let full = Criteria::from_json(e.json, e.path).unwrap_or_else(|err| panic!("{err}"));
        let quick = tnl_engine::editions::load(e.id)
            .expect("embedded")
            .unwrap_or_else(|err| panic!("{err}"));
        assert_eq!(
            serde_json::to_value(quick.file()).unwrap(),
            serde_json::to_value(full.file()).unwrap(),
            "{}",
            e.id
        );
        let ids: Vec<String> = full.domains().iter().map(|d| d.id.clone()).collect();
        assert_eq!(tnl_engine::editions::domain_ids(e), ids, "{}", e.id);
        let template = Answers::from_json(e.template, e.path).unwrap();
        assert_eq!(
            evaluate(&quick, &template).to_json(),
            evaluate(&full, &template).to_json(),
            "{}",
            e.id
        );
    }
}

#[test]
fn a_checked_edition_that_fails_to_load_says_where_and_what() {
    let base: serde_json::Value = serde_json::from_str(tnl_engine::editions::EDITIONS[0].json).unwrap();

    // Not JSON, or JSON of the wrong shape: serde's message, with line and column, and the file.
    let err = Criteria::from_checked_json("{\n  \"format\": 1,\n  \"id\": }", "broken.json").unwrap_err();
    assert_eq!(err.file, "broken.json");
    assert!(err.to_string().contains("line 3"), "{err}");
    let mut wrong = base.clone();
    wrong["questions"] = serde_json::json!("none");
    let err = Criteria::from_checked_json(&wrong.to_string(), "wrong.json").unwrap_err();
    assert!(err.to_string().contains("invalid type"), "{err}");

    // A newer format: the same problem as stage two of the full load.
    let mut newer = base.clone();
    newer["format"] = serde_json::json!(99);
    let quick = Criteria::from_checked_json(&newer.to_string(), "newer.json").unwrap_err();
    let full = Criteria::from_value(newer, "newer.json").unwrap_err();
    assert_eq!(quick.problems, full.problems);

    // A semantic problem is found as by the full load.
    let mut dup = base;
    let first = dup["questions"][0].clone();
    dup["questions"].as_array_mut().unwrap().push(first);
    let quick = Criteria::from_checked_json(&dup.to_string(), "dup.json").unwrap_err();
    assert!(quick.problems.iter().any(|p| p.expected.contains("unique")), "{quick}");
}
