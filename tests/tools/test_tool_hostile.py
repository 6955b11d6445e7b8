# SPDX-License-Identifier: LGPL-2.1-or-later
"""Hostile inputs and faults, through the bilat tool (issue 11).

The path of the built tool comes in the BILAT environment variable; the
fixtures' folder in BILAT_TEST_SRCDIR.
"""

import os
import random
import signal
import subprocess
import tempfile
import time
import unittest

BILAT = os.environ.get("BILAT", "bilat")
FIXTURES = os.path.join(os.environ.get("BILAT_TEST_SRCDIR", "tests"), "data", "import")


def template_row():
    with open(os.path.join(FIXTURES, "gdelt2.export.CSV"), "rb") as f:
        return f.readline().rstrip(b"\n").split(b"\t")


def gdelt_rows(n, first_id=100000000, change=None):
    """@n GDELT 2.0 rows made from the fixture's first one."""
    template = template_row()
    lines = []
    for i in range(n):
        row = list(template)
        row[0] = str(first_id + i).encode()
        row[7] = b"PAK" if i % 2 else b"RUS"
        row[17] = b"USA"
        if change:
            change(i, row)
        lines.append(b"\t".join(row))
    return b"\n".join(lines) + b"\n"


def run(*args, **kwargs):
    return subprocess.run([BILAT, *args], capture_output=True, **kwargs)


