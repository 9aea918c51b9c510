//! CSV (RFC 4180): the one place cells are written, guarded against formula injection.

use std::borrow::Cow;

/// One CSV cell (RFC 4180), safe to open in a spreadsheet.
///
/// A cell that a spreadsheet would read as a formula (starting with `=`, `+`, `-`, `@`, a tab or
/// a carriage return) gets a leading apostrophe, as OWASP recommends, unless it is a plain number
/// (`-12`, `+3,5`): a spreadsheet reads those as numbers, and the apostrophe would make them text.
/// Control characters other than tab and line breaks (NUL, ESC, BEL, DEL…) become U+FFFD: they
/// have no place in a document and some terminals and viewers act on them. A cell with a comma,
/// a quote or a line break is quoted. This is the only place cells are written, so every CSV
/// output of tnl is protected the same way.
pub fn csv_cell(value: &str) -> Cow<'_, str> {
    let value = without_controls(value);
    let formula = value.starts_with(['=', '+', '-', '@', '\t', '\r']) && !is_plain_number(&value);
    let quote = formula || value.contains([',', '"', '\n', '\r']);
    if !quote {
        return value;
    }
    let mut out = String::with_capacity(value.len() + 4);
    out.push('"');
    if formula {
        out.push('\'');
    }
    // Quotes doubled, the rest copied as is.
    let mut parts = value.split('"');
    out.push_str(parts.next().unwrap_or_default());
    for part in parts {
        out.push_str("\"\"");
        out.push_str(part);
    }
    out.push('"');
    Cow::Owned(out)
}

/// `value` with every control character but tab, line feed and carriage return replaced by
/// U+FFFD; borrowed when there is none (the usual case).
fn without_controls(value: &str) -> Cow<'_, str> {
    let unwanted = |c: char| c.is_control() && !matches!(c, '\t' | '\n' | '\r');
    if !value.contains(unwanted) {
        return Cow::Borrowed(value);
    }
    Cow::Owned(
        value
            .chars()
            .map(|c| if unwanted(c) { '\u{FFFD}' } else { c })
            .collect(),
    )
}

/// A signed decimal number as tnl writes them (`-12`, `+3`, `-0,5`, `1.25`): digits, at most one
/// decimal separator, nothing else.
fn is_plain_number(value: &str) -> bool {
    let digits = value.strip_prefix(['+', '-']).unwrap_or(value);
    let (whole, fraction) = digits.split_once(['.', ',']).unwrap_or((digits, "0"));
    !whole.is_empty()
        && !fraction.is_empty()
        && whole.bytes().all(|b| b.is_ascii_digit())
        && fraction.bytes().all(|b| b.is_ascii_digit())
}

/// One CSV line, cells protected by [`csv_cell`], ending with CRLF as RFC 4180 says.
pub fn csv_line<S: AsRef<str>>(cells: &[S]) -> String {
    let mut out = String::with_capacity(cells.iter().map(|c| c.as_ref().len() + 1).sum::<usize>() + 2);
    for (i, c) in cells.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push_str(&csv_cell(c.as_ref()));
    }
    out.push_str("\r\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_are_neutralised() {
        assert_eq!(csv_cell("=cmd|' /C calc'!A0"), "\"'=cmd|' /C calc'!A0\"");
        assert_eq!(csv_cell("+1+cmd|' /C calc'!A0"), "\"'+1+cmd|' /C calc'!A0\"");
        assert_eq!(csv_cell("-1-1"), "\"'-1-1\"");
        assert_eq!(csv_cell("-"), "\"'-\"");
        assert_eq!(csv_cell("-1+2"), "\"'-1+2\"");
        assert_eq!(csv_cell("-1."), "\"'-1.\"");
        assert_eq!(csv_cell("-.5"), "\"'-.5\"");
        assert_eq!(csv_cell("-1e3"), "\"'-1e3\"");
        assert_eq!(csv_cell("@SUM(A1)"), "\"'@SUM(A1)\"");
        assert_eq!(csv_cell("\tx"), "\"'\tx\"");
    }

    /// Issue 18: the comparison CSV wrote a negative change as text (`'-2`), so the column could
    /// not be summed. A number is never guarded; a formula still is.
    #[test]
    fn negative_numbers_stay_numbers() {
        assert_eq!(csv_cell("-2"), "-2");
        assert_eq!(csv_cell("-25"), "-25");
        assert_eq!(csv_cell("-0.5"), "-0.5");
        assert_eq!(csv_line(&["changed", "-2", "=-2"]), "changed,-2,\"'=-2\"\r\n");
    }

    #[test]
    fn numbers_stay_numbers() {
        for n in ["-1", "+1", "-0.25", "1000"] {
            assert_eq!(csv_cell(n), n);
        }
        // Quoted for the comma, without the apostrophe.
        assert_eq!(csv_cell("-12,5"), "\"-12,5\"");
        assert_eq!(csv_cell("-1,"), "\"'-1,\"");
    }

    #[test]
    fn control_characters_never_reach_a_cell() {
        assert_eq!(
            csv_cell("a\u{0}b\u{1b}]0;x\u{7}c\u{7f}"),
            "a\u{FFFD}b\u{FFFD}]0;x\u{FFFD}c\u{FFFD}"
        );
        assert_eq!(csv_cell("a\tb"), "a\tb");
        assert_eq!(csv_cell("\u{1b}=1"), "\u{FFFD}=1");
    }

    #[test]
    fn quoting() {
        assert_eq!(csv_cell("plain"), "plain");
        assert_eq!(csv_cell("a,b"), "\"a,b\"");
        assert_eq!(csv_cell("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(csv_cell("\"\"x\""), "\"\"\"\"\"x\"\"\"");
        assert_eq!(csv_cell("=\"a\",é\n"), "\"'=\"\"a\"\",é\n\"");
        assert_eq!(csv_line(&["a", "b"]), "a,b\r\n");
    }
}
