#!/usr/bin/env python3
# SPDX-License-Identifier: LGPL-2.1-or-later
"""Reading GDELT and ICEWS event data through GObject introspection.

The fixtures are tests/data/import/; the conformance tests read the real
samples of shared/data (BILAT_SHARED_DATA) and compare the library's
figures per dyad with a plain split of each line, here in Python, and are
skipped when the folder is not given.
"""

import csv
import math
import os
import re
import tempfile
import unittest

from bilat_testutil import Bilat, Gio, GLib

HERE = os.path.dirname(os.path.abspath(__file__))
FIXTURES = os.path.join(HERE, "..", "data", "import")
SHARED = os.environ.get("BILAT_SHARED_DATA", "")


def fixture(name):
    return Gio.File.new_for_path(os.path.join(FIXTURES, name))


def ids(model):
    return sorted(model.get_item(i).get_id() for i in range(model.get_n_items()))


def totals(series):
    """Events, Goldstein sum and QuadClass counts over all bins."""
    count, gold, quad = 0, 0.0, [0, 0, 0, 0]
    for b in range(series.get_n_bins()):
        count += series.get_count(b)
        gold += series.get_goldstein_sum(b)
        for q in range(4):
            quad[q] += series.get_quad_count(b, Bilat.QuadClass(q + 1))
    return count, round(gold, 6), tuple(quad)


def series_of(files, query=None, unit=Bilat.SeriesUnit.MONTH, threads=1,
              flags=Bilat.ImportFlags.NONE):
    """(series, report) of @files, read by a Bilat.Importer."""
    if isinstance(query, str):
        query = Bilat.Query.parse(query)
    importer = Bilat.Importer(query=query, threads=threads, flags=flags)
    return importer.compute_series(files, unit)


def section_offset(data, name):
    """Where section @name of the native file @data starts."""
    directory = int.from_bytes(data[16:24], "little")
    count = int.from_bytes(data[12:16], "little")
    for i in range(count):
        entry = data[directory + 64 * i:directory + 64 * (i + 1)]
        if entry[:24].rstrip(b"\0") == name.encode():
            return int.from_bytes(entry[24:32], "little")
    raise KeyError(name)


