//! Reading inputs (files or `-`) with a size limit, and writing outputs atomically.

use crate::fail::Failure;
use std::fs::File;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};

/// The largest single document tnl reads: far above any real answers or criteria file (the 2025
/// edition is about 200 KB), low enough that a wrong file is refused at once.
pub const MAX_FILE_BYTES: u64 = 16 * 1024 * 1024;

/// How a file is named in messages: `<stdin>` for `-`.
pub fn display_name(path: &str) -> &str {
    if path == "-" {
        "<stdin>"
    } else {
        path
    }
}

/// Reads a whole text file (or stdin for `-`), refusing files over [`MAX_FILE_BYTES`] and text
/// that is not UTF-8. A UTF-8 byte order mark is dropped.
pub fn read_text(path: &str) -> Result<String, Failure> {
    let name = display_name(path);
    let mut bytes = Vec::new();
    if path == "-" {
        std::io::stdin()
            .lock()
            .take(MAX_FILE_BYTES + 1)
            .read_to_end(&mut bytes)
            .map_err(|e| read_error(name, &e))?;
    } else {
        let file = File::open(path).map_err(|e| read_error(name, &e))?;
        let meta = file.metadata().map_err(|e| read_error(name, &e))?;
        if meta.is_dir() {
            return Err(Failure::input(format!("{name}: is a folder, not a file"))
                .hint("`tnl batch` reads folders of answers files"));
        }
        if meta.len() > MAX_FILE_BYTES {
            return Err(too_big(name, meta.len()));
        }
        bytes.reserve(usize::try_from(meta.len()).unwrap_or(0));
        file.take(MAX_FILE_BYTES + 1)
            .read_to_end(&mut bytes)
            .map_err(|e| read_error(name, &e))?;
    }
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(too_big(name, bytes.len() as u64));
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

fn too_big(name: &str, len: u64) -> Failure {
    Failure::input(format!(
        "{name}: file too large ({} MB, the limit is {} MB)",
        len.div_ceil(1024 * 1024),
        MAX_FILE_BYTES / (1024 * 1024)
    ))
    .hint(
        "an answers file is a few kilobytes; for many collectivités use `tnl batch` with a folder or a JSON Lines file",
    )
}

/// An I/O error without the "(os error N)" suffix, starting lowercase.
pub fn io_reason(e: &std::io::Error) -> String {
    let s = e.to_string();
    let s = match s.find(" (os error") {
        Some(i) => s[..i].to_owned(),
        None => s,
    };
    let mut c = s.chars();
    match c.next() {
        Some(first) => first.to_lowercase().chain(c).collect(),
        None => s,
    }
}

/// Writes `text` to `out` (stdout for `None` or `-`). A file is written to a temporary file in
/// the same folder and renamed on success, so a failed run never leaves a partial `OUT`.
pub fn write_output(out: Option<&str>, text: &str) -> Result<(), Failure> {
    write_bytes(out, text.as_bytes())
}

/// Writes `bytes` to the output file (atomically) or to standard output.
pub fn write_bytes(out: Option<&str>, bytes: &[u8]) -> Result<(), Failure> {
    match out {
        None | Some("-") => {
            let mut stdout = std::io::stdout().lock();
            match stdout.write_all(bytes).and_then(|()| stdout.flush()) {
                Ok(()) => Ok(()),
                // A closed pipe (`tnl … | head`) is not an error of tnl's.
                Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
                Err(e) => Err(Failure::input(format!("<stdout>: cannot write: {}", io_reason(&e)))),
            }
        }
        Some(path) => write_atomic(Path::new(path), bytes),
    }
}

/// The temporary file beside `path` that is renamed onto it.
fn temporary_for(path: &Path) -> PathBuf {
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let file_name = path
        .file_name()
        .map(|f| f.to_string_lossy().into_owned())
        .unwrap_or_else(|| "out".into());
    dir.join(format!(".{file_name}.tnl-{}.tmp", std::process::id()))
}

/// Writes `bytes` to `path` through a temporary file renamed on success: never a partial file.
pub(crate) fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), Failure> {
    let name = path.display().to_string();
    let tmp = temporary_for(path);
    let result = File::create(&tmp).and_then(|mut f| {
        f.write_all(bytes)?;
        f.sync_all()
    });
    let result = result.and_then(|()| std::fs::rename(&tmp, path));
    if let Err(e) = result {
        let _ = std::fs::remove_file(&tmp);
        return Err(Failure::input(format!("{name}: cannot write: {}", io_reason(&e))));
    }
    Ok(())
}

