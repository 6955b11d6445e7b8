#!/usr/bin/env python3
# SPDX-License-Identifier: LGPL-2.1-or-later
"""The importer object, its asynchronous forms, and the asynchronous load and save."""

import os
import tempfile
import unittest

from bilat_testutil import Bilat, Gio, GLib

FIXTURES = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "data", "import")


def fixture(name):
    return Gio.File.new_for_path(os.path.join(FIXTURES, name))


def ids(store):
    return [event.get_id() for event in store.get_events()]


class ImporterTests(unittest.TestCase):
    def setUp(self):
        self.files = [fixture("gdelt2.export.CSV"), fixture("gdelt1-daily.export.CSV")]
        self.sizes = sum(os.path.getsize(f.get_path()) for f in self.files)

    def run_async(self, start):
        """Runs @start(callback) in a main loop; returns the result."""
        loop = GLib.MainLoop()
        results = []

        def done(source, result):
            results.append(result)
            loop.quit()

        start(done)
        loop.run()
        return results[0]

    def test_settings_are_properties(self):
        importer = Bilat.Importer.new()
        self.assertEqual(importer.props.format, Bilat.EventFormat.AUTO)
        self.assertIsNone(importer.props.query)
        self.assertEqual(importer.props.threads, 1)
        importer.props.query = Bilat.Query.parse("actor:PAK")
        importer.props.threads = 2
        importer.props.flags = Bilat.ImportFlags.STRICT
        self.assertEqual(importer.get_query().to_string(), "actor:PAK")
        self.assertEqual((importer.get_threads(), importer.get_flags()), (2, Bilat.ImportFlags.STRICT))

    def test_import_sync_and_async(self):
        importer = Bilat.Importer.new()
        importer.props.query = Bilat.Query.parse("actor:PAK")
        progress = []
        importer.connect("progress", lambda imp, done, total, rows: progress.append((done, total)))

        store = Bilat.Store.new()
        report = importer.import_(store, self.files)
        self.assertGreater(report.props.kept, 0)
        self.assertEqual(progress[-1], (self.sizes, self.sizes))

        progress.clear()
        later = Bilat.Store.new()
        result = self.run_async(lambda done: importer.import_async(later, self.files, done))
        async_report = importer.import_finish(result)
        self.assertEqual(async_report.props.kept, report.props.kept)
        self.assertEqual(ids(later), ids(store))
        self.assertEqual(progress[-1], (self.sizes, self.sizes))

    def test_series_sync_and_async(self):
        importer = Bilat.Importer.new()
        importer.props.query = Bilat.Query.parse("actor:PAK")
        series, report = importer.compute_series(self.files, Bilat.SeriesUnit.MONTH)
        importer.props.threads = 2
        result = self.run_async(
            lambda done: importer.compute_series_async(self.files, Bilat.SeriesUnit.MONTH, done))
        async_series, async_report = importer.compute_series_finish(result)
        self.assertTrue(series.equal(async_series))
        self.assertEqual(async_report.props.kept, report.props.kept)

    def test_streams_sync_and_async(self):
        importer = Bilat.Importer.new()
        importer.props.query = Bilat.Query.parse("actor:PAK")
        path = self.files[0].get_path()
        size = os.path.getsize(path)
        progress = []
        importer.connect("progress", lambda imp, done, total, rows: progress.append((done, total)))

        by_file = Bilat.Store.new()
        expected = importer.import_(by_file, [self.files[0]])
        expected_series, _ = importer.compute_series([self.files[0]], Bilat.SeriesUnit.DAY)

        store = Bilat.Store.new()
        report = importer.import_stream(store, self.files[0].read(None), "named.CSV")
        self.assertEqual(report.props.kept, expected.props.kept)
        self.assertEqual(ids(store), ids(by_file))
        self.assertEqual(progress[-1], (size, size))

        progress.clear()
        later = Bilat.Store.new()
        result = self.run_async(
            lambda done: importer.import_stream_async(later, self.files[0].read(None), None, done))
        self.assertEqual(importer.import_stream_finish(result).props.kept, expected.props.kept)
        self.assertEqual(ids(later), ids(by_file))
        self.assertEqual(progress[-1], (size, size))

        with open(path, "rb") as f:
            memory = Gio.MemoryInputStream.new_from_bytes(GLib.Bytes.new(f.read()))
        series, series_report = importer.compute_series_from_stream(memory, None, Bilat.SeriesUnit.DAY)
        self.assertTrue(series.equal(expected_series))
        self.assertEqual(series_report.props.kept, expected.props.kept)
        result = self.run_async(
            lambda done: importer.compute_series_from_stream_async(
                self.files[0].read(None), "named.CSV", Bilat.SeriesUnit.DAY, done))
        async_series, async_report = importer.compute_series_from_stream_finish(result)
        self.assertTrue(async_series.equal(expected_series))
        self.assertEqual(async_report.props.kept, expected.props.kept)

    def test_cancelled(self):
        importer = Bilat.Importer.new()
        cancellable = Gio.Cancellable.new()
        cancellable.cancel()
        importer.props.cancellable = cancellable
        store = Bilat.Store.new()
        result = self.run_async(lambda done: importer.import_async(store, self.files, done))
        with self.assertRaises(GLib.Error) as raised:
            importer.import_finish(result)
        self.assertTrue(raised.exception.matches(Gio.io_error_quark(), Gio.IOErrorEnum.CANCELLED))
        self.assertEqual(len(store.get_events()), 0)
        stream = self.files[0].read(None)
        result = self.run_async(lambda done: importer.import_stream_async(store, stream, None, done))
        with self.assertRaises(GLib.Error) as raised:
            importer.import_stream_finish(result)
        self.assertTrue(raised.exception.matches(Gio.io_error_quark(), Gio.IOErrorEnum.CANCELLED))
        self.assertEqual(len(store.get_events()), 0)

    def test_import_to_file_sync_and_async(self):
        """Straight into a native file: the bytes a store saved natively has."""
        importer = Bilat.Importer.new()
        importer.props.query = Bilat.Query.parse("actor:PAK")
        with tempfile.TemporaryDirectory() as tmp:
            saved = Gio.File.new_for_path(os.path.join(tmp, "saved.bilat"))
            direct = Gio.File.new_for_path(os.path.join(tmp, "direct.bilat"))
            later = Gio.File.new_for_path(os.path.join(tmp, "later.bilat"))
            store = Bilat.Store.new()
            expected = importer.import_(store, self.files)
            self.assertTrue(store.save_to_native_file(saved, None))

            progress = []
            importer.connect("progress", lambda imp, done, total, rows: progress.append((done, total)))
            report = importer.import_to_file(self.files, direct)
            self.assertEqual(report.props.kept, expected.props.kept)
            self.assertGreater(report.props.kept, 0)
            self.assertEqual(progress[-1], (self.sizes, self.sizes))
            with open(saved.get_path(), "rb") as a, open(direct.get_path(), "rb") as b:
                self.assertEqual(a.read(), b.read())

            result = self.run_async(lambda done: importer.import_to_file_async(self.files, later, done))
            async_report = importer.import_to_file_finish(result)
            self.assertEqual(async_report.props.kept, report.props.kept)
            with open(later.get_path(), "rb") as a, open(direct.get_path(), "rb") as b:
                self.assertEqual(a.read(), b.read())
            loaded = Bilat.Store.new()
            self.assertTrue(loaded.load_from_path(direct.get_path()))
            self.assertEqual(ids(loaded), ids(store))

            # A missing input: an error, and the file as it was.
            before = open(direct.get_path(), "rb").read()
            missing = Gio.File.new_for_path(os.path.join(tmp, "missing.CSV"))
            with self.assertRaises(GLib.Error) as raised:
                importer.import_to_file([missing], direct)
            self.assertTrue(raised.exception.matches(Gio.io_error_quark(), Gio.IOErrorEnum.NOT_FOUND))
            self.assertEqual(open(direct.get_path(), "rb").read(), before)

    def test_async_save_and_load(self):
        builtin = Bilat.Store.new_builtin("pakistan-russia")
        with tempfile.TemporaryDirectory() as tmp:
            path = os.path.join(tmp, "builtin.json")
            result = self.run_async(
                lambda done: builtin.save_to_file_async(Gio.File.new_for_path(path), None, done))
            self.assertTrue(builtin.save_to_file_finish(result))
            result = self.run_async(
                lambda done: Bilat.Store.new_from_file_async(Gio.File.new_for_path(path), None, done))
            loaded = Bilat.Store.new_from_file_finish(result)
            self.assertEqual(ids(loaded), ids(builtin))
            self.assertEqual(loaded.save_to_data()[0], builtin.save_to_data()[0])

            missing = Gio.File.new_for_path(os.path.join(tmp, "missing.json"))
            result = self.run_async(lambda done: Bilat.Store.new_from_file_async(missing, None, done))
            with self.assertRaises(GLib.Error) as raised:
                Bilat.Store.new_from_file_finish(result)
            self.assertTrue(raised.exception.matches(Gio.io_error_quark(), Gio.IOErrorEnum.NOT_FOUND))


if __name__ == "__main__":
    unittest.main(verbosity=2)
