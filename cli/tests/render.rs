//! Golden tests of the shared renderers on the miniature edition (insta snapshots), and the
//! injection guards: `<script>` in HTML, `=cmd` in CSV, links in Markdown.

use std::path::Path;
use tnl_engine::{evaluate, render, Answers, Criteria, Lang, Report};

fn root() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/.."))
}

fn report_from(answers: &str) -> Report {
    let criteria = Criteria::from_json(&std::fs::read_to_string(root().join("tests/fixtures/mini-edition.json")).expect("mini"), "mini").expect("valid");
    let answers = Answers::from_json(answers, "a.json").expect("answers");
    evaluate(&criteria, &answers)
}

fn golden(name: &str) -> Report {
    report_from(&std::fs::read_to_string(root().join(format!("tests/golden/{name}.answers.json"))).expect("golden answers"))
}

#[test]
fn markdown_golden() {
    insta::assert_snapshot!("md_partielle_fr", render::markdown(&golden("mini-ville-partielle"), Lang::Fr));
    insta::assert_snapshot!("md_erreurs_en", render::markdown(&golden("mini-erreurs"), Lang::En));
}

#[test]
fn html_golden() {
    insta::assert_snapshot!("html_partielle_fr", render::html(&golden("mini-ville-partielle"), Lang::Fr));
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
    let row = render::csv_line(&render::summary_row(&report, &render::summary_domains([&report]), Lang::Fr));
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
        for out in [render::markdown(&r, lang), render::html(&r, lang), render::csv(&r, lang)] {
            assert!(out.contains(r.disclaimer.get(lang).split('\'').next().unwrap_or("")), "disclaimer");
        }
        assert_eq!(render::html(&r, lang), render::html(&golden("mini-ville-partielle"), lang));
    }
}
