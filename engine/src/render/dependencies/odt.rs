//! The dependency map as an OpenDocument text (the sections of the Markdown).

use super::{content, windows_and_alternatives, write_scenario_sources};
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
    let c = content(r, lang, &str::to_owned);
    let colon = colon(lang);
    let mut d = Doc::default();
    d.heading(1, &c.title);
    d.notice(dl.scenarios_notice, r.disclaimer.get(lang));
    let about = [
        format!("{}{colon}{}", l.common.collectivite, c.who),
        format!(
            "{}{colon}{} · {}{colon}{}",
            dl.catalogue, r.catalogue_version, dl.engine, r.engine
        ),
    ];
    d.list(false, about.iter().map(|a| escape_xml(a)));

    d.heading(2, dl.summary);
    for (label, value) in &c.headline {
        d.fact(label, value, lang);
    }

    d.heading(2, dl.exposure);
    c.exposure.odt(&mut d);
    d.para(&c.concentration);

    d.section(dl.map_heading, &c.functions, Some(dl.no_function));
    d.section(dl.vendors, &c.vendors, None);
    d.heading(2, dl.projections_heading);
    d.para(dl.scenarios_notice);
    c.projections.odt(&mut d);
    write_scenario_sources(&mut d, &c, lang);
    windows_and_alternatives(&mut d, &c, lang, &|x| {
        format!(
            "{} ({}){colon}{}",
            strong(x.name),
            escape_xml(x.function),
            escape_xml(&x.alternatives)
        )
    });

    d.diagnostics(&r.diagnostics, lang, dl.no_problem);
    package(&c.title, lang, &format!("tnl-engine {}", r.engine), &d)
}
