//! The year-over-year comparison, in every format: Markdown, HTML, ODT, CSV and ODS.
//!
//! The content is built once ([`figures`] for the table of figures, [`criteria_lists`] for the
//! criteria that changed) and each format writes it; every label comes from the label table.

use super::format::csv::csv_line;
use super::format::html::escape_html;
use super::format::markdown::{code_span, escape_markdown};
use super::format::ods::{spreadsheet, Cell as SheetCell, Sheet};
use super::format::table::Table;
use super::labels::labels;
use super::words::{colon, delta_points, percent};
use crate::compare::{Comparison, CriterionRef, Side};
use crate::text::{Lang, Text};
use std::fmt::Write as _;

fn side_tier(s: &Side, lang: Lang) -> String {
    tier_title(s.tier_title.as_ref(), lang)
}

/// A tier's title, or « aucun niveau ».
fn tier_title(title: Option<&Text>, lang: Lang) -> String {
    title.map_or_else(|| labels(lang).common.no_tier.to_owned(), |t| t.get(lang).to_owned())
}

/// The tier change in words: `inchangé`, `+1 niveau`, `−2 niveaux` (a true minus sign), or why
/// there is none (the two editions have different tier ladders). The app shows the same.
pub fn tier_change(c: &Comparison, lang: Lang) -> String {
    let l = &labels(lang).comparison;
    match c.tier_change {
        Some(0) => l.unchanged.to_owned(),
        Some(n) => {
            let sign = if n > 0 { "+" } else { "\u{2212}" };
            let unit = if n.unsigned_abs() == 1 {
                l.tier_unit
            } else {
                l.tiers_unit
            };
            format!("{sign}{} {unit}", n.unsigned_abs())
        }
        None => l.not_comparable.to_owned(),
    }
}

/// A per-domain change, or `—` when one side has no such domain.
pub fn domain_delta(delta: Option<i32>, lang: Lang) -> String {
    delta.map_or_else(|| "—".to_owned(), |d| delta_points(d, lang))
}

/// How many questions the two sides share, and how many only one has.
fn shared_counts(c: &Comparison, lang: Lang) -> String {
    let l = &labels(lang).comparison;
    let colon = colon(lang);
    format!(
        "{}{colon}{} · {}{colon}{} · {}{colon}{}",
        l.shared_questions,
        c.shared_criteria,
        l.only_before,
        c.only_old.len(),
        l.only_after,
        c.only_new.len()
    )
}

fn opt_percent(v: Option<u32>, lang: Lang) -> String {
    v.map_or_else(|| "—".to_owned(), |p| percent(p, lang))
}

/// The document's title: « Progression — name ».
fn title(c: &Comparison, lang: Lang) -> String {
    format!("{} — {}", labels(lang).comparison.title, c.new.name)
}

/// The table of figures before and after, with their change: the tier, the overall score, the
/// completeness and each domain. `edition` writes an edition's id in the header (each format
/// escapes it its own way).
fn figures(c: &Comparison, lang: Lang, edition: &dyn Fn(&str) -> String) -> Table {
    let l = labels(lang);
    let mut t = Table::new(vec![
        String::new(),
        format!("{} ({})", l.comparison.before, edition(&c.old.edition)),
        format!("{} ({})", l.comparison.after, edition(&c.new.edition)),
        l.comparison.change.to_owned(),
    ]);
    let mut row = |label: &str, before: String, after: String, change: String| {
        t.row(vec![label.into(), before.into(), after.into(), change.into()]);
    };
    row(
        l.common.tier,
        side_tier(&c.old, lang),
        side_tier(&c.new, lang),
        tier_change(c, lang),
    );
    row(
        l.common.overall_score,
        percent(c.old.score, lang),
        percent(c.new.score, lang),
        delta_points(c.score_delta, lang),
    );
    row(
        l.common.completeness,
        percent(c.old.completeness, lang),
        percent(c.new.completeness, lang),
        delta_points(c.completeness_delta, lang),
    );
    for d in &c.domains {
        row(
            d.title.get(lang),
            opt_percent(d.old, lang),
            opt_percent(d.new, lang),
            domain_delta(d.delta, lang),
        );
    }
    t
}

