"""Checks the CSV files LibreOffice wrote from tnl's spreadsheets (see tests/office/run.sh).

LibreOffice was told to quote every text cell and to write cells as shown, so a cell it read as
a number is unquoted. For each sheet, the columns that hold numbers must be unquoted and read
as numbers (negative ones included); percentages must show a percent sign, money the euro
sign, contract ends a date. Files are named DOC-LANG-SHEET.csv (DOC-LANG.ods, a file per sheet).

Usage: python3 tests/office/check_csv.py DIR
"""

import os
import re
import sys

NUMBERS = {
    "Habitants", "Inhabitants", "Postes", "Seats", "Fonctions inventoriées", "Functions listed",
    "Fonctions exposées hors UE", "Functions with extra-EU exposure", "Indice HHI sur les postes",
    "HHI by seats",
}
PERCENTAGES = {
    "Score global", "Overall score", "Complétude", "Completeness", "Part des fonctions libres",
    "Share of free functions", "Part des postes sur du libre", "Share of seats on free software",
    "Part de la fonction", "Share of the function",
}
EUROS = {
    "Coût annuel", "Yearly cost", "Coût annuel propriétaire", "Proprietary yearly cost",
    "Coût annuel exposé hors UE", "Yearly cost with extra-EU exposure",
}
DATES = {"Fin de contrat", "Contract end", "Prochaine fin de contrat", "Next contract end"}


def parse(text):
    """Rows of (cell, quoted) pairs: a CSV reader that remembers which cells were quoted."""
    rows, row, cell, quoted, in_quotes, i = [], [], "", False, False, 0
    while i < len(text):
        c = text[i]
        if in_quotes:
            if c == '"' and text[i + 1:i + 2] == '"':
                cell += '"'
                i += 1
            elif c == '"':
                in_quotes = False
            else:
                cell += c
        elif c == '"':
            in_quotes, quoted = True, True
        elif c == ";":
            row.append((cell, quoted))
            cell, quoted = "", False
        elif c in "\r\n":
            if c == "\r" and text[i + 1:i + 2] == "\n":
                i += 1
            row.append((cell, quoted))
            rows.append(row)
            row, cell, quoted = [], "", False
        else:
            cell += c
        i += 1
    if cell or row:
        row.append((cell, quoted))
        rows.append(row)
    return rows


def number(shown, lang):
    """The number a cell shows, or None: digits with the language's separators, a sign, and
    an optional unit (%, €)."""
    s = shown.replace("\u2212", "-")
    for unit in ("%", "€", "\u00a0", "\u202f", " "):
        s = s.replace(unit, "")
    s = s.replace(",", ".") if lang == "fr" else s.replace(",", "")
    try:
        return float(s)
    except ValueError:
        return None


class Checker:
    def __init__(self):
        self.problems = []
        self.counts = {"number": 0, "negative": 0, "percentage": 0, "euro": 0, "date": 0}

    def expect(self, where, shown, quoted, kind, lang):
        if shown == "":
            return
        value = None if quoted else number(shown, lang)
        if kind == "date":
            ok = not quoted and re.fullmatch(r"\d{1,2}(er)? \w+ \d{4}|\d{1,2}/\d{1,2}/\d{2,4}", shown)
            # A month alone (YYYY-MM) is text as written, quoted.
            ok = ok or (quoted and re.fullmatch(r"\d{4}-\d{2}", shown))
        else:
            ok = value is not None
            if kind == "percentage":
                ok = ok and shown.endswith("%")
            if kind == "euro":
                ok = ok and "€" in shown
        if not ok:
            self.problems.append(f"{where}: {shown!r} ({'quoted' if quoted else 'unquoted'}) is not a {kind}")
            return
        if kind != "date" or not quoted:
            self.counts[kind if kind != "number" else "number"] += 1
        if value is not None and value < 0:
            self.counts["negative"] += 1

    def sheet(self, name, lang, rows):
        header = [c for c, _ in rows[0]]
        body = rows[1:]
        if header[0] in ("Rubrique", "Section"):
            # The comparison: scores as percentages, points as numbers, the tier change a number.
            for r, row in enumerate(body, 2):
                label = row[0][0]
                kind = {
                    "Score global": "percentage", "Overall score": "percentage",
                    "Complétude": "percentage", "Completeness": "percentage",
                    "Domaine": "percentage", "Domain": "percentage",
                    "Points du critère": "number", "Points of the criterion": "number",
                }.get(label)
                cells = range(3, 6) if kind else (range(5, 6) if label in ("Niveau", "Tier") else [])
                for c in cells:
                    self.expect(f"{name} row {r} {header[c]}", *row[c], kind or "number", lang)
            return
        if header[0] in ("Scénario", "Scenario"):
            for r, row in enumerate(body, 2):
                for c in range(1, len(row)):
                    self.expect(f"{name} row {r} {header[c]}", *row[c], "euro", lang)
            return
        for c, h in enumerate(header):
            if h in NUMBERS:
                kind = "number"
            elif h in PERCENTAGES or h.startswith(("Domaine : ", "Domain: ")):
                kind = "percentage"
            elif h in EUROS:
                kind = "euro"
            elif h in DATES:
                kind = "date"
            else:
                continue
            for r, row in enumerate(body, 2):
                if c < len(row):
                    self.expect(f"{name} row {r} {h}", *row[c], kind, lang)


def main(folder):
    checker = Checker()
    files = sorted(f for f in os.listdir(folder) if f.endswith(".csv"))
    docs = set()
    for f in files:
        m = re.fullmatch(r"(\w+)-(fr|en)-(.+)\.csv", f)
        if not m:
            checker.problems.append(f"{f}: unexpected file name")
            continue
        docs.add(m.group(1) + "-" + m.group(2))
        with open(os.path.join(folder, f), encoding="utf-8") as fh:
            rows = parse(fh.read())
        if not rows:
            checker.problems.append(f"{f}: empty")
            continue
        checker.sheet(f, m.group(2), rows)
    expected = {f"{d}-{l}" for d in ("comparison", "deps", "territory") for l in ("fr", "en")}
    if docs != expected:
        checker.problems.append(f"sheets read from {sorted(docs)}, expected {sorted(expected)}")
    for kind, n in checker.counts.items():
        if n == 0:
            checker.problems.append(f"no {kind} read back at all")
    if checker.problems:
        print("\n".join(checker.problems), file=sys.stderr)
        sys.exit(1)
    print(", ".join(f"{n} {k}" for k, n in checker.counts.items()) + f" cells read back, in {len(files)} sheets")


if __name__ == "__main__":
    main(sys.argv[1])
