#!/usr/bin/env bash
# Instructions per file of `tnl batch`'s work and of its parse-only baseline, counted by
# callgrind (not a timed test). Unlike wall time, the counts do not change with the load of a
# shared machine; they leave out the kernel's work of reading the files, which both share.
#
#   bash tests/bench/batch_instructions.sh [DIR]   # DIR: answers files (default: 1,000 generated)
set -euo pipefail
cd "$(dirname "$0")/../.."
command -v valgrind >/dev/null || { echo "valgrind is needed (apt-get install valgrind)" >&2; exit 1; }
cargo build --release -q -p tnl-cli --example batch_work --example gen_answers
DIR=${1:-}
if [ -z "$DIR" ]; then
  DIR=$(mktemp -d)
  target/release/examples/gen_answers "$DIR" 1000
fi
n=$(find "$DIR" -maxdepth 1 -name '*.json' | wc -l)
count() { valgrind --tool=callgrind --callgrind-out-file=/dev/null target/release/examples/batch_work "$1" "$DIR" 2>&1 | awk '/refs:/ {gsub(",", "", $NF); print $NF}'; }
read=$(count read); parse=$(count parse); tnl=$(count tnl)
p=$(( (parse - read) / n )); t=$(( (tnl - read) / n ))
echo "| per file ($n files) | instructions |"
echo "|---|---:|"
echo "| parse only (serde_json::Value) | $p |"
echo "| tnl batch (answers, summary, CSV row) | $t |"
echo "| ratio | $(echo "$t / $p" | bc -l | cut -c1-4) |"
