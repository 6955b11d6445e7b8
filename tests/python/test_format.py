#!/usr/bin/env python3
# SPDX-License-Identifier: LGPL-2.1-or-later
"""Loading, saving and validating datasets through GObject introspection."""

import json
import os
import tempfile
import unittest

from bilat_testutil import Bilat, Gio, GLib


def make_store():
    store = Bilat.Store.new()
    source = Bilat.Source.new("memo")
    source.set_title("A briefing memo")
    source.set_published(Bilat.Date.parse("2019-03"))
    store.add(source)
    for code in ("PAK", "RUS", "SUN"):
        store.add(Bilat.Actor.new(code, Bilat.ActorKind.STATE))
    store.lookup_actor("RUS").set_predecessor("SUN")
    store.lookup_actor("RUS").add_alias("Moscow")
    store.add(Bilat.Issue.new("energy"))

    drill = Bilat.Exercise.new("friendship-2018")
    drill.set_date(Bilat.Date.parse("2018-10-21/2018-11-04"))
    drill.set_series("Friendship")
    drill.set_edition(3)
    drill.set_host("RUS")
    drill.add_participant("PAK", Bilat.Role.PARTICIPANT)
    drill.add_participant("RUS", Bilat.Role.PARTICIPANT)
    drill.set_place(Bilat.Place.new("Cherat", "PK-KP", None))
    drill.set_sectors(Bilat.Sector.DIPLOMACY | Bilat.Sector.DEFENCE)
    drill.add_citation(Bilat.Citation.new("memo", 6, 1451, 1946, None))
    store.add(drill)

    store.add(Bilat.Event.new("talks"))

    position = Bilat.Position.new("pak-energy", "PAK", "energy", Bilat.Stance.SUPPORTS)
    position.set_target("RUS")
    store.add(position)
    return store


def ids(model):
    return [model.get_item(i).get_id() for i in range(model.get_n_items())]


def data_of(store):
    text = store.save_to_data()
    # (out) length is returned alongside the text.
    return text[0] if isinstance(text, tuple) else text


class RoundTripTests(unittest.TestCase):
    def test_save_and_load_data(self):
        store = make_store()
        text = data_of(store)
        self.assertTrue(text.endswith("}\n"))
        document = json.loads(text)
        self.assertEqual(document["format"], "bilat")
        self.assertEqual(document["version"], 1)
        drill = document["events"][0]
        self.assertEqual(drill["type"], "exercise")
        self.assertEqual(drill["sectors"], ["defence", "diplomacy"])
        self.assertEqual(document["events"][1]["date"], None)
        self.assertNotIn("name", document["actors"][0])

        copy = Bilat.Store.new()
        self.assertTrue(copy.load_from_data(text.encode()))
        self.assertEqual(data_of(copy), text)
        self.assertEqual(ids(copy.get_events()), ["friendship-2018", "talks"])
        loaded = copy.lookup_event("friendship-2018")
        self.assertIsInstance(loaded, Bilat.Exercise)
        self.assertEqual(loaded.get_edition(), 3)
        self.assertEqual(loaded.get_place().get_name(), "Cherat")
        citation = loaded.get_citations()[0]
        self.assertEqual((citation.get_paragraph(), citation.get_start(), citation.get_end()),
                         (6, 1451, 1946))
        self.assertIsNone(copy.lookup_event("talks").get_date())

    def test_save_and_load_path(self):
        store = make_store()
        with tempfile.TemporaryDirectory() as directory:
            path = os.path.join(directory, "data.json")
            self.assertTrue(store.save_to_path(path))
            copy = Bilat.Store.new()
            self.assertTrue(copy.load_from_path(path))
            self.assertEqual(data_of(copy), data_of(store))
            again = Bilat.Store.new()
            self.assertTrue(again.load_from_file(Gio.File.new_for_path(path), None))
            self.assertEqual(ids(again.get_actors()), ["PAK", "RUS", "SUN"])

    def test_record_to_json(self):
        store = make_store()
        node = store.lookup_event("friendship-2018").to_json()
        self.assertEqual(node.get_object().get_string_member("type"), "exercise")
        self.assertEqual(node.get_object().get_int_member("edition"), 3)


