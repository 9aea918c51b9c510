//! The dependency map of the current entity: key figures, the map, the cost projections,
//! migration windows, free alternatives, pre-filling of the questionnaire, and the exports. Every
//! figure comes from `tnl_engine::deps::dependency_report`.

use crate::components::app::TITLE_ID;
use crate::components::cost_chart::CostChart;
use crate::components::deps_map::DepsMap;
use crate::components::export_buttons::ExportButtons;
use crate::exports;
use crate::host;
use crate::i18n::{euros, fill, number, pct, severity, t};
use crate::state::{Action, Screen};
use crate::Store;
use std::rc::Rc;
use yew::prelude::*;

/// Props of [`DepsView`] (none).
#[derive(Properties, PartialEq)]
pub struct Props {}

/// The dependency map screen.
#[function_component(DepsView)]
pub fn deps_view(_: &Props) -> Html {
    let store = use_context::<Store>().expect("store");
    let lang = store.lang;
    let s = t(lang);
    // What the dependency map's exports show too: the engine's labels.
    let l = &tnl_engine::render::labels(lang).dependencies;
    let Some(entity) = store.entity() else { return html! {} };
    let name = if entity.answers.profile.name.is_empty() {
        s.unnamed.to_owned()
    } else {
        entity.answers.profile.name.clone()
    };
    let to_inventory = {
        let store = store.clone();
        Callback::from(move |_| store.dispatch(Action::Go(Screen::Inventory)))
    };
    let heading = html! { <h1 id={TITLE_ID} tabindex="-1">{ s.deps_title }{ " — " }{ name }</h1> };
    let Some(r) = store.dependency_report() else {
        return html! {
            <>
                { heading }
                <div class="notice notice-error" role="alert"><p>{ s.catalogue_error }</p><pre class="detail">{ store.catalog.catalogue_error().unwrap_or_default() }</pre></div>
            </>
        };
    };
    if entity.inventory.items.is_empty() {
        return html! {
            <>
                { heading }
                <p id="deps-empty">{ s.deps_empty }</p>
                <p><button type="button" class="primary" id="to-inventory" onclick={to_inventory}>{ s.to_inventory }</button></p>
            </>
        };
    }
    let r = Rc::new(r);
    let download = |e: exports::Export| Callback::from(move |_| host::download(&e.name, e.mime, &e.bytes));
    let prefill = {
        let store = store.clone();
        Callback::from(move |_| store.dispatch(Action::Prefill { now: host::now() }))
    };
    let sum = &r.summary;
    let ex = &r.exposure;
    let c = &r.concentration;
    let exposure = |f: u32, seats: u64, cost: u64| {
        fill(
            s.exposure_text,
            &[
                ("f", &f.to_string()),
                ("seats", &number(lang, seats)),
                ("cost", &euros(lang, cost)),
            ],
        )
    };
    let name_of = |id: &str| {
        r.replacements
            .iter()
            .flat_map(|x| x.alternatives.iter())
            .find(|a| a.id == id)
            .map_or_else(|| id.to_owned(), |a| a.name.clone())
    };
    html! {
        <article class="deps">
            { heading }
            <p class="muted">{ r.disclaimer.get(lang) }</p>
            <section aria-labelledby="deps-summary-title">
                <h2 id="deps-summary-title">{ s.summary_title }</h2>
                <dl class="figures" id="deps-summary">
                    <div><dt>{ s.free_functions }</dt>
                        <dd id="fig-free-functions">{ fill(s.of_functions, &[("n", &sum.functions_free.to_string()), ("total", &sum.functions_listed.to_string()), ("pct", &pct(lang, sum.free_function_share))]) }</dd></div>
                    <div><dt>{ s.free_seats }</dt>
                        <dd id="fig-free-seats">{ match sum.free_seat_share {
                            Some(p) => format!("{} / {} ({})", number(lang, sum.seats_free), number(lang, sum.seats_total), pct(lang, p)),
                            None => "—".to_owned(),
                        } }</dd></div>
                    <div><dt>{ s.proprietary_exposure }</dt><dd id="fig-proprietary">{ exposure(ex.proprietary_functions, ex.proprietary_seats, ex.proprietary_cost) }</dd></div>
                    <div><dt>{ s.extra_eu_exposure }</dt><dd id="fig-extra-eu">{ if ex.extra_eu_functions > 0 { "⚠ " } else { "" } }{ exposure(ex.extra_eu_functions, ex.extra_eu_seats, ex.extra_eu_cost) }</dd></div>
                    <div><dt>{ s.concentration }</dt><dd id="fig-hhi">{ number(lang, u64::from(c.hhi_seats)) }</dd></div>
                    <div><dt>{ s.top_vendor }</dt><dd id="fig-top-vendor">{ match &c.top_vendor {
                        Some(v) => fill(s.top_vendor_text, &[("vendor", v), ("f", &c.top_vendor_functions.to_string()), ("seats", &number(lang, c.top_vendor_seats))]),
                        None => s.none_word.to_owned(),
                    } }</dd></div>
                    <div><dt>{ s.yearly_cost }</dt><dd id="fig-cost">{ euros(lang, sum.yearly_cost) }</dd></div>
                </dl>
            </section>

            <section aria-labelledby="map-section-title">
                <h2 id="map-section-title">{ l.map_title }</h2>
                <DepsMap report={r.clone()} lang={lang} />
            </section>

            <section aria-labelledby="cost-section-title">
                <h2 id="cost-section-title">{ l.cost_title }</h2>
                <CostChart projections={Rc::new(r.projections.clone())} lang={lang} />
            </section>

            <section aria-labelledby="windows-title">
                <h2 id="windows-title">{ l.windows_heading }</h2>
                if r.migration_windows.is_empty() { <p>{ s.no_windows }</p> }
                <ul id="windows">
                    { for r.migration_windows.iter().map(|w| html! {
                        <li>
                            <strong>{ w.contract_end.clone() }</strong>
                            { match w.expired { Some(true) => format!(" ({})", l.passed), Some(false) => format!(" ({})", l.upcoming), None => String::new() } }
                            { " — " }{ r.function_label(w.function, lang).to_owned() }{ s.colon }{ w.name.clone() }
                            { w.yearly_cost.map(|c| format!(", {}", euros(lang, c))).unwrap_or_default() }
                            if !w.alternatives.is_empty() {
                                { " → " }{ w.alternatives.iter().map(|a| name_of(a)).collect::<Vec<_>>().join(", ") }
                            }
                        </li>
                    }) }
                </ul>
            </section>

            <section aria-labelledby="alternatives-title">
                <h2 id="alternatives-title">{ s.alternatives_title }</h2>
                if r.replacements.is_empty() { <p>{ s.no_alternatives }</p> }
                <ul id="alternatives">
                    { for r.replacements.iter().map(|x| html! {
                        <li>
                            <strong>{ x.name.clone() }</strong>{ " (" }{ r.function_label(x.function, lang).to_owned() }{ ")" }
                            if x.alternatives.is_empty() { { s.colon }{ s.alternatives_none } }
                            <ul>
                                { for x.alternatives.iter().map(|a| html! {
                                    <li>
                                        { a.name.clone() }{ " — " }{ a.vendor.clone() }{ a.licence.as_ref().map(|l| format!(", {}", tnl_engine::deps::licence_name(l, lang))).unwrap_or_default() }
                                        if a.sill_id.is_some() {
                                            { " · " }<a href={format!("https://code.gouv.fr/sill/detail?name={}", js_uri(&a.name))}>{ fill(s.sill_link, &[("name", &a.name)]) }</a>
                                        }
                                        if let Some(id) = a.comptoir_id {
                                            { " · " }<a href={format!("https://comptoir-du-libre.org/fr/softwares/{id}")}>{ fill(s.comptoir_link, &[("name", &a.name)]) }</a>
                                        }
                                    </li>
                                }) }
                            </ul>
                        </li>
                    }) }
                </ul>
            </section>

            <section aria-labelledby="prefill-title" class="card no-print">
                <h2 id="prefill-title">{ s.prefill_title }</h2>
                <p>{ s.prefill_intro }</p>
                <p><button type="button" class="primary" id="prefill" onclick={prefill}>{ s.prefill_button }</button></p>
            </section>

            if !r.diagnostics.is_empty() {
                <section aria-labelledby="deps-diag-title">
                    <h2 id="deps-diag-title">{ s.deps_diagnostics }</h2>
                    <ul>{ for r.diagnostics.iter().map(|d| html! { <li><strong>{ severity(lang, d.severity) }</strong>{ s.colon }{ d.message.get(lang) }</li> }) }</ul>
                </section>
            }

            <section aria-labelledby="deps-exports-title" class="exports no-print">
                <h2 id="deps-exports-title">{ s.deps_exports_title }</h2>
                <ExportButtons id_prefix="deps-export-" formats={exports::TABLE_FORMATS.to_vec()} make={{
                    let r = r.clone();
                    Callback::from(move |fmt| exports::deps_format(&r, lang, fmt))
                }}>
                    if let Some(inv) = store.inventory_file() {
                        <li><button type="button" id="deps-export-inventory" onclick={download(exports::inventory(&inv))}>{ s.export_inventory }</button></li>
                    }
                    <li><button type="button" id="to-inventory" onclick={to_inventory}>{ s.to_inventory }</button></li>
                </ExportButtons>
            </section>
        </article>
    }
}

/// Percent-encodes a query value.
fn js_uri(s: &str) -> String {
    let mut out = String::new();
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || b"-_.~".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}
