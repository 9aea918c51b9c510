//! Entities and inventory lines are named by their ids, natively: an action, a message, an undo
//! or another tab's state names the same entity or line whatever was removed before it, ids
//! survive a reload and are never given twice, and a state saved before ids loads with new ones.
//! Each test here fails on an app that names them by their position in the list.

#![allow(clippy::unwrap_used)] // test helpers: a failed unwrap is a failed test

use serde_json::{json, Value};
use std::collections::BTreeSet;
use tnl_engine::deps::Function;
use tnl_web::state::{Action, AppState, Edit, Id, InvEdit, Notice, Screen};

const NOW: &str = "2026-11-29T10:00:00.000Z";

mod common;
use common::mini_with_catalogue as mini;

fn inv(s: &mut AppState, e: InvEdit) {
    s.apply(Action::Inventory(e, NOW.into()));
}

/// One entity with the lines of these catalogue products, each serving `function`.
fn with_lines(products: &[&str]) -> AppState {
    let mut s = AppState::new(mini());
    s.apply(Action::Start { edition: "mini".into() });
    s.apply(Action::Edit(Edit::Name("Mairie".into()), NOW.into()));
    for p in products {
        inv(
            &mut s,
            InvEdit::AddProduct {
                function: Function::WorkstationOs,
                product: (*p).into(),
            },
        );
    }
    s
}

/// The current entity's lines: their ids and products, in the file's order.
fn lines(s: &AppState) -> Vec<(Id, String)> {
    s.entity()
        .unwrap()
        .lines()
        .map(|(id, item)| (id, item.product.clone().unwrap_or_default()))
        .collect()
}

fn products(s: &AppState) -> Vec<String> {
    lines(s).into_iter().map(|(_, p)| p).collect()
}

/// Every entity's name, in the list's order.
fn names(s: &AppState) -> Vec<String> {
    s.entities.iter().map(|e| e.answers.profile.name.clone()).collect()
}

/// Every id of the state: entities and lines.
fn all_ids(s: &AppState) -> Vec<Id> {
    s.entities
        .iter()
        .flat_map(|e| std::iter::once(e.id).chain(e.lines().map(|(id, _)| id)))
        .collect()
}

fn adopt(s: &mut AppState, raw: String) {
    s.apply(Action::Adopt {
        raw,
        backup_key: "tnl.unreadable.other-tab".into(),
    });
}

#[test]
fn after_line_1_of_3_is_removed_an_edit_a_message_and_an_undo_for_line_3_are_for_line_3() {
    let mut s = with_lines(&["windows", "ubuntu", "debian"]);
    let [(first, _), (second, _), (third, _)] = lines(&s)[..] else {
        panic!("{:?}", lines(&s))
    };
    inv(&mut s, InvEdit::Remove(first));
    // The third line's field, rendered before the removal, still edits the third line.
    inv(&mut s, InvEdit::Seats(third, "30".into()));
    let debian = |s: &AppState| s.entity().unwrap().inventory.items[1].clone();
    assert_eq!(
        (debian(&s).product.as_deref(), debian(&s).seats),
        (Some("debian"), Some(30))
    );
    assert_eq!(
        s.entity().unwrap().inventory.items[0].seats,
        None,
        "not the line now at its place"
    );
    // Its removal says it is the third line that went, and « Annuler » puts that line back, with
    // its id, after the line it followed.
    inv(&mut s, InvEdit::Remove(third));
    assert_eq!(
        s.notice,
        Some(Notice::LineRemoved {
            name: "Debian".into(),
            function: Some(Function::WorkstationOs)
        })
    );
    assert_eq!(products(&s), ["ubuntu"]);
    s.apply(Action::Undo);
    assert_eq!(lines(&s), [(second, "ubuntu".into()), (third, "debian".into())]);
    assert_eq!(debian(&s).seats, Some(30));
    // A line no longer there changes nothing, even where another line now is.
    inv(&mut s, InvEdit::Remove(first));
    inv(&mut s, InvEdit::Cost(first, "100".into()));
    assert_eq!(products(&s), ["ubuntu", "debian"]);
    assert!(s
        .entity()
        .unwrap()
        .inventory
        .items
        .iter()
        .all(|i| i.yearly_cost.is_none()));
}

#[test]
fn a_removed_line_put_back_between_two_others_keeps_its_place_and_id() {
    let mut s = with_lines(&["windows", "ubuntu", "debian"]);
    let before = lines(&s);
    inv(&mut s, InvEdit::Remove(before[1].0));
    s.apply(Action::Undo);
    assert_eq!(lines(&s), before);
}

