//! The dependency report's types, as serialised in its JSON.

use super::{Function, Hosting, Zone};
use crate::profile::Profile;
use crate::report::Diagnostic;
use crate::text::{Lang, Text};
use serde::{Deserialize, Serialize};

/// Options of a dependency evaluation.
#[derive(Clone, Debug, Default)]
pub struct DepsOptions {
    /// Today's date (YYYY-MM-DD), given by the host, to flag expired contracts. The engine reads
    /// no clock.
    pub today: Option<String>,
}

/// What a function rests on.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FunctionStatus {
    /// Every item is free software.
    Free,
    /// Free and proprietary items side by side.
    Mixed,
    /// No free item.
    Proprietary,
}

/// One inventory item, resolved against the catalogue.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ItemView {
    /// Position in the inventory.
    pub index: u32,
    /// Catalogue id, when the product is in the catalogue.
    pub product: Option<String>,
    /// Name.
    pub name: String,
    /// Vendor.
    pub vendor: String,
    /// Free software (unknown counts as proprietary).
    pub free: bool,
    /// Vendor's country, if known.
    pub jurisdiction: Option<String>,
    /// Vendor's zone.
    pub zone: Zone,
    /// Seats (given, or share × workstations).
    pub seats: Option<u64>,
    /// Share of the function, out of 1000, on the same basis as the function's free share.
    pub share: u32,
    /// Yearly cost, euros.
    pub yearly_cost: Option<u64>,
    /// Hosting.
    pub hosting: Option<Hosting>,
    /// Exposed to an extra-EU jurisdiction: proprietary from an extra-EU vendor, or hosted in an
    /// extra-EU cloud.
    pub extra_eu: bool,
}

/// One function of the inventory.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FunctionView {
    /// The function.
    pub function: Function,
    /// Its name.
    pub label: Text,
    /// Free, mixed or proprietary.
    pub status: FunctionStatus,
    /// Share on free software, out of 1000 (by seats when every item has seats, else by the
    /// shares given, else by number of items).
    pub free_share: u32,
    /// Some item is exposed to an extra-EU jurisdiction.
    pub extra_eu: bool,
    /// The items.
    pub items: Vec<ItemView>,
}

/// Headline figures.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DepsSummary {
    /// Functions with at least one item.
    pub functions_listed: u32,
    /// Functions entirely on free software.
    pub functions_free: u32,
    /// Functions mixing free and proprietary.
    pub functions_mixed: u32,
    /// Functions without free software.
    pub functions_proprietary: u32,
    /// functions_free / functions_listed, out of 1000.
    pub free_function_share: u32,
    /// Seats known, all items.
    pub seats_total: u64,
    /// Seats on free software.
    pub seats_free: u64,
    /// seats_free / seats_total, out of 1000.
    pub free_seat_share: Option<u32>,
    /// Yearly cost of every item with a cost, euros.
    pub yearly_cost: u64,
}

/// Exposure figures: each can only fall when a proprietary item is replaced by a free one.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Exposure {
    /// Functions with a proprietary item.
    pub proprietary_functions: u32,
    /// Seats on proprietary items.
    pub proprietary_seats: u64,
    /// Yearly cost of proprietary items, euros.
    pub proprietary_cost: u64,
    /// Functions with an item exposed to an extra-EU jurisdiction.
    pub extra_eu_functions: u32,
    /// Seats on exposed items.
    pub extra_eu_seats: u64,
    /// Yearly cost of exposed items, euros.
    pub extra_eu_cost: u64,
}

/// One vendor's weight.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct VendorView {
    /// Vendor.
    pub vendor: String,
    /// Its zone.
    pub zone: Zone,
    /// Whether every product of it in the inventory is free software.
    pub free: bool,
    /// Functions it serves here.
    pub functions: u32,
    /// Seats on its products.
    pub seats: u64,
    /// Yearly cost, euros.
    pub yearly_cost: u64,
}

/// How concentrated the proprietary dependencies are.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Concentration {
    /// Herfindahl–Hirschman index of proprietary seats by vendor, 0 to 10,000 (above 2,500 is
    /// highly concentrated).
    pub hhi_seats: u32,
    /// The same on proprietary functions.
    pub hhi_functions: u32,
    /// The proprietary vendor with the most seats.
    pub top_vendor: Option<String>,
    /// Its functions.
    pub top_vendor_functions: u32,
    /// Its seats.
    pub top_vendor_seats: u64,
}

