//! One summary row per entity, for territory tables: `tnl batch` (csv, jsonl, md) and the web
//! app's territory view use these, so both show the same columns.
//!
//! Domain columns depend on the edition, and a batch may mix editions: the host collects the
//! domain ids with [`summary_domains`] and passes the same list to every row.

use super::format::html::{escape_html as e, page_start_with, table_start, PAGE_END};
use super::format::ods::{spreadsheet, Cell, Sheet};
use super::format::table::{markdown_row, markdown_rule, Table};
use super::labels::labels;
use super::{colon, entity_name, percent};
use crate::deps::DependencyReport;
use crate::report::{Report, Summary, TierRef};
use crate::text::Lang;
use serde_json::{Map, Value};
use std::fmt::Write as _;

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

/// Column names: `name,kind,population,edition,secured,likely,reachable,score,completeness,<domain ids…>,next_step,next_step_title`.
/// `secured`, `likely` and `reachable` are the estimate's range (tier ids; `likely` is empty when the
/// answers are not enough to estimate). Scores are out of 1000.
pub fn summary_header(domains: &[String]) -> Vec<String> {
    let mut h: Vec<String> = [
        "name",
        "kind",
        "population",
        "edition",
        "secured",
        "likely",
        "reachable",
        "score",
        "completeness",
    ]
    .iter()
    .map(|s| (*s).to_owned())
    .collect();
    h.extend(domains.iter().map(|d| format!("domain:{d}")));
    h.push("next_step".into());
    h.push("next_step_title".into());
    h
}

/// The cells of one entity, matching [`summary_header`]. A domain the summary does not have, or
/// that does not apply, is an empty cell.
pub fn summary_row(summary: &Summary<'_>, domains: &[String], lang: Lang) -> Vec<String> {
    let mut row = Vec::with_capacity(domains.len() + 11);
    row.push(summary.name.to_owned());
    row.push(summary.kind.map_or(String::new(), |k| k.as_str().to_owned()));
    row.push(summary.population.map_or(String::new(), |p| p.to_string()));
    row.push(summary.edition.to_owned());
    for tier in [summary.tier, summary.likely, summary.reachable] {
        row.push(tier.map_or(String::new(), str::to_owned));
    }
    row.push(summary.score.to_string());
    row.push(summary.completeness.to_string());
    for id in domains {
        row.push(
            summary
                .domains
                .iter()
                .find(|(d, _)| *d == id)
                .and_then(|(_, pm)| *pm)
                .map_or(String::new(), |p| p.to_string()),
        );
    }
    row.push(summary.next_step.map_or(String::new(), |(q, _)| q.to_owned()));
    row.push(
        summary
            .next_step
            .map_or(String::new(), |(_, title)| title.get(lang).to_owned()),
    );
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
    for tier in [summary.tier, summary.likely, summary.reachable] {
        text(&mut out, tier.unwrap_or(""));
    }
    number(&mut out, Some(u64::from(summary.score)));
    number(&mut out, Some(u64::from(summary.completeness)));
    for id in domains {
        number(
            &mut out,
            summary
                .domains
                .iter()
                .find(|(d, _)| *d == id)
                .and_then(|(_, pm)| *pm)
                .map(u64::from),
        );
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
    m.insert(
        "kind".into(),
        summary.kind.map_or(Value::Null, |k| Value::from(k.as_str())),
    );
    m.insert("population".into(), summary.population.map_or(Value::Null, Value::from));
    m.insert("edition".into(), Value::from(summary.edition));
    for (key, tier) in [
        ("secured", summary.tier),
        ("likely", summary.likely),
        ("reachable", summary.reachable),
    ] {
        m.insert(key.into(), tier.map_or(Value::Null, Value::from));
    }
    m.insert("score".into(), Value::from(summary.score));
    m.insert("completeness".into(), Value::from(summary.completeness));
    // Extended rather than collected: collecting a map sorts, and the browser build links no
    // sort of the standard library (xtask's size rules).
    let mut domains = Map::new();
    domains.extend(
        summary
            .domains
            .iter()
            .map(|(d, pm)| ((*d).to_owned(), pm.map_or(Value::Null, Value::from))),
    );
    m.insert("domains".into(), Value::Object(domains));
    m.insert(
        "next_step".into(),
        summary.next_step.map_or(Value::Null, |(q, _)| Value::from(q)),
    );
    m.insert(
        "next_step_title".into(),
        summary
            .next_step
            .map_or(Value::Null, |(_, title)| Value::from(title.get(lang))),
    );
    Value::Object(m)
}

/// A Markdown table row (`| a | b |`), every cell escaped. Use it for the header too, followed
/// by [`summary_markdown_rule`].
pub fn summary_markdown_row<S: AsRef<str>>(cells: &[S]) -> String {
    let mut o = String::new();
    markdown_row(&mut o, cells.iter().map(AsRef::as_ref));
    o
}

/// The `|---|---|` line under a Markdown header of `columns` cells.
pub fn summary_markdown_rule(columns: usize) -> String {
    let mut o = String::new();
    markdown_rule(&mut o, columns);
    o
}

/// The line to put above a summary table: these are estimates.
pub fn summary_notice(lang: Lang) -> &'static str {
    labels(lang).territory.notice
}

