//! The app's state logic, natively: the reducer over actions, storage, import and export.

#![allow(clippy::unwrap_used)] // test helpers: a failed unwrap is a failed test

use serde_json::{json, Value};
use std::rc::Rc;
use tnl_engine::report::Status;
use tnl_engine::{Answers, Baseline, Kind, Lang};
use tnl_web::editions::Catalog;
use tnl_web::exports;
use tnl_web::state::{Action, AppState, Edit, Id, InvEdit, Notice, Screen, UnreadableReason, STORAGE_VERSION};

const NOW: &str = "2026-11-29T10:00:00.000Z";

fn mini() -> Rc<Catalog> {
    Rc::new(Catalog::from_texts(&[(
        "mini",
        "mini-edition.json",
        include_str!("../../tests/fixtures/mini-edition.json"),
    )]))
}

fn started() -> AppState {
    let mut s = AppState::new(mini());
    s.apply(Action::Start { edition: "mini".into() });
    s
}

fn set(s: &mut AppState, q: &str, v: Value) {
    s.apply(Action::Edit(
        Edit::Value {
            question: q.into(),
            value: Some(v),
        },
        NOW.into(),
    ));
}

/// The id of the entity at position `i`.
fn entity_at(s: &AppState, i: usize) -> Id {
    s.entities[i].id
}

fn status(s: &AppState, q: &str) -> Status {
    s.entity()
        .unwrap()
        .report
        .criteria
        .iter()
        .find(|c| c.id == q)
        .unwrap()
        .status
}

fn visible_ids(s: &AppState, d: usize) -> Vec<String> {
    let c = s.criteria().unwrap().clone();
    s.visible_questions(d)
        .into_iter()
        .map(|i| c.questions()[i].id.clone())
        .collect()
}

#[test]
fn the_shipped_editions_load() {
    let c = Catalog::embedded();
    assert!(c.errors().is_empty(), "{:?}", c.errors());
    assert!(c.get("tnl-2025").is_some() && c.get("tnl-2024").is_some());
}

#[test]
fn starting_opens_the_profile_of_a_new_entity() {
    let s = started();
    assert_eq!(s.screen, Screen::Profile);
    assert_eq!(s.entities.len(), 1);
    assert_eq!(s.entity().unwrap().answers.edition, "mini");
}

#[test]
fn an_unknown_edition_starts_nothing() {
    let mut s = AppState::new(mini());
    s.apply(Action::Start {
        edition: "tnl-1999".into(),
    });
    assert!(s.entities.is_empty());
    assert_eq!(s.screen, Screen::Home);
}

#[test]
fn every_answer_rescores_and_stamps_the_time() {
    let mut s = started();
    assert_eq!(s.entity().unwrap().report.score.per_mille, 0);
    set(&mut s, "logiciels.bureautique", json!("libre"));
    let e = s.entity().unwrap();
    assert!(e.report.score.per_mille > 0);
    assert_eq!(e.answers.updated_at.as_deref(), Some(NOW));
    assert_eq!(status(&s, "logiciels.bureautique"), Status::Met);
}

#[test]
fn follow_up_questions_appear_and_disappear_with_the_answer() {
    let mut s = started();
    assert!(!visible_ids(&s, 0).contains(&"strategie.deliberation".to_owned()));
    set(&mut s, "strategie.ecrite", json!(true));
    assert!(visible_ids(&s, 0).contains(&"strategie.deliberation".to_owned()));
    set(&mut s, "strategie.ecrite", json!(false));
    assert!(!visible_ids(&s, 0).contains(&"strategie.deliberation".to_owned()));
}

#[test]
fn questions_that_do_not_apply_to_the_profile_are_hidden() {
    let mut s = started();
    // donnees.portail applies from 3,501 inhabitants and 50 agents; a missing number applies it.
    assert!(visible_ids(&s, 2).contains(&"donnees.portail".to_owned()));
    s.apply(Action::Edit(Edit::Population("800".into()), NOW.into()));
    s.apply(Action::Edit(Edit::Agents("12".into()), NOW.into()));
    s.apply(Action::Edit(Edit::Kind(Some(Kind::Commune)), NOW.into()));
    assert!(!visible_ids(&s, 2).contains(&"donnees.portail".to_owned()));
    assert!(!visible_ids(&s, 1).contains(&"logiciels.serveurs".to_owned()));
}

#[test]
fn not_applicable_with_justification_then_a_value_withdraws_it() {
    let mut s = started();
    let q = "donnees.portail";
    s.apply(Action::Edit(
        Edit::NotApplicable {
            question: q.into(),
            on: true,
        },
        NOW.into(),
    ));
    s.apply(Action::Edit(
        Edit::Justification {
            question: q.into(),
            text: "moins de 3 500 habitants".into(),
        },
        NOW.into(),
    ));
    assert_eq!(status(&s, q), Status::NotApplicable);
    let json = s.entity().unwrap().answers.to_json_pretty();
    assert!(
        json.contains("\"not_applicable\": true") && json.contains("moins de 3 500 habitants"),
        "{json}"
    );
    set(&mut s, q, json!(true));
    let a = &s.entity().unwrap().answers.answers[q];
    assert!(!a.not_applicable);
    assert_eq!(a.justification.as_deref(), Some("moins de 3 500 habitants"));
}

#[test]
fn clearing_an_answer_removes_it_from_the_file() {
    let mut s = started();
    set(&mut s, "strategie.ecrite", json!(true));
    s.apply(Action::Edit(
        Edit::Value {
            question: "strategie.ecrite".into(),
            value: None,
        },
        NOW.into(),
    ));
    assert!(s.entity().unwrap().answers.answers.is_empty());
}

#[test]
fn saved_state_comes_back_after_a_reload() {
    let mut s = started();
    s.apply(Action::SetLang(Lang::En));
    s.apply(Action::Edit(Edit::Name("Boé".into()), NOW.into()));
    set(&mut s, "logiciels.postes_linux", json!(95));
    s.apply(Action::Start { edition: "mini".into() });
    s.apply(Action::Edit(Edit::Name("CCAS de Boé".into()), NOW.into()));
    s.apply(Action::Select(entity_at(&s, 0)));
    let (back, backup) = AppState::restore(mini(), Some(s.save()), vec![], vec![], "backup");
    assert_eq!(backup, None);
    assert!(back.unreadable.is_empty());
    assert_eq!(back.lang, Lang::En);
    assert_eq!(back.current, Some(entity_at(&s, 0)));
    assert_eq!(back.entities.len(), 2);
    for (a, b) in back.entities.iter().zip(&s.entities) {
        assert_eq!(a.answers, b.answers);
        assert_eq!(a.report, b.report);
    }
}

#[test]
fn a_corrupt_saved_state_is_kept_and_explained() {
    let raw = "{\"storage\": 1, \"entities\": [tronqué";
    let (s, backup) = AppState::restore(mini(), Some(raw.into()), vec![], vec![], "tnl.unreadable.1");
    assert_eq!(backup.as_deref(), Some(raw));
    assert_eq!(s.unreadable.len(), 1);
    assert_eq!(s.unreadable[0].raw, raw);
    assert_eq!(s.unreadable[0].key, "tnl.unreadable.1");
    assert!(matches!(s.unreadable[0].reason, UnreadableReason::Corrupt(_)));
}

#[test]
fn a_state_from_a_newer_version_is_kept_not_read() {
    let raw = json!({"storage": STORAGE_VERSION + 1, "entities": []}).to_string();
    let (s, backup) = AppState::restore(
        mini(),
        Some(raw.clone()),
        vec![],
        vec![("tnl.state.v7".into(), "{}".into())],
        "b",
    );
    assert_eq!(backup.as_deref(), Some(raw.as_str()));
    assert_eq!(s.unreadable[0].reason, UnreadableReason::Newer(7));
    assert_eq!(s.unreadable[1].reason, UnreadableReason::Newer(STORAGE_VERSION + 1));
    assert!(s.entities.is_empty());
}

