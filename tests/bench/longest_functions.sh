#!/usr/bin/env bash
# The longest functions of the engine, in lines from `fn` to its closing brace (rustfmt's layout:
# the body closes with a `}` at the indentation of its `fn`). The house rule is under 120 lines.
#
#   bash tests/bench/longest_functions.sh [N] [PATH...]   (default: 15, engine/src)
set -euo pipefail
cd "$(dirname "$0")/../.."
n=${1:-15}
shift || true
paths=("${@:-engine/src}")
find "${paths[@]}" -name '*.rs' -print0 | xargs -0 awk '
  FNR == 1 { open = 0 }
  !open && /^[[:space:]]*(pub(\([a-z]+\))? )?(const )?(unsafe )?fn [A-Za-z_]/ && !/;[[:space:]]*$/ {
    match($0, /^[[:space:]]*/); indent = substr($0, 1, RLENGTH)
    name = $0; sub(/.*fn /, "", name); sub(/[^A-Za-z0-9_].*/, "", name)
    start = FNR; open = 1
    if ($0 ~ /}[[:space:]]*$/ && $0 ~ /{/) { print 1, FILENAME ":" start, name; open = 0 }
    next
  }
  open && $0 == indent "}" { print FNR - start + 1, FILENAME ":" start, name; open = 0 }
' | sort -rn | head -n "$n"
