//! Spreadsheets as OpenDocument (`.ods`), the RGI's spreadsheet format: the territory table
//! ([`summary_ods`]), the dependency map ([`deps_ods`]) and the comparison ([`comparison_ods`]).
//!
//! Every cell is typed, so a spreadsheet sums and sorts it without a conversion: counts are
//! numbers, shares and scores (out of 1000 in the engine) are percentages, money is a currency
//! in euros, contract ends are dates, and everything else is text, escaped and never a formula.
//! The first row of each sheet is its header, in bold and frozen; each column is as wide as its
//! longest cell, up to a cap past which the text overflows. The package is written by
//! `render/odf.rs`, as the text documents are.

use super::odf::{escape_xml, manifest_xml, meta_xml, zip_stored};
use super::{colon, thousands, tr};
use crate::compare::Comparison;
use crate::deps::DependencyReport;
use crate::text::Lang;
use std::fmt::Write as _;

/// Media type of an OpenDocument spreadsheet.
pub const ODS_MIME: &str = "application/vnd.oasis.opendocument.spreadsheet";

/// One cell of a sheet, with its type.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) enum Cell {
    /// Nothing.
    Empty,
    /// Text, shown as written.
    Text(String),
    /// A whole number.
    Number(i64),
    /// A share or a score out of 1000, shown as a percentage with one decimal.
    PerMille(i64),
    /// Whole euros.
    Euros(i64),
    /// A calendar date, checked to be `YYYY-MM-DD`.
    Date(String),
}

impl Cell {
    /// Text, or an empty cell for an empty string.
    pub(super) fn text(s: impl Into<String>) -> Cell {
        let s = s.into();
        if s.is_empty() {
            Cell::Empty
        } else {
            Cell::Text(s)
        }
    }

    /// A date when `s` is a full `YYYY-MM-DD` date; otherwise (a month `YYYY-MM`, or anything
    /// else a file holds) the text as written.
    pub(super) fn date(s: &str) -> Cell {
        if iso_date(s).is_some() {
            Cell::Date(s.to_owned())
        } else {
            Cell::text(s)
        }
    }

    /// The cell as a reader sees it: the text an office suite shows (and caches in the file).
    fn shown(&self, lang: Lang) -> String {
        match self {
            Cell::Empty => String::new(),
            Cell::Text(s) => s.clone(),
            Cell::Number(n) => signed(*n, |a| thousands(a, lang)),
            Cell::PerMille(n) => signed(*n, |a| super::percent(u32::try_from(a).unwrap_or(u32::MAX), lang)),
            Cell::Euros(n) => signed(*n, |a| super::euros(a, lang)),
            Cell::Date(s) => iso_date(s).map_or_else(|| s.clone(), |(y, m, d)| date_words(y, m, d, lang)),
        }
    }
}

/// A negative amount shown with a minus sign before `show` of its absolute value.
fn signed(n: i64, show: impl Fn(u64) -> String) -> String {
    let shown = show(n.unsigned_abs());
    if n < 0 {
        format!("-{shown}")
    } else {
        shown
    }
}

/// The year, month and day of a `YYYY-MM-DD` date with a month 1–12 and a day 1–31.
fn iso_date(s: &str) -> Option<(u32, u32, u32)> {
    let b = s.as_bytes();
    let digits = |r: std::ops::Range<usize>| b[r].iter().all(u8::is_ascii_digit);
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' || !digits(0..4) || !digits(5..7) || !digits(8..10) {
        return None;
    }
    let (y, m, d) = (s[0..4].parse().ok()?, s[5..7].parse().ok()?, s[8..10].parse().ok()?);
    ((1..=12).contains(&m) && (1..=31).contains(&d)).then_some((y, m, d))
}

/// A date as people write it: « 31 mars 2026 », "31 March 2026".
fn date_words(y: u32, m: u32, d: u32, lang: Lang) -> String {
    const FR: [&str; 12] = [
        "janvier",
        "février",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "août",
        "septembre",
        "octobre",
        "novembre",
        "décembre",
    ];
    const EN: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    let names = match lang {
        Lang::Fr => FR,
        Lang::En => EN,
    };
    let month = names[(m as usize).clamp(1, 12) - 1];
    match (lang, d) {
        (Lang::Fr, 1) => format!("1er {month} {y}"),
        _ => format!("{d} {month} {y}"),
    }
}

