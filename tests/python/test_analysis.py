#!/usr/bin/env python3
# SPDX-License-Identifier: LGPL-2.1-or-later
"""Queries, alignment and series through GObject introspection."""

import math
import unittest

from bilat_testutil import Bilat, Gio, GLib


def build_store():
    store = Bilat.Store.new()
    for code in ("PAK", "RUS", "SUN", "IND"):
        store.add(Bilat.Actor.new(code, Bilat.ActorKind.STATE))
    store.lookup_actor("RUS").set_predecessor("SUN")

    def event(ident, when, a, b, cameo, kind=Bilat.Event):
        record = kind(id=ident)
        if when:
            record.set_date(Bilat.Date.parse(when))
        record.add_participant(a, Bilat.Role.INITIATOR)
        record.add_participant(b, Bilat.Role.TARGET)
        record.set_cameo_code(cameo)
        store.add(record)

    event("e1948", "1948-05-01", "PAK", "SUN", "054")
    event("e2015", "2015-07", "PAK", "RUS", "040")
    event("x2016", "2016", "PAK", "RUS", "062", Bilat.Exercise)
    event("x2018", "2018-10-21/2018-11-04", "RUS", "PAK", "062", Bilat.Exercise)
    event("i2018", "2018-12-31", "IND", "PAK", "1123")

    for ident, holder, issue, stance in [
        ("pak-energy", "PAK", "energy", Bilat.Stance.SUPPORTS),
        ("rus-energy", "RUS", "energy", Bilat.Stance.SUPPORTS),
        ("pak-cpec", "PAK", "cpec", Bilat.Stance.SUPPORTS),
        ("rus-cpec", "RUS", "cpec", Bilat.Stance.CONSIDERING),
        ("pak-sco", "PAK", "sco", Bilat.Stance.SUPPORTS),
    ]:
        store.add(Bilat.Position.new(ident, holder, issue, stance))
    return store


def ids(model):
    return [model.get_item(i).get_id() for i in range(model.get_n_items())]


class QueryTests(unittest.TestCase):
    def test_dyad_follows_succession(self):
        store = build_store()
        query = Bilat.Query.parse("dyad:PAK,RUS")
        found = store.find_events(query)
        self.assertIsInstance(found, Gio.ListModel)
        self.assertEqual(ids(found), ["e1948", "e2015", "x2016", "x2018"])
        matched, note = query.match_event(store, store.lookup_event("e1948"))
        self.assertTrue(matched)
        self.assertEqual(note, "SUN as predecessor of RUS")
        query.props.follow_succession = False
        self.assertEqual(ids(store.find_events(query)), ["e2015", "x2016", "x2018"])

    def test_builder_and_string_form(self):
        query = Bilat.Query.new()
        query.set_dyad("PAK", "RUS")
        query.set_period(Bilat.Date.parse("2015/2018"))
        query.props.event_type = Bilat.Exercise.__gtype__
        self.assertEqual(query.to_string(), "dyad:PAK,RUS period:2015/2018 type:exercise")
        self.assertEqual(ids(build_store().find_events(query)), ["x2016", "x2018"])
        self.assertEqual(Bilat.Query.parse(query.to_string()).to_string(), query.to_string())

    def test_parse_error(self):
        with self.assertRaises(GLib.Error) as caught:
            Bilat.Query.parse("dyad:PAK")
        self.assertEqual(caught.exception.domain, "bilat-query-error-quark")
        self.assertEqual(caught.exception.code, int(Bilat.QueryError.INVALID_VALUE))

    def test_quad_class_and_cameo(self):
        store = build_store()
        self.assertEqual(ids(store.find_events(Bilat.Query.parse("quad:verbal-conflict"))), ["i2018"])
        self.assertEqual(store.lookup_event("x2016").get_quad_class(),
                         Bilat.QuadClass.MATERIAL_COOPERATION)
        self.assertEqual(store.lookup_event("x2016").get_root_code(), "06")


