//! `tnl`: see `tnl --help` and docs/cli.md.

use std::process::ExitCode;

fn main() -> ExitCode {
    tnl_cli::main()
}

// The engine allocates many small strings per report; mimalloc keeps `tnl batch` from spending
// a third of its time in the system allocator when every core evaluates at once.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;
