#!/usr/bin/env python3
# SPDX-License-Identifier: LGPL-2.1-or-later
"""Which state a code or a name means on a date, through GObject
introspection: every example of issue 13, the refusals, conversion,
members and spells, and a table-driven pass over every spell of the COW
state system list of shared/data (BILAT_SHARED_DATA), skipped with a
message when the folder is not given.
"""

import csv
import datetime
import os
import unittest

from bilat_testutil import Bilat, GLib

SHARED = os.environ.get("BILAT_SHARED_DATA", "")
COW_LIST = os.path.join(SHARED, "states", "cow_states2016.csv") if SHARED else ""

S = Bilat.CodeScheme
E = Bilat.IdentityError


def date(text):
    return Bilat.Date.parse(text) if text is not None else None


def day(d):
    return Bilat.Date.new_day(d.year, d.month, d.day)


class IdentityTest(unittest.TestCase):
    def setUp(self):
        self.identity = Bilat.Identity.get_default()

    def resolve(self, scheme, code, when):
        return self.identity.resolve(scheme, code, date(when))

    def assertResolves(self, scheme, code, when, expected):
        self.assertEqual(self.resolve(scheme, code, when), expected, (code, when))

    def assertRefused(self, scheme, code, when, error, *words):
        with self.assertRaises(GLib.Error) as raised:
            self.resolve(scheme, code, when)
        self.assertTrue(raised.exception.matches(Bilat.identity_error_quark(), error),
                        raised.exception.message)
        for word in words:
            self.assertIn(word, raised.exception.message)

    def test_cow_examples(self):
        for code, when, expected in [("365", "1985-06-01", "SUN"), ("365", "2000-01-01", "RUS"),
                                     ("260", "1970", "DEU"), ("265", "1970", "DDR"),
                                     ("345", "1990", "YUG"), ("345", "2004", "SCG"),
                                     ("345", "2010", "SRB")]:
            self.assertResolves(S.COW, code, when, expected)

    def test_gw_and_iso_alike(self):
        for scheme, code, when, expected in [
                (S.GW, "365", "1985-06-01", "SUN"), (S.GW, "365", "2000-01-01", "RUS"),
                (S.GW, "260", "1970", "DEU"), (S.GW, "265", "1970", "DDR"),
                (S.GW, "345", "1990", "YUG"), (S.GW, "345", "2004", "SCG"),
                (S.GW, "340", "2010", "SRB"),
                (S.ISO3, "SUN", "1985-06-01", "SUN"), (S.ISO3, "RUS", "2000-01-01", "RUS"),
                (S.ISO2, "SU", "1985", "SUN"), (S.ISO2, "CS", "1985", "CSK"),
                (S.ISO2, "CS", "2004", "SCG"), (S.ISO_NUMERIC, "810", "1985", "SUN"),
                (S.FIPS, "RS", "2000", "RUS"), (S.M49, "643", "2000", "RUS"),
                (S.CAMEO, "ROM", "2000", "ROU")]:
            self.assertResolves(scheme, code, when, expected)

    def test_cameo_follows_succession(self):
        # GDELT codes the Soviet Union's actors RUS: CAMEO RUS in 1985 is SUN.
        self.assertResolves(S.CAMEO, "RUS", "1985-06-01", "SUN")
        self.assertResolves(S.CAMEO, "RUS", "2005-06-01", "RUS")
        self.assertResolves(S.CAMEO, "SRB", "1995", "YUG")

    def test_names(self):
        self.assertResolves(S.NAME, "Russia", "1985", "SUN")
        self.assertResolves(S.NAME, "Russia", "2000", "RUS")
        self.assertResolves(S.NAME, "Federal Republic of Germany", None, "DEU")
        self.assertResolves(S.NAME, "Congo - Kinshasa", None, "COD")
        self.assertResolves(S.NAME, "congo kinshasa", "1995", "COD")
        self.assertResolves(S.NAME, "Côte d’Ivoire", "2000", "CIV")
        self.assertResolves(S.NAME, "COTE D'IVOIRE", "2000", "CIV")
        self.assertResolves(S.NAME, "rUsSiA", "1985-06-01", "SUN")
        self.assertResolves(S.NAME, "East Germany", "1970", "DDR")

    def test_refusals(self):
        self.assertRefused(S.COW, "999", "1985", E.UNKNOWN, "999")
        self.assertRefused(S.NAME, "Atlantis", "1985", E.UNKNOWN, "Atlantis")
        # a name the tables lack is refused: no pattern guesses at it
        self.assertRefused(S.NAME, "Republic of Kazakhstan", "2000", E.UNKNOWN, "Kazakhstan")
        self.assertRefused(S.COW, "265", "2000-01-01", E.NOT_VALID, "265", "2000-01-01", "DDR")
        self.assertRefused(S.NAME, "Slovakia", "1985", E.NOT_VALID, "Slovakia", "1985", "1993")
        self.assertRefused(S.COW, "365", "1991", E.AMBIGUOUS, "SUN", "RUS", "1991")
        self.assertRefused(S.COW, "365", None, E.AMBIGUOUS, "SUN", "RUS")

    def test_conversion(self):
        i = self.identity
        self.assertEqual(i.convert(S.COW, "365", S.ISO3, date("1985-06-01")), "SUN")
        self.assertEqual(i.convert(S.COW, "365", S.ISO3, date("2000-01-01")), "RUS")
        self.assertEqual(i.get_code("DEU", S.COW, date("1970")), "260")
        self.assertEqual(i.get_code("DEU", S.COW, date("2000")), "255")
        self.assertEqual(i.get_code("SUN", S.NAME, None), "Soviet Union")
        with self.assertRaises(GLib.Error) as raised:
            i.get_code("SUN", S.ISO3, date("2000"))
        self.assertTrue(raised.exception.matches(Bilat.identity_error_quark(), E.NO_CODE))
        self.assertEqual(i.get_predecessor("RUS"), "SUN")
        self.assertIsNone(i.get_predecessor("DDR"))
        self.assertIn("SUN", i.get_states())

    def test_members_and_spells(self):
        members = self.identity.get_members(date("1991"))
        ids = {members.get_item(k).props.state for k in range(members.get_n_items())}
        self.assertTrue({"SUN", "RUS", "UKR"} <= ids)
        members = self.identity.get_members(date("1991-12-31"))
        ids = {members.get_item(k).get_state() for k in range(members.get_n_items())}
        self.assertIn("RUS", ids)
        self.assertNotIn("SUN", ids)
        france = self.identity.get_spells("FRA")
        self.assertEqual([(s.get_start().to_string(),
                           s.get_end().to_string() if s.get_end() else None,
                           s.props.cow_code) for s in france],
                         [("1816-01-01", "1942-11-11", 220), ("1944-08-25", None, 220)])


