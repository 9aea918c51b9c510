//! Golden tests of the shared renderers on the miniature edition (insta snapshots), and the
//! injection guards: `<script>` in HTML, `=cmd` in CSV, links in Markdown.

use std::path::Path;
use tnl_engine::{evaluate, render, Answers, Criteria, Lang, Report};

fn root() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/.."))
}

fn report_from(answers: &str) -> Report {
    let criteria = Criteria::from_json(
        &std::fs::read_to_string(root().join("tests/fixtures/mini-edition.json")).expect("mini"),
        "mini",
    )
    .expect("valid");
    let answers = Answers::from_json(answers, "a.json").expect("answers");
    evaluate(&criteria, &answers)
}

fn golden(name: &str) -> Report {
    report_from(
        &std::fs::read_to_string(root().join(format!("tests/golden/{name}.answers.json"))).expect("golden answers"),
    )
}

#[test]
fn markdown_golden() {
    insta::assert_snapshot!(
        "md_partielle_fr",
        render::markdown(&golden("mini-ville-partielle"), Lang::Fr)
    );
    insta::assert_snapshot!("md_erreurs_en", render::markdown(&golden("mini-erreurs"), Lang::En));
}

#[test]
fn html_golden() {
    insta::assert_snapshot!(
        "html_partielle_fr",
        render::html(&golden("mini-ville-partielle"), Lang::Fr)
    );
}

#[test]
fn csv_golden() {
    insta::assert_snapshot!("csv_complet_en", render::csv(&golden("mini-village-complet"), Lang::En));
}

#[test]
fn comparison_golden() {
    let c = tnl_engine::compare(&golden("mini-ville-partielle"), &golden("mini-village-complet"));
    insta::assert_snapshot!("comparison_md_fr", render::comparison_markdown(&c, Lang::Fr));
    let html = render::comparison_html(&c, Lang::En);
    assert!(html.starts_with("<!DOCTYPE html>\n<html lang=\"en\">"));
}

const HOSTILE: &str = r#"{"format": 1, "edition": "mini",
  "profile": {"name": "<script>alert('x')</script>"},
  "answers": {"strategie.ecrite": true}}"#;

