//! The one error type of the library: input that cannot be used at all.
//!
//! Problems *inside* answers are not errors; they are [`crate::Diagnostic`]s in the report.

use crate::text::Lang;
use std::fmt;

/// One problem found in a file, located by JSON pointer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// JSON pointer to the offending value (`""` for the whole document).
    pub pointer: String,
    /// What was expected there, in a sentence fragment (lowercase, no final period).
    pub expected: String,
    /// What was found or went wrong, when it says more than `expected`.
    pub found: Option<String>,
    /// How to fix it.
    pub hint: Option<String>,
    /// The same in French, for the files a collectivité hands to the app (answers, reports,
    /// inventories); `None` for edition and catalogue files, whose authors read English. A part
    /// with no French is given in English.
    pub fr: Option<Box<French>>,
}

/// The French of a [`Problem`]'s parts.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct French {
    /// What was expected.
    pub expected: String,
    /// What was found.
    pub found: Option<String>,
    /// How to fix it.
    pub hint: Option<String>,
}

impl Problem {
    /// A problem at `pointer` where `expected` was expected (English only).
    pub fn new(pointer: impl Into<String>, expected: impl Into<String>) -> Problem {
        Problem {
            pointer: pointer.into(),
            expected: expected.into(),
            found: None,
            hint: None,
            fr: None,
        }
    }

    /// A problem at `pointer`, in French and English.
    pub fn bi(pointer: impl Into<String>, fr: impl Into<String>, en: impl Into<String>) -> Problem {
        let fr = French {
            expected: fr.into(),
            ..French::default()
        };
        Problem {
            fr: Some(Box::new(fr)),
            ..Problem::new(pointer, en)
        }
    }

    /// Adds what was found.
    pub fn found(mut self, found: impl Into<String>) -> Problem {
        self.found = Some(found.into());
        self
    }

    /// Adds what was found, in French and English.
    pub fn found_bi(mut self, fr: impl Into<String>, en: impl Into<String>) -> Problem {
        self.french().found = Some(fr.into());
        self.found(en)
    }

    /// Adds the JSON type and value found, in French and English.
    pub fn found_value(self, v: &serde_json::Value) -> Problem {
        self.found_bi(json_type_fr(v), crate::answers::json_type(v))
    }

    /// Adds a hint.
    pub fn hint(mut self, hint: impl Into<String>) -> Problem {
        self.hint = Some(hint.into());
        self
    }

    /// Adds a hint, in French and English.
    pub fn hint_bi(mut self, fr: impl Into<String>, en: impl Into<String>) -> Problem {
        self.french().hint = Some(fr.into());
        self.hint(en)
    }

    fn french(&mut self) -> &mut French {
        let expected = &self.expected;
        self.fr.get_or_insert_with(|| {
            Box::new(French {
                expected: expected.clone(),
                ..French::default()
            })
        })
    }

    /// The problem in `lang`: what [`Display`](fmt::Display) writes in English.
    pub fn message(&self, lang: Lang) -> String {
        match (lang, &self.fr) {
            (Lang::Fr, Some(fr)) => {
                let mut out = if self.pointer.is_empty() {
                    "à la racine du document".to_owned()
                } else {
                    format!("à {}", self.pointer)
                };
                out.push_str(" : attendu ");
                out.push_str(&fr.expected);
                if let Some(found) = fr.found.as_ref().or(self.found.as_ref()) {
                    out.push_str(", trouvé ");
                    out.push_str(found);
                }
                if let Some(hint) = fr.hint.as_ref().or(self.hint.as_ref()) {
                    out.push_str("\n  conseil : ");
                    out.push_str(hint);
                }
                out
            }
            _ => self.to_string(),
        }
    }
}

/// The JSON type and value of `v`, in French, as [`json_type`](crate::answers::json_type) says
/// it in English.
pub(crate) fn json_type_fr(v: &serde_json::Value) -> String {
    use serde_json::Value;
    match v {
        Value::Null => "null".into(),
        Value::Bool(b) => format!("{b}"),
        Value::Number(n) => format!("le nombre {n}"),
        Value::String(s) if s.chars().count() > 40 => {
            format!("une chaîne (« {}… »)", s.chars().take(40).collect::<String>())
        }
        Value::String(s) => format!("la chaîne « {s} »"),
        Value::Array(a) => format!(
            "un tableau de {} élément{}",
            a.len(),
            if a.len() > 1 { "s" } else { "" }
        ),
        Value::Object(_) => "un objet".into(),
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let at = if self.pointer.is_empty() {
            "(document root)"
        } else {
            &self.pointer
        };
        write!(f, "at {at}: expected {}", self.expected)?;
        if let Some(found) = &self.found {
            write!(f, ", found {found}")?;
        }
        if let Some(hint) = &self.hint {
            write!(f, "\n  hint: {hint}")?;
        }
        Ok(())
    }
}

