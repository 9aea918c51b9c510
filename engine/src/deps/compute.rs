//! The computation of the dependency report from an inventory and the catalogue.

use super::{
    AlternativeView, Catalogue, Concentration, CostProjection, DependencyReport, DepsOptions, DepsSummary, Exposure,
    Function, FunctionStatus, FunctionView, Hosting, Inventory, Item, ItemView, MigrationWindow, Product, Replacement,
    Scenario, ScenarioSource, Shock, VendorView, Zone, DEPS_FORMAT,
};
use crate::diagnostic::DiagnosticKind;
use crate::profile::Profile;
use crate::report::Diagnostic;
use crate::text::Text;
use serde_json::Map;
use std::collections::BTreeMap;

fn euros(cents: u64) -> u64 {
    cents.saturating_add(50) / 100
}

/// `x × scale`, rounded half away from zero: the one place where numbers typed by people (a
/// percentage, a factor, euros) become the fixed-point integers every figure is computed with.
/// IEEE 754 multiplication and rounding give the same result on every platform, wasm included.
#[allow(clippy::float_arithmetic)]
pub(super) fn fixed(x: f64, scale: u32) -> i64 {
    if x.is_finite() {
        (x * f64::from(scale)).round().clamp(-1e17, 1e17) as i64
    } else {
        0
    }
}

fn to_cents(eur: f64) -> u64 {
    u64::try_from(fixed(eur, 100)).unwrap_or(0)
}

/// The most seats one inventory line may count: more than any French employer has workstations.
/// Above it the figure is a typing slip, ignored with a diagnostic, and every sum stays in range.
pub const MAX_SEATS: u64 = 10_000_000;

/// A sum of counts or cents that stops at `u64::MAX` instead of wrapping (or panicking in debug
/// builds) on absurd input.
fn saturating_sum(values: impl Iterator<Item = u64>) -> u64 {
    values.fold(0, u64::saturating_add)
}

fn per_mille(part: u64, whole: u64) -> u32 {
    if whole == 0 {
        0
    } else {
        (u128::from(part.min(whole)) * 1000 / u128::from(whole)) as u32
    }
}
/// Builds the dependency report of an inventory.
pub fn dependency_report(catalogue: &Catalogue, inventory: &Inventory, options: &DepsOptions) -> DependencyReport {
    let mut diagnostics = inventory.read_diagnostics.clone();
    let mut lines = resolve_lines(catalogue, inventory, &mut diagnostics);
    let functions = group_by_function(catalogue, &mut lines);
    let vendors = vendors(&lines);
    let scenarios = cost_scenarios(catalogue, inventory);
    DependencyReport {
        format: DEPS_FORMAT,
        kind: "dependency_report".into(),
        engine: crate::VERSION.into(),
        catalogue_version: catalogue.file().version.clone(),
        profile: Profile {
            extra: Map::new(),
            ..inventory.profile.clone()
        },
        disclaimer: catalogue.file().disclaimer.clone(),
        summary: summary(&lines, &functions),
        exposure: exposure(&lines, &functions),
        concentration: concentration(&vendors),
        projections: scenarios.iter().map(|s| cost_projection(s, &lines)).collect(),
        migration_windows: migration_windows(catalogue, &lines, options),
        replacements: replacements(catalogue, &lines),
        functions,
        vendors,
        diagnostics,
    }
}

/// An inventory line resolved against the catalogue: what the report shows of it, and what the
/// later steps need that the report does not show.
struct Line {
    view: ItemView,
    function: Function,
    /// The share of its function the inventory gives, out of 1000.
    share_given: Option<u32>,
    /// The yearly cost, exact to the cent (the view rounds it to euros).
    cost_cents: u64,
    contract_end: Option<String>,
}

/// Resolves every inventory line that names a function; the others are left out, with a
/// diagnostic unless they are empty.
fn resolve_lines(catalogue: &Catalogue, inventory: &Inventory, diags: &mut Vec<Diagnostic>) -> Vec<Line> {
    let workstations = inventory.profile.workstations;
    let mut lines = Vec::new();
    for (i, item) in inventory.items.iter().enumerate() {
        let pointer = format!("/items/{i}");
        let Some(function) = item.function else {
            if (!item.extra.is_empty() || item.product.is_some() || item.name.is_some())
                && !diags.iter().any(|d| d.pointer == pointer)
            {
                diags.push(Diagnostic::new(
                    DiagnosticKind::ItemWithoutFunction { line: i },
                    &pointer,
                ));
            }
            continue;
        };
        lines.push(resolve_line(
            catalogue,
            item,
            i,
            function,
            workstations,
            &pointer,
            diags,
        ));
    }
    lines
}

