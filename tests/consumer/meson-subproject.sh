#!/bin/sh
# SPDX-License-Identifier: LGPL-2.1-or-later
#
# Builds a C example in a separate meson project that gets libbilat as a
# subproject through dependency('bilat-1.0'), then runs it.
set -eu
source_root=$1
consumer=$2

work=$(mktemp -d "${TMPDIR:-/tmp}/bilat-subproject.XXXXXX")
trap 'rm -rf "$work"' EXIT INT TERM

cp "$consumer/meson.build" "$work/"
cp "$source_root/examples/c/chronology.c" "$work/"
mkdir "$work/subprojects"
ln -s "$source_root" "$work/subprojects/libbilat"

meson setup --wrap-mode=forcefallback "$work/build" "$work" >"$work/setup.log" 2>&1 ||
  { cat "$work/setup.log" >&2; exit 1; }
meson compile -C "$work/build" consumer-chronology >"$work/compile.log" 2>&1 ||
  { cat "$work/compile.log" >&2; exit 1; }
out=$("$work/build/consumer-chronology")
printf '%s\n' "$out"
printf '%s\n' "$out" | grep -q 'Meetings at the Ufa summit' || { echo "unexpected output" >&2; exit 1; }
