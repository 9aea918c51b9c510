//! Search the software catalogue for one function: a labelled search field, a polite count of
//! the results, and one button per result that adds the product. Plain native controls, so the
//! keyboard and screen readers work without an ARIA combobox pattern.

use crate::i18n::{fill, t};
use crate::Store;
use tnl_engine::deps::Function;
use yew::prelude::*;

/// At most this many results are shown.
pub const LIMIT: usize = 12;

/// Props of [`ProductSearch`].
#[derive(Properties, PartialEq)]
pub struct Props {
    /// The function the product will serve.
    pub function: Function,
    /// Receives the chosen product's catalogue id.
    pub on_add: Callback<String>,
}

/// The search field and its results.
#[function_component(ProductSearch)]
pub fn product_search(props: &Props) -> Html {
    let store = use_context::<Store>().expect("store");
    let lang = store.lang;
    let s = t(lang);
    let query = use_state(String::new);
    let Some(catalogue) = store.catalog.catalogue() else {
        return html! {};
    };
    let oninput = {
        let query = query.clone();
        Callback::from(move |e: InputEvent| {
            let el: web_sys::HtmlInputElement = e.target_unchecked_into();
            query.set(el.value());
        })
    };
    let function = props.function;
    let matches: Vec<_> = catalogue
        .search(query.trim())
        .filter(|p| p.functions.contains(&function))
        .collect();
    let shown = matches.iter().take(LIMIT);
    let add = |id: String| {
        let on_add = props.on_add.clone();
        Callback::from(move |_| on_add.emit(id.clone()))
    };
    html! {
        <div class="product-search">
            <label for="inv-search">{ s.search_label }</label>
            <input type="search" id="inv-search" value={(*query).clone()} {oninput} aria-describedby="inv-search-hint inv-results-count" autocomplete="off" />
            <p class="hint" id="inv-search-hint">{ s.search_hint }</p>
            <p id="inv-results-count" role="status" class="muted">
                { fill(s.results_count, &[("n", &matches.len().to_string()), ("function", catalogue.label(function).get(lang))]) }
                if matches.len() > LIMIT { { " " }{ fill(s.results_more, &[("n", &LIMIT.to_string())]) } }
            </p>
            <ul class="results" id="inv-results" aria-label={s.results_title}>
                { for shown.map(|p| {
                    let kind = if p.free { s.free_word } else { s.proprietary_word };
                    html! {
                        <li>
                            <button type="button" class="result" onclick={add(p.id.clone())} data-product={p.id.clone()}>
                                { fill(s.add_named, &[("name", &p.name)]) }
                            </button>
                            { " " }<span class="muted">{ format!("{} · {} · {}", p.vendor, kind, p.jurisdiction) }</span>
                        </li>
                    }
                }) }
            </ul>
        </div>
    }
}