class LoadErrorTests(unittest.TestCase):
    def test_error_names_place(self):
        text = ('{"format": "bilat", "version": 1,\n'
                '"events": [{"id": "friendship-2019", "type": "exercise",\n'
                '  "date": "2018-13"}]}')
        store = make_store()
        before = data_of(store)
        with self.assertRaises(GLib.Error) as caught:
            store.load_from_data(text.encode())
        error = caught.exception
        self.assertEqual(error.domain, "bilat-format-error-quark")
        self.assertEqual(error.code, int(Bilat.FormatError.INVALID_VALUE))
        self.assertTrue(error.message.startswith(
            "<string>:3: events[0] “friendship-2019”: member “date”: Invalid date “2018-13”"),
            error.message)
        self.assertEqual(data_of(store), before)

    def test_unknown_reference(self):
        text = ('{"format": "bilat", "version": 1, "issues": [{"id": "energy"}],\n'
                '"positions": [{"id": "p", "holder": "IND", "issue": "energy",'
                ' "stance": "opposes"}]}')
        with self.assertRaises(GLib.Error) as caught:
            Bilat.Store.new().load_from_data(text.encode())
        self.assertEqual(caught.exception.code, int(Bilat.FormatError.UNKNOWN_REFERENCE))
        self.assertIn("member “holder”", caught.exception.message)

    def test_unsupported_version(self):
        with self.assertRaises(GLib.Error) as caught:
            Bilat.Store.new().load_from_data(b'{"format": "bilat", "version": 9}')
        self.assertEqual(caught.exception.code, int(Bilat.FormatError.UNSUPPORTED))


class ValidatorTests(unittest.TestCase):
    def test_all_problems(self):
        text = ('{\n'
                '"format": "bilat", "version": 1,\n'
                '"actors": [{"id": "PAK", "kind": "nation"}],\n'
                '"events": [{"id": "e", "type": "event", "date": null,\n'
                '  "participants": [{"actor": "RUS"}], "sumary": "x"}]\n'
                '}\n')
        problems = Bilat.validate_data(text.encode(), "data.json")
        self.assertEqual({(p.get_domain(), p.get_column()) for p in problems},
                         {(Bilat.format_error_quark(), 0)})
        found = [(p.get_code(), p.get_line(), p.get_kind(), p.get_index(),
                  p.get_record_id(), p.get_field()) for p in problems]
        self.assertEqual(found, [
            (Bilat.FormatError.INVALID_VALUE, 3, "actors", 0, "PAK", "kind"),
            # On one line, references are checked last.
            (Bilat.FormatError.UNKNOWN_FIELD, 5, "events", 0, "e", "sumary"),
            (Bilat.FormatError.UNKNOWN_REFERENCE, 5, "events", 0, "e", "participants[0].actor"),
        ])
        self.assertTrue(problems[0].to_string().startswith(
            "data.json:3: actors[0] “PAK”: member “kind”: "))
        self.assertIn("did you mean “summary”", problems[1].get_message())
        self.assertEqual(problems[0].get_file(), "data.json")

    def test_valid(self):
        self.assertEqual(len(Bilat.validate_data(data_of(make_store()).encode(), None)), 0)

    def test_file(self):
        with tempfile.TemporaryDirectory() as directory:
            path = os.path.join(directory, "broken.json")
            with open(path, "w", encoding="utf-8") as out:
                out.write('{"format": "bilat", "version": 1, "events": [{"id": "x"}]}')
            problems = Bilat.validate_file(Gio.File.new_for_path(path), None)
            self.assertEqual(len(problems), 2)
            self.assertEqual(problems[0].get_file(), path)
            self.assertEqual({p.get_code() for p in problems},
                             {Bilat.FormatError.MISSING_FIELD})
            with self.assertRaises(GLib.Error) as caught:
                Bilat.validate_file(Gio.File.new_for_path(path + ".missing"), None)
            self.assertTrue(caught.exception.matches(Gio.io_error_quark(),
                                                     Gio.IOErrorEnum.NOT_FOUND))


class BuiltinTests(unittest.TestCase):
    def test_names(self):
        self.assertIn("pakistan-russia", Bilat.Store.get_builtin_names())

    def test_open(self):
        store = Bilat.Store.new_builtin("pakistan-russia")
        self.assertEqual(store.get_events().get_item(0).get_id(), "relations-1948")
        drill = store.lookup_event("friendship-2016")
        self.assertEqual(drill.get_edition(), 1)
        self.assertEqual(drill.get_place().get_subdivision(), "PK-KP")
        self.assertEqual(store.lookup_actor("RUS").get_predecessor(), "SUN")

    def test_unknown(self):
        with self.assertRaises(GLib.Error) as caught:
            Bilat.Store.new_builtin("atlantis")
        self.assertEqual(caught.exception.domain, "bilat-store-error-quark")
        self.assertEqual(caught.exception.code, int(Bilat.StoreError.UNKNOWN_DATASET))
        self.assertIn("pakistan-russia", caught.exception.message)


