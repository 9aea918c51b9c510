//! The dependency report (see `crate::deps`) in every format: Markdown, a standalone HTML page,
//! an OpenDocument text, CSV and a spreadsheet.
//!
//! Presentation only: every figure comes from the [`DependencyReport`]; the renderers format,
//! escape and draw. The content is built once here (the headline figures, the tables, the facts
//! of the CSV and the spreadsheet) and each format module writes it; every label comes from the
//! label table. The HTML page has the same rules as the label report: inline CSS with an A4 print
//! stylesheet, no script, no external resource, every state in words (never a colour alone),
//! charts with `role="img"`, a title and their values repeated in text or in a table.

mod csv;
mod html;
mod markdown;
mod ods;
mod odt;
mod summary;

pub use csv::deps_csv;
pub use html::deps_html;
pub use markdown::deps_markdown;
pub use ods::deps_ods;
pub use odt::deps_odt;
pub use summary::{deps_summary_header, deps_summary_json, deps_summary_row, DEPS_SUMMARY_WIDTH};

use super::charts::status_word;
use super::format::table::{Blocks, Cell, Table};
use super::labels::labels;
use super::words::{colon, euros, percent, signed_euros, thousands};
use crate::deps::{AlternativeView, CostProjection, DependencyReport, Hosting, ItemView, MigrationWindow, Zone};
use crate::text::Lang;
use std::fmt::Write as _;

/// The document's title: « Cartographie des dépendances logicielles — name ».
pub(super) fn title(r: &DependencyReport, lang: Lang) -> String {
    let l = labels(lang);
    let name = if r.profile.name.trim().is_empty() {
        l.common.unnamed
    } else {
        r.profile.name.as_str()
    };
    format!("{} — {}", l.dependencies.title, name)
}

fn opt_euros(n: Option<u64>, lang: Lang) -> String {
    n.map_or_else(|| "—".to_owned(), |n| euros(n, lang))
}

/// `libre` or `propriétaire`.
pub(super) fn free_label(free: bool, lang: Lang) -> &'static str {
    let l = &labels(lang).dependencies;
    if free {
        l.free_word
    } else {
        l.proprietary_word
    }
}

/// A vendor's zone in words.
pub(super) fn zone_label(z: Zone, lang: Lang) -> &'static str {
    let l = &labels(lang).dependencies;
    match z {
        Zone::Fr => l.zone_fr,
        Zone::Eu => l.zone_eu,
        Zone::ExtraEu => l.zone_extra_eu,
        Zone::Unknown => l.zone_unknown,
    }
}

/// Where a product is hosted, in words.
pub(super) fn hosting_label(h: Hosting, lang: Lang) -> &'static str {
    let l = &labels(lang).dependencies;
    match h {
        Hosting::OnPremises => l.on_premises,
        Hosting::FrEuHost => l.fr_eu_host,
        Hosting::ExtraEuCloud => l.extra_eu_cloud,
    }
}

/// `oui` or `non`.
pub(super) fn yes_no(b: bool, lang: Lang) -> &'static str {
    let l = &labels(lang).common;
    if b {
        l.yes
    } else {
        l.no
    }
}

fn expired_label(w: &MigrationWindow, lang: Lang) -> &'static str {
    let l = &labels(lang).dependencies;
    match w.expired {
        Some(true) => l.passed,
        Some(false) => l.upcoming,
        None => "—",
    }
}

/// One product of a function, in words: `Windows (Microsoft, propriétaire, 70 postes, hors UE)`.
fn item_text(i: &ItemView, lang: Lang) -> String {
    let l = &labels(lang).dependencies;
    let mut parts = vec![i.vendor.clone(), free_label(i.free, lang).to_owned()];
    if let Some(s) = i.seats {
        parts.push(format!("{} {}", thousands(s, lang), l.seats_unit));
    }
    parts.push(format!("{} {}", percent(i.share, lang), l.of_function));
    if let Some(c) = i.yearly_cost {
        parts.push(format!("{}{}", euros(c, lang), l.a_year));
    }
    if let Some(h) = i.hosting {
        parts.push(hosting_label(h, lang).to_owned());
    }
    if i.extra_eu {
        parts.push(l.extra_eu_trait.to_owned());
    }
    format!("{} ({})", i.name, parts.join(", "))
}

