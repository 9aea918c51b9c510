//! The import of the SILL (Socle interministériel de logiciels libres) into a catalogue.

use super::{CatalogueFile, Function, Product};
use crate::answers::json_type;
use crate::error::Problem;
use crate::text::latin_lower;
use serde::{Deserialize, Serialize};
use serde_json::Value;

/// What [`merge_sill`] did.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SillMerge {
    /// SILL entries read.
    pub entries: u32,
    /// Entries matched to a product of the catalogue (by SILL id, Wikidata id or name).
    pub matched: u32,
    /// Entries added as new free products.
    pub added: u32,
    /// Links "free alternative of" added from the SILL's similar proprietary software.
    pub alternatives_added: u32,
    /// Entries skipped (no name).
    pub skipped: u32,
}

fn str_field<'a>(v: &'a Value, keys: &[&str]) -> Option<&'a str> {
    keys.iter()
        .find_map(|k| v.get(*k).and_then(Value::as_str))
        .filter(|s| !s.trim().is_empty())
}

/// Merges the SILL's JSON export into a copy of a catalogue: fills SILL, Comptoir du Libre and
/// Wikidata ids and websites of the products it knows, adds the SILL's other software as free
/// products, and records the proprietary software the SILL lists as similar as having these free
/// alternatives. Field names of the several versions of the export are accepted (`softwareId` or
/// `id`, `softwareName` or `name`, `comptoirDuLibreId`, `wikidataId` or `externalId`,
/// `similarSoftwares` with `isLibreSoftware`).
pub fn merge_sill(catalogue: &CatalogueFile, sill: &Value) -> Result<(CatalogueFile, SillMerge), Problem> {
    let entries = sill_entries(sill)?;
    let mut out = catalogue.clone();
    let mut stats = SillMerge::default();
    for entry in entries {
        stats.entries += 1;
        let Some(read) = SillEntry::read(entry) else {
            stats.skipped += 1;
            continue;
        };
        let index = match read.position_in(&out.products) {
            Some(i) => {
                stats.matched += 1;
                read.fill_in(&mut out.products[i]);
                i
            }
            None => {
                stats.added += 1;
                let product = read.into_product(entry, &out.products);
                out.products.push(product);
                out.products.len() - 1
            }
        };
        stats.alternatives_added += link_as_alternative(&mut out.products, index, entry);
    }
    Ok((out, stats))
}

/// The list of software of a SILL export: the document itself, or its `softwares` (`software`,
/// `catalog`) array.
fn sill_entries(sill: &Value) -> Result<&Vec<Value>, Problem> {
    match sill {
        Value::Array(a) => Ok(a),
        Value::Object(m) => match m
            .get("softwares")
            .or_else(|| m.get("software"))
            .or_else(|| m.get("catalog"))
        {
            Some(Value::Array(a)) => Ok(a),
            _ => Err(Problem::new(
                "",
                "the SILL export: an array of software, or an object with \"softwares\"",
            )
            .found("an object without it")),
        },
        other => Err(Problem::new("", "the SILL export: an array of software").found(json_type(other))),
    }
}

/// What the catalogue takes from one SILL entry.
struct SillEntry<'a> {
    name: &'a str,
    sill_id: Option<u64>,
    wikidata: Option<String>,
    comptoir_id: Option<u64>,
    website: Option<String>,
    licence: Option<String>,
}