/// A sheet: its name (the tab), its header row and its rows.
pub(super) struct Sheet {
    pub(super) name: String,
    pub(super) header: Vec<String>,
    pub(super) rows: Vec<Vec<Cell>>,
}

/// A value out of 1000 as an OpenDocument decimal: `623` → `0.623`, `-25` → `-0.025`.
fn per_mille_value(n: i64) -> String {
    let sign = if n < 0 { "-" } else { "" };
    let a = n.unsigned_abs();
    format!("{sign}{}.{:03}", a / 1000, a % 1000)
}

/// The widest column, in hundredths of a centimetre: longer text overflows into the next cell or
/// is cut, as in any spreadsheet.
const MAX_WIDTH: u64 = 1200;

/// A column's width in hundredths of a centimetre: its longest cell at about 0.2 cm a character
/// (the header's, in bold, at 0.22), plus the cell's padding, between 1.5 cm and [`MAX_WIDTH`].
fn column_width(header: &str, shown: impl Iterator<Item = usize>) -> u64 {
    let count = |n: usize| u64::try_from(n).unwrap_or(u64::MAX);
    let head = count(header.chars().count()).saturating_mul(22);
    let cells = shown.map(|n| count(n).saturating_mul(20)).max().unwrap_or(0);
    (head.max(cells) + 40).clamp(150, MAX_WIDTH)
}

