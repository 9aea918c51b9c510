//! The browser app and `tnl batch --format html` put the same files into the same territory page:
//! both pair inventories with answers through `tnl_engine::territory`.

use assert_cmd::Command;
use serde_json::{json, Value};
use std::path::{Path, PathBuf};
use std::rc::Rc;
use tnl_engine::Lang;
use tnl_web::editions::Catalog;
use tnl_web::state::{Action, AppState};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn answers(name: &str, edition: &str) -> String {
    json!({"format": 1, "edition": edition, "profile": {"name": name, "kind": "commune", "population": 5000},
           "answers": {"strategie.elu_referent": true, "logiciels.suite_bureautique": "libre_partout"}})
    .to_string()
}

fn inventory(name: &str) -> String {
    let text =
        std::fs::read_to_string(root().join("tests/golden/deps/commune-mixte.inventory.json")).expect("the fixture");
    let mut v: Value = serde_json::from_str(&text).expect("JSON");
    v["profile"]["name"] = json!(name);
    v.to_string()
}

#[test]
fn the_app_and_batch_give_the_same_territory_page_for_the_same_files() {
    // In file-name order, as batch reads a folder: every rule of the pairing is met once.
    let files: Vec<(&str, String)> = vec![
        // Paired by stem although its name differs.
        ("a-boe.answers.json", answers("Boé", "tnl-2025")),
        ("a-boe.inventory.json", inventory("Commune de Boé")),
        // Paired by name (the only Agen).
        ("b-agen.json", answers("Agen", "tnl-2025")),
        ("c-agen-dsi.inventory.json", inventory(" Agen ")),
        // Agen has one already: a row of its own.
        ("d-agen-bis.inventory.json", inventory("Agen")),
        // Two Layrac: no guess, a row of its own.
        ("e-layrac.json", answers("Layrac", "tnl-2024")),
        ("f-layrac.json", answers("Layrac", "tnl-2025")),
        ("g-layrac.inventory.json", inventory("Layrac")),
        // Nobody of that name: a row of its own.
        ("h-moirax.inventory.json", inventory("Moirax")),
    ];
    let dir = tempfile::tempdir().unwrap();
    for (name, text) in &files {
        std::fs::write(dir.path().join(name), text).unwrap();
    }
    let out = Command::cargo_bin("tnl")
        .unwrap()
        .args(["batch", "--format", "html", "--lang", "fr", "-q"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let cli_page = String::from_utf8(out.stdout).unwrap();

    let mut app = AppState::new(Rc::new(Catalog::embedded()));
    app.apply(Action::ImportMany {
        files: files.iter().map(|(n, t)| (n.to_string(), t.clone())).collect(),
    });
    let deps = app.territory_dependency_reports();
    let rows: Vec<_> = app
        .entities
        .iter()
        .zip(&deps)
        .map(|(e, d)| (&*e.report, d.as_ref()))
        .collect();
    let app_page = String::from_utf8(tnl_web::exports::territory_page(&rows, Lang::Fr).bytes).unwrap();

    // Six rows: Boé, Agen, Agen (inventory apart), Layrac, Layrac, Layrac (inventory), Moirax.
    assert_eq!(app.entities.len(), 7);
    assert_eq!(app_page, cli_page);
}
