#!/usr/bin/env python3
# SPDX-License-Identifier: LGPL-2.1-or-later
"""Dyad-year panels through GObject introspection: the all-states row
count against a computation of its own from the COW state list
(../shared/data/states/cow_states2016.csv, read here with the csv
module), rows as named tuples, pandas, and the cells of a small store
written here against the per-dyad results.

Tests of the shared data skip when BILAT_SHARED_DATA is not given;
``to_pandas()`` is tested where pandas is installed."""

import csv
import math
import os
import unittest

from bilat_testutil import Bilat, GLib

SHARED = os.environ.get("BILAT_SHARED_DATA", "")
COW_STATES = os.path.join(SHARED, "states", "cow_states2016.csv")

try:
    import pandas
except ImportError:
    pandas = None

# UN votes 2003-2004 of PAK, RUS and IND, shared with tests/tools/test_tool_panel.py
# (the tests run in tests/python).
VOTE_TABLES = [os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "data", "panel", name)
               for name in ("roll_calls.csv", "roll_call_issues.csv", "votes.csv")]


def cow_dyad_years(first, last, directed=False):
    """Per year, the COW codes with a spell in it; every pair of them."""
    members = {}
    with open(COW_STATES, newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            for year in range(max(int(row["styear"]), first), min(int(row["endyear"]), last) + 1):
                members.setdefault(year, set()).add(row["ccode"])
    pairs = sum(len(codes) * (len(codes) - 1) // 2 for codes in members.values())
    return 2 * pairs if directed else pairs


def small_store():
    store = Bilat.Store.new()
    sun = Bilat.Actor.new("SUN", Bilat.ActorKind.STATE)
    rus = Bilat.Actor.new("RUS", Bilat.ActorKind.STATE)
    rus.set_predecessor("SUN")
    store.add(sun)
    store.add(rus)
    for ident, date, actors, domains in (
            ("ex-1985", "1985-06-01", ("SUN", "IND"), Bilat.ExerciseDomains.SEA),
            ("ex-2003", "2003-05-01", ("PAK", "RUS"), Bilat.ExerciseDomains.SEA),
            ("ex-2004", "2004-09-01", ("PAK", "RUS", "CHN"), Bilat.ExerciseDomains.AIR)):
        exercise = Bilat.Exercise.new(ident)
        exercise.set_date(Bilat.Date.parse(date))
        exercise.set_domains(domains)
        for actor in actors:
            exercise.add_participant(actor, Bilat.Role.PARTICIPANT)
        store.add(exercise)
    for ident, date, initiator, target, cameo in (
            ("e1", "2003-03-01", "PAK", "RUS", "042"), ("e2", "2003-03-02", "RUS", "PAK", "190")):
        event = Bilat.Event.new(ident)
        event.set_date(Bilat.Date.parse(date))
        event.add_participant(initiator, Bilat.Role.INITIATOR)
        event.add_participant(target, Bilat.Role.TARGET)
        event.set_cameo_code(cameo)
        store.add(event)
    store.import_votes(VOTE_TABLES, strict=True)
    return store


class AllStatesTest(unittest.TestCase):
    def test_counts_from_the_cow_list(self):
        if not SHARED or not os.path.exists(COW_STATES):
            self.skipTest("no shared data: states/cow_states2016.csv")
        store = Bilat.Store.new()
        for first, last in ((1816, 2016), (1816, 1830), (1939, 1945), (1991, 1991)):
            for directed in (False, True):
                panel = store.build_panel(first_year=first, last_year=last, directed=directed,
                                          columns=["codes"])
                self.assertEqual(len(panel), cow_dyad_years(first, last, directed), (first, last, directed))
        self.assertEqual(cow_dyad_years(1816, 2016), 956175)
        self.assertEqual(cow_dyad_years(1816, 2016, True), 1912350)

    def test_rows_within_the_cow_list(self):
        if not SHARED or not os.path.exists(COW_STATES):
            self.skipTest("no shared data: states/cow_states2016.csv")
        spells = {}
        with open(COW_STATES, newline="", encoding="utf-8") as f:
            for row in csv.DictReader(f):
                spells.setdefault(int(row["ccode"]), []).append((int(row["styear"]), int(row["endyear"])))
        panel = Bilat.Store.new().build_panel(first_year=1985, last_year=1995, columns="codes")
        for row in panel:
            for code in (row.cow_a, row.cow_b):
                self.assertTrue(any(start <= row.year <= end for start, end in spells[code]), row)
            self.assertLess(row.cow_a, row.cow_b)


class RowsTest(unittest.TestCase):
    def setUp(self):
        self.store = small_store()
        self.panel = self.store.build_panel(dyads=[("PAK", "RUS"), ("IND", "RUS")], first_year=1984,
                                            last_year=2005, columns=Bilat.PanelColumns.ALL, topics=["me"])

    def test_named_tuples(self):
        rows = list(self.panel)
        self.assertEqual(len(rows), 2 * 22)
        self.assertEqual((self.panel.props.first_year, self.panel.props.last_year), (1984, 2005))
        self.assertFalse(self.panel.props.directed)
        self.assertEqual(self.panel.props.unit, Bilat.SeriesUnit.YEAR)
        first = rows[0]
        self.assertEqual(first._fields[:6], ("a", "b", "cow_a", "cow_b", "year", "exercises"))
        self.assertEqual((first.a, first.b, first.cow_a, first.cow_b, first.year), ("PAK", "RUS", 770, 365, 1984))
        # Before the exercises' coverage: None, never 0.
        self.assertIsNone(first.exercises)
        by_key = {(r.a, r.b, r.year): r for r in rows}
        self.assertEqual(by_key[("PAK", "RUS", 2002)].exercises, 0)
        self.assertEqual(by_key[("PAK", "RUS", 2003)].exercises, 1)
        self.assertEqual(by_key[("PAK", "RUS", 2003)].exercises_sea, 1)
        self.assertEqual(by_key[("IND", "RUS", 1985)].exercises, 1)
        self.assertEqual(by_key[("PAK", "RUS", 2003)].events, 3)
        self.assertIsInstance(by_key[("PAK", "RUS", 2003)].goldstein_sum, float)
        self.assertEqual(by_key[("PAK", "RUS", 2003)].n, 2)
        self.assertIsNone(by_key[("PAK", "RUS", 2002)].n)
        self.assertEqual(by_key[("PAK", "RUS", 2003)].n_me, 1)
        self.assertIsNone(by_key[("PAK", "RUS", 2004)].n_me)
        # Indexing gives the same tuples.
        self.assertEqual(self.panel[5], rows[5])
        self.assertEqual(self.panel[-1], rows[-1])
        with self.assertRaises(IndexError):
            self.panel[len(rows)]
        self.assertEqual(self.panel.get_item(5).as_tuple(), rows[5])
        self.assertEqual(self.panel.coverage, {"exercises": "1985/2004", "events": "1985/2004",
                                               "affinity": "2003/2004"})

    def test_cells_as_per_dyad_results(self):
        settings = Bilat.AffinitySettings.new()
        settings.set_unit(Bilat.AffinityUnit.YEAR)
        for row in self.panel:
            counts = self.store.count_exercises(dyad=(row.a, row.b))
            expected = {counts.get_period(i).get_year(): counts.get_exercises(i)
                        for i in range(counts.get_n_periods())}
            if 1985 <= row.year <= 2004:
                self.assertEqual(row.exercises, expected.get(row.year, 0), row)
            scores = {score.year: score for score in self.store.affinity(row.a, row.b, by="year")}
            if row.year in scores:
                self.assertEqual(row.n, scores[row.year].n)
                self.assertEqual(row.s, scores[row.year].s)
                self.assertEqual(row.kappa, scores[row.year].kappa)
            else:
                self.assertIsNone(row.n)

    def test_directed(self):
        panel = self.store.build_panel(dyads=[("PAK", "RUS")], directed=True, first_year=2003, last_year=2003,
                                       columns=["events"])
        self.assertEqual([(r.a, r.b, r.events, r.q1, r.q4) for r in panel],
                         [("PAK", "RUS", 1, 1, 0), ("RUS", "PAK", 1, 0, 1)])

    def test_dataframe(self):
        if pandas is None:
            self.skipTest("pandas is not installed")
        frame = pandas.DataFrame(list(self.panel))
        self.assertEqual(list(frame.columns), list(self.panel.get_columns()))
        self.assertEqual(len(frame), len(self.panel))
        fast = self.panel.to_pandas()
        self.assertEqual(list(fast.columns), list(frame.columns))
        self.assertEqual(str(fast["exercises"].dtype), "Int64")
        self.assertTrue(fast["exercises"].isna().iloc[0])
        self.assertEqual(int(fast["exercises"].iloc[2003 - 1984]), 1)
        self.assertTrue(math.isnan(fast["s"].iloc[0]))
        self.assertEqual(fast.attrs["coverage"]["affinity"], "2003/2004")
        for name in ("a", "year", "exercises", "n"):
            self.assertEqual([None if pandas.isna(v) else v for v in fast[name]],
                             [None if pandas.isna(v) else v for v in frame[name]], name)

    def test_errors(self):
        with self.assertRaises(GLib.Error) as caught:
            self.store.build_panel(first_year=2000, last_year=1990)
        self.assertTrue(caught.exception.matches(Bilat.panel_error_quark(),
                                                 Bilat.PanelError.INVALID_SETTINGS))
        text = self.store.build_panel(dyads=[("PAK", "RUS")], first_year=2003, last_year=2003,
                                      columns=["codes", "exercises"]).to_string(Bilat.PanelFormat.CSV)
        self.assertEqual(text.splitlines()[2:], ["a,b,cow_a,cow_b,year,exercises", "PAK,RUS,770,365,2003,1"])


# Event files: the fixtures of tests/data/import and the shared samples.
IMPORT_DATA = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "data", "import")
EVENT_SAMPLES = (("gdelt1/reed9999_events_sample.tsv", 2016), ("gdelt2/20191024143000.export.CSV", 2019),
                 ("icews/events.2018.sample.tab", 2018))
EVENT_FIELDS = ("events", "goldstein_sum", "goldstein_mean", "q1", "q2", "q3", "q4")


class StreamedPanelTest(unittest.TestCase):
    def assert_same_events(self, stored, streamed):
        """Row by row, the events columns; Goldstein sums added in another
        order may differ in their last bits."""
        self.assertEqual(stored.coverage["events"], streamed.coverage["events"])
        rows = list(zip(stored, streamed))
        self.assertEqual(len(rows), len(stored))
        self.assertEqual(len(stored), len(streamed))
        for a, b in rows:
            self.assertEqual(a[:3], b[:3])
            for name in EVENT_FIELDS:
                x, y = getattr(a, name), getattr(b, name)
                if name.startswith("goldstein") and x is not None and y is not None:
                    self.assertAlmostEqual(x, y, delta=1e-9 * max(1.0, abs(x)))
                else:
                    self.assertEqual(x, y, (a, name))
        self.assertTrue(any(row.events for row in stored))

    def check_file(self, path, year):
        events = Bilat.Store.new()
        events.import_events(path)
        # Every pair of states by year; by month, the dyads with events.
        dyads = None
        for directed in (False, True):
            for by in ("year", "month"):
                keywords = dict(directed=directed, first_year=year, last_year=year, by=by, columns=["events"],
                                dyads=dyads if by == "month" else None)
                stored = Bilat.Store.new().build_panel(event_store=events, **keywords)
                one, report = Bilat.Panel.from_files([path], **keywords)
                two, _ = Bilat.Panel.from_files([path], jobs=2, **keywords)
                self.assertEqual(one.to_string(Bilat.PanelFormat.CSV), two.to_string(Bilat.PanelFormat.CSV))
                self.assertGreater(report.get_kept(), 0)
                self.assert_same_events(stored, one)
                if by == "year" and not directed:
                    dyads = [(row.a, row.b) for row in stored if row.events][:50]

    def test_fixture(self):
        self.check_file(os.path.join(IMPORT_DATA, "gdelt2.export.CSV"), 2018)

    def test_shared_samples(self):
        found = 0
        for relative, year in EVENT_SAMPLES:
            path = os.path.join(SHARED, relative)
            if not SHARED or not os.path.exists(path):
                print(f"# skip {relative}: not in BILAT_SHARED_DATA")
                continue
            with self.subTest(sample=relative):
                self.check_file(path, year)
            found += 1
        if not found:
            self.skipTest("BILAT_SHARED_DATA is not set: the GDELT and ICEWS samples are not read")

    def test_bad_rows_and_store_columns(self):
        store = small_store()
        progress = []
        panel, report = Bilat.Panel.from_files(
            [os.path.join(IMPORT_DATA, "gdelt2-bad.export.CSV")], store=store, dyads=[("PAK", "RUS")],
            first_year=2017, last_year=2019, columns=["events", "exercises"],
            progress=lambda done, total, rows: progress.append((done, total)))
        self.assertGreater(report.get_bad_rows(), 0)
        self.assertIn("gdelt2-bad.export.CSV", report.get_problems()[0].get_file())
        self.assertEqual([row.events for row in panel], [None, report.get_kept(), None])
        self.assertEqual(panel.coverage["events"], "2018/2018")
        self.assertTrue(progress and progress[-1][0] == progress[-1][1])
        with self.assertRaises(GLib.Error) as caught:
            Bilat.Panel.from_files([os.path.join(IMPORT_DATA, "gdelt2-bad.export.CSV")], strict=True,
                                   dyads=[("PAK", "RUS")], columns=["events"])
        self.assertEqual(caught.exception.domain, GLib.quark_to_string(Bilat.import_error_quark()))

    def test_async(self):
        from gi.repository import Gio
        files = [Gio.File.new_for_path(os.path.join(IMPORT_DATA, name))
                 for name in ("gdelt2.export.CSV", "icews.tab")]
        settings = Bilat.PanelSettings.new()
        settings.add_dyad("PAK", "RUS")
        settings.set_first_year(2015)
        settings.set_last_year(2019)
        settings.set_columns(Bilat.PanelColumns.EVENTS)
        importer = Bilat.Importer(threads=2)
        expected, _ = importer.build_panel(None, settings, files)
        loop = GLib.MainLoop()
        result = []

        def done(source, async_result):
            result.append(source.build_panel_finish(async_result))
            loop.quit()

        importer.build_panel_async(None, settings, files, done)
        loop.run()
        panel, report = result[0]
        self.assertEqual(panel.to_string(Bilat.PanelFormat.CSV), expected.to_string(Bilat.PanelFormat.CSV))
        self.assertGreater(report.get_kept(), 0)


if __name__ == "__main__":
    unittest.main()
