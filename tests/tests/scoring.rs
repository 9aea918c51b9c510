//! Scoring behaviour on the miniature edition, with every figure computed by hand in comments.

use serde_json::{json, Value};
use tnl_engine::report::{Gap, Id, Status};
use tnl_engine::{evaluate, Answers, Lang, Report, Severity, Text};
use tnl_tests::mini;

fn eval(profile: Value, answers: Value) -> Report {
    let a = Answers::from_value(
        json!({"format": 1, "edition": "mini", "profile": profile, "answers": answers}),
        "a.json",
    )
    .unwrap();
    evaluate(&mini(), &a)
}

fn status(r: &Report, id: &str) -> Status {
    r.criteria.iter().find(|c| c.id == id).unwrap().status
}

fn village() -> Value {
    json!({"name": "Village", "kind": "commune", "population": 300, "agents": 4})
}

fn full_village() -> Value {
    json!({
        "strategie.ecrite": true, "strategie.deliberation": true,
        "strategie.soutiens": ["elus", "dg", "agents"],
        "logiciels.postes_linux": 95, "logiciels.bureautique": "libre",
        "logiciels.metiers": ["iDelibRE", "QGIS", "openCimetière"], "donnees.jeux": 12
    })
}

#[test]
fn a_village_is_not_expected_to_run_servers_nor_open_data_portal() {
    let r = eval(village(), full_village());
    assert_eq!(status(&r, "logiciels.serveurs"), Status::Excluded);
    assert_eq!(status(&r, "donnees.portail"), Status::Excluded);
    // strategie 23/23, logiciels 23/23 (servers excluded), donnees 4/4.
    let pm: Vec<Option<u32>> = r.domains.iter().map(|d| d.per_mille).collect();
    assert_eq!(pm, vec![Some(1000), Some(1000), Some(1000)]);
    assert_eq!((r.domains[1].earned, r.domains[1].possible), (23, 23));
    assert_eq!(r.score.per_mille, 1000);
}

#[test]
fn completeness_gate_keeps_gold_and_the_plan_says_which_answer_closes_it() {
    let r = eval(village(), full_village());
    // Main questions that apply: ecrite, soutiens, premiere, linux, bureautique, metiers, preuves,
    // jeux (8) + the answered follow-up deliberation = 9; answered 7 → 777.
    assert_eq!(
        (
            r.completeness.answered,
            r.completeness.applicable,
            r.completeness.per_mille
        ),
        (7, 9, 777)
    );
    assert_eq!(&*r.tier.as_ref().unwrap().id, "argent");
    let next = r.next_tier.as_ref().unwrap();
    assert_eq!(&*next.tier.id, "or");
    assert_eq!(
        next.gaps,
        vec![Gap::MinCompleteness {
            have: 777,
            need: 800,
            short: 23
        }]
    );
    // One more answer gives 8/9 = 888 ≥ 800; evidence comes first in criteria order (same gain and effort).
    assert_eq!(next.plan.steps, [Id::from("logiciels.preuves")]);
    assert!(next.plan.closes_all_gaps);
    assert_eq!(next.plan.projected_score, 1000);
}

#[test]
fn weighted_overall_score_and_bands() {
    let r = eval(
        json!({"name": "Ville", "kind": "commune", "population": 12000, "agents": 200}),
        json!({"strategie.ecrite": true, "logiciels.postes_linux": 55, "logiciels.bureautique": "mixte", "logiciels.serveurs": 3, "donnees.portail": true}),
    );
    // strategie: 10 / (10+5+8+0) = 434; logiciels: (7+4+2) / (10+8+4+5) = 13/27 = 481;
    // donnees: 6 / (6+4) = 600. Overall (2·434 + 3·481 + 1·600) / 6 = 2911/6 = 485.
    let pm: Vec<Option<u32>> = r.domains.iter().map(|d| d.per_mille).collect();
    assert_eq!(pm, vec![Some(434), Some(481), Some(600)]);
    assert_eq!(r.score.per_mille, 485);
    assert_eq!(
        status(&r, "logiciels.postes_linux"),
        Status::Met,
        "55 % earns 7 = met_at"
    );
    assert_eq!(status(&r, "logiciels.bureautique"), Status::Partial);
    assert_eq!(&*r.tier.as_ref().unwrap().id, "bronze");
}

