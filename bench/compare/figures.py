#!/usr/bin/env python3
"""A markdown table of pdf-audit figures, paiban against XeLaTeX, from two --json files.

    figures.py PAIBAN.json XELATEX.json [--timings TIMINGS.txt]
"""

import argparse
import json

ROWS = [
    ("pages", "pages"),
    ("text_fidelity", "text_fidelity (0 missing)"),
    ("notdef_glyphs", "notdef_glyphs (0)"),
    ("kinsoku_violations", "kinsoku_violations (0)"),
    ("ragged_lines", "ragged_lines (0)"),
    ("indent_ok", "indent_ok"),
    ("cjk_latin_gap_em", "cjk_latin_gap_em median"),
    ("punct_pair_width_em", "punct_pair_width_em median (≤ 1.5)"),
    ("widows", "widows (0)"),
    ("orphans", "orphans (0)"),
    ("stranded_headings", "stranded_headings (0)"),
    ("inserted_spaces", "inserted_spaces (0)"),
    ("loosest_line_em", "loosest_line_em (≤ 0.15)"),
    ("punct_pair_spread_em", "punct_pair_spread_em (≤ 0.1)"),
    ("punct_pair_below_1em", "punct_pair_below_1em (0)"),
    ("lone_char_last_lines", "lone_char_last_lines (0)"),
    ("line_end_punct_full", "line_end_punct_full (0)"),
    ("toc_entries", "toc_entries"),
    ("toc_page_correct", "toc_page_correct (1.0)"),
    ("toc_links", "toc_links (1.0)"),
    ("outline_entries", "outline_entries"),
]


def cell(m):
    if m is None:
        return "–"
    shown = m.get("shown")
    v = shown if shown is not None else m.get("value")
    if isinstance(v, float):
        v = "%.3f" % v
    v = str(v).replace("|", "/")
    status = m.get("status")
    if status == "FAIL":
        v = "**%s** ✗" % v
    return v


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("paiban")
    ap.add_argument("xelatex")
    a = ap.parse_args()
    p = json.load(open(a.paiban))
    x = json.load(open(a.xelatex))
    print("| figure (goal) | paiban | XeLaTeX + ctex |")
    print("|---|---|---|")
    for key, label in ROWS:
        print("| %s | %s | %s |" % (label, cell(p["metrics"].get(key)), cell(x["metrics"].get(key))))
    print()
    print("audit result: paiban %s; XeLaTeX %s" % (
        "FAIL (" + ", ".join(p["failed"]) + ")" if p["failed"] else "pass",
        "FAIL (" + ", ".join(x["failed"]) + ")" if x["failed"] else "pass"))


if __name__ == "__main__":
    main()
