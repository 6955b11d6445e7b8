#!/usr/bin/env python3
# SPDX-License-Identifier: LGPL-2.1-or-later
"""bench-dask.py: the PAK-RUS monthly series of event files with bilat.dask
on a distributed.LocalCluster of 1 and then 2 worker processes (one thread
each), against Bilat.Series.from_files in this process.

    bench-dask.py --plain-bytes N [--runs R] [--files-per-task K] FILE...

bench-import runs it on its small .zip files when python3 has gi, dask and
distributed; it can run by hand with the environment of the build tree
(GI_TYPELIB_PATH, LD_LIBRARY_PATH, PYTHONPATH=bindings/python). Prints
rows of bench-import's table, and whether each answer equals the
single-process one.
"""

import argparse
import statistics
import sys
import time

import gi

gi.require_version("Bilat", "1.0")
from gi.repository import Bilat  # noqa: E402


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--plain-bytes", type=int, required=True, help="bytes of the files uncompressed")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--files-per-task", type=int, default=None)
    parser.add_argument("files", nargs="+")
    args = parser.parse_args()

    try:
        import distributed
        import bilat.dask
    except ImportError as error:
        print("bench-dask: %s (python3-dask, python3-distributed)" % error, file=sys.stderr)
        return 77

    query = "dyad:PAK,RUS"
    start = time.monotonic()
    expected, _ = Bilat.Series.from_files(args.files, by="month", query=Bilat.Query.parse(query))
    one_process = time.monotonic() - start
    print("| %-44s | %7.3f | %7.0f | %7s | %6s | %-7s |" % (
        "the same files, Series.from_files, 1 thread", one_process,
        args.plain_bytes / one_process / 1e6, "", "", "yes"))

    all_correct = True
    for workers in (1, 2):
        cluster = distributed.LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                                           dashboard_address=None)
        client = distributed.Client(cluster)
        walls = []
        correct = True
        try:
            # Warm-up: the workers import gi and load the typelib once.
            bilat.dask.series(client, args.files[:workers], query, by="month")
            for _ in range(max(1, args.runs)):
                start = time.monotonic()
                result = bilat.dask.series(client, args.files, query, by="month",
                                           files_per_task=args.files_per_task)
                walls.append(time.monotonic() - start)
                correct = correct and result.series.equal(expected) and not result.left_out
        finally:
            client.close()
            cluster.close()
        wall = statistics.median(walls)
        all_correct = all_correct and correct
        print("| %-44s | %7.3f | %7.0f | %7s | %6s | %-7s |" % (
            "bilat.dask, %d worker process%s" % (workers, "" if workers == 1 else "es"), wall,
            args.plain_bytes / wall / 1e6, "", "", "yes" if correct else "NO"))
    return 0 if all_correct else 1


if __name__ == "__main__":
    sys.exit(main())
