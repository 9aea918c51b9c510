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
  tnl deps inventaire.json --format html -o dependances.html
  tnl note boe.answers.json --inventory inventaire.json -o note-elus.odt
  tnl deliberation boe.answers.json -o deliberation.odt

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

    /// The largest single input read (a file, standard input, one JSON Lines line): bytes, or
    /// with K, M or G (powers of 1024).
    #[arg(long, global = true, value_name = "SIZE", default_value = "64M", value_parser = crate::io::parse_size)]
    pub max_input_size: u64,

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
    /// Check criteria, answers, report, inventory or catalogue files and list every problem.
    ///
    /// The kind of each file is detected from its keys ("kind": "inventory": inventory,
    /// "kind": "dependency_report": dependency report, "questions": criteria, "products":
    /// catalogue, "engine": report, otherwise answers). Answers to an embedded edition (or to
    /// --criteria) are also evaluated, inventories are read against the catalogue (embedded, or
    /// --catalogue), and their diagnostics listed: errors fail the check, warnings and notes do
    /// not.
    #[command(after_help = "\
Examples:
  tnl validate boe.answers.json
  tnl validate --criteria my-edition.json my-edition.json answers/*.json
  tnl validate inventaire.json criteria/catalogue.json
  cat boe.answers.json | tnl validate -

Exit codes: 0 every file is valid, 1 a file is invalid, 2 usage error.")]
    Validate {
        /// Files to check (`-` for standard input).
        #[arg(required = true, value_name = "FILE")]
        files: Vec<String>,
        /// Criteria file to check answers against, instead of the embedded edition they name.
        #[arg(long, value_name = "FILE")]
        criteria: Option<String>,
        /// Catalogue to read inventories against, instead of the one built into tnl.
        #[arg(long, value_name = "FILE")]
        catalogue: Option<String>,
    },

    /// Evaluate one answers file and write the readiness report.
    ///
    /// The edition named in the answers file is used, from the editions built into tnl, unless
    /// --edition or --criteria says otherwise. The format defaults to the extension of -o
    /// (.json, .md, .html, .csv, .odt), else JSON; a report has no spreadsheet (ods) form.
    /// Nothing is written to -o on failure.
    #[command(after_help = "\
Examples:
  tnl evaluate boe.answers.json                      # JSON report on stdout
  tnl evaluate boe.answers.json -o boe.html          # printable page, format from the extension
  tnl evaluate boe.answers.json -o boe.odt           # OpenDocument text, to edit
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
    /// Inventories ("kind": "inventory") among the inputs get a dependency summary row, read
    /// against the catalogue built into tnl (or --catalogue). Rows come in input order. A bad input is reported on stderr with its reason, gets a row with
    /// the reason in the `error` column, and the others go on; the exit code is then 1.
    /// Evaluates on every core; shows a progress bar on a terminal only.
    #[command(after_help = "\
Examples:
  tnl batch answers/ -o territoire.csv
  tnl batch answers/ -o territoire.csv --reports rapports/ --report-format odt
  tnl batch communes.jsonl --format jsonl | jq 'select(.secured == null)'
  tnl batch answers/ --format md --lang en
  tnl batch answers/ inventaires/ -o territoire.csv     # label estimates and dependency rows
  tnl batch answers/ --format html -o territoire.html --reports rapports/   # to print
  tnl batch answers/ inventaires/ -o territoire.ods     # a spreadsheet, format from the extension

Columns (csv): source, type (answers or inventory), name, kind, population, edition, secured,
likely, reachable (the estimate's range; likely empty when the answers are not enough),
score, completeness, one per domain (domain:ID), next_step, next_step_title, then for
inventories functions_listed, free_function_share, free_seat_share, yearly_cost,
proprietary_cost, extra_eu_functions, extra_eu_cost, hhi_seats, top_vendor,
next_contract_end, and error. Scores and shares are out of 1000, money in euros. jsonl: the
same fields, with `type`; md: one table for answers and one for inventories. html: the
territory on one printable page (tiers counted, one row per collectivité with its scores and,
from its inventory, the share of functions on free software, then each one's best next step),
an inventory beside the answers of the same name (boe.answers.json, boe.inventory.json) or of
the same collectivité; with --reports, names link to the reports; failed inputs are left out.
ods: the csv columns in a spreadsheet, headed in words, scores and shares as percentages, money
in euros, contract ends as dates, the header row frozen; a second sheet says these are
estimates.

Exit codes: 0 every input evaluated, 1 some input failed (the others are in the output),
2 usage error.")]
    Batch {
        /// Answers files, folders or JSON Lines files.
        #[arg(required = true, value_name = "INPUT")]
        inputs: Vec<String>,
        #[allow(missing_docs)]
        #[command(flatten)]
        edition: EditionArgs,
        /// Output format (default: from the extension of -o, else CSV).
        #[arg(short, long, value_enum)]
        format: Option<BatchFormat>,
        /// Output file (`-` for standard output, the default).
        #[arg(short, long, value_name = "OUT")]
        output: Option<String>,
        /// Number of threads (default: every core).
        #[arg(short = 'j', long, value_name = "N")]
        jobs: Option<usize>,
        /// Catalogue to read inventories against, instead of the one built into tnl.
        #[arg(long, value_name = "FILE")]
        catalogue: Option<String>,
        /// Also write each collectivité's full report into this folder (created if needed),
        /// named after its input: `boe.answers.json` gives `boe.html`, an inventory
        /// `boe.inventory.json` gives `boe.deps.html`.
        #[arg(long, value_name = "DIR")]
        reports: Option<String>,
        /// Today's date for the inventories' contract ends (default: the system date), as in
        /// `tnl deps`.
        #[arg(long, value_name = "YYYY-MM-DD")]
        today: Option<String>,
        /// Format of the reports written with --reports.
        #[arg(long, value_enum, value_name = "FORMAT", default_value_t = ReportFormat::Html)]
        report_format: ReportFormat,
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
  tnl compare boe-2024.answers.json boe-2025.answers.json -o progression.ods

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

    /// Map a collectivité's software dependencies from its inventory.
    ///
    /// Reads a software inventory ("kind": "inventory", see `tnl schema inventory`) against the
    /// catalogue built into tnl (or --catalogue) and writes the dependency report: free share of
    /// each function, vendors and their concentration, extra-EU exposure, five-year cost
    /// scenarios (scenarios, not forecasts), contract ends and free alternatives. The format
    /// defaults to the extension of -o (.json, .md, .html, .csv, .odt, .ods), else JSON; the
    /// spreadsheet (ods) has a summary sheet, the inventory's lines and the cost scenarios,
    /// typed. Contract ends before
    /// today (the system date, or --today) are flagged.
    ///
    /// With --prefill ANSWERS, writes the answers file instead, with the label questions the
    /// inventory answers filled in; questions already answered are never changed.
    #[command(after_help = "\
Examples:
  tnl deps inventaire.json --format md                  # Markdown on stdout
  tnl deps inventaire.json -o dependances.html          # printable page with the map and the cost chart
  tnl deps inventaire.json --format csv --today 2026-11-29 -o dependances.csv
  tnl deps inventaire.json --catalogue catalogue-sill.json
  tnl deps inventaire.json -o dependances.ods           # spreadsheet: inventory lines, cost scenarios
  tnl deps inventaire.json --prefill boe.answers.json -o boe.prefilled.json   # never over an input

Exit codes: 0 report (or answers) written, also when the inventory has diagnostics;
1 unusable input; 2 usage error.")]
    Deps {
        /// The inventory (`-` for standard input).
        #[arg(value_name = "INVENTORY")]
        inventory: String,
        /// Catalogue file to read the inventory against, instead of the one built into tnl.
        #[arg(long, value_name = "FILE")]
        catalogue: Option<String>,
        /// Today's date, to flag contract ends already passed (default: the system date).
        #[arg(long, value_name = "YYYY-MM-DD")]
        today: Option<String>,
        /// Output format of the report.
        #[arg(short, long, value_enum, conflicts_with = "prefill")]
        format: Option<ReportFormat>,
        /// Write this answers file with the questions the inventory answers pre-filled, instead
        /// of the report.
        #[arg(long, value_name = "ANSWERS")]
        prefill: Option<String>,
        /// Output file (`-` for standard output, the default).
        #[arg(short, long, value_name = "OUT")]
        output: Option<String>,
    },

    /// Write the note for the élus: where the collectivité stands, what its software costs and
    /// risks, three decisions.
    ///
    /// At most two printed pages, from the answers (evaluated like `tnl evaluate`) and, with
    /// --inventory, the dependency map: licence costs over five years under the catalogue's
    /// scenarios, extra-EU exposure, vendor concentration; without one, the note says what an
    /// inventory would add. The decisions come from the ranked next steps and the map; every
    /// figure has its source. The date is the answers' own (`updated_at`). The format defaults
    /// to the extension of -o (.html, .odt), else HTML.
    #[command(after_help = "\
Examples:
  tnl note boe.answers.json -o note-elus.html                         # print it from a browser
  tnl note boe.answers.json --inventory boe.inventory.json -o note-elus.odt

Exit codes: 0 note written, 1 unusable input, 2 usage error.")]
    Note {
        #[allow(missing_docs)]
        #[command(flatten)]
        input: DocumentArgs,
        /// Output format.
        #[arg(short, long, value_enum)]
        format: Option<NoteFormat>,
    },

    /// Write a draft deliberation: a free-software and open-formats policy, the élu référent, the
    /// candidature to the label.
    ///
    /// The usual form of a délibération (« Vu », « Considérant », « DÉCIDE : », articles), in the
    /// wording of the profile's kind (conseil municipal, conseil communautaire, comité syndical,
    /// conseil départemental, conseil régional; any other kind marks the body to complete). The
    /// considérants come from the answers and, with --inventory, the dependency map; every place
    /// to complete is marked « [à compléter : …] » (bold, highlighted in ODT). The English
    /// version is a translation for readers: the act is the French text. The format defaults to
    /// the extension of -o (.odt, .md), else Markdown.
    #[command(after_help = "\
Examples:
  tnl deliberation boe.answers.json -o deliberation.odt
  tnl deliberation cc.answers.json --inventory cc.inventory.json --format md

Exit codes: 0 draft written, 1 unusable input, 2 usage error.")]
    Deliberation {
        #[allow(missing_docs)]
        #[command(flatten)]
        input: DocumentArgs,
        /// Output format.
        #[arg(short, long, value_enum)]
        format: Option<DeliberationFormat>,
    },

    /// Maintain the software catalogue.
    Catalog {
        #[allow(missing_docs)]
        #[command(subcommand)]
        command: CatalogCommand,
    },

    /// Write a blank answers file for an edition, or last year's answers carried into it.
    ///
    /// With --from, every answer of OLD to a question the edition asks under the same id is
    /// copied, with its justification, unless the edition refuses it (another kind of question,
    /// an option removed…); the profile is kept. The counts go to stderr: answers carried, not
    /// accepted, to questions no longer asked, and questions left to answer.
    #[command(after_help = "\
Examples:
  tnl template --edition tnl-2025 -o boe.answers.json
  tnl template --edition tnl-2025 --from boe-2024.answers.json -o boe-2025.answers.json")]
    Template {
        /// Edition id (see `tnl editions`).
        #[arg(long, value_name = "ID", default_value = "tnl-2025")]
        edition: String,
        /// Last year's answers (any edition) to carry into this one.
        #[arg(long, value_name = "OLD")]
        from: Option<String>,
        /// Output file (`-` for standard output, the default).
        #[arg(short, long, value_name = "OUT")]
        output: Option<String>,
    },

    /// Print the JSON Schema of a file format.
    #[command(after_help = "\
Examples:
  tnl schema answers > answers.schema.json
  tnl schema inventory > inventory.schema.json")]
    Schema {
        /// Which format.
        #[arg(value_enum)]
        kind: SchemaArg,
    },

    /// List the editions built into tnl.
    Editions,
}

/// `tnl catalog` subcommands.
#[derive(Debug, Subcommand)]
pub enum CatalogCommand {
    /// Merge the SILL's JSON export into a copy of the catalogue.
    ///
    /// Products of the catalogue that the SILL (Socle interministériel de logiciels libres)
    /// knows get their SILL, Comptoir du Libre and Wikidata ids and website; its other software
    /// is added as free products; proprietary software the SILL lists as similar gets the SILL
    /// product as a free alternative. The result is checked like the shipped catalogue and
    /// written to OUT; the counts go to stderr. Nothing is written on failure.
    #[command(after_help = "\
Examples:
  tnl catalog import-sill sill.json -o catalogue-sill.json
  tnl catalog import-sill sill.json --catalogue my-catalogue.json -o my-catalogue.json
  tnl deps inventaire.json --catalogue catalogue-sill.json
  tnl deps inventaire.json -o dependances.ods           # spreadsheet: inventory lines, cost scenarios

Exit codes: 0 catalogue written, 1 unusable input (not JSON, not a SILL export, a merged
catalogue that fails its checks), 2 usage error.")]
    ImportSill {
        /// The SILL's JSON export (`-` for standard input).
        #[arg(value_name = "SILL.json")]
        sill: String,
        /// Catalogue to merge into, instead of the one built into tnl.
        #[arg(long, value_name = "FILE")]
        catalogue: Option<String>,
        /// Output file (`-` for standard output).
        #[arg(short, long, value_name = "OUT", required = true)]
        output: String,
    },
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

/// What a document for the élus (`tnl note`, `tnl deliberation`) is written from, and where.
#[derive(Debug, Args)]
pub struct DocumentArgs {
    /// The answers file (`-` for standard input).
    #[arg(value_name = "ANSWERS")]
    pub answers: String,
    /// The collectivité's software inventory, for what its software costs and risks.
    #[arg(long, value_name = "FILE")]
    pub inventory: Option<String>,
    #[allow(missing_docs)]
    #[command(flatten)]
    pub edition: EditionArgs,
    /// Output file (`-` for standard output, the default).
    #[arg(short, long, value_name = "OUT")]
    pub output: Option<String>,
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
    /// An OpenDocument text, for LibreOffice, Word and other office suites.
    Odt,
    /// An OpenDocument spreadsheet (dependency map and comparison; a report has none).
    Ods,
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
            "odt" => Some(ReportFormat::Odt),
            "ods" => Some(ReportFormat::Ods),
            _ => None,
        }
    }

    /// The file extension of the format, without the dot.
    pub fn extension(self) -> &'static str {
        match self {
            ReportFormat::Json => "json",
            ReportFormat::Md => "md",
            ReportFormat::Html => "html",
            ReportFormat::Csv => "csv",
            ReportFormat::Odt => "odt",
            ReportFormat::Ods => "ods",
        }
    }
}

/// Formats of the note for the élus.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum NoteFormat {
    /// A standalone page to print (A4, page numbers, the header on every page).
    Html,
    /// An OpenDocument text, to edit before it is sent.
    Odt,
}

/// Formats of the draft deliberation.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum DeliberationFormat {
    /// An OpenDocument text, the blanks highlighted.
    Odt,
    /// Markdown, the blanks in bold.
    Md,
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
    /// The territory on one printable page (as the browser app's territory page): tiers
    /// counted, one row per collectivité, each inventory with the collectivité of its name;
    /// with --reports, names link to the reports.
    Html,
    /// An OpenDocument spreadsheet: the CSV's columns with a header in words, numbers,
    /// percentages, euros and dates typed, the header row frozen.
    Ods,
}

impl BatchFormat {
    /// The format an output file name implies, as for the other commands (`page.html` is a
    /// page, never CSV under an HTML name).
    pub fn from_path(path: &str) -> Option<BatchFormat> {
        let ext = PathBuf::from(path).extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "csv" => Some(BatchFormat::Csv),
            "jsonl" | "ndjson" => Some(BatchFormat::Jsonl),
            "md" | "markdown" => Some(BatchFormat::Md),
            "html" | "htm" => Some(BatchFormat::Html),
            "ods" => Some(BatchFormat::Ods),
            _ => None,
        }
    }
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
    /// Software catalogues (dependency map).
    Catalogue,
    /// Software inventories (dependency map).
    Inventory,
}
