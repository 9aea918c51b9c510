//! A labelled file input that reads the chosen file as text.

use crate::host;
use yew::prelude::*;

/// Props of [`FileImport`].
#[derive(Properties, PartialEq)]
pub struct Props {
    /// Id of the input.
    pub id: AttrValue,
    /// Its label.
    pub label: AttrValue,
    /// Receives `(file name, text)`.
    pub on_file: Callback<(String, String)>,
    /// Id of the element that explains the input (its `aria-describedby`), if any.
    #[prop_or_default]
    pub describedby: Option<AttrValue>,
}

/// A file input for JSON files.
#[function_component(FileImport)]
pub fn file_import(props: &Props) -> Html {
    let onchange = {
        let on_file = props.on_file.clone();
        Callback::from(move |e: Event| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            if let Some(file) = input.files().and_then(|f| f.get(0)) {
                let on_file = on_file.clone();
                host::read_file(file, move |name, text| on_file.emit((name, text)));
            }
            // Lets the same file be chosen again later.
            input.set_value("");
        })
    };
    html! {
        <div class="file-import">
            <label for={props.id.clone()}>{ props.label.clone() }</label>
            <input type="file" id={props.id.clone()} accept=".json,application/json" aria-describedby={props.describedby.clone()} {onchange} />
        </div>
    }
}
