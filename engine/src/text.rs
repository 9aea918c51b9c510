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
        Text {
            fr: Arc::from(fr.as_ref()),
            en: Arc::from(en.as_ref()),
        }
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

/// A number for a message: an integer without a decimal point (`12`), otherwise the shortest
/// text that reads back as the same `f64` (`12.5`, `1e-7`).
///
/// The same text as `f64`'s `Display` for what answers and editions hold, through the float
/// writer serde_json carries anyway: `Display` would add 15 KB to the browser build, and
/// `xtask build` fails when the browser build links it (`xtask/src/linked.rs`).
pub fn number(x: f64) -> String {
    if x.fract() == 0.0 && x.abs() < 1e15 {
        return (x as i64).to_string();
    }
    match serde_json::Number::from_f64(x) {
        Some(n) => n.to_string(),
        None if x.is_nan() => "NaN".to_owned(),
        None if x > 0.0 => "inf".to_owned(),
        None => "-inf".to_owned(),
    }
}

/// The lowercase of a Latin letter (ASCII, Latin-1, Latin Extended-A: every letter French and the
/// other languages of Europe's Latin alphabets write), any other character unchanged.
///
/// This is what names and searches here need, without the Unicode case tables of
/// `char::to_lowercase`, which weigh 11 KB in the browser build.
pub fn latin_lowercase(c: char) -> char {
    let u = u32::from(c);
    let lower = match u {
        0x41..=0x5a | 0xc0..=0xd6 | 0xd8..=0xde => u + 0x20,
        0x130 => 0x69,
        0x100..=0x137 | 0x14a..=0x177 if u % 2 == 0 => u + 1,
        0x139..=0x148 | 0x179..=0x17e if u % 2 == 1 => u + 1,
        0x178 => 0xff,
        _ => u,
    };
    char::from_u32(lower).unwrap_or(c)
}

/// `text` with [`latin_lowercase`] applied to every character.
pub fn latin_lower(text: &str) -> String {
    text.chars().map(latin_lowercase).collect()
}

/// A lowercase ASCII slug of `text` (letters, digits, single dashes), for file names and ids:
/// French accents lose their marks, anything else becomes a dash. `fallback` when nothing is left.
pub fn slug(text: &str, fallback: &str) -> String {
    let mut out = String::new();
    for c in text.chars().map(latin_lowercase) {
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
        assert_eq!(super::slug("ŒUVRE À SAINT-ÉTIENNE", "x"), "ouvre-a-saint-etienne");
    }

    #[test]
    fn numbers_read_as_they_were_written() {
        for (x, text) in [
            (12.0, "12"),
            (-3.0, "-3"),
            (12.5, "12.5"),
            (0.1, "0.1"),
            (2.675, "2.675"),
            (99.99, "99.99"),
            (1e-7, "1e-7"),
        ] {
            assert_eq!(super::number(x), text);
        }
        for x in [0.3, 1.15, 33.333, 1e300, 5e-324] {
            assert_eq!(super::number(x).parse::<f64>(), Ok(x), "{x}");
        }
        assert_eq!(
            (
                super::number(f64::NAN),
                super::number(f64::INFINITY),
                super::number(f64::NEG_INFINITY)
            ),
            ("NaN".into(), "inf".into(), "-inf".into())
        );
    }

    #[test]
    #[allow(clippy::disallowed_methods, reason = "Unicode is the reference")]
    fn latin_lowercase_is_the_unicode_lowercase_of_latin_letters() {
        for u in 0..0x180u32 {
            let Some(c) = char::from_u32(u) else { continue };
            let unicode: String = c.to_lowercase().collect();
            // U+0130 (İ) lowercases to i and a combining dot: a plain i here.
            let expected = if u == 0x130 { "i".to_owned() } else { unicode };
            assert_eq!(super::latin_lowercase(c).to_string(), expected, "U+{u:04X}");
        }
        assert_eq!(super::latin_lowercase('Ω'), 'Ω', "outside the Latin letters, unchanged");
        assert_eq!(super::latin_lower("Nextcloud GmbH"), "nextcloud gmbh");
    }
}
