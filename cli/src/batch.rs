//! `tnl batch`: many answers in, one summary row each out, on every core.
//!
//! Inputs are expanded into jobs first (one per answers file or JSON Lines line), in input order;
//! rayon evaluates them in parallel by chunks and `collect` keeps that order, so the output is
//! the same whatever the number of threads. Each worker formats its own row, which keeps the main
//! thread out of the hot path; the main thread writes each chunk's rows as it is done. A job that
//! fails becomes an error row and a message on stderr.

use crate::args::{BatchFormat, EditionArgs, ReportFormat};
use crate::commands::{criteria_file, embedded_ids};
use crate::fail::{self, Failure, Level};
use crate::io::{
    check_count, io_reason, limit_words, max_input, read_text, special_kind, text_from_bytes, write_output, Inputs,
    Output, Target, MAX_ANSWERS,
};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use rayon::prelude::*;
use std::collections::HashMap;
use std::io::{BufRead, IsTerminal};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;
use tnl_engine::deps::{dependency_report, Catalogue, DepsOptions, Inventory};
use tnl_engine::{editions, evaluate, render, summarize_view, Answers, AnswersView, Criteria, Lang};

/// Everything `tnl batch` was asked.
#[derive(Debug)]
pub struct Options {
    /// Files, folders, JSON Lines files, `-`.
    pub inputs: Vec<String>,
    /// --edition / --criteria.
    pub edition: EditionArgs,
    /// Output format.
    pub format: BatchFormat,
    /// Output file.
    pub output: Option<String>,
    /// Threads.
    pub jobs: Option<usize>,
    /// Benchmark baseline: parse only.
    pub parse_only: bool,
    /// --quiet.
    pub quiet: bool,
    /// Language of the next step's title.
    pub lang: Lang,
    /// --catalogue, for inventories.
    pub catalogue: Option<String>,
    /// --today, for inventories (default: the system date).
    pub today: Option<String>,
    /// --reports DIR and --report-format: one full report per input, written there.
    pub reports: Option<(PathBuf, ReportFormat)>,
}

/// One entity to evaluate.
#[derive(Debug)]
enum Job {
    /// An answers file, read by the worker.
    File { path: PathBuf, label: String },
    /// One line of a JSON Lines input, already read.
    Line { label: String, text: String },
    /// A line that could not be read (too long, not UTF-8, a read error): a failed row.
    Failed { label: String, reason: String },
    /// An entry of a folder that is not read: not a regular file (a FIFO, a device, a socket),
    /// or one the system refuses (no permission, a broken link). A failed row, and counted.
    Skipped { label: String, reason: String },
}

impl Job {
    fn label(&self) -> &str {
        match self {
            Job::File { label, .. }
            | Job::Line { label, .. }
            | Job::Failed { label, .. }
            | Job::Skipped { label, .. } => label,
        }
    }
}

/// The most inputs one batch reads: more than France has collectivités, several times over. A
/// stream without end (`yes | tnl batch -`) stops there with a message instead of filling memory.
const MAX_JOBS: usize = 1_000_000;

/// Adds a job, or refuses a batch larger than any territory.
fn push_job(jobs: &mut Vec<Job>, job: Job) -> Result<(), Failure> {
    if jobs.len() >= MAX_JOBS {
        return Err(Failure::input(format!(
            "{}: too many inputs (tnl batch reads at most {MAX_JOBS})",
            job.label()
        ))
        .hint("split the inputs into several batches"));
    }
    jobs.push(job);
    Ok(())
}

/// A JSON Lines file, by its extension.
fn is_jsonl(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("jsonl") || e.eq_ignore_ascii_case("ndjson"))
}

/// Expands the inputs into jobs, in order. An INPUT that does not exist fails the whole run: it
/// is a usage mistake (a wrong path), not bad data. What cannot be read inside a folder becomes
/// a failed row, and the rest is read.
fn expand(inputs: &[String]) -> Result<Vec<Job>, Failure> {
    let mut jobs = Vec::new();
    for input in inputs {
        if input == "-" {
            read_lines("<stdin>", std::io::stdin().lock(), &mut jobs)?;
            continue;
        }
        let path = PathBuf::from(input);
        let meta = std::fs::metadata(&path).map_err(|e| {
            Failure::input(format!("{input}: cannot read: {}", io_reason(&e)))
                .hint("INPUT is an answers file, a folder of them, or a JSON Lines file")
        })?;
        if meta.is_dir() {
            walk(&path, &mut jobs)?;
        } else if is_jsonl(&path) {
            let file = std::fs::File::open(&path)
                .map_err(|e| Failure::input(format!("{input}: cannot read: {}", io_reason(&e))))?;
            read_lines(input, std::io::BufReader::new(file), &mut jobs)?;
        } else {
            push_job(
                &mut jobs,
                Job::File {
                    label: input.clone(),
                    path,
                },
            )?;
        }
    }
    Ok(jobs)
}

