//! The OpenDocument spreadsheets: the territory table, the dependency map and the comparison.
//! Each is a valid ODF package whose cells are typed (numbers, negative ones included, as
//! numbers; shares and scores as percentages; money in euros; contract ends as dates), whose
//! header row is frozen, and in which a hostile name stays text. The content of each, in French
//! and in English, is an insta snapshot (`tests/tests/snapshots/ods__*.snap`); after an intended
//! change, review them with `cargo insta review`, or accept them with
//! `INSTA_UPDATE=always cargo test -p tnl-tests --test ods`.

use tnl_engine::deps::{dependency_report, Catalogue, DependencyReport, DepsOptions, Inventory};
use tnl_engine::{compare, evaluate, render, Answers, Lang, Report, Summary};
use tnl_tests::*;

/// A name that tries every way out of a cell: markup, the end of a CDATA section, control
/// characters and a spreadsheet formula.
const HOSTILE: &str = "<script>alert(1)</script> ]]> \u{1}\u{7}\u{1b}=cmd|' /C calc'!A0";

/// What a reader sees of [`HOSTILE`]: the control characters dropped, the rest as written.
const HOSTILE_SHOWN: &str = "<script>alert(1)</script> ]]> =cmd|' /C calc'!A0";

const TABLE_NS: &str = "urn:oasis:names:tc:opendocument:xmlns:table:1.0";
const OFFICE_NS: &str = "urn:oasis:names:tc:opendocument:xmlns:office:1.0";

fn report(golden: &str, name: &str) -> Report {
    let text = read(&format!("tests/golden/{golden}.answers.json"));
    let mut answers = Answers::from_json(&text, golden).unwrap_or_else(|e| panic!("{e}"));
    answers.profile.name = name.into();
    evaluate(&mini(), &answers)
}

fn deps_report(name: &str) -> DependencyReport {
    let catalogue = Catalogue::from_json(&read("tests/fixtures/mini-catalogue.json"), "mini-catalogue.json")
        .unwrap_or_else(|e| panic!("{e}"));
    let mut inventory = Inventory::from_json(&read("tests/golden/deps/commune-mixte.inventory.json"), "commune-mixte")
        .unwrap_or_else(|e| panic!("{e}"));
    inventory.profile.name = name.into();
    dependency_report(
        &catalogue,
        &inventory,
        &DepsOptions {
            today: Some("2026-11-29".into()),
        },
    )
}

/// The territory table of two collectivités and an inventory, in the columns `tnl batch` and
/// the app write: the header and the cells of the CSV.
fn territory(name: &str) -> (Vec<String>, Vec<Vec<String>>) {
    let reports = [
        report("mini-ville-partielle", name),
        report("mini-village-complet", "Village complet"),
    ];
    let domains = render::summary_domains(reports.iter());
    let mut header = render::summary_header(&domains);
    header.extend(render::deps_summary_header());
    let mut rows: Vec<Vec<String>> = reports
        .iter()
        .map(|r| {
            let mut cells = render::summary_row(&Summary::of(r), &domains, Lang::Fr);
            cells.resize(header.len(), String::new());
            cells
        })
        .collect();
    let mut inventory_row = vec![name.to_owned(), "commune".into(), "8000".into()];
    inventory_row.resize(render::summary_header(&domains).len(), String::new());
    inventory_row.extend(render::deps_summary_row(&deps_report(name)));
    rows.push(inventory_row);
    (header, rows)
}

/// The territory sheet of `header` and `rows`, domains and tiers named from the mini edition.
fn territory_ods(header: &[String], rows: &[Vec<String>], lang: Lang) -> Vec<u8> {
    let criteria = mini();
    let file = criteria.file();
    let domain = |id: &str| {
        file.domains
            .iter()
            .find(|d| d.id == id)
            .map(|d| d.title.get(lang).to_owned())
    };
    let tier = |id: &str| {
        file.tiers
            .iter()
            .find(|t| t.id == id)
            .map(|t| t.title.get(lang).to_owned())
    };
    render::summary_ods(
        header,
        rows,
        &render::TableNames {
            domain: &domain,
            tier: &tier,
        },
        lang,
    )
}

