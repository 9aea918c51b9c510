//! The three charts, drawn once for every host: the per-domain scores, the dependency map and the
//! cost projections. The HTML exports write them inline; the browser app shows the same SVG.
//!
//! Nothing rests on colour alone: every value is written in text next to its bar or line, the
//! proprietary share is hatched, the scenarios differ by dash pattern, marker shape and the
//! number at the end of their line, and the `desc` of each chart repeats its values. Elements
//! carry a class (`chart-bar`, `map-free`, `cost-path`…) as well as their colours as attributes:
//! a stylesheet (the app's) restyles them, and a page without one (an export) still draws them.
//!
//! `labelled_by` names the element that titles the chart when the host shows a visible caption
//! (the app's `figcaption`); without it the SVG carries its own `title`.

use super::labels::labels;
use super::{colon, escape_html as e, euros, percent};
use crate::deps::{CostProjection, DependencyReport, FunctionStatus, FunctionView};
use crate::report::Report;
use crate::text::Lang;
use std::fmt::Write as _;

const TEXT: &str = "#1a1a1a";
const ACCENT: &str = "#1f4e79";
const LINE: &str = "#767676";
const GRID: &str = "#d0d0d0";

/// Opens the SVG: size, `role="img"`, the accessible name (its own `title`, or `labelled_by`)
/// and the `desc`.
fn open(o: &mut String, id: &str, (width, height): (u64, u64), title: &str, labelled_by: Option<&str>, desc: &str) {
    let name = labelled_by.map_or_else(|| format!("{id}-title"), str::to_owned);
    let _ = write!(
        o,
        "<svg id=\"{id}\" role=\"img\" aria-labelledby=\"{name} {id}-desc\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\" xmlns=\"http://www.w3.org/2000/svg\">"
    );
    if labelled_by.is_none() {
        let _ = write!(o, "<title id=\"{id}-title\">{}</title>", e(title));
    }
    let _ = write!(o, "<desc id=\"{id}-desc\">{}</desc>", e(desc));
}

/// Label and value text of a bar row.
fn row_texts(o: &mut String, y: u64, label: &str, value_x: u64, value: &str) {
    let _ = write!(
        o,
        "<text x=\"0\" y=\"{}\" class=\"chart-label\" fill=\"{TEXT}\">{}</text>",
        y + 16,
        e(label)
    );
    let _ = write!(
        o,
        "<text x=\"{value_x}\" y=\"{}\" class=\"chart-value\" fill=\"{TEXT}\">{}</text>",
        y + 16,
        e(value)
    );
}

/// Horizontal bars, one per domain, each labelled with its name and its score in text.
pub fn domain_chart(report: &Report, lang: Lang, labelled_by: Option<&str>) -> String {
    const LABEL_W: u64 = 270;
    const BAR_W: u64 = 300;
    const ROW_H: u64 = 30;
    let value = |p: Option<u32>| p.map_or_else(|| labels(lang).common.does_not_apply.to_owned(), |p| percent(p, lang));
    let desc = report
        .domains
        .iter()
        .map(|d| format!("{}{}{}", d.title.get(lang), colon(lang), value(d.per_mille)))
        .collect::<Vec<_>>()
        .join("; ");
    let n = report.domains.len().min(1000) as u64;
    let mut o = String::new();
    open(
        &mut o,
        "domain-chart",
        (LABEL_W + BAR_W + 130, n * ROW_H + 10),
        labels(lang).common.domain_chart,
        labelled_by,
        &desc,
    );
    for (i, d) in report.domains.iter().take(1000).enumerate() {
        let y = i as u64 * ROW_H + 5;
        let w = u64::from(d.per_mille.unwrap_or(0).min(1000)) * BAR_W / 1000;
        let _ = write!(o, "<g><rect x=\"{LABEL_W}\" y=\"{y}\" width=\"{BAR_W}\" height=\"22\" class=\"chart-track\" fill=\"#ffffff\" stroke=\"{LINE}\"/>");
        let _ = write!(
            o,
            "<rect x=\"{LABEL_W}\" y=\"{y}\" width=\"{w}\" height=\"22\" class=\"chart-bar\" fill=\"{ACCENT}\"/>"
        );
        row_texts(&mut o, y, d.title.get(lang), LABEL_W + BAR_W + 8, &value(d.per_mille));
        o.push_str("</g>");
    }
    o.push_str("</svg>");
    o
}