#[test]
fn one_bad_entity_does_not_lose_the_others() {
    let mut s = started();
    s.apply(Action::Edit(Edit::Name("Mairie".into()), NOW.into()));
    let mut saved: Value = serde_json::from_str(&s.save()).unwrap();
    saved["entities"]
        .as_array_mut()
        .unwrap()
        .push(json!({"answers": {"format": 99, "edition": "mini"}}));
    let raw = saved.to_string();
    let (back, backup) = AppState::restore(mini(), Some(raw.clone()), vec![], vec![], "b");
    assert_eq!(back.entities.len(), 1);
    assert_eq!(backup, Some(raw));
    assert!(
        matches!(&back.unreadable[0].reason, UnreadableReason::Answers(d) if d.contains("entities[1] : fichier de réponses invalide") && d.contains("version plus récente"))
    );
}

#[test]
fn backups_stay_listed_until_dismissed() {
    let (mut s, _) = AppState::restore(
        mini(),
        None,
        vec![("tnl.unreadable.5".into(), "oops".into())],
        vec![],
        "b",
    );
    assert_eq!(s.unreadable.len(), 1);
    s.apply(Action::DismissUnreadable);
    assert!(s.unreadable.is_empty());
}

#[test]
fn export_clear_import_gives_the_same_report() {
    let mut s = started();
    s.apply(Action::Edit(Edit::Name("Boé".into()), NOW.into()));
    set(&mut s, "strategie.ecrite", json!(true));
    set(&mut s, "strategie.soutiens", json!(["elus", "dg"]));
    set(&mut s, "logiciels.metiers", json!(["Publik", "iXBus"]));
    let file = exports::answers(&s.entity().unwrap().answers);
    assert_eq!(file.name, "boe.answers.json");
    let before = s.entity().unwrap().report.clone();
    s.apply(Action::ClearAll);
    assert!(s.entities.is_empty());
    s.apply(Action::Import {
        file: file.name.clone(),
        text: file.as_text().to_owned(),
    });
    assert_eq!(
        s.notice,
        Some(Notice::Imported {
            file: file.name.clone()
        })
    );
    assert_eq!(s.screen, Screen::Report);
    assert_eq!(s.entity().unwrap().report, before);
    // The exported file is the answers format the CLI reads.
    assert_eq!(
        Answers::from_json(file.as_text(), "x").unwrap().to_json_pretty() + "\n",
        file.as_text()
    );
}

#[test]
fn importing_into_a_blank_entity_replaces_it() {
    let mut s = started();
    let text = json!({"format": 1, "edition": "mini", "profile": {"name": "CCAS"}, "answers": {}}).to_string();
    s.apply(Action::Import {
        file: "ccas.json".into(),
        text,
    });
    assert_eq!(s.entities.len(), 1);
    assert_eq!(s.entity().unwrap().answers.profile.name, "CCAS");
}

#[test]
fn an_entity_with_only_an_inventory_or_a_baseline_is_not_blank() {
    // Inventory lines typed before any answer are kept when answers are imported.
    let mut s = AppState::new(Rc::new(Catalog::embedded()));
    s.apply(Action::Start {
        edition: "tnl-2025".into(),
    });
    let function = tnl_engine::deps::Function::OfficeSuite;
    s.apply(Action::Inventory(
        InvEdit::AddProduct {
            function,
            product: "libreoffice".into(),
        },
        NOW.into(),
    ));
    assert!(!s.entity().unwrap().is_blank());
    let text = json!({"format": 1, "edition": "tnl-2025", "profile": {"name": "CCAS"}, "answers": {}}).to_string();
    s.apply(Action::Import {
        file: "ccas.json".into(),
        text: text.clone(),
    });
    assert_eq!(s.entities.len(), 2);
    assert_eq!(s.entities[0].inventory.items.len(), 1, "the inventory is still there");
    // Starting from last year's answers also replaces a blank entity, and only a blank one.
    s.apply(Action::Start {
        edition: "tnl-2025".into(),
    });
    assert!(s.entity().unwrap().is_blank());
    let old = include_str!("../../tests/calibration/boe-2024.answers.json");
    s.apply(Action::StartFrom {
        edition: "tnl-2025".into(),
        file: "boe-2024.answers.json".into(),
        text: old.into(),
        now: NOW.into(),
    });
    assert_eq!(s.entities.len(), 3);
    assert_eq!(
        (s.current, s.entity().unwrap().answers.profile.name.as_str()),
        (Some(entity_at(&s, 2)), "Commune de Boé")
    );
    assert!(!s.entity().unwrap().is_blank(), "a carried entity has a baseline");
    s.apply(Action::StartFrom {
        edition: "tnl-2025".into(),
        file: "boe-2024.answers.json".into(),
        text: old.into(),
        now: NOW.into(),
    });
    assert_eq!(s.entities.len(), 4);
}

#[test]
fn unusable_files_are_refused_with_the_reason() {
    let mut s = started();
    s.apply(Action::Import {
        file: "x.json".into(),
        text: "not json".into(),
    });
    assert!(matches!(&s.notice, Some(Notice::ImportFailed { file, .. }) if file == "x.json"));
    // Said in the interface's language, down to serde's words; English on the English side.
    s.apply(Action::Import {
        file: "x.json".into(),
        text: "{\"format\": 1,\n \"edition\": \"tnl-2025\",\n \"answers\": {\"a\": 1,}}".into(),
    });
    let Some(Notice::ImportFailed { error, .. }) = &s.notice else {
        panic!("{:?}", s.notice)
    };
    // (The pointer is the document root in the browser build, `/answers` with the engine's
    // `error-paths` feature, which the workspace's CLI turns on.)
    let fr = error.message(Lang::Fr);
    assert!(
        fr.starts_with("x.json : fichier de réponses invalide (1 problème)\nx.json : à "),
        "{fr}"
    );
    assert!(
        fr.ends_with(
            " : attendu du JSON valide, trouvé une virgule en trop (ligne 3, colonne 21)\n  \
             conseil : vérifiez le fichier avec un validateur JSON : il est peut-être tronqué ou modifié à la main"
        ),
        "{fr}"
    );
    assert!(
        error
            .message(Lang::En)
            .contains("expected valid JSON, found trailing comma at line 3 column 21"),
        "{}",
        error.message(Lang::En)
    );
    s.apply(Action::Import {
        file: "x.json".into(),
        text: json!({"format": 1, "edition": "tnl-2025", "answers": []}).to_string(),
    });
    let Some(Notice::ImportFailed { error, .. }) = &s.notice else {
        panic!("{:?}", s.notice)
    };
    assert!(
        error.message(Lang::Fr).ends_with(
            "à /answers : attendu un objet des réponses par identifiant de question, trouvé un tableau de 0 élément"
        ),
        "{}",
        error.message(Lang::Fr)
    );
    let other = json!({"format": 1, "edition": "tnl-1999", "answers": {}}).to_string();
    s.apply(Action::Import {
        file: "y.json".into(),
        text: other,
    });
    assert!(matches!(&s.notice, Some(Notice::UnknownEdition { edition, .. }) if edition == "tnl-1999"));
    assert_eq!(s.entities.len(), 1);
}