#[test]
fn follow_up_not_asked_earns_nothing_but_counts() {
    let r = eval(
        village(),
        json!({"strategie.ecrite": false, "strategie.deliberation": true}),
    );
    assert_eq!(status(&r, "strategie.deliberation"), Status::NotAsked);
    assert_eq!(r.domains[0].possible, 23);
    assert_eq!(r.domains[0].earned, 0);
    assert!(r
        .diagnostics
        .iter()
        .any(|d| d.code == "not_asked" && d.pointer == "/answers/strategie.deliberation"));
}

#[test]
fn not_applicable_with_and_without_justification() {
    let big = json!({"name": "Ville", "kind": "commune", "population": 12000, "agents": 200});
    let r = eval(
        big.clone(),
        json!({"donnees.portail": {"not_applicable": true, "justification": "portail départemental"}}),
    );
    assert_eq!(status(&r, "donnees.portail"), Status::NotApplicable);
    assert_eq!(r.domains[2].possible, 4);
    assert!(r.diagnostics.is_empty(), "{:?}", r.diagnostics);
    let r = eval(
        big,
        json!({"donnees.portail": {"not_applicable": true}, "logiciels.bureautique": {"not_applicable": true, "justification": "x"}}),
    );
    let codes: Vec<(&str, Severity)> = r.diagnostics.iter().map(|d| (d.code.as_str(), d.severity)).collect();
    assert_eq!(
        codes,
        vec![
            ("not_applicable_refused", Severity::Error),
            ("justification_missing", Severity::Warning)
        ]
    );
    assert_eq!(status(&r, "logiciels.bureautique"), Status::Unanswered);
}

#[test]
fn problems_in_answers_are_diagnostics_with_pointers() {
    let r = eval(
        json!({"name": "X", "kind": "commune", "population": "beaucoup", "agents": 4}),
        json!({
            "inconnue": true,
            "strategie.ecrite": "oui",
            "logiciels.bureautique": "word",
            "logiciels.postes_linux": 140,
            "logiciels.metiers": [1, 2],
            "logiciels.serveurs": 4,
            "strategie.soutiens": ["aucun", "elus"]
        }),
    );
    let got: Vec<(&str, &str)> = r
        .diagnostics
        .iter()
        .map(|d| (d.code.as_str(), d.pointer.as_str()))
        .collect();
    assert_eq!(
        got,
        vec![
            ("profile_invalid", "/profile/population"),
            ("unknown_question", "/answers/inconnue"),
            ("wrong_type", "/answers/strategie.ecrite/value"),
            ("exclusive_combined", "/answers/strategie.soutiens/value"),
            ("out_of_range", "/answers/logiciels.postes_linux/value"),
            ("unknown_option", "/answers/logiciels.bureautique/value"),
            ("not_for_profile", "/answers/logiciels.serveurs"),
            ("wrong_type", "/answers/logiciels.metiers/value"),
            ("profile_field_missing", "/profile/population"),
        ]
    );
    let option = r.diagnostics.iter().find(|d| d.code == "unknown_option").unwrap();
    assert_eq!(
        &*option.message.en,
        "\"logiciels.bureautique\": unknown option \"word\" (options: ms, mixte, libre); answer ignored"
    );
    assert_eq!(
        &*option.message.fr,
        "« logiciels.bureautique » : option « word » inconnue (options : ms, mixte, libre) ; réponse ignorée"
    );
    // The exclusive "aucun" is dropped, "elus" counts.
    assert_eq!(
        r.criteria.iter().find(|c| c.id == "strategie.soutiens").unwrap().earned,
        4
    );
}