/// The name of an alternative by id, from the replacements of the same item.
fn alternative_names(r: &DependencyReport, w: &MigrationWindow) -> Vec<String> {
    w.alternatives
        .iter()
        .map(|id| {
            r.replacements
                .iter()
                .filter(|x| x.index == w.index)
                .flat_map(|x| &x.alternatives)
                .find(|a| &a.id == id)
                .map_or_else(|| id.clone(), |a| a.name.clone())
        })
        .collect()
}

/// The headline figures, as (label, value) pairs.
fn headline(r: &DependencyReport, lang: Lang) -> Vec<(&'static str, String)> {
    let l = &labels(lang).dependencies;
    let s = &r.summary;
    let x = &r.exposure;
    vec![
        (
            l.functions_entirely_free,
            format!(
                "{} / {} ({})",
                s.functions_free,
                s.functions_listed,
                percent(s.free_function_share, lang)
            ),
        ),
        (
            l.seats_free,
            match s.free_seat_share {
                Some(p) => format!(
                    "{} / {} ({})",
                    thousands(s.seats_free, lang),
                    thousands(s.seats_total, lang),
                    percent(p, lang)
                ),
                None => l.not_given.to_owned(),
            },
        ),
        (l.software_cost, euros(s.yearly_cost, lang)),
        (
            l.extra_eu_exposure,
            format!(
                "{} {}, {}",
                x.extra_eu_functions,
                l.functions_unit,
                euros(x.extra_eu_cost, lang)
            ),
        ),
    ]
}

/// The exposure table: functions, seats and yearly cost on proprietary software and exposed
/// outside the EU.
fn exposure_table(r: &DependencyReport, lang: Lang) -> Table {
    let l = &labels(lang).dependencies;
    let x = &r.exposure;
    let mut t = Table::of(&["", l.proprietary, l.extra_eu_exposed]).figures(&[1, 2]);
    for (label, a, b) in [
        (
            l.functions,
            x.proprietary_functions.to_string(),
            x.extra_eu_functions.to_string(),
        ),
        (
            l.seats,
            thousands(x.proprietary_seats, lang),
            thousands(x.extra_eu_seats, lang),
        ),
        (
            l.yearly_cost,
            euros(x.proprietary_cost, lang),
            euros(x.extra_eu_cost, lang),
        ),
    ] {
        t.row(vec![label.into(), a.into(), b.into()]);
    }
    t
}

/// The concentration paragraph (text from files escaped with `esc`).
fn concentration_text(r: &DependencyReport, lang: Lang, esc: &dyn Fn(&str) -> String) -> String {
    let l = &labels(lang).dependencies;
    let c = &r.concentration;
    let colon = colon(lang);
    let mut s = format!(
        "{}{colon}{} {}, {} {} ({})",
        l.concentration,
        thousands(u64::from(c.hhi_seats), lang),
        l.by_seats,
        thousands(u64::from(c.hhi_functions), lang),
        l.by_functions,
        l.hhi_scale,
    );
    if let Some(v) = &c.top_vendor {
        let _ = write!(
            s,
            ". {}{colon}{} ({} {}, {} {})",
            l.top_vendor,
            esc(v),
            c.top_vendor_functions,
            l.functions_unit,
            thousands(c.top_vendor_seats, lang),
            l.seats_unit
        );
    }
    s.push('.');
    s
}

/// The map as a table: one row per function, its status, free share, exposure and products.
fn functions_table(r: &DependencyReport, lang: Lang) -> Table {
    let l = &labels(lang).dependencies;
    let mut t = Table::of(&[
        l.function,
        l.status,
        l.free_share,
        l.function_extra_eu_exposed,
        l.products,
    ])
    .figures(&[2]);
    for f in &r.functions {
        t.row(vec![
            f.label.get(lang).into(),
            status_word(f.status, lang).into(),
            percent(f.free_share, lang).into(),
            yes_no(f.extra_eu, lang).into(),
            Cell::List(f.items.iter().map(|i| item_text(i, lang)).collect()),
        ]);
    }
    t
}

