//! Any bytes read as an inventory, mapped against the shipped catalogue: never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;
use tnl_engine::deps::{dependency_report, Catalogue, DepsOptions, Inventory};

fn catalogue() -> &'static Catalogue {
    static C: OnceLock<Catalogue> = OnceLock::new();
    C.get_or_init(|| Catalogue::from_json(tnl_engine::deps::CATALOGUE_JSON, "catalogue.json").expect("shipped catalogue"))
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    if let Ok(inv) = Inventory::from_json(text, "fuzz.json") {
        let r = dependency_report(catalogue(), &inv, &DepsOptions { today: Some("2026-11-29".into()) });
        assert!(r.summary.free_function_share <= 1000);
    }
});
