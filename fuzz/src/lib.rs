//! A fuzz harness for tnl that runs on stable Rust (cargo-fuzz needs nightly).
//!
//! Seeds are the project's own files (`tests/fixtures`, `tests/golden`, `tests/calibration`,
//! `criteria/`). Each run takes a seed of the reader's kind, mutates it (bit flips, interesting
//! bytes, deletions, truncations, splices with another seed, JSON tokens replaced, swapped or
//! repeated) and feeds it to one reader; what parses goes on through evaluation, the dependency
//! map, comparison and every renderer. A panic is a crash: the input is saved under
//! `tests/fuzz-regressions/`, which `fuzz/tests/regressions.rs` replays in every test run.
//!
//! The sequence of inputs depends only on the seed number: run `k` of a reader is the same
//! input on every machine, and a time budget only decides how far the sequence goes.

pub mod mutate;
pub mod targets;

use std::path::{Path, PathBuf};

/// A small deterministic generator (SplitMix64): the same seed gives the same inputs.
#[derive(Clone, Debug)]
pub struct Rng(u64);

impl Rng {
    /// A generator started at `seed`.
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (0 when `n` is 0).
    pub fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next_u64() % n as u64) as usize
        }
    }
}

/// The readers under test, each with its own seeds and its own path through the engine.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Reader {
    /// An edition (`Criteria::from_json`), then evaluation of blank answers and the renderers.
    Criteria,
    /// An answers file (full reader and view), evaluated against every edition, rendered,
    /// summarised, carried over.
    Answers,
    /// A report as a comparison reads it (`Report::from_json`, `Baseline::from_json`).
    Baseline,
    /// An inventory, mapped against the shipped catalogue, rendered, used to pre-fill.
    Inventory,
    /// A catalogue, with a shipped inventory mapped against it.
    Catalogue,
    /// `tnl batch`'s JSON Lines reader, each line summarised as answers.
    JsonLines,
}

impl Reader {
    /// Every reader, in the order they run.
    pub const ALL: [Reader; 6] = [
        Reader::Criteria,
        Reader::Answers,
        Reader::Baseline,
        Reader::Inventory,
        Reader::Catalogue,
        Reader::JsonLines,
    ];

    /// Its name: in messages, on the command line, and as the prefix of saved inputs.
    pub fn name(self) -> &'static str {
        match self {
            Reader::Criteria => "criteria",
            Reader::Answers => "answers",
            Reader::Baseline => "baseline",
            Reader::Inventory => "inventory",
            Reader::Catalogue => "catalogue",
            Reader::JsonLines => "jsonl",
        }
    }

    /// The reader a name (or a saved input's file name) stands for.
    pub fn from_name(name: &str) -> Option<Reader> {
        Reader::ALL
            .into_iter()
            .find(|r| name == r.name() || name.starts_with(&format!("{}-", r.name())))
    }

    /// Whether a seed file is of this reader's kind, by its path.
    fn takes(self, path: &Path) -> bool {
        let name = path.file_name().map(|n| n.to_string_lossy()).unwrap_or_default();
        let in_schemas = path.components().any(|c| c.as_os_str() == "schemas");
        match self {
            Reader::Criteria => {
                !in_schemas
                    && ((name.starts_with("tnl-20") && !name.contains(".answers")) || name == "mini-edition.json")
            }
            Reader::Answers | Reader::JsonLines => name.ends_with(".answers.json"),
            Reader::Baseline => name.ends_with(".report.json") || name.ends_with(".report.snap"),
            Reader::Inventory => name.ends_with(".inventory.json"),
            Reader::Catalogue => name.contains("catalogue") && !in_schemas,
        }
    }
}

/// The repository's root (the harness reads its seeds there and saves crashes there).
pub fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// Where crashing inputs are saved, and replayed from.
pub fn regressions_dir() -> PathBuf {
    repo_root().join("tests").join("fuzz-regressions")
}

/// The seeds of every reader, read once.
#[derive(Debug, Default)]
pub struct Seeds {
    /// Every JSON file found, for splices.
    pub all: Vec<Vec<u8>>,
    /// Per reader (in [`Reader::ALL`] order), the files of its kind.
    pub by_reader: Vec<Vec<Vec<u8>>>,
}

