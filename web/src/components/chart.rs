//! The per-domain chart, drawn as inline SVG: no script, no image request, prints as vectors.

use crate::i18n::t;
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

/// Horizontal bars, one per domain, each labelled with its name and score: the value is written
/// in text next to every bar, so nothing depends on reading a colour or a length. The SVG is the
/// engine's, the one of the HTML export.
#[function_component(DomainChart)]
pub fn domain_chart(props: &Props) -> Html {
    let s = t(props.lang);
    let svg = tnl_engine::render::charts::domain_chart(&props.report, props.lang, Some("chart-title"));
    html! {
        <figure class="chart">
            <figcaption id="chart-title">{ s.chart_title }</figcaption>
            <div class="chart-scroll" tabindex="0" role="group" aria-labelledby="chart-title">{ Html::from_html_unchecked(svg.into()) }</div>
        </figure>
    }
}