#[test]
fn last_years_answers_or_report_feed_the_comparison() {
    let mut last = started();
    set(&mut last, "strategie.ecrite", json!(false));
    let answers = last.entity().unwrap().answers.to_json_pretty();
    let report = last.entity().unwrap().report.to_json_pretty();
    let mut s = started();
    set(&mut s, "strategie.ecrite", json!(true));
    s.apply(Action::ImportPrevious {
        file: "2024.answers.json".into(),
        text: answers,
    });
    assert_eq!(s.screen, Screen::Compare);
    let prev = s.entity().unwrap().previous.clone().unwrap();
    let c = tnl_engine::compare_baselines(&prev, &Baseline::of(&s.entity().unwrap().report));
    assert!(c.newly_met.iter().any(|m| m.id == "strategie.ecrite"));
    s.apply(Action::ImportPrevious {
        file: "2024.report.json".into(),
        text: report,
    });
    assert_eq!(s.entity().unwrap().previous.as_deref(), Some(&*prev));
}

#[test]
fn last_years_report_comes_back_after_a_reload_and_an_unreadable_one_is_said() {
    let mut last = started();
    set(&mut last, "strategie.ecrite", json!(false));
    let full_report = last.entity().unwrap().report.to_json_pretty();
    let mut s = started();
    set(&mut s, "strategie.ecrite", json!(true));
    s.apply(Action::ImportPrevious {
        file: "2024.report.json".into(),
        text: full_report.clone(),
    });
    let prev = s.entity().unwrap().previous.clone().expect("imported");
    let saved = s.save();
    let (back, backup) = AppState::restore(mini(), Some(saved.clone()), vec![], vec![], "b");
    assert_eq!((backup, back.unreadable.len()), (None, 0));
    assert_eq!(back.entities[0].previous.as_deref(), Some(&*prev));
    // What is saved is the comparison's part of the report, not the whole report.
    let kept = serde_json::from_str::<Value>(&saved).unwrap()["entities"][0]["previous"].to_string();
    assert!(kept.len() < serde_json::from_str::<Value>(&full_report).unwrap().to_string().len());
    // A state saved before (the whole report kept) reads the same.
    let mut older: Value = serde_json::from_str(&saved).unwrap();
    older["entities"][0]["previous"] = serde_json::from_str(&full_report).unwrap();
    let (back, _) = AppState::restore(mini(), Some(older.to_string()), vec![], vec![], "b");
    assert_eq!(back.entities[0].previous.as_deref(), Some(&*prev));
    // An unreadable one is not dropped in silence: the answers load, the problem is said and the
    // saved text is kept for download.
    let mut bad: Value = serde_json::from_str(&saved).unwrap();
    bad["entities"][0]["previous"]["score"] = json!("haut");
    let raw = bad.to_string();
    let (back, backup) = AppState::restore(mini(), Some(raw.clone()), vec![], vec![], "b");
    assert_eq!(back.entities[0].answers, s.entity().unwrap().answers);
    assert_eq!(back.entities[0].previous, None);
    assert_eq!(backup, Some(raw));
    assert!(
        matches!(&back.unreadable[0].reason, UnreadableReason::Answers(d) if d.contains("entities[0].previous") && d.contains("à /score : attendu un objet, trouvé la chaîne « haut »")),
        "{:?}",
        back.unreadable
    );
}

#[test]
fn starting_from_last_years_answers_carries_them_and_readies_the_comparison() {
    let catalog = Rc::new(Catalog::embedded());
    let mut s = AppState::new(catalog.clone());
    let old_text = include_str!("../../tests/calibration/boe-2024.answers.json");
    let old = Answers::from_json(old_text, "boe-2024").unwrap();
    s.apply(Action::StartFrom {
        edition: "tnl-2025".into(),
        file: "boe-2024.answers.json".into(),
        text: old_text.into(),
        now: NOW.into(),
    });
    assert_eq!(s.screen, Screen::Profile, "the profile is checked first");
    let e = s.entity().unwrap();
    let expected = tnl_engine::carry_over(&old, catalog.get("tnl-2025").unwrap());
    assert_eq!(e.answers.answers, expected.answers.answers, "the engine's carry-over");
    assert_eq!(
        (e.answers.edition.as_str(), e.answers.updated_at.as_deref()),
        ("tnl-2025", Some(NOW))
    );
    assert_eq!(e.answers.profile, old.profile);
    let Some(Notice::Carried {
        carried,
        dropped,
        to_answer,
        ..
    }) = s.notice.clone()
    else {
        panic!("{:?}", s.notice)
    };
    assert_eq!((carried, dropped), (expected.carried.len(), expected.dropped.len()));
    assert_eq!(
        to_answer,
        e.report.unanswered().count(),
        "what is left is what the report lists"
    );
    // Last year's evaluation is the comparison's baseline.
    let prev = e.previous.as_deref().expect("baseline");
    assert_eq!(
        prev,
        &Baseline::of(&tnl_engine::evaluate(catalog.get("tnl-2024").unwrap(), &old))
    );
    // A file that is not answers is refused and nothing is added.
    s.apply(Action::StartFrom {
        edition: "tnl-2025".into(),
        file: "x.json".into(),
        text: "[]".into(),
        now: NOW.into(),
    });
    assert!(matches!(&s.notice, Some(Notice::ImportFailed { file, .. }) if file == "x.json"));
    assert_eq!(s.entities.len(), 1);
}

#[test]
fn entities_side_by_side() {
    let mut s = started();
    s.apply(Action::Edit(Edit::Name("Mairie".into()), NOW.into()));
    set(&mut s, "logiciels.bureautique", json!("libre"));
    s.apply(Action::Start { edition: "mini".into() });
    s.apply(Action::Edit(Edit::Name("Office de tourisme".into()), NOW.into()));
    assert_eq!(s.current, Some(entity_at(&s, 1)));
    assert_eq!(s.entities[0].answers.answers.len(), 1);
    assert!(s.entities[1].answers.answers.is_empty());
    s.apply(Action::Remove(entity_at(&s, 0)));
    assert_eq!(s.entities.len(), 1);
    assert_eq!(s.entity().unwrap().answers.profile.name, "Office de tourisme");
    s.apply(Action::Remove(entity_at(&s, 0)));
    assert_eq!(s.screen, Screen::Home);
}

#[test]
fn every_report_format_comes_from_the_shared_renderers() {
    let s = started();
    let r = &s.entity().unwrap().report;
    let formats: Vec<&str> = exports::report_formats(r, None, Lang::Fr)
        .iter()
        .map(|(f, _)| *f)
        .collect();
    assert_eq!(formats, ["html", "odt", "csv"]);
    let files = exports::report_formats(r, None, Lang::Fr);
    assert_eq!(files[0].1.as_text(), tnl_engine::render::html(r, Lang::Fr));
    assert_eq!(files[1].1.bytes, tnl_engine::render::odt(r, Lang::Fr));
    assert_eq!(
        (files[1].1.name.as_str(), files[1].1.mime),
        ("tnl.report.odt", tnl_engine::render::ODT_MIME)
    );
    // With the entity's dependency map, the documents carry its headline, as `tnl evaluate
    // --inventory` writes them.
    let catalogue = tnl_engine::deps::Catalogue::from_json(tnl_engine::deps::CATALOGUE_JSON, "catalogue.json").unwrap();
    let inventory = s.inventory_file().expect("an entity");
    let deps = tnl_engine::deps::dependency_report(&catalogue, &inventory, &Default::default());
    let with = exports::report_formats(r, Some(&deps), Lang::Fr);
    let doc = tnl_engine::render::ReportDocument {
        report: r,
        deps: Some(&deps),
    };
    assert_eq!(with[0].1.as_text(), tnl_engine::render::html_document(&doc, Lang::Fr));
    assert!(with[0].1.as_text().contains("Cartographie des dépendances logicielles"));
    assert!(!files[0]
        .1
        .as_text()
        .contains("Cartographie des dépendances logicielles"));
}

#[test]
fn file_names_are_safe() {
    assert_eq!(exports::slug("Commune de Boé"), "commune-de-boe");
    assert_eq!(exports::slug("  "), "tnl");
}

