//! The documents for the élus (issue 18, points 2 and 3): the note (HTML, ODT) and the draft
//! deliberation (Markdown, ODT), rendered by the engine for the CLI and the app alike.
//!
//! Snapshots (insta, in cli/tests/snapshots; review with `cargo insta review`) in French and
//! English for four cases: a commune with an inventory, a communauté de communes without one, a
//! syndicat (with an inventory entirely on free software) and a département whose answers carry
//! no date. Then the guards: a hostile name and hostile answers escaped in every format, no
//! internal id in any output, the blanks marked, and the `tnl note` and `tnl deliberation`
//! commands with the `-o` safety of the other commands.

use assert_cmd::Command;
use std::path::{Path, PathBuf};
use tnl_engine::deps::{dependency_report, Catalogue, DependencyReport, DepsOptions, Inventory, CATALOGUE_JSON};
use tnl_engine::{editions, evaluate, render, Answers, Lang, Report};

const COMMUNE: &str = "tests/calibration/village-premiers-pas.answers.json";
const COMMUNE_INVENTORY: &str = "tests/golden/deps/commune-mixte.inventory.json";
const EPCI: &str = "tests/golden/documents/cc-exemple.answers.json";
const SYNDICAT: &str = "tests/calibration/syndicat-mutualisation.answers.json";
const SYNDICAT_INVENTORY: &str = "tests/golden/deps/syndicat-libre.inventory.json";
const DEPARTEMENT: &str = "tests/golden/documents/departement-exemple.answers.json";

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn read(rel: &str) -> String {
    std::fs::read_to_string(root().join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

fn report_of(text: &str) -> Report {
    let answers = Answers::from_json(text, "a.json").expect("answers");
    let criteria = editions::load(&answers.edition)
        .expect("a shipped edition")
        .expect("valid");
    evaluate(&criteria, &answers)
}

fn map_of(text: &str) -> DependencyReport {
    let catalogue = Catalogue::from_json(CATALOGUE_JSON, "catalogue.json").expect("catalogue");
    let inventory = Inventory::from_json(text, "i.json").expect("inventory");
    dependency_report(&catalogue, &inventory, &DepsOptions::default())
}

/// The four cases: a name for the snapshots, the report, the map when there is an inventory.
fn cases() -> Vec<(&'static str, Report, Option<DependencyReport>)> {
    vec![
        (
            "commune",
            report_of(&read(COMMUNE)),
            Some(map_of(&read(COMMUNE_INVENTORY))),
        ),
        ("epci", report_of(&read(EPCI)), None),
        (
            "syndicat",
            report_of(&read(SYNDICAT)),
            Some(map_of(&read(SYNDICAT_INVENTORY))),
        ),
        ("departement", report_of(&read(DEPARTEMENT)), None),
    ]
}

/// One part of a stored zip (every ODF part tnl writes is stored, not compressed).
fn part(zip: &[u8], name: &str) -> String {
    let mut at = 0;
    while zip.len() >= at + 30 && zip[at..at + 4] == [0x50, 0x4b, 0x03, 0x04] {
        let le16 = |i: usize| usize::from(u16::from_le_bytes([zip[i], zip[i + 1]]));
        let size = u32::from_le_bytes([zip[at + 18], zip[at + 19], zip[at + 20], zip[at + 21]]) as usize;
        let (name_len, extra) = (le16(at + 26), le16(at + 28));
        let start = at + 30 + name_len + extra;
        if &zip[at + 30..at + 30 + name_len] == name.as_bytes() {
            return String::from_utf8(zip[start..start + size].to_vec()).expect("UTF-8 part");
        }
        at = start + size;
    }
    panic!("no {name} in the package")
}

#[test]
fn note_snapshots() {
    for (case, report, map) in cases() {
        for lang in [Lang::Fr, Lang::En] {
            let code = lang.code();
            insta::assert_snapshot!(
                format!("note_{case}_{code}_html"),
                render::note_html(&report, map.as_ref(), lang)
            );
            insta::assert_snapshot!(
                format!("note_{case}_{code}_odt"),
                part(&render::note_odt(&report, map.as_ref(), lang), "content.xml")
            );
        }
    }
}

#[test]
fn deliberation_snapshots() {
    for (case, report, map) in cases() {
        for lang in [Lang::Fr, Lang::En] {
            let code = lang.code();
            insta::assert_snapshot!(
                format!("deliberation_{case}_{code}_md"),
                render::deliberation_markdown(&report, map.as_ref(), lang)
            );
            insta::assert_snapshot!(
                format!("deliberation_{case}_{code}_odt"),
                part(&render::deliberation_odt(&report, map.as_ref(), lang), "content.xml")
            );
        }
    }
}

#[test]
fn the_deliberation_is_worded_for_the_body_of_each_kind() {
    let wording = [
        (COMMUNE, "Le conseil municipal,", "L. 2121-29"),
        (EPCI, "Le conseil communautaire,", "L. 5211-1"),
        (SYNDICAT, "Le comité syndical,", "L. 5211-1"),
        (DEPARTEMENT, "Le conseil départemental,", "L. 3211-1"),
    ];
    for (answers, body, article) in wording {
        let md = render::deliberation_markdown(&report_of(&read(answers)), None, Lang::Fr);
        assert!(md.contains(body) && md.contains(article), "{answers}: {md}");
        assert!(
            md.contains("loi n° 2016-1321 du 7 octobre 2016 pour une République numérique, notamment son article 16")
        );
        assert!(md.contains("DÉCIDE :") && md.contains("Après en avoir délibéré,"));
    }
    // Any other kind: the body itself is a blank to complete.
    let other = read(COMMUNE).replace("\"kind\": \"commune\"", "\"kind\": \"gip\"");
    let md = render::deliberation_markdown(&report_of(&other), None, Lang::Fr);
    assert!(md.contains("**\\[à compléter : l'organe délibérant\\]**,"), "{md}");
}

#[test]
fn the_places_to_complete_are_marked_in_every_format() {
    let report = report_of(&read(DEPARTEMENT));
    let md = render::deliberation_markdown(&report, None, Lang::Fr);
    for blank in [
        "nom et fonction de l'élu référent",
        "date de la séance",
        "résultat du vote",
    ] {
        assert!(md.contains(&format!("**\\[à compléter : {blank}")), "{blank}: {md}");
    }
    let xml = part(&render::deliberation_odt(&report, None, Lang::Fr), "content.xml");
    assert!(xml.contains(
        r#"<text:span text:style-name="Blank">[à compléter : nom et fonction de l&#39;élu référent]</text:span>"#
    ));
    assert!(xml.contains(r##"style:name="Blank" style:family="text"><style:text-properties fo:font-weight="bold" fo:background-color="#fff59d"/>"##));
    // The answers carry no date: the header asks for one.
    assert!(md.contains("projet établi le \\[à compléter : date\\]"), "{md}");
    let note = render::note_html(&report, None, Lang::Fr);
    assert!(note.contains("[à compléter : date]"));
}

#[test]
fn the_english_deliberation_says_the_act_is_the_french_text() {
    let md = render::deliberation_markdown(&report_of(&read(COMMUNE)), None, Lang::En);
    assert!(md.contains("the legal act is the French text"), "{md}");
    assert!(md.contains("The municipal council (conseil municipal),"));
}

#[test]
fn the_note_gives_the_range_the_costs_and_their_sources() {
    let report = report_of(&read(COMMUNE));
    let map = map_of(&read(COMMUNE_INVENTORY));
    let html = render::note_html(&report, Some(&map), Lang::Fr);
    // The date in words, never as the file writes it.
    assert!(
        html.contains("15 octobre 2025") && !html.contains("2025-10-15"),
        "{html}"
    );
    assert!(html.contains(render::estimate_notice(Lang::Fr)));
    // Every scenario that raises the costs, with its five-year total, and the sources list.
    for p in map.projections.iter().filter(|p| p.increase_over_stable != 0) {
        assert!(html.contains(&render::escape_html(p.label.get(Lang::Fr))), "{}", p.id);
        assert!(html.contains(&render::euros(p.five_year_total, Lang::Fr)), "{}", p.id);
    }
    assert!(html.contains("<ol class=\"sources\">") && html.contains("href=\"#source-3\""));
    // Page numbers and the header in print.
    assert!(html.contains("counter(page)") && html.contains("@top-left"));
    let styles = part(&render::note_odt(&report, Some(&map), Lang::Fr), "styles.xml");
    assert!(
        styles.contains("<text:page-number") && styles.contains("Commune de Saint-Exemple (fictive) — 15 octobre 2025")
    );
    assert!(html.contains("Scénarios de coûts du catalogue"), "{html}");
    // Without an inventory, the note says what one would add.
    let without = render::note_html(&report, None, Lang::Fr);
    assert!(without.contains("Sans inventaire de nos logiciels"), "{without}");
}

#[test]
fn scenarios_an_inventory_defines_are_called_its_own_not_the_catalogues() {
    let report = report_of(&read(COMMUNE));
    let mut inventory: serde_json::Value = serde_json::from_str(&read(COMMUNE_INVENTORY)).expect("json");
    inventory["scenarios"] = serde_json::json!([
        {"id": "stable", "label": "Prix constants", "yearly_increase_percent": 0},
        {"id": "hausse", "label": "Hausse négociée +8 %", "yearly_increase_percent": 8}
    ]);
    let map = map_of(&inventory.to_string());
    let html = render::note_html(&report, Some(&map), Lang::Fr);
    assert!(html.contains("Hausse négociée +8 %"), "{html}");
    assert!(
        html.contains("Scénarios de coûts définis dans notre inventaire"),
        "{html}"
    );
    assert!(!html.contains("Scénarios de coûts du catalogue"), "{html}");
    let en = render::note_html(&report, Some(&map), Lang::En);
    assert!(en.contains("Cost scenarios defined in our inventory"), "{en}");
}

#[test]
fn every_scenario_figure_in_the_note_is_called_to_its_public_source() {
    let report = report_of(&read(COMMUNE));
    let map = map_of(&read(COMMUNE_INVENTORY));
    let rising: Vec<_> = map.projections.iter().filter(|p| p.increase_over_stable != 0).collect();
    assert!(rising.len() >= 3, "{rising:?}");
    for lang in [Lang::Fr, Lang::En] {
        let html = render::note_html(&report, Some(&map), lang);
        let odt = part(&render::note_odt(&report, Some(&map), lang), "content.xml");
        for p in &rising {
            let source = p.source.as_ref().unwrap_or_else(|| panic!("{} has no source", p.id));
            let title = render::escape_html(source.title.get(lang));
            let link = format!("{title} — <a href=\"{0}\">{0}</a>", render::escape_html(&source.url));
            assert!(html.contains(&link), "{}: {link}\n{html}", p.id);
            // The ODT writes the address as text, for a printed page.
            assert!(odt.contains(&format!(" — {}", source.url)), "{}\n{odt}", p.id);
        }
    }
}

#[test]
fn the_three_decisions_follow_the_ranked_steps_and_the_map() {
    let report = report_of(&read(COMMUNE));
    let map = map_of(&read(COMMUNE_INVENTORY));
    let html = render::note_html(&report, Some(&map), Lang::Fr);
    let decisions = html.split("3. Les décisions proposées").nth(1).expect("part 3");
    let decisions = decisions.split("</ol>").next().expect("the list");
    assert_eq!(decisions.matches("<li>").count(), 3, "{decisions}");
    // The first ranked step that is not a question to answer comes first, in the edition's words.
    let first = report.next_steps.iter().find(|s| !s.unanswered).expect("a step");
    let advice = first.advice.get(Lang::Fr);
    let sentence = advice.split(". ").next().expect("a sentence");
    assert!(decisions.contains(&render::escape_html(sentence)), "{decisions}");
    // The map adds the migration of its costliest proprietary program with a free alternative.
    assert!(decisions.contains("Planifiez la migration"), "{decisions}");
    // Without a map, three steps.
    let html = render::note_html(&report, None, Lang::Fr);
    let decisions = html.split("3. Les décisions proposées").nth(1).expect("part 3");
    let decisions = decisions.split("</ol>").next().expect("the list");
    assert_eq!(decisions.matches("<li>").count(), 3);
    assert!(!decisions.contains("Planifiez la migration"));
}

#[test]
fn every_style_an_odt_document_uses_is_defined() {
    for (case, report, map) in cases() {
        for odt in [
            render::note_odt(&report, map.as_ref(), Lang::Fr),
            render::deliberation_odt(&report, map.as_ref(), Lang::En),
        ] {
            let (content, styles) = (part(&odt, "content.xml"), part(&odt, "styles.xml"));
            for xml in [&content, &styles] {
                for used in xml.split("style-name=\"").skip(1) {
                    let name = used.split('"').next().expect("a quoted name");
                    let defined = format!("style:name=\"{name}\"");
                    assert!(
                        content.contains(&defined) || styles.contains(&defined),
                        "{case}: style {name} is not defined"
                    );
                }
            }
        }
    }
}

/// Text no output may carry: the ids of the questions and domains, the scenario ids.
fn internal_ids(report: &Report, map: Option<&DependencyReport>) -> Vec<String> {
    let mut ids: Vec<String> = report.criteria.iter().map(|c| c.id.to_owned()).collect();
    ids.extend(
        map.iter()
            .flat_map(|m| m.projections.iter().map(|p| format!("\"{}\"", p.id))),
    );
    ids
}

#[test]
fn no_internal_id_in_any_output() {
    for (case, report, map) in cases() {
        for lang in [Lang::Fr, Lang::En] {
            let outputs = [
                render::note_html(&report, map.as_ref(), lang),
                part(&render::note_odt(&report, map.as_ref(), lang), "content.xml"),
                render::deliberation_markdown(&report, map.as_ref(), lang),
                part(&render::deliberation_odt(&report, map.as_ref(), lang), "content.xml"),
            ];
            for out in &outputs {
                for id in internal_ids(&report, map.as_ref()) {
                    assert!(!out.contains(&id), "{case}: {id} in {out}");
                }
                assert!(!out.contains("T00:00:00Z"), "{case}: a raw timestamp");
            }
        }
    }
}

const HOSTILE: &str = "<script>alert(1)</script> ]]> \u{1}\u{1b}=cmd|' /C calc'!A0 [x] {name}";

/// The commune's answers and inventory with the hostile name, and a hostile free-text answer.
fn hostile_case() -> (Report, DependencyReport) {
    let name = serde_json::to_string(HOSTILE).expect("json");
    let mut answers: serde_json::Value = serde_json::from_str(&read(COMMUNE)).expect("json");
    answers["profile"]["name"] = serde_json::from_str(&name).expect("json");
    answers["answers"]["strategie.freins"] = serde_json::from_str(&name).expect("json");
    let mut inventory: serde_json::Value = serde_json::from_str(&read(COMMUNE_INVENTORY)).expect("json");
    inventory["profile"]["name"] = serde_json::from_str(&name).expect("json");
    inventory["items"][0]["product"] = serde_json::Value::Null;
    inventory["items"][0]["name"] = serde_json::from_str(&name).expect("json");
    inventory["items"][0]["vendor"] = serde_json::from_str(&name).expect("json");
    inventory["items"][0]["free"] = serde_json::Value::Bool(false);
    (report_of(&answers.to_string()), map_of(&inventory.to_string()))
}

#[test]
fn a_hostile_name_is_escaped_in_every_format() {
    let (report, map) = hostile_case();
    for lang in [Lang::Fr, Lang::En] {
        let html = render::note_html(&report, Some(&map), lang);
        assert!(!html.contains("<script>") && html.contains("&lt;script&gt;"), "{html}");
        assert!(!html.contains('\u{1}') && !html.contains('\u{1b}'));
        // The name is in the print header as a CSS string: escaped, so it cannot close it.
        assert_eq!(html.matches("</style>").count(), 1);
        for odt in [
            render::note_odt(&report, Some(&map), lang),
            render::deliberation_odt(&report, Some(&map), lang),
        ] {
            for name in ["content.xml", "styles.xml", "meta.xml"] {
                let xml = part(&odt, name);
                assert!(!xml.contains("<script>") && !xml.contains("]]>"), "{name}: {xml}");
                assert!(!xml.contains('\u{1}') && !xml.contains('\u{1b}'), "{name}");
            }
            assert!(part(&odt, "styles.xml").contains("&lt;script&gt;"));
        }
        let md = render::deliberation_markdown(&report, Some(&map), lang);
        assert!(md.contains("\\<script\\>") && !md.contains("<script>"), "{md}");
        assert!(!md.contains('\u{1}') && !md.contains('\u{1b}'));
        // A bracket in a name is not a blank, and `{name}` in a name is not filled again.
        assert!(!md.contains("**\\[x\\]**") && md.contains("\\[x\\] {name}"), "{md}");
    }
}

// ------------------------------------------------------------------ the command line

fn tnl() -> Command {
    let mut c = Command::cargo_bin("tnl").expect("the tnl binary is built");
    c.current_dir(root()).env("NO_COLOR", "1");
    c
}

fn run(args: &[&str]) -> (i32, Vec<u8>, String) {
    let out = tnl().args(args).output().expect("tnl runs");
    (
        out.status.code().unwrap_or(-1),
        out.stdout,
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn tnl_note_writes_what_the_engine_renders() {
    let report = report_of(&read(COMMUNE));
    let map = map_of(&read(COMMUNE_INVENTORY));
    let (code, out, err) = run(&["note", COMMUNE, "--inventory", COMMUNE_INVENTORY]);
    assert_eq!((code, err.as_str()), (0, ""));
    assert_eq!(
        String::from_utf8(out).expect("utf-8"),
        render::note_html(&report, Some(&map), Lang::Fr)
    );
    let dir = tempfile::tempdir().expect("tmp");
    let odt = dir.path().join("note.odt");
    let (code, out, err) = run(&["--lang", "en", "note", COMMUNE, "-o", &odt.to_string_lossy()]);
    assert_eq!((code, out.len(), err.as_str()), (0, 0, ""));
    assert_eq!(
        std::fs::read(&odt).expect("written"),
        render::note_odt(&report, None, Lang::En)
    );
}

#[test]
fn tnl_deliberation_writes_what_the_engine_renders() {
    let report = report_of(&read(EPCI));
    let (code, out, err) = run(&["deliberation", EPCI]);
    assert_eq!((code, err.as_str()), (0, ""));
    assert_eq!(
        String::from_utf8(out).expect("utf-8"),
        render::deliberation_markdown(&report, None, Lang::Fr)
    );
    let dir = tempfile::tempdir().expect("tmp");
    let odt = dir.path().join("d.odt");
    let (code, _, err) = run(&["deliberation", EPCI, "-o", &odt.to_string_lossy()]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(
        std::fs::read(&odt).expect("written"),
        render::deliberation_odt(&report, None, Lang::Fr)
    );
}

#[test]
fn a_document_is_never_written_over_an_input_nor_under_a_foreign_extension() {
    let dir = tempfile::tempdir().expect("tmp");
    let answers = dir.path().join("a.answers.json");
    std::fs::copy(root().join(COMMUNE), &answers).expect("copy");
    let inventory = dir.path().join("i.inventory.json");
    std::fs::copy(root().join(COMMUNE_INVENTORY), &inventory).expect("copy");
    let (a, i) = (
        answers.to_string_lossy().into_owned(),
        inventory.to_string_lossy().into_owned(),
    );
    for (command, out) in [("note", &a), ("note", &i), ("deliberation", &a), ("deliberation", &i)] {
        let (code, _, err) = run(&[command, &a, "--inventory", &i, "--format", "odt", "-o", out]);
        assert_eq!(code, 2, "{command} -o {out}: {err}");
        assert!(err.contains("is also an input of this command"), "{err}");
    }
    assert_eq!(std::fs::read_to_string(&answers).expect("kept"), read(COMMUNE));
    assert_eq!(
        std::fs::read_to_string(&inventory).expect("kept"),
        read(COMMUNE_INVENTORY)
    );
    let pdf = dir.path().join("note.pdf");
    let (code, _, err) = run(&["note", &a, "-o", &pdf.to_string_lossy()]);
    assert_eq!(code, 2, "{err}");
    insta::assert_snapshot!("note_pdf_refused", err);
    assert!(!pdf.exists());
}

#[test]
fn the_app_offers_the_same_documents() {
    let report = report_of(&read(COMMUNE));
    let map = map_of(&read(COMMUNE_INVENTORY));
    let exports = tnl_web::exports::documents(&report, Some(&map), Lang::Fr);
    let names: Vec<&str> = exports.iter().map(|e| e.name.as_str()).collect();
    assert_eq!(
        names,
        [
            "commune-de-saint-exemple-fictive.note.html",
            "commune-de-saint-exemple-fictive.note.odt",
            "commune-de-saint-exemple-fictive.deliberation.odt"
        ]
    );
    assert_eq!(
        exports[0].bytes,
        render::note_html(&report, Some(&map), Lang::Fr).into_bytes()
    );
    assert_eq!(exports[1].bytes, render::note_odt(&report, Some(&map), Lang::Fr));
    assert_eq!(
        exports[2].bytes,
        render::deliberation_odt(&report, Some(&map), Lang::Fr)
    );
}