/// Every `*.json` (answers) and `*.jsonl`/`*.ndjson` file under `dir`, in name order; hidden
/// files and folders are skipped. The type of each entry is checked before it is opened: a FIFO
/// would block the run, a device never end. Folders are entered only when they are real
/// folders, not links, so that a link cannot make a loop.
fn walk(dir: &Path, jobs: &mut Vec<Job>) -> Result<(), Failure> {
    let name = dir.display().to_string();
    let unreadable = |label: String, e: &std::io::Error| Job::Skipped {
        label,
        reason: format!("skipped: cannot read: {}", io_reason(e)),
    };
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) => return push_job(jobs, unreadable(name, &e)),
    };
    let mut paths: Vec<(PathBuf, bool)> = Vec::new();
    for entry in entries {
        let entry = match entry {
            Ok(entry) => entry,
            Err(e) => {
                push_job(jobs, unreadable(name.clone(), &e))?;
                continue;
            }
        };
        if entry.file_name().to_string_lossy().starts_with('.') {
            continue;
        }
        let is_dir = entry.file_type().map(|t| t.is_dir()).unwrap_or(false);
        paths.push((entry.path(), is_dir));
    }
    paths.sort();
    for (path, is_dir) in paths {
        let label = path.display().to_string();
        let json = path
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| e.eq_ignore_ascii_case("json"));
        if is_dir {
            walk(&path, jobs)?;
            continue;
        }
        if !json && !is_jsonl(&path) {
            continue;
        }
        // Through a link to the file it names; what is not a regular file is not opened.
        let meta = match std::fs::metadata(&path) {
            Ok(meta) => meta,
            Err(e) => {
                push_job(jobs, unreadable(label, &e))?;
                continue;
            }
        };
        if !meta.is_file() {
            let reason = format!("skipped: {}, not a regular file", special_kind(meta.file_type()));
            push_job(jobs, Job::Skipped { label, reason })?;
        } else if json {
            push_job(jobs, Job::File { label, path })?;
        } else {
            match std::fs::File::open(&path) {
                Ok(file) => read_lines(&label, std::io::BufReader::new(file), jobs)?,
                Err(e) => push_job(jobs, unreadable(label, &e))?,
            }
        }
    }
    Ok(())
}

/// One job per non-blank line, labelled `FILE:LINE`. A line longer than the input limit becomes
/// a job that fails with that reason; the rest of it is read and dropped, never kept. A NUL byte,
/// which JSON text never holds, means binary data (`/dev/zero`, an image): the rest of the input
/// is not read.
fn read_lines(name: &str, mut reader: impl BufRead, jobs: &mut Vec<Job>) -> Result<(), Failure> {
    let limit = usize::try_from(max_input()).unwrap_or(usize::MAX);
    let mut line_no = 0usize;
    loop {
        line_no += 1;
        let label = format!("{name}:{line_no}");
        let buf = match next_line(&mut reader, limit) {
            Ok(Line::End) => return Ok(()),
            Ok(Line::Text(buf)) => buf,
            Ok(Line::TooLong) => {
                let reason = format!("line too large (over the limit of {})", limit_words());
                push_job(jobs, Job::Failed { label, reason })?;
                continue;
            }
            Ok(Line::Binary) => {
                let reason = format!("binary data (a NUL byte), not JSON Lines: the rest of {name} is not read");
                return push_job(jobs, Job::Failed { label, reason });
            }
            Err(e) => {
                let reason = format!("cannot read: {}", io_reason(&e));
                return push_job(jobs, Job::Failed { label, reason });
            }
        };
        if buf.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        let job = match text_from_bytes(&label, buf) {
            Ok(text) => Job::Line { label, text },
            Err(f) => Job::Failed {
                reason: first_line(&f.to_string())
                    .trim_start_matches(&format!("{label}: "))
                    .to_owned(),
                label,
            },
        };
        push_job(jobs, job)?;
    }
}

/// One line of a JSON Lines input as `tnl batch` reads it.
#[derive(Debug)]
pub struct JsonLine {
    /// `FILE:LINE`.
    pub label: String,
    /// The line's text, or why it could not be read.
    pub text: Result<String, String>,
}

/// Reads JSON Lines exactly as `tnl batch` does (bounded lines, binary data refused). Public for
/// the fuzz harness (`fuzz/`), which feeds it mutated input.
pub fn json_lines(name: &str, reader: impl BufRead) -> Result<Vec<JsonLine>, Failure> {
    let mut jobs = Vec::new();
    read_lines(name, reader, &mut jobs)?;
    Ok(jobs
        .into_iter()
        .map(|job| match job {
            Job::Line { label, text } => JsonLine { label, text: Ok(text) },
            Job::Failed { label, reason } | Job::Skipped { label, reason } => JsonLine {
                label,
                text: Err(reason),
            },
            Job::File { label, .. } => JsonLine {
                text: Err(format!("{label}: not a line")),
                label,
            },
        })
        .collect())
}

/// What [`next_line`] read.
enum Line {
    /// A line, its newline included.
    Text(Vec<u8>),
    /// A line over the limit, read to its end and dropped.
    TooLong,
    /// A NUL byte: not text.
    Binary,
    /// Nothing left.
    End,
}

/// Reads one line into a buffer of at most `limit` bytes.
fn next_line(reader: &mut impl BufRead, limit: usize) -> std::io::Result<Line> {
    let mut buf = Vec::new();
    let (mut any, mut too_long) = (false, false);
    loop {
        let chunk = match reader.fill_buf() {
            Ok(chunk) => chunk,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if chunk.is_empty() {
            break;
        }
        any = true;
        let (part, done) = match chunk.iter().position(|&b| b == b'\n') {
            Some(i) => (&chunk[..=i], true),
            None => (chunk, false),
        };
        if part.contains(&0) {
            return Ok(Line::Binary);
        }
        if !too_long {
            if buf.len() + part.len() > limit {
                too_long = true;
                buf = Vec::new();
            } else {
                buf.extend_from_slice(part);
            }
        }
        let n = part.len();
        reader.consume(n);
        if done {
            break;
        }
    }
    Ok(match (any, too_long) {
        (false, _) => Line::End,
        (true, true) => Line::TooLong,
        (true, false) => Line::Text(buf),
    })
}

fn first_line(s: &str) -> &str {
    s.lines().next().unwrap_or("")
}

/// Where a job's full report goes (`--reports`): the folder, the format, and the job's name
/// (from [`report_names`]); answers add `.EXT`, inventories `.deps.EXT`.
struct ReportTo<'a> {
    dir: &'a Path,
    format: ReportFormat,
    name: &'a str,
    /// The batch's inputs, which a report never replaces.
    inputs: &'a Inputs,
}