#[test]
fn scores_read_as_percentages_in_each_language() {
    assert_eq!(tnl_web::i18n::pct(Lang::Fr, 623), "62,3\u{a0}%");
    assert_eq!(tnl_web::i18n::pct(Lang::En, 1000), "100.0%");
}

#[test]
fn comparison_exports_come_from_the_shared_renderers() {
    let mut last = started();
    set(&mut last, "strategie.ecrite", json!(false));
    let mut s = started();
    s.apply(Action::Edit(Edit::Name("Boé".into()), NOW.into()));
    set(&mut s, "strategie.ecrite", json!(true));
    s.apply(Action::ImportPrevious {
        file: "2024.answers.json".into(),
        text: last.entity().unwrap().answers.to_json_pretty(),
    });
    let e = s.entity().unwrap();
    let c = tnl_engine::compare_baselines(e.previous.as_ref().unwrap(), &Baseline::of(&e.report));
    let files = exports::comparison_formats(&c, "Boé", Lang::En);
    assert_eq!(
        files.iter().map(|(f, _)| *f).collect::<Vec<_>>(),
        ["html", "odt", "csv", "ods"]
    );
    assert_eq!(files[3].1.bytes, tnl_engine::render::comparison_ods(&c, Lang::En));
    assert_eq!(files[3].1.name, "boe.comparison.ods");
    assert_eq!(files[0].1.as_text(), tnl_engine::render::comparison_html(&c, Lang::En));
    assert_eq!(files[1].1.bytes, tnl_engine::render::comparison_odt(&c, Lang::En));
    assert_eq!(files[1].1.name, "boe.comparison.odt");
    assert_eq!(files[2].1.as_text(), tnl_engine::render::comparison_csv(&c, Lang::En));
    assert_eq!(files[0].1.name, "boe.comparison.html");
}

#[test]
fn the_territory_table_has_the_columns_of_tnl_batch() {
    use tnl_engine::render;
    let mut s = started();
    s.apply(Action::Edit(Edit::Name("Mairie".into()), NOW.into()));
    set(&mut s, "logiciels.bureautique", json!("libre"));
    s.apply(Action::Start { edition: "mini".into() });
    s.apply(Action::Edit(Edit::Name("CCAS, \"annexe\"".into()), NOW.into()));
    let rows: Vec<_> = s.entities.iter().map(|e| (&*e.report, None)).collect();
    let files = exports::territory_formats(&rows, Lang::Fr);
    let domains = render::summary_domains(s.entities.iter().map(|e| &*e.report));
    let mut header = render::summary_header(&domains);
    header.extend(render::deps_summary_header());
    let csv = &files[0].1.as_text();
    let lines: Vec<&str> = csv.split("\r\n").filter(|l| !l.is_empty()).collect();
    assert_eq!(lines.len(), 3);
    assert_eq!(format!("{}\r\n", lines[0]), render::csv_line(&header));
    let mut row = render::summary_row(&tnl_engine::Summary::of(&s.entities[1].report), &domains, Lang::Fr);
    row.resize(header.len(), String::new());
    assert_eq!(format!("{}\r\n", lines[2]), render::csv_line(&row));
    // The spreadsheet: the same header and rows as the CSV, through the engine's writer.
    let mut table = Vec::new();
    for e in &s.entities {
        let mut cells = render::summary_row(&tnl_engine::Summary::of(&e.report), &domains, Lang::Fr);
        cells.resize(header.len(), String::new());
        table.push(cells);
    }
    let report = &s.entities[0].report;
    let domain = |id: &str| {
        report
            .domains
            .iter()
            .find(|d| *d.id == *id)
            .map(|d| d.title.get(Lang::Fr).to_owned())
    };
    let tier = |id: &str| {
        report
            .tiers
            .iter()
            .find(|t| *t.id == *id)
            .map(|t| t.title.get(Lang::Fr).to_owned())
    };
    let names = render::TableNames {
        domain: &domain,
        tier: &tier,
    };
    assert_eq!((files[1].0, files[1].1.name.as_str()), ("ods", "territoire.ods"));
    assert_eq!(files[1].1.bytes, render::summary_ods(&header, &table, &names, Lang::Fr));
    assert_eq!(
        files.len(),
        3,
        "CSV, ODS and JSON Lines: Markdown is the command line's"
    );
    let jsonl: Vec<Value> = files[2]
        .1
        .as_text()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(jsonl[0]["name"], "Mairie");
}

#[test]
fn the_territory_bundle_holds_the_table_and_every_entitys_files() {
    use tnl_engine::render;
    let mut s = AppState::new(Rc::new(Catalog::embedded()));
    s.apply(Action::Start {
        edition: "tnl-2025".into(),
    });
    s.apply(Action::Edit(Edit::Name("Mairie de Boé".into()), NOW.into()));
    let function = tnl_engine::deps::Function::OfficeSuite;
    s.apply(Action::Inventory(
        InvEdit::AddProduct {
            function,
            product: "libreoffice".into(),
        },
        NOW.into(),
    ));
    s.apply(Action::Start {
        edition: "tnl-2025".into(),
    });
    s.apply(Action::Edit(Edit::Name("CCAS".into()), NOW.into()));
    let deps = s.territory_dependency_reports();
    assert!(deps[0].is_some() && deps[1].is_none());
    let rows: Vec<_> = s
        .entities
        .iter()
        .zip(&deps)
        .map(|(e, d)| (&*e.report, &e.answers, d.as_ref()))
        .collect();
    let bundle = exports::territory_bundle(&rows, Lang::Fr);
    assert_eq!(
        (bundle.name.as_str(), bundle.mime),
        ("territoire.zip", "application/zip")
    );
    // The same files, in this order, as the other buttons give them one by one.
    let table = exports::territory_formats(&rows.iter().map(|(r, _, d)| (*r, *d)).collect::<Vec<_>>(), Lang::Fr)
        .remove(0)
        .1;
    let (a, b) = (&s.entities[0], &s.entities[1]);
    let files: Vec<(String, Vec<u8>)> = vec![
        ("territoire.csv".into(), table.bytes),
        ("territoire.html".into(), {
            let page = [
                render::TerritoryRow {
                    report: &a.report,
                    deps: deps[0].as_ref(),
                    report_link: Some("01-mairie-de-boe.report.html"),
                    deps_link: Some("01-mairie-de-boe.deps.html"),
                },
                render::TerritoryRow {
                    report: &b.report,
                    deps: None,
                    report_link: Some("02-ccas.report.html"),
                    deps_link: None,
                },
            ];
            render::territory_html(&page, Lang::Fr).into_bytes()
        }),
        (
            "01-mairie-de-boe.report.html".into(),
            render::html(&a.report, Lang::Fr).into_bytes(),
        ),
        (
            "01-mairie-de-boe.answers.json".into(),
            exports::answers(&a.answers).bytes,
        ),
        (
            "01-mairie-de-boe.deps.html".into(),
            render::deps_html(deps[0].as_ref().unwrap(), Lang::Fr).into_bytes(),
        ),
        (
            "02-ccas.report.html".into(),
            render::html(&b.report, Lang::Fr).into_bytes(),
        ),
        ("02-ccas.answers.json".into(), exports::answers(&b.answers).bytes),
    ];
    let refs: Vec<(&str, &[u8])> = files.iter().map(|(n, b)| (n.as_str(), b.as_slice())).collect();
    assert_eq!(bundle.bytes, render::zip(&refs));
}

