#!/usr/bin/env python3
# SPDX-License-Identifier: LGPL-2.1-or-later
"""UN General Assembly votes and the affinity measures, through GObject
introspection.

The conformance test reads the real tables of shared/data/unga
(BILAT_SHARED_DATA) and compares the library's per-year figures for every
pair of the six states with a computation of its own, here, from the raw
CSV rows; it is skipped when the folder is not given. The other tests write
their small tables themselves.
"""

import csv
import gzip
import itertools
import math
import os
import tempfile
import unittest
import zipfile

from bilat_testutil import Bilat, Gio, GLib

SHARED = os.environ.get("BILAT_SHARED_DATA", "")
UNGA = os.path.join(SHARED, "unga")
ROLL_CALLS = "un_roll_calls_2005_2019.csv"
ISSUES = "un_roll_call_issues_2005_2019.csv"
VOTES = "un_votes_PK_RU_IN_CN_US_AF_2005_2019.csv"

# The six states of the shared data; the test's own table, not the library's.
ALPHA3 = {"AF": "AFG", "CN": "CHN", "IN": "IND", "PK": "PAK", "RU": "RUS", "US": "USA"}
SCORE = {"yes": 1, "abstain": 0, "no": -1}


def plain_measures(pairs):
    """n, agree, S, S2, kappa, pi of a list of (score_a, score_b), by the
    textbook formulas: d_max = 2, linear distance weights, expected
    distance from each state's own marginals (kappa) or the pooled ones
    (pi). None where undefined."""
    n = len(pairs)
    if n == 0:
        return 0, None, None, None, None, None
    d = [abs(a - b) for a, b in pairs]
    d_o = sum(d) / n
    agree = 1 - sum(d) / (n * 2)
    s = 1 - 2 * sum(d) / (n * 2)
    s2 = 1 - 2 * sum(x * x for x in d) / (n * 4)
    values = (-1, 0, 1)
    pa = {v: sum(1 for a, _ in pairs if a == v) / n for v in values}
    pb = {v: sum(1 for _, b in pairs if b == v) / n for v in values}
    pooled = {v: (pa[v] + pb[v]) / 2 for v in values}
    e_k = sum(pa[i] * pb[j] * abs(i - j) for i in values for j in values)
    e_p = sum(pooled[i] * pooled[j] * abs(i - j) for i in values for j in values)
    kappa = 1 - d_o / e_k if e_k > 0 else None
    pi = 1 - d_o / e_p if e_p > 0 else None
    return n, agree, s, s2, kappa, pi


