//! Year-over-year comparison renderers.

use super::format::ods::{spreadsheet, Cell, Sheet};
use super::{csv_line, delta_points, escape_html, escape_markdown, percent, tr};
use crate::compare::{Comparison, Side};
use crate::text::Lang;
use std::fmt::Write as _;

pub(super) fn notice(lang: Lang) -> &'static str {
    tr(
        lang,
        "Comparaison de deux estimations, pas des décisions du jury du label.",
        "Comparison of two estimates, not of the label jury's decisions.",
    )
}

fn side_tier(s: &Side, lang: Lang) -> String {
    s.tier_title.as_ref().map_or_else(
        || tr(lang, "aucun niveau", "no tier").to_owned(),
        |t| t.get(lang).to_owned(),
    )
}

/// The tier change in words: `inchangé`, `+1 niveau`, `−2 niveaux` (a true minus sign), or why
/// there is none (the two editions have different tier ladders). The app shows the same.
pub fn tier_change(c: &Comparison, lang: Lang) -> String {
    match c.tier_change {
        Some(0) => tr(lang, "inchangé", "unchanged").to_owned(),
        Some(n) => {
            let sign = if n > 0 { "+" } else { "\u{2212}" };
            let unit = if n.unsigned_abs() == 1 {
                tr(lang, "niveau", "tier")
            } else {
                tr(lang, "niveaux", "tiers")
            };
            format!("{sign}{} {unit}", n.unsigned_abs())
        }
        None => tr(
            lang,
            "non comparable (barèmes différents)",
            "not comparable (different tier ladders)",
        )
        .to_owned(),
    }
}

/// A per-domain change, or `—` when one side has no such domain.
pub fn domain_delta(delta: Option<i32>, lang: Lang) -> String {
    delta.map_or_else(|| "—".to_owned(), |d| delta_points(d, lang))
}

/// How many questions the two sides share, and how many only one has.
fn shared_counts(c: &Comparison, lang: Lang) -> String {
    let colon = super::colon(lang);
    format!(
        "{}{colon}{} · {}{colon}{} · {}{colon}{}",
        tr(lang, "Questions communes", "Shared questions"),
        c.shared_criteria,
        tr(lang, "seulement avant", "only before"),
        c.only_old.len(),
        tr(lang, "seulement après", "only after"),
        c.only_new.len()
    )
}

fn opt_percent(v: Option<u32>, lang: Lang) -> String {
    v.map_or_else(|| "—".to_owned(), |p| percent(p, lang))
}

/// Renders a comparison as Markdown.
pub fn comparison_markdown(c: &Comparison, lang: Lang) -> String {
    let e = |s: &str| escape_markdown(s);
    let mut o = String::new();
    let _ = writeln!(o, "# {} — {}\n", tr(lang, "Progression", "Progress"), e(&c.new.name));
    let _ = writeln!(o, "> **{}**\n", e(notice(lang)));
    let _ = writeln!(
        o,
        "| | {} ({}) | {} ({}) | {} |\n|---|---|---|---|",
        tr(lang, "Avant", "Before"),
        e(&c.old.edition),
        tr(lang, "Après", "After"),
        e(&c.new.edition),
        tr(lang, "Évolution", "Change")
    );
    let _ = writeln!(
        o,
        "| {} | {} | {} | {} |",
        tr(lang, "Niveau", "Tier"),
        e(&side_tier(&c.old, lang)),
        e(&side_tier(&c.new, lang)),
        e(&tier_change(c, lang))
    );
    let _ = writeln!(
        o,
        "| {} | {} | {} | {} |",
        tr(lang, "Score global", "Overall score"),
        percent(c.old.score, lang),
        percent(c.new.score, lang),
        delta_points(c.score_delta, lang)
    );
    let _ = writeln!(
        o,
        "| {} | {} | {} | {} |",
        tr(lang, "Complétude", "Completeness"),
        percent(c.old.completeness, lang),
        percent(c.new.completeness, lang),
        delta_points(c.completeness_delta, lang)
    );
    for d in &c.domains {
        let _ = writeln!(
            o,
            "| {} | {} | {} | {} |",
            e(d.title.get(lang)),
            opt_percent(d.old, lang),
            opt_percent(d.new, lang),
            domain_delta(d.delta, lang)
        );
    }
    let list = |o: &mut String, title: &str, items: Vec<String>| {
        let _ = writeln!(o, "\n## {title} ({})\n", items.len());
        if items.is_empty() {
            let _ = writeln!(o, "{}", tr(lang, "Aucun.", "None."));
        }
        for i in items {
            let _ = writeln!(o, "- {i}");
        }
    };
    list(
        &mut o,
        tr(lang, "Critères nouvellement atteints", "Criteria newly met"),
        c.newly_met
            .iter()
            .map(|x| {
                format!(
                    "{} ({})",
                    e(x.title.get(lang)),
                    super::format::markdown::code_span(&x.id, false)
                )
            })
            .collect(),
    );
    list(
        &mut o,
        tr(lang, "Critères qui ne sont plus atteints", "Criteria no longer met"),
        c.newly_lost
            .iter()
            .map(|x| {
                format!(
                    "{} ({})",
                    e(x.title.get(lang)),
                    super::format::markdown::code_span(&x.id, false)
                )
            })
            .collect(),
    );
    list(
        &mut o,
        tr(lang, "Autres évolutions de points", "Other changes of points"),
        c.changed
            .iter()
            .map(|x| {
                format!(
                    "{} ({}){}{} → {}",
                    e(x.title.get(lang)),
                    super::format::markdown::code_span(&x.id, false),
                    super::colon(lang),
                    x.old,
                    x.new
                )
            })
            .collect(),
    );
    let _ = writeln!(o, "\n{}", shared_counts(c, lang));
    o
}