/// One inventory line read against the catalogue: the catalogue's facts where it knows the
/// product, the line's own otherwise, and the seats from the share when only the share is given.
fn resolve_line(
    catalogue: &Catalogue,
    item: &Item,
    index: usize,
    function: Function,
    workstations: Option<u64>,
    pointer: &str,
    diags: &mut Vec<Diagnostic>,
) -> Line {
    let product = item.product.as_deref().and_then(|id| catalogue.product(id));
    if let (Some(id), None) = (&item.product, product) {
        diags.push(Diagnostic::new(
            DiagnosticKind::UnknownProduct { product: id },
            &format!("{pointer}/product"),
        ));
    }
    let name = product
        .map(|p| p.name.clone())
        .or_else(|| item.name.clone())
        .or_else(|| item.product.clone())
        .unwrap_or_else(|| "?".into());
    let vendor = product
        .map(|p| p.vendor.clone())
        .or_else(|| item.vendor.clone())
        .unwrap_or_else(|| name.clone());
    let free = is_free(product, item, &name, pointer, diags);
    let jurisdiction = product
        .map(|p| p.jurisdiction.clone())
        .or_else(|| item.jurisdiction.clone());
    let zone = jurisdiction.as_deref().map_or(Zone::Unknown, Zone::of);
    let share_given = share_in_range(item, pointer, diags);
    let seats = seats_in_range(item, pointer, diags).or_else(|| match (share_given, workstations) {
        (Some(s), Some(w)) => u64::try_from((u128::from(s) * u128::from(w) + 500) / 1000).ok(),
        _ => None,
    });
    let cost_cents = item.yearly_cost.map_or(0, to_cents);
    let extra_eu = item.hosting == Some(Hosting::ExtraEuCloud) || (!free && zone == Zone::ExtraEu);
    Line {
        view: ItemView {
            index: index as u32,
            product: product.map(|p| p.id.clone()),
            name,
            vendor,
            free,
            jurisdiction,
            zone,
            seats,
            share: 0,
            yearly_cost: item.yearly_cost.map(|_| euros(cost_cents)),
            hosting: item.hosting,
            extra_eu,
        },
        function,
        share_given,
        cost_cents,
        contract_end: item.contract_end.clone(),
    }
}

/// Whether a line is free software: the catalogue says, else the line; when neither does, it
/// counts as proprietary, with a warning.
fn is_free(product: Option<&Product>, item: &Item, name: &str, pointer: &str, diags: &mut Vec<Diagnostic>) -> bool {
    match (product, item.free) {
        (Some(p), _) => p.free,
        (None, Some(f)) => f,
        (None, None) => {
            diags.push(Diagnostic::new(DiagnosticKind::FreeUnknown { name }, pointer));
            false
        }
    }
}

/// The share a line gives, out of 1000, if it lies within 0–100 %; outside, it is ignored with
/// an error.
fn share_in_range(item: &Item, pointer: &str, diags: &mut Vec<Diagnostic>) -> Option<u32> {
    let share = item
        .share
        .filter(|s| s.is_finite() && (0.0..=100.0).contains(s))
        .map(|s| fixed(s, 10) as u32);
    if item.share.is_some() && share.is_none() {
        diags.push(Diagnostic::new(
            DiagnosticKind::ShareOutOfRange,
            &format!("{pointer}/share"),
        ));
    }
    share
}

/// The seats a line gives, if at most [`MAX_SEATS`]; above, they are ignored with an error.
fn seats_in_range(item: &Item, pointer: &str, diags: &mut Vec<Diagnostic>) -> Option<u64> {
    let seats = item.seats.filter(|&s| s <= MAX_SEATS);
    if item.seats.is_some() && seats.is_none() {
        diags.push(Diagnostic::new(
            DiagnosticKind::SeatsOutOfRange { max: MAX_SEATS },
            &format!("{pointer}/seats"),
        ));
    }
    seats
}

