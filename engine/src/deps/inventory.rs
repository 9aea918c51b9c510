//! The inventory format: a collectivité's software, read leniently (a line that cannot be read
//! is kept as written and reported).

use super::{Function, Hosting, DEPS_FORMAT};
use crate::criteria::parse_json;
use crate::diagnostic::DiagnosticKind;
use crate::error::{Error, FileKind, Problem};
use crate::profile::Profile;
use crate::report::Diagnostic;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

/// One line of an inventory.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Item {
    /// The function served.
    pub function: Option<Function>,
    /// Catalogue id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub product: Option<String>,
    /// Name, when not in the catalogue.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Vendor, when not in the catalogue.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vendor: Option<String>,
    /// Free software, when not in the catalogue.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub free: Option<bool>,
    /// Vendor's country, when not in the catalogue.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub jurisdiction: Option<String>,
    /// Seats.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub seats: Option<u64>,
    /// Share of the function, percent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub share: Option<f64>,
    /// Yearly cost, euros.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub yearly_cost: Option<f64>,
    /// End of contract, YYYY-MM or YYYY-MM-DD.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contract_end: Option<String>,
    /// Hosting.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hosting: Option<Hosting>,
    /// Free note.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// Fields not understood, kept as written.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// A licence cost scenario.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Scenario {
    /// Stable id.
    pub id: String,
    /// Shown in reports.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    /// Yearly increase, percent.
    pub yearly_increase_percent: f64,
    /// One-off shock.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shock: Option<Shock>,
}

/// A one-off multiplication of some costs.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Shock {
    /// Multiplier, e.g. 5.3.
    pub factor: f64,
    /// Year of the shock, 1 to 5.
    pub year: u32,
    /// Products hit.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub products: Vec<String>,
    /// Functions whose proprietary products are hit.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub functions: Vec<Function>,
}

/// A collectivité's software inventory.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Inventory {
    /// Format version.
    pub format: u32,
    /// Always "inventory".
    pub kind: String,
    /// Who.
    pub profile: Profile,
    /// What runs.
    pub items: Vec<Item>,
    /// Cost scenarios; presets when empty.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub scenarios: Vec<Scenario>,
    /// Last change, written by the host.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub updated_at: Option<String>,
    /// Fields not understood, kept as written.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
    #[serde(skip)]
    pub(super) read_diagnostics: Vec<Diagnostic>,
}

impl Inventory {
    /// An empty inventory.
    pub fn new(profile: Profile) -> Inventory {
        Inventory {
            format: DEPS_FORMAT,
            kind: "inventory".into(),
            profile,
            ..Inventory::default()
        }
    }

    /// Reads an inventory. Only unusable input is an error; an item that cannot be read is
    /// kept as written and reported in the dependency report's diagnostics.
    pub fn from_json(text: &str, file: &str) -> Result<Inventory, Error> {
        let value = parse_json(text, file, FileKind::Inventory)?;
        Inventory::from_value(value, file)
    }

    /// Reads an inventory from a parsed document.
    pub fn from_value(value: Value, file: &str) -> Result<Inventory, Error> {
        let err = |p: Problem| Error::one(file, FileKind::Inventory, p);
        let Value::Object(mut top) = value else {
            return Err(err(Problem::bi(
                "",
                "un objet JSON avec « format », « kind »: « inventory », « profile » et « items »",
                "a JSON object with \"format\", \"kind\": \"inventory\", \"profile\" and \"items\"",
            )
            .found_value(&value)));
        };
        match top.remove("format") {
            Some(Value::Number(n)) if n.as_u64().is_some_and(|f| f >= 1 && f <= u64::from(DEPS_FORMAT)) => {}
            Some(Value::Number(n)) if n.as_u64().is_some_and(|f| f > u64::from(DEPS_FORMAT)) => {
                return Err(err(Problem::bi(
                    "/format",
                    format!("le format d'inventaire {DEPS_FORMAT} ou plus ancien"),
                    format!("inventory format {DEPS_FORMAT} or older"),
                )
                .found(n.to_string())
                .hint_bi(
                    "ce fichier a été écrit par une version plus récente de tnl ; mettez tnl à jour",
                    "this file was written by a newer version of tnl; update tnl",
                )))
            }
            other => {
                return Err(err(found_or_nothing(
                    Problem::bi(
                        "/format",
                        "la version du format d'inventaire, 1",
                        "the inventory format version, 1",
                    ),
                    other,
                )))
            }
        }
        match top.remove("kind") {
            Some(Value::String(k)) if k == "inventory" => {}
            other => return Err(err(found_or_nothing(
                Problem::bi("/kind", "« inventory »", "\"inventory\""),
                other,
            )
            .hint_bi(
                "un inventaire indique « kind »: « inventory » ; les fichiers de réponses s'importent comme réponses",
                "an inventory says \"kind\": \"inventory\"; answers files are read by `tnl evaluate`",
            ))),
        }
        let profile = match top.remove("profile") {
            Some(p @ Value::Object(_)) => serde_json::from_value(p.clone()).unwrap_or_else(|_| {
                // Keep what can be read; a wrong field stays in `extra`.
                let mut prof = Profile::default();
                if let Value::Object(m) = p {
                    prof.name = m.get("name").and_then(Value::as_str).unwrap_or_default().to_owned();
                    prof.extra = m;
                    prof.extra.remove("name");
                }
                prof
            }),
            Some(other) => return Err(err(Problem::bi("/profile", "un objet", "an object").found_value(&other))),
            None => Profile::default(),
        };
        let mut diags = Vec::new();
        let items = match top.remove("items") {
            Some(Value::Array(items)) => items
                .into_iter()
                .enumerate()
                .map(|(i, v)| match serde_json::from_value::<Item>(v.clone()) {
                    Ok(item) => item,
                    Err(e) => {
                        diags.push(Diagnostic::new(
                            DiagnosticKind::ItemInvalid {
                                line: i,
                                error: &e.to_string(),
                            },
                            &format!("/items/{i}"),
                        ));
                        let mut kept = Item::default();
                        if let Value::Object(m) = v {
                            kept.extra = m;
                        }
                        kept
                    }
                })
                .collect(),
            Some(other) => {
                return Err(err(
                    Problem::bi("/items", "un tableau de lignes", "an array of items").found_value(&other)
                ))
            }
            None => Vec::new(),
        };
        let scenarios = match top.remove("scenarios") {
            Some(v) => crate::error::deserialize_at(v, FileKind::Inventory).map_err(|mut p| {
                p.pointer = format!("/scenarios{}", p.pointer);
                err(p)
            })?,
            None => Vec::new(),
        };
        let updated_at = top.remove("updated_at").and_then(|v| v.as_str().map(str::to_owned));
        Ok(Inventory {
            format: DEPS_FORMAT,
            kind: "inventory".into(),
            profile,
            items,
            scenarios,
            updated_at,
            extra: top,
            read_diagnostics: diags,
        })
    }

    /// Pretty JSON, as written back to disk.
    pub fn to_json_pretty(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }
}

/// `problem` with what was found: `value`, or nothing.
fn found_or_nothing(problem: Problem, value: Option<Value>) -> Problem {
    match value {
        Some(v) => problem.found_value(&v),
        None => problem.found_bi("rien", "nothing"),
    }
}
