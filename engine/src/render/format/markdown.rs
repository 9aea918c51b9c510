//! Markdown (CommonMark with GitHub tables): escaping, code spans and the diagnostics table,
//! shared by every Markdown document.

use crate::render::{severity_label, tr};
use crate::report::Diagnostic;
use crate::text::Lang;
use std::fmt::Write as _;

/// Escapes text from a file (profile name, titles, advice) so that Markdown shows it as written:
/// no link, image, HTML tag, emphasis or table cell break can come out of it. Line breaks become
/// spaces, since every place we write text is one line.
pub fn escape_markdown(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '#' | '!' | '~' | '&' => {
                out.push('\\');
                out.push(c);
            }
            '\r' | '\n' | '\t' => out.push(' '),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// An inline code span that shows `text` literally (ids, JSON pointers): backslash escapes do not
/// apply inside code, so instead the fence is longer than any run of backticks in the text. In
/// a table cell, GitHub's tables still split on `|`, which must then be escaped.
pub(crate) fn code_span(text: &str, in_table: bool) -> String {
    let text: String = text
        .chars()
        .map(|c| if c == '\r' || c == '\n' || c == '\t' { ' ' } else { c })
        .filter(|c| !c.is_control())
        .collect();
    let text = if in_table { text.replace('|', "\\|") } else { text };
    let longest = text.split(|c| c != '`').map(str::len).max().unwrap_or(0);
    let fence = "`".repeat(longest + 1);
    let pad = if text.starts_with('`') || text.ends_with('`') {
        " "
    } else {
        ""
    };
    format!("{fence}{pad}{text}{pad}{fence}")
}

/// The diagnostics as a table followed by a blank line, or `none` when there are none.
pub(crate) fn diagnostics_markdown(o: &mut String, diagnostics: &[Diagnostic], lang: Lang, none: &str) {
    if diagnostics.is_empty() {
        let _ = writeln!(o, "{none}\n");
        return;
    }
    let _ = writeln!(
        o,
        "| {} | Code | {} | Message |\n|---|---|---|---|",
        tr(lang, "Gravité", "Severity"),
        tr(lang, "Emplacement", "Location")
    );
    for d in diagnostics {
        let _ = writeln!(
            o,
            "| {} | {} | {} | {} |",
            severity_label(d.severity, lang),
            code_span(&d.code, true),
            code_span(&d.pointer, true),
            escape_markdown(d.message.get(lang))
        );
    }
    o.push('\n');
}

#[cfg(test)]
mod tests {
    use super::{code_span, escape_markdown};

    #[test]
    fn code_spans_show_text_literally() {
        assert_eq!(
            code_span("logiciels.suite_bureautique", false),
            "`logiciels.suite_bureautique`"
        );
        assert_eq!(code_span("a`b", false), "``a`b``");
        assert_eq!(code_span("`x", false), "`` `x ``");
        assert_eq!(code_span("/answers/a|b", true), "`/answers/a\\|b`");
        assert_eq!(code_span("l1\nl2", false), "`l1 l2`");
    }

    #[test]
    fn links_and_html_are_neutralised() {
        assert_eq!(
            escape_markdown("[x](http://e.vil) <b>"),
            "\\[x\\](http://e.vil) \\<b\\>"
        );
        assert_eq!(escape_markdown("a|b\nc"), "a\\|b c");
    }
}
