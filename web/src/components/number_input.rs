//! A number field that reads numbers as people write them, and never turns what it cannot read
//! into an empty answer.
//!
//! It is a text field (`inputmode` gives phones their number keyboard) read by the app's own
//! readers, [`parse_decimal`] and [`parse_count`], so that "5 000", "12,5" and "12.5" mean the
//! same in every browser. A browser's own number field does not: Firefox reads "5 000" as no
//! number at all, and reports the field as empty. Text that is no number changes nothing here:
//! the field says, in words, that it holds no number, until it does.

use crate::i18n::t;
use crate::state::{parse_count, parse_decimal};
use crate::Store;
use tnl_engine::Lang;
use yew::prelude::*;

/// Props of [`NumberInput`].
#[derive(Properties, PartialEq)]
pub struct Props {
    /// Id of the input.
    pub id: AttrValue,
    /// The number saved, as the engine writes it (`12.5`; empty for none).
    pub value: AttrValue,
    /// Receives the text of each readable change (empty when the field is emptied).
    pub on_value: Callback<String>,
    /// Sends each keystroke (`input` event) rather than each committed change (`change`).
    #[prop_or_default]
    pub live: bool,
    /// A count (people, seats): digits only, in groups or not; otherwise any decimal number.
    #[prop_or_default]
    pub whole: bool,
    /// A decimal number that cannot be negative (a share, a cost): "-5" is then refused, and
    /// said so, rather than cleared by the owner.
    #[prop_or_default]
    pub nonnegative: bool,
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
    /// The number saved is refused by the engine (its message is among `aria_describedby`).
    #[prop_or_default]
    pub invalid: bool,
}

/// What was last typed in the field, and the number saved when it was typed.
#[derive(Clone, PartialEq)]
struct Typed {
    text: String,
    over: AttrValue,
}

/// The number a text stands for: `Some(None)` for an empty field, `None` for no number (or a
/// negative one where `nonnegative`).
fn read(text: &str, whole: bool, nonnegative: bool) -> Option<Option<f64>> {
    if text.trim().is_empty() {
        Some(None)
    } else if whole {
        parse_count(text).map(|n| Some(n as f64))
    } else {
        parse_decimal(text).filter(|x| !nonnegative || *x >= 0.0).map(Some)
    }
}

/// The saved number as the field shows it: with a decimal comma in French.
fn shown(value: &str, lang: Lang) -> String {
    match lang {
        Lang::Fr => value.replace('.', ","),
        Lang::En => value.to_owned(),
    }
}

/// The number field.
#[function_component(NumberInput)]
pub fn number_input(props: &Props) -> Html {
    let store = use_context::<Store>().expect("store");
    let s = t(store.lang);
    let typed = use_state_eq(|| None::<Typed>);
    // The text typed stays in the field while it stands for the number saved ("5 000" for 5000),
    // or, when it is no number, while the number saved is still the one it was typed over. Any
    // other saved number (an undo, an import, another tab, another inventory line moved into
    // this field's place) replaces it.
    let (text, unreadable) = match typed.as_ref() {
        Some(t) => match read(&t.text, props.whole, props.nonnegative) {
            Some(n) if Some(n) == read(&props.value, false, false) => (t.text.clone(), false),
            None if t.over == props.value => (t.text.clone(), true),
            _ => (shown(&props.value, store.lang), false),
        },
        None => (shown(&props.value, store.lang), false),
    };
    let handle = {
        let (typed, on_value, value, whole, nonnegative) = (
            typed.clone(),
            props.on_value.clone(),
            props.value.clone(),
            props.whole,
            props.nonnegative,
        );
        move |el: web_sys::HtmlInputElement| {
            let text = el.value();
            let readable = read(&text, whole, nonnegative).is_some();
            typed.set(Some(Typed {
                text: text.clone(),
                over: value.clone(),
            }));
            if readable {
                on_value.emit(text);
            }
        }
    };
    let (oninput, onchange) = if props.live {
        let handle = handle.clone();
        (
            Some(Callback::from(move |e: InputEvent| handle(e.target_unchecked_into()))),
            None,
        )
    } else {
        (
            None,
            Some(Callback::from(move |e: Event| handle(e.target_unchecked_into()))),
        )
    };
    let error_id = format!("{}-unreadable", props.id);
    let describedby = match (&props.aria_describedby, unreadable) {
        (Some(d), true) => Some(AttrValue::from(format!("{d} {error_id}"))),
        (None, true) => Some(AttrValue::from(error_id.clone())),
        (d, false) => d.clone(),
    };
    let inputmode = if props.whole { "numeric" } else { "decimal" };
    let message = if props.whole {
        s.count_unreadable
    } else if props.nonnegative && parse_decimal(&text).is_some() {
        s.negative_unreadable
    } else {
        s.number_unreadable
    };
    html! {
        <>
            <input type="text" id={props.id.clone()} value={text} {inputmode} autocomplete="off" spellcheck="false"
                aria-label={props.aria_label.clone()} aria-labelledby={props.aria_labelledby.clone()}
                aria-describedby={describedby} aria-invalid={(unreadable || props.invalid).then_some("true")} class={props.class.clone()} disabled={props.disabled} {oninput} {onchange} />
            // A live region, there before its message, so that the message is heard as it comes
            // while the focus stays in the field (WCAG 4.1.3).
            <span aria-live="polite">
                if unreadable {
                    <span id={error_id} class="field-error">{ message }</span>
                }
            </span>
        </>
    }
}