impl ReportTo<'_> {
    /// Writes one report, as safely as `-o` (see `crate::io`); a failure is the job's (its row
    /// carries the reason).
    fn write(&self, suffix: &str, bytes: &[u8]) -> Result<(), Failure> {
        let path = self
            .dir
            .join(format!("{}{suffix}.{}", self.name, self.format.extension()));
        crate::io::write_bytes(&Target::file(&path, self.inputs)?, bytes)
    }
}

/// The name of each job's report, in job order: the input's path below the INPUT folder it was
/// found in (or its file name), folders joined by `-`, without `.json` and `.answers` /
/// `.inventory`; a JSON Lines line adds `-LINE`. Characters that file systems refuse become
/// `-`. Names that would clash (case aside) get `-2`, `-3`… in input order.
fn report_names(jobs: &[Job], inputs: &[String]) -> Vec<String> {
    let mut seen = std::collections::HashSet::new();
    jobs.iter()
        .map(|job| {
            let (file, line) = match job {
                Job::File { label, .. } | Job::Skipped { label, .. } => (label.as_str(), None),
                Job::Line { label, .. } | Job::Failed { label, .. } => match label.rsplit_once(':') {
                    Some((f, n)) if n.bytes().all(|b| b.is_ascii_digit()) => (f, Some(n)),
                    _ => (label.as_str(), None),
                },
            };
            let path = Path::new(file);
            // The INPUT folder the file was found in, the longest one that holds it.
            let rel = inputs
                .iter()
                .filter_map(|i| path.strip_prefix(i).ok().filter(|r| !r.as_os_str().is_empty()))
                .min_by_key(|r| r.components().count())
                .map_or_else(
                    || PathBuf::from(path.file_name().unwrap_or(path.as_os_str())),
                    Path::to_path_buf,
                );
            // `x.answers.json` and `x.inventory.json` share a name: the inventory's report adds
            // `.deps`, so they do not clash.
            let mut inventory = false;
            let mut parts: Vec<String> = rel
                .components()
                .map(|c| c.as_os_str().to_string_lossy().into_owned())
                .collect();
            if let Some(last) = parts.last_mut() {
                for ext in [".json", ".jsonl", ".ndjson", ".JSON", ".JSONL", ".NDJSON"] {
                    if let Some(stem) = last.strip_suffix(ext) {
                        *last = stem.to_owned();
                        break;
                    }
                }
                for kind in [".answers", ".inventory"] {
                    if let Some(stem) = last.strip_suffix(kind).filter(|s| !s.is_empty()) {
                        *last = stem.to_owned();
                        inventory = kind == ".inventory";
                        break;
                    }
                }
            }
            let mut base: String = parts
                .join("-")
                .chars()
                .map(|c| {
                    if c.is_control() || matches!(c, '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|') {
                        '-'
                    } else {
                        c
                    }
                })
                .collect();
            base = base.trim_matches(|c: char| c == '.' || c == ' ' || c == '-').to_owned();
            if base.is_empty() {
                base = "stdin".into();
            }
            if let Some(n) = line {
                base = format!("{base}-{n}");
            }
            let mut name = base.clone();
            let mut k = 1;
            let key = |n: &str| {
                if inventory {
                    format!("{}.deps", n.to_lowercase())
                } else {
                    n.to_lowercase()
                }
            };
            while !seen.insert(key(&name)) {
                k += 1;
                name = format!("{base}-{k}");
            }
            name
        })
        .collect()
}

/// The text of a job, or why it has none.
fn job_text(job: &Job) -> Result<std::borrow::Cow<'_, str>, Failure> {
    match job {
        Job::File { path, .. } => read_text(&path.to_string_lossy()).map(std::borrow::Cow::Owned),
        Job::Line { text, .. } => Ok(std::borrow::Cow::Borrowed(text.as_str())),
        Job::Failed { label, reason } | Job::Skipped { label, reason } => {
            Err(Failure::input(format!("{label}: {reason}")))
        }
    }
}

/// The criteria a batch can use, by edition id, and the forced one if any. Without `--edition`
/// or `--criteria`, the embedded editions load while the inputs are listed (see `batch`); the
/// domain columns come from their domain ids alone, so nothing waits for them before.
struct Editions {
    by_id: HashMap<String, OnceLock<Result<Criteria, String>>>,
    forced: Option<String>,
    /// The domain columns (see [`Editions::domains`]).
    domains: Vec<String>,
}

impl Editions {
    fn load(choice: &EditionArgs) -> Result<Editions, Failure> {
        let ready = |c: Criteria| {
            (
                c.id().to_owned(),
                c.domains().iter().map(|d| d.id.clone()).collect::<Vec<_>>(),
                OnceLock::from(Ok(c)),
            )
        };
        let mut all = Vec::new();
        let forced = match (&choice.criteria, &choice.edition) {
            (Some(path), _) => {
                all.push(ready(criteria_file(path)?));
                Some(all[0].0.clone())
            }
            (None, Some(id)) => {
                let c = match editions::load(id) {
                    Some(r) => r?,
                    None => {
                        return Err(Failure::usage(format!("unknown edition \"{id}\" for --edition"))
                            .hint(format!("the editions built into tnl are {}", embedded_ids())))
                    }
                };
                all.push(ready(c));
                Some(id.clone())
            }
            (None, None) => {
                for e in editions::EDITIONS {
                    all.push((e.id.to_owned(), editions::domain_ids(e), OnceLock::new()));
                }
                None
            }
        };
        // Domain ids of every usable edition, newest edition first.
        all.sort_by(|a, b| b.0.cmp(&a.0));
        let mut domains: Vec<String> = Vec::new();
        for (_, ds, _) in &all {
            for d in ds {
                if !domains.contains(d) {
                    domains.push(d.clone());
                }
            }
        }
        Ok(Editions {
            by_id: all.into_iter().map(|(id, _, c)| (id, c)).collect(),
            forced,
            domains,
        })
    }

