# SPDX-License-Identifier: LGPL-2.1-or-later
"""The MME reader and joint-exercise counts through GObject introspection.

The fixture tests/data/import/mme.csv is always read. The whole of MME v7
(shared/data/mme/mme_v7.csv) is read when BILAT_SHARED_DATA names the
folder, and the counts the library makes are compared with a plain count of
the CSV file here; those tests are skipped when the folder is not given.
"""

import collections
import csv
import datetime
import os
import unittest

from bilat_testutil import Bilat, Gio, GLib

HERE = os.path.dirname(os.path.abspath(__file__))
FIXTURE = os.path.join(HERE, "..", "data", "import", "mme.csv")
SHARED = os.environ.get("BILAT_SHARED_DATA", "")
MME = os.path.join(SHARED, "mme", "mme_v7.csv")
STATES = os.path.join(SHARED, "states", "cow_states2016.csv")
CROSSWALK = os.path.join(SHARED, "countrycodes", "countrycode_codelist_without_cldr.csv")
HAVE_MME = bool(SHARED) and os.path.exists(MME)
NO_MME = "BILAT_SHARED_DATA is not set or has no mme/mme_v7.csv: MME v7 is not read"


def import_file(path, query=None, flags=Bilat.ImportFlags.NONE):
    store = Bilat.Store.new()
    importer = Bilat.Importer.new()
    importer.set_flags(flags)
    if query is not None:
        importer.set_query(Bilat.Query.parse(query))
    report = importer.import_(store, [Gio.File.new_for_path(path)])
    return store, report


def counts_by_year(store, a, b):
    query = Bilat.Query.new()
    query.set_dyad(a, b)
    counts = store.count_exercises(query, Bilat.SeriesUnit.YEAR)
    found = {}
    for i in range(counts.get_n_periods()):
        n = counts.get_exercises(i)
        if n:
            found[counts.get_period(i).get_year()] = n
    return found


class FixtureTests(unittest.TestCase):
    def test_fixture(self):
        store, report = import_file(FIXTURE)
        self.assertEqual(report.get_format(), Bilat.EventFormat.MME)
        self.assertEqual((report.get_rows(), report.get_kept(), report.get_bad_rows()), (7, 6, 1))
        ex = store.lookup_event("mme:2")
        self.assertIsInstance(ex, Bilat.Exercise)
        self.assertEqual(ex.get_date().to_string(), "1989-08")
        self.assertEqual([p.get_actor() for p in ex.get_participants()], ["SUN", "IND"])
        self.assertEqual(ex.get_unknown_participants(), 2)
        self.assertEqual(ex.props.participant_info, "observers from two states")
        ex = store.lookup_event("mme:3")
        self.assertEqual(ex.get_domains(),
                         Bilat.ExerciseDomains.COMMAND_POST | Bilat.ExerciseDomains.AIR |
                         Bilat.ExerciseDomains.LAND | Bilat.ExerciseDomains.SEA |
                         Bilat.ExerciseDomains.AMPHIBIOUS)
        self.assertEqual(ex.get_missions(),
                         Bilat.ExerciseMissions.WARFIGHTING | Bilat.ExerciseMissions.PEACEKEEPING)
        problems = report.get_problems()
        self.assertEqual([(p.get_line(), p.get_column(), p.get_field()) for p in problems],
                         [(5, 26, "StateA"), (6, 7, "StartDate")])
        self.assertIn("Atlantis", problems[0].get_message())

    def test_strict(self):
        with self.assertRaises(GLib.Error) as raised:
            import_file(FIXTURE, flags=Bilat.ImportFlags.STRICT)
        self.assertTrue(raised.exception.matches(Bilat.import_error_quark(),
                                                 Bilat.ImportError.BAD_VALUE))

    def test_counts_follow_succession(self):
        store, _ = import_file(FIXTURE)
        self.assertEqual(counts_by_year(store, "RUS", "IND"), {1989: 1, 2005: 1})
        counts = store.count_exercises(None, Bilat.SeriesUnit.YEAR)
        self.assertEqual(counts.get_total(), 6)
        # the Pythonic form of the overrides: keywords, by year unless said
        keywords = store.count_exercises(dyad=("RUS", "IND"))
        self.assertEqual((keywords.get_unit(), keywords.get_total()), (Bilat.SeriesUnit.YEAR, 2))
        self.assertEqual(store.count_exercises(by="month").get_n_periods(), 12 * 25 + 10)
        text = counts.to_string(Bilat.SeriesFormat.TSV)
        self.assertTrue(text.startswith("year\texercises\tcommand_post\tair\tland\tsea\t"
                                        "amphibious\tcyber\twarfighting\tpeacekeeping\t"
                                        "humanitarian\n1980\t1\t"), text)


