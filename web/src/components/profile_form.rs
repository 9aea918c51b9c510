//! The profile: who answers, what kind, how big.

use crate::components::app::TITLE_ID;
use crate::components::number_input::NumberInput;
use crate::host;
use crate::i18n::t;
use crate::state::{Action, Edit, Screen};
use crate::Store;
use tnl_engine::Kind;
use yew::prelude::*;

/// Props of [`ProfileForm`] (none).
#[derive(Properties, PartialEq)]
pub struct Props {}

/// The profile screen.
#[function_component(ProfileForm)]
pub fn profile_form(_: &Props) -> Html {
    let store = use_context::<Store>().expect("store");
    let lang = store.lang;
    let s = t(lang);
    let Some(entity) = store.entity() else { return html! {} };
    let p = &entity.answers.profile;
    let edit = |make: fn(String) -> Edit| {
        let store = store.clone();
        Callback::from(move |e: InputEvent| {
            let el: web_sys::HtmlInputElement = e.target_unchecked_into();
            store.dispatch(Action::Edit(make(el.value()), host::now()));
        })
    };
    let on_kind = {
        let store = store.clone();
        Callback::from(move |e: Event| {
            let el: web_sys::HtmlSelectElement = e.target_unchecked_into();
            store.dispatch(Action::Edit(Edit::Kind(Kind::parse(&el.value())), host::now()));
        })
    };
    let go_on = {
        let store = store.clone();
        Callback::from(move |_| store.dispatch(Action::Go(Screen::Domain(0))))
    };
    let num = |v: Option<u64>| v.map(|n| n.to_string()).unwrap_or_default();
    let number_field = |id: &'static str, label: &'static str, value: Option<u64>, make: fn(String) -> Edit| {
        let store = store.clone();
        let on_value = Callback::from(move |text: String| store.dispatch(Action::Edit(make(text), host::now())));
        html! {
            <div class="field">
                <label for={id}>{ label }</label>
                <NumberInput id={id} whole=true value={num(value)} {on_value} live=true
                    aria_describedby={Some(AttrValue::Static("numbers-hint"))} />
            </div>
        }
    };
    html! {
        <>
            <h1 id={TITLE_ID} tabindex="-1">{ s.profile_title }</h1>
            <p>{ s.profile_intro }</p>
            <form class="profile" onsubmit={Callback::from(|e: SubmitEvent| e.prevent_default())}>
                <div class="field">
                    <label for="profile-name">{ s.profile_name }</label>
                    <input type="text" id="profile-name" autocomplete="organization" value={p.name.clone()} oninput={edit(Edit::Name)} />
                </div>
                <div class="field">
                    <label for="profile-kind">{ s.profile_kind }</label>
                    <select id="profile-kind" onchange={on_kind}>
                        <option value="" selected={p.kind.is_none()}>{ s.profile_kind_none }</option>
                        { for Kind::ALL.iter().map(|k| html! {
                            <option value={k.as_str()} selected={p.kind == Some(*k)}>{ k.label().get(lang).to_owned() }</option>
                        }) }
                    </select>
                </div>
                <div class="field">
                    <label for="profile-siren">{ s.profile_siren }</label>
                    <input type="text" id="profile-siren" inputmode="numeric" maxlength="9" value={p.siren.clone().unwrap_or_default()}
                        oninput={edit(Edit::Siren)} aria-describedby="siren-hint" />
                    <p id="siren-hint" class="hint">{ s.profile_siren_hint }</p>
                </div>
                { number_field("profile-population", s.profile_population, p.population, Edit::Population) }
                { number_field("profile-agents", s.profile_agents, p.agents, Edit::Agents) }
                { number_field("profile-workstations", s.profile_workstations, p.workstations, Edit::Workstations) }
                <p id="numbers-hint" class="hint">{ s.profile_numbers_hint }</p>
                <button type="button" class="primary" id="to-questionnaire" onclick={go_on}>{ s.start_questionnaire }</button>
            </form>
        </>
    }
}
