//! Size floor 1: a minimal Yew app (one component, one button, one counter), built with the same
//! profile and steps as the app, to compare with it (`cargo run -p xtask -- size-floor`).

use yew::prelude::*;

#[function_component]
fn Counter() -> Html {
    let n = use_state(|| 0u32);
    let onclick = {
        let n = n.clone();
        move |_| n.set(*n + 1)
    };
    html! { <main><button {onclick}>{ "+1" }</button><p>{ *n }</p></main> }
}

fn main() {
    yew::Renderer::<Counter>::new().render();
}
