#!/bin/sh
# SPDX-License-Identifier: LGPL-2.1-or-later
#
# Every symbol the shared library exports must be in the bilat_ namespace.
set -eu
lib=$1
nm=$2

symbols=$("$nm" -D --defined-only "$lib" | awk '$2 ~ /^[A-Z]$/ { print $3 }')
count=$(printf '%s\n' "$symbols" | grep -c . || true)
if [ "$count" -lt 50 ]; then
  echo "only $count symbols exported from $lib: is the export macro missing?" >&2
  exit 1
fi
bad=$(printf '%s\n' "$symbols" | grep -v '^bilat_' || true)
if [ -n "$bad" ]; then
  echo "symbols outside the bilat_ prefix exported from $lib:" >&2
  printf '%s\n' "$bad" >&2
  exit 1
fi
for needed in bilat_store_get_type bilat_date_get_type bilat_stance_get_type bilat_sector_get_type; do
  printf '%s\n' "$symbols" | grep -qx "$needed" || { echo "$needed is not exported" >&2; exit 1; }
done
echo "$count symbols exported, all bilat_*"