/// The status of a function, in words.
pub fn status_word(s: FunctionStatus, lang: Lang) -> &'static str {
    match s {
        FunctionStatus::Free => labels(lang).dependencies.free_word,
        FunctionStatus::Mixed => labels(lang).dependencies.mixed_word,
        FunctionStatus::Proprietary => labels(lang).dependencies.proprietary_word,
    }
}

/// The map's text for a function: `30,0 % libre · mixte · ⚠ exposée hors UE`.
pub fn function_value(f: &FunctionView, lang: Lang) -> String {
    let mut v = format!(
        "{} {} · {}",
        percent(f.free_share, lang),
        labels(lang).dependencies.free_word,
        status_word(f.status, lang)
    );
    if f.extra_eu {
        v.push_str(labels(lang).dependencies.map_extra_eu);
    }
    v
}

/// How to read the dependency map, to show next to it.
pub fn deps_map_legend(lang: Lang) -> &'static str {
    labels(lang).dependencies.map_legend
}

/// The dependency map: one row per function, the free share solid, the proprietary share
/// hatched, the figures, the status and the extra-EU exposure written after the bar.
pub fn deps_map(r: &DependencyReport, lang: Lang, labelled_by: Option<&str>) -> String {
    // Room for the longest function name and the longest value (« 12,5 % libre · majoritairement
    // propriétaire · ⚠ exposée hors UE ») at 15 px, so that no text is cut (issue 17).
    const LABEL_W: u64 = 340;
    const BAR_W: u64 = 260;
    const ROW_H: u64 = 30;
    let desc = r
        .functions
        .iter()
        .map(|f| format!("{}{}{}", f.label.get(lang), colon(lang), function_value(f, lang)))
        .collect::<Vec<_>>()
        .join("; ");
    let n = r.functions.len().min(1000) as u64;
    let mut o = String::new();
    let title = labels(lang).dependencies.map_title;
    open(
        &mut o,
        "deps-map",
        (LABEL_W + BAR_W + 470, n * ROW_H + 10),
        title,
        labelled_by,
        &desc,
    );
    let _ = write!(
        o,
        "<defs><pattern id=\"deps-map-hatch\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\"><rect width=\"6\" height=\"6\" class=\"map-prop-bg\" fill=\"#ffffff\"/><line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\" class=\"map-hatch\" stroke=\"{TEXT}\" stroke-width=\"2\"/></pattern></defs>"
    );
    for (i, f) in r.functions.iter().take(1000).enumerate() {
        let y = i as u64 * ROW_H + 5;
        let w = u64::from(f.free_share.min(1000)) * BAR_W / 1000;
        let _ = write!(o, "<g class=\"map-row\" data-function=\"{}\">", f.function.as_str());
        let _ = write!(
            o,
            "<rect x=\"{LABEL_W}\" y=\"{y}\" width=\"{w}\" height=\"20\" class=\"map-free\" fill=\"{ACCENT}\"/>"
        );
        let _ = write!(
            o,
            "<rect x=\"{}\" y=\"{y}\" width=\"{}\" height=\"20\" fill=\"url(#deps-map-hatch)\"/>",
            LABEL_W + w,
            BAR_W - w
        );
        let _ = write!(o, "<rect x=\"{LABEL_W}\" y=\"{y}\" width=\"{BAR_W}\" height=\"20\" class=\"map-frame\" fill=\"none\" stroke=\"{TEXT}\"/>");
        row_texts(
            &mut o,
            y,
            f.label.get(lang),
            LABEL_W + BAR_W + 8,
            &function_value(f, lang),
        );
        o.push_str("</g>");
    }
    o.push_str("</svg>");
    o
}

/// A year of the projections: `Aujourd'hui`, `Année 1`… (`Today`, `Year 1`…).
pub fn year_label(y: usize, lang: Lang) -> String {
    let l = &labels(lang).dependencies;
    match y {
        0 => l.today.to_owned(),
        y => (l.year)(y),
    }
}

/// Dash pattern, marker shape (for the legend, in text) and export colour of scenario `k`: a
/// scenario is told by its dashes, its markers and its number, never by its colour alone.
const LINES: [(&str, &str, &str); 4] = [
    ("", "●", TEXT),
    ("8 4", "■", ACCENT),
    ("2 4", "▲", "#8a5a00"),
    ("12 4 2 4", "◆", "#a32020"),
];

