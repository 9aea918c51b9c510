//! The current entity's software inventory: add products by searching the catalogue or by hand,
//! edit seats, share, cost, contract end and hosting of each line, import and export the file.

use crate::components::app::TITLE_ID;
use crate::components::file_import::FileImport;
use crate::components::number_input::NumberInput;
use crate::components::product_search::ProductSearch;
use crate::exports;
use crate::host;
use crate::i18n::{fill, t};
use crate::state::{Action, Id, InvEdit, Screen};
use crate::Store;
use std::collections::BTreeMap;
use tnl_engine::deps::{Function, Hosting, ItemView};
use yew::prelude::*;

/// Props of [`InventoryView`] (none).
#[derive(Properties, PartialEq)]
pub struct Props {}

fn value_of(e: &Event) -> String {
    if let Some(el) = e.target_dyn_into::<web_sys::HtmlInputElement>() {
        el.value()
    } else if let Some(el) = e.target_dyn_into::<web_sys::HtmlSelectElement>() {
        el.value()
    } else {
        String::new()
    }
}

fn hosting_code(h: Option<Hosting>) -> &'static str {
    match h {
        None => "",
        Some(Hosting::OnPremises) => "on_premises",
        Some(Hosting::FrEuHost) => "fr_eu_host",
        Some(Hosting::ExtraEuCloud) => "extra_eu_cloud",
    }
}

