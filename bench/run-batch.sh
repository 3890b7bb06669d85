#!/usr/bin/env bash
# Whole-process timings: one issue as one process, then batches of 20 and N
# issues (the repository's issues repeated with changed dates and text), with
# wall time, issues per second and peak memory (/usr/bin/time).
#
#   bench/run-batch.sh [N=200] [JOBS=nproc]
#   PAIBAN=build/paiban bench/run-batch.sh 200 2
#
# Needs GNU time (`apt-get install time`) and python3.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(dirname "$here")"
count="${1:-200}"
jobs="${2:-$(nproc)}"
paiban="${PAIBAN:-}"
if [ -z "$paiban" ]; then
  for candidate in "$repo/build-batch/paiban" "$repo/build/paiban"; do
    [ -x "$candidate" ] && paiban="$candidate" && break
  done
fi
[ -x "$paiban" ] || { echo "run-batch.sh: no paiban binary; build it or set PAIBAN=" >&2; exit 1; }
[ -x /usr/bin/time ] || { echo "run-batch.sh: GNU time is missing: apt-get install time" >&2; exit 1; }

work="$(mktemp -d "${TMPDIR:-/tmp}/paiban-bench.XXXXXX")"
trap 'rm -rf "$work"' EXIT

# Runs a command; sets $wall (s), $cpu (user + system, s) and $peak_mb
# (peak resident set, MB). CPU time is what to compare on a busy machine.
measure() {
  local start end
  start=$EPOCHREALTIME
  if ! /usr/bin/time -f "%M %U %S" -o "$work/time" "$@" >/dev/null 2>"$work/stderr"; then
    echo "failed: $*" >&2
    cat "$work/stderr" >&2
    exit 1
  fi
  end=$EPOCHREALTIME
  wall=$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.3f", b - a }')
  peak_mb=$(awk '{ printf "%.1f", $1 / 1024 }' "$work/time")
  cpu=$(awk '{ printf "%.2f", $2 + $3 }' "$work/time")
}

echo "paiban: $paiban ($("$paiban" --version | head -1)); $(nproc) cores; load $(cut -d' ' -f1-3 /proc/loadavg)"

# One issue, one process, from start to written PDF: best and median of 7.
walls=()
cpus=()
for i in 1 2 3 4 5 6 7; do
  measure "$paiban" render "$repo/issues/2017-06-15/issue.xml" -o "$work/single.pdf"
  walls+=("$wall")
  cpus+=("$cpu")
done
cpu_best=$(printf '%s\n' "${cpus[@]}" | sort -n | head -1)
sorted=$(printf '%s\n' "${walls[@]}" | sort -n)
best=$(echo "$sorted" | head -1)
median=$(echo "$sorted" | sed -n 4p)
size_kb=$(( $(stat -c %s "$work/single.pdf") / 1024 ))
echo "single issue 2017-06-15: wall best ${best} s, median ${median} s; CPU ${cpu_best} s; peak ${peak_mb} MB; PDF ${size_kb} KB"

batch() {  # batch N: prints the line, sets $batch_peak
  local n=$1
  rm -rf "$work/archive" "$work/out"
  python3 "$here/make-archive.py" "$n" "$work/archive" "$repo/issues"
  measure "$paiban" batch "$work/archive" -o "$work/out" -j "$jobs"
  batch_peak=$peak_mb
  local rate per_issue
  rate=$(awk -v n="$n" -v w="$wall" 'BEGIN { printf "%.1f", n / w }')
  per_issue=$(awk -v n="$n" -v c="$cpu" 'BEGIN { printf "%.0f", 1000 * c / n }')
  echo "batch of $n issues, -j $jobs: wall ${wall} s, ${rate} issues/s; CPU ${cpu} s (${per_issue} ms an issue); peak ${peak_mb} MB"
}

batch 20
peak20=$batch_peak
batch "$count"
peak_n=$batch_peak
measure "$paiban" batch "$work/archive" -o "$work/out" -j "$jobs"
echo "batch of $count again (all up to date): wall ${wall} s"
awk -v a="$peak_n" -v b="$peak20" -v n="$count" \
  'BEGIN { printf "memory: %d-issue peak / 20-issue peak = %.2f (target <= 2)\n", n, a / b }'
