//! The report as a standalone HTML page: inline CSS with an A4 print stylesheet, an inline SVG bar
//! chart, no script and no external resource, so it can be mailed, archived or printed as is.
//!
//! Accessibility: one `h1` then `h2`s, tables with `th scope`, text on white at WCAG AA contrast
//! or better, and every state written in words (never a colour alone); the chart repeats its
//! values as text and has a `role="img"` with a title.

use crate::render::format::html::{diagnostics_html, escape_html, page_start, PAGE_END};
use crate::render::{
    effort_label, entity_name, estimate_notice, gap_sentence, percent, range_text, status_label, tier_label, tier_text,
    tr,
};
use crate::report::{Report, Status};
use crate::text::Lang;
use std::fmt::Write as _;
/// Renders a report as a standalone HTML page.
pub fn html(report: &Report, lang: Lang) -> String {
    let e = |s: &str| escape_html(s);
    let mut o = String::new();
    let colon = crate::render::colon(lang);
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
    let who = crate::render::who(&report.profile, name, lang, &e);
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
            crate::render::colon(lang),
            e(&r.value),
            e(&r.detail)
        );
    }

    // Domains: chart and table.
    let _ = writeln!(o, "<h2>{}</h2>", tr(lang, "Scores par domaine", "Scores by domain"));
    o.push_str(&crate::render::charts::domain_chart(report, lang, None));
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
            crate::render::quoted(lang, &e(next.tier.title.get(lang)))
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
