//! The label table: every label, heading and unit the documents show, in each language, in one
//! place. Each document has its own part (a struct of named fields, one file each); a field left
//! out of a language does not compile, so a document cannot ship half translated. Renderers read
//! `labels(lang).report.overall_score`; the app reads the same table where it shows the same thing.
//!
//! Machine keys (CSV column ids, JSON fields) are not labels: they stay in the renderers.

mod common;
mod comparison;
mod deliberation;
mod dependencies;
mod note;
mod territory;

pub use common::Common;
pub use comparison::ComparisonLabels;
pub use deliberation::{Body, DeliberationLabels};
pub use dependencies::DependencyLabels;
pub use note::NoteLabels;
pub use territory::TerritoryLabels;

use crate::text::Lang;

/// Every label of every document, in one language.
pub struct Labels {
    /// What several documents share: the estimate notice, tiers, statuses, units.
    pub common: Common,
    /// The year-over-year comparison.
    pub comparison: ComparisonLabels,
    /// The dependency map and its two charts.
    pub dependencies: DependencyLabels,
    /// The territory's page and spreadsheet.
    pub territory: TerritoryLabels,
    /// The note for the élus.
    pub note: NoteLabels,
    /// The draft deliberation.
    pub deliberation: DeliberationLabels,
}

/// The French labels.
pub const FR: Labels = Labels {
    common: common::FR,
    comparison: comparison::FR,
    dependencies: dependencies::FR,
    territory: territory::FR,
    note: note::FR,
    deliberation: deliberation::FR,
};

/// The English labels.
pub const EN: Labels = Labels {
    common: common::EN,
    comparison: comparison::EN,
    dependencies: dependencies::EN,
    territory: territory::EN,
    note: note::EN,
    deliberation: deliberation::EN,
};

/// The labels of `lang`.
pub fn labels(lang: Lang) -> &'static Labels {
    match lang {
        Lang::Fr => &FR,
        Lang::En => &EN,
    }
}
