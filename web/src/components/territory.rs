//! Several entities of one territory side by side, with a summary of their tiers and scores.

use crate::components::app::TITLE_ID;
use crate::components::export_buttons::ExportButtons;
use crate::components::file_import::FileImport;
use crate::exports;
use crate::i18n::{pct, t};
use crate::state::{Action, Id, Screen, SortBy};
use crate::Store;
use tnl_engine::render;
use yew::prelude::*;

/// Props of [`Territory`] (none).
#[derive(Properties, PartialEq)]
pub struct Props {}

/// The territory screen.
#[function_component(Territory)]
pub fn territory(_: &Props) -> Html {
    let store = use_context::<Store>().expect("store");
    let lang = store.lang;
    let s = t(lang);
    // The columns the territory exports name too: the engine's labels.
    let l = render::labels(lang);
    let confirming = use_state(|| false);
    let sort = use_state(|| (None::<SortBy>, false));
    let edition = store
        .entity()
        .map(|e| e.answers.edition.clone())
        .or_else(|| store.catalog.ids().next().map(str::to_owned))
        .unwrap_or_default();
    let add = {
        let store = store.clone();
        Callback::from(move |_| {
            store.dispatch(Action::Start {
                edition: edition.clone(),
            })
        })
    };
    let import = {
        let store = store.clone();
        Callback::from(move |files: Vec<(String, String)>| store.dispatch(Action::ImportMany { files }))
    };
    let open = |id: Id| {
        let store = store.clone();
        Callback::from(move |_| {
            store.dispatch(Action::Select(id));
            store.dispatch(Action::Go(Screen::Report));
        })
    };
    let remove = |id: Id| {
        let store = store.clone();
        Callback::from(move |_| store.dispatch(Action::Remove(id)))
    };
    let set_confirm = |v: bool| {
        let confirming = confirming.clone();
        Callback::from(move |_| confirming.set(v))
    };
    let clear = {
        let (store, confirming) = (store.clone(), confirming.clone());
        Callback::from(move |_| {
            confirming.set(false);
            store.dispatch(Action::ClearAll)
        })
    };
    // The actions come right after the name, so that a table wider than the screen still shows
    // them. The domain columns are those of `tnl batch` (`render::summary_domains`): every domain of
    // every entity, first seen first; a domain an entity's edition lacks is a blank cell.
    let ids = render::summary_domains(store.entities.iter().map(|e| &*e.report));
    let domains: Vec<(String, String)> = ids
        .iter()
        .map(|id| {
            let title = store
                .entities
                .iter()
                .flat_map(|e| e.report.domains.iter())
                .find(|d| *d.id == **id)
                .map_or_else(|| id.clone(), |d| d.title.get(lang).to_owned());
            (id.clone(), title)
        })
        .collect();
    // Sorting changes what is shown only: the exports keep the order of addition.
    let order = store.territory_order(sort.0.clone(), sort.1);
    let header = |by: SortBy, title: String, class: Option<&'static str>| {
        let active = sort.0.as_ref() == Some(&by);
        let aria_sort = active.then_some(if sort.1 { "descending" } else { "ascending" });
        let onclick = {
            let sort = sort.clone();
            let by = by.clone();
            // Numbers first from the highest, names from A; a second click reverses.
            let first = by != SortBy::Name;
            Callback::from(move |_| sort.set((Some(by.clone()), if active { !sort.1 } else { first })))
        };
        let arrow = match aria_sort {
            Some("descending") => " ▼",
            Some(_) => " ▲",
            None => "",
        };
        html! {
            <th scope="col" class={class} aria-sort={aria_sort}>
                <button type="button" class="sort" {onclick}>{ title }<span aria-hidden="true">{ arrow }</span></button>
            </th>
        }
    };
    html! {
        <>
            <h1 id={TITLE_ID} tabindex="-1">{ s.territory_title }</h1>
            <p>{ s.territory_intro }</p>
            if !store.entities.is_empty() {
                <div class="table-wrap" tabindex="0" role="region" aria-labelledby="territory-caption">
                <table class="data" id="territory-table">
                    <caption id="territory-caption">{ s.territory_caption }</caption>
                    <thead>
                        <tr>
                            { header(SortBy::Name, s.col_name.to_owned(), None) }
                            <th scope="col">{ s.col_actions }</th>
                            <th scope="col">{ s.col_kind }</th>
                            { header(SortBy::Tier, l.common.secured_tier.to_owned(), None) }
                            { header(SortBy::Likely, l.common.likely_estimate.to_owned(), None) }
                            { header(SortBy::Reachable, l.common.reachable_tier.to_owned(), None) }
                            { header(SortBy::Score, l.common.overall_score.to_owned(), Some("num")) }
                            { header(SortBy::Completeness, s.completeness.to_owned(), Some("num")) }
                            { for domains.iter().map(|(id, title)| header(SortBy::Domain(id.clone()), title.clone(), Some("num"))) }
                        </tr>
                    </thead>
                    <tbody>
                        { for order.iter().map(|&i| {
                            let (id, r) = (store.entities[i].id, &store.entities[i].report);
                            let range = render::range_cells(r, lang);
                            let name = if r.profile.name.is_empty() { s.unnamed.to_owned() } else { r.profile.name.clone() };
                            html! {
                                <tr key={id.0.to_string()}>
                                    <th scope="row">{ name.clone() }</th>
                                    <td class="actions">
                                        <button type="button" onclick={open(id)} aria-label={format!("{}{}{}", s.open, s.colon, name)}>{ s.open }</button>
                                        <button type="button" onclick={remove(id)} aria-label={format!("{}{}{}", s.remove, s.colon, name)}>{ s.remove }</button>
                                    </td>
                                    <td>{ r.profile.kind.map(|k| k.label().get(lang).to_owned()).unwrap_or_default() }</td>
                                    <td>{ range.secured }</td>
                                    <td>{ range.likely }</td>
                                    <td>{ range.reachable }</td>
                                    <td class="num">{ pct(lang, r.score.per_mille) }</td>
                                    <td class="num">{ pct(lang, r.completeness.per_mille) }</td>
                                    { for domains.iter().map(|(id, _)| html! {
                                        <td class="num">{ r.domains.iter().find(|d| *d.id == **id).and_then(|d| d.per_mille).map(|p| pct(lang, p)).unwrap_or_else(|| "—".into()) }</td>
                                    }) }
                                </tr>
                            }
                        }) }
                    </tbody>
                </table>
                </div>
                <p class="muted">{ s.territory_sort_hint }</p>
            }
            if !store.entities.is_empty() {
                <section aria-labelledby="territory-exports-title" class="exports no-print">
                    <h2 id="territory-exports-title">{ s.territory_exports_title }</h2>
                    <p class="muted">{ render::summary_notice(lang) }</p>
                    <ExportButtons id_prefix="territory-export-" formats={vec!["html", "csv", "ods", "jsonl", "zip"]} make={{
                        let store = store.clone();
                        // Rendered only when asked for, not on every render of the table.
                        Callback::from(move |fmt| {
                            let deps = store.territory_dependency_reports();
                            if fmt == "zip" {
                                let rows: Vec<_> = store.entities.iter().zip(&deps).map(|(e, d)| (&*e.report, &e.answers, d.as_ref())).collect();
                                return Some(exports::territory_bundle(&rows, store.lang));
                            }
                            let rows: Vec<_> = store.entities.iter().zip(&deps).map(|(e, d)| (&*e.report, d.as_ref())).collect();
                            if fmt == "html" {
                                return Some(exports::territory_page(&rows, store.lang));
                            }
                            exports::territory_formats(&rows, store.lang).into_iter().find(|(f, _)| *f == fmt).map(|(_, e)| e)
                        })
                    }} />
                </section>
            }
            <p><button type="button" class="primary" id="add-entity" onclick={add}>{ s.add_entity }</button></p>
            <FileImport id="territory-import" label={s.import_many} on_files={Some(import)} describedby={Some(AttrValue::from("territory-import-hint"))} />
            <p class="muted" id="territory-import-hint">{ s.import_many_hint }</p>
            if !store.entities.is_empty() {
                <p class="danger-zone">
                    if *confirming {
                        <button type="button" class="danger" id="clear-confirm" onclick={clear}>{ s.clear_confirm }</button>
                        { " " }<button type="button" onclick={set_confirm(false)}>{ s.cancel }</button>
                    } else {
                        <button type="button" id="clear-all" onclick={set_confirm(true)}>{ s.clear_all }</button>
                    }
                </p>
            }
        </>
    }
}
