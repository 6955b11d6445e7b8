# SPDX-License-Identifier: LGPL-2.1-or-later
"""Tests of the bilat command-line tool, run as a program.

The path of the built tool comes in the BILAT environment variable (set by
tests/tools/meson.build). Every command is run in both output modes, on the
built-in dataset and on small datasets written here.
"""

import json
import os
import shutil
import subprocess
import tempfile
import textwrap
import unittest

from ttyrun import run_tty

BILAT = os.environ.get("BILAT", "bilat")
LINE_WIDTH = 80

COMMANDS = ["timeline", "exercises", "positions", "convergence", "actors",
            "issues", "sources", "show", "series", "validate"]

SMALL_DATASET = {
    "format": "bilat",
    "version": 1,
    "sources": [
        {"id": "memo", "title": "A briefing memo", "author": "A. Analyst",
         "published": "2019-03"},
    ],
    "actors": [
        {"id": "PAK", "kind": "state", "aliases": ["Islamabad"]},
        {"id": "RUS", "kind": "state", "aliases": ["Moscow"],
         "predecessor": "SUN"},
        {"id": "SUN", "kind": "state"},
    ],
    "issues": [
        {"id": "energy", "title": "Energy cooperation"},
    ],
    "events": [
        {"id": "drill-2016", "type": "exercise", "date": "2016",
         "title": "First joint drill",
         "participants": [{"actor": "PAK", "role": "participant"},
                          {"actor": "RUS", "role": "participant"}],
         "place": {"name": "Cherat", "subdivision": "PK-KP",
                   "country": "PAK"},
         "sectors": ["defence"],
         "citations": [{"source": "memo", "paragraph": 2, "start": 120,
                        "end": 240}],
         "series": "Drill", "edition": 1, "host": "PAK"},
        {"id": "embassy-1950", "type": "event", "date": "1950-02",
         "title": "Embassies opened",
         "participants": [{"actor": "PAK"}, {"actor": "SUN"}],
         "sectors": ["diplomacy"]},
        {"id": "talks", "type": "event", "date": None,
         "title": "Talks on gas supply",
         "participants": [{"actor": "PAK", "role": "initiator"},
                          {"actor": "RUS", "role": "target"}],
         "sectors": ["energy", "diplomacy"],
         "citations": [{"source": "memo", "paragraph": 3,
                        "quote": "gas talks"}]},
    ],
    "positions": [
        {"id": "pak-energy", "holder": "PAK", "issue": "energy",
         "stance": "supports", "target": "RUS",
         "summary": "Wants Russian investment in gas pipelines.",
         "citations": [{"source": "memo", "paragraph": 3}]},
    ],
}

# Long and non-ASCII text, to test truncation in characters.
WIDE_DATASET = {
    "format": "bilat",
    "version": 1,
    "actors": [
        {"id": "PAK", "kind": "state",
         "name": "Islāmī Jumhūriya-e-Pākistān " * 4},
        {"id": "CHN", "kind": "state", "aliases": ["北京", "中华人民共和国"]},
        {"id": "a-very-long-actor-identifier-that-goes-on-and-on",
         "kind": "group"},
    ],
    "events": [
        {"id": "e-" + "x" * 60, "type": "event",
         "date": "2018-10-21/2018-11-04",
         "title": "Écoles et hôpitaux: coopération " * 5,
         "participants": [
             {"actor": "PAK"}, {"actor": "CHN"},
             {"actor": "a-very-long-actor-identifier-that-goes-on-and-on"}]},
        {"id": "cjk", "type": "event", "date": "2019",
         "title": "中巴经济走廊" * 20,
         "participants": [{"actor": "PAK"}, {"actor": "CHN"}]},
    ],
}

# Positions for convergence: PAK and IND share no issue; RUS holds none of
# its own but continues SUN, which opposes what PAK supports.
ALIGNMENT_DATASET = {
    "format": "bilat",
    "version": 1,
    "actors": [
        {"id": "PAK", "kind": "state", "aliases": ["Islamabad"]},
        {"id": "IND", "kind": "state"},
        {"id": "RUS", "kind": "state", "predecessor": "SUN"},
        {"id": "SUN", "kind": "state"},
    ],
    "issues": [
        {"id": "energy", "title": "Energy cooperation"},
        {"id": "arms", "title": "Arms trade"},
        {"id": "kashmir"},
    ],
    "positions": [
        {"id": "pak-energy", "holder": "PAK", "issue": "energy",
         "stance": "supports"},
        {"id": "pak-arms", "holder": "PAK", "issue": "arms",
         "stance": "considering"},
        {"id": "ind-kashmir", "holder": "IND", "issue": "kashmir",
         "stance": "supports"},
        {"id": "sun-energy", "holder": "SUN", "issue": "energy",
         "stance": "opposes"},
    ],
}

BAD_DATASET = textwrap.dedent("""\
    {
      "format": "bilat",
      "version": 1,
      "actors": [
        {"id": "PAK", "kind": "state"},
        {"id": "RUS", "kind": "empire"}
      ],
      "events": [
        {"id": "e1", "type": "event", "date": "2018-13",
         "participants": [{"actor": "XXX"}]},
        {"id": "e2", "type": "event"}
      ]
    }
    """)


class Result:
    def __init__(self, completed, args=(), env=None):
        self.args = args
        self.env = env
        self.status = completed.returncode
        # Strict decoding: output must be valid UTF-8, never cut inside a
        # character.
        self.out = completed.stdout.decode("utf-8")
        self.err = completed.stderr.decode("utf-8")

    @property
    def lines(self):
        return self.out.splitlines()

    def json(self):
        return json.loads(self.out)


def section_offset(data, name):
    """Where section @name of the native file @data starts."""
    directory = int.from_bytes(data[16:24], "little")
    count = int.from_bytes(data[12:16], "little")
    for i in range(count):
        entry = data[directory + 64 * i:directory + 64 * (i + 1)]
        if entry[:24].rstrip(b"\0") == name.encode():
            return int.from_bytes(entry[24:32], "little")
    raise KeyError(name)


def run(*args, env=None):
    completed = subprocess.run([BILAT, *args], capture_output=True,
                               env=env, timeout=60, check=False)
    return Result(completed, args, env)


def table_rows(result):
    """The cells of the rows of a table, the header left out; note lines
    (under a row) are left out too."""
    rows = []
    for line in result.lines[1:]:
        if line.lstrip().startswith("↳"):
            continue
        rows.append(line.split())
    return rows


def table_and_rest(result):
    """The lines of the table that opens the output (up to the first
    blank line) and the lines after it."""
    lines = result.lines
    end = lines.index("") if "" in lines else len(lines)
    return lines[:end], lines[end + 1:]


def column_cells(table, header):
    """Cuts the rows of a table (notes left out) into cells at the columns
    where the words of the header line start: cells may hold spaces."""
    starts = []
    position = 0
    for word in header:
        position = table[0].index(word, position)
        starts.append(position)
        position += len(word)
    rows = []
    for line in table[1:]:
        if line.lstrip().startswith("↳"):
            continue
        bounds = starts[1:] + [None]
        rows.append([line[start:end].strip()
                     for start, end in zip(starts, bounds)])
    return rows


class ToolTestCase(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix="bilat-tool-test-")

    def tearDown(self):
        shutil.rmtree(self.tmp)

    def write(self, name, content):
        path = os.path.join(self.tmp, name)
        with open(path, "w", encoding="utf-8") as f:
            if isinstance(content, str):
                f.write(content)
            else:
                json.dump(content, f, ensure_ascii=False, indent=2)
        return path

    def assertOk(self, result):
        self.assertEqual(result.status, 0, result.err)
        self.assertEqual(result.err, "")

    def assertFails(self, result, status):
        self.assertEqual(result.status, status, result.out + result.err)
        lines = result.err.splitlines()
        self.assertEqual(len(lines), 1, result.err)
        self.assertTrue(lines[0].startswith("bilat: "), lines[0])
        return lines[0]

    def assertFits(self, result):
        """A pipe gets whole values; the same command on a terminal of
        LINE_WIDTH columns has lines that fit it."""
        on_terminal = run_tty(BILAT, result.args, LINE_WIDTH, env=result.env)
        self.assertEqual(on_terminal.status, result.status, on_terminal.err)
        for line in on_terminal.lines:
            self.assertLessEqual(len(line), LINE_WIDTH, repr(line))


