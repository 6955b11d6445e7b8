# SPDX-License-Identifier: LGPL-2.1-or-later
"""PyGObject overrides that make libbilat feel native in Python.

Installed beside PyGObject's own overrides, this module is loaded by
``from gi.repository import Bilat``. It adds:

- readable ``repr()`` and ``str()`` of records and dates, and comparison,
  equality and hashing of dates;
- keyword queries: ``store.find_events(dyad=("PAK", "RUS"), since="2015")``,
  ``store.find_positions(actor="PAK")``, ``store.align("PAK", "RUS")`` and
  ``store.compute_series(by="month", dyad=("PAK", "RUS"))`` and
  ``store.count_exercises(dyad=("USA", "IND"))`` (joint exercises by year);
- event data read through a ``Bilat.Importer`` in one call:
  ``store.import_events("events.CSV.zip", dyad=("PAK", "RUS"))`` and
  ``Series.from_files(paths, by="month", actor="PAK", jobs=4)``;
- ``Alignment.affinity`` (``None`` when the actors share no issue) and
  iteration over the bins of a series as named tuples;
- dyad-year panels: ``store.build_panel(dyads=[("PAK", "RUS")],
  first_year=2005, last_year=2010)`` iterates named tuples (``None`` in
  an empty cell), and ``panel.to_pandas()`` gives a DataFrame.

Every result list is a ``Gio.ListModel``, which PyGObject already lets you
iterate, index and take the ``len()`` of. Errors are ``GLib.Error`` with
the library's domain and code.
"""

import collections
import math

from gi.repository import GLib

from ..importer import modules
from ..overrides import override

Bilat = modules["Bilat"]._introspection_module

__all__ = []


def _register(cls):
    __all__.append(cls.__name__)
    return override(cls)


# Dates ---------------------------------------------------------------------

class Date(Bilat.Date):
    def __str__(self):
        return self.to_string()

    def __repr__(self):
        return "Bilat.Date(%r)" % self.to_string()

    def __eq__(self, other):
        if not isinstance(other, Bilat.Date):
            return NotImplemented
        return Bilat.Date.equal(self, other)

    def __ne__(self, other):
        result = self.__eq__(other)
        return result if result is NotImplemented else not result

    def __lt__(self, other):
        if not isinstance(other, Bilat.Date):
            return NotImplemented
        return Bilat.Date.compare(self, other) < 0

    def __le__(self, other):
        if not isinstance(other, Bilat.Date):
            return NotImplemented
        return Bilat.Date.compare(self, other) <= 0

    def __gt__(self, other):
        if not isinstance(other, Bilat.Date):
            return NotImplemented
        return Bilat.Date.compare(self, other) > 0

    def __ge__(self, other):
        if not isinstance(other, Bilat.Date):
            return NotImplemented
        return Bilat.Date.compare(self, other) >= 0

    def __hash__(self):
        return Bilat.Date.hash(self)


Date = _register(Date)


def _as_date(value):
    """A Bilat.Date from a Date, an ISO/EDTF string or an int year."""
    if value is None or isinstance(value, Bilat.Date):
        return value
    if isinstance(value, int):
        value = "%04d" % value
    return Bilat.Date.parse(str(value))


# Records -------------------------------------------------------------------

def _record_repr(self):
    parts = [self.get_id()]
    date = getattr(self, "get_date", None)
    if date is not None:
        when = date()
        parts.append(when.to_string() if when is not None else "unknown date")
    title = getattr(self, "get_title", None) or getattr(self, "get_name", None)
    if title is not None and title():
        parts.append(repr(title()))
    return "<Bilat.%s %s>" % (type(self).__name__, " ".join(parts))


class Record(Bilat.Record):
    __repr__ = _record_repr

    @property
    def citations(self):
        return list(self.get_citations())


Record = _register(Record)


class Participant(Bilat.Participant):
    def __repr__(self):
        return "<Bilat.Participant %s %s>" % (self.get_actor(), self.get_role().value_nick)