/// Each spreadsheet, by its golden name.
fn documents(name: &str, lang: Lang) -> Vec<(&'static str, Vec<u8>)> {
    let (header, rows) = territory(name);
    let c = compare(
        &report("mini-ville-partielle", "Ville"),
        &report("mini-village-complet", name),
    );
    vec![
        ("territory", territory_ods(&header, &rows, lang)),
        ("deps", render::deps_ods(&deps_report(name), lang)),
        ("comparison", render::comparison_ods(&c, lang)),
    ]
}

/// The parts of a package, by name, as text (every part but `mimetype` is XML).
fn part<'a>(parts: &'a [(String, Vec<u8>)], name: &str) -> &'a str {
    let (_, data) = parts
        .iter()
        .find(|(n, _)| n == name)
        .unwrap_or_else(|| panic!("{name} missing"));
    std::str::from_utf8(data).unwrap_or_else(|e| panic!("{name}: {e}"))
}

/// A cell of a sheet as read back: its type, its value (or date), and the text it shows.
#[derive(Debug, PartialEq)]
struct ReadCell {
    kind: String,
    value: String,
    text: String,
}

/// Every sheet: its name, its header texts, and its rows of cells.
type ReadSheet = (String, Vec<String>, Vec<Vec<ReadCell>>);

fn sheets(content: &str) -> Vec<ReadSheet> {
    let doc = roxmltree::Document::parse(content).unwrap_or_else(|e| panic!("content.xml: {e}"));
    let cell = |c: roxmltree::Node| ReadCell {
        kind: c.attribute((OFFICE_NS, "value-type")).unwrap_or("").to_owned(),
        value: c
            .attribute((OFFICE_NS, "value"))
            .or_else(|| c.attribute((OFFICE_NS, "date-value")))
            .unwrap_or("")
            .to_owned(),
        text: c
            .descendants()
            .filter(|n| n.is_text())
            .filter_map(|n| n.text())
            .collect(),
    };
    doc.descendants()
        .filter(|n| n.has_tag_name((TABLE_NS, "table")))
        .map(|t| {
            let rows_of = |n: roxmltree::Node| -> Vec<Vec<ReadCell>> {
                n.children()
                    .filter(|r| r.has_tag_name((TABLE_NS, "table-row")))
                    .map(|r| {
                        r.children()
                            .filter(|c| c.has_tag_name((TABLE_NS, "table-cell")))
                            .map(cell)
                            .collect()
                    })
                    .collect()
            };
            let head = t
                .children()
                .find(|n| n.has_tag_name((TABLE_NS, "table-header-rows")))
                .expect("a header row");
            let header = rows_of(head).remove(0).into_iter().map(|c| c.text).collect();
            (
                t.attribute((TABLE_NS, "name")).unwrap_or("").to_owned(),
                header,
                rows_of(t),
            )
        })
        .collect()
}

#[test]
fn golden_contents() {
    for lang in [Lang::Fr, Lang::En] {
        for (name, ods) in documents(HOSTILE, lang) {
            let parts = unzip(&ods);
            insta::assert_snapshot!(format!("{name}.{}.content", lang.code()), part(&parts, "content.xml"));
        }
    }
}

