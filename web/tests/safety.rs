//! Nothing typed is lost, and files that do not belong are said so, natively: removals can be
//! undone while their message is shown, an unreadable saved state that cannot be set apart stops
//! autosave, edits are marked for the typing pause, and a file of another collectivité or of an
//! older edition waits for the user's answer.

#![allow(clippy::unwrap_used)] // test helpers: a failed unwrap is a failed test

use std::rc::Rc;
use tnl_engine::deps::Function;
use tnl_web::editions::Catalog;
use tnl_web::state::{Action, AppState, Doubt, Edit, Id, InvEdit, Notice, Screen};

const NOW: &str = "2026-11-29T10:00:00.000Z";
const BOE_2024: &str = include_str!("../../tests/calibration/boe-2024.answers.json");
const BOE_2025: &str = include_str!("../../tests/calibration/boe-2025.answers.json");
const ECHIROLLES_2025: &str = include_str!("../../tests/calibration/echirolles-2025.answers.json");
const COMMUNE: &str = include_str!("../../tests/golden/deps/commune-mixte.inventory.json");

fn embedded() -> AppState {
    AppState::new(Rc::new(Catalog::embedded()))
}

/// The shipped app with one entity per file, imported one after the other.
fn with(files: &[&str]) -> AppState {
    let mut s = embedded();
    for (i, text) in files.iter().enumerate() {
        s.apply(Action::Import {
            file: format!("{i}.answers.json"),
            text: (*text).to_owned(),
        });
    }
    s
}

/// A new entity holding the mixed commune's inventory.
fn with_inventory() -> AppState {
    let mut s = embedded();
    s.apply(Action::Start {
        edition: "tnl-2025".into(),
    });
    s.apply(Action::ImportInventory {
        file: "commune.inventory.json".into(),
        text: COMMUNE.into(),
    });
    s
}

/// The id of the entity at position `i`.
fn entity_at(s: &AppState, i: usize) -> Id {
    s.entities[i].id
}

/// The id of line `k` of the current entity's inventory, in the file's order.
fn line_at(s: &AppState, k: usize) -> Id {
    s.entity().unwrap().lines().nth(k).unwrap().0
}

fn name(s: &AppState) -> &str {
    &s.entity().unwrap().answers.profile.name
}

#[test]
fn removing_a_collectivite_says_which_and_can_be_undone_at_its_place() {
    let mut s = with(&[BOE_2025, ECHIROLLES_2025]);
    let before = s.save();
    let boe = entity_at(&s, 0);
    s.apply(Action::Remove(boe));
    assert_eq!(s.entities.len(), 1);
    assert!(matches!(&s.notice, Some(Notice::EntityRemoved { name }) if name == "Commune de Boé"));
    s.apply(Action::Undo);
    assert_eq!(s.entities.len(), 2);
    assert_eq!(
        (s.current, entity_at(&s, 0), name(&s)),
        (Some(boe), boe, "Commune de Boé")
    );
    assert_eq!(s.save(), before.replace("\"current\":1", "\"current\":0"));
    assert_eq!(s.notice, None);
    assert_eq!(s.undo, None, "undone once");
}

#[test]
fn removing_the_last_collectivite_can_be_undone_from_the_home_screen() {
    let mut s = with(&[BOE_2025]);
    s.apply(Action::Remove(entity_at(&s, 0)));
    assert_eq!((s.entities.len(), s.screen), (0, Screen::Home));
    s.apply(Action::Undo);
    assert_eq!(s.entities.len(), 1);
    assert_ne!(s.screen, Screen::Home);
}

#[test]
fn undo_puts_back_only_what_the_message_on_screen_announces() {
    let mut s = with(&[BOE_2025, ECHIROLLES_2025]);
    s.apply(Action::Remove(entity_at(&s, 0)));
    s.apply(Action::DismissNotice);
    s.apply(Action::Undo);
    assert_eq!(s.entities.len(), 1, "the message is gone: nothing to undo");
    // A second removal replaces the first in the undo.
    s.apply(Action::Start {
        edition: "tnl-2025".into(),
    });
    s.apply(Action::Remove(entity_at(&s, 0)));
    s.apply(Action::Remove(entity_at(&s, 0)));
    s.apply(Action::Undo);
    assert_eq!(s.entities.len(), 1);
    assert_eq!(s.entities[0].answers.profile.name, "");
}

