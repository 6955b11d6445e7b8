#!/bin/sh
# SPDX-License-Identifier: LGPL-2.1-or-later
#
# Installs the build into a temporary prefix and compiles every C example
# there with only `cc prog.c $(pkg-config --cflags --libs bilat-1.0)`,
# then runs each.
set -eu
builddir=$1
examples=$2
with_gir=$3

work=$(mktemp -d "${TMPDIR:-/tmp}/bilat-consumer.XXXXXX")
trap 'rm -rf "$work"' EXIT INT TERM

meson install -C "$builddir" --no-rebuild --quiet --destdir "$work/root" >/dev/null
# The destdir holds the configured prefix below it; find where the .pc went.
pc=$(find "$work/root" -name bilat-1.0.pc | head -n 1)
[ -n "$pc" ] || { echo "bilat-1.0.pc was not installed" >&2; exit 1; }
# The .pc file is relocatable (its prefix is found from where it lies), so
# pointing pkg-config at it is all a user of this prefix has to do.
export PKG_CONFIG_PATH="$(dirname "$pc")"
libdir=$(pkg-config --variable=libdir bilat-1.0)
case $libdir in
  "$work/root"/*) ;;
  *) echo "bilat-1.0.pc is not relocatable: libdir is $libdir" >&2; exit 1 ;;
esac

test -e "$libdir/libbilat-1.0.so.0" || { echo "libbilat-1.0.so.0 is not in $libdir" >&2; exit 1; }
test -n "$(find "$work/root" -path '*/include/bilat-1.0/bilat/bilat.h')" ||
  { echo "bilat/bilat.h not installed under include/bilat-1.0/" >&2; exit 1; }
if [ "$with_gir" = yes ]; then
  find "$work/root" -name Bilat-1.0.typelib | grep -q . || { echo "Bilat-1.0.typelib not installed" >&2; exit 1; }
  find "$work/root" -name Bilat-1.0.gir | grep -q . || { echo "Bilat-1.0.gir not installed" >&2; exit 1; }
fi

cc=${CC:-cc}
n=0
for src in "$examples"/*.c; do
  name=$(basename "$src" .c)
  # shellcheck disable=SC2046
  "$cc" -Wall -Wextra -Werror -o "$work/$name" "$src" $(pkg-config --cflags --libs bilat-1.0)
  LD_LIBRARY_PATH="$libdir${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}" "$work/$name" > "$work/$name.out"
  test -s "$work/$name.out" || { echo "$name printed nothing" >&2; exit 1; }
  n=$((n + 1))
done
[ "$n" -gt 0 ] || { echo "no example found in $examples" >&2; exit 1; }
echo "$n example(s) built with pkg-config against the installed prefix and run"
