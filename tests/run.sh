#!/usr/bin/env bash
# Runs every test of tnl from a fresh machine:
#   0. the format and lint gates: cargo fmt --check, then clippy with warnings as errors;
#   1. native tests of every crate: engine (unit and doc tests), cross-crate tests (formats,
#      scoring, golden reports, properties, calibration, dependency map), CLI, and the browser
#      app's state logic;
#   2. the browser app: wasm parity with the native engine, then end-to-end in headless Chromium
#      (xtask installs what these need: the wasm target, wasm-bindgen-cli pinned to the crate's
#      version, the npm packages of tests/e2e, Debian's chromium — each step skipped when done);
#   3. every ODT and ODS file the CLI writes, opened and converted by LibreOffice (Debian's
#      packages, installed when missing), the spreadsheets' numbers read back as numbers;
#   4. the documents people print (the readiness report, the note for the élus), printed to A4 PDF by Chromium: at most
#      their number of pages before the annex, every page numbered (tests/print/run.sh);
#   5. the engine's documentation, which must build without warnings.
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n==> %s\n' "$*"; }

step "format and lint gates"
cargo fmt --all --check
cargo clippy --workspace --all-targets -- -D warnings
cargo clippy -p tnl-engine --no-default-features --all-targets -- -D warnings

step "native tests"
cargo test --workspace --no-fail-fast
# The browser build leaves the default features off: test the engine that way too.
cargo test -p tnl-engine --no-default-features
step "fuzzing the readers on stable Rust (60 s, seeded from the fixtures)"
fuzz_log=$(mktemp)
cargo run -q -p tnl-fuzz -- --seconds 60 | tee "$fuzz_log"
step "browser app: wasm parity and end-to-end"
cargo run -p xtask -- test-wasm
cargo run -p xtask -- test-e2e
step "OpenDocument files read by LibreOffice"
bash tests/office/run.sh
step "documents printed by Chromium: pages counted, numbered"
bash tests/print/run.sh
step "engine documentation"
RUSTDOCFLAGS="-D warnings" cargo doc --no-deps -p tnl-engine --quiet
echo
echo "fuzzing, as run above:"
tail -n 12 "$fuzz_log"
echo
echo "all tests passed"
