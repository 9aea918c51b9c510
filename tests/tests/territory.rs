//! The territory as one printable page (`render::territory_html`): the tiers counted, one row per
//! collectivité, links to each report, user text escaped.

use tnl_engine::deps::{dependency_report, Catalogue, DepsOptions, Inventory};
use tnl_engine::render::{territory_html, TerritoryRow};
use tnl_engine::{evaluate, Answers, Lang, Report};
use tnl_tests::*;

fn report(file: &str) -> Report {
    let a = Answers::from_json(&read(file), file).unwrap_or_else(|e| panic!("{e}"));
    let c = tnl_engine::editions::load(&a.edition)
        .expect("shipped")
        .unwrap_or_else(|e| panic!("{e}"));
    evaluate(&c, &a)
}

#[test]
fn the_territory_page_counts_the_tiers_and_links_every_report() {
    let files = [
        "tests/calibration/boe-2025.answers.json",
        "tests/calibration/echirolles-2022.answers.json",
        "tests/calibration/village-premiers-pas.answers.json",
        "tests/calibration/echirolles-2025.answers.json",
    ];
    let mut reports: Vec<Report> = files.iter().map(|f| report(f)).collect();
    reports[2].profile.name = "Village <script>alert(1)</script> & fils".into();
    let links: Vec<String> = (1..=reports.len()).map(|i| format!("{i:02}-x\".report.html")).collect();
    let rows: Vec<TerritoryRow> = reports
        .iter()
        .zip(&links)
        .map(|(r, l)| TerritoryRow {
            report: r,
            deps: None,
            report_link: Some(l),
            deps_link: None,
        })
        .collect();
    let html = territory_html(&rows, Lang::Fr);
    assert!(html.starts_with("<!DOCTYPE html>\n<html lang=\"fr\">"));
    assert!(html.contains("Ceci est une estimation"), "the estimate notice");
    // Every tier reached is counted, from the reports themselves.
    let none = reports.iter().filter(|r| r.tier.is_none()).count();
    if none > 0 {
        assert!(
            html.contains(&format!(
                "<tr><td>aucun niveau atteint</td><td class=\"n\">{none}</td></tr>"
            )),
            "{html}"
        );
    }
    for r in reports.iter().filter(|r| r.tier.is_some()) {
        let t = r.tier.as_ref().map(|t| t.title.fr.to_string()).unwrap_or_default();
        let n = reports
            .iter()
            .filter(|x| x.tier.as_ref().map(|t| t.title.fr.to_string()) == Some(t.clone()))
            .count();
        assert!(
            html.contains(&format!("<tr><td>{t}</td><td class=\"n\">{n}</td></tr>")),
            "{t}: {n}"
        );
    }
    // One row per collectivité, in order, each name a link to its report (the path escaped).
    let mut at = 0;
    for (r, l) in reports.iter().zip(&links) {
        let name = r
            .profile
            .name
            .replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;")
            .replace('\'', "&#39;");
        let cell = format!(
            "<th scope=\"row\"><a href=\"{}\">{name}</a></th>",
            l.replace('"', "&quot;")
        );
        let pos = html[at..].find(&cell).unwrap_or_else(|| panic!("no row for {name}")) + at;
        at = pos;
    }
    assert!(!html.contains("<script>"), "user text escaped");
    // Each row gives the range: secured, likely (or not enough answers), reachable.
    assert!(html.contains("<th scope=\"col\">Estimation probable</th><th scope=\"col\">Niveau atteignable</th>"));
    for r in &reports {
        let secured = r
            .tier
            .as_ref()
            .map_or("aucun niveau atteint".to_owned(), |t| t.title.fr.to_string());
        let likely = if r.estimate.enough_answers {
            r.estimate
                .likely
                .as_ref()
                .map_or("aucun niveau".to_owned(), |t| t.title.fr.to_string())
        } else {
            "pas assez de réponses".to_owned()
        };
        let reachable = r
            .estimate
            .reachable
            .as_ref()
            .map_or("aucun niveau".to_owned(), |t| t.title.fr.to_string());
        let cells = format!("<td>{secured}</td><td>{likely}</td><td>{reachable}</td>");
        assert!(html.contains(&cells), "{cells}");
    }
    // The domains are named, and the best next step is written.
    for d in &reports[0].domains {
        assert!(
            html.contains(&format!("<th scope=\"col\">{}</th>", d.title.fr)),
            "{}",
            d.title.fr
        );
    }
    let step = reports[0]
        .next_steps
        .first()
        .map(|s| s.title.fr.to_string())
        .expect("a next step");
    let name0 = reports[0].profile.name.replace('\'', "&#39;");
    assert!(
        html.contains(&format!("<dt>{name0}</dt><dd>{}</dd>", step.replace('\'', "&#39;"))),
        "{step}"
    );
    // No inventory anywhere: no dependency column.
    assert!(!html.contains("logiciel libre (inventaire)"));
}

