#!/bin/sh
# SPDX-License-Identifier: LGPL-2.1-or-later
#
# libbilat-plot exports its documented API and nothing else: every
# exported symbol is bilat_plot_*, versioned BILAT_PLOT_1.0, declared in a
# public header and, when the GIR is built, in it.
set -eu
lib=$1
nm=$2
headers=$3
generated=$4
gir=${5:-}

symbols=$("$nm" -D --defined-only "$lib" | awk '$2 ~ /^[A-Z]$/ { sub(/@.*/, "", $3); print $3 }')
count=$(printf '%s\n' "$symbols" | grep -c . || true)
if [ "$count" -lt 20 ]; then
  echo "only $count symbols exported from $lib: is the export macro missing?" >&2
  exit 1
fi

bad=$(printf '%s\n' "$symbols" | grep -v -e '^bilat_plot_' -e '^BILAT_PLOT_[0-9][0-9.]*$' || true)
if [ -n "$bad" ]; then
  echo "symbols outside the bilat_plot_ prefix exported from $lib:" >&2
  printf '%s\n' "$bad" >&2
  exit 1
fi

unversioned=$("$nm" -D --defined-only --with-symbol-versions "$lib" 2>/dev/null |
  awk '$2 ~ /^[TDBR]$/ && $3 !~ /@@BILAT_PLOT_/ { print $3 }')
if [ -n "$unversioned" ]; then
  echo "exported symbols without a BILAT_PLOT_ version:" >&2
  printf '%s\n' "$unversioned" >&2
  exit 1
fi

for symbol in $(printf '%s\n' "$symbols" | grep '^bilat_plot_'); do
  if ! grep -q -w -e "$symbol" "$headers"/*.h "$generated"/*.h; then
    echo "exported but in no public header: $symbol" >&2
    exit 1
  fi
  if [ -n "$gir" ] && ! grep -q -e "c:identifier=\"$symbol\"" -e "glib:get-type=\"$symbol\"" "$gir"; then
    echo "exported but not in the GIR: $symbol" >&2
    exit 1
  fi
done
echo "$count symbols exported, all bilat_plot_*, versioned, declared and introspected"
