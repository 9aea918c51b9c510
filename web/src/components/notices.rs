//! The last action's message, and saved states that could not be read back.

use crate::exports;
use crate::host;
use crate::i18n::{fill, t};
use crate::state::{Action, Doubt, Notice, UnreadableReason};
use crate::Store;
use yew::prelude::*;

/// Props of [`Notices`] (none: everything comes from the store).
#[derive(Properties, PartialEq)]
pub struct Props {}

/// Messages above the screen.
#[function_component(Notices)]
pub fn notices(_: &Props) -> Html {
    let store = use_context::<Store>().expect("store");
    let s = t(store.lang);
    let dismiss = {
        let store = store.clone();
        Callback::from(move |_| store.dispatch(Action::DismissNotice))
    };
    let undo = {
        let store = store.clone();
        Callback::from(move |_| store.dispatch(Action::Undo))
    };
    let notice = store.notice.as_ref().map(|n| {
        let (alert, text, detail) = describe(n, &store);
        html! {
            <div class={classes!("notice", alert.then_some("notice-error"))} role={if alert { "alert" } else { "status" }}>
                <p>{ text }</p>
                if let Some(d) = detail { <pre class="detail">{ d }</pre> }
                if store.undo.is_some() {
                    <button type="button" id="undo" onclick={undo.clone()}>{ s.undo }</button>{ " " }
                }
                <button type="button" onclick={dismiss.clone()}>{ s.dismiss }</button>
            </div>
        }
    });
    let forgetting = use_state(|| false);
    let unreadable = (!store.unreadable.is_empty()).then(|| {
        let forget = {
            let store = store.clone();
            let keys: Vec<String> = store.unreadable.iter().map(|u| u.key.clone()).collect();
            let forgetting = forgetting.clone();
            Callback::from(move |_| {
                forgetting.set(false);
                for k in &keys {
                    // Keys of a newer version belong to it: never delete them from here.
                    if k.starts_with(crate::state::BACKUP_PREFIX) {
                        host::remove(k);
                    }
                }
                store.dispatch(Action::DismissUnreadable)
            })
        };
        html! {
            <section class="notice notice-error" role="alert" aria-labelledby="unreadable-title">
                <h2 id="unreadable-title">{ s.unreadable_title }</h2>
                <p>{ if store.autosave_paused() { s.unreadable_not_kept } else { s.unreadable_keep } }</p>
                { for store.unreadable.iter().map(|u| {
                    let (why, detail) = match &u.reason {
                        UnreadableReason::Corrupt(d) => (s.unreadable_corrupt.to_owned(), d.clone()),
                        UnreadableReason::Newer(v) => (fill(s.unreadable_newer, &[("v", &v.to_string())]), String::new()),
                        UnreadableReason::Answers(d) => (s.unreadable_answers.to_owned(), d.clone()),
                    };
                    let download = {
                        let (key, raw) = (u.key.clone(), u.raw.clone());
                        Callback::from(move |_| host::download(&format!("{key}.json"), "application/json", raw.as_bytes()))
                    };
                    html! {
                        <div class="unreadable">
                            <p>{ why }</p>
                            if !detail.is_empty() { <pre class="detail">{ detail }</pre> }
                            <button type="button" onclick={download}>{ s.unreadable_download }{ " (" }{ &u.key }{ ")" }</button>
                        </div>
                    }
                }) }
                // Forgetting deletes the only copy: asked twice.
                if *forgetting {
                    <button type="button" class="danger" id="unreadable-forget-confirm" onclick={forget}>{ s.unreadable_forget_confirm }</button>{ " " }
                    <button type="button" onclick={{ let f = forgetting.clone(); Callback::from(move |_| f.set(false)) }}>{ s.cancel }</button>
                } else {
                    <button type="button" id="unreadable-forget" onclick={{ let f = forgetting.clone(); Callback::from(move |_| f.set(true)) }}>{ s.unreadable_forget }</button>
                }
            </section>
        }
    });
    html! { <>{ for unreadable }{ doubt(&store) }{ for notice }{ storage_alert(&store) }</> }
}

