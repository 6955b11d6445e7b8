#!/usr/bin/env python3
# SPDX-License-Identifier: LGPL-2.1-or-later
"""A yearly series of Pakistan–Russia events, as a CSV on standard output:
`python3 series.py > series.csv`, then open it in a spreadsheet or pandas."""

import gi

gi.require_version("Bilat", "1.0")
from gi.repository import Bilat  # noqa: E402

store = Bilat.Store.new_builtin("pakistan-russia")
series = store.compute_series(by="year", dyad=("PAK", "RUS"), since=2015)
print(series.to_string(Bilat.SeriesFormat.CSV), end="")
