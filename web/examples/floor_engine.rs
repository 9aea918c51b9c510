//! Size floor 2: the smallest Yew app that does what any tnl page must do, and nothing else: it
//! unpacks and reads the embedded editions (not the software catalogue), reads an answers file pasted by the user, scores it
//! with the engine and shows the estimated tier and each domain's score. No questionnaire, no
//! report, no export, no storage. Built with the same profile and steps as the app
//! (`cargo run -p xtask -- size-floor`), it measures what the chosen stack costs before any screen.

use std::rc::Rc;
use tnl_engine::{evaluate, Answers, Lang};
use tnl_web::editions::Catalog;
use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

#[function_component]
fn Floor() -> Html {
    let catalog = use_memo((), |_| Catalog::embedded_editions());
    let text = use_state(String::new);
    let oninput = {
        let text = text.clone();
        move |e: InputEvent| text.set(e.target_unchecked_into::<HtmlTextAreaElement>().value())
    };
    let result = Answers::from_json(&text, "answers.json")
        .map_err(|e| e.to_string())
        .and_then(|answers| {
            let criteria: Rc<_> = catalog
                .get(&answers.edition)
                .cloned()
                .ok_or_else(|| format!("unknown edition {}", answers.edition))?;
            Ok(evaluate(&criteria, &answers))
        });
    let lang = Lang::Fr;
    let body = match result {
        Err(e) => html! { <p>{ e }</p> },
        Ok(report) => html! {
            <>
                <p>{ report.tier.as_ref().map_or("—", |t| t.title.get(lang)) }{ " · " }{ report.score.per_mille }{ " / 1000" }</p>
                <ul>{ for report.domains.iter().map(|d| html! { <li>{ d.title.get(lang) }{ " : " }{ d.per_mille.map_or(String::from("—"), |n| n.to_string()) }</li> }) }</ul>
                <p>{ report.disclaimer.get(lang) }</p>
            </>
        },
    };
    html! {
        <main>
            <label for="a">{ "Réponses (JSON)" }</label>
            <textarea id="a" {oninput} />
            <p>{ for catalog.ids().map(|id| html! { <span>{ id }{ " " }</span> }) }</p>
            { body }
        </main>
    }
}

fn main() {
    yew::Renderer::<Floor>::new().render();
}