/// The number styles and cell styles of every sheet, in the document's language.
fn data_styles(lang: Lang) -> String {
    let (locale, percent_sign, euro_before) = match lang {
        Lang::Fr => (r#"number:language="fr" number:country="FR""#, "\u{a0}%", false),
        Lang::En => (r#"number:language="en" number:country="GB""#, "%", true),
    };
    let symbol = format!(r#"<number:currency-symbol {locale}>€</number:currency-symbol>"#);
    let amount = r#"<number:number number:decimal-places="0" number:min-decimal-places="0" number:min-integer-digits="1" number:grouping="true"/>"#;
    let currency = if euro_before {
        format!("{symbol}{amount}")
    } else {
        format!("{amount}<number:text>\u{a0}</number:text>{symbol}")
    };
    format!(
        r#"<number:number-style style:name="N-int" {locale}>{amount}</number:number-style>
<number:percentage-style style:name="N-pct" {locale}><number:number number:decimal-places="1" number:min-decimal-places="1" number:min-integer-digits="1"/><number:text>{percent_sign}</number:text></number:percentage-style>
<number:currency-style style:name="N-eur" {locale}>{currency}</number:currency-style>
<number:date-style style:name="N-date" {locale}><number:day/><number:text> </number:text><number:month number:textual="true" number:style="long"/><number:text> </number:text><number:year number:style="long"/></number:date-style>
<style:style style:name="ce-head" style:family="table-cell"><style:text-properties fo:font-weight="bold"/></style:style>
<style:style style:name="ce-int" style:family="table-cell" style:data-style-name="N-int"/>
<style:style style:name="ce-pct" style:family="table-cell" style:data-style-name="N-pct"/>
<style:style style:name="ce-eur" style:family="table-cell" style:data-style-name="N-eur"/>
<style:style style:name="ce-date" style:family="table-cell" style:data-style-name="N-date"/>
"#
    )
}

/// One cell as XML: its type, its value for the spreadsheet, and the text it shows.
fn write_cell(o: &mut String, cell: &Cell, lang: Lang) {
    let (style, attributes) = match cell {
        Cell::Empty => {
            o.push_str("<table:table-cell/>");
            return;
        }
        Cell::Text(_) => ("", r#"office:value-type="string""#.to_owned()),
        Cell::Number(n) => ("ce-int", format!(r#"office:value-type="float" office:value="{n}""#)),
        Cell::PerMille(n) => (
            "ce-pct",
            format!(
                r#"office:value-type="percentage" office:value="{}""#,
                per_mille_value(*n)
            ),
        ),
        Cell::Euros(n) => (
            "ce-eur",
            format!(r#"office:value-type="currency" office:currency="EUR" office:value="{n}""#),
        ),
        Cell::Date(d) => (
            "ce-date",
            format!(r#"office:value-type="date" office:date-value="{d}""#),
        ),
    };
    let style = if style.is_empty() {
        String::new()
    } else {
        format!(r#" table:style-name="{style}""#)
    };
    let _ = write!(
        o,
        "<table:table-cell{style} {attributes}><text:p>{}</text:p></table:table-cell>",
        escape_xml(&cell.shown(lang))
    );
}

/// The spreadsheet of `sheets`, titled `title`, in `lang`.
pub(super) fn spreadsheet(title: &str, lang: Lang, sheets: &[Sheet]) -> Vec<u8> {
    let mut columns = String::new();
    let mut body = String::new();
    for (s, sheet) in sheets.iter().enumerate() {
        let _ = write!(body, r#"<table:table table:name="{}">"#, escape_xml(&sheet.name));
        for (c, header) in sheet.header.iter().enumerate() {
            let shown: Vec<String> = sheet
                .rows
                .iter()
                .filter_map(|r| r.get(c))
                .map(|cell| cell.shown(lang))
                .collect();
            let width = column_width(header, shown.iter().map(|t| t.chars().count()));
            let _ = writeln!(
                columns,
                r#"<style:style style:name="co{s}-{c}" style:family="table-column"><style:table-column-properties style:column-width="{}.{:02}cm"/></style:style>"#,
                width / 100,
                width % 100
            );
            let _ = write!(body, r#"<table:table-column table:style-name="co{s}-{c}"/>"#);
        }
        body.push_str("\n<table:table-header-rows><table:table-row>");
        for h in &sheet.header {
            let _ = write!(
                body,
                r#"<table:table-cell table:style-name="ce-head" office:value-type="string"><text:p>{}</text:p></table:table-cell>"#,
                escape_xml(h)
            );
        }
        body.push_str("</table:table-row></table:table-header-rows>\n");
        for row in &sheet.rows {
            body.push_str("<table:table-row>");
            for cell in row {
                write_cell(&mut body, cell, lang);
            }
            body.push_str("</table:table-row>\n");
        }
        body.push_str("</table:table>\n");
    }
    let content = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?>
<office:document-content {NAMESPACES}>
<office:automatic-styles>
{}{columns}</office:automatic-styles>
<office:body><office:spreadsheet>
{body}</office:spreadsheet></office:body>
</office:document-content>
"#,
        data_styles(lang)
    );
    let language = match lang {
        Lang::Fr => r#"fo:language="fr" fo:country="FR""#,
        Lang::En => r#"fo:language="en" fo:country="GB""#,
    };
    let styles = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?>
<office:document-styles {NAMESPACES}>
 <office:styles><style:default-style style:family="table-cell"><style:text-properties {language}/></style:default-style></office:styles>
</office:document-styles>
"#
    );
    zip_stored(&[
        ("mimetype", ODS_MIME.as_bytes()),
        (
            "META-INF/manifest.xml",
            manifest_xml(ODS_MIME, &["meta.xml", "settings.xml", "styles.xml", "content.xml"]).as_bytes(),
        ),
        (
            "meta.xml",
            meta_xml(title, lang, &format!("tnl-engine {}", crate::VERSION)).as_bytes(),
        ),
        ("settings.xml", settings(sheets).as_bytes()),
        ("styles.xml", styles.as_bytes()),
        ("content.xml", content.as_bytes()),
    ])
}

const NAMESPACES: &str = r#"xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:number="urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" office:version="1.3""#;

/// The view settings: on every sheet the header row is frozen (the window split under row 1,
/// `VerticalSplitMode` 2 with `VerticalSplitPosition` 1, no split between columns), so it stays
/// in sight while the rows scroll. These are LibreOffice's settings, which other suites read too.
fn settings(sheets: &[Sheet]) -> String {
    let mut tables = String::new();
    for sheet in sheets {
        let _ = write!(
            tables,
            r#"<config:config-item-map-entry config:name="{}"><config:config-item config:name="HorizontalSplitMode" config:type="short">0</config:config-item><config:config-item config:name="VerticalSplitMode" config:type="short">2</config:config-item><config:config-item config:name="HorizontalSplitPosition" config:type="int">0</config:config-item><config:config-item config:name="VerticalSplitPosition" config:type="int">1</config:config-item><config:config-item config:name="ActiveSplitRange" config:type="short">2</config:config-item><config:config-item config:name="PositionLeft" config:type="int">0</config:config-item><config:config-item config:name="PositionRight" config:type="int">0</config:config-item><config:config-item config:name="PositionTop" config:type="int">0</config:config-item><config:config-item config:name="PositionBottom" config:type="int">1</config:config-item></config:config-item-map-entry>"#,
            escape_xml(&sheet.name)
        );
    }
    let first = sheets.first().map(|s| escape_xml(&s.name)).unwrap_or_default();
    format!(
        r#"<?xml version="1.0" encoding="UTF-8"?>
<office:document-settings xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:config="urn:oasis:names:tc:opendocument:xmlns:config:1.0" office:version="1.3">
<office:settings><config:config-item-set config:name="ooo:view-settings"><config:config-item-map-indexed config:name="Views"><config:config-item-map-entry><config:config-item config:name="ViewId" config:type="string">view1</config:config-item><config:config-item-map-named config:name="Tables">{tables}</config:config-item-map-named><config:config-item config:name="ActiveTable" config:type="string">{first}</config:config-item></config:config-item-map-entry></config:config-item-map-indexed></config:config-item-set></office:settings>
</office:document-settings>
"#
    )
}

/// How a territory table names what its CSV cells hold by id.
pub struct TableNames<'a> {
    /// The title of a domain, by id (for the `domain:ID` columns).
    pub domain: &'a dyn Fn(&str) -> Option<String>,
    /// The title of a tier, by id (shown beside the `secured`, `likely` and `reachable` columns).
    pub tier: &'a dyn Fn(&str) -> Option<String>,
}

/// A column of the territory sheet: which CSV column it shows, how its cells are typed, and
/// what its header says.
struct Column {
    source: usize,
    label: String,
    kind: ColumnKind,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum ColumnKind {
    /// Text as written.
    Text,
    /// Whole numbers.
    Number,
    /// Out of 1000, as a percentage.
    PerMille,
    /// Whole euros.
    Euros,
    /// A contract end.
    Date,
    /// `commune`, `syndicat`…: shown by its name.
    EntityKind,
    /// `answers` or `inventory`: shown in words.
    RowType,
    /// A tier id, shown by its title.
    TierTitle,
}

/// The header and the type of a territory column, from its name in [`super::summary_header`],
/// [`super::deps_summary_header`] or `tnl batch` (`source`, `type`, `error`). A column this
/// table does not know (one added later) keeps its name as header, and its cells are numbers
/// when they are whole numbers, text otherwise.
fn territory_column(name: &str, names: &TableNames<'_>, lang: Lang) -> (String, ColumnKind) {
    use ColumnKind::*;
    let (fr, en, kind) = match name {
        "source" => ("Fichier", "Input", Text),
        "type" => ("Type de fichier", "Input type", RowType),
        "name" => ("Collectivité", "Collectivité", Text),
        "kind" => ("Catégorie", "Kind", EntityKind),
        "population" => ("Habitants", "Inhabitants", Number),
        "edition" => ("Édition", "Edition", Text),
        "secured" => ("Niveau acquis (identifiant)", "Secured tier (id)", Text),
        "likely" => ("Estimation probable (identifiant)", "Likely estimate (id)", Text),
        "reachable" => ("Niveau atteignable (identifiant)", "Reachable tier (id)", Text),
        "score" => ("Score global", "Overall score", PerMille),
        "completeness" => ("Complétude", "Completeness", PerMille),
        "next_step" => ("Prochaine étape (identifiant)", "Next step (id)", Text),
        "next_step_title" => ("Prochaine étape", "Next step", Text),
        "functions_listed" => ("Fonctions inventoriées", "Functions listed", Number),
        "free_function_share" => ("Part des fonctions libres", "Share of free functions", PerMille),
        "free_seat_share" => (
            "Part des postes sur du libre",
            "Share of seats on free software",
            PerMille,
        ),
        "yearly_cost" => ("Coût annuel", "Yearly cost", Euros),
        "proprietary_cost" => ("Coût annuel propriétaire", "Proprietary yearly cost", Euros),
        "extra_eu_functions" => ("Fonctions exposées hors UE", "Functions with extra-EU exposure", Number),
        "extra_eu_cost" => (
            "Coût annuel exposé hors UE",
            "Yearly cost with extra-EU exposure",
            Euros,
        ),
        "hhi_seats" => ("Indice HHI sur les postes", "HHI by seats", Number),
        "top_vendor" => ("Premier éditeur propriétaire", "Largest proprietary vendor", Text),
        "next_contract_end" => ("Prochaine fin de contrat", "Next contract end", Date),
        "error" => ("Erreur", "Error", Text),
        other => {
            if let Some(id) = other.strip_prefix("domain:") {
                let title = (names.domain)(id).unwrap_or_else(|| id.to_owned());
                let label = format!("{}{}{title}", tr(lang, "Domaine", "Domain"), colon(lang));
                return (label, PerMille);
            }
            return (other.to_owned(), Number);
        }
    };
    (tr(lang, fr, en).to_owned(), kind)
}

/// The columns of the territory sheet: one per CSV column, and each tier's title before the
/// tier's id, so that a reader sees a name where the CSV has an id.
fn territory_columns(header: &[String], names: &TableNames<'_>, lang: Lang) -> Vec<Column> {
    let mut columns = Vec::with_capacity(header.len() + 1);
    for (source, name) in header.iter().enumerate() {
        // Each end of the estimate by its title, its id beside it.
        let title = match name.as_str() {
            "secured" => Some(tr(lang, "Niveau acquis", "Secured tier")),
            "likely" => Some(tr(lang, "Estimation probable", "Likely estimate")),
            "reachable" => Some(tr(lang, "Niveau atteignable", "Reachable tier")),
            _ => None,
        };
        if let Some(label) = title {
            columns.push(Column {
                source,
                label: label.to_owned(),
                kind: ColumnKind::TierTitle,
            });
        }
        let (label, kind) = territory_column(name, names, lang);
        columns.push(Column { source, label, kind });
    }
    columns
}

/// One territory cell from its CSV text, typed by its column. Text that is not what the column
/// holds (a reason in place of a number) stays text.
fn territory_cell(text: &str, kind: ColumnKind, names: &TableNames<'_>, lang: Lang) -> Cell {
    let number = text.parse::<i64>().ok();
    match (kind, number) {
        (_, None) if text.is_empty() => Cell::Empty,
        (ColumnKind::Number, Some(n)) => Cell::Number(n),
        (ColumnKind::PerMille, Some(n)) => Cell::PerMille(n),
        (ColumnKind::Euros, Some(n)) => Cell::Euros(n),
        (ColumnKind::Date, _) => Cell::date(text),
        (ColumnKind::EntityKind, _) => {
            Cell::text(crate::Kind::parse(text).map_or_else(|| text.to_owned(), |k| k.label().get(lang).to_owned()))
        }
        (ColumnKind::RowType, _) => Cell::text(match text {
            "answers" => tr(lang, "réponses", "answers"),
            "inventory" => tr(lang, "inventaire", "inventory"),
            other => other,
        }),
        (ColumnKind::TierTitle, _) => Cell::text((names.tier)(text).unwrap_or_else(|| text.to_owned())),
        _ => Cell::text(text),
    }
}

/// The territory table as a spreadsheet: `header` and `rows` are the columns and cells of the
/// CSV (`tnl batch`, the app's territory table), so the sheet follows every column the CSV has;
/// each column gets a header in words and its cells their type (see the column table in this
/// module). `names` gives the titles of domains and tiers, so that the sheet names them where
/// the CSV has ids (the ids keep their columns). A second sheet carries the notice: these are
/// estimates, not the jury's decisions.
pub fn summary_ods(header: &[String], rows: &[Vec<String>], names: &TableNames<'_>, lang: Lang) -> Vec<u8> {
    let columns = territory_columns(header, names, lang);
    let table = Sheet {
        name: tr(lang, "Territoire", "Territory").to_owned(),
        header: columns.iter().map(|c| c.label.clone()).collect(),
        rows: rows
            .iter()
            .map(|r| {
                columns
                    .iter()
                    .map(|c| {
                        let text = r.get(c.source).map_or("", String::as_str);
                        territory_cell(text, c.kind, names, lang)
                    })
                    .collect()
            })
            .collect(),
    };
    let notice = Sheet {
        name: tr(lang, "À lire", "Read me").to_owned(),
        header: vec![tr(lang, "Avertissement", "Notice").to_owned()],
        rows: vec![
            vec![Cell::text(super::summary_notice(lang))],
            vec![Cell::text(tr(
                lang,
                "Scores, complétude et parts en pourcentage ; coûts en euros par an.",
                "Scores, completeness and shares as percentages; costs in euros a year.",
            ))],
        ],
    };
    spreadsheet(
        tr(
            lang,
            "Territoire : synthèse des auto-évaluations Territoire Numérique Libre",
            "Territory: Territoire Numérique Libre self-assessments",
        ),
        lang,
        &[table, notice],
    )
}

/// The comparison as a spreadsheet, in the rows of [`super::comparison_csv`]: tier, overall
/// score, completeness and each domain before and after with the change (percentages, a
/// negative change as a negative number), then the criteria newly met, no longer met, and whose
/// points changed (points as numbers).
pub fn comparison_ods(c: &Comparison, lang: Lang) -> Vec<u8> {
    let section = |fr, en| Cell::text(tr(lang, fr, en));
    let title = |t: &Option<crate::Text>| {
        Cell::text(t.as_ref().map_or_else(
            || tr(lang, "aucun niveau", "no tier").to_owned(),
            |t| t.get(lang).to_owned(),
        ))
    };
    let opt = |v: Option<u32>| v.map_or(Cell::Empty, |x| Cell::PerMille(i64::from(x)));
    let mut rows = vec![
        vec![
            section("Avertissement", "Notice"),
            Cell::Empty,
            Cell::text(super::compare::notice(lang)),
            Cell::Empty,
            Cell::Empty,
            Cell::Empty,
        ],
        vec![
            section("Collectivité", "Collectivité"),
            Cell::Empty,
            Cell::text(c.new.name.clone()),
            Cell::text(c.old.name.clone()),
            Cell::text(c.new.name.clone()),
            Cell::Empty,
        ],
        vec![
            section("Édition", "Edition"),
            Cell::Empty,
            Cell::Empty,
            Cell::text(c.old.edition.clone()),
            Cell::text(c.new.edition.clone()),
            Cell::Empty,
        ],
        vec![
            section("Niveau", "Tier"),
            Cell::Empty,
            Cell::text(super::tier_change(c, lang)),
            title(&c.old.tier_title),
            title(&c.new.tier_title),
            c.tier_change.map_or(Cell::Empty, |n| Cell::Number(i64::from(n))),
        ],
        vec![
            section("Score global", "Overall score"),
            Cell::Empty,
            Cell::Empty,
            Cell::PerMille(i64::from(c.old.score)),
            Cell::PerMille(i64::from(c.new.score)),
            Cell::PerMille(i64::from(c.score_delta)),
        ],
        vec![
            section("Complétude", "Completeness"),
            Cell::Empty,
            Cell::Empty,
            Cell::PerMille(i64::from(c.old.completeness)),
            Cell::PerMille(i64::from(c.new.completeness)),
            Cell::PerMille(i64::from(c.completeness_delta)),
        ],
    ];
    for d in &c.domains {
        rows.push(vec![
            section("Domaine", "Domain"),
            Cell::text(d.id.clone()),
            Cell::text(d.title.get(lang)),
            opt(d.old),
            opt(d.new),
            d.delta.map_or(Cell::Empty, |x| Cell::PerMille(i64::from(x))),
        ]);
    }
    let criteria = [
        (
            &c.newly_met,
            tr(lang, "Critère nouvellement atteint", "Criterion newly met"),
        ),
        (
            &c.newly_lost,
            tr(lang, "Critère qui n'est plus atteint", "Criterion no longer met"),
        ),
    ];
    for (list, name) in criteria {
        for x in list {
            rows.push(vec![
                Cell::text(name),
                Cell::text(x.id.clone()),
                Cell::text(x.title.get(lang)),
                Cell::Empty,
                Cell::Empty,
                Cell::Empty,
            ]);
        }
    }
    for x in &c.changed {
        rows.push(vec![
            section("Points du critère", "Points of the criterion"),
            Cell::text(x.id.clone()),
            Cell::text(x.title.get(lang)),
            Cell::Number(i64::from(x.old)),
            Cell::Number(i64::from(x.new)),
            Cell::Number(i64::from(x.new) - i64::from(x.old)),
        ]);
    }
    let sheet = Sheet {
        name: tr(lang, "Progression", "Progress").to_owned(),
        header: [
            tr(lang, "Rubrique", "Section"),
            tr(lang, "Identifiant", "Id"),
            tr(lang, "Libellé", "Label"),
            tr(lang, "Avant", "Before"),
            tr(lang, "Après", "After"),
            tr(lang, "Évolution", "Change"),
        ]
        .map(str::to_owned)
        .to_vec(),
        rows,
    };
    let doc_title = format!("{} — {}", tr(lang, "Progression", "Progress"), c.new.name);
    spreadsheet(&doc_title, lang, &[sheet])
}

/// The dependency map as a spreadsheet: a summary sheet (the notices, then the headline figures:
/// free shares, exposure, concentration, yearly cost), the inventory's lines (one row per
/// product with its function, vendor, licence, seats, share, yearly cost, exposure and contract
/// end) and the cost scenarios (one row per scenario, a column per year, the five-year total and
/// the gap over stable prices, all in euros).
pub fn deps_ods(r: &DependencyReport, lang: Lang) -> Vec<u8> {
    let s = &r.summary;
    let x = &r.exposure;
    let pm = |v: u32| Cell::PerMille(i64::from(v));
    let n = |v: u64| Cell::Number(i64::try_from(v).unwrap_or(i64::MAX));
    let eur = |v: u64| Cell::Euros(i64::try_from(v).unwrap_or(i64::MAX));
    let facts: Vec<(&str, Cell)> = vec![
        (
            tr(lang, "Avertissement", "Notice"),
            Cell::text(super::deps::scenarios_notice(lang)),
        ),
        (tr(lang, "Précaution", "Disclaimer"), Cell::text(r.disclaimer.get(lang))),
        (
            tr(lang, "Collectivité", "Collectivité"),
            Cell::text(r.profile.name.clone()),
        ),
        (
            tr(lang, "Fonctions inventoriées", "Functions listed"),
            n(s.functions_listed.into()),
        ),
        (
            tr(lang, "Fonctions libres", "Free functions"),
            n(s.functions_free.into()),
        ),
        (
            tr(lang, "Fonctions mixtes", "Mixed functions"),
            n(s.functions_mixed.into()),
        ),
        (
            tr(lang, "Fonctions propriétaires", "Proprietary functions"),
            n(s.functions_proprietary.into()),
        ),
        (
            tr(lang, "Part des fonctions libres", "Share of free functions"),
            pm(s.free_function_share),
        ),
        (tr(lang, "Postes", "Seats"), n(s.seats_total)),
        (
            tr(lang, "Postes sur du libre", "Seats on free software"),
            n(s.seats_free),
        ),
        (
            tr(lang, "Part des postes sur du libre", "Share of seats on free software"),
            s.free_seat_share.map_or(Cell::Empty, pm),
        ),
        (tr(lang, "Coût annuel", "Yearly cost"), eur(s.yearly_cost)),
        (
            tr(lang, "Coût annuel propriétaire", "Proprietary yearly cost"),
            eur(x.proprietary_cost),
        ),
        (
            tr(lang, "Fonctions exposées hors UE", "Functions with extra-EU exposure"),
            n(x.extra_eu_functions.into()),
        ),
        (
            tr(lang, "Postes exposés hors UE", "Seats with extra-EU exposure"),
            n(x.extra_eu_seats),
        ),
        (
            tr(lang, "Coût annuel exposé hors UE", "Yearly cost with extra-EU exposure"),
            eur(x.extra_eu_cost),
        ),
        (
            tr(lang, "Indice HHI sur les postes", "HHI by seats"),
            n(r.concentration.hhi_seats.into()),
        ),
        (
            tr(lang, "Premier éditeur propriétaire", "Largest proprietary vendor"),
            Cell::text(r.concentration.top_vendor.clone().unwrap_or_default()),
        ),
    ];
    let summary = Sheet {
        name: tr(lang, "Synthèse", "Summary").to_owned(),
        header: vec![
            tr(lang, "Indicateur", "Figure").to_owned(),
            tr(lang, "Valeur", "Value").to_owned(),
        ],
        rows: facts
            .into_iter()
            .map(|(label, value)| vec![Cell::text(label), value])
            .collect(),
    };

    let mut items = Vec::new();
    for f in &r.functions {
        for i in &f.items {
            let contract_end = r
                .migration_windows
                .iter()
                .find(|w| w.function == f.function && w.index == i.index)
                .map_or(Cell::Empty, |w| Cell::date(&w.contract_end));
            items.push(vec![
                Cell::text(f.label.get(lang)),
                Cell::text(i.name.clone()),
                Cell::text(i.product.clone().unwrap_or_default()),
                Cell::text(i.vendor.clone()),
                Cell::text(super::deps::free_label(i.free, lang)),
                Cell::text(super::deps::zone_label(i.zone, lang)),
                Cell::text(i.hosting.map_or("", |h| super::deps::hosting_label(h, lang))),
                i.seats.map_or(Cell::Empty, n),
                pm(i.share),
                i.yearly_cost.map_or(Cell::Empty, eur),
                Cell::text(super::deps::yes_no(i.extra_eu, lang)),
                contract_end,
            ]);
        }
    }
    let inventory = Sheet {
        name: tr(lang, "Inventaire", "Inventory").to_owned(),
        header: [
            tr(lang, "Fonction", "Function"),
            tr(lang, "Produit", "Product"),
            tr(lang, "Identifiant catalogue", "Catalogue id"),
            tr(lang, "Éditeur", "Vendor"),
            tr(lang, "Licence", "Licence"),
            tr(lang, "Zone de l'éditeur", "Vendor's zone"),
            tr(lang, "Hébergement", "Hosting"),
            tr(lang, "Postes", "Seats"),
            tr(lang, "Part de la fonction", "Share of the function"),
            tr(lang, "Coût annuel", "Yearly cost"),
            tr(lang, "Exposé hors UE", "Extra-EU exposure"),
            tr(lang, "Fin de contrat", "Contract end"),
        ]
        .map(str::to_owned)
        .to_vec(),
        rows: items,
    };

    let scenarios = Sheet {
        name: tr(lang, "Scénarios de coûts", "Cost scenarios").to_owned(),
        header: super::deps::projection_header(lang),
        rows: r
            .projections
            .iter()
            .map(|p| {
                let mut row = vec![Cell::text(p.label.get(lang))];
                row.extend(p.years.iter().map(|&y| eur(y)));
                row.push(eur(p.five_year_total));
                row.push(Cell::Euros(p.increase_over_stable));
                row
            })
            .collect(),
    };
    spreadsheet(&super::deps::title(r, lang), lang, &[summary, inventory, scenarios])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn per_mille_values_are_decimals() {
        assert_eq!(per_mille_value(623), "0.623");
        assert_eq!(per_mille_value(1000), "1.000");
        assert_eq!(per_mille_value(-25), "-0.025");
        assert_eq!(per_mille_value(0), "0.000");
    }

    #[test]
    fn dates_are_checked_and_written_in_words() {
        assert_eq!(Cell::date("2026-03-31"), Cell::Date("2026-03-31".into()));
        assert_eq!(Cell::date("2026-03"), Cell::Text("2026-03".into()));
        assert_eq!(Cell::date("2026-13-01"), Cell::Text("2026-13-01".into()));
        assert_eq!(Cell::date("2026-1-011"), Cell::Text("2026-1-011".into()));
        assert_eq!(Cell::date("2026-03-31").shown(Lang::Fr), "31 mars 2026");
        assert_eq!(Cell::date("2026-10-01").shown(Lang::Fr), "1er octobre 2026");
        assert_eq!(Cell::date("2026-10-01").shown(Lang::En), "1 October 2026");
    }

    #[test]
    fn negative_cells_show_their_sign() {
        assert_eq!(Cell::PerMille(-25).shown(Lang::En), "-2.5%");
        assert_eq!(Cell::Euros(-1200).shown(Lang::Fr), "-1\u{202f}200\u{a0}€");
        assert_eq!(Cell::Number(-2).shown(Lang::En), "-2");
    }

    #[test]
    fn a_column_fits_its_longest_cell_up_to_a_cap() {
        assert_eq!(column_width("a", [1].into_iter()), 150);
        assert!(column_width("Score", [30].into_iter()) > column_width("Score", [10].into_iter()));
        assert_eq!(column_width("x", [500].into_iter()), MAX_WIDTH);
    }
}