#[test]
fn unknown_population_keeps_the_question_applicable() {
    let r = eval(json!({"name": "X", "agents": 80}), json!({}));
    assert_eq!(status(&r, "donnees.portail"), Status::Unanswered);
    assert!(r
        .diagnostics
        .iter()
        .any(|d| d.code == "profile_field_missing" && d.pointer == "/profile/population"));
}

#[test]
fn next_steps_put_what_the_next_tier_requires_first_then_gain_per_effort() {
    let r = eval(
        village(),
        json!({"logiciels.postes_linux": 0, "logiciels.bureautique": "ms", "strategie.ecrite": false}),
    );
    // Badge reached (its three questions answered); bronze needs 300 overall.
    assert_eq!(&*r.tier.as_ref().unwrap().id, "badge");
    let next = r.next_tier.as_ref().unwrap();
    assert_eq!(&*next.tier.id, "bronze");
    assert_eq!(
        next.gaps,
        vec![Gap::MinScore {
            have: 0,
            need: 300,
            short: 300
        }]
    );
    let steps: Vec<(&str, u32)> = r.next_steps.iter().map(|s| (s.question, s.gain)).collect();
    // Gains: ecrite 2·(10/23)=434·2/6=144 (project: 72 per effort unit); jeux 1·1000/6 = 166
    // (project: 83); bureautique 3·(8/23 = 347)/6 = 173 (project: 86); linux 3·434/6 = 217
    // (long term: 54); metiers 3·217/6 = 108 (project: 54); soutiens 2·347/6 = 115 (long term: 28).
    assert_eq!(
        steps,
        vec![
            ("logiciels.bureautique", 173),
            ("donnees.jeux", 166),
            ("strategie.ecrite", 144),
            ("logiciels.postes_linux", 217),
            ("logiciels.metiers", 108),
            ("strategie.soutiens", 115),
            ("logiciels.preuves", 0),
            ("candidature.premiere", 0),
        ]
    );
    // Bureautique (173) + jeux (166) reach 339 ≥ 300 once both are done.
    assert_eq!(
        next.plan.steps,
        [Id::from("logiciels.bureautique"), Id::from("donnees.jeux")]
    );
    assert!(next.plan.projected_score >= 300);
}

#[test]
fn required_follow_up_marks_its_parent_blocking() {
    let mut answers = full_village();
    answers["strategie.ecrite"] = json!(false);
    answers["logiciels.preuves"] = json!("inventaire");
    answers["candidature.premiere"] = json!(true);
    let r = eval(village(), answers);
    // Without a written strategy, argent's required criterion fails.
    assert_eq!(&*r.tier.as_ref().unwrap().id, "bronze");
    let first = r.next_steps.first().unwrap();
    assert_eq!((first.question, first.blocking), ("strategie.ecrite", true));
}

#[test]
fn mentions_follow_their_rules() {
    let mut answers = full_village();
    answers["candidature.premiere"] = json!(true);
    let r = eval(village(), answers);
    let reached: Vec<(&str, bool)> = r.mentions.iter().map(|m| (&*m.id, m.reached)).collect();
    assert_eq!(reached, vec![("premiere", true), ("logiciels", true)]);
    let r = eval(village(), json!({"candidature.premiere": false}));
    assert_eq!(
        r.mentions[0].gaps,
        vec![
            Gap::MinScore {
                have: 0,
                need: 400,
                short: 400
            },
            Gap::Condition { title: None }
        ]
    );
}

#[test]
fn answers_to_another_edition_are_evaluated_with_a_diagnostic() {
    let a = Answers::from_value(
        json!({"format": 1, "edition": "tnl-2019", "profile": {"name": "x"}, "answers": {}}),
        "a.json",
    )
    .unwrap();
    let r = evaluate(&mini(), &a);
    assert_eq!(r.diagnostics[0].code, "edition_mismatch");
}

#[test]
fn every_report_carries_the_disclaimer() {
    let r = eval(village(), json!({}));
    assert!(r.disclaimer.fr.contains("pas la décision du jury"));
    assert!(r.disclaimer.en.contains("not the jury's decision"));
}

