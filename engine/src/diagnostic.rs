//! Every cause of a diagnostic, in one place: its stable code, its severity and its message in
//! both languages.
//!
//! The codes are a public contract: reports carry them, the report schema lists them and
//! docs/formats.md explains them, both generated from [`DiagnosticKind::ALL_CODES`] and checked by
//! `cargo test -p tnl-tests --test formats`.

use crate::answers::json_type;
use crate::error::{json_type_fr, serde_fr_sentence};
use crate::report::Severity;
use crate::text::{number, Lang};
use serde_json::Value;

/// One diagnostic code as the schema and the documentation list it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DiagnosticCode {
    /// The code reports carry, e.g. `unknown_question`.
    pub code: &'static str,
    /// How serious a diagnostic of this code is.
    pub severity: Severity,
    /// What it means, in one English sentence, for docs/formats.md.
    pub meaning: &'static str,
}

/// Why a diagnostic is raised, with the data its message needs. The messages are written only
/// when a diagnostic is built, so a summary that needs none pays nothing for them.
#[derive(Clone, Debug, PartialEq)]
pub enum DiagnosticKind<'a> {
    /// The answers name another edition than the one they are evaluated against.
    EditionMismatch {
        /// The edition the answers name.
        answers: &'a str,
        /// The edition they are evaluated against.
        edition: &'a str,
    },
    /// An answer to a question the edition does not have.
    UnknownQuestion {
        /// The question's id.
        question: &'a str,
        /// The edition they are evaluated against.
        edition: &'a str,
    },
    /// An answer to a question that does not apply to the profile.
    NotForProfile {
        /// The question's id.
        question: &'a str,
    },
    /// An answer to a question asked only depending on another answer, which does not ask it.
    NotAsked {
        /// The question's id.
        question: &'a str,
    },
    /// A question declared not applicable without a justification.
    JustificationMissing {
        /// The question's id.
        question: &'a str,
    },
    /// A question declared not applicable where the edition does not allow it.
    NotApplicableRefused {
        /// The question's id.
        question: &'a str,
    },
    /// An exclusive option (« none ») ticked with others.
    ExclusiveCombined {
        /// The question's id.
        question: &'a str,
    },
    /// A profile field a condition needed is not given.
    ProfileFieldMissing {
        /// The profile field's name.
        field: &'a str,
    },
    /// An answer's value of the wrong JSON type.
    WrongType {
        /// The question's id.
        question: &'a str,
        /// What was expected, in French.
        expected_fr: &'a str,
        /// What was expected, in English.
        expected_en: &'a str,
        /// The value found.
        found: &'a Value,
    },
    /// An answer naming an option the question does not have.
    UnknownOption {
        /// The question's id.
        question: &'a str,
        /// The option given.
        option: &'a str,
        /// The question's options.
        known: Vec<&'a str>,
    },
    /// A number outside the question's range.
    ValueOutOfRange {
        /// The question's id.
        question: &'a str,
        /// The number given.
        value: f64,
        /// The question's minimum.
        min: f64,
        /// The maximum.
        max: Option<f64>,
    },
    /// Answers without a profile.
    ProfileMissing,
    /// A profile field of the wrong type or value.
    ProfileInvalid {
        /// The profile field's name.
        field: &'a str,
        /// What was expected, in French.
        expected_fr: &'a str,
        /// What was expected, in English.
        expected_en: &'a str,
        /// The value found.
        found: &'a Value,
    },
    /// An inventory line that cannot be read; `error` is serde's English message.
    ItemInvalid {
        /// The line's index, from 0.
        line: usize,
        /// serde's English message.
        error: &'a str,
    },
    /// An inventory line that names no function.
    ItemWithoutFunction {
        /// The line's index, from 0.
        line: usize,
    },
    /// An inventory line naming a product the catalogue does not have.
    UnknownProduct {
        /// The product id the line gives.
        product: &'a str,
    },
    /// An inventory line that says neither the catalogue nor itself whether it is free software.
    FreeUnknown {
        /// The line's name.
        name: &'a str,
    },
    /// An inventory line's share outside 0–100 %.
    ShareOutOfRange,
    /// An inventory line's seats above the maximum.
    SeatsOutOfRange {
        /// The maximum.
        max: u64,
    },
}