    /// An edition, loaded by the first caller (the others wait for it).
    fn ready<'a>(id: &str, lock: &'a OnceLock<Result<Criteria, String>>) -> &'a Result<Criteria, String> {
        lock.get_or_init(|| {
            editions::load(id).map_or_else(
                || Err(format!("edition \"{id}\" is not embedded")),
                |r| r.map_err(|e| e.to_string()),
            )
        })
    }

    /// Loads every edition now, each on a thread of `scope`.
    fn preload<'s>(&'s self, scope: &rayon::Scope<'s>) {
        for (id, lock) in &self.by_id {
            scope.spawn(move |_| {
                Editions::ready(id, lock);
            });
        }
    }

    /// The edition an inventory without answers is shown on: the one forced, or the newest.
    fn newest(&self) -> Option<String> {
        self.forced.clone().or_else(|| self.by_id.keys().max().cloned())
    }

    /// The summary's domain columns: the domain ids of every usable edition, newest first.
    fn domains(&self) -> &[String] {
        &self.domains
    }

    /// The title of a domain or a tier of id `id`, from the newest edition that has one: `list`
    /// picks the edition's domains or tiers, `id_title` an entry's id and title.
    fn title_of<T>(
        &self,
        id: &str,
        lang: Lang,
        list: impl Fn(&Criteria) -> &[T],
        id_title: impl Fn(&T) -> (&String, &tnl_engine::Text),
    ) -> Option<String> {
        let mut editions: Vec<(&String, &OnceLock<Result<Criteria, String>>)> = self.by_id.iter().collect();
        editions.sort_by(|a, b| b.0.cmp(a.0));
        editions.into_iter().find_map(|(edition, lock)| {
            let criteria = Editions::ready(edition, lock).as_ref().ok()?;
            let (_, title) = list(criteria).iter().map(&id_title).find(|(i, _)| *i == id)?;
            Some(title.get(lang).to_owned())
        })
    }

    fn for_answers(&self, answers: &Answers, file: &str) -> Result<&Criteria, Failure> {
        let id = self.forced.as_deref().unwrap_or(&answers.edition);
        let criteria = self.by_id.get(id).ok_or_else(|| {
            Failure::input(format!("{file}: unknown edition \"{}\"", answers.edition))
                .hint(format!("the editions built into tnl are {}", embedded_ids()))
                .hint("evaluate against another edition with --criteria FILE")
        })?;
        let criteria = Editions::ready(id, criteria)
            .as_ref()
            .map_err(|m| Failure::input(m.clone()))?;
        answers.check_edition(criteria, file)?;
        Ok(criteria)
    }
}

/// What a row summarises.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum RowType {
    /// A label estimate from an answers file.
    Answers,
    /// A dependency summary from an inventory.
    Inventory,
}

/// One line of output per job, formatted by the worker.
type Row = Result<(RowType, String, Option<PageEntry>), Failure>;

/// What a format written whole at the end keeps of a job: `--format html` the reports for the
/// territory page, `--format ods` the row's cells (the streamed formats keep nothing).
enum PageEntry {
    /// The full report of an answers file.
    Answers(Box<tnl_engine::Report>),
    /// The dependency report of an inventory.
    Inventory(Box<tnl_engine::deps::DependencyReport>),
    /// The cells of a row, as the CSV has them (`--format ods`).
    Cells(Vec<String>),
}

/// The catalogue and today's date for inventories, loaded by the first worker that meets one.
struct DepsContext {
    path: Option<String>,
    catalogue: std::sync::OnceLock<Result<Catalogue, String>>,
    today: Option<String>,
}

impl DepsContext {
    fn catalogue(&self) -> Result<&Catalogue, Failure> {
        self.catalogue
            .get_or_init(|| crate::deps::catalogue(self.path.as_deref()).map_err(|f| f.to_string()))
            .as_ref()
            .map_err(|m| Failure::input(m.clone()))
    }
}

/// Whether a text that is not answers is an inventory (`"kind": "inventory"`).
fn inventory_value(text: &str) -> Option<serde_json::Value> {
    if !text.contains("inventory") {
        return None;
    }
    let v: serde_json::Value = serde_json::from_str(text).ok()?;
    (crate::commands::detect(&v) == crate::commands::DocKind::Inventory).then_some(v)
}

/// The cells of a row: `source, type`, the label columns, the dependency columns, `error`.
fn cells(label: &str, row_type: &str, label_cells: Vec<String>, deps_cells: Vec<String>) -> Vec<String> {
    let mut cells = Vec::with_capacity(label_cells.len() + deps_cells.len() + 3);
    cells.push(label.to_owned());
    cells.push(row_type.to_owned());
    cells.extend(label_cells);
    cells.extend(deps_cells);
    cells.push(String::new());
    cells
}

fn evaluate_job(
    job: &Job,
    editions: &Editions,
    deps: &DepsContext,
    domains: &[String],
    format: BatchFormat,
    lang: Lang,
    report: Option<&ReportTo<'_>>,
) -> Row {
    let label = job.label();
    let text = job_text(job)?;
    // A row needs the estimate, not the full report: the engine's summary is the same
    // computation without the detail, and answers read as a view cost less to read and free.
    let answers = match AnswersView::from_json(&text, label) {
        Ok(a) => a,
        Err(e) => match inventory_value(&text) {
            Some(v) => return inventory_job(label, v, deps, domains, format, lang, report),
            None => return Err(e.into()),
        },
    };
    check_count(label, "answers", answers.entries().count(), MAX_ANSWERS)?;
    let criteria = editions.for_answers(answers.head(), label)?;
    let full = match (report, format) {
        (None, f) if f != BatchFormat::Html => None,
        _ => Some(evaluate(criteria, &Answers::from_json(&text, label)?)),
    };
    if let (Some(to), Some(full)) = (report, &full) {
        // The full report, as `tnl evaluate` writes it.
        to.write("", &crate::commands::render_report(full, None, to.format, lang)?)?;
    }
    if format == BatchFormat::Html {
        return Ok((
            RowType::Answers,
            String::new(),
            full.map(|r| PageEntry::Answers(Box::new(r))),
        ));
    }
    let summary = summarize_view(criteria, &answers);
    if format == BatchFormat::Ods {
        // The CSV's cells: source, type, the summary, no dependency columns, no error.
        let deps_cells = vec![String::new(); render::DEPS_SUMMARY_WIDTH];
        let row = cells(
            label,
            "answers",
            render::summary_row(&summary, domains, lang),
            deps_cells,
        );
        return Ok((RowType::Answers, String::new(), Some(PageEntry::Cells(row))));
    }
    Ok((
        RowType::Answers,
        match format {
            // source, type, the summary, no dependency columns, no error.
            BatchFormat::Csv => render::summary_csv_line(
                &[label, "answers"],
                &summary,
                domains,
                lang,
                render::DEPS_SUMMARY_WIDTH + 1,
            ),
            BatchFormat::Md => {
                // The Markdown output has a table per type, without the type column.
                let mut cells = Vec::with_capacity(domains.len() + 11);
                cells.push(label.to_owned());
                cells.extend(render::summary_row(&summary, domains, lang));
                cells.push(String::new());
                render::summary_markdown_row(&cells)
            }
            BatchFormat::Jsonl => json_line(render::summary_json(&summary, lang), label, "answers"),
            BatchFormat::Html | BatchFormat::Ods => String::new(),
        },
        None,
    ))
}

