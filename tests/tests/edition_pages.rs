//! The human-readable page of each shipped edition (`docs/criteria/ID.md`) must match its data.
//! Regenerate with `UPDATE_GENERATED=1 cargo test -p tnl-tests --test edition_pages`.

use tnl_engine::edition_page::edition_page;
use tnl_engine::Criteria;
use tnl_tests::*;

#[test]
fn edition_pages_match_the_data() {
    let mut drift = Vec::new();
    for (path, text) in shipped_editions() {
        let c = Criteria::from_json(&text, &path).unwrap_or_else(|e| panic!("{e}"));
        let page = format!("docs/criteria/{}.md", c.id());
        if let Err(e) = check_generated(&page, &edition_page(&c), "edition_pages") {
            drift.push(e);
        }
    }
    assert!(drift.is_empty(), "{}", drift.join("\n"));
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