class TimelineTest(ToolTestCase):
    def test_human(self):
        result = run("timeline")
        self.assertOk(result)
        self.assertEqual(result.lines[0].split(),
                         ["DATE", "EVENT", "ACTORS", "TITLE"])
        first = result.lines[1].split()
        self.assertEqual(first[:3], ["1948-05-01", "relations-1948", "PAK,SUN"])
        self.assertIn("Diplomatic", result.lines[1])
        # Dated events come first, in order; unknown dates last.
        dates = [row[0] for row in table_rows(result)]
        self.assertIn("2018-10-21/2018-11-04", dates)
        known = [d for d in dates if d != "unknown"]
        self.assertEqual(dates[:len(known)], known)
        self.assertTrue(all(d == "unknown" for d in dates[len(known):]))
        self.assertGreater(len(dates), len(known))
        self.assertFits(result)

    def test_json(self):
        result = run("timeline", "--json")
        self.assertOk(result)
        events = result.json()
        self.assertIsInstance(events, list)
        self.assertEqual(events[0]["id"], "relations-1948")
        self.assertEqual(events[0]["type"], "event")
        self.assertEqual(events[0]["date"], "1948-05-01")
        self.assertEqual([p["actor"] for p in events[0]["participants"]],
                         ["PAK", "SUN"])
        ids = [e["id"] for e in events]
        self.assertEqual(len(ids), len(table_rows(run("timeline"))))
        friendship = next(e for e in events if e["id"] == "friendship-2018")
        self.assertEqual(friendship["type"], "exercise")
        self.assertEqual(friendship["edition"], 3)
        self.assertEqual(friendship["citations"][0]["paragraph"], 6)

    def test_exercises_only(self):
        expected = ["friendship-2016", "friendship-2017", "friendship-2018"]
        result = run("timeline", "--type", "exercise")
        self.assertOk(result)
        self.assertEqual([row[1] for row in table_rows(result)], expected)
        result = run("timeline", "--type", "exercise", "--json")
        self.assertEqual([e["id"] for e in result.json()], expected)
        result = run("timeline", "--query", "type:exercise", "--json")
        self.assertEqual([e["id"] for e in result.json()], expected)

    def test_type_event_is_every_event(self):
        every = run("timeline", "--json").json()
        self.assertEqual(run("timeline", "--type", "event", "--json").json(),
                         every)

    def test_dyad_follows_succession(self):
        result = run("timeline", "--dyad", "PAK,RUS")
        self.assertOk(result)
        self.assertTrue(result.lines[1].startswith("1948-05-01"))
        self.assertIn("relations-1948", result.lines[1])
        # The succession note is on the line under the row.
        note = result.lines[2]
        self.assertTrue(note.lstrip().startswith("↳"), note)
        self.assertIn("SUN", note)
        self.assertIn("RUS", note)
        self.assertFits(result)
        # Only that row matched through succession.
        notes = [l for l in result.lines if l.lstrip().startswith("↳")]
        self.assertEqual(len(notes), 1)
        ids = [e["id"] for e in run("timeline", "--dyad", "PAK,RUS", "--json").json()]
        self.assertEqual(ids[0], "relations-1948")
        self.assertIn("friendship-2018", ids)
        self.assertNotIn("russia-eases-tensions", ids[:1])

    def test_dyad_by_alias_and_case(self):
        by_id = run("timeline", "--dyad", "PAK,RUS", "--json").json()
        by_alias = run("timeline", "--dyad", "Islamabad,moscow", "--json").json()
        self.assertEqual(by_id, by_alias)
        query = run("timeline", "--query", "dyad:pak,rus", "--json").json()
        self.assertEqual(by_id, query)

    def test_actor(self):
        result = run("timeline", "--actor", "IND", "--json")
        self.assertOk(result)
        events = result.json()
        self.assertTrue(events)
        for event in events:
            self.assertIn("IND", [p["actor"] for p in event["participants"]])
        # Repeated and comma-separated actors add up.
        both = [e["id"] for e in run("timeline", "--actor", "IND", "--actor",
                                     "taliban", "--json").json()]
        comma = [e["id"] for e in run("timeline", "--actor", "IND,taliban",
                                      "--json").json()]
        self.assertEqual(both, comma)
        self.assertIn("taliban-to-talks", both)
        self.assertTrue(set(e["id"] for e in events) < set(both))

    def test_actor_unknown_suggests(self):
        result = run("timeline", "--actor", "Moskow")
        line = self.assertFails(result, 1)
        self.assertIn("“Moscow”", line)
        self.assertEqual(result.out, "")

    def test_period(self):
        result = run("timeline", "--from", "2016", "--to", "2017", "--json")
        self.assertOk(result)
        self.assertEqual([e["id"] for e in result.json()],
                         ["friendship-2016", "friendship-2017"])
        later = [e["id"] for e in run("timeline", "--from", "2018", "--json").json()]
        self.assertEqual(later, ["deputy-fm-arms-deals", "friendship-2018"])
        earlier = [e["id"] for e in run("timeline", "--to", "1950", "--json").json()]
        self.assertEqual(earlier, ["relations-1948"])

    def test_options_refine_query(self):
        result = run("timeline", "--query", "type:exercise", "--from", "2017",
                     "--json")
        self.assertOk(result)
        self.assertEqual([e["id"] for e in result.json()],
                         ["friendship-2017", "friendship-2018"])
        result = run("timeline", "--query", "from:2016 to:2018", "--to", "2016",
                     "--json")
        self.assertEqual([e["id"] for e in result.json()], ["friendship-2016"])

    def test_sector(self):
        result = run("timeline", "--sector", "defence", "--json")
        self.assertOk(result)
        events = result.json()
        self.assertIn("friendship-2016", [e["id"] for e in events])
        for event in events:
            self.assertIn("defence", event["sectors"])
        several = run("timeline", "--sector", "defence,diplomacy", "--json").json()
        self.assertGreater(len(several), len(events))

    def test_text_query(self):
        result = run("timeline", "--query", 'text:"joint exercise"', "--json")
        self.assertOk(result)
        self.assertEqual(len(result.json()), 3)

    def test_no_match(self):
        result = run("timeline", "--from", "1900", "--to", "1901")
        self.assertOk(result)
        self.assertEqual(len(result.lines), 1)
        self.assertEqual(run("timeline", "--from", "1900", "--to", "1901",
                             "--json").json(), [])


class ExercisesTest(ToolTestCase):
    def test_human(self):
        result = run("exercises")
        self.assertOk(result)
        self.assertEqual(result.lines[0].split()[:3], ["DATES", "EXERCISE", "SERIES"])
        rows = {row[1]: line for row, line in zip(table_rows(result), result.lines[1:])}
        self.assertEqual(list(rows), ["friendship-2016", "friendship-2017",
                                      "friendship-2018"])
        for edition, (exercise, line) in enumerate(rows.items(), start=1):
            self.assertIn("Friendship", line)
            self.assertEqual(line.split()[3], str(edition), line)
        self.assertIn("Cherat", rows["friendship-2016"])
        self.assertIn("PAK", rows["friendship-2016"])
        self.assertIn("RUS", rows["friendship-2017"])
        self.assertTrue(rows["friendship-2018"].startswith("2018-10-21/2018-11-04"))
        self.assertFits(result)

    def test_json(self):
        result = run("exercises", "--json")
        self.assertOk(result)
        exercises = result.json()
        self.assertEqual([e["edition"] for e in exercises], [1, 2, 3])
        self.assertTrue(all(e["series"] == "Friendship" for e in exercises))
        self.assertTrue(all(e["type"] == "exercise" for e in exercises))
        self.assertEqual(exercises[0]["place"]["name"], "Cherat")
        self.assertEqual(exercises[0]["host"], "PAK")

    def test_filters(self):
        result = run("exercises", "--from", "2017", "--json")
        self.assertEqual([e["id"] for e in result.json()],
                         ["friendship-2017", "friendship-2018"])
        result = run("exercises", "--actor", "IND")
        self.assertOk(result)
        self.assertEqual(len(result.lines), 1)


