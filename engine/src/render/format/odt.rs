//! OpenDocument text (`.odt`): the `Doc` builder (headings, paragraphs, lists, tables) and the
//! package of a text document, shared by every ODT document. The zip is written by `odf.rs`.

use crate::render::format::odf::{escape_xml, manifest_xml, meta_xml, zip_stored};
use crate::render::labels::labels;
use crate::render::severity_label;
use crate::report::Diagnostic;
use crate::text::Lang;
use std::fmt::Write as _;

/// Media type of an OpenDocument text.
pub const ODT_MIME: &str = "application/vnd.oasis.opendocument.text";

/// The ODF package of a document: `title` and `lang` in its properties, `generator` the engine
/// that wrote it, `doc` its text.
pub(crate) fn package(title: &str, lang: Lang, generator: &str, doc: &Doc) -> Vec<u8> {
    package_styled(title, lang, generator, doc, STYLES)
}

/// [`package`] for a document people print and sign: every page has a running header (`header`,
/// plain text) and its number out of the page count in the footer (« Page 2 sur 5 »: `page_of`
/// holds the two words).
pub(crate) fn package_paged(
    title: &str,
    lang: Lang,
    generator: &str,
    doc: &Doc,
    header: &str,
    page_of: (&str, &str),
) -> Vec<u8> {
    let master = paged_master_page(header, page_of, ("Header", "Footer"));
    let styles = STYLES
        .replace(PLAIN_MASTER, &master)
        .replace(PLAIN_LAYOUT_END, PAGED_LAYOUT_END);
    package_styled(title, lang, generator, doc, &styles)
}

/// A master page whose pages carry a running header (`header`, plain text) and, in the footer,
/// their number out of the page count (`page_of` holds the words around the number: « Page »
/// and « sur »), each paragraph in the named style (header, footer): the report's and the
/// prose documents' master page.
pub(crate) fn paged_master_page(header: &str, page_of: (&str, &str), styles: (&str, &str)) -> String {
    format!(
        r#"<style:master-page style:name="Standard" style:page-layout-name="A4"><style:header><text:p text:style-name="{}">{}</text:p></style:header><style:footer><text:p text:style-name="{}">{} <text:page-number text:select-page="current">1</text:page-number> {} <text:page-count>1</text:page-count></text:p></style:footer></style:master-page>"#,
        styles.0,
        escape_xml(header),
        styles.1,
        escape_xml(page_of.0),
        escape_xml(page_of.1)
    )
}

fn package_styled(title: &str, lang: Lang, generator: &str, doc: &Doc, styles: &str) -> Vec<u8> {
    let (body, columns) = (&doc.o, &doc.columns);
    let styles = styles.replace("LANG", language_attributes(lang));
    let content = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?>
<office:document-content {NAMESPACES}>
<office:automatic-styles>
<style:style style:name="Grid" style:family="table"><style:table-properties style:width="17cm" table:align="margins" fo:margin-bottom="0.3cm"/></style:style>
<style:style style:name="Cell" style:family="table-cell"><style:table-cell-properties fo:border="0.06pt solid #000000" fo:padding="0.08cm"/></style:style>
<text:list-style style:name="Bullets"><text:list-level-style-bullet text:level="1" text:bullet-char="•"><style:list-level-properties text:list-level-position-and-space-mode="label-alignment"><style:list-level-label-alignment text:label-followed-by="listtab" text:list-tab-stop-position="0.6cm" fo:text-indent="-0.5cm" fo:margin-left="0.6cm"/></style:list-level-properties></text:list-level-style-bullet></text:list-style>
{columns}<text:list-style style:name="Numbered"><text:list-level-style-number text:level="1" style:num-format="1" style:num-suffix="."><style:list-level-properties text:list-level-position-and-space-mode="label-alignment"><style:list-level-label-alignment text:label-followed-by="listtab" text:list-tab-stop-position="0.7cm" fo:text-indent="-0.6cm" fo:margin-left="0.7cm"/></style:list-level-properties></text:list-level-style-number></text:list-style>
</office:automatic-styles>
<office:body><office:text>
{body}</office:text></office:body>
</office:document-content>
"#
    );
    text_package(&meta_xml(title, lang, generator), &styles, &content)
}

