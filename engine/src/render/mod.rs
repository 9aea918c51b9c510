//! Document renderers shared by the command line and the browser app.
//!
//! Every renderer is a pure function from a [`Report`] (or a [`Comparison`](crate::compare::Comparison), a
//! dependency report, a territory's rows) and a [`Lang`] to a `String` (bytes for the OpenDocument
//! ones, [`odt`], [`comparison_odt`], [`deps_odt`] and the spreadsheets [`comparison_ods`],
//! [`deps_ods`], [`summary_ods`]): no I/O, no clock, no panics, the same bytes natively and in
//! WebAssembly. Reports carry their texts in French and English, so rendering needs no criteria file.
//!
//! The folder has one axis, the document: `report/` (one file per format), `comparison.rs`,
//! `dependencies/`, `territory.rs`, each holding all of its formats. Beside them, what every
//! document shares: `labels/` (the label table: every label, heading and unit, per language),
//! `words.rs` (numbers, percentages, euros and dates as people write them), `charts.rs` (the SVG
//! charts) and `format/` (the format writers: escaping, page frames, the ODF packages, CSV cells).
//!
//! | function | output |
//! |---|---|
//! | [`json`] | the report's wire format (indented) |
//! | [`markdown`] | a Markdown document; user text is escaped so it cannot inject links or HTML |
//! | [`html`] | a standalone page: inline CSS, A4 print stylesheet, an SVG bar chart, no external resource |
//! | [`csv`] | one row per fact (`section` column), safe against formula injection |
//! | [`odt`] | an OpenDocument text (bytes: a zip of stored XML parts), for LibreOffice, Word and other office suites |
//! | [`comparison_markdown`], [`comparison_html`], [`comparison_csv`], [`comparison_odt`], [`comparison_ods`] | year-over-year progress |
//! | [`deps_markdown`], [`deps_html`], [`deps_csv`], [`deps_odt`], [`deps_ods`] | the dependency map (`crate::deps::DependencyReport`): tables, an SVG map and a cost chart, one row per fact, a spreadsheet of the inventory and the cost scenarios |
//! | [`summary_ods`] | the territory table (the CSV's columns) as a spreadsheet: typed cells, the header frozen |
//! | [`summary_header`], [`summary_row`], [`summary_csv_line`], [`summary_json`] | one row per entity for territory tables |
//!
//! Every rendered report shows the disclaimer: it is an estimate, not the jury's decision.

pub mod charts;
mod comparison;
mod deliberation;
mod dependencies;
pub(crate) mod format;
pub mod labels;
mod note;
mod report;
mod territory;
pub mod words;

pub use comparison::{
    comparison_csv, comparison_html, comparison_markdown, comparison_ods, comparison_odt, domain_delta, tier_change,
};
pub use deliberation::{deliberation_markdown, deliberation_odt};
pub use dependencies::{
    deps_csv, deps_html, deps_markdown, deps_ods, deps_odt, deps_summary_header, deps_summary_json, deps_summary_row,
    DEPS_SUMMARY_WIDTH,
};
pub use format::csv::{csv_cell, csv_line};
pub use format::html::escape_html;
pub use format::markdown::escape_markdown;
pub use format::odf::escape_xml;
pub use format::ods::ODS_MIME;
pub use format::odt::ODT_MIME;
pub use labels::{labels, Labels};
pub use note::{note_html, note_odt};
pub use report::{csv, html, html_document, markdown, markdown_document, odt, odt_document, ReportDocument};
pub use territory::{
    range_cells, summary_csv_line, summary_domains, summary_header, summary_json, summary_markdown_row,
    summary_markdown_rule, summary_notice, summary_ods, summary_row, territory_html, territory_html_with, NotRead,
    RangeCells, TableNames, TerritoryRow,
};
pub(crate) use words::{colon, quoted};
pub use words::{date_in_words, delta_points, euros, percent, signed_euros, thousands};

use crate::criteria::Effort;
use crate::report::{Gap, Report, Severity, TierRef};
use crate::text::Lang;

/// The report as indented JSON (its wire format, see `criteria/schemas/report.schema.json`).
pub fn json(report: &Report) -> String {
    let mut s = report.to_json_pretty();
    s.push('\n');
    s
}

/// The name of an effort: `action rapide`, `projet`, `long terme`.
pub fn effort_label(e: Effort, lang: Lang) -> &'static str {
    match e {
        Effort::QuickWin => labels(lang).common.quick_win,
        Effort::Project => labels(lang).common.project,
        Effort::LongTerm => labels(lang).common.long_term,
    }
}

