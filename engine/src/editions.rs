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
/// lays out columns for every edition need not check them all first). Only the domains' ids are
/// built; the rest of the file is skipped unread into any value. Empty if the text cannot be read,
/// which the tests rule out for every shipped edition.
pub fn domain_ids(e: &Embedded) -> Vec<String> {
    /// The one member read: serde skips every other member of the file.
    #[derive(serde::Deserialize)]
    struct Domains {
        domains: Vec<DomainId>,
    }
    #[derive(serde::Deserialize)]
    struct DomainId {
        id: String,
    }
    serde_json::from_str::<Domains>(e.json)
        .map(|file| file.domains.into_iter().map(|d| d.id).collect())
        .unwrap_or_default()
}
