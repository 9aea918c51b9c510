//! HTML: escaping, the standalone page frame (inline CSS with an A4 print stylesheet, no script,
//! no external resource), tables and the diagnostics table, shared by every HTML document.

use crate::render::{severity_label, tr};
use crate::report::Diagnostic;
use crate::text::Lang;
use std::fmt::Write as _;

/// Escapes text for HTML element content and quoted attribute values.
pub fn escape_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c if c.is_control() && c != '\n' && c != '\t' => {}
            c => out.push(c),
        }
    }
    out
}

const STYLE: &str = "\
:root{color-scheme:light}
body{font:16px/1.5 system-ui,-apple-system,\"Segoe UI\",Roboto,\"Noto Sans\",sans-serif;color:#1a1a1a;background:#fff;max-width:52rem;margin:0 auto;padding:1.5rem}
h1{font-size:1.6rem;margin:0 0 .5rem}h2{font-size:1.25rem;margin:2rem 0 .5rem;border-bottom:2px solid #1f4e79;padding-bottom:.2rem}
.notice{border:2px solid #8a5a00;background:#fff8e5;padding:.75rem 1rem;margin:1rem 0}
.result{display:flex;flex-wrap:wrap;gap:1rem;margin:1rem 0}
.result div{border:1px solid #767676;padding:.5rem 1rem;min-width:10rem}
.result strong{display:block;font-size:1.4rem}
table{border-collapse:collapse;width:100%;margin:.5rem 0}
th,td{border:1px solid #767676;padding:.3rem .5rem;text-align:left;vertical-align:top}
th{background:#eef2f7}td.n{text-align:right;white-space:nowrap}
code{font-family:ui-monospace,\"DejaVu Sans Mono\",monospace;font-size:.9em}
ol li{margin-bottom:.5rem}.tags{color:#444}
svg{max-width:100%;height:auto}svg text{font:13px system-ui,sans-serif;fill:#1a1a1a}
dl{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1rem}dt{font-weight:600}dd{margin:0}
@page{size:A4;margin:15mm}
@media print{body{font-size:10.5pt;max-width:none;padding:0}h2{break-after:avoid}tr,li,.notice,svg{break-inside:avoid}.notice{background:none}th{background:none}}
";

/// Opens a standalone page: doctype, head with the shared inline stylesheet (A4 print rules
/// included), `<main>` and the `h1` (escaped). Close it with [`PAGE_END`].
pub(crate) fn page_start(o: &mut String, lang: Lang, title: &str) {
    page_start_with(o, lang, title, "");
}

/// [`page_start`] with more CSS after the shared stylesheet (a page of its own layout).
pub(crate) fn page_start_with(o: &mut String, lang: Lang, title: &str, css: &str) {
    let t = escape_html(title);
    let _ = write!(
        o,
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{t}</title>\n<style>\n{STYLE}{css}</style>\n</head>\n<body>\n<main>\n<h1>{t}</h1>\n",
        lang.code(),
    );
}

/// Closes a page opened by [`page_start`].
pub(crate) const PAGE_END: &str = "</main>\n</body>\n</html>\n";

/// Opens a table with one row of column headers (`th scope="col"`, fixed texts, not escaped).
pub(crate) fn table_start(o: &mut String, headers: &[&str]) {
    o.push_str("<table>\n<thead><tr>");
    for h in headers {
        let _ = write!(o, "<th scope=\"col\">{h}</th>");
    }
    o.push_str("</tr></thead>\n<tbody>\n");
}

/// The diagnostics as a table, or `none` in a paragraph when there are none.
pub(crate) fn diagnostics_html(o: &mut String, diagnostics: &[Diagnostic], lang: Lang, none: &str) {
    if diagnostics.is_empty() {
        let _ = writeln!(o, "<p>{none}</p>");
        return;
    }
    table_start(
        o,
        &[
            tr(lang, "Gravité", "Severity"),
            "Code",
            tr(lang, "Emplacement", "Location"),
            "Message",
        ],
    );
    for d in diagnostics {
        let _ = writeln!(
            o,
            "<tr><td>{}</td><td><code>{}</code></td><td><code>{}</code></td><td>{}</td></tr>",
            severity_label(d.severity, lang),
            escape_html(&d.code),
            escape_html(&d.pointer),
            escape_html(d.message.get(lang))
        );
    }
    let _ = writeln!(o, "</tbody>\n</table>");
}

#[cfg(test)]
mod tests {
    use super::escape_html;

    #[test]
    fn escapes_markup() {
        assert_eq!(
            escape_html("<script>alert('x')</script> & \"q\""),
            "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;"
        );
    }
}