/// What kind of file failed to load.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileKind {
    /// A criteria file (one label edition).
    Criteria,
    /// An answers file.
    Answers,
    /// A report written by the engine.
    Report,
    /// A software catalogue.
    Catalogue,
    /// A software inventory.
    Inventory,
}

impl FileKind {
    /// "a" or "an", for sentences about this kind of file.
    pub fn article(self) -> &'static str {
        match self {
            FileKind::Answers | FileKind::Inventory => "an",
            _ => "a",
        }
    }

    /// "fichier de réponses"…: the kind of file, in French.
    fn file_fr(self) -> &'static str {
        match self {
            FileKind::Criteria => "fichier de critères",
            FileKind::Answers => "fichier de réponses",
            FileKind::Report => "fichier de rapport",
            FileKind::Catalogue => "fichier de catalogue",
            FileKind::Inventory => "fichier d'inventaire",
        }
    }
}

impl fmt::Display for FileKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            FileKind::Criteria => "criteria",
            FileKind::Answers => "answers",
            FileKind::Report => "report",
            FileKind::Catalogue => "catalogue",
            FileKind::Inventory => "inventory",
        })
    }
}

/// A file that cannot be used, with every problem found in it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Error {
    /// Name of the file as the user gave it (or `<stdin>`, `<embedded>`…).
    pub file: String,
    /// What the file was read as.
    pub kind: FileKind,
    /// The problems, at least one, in document order where known.
    pub problems: Vec<Problem>,
}

impl Error {
    pub(crate) fn one(file: &str, kind: FileKind, problem: Problem) -> Error {
        Error {
            file: file.to_owned(),
            kind,
            problems: vec![problem],
        }
    }

