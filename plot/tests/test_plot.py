#!/usr/bin/env python3
# SPDX-License-Identifier: LGPL-2.1-or-later
"""libbilat-plot through GObject introspection: charts from fixed data,
checked on the structure of their SVG (bars per bin and their heights,
tick labels, legend entries, labels that do not overlap), the PNG and
PDF files, and every bad option."""

import os
import shutil
import struct
import tempfile
import unittest
import xml.etree.ElementTree as ET

import gi

gi.require_version("Bilat", "1.0")
gi.require_version("BilatPlot", "1.0")
from gi.repository import Bilat, BilatPlot, Gio, GLib  # noqa: E402

EVENT_FILE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..",
                          "tests", "data", "import", "gdelt2.export.CSV")

SVG = "{http://www.w3.org/2000/svg}"


def julian(year, month, day):
    return GLib.Date.new_dmy(day, month, year).get_julian()


def make_series():
    """2015: 2 verbal cooperation, 1 material conflict; 2016: none;
    2017: material cooperation, verbal conflict, one without class."""
    series = Bilat.Series.new(Bilat.SeriesUnit.YEAR)
    Q = Bilat.QuadClass
    for (y, m), g, q in [((2015, 3), 3.0, Q.VERBAL_COOPERATION),
                         ((2015, 4), 1.0, Q.VERBAL_COOPERATION),
                         ((2015, 5), -5.0, Q.MATERIAL_CONFLICT),
                         ((2017, 1), 7.0, Q.MATERIAL_COOPERATION),
                         ((2017, 2), -2.0, Q.VERBAL_CONFLICT),
                         ((2017, 3), float("nan"), Q.NONE)]:
        series.add_observation(julian(y, m, 1), g, q)
    return series


def svg_of(chart):
    data = chart.save_to_bytes(BilatPlot.Format.SVG).get_data()
    return ET.fromstring(data)


def items(root, cls):
    """The elements whose class list holds every word of cls."""
    words = set(cls.split())
    return [e for e in root.iter()
            if words <= set(e.get("class", "").split())]


def texts(root, cls):
    return [e.text for e in items(root, cls)]


def box(text):
    """The box a <text> covers: its measured width and its font size."""
    x = float(text.get("x"))
    y = float(text.get("y"))
    width = float(text.get("textLength"))
    size = float(text.get("font-size"))
    anchor = {"start": 0, "middle": 0.5, "end": 1}[text.get("text-anchor")]
    left = x - anchor * width
    return (left, y - 0.8 * size, left + width, y + 0.25 * size)


def overlap(a, b):
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


class ChartTestCase(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix="bilat-plot-test-")

    def tearDown(self):
        shutil.rmtree(self.tmp)

    def path(self, name):
        return os.path.join(self.tmp, name)

    def assertPlotError(self, code, call, *args):
        with self.assertRaises(GLib.Error) as caught:
            call(*args)
        self.assertEqual(caught.exception.domain, "bilat-plot-error-quark")
        self.assertEqual(caught.exception.code, int(code), caught.exception.message)
        return caught.exception.message


