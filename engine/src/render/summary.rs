//! One summary row per entity, for territory tables: `tnl batch` (csv, jsonl, md) and the web
//! app's territory view use these, so both show the same columns.
//!
//! Domain columns depend on the edition, and a batch may mix editions: the host collects the
//! domain ids with [`summary_domains`] and passes the same list to every row.

use super::{escape_markdown, tr};
use crate::report::Report;
use crate::text::Lang;
use serde_json::{Map, Value};

/// Domain ids of `reports`, in first-seen order: the domain columns of a summary table.
pub fn summary_domains<'a>(reports: impl IntoIterator<Item = &'a Report>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for r in reports {
        for d in &r.domains {
            if !out.iter().any(|x| **x == *d.id) {
                out.push(d.id.to_string());
            }
        }
    }
    out
}

/// Column names: `name,kind,population,edition,tier,score,completeness,<domain ids…>,next_step,next_step_title`.
/// Scores are out of 1000.
pub fn summary_header(domains: &[String]) -> Vec<String> {
    let mut h: Vec<String> = ["name", "kind", "population", "edition", "tier", "score", "completeness"].iter().map(|s| (*s).to_owned()).collect();
    h.extend(domains.iter().map(|d| format!("domain:{d}")));
    h.push("next_step".into());
    h.push("next_step_title".into());
    h
}

/// The cells of one entity, matching [`summary_header`]. A domain the report does not have, or
/// that does not apply, is an empty cell.
pub fn summary_row(report: &Report, domains: &[String], lang: Lang) -> Vec<String> {
    let mut row = vec![
        report.profile.name.clone(),
        report.profile.kind.map_or(String::new(), |k| k.as_str().to_owned()),
        report.profile.population.map_or(String::new(), |p| p.to_string()),
        report.edition.id.to_string(),
        report.tier.as_ref().map_or(String::new(), |t| t.id.to_string()),
        report.score.per_mille.to_string(),
        report.completeness.per_mille.to_string(),
    ];
    for id in domains {
        row.push(report.domains.iter().find(|d| *d.id == **id).and_then(|d| d.per_mille).map_or(String::new(), |p| p.to_string()));
    }
    let step = report.next_steps.first();
    row.push(step.map_or(String::new(), |s| s.question.to_owned()));
    row.push(step.map_or(String::new(), |s| s.title.get(lang).to_owned()));
    row
}

/// One entity as a JSON object on one line (no trailing newline), for JSON Lines output.
/// Domains are an object keyed by id, so no column list is needed.
pub fn summary_json(report: &Report, lang: Lang) -> Value {
    let mut m = Map::new();
    m.insert("name".into(), Value::from(report.profile.name.as_str()));
    m.insert("kind".into(), report.profile.kind.map_or(Value::Null, |k| Value::from(k.as_str())));
    m.insert("population".into(), report.profile.population.map_or(Value::Null, Value::from));
    m.insert("edition".into(), Value::from(&*report.edition.id));
    m.insert("tier".into(), report.tier.as_ref().map_or(Value::Null, |t| Value::from(&*t.id)));
    m.insert("score".into(), Value::from(report.score.per_mille));
    m.insert("completeness".into(), Value::from(report.completeness.per_mille));
    let domains: Map<String, Value> = report.domains.iter().map(|d| (d.id.to_string(), d.per_mille.map_or(Value::Null, Value::from))).collect();
    m.insert("domains".into(), Value::Object(domains));
    let step = report.next_steps.first();
    m.insert("next_step".into(), step.map_or(Value::Null, |s| Value::from(s.question)));
    m.insert("next_step_title".into(), step.map_or(Value::Null, |s| Value::from(s.title.get(lang))));
    Value::Object(m)
}

/// A Markdown table row (`| a | b |`), every cell escaped. Use it for the header too, followed
/// by [`summary_markdown_rule`].
pub fn summary_markdown_row<S: AsRef<str>>(cells: &[S]) -> String {
    let mut o = String::from("|");
    for c in cells {
        o.push(' ');
        o.push_str(&escape_markdown(c.as_ref()));
        o.push_str(" |");
    }
    o.push('\n');
    o
}

/// The `|---|---|` line under a Markdown header of `columns` cells.
pub fn summary_markdown_rule(columns: usize) -> String {
    let mut o = String::from("|");
    for _ in 0..columns {
        o.push_str("---|");
    }
    o.push('\n');
    o
}

/// The line to put above a summary table: these are estimates.
pub fn summary_notice(lang: Lang) -> &'static str {
    tr(lang, "Estimations, pas les décisions du jury du label.", "Estimates, not the decisions of the label's jury.")
}