#[test]
fn with_an_inventory_the_page_gives_its_free_share_and_links_its_map() {
    let catalogue = Catalogue::from_json(tnl_engine::deps::CATALOGUE_JSON, "catalogue.json").unwrap();
    let inv = Inventory::from_json(&read("tests/golden/deps/commune-mixte.inventory.json"), "inv.json").unwrap();
    let deps = dependency_report(
        &catalogue,
        &inv,
        &DepsOptions {
            today: Some("2026-11-29".into()),
        },
    );
    let a = report("tests/calibration/boe-2025.answers.json");
    let b = report("tests/calibration/village-premiers-pas.answers.json");
    let rows = [
        TerritoryRow {
            report: &a,
            deps: Some(&deps),
            report_link: None,
            deps_link: Some("01-boe.deps.html"),
        },
        TerritoryRow {
            report: &b,
            deps: None,
            report_link: None,
            deps_link: None,
        },
    ];
    let html = territory_html(&rows, Lang::En);
    assert!(html.contains("<html lang=\"en\">") && html.contains("Functions on free software (inventory)"));
    let share = tnl_engine::render::percent(deps.summary.free_function_share, Lang::En);
    assert!(
        html.contains(&format!(
            "<td class=\"n\"><a href=\"01-boe.deps.html\">{share}</a></td>"
        )),
        "{html}"
    );
    assert!(
        html.contains("<td class=\"n\">—</td></tr>"),
        "the second has no inventory"
    );
    assert!(
        html.contains(&format!("<th scope=\"row\">{}</th>", b.profile.name)),
        "no link without a path"
    );
}

#[test]
fn the_inputs_not_read_are_listed_after_the_territory_with_their_reason_escaped() {
    use tnl_engine::render::{territory_html_with, NotRead};
    let r = report("tests/calibration/boe-2025.answers.json");
    let rows = [TerritoryRow {
        report: &r,
        deps: None,
        report_link: None,
        deps_link: None,
    }];
    // None: the page is the plain one.
    assert_eq!(
        territory_html_with(&rows, &[], Lang::Fr),
        territory_html(&rows, Lang::Fr)
    );
    let not_read = [
        NotRead {
            input: "<img src=x onerror=alert(1)>.json",
            reason: "fichier de réponses invalide (1 problème)\nà /edition : attendu <b>\n  conseil : « x »",
        },
        NotRead {
            input: "territoire.jsonl:3",
            reason: "cannot read",
        },
    ];
    let html = territory_html_with(&rows, &not_read, Lang::Fr);
    let part = html.split("<h2>Fichiers non lus</h2>").nth(1).expect("listed");
    assert!(
        part.starts_with("\n<p>2 fichiers ou lignes n'ont pas pu être lus : ils ne sont pas comptés ci-dessus.</p>"),
        "{part}"
    );
    assert!(part.contains("<dt>&lt;img src=x onerror=alert(1)&gt;.json</dt><dd>fichier de réponses invalide (1 problème)<br>à /edition : attendu &lt;b&gt;<br>conseil : « x »</dd>"), "{part}");
    assert!(
        part.contains("<dt>territoire.jsonl:3</dt><dd>cannot read</dd>"),
        "{part}"
    );
    assert!(!html.contains("<img"), "no markup from the inputs");
    // The rows above count only what was read.
    assert_eq!(html.matches("<tr><th scope=\"row\">").count(), 1);
    let en = territory_html_with(&rows, &not_read[1..], Lang::En);
    assert!(
        en.contains("<h2>Inputs not read</h2>\n<p>1 input could not be read: it is not counted above.</p>"),
        "{en}"
    );
}