/// The language of a text document's default style, as `fo:` attributes.
pub(crate) fn language_attributes(lang: Lang) -> &'static str {
    match lang {
        Lang::Fr => r#"fo:language="fr" fo:country="FR""#,
        Lang::En => r#"fo:language="en" fo:country="GB""#,
    }
}

/// The stored zip of an OpenDocument text from its three XML parts (the report's and the prose
/// documents' share it).
pub(crate) fn text_package(meta: &str, styles: &str, content: &str) -> Vec<u8> {
    zip_stored(&[
        ("mimetype", ODT_MIME.as_bytes()),
        (
            "META-INF/manifest.xml",
            manifest_xml(ODT_MIME, &["meta.xml", "styles.xml", "content.xml"]).as_bytes(),
        ),
        ("meta.xml", meta.as_bytes()),
        ("styles.xml", styles.as_bytes()),
        ("content.xml", content.as_bytes()),
    ])
}

const NAMESPACES: &str = r#"xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" office:version="1.3""#;

/// Named styles: body text, two heading levels, table text, the notice box; A4 pages with 2 cm
/// margins, as the HTML report's print stylesheet. `LANG` is replaced by the document's language.
const STYLES: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<office:document-styles xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" office:version="1.3">
 <office:styles>
  <style:default-style style:family="paragraph"><style:paragraph-properties fo:margin-bottom="0.2cm"/><style:text-properties fo:font-size="10.5pt" LANG/></style:default-style>
  <style:style style:name="Standard" style:family="paragraph" style:class="text"/>
  <style:style style:name="Heading_20_1" style:display-name="Heading 1" style:family="paragraph" style:parent-style-name="Standard" style:default-outline-level="1" style:class="text"><style:paragraph-properties fo:margin-top="0.4cm" fo:margin-bottom="0.3cm" fo:keep-with-next="always"/><style:text-properties fo:font-size="17pt" fo:font-weight="bold"/></style:style>
  <style:style style:name="Heading_20_2" style:display-name="Heading 2" style:family="paragraph" style:parent-style-name="Standard" style:default-outline-level="2" style:class="text"><style:paragraph-properties fo:margin-top="0.5cm" fo:margin-bottom="0.2cm" fo:keep-with-next="always"/><style:text-properties fo:font-size="13pt" fo:font-weight="bold"/></style:style>
  <style:style style:name="Table_20_Contents" style:display-name="Table Contents" style:family="paragraph" style:parent-style-name="Standard" style:class="extra"><style:paragraph-properties fo:margin-bottom="0cm"/></style:style>
  <style:style style:name="Notice" style:family="paragraph" style:parent-style-name="Standard"><style:paragraph-properties fo:border="0.06pt solid #000000" fo:padding="0.2cm"/></style:style>
  <style:style style:name="Part" style:display-name="Part" style:family="paragraph" style:parent-style-name="Heading_20_2" style:default-outline-level="2" style:class="text"><style:paragraph-properties fo:break-before="page"/></style:style>
  <style:style style:name="Heading_20_3" style:display-name="Heading 3" style:family="paragraph" style:parent-style-name="Standard" style:default-outline-level="3" style:class="text"><style:paragraph-properties fo:margin-top="0.4cm" fo:margin-bottom="0.15cm" fo:keep-with-next="always"/><style:text-properties fo:font-size="11.5pt" fo:font-weight="bold"/></style:style>
  <style:style style:name="Header" style:family="paragraph" style:parent-style-name="Standard" style:class="extra"><style:paragraph-properties fo:text-align="center" fo:margin-bottom="0cm"/><style:text-properties fo:font-size="9pt"/></style:style>
  <style:style style:name="Footer" style:family="paragraph" style:parent-style-name="Standard" style:class="extra"><style:paragraph-properties fo:text-align="center" fo:margin-bottom="0cm"/><style:text-properties fo:font-size="9pt"/></style:style>
  <style:style style:name="Strong_20_Emphasis" style:display-name="Strong Emphasis" style:family="text"><style:text-properties fo:font-weight="bold"/></style:style>
 </office:styles>
 <office:automatic-styles>
  <style:page-layout style:name="A4"><style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm" fo:margin-top="2cm" fo:margin-bottom="2cm" fo:margin-left="2cm" fo:margin-right="2cm"/></style:page-layout>
 </office:automatic-styles>
 <office:master-styles><style:master-page style:name="Standard" style:page-layout-name="A4"/></office:master-styles>