/// One collectivité of [`territory_html`]: its report, its dependency map if it has an
/// inventory, and where their pages are, to link to them (relative paths, as in an archive).
#[derive(Clone, Copy, Debug)]
pub struct TerritoryRow<'a> {
    /// The collectivité's report.
    pub report: &'a Report,
    /// Its dependency map.
    pub deps: Option<&'a DependencyReport>,
    /// Path of its report page.
    pub report_link: Option<&'a str>,
    /// Path of its dependency map page.
    pub deps_link: Option<&'a str>,
}

/// The territory as one printable page (the readable counterpart of the CSV): how many
/// collectivités reach each tier, then one row each with its tier, scores and, for those with an
/// inventory, the share of functions on free software, then each one's best next step; names
/// link to the reports when their paths are given. Every value written in words or figures, user text
/// escaped, no script.
pub fn territory_html(rows: &[TerritoryRow<'_>], lang: Lang) -> String {
    territory_html_with(rows, &[], lang)
}

/// An input of a territory that could not be read, and why (in the page's language).
#[derive(Clone, Copy, Debug)]
pub struct NotRead<'a> {
    /// The input as the user named it (`boe.json`, `territoire.jsonl:3`).
    pub input: &'a str,
    /// Why, one problem a line.
    pub reason: &'a str,
}

/// [`territory_html`], followed by the inputs that could not be read and why, so that the page
/// shows the whole territory asked for, not only the part that could be read.
pub fn territory_html_with(rows: &[TerritoryRow<'_>], not_read: &[NotRead<'_>], lang: Lang) -> String {
    let l = labels(lang);
    let mut o = String::new();
    // A wide table: smaller type; on screen it scrolls inside the page, on paper the page turns
    // to landscape.
    const WIDE: &str = ".wide{font-size:.85em;overflow-x:auto}\n@page{size:A4 landscape;margin:12mm}\n@media print{.wide{overflow:visible;font-size:8pt}}\n";
    page_start_with(&mut o, lang, l.territory.title, WIDE);
    let _ = writeln!(
        o,
        "<p class=\"notice\" role=\"note\"><strong>{}</strong></p>",
        e(l.common.estimate_notice)
    );
    tiers_section(&mut o, rows, lang);
    entities_section(&mut o, rows, lang);
    next_steps_section(&mut o, rows, lang);
    not_read_section(&mut o, not_read, lang);
    o.push_str(PAGE_END);
    o
}

/// A tier's title, or `none`.
fn title_or(tier: Option<&TierRef>, none: &str, lang: Lang) -> String {
    tier.map_or_else(|| none.to_owned(), |t| t.title.get(lang).to_owned())
}

/// A report's range in words, as a territory's table shows it in three columns.
pub struct RangeCells {
    /// The tier secured, or « aucun niveau atteint ».
    pub secured: String,
    /// The likely tier, « aucun niveau », or « pas assez de réponses » when the answers are too
    /// few to say.
    pub likely: String,
    /// The tier within reach if every unanswered question were answered at its best.
    pub reachable: String,
}