Participant = _register(Participant)


class Citation(Bilat.Citation):
    def __str__(self):
        return self.to_string()

    def __repr__(self):
        return "<Bilat.Citation %s>" % self.to_string()


Citation = _register(Citation)


# Queries -------------------------------------------------------------------

_TYPES = {
    "event": Bilat.Event,
    "exercise": Bilat.Exercise,
}


def _flags(enum_type, names):
    """A flags value from a flags value, a nick or an iterable of nicks."""
    if names is None or isinstance(names, enum_type):
        return names
    if isinstance(names, str):
        names = [names]
    value = enum_type(0)
    for name in names:
        value |= getattr(enum_type, name.upper().replace("-", "_"))
    return value


def make_query(query=None, *, actor=None, actors=None, dyad=None, since=None,
               until=None, period=None, type=None, cameo=None, quad=None,
               sectors=None, sector=None, issue=None, text=None,
               succession=None):
    """Builds a Bilat.Query from keyword arguments.

    ``query`` may be a Bilat.Query (copied) or its string form, and the
    keywords then narrow it further. ``since``/``until``/``period`` take a
    Bilat.Date, a string such as ``"2015-07"`` or a year as an int; ``type``
    is ``"event"``, ``"exercise"`` or a class; ``quad`` an int 1-4 or a
    Bilat.QuadClass; ``sectors`` a Bilat.Sector, a nick or a list of nicks.
    """
    if query is None:
        result = Bilat.Query.new()
    elif isinstance(query, Bilat.Query):
        result = query.copy()
    else:
        result = Bilat.Query.parse(query)

    names = []
    if actor is not None:
        names.append(actor)
    if actors is not None:
        names.extend(actors)
    for name in names:
        result.add_actor(name)
    if dyad is not None:
        first, second = dyad
        result.set_dyad(first, second)
    if period is not None:
        result.set_period(_as_date(period))
    if since is not None:
        result.set_period_start(_as_date(since))
    if until is not None:
        result.set_period_end(_as_date(until))
    if type is not None:
        cls = _TYPES[type] if isinstance(type, str) else type
        result.set_event_type(cls.__gtype__)
    if cameo is not None:
        result.set_cameo_prefix(str(cameo))
    if quad is not None:
        result.set_quad_class(Bilat.QuadClass(int(quad)))
    if sectors is not None or sector is not None:
        result.set_sectors(_flags(Bilat.Sector, sectors if sectors is not None else sector))
    if issue is not None:
        result.set_issue(issue)
    if text is not None:
        result.set_text(text)
    if succession is not None:
        result.set_follow_succession(bool(succession))
    return result


__all__.append("make_query")


class Query(Bilat.Query):
    def __str__(self):
        return self.to_string()

    def __repr__(self):
        return "Bilat.Query(%r)" % self.to_string()


Query = _register(Query)


# The store -----------------------------------------------------------------