/// Groups the lines by function, in [`Function::ALL`] order, and writes into each line's view
/// its share of its function.
fn group_by_function(catalogue: &Catalogue, lines: &mut [Line]) -> Vec<FunctionView> {
    let mut functions = Vec::new();
    for f in Function::ALL {
        let members: Vec<usize> = (0..lines.len()).filter(|&k| lines[k].function == f).collect();
        if members.is_empty() {
            continue;
        }
        let weights = share_weights(lines, &members);
        let total = saturating_sum(weights.iter().copied());
        let free_weight = saturating_sum(
            members
                .iter()
                .zip(&weights)
                .filter(|(&k, _)| lines[k].view.free)
                .map(|(_, w)| *w),
        );
        for (&k, &w) in members.iter().zip(&weights) {
            lines[k].view.share = per_mille(w, total);
        }
        let free_items = members.iter().filter(|&&k| lines[k].view.free).count();
        let status = if free_items == members.len() {
            FunctionStatus::Free
        } else if free_items == 0 {
            FunctionStatus::Proprietary
        } else {
            FunctionStatus::Mixed
        };
        functions.push(FunctionView {
            function: f,
            label: catalogue.label(f).clone(),
            status,
            free_share: per_mille(free_weight, total),
            extra_eu: members.iter().any(|&k| lines[k].view.extra_eu),
            items: members.iter().map(|&k| lines[k].view.clone()).collect(),
        });
    }
    functions
}

/// The weight of each member line in its function, on one basis for the whole function: seats,
/// else given shares, else one per line.
fn share_weights(lines: &[Line], members: &[usize]) -> Vec<u64> {
    if members.iter().all(|&k| lines[k].view.seats.is_some()) && members.iter().any(|&k| lines[k].view.seats > Some(0))
    {
        members.iter().map(|&k| lines[k].view.seats.unwrap_or(0)).collect()
    } else if members.iter().all(|&k| lines[k].share_given.is_some())
        && members.iter().any(|&k| lines[k].share_given > Some(0))
    {
        members
            .iter()
            .map(|&k| u64::from(lines[k].share_given.unwrap_or(0)))
            .collect()
    } else {
        vec![1; members.len()]
    }
}

/// The headline figures: functions by status, free seats, yearly cost.
fn summary(lines: &[Line], functions: &[FunctionView]) -> DepsSummary {
    let count = |s: FunctionStatus| functions.iter().filter(|f| f.status == s).count() as u32;
    let listed = functions.len() as u32;
    let seats_total = saturating_sum(lines.iter().filter_map(|r| r.view.seats));
    let seats_free = saturating_sum(lines.iter().filter(|r| r.view.free).filter_map(|r| r.view.seats));
    let cost_total = saturating_sum(lines.iter().map(|r| r.cost_cents));
    DepsSummary {
        functions_listed: listed,
        functions_free: count(FunctionStatus::Free),
        functions_mixed: count(FunctionStatus::Mixed),
        functions_proprietary: count(FunctionStatus::Proprietary),
        free_function_share: per_mille(u64::from(count(FunctionStatus::Free)), u64::from(listed)),
        seats_total,
        seats_free,
        free_seat_share: (seats_total > 0).then(|| per_mille(seats_free, seats_total)),
        yearly_cost: euros(cost_total),
    }
}

/// What rests on proprietary software, and what on extra-EU vendors or clouds.
fn exposure(lines: &[Line], functions: &[FunctionView]) -> Exposure {
    let prop = || lines.iter().filter(|r| !r.view.free);
    let exposed = || lines.iter().filter(|r| r.view.extra_eu);
    Exposure {
        proprietary_functions: functions.iter().filter(|f| f.status != FunctionStatus::Free).count() as u32,
        proprietary_seats: saturating_sum(prop().filter_map(|r| r.view.seats)),
        proprietary_cost: euros(saturating_sum(prop().map(|r| r.cost_cents))),
        extra_eu_functions: functions.iter().filter(|f| f.extra_eu).count() as u32,
        extra_eu_seats: saturating_sum(exposed().filter_map(|r| r.view.seats)),
        extra_eu_cost: euros(saturating_sum(exposed().map(|r| r.cost_cents))),
    }
}

/// What one vendor's lines add up to, while they are counted.
struct VendorTally {
    zone: Zone,
    /// Every line of the vendor is free software.
    free: bool,
    functions: Vec<Function>,
    seats: u64,
    cost_cents: u64,
}

