# SPDX-License-Identifier: LGPL-2.1-or-later
"""bilat plot series|timeline|affinity: the files it writes (SVG read
back for its structure, PNG and PDF by their magic and size), its
options (--size, --title, filters, event files) and every bad option,
which writes no file."""

import json
import os
import shutil
import struct
import subprocess
import tempfile
import unittest
import xml.etree.ElementTree as ET

BILAT = os.environ.get("BILAT", "bilat")
SRCDIR = os.path.dirname(os.path.abspath(__file__))
EVENT_FILE = os.path.join(SRCDIR, "..", "data", "import", "gdelt2.export.CSV")

# Positions dated in three years, for the affinity chart: 2017 shares
# three issues, 2018 one (thin), 2019 none.
DATASET = {
    "format": "bilat",
    "version": 1,
    "actors": [{"id": "PAK", "kind": "state"}, {"id": "RUS", "kind": "state"},
               {"id": "IND", "kind": "state"}],
    "issues": [{"id": i} for i in ("energy", "cpec", "sco")],
    "events": [
        {"id": "talks", "type": "event", "date": "2017-03-01", "title": "Talks",
         "participants": [{"actor": "PAK"}, {"actor": "RUS"}], "cameo": "040"},
        {"id": "drill", "type": "exercise", "date": "2017-09-24/2017-10-07",
         "title": "Friendship 2017", "participants": [{"actor": "PAK"}, {"actor": "RUS"}]},
        {"id": "deal", "type": "event", "date": "2018", "title": "A deal that year",
         "participants": [{"actor": "PAK"}, {"actor": "RUS"}]},
        {"id": "undated", "type": "event", "date": None, "title": "Some time",
         "participants": [{"actor": "PAK"}, {"actor": "RUS"}]},
        {"id": "india", "type": "event", "date": "2018-05-02", "title": "Talks with India",
         "participants": [{"actor": "IND"}, {"actor": "RUS"}], "cameo": "111"},
    ],
    "positions": [
        {"id": "%s-%s-%d" % (h, i, y), "holder": h, "issue": i, "stance": s, "date": str(y)}
        for y, issues in ((2017, ("energy", "cpec", "sco")), (2018, ("energy",)))
        for i in issues
        for h, s in (("PAK", "supports"), ("RUS", "supports" if i != "cpec" else "opposes"),
                     ("IND", "opposes"))
    ],
}


def run(*args):
    completed = subprocess.run([BILAT, *args], capture_output=True, timeout=120, check=False)
    return completed.returncode, completed.stdout.decode("utf-8"), completed.stderr.decode("utf-8")


def has_plot():
    return "\n  plot " in run("--help")[1]


def classes(root, cls):
    words = set(cls.split())
    return [e for e in root.iter() if words <= set(e.get("class", "").split())]


