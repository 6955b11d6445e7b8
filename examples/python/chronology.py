#!/usr/bin/env python3
# SPDX-License-Identifier: LGPL-2.1-or-later
"""Build a small chronology through GObject introspection and print it."""

import gi

gi.require_version("Bilat", "1.0")
from gi.repository import Bilat  # noqa: E402

store = Bilat.Store.new()
for code in ("PAK", "RUS"):
    store.add(Bilat.Actor.new(code, Bilat.ActorKind.STATE))

for ident, when, title in [
    ("ufa-2015", "2015-07", "Meetings at the Ufa summit"),
    ("drill-2018", "2018-10-21/2018-11-04", "A joint exercise"),
    ("relations-1948", "1948-05-01", "Diplomatic relations established"),
]:
    event = Bilat.Event.new(ident)
    event.set_date(Bilat.Date.parse(when))
    event.set_title(title)
    event.add_participant("PAK", Bilat.Role.PARTICIPANT)
    event.add_participant("RUS", Bilat.Role.PARTICIPANT)
    store.add(event)

events = store.get_events()
for i in range(events.get_n_items()):
    event = events.get_item(i)
    print(f"{event.get_date().to_string():23} {event.get_title()}")
