//! The dependency report (see `crate::deps`) as Markdown, a standalone HTML page and CSV.
//!
//! Presentation only: every figure comes from the [`DependencyReport`]; the renderers format,
//! escape and draw. The HTML page has the same rules as the label report: inline CSS with an A4
//! print stylesheet, no script, no external resource, every state in words (never a colour
//! alone), charts with `role="img"`, a title and their values repeated in text or in a table.

use super::charts::{cost_chart, deps_map, deps_map_legend, scenario_symbol, status_word as status_label, year_label};
use super::format::html::{diagnostics_html, page_start, table_start, PAGE_END};
use super::format::markdown::diagnostics_markdown;
use super::format::ods::{spreadsheet, Cell, Sheet};
use super::{
    csv_line, escape_html, escape_markdown, euros as eur, percent, signed_euros, summary_markdown_row,
    summary_markdown_rule, thousands, tr,
};
use crate::deps::{CostProjection, DependencyReport, FunctionStatus, Hosting, ItemView, MigrationWindow, Zone};
use crate::text::Lang;
use std::fmt::Write as _;

pub(super) fn title(r: &DependencyReport, lang: Lang) -> String {
    let name = if r.profile.name.trim().is_empty() {
        tr(lang, "Collectivité sans nom", "Unnamed collectivité")
    } else {
        r.profile.name.as_str()
    };
    format!(
        "{} — {}",
        tr(
            lang,
            "Cartographie des dépendances logicielles",
            "Software dependency map"
        ),
        name
    )
}

/// The fixed warning above every rendered dependency report, before its own disclaimer.
pub(super) fn scenarios_notice(lang: Lang) -> &'static str {
    tr(
        lang,
        "Les projections de coûts sont des scénarios, pas des prévisions.",
        "Cost projections are scenarios, not forecasts.",
    )
}

fn opt_eur(n: Option<u64>, lang: Lang) -> String {
    n.map_or_else(|| "—".to_owned(), |n| eur(n, lang))
}

fn status_code(s: FunctionStatus) -> &'static str {
    match s {
        FunctionStatus::Free => "free",
        FunctionStatus::Mixed => "mixed",
        FunctionStatus::Proprietary => "proprietary",
    }
}

pub(super) fn free_label(free: bool, lang: Lang) -> &'static str {
    if free {
        tr(lang, "libre", "free")
    } else {
        tr(lang, "propriétaire", "proprietary")
    }
}

pub(super) fn zone_label(z: Zone, lang: Lang) -> &'static str {
    match z {
        Zone::Fr => tr(lang, "France", "France"),
        Zone::Eu => tr(lang, "Union européenne", "European Union"),
        Zone::ExtraEu => tr(lang, "hors UE", "outside the EU"),
        Zone::Unknown => tr(lang, "inconnue", "unknown"),
    }
}

fn zone_code(z: Zone) -> &'static str {
    match z {
        Zone::Fr => "fr",
        Zone::Eu => "eu",
        Zone::ExtraEu => "extra_eu",
        Zone::Unknown => "unknown",
    }
}

pub(super) fn hosting_label(h: Hosting, lang: Lang) -> &'static str {
    match h {
        Hosting::OnPremises => tr(lang, "sur site", "on premises"),
        Hosting::FrEuHost => tr(lang, "hébergeur France/UE", "French/EU host"),
        Hosting::ExtraEuCloud => tr(lang, "nuage hors UE", "extra-EU cloud"),
    }
}

fn hosting_code(h: Hosting) -> &'static str {
    match h {
        Hosting::OnPremises => "on_premises",
        Hosting::FrEuHost => "fr_eu_host",
        Hosting::ExtraEuCloud => "extra_eu_cloud",
    }
}

pub(super) fn yes_no(b: bool, lang: Lang) -> &'static str {
    if b {
        tr(lang, "oui", "yes")
    } else {
        tr(lang, "non", "no")
    }
}

fn expired_label(w: &MigrationWindow, lang: Lang) -> &'static str {
    match w.expired {
        Some(true) => tr(lang, "échue", "passed"),
        Some(false) => tr(lang, "à venir", "upcoming"),
        None => "—",
    }
}

/// One product of a function, in words: `Windows (Microsoft, propriétaire, 70 postes, hors UE)`.
fn item_text(i: &ItemView, lang: Lang) -> String {
    let mut parts = vec![i.vendor.clone(), free_label(i.free, lang).to_owned()];
    if let Some(s) = i.seats {
        parts.push(format!("{} {}", thousands(s, lang), tr(lang, "postes", "seats")));
    }
    parts.push(format!(
        "{} {}",
        percent(i.share, lang),
        tr(lang, "de la fonction", "of the function")
    ));
    if let Some(c) = i.yearly_cost {
        parts.push(format!("{}{}", eur(c, lang), tr(lang, " par an", " a year")));
    }
    if let Some(h) = i.hosting {
        parts.push(hosting_label(h, lang).to_owned());
    }
    if i.extra_eu {
        parts.push(tr(lang, "exposé hors UE", "extra-EU exposure").to_owned());
    }
    format!("{} ({})", i.name, parts.join(", "))
}

/// The name of an alternative by id, from the replacements of the same item.
fn alternative_names(r: &DependencyReport, w: &MigrationWindow) -> Vec<String> {
    w.alternatives
        .iter()
        .map(|id| {
            r.replacements
                .iter()
                .filter(|x| x.index == w.index)
                .flat_map(|x| &x.alternatives)
                .find(|a| &a.id == id)
                .map_or_else(|| id.clone(), |a| a.name.clone())
        })
        .collect()
}

