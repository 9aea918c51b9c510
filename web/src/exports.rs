//! The files the app offers for download, each rendered by the shared renderers when asked for.

use tnl_engine::deps::{DependencyReport, Inventory};
use tnl_engine::{render, Answers, Comparison, Lang, Report, Summary};

/// A file to download.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Export {
    /// File name.
    pub name: String,
    /// Media type.
    pub mime: &'static str,
    /// Content: UTF-8 text, except for the OpenDocument report.
    pub bytes: Vec<u8>,
}

impl Export {
    /// A text file.
    fn text(name: String, mime: &'static str, text: String) -> Export {
        Export {
            name,
            mime,
            bytes: text.into_bytes(),
        }
    }

    /// The content as text (empty for a binary file).
    pub fn as_text(&self) -> &str {
        std::str::from_utf8(&self.bytes).unwrap_or_default()
    }
}

/// A file-name-safe slug of the collectivité's name.
pub fn slug(name: &str) -> String {
    tnl_engine::text::slug(name, "tnl")
}

/// The answers file, exactly as the CLI reads it.
pub fn answers(a: &Answers) -> Export {
    Export::text(
        format!("{}.answers.json", slug(&a.profile.name)),
        "application/json",
        a.to_json_pretty() + "\n",
    )
}

/// The formats of a report, a dependency report and a comparison, in the order they are offered:
/// a printable page, an OpenDocument text to edit in an office suite, CSV. Markdown and the
/// reports' JSON stay with `tnl` on the command line: the app has to fit its transfer ceiling
/// (docs/benchmarks.md), and the people it serves open the page or the office documents. Their
/// own files (answers, inventory) are still saved as the JSON `tnl` reads.
pub const FORMATS: [&str; 3] = ["html", "odt", "csv"];

/// The formats of the dependency map and the comparison: a report's, then an OpenDocument
/// spreadsheet next to the CSV (a report has no spreadsheet form).
pub const TABLE_FORMATS: [&str; 4] = ["html", "odt", "csv", "ods"];

/// An OpenDocument spreadsheet.
fn spreadsheet(name: String, bytes: Vec<u8>) -> Export {
    Export {
        name,
        mime: render::ODS_MIME,
        bytes,
    }
}

/// One report format (see [`FORMATS`]), from the renderers the CLI uses.
pub fn report_format(r: &Report, lang: Lang, fmt: &str) -> Option<Export> {
    let base = format!("{}.report", slug(&r.profile.name));
    Some(match fmt {
        "html" => Export::text(format!("{base}.html"), "text/html;charset=utf-8", render::html(r, lang)),
        "csv" => Export::text(format!("{base}.csv"), "text/csv;charset=utf-8", render::csv(r, lang)),
        "odt" => Export {
            name: format!("{base}.odt"),
            mime: render::ODT_MIME,
            bytes: render::odt(r, lang),
        },
        _ => return None,
    })
}

/// Every report format: `(format, file)`.
pub fn report_formats(r: &Report, lang: Lang) -> Vec<(&'static str, Export)> {
    FORMATS
        .iter()
        .filter_map(|&f| report_format(r, lang, f).map(|e| (f, e)))
        .collect()
}

/// The inventory file, exactly as `tnl deps` reads it.
pub fn inventory(inv: &Inventory) -> Export {
    Export::text(
        format!("{}.inventory.json", slug(&inv.profile.name)),
        "application/json",
        inv.to_json_pretty() + "\n",
    )
}

/// One format of the dependency report, from the renderers `tnl deps` uses.
pub fn deps_format(r: &DependencyReport, lang: Lang, fmt: &str) -> Option<Export> {
    let base = format!("{}.deps", slug(&r.profile.name));
    Some(match fmt {
        "html" => Export::text(
            format!("{base}.html"),
            "text/html;charset=utf-8",
            render::deps_html(r, lang),
        ),
        "csv" => Export::text(
            format!("{base}.csv"),
            "text/csv;charset=utf-8",
            render::deps_csv(r, lang),
        ),
        "odt" => Export {
            name: format!("{base}.odt"),
            mime: render::ODT_MIME,
            bytes: render::deps_odt(r, lang),
        },
        "ods" => spreadsheet(format!("{base}.ods"), render::deps_ods(r, lang)),
        _ => return None,
    })
}

