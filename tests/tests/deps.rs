//! The dependency map: golden inventories → dependency reports, pre-filling of label questions,
//! properties (replacing a proprietary item by a free alternative never raises an exposure
//! figure; totals add up), and checks of the shipped catalogue.
//!
//! The dependency reports are insta snapshots (`tests/tests/snapshots/deps__*.snap`): review a
//! change with `cargo insta review`, or accept it with
//! `INSTA_UPDATE=always cargo test -p tnl-tests --test deps`.

use proptest::prelude::*;
use serde_json::{json, Value};
use tnl_engine::deps::{dependency_report, prefill, Catalogue, DepsOptions, FunctionStatus, Inventory, Item};
use tnl_engine::{evaluate, Answers, Criteria, Lang};
use tnl_tests::*;

fn mini_catalogue() -> Catalogue {
    Catalogue::from_json(&read("tests/fixtures/mini-catalogue.json"), "mini-catalogue.json")
        .unwrap_or_else(|e| panic!("{e}"))
}

fn options() -> DepsOptions {
    DepsOptions {
        today: Some("2026-11-29".into()),
    }
}

/// The name of a golden inventory's snapshot: its file name less `.inventory.json`.
fn snapshot_name(path: &std::path::Path) -> String {
    path.file_name()
        .unwrap()
        .to_string_lossy()
        .replace(".inventory.json", ".deps")
}

#[test]
fn golden_dependency_reports() {
    let cat = mini_catalogue();
    let fixtures = files_ending("tests/golden/deps", ".inventory.json");
    assert!(fixtures.len() >= 2);
    for path in fixtures {
        let text = std::fs::read_to_string(&path).unwrap();
        let inv = Inventory::from_json(&text, &path.to_string_lossy()).unwrap_or_else(|e| panic!("{e}"));
        insta::assert_snapshot!(
            snapshot_name(&path),
            dependency_report(&cat, &inv, &options()).to_json_pretty()
        );
    }
}

/// Inventories against the shipped catalogue (`tests/golden/deps-shipped/`): the 40-line
/// territory the browser's end-to-end test imports and compares with these figures.
#[test]
fn golden_dependency_reports_with_the_shipped_catalogue() {
    let cat = Catalogue::from_json(tnl_engine::deps::CATALOGUE_JSON, "criteria/catalogue.json").unwrap();
    let fixtures = files_ending("tests/golden/deps-shipped", ".inventory.json");
    assert!(!fixtures.is_empty());
    for path in fixtures {
        let inv = Inventory::from_json(&std::fs::read_to_string(&path).unwrap(), "inv").unwrap();
        let r = dependency_report(&cat, &inv, &options());
        assert!(r.diagnostics.is_empty(), "{:?}", r.diagnostics);
        insta::assert_snapshot!(format!("shipped-{}", snapshot_name(&path)), r.to_json_pretty());
    }
}

fn commune() -> Inventory {
    Inventory::from_json(&read("tests/golden/deps/commune-mixte.inventory.json"), "commune").unwrap()
}

