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
    #[prop_or_default]
    pub on_file: Option<Callback<(String, String)>>,
    /// Lets several files be chosen at once (JSON Lines accepted too), all handed here together.
    #[prop_or_default]
    pub on_files: Option<Callback<Vec<(String, String)>>>,
    /// Id of the element that explains the input (its `aria-describedby`), if any.
    #[prop_or_default]
    pub describedby: Option<AttrValue>,
}

/// A file input for JSON files.
#[function_component(FileImport)]
pub fn file_import(props: &Props) -> Html {
    let onchange = {
        let (on_file, on_files) = (props.on_file.clone(), props.on_files.clone());
        Callback::from(move |e: Event| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            let files = input.files();
            if let Some(on_files) = &on_files {
                let chosen: Vec<web_sys::File> = files
                    .map(|f| (0..f.length()).filter_map(|i| f.get(i)).collect())
                    .unwrap_or_default();
                if !chosen.is_empty() {
                    let on_files = on_files.clone();
                    host::read_files(chosen, move |read| on_files.emit(read));
                }
            } else if let (Some(file), Some(on_file)) = (files.and_then(|f| f.get(0)), &on_file) {
                let on_file = on_file.clone();
                host::read_file(file, move |name, text| on_file.emit((name, text)));
            }
            // Lets the same file be chosen again later.
            input.set_value("");
        })
    };
    let multiple = props.on_files.is_some();
    html! {
        <div class="file-import">
            <label for={props.id.clone()}>{ props.label.clone() }</label>
            <input type="file" id={props.id.clone()} accept={if multiple { ".json,.jsonl,.ndjson,application/json" } else { ".json,application/json" }} {multiple}
                aria-describedby={props.describedby.clone()} {onchange} />
        </div>
    }
}
