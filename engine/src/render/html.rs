//! The report as a standalone HTML page: inline CSS with an A4 print stylesheet, an inline SVG bar
//! chart, no script and no external resource, so it can be mailed, archived or printed as is.
//!
//! Accessibility: one `h1` then `h2`s, tables with `th scope`, text on white at WCAG AA contrast
//! or better, and every state written in words (never a colour alone); the chart repeats its
//! values as text and has a `role="img"` with a title.

use super::{
    effort_label, entity_name, estimate_notice, gap_sentence, percent, range_text, severity_label, status_label,
    tier_label, tier_text, tr,
};
use crate::report::{Diagnostic, Report, Status};
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

/// Renders a report as a standalone HTML page.
pub fn html(report: &Report, lang: Lang) -> String {
    let e = |s: &str| escape_html(s);
    let mut o = String::new();
    let colon = super::colon(lang);
    let name = entity_name(report, lang);
    let title = format!(
        "{} — {}",
        tr(
            lang,
            "Auto-évaluation Territoire Numérique Libre",
            "Territoire Numérique Libre self-assessment"
        ),
        name
    );
    page_start(&mut o, lang, &title);
    let _ = writeln!(
        o,
        "<p class=\"notice\" role=\"note\"><strong>{}</strong> {}</p>",
        e(estimate_notice(lang)),
        e(report.disclaimer.get(lang))
    );

    // Who and what.
    let _ = writeln!(o, "<dl>");
    let _ = writeln!(
        o,
        "<dt>{}</dt><dd>{} (<code>{}</code>, version {})</dd>",
        tr(lang, "Édition", "Edition"),
        e(report.edition.title.get(lang)),
        e(&report.edition.id),
        e(&report.edition.version)
    );
    let who = super::who(&report.profile, name, lang, &e);
    let _ = writeln!(
        o,
        "<dt>{}</dt><dd>{}</dd>",
        tr(lang, "Collectivité", "Collectivité"),
        who
    );
    if let Some(u) = &report.answers_updated_at {
        let _ = writeln!(
            o,
            "<dt>{}</dt><dd>{}</dd>",
            tr(lang, "Réponses mises à jour", "Answers updated"),
            e(u)
        );
    }
    let _ = writeln!(
        o,
        "<dt>{}</dt><dd>{} {}</dd>\n</dl>",
        tr(lang, "Moteur", "Engine"),
        e(&report.engine.name),
        e(&report.engine.version)
    );

    // Result.
    let _ = writeln!(
        o,
        "<h2>{}</h2>\n<div class=\"result\">",
        tr(lang, "Résultat estimé", "Estimated result")
    );
    let tier =
        tier_text(report, lang).unwrap_or_else(|| tr(lang, "aucun niveau atteint", "no tier reached").to_owned());
    let _ = writeln!(
        o,
        "<div>{}<strong>{}</strong></div>",
        tier_label(report, lang),
        e(&tier)
    );
    let _ = writeln!(
        o,
        "<div>{}<strong>{}</strong></div>",
        tr(lang, "Score global", "Overall score"),
        percent(report.score.per_mille, lang)
    );
    let c = &report.completeness;
    let _ = writeln!(
        o,
        "<div>{}<strong>{}</strong>{} / {} {}</div>\n</div>",
        tr(lang, "Complétude", "Completeness"),
        percent(c.per_mille, lang),
        c.answered,
        c.applicable,
        tr(lang, "questions", "questions")
    );
    if let Some(r) = range_text(report, lang) {
        let _ = writeln!(
            o,
            "<p id=\"estimate-range\"><strong>{}{}</strong>{} — {}.</p>",
            r.label,
            super::colon(lang),
            e(&r.value),
            e(&r.detail)
        );
    }

    // Domains: chart and table.
    let _ = writeln!(o, "<h2>{}</h2>", tr(lang, "Scores par domaine", "Scores by domain"));
    o.push_str(&super::svg::domain_chart(report, lang, None));
    let _ = writeln!(
        o,
        "<table>\n<thead><tr><th scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\">{}</th></tr></thead>\n<tbody>",
        tr(lang, "Domaine", "Domain"),
        tr(lang, "Poids", "Weight"),
        tr(lang, "Score", "Score"),
        tr(lang, "Points", "Points"),
        tr(lang, "Réponses", "Answered")
    );
    for d in &report.domains {
        let score = d
            .per_mille
            .map_or_else(|| tr(lang, "sans objet", "n/a").to_owned(), |pm| percent(pm, lang));
        let _ = writeln!(
            o,
            "<tr><th scope=\"row\">{}</th><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{} / {}</td><td class=\"n\">{} / {}</td></tr>",
            e(d.title.get(lang)),
            d.weight,
            score,
            d.earned,
            d.possible,
            d.answered,
            d.applicable
        );
    }
    let _ = writeln!(o, "</tbody>\n</table>");

    // Tiers.
    let _ = writeln!(
        o,
        "<h2>{}</h2>\n<table>\n<thead><tr><th scope=\"col\">{}</th><th scope=\"col\">{}</th></tr></thead>\n<tbody>",
        tr(lang, "Niveaux", "Tiers"),
        tr(lang, "Niveau", "Tier"),
        tr(lang, "Atteint", "Reached")
    );
    for t in &report.tiers {
        let _ = writeln!(
            o,
            "<tr><th scope=\"row\">{}</th><td>{}</td></tr>",
            e(t.title.get(lang)),
            if t.reached {
                tr(lang, "oui", "yes")
            } else {
                tr(lang, "non", "no")
            }
        );
    }
    let _ = writeln!(o, "</tbody>\n</table>");

    // Next tier.
    if let Some(next) = &report.next_tier {
        let _ = writeln!(
            o,
            "<h2>{} {}</h2>\n<ul>",
            tr(lang, "Pour atteindre le niveau", "To reach the tier"),
            super::quoted(lang, &e(next.tier.title.get(lang)))
        );
        for g in &next.gaps {
            let _ = writeln!(o, "<li>{}</li>", gap_sentence(g, report, lang, &e));
        }
        let _ = writeln!(o, "</ul>");
        if !next.plan.steps.is_empty() {
            let steps: Vec<String> = next
                .plan
                .steps
                .iter()
                .map(|s| format!("<code>{}</code>", e(s)))
                .collect();
            let _ = writeln!(
                o,
                "<p>{}{colon}{} {} → {} {}{}. {}</p>",
                tr(lang, "Plan", "Plan"),
                next.plan.steps.len(),
                tr(lang, "étape(s)", "step(s)"),
                tr(lang, "score projeté", "projected score"),
                percent(next.plan.projected_score, lang),
                if next.plan.closes_all_gaps {
                    ""
                } else {
                    tr(lang, " (ne comble pas tous les écarts)", " (does not close every gap)")
                },
                steps.join(", ")
            );
        }
    } else if report.tier.is_some() {
        let _ = writeln!(
            o,
            "<p>{}</p>",
            tr(
                lang,
                "Le niveau le plus haut est atteint.",
                "The highest tier is reached."
            )
        );
    }

    // Next steps.
    let _ = writeln!(o, "<h2>{}</h2>", tr(lang, "Prochaines étapes", "Next steps"));
    if report.next_steps.is_empty() {
        let _ = writeln!(o, "<p>{}</p>", tr(lang, "Aucune.", "None."));
    } else {
        let _ = writeln!(o, "<ol>");
        for s in &report.next_steps {
            let mut tags = vec![
                effort_label(s.effort, lang).to_owned(),
                format!("+{}", percent(s.gain, lang)),
            ];
            if s.blocking {
                tags.push(tr(lang, "requis pour le niveau suivant", "required for the next tier").to_owned());
            }
            if s.unanswered {
                tags.push(tr(lang, "sans réponse", "unanswered").to_owned());
            }
            let _ = writeln!(
                o,
                "<li><strong>{}</strong> (<code>{}</code>) <span class=\"tags\">— {}</span><br>{}</li>",
                e(s.title.get(lang)),
                e(s.question),
                e(&tags.join(" · ")),
                e(s.advice.get(lang))
            );
        }
        let _ = writeln!(o, "</ol>");
    }

    // Mentions.
    if !report.mentions.is_empty() {
        let _ = writeln!(o, "<h2>{}</h2>\n<ul>", tr(lang, "Mentions", "Mentions"));
        for m in &report.mentions {
            let state = if m.reached {
                tr(lang, "obtenue", "reached")
            } else {
                tr(lang, "non obtenue", "not reached")
            };
            let _ = write!(o, "<li><strong>{}</strong>{colon}{}", e(m.title.get(lang)), state);
            if !m.gaps.is_empty() {
                let _ = write!(o, "<ul>");
                for g in &m.gaps {
                    let _ = write!(o, "<li>{}</li>", gap_sentence(g, report, lang, &e));
                }
                let _ = write!(o, "</ul>");
            }
            let _ = writeln!(o, "</li>");
        }
        let _ = writeln!(o, "</ul>");
    }

    // Unanswered.
    let unanswered: Vec<_> = report.unanswered().collect();
    let _ = writeln!(
        o,
        "<h2>{} ({})</h2>",
        tr(lang, "Questions sans réponse", "Unanswered questions"),
        unanswered.len()
    );
    if unanswered.is_empty() {
        let _ = writeln!(o, "<p>{}</p>", tr(lang, "Aucune.", "None."));
    } else {
        let _ = writeln!(o, "<ul>");
        for c in &unanswered {
            let _ = writeln!(o, "<li>{} (<code>{}</code>)</li>", e(c.title.get(lang)), e(c.id));
        }
        let _ = writeln!(o, "</ul>");
    }

    // Diagnostics.
    let _ = writeln!(
        o,
        "<h2>{} ({})</h2>",
        tr(lang, "Diagnostics", "Diagnostics"),
        report.diagnostics.len()
    );
    diagnostics_html(
        &mut o,
        &report.diagnostics,
        lang,
        tr(lang, "Aucun problème dans les réponses.", "No problem in the answers."),
    );

    // Criteria detail.
    let _ = writeln!(
        o,
        "<h2>{}</h2>\n<table>\n<thead><tr><th scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\">Points</th></tr></thead>\n<tbody>",
        tr(lang, "Détail des critères", "Criteria in detail"),
        tr(lang, "Question", "Question"),
        tr(lang, "Domaine", "Domain"),
        tr(lang, "Statut", "Status")
    );
    for c in &report.criteria {
        let domain = report
            .domains
            .iter()
            .find(|d| *d.id == *c.domain)
            .map_or(c.domain, |d| d.title.get(lang));
        let points = if matches!(c.status, Status::Excluded | Status::NotApplicable) {
            "—".to_owned()
        } else {
            format!("{} / {}", c.earned, c.possible)
        };
        let _ = writeln!(
            o,
            "<tr><th scope=\"row\">{} <code>{}</code></th><td>{}</td><td>{}</td><td class=\"n\">{}</td></tr>",
            e(c.title.get(lang)),
            e(c.id),
            e(domain),
            status_label(c.status, lang),
            points
        );
    }
    let _ = writeln!(o, "</tbody>\n</table>");
    o.push_str(PAGE_END);
    o
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