#[test]
fn figures_of_a_mixed_commune() {
    let r = dependency_report(&mini_catalogue(), &commune(), &options());
    // Office: shares 40/60 with 100 workstations give 40 and 60 seats.
    let office = r
        .functions
        .iter()
        .find(|f| f.function.as_str() == "office_suite")
        .unwrap();
    assert_eq!((office.status, office.free_share), (FunctionStatus::Mixed, 600));
    assert_eq!(office.items[0].seats, Some(40));
    let os = r
        .functions
        .iter()
        .find(|f| f.function.as_str() == "workstation_os")
        .unwrap();
    assert_eq!(os.free_share, 300);
    // Mail on Microsoft 365 in an extra-EU cloud; Windows, Office, vSphere are proprietary from
    // a US vendor: extra-EU exposure. e.magnus and Cadastre Pro are French: not exposed.
    assert_eq!(r.exposure.extra_eu_functions, 4);
    assert_eq!(r.exposure.extra_eu_cost, 4200 + 9001 + 6000 + 15840);
    assert_eq!(r.summary.yearly_cost, 4200 + 9001 + 6000 + 15840 + 12000 + 800);
    assert_eq!(r.concentration.top_vendor.as_deref(), Some("Microsoft"));
    // Contracts: earliest first; the one ended before today is flagged.
    let ends: Vec<(&str, Option<bool>)> = r
        .migration_windows
        .iter()
        .map(|m| (m.contract_end.as_str(), m.expired))
        .collect();
    assert_eq!(
        ends,
        vec![
            ("2026-09-30", Some(true)),
            ("2026-12-31", Some(false)),
            ("2027-06", Some(false))
        ]
    );
    assert_eq!(r.migration_windows[0].alternatives, vec!["proxmox-ve"]);
    // Unknown product and unknown function are diagnostics, not failures.
    let codes: Vec<&str> = r.diagnostics.iter().map(|d| d.code.as_str()).collect();
    assert_eq!(codes, vec!["item_invalid", "unknown_product", "free_unknown"]);
    // The VMware-like shock multiplies vSphere's cost by 5.3 in year 1, then +5 %.
    let shock = r.projections.iter().find(|p| p.id == "choc-virtualisation").unwrap();
    let stable = r.projections.iter().find(|p| p.id == "stable").unwrap();
    assert_eq!(stable.years, vec![47841; 6]);
    // Year 1, in cents, item by item (half up): every proprietary cost × 1.05 (441000 + 945053 +
    // 1663200 + 1260000 + 84000) and vSphere × 1.05 × 5.3 (3339000) = 7732253 cents.
    assert_eq!(shock.years[1], 77323);
    assert_eq!(shock.years[2], 81189, "then +5 % on everything proprietary");
}

#[test]
fn an_item_that_cannot_be_read_is_kept_when_saved() {
    let inv = commune();
    let back: Value = serde_json::from_str(&inv.to_json_pretty()).unwrap();
    assert_eq!(
        back["items"][10],
        json!({"function": "pas-une-fonction", "product": "windows"})
    );
}

#[test]
fn inventories_that_cannot_be_used_are_errors() {
    for (text, expected) in [
        (
            r#"{"format": 1, "edition": "tnl-2025", "profile": {}, "answers": {}}"#,
            "expected \"inventory\", found nothing",
        ),
        (
            r#"{"format": 7, "kind": "inventory", "items": []}"#,
            "expected inventory format 1 or older, found 7",
        ),
        (
            r#"{"format": 1, "kind": "inventory", "items": {}}"#,
            "at /items: expected an array of items",
        ),
        (
            r#"{"format": 1, "kind": "inventory", "items": [], "scenarios": [{"id": "x"}]}"#,
            "at /scenarios/0: expected missing field `yearly_increase_percent`",
        ),
    ] {
        let e = Inventory::from_json(text, "inv.json").expect_err(text);
        assert!(e.to_string().contains(expected), "{e}");
    }
}

#[test]
fn the_inventory_prefills_label_questions_without_overwriting() {
    let c = Criteria::from_json(&read("criteria/tnl-2025.json"), "tnl-2025").unwrap();
    let r = dependency_report(&mini_catalogue(), &commune(), &options());
    let p = prefill(&r, &c, Lang::Fr);
    let got: Vec<(&str, &Value)> = p.iter().map(|p| (p.question.as_str(), &p.value)).collect();
    assert_eq!(
        got,
        vec![
            ("logiciels.postes_linux", &json!(30)),
            ("logiciels.suite_bureautique", &json!("libre_majoritaire")),
            ("logiciels.navigateur", &json!("firefox")),
            ("logiciels.sig", &json!("proprietaire")),
            ("logiciels.virtualisation", &json!("proprietaire")),
            // No free business software in this inventory: metiers_libres is left alone.
            ("logiciels.hebergement_souverain", &json!(false)),
        ]
    );
    let mut a = Answers::from_value(json!({"format": 1, "edition": "tnl-2025", "profile": {"name": "x"}, "answers": {"logiciels.postes_linux": 50}}), "a").unwrap();
    assert_eq!(a.apply_prefill(&p), 5);
    assert_eq!(
        a.answers["logiciels.postes_linux"].value,
        Some(json!(50)),
        "a given answer is kept"
    );
    assert!(a.answers["logiciels.suite_bureautique"]
        .justification
        .as_deref()
        .unwrap()
        .contains("inventaire"));
    assert!(
        evaluate(&c, &a)
            .diagnostics
            .iter()
            .all(|d| d.severity == tnl_engine::Severity::Info),
        "pre-filled values are valid answers"
    );
}

