#!/usr/bin/env bash
# One paiban binary, one issue under two layouts, measured in one run,
# alternately, so that both see the same machine load: the issue as one
# whole process (wall, CPU = user + system, peak memory, pages, PDF size)
# and its instruction count under callgrind (the figure that does not move
# with the load). For issue 12: the seed under the designed two-column
# layout against the one-column one (within 20 %).
#
#   bench/layouts-side-by-side.sh [BINARY=build/paiban] [ISSUE=issues/2017-06-15/issue.xml]
#                                 [A=itrade] [B=itrade-two-column] [RUNS=11]
#
# The issue is copied with its directory and its <issue layout> set to A,
# then to B (layout names, found as a render finds them). Needs GNU time;
# valgrind for the instruction counts (skipped when missing). Each render is
# run once before timing, so the cold file cache is excluded.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(dirname "$here")"
bin="$(realpath "${1:-$repo/build/paiban}")"
issue="$(realpath "${2:-$repo/issues/2017-06-15/issue.xml}")"
a="${3:-itrade}" b="${4:-itrade-two-column}" runs="${5:-11}"
work="$(mktemp -d "${TMPDIR:-/tmp}/paiban-layouts.XXXXXX")"
trap 'rm -rf "$work"' EXIT

# The issue's directory once per layout, its layout attribute replaced (or added).
for name in a b; do
  mkdir "$work/$name"
  cp -r "$(dirname "$issue")"/. "$work/$name/"
  python3 - "$work/$name/$(basename "$issue")" "${!name}" <<'EOF'
import re, sys
path, layout = sys.argv[1], sys.argv[2]
text = open(path, encoding="utf-8").read()
tag = re.search(r"<issue\b[^>]*>", text)
head = re.sub(r'\slayout="[^"]*"', "", tag.group(0))
head = head.replace("<issue", '<issue layout="%s"' % layout, 1)
open(path, "w", encoding="utf-8").write(text[:tag.start()] + head + text[tag.end():])
EOF
done

run() {
  local name=$1 start end
  start=$EPOCHREALTIME
  /usr/bin/time -f "%U %S %M" -o "$work/time" "$bin" render "$work/$name/$(basename "$issue")" \
    -o "$work/$name.pdf" >/dev/null 2>"$work/stderr" || { cat "$work/stderr" >&2; exit 1; }
  end=$EPOCHREALTIME
  awk -v a="$start" -v b="$end" '{ printf "%.4f %.3f %d\n", b - a, $1 + $2, $3 }' \
    "$work/time" >>"$work/$name.times"
}

stats() {
  sort -n -k"$2" "$work/$1.times" | awk -v c="$2" \
    '{ v[NR] = $c } END { printf "best %.3f, median %.3f", v[1], v[int((NR + 1) / 2)] }'
}

echo "load before: $(cut -d' ' -f1-3 /proc/loadavg); $(nproc) cores"
for name in a b; do run "$name"; rm "$work/$name.times"; done
for i in $(seq "$runs"); do run a; run b; done
for name in a b; do
  peak=$(sort -n -k3 "$work/$name.times" | tail -1 | awk '{ printf "%.1f", $3 / 1024 }')
  pages=$(pdfinfo "$work/$name.pdf" 2>/dev/null | awk '/^Pages:/ { print $2 }')
  echo "${!name}: one process ($runs runs): wall $(stats "$name" 1) s; CPU $(stats "$name" 2) s;" \
    "peak ${peak} MB; ${pages:-?} pages; PDF $(stat -c %s "$work/$name.pdf") bytes"
done
if command -v valgrind >/dev/null; then
  for name in a b; do
    valgrind --tool=callgrind --callgrind-out-file=/dev/null "$bin" render \
      "$work/$name/$(basename "$issue")" -o "$work/$name-cg.pdf" 2>&1 |
      awk -v n="${!name}" '/refs:/ { gsub(",", "", $4); printf "%s: instructions (callgrind) %.1f M\n", n, $4 / 1e6 }'
  done
fi
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