/// The name of a severity: `erreur`, `avertissement`, `information`.
pub fn severity_label(s: Severity, lang: Lang) -> &'static str {
    match s {
        Severity::Error => labels(lang).common.error,
        Severity::Warning => labels(lang).common.warning,
        Severity::Info => labels(lang).common.info,
    }
}

pub(crate) fn severity_code(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "info",
    }
}

/// A zip archive of `files` (name, bytes), in order, every entry stored uncompressed and dated
/// 1980-01-01, so the same files give the same bytes. Names must be ASCII and unique (the app's
/// territory bundle numbers them); fewer than 65,536 entries, and far below 4 GB.
pub fn zip(files: &[(&str, &[u8])]) -> Vec<u8> {
    format::odf::zip_stored(files)
}

/// The fixed warning shown above every rendered report, before the edition's own disclaimer:
/// "this is an estimate, not the decision of the label's jury".
pub fn estimate_notice(lang: Lang) -> &'static str {
    labels(lang).common.estimate_notice
}

/// One gap as a sentence, with `esc` applied to the texts that come from files, and the
/// question id after a question's title.
pub(crate) fn gap_sentence(gap: &Gap, report: &Report, lang: Lang, esc: &dyn Fn(&str) -> String) -> String {
    gap_words(gap, report, lang, esc, true)
}

/// One gap as a plain sentence without question ids, for a screen (the app's report): the same
/// words as the exports.
pub fn gap_text(gap: &Gap, report: &Report, lang: Lang) -> String {
    gap_words(gap, report, lang, &str::to_owned, false)
}

fn gap_words(gap: &Gap, report: &Report, lang: Lang, esc: &dyn Fn(&str) -> String, ids: bool) -> String {
    let id = |q: &str| if ids { format!(" ({})", esc(q)) } else { String::new() };
    match gap {
        Gap::PreviousTier { tier } => {
            let name = report
                .tiers
                .iter()
                .find(|t| t.id == *tier)
                .map_or(&**tier, |t| t.title.get(lang));
            let name = quoted(lang, &esc(name));
            match lang {
                Lang::Fr => format!("atteindre d'abord le niveau {name}"),
                Lang::En => format!("reach the {name} tier first"),
            }
        }
        Gap::MinScore { have, need, short } => match lang {
            Lang::Fr => format!(
                "score global {} pour {} requis (manque {})",
                percent(*have, lang),
                percent(*need, lang),
                percent(*short, lang)
            ),
            Lang::En => format!(
                "overall score {} of {} required ({} short)",
                percent(*have, lang),
                percent(*need, lang),
                percent(*short, lang)
            ),
        },
        Gap::MinDomainScore {
            title,
            have,
            need,
            short,
            ..
        } => match lang {
            Lang::Fr => format!(
                "domaine « {} » : {} pour {} requis (manque {})",
                esc(title.get(lang)),
                percent(*have, lang),
                percent(*need, lang),
                percent(*short, lang)
            ),
            Lang::En => format!(
                "domain \"{}\": {} of {} required ({} short)",
                esc(title.get(lang)),
                percent(*have, lang),
                percent(*need, lang),
                percent(*short, lang)
            ),
        },
        Gap::MinCompleteness { have, need, short } => match lang {
            Lang::Fr => format!(
                "complétude {} pour {} requis (manque {})",
                percent(*have, lang),
                percent(*need, lang),
                percent(*short, lang)
            ),
            Lang::En => format!(
                "completeness {} of {} required ({} short)",
                percent(*have, lang),
                percent(*need, lang),
                percent(*short, lang)
            ),
        },
        Gap::Required { question, title } => match lang {
            Lang::Fr => format!("critère requis non atteint : {}{}", esc(title.get(lang)), id(question)),
            Lang::En => format!("required criterion not met: {}{}", esc(title.get(lang)), id(question)),
        },
        Gap::Unanswered { question, title } => match lang {
            Lang::Fr => format!("question à renseigner : {}{}", esc(title.get(lang)), id(question)),
            Lang::En => format!("question to answer: {}{}", esc(title.get(lang)), id(question)),
        },
        Gap::Condition { title: None } => labels(lang).common.condition_unmet.to_owned(),
        Gap::Condition { title: Some(title) } => {
            let title = quoted(lang, &esc(title.get(lang)));
            match lang {
                Lang::Fr => format!("condition {title} non remplie"),
                Lang::En => format!("condition {title} not met"),
            }
        }
    }
}

/// A tier as the range names it: "Label Argent (3 / 4)", or "aucun niveau".
pub(crate) fn range_tier(tier: Option<&TierRef>, report: &Report, lang: Lang) -> String {
    tier.map_or_else(
        || labels(lang).common.no_tier.to_owned(),
        |t| format!("{} ({} / {})", t.title.get(lang), t.rank, report.tiers.len()),
    )
}

