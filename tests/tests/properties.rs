//! Properties of the engine over random answers: scores stay in bounds, the order of answers
//! never matters, a better answer never lowers the score, the tier or a mention, the range is
//! ordered (secured ≤ likely ≤ reachable), answering never widens it and a complete form closes
//! it, and report JSON
//! round-trips, a summary is the report's summary, answers read in one pass equal answers
//! read through a JSON value, a view of the answers summarises like the answers, and a summary's
//! CSV line is the CSV line of its cells, and a refused report or cut answers file is said in
//! French too. They run on
//! the miniature edition and on every shipped edition.

use proptest::prelude::*;
use serde_json::{json, Map, Value};
use tnl_engine::criteria::QuestionKind;
use tnl_engine::{evaluate, summarize, summarize_view, Answers, AnswersView, Criteria, Report, Summary};
use tnl_tests::*;

fn editions() -> Vec<Criteria> {
    let mut v = vec![mini()];
    for (path, text) in shipped_editions() {
        v.push(Criteria::from_json(&text, &path).expect("shipped edition loads"));
    }
    v
}

/// One random answer per question, driven by two numbers: `sel` picks the shape (unanswered,
/// valid, not applicable, junk), `x` the value.
fn answer_for(q: &tnl_engine::criteria::Question, sel: u8, x: u32) -> Option<Value> {
    let valid = || -> Value {
        match q.kind {
            QuestionKind::YesNo => json!(x.is_multiple_of(2)),
            QuestionKind::SingleChoice => json!(q.options[x as usize % q.options.len()].id),
            QuestionKind::MultipleChoice => {
                let picked: Vec<&str> = q
                    .options
                    .iter()
                    .enumerate()
                    .filter(|(i, _)| x & (1 << (i % 32)) != 0)
                    .map(|(_, o)| o.id.as_str())
                    .collect();
                json!(picked)
            }
            QuestionKind::Number => json!(x % 200),
            QuestionKind::Percentage => json!(x % 101),
            QuestionKind::Text => json!(format!("preuve {x}")),
            QuestionKind::List => json!((0..x % 6).map(|i| format!("logiciel {i}")).collect::<Vec<_>>()),
        }
    };
    match sel % 8 {
        0 | 1 => None,
        2 => Some(json!({"not_applicable": true, "justification": "pas concerné"})),
        3 => Some(match x % 4 {
            0 => json!("junk"),
            1 => json!(-5),
            2 => json!([1, 2]),
            _ => json!({"deep": {"er": null}}),
        }),
        _ => Some(valid()),
    }
}

fn build(c: &Criteria, profile: Value, seeds: &[(u8, u32)]) -> Answers {
    let mut answers = Map::new();
    for (q, &(sel, x)) in c.questions().iter().zip(seeds.iter().cycle()) {
        if let Some(v) = answer_for(q, sel, x) {
            answers.insert(q.id.clone(), v);
        }
    }
    answers.insert("question.inconnue".into(), json!(true));
    Answers::from_value(
        json!({"format": 1, "edition": c.id(), "profile": profile, "answers": answers}),
        "p.json",
    )
    .unwrap()
}

fn profile_strategy() -> impl Strategy<Value = Value> {
    (
        0usize..=tnl_engine::profile::Kind::ALL.len(),
        prop::option::of(0u64..600_000),
        prop::option::of(0u64..9_000),
        prop::option::of(0u64..9_000),
    )
        .prop_map(|(k, pop, agents, ws)| {
            let mut p = json!({"name": "Prop"});
            // One draw in (kinds + 1) leaves the kind out.
            if let Some(kind) = tnl_engine::profile::Kind::ALL.get(k) {
                p["kind"] = json!(kind.as_str());
            }
            if let Some(v) = pop {
                p["population"] = json!(v);
            }
            if let Some(v) = agents {
                p["agents"] = json!(v);
            }
            if let Some(v) = ws {
                p["workstations"] = json!(v);
            }
            p
        })
}

fn seeds() -> impl Strategy<Value = Vec<(u8, u32)>> {
    prop::collection::vec((any::<u8>(), any::<u32>()), 1..120)
}

