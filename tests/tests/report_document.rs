//! The readiness report as a document a collectivité signs (HTML, Markdown, ODT): goldens of a
//! complete 2025 form, with and without the dependency map's headline, in French and English; no
//! internal id in any of them; user text escaped in every format.
//!
//! After an intended change, review the snapshots with `cargo insta review` (or accept them all
//! with `INSTA_UPDATE=always cargo test -p tnl-tests --test report_document`).

use tnl_engine::deps::{dependency_report, Catalogue, DependencyReport, DepsOptions, Inventory, CATALOGUE_JSON};
use tnl_engine::render::{self, ReportDocument};
use tnl_engine::{editions, evaluate, Answers, Lang, Report};
use tnl_tests::{read, unzip};

const COMPLETE: &str = "tests/fixtures/complete-2025.answers.json";
const INVENTORY: &str = "tests/golden/deps/commune-mixte.inventory.json";

fn report_of(answers: &Answers) -> Report {
    let criteria = editions::load("tnl-2025").expect("shipped").expect("loads");
    evaluate(&criteria, answers)
}

fn complete() -> Report {
    report_of(&Answers::from_json(&read(COMPLETE), COMPLETE).unwrap())
}

fn deps() -> DependencyReport {
    let catalogue = Catalogue::from_json(CATALOGUE_JSON, "catalogue.json").unwrap();
    let inventory = Inventory::from_json(&read(INVENTORY), INVENTORY).unwrap();
    dependency_report(
        &catalogue,
        &inventory,
        &DepsOptions {
            today: Some("2026-11-29".into()),
        },
    )
}

/// The content of an ODT, as XML.
fn content_xml(odt: &[u8]) -> String {
    let parts = unzip(odt);
    let (_, content) = parts.iter().find(|(n, _)| n == "content.xml").expect("content.xml");
    String::from_utf8(content.clone()).unwrap()
}

/// The text of an XML part, without its markup.
fn xml_text(xml: &str) -> String {
    let doc = roxmltree::Document::parse(xml).unwrap_or_else(|e| panic!("XML: {e}"));
    doc.descendants()
        .filter(|n| n.is_text())
        .filter_map(|n| n.text())
        .collect::<Vec<_>>()
        .join("")
}

/// The three documents of a report: HTML, Markdown, the ODT's content.xml.
fn documents(doc: &ReportDocument<'_>, lang: Lang) -> [(&'static str, String); 3] {
    [
        ("html", render::html_document(doc, lang)),
        ("md", render::markdown_document(doc, lang)),
        ("odt", content_xml(&render::odt_document(doc, lang))),
    ]
}

#[test]
fn complete_2025_report_goldens() {
    let report = complete();
    let deps = deps();
    for (lang, code) in [(Lang::Fr, "fr"), (Lang::En, "en")] {
        for (with, suffix) in [(None, ""), (Some(&deps), "_inventory")] {
            let doc = ReportDocument {
                report: &report,
                deps: with,
            };
            for (format, text) in documents(&doc, lang) {
                insta::assert_snapshot!(format!("complete_2025_{format}_{code}{suffix}"), text);
            }
        }
    }
}

#[test]
fn the_document_follows_the_readers_order() {
    let report = complete();
    let deps = deps();
    let doc = ReportDocument {
        report: &report,
        deps: Some(&deps),
    };
    let md = render::markdown_document(&doc, Lang::Fr);
    let at = |needle: &str| md.find(needle).unwrap_or_else(|| panic!("{needle} missing:\n{md}"));
    let order = [
        "## Synthèse",
        "- Réponses du : **15 octobre 2025**",
        "- Niveau acquis : ",
        "- Niveau probable : ",
        "- Niveau atteignable : ",
        "### Scores par domaine",
        "### Les trois étapes qui comptent le plus",
        "### Cartographie des dépendances logicielles",
        "## Pour atteindre le niveau",
        "## Étapes, les plus utiles d'abord",
        "### Autres étapes",
        "## Validation",
        "## Annexe : ce qui a été déclaré",
        "## À propos de ce document",
        "Estimation calculée par tnl-engine",
    ];
    for pair in order.windows(2) {
        assert!(at(pair[0]) < at(pair[1]), "{} before {}", pair[0], pair[1]);
    }
    // Ten steps in full (title and advice), the rest by title only.
    let steps: Vec<_> = report.next_steps.iter().collect();
    assert!(steps.len() > 10);
    let rest = &md[at("### Autres étapes")..at("## Validation")];
    for s in &steps[10..] {
        assert!(
            rest.contains(&render::escape_markdown(s.title.get(Lang::Fr))),
            "{}",
            s.question
        );
        assert!(
            !md.contains(&render::escape_markdown(s.advice.get(Lang::Fr))),
            "{}",
            s.question
        );
    }
    // Without an inventory, no headline of a map that does not exist.
    let alone = render::markdown(&report, Lang::Fr);
    assert!(!alone.contains("Cartographie des dépendances"));
}