class AlignmentTests(unittest.TestCase):
    def test_alignment_and_affinity(self):
        alignment = build_store().align("PAK", "RUS", None)
        rows = {item.get_issue(): item.get_agreement()
                for item in [alignment.get_item(i) for i in range(alignment.get_n_items())]}
        self.assertEqual(rows, {
            "cpec": Bilat.Agreement.PARTIAL,
            "energy": Bilat.Agreement.AGREE,
            "sco": Bilat.Agreement.ONLY_A,
        })
        self.assertEqual(alignment.props.n_shared, 2)
        ok, score = alignment.get_affinity()
        self.assertTrue(ok)
        # S = 1 - 2 * (0 + 0.5) / (2 * 2)
        self.assertAlmostEqual(score, 0.75)

    def test_no_shared_issue(self):
        alignment = build_store().align("PAK", "IND", None)
        ok, _score = alignment.get_affinity()
        self.assertFalse(ok)


class SeriesTests(unittest.TestCase):
    def test_yearly_series(self):
        series = build_store().compute_series(Bilat.Query.parse("dyad:PAK,RUS"),
                                              Bilat.SeriesUnit.YEAR)
        self.assertEqual(series.get_n_bins(), 2018 - 1948 + 1)
        self.assertEqual(series.get_bin_date(0).to_string(), "1948")
        self.assertEqual(series.get_count(0), 1)
        self.assertEqual(series.get_count(1), 0)
        last = series.get_n_bins() - 1
        self.assertEqual(series.get_quad_count(last, Bilat.QuadClass.MATERIAL_COOPERATION), 1)
        self.assertTrue(math.isnan(series.get_goldstein_mean(1)))
        self.assertEqual(series.get_total(), 4)

    def test_merge_equals_union(self):
        store = build_store()
        whole = store.compute_series(None, Bilat.SeriesUnit.MONTH)
        early = store.compute_series(Bilat.Query.parse("to:2015-12"), Bilat.SeriesUnit.MONTH)
        late = store.compute_series(Bilat.Query.parse("from:2016"), Bilat.SeriesUnit.MONTH)
        early.merge(late)
        self.assertTrue(whole.equal(early))
        with self.assertRaises(GLib.Error):
            early.merge(Bilat.Series.new(Bilat.SeriesUnit.DAY))

    def test_bytes_round_trip(self):
        """Partial series travel between processes as bytes."""
        import pickle
        series = build_store().compute_series(None, Bilat.SeriesUnit.MONTH)
        data = series.to_bytes().get_data()
        self.assertIsInstance(data, bytes)
        # Bytes survive pickling, as Dask and multiprocessing ship them.
        back = Bilat.Series.new_from_bytes(GLib.Bytes.new(pickle.loads(pickle.dumps(data))))
        self.assertTrue(series.equal(back))
        self.assertEqual(back.get_unit(), Bilat.SeriesUnit.MONTH)
        with self.assertRaises(GLib.Error) as caught:
            Bilat.Series.new_from_bytes(GLib.Bytes.new(data[: len(data) // 2]))
        self.assertTrue(caught.exception.matches(Bilat.series_error_quark(),
                                                 Bilat.SeriesError.INVALID_DATA))
        # The overrides: bytes(), from_bytes() and pickling.
        self.assertEqual(bytes(series), data)
        self.assertTrue(Bilat.Series.from_bytes(data).equal(series))
        self.assertTrue(pickle.loads(pickle.dumps(series)).equal(series))

    def test_csv(self):
        series = build_store().compute_series(Bilat.Query.parse("type:exercise"),
                                              Bilat.SeriesUnit.YEAR)
        lines = series.to_string(Bilat.SeriesFormat.CSV).splitlines()
        self.assertEqual(lines[0].split(",")[:3], ["period", "events", "goldstein_sum"])
        self.assertEqual(lines[1].split(",")[:2], ["2016", "1"])
        self.assertEqual(lines[3].split(",")[:2], ["2018", "1"])


if __name__ == "__main__":
    unittest.main(verbosity=2)
