#!/usr/bin/env python3
# SPDX-License-Identifier: LGPL-2.1-or-later
"""Charts of the built-in dataset, through libbilat-plot: a yearly series
and the chronology of Pakistan–Russia relations, as SVG files (or PNG or
PDF: the extension chooses). `python3 chart.py [FOLDER]`"""

import os
import sys

import gi

gi.require_version("Bilat", "1.0")
gi.require_version("BilatPlot", "1.0")
from gi.repository import Bilat, BilatPlot  # noqa: E402

folder = sys.argv[1] if len(sys.argv) > 1 else "."
store = Bilat.Store.new_builtin("pakistan-russia")
dyad = Bilat.Query.parse("dyad:PAK,RUS")

# A chart in two lines.
chart = BilatPlot.SeriesChart.new_for_store(store, dyad, Bilat.SeriesUnit.YEAR)
chart.save_to_file(os.path.join(folder, "pak-rus-series.svg"), BilatPlot.Format.AUTO)

timeline = BilatPlot.TimelineChart.new_for_store(store, dyad)
timeline.set_size(960, 480, BilatPlot.Unit.PIXELS)
timeline.save_to_file(os.path.join(folder, "pak-rus-timeline.pdf"), BilatPlot.Format.AUTO)
print("wrote pak-rus-series.svg and pak-rus-timeline.pdf in", folder)