/// A dependency summary row.
fn inventory_job(
    label: &str,
    value: serde_json::Value,
    deps: &DepsContext,
    domains: &[String],
    format: BatchFormat,
    lang: Lang,
    report: Option<&ReportTo<'_>>,
) -> Row {
    let inventory = Inventory::from_value(value, label)?;
    crate::deps::check_inventory(&inventory, label)?;
    let r = dependency_report(
        deps.catalogue()?,
        &inventory,
        &DepsOptions {
            today: deps.today.clone(),
        },
    );
    if let Some(to) = report {
        to.write(".deps", &crate::deps::render_deps(&r, to.format, lang))?;
    }
    if format == BatchFormat::Html {
        return Ok((
            RowType::Inventory,
            String::new(),
            Some(PageEntry::Inventory(Box::new(r))),
        ));
    }
    let who = vec![
        r.profile.name.clone(),
        r.profile.kind.map_or(String::new(), |k| k.as_str().to_owned()),
        r.profile.population.map_or(String::new(), |p| p.to_string()),
    ];
    // The CSV's cells: name, kind, population, then nothing under edition … next_step_title.
    let table_cells = |who: Vec<String>| {
        let mut label_cells = who;
        label_cells.resize(render::summary_header(domains).len(), String::new());
        cells(label, "inventory", label_cells, render::deps_summary_row(&r))
    };
    if format == BatchFormat::Ods {
        return Ok((
            RowType::Inventory,
            String::new(),
            Some(PageEntry::Cells(table_cells(who))),
        ));
    }
    Ok((
        RowType::Inventory,
        match format {
            BatchFormat::Csv => render::csv_line(&table_cells(who)),
            BatchFormat::Md => {
                let mut cells = vec![label.to_owned()];
                cells.extend(who);
                cells.extend(render::deps_summary_row(&r));
                cells.push(String::new());
                render::summary_markdown_row(&cells)
            }
            BatchFormat::Jsonl => json_line(render::deps_summary_json(&r), label, "inventory"),
            BatchFormat::Html | BatchFormat::Ods => String::new(),
        },
        None,
    ))
}

/// One JSON Lines object with `source`, `type` and `error: null` added.
fn json_line(mut v: serde_json::Value, label: &str, row_type: &str) -> String {
    if let serde_json::Value::Object(m) = &mut v {
        m.insert("source".into(), serde_json::Value::from(label));
        m.insert("type".into(), serde_json::Value::from(row_type));
        m.insert("error".into(), serde_json::Value::Null);
    }
    let mut s = v.to_string();
    s.push('\n');
    s
}

/// The one-line reason of a failure, for the `error` column.
fn reason(f: &Failure, label: &str) -> String {
    let text = match f {
        Failure::Engine(e) => {
            let problems: Vec<String> = e
                .problems
                .iter()
                .map(|p| first_line(&p.to_string()).to_owned())
                .collect();
            format!("invalid {} file: {}", e.kind, problems.join("; "))
        }
        other => first_line(&other.to_string()).to_owned(),
    };
    text.strip_prefix(&format!("{label}: "))
        .map(str::to_owned)
        .unwrap_or(text)
}

/// Why an input failed, for the territory page: the engine's problems in the page's language, one
/// a line, hints included; other failures (a file that cannot be read) as the CLI says them.
fn page_reason(f: &Failure, label: &str, lang: Lang) -> String {
    let text = match f {
        Failure::Engine(e) => {
            let (fr, en) = (format!("{} : ", e.file), format!("{}: ", e.file));
            let message = e.message(lang);
            let lines: Vec<&str> = message
                .lines()
                .map(|l| l.strip_prefix(&fr).or_else(|| l.strip_prefix(&en)).unwrap_or(l).trim())
                .collect();
            lines.join("\n")
        }
        other => other.to_string(),
    };
    text.strip_prefix(&format!("{label}: "))
        .map(str::to_owned)
        .unwrap_or(text)
}

/// The cells of a failed input's row in the CSV's columns: its name, nothing under the type, the
/// label columns and the dependency columns, then the reason.
fn error_cells(label: &str, reason: &str, columns: usize) -> Vec<String> {
    let mut cells = vec![label.to_owned()];
    cells.extend(std::iter::repeat_n(
        String::new(),
        columns + 1 + render::DEPS_SUMMARY_WIDTH,
    ));
    cells.push(reason.to_owned());
    cells
}

