//! One dependency map as a row of a territory table (`tnl batch`, the app's territory exports):
//! its columns, its cells and its JSON object. Column ids are machine keys, not labels.

use crate::deps::DependencyReport;

/// Column names of a dependency summary, for territory tables (`tnl batch`): `functions_listed,
/// free_function_share,free_seat_share,yearly_cost,proprietary_cost,extra_eu_functions,
/// extra_eu_cost,hhi_seats,top_vendor,next_contract_end`. Shares are out of 1000, money in euros.
pub fn deps_summary_header() -> Vec<String> {
    DEPS_SUMMARY_COLUMNS.iter().map(|c| (*c).to_owned()).collect()
}

/// How many columns [`deps_summary_header`] has.
pub const DEPS_SUMMARY_WIDTH: usize = DEPS_SUMMARY_COLUMNS.len();

const DEPS_SUMMARY_COLUMNS: [&str; 10] = [
    "functions_listed",
    "free_function_share",
    "free_seat_share",
    "yearly_cost",
    "proprietary_cost",
    "extra_eu_functions",
    "extra_eu_cost",
    "hhi_seats",
    "top_vendor",
    "next_contract_end",
];

/// The cells of one dependency report, matching [`deps_summary_header`]. `next_contract_end` is
/// the first migration window (the earliest contract end), passed or not.
pub fn deps_summary_row(r: &DependencyReport) -> Vec<String> {
    let s = &r.summary;
    vec![
        s.functions_listed.to_string(),
        s.free_function_share.to_string(),
        s.free_seat_share.map(|x| x.to_string()).unwrap_or_default(),
        s.yearly_cost.to_string(),
        r.exposure.proprietary_cost.to_string(),
        r.exposure.extra_eu_functions.to_string(),
        r.exposure.extra_eu_cost.to_string(),
        r.concentration.hhi_seats.to_string(),
        r.concentration.top_vendor.clone().unwrap_or_default(),
        r.migration_windows
            .first()
            .map(|w| w.contract_end.clone())
            .unwrap_or_default(),
    ]
}

/// One dependency report as a JSON object for JSON Lines: `name`, `kind`, `population`, then
/// the columns of [`deps_summary_header`] (numbers as numbers, missing values as null).
pub fn deps_summary_json(r: &DependencyReport) -> serde_json::Value {
    use serde_json::Value;
    let s = &r.summary;
    let mut m = serde_json::Map::new();
    m.insert("name".into(), Value::from(r.profile.name.as_str()));
    m.insert(
        "kind".into(),
        r.profile.kind.map_or(Value::Null, |k| Value::from(k.as_str())),
    );
    m.insert(
        "population".into(),
        r.profile.population.map_or(Value::Null, Value::from),
    );
    let values = [
        Value::from(s.functions_listed),
        Value::from(s.free_function_share),
        s.free_seat_share.map_or(Value::Null, Value::from),
        Value::from(s.yearly_cost),
        Value::from(r.exposure.proprietary_cost),
        Value::from(r.exposure.extra_eu_functions),
        Value::from(r.exposure.extra_eu_cost),
        Value::from(r.concentration.hhi_seats),
        r.concentration.top_vendor.as_deref().map_or(Value::Null, Value::from),
        r.migration_windows
            .first()
            .map_or(Value::Null, |w| Value::from(w.contract_end.as_str())),
    ];
    for (k, v) in DEPS_SUMMARY_COLUMNS.iter().zip(values) {
        m.insert((*k).to_owned(), v);
    }
    Value::Object(m)
}
