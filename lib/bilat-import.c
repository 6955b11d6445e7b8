/* bilat-import.c: importing event data into a store, or counting it into series
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include <bilat/bilat.h>

#include <math.h>
#include <string.h>

#include "bilat-id-set-private.h"
#include "bilat-import-private.h"
#include "bilat-native-private.h"
#include "bilat-problem-private.h"
#include "bilat-row-filter-private.h"
#include "bilat-segment-private.h"
#include "bilat-store-private.h"
#include "bilat-series-private.h"

/**
 * SECTION:bilat-import
 * @title: Reading event data
 * @short_description: GDELT 1.0, GDELT 2.0 and ICEWS files into stores
 *   and series
 *
 * libbilat reads machine-coded event data as it is published: GDELT 1.0
 * daily and historical files, GDELT 2.0 15-minute exports and ICEWS
 * annual files, plain, gzip-compressed (`.gz`, several gzip members in a
 * row included) or in zip archives (`.zip`, each file of the archive in
 * turn). Compression is told from the content, and so is the format (see
 * [enum@Bilat.EventFormat]) unless it is given.
 *
 * A [class@Bilat.Importer] reads it in two ways:
 *
 * - [method@Bilat.Importer.import] adds the events that match a
 *   query to a store, as [class@Bilat.CodedEvent]s, with the actors and
 *   sources they refer to. Only matching events are kept in memory.
 * - [method@Bilat.Importer.compute_series] counts the events that match a
 *   query straight into a [class@Bilat.Series], keeping no events at all:
 *   its memory does not grow with the input. Files can be read by several
 *   threads at once, and the series of files read elsewhere merged with
 *   [method@Bilat.Series.merge]. [method@Bilat.Importer.build_panel]
 *   counts them likewise into the events columns of a dyad-year
 *   [class@Bilat.Panel].
 *
 * Both evaluate the query on the raw columns of each row before anything
 * is built: a row that the query rejects is read no further than the
 * columns it rejects it on. A query's actors, dyad, period, CAMEO prefix,
 * QuadClass and text are all evaluated this way, with the semantics of
 * [method@Bilat.Query.match_event] on the event the row would become;
 * coded events are of type [class@Bilat.CodedEvent] and have no sectors,
 * so that a query for exercises or for sectors matches none. Actors
 * follow state succession as the store's actors say, when importing into
 * a store; series from files compare actor ids as they are.
 *
 * A row with the wrong number of columns, a date that is not a day, a
 * malformed number or code is a bad row: by default it is skipped,
 * counted and reported in the [class@Bilat.ImportReport], with its file,
 * line and column; with %BILAT_IMPORT_FLAGS_STRICT it fails the
 * operation. Only the rows the query selects are checked: a row that it
 * rejects on its first columns is not read further.
 *
 * An event id seen before among the selected rows (ICEWS files repeat
 * rows, and reuse some ids) is a duplicate: the first row with the id is
 * kept, the others are skipped and reported likewise, so that no event is
 * counted twice. Ids are kept compactly, in about a bit per id over their
 * range where they are dense (as GDELT's and ICEWS's are) and two bytes
 * per id where they are sparse.
 *
 * A truncated or damaged compressed file or archive is an error that
 * names the file. Such errors, like a cancellation, leave a store exactly
 * as it was: nothing is added before the whole input has been read.
 *
 * Since: 1.0
 */

/* At most ten calls of the progress function a second. */
#define PROGRESS_INTERVAL_US (100 * 1000)

/* Throttled progress, for one thread. */
typedef struct
{
  BilatImportProgressFunc func;
  gpointer                data;
  guint64                 total;
  guint64                 base;       /* bytes of the inputs done before */
  gint64                  last_time;
} Progress;

static void
progress_report (guint64  bytes_read,
                 guint64  rows,
                 gpointer user_data)
{
  Progress *progress = user_data;
  gint64 now;

  if (progress->func == NULL)
    return;
  now = g_get_monotonic_time ();
  if (now - progress->last_time < PROGRESS_INTERVAL_US)
    return;
  progress->last_time = now;
  progress->func (progress->base + bytes_read, progress->total, rows, progress->data);
}

/* The last call: everything read, with the total known in any case. */
static void
progress_finish (Progress *progress,
                 guint64   bytes,
                 guint64   rows)
{
  if (progress->func != NULL)
    progress->func (bytes, MAX (progress->total, bytes), rows, progress->data);
}

/* Shared event-id sets, one per id space ("gdelt", "icews"). */
typedef struct
{
  GMutex      lock;
  BilatIdSet *sets[2];
} SeenIds;

static void
seen_ids_init (SeenIds *ids)
{
  g_mutex_init (&ids->lock);
  ids->sets[0] = _bilat_id_set_new ();
  ids->sets[1] = _bilat_id_set_new ();
}

static void
seen_ids_clear (SeenIds *ids)
{
  _bilat_id_set_free (ids->sets[0]);
  _bilat_id_set_free (ids->sets[1]);
  g_mutex_clear (&ids->lock);
}

static gboolean
id_not_in (guint64  id,
           gpointer set)
{
  return !_bilat_id_set_contains (set, id);
}

static gboolean
id_add_to (guint64  id,
           gpointer set)
{
  _bilat_id_set_add (set, id);
  return TRUE;
}

/* Whether @ids and @other have no id in common. */
static gboolean
seen_ids_disjoint (SeenIds *ids,
                   SeenIds *other)
{
  return _bilat_id_set_foreach (other->sets[0], id_not_in, ids->sets[0]) &&
         _bilat_id_set_foreach (other->sets[1], id_not_in, ids->sets[1]);
}

/* Adds the ids of @other to @ids. */
static void
seen_ids_add_all (SeenIds *ids,
                  SeenIds *other)
{
  _bilat_id_set_foreach (other->sets[0], id_add_to, ids->sets[0]);
  _bilat_id_set_foreach (other->sets[1], id_add_to, ids->sets[1]);
}

/* Adds the id of @row; FALSE if it was seen before. */
static gboolean
seen_ids_add (SeenIds        *ids,
              const BilatRow *row)
{
  BilatIdSet *set = ids->sets[row->format == BILAT_EVENT_FORMAT_ICEWS];
  gboolean added;

  g_mutex_lock (&ids->lock);
  added = _bilat_id_set_add (set, row->id);
  g_mutex_unlock (&ids->lock);
  return added;
}

static gboolean
report_duplicate (BilatReader     *reader,
                  const BilatRow  *row,
                  GError         **error)
{
  return _bilat_reader_problem (reader, row, BILAT_IMPORT_ERROR_DUPLICATE_ID, 0,
                                "an earlier row has the same event id", error);
}

/* Importing into a store: the events are built in a pending set, which is
 * added to the store only when the whole input has been read, so that an
 * error or a cancellation leaves the store as it was. */

typedef struct
{
  const char *file;     /* in the pending set's string chunk */
  guint64     line;
} Origin;

/* The file of the events from @first on (until the next run's first). */
typedef struct
{
  guint       first;
  const char *file;     /* in the pending set's string chunk */
} FileRun;

/* The line of an event whose line number does not fit the builder's. */
typedef struct
{
  guint   row;
  guint64 line;
} FarLine;

/* A line the builder's rows cannot hold: the row's is in far_lines. */
#define FAR_LINE G_MAXUINT32

