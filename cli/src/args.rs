//! Command-line arguments (clap derive). Help texts are the user manual: keep them in step with
//! docs/cli.md.

use clap::{Args, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

const AFTER_HELP: &str = "\
Examples:
  tnl evaluate boe.answers.json --format html -o boe.html
  tnl validate criteria/tnl-2025.json answers/*.json
  tnl batch answers/ --format csv -o territoire.csv
  tnl compare boe-2024.answers.json boe-2025.answers.json
  tnl template --edition tnl-2025 -o boe.answers.json

Exit codes: 0 ok, 1 invalid input or failed check, 2 usage error.
`-` stands for standard input or output. Colour only on a terminal, never with NO_COLOR.
Every report is an estimate, not the decision of the label's jury.";

/// tnl: self-assessment for the Territoire Numérique Libre label.
///
/// Estimates the tier a collectivité can expect from its answers to an edition of the label,
/// scores each domain, and lists the gaps and the next steps. The shipped editions are built in.
#[derive(Debug, Parser)]
#[command(name = "tnl", version, about, long_about, after_help = AFTER_HELP, propagate_version = true)]
pub struct Cli {
    /// Print nothing on stderr but errors.
    #[arg(short, long, global = true)]
    pub quiet: bool,

    /// Language of rendered reports and of messages taken from reports.
    #[arg(long, global = true, value_enum, default_value_t = LangArg::Fr)]
    pub lang: LangArg,

    #[allow(missing_docs)]
    #[command(subcommand)]
    pub command: Command,
}

/// Display language.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum LangArg {
    /// French.
    Fr,
    /// English.
    En,
}

impl LangArg {
    /// The engine's language.
    pub fn lang(self) -> tnl_engine::Lang {
        match self {
            LangArg::Fr => tnl_engine::Lang::Fr,
            LangArg::En => tnl_engine::Lang::En,
        }
    }
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check criteria, answers or report files and list every problem.
    ///
    /// The kind of each file is detected from its keys ("questions": criteria, "engine": report,
    /// otherwise answers). Answers to an embedded edition (or to --criteria) are also evaluated
    /// and their diagnostics listed: errors fail the check, warnings and notes do not.
    #[command(after_help = "\
Examples:
  tnl validate boe.answers.json
  tnl validate --criteria my-edition.json my-edition.json answers/*.json
  cat boe.answers.json | tnl validate -

Exit codes: 0 every file is valid, 1 a file is invalid, 2 usage error.")]
    Validate {
        /// Files to check (`-` for standard input).
        #[arg(required = true, value_name = "FILE")]
        files: Vec<String>,
        /// Criteria file to check answers against, instead of the embedded edition they name.
        #[arg(long, value_name = "FILE")]
        criteria: Option<String>,
    },

    /// Evaluate one answers file and write the readiness report.
    ///
    /// The edition named in the answers file is used, from the editions built into tnl, unless
    /// --edition or --criteria says otherwise. The format defaults to the extension of -o
    /// (.json, .md, .html, .csv), else JSON. Nothing is written to -o on failure.
    #[command(after_help = "\
Examples:
  tnl evaluate boe.answers.json                      # JSON report on stdout
  tnl evaluate boe.answers.json -o boe.html          # printable page, format from the extension
  tnl evaluate boe.answers.json --format md --lang en
  tnl evaluate draft.json --criteria my-edition.json

Exit codes: 0 report written, 1 unusable input, 2 usage error.")]
    Evaluate {
        /// The answers file (`-` for standard input).
        #[arg(value_name = "ANSWERS")]
        answers: String,
        #[allow(missing_docs)]
        #[command(flatten)]
        edition: EditionArgs,
        /// Output format.
        #[arg(short, long, value_enum)]
        format: Option<ReportFormat>,
        /// Output file (`-` for standard output, the default).
        #[arg(short, long, value_name = "OUT")]
        output: Option<String>,
    },

    /// Evaluate many collectivités and write one summary row for each.
    ///
    /// INPUT is an answers file, a folder (every *.json and *.jsonl file in it, recursively, in
    /// name order), or a JSON Lines file (*.jsonl, *.ndjson, or `-`: one answers object per line).
    /// Rows come in input order. A bad input is reported on stderr with its reason, gets a row with
    /// the reason in the `error` column, and the others go on; the exit code is then 1.
    /// Evaluates on every core; shows a progress bar on a terminal only.
    #[command(after_help = "\
Examples:
  tnl batch answers/ -o territoire.csv
  tnl batch communes.jsonl --format jsonl | jq 'select(.tier == null)'
  tnl batch answers/ --format md --lang en

Columns: source, name, kind, population, edition, tier, score, completeness, one per domain
(domain:ID), next_step, next_step_title, error. Scores are out of 1000.

Exit codes: 0 every input evaluated, 1 some input failed (the others are in the output),
2 usage error.")]
    Batch {
        /// Answers files, folders or JSON Lines files.
        #[arg(required = true, value_name = "INPUT")]
        inputs: Vec<String>,
        #[allow(missing_docs)]
        #[command(flatten)]
        edition: EditionArgs,
        /// Output format.
        #[arg(short, long, value_enum, default_value_t = BatchFormat::Csv)]
        format: BatchFormat,
        /// Output file (`-` for standard output, the default).
        #[arg(short, long, value_name = "OUT")]
        output: Option<String>,
        /// Number of threads (default: every core).
        #[arg(short = 'j', long, value_name = "N")]
        jobs: Option<usize>,
        /// Benchmark baseline: read and parse the inputs as JSON, evaluate nothing.
        #[arg(long, hide = true)]
        parse_only: bool,
    },

    /// Show year-over-year progress between two evaluations.
    ///
    /// OLD and NEW are answers files (evaluated with their embedded editions) or reports written
    /// by `tnl evaluate --format json`. Criteria are matched by question id, so two editions
    /// compare on the questions they share.
    #[command(after_help = "\
Examples:
  tnl compare boe-2024.answers.json boe-2025.answers.json
  tnl compare old.report.json new.report.json --format csv -o progress.csv

Exit codes: 0 comparison written, 1 unusable input, 2 usage error.")]
    Compare {
        /// The older answers or report.
        #[arg(value_name = "OLD")]
        old: String,
        /// The newer answers or report.
        #[arg(value_name = "NEW")]
        new: String,
        /// Output format (default: from the extension of -o, else Markdown).
        #[arg(short, long, value_enum)]
        format: Option<ReportFormat>,
        /// Output file (`-` for standard output, the default).
        #[arg(short, long, value_name = "OUT")]
        output: Option<String>,
    },

    /// Write a blank answers file for an edition.
    #[command(after_help = "\
Example:
  tnl template --edition tnl-2025 -o boe.answers.json")]
    Template {
        /// Edition id (see `tnl editions`).
        #[arg(long, value_name = "ID", default_value = "tnl-2025")]
        edition: String,
        /// Output file (`-` for standard output, the default).
        #[arg(short, long, value_name = "OUT")]
        output: Option<String>,
    },

    /// Print the JSON Schema of a file format.
    #[command(after_help = "\
Example:
  tnl schema answers > answers.schema.json")]
    Schema {
        /// Which format.
        #[arg(value_enum)]
        kind: SchemaArg,
    },

    /// List the editions built into tnl.
    Editions,
}

/// Where the criteria come from.
#[derive(Debug, Args)]
#[group(multiple = false)]
pub struct EditionArgs {
    /// Evaluate against this embedded edition (default: the one named in the answers).
    #[arg(long, value_name = "ID")]
    pub edition: Option<String>,
    /// Evaluate against this criteria file instead of an embedded edition.
    #[arg(long, value_name = "FILE")]
    pub criteria: Option<String>,
}

/// Formats of one report or comparison.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ReportFormat {
    /// The JSON wire format.
    Json,
    /// Markdown.
    Md,
    /// A standalone, printable HTML page.
    Html,
    /// CSV, one row per fact.
    Csv,
}

impl ReportFormat {
    /// The format an output file name implies.
    pub fn from_path(path: &str) -> Option<ReportFormat> {
        let ext = PathBuf::from(path).extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "json" => Some(ReportFormat::Json),
            "md" | "markdown" => Some(ReportFormat::Md),
            "html" | "htm" => Some(ReportFormat::Html),
            "csv" => Some(ReportFormat::Csv),
            _ => None,
        }
    }
}

/// Formats of a batch summary.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum BatchFormat {
    /// CSV, one row per collectivité.
    Csv,
    /// JSON Lines, one object per collectivité.
    Jsonl,
    /// A Markdown table.
    Md,
}

/// Schema names.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum SchemaArg {
    /// Criteria files (an edition of the label).
    Criteria,
    /// Answers files.
    Answers,
    /// Reports.
    Report,
}