#[test]
fn numbers_are_read_as_people_type_them() {
    use tnl_web::state::parse_decimal;
    for (text, want) in [
        ("12", 12.0),
        (" -3 ", -3.0),
        ("+5", 5.0),
        ("12,5", 12.5),
        ("12.5", 12.5),
        (".5", 0.5),
        ("7.", 7.0),
        ("1 200", 1200.0),
        ("1\u{a0}200,75", 1200.75),
        ("3\u{202f}000", 3000.0),
        ("007", 7.0),
        ("0.1", 0.1),
        ("2.675", 2.675),
        ("123456789012.345", 123_456_789_012.345),
        ("99999999999999999999999", 1e23),
    ] {
        assert_eq!(parse_decimal(text), Some(want), "{text:?}");
    }
    // The nearest f64, as the standard parser gives, for what forms hold.
    for text in [
        "0.3",
        "1.15",
        "8.675309",
        "45.6789",
        "0.000123",
        "98765.4321",
        "1234567.891",
        "33.33",
    ] {
        assert_eq!(parse_decimal(text), text.parse::<f64>().ok(), "{text:?}");
    }
    for text in [
        "",
        " ",
        "-",
        "+",
        ".",
        ",",
        "1.2.3",
        "1,2,3",
        "1e3",
        "inf",
        "NaN",
        "12 €",
        "abc",
        "--1",
        " 1 200 . 5",
        "1. 5",
    ] {
        assert_eq!(parse_decimal(text), None, "{text:?}");
    }
}

#[test]
fn counts_are_read_with_their_digit_groups_and_nothing_else() {
    use tnl_web::state::parse_count;
    for (text, want) in [
        ("5000", 5000),
        (" 5 000 ", 5000),
        ("5\u{a0}000", 5000),
        ("12\u{202f}345\u{202f}678", 12_345_678),
        ("+40", 40),
        ("0", 0),
        ("007", 7),
    ] {
        assert_eq!(parse_count(text), Some(want), "{text:?}");
    }
    assert_eq!(parse_count("18446744073709551615"), Some(u64::MAX));
    // "5.000" is five thousand to some and five to others: no count, rather than a wrong one.
    for text in [
        "",
        " ",
        "-5",
        "5.000",
        "5,000",
        "5000,5",
        "5e3",
        "5 000 €",
        "18446744073709551616",
        "abc",
    ] {
        assert_eq!(parse_count(text), None, "{text:?}");
    }
}

#[test]
fn a_count_typed_with_digit_groups_is_saved() {
    let mut s = AppState::new(Rc::new(Catalog::embedded()));
    s.apply(Action::Start {
        edition: "tnl-2025".into(),
    });
    s.apply(Action::Edit(Edit::Population("5 000".into()), NOW.into()));
    let function = tnl_engine::deps::Function::OfficeSuite;
    s.apply(Action::Inventory(
        InvEdit::AddProduct {
            function,
            product: "libreoffice".into(),
        },
        NOW.into(),
    ));
    let line = s.entity().unwrap().lines().next().unwrap().0;
    s.apply(Action::Inventory(InvEdit::Seats(line, "1\u{a0}200".into()), NOW.into()));
    s.apply(Action::Inventory(InvEdit::Cost(line, "1 250,50".into()), NOW.into()));
    let e = s.entity().unwrap();
    assert_eq!(e.answers.profile.population, Some(5000));
    assert_eq!(e.inventory.items[0].seats, Some(1200));
    assert_eq!(e.inventory.items[0].yearly_cost, Some(1250.5));
}

#[test]
fn gaps_name_tiers_by_their_title_in_the_exports_words() {
    use tnl_engine::report::Gap;
    let mut s = AppState::new(Rc::new(Catalog::embedded()));
    s.apply(Action::Start {
        edition: "tnl-2025".into(),
    });
    let r = s.entity().unwrap().report.clone();
    let g = Gap::PreviousTier { tier: "bronze".into() };
    assert_eq!(
        tnl_web::i18n::gap(Lang::Fr, &g, &r),
        "atteindre d'abord le niveau « Label Bronze »"
    );
    assert_eq!(
        tnl_web::i18n::gap(Lang::En, &g, &r),
        "reach the \"Bronze label\" tier first"
    );
    // The app leaves question ids out; the exports keep them.
    let u = r
        .next_tier
        .as_ref()
        .unwrap()
        .gaps
        .iter()
        .find(|g| matches!(g, Gap::Unanswered { .. }) || matches!(g, Gap::Required { .. }))
        .cloned();
    if let Some(Gap::Unanswered { question, .. } | Gap::Required { question, .. }) = &u {
        assert!(!tnl_web::i18n::gap(Lang::Fr, u.as_ref().unwrap(), &r).contains(&question.to_string()));
        assert!(tnl_engine::render::csv(&r, Lang::Fr).contains(&format!("({question})")));
    } else {
        panic!(
            "a blank evaluation lacks answers or required criteria: {:?}",
            r.next_tier
        );
    }
}

#[test]
fn severities_use_the_exports_words_capitalised() {
    use tnl_engine::report::Severity;
    assert_eq!(tnl_web::i18n::severity(Lang::Fr, Severity::Warning), "Avertissement");
    assert_eq!(tnl_web::i18n::severity(Lang::En, Severity::Error), "Error");
    assert_eq!(tnl_web::i18n::severity(Lang::Fr, Severity::Info), "Information");
}

/// Two tabs of the app on one browser: each starts from what the storage holds, and the storage
/// holds what the last autosave wrote (`write` plays the host's autosave).
fn write(storage: &mut String, s: &AppState) {
    let saved = s.save();
    if s.should_save(&saved) {
        *storage = saved;
    }
}

#[test]
fn a_change_in_another_tab_is_taken_so_that_no_tab_writes_older_answers_over_it() {
    let mut storage = String::new();
    let mut a = started();
    set(&mut a, "strategie.ecrite", json!(true));
    write(&mut storage, &a);
    // Tab B opens on what A saved, and goes to another screen.
    let (mut b, _) = AppState::restore(mini(), Some(storage.clone()), vec![], vec![], "backup");
    b.apply(Action::Go(Screen::Report));
    // A answers one more question; B is told and takes it.
    set(&mut a, "strategie.deliberation", json!(true));
    write(&mut storage, &a);
    b.apply(Action::Adopt {
        raw: storage.clone(),
        backup_key: "tnl.unreadable.other-tab".into(),
    });
    assert_eq!(b.entities, a.entities, "B shows A's answers");
    assert_eq!(b.screen, Screen::Report, "B stays where it was");
    assert_eq!(b.notice, Some(Notice::Synced));
    // Taking it writes nothing back (the storage has it: writing would bounce between tabs) …
    let before = storage.clone();
    assert!(!b.should_save(&b.save()));
    write(&mut storage, &b);
    assert_eq!(storage, before);
    // … but B's own next change is saved, on top of A's answers, and A takes it in turn.
    set(&mut b, "logiciels.postes_linux", json!(80));
    write(&mut storage, &b);
    assert_ne!(storage, before);
    a.apply(Action::Adopt {
        raw: storage.clone(),
        backup_key: "tnl.unreadable.other-tab".into(),
    });
    let answers = &a.entity().unwrap().answers.answers;
    assert!(
        answers.contains_key("strategie.ecrite")
            && answers.contains_key("strategie.deliberation")
            && answers.contains_key("logiciels.postes_linux"),
        "{answers:?}"
    );
    // The same text again changes nothing, and says nothing.
    a.apply(Action::DismissNotice);
    a.apply(Action::Adopt {
        raw: storage.clone(),
        backup_key: "tnl.unreadable.other-tab".into(),
    });
    assert_eq!(a.notice, None);
}

#[test]
fn after_taking_another_tab_state_undoing_a_change_is_saved_too() {
    let mut storage = String::new();
    let mut a = started();
    write(&mut storage, &a);
    let mut b = started();
    set(&mut b, "strategie.ecrite", json!(true));
    b.apply(Action::Adopt {
        raw: storage.clone(),
        backup_key: "k".into(),
    });
    let taken = b.save();
    assert!(!b.should_save(&taken), "taken, not written back");
    b.apply(Action::SetLang(Lang::En));
    write(&mut storage, &b);
    assert_ne!(storage, taken);
    // Back to exactly the state taken: the storage must follow, or the change would stay.
    b.apply(Action::SetLang(Lang::Fr));
    assert_eq!(b.save(), taken);
    write(&mut storage, &b);
    assert_eq!(storage, taken);
    a.apply(Action::SetLang(Lang::En));
    a.apply(Action::Adopt {
        raw: storage,
        backup_key: "k".into(),
    });
    assert_eq!(a.lang, Lang::En, "each tab keeps its own language");
}

