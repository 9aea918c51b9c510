#!/usr/bin/env bash
# The documents tnl prints, printed: each is written with the `tnl` command as an HTML page,
# printed to A4 PDF by Debian's headless Chromium (the browser a collectivité prints from), and
# checked for
#   - the number of pages before its annex (the whole document when it has none) against its
#     maximum, so that what a reader takes in stays short;
#   - page numbers on its pages (« Page 1 sur 4 », "Page 1 of 4"), from the PDF's text.
# Installs what it needs when missing (the npm packages of tests/e2e, Debian's chromium and
# poppler-utils); nothing is done the second time.
#
# Usage: bash tests/print/run.sh   (from anywhere)
# A document is one line of DOCUMENTS below: its name, its maximum number of pages before the
# annex, and the tnl arguments that write it (the output file is added).
set -euo pipefail
cd "$(dirname "$0")/../.."

DOCUMENTS=(
  "report-fr 4 --lang fr evaluate tests/fixtures/complete-2025.answers.json --inventory tests/golden/deps/commune-mixte.inventory.json"
  "report-en 4 --lang en evaluate tests/fixtures/complete-2025.answers.json --inventory tests/golden/deps/commune-mixte.inventory.json"
  "note-fr 2 --lang fr note tests/fixtures/complete-2025.answers.json --inventory tests/golden/deps/commune-mixte.inventory.json"
  "note-en 2 --lang en note tests/fixtures/complete-2025.answers.json --inventory tests/golden/deps/commune-mixte.inventory.json"
)

step() { printf '\n==> %s\n' "$*"; }

missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
command -v pdfinfo >/dev/null && command -v pdftotext >/dev/null || missing+=(poppler-utils)
if [ ${#missing[@]} -gt 0 ]; then
  step "installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update
  apt-get install -y --no-install-recommends "${missing[@]}"
fi
if [ ! -f tests/e2e/node_modules/playwright-core/package.json ]; then
  step "installing the npm packages of tests/e2e"
  (cd tests/e2e && npm ci --no-audit --no-fund)
fi

step "writing the documents with tnl"
cargo build --quiet -p tnl-cli
tnl="$PWD/target/debug/tnl"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

failed=0
for doc in "${DOCUMENTS[@]}"; do
  read -r name max args <<<"$doc"
  # shellcheck disable=SC2086 # the arguments are words
  "$tnl" -q $args -o "$work/$name.html"
  node tests/print/print.mjs "$work/$name.html" "$work/$name.pdf" "$work/$name.before.pdf"
  pages=$(pdfinfo "$work/$name.pdf" | awk '/^Pages:/ {print $2}')
  before=$(pdfinfo "$work/$name.before.pdf" | awk '/^Pages:/ {print $2}')
  text=$(pdftotext -layout "$work/$name.pdf" -)
  numbered=$(grep -cE "Page [0-9]+ (sur|of) $pages\b" <<<"$text" || true)
  printf '%-12s %2s pages, %s before the annex (at most %s), %s numbered\n' "$name" "$pages" "$before" "$max" "$numbered"
  if [ "$before" -gt "$max" ]; then
    echo "  $name: $before pages before the annex, more than $max" >&2
    failed=1
  fi
  if [ "$numbered" -ne "$pages" ]; then
    echo "  $name: $numbered of its $pages pages carry « Page N sur $pages »" >&2
    failed=1
  fi
done
[ "$failed" -eq 0 ] || exit 1
echo
echo "every document printed within its pages, numbered"