class PositionsTest(ToolTestCase):
    def test_human(self):
        result = run("positions")
        self.assertOk(result)
        self.assertEqual(result.lines[0].split()[:4],
                         ["POSITION", "HOLDER", "STANCE", "ISSUE"])
        rows = table_rows(result)
        self.assertIn(["pak-energy", "PAK", "supports", "energy"],
                      [row[:4] for row in rows])
        self.assertFits(result)

    def test_json(self):
        positions = run("positions", "--json").json()
        self.assertEqual(len(positions), len(table_rows(run("positions"))))
        pak = next(p for p in positions if p["id"] == "pak-cpec")
        self.assertEqual((pak["holder"], pak["issue"], pak["stance"], pak["target"]),
                         ("PAK", "cpec", "supports", "RUS"))

    def test_issue(self):
        result = run("positions", "--issue", "energy", "--json")
        self.assertOk(result)
        positions = result.json()
        self.assertEqual(sorted(p["holder"] for p in positions),
                         ["PAK", "RUS", "aslam"])
        self.assertTrue(all(p["issue"] == "energy" for p in positions))

    def test_actor(self):
        positions = run("positions", "--actor", "USA", "--json").json()
        self.assertTrue(positions)
        for position in positions:
            self.assertIn("USA", (position["holder"], position.get("target")))

    def test_unknown_issue_suggests(self):
        line = self.assertFails(run("positions", "--issue", "enrgy"), 1)
        self.assertIn("“energy”", line)


class ConvergenceTest(ToolTestCase):
    # The points of convergence of the op-ed, and Russia's interest in CPEC.
    AGREEMENTS = ["counter-terrorism", "energy", "afghanistan", "us-bases",
                  "strategic-balance", "us-influence"]

    def test_human(self):
        result = run("convergence", "PAK", "RUS")
        self.assertOk(result)
        table, rest = table_and_rest(result)
        header = ["ISSUE", "TITLE", "PAK", "RUS", "AGREEMENT"]
        self.assertEqual(table[0].split(), header)
        rows = {row[0]: row for row in column_cells(table, header)}
        for issue in self.AGREEMENTS:
            self.assertEqual(rows[issue][2:], ["supports", "supports", "agree"],
                             issue)
        self.assertEqual(rows["cpec"][2:],
                         ["supports", "considering", "partly agree"])
        self.assertEqual(rows["energy"][1], "Energy cooperation")
        # Agreements first, then partial agreements.
        agreements = [row[4] for row in column_cells(table, header)]
        self.assertEqual(agreements, sorted(agreements, key=[
            "agree", "partly agree", "disagree", "only PAK", "only RUS"].index))
        n_shared = sum(1 for a in agreements if not a.startswith("only"))
        self.assertRegex(rest[0], r"^Affinity \(Signorino–Ritter S\) "
                                  r"(-?[01]\.\d{3}) over n = %d shared issues:$"
                                  % n_shared)
        score = float(rest[0].split()[3])
        self.assertTrue(-1 <= score <= 1)
        self.assertLess(score, 1)
        self.assertEqual(rest[1], "%d agree, %d partly agree, %d disagree." % (
            agreements.count("agree"), agreements.count("partly agree"),
            agreements.count("disagree")))
        self.assertFits(result)

    def test_json(self):
        result = run("convergence", "PAK", "RUS", "--json")
        self.assertOk(result)
        data = result.json()
        self.assertEqual(set(data), {"actor_a", "actor_b", "affinity",
                                     "n_shared", "agree", "s", "s2", "kappa", "pi",
                                     "thin", "counts", "issues"})
        self.assertEqual((data["actor_a"], data["actor_b"]), ("PAK", "RUS"))
        # Seven agreements and one partial (0.5 apart) over eight issues:
        # S = 1 - 0.5/8; kappa is 0, as Russia's stances barely vary; the
        # eight issues are fewer than the threshold of ten.
        self.assertAlmostEqual(data["s"], data["affinity"])
        self.assertAlmostEqual(data["s"], 1 - 0.5 / 8)
        self.assertAlmostEqual(data["agree"], 1 - 0.5 / 16)
        self.assertAlmostEqual(data["s2"], 1 - 2 * 0.25 / (8 * 4))
        self.assertAlmostEqual(data["kappa"], 0.0)
        self.assertTrue(data["thin"])
        issues = {i["issue"]: i for i in data["issues"]}
        for issue in self.AGREEMENTS:
            self.assertEqual(issues[issue]["agreement"], "agree", issue)
            self.assertEqual(issues[issue]["distance"], 0)
        cpec = issues["cpec"]
        self.assertEqual(cpec["agreement"], "partial")
        self.assertEqual(cpec["title"], "Russia in CPEC")
        self.assertEqual(cpec["distance"], 0.5)
        self.assertEqual((cpec["a"]["id"], cpec["a"]["holder"], cpec["a"]["stance"]),
                         ("pak-cpec", "PAK", "supports"))
        self.assertEqual((cpec["b"]["id"], cpec["b"]["stance"]),
                         ("rus-cpec", "considering"))
        self.assertEqual(cpec["a"], run("show", "pak-cpec", "--json").json())
        # The counts add up, and n is the number of shared issues.
        counts = data["counts"]
        self.assertEqual(set(counts), {"agree", "partial", "disagree",
                                       "only_a", "only_b"})
        self.assertEqual(sum(counts.values()), len(data["issues"]))
        shared = [i for i in data["issues"] if i["a"] and i["b"]]
        self.assertEqual(data["n_shared"], len(shared))
        self.assertEqual(data["n_shared"],
                         counts["agree"] + counts["partial"] + counts["disagree"])
        self.assertEqual(counts["agree"],
                         sum(1 for i in shared if i["agreement"] == "agree"))
        self.assertEqual(counts["partial"], 1)
        self.assertIsInstance(data["affinity"], float)
        self.assertTrue(-1 <= data["affinity"] <= 1)
        # S = 1 - 2 * sum of distances / (2 n)
        total = sum(i["distance"] for i in shared)
        self.assertAlmostEqual(data["affinity"],
                               1 - 2 * total / (2 * data["n_shared"]))
        # The table's score is the same number.
        human = run("convergence", "PAK", "RUS").out
        self.assertIn("%.3f over n = %d" % (data["affinity"], data["n_shared"]),
                      human)

    def test_aliases(self):
        by_id = run("convergence", "PAK", "RUS", "--json").json()
        result = run("convergence", "Islamabad", "moscow", "--json")
        self.assertOk(result)
        self.assertEqual(result.json(), by_id)
        swapped = run("convergence", "Kremlin", "Islamabad", "--json").json()
        self.assertEqual((swapped["actor_a"], swapped["actor_b"]), ("RUS", "PAK"))
        self.assertEqual(swapped["affinity"], by_id["affinity"])

    def test_filters(self):
        result = run("convergence", "PAK", "RUS", "--issue", "cpec", "--json")
        self.assertOk(result)
        data = result.json()
        self.assertEqual([i["issue"] for i in data["issues"]], ["cpec"])
        self.assertEqual(data["n_shared"], 1)
        self.assertEqual(data["affinity"], 0.5)
        line = self.assertFails(run("convergence", "PAK", "RUS", "--issue",
                                    "cpek"), 1)
        self.assertIn("“cpec”", line)

    def test_unknown_actor(self):
        result = run("convergence", "PAK", "Moskow")
        line = self.assertFails(result, 1)
        self.assertIn("did you mean “Moscow”", line)
        self.assertEqual(result.out, "")
        self.assertFails(run("convergence", "Islamabd", "RUS", "--json"), 1)

    def test_usage(self):
        for args in (["convergence"], ["convergence", "PAK"],
                     ["convergence", "PAK", "RUS", "IND"],
                     ["convergence", "PAK", "Islamabad"],
                     ["convergence", "PAK", "RUS", "--type", "exercise"]):
            with self.subTest(args=args):
                result = run(*args)
                self.assertFails(result, 2)
                self.assertEqual(result.out, "")

    def test_no_shared_issue(self):
        path = self.write("align.json", ALIGNMENT_DATASET)
        result = run("--data", path, "convergence", "PAK", "IND")
        self.assertOk(result)
        table, rest = table_and_rest(result)
        header = ["ISSUE", "TITLE", "PAK", "IND", "AGREEMENT"]
        rows = column_cells(table, header)
        self.assertEqual([row[0] for row in rows], ["arms", "energy", "kashmir"])
        self.assertEqual([row[4] for row in rows],
                         ["only PAK", "only PAK", "only IND"])
        self.assertEqual(rows[2][1:4], ["", "-", "supports"])
        self.assertEqual(rest[0], "No shared issue: no affinity score.")
        self.assertNotIn("Affinity", result.out)
        data = run("--data", path, "convergence", "PAK", "IND", "--json").json()
        self.assertIsNone(data["affinity"])
        self.assertEqual(data["n_shared"], 0)
        self.assertEqual(data["counts"], {"agree": 0, "partial": 0, "disagree": 0,
                                          "only_a": 2, "only_b": 1})
        kashmir = data["issues"][2]
        self.assertEqual((kashmir["issue"], kashmir["title"], kashmir["a"],
                          kashmir["distance"], kashmir["agreement"]),
                         ("kashmir", None, None, None, "only-b"))
        self.assertEqual(kashmir["b"]["id"], "ind-kashmir")

    def test_succession(self):
        path = self.write("align.json", ALIGNMENT_DATASET)
        result = run("--data", path, "convergence", "PAK", "RUS")
        self.assertOk(result)
        table, rest = table_and_rest(result)
        self.assertEqual(table[1].split()[:1] + table[1].split()[-3:],
                         ["energy", "supports", "opposes", "disagree"])
        # RUS stands on energy by the position of SUN, and a note says so.
        self.assertTrue(table[2].lstrip().startswith("↳"), table[2])
        self.assertIn("SUN", table[2])
        self.assertIn("-1.000 over n = 1 shared issue:", rest[0])
        self.assertEqual(rest[1], "0 agree, 0 partly agree, 1 disagree.")
        data = run("--data", path, "convergence", "PAK", "RUS", "--json").json()
        self.assertEqual(data["affinity"], -1)
        self.assertEqual(data["issues"][0]["b"]["holder"], "SUN")
        self.assertEqual(data["issues"][0]["distance"], 2)
        for option in (["--no-succession"], ["--query", "succession:off"]):
            with self.subTest(option=option):
                data = run("--data", path, "convergence", "PAK", "RUS",
                           *option, "--json").json()
                self.assertIsNone(data["affinity"])
                self.assertEqual(data["counts"]["only_a"], 2)
                self.assertEqual(data["counts"]["only_b"], 0)

    def test_long_ids(self):
        long_a = "a-very-long-actor-identifier-that-goes-on-and-on"
        long_b = "another-rather-long-actor-identifier-for-the-test"
        issue = "an-issue-with-a-really-long-identifier-that-needs-cutting"
        dataset = {
            "format": "bilat", "version": 1,
            "actors": [{"id": long_a, "kind": "group"},
                       {"id": long_b, "kind": "group"}],
            "issues": [{"id": issue, "title": "Écoles et hôpitaux " * 4}],
            "positions": [
                {"id": "p1", "holder": long_a, "issue": issue,
                 "stance": "considering"},
                {"id": "p2", "holder": long_b, "issue": issue,
                 "stance": "opposes"},
                {"id": "p3", "holder": long_b, "issue": "only-b",
                 "stance": "supports"},
            ],
        }
        dataset["issues"].append({"id": "only-b"})
        path = self.write("long.json", dataset)
        result = run("--data", path, "convergence", long_a, long_b)
        self.assertOk(result)
        self.assertFits(result)
        self.assertIn("considering", result.lines[1])
        self.assertIn("-0.500 over n = 1 shared issue:", result.out)

    def test_no_positions(self):
        path = self.write("small.json", SMALL_DATASET)
        result = run("--data", path, "convergence", "RUS", "SUN")
        self.assertOk(result)
        self.assertEqual(result.lines[2], "No shared issue: no affinity score.")
        data = run("--data", path, "convergence", "RUS", "SUN", "--json").json()
        self.assertEqual(data["issues"], [])
        self.assertIsNone(data["affinity"])