class Store(Bilat.Store):
    def find_events(self, query=None, **criteria):
        """The events matching a query and/or keyword criteria, in date order."""
        if query is None and not criteria:
            return Bilat.Store.find_events(self, None)
        return Bilat.Store.find_events(self, make_query(query, **criteria))

    def find_positions(self, query=None, **criteria):
        """The positions matching a query and/or keyword criteria."""
        if query is None and not criteria:
            return Bilat.Store.find_positions(self, None)
        return Bilat.Store.find_positions(self, make_query(query, **criteria))

    def align(self, actor_a, actor_b, query=None, **criteria):
        """The issue-by-issue alignment of two actors."""
        if query is None and not criteria:
            return Bilat.Store.align(self, actor_a, actor_b, None)
        return Bilat.Store.align(self, actor_a, actor_b, make_query(query, **criteria))

    def compute_series(self, query=None, unit=None, by=None, **criteria):
        """The series of the matching events by day, month or year."""
        if isinstance(query, Bilat.SeriesUnit):
            query, unit = None, query
        if unit is None:
            unit = getattr(Bilat.SeriesUnit, (by or "month").upper())
        if query is None and not criteria:
            return Bilat.Store.compute_series(self, None, unit)
        return Bilat.Store.compute_series(self, make_query(query, **criteria), unit)

    def count_exercises(self, query=None, unit=None, by=None, **criteria):
        """The matching exercises counted per day, month or year (by year
        unless said): ``store.count_exercises(dyad=("USA", "IND"))``."""
        if isinstance(query, Bilat.SeriesUnit):
            query, unit = None, query
        if unit is None:
            unit = getattr(Bilat.SeriesUnit, (by or "year").upper())
        if query is None and not criteria:
            return Bilat.Store.count_exercises(self, None, unit)
        return Bilat.Store.count_exercises(self, make_query(query, **criteria), unit)

    def import_events(self, source, format=None, query=None, *, strict=False, cancellable=None,
                      progress=None, name=None, **criteria):
        """Reads GDELT or ICEWS events into the store with a Bilat.Importer.

        ``source`` is a path or Gio.File, a list of them (imported as one),
        or a Gio.InputStream (called ``name`` in messages); ``format`` a
        Bilat.EventFormat or its nick (``"gdelt2"``); the query a
        Bilat.Query, its string form or keyword criteria
        (``dyad=("PAK", "RUS")``). ``strict=True`` fails on the first bad
        row; ``progress`` is called with (bytes_done, bytes_total, rows).
        Returns the import report.
        """
        from gi.repository import Gio
        importer = _importer(format, _maybe_query(query, criteria), strict, cancellable, progress)
        if isinstance(source, Gio.InputStream):
            return importer.import_stream(self, source, name)
        if isinstance(source, (list, tuple)):
            return importer.import_(self, [_as_file(f) for f in source])
        return importer.import_(self, [_as_file(source)])

    def import_votes(self, source, flags=None, cancellable=None, *, strict=False, name=None):
        """Reads UN General Assembly roll calls, their topics and votes.

        ``source`` is a path or Gio.File, a list of them (the three tables
        in any order, plain, .gz or .zip), or a Gio.InputStream (called
        ``name`` in messages). ``strict=True`` (or ``flags``
        Bilat.ImportFlags.STRICT, as in C) fails on the first bad row.
        Returns the import report.
        """
        from gi.repository import Gio
        if flags is None:
            flags = Bilat.ImportFlags.NONE
        if strict:
            flags |= Bilat.ImportFlags.STRICT
        if isinstance(source, Gio.InputStream):
            return Bilat.Store.import_votes_from_stream(self, source, name, flags, cancellable)
        if not isinstance(source, (list, tuple)):
            source = [source]
        return Bilat.Store.import_votes(self, [_as_file(f) for f in source], flags, cancellable)

    def affinity(self, actor_a, actor_b, by=None, topic=None, important=False, thin=None,
                 query=None, **criteria):
        """How close two actors stand from their votes: a Bilat.Affinity
        that iterates named tuples (year or session when ``by`` is "year"
        or "session", then n, agree, s, s2, kappa, pi, thin), None where a
        measure is not defined. ``topic`` is a topic code ("me"),
        ``important`` keeps important votes only, ``thin`` sets the thin
        threshold, and the query (or keyword criteria such as
        ``since=2010``) chooses the roll calls."""
        settings = _affinity_settings(by, topic, important, thin, query, criteria)
        return Bilat.Store.compute_affinity(self, actor_a, actor_b, settings)

    def affinity_matrix(self, actors=None, topic=None, important=False, thin=None,
                        query=None, **criteria):
        """The affinity of every pair of ``actors`` (default: every state
        that voted) over one period: named tuples (a, b, n, agree, s, s2,
        kappa, pi, thin)."""
        settings = _affinity_settings(None, topic, important, thin, query, criteria)
        return Bilat.Store.compute_affinity_matrix(self, actors, settings)

    def build_panel(self, settings=None, cancellable=None, *, dyads=None, directed=None,
                    first_year=None, last_year=None, by=None, columns=None, topics=None,
                    event_store=None):
        """A dyad-year (or dyad-month) panel, a Bilat.Panel that iterates
        named tuples. Give Bilat.PanelSettings, or keywords: ``dyads``
        (pairs of actor ids; none for every pair of states), ``directed``,
        ``first_year`` and ``last_year``, ``by`` ("year" or "month"),
        ``columns`` (Bilat.PanelColumns, or names such as
        ``["exercises", "affinity"]``), ``topics`` (``["me"]``) and
        ``event_store`` (a store of events imported from files)."""
        if settings is None:
            settings = _panel_settings(dyads, directed, first_year, last_year, by, columns, topics,
                                       event_store)
        return Bilat.Store.build_panel(self, settings, cancellable)

    def __repr__(self):
        return "<Bilat.Store %d sources, %d actors, %d issues, %d events, %d positions>" % (
            len(self.get_sources()), len(self.get_actors()), len(self.get_issues()),
            len(self.get_events()), len(self.get_positions()))


