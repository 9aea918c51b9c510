//! The readiness report as a document a collectivité signs, written once for every format.
//!
//! The order is the reader's: page 1 a summary taken in at a glance (who and when, the estimate as
//! a range, the domain chart, the three steps that matter most, the dependency map's headline when
//! an inventory was given); then the gaps to the next tier and the ranked steps; the validation
//! block; the annex of what was declared; a colophon with the versions. No internal id appears:
//! they stay in the JSON and CSV. Each format implements [`Sink`] and escapes the plain texts it
//! is handed.

use crate::deps::DependencyReport;
use crate::render::labels::ReportLabels;
use crate::render::{
    colon, date_in_words, effort_label, entity_name, estimate_notice, euros, labels, percent, quoted, range_text,
    thousands,
};
use crate::report::{DeclaredState, Diagnostic, Report, TierRef};
use crate::text::Lang;

/// A report to render, with the dependency map of the same collectivité when an inventory was
/// given (its headline then goes on the summary page).
#[derive(Clone, Copy)]
pub struct ReportDocument<'a> {
    /// The readiness report.
    pub report: &'a Report,
    /// The dependency map, if any.
    pub deps: Option<&'a DependencyReport>,
}

/// The parts of the document a reader (and a print test) can find by id.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Part {
    Steps,
    Annex,
}

impl Part {
    pub(crate) fn id(self) -> &'static str {
        match self {
            Part::Steps => "steps",
            Part::Annex => "annex",
        }
    }
}

/// A list item: a lead in bold, then plain text (either may be empty).
pub(crate) struct Item {
    pub lead: String,
    pub text: String,
}

/// What each format writes; every text is plain and the format escapes it.
pub(crate) trait Sink {
    /// The title of the document, once, first.
    fn title(&mut self, text: &str);
    /// A part that starts a new printed page, with its heading.
    fn part(&mut self, part: Part, heading: &str);
    fn heading(&mut self, text: &str);
    fn subheading(&mut self, text: &str);
    fn para(&mut self, text: &str);
    fn notice(&mut self, bold: &str, text: &str);
    /// "label: value" lines, the value in bold.
    fn facts(&mut self, facts: &[(&str, String)]);
    fn items(&mut self, numbered: bool, items: &[Item]);
    /// A long list of short lines, set small where the format can.
    fn brief_list(&mut self, lines: &[String]);
    fn table(&mut self, header: &[&str], rows: Vec<Vec<String>>);
    /// The domain scores: a chart where the format draws one, else a table.
    fn domain_scores(&mut self, report: &Report, lang: Lang);
    /// Lines to fill in by hand (name, role, date, signature).
    fn blanks(&mut self, lines: &[&str]);
}

/// How many steps are written in full; the rest are listed by title.
const STEPS_IN_FULL: usize = 10;

/// The document's title: the report's kind and the collectivité's name.
pub(crate) fn title(report: &Report, lang: Lang) -> String {
    format!("{} — {}", labels(lang).report.title, entity_name(report, lang))
}

/// The running header of printed pages: the collectivité and the date of its answers.
pub(crate) fn running_header(report: &Report, lang: Lang) -> String {
    match answers_date(report, lang) {
        Some(date) => format!("{} — {date}", entity_name(report, lang)),
        None => entity_name(report, lang).to_owned(),
    }
}

fn answers_date(report: &Report, lang: Lang) -> Option<String> {
    report
        .answers_updated_at
        .as_deref()
        .and_then(|u| date_in_words(u, lang))
}

/// Writes the whole document on `sink`.
pub(crate) fn write(doc: &ReportDocument<'_>, lang: Lang, sink: &mut dyn Sink) {
    let l = &labels(lang).report;
    let report = doc.report;
    sink.title(&title(report, lang));
    // Page 1 says it is an estimate; the edition's full disclaimer is in the colophon.
    sink.notice(estimate_notice(lang), "");
    summary(doc, l, lang, sink);
    steps(report, l, lang, sink);
    sink.heading(l.validation);
    sink.blanks(&l.signature_lines);
    annex(report, l, lang, sink);
    sink.heading(l.colophon);
    sink.para(&format!(
        "{} {} {} {} {} {} ({} {}). {} {}",
        l.made_by,
        report.engine.name,
        report.engine.version,
        l.with_edition,
        quoted(lang, report.edition.title.get(lang)),
        report.edition.year,
        l.version,
        report.edition.version,
        estimate_notice(lang),
        report.disclaimer.get(lang)
    ));
}

fn tier_name(tier: Option<&TierRef>, report: &Report, l: &ReportLabels, lang: Lang) -> String {
    tier.map_or_else(
        || l.no_tier.to_owned(),
        |t| format!("{} ({} / {})", t.title.get(lang), t.rank, report.tiers.len()),
    )
}

