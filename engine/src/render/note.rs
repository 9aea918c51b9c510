//! The note for the élus: at most two printed pages, in the words of a DGS to a conseil —
//! where the collectivité stands for the label, what its software costs and risks (from the
//! dependency map, when an inventory is given), the three decisions that would move it, and
//! the source of every figure. Built once as a [`Prose`] document, then written as a printable
//! HTML page or an OpenDocument text.
//!
//! The decisions are chosen by rules on the report and the map, never written for one case: the
//! engine's ranked next steps (answering a question is not a decision, so unanswered ones are
//! left out) give their advice's first sentence, and the map adds the migration of the
//! proprietary program that costs the most among those with a free alternative, at its
//! contract end when the inventory gives one.

use crate::deps::DependencyReport;
use crate::render::format::prose::{fill, Block, Prose, Span};
use crate::render::labels::{labels, NoteLabels};
use crate::render::{
    date_in_words, effort_label, entity_name, euros, gap_text, percent, quoted, range_text, range_tier, thousands,
    tier_text,
};
use crate::report::Report;
use crate::text::Lang;

/// How many decisions the note proposes.
const DECISIONS: usize = 3;

/// How many gaps to the next tier the note lists before counting the rest.
const GAPS_SHOWN: usize = 5;

/// The note for the élus as a standalone, printable HTML page (two A4 pages at most).
pub fn note_html(report: &Report, deps: Option<&DependencyReport>, lang: Lang) -> String {
    crate::render::format::prose::prose_html(&note_document(report, deps, lang), lang)
}

/// The note for the élus as an OpenDocument text, with the header and page numbers.
pub fn note_odt(report: &Report, deps: Option<&DependencyReport>, lang: Lang) -> Vec<u8> {
    crate::render::format::prose::prose_odt(&note_document(report, deps, lang), lang, &generator(report))
}

/// Who wrote an OpenDocument file, for its properties.
pub(crate) fn generator(report: &Report) -> String {
    format!("{} {}", report.engine.name, report.engine.version)
}

/// The date of the answers in words, or `blank` when they carry none.
pub(crate) fn answers_date(report: &Report, blank: &str, lang: Lang) -> String {
    report
        .answers_updated_at
        .as_deref()
        .and_then(|d| date_in_words(d, lang))
        .unwrap_or_else(|| blank.to_owned())
}

/// The estimate exactly as the engine gives it, in words: the tier once settled; else the likely
/// tier between the secured and the reachable ones; else that the answers are not enough, with
/// the two bounds.
pub(crate) fn estimate_words(report: &Report, lang: Lang) -> String {
    let l = &labels(lang).note;
    let e = &report.estimate;
    match range_text(report, lang) {
        None => tier_text(report, lang).unwrap_or_else(|| labels(lang).common.no_tier.to_owned()),
        Some(r) if e.enough_answers => format!("{}, {}", r.value, r.detail),
        Some(_) => fill(
            l.undecided,
            &[
                ("secured", &range_tier(e.secured.as_ref(), report, lang)),
                ("reachable", &range_tier(e.reachable.as_ref(), report, lang)),
            ],
        ),
    }
}

/// What to answer before the engine can estimate: the domains not covered enough, then the
/// questions that decide.
fn to_answer(report: &Report, l: &NoteLabels, lang: Lang) -> String {
    let e = &report.estimate;
    let needed = percent(e.coverage_needed, lang);
    let mut what: Vec<String> = e
        .domains_to_answer
        .iter()
        .map(|d| {
            fill(
                l.domain_to_answer,
                &[
                    ("domain", d.title.get(lang)),
                    ("covered", &percent(d.covered, lang)),
                    ("needed", &needed),
                ],
            )
        })
        .collect();
    what.extend(e.questions_to_answer.iter().map(|q| quoted(lang, q.title.get(lang))));
    fill(l.to_answer, &[("what", &what.join(l.separator))])
}

/// One decision the note proposes, in plain text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Decision {
    /// What to decide, in one sentence.
    pub what: String,
    /// Where it comes from: the step's effort and domain, or the contract end.
    pub detail: Option<String>,
}

/// The decisions that would move the collectivité furthest: the first ranked next steps that are
/// not questions to answer, and, when the map has one, the migration of the costliest
/// proprietary program with a free alternative (it takes the last place).
pub(crate) fn decisions(report: &Report, deps: Option<&DependencyReport>, lang: Lang) -> Vec<Decision> {
    let l = &labels(lang).note;
    let migration = deps.and_then(|d| migration(d, l, lang));
    let from_steps = DECISIONS - usize::from(migration.is_some());
    let mut out: Vec<Decision> = report
        .next_steps
        .iter()
        .filter(|s| !s.unanswered)
        .take(from_steps)
        .map(|s| {
            let domain = report
                .domains
                .iter()
                .find(|d| *d.id == *s.domain)
                .map_or(s.domain, |d| d.title.get(lang));
            Decision {
                what: first_sentence(s.advice.get(lang)).to_owned(),
                detail: Some(fill(
                    l.step_tail,
                    &[("effort", effort_label(s.effort, lang)), ("domain", domain)],
                )),
            }
        })
        .collect();
    out.extend(migration);
    out
}

