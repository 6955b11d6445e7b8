#!/bin/sh
# SPDX-License-Identifier: LGPL-2.1-or-later
#
# Runs a chart example (python3 or gjs -m) in a temporary folder and checks
# that it wrote the files it names, non-empty, with the right magic.
set -eu
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$@" "$tmp"
for file in "$tmp"/*; do
  [ -s "$file" ] || { echo "$file is empty" >&2; exit 1; }
  case $file in
    *.svg) head -c 5 "$file" | grep -q '<?xml' ;;
    *.png) head -c 4 "$file" | grep -q 'PNG' ;;
    *.pdf) head -c 5 "$file" | grep -q '%PDF-' ;;
    *) echo "unexpected file $file" >&2; exit 1 ;;
  esac || { echo "$file has not the magic of its format" >&2; exit 1; }
done
[ "$(ls "$tmp" | wc -l)" -eq 2 ] || { echo "expected two files, got: $(ls "$tmp")" >&2; exit 1; }