def series_rows(text, separator=","):
    lines = text.splitlines()
    return lines[0].split(separator), [l.split(separator) for l in lines[1:]]


class SeriesTest(ToolTestCase):
    HEADER = ["period", "events", "goldstein_sum", "q1", "q2", "q3", "q4",
              "goldstein_mean", "goldstein_events"]

    def dated_years(self, *args):
        """Events per year of the first day of their date, from the
        timeline: what the yearly series must count."""
        counts = {}
        for event in run("timeline", *args, "--json").json():
            if event["date"] is not None:
                year = int(event["date"][:4])
                counts[year] = counts.get(year, 0) + 1
        return counts

    def test_csv(self):
        result = run("series", "--dyad", "PAK,RUS", "--by", "year", "--csv")
        self.assertOk(result)
        header, rows = series_rows(result.out)
        self.assertEqual(header, self.HEADER)
        self.assertTrue(result.out.endswith("\n"))
        by_year = {int(row[0]): row for row in rows}
        self.assertEqual(by_year[1948][:2], ["1948", "1"])
        counts = self.dated_years("--dyad", "PAK,RUS")
        self.assertEqual([r[0] for r in rows],
                         [str(y) for y in range(min(counts), max(counts) + 1)])
        for year, row in by_year.items():
            self.assertEqual(int(row[1]), counts.get(year, 0), year)
            self.assertEqual(len(row), len(self.HEADER))
            self.assertLessEqual(sum(int(q) for q in row[3:7]), int(row[1]))
        for year in (2015, 2016, 2017):
            self.assertEqual(by_year[year][1], "1")
        self.assertEqual(by_year[2018][1], "2")
        # Empty years inside the range are present, with zeros and no mean.
        self.assertEqual(by_year[1980], ["1980", "0", "0.0", "0", "0", "0", "0",
                                         "", "0"])
        # TSV is the same table.
        tsv = run("series", "--dyad", "PAK,RUS", "--by", "year", "--tsv")
        self.assertOk(tsv)
        self.assertEqual(tsv.out.replace("\t", ","), result.out)

    def test_json(self):
        result = run("series", "--dyad", "PAK,RUS", "--by", "year", "--json")
        self.assertOk(result)
        data = result.json()
        self.assertEqual(data["unit"], "year")
        self.assertEqual(data["undated"],
                         sum(1 for e in run("timeline", "--dyad", "PAK,RUS",
                                            "--json").json()
                             if e["date"] is None))
        _, rows = series_rows(run("series", "--dyad", "PAK,RUS", "--by", "year",
                                  "--csv").out)
        self.assertEqual([b["period"] for b in data["bins"]], [r[0] for r in rows])
        self.assertEqual([b["events"] for b in data["bins"]],
                         [int(r[1]) for r in rows])
        self.assertEqual(run("--json", "series", "--dyad", "PAK,RUS", "--by",
                             "year").json(), data)

    def test_human_yearly(self):
        csv = run("series", "--dyad", "PAK,RUS", "--by", "year", "--csv").out
        _, csv_rows = series_rows(csv)
        result = run("series", "--dyad", "PAK,RUS", "--by", "year")
        self.assertOk(result)
        table, rest = table_and_rest(result)
        self.assertEqual(table[0].split(), ["PERIOD", "EVENTS", "GOLDSTEIN",
                                            "SUM", "MEAN", "Q1", "Q2", "Q3", "Q4"])
        rows = [line.split() for line in table[1:]]
        self.assertEqual(len(rows), len(csv_rows))
        for row, csv_row in zip(rows, csv_rows):
            self.assertEqual(row[:3], csv_row[:3])
            self.assertEqual(row[4:], csv_row[3:7])
            if csv_row[7]:
                self.assertAlmostEqual(float(row[3]), float(csv_row[7]), places=2)
            else:
                self.assertEqual(row[3], "-")
        # Events of unknown date are said to be in no period.
        undated = run("series", "--dyad", "PAK,RUS", "--json").json()["undated"]
        self.assertGreater(undated, 0)
        self.assertEqual(rest, ["%d events of unknown date are in no period." % undated])
        self.assertFits(result)

    def test_human_monthly(self):
        result = run("series", "--dyad", "PAK,RUS")
        self.assertOk(result)
        self.assertEqual(result.out, run("series", "--dyad", "PAK,RUS", "--by",
                                         "month").out)
        table, rest = table_and_rest(result)
        periods = [line.split()[0] for line in table[1:]]
        self.assertEqual(periods[0], "1948-05")
        self.assertEqual(periods[-1], "2018-10")
        self.assertEqual(len(periods), (2018 - 1948) * 12 + (10 - 5) + 1)
        self.assertIn("2000-01", periods)
        # Year-precision exercises and an interval over two months are
        # counted in their first month, and the footer says so.
        json_data = run("series", "--dyad", "PAK,RUS", "--json").json()
        self.assertGreater(json_data["imprecise"], 0)
        self.assertIn("%d events whose date spans several months are counted "
                      "in the first." % json_data["imprecise"], rest)
        self.assertFits(result)

    def test_filters(self):
        data = run("series", "--type", "exercise", "--by", "year", "--json").json()
        self.assertEqual([(b["period"], b["events"]) for b in data["bins"]],
                         [("2016", 1), ("2017", 1), ("2018", 1)])
        self.assertEqual(data["undated"], 0)
        every = run("series", "--by", "year", "--json").json()
        self.assertGreater(every["undated"], data["undated"])
        counts = self.dated_years("--actor", "IND")
        data = run("series", "--actor", "IND", "--by", "year", "--json").json()
        self.assertEqual({int(b["period"]): b["events"] for b in data["bins"]
                          if b["events"]}, counts)
        daily = run("series", "--dyad", "PAK,RUS", "--by", "day", "--from", "2018",
                    "--csv")
        self.assertOk(daily)
        self.assertEqual(series_rows(daily.out)[1][0][0], "2018-01-01")
        # Without succession, the 1948 relations with the USSR are not
        # relations with Russia.
        plain = run("series", "--dyad", "PAK,RUS", "--by", "year",
                    "--no-succession", "--csv")
        self.assertEqual(series_rows(plain.out)[1][0][0], "2015")

    def test_no_dated_event(self):
        result = run("series", "--from", "1900", "--to", "1901")
        self.assertOk(result)
        self.assertEqual(result.lines, ["No dated events match."])
        self.assertEqual(run("series", "--from", "1900", "--to", "1901",
                             "--csv").lines, [",".join(self.HEADER)])
        data = run("series", "--from", "1900", "--to", "1901", "--json").json()
        self.assertEqual(data["bins"], [])
        path = self.write("small.json", SMALL_DATASET)
        result = run("--data", path, "series", "--actor", "PAK", "--query",
                     "text:gas")
        self.assertOk(result)
        self.assertEqual(result.lines, ["No dated events match.", "",
                                        "1 event of unknown date is in no period."])

    def test_usage(self):
        for args in (["series", "--csv", "--tsv"], ["series", "--csv", "--json"],
                     ["series", "--tsv", "--json"], ["--json", "series", "--csv"],
                     ["series", "--by", "week"], ["series", "--by"],
                     ["series", "--issue", "energy"]):
            with self.subTest(args=args):
                result = run(*args)
                self.assertFails(result, 2)
                self.assertEqual(result.out, "")
        line = self.assertFails(run("series", "--csv", "--tsv"), 2)
        self.assertIn("--csv", line)
        self.assertOk(run("series", "--by", "YEAR"))


