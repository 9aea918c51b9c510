//! The browser side of the app: clock, localStorage, files, downloads, focus. Everything else is
//! pure and tested natively.

use crate::state::{STORAGE_KEY, STORAGE_PREFIX, STORAGE_VERSION};
use wasm_bindgen::JsCast;

/// Now, as RFC 3339 (the host's clock: the engine never reads one).
pub fn now() -> String {
    String::from(js_sys::Date::new_0().to_iso_string())
}

/// Today's date, YYYY-MM-DD, from the browser's clock (local time).
pub fn today() -> String {
    let d = js_sys::Date::new_0();
    format!("{:04}-{:02}-{:02}", d.get_full_year(), d.get_month() + 1, d.get_date())
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// Reads a localStorage key.
pub fn get(key: &str) -> Option<String> {
    storage()?.get_item(key).ok().flatten()
}

/// Writes a localStorage key; false when the browser refused (quota, private mode).
pub fn set(key: &str, value: &str) -> bool {
    storage().is_some_and(|s| s.set_item(key, value).is_ok())
}

/// Writes a localStorage key and reads it back: true only when the browser holds `value` there.
pub fn set_verified(key: &str, value: &str) -> bool {
    set(key, value) && get(key).as_deref() == Some(value)
}

/// Calls `hidden` each time the page is hidden (another tab, the phone's home screen) or left
/// (reload, closed tab): the last moment a write to localStorage is sure to happen. Listens until
/// the returned listeners are dropped.
pub fn on_page_hidden(hidden: impl Fn() + 'static) -> Vec<gloo::events::EventListener> {
    let Some(window) = web_sys::window() else {
        return Vec::new();
    };
    let hidden = std::rc::Rc::new(hidden);
    let mut out = Vec::new();
    if let Some(doc) = window.document() {
        let (h, d) = (hidden.clone(), doc.clone());
        out.push(gloo::events::EventListener::new(&doc, "visibilitychange", move |_| {
            if d.visibility_state() == web_sys::VisibilityState::Hidden {
                h()
            }
        }));
    }
    out.push(gloo::events::EventListener::new(&window, "pagehide", move |_| hidden()));
    out
}

/// Calls `changed` with the new text each time another tab of this origin writes `key` in
/// localStorage (the browser tells every other tab; never the one that wrote). Listens until the
/// returned listener is dropped.
pub fn on_changed_elsewhere(
    key: &'static str,
    changed: impl Fn(String) + 'static,
) -> Option<gloo::events::EventListener> {
    let window = web_sys::window()?;
    Some(gloo::events::EventListener::new(&window, "storage", move |event| {
        let Some(event) = event.dyn_ref::<web_sys::StorageEvent>() else {
            return;
        };
        // A removed key (the site's data cleared by hand) brings no state to take.
        if event.key().as_deref() == Some(key) {
            if let Some(text) = event.new_value() {
                changed(text);
            }
        }
    }))
}

/// Removes a localStorage key.
pub fn remove(key: &str) {
    if let Some(s) = storage() {
        let _ = s.remove_item(key);
    }
}

/// Keys written by a newer version of the app, with their text.
pub fn newer_keys() -> Vec<(String, String)> {
    keys_where(|key| {
        key != STORAGE_KEY
            && key
                .strip_prefix(STORAGE_PREFIX)
                .and_then(|v| v.parse::<u64>().ok())
                .is_some_and(|v| v > STORAGE_VERSION)
    })
}

/// Backups of unreadable saved states, with their text.
pub fn backup_keys() -> Vec<(String, String)> {
    keys_where(|key| key.starts_with(crate::state::BACKUP_PREFIX))
}

fn keys_where(keep: impl Fn(&str) -> bool) -> Vec<(String, String)> {
    let Some(s) = storage() else { return Vec::new() };
    let n = s.length().unwrap_or(0);
    let mut out = Vec::new();
    for i in 0..n {
        let Some(key) = s.key(i).ok().flatten() else { continue };
        if keep(&key) {
            if let Some(v) = s.get_item(&key).ok().flatten() {
                out.push((key, v));
            }
        }
    }
    tnl_engine::sort::sort(&mut out);
    out
}

/// Offers `text` for download as `name`.
pub fn download(name: &str, mime: &str, bytes: &[u8]) {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let blob = gloo::file::Blob::new_with_options(bytes, Some(mime));
    let url = gloo::file::ObjectUrl::from(blob);
    if let Ok(a) = doc.create_element("a") {
        if let Ok(a) = a.dyn_into::<web_sys::HtmlAnchorElement>() {
            a.set_href(&url);
            a.set_download(name);
            a.click();
        }
    }
    // The browser reads the blob after this function returns: keep the URL alive until the page
    // goes away rather than revoke it under the download's feet.
    std::mem::forget(url);
}

/// Moves the keyboard focus to the element with this id.
pub fn focus(id: &str) {
    let el = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id));
    if let Some(el) = el.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
        let _ = el.focus();
    }
}

/// Scrolls to the top of the page.
pub fn scroll_top() {
    if let Some(w) = web_sys::window() {
        w.scroll_to_with_x_and_y(0.0, 0.0);
    }
}

/// Sets the `lang` attribute of the document and its title.
pub fn set_document_lang(code: &str, title: &str) {
    if let Some(doc) = web_sys::window().and_then(|w| w.document()) {
        if let Some(root) = doc.document_element() {
            let _ = root.set_attribute("lang", code);
        }
        doc.set_title(title);
    }
}

/// Opens the browser's print dialog.
pub fn print() {
    if let Some(w) = web_sys::window() {
        let _ = w.print();
    }
}

/// Reads a file chosen in an `<input type="file">` and hands `(name, text)` to `done`.
pub fn read_file(file: web_sys::File, done: impl FnOnce(String, String) + 'static) {
    let name = file.name();
    yew::platform::spawn_local(async move {
        let text = wasm_bindgen_futures::JsFuture::from(file.text())
            .await
            .ok()
            .and_then(|v| v.as_string())
            .unwrap_or_default();
        done(name, text);
    });
}

/// Reads every file chosen in an `<input type="file" multiple>` and hands their `(name, text)`,
/// in the order chosen, to `done` once all are read.
pub fn read_files(files: Vec<web_sys::File>, done: impl FnOnce(Vec<(String, String)>) + 'static) {
    yew::platform::spawn_local(async move {
        let mut out = Vec::with_capacity(files.len());
        for file in files {
            let text = wasm_bindgen_futures::JsFuture::from(file.text())
                .await
                .ok()
                .and_then(|v| v.as_string())
                .unwrap_or_default();
            out.push((file.name(), text));
        }
        done(out);
    });
}

/// The fragment of the page's address, with its `#`.
pub fn hash() -> String {
    web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default()
}