class ImportTests(unittest.TestCase):
    def test_series_from_files(self):
        series, report = series_of([fixture("gdelt2.export.CSV")], "dyad:PAK,RUS")
        self.assertIsInstance(report, Bilat.ImportReport)
        self.assertEqual(report.props.format, Bilat.EventFormat.GDELT2)
        self.assertEqual((report.props.rows, report.props.kept), (12, 5))
        self.assertEqual(totals(series), (5, round(4.0 + 1.9 - 10.0 + 7.0 - 5.0, 6), (2, 1, 0, 2)))
        tsv = series.to_string(Bilat.SeriesFormat.TSV).splitlines()
        self.assertEqual(tsv[1].split("\t")[:7], ["2018-10", "2", "5.9", "2", "0", "0", "0"])

    def test_import_into_store(self):
        store = Bilat.Store.new()
        importer = Bilat.Importer(query=Bilat.Query.parse("dyad:PAK,RUS"))
        report = importer.import_(store, [fixture("gdelt2.export.CSV")])
        self.assertEqual(report.props.kept, 5)
        event = store.lookup_event("gdelt:900000006")
        self.assertIsInstance(event, Bilat.CodedEvent)
        self.assertIsInstance(event, Bilat.Event)
        self.assertEqual(event.props.dataset, Bilat.EventFormat.GDELT2)
        self.assertEqual(event.get_goldstein(), 7.0)
        self.assertEqual(event.props.actor1_name, "PAKISTAN")
        self.assertEqual(event.props.mentions, 10)
        self.assertEqual(event.props.tone, -1.25)
        self.assertEqual(event.get_place().get_country(), "RUS")
        self.assertEqual(store.lookup_actor("PAK").get_kind(), Bilat.ActorKind.STATE)
        # Saved and loaded back, as the bilat tool's import -o does.
        data = store.save_to_data()
        data = data[0] if isinstance(data, tuple) else data
        loaded = Bilat.Store.new()
        loaded.load_from_data(data.encode())
        self.assertEqual(ids(loaded.get_events()), ids(store.get_events()))
        self.assertEqual(loaded.lookup_event("gdelt:900000006").get_goldstein(), 7.0)

    def test_codes_resolve_on_the_row_date(self):
        # GDELT codes the Soviet Union's actors and places with Russia's
        # codes: on a 1985 row they are SUN's, on a 2005 row RUS's, and a
        # dyad query with RUS counts both (Russia continues the USSR).
        store = Bilat.Store.new()
        Bilat.Importer().import_(store, [fixture("gdelt-identity.export.CSV")])
        soviet = store.lookup_event("gdelt:920000001")
        self.assertEqual([p.get_actor() for p in soviet.get_participants()], ["PAK", "SUN"])
        self.assertEqual(soviet.get_place().get_country(), "SUN")
        russian = store.lookup_event("gdelt:920000002")
        self.assertEqual([p.get_actor() for p in russian.get_participants()], ["PAK", "RUS"])
        self.assertEqual(store.lookup_actor("RUS").get_predecessor(), "SUN")
        self.assertEqual(store.find_events(Bilat.Query.parse("dyad:PAK,RUS")).get_n_items(), 2)
        series, _ = series_of([fixture("gdelt-identity.export.CSV")], "dyad:PAK,RUS")
        self.assertEqual(totals(series)[0], 2)

    def test_import_from_files(self):
        files = [fixture("gdelt2.export.CSV"), fixture("icews.tab"), fixture("gdelt2.export.CSV")]
        store = Bilat.Store.new()
        report = Bilat.Importer().import_(store, files)
        self.assertEqual(report.props.kept, store.get_events().get_n_items())
        self.assertGreater(report.props.duplicates, 0)
        one_by_one = Bilat.Store.new()
        for f in files[:2]:
            Bilat.Importer().import_(one_by_one, [f])
        self.assertEqual(ids(store.get_events()), ids(one_by_one.get_events()))

    def test_native_file(self):
        store = Bilat.Store.new_builtin("pakistan-russia")
        for name in ("gdelt2.export.CSV", "icews.tab"):
            Bilat.Importer().import_(store, [fixture(name)])
        with tempfile.TemporaryDirectory() as directory:
            path = os.path.join(directory, "store.bilat")
            self.assertTrue(store.save_to_native_file(Gio.File.new_for_path(path), None))
            with open(path, "rb") as f:
                self.assertEqual(f.read(8), b"BILAT\0st")
            loaded = Bilat.Store.new()
            loaded.load_from_path(path)
            # Rows made on demand, equal to the stored ones, the same object
            # while held.
            self.assertEqual(ids(loaded.get_events()), ids(store.get_events()))
            self.assertEqual(ids(loaded.get_sources()), ids(store.get_sources()))
            event = loaded.lookup_event("gdelt:900000006")
            self.assertIsInstance(event, Bilat.CodedEvent)
            self.assertIs(event, loaded.lookup_event("gdelt:900000006"))
            self.assertEqual(event.get_goldstein(), 7.0)
            self.assertEqual(event.props.actor1_name, "PAKISTAN")
            query = Bilat.Query.parse("dyad:PAK,RUS")
            self.assertEqual(ids(loaded.find_events(query)), ids(store.find_events(query)))
            a = store.save_to_data()
            b = loaded.save_to_data()
            self.assertEqual(a[0] if isinstance(a, tuple) else a, b[0] if isinstance(b, tuple) else b)
            # A changed row event becomes an object; the list follows it.
            event.set_date(Bilat.Date.parse("2031-01-01"))
            events = loaded.get_events()
            items = [events.get_item(i) for i in range(events.get_n_items())]
            self.assertIn(event, items)
            self.assertEqual(len(items), len(set(e.get_id() for e in items)))
            for a, b in zip(items, items[1:]):
                self.assertLess(Bilat.Event.compare(a, b), 0)
            dated = [e for e in items if e.get_date() is not None]
            self.assertIs(dated[-1], event)
            # Damage where opening reads is refused with the section's name.
            with open(path, "rb") as f:
                objects = section_offset(f.read(), "objects") + 6
            with open(path, "r+b") as f:
                f.seek(objects)
                byte = f.read(1)
                f.seek(objects)
                f.write(bytes([byte[0] ^ 1]))
            with self.assertRaises(GLib.Error) as raised:
                Bilat.Store.new().load_from_path(path)
            self.assertIn("section “objects”", raised.exception.message)
            # Damage in the rows is found when they are first read: they
            # leave the store, which says why and refuses to be saved.
            with open(path, "r+b") as f:
                data = bytearray(f.read())
                data[objects] ^= 1
                data[section_offset(data, "events.tone") + 3] ^= 0x10
                f.seek(0)
                f.write(data)
            damaged = Bilat.Store.new()
            notified = []
            damaged.connect("notify::damage", lambda *args: notified.append(True))
            damaged.load_from_path(path)
            self.assertEqual(notified, [])
            builtin = Bilat.Store.new_builtin("pakistan-russia")
            self.assertEqual(damaged.get_events().get_n_items(), builtin.get_events().get_n_items())
            self.assertEqual(notified, [True])
            self.assertIn("section “events.tone”", damaged.get_damage().message)
            self.assertIn("section “events.tone”", damaged.props.damage.message)
            self.assertEqual(ids(damaged.get_sources()), ids(builtin.get_sources()))
            self.assertEqual([p.to_string() for p in damaged.check()],
                             [damaged.get_damage().message])
            with self.assertRaises(GLib.Error):
                damaged.save_to_data()
            self.assertIsNone(loaded.get_damage())

    def test_icews_names_and_duplicates(self):
        series, report = series_of([fixture("icews.tab")], "dyad:PAK,RUS")
        self.assertEqual(report.props.format, Bilat.EventFormat.ICEWS)
        self.assertEqual((report.props.matched, report.props.kept, report.props.duplicates), (5, 3, 2))
        problems = report.get_problems()
        self.assertEqual(problems[0].get_code(), Bilat.ImportError.DUPLICATE_ID)
        self.assertEqual((problems[0].get_line(), problems[0].get_field()), (3, "Event ID"))
        self.assertEqual(Bilat.country_from_name("Occupied Palestinian Territory"), "PSE")
        self.assertEqual(Bilat.country_from_fips("RS"), "RUS")
        self.assertEqual(Bilat.cameo_country_to_iso("ROM"), "ROU")
        self.assertEqual(Bilat.cameo_actor_type_get_name("MIL"), "Military")

    def test_bad_rows_and_strict(self):
        series, report = series_of([fixture("gdelt2-bad.export.CSV")])
        self.assertEqual((report.props.rows, report.props.bad_rows, report.props.duplicates,
                          report.props.kept), (15, 11, 1, 3))
        first = report.get_problems()[1]
        # one problem type for datasets and event data, told apart by domain
        self.assertIsInstance(first, Bilat.Problem)
        self.assertEqual(first.get_domain(), Bilat.import_error_quark())
        self.assertEqual(first.get_code(), Bilat.ImportError.BAD_VALUE)
        self.assertEqual((first.get_kind(), first.get_index()), (None, -1))
        self.assertEqual((first.get_line(), first.get_column(), first.get_field()), (3, 2, "SQLDATE"))
        self.assertIn("gdelt2-bad.export.CSV:3: column 2 (SQLDATE)", first.to_string())
        with self.assertRaises(GLib.Error) as raised:
            series_of([fixture("gdelt2-bad.export.CSV")], flags=Bilat.ImportFlags.STRICT)
        self.assertTrue(raised.exception.matches(Bilat.import_error_quark(), Bilat.ImportError.BAD_ROW))

    def test_stream_and_progress(self):
        with open(os.path.join(FIXTURES, "gdelt1-daily.export.CSV"), "rb") as f:
            data = f.read()
        stream = Gio.MemoryInputStream.new_from_bytes(GLib.Bytes.new(data))
        calls = []
        importer = Bilat.Importer()
        importer.connect("progress", lambda _, done, total, rows: calls.append((done, total, rows)))
        series, report = importer.compute_series_from_stream(stream, "daily", Bilat.SeriesUnit.YEAR)
        self.assertEqual(series.get_total(), 5)
        self.assertEqual(report.props.rows, 5)
        self.assertEqual(calls[-1], (len(data), len(data), 5))
        self.assertEqual(calls, sorted(calls))
        # The same into a store, with the stream's name in the problems.
        store = Bilat.Store.new()
        with open(os.path.join(FIXTURES, "gdelt2-bad.export.CSV"), "rb") as f:
            bad = Gio.MemoryInputStream.new_from_bytes(GLib.Bytes.new(f.read()))
        report = importer.import_stream(store, bad, "bad.CSV")
        self.assertEqual(report.props.kept, store.get_events().get_n_items())
        self.assertEqual(report.get_problems()[0].get_file(), "bad.CSV")

    def test_merge_of_threads(self):
        files = [fixture("gdelt2.export.CSV"), fixture("gdelt1-daily.export.CSV"), fixture("icews.tab")]
        together, report = series_of(files, "actor:PAK", threads=2)
        merged = Bilat.Series.new(Bilat.SeriesUnit.MONTH)
        for f in files:
            one, _ = series_of([f], "actor:PAK")
            merged.merge(one)
        self.assertTrue(together.equal(merged))
        self.assertEqual(report.props.n_files, 3)

    def test_async_import_and_cancel(self):
        store = Bilat.Store.new()
        loop = GLib.MainLoop()
        outcome = {}
        progress = []

        def done(source, result):
            try:
                outcome["report"] = source.import_finish(result)
            except GLib.Error as error:
                outcome["error"] = error
            loop.quit()

        importer = Bilat.Importer()
        importer.connect("progress", lambda _, *figures: progress.append(figures))
        importer.import_async(store, [fixture("icews.tab")], done)
        loop.run()
        self.assertEqual(outcome["report"].props.kept, 7)
        self.assertEqual(store.get_events().get_n_items(), 7)
        self.assertTrue(progress and progress[-1][0] == progress[-1][1])

        cancellable = Gio.Cancellable()
        outcome.clear()
        importer = Bilat.Importer(cancellable=cancellable)
        importer.import_async(store, [fixture("gdelt2.export.CSV")], done)
        cancellable.cancel()
        loop.run()
        self.assertTrue(outcome["error"].matches(Gio.io_error_quark(), Gio.IOErrorEnum.CANCELLED))
        self.assertEqual(store.get_events().get_n_items(), 7)

    def test_tsv_is_what_the_anchors_verify(self):
        # ../shared/bench/anchors/verify.py reads period, count, Goldstein, q1..q4.
        series, _ = series_of([fixture("gdelt2.export.CSV")], "dyad:PAK,RUS")
        rows = {}
        for line in series.to_string(Bilat.SeriesFormat.TSV).splitlines():
            parts = line.split("\t")
            if not parts[0].replace("-", "")[:6].isdigit():
                continue
            month = parts[0].split(".")[0].replace("-", "")[:6]
            rows[month] = tuple(float(x) for x in parts[1:7])
        self.assertEqual(rows["201901"], (1, 7.0, 0, 1, 0, 0))