/// The migration of the proprietary program with a free alternative that costs the most a year
/// (then has the most seats; the first in the map on a tie).
fn migration(deps: &DependencyReport, l: &NoteLabels, lang: Lang) -> Option<Decision> {
    let item = |index: u32| deps.functions.iter().flat_map(|f| &f.items).find(|i| i.index == index);
    let weight = |index: u32| item(index).map_or((0, 0), |i| (i.yearly_cost.unwrap_or(0), i.seats.unwrap_or(0)));
    let best = deps
        .replacements
        .iter()
        .filter(|r| !r.alternatives.is_empty())
        .rev()
        .max_by_key(|r| weight(r.index))?;
    let alternatives: Vec<&str> = best.alternatives.iter().take(3).map(|a| a.name.as_str()).collect();
    let window = deps
        .migration_windows
        .iter()
        .find(|w| w.index == best.index)
        .and_then(|w| contract_end_words(&w.contract_end, lang));
    Some(Decision {
        what: fill(
            l.migrate,
            &[
                ("function", deps.function_label(best.function, lang)),
                ("product", &best.name),
                ("alternatives", &alternatives.join(", ")),
            ],
        ),
        detail: window.map(|date| fill(l.migrate_window, &[("date", &date)])),
    })
}

/// A contract end (`YYYY-MM-DD` or `YYYY-MM`) in words: « 30 juin 2026 », « juin 2026 ».
fn contract_end_words(end: &str, lang: Lang) -> Option<String> {
    if end.len() == 7 {
        // A month alone: the words of its first day, less the day.
        let day = date_in_words(&format!("{end}-01"), lang)?;
        return day.split_once(' ').map(|(_, month_year)| month_year.to_owned());
    }
    date_in_words(end, lang)
}

/// The first sentence of an advice (up to the first full stop followed by a space), which the
/// editions write as the decision itself: « Désignez un élu référent… ».
fn first_sentence(text: &str) -> &str {
    let text = text.trim();
    text.find(". ").map_or(text, |i| &text[..=i])
}

/// The note, as a document of prose blocks.
fn note_document(report: &Report, deps: Option<&DependencyReport>, lang: Lang) -> Prose {
    let l = &labels(lang).note;
    let name = entity_name(report, lang);
    let date = answers_date(report, l.no_date, lang);
    let edition = report.edition.title.get(lang);
    let mut doc = Prose {
        title: l.title.to_owned(),
        header: fill(l.header, &[("name", name), ("date", &date)]),
        page_of: labels(lang).common.page_of,
        sources_heading: l.sources_heading.to_owned(),
        ..Prose::default()
    };
    doc.para(fill(l.subject, &[("name", name)]));
    doc.blocks.push(Block::Notice(
        labels(lang).common.estimate_notice.to_owned(),
        fill(l.notice_text, &[("edition", edition)]),
    ));
    standing(&mut doc, report, l, &date, lang);
    doc.blocks.push(Block::Heading(l.costs_heading.to_owned()));
    match deps {
        Some(d) => costs(&mut doc, d, l, lang),
        None => doc.para(l.no_inventory),
    }
    doc.blocks.push(Block::Heading(l.decisions_heading.to_owned()));
    let decisions = decisions(report, deps, lang);
    if decisions.is_empty() {
        doc.para(l.no_decision);
    } else {
        doc.para(l.decisions_intro);
        doc.blocks.push(Block::Numbered(
            decisions
                .into_iter()
                .map(|d| {
                    let mut spans = vec![Span::Strong(d.what)];
                    if let Some(detail) = d.detail {
                        spans.push(Span::Text(format!(" {detail}")));
                    }
                    spans
                })
                .collect(),
        ));
    }
    doc
}

/// Part 1: the estimate and what the next tier asks.
fn standing(doc: &mut Prose, report: &Report, l: &NoteLabels, date: &str, lang: Lang) {
    doc.blocks.push(Block::Heading(l.standing_heading.to_owned()));
    let source = doc.cite(fill(
        l.source_estimate,
        &[
            ("date", date),
            ("edition", report.edition.title.get(lang)),
            ("version", &report.edition.version),
            ("engine", &report.engine.version),
        ],
    ));
    let estimate = fill(
        l.standing,
        &[
            ("estimate", &estimate_words(report, lang)),
            ("score", &percent(report.score.per_mille, lang)),
            ("completeness", &percent(report.completeness.per_mille, lang)),
        ],
    );
    doc.blocks.push(Block::Para(vec![Span::Text(estimate), source]));
    if !report.estimate.is_settled() && !report.estimate.enough_answers {
        doc.para(to_answer(report, l, lang));
    }
    let Some(next) = &report.next_tier else {
        doc.para(l.top_tier);
        return;
    };
    doc.para(fill(l.next_tier, &[("tier", next.tier.title.get(lang))]));
    let mut gaps: Vec<Vec<Span>> = next
        .gaps
        .iter()
        .take(GAPS_SHOWN)
        .map(|g| vec![Span::Text(gap_text(g, report, lang))])
        .collect();
    if next.gaps.len() > GAPS_SHOWN {
        let more = (next.gaps.len() - GAPS_SHOWN).to_string();
        gaps.push(vec![Span::Text(fill(l.more_gaps, &[("n", &more)]))]);
    }
    doc.blocks.push(Block::Bullets(gaps));
}

