#!/usr/bin/env python3
# SPDX-License-Identifier: LGPL-2.1-or-later
"""Values and records through GObject introspection."""

import unittest

from bilat_testutil import Bilat, Gio, GLib


class DateTests(unittest.TestCase):
    def test_parse_and_print(self):
        for text in ("1948-05-01", "2015-07", "2018", "2018-10-21/2018-11-04"):
            self.assertEqual(Bilat.Date.parse(text).to_string(), text)

    def test_precision_and_parts(self):
        day = Bilat.Date.parse("1948-05-01")
        self.assertEqual(day.get_precision(), Bilat.DatePrecision.DAY)
        self.assertEqual((day.get_year(), day.get_month(), day.get_day()), (1948, 5, 1))
        month = Bilat.Date.parse("2015-07")
        self.assertEqual(month.get_precision(), Bilat.DatePrecision.MONTH)
        self.assertEqual(month.get_day(), 0)
        interval = Bilat.Date.parse("2018-10-21/2018-11-04")
        self.assertTrue(interval.is_interval())
        self.assertEqual(interval.get_start().to_string(), "2018-10-21")
        self.assertEqual(interval.get_end().to_string(), "2018-11-04")

    def test_errors_carry_domain_and_code(self):
        cases = {
            "": Bilat.DateError.EMPTY,
            "2018-13": Bilat.DateError.RANGE,
            "2018-02-30": Bilat.DateError.RANGE,
            "2018-01-01x": Bilat.DateError.SYNTAX,
            "2018-11-04/2018-10-21": Bilat.DateError.ORDER,
        }
        for text, code in cases.items():
            with self.assertRaises(GLib.Error) as caught:
                Bilat.Date.parse(text)
            self.assertEqual(caught.exception.domain, "bilat-date-error-quark")
            self.assertEqual(caught.exception.code, int(code), text)

    def test_compare_overlap_contain(self):
        y2018 = Bilat.Date.parse("2018")
        drill = Bilat.Date.parse("2018-10-21/2018-11-04")
        self.assertTrue(y2018.overlaps(drill))
        self.assertTrue(y2018.contains(drill))
        self.assertFalse(drill.contains(y2018))
        self.assertLess(Bilat.Date.compare(Bilat.Date.parse("1948-05-01"), y2018), 0)
        self.assertTrue(Bilat.Date.equal(y2018, Bilat.Date.parse("2018")))


class RecordTests(unittest.TestCase):
    def test_actor_properties(self):
        pak = Bilat.Actor.new("PAK", Bilat.ActorKind.STATE)
        self.assertEqual(pak.props.id, "PAK")
        self.assertEqual(pak.props.kind, Bilat.ActorKind.STATE)
        # States take their name from iso-codes unless one is given.
        self.assertEqual(pak.get_name(), "Pakistan")
        self.assertIsNone(pak.get_own_name())
        pak.add_alias("Islamabad")
        self.assertTrue(pak.has_alias("islamabad"))
        self.assertEqual(list(pak.get_aliases()), ["Islamabad"])
        rus = Bilat.Actor.new("RUS", Bilat.ActorKind.STATE)
        rus.props.predecessor = "SUN"
        self.assertEqual(rus.get_predecessor(), "SUN")

    def test_notify_only_on_change(self):
        issue = Bilat.Issue.new("energy")
        seen = []
        issue.connect("notify::title", lambda obj, pspec: seen.append(obj.props.title))
        issue.set_title("Energy")
        issue.set_title("Energy")
        issue.props.title = "Energy cooperation"
        self.assertEqual(seen, ["Energy", "Energy cooperation"])

    def test_event_participants_sectors_citations(self):
        event = Bilat.Event.new("relations-1948")
        event.set_date(Bilat.Date.parse("1948-05-01"))
        event.add_participant("PAK", Bilat.Role.PARTICIPANT)
        event.add_participant("SUN", Bilat.Role.PARTICIPANT)
        event.set_sectors(Bilat.Sector.DIPLOMACY)
        event.add_citation(Bilat.Citation.new("oped", 4, 438, 1036, None))
        actors = [p.get_actor() for p in event.get_participants()]
        self.assertEqual(actors, ["PAK", "SUN"])
        found, role = event.has_participant("SUN")
        self.assertTrue(found)
        self.assertEqual(role, Bilat.Role.PARTICIPANT)
        self.assertEqual(event.props.sectors, Bilat.Sector.DIPLOMACY)
        (citation,) = event.get_citations()
        self.assertEqual((citation.get_source(), citation.get_paragraph(),
                          citation.get_start(), citation.get_end()),
                         ("oped", 4, 438, 1036))

    def test_participants_and_citations_are_list_models(self):
        event = Bilat.Event.new("relations-1948")
        participants = event.props.participants
        citations = event.props.citations
        self.assertIsInstance(participants, Gio.ListModel)
        self.assertIsInstance(citations, Gio.ListModel)
        self.assertEqual(participants.get_item_type(), Bilat.Participant.__gtype__)
        self.assertEqual(citations.get_item_type(), Bilat.Citation.__gtype__)
        changes = []
        participants.connect("items-changed", lambda m, *args: changes.append(args))
        # live: the same model follows the event
        event.add_participant("PAK", Bilat.Role.INITIATOR)
        event.add_participant("SUN", Bilat.Role.TARGET)
        event.add_citation(Bilat.Citation.new("oped", 4, 438, 1036, "Soviet"))
        self.assertIs(event.props.participants, participants)
        self.assertEqual(changes, [(0, 0, 1), (1, 0, 1)])
        self.assertEqual([(p.props.actor, p.props.role) for p in participants],
                         [("PAK", Bilat.Role.INITIATOR), ("SUN", Bilat.Role.TARGET)])
        (citation,) = list(citations)
        self.assertEqual((citation.props.source, citation.props.paragraph,
                          citation.props.start, citation.props.end, citation.props.quote),
                         ("oped", 4, 438, 1036, "Soviet"))
        # immutable items: their properties cannot be set
        with self.assertRaises(TypeError):
            citation.props.paragraph = 5

    def test_exercise_is_an_event(self):
        drill = Bilat.Exercise.new("friendship-2018")
        drill.props.series = "Friendship"
        drill.props.edition = 3
        self.assertIsInstance(drill, Bilat.Event)
        self.assertEqual((drill.get_series(), drill.get_edition()), ("Friendship", 3))
        self.assertEqual(drill.get_domain(), Bilat.ExerciseDomain.UNKNOWN)

    def test_position(self):
        pos = Bilat.Position.new("rus-sco", "RUS", "sco-membership", Bilat.Stance.SUPPORTS)
        pos.set_target("PAK")
        self.assertEqual((pos.get_holder(), pos.get_issue(), pos.get_target()),
                         ("RUS", "sco-membership", "PAK"))
        self.assertEqual(pos.props.stance, Bilat.Stance.SUPPORTS)

    def test_place(self):
        place = Bilat.Place.new(None, "PK-KP", None)
        self.assertEqual(place.get_country(), "PAK")
        self.assertEqual(place.get_subdivision(), "PK-KP")
        self.assertFalse(place.has_coordinates())
        self.assertEqual(Bilat.subdivision_get_country("RU-KC"), "RUS")
        self.assertEqual(Bilat.country_get_name("PAK"), "Pakistan")


if __name__ == "__main__":
    unittest.main(verbosity=2)
