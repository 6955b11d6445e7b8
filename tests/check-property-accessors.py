#!/usr/bin/env python3
# SPDX-License-Identifier: LGPL-2.1-or-later
#
# Every property accessor is annotated on both sides: the property's doc
# comment names its getter and setter, `(getter …)` `(setter …)`, and the
# doc comment of each accessor function names its property,
# `(get-property …)` / `(set-property …)`. A method named get_/set_/is_ and
# the property's name is an accessor. The scanner infers one side from
# the other; the sources must still say both, so that a reader of the
# code sees them and a renamed accessor cannot silently drop out.
#
# Usage: check-property-accessors.py Bilat-1.0.gir LIB-SOURCE-DIR
# Prints TAP; exits non-zero when an annotation is missing.

import glob
import os
import re
import sys
import xml.etree.ElementTree as ET

NS = {"c": "http://www.gtk.org/introspection/core/1.0",
      "cid": "http://www.gtk.org/introspection/c/1.0",
      "glib": "http://www.gtk.org/introspection/glib/1.0"}


def doc_headers(source_dir):
    """The first line of every doc comment: `name: annotations`."""
    headers = {}
    for path in glob.glob(os.path.join(source_dir, "*.c")):
        with open(path, encoding="utf-8") as f:
            text = f.read()
        for match in re.finditer(r"/\*\*\n[ \t]*\* ([A-Za-z_][\w:-]*):([^\n]*)\n", text):
            headers[match.group(1)] = (match.group(2), os.path.basename(path))
    return headers


def main():
    gir, source_dir = sys.argv[1:3]
    root = ET.parse(gir).getroot()
    headers = doc_headers(source_dir)
    problems = []
    n_properties = 0
    for cls in root.iter("{%s}class" % NS["c"]):
        prefix = cls.get("{%s}type-name" % NS["glib"])
        methods = {m.get("name"): m.get("{%s}identifier" % NS["cid"])
                   for m in cls.findall("c:method", NS)}
        # an accessor has the shape of one: a getter takes nothing but the
        # instance and returns a value, a setter takes one value
        arity = {m.get("name"): len(m.findall("c:parameters/c:parameter", NS))
                 for m in cls.findall("c:method", NS)}
        returns = {m.get("name"): m.find("c:return-value/c:type[@name='none']", NS) is None
                   for m in cls.findall("c:method", NS)}
        getters = {m for m in methods if arity[m] == 0 and returns[m]}
        setters = {m for m in methods if arity[m] == 1}
        for prop in cls.findall("c:property", NS):
            n_properties += 1
            name = prop.get("name")
            base = name.replace("-", "_")
            key = "%s:%s" % (prefix, name)
            annotations, where = headers.get(key, (None, None))
            if annotations is None:
                problems.append("%s has no doc comment" % key)
                continue
            accessors = [("getter", "get-property", next(
                (m for m in (prop.get("getter"), "get_" + base, "is_" + base) if m in getters), None))]
            if prop.get("writable") == "1" and prop.get("construct-only") != "1":
                accessors.append(("setter", "set-property", next(
                    (m for m in (prop.get("setter"), "set_" + base) if m in setters), None)))
            for side, function_side, method in accessors:
                if method is None:
                    continue
                if "(%s %s)" % (side, method) not in annotations:
                    problems.append("%s: %s lacks (%s %s)" % (where, key, side, method))
                identifier = methods.get(method)
                fn_annotations, fn_where = headers.get(identifier, (None, None))
                if fn_annotations is None:
                    problems.append("%s: no doc comment" % identifier)
                elif "(%s %s)" % (function_side, name) not in fn_annotations:
                    problems.append("%s: %s lacks (%s %s)" % (fn_where, identifier, function_side, name))
    print("1..1")
    if problems:
        print("not ok 1 - every property accessor is annotated on both sides")
        for problem in problems:
            print("# " + problem)
        return 1
    print("ok 1 - every property accessor is annotated on both sides (%d properties)" % n_properties)
    return 0


if __name__ == "__main__":
    sys.exit(main())