/// A file held until the user says whether it belongs here.
fn doubt(store: &Store) -> Html {
    let Some(p) = &store.pending else { return html! {} };
    let s = t(store.lang);
    let on = |action: Action| {
        let store = store.clone();
        Callback::from(move |_| store.dispatch(action.clone()))
    };
    let mut newest_start = None;
    let text = match &p.doubt {
        Doubt::PreviousOfOther { file, theirs, ours } => fill(
            s.doubt_previous_other,
            &[("file", file), ("theirs", theirs), ("ours", ours)],
        ),
        Doubt::InventoryOfOther { file, theirs, ours } => fill(
            s.doubt_inventory_other,
            &[("file", file), ("theirs", theirs), ("ours", ours)],
        ),
        Doubt::ReplacesInventory { file, lines } => {
            fill(s.doubt_replaces_inventory, &[("file", file), ("n", &lines.to_string())])
        }
        Doubt::OlderEdition { file, edition, newest } => {
            if let Action::Import { file, text } = &*p.action {
                newest_start = Some((
                    fill(s.doubt_start_newest, &[("newest", newest)]),
                    Action::StartFrom {
                        edition: newest.clone(),
                        file: file.clone(),
                        text: text.clone(),
                        now: String::new(),
                    },
                ));
            }
            fill(
                s.doubt_older_edition,
                &[("file", file), ("edition", edition), ("newest", newest)],
            )
        }
    };
    html! {
        <section class="notice notice-doubt" role="alert" aria-labelledby="doubt-title">
            <h2 id="doubt-title" tabindex="-1">{ s.doubt_title }</h2>
            <p>{ text }</p>
            <p class="buttons-line">
                if let Some((label, action)) = newest_start {
                    <button type="button" class="primary" id="doubt-newest" onclick={on_start(store, action)}>{ label }</button>{ " " }
                }
                <button type="button" id="doubt-confirm" onclick={on(Action::Confirm)}>{ s.doubt_confirm }</button>{ " " }
                <button type="button" id="doubt-cancel" onclick={on(Action::Cancel)}>{ s.cancel }</button>
            </p>
        </section>
    }
}

/// Dispatches a start from a held file with the clock of the moment it is chosen.
fn on_start(store: &Store, action: Action) -> Callback<MouseEvent> {
    let store = store.clone();
    Callback::from(move |_| {
        if let Action::StartFrom {
            edition, file, text, ..
        } = action.clone()
        {
            store.dispatch(Action::StartFrom {
                edition,
                file,
                text,
                now: host::now(),
            });
        }
    })
}

/// Saving has failed or is stopped: said at the bottom of the window, where the user is, with the
/// exports that keep the work at hand.
fn storage_alert(store: &Store) -> Html {
    let paused = store.autosave_paused();
    if !store.save_failed && !paused {
        return html! {};
    }
    let s = t(store.lang);
    let download = |e: exports::Export| Callback::from(move |_| host::download(&e.name, e.mime, &e.bytes));
    let answers = store.entity().map(|e| exports::answers(&e.answers));
    let inventory = store
        .inventory_file()
        .filter(|i| !i.items.is_empty())
        .map(|i| exports::inventory(&i));
    html! {
        <div class="notice notice-error notice-fixed" role="alert" id="save-failed">
            <p><strong>{ s.save_failed_title }</strong>{ " " }{ if store.save_failed { s.save_failed } else { s.unreadable_not_kept } }</p>
            <p class="buttons-line">
                if let Some(a) = answers {
                    <button type="button" id="save-failed-answers" onclick={download(a)}>{ s.export_answers }</button>{ " " }
                }
                if let Some(i) = inventory {
                    <button type="button" id="save-failed-inventory" onclick={download(i)}>{ s.export_inventory }</button>{ " " }
                }
                { for store.unreadable.iter().filter(|u| !u.kept).map(|u| {
                    let (key, raw) = (u.key.clone(), u.raw.clone());
                    let onclick = Callback::from(move |_| host::download(&format!("{key}.json"), "application/json", raw.as_bytes()));
                    html! { <button type="button" {onclick}>{ s.unreadable_download }</button> }
                }) }
            </p>
        </div>
    }
}