/// Part 2 with an inventory: licence costs, the five-year scenarios, extra-EU exposure and
/// vendor concentration.
fn costs(doc: &mut Prose, d: &DependencyReport, l: &NoteLabels, lang: Lang) {
    let catalogue = doc.cite(fill(l.source_inventory, &[("catalogue", &d.catalogue_version)]));
    let listed = d.summary.functions_listed.to_string();
    let costs = if d.exposure.proprietary_functions == 0 {
        fill(l.all_free, &[("listed", &listed)])
    } else {
        fill(
            l.costs,
            &[
                ("listed", &listed),
                ("free", &d.summary.functions_free.to_string()),
                ("share", &percent(d.summary.free_function_share, lang)),
                ("proprietary", &d.exposure.proprietary_functions.to_string()),
                ("cost", &euros(d.exposure.proprietary_cost, lang)),
            ],
        )
    };
    doc.blocks.push(Block::Para(vec![Span::Text(costs), catalogue.clone()]));
    // The constant-price scenario is the baseline the others are compared with: it has no
    // increase, so it is left out of the list (and so is every scenario when nothing costs).
    let rising: Vec<_> = d.projections.iter().filter(|p| p.increase_over_stable != 0).collect();
    if !rising.is_empty() {
        let names: Vec<&str> = d.projections.iter().map(|p| p.label.get(lang)).collect();
        // The catalogue's rising scenarios each name their public source (its check refuses one
        // without); an inventory's own scenarios have none, and are said to be the inventory's.
        let from_catalogue = rising.iter().any(|p| p.source.is_some());
        let scenarios = doc.cite(fill(
            if from_catalogue {
                l.source_scenarios
            } else {
                l.source_own_scenarios
            },
            &[
                ("scenarios", names.join(l.separator).as_str()),
                ("disclaimer", d.disclaimer.get(lang)),
            ],
        ));
        doc.blocks
            .push(Block::Para(vec![Span::Text(l.scenarios_intro.to_owned()), scenarios]));
        // Each scenario's figure (+5 %, +13 %, ×5.3) is called to the public page it comes from;
        // an inventory's own scenarios have none, and the catalogue's line above covers them.
        let items = rising
            .iter()
            .map(|p| {
                let mut item = vec![Span::Text(fill(
                    l.scenario,
                    &[
                        ("scenario", p.label.get(lang)),
                        ("total", &euros(p.five_year_total, lang)),
                        ("increase", &crate::render::signed_euros(p.increase_over_stable, lang)),
                    ],
                ))];
                if let Some(source) = &p.source {
                    item.push(doc.cite_page(source.title.get(lang), source.url.as_str()));
                }
                item
            })
            .collect();
        doc.blocks.push(Block::Bullets(items));
    }
    let e = &d.exposure;
    let exposure = if e.extra_eu_functions > 0 {
        fill(
            l.extra_eu,
            &[
                ("functions", &e.extra_eu_functions.to_string()),
                ("seats", &thousands(e.extra_eu_seats, lang)),
                ("cost", &euros(e.extra_eu_cost, lang)),
            ],
        )
    } else {
        l.no_extra_eu.to_owned()
    };
    doc.blocks
        .push(Block::Para(vec![Span::Text(exposure), catalogue.clone()]));
    let c = &d.concentration;
    let concentration = match &c.top_vendor {
        Some(vendor) => fill(
            l.concentration,
            &[
                ("vendor", vendor),
                ("functions", &c.top_vendor_functions.to_string()),
                ("seats", &thousands(c.top_vendor_seats, lang)),
                ("hhi", &thousands(u64::from(c.hhi_seats), lang)),
            ],
        ),
        None => l.no_vendor.to_owned(),
    };
    doc.blocks.push(Block::Para(vec![Span::Text(concentration), catalogue]));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_first_sentence_of_an_advice() {
        assert_eq!(
            first_sentence("Désignez un élu. Faites-le connaître."),
            "Désignez un élu."
        );
        assert_eq!(first_sentence(" Une seule phrase "), "Une seule phrase");
        assert_eq!(first_sentence("Version 2.0 du RGI. Puis"), "Version 2.0 du RGI.");
    }

    #[test]
    fn contract_ends_in_words() {
        assert_eq!(contract_end_words("2026-06", Lang::Fr).as_deref(), Some("juin 2026"));
        assert_eq!(
            contract_end_words("2026-06-30", Lang::En).as_deref(),
            Some("30 June 2026")
        );
        assert_eq!(contract_end_words("2026-13", Lang::Fr), None);
    }
}