/// Page 1: who and when, the estimate, the domains, three steps, the dependency map's headline.
fn summary(doc: &ReportDocument<'_>, l: &ReportLabels, lang: Lang, sink: &mut dyn Sink) {
    let report = doc.report;
    sink.heading(l.summary);
    let who = crate::render::who(&report.profile, entity_name(report, lang), lang, &str::to_owned);
    let mut facts = vec![(l.collectivite, who)];
    if let Some(date) = answers_date(report, lang) {
        facts.push((l.answers_of, date));
    }
    facts.push((l.edition, report.edition.title.get(lang).to_owned()));
    let e = &report.estimate;
    facts.push((l.secured, tier_name(e.secured.as_ref(), report, l, lang)));
    // The likely tier as the engine gives it: a tier when the answers are enough, else the
    // range in its « pas assez de réponses » form, and the tier itself once nothing can change it.
    let range = range_text(report, lang);
    let likely = match (&range, e.enough_answers) {
        (Some(r), false) => r.value.clone(),
        (_, true) => tier_name(e.likely.as_ref(), report, l, lang),
        (None, false) => tier_name(e.secured.as_ref(), report, l, lang),
    };
    facts.push((l.likely, likely));
    facts.push((l.reachable, tier_name(e.reachable.as_ref(), report, l, lang)));
    facts.push((labels(lang).common.overall_score, percent(report.score.per_mille, lang)));
    let c = &report.completeness;
    facts.push((
        l.completeness,
        format!(
            "{} / {} {} ({})",
            c.answered,
            c.applicable,
            l.questions,
            percent(c.per_mille, lang)
        ),
    ));
    sink.facts(&facts);
    if let Some(range) = range.filter(|_| !e.enough_answers) {
        sink.para(&range.detail);
    }
    sink.subheading(l.domains);
    sink.domain_scores(report, lang);
    if !report.next_steps.is_empty() {
        sink.subheading(l.top_steps);
        // Titles and what each takes: the advice is in the ranked steps of part 2.
        let items: Vec<Item> = report
            .next_steps
            .iter()
            .take(3)
            .map(|s| Item {
                lead: s.title.get(lang).to_owned(),
                text: step_tags(&s, l, lang),
            })
            .collect();
        sink.items(true, &items);
    }
    if let Some(deps) = doc.deps {
        sink.subheading(l.dependency_map);
        sink.facts(&deps_headline(deps, l, lang));
    }
}

/// The dependency map's headline: free share, extra-EU exposure, five-year cost per scenario.
fn deps_headline<'l>(r: &DependencyReport, l: &'l ReportLabels, lang: Lang) -> Vec<(&'l str, String)> {
    let s = &r.summary;
    let x = &r.exposure;
    let mut facts = vec![
        (
            l.free_functions,
            format!(
                "{} / {} ({})",
                s.functions_free,
                s.functions_listed,
                percent(s.free_function_share, lang)
            ),
        ),
        (
            l.free_seats,
            s.free_seat_share.map_or_else(
                || l.not_given.to_owned(),
                |p| {
                    format!(
                        "{} / {} ({})",
                        thousands(s.seats_free, lang),
                        thousands(s.seats_total, lang),
                        percent(p, lang)
                    )
                },
            ),
        ),
        (
            l.extra_eu,
            format!(
                "{} {}, {} {}",
                x.extra_eu_functions,
                l.functions,
                euros(x.extra_eu_cost, lang),
                l.per_year
            ),
        ),
    ];
    // The scenarios on one line: the summary page has room for a headline, not a table.
    let scenarios: Vec<String> = r
        .projections
        .iter()
        .map(|p| format!("{}{}{}", p.label.get(lang), colon(lang), euros(p.five_year_total, lang)))
        .collect();
    if !scenarios.is_empty() {
        facts.push((l.five_years, scenarios.join(l.list_separator)));
    }
    facts
}

/// What a step takes: its effort, the score it adds, whether the next tier requires it, whether
/// it is only unanswered.
fn step_tags(s: &crate::report::NextStep<'_>, l: &ReportLabels, lang: Lang) -> String {
    let mut tags = vec![
        effort_label(s.effort, lang).to_owned(),
        format!("+{}", percent(s.gain, lang)),
    ];
    if s.blocking {
        tags.push(l.required_next.to_owned());
    }
    if s.unanswered {
        tags.push(l.unanswered_step.to_owned());
    }
    tags.join(" · ")
}