    /// The error in `lang`: what [`Display`](fmt::Display) writes in English, every problem
    /// on a line of its own.
    pub fn message(&self, lang: Lang) -> String {
        match lang {
            Lang::En => self.to_string(),
            Lang::Fr => {
                let n = self.problems.len();
                let mut out = format!(
                    "{} : {} invalide ({} problème{})",
                    self.file,
                    self.kind.file_fr(),
                    n,
                    if n == 1 { "" } else { "s" }
                );
                for p in &self.problems {
                    out.push('\n');
                    out.push_str(&self.file);
                    out.push_str(" : ");
                    out.push_str(&p.message(lang));
                }
                out
            }
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let n = self.problems.len();
        write!(
            f,
            "{}: invalid {} file ({} problem{})",
            self.file,
            self.kind,
            n,
            if n == 1 { "" } else { "s" }
        )?;
        for p in &self.problems {
            write!(f, "\n{}: {p}", self.file)?;
        }
        Ok(())
    }
}

impl std::error::Error for Error {}

/// Deserializes a parsed document into `T`; a type error names the JSON pointer of the value at
/// fault (feature `error-paths`; without it, the document root).
pub(crate) fn deserialize_at<T: serde::de::DeserializeOwned>(
    value: serde_json::Value,
    kind: FileKind,
) -> Result<T, Problem> {
    #[cfg(feature = "error-paths")]
    {
        // The fast path reads plainly; only a failure pays for tracking the path to the error.
        if let Ok(t) = T::deserialize(&value) {
            return Ok(t);
        }
        serde_path_to_error::deserialize(value).map_err(|e| {
            let pointer = path_to_pointer(e.path());
            problem_from_serde(e.into_inner(), pointer, kind)
        })
    }
    #[cfg(not(feature = "error-paths"))]
    {
        serde_json::from_value(value).map_err(|e| problem_from_serde(e, String::new(), kind))
    }
}

/// Parses JSON text; a syntax error gives the JSON pointer reached (feature `error-paths`) and
/// always the line and column.
pub(crate) fn parse_at(text: &str, kind: FileKind) -> Result<serde_json::Value, Problem> {
    #[cfg(feature = "error-paths")]
    {
        let mut de = serde_json::Deserializer::from_str(text);
        let value: serde_json::Value = serde_path_to_error::deserialize(&mut de).map_err(|e| {
            let pointer = path_to_pointer(e.path());
            problem_from_serde(e.into_inner(), pointer, kind)
        })?;
        de.end().map_err(|e| single_document(e.to_string()))?;
        Ok(value)
    }
    #[cfg(not(feature = "error-paths"))]
    {
        serde_json::from_str(text).map_err(|e| match e.classify() {
            serde_json::error::Category::Syntax if e.to_string().starts_with("trailing characters") => {
                single_document(e.to_string())
            }
            _ => problem_from_serde(e, String::new(), kind),
        })
    }
}

fn single_document(msg: String) -> Problem {
    Problem::bi("", "un seul document JSON", "a single JSON document")
        .found_bi(serde_fr(&msg), msg)
        .hint_bi(
            "supprimez ce qui suit l'accolade fermante",
            "remove what follows the closing brace",
        )
}

fn problem_from_serde(inner: serde_json::Error, pointer: String, kind: FileKind) -> Problem {
    let msg = inner.to_string();
    // serde's message carries "at line X column Y" which is useful for syntax errors only.
    match inner.classify() {
        serde_json::error::Category::Syntax | serde_json::error::Category::Eof => {
            Problem::bi(pointer, "du JSON valide", "valid JSON")
                .found_bi(serde_fr(&msg), msg)
                .hint_bi(
                    "vérifiez le fichier avec un validateur JSON : il est peut-être tronqué ou modifié à la main",
                    "check the file with a JSON validator; it may be truncated or hand-edited",
                )
        }
        _ => {
            let en = strip_position(&msg);
            let fr = data_fr(&en).unwrap_or_else(|| en.clone());
            Problem::bi(pointer, fr, en).hint_bi(
                format!(
                    "voir le format {} dans docs/formats.md et criteria/schemas/{kind}.schema.json",
                    kind_fr(kind)
                ),
                format!("see the {kind} format in docs/formats.md and criteria/schemas/{kind}.schema.json"),
            )
        }
    }
}

/// A serde_json error message (syntax or data) in `lang`: in French as far as its wording is
/// known, otherwise as serde_json writes it.
pub fn serde_message(msg: &str, lang: Lang) -> String {
    match lang {
        Lang::Fr => serde_fr(msg),
        Lang::En => msg.to_owned(),
    }
}

/// A serde_json message in French, as far as it is known.
pub(crate) fn serde_fr(msg: &str) -> String {
    syntax_fr(msg)
        .or_else(|| data_fr(&strip_position(msg)))
        .unwrap_or_else(|| msg.to_owned())
}

/// A serde data error as a sentence of its own, in French: "attendu …" where it is known.
pub(crate) fn serde_fr_sentence(msg: &str) -> String {
    match data_fr(&strip_position(msg)) {
        Some(fr) => format!("attendu {fr}"),
        None => serde_fr(msg),
    }
}

/// "des réponses"…: the format's name after "le format".
fn kind_fr(kind: FileKind) -> &'static str {
    match kind {
        FileKind::Criteria => "des critères",
        FileKind::Answers => "des réponses",
        FileKind::Report => "des rapports",
        FileKind::Catalogue => "du catalogue",
        FileKind::Inventory => "des inventaires",
    }
}

/// serde_json's syntax errors in French ("expected `,` or `}` at line 3 column 5"); `None` for
/// a message it does not know, which is then given as it is.
fn syntax_fr(msg: &str) -> Option<String> {
    let (what, at) = match msg.find(" at line ") {
        Some(i) => (&msg[..i], Some(&msg[i + " at line ".len()..])),
        None => (msg, None),
    };
    let what = match what {
        "EOF while parsing a list" => "la fin du fichier au milieu d'un tableau",
        "EOF while parsing an object" => "la fin du fichier au milieu d'un objet",
        "EOF while parsing a string" => "la fin du fichier au milieu d'une chaîne",
        "EOF while parsing a value" => "la fin du fichier à la place d'une valeur",
        "expected `:`" => "autre chose que « : »",
        "expected `,` or `]`" => "autre chose que « , » ou « ] »",
        "expected `,` or `}`" => "autre chose que « , » ou « } »",
        "expected ident" => "un mot inconnu (true, false ou null attendu)",
        "expected value" => "autre chose qu'une valeur JSON",
        "expected `\"`" => "autre chose que « \" »",
        "invalid escape" => "une séquence d'échappement invalide",
        "invalid number" => "un nombre invalide",
        "number out of range" => "un nombre hors limites",
        "invalid unicode code point" => "un point de code Unicode invalide",
        "control character (\\u0000-\\u001F) found while parsing a string" => {
            "un caractère de contrôle dans une chaîne"
        }
        "key must be a string" => "une clé qui n'est pas une chaîne",
        "lone leading surrogate in hex escape" => "un demi-code de substitution isolé",
        "trailing comma" => "une virgule en trop",
        "trailing characters" => "du texte après la fin du document",
        "unexpected end of hex escape" => "un échappement hexadécimal incomplet",
        "recursion limit exceeded" => "une imbrication trop profonde",
        _ => return None,
    };
    Some(match at.and_then(|at| at.split_once(" column ")) {
        Some((line, column)) => format!("{what} (ligne {line}, colonne {column})"),
        None => what.to_owned(),
    })
}

