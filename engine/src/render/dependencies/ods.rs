//! The dependency map as a spreadsheet: its headline facts, the inventory's lines and the cost
//! scenarios, every cell typed.

use super::{facts, free_label, hosting_label, projection_header, title, yes_no, zone_label, Fact, Figure};
use crate::deps::DependencyReport;
use crate::render::format::ods::{spreadsheet, Cell, Sheet};
use crate::render::labels::labels;
use crate::text::Lang;

/// The facts the summary sheet shows, by id: the free shares, the exposure, the concentration
/// and the costs (the CSV has them all).
const SHEET_FACTS: [&str; 15] = [
    "functions_listed",
    "functions_free",
    "functions_mixed",
    "functions_proprietary",
    "free_function_share",
    "seats_total",
    "seats_free",
    "free_seat_share",
    "yearly_cost",
    "proprietary_cost",
    "extra_eu_functions",
    "extra_eu_seats",
    "extra_eu_cost",
    "hhi_seats",
    "top_vendor",
];

fn number(v: u64) -> Cell {
    Cell::Number(i64::try_from(v).unwrap_or(i64::MAX))
}

fn euros(v: u64) -> Cell {
    Cell::Euros(i64::try_from(v).unwrap_or(i64::MAX))
}

/// A fact's figure as a typed cell.
fn fact_cell(f: Fact) -> Cell {
    match f.value {
        Figure::Text(t) => Cell::text(t),
        Figure::Count(n, _) => n.map_or(Cell::Empty, number),
        Figure::PerMille(v) => v.map_or(Cell::Empty, |p| Cell::PerMille(i64::from(p))),
        Figure::Euros(n) => euros(n),
    }
}

/// The summary sheet: the notices, the collectivité, then the headline facts.
fn summary_sheet(r: &DependencyReport, lang: Lang) -> Sheet {
    let l = labels(lang);
    let d = &l.dependencies;
    let mut rows = vec![
        vec![Cell::text(l.common.notice), Cell::text(d.scenarios_notice)],
        vec![Cell::text(d.disclaimer), Cell::text(r.disclaimer.get(lang))],
        vec![Cell::text(l.common.collectivite), Cell::text(r.profile.name.clone())],
    ];
    rows.extend(
        facts(r, lang)
            .into_iter()
            .filter(|f| SHEET_FACTS.contains(&f.id))
            .map(|f| vec![Cell::text(f.label), fact_cell(f)]),
    );
    Sheet {
        name: d.summary.to_owned(),
        header: vec![d.figure.to_owned(), d.value.to_owned()],
        rows,
    }
}

/// The inventory sheet: one row per product with its function, vendor, licence, seats, share,
/// yearly cost, exposure and contract end.
fn inventory_sheet(r: &DependencyReport, lang: Lang) -> Sheet {
    let d = &labels(lang).dependencies;
    let mut rows = Vec::new();
    for f in &r.functions {
        for i in &f.items {
            let contract_end = r
                .migration_windows
                .iter()
                .find(|w| w.function == f.function && w.index == i.index)
                .map_or(Cell::Empty, |w| Cell::date(&w.contract_end));
            rows.push(vec![
                Cell::text(f.label.get(lang)),
                Cell::text(i.name.clone()),
                Cell::text(i.product.clone().unwrap_or_default()),
                Cell::text(i.vendor.clone()),
                Cell::text(free_label(i.free, lang)),
                Cell::text(zone_label(i.zone, lang)),
                Cell::text(i.hosting.map_or("", |h| hosting_label(h, lang))),
                i.seats.map_or(Cell::Empty, number),
                Cell::PerMille(i64::from(i.share)),
                i.yearly_cost.map_or(Cell::Empty, euros),
                Cell::text(yes_no(i.extra_eu, lang)),
                contract_end,
            ]);
        }
    }
    Sheet {
        name: d.inventory.to_owned(),
        header: [
            d.function,
            d.product,
            d.catalogue_id,
            d.vendor,
            d.licence,
            d.vendor_zone,
            d.hosting,
            d.seats,
            d.share_of_function,
            d.yearly_cost,
            d.extra_eu_exposed,
            d.contract_end,
        ]
        .map(str::to_owned)
        .to_vec(),
        rows,
    }
}

/// The cost scenarios: one row per scenario, a column per year, the five-year total and the
/// gap over stable prices, all in euros.
fn scenarios_sheet(r: &DependencyReport, lang: Lang) -> Sheet {
    Sheet {
        name: labels(lang).dependencies.cost_scenarios.to_owned(),
        header: projection_header(lang),
        rows: r
            .projections
            .iter()
            .map(|p| {
                let mut row = vec![Cell::text(p.label.get(lang))];
                row.extend(p.years.iter().map(|&y| euros(y)));
                row.push(euros(p.five_year_total));
                row.push(Cell::Euros(p.increase_over_stable));
                row
            })
            .collect(),
    }
}

/// The dependency map as a spreadsheet: a summary sheet (the notices, then the headline figures:
/// free shares, exposure, concentration, yearly cost), the inventory's lines (one row per
/// product with its function, vendor, licence, seats, share, yearly cost, exposure and contract
/// end) and the cost scenarios (one row per scenario, a column per year, the five-year total and
/// the gap over stable prices, all in euros).
pub fn deps_ods(r: &DependencyReport, lang: Lang) -> Vec<u8> {
    let sheets = [
        summary_sheet(r, lang),
        inventory_sheet(r, lang),
        scenarios_sheet(r, lang),
    ];
    spreadsheet(&title(r, lang), lang, &sheets)
}
