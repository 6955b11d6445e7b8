#!/bin/sh
# SPDX-License-Identifier: LGPL-2.1-or-later
#
# The GJS example opens the built-in dataset, runs a query and prints the
# timeline; check what it prints.
set -eu
gjs=$1
example=$2

out=$("$gjs" -m "$example" 'dyad:PAK,RUS')
first=$(printf '%s\n' "$out" | head -n 1)
case $first in
  "1948-05-01	relations-1948	"*"(SUN as predecessor of RUS)") ;;
  *) echo "unexpected first line: $first" >&2; exit 1 ;;
esac
printf '%s\n' "$out" | grep -q '^2018-10-21/2018-11-04	friendship-2018	' ||
  { echo "friendship-2018 is missing:" >&2; printf '%s\n' "$out" >&2; exit 1; }

exercises=$("$gjs" -m "$example" 'type:exercise' | cut -f 2 | tr '\n' ' ')
[ "$exercises" = "friendship-2016 friendship-2017 friendship-2018 " ] ||
  { echo "exercises: $exercises" >&2; exit 1; }

# A bad query reaches JavaScript as an exception naming the problem.
if err=$("$gjs" -m "$example" 'dyad:PAK' 2>&1); then
  echo "a bad query did not fail" >&2; exit 1
fi
printf '%s\n' "$err" | grep -q 'two actor ids' || { echo "error: $err" >&2; exit 1; }
echo "gjs: timeline ok"