/// The headline figures, as (label, value) pairs.
fn headline(r: &DependencyReport, lang: Lang) -> Vec<(&'static str, String)> {
    let s = &r.summary;
    let x = &r.exposure;
    vec![
        (
            tr(lang, "Fonctions entièrement libres", "Functions entirely free"),
            format!(
                "{} / {} ({})",
                s.functions_free,
                s.functions_listed,
                percent(s.free_function_share, lang)
            ),
        ),
        (
            tr(lang, "Postes sur du libre", "Seats on free software"),
            match s.free_seat_share {
                Some(p) => format!(
                    "{} / {} ({})",
                    thousands(s.seats_free, lang),
                    thousands(s.seats_total, lang),
                    percent(p, lang)
                ),
                None => tr(lang, "non renseigné", "not given").to_owned(),
            },
        ),
        (
            tr(lang, "Coût annuel des logiciels", "Yearly software cost"),
            eur(s.yearly_cost, lang),
        ),
        (
            tr(lang, "Exposition hors UE", "Extra-EU exposure"),
            format!(
                "{} {}, {}",
                x.extra_eu_functions,
                tr(lang, "fonction(s)", "function(s)"),
                eur(x.extra_eu_cost, lang)
            ),
        ),
    ]
}

/// Rows of the exposure table: label, proprietary, extra-EU.
fn exposure_rows(r: &DependencyReport, lang: Lang) -> [(&'static str, String, String); 3] {
    let x = &r.exposure;
    [
        (
            tr(lang, "Fonctions", "Functions"),
            x.proprietary_functions.to_string(),
            x.extra_eu_functions.to_string(),
        ),
        (
            tr(lang, "Postes", "Seats"),
            thousands(x.proprietary_seats, lang),
            thousands(x.extra_eu_seats, lang),
        ),
        (
            tr(lang, "Coût annuel", "Yearly cost"),
            eur(x.proprietary_cost, lang),
            eur(x.extra_eu_cost, lang),
        ),
    ]
}

/// The concentration paragraph (text from files escaped with `esc`).
fn concentration_text(r: &DependencyReport, lang: Lang, esc: &dyn Fn(&str) -> String) -> String {
    let c = &r.concentration;
    let colon = super::colon(lang);
    let mut s = format!(
        "{}{colon}{} {}, {} {} ({})",
        tr(
            lang,
            "Concentration des dépendances propriétaires (indice de Herfindahl-Hirschman)",
            "Concentration of proprietary dependencies (Herfindahl–Hirschman index)"
        ),
        thousands(u64::from(c.hhi_seats), lang),
        tr(lang, "sur les postes", "by seats"),
        thousands(u64::from(c.hhi_functions), lang),
        tr(lang, "sur les fonctions", "by functions"),
        tr(
            lang,
            "de 0 à 10 000 ; au-delà de 2 500, un marché se lit comme très concentré",
            "0 to 10,000; above 2,500 reads as highly concentrated"
        ),
    );
    if let Some(v) = &c.top_vendor {
        let _ = write!(
            s,
            ". {}{colon}{} ({} {}, {} {})",
            tr(lang, "Premier éditeur propriétaire", "Largest proprietary vendor"),
            esc(v),
            c.top_vendor_functions,
            tr(lang, "fonction(s)", "function(s)"),
            thousands(c.top_vendor_seats, lang),
            tr(lang, "postes", "seats")
        );
    }
    s.push('.');
    s
}

pub(super) fn projection_header(lang: Lang) -> Vec<String> {
    let mut h = vec![tr(lang, "Scénario", "Scenario").to_owned()];
    h.extend((0..=5).map(|y| year_label(y, lang)));
    h.push(tr(lang, "Total ans 1–5", "Total, years 1–5").to_owned());
    h.push(tr(lang, "Écart / prix constants", "Over stable prices").to_owned());
    h
}

fn projection_cells(p: &CostProjection, lang: Lang) -> Vec<String> {
    let mut row = vec![p.label.get(lang).to_owned()];
    row.extend(p.years.iter().map(|&y| eur(y, lang)));
    row.push(eur(p.five_year_total, lang));
    row.push(signed_euros(p.increase_over_stable, lang));
    row
}

fn replacement_text(alt: &crate::deps::AlternativeView, lang: Lang) -> String {
    let mut refs = vec![alt.vendor.clone()];
    if let Some(l) = &alt.licence {
        refs.push(crate::deps::licence_name(l, lang));
    }
    if let Some(id) = alt.sill_id {
        refs.push(format!("SILL {id}"));
    }
    if let Some(id) = alt.comptoir_id {
        refs.push(format!("Comptoir du Libre {id}"));
    }
    format!("{} ({})", alt.name, refs.join(", "))
}

/// Renders a dependency report as an OpenDocument text (the sections of [`deps_markdown`]).
pub fn deps_odt(r: &DependencyReport, lang: Lang) -> Vec<u8> {
    use super::format::odf::escape_xml;
    use super::format::odt::{package, strong, Doc};
    let ident = |s: &str| s.to_owned();
    let colon = super::colon(lang);
    let mut d = Doc::default();
    let title = title(r, lang);
    d.heading(1, &title);
    d.notice(scenarios_notice(lang), r.disclaimer.get(lang));
    let about = [
        format!(
            "{}{colon}{}",
            tr(lang, "Collectivité", "Collectivité"),
            super::who(&r.profile, &r.profile.name, lang, &ident)
        ),
        format!(
            "{}{colon}{} · {}{colon}{}",
            tr(lang, "Catalogue", "Catalogue"),
            r.catalogue_version,
            tr(lang, "Moteur", "Engine"),
            r.engine
        ),
    ];
    d.list(false, about.iter().map(|a| escape_xml(a)));

    d.heading(2, tr(lang, "Synthèse", "Summary"));
    for (label, value) in headline(r, lang) {
        d.fact(label, &value, lang);
    }

    d.heading(2, tr(lang, "Exposition", "Exposure"));
    d.table(
        &[
            "",
            tr(lang, "Propriétaire", "Proprietary"),
            tr(lang, "Exposé hors UE", "Extra-EU exposure"),
        ],
        exposure_rows(r, lang).map(|(label, a, b)| vec![label.to_owned(), a, b]),
    );
    d.para(&concentration_text(r, lang, &ident));

    d.heading(
        2,
        tr(lang, "Carte des dépendances par fonction", "Dependency map by function"),
    );
    if r.functions.is_empty() {
        d.para(tr(
            lang,
            "Aucune fonction inventoriée.",
            "No function in the inventory.",
        ));
    } else {
        d.table(
            &[
                tr(lang, "Fonction", "Function"),
                tr(lang, "Statut", "Status"),
                tr(lang, "Part libre", "Free share"),
                tr(lang, "Exposée hors UE", "Extra-EU exposure"),
                tr(lang, "Produits", "Products"),
            ],
            r.functions.iter().map(|f| {
                let items: Vec<String> = f.items.iter().map(|i| item_text(i, lang)).collect();
                vec![
                    f.label.get(lang).to_owned(),
                    status_label(f.status, lang).to_owned(),
                    percent(f.free_share, lang),
                    yes_no(f.extra_eu, lang).to_owned(),
                    items.join(" ; "),
                ]
            }),
        );
    }

    d.heading(2, tr(lang, "Éditeurs", "Vendors"));
    if !r.vendors.is_empty() {
        d.table(
            &[
                tr(lang, "Éditeur", "Vendor"),
                tr(lang, "Zone", "Zone"),
                tr(lang, "Libre", "Free"),
                tr(lang, "Fonctions", "Functions"),
                tr(lang, "Postes", "Seats"),
                tr(lang, "Coût annuel", "Yearly cost"),
            ],
            r.vendors.iter().map(|v| {
                vec![
                    v.vendor.clone(),
                    zone_label(v.zone, lang).to_owned(),
                    yes_no(v.free, lang).to_owned(),
                    v.functions.to_string(),
                    thousands(v.seats, lang),
                    eur(v.yearly_cost, lang),
                ]
            }),
        );
    }

    d.heading(
        2,
        tr(lang, "Projections de coûts sur cinq ans", "Five-year cost projections"),
    );
    d.para(scenarios_notice(lang));
    let header = projection_header(lang);
    d.table(
        &header.iter().map(String::as_str).collect::<Vec<_>>(),
        r.projections.iter().map(|p| projection_cells(p, lang)),
    );

    d.heading(
        2,
        tr(
            lang,
            "Fenêtres de migration (fins de contrat)",
            "Migration windows (contract ends)",
        ),
    );
    if r.migration_windows.is_empty() {
        d.para(tr(lang, "Aucune fin de contrat renseignée.", "No contract end given."));
    } else {
        d.table(
            &[
                tr(lang, "Fin de contrat", "Contract end"),
                tr(lang, "État", "State"),
                tr(lang, "Fonction", "Function"),
                tr(lang, "Produit", "Product"),
                tr(lang, "Coût annuel", "Yearly cost"),
                tr(lang, "Alternatives libres", "Free alternatives"),
            ],
            r.migration_windows.iter().map(|w| {
                vec![
                    w.contract_end.clone(),
                    expired_label(w, lang).to_owned(),
                    r.function_label(w.function, lang).to_owned(),
                    w.name.clone(),
                    opt_eur(w.yearly_cost, lang),
                    alternative_names(r, w).join(", "),
                ]
            }),
        );
    }

    d.heading(2, tr(lang, "Alternatives libres", "Free alternatives"));
    if r.replacements.is_empty() {
        d.para(tr(
            lang,
            "Aucun logiciel propriétaire inventorié.",
            "No proprietary software in the inventory.",
        ));
    } else {
        d.list(
            false,
            r.replacements.iter().map(|x| {
                let alts: Vec<String> = x.alternatives.iter().map(|a| replacement_text(a, lang)).collect();
                let alts = if alts.is_empty() {
                    tr(lang, "aucune dans le catalogue", "none in the catalogue").to_owned()
                } else {
                    alts.join(", ")
                };
                format!(
                    "{} ({}){colon}{}",
                    strong(&x.name),
                    escape_xml(r.function_label(x.function, lang)),
                    escape_xml(&alts)
                )
            }),
        );
    }

    d.diagnostics(
        &r.diagnostics,
        lang,
        tr(
            lang,
            "Aucun problème dans l'inventaire.",
            "No problem in the inventory.",
        ),
    );
    package(&title, lang, &format!("tnl-engine {}", r.engine), &d)
}

/// Renders a dependency report as Markdown (CommonMark with GitHub tables). Text from the
/// inventory and the catalogue is escaped.
pub fn deps_markdown(r: &DependencyReport, lang: Lang) -> String {
    let e = |s: &str| escape_markdown(s);
    let row = |o: &mut String, cells: &[String]| o.push_str(&summary_markdown_row(cells));
    let mut o = String::new();
    let colon = super::colon(lang);
    let _ = writeln!(o, "# {}\n", e(&title(r, lang)));
    let _ = writeln!(o, "> **{}** {}\n", e(scenarios_notice(lang)), e(r.disclaimer.get(lang)));
    let _ = writeln!(
        o,
        "- {}{colon}{}",
        tr(lang, "Collectivité", "Collectivité"),
        super::who(&r.profile, &r.profile.name, lang, &e)
    );
    let _ = writeln!(
        o,
        "- {}{colon}{} · {}{colon}{}\n",
        tr(lang, "Catalogue", "Catalogue"),
        e(&r.catalogue_version),
        tr(lang, "Moteur", "Engine"),
        e(&r.engine)
    );

    let _ = writeln!(o, "## {}\n", tr(lang, "Synthèse", "Summary"));
    for (label, value) in headline(r, lang) {
        let _ = writeln!(o, "- {label}{colon}**{value}**");
    }
    o.push('\n');

    let _ = writeln!(o, "## {}\n", tr(lang, "Exposition", "Exposure"));
    row(
        &mut o,
        &[
            "".into(),
            tr(lang, "Propriétaire", "Proprietary").into(),
            tr(lang, "Exposé hors UE", "Extra-EU exposure").into(),
        ],
    );
    o.push_str(&summary_markdown_rule(3));
    for (label, a, b) in exposure_rows(r, lang) {
        row(&mut o, &[label.to_owned(), a, b]);
    }
    let _ = writeln!(o, "\n{}\n", concentration_text(r, lang, &e));

    let _ = writeln!(
        o,
        "## {}\n",
        tr(lang, "Carte des dépendances par fonction", "Dependency map by function")
    );
    if r.functions.is_empty() {
        let _ = writeln!(
            o,
            "{}\n",
            tr(lang, "Aucune fonction inventoriée.", "No function in the inventory.")
        );
    } else {
        let header = [
            tr(lang, "Fonction", "Function"),
            tr(lang, "Statut", "Status"),
            tr(lang, "Part libre", "Free share"),
            tr(lang, "Exposée hors UE", "Extra-EU exposure"),
            tr(lang, "Produits", "Products"),
        ];
        row(&mut o, &header.map(str::to_owned));
        o.push_str(&summary_markdown_rule(header.len()));
        for f in &r.functions {
            let items: Vec<String> = f.items.iter().map(|i| item_text(i, lang)).collect();
            row(
                &mut o,
                &[
                    f.label.get(lang).to_owned(),
                    status_label(f.status, lang).to_owned(),
                    percent(f.free_share, lang),
                    yes_no(f.extra_eu, lang).to_owned(),
                    items.join(" ; "),
                ],
            );
        }
        o.push('\n');
    }

    let _ = writeln!(o, "## {}\n", tr(lang, "Éditeurs", "Vendors"));
    if !r.vendors.is_empty() {
        let header = [
            tr(lang, "Éditeur", "Vendor"),
            tr(lang, "Zone", "Zone"),
            tr(lang, "Libre", "Free"),
            tr(lang, "Fonctions", "Functions"),
            tr(lang, "Postes", "Seats"),
            tr(lang, "Coût annuel", "Yearly cost"),
        ];
        row(&mut o, &header.map(str::to_owned));
        o.push_str(&summary_markdown_rule(header.len()));
        for v in &r.vendors {
            row(
                &mut o,
                &[
                    v.vendor.clone(),
                    zone_label(v.zone, lang).to_owned(),
                    yes_no(v.free, lang).to_owned(),
                    v.functions.to_string(),
                    thousands(v.seats, lang),
                    eur(v.yearly_cost, lang),
                ],
            );
        }
        o.push('\n');
    }

    let _ = writeln!(
        o,
        "## {}\n",
        tr(lang, "Projections de coûts sur cinq ans", "Five-year cost projections")
    );
    let _ = writeln!(o, "*{}*\n", e(scenarios_notice(lang)));
    let header = projection_header(lang);
    row(&mut o, &header);
    o.push_str(&summary_markdown_rule(header.len()));
    for p in &r.projections {
        row(&mut o, &projection_cells(p, lang));
    }
    o.push('\n');

    let _ = writeln!(
        o,
        "## {}\n",
        tr(
            lang,
            "Fenêtres de migration (fins de contrat)",
            "Migration windows (contract ends)"
        )
    );
    if r.migration_windows.is_empty() {
        let _ = writeln!(
            o,
            "{}\n",
            tr(lang, "Aucune fin de contrat renseignée.", "No contract end given.")
        );
    } else {
        let header = [
            tr(lang, "Fin de contrat", "Contract end"),
            tr(lang, "État", "State"),
            tr(lang, "Fonction", "Function"),
            tr(lang, "Produit", "Product"),
            tr(lang, "Coût annuel", "Yearly cost"),
            tr(lang, "Alternatives libres", "Free alternatives"),
        ];
        row(&mut o, &header.map(str::to_owned));
        o.push_str(&summary_markdown_rule(header.len()));
        for w in &r.migration_windows {
            row(
                &mut o,
                &[
                    w.contract_end.clone(),
                    expired_label(w, lang).to_owned(),
                    r.function_label(w.function, lang).to_owned(),
                    w.name.clone(),
                    opt_eur(w.yearly_cost, lang),
                    alternative_names(r, w).join(", "),
                ],
            );
        }
        o.push('\n');
    }

    let _ = writeln!(o, "## {}\n", tr(lang, "Alternatives libres", "Free alternatives"));
    if r.replacements.is_empty() {
        let _ = writeln!(
            o,
            "{}\n",
            tr(
                lang,
                "Aucun logiciel propriétaire inventorié.",
                "No proprietary software in the inventory."
            )
        );
    } else {
        for x in &r.replacements {
            let alts: Vec<String> = x.alternatives.iter().map(|a| e(&replacement_text(a, lang))).collect();
            let alts = if alts.is_empty() {
                tr(lang, "aucune dans le catalogue", "none in the catalogue").to_owned()
            } else {
                alts.join(", ")
            };
            let _ = writeln!(
                o,
                "- **{}** ({}){colon}{}",
                e(&x.name),
                e(r.function_label(x.function, lang)),
                alts
            );
        }
        o.push('\n');
    }

    let _ = writeln!(
        o,
        "## {} ({})\n",
        tr(lang, "Diagnostics", "Diagnostics"),
        r.diagnostics.len()
    );
    diagnostics_markdown(
        &mut o,
        &r.diagnostics,
        lang,
        tr(
            lang,
            "Aucun problème dans l'inventaire.",
            "No problem in the inventory.",
        ),
    );
    o
}

/// Renders a dependency report as a standalone HTML page with two inline SVG charts: the
/// dependency map (one bar per function, free and proprietary parts, a triangle for extra-EU
/// exposure, all said in text too) and the cost projections (one line per scenario, with the
/// same figures in a table beside it).
pub fn deps_html(r: &DependencyReport, lang: Lang) -> String {
    let e = |s: &str| escape_html(s);
    let mut o = String::new();
    let colon = super::colon(lang);
    page_start(&mut o, lang, &title(r, lang));
    let _ = writeln!(
        o,
        "<p class=\"notice\" role=\"note\"><strong>{}</strong> {}</p>",
        e(scenarios_notice(lang)),
        e(r.disclaimer.get(lang))
    );
    let _ = writeln!(
        o,
        "<dl>\n<dt>{}</dt><dd>{}</dd>",
        tr(lang, "Collectivité", "Collectivité"),
        super::who(&r.profile, &r.profile.name, lang, &e)
    );
    let _ = writeln!(
        o,
        "<dt>{}</dt><dd>{}</dd>",
        tr(lang, "Catalogue", "Catalogue"),
        e(&r.catalogue_version)
    );
    let _ = writeln!(
        o,
        "<dt>{}</dt><dd>tnl {}</dd>\n</dl>",
        tr(lang, "Moteur", "Engine"),
        e(&r.engine)
    );

    let _ = writeln!(
        o,
        "<h2>{}</h2>\n<div class=\"result\">",
        tr(lang, "Synthèse", "Summary")
    );
    for (label, value) in headline(r, lang) {
        let _ = writeln!(o, "<div>{label}<strong>{}</strong></div>", e(&value));
    }
    let _ = writeln!(o, "</div>");

    // The map.
    let _ = writeln!(
        o,
        "<h2>{}</h2>",
        tr(lang, "Carte des dépendances par fonction", "Dependency map by function")
    );
    if r.functions.is_empty() {
        let _ = writeln!(
            o,
            "<p>{}</p>",
            tr(lang, "Aucune fonction inventoriée.", "No function in the inventory.")
        );
    } else {
        let _ = writeln!(o, "<p>{}</p>", deps_map_legend(lang));
        o.push_str(&deps_map(r, lang, None));
        o.push('\n');
        table_start(
            &mut o,
            &[
                tr(lang, "Fonction", "Function"),
                tr(lang, "Statut", "Status"),
                tr(lang, "Part libre", "Free share"),
                tr(lang, "Exposée hors UE", "Extra-EU exposure"),
                tr(lang, "Produits", "Products"),
            ],
        );
        for f in &r.functions {
            let items: Vec<String> = f
                .items
                .iter()
                .map(|i| format!("<li>{}</li>", e(&item_text(i, lang))))
                .collect();
            let _ = writeln!(
                o,
                "<tr><th scope=\"row\">{}</th><td>{}</td><td class=\"n\">{}</td><td>{}</td><td><ul>{}</ul></td></tr>",
                e(f.label.get(lang)),
                status_label(f.status, lang),
                percent(f.free_share, lang),
                yes_no(f.extra_eu, lang),
                items.concat()
            );
        }
        let _ = writeln!(o, "</tbody>\n</table>");
    }

    // Exposure and concentration.
    let _ = writeln!(o, "<h2>{}</h2>", tr(lang, "Exposition", "Exposure"));
    let _ = writeln!(
        o,
        "<table>\n<thead><tr><td></td><th scope=\"col\">{}</th><th scope=\"col\">{}</th></tr></thead>\n<tbody>",
        tr(lang, "Propriétaire", "Proprietary"),
        tr(lang, "Exposé hors UE", "Extra-EU exposure")
    );
    for (label, a, b) in exposure_rows(r, lang) {
        let _ = writeln!(
            o,
            "<tr><th scope=\"row\">{label}</th><td class=\"n\">{}</td><td class=\"n\">{}</td></tr>",
            e(&a),
            e(&b)
        );
    }
    let _ = writeln!(o, "</tbody>\n</table>\n<p>{}</p>", concentration_text(r, lang, &e));

    // Vendors.
    let _ = writeln!(o, "<h2>{}</h2>", tr(lang, "Éditeurs", "Vendors"));
    if !r.vendors.is_empty() {
        table_start(
            &mut o,
            &[
                tr(lang, "Éditeur", "Vendor"),
                tr(lang, "Zone", "Zone"),
                tr(lang, "Libre", "Free"),
                tr(lang, "Fonctions", "Functions"),
                tr(lang, "Postes", "Seats"),
                tr(lang, "Coût annuel", "Yearly cost"),
            ],
        );
        for v in &r.vendors {
            let _ = writeln!(
                o,
                "<tr><th scope=\"row\">{}</th><td>{}</td><td>{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td></tr>",
                e(&v.vendor),
                zone_label(v.zone, lang),
                yes_no(v.free, lang),
                v.functions,
                thousands(v.seats, lang),
                eur(v.yearly_cost, lang)
            );
        }
        let _ = writeln!(o, "</tbody>\n</table>");
    }

    // Cost projections.
    let _ = writeln!(
        o,
        "<h2>{}</h2>",
        tr(lang, "Projections de coûts sur cinq ans", "Five-year cost projections")
    );
    let _ = writeln!(
        o,
        "<p class=\"notice\" role=\"note\"><strong>{}</strong></p>",
        e(scenarios_notice(lang))
    );
    o.push_str(&cost_chart(&r.projections, lang, None));
    o.push('\n');
    let header = projection_header(lang);
    let header: Vec<&str> = header.iter().map(String::as_str).collect();
    table_start(&mut o, &header);
    for (k, p) in r.projections.iter().enumerate() {
        let cells = projection_cells(p, lang);
        let _ = write!(
            o,
            "<tr><th scope=\"row\">{}. {} {}</th>",
            k + 1,
            scenario_symbol(k),
            e(&cells[0])
        );
        for c in &cells[1..] {
            let _ = write!(o, "<td class=\"n\">{}</td>", e(c));
        }
        let _ = writeln!(o, "</tr>");
    }
    let _ = writeln!(o, "</tbody>\n</table>");

    // Migration windows.
    let _ = writeln!(
        o,
        "<h2>{}</h2>",
        tr(
            lang,
            "Fenêtres de migration (fins de contrat)",
            "Migration windows (contract ends)"
        )
    );
    if r.migration_windows.is_empty() {
        let _ = writeln!(
            o,
            "<p>{}</p>",
            tr(lang, "Aucune fin de contrat renseignée.", "No contract end given.")
        );
    } else {
        table_start(
            &mut o,
            &[
                tr(lang, "Fin de contrat", "Contract end"),
                tr(lang, "État", "State"),
                tr(lang, "Fonction", "Function"),
                tr(lang, "Produit", "Product"),
                tr(lang, "Coût annuel", "Yearly cost"),
                tr(lang, "Alternatives libres", "Free alternatives"),
            ],
        );
        for w in &r.migration_windows {
            let _ = writeln!(
                o,
                "<tr><th scope=\"row\">{}</th><td>{}</td><td>{}</td><td>{}</td><td class=\"n\">{}</td><td>{}</td></tr>",
                e(&w.contract_end),
                expired_label(w, lang),
                e(r.function_label(w.function, lang)),
                e(&w.name),
                e(&opt_eur(w.yearly_cost, lang)),
                e(&alternative_names(r, w).join(", "))
            );
        }
        let _ = writeln!(o, "</tbody>\n</table>");
    }

    // Replacements.
    let _ = writeln!(o, "<h2>{}</h2>", tr(lang, "Alternatives libres", "Free alternatives"));
    if r.replacements.is_empty() {
        let _ = writeln!(
            o,
            "<p>{}</p>",
            tr(
                lang,
                "Aucun logiciel propriétaire inventorié.",
                "No proprietary software in the inventory."
            )
        );
    } else {
        let _ = writeln!(o, "<ul>");
        for x in &r.replacements {
            let alts: Vec<String> = x.alternatives.iter().map(|a| replacement_text(a, lang)).collect();
            let alts = if alts.is_empty() {
                tr(lang, "aucune dans le catalogue", "none in the catalogue").to_owned()
            } else {
                alts.join(", ")
            };
            let _ = writeln!(
                o,
                "<li><strong>{}</strong> ({}){colon}{}</li>",
                e(&x.name),
                e(r.function_label(x.function, lang)),
                e(&alts)
            );
        }
        let _ = writeln!(o, "</ul>");
    }

    let _ = writeln!(
        o,
        "<h2>{} ({})</h2>",
        tr(lang, "Diagnostics", "Diagnostics"),
        r.diagnostics.len()
    );
    diagnostics_html(
        &mut o,
        &r.diagnostics,
        lang,
        tr(
            lang,
            "Aucun problème dans l'inventaire.",
            "No problem in the inventory.",
        ),
    );
    o.push_str(PAGE_END);
    o
}

/// Renders a dependency report as CSV, one row per fact, with the columns
/// `section,id,label,function,vendor,status,seats,share,yearly_cost,extra_eu,value,unit,detail`.
///
/// Sections, in order: `notice`, `entity`, `catalogue`, `summary`, `exposure`, `concentration`
/// (one fact per row, in `value` with its `unit`), `function`, `item`, `vendor`, `projection`
/// (one row per scenario and year: `value` is the year, `yearly_cost` the cost), `projection_total`,
/// `migration_window`, `replacement` (one row per free alternative of a proprietary item),
/// `diagnostic`. Shares are out of 1000, money in euros. Every cell goes through `csv_cell`.
pub fn deps_csv(r: &DependencyReport, lang: Lang) -> String {
    let mut o = csv_line(&[
        "section",
        "id",
        "label",
        "function",
        "vendor",
        "status",
        "seats",
        "share",
        "yearly_cost",
        "extra_eu",
        "value",
        "unit",
        "detail",
    ]);
    let mut row = |cells: [&str; 13]| o.push_str(&csv_line(&cells));
    let opt = |v: Option<u64>| v.map(|x| x.to_string()).unwrap_or_default();
    let b = |v: bool| if v { "true" } else { "false" };
    let mut fact = |section: &str, id: &str, label: &str, value: &str, unit: &str| {
        row([section, id, label, "", "", "", "", "", "", "", value, unit, ""])
    };

    fact("notice", "", scenarios_notice(lang), r.disclaimer.get(lang), "");
    fact("entity", "name", tr(lang, "Nom", "Name"), &r.profile.name, "");
    fact(
        "entity",
        "kind",
        tr(lang, "Type", "Kind"),
        r.profile.kind.map_or("", |k| k.as_str()),
        "",
    );
    fact(
        "entity",
        "population",
        tr(lang, "Habitants", "Inhabitants"),
        &opt(r.profile.population),
        "inhabitants",
    );
    fact(
        "entity",
        "agents",
        tr(lang, "Agents", "Staff"),
        &opt(r.profile.agents),
        "agents",
    );
    fact(
        "entity",
        "workstations",
        tr(lang, "Postes de travail", "Workstations"),
        &opt(r.profile.workstations),
        "workstations",
    );
    fact(
        "catalogue",
        "version",
        tr(lang, "Version du catalogue", "Catalogue version"),
        &r.catalogue_version,
        "",
    );
    fact(
        "catalogue",
        "engine",
        tr(lang, "Version du moteur", "Engine version"),
        &r.engine,
        "",
    );
    let s = &r.summary;
    fact(
        "summary",
        "functions_listed",
        tr(lang, "Fonctions inventoriées", "Functions listed"),
        &s.functions_listed.to_string(),
        "functions",
    );
    fact(
        "summary",
        "functions_free",
        tr(lang, "Fonctions libres", "Free functions"),
        &s.functions_free.to_string(),
        "functions",
    );
    fact(
        "summary",
        "functions_mixed",
        tr(lang, "Fonctions mixtes", "Mixed functions"),
        &s.functions_mixed.to_string(),
        "functions",
    );
    fact(
        "summary",
        "functions_proprietary",
        tr(lang, "Fonctions propriétaires", "Proprietary functions"),
        &s.functions_proprietary.to_string(),
        "functions",
    );
    fact(
        "summary",
        "free_function_share",
        tr(lang, "Part des fonctions libres", "Share of free functions"),
        &s.free_function_share.to_string(),
        "per_mille",
    );
    fact(
        "summary",
        "seats_total",
        tr(lang, "Postes", "Seats"),
        &s.seats_total.to_string(),
        "seats",
    );
    fact(
        "summary",
        "seats_free",
        tr(lang, "Postes sur du libre", "Seats on free software"),
        &s.seats_free.to_string(),
        "seats",
    );
    fact(
        "summary",
        "free_seat_share",
        tr(lang, "Part des postes sur du libre", "Share of seats on free software"),
        &s.free_seat_share.map(|x| x.to_string()).unwrap_or_default(),
        "per_mille",
    );
    fact(
        "summary",
        "yearly_cost",
        tr(lang, "Coût annuel", "Yearly cost"),
        &s.yearly_cost.to_string(),
        "EUR",
    );
    let x = &r.exposure;
    fact(
        "exposure",
        "proprietary_functions",
        tr(
            lang,
            "Fonctions avec du propriétaire",
            "Functions with proprietary software",
        ),
        &x.proprietary_functions.to_string(),
        "functions",
    );
    fact(
        "exposure",
        "proprietary_seats",
        tr(lang, "Postes propriétaires", "Proprietary seats"),
        &x.proprietary_seats.to_string(),
        "seats",
    );
    fact(
        "exposure",
        "proprietary_cost",
        tr(lang, "Coût annuel propriétaire", "Proprietary yearly cost"),
        &x.proprietary_cost.to_string(),
        "EUR",
    );
    fact(
        "exposure",
        "extra_eu_functions",
        tr(lang, "Fonctions exposées hors UE", "Functions with extra-EU exposure"),
        &x.extra_eu_functions.to_string(),
        "functions",
    );
    fact(
        "exposure",
        "extra_eu_seats",
        tr(lang, "Postes exposés hors UE", "Seats with extra-EU exposure"),
        &x.extra_eu_seats.to_string(),
        "seats",
    );
    fact(
        "exposure",
        "extra_eu_cost",
        tr(lang, "Coût annuel exposé hors UE", "Yearly cost with extra-EU exposure"),
        &x.extra_eu_cost.to_string(),
        "EUR",
    );
    let c = &r.concentration;
    fact(
        "concentration",
        "hhi_seats",
        tr(lang, "Indice HHI sur les postes", "HHI by seats"),
        &c.hhi_seats.to_string(),
        "hhi",
    );
    fact(
        "concentration",
        "hhi_functions",
        tr(lang, "Indice HHI sur les fonctions", "HHI by functions"),
        &c.hhi_functions.to_string(),
        "hhi",
    );
    fact(
        "concentration",
        "top_vendor",
        tr(lang, "Premier éditeur propriétaire", "Largest proprietary vendor"),
        c.top_vendor.as_deref().unwrap_or(""),
        "",
    );
    fact(
        "concentration",
        "top_vendor_functions",
        tr(lang, "Ses fonctions", "Its functions"),
        &c.top_vendor_functions.to_string(),
        "functions",
    );
    fact(
        "concentration",
        "top_vendor_seats",
        tr(lang, "Ses postes", "Its seats"),
        &c.top_vendor_seats.to_string(),
        "seats",
    );

    for f in &r.functions {
        let id = f.function.as_str();
        row([
            "function",
            id,
            f.label.get(lang),
            id,
            "",
            status_code(f.status),
            "",
            &f.free_share.to_string(),
            "",
            b(f.extra_eu),
            "",
            "",
            "",
        ]);
        for i in &f.items {
            let mut detail = vec![format!("item={}", i.index)];
            if let Some(j) = &i.jurisdiction {
                detail.push(format!("jurisdiction={j}"));
            }
            detail.push(format!("zone={}", zone_code(i.zone)));
            if let Some(h) = i.hosting {
                detail.push(format!("hosting={}", hosting_code(h)));
            }
            row([
                "item",
                i.product.as_deref().unwrap_or(""),
                &i.name,
                id,
                &i.vendor,
                if i.free { "free" } else { "proprietary" },
                &opt(i.seats),
                &i.share.to_string(),
                &opt(i.yearly_cost),
                b(i.extra_eu),
                "",
                "",
                &detail.join(";"),
            ]);
        }
    }
    for v in &r.vendors {
        row([
            "vendor",
            "",
            &v.vendor,
            "",
            &v.vendor,
            if v.free { "free" } else { "proprietary" },
            &v.seats.to_string(),
            "",
            &v.yearly_cost.to_string(),
            "",
            &v.functions.to_string(),
            "functions",
            &format!("zone={}", zone_code(v.zone)),
        ]);
    }
    for p in &r.projections {
        for (y, cost) in p.years.iter().enumerate() {
            row([
                "projection",
                &p.id,
                p.label.get(lang),
                "",
                "",
                "",
                "",
                "",
                &cost.to_string(),
                "",
                &y.to_string(),
                "year",
                "",
            ]);
        }
    }
    for p in &r.projections {
        row([
            "projection_total",
            &p.id,
            p.label.get(lang),
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            &p.five_year_total.to_string(),
            "EUR",
            &format!("increase_over_stable={}", p.increase_over_stable),
        ]);
    }
    for w in &r.migration_windows {
        let state = match w.expired {
            Some(true) => "expired",
            Some(false) => "upcoming",
            None => "",
        };
        row([
            "migration_window",
            "",
            &w.name,
            w.function.as_str(),
            "",
            state,
            "",
            "",
            &opt(w.yearly_cost),
            "",
            &w.contract_end,
            "date",
            &format!("item={};alternatives={}", w.index, w.alternatives.join(" ")),
        ]);
    }
    for x in &r.replacements {
        let replaces = format!("replaces={};item={}", x.name, x.index);
        if x.alternatives.is_empty() {
            row([
                "replacement",
                "",
                "",
                x.function.as_str(),
                "",
                "",
                "",
                "",
                "",
                "",
                "",
                "",
                &replaces,
            ]);
        }
        for a in &x.alternatives {
            let mut detail = vec![replaces.clone()];
            if let Some(l) = &a.licence {
                detail.push(format!("licence={l}"));
            }
            if let Some(id) = a.sill_id {
                detail.push(format!("sill={id}"));
            }
            if let Some(id) = a.comptoir_id {
                detail.push(format!("comptoir={id}"));
            }
            if let Some(w) = &a.website {
                detail.push(format!("website={w}"));
            }
            row([
                "replacement",
                &a.id,
                &a.name,
                x.function.as_str(),
                &a.vendor,
                "free",
                "",
                "",
                "",
                "",
                "",
                "",
                &detail.join(";"),
            ]);
        }
    }
    for d in &r.diagnostics {
        row([
            "diagnostic",
            &d.code,
            d.message.get(lang),
            "",
            "",
            super::severity_code(d.severity),
            "",
            "",
            "",
            "",
            "",
            "",
            &d.pointer,
        ]);
    }
    o
}

/// Column names of a dependency summary, for territory tables (`tnl batch`): `functions_listed,
/// free_function_share,free_seat_share,yearly_cost,proprietary_cost,extra_eu_functions,
/// extra_eu_cost,hhi_seats,top_vendor,next_contract_end`. Shares are out of 1000, money in euros.
pub fn deps_summary_header() -> Vec<String> {
    DEPS_SUMMARY_COLUMNS.iter().map(|c| (*c).to_owned()).collect()
}

/// How many columns [`deps_summary_header`] has.
pub const DEPS_SUMMARY_WIDTH: usize = DEPS_SUMMARY_COLUMNS.len();

const DEPS_SUMMARY_COLUMNS: [&str; 10] = [
    "functions_listed",
    "free_function_share",
    "free_seat_share",
    "yearly_cost",
    "proprietary_cost",
    "extra_eu_functions",
    "extra_eu_cost",
    "hhi_seats",
    "top_vendor",
    "next_contract_end",
];

/// The cells of one dependency report, matching [`deps_summary_header`]. `next_contract_end` is
/// the first migration window (the earliest contract end), passed or not.
pub fn deps_summary_row(r: &DependencyReport) -> Vec<String> {
    let s = &r.summary;
    vec![
        s.functions_listed.to_string(),
        s.free_function_share.to_string(),
        s.free_seat_share.map(|x| x.to_string()).unwrap_or_default(),
        s.yearly_cost.to_string(),
        r.exposure.proprietary_cost.to_string(),
        r.exposure.extra_eu_functions.to_string(),
        r.exposure.extra_eu_cost.to_string(),
        r.concentration.hhi_seats.to_string(),
        r.concentration.top_vendor.clone().unwrap_or_default(),
        r.migration_windows
            .first()
            .map(|w| w.contract_end.clone())
            .unwrap_or_default(),
    ]
}

/// One dependency report as a JSON object for JSON Lines: `name`, `kind`, `population`, then
/// the columns of [`deps_summary_header`] (numbers as numbers, missing values as null).
pub fn deps_summary_json(r: &DependencyReport) -> serde_json::Value {
    use serde_json::Value;
    let s = &r.summary;
    let mut m = serde_json::Map::new();
    m.insert("name".into(), Value::from(r.profile.name.as_str()));
    m.insert(
        "kind".into(),
        r.profile.kind.map_or(Value::Null, |k| Value::from(k.as_str())),
    );
    m.insert(
        "population".into(),
        r.profile.population.map_or(Value::Null, Value::from),
    );
    let values = [
        Value::from(s.functions_listed),
        Value::from(s.free_function_share),
        s.free_seat_share.map_or(Value::Null, Value::from),
        Value::from(s.yearly_cost),
        Value::from(r.exposure.proprietary_cost),
        Value::from(r.exposure.extra_eu_functions),
        Value::from(r.exposure.extra_eu_cost),
        Value::from(r.concentration.hhi_seats),
        r.concentration.top_vendor.as_deref().map_or(Value::Null, Value::from),
        r.migration_windows
            .first()
            .map_or(Value::Null, |w| Value::from(w.contract_end.as_str())),
    ];
    for (k, v) in DEPS_SUMMARY_COLUMNS.iter().zip(values) {
        m.insert((*k).to_owned(), v);
    }
    Value::Object(m)
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
            Cell::text(super::dependencies::scenarios_notice(lang)),
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
                Cell::text(super::dependencies::free_label(i.free, lang)),
                Cell::text(super::dependencies::zone_label(i.zone, lang)),
                Cell::text(i.hosting.map_or("", |h| super::dependencies::hosting_label(h, lang))),
                i.seats.map_or(Cell::Empty, n),
                pm(i.share),
                i.yearly_cost.map_or(Cell::Empty, eur),
                Cell::text(super::dependencies::yes_no(i.extra_eu, lang)),
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
        header: super::dependencies::projection_header(lang),
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
    spreadsheet(
        &super::dependencies::title(r, lang),
        lang,
        &[summary, inventory, scenarios],
    )
}
