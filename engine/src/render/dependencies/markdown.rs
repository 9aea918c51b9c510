//! The dependency map as Markdown (CommonMark with GitHub tables). Text from the inventory and
//! the catalogue is escaped.

use super::{content, windows_and_alternatives, write_scenario_sources};
use crate::deps::DependencyReport;
use crate::render::format::markdown::{diagnostics_markdown, escape_markdown};
use crate::render::format::table::{Blocks, Markdown};
use crate::render::labels::labels;
use crate::render::words::colon;
use crate::text::Lang;
use std::fmt::Write as _;

/// Renders a dependency report as Markdown (CommonMark with GitHub tables). Text from the
/// inventory and the catalogue is escaped.
pub fn deps_markdown(r: &DependencyReport, lang: Lang) -> String {
    let l = labels(lang);
    let d = &l.dependencies;
    let e = |s: &str| escape_markdown(s);
    let c = content(r, lang, &e);
    let colon = colon(lang);
    let mut o = String::new();
    let _ = writeln!(o, "# {}\n", e(&c.title));
    let _ = writeln!(o, "> **{}** {}\n", e(d.scenarios_notice), e(r.disclaimer.get(lang)));
    let _ = writeln!(o, "- {}{colon}{}", l.common.collectivite, c.who);
    let _ = writeln!(
        o,
        "- {}{colon}{} · {}{colon}{}\n",
        d.catalogue,
        e(&r.catalogue_version),
        d.engine,
        e(&r.engine)
    );
    let mut w = Markdown(&mut o);
    w.heading(d.summary);
    for (label, value) in &c.headline {
        let _ = writeln!(w.0, "- {label}{colon}**{value}**");
    }
    w.0.push('\n');

    w.heading(d.exposure);
    c.exposure.markdown(w.0);
    let _ = writeln!(w.0, "\n{}\n", c.concentration);

    w.section(d.map_heading, &c.functions, Some(d.no_function));
    w.section(d.vendors, &c.vendors, None);
    w.heading(d.projections_heading);
    let _ = writeln!(w.0, "*{}*\n", e(d.scenarios_notice));
    w.table(&c.projections);
    write_scenario_sources(&mut w, &c, lang);
    windows_and_alternatives(&mut w, &c, lang, &|x| {
        format!("**{}** ({}){colon}{}", e(x.name), e(x.function), x.alternatives)
    });

    w.heading(&format!("{} ({})", l.common.diagnostics, r.diagnostics.len()));
    diagnostics_markdown(&mut o, &r.diagnostics, lang, d.no_problem);
    o
}
