//! Reading inputs (files or `-`) with a size limit, writing outputs safely, and every write to
//! standard output and standard error.
//!
//! Three promises hold here, for every command:
//! - an input is never read whole past the size limit (`--max-input-size`, 64 MiB by default);
//! - an output file is written to a temporary file beside it and renamed, only over a regular
//!   file or a new name, never over an input of the command, keeping an existing file's owner and
//!   mode; a failed run leaves nothing under the output's name;
//! - a write to standard output or standard error never panics: a closed pipe ends the command
//!   quietly with [`crate::fail::EXIT_CLOSED_PIPE`], a full disk is an error.

use crate::fail::Failure;
use std::borrow::Cow;
use std::collections::HashSet;
use std::fs::{File, Metadata, OpenOptions};
use std::io::{IsTerminal, Read, Write};
use std::os::unix::fs::{FileTypeExt, MetadataExt};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

/// The default limit on a single input: far above any real answers, criteria or inventory file
/// (the 2025 edition is about 200 KB), low enough that a wrong file is refused at once.
pub const DEFAULT_MAX_INPUT: u64 = 64 * 1024 * 1024;

/// The limit in force (`--max-input-size`), set once by `main` before any command runs.
static MAX_INPUT: AtomicU64 = AtomicU64::new(DEFAULT_MAX_INPUT);

/// Sets the limit on a single input, in bytes.
pub fn set_max_input(bytes: u64) {
    MAX_INPUT.store(bytes, Ordering::Relaxed);
}

/// The limit on a single input, in bytes.
pub fn max_input() -> u64 {
    MAX_INPUT.load(Ordering::Relaxed)
}

/// Reads a `--max-input-size` value: bytes, or a number with `K`, `M` or `G` (powers of 1024,
/// `KiB`/`KB` spellings accepted).
pub fn parse_size(value: &str) -> Result<u64, String> {
    let v = value.trim();
    let digits = v.bytes().take_while(u8::is_ascii_digit).count();
    let (number, unit) = v.split_at(digits);
    let number: u64 = number
        .parse()
        .map_err(|_| format!("\"{value}\" is not a size (write e.g. 64M, 512K or 1G)"))?;
    let shift = match unit.trim().to_ascii_uppercase().as_str() {
        "" | "B" => 0,
        "K" | "KB" | "KIB" => 10,
        "M" | "MB" | "MIB" => 20,
        "G" | "GB" | "GIB" => 30,
        _ => return Err(format!("unknown unit in \"{value}\" (use K, M or G)")),
    };
    number
        .checked_mul(1 << shift)
        .filter(|&n| n > 0)
        .ok_or_else(|| format!("\"{value}\" is out of range"))
}

/// How a file is named in messages: `<stdin>` for `-`.
pub fn display_name(path: &str) -> &str {
    if path == "-" {
        "<stdin>"
    } else {
        path
    }
}

/// Reads a whole text file (or stdin for `-`), refusing inputs over [`max_input`] and text that
/// is not UTF-8. A regular file's size is checked before it is read; a pipe, a FIFO or a device is
/// read no further than the limit. A UTF-8 byte order mark is dropped.
pub fn read_text(path: &str) -> Result<String, Failure> {
    let name = display_name(path);
    let limit = max_input();
    let mut bytes = Vec::new();
    if path == "-" {
        std::io::stdin()
            .lock()
            .take(limit + 1)
            .read_to_end(&mut bytes)
            .map_err(|e| read_error(name, &e))?;
    } else {
        let file = File::open(path).map_err(|e| read_error(name, &e))?;
        let meta = file.metadata().map_err(|e| read_error(name, &e))?;
        if meta.is_dir() {
            return Err(Failure::input(format!("{name}: is a folder, not a file"))
                .hint("`tnl batch` reads folders of answers files"));
        }
        if meta.is_file() {
            if meta.len() > limit {
                return Err(too_big(name));
            }
            bytes.reserve(usize::try_from(meta.len()).unwrap_or(0));
        }
        file.take(limit + 1)
            .read_to_end(&mut bytes)
            .map_err(|e| read_error(name, &e))?;
    }
    if bytes.len() as u64 > limit {
        return Err(too_big(name));
    }
    text_from_bytes(name, bytes)
}

