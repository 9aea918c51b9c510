//! The inventory and dependency map in the app's state, natively: adding and editing lines,
//! storage (a version 1 saved state without inventories still loads), import and export in the
//! exact format `tnl deps` reads, the same figures as the engine, and pre-filling of answers.

#![allow(clippy::unwrap_used)] // test helpers: a failed unwrap is a failed test

use serde_json::{json, Value};
use tnl_engine::deps::{dependency_report, Catalogue, DepsOptions, Function, Hosting, Inventory};
use tnl_engine::Lang;
use tnl_web::editions::Catalog;
use tnl_web::exports;
use tnl_web::state::{
    Action, AppState, Edit, Id, InvEdit, Notice, Screen, UnreadableReason, STORAGE_KEY, STORAGE_VERSION,
};

const NOW: &str = "2026-11-29T10:00:00.000Z";
const MINI_CATALOGUE: &str = include_str!("../../tests/fixtures/mini-catalogue.json");
const COMMUNE: &str = include_str!("../../tests/golden/deps/commune-mixte.inventory.json");
const SYNDICAT: &str = include_str!("../../tests/golden/deps/syndicat-libre.inventory.json");

mod common;
use common::mini_with_catalogue as mini;

fn started() -> AppState {
    let mut s = AppState::new(mini());
    s.apply(Action::Start { edition: "mini".into() });
    s.apply(Action::SetToday("2026-11-29".into()));
    s
}

fn inv(s: &mut AppState, e: InvEdit) {
    s.apply(Action::Inventory(e, NOW.into()));
}

/// Changes line `k` of the current entity's inventory (in the file's order), named by its id.
fn edit_line(s: &mut AppState, k: usize, make: fn(Id, String) -> InvEdit, text: &str) {
    let id = s.entity().unwrap().lines().nth(k).unwrap().0;
    inv(s, make(id, text.into()));
}

fn add(s: &mut AppState, function: Function, product: &str) {
    inv(
        s,
        InvEdit::AddProduct {
            function,
            product: product.into(),
        },
    );
}

#[test]
fn the_shipped_catalogue_loads_once_and_lazily() {
    let c = Catalog::embedded();
    assert_eq!(c.catalogue_error(), None);
    let cat = c.catalogue().expect("catalogue");
    assert!(cat.products().len() >= 200, "{} products", cat.products().len());
    assert!(std::ptr::eq(&**cat, &**c.catalogue().unwrap()), "parsed once");
    // Every function has products to pick from.
    for f in Function::ALL {
        assert!(cat.serving(f).next().is_some(), "no product serves {f:?}");
    }
}

#[test]
fn lines_are_added_from_the_catalogue_or_by_hand_edited_and_removed() {
    let mut s = started();
    assert_eq!(s.entity().unwrap().inventory.items.len(), 0);
    add(&mut s, Function::WorkstationOs, "windows");
    assert_eq!(
        s.notice,
        Some(Notice::LineAdded {
            name: "Windows".into(),
            function: Function::WorkstationOs
        })
    );
    edit_line(&mut s, 0, InvEdit::Seats, "70");
    edit_line(&mut s, 0, InvEdit::Cost, "4 200,50");
    edit_line(&mut s, 0, InvEdit::ContractEnd, " 2027-06 ");
    let windows = s.entity().unwrap().lines().next().unwrap().0;
    inv(&mut s, InvEdit::Hosting(windows, Some(Hosting::OnPremises)));
    add(&mut s, Function::WorkstationOs, "ubuntu");
    edit_line(&mut s, 1, InvEdit::Share, "30");
    inv(
        &mut s,
        InvEdit::AddOther {
            function: Function::Gis,
            name: " Cadastre Pro ".into(),
            vendor: "GeoSoft".into(),
            free: Some(false),
            jurisdiction: "fr".into(),
        },
    );
    // Unknown products and blank names add nothing.
    add(&mut s, Function::Gis, "no-such-product");
    inv(
        &mut s,
        InvEdit::AddOther {
            function: Function::Gis,
            name: "  ".into(),
            vendor: String::new(),
            free: None,
            jurisdiction: String::new(),
        },
    );
    let items = &s.entity().unwrap().inventory.items;
    assert_eq!(items.len(), 3);
    assert_eq!(items[0].seats, Some(70));
    assert_eq!(items[0].yearly_cost, Some(4200.5));
    assert_eq!(items[0].contract_end.as_deref(), Some("2027-06"));
    assert_eq!(items[0].hosting, Some(Hosting::OnPremises));
    assert_eq!(items[1].share, Some(30.0));
    assert_eq!(items[2].name.as_deref(), Some("Cadastre Pro"));
    assert_eq!(items[2].jurisdiction.as_deref(), Some("FR"));
    assert_eq!(s.entity().unwrap().inventory.updated_at.as_deref(), Some(NOW));
    // Clearing a field removes it; an edit for a line that is not there changes nothing.
    edit_line(&mut s, 0, InvEdit::Seats, "");
    assert_eq!(s.entity().unwrap().inventory.items[0].seats, None);
    let before = s.entity().unwrap().inventory.clone();
    inv(&mut s, InvEdit::Cost(Id(999), "1".into()));
    inv(&mut s, InvEdit::Remove(Id(999)));
    assert_eq!(s.entity().unwrap().inventory, before);
    let ids: Vec<Id> = s.entity().unwrap().lines().map(|(id, _)| id).collect();
    inv(&mut s, InvEdit::Remove(ids[1]));
    assert_eq!(s.entity().unwrap().inventory.items.len(), 2);
    assert_eq!(
        s.entity().unwrap().inventory.items[1].name.as_deref(),
        Some("Cadastre Pro")
    );
    // Each removal says which line went: by the catalogue's name, or the name typed.
    assert_eq!(
        s.notice,
        Some(Notice::LineRemoved {
            name: "Ubuntu".into(),
            function: Some(Function::WorkstationOs)
        })
    );
    inv(&mut s, InvEdit::Remove(ids[2]));
    assert_eq!(
        s.notice,
        Some(Notice::LineRemoved {
            name: "Cadastre Pro".into(),
            function: Some(Function::Gis)
        })
    );
    // The message belongs to the inventory screen.
    s.apply(Action::Go(Screen::Report));
    assert_eq!(s.notice, None);
}

