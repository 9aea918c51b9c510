//! The per-file work of `tnl batch` and of its parse-only baseline, without the file system, for
//! counting instructions (tests/bench/batch_instructions.sh runs it under callgrind): the
//! instruction count does not depend on what else the machine is doing, unlike wall time.
//!
//! `cargo run --release -p tnl-cli --example batch_work -- MODE DIR` with MODE one of `read`
//! (read the files only), `parse` (the baseline: `serde_json::Value`) or `tnl` (what a worker of
//! `tnl batch` does for a CSV row: answers, summary, row) or `report` (answers and the full
//! report instead of the summary, for comparison).

// A measuring tool for developers, run by hand: printing macros are fine here.
#![allow(clippy::disallowed_macros)]

use tnl_engine::{editions, evaluate, render, summarize_view, Answers, AnswersView, Lang};

// The allocator of the tnl command line.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    let args: Vec<String> = std::env::args().collect();
    let (Some(mode), Some(dir)) = (args.get(1), args.get(2)) else {
        eprintln!("usage: batch_work read|parse|tnl|report DIR");
        return std::process::ExitCode::from(2);
    };
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| e.path())
        .collect();
    paths.sort();
    let texts: Vec<String> = paths.iter().filter_map(|p| std::fs::read_to_string(p).ok()).collect();
    let Some(Ok(criteria)) = editions::load("tnl-2025") else {
        return std::process::ExitCode::FAILURE;
    };
    let domains: Vec<String> = criteria.domains().iter().map(|d| d.id.clone()).collect();
    let mut bytes = 0usize;
    for text in &texts {
        bytes += match mode.as_str() {
            "parse" => {
                serde_json::from_str::<serde_json::Value>(text).map_or(0, |v| v.as_object().map_or(0, |o| o.len()))
            }
            "tnl" => AnswersView::from_json(text, "x").map_or(0, |a| {
                render::summary_csv_line(
                    &["x", "answers"],
                    &summarize_view(&criteria, &a),
                    &domains,
                    Lang::Fr,
                    render::DEPS_SUMMARY_WIDTH + 1,
                )
                .len()
            }),
            "report" => Answers::from_json(text, "x").map_or(0, |a| evaluate(&criteria, &a).next_steps.len()),
            _ => text.len(),
        };
    }
    println!("{} files, {bytes}", texts.len());
    std::process::ExitCode::SUCCESS
}