/// The vendors and their weight, heaviest first (seats, then cost, then functions served).
fn vendors(lines: &[Line]) -> Vec<VendorView> {
    let mut by_vendor: BTreeMap<&str, VendorTally> = BTreeMap::new();
    for r in lines {
        let tally = by_vendor.entry(r.view.vendor.as_str()).or_insert(VendorTally {
            zone: r.view.zone,
            free: true,
            functions: Vec::new(),
            seats: 0,
            cost_cents: 0,
        });
        tally.free &= r.view.free;
        if !tally.functions.contains(&r.function) {
            tally.functions.push(r.function);
        }
        tally.seats = tally.seats.saturating_add(r.view.seats.unwrap_or(0));
        tally.cost_cents = tally.cost_cents.saturating_add(r.cost_cents);
    }
    let mut vendors: Vec<VendorView> = by_vendor
        .into_iter()
        .map(|(vendor, tally)| VendorView {
            vendor: vendor.to_owned(),
            zone: tally.zone,
            free: tally.free,
            functions: tally.functions.len() as u32,
            seats: tally.seats,
            yearly_cost: euros(tally.cost_cents),
        })
        .collect();
    crate::sort::sort_by(&mut vendors, |a, b| {
        b.seats
            .cmp(&a.seats)
            .then(b.yearly_cost.cmp(&a.yearly_cost))
            .then(b.functions.cmp(&a.functions))
            .then(a.vendor.cmp(&b.vendor))
    });
    vendors
}

/// How concentrated the proprietary dependencies are: Herfindahl indexes over seats and over
/// functions, and the vendor that weighs most.
fn concentration(vendors: &[VendorView]) -> Concentration {
    let prop_vendors: Vec<&VendorView> = vendors.iter().filter(|v| !v.free).collect();
    let top = prop_vendors.iter().max_by(|a, b| {
        a.seats
            .cmp(&b.seats)
            .then(a.functions.cmp(&b.functions))
            .then(b.vendor.cmp(&a.vendor))
    });
    Concentration {
        hhi_seats: herfindahl(&prop_vendors.iter().map(|v| v.seats).collect::<Vec<_>>()),
        hhi_functions: herfindahl(&prop_vendors.iter().map(|v| u64::from(v.functions)).collect::<Vec<_>>()),
        top_vendor: top.map(|v| v.vendor.clone()),
        top_vendor_functions: top.map_or(0, |v| v.functions),
        top_vendor_seats: top.map_or(0, |v| v.seats),
    }
}

/// The Herfindahl–Hirschman index of some weights, from 0 to 10,000 (one holder of everything).
fn herfindahl(values: &[u64]) -> u32 {
    let total = saturating_sum(values.iter().copied());
    if total == 0 {
        return 0;
    }
    values
        .iter()
        .map(|&v| {
            let (v, total) = (u128::from(v), u128::from(total));
            // Exact while the square fits; on absurd seat counts, the share first.
            (v * v)
                .checked_mul(10_000)
                .map_or_else(|| v * 10_000 / total * v / total, |x| x / (total * total))
        })
        .sum::<u128>() as u32
}

/// A licence cost scenario as the projection reads it, whether the inventory or the catalogue
/// defines it.
struct CostScenario<'a> {
    id: &'a str,
    label: Text,
    yearly_increase_percent: f64,
    shock: Option<&'a Shock>,
    source: Option<&'a ScenarioSource>,
}

/// The inventory's own scenarios, else the catalogue's presets (named in both languages).
fn cost_scenarios<'a>(catalogue: &'a Catalogue, inventory: &'a Inventory) -> Vec<CostScenario<'a>> {
    if inventory.scenarios.is_empty() {
        catalogue
            .file()
            .scenarios
            .iter()
            .map(|s| CostScenario {
                id: s.id.as_str(),
                label: s.label.clone(),
                yearly_increase_percent: s.yearly_increase_percent,
                shock: s.shock.as_ref(),
                source: s.source.as_ref(),
            })
            .collect()
    } else {
        let own = |s: &Scenario| s.label.clone().unwrap_or_else(|| s.id.clone());
        inventory
            .scenarios
            .iter()
            .map(|s| CostScenario {
                id: s.id.as_str(),
                label: Text::new(own(s), own(s)),
                yearly_increase_percent: s.yearly_increase_percent,
                shock: s.shock.as_ref(),
                source: None,
            })
            .collect()
    }
}