/// Part 2: the gaps to the next tier, the ranked steps, the mentions, the problems found.
fn steps(report: &Report, l: &ReportLabels, lang: Lang, sink: &mut dyn Sink) {
    match &report.next_tier {
        Some(next) => {
            let heading = format!("{} {}", l.to_reach, quoted(lang, next.tier.title.get(lang)));
            sink.part(Part::Steps, &heading);
            let gaps: Vec<Item> = next
                .gaps
                .iter()
                .map(|g| Item {
                    lead: String::new(),
                    text: crate::render::gap_text(g, report, lang),
                })
                .collect();
            sink.items(false, &gaps);
            if !next.plan.steps.is_empty() {
                let open = if next.plan.closes_all_gaps {
                    String::new()
                } else {
                    format!(", {}", l.plan_open)
                };
                sink.para(&format!(
                    "{} {} ({} {}{open}).",
                    next.plan.steps.len(),
                    l.plan_steps,
                    l.projected_score,
                    percent(next.plan.projected_score, lang)
                ));
            }
        }
        None => {
            sink.part(Part::Steps, l.next_steps);
            if report.tier.is_some() {
                sink.para(l.highest_reached);
            }
        }
    }
    if report.next_tier.is_some() {
        sink.heading(l.next_steps);
    }
    if report.next_steps.is_empty() {
        sink.para(l.none);
    }
    let full: Vec<Item> = report
        .next_steps
        .iter()
        .take(STEPS_IN_FULL)
        .map(|s| Item {
            lead: s.title.get(lang).to_owned(),
            text: format!("{} ({})", s.advice.get(lang), step_tags(&s, l, lang)),
        })
        .collect();
    if !full.is_empty() {
        sink.items(true, &full);
    }
    let rest: Vec<String> = report
        .next_steps
        .iter()
        .skip(STEPS_IN_FULL)
        .map(|s| format!("{} (+{})", s.title.get(lang), percent(s.gain, lang)))
        .collect();
    if !rest.is_empty() {
        sink.subheading(l.more_steps);
        sink.brief_list(&rest);
    }
    if !report.mentions.is_empty() {
        sink.heading(l.mentions);
        let mentions: Vec<Item> = report
            .mentions
            .iter()
            .map(|m| {
                let gaps: Vec<String> = m
                    .gaps
                    .iter()
                    .map(|g| crate::render::gap_text(g, report, lang))
                    .collect();
                Item {
                    lead: m.title.get(lang).to_owned(),
                    text: if m.reached {
                        l.mention_reached.to_owned()
                    } else if gaps.is_empty() {
                        l.mention_missed.to_owned()
                    } else {
                        format!("{} ({})", l.mention_missed, gaps.join(l.list_separator))
                    },
                }
            })
            .collect();
        sink.items(false, &mentions);
    }
    if !report.diagnostics.is_empty() {
        sink.heading(l.problems);
        let problems: Vec<Item> = report
            .diagnostics
            .iter()
            .map(|d| Item {
                lead: crate::render::severity_label(d.severity, lang).to_owned(),
                text: message_in_words(d, report, lang),
            })
            .collect();
        sink.items(false, &problems);
    }
}

/// A diagnostic's message for a reader: the question it names shown by its title, not by its id
/// (the engine's messages quote the id, which the command line's users type), and no list of
/// option ids. A question the edition does not have keeps what the file said.
fn message_in_words(d: &Diagnostic, report: &Report, lang: Lang) -> String {
    let message = d.message.get(lang);
    let title = d.question.as_deref().and_then(|id| {
        report
            .criteria
            .iter()
            .find(|c| c.id == id)
            .map(|c| (id, c.title.get(lang)))
    });
    let message = match title {
        Some((id, title)) => message.replace(&quoted(lang, id), &quoted(lang, title)),
        None => message.to_owned(),
    };
    if d.code == "unknown_option" {
        without_option_ids(message)
    } else {
        message
    }
}

/// An unknown option's message without the list of the option ids it quotes (« (options : a,
/// b) »), which help the one who edits the file but are internal ids to the document's reader.
fn without_option_ids(message: String) -> String {
    let Some(start) = message.find(" (options") else {
        return message;
    };
    match message[start..].find(')') {
        Some(len) => format!("{}{}", &message[..start], &message[start + len + 1..]),
        None => message,
    }
}

/// Part 3: every question that applies, by domain, with what was declared.
fn annex(report: &Report, l: &ReportLabels, lang: Lang, sink: &mut dyn Sink) {
    sink.part(Part::Annex, l.annex);
    sink.para(l.annex_intro);
    for domain in &report.declared {
        sink.subheading(domain.title.get(lang));
        let rows = domain
            .questions
            .iter()
            .map(|q| {
                let answer = match (q.state, &q.answer) {
                    (DeclaredState::NotApplicable, _) => l.not_applicable.to_owned(),
                    (DeclaredState::Unanswered, _) => l.unanswered.to_owned(),
                    (DeclaredState::Answered, Some(words)) => words.get(lang).to_owned(),
                    // Scored answers always have words; a blank text or list has none to show.
                    (DeclaredState::Answered, None) => "—".to_owned(),
                };
                vec![
                    q.title.get(lang).to_owned(),
                    answer,
                    q.justification.clone().unwrap_or_default(),
                ]
            })
            .collect();
        sink.table(&[l.question, l.answer, l.justification], rows);
    }
}
