#!/usr/bin/env bash
# SPDX-License-Identifier: LGPL-2.1-or-later
#
# tests/fuzz/run.sh SECONDS [TARGET...] | --list | --build
#
# Builds the libFuzzer harnesses (clang, ASan+UBSan) in _build/fuzz unless
# BILAT_FUZZ_BUILD names a build dir, then runs each target (all by
# default) for SECONDS on one core, with tests/fuzz/TARGET.dict as its
# dictionary where there is one, starting from the seed corpus in
# tests/fuzz/corpus/. New inputs go to _build/fuzz-corpus/TARGET, kept
# between runs; the seeds in the tree are not touched. A crash, a leak, a
# failed round trip or an input slower than 25 s fails the run; the
# input is left in _build/fuzz-artifacts/.
set -euo pipefail
cd "$(dirname "$0")/../.."

# Every target; `run.sh --list` prints them (the test suite runs each);
# `run.sh --build` only builds them all.
all_targets=(json native query events votes bytes)
if [ "${1:-}" = "--list" ]; then
  echo "${all_targets[@]}"
  exit 0
fi
build_only=false
if [ "${1:-}" = "--build" ]; then
  build_only=true
  set -- 0
fi

seconds=${1:?usage: tests/fuzz/run.sh SECONDS [TARGET...] | --list}
shift
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=("${all_targets[@]}")

build=${BILAT_FUZZ_BUILD:-_build/fuzz}
if [ ! -f "$build/build.ninja" ]; then
  CC=clang meson setup "$build" -Dfuzzing=true -Dtests=false -Ddocs=false \
    -Dintrospection=disabled -Db_sanitize=address,undefined -Db_lundef=false
fi
# BILAT_FUZZ_BUILT=1: built already (`--build`), as when several run at once.
if [ "${BILAT_FUZZ_BUILT:-}" != 1 ]; then
  meson compile -C "$build" $(printf 'tests/fuzz/fuzz-%s ' "${targets[@]}")
fi
$build_only && exit 0

export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1:allocator_may_return_null=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-halt_on_error=1:print_stacktrace=1}

status=0
for target in "${targets[@]}"; do
  corpus=_build/fuzz-corpus/$target
  artifacts=_build/fuzz-artifacts/$target/
  mkdir -p "$corpus" "$artifacts"
  log=_build/fuzz-$target.log
  dict=()
  [ -f "tests/fuzz/$target.dict" ] && dict=(-dict="tests/fuzz/$target.dict")
  echo "== fuzz-$target for ${seconds}s"
  if "$build/tests/fuzz/fuzz-$target" -max_total_time="$seconds" -timeout=25 -rss_limit_mb=2048 \
       -max_len=65536 -print_final_stats=1 -artifact_prefix="$artifacts" "${dict[@]}" \
       "$corpus" "tests/fuzz/corpus/$target" >"$log" 2>&1; then
    grep -E '^stat::(number_of_executed_units|average_exec_per_sec|peak_rss_mb)' "$log" | tr '\n' ' '
    echo
  else
    echo "fuzz-$target FAILED; the input is in $artifacts" >&2
    tail -n 60 "$log" >&2
    status=1
  fi
done
exit $status