#[test]
fn no_internal_id_in_html_odt_or_markdown() {
    let report = complete();
    let deps = deps();
    let criteria = editions::load("tnl-2025").unwrap().unwrap();
    let question_ids: Vec<&str> = criteria.questions().iter().map(|q| q.id.as_str()).collect();
    // Option ids with an underscore cannot be words of a sentence; the others (`libre`, `mixte`)
    // are, and are checked in the forms ids used to take (below).
    let option_ids: Vec<&str> = criteria
        .questions()
        .iter()
        .flat_map(|q| q.options.iter().map(|o| o.id.as_str()))
        .filter(|id| id.contains('_'))
        .collect();
    let mut words: Vec<&str> = report.domains.iter().map(|d| &*d.id).collect();
    words.extend(report.tiers.iter().map(|t| &*t.id));
    for lang in [Lang::Fr, Lang::En] {
        let doc = ReportDocument {
            report: &report,
            deps: Some(&deps),
        };
        for (format, text) in documents(&doc, lang) {
            let text = if format == "odt" { xml_text(&text) } else { text };
            for id in question_ids.iter().chain(&option_ids) {
                assert!(!text.contains(id), "{format} {lang:?} shows the id {id}");
            }
            for id in &words {
                for shown in [format!("`{id}`"), format!("<code>{id}</code>"), format!("({id})")] {
                    assert!(!text.contains(&shown), "{format} {lang:?} shows {shown}");
                }
            }
            assert!(
                !text.contains(&*report.edition.id),
                "{format} {lang:?} shows the edition id"
            );
            assert!(!text.contains("2025-10-15"), "{format} {lang:?} shows a raw date");
            // The engine is named in the colophon at the end, not on top.
            let engine = text.find("tnl-engine").expect("the colophon names the engine");
            let annex = text.find(render::labels(lang).report.annex).expect("annex");
            assert!(engine > annex, "{format} {lang:?} names the engine before the annex");
        }
    }
}

