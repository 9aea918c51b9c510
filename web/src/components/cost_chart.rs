//! The cost projections, drawn as inline SVG: one line per scenario over this year and the next
//! five, each with its own dash pattern and marker shape and numbered at its end, a legend in
//! text, and the data table with every figure.

use crate::i18n::{euros, t};
use std::rc::Rc;
use tnl_engine::deps::CostProjection;
use tnl_engine::Lang;
use yew::prelude::*;

/// Props of [`CostChart`].
#[derive(Properties, PartialEq)]
pub struct Props {
    /// The projections drawn, from the dependency report.
    pub projections: Rc<Vec<CostProjection>>,
    /// Display language.
    pub lang: Lang,
}

fn year_label(lang: Lang, y: usize) -> String {
    tnl_engine::render::charts::year_label(y, lang)
}

/// The chart (the engine's SVG, the one of the HTML export) and its table.
#[function_component(CostChart)]
pub fn cost_chart(props: &Props) -> Html {
    let lang = props.lang;
    let s = t(lang);
    // The chart's title and first column are those of the exports: the engine's labels.
    let l = &tnl_engine::render::labels(lang).dependencies;
    let ps = &props.projections;
    let years = ps.iter().map(|p| p.years.len()).max().unwrap_or(0);
    let svg = tnl_engine::render::charts::cost_chart(ps, lang, Some("cost-title"));
    html! {
        <>
        <figure class="chart cost-chart">
            <figcaption id="cost-title">{ l.cost_title }</figcaption>
            <div class="chart-scroll" tabindex="0" role="group" aria-labelledby="cost-title">{ Html::from_html_unchecked(svg.into()) }</div>
            <ol class="legend">
                { for ps.iter().enumerate().map(|(k, p)| html! { <li>{ tnl_engine::render::charts::scenario_symbol(k) }{ " " }{ p.label.get(lang).to_owned() }</li> }) }
            </ol>
        </figure>
        // Scrolls sideways on a narrow screen: reachable and named for the keyboard.
        <div class="table-wrap" tabindex="0" role="region" aria-labelledby="cost-table-caption">
        <table class="data" id="cost-table">
            <caption id="cost-table-caption">{ s.cost_table_caption }</caption>
            <thead><tr>
                <th scope="col">{ l.scenario }</th>
                { for (0..years).map(|i| html! { <th scope="col">{ year_label(lang, i) }</th> }) }
                <th scope="col">{ s.col_total }</th><th scope="col">{ s.col_increase }</th>
            </tr></thead>
            <tbody>
                { for ps.iter().map(|p| html! {
                    <tr>
                        <th scope="row">{ p.label.get(lang).to_owned() }</th>
                        { for p.years.iter().map(|v| html! { <td>{ euros(lang, *v) }</td> }) }
                        <td>{ euros(lang, p.five_year_total) }</td>
                        <td>{ tnl_engine::render::signed_euros(p.increase_over_stable, lang) }</td>
                    </tr>
                }) }
            </tbody>
        </table>
        </div>
        </>
    }
}
