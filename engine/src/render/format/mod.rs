//! The format writers, shared by every document: each file knows one format (escaping, page or
//! package frame, tables) and nothing about what a document says. Documents live one level up,
//! one module each (`report/`, `comparison.rs`, `dependencies/`, `territory.rs`…).

pub(crate) mod csv;
pub(crate) mod html;
pub(crate) mod markdown;
pub(crate) mod odf;
pub(crate) mod ods;
pub(crate) mod odt;
pub(crate) mod prose;
pub(crate) mod table;