/// A criterion in a list of the comparison: its title, its id, and its points before and
/// after when they changed without it being met or lost.
struct Criterion<'a> {
    title: &'a str,
    id: &'a str,
    points: Option<(u32, u32)>,
}

impl Criterion<'_> {
    /// The criterion in words, the id written by `id` (or left out), the title by `text`.
    fn words(&self, lang: Lang, text: &dyn Fn(&str) -> String, id: Option<&dyn Fn(&str) -> String>) -> String {
        let mut s = text(self.title);
        if let Some(id) = id {
            let _ = write!(s, " ({})", id(self.id));
        }
        if let Some((old, new)) = self.points {
            let _ = write!(s, "{}{old} → {new}", colon(lang));
        }
        s
    }
}

/// A titled list of criteria.
struct CriteriaList<'a> {
    title: &'static str,
    items: Vec<Criterion<'a>>,
}

/// The three lists: criteria newly met, no longer met, and whose points changed otherwise.
fn criteria_lists<'a>(c: &'a Comparison, lang: Lang) -> [CriteriaList<'a>; 3] {
    let l = &labels(lang).comparison;
    let refs = |list: &'a [CriterionRef]| -> Vec<Criterion<'a>> {
        list.iter()
            .map(|x| Criterion {
                title: x.title.get(lang),
                id: &x.id,
                points: None,
            })
            .collect()
    };
    [
        CriteriaList {
            title: l.newly_met,
            items: refs(&c.newly_met),
        },
        CriteriaList {
            title: l.newly_lost,
            items: refs(&c.newly_lost),
        },
        CriteriaList {
            title: l.other_changes,
            items: c
                .changed
                .iter()
                .map(|x| Criterion {
                    title: x.title.get(lang),
                    id: &x.id,
                    points: Some((x.old, x.new)),
                })
                .collect(),
        },
    ]
}

/// Renders a comparison as Markdown.
pub fn comparison_markdown(c: &Comparison, lang: Lang) -> String {
    let l = labels(lang);
    let e = |s: &str| escape_markdown(s);
    let mut o = String::new();
    let _ = writeln!(o, "# {} — {}\n", l.comparison.title, e(&c.new.name));
    let _ = writeln!(o, "> **{}**\n", e(l.comparison.notice));
    figures(c, lang, &str::to_owned).markdown(&mut o);
    let id = |s: &str| code_span(s, false);
    for list in criteria_lists(c, lang) {
        let _ = writeln!(o, "\n## {} ({})\n", list.title, list.items.len());
        if list.items.is_empty() {
            let _ = writeln!(o, "{}", l.common.none);
        }
        for x in &list.items {
            let _ = writeln!(o, "- {}", x.words(lang, &e, Some(&id)));
        }
    }
    let _ = writeln!(o, "\n{}", shared_counts(c, lang));
    o
}

/// Renders a comparison as an OpenDocument text (same sections as [`comparison_markdown`]).
pub fn comparison_odt(c: &Comparison, lang: Lang) -> Vec<u8> {
    use super::format::odf::escape_xml;
    use super::format::odt::{package, Doc};
    let l = labels(lang);
    let mut d = Doc::default();
    let title = title(c, lang);
    d.heading(1, &title);
    d.notice(l.comparison.notice, "");
    figures(c, lang, &str::to_owned).odt(&mut d);
    let plain = |s: &str| s.to_owned();
    for list in criteria_lists(c, lang) {
        d.heading(2, &format!("{} ({})", list.title, list.items.len()));
        if list.items.is_empty() {
            d.para(l.common.none);
        } else {
            d.list(
                false,
                list.items
                    .iter()
                    .map(|x| escape_xml(&x.words(lang, &plain, Some(&plain)))),
            );
        }
    }
    d.para(&shared_counts(c, lang));
    package(&title, lang, &format!("tnl-engine {}", crate::VERSION), &d)
}