/// Licence costs over five years under one scenario.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CostProjection {
    /// Scenario id.
    pub id: String,
    /// Scenario label: the catalogue's preset names, or the inventory's own label (the same
    /// words in both languages).
    pub label: Text,
    /// Total yearly cost, euros, from this year (index 0) to year 5.
    pub years: Vec<u64>,
    /// Sum of years 1 to 5.
    pub five_year_total: u64,
    /// Five-year total minus five times this year's cost.
    pub increase_over_stable: i64,
    /// The public source of the scenario's figure: the catalogue's presets have one (but the
    /// constant-price baseline); an inventory's own scenarios have none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<super::ScenarioSource>,
}

/// A contract end: the moment to migrate without paying a renewal.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MigrationWindow {
    /// End date as written (YYYY-MM or YYYY-MM-DD).
    pub contract_end: String,
    /// Before the host's "today", when it gave one.
    pub expired: Option<bool>,
    /// Function.
    pub function: Function,
    /// Item position.
    pub index: u32,
    /// Product name.
    pub name: String,
    /// Free software.
    pub free: bool,
    /// Yearly cost, euros.
    pub yearly_cost: Option<u64>,
    /// Free alternatives (catalogue ids).
    pub alternatives: Vec<String>,
}

/// A licence as people read it: the catalogue's own `LicenseRef-…` ids and `proprietary` by
/// their meaning, SPDX ids (`AGPL-3.0-only`, `MIT`…) as they are, which is how licences are named.
pub fn licence_name(id: &str, lang: Lang) -> String {
    let say = |fr: &str, en: &str| if lang == Lang::Fr { fr } else { en }.to_owned();
    match id {
        "proprietary" => say("propriétaire", "proprietary"),
        "LicenseRef-FOSS-distribution" => say(
            "distribution libre, sous plusieurs licences libres",
            "free distribution, under several free licences",
        ),
        _ => match id.strip_prefix("LicenseRef-") {
            Some(rest) => rest.replace('-', " "),
            None => id.to_owned(),
        },
    }
}

/// A free alternative with its references.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AlternativeView {
    /// Catalogue id.
    pub id: String,
    /// Name.
    pub name: String,
    /// Vendor or steward.
    pub vendor: String,
    /// SPDX licence.
    pub licence: Option<String>,
    /// SILL id.
    pub sill_id: Option<u64>,
    /// Comptoir du Libre id.
    pub comptoir_id: Option<u64>,
    /// Website.
    pub website: Option<String>,
}

/// The free alternatives of one proprietary item.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Replacement {
    /// Item position.
    pub index: u32,
    /// Function.
    pub function: Function,
    /// The proprietary product.
    pub name: String,
    /// Alternatives, catalogue order.
    pub alternatives: Vec<AlternativeView>,
}

/// The dependency report.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DependencyReport {
    /// Format version.
    pub format: u32,
    /// Always "dependency_report".
    pub kind: String,
    /// Engine version.
    pub engine: String,
    /// Catalogue version.
    pub catalogue_version: String,
    /// Who.
    pub profile: Profile,
    /// Cost projections are scenarios, not forecasts.
    pub disclaimer: Text,
    /// Headline figures.
    pub summary: DepsSummary,
    /// Exposure figures.
    pub exposure: Exposure,
    /// Concentration of proprietary dependencies.
    pub concentration: Concentration,
    /// Per function, in the catalogue's function order.
    pub functions: Vec<FunctionView>,
    /// Per vendor, most seats first.
    pub vendors: Vec<VendorView>,
    /// Cost projections.
    pub projections: Vec<CostProjection>,
    /// Contract ends, earliest first.
    pub migration_windows: Vec<MigrationWindow>,
    /// Free alternatives of every proprietary item.
    pub replacements: Vec<Replacement>,
    /// Problems in the inventory.
    pub diagnostics: Vec<Diagnostic>,
}

impl DependencyReport {
    /// The name of a function of this report in `lang` (its snake_case id if the report does
    /// not list it).
    pub fn function_label(&self, f: Function, lang: Lang) -> &str {
        self.functions
            .iter()
            .find(|v| v.function == f)
            .map_or(f.as_str(), |v| v.label.get(lang))
    }

    /// Indented JSON.
    pub fn to_json_pretty(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }
}
