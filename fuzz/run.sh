#!/usr/bin/env bash
# Builds the libFuzzer targets (clang, ASan + UBSan) in build-fuzz/ and runs
# them all at once, one worker each, for SECONDS (default 60):
#
#   fuzz/run.sh 1800
#
# Each target starts from its committed seed corpus (fuzz/corpus/NAME, read
# only) and grows a working corpus in fuzz/work/NAME (not committed). Crashes,
# leaks, timeouts and out-of-memory inputs go to fuzz/artifacts/NAME/; the
# output of each run goes to fuzz/logs/NAME.txt. Exit status: non-zero when
# either target found something. Environment: BUILD_DIR (default build-fuzz),
# FUZZ_TARGETS (default "manifest layout image"), FUZZ_ARGS (more libFuzzer
# flags). Targets: manifest (parser + whole engine), layout (layout parser +
# engine), image (figure checks + the writer's image loading).
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-60}"
build="${BUILD_DIR:-build-fuzz}"
targets="${FUZZ_TARGETS:-manifest layout image}"

if ! command -v clang++ >/dev/null; then
  echo "fuzz/run.sh: needs clang (apt-get install -y clang libclang-rt-14-dev)" >&2
  exit 1
fi
CC=clang CXX=clang++ cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DPAIBAN_FUZZ=ON \
  -DPAIBAN_TESTS=OFF >/dev/null
for t in $targets; do
  cmake --build "$build" -j"$(nproc)" --target "paiban_fuzz_$t"
done

# Leaks count as findings; a UBSan report stops the run with its stack.
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1:halt_on_error=1:allocator_may_return_null=1}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"

pids=()
for t in $targets; do
  mkdir -p "fuzz/work/$t" "fuzz/artifacts/$t" fuzz/logs
  # -max_len: inputs up to 64 KiB (the real issue is 23 KiB); -timeout: one
  # input may take at most 30 s; -rss_limit_mb: 4 GiB.
  # shellcheck disable=SC2086
  "$build/paiban_fuzz_$t" "fuzz/work/$t" "fuzz/corpus/$t" \
    -dict="fuzz/$t.dict" -max_total_time="$seconds" -max_len=65536 -timeout=30 \
    -rss_limit_mb=4096 -print_final_stats=1 -artifact_prefix="fuzz/artifacts/$t/" \
    ${FUZZ_ARGS:-} >"fuzz/logs/$t.txt" 2>&1 &
  pids+=($!)
  echo "fuzz/run.sh: paiban_fuzz_$t running for ${seconds}s (pid $!), log fuzz/logs/$t.txt"
done

status=0
for pid in "${pids[@]}"; do
  wait "$pid" || status=1
done
for t in $targets; do
  echo "== $t: $(grep -E '^#[0-9]+.*DONE|stat::number_of_executed_units' "fuzz/logs/$t.txt" | tail -2 | tr '\n' ' ')"
  ls "fuzz/artifacts/$t" 2>/dev/null | sed 's/^/   found: /'
done
exit $status
