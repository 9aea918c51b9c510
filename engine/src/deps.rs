//! The dependency map: a collectivité's software inventory, read against the catalogue, becomes a
//! dependency report — free share, vendor concentration, extra-EU exposure, licence cost
//! projections, migration windows, free alternatives — and pre-fills label questions.
//!
//! Same rules as the rest of the engine: no I/O, no clock (the host passes "today" when it wants
//! expired contracts flagged), integer arithmetic (money in cents, shares out of 1000).

use crate::answers::{json_type, Answer, Answers};
use crate::criteria::{parse_json, Criteria, QuestionKind};
use crate::error::{Error, FileKind, Problem};
use crate::profile::Profile;
use crate::report::{Diagnostic, Severity};
use crate::text::{Lang, Text};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use std::collections::BTreeMap;

/// The only inventory, catalogue and dependency report format version.
pub const DEPS_FORMAT: u32 = 1;

/// A function of the information system.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Function {
    /// Workstation operating system.
    WorkstationOs,
    /// Office suite.
    OfficeSuite,
    /// Mail server or hosted mail.
    MailServer,
    /// Mail client.
    MailClient,
    /// Web browser.
    Browser,
    /// Video conferencing.
    VideoConferencing,
    /// Chat.
    Chat,
    /// File sharing and collaboration.
    FileSharing,
    /// Directory and identity.
    DirectoryIdentity,
    /// Servers and virtualisation.
    ServersVirtualisation,
    /// Backup.
    Backup,
    /// Website CMS.
    WebsiteCms,
    /// Geographic information system.
    Gis,
    /// Finance.
    Finance,
    /// HR and payroll.
    HrPayroll,
    /// Civil registry, elections, population.
    CivilRegistry,
    /// Council acts.
    CouncilActs,
    /// Electronic signature.
    ESignature,
    /// Document management.
    DocumentManagement,
    /// Helpdesk.
    Helpdesk,
    /// School workstations.
    SchoolWorkstations,
    /// Anything else.
    Other,
}

impl Function {
    /// Every function, in display order.
    pub const ALL: [Function; 22] = [
        Function::WorkstationOs,
        Function::OfficeSuite,
        Function::MailServer,
        Function::MailClient,
        Function::Browser,
        Function::VideoConferencing,
        Function::Chat,
        Function::FileSharing,
        Function::DirectoryIdentity,
        Function::ServersVirtualisation,
        Function::Backup,
        Function::WebsiteCms,
        Function::Gis,
        Function::Finance,
        Function::HrPayroll,
        Function::CivilRegistry,
        Function::CouncilActs,
        Function::ESignature,
        Function::DocumentManagement,
        Function::Helpdesk,
        Function::SchoolWorkstations,
        Function::Other,
    ];

    /// The snake_case name used in files.
    pub fn as_str(self) -> &'static str {
        match self {
            Function::WorkstationOs => "workstation_os",
            Function::OfficeSuite => "office_suite",
            Function::MailServer => "mail_server",
            Function::MailClient => "mail_client",
            Function::Browser => "browser",
            Function::VideoConferencing => "video_conferencing",
            Function::Chat => "chat",
            Function::FileSharing => "file_sharing",
            Function::DirectoryIdentity => "directory_identity",
            Function::ServersVirtualisation => "servers_virtualisation",
            Function::Backup => "backup",
            Function::WebsiteCms => "website_cms",
            Function::Gis => "gis",
            Function::Finance => "finance",
            Function::HrPayroll => "hr_payroll",
            Function::CivilRegistry => "civil_registry",
            Function::CouncilActs => "council_acts",
            Function::ESignature => "e_signature",
            Function::DocumentManagement => "document_management",
            Function::Helpdesk => "helpdesk",
            Function::SchoolWorkstations => "school_workstations",
            Function::Other => "other",
        }
    }

    /// Parses the snake_case name.
    pub fn parse(s: &str) -> Option<Function> {
        Function::ALL.into_iter().find(|f| f.as_str() == s)
    }
}

/// Where an item runs.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Hosting {
    /// On the collectivité's own premises.
    OnPremises,
    /// At a host in France or the EU.
    FrEuHost,
    /// In a cloud subject to a non-EU jurisdiction.
    ExtraEuCloud,
}

/// Legal zone of a vendor.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Zone {
    /// France.
    Fr,
    /// Another member state of the European Union.
    Eu,
    /// Outside the European Union.
    ExtraEu,
    /// Not known.
    Unknown,
}

const EU: [&str; 27] = [
    "AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GR", "HR", "HU", "IE", "IT", "LT", "LU", "LV",
    "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK",
];

impl Zone {
    /// The zone of an ISO 3166-1 alpha-2 country code.
    pub fn of(country: &str) -> Zone {
        match country {
            "FR" => Zone::Fr,
            // "ZZ" is the ISO code for an unknown country; imported SILL entries use it.
            "" | "ZZ" => Zone::Unknown,
            c if EU.contains(&c) => Zone::Eu,
            _ => Zone::ExtraEu,
        }
    }
}

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

/// A licence cost preset of the catalogue: a [`Scenario`] with a name in both languages.
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
    read_diagnostics: Vec<Diagnostic>,
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
                            Severity::Error,
                            "item_invalid",
                            &format!("/items/{i}"),
                            None,
                            format!(
                                "ligne {} de l'inventaire ignorée : {}",
                                i + 1,
                                crate::error::serde_fr_sentence(&e.to_string())
                            ),
                            format!("inventory line {} ignored: {e}", i + 1),
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

