//! The dependency map: a collectivité's software inventory, read against the catalogue, becomes a
//! dependency report — free share, vendor concentration, extra-EU exposure, licence cost
//! projections, migration windows, free alternatives — and pre-fills label questions.
//!
//! Same rules as the rest of the engine: no I/O, no clock (the host passes "today" when it wants
//! expired contracts flagged), integer arithmetic (money in cents, shares out of 1000).
//!
//! One file per concern: `catalogue.rs` and `inventory.rs` read the two input formats,
//! `compute.rs` builds the dependency report whose types `report.rs` holds, `prefill.rs` turns it
//! into label answers and `sill.rs` merges the SILL export into a catalogue. Every public item is
//! re-exported here, so that hosts write `tnl_engine::deps::X` whatever file `X` lives in.

mod catalogue;
mod compute;
mod inventory;
mod prefill;
mod report;
mod sill;

pub use catalogue::{
    Catalogue, CatalogueFile, CatalogueMetadata, FunctionName, PresetScenario, Product, ScenarioSource, CATALOGUE_JSON,
};
pub use compute::{dependency_report, MAX_SEATS};
pub use inventory::{Inventory, Item, Scenario, Shock};
pub use prefill::{prefill, Prefilled, PREFILL_JSON};
pub use report::{
    licence_name, AlternativeView, Concentration, CostProjection, DependencyReport, DepsOptions, DepsSummary, Exposure,
    FunctionStatus, FunctionView, ItemView, MigrationWindow, Replacement, VendorView,
};
pub use sill::{merge_sill, SillMerge};

use serde::{Deserialize, Serialize};

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