#[test]
fn html_escapes_script_in_the_profile_name() {
    let html = render::html(&report_from(HOSTILE), Lang::Fr);
    assert!(!html.contains("<script>"));
    assert!(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"));
    // Self-contained: no script, no external resource.
    assert!(!html.contains("src=") && !html.contains("href=") && !html.contains("@import"));
}

#[test]
fn csv_protects_formula_cells() {
    let text = HOSTILE.replace("<script>alert('x')</script>", "=cmd|' /C calc'!A0");
    let report = report_from(&text);
    let csv = render::csv(&report, Lang::Fr);
    assert!(csv.contains("\"'=cmd|' /C calc'!A0\""), "{csv}");
    assert!(!csv.contains(",=cmd"));
    let row = render::csv_line(&render::summary_row(
        &tnl_engine::Summary::of(&report),
        &render::summary_domains([&report]),
        Lang::Fr,
    ));
    assert!(row.starts_with("\"'=cmd|' /C calc'!A0\","), "{row}");
}

#[test]
fn markdown_escapes_links_and_html() {
    let text = HOSTILE.replace("<script>alert('x')</script>", "[clic](http://e.vil) <img src=x>");
    let md = render::markdown(&report_from(&text), Lang::Fr);
    assert!(md.contains("\\[clic\\](http://e.vil) \\<img src=x\\>"));
    let unescaped = md.replace("\\<", "").replace("\\[", "");
    assert!(!unescaped.contains("[clic") && !unescaped.contains("<img"));
}

#[test]
fn every_renderer_shows_the_disclaimer_and_is_deterministic() {
    let r = golden("mini-ville-partielle");
    for lang in [Lang::Fr, Lang::En] {
        for out in [
            render::markdown(&r, lang),
            render::html(&r, lang),
            render::csv(&r, lang),
        ] {
            assert!(
                out.contains(r.disclaimer.get(lang).split('\'').next().unwrap_or("")),
                "disclaimer"
            );
        }
        assert_eq!(
            render::html(&r, lang),
            render::html(&golden("mini-ville-partielle"), lang)
        );
    }
}

// ---------------------------------------------------------------- dependency map

use tnl_engine::deps::{dependency_report, Catalogue, DependencyReport, DepsOptions, Inventory};

fn deps_report(inventory: &str) -> DependencyReport {
    let catalogue = Catalogue::from_json(
        &std::fs::read_to_string(root().join("tests/fixtures/mini-catalogue.json")).expect("mini catalogue"),
        "mini-catalogue.json",
    )
    .expect("valid");
    let inventory = Inventory::from_json(inventory, "inventory.json").expect("inventory");
    dependency_report(
        &catalogue,
        &inventory,
        &DepsOptions {
            today: Some("2026-11-29".into()),
        },
    )
}

fn commune_mixte() -> String {
    std::fs::read_to_string(root().join("tests/golden/deps/commune-mixte.inventory.json")).expect("golden inventory")
}

#[test]
fn deps_goldens() {
    let r = deps_report(&commune_mixte());
    insta::assert_snapshot!("deps_md_fr", render::deps_markdown(&r, Lang::Fr));
    insta::assert_snapshot!("deps_md_en", render::deps_markdown(&r, Lang::En));
    insta::assert_snapshot!("deps_html_fr", render::deps_html(&r, Lang::Fr));
    insta::assert_snapshot!("deps_csv_en", render::deps_csv(&r, Lang::En));
}

#[test]
fn deps_renderers_show_the_disclaimer_and_both_charts() {
    let r = deps_report(&commune_mixte());
    for lang in [Lang::Fr, Lang::En] {
        let scenarios = match lang {
            Lang::Fr => "scénarios, pas des prévisions",
            Lang::En => "scenarios, not forecasts",
        };
        for out in [
            render::deps_markdown(&r, lang),
            render::deps_html(&r, lang),
            render::deps_csv(&r, lang),
        ] {
            assert!(out.to_lowercase().contains(scenarios), "{lang:?}");
        }
        let html = render::deps_html(&r, lang);
        assert_eq!(html.matches(" role=\"img\"").count(), 2, "the map and the cost chart");
        assert!(html.contains("<svg id=\"deps-map\"") && html.contains("<svg id=\"cost-chart\""));
        assert_eq!(
            html.matches("<polyline").count(),
            r.projections.len(),
            "one line per scenario"
        );
        assert_eq!(
            html.matches("<g class=\"map-row\"").count(),
            r.functions.len(),
            "one row per function"
        );
        // Extra-EU exposure is written in the map, not drawn only: once per exposed function in
        // the map's rows, once more each in its description.
        let exposed = r.functions.iter().filter(|f| f.extra_eu).count();
        let words = match lang {
            Lang::Fr => "⚠ exposée hors UE",
            Lang::En => "⚠ extra-EU exposure",
        };
        assert!(exposed > 0);
        assert_eq!(html.matches(words).count(), 2 * exposed, "{lang:?}");
        assert!(!html.contains("src=") && !html.contains("href=") && !html.contains("<script"));
        assert!(html.contains("@page{size:A4"));
        assert_eq!(
            html,
            render::deps_html(&deps_report(&commune_mixte()), lang),
            "deterministic"
        );
    }
}

#[test]
fn deps_csv_has_one_row_per_fact_and_the_engines_figures() {
    let r = deps_report(&commune_mixte());
    let csv = render::deps_csv(&r, Lang::En);
    let lines: Vec<&str> = csv.split("\r\n").filter(|l| !l.is_empty()).collect();
    let width = lines[0].split(',').count();
    assert_eq!(width, 13);
    assert!(lines
        .iter()
        .any(|l| *l == format!("summary,yearly_cost,Yearly cost,,,,,,,,{},EUR,", r.summary.yearly_cost)));
    let items: usize = r.functions.iter().map(|f| f.items.len()).sum();
    assert_eq!(lines.iter().filter(|l| l.starts_with("item,")).count(), items);
    assert_eq!(
        lines.iter().filter(|l| l.starts_with("projection,")).count(),
        r.projections.len() * 6
    );
    assert_eq!(
        lines.iter().filter(|l| l.starts_with("diagnostic,")).count(),
        r.diagnostics.len()
    );
}

fn hostile_inventory(text: &str) -> String {
    commune_mixte()
        .replace("Commune de Mixte-sur-Loire", text)
        .replace("Cadastre Pro", text)
        .replace("GeoSoft", text)
}

#[test]
fn deps_html_escapes_script_in_the_profile_and_item_names() {
    let html = render::deps_html(
        &deps_report(&hostile_inventory("<script>alert('x')</script>")),
        Lang::Fr,
    );
    assert!(!html.contains("<script>"), "{html}");
    assert!(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"));
}

#[test]
fn deps_markdown_escapes_links_and_html() {
    let md = render::deps_markdown(
        &deps_report(&hostile_inventory("[clic](http://e.vil) <img src=x>")),
        Lang::Fr,
    );
    let unescaped = md.replace("\\<", "").replace("\\[", "");
    assert!(!unescaped.contains("[clic") && !unescaped.contains("<img"), "{md}");
}

#[test]
fn deps_csv_protects_formula_cells() {
    let csv = render::deps_csv(&deps_report(&hostile_inventory("=cmd|' /C calc'!A0")), Lang::Fr);
    assert!(csv.contains("\"'=cmd|' /C calc'!A0\""), "{csv}");
    assert!(!csv.contains(",=cmd"));
}

#[test]
fn the_range_is_shown_while_unanswered_questions_can_change_the_tier() {
    // A blank form and a partial one show the range and say the answers are not enough. The
    // "complete" village left two unscored questions blank: enough answers, and answering them
    // (even at their worst) completes the form, so Or is likely while Argent is secured.
    let blank = report_from(r#"{"format": 1, "edition": "mini", "answers": {}}"#);
    let partial = golden("mini-ville-partielle");
    let village = golden("mini-village-complet");
    for r in [&blank, &partial] {
        assert!(!r.estimate.is_settled() && !r.estimate.enough_answers);
        assert!(render::markdown(r, Lang::Fr).contains("pas assez de réponses pour estimer : entre"));
        assert!(render::html(r, Lang::En).contains("not enough answers to estimate: between"));
    }
    assert!(village.estimate.enough_answers);
    let md = render::markdown(&village, Lang::Fr);
    assert!(md.contains("- Niveau acquis : **Argent (3 / 4)**"), "{md}");
    assert!(md.contains("- Niveau probable : **Or (4 / 4)**"), "{md}");
    assert!(md.contains("- Niveau atteignable : **Or (4 / 4)**"), "{md}");
    for r in [&blank, &partial, &village] {
        assert!(!render::markdown(r, Lang::Fr).contains("Tendance"));
    }
}