#[test]
fn bare_and_object_answers_round_trip_without_loss() {
    let text = r#"{"format":1,"edition":"mini","profile":{"name":"X","population":"n/a","blason":"lion"},"answers":{"strategie.ecrite":true,"logiciels.bureautique":{"value":"libre","justification":"100 %","note":"gardée"},"inconnue":42,"logiciels.preuves":null},"updated_at":"2026-11-29T10:00:00Z","outil":"tableur"}"#;
    let a = Answers::from_json(text, "a.json").unwrap();
    let back: Value = serde_json::from_str(&a.to_json_pretty()).unwrap();
    let orig: Value = serde_json::from_str(text).unwrap();
    assert_eq!(back, orig);
}

#[test]
fn a_blank_form_gives_the_whole_range_and_no_likely_tier() {
    // Both shipped editions: before any answer nothing is secured, every tier the profile can
    // reach is still reachable, and there is no likely tier; one answer does not change that.
    for id in ["tnl-2025", "tnl-2024"] {
        let c = tnl_engine::editions::load(id)
            .expect("shipped")
            .unwrap_or_else(|e| panic!("{e}"));
        let blank = Answers::from_value(json!({"format": 1, "edition": id, "profile": {"name": "Blanc", "kind": "commune", "population": 5000}, "answers": {}}), "a.json").unwrap();
        let r = evaluate(&c, &blank);
        let top = c.file().tiers.len() as u32;
        assert_eq!(r.estimate.secured, None, "{id}: nothing secured from no answer");
        assert_eq!(r.estimate.likely, None, "{id}: no likely tier from no answer");
        assert!(!r.estimate.enough_answers);
        assert_eq!(
            r.estimate.domains_to_answer.len(),
            r.domains.len(),
            "{id}: every domain to answer"
        );
        assert!(r.estimate.domains_to_answer.iter().all(|d| d.covered == 0));
        assert_eq!(
            r.estimate.reachable.as_ref().map(|t| t.rank),
            Some(top),
            "{id}: every tier reachable"
        );
        let yes_no = |id: &str| {
            c.questions()
                .iter()
                .any(|x| x.id == id && x.kind == tnl_engine::criteria::QuestionKind::YesNo)
        };
        let q = r
            .criteria
            .iter()
            .find(|x| x.status == Status::Unanswered && yes_no(x.id))
            .expect("a yes/no question to answer");
        let one = Answers::from_value(json!({"format": 1, "edition": id, "profile": {"name": "Blanc", "kind": "commune", "population": 5000}, "answers": {q.id.to_string(): true}}), "a.json").unwrap();
        let r = evaluate(&c, &one);
        assert!(
            !r.estimate.enough_answers && r.estimate.likely.is_none(),
            "{id}: one answer is not enough"
        );
        // One answer is not a first step in the use of free software, let alone the top tier.
        assert_eq!(r.tier, None, "{id}: one yes answer secures no tier");
    }
}

// The shipped editions' tiers, as the label's rules word them (issue 16).

const EDITIONS_WITH_RULES_FROM_THE_LABEL: [&str; 2] = ["tnl-2024", "tnl-2025"];

fn edition(id: &str) -> tnl_engine::Criteria {
    tnl_engine::editions::load(id)
        .expect("shipped")
        .unwrap_or_else(|e| panic!("{e}"))
}

/// An answer to every question of an edition, each chosen by `pick`.
fn answer_all(c: &tnl_engine::Criteria, pick: fn(&tnl_engine::criteria::Question) -> Value) -> Value {
    let mut answers = serde_json::Map::new();
    for q in c.questions() {
        answers.insert(q.id.clone(), pick(q));
    }
    Value::Object(answers)
}

