# SPDX-License-Identifier: LGPL-2.1-or-later
"""Which options each command of the bilat tool accepts, table-driven.

Every command is run with every global option (--data FILE and --json,
before and after the command name) and with every option of any command:
an option the command uses works, one it does not use is a usage error
(exit status 2) with a one-line message on standard error and nothing on
standard output. Combinations that cannot apply (event files with --data,
--type exercise or --sector; event-file options without event files) are
usage errors that say why. Each command's --help lists exactly the options
it accepts and, when it has --json, says what --json prints.
"""

import json
import os
import shutil
import subprocess
import tempfile
import unittest

BILAT = os.environ.get("BILAT", "bilat")
SRCDIR = os.path.dirname(os.path.abspath(__file__))
EVENT_FILE = os.path.join(SRCDIR, "..", "data", "import", "gdelt2.export.CSV")

# A dataset with the records the commands below name; the built-in
# dataset has them too.
DATASET = {
    "format": "bilat",
    "version": 1,
    "actors": [
        {"id": "PAK", "kind": "state"},
        {"id": "RUS", "kind": "state"},
    ],
    "issues": [{"id": "energy"}],
    "events": [
        {"id": "friendship-2018", "type": "exercise", "date": "2018",
         "participants": [{"actor": "PAK"}, {"actor": "RUS"}]},
    ],
    "positions": [
        {"id": "pak-energy", "holder": "PAK", "issue": "energy",
         "stance": "supports"},
    ],
}

# Every option of any command, with a value that parses where it takes one.
OPTIONS = {
    "--actor": "PAK", "--dyad": "PAK,RUS", "--from": "2015", "--to": "2019",
    "--type": "event", "--sector": "defence", "--issue": "energy",
    "--query": "", "--kind": "event", "--no-succession": None,
    "--by": "year", "--csv": None, "--tsv": None, "--input": EVENT_FILE,
    "--jobs": "1", "--format": "gdelt2", "--output": "OUT", "--strict": None,
    "--year": "1991", "--date": "1985-06-01",
    "--size": "640x400", "--title": "A title",
}

FILTERS = {"--actor", "--dyad", "--from", "--to", "--sector", "--query",
           "--no-succession"}

# command: (arguments that make it succeed, the options of its own, whether
# it prints JSON, whether it reads the dataset)
COMMANDS = {
    "timeline": ([], FILTERS | {"--type"}, True, True),
    "exercises": ([], FILTERS | {"--by", "--csv", "--tsv"}, True, True),
    "positions": ([], {"--actor", "--dyad", "--issue", "--query",
                       "--no-succession"}, True, True),
    "convergence": (["PAK", "RUS"], {"--from", "--to", "--sector", "--issue",
                                     "--query", "--no-succession"}, True, True),
    "actors": ([], set(), True, True),
    "issues": ([], set(), True, True),
    "sources": ([], set(), True, True),
    "show": (["friendship-2018"], {"--kind"}, True, True),
    "series": ([], FILTERS | {"--type", "--by", "--csv", "--tsv", "--input",
                              "--jobs", "--format", "--strict"}, True, True),
    "import": ([EVENT_FILE, "--output", "OUT"],
               (FILTERS - {"--sector"}) | {"--input", "--format", "--output",
                                           "--strict"}, False, False),
    "validate": (["DATASET"], set(), True, False),
    "states": (["--year", "1991"], {"--year", "--date"}, True, False),
    "code": (["365", "--from", "cow", "--to", "iso3", "--date", "1985-06-01"],
             {"--from", "--to", "--year", "--date"}, True, False),
}


class Result:
    def __init__(self, completed):
        self.status = completed.returncode
        self.out = completed.stdout.decode("utf-8")
        self.err = completed.stderr.decode("utf-8")


def run(*args):
    return Result(subprocess.run([BILAT, *args], capture_output=True,
                                 timeout=60, check=False))


# `bilat plot` exists when the tool is built with libbilat-plot.
HAS_PLOT = "\n  plot " in subprocess.run([BILAT, "--help"], capture_output=True,
                                        check=False).stdout.decode("utf-8")
