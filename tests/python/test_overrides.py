#!/usr/bin/env python3
# SPDX-License-Identifier: LGPL-2.1-or-later
"""The PyGObject overrides: Pythonic use of the library."""

import unittest

from bilat_testutil import Bilat, Gio, GLib


def build_store():
    store = Bilat.Store.new()
    for code in ("PAK", "RUS", "SUN"):
        store.add(Bilat.Actor.new(code, Bilat.ActorKind.STATE))
    store.lookup_actor("RUS").set_predecessor("SUN")
    for ident, when, a, b, cameo, kind in [
        ("relations-1948", "1948-05-01", "PAK", "SUN", "054", Bilat.Event),
        ("ufa", "2015-07", "PAK", "RUS", "040", Bilat.Event),
        ("drill-2016", "2016", "PAK", "RUS", "062", Bilat.Exercise),
        ("drill-2018", "2018-10-21/2018-11-04", "RUS", "PAK", "062", Bilat.Exercise),
    ]:
        event = kind(id=ident)
        event.set_date(Bilat.Date.parse(when))
        event.set_title(ident.replace("-", " ").title())
        event.add_participant(a, Bilat.Role.INITIATOR)
        event.add_participant(b, Bilat.Role.TARGET)
        event.set_cameo_code(cameo)
        store.add(event)
    store.add(Bilat.Position.new("pak-energy", "PAK", "energy", Bilat.Stance.SUPPORTS))
    store.add(Bilat.Position.new("rus-energy", "RUS", "energy", Bilat.Stance.SUPPORTS))
    return store