typedef struct
{
  SeenIds              ids;
  BilatSegmentBuilder *builder;   /* the events, and the sources they cite;
                                   * each row keeps its line */
  GArray              *file_runs; /* FileRun: the file of each event */
  GArray              *far_lines; /* FarLine, in row order */
  GStringChunk        *strings;
  const char          *last_file;     /* a row's, and its copy */
  const char          *last_copy;

  /* Exercises (MME), kept as objects: there are few. */
  GPtrArray           *exercises;     /* BilatExercise */
  GArray              *exercise_origins;
  GHashTable          *exercise_ids;  /* the ids above */
  BilatQuery          *query;         /* a copy, for the exercises; or NULL */
  BilatImportReport   *report;        /* while reading */
  BilatImportFlags     flags;
} Pending;

static Pending *
pending_new (BilatQuery *query)
{
  Pending *pending = g_new0 (Pending, 1);

  pending->exercises = g_ptr_array_new_with_free_func (g_object_unref);
  pending->exercise_origins = g_array_new (FALSE, FALSE, sizeof (Origin));
  pending->exercise_ids = g_hash_table_new (g_str_hash, g_str_equal);
  pending->query = query != NULL ? bilat_query_copy (query) : NULL;

  seen_ids_init (&pending->ids);
  pending->builder = _bilat_segment_builder_new ();
  /* An import may hold its rows and their columns at once, up to a
   * point, to put them in order faster. */
  _bilat_segment_builder_set_lean (pending->builder, FALSE);
  pending->file_runs = g_array_new (FALSE, FALSE, sizeof (FileRun));
  pending->far_lines = g_array_new (FALSE, FALSE, sizeof (FarLine));
  pending->strings = g_string_chunk_new (4096);
  return pending;
}

static void
pending_free (Pending *pending)
{
  if (pending == NULL)
    return;
  seen_ids_clear (&pending->ids);
  _bilat_segment_builder_free (pending->builder);
  g_array_unref (pending->file_runs);
  g_array_unref (pending->far_lines);
  g_string_chunk_free (pending->strings);
  g_hash_table_unref (pending->exercise_ids);
  g_ptr_array_unref (pending->exercises);
  g_array_unref (pending->exercise_origins);
  g_clear_object (&pending->query);
  g_free (pending);
}

/* The name of @file as the pending set keeps it. */
static const char *
pending_file (Pending    *pending,
              const char *file)
{
  /* Rows of one file share its name (compared too: another file's name
   * may come at the same address once the first is freed). */
  if (file != pending->last_file || strcmp (file, pending->last_copy) != 0)
    {
      pending->last_file = file;
      pending->last_copy = g_string_chunk_insert_const (pending->strings, file);
    }
  return pending->last_copy;
}

static gboolean
pending_add_row (BilatReader  *reader,
                 BilatRow     *row,
                 gpointer      user_data,
                 GError      **error)
{
  Pending *pending = user_data;
  guint index = _bilat_segment_builder_get_n_rows (pending->builder);
  const char *file;

  if (!seen_ids_add (&pending->ids, row))
    return report_duplicate (reader, row, error);
  _bilat_import_counts_keep_id (_bilat_reader_counts (reader), row->format == BILAT_EVENT_FORMAT_ICEWS,
                                row->id);

  /* Where the row came from, for reports at commit: its line in the
   * row (nothing kept a row beside it), its file once per run of rows
   * from one file. */
  if (G_LIKELY (row->line < FAR_LINE))
    _bilat_segment_builder_set_line (pending->builder, (guint32) row->line);
  else
    {
      FarLine far = { index, row->line };

      _bilat_segment_builder_set_line (pending->builder, FAR_LINE);
      g_array_append_val (pending->far_lines, far);
    }
  file = pending_file (pending, row->file);
  if (pending->file_runs->len == 0 ||
      g_array_index (pending->file_runs, FileRun, pending->file_runs->len - 1).file != file)
    {
      FileRun run = { index, file };

      g_array_append_val (pending->file_runs, run);
    }

  /* Straight into columns: no object per event. */
  _bilat_segment_builder_add_row (pending->builder, row);
  return TRUE;
}

/* Where pending row @index came from; *run is a cursor into the file
 * runs, for rows asked for in rising order (start it at 0). */
static Origin
pending_origin (Pending *pending,
                guint    index,
                guint   *run,
                guint   *far)
{
  Origin origin;
  guint32 line = _bilat_segment_builder_get_line (pending->builder, index);

  while (*run + 1 < pending->file_runs->len &&
         g_array_index (pending->file_runs, FileRun, *run + 1).first <= index)
    (*run)++;
  origin.file = g_array_index (pending->file_runs, FileRun, *run).file;
  origin.line = line;
  if (line == FAR_LINE)
    {
      while (*far < pending->far_lines->len && g_array_index (pending->far_lines, FarLine, *far).row < index)
        (*far)++;
      if (*far < pending->far_lines->len && g_array_index (pending->far_lines, FarLine, *far).row == index)
        origin.line = g_array_index (pending->far_lines, FarLine, *far).line;
    }
  return origin;
}

/* Reports a repeated event id (@message says where it was first): counted
 * and kept in @report, or in strict mode the error. */
static gboolean
report_repeated_id (BilatImportReport  *report,
                    BilatImportFlags    flags,
                    const Origin       *origin,
                    const char         *field,
                    const char         *id,
                    const char         *message,
                    GError            **error)
{
  BilatProblem *problem = _bilat_import_problem_new (BILAT_IMPORT_ERROR_DUPLICATE_ID, origin->file,
                                                     origin->line, 1, field, id, message);

  if (flags & BILAT_IMPORT_FLAGS_STRICT)
    {
      g_propagate_error (error, _bilat_problem_to_error (problem));
      bilat_problem_unref (problem);
      return FALSE;
    }
  _bilat_import_report_counts (report)->duplicates++;
  _bilat_import_report_take_problem (report, problem);
  return TRUE;
}

/* An exercise of MME data; one whose id an earlier file of the import
 * had is a duplicate. */
static gboolean
pending_add_exercise (BilatExercise  *exercise,
                      const char     *file,
                      guint64         line,
                      gpointer        user_data,
                      GError        **error)
{
  Pending *pending = user_data;
  const char *id = bilat_record_get_id (BILAT_RECORD (exercise));
  Origin origin = { pending_file (pending, file), line };

  if (g_hash_table_contains (pending->exercise_ids, id))
    return report_repeated_id (pending->report, pending->flags, &origin, "MMEID", id,
                               "an earlier file has this exercise", error);
  g_ptr_array_add (pending->exercises, g_object_ref (exercise));
  g_array_append_val (pending->exercise_origins, origin);
  g_hash_table_add (pending->exercise_ids, (gpointer) id);
  return TRUE;
}

/* Adds what the store lacks of the actors @id stands for: the state or
 * organisation, and the states it continues. */
static void
add_exercise_actor (BilatStore *store,
                    const char *id)
{
  for (guint depth = 0; id != NULL && depth < 8; depth++)
    {
      g_autoptr(BilatActor) actor = NULL;

      if (bilat_store_lookup_actor (store, id) != NULL)
        return;
      actor = _bilat_mme_actor_new (id);
      bilat_store_add (store, BILAT_RECORD (actor), NULL);
      id = bilat_actor_get_predecessor (actor);
    }
}

