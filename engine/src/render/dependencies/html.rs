//! The dependency map as a standalone HTML page with two inline SVG charts.

use super::{content, windows_and_alternatives, write_scenario_sources};
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
    let mut c = content(r, lang, &e);
    let mut o = String::new();
    page_start(&mut o, lang, &c.title);
    let _ = writeln!(
        o,
        "<p class=\"notice\" role=\"note\"><strong>{}</strong> {}</p>",
        e(d.scenarios_notice),
        e(r.disclaimer.get(lang))
    );
    let mut w = Html(&mut o);
    let _ = writeln!(
        w.0,
        "<dl>\n<dt>{}</dt><dd>{}</dd>\n<dt>{}</dt><dd>{}</dd>\n<dt>{}</dt><dd>tnl {}</dd>\n</dl>",
        l.common.collectivite,
        c.who,
        d.catalogue,
        e(&r.catalogue_version),
        d.engine,
        e(&r.engine)
    );
    w.heading(d.summary);
    let _ = writeln!(w.0, "<div class=\"result\">");
    for (label, value) in &c.headline {
        let _ = writeln!(w.0, "<div>{label}<strong>{}</strong></div>", e(value));
    }
    let _ = writeln!(w.0, "</div>");

    // The map, drawn above its table.
    w.heading(d.map_heading);
    if r.functions.is_empty() {
        w.sentence(d.no_function);
    } else {
        w.sentence(d.map_legend);
        w.0.push_str(&deps_map(r, lang, None));
        w.0.push('\n');
        w.table(&c.functions);
    }

    w.heading(d.exposure);
    w.table(&c.exposure);
    w.sentence(&c.concentration);
    w.section(d.vendors, &c.vendors, None);

    // The cost projections: the chart, then its figures, each scenario by its number and symbol.
    w.heading(d.projections_heading);
    let _ = writeln!(
        w.0,
        "<p class=\"notice\" role=\"note\"><strong>{}</strong></p>",
        e(d.scenarios_notice)
    );
    w.0.push_str(&cost_chart(&r.projections, lang, None));
    w.0.push('\n');
    for (k, row) in c.projections.rows.iter_mut().enumerate() {
        if let Some(Cell::Text(name)) = row.first_mut() {
            *name = format!("{}. {} {name}", k + 1, scenario_symbol(k));
        }
    }
    w.table(&c.projections);
    write_scenario_sources(&mut w, &c, lang);
    windows_and_alternatives(&mut w, &c, lang, &|x| {
        format!(
            "<strong>{}</strong> ({}){}{}",
            e(x.name),
            e(x.function),
            colon(lang),
            x.alternatives
        )
    });

    w.heading(&format!("{} ({})", l.common.diagnostics, r.diagnostics.len()));
    diagnostics_html(&mut o, &r.diagnostics, lang, d.no_problem);
    o.push_str(PAGE_END);
    o
}