impl Seeds {
    /// Reads the seed folders under `root`, in name order.
    pub fn load(root: &Path) -> Seeds {
        let mut files = Vec::new();
        for dir in [
            "tests/fixtures",
            "tests/golden",
            "tests/calibration",
            "criteria",
            "tests/tests/snapshots",
        ] {
            collect(&root.join(dir), &mut files);
        }
        files.sort();
        let mut seeds = Seeds {
            by_reader: vec![Vec::new(); Reader::ALL.len()],
            ..Seeds::default()
        };
        for path in files {
            let Ok(bytes) = std::fs::read(&path) else { continue };
            let bytes = snapshot_body(&path, bytes);
            for (k, reader) in Reader::ALL.into_iter().enumerate() {
                if reader.takes(&path) {
                    seeds.by_reader[k].push(if reader == Reader::JsonLines {
                        as_json_lines(&bytes)
                    } else {
                        bytes.clone()
                    });
                }
            }
            seeds.all.push(bytes);
        }
        seeds
    }

    /// The seeds of `reader`, or every seed when it has none of its own.
    pub fn of(&self, reader: Reader) -> &[Vec<u8>] {
        let k = Reader::ALL.iter().position(|&r| r == reader).unwrap_or(0);
        match &self.by_reader[k] {
            own if !own.is_empty() => own,
            _ => &self.all,
        }
    }
}

/// Every `*.json` file under `dir`.
fn collect(dir: &Path, files: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for entry in entries.flatten() {
        let path = entry.path();
        if entry.file_type().is_ok_and(|t| t.is_dir()) {
            collect(&path, files);
        } else if path.extension().is_some_and(|e| e == "json")
            || path
                .file_name()
                .is_some_and(|n| n.to_string_lossy().ends_with(".report.snap"))
        {
            files.push(path);
        }
    }
}

/// The seed a file gives: an insta snapshot of a report (`*.report.snap`, the golden reports)
/// gives its body, after the header's closing `---` line; any other file, its bytes.
fn snapshot_body(path: &Path, bytes: Vec<u8>) -> Vec<u8> {
    if path.extension().is_none_or(|e| e != "snap") {
        return bytes;
    }
    match bytes.windows(5).position(|w| w == b"\n---\n") {
        Some(at) => bytes[at + 5..].to_vec(),
        None => bytes,
    }
}

/// A JSON document as JSON Lines: its own line, on one line, three times (a blank line between
/// the second and the third), as an export would hold several collectivités.
fn as_json_lines(bytes: &[u8]) -> Vec<u8> {
    let one_line: Vec<u8> = bytes.iter().copied().filter(|&b| b != b'\n' && b != b'\r').collect();
    let mut out = Vec::with_capacity(one_line.len() * 3 + 4);
    for k in 0..3 {
        out.extend_from_slice(&one_line);
        out.extend_from_slice(if k == 1 { b"\n\n" } else { b"\n" });
    }
    out
}

/// A stable name for a saved input: its reader and a hash of its bytes (FNV-1a).
pub fn regression_name(reader: Reader, bytes: &[u8]) -> String {
    let hash = bytes.iter().fold(0xcbf2_9ce4_8422_2325u64, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    });
    format!("{}-{hash:016x}.bin", reader.name())
}

/// What one reader's run gave.
#[derive(Clone, Debug, Default)]
pub struct Tally {
    /// Inputs tried.
    pub runs: u64,
    /// Inputs the reader accepted (and took further).
    pub read: u64,
    /// Inputs that made something panic, saved as regressions.
    pub crashes: u64,
}

/// Runs `bytes` through `reader`, catching a panic: `Err` holds its message.
pub fn run_caught(reader: Reader, bytes: &[u8], ctx: &targets::Context) -> Result<bool, String> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| targets::run(reader, bytes, ctx))).map_err(|e| {
        e.downcast_ref::<String>()
            .cloned()
            .or_else(|| e.downcast_ref::<&str>().map(|s| (*s).to_owned()))
            .unwrap_or_else(|| "a panic".to_owned())
    })
}
