//! One domain of the questionnaire per page, with a progress indicator.

use crate::components::app::TITLE_ID;
use crate::components::question::QuestionView;
use crate::i18n::{fill, t};
use crate::state::{Action, Screen};
use crate::Store;
use yew::prelude::*;

/// Props of [`Questionnaire`].
#[derive(Properties, PartialEq)]
pub struct Props {
    /// Position of the domain shown.
    pub domain: usize,
}

/// The questions of one domain.
#[function_component(Questionnaire)]
pub fn questionnaire(props: &Props) -> Html {
    let store = use_context::<Store>().expect("store");
    let lang = store.lang;
    let s = t(lang);
    let (Some(criteria), Some(entity)) = (store.criteria(), store.entity()) else {
        return html! {};
    };
    let domains = criteria.domains();
    let n = domains.len();
    let d = props.domain.min(n.saturating_sub(1));
    let Some(domain) = domains.get(d) else { return html! {} };
    let score = &entity.report.domains[d];
    let visible = store.visible_questions(d);
    let go = |screen: Screen| {
        let store = store.clone();
        Callback::from(move |_| store.dispatch(Action::Go(screen)))
    };
    let step_label = fill(s.domain_step, &[("i", &(d + 1).to_string()), ("n", &n.to_string())]);
    html! {
        <>
            <nav class="steps" aria-label={s.nav_questionnaire}>
                <ol>
                    { for domains.iter().enumerate().map(|(i, dom)| {
                        let ds = &entity.report.domains[i];
                        html! {
                            <li>
                                <button type="button" onclick={go(Screen::Domain(i))} aria-current={(i == d).then_some("step")}>
                                    { dom.title.get(lang) }
                                    <span class="step-count">{ format!(" {}/{}", ds.answered, ds.applicable) }</span>
                                </button>
                            </li>
                        }
                    }) }
                </ol>
            </nav>
            <p class="progress-label" id="domain-progress">{ step_label }</p>
            <h1 id={TITLE_ID} tabindex="-1">{ domain.title.get(lang) }</h1>
            if let Some(desc) = &domain.description { <p>{ desc.get(lang) }</p> }
            <p>
                <label for="domain-answered">{ s.completeness }{ format!("{}{} / {}", s.colon, score.answered, score.applicable) }</label>
                <progress id="domain-answered" max={score.applicable.max(1).to_string()} value={score.answered.to_string()}></progress>
            </p>
            if visible.is_empty() { <p>{ s.no_question }</p> }
            <ol class="questions">
                { for visible.iter().map(|&q| html! { <li key={criteria.questions()[q].id.clone()}><QuestionView index={q} /></li> }) }
            </ol>
            <div class="pager">
                if d > 0 { <button type="button" onclick={go(Screen::Domain(d - 1))}>{ s.previous }</button> }
                if d + 1 < n {
                    <button type="button" class="primary" id="next-domain" onclick={go(Screen::Domain(d + 1))}>{ s.next }</button>
                } else {
                    <button type="button" class="primary" id="to-report" onclick={go(Screen::Report)}>{ s.to_report }</button>
                }
            </div>
        </>
    }
}
