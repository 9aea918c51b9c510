//! Where `tnl batch` spends its time, stage by stage, single-threaded (a diagnosis aid for
//! docs/benchmarks.md): `cargo run --release -p tnl-cli --example stage_times -- DIR`.
//!
//! The files are read first; then each pass does, file after file, one more stage of what a
//! worker of `tnl batch` does (each file's work freed before the next, as in the batch), so the
//! difference between two lines is the cost of a stage.

// A measuring tool for developers, run by hand: printing macros are fine here.
#![allow(clippy::disallowed_macros)]
#![allow(clippy::float_arithmetic)]

use std::time::Instant;
use tnl_engine::{editions, render, summarize_view, AnswersView, Lang};

fn main() {
    let dir = std::env::args().nth(1).unwrap_or_else(|| "/tmp/bench10k".into());
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| e.path())
        .collect();
    paths.sort();
    let t = Instant::now();
    let texts: Vec<String> = paths.iter().filter_map(|p| std::fs::read_to_string(p).ok()).collect();
    println!(
        "read                    {:>8.1} ms ({} files)",
        t.elapsed().as_secs_f64() * 1e3,
        texts.len()
    );
    let t = Instant::now();
    let Some(Ok(c)) = editions::load("tnl-2025") else {
        return;
    };
    println!(
        "edition                 {:>8.1} ms (loading and checking tnl-2025)",
        t.elapsed().as_secs_f64() * 1e3
    );
    let domains: Vec<String> = c.domains().iter().map(|d| d.id.clone()).collect();
    let pass = |name: &str, work: &dyn Fn(&str) -> usize| {
        let t = Instant::now();
        let n: usize = texts.iter().map(|s| work(s)).sum();
        println!("{name:<24}{:>8.1} ms ({n})", t.elapsed().as_secs_f64() * 1e3);
    };
    pass("baseline: JSON value", &|s| {
        serde_json::from_str::<serde_json::Value>(s).map_or(0, |v| v.as_object().map_or(0, |o| o.len()))
    });
    pass("answers view", &|s| {
        AnswersView::from_json(s, "x").map_or(0, |a| a.entries().count())
    });
    pass("  + summary", &|s| {
        AnswersView::from_json(s, "x").map_or(0, |a| summarize_view(&c, &a).score as usize)
    });
    pass("  + CSV row", &|s| {
        AnswersView::from_json(s, "x").map_or(0, |a| {
            render::summary_csv_line(
                &["x", "answers"],
                &summarize_view(&c, &a),
                &domains,
                Lang::Fr,
                render::DEPS_SUMMARY_WIDTH + 1,
            )
            .len()
        })
    });
}

// The allocator of the tnl command line, so that the stages cost what they cost in `tnl batch`.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;
