# SPDX-License-Identifier: LGPL-2.1-or-later
"""Series of event files computed on a Dask cluster.

The files are split into tasks of consecutive files; each worker counts a
task's files with ``Bilat.Series.from_files`` (each file alone if one of
them cannot be read, so that a bad file costs only itself), and ships the
partial series back as bytes (``Bilat.Series.to_bytes``), with the span of
the event ids it kept. The client merges the partials::

    from dask.distributed import Client
    import bilat.dask

    client = Client("tcp://scheduler:8786")
    result = bilat.dask.series(client, paths, "dyad:PAK,RUS", by="month")
    for b in result.series:
        print(b.period, b.events)
    for left in result.left_out:
        print("not read:", left.file, left.message)

The answer is the one a single process gives over the same files: of rows
that share an event id, the first in the order of the files counts. Files
whose id spans overlap (which GDELT's files, numbered in time, never do)
are counted again together, in their order, on one worker.

Files are paths or URLs that GIO reads on the workers (``file://``,
``sftp://``, ``https://`` … where the workers have GVfs). Progress shows
in Dask's own dashboard, and with ``progress=True`` through
``distributed.progress``.
"""

import collections

__all__ = ["series", "Result", "LeftOut", "FileError"]

Result = collections.namedtuple("Result", "series left_out files rows kept bad_rows duplicates")
Result.__doc__ = """What bilat.dask.series() returns: the merged Bilat.Series, the files
left out (LeftOut items, in file order), and the figures of the files read."""

LeftOut = collections.namedtuple("LeftOut", "file message")
LeftOut.__doc__ = "A file that could not be read, and why (its file and row)."

_PREFIXES = ("gdelt", "icews")


class FileError(RuntimeError):
    """In strict mode: a file could not be read (or had a bad row)."""

    def __init__(self, file, message):
        super().__init__("%s: %s" % (file, message))
        self.file = file
        self.message = message


def _bilat():
    import gi
    gi.require_version("Bilat", "1.0")
    from gi.repository import Bilat, GLib, Gio
    return Bilat, GLib, Gio


def _query_text(query, criteria):
    """The query as its string form, which travels to the workers."""
    Bilat, _, _ = _bilat()
    if query is None and not criteria:
        return None
    if isinstance(query, str) and not criteria:
        return Bilat.Query.parse(query).to_string()
    return Bilat.make_query(query, **criteria).to_string()


def _read(files, query_text, by, format, strict):
    """Counts @files together, in their order: (series, report)."""
    Bilat, _, Gio = _bilat()
    query = Bilat.Query.parse(query_text) if query_text else None
    gfiles = [Gio.File.new_for_commandline_arg(str(f)) for f in files]
    return Bilat.Series.from_files(gfiles, by=by, format=format, query=query, strict=strict)


def _figures(report):
    return {
        "rows": report.get_rows(),
        "kept": report.get_kept(),
        "bad_rows": report.get_bad_rows(),
        "duplicates": report.get_duplicates(),
    }


def _part(files, series, report):
    spans = {}
    for prefix in _PREFIXES:
        found, first, last = report.get_id_span(prefix)
        if found:
            spans[prefix] = (first, last)
    return dict(_figures(report), files=list(files), series=bytes(series), spans=spans)


def count_files(files, query_text, by, format, strict):
    """The task a worker runs: @files counted together, in their order, into
    one partial series (as bytes, with its id spans and figures). If one of
    them cannot be read, each is counted alone instead, so that only the
    bad ones are left out. Returns a list of dicts: partials, and
    ``{"file", "error"}`` for the files left out."""
    _, GLib, _ = _bilat()
    try:
        series, report = _read(files, query_text, by, format, strict)
        return [_part(files, series, report)]
    except GLib.Error:
        pass
    out = []
    for f in files:
        try:
            series, report = _read([f], query_text, by, format, strict)
        except GLib.Error as error:
            out.append({"file": f, "error": error.message})
            continue
        out.append(_part([f], series, report))
    return out


def count_together(files, query_text, by, format, strict):
    """The task for files whose ids may be shared: counted together, in
    their order, as one process would."""
    series, report = _read(files, query_text, by, format, strict)
    return dict(_figures(report), series=bytes(series))


def _overlapping(results):
    """The indexes of the results whose id spans overlap another's."""
    involved = set()
    for prefix in _PREFIXES:
        spans = sorted((r["spans"][prefix][0], r["spans"][prefix][1], i)
                       for i, r in enumerate(results) if prefix in r["spans"])
        cluster = []
        end = None
        for first, last, index in spans:
            if end is not None and first <= end:
                cluster.append(index)
                end = max(end, last)
                continue
            if len(cluster) > 1:
                involved.update(cluster)
            cluster = [index]
            end = last
        if len(cluster) > 1:
            involved.update(cluster)
    return involved


def series(client, files, query=None, by="month", *, format=None, strict=False,
           files_per_task=None, progress=False, **criteria):
    """The series of the events of @files that match @query (a Bilat.Query,
    its string form, or keyword criteria as Bilat.make_query takes),
    counted on the workers of the Dask @client, ``files_per_task`` files
    per task (by default about four tasks per worker, at most 200 files
    each), and merged: the same series as ``Bilat.Series.from_files``
    gives in one process.

    A file that cannot be read is left out and named in the result's
    ``left_out`` with the error (which names the file and the row); with
    ``strict=True`` the first such file, or the first bad row, raises
    FileError instead.
    """
    Bilat, _, _ = _bilat()
    files = [str(f) for f in files]
    query_text = _query_text(query, criteria)
    unit = getattr(Bilat.SeriesUnit, by.upper())
    format_name = format if format is None or isinstance(format, str) else format.value_nick
    if files_per_task is None:
        workers = max(1, len(client.scheduler_info().get("workers", {})))
        files_per_task = min(200, -(-len(files) // (4 * workers)))
    per_task = max(1, int(files_per_task))
    chunks = [files[i:i + per_task] for i in range(0, len(files), per_task)]

    futures = client.map(count_files, chunks, query_text=query_text, by=by, format=format_name,
                         strict=strict, pure=False)
    if progress:
        from distributed import progress as dask_progress
        dask_progress(futures)
    results = [r for chunk in client.gather(futures) for r in chunk]

    left_out = [LeftOut(r["file"], r["error"]) for r in results if "error" in r]
    if strict and left_out:
        raise FileError(left_out[0].file, left_out[0].message)
    read = [r for r in results if "error" not in r]

    # Partials whose ids may overlap are counted again together, in the
    # order of their files.
    parts = []
    involved = _overlapping(read)
    for index, result in enumerate(read):
        if index not in involved:
            parts.append(result)
    if involved:
        together = [f for i in sorted(involved) for f in read[i]["files"]]
        parts.append(client.submit(count_together, together, query_text, by, format_name, strict,
                                   pure=False).result())

    merged = Bilat.Series.new(unit)
    for part in parts:
        merged.merge(Bilat.Series.from_bytes(part["series"]))
    return Result(merged, left_out, sum(len(r["files"]) for r in read),
                  sum(p["rows"] for p in parts), sum(p["kept"] for p in parts),
                  sum(p["bad_rows"] for p in parts), sum(p["duplicates"] for p in parts))