/// Renders a comparison as an OpenDocument text (same sections as [`comparison_markdown`]).
pub fn comparison_odt(c: &Comparison, lang: Lang) -> Vec<u8> {
    use super::format::odf::escape_xml;
    use super::format::odt::{package, Doc};
    let mut d = Doc::default();
    let title = format!("{} — {}", tr(lang, "Progression", "Progress"), c.new.name);
    d.heading(1, &title);
    d.notice(notice(lang), "");
    let before = format!("{} ({})", tr(lang, "Avant", "Before"), c.old.edition);
    let after = format!("{} ({})", tr(lang, "Après", "After"), c.new.edition);
    let mut rows = vec![
        vec![
            tr(lang, "Niveau", "Tier").to_owned(),
            side_tier(&c.old, lang),
            side_tier(&c.new, lang),
            tier_change(c, lang),
        ],
        vec![
            tr(lang, "Score global", "Overall score").to_owned(),
            percent(c.old.score, lang),
            percent(c.new.score, lang),
            delta_points(c.score_delta, lang),
        ],
        vec![
            tr(lang, "Complétude", "Completeness").to_owned(),
            percent(c.old.completeness, lang),
            percent(c.new.completeness, lang),
            delta_points(c.completeness_delta, lang),
        ],
    ];
    rows.extend(c.domains.iter().map(|x| {
        vec![
            x.title.get(lang).to_owned(),
            opt_percent(x.old, lang),
            opt_percent(x.new, lang),
            domain_delta(x.delta, lang),
        ]
    }));
    d.table(&["", &before, &after, tr(lang, "Évolution", "Change")], rows);
    let mut list = |title: &str, items: Vec<String>| {
        d.heading(2, &format!("{title} ({})", items.len()));
        if items.is_empty() {
            d.para(tr(lang, "Aucun.", "None."));
        } else {
            d.list(false, items.iter().map(|i| escape_xml(i)));
        }
    };
    list(
        tr(lang, "Critères nouvellement atteints", "Criteria newly met"),
        c.newly_met
            .iter()
            .map(|x| format!("{} ({})", x.title.get(lang), x.id))
            .collect(),
    );
    list(
        tr(lang, "Critères qui ne sont plus atteints", "Criteria no longer met"),
        c.newly_lost
            .iter()
            .map(|x| format!("{} ({})", x.title.get(lang), x.id))
            .collect(),
    );
    let colon = super::colon(lang);
    list(
        tr(lang, "Autres évolutions de points", "Other changes of points"),
        c.changed
            .iter()
            .map(|x| format!("{} ({}){colon}{} → {}", x.title.get(lang), x.id, x.old, x.new))
            .collect(),
    );
    d.para(&shared_counts(c, lang));
    package(&title, lang, &format!("tnl-engine {}", crate::VERSION), &d)
}

