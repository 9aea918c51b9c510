#!/usr/bin/env bash
# Runs every test of tnl from a fresh machine: native unit, golden, property, format, calibration
# and CLI tests, then the browser app's tests (wasm parity, end-to-end in headless Chromium).
# Installs what it needs, idempotently, from the package registries only.
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n==> %s\n' "$*"; }

step "native tests (engine, formats, golden, properties, calibration, CLI)"
cargo test --workspace --exclude tnl-web --no-fail-fast
if [ -x tests/web.sh ]; then
  step "browser app tests"
  bash tests/web.sh
fi
step "docs build without warnings"
RUSTDOCFLAGS="-D warnings" cargo doc --no-deps -p tnl-engine --quiet
echo
echo "all tests passed"
