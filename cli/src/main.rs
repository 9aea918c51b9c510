//! `tnl`: see `tnl --help` and docs/cli.md.

use std::process::ExitCode;

fn main() -> ExitCode {
    tnl_cli::main()
}
