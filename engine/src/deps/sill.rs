//! The import of the SILL (Socle interministériel de logiciels libres) into a catalogue.

use super::{CatalogueFile, Function, Product};
use crate::answers::json_type;
use crate::error::Problem;
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
    let entries = match sill {
        Value::Array(a) => a,
        Value::Object(m) => match m
            .get("softwares")
            .or_else(|| m.get("software"))
            .or_else(|| m.get("catalog"))
        {
            Some(Value::Array(a)) => a,
            _ => {
                return Err(Problem::new(
                    "",
                    "the SILL export: an array of software, or an object with \"softwares\"",
                )
                .found("an object without it"))
            }
        },
        other => return Err(Problem::new("", "the SILL export: an array of software").found(json_type(other))),
    };
    let mut out = catalogue.clone();
    let mut stats = SillMerge::default();
    for entry in entries {
        stats.entries += 1;
        let Some(name) = str_field(entry, &["softwareName", "name"]) else {
            stats.skipped += 1;
            continue;
        };
        let sill_id = ["softwareId", "id"]
            .iter()
            .find_map(|k| entry.get(*k).and_then(Value::as_u64));
        let wikidata = str_field(entry, &["wikidataId", "externalId"])
            .filter(|w| w.starts_with('Q'))
            .map(str::to_owned);
        let comptoir = entry
            .get("comptoirDuLibreId")
            .or_else(|| entry.get("compotoirDuLibreId"))
            .and_then(Value::as_u64);
        let website = str_field(entry, &["officialWebsiteUrl", "url", "website"]).map(str::to_owned);
        let licence = str_field(entry, &["license", "licence"]).map(str::to_owned);
        let lower = name.to_lowercase();
        let found = out.products.iter().position(|p| {
            (sill_id.is_some() && p.sill_id == sill_id)
                || (wikidata.is_some() && p.wikidata == wikidata)
                || p.name.to_lowercase() == lower
        });
        let index = match found {
            Some(i) => {
                stats.matched += 1;
                let p = &mut out.products[i];
                if p.free {
                    p.sill_id = sill_id.or(p.sill_id);
                }
                p.comptoir_id = p.comptoir_id.or(comptoir);
                p.wikidata = p.wikidata.clone().or(wikidata);
                p.website = p.website.clone().or(website);
                if p.free && p.licence.is_none() {
                    p.licence = licence;
                }
                i
            }
            None => {
                stats.added += 1;
                let mut id = crate::text::slug(name, "logiciel");
                let base = id.clone();
                let mut n = 2;
                while out.products.iter().any(|p| p.id == id) {
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
                out.products.push(Product {
                    id,
                    name: name.to_owned(),
                    vendor,
                    free: true,
                    licence,
                    jurisdiction: "ZZ".into(),
                    functions: vec![Function::Other],
                    sill_id,
                    comptoir_id: comptoir,
                    wikidata,
                    website,
                    alternatives: Vec::new(),
                    description: None,
                });
                out.products.len() - 1
            }
        };
        // Similar proprietary software: this free product is one of its alternatives.
        let similar = entry
            .get("similarSoftwares")
            .and_then(Value::as_array)
            .map(Vec::as_slice)
            .unwrap_or_default();
        for s in similar {
            if s.get("isLibreSoftware").and_then(Value::as_bool) != Some(false) {
                continue;
            }
            let s_name = str_field(s, &["name", "wikidataLabel", "label"]).map(str::to_lowercase);
            let s_wd = str_field(s, &["wikidataId", "externalId"]);
            let Some(j) = out.products.iter().position(|p| {
                !p.free
                    && (s_name.as_deref() == Some(p.name.to_lowercase().as_str())
                        || (s_wd.is_some() && p.wikidata.as_deref() == s_wd))
            }) else {
                continue;
            };
            let free_id = out.products[index].id.clone();
            if out.products[j].alternatives.contains(&free_id) {
                continue;
            }
            // A product the SILL brought in serves the functions of what it replaces.
            if out.products[index].functions == [Function::Other] {
                out.products[index].functions = out.products[j].functions.clone();
            } else if !out.products[index]
                .functions
                .iter()
                .any(|f| out.products[j].functions.contains(f))
            {
                continue;
            }
            out.products[j].alternatives.push(free_id);
            stats.alternatives_added += 1;
        }
    }
    Ok((out, stats))
}