class OverrideTests(unittest.TestCase):
    def test_overrides_are_loaded(self):
        # the module must come from this source tree, not from an installed copy
        import gi.overrides.Bilat as overrides
        self.assertTrue(overrides.__file__.endswith("bindings/python/gi/overrides/Bilat.py"),
                        overrides.__file__)

    def test_list_models_are_python_sequences(self):
        store = build_store()
        events = store.find_events()
        self.assertEqual(len(events), 4)
        self.assertEqual([e.get_id() for e in events],
                         ["relations-1948", "ufa", "drill-2016", "drill-2018"])
        self.assertEqual(events[-1].get_id(), "drill-2018")
        self.assertEqual(len(store.get_actors()), 3)
        self.assertEqual([a.get_id() for a in store.props.actors], ["PAK", "RUS", "SUN"])

    def test_keyword_queries(self):
        store = build_store()
        ids = lambda model: [e.get_id() for e in model]
        self.assertEqual(ids(store.find_events(dyad=("PAK", "RUS"), since="2015")),
                         ["ufa", "drill-2016", "drill-2018"])
        self.assertEqual(ids(store.find_events(dyad=("PAK", "RUS"), succession=False)),
                         ["ufa", "drill-2016", "drill-2018"])
        self.assertEqual(ids(store.find_events(dyad=("PAK", "RUS"))),
                         ["relations-1948", "ufa", "drill-2016", "drill-2018"])
        self.assertEqual(ids(store.find_events(type="exercise", until=2017)), ["drill-2016"])
        self.assertEqual(ids(store.find_events(quad=1)), ["relations-1948", "ufa"])
        self.assertEqual(ids(store.find_events("type:exercise", since=2018)), ["drill-2018"])
        self.assertEqual(ids(store.find_events(cameo="06", period="2018-11")), ["drill-2018"])
        # since/until narrow the query's own period, end by end
        self.assertEqual(ids(store.find_events("to:2016", since=2015)), ["ufa", "drill-2016"])
        self.assertEqual(ids(store.find_events("from:2015", until=2016)), ["ufa", "drill-2016"])
        query = Bilat.make_query(since=2016)
        self.assertEqual(query.get_period_start().to_string(), "2016")
        self.assertIsNone(query.get_period_end())
        self.assertEqual(query.to_string(), "from:2016")
        query.props.period_end = Bilat.Date.parse("2017")
        self.assertEqual(query.props.period_start.to_string(), "2016")
        self.assertEqual(query.to_string(), "from:2016 to:2017")
        self.assertEqual(ids(store.find_positions(actor="RUS")), ["rus-energy"])
        with self.assertRaises(GLib.Error):
            store.find_events("dyad:PAK")

    def test_alignment_affinity(self):
        store = build_store()
        alignment = store.align("PAK", "RUS")
        self.assertEqual(alignment.affinity, 1.0)
        self.assertEqual(len(alignment), 1)
        self.assertIsNone(store.align("PAK", "SUN", succession=False).affinity)
        self.assertIn("n=1", repr(alignment))

    def test_series_bins(self):
        series = build_store().compute_series(by="year", dyad=("PAK", "RUS"), since=2015)
        bins = list(series)
        self.assertEqual(len(series), 4)
        self.assertEqual(bins[0].period, "2015")
        self.assertEqual(bins[0].events, 1)
        self.assertEqual(bins[1].events, 1)
        self.assertEqual(bins[2].events, 0)
        self.assertIsNone(bins[2].goldstein_mean)
        self.assertEqual(series[-1].q2, 1)
        self.assertEqual(build_store().compute_series(Bilat.SeriesUnit.DAY).get_unit(),
                         Bilat.SeriesUnit.DAY)

    def test_import_with_keywords(self):
        import os
        fixtures = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "data", "import")
        path = os.path.join(fixtures, "gdelt2.export.CSV")
        store = Bilat.Store.new()
        report = store.import_events(path, dyad=("PAK", "RUS"))
        self.assertGreater(report.get_kept(), 0)
        self.assertEqual(len(store.find_events()), report.get_kept())
        for event in store.find_events():
            self.assertIsInstance(event, Bilat.CodedEvent)
        again = Bilat.Store.new().import_events(path, "gdelt2", "dyad:PAK,RUS")
        self.assertEqual(again.get_kept(), report.get_kept())
        result = Bilat.Series.from_files([path], by="year", dyad=("PAK", "RUS"))
        series = result[0] if isinstance(result, tuple) else result
        self.assertEqual(series.get_total(), report.get_kept())
        # Several files as one, a stream, progress as a plain callable.
        progress = []
        both = Bilat.Store.new().import_events([path, path], progress=lambda *f: progress.append(f))
        self.assertEqual(both.get_duplicates(), both.get_rows() // 2)
        self.assertEqual(progress[-1][0], 2 * os.path.getsize(path))
        from gi.repository import Gio, GLib
        with open(path, "rb") as f:
            stream = Gio.MemoryInputStream.new_from_bytes(GLib.Bytes.new(f.read()))
        streamed = Bilat.Store.new().import_events(stream, dyad=("PAK", "RUS"), name="memory.CSV")
        self.assertEqual(streamed.get_kept(), report.get_kept())
        with self.assertRaises(GLib.Error):
            Bilat.Store.new().import_events(os.path.join(fixtures, "gdelt2-bad.export.CSV"), strict=True)
        every, every_report = Bilat.Series.from_files([path, path], by="day", jobs=0)
        self.assertEqual(every.get_total(), every_report.get_kept())
        self.assertEqual(every_report.get_n_files(), 2)

    def test_dates(self):
        a = Bilat.Date.parse("2015-07")
        b = Bilat.Date.parse("2018")
        self.assertEqual(str(a), "2015-07")
        self.assertEqual(repr(a), "Bilat.Date('2015-07')")
        self.assertLess(a, b)
        self.assertEqual(a, Bilat.Date.parse("2015-07"))
        self.assertNotEqual(a, b)
        self.assertEqual(len({a, Bilat.Date.parse("2015-07"), b}), 2)
        self.assertEqual(sorted([b, a]), [a, b])

    def test_reprs(self):
        store = build_store()
        event = store.lookup_event("drill-2018")
        self.assertEqual(repr(event), "<Bilat.Exercise drill-2018 2018-10-21/2018-11-04 'Drill 2018'>")
        self.assertIn("4 events", repr(store))
        participant = event.get_participants()[0]
        self.assertEqual(repr(participant), "<Bilat.Participant RUS initiator>")


if __name__ == "__main__":
    unittest.main(verbosity=2)
