#!/bin/sh
# SPDX-License-Identifier: LGPL-2.1-or-later
#
# libbilat-plot as a user gets it: installed into a temporary prefix,
# examples/plot/chart.c compiled with nothing but
# `cc chart.c $(pkg-config --cflags --libs bilat-plot-1.0)`, then run.
set -eu
builddir=$1
example=$2
with_gir=$3

work=$(mktemp -d "${TMPDIR:-/tmp}/bilat-plot-consumer.XXXXXX")
trap 'rm -rf "$work"' EXIT INT TERM

meson install -C "$builddir" --no-rebuild --quiet --destdir "$work/root" >/dev/null
pc=$(find "$work/root" -name bilat-plot-1.0.pc | head -n 1)
[ -n "$pc" ] || { echo "bilat-plot-1.0.pc was not installed" >&2; exit 1; }
export PKG_CONFIG_PATH="$(dirname "$pc")"
test -n "$(find "$work/root" -path '*/include/bilat-plot-1.0/bilat-plot/bilat-plot-enum-types.h')" ||
  { echo "bilat-plot/bilat-plot-enum-types.h not installed under include/bilat-plot-1.0/" >&2; exit 1; }
if [ "$with_gir" = yes ]; then
  find "$work/root" -name BilatPlot-1.0.typelib | grep -q . || { echo "BilatPlot-1.0.typelib not installed" >&2; exit 1; }
fi

# shellcheck disable=SC2046
${CC:-cc} -Wall -Werror -o "$work/chart" "$example" $(pkg-config --cflags --libs bilat-plot-1.0)
LD_LIBRARY_PATH="$(pkg-config --variable=libdir bilat-plot-1.0)" "$work/chart" "$work/chart.pdf"
head -c 5 "$work/chart.pdf" | grep -q '%PDF-' || { echo "chart.pdf is not a PDF" >&2; exit 1; }
echo "examples/plot/chart.c built with pkg-config and run"
