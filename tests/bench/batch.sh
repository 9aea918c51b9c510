#!/usr/bin/env bash
# Benchmark of `tnl batch` (not a timed test): generates synthetic answers files, then measures
# `tnl batch` against a baseline that only reads and parses the same files with serde_json
# (`tnl batch --parse-only`, same reading and parallelism), at 1,000 / 10,000 / 100,000 entities.
#
#   bash tests/bench/batch.sh            # all three sizes
#   SIZES="10000" bash tests/bench/batch.sh
#
# Prints a Markdown table for docs/benchmarks.md. Each figure is the best of RUNS runs.
set -euo pipefail
cd "$(dirname "$0")/../.."
SIZES=${SIZES:-"1000 10000 100000"}
RUNS=${RUNS:-3}
WORK=${WORK:-$(mktemp -d "${TMPDIR:-/tmp}/tnl-bench.XXXXXX")}
cargo build --release -q -p tnl-cli --bin tnl --example gen_answers
TNL=target/release/tnl
GEN=target/release/examples/gen_answers

best() { # best wall time in seconds of RUNS runs of "$@"
  local best=""
  for _ in $(seq "$RUNS"); do
    local s e t
    s=$(date +%s.%N); "$@" >/dev/null 2>&1 || true; e=$(date +%s.%N)
    t=$(echo "$e - $s" | bc -l)
    if [ -z "$best" ] || (( $(echo "$t < $best" | bc -l) )); then best=$t; fi
  done
  printf '%.3f' "$best"
}

echo "| entities | tnl batch (s) | answers/s | parse only (s) | ratio | µs per entity |"
echo "|---:|---:|---:|---:|---:|---:|"
for n in $SIZES; do
  dir="$WORK/$n"
  [ -d "$dir" ] || "$GEN" "$dir" "$n"
  cat "$dir"/*.json >/dev/null 2>&1 || find "$dir" -name '*.json' -exec cat {} + >/dev/null # warm the page cache
  # Both write to standard output (the baseline its count, tnl batch the whole table): `-o FILE`
  # adds an fsync of the table, measured apart below.
  tb=$(best "$TNL" batch "$dir" -q)
  tp=$(best "$TNL" batch --parse-only "$dir" -q)
  rate=$(echo "$n / $tb" | bc -l)
  printf '| %d | %s | %.0f | %s | %.2f | %.1f |\n' "$n" "$tb" "$rate" "$tp" "$(echo "$tb / $tp" | bc -l)" "$(echo "$tb * 1000000 / $n" | bc -l)"
done
echo
for n in $SIZES; do
  printf -- '- %d entities with `-o FILE` (written to a temporary file, synced, renamed): %s s\n' "$n" "$(best "$TNL" batch "$WORK/$n" -q -o "$WORK/out-$n.csv")"
done
echo
echo "files: $WORK ($(nproc) cores, $(uname -m))"
