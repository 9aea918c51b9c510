//! validate, evaluate, compare, template, schema, editions.

use crate::args::{EditionArgs, ReportFormat, SchemaArg};
use crate::fail::{self, Failure, Level};
use crate::io::{check_count, display_name, read_text, write_bytes, write_output, Inputs, Target, MAX_ANSWERS};
use tnl_engine::schema::SchemaKind;
use tnl_engine::{editions, evaluate as engine_evaluate, render, Answers, Criteria, Lang, Report, Severity};

/// The ids of the embedded editions, for hints: `tnl-2025, tnl-2024`.
pub fn embedded_ids() -> String {
    editions::EDITIONS.iter().map(|e| e.id).collect::<Vec<_>>().join(", ")
}

/// Loads an embedded edition by id, or says which ones exist.
pub fn embedded(id: &str, file: &str) -> Result<Criteria, Failure> {
    match editions::load(id) {
        Some(result) => Ok(result?),
        None => Err(Failure::input(format!("{file}: unknown edition \"{id}\""))
            .hint(format!("the editions built into tnl are {}", embedded_ids()))
            .hint("evaluate against another edition with --criteria FILE")),
    }
}

/// Loads a criteria file given on the command line.
pub fn criteria_file(path: &str) -> Result<Criteria, Failure> {
    let text = read_text(path)?;
    Ok(Criteria::from_json(&text, display_name(path))?)
}

/// The criteria for `answers`: --criteria, --edition, or the edition the answers name. Refuses
/// answers to another edition.
pub fn criteria_for(answers: &Answers, file: &str, choice: &EditionArgs) -> Result<Criteria, Failure> {
    let criteria = match (&choice.criteria, &choice.edition) {
        (Some(path), _) => criteria_file(path)?,
        (None, Some(id)) => match editions::load(id) {
            Some(r) => r?,
            None => {
                return Err(Failure::usage(format!("unknown edition \"{id}\" for --edition"))
                    .hint(format!("the editions built into tnl are {}", embedded_ids())))
            }
        },
        (None, None) => embedded(&answers.edition, file)?,
    };
    answers.check_edition(&criteria, file)?;
    Ok(criteria)
}

/// A report in one of the formats (`tnl evaluate`, and `tnl batch --reports`); a report has no
/// spreadsheet form.
pub(crate) fn render_report(report: &Report, format: ReportFormat, lang: Lang) -> Result<Vec<u8>, Failure> {
    Ok(match format {
        ReportFormat::Json => render::json(report).into_bytes(),
        ReportFormat::Md => render::markdown(report, lang).into_bytes(),
        ReportFormat::Html => render::html(report, lang).into_bytes(),
        ReportFormat::Csv => render::csv(report, lang).into_bytes(),
        ReportFormat::Odt => render::odt(report, lang),
        ReportFormat::Ods => return Err(no_report_spreadsheet()),
    })
}

/// Why a report cannot be written as ods: the spreadsheets are the tables (`tnl batch`,
/// `tnl deps`, `tnl compare`).
pub(crate) fn no_report_spreadsheet() -> Failure {
    Failure::usage("a report has no spreadsheet (ods) form")
        .hint("write it as an OpenDocument text with --format odt, or as CSV with --format csv")
        .hint("the spreadsheets are the territory table (tnl batch -o territoire.ods), the dependency map and the comparison")
}

pub(crate) fn output_format(format: Option<ReportFormat>, output: Option<&str>, default: ReportFormat) -> ReportFormat {
    format
        .or_else(|| output.and_then(ReportFormat::from_path))
        .unwrap_or(default)
}

/// `tnl evaluate`.
pub fn evaluate(
    path: &str,
    choice: &EditionArgs,
    format: Option<ReportFormat>,
    output: Option<&str>,
    quiet: bool,
    lang: Lang,
) -> Result<u8, Failure> {
    // A format the report cannot take is a usage error, found before anything is read.
    let format = output_format(format, output, ReportFormat::Json);
    if format == ReportFormat::Ods {
        return Err(no_report_spreadsheet());
    }
    let name = display_name(path);
    let target = Target::of(output, &Inputs::of(&[path]).and(choice.criteria.as_deref()))?;
    let report = evaluate_file(path, choice)?;
    let rendered = render_report(&report, format, lang)?;
    write_bytes(&target, &rendered)?;
    if !quiet {
        let errors = report
            .diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .count();
        if errors > 0 {
            fail::report(
                Level::Warning,
                &format!("{name}: {errors} answer{} ignored, see the diagnostics in the report (or run `tnl validate {path}`)", plural(errors)),
            );
        }
    }
    Ok(0)
}