#[test]
fn after_entity_1_of_3_is_removed_selecting_removing_and_undoing_entity_3_are_for_entity_3() {
    let mut s = AppState::new(mini());
    for name in ["Mairie", "CCAS", "Office de tourisme"] {
        s.apply(Action::Start { edition: "mini".into() });
        s.apply(Action::Edit(Edit::Name(name.into()), NOW.into()));
    }
    let ids: Vec<Id> = s.entities.iter().map(|e| e.id).collect();
    s.apply(Action::Select(ids[1]));
    s.apply(Action::Remove(ids[0]));
    assert_eq!(
        s.entity().unwrap().answers.profile.name,
        "CCAS",
        "the current entity stays current"
    );
    s.apply(Action::Select(ids[2]));
    assert_eq!(s.entity().unwrap().answers.profile.name, "Office de tourisme");
    s.apply(Action::Remove(ids[2]));
    assert!(matches!(&s.notice, Some(Notice::EntityRemoved { name }) if name == "Office de tourisme"));
    assert_eq!(names(&s), ["CCAS"]);
    s.apply(Action::Undo);
    assert_eq!(names(&s), ["CCAS", "Office de tourisme"]);
    assert_eq!((s.entities[1].id, s.current), (ids[2], Some(ids[2])));
    // Removing an entity that is no longer there removes nothing.
    s.apply(Action::Remove(ids[0]));
    assert_eq!(names(&s), ["CCAS", "Office de tourisme"]);
}

#[test]
fn two_tabs_removing_different_lines_each_remove_their_own() {
    let mut a = with_lines(&["windows", "ubuntu", "debian"]);
    let (mut b, _) = AppState::restore(mini(), Some(a.save()), vec![], vec![], "k");
    b.apply(Action::Go(Screen::Inventory));
    assert_eq!(lines(&b), lines(&a), "both tabs name the lines alike");
    let [(windows, _), (_, _), (debian, _)] = lines(&a)[..] else {
        panic!()
    };
    // A removes the first line; B takes A's state, then removes the last line it shows.
    inv(&mut a, InvEdit::Remove(windows));
    adopt(&mut b, a.save());
    inv(&mut b, InvEdit::Remove(debian));
    assert_eq!(products(&b), ["ubuntu"]);
    assert_eq!(
        b.notice,
        Some(Notice::LineRemoved {
            name: "Debian".into(),
            function: Some(Function::WorkstationOs)
        })
    );
    // A takes B's state in turn: both have the one line left, named alike.
    adopt(&mut a, b.save());
    assert_eq!(lines(&a), lines(&b));
    // A line added in either tab gets an id no tab ever gave.
    inv(
        &mut a,
        InvEdit::AddProduct {
            function: Function::Browser,
            product: "firefox".into(),
        },
    );
    let added = lines(&a)[1].0;
    assert!(![windows, debian].contains(&added) && added > debian);
}

#[test]
fn ids_survive_a_reload_and_are_never_given_again() {
    let mut s = with_lines(&["windows", "ubuntu"]);
    s.apply(Action::Start { edition: "mini".into() });
    let given = all_ids(&s);
    let (back, backup) = AppState::restore(mini(), Some(s.save()), vec![], vec![], "k");
    assert_eq!(backup, None);
    assert_eq!(all_ids(&back), given, "the same ids after a reload");
    assert_eq!(back.current, s.current);
    // The newest entity and the newest line go; what is made after a reload gets new ids.
    let mut s = back;
    let newest = *given.iter().max().unwrap();
    s.apply(Action::Remove(newest));
    s.apply(Action::Select(given[0]));
    let last_line = lines(&s)[1].0;
    inv(&mut s, InvEdit::Remove(last_line));
    let (mut s, _) = AppState::restore(mini(), Some(s.save()), vec![], vec![], "k");
    s.apply(Action::Start { edition: "mini".into() });
    inv(
        &mut s,
        InvEdit::AddProduct {
            function: Function::Browser,
            product: "firefox".into(),
        },
    );
    let new: Vec<Id> = all_ids(&s).into_iter().filter(|id| !given.contains(id)).collect();
    assert_eq!(new.len(), 2, "{:?}", all_ids(&s));
    assert!(new.iter().all(|id| *id > newest), "{new:?} reuse an id given before");
}

