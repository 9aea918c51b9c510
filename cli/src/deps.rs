//! The dependency map: `tnl deps` (report, or pre-filling an answers file) and
//! `tnl catalog import-sill`. The engine computes everything; this module reads files, passes
//! today's date (the engine reads no clock, the CLI as a host does) and writes.

use crate::args::ReportFormat;
use crate::commands::{criteria_for, output_format};
use crate::fail::{self, Failure, Level};
use crate::io::{check_count, display_name, read_text, write_bytes, write_output, Inputs, Target, MAX_INVENTORY_ITEMS};
use std::time::{SystemTime, UNIX_EPOCH};
use tnl_engine::deps::{dependency_report, merge_sill, prefill, Catalogue, DependencyReport, DepsOptions, Inventory};
use tnl_engine::{render, Answers, Lang};

/// The shipped catalogue, built into the binary (the engine embeds it for every host).
pub use tnl_engine::deps::CATALOGUE_JSON;

/// Where the shipped catalogue comes from, for messages.
pub const CATALOGUE_PATH: &str = "criteria/catalogue.json";

/// The catalogue: `--catalogue FILE`, else the embedded one.
pub fn catalogue(path: Option<&str>) -> Result<Catalogue, Failure> {
    match path {
        Some(p) => {
            let text = read_text(p)?;
            Ok(Catalogue::from_json(&text, display_name(p))?)
        }
        None => Ok(Catalogue::from_json(CATALOGUE_JSON, CATALOGUE_PATH)?),
    }
}

/// Today's date (UTC) from the system clock, as YYYY-MM-DD.
pub fn system_today() -> Option<String> {
    let secs = SystemTime::now().duration_since(UNIX_EPOCH).ok()?.as_secs();
    let (y, m, d) = civil_from_days(i64::try_from(secs / 86_400).ok()?);
    Some(format!("{y:04}-{m:02}-{d:02}"))
}

/// Days since 1970-01-01 to a proleptic Gregorian date (Howard Hinnant's algorithm).
pub fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let y = yoe + era * 400 + i64::from(m <= 2);
    (y, m, d)
}

/// Checks a `--today` value: YYYY-MM-DD with a month 01–12 and a day 01–31.
pub(crate) fn check_today(today: &str) -> Result<(), Failure> {
    let b = today.as_bytes();
    let digits = |r: std::ops::Range<usize>| b.get(r.clone()).is_some_and(|s| s.iter().all(u8::is_ascii_digit));
    let num = |r: std::ops::Range<usize>| today.get(r).and_then(|s| s.parse::<u32>().ok()).unwrap_or(0);
    let ok = b.len() == 10
        && digits(0..4)
        && b[4] == b'-'
        && digits(5..7)
        && b[7] == b'-'
        && digits(8..10)
        && (1..=12).contains(&num(5..7))
        && (1..=31).contains(&num(8..10));
    if ok {
        Ok(())
    } else {
        Err(Failure::usage(format!("invalid date \"{today}\" for --today"))
            .hint("write the date as YYYY-MM-DD, e.g. --today 2026-11-29"))
    }
}

/// Reads an inventory, with a clearer message when the file is another kind of tnl file.
fn read_inventory(path: &str) -> Result<Inventory, Failure> {
    let name = display_name(path);
    let text = read_text(path)?;
    let inventory = Inventory::from_json(&text, name).map_err(|e| {
        use crate::commands::DocKind;
        let value = serde_json::from_str::<serde_json::Value>(&text).ok();
        let what = match value.as_ref().map(crate::commands::detect) {
            Some(DocKind::Answers) if value.as_ref().is_some_and(|v| v.get("edition").is_some()) => "an answers file",
            Some(DocKind::Criteria) => "a criteria file",
            Some(DocKind::Report) => "a report",
            Some(DocKind::DepsReport) => "a dependency report",
            Some(DocKind::Catalogue) => "a catalogue",
            _ => return Failure::Engine(e),
        };
        Failure::input(format!("{name}: is {what}, not an inventory"))
            .hint("`tnl deps` takes a software inventory (\"kind\": \"inventory\"); see `tnl schema inventory`")
            .hint("to pre-fill an answers file from an inventory: tnl deps INVENTORY --prefill ANSWERS")
    })?;
    check_inventory(&inventory, name)?;
    Ok(inventory)
}

/// Refuses an inventory with more lines than any collectivité runs programs: its reports would
/// repeat every line several times, into documents of hundreds of megabytes.
pub(crate) fn check_inventory(inventory: &Inventory, name: &str) -> Result<(), Failure> {
    check_count(name, "inventory items", inventory.items.len(), MAX_INVENTORY_ITEMS)
}

/// What `tnl deps` was asked.
#[derive(Debug)]
pub struct Options<'a> {
    /// The inventory.
    pub inventory: &'a str,
    /// --catalogue.
    pub catalogue: Option<&'a str>,
    /// --today.
    pub today: Option<&'a str>,
    /// --format.
    pub format: Option<ReportFormat>,
    /// --prefill ANSWERS.
    pub prefill: Option<&'a str>,
    /// -o.
    pub output: Option<&'a str>,
    /// --quiet.
    pub quiet: bool,
    /// --lang.
    pub lang: Lang,
}