class SpeaksForTest(ToolTestCase):
    def test_builtin_convergence(self):
        # Putin speaks for Russia: his support for Pakistan's SCO membership
        # is Russia's position, said under the row.
        result = run("convergence", "PAK", "RUS")
        self.assertOk(result)
        row = next(i for i, line in enumerate(result.lines)
                   if line.startswith("sco-membership"))
        self.assertEqual(result.lines[row].split()[-3:], ["supports", "only", "RUS"])
        note = result.lines[row + 1]
        self.assertTrue(note.lstrip().startswith("↳"), note)
        self.assertIn("RUS takes the position of putin, who speaks for it", note)
        self.assertIn("1 of RUS only", result.out)
        actors = run("actors", "--json").json()
        putin = next(a for a in actors if a["id"] == "putin")
        self.assertEqual(putin["speaks_for"], "RUS")


class CatalogueTest(ToolTestCase):
    def test_actors(self):
        result = run("actors")
        self.assertOk(result)
        rows = {row[0]: row for row in table_rows(result)}
        for actor in ("PAK", "RUS", "SUN", "sco", "putin"):
            self.assertIn(actor, rows)
        self.assertEqual(rows["PAK"][1:3], ["state", "Pakistan"])
        self.assertEqual(rows["sco"][1], "organisation")
        self.assertFits(result)
        actors = run("actors", "--json").json()
        self.assertEqual([a["id"] for a in actors], list(rows))
        rus = next(a for a in actors if a["id"] == "RUS")
        self.assertEqual(rus["predecessor"], "SUN")
        self.assertIn("Moscow", rus["aliases"])

    def test_issues(self):
        result = run("issues")
        self.assertOk(result)
        rows = {row[0]: line for row, line in zip(table_rows(result), result.lines[1:])}
        self.assertIn("Energy cooperation", rows["energy"])
        self.assertIn("counter-terrorism", rows)
        self.assertFits(result)
        issues = run("issues", "--json").json()
        self.assertEqual([i["id"] for i in issues], list(rows))
        self.assertEqual(next(i for i in issues if i["id"] == "energy")["title"],
                         "Energy cooperation")

    def test_sources(self):
        result = run("sources")
        self.assertOk(result)
        self.assertIn("aslam-oped", result.lines[1])
        self.assertIn("Growing Alliance Between Islamabad And Moscow", result.lines[1])
        self.assertFits(result)
        sources = run("sources", "--json").json()
        self.assertEqual(sources[0]["id"], "aslam-oped")
        self.assertEqual(sources[0]["author"], "Sabah Aslam")


class ShowTest(ToolTestCase):
    def test_exercise(self):
        result = run("show", "friendship-2018")
        self.assertOk(result)
        self.assertEqual(result.lines[0], "exercise friendship-2018")
        self.assertIn("Growing Alliance Between Islamabad And Moscow", result.out)
        self.assertIn("Sabah Aslam", result.out)
        self.assertIn("paragraph 6", result.out)
        self.assertIn("[1593, 1685)", result.out)
        self.assertIn("2018-10-21/2018-11-04", result.out)
        self.assertIn("Friendship", result.out)
        self.assertFits(result)

    def test_json(self):
        result = run("show", "friendship-2018", "--json")
        self.assertOk(result)
        record = result.json()
        self.assertIsInstance(record, dict)
        self.assertEqual(record["id"], "friendship-2018")
        self.assertEqual(record["type"], "exercise")
        self.assertEqual(record["edition"], 3)
        self.assertEqual(record["citations"][0]["source"], "aslam-oped")

    def test_every_kind(self):
        for record_id, heading in [("aslam-oped", "source aslam-oped"),
                                   ("PAK", "actor PAK"),
                                   ("energy", "issue energy"),
                                   ("relations-1948", "event relations-1948"),
                                   ("pak-cpec", "position pak-cpec")]:
            with self.subTest(record_id=record_id):
                result = run("show", record_id)
                self.assertOk(result)
                self.assertEqual(result.lines[0], heading)
                self.assertFits(result)
                self.assertEqual(run("show", record_id, "--json").json()["id"],
                                 record_id)

    def test_actor_by_alias(self):
        result = run("show", "Moscow")
        self.assertOk(result)
        self.assertEqual(result.lines[0], "actor RUS")
        self.assertIn("SUN", result.out)
        self.assertEqual(run("show", "kremlin", "--json").json()["id"], "RUS")

    def test_unknown_suggests(self):
        result = run("show", "friendship-2019")
        line = self.assertFails(result, 1)
        self.assertEqual(line, "bilat: no record “friendship-2019”; "
                               "did you mean “friendship-2018”?")
        self.assertEqual(result.out, "")
        line = self.assertFails(run("show", "islamabd"), 1)
        self.assertIn("“Islamabad”", line)
        line = self.assertFails(run("show", "qqqqqqqq"), 1)
        self.assertNotIn("did you mean", line)
        line = self.assertFails(run("show", ""), 1)
        self.assertNotIn("did you mean", line)
        self.assertFails(run("show", "friendship-2019", "--json"), 1)

    def test_kind(self):
        result = run("show", "--kind", "issue", "energy")
        self.assertOk(result)
        line = self.assertFails(run("show", "--kind", "event", "energy"), 1)
        self.assertIn("no event", line)
        self.assertFails(run("show", "--kind", "planet", "energy"), 2)
        self.assertEqual(run("show", "--kind", "exercise", "friendship-2017",
                             "--json").json()["edition"], 2)
        # An event that is not an exercise is not offered as one.
        line = self.assertFails(run("show", "--kind", "exercise",
                                    "relations-1948"), 1)
        self.assertNotIn("did you mean", line)

    def test_ambiguous_id(self):
        dataset = dict(SMALL_DATASET)
        dataset["issues"] = [{"id": "talks", "title": "Talks as an issue"}]
        dataset["positions"] = []
        path = self.write("ambiguous.json", dataset)
        line = self.assertFails(run("--data", path, "show", "talks"), 2)
        self.assertIn("--kind", line)
        result = run("--data", path, "show", "talks", "--kind", "event")
        self.assertOk(result)
        self.assertEqual(result.lines[0], "event talks")