fn error_row(label: &str, reason: &str, columns: usize, format: BatchFormat) -> String {
    match format {
        BatchFormat::Csv => render::csv_line(&error_cells(label, reason, columns)),
        BatchFormat::Md => {
            let mut cells = vec![label.to_owned()];
            cells.extend(std::iter::repeat_n(String::new(), columns));
            cells.push(reason.to_owned());
            render::summary_markdown_row(&cells)
        }
        // The page has no error column: the message on stderr and the exit code say it; the
        // spreadsheet's error rows are kept with the others (`error_cells`).
        BatchFormat::Html | BatchFormat::Ods => String::new(),
        BatchFormat::Jsonl => {
            let mut m = serde_json::Map::new();
            m.insert("source".into(), serde_json::Value::from(label));
            m.insert("error".into(), serde_json::Value::from(reason));
            let mut s = serde_json::Value::Object(m).to_string();
            s.push('\n');
            s
        }
    }
}

/// A progress bar on a terminal; none otherwise (not even a hidden one: every update of a bar
/// takes a lock that the workers would contend for).
fn progress(len: usize, quiet: bool) -> Option<ProgressBar> {
    if quiet || !std::io::stderr().is_terminal() {
        return None;
    }
    let pb = ProgressBar::with_draw_target(Some(len as u64), ProgressDrawTarget::stderr());
    if let Ok(style) = ProgressStyle::with_template("{spinner} {pos}/{len} [{bar:30}] {per_sec} eta {eta}") {
        pb.set_style(style.progress_chars("=> "));
    }
    Some(pb)
}

