//! Benchmark of `evaluate` on a complete answer set of the largest shipped edition, with the
//! system allocator (the CLI uses mimalloc: see `evaluate_mimalloc.rs`).
//!
//! Run with `cargo bench -p tnl-engine --bench evaluate`; figures are recorded in
//! docs/benchmarks.md.

mod shared;

fn main() {
    divan::main();
}