#[test]
fn prefilled_answers_are_justified_in_the_chosen_language() {
    let c = Criteria::from_json(&read("criteria/tnl-2025.json"), "tnl-2025").unwrap();
    let r = dependency_report(&mini_catalogue(), &commune(), &options());
    let (fr, en) = (prefill(&r, &c, Lang::Fr), prefill(&r, &c, Lang::En));
    assert_eq!(fr.len(), en.len());
    for (f, e) in fr.iter().zip(&en) {
        assert_eq!(
            (&f.question, &f.value),
            (&e.question, &e.value),
            "the language changes the justification only"
        );
        assert!(
            f.justification.starts_with("pré-rempli depuis l'inventaire"),
            "{}",
            f.justification
        );
        assert!(
            e.justification.starts_with("pre-filled from the inventory"),
            "{}",
            e.justification
        );
        assert!(
            !f.justification.contains('{') && !e.justification.contains('{'),
            "placeholder left: {} / {}",
            f.justification,
            e.justification
        );
    }
    let office = r
        .functions
        .iter()
        .find(|f| f.function.as_str() == "office_suite")
        .expect("office suite in the inventory");
    let suite = |p: &[tnl_engine::deps::Prefilled]| {
        p.iter()
            .find(|p| p.question == "logiciels.suite_bureautique")
            .expect("prefilled")
            .justification
            .clone()
    };
    assert!(
        suite(&fr).contains(&*office.label.fr) && suite(&en).contains(&*office.label.en),
        "{} / {}",
        suite(&fr),
        suite(&en)
    );
}

fn exposure_figures(r: &tnl_engine::deps::DependencyReport) -> [u64; 6] {
    let e = &r.exposure;
    [
        u64::from(e.proprietary_functions),
        e.proprietary_seats,
        e.proprietary_cost,
        u64::from(e.extra_eu_functions),
        e.extra_eu_seats,
        e.extra_eu_cost,
    ]
}

