//! A textarea that hands over what is typed as it is typed, so that nothing waits for the field
//! to be left before it is saved, and that keeps showing it as typed (trailing blank lines and
//! spaces included) while the store holds its tidied form.

use yew::prelude::*;

/// How the store tidies the text, so that the field can tell its draft from a change made
/// elsewhere (another tab, an import).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shape {
    /// One text; blank means nothing.
    Text,
    /// One item per line, each trimmed, blank lines dropped.
    Lines,
}

impl Shape {
    /// The text as the store keeps it.
    pub fn tidy(self, text: &str) -> String {
        match self {
            Shape::Text if text.trim().is_empty() => String::new(),
            Shape::Text => text.to_owned(),
            Shape::Lines => text
                .lines()
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .collect::<Vec<_>>()
                .join("\n"),
        }
    }
}

/// Props of [`DraftArea`].
#[derive(Properties, PartialEq)]
pub struct Props {
    /// The element id.
    pub id: AttrValue,
    /// The text the store holds, tidied by `shape`.
    pub value: String,
    /// How the store tidies it.
    pub shape: Shape,
    /// Receives the text on every key.
    pub on_text: Callback<String>,
    /// Visible lines.
    pub rows: u32,
    /// `aria-labelledby`.
    #[prop_or_default]
    pub aria_labelledby: Option<AttrValue>,
    /// `aria-describedby`.
    #[prop_or_default]
    pub aria_describedby: Option<AttrValue>,
    /// Disabled.
    #[prop_or_default]
    pub disabled: bool,
    /// Required.
    #[prop_or_default]
    pub required: bool,
}

/// The textarea.
#[function_component(DraftArea)]
pub fn draft_area(p: &Props) -> Html {
    let draft = use_state(|| None::<String>);
    // The draft while the store holds its tidied form; the store's text once it holds another.
    let shown = match &*draft {
        Some(d) if p.shape.tidy(d) == p.value => d.clone(),
        _ => p.value.clone(),
    };
    let oninput = {
        let (draft, on_text) = (draft.clone(), p.on_text.clone());
        Callback::from(move |e: InputEvent| {
            let text = e.target_unchecked_into::<web_sys::HtmlTextAreaElement>().value();
            draft.set(Some(text.clone()));
            on_text.emit(text);
        })
    };
    html! {
        <textarea id={p.id.clone()} rows={p.rows.to_string()} aria-labelledby={p.aria_labelledby.clone()}
            aria-describedby={p.aria_describedby.clone()} disabled={p.disabled} required={p.required}
            value={shown} {oninput} />
    }
}