class IssueFactsTests(unittest.TestCase):
    """Hand-written issues with a date, session, resolution, importance and
    parents, and citations of a row, saved and loaded."""

    def make(self):
        store = make_store()
        store.add(Bilat.Source.new("ledger"))
        store.add(Bilat.Issue.new("trade"))
        vote = Bilat.Issue.new("tariff-vote")
        vote.set_date(Bilat.Date.parse("2019-05-02"))
        vote.set_session(74)
        vote.set_resolution("R/74/9")
        vote.set_important(True)
        vote.set_parents(["trade", "energy", "trade"])
        store.add(vote)
        position = Bilat.Position.new("pak-tariff", "PAK", "tariff-vote", Bilat.Stance.OPPOSES)
        position.add_citation(Bilat.Citation.new_for_row("ledger", "line=12"))
        store.add(position)
        return store

    def test_round_trip(self):
        store = self.make()
        vote = store.lookup_issue("tariff-vote")
        self.assertEqual(list(vote.get_parents()), ["trade", "energy"])
        text = data_of(store)
        record = next(i for i in json.loads(text)["issues"] if i["id"] == "tariff-vote")
        self.assertEqual(record, {"id": "tariff-vote", "date": "2019-05-02", "session": 74,
                                  "resolution": "R/74/9", "important": True,
                                  "parents": ["trade", "energy"]})
        self.assertNotIn("parents", next(i for i in json.loads(text)["issues"] if i["id"] == "trade"))
        self.assertEqual(Bilat.validate_data(text.encode()), [])
        copy = Bilat.Store.new()
        self.assertTrue(copy.load_from_data(text.encode()))
        again = copy.lookup_issue("tariff-vote")
        self.assertEqual((again.get_date().to_string(), again.get_session(), again.get_resolution(),
                          again.get_important(), list(again.get_parents())),
                         ("2019-05-02", 74, "R/74/9", True, ["trade", "energy"]))
        (citation,) = copy.lookup_position("pak-tariff").get_citations()
        self.assertEqual((citation.get_source(), citation.get_row()), ("ledger", "line=12"))
        self.assertEqual(data_of(copy), text)
        # A query on a parent finds the positions on the issues under it.
        found = copy.find_positions(Bilat.Query.parse("issue:trade"))
        self.assertEqual(ids(found), ["pak-tariff"])
        with tempfile.TemporaryDirectory() as tmp:
            path = os.path.join(tmp, "issues.bilat")
            store.save_to_native_file(Gio.File.new_for_path(path), None)
            native = Bilat.Store.new()
            self.assertTrue(native.load_from_path(path))
        self.assertEqual(data_of(native), text)

    def test_bad_members(self):
        text = data_of(self.make())
        cases = [
            ('"session": 74', '"session": 0', "session"),
            ('"session": 74', '"session": 70000', "session"),
            ('"important": true', '"important": 1', "important"),
            ('"parents": ["trade"', '"parents": ["nowhere"', "parents[0]"),
            ('"parents": ["trade"', '"parents": ["tariff-vote"', "parents[0]"),
            ('"parents": ["trade", "energy"', '"parents": ["trade", "trade"', "parents[1]"),
            ('"row": "line=12"', '"row": ""', "citations[0].row"),
            ('"row": "line=12"', '"row": "line=12", "paragraph": 2', "citations[0].row"),
        ]
        for old, new, field in cases:
            with self.subTest(field=field, new=new):
                self.assertIn(old, text)
                bad = text.replace(old, new, 1)
                problems = Bilat.validate_data(bad.encode())
                self.assertIn(field, [p.get_field() for p in problems])
                with self.assertRaises(GLib.Error):
                    Bilat.Store.new().load_from_data(bad.encode())

    def test_check_refuses_unknown_parent(self):
        store = self.make()
        store.lookup_issue("trade").set_parents(["nowhere"])
        problems = store.check()
        self.assertIn("parents", [p.get_field() for p in problems])


