# SPDX-License-Identifier: LGPL-2.1-or-later
"""bilat.dask: the series of event files on a Dask cluster (two worker
processes of a distributed.LocalCluster) equals the series one process
counts; a corrupt file is named; partial series round-trip as bytes.

Needs python3-dask and python3-distributed, and the real GDELT 2.0 sample
(BILAT_SHARED_DATA); skips with a message without them."""

import os
import shutil
import tempfile
import unittest
import zipfile

from bilat_testutil import Bilat, GLib

try:
    import distributed
    import bilat.dask
    HAVE_DASK = True
except ImportError as error:  # pragma: no cover - depends on the machine
    HAVE_DASK = False
    WHY = str(error)

SHARED = os.environ.get("BILAT_SHARED_DATA", "")
SAMPLE = os.path.join(SHARED, "gdelt2", "20191024143000.export.CSV") if SHARED else ""


@unittest.skipUnless(HAVE_DASK, "python3-dask/python3-distributed missing" if not HAVE_DASK else "")
@unittest.skipUnless(os.path.isfile(SAMPLE), "the shared GDELT 2.0 sample is absent (BILAT_SHARED_DATA)")
class DaskTests(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.work = tempfile.mkdtemp(prefix="bilat-dask.")
        with open(SAMPLE, "rb") as f:
            lines = f.read().splitlines(keepends=True)
        # 24 files of the real rows, in order; every third one zipped.
        n = 24
        cls.files = []
        for i in range(n):
            part = b"".join(lines[i * len(lines) // n:(i + 1) * len(lines) // n])
            name = os.path.join(cls.work, "part-%02d.export.CSV" % i)
            if i % 3 == 2:
                with zipfile.ZipFile(name + ".zip", "w", zipfile.ZIP_DEFLATED) as z:
                    z.writestr(os.path.basename(name), part)
                name += ".zip"
            else:
                with open(name, "wb") as f:
                    f.write(part)
            cls.files.append(name)
        # A corrupt zip: its deflate data overwritten.
        cls.corrupt = os.path.join(cls.work, "corrupt.export.CSV.zip")
        with open(cls.files[2], "rb") as f:
            data = bytearray(f.read())
        data[60:120] = b"\xff" * 60
        with open(cls.corrupt, "wb") as f:
            f.write(data)
        # A file that repeats rows of the first one (same event ids).
        cls.repeat = os.path.join(cls.work, "repeat.export.CSV")
        shutil.copy(cls.files[0], cls.repeat)

        cls.cluster = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                               dashboard_address=None)
        cls.client = distributed.Client(cls.cluster)

    @classmethod
    def tearDownClass(cls):
        cls.client.close()
        cls.cluster.close()
        shutil.rmtree(cls.work, ignore_errors=True)

    def test_equals_one_process(self):
        for query in (None, "dyad:USA,CHN", "actor:PAK"):
            expected, report = Bilat.Series.from_files(self.files, by="day", query=(
                Bilat.Query.parse(query) if query else None))
            result = bilat.dask.series(self.client, self.files, query, by="day", files_per_task=3)
            self.assertTrue(result.series.equal(expected), query)
            self.assertEqual(result.left_out, [])
            self.assertEqual(result.files, len(self.files))
            self.assertEqual(result.kept, report.get_kept())
            self.assertEqual(result.rows, report.get_rows())

    def test_corrupt_file_named(self):
        files = self.files[:5] + [self.corrupt] + self.files[5:]
        expected, _ = Bilat.Series.from_files(self.files, by="month")
        result = bilat.dask.series(self.client, files, by="month")
        self.assertTrue(result.series.equal(expected))
        self.assertEqual([left.file for left in result.left_out], [self.corrupt])
        self.assertIn("corrupt.export.CSV.zip", result.left_out[0].message)
        with self.assertRaises(bilat.dask.FileError) as caught:
            bilat.dask.series(self.client, files, by="month", strict=True)
        self.assertEqual(caught.exception.file, self.corrupt)

    def test_shared_ids_first_occurrence(self):
        # The repeated rows count once, as in one process, whatever the
        # order of the files.
        for files in (self.files + [self.repeat], [self.repeat] + self.files):
            expected, report = Bilat.Series.from_files(files, by="day")
            result = bilat.dask.series(self.client, files, by="day")
            self.assertTrue(result.series.equal(expected))
            self.assertEqual(result.duplicates, report.get_duplicates())
            self.assertGreater(result.duplicates, 0)

    def test_partials_round_trip(self):
        parts = bilat.dask.count_files(self.files[:2], None, "month", None, False)
        merged = Bilat.Series.new(Bilat.SeriesUnit.MONTH)
        for part in parts:
            series = Bilat.Series.from_bytes(part["series"])
            self.assertEqual(bytes(series), part["series"])
            merged.merge(series)
            self.assertIn("gdelt", part["spans"])
        expected, _ = Bilat.Series.from_files(self.files[:2], by="month")
        self.assertTrue(merged.equal(expected))


class SpanTests(unittest.TestCase):
    """The id span a report gives, which bilat.dask relies on."""

    def test_span(self):
        fixture = os.path.join(os.path.dirname(__file__), "..", "data", "import", "gdelt2.export.CSV")
        series, report = Bilat.Series.from_files([fixture], by="year")
        with open(fixture) as f:
            ids = [int(line.split("\t", 1)[0]) for line in f if line.strip()]
        self.assertEqual(report.get_kept(), len(ids))
        found, first, last = report.get_id_span("gdelt")
        self.assertTrue(found)
        self.assertEqual((first, last), (min(ids), max(ids)))
        self.assertFalse(report.get_id_span("icews")[0])
        self.assertFalse(report.get_id_span("other")[0])


if __name__ == "__main__":
    unittest.main(verbosity=2)