fn random_inventory(cat: &Catalogue, seeds: &[(u8, u8, u16, u16)]) -> Inventory {
    let mut inv = Inventory::new(tnl_engine::Profile {
        name: "prop".into(),
        workstations: Some(120),
        ..Default::default()
    });
    for &(p, h, seats, cost) in seeds {
        let product = &cat.products()[p as usize % cat.products().len()];
        let function = product.functions[h as usize % product.functions.len()];
        inv.items.push(Item {
            function: Some(function),
            product: Some(product.id.clone()),
            seats: (seats % 3 != 0).then_some(u64::from(seats % 500)),
            share: (seats % 3 == 0).then_some(f64::from(seats % 101)),
            yearly_cost: (cost % 4 != 0).then_some(f64::from(cost) / 3.0),
            hosting: match h % 4 {
                0 => Some(tnl_engine::deps::Hosting::OnPremises),
                1 => Some(tnl_engine::deps::Hosting::FrEuHost),
                2 => Some(tnl_engine::deps::Hosting::ExtraEuCloud),
                _ => None,
            },
            contract_end: (cost % 5 == 0).then(|| format!("202{}-0{}", 6 + cost % 4, 1 + cost % 9)),
            ..Item::default()
        });
    }
    inv
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 128, ..ProptestConfig::default() })]

    #[test]
    fn replacing_a_proprietary_item_by_a_free_alternative_never_raises_exposure(
        seeds in prop::collection::vec((any::<u8>(), any::<u8>(), any::<u16>(), any::<u16>()), 1..30), pick in any::<usize>(), alt in any::<usize>()
    ) {
        let cat = mini_catalogue();
        let mut inv = random_inventory(&cat, &seeds);
        let before = dependency_report(&cat, &inv, &options());
        let props: Vec<usize> = (0..inv.items.len()).filter(|&i| !cat.product(inv.items[i].product.as_deref().unwrap()).unwrap().free).collect();
        prop_assume!(!props.is_empty());
        let i = props[pick % props.len()];
        let replaced = cat.product(inv.items[i].product.as_deref().unwrap()).unwrap();
        let f = inv.items[i].function.unwrap();
        let alts: Vec<&str> = replaced.alternatives.iter().map(String::as_str).filter(|a| cat.product(a).unwrap().functions.contains(&f)).collect();
        prop_assume!(!alts.is_empty());
        inv.items[i].product = Some(alts[alt % alts.len()].to_owned());
        let after = dependency_report(&cat, &inv, &options());
        for (k, (b, a)) in exposure_figures(&before).iter().zip(exposure_figures(&after)).enumerate() {
            prop_assert!(a <= *b, "exposure figure {k} rose from {b} to {a}");
        }
        prop_assert!(after.summary.free_function_share >= before.summary.free_function_share || after.summary.functions_listed != before.summary.functions_listed);
    }

    #[test]
    fn totals_add_up(seeds in prop::collection::vec((any::<u8>(), any::<u8>(), any::<u16>(), any::<u16>()), 0..30)) {
        let cat = mini_catalogue();
        let r = dependency_report(&cat, &random_inventory(&cat, &seeds), &options());
        let s = &r.summary;
        prop_assert_eq!(s.functions_free + s.functions_mixed + s.functions_proprietary, s.functions_listed);
        prop_assert_eq!(s.seats_free + r.exposure.proprietary_seats, s.seats_total);
        prop_assert_eq!(r.vendors.iter().map(|v| v.seats).sum::<u64>(), s.seats_total);
        let item_seats: u64 = r.functions.iter().flat_map(|f| &f.items).filter_map(|i| i.seats).sum();
        prop_assert_eq!(item_seats, s.seats_total);
        let vendor_cost: u64 = r.vendors.iter().map(|v| v.yearly_cost).sum();
        prop_assert!(vendor_cost.abs_diff(s.yearly_cost) <= r.vendors.len() as u64, "rounding only");
        for f in &r.functions {
            let shares: u32 = f.items.iter().map(|i| i.share).sum();
            prop_assert!(shares <= 1000 && shares + f.items.len() as u32 >= 1000, "shares of {:?} add to {}", f.function, shares);
            prop_assert!(f.free_share <= 1000);
        }
        prop_assert!(r.concentration.hhi_seats <= 10_000);
        for p in &r.projections {
            prop_assert_eq!(p.years.len(), 6);
            prop_assert_eq!(p.five_year_total, p.years[1..].iter().sum::<u64>());
            prop_assert_eq!(p.years[0], s.yearly_cost);
        }
        let json = r.to_json_pretty();
        let back: tnl_engine::deps::DependencyReport = serde_json::from_str(&json).unwrap();
        prop_assert_eq!(back, r);
    }
}

#[test]
fn shipped_catalogue_is_complete_and_consistent() {
    let path = root().join("criteria/catalogue.json");
    let Ok(text) = std::fs::read_to_string(&path) else {
        panic!("criteria/catalogue.json is missing");
    };
    let v: Value = serde_json::from_str(&text).unwrap();
    let errors = schema_errors("catalogue.schema.json", &v);
    assert!(errors.is_empty(), "{}", errors.join("\n"));
    let cat = Catalogue::from_json(&text, "criteria/catalogue.json").unwrap_or_else(|e| panic!("{e}"));
    assert!(cat.products().len() >= 150, "{} products", cat.products().len());
    for p in cat.products() {
        assert!(
            p.free || !p.alternatives.is_empty(),
            "{} is proprietary without alternative",
            p.id
        );
    }
    for f in tnl_engine::deps::Function::ALL {
        assert!(cat.serving(f).any(|p| p.free), "no free product for {}", f.as_str());
    }
    // The inventories of the goldens also resolve against the shipped catalogue's ids where
    // they share them, so the mini catalogue stays a faithful extract.
    for p in mini_catalogue().products() {
        if let Some(real) = cat.product(&p.id) {
            assert_eq!(real.free, p.free, "{}", p.id);
        }
    }
}

