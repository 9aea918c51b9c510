//! The software catalogue: products, the names of the functions and the licence cost presets,
//! read and checked in two stages like the criteria.

use super::{Function, Shock, DEPS_FORMAT};
use crate::criteria::parse_json;
use crate::error::{Error, FileKind, Problem};
use crate::text::Text;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// A product of the catalogue.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Product {
    /// Stable id.
    pub id: String,
    /// Name.
    pub name: String,
    /// Publisher or steward.
    pub vendor: String,
    /// Free software.
    pub free: bool,
    /// SPDX licence, or `proprietary`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub licence: Option<String>,
    /// Country of the vendor.
    pub jurisdiction: String,
    /// Functions served.
    pub functions: Vec<Function>,
    /// SILL id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sill_id: Option<u64>,
    /// Comptoir du Libre id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub comptoir_id: Option<u64>,
    /// Wikidata item.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub wikidata: Option<String>,
    /// Website.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub website: Option<String>,
    /// Free alternatives (proprietary products only).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub alternatives: Vec<String>,
    /// One sentence.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<Text>,
}

/// Sources and notes of the catalogue.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CatalogueMetadata {
    /// Public sources.
    pub sources: Vec<crate::criteria::Source>,
    /// Notes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notes: Option<Text>,
}

/// The catalogue as written.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CatalogueFile {
    /// Editor hint.
    #[serde(rename = "$schema", default, skip_serializing_if = "Option::is_none")]
    pub schema: Option<String>,
    /// Format version.
    pub format: u32,
    /// Version of the data.
    pub version: String,
    /// Sources and notes.
    pub metadata: CatalogueMetadata,
    /// The name of every function, each once.
    pub functions: Vec<FunctionName>,
    /// The licence cost presets, for an inventory that defines none.
    pub scenarios: Vec<PresetScenario>,
    /// Written at the top of every dependency report.
    pub disclaimer: Text,
    /// Products.
    pub products: Vec<Product>,
}

/// The name of a function, as reports and pickers show it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FunctionName {
    /// The function.
    pub id: Function,
    /// Its name.
    pub label: Text,
}

/// A licence cost preset of the catalogue: a [`Scenario`](super::Scenario) with a name in both languages.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PresetScenario {
    /// Stable id.
    pub id: String,
    /// Shown in reports.
    pub label: Text,
    /// Yearly increase, percent.
    pub yearly_increase_percent: f64,
    /// One-off shock.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shock: Option<Shock>,
    /// The public page the figure comes from; every preset but the constant-price baseline has one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<ScenarioSource>,
}

impl PresetScenario {
    /// Whether the preset changes prices (a yearly increase or a shock), so that its figure needs a source.
    pub fn changes_prices(&self) -> bool {
        self.yearly_increase_percent != 0.0 || self.shock.is_some()
    }
}

/// The public source of a cost scenario's figure, which the note for the élus cites.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ScenarioSource {
    /// The page's title and publisher, in both languages.
    pub title: Text,
    /// Its address.
    pub url: String,
    /// The sentence of the page that gives the figure, in the page's language.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quote: Option<String>,
}

/// A validated catalogue.
#[derive(Clone, Debug)]
pub struct Catalogue {
    file: CatalogueFile,
    index: BTreeMap<String, usize>,
    /// Position in `file.functions` of each function, in [`Function::ALL`] order.
    names: [usize; Function::ALL.len()],
}

impl Catalogue {
    /// Loads a catalogue from JSON text, in two stages like criteria.
    pub fn from_json(text: &str, file: &str) -> Result<Catalogue, Error> {
        let value = parse_json(text, file, FileKind::Catalogue)?;
        #[cfg(feature = "schema")]
        crate::schema::validate(crate::schema::SchemaKind::Catalogue, &value, file)?;
        let raw: CatalogueFile = crate::error::deserialize_at(value, FileKind::Catalogue)
            .map_err(|p| Error::one(file, FileKind::Catalogue, p))?;
        Catalogue::from_file(raw, file)
    }

