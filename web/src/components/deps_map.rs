//! The dependency map, drawn as inline SVG: one row per function, the free share as a solid bar
//! and the proprietary share as a hatched one, the figures and the status written in text, and a
//! ⚠ sign with the words "extra-EU exposure" on exposed functions — nothing rests on colour
//! alone. A data table with the same facts follows the drawing.

use crate::i18n::{pct, t};
use std::rc::Rc;
use tnl_engine::deps::{DependencyReport, FunctionStatus};
use tnl_engine::Lang;
use yew::prelude::*;

/// Props of [`DepsMap`].
#[derive(Properties, PartialEq)]
pub struct Props {
    /// The report drawn.
    pub report: Rc<DependencyReport>,
    /// Display language.
    pub lang: Lang,
}

const LABEL_W: u32 = 300;
const BAR_W: u32 = 260;
const ROW_H: u32 = 30;

/// The status of a function, in words.
pub fn status_word(lang: Lang, s: FunctionStatus) -> &'static str {
    let s_ = t(lang);
    match s {
        FunctionStatus::Free => s_.status_free,
        FunctionStatus::Mixed => s_.status_mixed,
        FunctionStatus::Proprietary => s_.status_proprietary,
    }
}

/// The map and its table.
#[function_component(DepsMap)]
pub fn deps_map(props: &Props) -> Html {
    let lang = props.lang;
    let s = t(lang);
    let r = &props.report;
    let height = ROW_H * r.functions.len() as u32 + 10;
    let width = LABEL_W + BAR_W + 320;
    let value = |f: &tnl_engine::deps::FunctionView| {
        let mut v = format!("{} {} · {}", pct(lang, f.free_share), s.free_word, status_word(lang, f.status));
        if f.extra_eu {
            v.push_str(" · ⚠ ");
            v.push_str(s.extra_eu_mark);
        }
        v
    };
    let desc = r.functions.iter().map(|f| format!("{}{}{}", f.label.get(lang), s.colon, value(f))).collect::<Vec<_>>().join(s.semicolon);
    html! {
        <>
        <figure class="chart deps-map">
            <figcaption id="map-title">{ s.map_title }</figcaption>
            <p class="muted" id="map-legend">{ s.map_legend }</p>
            <svg role="img" aria-labelledby="map-title map-desc" viewBox={format!("0 0 {width} {height}")} width={width.to_string()} height={height.to_string()}
                xmlns="http://www.w3.org/2000/svg" id="deps-map">
                <desc id="map-desc">{ desc }</desc>
                <defs>
                    <pattern id="hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
                        <rect width="6" height="6" class="map-prop-bg" />
                        <line x1="0" y1="0" x2="0" y2="6" class="map-hatch" />
                    </pattern>
                </defs>
                { for r.functions.iter().enumerate().map(|(i, f)| {
                    let y = i as u32 * ROW_H + 5;
                    let w = f.free_share.min(1000) * BAR_W / 1000;
                    html! {
                        <g class="map-row" data-function={f.function.as_str()}>
                            <text x="0" y={(y + 16).to_string()} class="chart-label">{ f.label.get(lang) }</text>
                            <rect x={LABEL_W.to_string()} y={y.to_string()} width={w.to_string()} height="20" class="map-free" />
                            <rect x={(LABEL_W + w).to_string()} y={y.to_string()} width={(BAR_W - w).to_string()} height="20" fill="url(#hatch)" class="map-prop" />
                            <rect x={LABEL_W.to_string()} y={y.to_string()} width={BAR_W.to_string()} height="20" class="map-frame" />
                            <text x={(LABEL_W + BAR_W + 8).to_string()} y={(y + 16).to_string()} class="chart-value">{ value(f) }</text>
                        </g>
                    }
                }) }
            </svg>
        </figure>
        <div class="table-wrap">
        <table class="data" id="map-table">
            <caption>{ s.map_table_caption }</caption>
            <thead><tr>
                <th scope="col">{ s.col_function }</th><th scope="col">{ s.col_free_share }</th><th scope="col">{ s.col_status }</th>
                <th scope="col">{ s.col_exposure }</th><th scope="col">{ s.col_products }</th>
            </tr></thead>
            <tbody>
                { for r.functions.iter().map(|f| html! {
                    <tr>
                        <th scope="row">{ f.label.get(lang) }</th>
                        <td>{ pct(lang, f.free_share) }</td>
                        <td>{ status_word(lang, f.status) }</td>
                        <td>{ if f.extra_eu { format!("⚠ {}", s.yes_word) } else { s.no_word.to_owned() } }</td>
                        <td>{ f.items.iter().map(|i| format!("{} ({})", i.name, if i.free { s.free_word } else { s.proprietary_word })).collect::<Vec<_>>().join(", ") }</td>
                    </tr>
                }) }
            </tbody>
        </table>
        </div>
        </>
    }
}