/// UTF-8 text from bytes, or a clear refusal.
pub fn text_from_bytes(name: &str, mut bytes: Vec<u8>) -> Result<String, Failure> {
    if bytes.starts_with(b"\xEF\xBB\xBF") {
        bytes.drain(..3);
    }
    String::from_utf8(bytes).map_err(|e| {
        Failure::input(format!(
            "{name}: not UTF-8 text (invalid byte at offset {})",
            e.utf8_error().valid_up_to()
        ))
        .hint("tnl reads JSON files encoded in UTF-8; is this the right file?")
    })
}

fn read_error(name: &str, e: &std::io::Error) -> Failure {
    let f = Failure::input(format!("{name}: cannot read: {}", io_reason(e)));
    if e.kind() == std::io::ErrorKind::NotFound {
        f.hint("check the path; `-` reads standard input")
    } else {
        f
    }
}

/// The limit in words: `64 MiB`, or bytes when it is not a whole number of MiB.
pub fn limit_words() -> String {
    let limit = max_input();
    if limit % (1024 * 1024) == 0 {
        format!("{} MiB", limit / (1024 * 1024))
    } else {
        format!("{limit} bytes")
    }
}

fn too_big(name: &str) -> Failure {
    Failure::input(format!("{name}: file too large (over the limit of {})", limit_words()))
        .hint("an answers file is a few kilobytes; for many collectivités use `tnl batch` with a folder or a JSON Lines file")
        .hint("if this file is right, raise the limit with --max-input-size, e.g. --max-input-size 256M")
}

/// The most answers one file may hold: an edition asks a few hundred questions at most.
pub const MAX_ANSWERS: usize = 10_000;
/// The most lines one inventory may hold: a large city lists a few thousand programs. Reports
/// repeat every line several times (functions, vendors, alternatives, migration windows), so an
/// inventory far past real sizes would make documents of hundreds of megabytes.
pub const MAX_INVENTORY_ITEMS: usize = 10_000;

/// Refuses a document with more entries than any real collectivité has.
pub fn check_count(name: &str, what: &str, count: usize, max: usize) -> Result<(), Failure> {
    if count <= max {
        return Ok(());
    }
    Err(
        Failure::input(format!("{name}: too many {what} ({count}, tnl reads at most {max})")).hint(format!(
            "no collectivité has that many {what}: is this the right file? Split it if it really is"
        )),
    )
}

/// An I/O error without the "(os error N)" suffix, starting lowercase.
pub fn io_reason(e: &std::io::Error) -> String {
    let s = os_message(e);
    let mut c = s.chars();
    match c.next() {
        Some(first) => first.to_lowercase().chain(c).collect(),
        None => s,
    }
}

/// An I/O error as the system says it ("No space left on device"), without "(os error N)".
fn os_message(e: &std::io::Error) -> String {
    let s = e.to_string();
    match s.find(" (os error") {
        Some(i) => s[..i].to_owned(),
        None => s,
    }
}

