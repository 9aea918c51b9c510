//! What each reader does with an input: read it, and when it reads, take it through every
//! step that follows in the CLI and the app (evaluation, summaries, the dependency map,
//! comparison, every renderer). Errors are expected; a panic is the bug being looked for.

use crate::Reader;
use tnl_engine::deps::{dependency_report, prefill, Catalogue, DepsOptions, Inventory, CATALOGUE_JSON};
use tnl_engine::{
    carry_over, compare, compare_baselines, editions, evaluate, render, summarize_view, Answers, AnswersView, Baseline,
    Criteria, Lang, Profile, Report,
};

/// What the targets read their inputs against, loaded once.
pub struct Context {
    /// The shipped editions and the mini edition of the tests.
    pub editions: Vec<Criteria>,
    /// The shipped catalogue.
    pub catalogue: Catalogue,
    /// A shipped inventory, mapped against fuzzed catalogues.
    pub inventory: Inventory,
}

impl Context {
    /// Loads the shipped data and the test fixtures; `None` when one is missing or invalid.
    pub fn load() -> Option<Context> {
        let root = crate::repo_root();
        let mut editions: Vec<Criteria> = editions::EDITIONS
            .iter()
            .filter_map(|e| editions::load(e.id)?.ok())
            .collect();
        let mini = std::fs::read_to_string(root.join("tests/fixtures/mini-edition.json")).ok()?;
        editions.push(Criteria::from_json(&mini, "mini-edition.json").ok()?);
        let inventory =
            std::fs::read_to_string(root.join("tests/golden/deps-shipped/territoire-40.inventory.json")).ok()?;
        Some(Context {
            editions,
            catalogue: Catalogue::from_json(CATALOGUE_JSON, "catalogue.json").ok()?,
            inventory: Inventory::from_json(&inventory, "territoire-40.inventory.json").ok()?,
        })
    }
}

/// Runs one input through `reader`; returns whether it was read (and so went further).
pub fn run(reader: Reader, bytes: &[u8], ctx: &Context) -> bool {
    // The CLI refuses text that is not UTF-8 before any reader; the lossy text still fuzzes the
    // readers with what such bytes become.
    let text = String::from_utf8_lossy(bytes);
    match reader {
        Reader::Criteria => criteria(&text),
        Reader::Answers => answers(&text, ctx),
        Reader::Baseline => baseline(&text),
        Reader::Inventory => inventory(&text, ctx),
        Reader::Catalogue => catalogue(&text, ctx),
        Reader::JsonLines => json_lines(bytes, ctx),
    }
}

fn criteria(text: &str) -> bool {
    let Ok(c) = Criteria::from_json(text, "fuzz.json") else {
        return false;
    };
    let report = evaluate(&c, &Answers::new(c.id(), Profile::default()));
    render_report(&report);
    let _ = tnl_engine::edition_page::edition_page(&c);
    true
}

fn answers(text: &str, ctx: &Context) -> bool {
    if let Ok(view) = AnswersView::from_json(text, "fuzz.json") {
        for c in &ctx.editions {
            let summary = summarize_view(c, &view);
            let _ = render::summary_json(&summary, Lang::Fr);
        }
    }
    let Ok(a) = Answers::from_json(text, "fuzz.json") else {
        return false;
    };
    for c in &ctx.editions {
        let report = evaluate(c, &a);
        render_report(&report);
        let _ = carry_over(&a, c);
    }
    let _ = a.to_json_pretty();
    true
}

fn baseline(text: &str) -> bool {
    let read = Baseline::from_json(text, "fuzz.json").map(|b| {
        let c = compare_baselines(&b, &b);
        render_comparison(&c);
    });
    let Ok(report) = Report::from_json(text, "fuzz.json") else {
        return read.is_ok();
    };
    render_report(&report);
    render_comparison(&compare(&report, &report));
    true
}

fn inventory(text: &str, ctx: &Context) -> bool {
    let Ok(inventory) = Inventory::from_json(text, "fuzz.json") else {
        return false;
    };
    map(&ctx.catalogue, &inventory, ctx);
    true
}

fn catalogue(text: &str, ctx: &Context) -> bool {
    let Ok(catalogue) = Catalogue::from_json(text, "fuzz.json") else {
        return false;
    };
    map(&catalogue, &ctx.inventory, ctx);
    true
}

fn json_lines(bytes: &[u8], ctx: &Context) -> bool {
    let Ok(lines) = tnl_cli::batch::json_lines("fuzz.jsonl", bytes) else {
        return false;
    };
    let mut read = false;
    for line in lines {
        let Ok(text) = line.text else { continue };
        if let Ok(view) = AnswersView::from_json(&text, &line.label) {
            read = true;
            if let Some(c) = ctx.editions.iter().find(|c| c.id() == view.head().edition) {
                let _ = render::summary_json(&summarize_view(c, &view), Lang::En);
            }
        }
    }
    read
}

/// The dependency report of an inventory, every rendering of it, and the answers it pre-fills.
fn map(catalogue: &Catalogue, inventory: &Inventory, ctx: &Context) {
    let r = dependency_report(
        catalogue,
        inventory,
        &DepsOptions {
            today: Some("2026-06-15".into()),
        },
    );
    for lang in [Lang::Fr, Lang::En] {
        let _ = render::deps_markdown(&r, lang);
        let _ = render::deps_html(&r, lang);
        let _ = render::deps_csv(&r, lang);
    }
    let _ = render::deps_odt(&r, Lang::Fr);
    let _ = render::deps_summary_row(&r);
    let _ = r.to_json_pretty();
    for c in &ctx.editions {
        let _ = prefill(&r, c, Lang::Fr);
    }
}

fn render_report(report: &Report) {
    let _ = render::json(report);
    for lang in [Lang::Fr, Lang::En] {
        let _ = render::markdown(report, lang);
        let _ = render::html(report, lang);
        let _ = render::csv(report, lang);
        let _ = render::note_html(report, None, lang);
        let _ = render::deliberation_markdown(report, None, lang);
    }
    let _ = render::odt(report, Lang::Fr);
    let _ = render::note_odt(report, None, Lang::Fr);
    let _ = render::deliberation_odt(report, None, Lang::Fr);
}

fn render_comparison(c: &tnl_engine::Comparison) {
    for lang in [Lang::Fr, Lang::En] {
        let _ = render::comparison_markdown(c, lang);
        let _ = render::comparison_html(c, lang);
        let _ = render::comparison_csv(c, lang);
    }
    let _ = render::comparison_odt(c, Lang::Fr);
}