/* Adds the pending exercises that the query selects to @store, with their
 * actors. The actors the query names come first, so that it can follow
 * their succession (RUS continues SUN). Cannot fail: duplicates are
 * checked before. */
static void
commit_exercises (Pending           *pending,
                  BilatStore        *store,
                  const guint8      *removed,
                  BilatImportCounts *counts)
{
  BilatIdentity *identity = bilat_identity_get_default ();
  guint n = pending->exercises->len;
  guint64 rejected = 0;

  if (n == 0)
    return;
  if (pending->query != NULL)
    {
      const char * const *actors = bilat_query_get_actors (pending->query);
      const char *dyad[2];

      for (guint i = 0; actors != NULL && actors[i] != NULL; i++)
        if (bilat_identity_get_name (identity, actors[i]) != NULL)
          add_exercise_actor (store, actors[i]);
      if (bilat_query_get_dyad (pending->query, &dyad[0], &dyad[1]))
        for (guint i = 0; i < 2; i++)
          if (bilat_identity_get_name (identity, dyad[i]) != NULL)
            add_exercise_actor (store, dyad[i]);
    }
  for (guint i = 0; i < n; i++)
    {
      BilatEvent *event = g_ptr_array_index (pending->exercises, i);
      GPtrArray *participants;

      if (removed != NULL && (removed[i >> 3] & (1u << (i & 7))) != 0)
        continue;
      if (pending->query != NULL && !bilat_query_match_event (pending->query, store, event, NULL))
        {
          rejected++;
          continue;
        }
      participants = bilat_event_get_participants (event);
      for (guint k = 0; k < participants->len; k++)
        add_exercise_actor (store,
                            bilat_participant_get_actor (g_ptr_array_index (participants, k)));
      bilat_store_add (store, BILAT_RECORD (event), NULL);
      counts->kept++;
    }
  /* The reader counted every exercise it read as matched: the query
   * selects here. */
  counts->matched -= rejected;
}

/* The actor a participant id of imported data stands for: a state when
 * iso-codes knows the code, continuing the state the identity tables say
 * it continues (RUS: SUN); else (a CAMEO region such as EUR) a group
 * named after the region. */
static BilatActor *
actor_for_id (const char *id)
{
  BilatActor *actor;
  const char *name;

  if (bilat_country_get_name (id) != NULL)
    {
      const char *predecessor = bilat_identity_get_predecessor (bilat_identity_get_default (), id);

      actor = bilat_actor_new (id, BILAT_ACTOR_KIND_STATE);
      if (predecessor != NULL)
        bilat_actor_set_predecessor (actor, predecessor);
      return actor;
    }
  actor = bilat_actor_new (id, BILAT_ACTOR_KIND_GROUP);
  name = bilat_cameo_country_get_name (id);
  if (name != NULL)
    bilat_actor_set_name (actor, name);
  return actor;
}

#define STORED "the store has an event with this id already"

/* Adds the pending events to @store, with the actors and sources they
 * refer to that the store lacks. An event whose id the store has already
 * is a duplicate, and brings in nothing; in strict mode the first fails
 * the commit before anything is added.
 *
 * With @deferred, the rows (and the sources they cite) are not added to
 * @store: they are finished as a deferred segment, for a native file,
 * and put in @deferred (NULL when there are none), the actors and
 * exercises still being added to @store, which must be new. (Exercises
 * bring no source objects, which the rows' sources would have to give
 * way to: the segment is the one the store would hold.) */
static gboolean
pending_commit (Pending            *pending,
                BilatStore         *store,
                BilatImportReport  *report,
                BilatImportFlags    flags,
                BilatSegment      **deferred,
                GError            **error)
{
  BilatImportCounts *counts = _bilat_import_report_counts (report);
  guint n = _bilat_segment_builder_get_n_rows (pending->builder);
  g_autofree guint8 *removed = NULL;
  g_autofree guint8 *removed_exercises = NULL;
  g_autoptr(GPtrArray) actor_ids = NULL;
  BilatSegment *segment;
  guint kept = n;
  guint run = 0, far = 0;

  /* An empty store has no event to collide with. */
  if (g_list_model_get_n_items (bilat_store_get_events (store)) == 0)
    n = 0;
  for (guint i = 0; i < n; i++)
    {
      Origin origin;
      char id[48];

      _bilat_segment_builder_format_id (pending->builder, i, id);
      if (!_bilat_store_has_event (store, id))
        continue;
      origin = pending_origin (pending, i, &run, &far);
      if (!report_repeated_id (report, flags, &origin, NULL, id, STORED, error))
        return FALSE;
      if (removed == NULL)
        removed = g_new0 (guint8, n / 8 + 1);
      removed[i >> 3] |= (guint8) (1u << (i & 7));
      kept--;
    }
  /* Exercises whose ids the store has already are duplicates too. */
  for (guint i = 0; i < pending->exercises->len; i++)
    {
      BilatRecord *exercise = g_ptr_array_index (pending->exercises, i);
      const Origin *origin = &g_array_index (pending->exercise_origins, Origin, i);
      const char *id = bilat_record_get_id (exercise);

      if (bilat_store_lookup_event (store, id) == NULL)
        continue;
      if (!report_repeated_id (report, flags, origin, "MMEID", id, STORED, error))
        return FALSE;
      counts->matched--;
      if (removed_exercises == NULL)
        removed_exercises = g_new0 (guint8, pending->exercises->len / 8 + 1);
      removed_exercises[i >> 3] |= (guint8) (1u << (i & 7));
    }
  if (removed != NULL)
    _bilat_segment_builder_remove_rows (pending->builder, removed);

  /* Nothing below can fail: ids are checked, and the store checks no
   * references. Actors first, in the order of their ids, so that the same
   * import gives the same store. */
  commit_exercises (pending, store, removed_exercises, counts);

  segment = deferred != NULL ? _bilat_segment_builder_finish_deferred (g_steal_pointer (&pending->builder))
                             : _bilat_segment_builder_finish (g_steal_pointer (&pending->builder));
  actor_ids = _bilat_segment_list_actors (segment);
  for (guint i = 0; i < actor_ids->len; i++)
    {
      const char *id = g_ptr_array_index (actor_ids, i);

      /* The actor, and the states it continues: the readers resolved
       * codes with the identity tables' successions (RUS in 1985 is
       * SUN), and queries that follow succession follow them too. */
      for (guint depth = 0; id != NULL && depth < 8 && bilat_store_lookup_actor (store, id) == NULL; depth++)
        {
          g_autoptr(BilatActor) actor = actor_for_id (id);

          bilat_store_add (store, BILAT_RECORD (actor), NULL);
          id = bilat_actor_get_predecessor (actor);
        }
    }
  /* A segment of nothing is not added (see _bilat_store_add_segment()). */
  if (deferred != NULL && (_bilat_segment_get_n_rows (segment) > 0 || _bilat_segment_get_n_sources (segment) > 0))
    *deferred = segment;
  else
    {
      if (deferred == NULL)
        _bilat_store_add_segment (store, segment);
      _bilat_segment_unref (segment);
    }

  counts->kept += kept;
  return TRUE;
}

/* Reads @input into @pending: the part of an import that may run in
 * another thread, since it touches neither the store nor the query. */
