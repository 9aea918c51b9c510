//! A list of download buttons, each rendering its file only when clicked: the report, the
//! dependency map, the comparison and the territory table offer the same list.

use crate::exports::Export;
use crate::i18n::t;
use crate::Store;
use yew::prelude::*;

/// Props of [`ExportButtons`].
#[derive(Properties, PartialEq)]
pub struct Props {
    /// Each button's id is this prefix followed by the format (`export-html`…).
    pub id_prefix: AttrValue,
    /// The formats offered, in order: `html`, `odt`, `json`, `csv`, `ods`, `jsonl`, `zip`.
    pub formats: Vec<&'static str>,
    /// Renders the file of a format.
    pub make: Callback<&'static str, Option<Export>>,
    /// More items of the list (other downloads, links).
    #[prop_or_default]
    pub children: Html,
}

/// The buttons.
#[function_component(ExportButtons)]
pub fn export_buttons(p: &Props) -> Html {
    let store = use_context::<Store>().expect("store");
    let s = t(store.lang);
    html! {
        <ul class="buttons">
            { for p.formats.iter().map(|&fmt| {
                let label = match fmt {
                    "html" => s.export_html,
                    "odt" => s.export_odt,
                    "csv" => s.export_csv,
                    "ods" => s.export_ods,
                    "jsonl" => s.export_jsonl,
                    "zip" => s.export_zip,
                    _ => s.export_json,
                };
                let make = p.make.clone();
                let onclick = Callback::from(move |_| {
                    if let Some(e) = make.emit(fmt) {
                        crate::host::download(&e.name, e.mime, &e.bytes);
                    }
                });
                html! { <li><button type="button" id={format!("{}{fmt}", p.id_prefix)} {onclick}>{ label }</button></li> }
            }) }
            { p.children.clone() }
        </ul>
    }
}