/// The range of an open estimate, in words (plain text: each format escapes it).
pub(crate) struct RangeText {
    /// The likely tier, or « pas assez de réponses pour estimer : entre X et Y ».
    pub value: String,
    /// Between which tiers the remaining answers decide, or what to answer first.
    pub detail: String,
}

/// The estimate's range while unanswered questions can still change the tier; `None` once they
/// cannot (the tier line then says everything).
pub(crate) fn range_text(report: &Report, lang: Lang) -> Option<RangeText> {
    let e = &report.estimate;
    if e.is_settled() {
        return None;
    }
    let secured = range_tier(e.secured.as_ref(), report, lang);
    let reachable = range_tier(e.reachable.as_ref(), report, lang);
    if e.enough_answers {
        return Some(RangeText {
            value: range_tier(e.likely.as_ref(), report, lang),
            detail: match lang {
                Lang::Fr => format!("entre {secured} et {reachable} selon les réponses restantes"),
                Lang::En => format!("between {secured} and {reachable} depending on the remaining answers"),
            },
        });
    }
    let mut needs: Vec<String> = e
        .domains_to_answer
        .iter()
        .map(|d| format!("{} ({})", d.title.get(lang), percent(d.covered, lang)))
        .collect();
    needs.extend(e.questions_to_answer.iter().map(|q| quoted(lang, q.title.get(lang))));
    Some(RangeText {
        value: match lang {
            Lang::Fr => format!("pas assez de réponses pour estimer : entre {secured} et {reachable}"),
            Lang::En => format!("not enough answers to estimate: between {secured} and {reachable}"),
        },
        detail: match lang {
            Lang::Fr => format!(
                "à compléter d'abord (part des points répondue, {} requis par domaine) : {}",
                percent(e.coverage_needed, lang),
                needs.join(", ")
            ),
            Lang::En => format!(
                "answer first (share of the points answered, {} needed in each domain): {}",
                percent(e.coverage_needed, lang),
                needs.join(", ")
            ),
        },
    })
}

/// The tier line: "Argent (2 / 4)", or `None` when no tier is reached.
pub(crate) fn tier_text(report: &Report, lang: Lang) -> Option<String> {
    report
        .tier
        .as_ref()
        .map(|t| format!("{} ({} / {})", t.title.get(lang), t.rank, report.tiers.len()))
}

/// Who the report is about, for titles: the profile name or a placeholder.
/// Who, in words: `Commune de X, Commune, 8 000 habitants, 110 agents, 100 postes de travail`.
/// `name` is shown through `esc`, the format's escaping.
pub(crate) fn who(profile: &crate::Profile, name: &str, lang: Lang, esc: &dyn Fn(&str) -> String) -> String {
    use std::fmt::Write as _;
    let mut s = esc(name);
    if let Some(k) = profile.kind {
        let _ = write!(s, ", {}", k.label().get(lang));
    }
    let l = &labels(lang).common;
    for (n, unit) in [
        (profile.population, l.inhabitants),
        (profile.agents, l.staff),
        (profile.workstations, l.workstations),
    ] {
        if let Some(n) = n {
            let _ = write!(s, ", {} {unit}", thousands(n, lang));
        }
    }
    s
}

pub(crate) fn entity_name(report: &Report, lang: Lang) -> &str {
    if report.profile.name.trim().is_empty() {
        labels(lang).common.unnamed
    } else {
        &report.profile.name
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percent_has_one_decimal_in_both_languages() {
        assert_eq!(percent(623, Lang::Fr), "62,3\u{a0}%");
        assert_eq!(percent(1000, Lang::En), "100.0%");
        assert_eq!(percent(5, Lang::En), "0.5%");
    }

    #[test]
    fn deltas_are_signed() {
        assert_eq!(delta_points(-10, Lang::En), "\u{2212}1.0 pts");
        assert_eq!(delta_points(45, Lang::Fr), "+4,5\u{a0}pts");
        assert_eq!(delta_points(0, Lang::Fr), "±0,0\u{a0}pts");
    }

    #[test]
    fn thousands_separators() {
        assert_eq!(thousands(5700, Lang::En), "5,700");
        assert_eq!(thousands(123, Lang::En), "123");
        assert_eq!(thousands(1_234_567, Lang::Fr), "1\u{202f}234\u{202f}567");
    }

    #[test]
    fn euros_in_both_languages() {
        assert_eq!(euros(47841, Lang::Fr), "47\u{202f}841\u{a0}€");
        assert_eq!(euros(47841, Lang::En), "€47,841");
        assert_eq!(signed_euros(-5, Lang::En), "\u{2212}€5");
        assert_eq!(signed_euros(1200, Lang::Fr), "+1\u{202f}200\u{a0}€");
    }
}