/// `text` safe to show on a terminal: every control character but line feed and tab is written
/// as an escape (`\u{1b}`), so that an id or a name taken from a file cannot retitle, clear or
/// drive the terminal.
pub fn for_terminal(text: &str) -> Cow<'_, str> {
    let unwanted = |c: char| c.is_control() && c != '\n' && c != '\t';
    if !text.contains(unwanted) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if unwanted(c) {
            out.extend(c.escape_default());
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// The files a command reads, by device and inode, so that its output never replaces one of
/// them (whatever path, symbolic link or hard link names it).
#[derive(Debug, Default)]
pub struct Inputs {
    ids: HashSet<(u64, u64)>,
}

impl Inputs {
    /// The inputs named `paths` (`-` is standard input, when it is a file).
    pub fn of<S: AsRef<str>>(paths: &[S]) -> Inputs {
        let mut inputs = Inputs::default();
        for p in paths {
            inputs.add(Path::new(p.as_ref()));
        }
        inputs
    }

    /// With an optional input too (`--criteria`, `--catalogue`).
    pub fn and(mut self, path: Option<&str>) -> Inputs {
        if let Some(p) = path {
            self.add(Path::new(p));
        }
        self
    }

    /// Adds one input; one that cannot be read is left out (reading it will say why).
    pub fn add(&mut self, path: &Path) {
        let path = if path == Path::new("-") {
            Path::new("/dev/stdin")
        } else {
            path
        };
        if let Ok(meta) = std::fs::metadata(path) {
            if meta.is_file() {
                self.ids.insert((meta.dev(), meta.ino()));
            }
        }
    }

    fn contains(&self, meta: &Metadata) -> bool {
        self.ids.contains(&(meta.dev(), meta.ino()))
    }
}

/// Where an output goes, checked before the command does its work.
#[derive(Debug)]
pub enum Target {
    /// Standard output (no `-o`, `-o -`, or `-o /dev/stdout`).
    Stdout,
    /// A file: a new name, or an existing regular file whose owner and mode the new one keeps.
    File {
        /// As given.
        path: PathBuf,
        /// The file it replaces, if any.
        existing: Option<Metadata>,
    },
}

impl Target {
    /// Checks `-o OUT`: standard output, a new name, or a regular file that is not an input.
    /// Anything else (a folder, a device, a FIFO, a socket, a symbolic link, an input of the
    /// command) is refused as a usage error, before anything is read or written.
    pub fn of(out: Option<&str>, inputs: &Inputs) -> Result<Target, Failure> {
        match out {
            None | Some("-") | Some("/dev/stdout") => Ok(Target::Stdout),
            Some(path) => Target::file(Path::new(path), inputs),
        }
    }

    /// Checks one output file (also each report of `tnl batch --reports`).
    pub fn file(path: &Path, inputs: &Inputs) -> Result<Target, Failure> {
        let name = path.display();
        let meta = match std::fs::symlink_metadata(path) {
            Ok(meta) => meta,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                return Ok(Target::File {
                    path: path.to_path_buf(),
                    existing: None,
                })
            }
            Err(e) => return Err(Failure::input(format!("{name}: {}", os_message(&e)))),
        };
        let t = meta.file_type();
        if t.is_symlink() {
            let hint = match std::fs::read_link(path) {
                Ok(to) => format!("name the file it points to ({}), or another name", to.display()),
                Err(_) => "name the file it points to, or another name".to_owned(),
            };
            return Err(Failure::usage(format!(
                "{name}: is a symbolic link; tnl writes only to a regular file or a new name"
            ))
            .hint(hint));
        }
        if !t.is_file() {
            return Err(Failure::usage(format!(
                "{name}: is {}, not a regular file; tnl writes only to a regular file or a new name",
                special_kind(t)
            ))
            .hint("to write to standard output, leave -o out or write `-o -`"));
        }
        if inputs.contains(&meta) {
            return Err(Failure::usage(format!(
                "{name}: is also an input of this command; tnl never writes over its input"
            ))
            .hint("write to another name, check the result, then rename it if you mean to replace the input"));
        }
        Ok(Target::File {
            path: path.to_path_buf(),
            existing: Some(meta),
        })
    }
}

/// What a file that is not a regular file is, for messages: `a folder`, `a FIFO`, `a device`…
pub fn special_kind(t: std::fs::FileType) -> &'static str {
    if t.is_dir() {
        "a folder"
    } else if t.is_fifo() {
        "a FIFO"
    } else if t.is_char_device() || t.is_block_device() {
        "a device"
    } else if t.is_socket() {
        "a socket"
    } else if t.is_symlink() {
        "a symbolic link"
    } else {
        "a special file"
    }
}