/// The vendors: zone, licence, functions, seats and yearly cost.
fn vendors_table(r: &DependencyReport, lang: Lang) -> Table {
    let l = &labels(lang).dependencies;
    let mut t = Table::of(&[l.vendor, l.zone, l.free, l.functions, l.seats, l.yearly_cost]).figures(&[3, 4, 5]);
    for v in &r.vendors {
        t.row(vec![
            v.vendor.as_str().into(),
            zone_label(v.zone, lang).into(),
            yes_no(v.free, lang).into(),
            v.functions.to_string().into(),
            thousands(v.seats, lang).into(),
            euros(v.yearly_cost, lang).into(),
        ]);
    }
    t
}

/// The header of the cost projections: the scenario, each year, the total and the gap.
pub(super) fn projection_header(lang: Lang) -> Vec<String> {
    let l = &labels(lang).dependencies;
    let mut h = vec![l.scenario.to_owned()];
    h.extend((0..=5).map(|y| super::charts::year_label(y, lang)));
    h.push(l.five_year_total.to_owned());
    h.push(l.over_stable.to_owned());
    h
}

/// The cost projections: one row per scenario, every amount in euros.
fn projections_table(r: &DependencyReport, lang: Lang) -> Table {
    let header = projection_header(lang);
    let figures: Vec<usize> = (1..header.len()).collect();
    let mut t = Table::new(header).figures(&figures);
    for p in &r.projections {
        t.row(projection_cells(p, lang).into_iter().map(Cell::Text).collect());
    }
    t
}

fn projection_cells(p: &CostProjection, lang: Lang) -> Vec<String> {
    let mut row = vec![p.label.get(lang).to_owned()];
    row.extend(p.years.iter().map(|&y| euros(y, lang)));
    row.push(euros(p.five_year_total, lang));
    row.push(signed_euros(p.increase_over_stable, lang));
    row
}

/// The public source of each scenario that has one, with `esc` applied: « +5 % par an : its
/// title — its address ». An inventory's own scenarios have none.
fn scenario_sources(r: &DependencyReport, lang: Lang, esc: &dyn Fn(&str) -> String) -> Vec<String> {
    r.projections
        .iter()
        .filter_map(|p| {
            let source = p.source.as_ref()?;
            Some(format!(
                "{}{}{} — {}",
                esc(p.label.get(lang)),
                colon(lang),
                esc(source.title.get(lang)),
                esc(&source.url)
            ))
        })
        .collect()
}

/// The scenarios' sources under their table, when they have any.
fn write_scenario_sources(w: &mut dyn Blocks, c: &Content<'_>, lang: Lang) {
    if !c.sources.is_empty() {
        w.sentence(labels(lang).dependencies.scenario_sources);
        w.list(&c.sources);
    }
}

/// The contract ends: when, whether passed, the product, its cost and its free alternatives.
fn windows_table(r: &DependencyReport, lang: Lang) -> Table {
    let l = &labels(lang).dependencies;
    let mut t = Table::of(&[
        l.contract_end,
        l.state,
        l.function,
        l.product,
        l.yearly_cost,
        l.alternatives,
    ])
    .figures(&[4]);
    for w in &r.migration_windows {
        t.row(vec![
            w.contract_end.as_str().into(),
            expired_label(w, lang).into(),
            r.function_label(w.function, lang).into(),
            w.name.as_str().into(),
            opt_euros(w.yearly_cost, lang).into(),
            alternative_names(r, w).join(", ").into(),
        ]);
    }
    t
}

fn replacement_text(alt: &AlternativeView, lang: Lang) -> String {
    let mut refs = vec![alt.vendor.clone()];
    if let Some(l) = &alt.licence {
        refs.push(crate::deps::licence_name(l, lang));
    }
    if let Some(id) = alt.sill_id {
        refs.push(format!("SILL {id}"));
    }
    if let Some(id) = alt.comptoir_id {
        refs.push(format!("Comptoir du Libre {id}"));
    }
    format!("{} ({})", alt.name, refs.join(", "))
}

/// One proprietary product and its free alternatives, in words.
struct ReplacementLine<'a> {
    /// The product's name.
    name: &'a str,
    /// Its function's name.
    function: &'a str,
    /// Its alternatives in words (each through the format's escaping), or « aucune dans le catalogue ».
    alternatives: String,
}

