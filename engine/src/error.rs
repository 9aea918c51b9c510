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

/// Turns a serde_json syntax or type error into a problem with a JSON pointer.
pub(crate) fn from_serde(err: serde_path_to_error::Error<serde_json::Error>, kind: FileKind) -> Problem {
    let pointer = path_to_pointer(err.path());
    let inner = err.into_inner();
    let msg = inner.to_string();
    // serde's message carries "at line X column Y" which is useful for syntax errors only.
    let expected = match inner.classify() {
        serde_json::error::Category::Syntax | serde_json::error::Category::Eof => {
            return Problem::new(pointer, "valid JSON")
                .found(msg)
                .hint("check the file with a JSON validator; it may be truncated or hand-edited");
        }
        _ => msg,
    };
    Problem::new(pointer, strip_position(&expected))
        .hint(format!("see the {kind} format in docs/formats.md and criteria/schemas/{kind}.schema.json"))
}

fn strip_position(msg: &str) -> String {
    match msg.find(" at line ") {
        Some(i) => msg[..i].to_owned(),
        None => msg.to_owned(),
    }
}

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