#[test]
fn a_catalogue_names_every_function_once_and_its_presets_uniquely() {
    use tnl_engine::deps::Function;
    let text = read("tests/fixtures/mini-catalogue.json");
    let mut v: Value = serde_json::from_str(&text).unwrap();
    // Names are looked up by the function's position: the enum and `ALL` agree.
    for (i, f) in Function::ALL.iter().enumerate() {
        assert_eq!(*f as usize, i, "{}", f.as_str());
    }
    let cat = mini_catalogue();
    assert_eq!(cat.label(Function::Gis).en.as_ref(), "GIS");
    assert_eq!(cat.label(Function::OfficeSuite).fr.as_ref(), "Suite bureautique");

    let functions = v["functions"].as_array_mut().unwrap();
    let gis = functions.iter().position(|f| f["id"] == "gis").unwrap();
    functions.remove(gis);
    functions[0]["id"] = json!("chat");
    v["scenarios"][1]["id"] = v["scenarios"][0]["id"].clone();
    let err = Catalogue::from_json(&v.to_string(), "broken.json")
        .map(|_| ())
        .unwrap_err()
        .to_string();
    assert!(
        err.contains("/functions/6/id: expected each function named once, found \"chat\" a second time"),
        "{err}"
    );
    assert!(
        err.contains("/functions: expected a name for every function, found none for workstation_os, gis"),
        "{err}"
    );
    assert!(err.contains("/scenarios/1/id: expected a unique scenario id"), "{err}");

    v["scenarios"] = json!([]);
    let err = Catalogue::from_json(&v.to_string(), "broken.json")
        .map(|_| ())
        .unwrap_err()
        .to_string();
    assert!(err.contains("/scenarios"), "{err}");
}

#[test]
fn a_preset_scenario_that_raises_prices_without_a_source_is_refused() {
    let text = read("tests/fixtures/mini-catalogue.json");
    let mut v: Value = serde_json::from_str(&text).unwrap();
    assert!(
        v["scenarios"][0].get("source").is_none(),
        "the constant-price baseline needs none"
    );
    for (i, field) in [(1, "yearly increase"), (2, "shock")] {
        let mut broken = v.clone();
        broken["scenarios"][i].as_object_mut().unwrap().remove("source");
        let schema = schema_errors("catalogue.schema.json", &broken);
        assert!(schema.iter().any(|e| e.contains("source")), "{field}: {schema:?}");
        // The semantic check refuses it too, for a catalogue built without the schema.
        let raw: tnl_engine::deps::CatalogueFile = serde_json::from_value(broken).unwrap();
        let err = Catalogue::from_file(raw, "broken.json")
            .map(|_| ())
            .unwrap_err()
            .to_string();
        assert!(
            err.contains(&format!(
                "/scenarios/{i}/source: expected the public source of the scenario's figure, found none for"
            )),
            "{field}: {err}"
        );
    }
    v["scenarios"][1]["source"]["url"] = json!("javascript:alert(1)");
    let schema = schema_errors("catalogue.schema.json", &v);
    assert!(schema.iter().any(|e| e.contains("url")), "{schema:?}");
}

#[test]
fn the_one_off_13_percent_raises_every_proprietary_cost_once_then_stays() {
    let r = dependency_report(&mini_catalogue(), &commune(), &options());
    let once = r.projections.iter().find(|p| p.id == "plus-13-une-fois").unwrap();
    let stable = r.projections.iter().find(|p| p.id == "stable").unwrap();
    // Proprietary costs in cents (see the shock test): 420000 + 900050 + 1584000 + 1200000 +
    // 80000 + 600000 = 4784050, all proprietary here, each × 1.13 half up = 5405977 cents.
    assert_eq!(stable.years[0], 47841);
    assert_eq!(once.years[1], 54060);
    assert_eq!(once.years[2..], [54060; 4], "then constant prices");
    assert!(once.source.as_ref().is_some_and(|s| s.url.starts_with("https://")));
}

