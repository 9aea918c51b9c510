//! Year-over-year comparison with last year's answers or report.

use crate::components::app::TITLE_ID;
use crate::components::export_buttons::ExportButtons;
use crate::components::file_import::FileImport;
use crate::i18n::{delta, pct, t};
use crate::state::Action;
use crate::Store;
use tnl_engine::render::{domain_delta, labels, tier_change};
use tnl_engine::{compare_baselines, Baseline};
use yew::prelude::*;

/// Props of [`CompareView`] (none).
#[derive(Properties, PartialEq)]
pub struct Props {}

/// The comparison screen.
#[function_component(CompareView)]
pub fn compare_view(_: &Props) -> Html {
    let store = use_context::<Store>().expect("store");
    let lang = store.lang;
    let s = t(lang);
    // What the comparison export shows too: the engine's labels.
    let l = labels(lang);
    let Some(entity) = store.entity() else { return html! {} };
    let import = {
        let store = store.clone();
        Callback::from(move |(file, text): (String, String)| store.dispatch(Action::ImportPrevious { file, text }))
    };
    let body = match &entity.previous {
        None => html! { <p>{ s.compare_none }</p> },
        Some(prev) => {
            let c = compare_baselines(prev, &Baseline::of(&entity.report));
            let tier = |t: &Option<tnl_engine::Text>| {
                t.as_ref()
                    .map(|t| t.get(lang).to_owned())
                    .unwrap_or_else(|| s.no_tier.to_owned())
            };
            let side = |x: &tnl_engine::compare::Side| x.edition.clone();
            let list = |title: &'static str, items: Vec<String>| {
                html! {
                    <section>
                        <h2>{ title }</h2>
                        if items.is_empty() { <p>{ s.nothing }</p> }
                        <ul>{ for items.into_iter().map(|i| html! { <li>{ i }</li> }) }</ul>
                    </section>
                }
            };
            html! {
                <>
                    <div class="table-wrap" tabindex="0" role="region" aria-labelledby="compare-caption">
                    <table class="data">
                        <caption id="compare-caption">{ s.compare_title }</caption>
                        <thead><tr><th scope="col"></th><th scope="col">{ s.last_year }{ " (" }{ side(&c.old) }{ ")" }</th><th scope="col">{ s.this_year }{ " (" }{ side(&c.new) }{ ")" }</th><th scope="col">{ l.comparison.change }</th></tr></thead>
                        <tbody>
                            <tr><th scope="row">{ l.common.tier }</th><td>{ tier(&c.old.tier_title) }</td><td id="compare-tier">{ tier(&c.new.tier_title) }</td>
                                <td>{ tier_change(&c, lang) }</td></tr>
                            <tr><th scope="row">{ l.common.overall_score }</th><td>{ pct(lang, c.old.score) }</td><td>{ pct(lang, c.new.score) }</td><td id="compare-score-delta">{ delta(lang, c.score_delta) }</td></tr>
                            <tr><th scope="row">{ s.completeness }</th><td>{ pct(lang, c.old.completeness) }</td><td>{ pct(lang, c.new.completeness) }</td><td>{ delta(lang, c.completeness_delta) }</td></tr>
                            { for c.domains.iter().map(|d| html! {
                                <tr><th scope="row">{ d.title.get(lang) }</th>
                                    <td>{ d.old.map(|p| pct(lang, p)).unwrap_or_else(|| "—".into()) }</td>
                                    <td>{ d.new.map(|p| pct(lang, p)).unwrap_or_else(|| "—".into()) }</td>
                                    <td>{ domain_delta(d.delta, lang) }</td></tr>
                            }) }
                        </tbody>
                    </table>
                    </div>
                    { list(s.newly_met, c.newly_met.iter().map(|x| x.title.get(lang).to_owned()).collect()) }
                    { list(s.newly_lost, c.newly_lost.iter().map(|x| x.title.get(lang).to_owned()).collect()) }
                    { list(s.points_changed, c.changed.iter().map(|x| format!("{}{}{} → {}", x.title.get(lang), s.colon, x.old, x.new)).collect()) }
                    <section aria-labelledby="compare-exports-title" class="exports no-print">
                        <h2 id="compare-exports-title">{ s.compare_exports_title }</h2>
                        <ExportButtons id_prefix="compare-export-" formats={crate::exports::TABLE_FORMATS.to_vec()} make={{
                            let (c, name) = (c.clone(), entity.answers.profile.name.clone());
                            Callback::from(move |fmt| crate::exports::comparison_format(&c, &name, lang, fmt))
                        }} />
                    </section>
                </>
            }
        }
    };
    html! {
        <>
            <h1 id={TITLE_ID} tabindex="-1">{ s.compare_title }</h1>
            <p id="compare-intro">{ s.compare_intro }</p>
            <FileImport id="import-previous" label={s.import_previous} on_file={Some(import)} describedby={Some(AttrValue::from("compare-intro"))} />
            { body }
        </>
    }
}