fn rank(r: &Report) -> u32 {
    tier_rank(&r.tier)
}

/// A tier's rank, 0 for none.
fn tier_rank(t: &Option<tnl_engine::report::TierRef>) -> u32 {
    t.as_ref().map_or(0, |t| t.rank)
}

/// Changes one answer into a better one: more points for yes/no and single choice, a superset
/// for multiple choice, a higher value for numbers and lists. Returns false when there is none.
fn improve(c: &Criteria, a: &mut Answers, qi: usize, x: u32) -> bool {
    let q = &c.questions()[qi];
    let current = a
        .answers
        .get(&q.id)
        .and_then(|a| a.value.clone())
        .filter(|v| !v.is_null());
    let better = match q.kind {
        QuestionKind::YesNo => json!(true),
        QuestionKind::SingleChoice => {
            let now = current
                .as_ref()
                .and_then(|v| v.as_str())
                .and_then(|s| q.option_index(s))
                .map_or(0, |i| q.options[i].points);
            let better: Vec<&str> = q
                .options
                .iter()
                .filter(|o| o.points >= now)
                .map(|o| o.id.as_str())
                .collect();
            json!(better[x as usize % better.len()])
        }
        QuestionKind::MultipleChoice => {
            let mut ids: Vec<Value> = current.and_then(|v| v.as_array().cloned()).unwrap_or_default();
            let non_exclusive: Vec<&str> = q
                .options
                .iter()
                .filter(|o| !o.exclusive)
                .map(|o| o.id.as_str())
                .collect();
            ids.push(json!(non_exclusive[x as usize % non_exclusive.len()]));
            json!(ids)
        }
        QuestionKind::Number => {
            let now = current.and_then(|v| v.as_f64()).filter(|v| *v >= 0.0).unwrap_or(0.0);
            let top = q.max.unwrap_or(1e9);
            json!((now + f64::from(x % 50)).min(top))
        }
        QuestionKind::Percentage => {
            let now = current
                .and_then(|v| v.as_f64())
                .filter(|v| (0.0..=100.0).contains(v))
                .unwrap_or(0.0);
            json!((now + f64::from(x % 40)).min(100.0))
        }
        QuestionKind::List => {
            let mut items: Vec<Value> = current.and_then(|v| v.as_array().cloned()).unwrap_or_default();
            items.retain(|i| i.is_string());
            items.push(json!(format!("nouveau {x}")));
            json!(items)
        }
        QuestionKind::Text => return false,
    };
    // Only a valid current answer can be improved upon; an invalid or N/A one is replaced,
    // which is not "better" in the sense of this property.
    let was_valid = a.answers.get(&q.id).is_none_or(|ans| !ans.not_applicable);
    if !was_valid {
        return false;
    }
    a.answers.insert(q.id.clone(), tnl_engine::Answer::value(better));
    true
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

    #[test]
    fn scores_stay_in_bounds(e in 0usize..8, profile in profile_strategy(), seeds in seeds()) {
        let all = editions();
        let c = &all[e % all.len()];
        let r = evaluate(c, &build(c, profile, &seeds));
        prop_assert!(r.score.per_mille <= 1000);
        prop_assert!(r.completeness.per_mille <= 1000);
        prop_assert!(r.completeness.answered <= r.completeness.applicable);
        for d in &r.domains {
            prop_assert!(d.earned <= d.possible, "{} earned {} of {}", d.id, d.earned, d.possible);
            prop_assert!(d.per_mille.is_none_or(|p| p <= 1000));
        }
        for crit in &r.criteria {
            prop_assert!(crit.earned <= crit.possible || crit.possible == 0 && crit.earned == 0);
        }
        for s in &r.next_steps {
            prop_assert!(s.gain <= 1000 - r.score.per_mille);
        }
        if let Some(n) = &r.next_tier {
            prop_assert!(n.plan.projected_score >= r.score.per_mille);
        }
    }

    #[test]
    fn the_range_is_ordered_secured_likely_reachable(e in 0usize..8, profile in profile_strategy(), seeds in seeds()) {
        let all = editions();
        let c = &all[e % all.len()];
        let r = evaluate(c, &build(c, profile, &seeds));
        let est = &r.estimate;
        prop_assert_eq!(&est.secured, &r.tier);
        prop_assert!(tier_rank(&est.secured) <= tier_rank(&est.reachable), "{:?} above {:?}", est.secured, est.reachable);
        if est.enough_answers {
            prop_assert!(est.domains_to_answer.is_empty() && est.questions_to_answer.is_empty());
            prop_assert!(tier_rank(&est.secured) <= tier_rank(&est.likely), "likely {:?} below secured {:?}", est.likely, est.secured);
            prop_assert!(tier_rank(&est.likely) <= tier_rank(&est.reachable), "likely {:?} above reachable {:?}", est.likely, est.reachable);
        } else {
            prop_assert!(est.likely.is_none());
            prop_assert!(!est.domains_to_answer.is_empty() || !est.questions_to_answer.is_empty());
        }
    }

    #[test]
    fn a_complete_form_has_secured_likely_and_reachable_equal(e in 0usize..8, profile in profile_strategy(), seeds in prop::collection::vec((4u8..8, any::<u32>()), 1..120)) {
        let all = editions();
        let c = &all[e % all.len()];
        let r = evaluate(c, &build(c, profile, &seeds));
        // A valid answer can still be refused (a number above a question's maximum): such forms
        // are not complete.
        prop_assume!(r.unanswered().next().is_none());
        let est = &r.estimate;
        prop_assert!(est.enough_answers);
        prop_assert_eq!(&est.secured, &r.tier);
        prop_assert_eq!(&est.likely, &r.tier);
        prop_assert_eq!(&est.reachable, &r.tier);
    }

    #[test]
    fn answering_one_more_question_never_widens_the_range(e in 0usize..8, profile in profile_strategy(), seeds in seeds(), pick in any::<usize>(), x in any::<u32>(), sel in 4u8..8) {
        let all = editions();
        let c = &all[e % all.len()];
        let mut a = build(c, profile, &seeds);
        let before = evaluate(c, &a);
        let open: Vec<String> = before.unanswered().map(|q| q.id.to_owned()).collect();
        prop_assume!(!open.is_empty());
        let id = &open[pick % open.len()];
        let q = c.questions().iter().find(|q| q.id == *id).unwrap();
        a.answers.insert(id.clone(), tnl_engine::Answer::value(answer_for(q, sel, x).unwrap()));
        let after = evaluate(c, &a);
        let (b, n) = (&before.estimate, &after.estimate);
        prop_assert!(tier_rank(&n.secured) >= tier_rank(&b.secured), "{}: secured {:?} → {:?}", id, b.secured, n.secured);
        prop_assert!(tier_rank(&n.reachable) <= tier_rank(&b.reachable), "{}: reachable {:?} → {:?}", id, b.reachable, n.reachable);
        // Whatever the answer, even the worst, it never lowers the likely tier: an honest "no"
        // never ranks below a blank.
        if b.enough_answers && n.enough_answers {
            prop_assert!(tier_rank(&n.likely) >= tier_rank(&b.likely), "{}: likely {:?} → {:?}", id, b.likely, n.likely);
        }
    }

    #[test]
    fn order_of_answers_never_matters(e in 0usize..8, profile in profile_strategy(), seeds in seeds(), rot in 0usize..200) {
        let all = editions();
        let c = &all[e % all.len()];
        let a = build(c, profile, &seeds);
        // Write the answers object in another key order and read it back.
        let mut entries: Vec<(String, Value)> = a.answers.iter().map(|(k, v)| (k.clone(), serde_json::to_value(v).unwrap())).collect();
        let len = entries.len().max(1);
        entries.rotate_left(rot % len);
        entries.reverse();
        let mut text = String::from("{\"answers\": {");
        for (i, (k, v)) in entries.iter().enumerate() {
            if i > 0 { text.push(','); }
            text.push_str(&format!("{}: {}", json!(k), v));
        }
        text.push_str(&format!("}}, \"profile\": {}, \"edition\": {}, \"format\": 1}}", serde_json::to_string(&a.profile).unwrap(), json!(a.edition)));
        let shuffled = Answers::from_json(&text, "shuffled.json").unwrap();
        prop_assert_eq!(evaluate(c, &a).to_json(), evaluate(c, &shuffled).to_json());
    }

    #[test]
    fn a_better_answer_never_lowers_score_tier_or_mentions(e in 0usize..8, profile in profile_strategy(), seeds in seeds(), qi in any::<usize>(), x in any::<u32>()) {
        let all = editions();
        let c = &all[e % all.len()];
        let mut a = build(c, profile, &seeds);
        let before = evaluate(c, &a);
        let q = qi % c.questions().len();
        prop_assume!(improve(c, &mut a, q, x));
        let after = evaluate(c, &a);
        let id = &c.questions()[q].id;
        prop_assert!(after.score.per_mille >= before.score.per_mille, "{}: score {} → {}", id, before.score.per_mille, after.score.per_mille);
        prop_assert!(rank(&after) >= rank(&before), "{}: tier {:?} → {:?}", id, before.tier, after.tier);
        for (m0, m1) in before.mentions.iter().zip(&after.mentions) {
            prop_assert!(!m0.reached || m1.reached, "{}: mention {} lost", id, m0.id);
        }
        for (d0, d1) in before.domains.iter().zip(&after.domains) {
            prop_assert!(d1.per_mille >= d0.per_mille, "{}: domain {} lowered", id, d0.id);
        }
    }

    #[test]
    fn report_json_round_trips(e in 0usize..8, profile in profile_strategy(), seeds in seeds()) {
        let all = editions();
        let c = &all[e % all.len()];
        let r = evaluate(c, &build(c, profile, &seeds));
        let text = r.to_json_pretty();
        let back = Report::from_json(&text, "r.json").unwrap();
        prop_assert_eq!(&back, &r);
        prop_assert_eq!(back.to_json_pretty(), text);
    }

    #[test]
    fn a_baseline_reads_every_report_and_never_panics_on_a_damaged_one(e in 0usize..8, profile in profile_strategy(), seeds in seeds(), at in any::<usize>(), junk in arb_json()) {
        let all = editions();
        let c = &all[e % all.len()];
        let r = evaluate(c, &build(c, profile, &seeds));
        prop_assert_eq!(tnl_engine::Baseline::from_json(&r.to_json(), "r.json").unwrap(), tnl_engine::Baseline::of(&r));
        // Any one value of the report replaced by arbitrary JSON: read or refused, never a panic;
        // a refusal names a place inside the document.
        let mut doc: Value = serde_json::from_str(&r.to_json()).unwrap();
        let mut pointers = Vec::new();
        pointers_of(&doc, String::new(), &mut pointers);
        let target = pointers[at % pointers.len()].clone();
        if let Some(v) = doc.pointer_mut(&target) { *v = junk.clone(); }
        match tnl_engine::Baseline::from_json(&doc.to_string(), "r.json") {
            Ok(_) => {}
            Err(err) => {
                prop_assert!(err.problems.iter().all(|p| p.pointer.is_empty() || p.pointer.starts_with('/')), "{}", err);
                // Said in French too, every part of it, for the app's French interface.
                let fr = err.message(tnl_engine::Lang::Fr);
                prop_assert!(fr.starts_with("r.json : fichier de rapport invalide ("), "{}", fr);
                prop_assert!(err.problems.iter().all(|p| p.fr.is_some() && p.message(tnl_engine::Lang::Fr).contains(" : attendu ")), "{}", fr);
            }
        }
        let _ = tnl_engine::Baseline::from_json(&junk.to_string(), "junk.json");
    }

    #[test]
    fn summarize_is_the_summary_of_the_report(e in 0usize..8, profile in profile_strategy(), seeds in seeds()) {
        let all = editions();
        let c = &all[e % all.len()];
        let a = build(c, profile, &seeds);
        let report = evaluate(c, &a);
        prop_assert_eq!(summarize(c, &a), Summary::of(&report));
    }

    #[test]
    fn answers_read_in_one_pass_equal_answers_read_as_a_value(e in 0usize..8, profile in profile_strategy(), seeds in seeds(), junk in arb_json(), dup in any::<bool>(), cut_at in 0usize..1_000_000) {
        let all = editions();
        let c = &all[e % all.len()];
        let a = build(c, profile, &seeds);
        let mut doc = serde_json::to_value(&a).unwrap();
        doc["zz_extra"] = junk.clone();
        let mut text = doc.to_string();
        if dup {
            // A key written twice: the last one wins, as in any JSON object.
            let first = c.questions()[0].id.clone();
            text = text.replacen("\"answers\":{", &format!("\"answers\":{{{}:{},", json!(first), junk), 1);
        }
        // Cut anywhere, the file is refused with reasons in French too, never a panic.
        let cut = text.char_indices().map(|(i, _)| i).nth(cut_at % text.chars().count()).unwrap_or(0);
        match Answers::from_json(&text[..cut], "a.json") {
            Ok(_) => prop_assert!(false, "a cut file is read: {}", &text[..cut]),
            Err(err) => {
                let fr = err.message(tnl_engine::Lang::Fr);
                prop_assert!(fr.starts_with("a.json : fichier de réponses invalide ("), "{}", fr);
                prop_assert!(err.problems.iter().all(|p| p.fr.is_some()), "{}", fr);
                prop_assert!(!fr.contains(" at line ") && !fr.contains("EOF"), "serde's words translated: {}", fr);
            }
        }
        let one_pass = Answers::from_json(&text, "a.json").unwrap();
        let via_value = Answers::from_value(serde_json::from_str(&text).unwrap(), "a.json").unwrap();
        prop_assert_eq!(&one_pass, &via_value);
        prop_assert_eq!(evaluate(c, &one_pass).to_json(), evaluate(c, &via_value).to_json());
    }

    #[test]
    fn a_view_of_the_answers_summarizes_like_the_answers(e in 0usize..8, profile in profile_strategy(), seeds in seeds(), rot in 0usize..200, junk in arb_json(), dup in 0u8..3, escape in any::<bool>()) {
        let all = editions();
        let c = &all[e % all.len()];
        let a = build(c, profile, &seeds);
        // The answers in another key order, a key written twice (first or last), an id written
        // with an escape: what the view borrows, sorts and pairs must not change the summary.
        let mut entries: Vec<(String, String)> = a.answers.iter().map(|(k, v)| (serde_json::to_string(k).unwrap(), serde_json::to_string(v).unwrap())).collect();
        let len = entries.len().max(1);
        entries.rotate_left(rot % len);
        let first = serde_json::to_string(&c.questions()[0].id).unwrap();
        match dup {
            1 => entries.insert(0, (first.clone(), junk.to_string())),
            2 => entries.push((first.clone(), junk.to_string())),
            _ => {}
        }
        if escape {
            if let Some((k, _)) = entries.iter_mut().find(|(k, _)| k.contains('.')) {
                *k = k.replacen('.', "\\u002e", 1);
            }
        }
        let body: Vec<String> = entries.iter().map(|(k, v)| format!("{k}: {v}")).collect();
        let text = format!(
            "{{\"format\": 1, \"answers\": {{{}}}, \"edition\": {}, \"profile\": {}, \"zz\": {}}}",
            body.join(", "), json!(a.edition), serde_json::to_string(&a.profile).unwrap(), junk
        );
        let answers = Answers::from_json(&text, "a.json").unwrap();
        let view = AnswersView::from_json(&text, "a.json").unwrap();
        prop_assert_eq!(summarize_view(c, &view), summarize(c, &answers));
        prop_assert_eq!(view.head().profile.clone(), answers.profile.clone());
        prop_assert_eq!(view.into_answers(), answers);
    }

    #[test]
    fn a_summary_csv_line_is_the_csv_line_of_its_cells(e in 0usize..8, profile in profile_strategy(), seeds in seeds(), name in "[=+@a-z ,\"\\-]{0,12}", lead in "[-=a-z,]{0,6}", empty in 0usize..12, en in any::<bool>()) {
        let all = editions();
        let c = &all[e % all.len()];
        let mut a = build(c, profile, &seeds);
        a.profile.name = name;
        let lang = if en { tnl_engine::Lang::En } else { tnl_engine::Lang::Fr };
        let summary = summarize(c, &a);
        let domains: Vec<String> = c.domains().iter().map(|d| d.id.clone()).chain(["absent".to_owned()]).collect();
        let mut cells = vec![lead.clone(), "answers".to_owned()];
        cells.extend(tnl_engine::render::summary_row(&summary, &domains, lang));
        cells.extend(std::iter::repeat_n(String::new(), empty));
        prop_assert_eq!(tnl_engine::render::summary_csv_line(&[&lead, "answers"], &summary, &domains, lang, empty), tnl_engine::render::csv_line(&cells));
    }

    #[test]
    fn evaluation_never_panics_on_arbitrary_json_answers(e in 0usize..8, junk in arb_json()) {
        let all = editions();
        let c = &all[e % all.len()];
        let mut answers = Map::new();
        for (i, q) in c.questions().iter().enumerate() {
            if i % 3 == 0 { answers.insert(q.id.clone(), junk.clone()); }
        }
        let a = Answers::from_value(json!({"format": 1, "edition": c.id(), "profile": junk.clone(), "answers": answers}), "j.json");
        if let Ok(a) = a {
            let r = evaluate(c, &a);
            prop_assert!(r.score.per_mille <= 1000);
        }
    }
}