</office:document-styles>
"#;

/// The master page of [`STYLES`], replaced by one with a header and a footer in [`package_paged`].
const PLAIN_MASTER: &str = r#"<style:master-page style:name="Standard" style:page-layout-name="A4"/>"#;

/// The end of the A4 page layout of [`STYLES`], and the same with room for a header and a footer.
const PLAIN_LAYOUT_END: &str = r#"fo:margin-right="2cm"/></style:page-layout>"#;
const PAGED_LAYOUT_END: &str = r#"fo:margin-right="2cm"/><style:header-style><style:header-footer-properties fo:min-height="0.6cm" fo:margin-bottom="0.3cm"/></style:header-style><style:footer-style><style:header-footer-properties fo:min-height="0.6cm" fo:margin-top="0.3cm"/></style:footer-style></style:page-layout>"#;

/// The width of a table's text, in hundredths of a centimetre (A4 less two 2 cm margins).
const TEXT_WIDTH: u32 = 1700;

/// Widths of a table's columns in hundredths of a centimetre, adding up to [`TEXT_WIDTH`]: at
/// least the header's longest word in bold (about 0.22 cm a character at 10.5 pt, plus the
/// cell's padding), then what is left in proportion to how much more the longest cell wants
/// (about 0.19 cm a character, counted up to 48).
fn column_widths(header: &[&str], rows: &[Vec<String>]) -> Vec<u32> {
    let chars = |s: &str| u32::try_from(s.chars().count()).unwrap_or(u32::MAX).min(48);
    let floor: Vec<u32> = header
        .iter()
        .map(|h| h.split_whitespace().map(chars).max().unwrap_or(0).max(3) * 22 + 40)
        .collect();
    let want: Vec<u32> = (0..header.len())
        .map(|i| {
            rows.iter()
                .filter_map(|r| r.get(i))
                .map(|c| chars(c))
                .max()
                .unwrap_or(0)
                * 19
                + 40
        })
        .collect();
    let least: u32 = floor.iter().sum();
    let (base, weights): (Vec<u32>, Vec<u32>) = if least > TEXT_WIDTH {
        (vec![0; floor.len()], floor.clone())
    } else {
        let extra: Vec<u32> = floor.iter().zip(&want).map(|(f, w)| w.saturating_sub(*f)).collect();
        let extra = if extra.iter().all(|e| *e == 0) {
            vec![1; floor.len()]
        } else {
            extra
        };
        (floor, extra)
    };
    let spare = TEXT_WIDTH - base.iter().sum::<u32>();
    let total = u64::from(weights.iter().sum::<u32>().max(1));
    let mut widths: Vec<u32> = base
        .iter()
        .zip(&weights)
        .map(|(b, w)| b + u32::try_from(u64::from(spare) * u64::from(*w) / total).unwrap_or(0))
        .collect();
    // What rounding left goes to the widest column.
    let short = TEXT_WIDTH - widths.iter().sum::<u32>();
    if let Some(widest) = (0..widths.len()).max_by_key(|&i| (widths[i], std::cmp::Reverse(i))) {
        widths[widest] += short;
    }
    widths
}

/// The document body, written as XML elements on `o`.
#[derive(Default)]
pub(crate) struct Doc {
    pub(crate) o: String,
    tables: u32,
    /// The column styles of the tables (automatic styles of the content).
    columns: String,
}

impl Doc {
    pub(crate) fn heading(&mut self, level: u8, text: &str) {
        let _ = writeln!(
            self.o,
            r#"<text:h text:style-name="Heading_20_{level}" text:outline-level="{level}">{}</text:h>"#,
            escape_xml(text)
        );
    }

    /// A level-2 heading that starts a new page.
    pub(crate) fn part(&mut self, text: &str) {
        let _ = writeln!(
            self.o,
            r#"<text:h text:style-name="Part" text:outline-level="2">{}</text:h>"#,
            escape_xml(text)
        );
    }

    /// A paragraph of already escaped XML (text and `<text:span>`s).
    pub(crate) fn para_xml(&mut self, xml: &str) {
        let _ = writeln!(self.o, "<text:p>{xml}</text:p>");
    }

