//! The same benchmarks as `evaluate.rs`, with the allocator the `tnl` command line uses
//! (mimalloc): evaluation allocates a few dozen small buffers, so the allocator shows.
//!
//! Run with `cargo bench -p tnl-engine --bench evaluate_mimalloc`.

#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

mod shared;

fn main() {
    divan::main();
}