Store = _register(Store)


def _panel_settings(dyads, directed, first_year, last_year, by, columns, topics, event_store):
    settings = Bilat.PanelSettings.new()
    for a, b in dyads or ():
        settings.add_dyad(a, b)
    if directed is not None:
        settings.set_directed(directed)
    if first_year is not None:
        settings.set_first_year(first_year)
    if last_year is not None:
        settings.set_last_year(last_year)
    if by is not None:
        settings.set_unit(by if isinstance(by, Bilat.SeriesUnit) else getattr(Bilat.SeriesUnit, by.upper()))
    if columns is not None:
        if not isinstance(columns, Bilat.PanelColumns):
            names = [columns] if isinstance(columns, str) else columns
            columns = _flags(Bilat.PanelColumns, ["exercise_domains" if n == "domains" else n for n in names])
        settings.set_columns(columns)
    if topics is not None:
        settings.set_topics([topics] if isinstance(topics, str) else list(topics))
    if event_store is not None:
        settings.set_event_store(event_store)
    return settings


def _as_file(file):
    from gi.repository import Gio
    if isinstance(file, Gio.File):
        return file
    return Gio.File.new_for_path(str(file))


def _as_format(format):
    if format is None:
        return Bilat.EventFormat.AUTO
    if isinstance(format, str):
        return getattr(Bilat.EventFormat, format.upper())
    return format


def _maybe_query(query, criteria):
    if query is None and not criteria:
        return None
    return make_query(query, **criteria)


def _affinity_settings(by, topic, important, thin, query, criteria):
    settings = Bilat.AffinitySettings.new()
    if by is not None:
        unit = by if isinstance(by, Bilat.AffinityUnit) else getattr(Bilat.AffinityUnit, by.upper())
        settings.set_unit(unit)
    if topic is not None:
        settings.set_topic(topic)
    settings.set_important_only(bool(important))
    if thin is not None:
        settings.set_thin_threshold(int(thin))
    query = _maybe_query(query, criteria)
    if query is not None:
        settings.set_query(query)
    return settings


def _importer(format, query, strict, cancellable, progress, jobs=1):
    """A Bilat.Importer with these settings; ``progress`` gets the figures
    of its ::progress signal."""
    importer = Bilat.Importer(format=_as_format(format),
                              flags=Bilat.ImportFlags.STRICT if strict else Bilat.ImportFlags.NONE,
                              threads=jobs)
    if query is not None:
        importer.props.query = query
    if cancellable is not None:
        importer.props.cancellable = cancellable
    if progress is not None:
        importer.connect("progress", lambda _importer, done, total, rows: progress(done, total, rows))
    return importer


# Analysis ------------------------------------------------------------------

def _measure(value):
    """None for an undefined measure (NaN in C), else the value."""
    return None if math.isnan(value) else value