/// `tnl batch`.
pub fn batch(opts: &Options) -> Result<u8, Failure> {
    let pool = {
        let mut b = rayon::ThreadPoolBuilder::new();
        if let Some(n) = opts.jobs {
            b = b.num_threads(n.max(1));
        }
        b.build()
            .map_err(|e| Failure::usage(format!("cannot start threads: {e}")))?
    };
    // A bad --today is a usage error, found before anything is read or written.
    let today = match &opts.today {
        Some(t) => {
            crate::deps::check_today(t)?;
            Some(t.clone())
        }
        None => crate::deps::system_today(),
    };
    if let Some((_, ReportFormat::Ods)) = &opts.reports {
        return Err(crate::commands::no_report_spreadsheet());
    }
    if opts.parse_only {
        // The benchmark baseline reads no edition.
        let jobs = expand(&opts.inputs)?;
        let target = Target::of(opts.output.as_deref(), &batch_inputs(&jobs, opts))?;
        return pool.install(|| parse_only(&jobs, &target));
    }
    // The embedded editions load on the pool's threads while this one lists the inputs: on
    // several cores, start-up costs the longer of the two instead of their sum.
    let editions = Editions::load(&opts.edition);
    let jobs = pool.in_place_scope(|scope| {
        if let Ok(e) = &editions {
            e.preload(scope);
        }
        expand(&opts.inputs)
    });
    let (jobs, editions) = (jobs?, editions?);
    let inputs = batch_inputs(&jobs, opts);
    let target = Target::of(opts.output.as_deref(), &inputs)?;
    let names = match &opts.reports {
        Some((dir, _)) => {
            std::fs::create_dir_all(dir).map_err(|e| {
                Failure::input(format!(
                    "{}: cannot create the reports folder: {}",
                    dir.display(),
                    io_reason(&e)
                ))
            })?;
            report_names(&jobs, &opts.inputs)
        }
        None => Vec::new(),
    };
    // The page pairs each inventory with its collectivité's answers by the stem of their files
    // (`tnl_engine::territory`, as the browser app does); a JSON Lines line (or an input not read) has none.
    let stems: Vec<Option<String>> = match opts.format {
        BatchFormat::Html => jobs
            .iter()
            .map(|job| match job {
                Job::File { label, .. } => Some(tnl_engine::territory::stem(label).to_owned()),
                Job::Line { .. } | Job::Failed { .. } | Job::Skipped { .. } => None,
            })
            .collect(),
        _ => Vec::new(),
    };
    let deps = DepsContext {
        path: opts.catalogue.clone(),
        catalogue: std::sync::OnceLock::new(),
        today,
    };
    let domains = editions.domains();
    let pb = progress(jobs.len(), opts.quiet);

    // `columns`: the label columns between `source` and `error`, for error rows.
    let label_header = render::summary_header(domains);
    let columns = label_header.len();
    let md_header = |h: Vec<String>| {
        let mut s = render::summary_markdown_row(&h);
        s.push_str(&render::summary_markdown_rule(h.len()));
        s
    };
    let with_source = |middle: Vec<String>| {
        let mut h = vec!["source".to_owned()];
        h.extend(middle);
        h.push("error".to_owned());
        h
    };
    // The spreadsheet is written whole at the end, as bytes.
    let mut out = Output::open(&target)?;
    let table_header = || {
        let mut h = vec!["type".to_owned()];
        h.extend(label_header.iter().cloned());
        h.extend(render::deps_summary_header());
        with_source(h)
    };
    match opts.format {
        BatchFormat::Csv => out.write(&render::csv_line(&table_header()))?,
        BatchFormat::Md => out.write(&format!("*{}*\n\n", render::summary_notice(opts.lang)))?,
        BatchFormat::Jsonl | BatchFormat::Html | BatchFormat::Ods => {}
    }
    // --format html: every job's reports, by position, for the page written at the end.
    let mut page: Vec<(usize, PageEntry)> = Vec::new();
    // …and the inputs it could not read, with the reason in the page's language.
    let mut not_read: Vec<(String, String)> = Vec::new();
    // Markdown: the answers table (its header written before its first row), then the
    // inventories' table, kept aside until the end.
    let mut md_answers_started = false;
    let mut md_inventories: Vec<String> = Vec::new();
    let mut failed = 0usize;
    // The jobs go by chunks, written as each is done: the output is the same, and a batch of
    // 100,000 files needs neither its whole table in memory nor all its rows at once.
    let mut written = 0usize;
    for (c, chunk) in jobs.chunks(CHUNK).enumerate() {
        let rows: Vec<Row> = pool.install(|| {
            chunk
                .par_iter()
                .enumerate()
                .map(|(i, job)| {
                    let to = opts.reports.as_ref().map(|(dir, format)| ReportTo {
                        dir,
                        format: *format,
                        name: &names[c * CHUNK + i],
                        inputs: &inputs,
                    });
                    let row = evaluate_job(job, &editions, &deps, domains, opts.format, opts.lang, to.as_ref());
                    if let Some(pb) = &pb {
                        pb.inc(1);
                    }
                    row
                })
                .collect()
        });
        for (i, (job, row)) in chunk.iter().zip(rows).enumerate() {
            written += usize::from(row.is_ok());
            let line = match row {
                Ok((_, _, Some(entry))) => {
                    page.push((c * CHUNK + i, entry));
                    continue;
                }
                Ok((RowType::Inventory, line, None)) if opts.format == BatchFormat::Md => {
                    md_inventories.push(line);
                    continue;
                }
                Ok((_, line, None)) => line,
                Err(f) => {
                    failed += 1;
                    // An entry skipped in a folder is a warning: nothing was wrong with the data.
                    let level = if matches!(job, Job::Skipped { .. }) {
                        Level::Warning
                    } else {
                        Level::Error
                    };
                    fail::report(level, &f.to_string());
                    if opts.format == BatchFormat::Html {
                        not_read.push((job.label().to_owned(), page_reason(&f, job.label(), opts.lang)));
                        continue;
                    }
                    if opts.format == BatchFormat::Ods {
                        let cells = error_cells(job.label(), &reason(&f, job.label()), columns);
                        page.push((c * CHUNK + i, PageEntry::Cells(cells)));
                        continue;
                    }
                    error_row(job.label(), &reason(&f, job.label()), columns, opts.format)
                }
            };
            if opts.format == BatchFormat::Md && !md_answers_started {
                md_answers_started = true;
                out.write(&md_header(with_source(label_header.clone())))?;
            }
            out.write(&line)?;
        }
    }
    if let Some(pb) = &pb {
        pb.finish_and_clear();
    }
    if opts.format == BatchFormat::Md {
        if md_inventories.is_empty() {
            // Nothing at all: an empty answers table.
            if !md_answers_started {
                out.write(&md_header(with_source(label_header.clone())))?;
            }
        } else {
            if md_answers_started {
                out.write("\n")?;
            }
            let mut h = vec!["name".to_owned(), "kind".to_owned(), "population".to_owned()];
            h.extend(render::deps_summary_header());
            out.write(&md_header(with_source(h)))?;
            for line in &md_inventories {
                out.write(line)?;
            }
        }
    }
    if opts.format == BatchFormat::Html {
        let files = PageFiles {
            names: &names,
            stems: &stems,
        };
        out.write(&territory_page(page, &not_read, &files, &editions, opts)?)?;
        out.finish()?;
    } else if opts.format == BatchFormat::Ods {
        let rows: Vec<Vec<String>> = page
            .into_iter()
            .filter_map(|(_, entry)| match entry {
                PageEntry::Cells(cells) => Some(cells),
                PageEntry::Answers(_) | PageEntry::Inventory(_) => None,
            })
            .collect();
        let names = render::TableNames {
            domain: &|id| editions.title_of(id, opts.lang, |c| &c.file().domains, |d| (&d.id, &d.title)),
            tier: &|id| editions.title_of(id, opts.lang, |c| &c.file().tiers, |t| (&t.id, &t.title)),
        };
        out.write_bytes(&render::summary_ods(&table_header(), &rows, &names, opts.lang))?;
        out.finish()?;
    } else {
        out.finish()?;
    }
    if let (Some((dir, _)), false) = (&opts.reports, opts.quiet) {
        fail::info(&format!(
            "{written} report{} written to {}",
            if written == 1 { "" } else { "s" },
            dir.display()
        ));
    }
    if failed > 0 {
        if !opts.quiet {
            let skipped = jobs.iter().filter(|j| matches!(j, Job::Skipped { .. })).count();
            let skipped = if skipped > 0 {
                format!(", {skipped} of them skipped (not regular files, or unreadable)")
            } else {
                String::new()
            };
            if opts.format == BatchFormat::Html {
                fail::info(&format!(
                    "{failed} of {} inputs failed{skipped} (above); the page lists them under \"{}\"",
                    jobs.len(),
                    if opts.lang == Lang::Fr {
                        "Fichiers non lus"
                    } else {
                        "Inputs not read"
                    }
                ));
            } else {
                fail::info(&format!(
                    "{failed} of {} inputs failed{skipped}; their rows carry the reason in the `error` column",
                    jobs.len()
                ));
            }
        }
        return Err(Failure::Reported(fail::EXIT_FAILURE));
    }
    Ok(0)
}

/// What the territory page knows of each input, by position: the name of its report under
/// --reports (empty without), and the stem that pairs its files (`None` for a JSON Lines line).
struct PageFiles<'a> {
    names: &'a [String],
    stems: &'a [Option<String>],
}

