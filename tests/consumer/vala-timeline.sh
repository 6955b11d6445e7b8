#!/bin/sh
# SPDX-License-Identifier: LGPL-2.1-or-later
#
# The Vala example, compiled against the generated .vapi, runs and prints
# the three Friendship exercises with their participants and citations
# (list-model properties), and the PAK–RUS affinity.
set -eu
out=$("$1")
printf '%s\n' "$out"
[ "$(printf '%s\n' "$out" | grep -c 'edition')" -eq 3 ] || { echo "not three exercises" >&2; exit 1; }
printf '%s\n' "$out" | grep -q '^2018-10-21/2018-11-04  Friendship 2018 joint exercise (edition 3)$' ||
  { echo "friendship 2018 line missing" >&2; exit 1; }
[ "$(printf '%s\n' "$out" | grep -c '^    participants: PAK RUS; citations: [1-9]')" -eq 3 ] ||
  { echo "participants or citations missing" >&2; exit 1; }
printf '%s\n' "$out" | grep -q '^PAK–RUS affinity over [0-9]* issues: ' || { echo "no affinity" >&2; exit 1; }
