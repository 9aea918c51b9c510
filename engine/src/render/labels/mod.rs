//! The label table: every label, heading and unit the documents show, in each language, in one
//! place. Each document has its own part (a struct of named fields, one file each); a field left
//! out of a language does not compile, so a document cannot ship half translated. Renderers read
//! `labels(lang).report.overall_score`; the app reads the same table where it shows the same thing.
//!
//! Machine keys (CSV column ids, JSON fields) are not labels: they stay in the renderers.

mod common;
mod report;

pub use common::Common;
pub use report::ReportLabels;

use crate::text::Lang;

/// Every label of every document, in one language.
pub struct Labels {
    /// What several documents share: the estimate notice, tiers, statuses, units.
    pub common: Common,
    /// The readiness report.
    pub report: ReportLabels,
}

/// The French labels.
pub const FR: Labels = Labels {
    common: common::FR,
    report: report::FR,
};

/// The English labels.
pub const EN: Labels = Labels {
    common: common::EN,
    report: report::EN,
};

/// The labels of `lang`.
pub fn labels(lang: Lang) -> &'static Labels {
    match lang {
        Lang::Fr => &FR,
        Lang::En => &EN,
    }
}
