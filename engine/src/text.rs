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

/// A lowercase ASCII slug of `text` (letters, digits, single dashes), for file names and ids:
/// French accents lose their marks, anything else becomes a dash. `fallback` when nothing is left.
pub fn slug(text: &str, fallback: &str) -> String {
    let mut out = String::new();
    for c in text.chars().flat_map(char::to_lowercase) {
        let c = match c {
            'à' | 'â' | 'ä' | 'á' => 'a',
            'é' | 'è' | 'ê' | 'ë' => 'e',
            'î' | 'ï' => 'i',
            'ô' | 'ö' => 'o',
            'ù' | 'û' | 'ü' => 'u',
            'ç' => 'c',
            'œ' => 'o',
            c => c,
        };
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    let out = out.trim_end_matches('-');
    if out.is_empty() {
        fallback.to_owned()
    } else {
        out.to_owned()
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn slugs() {
        assert_eq!(super::slug("Commune d'Échirolles", "x"), "commune-d-echirolles");
        assert_eq!(super::slug("  Boé (47) ", "x"), "boe-47");
        assert_eq!(super::slug("<<>>", "tnl"), "tnl");
    }
}
