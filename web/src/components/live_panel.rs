//! The live estimate: overall score, per-domain bars and the tier, updated on every answer.

use crate::i18n::{pct, t};
use crate::Store;
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
    // Where the answers given so far are heading (the engine's projection), while some remain.
    let trend = r
        .projection
        .tier
        .as_ref()
        .map(|t| t.title.get(lang).to_owned())
        .unwrap_or_else(|| s.no_tier.to_owned());
    html! {
        <>
            <h2 id="live-title">{ s.live_title }</h2>
            <p class="tier" aria-live="polite" aria-atomic="true">
                { s.estimated_tier }{ s.colon }<strong id="live-tier">{ tier }</strong>
            </p>
            if r.shows_trend() {
                <p id="live-trend" title={s.trend_help}>
                    { s.trend }{ s.colon }<strong>{ trend }</strong>{ format!(" ({})", pct(lang, r.projection.score)) }
                </p>
            }
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