#[test]
fn a_removed_inventory_line_comes_back_at_its_place() {
    let mut s = with_inventory();
    let lines = s.entity().unwrap().inventory.items.clone();
    assert!(lines.len() > 2);
    s.apply(Action::Inventory(InvEdit::Remove(line_at(&s, 1)), NOW.into()));
    assert!(matches!(&s.notice, Some(Notice::LineRemoved { .. })));
    assert_eq!(s.entity().unwrap().inventory.items.len(), lines.len() - 1);
    s.apply(Action::Undo);
    assert_eq!(s.entity().unwrap().inventory.items, lines);
}

#[test]
fn an_added_line_forgets_the_undo_of_a_removed_one() {
    let mut s = with_inventory();
    s.apply(Action::Inventory(InvEdit::Remove(line_at(&s, 0)), NOW.into()));
    s.apply(Action::Inventory(
        InvEdit::AddOther {
            function: Function::OfficeSuite,
            name: "Suite maison".into(),
            vendor: String::new(),
            free: None,
            jurisdiction: String::new(),
        },
        NOW.into(),
    ));
    assert_eq!(s.undo, None);
}

#[test]
fn a_3_mb_corrupt_state_that_cannot_be_set_apart_stops_autosave_until_let_go() {
    // The regression of issue 17: the backup's write was ignored and the next autosave wrote
    // over the only copy.
    let good = with(&[BOE_2025]).save();
    let mut big = good.replace(
        "\"entities\":[",
        &format!("\"padding\":\"{}\",\"entities\":[", "x".repeat(3_000_000)),
    );
    big.truncate(big.len() - 3);
    let (mut s, to_backup) = AppState::restore(
        Rc::new(Catalog::embedded()),
        Some(big.clone()),
        vec![],
        vec![],
        "tnl.unreadable.1",
    );
    assert_eq!(to_backup.as_deref(), Some(big.as_str()));
    assert!(
        !s.autosave_paused(),
        "paused only once the backup is known to have failed"
    );
    s.apply(Action::BackupFailed("tnl.unreadable.1".into()));
    assert!(s.autosave_paused());
    assert_eq!(s.unreadable[0].raw, big, "offered for download as found");
    // Work goes on, unsaved, until the user lets the unreadable text go.
    s.apply(Action::Start {
        edition: "tnl-2025".into(),
    });
    assert!(s.autosave_paused());
    s.apply(Action::DismissUnreadable);
    assert!(!s.autosave_paused());
}

#[test]
fn typed_edits_wait_for_a_pause_choices_and_other_changes_do_not() {
    let mut s = with(&[BOE_2025]);
    s.apply(Action::Edit(
        Edit::Justification {
            question: "strategie.ecrite".into(),
            text: "Délibération du 3 mars".into(),
        },
        NOW.into(),
    ));
    assert!(s.typing);
    // A choice is no typing: saved at once.
    s.apply(Action::Edit(
        Edit::Value {
            question: "strategie.elu_referent".into(),
            value: Some(serde_json::json!(true)),
        },
        NOW.into(),
    ));
    assert!(!s.typing);
    s.apply(Action::Edit(
        Edit::Name("Commune de Boé-sur-Garonne".into()),
        NOW.into(),
    ));
    assert!(s.typing);
    s.apply(Action::Go(Screen::Report));
    assert!(!s.typing);
}

#[test]
fn last_years_answers_of_another_collectivite_wait_for_the_users_answer() {
    // The regression of issue 17: Boé's 2024 answers taken as Échirolles' last year.
    let mut s = with(&[ECHIROLLES_2025]);
    s.apply(Action::ImportPrevious {
        file: "boe-2024.answers.json".into(),
        text: BOE_2024.into(),
    });
    let doubt = &s.pending.as_ref().unwrap().doubt;
    assert!(
        matches!(doubt, Doubt::PreviousOfOther { theirs, ours, .. } if theirs == "Commune de Boé" && ours == "Ville d'Échirolles")
    );
    assert!(s.entity().unwrap().previous.is_none(), "nothing changed yet");
    s.apply(Action::Cancel);
    assert!(s.pending.is_none() && s.entity().unwrap().previous.is_none());
    s.apply(Action::ImportPrevious {
        file: "boe-2024.answers.json".into(),
        text: BOE_2024.into(),
    });
    s.apply(Action::Confirm);
    assert!(s.entity().unwrap().previous.is_some());
    assert_eq!(s.screen, Screen::Compare);
}

