//! The dependency map as CSV, one row per fact, in named steps: the facts, the functions and
//! their products, the vendors, the cost projections, the migration windows, the free
//! alternatives and the diagnostics.

use super::{facts, Figure};
use crate::deps::{DependencyReport, FunctionStatus, Hosting, Zone};
use crate::render::format::csv::csv_line;
use crate::render::labels::labels;
use crate::render::severity_code;
use crate::text::Lang;

/// The columns, in order.
const COLUMNS: [&str; 13] = [
    "section",
    "id",
    "label",
    "function",
    "vendor",
    "status",
    "seats",
    "share",
    "yearly_cost",
    "extra_eu",
    "value",
    "unit",
    "detail",
];

/// One row, its cells by column name; a cell left out is empty.
#[derive(Default)]
struct Row<'a> {
    section: &'a str,
    id: &'a str,
    label: &'a str,
    function: &'a str,
    vendor: &'a str,
    status: &'a str,
    seats: String,
    share: String,
    yearly_cost: String,
    extra_eu: &'a str,
    value: String,
    unit: &'a str,
    detail: String,
}

impl Row<'_> {
    fn write(&self, o: &mut String) {
        o.push_str(&csv_line(&[
            self.section,
            self.id,
            self.label,
            self.function,
            self.vendor,
            self.status,
            &self.seats,
            &self.share,
            &self.yearly_cost,
            self.extra_eu,
            &self.value,
            self.unit,
            &self.detail,
        ]));
    }
}

fn opt(v: Option<u64>) -> String {
    v.map(|x| x.to_string()).unwrap_or_default()
}

fn boolean(v: bool) -> &'static str {
    if v {
        "true"
    } else {
        "false"
    }
}

fn free_code(free: bool) -> &'static str {
    if free {
        "free"
    } else {
        "proprietary"
    }
}

fn status_code(s: FunctionStatus) -> &'static str {
    match s {
        FunctionStatus::Free => "free",
        FunctionStatus::Mixed => "mixed",
        FunctionStatus::Proprietary => "proprietary",
    }
}

fn zone_code(z: Zone) -> &'static str {
    match z {
        Zone::Fr => "fr",
        Zone::Eu => "eu",
        Zone::ExtraEu => "extra_eu",
        Zone::Unknown => "unknown",
    }
}

fn hosting_code(h: Hosting) -> &'static str {
    match h {
        Hosting::OnPremises => "on_premises",
        Hosting::FrEuHost => "fr_eu_host",
        Hosting::ExtraEuCloud => "extra_eu_cloud",
    }
}

/// Renders a dependency report as CSV, one row per fact, with the columns
/// `section,id,label,function,vendor,status,seats,share,yearly_cost,extra_eu,value,unit,detail`.
///
/// Sections, in order: `notice`, `entity`, `catalogue`, `summary`, `exposure`, `concentration`
/// (one fact per row, in `value` with its `unit`), `function`, `item`, `vendor`, `projection`
/// (one row per scenario and year: `value` is the year, `yearly_cost` the cost), `projection_total`,
/// `migration_window`, `replacement` (one row per free alternative of a proprietary item),
/// `diagnostic`. Shares are out of 1000, money in euros. Every cell goes through `csv_cell`.
pub fn deps_csv(r: &DependencyReport, lang: Lang) -> String {
    let mut o = csv_line(&COLUMNS);
    fact_rows(&mut o, r, lang);
    function_rows(&mut o, r, lang);
    vendor_rows(&mut o, r);
    projection_rows(&mut o, r, lang);
    window_rows(&mut o, r);
    replacement_rows(&mut o, r);
    diagnostic_rows(&mut o, r, lang);
    o
}

/// The notice, then every fact with its figure in `value` and its `unit`.
fn fact_rows(o: &mut String, r: &DependencyReport, lang: Lang) {
    Row {
        section: "notice",
        label: labels(lang).dependencies.scenarios_notice,
        value: r.disclaimer.get(lang).to_owned(),
        ..Row::default()
    }
    .write(o);
    for f in facts(r, lang) {
        let (value, unit) = match f.value {
            Figure::Text(t) => (t, ""),
            Figure::Count(n, unit) => (opt(n), unit),
            Figure::PerMille(v) => (opt(v.map(u64::from)), "per_mille"),
            Figure::Euros(n) => (n.to_string(), "EUR"),
        };
        Row {
            section: f.section,
            id: f.id,
            label: f.label,
            value,
            unit,
            ..Row::default()
        }
        .write(o);
    }
}

