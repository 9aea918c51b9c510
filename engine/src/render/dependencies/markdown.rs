//! The dependency map as Markdown (CommonMark with GitHub tables). Text from the inventory and
//! the catalogue is escaped.

use super::{
    concentration_text, exposure_table, functions_table, headline, projections_table, replacement_lines, title,
    vendors_table, windows_table,
};
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
    let mut o = String::new();
    let colon = colon(lang);
    let _ = writeln!(o, "# {}\n", e(&title(r, lang)));
    let _ = writeln!(o, "> **{}** {}\n", e(d.scenarios_notice), e(r.disclaimer.get(lang)));
    let _ = writeln!(
        o,
        "- {}{colon}{}",
        l.common.collectivite,
        crate::render::who(&r.profile, &r.profile.name, lang, &e)
    );
    let _ = writeln!(
        o,
        "- {}{colon}{} · {}{colon}{}\n",
        d.catalogue,
        e(&r.catalogue_version),
        d.engine,
        e(&r.engine)
    );

    let _ = writeln!(o, "## {}\n", d.summary);
    for (label, value) in headline(r, lang) {
        let _ = writeln!(o, "- {label}{colon}**{value}**");
    }
    o.push('\n');

    let _ = writeln!(o, "## {}\n", d.exposure);
    exposure_table(r, lang).markdown(&mut o);
    let _ = writeln!(o, "\n{}\n", concentration_text(r, lang, &e));

    Markdown(&mut o).section(d.map_heading, &functions_table(r, lang), Some(d.no_function));
    Markdown(&mut o).section(d.vendors, &vendors_table(r, lang), None);

    let _ = writeln!(o, "## {}\n", d.projections_heading);
    let _ = writeln!(o, "*{}*\n", e(d.scenarios_notice));
    projections_table(r, lang).markdown(&mut o);
    o.push('\n');

    Markdown(&mut o).section(d.windows_heading, &windows_table(r, lang), Some(d.no_contract_end));

    let _ = writeln!(o, "## {}\n", d.alternatives);
    let lines = replacement_lines(r, lang, &e);
    if lines.is_empty() {
        let _ = writeln!(o, "{}\n", d.no_proprietary);
    } else {
        for x in &lines {
            let _ = writeln!(o, "- **{}** ({}){colon}{}", e(x.name), e(x.function), x.alternatives);
        }
        o.push('\n');
    }

    let _ = writeln!(o, "## {} ({})\n", l.common.diagnostics, r.diagnostics.len());
    diagnostics_markdown(&mut o, &r.diagnostics, lang, d.no_problem);
    o
}