fn best(q: &tnl_engine::criteria::Question) -> Value {
    use tnl_engine::criteria::QuestionKind::*;
    match q.kind {
        YesNo => json!(true),
        SingleChoice => json!(q.options.iter().max_by_key(|o| o.points).unwrap().id),
        MultipleChoice => json!(q
            .options
            .iter()
            .filter(|o| !o.exclusive)
            .map(|o| o.id.clone())
            .collect::<Vec<_>>()),
        Number => json!(q.bands.last().unwrap().min),
        Percentage => json!(100),
        List => json!((0..q.bands.last().map_or(1.0, |b| b.min) as usize)
            .map(|i| format!("logiciel {i}"))
            .collect::<Vec<_>>()),
        Text => json!("…"),
    }
}

fn worst(q: &tnl_engine::criteria::Question) -> Value {
    use tnl_engine::criteria::QuestionKind::*;
    match q.kind {
        YesNo => json!(false),
        SingleChoice => json!(q.options.iter().min_by_key(|o| o.points).unwrap().id),
        MultipleChoice => json!(q
            .options
            .iter()
            .filter(|o| o.exclusive)
            .map(|o| o.id.clone())
            .take(1)
            .collect::<Vec<_>>()),
        Number | Percentage => json!(0),
        List => json!([]),
        Text => json!("…"),
    }
}

fn eval_on(c: &tnl_engine::Criteria, profile: &Value, answers: &Value) -> Report {
    let a = Answers::from_value(
        json!({"format": 1, "edition": c.id(), "profile": profile, "answers": answers}),
        "a.json",
    )
    .unwrap();
    evaluate(c, &a)
}

fn rank(r: &Report) -> u32 {
    r.tier.as_ref().map_or(0, |t| t.rank)
}

fn city() -> Value {
    json!({"name": "Ville", "kind": "commune", "population": 50000, "agents": 800, "workstations": 700})
}

fn village_of_196() -> Value {
    json!({"name": "Village", "kind": "commune", "population": 196, "agents": 3, "workstations": 3})
}

/// 100 % Windows, Microsoft Office, Microsoft 365 mail and proprietary video; the rest at its best.
fn windows_city_answers(c: &tnl_engine::Criteria) -> Value {
    let mut a = answer_all(c, best);
    a["logiciels.postes_linux"] = json!(0);
    a["logiciels.suite_bureautique"] = json!("ms_office");
    a["logiciels.messagerie_serveur"] = json!("cloud_proprietaire");
    a["logiciels.visio"] = json!("proprietaire");
    a
}

#[test]
fn a_form_with_no_positive_answer_reaches_no_tier_on_either_edition() {
    for id in EDITIONS_WITH_RULES_FROM_THE_LABEL {
        let c = edition(id);
        for profile in [city(), village_of_196()] {
            let r = eval_on(&c, &profile, &answer_all(&c, worst));
            assert_eq!(r.score.per_mille, 0, "{id}: the worst answers earn nothing");
            assert_eq!(r.tier, None, "{id}: no tier for a form with no positive answer");
            assert!(
                r.estimate.likely.is_none() && r.estimate.reachable.is_none(),
                "{id}: nor as likely or reachable: the form is complete"
            );
            let r = eval_on(&c, &profile, &json!({"strategie.elu_referent": true}));
            assert_eq!(r.tier, None, "{id}: one referent is not a first step");
        }
    }
}

fn tier_id(r: &Report) -> Option<&str> {
    r.tier.as_ref().map(|t| &*t.id)
}

/// Whether the next tier's gaps name this criterion as required.
fn next_tier_requires(r: &Report, criterion: &str) -> bool {
    let gaps = &r.next_tier.as_ref().expect("a next tier").gaps;
    gaps.iter()
        .any(|g| matches!(g, Gap::Required { question, .. } if &**question == criterion))
}

/// Each edition, with the tier just below its top one and its top one.
const BELOW_TOP_AND_TOP: [(&str, &str, &str); 2] = [("tnl-2024", "niveau-4", "niveau-5"), ("tnl-2025", "argent", "or")];

