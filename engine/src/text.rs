//! Bilingual texts and the language switch.

use serde::{Deserialize, Serialize};
use std::sync::Arc;

/// A text in French (the primary language of the label) and English.
///
/// Strings are reference counted so that a report can carry the edition's texts without copying
/// them: evaluation stays cheap and the report stays self-contained.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Text {
    /// French text.
    pub fr: Arc<str>,
    /// English text.
    pub en: Arc<str>,
}

impl Text {
    /// Builds a text from its two translations.
    pub fn new(fr: impl AsRef<str>, en: impl AsRef<str>) -> Text {
        Text { fr: Arc::from(fr.as_ref()), en: Arc::from(en.as_ref()) }
    }

    /// The text in `lang`.
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::Fr => &self.fr,
            Lang::En => &self.en,
        }
    }
}

/// Display language of a rendered report or of the user interface.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// French, the default.
    #[default]
    Fr,
    /// English.
    En,
}

impl Lang {
    /// The BCP 47 code: `fr` or `en`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Fr => "fr",
            Lang::En => "en",
        }
    }

    /// Parses `fr` or `en` (case-insensitive).
    pub fn parse(s: &str) -> Option<Lang> {
        match s.to_ascii_lowercase().as_str() {
            "fr" => Some(Lang::Fr),
            "en" => Some(Lang::En),
            _ => None,
        }
    }
}