/// serde's data errors in French ("missing field `x`", "invalid type: string \"a\", expected
/// u32"); `None` for a message it does not know, which is then given as it is.
fn data_fr(msg: &str) -> Option<String> {
    let quoted = |rest: &str| {
        rest.strip_prefix('`')
            .and_then(|r| r.split_once('`'))
            .map(|(name, tail)| (name.to_owned(), tail.to_owned()))
    };
    let choices = |tail: &str| -> String {
        if let Some(list) = tail
            .strip_prefix(", expected one of ")
            .or_else(|| tail.strip_prefix(", expected "))
        {
            format!(" ; possibles : {list}")
        } else {
            String::new()
        }
    };
    if let Some(rest) = msg.strip_prefix("missing field ") {
        let (name, _) = quoted(rest)?;
        return Some(format!("le champ `{name}`, absent ici"));
    }
    if let Some(rest) = msg.strip_prefix("duplicate field ") {
        let (name, _) = quoted(rest)?;
        return Some(format!("le champ `{name}` une seule fois"));
    }
    if let Some(rest) = msg.strip_prefix("unknown field ") {
        let (name, tail) = quoted(rest)?;
        return Some(format!("un champ connu à la place de `{name}`{}", choices(&tail)));
    }
    if let Some(rest) = msg.strip_prefix("unknown variant ") {
        let (name, tail) = quoted(rest)?;
        return Some(format!("une valeur connue à la place de `{name}`{}", choices(&tail)));
    }
    for (prefix, fr) in [
        ("invalid type: ", "type invalide"),
        ("invalid value: ", "valeur invalide"),
    ] {
        if let Some(rest) = msg.strip_prefix(prefix) {
            let (unexpected, expected) = rest.rsplit_once(", expected ")?;
            return Some(format!(
                "{} ({fr} : {})",
                expected_fr(expected),
                unexpected_fr(unexpected)
            ));
        }
    }
    None
}

/// What serde expected ("a string", "u32", "struct Item"), in French where it is generic.
fn expected_fr(e: &str) -> String {
    match e {
        "a string" | "a borrowed string" => "une chaîne".into(),
        "a boolean" => "un booléen (true ou false)".into(),
        "u8" | "u16" | "u32" | "u64" | "usize" => "un nombre entier positif".into(),
        "i8" | "i16" | "i32" | "i64" | "isize" => "un nombre entier".into(),
        "f32" | "f64" => "un nombre".into(),
        "a sequence" => "un tableau".into(),
        "a map" => "un objet".into(),
        _ if e.starts_with("struct ") => "un objet".into(),
        _ => e.to_owned(),
    }
}

/// What serde found ("string \"a\"", "integer `3`"), in French.
fn unexpected_fr(u: &str) -> String {
    for (en, fr) in [
        ("boolean ", "le booléen "),
        ("integer ", "l'entier "),
        ("floating point ", "le nombre "),
        ("string ", "la chaîne "),
    ] {
        if let Some(rest) = u.strip_prefix(en) {
            return format!("{fr}{rest}");
        }
    }
    match u {
        "sequence" => "un tableau".into(),
        "map" => "un objet".into(),
        _ => u.to_owned(),
    }
}

fn strip_position(msg: &str) -> String {
    match msg.find(" at line ") {
        Some(i) => msg[..i].to_owned(),
        None => msg.to_owned(),
    }
}

#[cfg(feature = "error-paths")]
fn path_to_pointer(path: &serde_path_to_error::Path) -> String {
    use serde_path_to_error::Segment;
    let mut out = String::new();
    for seg in path.iter() {
        match seg {
            Segment::Seq { index } => {
                out.push('/');
                out.push_str(&index.to_string());
            }
            Segment::Map { key } | Segment::Enum { variant: key } => {
                out.push('/');
                out.push_str(&escape_pointer(key));
            }
            Segment::Unknown => {}
        }
    }
    out
}

