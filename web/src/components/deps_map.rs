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

/// The status of a function, in words (the engine's).
pub fn status_word(lang: Lang, s: FunctionStatus) -> &'static str {
    tnl_engine::render::charts::status_word(s, lang)
}

/// The map (the engine's SVG, the one of the HTML export) and its table.
#[function_component(DepsMap)]
pub fn deps_map(props: &Props) -> Html {
    let lang = props.lang;
    let s = t(lang);
    // The map's title and columns are those of the exports: the engine's labels.
    let l = &tnl_engine::render::labels(lang).dependencies;
    let r = &props.report;
    let svg = tnl_engine::render::charts::deps_map(r, lang, Some("map-title"));
    html! {
        <>
        <figure class="chart deps-map">
            <figcaption id="map-title">{ l.map_title }</figcaption>
            <p class="muted" id="map-legend">{ tnl_engine::render::charts::deps_map_legend(lang) }</p>
            <div class="chart-scroll" tabindex="0" role="group" aria-labelledby="map-title">{ Html::from_html_unchecked(svg.into()) }</div>
        </figure>
        // Scrolls sideways on a narrow screen: reachable and named for the keyboard.
        <div class="table-wrap" tabindex="0" role="region" aria-labelledby="map-table-caption">
        <table class="data" id="map-table">
            <caption id="map-table-caption">{ s.map_table_caption }</caption>
            <thead><tr>
                <th scope="col">{ l.function }</th><th scope="col">{ l.free_share }</th><th scope="col">{ l.status }</th>
                <th scope="col">{ s.col_exposure }</th><th scope="col">{ l.products }</th>
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