#[test]
fn what_another_tab_saves_and_this_one_cannot_read_is_kept_not_taken() {
    let mut s = started();
    set(&mut s, "strategie.ecrite", json!(true));
    let mine = s.entities.clone();
    // A newer app in another tab wrote an entity of an edition this one does not embed.
    let newer = json!({"storage": STORAGE_VERSION, "lang": "fr", "current": 0, "entities": [{"answers": {"format": 1, "edition": "tnl-2031", "profile": {}, "answers": {}}}]}).to_string();
    s.apply(Action::Adopt {
        raw: newer.clone(),
        backup_key: "tnl.unreadable.other-tab".into(),
    });
    assert_eq!(s.entities, mine, "nothing replaced");
    assert_eq!(s.unreadable.len(), 1);
    assert_eq!(
        (s.unreadable[0].key.as_str(), s.unreadable[0].raw.as_str()),
        ("tnl.unreadable.other-tab", newer.as_str())
    );
    assert!(matches!(&s.unreadable[0].reason, UnreadableReason::Answers(d) if d.contains("tnl-2031")));
    // Its next save replaces the kept text: one backup for the other tabs, holding the latest.
    s.apply(Action::Adopt {
        raw: "{not json".into(),
        backup_key: "tnl.unreadable.other-tab".into(),
    });
    assert_eq!(s.unreadable.len(), 1);
    assert_eq!(s.unreadable[0].raw, "{not json");
    assert!(matches!(s.unreadable[0].reason, UnreadableReason::Corrupt(_)));
}

#[test]
fn when_another_tab_clears_everything_this_one_goes_home() {
    let mut storage = String::new();
    let mut a = started();
    set(&mut a, "strategie.ecrite", json!(true));
    let (mut b, _) = AppState::restore(mini(), Some(a.save()), vec![], vec![], "backup");
    b.apply(Action::Go(Screen::Domain(1)));
    a.apply(Action::ClearAll);
    write(&mut storage, &a);
    b.apply(Action::Adopt {
        raw: storage,
        backup_key: "k".into(),
    });
    assert!(b.entities.is_empty());
    assert_eq!(b.screen, Screen::Home);
}

fn answers_of(name: &str, edition: &str) -> String {
    json!({"format": 1, "edition": edition, "profile": {"name": name}, "answers": {"strategie.ecrite": true}})
        .to_string()
}

#[test]
fn many_answers_files_at_once_fill_the_territory_and_say_which_could_not_be_read() {
    let mut s = started();
    let lines = format!(
        "{}\n\n{}\n",
        answers_of("CCAS", "mini"),
        answers_of("Office de tourisme", "mini")
    );
    s.apply(Action::ImportMany {
        files: vec![
            ("mairie.json".into(), answers_of("Mairie", "mini")),
            ("abimé.json".into(), "{\"format\": 1,".into()),
            ("autres.JSONL".into(), lines),
            ("futur.json".into(), answers_of("Syndicat", "tnl-2031")),
        ],
    });
    let names: Vec<&str> = s.entities.iter().map(|e| e.answers.profile.name.as_str()).collect();
    assert_eq!(
        names,
        ["Mairie", "CCAS", "Office de tourisme"],
        "the blank entity gave way; one entity per file or line, in order"
    );
    assert!(
        s.entities.iter().all(|e| e.report.completeness.answered == 1),
        "each one scored"
    );
    assert_eq!(s.screen, Screen::Territory);
    let Some(Notice::ImportedMany { imported, failed, .. }) = &s.notice else {
        panic!("{:?}", s.notice)
    };
    assert_eq!(*imported, 3);
    assert_eq!(failed.len(), 2);
    assert!(
        matches!(&failed[0], Notice::ImportFailed { file, error } if file == "abimé.json" && !error.problems.is_empty())
    );
    assert!(
        matches!(&failed[1], Notice::UnknownEdition { file, edition } if file == "futur.json" && edition == "tnl-2031")
    );
}

#[test]
fn a_bad_line_of_a_json_lines_file_is_named_by_its_line_as_tnl_batch_does() {
    let mut s = AppState::new(mini());
    let lines = format!("{}\nnot json\n{}", answers_of("A", "mini"), answers_of("B", "mini"));
    s.apply(Action::ImportMany {
        files: vec![("territoire.jsonl".into(), lines)],
    });
    assert_eq!(s.entities.len(), 2);
    let Some(Notice::ImportedMany {
        imported: 2, failed, ..
    }) = &s.notice
    else {
        panic!("{:?}", s.notice)
    };
    assert!(matches!(&failed[..], [Notice::ImportFailed { file, .. }] if file == "territoire.jsonl:2"));
}

#[test]
fn one_file_chosen_is_imported_as_before_and_nothing_readable_changes_nothing() {
    let mut s = started();
    s.apply(Action::ImportMany {
        files: vec![("ccas.json".into(), answers_of("CCAS", "mini"))],
    });
    assert_eq!((s.entities.len(), s.screen), (1, Screen::Report));
    assert!(matches!(&s.notice, Some(Notice::Imported { file }) if file == "ccas.json"));
    // A JSON Lines file of one line is one file too.
    s.apply(Action::ImportMany {
        files: vec![("one.jsonl".into(), answers_of("Mairie", "mini") + "\n")],
    });
    assert_eq!(s.entities.len(), 2);
    assert!(matches!(&s.notice, Some(Notice::Imported { file }) if file == "one.jsonl:1"));
    // Nothing readable: the entities and the screen stay, the notice says why.
    s.apply(Action::Go(Screen::Domain(0)));
    s.apply(Action::ImportMany {
        files: vec![("a.json".into(), "[]".into()), ("b.json".into(), "{".into())],
    });
    assert_eq!((s.entities.len(), s.screen), (2, Screen::Domain(0)));
    assert!(matches!(&s.notice, Some(Notice::ImportedMany { imported: 0, failed, .. }) if failed.len() == 2));
}