fn euros(cents: u64) -> u64 {
    cents.saturating_add(50) / 100
}

/// `x × scale`, rounded half away from zero: the one place where numbers typed by people (a
/// percentage, a factor, euros) become the fixed-point integers every figure is computed with.
/// IEEE 754 multiplication and rounding give the same result on every platform, wasm included.
#[allow(clippy::float_arithmetic)]
fn fixed(x: f64, scale: u32) -> i64 {
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

/// One rule of `criteria/prefill.json`.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct PrefillRule {
    question: String,
    #[serde(default)]
    function: Option<Function>,
    #[serde(default)]
    measure: Option<String>,
    #[serde(default)]
    choose: Vec<Choice>,
    #[serde(default)]
    yes_at_least: Option<f64>,
    #[serde(default)]
    free_products_of: Vec<Function>,
    #[serde(default)]
    no_extra_eu_exposure: bool,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Choice {
    at_least: f64,
    #[serde(default)]
    product: Option<String>,
    option: String,
}

#[derive(Clone, Debug, Deserialize)]
struct PrefillFile {
    #[allow(dead_code)]
    format: u32,
    #[allow(dead_code)]
    description: String,
    justifications: Justifications,
    rules: Vec<PrefillRule>,
}

/// The justifications a pre-filled answer carries, in both languages; `{function}` is replaced
/// by the function's name.
#[derive(Clone, Debug, Deserialize)]
struct Justifications {
    function: Text,
    free_products: Text,
    exposure: Text,
}

/// The software catalogue shipped with tnl (`criteria/catalogue.json`), embedded so that no host
/// needs to fetch it.
pub const CATALOGUE_JSON: &str = include_str!("../../criteria/catalogue.json");

/// The pre-fill rules, embedded.
pub const PREFILL_JSON: &str = include_str!("../../criteria/prefill.json");

/// An answer proposed from the inventory.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Prefilled {
    /// Question id.
    pub question: String,
    /// The value.
    pub value: Value,
    /// Where it comes from.
    pub justification: String,
}

/// Answers the inventory gives to `criteria`'s questions, each justified in `lang` (the
/// justification is written into the answers file, as the user's own text would be). Rules whose
/// question is not in the edition, or whose function is not in the inventory, give nothing.
pub fn prefill(report: &DependencyReport, criteria: &Criteria, lang: Lang) -> Vec<Prefilled> {
    let Ok(file) = serde_json::from_str::<PrefillFile>(PREFILL_JSON) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for rule in &file.rules {
        let Some(q) = criteria.question(&rule.question) else {
            continue;
        };
        let fv = rule
            .function
            .and_then(|f| report.functions.iter().find(|v| v.function == f));
        let texts = &file.justifications;
        let from = |f: &FunctionView| texts.function.get(lang).replace("{function}", f.label.get(lang));
        let value = match (q.kind, fv) {
            (QuestionKind::Percentage, Some(f)) if rule.measure.as_deref() == Some("free_share") => {
                Some((Value::from(f.free_share / 10), from(f)))
            }
            (QuestionKind::SingleChoice, Some(f)) if !rule.choose.is_empty() => rule
                .choose
                .iter()
                .find(|c| {
                    let share = match &c.product {
                        Some(p) => f
                            .items
                            .iter()
                            .filter(|i| i.product.as_deref() == Some(p))
                            .map(|i| i.share)
                            .sum::<u32>(),
                        None => f.free_share,
                    };
                    i64::from(share) >= fixed(c.at_least, 10)
                })
                .filter(|c| q.option_index(&c.option).is_some())
                .map(|c| (Value::from(c.option.clone()), from(f))),
            (QuestionKind::YesNo, Some(f)) if rule.yes_at_least.is_some() => Some((
                Value::Bool(i64::from(f.free_share) >= fixed(rule.yes_at_least.unwrap_or(0.0), 10)),
                from(f),
            )),
            (QuestionKind::List, _) if !rule.free_products_of.is_empty() => {
                let mut names: Vec<String> = Vec::new();
                for f in report
                    .functions
                    .iter()
                    .filter(|f| rule.free_products_of.contains(&f.function))
                {
                    for i in f.items.iter().filter(|i| i.free) {
                        if !names.contains(&i.name) {
                            names.push(i.name.clone());
                        }
                    }
                }
                (!names.is_empty()).then(|| (Value::from(names), texts.free_products.get(lang).to_owned()))
            }
            (QuestionKind::YesNo, _) if rule.no_extra_eu_exposure && !report.functions.is_empty() => Some((
                Value::Bool(report.exposure.extra_eu_functions == 0),
                texts.exposure.get(lang).to_owned(),
            )),
            _ => None,
        };
        if let Some((value, justification)) = value {
            out.push(Prefilled {
                question: q.id.clone(),
                value,
                justification,
            });
        }
    }
    out
}

impl Answers {
    /// Applies pre-filled answers to the questions not answered yet; returns how many.
    pub fn apply_prefill(&mut self, prefilled: &[Prefilled]) -> usize {
        let mut n = 0;
        for p in prefilled {
            let given = self.answers.get(&p.question).is_some_and(Answer::is_given);
            if !given {
                let mut a = Answer::value(p.value.clone());
                a.justification = Some(p.justification.clone());
                self.answers.insert(p.question.clone(), a);
                n += 1;
            }
        }
        n
    }
}

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
