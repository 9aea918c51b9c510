//! The report: tier and range, chart, what is missing for the next tier, next steps, mentions, unanswered
//! questions, the disclaimer, and the exports.

use crate::components::app::TITLE_ID;
use crate::components::chart::DomainChart;
use crate::components::export_buttons::ExportButtons;
use crate::components::live_panel::{range, tier_label};
use crate::exports;
use crate::host;
use crate::i18n::{effort, fill, gap, pct, severity, t};
use crate::state::{Action, Screen};
use crate::Store;
use yew::prelude::*;

/// Props of [`ReportView`] (none).
#[derive(Properties, PartialEq)]
pub struct Props {}

/// The report screen.
#[function_component(ReportView)]
pub fn report_view(_: &Props) -> Html {
    let store = use_context::<Store>().expect("store");
    let lang = store.lang;
    let s = t(lang);
    let Some(entity) = store.entity() else { return html! {} };
    let r = entity.report.clone();
    let name = if r.profile.name.is_empty() {
        s.unnamed.to_owned()
    } else {
        r.profile.name.clone()
    };
    let tier = r
        .tier
        .as_ref()
        .map(|t| t.title.get(lang).to_owned())
        .unwrap_or_else(|| s.no_tier.to_owned());
    let download = |e: exports::Export| Callback::from(move |_| host::download(&e.name, e.mime, &e.bytes));
    let title_of = |id: &str| {
        r.criteria
            .iter()
            .find(|c| c.id == id)
            .map(|c| c.title.get(lang).to_owned())
            .unwrap_or_else(|| id.to_owned())
    };
    let words = tnl_engine::render::labels(lang);
    let documents = [
        ("export-note-html", format!("{} (HTML)", words.note.short)),
        ("export-note-odt", format!("{} (ODT)", words.note.short)),
        ("export-deliberation-odt", format!("{} (ODT)", words.deliberation.short)),
    ];
    let domain_of = |id: &str| r.domains.iter().position(|d| *d.id == *id);
    let goto = |d: Option<usize>| {
        let store = store.clone();
        Callback::from(move |_| store.dispatch(Action::Go(Screen::Domain(d.unwrap_or(0)))))
    };
    html! {
        <article class="report">
            <h1 id={TITLE_ID} tabindex="-1">{ s.report_title }{ " — " }{ name }</h1>
            <p class="muted">{ r.edition.title.get(lang) }{ format!(" ({})", r.edition.version) }</p>
            <p id="report-estimate-notice"><strong>{ tnl_engine::render::estimate_notice(lang) }</strong></p>
            <div class="summary">
                <p class="big">{ tier_label(&r, lang) }{ s.colon }<strong id="report-tier">{ tier }</strong></p>
                <p>{ s.overall_score }{ s.colon }<strong id="report-score">{ pct(lang, r.score.per_mille) }</strong></p>
                <p>{ s.completeness }{ format!("{}{} / {} ({})", s.colon, r.completeness.answered, r.completeness.applicable, pct(lang, r.completeness.per_mille)) }</p>
                { range(&r, lang, "report-range") }
            </div>
            <DomainChart report={r.clone()} lang={lang} />

            <section aria-labelledby="next-tier-title">
                if let Some(next) = &r.next_tier {
                    <h2 id="next-tier-title">{ fill(s.missing_for_tier, &[("tier", next.tier.title.get(lang))]) }</h2>
                    <ul>{ for next.gaps.iter().map(|g| html! { <li>{ gap(lang, g, &r) }</li> }) }</ul>
                    if !next.plan.steps.is_empty() {
                        <p>{ fill(s.plan, &[("n", &next.plan.steps.len().to_string()), ("score", &pct(lang, next.plan.projected_score))]) }</p>
                        <ol>{ for next.plan.steps.iter().map(|q| html! { <li>{ title_of(q) }</li> }) }</ol>
                    }
                    if !next.plan.closes_all_gaps { <p>{ s.plan_open }</p> }
                } else {
                    <h2 id="next-tier-title">{ s.top_tier }</h2>
                }
            </section>

            <section aria-labelledby="steps-title">
                <h2 id="steps-title">{ s.next_steps_title }</h2>
                if r.next_steps.is_empty() { <p>{ s.no_next_steps }</p> }
                <ol class="steps-list">
                    { for r.next_steps.iter().map(|st| html! {
                        <li>
                            <p><strong>{ st.title.get(lang) }</strong></p>
                            <p>{ st.advice.get(lang) }</p>
                            <p class="muted">
                                { effort(lang, st.effort) }{ " · " }{ fill(s.gain, &[("gain", &st.gain.to_string())]) }
                                if st.blocking { { " · " }<strong>{ s.blocking }</strong> }
                                if st.unanswered { { " · " }{ s.unanswered_step } }
                            </p>
                        </li>
                    }) }
                </ol>
            </section>

            if !r.mentions.is_empty() {
                <section aria-labelledby="mentions-title">
                    <h2 id="mentions-title">{ s.mentions_title }</h2>
                    <ul>
                        { for r.mentions.iter().map(|m| html! {
                            <li>
                                <strong>{ m.title.get(lang) }</strong>{ s.colon }{ if m.reached { s.mention_reached } else { s.mention_not_reached } }
                                if !m.gaps.is_empty() { <ul>{ for m.gaps.iter().map(|g| html! { <li>{ gap(lang, g, &r) }</li> }) }</ul> }
                            </li>
                        }) }
                    </ul>
                </section>
            }

            <section aria-labelledby="unanswered-title">
                <h2 id="unanswered-title">{ s.unanswered_title }</h2>
                if r.unanswered().next().is_none() { <p>{ s.none_unanswered }</p> }
                <ul>
                    { for r.unanswered().map(|c| html! {
                        <li><button type="button" class="link" onclick={goto(domain_of(c.domain))}>{ c.title.get(lang) }</button></li>
                    }) }
                </ul>
            </section>

            if !r.diagnostics.is_empty() {
                <section aria-labelledby="diag-title">
                    <h2 id="diag-title">{ s.diagnostics_title }</h2>
                    <ul>{ for r.diagnostics.iter().map(|d| html! { <li><strong>{ severity(lang, d.severity) }</strong>{ s.colon }{ d.message.get(lang) }</li> }) }</ul>
                </section>
            }

            <section aria-labelledby="disclaimer-title" class="disclaimer">
                <h2 id="disclaimer-title">{ s.disclaimer_title }</h2>
                <p>{ r.disclaimer.get(lang) }</p>
            </section>

            <section aria-labelledby="exports-title" class="exports no-print">
                <h2 id="exports-title">{ s.exports_title }</h2>
                <ExportButtons id_prefix="export-" formats={exports::FORMATS.to_vec()} make={{
                    let r = r.clone();
                    Callback::from(move |fmt| exports::report_format(&r, lang, fmt))
                }}>
                    <li><button type="button" id="export-answers" onclick={download(exports::answers(&entity.answers))}>{ s.export_answers }</button></li>
                    { for documents.into_iter().enumerate().map(|(i, (id, label))| {
                        let (store, r) = (store.clone(), r.clone());
                        // Rendered on click, with the inventory's map when there is one.
                        let onclick = Callback::from(move |_| {
                            if let Some(e) = exports::documents(&r, store.dependency_report().as_ref(), lang).into_iter().nth(i) {
                                host::download(&e.name, e.mime, &e.bytes);
                            }
                        });
                        html! { <li><button type="button" {id} {onclick}>{ label }</button></li> }
                    }) }
                    <li><button type="button" id="print" onclick={Callback::from(|_| host::print())}>{ s.print }</button></li>
                </ExportButtons>
            </section>
        </article>
    }
}