#[test]
fn saving_after_every_change_gives_the_text_of_saving_once_at_the_end() {
    // Each entity's saved text is kept until it changes: a change the cache missed would leave
    // the older text in localStorage. So the same actions, saved after each one or only at the
    // end, must give the same text.
    let catalog = Rc::new(Catalog::embedded());
    let boe = include_str!("../../tests/calibration/boe-2025.answers.json");
    let last_year = include_str!("../../tests/calibration/boe-2024.answers.json");
    let inventory = include_str!("../../tests/golden/deps-shipped/territoire-40.inventory.json");
    let function = tnl_engine::deps::Function::OfficeSuite;
    let edit = |e: Edit| Action::Edit(e, NOW.into());
    // Ids as the counter gives them: the mairie 0, its line 1, then Boé 2.
    let (mairie, line, boe_id) = (Id(0), Id(1), Id(2));
    let actions = vec![
        Action::Start {
            edition: "tnl-2025".into(),
        },
        edit(Edit::Name("Mairie".into())),
        edit(Edit::Population("5000".into())),
        edit(Edit::Value {
            question: "strategie.referent_elu".into(),
            value: Some(json!(true)),
        }),
        edit(Edit::NotApplicable {
            question: "strategie.referent_technique".into(),
            on: true,
        }),
        edit(Edit::Justification {
            question: "strategie.referent_technique".into(),
            text: "Pas d'agent".into(),
        }),
        Action::Inventory(
            InvEdit::AddProduct {
                function,
                product: "libreoffice".into(),
            },
            NOW.into(),
        ),
        Action::Inventory(InvEdit::Seats(line, "40".into()), NOW.into()),
        Action::Prefill { now: NOW.into() },
        // Files of the collectivité they are given to: another one's would be held until the
        // user confirms (issue 17), which changes nothing yet.
        Action::ImportPrevious {
            file: "boe-2024.answers.json".into(),
            text: last_year.replace("Commune de Boé", "Mairie"),
        },
        Action::Import {
            file: "boe.json".into(),
            text: boe.into(),
        },
        Action::ImportInventory {
            file: "territoire-40.inventory.json".into(),
            text: inventory.replace("Communauté de communes du Causse (fictive)", "Commune de Boé"),
        },
        Action::Select(mairie),
        edit(Edit::Value {
            question: "strategie.referent_elu".into(),
            value: Some(json!(false)),
        }),
        Action::Inventory(InvEdit::Remove(line), NOW.into()),
        Action::SetLang(Lang::En),
        Action::Remove(boe_id),
    ];
    let mut every = AppState::new(catalog.clone());
    let mut texts = Vec::new();
    for a in actions.clone() {
        every.apply(a);
        texts.push(every.save());
    }
    let mut once = AppState::new(catalog);
    for a in actions {
        once.apply(a);
    }
    assert_eq!(every.save(), once.save());
    let same: Vec<usize> = (1..texts.len()).filter(|&i| texts[i] == texts[i - 1]).collect();
    assert_eq!(same, Vec::<usize>::new(), "every action here changes the saved text");
}

/// A saved state as an app without ids writes it: the layout of `tnl.state.v2` before ids.
fn without_ids(raw: &str) -> String {
    let mut v: Value = serde_json::from_str(raw).unwrap();
    v.as_object_mut().unwrap().remove("next_id");
    for e in v["entities"].as_array_mut().unwrap() {
        let e = e.as_object_mut().unwrap();
        e.remove("id");
        e.remove("lines");
    }
    v.to_string()
}

#[test]
fn when_another_tab_removes_an_entity_this_tab_stays_on_its_own() {
    let adopt = |s: &mut AppState, raw: String| {
        s.apply(Action::Adopt {
            raw,
            backup_key: "k".into(),
        })
    };
    let at = |s: &AppState| s.current.and_then(|id| s.position(id));
    let two = |s: &mut AppState, a: &str, b: &str| {
        for name in [a, b] {
            s.apply(Action::Start { edition: "mini".into() });
            s.apply(Action::Edit(Edit::Name(name.into()), NOW.into()));
        }
    };
    let mut a = AppState::new(mini());
    a.apply(Action::Start { edition: "mini".into() });
    a.apply(Action::Edit(Edit::Name("Mairie".into()), NOW.into()));
    two(&mut a, "CCAS", "Office de tourisme");
    let (mut b, _) = AppState::restore(mini(), Some(a.save()), vec![], vec![], "k");
    b.apply(Action::Select(entity_at(&b, 1)));
    b.apply(Action::Go(Screen::Domain(0)));
    assert_eq!(b.entity().unwrap().answers.profile.name, "CCAS");
    // A removes the mairie: the CCAS moves from 1 to 0, and B follows it.
    a.apply(Action::Remove(entity_at(&a, 0)));
    adopt(&mut b, a.save());
    assert_eq!(
        (at(&b), b.entity().unwrap().answers.profile.name.as_str(), b.screen),
        (Some(0), "CCAS", Screen::Domain(0))
    );
    // A removes the CCAS too: B cannot follow it, and shows the table instead of another entity.
    a.apply(Action::Remove(entity_at(&a, 0)));
    adopt(&mut b, a.save());
    assert_eq!(b.screen, Screen::Territory);
    // Two entities of one name: the one of this tab is followed, not the other.
    let mut a = AppState::new(mini());
    two(&mut a, "Mairie", "Office de tourisme");
    two(&mut a, "Office de tourisme", "CCAS");
    a.apply(Action::Select(entity_at(&a, 2)));
    set(&mut a, "strategie.ecrite", json!(true));
    let (mut c, _) = AppState::restore(mini(), Some(a.save()), vec![], vec![], "k");
    c.apply(Action::Select(entity_at(&c, 2)));
    c.apply(Action::Go(Screen::Report));
    a.apply(Action::Remove(entity_at(&a, 0)));
    adopt(&mut c, a.save());
    assert_eq!(
        (at(&c), c.screen),
        (Some(1), Screen::Report),
        "the second office, now second in the list"
    );
    // The same, when the other tab changed this entity too.
    c.apply(Action::Select(entity_at(&c, 2)));
    a.apply(Action::Select(entity_at(&a, 2)));
    set(&mut a, "strategie.ecrite", json!(false));
    a.apply(Action::Remove(entity_at(&a, 0)));
    adopt(&mut c, a.save());
    assert_eq!(c.entity().unwrap().answers.profile.name, "CCAS");
    assert_eq!(at(&c), Some(1));
    // Two entities of one name, both changed: which is this tab's is told by its id.
    let mut a = AppState::new(mini());
    two(&mut a, "Mairie", "Office de tourisme");
    a.apply(Action::Start { edition: "mini".into() });
    a.apply(Action::Edit(Edit::Name("Office de tourisme".into()), NOW.into()));
    let (mut d, _) = AppState::restore(mini(), Some(a.save()), vec![], vec![], "k");
    let mine = entity_at(&d, 1);
    d.apply(Action::Select(mine));
    d.apply(Action::Go(Screen::Report));
    let older = a.clone();
    for i in [1, 2] {
        a.apply(Action::Select(entity_at(&a, i)));
        set(&mut a, "strategie.ecrite", json!(i == 1));
    }
    a.apply(Action::Remove(entity_at(&a, 0)));
    let mut e = d.clone();
    adopt(&mut d, a.save());
    assert_eq!((d.current, at(&d), d.screen), (Some(mine), Some(0), Screen::Report));
    // An older app's save has no ids: this tab keeps its place when no entity was added or
    // removed, and shows the table when one was, rather than guess.
    let mut older = older;
    older.apply(Action::Select(entity_at(&older, 1)));
    set(&mut older, "strategie.ecrite", json!(true));
    adopt(&mut e, without_ids(&older.save()));
    assert_eq!((at(&e), e.screen), (Some(1), Screen::Report));
    assert_eq!(e.entity().unwrap().answers.answers.len(), 1, "the other tab's answers");
    older.apply(Action::Remove(entity_at(&older, 0)));
    adopt(&mut e, without_ids(&older.save()));
    assert_eq!(e.screen, Screen::Territory);
}

