//! The report as Markdown (CommonMark with GitHub tables).

use crate::render::format::markdown::{code_span, diagnostics_markdown, escape_markdown};
use crate::render::{
    effort_label, entity_name, estimate_notice, gap_sentence, percent, range_text, status_label, tier_label, tier_text,
    tr,
};
use crate::report::{Report, Status};
use crate::text::Lang;
use std::fmt::Write as _;

/// Renders a report as a Markdown document.
pub fn markdown(report: &Report, lang: Lang) -> String {
    let e = |s: &str| escape_markdown(s);
    let mut o = String::new();
    let colon = crate::render::colon(lang);
    let name = entity_name(report, lang);
    let _ = writeln!(
        o,
        "# {} — {}\n",
        tr(
            lang,
            "Auto-évaluation Territoire Numérique Libre",
            "Territoire Numérique Libre self-assessment"
        ),
        e(name)
    );
    let _ = writeln!(
        o,
        "> **{}** {}\n",
        e(estimate_notice(lang)),
        e(report.disclaimer.get(lang))
    );

    // Who and what.
    let _ = writeln!(
        o,
        "- {}{colon}{} ({}, {} {})",
        tr(lang, "Édition", "Edition"),
        e(report.edition.title.get(lang)),
        code_span(&report.edition.id, false),
        tr(lang, "version", "version"),
        e(&report.edition.version)
    );
    let who = crate::render::who(&report.profile, name, lang, &e);
    let _ = writeln!(o, "- {}{colon}{}", tr(lang, "Collectivité", "Collectivité"), who);
    if let Some(u) = &report.answers_updated_at {
        let _ = writeln!(
            o,
            "- {}{colon}{}",
            tr(lang, "Réponses mises à jour", "Answers updated"),
            e(u)
        );
    }
    let _ = writeln!(
        o,
        "- {}{colon}{} {}\n",
        tr(lang, "Moteur", "Engine"),
        e(&report.engine.name),
        e(&report.engine.version)
    );

    // Result.
    let _ = writeln!(o, "## {}\n", tr(lang, "Résultat estimé", "Estimated result"));
    let tier = tier_text(report, lang).map_or_else(
        || tr(lang, "aucun niveau atteint", "no tier reached").to_owned(),
        |t| e(&t),
    );
    let _ = writeln!(o, "- {}{colon}**{}**", tier_label(report, lang), tier);
    let _ = writeln!(
        o,
        "- {}{colon}**{}** ({} / 1000)",
        tr(lang, "Score global", "Overall score"),
        percent(report.score.per_mille, lang),
        report.score.per_mille
    );
    let c = &report.completeness;
    let _ = writeln!(
        o,
        "- {}{colon}{} ({} / {} {})\n",
        tr(lang, "Complétude", "Completeness"),
        percent(c.per_mille, lang),
        c.answered,
        c.applicable,
        tr(lang, "questions", "questions")
    );
    if let Some(r) = range_text(report, lang) {
        o.pop();
        let _ = writeln!(o, "- {}{colon}**{}** — {}\n", r.label, e(&r.value), e(&r.detail));
    }

    // Domains.
    let _ = writeln!(o, "## {}\n", tr(lang, "Scores par domaine", "Scores by domain"));
    let _ = writeln!(
        o,
        "| {} | {} | {} | {} | {} |\n|---|--:|--:|--:|--:|",
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
            "| {} | {} | {} | {} / {} | {} / {} |",
            e(d.title.get(lang)),
            d.weight,
            score,
            d.earned,
            d.possible,
            d.answered,
            d.applicable
        );
    }
    o.push('\n');

    // Tiers.
    let _ = writeln!(o, "## {}\n", tr(lang, "Niveaux", "Tiers"));
    let _ = writeln!(
        o,
        "| {} | {} |\n|---|---|",
        tr(lang, "Niveau", "Tier"),
        tr(lang, "Atteint", "Reached")
    );
    for t in &report.tiers {
        let _ = writeln!(
            o,
            "| {} | {} |",
            e(t.title.get(lang)),
            if t.reached {
                tr(lang, "oui", "yes")
            } else {
                tr(lang, "non", "no")
            }
        );
    }
    o.push('\n');

    // Next tier.
    if let Some(next) = &report.next_tier {
        let _ = writeln!(
            o,
            "## {} {}\n",
            tr(lang, "Pour atteindre le niveau", "To reach the tier"),
            crate::render::quoted(lang, &e(next.tier.title.get(lang)))
        );
        for g in &next.gaps {
            let _ = writeln!(o, "- {}", gap_sentence(g, report, lang, &e));
        }
        if !next.plan.steps.is_empty() {
            let _ = writeln!(
                o,
                "\n{} {} {} → {} {}{}",
                tr(lang, "Plan :", "Plan:"),
                next.plan.steps.len(),
                tr(lang, "étape(s)", "step(s)"),
                tr(lang, "score projeté", "projected score"),
                percent(next.plan.projected_score, lang),
                if next.plan.closes_all_gaps {
                    String::new()
                } else {
                    format!(
                        " ({})",
                        tr(lang, "ne comble pas tous les écarts", "does not close every gap")
                    )
                }
            );
            let steps: Vec<String> = next.plan.steps.iter().map(|s| code_span(s, false)).collect();
            let _ = writeln!(o, "{}", steps.join(", "));
        }
        o.push('\n');
    } else if report.tier.is_some() {
        let _ = writeln!(
            o,
            "{}\n",
            tr(
                lang,
                "Le niveau le plus haut est atteint.",
                "The highest tier is reached."
            )
        );
    }

    // Next steps.
    let _ = writeln!(o, "## {}\n", tr(lang, "Prochaines étapes", "Next steps"));
    if report.next_steps.is_empty() {
        let _ = writeln!(o, "{}\n", tr(lang, "Aucune.", "None."));
    }
    for (i, s) in report.next_steps.iter().enumerate() {
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
            "{}. **{}** ({}) — {}",
            i + 1,
            e(s.title.get(lang)),
            code_span(s.question, false),
            tags.join(" · ")
        );
        let _ = writeln!(o, "   {}", e(s.advice.get(lang)));
    }
    if !report.next_steps.is_empty() {
        o.push('\n');
    }

    // Mentions.
    if !report.mentions.is_empty() {
        let _ = writeln!(o, "## {}\n", tr(lang, "Mentions", "Mentions"));
        for m in &report.mentions {
            let state = if m.reached {
                tr(lang, "obtenue", "reached")
            } else {
                tr(lang, "non obtenue", "not reached")
            };
            let _ = writeln!(o, "- **{}**{colon}{}", e(m.title.get(lang)), state);
            for g in &m.gaps {
                let _ = writeln!(o, "  - {}", gap_sentence(g, report, lang, &e));
            }
        }
        o.push('\n');
    }

    // Unanswered.
    let unanswered: Vec<_> = report.unanswered().collect();
    let _ = writeln!(
        o,
        "## {} ({})\n",
        tr(lang, "Questions sans réponse", "Unanswered questions"),
        unanswered.len()
    );
    if unanswered.is_empty() {
        let _ = writeln!(o, "{}\n", tr(lang, "Aucune.", "None."));
    } else {
        for c in &unanswered {
            let _ = writeln!(o, "- {} ({})", e(c.title.get(lang)), code_span(c.id, false));
        }
        o.push('\n');
    }

    // Diagnostics.
    let _ = writeln!(
        o,
        "## {} ({})\n",
        tr(lang, "Diagnostics", "Diagnostics"),
        report.diagnostics.len()
    );
    diagnostics_markdown(
        &mut o,
        &report.diagnostics,
        lang,
        tr(lang, "Aucun problème dans les réponses.", "No problem in the answers."),
    );

    // Criteria detail.
    let _ = writeln!(o, "## {}\n", tr(lang, "Détail des critères", "Criteria in detail"));
    let _ = writeln!(
        o,
        "| {} | {} | {} | Points |\n|---|---|---|--:|",
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
            "| {} ({}) | {} | {} | {} |",
            e(c.title.get(lang)),
            code_span(c.id, true),
            e(domain),
            status_label(c.status, lang),
            points
        );
    }
    o
}
