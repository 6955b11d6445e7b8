#!/usr/bin/env python3
# SPDX-License-Identifier: LGPL-2.1-or-later
#
# The generated reference's index: every guide has its title (a page
# without a "Title:" line shows as "Unknown document"), and the Website
# and Source fields link somewhere that exists (a page of the reference or
# a web address).
#
# Usage: check-index.py DOCS-OUTPUT-DIR
# Prints TAP.

import html.parser
import os
import sys

root = sys.argv[1]


class Index(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.rows = {}      # "Website" -> href
        self.cell = None
        self.label = None
        self.text = []

    def handle_starttag(self, tag, attrs):
        if tag == "em":
            self.cell = "label"
        elif tag == "a" and self.label is not None:
            self.rows[self.label] = dict(attrs).get("href", "")
            self.label = None

    def handle_endtag(self, tag):
        if tag == "em":
            self.cell = None

    def handle_data(self, data):
        self.text.append(data)
        if self.cell == "label":
            self.label = data.strip()


with open(os.path.join(root, "index.html"), encoding="utf-8") as f:
    page = f.read()
index = Index()
index.feed(page)
text = "".join(index.text)

results = []
results.append(("no guide shows as an unknown document", "Unknown document" not in text, ""))
for field in ("Website", "Source"):
    href = index.rows.get(field)
    ok = bool(href) and (href.startswith(("https://", "http://")) or
                         os.path.isfile(os.path.join(root, href)))
    results.append((f"the {field} field links somewhere ({href!r})", ok, ""))
for title in ("The data format", "The native store file", "Build and install"):
    results.append((f"the index lists “{title}”", title in text, ""))

failed = 0
for number, (name, ok, _) in enumerate(results, 1):
    print(f"{'ok' if ok else 'not ok'} {number} - {name}")
    failed += not ok
print(f"1..{len(results)}")
sys.exit(1 if failed else 0)