/// The legend symbol of scenario `k` (`●`, `■`, `▲`, `◆`), the shape of its markers.
pub fn scenario_symbol(k: usize) -> &'static str {
    LINES[k % LINES.len()].1
}

fn marker(o: &mut String, k: usize, x: u64, y: u64, colour: &str) {
    let _ = match k % 4 {
        0 => write!(
            o,
            "<circle cx=\"{x}\" cy=\"{y}\" r=\"4\" class=\"cost-marker\" fill=\"{colour}\"/>"
        ),
        1 => write!(
            o,
            "<rect x=\"{}\" y=\"{}\" width=\"8\" height=\"8\" class=\"cost-marker\" fill=\"{colour}\"/>",
            x.saturating_sub(4),
            y.saturating_sub(4)
        ),
        2 => write!(
            o,
            "<polygon points=\"{x},{} {},{} {},{}\" class=\"cost-marker\" fill=\"{colour}\"/>",
            y.saturating_sub(5),
            x.saturating_sub(5),
            y + 4,
            x + 5,
            y + 4
        ),
        _ => write!(
            o,
            "<polygon points=\"{x},{} {},{y} {x},{} {},{y}\" class=\"cost-marker\" fill=\"{colour}\"/>",
            y.saturating_sub(5),
            x + 5,
            y + 5,
            x.saturating_sub(5)
        ),
    };
}

/// The top of the value axis: four gridlines a round amount apart (1, 1.5, 2, 2.5, 3, 4, 5, 6
/// or 8 times a power of ten), the top one at or above `max`.
fn axis_top(max: u64) -> u64 {
    let mut step = 10u64;
    loop {
        let tick = [10u64, 15, 20, 25, 30, 40, 50, 60, 80]
            .iter()
            .map(|m| m.saturating_mul(step) / 100)
            .find(|&t| t.saturating_mul(4) >= max.max(1));
        if let Some(t) = tick.filter(|&t| t > 0) {
            return t.saturating_mul(4);
        }
        if step >= u64::MAX / 100 {
            return u64::MAX;
        }
        step = step.saturating_mul(10);
    }
}

