//! The live estimate: overall score, per-domain bars, the tier and the range the answers
//! support, updated on every answer.

use crate::i18n::{fill, pct, t};
use crate::Store;
use tnl_engine::report::{Report, TierRef};
use tnl_engine::Lang;
use yew::prelude::*;

/// Props of [`LivePanel`] (none).
#[derive(Properties, PartialEq)]
pub struct Props {}

/// The live estimate.
#[function_component(LivePanel)]
pub fn live_panel(_: &Props) -> Html {
    let store = use_context::<Store>().expect("store");
    let lang = store.lang;
    let s = t(lang);
    let Some(entity) = store.entity() else { return html! {} };
    let r = &entity.report;
    let tier = r
        .tier
        .as_ref()
        .map(|t| t.title.get(lang).to_owned())
        .unwrap_or_else(|| s.no_tier.to_owned());
    html! {
        <>
            <h2 id="live-title">{ s.live_title }</h2>
            <p class="tier" aria-live="polite" aria-atomic="true">
                { tier_label(r, lang) }{ s.colon }<strong id="live-tier">{ tier }</strong>
            </p>
            { range(r, lang, "live-range") }
            <p>
                <label for="live-score">{ s.overall_score }{ s.colon }<strong id="live-score-text">{ pct(lang, r.score.per_mille) }</strong></label>
                <progress id="live-score" max="1000" value={r.score.per_mille.to_string()}>{ pct(lang, r.score.per_mille) }</progress>
            </p>
            <ul class="bars">
                { for r.domains.iter().map(|d| {
                    let id = format!("live-domain-{}", d.id);
                    html! {
                        <li>
                            <label for={id.clone()}>{ d.title.get(lang) }{ s.colon }
                                { d.per_mille.map(|p| pct(lang, p)).unwrap_or_else(|| s.domain_not_applicable.to_owned()) }</label>
                            <progress id={id} max="1000" value={d.per_mille.unwrap_or(0).to_string()}></progress>
                        </li>
                    }
                }) }
            </ul>
            <p class="muted">{ s.completeness }{ format!("{}{} / {}", s.colon, r.completeness.answered, r.completeness.applicable) }</p>
        </>
    }
}

/// "Niveau estimé" once nothing unanswered can change the tier, "Niveau acquis" before.
pub(crate) fn tier_label(r: &Report, lang: Lang) -> &'static str {
    let s = t(lang);
    if r.estimate.is_settled() {
        s.estimated_tier
    } else {
        s.secured_tier
    }
}

/// The range the answers support while unanswered questions can change the tier: the likely
/// tier between the secured and the reachable one, or « pas assez de réponses pour estimer :
/// entre X et Y » with the domains and questions to answer first. Empty once settled.
pub(crate) fn range(r: &Report, lang: Lang, id: &'static str) -> Html {
    let s = t(lang);
    let e = &r.estimate;
    if e.is_settled() {
        return html! {};
    }
    let name = |tier: &Option<TierRef>| {
        tier.as_ref()
            .map_or_else(|| s.range_no_tier.to_owned(), |t| t.title.get(lang).to_owned())
    };
    let ends = [("low", name(&e.secured)), ("high", name(&e.reachable))];
    let ends: Vec<(&str, &str)> = ends.iter().map(|(k, v)| (*k, v.as_str())).collect();
    if e.enough_answers {
        return html! {
            <p id={id} title={s.range_help}>
                { s.likely_tier }{ s.colon }<strong>{ name(&e.likely) }</strong>
                { " — " }{ fill(s.range_between, &ends) }
            </p>
        };
    }
    let share = pct(lang, e.coverage_needed);
    html! {
        <div id={id} title={s.range_help}>
            <p>{ s.range_label }{ s.colon }<strong>{ fill(s.range_not_enough, &ends) }</strong></p>
            <p class="muted">{ fill(s.range_answer_first, &[("share", &share)]) }{ s.colon }</p>
            <ul class="muted">
                { for e.domains_to_answer.iter().map(|d| html! {
                    <li>{ d.title.get(lang) }{ format!(" ({})", pct(lang, d.covered)) }</li>
                }) }
                { for e.questions_to_answer.iter().map(|q| html! { <li>{ q.title.get(lang) }</li> }) }
            </ul>
        </div>
    }
}