class SpeaksForTests(unittest.TestCase):
    def test_property_and_round_trip(self):
        store = make_store()
        putin = Bilat.Actor.new("putin", Bilat.ActorKind.PERSON)
        self.assertIsNone(putin.get_speaks_for())
        putin.set_affiliation("RUS")
        putin.props.speaks_for = "RUS"
        self.assertEqual(putin.get_speaks_for(), "RUS")
        store.add(putin)
        text = data_of(store)
        data = json.loads(text)
        record = next(a for a in data["actors"] if a["id"] == "putin")
        self.assertEqual(record["speaks_for"], "RUS")
        # Actors that speak for no one write no member.
        self.assertNotIn("speaks_for", next(a for a in data["actors"] if a["id"] == "PAK"))
        copy = Bilat.Store.new()
        self.assertTrue(copy.load_from_data(text.encode()))
        self.assertEqual(copy.lookup_actor("putin").get_speaks_for(), "RUS")
        self.assertEqual(data_of(copy), text)

    def test_unknown_reference(self):
        text = ('{"format": "bilat", "version": 1, "actors": [{"id": "putin",'
                ' "kind": "person", "speaks_for": "XYZ"}]}')
        with self.assertRaises(GLib.Error) as caught:
            Bilat.Store.new().load_from_data(text.encode())
        self.assertIn("speaks_for", caught.exception.message)

    def test_builtin_alignment(self):
        # Putin's support for Pakistan's SCO membership is Russia's position.
        store = Bilat.Store.new_builtin("pakistan-russia")
        self.assertEqual(store.lookup_actor("putin").get_speaks_for(), "RUS")
        self.assertIsNone(store.lookup_actor("aslam").get_speaks_for())
        alignment = store.align("PAK", "RUS", None)
        items = {alignment.get_item(i).get_issue(): alignment.get_item(i)
                 for i in range(alignment.get_n_items())}
        sco = items["sco-membership"]
        self.assertEqual(sco.get_agreement(), Bilat.Agreement.ONLY_B)
        self.assertEqual(sco.get_position_b().get_holder(), "putin")


class BadTextTests(unittest.TestCase):
    def test_validate_stream(self):
        text = b'{"format": "bilat", "version": 1, "actors": [{"id": "PAK", "kind": "stat"}]}'
        problems = Bilat.validate_stream(Gio.MemoryInputStream.new_from_data(text), "mine.json", None)
        self.assertEqual(len(problems), 1)
        self.assertTrue(problems[0].to_string().startswith("mine.json:1: "), problems[0].to_string())
        self.assertEqual(problems[0].get_field(), "kind")

    def test_empty_stream_is_an_error(self):
        store = Bilat.Store.new()
        stream = Gio.MemoryInputStream.new()
        with self.assertRaises(GLib.Error) as caught:
            store.load_from_stream(stream, None)
        self.assertEqual(caught.exception.code, int(Bilat.FormatError.INVALID_JSON))
        self.assertIn("empty", caught.exception.message)

    def test_lone_surrogate_is_an_error(self):
        text = ('{"format": "bilat", "version": 1, "actors": ['
                '{"id": "PAK", "kind": "state", "aliases": ["a\\ud800b"]}],'
                ' "events": [{"id": "e", "type": "event", "date": null, "title": "x\\ud800y"}],'
                ' "\\ud800z": 1}')
        problems = Bilat.validate_data(text.encode(), "doc.json")
        fields = sorted(p.get_field() or "" for p in problems)
        self.assertEqual(len(problems), 3, [p.to_string() for p in problems])
        self.assertIn("aliases[0]", fields)
        self.assertIn("title", fields)
        for problem in problems:
            problem.to_string().encode("utf-8")     # every problem is valid text
        with self.assertRaises(GLib.Error):
            Bilat.Store.new().load_from_data(text.encode())

    def test_unknown_builtin_name_is_quoted_safely(self):
        with self.assertRaises(GLib.Error) as caught:
            Bilat.Store.new_builtin("pakistan-russie")
        self.assertEqual(caught.exception.code, int(Bilat.StoreError.UNKNOWN_DATASET))
        self.assertIn("pakistan-russia", caught.exception.message)


class CheckTests(unittest.TestCase):
    def test_unsavable_store_names_its_problems(self):
        store = Bilat.Store.new()
        store.add(Bilat.Actor.new("PAK", Bilat.ActorKind.STATE))
        event = Bilat.Event.new("talks")
        event.add_participant("PAK", Bilat.Role.INITIATOR)
        event.add_participant("RUS", Bilat.Role.TARGET)
        store.add(event)
        problems = store.check()
        self.assertEqual(len(problems), 1)
        self.assertEqual(problems[0].get_field(), "participants")
        self.assertEqual(problems[0].get_code(), Bilat.FormatError.UNKNOWN_REFERENCE)
        with self.assertRaises(GLib.Error) as caught:
            store.save_to_data()
        self.assertIn("RUS", caught.exception.message)
        store.add(Bilat.Actor.new("RUS", Bilat.ActorKind.STATE))
        self.assertEqual(len(store.check()), 0)
        text, length = store.save_to_data()
        self.assertEqual(length, len(text.encode()))


if __name__ == "__main__":
    unittest.main(verbosity=2)