class Alignment(Bilat.Alignment):
    @property
    def affinity(self):
        """Signorino-Ritter S, or None when the actors share no issue."""
        ok, score = self.get_affinity()
        return score if ok else None

    @property
    def agree(self):
        """The agreement index, or None when the actors share no issue."""
        return _measure(self.get_agree())

    @property
    def s(self):
        """S with absolute distances, or None when undefined."""
        return _measure(self.get_s())

    @property
    def s2(self):
        """S with squared distances, or None when undefined."""
        return _measure(self.get_s2())

    @property
    def kappa(self):
        """Cohen's kappa with linear weights, or None when undefined."""
        return _measure(self.get_kappa())

    @property
    def pi(self):
        """Scott's pi with linear weights, or None when undefined."""
        return _measure(self.get_pi())

    @property
    def thin(self):
        """Whether the measures rest on fewer issues than the threshold."""
        return self.get_thin()

    def __repr__(self):
        score = self.affinity
        return "<Bilat.Alignment %s/%s n=%d S=%s>" % (
            self.get_actor_a(), self.get_actor_b(), self.get_n_shared(),
            "none" if score is None else "%.3f" % score)


Alignment = _register(Alignment)


class IssueAlignment(Bilat.IssueAlignment):
    def __repr__(self):
        return "<Bilat.IssueAlignment %s %s>" % (self.get_issue(), self.get_agreement().value_nick)


IssueAlignment = _register(IssueAlignment)


Bin = collections.namedtuple(
    "Bin", "period events goldstein_sum goldstein_mean goldstein_events q1 q2 q3 q4")
__all__.append("Bin")


class Series(Bilat.Series):
    @classmethod
    def from_files(cls, files, by="month", format=None, query=None, jobs=1, *,
                   strict=False, cancellable=None, progress=None, **criteria):
        """The series of the matching events of event files, counted without
        keeping them by a Bilat.Importer, ``jobs`` files at a time (0: as
        many as there are processors). Returns (series, report)."""
        import os
        gfiles = [_as_file(f) for f in files]
        unit = getattr(Bilat.SeriesUnit, by.upper())
        jobs = jobs or os.cpu_count() or 1
        importer = _importer(format, _maybe_query(query, criteria), strict, cancellable, progress,
                             min(jobs, 256))
        return importer.compute_series(gfiles, unit)

    def __len__(self):
        return self.get_n_bins()

    def __getitem__(self, index):
        n = self.get_n_bins()
        if index < 0:
            index += n
        if not 0 <= index < n:
            raise IndexError("series bin out of range")
        mean = self.get_goldstein_mean(index)
        quads = [self.get_quad_count(index, Bilat.QuadClass(q)) for q in range(1, 5)]
        return Bin(self.get_bin_date(index).to_string(), self.get_count(index),
                   self.get_goldstein_sum(index), None if math.isnan(mean) else mean,
                   self.get_goldstein_count(index), *quads)

    def __iter__(self):
        for index in range(self.get_n_bins()):
            yield self[index]

    def __repr__(self):
        return "<Bilat.Series by %s, %d bins, %d events>" % (
            self.get_unit().value_nick, self.get_n_bins(), self.get_total())

    def __bytes__(self):
        """The series as bytes (Bilat.Series.to_bytes), exact and versioned."""
        return self.to_bytes().get_data()

    @classmethod
    def from_bytes(cls, data):
        """The series of bytes that bytes(series) or to_bytes() gave."""
        return Bilat.Series.new_from_bytes(GLib.Bytes.new(bytes(data)))

    def __reduce__(self):
        # Pickled as its bytes: series travel to and from worker processes.
        return (_series_from_bytes, (bytes(self),))


def _series_from_bytes(data):
    return Series.from_bytes(data)


Series = _register(Series)