/// Escapes one JSON pointer segment (RFC 6901).
pub fn escape_pointer(segment: &str) -> String {
    segment.replace('~', "~0").replace('/', "~1")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_type_error_names_the_value_at_fault_when_paths_are_on() {
        let v: serde_json::Value = serde_json::json!({"format": 1, "profile": {"name": 3}});
        #[derive(Debug, serde::Deserialize)]
        #[allow(dead_code)]
        struct P {
            name: String,
        }
        #[derive(Debug, serde::Deserialize)]
        #[allow(dead_code)]
        struct Doc {
            format: u32,
            profile: P,
        }
        let p = deserialize_at::<Doc>(v, FileKind::Report).expect_err("name is not a string");
        let expected_pointer = if cfg!(feature = "error-paths") {
            "/profile/name"
        } else {
            ""
        };
        assert_eq!(p.pointer, expected_pointer);
        assert_eq!(p.expected, "invalid type: integer `3`, expected a string");
    }

    #[test]
    fn a_syntax_error_gives_line_and_column_either_way() {
        let p = parse_at("{\"a\": [1, 2,", FileKind::Answers).expect_err("truncated");
        assert_eq!(p.expected, "valid JSON");
        assert!(p.found.as_deref().is_some_and(|f| f.contains("line 1 column")), "{p}");
        let p = parse_at("{} {}", FileKind::Answers).expect_err("two documents");
        assert_eq!(p.expected, "a single JSON document");
    }

    #[test]
    fn problems_of_the_files_a_collectivite_hands_over_are_said_in_french_too() {
        let p = parse_at("{\"a\": [1, 2,", FileKind::Answers).expect_err("truncated");
        let fr = p.message(Lang::Fr);
        assert!(
            fr.starts_with("à ")
                && fr.contains(
                    "attendu du JSON valide, trouvé la fin du fichier à la place d'une valeur (ligne 1, colonne 12)"
                ),
            "{fr}"
        );
        assert!(fr.contains("conseil : vérifiez"), "{fr}");
        assert_eq!(p.message(Lang::En), p.to_string());
        let p = parse_at("{} {}", FileKind::Answers).expect_err("two documents");
        assert!(
            p.message(Lang::Fr).contains("du texte après la fin du document"),
            "{}",
            p.message(Lang::Fr)
        );
        // What the translation does not know is given as serde says it, never lost.
        assert_eq!(syntax_fr("something new at line 2 column 3"), None);
        assert_eq!(serde_fr("something new"), "something new");
    }

    #[test]
    fn serde_data_errors_are_translated_by_their_frame() {
        for (en, fr) in [
            ("missing field `function`", "le champ `function`, absent ici"),
            ("duplicate field `seats`", "le champ `seats` une seule fois"),
            (
                "unknown field `seat`, expected one of `function`, `seats`",
                "un champ connu à la place de `seat` ; possibles : `function`, `seats`",
            ),
            (
                "unknown variant `cloud`, expected `on_premises`",
                "une valeur connue à la place de `cloud` ; possibles : `on_premises`",
            ),
            (
                "invalid type: string \"abc\", expected u64",
                "un nombre entier positif (type invalide : la chaîne \"abc\")",
            ),
            (
                "invalid type: integer `3`, expected a string",
                "une chaîne (type invalide : l'entier `3`)",
            ),
            (
                "invalid type: map, expected a sequence",
                "un tableau (type invalide : un objet)",
            ),
            (
                "invalid value: floating point `1.5`, expected struct Item",
                "un objet (valeur invalide : le nombre `1.5`)",
            ),
        ] {
            assert_eq!(data_fr(en).as_deref(), Some(fr), "{en}");
        }
        assert_eq!(data_fr("read"), None);
    }

    #[test]
    fn an_error_in_french_names_the_file_its_kind_and_each_problem() {
        let e = Error::one(
            "réponses.json",
            FileKind::Inventory,
            Problem::bi("/items", "un tableau de lignes", "an array of items").found_value(&serde_json::json!("x")),
        );
        assert_eq!(e.message(Lang::Fr), "réponses.json : fichier d'inventaire invalide (1 problème)\nréponses.json : à /items : attendu un tableau de lignes, trouvé la chaîne « x »");
        assert_eq!(e.message(Lang::En), e.to_string());
        // A problem written in English only (edition files) stays in English inside the French frame.
        let e = Error::one(
            "e.json",
            FileKind::Criteria,
            Problem::new("/tiers", "at least one tier"),
        );
        assert!(
            e.message(Lang::Fr)
                .ends_with("e.json : at /tiers: expected at least one tier"),
            "{}",
            e.message(Lang::Fr)
        );
    }
}
