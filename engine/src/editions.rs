//! The editions shipped with tnl, embedded in every binary so that no host needs to fetch them.

use crate::{Criteria, Error};

/// An embedded edition: its id and its JSON text.
#[derive(Clone, Copy, Debug)]
pub struct Embedded {
    /// Edition id.
    pub id: &'static str,
    /// Where it lives in the repository.
    pub path: &'static str,
    /// The criteria file.
    pub json: &'static str,
    /// The blank answers template.
    pub template: &'static str,
}

/// The shipped editions, newest first.
pub const EDITIONS: &[Embedded] = &[
    Embedded {
        id: "tnl-2025",
        path: "criteria/tnl-2025.json",
        json: include_str!("../../criteria/tnl-2025.json"),
        template: include_str!("../../criteria/templates/tnl-2025.answers.json"),
    },
    Embedded {
        id: "tnl-2024",
        path: "criteria/tnl-2024.json",
        json: include_str!("../../criteria/tnl-2024.json"),
        template: include_str!("../../criteria/templates/tnl-2024.answers.json"),
    },
];

/// The embedded edition with this id.
pub fn find(id: &str) -> Option<&'static Embedded> {
    EDITIONS.iter().find(|e| e.id == id)
}

/// Loads an embedded edition (stage two only: the shipped files are schema-checked by the tests).
pub fn load(id: &str) -> Option<Result<Criteria, Error>> {
    find(id).map(|e| {
        // Straight from the text to the typed file, without a JSON value in between (every
        // `tnl` command starts here); the general path below is for an error, with its JSON
        // pointer. Every check that evaluation relies on runs; the tiers' reachability (five
        // evaluations) is an authoring check, which the tests run on every shipped edition.
        if let Ok(c) = Criteria::from_checked_json(e.json, e.path) {
            return Ok(c);
        }
        let value = serde_json::from_str(e.json).map_err(|err| Error {
            file: e.path.into(),
            kind: crate::error::FileKind::Criteria,
            problems: vec![crate::Problem::new("", "valid JSON").found(err.to_string())],
        })?;
        Criteria::from_value(value, e.path)
    })
}

/// The domain ids of an embedded edition, in its order, read without loading it (a host that
/// lays out columns for every edition need not check them all first). Reading stops once the
/// `"domains"` member is read: the questions after it are not even scanned.
pub fn domain_ids(e: &Embedded) -> Vec<String> {
    use serde::de::{Error as _, IgnoredAny, MapAccess, Visitor};
    use serde::Deserializer as _;
    #[derive(serde::Deserialize)]
    struct DomainId {
        id: String,
    }
    struct Domains<'a>(&'a mut Vec<String>);
    impl<'de> Visitor<'de> for Domains<'_> {
        type Value = ();
        fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.write_str("a criteria file")
        }
        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
            while let Some(key) = map.next_key::<std::borrow::Cow<'de, str>>()? {
                if key == "domains" {
                    *self.0 = map.next_value::<Vec<DomainId>>()?.into_iter().map(|d| d.id).collect();
                    // Done: an error is the way to stop a deserializer early.
                    return Err(A::Error::custom("read"));
                }
                map.next_value::<IgnoredAny>()?;
            }
            Ok(())
        }
    }
    let mut ids = Vec::new();
    let _ = serde_json::Deserializer::from_str(e.json).deserialize_map(Domains(&mut ids));
    ids
}