#[test]
fn preset_scenarios_are_named_in_both_languages_and_own_scenarios_in_their_words() {
    let cat = mini_catalogue();
    let r = dependency_report(&cat, &commune(), &options());
    let names: Vec<(&str, &str)> = r
        .projections
        .iter()
        .map(|p| (p.label.fr.as_ref(), p.label.en.as_ref()))
        .collect();
    let presets: Vec<(&str, &str)> = cat
        .file()
        .scenarios
        .iter()
        .map(|s| (s.label.fr.as_ref(), s.label.en.as_ref()))
        .collect();
    assert_eq!(names, presets);
    assert!(names.iter().all(|(fr, en)| fr != en), "{names:?}");
    let en = tnl_engine::render::deps_markdown(&r, tnl_engine::Lang::En);
    assert!(
        en.contains("| Constant prices |") && !en.contains("Prix constants"),
        "{en}"
    );

    let mut own = commune();
    own.scenarios = vec![tnl_engine::deps::Scenario {
        id: "x".into(),
        label: Some("Hausse de 7 %".into()),
        yearly_increase_percent: 7.0,
        shock: None,
    }];
    let r = dependency_report(&cat, &own, &options());
    assert_eq!(r.projections.len(), 1);
    assert_eq!(
        (r.projections[0].label.fr.as_ref(), r.projections[0].label.en.as_ref()),
        ("Hausse de 7 %", "Hausse de 7 %")
    );
}

#[test]
fn sill_export_merges_into_a_copy_of_the_catalogue() {
    use tnl_engine::deps::merge_sill;
    let cat = mini_catalogue();
    // Shaped like the SILL's public export: ids, names, similar proprietary software.
    let sill = json!([
        {"softwareId": 77, "softwareName": "LibreOffice", "license": "MPL-2.0", "comptoirDuLibreId": 7, "wikidataId": "Q10135",
         "similarSoftwares": [{"name": "Microsoft Office", "isLibreSoftware": false}, {"name": "OnlyOffice", "isLibreSoftware": true}]},
        {"softwareId": 301, "softwareName": "Collabora Online", "license": "MPL-2.0", "officialWebsiteUrl": "https://www.collaboraonline.com",
         "authors": [{"name": "Collabora"}], "similarSoftwares": [{"name": "Microsoft Office", "isLibreSoftware": false}, {"name": "Google Docs", "isLibreSoftware": false}]},
        {"softwareId": 302, "softwareName": "Outil Sans Équivalent", "license": "GPL-3.0-only"},
        {"softwareName": ""}
    ]);
    let (merged, stats) = merge_sill(cat.file(), &sill).unwrap();
    assert_eq!(
        stats,
        tnl_engine::deps::SillMerge {
            entries: 4,
            matched: 1,
            added: 2,
            alternatives_added: 1,
            skipped: 1
        }
    );
    let merged = Catalogue::from_file(merged, "merged").expect("the merged catalogue passes the same checks");
    let lo = merged.product("libreoffice").unwrap();
    assert_eq!((lo.sill_id, lo.wikidata.as_deref()), (Some(77), Some("Q10135")));
    let collabora = merged.product("collabora-online").unwrap();
    assert_eq!(
        collabora.functions,
        merged.product("ms-office").unwrap().functions,
        "takes the functions of what it replaces"
    );
    assert_eq!(collabora.vendor, "Collabora");
    assert_eq!(
        merged.product("ms-office").unwrap().alternatives,
        vec!["libreoffice", "collabora-online"]
    );
    assert_eq!(merged.product("outil-sans-equivalent").unwrap().jurisdiction, "ZZ");
    assert!(merge_sill(cat.file(), &json!({"foo": 1})).is_err());
}