impl DiagnosticKind<'_> {
    /// Every code a diagnostic can carry, in the order the schema and the documentation list them.
    pub const ALL_CODES: &'static [DiagnosticCode] = &[
        DiagnosticCode {
            code: "edition_mismatch",
            severity: Severity::Error,
            meaning: "The answers are for another edition than the one they are evaluated against.",
        },
        DiagnosticCode {
            code: "unknown_question",
            severity: Severity::Error,
            meaning: "An answer to a question the edition does not have: ignored, kept in the file.",
        },
        DiagnosticCode {
            code: "not_for_profile",
            severity: Severity::Info,
            meaning: "An answer to a question that does not apply to this profile: ignored.",
        },
        DiagnosticCode {
            code: "not_asked",
            severity: Severity::Warning,
            meaning: "An answer to a question that another answer leaves unasked: ignored.",
        },
        DiagnosticCode {
            code: "justification_missing",
            severity: Severity::Warning,
            meaning: "A question declared not applicable without a justification, which the jury will expect.",
        },
        DiagnosticCode {
            code: "not_applicable_refused",
            severity: Severity::Error,
            meaning: "A question declared not applicable where the edition does not allow it.",
        },
        DiagnosticCode {
            code: "exclusive_combined",
            severity: Severity::Warning,
            meaning: "An exclusive option (\"none\") ticked with others: only the others count.",
        },
        DiagnosticCode {
            code: "profile_field_missing",
            severity: Severity::Info,
            meaning:
                "A profile field a condition needs is not given: the questions that depend on it count as applicable.",
        },
        DiagnosticCode {
            code: "wrong_type",
            severity: Severity::Error,
            meaning: "An answer's value of the wrong type: ignored.",
        },
        DiagnosticCode {
            code: "unknown_option",
            severity: Severity::Error,
            meaning: "An answer naming an option the question does not have: ignored.",
        },
        DiagnosticCode {
            code: "out_of_range",
            severity: Severity::Error,
            meaning: "A number outside its range (an answer, an inventory line's share or seats): ignored.",
        },
        DiagnosticCode {
            code: "profile_missing",
            severity: Severity::Warning,
            meaning: "Answers without a profile: nothing is adapted to the collectivité's size.",
        },
        DiagnosticCode {
            code: "profile_invalid",
            severity: Severity::Warning,
            meaning: "A profile field of the wrong type or value: ignored.",
        },
        DiagnosticCode {
            code: "item_invalid",
            severity: Severity::Error,
            meaning: "An inventory line that cannot be read: ignored, kept in the file.",
        },
        DiagnosticCode {
            code: "item_without_function",
            severity: Severity::Error,
            meaning: "An inventory line without a function: ignored.",
        },
        DiagnosticCode {
            code: "unknown_product",
            severity: Severity::Warning,
            meaning: "An inventory line naming a product the catalogue does not have: the line's own facts are used.",
        },
        DiagnosticCode {
            code: "free_unknown",
            severity: Severity::Warning,
            meaning: "An inventory line that does not say whether it is free software: counted as proprietary.",
        },
    ];

    /// The stable code reports carry.
    pub fn code(&self) -> &'static str {
        match self {
            DiagnosticKind::EditionMismatch { .. } => "edition_mismatch",
            DiagnosticKind::UnknownQuestion { .. } => "unknown_question",
            DiagnosticKind::NotForProfile { .. } => "not_for_profile",
            DiagnosticKind::NotAsked { .. } => "not_asked",
            DiagnosticKind::JustificationMissing { .. } => "justification_missing",
            DiagnosticKind::NotApplicableRefused { .. } => "not_applicable_refused",
            DiagnosticKind::ExclusiveCombined { .. } => "exclusive_combined",
            DiagnosticKind::ProfileFieldMissing { .. } => "profile_field_missing",
            DiagnosticKind::WrongType { .. } => "wrong_type",
            DiagnosticKind::UnknownOption { .. } => "unknown_option",
            DiagnosticKind::ValueOutOfRange { .. }
            | DiagnosticKind::ShareOutOfRange
            | DiagnosticKind::SeatsOutOfRange { .. } => "out_of_range",
            DiagnosticKind::ProfileMissing => "profile_missing",
            DiagnosticKind::ProfileInvalid { .. } => "profile_invalid",
            DiagnosticKind::ItemInvalid { .. } => "item_invalid",
            DiagnosticKind::ItemWithoutFunction { .. } => "item_without_function",
            DiagnosticKind::UnknownProduct { .. } => "unknown_product",
            DiagnosticKind::FreeUnknown { .. } => "free_unknown",
        }
    }

    /// How serious: an error means the input concerned was ignored.
    pub fn severity(&self) -> Severity {
        match self {
            DiagnosticKind::NotForProfile { .. } | DiagnosticKind::ProfileFieldMissing { .. } => Severity::Info,
            DiagnosticKind::NotAsked { .. }
            | DiagnosticKind::JustificationMissing { .. }
            | DiagnosticKind::ExclusiveCombined { .. }
            | DiagnosticKind::ProfileMissing
            | DiagnosticKind::ProfileInvalid { .. }
            | DiagnosticKind::UnknownProduct { .. }
            | DiagnosticKind::FreeUnknown { .. } => Severity::Warning,
            DiagnosticKind::EditionMismatch { .. }
            | DiagnosticKind::UnknownQuestion { .. }
            | DiagnosticKind::NotApplicableRefused { .. }
            | DiagnosticKind::WrongType { .. }
            | DiagnosticKind::UnknownOption { .. }
            | DiagnosticKind::ValueOutOfRange { .. }
            | DiagnosticKind::ItemInvalid { .. }
            | DiagnosticKind::ItemWithoutFunction { .. }
            | DiagnosticKind::ShareOutOfRange
            | DiagnosticKind::SeatsOutOfRange { .. } => Severity::Error,
        }
    }

    /// The question concerned, for the causes tied to one.
    pub fn question(&self) -> Option<&str> {
        match *self {
            DiagnosticKind::UnknownQuestion { question, .. }
            | DiagnosticKind::NotForProfile { question }
            | DiagnosticKind::NotAsked { question }
            | DiagnosticKind::JustificationMissing { question }
            | DiagnosticKind::NotApplicableRefused { question }
            | DiagnosticKind::ExclusiveCombined { question }
            | DiagnosticKind::WrongType { question, .. }
            | DiagnosticKind::UnknownOption { question, .. }
            | DiagnosticKind::ValueOutOfRange { question, .. } => Some(question),
            _ => None,
        }
    }

    /// What is wrong and what to do, in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        match lang {
            Lang::Fr => self.message_fr(),
            Lang::En => self.message_en(),
        }
    }

    /// What is wrong and what to do, in French.
    fn message_fr(&self) -> String {
        match self {
            DiagnosticKind::EditionMismatch { answers, edition } => {
                format!("ces réponses sont pour l'édition « {answers} », évaluées ici avec « {edition} »")
            }
            DiagnosticKind::UnknownQuestion { question, edition } => {
                format!(
                    "la question « {question} » n'existe pas dans l'édition {edition} : réponse ignorée (conservée dans le fichier)"
                )
            }
            DiagnosticKind::NotForProfile { question } => {
                format!("la question « {question} » ne concerne pas ce profil : réponse ignorée")
            }
            DiagnosticKind::NotAsked { question } => {
                format!("la question « {question} » n'est posée que selon une autre réponse : réponse ignorée")
            }
            DiagnosticKind::JustificationMissing { question } => {
                format!("« {question} » déclarée non applicable sans justification : le jury en attendra une")
            }
            DiagnosticKind::NotApplicableRefused { question } => {
                format!("« {question} » ne peut pas être déclarée non applicable dans cette édition")
            }
            DiagnosticKind::ExclusiveCombined { question } => {
                format!(
                    "« {question} » : une option exclusive (« aucun ») est cochée avec d'autres ; seules les autres comptent"
                )
            }
            DiagnosticKind::ProfileFieldMissing { field } => {
                format!(
                    "profil : « {field} » non renseigné ; les questions qui en dépendent sont comptées comme applicables"
                )
            }
            DiagnosticKind::WrongType {
                question,
                expected_fr,
                found,
                ..
            } => {
                format!(
                    "« {question} » : attendu {expected_fr}, trouvé {} ; réponse ignorée",
                    json_type_fr(found)
                )
            }
            DiagnosticKind::UnknownOption {
                question,
                option,
                known,
            } => {
                format!(
                    "« {question} » : option « {option} » inconnue (options : {}) ; réponse ignorée",
                    known.join(", ")
                )
            }
            DiagnosticKind::ValueOutOfRange {
                question,
                value,
                min,
                max,
            } => {
                format!(
                    "« {question} » : {} hors de l'intervalle {} ; réponse ignorée",
                    number(*value),
                    range(*min, *max)
                )
            }
            DiagnosticKind::ProfileMissing => "profil absent : rien n'est adapté à la taille de la collectivité".into(),
            DiagnosticKind::ProfileInvalid {
                field,
                expected_fr,
                found,
                ..
            } => {
                format!(
                    "profil : « {field} » ignoré, attendu {expected_fr}, trouvé {}",
                    json_type_fr(found)
                )
            }
            DiagnosticKind::ItemInvalid { line, error } => {
                format!(
                    "ligne {} de l'inventaire ignorée : {}",
                    line + 1,
                    serde_fr_sentence(error)
                )
            }
            DiagnosticKind::ItemWithoutFunction { line } => {
                format!("ligne {} sans fonction : ignorée", line + 1)
            }
            DiagnosticKind::UnknownProduct { product } => {
                format!("produit « {product} » absent du catalogue : décrivez-le (nom, éditeur, libre ou non, pays)")
            }
            DiagnosticKind::FreeUnknown { name } => {
                format!("« {name} » : libre ou non ? compté comme propriétaire")
            }
            DiagnosticKind::ShareOutOfRange => "part hors de 0–100 % : ignorée".into(),
            DiagnosticKind::SeatsOutOfRange { max } => {
                format!("plus de {max} postes : ignoré")
            }
        }
    }

    /// What is wrong and what to do, in English.
    fn message_en(&self) -> String {
        match self {
            DiagnosticKind::EditionMismatch { answers, edition } => {
                format!("these answers are for edition \"{answers}\", evaluated here against \"{edition}\"")
            }
            DiagnosticKind::UnknownQuestion { question, edition } => {
                format!(
                    "question \"{question}\" does not exist in edition {edition}: answer ignored (kept in the file)"
                )
            }
            DiagnosticKind::NotForProfile { question } => {
                format!("question \"{question}\" does not apply to this profile: answer ignored")
            }
            DiagnosticKind::NotAsked { question } => {
                format!("question \"{question}\" is only asked depending on another answer: answer ignored")
            }
            DiagnosticKind::JustificationMissing { question } => {
                format!("\"{question}\" declared not applicable without a justification: the jury will expect one")
            }
            DiagnosticKind::NotApplicableRefused { question } => {
                format!("\"{question}\" cannot be declared not applicable in this edition")
            }
            DiagnosticKind::ExclusiveCombined { question } => {
                format!("\"{question}\": an exclusive option (\"none\") is ticked with others; only the others count")
            }
            DiagnosticKind::ProfileFieldMissing { field } => {
                format!("profile: \"{field}\" not given; the questions that depend on it are counted as applicable")
            }
            DiagnosticKind::WrongType {
                question,
                expected_en,
                found,
                ..
            } => {
                format!(
                    "\"{question}\": expected {expected_en}, found {}; answer ignored",
                    json_type(found)
                )
            }
            DiagnosticKind::UnknownOption {
                question,
                option,
                known,
            } => {
                format!(
                    "\"{question}\": unknown option \"{option}\" (options: {}); answer ignored",
                    known.join(", ")
                )
            }
            DiagnosticKind::ValueOutOfRange {
                question,
                value,
                min,
                max,
            } => {
                format!(
                    "\"{question}\": {} is outside {}; answer ignored",
                    number(*value),
                    range(*min, *max)
                )
            }
            DiagnosticKind::ProfileMissing => "no profile: nothing is adapted to the collectivité's size".into(),
            DiagnosticKind::ProfileInvalid {
                field,
                expected_en,
                found,
                ..
            } => {
                format!(
                    "profile: \"{field}\" ignored, expected {expected_en}, found {}",
                    json_type(found)
                )
            }
            DiagnosticKind::ItemInvalid { line, error } => {
                format!("inventory line {} ignored: {error}", line + 1)
            }
            DiagnosticKind::ItemWithoutFunction { line } => {
                format!("line {} has no function: ignored", line + 1)
            }
            DiagnosticKind::UnknownProduct { product } => {
                format!(
                    "product \"{product}\" is not in the catalogue: describe it (name, vendor, free or not, country)"
                )
            }
            DiagnosticKind::FreeUnknown { name } => {
                format!("\"{name}\": free or not? counted as proprietary")
            }
            DiagnosticKind::ShareOutOfRange => "share outside 0–100 %: ignored".into(),
            DiagnosticKind::SeatsOutOfRange { max } => {
                format!("more than {max} seats: ignored")
            }
        }
    }
}