/// Each function, then each of its products with its vendor, licence, seats, share, cost and
/// where it is (`detail`: the item's number, jurisdiction, zone and hosting).
fn function_rows(o: &mut String, r: &DependencyReport, lang: Lang) {
    for f in &r.functions {
        let id = f.function.as_str();
        Row {
            section: "function",
            id,
            label: f.label.get(lang),
            function: id,
            status: status_code(f.status),
            share: f.free_share.to_string(),
            extra_eu: boolean(f.extra_eu),
            ..Row::default()
        }
        .write(o);
        for i in &f.items {
            let mut detail = vec![format!("item={}", i.index)];
            if let Some(j) = &i.jurisdiction {
                detail.push(format!("jurisdiction={j}"));
            }
            detail.push(format!("zone={}", zone_code(i.zone)));
            if let Some(h) = i.hosting {
                detail.push(format!("hosting={}", hosting_code(h)));
            }
            Row {
                section: "item",
                id: i.product.as_deref().unwrap_or(""),
                label: &i.name,
                function: id,
                vendor: &i.vendor,
                status: free_code(i.free),
                seats: opt(i.seats),
                share: i.share.to_string(),
                yearly_cost: opt(i.yearly_cost),
                extra_eu: boolean(i.extra_eu),
                detail: detail.join(";"),
                ..Row::default()
            }
            .write(o);
        }
    }
}

/// Each vendor: licence, seats, cost, and its number of functions in `value`.
fn vendor_rows(o: &mut String, r: &DependencyReport) {
    for v in &r.vendors {
        Row {
            section: "vendor",
            label: &v.vendor,
            vendor: &v.vendor,
            status: free_code(v.free),
            seats: v.seats.to_string(),
            yearly_cost: v.yearly_cost.to_string(),
            value: v.functions.to_string(),
            unit: "functions",
            detail: format!("zone={}", zone_code(v.zone)),
            ..Row::default()
        }
        .write(o);
    }
}

/// Each scenario's cost year by year, then each scenario's total and gap over stable prices.
fn projection_rows(o: &mut String, r: &DependencyReport, lang: Lang) {
    for p in &r.projections {
        for (y, cost) in p.years.iter().enumerate() {
            Row {
                section: "projection",
                id: &p.id,
                label: p.label.get(lang),
                yearly_cost: cost.to_string(),
                value: y.to_string(),
                unit: "year",
                ..Row::default()
            }
            .write(o);
        }
    }
    for p in &r.projections {
        Row {
            section: "projection_total",
            id: &p.id,
            label: p.label.get(lang),
            value: p.five_year_total.to_string(),
            unit: "EUR",
            detail: format!("increase_over_stable={}", p.increase_over_stable),
            ..Row::default()
        }
        .write(o);
    }
}

/// Each contract end, whether it has passed, and the free alternatives of its product.
fn window_rows(o: &mut String, r: &DependencyReport) {
    for w in &r.migration_windows {
        Row {
            section: "migration_window",
            label: &w.name,
            function: w.function.as_str(),
            status: match w.expired {
                Some(true) => "expired",
                Some(false) => "upcoming",
                None => "",
            },
            yearly_cost: opt(w.yearly_cost),
            value: w.contract_end.clone(),
            unit: "date",
            detail: format!("item={};alternatives={}", w.index, w.alternatives.join(" ")),
            ..Row::default()
        }
        .write(o);
    }
}

/// Each free alternative of a proprietary product, or one row for a product without one.
fn replacement_rows(o: &mut String, r: &DependencyReport) {
    for x in &r.replacements {
        let replaces = format!("replaces={};item={}", x.name, x.index);
        if x.alternatives.is_empty() {
            Row {
                section: "replacement",
                function: x.function.as_str(),
                detail: replaces.clone(),
                ..Row::default()
            }
            .write(o);
        }
        for a in &x.alternatives {
            let mut detail = vec![replaces.clone()];
            if let Some(l) = &a.licence {
                detail.push(format!("licence={l}"));
            }
            if let Some(id) = a.sill_id {
                detail.push(format!("sill={id}"));
            }
            if let Some(id) = a.comptoir_id {
                detail.push(format!("comptoir={id}"));
            }
            if let Some(w) = &a.website {
                detail.push(format!("website={w}"));
            }
            Row {
                section: "replacement",
                id: &a.id,
                label: &a.name,
                function: x.function.as_str(),
                vendor: &a.vendor,
                status: "free",
                detail: detail.join(";"),
                ..Row::default()
            }
            .write(o);
        }
    }
}

/// Each diagnostic: its code, message, severity and place in the inventory.
fn diagnostic_rows(o: &mut String, r: &DependencyReport, lang: Lang) {
    for d in &r.diagnostics {
        Row {
            section: "diagnostic",
            id: &d.code,
            label: d.message.get(lang),
            status: severity_code(d.severity),
            detail: d.pointer.clone(),
            ..Row::default()
        }
        .write(o);
    }
}
