//! Spreadsheets as OpenDocument (`.ods`), the RGI's spreadsheet format: the territory table
//! ([`summary_ods`]), the dependency map ([`deps_ods`]) and the comparison ([`comparison_ods`]).
//!
//! Every cell is typed, so a spreadsheet sums and sorts it without a conversion: counts are
//! numbers, shares and scores (out of 1000 in the engine) are percentages, money is a currency
//! in euros, contract ends are dates, and everything else is text, escaped and never a formula.
//! The first row of each sheet is its header, in bold and frozen; each column is as wide as its
//! longest cell, up to a cap past which the text overflows. The package is written by
//! `render/format/odf.rs`, as the text documents are.

use crate::render::format::odf::{escape_xml, manifest_xml, meta_xml, zip_stored};
use crate::render::thousands;
use crate::render::words::{date_words, iso_date};
use crate::text::Lang;
use std::fmt::Write as _;

/// Media type of an OpenDocument spreadsheet.
pub const ODS_MIME: &str = "application/vnd.oasis.opendocument.spreadsheet";

/// One cell of a sheet, with its type.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Cell {
    /// Nothing.
    Empty,
    /// Text, shown as written.
    Text(String),
    /// A whole number.
    Number(i64),
    /// A share or a score out of 1000, shown as a percentage with one decimal.
    PerMille(i64),
    /// Whole euros.
    Euros(i64),
    /// A calendar date, checked to be `YYYY-MM-DD`.
    Date(String),
}

impl Cell {
    /// Text, or an empty cell for an empty string.
    pub(crate) fn text(s: impl Into<String>) -> Cell {
        let s = s.into();
        if s.is_empty() {
            Cell::Empty
        } else {
            Cell::Text(s)
        }
    }

    /// A date when `s` is a full `YYYY-MM-DD` date; otherwise (a month `YYYY-MM`, or anything
    /// else a file holds) the text as written.
    pub(crate) fn date(s: &str) -> Cell {
        if iso_date(s).is_some() {
            Cell::Date(s.to_owned())
        } else {
            Cell::text(s)
        }
    }

    /// The cell as a reader sees it: the text an office suite shows (and caches in the file).
    fn shown(&self, lang: Lang) -> String {
        match self {
            Cell::Empty => String::new(),
            Cell::Text(s) => s.clone(),
            Cell::Number(n) => signed(*n, |a| thousands(a, lang)),
            Cell::PerMille(n) => signed(*n, |a| {
                crate::render::percent(u32::try_from(a).unwrap_or(u32::MAX), lang)
            }),
            Cell::Euros(n) => signed(*n, |a| crate::render::euros(a, lang)),
            Cell::Date(s) => iso_date(s).map_or_else(|| s.clone(), |(y, m, d)| date_words(y, m, d, lang)),
        }
    }
}

/// A negative amount shown with a minus sign before `show` of its absolute value.
fn signed(n: i64, show: impl Fn(u64) -> String) -> String {
    let shown = show(n.unsigned_abs());
    if n < 0 {
        format!("-{shown}")
    } else {
        shown
    }
}

/// A sheet: its name (the tab), its header row and its rows.
pub(crate) struct Sheet {
    pub(crate) name: String,
    pub(crate) header: Vec<String>,
    pub(crate) rows: Vec<Vec<Cell>>,
}

/// A value out of 1000 as an OpenDocument decimal: `623` → `0.623`, `-25` → `-0.025`.
fn per_mille_value(n: i64) -> String {
    let sign = if n < 0 { "-" } else { "" };
    let a = n.unsigned_abs();
    format!("{sign}{}.{:03}", a / 1000, a % 1000)
}

/// The widest column, in hundredths of a centimetre: longer text overflows into the next cell or
/// is cut, as in any spreadsheet.
const MAX_WIDTH: u64 = 1200;

/// A column's width in hundredths of a centimetre: its longest cell at about 0.2 cm a character
/// (the header's, in bold, at 0.22), plus the cell's padding, between 1.5 cm and [`MAX_WIDTH`].
fn column_width(header: &str, shown: impl Iterator<Item = usize>) -> u64 {
    let count = |n: usize| u64::try_from(n).unwrap_or(u64::MAX);
    let head = count(header.chars().count()).saturating_mul(22);
    let cells = shown.map(|n| count(n).saturating_mul(20)).max().unwrap_or(0);
    (head.max(cells) + 40).clamp(150, MAX_WIDTH)
}

