#!/usr/bin/env bash
# paiban against XeLaTeX + ctex on one manifest: the same text, measure, fonts and sizes
# (bench/compare/manifest2tex.py), both timed, both audited, pages as PNG side by side.
#
#   bench/compare/compare.sh MANIFEST OUTDIR
#   PAIBAN=/path/to/paiban bench/compare/compare.sh issues/2017-06-15/issue.xml /tmp/cmp
#
# OUTDIR gets: paiban.pdf, xelatex.pdf (and xelatex.tex/.log), audit-{paiban,xelatex}.txt
# and .json, png/{paiban,xelatex}-N.png (pdftoppm -r 80), side/page-N.png (paiban left,
# XeLaTeX right, every page), figures.md (the audit figures side by side), timings.txt.
# Needs: xelatex with ctex (Debian texlive-xetex, texlive-lang-chinese; ja also wants
# texlive-lang-japanese), fonts-noto-cjk, fonts-hanazono, poppler-utils, python3 + PyMuPDF
# for the audit. Optional: texlive-fonts-recommended (pzdr.tfm) for hyperref, i.e. TOC links.
#
# Layouts: both sides read them from PAIBAN_LAYOUT_PATH, by default this tree's layouts/,
# so paiban and the converter see the same files.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
[ $# -eq 2 ] || { echo "usage: compare.sh MANIFEST OUTDIR" >&2; exit 2; }
manifest="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"
out="$2"
audit="${AUDIT:-/work/shared/tools/pdf-audit}"
paiban="${PAIBAN:-}"
if [ -z "$paiban" ]; then
  for c in "$repo/build/paiban" "$repo/build-release/paiban"; do
    [ -x "$c" ] && paiban="$c" && break
  done
fi
export PAIBAN_LAYOUT_PATH="${PAIBAN_LAYOUT_PATH:-$repo/layouts}"
[ -x "$paiban" ] || { echo "compare.sh: no paiban binary; set PAIBAN=" >&2; exit 1; }
command -v xelatex >/dev/null || { echo "compare.sh: no xelatex (apt-get install texlive-xetex texlive-lang-chinese)" >&2; exit 1; }

mkdir -p "$out/png" "$out/side" "$out/tex"
rm -f "$out"/png/*.png "$out"/side/*.png

now() { echo "$EPOCHREALTIME"; }
elapsed() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.3f", b - a }'; }

# paiban: best wall time of 3
best=""
for i in 1 2 3; do
  t0=$(now)
  "$paiban" render "$manifest" -o "$out/paiban.pdf" 2> "$out/paiban.stderr"
  t1=$(now)
  t=$(elapsed "$t0" "$t1")
  if [ -z "$best" ] || awk -v a="$t" -v b="$best" 'BEGIN { exit !(a < b) }'; then best=$t; fi
done

# XeLaTeX: two runs (the second puts the TOC in), each timed, from a clean directory
python3 "$here/manifest2tex.py" "$manifest" -o "$out/tex/xelatex.tex"
rm -f "$out"/tex/xelatex.{aux,toc,out,log,pdf}
xe=()
for run in 1 2; do
  t0=$(now)
  (cd "$out/tex" && xelatex -interaction=nonstopmode -halt-on-error xelatex.tex > /dev/null) ||
    { echo "compare.sh: xelatex failed; see $out/tex/xelatex.log" >&2; exit 1; }
  t1=$(now)
  xe+=("$(elapsed "$t0" "$t1")")
done
cp "$out/tex/xelatex.pdf" "$out/xelatex.pdf"
overfull=$(grep -c '^Overfull' "$out/tex/xelatex.log" || true)
underfull=$(grep -c '^Underfull' "$out/tex/xelatex.log" || true)

{
  echo "manifest: $manifest"
  echo "paiban: $paiban ($("$paiban" --version 2>/dev/null | head -n 1 || true)); layouts: $PAIBAN_LAYOUT_PATH"
  echo "paiban render, best of 3 (wall s): $best"
  echo "xelatex run 1, run 2 (wall s): ${xe[0]} ${xe[1]} (total $(awk -v a="${xe[0]}" -v b="${xe[1]}" 'BEGIN { printf "%.3f", a + b }'))"
  echo "xelatex log: $overfull Overfull, $underfull Underfull boxes"
  echo "pages: paiban $(pdfinfo "$out/paiban.pdf" | awk '/^Pages/ {print $2}'), xelatex $(pdfinfo "$out/xelatex.pdf" | awk '/^Pages/ {print $2}')"
} > "$out/timings.txt"

# Audit both (a FAIL is a finding, not an error here)
for who in paiban xelatex; do
  /usr/bin/python3 "$audit" "$out/$who.pdf" --manifest "$manifest" --strict-quality \
    --json "$out/audit-$who.json" > "$out/audit-$who.txt" 2>&1 || true
done
python3 "$here/figures.py" "$out/audit-paiban.json" "$out/audit-xelatex.json" > "$out/figures.md"

# Pages as PNG, and every page side by side (paiban left, XeLaTeX right)
pdftoppm -r 80 -png "$out/paiban.pdf" "$out/png/paiban"
pdftoppm -r 80 -png "$out/xelatex.pdf" "$out/png/xelatex"
np=$(pdfinfo "$out/paiban.pdf" | awk '/^Pages/ {print $2}')
nx=$(pdfinfo "$out/xelatex.pdf" | awk '/^Pages/ {print $2}')
n=$(( np > nx ? np : nx ))
for ((p = 1; p <= n; p++)); do
  python3 "$here/sidebyside.py" "$out/paiban.pdf" "$out/xelatex.pdf" "$p" "$out/side/page-$p.png"
done

cat "$out/timings.txt"
cat "$out/figures.md"