/// Every JSON pointer of `v`, the root included.
fn pointers_of(v: &Value, at: String, out: &mut Vec<String>) {
    match v {
        Value::Array(a) => a
            .iter()
            .enumerate()
            .for_each(|(i, x)| pointers_of(x, format!("{at}/{i}"), out)),
        Value::Object(m) => m
            .iter()
            .for_each(|(k, x)| pointers_of(x, format!("{at}/{}", tnl_engine::error::escape_pointer(k)), out)),
        _ => {}
    }
    out.push(at);
}

fn arb_json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(|n| json!(n)),
        any::<f64>()
            .prop_filter("finite", |f| f.is_finite())
            .prop_map(|f| json!(f)),
        ".{0,12}".prop_map(Value::String),
    ];
    leaf.prop_recursive(3, 24, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::btree_map(".{0,8}", inner, 0..6).prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

/// Answers of `c` with only `given` answered, for a commune of 5,000 inhabitants.
fn only(c: &Criteria, given: &[(&str, Value)]) -> Answers {
    let answers: Map<String, Value> = given.iter().map(|(id, v)| ((*id).to_owned(), v.clone())).collect();
    Answers::from_value(
        json!({"format": 1, "edition": c.id(), "profile": {"name": "Commune", "kind": "commune", "population": 5000, "agents": 60, "workstations": 50}, "answers": answers}),
        "only.json",
    )
    .unwrap()
}

/// The best value of a question, as a form would hold it.
fn best_value(q: &tnl_engine::criteria::Question) -> Value {
    match q.kind {
        QuestionKind::YesNo => json!(true),
        QuestionKind::SingleChoice => json!(q.options.iter().max_by_key(|o| o.points).unwrap().id),
        QuestionKind::MultipleChoice => json!(q
            .options
            .iter()
            .filter(|o| !o.exclusive)
            .map(|o| o.id.as_str())
            .collect::<Vec<_>>()),
        QuestionKind::Number => json!(q.max.unwrap_or(1e6)),
        QuestionKind::Percentage => json!(100),
        QuestionKind::Text => json!("preuve"),
        QuestionKind::List => json!((0..50).map(|i| format!("logiciel {i}")).collect::<Vec<_>>()),
    }
}

#[test]
fn one_single_answer_never_shows_or_or_level_5_as_likely() {
    // Issue 16: one "yes, an elected referent" gave a trend of Niveau 5 on tnl-2024 and Or on
    // tnl-2025. Any one answer, at its best, now gives no likely tier at all.
    for (path, text) in shipped_editions() {
        let c = Criteria::from_json(&text, &path).unwrap();
        let top = c.file().tiers.len() as u32;
        for q in c.questions() {
            let r = evaluate(&c, &only(&c, &[(&q.id, best_value(q))]));
            let est = &r.estimate;
            assert!(
                tier_rank(&est.likely) < top,
                "{path}: {} alone gives {:?} as likely",
                q.id,
                est.likely
            );
            assert!(
                !est.enough_answers && est.likely.is_none(),
                "{path}: {} alone is enough for a likely tier",
                q.id
            );
        }
    }
}

#[test]
fn six_answers_two_referents_a_little_linux_give_no_likely_and_say_not_enough() {
    // Issue 16: with 6 answers (two referents named, a little Linux) the panel said « Tendance :
    // Label Or (100,0 %) ». Now: no likely tier, and every format says there are not enough answers.
    for (path, text) in shipped_editions() {
        let c = Criteria::from_json(&text, &path).unwrap();
        let a = only(
            &c,
            &[
                ("strategie.elu_referent", json!(true)),
                ("strategie.referent_technique", json!(true)),
                ("strategie.premiere_candidature", json!(false)),
                ("strategie.strategie_ecrite", json!(false)),
                ("logiciels.postes_linux", json!(10)),
                ("logiciels.serveurs_linux", json!(20)),
            ],
        );
        let r = evaluate(&c, &a);
        assert_eq!(r.completeness.answered, 6, "{path}: {:?}", r.diagnostics);
        let est = &r.estimate;
        assert!(
            !est.enough_answers && est.likely.is_none(),
            "{path}: likely {:?}",
            est.likely
        );
        assert!(!est.domains_to_answer.is_empty(), "{path}: no domain to answer named");
        let fr = "pas assez de réponses pour estimer : entre";
        let en = "not enough answers to estimate: between";
        assert!(
            tnl_engine::render::markdown(&r, tnl_engine::Lang::Fr).contains(fr),
            "{path}: markdown"
        );
        assert!(
            tnl_engine::render::markdown(&r, tnl_engine::Lang::En).contains(en),
            "{path}: markdown en"
        );
        assert!(
            tnl_engine::render::html(&r, tnl_engine::Lang::Fr).contains(fr),
            "{path}: html"
        );
        assert!(
            tnl_engine::render::csv(&r, tnl_engine::Lang::Fr).contains("not_enough_answers"),
            "{path}: csv"
        );
    }
}

/// The worst value of a question: the fewest points.
fn worst_value(q: &tnl_engine::criteria::Question) -> Value {
    match q.kind {
        QuestionKind::YesNo => json!(false),
        QuestionKind::SingleChoice => json!(q.options.iter().min_by_key(|o| o.points).unwrap().id),
        QuestionKind::MultipleChoice | QuestionKind::List => json!([]),
        QuestionKind::Number | QuestionKind::Percentage => json!(0),
        QuestionKind::Text => json!("non"),
    }
}

#[test]
fn an_honest_no_never_ranks_below_a_blank() {
    // Issue 16: answering "no open data" gave a lower level than leaving the question blank.
    // Every question of both editions, the rest of the form at its best: the worst answer never
    // gives a lower secured or likely tier than the blank, nor a higher reachable one.
    for (path, text) in shipped_editions() {
        let c = Criteria::from_json(&text, &path).unwrap();
        let best: Vec<(&str, Value)> = c.questions().iter().map(|q| (q.id.as_str(), best_value(q))).collect();
        for (i, q) in c.questions().iter().enumerate() {
            let mut blank = best.clone();
            blank.remove(i);
            let mut no = best.clone();
            no[i].1 = worst_value(q);
            let (b, n) = (evaluate(&c, &only(&c, &blank)), evaluate(&c, &only(&c, &no)));
            let (b, n) = (&b.estimate, &n.estimate);
            assert!(
                tier_rank(&n.secured) >= tier_rank(&b.secured),
                "{path}: {}: secured",
                q.id
            );
            assert!(
                tier_rank(&n.reachable) <= tier_rank(&b.reachable),
                "{path}: {}: reachable",
                q.id
            );
            if b.enough_answers && n.enough_answers {
                assert!(
                    tier_rank(&n.likely) >= tier_rank(&b.likely),
                    "{path}: {}: likely {:?} below blank {:?}",
                    q.id,
                    n.likely,
                    b.likely
                );
            }
        }
    }
}