_MEASURES = "n agree s s2 kappa pi thin"
YearScore = collections.namedtuple("YearScore", "year " + _MEASURES)
SessionScore = collections.namedtuple("SessionScore", "session " + _MEASURES)
PeriodScore = collections.namedtuple("PeriodScore", _MEASURES)
PairScore = collections.namedtuple("PairScore", "a b " + _MEASURES)
__all__.extend(["YearScore", "SessionScore", "PeriodScore", "PairScore"])


class AffinityScore(Bilat.AffinityScore):
    def __repr__(self):
        return "<Bilat.AffinityScore %s/%s n=%d S=%s>" % (
            self.get_actor_a(), self.get_actor_b(), self.get_n(),
            "none" if math.isnan(self.get_s()) else "%.3f" % self.get_s())


AffinityScore = _register(AffinityScore)


class Affinity(Bilat.Affinity):
    """Iterates named tuples with the fields of the tool's CSV columns."""

    def _row(self, score):
        measures = (score.get_n(), _measure(score.get_agree()), _measure(score.get_s()),
                    _measure(score.get_s2()), _measure(score.get_kappa()),
                    _measure(score.get_pi()), score.get_thin())
        unit = self.get_unit()
        if unit == Bilat.AffinityUnit.YEAR:
            return YearScore(score.get_year(), *measures)
        if unit == Bilat.AffinityUnit.SESSION:
            return SessionScore(score.get_session(), *measures)
        if self.get_matrix():
            return PairScore(score.get_actor_a(), score.get_actor_b(), *measures)
        return PeriodScore(*measures)

    def __len__(self):
        return self.get_n_items()

    def __getitem__(self, index):
        n = self.get_n_items()
        if index < 0:
            index += n
        if not 0 <= index < n:
            raise IndexError("affinity score out of range")
        return self._row(self.get_item(index))

    def __iter__(self):
        for index in range(self.get_n_items()):
            yield self[index]

    def __str__(self):
        return self.to_string(Bilat.AffinityFormat.TABLE, Bilat.AffinityMeasures.ALL)

    def __repr__(self):
        return "<Bilat.Affinity by %s, %d scores>" % (self.get_unit().value_nick, self.get_n_items())

    def __bytes__(self):
        """The scores as bytes (Bilat.Affinity.to_bytes), exact and versioned."""
        return self.to_bytes().get_data()

    @classmethod
    def from_bytes(cls, data):
        """The scores of bytes that bytes(affinity) or to_bytes() gave."""
        return Bilat.Affinity.new_from_bytes(GLib.Bytes.new(bytes(data)))

    def __reduce__(self):
        # Pickled as its bytes, like Series.
        return (_affinity_from_bytes, (bytes(self),))


def _affinity_from_bytes(data):
    return Affinity.from_bytes(data)


Affinity = _register(Affinity)


# Panels --------------------------------------------------------------------