#[test]
fn last_years_answers_of_the_same_collectivite_need_no_answer() {
    let mut s = with(&[BOE_2025]);
    s.apply(Action::ImportPrevious {
        file: "boe-2024.answers.json".into(),
        text: BOE_2024.replace("Commune de Boé", "COMMUNE DE BOE"),
    });
    assert_eq!(s.pending, None, "case and accents are no other collectivité");
    assert!(s.entity().unwrap().previous.is_some());
}

#[test]
fn an_inventory_of_another_name_or_over_existing_lines_waits_for_the_users_answer() {
    let mut s = with(&[BOE_2025]);
    s.apply(Action::ImportInventory {
        file: "commune.inventory.json".into(),
        text: COMMUNE.into(),
    });
    assert!(
        matches!(&s.pending.as_ref().unwrap().doubt, Doubt::InventoryOfOther { theirs, .. } if theirs == "Commune de Mixte-sur-Loire")
    );
    assert!(s.entity().unwrap().inventory.items.is_empty());
    s.apply(Action::Confirm);
    let lines = s.entity().unwrap().inventory.items.len();
    assert!(lines > 0);
    // The same collectivité's inventory again: it would replace the lines, so it asks too.
    let same = COMMUNE.replace("Commune de Mixte-sur-Loire", "Commune de Boé");
    s.apply(Action::ImportInventory {
        file: "boe.inventory.json".into(),
        text: same,
    });
    assert!(matches!(&s.pending.as_ref().unwrap().doubt, Doubt::ReplacesInventory { lines: n, .. } if *n == lines));
    s.apply(Action::Go(Screen::Report));
    assert_eq!(s.pending, None, "another action forgets the held file");
}

#[test]
fn an_answers_file_of_an_older_edition_asks_before_it_opens_as_it_is() {
    let mut s = embedded();
    s.apply(Action::Import {
        file: "boe-2024.answers.json".into(),
        text: BOE_2024.into(),
    });
    assert!(matches!(
        &s.pending.as_ref().unwrap().doubt,
        Doubt::OlderEdition { edition, newest, .. } if edition == "tnl-2024" && newest == "tnl-2025"
    ));
    assert!(s.entities.is_empty());
    s.apply(Action::Confirm);
    assert_eq!(s.entity().unwrap().answers.edition, "tnl-2024");
    // The newest edition's file opens at once.
    let mut s = embedded();
    s.apply(Action::Import {
        file: "boe-2025.answers.json".into(),
        text: BOE_2025.into(),
    });
    assert_eq!((s.pending.is_none(), s.entities.len()), (true, 1));
}

#[test]
fn an_empty_file_is_said_empty_wherever_it_is_given() {
    let mut s = with(&[BOE_2025]);
    for action in [
        Action::Import {
            file: "vide.json".into(),
            text: " \n".into(),
        },
        Action::ImportPrevious {
            file: "vide.json".into(),
            text: String::new(),
        },
        Action::ImportInventory {
            file: "vide.json".into(),
            text: String::new(),
        },
    ] {
        s.apply(action);
        assert!(
            matches!(&s.notice, Some(Notice::EmptyFile { file }) if file == "vide.json"),
            "{:?}",
            s.notice
        );
    }
    assert_eq!(s.entities.len(), 1);
}

#[test]
fn an_inventory_given_for_last_year_or_answers_given_as_an_inventory_are_sent_where_they_go() {
    let mut s = with(&[BOE_2025]);
    s.apply(Action::ImportPrevious {
        file: "commune.inventory.json".into(),
        text: COMMUNE.into(),
    });
    assert!(matches!(&s.notice, Some(Notice::InventoryNotAnswers { .. })));
    assert!(s.entity().unwrap().previous.is_none());
    s.apply(Action::ImportInventory {
        file: "boe-2024.answers.json".into(),
        text: BOE_2024.into(),
    });
    assert!(matches!(&s.notice, Some(Notice::AnswersNotInventory { .. })));
    assert!(s.entity().unwrap().inventory.items.is_empty());
}
