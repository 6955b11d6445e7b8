#!/usr/bin/env python3
# SPDX-License-Identifier: LGPL-2.1-or-later
"""A small store built and read back through GObject introspection."""

import unittest

from bilat_testutil import Bilat, Gio, GLib


def make_store():
    store = Bilat.Store.new()
    source = Bilat.Source.new("oped")
    source.set_title("An op-ed on Pakistan and Russia")
    store.add(source)
    for code in ("PAK", "RUS", "SUN"):
        store.add(Bilat.Actor.new(code, Bilat.ActorKind.STATE))
    store.lookup_actor("RUS").set_predecessor("SUN")
    store.lookup_actor("RUS").add_alias("Moscow")
    store.lookup_actor("PAK").add_alias("Islamabad")
    store.add(Bilat.Issue.new("sco-membership"))

    drill = Bilat.Exercise.new("friendship-2018")
    drill.set_date(Bilat.Date.parse("2018-10-21/2018-11-04"))
    drill.set_series("Friendship")
    drill.set_edition(3)
    store.add(drill)

    undated = Bilat.Event.new("arms-embargo-lifted")
    store.add(undated)

    first = Bilat.Event.new("relations-1948")
    first.set_date(Bilat.Date.parse("1948-05-01"))
    store.add(first)

    store.add(Bilat.Position.new("rus-sco", "RUS", "sco-membership", Bilat.Stance.SUPPORTS))
    return store


def ids(model):
    return [model.get_item(i).get_id() for i in range(model.get_n_items())]


class StoreTests(unittest.TestCase):
    def test_collections_are_list_models(self):
        store = make_store()
        for model in (store.get_sources(), store.get_actors(), store.get_issues(),
                      store.get_events(), store.get_positions()):
            self.assertIsInstance(model, Gio.ListModel)
        self.assertEqual(store.get_actors().get_item_type(), Bilat.Actor.__gtype__)
        self.assertEqual(ids(store.get_actors()), ["PAK", "RUS", "SUN"])

    def test_events_in_date_order_unknown_last(self):
        store = make_store()
        self.assertEqual(ids(store.get_events()),
                         ["relations-1948", "friendship-2018", "arms-embargo-lifted"])
        self.assertIsInstance(store.get_events().get_item(1), Bilat.Exercise)

    def test_lookup_by_id_and_alias(self):
        store = make_store()
        self.assertEqual(store.lookup_actor("moscow").get_id(), "RUS")
        self.assertEqual(store.lookup_actor("ISLAMABAD").get_id(), "PAK")
        self.assertEqual(store.lookup_actor("pak").get_id(), "PAK")
        self.assertIsNone(store.lookup_actor("Delhi"))
        self.assertEqual(store.lookup_event("friendship-2018").get_edition(), 3)
        self.assertEqual(store.lookup_position("rus-sco").get_stance(), Bilat.Stance.SUPPORTS)
        self.assertEqual(store.lookup_source("oped").get_title(),
                         "An op-ed on Pakistan and Russia")
        self.assertIsNone(store.lookup_issue("cpec"))

    def test_duplicate_is_an_error_and_changes_nothing(self):
        store = make_store()
        before = ids(store.get_events())
        with self.assertRaises(GLib.Error) as caught:
            store.add(Bilat.Event.new("relations-1948"))
        self.assertEqual(caught.exception.domain, "bilat-store-error-quark")
        self.assertEqual(caught.exception.code, int(Bilat.StoreError.DUPLICATE_ID))
        self.assertIn("relations-1948", caught.exception.message)
        self.assertEqual(ids(store.get_events()), before)

    def test_incomplete_position_is_refused(self):
        store = make_store()
        # A position needs a holder and an issue; built without them (a
        # critical is logged), it is refused, not stored.
        import gi.repository.GLib as glib
        old = glib.log_set_always_fatal(glib.LogLevelFlags.LEVEL_ERROR)
        try:
            incomplete = Bilat.Position(id="p")
        finally:
            glib.log_set_always_fatal(old)
        with self.assertRaises(GLib.Error) as caught:
            store.add(incomplete)
        self.assertEqual(caught.exception.code, int(Bilat.StoreError.INVALID_RECORD))
        self.assertIn("holder", caught.exception.message)
        self.assertIsNone(store.lookup_position("p"))

    def test_items_changed_and_date_moves(self):
        store = make_store()
        events = store.get_events()
        changes = []
        events.connect("items-changed", lambda m, pos, rem, add: changes.append((pos, rem, add)))
        undated = store.lookup_event("arms-embargo-lifted")
        undated.set_date(Bilat.Date.parse("1950"))
        self.assertEqual(ids(events), ["relations-1948", "arms-embargo-lifted", "friendship-2018"])
        self.assertEqual(changes, [(2, 1, 0), (1, 0, 1)])
        changes.clear()
        store.remove(undated)
        self.assertEqual(changes, [(1, 1, 0)])
        with self.assertRaises(GLib.Error) as caught:
            store.remove(undated)
        self.assertEqual(caught.exception.code, int(Bilat.StoreError.NOT_FOUND))


if __name__ == "__main__":
    unittest.main(verbosity=2)