/// The dependency report of an inventory, as the engine computes it.
pub fn report(inventory: &str, catalogue_path: Option<&str>, today: Option<&str>) -> Result<DependencyReport, Failure> {
    let today = match today {
        Some(t) => {
            check_today(t)?;
            Some(t.to_owned())
        }
        None => system_today(),
    };
    let catalogue = catalogue(catalogue_path)?;
    let inventory = read_inventory(inventory)?;
    Ok(dependency_report(&catalogue, &inventory, &DepsOptions { today }))
}

/// A dependency report in one of the formats (`tnl deps`, and `tnl batch --reports`).
pub(crate) fn render_deps(r: &DependencyReport, format: ReportFormat, lang: Lang) -> Vec<u8> {
    match format {
        ReportFormat::Json => {
            let mut s = r.to_json_pretty();
            s.push('\n');
            s.into_bytes()
        }
        ReportFormat::Md => render::deps_markdown(r, lang).into_bytes(),
        ReportFormat::Html => render::deps_html(r, lang).into_bytes(),
        ReportFormat::Csv => render::deps_csv(r, lang).into_bytes(),
        ReportFormat::Odt => render::deps_odt(r, lang),
        ReportFormat::Ods => render::deps_ods(r, lang),
    }
}

/// `tnl deps`.
pub fn deps(o: &Options<'_>) -> Result<u8, Failure> {
    let inputs = Inputs::of(&[o.inventory]).and(o.catalogue).and(o.prefill);
    let target = Target::of(o.output, &inputs)?;
    let r = report(o.inventory, o.catalogue, o.today)?;
    let name = display_name(o.inventory);
    if let Some(answers_path) = o.prefill {
        return prefill_answers(&r, answers_path, &target, o.quiet, o.lang);
    }
    write_bytes(
        &target,
        &render_deps(&r, output_format(o.format, o.output, ReportFormat::Json), o.lang),
    )?;
    if !o.quiet && !r.diagnostics.is_empty() {
        let n = r.diagnostics.len();
        fail::report(
            Level::Warning,
            &format!(
                "{name}: {n} problem{} in the inventory, see the diagnostics in the report (or run `tnl validate {}`)",
                if n == 1 { "" } else { "s" },
                o.inventory
            ),
        );
    }
    Ok(0)
}

/// `tnl deps INVENTORY --prefill ANSWERS`: the answers with the questions the inventory answers
/// filled in, those already answered left as they are.
fn prefill_answers(r: &DependencyReport, path: &str, target: &Target, quiet: bool, lang: Lang) -> Result<u8, Failure> {
    let name = display_name(path);
    let text = read_text(path)?;
    let mut answers = Answers::from_json(&text, name)?;
    crate::commands::check_answers(&answers, name)?;
    let criteria = criteria_for(
        &answers,
        name,
        &crate::args::EditionArgs {
            edition: None,
            criteria: None,
        },
    )?;
    let proposed = prefill(r, &criteria, lang);
    let filled = answers.apply_prefill(&proposed);
    let mut out = answers.to_json_pretty();
    out.push('\n');
    write_output(target, &out)?;
    if !quiet {
        fail::info(&format!(
            "{name}: {filled} question{} pre-filled from the inventory ({} proposed, {} already answered); check them before evaluating",
            if filled == 1 { "" } else { "s" },
            proposed.len(),
            proposed.len() - filled
        ));
    }
    Ok(0)
}

/// `tnl catalog import-sill`.
pub fn import_sill(sill: &str, catalogue_path: Option<&str>, output: &str, quiet: bool) -> Result<u8, Failure> {
    let target = Target::of(Some(output), &Inputs::of(&[sill]).and(catalogue_path))?;
    let base = catalogue(catalogue_path)?;
    let name = display_name(sill);
    let text = read_text(sill)?;
    let value: serde_json::Value = serde_json::from_str(&text).map_err(|e| {
        Failure::input(format!("{name}: not JSON: {e}"))
            .hint("download the SILL's JSON export (an array of software) and pass that file")
    })?;
    let (merged, stats) = merge_sill(base.file(), &value).map_err(|p| {
        Failure::input(format!("{name}: not a SILL export (1 problem)\n{name}: {p}"))
            .hint("pass the SILL's JSON export: an array of software objects (\"softwareName\", \"softwareId\", …)")
    })?;
    let out_name = display_name(output);
    let merged = Catalogue::from_file(merged, out_name)?;
    let mut json = serde_json::to_string_pretty(merged.file()).unwrap_or_default();
    json.push('\n');
    write_output(&target, &json)?;
    if !quiet {
        fail::info(&format!(
            "{name}: {} entries read, {} matched to the catalogue, {} added, {} free alternatives recorded, {} skipped (no name); {} products in {out_name}",
            stats.entries,
            stats.matched,
            stats.added,
            stats.alternatives_added,
            stats.skipped,
            merged.products().len()
        ));
    }
    Ok(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn civil_dates() {
        assert_eq!(civil_from_days(0), (1970, 1, 1));
        assert_eq!(civil_from_days(20_786), (2026, 11, 29));
        assert_eq!(civil_from_days(11_016), (2000, 2, 29));
        assert_eq!(civil_from_days(-1), (1969, 12, 31));
    }

    #[test]
    fn today_is_checked() {
        assert!(check_today("2026-11-29").is_ok());
        for bad in ["2026-13-01", "2026-1-01", "29/11/2026", "", "2026-11-29T00:00"] {
            assert!(check_today(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn the_embedded_catalogue_loads() {
        let c = catalogue(None).expect("the shipped catalogue is valid");
        assert!(!c.products().is_empty());
    }
}
