//! The report as CSV: one row per fact, tagged by a `section` column, so a consultant can filter
//! the criteria, the next steps or the domains in a spreadsheet without a second file.

use crate::render::format::csv::csv_line;
use crate::render::{effort_label, estimate_notice, gap_sentence, range_text, severity_code, tr};
use crate::report::Report;
use crate::text::Lang;

/// Renders a report as CSV with the columns
/// `section,id,label,status,score,possible,detail`.
///
/// Sections, in order: `notice` (the disclaimer), `edition`, `entity`, `overall`, `completeness`,
/// `tier`, `secured`, `likely`, `reachable`, `domain`, `gap`, `next_step`, `mention`, `criterion`, `diagnostic`. Scores are out of
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
    // The range: one row per end and the likely tier, each with the tier's id and name.
    let range = range_text(report, lang);
    let est = &report.estimate;
    let likely_status = if est.enough_answers {
        "enough_answers"
    } else {
        "not_enough_answers"
    };
    for (section, tier, status, detail) in [
        ("secured", &est.secured, "", ""),
        (
            "likely",
            &est.likely,
            likely_status,
            range.as_ref().map_or("", |r| r.detail.as_str()),
        ),
        ("reachable", &est.reachable, "", ""),
    ] {
        row([
            section,
            tier.as_ref().map_or("", |t| &t.id),
            tier.as_ref().map_or("", |t| t.title.get(lang)),
            status,
            "",
            "",
            detail,
        ]);
    }
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
