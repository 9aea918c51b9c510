//! The dependency map as an OpenDocument text (the sections of the Markdown).

use super::{
    concentration_text, exposure_table, functions_table, headline, projections_table, replacement_lines, title,
    vendors_table, windows_table,
};
use crate::deps::DependencyReport;
use crate::render::format::odf::escape_xml;
use crate::render::format::odt::{package, strong, Doc};
use crate::render::format::table::Blocks;
use crate::render::labels::labels;
use crate::render::words::colon;
use crate::text::Lang;

/// Renders a dependency report as an OpenDocument text (the sections of [`super::deps_markdown`]).
pub fn deps_odt(r: &DependencyReport, lang: Lang) -> Vec<u8> {
    let l = labels(lang);
    let dl = &l.dependencies;
    let ident = |s: &str| s.to_owned();
    let colon = colon(lang);
    let mut d = Doc::default();
    let title = title(r, lang);
    d.heading(1, &title);
    d.notice(dl.scenarios_notice, r.disclaimer.get(lang));
    let about = [
        format!(
            "{}{colon}{}",
            l.common.collectivite,
            crate::render::who(&r.profile, &r.profile.name, lang, &ident)
        ),
        format!(
            "{}{colon}{} · {}{colon}{}",
            dl.catalogue, r.catalogue_version, dl.engine, r.engine
        ),
    ];
    d.list(false, about.iter().map(|a| escape_xml(a)));

    d.heading(2, dl.summary);
    for (label, value) in headline(r, lang) {
        d.fact(label, &value, lang);
    }

    d.heading(2, dl.exposure);
    exposure_table(r, lang).odt(&mut d);
    d.para(&concentration_text(r, lang, &ident));

    d.section(dl.map_heading, &functions_table(r, lang), Some(dl.no_function));
    d.section(dl.vendors, &vendors_table(r, lang), None);

    d.heading(2, dl.projections_heading);
    d.para(dl.scenarios_notice);
    projections_table(r, lang).odt(&mut d);

    d.section(dl.windows_heading, &windows_table(r, lang), Some(dl.no_contract_end));

    d.heading(2, dl.alternatives);
    let lines = replacement_lines(r, lang, &ident);
    if lines.is_empty() {
        d.para(dl.no_proprietary);
    } else {
        d.list(
            false,
            lines.iter().map(|x| {
                format!(
                    "{} ({}){colon}{}",
                    strong(x.name),
                    escape_xml(x.function),
                    escape_xml(&x.alternatives)
                )
            }),
        );
    }

    d.diagnostics(&r.diagnostics, lang, dl.no_problem);
    package(&title, lang, &format!("tnl-engine {}", r.engine), &d)
}
