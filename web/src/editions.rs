//! The editions embedded in the app. They are compiled in, so the app needs no request to start.

use crate::packed::{self, Packed};
use std::cell::OnceCell;
use std::rc::Rc;
use tnl_engine::deps::{Catalogue, Function};
use tnl_engine::{Criteria, Lang};

/// The embedded editions, each parsed and checked the first time it is needed: starting the app
/// on one edition does not pay for loading the others.
#[derive(Debug, Default)]
pub struct Catalog {
    entries: Vec<Entry>,
    catalogue: Option<(&'static str, LazyCatalogue)>,
}

type LazyCatalogue = OnceCell<Result<Rc<Catalogue>, String>>;

#[derive(Debug)]
struct Entry {
    id: &'static str,
    path: &'static str,
    source: Packed,
    loaded: OnceCell<Result<Rc<Criteria>, String>>,
}

impl PartialEq for Catalog {
    fn eq(&self, other: &Catalog) -> bool {
        std::ptr::eq(self, other)
    }
}

impl Catalog {
    /// The editions and the software catalogue shipped with tnl (packed by `build.rs`).
    pub fn embedded() -> Catalog {
        Catalog::embedded_editions().with_catalogue(packed::CATALOGUE)
    }

    /// The editions shipped with tnl, without the software catalogue.
    pub fn embedded_editions() -> Catalog {
        Catalog::from_packed(packed::EDITIONS.iter().copied())
    }

    fn from_packed(editions: impl Iterator<Item = (&'static str, &'static str, Packed)>) -> Catalog {
        Catalog {
            entries: editions
                .map(|(id, path, source)| Entry {
                    id,
                    path,
                    source,
                    loaded: OnceCell::new(),
                })
                .collect(),
            catalogue: None,
        }
    }

    /// The same editions with a software catalogue (JSON), parsed the first time it is needed.
    pub fn with_catalogue(mut self, json: &'static str) -> Catalog {
        self.catalogue = Some((json, OnceCell::new()));
        self
    }

    fn load_catalogue(&self) -> Option<&Result<Rc<Catalogue>, String>> {
        let (json, cell) = self.catalogue.as_ref()?;
        Some(cell.get_or_init(|| {
            Catalogue::from_json(json, "catalogue.json")
                .map(Rc::new)
                .map_err(|e| e.to_string())
        }))
    }

    /// The software catalogue, parsed once on first use; `None` when there is none or it cannot
    /// be read (see [`Catalog::catalogue_error`]).
    pub fn catalogue(&self) -> Option<&Rc<Catalogue>> {
        self.load_catalogue()?.as_ref().ok()
    }

    /// The name of a function in `lang`, from the catalogue (its snake_case id if the catalogue
    /// cannot be read).
    pub fn function_label(&self, f: Function, lang: Lang) -> &str {
        self.catalogue().map_or(f.as_str(), |c| c.label(f).get(lang))
    }

    /// Why the software catalogue cannot be read, if it cannot.
    pub fn catalogue_error(&self) -> Option<String> {
        self.load_catalogue()?.as_ref().err().cloned()
    }

    /// Editions from `(id, file name, JSON)` triples.
    pub fn from_texts(texts: &[(&'static str, &'static str, &'static str)]) -> Catalog {
        Catalog::from_packed(texts.iter().map(|&(id, path, json)| (id, path, Packed::Full(json))))
    }

    fn load(e: &Entry) -> &Result<Rc<Criteria>, String> {
        // The shipped editions' authoring (schema, reachable tiers) is checked by the tests: the
        // app runs the checks evaluation relies on, straight from the text.
        e.loaded.get_or_init(|| {
            packed::unpack(e.source)
                .and_then(|json| Criteria::from_checked_json(&json, e.path).map_err(|err| err.to_string()))
                .map(Rc::new)
        })
    }

    /// Ids of the editions, newest first.
    pub fn ids(&self) -> impl Iterator<Item = &'static str> + '_ {
        self.entries.iter().map(|e| e.id)
    }

    /// The edition with this id, loaded on first use; `None` if unknown or unusable.
    pub fn get(&self, id: &str) -> Option<&Rc<Criteria>> {
        self.entries
            .iter()
            .find(|e| e.id == id)
            .and_then(|e| Catalog::load(e).as_ref().ok())
    }

    /// Every edition that fails to load, with the engine's explanation (loads them all).
    pub fn errors(&self) -> Vec<String> {
        self.entries
            .iter()
            .filter_map(|e| Catalog::load(e).as_ref().err().cloned())
            .collect()
    }
}
