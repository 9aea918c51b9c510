//! # tnl-engine
//!
//! The scoring engine of **tnl**, a self-assessment tool for the French *Territoire Numérique
//! Libre* label. It reads an edition of the label (criteria), a collectivité's answers, and
//! returns a [`Report`]: completeness, per-domain and overall scores out of 1000, the estimated
//! tier, what is missing for the next tier, ranked next steps, special mentions, and diagnostics
//! for every problem found in the answers.
//!
//! The engine is pure: no I/O, no clock, no randomness. The host (the `tnl` command line, the
//! browser app) reads files and hands their text over. The same inputs give the same report, byte
//! for byte, natively and in WebAssembly.
//!
//! Every report is an **estimate**, not the jury's decision: the label's jury has never published
//! a grid, and every weight and threshold is the project's model, stated in the criteria file.
//!
//! ## Example
//!
//! ```
//! use tnl_engine::{evaluate, Answers, Criteria};
//!
//! let criteria = Criteria::from_json(r#"{
//!   "format": 1, "id": "demo", "edition": 2025, "version": "1.0.0",
//!   "title": {"fr": "Démo", "en": "Demo"},
//!   "metadata": {"unofficial": true, "disclaimer": {"fr": "Estimation.", "en": "Estimate."},
//!                "sources": [{"title": "brief"}]},
//!   "domains": [{"id": "logiciels", "weight": 1, "title": {"fr": "Logiciels", "en": "Software"}}],
//!   "questions": [{
//!     "id": "logiciels.bureautique", "domain": "logiciels", "kind": "yes_no",
//!     "title": {"fr": "LibreOffice est-il la suite par défaut ?", "en": "Is LibreOffice the default suite?"},
//!     "points": {"yes": 10},
//!     "advice": {"fr": "Installez LibreOffice.", "en": "Install LibreOffice."}, "effort": "project"
//!   }],
//!   "tiers": [{"id": "bronze", "title": {"fr": "Bronze", "en": "Bronze"}, "rule": {"clauses": [
//!     {"min_score": 500, "basis": [{"model_assumption": {"fr": "Seuil de la démo.", "en": "Demo threshold."}}]}
//!   ]}}]
//! }"#, "demo.json").unwrap();
//!
//! let answers = Answers::from_json(r#"{
//!   "format": 1, "edition": "demo", "profile": {"name": "Boé", "kind": "commune"},
//!   "answers": {"logiciels.bureautique": true}
//! }"#, "boe.json").unwrap();
//!
//! let report = evaluate(&criteria, &answers);
//! assert_eq!(report.score.per_mille, 1000);
//! assert_eq!(&*report.tier.unwrap().id, "bronze");
//! ```
//!
//! ## Loading
//!
//! [`Criteria::from_json`] validates in two stages: the JSON Schema (with the `schema` feature,
//! which native hosts enable), then the semantic checks of [`criteria`]. Errors list every problem
//! with its JSON pointer, what was expected and a hint. [`Answers::from_json`] fails only on input
//! that cannot be used at all; everything else becomes a [`Diagnostic`] in the report.

pub mod answers;
pub mod carry;
pub mod compare;
pub mod condition;
pub mod criteria;
mod declared;
pub mod deps;
pub mod diagnostic;
pub mod edition_page;
pub mod editions;
pub mod error;
mod evaluate;
pub mod lists;
pub mod profile;
pub mod render;
pub mod report;
pub mod schema;
pub mod sort;
pub mod territory;
pub mod text;

pub use answers::{Answer, Answers, AnswersView};
pub use carry::{carry_over, CarryOver};
pub use compare::{compare, compare_baselines, Baseline, Comparison};
pub use criteria::Criteria;
pub use diagnostic::{DiagnosticCode, DiagnosticKind};
pub use error::{Error, Problem};
pub use evaluate::{evaluate, summarize, summarize_view};
pub use profile::{Kind, Profile};
pub use report::{Diagnostic, Report, Severity, Status, Summary};
pub use text::{Lang, Text};

/// Version of this engine, written into every report.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");
