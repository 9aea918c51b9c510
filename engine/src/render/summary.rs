//! One summary row per entity, for territory tables: `tnl batch` (csv, jsonl, md) and the web
//! app's territory view use these, so both show the same columns.
//!
//! Domain columns depend on the edition, and a batch may mix editions: the host collects the
//! domain ids with [`summary_domains`] and passes the same list to every row.

use super::{escape_markdown, tr};
use crate::report::{Report, Summary};
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

/// The cells of one entity, matching [`summary_header`]. A domain the summary does not have, or
/// that does not apply, is an empty cell.
pub fn summary_row(summary: &Summary<'_>, domains: &[String], lang: Lang) -> Vec<String> {
    let mut row = Vec::with_capacity(domains.len() + 9);
    row.push(summary.name.to_owned());
    row.push(summary.kind.map_or(String::new(), |k| k.as_str().to_owned()));
    row.push(summary.population.map_or(String::new(), |p| p.to_string()));
    row.push(summary.edition.to_owned());
    row.push(summary.tier.map_or(String::new(), str::to_owned));
    row.push(summary.score.to_string());
    row.push(summary.completeness.to_string());
    for id in domains {
        row.push(summary.domains.iter().find(|(d, _)| *d == id).and_then(|(_, pm)| *pm).map_or(String::new(), |p| p.to_string()));
    }
    row.push(summary.next_step.map_or(String::new(), |(q, _)| q.to_owned()));
    row.push(summary.next_step.map_or(String::new(), |(_, title)| title.get(lang).to_owned()));
    row
}

/// [`summary_row`] as one CSV line, written cell by cell without a `String` per cell (`tnl batch`
/// writes one per file): the `lead` cells, the summary's, then `empty` empty cells. The same text
/// as [`super::csv_line`] of those cells; a test checks it.
pub fn summary_csv_line(lead: &[&str], summary: &Summary<'_>, domains: &[String], lang: Lang, empty: usize) -> String {
    use std::fmt::Write;
    let mut out = String::with_capacity(160 + 8 * domains.len());
    let mut first = true;
    let mut text = |out: &mut String, s: &str| {
        if !std::mem::take(&mut first) {
            out.push(',');
        }
        out.push_str(&super::csv_cell(s));
    };
    for s in lead {
        text(&mut out, s);
    }
    text(&mut out, summary.name);
    text(&mut out, summary.kind.map_or("", |k| k.as_str()));
    // Numbers are digits only: no cell of theirs needs protecting.
    let number = |out: &mut String, n: Option<u64>| {
        out.push(',');
        if let Some(n) = n {
            let _ = write!(out, "{n}");
        }
    };
    number(&mut out, summary.population);
    text(&mut out, summary.edition);
    text(&mut out, summary.tier.unwrap_or(""));
    number(&mut out, Some(u64::from(summary.score)));
    number(&mut out, Some(u64::from(summary.completeness)));
    for id in domains {
        number(&mut out, summary.domains.iter().find(|(d, _)| *d == id).and_then(|(_, pm)| *pm).map(u64::from));
    }
    text(&mut out, summary.next_step.map_or("", |(q, _)| q));
    text(&mut out, summary.next_step.map_or("", |(_, title)| title.get(lang)));
    for _ in 0..empty {
        out.push(',');
    }
    out.push_str("\r\n");
    out
}

/// One entity as a JSON object on one line (no trailing newline), for JSON Lines output.
/// Domains are an object keyed by id, so no column list is needed.
pub fn summary_json(summary: &Summary<'_>, lang: Lang) -> Value {
    let mut m = Map::new();
    m.insert("name".into(), Value::from(summary.name));
    m.insert("kind".into(), summary.kind.map_or(Value::Null, |k| Value::from(k.as_str())));
    m.insert("population".into(), summary.population.map_or(Value::Null, Value::from));
    m.insert("edition".into(), Value::from(summary.edition));
    m.insert("tier".into(), summary.tier.map_or(Value::Null, Value::from));
    m.insert("score".into(), Value::from(summary.score));
    m.insert("completeness".into(), Value::from(summary.completeness));
    let domains: Map<String, Value> = summary.domains.iter().map(|(d, pm)| ((*d).to_owned(), pm.map_or(Value::Null, Value::from))).collect();
    m.insert("domains".into(), Value::Object(domains));
    m.insert("next_step".into(), summary.next_step.map_or(Value::Null, |(q, _)| Value::from(q)));
    m.insert("next_step_title".into(), summary.next_step.map_or(Value::Null, |(_, title)| Value::from(title.get(lang))));
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