impl<'a> SillEntry<'a> {
    /// The fields of an entry, under the names of any version of the export; `None` without a
    /// name.
    fn read(entry: &'a Value) -> Option<SillEntry<'a>> {
        Some(SillEntry {
            name: str_field(entry, &["softwareName", "name"])?,
            sill_id: ["softwareId", "id"]
                .iter()
                .find_map(|k| entry.get(*k).and_then(Value::as_u64)),
            wikidata: str_field(entry, &["wikidataId", "externalId"])
                .filter(|w| w.starts_with('Q'))
                .map(str::to_owned),
            comptoir_id: entry
                .get("comptoirDuLibreId")
                .or_else(|| entry.get("compotoirDuLibreId"))
                .and_then(Value::as_u64),
            website: str_field(entry, &["officialWebsiteUrl", "url", "website"]).map(str::to_owned),
            licence: str_field(entry, &["license", "licence"]).map(str::to_owned),
        })
    }

    /// The product of the catalogue this entry is: same SILL id, same Wikidata id or same name.
    fn position_in(&self, products: &[Product]) -> Option<usize> {
        let lower = latin_lower(self.name);
        products.iter().position(|p| {
            (self.sill_id.is_some() && p.sill_id == self.sill_id)
                || (self.wikidata.is_some() && p.wikidata == self.wikidata)
                || latin_lower(&p.name) == lower
        })
    }

    /// Fills the references a known product lacks; a proprietary product takes no SILL id nor
    /// licence.
    fn fill_in(self, p: &mut Product) {
        if p.free {
            p.sill_id = self.sill_id.or(p.sill_id);
        }
        p.comptoir_id = p.comptoir_id.or(self.comptoir_id);
        p.wikidata = p.wikidata.clone().or(self.wikidata);
        p.website = p.website.clone().or(self.website);
        if p.free && p.licence.is_none() {
            p.licence = self.licence;
        }
    }

    /// A new free product, with an id not yet taken among `products` and the entry's first
    /// author as vendor.
    fn into_product(self, entry: &Value, products: &[Product]) -> Product {
        let mut id = crate::text::slug(self.name, "logiciel");
        let base = id.clone();
        let mut n = 2;
        while products.iter().any(|p| p.id == id) {
            id = format!("{base}-{n}");
            n += 1;
        }
        let vendor = entry
            .get("authors")
            .and_then(Value::as_array)
            .and_then(|a| a.first())
            .and_then(|a| str_field(a, &["name", "authorName"]))
            .unwrap_or("communauté (SILL)")
            .to_owned();
        Product {
            id,
            name: self.name.to_owned(),
            vendor,
            free: true,
            licence: self.licence,
            jurisdiction: "ZZ".into(),
            functions: vec![Function::Other],
            sill_id: self.sill_id,
            comptoir_id: self.comptoir_id,
            wikidata: self.wikidata,
            website: self.website,
            alternatives: Vec::new(),
            description: None,
        }
    }
}

/// Records the free product at `index` as an alternative of each proprietary product of the
/// catalogue that the entry lists as similar; returns how many links it added.
fn link_as_alternative(products: &mut [Product], index: usize, entry: &Value) -> u32 {
    let similar = entry
        .get("similarSoftwares")
        .and_then(Value::as_array)
        .map(Vec::as_slice)
        .unwrap_or_default();
    let mut added = 0;
    for s in similar {
        if s.get("isLibreSoftware").and_then(Value::as_bool) != Some(false) {
            continue;
        }
        let s_name = str_field(s, &["name", "wikidataLabel", "label"]).map(latin_lower);
        let s_wd = str_field(s, &["wikidataId", "externalId"]);
        let Some(j) = products.iter().position(|p| {
            !p.free
                && (s_name.as_deref() == Some(latin_lower(&p.name).as_str())
                    || (s_wd.is_some() && p.wikidata.as_deref() == s_wd))
        }) else {
            continue;
        };
        let free_id = products[index].id.clone();
        if products[j].alternatives.contains(&free_id) {
            continue;
        }
        // A product the SILL brought in serves the functions of what it replaces.
        if products[index].functions == [Function::Other] {
            products[index].functions = products[j].functions.clone();
        } else if !products[index]
            .functions
            .iter()
            .any(|f| products[j].functions.contains(f))
        {
            continue;
        }
        products[j].alternatives.push(free_id);
        added += 1;
    }
    added
}
