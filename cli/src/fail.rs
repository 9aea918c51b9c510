//! Failures and how they are printed: once, on stderr, as `error: …` with `hint:` lines.

use std::fmt;
use std::io::{IsTerminal, Write};

/// Exit code: invalid input or a failed check.
pub const EXIT_FAILURE: u8 = 1;
/// Exit code: usage error (clap uses it too).
pub const EXIT_USAGE: u8 = 2;
/// Exit code: standard output was closed by its reader (`tnl … | head`). 141 is what a shell
/// reports for a program ended by SIGPIPE (128 + 13), the status `head`'s writers usually end
/// with; tnl ends quietly with it instead of being killed, as Rust programs ignore SIGPIPE.
pub const EXIT_CLOSED_PIPE: u8 = 141;

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
    /// The reader of standard output went away: nothing to say, nothing more to write.
    ClosedPipe,
    /// Standard output cannot be written (a full disk behind `> file`): the command stops.
    Stdout(String),
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
            Failure::ClosedPipe => EXIT_CLOSED_PIPE,
            Failure::Stdout(_) => EXIT_FAILURE,
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
            Failure::Stdout(message) => f.write_str(message),
            Failure::Reported(_) | Failure::ClosedPipe => Ok(()),
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
/// starting with `  hint:`) are kept as they are; control characters taken from files are
/// escaped ([`crate::io::for_terminal`]).
pub fn report(level: Level, text: &str) {
    let (word, colour) = match level {
        Level::Error => ("error", "\x1b[1;31m"),
        Level::Warning => ("warning", "\x1b[1;33m"),
        Level::Note => ("note", "\x1b[1;36m"),
    };
    let text = crate::io::for_terminal(text);
    if stderr_colour() {
        message(&format!("{colour}{word}\x1b[0m: {text}"));
    } else {
        message(&format!("{word}: {text}"));
    }
}

/// Prints a line on stderr as it is (callers escape what comes from files: [`report`], [`info`]).
/// A failure to write (stderr closed or on a full disk) is ignored: there is nowhere left to say
/// it, and the exit status still tells.
pub fn message(line: &str) {
    let mut err = std::io::stderr().lock();
    let _ = err.write_all(line.as_bytes()).and_then(|()| err.write_all(b"\n"));
}

/// Prints a line of counts or names on stderr (`… 3 reports written`), escaped for the terminal.
pub fn info(line: &str) {
    message(&crate::io::for_terminal(line));
}