def read_shared():
    """year of each roll call, and state → {rcid: score}."""
    years = {}
    with open(os.path.join(UNGA, ROLL_CALLS), newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            years[int(row["rcid"])] = int(row["date"][:4])
    votes = {}
    with open(os.path.join(UNGA, VOTES), newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            votes.setdefault(ALPHA3[row["country_code"]], {})[int(row["rcid"])] = SCORE[row["vote"]]
    return years, votes


def shared_files():
    return [Gio.File.new_for_path(os.path.join(UNGA, name)) for name in (VOTES, ISSUES, ROLL_CALLS)]


def nan_to_none(value):
    return None if math.isnan(value) else value


def scores(affinity):
    return [affinity.get_item(i) for i in range(affinity.get_n_items())]


ROLL_CALL_HEADER = "rcid,session,importantvote,date,unres,amend,para,short,descr\n"
ISSUE_HEADER = "rcid,short_name,issue\n"
VOTE_HEADER = "rcid,country,country_code,vote\n"


def small_tables():
    """Three roll calls in two years and sessions, one topic, four states."""
    roll_calls = (ROLL_CALL_HEADER +
                  '1,60,1,2005-11-02,R/60/1,0,0,First,"The first, with a comma"\n'
                  "2,60,0,2005-12-20,R/60/2,,,Second,Second text\n"
                  '3,61,0,2006-10-05,R/61/1,,,"Third ""quoted""",Third text\n')
    issues = ISSUE_HEADER + "1,me,Palestinian conflict\n3,me,Palestinian conflict\n2,hr,Human rights\n"
    votes = (VOTE_HEADER +
             "1,Pakistan,PK,yes\n1,Russia,RU,yes\n1,United States,US,no\n"
             "2,Pakistan,PK,abstain\n2,Russia,RU,yes\n2,United States,US,yes\n"
             "3,Pakistan,PK,yes\n3,Russia,RU,no\n3,India,IN,yes\n")
    return roll_calls, issues, votes


class TempDir:
    def __enter__(self):
        self.dir = tempfile.TemporaryDirectory()
        return self

    def __exit__(self, *args):
        self.dir.cleanup()

    def write(self, name, text, compress=None):
        path = os.path.join(self.dir.name, name)
        if compress == "gz":
            with gzip.open(path, "wt", encoding="utf-8", newline="") as f:
                f.write(text)
        else:
            with open(path, "w", encoding="utf-8", newline="") as f:
                f.write(text)
        return Gio.File.new_for_path(path)

    def write_zip(self, name, members):
        path = os.path.join(self.dir.name, name)
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
            for member, text in members.items():
                z.writestr(member, text)
        return Gio.File.new_for_path(path)


class TestMeasures(unittest.TestCase):
    def test_small_tables_any_order(self):
        roll_calls, issues, votes = small_tables()
        with TempDir() as tmp:
            files = [tmp.write("v.csv", votes), tmp.write("i.csv", issues),
                     tmp.write("r.csv", roll_calls)]
            store = Bilat.Store()
            report = store.import_votes(files, Bilat.ImportFlags.NONE, None)
        self.assertEqual(report.get_bad_rows(), 0)
        self.assertEqual(report.get_n_files(), 3)
        # The topics are issues of the store, as the roll calls' parents.
        self.assertEqual(store.lookup_issue("unga-topic:me").get_title(), "Palestinian conflict")
        self.assertEqual(sorted(a.get_id() for a in store.get_actors()), ["IND", "PAK", "RUS", "USA"])
        settings = Bilat.AffinitySettings(unit=Bilat.AffinityUnit.YEAR)
        rows = scores(store.compute_affinity("PAK", "RUS", settings))
        self.assertEqual([r.get_year() for r in rows], [2005, 2006])
        # 2005: (yes, yes), (abstain, yes): Σd = 1 over n = 2.
        expected = plain_measures([(1, 1), (0, 1)])
        got = (rows[0].get_n(), rows[0].get_agree(), rows[0].get_s(), rows[0].get_s2(),
               nan_to_none(rows[0].get_kappa()), nan_to_none(rows[0].get_pi()))
        self.assertEqual(got[0], expected[0])
        for g, e in zip(got[1:], expected[1:]):
            if e is None:
                self.assertIsNone(g)
            else:
                self.assertAlmostEqual(g, e, places=9)
        self.assertTrue(rows[0].get_thin())
        # 2006: (yes, no) only.
        self.assertEqual(rows[1].get_n(), 1)
        self.assertAlmostEqual(rows[1].get_s(), -1.0)
        # Pakistan always yes, Russia always no: chance explains it all.
        self.assertTrue(math.isnan(rows[1].get_pi()) or rows[1].get_pi() <= 0)

    def test_bytes_round_trip(self):
        """Scores travel between processes as bytes (and pickle)."""
        import pickle
        roll_calls, issues, votes = small_tables()
        with TempDir() as tmp:
            store = Bilat.Store()
            store.import_votes([tmp.write("r.csv", roll_calls), tmp.write("i.csv", issues),
                                tmp.write("v.csv", votes)], Bilat.ImportFlags.NONE, None)
        affinity = store.compute_affinity("PAK", "RUS", Bilat.AffinitySettings(unit=Bilat.AffinityUnit.YEAR))
        data = bytes(affinity)
        for back in (Bilat.Affinity.from_bytes(data), pickle.loads(pickle.dumps(affinity))):
            self.assertEqual(back.get_unit(), Bilat.AffinityUnit.YEAR)
            self.assertEqual(bytes(back), data)
            for a, b in zip(scores(affinity), scores(back)):
                self.assertEqual((a.get_year(), a.get_n(), a.get_thin()), (b.get_year(), b.get_n(), b.get_thin()))
                for x, y in ((a.get_s(), b.get_s()), (a.get_kappa(), b.get_kappa()), (a.get_pi(), b.get_pi())):
                    self.assertTrue((math.isnan(x) and math.isnan(y)) or x == y)
        with self.assertRaises(GLib.Error) as caught:
            Bilat.Affinity.from_bytes(data[: len(data) // 2])
        self.assertTrue(caught.exception.matches(Gio.io_error_quark(), Gio.IOErrorEnum.INVALID_DATA))

    def test_undefined_is_absent(self):
        roll_calls, issues, votes = small_tables()
        with TempDir() as tmp:
            store = Bilat.Store()
            store.import_votes([tmp.write("r.csv", roll_calls), tmp.write("i.csv", issues),
                                tmp.write("v.csv", votes)], Bilat.ImportFlags.NONE, None)
        # India and the US never voted on the same roll call.
        (row,) = scores(store.compute_affinity("IND", "USA", None))
        self.assertEqual(row.get_n(), 0)
        for value in (row.get_agree(), row.get_s(), row.get_s2(), row.get_kappa(), row.get_pi()):
            self.assertTrue(math.isnan(value))
        text = store.compute_affinity("IND", "USA", None).to_string(Bilat.AffinityFormat.CSV, 0)
        self.assertEqual(text, "n,agree,s,s2,kappa,pi,thin\n0,,,,,,true\n")
        text = store.compute_affinity("IND", "USA", None).to_string(Bilat.AffinityFormat.JSON, 0)
        self.assertIn('"kappa": null', text)
        # Both always yes: S is 1, kappa and pi are not defined.
        settings = Bilat.AffinitySettings(topic="me")
        (row,) = scores(store.compute_affinity("PAK", "IND", settings))
        self.assertEqual(row.get_n(), 1)
        self.assertEqual(row.get_s(), 1.0)
        self.assertTrue(math.isnan(row.get_kappa()))

    def test_selection(self):
        roll_calls, issues, votes = small_tables()
        with TempDir() as tmp:
            store = Bilat.Store()
            store.import_votes([tmp.write("r.csv", roll_calls), tmp.write("i.csv", issues),
                                tmp.write("v.csv", votes)], Bilat.ImportFlags.NONE, None)
        def n_of(**props):
            (row,) = scores(store.compute_affinity("PAK", "RUS", Bilat.AffinitySettings(**props)))
            return row.get_n()
        self.assertEqual(n_of(), 3)
        self.assertEqual(n_of(topic="me"), 2)
        self.assertEqual(n_of(topic="unga-topic:hr"), 1)
        self.assertEqual(n_of(topic="nu"), 0)
        self.assertEqual(n_of(important_only=True), 1)
        self.assertEqual(n_of(query=Bilat.Query.parse("from:2006-01-01")), 1)
        self.assertEqual(n_of(query=Bilat.Query.parse("issue:unga:2")), 1)
        self.assertEqual(n_of(query=Bilat.Query.parse("text:quoted")), 1)
        self.assertEqual(n_of(thin_threshold=2), 3)
        settings = Bilat.AffinitySettings(unit=Bilat.AffinityUnit.SESSION)
        rows = scores(store.compute_affinity("PAK", "RUS", settings))
        self.assertEqual([(r.get_session(), r.get_n()) for r in rows], [(60, 2), (61, 1)])

    def test_matrix(self):
        roll_calls, issues, votes = small_tables()
        with TempDir() as tmp:
            store = Bilat.Store()
            store.import_votes([tmp.write("r.csv", roll_calls), tmp.write("v.csv", votes)],
                               Bilat.ImportFlags.NONE, None)
        matrix = scores(store.compute_affinity_matrix(None, None))
        self.assertEqual([(r.get_actor_a(), r.get_actor_b()) for r in matrix],
                         [("IND", "PAK"), ("IND", "RUS"), ("IND", "USA"),
                          ("PAK", "RUS"), ("PAK", "USA"), ("RUS", "USA")])
        matrix = scores(store.compute_affinity_matrix(["USA", "PAK"], None))
        self.assertEqual(len(matrix), 1)
        self.assertEqual(matrix[0].get_n(), 2)
        self.assertAlmostEqual(matrix[0].get_s(), plain_measures([(-1, 1), (1, 0)])[2])

    def test_succession(self):
        roll_calls, _, _ = small_tables()
        # The USSR votes on a roll call of its days: SU names it until 1991.
        roll_calls = roll_calls.replace("2005-11-02", "1990-11-02")
        votes = VOTE_HEADER + "1,USSR,SU,yes\n1,Pakistan,PK,yes\n2,Russia,RU,no\n2,Pakistan,PK,yes\n"
        with TempDir() as tmp:
            store = Bilat.Store()
            store.import_votes([tmp.write("r.csv", roll_calls), tmp.write("v.csv", votes)],
                               Bilat.ImportFlags.NONE, None)
        # The import added the states that voted; Russia continues the USSR.
        self.assertIsNotNone(store.lookup_actor("SUN"))
        self.assertIsNotNone(store.lookup_actor("PAK"))
        store.lookup_actor("RUS").set_predecessor("SUN")
        (row,) = scores(store.compute_affinity("PAK", "RUS", None))
        self.assertEqual(row.get_n(), 2)
        query = Bilat.Query()
        query.set_follow_succession(False)
        (row,) = scores(store.compute_affinity("PAK", "RUS", Bilat.AffinitySettings(query=query)))
        self.assertEqual(row.get_n(), 1)


class TestReading(unittest.TestCase):
    def test_gzip_and_zip(self):
        roll_calls, issues, votes = small_tables()
        with TempDir() as tmp:
            plain = Bilat.Store()
            plain.import_votes([tmp.write("r.csv", roll_calls), tmp.write("v.csv", votes)],
                               Bilat.ImportFlags.NONE, None)
            gz = Bilat.Store()
            gz.import_votes([tmp.write("r.csv.gz", roll_calls, "gz"), tmp.write("v.csv.gz", votes, "gz")],
                            Bilat.ImportFlags.NONE, None)
            zipped = Bilat.Store()
            report = zipped.import_votes([tmp.write_zip("all.zip", {"votes.csv": votes, "rc.csv": roll_calls,
                                                                    "issues.csv": issues})],
                                         Bilat.ImportFlags.NONE, None)
        self.assertEqual(report.get_n_files(), 3)
        want = plain.compute_affinity_matrix(None, None).to_string(Bilat.AffinityFormat.CSV, 0)
        self.assertEqual(gz.compute_affinity_matrix(None, None).to_string(Bilat.AffinityFormat.CSV, 0), want)
        self.assertEqual(zipped.compute_affinity_matrix(None, None).to_string(Bilat.AffinityFormat.CSV, 0), want)

    def bad_import(self, votes=None, roll_calls=None, issues=None, strict=False):
        good_rc, good_issues, good_votes = small_tables()
        with TempDir() as tmp:
            files = [tmp.write("rc.csv", roll_calls or good_rc),
                     tmp.write("issues.csv", issues or good_issues),
                     tmp.write("votes.csv", votes or good_votes)]
            store = Bilat.Store()
            flags = Bilat.ImportFlags.STRICT if strict else Bilat.ImportFlags.NONE
            return store, store.import_votes(files, flags, None)

    def test_bad_rows(self):
        cases = [
            (dict(votes=VOTE_HEADER + "1,Pakistan,PK,maybe\n1,Russia,RU,yes\n"), "votes.csv", 2, "vote"),
            (dict(votes=VOTE_HEADER + "1,Pakistan,PK,yes\n1,Nowhere,QQ,yes\n"), "votes.csv", 3, "country_code"),
            (dict(votes=VOTE_HEADER + "1,Pakistan,PK,yes\n\n99,Russia,RU,yes\n"), "votes.csv", 4, "rcid"),
            (dict(roll_calls=ROLL_CALL_HEADER + "1,60,0,2005-02-30,R,,,a,b\n2,60,0,2005-12-20,R,,,a,b\n"),
             "rc.csv", 2, "date"),
            (dict(issues=ISSUE_HEADER + "1,me,Palestinian conflict\n77,me,Palestinian conflict\n"),
             "issues.csv", 3, "rcid"),
        ]
        for kwargs, name, line, field in cases:
            with self.subTest(field=field, line=line):
                store, report = self.bad_import(**kwargs)
                self.assertGreaterEqual(report.get_bad_rows(), 1)
                problems = [p for p in report.get_problems() if p.get_file().endswith(name)]
                self.assertTrue(problems, [str(p) for p in report.get_problems()])
                self.assertEqual(problems[0].get_line(), line)
                self.assertEqual(problems[0].get_field(), field)
                # Strict: the same row fails the import, and the store is
                # left as it was.
                store, report = None, None
                with self.assertRaises(GLib.Error) as raised:
                    self.bad_import(strict=True, **kwargs)
                self.assertIn(name, raised.exception.message)
                self.assertIn(":%d" % line, raised.exception.message)

    def test_all_or_nothing(self):
        roll_calls, issues, votes = small_tables()
        with TempDir() as tmp:
            store = Bilat.Store()
            store.import_votes([tmp.write("r.csv", roll_calls), tmp.write("v.csv", votes)],
                               Bilat.ImportFlags.NONE, None)
            before = store.compute_affinity_matrix(None, None).to_string(Bilat.AffinityFormat.CSV, 0)
            more = VOTE_HEADER + "1,India,IN,yes\n2,India,IN,no\n3,India,IN,frog\n"
            with self.assertRaises(GLib.Error):
                store.import_votes([tmp.write("more.csv", more)], Bilat.ImportFlags.STRICT, None)
            with self.assertRaises(GLib.Error):
                store.import_votes([tmp.write("more.csv", more), tmp.write("junk.csv", "a,b\n1,2\n")],
                                   Bilat.ImportFlags.NONE, None)
            self.assertEqual(store.compute_affinity_matrix(None, None).to_string(Bilat.AffinityFormat.CSV, 0),
                             before)
            # Votes on roll calls the store has already.
            report = store.import_votes([tmp.write("more.csv", more)], Bilat.ImportFlags.NONE, None)
            self.assertEqual(report.get_bad_rows(), 1)
            matrix = scores(store.compute_affinity_matrix(["IND", "PAK"], None))
            self.assertEqual(matrix[0].get_n(), 3)


def data_of(store):
    text = store.save_to_data()
    return text[0] if isinstance(text, tuple) else text


class TestSaveLoad(unittest.TestCase):
    """Roll calls and votes are saved with the store and come back."""

    def setUp(self):
        roll_calls, issues, votes = small_tables()
        with TempDir() as tmp:
            self.store = Bilat.Store()
            self.store.import_votes([tmp.write("r.csv", roll_calls), tmp.write("i.csv", issues),
                                     tmp.write("v.csv", votes)], Bilat.ImportFlags.NONE, None)

    def figures(self, store):
        settings = Bilat.AffinitySettings(unit=Bilat.AffinityUnit.YEAR)
        return (store.compute_affinity_matrix(None, None).to_string(Bilat.AffinityFormat.CSV, 0) +
                store.compute_affinity("PAK", "RUS", settings).to_string(Bilat.AffinityFormat.CSV, 0) +
                store.compute_affinity("PAK", "RUS", Bilat.AffinitySettings(topic="me", important_only=True))
                .to_string(Bilat.AffinityFormat.CSV, 0))

    def test_json(self):
        text = data_of(self.store)
        self.assertIn('"type": "roll-call"', text)
        self.assertEqual(Bilat.validate_data(text.encode()), [])
        copy = Bilat.Store()
        self.assertTrue(copy.load_from_data(text.encode()))
        self.assertEqual(self.figures(copy), self.figures(self.store))
        self.assertEqual(data_of(copy), text)
        # Loading the same roll calls again adds nothing new, but a roll
        # call with other facts is refused and changes nothing.
        with self.assertRaises(GLib.Error):
            copy.load_from_data(text.encode())
        changed = Bilat.Store()
        self.assertTrue(changed.load_from_data(text.encode()))
        with self.assertRaises(GLib.Error):
            changed.load_from_data(text.replace('"date": "2005-11-02"', '"date": "2005-11-03"')
                                   .replace('"id": "PAK"', '"id": "PAX"').encode())
        self.assertEqual(self.figures(changed), self.figures(self.store))

    def test_native(self):
        with TempDir() as tmp:
            path = os.path.join(tmp.dir.name, "votes.bilat")
            self.store.save_to_native_file(Gio.File.new_for_path(path), None)
            copy = Bilat.Store()
            self.assertTrue(copy.load_from_path(path))
        self.assertEqual(self.figures(copy), self.figures(self.store))
        self.assertEqual(data_of(copy), data_of(self.store))

    def test_bad_roll_calls(self):
        text = data_of(self.store)
        cases = [
            ('"date": "2005-11-02"', '"date": "2005-11"', "date"),
            ('"yes": ["PAK", "RUS"]', '"yes": ["PAK", "XXX"]', "yes[1]"),
            ('"yes": ["PAK", "RUS"]', '"yes": ["PAK", "PAK"]', "yes[1]"),
            ('"id": "unga:1"', '"id": "unga:01"', "id"),
            ('"session": 60,\n      "resolution": "R/60/1"', '"session": "60",\n      "resolution": "R/60/1"', "session"),
            ('"parents": ["unga-topic:me"]', '"parents": ["unga-topic:zz"]', "parents[0]"),
            ('"type": "roll-call",', '"type": "roll-call", "colour": "red",', "colour"),
        ]
        for old, new, field in cases:
            with self.subTest(field=field):
                self.assertIn(old, text)
                problems = Bilat.validate_data(text.replace(old, new, 1).encode())
                self.assertTrue(problems)
                self.assertIn(field, [p.get_field() for p in problems])
                store = Bilat.Store()
                with self.assertRaises(GLib.Error):
                    store.load_from_data(text.replace(old, new, 1).encode())
                self.assertEqual(len(store.get_issues()), 0)


class TestStoreRecords(unittest.TestCase):
    """Votes are positions of the store, made as they are asked for."""

    def setUp(self):
        roll_calls, issues, votes = small_tables()
        with TempDir() as tmp:
            self.store = Bilat.Store()
            self.changes = []
            self.store.get_positions().connect(
                "items-changed", lambda _m, p, r, a: self.changes.append((p, r, a)))
            self.issue_changes = []
            self.store.get_issues().connect(
                "items-changed", lambda _m, p, r, a: self.issue_changes.append((p, r, a)))
            self.store.import_votes([tmp.write("r.csv", roll_calls), tmp.write("i.csv", issues),
                                     tmp.write("v.csv", votes)], Bilat.ImportFlags.NONE, None)

    def test_positions(self):
        positions = self.store.get_positions()
        self.assertEqual(self.changes, [(0, 0, 9)])
        ids = [positions.get_item(i).get_id() for i in range(positions.get_n_items())]
        self.assertEqual(ids, sorted(ids))
        self.assertEqual(ids[0], "unga:1:PAK")
        vote = self.store.lookup_position("unga:3:RUS")
        self.assertEqual((vote.get_holder(), vote.get_issue(), vote.get_stance()),
                         ("RUS", "unga:3", Bilat.Stance.OPPOSES))
        self.assertEqual(vote.get_date().to_string(), "2006-10-05")
        self.assertIs(self.store.lookup_position("unga:3:RUS"), vote)
        self.assertIsNone(self.store.lookup_position("unga:3:USA"))
        issue = self.store.lookup_issue("unga:1")
        self.assertEqual((issue.get_title(), issue.get_description()),
                         ("First", "The first, with a comma"))
        self.assertIsNone(self.store.lookup_issue("unga:9"))
        # A vote is not taken out alone, nor given again as an object.
        with self.assertRaises(GLib.Error):
            self.store.remove(vote)
        with self.assertRaises(GLib.Error):
            self.store.add(Bilat.Position.new("unga:3:RUS", "RUS", "unga:3", Bilat.Stance.SUPPORTS))
        # An object among them, in id order.
        self.store.add(Bilat.Position.new("unga:2:ZZZ", "PAK", "unga:2", Bilat.Stance.NEUTRAL))
        self.assertEqual(self.changes[-1], (6, 0, 1))
        self.assertEqual(positions.get_item(6).get_id(), "unga:2:ZZZ")
        self.assertEqual(positions.get_n_items(), 10)

    def test_queries_and_alignment(self):
        query = Bilat.Query.parse("issue:unga:2")
        self.assertEqual([p.get_id() for p in self.store.find_positions(query)],
                         ["unga:2:PAK", "unga:2:RUS", "unga:2:USA"])
        # A topic is the parent issue of its roll calls.
        query = Bilat.Query.parse("issue:unga-topic:me")
        self.assertEqual([p.get_id() for p in self.store.find_positions(query)],
                         ["unga:1:PAK", "unga:1:RUS", "unga:1:USA", "unga:3:IND",
                          "unga:3:PAK", "unga:3:RUS"])
        # The issue-by-issue alignment sees the votes: the same figures.
        alignment = self.store.align("PAK", "RUS")
        (score,) = self.store.affinity("PAK", "RUS")
        self.assertEqual(alignment.get_n_shared(), score.n)
        self.assertAlmostEqual(alignment.s, score.s)
        self.assertAlmostEqual(alignment.kappa, score.kappa)
        alignment = self.store.align("PAK", "RUS", issue="unga-topic:me")
        (score,) = self.store.affinity("PAK", "RUS", topic="me")
        self.assertEqual(alignment.get_n_shared(), score.n)
        self.assertEqual(alignment.get_n_shared(), 2)
        self.assertAlmostEqual(alignment.s, score.s)

    def test_roll_calls_are_issues(self):
        issues = self.store.get_issues()
        ids = [issues.get_item(i).get_id() for i in range(issues.get_n_items())]
        self.assertEqual(ids, ["unga-topic:hr", "unga-topic:me", "unga:1", "unga:2", "unga:3"])
        # The topics come as objects, one at a time; the roll calls all at once.
        self.assertEqual(self.issue_changes[-1], (0, 2, 5))
        issue = issues.get_item(2)
        self.assertEqual((issue.get_date().to_string(), issue.get_session(), issue.get_resolution(),
                          issue.get_important(), list(issue.get_parents())),
                         ("2005-11-02", 60, "R/60/1", True, ["unga-topic:me"]))
        self.assertEqual(issue.props.session, 60)
        self.assertTrue(issue.has_parent("unga-topic:me"))
        third = self.store.lookup_issue("unga:3")
        self.assertEqual((third.get_title(), third.get_important(), third.get_session()),
                         ('Third "quoted"', False, 61))
        self.assertIs(self.store.lookup_issue("unga:3"), third)
        topic = self.store.lookup_issue("unga-topic:me")
        self.assertIsNone(topic.get_date())
        self.assertEqual(topic.get_session(), 0)
        self.assertEqual(list(topic.get_parents()), [])
        # A roll call goes with its votes, not alone.
        with self.assertRaises(GLib.Error):
            self.store.remove(third)
        with self.assertRaises(GLib.Error):
            self.store.add(Bilat.Issue.new("unga:3"))

    def test_import_refuses_an_issue_id(self):
        roll_calls, issues, votes = small_tables()
        store = Bilat.Store()
        store.add(Bilat.Issue.new("unga:2"))
        with TempDir() as tmp:
            with self.assertRaises(GLib.Error) as caught:
                store.import_votes([tmp.write("r.csv", roll_calls), tmp.write("i.csv", issues),
                                    tmp.write("v.csv", votes)], Bilat.ImportFlags.NONE, None)
        self.assertIn("unga:2", caught.exception.message)
        self.assertEqual(store.get_issues().get_n_items(), 1)
        self.assertEqual(store.get_positions().get_n_items(), 0)

    def test_votes_cite_their_row(self):
        vote = self.store.lookup_position("unga:3:RUS")
        (citation,) = vote.get_citations()
        self.assertEqual((citation.get_source(), citation.get_row()), ("unga-votes", "rcid=3 country=RUS"))
        self.assertEqual(citation.to_string(), "unga-votes: rcid=3 country=RUS")
        self.assertIsNotNone(self.store.lookup_source("unga-votes"))
        # Saved and loaded, the same citation.
        copy = Bilat.Store()
        copy.load_from_data(data_of(self.store).encode())
        (again,) = copy.lookup_position("unga:3:RUS").get_citations()
        self.assertTrue(Bilat.Citation.equal(citation, again))

    def test_clear(self):
        self.store.clear()
        self.assertEqual(self.store.get_positions().get_n_items(), 0)
        self.assertIsNone(self.store.lookup_issue("unga:1"))
        (row,) = self.store.affinity("PAK", "RUS")
        self.assertEqual(row.n, 0)


class TestPython(unittest.TestCase):
    """The overrides: store.affinity() and its named tuples."""

    def setUp(self):
        roll_calls, issues, votes = small_tables()
        self.tmp = TempDir().__enter__()
        self.paths = [self.tmp.write(n, t).get_path()
                      for n, t in (("r.csv", roll_calls), ("i.csv", issues), ("v.csv", votes))]
        self.store = Bilat.Store()
        self.store.import_votes(self.paths, strict=True)

    def tearDown(self):
        self.tmp.__exit__()

    def test_named_tuples(self):
        rows = list(self.store.affinity("PAK", "RUS", by="year"))
        self.assertEqual([r.year for r in rows], [2005, 2006])
        self.assertEqual(rows[0]._fields, ("year", "n", "agree", "s", "s2", "kappa", "pi", "thin"))
        self.assertEqual(rows[0].n, 2)
        self.assertAlmostEqual(rows[0].s, 0.5)
        (row,) = self.store.affinity("PAK", "IND", topic="me")
        self.assertEqual(row._fields[0], "n")
        self.assertIsNone(row.kappa)
        self.assertEqual(row.s, 1.0)
        (row,) = self.store.affinity("IND", "USA")
        self.assertEqual(row.n, 0)
        self.assertIsNone(row.s)
        sessions = self.store.affinity("PAK", "RUS", by="session", since=2006)
        self.assertEqual([(r.session, r.n) for r in sessions], [(61, 1)])
        self.assertEqual(len(self.store.affinity("PAK", "RUS", important=True, thin=1)), 1)
        self.assertFalse(self.store.affinity("PAK", "RUS", important=True, thin=1)[0].thin)
        pairs = list(self.store.affinity_matrix(["PAK", "RUS"]))
        self.assertEqual(pairs[0]._fields[:2], ("a", "b"))
        self.assertEqual((pairs[0].a, pairs[0].b, pairs[0].n), ("PAK", "RUS", 3))
        self.assertIn("kappa", str(self.store.affinity("PAK", "RUS")))

    def test_alignment_attributes(self):
        store = Bilat.Store()
        for holder, issue, stance in (("PAK", "a", "SUPPORTS"), ("RUS", "a", "SUPPORTS"),
                                      ("PAK", "b", "SUPPORTS"), ("RUS", "b", "OPPOSES")):
            store.add(Bilat.Position.new("%s-%s" % (holder, issue), holder, issue,
                                         getattr(Bilat.Stance, stance)))
        alignment = store.align("PAK", "RUS")
        self.assertEqual(alignment.s, 0.0)
        self.assertEqual(alignment.agree, 0.5)
        self.assertEqual(alignment.s2, 0.0)
        # Pakistan always supports: chance explains it all.
        self.assertEqual(alignment.kappa, 0.0)
        self.assertIsNotNone(alignment.pi)
        self.assertTrue(alignment.thin)
        nothing = store.align("PAK", "USA")
        for value in (nothing.s, nothing.s2, nothing.agree, nothing.kappa, nothing.pi):
            self.assertIsNone(value)


@unittest.skipUnless(SHARED and os.path.isdir(UNGA),
                     "BILAT_SHARED_DATA is not set: the real UN votes of shared/data are not read")
class TestSharedData(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.store = Bilat.Store()
        cls.report = cls.store.import_votes(shared_files(), Bilat.ImportFlags.STRICT, None)
        cls.years, cls.votes = read_shared()

    def test_counts(self):
        with open(os.path.join(UNGA, VOTES), encoding="utf-8") as f:
            n_votes = sum(1 for _ in f) - 1
        self.assertEqual(self.report.get_bad_rows(), 0)
        self.assertEqual(self.report.get_n_files(), 3)
        self.assertEqual(self.report.get_kept(), n_votes + len(self.years) + 1564)

    def test_every_pair_every_year(self):
        settings = Bilat.AffinitySettings(unit=Bilat.AffinityUnit.YEAR)
        states = sorted(self.votes)
        self.assertEqual(len(states), 6)
        for a, b in itertools.combinations(states, 2):
            got = {r.get_year(): r for r in scores(self.store.compute_affinity(a, b, settings))}
            self.assertEqual(sorted(got), sorted(set(self.years.values())))
            for year, row in got.items():
                shared = [(self.votes[a][rc], self.votes[b][rc])
                          for rc in self.votes[a] if rc in self.votes[b] and self.years[rc] == year]
                n, agree, s, s2, kappa, pi = plain_measures(shared)
                with self.subTest(a=a, b=b, year=year):
                    self.assertEqual(row.get_n(), n)
                    for value, want in ((row.get_agree(), agree), (row.get_s(), s), (row.get_s2(), s2),
                                        (row.get_kappa(), kappa), (row.get_pi(), pi)):
                        if want is None:
                            self.assertTrue(math.isnan(value))
                        else:
                            self.assertAlmostEqual(value, want, delta=1e-6)

    def test_pak_rus_2015(self):
        # The documented example (docs/guide-affinity.md).
        settings = Bilat.AffinitySettings(unit=Bilat.AffinityUnit.YEAR,
                                          query=Bilat.Query.parse("from:2015-01-01 to:2015-12-31"))
        (row,) = scores(self.store.compute_affinity("PAK", "RUS", settings))
        self.assertEqual(row.get_year(), 2015)
        self.assertEqual(row.get_n(), 78)
        self.assertAlmostEqual(row.get_s(), 0.538462, places=6)
        self.assertAlmostEqual(row.get_kappa(), 0.332382, places=6)

    def test_save_load_same_figures(self):
        text = data_of(self.store)
        copy = Bilat.Store()
        copy.load_from_data(text.encode())
        settings = Bilat.AffinitySettings(unit=Bilat.AffinityUnit.YEAR)
        for a, b in itertools.combinations(sorted(self.votes), 2):
            self.assertEqual(copy.compute_affinity(a, b, settings).to_string(Bilat.AffinityFormat.CSV, 0),
                             self.store.compute_affinity(a, b, settings).to_string(Bilat.AffinityFormat.CSV, 0))

    def test_roll_call_issues(self):
        # The roll calls' facts, read here from the raw tables.
        facts = {}
        with open(os.path.join(UNGA, ROLL_CALLS), newline="", encoding="utf-8") as f:
            for row in csv.DictReader(f):
                facts["unga:" + row["rcid"]] = (row["date"], int(row["session"]), row["unres"] or None,
                                                row["importantvote"] == "1")
        topics = {}
        with open(os.path.join(UNGA, ISSUES), newline="", encoding="utf-8") as f:
            for row in csv.DictReader(f):
                topics.setdefault("unga:" + row["rcid"], set()).add("unga-topic:" + row["short_name"])
        issues = self.store.get_issues()
        listed = {}
        for i in range(issues.get_n_items()):
            issue = issues.get_item(i)
            listed[issue.get_id()] = issue
        self.assertEqual({i for i in listed if i.startswith("unga:")}, set(facts))
        self.assertEqual({i for i in listed if i.startswith("unga-topic:")},
                         set().union(*topics.values()))
        sample = sorted(facts)[::97] + [i for i in sorted(facts) if facts[i][3]][:5]
        for id_ in sample:
            with self.subTest(id=id_):
                issue = listed[id_]
                self.assertEqual((issue.get_date().to_string(), issue.get_session(),
                                  issue.get_resolution(), issue.get_important()), facts[id_])
                self.assertEqual(set(issue.get_parents()), topics.get(id_, set()))
                self.assertEqual(self.store.lookup_issue(id_).get_resolution(), facts[id_][2])

    def test_native_round_trip(self):
        with tempfile.TemporaryDirectory() as tmp:
            path = os.path.join(tmp, "unga.bilat")
            self.store.save_to_native_file(Gio.File.new_for_path(path), None)
            copy = Bilat.Store()
            self.assertTrue(copy.load_from_path(path))
        self.assertEqual(data_of(copy), data_of(self.store))
        settings = Bilat.AffinitySettings(unit=Bilat.AffinityUnit.YEAR)
        for a, b in itertools.combinations(sorted(self.votes), 2):
            self.assertEqual(copy.compute_affinity(a, b, settings).to_string(Bilat.AffinityFormat.CSV, 0),
                             self.store.compute_affinity(a, b, settings).to_string(Bilat.AffinityFormat.CSV, 0))

    def test_matrix_equals_pairs(self):
        query = Bilat.Query.parse("from:2010-01-01 to:2010-12-31")
        settings = Bilat.AffinitySettings(query=query)
        for row in scores(self.store.compute_affinity_matrix(None, settings)):
            (pair,) = scores(self.store.compute_affinity(row.get_actor_a(), row.get_actor_b(), settings))
            self.assertEqual(row.get_n(), pair.get_n())
            self.assertEqual(row.get_s(), pair.get_s())
            self.assertEqual(row.get_kappa(), pair.get_kappa())


if __name__ == "__main__":
    unittest.main()