class TestHostile(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.TemporaryDirectory(prefix="bilat-hostile-")
        self.addCleanup(self.dir.cleanup)

    def path(self, name):
        return os.path.join(self.dir.name, name)

    def write(self, name, data):
        with open(self.path(name), "wb") as f:
            f.write(data)
        return self.path(name)

    def test_killed_import_leaves_old_or_new(self):
        """Class 4: `bilat import -o` killed at random moments, 24 times:
        the output is the old file or the new one, and nothing else is
        left beside it once the next save has run."""
        events = self.write("events.CSV", gdelt_rows(20000))
        out_dir = os.path.join(self.dir.name, "out")
        os.mkdir(out_dir)
        target = os.path.join(out_dir, "pak.json")
        old = b'{"format": "bilat", "version": 1}\n'

        start = time.monotonic()
        result = run("import", events, "-o", target)
        duration = time.monotonic() - start
        self.assertEqual(result.returncode, 0, result.stderr)
        with open(target, "rb") as f:
            new = f.read()

        rng = random.Random(5)
        seen = {"old": 0, "new": 0, "named": 0}
        for round_ in range(24):
            with open(target, "wb") as f:
                f.write(old)
            child = subprocess.Popen([BILAT, "import", events, "-o", target],
                                     stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            time.sleep(rng.uniform(0, duration * 1.2))
            child.send_signal(signal.SIGKILL)
            child.wait()
            with open(target, "rb") as f:
                text = f.read()
            self.assertIn(text, (old, new), f"round {round_}: a torn file of {len(text)} bytes")
            seen["old" if text == old else "new"] += 1
            left = sorted(os.listdir(out_dir))
            if left != ["pak.json"]:
                # Killed between naming the new file and renaming it, the
                # one moment no process can clean up after: a hidden name
                # of the target's, which the next save removes.
                self.assertEqual(len(left), 2, f"round {round_}: {left}")
                self.assertRegex(left[0], r"^\.pak\.json\.[0-9a-f]{16}\.tmp$", f"round {round_}")
                seen["named"] += 1
                result = run("import", events, "-o", target)
                self.assertEqual(result.returncode, 0, result.stderr)
                self.assertEqual(os.listdir(out_dir), ["pak.json"], f"round {round_}: after the next save")
        self.assertGreater(seen["old"], 0)

    def test_import_and_series_agree_on_odd_rows(self):
        """Class 3: rows a store cannot keep are skipped when read, by
        import and series alike; the import writes its dataset."""
        def odd(i, row):
            if i == 1:
                row[26] = row[27] = b"999"          # not in the CAMEO codebook
            elif i == 3:
                row[5] = b"PAK\xff\xfe"             # an actor code that is not UTF-8
            elif i == 5:
                row[6] = b"PAKISTAN\x00ARMY"        # a NUL in a name
        events = self.write("odd.CSV", gdelt_rows(8, change=odd))
        result = run("import", events, "-o", self.path("odd.json"))
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertIn(b"kept 5 of 8 events", result.stderr)
        self.assertIn(b"not a code of the CAMEO codebook", result.stderr)
        self.assertIn(b"holds a NUL byte", result.stderr)
        series = run("series", "--input", events, "--by", "year", "--csv")
        self.assertEqual(series.returncode, 0, series.stderr)
        self.assertEqual(series.stdout.decode().splitlines()[1].split(",")[1], "5")

    def test_jobs_do_not_change_the_answer(self):
        """Class 5: files sharing event ids give the same series with any
        number of jobs: the first occurrence in the order given counts."""
        first = self.write("a.CSV", gdelt_rows(3000))
        def later(i, row):
            row[1] = b"20200101"
        second = self.write("b.CSV", gdelt_rows(10, first_id=100002995, change=later))
        answers = set()
        for jobs in ("1", "2", "2", "2", "2"):
            result = run("series", "--input", second, first, "--jobs", jobs, "--by", "year", "--csv")
            self.assertEqual(result.returncode, 0, result.stderr)
            answers.add(result.stdout)
        self.assertEqual(len(answers), 1, answers)

    def test_every_row_bad_fails(self):
        """Class 9: a run in which every row is bad exits non-zero."""
        def bad(i, row):
            row[1] = b"20181399"
        events = self.write("bad.CSV", gdelt_rows(5, change=bad))
        result = run("import", events, "-o", self.path("bad.json"))
        self.assertNotEqual(result.returncode, 0)
        self.assertIn(b"every one of the 5 rows read is bad", result.stderr)
        self.assertFalse(os.path.exists(self.path("bad.json")))
        result = run("series", "--input", events)
        self.assertNotEqual(result.returncode, 0)

    def test_empty_output_name(self):
        """Class 9: `-o ''` said "Operation not supported"."""
        events = self.write("events.CSV", gdelt_rows(2))
        result = run("import", events, "-o", "")
        self.assertNotEqual(result.returncode, 0)
        self.assertIn(b"empty name", result.stderr)
        self.assertNotIn(b"not supported", result.stderr)

    def test_dev_zero(self):
        """Class 10: `--data /dev/zero` aborted in an allocation, and
        `validate /dev/zero` read without end."""
        for args in (("--data", "/dev/zero", "timeline"), ("validate", "/dev/zero")):
            result = run(*args, timeout=30)
            self.assertNotEqual(result.returncode, 0)
            self.assertNotIn(b"GLib-ERROR", result.stderr)
            self.assertIn(b"not valid UTF-8", result.stdout + result.stderr)

    def test_validate_from_a_pipe(self):
        """`validate /dev/stdin` read the pipe's first bytes to look for a
        native file, then parsed the rest ("unexpected a"), and read it
        again to count records ("the document is empty")."""
        dataset = b'{"format": "bilat", "version": 1, "sources": [{"id": "s", "title": "a"}]}'
        result = run("validate", "/dev/stdin", input=dataset, timeout=30)
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertIn(b"/dev/stdin: valid", result.stdout)
        bad = dataset.replace(b'"a"', b'"a\\u0000b"')
        result = run("validate", "/dev/stdin", input=bad, timeout=30)
        self.assertNotEqual(result.returncode, 0)
        self.assertIn(b"NUL character", result.stdout)

    def test_validate_counts_unlisted_problems(self):
        """Class 9/10: past 10,000 listed problems the rest are counted; the
        summary said "10001 problems" whatever their number."""
        sources = ",".join('{"id": "s%d", "title": 1}' % i for i in range(12345))
        dataset = ('{"format": "bilat", "version": 1, "sources": [%s]}' % sources).encode()
        result = run("validate", "/dev/stdin", input=dataset, timeout=60)
        self.assertEqual(result.returncode, 1, result.stderr)
        self.assertIn(b"2345 more problems, not listed", result.stdout)
        self.assertIn(b"12345 problems", result.stderr)

    def test_hard_linked_output(self):
        """Class 4: the output's other hard link keeps the old contents."""
        events = self.write("events.CSV", gdelt_rows(2))
        target = self.write("out.json", b'{"format": "bilat", "version": 1}\n')
        os.link(target, self.path("other.json"))
        result = run("import", events, "-o", target)
        self.assertEqual(result.returncode, 0, result.stderr)
        with open(self.path("other.json"), "rb") as f:
            self.assertEqual(f.read(), b'{"format": "bilat", "version": 1}\n')
        result = run("--data", target, "timeline")
        self.assertEqual(result.returncode, 0, result.stderr)


if __name__ == "__main__":
    unittest.main()
