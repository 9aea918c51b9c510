//! The dependency map as a standalone HTML page with two inline SVG charts.

use super::{
    concentration_text, exposure_table, functions_table, headline, projections_table, replacement_lines, title,
    vendors_table, windows_table,
};
use crate::deps::DependencyReport;
use crate::render::charts::{cost_chart, deps_map, scenario_symbol};
use crate::render::format::html::{diagnostics_html, escape_html, page_start, PAGE_END};
use crate::render::format::table::{Blocks, Cell, Html};
use crate::render::labels::labels;
use crate::render::words::colon;
use crate::text::Lang;
use std::fmt::Write as _;

/// Renders a dependency report as a standalone HTML page with two inline SVG charts: the
/// dependency map (one bar per function, free and proprietary parts, a triangle for extra-EU
/// exposure, all said in text too) and the cost projections (one line per scenario, with the
/// same figures in a table beside it).
pub fn deps_html(r: &DependencyReport, lang: Lang) -> String {
    let l = labels(lang);
    let d = &l.dependencies;
    let e = |s: &str| escape_html(s);
    let mut o = String::new();
    page_start(&mut o, lang, &title(r, lang));
    let _ = writeln!(
        o,
        "<p class=\"notice\" role=\"note\"><strong>{}</strong> {}</p>",
        e(d.scenarios_notice),
        e(r.disclaimer.get(lang))
    );
    let _ = writeln!(
        o,
        "<dl>\n<dt>{}</dt><dd>{}</dd>\n<dt>{}</dt><dd>{}</dd>\n<dt>{}</dt><dd>tnl {}</dd>\n</dl>",
        l.common.collectivite,
        crate::render::who(&r.profile, &r.profile.name, lang, &e),
        d.catalogue,
        e(&r.catalogue_version),
        d.engine,
        e(&r.engine)
    );

    let _ = writeln!(o, "<h2>{}</h2>\n<div class=\"result\">", d.summary);
    for (label, value) in headline(r, lang) {
        let _ = writeln!(o, "<div>{label}<strong>{}</strong></div>", e(&value));
    }
    let _ = writeln!(o, "</div>");

    // The map, drawn above its table.
    let _ = writeln!(o, "<h2>{}</h2>", d.map_heading);
    if r.functions.is_empty() {
        let _ = writeln!(o, "<p>{}</p>", d.no_function);
    } else {
        let _ = writeln!(o, "<p>{}</p>", d.map_legend);
        o.push_str(&deps_map(r, lang, None));
        o.push('\n');
        functions_table(r, lang).html(&mut o);
    }

    let _ = writeln!(o, "<h2>{}</h2>", d.exposure);
    exposure_table(r, lang).html(&mut o);
    let _ = writeln!(o, "<p>{}</p>", concentration_text(r, lang, &e));

    Html(&mut o).section(d.vendors, &vendors_table(r, lang), None);

    // The cost projections: the chart, then its figures, each scenario by its number and symbol.
    let _ = writeln!(o, "<h2>{}</h2>", d.projections_heading);
    let _ = writeln!(
        o,
        "<p class=\"notice\" role=\"note\"><strong>{}</strong></p>",
        e(d.scenarios_notice)
    );
    o.push_str(&cost_chart(&r.projections, lang, None));
    o.push('\n');
    let mut projections = projections_table(r, lang);
    for (k, row) in projections.rows.iter_mut().enumerate() {
        if let Some(Cell::Text(name)) = row.first_mut() {
            *name = format!("{}. {} {name}", k + 1, scenario_symbol(k));
        }
    }
    projections.html(&mut o);

    Html(&mut o).section(d.windows_heading, &windows_table(r, lang), Some(d.no_contract_end));

    let _ = writeln!(o, "<h2>{}</h2>", d.alternatives);
    let lines = replacement_lines(r, lang, &str::to_owned);
    if lines.is_empty() {
        let _ = writeln!(o, "<p>{}</p>", d.no_proprietary);
    } else {
        let _ = writeln!(o, "<ul>");
        for x in &lines {
            let _ = writeln!(
                o,
                "<li><strong>{}</strong> ({}){}{}</li>",
                e(x.name),
                e(x.function),
                colon(lang),
                e(&x.alternatives)
            );
        }
        let _ = writeln!(o, "</ul>");
    }

    let _ = writeln!(o, "<h2>{} ({})</h2>", l.common.diagnostics, r.diagnostics.len());
    diagnostics_html(&mut o, &r.diagnostics, lang, d.no_problem);
    o.push_str(PAGE_END);
    o
}
