#!/usr/bin/env bash
# Two paiban binaries measured in one run, alternately, so that both see the
# same machine load: the seed issue as one whole process (wall, CPU = user +
# system, peak memory, PDF size), its instruction count under callgrind (the
# figure that does not move with the load), and a batch of N issues.
#
#   bench/side-by-side.sh BEFORE AFTER [RUNS=11] [N=200] [JOBS=2]
#   bench/side-by-side.sh /tmp/base/build/paiban build/paiban
#
# Needs GNU time and python3; valgrind for the instruction counts (skipped
# when missing). The issue's file pages are read once before timing, so the
# cold file cache is excluded.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(dirname "$here")"
[ $# -ge 2 ] || { sed -n 2,12p "$0" >&2; exit 2; }
before="$1" after="$2" runs="${3:-11}" count="${4:-200}" jobs="${5:-2}"
issue="${PAIBAN_BENCH_ISSUE:-$repo/issues/2017-06-15/issue.xml}"
work="$(mktemp -d "${TMPDIR:-/tmp}/paiban-sbs.XXXXXX")"
trap 'rm -rf "$work"' EXIT

# One timed run: appends "wall cpu peak_kb" to $work/$name.times.
run() {
  local name=$1 bin=$2
  shift 2
  local start end
  start=$EPOCHREALTIME
  /usr/bin/time -f "%U %S %M" -o "$work/time" "$bin" "$@" >/dev/null 2>"$work/stderr" || {
    echo "failed: $bin $*" >&2
    cat "$work/stderr" >&2
    exit 1
  }
  end=$EPOCHREALTIME
  awk -v a="$start" -v b="$end" '{ printf "%.4f %.3f %d\n", b - a, $1 + $2, $3 }' \
    "$work/time" >>"$work/$name.times"
}

# best and median of a column of $work/NAME.times
stats() {
  local name=$1 column=$2
  sort -n -k"$column" "$work/$name.times" | awk -v c="$column" \
    '{ v[NR] = $c } END { printf "best %.3f, median %.3f", v[1], v[int((NR + 1) / 2)] }'
}

echo "load before: $(cut -d' ' -f1-3 /proc/loadavg); $(nproc) cores"
for name in before after; do "${!name}" render "$issue" -o "$work/$name.pdf" >/dev/null 2>&1; done
for i in $(seq "$runs"); do
  run before "$before" render "$issue" -o "$work/before.pdf"
  run after "$after" render "$issue" -o "$work/after.pdf"
done
for name in before after; do
  peak=$(sort -n -k3 "$work/$name.times" | tail -1 | awk '{ printf "%.1f", $3 / 1024 }')
  echo "$name: seed as one process ($runs runs): wall $(stats "$name" 1) s; CPU $(stats "$name" 2) s;" \
    "peak ${peak} MB; PDF $(stat -c %s "$work/$name.pdf") bytes"
done
if command -v valgrind >/dev/null; then
  for name in before after; do
    valgrind --tool=callgrind --callgrind-out-file=/dev/null "${!name}" render "$issue" \
      -o "$work/$name-cg.pdf" 2>&1 | awk -v n="$name" '/refs:/ { gsub(",", "", $4); \
      printf "%s: seed, instructions (callgrind) %.1f M\n", n, $4 / 1e6 }'
  done
fi
echo "load after the single runs: $(cut -d' ' -f1-3 /proc/loadavg)"

if [ "$count" -gt 0 ]; then
  python3 "$here/make-archive.py" "$count" "$work/archive" "$repo/issues"
  for round in 1 2; do
    for name in before after; do
      rm -rf "$work/out-$name"
      run "batch-$name" "${!name}" batch "$work/archive" -o "$work/out-$name" -j "$jobs"
    done
  done
  for name in before after; do
    awk -v n="$name" -v c="$count" '{ printf "%s: batch of %d, -j %s: wall %.2f s (%.0f issues/s), CPU %.2f s (%.1f ms an issue), peak %.1f MB\n", \
      n, c, "'"$jobs"'", $1, c / $1, $2, 1000 * $2 / c, $3 / 1024 }' "$work/batch-$name.times"
  done
  echo "load after the batches: $(cut -d' ' -f1-3 /proc/loadavg)"
fi