#[test]
fn a_state_saved_before_ids_loads_with_new_ids_and_saves_them() {
    // Written by the app before ids (tnl.state.v2 of the current main): two entities, the second
    // current, with a two-line inventory.
    let saved = r#"{"current":1,"entities":[{"answers":{"answers":{"strategie.ecrite":true},"edition":"mini","format":1,"profile":{"name":"Mairie"},"updated_at":"2026-11-29T10:00:00.000Z"}},{"answers":{"answers":{},"edition":"mini","format":1,"profile":{"name":"CCAS"}},"inventory":{"format":1,"items":[{"function":"workstation_os","product":"windows","seats":70},{"function":"workstation_os","product":"ubuntu","seats":30}],"kind":"inventory","profile":{"name":""},"updated_at":"2026-11-29T10:00:00.000Z"}}],"lang":"fr","storage":2}"#;
    let (s, backup) = AppState::restore(mini(), Some(saved.into()), vec![], vec![], "k");
    assert_eq!(backup, None);
    assert!(s.unreadable.is_empty());
    assert_eq!(names(&s), ["Mairie", "CCAS"]);
    assert_eq!(s.entity().unwrap().answers.profile.name, "CCAS");
    assert_eq!(products(&s), ["windows", "ubuntu"]);
    let ids = all_ids(&s);
    assert_eq!(
        ids.iter().collect::<BTreeSet<_>>().len(),
        4,
        "four distinct ids: {ids:?}"
    );
    // Saved again with the ids beside the files (never in them), and read back the same.
    let again: Value = serde_json::from_str(&s.save()).unwrap();
    assert_eq!(again["entities"][1]["id"], json!(s.entities[1].id.0));
    assert_eq!(again["entities"][1]["lines"].as_array().map(Vec::len), Some(2));
    assert!(again["entities"][1]["inventory"]["items"][0].get("id").is_none());
    assert!(again["entities"][0].get("lines").is_none(), "no lines, no list");
    let (back, _) = AppState::restore(mini(), Some(s.save()), vec![], vec![], "k");
    assert_eq!(all_ids(&back), ids);
    // Apart from the ids, the text is what the app saved before.
    let mut stripped = again.clone();
    stripped.as_object_mut().unwrap().remove("next_id");
    for e in stripped["entities"].as_array_mut().unwrap() {
        e.as_object_mut().unwrap().remove("id");
        e.as_object_mut().unwrap().remove("lines");
    }
    assert_eq!(stripped, serde_json::from_str::<Value>(saved).unwrap());
}

#[test]
fn ids_taken_twice_or_unusable_in_a_saved_state_are_given_anew() {
    let s = with_lines(&["windows", "ubuntu"]);
    let good: Value = serde_json::from_str(&s.save()).unwrap();
    let distinct = |v: &Value| {
        let (s, backup) = AppState::restore(mini(), Some(v.to_string()), vec![], vec![], "k");
        assert_eq!(backup, None);
        let ids = all_ids(&s);
        assert!(ids.iter().all(|id| id.0 < 1 << 53), "{ids:?}");
        ids.iter().collect::<BTreeSet<_>>().len()
    };
    // The entity named as its first line, the second line beyond the counter.
    let mut v = good.clone();
    v["entities"][0]["id"] = v["entities"][0]["lines"][0].clone();
    v["entities"][0]["lines"][1] = json!(u64::MAX);
    assert_eq!(distinct(&v), 3);
    // A counter that is no number, or too big to count on: every id is given anew.
    for next in [json!("many"), json!(u64::MAX)] {
        let mut v = good.clone();
        v["next_id"] = next;
        assert_eq!(distinct(&v), 3);
    }
}

#[test]
fn the_line_added_or_put_back_is_named_for_the_focus_and_not_one_from_another_tab() {
    let mut s = with_lines(&["windows", "ubuntu"]);
    let [(windows, _), (ubuntu, _)] = lines(&s)[..] else {
        panic!()
    };
    assert_eq!(s.new_line, Some(ubuntu), "the line just added");
    inv(&mut s, InvEdit::Seats(ubuntu, "3".into()));
    assert_eq!(s.new_line, None);
    inv(&mut s, InvEdit::Remove(windows));
    assert_eq!(s.new_line, None);
    s.apply(Action::Undo);
    assert_eq!(s.new_line, Some(windows), "the line put back");
    // A line added in another tab takes no focus here.
    let (mut other, _) = AppState::restore(mini(), Some(s.save()), vec![], vec![], "k");
    inv(
        &mut other,
        InvEdit::AddProduct {
            function: Function::Browser,
            product: "firefox".into(),
        },
    );
    adopt(&mut s, other.save());
    assert_eq!((products(&s).len(), s.new_line), (3, None));
}
