#!/usr/bin/env python3
# SPDX-License-Identifier: LGPL-2.1-or-later
"""`bilat panel`: the all-states skeleton against the COW membership list,
named dyads with exercises and affinity from tables of tests/data, events
straight from an event file, directed panels, the printed forms and the
refusals. The path of the tool comes in BILAT; the fixtures of
tests/data in BILAT_TEST_SRCDIR; ../shared/data in
BILAT_SHARED_DATA (its tests skip where it is absent)."""

import csv
import io
import json
import os
import subprocess
import tempfile
import unittest

BILAT = os.environ.get("BILAT", "bilat")
SRCDIR = os.environ.get("BILAT_TEST_SRCDIR", "")
SHARED = os.environ.get("BILAT_SHARED_DATA", "")

# Three exercises: PAK-RUS 2003 (sea), PAK-RUS-CHN 2004 (air, land), and
# India with the Soviet Union in 1985, which counts for RUS by succession.
MME = ("MMEID,Ex_Name,Series_Name,Location,lat,lon,StartDate,s.year,s.month,s.day,EndDate,e.year,"
       "e.month,e.day,CPX,Air,Land,Sea,Amphibious,Cyber,Warfighting,Peacekeeping,Humanitarian,"
       "FocusDescription,AdditionalParticipantInfo,StateA,StateB,StateC\n"
       "mme1,Arabian Monsoon,,Karachi,,,5/1/03,2003,,,5/3/03,2003,,,0,0,0,1,0,0,1,0,0,,,Pakistan,Russia,\n"
       "mme2,Peace Mission,,Urumqi,,,9/1/04,2004,,,9/9/04,2004,,,0,1,1,0,0,0,1,0,0,,,Pakistan,Russia,China\n"
       "mme3,Indra 85,,Bay of Bengal,,,6/1/85,1985,,,6/9/85,1985,,,0,0,0,1,0,0,1,0,0,,,Soviet Union,India,\n")
# UN votes 2003-2004 of PAK, RUS and IND, shared with tests/python/test_panel.py.
VOTE_TABLES = [os.path.join(SRCDIR, "data", "panel", name)
               for name in ("roll_calls.csv", "roll_call_issues.csv", "votes.csv")]


def run(*args):
    return subprocess.run([BILAT, *args], capture_output=True, text=True)


def read_panel(text):
    """The comment lines, and the rows as dictionaries."""
    comments = [line for line in text.splitlines() if line.startswith("#")]
    body = "\n".join(line for line in text.splitlines() if not line.startswith("#"))
    return comments, list(csv.DictReader(io.StringIO(body)))