#[test]
fn each_entity_has_its_own_inventory() {
    let mut s = started();
    add(&mut s, Function::Browser, "firefox");
    s.apply(Action::Start { edition: "mini".into() });
    assert!(s.entity().unwrap().inventory.items.is_empty());
    add(&mut s, Function::Browser, "chrome");
    s.apply(Action::Select(s.entities[0].id));
    assert_eq!(
        s.entity().unwrap().inventory.items[0].product.as_deref(),
        Some("firefox")
    );
}

#[test]
fn the_figures_are_the_engines_for_the_same_file() {
    for text in [COMMUNE, SYNDICAT] {
        let mut s = started();
        s.apply(Action::ImportInventory {
            file: "x.inventory.json".into(),
            text: text.into(),
        });
        assert!(matches!(s.notice, Some(Notice::InventoryImported { .. })));
        assert_eq!(s.screen, Screen::Inventory);
        let file = Inventory::from_json(text, "x").unwrap();
        // The blank entity took the inventory's profile: the same figures as `tnl deps`.
        assert_eq!(s.entity().unwrap().answers.profile, file.profile);
        let cat = Catalogue::from_json(MINI_CATALOGUE, "mini").unwrap();
        let want = dependency_report(
            &cat,
            &file,
            &DepsOptions {
                today: Some("2026-11-29".into()),
            },
        );
        assert_eq!(s.dependency_report().unwrap(), want);
    }
}

#[test]
fn export_then_import_gives_the_same_file_and_figures() {
    let mut s = started();
    s.apply(Action::Edit(Edit::Name("Commune de Boé".into()), NOW.into()));
    s.apply(Action::Edit(Edit::Workstations("100".into()), NOW.into()));
    add(&mut s, Function::WorkstationOs, "windows");
    edit_line(&mut s, 0, InvEdit::Share, "70");
    edit_line(&mut s, 0, InvEdit::Cost, "4200");
    add(&mut s, Function::WorkstationOs, "ubuntu");
    edit_line(&mut s, 1, InvEdit::Share, "30");
    let file = exports::inventory(&s.inventory_file().unwrap());
    assert_eq!(file.name, "commune-de-boe.inventory.json");
    // The file is the inventory format the CLI reads, byte for byte as it would write it back.
    let parsed = Inventory::from_json(file.as_text(), &file.name).unwrap();
    assert_eq!(parsed.to_json_pretty() + "\n", file.as_text());
    assert_eq!(parsed.profile.workstations, Some(100));
    let v: Value = serde_json::from_str(file.as_text()).unwrap();
    assert_eq!(v["kind"], "inventory");
    assert_eq!(
        v["items"][0],
        json!({"function": "workstation_os", "product": "windows", "share": 70.0, "yearly_cost": 4200.0})
    );
    let before = s.dependency_report().unwrap();

    s.apply(Action::ClearAll);
    s.apply(Action::Start { edition: "mini".into() });
    s.apply(Action::ImportInventory {
        file: file.name.clone(),
        text: file.as_text().to_owned(),
    });
    assert_eq!(s.dependency_report().unwrap(), before);
    // Every export of the report comes from the shared renderers.
    let formats = exports::deps_formats(&before, tnl_engine::Lang::Fr);
    let names: Vec<&str> = formats.iter().map(|(f, _)| *f).collect();
    assert_eq!(names, ["html", "odt", "csv", "ods"]);
    assert_eq!(
        formats[0].1.as_text(),
        tnl_engine::render::deps_html(&before, tnl_engine::Lang::Fr)
    );
    assert_eq!(
        formats[1].1.bytes,
        tnl_engine::render::deps_odt(&before, tnl_engine::Lang::Fr)
    );
    assert_eq!(
        (formats[3].1.bytes.as_slice(), formats[3].1.mime),
        (
            tnl_engine::render::deps_ods(&before, tnl_engine::Lang::Fr).as_slice(),
            tnl_engine::render::ODS_MIME
        )
    );
    assert!(formats.iter().all(|(_, e)| e.name.starts_with("commune-de-boe.deps.")));
}