def shared(*parts):
    return os.path.join(SHARED, *parts)


def read_tsv(path):
    with open(path, encoding="utf-8", newline="") as f:
        return [line.rstrip("\r\n").split("\t") for line in f if line.strip("\r\n")]


def add(dyads, a, b, gold, quad):
    if not a or not b or a == b:
        return
    key = tuple(sorted((a, b)))
    entry = dyads.setdefault(key, [0, 0.0, [0, 0, 0, 0]])
    entry[0] += 1
    entry[1] += gold
    entry[2][quad - 1] += 1


def library_dyads(store):
    dyads = {}
    events = store.get_events()
    for i in range(events.get_n_items()):
        event = events.get_item(i)
        actors = [p.get_actor() for p in event.get_participants()]
        if len(actors) == 2:
            add(dyads, actors[0], actors[1], event.get_goldstein(), int(event.get_quad_class()))
    return dyads


def rounded(dyads):
    return {k: (v[0], round(v[1], 6), tuple(v[2])) for k, v in dyads.items()}


@unittest.skipUnless(SHARED and os.path.isdir(os.path.join(SHARED, "gdelt2")),
                     "BILAT_SHARED_DATA is not set: the real samples of shared/data are not read")
class ConformanceTests(unittest.TestCase):
    """The readers over the real samples, against a plain split of each line."""

    CAMEO_RENAMED = {"ROM": "ROU", "MTN": "MNE", "IMY": "IMN", "TMP": "TLS"}

    def check(self, path, expected, fmt):
        store = Bilat.Store.new()
        report = store.import_events(Gio.File.new_for_path(path), strict=True)
        self.assertEqual(report.props.format, fmt)
        self.assertEqual(report.props.bad_rows, 0)
        self.assertEqual(rounded(library_dyads(store)), rounded(expected))
        # The row filter: the busiest dyads, streamed with a dyad query.
        busiest = sorted(expected.items(), key=lambda kv: -kv[1][0])[:8]
        for (a, b), (count, gold, quad) in busiest:
            query = Bilat.Query.new()
            query.set_dyad(a, b)
            series, _ = series_of([Gio.File.new_for_path(path)], query, Bilat.SeriesUnit.YEAR)
            self.assertEqual(totals(series), (count, round(gold, 6), tuple(quad)), (a, b))

    # GDELT codes the Soviet Union's actors with Russia's code, Yugoslavia's
    # with Serbia's: the reader resolves them on the row's date. (History's
    # dates: the USSR ended on 1991-12-25; Serbia and Montenegro was
    # 2003-02-04 to 2006-06-04, Yugoslavia before.)
    CONTINUED = [("RUS", "19911226", "SUN"), ("SRB", "20060605", "SCG"), ("SCG", "20030204", "YUG")]

    def as_of(self, code, day):
        for state, start, before in self.CONTINUED:
            if code == state and day < start:
                code = before
        return code

    def gdelt_dyads(self, path):
        dyads = {}
        for row in read_tsv(path):
            self.assertIn(len(row), (57, 58, 61))
            a = self.as_of(self.CAMEO_RENAMED.get(row[7], row[7]), row[1])
            b = self.as_of(self.CAMEO_RENAMED.get(row[17], row[17]), row[1])
            add(dyads, a, b, float(row[30]), int(row[29]))
        return dyads

    def test_gdelt1_both_layouts(self):
        path = shared("gdelt1", "reed9999_events_sample.tsv")
        widths = {len(row) for row in read_tsv(path)}
        self.assertEqual(widths, {57, 58})
        self.check(path, self.gdelt_dyads(path), Bilat.EventFormat.GDELT1)

    def test_gdelt2(self):
        path = shared("gdelt2", "20191024143000.export.CSV")
        self.check(path, self.gdelt_dyads(path), Bilat.EventFormat.GDELT2)

    def test_icews(self):
        with open(shared("countrycodes", "countrycode_codelist_without_cldr.csv"), encoding="utf-8") as f:
            patterns = [(re.compile(r["country.name.en.regex"], re.I), r["iso3c"])
                        for r in csv.DictReader(f) if r["country.name.en.regex"] and r["iso3c"]]

        def code(name):
            if name == "NA":
                return None
            found = {iso for regex, iso in patterns if regex.search(name)}
            self.assertEqual(len(found), 1, name)
            return found.pop()

        path = shared("icews", "events.2018.sample.tab")
        rows = read_tsv(path)
        self.assertEqual(rows[0][0], "Event ID")
        dyads = {}
        for row in rows[1:]:
            root = int(row[6][:2])
            quad = 1 if root <= 5 else 2 if root <= 9 else 3 if root <= 14 else 4
            add(dyads, code(row[4]), code(row[10]), float(row[7]), quad)
        self.check(path, dyads, Bilat.EventFormat.ICEWS)


if __name__ == "__main__":
    unittest.main()
