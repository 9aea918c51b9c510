//! The draft deliberation: the usual form of a délibération (the body, « Vu », « Considérant »,
//! « Après en avoir délibéré, », « DÉCIDE : », articles) to adopt a free-software and
//! open-formats policy, appoint the élu référent and apply for the label. The considérants are
//! filled from the report (the estimate, the criteria met, the next steps) and the dependency
//! map; every place the collectivité must complete is a bracketed blank, marked in each format.
//! Built once as a [`Prose`] document, then written as Markdown or an OpenDocument text.
//!
//! The wordings follow the profile's kind (conseil municipal, conseil communautaire, comité
//! syndical, conseil départemental, conseil régional); any other kind gets the body and its
//! legal basis as blanks. The English version is a translation for readers and says so.

use crate::deps::DependencyReport;
use crate::profile::Kind;
use crate::render::format::prose::{fill, marked, Block, Prose, Span};
use crate::render::labels::{labels, Body, DeliberationLabels};
use crate::render::note::{answers_date, decisions, estimate_words, generator};
use crate::render::{entity_name, euros, percent, quoted};
use crate::report::{Report, Status};
use crate::text::Lang;

/// The draft deliberation as Markdown (the blanks in bold).
pub fn deliberation_markdown(report: &Report, deps: Option<&DependencyReport>, lang: Lang) -> String {
    crate::render::format::prose::prose_markdown(&deliberation_document(report, deps, lang))
}

/// The draft deliberation as an OpenDocument text (the blanks in bold on a highlight), with the
/// header and page numbers.
pub fn deliberation_odt(report: &Report, deps: Option<&DependencyReport>, lang: Lang) -> Vec<u8> {
    crate::render::format::prose::prose_odt(&deliberation_document(report, deps, lang), lang, &generator(report))
}

/// The deliberative body of a kind of collectivité.
fn body(kind: Option<Kind>, l: &DeliberationLabels) -> &Body {
    match kind {
        Some(Kind::Commune) => &l.commune,
        Some(Kind::CommunauteCommunes | Kind::CommunauteAgglomeration | Kind::CommunauteUrbaine) => &l.communaute,
        Some(Kind::Metropole) => &l.metropole,
        Some(Kind::Syndicat) => &l.syndicat,
        Some(Kind::Departement) => &l.departement,
        Some(Kind::Region) => &l.region,
        _ => &l.other,
    }
}

/// The deliberation, as a document of prose blocks.
fn deliberation_document(report: &Report, deps: Option<&DependencyReport>, lang: Lang) -> Prose {
    let l = &labels(lang).deliberation;
    let body = body(report.profile.kind, l);
    let name = entity_name(report, lang);
    let date = answers_date(report, l.no_date, lang);
    let mut doc = Prose {
        title: l.title.to_owned(),
        header: fill(l.header, &[("name", name), ("date", &date)]),
        page_of: labels(lang).common.page_of,
        ..Prose::default()
    };
    if !l.translation_note.is_empty() {
        doc.blocks
            .push(Block::Para(vec![Span::Strong(l.translation_note.to_owned())]));
    }
    doc.blocks.push(Block::Para(vec![Span::Strong(l.subject.to_owned())]));
    doc.blocks.push(Block::Para(marked(l.session, &[])));
    doc.blocks.push(Block::Notice(
        labels(lang).common.estimate_notice.to_owned(),
        fill(l.notice_text, &[("date", &date)]),
    ));
    let mut assembly = marked(body.assembly, &[]);
    assembly.push(Span::Text(",".into()));
    doc.blocks.push(Block::Para(assembly));
    doc.blocks.push(Block::Para(marked(
        &fill(l.seen_cgct, &[("competence", body.competence)]),
        &[],
    )));
    doc.para(l.seen_law);
    doc.blocks.push(Block::Para(marked(l.seen_other, &[])));
    for whereas in considerants(report, deps, l, &date, lang) {
        doc.blocks.push(Block::Para(whereas));
    }
    doc.para(l.deliberated);
    doc.blocks.push(Block::Para(vec![Span::Strong(l.decides.to_owned())]));
    let year = report.edition.year.to_string();
    let articles = [
        vec![
            Span::Text(l.policy.to_owned()),
            Span::Blank(l.policy_blank.to_owned()),
            Span::Text(".".into()),
        ],
        vec![
            Span::Text(l.referent.to_owned()),
            Span::Blank(l.referent_blank.to_owned()),
            Span::Text(l.referent_tail.to_owned()),
        ],
        marked(
            &fill(l.candidature, &[("executive", body.executive), ("entity", body.entity)]),
            &[("year", &year)],
        ),
        marked(&fill(l.execution, &[("executive", body.executive)]), &[]),
    ];
    for (n, article) in articles.into_iter().enumerate() {
        let mut spans = vec![
            Span::Strong(fill(l.article, &[("n", &(n + 1).to_string())])),
            Span::Text(" — ".into()),
        ];
        spans.extend(article);
        doc.blocks.push(Block::Para(spans));
    }
    doc.para(l.closing);
    doc.blocks.push(Block::Para(vec![Span::Blank(l.vote_blank.to_owned())]));
    doc.blocks
        .push(Block::Para(vec![Span::Blank(l.signature_blank.to_owned())]));
    doc
}