#[test]
fn the_windows_city_stays_below_level_5_and_gold() {
    for (id, below_top, top) in BELOW_TOP_AND_TOP {
        let c = edition(id);
        let r = eval_on(&c, &city(), &windows_city_answers(&c));
        assert_eq!(tier_id(&r), Some(below_top), "{id}");
        assert!(next_tier_requires(&r, "logiciels.suite_bureautique"), "{id}");
        // The same city with free desktops reaches it: the workstation is what holds it back.
        let r = eval_on(&c, &city(), &answer_all(&c, best));
        assert_eq!(tier_id(&r), Some(top), "{id}");
    }
}

#[test]
fn a_village_without_open_data_is_not_held_below_level_4_or_silver() {
    for (id, below_top, _) in BELOW_TOP_AND_TOP {
        let c = edition(id);
        let mut a = answer_all(&c, best);
        a["donnees.publication"] = json!(false);
        let r = eval_on(&c, &village_of_196(), &a);
        assert_eq!(
            status(&r, "donnees.socle_commun"),
            Status::Excluded,
            "the law does not ask it"
        );
        assert_eq!(tier_id(&r), Some(below_top), "{id}");
        // The top tier's advanced open-data policy still asks every candidate to publish.
        assert!(next_tier_requires(&r, "donnees.publication"), "{id}");
        // A city the law obliges is held below without the common base of local data.
        let mut a = answer_all(&c, best);
        a["donnees.socle_commun"] = json!(["aucun"]);
        let r = eval_on(&c, &city(), &a);
        let below_top_rank = c.file().tiers.iter().position(|t| t.id == below_top).unwrap() as u32 + 1;
        assert!(rank(&r) < below_top_rank, "{id}: {:?}", r.tier);
    }
}

#[test]
fn level_3_no_longer_asks_for_open_data() {
    let c = edition("tnl-2024");
    let mut a = answer_all(&c, best);
    for q in c.questions().iter().filter(|q| q.domain == "donnees") {
        a[&q.id] = worst(q);
    }
    // Obliged or not, every data answer at its worst keeps levels 1 to 3 open.
    for profile in [city(), village_of_196()] {
        let r = eval_on(&c, &profile, &a);
        assert!(rank(&r) >= 3, "{profile}: {:?}", r.tier);
    }
}

/// For every question, answering its worst value never gives a lower tier than leaving it
/// blank: an honest "no" never ranks below a blank.
#[test]
fn an_honest_no_never_ranks_below_a_blank() {
    for id in EDITIONS_WITH_RULES_FROM_THE_LABEL {
        let c = edition(id);
        let best_all = answer_all(&c, best);
        // Half the questions at their best, half at their worst: a form in the middle tiers.
        let mut middle = answer_all(&c, best);
        for (i, q) in c.questions().iter().enumerate() {
            if i % 2 == 1 {
                middle[&q.id] = worst(q);
            }
        }
        for base in [&best_all, &middle] {
            for profile in [city(), village_of_196()] {
                for q in c.questions() {
                    let mut blank = base.clone();
                    blank.as_object_mut().unwrap().remove(&q.id);
                    let mut no = base.clone();
                    no[&q.id] = worst(q);
                    let (blank, no) = (eval_on(&c, &profile, &blank), eval_on(&c, &profile, &no));
                    assert!(
                        rank(&no) >= rank(&blank),
                        "{id}, {}: worst answer gives {:?}, blank {:?}",
                        q.id,
                        no.tier,
                        blank.tier
                    );
                }
            }
        }
    }
}

#[test]
fn each_level_of_tnl_2024_quotes_the_rules_it_follows() {
    let c = edition("tnl-2024");
    for (i, t) in c.file().tiers.iter().enumerate() {
        let quoted = t.rule.clauses.iter().flat_map(|cl| &cl.basis).any(|b| {
            b.quote
                .as_deref()
                .is_some_and(|q| q.starts_with(&format!("Niveau {},", i + 1)))
        });
        assert!(quoted, "{} does not quote the règlement's level {}", t.id, i + 1);
    }
}

