# SPDX-License-Identifier: LGPL-2.1-or-later
"""Tables that fit: on a terminal every listing is laid out for its width,
wrapping or cutting only what does not fit; through a pipe nothing is cut.
Unknown values read `unknown`; places are named once, in their common form.

The tool's path comes in the BILAT environment variable."""

import json
import os
import subprocess
import unicodedata
import unittest

from ttyrun import run_tty

BILAT = os.environ.get("BILAT", "bilat")
WIDTHS = (60, 80, 160)

LISTINGS = [
    ["timeline"],
    ["timeline", "--dyad", "PAK,RUS"],
    ["exercises"],
    ["positions"],
    ["convergence", "PAK", "RUS"],
    ["actors"],
    ["issues"],
    ["sources"],
    ["series", "--dyad", "PAK,RUS"],
    ["show", "friendship-2018"],
]


def cells(text):
    """Terminal columns of @text: two for East Asian wide characters."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1
               for c in text)


def run_pipe(*args):
    completed = subprocess.run([BILAT, *args], capture_output=True,
                               timeout=60, check=False)
    return completed.returncode, completed.stdout.decode("utf-8")


class TerminalWidthTest(unittest.TestCase):
    def test_lines_fit(self):
        for width in WIDTHS:
            for args in LISTINGS:
                with self.subTest(width=width, args=args):
                    result = run_tty(BILAT, args, width)
                    self.assertEqual(result.status, 0, result.err)
                    self.assertEqual(result.err, "")
                    self.assertGreater(len(result.lines), 1)
                    for line in result.lines:
                        self.assertLessEqual(cells(line), width, repr(line))

    def test_wide_terminal_cuts_nothing(self):
        # The built-in dataset's listings all fit 160 columns whole.
        for args in (["timeline"], ["exercises"], ["convergence", "PAK", "RUS"],
                     ["sources"]):
            with self.subTest(args=args):
                self.assertNotIn("…", run_tty(BILAT, args, 160).out)
        timeline = run_tty(BILAT, ["timeline"], 160)
        for event in json.loads(run_pipe("timeline", "--json")[1]):
            self.assertIn(event["id"], timeline.out)
            self.assertIn(event["title"], timeline.out)

    def test_narrow_terminal_wraps_the_longest_text(self):
        timeline = run_tty(BILAT, ["timeline"], 60)
        header = timeline.lines[0]
        title_column = header.index("TITLE")
        # Rows continue on lines that are blank up to the title column.
        continued = [line for line in timeline.lines[1:]
                     if line[:title_column].strip() == ""
                     and not line.lstrip().startswith("↳")]
        self.assertTrue(continued)
        # Every word of every title is still there.
        words = timeline.out.split()
        for event in json.loads(run_pipe("timeline", "--json")[1]):
            for word in event["title"].split():
                self.assertIn(word, words)

    def test_columns_follows_a_terminal_without_size(self):
        # A terminal of zero columns (a serial line) falls back to
        # $COLUMNS; run_tty sets COLUMNS=33 to prove the ioctl wins
        # otherwise.
        result = run_tty(BILAT, ["timeline"], 160)
        self.assertTrue(any(len(line) > 33 for line in result.lines))


class PipeTest(unittest.TestCase):
    def test_nothing_cut(self):
        for args in LISTINGS:
            with self.subTest(args=args):
                status, out = run_pipe(*args)
                self.assertEqual(status, 0)
                self.assertNotIn("…", out)

    def test_full_values(self):
        status, out = run_pipe("positions")
        self.assertEqual(status, 0)
        for position in json.loads(run_pipe("positions", "--json")[1]):
            self.assertIn(position["summary"], out)
        status, out = run_pipe("issues")
        for issue in json.loads(run_pipe("issues", "--json")[1]):
            if issue.get("description"):
                self.assertIn(issue["description"], out)

    def test_same_rows_as_terminal(self):
        # The pipe and a wide terminal show the same table when it fits.
        _, piped = run_pipe("exercises")
        self.assertEqual(run_tty(BILAT, ["exercises"], 160).out, piped)


class ValuesTest(unittest.TestCase):
    def exercise_line(self, out, exercise_id):
        return next(line for line in out.splitlines() if exercise_id in line)

    def test_unknown_not_blank(self):
        _, out = run_pipe("exercises")
        line = self.exercise_line(out, "friendship-2018")
        # The op-ed names neither the host nor the place of the 2018 drill.
        self.assertEqual(line.split()[-2:], ["unknown", "unknown"])
        _, out = run_pipe("timeline")
        self.assertIn("unknown", [line.split()[0] for line in out.splitlines()])
        _, out = run_pipe("show", "friendship-2018")
        place = next(line for line in out.splitlines()
                     if line.strip().startswith("Place"))
        self.assertEqual(place.split(), ["Place", "unknown"])

    def test_places_named_once(self):
        _, out = run_pipe("exercises")
        line = self.exercise_line(out, "friendship-2017")
        self.assertEqual(line.count("Karachayevo-Cherkesskaya Respublika"), 1)
        self.assertTrue(line.endswith("Karachayevo-Cherkesskaya Respublika, RUS"))
        self.assertTrue(self.exercise_line(out, "friendship-2016").endswith(
            "Cherat, Khyber Pakhtunkhwa, PAK"))

    def test_common_names(self):
        # iso-codes writes RU-BA inverted: "Bashkortostan, Respublika".
        _, out = run_pipe("show", "ufa-meetings")
        place = next(line for line in out.splitlines()
                     if line.strip().startswith("Place"))
        self.assertIn("Ufa, Bashkortostan, RUS", place)
        self.assertNotIn("Respublika", place)


if __name__ == "__main__":
    unittest.main()
