//! Prose documents (the note for the élus, the draft deliberation): a document built once as
//! headings, paragraphs and lists of [`Span`]s, then written as a standalone HTML page, Markdown
//! or an OpenDocument text. Each writer escapes every span for its format, so a document's text
//! never has to be escaped by the document itself.
//!
//! A [`Span::Blank`] is a place the collectivité must fill in: « [à compléter : …] » in bold in
//! Markdown, marked (`<mark>`) in HTML, bold on a yellow background in ODT. Page numbers and the
//! running header (who and when) are printed by the HTML page's `@page` rules and by the ODT's
//! master page.

use crate::render::escape_html;
use crate::render::escape_markdown;
use crate::render::format::odf::{escape_xml, meta_xml};
use crate::render::format::odt::{language_attributes, paged_master_page, text_package};
use crate::text::Lang;
use std::fmt::Write as _;

/// A piece of a paragraph.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Span {
    /// Plain text.
    Text(String),
    /// Text in bold.
    Strong(String),
    /// A place to complete, written with its marker (« [à compléter : nom de l'élu] »).
    Blank(String),
    /// A call to the numbered source `n` (1-based) of the document's sources.
    Source(usize),
}

/// A block of a prose document.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Block {
    /// A section heading.
    Heading(String),
    /// A paragraph.
    Para(Vec<Span>),
    /// The boxed notice: bold words, then plain text.
    Notice(String, String),
    /// A bulleted list, one item per entry.
    Bullets(Vec<Vec<Span>>),
    /// A numbered list.
    Numbered(Vec<Vec<Span>>),
}

/// A numbered source of a prose document: its words, and the address of the public page it is
/// when it is one (written as a link in HTML, as plain text in ODT and Markdown).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct Cited {
    /// What the source is, in the document's language.
    pub text: String,
    /// The page's address.
    pub url: Option<String>,
}

/// A prose document: its title, the running header of its printed pages, its blocks, and its
/// numbered sources (under `sources_heading`, when there are any).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct Prose {
    /// The document's title.
    pub title: String,
    /// Who and when, printed at the top of every page and under the title.
    pub header: String,
    /// The blocks, in order.
    pub blocks: Vec<Block>,
    /// The heading of the sources list.
    pub sources_heading: String,
    /// The sources, numbered from 1 in the order given; [`Span::Source`] calls them.
    pub sources: Vec<Cited>,
    /// The words around the page number: « Page » and « sur » (« Page 2 sur 5 »).
    pub page_of: (&'static str, &'static str),
}

impl Prose {
    /// Adds a paragraph of one plain text.
    pub(crate) fn para(&mut self, text: impl Into<String>) {
        self.blocks.push(Block::Para(vec![Span::Text(text.into())]));
    }

    /// Adds a source and returns the span that calls it.
    pub(crate) fn cite(&mut self, source: impl Into<String>) -> Span {
        self.cite_source(Cited {
            text: source.into(),
            url: None,
        })
    }

    /// Adds a public page as a source and returns the span that calls it.
    pub(crate) fn cite_page(&mut self, title: impl Into<String>, url: impl Into<String>) -> Span {
        self.cite_source(Cited {
            text: title.into(),
            url: Some(url.into()),
        })
    }

    /// Adds a source, once however often it is cited, and returns the span that calls it.
    fn cite_source(&mut self, source: Cited) -> Span {
        let n = match self.sources.iter().position(|s| *s == source) {
            Some(i) => i + 1,
            None => {
                self.sources.push(source);
                self.sources.len()
            }
        };
        Span::Source(n)
    }
}

