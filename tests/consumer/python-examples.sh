#!/bin/sh
# SPDX-License-Identifier: LGPL-2.1-or-later
#
# Every Python example runs and prints something.
set -eu
python=$1
shift
for example in "$@"; do
  out=$("$python" "$example") || { echo "$example failed" >&2; exit 1; }
  [ -n "$out" ] || { echo "$example printed nothing" >&2; exit 1; }
  echo "$(basename "$example"): $(printf '%s\n' "$out" | wc -l) lines"
done
