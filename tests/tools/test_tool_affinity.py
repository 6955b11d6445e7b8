#!/usr/bin/env python3
# SPDX-License-Identifier: LGPL-2.1-or-later
"""`bilat affinity`: UN votes read with --votes, per year, session or
period, and the all-pairs matrix. The tables are written here; the path of
the tool comes in the BILAT environment variable."""

import csv
import io
import json
import os
import subprocess
import tempfile
import unittest

BILAT = os.environ.get("BILAT", "bilat")

ROLL_CALLS = ("rcid,session,importantvote,date,unres,amend,para,short,descr\n"
              "1,60,1,2005-11-02,R/60/1,,,First,\"The first, with a comma\"\n"
              "2,60,0,2005-12-20,R/60/2,,,Second,Second text\n"
              "3,61,0,2006-10-05,R/61/1,,,Third,Third text\n")
ISSUES = "rcid,short_name,issue\n1,me,Palestinian conflict\n3,me,Palestinian conflict\n"
VOTES = ("rcid,country,country_code,vote\n"
         "1,Pakistan,PK,yes\n1,Russia,RU,yes\n1,United States,US,no\n"
         "2,Pakistan,PK,abstain\n2,Russia,RU,yes\n2,United States,US,yes\n"
         "3,Pakistan,PK,yes\n3,Russia,RU,no\n")


def run(*args):
    return subprocess.run([BILAT, *args], capture_output=True, text=True)


class AffinityTest(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        self.files = []
        for name, text in (("rc.csv", ROLL_CALLS), ("issues.csv", ISSUES), ("votes.csv", VOTES)):
            path = os.path.join(self.tmp.name, name)
            with open(path, "w", encoding="utf-8") as f:
                f.write(text)
            self.files.append(path)

    def tearDown(self):
        self.tmp.cleanup()

    def votes(self):
        # As a shell glob gives them: one --votes, then the other files.
        return ["--votes", *self.files]

    def test_by_year_csv(self):
        result = run("affinity", "PAK", "RUS", "--by", "year", "--csv", *self.votes())
        self.assertEqual(result.returncode, 0, result.stderr)
        rows = list(csv.DictReader(io.StringIO(result.stdout)))
        self.assertEqual(list(rows[0]), ["year", "n", "agree", "s", "s2", "kappa", "pi", "thin"])
        self.assertEqual([(r["year"], r["n"], r["thin"]) for r in rows],
                         [("2005", "2", "true"), ("2006", "1", "true")])
        # (yes, yes), (abstain, yes): Σd = 1 over n = 2.
        self.assertAlmostEqual(float(rows[0]["s"]), 0.5)
        self.assertAlmostEqual(float(rows[0]["agree"]), 0.75)
        # 2006: one vote each; kappa and pi are defined, but S = -1.
        self.assertAlmostEqual(float(rows[1]["s"]), -1.0)

    def test_absent_measures(self):
        # China cast no vote at all.
        result = run("affinity", "RUS", "CHN", "--topic", "me", "--json", *self.votes())
        self.assertEqual(result.returncode, 0, result.stderr)
        (row,) = json.loads(result.stdout)
        self.assertEqual(row["n"], 0)
        self.assertIsNone(row["s"])
        self.assertIsNone(row["kappa"])
        self.assertTrue(row["thin"])
        table = run("affinity", "RUS", "CHN", "--topic", "me", *self.votes())
        self.assertEqual(table.stdout.split("\n")[1].split(), ["0", "-", "-", "-", "-", "-", "true"])
        tsv = run("affinity", "RUS", "CHN", "--topic", "me", "--tsv", *self.votes())
        self.assertEqual(tsv.stdout.split("\n")[1], "0\t\t\t\t\t\ttrue")

    def test_session_important_measure(self):
        result = run("affinity", "PAK", "RUS", "--by", "session", "--measure", "s,kappa",
                     "--csv", *self.votes())
        self.assertEqual(result.stdout.splitlines()[0], "session,n,s,kappa,thin")
        self.assertEqual([line.split(",")[:2] for line in result.stdout.splitlines()[1:]],
                         [["60", "2"], ["61", "1"]])
        result = run("affinity", "PAK", "RUS", "--important", "--thin", "1", "--csv", *self.votes())
        self.assertEqual(result.stdout.splitlines()[1].split(",")[0], "1")
        self.assertTrue(result.stdout.splitlines()[1].endswith(",false"))

    def test_matrix(self):
        result = run("affinity", "--matrix", "--csv", *self.votes())
        self.assertEqual(result.returncode, 0, result.stderr)
        rows = list(csv.DictReader(io.StringIO(result.stdout)))
        self.assertEqual([(r["a"], r["b"], r["n"]) for r in rows],
                         [("PAK", "RUS", "3"), ("PAK", "USA", "2"), ("RUS", "USA", "2")])
        result = run("affinity", "--matrix", "--actors", "USA,PAK", "--from", "2005-12-01",
                     "--csv", *self.votes())
        rows = list(csv.DictReader(io.StringIO(result.stdout)))
        self.assertEqual([(r["a"], r["b"], r["n"], r["s"]) for r in rows], [("USA", "PAK", "1", "0")])

    def test_usage(self):
        for args in (["affinity", "PAK"], ["affinity", "--matrix", "PAK", "RUS"],
                     ["affinity", "PAK", "RUS", "--by", "month"],
                     ["affinity", "PAK", "RUS", "--measure", "tau"],
                     ["affinity", "--matrix", "--by", "year"],
                     ["affinity", "PAK", "RUS", "--actors", "USA"],
                     ["affinity", "PAK", "RUS", "--csv", "--json"]):
            with self.subTest(args=args):
                result = run(*args, *self.votes())
                self.assertEqual(result.returncode, 2, result.stderr)
                self.assertTrue(result.stderr.startswith("bilat: "))

    def test_bad_rows(self):
        path = os.path.join(self.tmp.name, "more.csv")
        with open(path, "w", encoding="utf-8") as f:
            f.write("rcid,country,country_code,vote\n1,India,IN,yes\n2,India,IN,frog\n")
        result = run("affinity", "PAK", "IND", "--votes", path, *self.files)
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertIn("more.csv:3", result.stderr)
        result = run("affinity", "PAK", "IND", "--strict", "--votes", path, *self.files)
        self.assertEqual(result.returncode, 1)
        self.assertIn("more.csv:3", result.stderr)

    def test_import_then_data(self):
        for name in ("unga.json", "unga.bilat"):
            with self.subTest(output=name):
                output = os.path.join(self.tmp.name, name)
                result = run("import", *self.files, "-o", output)
                self.assertEqual(result.returncode, 0, result.stderr)
                self.assertIn("from 3 files", result.stderr)
                direct = run("affinity", "PAK", "RUS", "--by", "year", "--csv", *self.votes())
                stored = run("--data", output, "affinity", "PAK", "RUS", "--by", "year", "--csv")
                self.assertEqual(stored.returncode, 0, stored.stderr)
                self.assertEqual(stored.stdout, direct.stdout)
        valid = run("validate", os.path.join(self.tmp.name, "unga.json"))
        self.assertEqual(valid.returncode, 0, valid.stdout)
        # UN votes are imported whole: the event filters do not apply.
        result = run("import", *self.files, "--dyad", "PAK,RUS", "-o", os.path.join(self.tmp.name, "x.json"))
        self.assertEqual(result.returncode, 2)
        result = run("import", self.files[0], "--format", "unga", "--strict", "-o",
                     os.path.join(self.tmp.name, "y.json"))
        self.assertEqual(result.returncode, 0, result.stderr)


if __name__ == "__main__":
    unittest.main()