/// The proprietary products with their free alternatives, the alternatives through `esc`.
fn replacement_lines<'a>(
    r: &'a DependencyReport,
    lang: Lang,
    esc: &dyn Fn(&str) -> String,
) -> Vec<ReplacementLine<'a>> {
    r.replacements
        .iter()
        .map(|x| {
            let alts: Vec<String> = x.alternatives.iter().map(|a| esc(&replacement_text(a, lang))).collect();
            ReplacementLine {
                name: &x.name,
                function: r.function_label(x.function, lang),
                alternatives: if alts.is_empty() {
                    labels(lang).dependencies.none_in_catalogue.to_owned()
                } else {
                    alts.join(", ")
                },
            }
        })
        .collect()
}

/// A figure of the map: the CSV writes it with its unit, the spreadsheet types its cell by it.
pub(super) enum Figure {
    /// Text as written (may be empty).
    Text(String),
    /// A count, if known, with its unit (`functions`, `seats`, `inhabitants`, `hhi`…).
    Count(Option<u64>, &'static str),
    /// A share out of 1000, if known.
    PerMille(Option<u32>),
    /// Whole euros.
    Euros(u64),
}

/// One fact of the map: where it belongs, its id, its label and its figure.
pub(super) struct Fact {
    /// The CSV's section (`entity`, `summary`, `exposure`…).
    pub section: &'static str,
    /// The fact's id in its section.
    pub id: &'static str,
    /// Its label, from the label table.
    pub label: &'static str,
    /// Its figure.
    pub value: Figure,
}

/// Every fact of the map, in the order of the CSV: the collectivité, the catalogue, the
/// summary, the exposure and the concentration. The spreadsheet shows some of them.
pub(super) fn facts(r: &DependencyReport, lang: Lang) -> Vec<Fact> {
    let mut facts = entity_facts(r, lang);
    facts.extend(summary_facts(r, lang));
    facts.extend(exposure_facts(r, lang));
    facts.extend(concentration_facts(r, lang));
    facts
}

/// A maker of the facts of one section.
fn facts_of(section: &'static str) -> impl Fn(&'static str, &'static str, Figure) -> Fact {
    move |id, label, value| Fact {
        section,
        id,
        label,
        value,
    }
}

/// A count of functions.
fn functions(n: u32) -> Figure {
    Figure::Count(Some(u64::from(n)), "functions")
}

/// A count of seats.
fn seats(n: u64) -> Figure {
    Figure::Count(Some(n), "seats")
}

/// The collectivité and the versions of the catalogue and the engine.
fn entity_facts(r: &DependencyReport, lang: Lang) -> Vec<Fact> {
    use Figure::{Count, Text};
    let (l, p) = (&labels(lang).dependencies, &r.profile);
    let entity = facts_of("entity");
    let catalogue = facts_of("catalogue");
    vec![
        entity("name", l.name, Text(p.name.clone())),
        entity("kind", l.kind, Text(p.kind.map_or("", |k| k.as_str()).to_owned())),
        entity("population", l.inhabitants, Count(p.population, "inhabitants")),
        entity("agents", l.agents, Count(p.agents, "agents")),
        entity("workstations", l.workstations, Count(p.workstations, "workstations")),
        catalogue("version", l.catalogue_version, Text(r.catalogue_version.clone())),
        catalogue("engine", l.engine_version, Text(r.engine.clone())),
    ]
}

/// The functions and seats on free software, and the yearly cost.
fn summary_facts(r: &DependencyReport, lang: Lang) -> Vec<Fact> {
    let (l, s) = (&labels(lang).dependencies, &r.summary);
    let fact = facts_of("summary");
    vec![
        fact("functions_listed", l.functions_listed, functions(s.functions_listed)),
        fact("functions_free", l.functions_free, functions(s.functions_free)),
        fact("functions_mixed", l.functions_mixed, functions(s.functions_mixed)),
        fact(
            "functions_proprietary",
            l.functions_proprietary,
            functions(s.functions_proprietary),
        ),
        fact(
            "free_function_share",
            l.free_function_share,
            Figure::PerMille(Some(s.free_function_share)),
        ),
        fact("seats_total", l.seats, seats(s.seats_total)),
        fact("seats_free", l.seats_free, seats(s.seats_free)),
        fact(
            "free_seat_share",
            l.free_seat_share,
            Figure::PerMille(s.free_seat_share),
        ),
        fact("yearly_cost", l.yearly_cost, Figure::Euros(s.yearly_cost)),
    ]
}

/// What depends on proprietary software, and what is exposed outside the EU.
fn exposure_facts(r: &DependencyReport, lang: Lang) -> Vec<Fact> {
    let (l, x) = (&labels(lang).dependencies, &r.exposure);
    let fact = facts_of("exposure");
    vec![
        fact(
            "proprietary_functions",
            l.proprietary_functions,
            functions(x.proprietary_functions),
        ),
        fact("proprietary_seats", l.proprietary_seats, seats(x.proprietary_seats)),
        fact(
            "proprietary_cost",
            l.proprietary_cost,
            Figure::Euros(x.proprietary_cost),
        ),
        fact(
            "extra_eu_functions",
            l.extra_eu_functions,
            functions(x.extra_eu_functions),
        ),
        fact("extra_eu_seats", l.extra_eu_seats, seats(x.extra_eu_seats)),
        fact("extra_eu_cost", l.extra_eu_cost, Figure::Euros(x.extra_eu_cost)),
    ]
}

/// How concentrated the proprietary dependencies are, and on which vendor.
fn concentration_facts(r: &DependencyReport, lang: Lang) -> Vec<Fact> {
    let (l, c) = (&labels(lang).dependencies, &r.concentration);
    let fact = facts_of("concentration");
    let hhi = |n: u32| Figure::Count(Some(u64::from(n)), "hhi");
    vec![
        fact("hhi_seats", l.hhi_seats, hhi(c.hhi_seats)),
        fact("hhi_functions", l.hhi_functions, hhi(c.hhi_functions)),
        fact(
            "top_vendor",
            l.top_vendor,
            Figure::Text(c.top_vendor.clone().unwrap_or_default()),
        ),
        fact(
            "top_vendor_functions",
            l.top_vendor_functions,
            functions(c.top_vendor_functions),
        ),
        fact("top_vendor_seats", l.top_vendor_seats, seats(c.top_vendor_seats)),
    ]
}

/// The map's content, built once and written by the HTML, Markdown and ODT writers: texts from
/// the inventory and the catalogue in sentences are already escaped by the format's `esc`;
/// table cells are plain text, escaped by the table writers.
struct Content<'a> {
    /// The document's title, plain text.
    title: String,
    /// Who the map is about, in words.
    who: String,
    /// The headline figures, as (label, value) pairs.
    headline: Vec<(&'static str, String)>,
    /// The exposure table.
    exposure: Table,
    /// The concentration paragraph.
    concentration: String,
    /// The map's table.
    functions: Table,
    /// The vendors' table.
    vendors: Table,
    /// The cost projections' table.
    projections: Table,
    /// The public source of each scenario that has one, one list line each.
    sources: Vec<String>,
    /// The contract ends' table.
    windows: Table,
    /// The proprietary products and their free alternatives.
    replacements: Vec<ReplacementLine<'a>>,
}

/// The map's content, with `esc` applied to the texts from files that stand in sentences.
fn content<'a>(r: &'a DependencyReport, lang: Lang, esc: &dyn Fn(&str) -> String) -> Content<'a> {
    Content {
        title: title(r, lang),
        who: super::who(&r.profile, &r.profile.name, lang, esc),
        headline: headline(r, lang),
        exposure: exposure_table(r, lang),
        concentration: concentration_text(r, lang, esc),
        functions: functions_table(r, lang),
        vendors: vendors_table(r, lang),
        projections: projections_table(r, lang),
        sources: scenario_sources(r, lang, esc),
        windows: windows_table(r, lang),
        replacements: replacement_lines(r, lang, esc),
    }
}

/// The last sections, the same in every format: the contract ends, then the proprietary
/// products with their free alternatives, each written by `line` in the format of `w`.
fn windows_and_alternatives(
    w: &mut dyn Blocks,
    c: &Content<'_>,
    lang: Lang,
    line: &dyn Fn(&ReplacementLine<'_>) -> String,
) {
    let d = &labels(lang).dependencies;
    w.section(d.windows_heading, &c.windows, Some(d.no_contract_end));
    w.heading(d.alternatives);
    if c.replacements.is_empty() {
        w.sentence(d.no_proprietary);
    } else {
        w.list(&c.replacements.iter().map(line).collect::<Vec<_>>());
    }
}