/// The number styles and cell styles of every sheet, in the document's language.
fn data_styles(lang: Lang) -> String {
    let (locale, percent_sign, euro_before) = match lang {
        Lang::Fr => (r#"number:language="fr" number:country="FR""#, "\u{a0}%", false),
        Lang::En => (r#"number:language="en" number:country="GB""#, "%", true),
    };
    let symbol = format!(r#"<number:currency-symbol {locale}>€</number:currency-symbol>"#);
    let amount = r#"<number:number number:decimal-places="0" number:min-decimal-places="0" number:min-integer-digits="1" number:grouping="true"/>"#;
    let currency = if euro_before {
        format!("{symbol}{amount}")
    } else {
        format!("{amount}<number:text>\u{a0}</number:text>{symbol}")
    };
    format!(
        r#"<number:number-style style:name="N-int" {locale}>{amount}</number:number-style>
<number:percentage-style style:name="N-pct" {locale}><number:number number:decimal-places="1" number:min-decimal-places="1" number:min-integer-digits="1"/><number:text>{percent_sign}</number:text></number:percentage-style>
<number:currency-style style:name="N-eur" {locale}>{currency}</number:currency-style>
<number:date-style style:name="N-date" {locale}><number:day/><number:text> </number:text><number:month number:textual="true" number:style="long"/><number:text> </number:text><number:year number:style="long"/></number:date-style>
<style:style style:name="ce-head" style:family="table-cell"><style:text-properties fo:font-weight="bold"/></style:style>
<style:style style:name="ce-int" style:family="table-cell" style:data-style-name="N-int"/>
<style:style style:name="ce-pct" style:family="table-cell" style:data-style-name="N-pct"/>
<style:style style:name="ce-eur" style:family="table-cell" style:data-style-name="N-eur"/>
<style:style style:name="ce-date" style:family="table-cell" style:data-style-name="N-date"/>
"#
    )
}

/// One cell as XML: its type, its value for the spreadsheet, and the text it shows.
fn write_cell(o: &mut String, cell: &Cell, lang: Lang) {
    let (style, attributes) = match cell {
        Cell::Empty => {
            o.push_str("<table:table-cell/>");
            return;
        }
        Cell::Text(_) => ("", r#"office:value-type="string""#.to_owned()),
        Cell::Number(n) => ("ce-int", format!(r#"office:value-type="float" office:value="{n}""#)),
        Cell::PerMille(n) => (
            "ce-pct",
            format!(
                r#"office:value-type="percentage" office:value="{}""#,
                per_mille_value(*n)
            ),
        ),
        Cell::Euros(n) => (
            "ce-eur",
            format!(r#"office:value-type="currency" office:currency="EUR" office:value="{n}""#),
        ),
        Cell::Date(d) => (
            "ce-date",
            format!(r#"office:value-type="date" office:date-value="{d}""#),
        ),
    };
    let style = if style.is_empty() {
        String::new()
    } else {
        format!(r#" table:style-name="{style}""#)
    };
    let _ = write!(
        o,
        "<table:table-cell{style} {attributes}><text:p>{}</text:p></table:table-cell>",
        escape_xml(&cell.shown(lang))
    );
}

/// The spreadsheet of `sheets`, titled `title`, in `lang`.
pub(crate) fn spreadsheet(title: &str, lang: Lang, sheets: &[Sheet]) -> Vec<u8> {
    let mut columns = String::new();
    let mut body = String::new();
    for (s, sheet) in sheets.iter().enumerate() {
        let _ = write!(body, r#"<table:table table:name="{}">"#, escape_xml(&sheet.name));
        for (c, header) in sheet.header.iter().enumerate() {
            let shown: Vec<String> = sheet
                .rows
                .iter()
                .filter_map(|r| r.get(c))
                .map(|cell| cell.shown(lang))
                .collect();
            let width = column_width(header, shown.iter().map(|t| t.chars().count()));
            let _ = writeln!(
                columns,
                r#"<style:style style:name="co{s}-{c}" style:family="table-column"><style:table-column-properties style:column-width="{}.{:02}cm"/></style:style>"#,
                width / 100,
                width % 100
            );
            let _ = write!(body, r#"<table:table-column table:style-name="co{s}-{c}"/>"#);
        }
        body.push_str("\n<table:table-header-rows><table:table-row>");
        for h in &sheet.header {
            let _ = write!(
                body,
                r#"<table:table-cell table:style-name="ce-head" office:value-type="string"><text:p>{}</text:p></table:table-cell>"#,
                escape_xml(h)
            );
        }
        body.push_str("</table:table-row></table:table-header-rows>\n");
        for row in &sheet.rows {
            body.push_str("<table:table-row>");
            for cell in row {
                write_cell(&mut body, cell, lang);
            }
            body.push_str("</table:table-row>\n");
        }
        body.push_str("</table:table>\n");
    }
    let content = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?>
<office:document-content {NAMESPACES}>
<office:automatic-styles>
{}{columns}</office:automatic-styles>
<office:body><office:spreadsheet>
{body}</office:spreadsheet></office:body>
</office:document-content>
"#,
        data_styles(lang)
    );
    let language = match lang {
        Lang::Fr => r#"fo:language="fr" fo:country="FR""#,
        Lang::En => r#"fo:language="en" fo:country="GB""#,
    };
    let styles = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?>
<office:document-styles {NAMESPACES}>
 <office:styles><style:default-style style:family="table-cell"><style:text-properties {language}/></style:default-style></office:styles>
</office:document-styles>
"#
    );
    zip_stored(&[
        ("mimetype", ODS_MIME.as_bytes()),
        (
            "META-INF/manifest.xml",
            manifest_xml(ODS_MIME, &["meta.xml", "settings.xml", "styles.xml", "content.xml"]).as_bytes(),
        ),
        (
            "meta.xml",
            meta_xml(title, lang, &format!("tnl-engine {}", crate::VERSION)).as_bytes(),
        ),
        ("settings.xml", settings(sheets).as_bytes()),
        ("styles.xml", styles.as_bytes()),
        ("content.xml", content.as_bytes()),
    ])
}

const NAMESPACES: &str = r#"xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:number="urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" office:version="1.3""#;

/// The view settings: on every sheet the header row is frozen (the window split under row 1,
/// `VerticalSplitMode` 2 with `VerticalSplitPosition` 1, no split between columns), so it stays
/// in sight while the rows scroll. These are LibreOffice's settings, which other suites read too.
fn settings(sheets: &[Sheet]) -> String {
    let mut tables = String::new();
    for sheet in sheets {
        let _ = write!(
            tables,
            r#"<config:config-item-map-entry config:name="{}"><config:config-item config:name="HorizontalSplitMode" config:type="short">0</config:config-item><config:config-item config:name="VerticalSplitMode" config:type="short">2</config:config-item><config:config-item config:name="HorizontalSplitPosition" config:type="int">0</config:config-item><config:config-item config:name="VerticalSplitPosition" config:type="int">1</config:config-item><config:config-item config:name="ActiveSplitRange" config:type="short">2</config:config-item><config:config-item config:name="PositionLeft" config:type="int">0</config:config-item><config:config-item config:name="PositionRight" config:type="int">0</config:config-item><config:config-item config:name="PositionTop" config:type="int">0</config:config-item><config:config-item config:name="PositionBottom" config:type="int">1</config:config-item></config:config-item-map-entry>"#,
            escape_xml(&sheet.name)
        );
    }
    let first = sheets.first().map(|s| escape_xml(&s.name)).unwrap_or_default();
    format!(
        r#"<?xml version="1.0" encoding="UTF-8"?>
<office:document-settings xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:config="urn:oasis:names:tc:opendocument:xmlns:config:1.0" office:version="1.3">
<office:settings><config:config-item-set config:name="ooo:view-settings"><config:config-item-map-indexed config:name="Views"><config:config-item-map-entry><config:config-item config:name="ViewId" config:type="string">view1</config:config-item><config:config-item-map-named config:name="Tables">{tables}</config:config-item-map-named><config:config-item config:name="ActiveTable" config:type="string">{first}</config:config-item></config:config-item-map-entry></config:config-item-map-indexed></config:config-item-set></office:settings>
</office:document-settings>
"#
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn per_mille_values_are_decimals() {
        assert_eq!(per_mille_value(623), "0.623");
        assert_eq!(per_mille_value(1000), "1.000");
        assert_eq!(per_mille_value(-25), "-0.025");
        assert_eq!(per_mille_value(0), "0.000");
    }

    #[test]
    fn dates_are_checked_and_written_in_words() {
        assert_eq!(Cell::date("2026-03-31"), Cell::Date("2026-03-31".into()));
        assert_eq!(Cell::date("2026-03"), Cell::Text("2026-03".into()));
        assert_eq!(Cell::date("2026-13-01"), Cell::Text("2026-13-01".into()));
        assert_eq!(Cell::date("2026-1-011"), Cell::Text("2026-1-011".into()));
        assert_eq!(Cell::date("2026-03-31").shown(Lang::Fr), "31 mars 2026");
        assert_eq!(Cell::date("2026-10-01").shown(Lang::Fr), "1er octobre 2026");
        assert_eq!(Cell::date("2026-10-01").shown(Lang::En), "1 October 2026");
    }

    #[test]
    fn negative_cells_show_their_sign() {
        assert_eq!(Cell::PerMille(-25).shown(Lang::En), "-2.5%");
        assert_eq!(Cell::Euros(-1200).shown(Lang::Fr), "-1\u{202f}200\u{a0}€");
        assert_eq!(Cell::Number(-2).shown(Lang::En), "-2");
    }

    #[test]
    fn a_column_fits_its_longest_cell_up_to_a_cap() {
        assert_eq!(column_width("a", [1].into_iter()), 150);
        assert!(column_width("Score", [30].into_iter()) > column_width("Score", [10].into_iter()));
        assert_eq!(column_width("x", [500].into_iter()), MAX_WIDTH);
    }
}