/// The inventory screen.
#[function_component(InventoryView)]
pub fn inventory_view(_: &Props) -> Html {
    let store = use_context::<Store>().expect("store");
    let lang = store.lang;
    let s = t(lang);
    let function = use_state(|| Function::WorkstationOs);
    let other_name = use_state(String::new);
    let other_vendor = use_state(String::new);
    let other_free = use_state(String::new);
    let other_country = use_state(String::new);

    // The line just added, or put back by « Annuler », takes the focus on its seats field, so
    // that a keyboard user goes on typing. A removed line gives it to the Remove button of the
    // line shown after it (else before it, else to the choice of function). Lines and their
    // fields are named by the lines' ids, so neither can point at another line.
    let lines = store.entity().map_or(0, |e| e.inventory.items.len());
    let before = use_mut_ref(|| lines);
    let after_remove = use_mut_ref(|| None::<String>);
    {
        let after_remove = after_remove.clone();
        use_effect_with((store.new_line, lines), move |&(new_line, n)| {
            let shrank = n < std::mem::replace(&mut *before.borrow_mut(), n);
            if let Some(id) = new_line {
                host::focus(&format!("seats-{}", id.0));
            } else if let (true, Some(target)) = (shrank, after_remove.borrow_mut().take()) {
                host::focus(&target);
            }
        });
    }

    let Some(entity) = store.entity() else { return html! {} };
    let report = store.dependency_report();
    let views: BTreeMap<u32, ItemView> = tnl_engine::sort::collect_map(
        report
            .iter()
            .flat_map(|r| r.functions.iter().flat_map(|f| f.items.iter().cloned()))
            .map(|i| (i.index, i)),
    );
    let name = if entity.answers.profile.name.is_empty() {
        s.unnamed.to_owned()
    } else {
        entity.answers.profile.name.clone()
    };

    let inv = |make: fn(Id, String) -> InvEdit, id: Id| {
        let store = store.clone();
        Callback::from(move |e: Event| store.dispatch(Action::Inventory(make(id, value_of(&e)), host::now())))
    };
    let inv_number = |make: fn(Id, String) -> InvEdit, id: Id| {
        let store = store.clone();
        Callback::from(move |text: String| store.dispatch(Action::Inventory(make(id, text), host::now())))
    };
    let on_function = {
        let function = function.clone();
        Callback::from(move |e: Event| {
            if let Some(f) = Function::parse(&value_of(&e)) {
                function.set(f);
            }
        })
    };
    let on_add = {
        let (store, function) = (store.clone(), function.clone());
        Callback::from(move |product: String| {
            store.dispatch(Action::Inventory(
                InvEdit::AddProduct {
                    function: *function,
                    product,
                },
                host::now(),
            ))
        })
    };
    let text_state = |st: &UseStateHandle<String>| {
        let st = st.clone();
        Callback::from(move |e: Event| st.set(value_of(&e)))
    };
    let add_other = {
        let (store, function) = (store.clone(), function.clone());
        let (n, v, f, c) = (
            other_name.clone(),
            other_vendor.clone(),
            other_free.clone(),
            other_country.clone(),
        );
        Callback::from(move |_| {
            if n.trim().is_empty() {
                host::focus("other-name");
                return;
            }
            let free = match f.as_str() {
                "yes" => Some(true),
                "no" => Some(false),
                _ => None,
            };
            store.dispatch(Action::Inventory(
                InvEdit::AddOther {
                    function: *function,
                    name: (*n).clone(),
                    vendor: (*v).clone(),
                    free,
                    jurisdiction: (*c).clone(),
                },
                host::now(),
            ));
            n.set(String::new());
            v.set(String::new());
            c.set(String::new());
        })
    };
    let import = {
        let store = store.clone();
        Callback::from(move |(file, text): (String, String)| store.dispatch(Action::ImportInventory { file, text }))
    };
    let export = store.inventory_file().map(|i| exports::inventory(&i));
    let download = export.map(|e| Callback::from(move |_| host::download(&e.name, e.mime, &e.bytes)));
    let to_deps = {
        let store = store.clone();
        Callback::from(move |_| store.dispatch(Action::Go(Screen::Dependencies)))
    };

    // Lines grouped by function, in the catalogue's function order. Each keeps its position in
    // the file, by which the engine's report names it, and its id, by which the page does.
    let items = &entity.inventory.items;
    let ids: Vec<Id> = entity.lines().map(|(id, _)| id).collect();
    let mut order: Vec<usize> = (0..items.len()).collect();
    tnl_engine::sort::sort_by_key(&mut order, |&i| {
        items[i]
            .function
            .and_then(|f| Function::ALL.iter().position(|g| *g == f))
            .unwrap_or(Function::ALL.len())
    });
    let functions_used = {
        let mut fs: Vec<Function> = items.iter().filter_map(|i| i.function).collect();
        tnl_engine::sort::sort(&mut fs);
        fs.dedup();
        fs.len()
    };

    html! {
        <>
            <h1 id={TITLE_ID} tabindex="-1">{ s.inventory_title }{ " — " }{ name }</h1>
            <p>{ s.inventory_intro }</p>
            if let Some(err) = store.catalog.catalogue_error() {
                <div class="notice notice-error" role="alert"><p>{ s.catalogue_error }</p><pre class="detail">{ err }</pre></div>
            }
            <section aria-labelledby="add-line-title" class="card">
                <h2 id="add-line-title">{ s.add_line_title }</h2>
                <label for="inv-function">{ s.function_label }</label>
                <select id="inv-function" onchange={on_function}>
                    { for Function::ALL.iter().map(|f| html! {
                        <option value={f.as_str()} selected={*f == *function}>{ store.catalog.function_label(*f, lang).to_owned() }</option>
                    }) }
                </select>
                <ProductSearch function={*function} on_add={on_add} />
                <details class="other-product">
                    <summary>{ s.other_product_title }</summary>
                    <div class="field"><label for="other-name">{ s.other_name }</label>
                        <input type="text" id="other-name" value={(*other_name).clone()} onchange={text_state(&other_name)} /></div>
                    <div class="field"><label for="other-vendor">{ s.other_vendor }</label>
                        <input type="text" id="other-vendor" value={(*other_vendor).clone()} onchange={text_state(&other_vendor)} /></div>
                    <div class="field"><label for="other-free">{ s.other_free }</label>
                        <select id="other-free" onchange={text_state(&other_free)}>
                            <option value="" selected={other_free.is_empty()}>{ s.unknown_word }</option>
                            <option value="yes" selected={*other_free == "yes"}>{ s.yes }</option>
                            <option value="no" selected={*other_free == "no"}>{ s.no }</option>
                        </select></div>
                    <div class="field"><label for="other-country">{ s.other_country }</label>
                        <input type="text" id="other-country" maxlength="2" size="3" autocomplete="off" value={(*other_country).clone()} onchange={text_state(&other_country)} /></div>
                    <button type="button" id="add-other" onclick={add_other}>{ s.add_other }</button>
                </details>
            </section>

            <section aria-labelledby="lines-title">
                <h2 id="lines-title">{ s.lines_title }</h2>
                if items.is_empty() {
                    <p>{ s.no_lines }</p>
                } else {
                    <p class="muted" id="lines-count">{ fill(s.lines_count, &[("n", &items.len().to_string()), ("f", &functions_used.to_string())]) }</p>
                    <div class="table-wrap" tabindex="0" role="region" aria-labelledby="lines-title">
                    <table class="data inventory" id="inventory-table">
                        <caption>{ s.lines_title }</caption>
                        <thead><tr>
                            <th scope="col">{ s.col_function }</th>
                            <th scope="col">{ s.col_product }</th>
                            <th scope="col">{ s.col_seats }</th>
                            <th scope="col">{ s.col_share }</th>
                            <th scope="col">{ s.col_cost }</th>
                            <th scope="col">{ s.col_end }<br /><span class="muted">{ s.col_end_hint }</span></th>
                            <th scope="col">{ s.col_hosting }</th>
                            <th scope="col">{ s.col_actions }</th>
                        </tr></thead>
                        <tbody>
                            { for order.iter().map(|&i| {
                                let (id, item) = (ids[i], &items[i]);
                                let view = views.get(&(i as u32));
                                let pname = view.map(|v| v.name.clone()).or_else(|| item.name.clone()).or_else(|| item.product.clone()).unwrap_or_else(|| "?".into());
                                let detail = view.map(|v| format!("{} · {}{}", v.vendor, if v.free { s.free_word } else { s.proprietary_word },
                                    v.jurisdiction.as_ref().map(|j| format!(" · {j}")).unwrap_or_default()));
                                let fname = item.function.map(|f| store.catalog.function_label(f, lang).to_owned()).unwrap_or_default();
                                let label = |col: &str| format!("{col} — {pname} ({fname})");
                                let remove = {
                                    let (store, after_remove) = (store.clone(), after_remove.clone());
                                    // The line shown next, else the one before.
                                    let p = order.iter().position(|&j| j == i).unwrap_or(0);
                                    let next = order.get(p + 1).or_else(|| p.checked_sub(1).and_then(|q| order.get(q)));
                                    let target = next.map_or_else(|| "inv-function".to_owned(), |&j| format!("remove-{}", ids[j].0));
                                    Callback::from(move |_| {
                                        *after_remove.borrow_mut() = Some(target.clone());
                                        store.dispatch(Action::Inventory(InvEdit::Remove(id), host::now()))
                                    })
                                };
                                let hosting = {
                                    let store = store.clone();
                                    Callback::from(move |e: Event| {
                                        let h = match value_of(&e).as_str() {
                                            "on_premises" => Some(Hosting::OnPremises),
                                            "fr_eu_host" => Some(Hosting::FrEuHost),
                                            "extra_eu_cloud" => Some(Hosting::ExtraEuCloud),
                                            _ => None,
                                        };
                                        store.dispatch(Action::Inventory(InvEdit::Hosting(id, h), host::now()))
                                    })
                                };
                                let current = hosting_code(item.hosting);
                                html! {
                                    <tr key={id.0.to_string()} data-line={id.0.to_string()}>
                                        <td>{ fname.clone() }</td>
                                        <th scope="row">{ pname.clone() }if let Some(d) = detail { <br /><span class="muted">{ d }</span> }</th>
                                        <td><NumberInput id={format!("seats-{}", id.0)} whole=true class="num" aria_label={Some(AttrValue::from(label(s.col_seats)))}
                                            value={item.seats.map(|x| x.to_string()).unwrap_or_default()} on_value={inv_number(InvEdit::Seats, id)} /></td>
                                        <td><NumberInput id={format!("share-{}", id.0)} nonnegative=true class="num" aria_label={Some(AttrValue::from(label(s.col_share)))}
                                            value={item.share.map(tnl_engine::text::number).unwrap_or_default()} on_value={inv_number(InvEdit::Share, id)} /></td>
                                        <td><NumberInput id={format!("cost-{}", id.0)} nonnegative=true class="num" aria_label={Some(AttrValue::from(label(s.col_cost)))}
                                            value={item.yearly_cost.map(tnl_engine::text::number).unwrap_or_default()} on_value={inv_number(InvEdit::Cost, id)} /></td>
                                        <td><input type="text" id={format!("end-{}", id.0)} size="10" aria-label={format!("{} ({})", label(s.col_end), s.col_end_hint)}
                                            value={item.contract_end.clone().unwrap_or_default()} onchange={inv(InvEdit::ContractEnd, id)} /></td>
                                        <td><select id={format!("hosting-{}", id.0)} aria-label={label(s.col_hosting)} onchange={hosting}>
                                            { for [("", s.hosting_none), ("on_premises", s.hosting_on_premises), ("fr_eu_host", s.hosting_fr_eu), ("extra_eu_cloud", s.hosting_extra_eu)].into_iter().map(|(code, text)| html! {
                                                <option value={code} selected={code == current}>{ text }</option>
                                            }) }
                                        </select></td>
                                        <td><button type="button" id={format!("remove-{}", id.0)} onclick={remove} aria-label={format!("{}{}{pname} ({fname})", s.remove_line, s.colon)}>{ s.remove_line }</button></td>
                                    </tr>
                                }
                            }) }
                        </tbody>
                    </table>
                    </div>
                }
            </section>

            <section aria-labelledby="inv-files-title" class="card no-print">
                <h2 id="inv-files-title">{ s.export_inventory }</h2>
                <p class="muted">{ s.inventory_file_hint }</p>
                <p><button type="button" id="export-inventory" onclick={download}>{ s.export_inventory }</button></p>
                <FileImport id="import-inventory" label={s.import_inventory} on_file={Some(import)} />
            </section>
            <p><button type="button" class="primary" id="to-dependencies" onclick={to_deps}>{ s.to_dependencies }</button></p>
        </>
    }
}
