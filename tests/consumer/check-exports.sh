#!/bin/sh
# SPDX-License-Identifier: LGPL-2.1-or-later
#
# Every symbol the shared library exports must be in the bilat_ namespace.
# The symbol-version nodes of lib/bilat.map (BILAT_1.0 …) are listed by nm
# as absolute symbols too; they are the library's own and are allowed.
set -eu
lib=$1
nm=$2

symbols=$("$nm" -D --defined-only "$lib" | awk '$2 ~ /^[A-Z]$/ { sub(/@.*/, "", $3); print $3 }')
# every function and variable must carry the version node
unversioned=$("$nm" -D --defined-only --with-symbol-versions "$lib" 2>/dev/null |
  awk '$2 ~ /^[TDBR]$/ && $3 !~ /@@BILAT_/ { print $3 }')
if [ -n "$unversioned" ]; then
  echo "exported symbols without a BILAT_ version:" >&2
  printf '%s\n' "$unversioned" >&2
  exit 1
fi
count=$(printf '%s\n' "$symbols" | grep -c . || true)
if [ "$count" -lt 50 ]; then
  echo "only $count symbols exported from $lib: is the export macro missing?" >&2
  exit 1
fi
bad=$(printf '%s\n' "$symbols" | grep -v -e '^bilat_' -e '^BILAT_[0-9][0-9.]*$' || true)
if [ -n "$bad" ]; then
  echo "symbols outside the bilat_ prefix exported from $lib:" >&2
  printf '%s\n' "$bad" >&2
  exit 1
fi
for needed in bilat_store_get_type bilat_date_get_type bilat_stance_get_type bilat_sector_get_type; do
  printf '%s\n' "$symbols" | grep -qx "$needed" || { echo "$needed is not exported" >&2; exit 1; }
done
echo "$count symbols exported, all bilat_*"