/// The territory page of `--format html` (`render::territory_html`). Each inventory goes with its
/// collectivité's answers by the rule of `tnl_engine::territory` (the same stem, else the only
/// answers of its name), or else gets a row of its own, on blank answers of the newest edition,
/// as in the browser app. With --reports, each name links to its report and each free share to its
/// map, relative to the page's folder.
fn territory_page(
    page: Vec<(usize, PageEntry)>,
    not_read: &[(String, String)],
    files: &PageFiles,
    editions: &Editions,
    opts: &Options,
) -> Result<String, Failure> {
    use tnl_engine::territory::{place_inventories, AnswersKey, InventoryKey, Placement};
    let mut reports: Vec<(usize, tnl_engine::Report)> = Vec::new();
    let mut inventories: Vec<(usize, tnl_engine::deps::DependencyReport)> = Vec::new();
    for (i, entry) in page {
        match entry {
            PageEntry::Answers(r) => reports.push((i, *r)),
            PageEntry::Inventory(d) => inventories.push((i, *d)),
            PageEntry::Cells(_) => {}
        }
    }
    let name_of = |i: usize| files.names.get(i).map(String::as_str);
    let stem_of = |i: usize| files.stems.get(i).and_then(Option::as_deref);
    let answers_keys: Vec<AnswersKey> = reports
        .iter()
        .map(|(i, r)| AnswersKey {
            stem: stem_of(*i),
            name: &r.profile.name,
            has_inventory: false,
        })
        .collect();
    let inventory_keys: Vec<InventoryKey> = inventories
        .iter()
        .map(|(i, d)| InventoryKey {
            stem: stem_of(*i),
            name: &d.profile.name,
        })
        .collect();
    let mut deps_of: Vec<Option<usize>> = vec![None; reports.len()];
    let mut alone: Vec<usize> = Vec::new();
    for (k, placement) in place_inventories(&answers_keys, &inventory_keys)
        .into_iter()
        .enumerate()
    {
        match placement {
            Placement::WithAnswers(r) => deps_of[r] = Some(k),
            Placement::OwnRow => alone.push(k),
        }
    }
    // The newest embedded edition, for inventories without answers (or the --criteria file's).
    let blank = |profile: tnl_engine::Profile| -> Result<tnl_engine::Report, Failure> {
        let id = editions
            .newest()
            .ok_or_else(|| Failure::usage("no edition to evaluate an inventory against".to_owned()))?;
        let answers = Answers::new(id, profile);
        Ok(evaluate(editions.for_answers(&answers, "inventory")?, &answers))
    };
    let mut extra: Vec<(usize, tnl_engine::Report)> = Vec::new();
    for &k in &alone {
        extra.push((k, blank(inventories[k].1.profile.clone())?));
    }
    let links = |i: usize, suffix: &str| -> Option<String> {
        let (dir, format) = opts.reports.as_ref()?;
        let file = dir.join(format!("{}{suffix}.{}", name_of(i)?, format.extension()));
        Some(relative_link(&file, opts.output.as_deref()))
    };
    // Input position, report, dependency map, and the links to their pages.
    type PageRow<'a> = (
        usize,
        &'a tnl_engine::Report,
        Option<&'a tnl_engine::deps::DependencyReport>,
        Option<String>,
        Option<String>,
    );
    let mut rows: Vec<PageRow> = Vec::new();
    for (r, (i, report)) in reports.iter().enumerate() {
        let d = deps_of[r].map(|k| &inventories[k]);
        rows.push((
            *i,
            report,
            d.map(|(_, d)| d),
            links(*i, ""),
            d.and_then(|(j, _)| links(*j, ".deps")),
        ));
    }
    for (k, report) in &extra {
        let (j, d) = &inventories[*k];
        rows.push((*j, report, Some(d), None, links(*j, ".deps")));
    }
    // In input order, as the other formats.
    rows.sort_by_key(|r| r.0);
    let page: Vec<render::TerritoryRow> = rows
        .iter()
        .map(|(_, report, deps, r, d)| render::TerritoryRow {
            report,
            deps: *deps,
            report_link: r.as_deref(),
            deps_link: d.as_deref(),
        })
        .collect();
    let not_read: Vec<render::NotRead> = not_read
        .iter()
        .map(|(input, reason)| render::NotRead { input, reason })
        .collect();
    Ok(render::territory_html_with(&page, &not_read, opts.lang))
}

/// `file` as a link from the page written to `output` (standard output: from the current folder).
fn relative_link(file: &Path, output: Option<&str>) -> String {
    let base = match output {
        None | Some("-") => PathBuf::from("."),
        Some(o) => Path::new(o)
            .parent()
            .map_or_else(|| PathBuf::from("."), Path::to_path_buf),
    };
    let abs = |p: &Path| std::path::absolute(p).unwrap_or_else(|_| p.to_path_buf());
    let (file, base) = (
        abs(file),
        abs(if base.as_os_str().is_empty() {
            Path::new(".")
        } else {
            &base
        }),
    );
    let (f, b): (Vec<_>, Vec<_>) = (file.components().collect(), base.components().collect());
    let common = f.iter().zip(&b).take_while(|(x, y)| x == y).count();
    let mut parts: Vec<String> = vec!["..".to_owned(); b.len() - common];
    parts.extend(f[common..].iter().map(|c| c.as_os_str().to_string_lossy().into_owned()));
    parts.join("/")
}

/// Jobs evaluated between two writes of the output.
const CHUNK: usize = 4096;

/// Every file the batch reads, which neither `-o` nor a report may replace. The files found in
/// folders are looked at only when something could be overwritten (an existing `-o`, or
/// `--reports`): a batch of 100,000 new rows needs no 100,000 more `stat` calls.
fn batch_inputs(jobs: &[Job], opts: &Options) -> Inputs {
    let mut inputs = Inputs::of(&opts.inputs)
        .and(opts.edition.criteria.as_deref())
        .and(opts.catalogue.as_deref());
    let output_exists = opts
        .output
        .as_deref()
        .is_some_and(|o| o != "-" && std::fs::symlink_metadata(o).is_ok());
    if output_exists || opts.reports.is_some() {
        for job in jobs {
            if let Job::File { path, .. } = job {
                inputs.add(path);
            }
        }
    }
    inputs
}

/// The benchmark baseline: the same reading and parallelism, JSON parsing only.
fn parse_only(jobs: &[Job], target: &Target) -> Result<u8, Failure> {
    let ok = jobs
        .par_iter()
        .filter(|job| job_text(job).is_ok_and(|t| serde_json::from_str::<serde_json::Value>(&t).is_ok()))
        .count();
    let text = format!("{ok} of {} inputs parsed\n", jobs.len());
    write_output(target, &text)?;
    Ok(if ok == jobs.len() { 0 } else { fail::EXIT_FAILURE })
}
