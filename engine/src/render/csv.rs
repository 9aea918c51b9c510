//! The report as CSV: one row per fact, tagged by a `section` column, so a consultant can filter
//! the criteria, the next steps or the domains in a spreadsheet without a second file.

use super::{effort_label, estimate_notice, gap_sentence, projection_note, severity_code, tr};
use crate::report::Report;
use crate::text::Lang;
use std::borrow::Cow;

/// One CSV cell (RFC 4180), safe to open in a spreadsheet.
///
/// A text cell that a spreadsheet would read as a formula (starting with `=`, `+`, `-`, `@`, a tab
/// or a carriage return) gets a leading apostrophe, as OWASP recommends; a cell with a comma, a
/// quote or a line break is quoted. A number (`-2`, `-0.5`: a minus sign, digits, at most one
/// decimal point) is no formula and stays a number, so a column of changes can be summed. This
/// is the only place cells are written, so every CSV output of tnl is protected the same way.
pub fn csv_cell(value: &str) -> Cow<'_, str> {
    let formula = value.starts_with(['=', '+', '-', '@', '\t', '\r']) && !is_number(value);
    let quote = formula || value.contains([',', '"', '\n', '\r']);
    if !quote {
        return Cow::Borrowed(value);
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

/// Whether a cell is a plain decimal number, as the renderers write them: an optional minus
/// sign, digits, and an optional decimal point followed by digits.
fn is_number(value: &str) -> bool {
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    let unsigned = value.strip_prefix('-').unwrap_or(value);
    match unsigned.split_once('.') {
        Some((whole, fraction)) => digits(whole) && digits(fraction),
        None => digits(unsigned),
    }
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

/// Renders a report as CSV with the columns
/// `section,id,label,status,score,possible,detail`.
///
/// Sections, in order: `notice` (the disclaimer), `edition`, `entity`, `overall`, `completeness`,
/// `tier`, `domain`, `gap`, `next_step`, `mention`, `criterion`, `diagnostic`. Scores are out of
/// 1000 (`score`/`possible`), or points for `criterion` rows.
pub fn csv(report: &Report, lang: Lang) -> String {
    let mut o = csv_line(&["section", "id", "label", "status", "score", "possible", "detail"]);
    let mut row = |cells: [&str; 7]| o.push_str(&csv_line(&cells));
    let plain = |s: &str| s.to_owned();

    row([
        "notice",
        "",
        estimate_notice(lang),
        "",
        "",
        "",
        report.disclaimer.get(lang),
    ]);
    row([
        "edition",
        &report.edition.id,
        report.edition.title.get(lang),
        "",
        "",
        "",
        &report.edition.version,
    ]);
    let population = report.profile.population.map(|p| p.to_string()).unwrap_or_default();
    row([
        "entity",
        report.profile.kind.map_or("", |k| k.as_str()),
        &report.profile.name,
        "",
        &population,
        "",
        report.profile.siren.as_deref().unwrap_or(""),
    ]);
    row([
        "overall",
        "",
        tr(lang, "Score global", "Overall score"),
        "",
        &report.score.per_mille.to_string(),
        "1000",
        "",
    ]);
    let c = &report.completeness;
    row([
        "completeness",
        "",
        tr(lang, "Complétude", "Completeness"),
        "",
        &c.per_mille.to_string(),
        "1000",
        &format!("{}/{}", c.answered, c.applicable),
    ]);
    for t in &report.tiers {
        row([
            "tier",
            &t.id,
            t.title.get(lang),
            if t.reached { "reached" } else { "not_reached" },
            "",
            "",
            "",
        ]);
    }
    let projected = report
        .projection
        .tier
        .as_ref()
        .map_or(String::new(), |t| t.id.to_string());
    row([
        "projection",
        &projected,
        tr(lang, "Tendance", "Trend"),
        "",
        &report.projection.score.to_string(),
        "1000",
        projection_note(lang),
    ]);
    for d in &report.domains {
        let score = d.per_mille.map(|p| p.to_string()).unwrap_or_default();
        row([
            "domain",
            &d.id,
            d.title.get(lang),
            "",
            &score,
            "1000",
            &format!("{}/{} points", d.earned, d.possible),
        ]);
    }
    if let Some(next) = &report.next_tier {
        for g in &next.gaps {
            row([
                "gap",
                &next.tier.id,
                next.tier.title.get(lang),
                "",
                "",
                "",
                &gap_sentence(g, report, lang, &plain),
            ]);
        }
    }
    for (i, s) in report.next_steps.iter().enumerate() {
        let mut status = vec![effort_label(s.effort, lang)];
        if s.blocking {
            status.push("blocking");
        }
        if s.unanswered {
            status.push("unanswered");
        }
        let rank = (i + 1).to_string();
        row([
            "next_step",
            s.question,
            s.title.get(lang),
            &status.join(";"),
            &s.gain.to_string(),
            &rank,
            s.advice.get(lang),
        ]);
    }
    for m in &report.mentions {
        let gaps: Vec<String> = m.gaps.iter().map(|g| gap_sentence(g, report, lang, &plain)).collect();
        row([
            "mention",
            &m.id,
            m.title.get(lang),
            if m.reached { "reached" } else { "not_reached" },
            "",
            "",
            &gaps.join("; "),
        ]);
    }
    for cr in &report.criteria {
        row([
            "criterion",
            cr.id,
            cr.title.get(lang),
            cr.status.code(),
            &cr.earned.to_string(),
            &cr.possible.to_string(),
            cr.domain,
        ]);
    }
    for d in &report.diagnostics {
        row([
            "diagnostic",
            &d.code,
            d.message.get(lang),
            severity_code(d.severity),
            "",
            "",
            &d.pointer,
        ]);
    }
    o
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_are_neutralised() {
        assert_eq!(csv_cell("=cmd|' /C calc'!A0"), "\"'=cmd|' /C calc'!A0\"");
        assert_eq!(csv_cell("+1"), "\"'+1\"");
        assert_eq!(csv_cell("-1+2"), "\"'-1+2\"");
        assert_eq!(csv_cell("-"), "\"'-\"");
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
    fn quoting() {
        assert_eq!(csv_cell("plain"), "plain");
        assert_eq!(csv_cell("a,b"), "\"a,b\"");
        assert_eq!(csv_cell("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(csv_cell("\"\"x\""), "\"\"\"\"\"x\"\"\"");
        assert_eq!(csv_cell("=\"a\",é\n"), "\"'=\"\"a\"\",é\n\"");
        assert_eq!(csv_line(&["a", "b"]), "a,b\r\n");
    }
}
