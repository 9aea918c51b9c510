//! `evaluate` in a loop, for counting instructions per evaluation with callgrind
//! (tests/bench/evaluate_instructions.sh): the benchmark's complete answer set of the largest
//! edition, evaluated N times (default 20,000). Instruction counts do not move with the load of a
//! shared machine, unlike the divan benchmark's times.
//!
//! With `half` after N, every other answer is left out: a form half answered, where the range
//! (secured, likely, reachable) costs its two passes.
//!
//! `cargo run --release -p tnl-engine --example evaluate_loop -- [N] [half]`

#[path = "../benches/shared/mod.rs"]
#[allow(dead_code)]
mod shared;

#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    let n: usize = std::env::args().nth(1).and_then(|s| s.parse().ok()).unwrap_or(20_000);
    let (c, mut a) = shared::largest_edition_and_answers();
    if std::env::args().nth(2).as_deref() == Some("half") {
        let mut keep = false;
        a.answers.retain(|_, _| {
            keep = !keep;
            keep
        });
    }
    let mut steps = 0;
    for _ in 0..n {
        steps += tnl_engine::evaluate(std::hint::black_box(&c), std::hint::black_box(&a))
            .next_steps
            .len();
    }
    println!("{n} evaluations, {steps} next steps");
}