/// The report of an answers file, evaluated with the edition `choice` names (or the answers do).
fn evaluate_file(path: &str, choice: &EditionArgs) -> Result<Report, Failure> {
    let name = display_name(path);
    let text = read_text(path)?;
    let answers =
        Answers::from_json(&text, name).map_err(|e| not_answers(&text, name).unwrap_or(Failure::Engine(e)))?;
    check_answers(&answers, name)?;
    let criteria = criteria_for(&answers, name, choice)?;
    Ok(engine_evaluate(&criteria, &answers))
}

/// Refuses answers with more entries than any edition has questions.
pub(crate) fn check_answers(answers: &Answers, name: &str) -> Result<(), Failure> {
    check_count(name, "answers", answers.answers.len(), MAX_ANSWERS)
}

/// A clearer failure than the answers loader's when the file is a criteria file or a report.
fn not_answers(text: &str, name: &str) -> Option<Failure> {
    let kind = detect(&serde_json::from_str::<serde_json::Value>(text).ok()?);
    let what = match kind {
        DocKind::Criteria => "a criteria file",
        DocKind::Report => "a report",
        DocKind::DepsReport => "a dependency report",
        DocKind::Catalogue => "a catalogue",
        DocKind::Inventory => {
            return Some(
                Failure::input(format!("{name}: is an inventory, not an answers file"))
                    .hint("`tnl deps` reads inventories: tnl deps INVENTORY [--prefill ANSWERS]"),
            )
        }
        DocKind::Answers => return None,
    };
    Some(
        Failure::input(format!("{name}: is {what}, not an answers file"))
            .hint("`tnl evaluate` takes the answers of one collectivité; `tnl template` writes a blank one"),
    )
}

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

/// What a JSON document looks like.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DocKind {
    /// Has "questions".
    Criteria,
    /// Has "engine".
    Report,
    /// Has "kind": "dependency_report".
    DepsReport,
    /// Has "kind": "inventory".
    Inventory,
    /// Has "products".
    Catalogue,
    /// Anything else.
    Answers,
}

/// Detects the kind of a document by its top-level keys.
pub fn detect(value: &serde_json::Value) -> DocKind {
    match value.get("kind").and_then(serde_json::Value::as_str) {
        Some("inventory") => return DocKind::Inventory,
        Some("dependency_report") => return DocKind::DepsReport,
        _ => {}
    }
    if value.get("questions").is_some() {
        DocKind::Criteria
    } else if value.get("products").is_some() {
        DocKind::Catalogue
    } else if value.get("engine").is_some() {
        DocKind::Report
    } else {
        DocKind::Answers
    }
}

/// `tnl validate`.
pub fn validate(
    files: &[String],
    criteria: Option<&str>,
    catalogue_path: Option<&str>,
    quiet: bool,
    lang: Lang,
) -> Result<u8, Failure> {
    let criteria = match criteria {
        Some(path) => Some(criteria_file(path)?),
        None => None,
    };
    // Loaded once, when an inventory needs it.
    let catalogue = std::cell::OnceCell::new();
    let catalogue = || -> Result<&tnl_engine::deps::Catalogue, Failure> {
        if catalogue.get().is_none() {
            let _ = catalogue.set(crate::deps::catalogue(catalogue_path)?);
        }
        catalogue.get().ok_or_else(|| Failure::input("catalogue not loaded"))
    };
    let mut failed = 0usize;
    for path in files {
        match validate_one(path, criteria.as_ref(), &catalogue, quiet, lang) {
            Ok(true) => {}
            Ok(false) => failed += 1,
            // Standard output is gone: the other files' lines would go nowhere either.
            Err(f @ (Failure::ClosedPipe | Failure::Stdout(_))) => return Err(f),
            Err(f) => {
                fail::report(Level::Error, &f.to_string());
                failed += 1;
            }
        }
    }
    if failed > 0 {
        if files.len() > 1 && !quiet {
            fail::info(&format!("{failed} of {} files invalid", files.len()));
        }
        return Err(Failure::Reported(fail::EXIT_FAILURE));
    }
    Ok(0)
}