#[test]
fn every_spreadsheet_is_a_valid_odf_package_with_its_header_frozen() {
    for lang in [Lang::Fr, Lang::En] {
        for (name, ods) in documents("Commune de Boé", lang) {
            let parts = odf_package(
                &ods,
                render::ODS_MIME,
                &["meta.xml", "settings.xml", "styles.xml", "content.xml"],
            );
            for (part_name, _) in &parts[1..] {
                roxmltree::Document::parse(part(&parts, part_name))
                    .unwrap_or_else(|e| panic!("{name} {part_name}: {e}"));
            }
            let manifest = part(&parts, "META-INF/manifest.xml");
            assert!(manifest.contains(&format!(
                r#"manifest:full-path="/" manifest:version="1.3" manifest:media-type="{}""#,
                render::ODS_MIME
            )));
            for p in ["meta.xml", "settings.xml", "styles.xml", "content.xml"] {
                assert!(
                    manifest.contains(&format!(r#"manifest:full-path="{p}""#)),
                    "{name}: {p}"
                );
            }
            let content = part(&parts, "content.xml");
            let settings = roxmltree::Document::parse(part(&parts, "settings.xml")).unwrap();
            for (sheet, header, rows) in sheets(content) {
                // The header row is frozen: the window split under row 1, none between columns.
                let entry = settings
                    .descendants()
                    .find(|n| n.has_tag_name("config-item-map-entry") && n.attributes().any(|a| a.value() == sheet))
                    .unwrap_or_else(|| panic!("{name}: no view settings for {sheet}"));
                let item = |key: &str| {
                    entry
                        .children()
                        .find(|n| n.attributes().any(|a| a.value() == key))
                        .and_then(|n| n.text())
                        .unwrap_or_else(|| panic!("{name} {sheet}: {key}"))
                        .to_owned()
                };
                assert_eq!(
                    [
                        item("VerticalSplitMode"),
                        item("VerticalSplitPosition"),
                        item("HorizontalSplitMode")
                    ],
                    ["2", "1", "0"],
                    "{name} {sheet}"
                );
                assert!(header.iter().all(|h| !h.is_empty()), "{name} {sheet}: {header:?}");
                assert!(
                    rows.iter().all(|r| r.len() <= header.len()),
                    "{name} {sheet}: a cell outside the header"
                );
            }
            // Every style the content uses is defined, and every column has a width.
            let doc = roxmltree::Document::parse(content).unwrap();
            for n in doc.descendants() {
                for a in n
                    .attributes()
                    .filter(|a| a.name() == "style-name" || a.name() == "data-style-name")
                {
                    assert!(
                        content.contains(&format!("style:name=\"{}\"", a.value())),
                        "{name}: style {} is not defined",
                        a.value()
                    );
                }
            }
            let columns = doc
                .descendants()
                .filter(|n| n.has_tag_name((TABLE_NS, "table-column")))
                .count();
            assert_eq!(content.matches("style:column-width=").count(), columns, "{name}");
            assert!(!content.contains("table:formula"), "{name}: no formula anywhere");
            assert_eq!(
                ods,
                documents("Commune de Boé", lang)
                    .into_iter()
                    .find(|(n, _)| *n == name)
                    .unwrap()
                    .1
            );
        }
    }
}

#[test]
fn a_hostile_name_stays_text_in_every_spreadsheet() {
    for lang in [Lang::Fr, Lang::En] {
        for (name, ods) in documents(HOSTILE, lang) {
            let parts = unzip(&ods);
            let content = part(&parts, "content.xml");
            assert!(
                !content.contains("<script>"),
                "{name}: markup from the name reached the document"
            );
            assert!(
                !content.contains(['\u{1}', '\u{7}', '\u{1b}']),
                "{name}: control characters"
            );
            let found: Vec<ReadCell> = sheets(content)
                .into_iter()
                .flat_map(|(_, _, rows)| rows.into_iter().flatten())
                .filter(|c| c.text.contains("=cmd|"))
                .collect();
            assert!(!found.is_empty(), "{name}: the name is shown");
            for c in found {
                assert_eq!(c.kind, "string", "{name}: {c:?}");
                assert!(c.text.contains(HOSTILE_SHOWN), "{name}: {c:?}");
            }
            let meta = part(&parts, "meta.xml");
            roxmltree::Document::parse(meta).unwrap_or_else(|e| panic!("{name} meta.xml: {e}"));
        }
    }
}

/// Issue 18: numbers are numbers in the spreadsheets, negative ones included, shares and scores
/// percentages, money euros, contract ends dates.
#[test]
fn cells_are_typed() {
    let docs = documents("Commune de Boé", Lang::Fr);
    let read = |name: &str| {
        let ods = &docs.iter().find(|(n, _)| *n == name).unwrap().1;
        sheets(part(&unzip(ods), "content.xml"))
    };

    // The comparison: a criterion that lost points has a negative change, as a number.
    let old = report("mini-ville-partielle", "Ville");
    let new = report("mini-village-complet", "Commune de Boé");
    let c = compare(&old, &new);
    let lost = c
        .changed
        .iter()
        .find(|x| x.new < x.old)
        .expect("the fixtures lose points somewhere");
    let (_, header, rows) = &read("comparison")[0];
    assert_eq!(
        header,
        &["Rubrique", "Identifiant", "Libellé", "Avant", "Après", "Évolution"]
    );
    let row = rows.iter().find(|r| r[1].text == lost.id).expect("the criterion's row");
    assert_eq!(
        (row[5].kind.as_str(), row[5].value.clone()),
        ("float", format!("-{}", lost.old - lost.new))
    );
    let overall = rows.iter().find(|r| r[0].text == "Score global").unwrap();
    assert_eq!(overall[3].kind, "percentage");
    assert_eq!(overall[3].value, format!("0.{:03}", c.old.score));
    assert_eq!(overall[3].text, render::percent(c.old.score, Lang::Fr));

    // The dependency map: seats are numbers, shares percentages, costs euros, a contract end a date.
    let deps = read("deps");
    assert_eq!(
        deps.iter().map(|(n, _, _)| n.as_str()).collect::<Vec<_>>(),
        ["Synthèse", "Inventaire", "Scénarios de coûts"]
    );
    let (_, header, items) = &deps[1];
    let col = |h: &str| {
        header
            .iter()
            .position(|x| x == h)
            .unwrap_or_else(|| panic!("{h} in {header:?}"))
    };
    let kinds = |c: usize| -> Vec<&str> {
        items
            .iter()
            .map(|r| r[c].kind.as_str())
            .filter(|k| !k.is_empty())
            .collect()
    };
    assert!(kinds(col("Postes")).iter().all(|k| *k == "float") && !kinds(col("Postes")).is_empty());
    assert!(kinds(col("Part de la fonction")).iter().all(|k| *k == "percentage"));
    assert!(kinds(col("Coût annuel")).iter().all(|k| *k == "currency") && !kinds(col("Coût annuel")).is_empty());
    assert!(
        kinds(col("Fin de contrat")).contains(&"date"),
        "{:?}",
        kinds(col("Fin de contrat"))
    );
    let date = items
        .iter()
        .map(|r| &r[col("Fin de contrat")])
        .find(|c| c.kind == "date")
        .unwrap();
    assert!(
        date.value.len() == 10 && !date.text.contains('-'),
        "a date as people write it: {date:?}"
    );
    let (_, header, scenarios) = &deps[2];
    assert_eq!(header.len(), 9);
    assert!(scenarios.iter().all(|r| r[1..].iter().all(|c| c.kind == "currency")));

    // The territory: scores and domains as percentages, the population a number, a
    // collectivité's kind in words.
    let (_, header, rows) = &read("territory")[0];
    let col = |h: &str| {
        header
            .iter()
            .position(|x| x == h)
            .unwrap_or_else(|| panic!("{h} in {header:?}"))
    };
    assert!(header.iter().any(|h| h.starts_with("Domaine : ")), "{header:?}");
    assert!(
        !header.iter().any(|h| h.contains(':') && !h.contains(" : ")),
        "no raw column name: {header:?}"
    );
    assert_eq!(rows[0][col("Score global")].kind, "percentage");
    assert_eq!(rows[2][col("Habitants")].kind, "float");
    assert_eq!(rows[2][col("Catégorie")].text, "Commune");
    // The tier by its title, its id beside it.
    let reached = report("mini-village-complet", "x")
        .tier
        .expect("the complete village reaches a tier");
    assert_eq!(rows[1][col("Niveau acquis")].text, reached.title.get(Lang::Fr));
    assert_eq!(rows[1][col("Niveau acquis (identifiant)")].text, reached.id.to_string());
    assert_eq!(rows[2][col("Coût annuel")].kind, "currency");
    assert_eq!(rows[2][col("Prochaine fin de contrat")].kind, "date");
}

#[test]
fn the_territory_sheet_follows_the_csv_columns() {
    // A column added to the CSV later shows up in the spreadsheet without a change here: its
    // name as header, its whole numbers as numbers, other text as text.
    let (mut header, mut rows) = territory("Commune de Boé");
    header.push("a_later_column".into());
    for (i, r) in rows.iter_mut().enumerate() {
        r.push(if i == 0 { "-3".into() } else { "argent".into() });
    }
    let ods = territory_ods(&header, &rows, Lang::En);
    let (_, read_header, read_rows) = sheets(part(&unzip(&ods), "content.xml")).remove(0);
    assert_eq!(read_header.len(), header.len() + 3, "each tier's title beside its id");
    assert_eq!(read_header.last().unwrap(), "a_later_column");
    assert_eq!(
        (
            read_rows[0].last().unwrap().kind.as_str(),
            read_rows[0].last().unwrap().value.as_str()
        ),
        ("float", "-3")
    );
    assert_eq!(read_rows[1].last().unwrap().kind, "string");
}

#[test]
fn columns_are_as_wide_as_what_they_hold() {
    let ods = render::deps_ods(&deps_report("Commune de Boé"), Lang::En);
    let content = part(&unzip(&ods), "content.xml").to_owned();
    let doc = roxmltree::Document::parse(&content).unwrap();
    let width = |style: &str| -> u32 {
        let node = doc
            .descendants()
            .find(|n| n.attributes().any(|a| a.name() == "name" && a.value() == style))
            .unwrap();
        let w = node
            .descendants()
            .find_map(|n| {
                n.attributes()
                    .find(|a| a.name() == "column-width")
                    .map(|a| a.value().to_owned())
            })
            .unwrap();
        let (cm, hundredths) = w.trim_end_matches("cm").split_once('.').unwrap();
        cm.parse::<u32>().unwrap() * 100 + hundredths.parse::<u32>().unwrap()
    };
    let table = doc
        .descendants()
        .find(|n| n.has_tag_name((TABLE_NS, "table")) && n.attribute((TABLE_NS, "name")) == Some("Inventory"))
        .unwrap();
    let widths: Vec<u32> = table
        .children()
        .filter(|n| n.has_tag_name((TABLE_NS, "table-column")))
        .map(|n| width(n.attribute((TABLE_NS, "style-name")).unwrap()))
        .collect();
    let (_, header, _) = sheets(&content).remove(1);
    let at = |h: &str| widths[header.iter().position(|x| x == h).unwrap()];
    // "Share of the function" (a long header over short percentages) is wider than "Seats".
    assert!(at("Share of the function") > at("Seats"), "{header:?} {widths:?}");
    assert!(widths.iter().all(|w| (150..=1200).contains(w)), "{widths:?}");
}

/// Issue 18: the comparison CSV wrote a negative change as `'-2`, text a spreadsheet cannot sum.
/// No CSV of tnl turns a number into text, and a formula is still guarded.
#[test]
fn no_csv_turns_a_number_into_text() {
    let formula = "=cmd|' /C calc'!A0";
    let (old, new) = (
        report("mini-ville-partielle", formula),
        report("mini-village-complet", formula),
    );
    let c = compare(&old, &new);
    let (header, rows) = territory(formula);
    let mut territory_csv = render::csv_line(&header);
    for r in &rows {
        territory_csv.push_str(&render::csv_line(r));
    }
    let csvs = [
        ("report", render::csv(&new, Lang::Fr)),
        ("comparison", render::comparison_csv(&c, Lang::Fr)),
        ("deps", render::deps_csv(&deps_report(formula), Lang::Fr)),
        ("territory", territory_csv),
    ];
    for (name, csv) in &csvs {
        for guarded in csv.split("\"'").skip(1) {
            let cell = guarded.split('"').next().unwrap_or_default();
            assert!(
                cell.parse::<f64>().is_err(),
                "{name}: the number {cell} written as text"
            );
        }
        assert!(csv.contains("\"'=cmd|"), "{name}: the formula is guarded");
    }
    let lost = c
        .changed
        .iter()
        .find(|x| x.new < x.old)
        .expect("a criterion lost points");
    assert!(
        csvs[1]
            .1
            .contains(&format!(",{},{},-{}\r\n", lost.old, lost.new, lost.old - lost.new)),
        "the negative change as a number"
    );
}
