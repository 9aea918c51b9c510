//! Failures and how they are printed: once, on stderr, as `error: …` with `hint:` lines.

use std::fmt;
use std::io::{IsTerminal, Write};

/// Exit code: invalid input or a failed check.
pub const EXIT_FAILURE: u8 = 1;
/// Exit code: usage error (clap uses it too).
pub const EXIT_USAGE: u8 = 2;

/// A command that could not do its work.
#[derive(Debug)]
pub enum Failure {
    /// Input the engine refused, with every problem.
    Engine(tnl_engine::Error),
    /// Anything else: a message about a file, and hints.
    Message {
        /// `FILE: what went wrong`.
        message: String,
        /// How to fix it.
        hints: Vec<String>,
        /// Exit code.
        code: u8,
    },
    /// Already reported (e.g. `validate` printed each problem); just exit with this code.
    Reported(u8),
}

impl Failure {
    /// An input problem (exit code 1).
    pub fn input(message: impl Into<String>) -> Failure {
        Failure::Message {
            message: message.into(),
            hints: Vec::new(),
            code: EXIT_FAILURE,
        }
    }

    /// A usage problem (exit code 2).
    pub fn usage(message: impl Into<String>) -> Failure {
        Failure::Message {
            message: message.into(),
            hints: Vec::new(),
            code: EXIT_USAGE,
        }
    }

    /// Adds a hint.
    pub fn hint(mut self, hint: impl Into<String>) -> Failure {
        if let Failure::Message { hints, .. } = &mut self {
            hints.push(hint.into());
        }
        self
    }

    /// The exit code.
    pub fn code(&self) -> u8 {
        match self {
            Failure::Engine(_) => EXIT_FAILURE,
            Failure::Message { code, .. } => *code,
            Failure::Reported(code) => *code,
        }
    }
}

impl From<tnl_engine::Error> for Failure {
    fn from(e: tnl_engine::Error) -> Failure {
        Failure::Engine(e)
    }
}

impl fmt::Display for Failure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Failure::Engine(e) => write!(f, "{e}"),
            Failure::Message { message, hints, .. } => {
                f.write_str(message)?;
                for h in hints {
                    write!(f, "\n  hint: {h}")?;
                }
                Ok(())
            }
            Failure::Reported(_) => Ok(()),
        }
    }
}

/// Whether stderr gets colour: a terminal, and NO_COLOR unset or empty.
pub fn stderr_colour() -> bool {
    std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
}

/// Severity of a printed line.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Level {
    /// `error:` in red.
    Error,
    /// `warning:` in yellow.
    Warning,
    /// `note:` in cyan.
    Note,
}

/// Prints `level: text` on stderr, the prefix coloured on a terminal. Hints inside `text` (lines
/// starting with `  hint:`) are kept as they are.
pub fn report(level: Level, text: &str) {
    let (word, colour) = match level {
        Level::Error => ("error", "\x1b[1;31m"),
        Level::Warning => ("warning", "\x1b[1;33m"),
        Level::Note => ("note", "\x1b[1;36m"),
    };
    let mut err = std::io::stderr().lock();
    let _ = if stderr_colour() {
        writeln!(err, "{colour}{word}\x1b[0m: {text}")
    } else {
        writeln!(err, "{word}: {text}")
    };
}