def start_days(text):
    """The first and last day of a StartDate: 1/14/80, or 1989-08-xx."""
    if "/" in text:
        month, day, year = (int(x) for x in text.split("/"))
        year += 1900 if year >= 50 else 2000
        day = datetime.date(year, month, day)
        return day, day
    year, month, _ = text.split("-")
    first = datetime.date(int(year), int(month), 1)
    following = datetime.date(first.year + first.month // 12, first.month % 12 + 1, 1)
    return first, following - datetime.timedelta(days=1)


def plain_joint_counts(rows, a, b):
    """Exercises per start year that list both names, counted here."""
    found = collections.Counter()
    for row in rows:
        names = {row[k] for k in row if k.startswith("State")}
        if a in names and b in names:
            found[int(row["s.year"])] += 1
    return dict(found)


@unittest.skipUnless(HAVE_MME, NO_MME)
class RealTests(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.store, cls.report = import_file(MME)
        with open(MME, encoding="utf-8", newline="") as f:
            reader = csv.reader(f)
            cls.header = next(reader)
            cls.lines = {}
            cls.rows = []
            for fields in reader:
                cls.lines[reader.line_num] = fields
                cls.rows.append(dict(zip(cls.header, fields)))

    def test_all_exercises(self):
        self.assertEqual(self.report.get_rows(), 3707)
        self.assertEqual(self.report.get_kept(), 3707)
        self.assertEqual(self.report.get_bad_rows(), 0)
        exercises = [e for e in self.store.get_events() if isinstance(e, Bilat.Exercise)]
        self.assertEqual(len(exercises), 3707)

    def test_every_name_resolves_or_is_reported(self):
        """A name is a participant, an organisation or -9, or it is
        reported; no state of the crosswalk that exists on the exercise's
        start date is among those reported."""
        with open(CROSSWALK, encoding="utf-8") as f:
            crosswalk = list(csv.DictReader(f))
        cow_of = {}
        for r in crosswalk:
            for field in ("country.name.en", "cow.name", "iso.name.en", "un.name.en"):
                if r.get(field) and r["cown"] not in ("", "NA"):
                    cow_of[r[field]] = r["cown"]
        spells = collections.defaultdict(list)
        with open(STATES, encoding="utf-8") as f:
            for s in csv.DictReader(f):
                spells[s["ccode"]].append(
                    (datetime.date(int(s["styear"]), int(s["stmonth"]), int(s["stday"])),
                     datetime.date(int(s["endyear"]), int(s["endmonth"]), int(s["endday"]))))

        reported = set()
        for p in self.report.get_problems():
            if p.get_code() != Bilat.ImportError.UNKNOWN_COUNTRY:
                continue
            fields = self.lines[p.get_line()]
            name = fields[p.get_column() - 1]
            self.assertEqual(self.header[p.get_column() - 1], p.get_field())
            self.assertIn(name, p.get_message())
            reported.add((p.get_line(), name))
            first, last = start_days(fields[self.header.index("StartDate")])
            code = cow_of.get(name)
            if code is not None:
                self.assertFalse(any(a <= first and last <= b for a, b in spells[code]),
                                 "%s is a state on %s" % (name, first))

        # Every name is accounted for: a participant of its exercise, NATO,
        # -9 (counted) or reported.
        unresolved = 0
        for line, fields in self.lines.items():
            row = dict(zip(self.header, fields))
            names = [row[k] for k in self.header if k.startswith("State") and row[k]]
            if not names:
                continue
            for name in names:
                if name == "-9" or name == "NATO":
                    continue
                if (line, name) in reported:
                    unresolved += 1
        self.assertEqual(unresolved, len(reported))
        self.assertEqual({name for _, name in reported}, {"Baltic States", "South Sudan"})

    def test_joint_exercises_per_year(self):
        for (a, b), (name_a, name_b) in [(("USA", "IND"), ("United States", "India")),
                                         (("PAK", "CHN"), ("Pakistan", "China"))]:
            expected = plain_joint_counts(self.rows, name_a, name_b)
            self.assertTrue(expected)
            self.assertEqual(counts_by_year(self.store, a, b), expected, (a, b))

    def test_russia_before_1992(self):
        """A dyad with RUS counts what MME lists under Russia in Soviet years."""
        expected = plain_joint_counts(self.rows, "Russia", "Poland")
        self.assertTrue(any(year < 1992 for year in expected))
        self.assertTrue(any(year >= 1992 for year in expected))
        self.assertEqual(counts_by_year(self.store, "RUS", "POL"), expected)

    def test_round_trip(self):
        data = self.store.save_to_data()[0]    # the text, and its length
        loaded = Bilat.Store.new()
        self.assertTrue(loaded.load_from_data(data.encode()))
        self.assertEqual(loaded.save_to_data()[0], data)


if __name__ == "__main__":
    unittest.main(verbosity=2)
