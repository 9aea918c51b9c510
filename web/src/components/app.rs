//! The root: loads the saved state, autosaves every change, moves the focus between screens.

use crate::components::{
    compare_view::CompareView, deps_view::DepsView, home::Home, inventory_view::InventoryView, live_panel::LivePanel,
    notices::Notices, profile_form::ProfileForm, questionnaire::Questionnaire, report_view::ReportView,
    territory::Territory,
};
use crate::editions::Catalog;
use crate::host;
use crate::i18n::t;
use crate::state::{Action, AppState, Id, Screen, BACKUP_PREFIX, LEGACY_KEY, STORAGE_KEY};
use crate::Store;
use std::rc::Rc;
use tnl_engine::Lang;
use yew::prelude::*;

/// Id of every screen's main heading, which receives the focus when the screen changes.
pub const TITLE_ID: &str = "page-title";

/// How long autosave waits after an edit for the next one: typing writes once per pause, not
/// once per key.
const TYPING_PAUSE_MS: u32 = 400;

/// The app.
#[function_component(App)]
pub fn app() -> Html {
    let store = use_reducer_eq(|| {
        let catalog = Rc::new(Catalog::embedded());
        let backup_key = format!("{BACKUP_PREFIX}{}", js_sys::Date::now() as u64);
        let (state, to_backup) = AppState::restore(
            catalog,
            host::get(STORAGE_KEY).or_else(|| host::get(LEGACY_KEY)),
            host::backup_keys(),
            host::newer_keys(),
            &backup_key,
        );
        let mut state = state;
        if let Some(raw) = to_backup {
            if !host::set_verified(&backup_key, &raw) {
                state.apply(Action::BackupFailed(backup_key));
            }
        }
        state.apply(Action::SetToday(host::today()));
        // `#questionnaire` opens the current entity's questionnaire directly (bookmarks, benchmark).
        if host::hash() == "#questionnaire" {
            state.apply(Action::Go(Screen::Domain(0)));
        }
        state
    });

    // Another tab's save: take it, so that this tab's next autosave does not write older
    // answers over it.
    {
        let store = store.clone();
        use_effect_with((), move |_| {
            let listener = host::on_changed_elsewhere(STORAGE_KEY, move |raw| {
                store.dispatch(Action::Adopt {
                    raw,
                    backup_key: format!("{BACKUP_PREFIX}other-tab"),
                })
            });
            move || drop(listener)
        });
    }
    // A saved state that cannot be read stays in its backup key until dismissed; those found at
    // start are written there already, those from another tab's save are written here.
    {
        let store = store.clone();
        use_effect_with(store.unreadable.clone(), move |unreadable| {
            for u in unreadable.iter().filter(|u| u.kept && u.key.starts_with(BACKUP_PREFIX)) {
                if host::get(&u.key).as_deref() != Some(u.raw.as_str()) && !host::set_verified(&u.key, &u.raw) {
                    store.dispatch(Action::BackupFailed(u.key.clone()));
                }
            }
        });
    }

    // Autosave: every change once rendered, except a state just taken from another tab (the
    // storage holds it already), and nothing while an unreadable state could not be set apart
    // (the storage key holds its only copy). Edits wait for a pause in the typing, and are
    // written at once when the page is hidden or left. A refusal (quota, private mode) is shown
    // until a later save succeeds.
    let pending = use_mut_ref(|| None::<String>);
    let timer = use_mut_ref(|| None::<gloo::timers::callback::Timeout>);
    let saved = store.save();
    {
        let (store, pending, timer) = (store.clone(), pending.clone(), timer.clone());
        // Also when autosave resumes (the unreadable state let go), with nothing else changed.
        use_effect_with((saved, store.autosave_paused()), move |(saved, paused)| {
            if !store.should_save(saved) || *paused {
                *pending.borrow_mut() = None;
                return;
            }
            *pending.borrow_mut() = Some(saved.clone());
            let write = {
                let (store, pending) = (store.clone(), pending.clone());
                move || {
                    if let Some(text) = pending.borrow_mut().take() {
                        let ok = host::set(STORAGE_KEY, &text);
                        if ok == store.save_failed {
                            store.dispatch(Action::SaveFailed(!ok));
                        }
                    }
                }
            };
            // Dropping the previous timer cancels it: one write per pause.
            *timer.borrow_mut() = if store.typing {
                Some(gloo::timers::callback::Timeout::new(TYPING_PAUSE_MS, write))
            } else {
                write();
                None
            };
        });
    }
    use_effect_with((), move |_| {
        let flush = move || {
            if let Some(text) = pending.borrow_mut().take() {
                host::set(STORAGE_KEY, &text);
            }
        };
        let listeners = host::on_page_hidden(flush);
        move || drop(listeners)
    });

    let lang = store.lang;
    use_effect_with(lang, |lang| host::set_document_lang(lang.code(), t(*lang).app_title));

    // Move the focus to the new screen's heading, as a page load would, but not on first load.
    let first = use_mut_ref(|| true);
    use_effect_with((store.screen, store.current), move |_| {
        if std::mem::replace(&mut *first.borrow_mut(), false) {
            return;
        }
        host::scroll_top();
        host::focus(TITLE_ID);
    });

    let s = t(lang);
    let go = |screen: Screen| {
        let store = store.clone();
        Callback::from(move |_| store.dispatch(Action::Go(screen)))
    };
    let has_entity = store.entity().is_some();
    let current_domain = match store.screen {
        Screen::Domain(d) => d,
        _ => 0,
    };
    let nav_item = |id: &'static str, label: &'static str, screen: Screen, active: bool, enabled: bool| {
        html! {
            <li>
                <button type="button" class="nav-link" id={id} onclick={go(screen)} disabled={!enabled}
                    aria-current={if active { Some("page") } else { None }}>{ label }</button>
            </li>
        }
    };
    let other = match lang {
        Lang::Fr => Lang::En,
        Lang::En => Lang::Fr,
    };
    let switch_lang = {
        let store = store.clone();
        Callback::from(move |_| store.dispatch(Action::SetLang(other)))
    };
    let select_entity = {
        let store = store.clone();
        Callback::from(move |e: Event| {
            let el: web_sys::HtmlSelectElement = e.target_unchecked_into();
            if let Ok(id) = el.value().parse() {
                store.dispatch(Action::Select(Id(id)));
            }
        })
    };
    let screen = match store.screen {
        Screen::Home => html! { <Home /> },
        Screen::Profile => html! { <ProfileForm /> },
        Screen::Domain(d) => html! { <Questionnaire domain={d} /> },
        Screen::Report => html! { <ReportView /> },
        Screen::Compare => html! { <CompareView /> },
        Screen::Territory => html! { <Territory /> },
        Screen::Inventory => html! { <InventoryView /> },
        Screen::Dependencies => html! { <DepsView /> },
    };
    let with_panel = has_entity && matches!(store.screen, Screen::Profile | Screen::Domain(_));

    html! {
        <ContextProvider<Store> context={store.clone()}>
            <a class="skip-link" href="#main">{ s.skip_link }</a>
            <header class="top">
                <p class="brand">{ s.app_title }</p>
                <nav aria-label={s.nav_label}>
                    <ul class="nav">
                        { nav_item("nav-home", s.nav_home, Screen::Home, store.screen == Screen::Home, true) }
                        { nav_item("nav-profile", s.nav_profile, Screen::Profile, store.screen == Screen::Profile, has_entity) }
                        { nav_item("nav-questionnaire", s.nav_questionnaire, Screen::Domain(current_domain), matches!(store.screen, Screen::Domain(_)), has_entity) }
                        { nav_item("nav-report", s.nav_report, Screen::Report, store.screen == Screen::Report, has_entity) }
                        { nav_item("nav-inventory", s.nav_inventory, Screen::Inventory, store.screen == Screen::Inventory, has_entity) }
                        { nav_item("nav-dependencies", s.nav_dependencies, Screen::Dependencies, store.screen == Screen::Dependencies, has_entity) }
                        { nav_item("nav-compare", s.nav_compare, Screen::Compare, store.screen == Screen::Compare, has_entity) }
                        { nav_item("nav-territory", s.nav_territory, Screen::Territory, store.screen == Screen::Territory, true) }
                    </ul>
                </nav>
                <div class="top-tools">
                    if store.entities.len() > 1 {
                        <label for="entity-select">{ s.entity_select }</label>
                        <select id="entity-select" onchange={select_entity}>
                            { for store.entities.iter().map(|e| html! {
                                <option key={e.id.0.to_string()} value={e.id.0.to_string()} selected={Some(e.id) == store.current}>
                                    { if e.answers.profile.name.is_empty() { s.unnamed.to_owned() } else { e.answers.profile.name.clone() } }
                                </option>
                            }) }
                        </select>
                    }
                    <button type="button" class="lang-switch" lang={other.code()} aria-label={s.other_lang_label} onclick={switch_lang}>
                        { s.other_lang_name }
                    </button>
                </div>
            </header>
            <Notices />
            <div class={classes!("layout", with_panel.then_some("with-panel"))}>
                <main id="main" tabindex="-1">{ screen }</main>
                if with_panel {
                    <aside class="live-panel" id="live-panel" tabindex="-1" aria-labelledby="live-title"><LivePanel /></aside>
                    <a class="to-estimate no-print" href="#live-panel">{ s.to_estimate }</a>
                }
            </div>
            <footer class="bottom"><p>{ s.privacy }</p></footer>
        </ContextProvider<Store>>
    }
}
