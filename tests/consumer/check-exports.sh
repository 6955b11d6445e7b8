#!/bin/sh
# SPDX-License-Identifier: LGPL-2.1-or-later
#
# The exported API is exactly the documented one:
# - every symbol the shared library exports is in the bilat_ namespace
#   (the symbol-version nodes of lib/bilat.map, BILAT_1.0 …, are listed by
#   nm as absolute symbols too; they are the library's own);
# - every exported function carries a BILAT_ symbol version;
# - every exported symbol is declared in a public header and, when the GIR
#   is built, appears in it.
# The optional arguments after the GIR make it check another library of
# the project (libbilat-plot: bilat_plot_, BILAT_PLOT_).
set -eu
lib=$1
nm=$2
headers=$3        # a folder of public headers
generated=$4      # the folder of the generated public headers
gir=${5:-}        # Bilat-1.0.gir, or empty without introspection
prefix=${6:-bilat_}        # of every exported symbol
node=${7:-BILAT_}          # of every symbol version
minimum=${8:-50}           # fewer exported symbols: the export macro is missing
if [ $# -gt 8 ]; then
  shift 8
  needed="$*"
else
  needed="bilat_store_get_type bilat_date_get_type bilat_stance_get_type bilat_sector_get_type"
fi

symbols=$("$nm" -D --defined-only "$lib" | awk '$2 ~ /^[A-Z]$/ { sub(/@.*/, "", $3); print $3 }')
count=$(printf '%s\n' "$symbols" | grep -c . || true)
if [ "$count" -lt "$minimum" ]; then
  echo "only $count symbols exported from $lib: is the export macro missing?" >&2
  exit 1
fi

bad=$(printf '%s\n' "$symbols" | grep -v -e "^$prefix" -e "^$node[0-9][0-9.]*\$" || true)
if [ -n "$bad" ]; then
  echo "symbols outside the $prefix prefix exported from $lib:" >&2
  printf '%s\n' "$bad" >&2
  exit 1
fi

unversioned=$("$nm" -D --defined-only --with-symbol-versions "$lib" 2>/dev/null |
  awk -v node="@@$node" '$2 ~ /^[TDBR]$/ && index($3, node) == 0 { print $3 }')
if [ -n "$unversioned" ]; then
  echo "exported symbols without a $node version:" >&2
  printf '%s\n' "$unversioned" >&2
  exit 1
fi

missing_header=""
missing_gir=""
for symbol in $(printf '%s\n' "$symbols" | grep "^$prefix"); do
  if ! grep -q -w -e "$symbol" "$headers"/*.h "$generated"/*.h; then
    missing_header="$missing_header $symbol"
  fi
  if [ -n "$gir" ] && ! grep -q -e "c:identifier=\"$symbol\"" -e "glib:get-type=\"$symbol\"" "$gir"; then
    missing_gir="$missing_gir $symbol"
  fi
done
if [ -n "$missing_header" ]; then
  echo "exported but in no public header:$missing_header" >&2
  exit 1
fi
if [ -n "$missing_gir" ]; then
  echo "exported but not in the GIR:$missing_gir" >&2
  exit 1
fi

for symbol in $needed; do
  printf '%s\n' "$symbols" | grep -qx "$symbol" || { echo "$symbol is not exported" >&2; exit 1; }
done
echo "$count symbols exported, all $prefix*, versioned, declared and introspected"
