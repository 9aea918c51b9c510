//! The editions embedded in the app. They are compiled in, so the app needs no request to start.

use std::rc::Rc;
use tnl_engine::Criteria;

/// `(id, path, criteria JSON)` of every edition shipped with tnl, newest first.
pub fn embedded() -> Vec<(&'static str, &'static str, &'static str)> {
    tnl_engine::editions::EDITIONS.iter().map(|e| (e.id, e.path, e.json)).collect()
}

/// The loaded editions.
#[derive(Debug, Default)]
pub struct Catalog {
    /// `(id, criteria)`, newest first.
    pub editions: Vec<(String, Rc<Criteria>)>,
    /// Embedded editions that failed to load, with the engine's explanation.
    pub errors: Vec<String>,
}

impl PartialEq for Catalog {
    fn eq(&self, other: &Catalog) -> bool {
        std::ptr::eq(self, other)
    }
}

impl Catalog {
    /// Loads every embedded edition (stage two of the validation only: the shipped files are
    /// schema-checked by the tests).
    pub fn embedded() -> Catalog {
        Catalog::from_texts(&embedded())
    }

    /// Loads editions from `(id, file name, JSON)` triples.
    pub fn from_texts(texts: &[(&str, &str, &str)]) -> Catalog {
        let mut catalog = Catalog::default();
        for (_, path, json) in texts {
            match serde_json::from_str(json).map_err(|e| e.to_string()).and_then(|v| Criteria::from_value(v, path).map_err(|e| e.to_string())) {
                Ok(c) => catalog.editions.push((c.id().to_owned(), Rc::new(c))),
                Err(e) => catalog.errors.push(e),
            }
        }
        catalog
    }

    /// The edition with this id.
    pub fn get(&self, id: &str) -> Option<&Rc<Criteria>> {
        self.editions.iter().find(|(i, _)| i == id).map(|(_, c)| c)
    }
}