/// A label with named places (`{name}`) filled in: the label table keeps whole sentences, so a
/// translation can put the values where its language wants them.
/// One pass over the template, so a value that itself holds `{…}` (a name typed by a user) is
/// never filled in again.
pub(crate) fn fill(template: &str, values: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(template.len() + 64);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let value = after.find('}').and_then(|close| {
            values
                .iter()
                .find(|(n, _)| *n == &after[..close])
                .map(|(_, v)| (close, v))
        });
        match value {
            Some((close, v)) => {
                out.push_str(v);
                rest = &after[close + 1..];
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// A label as spans: its bracketed places (« [à compléter : …] ») become blanks, and `values`
/// are filled into the rest only, so a bracket typed in a name is never taken for a blank.
pub(crate) fn marked(template: &str, values: &[(&str, &str)]) -> Vec<Span> {
    let mut spans = Vec::new();
    let mut rest = template;
    while let Some((open, close)) = rest.find('[').and_then(|o| rest[o..].find(']').map(|c| (o, o + c))) {
        if open > 0 {
            spans.push(Span::Text(fill(&rest[..open], values)));
        }
        spans.push(Span::Blank(rest[open..=close].to_owned()));
        rest = &rest[close + 1..];
    }
    if !rest.is_empty() {
        spans.push(Span::Text(fill(rest, values)));
    }
    spans
}

/// Extra CSS of a prose page: A4 with the running header and page numbers in the margins,
/// marked blanks, the sources in small print.
fn prose_css(header: &str, page_of: (&str, &str)) -> String {
    format!(
        "mark{{background:#fff59d;font-weight:600}}.header{{color:#444;margin:0 0 1rem}}.sources{{font-size:.9em}}sup{{line-height:0}}\n@page{{size:A4;margin:18mm 16mm;@top-left{{content:{};font-size:9pt;color:#444}}@bottom-right{{content:{} \" \" counter(page) \" \" {} \" \" counter(pages);font-size:9pt}}}}\n@media print{{body{{font-size:10pt;line-height:1.35}}h1{{font-size:16pt}}h2{{font-size:12pt;margin:1rem 0 .3rem}}p,li{{margin:.25rem 0}}}}\n",
        css_string(header),
        css_string(page_of.0),
        css_string(page_of.1)
    )
}

/// Text as a CSS string literal: every character other than a letter, a digit or a space is
/// written as a hexadecimal escape, so nothing in a name can end the string or the stylesheet.
fn css_string(text: &str) -> String {
    let mut out = String::from("\"");
    for c in text.chars().filter(|c| !c.is_control()) {
        if c.is_alphanumeric() || c == ' ' {
            out.push(c);
        } else {
            let _ = write!(out, "\\{:x} ", u32::from(c));
        }
    }
    out.push('"');
    out
}

fn spans_html(spans: &[Span]) -> String {
    let mut o = String::new();
    for s in spans {
        match s {
            Span::Text(t) => o.push_str(&escape_html(t)),
            Span::Strong(t) => {
                let _ = write!(o, "<strong>{}</strong>", escape_html(t));
            }
            Span::Blank(t) => {
                let _ = write!(o, "<mark>{}</mark>", escape_html(t));
            }
            Span::Source(n) => {
                let _ = write!(o, "<sup><a href=\"#source-{n}\">{n}</a></sup>");
            }
        }
    }
    o
}

/// The document as a standalone, printable HTML page.
pub(crate) fn prose_html(doc: &Prose, lang: Lang) -> String {
    let mut o = String::new();
    crate::render::format::html::page_start_with(&mut o, lang, &doc.title, &prose_css(&doc.header, doc.page_of));
    let _ = writeln!(o, "<p class=\"header\">{}</p>", escape_html(&doc.header));
    for block in &doc.blocks {
        match block {
            Block::Heading(t) => {
                let _ = writeln!(o, "<h2>{}</h2>", escape_html(t));
            }
            Block::Para(spans) => {
                let _ = writeln!(o, "<p>{}</p>", spans_html(spans));
            }
            Block::Notice(bold, text) => {
                let _ = writeln!(
                    o,
                    "<p class=\"notice\"><strong>{}</strong> {}</p>",
                    escape_html(bold),
                    escape_html(text)
                );
            }
            Block::Bullets(items) | Block::Numbered(items) => {
                let tag = if matches!(block, Block::Numbered(_)) {
                    "ol"
                } else {
                    "ul"
                };
                let _ = writeln!(o, "<{tag}>");
                for item in items {
                    let _ = writeln!(o, "<li>{}</li>", spans_html(item));
                }
                let _ = writeln!(o, "</{tag}>");
            }
        }
    }
    if !doc.sources.is_empty() {
        let _ = writeln!(
            o,
            "<h2>{}</h2>\n<ol class=\"sources\">",
            escape_html(&doc.sources_heading)
        );
        for (i, s) in doc.sources.iter().enumerate() {
            let _ = write!(o, "<li id=\"source-{}\">{}", i + 1, escape_html(&s.text));
            if let Some(url) = &s.url {
                let url = escape_html(url);
                let _ = write!(o, " — <a href=\"{url}\">{url}</a>");
            }
            o.push_str("</li>\n");
        }
        o.push_str("</ol>\n");
    }
    o.push_str(crate::render::format::html::PAGE_END);
    o
}

/// A source as plain text: its words, then the page's address.
fn cited_text(source: &Cited) -> String {
    match &source.url {
        Some(url) => format!("{} — {url}", source.text),
        None => source.text.clone(),
    }
}

fn spans_markdown(spans: &[Span]) -> String {
    let mut o = String::new();
    for s in spans {
        match s {
            Span::Text(t) => o.push_str(&escape_markdown(t)),
            Span::Strong(t) | Span::Blank(t) => {
                let _ = write!(o, "**{}**", escape_markdown(t));
            }
            Span::Source(n) => {
                let _ = write!(o, " ({n})");
            }
        }
    }
    o
}

/// The document as Markdown; sources are called by their number in brackets.
pub(crate) fn prose_markdown(doc: &Prose) -> String {
    let mut o = format!(
        "# {}\n\n{}\n\n",
        escape_markdown(&doc.title),
        escape_markdown(&doc.header)
    );
    for block in &doc.blocks {
        match block {
            Block::Heading(t) => {
                let _ = writeln!(o, "## {}\n", escape_markdown(t));
            }
            Block::Para(spans) => {
                let _ = writeln!(o, "{}\n", spans_markdown(spans));
            }
            Block::Notice(bold, text) => {
                let _ = writeln!(o, "> **{}** {}\n", escape_markdown(bold), escape_markdown(text));
            }
            Block::Bullets(items) => {
                for item in items {
                    let _ = writeln!(o, "- {}", spans_markdown(item));
                }
                o.push('\n');
            }
            Block::Numbered(items) => {
                for (i, item) in items.iter().enumerate() {
                    let _ = writeln!(o, "{}. {}", i + 1, spans_markdown(item));
                }
                o.push('\n');
            }
        }
    }
    if !doc.sources.is_empty() {
        let _ = writeln!(o, "## {}\n", escape_markdown(&doc.sources_heading));
        for (i, s) in doc.sources.iter().enumerate() {
            let _ = writeln!(o, "{}. {}", i + 1, escape_markdown(&cited_text(s)));
        }
        o.push('\n');
    }
    o
}

fn spans_odt(spans: &[Span]) -> String {
    let mut o = String::new();
    for s in spans {
        match s {
            Span::Text(t) => o.push_str(&escape_xml(t)),
            Span::Strong(t) => {
                let _ = write!(
                    o,
                    r#"<text:span text:style-name="Strong">{}</text:span>"#,
                    escape_xml(t)
                );
            }
            Span::Blank(t) => {
                let _ = write!(o, r#"<text:span text:style-name="Blank">{}</text:span>"#, escape_xml(t));
            }
            Span::Source(n) => {
                let _ = write!(o, r#"<text:span text:style-name="Call">{n}</text:span>"#);
            }
        }
    }
    o
}

fn odt_list(o: &mut String, style: &str, items: &[Vec<Span>]) {
    let _ = writeln!(o, r#"<text:list text:style-name="{style}">"#);
    for item in items {
        let _ = writeln!(
            o,
            "<text:list-item><text:p>{}</text:p></text:list-item>",
            spans_odt(item)
        );
    }
    o.push_str("</text:list>\n");
}

/// The document's `content.xml`: the body of the OpenDocument text.
pub(crate) fn prose_content_xml(doc: &Prose) -> String {
    let mut body = String::new();
    let _ = writeln!(
        body,
        r#"<text:h text:style-name="Title" text:outline-level="1">{}</text:h>"#,
        escape_xml(&doc.title)
    );
    let _ = writeln!(
        body,
        r#"<text:p text:style-name="Sub">{}</text:p>"#,
        escape_xml(&doc.header)
    );
    for block in &doc.blocks {
        match block {
            Block::Heading(t) => {
                let _ = writeln!(
                    body,
                    r#"<text:h text:style-name="Section" text:outline-level="2">{}</text:h>"#,
                    escape_xml(t)
                );
            }
            Block::Para(spans) => {
                let _ = writeln!(body, "<text:p>{}</text:p>", spans_odt(spans));
            }
            Block::Notice(bold, text) => {
                let _ = writeln!(
                    body,
                    r#"<text:p text:style-name="Notice"><text:span text:style-name="Strong">{}</text:span> {}</text:p>"#,
                    escape_xml(bold),
                    escape_xml(text)
                );
            }
            Block::Bullets(items) => odt_list(&mut body, "Bullets", items),
            Block::Numbered(items) => odt_list(&mut body, "Numbered", items),
        }
    }
    if !doc.sources.is_empty() {
        let _ = writeln!(
            body,
            r#"<text:h text:style-name="Section" text:outline-level="2">{}</text:h>"#,
            escape_xml(&doc.sources_heading)
        );
        let items: Vec<Vec<Span>> = doc.sources.iter().map(|s| vec![Span::Text(cited_text(s))]).collect();
        odt_list(&mut body, "Sources", &items);
    }
    format!(
        r##"<?xml version="1.0" encoding="UTF-8"?>
<office:document-content {NAMESPACES}>
<office:automatic-styles>
<style:style style:name="Strong" style:family="text"><style:text-properties fo:font-weight="bold"/></style:style>
<style:style style:name="Blank" style:family="text"><style:text-properties fo:font-weight="bold" fo:background-color="#fff59d"/></style:style>
<style:style style:name="Call" style:family="text"><style:text-properties style:text-position="super 58%"/></style:style>
{LISTS}</office:automatic-styles>
<office:body><office:text>
{body}</office:text></office:body>
</office:document-content>
"##
    )
}

/// The document as an OpenDocument text: A4, the running header (who and when) and the page
/// number on every page.
pub(crate) fn prose_odt(doc: &Prose, lang: Lang, generator: &str) -> Vec<u8> {
    let styles = STYLES.replace("LANG", language_attributes(lang)).replace(
        "MASTER",
        &paged_master_page(&doc.header, doc.page_of, ("Margin", "Margin")),
    );
    text_package(&meta_xml(&doc.title, lang, generator), &styles, &prose_content_xml(doc))
}

const NAMESPACES: &str = r#"xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" office:version="1.3""#;

/// The three list styles: bullets, numbers, and the sources in small print.
const LISTS: &str = r#"<text:list-style style:name="Bullets"><text:list-level-style-bullet text:level="1" text:bullet-char="•"><style:list-level-properties text:list-level-position-and-space-mode="label-alignment"><style:list-level-label-alignment text:label-followed-by="listtab" text:list-tab-stop-position="0.6cm" fo:text-indent="-0.5cm" fo:margin-left="0.6cm"/></style:list-level-properties></text:list-level-style-bullet></text:list-style>
<text:list-style style:name="Numbered"><text:list-level-style-number text:level="1" style:num-format="1" style:num-suffix="."><style:list-level-properties text:list-level-position-and-space-mode="label-alignment"><style:list-level-label-alignment text:label-followed-by="listtab" text:list-tab-stop-position="0.7cm" fo:text-indent="-0.6cm" fo:margin-left="0.7cm"/></style:list-level-properties></text:list-level-style-number></text:list-style>
<text:list-style style:name="Sources"><text:list-level-style-number text:level="1" style:num-format="1" style:num-suffix="." text:style-name="Small"><style:list-level-properties text:list-level-position-and-space-mode="label-alignment"><style:list-level-label-alignment text:label-followed-by="listtab" text:list-tab-stop-position="0.7cm" fo:text-indent="-0.6cm" fo:margin-left="0.7cm"/></style:list-level-properties></text:list-level-style-number></text:list-style>
"#;

/// Named styles of a prose document: body text, the title and section headings, the notice box;
/// A4 pages with 2 cm margins; `MASTER` is replaced by the master page with the header and
/// « Page n sur N » on every page ([`paged_master_page`]).
const STYLES: &str = r##"<?xml version="1.0" encoding="UTF-8"?>
<office:document-styles xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" office:version="1.3">
 <office:styles>
  <style:default-style style:family="paragraph"><style:paragraph-properties fo:margin-bottom="0.18cm"/><style:text-properties fo:font-size="10.5pt" LANG/></style:default-style>
  <style:style style:name="Standard" style:family="paragraph" style:class="text"/>
  <style:style style:name="Title" style:family="paragraph" style:parent-style-name="Standard" style:default-outline-level="1"><style:paragraph-properties fo:margin-bottom="0.2cm"/><style:text-properties fo:font-size="16pt" fo:font-weight="bold"/></style:style>
  <style:style style:name="Sub" style:family="paragraph" style:parent-style-name="Standard"><style:paragraph-properties fo:margin-bottom="0.4cm"/><style:text-properties fo:color="#444444"/></style:style>
  <style:style style:name="Section" style:family="paragraph" style:parent-style-name="Standard" style:default-outline-level="2"><style:paragraph-properties fo:margin-top="0.35cm" fo:margin-bottom="0.15cm" fo:keep-with-next="always"/><style:text-properties fo:font-size="12pt" fo:font-weight="bold"/></style:style>
  <style:style style:name="Notice" style:family="paragraph" style:parent-style-name="Standard"><style:paragraph-properties fo:border="0.06pt solid #000000" fo:padding="0.2cm"/></style:style>
  <style:style style:name="Small" style:family="text"><style:text-properties fo:font-size="9pt"/></style:style>
  <style:style style:name="Margin" style:family="paragraph" style:parent-style-name="Standard"><style:text-properties fo:font-size="9pt" fo:color="#444444"/></style:style>
 </office:styles>
 <office:automatic-styles>
  <style:page-layout style:name="A4"><style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm" fo:margin-top="1.5cm" fo:margin-bottom="1.5cm" fo:margin-left="2cm" fo:margin-right="2cm"/><style:header-style><style:header-footer-properties fo:min-height="0cm" fo:margin-bottom="0.4cm"/></style:header-style><style:footer-style><style:header-footer-properties fo:min-height="0cm" fo:margin-top="0.4cm"/></style:footer-style></style:page-layout>
 </office:automatic-styles>
 <office:master-styles>MASTER</office:master-styles>
</office:document-styles>
"##;

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Prose {
        let mut doc = Prose {
            title: "Note <b>".into(),
            header: "Ville \"X\" </style> — 1er mars 2026".into(),
            page_of: ("Page", "sur"),
            sources_heading: "Sources".into(),
            ..Prose::default()
        };
        let call = doc.cite("Inventaire <i>");
        doc.blocks.push(Block::Para(vec![
            Span::Text("a ]]> b".into()),
            call,
            Span::Blank("[à compléter : nom]".into()),
        ]));
        doc
    }

    #[test]
    fn fill_puts_each_value_once() {
        let s = fill("{a} et {b} {c}", &[("a", "{b}"), ("b", "deux")]);
        assert_eq!(s, "{b} et deux {c}");
    }

    #[test]
    fn brackets_of_the_label_are_blanks_and_those_of_values_are_not() {
        let spans = marked("De désigner [à compléter : nom] pour {name}.", &[("name", "[X]")]);
        assert_eq!(
            spans,
            vec![
                Span::Text("De désigner ".into()),
                Span::Blank("[à compléter : nom]".into()),
                Span::Text(" pour [X].".into()),
            ]
        );
    }

    #[test]
    fn a_source_cited_twice_keeps_its_number() {
        let mut doc = sample();
        assert_eq!(doc.cite("Inventaire <i>"), Span::Source(1));
        assert_eq!(doc.cite("Autre"), Span::Source(2));
    }

    #[test]
    fn the_css_header_cannot_close_the_stylesheet() {
        let html = prose_html(&sample(), Lang::Fr);
        assert_eq!(html.matches("</style>").count(), 1, "{html}");
        assert!(html.contains("<mark>[à compléter : nom]</mark>"));
        assert!(!html.contains("<b>") && !html.contains("<i>"));
    }

    #[test]
    fn blanks_are_marked_in_every_format() {
        let doc = sample();
        assert!(prose_markdown(&doc).contains("**\\[à compléter : nom\\]**"));
        let xml = prose_content_xml(&doc);
        assert!(xml.contains(r#"<text:span text:style-name="Blank">[à compléter : nom]</text:span>"#));
        assert!(!xml.contains("]]>"));
    }
}
