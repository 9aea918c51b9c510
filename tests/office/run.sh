#!/usr/bin/env bash
# LibreOffice as an independent reader of every OpenDocument file tnl writes.
#
#   1. installs Debian's LibreOffice (writer and calc, without a desktop) when `soffice` is
#      missing, as xtask does for Chromium (apt-get update first; nothing done the second time);
#   2. writes, with the `tnl` command from the test fixtures, in French and in English: the
#      report, the note for the élus and the draft deliberation (ODT), the comparison and the
#      dependency map (ODT and ODS), and the territory
#      table of `tnl batch` (ODS), with a hostile collectivité name (markup, `]]>`, control
#      characters, a formula) in each;
#   3. converts them all to PDF in one soffice run, and fails on any error or missing PDF;
#   4. converts the spreadsheets to CSV in a second run (every sheet, text cells quoted, cells
#      as shown) and checks, with tests/office/check_csv.py, that the numeric columns read back
#      as numbers (unquoted), negative ones included, percentages as percentages and money in
#      euros.
#
# Usage: bash tests/office/run.sh   (from anywhere; about 20 s once LibreOffice is installed)
set -euo pipefail
cd "$(dirname "$0")/../.."

step() { printf '\n==> %s\n' "$*"; }

missing=()
command -v soffice >/dev/null || missing+=(libreoffice-writer-nogui libreoffice-calc-nogui)
command -v python3 >/dev/null || missing+=(python3)
if [ ${#missing[@]} -gt 0 ]; then
  step "installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update
  apt-get install -y --no-install-recommends "${missing[@]}"
fi

step "writing the documents with tnl"
cargo build --quiet -p tnl-cli
tnl="$PWD/target/debug/tnl"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/in" "$work/docs" "$work/pdf" "$work/csv" "$work/profile"

# The fixtures, with a hostile name: markup, the end of a CDATA section, control characters
# (as JSON escapes) and a spreadsheet formula.
hostile='<script>alert(1)</script> ]]> \\u0001\\u001b=cmd|'"'"' /C calc'"'"'!A0'
name_to() { sed -E "0,/\"name\": *\"[^\"]*\"/s##\"name\": \"$hostile\"#" "$1" >"$2"; }
name_to tests/golden/mini-ville-partielle.answers.json "$work/in/old.answers.json"
name_to tests/golden/mini-village-complet.answers.json "$work/in/new.answers.json"
name_to tests/golden/deps/commune-mixte.inventory.json "$work/in/mixte.inventory.json"
grep -q 'cmd|' "$work/in/old.answers.json" "$work/in/new.answers.json" "$work/in/mixte.inventory.json"

mini=tests/fixtures/mini-edition.json
for lang in fr en; do
  d="$work/docs"
  # Texts and spreadsheets of a document differ by name, as their PDFs must.
  "$tnl" -q --lang "$lang" evaluate "$work/in/new.answers.json" --criteria "$mini" -o "$d/report-$lang-text.odt"
  "$tnl" -q --lang "$lang" evaluate "$work/in/old.answers.json" --criteria "$mini" -o "$work/in/old.report.json"
  "$tnl" -q --lang "$lang" evaluate "$work/in/new.answers.json" --criteria "$mini" -o "$work/in/new.report.json"
  for kind in -text.odt .ods; do
    "$tnl" -q --lang "$lang" compare "$work/in/old.report.json" "$work/in/new.report.json" -o "$d/comparison-$lang$kind"
    "$tnl" -q --lang "$lang" deps "$work/in/mixte.inventory.json" --today 2026-11-29 -o "$d/deps-$lang$kind"
  done
  # The documents for the élus, with and without the dependency map.
  "$tnl" -q --lang "$lang" note "$work/in/new.answers.json" --criteria "$mini" \
    --inventory "$work/in/mixte.inventory.json" -o "$d/note-$lang-text.odt"
  "$tnl" -q --lang "$lang" deliberation "$work/in/old.answers.json" --criteria "$mini" -o "$d/deliberation-$lang-text.odt"
  "$tnl" -q --lang "$lang" batch "$work/in/old.answers.json" "$work/in/new.answers.json" \
    "$work/in/mixte.inventory.json" --criteria "$mini" --today 2026-11-29 -o "$d/territory-$lang.ods"
done
ls "$work/docs"

# A profile of its own: no first-start dialog, no lock shared with a desktop session.
soffice=(soffice "-env:UserInstallation=file://$work/profile" --headless --norestore)

step "LibreOffice converts every document to PDF"
"${soffice[@]}" --convert-to pdf --outdir "$work/pdf" "$work"/docs/*.odt "$work"/docs/*.ods >"$work/pdf.log" 2>&1 || {
  cat "$work/pdf.log"
  exit 1
}
# soffice says "Error: source file could not be loaded" and still exits 0; the warning about
# javaldx (no Java runtime, which nothing here needs) is not an error.
if grep -v javaldx "$work/pdf.log" | grep -Ei 'error|fail|exception'; then
  echo "soffice reported an error converting to PDF" >&2
  exit 1
fi
for f in "$work"/docs/*; do
  pdf="$work/pdf/$(basename "${f%.*}").pdf"
  if [ ! -s "$pdf" ] || [ "$(head -c 5 "$pdf")" != "%PDF-" ]; then
    echo "no PDF for $(basename "$f")" >&2
    cat "$work/pdf.log" >&2
    exit 1
  fi
done
echo "$(ls "$work/pdf" | wc -l) PDF files for $(ls "$work/docs" | wc -l) documents"

step "LibreOffice reads the spreadsheets' numbers back as numbers"
# CSV filter options: separator ';' (59), quote '"' (34), UTF-8 (76), from line 1, default
# cell format, default language, quote every text cell, detect special numbers, cells as
# shown, no formulas, keep spaces, every sheet (-1, a file each).
"${soffice[@]}" --convert-to 'csv:Text - txt - csv (StarCalc):59,34,76,1,,0,true,true,true,false,false,-1' \
  --outdir "$work/csv" "$work"/docs/*.ods >"$work/csv.log" 2>&1 || {
  cat "$work/csv.log"
  exit 1
}
python3 tests/office/check_csv.py "$work/csv"

echo
echo "LibreOffice read every document"
