//! The one error type of the library: input that cannot be used at all.
//!
//! Problems *inside* answers are not errors; they are [`crate::Diagnostic`]s in the report.

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
}

impl Problem {
    /// A problem at `pointer` where `expected` was expected.
    pub fn new(pointer: impl Into<String>, expected: impl Into<String>) -> Problem {
        Problem { pointer: pointer.into(), expected: expected.into(), found: None, hint: None }
    }

    /// Adds what was found.
    pub fn found(mut self, found: impl Into<String>) -> Problem {
        self.found = Some(found.into());
        self
    }

    /// Adds a hint.
    pub fn hint(mut self, hint: impl Into<String>) -> Problem {
        self.hint = Some(hint.into());
        self
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let at = if self.pointer.is_empty() { "(document root)" } else { &self.pointer };
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
        Error { file: file.to_owned(), kind, problems: vec![problem] }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let n = self.problems.len();
        write!(f, "{}: invalid {} file ({} problem{})", self.file, self.kind, n, if n == 1 { "" } else { "s" })?;
        for p in &self.problems {
            write!(f, "\n{}: {p}", self.file)?;
        }
        Ok(())
    }
}

impl std::error::Error for Error {}

/// Deserializes a parsed document into `T`; a type error names the JSON pointer of the value at
/// fault (feature `error-paths`; without it, the document root).
pub(crate) fn deserialize_at<T: serde::de::DeserializeOwned>(value: serde_json::Value, kind: FileKind) -> Result<T, Problem> {
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
        de.end().map_err(|e| Problem::new("", "a single JSON document").found(e.to_string()).hint("remove what follows the closing brace"))?;
        Ok(value)
    }
    #[cfg(not(feature = "error-paths"))]
    {
        serde_json::from_str(text).map_err(|e| match e.classify() {
            serde_json::error::Category::Syntax if e.to_string().starts_with("trailing characters") => {
                Problem::new("", "a single JSON document").found(e.to_string()).hint("remove what follows the closing brace")
            }
            _ => problem_from_serde(e, String::new(), kind),
        })
    }
}

fn problem_from_serde(inner: serde_json::Error, pointer: String, kind: FileKind) -> Problem {
    let msg = inner.to_string();
    // serde's message carries "at line X column Y" which is useful for syntax errors only.
    match inner.classify() {
        serde_json::error::Category::Syntax | serde_json::error::Category::Eof => Problem::new(pointer, "valid JSON")
            .found(msg)
            .hint("check the file with a JSON validator; it may be truncated or hand-edited"),
        _ => Problem::new(pointer, strip_position(&msg))
            .hint(format!("see the {kind} format in docs/formats.md and criteria/schemas/{kind}.schema.json")),
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
        let expected_pointer = if cfg!(feature = "error-paths") { "/profile/name" } else { "" };
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
}
