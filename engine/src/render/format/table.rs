//! A table built once by a document and written by each format (HTML, Markdown, ODT), so that
//! a document says once what its table holds and the formats only say how a table is written.

use super::html::escape_html;
use super::markdown::escape_markdown;
use super::odt::Doc;
use std::fmt::Write as _;

/// A cell: plain text (each format escapes it), or a list of texts (a bulleted list in HTML,
/// joined by ` ; ` where a cell holds one line).
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Cell {
    /// One line of text.
    Text(String),
    /// Several items, one per line where the format allows it.
    List(Vec<String>),
}

impl Cell {
    /// The cell on one line: a list's items joined by ` ; `.
    fn line(&self) -> String {
        match self {
            Cell::Text(t) => t.clone(),
            Cell::List(items) => items.join(" ; "),
        }
    }
}

impl From<String> for Cell {
    fn from(text: String) -> Cell {
        Cell::Text(text)
    }
}

impl From<&str> for Cell {
    fn from(text: &str) -> Cell {
        Cell::Text(text.to_owned())
    }
}

/// A table with one header row: fixed texts as headers (an empty first header is the corner of
/// a table whose rows are named), the columns that hold figures, and the rows.
#[derive(Clone, Debug, Default)]
pub(crate) struct Table {
    /// The column headers, fixed texts of the label table (written as they are in HTML).
    pub header: Vec<String>,
    /// Whether each column holds figures (aligned right in HTML); a missing entry is text.
    pub figures: Vec<bool>,
    /// Whether the first cell of each row names the row (`th scope="row"` in HTML).
    pub named_rows: bool,
    /// The rows, as many cells as the header.
    pub rows: Vec<Vec<Cell>>,
}

impl Table {
    /// A table of fixed headers with named rows and no figures column.
    pub(crate) fn of(header: &[&str]) -> Table {
        Table::new(header.iter().map(|h| (*h).to_owned()).collect())
    }

    /// A table of `header` with named rows and no figures column. Not generic over the header's
    /// type, so that the app's WebAssembly holds one copy of it.
    pub(crate) fn new(header: Vec<String>) -> Table {
        Table {
            header,
            figures: Vec::new(),
            named_rows: true,
            rows: Vec::new(),
        }
    }

    /// The same table with the columns `columns` (by position) holding figures.
    pub(crate) fn figures(mut self, columns: &[usize]) -> Table {
        self.figures = (0..self.header.len()).map(|c| columns.contains(&c)).collect();
        self
    }

    /// Adds a row.
    pub(crate) fn row(&mut self, cells: Vec<Cell>) {
        self.rows.push(cells);
    }

    /// The table as HTML: a header row (`<td></td>` for an empty corner), then each row, its
    /// cells escaped, its first cell a row header when the rows are named.
    pub(crate) fn html(&self, o: &mut String) {
        o.push_str("<table>\n<thead><tr>");
        for h in &self.header {
            if h.is_empty() {
                o.push_str("<td></td>");
            } else {
                let _ = write!(o, "<th scope=\"col\">{h}</th>");
            }
        }
        o.push_str("</tr></thead>\n<tbody>\n");
        for row in &self.rows {
            o.push_str("<tr>");
            for (c, cell) in row.iter().enumerate() {
                let text = match cell {
                    Cell::Text(t) => escape_html(t),
                    Cell::List(items) => {
                        let items: Vec<String> = items.iter().map(|i| format!("<li>{}</li>", escape_html(i))).collect();
                        format!("<ul>{}</ul>", items.concat())
                    }
                };
                if c == 0 && self.named_rows {
                    let _ = write!(o, "<th scope=\"row\">{text}</th>");
                } else if self.figures.get(c).copied().unwrap_or(false) {
                    let _ = write!(o, "<td class=\"n\">{text}</td>");
                } else {
                    let _ = write!(o, "<td>{text}</td>");
                }
            }
            o.push_str("</tr>\n");
        }
        o.push_str("</tbody>\n</table>\n");
    }

    /// The table as Markdown (a GitHub table), every cell escaped.
    pub(crate) fn markdown(&self, o: &mut String) {
        markdown_row(o, self.header.iter().map(String::as_str));
        markdown_rule(o, self.header.len());
        for row in &self.rows {
            let cells: Vec<String> = row.iter().map(Cell::line).collect();
            markdown_row(o, cells.iter().map(String::as_str));
        }
    }

    /// The table in an OpenDocument text.
    pub(crate) fn odt(&self, d: &mut Doc) {
        let header: Vec<&str> = self.header.iter().map(String::as_str).collect();
        d.table(&header, self.rows.iter().map(|r| r.iter().map(Cell::line).collect()));
    }
}