/// Every format of the dependency report: `(format, file)`.
pub fn deps_formats(r: &DependencyReport, lang: Lang) -> Vec<(&'static str, Export)> {
    TABLE_FORMATS
        .iter()
        .filter_map(|&f| deps_format(r, lang, f).map(|e| (f, e)))
        .collect()
}

/// One format of the year-over-year comparison, from the renderers `tnl compare` uses.
pub fn comparison_format(c: &Comparison, name: &str, lang: Lang, fmt: &str) -> Option<Export> {
    let base = format!("{}.comparison", slug(name));
    Some(match fmt {
        "html" => Export::text(
            format!("{base}.html"),
            "text/html;charset=utf-8",
            render::comparison_html(c, lang),
        ),
        "csv" => Export::text(
            format!("{base}.csv"),
            "text/csv;charset=utf-8",
            render::comparison_csv(c, lang),
        ),
        "odt" => Export {
            name: format!("{base}.odt"),
            mime: render::ODT_MIME,
            bytes: render::comparison_odt(c, lang),
        },
        "ods" => spreadsheet(format!("{base}.ods"), render::comparison_ods(c, lang)),
        _ => return None,
    })
}

/// Every format of the comparison: `(format, file)`.
pub fn comparison_formats(c: &Comparison, name: &str, lang: Lang) -> Vec<(&'static str, Export)> {
    TABLE_FORMATS
        .iter()
        .filter_map(|&f| comparison_format(c, name, lang, f).map(|e| (f, e)))
        .collect()
}

/// The territory table, one row per entity, in the columns of `tnl batch`
/// (`render::summary_header` and `render::summary_row`, then the dependency map's summary
/// columns, empty for an entity without inventory): CSV, JSON Lines and the same columns as an
/// OpenDocument spreadsheet.
pub fn territory_formats(rows: &[(&Report, Option<&DependencyReport>)], lang: Lang) -> Vec<(&'static str, Export)> {
    let domains = render::summary_domains(rows.iter().map(|(r, _)| *r));
    let mut header = render::summary_header(&domains);
    header.extend(render::deps_summary_header());
    let mut csv = render::csv_line(&header);
    let mut jsonl = String::new();
    let mut table: Vec<Vec<String>> = Vec::with_capacity(rows.len());
    for (r, deps) in rows {
        let summary = Summary::of(r);
        let mut cells = render::summary_row(&summary, &domains, lang);
        cells.extend(deps.map_or_else(
            || vec![String::new(); render::deps_summary_header().len()],
            render::deps_summary_row,
        ));
        csv.push_str(&render::csv_line(&cells));
        table.push(cells);
        let mut line = render::summary_json(&summary, lang);
        if let (Some(d), Some(m)) = (deps, line.as_object_mut()) {
            m.insert("dependencies".into(), render::deps_summary_json(d));
        }
        jsonl.push_str(&line.to_string());
        jsonl.push('\n');
    }
    let names = render::TableNames {
        domain: &|id| {
            rows.iter()
                .flat_map(|(r, _)| r.domains.iter())
                .find(|d| *d.id == *id)
                .map(|d| d.title.get(lang).to_owned())
        },
        tier: &|id| {
            rows.iter()
                .flat_map(|(r, _)| r.tiers.iter())
                .find(|t| *t.id == *id)
                .map(|t| t.title.get(lang).to_owned())
        },
    };
    let ods = render::summary_ods(&header, &table, &names, lang);
    vec![
        (
            "csv",
            Export::text("territoire.csv".into(), "text/csv;charset=utf-8", csv),
        ),
        ("ods", spreadsheet("territoire.ods".into(), ods)),
        (
            "jsonl",
            Export::text("territoire.jsonl".into(), "application/x-ndjson", jsonl),
        ),
    ]
}

