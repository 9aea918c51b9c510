//! The report as a standalone HTML page: inline CSS with an A4 print stylesheet (a running header
//! with the collectivité and the date, page numbers, each part on a new page), an inline SVG bar
//! chart, no script and no external resource, so it can be mailed, archived or printed as is.
//!
//! Accessibility: one `h1` then `h2`s and `h3`s, tables with `th scope`, text on white at WCAG AA
//! contrast or better, and every state written in words (never a colour alone); the chart repeats
//! its values as text and has a `role="img"` with a title.

use super::document::{self, Item, Part, ReportDocument, Sink};
use crate::render::format::html::{escape_html, page_start_with, table_start, PAGE_END};
use crate::render::labels;
use crate::report::Report;
use crate::text::Lang;
use std::fmt::Write as _;

/// Renders a report as a standalone HTML page.
pub fn html(report: &Report, lang: Lang) -> String {
    html_document(&ReportDocument { report, deps: None }, lang)
}

/// Renders a report, with the dependency map's headline when there is one, as a standalone page.
pub fn html_document(doc: &ReportDocument<'_>, lang: Lang) -> String {
    let report = doc.report;
    let (page, of) = labels(lang).common.page_of;
    // The running header and the page numbers live in the page's margin boxes, which print only.
    let css = format!(
        "@page{{margin:18mm 15mm;@top-center{{content:\"{}\";font:9pt system-ui,sans-serif;color:#444}}@bottom-center{{content:\"{} \" counter(page) \" {} \" counter(pages);font:9pt system-ui,sans-serif;color:#444}}}}\n\
         .part{{margin-top:2.5rem}}table.sign th{{width:9rem}}table.sign td{{height:2.6em}}table.sign{{break-inside:avoid}}#annex~table th[scope=row]{{font-weight:normal;width:45%}}\n\
         @media print{{body{{font-size:10pt;line-height:1.35}}h1{{font-size:15pt}}h2{{font-size:12.5pt;margin-top:1rem}}h3{{font-size:11pt;margin:.8rem 0 .3rem}}.notice{{padding:.3rem .6rem;margin:.5rem 0}}#domain-chart{{width:125mm}}ol li{{margin-bottom:.3rem}}.part{{break-before:page;margin-top:0}}h3{{break-after:avoid}}ul.brief{{columns:2;column-gap:2rem;font-size:9pt}}ul.brief li{{margin:0 0 .2rem}}#annex~table{{font-size:9pt}}}}\n",
        css_string(&document::running_header(report, lang)),
        css_string(page),
        css_string(of),
    );
    let mut sink = Html { o: String::new() };
    page_start_with(&mut sink.o, lang, &document::title(report, lang), &css);
    document::write(doc, lang, &mut sink);
    sink.o.push_str(PAGE_END);
    sink.o
}

/// Text as a CSS string's content: every ASCII character but letters, digits and spaces as a hex
/// escape (so no quote, backslash or `</style>` can end it), control characters dropped.
fn css_string(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            c if c.is_control() => {}
            c if c.is_ascii_alphanumeric() || c == ' ' || !c.is_ascii() => out.push(c),
            c => {
                let _ = write!(out, "\\{:x} ", u32::from(c));
            }
        }
    }
    out
}

struct Html {
    o: String,
}

impl Sink for Html {
    fn title(&mut self, _text: &str) {
        // The page frame writes the title as the page's `h1`.
    }

    fn part(&mut self, part: Part, heading: &str) {
        let _ = writeln!(
            self.o,
            "<h2 id=\"{}\" class=\"part\">{}</h2>",
            part.id(),
            escape_html(heading)
        );
    }

    fn heading(&mut self, text: &str) {
        let _ = writeln!(self.o, "<h2>{}</h2>", escape_html(text));
    }

    fn subheading(&mut self, text: &str) {
        let _ = writeln!(self.o, "<h3>{}</h3>", escape_html(text));
    }

    fn para(&mut self, text: &str) {
        let _ = writeln!(self.o, "<p>{}</p>", escape_html(text));
    }

    fn notice(&mut self, bold: &str, text: &str) {
        let sep = if text.is_empty() { "" } else { " " };
        let _ = writeln!(
            self.o,
            "<p class=\"notice\" role=\"note\"><strong>{}</strong>{sep}{}</p>",
            escape_html(bold),
            escape_html(text)
        );
    }

    fn facts(&mut self, facts: &[(&str, String)]) {
        self.o.push_str("<dl>\n");
        for (label, value) in facts {
            let _ = writeln!(
                self.o,
                "<dt>{}</dt><dd><strong>{}</strong></dd>",
                escape_html(label),
                escape_html(value)
            );
        }
        self.o.push_str("</dl>\n");
    }

    fn items(&mut self, numbered: bool, items: &[Item]) {
        let tag = if numbered { "ol" } else { "ul" };
        let _ = writeln!(self.o, "<{tag}>");
        for item in items {
            self.o.push_str("<li>");
            if !item.lead.is_empty() {
                let _ = write!(self.o, "<strong>{}</strong>", escape_html(&item.lead));
                if !item.text.is_empty() {
                    self.o.push_str("<br>");
                }
            }
            let _ = writeln!(self.o, "{}</li>", escape_html(&item.text));
        }
        let _ = writeln!(self.o, "</{tag}>");
    }

    fn brief_list(&mut self, lines: &[String]) {
        self.o.push_str("<ul class=\"brief\">\n");
        for line in lines {
            let _ = writeln!(self.o, "<li>{}</li>", escape_html(line));
        }
        self.o.push_str("</ul>\n");
    }

    fn table(&mut self, header: &[&str], rows: Vec<Vec<String>>) {
        let header: Vec<String> = header.iter().map(|h| escape_html(h)).collect();
        let header: Vec<&str> = header.iter().map(String::as_str).collect();
        table_start(&mut self.o, &header);
        for row in rows {
            let mut cells = row.iter();
            if let Some(first) = cells.next() {
                let _ = write!(self.o, "<tr><th scope=\"row\">{}</th>", escape_html(first));
            }
            for cell in cells {
                let _ = write!(self.o, "<td>{}</td>", escape_html(cell));
            }
            self.o.push_str("</tr>\n");
        }
        self.o.push_str("</tbody>\n</table>\n");
    }

    fn domain_scores(&mut self, report: &Report, lang: Lang) {
        self.o
            .push_str(&crate::render::charts::domain_chart(report, lang, None));
        self.o.push('\n');
    }

    fn blanks(&mut self, lines: &[&str]) {
        self.o.push_str("<table class=\"sign\">\n<tbody>\n");
        for line in lines {
            let _ = writeln!(self.o, "<tr><th scope=\"row\">{}</th><td></td></tr>", escape_html(line));
        }
        self.o.push_str("</tbody>\n</table>\n");
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn css_strings_cannot_be_closed_by_the_text() {
        let s = super::css_string("Boé \"</style>\\\u{1}");
        assert_eq!(s, "Boé \\22 \\3c \\2f style\\3e \\5c ");
    }
}