class ValidateTest(ToolTestCase):
    def test_problems(self):
        path = self.write("bad.json", BAD_DATASET)
        result = run("validate", path)
        self.assertEqual(result.status, 1)
        lines = result.lines
        self.assertGreaterEqual(len(lines), 4, result.out)
        for line in lines:
            self.assertTrue(line.startswith(path + ":"), line)
        # Each problem names its line in the file.
        found = {int(line.split(":")[1]) for line in lines}
        self.assertTrue({6, 9, 10, 11} <= found, lines)
        self.assertTrue(any("“empire”" in l for l in lines))
        self.assertTrue(any("2018-13" in l for l in lines))
        self.assertTrue(any("XXX" in l for l in lines))
        err = result.err.splitlines()
        self.assertEqual(len(err), 1)
        self.assertIn("problems", err[0])

    def test_problems_json(self):
        path = self.write("bad.json", BAD_DATASET)
        result = run("validate", "--json", path)
        self.assertEqual(result.status, 1)
        problems = result.json()
        self.assertEqual(len(problems), len(run("validate", path).lines))
        for problem in problems:
            self.assertEqual(set(problem), {"file", "line", "kind", "index", "id",
                                            "field", "code", "message"})
            self.assertEqual(problem["file"], path)
        kind = next(p for p in problems if p["id"] == "RUS")
        self.assertEqual((kind["line"], kind["kind"], kind["index"], kind["field"]),
                         (6, "actors", 1, "kind"))
        self.assertEqual(kind["code"], "invalid-value")
        self.assertIn("unknown-reference", [p["code"] for p in problems])

    def test_valid(self):
        path = self.write("good.json", SMALL_DATASET)
        result = run("validate", path)
        self.assertOk(result)
        self.assertEqual(result.lines, [f"{path}: valid (9 records)"])
        result = run("validate", "--json", path)
        self.assertOk(result)
        self.assertEqual(result.json(), [])

    def test_several_files(self):
        good = self.write("good.json", SMALL_DATASET)
        bad = self.write("bad.json", BAD_DATASET)
        result = run("validate", good, bad)
        self.assertEqual(result.status, 1)
        self.assertTrue(result.lines[0].startswith(good + ": valid"))
        self.assertTrue(all(l.startswith(bad + ":") for l in result.lines[1:]))

    def test_not_json(self):
        path = self.write("broken.json", "{ \"format\": \"bilat\", \n")
        result = run("validate", path)
        self.assertEqual(result.status, 1)
        self.assertTrue(result.lines)
        self.assertTrue(result.lines[0].startswith(path + ":"))

    def test_missing_file(self):
        self.assertFails(run("validate", os.path.join(self.tmp, "none.json")), 1)


class DataOptionTest(ToolTestCase):
    def test_small_dataset(self):
        path = self.write("small.json", SMALL_DATASET)
        result = run("--data", path, "timeline")
        self.assertOk(result)
        self.assertEqual([row[1] for row in table_rows(result)],
                         ["embassy-1950", "drill-2016", "talks"])
        self.assertEqual(table_rows(result)[2][0], "unknown")
        # --data after the command works as well.
        self.assertEqual(run("timeline", "--data", path).out, result.out)
        events = run("--data", path, "timeline", "--json").json()
        self.assertEqual(events[2]["date"], None)
        exercises = run("--data", path, "exercises")
        self.assertIn("Cherat", exercises.out)
        self.assertIn("Drill", exercises.out)

    def test_succession_note(self):
        path = self.write("small.json", SMALL_DATASET)
        result = run("--data", path, "timeline", "--actor", "RUS")
        self.assertOk(result)
        self.assertIn("embassy-1950", result.lines[1])
        self.assertTrue(result.lines[2].lstrip().startswith("↳"))
        self.assertIn("SUN", result.lines[2])
        plain = run("--data", path, "timeline", "--actor", "RUS",
                    "--query", "succession:off")
        self.assertNotIn("embassy-1950", plain.out)
        option = run("--data", path, "timeline", "--actor", "RUS",
                     "--no-succession")
        self.assertOk(option)
        self.assertEqual(option.out, plain.out)
        # The option keeps the other terms of --query.
        both = run("--data", path, "timeline", "--no-succession", "--query",
                   "actor:RUS text:drill", "--json").json()
        self.assertEqual([e["id"] for e in both], ["drill-2016"])
        self.assertFails(run("timeline", "--no-succession", "--query",
                             'text:"open'), 2)

    def test_show_citation_with_quote(self):
        path = self.write("small.json", SMALL_DATASET)
        result = run("--data", path, "show", "talks")
        self.assertOk(result)
        self.assertIn("A briefing memo", result.out)
        self.assertIn("A. Analyst", result.out)
        self.assertIn("paragraph 3", result.out)
        self.assertIn("gas talks", result.out)
        self.assertIn("unknown", result.out)

    def test_catalogues(self):
        path = self.write("small.json", SMALL_DATASET)
        self.assertEqual([a["id"] for a in run("--data", path, "actors", "--json").json()],
                         ["PAK", "RUS", "SUN"])
        self.assertEqual([p["id"] for p in run("--data", path, "positions", "--json").json()],
                         ["pak-energy"])
        self.assertIn("2019-03", run("--data", path, "sources").out)

    def test_bad_dataset(self):
        path = self.write("bad.json", BAD_DATASET)
        line = self.assertFails(run("--data", path, "timeline"), 1)
        self.assertIn("bad.json", line)
        self.assertFails(run("--data", os.path.join(self.tmp, "none.json"), "actors"), 1)

    def test_empty_dataset(self):
        path = self.write("empty.json", {"format": "bilat", "version": 1})
        for command in ("timeline", "exercises", "positions", "actors", "issues",
                        "sources"):
            with self.subTest(command=command):
                result = run("--data", path, command)
                self.assertOk(result)
                self.assertEqual(len(result.lines), 1)
                self.assertEqual(run("--data", path, command, "--json").json(), [])


class LayoutTest(ToolTestCase):
    def test_builtin_fits(self):
        for args in (["timeline"], ["timeline", "--dyad", "PAK,RUS"],
                     ["exercises"], ["positions"], ["actors"], ["issues"],
                     ["convergence", "PAK", "RUS"], ["convergence", "RUS", "aslam"],
                     ["series"], ["series", "--by", "year"],
                     ["sources"], ["show", "relations-1948"], ["show", "RUS"],
                     ["show", "energy"], ["show", "aslam-oped"]):
            with self.subTest(args=args):
                result = run(*args)
                self.assertOk(result)
                self.assertFits(result)

    def test_long_and_wide_text(self):
        path = self.write("wide.json", WIDE_DATASET)
        for command in ("timeline", "actors", "show"):
            args = [command] if command != "show" else ["show", "cjk"]
            with self.subTest(command=command):
                result = run("--data", path, *args)
                self.assertOk(result)
                self.assertFits(result)
        # Through a pipe nothing is cut.
        piped = run("--data", path, "timeline")
        self.assertNotIn("…", piped.out)
        self.assertIn("e-" + "x" * 60, piped.lines[1])
        self.assertIn("中巴经济走廊" * 20, piped.out)
        # On a terminal the interval is never cut; ids that do not fit are,
        # with an ellipsis; the title, the longest text, wraps instead.
        timeline = run_tty(BILAT, ["--data", path, "timeline"], LINE_WIDTH)
        self.assertTrue(timeline.lines[1].startswith("2018-10-21/2018-11-04 "))
        self.assertIn("e-xxx", timeline.lines[1])
        self.assertIn("…", timeline.lines[1])
        self.assertIn("Écoles", timeline.lines[1])
        self.assertEqual(timeline.out.count("coopération"), 5)
        self.assertIn("中巴经济走廊", timeline.out)
        self.assertEqual("".join(timeline.out.split()).count("中巴经济走廊"), 20)

    def test_locale_independent(self):
        env = dict(os.environ, LC_ALL="C", LANG="C")
        result = run("show", "friendship-2018", env=env)
        self.assertOk(result)
        self.assertIn("“Growing Alliance", result.out)
        # Non-ASCII arguments are taken as UTF-8 whatever the locale.
        line = self.assertFails(run("timeline", "--actor", "Ünïcode", env=env), 1)
        self.assertIn("“Ünïcode”", line)


