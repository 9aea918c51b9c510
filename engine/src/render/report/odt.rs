//! The report as an OpenDocument text (`.odt`): the open format of the RGI, which LibreOffice,
//! Word and most office suites open and edit.
//!
//! The same document as the printed page: every page has a header with the collectivité and the
//! date of its answers, and « Page 2 sur 5 » in its footer; each part starts a new page. The
//! package is written by `render/format/odt.rs` and `odf.rs`, shared with the other documents.

use super::document::{self, Item, Part, ReportDocument, Sink};
use crate::render::format::odf::escape_xml;
use crate::render::format::odt::{package_paged, strong, Doc};
use crate::render::{colon, labels, percent};
use crate::report::Report;
use crate::text::Lang;

/// Renders a report as an OpenDocument text.
pub fn odt(report: &Report, lang: Lang) -> Vec<u8> {
    odt_document(&ReportDocument { report, deps: None }, lang)
}

/// Renders a report, with the dependency map's headline when there is one, as an OpenDocument text.
pub fn odt_document(doc: &ReportDocument<'_>, lang: Lang) -> Vec<u8> {
    let report = doc.report;
    let mut sink = Odt {
        d: Doc::default(),
        lang,
    };
    document::write(doc, lang, &mut sink);
    package_paged(
        &document::title(report, lang),
        lang,
        &format!("{} {}", report.engine.name, report.engine.version),
        &sink.d,
        &document::running_header(report, lang),
        labels(lang).common.page_of,
    )
}

struct Odt {
    d: Doc,
    lang: Lang,
}

impl Sink for Odt {
    fn title(&mut self, text: &str) {
        self.d.heading(1, text);
    }

    fn part(&mut self, _part: Part, heading: &str) {
        self.d.part(heading);
    }

    fn heading(&mut self, text: &str) {
        self.d.heading(2, text);
    }

    fn subheading(&mut self, text: &str) {
        self.d.heading(3, text);
    }

    fn para(&mut self, text: &str) {
        self.d.para(text);
    }

    fn notice(&mut self, bold: &str, text: &str) {
        self.d.notice(bold, text);
    }

    fn facts(&mut self, facts: &[(&str, String)]) {
        for (label, value) in facts {
            self.d.fact(label, value, self.lang);
        }
    }

    fn items(&mut self, numbered: bool, items: &[Item]) {
        self.d.list(
            numbered,
            items
                .iter()
                .map(|item| match (item.lead.is_empty(), item.text.is_empty()) {
                    (true, _) => escape_xml(&item.text),
                    (false, true) => strong(&item.lead),
                    (false, false) => format!("{} — {}", strong(&item.lead), escape_xml(&item.text)),
                }),
        );
    }

    fn brief_list(&mut self, lines: &[String]) {
        self.d.list(false, lines.iter().map(|line| escape_xml(line)));
    }

    fn table(&mut self, header: &[&str], rows: Vec<Vec<String>>) {
        self.d.table(header, rows);
    }

    fn domain_scores(&mut self, report: &Report, lang: Lang) {
        let l = &labels(lang).report;
        self.d.table(
            &[l.domain, l.score],
            report.domains.iter().map(|d| {
                vec![
                    d.title.get(lang).to_owned(),
                    d.per_mille
                        .map_or_else(|| l.not_applicable.to_owned(), |p| percent(p, lang)),
                ]
            }),
        );
    }

    fn blanks(&mut self, lines: &[&str]) {
        for line in lines {
            self.d.para(&format!("{}{}{}", line, colon(self.lang), "_".repeat(40)));
        }
    }
}