class Panel(Bilat.Panel):
    """A dyad-year panel: iterates named tuples whose fields are the
    columns (``a``, ``b``, ``cow_a``, ``cow_b``, ``year`` …), None in an
    empty cell, so that ``pandas.DataFrame(list(panel))`` is the table;
    ``to_pandas()`` builds it faster, column by column."""

    @classmethod
    def from_files(cls, files, store=None, settings=None, format=None, query=None, jobs=1, *,
                   strict=False, cancellable=None, progress=None, dyads=None, directed=None,
                   first_year=None, last_year=None, by=None, columns=None, topics=None, **criteria):
        """A panel whose events columns are counted straight from event
        files (GDELT, ICEWS; plain, .gz or .zip) by a Bilat.Importer,
        without keeping the events, ``jobs`` files at a time (0: as many as
        there are processors); the other columns come from ``store``. Give
        Bilat.PanelSettings or the keywords of Store.build_panel; the query
        (a Bilat.Query, its string form or keyword criteria) selects the
        events counted. Returns (panel, report)."""
        import os
        if settings is None:
            settings = _panel_settings(dyads, directed, first_year, last_year, by, columns, topics, None)
        jobs = jobs or os.cpu_count() or 1
        importer = _importer(format, _maybe_query(query, criteria), strict, cancellable, progress,
                             min(jobs, 256))
        return importer.build_panel(store, settings, [_as_file(f) for f in files])

    def _row_type(self):
        fields = tuple(self.get_columns())
        row_type = _PANEL_ROW_TYPES.get(fields)
        if row_type is None:
            row_type = _PANEL_ROW_TYPES[fields] = collections.namedtuple("PanelRow", fields)
        return row_type

    def _cell(self, row, index):
        """A cell: str, int or float, None where empty."""
        kind = self.get_column_type(index)
        if kind == Bilat.PanelValueType.TEXT:
            return self.get_text(row, index)
        present, value = self.get_number(row, index)
        if not present:
            return None
        return int(value) if kind == Bilat.PanelValueType.INTEGER else value

    def _column(self, index):
        """The cells of a column, read at once."""
        kind = self.get_column_type(index)
        n = self.get_n_rows()
        if kind == Bilat.PanelValueType.TEXT:
            name = self.get_columns()[index]
            if name == "a":
                return [self.get_actor_a(r) for r in range(n)]
            if name == "b":
                return [self.get_actor_b(r) for r in range(n)]
            return [self.get_text(r, index) for r in range(n)]
        values = self.get_column_numbers(index)
        if kind == Bilat.PanelValueType.INTEGER:
            return [None if math.isnan(v) else int(v) for v in values]
        return [None if math.isnan(v) else v for v in values]

    def __len__(self):
        return self.get_n_rows()

    def __getitem__(self, index):
        n = self.get_n_rows()
        if index < 0:
            index += n
        if not 0 <= index < n:
            raise IndexError("panel row out of range")
        return self._row_type()(*(self._cell(index, c) for c in range(len(self.get_columns()))))

    def __iter__(self):
        row_type = self._row_type()
        columns = [self._column(c) for c in range(len(self.get_columns()))]
        for values in zip(*columns):
            yield row_type(*values)

    @property
    def coverage(self):
        """Each source's span as an ISO interval ("1980/2016"), or None."""
        spans = {}
        for source in (Bilat.PanelSource.EXERCISES, Bilat.PanelSource.EVENTS, Bilat.PanelSource.AFFINITY):
            span = self.get_coverage(source)
            spans[source.value_nick] = None if span is None else span.to_string()
        return spans

    def to_pandas(self):
        """The panel as a pandas.DataFrame: counts and codes as the nullable
        Int64 type, measures as floats, empty cells as NA; the coverage in
        ``DataFrame.attrs["coverage"]``. Needs pandas."""
        try:
            import pandas
        except ImportError as error:
            raise ImportError("Panel.to_pandas() needs pandas; list(panel) gives the rows without it") from error
        data = {}
        for index, name in enumerate(self.get_columns()):
            kind = self.get_column_type(index)
            if kind == Bilat.PanelValueType.TEXT:
                data[name] = self._column(index)
            elif kind == Bilat.PanelValueType.INTEGER:
                data[name] = pandas.array(self._column(index), dtype="Int64")
            else:
                data[name] = self.get_column_numbers(index)
        frame = pandas.DataFrame(data)
        frame.attrs["coverage"] = self.coverage
        return frame

    def __str__(self):
        return self.to_string(Bilat.PanelFormat.TABLE)

    def __repr__(self):
        return "<Bilat.Panel %s dyad-%ss, %d rows, columns %s>" % (
            "directed" if self.get_directed() else "undirected", self.get_unit().value_nick,
            self.get_n_rows(), ", ".join(self.get_columns()))


_PANEL_ROW_TYPES = {}
Panel = _register(Panel)


class PanelRow(Bilat.PanelRow):
    def as_tuple(self):
        """The row as the panel's named tuple."""
        return self.get_panel()[self.get_index()]

    def __repr__(self):
        return "<Bilat.PanelRow %r>" % (self.as_tuple(),)


PanelRow = _register(PanelRow)
