//! The editions and catalogue as the browser build packs them give back the shipped files.

use serde_json::Value;
use tnl_web::packed::{self, Packed};

fn parse(text: &str) -> Value {
    serde_json::from_str(text).expect("valid JSON")
}

#[test]
fn the_packed_editions_are_the_engines_editions_in_its_order() {
    let packed: Vec<_> = packed::EDITIONS.iter().map(|&(id, path, _)| (id, path)).collect();
    let engine: Vec<_> = tnl_engine::editions::EDITIONS.iter().map(|e| (e.id, e.path)).collect();
    assert_eq!(packed, engine);
    assert!(
        matches!(packed::EDITIONS[0].2, Packed::Full(_)),
        "the newest edition is stored whole"
    );
}

/// An edition file less what the app never shows: the basis of every tier and mention clause,
/// the edition's sources and notes (web/build.rs leaves them out; the documentation shows them).
fn without_documentation(mut edition: Value) -> Value {
    for list in ["tiers", "mentions"] {
        for entry in edition[list].as_array_mut().into_iter().flatten() {
            for clause in entry["rule"]["clauses"].as_array_mut().into_iter().flatten() {
                clause.as_object_mut().map(|c| c.remove("basis"));
            }
        }
    }
    let metadata = edition["metadata"].as_object_mut().expect("metadata");
    metadata.remove("sources");
    metadata.remove("notes");
    edition
}

#[test]
fn every_packed_edition_unpacks_to_its_file_less_what_the_app_never_shows() {
    for (&(id, _, p), e) in packed::EDITIONS.iter().zip(tnl_engine::editions::EDITIONS) {
        let text = packed::unpack(p).unwrap_or_else(|err| panic!("{id}: {err}"));
        let unpacked = parse(&text);
        assert_eq!(unpacked, without_documentation(parse(e.json)), "{id}");
        // Every report carries the disclaimer: the app keeps it.
        assert!(unpacked["metadata"].get("disclaimer").is_some(), "{id}");
        assert!(text.len() < e.json.len(), "{id}: packing removes the indentation");
    }
    // The catalogue, less its products' descriptions, which nothing shows.
    let mut catalogue = parse(tnl_engine::deps::CATALOGUE_JSON);
    for product in catalogue["products"].as_array_mut().expect("products") {
        product.as_object_mut().map(|p| p.remove("description"));
    }
    assert_eq!(parse(packed::CATALOGUE), catalogue);
    // The note for the élus cites each scenario's public page: the app keeps the sources.
    let packed = parse(packed::CATALOGUE);
    let sourced = packed["scenarios"].as_array().expect("scenarios");
    assert!(
        sourced.iter().filter(|s| s["source"]["url"].is_string()).count() >= 3,
        "{sourced:?}"
    );
}

#[test]
fn the_older_editions_are_stored_as_a_small_delta() {
    for &(id, _, p) in &packed::EDITIONS[1..] {
        let Packed::Delta(ops) = p else {
            panic!("{id} is not a delta")
        };
        let whole = packed::unpack(p).map(|t| t.len()).unwrap_or(0);
        assert!(ops.len() * 4 < whole, "{id}: delta of {} bytes for {whole}", ops.len());
    }
}

#[test]
fn a_delta_copies_and_inserts_lines() {
    assert_eq!(
        packed::apply("a\nb\nc\nd", "=0 2\n+2\nx\ny\n=3 1").as_deref(),
        Ok("a\nb\nx\ny\nd")
    );
    assert_eq!(packed::apply("a", "").as_deref(), Ok(""));
}

#[test]
fn a_malformed_delta_is_an_error_not_a_panic() {
    for ops in [
        "=5",
        "=a 1",
        "=0 x",
        "=0 3",
        "=3 0",
        "=18446744073709551615 2",
        "+2\nonly one",
        "+x",
        "-1",
        "plain text",
    ] {
        let got = packed::apply("a\nb", ops);
        assert!(
            got.as_ref().is_err_and(|e| e.contains("bad operation")),
            "{ops:?} gave {got:?}"
        );
    }
}
