//! A territory's files put together: which software inventory goes with which collectivité's
//! answers. The browser app (importing several files at once) and `tnl batch` (a folder) both
//! call [`place_inventories`], so the same files give the same territory page in both.
//!
//! The rule, in order, for each inventory (in the order the files were given):
//! 1. the answers file of the same **stem** (`boe.answers.json` and `boe.inventory.json`, see
//!    [`stem`]) that has no inventory yet;
//! 2. else the **only** answers of the same collectivité name (names compared trimmed) that have no
//!    inventory yet — when several do, nothing tells which one is meant, and none is guessed;
//! 3. else a row of its own (the host evaluates it on blank answers of its newest edition).
//!
//! An inventory never replaces another: an answers file that already has one (from an earlier
//! import, or from rule 1 or 2 for an earlier inventory) is not a candidate.
//!
//! ```
//! use tnl_engine::territory::{place_inventories, AnswersKey, InventoryKey, Placement};
//! let answers = [
//!     AnswersKey { stem: Some("boe"), name: "Boé", has_inventory: false },
//!     AnswersKey { stem: Some("agen"), name: "Agen", has_inventory: false },
//! ];
//! let inventories = [
//!     InventoryKey { stem: Some("boe"), name: "Commune de Boé" },
//!     InventoryKey { stem: None, name: " Agen " },
//!     InventoryKey { stem: None, name: "Layrac" },
//! ];
//! assert_eq!(
//!     place_inventories(&answers, &inventories),
//!     [Placement::WithAnswers(0), Placement::WithAnswers(1), Placement::OwnRow]
//! );
//! ```

/// An answers file (or a collectivité already in the territory), as pairing sees it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct AnswersKey<'a> {
    /// The stem of the file it came from ([`stem`]), when it came from a file of its own.
    pub stem: Option<&'a str>,
    /// The collectivité's name, from its profile.
    pub name: &'a str,
    /// Whether it already has an inventory, which is never replaced.
    pub has_inventory: bool,
}

/// An inventory file to place, as pairing sees it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct InventoryKey<'a> {
    /// The stem of its file ([`stem`]); `None` for a line of a JSON Lines file.
    pub stem: Option<&'a str>,
    /// The collectivité's name, from the inventory's profile.
    pub name: &'a str,
}

/// Where one inventory goes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Placement {
    /// With the answers at this index of the list given.
    WithAnswers(usize),
    /// On a row of its own.
    OwnRow,
}

/// Places each inventory, in order, by the rule of this module's documentation.
pub fn place_inventories(answers: &[AnswersKey], inventories: &[InventoryKey]) -> Vec<Placement> {
    let mut taken: Vec<bool> = answers.iter().map(|a| a.has_inventory).collect();
    inventories
        .iter()
        .map(|inv| {
            let free = |i: &usize| !taken[*i];
            let by_stem = inv
                .stem
                .filter(|s| !s.is_empty())
                .and_then(|s| (0..answers.len()).filter(free).find(|&i| answers[i].stem == Some(s)));
            let by_name = || {
                let name = inv.name.trim();
                let mut same = (0..answers.len())
                    .filter(free)
                    .filter(|&i| !name.is_empty() && answers[i].name.trim() == name);
                match (same.next(), same.next()) {
                    (Some(i), None) => Some(i),
                    _ => None,
                }
            };
            match by_stem.or_else(by_name) {
                Some(i) => {
                    taken[i] = true;
                    Placement::WithAnswers(i)
                }
                None => Placement::OwnRow,
            }
        })
        .collect()
}

/// The stem that pairs a collectivité's files: the file name without its folder, its `.json`
/// extension (any case) and its `.answers` or `.inventory` part. `communes/boe.answers.json` and
/// `boe.inventory.json` both give `boe`.
///
/// ```
/// assert_eq!(tnl_engine::territory::stem("communes/Boe.answers.JSON"), "Boe");
/// assert_eq!(tnl_engine::territory::stem("boe.inventory.json"), "boe");
/// assert_eq!(tnl_engine::territory::stem(r"C:\dossier\agen.json"), "agen");
/// ```
pub fn stem(file: &str) -> &str {
    let name = file.rsplit(['/', '\\']).next().unwrap_or(file);
    let name = strip_suffix_ascii_case(name, ".json").unwrap_or(name);
    [".answers", ".inventory"]
        .into_iter()
        .find_map(|part| strip_suffix_ascii_case(name, part).filter(|s| !s.is_empty()))
        .unwrap_or(name)
}

/// `s` without `suffix`, compared without regard to ASCII case.
fn strip_suffix_ascii_case<'a>(s: &'a str, suffix: &str) -> Option<&'a str> {
    let cut = s.len().checked_sub(suffix.len())?;
    (s.is_char_boundary(cut) && s[cut..].eq_ignore_ascii_case(suffix)).then(|| &s[..cut])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn answers<'a>(stem: Option<&'a str>, name: &'a str, has_inventory: bool) -> AnswersKey<'a> {
        AnswersKey {
            stem,
            name,
            has_inventory,
        }
    }

    fn inventory<'a>(stem: Option<&'a str>, name: &'a str) -> InventoryKey<'a> {
        InventoryKey { stem, name }
    }

    #[test]
    fn the_same_stem_wins_over_the_name() {
        let a = [
            answers(Some("x"), "Boé", false),
            answers(Some("boe"), "Autre nom", false),
        ];
        assert_eq!(
            place_inventories(&a, &[inventory(Some("boe"), "Boé")]),
            [Placement::WithAnswers(1)]
        );
    }

    #[test]
    fn a_name_shared_by_two_free_answers_is_not_guessed() {
        let a = [answers(None, "Boé", false), answers(None, "Boé ", false)];
        assert_eq!(place_inventories(&a, &[inventory(None, "Boé")]), [Placement::OwnRow]);
    }

    #[test]
    fn a_name_is_matched_trimmed_and_only_to_answers_without_an_inventory() {
        let a = [answers(None, " Boé", true), answers(None, "Boé", false)];
        assert_eq!(
            place_inventories(&a, &[inventory(None, "Boé  ")]),
            [Placement::WithAnswers(1)]
        );
    }

    #[test]
    fn an_inventory_never_replaces_another() {
        let a = [answers(Some("boe"), "Boé", false)];
        let inv = [inventory(Some("boe"), "Boé"), inventory(Some("boe"), "Boé")];
        assert_eq!(
            place_inventories(&a, &inv),
            [Placement::WithAnswers(0), Placement::OwnRow]
        );
    }

    #[test]
    fn a_blank_name_or_stem_pairs_nothing() {
        let a = [answers(Some(""), "", false)];
        assert_eq!(place_inventories(&a, &[inventory(Some(""), "  ")]), [Placement::OwnRow]);
    }

    #[test]
    fn stems_keep_names_that_are_only_a_kind() {
        assert_eq!(stem(".answers.json"), ".answers");
        assert_eq!(stem("boe.json"), "boe");
        assert_eq!(stem("été.Answers.json"), "été");
        assert_eq!(stem("é"), "é");
    }
}