/// Writes `text` to the output: standard output, or a file written safely (see the module).
pub fn write_output(target: &Target, text: &str) -> Result<(), Failure> {
    write_bytes(target, text.as_bytes())
}

/// Writes `bytes` to the output: standard output, or a file written safely (see the module).
pub fn write_bytes(target: &Target, bytes: &[u8]) -> Result<(), Failure> {
    let mut out = Output::open(target)?;
    out.write_bytes(bytes)?;
    out.finish()
}

/// Writes `bytes` to standard output; text on a terminal is shown with [`for_terminal`].
pub fn stdout_bytes(bytes: &[u8]) -> Result<(), Failure> {
    let mut stdout = std::io::stdout().lock();
    let shown = terminal_text(bytes, stdout.is_terminal());
    stdout
        .write_all(&shown)
        .and_then(|()| stdout.flush())
        .map_err(|e| stdout_failure(&e))
}

/// A line on standard output (`validate`'s `ok` lines).
pub fn say(line: &str) -> Result<(), Failure> {
    let mut text = for_terminal(line).into_owned();
    text.push('\n');
    stdout_bytes(text.as_bytes())
}

/// What a failed write to standard output means: the reader went away (`tnl … | head`), which
/// ends the command quietly, or a real error (a full disk behind `> file`).
fn stdout_failure(e: &std::io::Error) -> Failure {
    if e.kind() == std::io::ErrorKind::BrokenPipe {
        Failure::ClosedPipe
    } else {
        Failure::Stdout(format!("<stdout>: {}", os_message(e)))
    }
}

/// Text bound for a terminal with its control characters escaped; anything else as it is.
fn terminal_text(bytes: &[u8], terminal: bool) -> Cow<'_, [u8]> {
    match std::str::from_utf8(bytes) {
        Ok(text) if terminal => match for_terminal(text) {
            Cow::Borrowed(_) => Cow::Borrowed(bytes),
            Cow::Owned(s) => Cow::Owned(s.into_bytes()),
        },
        _ => Cow::Borrowed(bytes),
    }
}

/// Creates a new temporary file beside `path` (never an existing one, never through a link).
fn create_temporary(path: &Path) -> std::io::Result<(PathBuf, File)> {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let file_name = path
        .file_name()
        .map(|f| f.to_string_lossy().into_owned())
        .unwrap_or_else(|| "out".into());
    loop {
        let n = COUNTER.fetch_add(1, Ordering::Relaxed);
        let tmp = dir.join(format!(".{file_name}.tnl-{}-{n}.tmp", std::process::id()));
        match OpenOptions::new().write(true).create_new(true).open(&tmp) {
            Ok(file) => return Ok((tmp, file)),
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists && n < 1_000_000 => continue,
            Err(e) => return Err(e),
        }
    }
}

/// Gives the temporary file the owner and mode of the file it replaces. The owner first: a
/// change of owner may clear the set-id bits of the mode. Only root can give a file away; for
/// anyone else the group is kept when they belong to it, and the file becomes theirs, as with
/// `sed -i`.
fn keep_owner_and_mode(file: &File, existing: Option<&Metadata>) -> std::io::Result<()> {
    let Some(meta) = existing else {
        return Ok(());
    };
    if std::os::unix::fs::fchown(file, Some(meta.uid()), Some(meta.gid())).is_err() {
        let _ = std::os::unix::fs::fchown(file, None, Some(meta.gid()));
    }
    file.set_permissions(meta.permissions())
}

/// An output written as it is made (`tnl batch` over 100,000 files need not hold its whole
/// table): standard output, or a temporary file that [`Output::finish`] syncs and renames onto
/// OUT. Dropped unfinished (the run failed), the temporary file is removed: OUT is never partial.
pub struct Output {
    sink: Sink,
}