    /// The semantic checks: unique ids, alternatives that exist, are free and serve a function
    /// of the product they replace.
    pub fn from_file(raw: CatalogueFile, file: &str) -> Result<Catalogue, Error> {
        let mut problems = Vec::new();
        if raw.format > DEPS_FORMAT {
            problems.push(
                Problem::new("/format", format!("catalogue format {DEPS_FORMAT} or older"))
                    .found(raw.format.to_string())
                    .hint("update tnl"),
            );
        }
        let mut names = [usize::MAX; Function::ALL.len()];
        for (i, f) in raw.functions.iter().enumerate() {
            let slot = &mut names[f.id as usize];
            if *slot != usize::MAX {
                problems.push(
                    Problem::new(format!("/functions/{i}/id"), "each function named once")
                        .found(format!("\"{}\" a second time", f.id.as_str())),
                );
            }
            *slot = i;
        }
        let missing: Vec<&str> = Function::ALL
            .iter()
            .filter(|f| names[**f as usize] == usize::MAX)
            .map(|f| f.as_str())
            .collect();
        if !missing.is_empty() {
            problems.push(
                Problem::new("/functions", "a name for every function")
                    .found(format!("none for {}", missing.join(", ")))
                    .hint("the 22 functions are listed in docs/dependencies.md"),
            );
        }
        for (i, sc) in raw.scenarios.iter().enumerate() {
            if raw.scenarios[..i].iter().any(|o| o.id == sc.id) {
                problems.push(
                    Problem::new(format!("/scenarios/{i}/id"), "a unique scenario id")
                        .found(format!("\"{}\" a second time", sc.id)),
                );
            }
            if sc.changes_prices() && sc.source.is_none() {
                problems.push(
                    Problem::new(
                        format!("/scenarios/{i}/source"),
                        "the public source of the scenario's figure",
                    )
                    .found(format!("none for \"{}\"", sc.id))
                    .hint("every scenario with an increase or a shock names its source: { title, url, quote }"),
                );
            }
        }
        if raw.scenarios.is_empty() {
            problems.push(
                Problem::new("/scenarios", "at least one cost scenario")
                    .hint("the presets apply to every inventory that defines no scenarios"),
            );
        }
        let mut index = BTreeMap::new();
        for (i, p) in raw.products.iter().enumerate() {
            if index.insert(p.id.clone(), i).is_some() {
                problems.push(
                    Problem::new(format!("/products/{i}/id"), "a unique product id")
                        .found(format!("\"{}\" a second time", p.id)),
                );
            }
        }
        for (i, p) in raw.products.iter().enumerate() {
            if p.free && !p.alternatives.is_empty() {
                problems.push(
                    Problem::new(
                        format!("/products/{i}/alternatives"),
                        "no alternatives on a free product",
                    )
                    .hint("alternatives are the free replacements of a proprietary product"),
                );
            }
            for (k, alt) in p.alternatives.iter().enumerate() {
                let at = format!("/products/{i}/alternatives/{k}");
                match index.get(alt).map(|&j| &raw.products[j]) {
                    None => problems
                        .push(Problem::new(at, "the id of a product of the catalogue").found(format!("\"{alt}\""))),
                    Some(a) if !a.free => {
                        problems.push(Problem::new(at, "a free product").found(format!("proprietary \"{alt}\"")))
                    }
                    Some(a) if !a.functions.iter().any(|f| p.functions.contains(f)) => problems.push(
                        Problem::new(at, format!("a product serving one of the functions of \"{}\"", p.id))
                            .found(format!("\"{alt}\" serves none of them")),
                    ),
                    Some(_) => {}
                }
            }
        }
        if problems.is_empty() {
            Ok(Catalogue {
                file: raw,
                index,
                names,
            })
        } else {
            Err(Error {
                file: file.to_owned(),
                kind: FileKind::Catalogue,
                problems,
            })
        }
    }

    /// The catalogue as written.
    pub fn file(&self) -> &CatalogueFile {
        &self.file
    }

    /// The name of a function.
    pub fn label(&self, f: Function) -> &Text {
        &self.file.functions[self.names[f as usize]].label
    }

    /// The products.
    pub fn products(&self) -> &[Product] {
        &self.file.products
    }

    /// A product by id.
    pub fn product(&self, id: &str) -> Option<&Product> {
        self.index.get(id).map(|&i| &self.file.products[i])
    }

    /// Products serving a function, for pickers.
    pub fn serving(&self, f: Function) -> impl Iterator<Item = &Product> {
        self.file.products.iter().filter(move |p| p.functions.contains(&f))
    }

    /// Products whose name, vendor or id contains `query` (ignoring the case of Latin letters,
    /// see [`crate::text::latin_lower`]), for search boxes.
    pub fn search<'a>(&'a self, query: &str) -> impl Iterator<Item = &'a Product> + 'a {
        use crate::text::latin_lower;
        let q = latin_lower(query);
        self.file.products.iter().filter(move |p| {
            q.is_empty()
                || latin_lower(&p.name).contains(&q)
                || latin_lower(&p.vendor).contains(&q)
                || p.id.contains(&q)
        })
    }
}

/// The software catalogue shipped with tnl (`criteria/catalogue.json`), embedded so that no host
/// needs to fetch it.
pub const CATALOGUE_JSON: &str = include_str!("../../../criteria/catalogue.json");