/// The considérants: the law, the estimate, what is done, the next steps, the dependency map (or
/// a blank to complete without an inventory), the label.
fn considerants(
    report: &Report,
    deps: Option<&DependencyReport>,
    l: &DeliberationLabels,
    date: &str,
    lang: Lang,
) -> Vec<Vec<Span>> {
    let mut out = vec![vec![Span::Text(l.whereas_law.to_owned())]];
    // The date is the engine's words or the blank to complete: filled before the blanks are
    // marked, unlike the edition's title.
    out.push(marked(
        &fill(l.whereas_estimate, &[("date", date)]),
        &[
            ("edition", report.edition.title.get(lang)),
            ("estimate", &estimate_words(report, lang)),
        ],
    ));
    let met = report.criteria.iter().filter(|c| c.status == Status::Met).count();
    // The domain with the best score says where the effort already shows.
    let best = report
        .domains
        .iter()
        .filter_map(|d| d.per_mille.map(|p| (d, p)))
        .rev()
        .max_by_key(|(_, p)| *p);
    if let (true, Some((domain, score))) = (met > 0, best) {
        out.push(vec![Span::Text(fill(
            l.whereas_done,
            &[
                ("met", met.to_string().as_str()),
                ("applicable", &report.completeness.applicable.to_string()),
                ("domain", domain.title.get(lang)),
                ("score", &percent(score, lang)),
            ],
        ))]);
    }
    let steps: Vec<String> = decisions(report, deps, lang)
        .into_iter()
        .map(|d| quoted(lang, &d.what))
        .collect();
    if !steps.is_empty() {
        out.push(vec![Span::Text(fill(
            l.whereas_steps,
            &[("steps", &steps.join(l.separator))],
        ))]);
    }
    match deps {
        Some(d) => out.extend(map_considerants(d, l, lang)),
        None => out.push(marked(l.whereas_no_inventory, &[])),
    }
    out.push(vec![Span::Text(l.whereas_label.to_owned())]);
    out
}

/// The considérants of the dependency map: the proprietary functions and their cost over five
/// years under the mildest rising scenario (the least contestable figure in a legal act), and
/// the extra-EU exposure.
fn map_considerants(d: &DependencyReport, l: &DeliberationLabels, lang: Lang) -> Vec<Vec<Span>> {
    let mut out = Vec::new();
    let mildest = d
        .projections
        .iter()
        .filter(|p| p.increase_over_stable > 0)
        .min_by_key(|p| p.increase_over_stable);
    if let (true, Some(p)) = (d.exposure.proprietary_functions > 0, mildest) {
        out.push(vec![Span::Text(fill(
            l.whereas_costs,
            &[
                ("proprietary", d.exposure.proprietary_functions.to_string().as_str()),
                ("listed", &d.summary.functions_listed.to_string()),
                ("cost", &euros(d.exposure.proprietary_cost, lang)),
                ("scenario", p.label.get(lang)),
                ("total", &euros(p.five_year_total, lang)),
            ],
        ))]);
    }
    if d.exposure.extra_eu_functions > 0 {
        out.push(vec![Span::Text(fill(
            l.whereas_extra_eu,
            &[("functions", &d.exposure.extra_eu_functions.to_string())],
        ))]);
    }
    out
}