if HAS_PLOT:
    COMMANDS["plot"] = (["series", "--output", "OUT_SVG"],
                        FILTERS | {"--type", "--by", "--issue", "--input", "--jobs",
                                   "--format", "--strict", "--output", "--size",
                                   "--title"}, False, True)


def options_in_help(text):
    """The long options listed in the Options section of a --help text."""
    found = set()
    in_options = False
    for line in text.splitlines():
        if line.endswith("Options:"):
            in_options = True
            continue
        if in_options and not line.strip():
            break
        if in_options:
            for word in line.replace(",", " ").split():
                if word.startswith("--"):
                    found.add(word.split("=")[0])
    return found


class OptionTableTest(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix="bilat-options-test-")
        self.dataset = os.path.join(self.tmp, "dataset.json")
        with open(self.dataset, "w", encoding="utf-8") as f:
            json.dump(DATASET, f)

    def tearDown(self):
        shutil.rmtree(self.tmp)

    def args_of(self, command):
        args = COMMANDS[command][0]
        return [self.dataset if a == "DATASET"
                else os.path.join(self.tmp, "out.json") if a == "OUT"
                else os.path.join(self.tmp, "out.svg") if a == "OUT_SVG"
                else a for a in args]

    def option_args(self, option):
        value = OPTIONS[option]
        if value is None:
            return [option]
        if value == "OUT":
            value = os.path.join(self.tmp, "other.json")
        return [option, value]

    def assertUsageError(self, result, *words):
        self.assertEqual(result.status, 2, result.out + result.err)
        self.assertEqual(result.out, "")
        lines = result.err.splitlines()
        self.assertEqual(len(lines), 1, result.err)
        self.assertTrue(lines[0].startswith("bilat: "), lines[0])
        for word in words:
            self.assertIn(word, lines[0])
        return lines[0]

    def test_every_command_runs(self):
        for command in COMMANDS:
            with self.subTest(command=command):
                result = run(command, *self.args_of(command))
                self.assertEqual(result.status, 0, result.err)

    def test_every_command_with_every_global_option(self):
        for command, (_, _, has_json, reads_dataset) in COMMANDS.items():
            args = self.args_of(command)
            for before in (True, False):
                with self.subTest(command=command, option="--json", before=before):
                    line = ["--json", command, *args] if before else [command, *args, "--json"]
                    result = run(*line)
                    if has_json:
                        self.assertEqual(result.status, 0, result.err)
                        json.loads(result.out)
                    else:
                        self.assertUsageError(result, command, "--json", "does not apply")
                with self.subTest(command=command, option="--data", before=before):
                    data = ["--data", self.dataset]
                    line = [*data, command, *args] if before else [command, *args, *data]
                    result = run(*line)
                    if reads_dataset:
                        self.assertEqual(result.status, 0, result.err)
                    else:
                        self.assertUsageError(result, command, "--data", "does not apply")
                    # a dataset that cannot be read is never silently ignored
                    missing = ["--data", os.path.join(self.tmp, "missing.json")]
                    result = run(command, *args, *missing)
                    self.assertNotEqual(result.status, 0, result.out)

    def test_every_command_with_every_option(self):
        for command, (args, own, _, _) in COMMANDS.items():
            args = self.args_of(command)
            for option in OPTIONS:
                with self.subTest(command=command, option=option):
                    result = run(command, *args, *self.option_args(option))
                    if option not in own:
                        self.assertUsageError(result, option)

    def test_help_lists_exactly_the_options_used(self):
        for command, (_, own, has_json, reads_dataset) in COMMANDS.items():
            with self.subTest(command=command):
                result = run(command, "--help")
                self.assertEqual(result.status, 0, result.err)
                expected = set(own) | {"--help"}
                if has_json:
                    expected.add("--json")
                if reads_dataset:
                    expected.add("--data")
                self.assertEqual(options_in_help(result.out), expected)
                # what --json prints, said once, in the help of every
                # command that has it
                self.assertEqual(result.out.count("With --json, prints "),
                                 1 if has_json else 0, result.out)

    def test_impossible_combinations(self):
        events = [EVENT_FILE]
        cases = [
            (["series", *events, "--data", self.dataset], ["--data", "event files"]),
            (["--data", self.dataset, "series", "--input", EVENT_FILE], ["--data", "event files"]),
            (["series", *events, "--type", "exercise"], ["--type exercise", "no exercises"]),
            (["series", *events, "--query", "type:exercise"], ["type:exercise", "no exercises"]),
            (["series", *events, "--sector", "energy"], ["--sector", "no sectors"]),
            (["series", *events, "--query", "sector:energy"], ["sector:", "no sectors"]),
            (["series", "--jobs", "2"], ["--jobs", "event files"]),
            (["series", "--format", "gdelt2"], ["--format", "event files"]),
            (["series", "--strict"], ["--strict", "event files"]),
            (["series", *events, "--jobs", "0"], ["--jobs"]),
            (["import", *events, "--query", "type:exercise",
              "--output", os.path.join(self.tmp, "x.json")], ["type:exercise", "no exercises"]),
            (["import", *events, "--query", "sector:energy",
              "--output", os.path.join(self.tmp, "x.json")], ["sector:", "no sectors"]),
            (["import", *events, "--json"], ["--json", "does not apply"]),
            (["import", *events, "--data", "/nonexistent"], ["--data", "does not apply"]),
            (["validate", self.dataset, "--data", "x"], ["--data", "does not apply"]),
            (["states"], ["states", "--year", "--date"]),
            (["states", "--year", "1991", "--date", "1991"], ["--year", "--date", "not both"]),
            (["states", "--year", "1991-06"], ["--year", "1991-06"]),
            (["code", "365", "--from", "cox"], ["--from", "cox", "cow"]),
            (["code", "365", "--from", "cow", "--to", "iso4"], ["--to", "iso4"]),
            (["code"], ["code", "CODE"]),
            (["code", "365", "--from", "cow", "--date", "1985-13"], ["1985-13"]),
        ]
        if HAS_PLOT:
            svg = os.path.join(self.tmp, "x.svg")
            cases += [
                (["plot", "timeline", *events, "-o", svg], ["event files", "plot series"]),
                (["plot", "affinity", "--input", EVENT_FILE, "-o", svg], ["event files"]),
                (["plot", "timeline", "--by", "year", "-o", svg], ["--by", "plot series"]),
                (["plot", "affinity", "--dyad", "PAK,RUS", "--type", "exercise", "-o", svg],
                 ["--type", "plot affinity"]),
                (["plot", "series", "--issue", "energy", "-o", svg], ["--issue", "plot affinity"]),
                (["plot", "series", *events, "--data", self.dataset, "-o", svg],
                 ["--data", "event files"]),
                (["plot", "timeline", "--jobs", "2", "-o", svg], ["--jobs", "event files"]),
            ]
        for args, words in cases:
            with self.subTest(args=args):
                self.assertUsageError(run(*args), *words)
        self.assertFalse(os.path.exists(os.path.join(self.tmp, "x.json")))
        self.assertFalse(os.path.exists(os.path.join(self.tmp, "x.svg")))

    def test_event_files_are_positional(self):
        out_a = os.path.join(self.tmp, "a.json")
        out_b = os.path.join(self.tmp, "b.json")
        for command, extra in (("series", ["--by", "year", "--json"]),
                               ("import", ["--dyad", "PAK,RUS"])):
            with self.subTest(command=command):
                if command == "import":
                    positional = run(command, EVENT_FILE, *extra, "-o", out_a)
                    spelled = run(command, "--input", EVENT_FILE, *extra, "-o", out_b)
                    self.assertEqual(positional.status, 0, positional.err)
                    self.assertEqual(spelled.status, 0, spelled.err)
                    with open(out_a, encoding="utf-8") as a, open(out_b, encoding="utf-8") as b:
                        self.assertEqual(json.load(a), json.load(b))
                else:
                    positional = run(command, EVENT_FILE, *extra)
                    spelled = run(command, "--input", EVENT_FILE, *extra)
                    self.assertEqual(positional.status, 0, positional.err)
                    self.assertEqual(positional.out, spelled.out)
                    self.assertGreater(sum(b["events"] for b in json.loads(positional.out)["bins"]), 0)


if __name__ == "__main__":
    unittest.main(verbosity=2)