#[test]
fn unusable_inventory_files_are_refused_with_the_reason() {
    let mut s = started();
    add(&mut s, Function::Browser, "firefox");
    s.apply(Action::ImportInventory {
        file: "answers.json".into(),
        text: json!({"format": 1, "edition": "mini", "answers": {}}).to_string(),
    });
    // Said for what it is, and where it goes (issue 17), rather than with the engine's words.
    assert!(matches!(&s.notice, Some(Notice::AnswersNotInventory { file }) if file == "answers.json"));
    assert_eq!(s.entity().unwrap().inventory.items.len(), 1, "the inventory is kept");
}

#[test]
fn a_forty_line_inventory_maps_and_survives_a_reload() {
    let mut s = started();
    let cat = Catalogue::from_json(MINI_CATALOGUE, "mini").unwrap();
    let mut n = 0;
    'outer: for f in Function::ALL {
        for p in cat.serving(f) {
            add(&mut s, f, &p.id);
            edit_line(&mut s, n, InvEdit::Seats, &(10 + n).to_string());
            edit_line(&mut s, n, InvEdit::Cost, &format!("{}", 100 * (n + 1)));
            n += 1;
            if n == 40 {
                break 'outer;
            }
        }
    }
    while n < 40 {
        inv(
            &mut s,
            InvEdit::AddOther {
                function: Function::Other,
                name: format!("Métier {n}"),
                vendor: "Éditeur".into(),
                free: Some(n % 2 == 0),
                jurisdiction: "FR".into(),
            },
        );
        edit_line(&mut s, n, InvEdit::Seats, "5");
        n += 1;
    }
    let r = s.dependency_report().unwrap();
    assert_eq!(r.functions.iter().map(|f| f.items.len()).sum::<usize>(), 40);
    assert!(r.diagnostics.is_empty(), "{:?}", r.diagnostics);
    let (back, backup) = AppState::restore(mini(), Some(s.save()), vec![], vec![], "b");
    assert_eq!(backup, None);
    assert_eq!(back.entity().unwrap().inventory, s.entity().unwrap().inventory);
    let mut back = back;
    back.apply(Action::SetToday("2026-11-29".into()));
    assert_eq!(back.dependency_report().unwrap(), r);
}

#[test]
fn a_version_1_state_without_inventories_still_loads() {
    let v1 = json!({
        "storage": 1, "lang": "en", "current": 0,
        "entities": [{"answers": {"format": 1, "edition": "mini", "profile": {"name": "Mairie"}, "answers": {"strategie.ecrite": {"value": true}}}}]
    })
    .to_string();
    let (s, backup) = AppState::restore(mini(), Some(v1), vec![], vec![], "b");
    assert_eq!(backup, None);
    assert!(s.unreadable.is_empty());
    assert_eq!(s.entities.len(), 1);
    assert!(s.entity().unwrap().inventory.items.is_empty());
    // Saved again in the new layout, under the new key.
    assert_eq!(STORAGE_KEY, "tnl.state.v2");
    let saved: Value = serde_json::from_str(&s.save()).unwrap();
    assert_eq!(saved["storage"], STORAGE_VERSION);
    assert_eq!(saved["entities"][0]["answers"]["profile"]["name"], "Mairie");
    assert!(
        saved["entities"][0].get("inventory").is_none(),
        "no empty inventory written"
    );
}