class SeriesChartTest(ChartTestCase):
    def test_bars_per_bin_and_heights(self):
        chart = BilatPlot.SeriesChart.new()
        chart.add_series(make_series(), "PAK–RUS")
        root = svg_of(chart)

        bars = items(root, "bar")
        per_bin = {}
        for bar in bars:
            per_bin.setdefault(int(bar.get("data-bin")), []).append(bar)
        self.assertEqual({b: len(v) for b, v in per_bin.items()}, {0: 2, 2: 3})

        # heights proportional to the counts, the same scale for all
        scales = {float(b.get("height")) / int(b.get("data-count")) for b in bars}
        self.assertAlmostEqual(max(scales), min(scales), places=1)
        # stacked: each segment starts where the one below ends
        for segments in per_bin.values():
            segments.sort(key=lambda b: -float(b.get("y")))
            for lower, upper in zip(segments, segments[1:]):
                self.assertAlmostEqual(float(upper.get("y")) + float(upper.get("height")),
                                       float(lower.get("y")), places=1)
        # cooperation below conflict in the stack
        classes = [s.get("class") for s in sorted(per_bin[0], key=lambda b: -float(b.get("y")))]
        self.assertEqual(classes, ["bar q1", "bar q4"])

        self.assertEqual(texts(root, "tick y"), ["0", "1", "2", "3"])
        self.assertEqual(texts(root, "tick y2"), ["-10", "-5", "0", "5", "10"])
        self.assertEqual(texts(root, "tick x"), ["2015", "2016", "2017"])
        self.assertEqual(texts(root, "legend-label"),
                         ["Verbal cooperation", "Material cooperation", "Verbal conflict",
                          "Material conflict", "No QuadClass", "Goldstein mean, PAK–RUS"])
        self.assertEqual(texts(root, "title"), ["Events per year: PAK–RUS"])
        # the Goldstein means of 2015 and 2017, broken over 2016
        self.assertEqual(len(items(root, "goldstein-point")), 2)
        self.assertEqual(len(items(root, "goldstein")), 0)

    def test_several_series_side_by_side(self):
        chart = BilatPlot.SeriesChart.new()
        chart.add_series(make_series(), "PAK–RUS")
        chart.add_series(make_series(), "IND–RUS")
        root = svg_of(chart)
        bars = items(root, "bar")
        for b in (0, 2):
            left = [e for e in bars if e.get("data-bin") == str(b) and e.get("data-series") == "0"]
            right = [e for e in bars if e.get("data-bin") == str(b) and e.get("data-series") == "1"]
            self.assertEqual(len(left), len(right))
            self.assertLessEqual(float(left[0].get("x")) + float(left[0].get("width")),
                                 float(right[0].get("x")) + 0.01)
        self.assertIn("Bars, left to right: PAK–RUS, IND–RUS", texts(root, "legend-label"))
        self.assertIn("Goldstein mean, IND–RUS", texts(root, "legend-label"))

    def test_many_bins_labels_fit(self):
        series = Bilat.Series.new(Bilat.SeriesUnit.DAY)
        start = julian(2019, 1, 1)
        for d in range(0, 365, 3):
            series.add_observation(start + d, 1.0, Bilat.QuadClass.VERBAL_COOPERATION)
        chart = BilatPlot.SeriesChart.new()
        chart.add_series(series, None)
        root = svg_of(chart)
        labels = items(root, "tick x")
        self.assertGreater(len(labels), 3)
        boxes = [box(t) for t in labels]
        for a, b in zip(boxes, boxes[1:]):
            self.assertFalse(overlap(a, b), (a, b))

    def test_from_store_in_two_lines(self):
        store = Bilat.Store.new_builtin("pakistan-russia")
        chart = BilatPlot.SeriesChart.new_for_store(store, Bilat.Query.parse("dyad:PAK,RUS"), Bilat.SeriesUnit.YEAR)
        chart.save_to_file(self.path("pak-rus.svg"), BilatPlot.Format.AUTO)
        root = ET.parse(self.path("pak-rus.svg")).getroot()
        self.assertEqual(texts(root, "title"), ["Events per year: PAK–RUS"])
        counted = sum(int(b.get("data-count")) for b in items(root, "bar"))
        series = store.compute_series(Bilat.Query.parse("dyad:PAK,RUS"), Bilat.SeriesUnit.YEAR)
        self.assertEqual(counted, series.get_total())


    def test_streamed_from_event_files(self):
        importer = Bilat.Importer.new()
        series, _ = importer.compute_series([Gio.File.new_for_path(EVENT_FILE)], Bilat.SeriesUnit.DAY)
        chart = BilatPlot.SeriesChart.new()
        chart.add_series(series, "GDELT 2.0")
        root = svg_of(chart)
        self.assertEqual(sum(int(b.get("data-count")) for b in items(root, "bar")),
                         series.get_total())
        self.assertEqual(texts(root, "title"), ["Events per day: GDELT 2.0"])