/// Validates one file; `Ok(false)` when it printed errors itself.
fn validate_one<'c>(
    path: &str,
    criteria: Option<&Criteria>,
    catalogue: &dyn Fn() -> Result<&'c tnl_engine::deps::Catalogue, Failure>,
    quiet: bool,
    lang: Lang,
) -> Result<bool, Failure> {
    let name = display_name(path);
    let text = read_text(path)?;
    // Detect the kind from the keys; a document that is not JSON is read as answers, whose
    // loader gives the syntax error with its position.
    let kind = serde_json::from_str::<serde_json::Value>(&text).map_or(DocKind::Answers, |v| detect(&v));
    let say = |msg: String| if quiet { Ok(()) } else { crate::io::say(&msg) };
    match kind {
        DocKind::Criteria => {
            let c = Criteria::from_json(&text, name)?;
            say(format!(
                "{name}: ok, criteria \"{}\" version {}, {} questions",
                c.id(),
                c.file().version,
                c.questions().len()
            ))?;
            Ok(true)
        }
        DocKind::Report => {
            let r = Report::from_json(&text, name)?;
            say(format!(
                "{name}: ok, report on \"{}\" for edition \"{}\"",
                r.profile.name, r.edition.id
            ))?;
            Ok(true)
        }
        DocKind::Catalogue => {
            let c = tnl_engine::deps::Catalogue::from_json(&text, name)?;
            say(format!(
                "{name}: ok, catalogue version {}, {} products",
                c.file().version,
                c.products().len()
            ))?;
            Ok(true)
        }
        DocKind::DepsReport => {
            let r: tnl_engine::deps::DependencyReport = serde_json::from_str(&text).map_err(|e| {
                Failure::input(format!("{name}: invalid dependency report: {e}"))
                    .hint("a dependency report is written by `tnl deps`")
            })?;
            say(format!(
                "{name}: ok, dependency report on \"{}\", {} functions",
                r.profile.name, r.summary.functions_listed
            ))?;
            Ok(true)
        }
        DocKind::Inventory => {
            let inventory = tnl_engine::deps::Inventory::from_json(&text, name)?;
            crate::deps::check_inventory(&inventory, name)?;
            let r = tnl_engine::deps::dependency_report(
                catalogue()?,
                &inventory,
                &tnl_engine::deps::DepsOptions::default(),
            );
            if print_diagnostics(name, &r.diagnostics, quiet, lang) > 0 {
                return Ok(false);
            }
            say(format!(
                "{name}: ok, inventory of \"{}\", {} items in {} functions",
                r.profile.name,
                inventory.items.len(),
                r.summary.functions_listed
            ))?;
            Ok(true)
        }
        DocKind::Answers => {
            let answers = Answers::from_json(&text, name)?;
            check_answers(&answers, name)?;
            let loaded;
            let criteria = match criteria {
                Some(c) => c,
                None => match editions::load(&answers.edition) {
                    Some(r) => {
                        loaded = r?;
                        &loaded
                    }
                    None => {
                        if !quiet {
                            fail::report(
                                Level::Note,
                                &format!(
                                    "{name}: edition \"{}\" is not built into tnl, so the answers were not checked against it\n  hint: pass --criteria FILE to check them",
                                    answers.edition
                                ),
                            );
                        }
                        say(format!("{name}: ok, answers to \"{}\" (format only)", answers.edition))?;
                        return Ok(true);
                    }
                },
            };
            answers.check_edition(criteria, name)?;
            let report = engine_evaluate(criteria, &answers);
            if print_diagnostics(name, &report.diagnostics, quiet, lang) > 0 {
                return Ok(false);
            }
            say(format!(
                "{name}: ok, answers to \"{}\", {} of {} questions answered",
                answers.edition, report.completeness.answered, report.completeness.applicable
            ))?;
            Ok(true)
        }
    }
}

/// Prints diagnostics as `error:`, `warning:` or `note:` lines (only errors with --quiet);
/// returns how many are errors.
fn print_diagnostics(name: &str, diagnostics: &[tnl_engine::Diagnostic], quiet: bool, lang: Lang) -> usize {
    let mut errors = 0;
    for d in diagnostics {
        let level = match d.severity {
            Severity::Error => {
                errors += 1;
                Level::Error
            }
            Severity::Warning => Level::Warning,
            Severity::Info => Level::Note,
        };
        if level == Level::Error || !quiet {
            fail::report(
                level,
                &format!(
                    "{name}: at {}: {} [{}]",
                    pointer(&d.pointer),
                    d.message.get(lang),
                    d.code
                ),
            );
        }
    }
    errors
}