/// The three cells of `r`'s range (the territory page and the app's territory table).
pub fn range_cells(r: &Report, lang: Lang) -> RangeCells {
    let l = labels(lang);
    RangeCells {
        secured: secured_title(r, lang),
        likely: if r.estimate.enough_answers {
            title_or(r.estimate.likely.as_ref(), l.common.no_tier, lang)
        } else {
            l.territory.not_enough_answers.to_owned()
        },
        reachable: title_or(r.estimate.reachable.as_ref(), l.common.no_tier, lang),
    }
}

/// The tier a report secured, or « aucun niveau atteint ».
fn secured_title(r: &Report, lang: Lang) -> String {
    title_or(r.tier.as_ref(), labels(lang).common.no_tier_reached, lang)
}

/// How many collectivités reach each tier, highest first, tiers named as in their editions.
fn tiers_section(o: &mut String, rows: &[TerritoryRow<'_>], lang: Lang) {
    let l = labels(lang);
    let mut tiers: Vec<(u32, String, usize)> = Vec::new();
    for r in rows.iter().map(|r| r.report) {
        let (rank, title) = (r.tier.as_ref().map_or(0, |t| t.rank), secured_title(r, lang));
        match tiers.iter_mut().find(|(k, t, _)| *k == rank && *t == title) {
            Some(x) => x.2 += 1,
            None => tiers.push((rank, title, 1)),
        }
    }
    crate::sort::sort_by(&mut tiers, |a, b| b.0.cmp(&a.0));
    let _ = writeln!(o, "<h2>{}</h2>", l.territory.secured_tiers);
    let mut table = Table::of(&[l.common.tier, l.territory.collectivites]).figures(&[1]);
    table.named_rows = false;
    for (_, title, n) in tiers {
        table.row(vec![title.into(), n.to_string().into()]);
    }
    table.html(o);
}

/// One row per collectivité: its edition, its estimate, its scores, each domain and, when any
/// of them has an inventory, the free share of its functions.
fn entities_section(o: &mut String, rows: &[TerritoryRow<'_>], lang: Lang) {
    let l = labels(lang);
    let c = &l.common;
    let domains = summary_domains(rows.iter().map(|r| r.report));
    let title_of = |id: &str| {
        rows.iter()
            .flat_map(|r| r.report.domains.iter())
            .find(|d| *d.id == *id)
            .map_or_else(|| id.to_owned(), |d| d.title.get(lang).to_owned())
    };
    let with_deps = rows.iter().any(|r| r.deps.is_some());
    let _ = writeln!(o, "<h2>{}</h2>", l.territory.collectivites);
    let mut headers: Vec<String> = [
        c.collectivite,
        c.edition,
        c.secured_tier,
        c.likely_estimate,
        c.reachable_tier,
        c.overall_score,
        c.completeness,
    ]
    .map(str::to_owned)
    .to_vec();
    headers.extend(domains.iter().map(|d| e(&title_of(d))));
    if with_deps {
        headers.push(l.territory.free_functions.to_owned());
    }
    let header_refs: Vec<&str> = headers.iter().map(String::as_str).collect();
    o.push_str("<div class=\"wide\">\n");
    table_start(o, &header_refs);
    for row in rows {
        entity_row(o, row, &domains, with_deps, lang);
    }
    let _ = writeln!(o, "</tbody>\n</table>\n</div>");
}

/// One collectivité's row: its name (a link to its report when there is one), then its figures.
fn entity_row(o: &mut String, row: &TerritoryRow<'_>, domains: &[String], with_deps: bool, lang: Lang) {
    let r = row.report;
    let name = e(entity_name(r, lang));
    let name = row
        .report_link
        .map_or_else(|| name.clone(), |link| format!("<a href=\"{}\">{name}</a>", e(link)));
    let range = range_cells(r, lang);
    let _ = write!(
        o,
        "<tr><th scope=\"row\">{name}</th><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td>",
        e(&r.edition.id),
        e(&range.secured),
        e(&range.likely),
        e(&range.reachable),
        percent(r.score.per_mille, lang),
        percent(r.completeness.per_mille, lang)
    );
    for d in domains {
        let cell = r
            .domains
            .iter()
            .find(|x| *x.id == **d)
            .and_then(|x| x.per_mille)
            .map_or_else(|| "—".to_owned(), |p| percent(p, lang));
        let _ = write!(o, "<td class=\"n\">{cell}</td>");
    }
    if with_deps {
        let cell = match (row.deps, row.deps_link) {
            (Some(d), Some(link)) => format!(
                "<a href=\"{}\">{}</a>",
                e(link),
                percent(d.summary.free_function_share, lang)
            ),
            (Some(d), None) => percent(d.summary.free_function_share, lang),
            (None, _) => "—".to_owned(),
        };
        let _ = write!(o, "<td class=\"n\">{cell}</td>");
    }
    o.push_str("</tr>\n");
}

/// The best next step of each, in words: too long for a table cell.
fn next_steps_section(o: &mut String, rows: &[TerritoryRow<'_>], lang: Lang) {
    let l = &labels(lang).territory;
    let _ = writeln!(o, "<h2>{}</h2>\n<dl>", l.next_step_heading);
    for r in rows.iter().map(|r| r.report) {
        let step = r
            .next_steps
            .first()
            .map_or_else(|| l.no_step_left.to_owned(), |s| e(s.title.get(lang)));
        let _ = writeln!(o, "<dt>{}</dt><dd>{step}</dd>", e(entity_name(r, lang)));
    }
    let _ = writeln!(o, "</dl>");
}

/// The inputs that could not be read, each with its reason, line by line.
fn not_read_section(o: &mut String, not_read: &[NotRead<'_>], lang: Lang) {
    if not_read.is_empty() {
        return;
    }
    let l = &labels(lang).territory;
    let _ = writeln!(
        o,
        "<h2>{}</h2>\n<p>{}</p>\n<dl>",
        l.not_read,
        (l.not_read_count)(not_read.len())
    );
    for x in not_read {
        let lines: Vec<String> = x.reason.lines().map(|line| e(line.trim())).collect();
        let _ = writeln!(o, "<dt>{}</dt><dd>{}</dd>", e(x.input), lines.join("<br>"));
    }
    let _ = writeln!(o, "</dl>");
}

/// How a territory table names what its CSV cells hold by id.
pub struct TableNames<'a> {
    /// The title of a domain, by id (for the `domain:ID` columns).
    pub domain: &'a dyn Fn(&str) -> Option<String>,
    /// The title of a tier, by id (shown beside the `secured`, `likely` and `reachable` columns).
    pub tier: &'a dyn Fn(&str) -> Option<String>,
}

/// A column of the territory sheet: which CSV column it shows, how its cells are typed, and
/// what its header says.
struct Column {
    source: usize,
    label: String,
    kind: ColumnKind,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum ColumnKind {
    /// Text as written.
    Text,
    /// Whole numbers.
    Number,
    /// Out of 1000, as a percentage.
    PerMille,
    /// Whole euros.
    Euros,
    /// A contract end.
    Date,
    /// `commune`, `syndicat`…: shown by its name.
    EntityKind,
    /// `answers` or `inventory`: shown in words.
    RowType,
    /// A tier id, shown by its title.
    TierTitle,
}

/// The header and the type of a territory column, from its name in [`super::summary_header`],
/// [`super::deps_summary_header`] or `tnl batch` (`source`, `type`, `error`). A column this
/// table does not know (one added later) keeps its name as header, and its cells are numbers
/// when they are whole numbers, text otherwise.
fn territory_column(name: &str, names: &TableNames<'_>, lang: Lang) -> (String, ColumnKind) {
    use ColumnKind::*;
    let l = labels(lang);
    let (c, d, t) = (&l.common, &l.dependencies, &l.territory);
    let (label, kind) = match name {
        "source" => (t.source, Text),
        "type" => (t.input_type, RowType),
        "name" => (c.collectivite, Text),
        "kind" => (t.kind, EntityKind),
        "population" => (d.inhabitants, Number),
        "edition" => (c.edition, Text),
        "secured" => (t.secured_id, Text),
        "likely" => (t.likely_id, Text),
        "reachable" => (t.reachable_id, Text),
        "score" => (c.overall_score, PerMille),
        "completeness" => (c.completeness, PerMille),
        "next_step" => (t.next_step_id, Text),
        "next_step_title" => (t.next_step, Text),
        "functions_listed" => (d.functions_listed, Number),
        "free_function_share" => (d.free_function_share, PerMille),
        "free_seat_share" => (d.free_seat_share, PerMille),
        "yearly_cost" => (d.yearly_cost, Euros),
        "proprietary_cost" => (d.proprietary_cost, Euros),
        "extra_eu_functions" => (d.extra_eu_functions, Number),
        "extra_eu_cost" => (d.extra_eu_cost, Euros),
        "hhi_seats" => (d.hhi_seats, Number),
        "top_vendor" => (d.top_vendor, Text),
        "next_contract_end" => (t.next_contract_end, Date),
        "error" => (t.error, Text),
        other => {
            if let Some(id) = other.strip_prefix("domain:") {
                let title = (names.domain)(id).unwrap_or_else(|| id.to_owned());
                return (format!("{}{}{title}", c.domain, colon(lang)), PerMille);
            }
            return (other.to_owned(), Number);
        }
    };
    (label.to_owned(), kind)
}

/// The columns of the territory sheet: one per CSV column, and each tier's title before the
/// tier's id, so that a reader sees a name where the CSV has an id.
fn territory_columns(header: &[String], names: &TableNames<'_>, lang: Lang) -> Vec<Column> {
    let mut columns = Vec::with_capacity(header.len() + 1);
    for (source, name) in header.iter().enumerate() {
        // Each end of the estimate by its title, its id beside it.
        let c = &labels(lang).common;
        let title = match name.as_str() {
            "secured" => Some(c.secured_tier),
            "likely" => Some(c.likely_estimate),
            "reachable" => Some(c.reachable_tier),
            _ => None,
        };
        if let Some(label) = title {
            columns.push(Column {
                source,
                label: label.to_owned(),
                kind: ColumnKind::TierTitle,
            });
        }
        let (label, kind) = territory_column(name, names, lang);
        columns.push(Column { source, label, kind });
    }
    columns
}

/// One territory cell from its CSV text, typed by its column. Text that is not what the column
/// holds (a reason in place of a number) stays text.
fn territory_cell(text: &str, kind: ColumnKind, names: &TableNames<'_>, lang: Lang) -> Cell {
    let number = text.parse::<i64>().ok();
    match (kind, number) {
        (_, None) if text.is_empty() => Cell::Empty,
        (ColumnKind::Number, Some(n)) => Cell::Number(n),
        (ColumnKind::PerMille, Some(n)) => Cell::PerMille(n),
        (ColumnKind::Euros, Some(n)) => Cell::Euros(n),
        (ColumnKind::Date, _) => Cell::date(text),
        (ColumnKind::EntityKind, _) => {
            Cell::text(crate::Kind::parse(text).map_or_else(|| text.to_owned(), |k| k.label().get(lang).to_owned()))
        }
        (ColumnKind::RowType, _) => Cell::text(match text {
            "answers" => labels(lang).territory.answers,
            "inventory" => labels(lang).territory.inventory,
            other => other,
        }),
        (ColumnKind::TierTitle, _) => Cell::text((names.tier)(text).unwrap_or_else(|| text.to_owned())),
        _ => Cell::text(text),
    }
}

/// The territory table as a spreadsheet: `header` and `rows` are the columns and cells of the
/// CSV (`tnl batch`, the app's territory table), so the sheet follows every column the CSV has;
/// each column gets a header in words and its cells their type (see the column table in this
/// module). `names` gives the titles of domains and tiers, so that the sheet names them where
/// the CSV has ids (the ids keep their columns). A second sheet carries the notice: these are
/// estimates, not the jury's decisions.
pub fn summary_ods(header: &[String], rows: &[Vec<String>], names: &TableNames<'_>, lang: Lang) -> Vec<u8> {
    let l = labels(lang);
    let columns = territory_columns(header, names, lang);
    let table = Sheet {
        name: l.territory.sheet.to_owned(),
        header: columns.iter().map(|c| c.label.clone()).collect(),
        rows: rows
            .iter()
            .map(|r| {
                columns
                    .iter()
                    .map(|c| {
                        let text = r.get(c.source).map_or("", String::as_str);
                        territory_cell(text, c.kind, names, lang)
                    })
                    .collect()
            })
            .collect(),
    };
    let notice = Sheet {
        name: l.territory.read_me.to_owned(),
        header: vec![l.common.notice.to_owned()],
        rows: vec![
            vec![Cell::text(l.territory.notice)],
            vec![Cell::text(l.territory.units)],
        ],
    };
    spreadsheet(l.territory.title, lang, &[table, notice])
}