    pub(crate) fn para(&mut self, text: &str) {
        self.para_xml(&escape_xml(text));
    }

    /// The boxed notice under the title: `bold`, then `text` (both plain text; `text` may be empty).
    pub(crate) fn notice(&mut self, bold: &str, text: &str) {
        let sep = if text.is_empty() { "" } else { " " };
        let _ = writeln!(
            self.o,
            r#"<text:p text:style-name="Notice">{}{sep}{}</text:p>"#,
            strong(bold),
            escape_xml(text)
        );
    }

    /// "Label : value" with the value in bold.
    pub(crate) fn fact(&mut self, label: &str, value: &str, lang: Lang) {
        self.para_xml(&format!(
            "{}{}{}",
            escape_xml(label),
            crate::render::colon(lang),
            strong(value)
        ));
    }

    pub(crate) fn list(&mut self, numbered: bool, items: impl IntoIterator<Item = String>) {
        let _ = writeln!(
            self.o,
            r#"<text:list text:style-name="{}">"#,
            if numbered { "Numbered" } else { "Bullets" }
        );
        for xml in items {
            let _ = writeln!(self.o, "<text:list-item><text:p>{xml}</text:p></text:list-item>");
        }
        self.o.push_str("</text:list>\n");
    }

    /// A table with a header row; cells are plain text. Each column is at least as wide as its
    /// header's longest word in bold, and the rest of the 17 cm of text width goes to the columns
    /// whose cells want more, in proportion to their longest cell (up to 48 characters; longer
    /// text wraps).
    pub(crate) fn table(&mut self, header: &[&str], rows: impl IntoIterator<Item = Vec<String>>) {
        self.table_of(header, rows.into_iter().collect());
    }

    /// [`Doc::table`]'s body, written once rather than for every kind of row iterator.
    #[inline(never)]
    fn table_of(&mut self, header: &[&str], rows: Vec<Vec<String>>) {
        self.tables += 1;
        let widths = column_widths(header, &rows);
        let name = format!("Table{}", self.tables);
        let _ = write!(self.o, r#"<table:table table:name="{name}" table:style-name="Grid">"#);
        for (i, &width) in widths.iter().enumerate() {
            let _ = writeln!(
                self.columns,
                r#"<style:style style:name="{name}.C{i}" style:family="table-column"><style:table-column-properties style:column-width="{}.{:02}cm" style:rel-column-width="{width}*"/></style:style>"#,
                width / 100,
                width % 100
            );
            let _ = write!(self.o, r#"<table:table-column table:style-name="{name}.C{i}"/>"#);
        }
        self.o.push_str("\n<table:table-header-rows>");
        self.row(header.iter().map(|h| strong(h)));
        self.o.push_str("</table:table-header-rows>\n");
        for r in &rows {
            self.row(r.iter().map(|c| escape_xml(c)));
        }
        self.o.push_str("</table:table>\n");
    }

    /// The diagnostics section: a heading with their number, then a table, or `none`.
    pub(crate) fn diagnostics(&mut self, diagnostics: &[Diagnostic], lang: Lang, none: &str) {
        self.heading(
            2,
            &format!("{} ({})", labels(lang).common.diagnostics, diagnostics.len()),
        );
        if diagnostics.is_empty() {
            self.para(none);
            return;
        }
        self.table(
            &[
                labels(lang).common.severity,
                "Code",
                labels(lang).common.location,
                "Message",
            ],
            diagnostics.iter().map(|g| {
                vec![
                    severity_label(g.severity, lang).to_owned(),
                    g.code.to_string(),
                    g.pointer.to_string(),
                    g.message.get(lang).to_owned(),
                ]
            }),
        );
    }

    fn row(&mut self, cells: impl Iterator<Item = String>) {
        self.o.push_str("<table:table-row>");
        for xml in cells {
            let _ = write!(
                self.o,
                r#"<table:table-cell table:style-name="Cell" office:value-type="string"><text:p text:style-name="Table_20_Contents">{xml}</text:p></table:table-cell>"#
            );
        }
        self.o.push_str("</table:table-row>\n");
    }
}

pub(crate) fn strong(text: &str) -> String {
    format!(
        r#"<text:span text:style-name="Strong_20_Emphasis">{}</text:span>"#,
        escape_xml(text)
    )
}
