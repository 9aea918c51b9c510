//! One question: its input, help and references folded, "not applicable" and evidence.

use crate::components::draft_area::{DraftArea, Shape};
use crate::components::number_input::NumberInput;
use crate::host;
use crate::i18n::t;
use crate::state::{Action, Edit};
use crate::Store;
use serde_json::Value;
use tnl_engine::criteria::QuestionKind;
use yew::prelude::*;

/// Props of [`QuestionView`].
#[derive(Properties, PartialEq)]
pub struct Props {
    /// Position of the question in the edition.
    pub index: usize,
}

/// A number as JSON: an integer when it is one, so that files stay as people write them.
fn number_value(text: &str) -> Option<Value> {
    let x = crate::state::parse_decimal(text)?;
    if x.fract() == 0.0 && x.abs() < 9.0e15 {
        Some(Value::from(x as i64))
    } else {
        serde_json::Number::from_f64(x).map(Value::Number)
    }
}

/// One question.
#[function_component(QuestionView)]
pub fn question_view(props: &Props) -> Html {
    let store = use_context::<Store>().expect("store");
    let lang = store.lang;
    let s = t(lang);
    let (Some(criteria), Some(entity)) = (store.criteria(), store.entity()) else {
        return html! {};
    };
    let Some(q) = criteria.questions().get(props.index) else {
        return html! {};
    };
    let answer = entity.answers.answers.get(&q.id);
    let value = answer.and_then(|a| a.value.clone());
    let na = answer.is_some_and(|a| a.not_applicable);
    let justification = answer.and_then(|a| a.justification.clone()).unwrap_or_default();
    let base = format!("q{}", props.index);
    let title_id = format!("{base}-title");
    // What the engine says of this answer (a number out of its range, an option the edition does
    // not have…), under the field and tied to it: the answer is left out of the score until fixed.
    // The engine's messages start with the question id, which says nothing more here.
    let (id_fr, id_en) = (format!("« {} » : ", q.id), format!("\"{}\": ", q.id));
    let problems: Vec<String> = entity
        .report
        .diagnostics
        .iter()
        .filter(|d| d.question.as_deref() == Some(q.id.as_str()))
        .map(|d| {
            let m = d.message.get(lang);
            let mut m = m
                .strip_prefix(&id_fr)
                .or_else(|| m.strip_prefix(&id_en))
                .unwrap_or(m)
                .to_owned();
            // (ASCII only: the engine's messages start so, and Unicode's case tables weigh 6 KB.)
            if let Some(first) = m.get_mut(..1) {
                first.make_ascii_uppercase();
            }
            m
        })
        .collect();
    let problem_id = format!("{base}-problem");
    let described = (!problems.is_empty()).then(|| AttrValue::from(problem_id.clone()));

    let set = {
        let (store, id) = (store.clone(), q.id.clone());
        move |value: Option<Value>| {
            store.dispatch(Action::Edit(
                Edit::Value {
                    question: id.clone(),
                    value,
                },
                host::now(),
            ))
        }
    };
    let choose = |v: Value| {
        let set = set.clone();
        Callback::from(move |_: Event| set(Some(v.clone())))
    };
    let radio = |id: String, label: String, v: Value, checked: bool| {
        html! {
            <div class="choice">
                <input type="radio" id={id.clone()} name={base.clone()} checked={checked} disabled={na} onchange={choose(v)} />
                <label for={id}>{ label }</label>
            </div>
        }
    };
    let input = match q.kind {
        QuestionKind::YesNo => html! {
            <div class="choices" role="radiogroup" aria-labelledby={title_id.clone()} aria-describedby={described.clone()}>
                { radio(format!("{base}-yes"), s.yes.into(), Value::Bool(true), value == Some(Value::Bool(true))) }
                { radio(format!("{base}-no"), s.no.into(), Value::Bool(false), value == Some(Value::Bool(false))) }
            </div>
        },
        QuestionKind::SingleChoice => html! {
            <div class="choices" role="radiogroup" aria-labelledby={title_id.clone()} aria-describedby={described.clone()}>
                { for q.options.iter().map(|o| {
                    let checked = value.as_ref().and_then(Value::as_str) == Some(o.id.as_str());
                    radio(format!("{base}-{}", o.id), o.label.get(lang).into(), Value::String(o.id.clone()), checked)
                }) }
            </div>
        },
        QuestionKind::MultipleChoice => {
            let chosen: Vec<String> = value
                .as_ref()
                .and_then(Value::as_array)
                .map(|a| a.iter().filter_map(|v| v.as_str().map(str::to_owned)).collect())
                .unwrap_or_default();
            html! {
                <div class="choices" role="group" aria-labelledby={title_id.clone()} aria-describedby={described.clone()}>
                    { for q.options.iter().map(|o| {
                        let id = format!("{base}-{}", o.id);
                        let checked = chosen.contains(&o.id);
                        let onchange = {
                            let (set, chosen, options, oid, exclusive) = (set.clone(), chosen.clone(), q.options.clone(), o.id.clone(), o.exclusive);
                            Callback::from(move |e: Event| {
                                let on = e.target_unchecked_into::<web_sys::HtmlInputElement>().checked();
                                // "None of these" excludes the others, and the others exclude it.
                                let next: Vec<Value> = options.iter().filter(|x| {
                                    if x.id == oid { on }
                                    else if on && (exclusive || x.exclusive) { false }
                                    else { chosen.contains(&x.id) }
                                }).map(|x| Value::String(x.id.clone())).collect();
                                set(if next.is_empty() { None } else { Some(Value::Array(next)) });
                            })
                        };
                        html! {
                            <div class="choice">
                                <input type="checkbox" id={id.clone()} checked={checked} disabled={na} {onchange} />
                                <label for={id}>{ o.label.get(lang) }</label>
                            </div>
                        }
                    }) }
                </div>
            }
        }
        QuestionKind::Number | QuestionKind::Percentage => {
            let id = format!("{base}-value");
            let unit = match q.kind {
                QuestionKind::Percentage => Some("%".to_owned()),
                _ => q.unit.as_ref().map(|u| u.get(lang).to_owned()),
            };
            let on_value = {
                let set = set.clone();
                Callback::from(move |text: String| set(number_value(&text)))
            };
            html! {
                <div class="number">
                    <NumberInput id={id} aria_labelledby={Some(AttrValue::from(format!("{title_id} {base}-unit")))} live=true aria_describedby={described.clone()} invalid={described.is_some()}
                        value={value.as_ref().map(|v| v.to_string()).unwrap_or_default()} disabled={na} {on_value} />
                    <span id={format!("{base}-unit")} class="unit">{ unit.unwrap_or_default() }</span>
                </div>
            }
        }
        QuestionKind::Text => {
            let on_text = {
                let set = set.clone();
                Callback::from(move |v: String| {
                    set(Some(Value::String(v)).filter(|v| v.as_str().is_some_and(|s| !s.trim().is_empty())))
                })
            };
            html! {
                <DraftArea id={format!("{base}-value")} aria_labelledby={Some(AttrValue::from(title_id.clone()))} aria_describedby={described.clone()} rows={3} disabled={na}
                    shape={Shape::Text} value={value.as_ref().and_then(Value::as_str).unwrap_or_default().to_owned()} {on_text} />
            }
        }
        QuestionKind::List => {
            let text = value
                .as_ref()
                .and_then(Value::as_array)
                .map(|a| a.iter().filter_map(Value::as_str).collect::<Vec<_>>().join("\n"))
                .unwrap_or_default();
            let on_text = {
                let set = set.clone();
                Callback::from(move |v: String| {
                    let items: Vec<Value> = v
                        .lines()
                        .map(str::trim)
                        .filter(|l| !l.is_empty())
                        .map(|l| Value::String(l.to_owned()))
                        .collect();
                    set(if items.is_empty() {
                        None
                    } else {
                        Some(Value::Array(items))
                    })
                })
            };
            html! {
                <>
                    <DraftArea id={format!("{base}-value")} aria_labelledby={Some(AttrValue::from(title_id.clone()))} aria_describedby={Some(AttrValue::from(described.as_ref().map_or_else(|| format!("{base}-list-hint"), |d| format!("{base}-list-hint {d}"))))} rows={4}
                        disabled={na} shape={Shape::Lines} value={text} {on_text} />
                    <p id={format!("{base}-list-hint")} class="hint">{ s.list_hint }</p>
                </>
            }
        }
    };
    let clear = {
        let set = set.clone();
        Callback::from(move |_| set(None))
    };
    let on_na = {
        let (store, id) = (store.clone(), q.id.clone());
        Callback::from(move |e: Event| {
            let on = e.target_unchecked_into::<web_sys::HtmlInputElement>().checked();
            store.dispatch(Action::Edit(
                Edit::NotApplicable {
                    question: id.clone(),
                    on,
                },
                host::now(),
            ))
        })
    };
    let on_justification = {
        let (store, id) = (store.clone(), q.id.clone());
        Callback::from(move |text: String| {
            store.dispatch(Action::Edit(
                Edit::Justification {
                    question: id.clone(),
                    text,
                },
                host::now(),
            ))
        })
    };
    let has_help = q.help.is_some() || !q.references.is_empty();
    html! {
        <div class="question" id={base.clone()} data-question={q.id.clone()}>
            <p class="question-title" id={title_id.clone()}>{ q.title.get(lang) }</p>
            { input }
            // Heard as it comes while the focus stays in the field (WCAG 4.1.3).
            <div aria-live="polite">
                if !problems.is_empty() {
                    <div id={problem_id}>{ for problems.iter().map(|m| html! { <p class="field-error">{ m }</p> }) }</div>
                }
            </div>
            if value.is_some() {
                <button type="button" class="link" onclick={clear}>{ s.clear_answer }</button>
            }
            if has_help {
                <details>
                    <summary>{ s.help }</summary>
                    if let Some(h) = &q.help { <p>{ h.get(lang) }</p> }
                    if !q.references.is_empty() {
                        <p class="refs-title">{ s.references }</p>
                        <ul>
                            { for q.references.iter().map(|r| match &r.url {
                                Some(url) => html! { <li><a href={url.clone()} rel="noopener noreferrer">{ &r.label }</a></li> },
                                None => html! { <li>{ &r.label }</li> },
                            }) }
                        </ul>
                    }
                </details>
            }
            if q.not_applicable_allowed {
                <div class="choice">
                    <input type="checkbox" id={format!("{base}-na")} checked={na} onchange={on_na} />
                    <label for={format!("{base}-na")}>{ s.not_applicable }</label>
                </div>
            }
            if na {
                <div class="field">
                    <label for={format!("{base}-justification")}>{ s.justification_na }</label>
                    <DraftArea id={format!("{base}-justification")} rows={2} shape={Shape::Text} value={justification.clone()} on_text={on_justification.clone()} required=true />
                </div>
            } else {
                <details class="evidence" open={!justification.is_empty()}>
                    <summary>{ s.evidence }</summary>
                    <div class="field">
                        <label for={format!("{base}-justification")}>{ s.evidence }</label>
                        <DraftArea id={format!("{base}-justification")} rows={2} shape={Shape::Text} value={justification} on_text={on_justification} />
                    </div>
                </details>
            }
        </div>
    }
}