/// A Markdown table row (`| a | b |`), every cell escaped.
pub(crate) fn markdown_row<'a>(o: &mut String, cells: impl IntoIterator<Item = &'a str>) {
    o.push('|');
    for c in cells {
        o.push(' ');
        o.push_str(&escape_markdown(c));
        o.push_str(" |");
    }
    o.push('\n');
}

/// The `|---|---|` line under a Markdown header of `columns` cells.
pub(crate) fn markdown_rule(o: &mut String, columns: usize) {
    o.push('|');
    for _ in 0..columns {
        o.push_str("---|");
    }
    o.push('\n');
}

/// A document being written in one format, as a sequence of blocks: what a document needs to
/// write a section once for every format.
pub(crate) trait Blocks {
    /// A section's heading (fixed text of the label table).
    fn heading(&mut self, text: &str);
    /// A paragraph of fixed text of the label table.
    fn sentence(&mut self, text: &str);
    /// A table.
    fn table(&mut self, table: &Table);
    /// A bulleted list of items already written in the format (escaped, marked up).
    fn list(&mut self, items: &[String]);

    /// A section: its heading, then its table, or `empty` (when given) in place of a table
    /// without rows.
    fn section(&mut self, heading: &str, table: &Table, empty: Option<&str>) {
        self.heading(heading);
        if !table.rows.is_empty() {
            self.table(table);
        } else if let Some(sentence) = empty {
            self.sentence(sentence);
        }
    }
}

/// A Markdown document: blocks separated by a blank line.
pub(crate) struct Markdown<'a>(pub &'a mut String);

impl Blocks for Markdown<'_> {
    fn heading(&mut self, text: &str) {
        let _ = writeln!(self.0, "## {text}\n");
    }

    fn sentence(&mut self, text: &str) {
        let _ = writeln!(self.0, "{text}\n");
    }

    fn table(&mut self, table: &Table) {
        table.markdown(self.0);
        self.0.push('\n');
    }

    fn list(&mut self, items: &[String]) {
        for item in items {
            let _ = writeln!(self.0, "- {item}");
        }
        self.0.push('\n');
    }
}

/// The body of an HTML page.
pub(crate) struct Html<'a>(pub &'a mut String);

impl Blocks for Html<'_> {
    fn heading(&mut self, text: &str) {
        let _ = writeln!(self.0, "<h2>{text}</h2>");
    }

    fn sentence(&mut self, text: &str) {
        let _ = writeln!(self.0, "<p>{text}</p>");
    }

    fn table(&mut self, table: &Table) {
        table.html(self.0);
    }

    fn list(&mut self, items: &[String]) {
        let _ = writeln!(self.0, "<ul>");
        for item in items {
            let _ = writeln!(self.0, "<li>{item}</li>");
        }
        let _ = writeln!(self.0, "</ul>");
    }
}

impl Blocks for Doc {
    fn heading(&mut self, text: &str) {
        Doc::heading(self, 2, text);
    }

    fn sentence(&mut self, text: &str) {
        self.para(text);
    }

    fn table(&mut self, table: &Table) {
        table.odt(self);
    }

    fn list(&mut self, items: &[String]) {
        Doc::list(self, false, items.iter().cloned());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Table {
        let mut t = Table::of(&["", "Avant", "Produits"]).figures(&[1]);
        t.row(vec![
            "a <b>".into(),
            "62,3 %".into(),
            Cell::List(vec!["x|y".into(), "z".into()]),
        ]);
        t
    }

    #[test]
    fn html_names_rows_aligns_figures_and_escapes_cells() {
        let mut o = String::new();
        sample().html(&mut o);
        assert_eq!(
            o,
            "<table>\n<thead><tr><td></td><th scope=\"col\">Avant</th><th scope=\"col\">Produits</th></tr></thead>\n<tbody>\n\
             <tr><th scope=\"row\">a &lt;b&gt;</th><td class=\"n\">62,3 %</td><td><ul><li>x|y</li><li>z</li></ul></td></tr>\n\
             </tbody>\n</table>\n"
        );
    }

    #[test]
    fn markdown_escapes_cells_and_joins_lists_on_one_line() {
        let mut o = String::new();
        sample().markdown(&mut o);
        assert_eq!(
            o,
            "|  | Avant | Produits |\n|---|---|---|\n| a \\<b\\> | 62,3 % | x\\|y ; z |\n"
        );
    }

    #[test]
    fn a_section_without_rows_says_its_sentence_or_nothing() {
        let empty = Table::of(&["A"]);
        let mut o = String::new();
        Markdown(&mut o).section("Titre", &empty, Some("Aucun."));
        Markdown(&mut o).section("Autre", &empty, None);
        assert_eq!(o, "## Titre\n\nAucun.\n\n## Autre\n\n");
    }
}
