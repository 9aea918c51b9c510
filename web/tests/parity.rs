//! Engine parity in WebAssembly: the golden and calibration answers give the same report bytes
//! and the same rendered files as natively; the golden inventories give the same dependency
//! reports and rendered maps. Run by `cargo run -p xtask -- test-wasm`, which
//! computes the native outputs first and points `TNL_PARITY_CASES` at the list.
#![cfg(target_arch = "wasm32")]

use tnl_engine::deps::{dependency_report, Catalogue, DepsOptions, Inventory};
use tnl_engine::{evaluate, render, Answers, Criteria, Lang};
use wasm_bindgen_test::wasm_bindgen_test;

include!(env!("TNL_PARITY_CASES"));

#[wasm_bindgen_test]
fn reports_are_the_same_bytes_in_wasm_as_natively() {
    assert!(!CASES.is_empty());
    let mut failures = Vec::new();
    for (name, criteria, answers, expected) in CASES {
        let criteria = Criteria::from_json(criteria, name).unwrap_or_else(|e| panic!("{e}"));
        let answers = Answers::from_json(answers, name).unwrap_or_else(|e| panic!("{e}"));
        let r = evaluate(&criteria, &answers);
        for (suffix, want) in *expected {
            let got = match *suffix {
                "report.json" => render::json(&r),
                "fr.md" => render::markdown(&r, Lang::Fr),
                "en.html" => render::html(&r, Lang::En),
                "fr.csv" => render::csv(&r, Lang::Fr),
                "en.odt.hex" => render::odt(&r, Lang::En).iter().map(|b| format!("{b:02x}")).collect(),
                other => panic!("unknown output {other}"),
            };
            if got != *want {
                failures.push(format!("{name}.{suffix} differs from the native output"));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[wasm_bindgen_test]
fn dependency_reports_are_the_same_bytes_in_wasm_as_natively() {
    assert!(!DEPS_CASES.is_empty());
    let catalogue = Catalogue::from_json(DEPS_CATALOGUE, "mini-catalogue.json").unwrap_or_else(|e| panic!("{e}"));
    let mut failures = Vec::new();
    for (name, inventory, expected) in DEPS_CASES {
        let inventory = Inventory::from_json(inventory, name).unwrap_or_else(|e| panic!("{e}"));
        let r = dependency_report(
            &catalogue,
            &inventory,
            &DepsOptions {
                today: Some(DEPS_TODAY.into()),
            },
        );
        for (suffix, want) in *expected {
            let got = match *suffix {
                "deps.json" => r.to_json_pretty() + "\n",
                "deps.fr.md" => render::deps_markdown(&r, Lang::Fr),
                "deps.en.html" => render::deps_html(&r, Lang::En),
                "deps.fr.csv" => render::deps_csv(&r, Lang::Fr),
                "deps.fr.ods.hex" => render::deps_ods(&r, Lang::Fr)
                    .iter()
                    .map(|b| format!("{b:02x}"))
                    .collect(),
                other => panic!("unknown output {other}"),
            };
            if got != *want {
                failures.push(format!("{name}.{suffix} differs from the native output"));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
