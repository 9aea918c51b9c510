//! The report as Markdown (CommonMark with GitHub tables), in the order of the printed document.

use super::document::{self, Item, Part, ReportDocument, Sink};
use crate::render::format::markdown::escape_markdown;
use crate::render::{colon, labels, percent};
use crate::report::Report;
use crate::text::Lang;
use std::fmt::Write as _;

/// Renders a report as a Markdown document.
pub fn markdown(report: &Report, lang: Lang) -> String {
    markdown_document(&ReportDocument { report, deps: None }, lang)
}

/// Renders a report, with the dependency map's headline when there is one, as Markdown.
pub fn markdown_document(doc: &ReportDocument<'_>, lang: Lang) -> String {
    let mut sink = Markdown { o: String::new(), lang };
    document::write(doc, lang, &mut sink);
    sink.o
}

struct Markdown {
    o: String,
    lang: Lang,
}

impl Sink for Markdown {
    fn title(&mut self, text: &str) {
        let _ = writeln!(self.o, "# {}\n", escape_markdown(text));
    }

    fn part(&mut self, _part: Part, heading: &str) {
        self.heading(heading);
    }

    fn heading(&mut self, text: &str) {
        let _ = writeln!(self.o, "## {}\n", escape_markdown(text));
    }

    fn subheading(&mut self, text: &str) {
        let _ = writeln!(self.o, "### {}\n", escape_markdown(text));
    }

    fn para(&mut self, text: &str) {
        let _ = writeln!(self.o, "{}\n", escape_markdown(text));
    }

    fn notice(&mut self, bold: &str, text: &str) {
        let sep = if text.is_empty() { "" } else { " " };
        let _ = writeln!(
            self.o,
            "> **{}**{sep}{}\n",
            escape_markdown(bold),
            escape_markdown(text)
        );
    }

    fn facts(&mut self, facts: &[(&str, String)]) {
        for (label, value) in facts {
            let _ = writeln!(
                self.o,
                "- {}{}**{}**",
                escape_markdown(label),
                colon(self.lang),
                escape_markdown(value)
            );
        }
        self.o.push('\n');
    }

    fn items(&mut self, numbered: bool, items: &[Item]) {
        for (i, item) in items.iter().enumerate() {
            let marker = if numbered {
                format!("{}.", i + 1)
            } else {
                "-".to_owned()
            };
            let text = escape_markdown(&item.text);
            let _ = match (item.lead.is_empty(), text.is_empty()) {
                (true, _) => writeln!(self.o, "{marker} {text}"),
                (false, true) => writeln!(self.o, "{marker} **{}**", escape_markdown(&item.lead)),
                (false, false) => writeln!(self.o, "{marker} **{}** — {text}", escape_markdown(&item.lead)),
            };
        }
        self.o.push('\n');
    }

    fn brief_list(&mut self, lines: &[String]) {
        for line in lines {
            let _ = writeln!(self.o, "- {}", escape_markdown(line));
        }
        self.o.push('\n');
    }

    fn table(&mut self, header: &[&str], rows: Vec<Vec<String>>) {
        let line = |cells: &mut dyn Iterator<Item = String>| {
            let cells: Vec<String> = cells.collect();
            format!("| {} |\n", cells.join(" | "))
        };
        self.o.push_str(&line(&mut header.iter().map(|h| escape_markdown(h))));
        let _ = writeln!(self.o, "|{}", "---|".repeat(header.len()));
        for row in rows {
            self.o.push_str(&line(&mut row.iter().map(|c| escape_markdown(c))));
        }
        self.o.push('\n');
    }

    fn domain_scores(&mut self, report: &Report, lang: Lang) {
        let na = labels(lang).report.not_applicable;
        let rows = report
            .domains
            .iter()
            .map(|d| {
                vec![
                    d.title.get(lang).to_owned(),
                    d.per_mille.map_or_else(|| na.to_owned(), |p| percent(p, lang)),
                ]
            })
            .collect();
        let l = &labels(lang).report;
        self.table(&[l.domain, l.score], rows);
    }

    fn blanks(&mut self, lines: &[&str]) {
        for line in lines {
            let _ = writeln!(
                self.o,
                "- {}{}\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_",
                escape_markdown(line),
                colon(self.lang)
            );
        }
        self.o.push('\n');
    }
}