/// What a notice says: whether it is an alert, its sentence, and the detail below it.
fn describe(n: &Notice, store: &Store) -> (bool, String, Option<String>) {
    let s = t(store.lang);
    match n {
        Notice::Imported { file } => (false, fill(s.notice_imported, &[("file", file)]), None),
        Notice::PreviousImported { file } => (false, fill(s.notice_previous, &[("file", file)]), None),
        Notice::ImportFailed { file, error } => (
            true,
            fill(s.notice_failed, &[("file", file)]),
            Some(error.message(store.lang)),
        ),
        Notice::UnknownEdition { file, edition } => (
            true,
            fill(s.notice_unknown_edition, &[("file", file), ("edition", edition)]),
            None,
        ),
        Notice::InventoryImported { file, lines } => (
            false,
            fill(
                s.notice_inventory_imported,
                &[("file", file), ("n", &lines.to_string())],
            ),
            None,
        ),
        Notice::Carried {
            file,
            carried,
            dropped,
            retired,
            to_answer,
        } => {
            let n = |x: &usize| x.to_string();
            (
                false,
                fill(
                    s.notice_carried,
                    &[
                        ("file", file),
                        ("carried", &n(carried)),
                        ("dropped", &n(dropped)),
                        ("retired", &n(retired)),
                        ("to_answer", &n(to_answer)),
                    ],
                ),
                None,
            )
        }
        Notice::Prefilled { filled, proposed } => (
            false,
            fill(
                s.notice_prefilled,
                &[("filled", &filled.to_string()), ("proposed", &proposed.to_string())],
            ),
            None,
        ),
        Notice::Synced => (false, s.notice_synced.to_owned(), None),
        Notice::ImportedMany {
            imported,
            inventories,
            again,
            apart,
            failed,
        } => {
            let mut text = fill(s.notice_imported_many, &[("n", &imported.to_string())]);
            for (n, sentence) in [
                (inventories, s.notice_inventories_imported),
                (again, s.notice_imported_again),
                (apart, s.notice_inventories_apart),
            ] {
                if *n > 0 {
                    text.push(' ');
                    text.push_str(&fill(sentence, &[("n", &n.to_string())]));
                }
            }
            if failed.is_empty() {
                return (false, text, None);
            }
            text.push(' ');
            text.push_str(&fill(s.notice_not_imported, &[("n", &failed.len().to_string())]));
            // Each file's sentence, then the engine's explanation when there is one.
            let lines: Vec<String> = failed
                .iter()
                .map(|f| describe(f, store))
                .map(|(_, why, more)| more.map_or_else(|| why.clone(), |m| format!("{why}\n{m}")))
                .collect();
            (true, text, Some(lines.join("\n\n")))
        }
        Notice::LineRemoved { name, function } => {
            let function = function
                .map(|f| store.catalog.function_label(f, store.lang))
                .unwrap_or_default();
            // A line of an imported inventory may have no function: no empty brackets then.
            (
                false,
                fill(s.notice_line_removed, &[("name", name), ("function", function)]).replace(" ()", ""),
                None,
            )
        }
        Notice::EntityRemoved { name } => (
            false,
            fill(
                s.notice_entity_removed,
                &[("name", if name.is_empty() { s.unnamed } else { name })],
            ),
            None,
        ),
        Notice::LineAdded { name, function } => (
            false,
            fill(
                s.notice_line_added,
                &[
                    ("name", name),
                    ("function", store.catalog.function_label(*function, store.lang)),
                ],
            ),
            None,
        ),
    }
}
