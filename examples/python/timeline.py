#!/usr/bin/env python3
# SPDX-License-Identifier: LGPL-2.1-or-later
"""The Pakistan–Russia timeline, the exercises and the convergence of the
two states, from the built-in dataset."""

import gi

gi.require_version("Bilat", "1.0")
from gi.repository import Bilat  # noqa: E402

store = Bilat.Store.new_builtin("pakistan-russia")

print("Timeline (Pakistan–Russia, the Soviet Union included):")
query = Bilat.make_query(dyad=("PAK", "RUS"))
for event in store.find_events(query):
    _, note = query.match_event(store, event)
    when = event.get_date() or "unknown"
    print(f"  {str(when):23} {event.get_title()}" + (f"  [{note}]" if note else ""))

print("\nExercises:")
for drill in store.find_events(type="exercise"):
    place = drill.get_place()
    where = place.get_name() if place else "place not given"
    print(f"  {drill.get_series()} #{drill.get_edition()}: {drill.get_date()}, {where}")

alignment = store.align("PAK", "RUS")
print(f"\nAffinity of PAK and RUS: {alignment.affinity:.3f} over {alignment.props.n_shared} issues")
for item in alignment:
    print(f"  {item.get_issue():20} {item.get_agreement().value_nick}")
