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

BILAT = os.environ.get("BILAT", "bilat")
LINE_WIDTH = 80

COMMANDS = ["timeline", "exercises", "positions", "actors", "issues",
            "sources", "show", "validate"]

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
    def __init__(self, completed):
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


def run(*args, env=None):
    completed = subprocess.run([BILAT, *args], capture_output=True,
                               env=env, timeout=60, check=False)
    return Result(completed)


def table_rows(result):
    """The cells of the rows of a table, the header left out; note lines
    (under a row) are left out too."""
    rows = []
    for line in result.lines[1:]:
        if line.lstrip().startswith("↳"):
            continue
        rows.append(line.split())
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
        for line in result.lines:
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
        timeline = run("--data", path, "timeline")
        # The interval is never cut; long text is, with an ellipsis.
        self.assertTrue(timeline.lines[1].startswith("2018-10-21/2018-11-04 "))
        self.assertTrue(timeline.lines[1].endswith("…"))
        self.assertTrue(timeline.lines[2].endswith("…"))
        self.assertIn("Écoles", timeline.lines[1])
        self.assertIn("中巴经济走廊", timeline.lines[2])

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


if __name__ == "__main__":
    unittest.main(verbosity=2)
