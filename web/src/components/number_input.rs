//! A number field that never turns what the browser cannot read into an empty answer.
//!
//! When the text typed is not a number the browser can read (a space between digit groups in
//! some browsers, a stray letter, `5000e`), the browser reports the field's value as empty. Taken
//! as is, that would clear the saved number while the field still shows the text. Here such text
//! changes nothing: the field says, in words, that it holds no number, until it does.

use crate::i18n::t;
use crate::Store;
use yew::prelude::*;

/// Props of [`NumberInput`].
#[derive(Properties, PartialEq)]
pub struct Props {
    /// Id of the input.
    pub id: AttrValue,
    /// The number saved, as text (empty for none).
    pub value: AttrValue,
    /// Receives the text of each readable change (empty when the field is emptied).
    pub on_value: Callback<String>,
    /// Sends each keystroke (`input` event) rather than each committed change (`change`).
    #[prop_or_default]
    pub live: bool,
    /// Smallest value.
    #[prop_or_default]
    pub min: Option<AttrValue>,
    /// Largest value.
    #[prop_or_default]
    pub max: Option<AttrValue>,
    /// `step` attribute (`any` for decimals).
    #[prop_or(AttrValue::Static("any"))]
    pub step: AttrValue,
    /// `inputmode` attribute.
    #[prop_or(AttrValue::Static("decimal"))]
    pub inputmode: AttrValue,
    /// Its accessible name, when it has no `<label for>`.
    #[prop_or_default]
    pub aria_label: Option<AttrValue>,
    /// Ids of the elements that name it, when it has no `<label for>`.
    #[prop_or_default]
    pub aria_labelledby: Option<AttrValue>,
    /// Ids of the elements that describe it.
    #[prop_or_default]
    pub aria_describedby: Option<AttrValue>,
    /// Class of the input.
    #[prop_or_default]
    pub class: Classes,
    /// Disabled.
    #[prop_or_default]
    pub disabled: bool,
}

/// The number field.
#[function_component(NumberInput)]
pub fn number_input(props: &Props) -> Html {
    let store = use_context::<Store>().expect("store");
    let s = t(store.lang);
    // The saved number the field held when its text stopped being one. The message stands while
    // that is still the number saved here: a new one (typed, or another inventory line moved
    // into this field's place) means the field holds a number again.
    let unreadable_over = use_state_eq(|| None::<AttrValue>);
    let unreadable = unreadable_over.as_ref() == Some(&props.value);
    let handle = {
        let (over, on_value, value) = (unreadable_over.clone(), props.on_value.clone(), props.value.clone());
        move |el: web_sys::HtmlInputElement| {
            let bad = el.validity().bad_input();
            over.set(bad.then(|| value.clone()));
            if !bad {
                on_value.emit(el.value());
            }
        }
    };
    let (oninput, onchange) = if props.live {
        let handle = handle.clone();
        (Some(Callback::from(move |e: InputEvent| handle(e.target_unchecked_into()))), None)
    } else {
        (None, Some(Callback::from(move |e: Event| handle(e.target_unchecked_into()))))
    };
    let error_id = format!("{}-unreadable", props.id);
    let describedby = match (&props.aria_describedby, unreadable) {
        (Some(d), true) => Some(AttrValue::from(format!("{d} {error_id}"))),
        (None, true) => Some(AttrValue::from(error_id.clone())),
        (d, false) => d.clone(),
    };
    html! {
        <>
            <input type="number" id={props.id.clone()} value={props.value.clone()} min={props.min.clone()} max={props.max.clone()} step={props.step.clone()}
                inputmode={props.inputmode.clone()} aria-label={props.aria_label.clone()} aria-labelledby={props.aria_labelledby.clone()}
                aria-describedby={describedby} aria-invalid={unreadable.then_some("true")} class={props.class.clone()} disabled={props.disabled} {oninput} {onchange} />
            if unreadable {
                <span id={error_id} class="field-error">{ s.number_unreadable }</span>
            }
        </>
    }
}
