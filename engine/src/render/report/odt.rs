//! The report as an OpenDocument text (`.odt`): the open format of the RGI, which LibreOffice,
//! Word and most office suites open and edit.
//!
//! The package (`mimetype`, manifest, properties, styles, content, in a stored zip) is written by
//! `render/format/odf.rs`, shared with the spreadsheets; a report is about 30 KB of XML.

use crate::render::format::odf::escape_xml;
use crate::render::format::odt::{package, strong, Doc};
use crate::render::{
    effort_label, entity_name, estimate_notice, gap_sentence, percent, range_text, status_label, tier_label, tier_text,
    tr,
};
use crate::report::{Report, Status};
use crate::text::Lang;

/// Renders a report as an OpenDocument text, in the sections of the Markdown and HTML reports.
pub fn odt(report: &Report, lang: Lang) -> Vec<u8> {
    let title = format!(
        "{} — {}",
        tr(
            lang,
            "Auto-évaluation Territoire Numérique Libre",
            "Territoire Numérique Libre self-assessment"
        ),
        entity_name(report, lang)
    );
    package(
        &title,
        lang,
        &format!("{} {}", report.engine.name, report.engine.version),
        &report_body(report, lang),
    )
}

fn report_body(report: &Report, lang: Lang) -> Doc {
    let mut d = Doc::default();
    let name = entity_name(report, lang);
    let ident = |s: &str| s.to_owned();
    d.heading(
        1,
        &format!(
            "{} — {name}",
            tr(
                lang,
                "Auto-évaluation Territoire Numérique Libre",
                "Territoire Numérique Libre self-assessment"
            )
        ),
    );
    d.notice(estimate_notice(lang), report.disclaimer.get(lang));

    let colon = crate::render::colon(lang);
    let mut about = vec![
        format!(
            "{}{colon}{} ({}, {} {})",
            tr(lang, "Édition", "Edition"),
            report.edition.title.get(lang),
            report.edition.id,
            tr(lang, "version", "version"),
            report.edition.version
        ),
        format!(
            "{}{colon}{}",
            tr(lang, "Collectivité", "Collectivité"),
            crate::render::who(&report.profile, name, lang, &ident)
        ),
    ];
    if let Some(u) = &report.answers_updated_at {
        about.push(format!(
            "{}{colon}{u}",
            tr(lang, "Réponses mises à jour", "Answers updated")
        ));
    }
    about.push(format!(
        "{}{colon}{} {}",
        tr(lang, "Moteur", "Engine"),
        report.engine.name,
        report.engine.version
    ));
    d.list(false, about.iter().map(|a| escape_xml(a)));

    d.heading(2, tr(lang, "Résultat estimé", "Estimated result"));
    let tier =
        tier_text(report, lang).unwrap_or_else(|| tr(lang, "aucun niveau atteint", "no tier reached").to_owned());
    d.fact(tier_label(report, lang), &tier, lang);
    d.fact(
        tr(lang, "Score global", "Overall score"),
        &format!(
            "{} ({} / 1000)",
            percent(report.score.per_mille, lang),
            report.score.per_mille
        ),
        lang,
    );
    let c = &report.completeness;
    d.fact(
        tr(lang, "Complétude", "Completeness"),
        &format!(
            "{} ({} / {} {})",
            percent(c.per_mille, lang),
            c.answered,
            c.applicable,
            tr(lang, "questions", "questions")
        ),
        lang,
    );
    if let Some(r) = range_text(report, lang) {
        d.para_xml(&format!(
            "{}{}{} — {}",
            escape_xml(r.label),
            crate::render::colon(lang),
            strong(&r.value),
            escape_xml(&r.detail)
        ));
    }

    d.heading(2, tr(lang, "Scores par domaine", "Scores by domain"));
    d.table(
        &[
            tr(lang, "Domaine", "Domain"),
            tr(lang, "Poids", "Weight"),
            tr(lang, "Score", "Score"),
            tr(lang, "Points", "Points"),
            tr(lang, "Réponses", "Answered"),
        ],
        report.domains.iter().map(|dom| {
            let score = dom
                .per_mille
                .map_or_else(|| tr(lang, "sans objet", "n/a").to_owned(), |pm| percent(pm, lang));
            vec![
                dom.title.get(lang).to_owned(),
                dom.weight.to_string(),
                score,
                format!("{} / {}", dom.earned, dom.possible),
                format!("{} / {}", dom.answered, dom.applicable),
            ]
        }),
    );

    d.heading(2, tr(lang, "Niveaux", "Tiers"));
    d.table(
        &[tr(lang, "Niveau", "Tier"), tr(lang, "Atteint", "Reached")],
        report.tiers.iter().map(|t| {
            vec![
                t.title.get(lang).to_owned(),
                tr(
                    lang,
                    if t.reached { "oui" } else { "non" },
                    if t.reached { "yes" } else { "no" },
                )
                .to_owned(),
            ]
        }),
    );

    if let Some(next) = &report.next_tier {
        d.heading(
            2,
            &format!(
                "{} {}",
                tr(lang, "Pour atteindre le niveau", "To reach the tier"),
                crate::render::quoted(lang, next.tier.title.get(lang))
            ),
        );
        d.list(
            false,
            next.gaps.iter().map(|g| gap_sentence(g, report, lang, &escape_xml)),
        );
        if !next.plan.steps.is_empty() {
            let closes = if next.plan.closes_all_gaps {
                String::new()
            } else {
                format!(
                    " ({})",
                    tr(lang, "ne comble pas tous les écarts", "does not close every gap")
                )
            };
            d.para(&format!(
                "{} {} {} → {} {}{closes}",
                tr(lang, "Plan :", "Plan:"),
                next.plan.steps.len(),
                tr(lang, "étape(s)", "step(s)"),
                tr(lang, "score projeté", "projected score"),
                percent(next.plan.projected_score, lang)
            ));
            let title_of = |id: &str| {
                report
                    .criteria
                    .iter()
                    .find(|c| c.id == id)
                    .map_or_else(|| id.to_owned(), |c| format!("{} ({id})", c.title.get(lang)))
            };
            d.list(true, next.plan.steps.iter().map(|s| escape_xml(&title_of(s))));
        }
    } else if report.tier.is_some() {
        d.para(tr(
            lang,
            "Le niveau le plus haut est atteint.",
            "The highest tier is reached.",
        ));
    }

    d.heading(2, tr(lang, "Prochaines étapes", "Next steps"));
    if report.next_steps.is_empty() {
        d.para(tr(lang, "Aucune.", "None."));
    } else {
        d.list(
            true,
            report.next_steps.iter().map(|s| {
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
                format!(
                    "{} ({}) — {}<text:line-break/>{}",
                    strong(s.title.get(lang)),
                    escape_xml(s.question),
                    escape_xml(&tags.join(" · ")),
                    escape_xml(s.advice.get(lang))
                )
            }),
        );
    }

    if !report.mentions.is_empty() {
        d.heading(2, tr(lang, "Mentions", "Mentions"));
        d.list(
            false,
            report.mentions.iter().map(|m| {
                let state = if m.reached {
                    tr(lang, "obtenue", "reached")
                } else {
                    tr(lang, "non obtenue", "not reached")
                };
                let gaps: Vec<String> = m
                    .gaps
                    .iter()
                    .map(|g| gap_sentence(g, report, lang, &escape_xml))
                    .collect();
                let gaps = if gaps.is_empty() {
                    String::new()
                } else {
                    format!(" — {}", gaps.join(" ; "))
                };
                format!(
                    "{}{}{}{gaps}",
                    strong(m.title.get(lang)),
                    crate::render::colon(lang),
                    state
                )
            }),
        );
    }

    let unanswered: Vec<_> = report.unanswered().collect();
    d.heading(
        2,
        &format!(
            "{} ({})",
            tr(lang, "Questions sans réponse", "Unanswered questions"),
            unanswered.len()
        ),
    );
    if unanswered.is_empty() {
        d.para(tr(lang, "Aucune.", "None."));
    } else {
        d.list(
            false,
            unanswered
                .iter()
                .map(|c| escape_xml(&format!("{} ({})", c.title.get(lang), c.id))),
        );
    }

    d.diagnostics(
        &report.diagnostics,
        lang,
        tr(lang, "Aucun problème dans les réponses.", "No problem in the answers."),
    );

    d.heading(2, tr(lang, "Détail des critères", "Criteria in detail"));
    d.table(
        &[
            tr(lang, "Question", "Question"),
            tr(lang, "Domaine", "Domain"),
            tr(lang, "Statut", "Status"),
            "Points",
        ],
        report.criteria.iter().map(|c| {
            let domain = report
                .domains
                .iter()
                .find(|dom| *dom.id == *c.domain)
                .map_or(c.domain, |dom| dom.title.get(lang));
            let points = if matches!(c.status, Status::Excluded | Status::NotApplicable) {
                "—".to_owned()
            } else {
                format!("{} / {}", c.earned, c.possible)
            };
            vec![
                format!("{} ({})", c.title.get(lang), c.id),
                domain.to_owned(),
                status_label(c.status, lang).to_owned(),
                points,
            ]
        }),
    );

    d
}