@unittest.skipUnless(COW_LIST and os.path.isfile(COW_LIST),
                     "BILAT_SHARED_DATA has no states/cow_states2016.csv "
                     "(configure with -Dshared_data=/path/to/shared/data)")
class CowListTest(unittest.TestCase):
    def test_every_spell(self):
        identity = Bilat.Identity.get_default()
        with open(COW_LIST, encoding="utf-8") as f:
            rows = list(csv.DictReader(f))
        self.assertEqual(len(rows), 243)
        spells = []
        for r in rows:
            first = datetime.date(int(r["styear"]), int(r["stmonth"]), int(r["stday"]))
            last = datetime.date(int(r["endyear"]), int(r["endmonth"]), int(r["endday"]))
            spells.append((r["ccode"], r["stateabb"], first, last))

        def covered(code, d):
            return any(c == code and a <= d <= b for c, _, a, b in spells)

        one = datetime.timedelta(days=1)
        for code, letters, first, last in spells:
            for d in (first, first + (last - first) / 2, last):
                with self.subTest(code=code, day=d):
                    state = identity.resolve(S.COW, code, day(d))
                    self.assertEqual(identity.resolve(S.COW_LETTER, letters, day(d)), state)
                    self.assertEqual(identity.get_code(state, S.COW, day(d)), code)
            for d in (first - one, last + one):
                if covered(code, d) or (d > last and last == datetime.date(2016, 12, 31)):
                    continue
                with self.subTest(code=code, day=d, outside=True):
                    with self.assertRaises(GLib.Error) as raised:
                        identity.resolve(S.COW, code, day(d))
                    self.assertTrue(raised.exception.matches(Bilat.identity_error_quark(),
                                                             E.NOT_VALID))
                    self.assertIn(d.isoformat(), raised.exception.message)


if __name__ == "__main__":
    unittest.main(verbosity=2)
