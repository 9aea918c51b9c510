//! The last action's message, and saved states that could not be read back.

use crate::host;
use crate::i18n::{fill, t};
use crate::state::{Action, Notice, UnreadableReason};
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
    let notice = store.notice.as_ref().map(|n| {
        let (alert, text, detail) = describe(n, &store);
        html! {
            <div class={classes!("notice", alert.then_some("notice-error"))} role={if alert { "alert" } else { "status" }}>
                <p>{ text }</p>
                if let Some(d) = detail { <pre class="detail">{ d }</pre> }
                <button type="button" onclick={dismiss.clone()}>{ s.dismiss }</button>
            </div>
        }
    });
    let unreadable = (!store.unreadable.is_empty()).then(|| {
        let forget = {
            let store = store.clone();
            let keys: Vec<String> = store.unreadable.iter().map(|u| u.key.clone()).collect();
            Callback::from(move |_| {
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
                <p>{ s.unreadable_keep }</p>
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
                <button type="button" onclick={forget}>{ s.unreadable_forget }</button>
            </section>
        }
    });
    let save_failed = store.save_failed.then(|| {
        html! {
            <div class="notice notice-error" role="alert" id="save-failed"><p>{ s.save_failed }</p></div>
        }
    });
    html! { <>{ for save_failed }{ for unreadable }{ for notice }</> }
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