/// Renders a comparison as a standalone HTML page (same rules as the report's).
pub fn comparison_html(c: &Comparison, lang: Lang) -> String {
    let l = labels(lang);
    let e = |s: &str| escape_html(s);
    let mut o = String::new();
    let title = title(c, lang);
    let _ = write!(
        o,
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n<title>{}</title>\n<style>\nbody{{font:16px/1.5 system-ui,sans-serif;color:#1a1a1a;background:#fff;max-width:52rem;margin:0 auto;padding:1.5rem}}\n.notice{{border:2px solid #8a5a00;padding:.75rem 1rem}}\ntable{{border-collapse:collapse;width:100%}}th,td{{border:1px solid #767676;padding:.3rem .5rem;text-align:left}}\n@page{{size:A4;margin:15mm}}@media print{{body{{font-size:10.5pt;max-width:none;padding:0}}tr{{break-inside:avoid}}}}\n</style>\n</head>\n<body>\n<main>\n<h1>{}</h1>\n<p class=\"notice\" role=\"note\"><strong>{}</strong></p>\n",
        lang.code(),
        e(&title),
        e(&title),
        e(l.comparison.notice)
    );
    figures(c, lang, &e).html(&mut o);
    for list in criteria_lists(c, lang) {
        let _ = writeln!(o, "<h2>{} ({})</h2>", e(list.title), list.items.len());
        if list.items.is_empty() {
            let _ = writeln!(o, "<p>{}</p>", l.common.none);
            continue;
        }
        let _ = writeln!(o, "<ul>");
        for x in &list.items {
            let _ = writeln!(o, "<li>{}</li>", x.words(lang, &e, None));
        }
        let _ = writeln!(o, "</ul>");
    }
    let _ = writeln!(o, "</main>\n</body>\n</html>");
    o
}

/// Renders a comparison as CSV: `section,id,label,old,new,delta`.
pub fn comparison_csv(c: &Comparison, lang: Lang) -> String {
    let l = labels(lang);
    let mut o = csv_line(&["section", "id", "label", "old", "new", "delta"]);
    let mut row = |cells: [&str; 6]| o.push_str(&csv_line(&cells));
    row(["notice", "", l.comparison.notice, "", "", ""]);
    row(["entity", "", &c.new.name, &c.old.name, &c.new.name, ""]);
    row(["edition", "", "", &c.old.edition, &c.new.edition, ""]);
    let tc = c.tier_change.map(|t| t.to_string()).unwrap_or_default();
    row([
        "tier",
        "",
        l.common.tier,
        c.old.tier.as_deref().unwrap_or(""),
        c.new.tier.as_deref().unwrap_or(""),
        &tc,
    ]);
    row([
        "overall",
        "",
        l.common.overall_score,
        &c.old.score.to_string(),
        &c.new.score.to_string(),
        &c.score_delta.to_string(),
    ]);
    row([
        "completeness",
        "",
        l.common.completeness,
        &c.old.completeness.to_string(),
        &c.new.completeness.to_string(),
        &c.completeness_delta.to_string(),
    ]);
    let s = |v: Option<u32>| v.map(|x| x.to_string()).unwrap_or_default();
    for d in &c.domains {
        row([
            "domain",
            &d.id,
            d.title.get(lang),
            &s(d.old),
            &s(d.new),
            &d.delta.map(|x| x.to_string()).unwrap_or_default(),
        ]);
    }
    for x in &c.newly_met {
        row(["newly_met", &x.id, x.title.get(lang), "", "", ""]);
    }
    for x in &c.newly_lost {
        row(["newly_lost", &x.id, x.title.get(lang), "", "", ""]);
    }
    for x in &c.changed {
        row([
            "changed",
            &x.id,
            x.title.get(lang),
            &x.old.to_string(),
            &x.new.to_string(),
            &(i64::from(x.new) - i64::from(x.old)).to_string(),
        ]);
    }
    o
}

/// The spreadsheet's rows of figures: the notice, the collectivité, the editions, the tier, the
/// overall score, the completeness and each domain, before and after with the change.
fn figure_rows(c: &Comparison, lang: Lang) -> Vec<Vec<SheetCell>> {
    use SheetCell::{Empty, Number, PerMille};
    let l = labels(lang);
    let name = |s: &str| SheetCell::text(s);
    let tier = |t: &Option<Text>| SheetCell::text(tier_title(t.as_ref(), lang));
    let per_mille = |v: Option<i32>| v.map_or(Empty, |x| PerMille(i64::from(x)));
    let share = |v: Option<u32>| v.map_or(Empty, |x| PerMille(i64::from(x)));
    let mut rows = vec![
        vec![
            name(l.common.notice),
            Empty,
            name(l.comparison.notice),
            Empty,
            Empty,
            Empty,
        ],
        vec![
            name(l.common.collectivite),
            Empty,
            name(&c.new.name),
            name(&c.old.name),
            name(&c.new.name),
            Empty,
        ],
        vec![
            name(l.common.edition),
            Empty,
            Empty,
            name(&c.old.edition),
            name(&c.new.edition),
            Empty,
        ],
        vec![
            name(l.common.tier),
            Empty,
            SheetCell::text(tier_change(c, lang)),
            tier(&c.old.tier_title),
            tier(&c.new.tier_title),
            c.tier_change.map_or(Empty, |n| Number(i64::from(n))),
        ],
        vec![
            name(l.common.overall_score),
            Empty,
            Empty,
            share(Some(c.old.score)),
            share(Some(c.new.score)),
            per_mille(Some(c.score_delta)),
        ],
        vec![
            name(l.common.completeness),
            Empty,
            Empty,
            share(Some(c.old.completeness)),
            share(Some(c.new.completeness)),
            per_mille(Some(c.completeness_delta)),
        ],
    ];
    rows.extend(c.domains.iter().map(|d| {
        vec![
            name(l.common.domain),
            name(&d.id),
            name(d.title.get(lang)),
            share(d.old),
            share(d.new),
            per_mille(d.delta),
        ]
    }));
    rows
}

/// The spreadsheet's rows of criteria: newly met, no longer met, and whose points changed
/// (points as numbers).
fn criteria_rows(c: &Comparison, lang: Lang) -> Vec<Vec<SheetCell>> {
    use SheetCell::{Empty, Number};
    let l = &labels(lang).comparison;
    let mut rows = Vec::new();
    for (list, name) in [
        (&c.newly_met, l.criterion_newly_met),
        (&c.newly_lost, l.criterion_newly_lost),
    ] {
        rows.extend(list.iter().map(|x| {
            vec![
                SheetCell::text(name),
                SheetCell::text(x.id.as_str()),
                SheetCell::text(x.title.get(lang)),
                Empty,
                Empty,
                Empty,
            ]
        }));
    }
    rows.extend(c.changed.iter().map(|x| {
        vec![
            SheetCell::text(l.criterion_points),
            SheetCell::text(x.id.as_str()),
            SheetCell::text(x.title.get(lang)),
            Number(i64::from(x.old)),
            Number(i64::from(x.new)),
            Number(i64::from(x.new) - i64::from(x.old)),
        ]
    }));
    rows
}

/// The comparison as a spreadsheet, in the rows of [`comparison_csv`]: tier, overall score,
/// completeness and each domain before and after with the change (percentages, a negative
/// change as a negative number), then the criteria newly met, no longer met, and whose points
/// changed (points as numbers).
pub fn comparison_ods(c: &Comparison, lang: Lang) -> Vec<u8> {
    let l = &labels(lang).comparison;
    let mut rows = figure_rows(c, lang);
    rows.extend(criteria_rows(c, lang));
    let sheet = Sheet {
        name: l.title.to_owned(),
        header: [l.section, l.id, l.label, l.before, l.after, l.change]
            .map(str::to_owned)
            .to_vec(),
        rows,
    };
    spreadsheet(&title(c, lang), lang, &[sheet])
}
