#!/usr/bin/env bash
# What two paiban binaries make of every manifest in issues/, screen and
# --print: sizes, and whether a change kept the output as it was — the same
# pages (pixels at 80 dpi), the same extracted text, checks still clean
# (qpdf --check, Ghostscript strict, pdf-audit --strict-quality on screen
# and plain on --print) and the same bytes on a second run.
#
#   bench/compare-output.sh BEFORE AFTER
#
# Prints one line per file and "all same" or the differences; exits 1 on any
# difference in pages or text, a failed check or a non-deterministic file.
set -uo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(dirname "$here")"
[ $# -eq 2 ] || { sed -n 2,11p "$0" >&2; exit 2; }
before="$1" after="$2"
audit="${PAIBAN_AUDIT:-$repo/../shared/tools/pdf-audit}"
work="$(mktemp -d "${TMPDIR:-/tmp}/paiban-cmp.XXXXXX")"
trap 'rm -rf "$work"' EXIT
bad=0
complain() { echo "  $*"; bad=1; }

for manifest in "$repo"/issues/*/issue.xml; do
  name=$(basename "$(dirname "$manifest")")
  for mode in screen print; do
    flag=(); [ "$mode" = print ] && flag=(--print)
    for who in before after; do
      "${!who}" render "$manifest" "${flag[@]}" -o "$work/$who.pdf" >/dev/null 2>"$work/err" ||
        { complain "$name $mode: $who failed: $(cat "$work/err")"; continue 2; }
    done
    echo "$name $mode: $(stat -c %s "$work/before.pdf") -> $(stat -c %s "$work/after.pdf") bytes"
    "$after" render "$manifest" "${flag[@]}" -o "$work/again.pdf" >/dev/null 2>&1
    cmp -s "$work/after.pdf" "$work/again.pdf" || complain "not the same bytes on a second run"
    for who in before after; do
      pdftotext -layout "$work/$who.pdf" "$work/$who.txt"
      rm -f "$work/$who"-*.png
      pdftoppm -r 80 -png "$work/$who.pdf" "$work/$who"
    done
    cmp -s "$work/before.txt" "$work/after.txt" || complain "pdftotext output differs"
    for page in "$work"/before-*.png; do
      other="$work/after-${page##*/before-}"
      cmp -s "$page" "$other" || complain "page ${page##*/before-} differs in pixels"
    done
    [ "$(ls "$work"/before-*.png | wc -l)" = "$(ls "$work"/after-*.png | wc -l)" ] ||
      complain "page counts differ"
    qpdf --check "$work/after.pdf" >"$work/qpdf" 2>&1 || complain "qpdf --check: $(tail -3 "$work/qpdf")"
    gs -q -dNOPAUSE -dBATCH -dPDFSTOPONERROR -dPDFSTOPONWARNING -sDEVICE=nullpage \
      "$work/after.pdf" >"$work/gs" 2>&1 || complain "Ghostscript strict: $(head -3 "$work/gs")"
    if [ "$mode" = screen ]; then
      "$audit" "$work/after.pdf" --manifest "$manifest" --strict-quality >"$work/audit" 2>&1
    else
      "$audit" "$work/after.pdf" --manifest "$manifest" --print >"$work/audit" 2>&1
    fi || complain "pdf-audit: $(grep -E 'FAIL|result' "$work/audit" | head -5)"
  done
done
[ $bad = 0 ] && echo "all same" || echo "DIFFERENCES (see above)"
exit $bad
