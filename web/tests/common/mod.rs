//! Fixtures shared by the native tests of the app's state.

use std::rc::Rc;
use tnl_web::editions::Catalog;

/// The small test edition with the small software catalogue (`tests/fixtures/mini-*.json`).
pub fn mini_with_catalogue() -> Rc<Catalog> {
    Rc::new(
        Catalog::from_texts(&[(
            "mini",
            "mini-edition.json",
            include_str!("../../../tests/fixtures/mini-edition.json"),
        )])
        .with_catalogue(include_str!("../../../tests/fixtures/mini-catalogue.json")),
    )
}