static gboolean
read_pending (BilatInput            *input,
              BilatEventFormat       format,
              const BilatRowFilter  *filter,
              BilatImportFlags       flags,
              Pending               *pending,
              BilatImportReport     *report,
              Progress              *progress,
              GCancellable          *cancellable,
              GError               **error)
{
  BilatReadOptions options = {
    .format = format,
    .filter = filter,
    .flags = flags,
    .row_func = pending_add_row,
    .row_data = pending,
    .progress = progress_report,
    .progress_data = progress,
    .exercise_func = pending_add_exercise,
    .exercise_data = pending,
  };

  pending->report = report;
  pending->flags = flags;
  return _bilat_read_events (input, &options, report, cancellable, error);
}

/* Reads the whole of one @input, with progress over its size. */
static gboolean
read_one_input (BilatInput            *input,
                BilatEventFormat       format,
                const BilatRowFilter  *filter,
                BilatImportFlags       flags,
                Pending               *pending,
                BilatImportReport     *report,
                Progress              *progress,
                GCancellable          *cancellable,
                GError               **error)
{
  BilatImportCounts *counts = _bilat_import_report_counts (report);

  progress->total = _bilat_input_get_size (input);
  if (!read_pending (input, format, filter, flags, pending, report, progress, cancellable, error))
    return FALSE;
  progress_finish (progress, counts->bytes, counts->rows);
  return TRUE;
}

/* Reads @files one after another into @pending, with progress over the
 * sizes of all of them where known: the part of an import of files that
 * may run in another thread. */
static gboolean
read_files (GFile                **files,
            guint                  n_files,
            BilatEventFormat       format,
            const BilatRowFilter  *filter,
            BilatImportFlags       flags,
            Pending               *pending,
            BilatImportReport     *report,
            Progress              *progress,
            GCancellable          *cancellable,
            GError               **error)
{
  BilatImportCounts *counts = _bilat_import_report_counts (report);

  for (guint i = 0; i < n_files; i++)
    {
      g_autoptr(GFileInfo) info = g_file_query_info (files[i], G_FILE_ATTRIBUTE_STANDARD_SIZE,
                                                     G_FILE_QUERY_INFO_NONE, cancellable, NULL);

      if (info != NULL)
        progress->total += (guint64) g_file_info_get_size (info);
    }

  for (guint i = 0; i < n_files; i++)
    {
      BilatInput *input = _bilat_input_new_for_file (files[i], cancellable, error);
      gboolean ok;

      if (input == NULL)
        return FALSE;
      ok = read_pending (input, format, filter, flags, pending, report, progress, cancellable, error);
      progress->base += _bilat_input_get_bytes_read (input);
      _bilat_input_free (input);
      if (!ok)
        return FALSE;
    }
  progress_finish (progress, progress->base, counts->rows);
  return TRUE;
}

static BilatImportReport *
import_input (BilatStore               *self,
              BilatInput               *input,
              BilatEventFormat          format,
              BilatQuery               *query,
              BilatImportFlags          flags,
              GCancellable             *cancellable,
              BilatImportProgressFunc   progress,
              gpointer                  progress_data,
              GError                  **error)
{
  g_autoptr(BilatImportReport) report = bilat_import_report_new ();
  BilatRowFilter *filter = _bilat_row_filter_new (query, self);
  Pending *pending = pending_new (query);
  Progress throttle = { progress, progress_data, 0, 0, 0 };
  gboolean ok;

  ok = read_one_input (input, format, filter, flags, pending, report, &throttle, cancellable, error) &&
       !g_cancellable_set_error_if_cancelled (cancellable, error) &&
       pending_commit (pending, self, report, flags, NULL, error);

  _bilat_row_filter_free (filter);
  pending_free (pending);
  return ok ? g_steal_pointer (&report) : NULL;
}

static gboolean
check_format (BilatEventFormat format)
{
  return (guint) format <= BILAT_EVENT_FORMAT_MME;
}

/* Reads @files into a pending set and commits it to @store (see
 * pending_commit() for @deferred); frees the pending set either way. */
static BilatImportReport *
import_files (BilatStore               *store,
              GFile                   **files,
              guint                     n_files,
              BilatEventFormat          format,
              BilatQuery               *query,
              BilatImportFlags          flags,
              GCancellable             *cancellable,
              BilatImportProgressFunc   progress,
              gpointer                  progress_data,
              BilatSegment            **deferred,
              GError                  **error)
{
  g_autoptr(BilatImportReport) report = bilat_import_report_new ();
  BilatRowFilter *filter = _bilat_row_filter_new (query, store);
  Pending *pending = pending_new (query);
  Progress throttle = { progress, progress_data, 0, 0, 0 };
  gboolean ok;

  ok = read_files (files, n_files, format, filter, flags, pending, report, &throttle,
                   cancellable, error) &&
       !g_cancellable_set_error_if_cancelled (cancellable, error) &&
       pending_commit (pending, store, report, flags, deferred, error);

  _bilat_row_filter_free (filter);
  pending_free (pending);
  return ok ? g_steal_pointer (&report) : NULL;
}

/* Imports @files as one, with one report, committed once every file has
 * been read (see bilat_importer_import()). */