#[test]
fn inventories_chosen_with_answers_go_to_the_collectivite_of_their_name() {
    let mut s = AppState::new(Rc::new(Catalog::embedded()));
    let inventory = |name: &str| {
        json!({"format": 1, "kind": "inventory", "profile": {"name": name, "workstations": 10}, "items": [{"function": "office_suite", "product": "libreoffice", "share": 100}]}).to_string()
    };
    let answers =
        |name: &str| json!({"format": 1, "edition": "tnl-2024", "profile": {"name": name}, "answers": {}}).to_string();
    s.apply(Action::ImportMany {
        files: vec![
            ("mairie.inventory.json".into(), inventory("Mairie")),
            ("mairie.answers.json".into(), answers("Mairie")),
            ("ccas.inventory.json".into(), inventory("CCAS")),
            (
                "cassé.inventory.json".into(),
                json!({"format": 1, "kind": "inventory", "items": 5}).to_string(),
            ),
        ],
    });
    let rows: Vec<(&str, &str, usize)> = s
        .entities
        .iter()
        .map(|e| {
            (
                e.answers.profile.name.as_str(),
                e.answers.edition.as_str(),
                e.inventory.items.len(),
            )
        })
        .collect();
    // The mairie's inventory found its answers; the CCAS, with no answers, starts on the newest edition.
    assert_eq!(rows, [("Mairie", "tnl-2024", 1), ("CCAS", "tnl-2025", 1)]);
    assert_eq!(
        s.entities[1].answers.profile.workstations,
        Some(10),
        "the inventory's profile"
    );
    let Some(Notice::ImportedMany {
        imported: 2,
        inventories: 2,
        again: 0,
        apart: 0,
        failed,
    }) = &s.notice
    else {
        panic!("{:?}", s.notice)
    };
    // A broken inventory is reported as an inventory, by its file.
    assert!(
        matches!(&failed[..], [Notice::ImportFailed { file, error }] if file == "cassé.inventory.json" && error.message(Lang::En).contains("inventory")),
        "{failed:?}"
    );
    // The dependency map of each comes with it: the territory archive has them.
    assert!(s.territory_dependency_reports().iter().all(Option::is_some));
    // Another inventory of the mairie does not replace the first one: it goes on a row of its
    // own, as `tnl batch` puts it, and the notice says why.
    s.apply(Action::ImportMany {
        files: vec![("mairie-bis.inventory.json".into(), inventory("Mairie"))],
    });
    assert_eq!(s.entities.len(), 3);
    assert_eq!(s.entities[0].inventory.items.len(), 1);
    assert!(
        matches!(&s.notice, Some(Notice::ImportedMany { imported: 1, inventories: 1, apart: 1, failed, .. }) if failed.is_empty()),
        "{:?}",
        s.notice
    );
    s.apply(Action::Remove(entity_at(&s, 2)));
    // The mairie's answers again, and the CCAS's for another edition: added beside, and said.
    s.apply(Action::ImportMany {
        files: vec![
            ("mairie.answers.json".into(), answers("Mairie")),
            ("ccas.json".into(), answers("CCAS")),
        ],
    });
    assert_eq!(s.entities.len(), 4);
    assert!(
        matches!(
            &s.notice,
            Some(Notice::ImportedMany {
                imported: 2,
                again: 1,
                ..
            })
        ),
        "{:?}",
        s.notice
    );
}

#[test]
fn the_territory_table_sorts_by_any_column_and_keeps_ties_and_gaps_in_place() {
    use tnl_web::state::SortBy;
    let mut s = AppState::new(mini());
    let add = |s: &mut AppState, name: &str, answers: Value| {
        s.apply(Action::Import {
            file: format!("{name}.json"),
            text: json!({"format": 1, "edition": "mini", "profile": {"name": name}, "answers": answers}).to_string(),
        });
    };
    add(&mut s, "Bourg", json!({"strategie.ecrite": true}));
    add(&mut s, "Aval", json!({}));
    add(
        &mut s,
        "Écluse",
        json!({"strategie.ecrite": true, "strategie.deliberation": true}),
    );
    add(&mut s, "Cime", json!({"strategie.ecrite": true}));
    let names = |order: Vec<usize>| {
        order
            .into_iter()
            .map(|i| s.entities[i].answers.profile.name.clone())
            .collect::<Vec<_>>()
    };
    assert_eq!(
        names(s.territory_order(None, false)),
        ["Bourg", "Aval", "Écluse", "Cime"],
        "unsorted: the order of addition"
    );
    // Names alphabetically, "É" with the E.
    assert_eq!(
        names(s.territory_order(Some(SortBy::Name), false)),
        ["Aval", "Bourg", "Cime", "Écluse"]
    );
    assert_eq!(
        names(s.territory_order(Some(SortBy::Name), true)),
        ["Écluse", "Cime", "Bourg", "Aval"]
    );
    // Scores from the highest; Bourg and Cime tie and keep their order.
    assert_eq!(
        names(s.territory_order(Some(SortBy::Score), true)),
        ["Écluse", "Bourg", "Cime", "Aval"]
    );
    assert_eq!(
        names(s.territory_order(Some(SortBy::Score), false)),
        ["Aval", "Bourg", "Cime", "Écluse"]
    );
    // Strategy scores: Aval has 0, first from the lowest, last from the highest.
    let strategie = |desc| names(s.territory_order(Some(SortBy::Domain("strategie".into())), desc));
    assert_eq!(strategie(false).first().map(String::as_str), Some("Aval"));
    assert_eq!(strategie(true).last().map(String::as_str), Some("Aval"));
    // A domain no entity has (another edition's): every cell is a gap, left in the order of addition.
    let gaps = |desc| names(s.territory_order(Some(SortBy::Domain("ailleurs".into())), desc));
    assert_eq!(gaps(true), ["Bourg", "Aval", "Écluse", "Cime"]);
    assert_eq!(gaps(false), gaps(true));
}

#[test]
fn the_territory_table_sorts_by_the_range_with_too_few_answers_last() {
    use tnl_web::state::SortBy;
    let mut s = AppState::new(mini());
    let add = |s: &mut AppState, name: &str, answers: &Value| {
        s.apply(Action::Import {
            file: format!("{name}.json"),
            text: json!({"format": 1, "edition": "mini", "profile": {"name": name}, "answers": answers}).to_string(),
        });
    };
    // Every question answered: the likely tier is known. The Argent requires a written strategy,
    // the Or a deliberation, which only a written strategy asks: each refusal caps the range.
    let full = json!({"strategie.ecrite": true, "strategie.deliberation": true, "strategie.soutiens": ["elus", "dg", "agents"],
        "logiciels.postes_linux": 100, "logiciels.bureautique": "libre", "logiciels.metiers": ["GLPI"],
        "logiciels.preuves": "inventaire", "logiciels.serveurs": 3, "donnees.portail": true, "donnees.jeux": 12,
        "candidature.premiere": true});
    let mut without_vote = full.clone();
    without_vote["strategie.deliberation"] = json!(false);
    add(&mut s, "Vide", &json!({}));
    add(&mut s, "Sans stratégie", &json!({"strategie.ecrite": false}));
    add(&mut s, "Plein", &full);
    add(
        &mut s,
        "Sans délibération",
        &json!({"strategie.ecrite": true, "strategie.deliberation": false}),
    );
    add(&mut s, "Sans vote", &without_vote);
    let ranks = |pick: fn(&tnl_engine::report::Estimate) -> Option<u32>| {
        s.entities
            .iter()
            .map(|e| (e.answers.profile.name.clone(), pick(&e.report.estimate)))
            .collect::<Vec<_>>()
    };
    assert_eq!(
        ranks(|e| e.reachable.as_ref().map(|t| t.rank)),
        [
            ("Vide".into(), Some(4)),
            ("Sans stratégie".into(), Some(2)),
            ("Plein".into(), Some(4)),
            ("Sans délibération".into(), Some(3)),
            ("Sans vote".into(), Some(3))
        ]
    );
    let names = |by: SortBy, desc: bool| {
        s.territory_order(Some(by), desc)
            .into_iter()
            .map(|i| s.entities[i].answers.profile.name.clone())
            .collect::<Vec<_>>()
    };
    // Ties keep the order of addition.
    assert_eq!(
        names(SortBy::Reachable, true),
        ["Vide", "Plein", "Sans délibération", "Sans vote", "Sans stratégie"]
    );
    assert_eq!(
        names(SortBy::Reachable, false),
        ["Sans stratégie", "Sans délibération", "Sans vote", "Vide", "Plein"]
    );
    // Too few answers to give a likely tier: last, whichever the direction.
    assert_eq!(
        names(SortBy::Likely, true),
        ["Plein", "Sans vote", "Vide", "Sans stratégie", "Sans délibération"]
    );
    assert_eq!(
        names(SortBy::Likely, false),
        ["Sans vote", "Plein", "Vide", "Sans stratégie", "Sans délibération"]
    );
}
