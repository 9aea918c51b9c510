//! The readiness report (a [`Report`](crate::report::Report)) in each of its formats: one file per
//! format, every text from the label table, the format writers from `render/format/`. The
//! document (HTML, Markdown, ODT) is laid out once in `document.rs`; the CSV is its own table.

mod csv;
mod document;
mod html;
mod markdown;
mod odt;

pub use csv::csv;
pub use document::ReportDocument;
pub use html::{html, html_document};
pub use markdown::{markdown, markdown_document};
pub use odt::{odt, odt_document};