BilatImportReport *
_bilat_store_import_files (BilatStore               *self,
                           GFile                   **files,
                           guint                     n_files,
                           BilatEventFormat          format,
                           BilatQuery               *query,
                           BilatImportFlags          flags,
                           GCancellable             *cancellable,
                           BilatImportProgressFunc   progress,
                           gpointer                  progress_data,
                           GError                  **error)
{
  g_return_val_if_fail (BILAT_IS_STORE (self), NULL);
  g_return_val_if_fail (files != NULL || n_files == 0, NULL);
  for (guint i = 0; i < n_files; i++)
    g_return_val_if_fail (G_IS_FILE (files[i]), NULL);
  g_return_val_if_fail (check_format (format), NULL);
  g_return_val_if_fail (query == NULL || BILAT_IS_QUERY (query), NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return import_files (self, files, n_files, format, query, flags, cancellable, progress, progress_data,
                       NULL, error);
}

/* Imports @files as one into a new native file @output, as importing
 * them into a new store and saving it would, with the same bytes; but
 * the rows' columns go straight into the file, never into memory whole
 * (see bilat_importer_import_to_file()). */
BilatImportReport *
_bilat_import_files_to_native (GFile                   **files,
                               guint                     n_files,
                               BilatEventFormat          format,
                               BilatQuery               *query,
                               BilatImportFlags          flags,
                               GFile                    *output,
                               GCancellable             *cancellable,
                               BilatImportProgressFunc   progress,
                               gpointer                  progress_data,
                               GError                  **error)
{
  g_autoptr(BilatStore) store = NULL;
  g_autoptr(BilatImportReport) report = NULL;
  BilatSegment *segment = NULL;
  gboolean ok;

  g_return_val_if_fail (files != NULL || n_files == 0, NULL);
  for (guint i = 0; i < n_files; i++)
    g_return_val_if_fail (G_IS_FILE (files[i]), NULL);
  g_return_val_if_fail (check_format (format), NULL);
  g_return_val_if_fail (query == NULL || BILAT_IS_QUERY (query), NULL);
  g_return_val_if_fail (G_IS_FILE (output), NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* import_files() frees what reading kept beside the rows before the
   * file is written. */
  store = bilat_store_new ();
  report = import_files (store, files, n_files, format, query, flags, cancellable, progress, progress_data,
                         &segment, error);
  ok = report != NULL;
  if (ok && bilat_import_report_get_rows (report) > 0 &&
      bilat_import_report_get_bad_rows (report) == bilat_import_report_get_rows (report))
    {
      GPtrArray *problems = bilat_import_report_get_problems (report);
      g_autofree char *first = problems->len > 0 ? bilat_problem_to_string (g_ptr_array_index (problems, 0))
                                                 : NULL;
      g_autofree char *name = g_file_get_parse_name (output);

      g_set_error (error, BILAT_IMPORT_ERROR,
                   problems->len > 0 ? bilat_problem_get_code (g_ptr_array_index (problems, 0))
                                     : BILAT_IMPORT_ERROR_BAD_ROW,
                   "Every one of the %" G_GUINT64_FORMAT " rows read is bad, and %s was not written%s%s",
                   bilat_import_report_get_rows (report), name, first != NULL ? "; the first: " : "",
                   first != NULL ? first : "");
      ok = FALSE;
    }
  if (ok)
    ok = segment != NULL ? _bilat_native_save_deferred (store, segment, output, cancellable, error)
                         : _bilat_native_save (store, output, cancellable, error);
  g_clear_pointer (&segment, _bilat_segment_unref);
  return ok ? g_steal_pointer (&report) : NULL;
}

/* Imports what @stream holds, named @name in messages (see
 * bilat_importer_import_stream()). */
BilatImportReport *
_bilat_store_import_stream (BilatStore               *self,
                            GInputStream             *stream,
                            const char               *name,
                            BilatEventFormat          format,
                            BilatQuery               *query,
                            BilatImportFlags          flags,
                            GCancellable             *cancellable,
                            BilatImportProgressFunc   progress,
                            gpointer                  progress_data,
                            GError                  **error)
{
  BilatImportReport *report;
  BilatInput *input;

  g_return_val_if_fail (BILAT_IS_STORE (self), NULL);
  g_return_val_if_fail (G_IS_INPUT_STREAM (stream), NULL);
  g_return_val_if_fail (check_format (format), NULL);
  g_return_val_if_fail (query == NULL || BILAT_IS_QUERY (query), NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  input = _bilat_input_new_for_stream (stream, name != NULL ? name : "(stream)",
                                       cancellable, error);
  if (input == NULL)
    return NULL;
  report = import_input (self, input, format, query, flags, cancellable,
                         progress, progress_data, error);
  _bilat_input_free (input);
  return report;
}

/* The asynchronous import: the files or the stream are read in a worker
 * thread into a pending set; the store is changed in the caller's main
 * context. */

/* Source tags: addresses of these, as ISO C has no conversion of function
 * pointers to data pointers. */
static char import_async_tag;
static char import_worker_tag;

/* Progress forwarded from worker threads to the caller's main context:
 * the latest figures are kept, and one delivery at a time is queued. */
struct _BilatProgressRelay
{
  gatomicrefcount          ref_count;
  GMainContext            *context;
  BilatImportProgressFunc  func;
  gpointer                 data;
  GDestroyNotify           destroy;
  GMutex                   lock;
  gboolean                 queued;
  gboolean                 finished;
  guint64                  bytes;
  guint64                  total;
  guint64                  rows;
};

BilatProgressRelay *
_bilat_progress_relay_new (BilatImportProgressFunc func,
                           gpointer                data,
                           GDestroyNotify          destroy)
{
  BilatProgressRelay *self = g_new0 (BilatProgressRelay, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->context = g_main_context_ref_thread_default ();
  self->func = func;
  self->data = data;
  self->destroy = destroy;
  g_mutex_init (&self->lock);
  return self;
}

static BilatProgressRelay *
progress_relay_ref (BilatProgressRelay *self)
{
  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
_bilat_progress_relay_unref (BilatProgressRelay *self)
{
  if (self == NULL || !g_atomic_ref_count_dec (&self->ref_count))
    return;
  if (self->destroy != NULL)
    self->destroy (self->data);
  g_main_context_unref (self->context);
  g_mutex_clear (&self->lock);
  g_free (self);
}

static gboolean
deliver_progress (gpointer user_data)
{
  BilatProgressRelay *self = user_data;
  guint64 bytes, total, rows;
  gboolean finished;

  g_mutex_lock (&self->lock);
  self->queued = FALSE;
  bytes = self->bytes;
  total = self->total;
  rows = self->rows;
  finished = self->finished;
  g_mutex_unlock (&self->lock);

  if (!finished)
    self->func (bytes, total, rows, self->data);
  return G_SOURCE_REMOVE;
}

void
_bilat_progress_relay_push (guint64  bytes,
                            guint64  total,
                            guint64  rows,
                            gpointer user_data)
{
  BilatProgressRelay *self = user_data;
  gboolean queue;

  if (self->func == NULL)
    return;

  g_mutex_lock (&self->lock);
  self->bytes = bytes;
  self->total = total;
  self->rows = rows;
  queue = !self->queued && !self->finished;
  self->queued = TRUE;
  g_mutex_unlock (&self->lock);

  if (queue)
    {
      GSource *source = g_idle_source_new ();

      g_source_set_priority (source, G_PRIORITY_DEFAULT);
      g_source_set_callback (source, deliver_progress, progress_relay_ref (self),
                             (GDestroyNotify) _bilat_progress_relay_unref);
      g_source_set_static_name (source, "[bilat] import progress");
      g_source_attach (source, self->context);
      g_source_unref (source);
    }
}

void
_bilat_progress_relay_finish (BilatProgressRelay *self)
{
  gboolean queued;

  g_mutex_lock (&self->lock);
  queued = self->queued;
  self->finished = TRUE;
  g_mutex_unlock (&self->lock);

  /* The worker's last figures may still wait in the queue: they are the
   * final ones, delivered now, before the result. */
  if (queued && self->func != NULL)
    self->func (self->bytes, self->total, self->rows, self->data);
}

typedef struct
{
  GTask              *task;     /* the caller's task, whose data this is */
  GPtrArray          *files;
  BilatEventFormat    format;
  BilatRowFilter     *filter;
  BilatImportFlags    flags;
  Pending            *pending;
  BilatImportReport  *report;
  BilatProgressRelay *relay;
  GInputStream       *stream;   /* read instead of the files when set */
  char               *name;     /* the stream's, for messages */
} ImportJob;

static void
import_job_free (ImportJob *job)
{
  g_ptr_array_unref (job->files);
  g_clear_object (&job->stream);
  g_free (job->name);
  _bilat_row_filter_free (job->filter);
  pending_free (job->pending);
  g_clear_object (&job->report);
  _bilat_progress_relay_unref (job->relay);
  g_free (job);
}

static void
import_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ImportJob *job = task_data;
  Progress progress = { _bilat_progress_relay_push, job->relay, 0, 0, 0 };
  GError *error = NULL;
  gboolean ok;

  if (job->stream != NULL)
    {
      BilatInput *input = _bilat_input_new_for_stream (job->stream, job->name, cancellable, &error);

      ok = input != NULL &&
           read_one_input (input, job->format, job->filter, job->flags, job->pending, job->report,
                           &progress, cancellable, &error);
      if (input != NULL)
        _bilat_input_free (input);
    }
  else
    ok = read_files ((GFile **) job->files->pdata, job->files->len, job->format, job->filter,
                     job->flags, job->pending, job->report, &progress, cancellable, &error);
  if (!ok)
    {
      g_task_return_error (task, error);
      return;
    }
  g_task_return_boolean (task, TRUE);
}

/* Back in the caller's context: the last progress, then the store. */
static void
import_thread_done (GObject      *source_object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  ImportJob *job = g_task_get_task_data (task);
  BilatStore *store = BILAT_STORE (source_object);
  GError *error = NULL;

  _bilat_progress_relay_finish (job->relay);
  if (!g_task_propagate_boolean (G_TASK (result), &error) ||
      g_cancellable_set_error_if_cancelled (g_task_get_cancellable (task), &error) ||
      !pending_commit (job->pending, store, job->report, job->flags, NULL, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  g_task_return_pointer (task, g_object_ref (job->report), g_object_unref);
}

void
_bilat_store_import_async (BilatStore               *self,
                           GFile                   **files,
                           guint                     n_files,
                           GInputStream             *stream,
                           const char               *name,
                           BilatEventFormat          format,
                           BilatQuery               *query,
                           BilatImportFlags          flags,
                           GCancellable             *cancellable,
                           BilatImportProgressFunc   progress,
                           gpointer                  progress_data,
                           GDestroyNotify            progress_data_destroy,
                           GAsyncReadyCallback       callback,
                           gpointer                  user_data)
{
  g_autoptr(GTask) worker = NULL;
  GTask *task;
  ImportJob *job;

  job = g_new0 (ImportJob, 1);
  job->files = g_ptr_array_new_with_free_func (g_object_unref);
  if (stream != NULL)
    {
      job->stream = g_object_ref (stream);
      job->name = g_strdup (name != NULL ? name : "(stream)");
    }
  else
    for (guint i = 0; i < n_files; i++)
      g_ptr_array_add (job->files, g_object_ref (files[i]));
  job->format = format;
  /* Compiled here: the query and the store's actors are not read in the
   * worker. */
  job->filter = _bilat_row_filter_new (query, self);
  job->flags = flags;
  job->pending = pending_new (query);
  job->report = bilat_import_report_new ();
  job->relay = _bilat_progress_relay_new (progress, progress_data, progress_data_destroy);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, &import_async_tag);
  g_task_set_task_data (task, job, (GDestroyNotify) import_job_free);
  job->task = task;

  worker = g_task_new (self, cancellable, import_thread_done, task);
  g_task_set_source_tag (worker, &import_worker_tag);
  g_task_set_task_data (worker, job, NULL);
  g_task_set_check_cancellable (worker, FALSE);
  g_task_run_in_thread (worker, import_thread);
}

/* Finishes _bilat_store_import_async(). */
BilatImportReport *
_bilat_store_import_finish (BilatStore    *self,
                            GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (BILAT_IS_STORE (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == &import_async_tag, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* Counting straight from files: each row the query selects, once per
 * event id, is handed to a counter's part, and nothing else is kept. */

typedef struct
{
  SeenIds               *ids;
  const BilatRowCounter *counter;
  gpointer               part;
} CountSink;

static gboolean
count_add_row (BilatReader  *reader,
               BilatRow     *row,
               gpointer      user_data,
               GError      **error)
{
  CountSink *sink = user_data;

  if (!seen_ids_add (sink->ids, row))
    return report_duplicate (reader, row, error);
  _bilat_import_counts_keep_id (_bilat_reader_counts (reader), row->format == BILAT_EVENT_FORMAT_ICEWS,
                                row->id);
  sink->counter->part_add (sink->part, row);
  _bilat_reader_counts (reader)->kept++;
  return TRUE;
}

/* Counts @input into @part. */
static gboolean
count_read_input (BilatInput             *input,
                  BilatEventFormat        format,
                  const BilatRowFilter   *filter,
                  BilatImportFlags        flags,
                  SeenIds                *ids,
                  const BilatRowCounter  *counter,
                  gpointer                part,
                  BilatImportReport      *report,
                  BilatReadProgressFunc   progress,
                  gpointer                progress_data,
                  GCancellable           *cancellable,
                  GError                **error)
{
  CountSink sink = { ids, counter, part };
  BilatReadOptions options = {
    .format = format,
    .filter = filter,
    .flags = flags,
    .row_func = count_add_row,
    .row_data = &sink,
    .progress = progress,
    .progress_data = progress_data,
  };

  return _bilat_read_events (input, &options, report, cancellable, error);
}

static gboolean
check_unit (BilatSeriesUnit unit)
{
  return (guint) unit <= BILAT_SERIES_UNIT_YEAR;
}

/* Series are counted into a part per file, a BilatSeries. */
static gpointer
series_part_new (gpointer data)
{
  return bilat_series_new ((BilatSeriesUnit) GPOINTER_TO_UINT (data));
}

static void
series_part_add (gpointer        part,
                 const BilatRow *row)
{
  BilatSeries *series = part;

  _bilat_series_add_key (series,
                         _bilat_series_key_for_civil (bilat_series_get_unit (series), row->year, row->month,
                                                      row->day),
                         row->goldstein, row->quad_class);
}

static void
series_part_merge (gpointer into,
                   gpointer part)
{
  bilat_series_merge (into, part, NULL);
}

static void
series_counter_init (BilatRowCounter *counter,
                     BilatSeriesUnit  unit)
{
  counter->part_new = series_part_new;
  counter->part_add = series_part_add;
  counter->part_merge = series_part_merge;
  counter->part_free = g_object_unref;
  counter->data = GUINT_TO_POINTER (unit);
}

/* Counts what @stream holds into a series (see
 * bilat_importer_compute_series_from_stream()). */
BilatSeries *
_bilat_series_new_from_stream (GInputStream             *stream,
                               const char               *name,
                               BilatEventFormat          format,
                               BilatQuery               *query,
                               BilatSeriesUnit           unit,
                               BilatImportFlags          flags,
                               GCancellable             *cancellable,
                               BilatImportProgressFunc   progress,
                               gpointer                  progress_data,
                               BilatImportReport       **report,
                               GError                  **error)
{
  g_autoptr(BilatImportReport) own_report = NULL;
  g_autoptr(BilatSeries) series = NULL;
  Progress throttle = { progress, progress_data, 0, 0, 0 };
  BilatRowCounter counter;
  BilatRowFilter *filter;
  BilatInput *input;
  SeenIds ids;
  gboolean ok;

  g_return_val_if_fail (G_IS_INPUT_STREAM (stream), NULL);
  g_return_val_if_fail (check_format (format), NULL);
  g_return_val_if_fail (query == NULL || BILAT_IS_QUERY (query), NULL);
  g_return_val_if_fail (check_unit (unit), NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (report != NULL)
    *report = NULL;
  input = _bilat_input_new_for_stream (stream, name != NULL ? name : "(stream)",
                                       cancellable, error);
  if (input == NULL)
    return NULL;

  own_report = bilat_import_report_new ();
  series = bilat_series_new (unit);
  filter = _bilat_row_filter_new (query, NULL);
  series_counter_init (&counter, unit);
  seen_ids_init (&ids);
  throttle.total = _bilat_input_get_size (input);
  ok = count_read_input (input, format, filter, flags, &ids, &counter, series, own_report,
                         progress_report, &throttle, cancellable, error);
  if (ok)
    progress_finish (&throttle, bilat_import_report_get_bytes (own_report),
                     bilat_import_report_get_rows (own_report));
  seen_ids_clear (&ids);
  _bilat_row_filter_free (filter);
  _bilat_input_free (input);

  if (!ok)
    return NULL;
  if (report != NULL)
    *report = g_steal_pointer (&own_report);
  return g_steal_pointer (&series);
}

/* Several files, by several threads: each file is counted into a part
 * of its own, with a report and a set of ids of its own; they are merged
 * in the order of the files, so that the result does not depend on the
 * threads. A file that shares ids with the files before it is counted
 * again, after them, with their ids: the first row with an id, in the
 * order the files were given, is the one counted, as with one thread. */

typedef struct
{
  GFile                 **files;
  guint                   n_files;
  BilatEventFormat        format;
  const BilatRowFilter   *filter;
  const BilatRowCounter  *counter;
  BilatImportFlags        flags;
  GCancellable           *cancellable;   /* cancelled by the user, or by a failure */
  SeenIds                 ids;           /* with one thread: the ids of every file */
  SeenIds               **file_ids;      /* with several: those of each file, or NULL */

  gpointer               *parts;
  gboolean               *finished;      /* per file: read without error */
  gpointer                result;        /* the parts folded so far, in order */
  guint                   n_folded;
  BilatImportReport     **reports;
  GError                **errors;

  GMutex                  lock;
  GCond                   done_cond;
  guint                   next_file;
  guint                   n_running;
  guint64                *bytes;         /* per file, read so far */
  guint64                *rows;
} CountJob;

typedef struct
{
  CountJob *job;
  guint      index;
  /* Throttled calls from the only thread (no worker threads). */
  Progress  *progress;
} FileProgress;

static void
file_progress (guint64  bytes_read,
               guint64  rows,
               gpointer user_data)
{
  FileProgress *file = user_data;
  CountJob *job = file->job;

  g_mutex_lock (&job->lock);
  job->bytes[file->index] = bytes_read;
  job->rows[file->index] = rows;
  g_mutex_unlock (&job->lock);

  if (file->progress != NULL)
    {
      guint64 bytes = 0;
      guint64 all_rows = 0;

      for (guint i = 0; i < job->n_files; i++)
        {
          bytes += job->bytes[i];
          all_rows += job->rows[i];
        }
      file->progress->base = 0;
      progress_report (bytes, all_rows, file->progress);
    }
}

static void
count_job_run_file (CountJob *job,
                     guint      index,
                     Progress  *progress)
{
  FileProgress file_progress_data = { job, index, progress };
  BilatInput *input;
  GError *error = NULL;
  SeenIds *ids = &job->ids;

  if (job->file_ids != NULL)
    {
      ids = job->file_ids[index] = g_new0 (SeenIds, 1);
      seen_ids_init (ids);
    }
  job->parts[index] = job->counter->part_new (job->counter->data);
  job->reports[index] = bilat_import_report_new ();
  input = _bilat_input_new_for_file (job->files[index], job->cancellable, &error);
  if (input == NULL ||
      !count_read_input (input, job->format, job->filter, job->flags, ids, job->counter,
                         job->parts[index], job->reports[index],
                         file_progress, &file_progress_data, job->cancellable, &error))
    {
      job->errors[index] = error;
      /* The others stop too: the operation has failed. */
      g_cancellable_cancel (job->cancellable);
    }
  else
    {
      g_mutex_lock (&job->lock);
      job->finished[index] = TRUE;
      g_mutex_unlock (&job->lock);
    }
  _bilat_input_free (input);
}

/* Folds the part of file @index into the result, and forgets it. */
static void
count_job_fold (CountJob *job,
                guint     index)
{
  job->counter->part_merge (job->result, job->parts[index]);
  g_clear_pointer (&job->parts[index], job->counter->part_free);
  if (job->file_ids != NULL && job->file_ids[index] != NULL)
    {
      seen_ids_clear (job->file_ids[index]);
      g_clear_pointer (&job->file_ids[index], g_free);
    }
}

/* Folds the parts of the files read so far, in the order of the files, so
 * that the parts of many files are not all kept to the end: up to the
 * first that is not read yet, or (with several threads) that shares
 * event ids with the files before it, which is left to be read again. */
static void
count_job_fold_ready (CountJob *job)
{
  for (;;)
    {
      guint index = job->n_folded;
      gboolean finished;

      if (index >= job->n_files)
        return;
      g_mutex_lock (&job->lock);
      finished = job->finished[index];
      g_mutex_unlock (&job->lock);
      if (!finished)
        return;
      if (job->file_ids != NULL)
        {
          if (!seen_ids_disjoint (&job->ids, job->file_ids[index]))
            return;
          seen_ids_add_all (&job->ids, job->file_ids[index]);
        }
      count_job_fold (job, index);
      job->n_folded++;
    }
}

static gpointer
count_job_thread (gpointer user_data)
{
  CountJob *job = user_data;

  for (;;)
    {
      guint index;

      g_mutex_lock (&job->lock);
      index = job->next_file++;
      g_mutex_unlock (&job->lock);
      if (index >= job->n_files)
        break;
      count_job_run_file (job, index, NULL);
    }

  g_mutex_lock (&job->lock);
  job->n_running--;
  g_cond_signal (&job->done_cond);
  g_mutex_unlock (&job->lock);
  return NULL;
}

static void
forward_cancel (GCancellable *cancellable,
                gpointer      user_data)
{
  g_cancellable_cancel (user_data);
}

/* The sizes of the files, summed; 0 if one is not known. */
static guint64
total_size (GFile        **files,
            guint          n_files,
            GCancellable  *cancellable)
{
  guint64 total = 0;

  for (guint i = 0; i < n_files; i++)
    {
      g_autoptr(GFileInfo) info = g_file_query_info (files[i], G_FILE_ATTRIBUTE_STANDARD_SIZE,
                                                     G_FILE_QUERY_INFO_NONE, cancellable, NULL);

      if (info == NULL || !g_file_info_has_attribute (info, G_FILE_ATTRIBUTE_STANDARD_SIZE))
        return 0;
      total += g_file_info_get_size (info);
    }
  return total;
}

/* Counts the rows of @files that match @query with @counter without
 * keeping them: @n_threads files at once (0: a thread per processor;
 * never more than there are files), each into a part of its own, folded
 * into the result in the order of the files as soon as the files before
 * it are, so that the result does not depend on the threads and the parts
 * of files long read are not kept. Of rows that share an event id, the
 * first in the order of @files counts, whatever the number of threads (a
 * file that shares ids with files before it is read again after them).
 * @progress is called from this thread; the others only read. */
gpointer
_bilat_count_files (GFile                   **files,
                    guint                     n_files,
                    BilatEventFormat          format,
                    BilatQuery               *query,
                    guint                     n_threads,
                    BilatImportFlags          flags,
                    const BilatRowCounter    *counter,
                    GCancellable             *cancellable,
                    BilatImportProgressFunc   progress,
                    gpointer                  progress_data,
                    BilatImportReport       **report,
                    GError                  **error)
{
  Progress throttle = { progress, progress_data, 0, 0, 0 };
  g_autoptr(BilatImportReport) merged = NULL;
  gpointer result = NULL;
  BilatRowFilter *filter;
  CountJob job = { 0 };
  GPtrArray *threads;
  gulong cancel_handler = 0;
  GError *failure = NULL;
  guint64 bytes = 0;
  guint64 rows = 0;

  g_return_val_if_fail (files != NULL || n_files == 0, NULL);
  for (guint i = 0; i < n_files; i++)
    g_return_val_if_fail (G_IS_FILE (files[i]), NULL);
  g_return_val_if_fail (check_format (format), NULL);
  g_return_val_if_fail (query == NULL || BILAT_IS_QUERY (query), NULL);
  g_return_val_if_fail (counter != NULL, NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (report != NULL)
    *report = NULL;
  if (n_threads == 0)
    n_threads = g_get_num_processors ();
  n_threads = MAX (1, MIN (n_threads, n_files));

  filter = _bilat_row_filter_new (query, NULL);
  job.files = files;
  job.n_files = n_files;
  job.format = format;
  job.filter = filter;
  job.counter = counter;
  job.flags = flags;
  job.cancellable = g_cancellable_new ();
  if (cancellable != NULL)
    cancel_handler = g_cancellable_connect (cancellable, G_CALLBACK (forward_cancel),
                                            g_object_ref (job.cancellable), g_object_unref);
  seen_ids_init (&job.ids);
  job.parts = g_new0 (gpointer, n_files);
  job.finished = g_new0 (gboolean, n_files);
  job.result = counter->part_new (counter->data);
  job.reports = g_new0 (BilatImportReport *, n_files);
  job.errors = g_new0 (GError *, n_files);
  job.bytes = g_new0 (guint64, n_files);
  job.rows = g_new0 (guint64, n_files);
  g_mutex_init (&job.lock);
  g_cond_init (&job.done_cond);
  throttle.total = progress != NULL ? total_size (files, n_files, cancellable) : 0;

  if (n_threads == 1)
    {
      for (guint i = 0; i < n_files && !g_cancellable_is_cancelled (job.cancellable); i++)
        {
          count_job_run_file (&job, i, &throttle);
          count_job_fold_ready (&job);
        }
    }
  else
    {
      job.file_ids = g_new0 (SeenIds *, n_files);
      threads = g_ptr_array_new ();
      job.n_running = n_threads;
      for (guint i = 0; i < n_threads; i++)
        g_ptr_array_add (threads, g_thread_new ("bilat-count", count_job_thread, &job));

      /* This thread tells the progress while the others read. */
      g_mutex_lock (&job.lock);
      while (job.n_running > 0)
        {
          g_cond_wait_until (&job.done_cond, &job.lock,
                             g_get_monotonic_time () + PROGRESS_INTERVAL_US);
          g_mutex_unlock (&job.lock);
          count_job_fold_ready (&job);
          g_mutex_lock (&job.lock);
          if (progress != NULL && job.n_running > 0)
            {
              guint64 done = 0;
              guint64 read_rows = 0;

              for (guint i = 0; i < n_files; i++)
                {
                  done += job.bytes[i];
                  read_rows += job.rows[i];
                }
              g_mutex_unlock (&job.lock);
              progress (done, throttle.total, read_rows, progress_data);
              g_mutex_lock (&job.lock);
            }
        }
      g_mutex_unlock (&job.lock);
      for (guint i = 0; i < threads->len; i++)
        g_thread_join (g_ptr_array_index (threads, i));
      g_ptr_array_unref (threads);
    }

  if (cancellable != NULL)
    g_cancellable_disconnect (cancellable, cancel_handler);

  /* The error of the first file that failed by itself, rather than by
   * being stopped; a cancellation by the user above all. */
  if (g_cancellable_is_cancelled (cancellable))
    g_set_error_literal (&failure, G_IO_ERROR, G_IO_ERROR_CANCELLED, "Operation was cancelled");
  for (guint i = 0; i < n_files && failure == NULL; i++)
    if (job.errors[i] != NULL && !g_error_matches (job.errors[i], G_IO_ERROR, G_IO_ERROR_CANCELLED))
      failure = g_error_copy (job.errors[i]);
  for (guint i = 0; i < n_files && failure == NULL; i++)
    if (job.errors[i] != NULL)
      failure = g_error_copy (job.errors[i]);

  /* The files not folded yet, in their order: a file with an id of one
   * before it is counted again, this time after them. */
  for (guint i = job.n_folded; failure == NULL && i < n_files; i++)
    {
      BilatInput *input;

      if (job.file_ids != NULL && seen_ids_disjoint (&job.ids, job.file_ids[i]))
        seen_ids_add_all (&job.ids, job.file_ids[i]);
      else if (job.file_ids != NULL)
        {
          g_clear_pointer (&job.parts[i], counter->part_free);
          g_clear_object (&job.reports[i]);
          job.parts[i] = counter->part_new (counter->data);
          job.reports[i] = bilat_import_report_new ();
          input = _bilat_input_new_for_file (files[i], cancellable, &failure);
          if (input != NULL)
            count_read_input (input, format, filter, flags, &job.ids, counter, job.parts[i], job.reports[i],
                              NULL, NULL, cancellable, &failure);
          _bilat_input_free (input);
        }
      if (failure == NULL)
        count_job_fold (&job, i);
    }

  if (failure == NULL)
    {
      result = g_steal_pointer (&job.result);
      merged = bilat_import_report_new ();
      for (guint i = 0; i < n_files; i++)
        bilat_import_report_merge (merged, job.reports[i]);
      bytes = bilat_import_report_get_bytes (merged);
      rows = bilat_import_report_get_rows (merged);
    }

  for (guint i = 0; i < n_files; i++)
    {
      g_clear_pointer (&job.parts[i], counter->part_free);
      g_clear_object (&job.reports[i]);
      g_clear_error (&job.errors[i]);
      if (job.file_ids != NULL && job.file_ids[i] != NULL)
        {
          seen_ids_clear (job.file_ids[i]);
          g_free (job.file_ids[i]);
        }
    }
  g_free (job.file_ids);
  g_free (job.parts);
  g_free (job.finished);
  g_clear_pointer (&job.result, counter->part_free);
  g_free (job.reports);
  g_free (job.errors);
  g_free (job.bytes);
  g_free (job.rows);
  g_mutex_clear (&job.lock);
  g_cond_clear (&job.done_cond);
  seen_ids_clear (&job.ids);
  g_object_unref (job.cancellable);
  _bilat_row_filter_free (filter);

  if (failure != NULL)
    {
      g_propagate_error (error, failure);
      return NULL;
    }
  progress_finish (&throttle, bytes, rows);
  if (report != NULL)
    *report = g_steal_pointer (&merged);
  return result;
}

/* Counts the events of @files that match @query into a series without
 * keeping them (see bilat_importer_compute_series()): a series per file,
 * merged in the order of the files (see _bilat_count_files()). */
BilatSeries *
_bilat_series_new_from_files (GFile                   **files,
                              guint                     n_files,
                              BilatEventFormat          format,
                              BilatQuery               *query,
                              BilatSeriesUnit           unit,
                              guint                     n_threads,
                              BilatImportFlags          flags,
                              GCancellable             *cancellable,
                              BilatImportProgressFunc   progress,
                              gpointer                  progress_data,
                              BilatImportReport       **report,
                              GError                  **error)
{
  BilatRowCounter counter;

  g_return_val_if_fail (check_unit (unit), NULL);

  series_counter_init (&counter, unit);
  return _bilat_count_files (files, n_files, format, query, n_threads, flags, &counter, cancellable,
                             progress, progress_data, report, error);
}