@unittest.skipUnless(has_plot(), "bilat is built without libbilat-plot")
class PlotTest(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix="bilat-plot-tool-")
        self.dataset = os.path.join(self.tmp, "data.json")
        with open(self.dataset, "w", encoding="utf-8") as f:
            json.dump(DATASET, f)

    def tearDown(self):
        shutil.rmtree(self.tmp)

    def path(self, name):
        return os.path.join(self.tmp, name)

    def plot(self, *args):
        status, out, err = run("plot", *args)
        self.assertEqual(status, 0, err)
        self.assertEqual(out, "")
        self.assertEqual(err, "")

    def svg(self, name):
        return ET.parse(self.path(name)).getroot()

    def test_series_of_the_builtin_dataset(self):
        self.plot("series", "--dyad", "PAK,RUS", "--by", "year", "-o", self.path("s.svg"))
        root = self.svg("s.svg")
        self.assertEqual([t.text for t in classes(root, "title")], ["Events per year: PAK–RUS"])
        status, out, _ = run("series", "--dyad", "PAK,RUS", "--by", "year", "--json")
        bins = json.loads(out)["bins"]
        bars = classes(root, "bar")
        self.assertEqual(sum(int(b.get("data-count")) for b in bars),
                         sum(b["events"] for b in bins))
        self.assertEqual(len({b.get("data-bin") for b in bars}),
                         len([b for b in bins if b["events"] > 0]))

    def test_series_of_event_files(self):
        self.plot("series", EVENT_FILE, "--by", "day", "-o", self.path("g.pdf"))
        with open(self.path("g.pdf"), "rb") as f:
            self.assertTrue(f.read().startswith(b"%PDF-"))
        self.plot("series", "--input", EVENT_FILE, "--by", "day", "-o", self.path("g.svg"))
        self.assertGreater(len(classes(self.svg("g.svg"), "bar")), 0)

    def test_timeline(self):
        self.plot("--data", self.dataset, "timeline", "--title", "PAK & RUS",
                  "-o", self.path("t.svg"), "--size", "900x450")
        root = self.svg("t.svg")
        self.assertEqual((root.get("width"), root.get("height")), ("900", "450"))
        self.assertEqual([t.text for t in classes(root, "title")], ["PAK & RUS"])
        self.assertEqual(len(classes(root, "span exercise")), 1)
        self.assertEqual(len(classes(root, "span event year")), 1)
        self.assertEqual([t.text for t in classes(root, "undated")], ["Some time"])
        # the filters of bilat timeline
        self.plot("--data", self.dataset, "timeline", "--type", "exercise", "-o", self.path("x.svg"))
        self.assertEqual(len(classes(self.svg("x.svg"), "label")), 1)

    def test_affinity(self):
        self.plot("--data", self.dataset, "affinity", "--dyad", "PAK,RUS", "-o", self.path("a.svg"))
        points = classes(self.svg("a.svg"), "point")
        self.assertEqual([p.get("data-year") for p in points], ["2017", "2018"])
        self.assertEqual([p.get("data-year") for p in classes(self.svg("a.svg"), "point thin")],
                         ["2018"])

    def test_affinity_of_votes(self):
        """With UN votes in the dataset, the chart is their S per year, thin
        years marked, as `bilat affinity --by year` gives them."""
        tables = {
            "rc.csv": "rcid,session,importantvote,date,unres,amend,para,short,descr\n"
                      "1,60,1,2005-11-02,R/60/1,,,First,First\n"
                      "2,60,0,2005-12-20,R/60/2,,,Second,Second\n"
                      "3,61,0,2006-10-05,R/61/1,,,Third,Third\n",
            "votes.csv": "rcid,country,country_code,vote\n"
                         "1,Pakistan,PK,yes\n1,Russia,RU,yes\n2,Pakistan,PK,abstain\n2,Russia,RU,yes\n"
                         "3,Pakistan,PK,yes\n3,Russia,RU,no\n",
        }
        files = []
        for name, text in tables.items():
            with open(self.path(name), "w") as f:
                f.write(text)
            files.append(self.path(name))
        status, _, err = run("import", *files, "--format", "unga", "-o", self.path("unga.json"))
        self.assertEqual(status, 0, err)
        self.plot("--data", self.path("unga.json"), "affinity", "--dyad", "PAK,RUS", "-o", self.path("v.svg"))
        points = classes(self.svg("v.svg"), "point")
        self.assertEqual([p.get("data-year") for p in points], ["2005", "2006"])
        # Fewer than 10 shared roll calls in each year: both thin.
        self.assertEqual(len(classes(self.svg("v.svg"), "point thin")), 2)
        status, out, err = run("--data", self.path("unga.json"), "affinity", "PAK", "RUS", "--by", "year",
                               "--csv")
        self.assertEqual(status, 0, err)
        self.assertEqual([line.split(",")[0] for line in out.splitlines()[1:]], ["2005", "2006"])

    def test_several_dyads(self):
        self.plot("--data", self.dataset, "series", "--dyad", "PAK,RUS", "--dyad", "IND,RUS",
                  "--by", "year", "-o", self.path("two.svg"))
        root = self.svg("two.svg")
        bars = classes(root, "bar")
        self.assertEqual({(b.get("data-series"), b.get("data-count")) for b in bars},
                         {("0", "1"), ("1", "1")})
        self.assertEqual([t.text for t in classes(root, "title")],
                         ["Events per year: PAK–RUS and IND–RUS"])
        self.plot("--data", self.dataset, "affinity", "--dyad", "PAK,RUS", "--dyad", "PAK,IND",
                  "-o", self.path("lines.svg"))
        root = self.svg("lines.svg")
        self.assertEqual([t.text for t in classes(root, "legend-label")][:2], ["PAK–RUS", "PAK–IND"])
        self.assertEqual(len([p for p in classes(root, "point") if p.get("data-line") == "1"]), 2)
        status, _, err = run("--data", self.dataset, "plot", "timeline", "--dyad", "PAK,RUS",
                             "--dyad", "IND,RUS", "-o", self.path("t.svg"))
        self.assertEqual(status, 2)
        self.assertIn("takes one --dyad", err)
        self.assertFalse(os.path.exists(self.path("t.svg")))

    def test_png_sizes(self):
        for size, expected in (("640x400", (640, 400)), ("300x150pt", (400, 200))):
            self.plot("series", "--size", size, "-o", self.path("c.png"))
            with open(self.path("c.png"), "rb") as f:
                data = f.read()
            self.assertEqual(data[:8], b"\x89PNG\r\n\x1a\n")
            self.assertEqual(struct.unpack(">II", data[16:24]), expected)

    def test_bad_options_write_nothing(self):
        out = self.path("bad.svg")
        cases = [
            (["pie", "-o", out], 2, "unknown chart “pie”"),
            ([], 2, "needs a chart"),
            (["series"], 2, "needs --output"),
            (["series", "-o", self.path("bad.gif")], 2, ".svg, .png or .pdf"),
            (["series", "-o", out, "--size", "big"], 2, "--size"),
            (["series", "-o", out, "--size", "0x400"], 1, "size is zero"),
            (["series", "-o", out, "--size", "20x20"], 1, "too small"),
            (["series", "-o", out, "--dyad", "PAK,USA"], 1, "no dated event"),
            (["timeline", "-o", out, "--from", "1700", "--to", "1701"], 1, "no event"),
            (["affinity", "-o", out], 2, "needs --dyad"),
            (["affinity", "-o", out, "--dyad", "PAK,RUS"], 1, "nothing to plot"),
            (["series", "-o", self.path("missing/x.svg")], 1, "missing"),
        ]
        for args, expected_status, words in cases:
            with self.subTest(args=args):
                status, stdout, err = run("plot", *args)
                self.assertEqual(status, expected_status, err)
                self.assertEqual(stdout, "")
                self.assertEqual(len(err.splitlines()), 1, err)
                self.assertIn(words, err)
        self.assertEqual(os.listdir(self.tmp), ["data.json"])


if __name__ == "__main__":
    unittest.main(verbosity=2)