class TimelineChartTest(ChartTestCase):
    def make_chart(self, n_days=0):
        chart = BilatPlot.TimelineChart.new()
        specs = [(Bilat.Event, "day", "Talks in Moscow", "2016-03-14"),
                 (Bilat.Event, "month", "Visit", "2016-07"),
                 (Bilat.Event, "year", "Agreement signed that year", "2017"),
                 (Bilat.Exercise, "drill", "Friendship 2016", "2016-09-24/2016-10-10"),
                 (Bilat.Event, "undated", "Arms trade", None)]
        for i in range(n_days):
            specs.append((Bilat.Event, "e%d" % i, "Meeting number %d" % i,
                          "2016-%02d-%02d" % (1 + i % 12, 1 + i % 28)))
        for kind, ident, title, when in specs:
            event = kind(id=ident)
            event.set_title(title)
            if when:
                event.set_date(Bilat.Date.parse(when))
            chart.add_event(event)
        return chart

    def test_marks_spans_and_precision(self):
        root = svg_of(self.make_chart())
        self.assertEqual(len(items(root, "mark event day")), 1)
        year = items(root, "span event year")[0]
        month = items(root, "span event period")[0]
        drill = items(root, "span exercise")[0]
        # one scale for all spans: the year as wide as its 365 days
        per_day = [float(e.get("width")) / (int(e.get("data-last")) - int(e.get("data-first")) + 1)
                   for e in (year, month, drill)]
        self.assertAlmostEqual(min(per_day), max(per_day), places=2)
        self.assertEqual(int(year.get("data-last")) - int(year.get("data-first")) + 1, 365)
        self.assertEqual(year.get("stroke-dasharray"), "3")
        self.assertEqual(texts(root, "undated"), ["Arms trade"])
        self.assertEqual(texts(root, "undated-heading"), ["Of unknown date (1):"])
        self.assertEqual(texts(root, "legend-label"),
                         ["Event", "Event over a month or a period", "Event dated only to a year",
                          "Exercise"])
        self.assertEqual(len(texts(root, "label")), 4)
        ticks = texts(root, "tick x")
        self.assertIn("2017", " ".join(ticks))

    def test_labels_do_not_overlap(self):
        chart = self.make_chart(n_days=60)
        chart.set_size(900, 600, BilatPlot.Unit.PIXELS)
        root = svg_of(chart)
        labels = items(root, "label")
        self.assertGreater(len(labels), 10)
        boxes = [box(t) for t in labels]
        for i, a in enumerate(boxes):
            self.assertGreaterEqual(a[0], 0)
            self.assertLessEqual(a[2], 900)
            for b in boxes[i + 1:]:
                self.assertFalse(overlap(a, b), (a, b))
        # every event has its mark, labelled or not
        marks = [e for e in root.iter() if e.get("data-first")]
        self.assertEqual(len(marks), 64)
        left_out = texts(root, "note")
        if len(labels) < 64:
            self.assertEqual(len(left_out), 1)
            self.assertTrue(left_out[0].startswith("%d label" % (64 - len(labels))), left_out[0])

    def test_store(self):
        store = Bilat.Store.new_builtin("pakistan-russia")
        chart = BilatPlot.TimelineChart.new_for_store(store, Bilat.Query.parse("dyad:PAK,RUS"))
        root = svg_of(chart)
        self.assertEqual(texts(root, "title"), ["Chronology: PAK–RUS"])
        self.assertGreater(len(items(root, "span exercise")), 0)


