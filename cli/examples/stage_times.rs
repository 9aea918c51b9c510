//! Where `tnl batch` spends its time, stage by stage, single-threaded (a diagnosis aid for
//! docs/benchmarks.md): `cargo run --release -p tnl-cli --example stage_times -- DIR`.

#![allow(clippy::float_arithmetic)]

use std::time::Instant;
use tnl_engine::{editions, render, summarize_view, AnswersView, Lang};

fn main() {
    let dir = std::env::args().nth(1).unwrap_or_else(|| "/tmp/bench10k".into());
    let mut paths: Vec<_> = std::fs::read_dir(&dir).into_iter().flatten().flatten().map(|e| e.path()).collect();
    paths.sort();
    let t = Instant::now();
    let texts: Vec<String> = paths.iter().filter_map(|p| std::fs::read_to_string(p).ok()).collect();
    println!("read      {:>8.1} ms", t.elapsed().as_secs_f64() * 1e3);
    let t = Instant::now();
    let n = texts.iter().filter(|s| serde_json::from_str::<serde_json::Value>(s).is_ok()).count();
    println!("parse     {:>8.1} ms ({n})", t.elapsed().as_secs_f64() * 1e3);
    let t = Instant::now();
    let answers: Vec<AnswersView> = texts.iter().filter_map(|s| AnswersView::from_json(s, "x").ok()).collect();
    println!("answers   {:>8.1} ms", t.elapsed().as_secs_f64() * 1e3);
    let t = Instant::now();
    let Some(Ok(c)) = editions::load("tnl-2025") else { return };
    println!("edition   {:>8.1} ms (loading and checking tnl-2025)", t.elapsed().as_secs_f64() * 1e3);
    let t = Instant::now();
    // What `tnl batch` computes for each row: the summary of answers read as a view.
    let summaries: Vec<_> = answers.iter().map(|a| summarize_view(&c, a)).collect();
    println!("summarize {:>8.1} ms", t.elapsed().as_secs_f64() * 1e3);
    let domains: Vec<String> = c.domains().iter().map(|d| d.id.clone()).collect();
    let t = Instant::now();
    let rows: usize = summaries.iter().map(|s| render::csv_line(&render::summary_row(s, &domains, Lang::Fr)).len()).sum();
    println!("rows      {:>8.1} ms ({rows} bytes)", t.elapsed().as_secs_f64() * 1e3);
    let t = Instant::now();
    drop(summaries);
    drop(answers);
    println!("drop      {:>8.1} ms", t.elapsed().as_secs_f64() * 1e3);
}

// The allocator of the tnl command line, so that the stages cost what they cost in `tnl batch`.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;