class UsageTest(ToolTestCase):
    def test_usage_errors(self):
        for args in ([], ["frobnicate"], ["timeline", "--bogus"],
                     ["timeline", "extra"], ["show"], ["show", "a", "b"],
                     ["validate"], ["timeline", "--from", "2018-13"],
                     ["timeline", "--from", "2018", "--to", "2015"],
                     ["timeline", "--type", "meeting"],
                     ["timeline", "--sector", "fishing"],
                     ["timeline", "--query", "colour:red"],
                     ["timeline", "--dyad", "PAK"],
                     ["timeline", "--dyad", "PAK,pak"],
                     ["timeline", "--actor", ","],
                     ["timeline", "--sector", ""],
                     ["--bogus", "timeline"]):
            with self.subTest(args=args):
                result = run(*args)
                self.assertFails(result, 2)
                self.assertEqual(result.out, "")

    def test_unknown_command_lists_commands(self):
        line = self.assertFails(run("frobnicate"), 2)
        for command in COMMANDS:
            self.assertIn(command, line)
        line = self.assertFails(run("timelime"), 2)
        self.assertIn("did you mean “timeline”", line)

    def test_help(self):
        result = run("--help")
        self.assertOk(result)
        for command in COMMANDS:
            self.assertTrue(any(l.split()[:1] == [command] for l in result.lines),
                            command)
        for option in ("--data", "--json", "--version", "--help"):
            self.assertIn(option, result.out)
        self.assertFits(result)

    def test_command_help(self):
        options = {
            "timeline": ["--actor", "--dyad", "--from", "--to", "--type",
                         "--sector", "--query"],
            "exercises": ["--actor", "--dyad", "--from", "--to"],
            "positions": ["--actor", "--issue"],
            "convergence": ["--from", "--to", "--sector", "--issue", "--query",
                            "--no-succession", "Examples"],
            "series": ["--by", "--csv", "--tsv", "--actor", "--dyad", "--from",
                       "--to", "--type", "--sector", "--query", "Examples"],
            "show": ["--kind"],
        }
        for command in COMMANDS:
            with self.subTest(command=command):
                result = run(command, "--help")
                self.assertOk(result)
                self.assertIn("bilat", result.lines[1])
                self.assertIn(command, result.lines[1])
                for option in ["--json", "--help"] + options.get(command, []):
                    self.assertIn(option, result.out)
                self.assertFits(result)
                self.assertEqual(run(command, "-h").out, result.out)

    def test_version(self):
        result = run("--version")
        self.assertOk(result)
        self.assertRegex(result.out, r"^bilat \d+\.\d+\.\d+\n$")


FIXTURES = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "data", "import")


def fixture(name):
    return os.path.join(FIXTURES, name)


def gdelt2_dyad_months(path, a, b):
    """The monthly series of a dyad in a GDELT 2.0 file, by a plain split:
    the independent answer the tool must give."""
    months = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            cols = line.rstrip("\n").split("\t")
            if len(cols) != 61 or {cols[7], cols[17]} != {a, b} or cols[7] == cols[17]:
                continue
            try:
                day = cols[1]
                gold = float(cols[30])
                quad = int(cols[29])
            except ValueError:
                continue
            m = months.setdefault(day[:4] + "-" + day[4:6], [0, 0.0, 0, 0, 0, 0])
            m[0] += 1
            m[1] += gold
            m[1 + quad] += 1
    return months


class EventFilesTest(ToolTestCase):
    def series_rows(self, result):
        rows = {}
        for line in result.lines[1:]:
            cols = line.split("\t")
            rows[cols[0]] = [int(cols[1]), float(cols[2])] + [int(c) for c in cols[3:7]]
        return rows

    def test_series_from_a_file_matches_a_plain_split(self):
        path = fixture("gdelt2.export.CSV")
        result = run("series", "--input", path, "--dyad", "pak,rus", "--tsv")
        self.assertEqual(result.status, 0, result.err)
        got = self.series_rows(result)
        expected = gdelt2_dyad_months(path, "PAK", "RUS")
        self.assertTrue(expected)
        for month, figures in expected.items():
            self.assertEqual(got[month][0], figures[0], month)
            self.assertAlmostEqual(got[month][1], figures[1], places=6)
            self.assertEqual(got[month][2:], figures[2:], month)
        # months in between with no event are there with 0
        self.assertEqual(sum(r[0] for r in got.values()), sum(f[0] for f in expected.values()))

    def test_two_files_with_two_jobs_equal_one_after_the_other(self):
        a = fixture("gdelt2.export.CSV")
        b = fixture("gdelt1-daily.export.CSV")
        together = run("series", "--input", a, "--input", b, "--jobs", "2", "--by", "year", "--csv")
        self.assertEqual(together.status, 0, together.err)
        first = run("series", "--input", a, "--by", "year", "--json").json()
        second = run("series", "--input", b, "--by", "year", "--json").json()
        counts = {}
        for doc in (first, second):
            for b_ in doc["bins"]:
                counts[b_["period"]] = counts.get(b_["period"], 0) + b_["events"]
        got = {line.split(",")[0]: int(line.split(",")[1]) for line in together.lines[1:]}
        for period, n in counts.items():
            self.assertEqual(got[period], n, period)

    def test_input_takes_several_files_as_a_glob_gives_them(self):
        a = fixture("gdelt2.export.CSV")
        b = fixture("gdelt1-daily.export.CSV")
        globbed = run("series", "--input", a, b, "--by", "year", "--csv")
        repeated = run("series", "--input", a, "--input", b, "--by", "year", "--csv")
        positional = run("series", a, b, "--by", "year", "--csv")
        mixed = run("series", a, "--input", b, "--by", "year", "--csv")
        self.assertEqual(globbed.status, 0, globbed.err)
        self.assertEqual(globbed.out, repeated.out)
        self.assertEqual(globbed.out, positional.out)
        self.assertEqual(globbed.out, mixed.out)
        # a file that is not there is a file error, not a usage error
        self.assertFails(run("series", a + ".missing"), 1)

    def test_bad_rows_are_reported_not_fatal(self):
        result = run("series", "--input", fixture("gdelt2-bad.export.CSV"), "--csv")
        self.assertEqual(result.status, 0, result.err)
        self.assertIn("bad row", result.err)
        self.assertIn("gdelt2-bad.export.CSV:", result.err)
        strict = run("series", "--input", fixture("gdelt2-bad.export.CSV"), "--strict", "--csv")
        self.assertEqual(strict.status, 1, strict.err)
        self.assertTrue(strict.err.startswith("bilat: "), strict.err)

    def test_import_writes_a_dataset_of_the_matching_events(self):
        out = os.path.join(self.tmp, "pak-rus.json")
        result = run("import", fixture("gdelt2.export.CSV"), "--dyad", "PAK,RUS", "-o", out)
        self.assertEqual(result.status, 0, result.err)
        self.assertIn("kept", result.err)
        expected = sum(f[0] for f in gdelt2_dyad_months(fixture("gdelt2.export.CSV"), "PAK", "RUS").values())
        timeline = run("--data", out, "timeline", "--json")
        self.assertEqual(timeline.status, 0, timeline.err)
        self.assertEqual(len(timeline.json()), expected)
        for record in timeline.json():
            actors = {p["actor"] for p in record["participants"]}
            self.assertTrue({"PAK", "RUS"} <= actors, record)
        valid = run("validate", out)
        self.assertEqual(valid.status, 0, valid.out + valid.err)

    def test_import_to_a_native_file(self):
        native = os.path.join(self.tmp, "all.bilat")
        json_out = os.path.join(self.tmp, "all.json")
        for out in (native, json_out):
            result = run("import", fixture("gdelt2.export.CSV"), fixture("icews.tab"), "-o", out)
            self.assertEqual(result.status, 0, result.err)
        with open(native, "rb") as f:
            self.assertEqual(f.read(8), b"BILAT\0st")
        # The same answers from the native file as from the JSON dataset.
        for args in (("timeline", "--json"), ("series", "--by", "month", "--tsv"),
                     ("series", "--dyad", "PAK,RUS", "--by", "day", "--csv"),
                     ("sources", "--json"), ("actors", "--json")):
            a = run("--data", native, *args)
            b = run("--data", json_out, *args)
            self.assertEqual(a.status, 0, a.err)
            self.assertEqual(a.out, b.out, args)
        # A damaged native file is refused, naming the section.
        with open(native, "rb") as f:
            data = bytearray(f.read())
        objects = section_offset(data, "objects")
        data[objects + 6] ^= 0x40
        damaged = os.path.join(self.tmp, "damaged.bilat")
        with open(damaged, "wb") as f:
            f.write(data)
        result = run("--data", damaged, "timeline")
        self.assertNotEqual(result.status, 0)
        self.assertIn("damaged.bilat", result.err)
        self.assertIn("section", result.err)
        # validate checks native files too.
        good = run("validate", native)
        self.assertEqual(good.status, 0, good.err)
        self.assertIn("valid native file", good.out)
        bad = run("validate", damaged)
        self.assertEqual(bad.status, 1)
        self.assertIn("section “objects”", bad.out)
        self.assertIn("1 problem", bad.err)
        # Damage in the rows, which are checked when first read: the
        # command stops there, before printing anything.
        day = section_offset(data, "events.day")
        data[objects + 6] ^= 0x40
        data[day + 4] ^= 0x01
        with open(damaged, "wb") as f:
            f.write(data)
        for args in (("series", "--by", "month"), ("timeline",), ("sources", "--json")):
            result = run("--data", damaged, *args)
            self.assertEqual(result.status, 1, args)
            self.assertEqual(result.out, "", args)
            self.assertIn("damaged.bilat: section “events.day”", result.err)
            self.assertNotIn("WARNING", result.err)
        bad = run("validate", damaged)
        self.assertEqual(bad.status, 1)
        self.assertIn("section “events.day”", bad.out)
        self.assertNotIn("WARNING", bad.err)

    def test_import_to_a_native_file_keeps_it_on_errors(self):
        native = os.path.join(self.tmp, "kept.bilat")
        result = run("import", fixture("gdelt2.export.CSV"), "-o", native)
        self.assertEqual(result.status, 0, result.err)
        with open(native, "rb") as f:
            before = f.read()
        # Rows of the layout whose dates are all bad: nothing is written.
        with open(fixture("gdelt2.export.CSV"), encoding="utf-8") as f:
            columns = f.readline().rstrip("\n").split("\t")
        bad = os.path.join(self.tmp, "bad.export.CSV")
        with open(bad, "w", encoding="utf-8") as f:
            for i in range(4):
                columns[0], columns[1] = str(1000 + i), "20191399"
                f.write("\t".join(columns) + "\n")
        result = run("import", bad, "--format", "gdelt2", "-o", native)
        self.assertEqual(result.status, 1, result.err)
        self.assertIn("Every one of the 4 rows read is bad", result.err)
        self.assertIn("bad.export.CSV", result.err)
        missing = run("import", os.path.join(self.tmp, "missing.CSV"), "-o", native)
        self.assertNotEqual(missing.status, 0)
        with open(native, "rb") as f:
            self.assertEqual(f.read(), before)
        self.assertEqual(sorted(os.listdir(self.tmp)), sorted(["bad.export.CSV", "kept.bilat"]))

    def test_icews_names_become_codes(self):
        out = os.path.join(self.tmp, "icews.json")
        result = run("import", fixture("icews.tab"), "-o", out)
        self.assertEqual(result.status, 0, result.err)
        actors = run("--data", out, "actors", "--json").json()
        ids = {a["id"] for a in actors}
        self.assertTrue(any(len(i) == 3 and i.isupper() for i in ids), ids)

    def test_usage_errors(self):
        self.assertFails(run("import", fixture("icews.tab")), 2)
        self.assertFails(run("import", fixture("icews.tab"), "--format", "csv", "-o", "x.json"), 2)
        self.assertFails(run("series", "--input", fixture("icews.tab"), "--jobs", "-3"), 2)
        missing = run("series", "--input", os.path.join(self.tmp, "nope.CSV"))
        self.assertEqual(missing.status, 1)
        self.assertIn("nope.CSV", missing.err)


