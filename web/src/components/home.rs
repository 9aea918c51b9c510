//! Home: what the app does, that answers stay here, and start (blank or from last year's
//! answers), resume or import.

use crate::components::app::TITLE_ID;
use crate::components::file_import::FileImport;
use crate::i18n::t;
use crate::state::{Action, Id, Screen};
use crate::Store;
use yew::prelude::*;

/// Props of [`Home`] (none).
#[derive(Properties, PartialEq)]
pub struct Props {}

/// The home screen.
#[function_component(Home)]
pub fn home(_: &Props) -> Html {
    let store = use_context::<Store>().expect("store");
    let lang = store.lang;
    let s = t(lang);
    let editions: Vec<(&str, String)> = store
        .catalog
        .ids()
        .filter_map(|id| store.catalog.get(id).map(|c| (id, c.file().title.get(lang).to_owned())))
        .collect();
    let errors = store.catalog.errors();
    let chosen = use_state(|| editions.first().map(|(id, _)| id.to_string()).unwrap_or_default());
    let on_edition = {
        let chosen = chosen.clone();
        Callback::from(move |e: Event| {
            let el: web_sys::HtmlSelectElement = e.target_unchecked_into();
            chosen.set(el.value());
        })
    };
    let start = {
        let (store, chosen) = (store.clone(), chosen.clone());
        Callback::from(move |_| {
            store.dispatch(Action::Start {
                edition: (*chosen).clone(),
            })
        })
    };
    let import = {
        let store = store.clone();
        Callback::from(move |files: Vec<(String, String)>| store.dispatch(Action::ImportMany { files }))
    };
    let start_from = {
        let (store, chosen) = (store.clone(), chosen.clone());
        Callback::from(move |(file, text): (String, String)| {
            store.dispatch(Action::StartFrom {
                edition: (*chosen).clone(),
                file,
                text,
                now: crate::host::now(),
            })
        })
    };
    let resume = |id: Id| {
        let store = store.clone();
        Callback::from(move |_| {
            store.dispatch(Action::Select(id));
            store.dispatch(Action::Go(Screen::Domain(0)));
        })
    };
    html! {
        <>
            <h1 id={TITLE_ID} tabindex="-1">{ s.home_title }</h1>
            <p class="privacy"><strong>{ s.privacy }</strong></p>
            <p>{ s.home_intro }</p>
            if !errors.is_empty() {
                <div class="notice notice-error" role="alert">
                    <p>{ s.edition_errors }</p>
                    { for errors.iter().map(|e| html! { <pre class="detail">{ e }</pre> }) }
                </div>
            }
            if !store.entities.is_empty() {
                <section aria-labelledby="resume-title">
                    <h2 id="resume-title">{ s.resume_title }</h2>
                    <ul class="entity-list">
                        { for store.entities.iter().map(|e| {
                            let name = if e.answers.profile.name.is_empty() { s.unnamed.to_owned() } else { e.answers.profile.name.clone() };
                            html! {
                                <li key={e.id.0.to_string()}>
                                    <button type="button" onclick={resume(e.id)}>{ s.resume }{ s.colon }{ name }</button>
                                    { " " }<span class="muted">{ e.report.edition.title.get(lang) }</span>
                                </li>
                            }
                        }) }
                    </ul>
                </section>
            }
            <section aria-labelledby="start-title" class="card">
                <h2 id="start-title">{ s.start }</h2>
                <label for="edition">{ s.edition_label }</label>
                <select id="edition" onchange={on_edition}>
                    { for editions.iter().map(|(id, title)| html! {
                        <option value={id.to_string()} selected={*id == chosen.as_str()}>{ title }</option>
                    }) }
                </select>
                <button type="button" class="primary" id="start" onclick={start}>{ s.start }</button>
                <FileImport id="start-from" label={s.start_from} on_file={Some(start_from)} describedby={Some(AttrValue::from("start-from-hint"))} />
                <p class="muted" id="start-from-hint">{ s.start_from_hint }</p>
            </section>
            <section aria-labelledby="import-title" class="card">
                <h2 id="import-title">{ s.import_answers }</h2>
                <p class="muted" id="import-answers-hint">{ s.import_hint }{ " " }{ s.import_many_hint }</p>
                <FileImport id="import-answers" label={s.import_many} on_files={Some(import)} describedby={Some(AttrValue::from("import-answers-hint"))} />
            </section>
        </>
    }
}
