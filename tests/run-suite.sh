#!/usr/bin/env bash
# SPDX-License-Identifier: LGPL-2.1-or-later
#
# The whole test suite, as CI runs it: a fresh build with warnings as errors
# and every test (C, Python, consumers); the C tests again under valgrind;
# and a second build under AddressSanitizer + UBSan; then each libFuzzer
# harness for BILAT_FUZZ_SECONDS (30 by default; 0 skips them).
#
# Real event-data samples are looked for in ../shared/data beside the
# checkout (override with BILAT_SHARED_DATA); tests that need them skip
# when the folder is absent.
set -euo pipefail
cd "$(dirname "$0")/.."

shared_data=${BILAT_SHARED_DATA:-}
if [ -z "$shared_data" ] && [ -d ../shared/data ]; then
  shared_data=$(cd ../shared/data && pwd)
fi

status=0

echo "== build with warnings as errors, all tests"
rm -rf _build/suite
meson setup _build/suite -Dwerror=true -Ddocs=true -Dshared_data="$shared_data"
meson compile -C _build/suite
meson test -C _build/suite --print-errorlogs --num-processes 2 || status=1

echo "== C tests under valgrind"
meson test -C _build/suite --suite c --print-errorlogs --num-processes 2 \
  --logbase valgrind --timeout-multiplier 10 \
  --wrap 'valgrind --quiet --leak-check=full --errors-for-leak-kinds=definite --error-exitcode=1' || status=1

echo "== C tests under AddressSanitizer + UBSan"
rm -rf _build/asan
meson setup _build/asan -Dwerror=true -Db_sanitize=address,undefined -Db_lundef=false \
  -Dintrospection=disabled -Dshared_data="$shared_data"
meson compile -C _build/asan
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
  meson test -C _build/asan --suite c --print-errorlogs --num-processes 2 || status=1

fuzz_seconds=${BILAT_FUZZ_SECONDS:-30}
fuzz_log=_build/fuzz-results.json
rm -f "$fuzz_log"
if [ "$fuzz_seconds" != 0 ]; then
  echo "== fuzz targets, ${fuzz_seconds}s each (clang, ASan+UBSan)"
  rm -rf _build/fuzz
  if command -v clang >/dev/null; then
    # Built once, then run two at a time (one a core), each printing when
    # it ends.
    bash tests/fuzz/run.sh --build >_build/fuzz-build.log 2>&1 || { cat _build/fuzz-build.log; status=1; }
    running=0
    for target in $(bash tests/fuzz/run.sh --list); do
      (
        if BILAT_FUZZ_BUILT=1 bash tests/fuzz/run.sh "$fuzz_seconds" "$target" >"_build/fuzz-run-$target.txt" 2>&1; then
          result=OK
        else
          result=FAIL
        fi
        cat "_build/fuzz-run-$target.txt"
        echo '{"name": "fuzz-'$target'", "result": "'$result'"}' >>"$fuzz_log"
      ) &
      running=$((running + 1))
      if [ $running -ge 2 ]; then
        wait -n || true
        running=$((running - 1))
      fi
    done
    wait
    if grep -q '"FAIL"' "$fuzz_log"; then status=1; fi
  else
    echo "no clang: fuzz targets skipped"
    echo '{"name": "fuzz", "result": "SKIP"}' >>"$fuzz_log"
  fi
fi

echo
python3 - _build/suite/meson-logs/testlog.json _build/suite/meson-logs/valgrind*.json _build/asan/meson-logs/testlog.json \
  $( [ -f "$fuzz_log" ] && echo "$fuzz_log" ) <<'PY'
import json, sys
passed = failed = skipped = 0
# One JSON log per run: the whole suite, the C tests under valgrind (meson
# names that log after the wrapper too), under the sanitizers, and one
# line per fuzz target.
for path in sys.argv[1:]:
    try:
        log = open(path)
    except OSError:
        failed += 1
        continue
    for line in log:
        result = json.loads(line).get("result")
        if result in ("OK", "EXPECTEDFAIL"):
            passed += 1
        elif result == "SKIP":
            skipped += 1
        else:
            failed += 1
print(f"{passed} passed, {failed} failed, {skipped} skipped")
PY
exit $status
