#!/usr/bin/env bash
# Benchmark of `tnl batch` (not a timed test): generates synthetic answers files, then measures
# `tnl batch` against a baseline that only reads and parses the same files with serde_json
# (`tnl batch --parse-only`, same reading and parallelism), at 1,000 / 10,000 / 100,000 entities.
#
#   bash tests/bench/batch.sh            # all three sizes
#   SIZES="10000" bash tests/bench/batch.sh
#
# Prints a Markdown table for docs/benchmarks.md. Each figure is the best of RUNS runs, the two
# commands alternating; the median ratio is that of the medians of the same runs.
set -euo pipefail
cd "$(dirname "$0")/../.."
SIZES=${SIZES:-"1000 10000 100000"}
RUNS=${RUNS:-3}
WORK=${WORK:-$(mktemp -d "${TMPDIR:-/tmp}/tnl-bench.XXXXXX")}
cargo build --release -q -p tnl-cli --bin tnl --example gen_answers
TNL=target/release/tnl
GEN=target/release/examples/gen_answers

secs() { # wall time in seconds of one run of "$@"
  local s e
  s=$(date +%s.%N); "$@" >/dev/null 2>&1 || true; e=$(date +%s.%N)
  echo "$e - $s" | bc -l
}
min() { if [ -z "$1" ] || (( $(echo "$2 < $1" | bc -l) )); then echo "$2"; else echo "$1"; fi; }
median() { tr ' ' '\n' | grep . | sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

echo "| entities | tnl batch (s) | answers/s | parse only (s) | ratio | median ratio | µs per entity |"
echo "|---:|---:|---:|---:|---:|---:|---:|"
for n in $SIZES; do
  dir="$WORK/$n"
  [ -d "$dir" ] || "$GEN" "$dir" "$n"
  cat "$dir"/*.json >/dev/null 2>&1 || find "$dir" -name '*.json' -exec cat {} + >/dev/null # warm the page cache
  # The two commands alternate, so that both see the same state of a shared machine; each
  # figure is the best of RUNS. Both write to standard output (the baseline its count, tnl batch
  # the whole table): `-o FILE` adds an fsync of the table, measured apart below.
  tb=""; tp=""; all_b=""; all_p=""
  for _ in $(seq "$RUNS"); do
    b=$(secs "$TNL" batch "$dir" -q); p=$(secs "$TNL" batch --parse-only "$dir" -q)
    tb=$(min "$tb" "$b"); tp=$(min "$tp" "$p"); all_b="$all_b $b"; all_p="$all_p $p"
  done
  mb=$(echo "$all_b" | median); mp=$(echo "$all_p" | median)
  tb=$(printf '%.3f' "$tb"); tp=$(printf '%.3f' "$tp")
  rate=$(echo "$n / $tb" | bc -l)
  printf '| %d | %s | %.0f | %s | %.2f | %.2f | %.1f |\n' "$n" "$tb" "$rate" "$tp" "$(echo "$tb / $tp" | bc -l)" "$(echo "$mb / $mp" | bc -l)" "$(echo "$tb * 1000000 / $n" | bc -l)"
done
echo
for n in $SIZES; do
  to=""
  for _ in $(seq "$RUNS"); do to=$(min "$to" "$(secs "$TNL" batch "$WORK/$n" -q -o "$WORK/out-$n.csv")"); done
  printf -- '- %d entities with `-o FILE` (written to a temporary file, synced, renamed): %.3f s\n' "$n" "$to"
done
echo
echo "files: $WORK ($(nproc) cores, $(uname -m))"
