# SPDX-License-Identifier: LGPL-2.1-or-later
"""bilat states and bilat code: the state system on a date, and codes
converted between schemes on a date, as text and as JSON; refusals exit
with status 1 and one line that says which code and when."""

import json
import os
import subprocess
import unittest

BILAT = os.environ.get("BILAT", "bilat")


def run(*args):
    return subprocess.run([BILAT, *args], capture_output=True, timeout=60, check=False,
                          encoding="utf-8")


class CodeTest(unittest.TestCase):
    def code(self, *args):
        result = run("code", *args)
        self.assertEqual(result.returncode, 0, result.stderr)
        return result.stdout.strip()

    def test_examples(self):
        self.assertEqual(self.code("365", "--from", "cow", "--to", "iso3", "--date", "1985-06-01"), "SUN")
        self.assertEqual(self.code("365", "--from", "cow", "--to", "iso3", "--date", "2000-01-01"), "RUS")
        self.assertEqual(self.code("260", "--from", "cow", "--year", "1970"), "DEU")
        self.assertEqual(self.code("265", "--from", "cow", "--year", "1970"), "DDR")
        self.assertEqual(self.code("345", "--from", "gw", "--date", "2004"), "SCG")
        self.assertEqual(self.code("Congo - Kinshasa"), "COD")
        self.assertEqual(self.code("Russia", "--to", "iso2", "--year", "1985"), "SU")
        self.assertEqual(self.code("DEU", "--from", "actor", "--to", "cow-letter", "--year", "1970"), "GFR")
        self.assertEqual(self.code("SUN", "--from", "actor", "--to", "name"), "Soviet Union")

    def test_json(self):
        result = run("code", "365", "--from", "cow", "--to", "iso3", "--date", "1985-06-01", "--json")
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertEqual(json.loads(result.stdout),
                         {"input": "365", "from": "cow", "to": "iso3", "date": "1985-06-01",
                          "state": "SUN", "code": "SUN"})
        result = run("--json", "code", "Federal Republic of Germany")
        self.assertEqual(json.loads(result.stdout)["date"], None)

    def test_refusals(self):
        for args, words in [
                (["265", "--from", "cow", "--date", "2000-01-01"], ["265", "2000-01-01", "DDR"]),
                (["365", "--from", "cow", "--year", "1991"], ["SUN", "RUS", "1991"]),
                (["Atlantis"], ["Atlantis"]),
                (["SUN", "--from", "actor", "--to", "iso3", "--year", "2000"], ["SUN", "2000"])]:
            with self.subTest(args=args):
                result = run("code", *args)
                self.assertEqual(result.returncode, 1, result.stdout)
                self.assertEqual(result.stdout, "")
                lines = result.stderr.splitlines()
                self.assertEqual(len(lines), 1, result.stderr)
                for word in words:
                    self.assertIn(word, lines[0])


class StatesTest(unittest.TestCase):
    def test_year_and_date(self):
        result = run("states", "--year", "1991", "--json")
        self.assertEqual(result.returncode, 0, result.stderr)
        spells = json.loads(result.stdout)
        states = {s["state"] for s in spells}
        self.assertTrue({"SUN", "RUS", "UKR", "USA"} <= states)
        sun = next(s for s in spells if s["state"] == "SUN")
        self.assertEqual(sun, {"state": "SUN", "name": "Soviet Union", "cow_code": 365,
                               "start": "1922-12-30", "end": "1991-12-25"})
        result = run("states", "--date", "1991-12-31", "--json")
        states = {s["state"] for s in json.loads(result.stdout)}
        self.assertIn("RUS", states)
        self.assertNotIn("SUN", states)

    def test_text(self):
        result = run("states", "--date", "1970-06-30")
        self.assertEqual(result.returncode, 0, result.stderr)
        lines = result.stdout.splitlines()
        self.assertTrue(lines[0].split()[:5] == ["COW", "STATE", "NAME", "FROM", "TO"], lines[0])
        rows = [line.split() for line in lines[1:]]
        self.assertIn(["260", "DEU"], [r[:2] for r in rows])
        self.assertIn(["265", "DDR"], [r[:2] for r in rows])
        result = run("states", "--year", "1800")
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertIn("No state", result.stdout)


if __name__ == "__main__":
    unittest.main(verbosity=2)