fn pointer(p: &str) -> &str {
    if p.is_empty() {
        "(document root)"
    } else {
        p
    }
}

/// Reads OLD or NEW of `tnl compare`: a report as is, answers evaluated with their edition.
fn report_from(path: &str) -> Result<Report, Failure> {
    let name = display_name(path);
    let text = read_text(path)?;
    let kind = serde_json::from_str::<serde_json::Value>(&text).map_or(DocKind::Answers, |v| detect(&v));
    match kind {
        DocKind::Report => Ok(Report::from_json(&text, name)?),
        DocKind::Criteria | DocKind::Catalogue | DocKind::Inventory | DocKind::DepsReport => {
            let what = match kind {
                DocKind::Criteria => "a criteria file",
                DocKind::Catalogue => "a catalogue",
                DocKind::Inventory => "an inventory",
                _ => "a dependency report",
            };
            Err(Failure::input(format!("{name}: is {what}, not answers or a report"))
                .hint("`tnl compare` takes two answers files or two reports of the same collectivité"))
        }
        DocKind::Answers => {
            let answers = Answers::from_json(&text, name)?;
            check_answers(&answers, name)?;
            let criteria = embedded(&answers.edition, name)?;
            Ok(engine_evaluate(&criteria, &answers))
        }
    }
}

/// `tnl compare`.
pub fn compare(
    old: &str,
    new: &str,
    format: Option<ReportFormat>,
    output: Option<&str>,
    lang: Lang,
) -> Result<u8, Failure> {
    let target = Target::of(output, &Inputs::of(&[old, new]))?;
    let old = report_from(old)?;
    let new = report_from(new)?;
    let c = tnl_engine::compare(&old, &new);
    let bytes = match output_format(format, output, ReportFormat::Md) {
        ReportFormat::Json => {
            let mut s = serde_json::to_string_pretty(&c).unwrap_or_default();
            s.push('\n');
            s.into_bytes()
        }
        ReportFormat::Md => render::comparison_markdown(&c, lang).into_bytes(),
        ReportFormat::Html => render::comparison_html(&c, lang).into_bytes(),
        ReportFormat::Csv => render::comparison_csv(&c, lang).into_bytes(),
        ReportFormat::Odt => render::comparison_odt(&c, lang),
        ReportFormat::Ods => render::comparison_ods(&c, lang),
    };
    write_bytes(&target, &bytes)?;
    Ok(0)
}

/// `tnl template`.
pub fn template(id: &str, from: Option<&str>, output: Option<&str>, quiet: bool) -> Result<u8, Failure> {
    let Some(e) = editions::find(id) else {
        return Err(Failure::usage(format!("unknown edition \"{id}\" for --edition"))
            .hint(format!("the editions built into tnl are {}", embedded_ids())));
    };
    if let Some(path) = from {
        return carry(id, path, output, quiet);
    }
    let target = Target::of(output, &Inputs::default())?;
    let mut text = e.template.to_owned();
    if !text.ends_with('\n') {
        text.push('\n');
    }
    write_output(&target, &text)?;
    Ok(0)
}

/// `tnl template --from OLD`: OLD's answers carried into edition `id`.
fn carry(id: &str, path: &str, output: Option<&str>, quiet: bool) -> Result<u8, Failure> {
    let name = display_name(path);
    let target = Target::of(output, &Inputs::of(&[path]))?;
    let old = Answers::from_json(&read_text(path)?, name)?;
    check_answers(&old, name)?;
    let criteria = embedded(id, name)?;
    let c = tnl_engine::carry_over(&old, &criteria);
    let mut text = c.answers.to_json_pretty();
    text.push('\n');
    write_output(&target, &text)?;
    if !quiet {
        let plural = |n: usize| if n == 1 { "" } else { "s" };
        fail::info(&format!(
            "{name}: {} answer{} carried from {} into {id}, {} not accepted by it, {} to questions it no longer asks; {} question{} to answer",
            c.carried.len(),
            plural(c.carried.len()),
            old.edition,
            c.dropped.len(),
            c.retired.len(),
            c.new_questions.len() + c.dropped.len(),
            plural(c.new_questions.len() + c.dropped.len())
        ));
        if !c.dropped.is_empty() {
            fail::info(&format!(
                "{name}: not accepted by {id}, to answer again: {}",
                c.dropped.join(", ")
            ));
        }
    }
    Ok(0)
}