/// Renders a comparison as a standalone HTML page (same rules as [`super::html`]).
pub fn comparison_html(c: &Comparison, lang: Lang) -> String {
    let e = |s: &str| escape_html(s);
    let mut o = String::new();
    let title = format!("{} — {}", tr(lang, "Progression", "Progress"), c.new.name);
    let _ = write!(
        o,
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n<title>{}</title>\n<style>\nbody{{font:16px/1.5 system-ui,sans-serif;color:#1a1a1a;background:#fff;max-width:52rem;margin:0 auto;padding:1.5rem}}\n.notice{{border:2px solid #8a5a00;padding:.75rem 1rem}}\ntable{{border-collapse:collapse;width:100%}}th,td{{border:1px solid #767676;padding:.3rem .5rem;text-align:left}}\n@page{{size:A4;margin:15mm}}@media print{{body{{font-size:10.5pt;max-width:none;padding:0}}tr{{break-inside:avoid}}}}\n</style>\n</head>\n<body>\n<main>\n<h1>{}</h1>\n<p class=\"notice\" role=\"note\"><strong>{}</strong></p>\n",
        lang.code(),
        e(&title),
        e(&title),
        e(notice(lang))
    );
    let _ = writeln!(
        o,
        "<table>\n<thead><tr><td></td><th scope=\"col\">{} ({})</th><th scope=\"col\">{} ({})</th><th scope=\"col\">{}</th></tr></thead>\n<tbody>",
        tr(lang, "Avant", "Before"),
        e(&c.old.edition),
        tr(lang, "Après", "After"),
        e(&c.new.edition),
        tr(lang, "Évolution", "Change")
    );
    let mut row = |label: &str, a: String, b: String, d: String| {
        let _ = writeln!(
            o,
            "<tr><th scope=\"row\">{}</th><td>{}</td><td>{}</td><td>{}</td></tr>",
            e(label),
            e(&a),
            e(&b),
            e(&d)
        );
    };
    row(
        tr(lang, "Niveau", "Tier"),
        side_tier(&c.old, lang),
        side_tier(&c.new, lang),
        tier_change(c, lang),
    );
    row(
        tr(lang, "Score global", "Overall score"),
        percent(c.old.score, lang),
        percent(c.new.score, lang),
        delta_points(c.score_delta, lang),
    );
    row(
        tr(lang, "Complétude", "Completeness"),
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
    let _ = writeln!(o, "</tbody>\n</table>");
    let sections: [(&str, Vec<String>); 3] = [
        (
            tr(lang, "Critères nouvellement atteints", "Criteria newly met"),
            c.newly_met.iter().map(|x| x.title.get(lang).to_owned()).collect(),
        ),
        (
            tr(lang, "Critères qui ne sont plus atteints", "Criteria no longer met"),
            c.newly_lost.iter().map(|x| x.title.get(lang).to_owned()).collect(),
        ),
        (
            tr(lang, "Autres évolutions de points", "Other changes of points"),
            c.changed
                .iter()
                .map(|x| format!("{}{}{} → {}", x.title.get(lang), super::colon(lang), x.old, x.new))
                .collect(),
        ),
    ];
    for (t, items) in sections {
        let _ = writeln!(o, "<h2>{} ({})</h2>", e(t), items.len());
        if items.is_empty() {
            let _ = writeln!(o, "<p>{}</p>", tr(lang, "Aucun.", "None."));
        } else {
            let _ = writeln!(o, "<ul>");
            for i in items {
                let _ = writeln!(o, "<li>{}</li>", e(&i));
            }
            let _ = writeln!(o, "</ul>");
        }
    }
    let _ = writeln!(o, "</main>\n</body>\n</html>");
    o
}

/// Renders a comparison as CSV: `section,id,label,old,new,delta`.
pub fn comparison_csv(c: &Comparison, lang: Lang) -> String {
    let mut o = csv_line(&["section", "id", "label", "old", "new", "delta"]);
    let mut row = |cells: [&str; 6]| o.push_str(&csv_line(&cells));
    row(["notice", "", notice(lang), "", "", ""]);
    row(["entity", "", &c.new.name, &c.old.name, &c.new.name, ""]);
    row(["edition", "", "", &c.old.edition, &c.new.edition, ""]);
    let tc = c.tier_change.map(|t| t.to_string()).unwrap_or_default();
    row([
        "tier",
        "",
        tr(lang, "Niveau", "Tier"),
        c.old.tier.as_deref().unwrap_or(""),
        c.new.tier.as_deref().unwrap_or(""),
        &tc,
    ]);
    row([
        "overall",
        "",
        tr(lang, "Score global", "Overall score"),
        &c.old.score.to_string(),
        &c.new.score.to_string(),
        &c.score_delta.to_string(),
    ]);
    row([
        "completeness",
        "",
        tr(lang, "Complétude", "Completeness"),
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
            Cell::text(notice(lang)),
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
