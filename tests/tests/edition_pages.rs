//! The human-readable page of each shipped edition (`docs/criteria/ID.md`) must match its data.
//! Regenerate with `UPDATE_GOLDEN=1 cargo test -p tnl-tests --test edition_pages`.

use tnl_engine::edition_page::edition_page;
use tnl_engine::Criteria;
use tnl_tests::*;

#[test]
fn edition_pages_match_the_data() {
    let update = std::env::var_os("UPDATE_GOLDEN").is_some();
    let mut drift = Vec::new();
    for (path, text) in shipped_editions() {
        let c = Criteria::from_json(&text, &path).unwrap_or_else(|e| panic!("{e}"));
        let page = edition_page(&c);
        let page_path = root().join(format!("docs/criteria/{}.md", c.id()));
        if update {
            std::fs::create_dir_all(page_path.parent().unwrap()).unwrap();
            std::fs::write(&page_path, &page).unwrap();
            continue;
        }
        if std::fs::read_to_string(&page_path).ok().as_deref() != Some(page.as_str()) {
            drift.push(format!("docs/criteria/{}.md does not match {path}", c.id()));
        }
    }
    assert!(
        drift.is_empty(),
        "{}\nregenerate with: UPDATE_GOLDEN=1 cargo test -p tnl-tests --test edition_pages",
        drift.join("\n")
    );
}

#[test]
fn the_page_describes_conditions_and_points() {
    let page = edition_page(&mini());
    assert!(
        page.contains("- Concerne : (population ≥ 3501 et nombre d'agents ≥ 50)"),
        "{page}"
    );
    assert!(page.contains("- Posée si : `strategie.ecrite` = oui"));
    assert!(page.contains("≥ 50 % : 7 pt"));
    assert!(page.contains("choix multiple, plafonné à 8 pt :\n  - Élus — 4 pt"));
    assert!(page.contains("critères satisfaits : `strategie.deliberation`"));
}

#[test]
fn the_page_shows_each_clause_with_its_basis() {
    let page = edition_page(&mini());
    assert!(
        page.contains("- score global ≥ 300/1000\n  - Hypothèse du modèle : Seuil de la fixture de test. — *Test fixture threshold.*"),
        "{page}"
    );
}