/// `tnl schema`.
pub fn schema(kind: SchemaArg) -> Result<u8, Failure> {
    let kind = match kind {
        SchemaArg::Criteria => SchemaKind::Criteria,
        SchemaArg::Answers => SchemaKind::Answers,
        SchemaArg::Report => SchemaKind::Report,
        SchemaArg::Catalogue => SchemaKind::Catalogue,
        SchemaArg::Inventory => SchemaKind::Inventory,
    };
    let mut text = kind.text().to_owned();
    if !text.ends_with('\n') {
        text.push('\n');
    }
    write_output(&Target::Stdout, &text)?;
    Ok(0)
}

/// `tnl editions`.
pub fn editions(lang: Lang) -> Result<u8, Failure> {
    let mut out = String::new();
    for e in editions::EDITIONS {
        let c = editions::load(e.id).ok_or_else(|| Failure::input(format!("{}: missing", e.path)))??;
        let f = c.file();
        out.push_str(&format!(
            "{}\t{}\t{}\t{} questions\t{}\n",
            e.id,
            f.edition,
            f.version,
            c.questions().len(),
            f.title.get(lang)
        ));
    }
    write_output(&Target::Stdout, &out)?;
    Ok(0)
}

/// The format of a document (`tnl note`, `tnl deliberation`): --format, else the extension of
/// -o, else `default`. An extension the document has no form for is a usage error, so a note is
/// never written as HTML under a `.pdf` name.
pub fn document_format<F: clap::ValueEnum + Copy>(
    command: &str,
    format: Option<F>,
    output: Option<&str>,
    default: F,
) -> Result<F, Failure> {
    if let Some(f) = format {
        return Ok(f);
    }
    let ext = output
        .filter(|o| *o != "-")
        .and_then(|o| std::path::Path::new(o).extension())
        .map(|e| e.to_string_lossy().to_ascii_lowercase());
    let Some(ext) = ext else {
        return Ok(default);
    };
    let ext = match ext.as_str() {
        "htm" => "html",
        "markdown" => "md",
        e => e,
    };
    let names = || {
        F::value_variants()
            .iter()
            .filter_map(|v| v.to_possible_value().map(|p| p.get_name().to_owned()))
            .collect::<Vec<_>>()
            .join(", ")
    };
    F::value_variants()
        .iter()
        .copied()
        .find(|v| v.to_possible_value().is_some_and(|p| p.get_name() == ext))
        .ok_or_else(|| {
            Failure::usage(format!("tnl {command} writes no .{ext} file")).hint(format!(
                "name the output with one of the extensions {}, or pass --format",
                names()
            ))
        })
}

/// What the documents for the élus are written from: the report of the answers, the
/// dependency map of the inventory when one is given, and where to write.
pub struct Documents {
    /// The answers' report.
    pub report: Report,
    /// The inventory's dependency map.
    pub map: Option<tnl_engine::deps::DependencyReport>,
    target: Target,
}

impl Documents {
    /// Reads and evaluates the answers (as `tnl evaluate` does) and maps the inventory (as `tnl
    /// deps` does, with the built-in catalogue); `-o` may name none of the inputs.
    pub fn read(args: &crate::args::DocumentArgs) -> Result<Documents, Failure> {
        let (answers, inventory, choice) = (args.answers.as_str(), args.inventory.as_deref(), &args.edition);
        let inputs = Inputs::of(&[answers]).and(choice.criteria.as_deref()).and(inventory);
        let target = Target::of(args.output.as_deref(), &inputs)?;
        let report = evaluate_file(answers, choice)?;
        let map = match inventory {
            Some(path) => Some(crate::deps::report(path, None, None)?),
            None => None,
        };
        Ok(Documents { report, map, target })
    }

    /// Writes the rendered document to its target.
    pub fn write(&self, bytes: &[u8]) -> Result<u8, Failure> {
        write_bytes(&self.target, bytes)?;
        Ok(0)
    }
}