class AffinityChartTest(ChartTestCase):
    def test_points_lines_thin_years(self):
        chart = BilatPlot.AffinityChart.new()
        chart.props.measure = "π"
        for year, value, thin in [(1990, 0.5, False), (1991, 0.25, True), (1992, -0.5, False),
                                  (1995, 0.75, False)]:
            chart.add_value("PAK–RUS", year, value, thin)
            chart.add_value("IND–RUS", year, value / 2, False)
        root = svg_of(chart)
        self.assertEqual(chart.get_n_lines(), 2)
        points = items(root, "point")
        self.assertEqual(len(points), 8)
        thin = items(root, "point thin")
        self.assertEqual([p.get("data-year") for p in thin], ["1991"])
        self.assertEqual(thin[0].get("fill"), "#ffffff")
        # 1990–1992 joined, 1995 alone: one line each
        self.assertEqual(len(items(root, "line")), 2)
        self.assertEqual(texts(root, "tick y"), ["-1.0", "-0.5", "0.0", "0.5", "1.0"])
        self.assertEqual(texts(root, "tick x"), ["1990", "1991", "1992", "1993", "1994", "1995"])
        self.assertEqual(texts(root, "legend-label"),
                         ["PAK–RUS", "IND–RUS", "Thin year (few observations)"])
        self.assertEqual(texts(root, "axis-title y"), ["π"])
        # a higher value is drawn higher
        by_year = {p.get("data-year"): float(p.get("cy")) for p in points if p.get("data-line") == "0"}
        self.assertLess(by_year["1995"], by_year["1990"])

    def test_centuries(self):
        chart = BilatPlot.AffinityChart.new()
        for year in range(1800, 2020, 3):
            chart.add_value("long", year, 0.1, False)
        labels = texts(svg_of(chart), "tick x")
        self.assertIn("1900", labels)
        self.assertLessEqual(len(labels), 15)


class FilesAndErrorsTest(ChartTestCase):
    def chart(self):
        chart = BilatPlot.SeriesChart.new()
        chart.add_series(make_series(), "PAK–RUS")
        return chart

    def test_png_pdf_svg(self):
        chart = self.chart()
        chart.set_size(640, 400, BilatPlot.Unit.PIXELS)
        chart.save_to_file(self.path("c.png"), BilatPlot.Format.AUTO)
        with open(self.path("c.png"), "rb") as f:
            data = f.read()
        self.assertEqual(data[:8], b"\x89PNG\r\n\x1a\n")
        self.assertEqual(struct.unpack(">II", data[16:24]), (640, 400))

        chart.save_to_file(self.path("c.pdf"), BilatPlot.Format.AUTO)
        with open(self.path("c.pdf"), "rb") as f:
            data = f.read()
        self.assertTrue(data.startswith(b"%PDF-"))
        self.assertIn(b"/MediaBox [ 0 0 480 300 ]", data)

        # any name, format given
        chart.save_to_file(self.path("chart"), BilatPlot.Format.SVG)
        root = ET.parse(self.path("chart")).getroot()
        self.assertEqual((root.get("width"), root.get("height")), ("640", "400"))

    def test_bad_options(self):
        E = BilatPlot.Error
        message = self.assertPlotError(E.UNKNOWN_CHART, BilatPlot.Chart.new, "pie")
        self.assertIn("pie", message)
        for kind in ("series", "timeline", "affinity"):
            empty = BilatPlot.Chart.new(kind)
            self.assertPlotError(E.EMPTY, empty.save_to_file, self.path("e.svg"),
                                 BilatPlot.Format.AUTO)
        chart = self.chart()
        for width, height in [(0, 400), (400, 0), (20, 20)]:
            chart.props.width = width
            chart.props.height = height
            self.assertPlotError(E.SIZE, chart.save_to_file, self.path("z.png"),
                                 BilatPlot.Format.AUTO)
        chart.set_size(600, 400, BilatPlot.Unit.PIXELS)
        self.assertPlotError(E.FORMAT, chart.save_to_file, self.path("c.gif"),
                             BilatPlot.Format.AUTO)
        self.assertPlotError(E.FORMAT, chart.save_to_bytes, BilatPlot.Format.AUTO)
        self.assertPlotError(E.WRITE, chart.save_to_file, self.path("missing/c.svg"),
                             BilatPlot.Format.AUTO)
        months = Bilat.Series.new(Bilat.SeriesUnit.MONTH)
        months.add_observation(julian(2015, 1, 1), 1.0, Bilat.QuadClass.VERBAL_COOPERATION)
        chart.add_series(months, "months")
        self.assertPlotError(E.MISMATCH, chart.save_to_bytes, BilatPlot.Format.SVG)
        # no file is left by any of them
        self.assertEqual(os.listdir(self.tmp), [])


if __name__ == "__main__":
    unittest.main(verbosity=2)
