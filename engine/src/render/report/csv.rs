//! The report as CSV: one row per fact, tagged by a `section` column, so a consultant can filter
//! the criteria, the next steps or the domains in a spreadsheet without a second file.

use crate::render::format::csv::csv_line;
use crate::render::{effort_label, estimate_notice, gap_sentence, labels, range_text, severity_code};
use crate::report::Report;
use crate::text::Lang;

/// Renders a report as CSV with the columns
/// `section,id,label,status,score,possible,detail`.
///
/// Sections, in order: `notice` (the disclaimer), `edition`, `entity`, `overall`, `completeness`,
/// `tier`, `secured`, `likely`, `reachable`, `domain`, `gap`, `next_step`, `mention`, `criterion`, `diagnostic`. Scores are out of
/// 1000 (`score`/`possible`), or points for `criterion` rows.
pub fn csv(report: &Report, lang: Lang) -> String {
    let mut rows = Rows(csv_line(&[
        "section", "id", "label", "status", "score", "possible", "detail",
    ]));
    about_rows(&mut rows, report, lang);
    tier_rows(&mut rows, report, lang);
    domain_rows(&mut rows, report, lang);
    step_rows(&mut rows, report, lang);
    result_rows(&mut rows, report, lang);
    rows.0
}

/// The CSV being written, one row of the seven columns at a time.
struct Rows(String);

impl Rows {
    fn row(&mut self, cells: [&str; 7]) {
        self.0.push_str(&csv_line(&cells));
    }
}

/// Texts from files written as they are (the CSV writer quotes and guards each cell).
fn plain(s: &str) -> String {
    s.to_owned()
}

/// The notice, the edition, the collectivité, the overall score and the completeness.
fn about_rows(rows: &mut Rows, report: &Report, lang: Lang) {
    rows.row([
        "notice",
        "",
        estimate_notice(lang),
        "",
        "",
        "",
        report.disclaimer.get(lang),
    ]);
    rows.row([
        "edition",
        &report.edition.id,
        report.edition.title.get(lang),
        "",
        "",
        "",
        &report.edition.version,
    ]);
    let population = report.profile.population.map(|p| p.to_string()).unwrap_or_default();
    rows.row([
        "entity",
        report.profile.kind.map_or("", |k| k.as_str()),
        &report.profile.name,
        "",
        &population,
        "",
        report.profile.siren.as_deref().unwrap_or(""),
    ]);
    rows.row([
        "overall",
        "",
        labels(lang).common.overall_score,
        "",
        &report.score.per_mille.to_string(),
        "1000",
        "",
    ]);
    let c = &report.completeness;
    rows.row([
        "completeness",
        "",
        labels(lang).common.completeness,
        "",
        &c.per_mille.to_string(),
        "1000",
        &format!("{}/{}", c.answered, c.applicable),
    ]);
}

/// Each tier reached or not, then the range: one row per end and the likely tier.
fn tier_rows(rows: &mut Rows, report: &Report, lang: Lang) {
    for t in &report.tiers {
        rows.row([
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
        rows.row([
            section,
            tier.as_ref().map_or("", |t| &t.id),
            tier.as_ref().map_or("", |t| t.title.get(lang)),
            status,
            "",
            "",
            detail,
        ]);
    }
}

/// Each domain's score.
fn domain_rows(rows: &mut Rows, report: &Report, lang: Lang) {
    for d in &report.domains {
        let score = d.per_mille.map(|p| p.to_string()).unwrap_or_default();
        rows.row([
            "domain",
            &d.id,
            d.title.get(lang),
            "",
            &score,
            "1000",
            &format!("{}/{} points", d.earned, d.possible),
        ]);
    }
}

/// The gaps to the next tier, then the ranked next steps.
fn step_rows(rows: &mut Rows, report: &Report, lang: Lang) {
    if let Some(next) = &report.next_tier {
        for g in &next.gaps {
            rows.row([
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
        rows.row([
            "next_step",
            s.question,
            s.title.get(lang),
            &status.join(";"),
            &s.gain.to_string(),
            &rank,
            s.advice.get(lang),
        ]);
    }
}

/// The mentions, every criterion's result and the diagnostics.
fn result_rows(rows: &mut Rows, report: &Report, lang: Lang) {
    for m in &report.mentions {
        let gaps: Vec<String> = m.gaps.iter().map(|g| gap_sentence(g, report, lang, &plain)).collect();
        rows.row([
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
        rows.row([
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
        rows.row([
            "diagnostic",
            &d.code,
            d.message.get(lang),
            severity_code(d.severity),
            "",
            "",
            &d.pointer,
        ]);
    }
}
