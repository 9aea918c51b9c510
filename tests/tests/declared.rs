//! What was declared, as a report carries it: every question that applies, grouped by domain,
//! with its answer in words and the justification given.

use serde_json::json;
use tnl_engine::report::{Declared, DeclaredState};
use tnl_engine::{evaluate, Answers, Report};
use tnl_tests::mini;

fn report_of(answers: serde_json::Value) -> Report {
    let answers = Answers::from_value(answers, "answers.json").unwrap();
    evaluate(&mini(), &answers)
}

fn declared<'r>(report: &'r Report, question: &str) -> Option<&'r Declared> {
    report
        .declared
        .iter()
        .flat_map(|d| &d.questions)
        .find(|q| &*q.question == question)
}

fn ville(answers: serde_json::Value) -> serde_json::Value {
    json!({
        "format": 1, "edition": "mini",
        "profile": { "name": "Ville-sur-Code", "kind": "commune", "population": 12000, "agents": 200 },
        "answers": answers
    })
}

#[test]
fn every_question_that_applies_is_declared_with_its_answer_in_words() {
    let report = report_of(ville(json!({
        "strategie.ecrite": { "value": true, "justification": "  délibération du 12 mars 2024 " },
        "strategie.soutiens": ["elus", "dg"],
        "logiciels.postes_linux": 55.5,
        "logiciels.bureautique": "mixte",
        "logiciels.serveurs": 1234,
        "logiciels.metiers": ["QGIS", " ", "iDelibRE"],
        "donnees.portail": { "not_applicable": true, "justification": "portail mutualisé du département" }
    })));
    let words = |id: &str| {
        declared(&report, id)
            .and_then(|d| d.answer.clone())
            .map(|t| (t.fr.to_string(), t.en.to_string()))
    };
    let pair = |fr: &str, en: &str| Some((fr.to_owned(), en.to_owned()));
    assert_eq!(words("strategie.ecrite"), pair("Oui", "Yes"));
    assert_eq!(
        declared(&report, "strategie.ecrite").unwrap().justification.as_deref(),
        Some("délibération du 12 mars 2024")
    );
    assert_eq!(words("logiciels.postes_linux"), pair("55,5\u{a0}%", "55.5%"));
    assert_eq!(
        words("logiciels.serveurs"),
        pair("1\u{202f}234\u{a0}serveurs", "1,234 servers")
    );
    assert_eq!(
        words("logiciels.metiers"),
        pair("QGIS\u{a0}; iDelibRE", "QGIS; iDelibRE")
    );
    let soutiens = words("strategie.soutiens").unwrap();
    assert!(
        soutiens.0.contains("\u{a0}; ") && soutiens.1.contains("; "),
        "{soutiens:?}"
    );

    let portail = declared(&report, "donnees.portail").unwrap();
    assert_eq!(portail.state, DeclaredState::NotApplicable);
    assert_eq!(portail.answer, None);
    assert_eq!(
        portail.justification.as_deref(),
        Some("portail mutualisé du département")
    );

    let jeux = declared(&report, "donnees.jeux").unwrap();
    assert_eq!((jeux.state, jeux.answer.clone()), (DeclaredState::Unanswered, None));

    // Grouped by domain, in the edition's order, each question once.
    let domains: Vec<&str> = report.declared.iter().map(|d| &*d.domain).collect();
    let mut edition_order: Vec<&str> = report.domains.iter().map(|d| &*d.id).collect();
    edition_order.retain(|d| domains.contains(d));
    assert_eq!(domains, edition_order);
    for d in &report.declared {
        assert!(d
            .questions
            .iter()
            .all(|q| report.criteria.find(&q.question).unwrap().domain == &*d.domain));
    }
}

#[test]
fn questions_that_do_not_apply_are_left_out() {
    // A follow-up not asked (no written strategy, so no deliberation) and a question the
    // profile excludes (the servers of a village without agents) are not declared.
    let village = json!({
        "format": 1, "edition": "mini",
        "profile": { "name": "Hameau", "kind": "commune", "population": 150, "agents": 2 },
        "answers": { "strategie.ecrite": false }
    });
    let report = report_of(village);
    for c in report.criteria.iter() {
        let applies = !matches!(c.status, tnl_engine::Status::Excluded | tnl_engine::Status::NotAsked);
        assert_eq!(declared(&report, c.id).is_some(), applies, "{} ({:?})", c.id, c.status);
    }
    assert!(declared(&report, "strategie.deliberation").is_none());
}

#[test]
fn an_answer_the_engine_cannot_read_is_declared_unanswered_with_its_evidence() {
    let report = report_of(ville(json!({
        "logiciels.bureautique": { "value": "inconnue", "justification": "voir l'inventaire" },
        "logiciels.postes_linux": "beaucoup"
    })));
    let bureautique = declared(&report, "logiciels.bureautique").unwrap();
    assert_eq!(bureautique.state, DeclaredState::Unanswered);
    assert_eq!(bureautique.answer, None);
    assert_eq!(bureautique.justification.as_deref(), Some("voir l'inventaire"));
    assert_eq!(
        declared(&report, "logiciels.postes_linux").unwrap().state,
        DeclaredState::Unanswered
    );
}

#[test]
fn a_report_written_before_the_declared_answers_reads_as_none_declared() {
    let report = report_of(ville(json!({ "strategie.ecrite": true })));
    let mut value: serde_json::Value = serde_json::from_str(&report.to_json()).unwrap();
    value.as_object_mut().unwrap().remove("declared");
    let old = Report::from_json(&value.to_string(), "old.report.json").unwrap();
    assert!(old.declared.is_empty());
    assert_eq!(old.criteria, report.criteria);
}
