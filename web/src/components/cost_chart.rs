//! The cost projections, drawn as inline SVG: one line per scenario over this year and the next
//! five, each with its own dash pattern and marker shape and numbered at its end, a legend in
//! text, and the data table with every figure.

use crate::i18n::{euros, fill, t};
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

const LEFT: u32 = 110;
const TOP: u32 = 12;
const PLOT_W: u32 = 500;
const PLOT_H: u32 = 220;
const DASHES: [&str; 4] = ["", "8 4", "2 4", "12 4 2 4"];
const SYMBOLS: [&str; 4] = ["●", "■", "▲", "◆"];

fn marker(k: usize, x: u32, y: u32) -> Html {
    let (x, y) = (x as i64, y as i64);
    match k % 4 {
        0 => html! { <circle cx={x.to_string()} cy={y.to_string()} r="4" class="cost-marker" /> },
        1 => html! { <rect x={(x - 4).to_string()} y={(y - 4).to_string()} width="8" height="8" class="cost-marker" /> },
        2 => html! { <polygon points={format!("{},{} {},{} {},{}", x, y - 5, x - 5, y + 4, x + 5, y + 4)} class="cost-marker" /> },
        _ => html! { <polygon points={format!("{},{} {},{} {},{} {},{}", x, y - 5, x + 5, y, x, y + 5, x - 5, y)} class="cost-marker" /> },
    }
}

fn year_label(lang: Lang, y: usize) -> String {
    let s = t(lang);
    if y == 0 {
        s.year_now.to_owned()
    } else {
        fill(s.year_n, &[("n", &y.to_string())])
    }
}

/// The chart and its table.
#[function_component(CostChart)]
pub fn cost_chart(props: &Props) -> Html {
    let lang = props.lang;
    let s = t(lang);
    let ps = &props.projections;
    let years = ps.iter().map(|p| p.years.len()).max().unwrap_or(0);
    let max = ps.iter().flat_map(|p| p.years.iter().copied()).max().unwrap_or(0).max(1);
    let step = if years > 1 { PLOT_W / (years as u32 - 1) } else { PLOT_W };
    let x_of = |i: usize| LEFT + i as u32 * step;
    let y_of = |v: u64| TOP + PLOT_H - (u128::from(v) * u128::from(PLOT_H) / u128::from(max)) as u32;
    let width = LEFT + PLOT_W + 80;
    let height = TOP + PLOT_H + 40;
    let desc = ps
        .iter()
        .map(|p| format!("{}{}{}", p.label.get(lang), s.colon, p.years.iter().enumerate().map(|(i, v)| format!("{} {}", year_label(lang, i), euros(lang, *v))).collect::<Vec<_>>().join(", ")))
        .collect::<Vec<_>>()
        .join(s.semicolon);
    html! {
        <>
        <figure class="chart cost-chart">
            <figcaption id="cost-title">{ s.cost_title }</figcaption>
            <svg role="img" aria-labelledby="cost-title cost-desc" viewBox={format!("0 0 {width} {height}")} width={width.to_string()} height={height.to_string()}
                xmlns="http://www.w3.org/2000/svg" id="cost-chart">
                <desc id="cost-desc">{ desc }</desc>
                { for [0u64, max / 2, max].into_iter().map(|v| html! {
                    <g>
                        <line x1={LEFT.to_string()} x2={(LEFT + PLOT_W).to_string()} y1={y_of(v).to_string()} y2={y_of(v).to_string()} class="cost-grid" />
                        <text x={(LEFT - 6).to_string()} y={(y_of(v) + 5).to_string()} text-anchor="end" class="chart-value">{ euros(lang, v) }</text>
                    </g>
                }) }
                { for (0..years).map(|i| html! {
                    <text x={x_of(i).to_string()} y={(TOP + PLOT_H + 24).to_string()} text-anchor="middle" class="chart-value">{ year_label(lang, i) }</text>
                }) }
                { for ps.iter().enumerate().map(|(k, p)| {
                    let points = p.years.iter().enumerate().map(|(i, v)| format!("{},{}", x_of(i), y_of(*v))).collect::<Vec<_>>().join(" ");
                    let last = p.years.len().saturating_sub(1);
                    // Scenarios ending on the same figure get their numbers side by side.
                    let end = p.years.get(last).copied().unwrap_or(0);
                    let same = ps[..k].iter().filter(|q| q.years.last().copied().unwrap_or(0) == end).count() as u32;
                    html! {
                        <g class="cost-line" data-scenario={p.id.clone()}>
                            <polyline points={points} fill="none" class="cost-path" stroke-dasharray={(!DASHES[k % 4].is_empty()).then(|| DASHES[k % 4])} />
                            { for p.years.iter().enumerate().map(|(i, v)| marker(k, x_of(i), y_of(*v))) }
                            <text x={(x_of(last) + 10 + 14 * same).to_string()} y={(y_of(end) + 5).to_string()} class="chart-value">{ (k + 1).to_string() }</text>
                        </g>
                    }
                }) }
            </svg>
            <ol class="legend">
                { for ps.iter().enumerate().map(|(k, p)| html! { <li>{ SYMBOLS[k % 4] }{ " " }{ p.label.get(lang).to_owned() }</li> }) }
            </ol>
        </figure>
        <div class="table-wrap">
        <table class="data" id="cost-table">
            <caption>{ s.cost_table_caption }</caption>
            <thead><tr>
                <th scope="col">{ s.col_scenario }</th>
                { for (0..years).map(|i| html! { <th scope="col">{ year_label(lang, i) }</th> }) }
                <th scope="col">{ s.col_total }</th><th scope="col">{ s.col_increase }</th>
            </tr></thead>
            <tbody>
                { for ps.iter().map(|p| html! {
                    <tr>
                        <th scope="row">{ p.label.get(lang).to_owned() }</th>
                        { for p.years.iter().map(|v| html! { <td>{ euros(lang, *v) }</td> }) }
                        <td>{ euros(lang, p.five_year_total) }</td>
                        <td>{ if p.increase_over_stable < 0 { format!("−{}", euros(lang, p.increase_over_stable.unsigned_abs())) } else { format!("+{}", euros(lang, p.increase_over_stable as u64)) } }</td>
                    </tr>
                }) }
            </tbody>
        </table>
        </div>
        </>
    }
}