def cow_dyad_years(path, first, last, directed):
    """The plain computation from the COW list: per year, the states with
    a spell in it, every pair of them."""
    members = {}
    with open(path, newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            for year in range(max(int(row["styear"]), first), min(int(row["endyear"]), last) + 1):
                members.setdefault(year, set()).add(row["ccode"])
    pairs = sum(len(s) * (len(s) - 1) // 2 for s in members.values())
    return 2 * pairs if directed else pairs


class PanelTest(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        self.votes = VOTE_TABLES
        with open(os.path.join(self.tmp.name, "mme.csv"), "w", encoding="utf-8") as f:
            f.write(MME)
        self.data = os.path.join(self.tmp.name, "mme.json")
        result = run("import", os.path.join(self.tmp.name, "mme.csv"), "-o", self.data)
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertIn("kept 3 of 3", result.stderr)

    def tearDown(self):
        self.tmp.cleanup()

    def count_rows(self, *args):
        out = os.path.join(self.tmp.name, "all.csv")
        result = run("--data", self.data, "panel", "--all", "--columns", "codes", "--csv", "-o", out, *args)
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertIn("bilat: wrote", result.stderr)
        with open(out, encoding="utf-8") as f:
            return sum(1 for line in f if not line.startswith("#")) - 1

    def test_all_states(self):
        self.assertEqual(self.count_rows("--from", "1816", "--to", "2016"), 956175)
        self.assertEqual(self.count_rows("--from", "1816", "--to", "2016", "--directed"), 1912350)

    def test_all_states_cow_list(self):
        path = os.path.join(SHARED, "states", "cow_states2016.csv")
        if not SHARED or not os.path.exists(path):
            self.skipTest("no shared data: states/cow_states2016.csv")
        for first, last in ((1816, 2016), (1914, 1918), (1990, 1992), (2016, 2016)):
            for directed in (False, True):
                args = ["--from", str(first), "--to", str(last)] + (["--directed"] if directed else [])
                self.assertEqual(self.count_rows(*args), cow_dyad_years(path, first, last, directed),
                                 (first, last, directed))

    def test_named_exercises_and_affinity(self):
        result = run("--data", self.data, "panel", "--dyad", "PAK,RUS", "--dyad", "IND,RUS",
                     "--from", "1984", "--to", "2005", "--columns", "exercises,domains,affinity",
                     "--topics", "me", "--csv", "--votes", *self.votes)
        self.assertEqual(result.returncode, 0, result.stderr)
        comments, rows = read_panel(result.stdout)
        self.assertEqual(comments[1], "# coverage: exercises 1985/2004; events none; affinity 2003/2004")
        self.assertEqual(list(rows[0])[:6], ["a", "b", "cow_a", "cow_b", "year", "exercises"])
        self.assertIn("exercises_sea", rows[0])
        self.assertIn("s_me", rows[0])
        self.assertEqual(len(rows), 2 * 22)
        cells = {(r["a"], r["b"], int(r["year"])): r for r in rows}
        # Outside the exercises' coverage, empty; inside, a count, 0 too.
        self.assertEqual(cells[("PAK", "RUS", 1984)]["exercises"], "")
        self.assertEqual(cells[("PAK", "RUS", 2005)]["exercises"], "")
        self.assertEqual(cells[("PAK", "RUS", 2002)]["exercises"], "0")
        self.assertEqual(cells[("PAK", "RUS", 2003)]["exercises"], "1")
        self.assertEqual(cells[("PAK", "RUS", 2003)]["exercises_sea"], "1")
        self.assertEqual(cells[("PAK", "RUS", 2004)]["exercises_air"], "1")
        # SUN's exercise, for RUS; the COW code of the state of the year.
        self.assertEqual(cells[("IND", "RUS", 1985)]["exercises"], "1")
        self.assertEqual(cells[("IND", "RUS", 1985)]["cow_b"], "365")
        # Affinity: votes in 2003 and 2004 only.
        self.assertEqual(cells[("PAK", "RUS", 2002)]["n"], "")
        self.assertEqual(cells[("PAK", "RUS", 2003)]["n"], "2")
        self.assertAlmostEqual(float(cells[("PAK", "RUS", 2003)]["s"]), 0.5)
        self.assertEqual(cells[("PAK", "RUS", 2003)]["n_me"], "1")
        self.assertEqual(cells[("PAK", "RUS", 2004)]["n_me"], "")
        self.assertEqual(cells[("IND", "RUS", 2004)]["n"], "0")
        self.assertEqual(cells[("IND", "RUS", 2004)]["s"], "")

        # The same cells as `bilat affinity` gives the dyad.
        affinity = run("affinity", "PAK", "RUS", "--by", "year", "--csv", "--votes", *self.votes)
        self.assertEqual(affinity.returncode, 0, affinity.stderr)
        for score in csv.DictReader(io.StringIO(affinity.stdout)):
            row = cells[("PAK", "RUS", int(score["year"]))]
            for name in ("n", "s", "kappa", "pi"):
                self.assertEqual(row[name], score[name], name)

    def test_directed_events_from_file(self):
        if not SRCDIR:
            self.skipTest("BILAT_TEST_SRCDIR is not set")
        events = os.path.join(SRCDIR, "data", "import", "gdelt2.export.CSV")
        result = run("--data", self.data, "panel", "--dyad", "RUS,PAK", "--directed", "--from", "2018",
                     "--to", "2019", "--columns", "events", "--input", events, "--csv")
        self.assertEqual(result.returncode, 0, result.stderr)
        comments, rows = read_panel(result.stdout)
        self.assertEqual(comments[1], "# coverage: exercises none; events 2018/2019; affinity none")
        directions = {(r["a"], r["b"], r["year"]): int(r["events"]) for r in rows}
        self.assertEqual(set(directions), {("RUS", "PAK", "2018"), ("RUS", "PAK", "2019"),
                                           ("PAK", "RUS", "2018"), ("PAK", "RUS", "2019")})
        # Both directions together are the undirected series of the dyad.
        series = run("series", events, "--dyad", "RUS,PAK", "--by", "year", "--csv")
        self.assertEqual(series.returncode, 0, series.stderr)
        for row in csv.DictReader(io.StringIO(series.stdout)):
            both = directions[("RUS", "PAK", row["period"])] + directions[("PAK", "RUS", row["period"])]
            self.assertEqual(both, int(row["events"]), row["period"])
        undirected = run("--data", self.data, "panel", "--dyad", "RUS,PAK", "--from", "2018", "--to", "2019",
                         "--columns", "events", "--csv", "--input", events)
        self.assertEqual(undirected.returncode, 0, undirected.stderr)
        self.assertEqual([r["events"] for r in read_panel(undirected.stdout)[1]], ["3", "2"])

    def streamed_and_imported(self, path, *args):
        """The panel of --input PATH and that of a dataset PATH was imported
        into, as rows of the CSV, and the streamed run's stderr."""
        dataset = os.path.join(self.tmp.name, "events.json")
        imported = run("import", path, "-o", dataset)
        self.assertEqual(imported.returncode, 0, imported.stderr)
        from_store = run("--data", dataset, "panel", *args, "--csv")
        self.assertEqual(from_store.returncode, 0, from_store.stderr)
        streamed = run("--data", self.data, "panel", *args, "--csv", "--input", path)
        self.assertEqual(streamed.returncode, 0, streamed.stderr)
        return read_panel(from_store.stdout), read_panel(streamed.stdout), streamed.stderr

    def assert_same_events(self, stored, streamed):
        (stored_comments, stored_rows), (streamed_comments, streamed_rows) = stored, streamed
        # The coverage of the events is the same; the exercises are those
        # of --data in the streamed run only.
        self.assertEqual(stored_comments[1].split(";")[1], streamed_comments[1].split(";")[1])
        self.assertEqual(len(stored_rows), len(streamed_rows))
        with_events = 0
        for a, b in zip(stored_rows, streamed_rows):
            self.assertEqual((a["a"], a["b"], a.get("year", a.get("period"))),
                             (b["a"], b["b"], b.get("year", b.get("period"))))
            for name in ("events", "q1", "q2", "q3", "q4"):
                self.assertEqual(a[name], b[name], (a, name))
            for name in ("goldstein_sum", "goldstein_mean"):
                if a[name] == "" or b[name] == "":
                    self.assertEqual(a[name], b[name], (a, name))
                else:
                    self.assertAlmostEqual(float(a[name]), float(b[name]), delta=1e-9 * max(1, abs(float(a[name]))))
            with_events += a["events"] not in ("", "0")
        self.assertGreater(with_events, 0)

    def test_streamed_equals_imported(self):
        samples = []
        if SRCDIR:
            samples.append((os.path.join(SRCDIR, "data", "import", "gdelt2.export.CSV"), "2018"))
        for relative, year in (("gdelt1/reed9999_events_sample.tsv", "2016"),
                               ("gdelt2/20191024143000.export.CSV", "2019"),
                               ("icews/events.2018.sample.tab", "2018")):
            path = os.path.join(SHARED, relative)
            if SHARED and os.path.exists(path):
                samples.append((path, year))
            else:
                print(f"# skip {relative}: not in BILAT_SHARED_DATA")
        if not samples:
            self.skipTest("neither BILAT_TEST_SRCDIR nor BILAT_SHARED_DATA is set")
        for path, year in samples:
            for directed in ([], ["--directed"]):
                for by in ("year", "month"):
                    with self.subTest(path=path, directed=directed, by=by):
                        stored, streamed, _ = self.streamed_and_imported(
                            path, "--all", *directed, "--from", year, "--to", year, "--by", by,
                            "--columns", "events")
                        self.assert_same_events(stored, streamed)

    def test_streamed_jobs_and_bad_rows(self):
        if not SRCDIR:
            self.skipTest("BILAT_TEST_SRCDIR is not set")
        files = [os.path.join(SRCDIR, "data", "import", name)
                 for name in ("gdelt2.export.CSV", "icews.tab", "gdelt2-bad.export.CSV")]
        args = ["--data", self.data, "panel", "--dyad", "PAK,RUS", "--dyad", "USA,CHN", "--directed",
                "--from", "2017", "--to", "2019", "--by", "month", "--columns", "events", "--csv", "--input"]
        one = run(*args, *files, "--jobs", "1")
        two = run(*args, *files, "--jobs", "2")
        self.assertEqual(one.returncode, 0, one.stderr)
        self.assertEqual(two.returncode, 0, two.stderr)
        self.assertEqual(one.stdout, two.stdout)
        # The bad rows of the third file are skipped and reported with their place.
        self.assertIn("bad", one.stderr)
        self.assertIn("gdelt2-bad.export.CSV", one.stderr)
        strict = run(*args, files[2], "--strict")
        self.assertNotEqual(strict.returncode, 0)
        self.assertIn("gdelt2-bad.export.CSV", strict.stderr)
        self.assertEqual(len(strict.stderr.strip().splitlines()), 1, strict.stderr)
        for option in (["--jobs", "2"], ["--strict"]):
            refused = run("--data", self.data, "panel", "--dyad", "PAK,RUS", *option)
            self.assertNotEqual(refused.returncode, 0, option)
            self.assertIn("--input", refused.stderr, option)

    def test_json_and_table(self):
        result = run("--data", self.data, "panel", "--dyad", "PAK,RUS", "--from", "2004", "--to", "2005",
                     "--columns", "exercises", "--json")
        self.assertEqual(result.returncode, 0, result.stderr)
        panel = json.loads(result.stdout)
        # Events are not a column here: no coverage to state.
        self.assertEqual(panel["metadata"]["coverage"], {"exercises": "1985/2004", "events": None,
                                                         "affinity": None})
        self.assertEqual(panel["metadata"]["columns"], ["a", "b", "cow_a", "cow_b", "year", "exercises"])
        self.assertEqual([(r["year"], r["exercises"]) for r in panel["rows"]], [(2004, 1), (2005, None)])
        table = run("--data", self.data, "panel", "--dyad", "PAK,RUS", "--from", "2004", "--to", "2005",
                    "--columns", "exercises")
        self.assertEqual(table.stdout.splitlines()[-1].split(), ["PAK", "RUS", "770", "365", "2005", "-"])

    def test_by_month(self):
        result = run("--data", self.data, "panel", "--dyad", "PAK,RUS", "--from", "2003", "--to", "2003",
                     "--by", "month", "--columns", "exercises", "--tsv")
        self.assertEqual(result.returncode, 0, result.stderr)
        lines = [line for line in result.stdout.splitlines() if not line.startswith("#")]
        self.assertEqual(lines[0], "a\tb\tcow_a\tcow_b\tperiod\texercises")
        self.assertEqual(lines[5], "PAK\tRUS\t770\t365\t2003-05\t1")
        self.assertEqual(len(lines), 13)

    def test_refusals(self):
        for args, why in ((["panel"], "--dyad A,B"),
                          (["panel", "--all", "--dyad", "PAK,RUS"], "leave out --dyad"),
                          (["panel", "--dyad", "PAK"], "two actors"),
                          (["panel", "--all", "--from", "1980s"], "a year"),
                          (["panel", "--all", "--by", "week"], "year or month"),
                          (["panel", "--all", "--columns", "votes"], "--columns"),
                          (["panel", "--all", "--csv", "--json"], "one of"),
                          (["panel", "--all", "stray"], "no arguments"),
                          (["panel", "--all", "--from", "2000", "--to", "1990"], "after its last"),
                          (["panel", "--all", "--by", "month"], "per year")):
            result = run(*args)
            self.assertNotEqual(result.returncode, 0, args)
            self.assertIn(why, result.stderr, args)
            self.assertEqual(len(result.stderr.strip().splitlines()), 1, result.stderr)


if __name__ == "__main__":
    unittest.main()