/// A question's range as messages write it: `0 – 100`, or `≥ 0` when it has no maximum.
fn range(min: f64, max: Option<f64>) -> String {
    match max {
        Some(m) => format!("{} – {}", number(min), number(m)),
        None => format!("≥ {}", number(min)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// One diagnostic of each cause.
    fn one_of_each(found: &Value) -> Vec<DiagnosticKind<'_>> {
        vec![
            DiagnosticKind::EditionMismatch {
                answers: "a",
                edition: "b",
            },
            DiagnosticKind::UnknownQuestion {
                question: "q",
                edition: "b",
            },
            DiagnosticKind::NotForProfile { question: "q" },
            DiagnosticKind::NotAsked { question: "q" },
            DiagnosticKind::JustificationMissing { question: "q" },
            DiagnosticKind::NotApplicableRefused { question: "q" },
            DiagnosticKind::ExclusiveCombined { question: "q" },
            DiagnosticKind::ProfileFieldMissing { field: "kind" },
            DiagnosticKind::WrongType {
                question: "q",
                expected_fr: "un nombre",
                expected_en: "a number",
                found,
            },
            DiagnosticKind::UnknownOption {
                question: "q",
                option: "x",
                known: vec!["a", "b"],
            },
            DiagnosticKind::ValueOutOfRange {
                question: "q",
                value: 120.0,
                min: 0.0,
                max: Some(100.0),
            },
            DiagnosticKind::ProfileMissing,
            DiagnosticKind::ProfileInvalid {
                field: "agents",
                expected_fr: "un entier",
                expected_en: "an integer",
                found,
            },
            DiagnosticKind::ItemInvalid {
                line: 0,
                error: "invalid type: string \"x\", expected u64",
            },
            DiagnosticKind::ItemWithoutFunction { line: 2 },
            DiagnosticKind::UnknownProduct { product: "p" },
            DiagnosticKind::FreeUnknown { name: "n" },
            DiagnosticKind::ShareOutOfRange,
            DiagnosticKind::SeatsOutOfRange { max: 10 },
        ]
    }

    #[test]
    fn every_cause_has_a_listed_code_with_its_severity() {
        let found = Value::Bool(true);
        for kind in one_of_each(&found) {
            let listed = DiagnosticKind::ALL_CODES.iter().find(|c| c.code == kind.code());
            assert_eq!(listed.map(|c| c.severity), Some(kind.severity()), "{kind:?}");
        }
    }

    #[test]
    fn every_listed_code_has_a_cause_and_is_listed_once() {
        let found = Value::Bool(true);
        let kinds = one_of_each(&found);
        for (i, listed) in DiagnosticKind::ALL_CODES.iter().enumerate() {
            assert!(
                kinds.iter().any(|k| k.code() == listed.code),
                "{} has no cause",
                listed.code
            );
            assert!(
                DiagnosticKind::ALL_CODES[..i].iter().all(|c| c.code != listed.code),
                "{} listed twice",
                listed.code
            );
        }
    }

    #[test]
    fn messages_name_the_input_in_both_languages() {
        let found = Value::from(120);
        let kind = DiagnosticKind::ValueOutOfRange {
            question: "logiciels.postes_linux",
            value: 120.0,
            min: 0.0,
            max: Some(100.0),
        };
        assert_eq!(
            kind.message(Lang::Fr),
            "« logiciels.postes_linux » : 120 hors de l'intervalle 0 – 100 ; réponse ignorée"
        );
        assert_eq!(
            kind.message(Lang::En),
            "\"logiciels.postes_linux\": 120 is outside 0 – 100; answer ignored"
        );
        let kind = DiagnosticKind::WrongType {
            question: "q",
            expected_fr: "true ou false",
            expected_en: "true or false",
            found: &found,
        };
        assert_eq!(
            kind.message(Lang::Fr),
            "« q » : attendu true ou false, trouvé le nombre 120 ; réponse ignorée"
        );
        assert_eq!(
            kind.message(Lang::En),
            "\"q\": expected true or false, found the number 120; answer ignored"
        );
    }
}
