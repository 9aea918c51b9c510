//! The computation of the dependency report from an inventory and the catalogue.

use super::{
    AlternativeView, Catalogue, Concentration, CostProjection, DependencyReport, DepsOptions, DepsSummary, Exposure,
    Function, FunctionStatus, FunctionView, Hosting, Inventory, ItemView, MigrationWindow, Product, Replacement,
    Scenario, Shock, VendorView, Zone, DEPS_FORMAT,
};
use crate::profile::Profile;
use crate::report::{Diagnostic, Severity};
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
    let mut diags = inventory.read_diagnostics.clone();
    let workstations = inventory.profile.workstations;
    // Resolve every item against the catalogue.
    struct R {
        view: ItemView,
        function: Function,
        share_given: Option<u32>,
        cost_cents: u64,
        contract_end: Option<String>,
    }
    let mut resolved: Vec<R> = Vec::new();
    for (i, item) in inventory.items.iter().enumerate() {
        let pointer = format!("/items/{i}");
        let Some(function) = item.function else {
            if (!item.extra.is_empty() || item.product.is_some() || item.name.is_some())
                && !diags.iter().any(|d| d.pointer == pointer)
            {
                diags.push(Diagnostic::new(
                    Severity::Error,
                    "item_without_function",
                    &pointer,
                    None,
                    format!("ligne {} sans fonction : ignorée", i + 1),
                    format!("line {} has no function: ignored", i + 1),
                ));
            }
            continue;
        };
        let product = item.product.as_deref().and_then(|id| catalogue.product(id));
        if let (Some(id), None) = (&item.product, product) {
            diags.push(Diagnostic::new(
                Severity::Warning,
                "unknown_product",
                &format!("{pointer}/product"),
                None,
                format!("produit « {id} » absent du catalogue : décrivez-le (nom, éditeur, libre ou non, pays)"),
                format!("product \"{id}\" is not in the catalogue: describe it (name, vendor, free or not, country)"),
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
        let free = match (product, item.free) {
            (Some(p), _) => p.free,
            (None, Some(f)) => f,
            (None, None) => {
                diags.push(Diagnostic::new(
                    Severity::Warning,
                    "free_unknown",
                    &pointer,
                    None,
                    format!("« {name} » : libre ou non ? compté comme propriétaire"),
                    format!("\"{name}\": free or not? counted as proprietary"),
                ));
                false
            }
        };
        let jurisdiction = product
            .map(|p| p.jurisdiction.clone())
            .or_else(|| item.jurisdiction.clone());
        let zone = jurisdiction.as_deref().map_or(Zone::Unknown, Zone::of);
        let share_given = item
            .share
            .filter(|s| s.is_finite() && (0.0..=100.0).contains(s))
            .map(|s| fixed(s, 10) as u32);
        if item.share.is_some() && share_given.is_none() {
            diags.push(Diagnostic::new(
                Severity::Error,
                "out_of_range",
                &format!("{pointer}/share"),
                None,
                "part hors de 0–100 % : ignorée".into(),
                "share outside 0–100 %: ignored".into(),
            ));
        }
        let seats_given = item.seats.filter(|&s| s <= MAX_SEATS);
        if item.seats.is_some() && seats_given.is_none() {
            diags.push(Diagnostic::new(
                Severity::Error,
                "out_of_range",
                &format!("{pointer}/seats"),
                None,
                format!("plus de {MAX_SEATS} postes : ignoré"),
                format!("more than {MAX_SEATS} seats: ignored"),
            ));
        }
        let seats = seats_given.or_else(|| match (share_given, workstations) {
            (Some(s), Some(w)) => u64::try_from((u128::from(s) * u128::from(w) + 500) / 1000).ok(),
            _ => None,
        });
        let cost_cents = item.yearly_cost.map_or(0, to_cents);
        let extra_eu = item.hosting == Some(Hosting::ExtraEuCloud) || (!free && zone == Zone::ExtraEu);
        resolved.push(R {
            view: ItemView {
                index: i as u32,
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
        });
    }

    // Functions.
    let mut functions = Vec::new();
    for f in Function::ALL {
        let members: Vec<usize> = (0..resolved.len()).filter(|&k| resolved[k].function == f).collect();
        if members.is_empty() {
            continue;
        }
        // Shares on one basis for the whole function: seats, else given shares, else counts.
        let weights: Vec<u64> = if members.iter().all(|&k| resolved[k].view.seats.is_some())
            && members.iter().any(|&k| resolved[k].view.seats > Some(0))
        {
            members.iter().map(|&k| resolved[k].view.seats.unwrap_or(0)).collect()
        } else if members.iter().all(|&k| resolved[k].share_given.is_some())
            && members.iter().any(|&k| resolved[k].share_given > Some(0))
        {
            members
                .iter()
                .map(|&k| u64::from(resolved[k].share_given.unwrap_or(0)))
                .collect()
        } else {
            vec![1; members.len()]
        };
        let total = saturating_sum(weights.iter().copied());
        let free_w = saturating_sum(
            members
                .iter()
                .zip(&weights)
                .filter(|(&k, _)| resolved[k].view.free)
                .map(|(_, w)| *w),
        );
        for (&k, &w) in members.iter().zip(&weights) {
            resolved[k].view.share = per_mille(w, total);
        }
        let free_items = members.iter().filter(|&&k| resolved[k].view.free).count();
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
            free_share: per_mille(free_w, total),
            extra_eu: members.iter().any(|&k| resolved[k].view.extra_eu),
            items: members.iter().map(|&k| resolved[k].view.clone()).collect(),
        });
    }

    let count = |s: FunctionStatus| functions.iter().filter(|f| f.status == s).count() as u32;
    let listed = functions.len() as u32;
    let seats_total = saturating_sum(resolved.iter().filter_map(|r| r.view.seats));
    let seats_free = saturating_sum(resolved.iter().filter(|r| r.view.free).filter_map(|r| r.view.seats));
    let cost_total = saturating_sum(resolved.iter().map(|r| r.cost_cents));
    let summary = DepsSummary {
        functions_listed: listed,
        functions_free: count(FunctionStatus::Free),
        functions_mixed: count(FunctionStatus::Mixed),
        functions_proprietary: count(FunctionStatus::Proprietary),
        free_function_share: per_mille(u64::from(count(FunctionStatus::Free)), u64::from(listed)),
        seats_total,
        seats_free,
        free_seat_share: (seats_total > 0).then(|| per_mille(seats_free, seats_total)),
        yearly_cost: euros(cost_total),
    };
    let prop = || resolved.iter().filter(|r| !r.view.free);
    let exposed = || resolved.iter().filter(|r| r.view.extra_eu);
    let exposure = Exposure {
        proprietary_functions: functions.iter().filter(|f| f.status != FunctionStatus::Free).count() as u32,
        proprietary_seats: saturating_sum(prop().filter_map(|r| r.view.seats)),
        proprietary_cost: euros(saturating_sum(prop().map(|r| r.cost_cents))),
        extra_eu_functions: functions.iter().filter(|f| f.extra_eu).count() as u32,
        extra_eu_seats: saturating_sum(exposed().filter_map(|r| r.view.seats)),
        extra_eu_cost: euros(saturating_sum(exposed().map(|r| r.cost_cents))),
    };

    // Vendors.
    let mut by_vendor: BTreeMap<&str, (Zone, bool, Vec<Function>, u64, u64)> = BTreeMap::new();
    for r in &resolved {
        let e = by_vendor
            .entry(r.view.vendor.as_str())
            .or_insert((r.view.zone, true, Vec::new(), 0, 0));
        e.1 &= r.view.free;
        if !e.2.contains(&r.function) {
            e.2.push(r.function);
        }
        e.3 = e.3.saturating_add(r.view.seats.unwrap_or(0));
        e.4 = e.4.saturating_add(r.cost_cents);
    }
    let mut vendors: Vec<VendorView> = by_vendor
        .into_iter()
        .map(|(v, (zone, free, fs, seats, cost))| VendorView {
            vendor: v.to_owned(),
            zone,
            free,
            functions: fs.len() as u32,
            seats,
            yearly_cost: euros(cost),
        })
        .collect();
    crate::sort::sort_by(&mut vendors, |a, b| {
        b.seats
            .cmp(&a.seats)
            .then(b.yearly_cost.cmp(&a.yearly_cost))
            .then(b.functions.cmp(&a.functions))
            .then(a.vendor.cmp(&b.vendor))
    });

    // Concentration of proprietary dependencies.
    let prop_vendors: Vec<&VendorView> = vendors.iter().filter(|v| !v.free).collect();
    let hhi = |values: Vec<u64>| -> u32 {
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
    };
    let top = prop_vendors.iter().max_by(|a, b| {
        a.seats
            .cmp(&b.seats)
            .then(a.functions.cmp(&b.functions))
            .then(b.vendor.cmp(&a.vendor))
    });
    let concentration = Concentration {
        hhi_seats: hhi(prop_vendors.iter().map(|v| v.seats).collect()),
        hhi_functions: hhi(prop_vendors.iter().map(|v| u64::from(v.functions)).collect()),
        top_vendor: top.map(|v| v.vendor.clone()),
        top_vendor_functions: top.map_or(0, |v| v.functions),
        top_vendor_seats: top.map_or(0, |v| v.seats),
    };

    // Cost projections: scenarios raise proprietary costs; free software support stays flat.
    // The inventory's own scenarios, else the catalogue's presets (named in both languages).
    let scenarios: Vec<(&str, Text, f64, Option<&Shock>)> = if inventory.scenarios.is_empty() {
        catalogue
            .file()
            .scenarios
            .iter()
            .map(|s| {
                (
                    s.id.as_str(),
                    s.label.clone(),
                    s.yearly_increase_percent,
                    s.shock.as_ref(),
                )
            })
            .collect()
    } else {
        let own = |s: &Scenario| s.label.clone().unwrap_or_else(|| s.id.clone());
        inventory
            .scenarios
            .iter()
            .map(|s| {
                (
                    s.id.as_str(),
                    Text::new(own(s), own(s)),
                    s.yearly_increase_percent,
                    s.shock.as_ref(),
                )
            })
            .collect()
    };
    let projections = scenarios
        .into_iter()
        .map(|(id, label, rate, shock)| {
            let bp = fixed(rate.clamp(-100.0, 1000.0), 100);
            let mut costs: Vec<u64> = resolved.iter().map(|r| r.cost_cents).collect();
            let mut years = vec![euros(saturating_sum(costs.iter().copied()))];
            for year in 1..=5u32 {
                for (k, r) in resolved.iter().enumerate() {
                    if r.view.free {
                        continue;
                    }
                    let c = i128::from(costs[k]);
                    let mut next = (c * i128::from(10_000 + bp) + 5_000) / 10_000;
                    if let Some(shock) = shock {
                        let hit = if shock.products.is_empty() && shock.functions.is_empty() {
                            true
                        } else {
                            r.view.product.as_ref().is_some_and(|p| shock.products.contains(p))
                                || shock.functions.contains(&r.function)
                        };
                        if hit && shock.year == year {
                            let milli = i128::from(fixed(shock.factor.clamp(0.0, 100.0), 1000));
                            next = (next * milli + 500) / 1000;
                        }
                    }
                    costs[k] = u64::try_from(next.max(0)).unwrap_or(u64::MAX);
                }
                years.push(euros(saturating_sum(costs.iter().copied())));
            }
            let five = saturating_sum(years[1..].iter().copied());
            CostProjection {
                id: id.to_owned(),
                label,
                increase_over_stable: i64::try_from(i128::from(five) - 5 * i128::from(years[0]))
                    .unwrap_or(if five > years[0] { i64::MAX } else { i64::MIN }),
                five_year_total: five,
                years,
            }
        })
        .collect();

    // Alternatives and migration windows. A product that serves several functions (a suite of
    // office, mail, chat and video) lists alternatives for each: a line proposes those that serve
    // its own function, or else the catalogue's free products of that function.
    let alternatives_of = |r: &R| -> Vec<&Product> {
        if r.view.free {
            return Vec::new();
        }
        let listed: Vec<&Product> = r
            .view
            .product
            .as_deref()
            .and_then(|id| catalogue.product(id))
            .map(|p| {
                p.alternatives
                    .iter()
                    .filter_map(|a| catalogue.product(a))
                    .filter(|a| a.functions.contains(&r.function))
                    .collect()
            })
            .unwrap_or_default();
        if listed.is_empty() {
            catalogue.serving(r.function).filter(|p| p.free).take(5).collect()
        } else {
            listed
        }
    };
    let replacements = resolved
        .iter()
        .filter(|r| !r.view.free)
        .map(|r| Replacement {
            index: r.view.index,
            function: r.function,
            name: r.view.name.clone(),
            alternatives: alternatives_of(r)
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
        .collect();
    let mut migration_windows: Vec<MigrationWindow> = resolved
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
                alternatives: alternatives_of(r).into_iter().map(|p| p.id.clone()).collect(),
            })
        })
        .collect();
    crate::sort::sort_by(&mut migration_windows, |a, b| {
        a.contract_end.cmp(&b.contract_end).then(a.index.cmp(&b.index))
    });

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
        summary,
        exposure,
        concentration,
        functions,
        vendors,
        projections,
        migration_windows,
        replacements,
        diagnostics: diags,
    }
}