/// The territory as one printable page (`render::territory_html`), linking nothing: the
/// reports are not beside it (the archive's copy links them).
pub fn territory_page(rows: &[(&Report, Option<&DependencyReport>)], lang: Lang) -> Export {
    let page: Vec<render::TerritoryRow> = rows
        .iter()
        .map(|&(report, deps)| render::TerritoryRow {
            report,
            deps,
            report_link: None,
            deps_link: None,
        })
        .collect();
    Export::text(
        "territoire.html".into(),
        "text/html;charset=utf-8",
        render::territory_html(&page, lang),
    )
}

/// Everything about a territory in one file to archive or send: `territoire.zip` holds the
/// territory table (`territoire.csv`) and its page (`territoire.html`, each name linking to the
/// report beside it), then for each entity, numbered in the table's order, its
/// report as a printable page, its answers file, and its dependency map when it has an inventory
/// (`01-mairie.report.html`, `01-mairie.answers.json`, `01-mairie.deps.html`…).
pub fn territory_bundle(entities: &[(&Report, &Answers, Option<&DependencyReport>)], lang: Lang) -> Export {
    let rows: Vec<(&Report, Option<&DependencyReport>)> = entities.iter().map(|(r, _, d)| (*r, *d)).collect();
    let table = territory_formats(&rows, lang)
        .into_iter()
        .find(|(f, _)| *f == "csv")
        .map(|(_, e)| e.bytes)
        .unwrap_or_default();
    let width = entities.len().to_string().len().max(2);
    let bases: Vec<String> = entities
        .iter()
        .enumerate()
        .map(|(i, (r, _, _))| format!("{:0width$}-{}", i + 1, slug(&r.profile.name)))
        .collect();
    // The page of the whole territory, each name a link to the report beside it in the archive.
    let links: Vec<(String, String)> = bases
        .iter()
        .map(|b| (format!("{b}.report.html"), format!("{b}.deps.html")))
        .collect();
    let page: Vec<render::TerritoryRow> = entities
        .iter()
        .zip(&links)
        .map(|(&(report, _, deps), (r, d))| render::TerritoryRow {
            report,
            deps,
            report_link: Some(r),
            deps_link: deps.map(|_| d.as_str()),
        })
        .collect();
    let mut files: Vec<(String, Vec<u8>)> = vec![
        ("territoire.csv".into(), table),
        (
            "territoire.html".into(),
            render::territory_html(&page, lang).into_bytes(),
        ),
    ];
    for ((r, a, d), base) in entities.iter().zip(&bases) {
        files.push((format!("{base}.report.html"), render::html(r, lang).into_bytes()));
        files.push((format!("{base}.answers.json"), (a.to_json_pretty() + "\n").into_bytes()));
        if let Some(d) = d {
            files.push((format!("{base}.deps.html"), render::deps_html(d, lang).into_bytes()));
        }
    }
    let refs: Vec<(&str, &[u8])> = files.iter().map(|(n, b)| (n.as_str(), b.as_slice())).collect();
    Export {
        name: "territoire.zip".into(),
        mime: "application/zip",
        bytes: render::zip(&refs),
    }
}

/// The documents for the élus, in the order the app offers them: the note as a page to print
/// and as an OpenDocument text, the draft deliberation as an OpenDocument text (the Markdown
/// draft stays with `tnl deliberation`). `deps` is the dependency map when an inventory exists.
pub fn documents(r: &Report, deps: Option<&DependencyReport>, lang: Lang) -> Vec<Export> {
    let base = slug(&r.profile.name);
    vec![
        Export::text(
            format!("{base}.note.html"),
            "text/html;charset=utf-8",
            render::note_html(r, deps, lang),
        ),
        Export {
            name: format!("{base}.note.odt"),
            mime: render::ODT_MIME,
            bytes: render::note_odt(r, deps, lang),
        },
        Export {
            name: format!("{base}.deliberation.odt"),
            mime: render::ODT_MIME,
            bytes: render::deliberation_odt(r, deps, lang),
        },
    ]
}