#[test]
fn an_unreadable_inventory_keeps_the_answers_and_the_saved_text() {
    let mut s = started();
    s.apply(Action::Edit(Edit::Name("Mairie".into()), NOW.into()));
    let mut saved: Value = serde_json::from_str(&s.save()).unwrap();
    saved["entities"][0]["inventory"] = json!({"format": 99, "kind": "inventory"});
    let raw = saved.to_string();
    let (back, backup) = AppState::restore(mini(), Some(raw.clone()), vec![], vec![], "b");
    assert_eq!(back.entities.len(), 1);
    assert_eq!(back.entity().unwrap().answers.profile.name, "Mairie");
    assert_eq!(backup, Some(raw));
    assert!(
        matches!(&back.unreadable[0].reason, UnreadableReason::Answers(d) if d.contains("entities[0].inventory : fichier d'inventaire invalide") && d.contains("version plus récente de tnl"))
    );
}

#[test]
fn prefill_fills_only_unanswered_questions_and_says_so() {
    let mut s = started();
    s.apply(Action::Edit(Edit::Workstations("100".into()), NOW.into()));
    add(&mut s, Function::WorkstationOs, "windows");
    edit_line(&mut s, 0, InvEdit::Seats, "20");
    add(&mut s, Function::WorkstationOs, "ubuntu");
    edit_line(&mut s, 1, InvEdit::Seats, "80");
    add(&mut s, Function::OfficeSuite, "libreoffice");
    s.apply(Action::Edit(
        Edit::Value {
            question: "logiciels.bureautique".into(),
            value: Some(json!("ms")),
        },
        NOW.into(),
    ));
    let score_before = s.entity().unwrap().report.score.per_mille;
    s.apply(Action::Prefill { now: NOW.into() });
    let Some(Notice::Prefilled { filled, proposed }) = s.notice.clone() else {
        panic!("{:?}", s.notice)
    };
    assert!(filled >= 1 && proposed >= filled, "{filled} of {proposed}");
    let a = &s.entity().unwrap().answers.answers;
    assert_eq!(a["logiciels.postes_linux"].value, Some(json!(80)));
    assert!(a["logiciels.postes_linux"]
        .justification
        .as_deref()
        .unwrap()
        .starts_with("pré-rempli depuis l'inventaire"));
    // The answer the user gave is kept.
    assert_eq!(a["logiciels.bureautique"].value, Some(json!("ms")));
    assert!(
        s.entity().unwrap().report.score.per_mille > score_before,
        "the report is re-evaluated"
    );
    // A second time fills nothing more.
    s.apply(Action::Prefill { now: NOW.into() });
    assert!(matches!(s.notice, Some(Notice::Prefilled { filled: 0, .. })));
}

#[test]
fn prefill_justifies_in_the_interface_language() {
    let mut s = started();
    s.apply(Action::SetLang(Lang::En));
    s.apply(Action::Edit(Edit::Workstations("10".into()), NOW.into()));
    add(&mut s, Function::WorkstationOs, "ubuntu");
    edit_line(&mut s, 0, InvEdit::Seats, "10");
    s.apply(Action::Prefill { now: NOW.into() });
    let a = &s.entity().unwrap().answers.answers;
    assert_eq!(a["logiciels.postes_linux"].value, Some(json!(100)));
    let why = a["logiciels.postes_linux"].justification.as_deref().unwrap();
    assert!(
        why.starts_with("pre-filled from the inventory (") && why.ends_with(") — to be checked"),
        "{why}"
    );
}

#[test]
fn saving_failures_are_remembered_until_a_save_succeeds() {
    let mut s = started();
    assert!(!s.save_failed);
    s.apply(Action::SaveFailed(true));
    assert!(s.save_failed);
    let saved: Value = serde_json::from_str(&s.save()).unwrap();
    assert!(saved.get("save_failed").is_none(), "not part of the saved layout");
    s.apply(Action::SaveFailed(false));
    assert!(!s.save_failed);
}

#[test]
fn contracts_already_ended_are_flagged_with_the_hosts_date() {
    let mut s = started();
    add(&mut s, Function::OfficeSuite, "ms-office");
    edit_line(&mut s, 0, InvEdit::ContractEnd, "2026-06");
    assert_eq!(s.dependency_report().unwrap().migration_windows[0].expired, Some(true));
    s.apply(Action::SetToday("2025-01-01".into()));
    assert_eq!(s.dependency_report().unwrap().migration_windows[0].expired, Some(false));
}