/// The yearly costs over five years under one scenario: it raises proprietary costs (and its
/// shock multiplies some of them once); free software support stays flat.
fn cost_projection(scenario: &CostScenario, lines: &[Line]) -> CostProjection {
    let basis_points = fixed(scenario.yearly_increase_percent.clamp(-100.0, 1000.0), 100);
    let mut costs: Vec<u64> = lines.iter().map(|r| r.cost_cents).collect();
    let mut years = vec![euros(saturating_sum(costs.iter().copied()))];
    for year in 1..=5u32 {
        for (cost, r) in costs.iter_mut().zip(lines) {
            if r.view.free {
                continue;
            }
            let mut next = (i128::from(*cost) * i128::from(10_000 + basis_points) + 5_000) / 10_000;
            if let Some(shock) = scenario.shock.filter(|s| s.year == year && shock_hits(s, r)) {
                let milli = i128::from(fixed(shock.factor.clamp(0.0, 100.0), 1000));
                next = (next * milli + 500) / 1000;
            }
            *cost = u64::try_from(next.max(0)).unwrap_or(u64::MAX);
        }
        years.push(euros(saturating_sum(costs.iter().copied())));
    }
    let five = saturating_sum(years[1..].iter().copied());
    CostProjection {
        id: scenario.id.to_owned(),
        label: scenario.label.clone(),
        increase_over_stable: i64::try_from(i128::from(five) - 5 * i128::from(years[0]))
            .unwrap_or(if five > years[0] { i64::MAX } else { i64::MIN }),
        five_year_total: five,
        years,
        source: scenario.source.cloned(),
    }
}

/// Whether a shock hits a line: a shock that names no product and no function hits every
/// proprietary line.
fn shock_hits(shock: &Shock, line: &Line) -> bool {
    if shock.products.is_empty() && shock.functions.is_empty() {
        true
    } else {
        line.view.product.as_ref().is_some_and(|p| shock.products.contains(p))
            || shock.functions.contains(&line.function)
    }
}

/// The free alternatives of a proprietary line. A product that serves several functions (a
/// suite of office, mail, chat and video) lists alternatives for each: a line proposes those
/// that serve its own function, or else the catalogue's free products of that function.
fn alternatives_of<'c>(catalogue: &'c Catalogue, line: &Line) -> Vec<&'c Product> {
    if line.view.free {
        return Vec::new();
    }
    let listed: Vec<&Product> = line
        .view
        .product
        .as_deref()
        .and_then(|id| catalogue.product(id))
        .map(|p| {
            p.alternatives
                .iter()
                .filter_map(|a| catalogue.product(a))
                .filter(|a| a.functions.contains(&line.function))
                .collect()
        })
        .unwrap_or_default();
    if listed.is_empty() {
        catalogue.serving(line.function).filter(|p| p.free).take(5).collect()
    } else {
        listed
    }
}

/// Every proprietary line with its free alternatives and their references.
fn replacements(catalogue: &Catalogue, lines: &[Line]) -> Vec<Replacement> {
    lines
        .iter()
        .filter(|r| !r.view.free)
        .map(|r| Replacement {
            index: r.view.index,
            function: r.function,
            name: r.view.name.clone(),
            alternatives: alternatives_of(catalogue, r)
                .into_iter()
                .map(|p| AlternativeView {
                    id: p.id.clone(),
                    name: p.name.clone(),
                    vendor: p.vendor.clone(),
                    licence: p.licence.clone(),
                    sill_id: p.sill_id,
                    comptoir_id: p.comptoir_id,
                    website: p.website.clone(),
                })
                .collect(),
        })
        .collect()
}

/// The contract ends, earliest first, each flagged expired when the host gave today's date.
fn migration_windows(catalogue: &Catalogue, lines: &[Line], options: &DepsOptions) -> Vec<MigrationWindow> {
    let mut windows: Vec<MigrationWindow> = lines
        .iter()
        .filter_map(|r| {
            let end = r.contract_end.clone()?;
            Some(MigrationWindow {
                expired: options
                    .today
                    .as_ref()
                    .map(|t| end.as_str() < t.get(..end.len()).unwrap_or(t)),
                contract_end: end,
                function: r.function,
                index: r.view.index,
                name: r.view.name.clone(),
                free: r.view.free,
                yearly_cost: r.view.yearly_cost,
                alternatives: alternatives_of(catalogue, r)
                    .into_iter()
                    .map(|p| p.id.clone())
                    .collect(),
            })
        })
        .collect();
    crate::sort::sort_by(&mut windows, |a, b| {
        a.contract_end.cmp(&b.contract_end).then(a.index.cmp(&b.index))
    });
    windows
}