class ExerciseDataTest(ToolTestCase):
    """MME: bilat import detects it; bilat exercises counts it per period."""

    def imported(self, *filters):
        out = os.path.join(self.tmp, "mme.json")
        result = run("import", fixture("mme.csv"), *filters, "-o", out)
        self.assertEqual(result.status, 0, result.err)
        return out, result

    def test_import_detects_and_reports(self):
        out, result = self.imported()
        # the unknown name and the bad date, with line, column and text
        self.assertIn("mme.csv:5: column 26 (StateA): “Atlantis”", result.err)
        self.assertIn("mme.csv:6: column 7 (StartDate): “2/30/95”", result.err)
        self.assertIn("kept 6 of 7", result.err)
        listed = run("--data", out, "exercises", "--json")
        self.assertEqual(listed.status, 0, listed.err)
        by_id = {e["id"]: e for e in listed.json()}
        self.assertEqual(sorted(by_id), ["mme:1", "mme:2", "mme:3", "mme:4", "mme:6", "mme:7"])
        self.assertEqual(by_id["mme:2"]["date"], "1989-08")
        self.assertEqual(by_id["mme:2"]["unknown_participants"], 2)
        self.assertEqual(by_id["mme:3"]["missions"], ["warfighting", "peacekeeping"])
        valid = run("validate", out)
        self.assertEqual(valid.status, 0, valid.out + valid.err)

    def test_import_strict_and_format(self):
        out = os.path.join(self.tmp, "x.json")
        strict = run("import", fixture("mme.csv"), "--strict", "-o", out)
        self.assertEqual(strict.status, 1, strict.err)
        self.assertIn("2/30/95", strict.err)
        self.assertFalse(os.path.exists(out))
        forced = run("import", fixture("mme.csv"), "--format", "mme", "-o", out)
        self.assertEqual(forced.status, 0, forced.err)
        wrong = run("import", fixture("mme.csv"), "--format", "icews", "-o", out)
        self.assertEqual(wrong.status, 1, wrong.err)

    def test_import_with_a_dyad(self):
        out, _ = self.imported("--dyad", "RUS,IND")
        listed = run("--data", out, "exercises", "--json")
        self.assertEqual([e["id"] for e in listed.json()], ["mme:2", "mme:6"])

    def test_counts_per_year(self):
        out, _ = self.imported()
        csv_result = run("--data", out, "exercises", "--dyad", "RUS,IND", "--by", "year", "--csv")
        self.assertOk(csv_result)
        lines = csv_result.lines
        self.assertEqual(lines[0], "year,exercises,command_post,air,land,sea,amphibious,cyber,"
                                   "warfighting,peacekeeping,humanitarian")
        self.assertEqual(lines[1], "1989,1,0,0,0,1,0,0,1,0,0")
        self.assertEqual(lines[-1], "2005,1,0,0,1,0,0,1,0,1,0")
        self.assertEqual(len(lines), 1 + 17)
        tsv = run("--data", out, "exercises", "--dyad", "RUS,IND", "--tsv")
        self.assertOk(tsv)
        self.assertEqual(tsv.out.replace("\t", ","), csv_result.out)
        own = run("--data", out, "exercises", "--dyad", "RUS,IND", "--by", "year",
                  "--no-succession", "--csv")
        self.assertEqual(own.lines[1:], ["2005,1,0,0,1,0,0,1,0,1,0"])
        by_month = run("--data", out, "exercises", "--by", "month", "--json")
        self.assertOk(by_month)
        data = by_month.json()
        self.assertEqual((data["unit"], data["total"], data["imprecise"]), ("month", 6, 0))
        self.assertEqual(data["periods"][0]["period"], "1980-01")
        table = run("--data", out, "exercises", "--dyad", "USA,IND", "--by", "year")
        self.assertOk(table)
        self.assertFits(table)
        self.assertEqual(table.out, "No dated exercises match.\n")
        bad = run("--data", out, "exercises", "--by", "week")
        self.assertFails(bad, 2)


if __name__ == "__main__":
    unittest.main(verbosity=2)