#[test]
fn the_odt_has_a_running_header_and_numbered_pages() {
    let report = complete();
    let odt = render::odt(&report, Lang::Fr);
    let parts = unzip(&odt);
    let styles = String::from_utf8(parts.iter().find(|(n, _)| n == "styles.xml").unwrap().1.clone()).unwrap();
    roxmltree::Document::parse(&styles).expect("styles.xml parses");
    let master = &styles[styles.find("<style:master-page").unwrap()..];
    assert!(master.contains("Communauté de communes des Causses et Vallées — 15 octobre 2025"));
    assert!(master.contains("Page <text:page-number"), "{master}");
    assert!(master.contains("sur <text:page-count"), "{master}");
    // Each part starts a new page.
    assert!(styles.contains(r#"style:name="Part""#) && styles.contains(r#"fo:break-before="page""#));
    assert_eq!(content_xml(&odt).matches(r#"text:style-name="Part""#).count(), 2);
}

/// Hostile text: markup, the end of a CDATA section, control characters, a formula, a Markdown
/// link.
const HOSTILE: &str = "=cmd|' /C calc'!A0 <script>alert(1)</script> ]]> \u{1}\u{1b} [clic](javascript:alert(1)) *gras*";

fn hostile_report() -> Report {
    let mut answers = Answers::from_json(&read(COMPLETE), COMPLETE).unwrap();
    answers.profile.name = HOSTILE.to_owned();
    // Evidence on an answer, a comment on another, and the justification of a "not applicable".
    for (id, text) in [
        ("strategie.elu_referent", format!("preuve {HOSTILE}")),
        ("logiciels.suite_bureautique", format!("commentaire {HOSTILE}")),
        ("logiciels.telephonie", format!("justification {HOSTILE}")),
    ] {
        answers.answers.get_mut(id).expect(id).justification = Some(text);
    }
    answers.answers.get_mut("strategie.freins").unwrap().value = Some(serde_json::Value::String(HOSTILE.to_owned()));
    report_of(&answers)
}

#[test]
fn hostile_names_and_answers_are_escaped_in_every_format() {
    let report = hostile_report();
    let na = report
        .declared
        .iter()
        .flat_map(|d| &d.questions)
        .find(|q| &*q.question == "logiciels.telephonie")
        .unwrap();
    assert!(na.justification.as_deref().unwrap().contains("<script>"));
    let visible = HOSTILE.replace(['\u{1}', '\u{1b}'], "");
    for lang in [Lang::Fr, Lang::En] {
        let html = render::html(&report, lang);
        assert!(!html.contains("<script>") && !html.contains('\u{1}') && !html.contains('\u{1b}'));
        assert!(
            html.matches("&lt;script&gt;alert(1)&lt;/script&gt;").count() >= 5,
            "name, title, evidence, comment, n/a"
        );
        // The running header, in a CSS string, cannot close the string or the style element.
        let style = &html[html.find("<style>").unwrap()..html.find("</style>").unwrap()];
        assert!(!style.contains("<script") && style.contains("@top-center"));

        let md = render::markdown(&report, lang);
        assert!(!md.contains("<script>") && !md.contains("[clic](") && !md.contains('\u{1}'));
        assert!(md.contains("\\[clic\\](javascript:alert(1)) \\*gras\\*"), "{md}");

        let odt = render::odt(&report, lang);
        let content = content_xml(&odt);
        assert!(!content.contains("<script>") && !content.contains("]]>") && !content.contains('\u{1}'));
        let text = xml_text(&content);
        for lead in ["preuve ", "commentaire ", "justification "] {
            assert!(text.contains(&format!("{lead}{visible}")), "{lead}: {text}");
        }
        let styles = String::from_utf8(unzip(&odt).into_iter().find(|(n, _)| n == "styles.xml").unwrap().1).unwrap();
        assert!(
            xml_text(&styles).contains(&visible),
            "the running header shows the name as text"
        );

        // The CSV keeps the formula guard on the name.
        let csv = render::csv(&report, lang);
        assert!(!csv.contains(",=cmd") && !csv.contains("\n=cmd"), "{csv}");
    }
}

#[test]
fn a_problem_in_the_answers_names_its_question_by_title_not_by_id() {
    let mut value: serde_json::Value = serde_json::from_str(&read(COMPLETE)).unwrap();
    value["answers"]["strategie.elu_referent"]["value"] = serde_json::json!("peut-être");
    value["answers"]["pratiques.duree_vie_postes"] = serde_json::json!("douze_ans");
    let answers = Answers::from_json(&value.to_string(), COMPLETE).unwrap();
    let report = report_of(&answers);
    let diagnostic = report
        .diagnostics
        .iter()
        .find(|d| d.question.as_deref() == Some("strategie.elu_referent"))
        .expect("a wrong-type answer is a diagnostic");
    let title = report
        .criteria
        .iter()
        .find(|c| c.id == "strategie.elu_referent")
        .expect("the question's result");
    for lang in [Lang::Fr, Lang::En] {
        assert!(diagnostic.message.get(lang).contains("strategie.elu_referent"));
        assert!(report
            .diagnostics
            .iter()
            .any(|d| d.code == "unknown_option" && d.message.get(lang).contains("7_8_ans")));
        let doc = ReportDocument {
            report: &report,
            deps: None,
        };
        for (format, text) in documents(&doc, lang) {
            let text = if format == "odt" { xml_text(&text) } else { text };
            assert!(
                !text.contains("strategie.elu_referent"),
                "{format} {lang:?} shows the id"
            );
            let shown = match format {
                "html" => render::escape_html(title.title.get(lang)),
                "md" => render::escape_markdown(title.title.get(lang)),
                _ => title.title.get(lang).to_owned(),
            };
            assert!(text.contains(&shown), "{format} {lang:?} names the question");
        }
    }
}
