//! The readiness report (a [`Report`](crate::report::Report)) in each of its formats: one file per
//! format, every text from the label table, the format writers from `render/format/`.

mod csv;
mod html;
mod markdown;
mod odt;

pub use csv::csv;
pub use html::html;
pub use markdown::markdown;
pub use odt::odt;
