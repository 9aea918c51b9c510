//! The free alternatives of a proprietary line follow the line's function (issue 17: the
//! dependency map proposed « LibreOffice, Collabora… » for Microsoft 365 on its video, chat and
//! mail lines), and licences are shown by their name.

use tnl_engine::deps::{dependency_report, licence_name, Catalogue, DepsOptions, Function, Inventory};
use tnl_engine::Lang;

fn shipped() -> Catalogue {
    Catalogue::from_json(tnl_engine::deps::CATALOGUE_JSON, "criteria/catalogue.json").unwrap_or_else(|e| panic!("{e}"))
}

#[test]
fn microsoft_365_on_video_chat_and_mail_lines_gets_no_office_suite() {
    let cat = shipped();
    let inv = Inventory::from_json(
        r#"{"format": 1, "kind": "inventory", "profile": {"name": "Mairie"}, "items": [
            {"function": "video_conferencing", "product": "microsoft-365"},
            {"function": "chat", "product": "microsoft-365"},
            {"function": "mail_server", "product": "microsoft-365"},
            {"function": "office_suite", "product": "microsoft-365"}]}"#,
        "m365.inventory.json",
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let r = dependency_report(&cat, &inv, &DepsOptions::default());
    assert_eq!(r.replacements.len(), 4);
    for x in &r.replacements {
        assert!(x.alternatives.len() >= 2, "{:?} has too few alternatives", x.function);
        for a in &x.alternatives {
            let p = cat.product(&a.id).unwrap_or_else(|| panic!("{}", a.id));
            assert!(
                p.functions.contains(&x.function),
                "{} proposed for a {:?} line",
                a.name,
                x.function
            );
        }
    }
    let video = r
        .replacements
        .iter()
        .find(|x| x.function == Function::VideoConferencing);
    let names: Vec<&str> = video
        .map(|x| x.alternatives.iter().map(|a| a.id.as_str()).collect())
        .unwrap_or_default();
    assert!(
        names.contains(&"jitsi-meet") && !names.contains(&"libreoffice"),
        "{names:?}"
    );
}

#[test]
fn licences_are_named_not_given_by_their_internal_id() {
    assert_eq!(
        licence_name("LicenseRef-FOSS-distribution", Lang::Fr),
        "distribution libre, sous plusieurs licences libres"
    );
    assert_eq!(licence_name("proprietary", Lang::En), "proprietary");
    assert_eq!(licence_name("AGPL-3.0-only", Lang::Fr), "AGPL-3.0-only");
    // No shipped product's licence reaches a reader as a LicenseRef id.
    for p in shipped().products() {
        if let Some(l) = &p.licence {
            assert!(!licence_name(l, Lang::Fr).starts_with("LicenseRef"), "{l}");
        }
    }
}