#[test]
fn candidates_that_are_not_communes_get_the_questions_that_concern_them() {
    let c = edition("tnl-2025");
    for kind in [
        "gip",
        "centre_de_gestion",
        "parc_national",
        "association_collectivites",
        "agence_nationale",
    ] {
        let big = json!({"name": "Organisme", "kind": kind, "agents": 80});
        let r = eval_on(&c, &big, &json!({}));
        assert_ne!(status(&r, "logiciels.serveurs_linux"), Status::Excluded, "{kind}");
        assert_ne!(
            status(&r, "donnees.socle_commun"),
            Status::Excluded,
            "{kind}: 50 agents or more"
        );
        assert_eq!(status(&r, "logiciels.ecoles"), Status::Excluded, "{kind}: no schools");
        let small = json!({"name": "Organisme", "kind": kind, "agents": 12});
        let r = eval_on(&c, &small, &json!({}));
        assert_eq!(
            status(&r, "donnees.socle_commun"),
            Status::Excluded,
            "{kind}: under 50 agents"
        );
    }
}

#[test]
fn an_all_worst_tnl_2025_form_reaches_no_tier_not_the_badge() {
    let c = edition("tnl-2025");
    let r = eval_on(&c, &village_of_196(), &answer_all(&c, worst));
    assert_eq!(r.completeness.per_mille, 1000, "the short form is complete");
    assert_eq!(r.tier, None);
    let gaps = &r.next_tier.as_ref().unwrap().gaps;
    let first_step = Text::new(
        "Un premier pas confirmé dans l'usage du libre",
        "A confirmed first step in the use of free software",
    );
    assert_eq!(
        gaps,
        &vec![Gap::Condition {
            title: Some(first_step.clone())
        }],
        "only the first step is missing, named by its clause"
    );
    // One real use of free software in the short form is that first step.
    let mut a = answer_all(&c, worst);
    a["logiciels.messagerie_serveur"] = json!("libre_mutualisee");
    let r = eval_on(&c, &village_of_196(), &a);
    assert_eq!(tier_id(&r), Some("badge"));
    // The Bronze holds the first step now: of its two conditions, the other one is named.
    let bronze = r.next_tier.as_ref().unwrap();
    assert_eq!(&*bronze.tier.id, "bronze");
    let unmet: Vec<&str> = bronze
        .gaps
        .iter()
        .filter_map(|g| match g {
            Gap::Condition { title } => title.as_ref().map(|t| t.get(Lang::Fr)),
            _ => None,
        })
        .collect();
    assert_eq!(unmet, ["Une volonté d'implication dans la communauté du libre"]);
}

#[test]
fn producing_software_used_by_many_bodies_earns_the_pooling_mention() {
    let c = edition("tnl-2025");
    let mention = |r: &Report, id: &str| r.mentions.iter().find(|m| &*m.id == id).unwrap().reached;
    // A national park that pools nothing with partners but produces software others use.
    let park = json!({"name": "Parc", "kind": "parc_national", "agents": 90});
    let mut a = answer_all(&c, best);
    a["strategie.mutualisation_territoire"] = json!(["aucune"]);
    a["strategie.mutualisation_part"] = json!(0);
    a["ecosysteme.logiciel_produit_reutilise"] = json!("quelques");
    assert!(!mention(&eval_on(&c, &park, &a), "mutualisation"));
    a["ecosysteme.logiciel_produit_reutilise"] = json!("nombreuses");
    assert!(mention(&eval_on(&c, &park, &a), "mutualisation"));
}

#[test]
fn promotion_towards_other_authorities_counts_for_the_promotion_mention() {
    let c = edition("tnl-2025");
    let mention = |r: &Report| r.mentions.iter().find(|m| &*m.id == "promotion").unwrap().reached;
    let mut a = answer_all(&c, best);
    a["ecosysteme.temoignages"] = json!(false);
    a["strategie.adhesions"] = json!(["adullact"]);
    assert!(!mention(&eval_on(&c, &city(), &a)), "nothing towards other authorities");
    a["strategie.adhesions"] = json!(["adullact", "fnl"]);
    assert!(mention(&eval_on(&c, &city(), &a)), "France Numérique Libre");
}
