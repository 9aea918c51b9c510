//! The `tnl` command line: a thin host over `tnl-engine`.
//!
//! `main.rs` only calls [`main`]. Each subcommand lives in its own module and returns
//! `Result<u8, Failure>`; exit codes are decided here, in one place, and errors are printed once.
//! No scoring happens here: the CLI reads files, calls the engine and its renderers, and writes.

pub mod args;
pub mod batch;
pub mod commands;
pub mod deps;
pub mod fail;
pub mod io;

use clap::Parser;
use fail::{Failure, Level};
use std::path::PathBuf;
use std::process::ExitCode;
use tnl_engine::render;

/// Parses the arguments, runs the command, prints the failure if any, and returns the exit code.
pub fn main() -> ExitCode {
    let cli = match args::Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            // clap prints help and version on stdout with exit 0, usage errors on stderr with 2.
            let _ = e.print();
            return ExitCode::from(u8::try_from(e.exit_code()).unwrap_or(fail::EXIT_USAGE));
        }
    };
    io::set_max_input(cli.max_input_size);
    match run(cli) {
        Ok(code) => ExitCode::from(code),
        Err(failure) => {
            if !matches!(failure, Failure::Reported(_) | Failure::ClosedPipe) {
                fail::report(Level::Error, &failure.to_string());
            }
            ExitCode::from(failure.code())
        }
    }
}

/// Runs a parsed command line.
pub fn run(cli: args::Cli) -> Result<u8, Failure> {
    use args::Command;
    let lang = cli.lang.lang();
    match cli.command {
        Command::Validate {
            files,
            criteria,
            catalogue,
        } => commands::validate(&files, criteria.as_deref(), catalogue.as_deref(), cli.quiet, lang),
        Command::Evaluate {
            answers,
            edition,
            format,
            output,
        } => commands::evaluate(&answers, &edition, format, output.as_deref(), cli.quiet, lang),
        Command::Batch {
            inputs,
            edition,
            format,
            output,
            jobs,
            catalogue,
            today,
            reports,
            report_format,
            parse_only,
        } => batch::batch(&batch::Options {
            inputs,
            edition,
            format: format
                .or_else(|| output.as_deref().and_then(args::BatchFormat::from_path))
                .unwrap_or(args::BatchFormat::Csv),
            output,
            jobs,
            parse_only,
            quiet: cli.quiet,
            lang,
            catalogue,
            today,
            reports: reports.map(|dir| (PathBuf::from(dir), report_format)),
        }),
        Command::Compare {
            old,
            new,
            format,
            output,
        } => commands::compare(&old, &new, format, output.as_deref(), lang),
        Command::Deps {
            inventory,
            catalogue,
            today,
            format,
            prefill,
            output,
        } => deps::deps(&deps::Options {
            inventory: &inventory,
            catalogue: catalogue.as_deref(),
            today: today.as_deref(),
            format,
            prefill: prefill.as_deref(),
            output: output.as_deref(),
            quiet: cli.quiet,
            lang,
        }),
        Command::Note { input, format } => {
            let format = commands::document_format("note", format, input.output.as_deref(), args::NoteFormat::Html)?;
            let docs = commands::Documents::read(&input)?;
            docs.write(&match format {
                args::NoteFormat::Html => render::note_html(&docs.report, docs.map.as_ref(), lang).into_bytes(),
                args::NoteFormat::Odt => render::note_odt(&docs.report, docs.map.as_ref(), lang),
            })
        }
        Command::Deliberation { input, format } => {
            let md = args::DeliberationFormat::Md;
            let format = commands::document_format("deliberation", format, input.output.as_deref(), md)?;
            let docs = commands::Documents::read(&input)?;
            docs.write(&match format {
                args::DeliberationFormat::Odt => render::deliberation_odt(&docs.report, docs.map.as_ref(), lang),
                args::DeliberationFormat::Md => {
                    render::deliberation_markdown(&docs.report, docs.map.as_ref(), lang).into_bytes()
                }
            })
        }
        Command::Catalog {
            command:
                args::CatalogCommand::ImportSill {
                    sill,
                    catalogue,
                    output,
                },
        } => deps::import_sill(&sill, catalogue.as_deref(), &output, cli.quiet),
        Command::Template { edition, from, output } => {
            commands::template(&edition, from.as_deref(), output.as_deref(), cli.quiet)
        }
        Command::Schema { kind } => commands::schema(kind),
        Command::Editions => commands::editions(lang),
    }
}