enum Sink {
    Stdout {
        writer: std::io::BufWriter<std::io::StdoutLock<'static>>,
        terminal: bool,
    },
    File {
        writer: std::io::BufWriter<File>,
        tmp: PathBuf,
        path: PathBuf,
    },
    Done,
}

impl Output {
    /// Standard output, or a new temporary file beside the target.
    pub fn open(target: &Target) -> Result<Output, Failure> {
        let sink = match target {
            Target::Stdout => {
                let stdout = std::io::stdout().lock();
                Sink::Stdout {
                    terminal: stdout.is_terminal(),
                    writer: std::io::BufWriter::with_capacity(1 << 16, stdout),
                }
            }
            Target::File { path, existing } => {
                let (tmp, file) = create_temporary(path).map_err(|e| write_failure(path, &e))?;
                if let Err(e) = keep_owner_and_mode(&file, existing.as_ref()) {
                    let _ = std::fs::remove_file(&tmp);
                    return Err(write_failure(path, &e));
                }
                Sink::File {
                    writer: std::io::BufWriter::with_capacity(1 << 16, file),
                    tmp,
                    path: path.clone(),
                }
            }
        };
        Ok(Output { sink })
    }

    /// Appends `text`.
    pub fn write(&mut self, text: &str) -> Result<(), Failure> {
        self.write_bytes(text.as_bytes())
    }

    /// Appends `bytes`.
    pub fn write_bytes(&mut self, bytes: &[u8]) -> Result<(), Failure> {
        match &mut self.sink {
            Sink::Stdout { writer, terminal } => writer
                .write_all(&terminal_text(bytes, *terminal))
                .map_err(|e| stdout_failure(&e)),
            Sink::File { writer, path, .. } => writer.write_all(bytes).map_err(|e| write_failure(path, &e)),
            Sink::Done => Ok(()),
        }
    }

    /// Flushes standard output, or syncs the temporary file and renames it onto OUT.
    pub fn finish(mut self) -> Result<(), Failure> {
        match std::mem::replace(&mut self.sink, Sink::Done) {
            Sink::Stdout { mut writer, .. } => writer.flush().map_err(|e| stdout_failure(&e)),
            Sink::File { writer, tmp, path } => {
                let result = writer
                    .into_inner()
                    .map_err(|e| e.into_error())
                    .and_then(|f| f.sync_all())
                    .and_then(|()| std::fs::rename(&tmp, &path));
                result.map_err(|e| {
                    let _ = std::fs::remove_file(&tmp);
                    write_failure(&path, &e)
                })
            }
            Sink::Done => Ok(()),
        }
    }
}

/// `FILE: No space left on device`, as the system says it.
fn write_failure(path: &Path, e: &std::io::Error) -> Failure {
    Failure::input(format!("{}: {}", path.display(), os_message(e)))
}

impl Drop for Output {
    fn drop(&mut self) {
        if let Sink::File { tmp, .. } = &self.sink {
            let _ = std::fs::remove_file(tmp);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes() {
        assert_eq!(parse_size("64M"), Ok(64 << 20));
        assert_eq!(parse_size("512KiB"), Ok(512 << 10));
        assert_eq!(parse_size("1g"), Ok(1 << 30));
        assert_eq!(parse_size("1000"), Ok(1000));
        for bad in ["", "M", "12X", "0", "99999999999999G"] {
            assert!(parse_size(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn control_characters_are_escaped_for_the_terminal() {
        assert_eq!(
            for_terminal("tnl-2025\u{1b}]0;pwned\u{7}\u{1b}[2J\r"),
            "tnl-2025\\u{1b}]0;pwned\\u{7}\\u{1b}[2J\\r"
        );
        assert_eq!(for_terminal("a\n\tb é"), "a\n\tb é");
        assert_eq!(for_terminal("\u{9b}2J"), "\\u{9b}2J");
    }
}