/// An output written as it is made (`tnl batch` over 100,000 files need not hold its whole
/// table): standard output, or a temporary file that [`Output::finish`] syncs and renames onto
/// OUT. Dropped unfinished (the run failed), the temporary file is removed: OUT is never partial.
pub struct Output {
    sink: Sink,
}

enum Sink {
    Stdout(std::io::BufWriter<std::io::StdoutLock<'static>>),
    /// The reader went away (`tnl batch … | head`): the rest is not written, and that is no error.
    Closed,
    File {
        writer: std::io::BufWriter<File>,
        tmp: PathBuf,
        path: PathBuf,
    },
    Done,
}

impl Output {
    /// Standard output for `None` or `-`, else a temporary file beside `out`.
    pub fn open(out: Option<&str>) -> Result<Output, Failure> {
        let sink = match out {
            None | Some("-") => Sink::Stdout(std::io::BufWriter::with_capacity(1 << 16, std::io::stdout().lock())),
            Some(path) => {
                let path = PathBuf::from(path);
                let tmp = temporary_for(&path);
                let file = File::create(&tmp)
                    .map_err(|e| Failure::input(format!("{}: cannot write: {}", path.display(), io_reason(&e))))?;
                Sink::File {
                    writer: std::io::BufWriter::with_capacity(1 << 16, file),
                    tmp,
                    path,
                }
            }
        };
        Ok(Output { sink })
    }

    /// Appends `text`.
    pub fn write(&mut self, text: &str) -> Result<(), Failure> {
        match &mut self.sink {
            Sink::Stdout(w) => match w.write_all(text.as_bytes()) {
                Ok(()) => Ok(()),
                Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => {
                    self.sink = Sink::Closed;
                    Ok(())
                }
                Err(e) => Err(Failure::input(format!("<stdout>: cannot write: {}", io_reason(&e)))),
            },
            Sink::File { writer, path, .. } => writer
                .write_all(text.as_bytes())
                .map_err(|e| Failure::input(format!("{}: cannot write: {}", path.display(), io_reason(&e)))),
            Sink::Closed | Sink::Done => Ok(()),
        }
    }

    /// Flushes standard output, or syncs the temporary file and renames it onto OUT.
    pub fn finish(mut self) -> Result<(), Failure> {
        match std::mem::replace(&mut self.sink, Sink::Done) {
            Sink::Stdout(mut w) => match w.flush() {
                Ok(()) => Ok(()),
                Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
                Err(e) => Err(Failure::input(format!("<stdout>: cannot write: {}", io_reason(&e)))),
            },
            Sink::File { writer, tmp, path } => {
                let result = writer
                    .into_inner()
                    .map_err(|e| e.into_error())
                    .and_then(|f| f.sync_all())
                    .and_then(|()| std::fs::rename(&tmp, &path));
                if let Err(e) = result {
                    let _ = std::fs::remove_file(&tmp);
                    return Err(Failure::input(format!(
                        "{}: cannot write: {}",
                        path.display(),
                        io_reason(&e)
                    )));
                }
                Ok(())
            }
            Sink::Closed | Sink::Done => Ok(()),
        }
    }
}

impl Drop for Output {
    fn drop(&mut self) {
        if let Sink::File { tmp, .. } = &self.sink {
            let _ = std::fs::remove_file(tmp);
        }
    }
}
