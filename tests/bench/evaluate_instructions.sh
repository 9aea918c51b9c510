#!/usr/bin/env bash
# Instructions per `evaluate` of the benchmark's complete answer set (tnl-2025), counted by
# callgrind (not a timed test): unlike the divan benchmark's times, the count does not change
# with the load of a shared machine, so it decides between two versions of the engine.
#
#   bash tests/bench/evaluate_instructions.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
command -v valgrind >/dev/null || { echo "valgrind is needed (apt-get install valgrind)" >&2; exit 1; }
cargo build --release -q -p tnl-engine --example evaluate_loop
count() { valgrind --tool=callgrind --callgrind-out-file=/dev/null target/release/examples/evaluate_loop "$@" 2>&1 | awk '/refs:/ {gsub(",", "", $NF); print $NF}'; }
# Two runs, 1,000 and 21,000 evaluations: the difference leaves out loading the edition.
a=$(count 1000); b=$(count 21000)
echo "instructions per evaluation: $(( (b - a) / 20000 ))"
# The same, every other answer left out: the range's two extra passes run only on such forms.
a=$(count 1000 half); b=$(count 21000 half)
echo "instructions per evaluation, half answered: $(( (b - a) / 20000 ))"
