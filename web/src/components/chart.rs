//! The per-domain chart, drawn as inline SVG: no script, no image request, prints as vectors.

use crate::i18n::{pct, t};
use std::rc::Rc;
use tnl_engine::{Lang, Report};
use yew::prelude::*;

/// Props of [`DomainChart`].
#[derive(Properties, PartialEq)]
pub struct Props {
    /// The report drawn.
    pub report: Rc<Report>,
    /// Display language.
    pub lang: Lang,
}

const LABEL_W: u32 = 270;
const BAR_W: u32 = 300;
const ROW_H: u32 = 34;

/// Horizontal bars, one per domain, each labelled with its name and score: the value is written
/// in text next to every bar, so nothing depends on reading a colour or a length.
#[function_component(DomainChart)]
pub fn domain_chart(props: &Props) -> Html {
    let s = t(props.lang);
    let r = &props.report;
    let height = ROW_H * r.domains.len() as u32 + 10;
    let width = LABEL_W + BAR_W + 90;
    html! {
        <figure class="chart">
            <figcaption id="chart-title">{ s.chart_title }</figcaption>
            <svg role="img" aria-labelledby="chart-title chart-desc" viewBox={format!("0 0 {width} {height}")} width={width.to_string()} height={height.to_string()}
                xmlns="http://www.w3.org/2000/svg">
                <desc id="chart-desc">
                    { r.domains.iter().map(|d| format!("{}{}{}", d.title.get(props.lang), s.colon, d.per_mille.map(|p| pct(props.lang, p)).unwrap_or_else(|| s.domain_not_applicable.into()))).collect::<Vec<_>>().join(s.semicolon) }
                </desc>
                { for r.domains.iter().enumerate().map(|(i, d)| {
                    let y = i as u32 * ROW_H + 5;
                    let w = d.per_mille.unwrap_or(0) * BAR_W / 1000;
                    let value = d.per_mille.map(|p| pct(props.lang, p)).unwrap_or_else(|| s.domain_not_applicable.into());
                    html! {
                        <g>
                            <text x="0" y={(y + 19).to_string()} class="chart-label">{ d.title.get(props.lang) }</text>
                            <rect x={LABEL_W.to_string()} y={y.to_string()} width={BAR_W.to_string()} height="24" class="chart-track" />
                            <rect x={LABEL_W.to_string()} y={y.to_string()} width={w.to_string()} height="24" class="chart-bar" />
                            <text x={(LABEL_W + BAR_W + 8).to_string()} y={(y + 19).to_string()} class="chart-value">{ value }</text>
                        </g>
                    }
                }) }
            </svg>
        </figure>
    }
}