/// The cost projections: one line per scenario over this year and the next five, each with its
/// dash pattern and marker shape and numbered at its end like the table that follows it;
/// scenarios ending on the same figure get their numbers side by side.
pub fn cost_chart(projections: &[CostProjection], lang: Lang, labelled_by: Option<&str>) -> String {
    const LEFT: u64 = 90;
    const TOP: u64 = 12;
    const PLOT_W: u64 = 500;
    const PLOT_H: u64 = 220;
    let years = projections.iter().map(|p| p.years.len()).max().unwrap_or(0).min(100);
    let top = axis_top(
        projections
            .iter()
            .flat_map(|p| p.years.iter().copied())
            .max()
            .unwrap_or(0),
    );
    let step = if years > 1 { PLOT_W / (years as u64 - 1) } else { PLOT_W };
    let x_of = |i: usize| LEFT + i as u64 * step;
    let y_of = |v: u64| {
        TOP + PLOT_H - u64::try_from(u128::from(v.min(top)) * u128::from(PLOT_H) / u128::from(top.max(1))).unwrap_or(0)
    };
    let desc = projections
        .iter()
        .map(|p| {
            let values = p
                .years
                .iter()
                .enumerate()
                .map(|(i, v)| format!("{} {}", year_label(i, lang), euros(*v, lang)))
                .collect::<Vec<_>>()
                .join(", ");
            format!("{}{}{values}", p.label.get(lang), colon(lang))
        })
        .collect::<Vec<_>>()
        .join("; ");
    let mut o = String::new();
    let title = labels(lang).dependencies.cost_title;
    open(
        &mut o,
        "cost-chart",
        (LEFT + PLOT_W + 90, TOP + PLOT_H + 40),
        title,
        labelled_by,
        &desc,
    );
    for k in 0..=4u64 {
        let v = top / 4 * k;
        let y = y_of(v);
        let _ = write!(
            o,
            "<line x1=\"{LEFT}\" y1=\"{y}\" x2=\"{}\" y2=\"{y}\" class=\"cost-grid\" stroke=\"{GRID}\"/>",
            LEFT + PLOT_W
        );
        let _ = write!(
            o,
            "<text x=\"{}\" y=\"{}\" text-anchor=\"end\" class=\"chart-value\" fill=\"{TEXT}\">{}</text>",
            LEFT - 6,
            y + 5,
            e(&euros(v, lang))
        );
    }
    for i in 0..years {
        let _ = write!(
            o,
            "<text x=\"{}\" y=\"{}\" text-anchor=\"middle\" class=\"chart-value\" fill=\"{TEXT}\">{}</text>",
            x_of(i),
            TOP + PLOT_H + 24,
            e(&year_label(i, lang))
        );
    }
    for (k, p) in projections.iter().enumerate() {
        let (dash, _, colour) = LINES[k % LINES.len()];
        let points = p
            .years
            .iter()
            .take(years)
            .enumerate()
            .map(|(i, v)| format!("{},{}", x_of(i), y_of(*v)))
            .collect::<Vec<_>>()
            .join(" ");
        let dash = if dash.is_empty() {
            String::new()
        } else {
            format!(" stroke-dasharray=\"{dash}\"")
        };
        let _ = write!(o, "<g class=\"cost-line\" data-scenario=\"{}\">", e(&p.id));
        let _ = write!(o, "<polyline points=\"{points}\" fill=\"none\" class=\"cost-path\" stroke=\"{colour}\" stroke-width=\"2\"{dash}/>");
        for (i, v) in p.years.iter().take(years).enumerate() {
            marker(&mut o, k, x_of(i), y_of(*v), colour);
        }
        if let Some(&end) = p.years.get(..years).and_then(<[u64]>::last) {
            let same = projections[..k]
                .iter()
                .filter(|q| q.years.get(..years).and_then(<[u64]>::last) == Some(&end))
                .count() as u64;
            let x = x_of(p.years.len().min(years) - 1) + 10 + 14 * same;
            let _ = write!(
                o,
                "<text x=\"{x}\" y=\"{}\" class=\"chart-value\" fill=\"{TEXT}\">{}</text>",
                y_of(end) + 5,
                k + 1
            );
        }
        o.push_str("</g>");
    }
    o.push_str("</svg>");
    o
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_value_axis_ends_on_a_round_amount() {
        assert_eq!(axis_top(7738), 8000);
        assert_eq!(axis_top(4200), 6000);
        assert_eq!(axis_top(0), 4);
        assert_eq!(axis_top(u64::MAX), u64::MAX);
    }

    fn projection(id: &str, label: &str, years: Vec<u64>) -> CostProjection {
        let five_year_total = years[1..].iter().sum();
        CostProjection {
            id: id.into(),
            label: crate::Text::new(label, label),
            increase_over_stable: 0,
            years,
            five_year_total,
            source: None,
        }
    }

    #[test]
    fn the_cost_chart_escapes_the_inventorys_words_and_keeps_equal_ends_apart() {
        let ps = [
            projection("a\"><script>", "<b>Mine</b> & co", vec![100, 110, 120, 130, 140, 150]),
            projection("b", "Other", vec![100, 120, 130, 135, 140, 150]),
        ];
        let svg = cost_chart(&ps, Lang::En, None);
        assert!(!svg.contains("<script") && !svg.contains("<b>"), "{svg}");
        assert!(
            svg.contains("&lt;b&gt;Mine&lt;/b&gt; &amp; co")
                && svg.contains("data-scenario=\"a&quot;&gt;&lt;script&gt;\"")
        );
        assert!(
            svg.contains("<title id=\"cost-chart-title\">")
                && svg.contains("aria-labelledby=\"cost-chart-title cost-chart-desc\"")
        );
        // Both end on 150: their numbers sit side by side, not on top of each other.
        let end_x: Vec<&str> = ["1", "2"]
            .iter()
            .map(|n| {
                let at = svg
                    .find(&format!("class=\"chart-value\" fill=\"{TEXT}\">{n}</text>"))
                    .unwrap();
                let x = svg[..at].rfind("<text x=\"").unwrap() + 9;
                &svg[x..svg[x..].find('"').unwrap() + x]
            })
            .collect();
        assert_ne!(end_x[0], end_x[1]);
        // A host caption names the chart instead of its own title.
        let captioned = cost_chart(&ps, Lang::En, Some("cap"));
        assert!(captioned.contains("aria-labelledby=\"cap cost-chart-desc\"") && !captioned.contains("<title"));
    }

    #[test]
    fn years_are_named() {
        assert_eq!(
            (year_label(0, Lang::Fr), year_label(3, Lang::En)),
            ("Aujourd'hui".to_owned(), "Year 3".to_owned())
        );
    }
}
