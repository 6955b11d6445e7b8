/* bilat-importer.c: the settings of reading event data, and the readings
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * The importer holds what every reading of event data is told (the
 * format, the query, the flags, the threads, the cancellable) as
 * properties, so that its methods take only what differs from one reading
 * to the next: the files, the store or the unit. The readers themselves
 * are those of bilat-import.c; the importer turns their progress callback
 * into a signal, in the caller's main context for the asynchronous forms.
 */

#include <bilat/bilat.h>

#include "bilat-import-private.h"
#include "bilat-panel-private.h"

/**
 * BilatImporter:
 *
 * Reads machine-coded event data (GDELT 1.0/2.0, ICEWS; plain, gzip or zip)
 * with settings kept as properties: the [enum@Bilat.EventFormat], the
 * [class@Bilat.Query] of the events to keep, the [flags@Bilat.ImportFlags],
 * how many threads read files at once, and a [class@Gio.Cancellable].
 *
 * ```c
 * g_autoptr(BilatImporter) importer = bilat_importer_new ();
 *
 * bilat_importer_set_query (importer, query);
 * report = bilat_importer_import (importer, store, files, n_files, &error);
 * series = bilat_importer_compute_series (importer, files, n_files,
 *                                         BILAT_SERIES_UNIT_MONTH, NULL, &error);
 * ```
 *
 * [method@Bilat.Importer.import] adds the events to a [class@Bilat.Store];
 * [method@Bilat.Importer.import_to_file] writes them into a native store
 * file, with no store in between;
 * [method@Bilat.Importer.compute_series] counts them into a
 * [class@Bilat.Series] without keeping them, and
 * [method@Bilat.Importer.build_panel] into the events columns of a
 * dyad-year [class@Bilat.Panel], with its `_async` form too. Both read files, and
 * [method@Bilat.Importer.import_stream] and
 * [method@Bilat.Importer.compute_series_from_stream] a
 * [class@Gio.InputStream]. All of them have `_async` forms that read in
 * worker threads. The settings are read when a reading starts:
 * changing them afterwards does not change a reading under way.
 *
 * Progress is the [signal@Bilat.Importer::progress] signal.
 *
 * Since: 1.0
 */
struct _BilatImporter
{
  GObject           parent_instance;

  BilatEventFormat  format;
  BilatQuery       *query;
  BilatImportFlags  flags;
  guint             threads;
  GCancellable     *cancellable;
};

G_DEFINE_FINAL_TYPE (BilatImporter, bilat_importer, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_FORMAT,
  PROP_QUERY,
  PROP_FLAGS,
  PROP_THREADS,
  PROP_CANCELLABLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  SIGNAL_PROGRESS,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Source tags: addresses of these, as ISO C has no conversion of function
 * pointers to data pointers. */
static char import_tag;
static char import_stream_tag;
static char to_file_tag;
static char to_file_worker_tag;
static char series_tag;
static char series_stream_tag;
static char series_worker_tag;
static char panel_tag;
static char panel_worker_tag;

/* The most threads a series is read with. */
#define MAX_THREADS 256

static void
bilat_importer_finalize (GObject *object)
{
  BilatImporter *self = BILAT_IMPORTER (object);

  g_clear_object (&self->query);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (bilat_importer_parent_class)->finalize (object);
}

static void
bilat_importer_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  BilatImporter *self = BILAT_IMPORTER (object);

  switch (prop_id)
    {
    case PROP_FORMAT:
      g_value_set_enum (value, self->format);
      break;
    case PROP_QUERY:
      g_value_set_object (value, self->query);
      break;
    case PROP_FLAGS:
      g_value_set_flags (value, self->flags);
      break;
    case PROP_THREADS:
      g_value_set_uint (value, self->threads);
      break;
    case PROP_CANCELLABLE:
      g_value_set_object (value, self->cancellable);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bilat_importer_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  BilatImporter *self = BILAT_IMPORTER (object);

  switch (prop_id)
    {
    case PROP_FORMAT:
      bilat_importer_set_format (self, g_value_get_enum (value));
      break;
    case PROP_QUERY:
      bilat_importer_set_query (self, g_value_get_object (value));
      break;
    case PROP_FLAGS:
      bilat_importer_set_flags (self, g_value_get_flags (value));
      break;
    case PROP_THREADS:
      bilat_importer_set_threads (self, g_value_get_uint (value));
      break;
    case PROP_CANCELLABLE:
      bilat_importer_set_cancellable (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bilat_importer_class_init (BilatImporterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = bilat_importer_finalize;
  object_class->get_property = bilat_importer_get_property;
  object_class->set_property = bilat_importer_set_property;

  /**
   * BilatImporter:format: (getter get_format) (setter set_format)
   *
   * The format of the data, or %BILAT_EVENT_FORMAT_AUTO (the default) to
   * tell it from the first line of each file.
   *
   * Since: 1.0
   */
  properties[PROP_FORMAT] =
    g_param_spec_enum ("format", NULL, NULL, BILAT_TYPE_EVENT_FORMAT, BILAT_EVENT_FORMAT_AUTO,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * BilatImporter:query: (getter get_query) (setter set_query)
   *
   * Which events to keep, or %NULL (the default) for all. The query is
   * read when a reading starts.
   *
   * Since: 1.0
   */
  properties[PROP_QUERY] =
    g_param_spec_object ("query", NULL, NULL, BILAT_TYPE_QUERY,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * BilatImporter:flags: (getter get_flags) (setter set_flags)
   *
   * How to treat bad rows and duplicate event ids.
   *
   * Since: 1.0
   */
  properties[PROP_FLAGS] =
    g_param_spec_flags ("flags", NULL, NULL, BILAT_TYPE_IMPORT_FLAGS, BILAT_IMPORT_FLAGS_NONE,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * BilatImporter:threads: (getter get_threads) (setter set_threads)
   *
   * How many threads read files at once when a series is computed: 1 (the
   * default) reads them one after another. The series does not depend on
   * it: of rows that share an event id, the first in the order of the
   * files counts, whatever the number of threads. An import reads its
   * files one after another.
   *
   * Since: 1.0
   */
  properties[PROP_THREADS] =
    g_param_spec_uint ("threads", NULL, NULL, 1, MAX_THREADS, 1,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * BilatImporter:cancellable: (getter get_cancellable) (setter set_cancellable)
   *
   * The [class@Gio.Cancellable] of the readings, or %NULL.
   *
   * Since: 1.0
   */
  properties[PROP_CANCELLABLE] =
    g_param_spec_object ("cancellable", NULL, NULL, G_TYPE_CANCELLABLE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * BilatImporter::progress:
   * @self: the importer
   * @bytes_done: the bytes read so far, over all the files
   * @bytes_total: the bytes of all the files, or 0 while not known
   * @rows: the rows read so far
   *
   * Tells how far a reading has come: at most ten times a second (the
   * first time as soon as reading has begun), with @bytes_done and @rows
   * never decreasing, and a last time when the input has been read, with
   * @bytes_done equal to @bytes_total (which is then known in any case).
   * Bytes are those of the input as it is stored: compressed bytes for a
   * compressed file.
   *
   * For the `_async` methods it is emitted in the thread-default main
   * context of the call, the last time before the callback. For the
   * others it is emitted in the thread that called them, even while
   * [property@Bilat.Importer:threads] other threads read.
   *
   * Since: 1.0
   */
  signals[SIGNAL_PROGRESS] =
    g_signal_new ("progress", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 3,
                  G_TYPE_UINT64, G_TYPE_UINT64, G_TYPE_UINT64);
}

static void
bilat_importer_init (BilatImporter *self)
{
  self->format = BILAT_EVENT_FORMAT_AUTO;
  self->flags = BILAT_IMPORT_FLAGS_NONE;
  self->threads = 1;
}

/**
 * bilat_importer_new:
 *
 * Creates an importer with the default settings: the format told from the
 * data, every event kept, bad rows skipped, one thread, no cancellable.
 *
 * Returns: (transfer full): a new [class@Bilat.Importer]
 *
 * Since: 1.0
 */
BilatImporter *
bilat_importer_new (void)
{
  return g_object_new (BILAT_TYPE_IMPORTER, NULL);
}

/**
 * bilat_importer_get_format: (get-property format)
 * @self: a [class@Bilat.Importer]
 *
 * Gets the format of the data.
 *
 * Returns: the format, or %BILAT_EVENT_FORMAT_AUTO
 *
 * Since: 1.0
 */
BilatEventFormat
bilat_importer_get_format (BilatImporter *self)
{
  g_return_val_if_fail (BILAT_IS_IMPORTER (self), BILAT_EVENT_FORMAT_AUTO);

  return self->format;
}

/**
 * bilat_importer_set_format: (set-property format)
 * @self: a [class@Bilat.Importer]
 * @format: the format of the data, or %BILAT_EVENT_FORMAT_AUTO
 *
 * Sets the format of the data.
 *
 * Since: 1.0
 */
void
bilat_importer_set_format (BilatImporter    *self,
                           BilatEventFormat  format)
{
  g_return_if_fail (BILAT_IS_IMPORTER (self));
  g_return_if_fail (format <= BILAT_EVENT_FORMAT_MME);

  if (self->format == format)
    return;
  self->format = format;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FORMAT]);
}

/**
 * bilat_importer_get_query: (get-property query)
 * @self: a [class@Bilat.Importer]
 *
 * Gets the query of the events to keep.
 *
 * Returns: (transfer none) (nullable): the query, or %NULL for all events
 *
 * Since: 1.0
 */
BilatQuery *
bilat_importer_get_query (BilatImporter *self)
{
  g_return_val_if_fail (BILAT_IS_IMPORTER (self), NULL);

  return self->query;
}

/**
 * bilat_importer_set_query: (set-property query)
 * @self: a [class@Bilat.Importer]
 * @query: (nullable): which events to keep, or %NULL for all
 *
 * Sets the query of the events to keep.
 *
 * Since: 1.0
 */
void
bilat_importer_set_query (BilatImporter *self,
                          BilatQuery    *query)
{
  g_return_if_fail (BILAT_IS_IMPORTER (self));
  g_return_if_fail (query == NULL || BILAT_IS_QUERY (query));

  if (g_set_object (&self->query, query))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_QUERY]);
}

/**
 * bilat_importer_get_flags: (get-property flags)
 * @self: a [class@Bilat.Importer]
 *
 * Gets how bad rows are treated.
 *
 * Returns: the flags
 *
 * Since: 1.0
 */
BilatImportFlags
bilat_importer_get_flags (BilatImporter *self)
{
  g_return_val_if_fail (BILAT_IS_IMPORTER (self), BILAT_IMPORT_FLAGS_NONE);

  return self->flags;
}

/**
 * bilat_importer_set_flags: (set-property flags)
 * @self: a [class@Bilat.Importer]
 * @flags: how to treat bad rows
 *
 * Sets how bad rows and duplicate event ids are treated.
 *
 * Since: 1.0
 */
void
bilat_importer_set_flags (BilatImporter    *self,
                          BilatImportFlags  flags)
{
  g_return_if_fail (BILAT_IS_IMPORTER (self));
  g_return_if_fail ((flags & ~BILAT_IMPORT_FLAGS_STRICT) == 0);

  if (self->flags == flags)
    return;
  self->flags = flags;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FLAGS]);
}

/**
 * bilat_importer_get_threads: (get-property threads)
 * @self: a [class@Bilat.Importer]
 *
 * Gets how many threads read files at once when a series is computed.
 *
 * Returns: the number of threads, at least 1
 *
 * Since: 1.0
 */
guint
bilat_importer_get_threads (BilatImporter *self)
{
  g_return_val_if_fail (BILAT_IS_IMPORTER (self), 1);

  return self->threads;
}

/**
 * bilat_importer_set_threads: (set-property threads)
 * @self: a [class@Bilat.Importer]
 * @threads: how many threads read files at once, from 1 to 256
 *
 * Sets how many threads read files at once when a series is computed.
 *
 * Since: 1.0
 */
void
bilat_importer_set_threads (BilatImporter *self,
                            guint          threads)
{
  g_return_if_fail (BILAT_IS_IMPORTER (self));
  g_return_if_fail (threads >= 1 && threads <= MAX_THREADS);

  if (self->threads == threads)
    return;
  self->threads = threads;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_THREADS]);
}

/**
 * bilat_importer_get_cancellable: (get-property cancellable)
 * @self: a [class@Bilat.Importer]
 *
 * Gets the cancellable of the readings.
 *
 * Returns: (transfer none) (nullable): the cancellable, or %NULL
 *
 * Since: 1.0
 */
GCancellable *
bilat_importer_get_cancellable (BilatImporter *self)
{
  g_return_val_if_fail (BILAT_IS_IMPORTER (self), NULL);

  return self->cancellable;
}

/**
 * bilat_importer_set_cancellable: (set-property cancellable)
 * @self: a [class@Bilat.Importer]
 * @cancellable: (nullable): a [class@Gio.Cancellable], or %NULL
 *
 * Sets the cancellable of the readings that start from now on.
 *
 * Since: 1.0
 */
void
bilat_importer_set_cancellable (BilatImporter *self,
                                GCancellable  *cancellable)
{
  g_return_if_fail (BILAT_IS_IMPORTER (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  if (g_set_object (&self->cancellable, cancellable))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CANCELLABLE]);
}

/* The readers' progress callback, as the signal. */
static void
emit_progress (guint64  bytes_done,
               guint64  bytes_total,
               guint64  rows,
               gpointer user_data)
{
  g_signal_emit (user_data, signals[SIGNAL_PROGRESS], 0, bytes_done, bytes_total, rows);
}

static gboolean
check_files (GFile **files,
             guint   n_files)
{
  if (files == NULL && n_files > 0)
    return FALSE;
  for (guint i = 0; i < n_files; i++)
    if (!G_IS_FILE (files[i]))
      return FALSE;
  return TRUE;
}

/**
 * bilat_importer_import:
 * @self: a [class@Bilat.Importer]
 * @store: the [class@Bilat.Store] to add the events to
 * @files: (array length=n_files): the files to read
 * @n_files: the number of @files
 * @error: return location for an error
 *
 * Reads @files (GDELT 1.0, GDELT 2.0 or ICEWS event data, plain,
 * gzip-compressed or zip archives) and adds the events that match the
 * query to @store, as [class@Bilat.CodedEvent]s, together with what they
 * refer to that the store lacks: an actor for each participant (a state,
 * or for a CAMEO region such as `EUR` a group named after it) and a
 * [class@Bilat.Source] for each article (GDELT's URL, with an id `url:`
 * and a hash of it; ICEWS's story, `icews-story:` and its id).
 *
 * Rows that the query rejects are read only as far as needed to reject
 * them, and only the matching events are kept in memory. Nothing is added
 * to the store until every file has been read, and then all at once: on
 * an error or a cancellation the store is left exactly as it was.
 * Importing the 96 fifteen-minute files of a day of GDELT in one call
 * adds them to the store's columns in one step; importing them one by one
 * would merge the growing columns with each file.
 *
 * Bad rows and duplicate event ids (within a file, across the files, or
 * with events the store has already) are skipped and reported in the
 * returned report; with %BILAT_IMPORT_FLAGS_STRICT the first of them
 * fails the import. The files are read one after another in this thread,
 * which [signal@Bilat.Importer::progress] is emitted in.
 *
 * Returns: (transfer full): the report of the import, or %NULL on error
 *   (the store is then left as it was)
 *
 * Since: 1.0
 */
BilatImportReport *
bilat_importer_import (BilatImporter  *self,
                       BilatStore     *store,
                       GFile         **files,
                       guint           n_files,
                       GError        **error)
{
  g_return_val_if_fail (BILAT_IS_IMPORTER (self), NULL);
  g_return_val_if_fail (BILAT_IS_STORE (store), NULL);
  g_return_val_if_fail (check_files (files, n_files), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return _bilat_store_import_files (store, files, n_files, self->format, self->query, self->flags,
                                    self->cancellable, emit_progress, self, error);
}

static void
import_done (GObject      *source_object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;
  BilatImportReport *report;

  report = _bilat_store_import_finish (BILAT_STORE (source_object), result, &error);
  if (report == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, report, g_object_unref);
}

/**
 * bilat_importer_import_async:
 * @self: a [class@Bilat.Importer]
 * @store: the [class@Bilat.Store] to add the events to
 * @files: (array length=n_files): the files to read
 * @n_files: the number of @files
 * @callback: (scope async) (closure user_data): called when the import is
 *   over
 * @user_data: data for @callback
 *
 * Imports @files as [method@Bilat.Importer.import] does, reading them in
 * a worker thread. The settings of @self are read before this function
 * returns.
 *
 * [signal@Bilat.Importer::progress] and @callback come in the
 * thread-default main context of the caller. The store is changed in
 * that context too, all at once, right before @callback is called; do not
 * change the store in the meantime.
 *
 * Since: 1.0
 */
void
bilat_importer_import_async (BilatImporter       *self,
                             BilatStore          *store,
                             GFile              **files,
                             guint                n_files,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (BILAT_IS_IMPORTER (self));
  g_return_if_fail (BILAT_IS_STORE (store));
  g_return_if_fail (check_files (files, n_files));

  task = g_task_new (self, self->cancellable, callback, user_data);
  g_task_set_source_tag (task, &import_tag);
  _bilat_store_import_async (store, files, n_files, NULL, NULL, self->format, self->query,
                             self->flags, self->cancellable, emit_progress, g_object_ref (self),
                             g_object_unref, import_done, task);
}

/**
 * bilat_importer_import_finish:
 * @self: a [class@Bilat.Importer]
 * @result: the result given to the callback
 * @error: return location for an error
 *
 * Ends an import started with [method@Bilat.Importer.import_async].
 *
 * Returns: (transfer full): the report of the import, or %NULL on error
 *   (the store is then left as it was)
 *
 * Since: 1.0
 */
BilatImportReport *
bilat_importer_import_finish (BilatImporter  *self,
                              GAsyncResult   *result,
                              GError        **error)
{
  g_return_val_if_fail (BILAT_IS_IMPORTER (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == &import_tag, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * bilat_importer_import_stream:
 * @self: a [class@Bilat.Importer]
 * @store: the [class@Bilat.Store] to add the events to
 * @stream: the stream to read: plain, gzip-compressed or a zip archive
 * @name: (nullable): the name of the stream in reports and messages, such
 *   as its file name, or %NULL for `(stream)`
 * @error: return location for an error
 *
 * Reads event data from a stream and adds the events that match the
 * query to @store, as [method@Bilat.Importer.import] does for files.
 * The stream is read to its end, but not closed. Its size, and so the
 * total that [signal@Bilat.Importer::progress] is told before the end,
 * is known for a [class@Gio.FileInputStream] only.
 *
 * Returns: (transfer full): the report of the import, or %NULL on error
 *   (the store is then left as it was)
 *
 * Since: 1.0
 */
BilatImportReport *
bilat_importer_import_stream (BilatImporter  *self,
                              BilatStore     *store,
                              GInputStream   *stream,
                              const char     *name,
                              GError        **error)
{
  g_return_val_if_fail (BILAT_IS_IMPORTER (self), NULL);
  g_return_val_if_fail (BILAT_IS_STORE (store), NULL);
  g_return_val_if_fail (G_IS_INPUT_STREAM (stream), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return _bilat_store_import_stream (store, stream, name, self->format, self->query, self->flags,
                                     self->cancellable, emit_progress, self, error);
}

/**
 * bilat_importer_import_stream_async:
 * @self: a [class@Bilat.Importer]
 * @store: the [class@Bilat.Store] to add the events to
 * @stream: the stream to read: plain, gzip-compressed or a zip archive
 * @name: (nullable): the name of the stream in reports and messages, or
 *   %NULL for `(stream)`
 * @callback: (scope async) (closure user_data): called when the import is
 *   over
 * @user_data: data for @callback
 *
 * Imports what @stream holds as [method@Bilat.Importer.import_stream]
 * does, reading it in a worker thread: do not read from @stream until
 * @callback is called. The settings of @self are read before this
 * function returns.
 *
 * [signal@Bilat.Importer::progress] and @callback come in the
 * thread-default main context of the caller. The store is changed in
 * that context too, all at once, right before @callback is called; do not
 * change the store in the meantime.
 *
 * Since: 1.0
 */
void
bilat_importer_import_stream_async (BilatImporter       *self,
                                    BilatStore          *store,
                                    GInputStream        *stream,
                                    const char          *name,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (BILAT_IS_IMPORTER (self));
  g_return_if_fail (BILAT_IS_STORE (store));
  g_return_if_fail (G_IS_INPUT_STREAM (stream));

  task = g_task_new (self, self->cancellable, callback, user_data);
  g_task_set_source_tag (task, &import_stream_tag);
  _bilat_store_import_async (store, NULL, 0, stream, name, self->format, self->query,
                             self->flags, self->cancellable, emit_progress, g_object_ref (self),
                             g_object_unref, import_done, task);
}

/**
 * bilat_importer_import_stream_finish:
 * @self: a [class@Bilat.Importer]
 * @result: the result given to the callback
 * @error: return location for an error
 *
 * Ends an import started with [method@Bilat.Importer.import_stream_async].
 *
 * Returns: (transfer full): the report of the import, or %NULL on error
 *   (the store is then left as it was)
 *
 * Since: 1.0
 */
BilatImportReport *
bilat_importer_import_stream_finish (BilatImporter  *self,
                                     GAsyncResult   *result,
                                     GError        **error)
{
  g_return_val_if_fail (BILAT_IS_IMPORTER (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == &import_stream_tag, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * bilat_importer_compute_series:
 * @self: a [class@Bilat.Importer]
 * @files: (array length=n_files): the files to read
 * @n_files: the number of @files
 * @unit: the width of the bins
 * @report: (out) (optional) (transfer full): where to store the report of
 *   the reading, or %NULL
 * @error: return location for an error
 *
 * Counts the events of @files that match the query into a series: per
 * day, month or year, how many events, their Goldstein sum and mean, and
 * how many fall in each QuadClass, without keeping the events. Memory
 * does not grow with the size of the files: they are streamed, and what
 * is kept are the bins and the set of the event ids counted, to count
 * none twice (at most about a bit per id in their range).
 *
 * The series is that of the events [method@Bilat.Importer.import] would
 * import, and [method@Bilat.Store.compute_series] would count, except
 * that actors are compared as they are, without state succession.
 * Duplicate event ids are detected across all the files; bad rows and
 * duplicates are skipped and reported, or fail the computation with
 * %BILAT_IMPORT_FLAGS_STRICT.
 *
 * With [property@Bilat.Importer:threads] above 1, that many files are
 * read at once (never more threads than files), each into a series of its
 * own, and the series merged in the order of the files, so that the
 * result does not depend on the threads; [signal@Bilat.Importer::progress]
 * is then emitted from this thread, and the other threads only read.
 * Files read elsewhere can be merged likewise, with
 * [method@Bilat.Series.merge].
 *
 * Returns: (transfer full): the series, or %NULL on error
 *
 * Since: 1.0
 */
BilatSeries *
bilat_importer_compute_series (BilatImporter      *self,
                               GFile             **files,
                               guint               n_files,
                               BilatSeriesUnit     unit,
                               BilatImportReport **report,
                               GError            **error)
{
  g_return_val_if_fail (BILAT_IS_IMPORTER (self), NULL);
  g_return_val_if_fail (check_files (files, n_files), NULL);
  g_return_val_if_fail (unit <= BILAT_SERIES_UNIT_YEAR, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return _bilat_series_new_from_files (files, n_files, self->format, self->query, unit,
                                       self->threads, self->flags, self->cancellable,
                                       emit_progress, self, report, error);
}

/* What a worker thread hands back besides its result: the progress it
 * relays and the report of its reading. The first member of each job. */
typedef struct
{
  BilatProgressRelay *relay;
  BilatImportReport  *report;    /* set by the worker */
} WorkerJob;

/* A series computed in a worker thread: what it was told at the call. */
typedef struct
{
  WorkerJob           worker;
  GPtrArray          *files;
  GInputStream       *stream;   /* read instead of the files when set */
  char               *name;
  BilatEventFormat    format;
  BilatQuery         *query;    /* a copy: the caller may change its own */
  BilatSeriesUnit     unit;
  guint               threads;
  BilatImportFlags    flags;
} SeriesJob;

static void
series_job_free (SeriesJob *job)
{
  g_ptr_array_unref (job->files);
  g_clear_object (&job->stream);
  g_free (job->name);
  g_clear_object (&job->query);
  _bilat_progress_relay_unref (job->worker.relay);
  g_clear_object (&job->worker.report);
  g_free (job);
}

static void
series_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  SeriesJob *job = task_data;
  GError *error = NULL;
  BilatSeries *series;

  if (job->stream != NULL)
    series = _bilat_series_new_from_stream (job->stream, job->name, job->format, job->query,
                                            job->unit, job->flags, cancellable,
                                            _bilat_progress_relay_push, job->worker.relay,
                                            &job->worker.report, &error);
  else
    series = _bilat_series_new_from_files ((GFile **) job->files->pdata, job->files->len,
                                           job->format, job->query, job->unit, job->threads,
                                           job->flags, cancellable, _bilat_progress_relay_push,
                                           job->worker.relay, &job->worker.report, &error);
  if (series == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, series, g_object_unref);
}

/* Back in the caller's context: the last progress, then the caller's
 * task (@user_data) returns what the worker's @result holds (an object),
 * with the worker's report, if any, as its data. */
static void
worker_done (GObject      *source_object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  WorkerJob *job = g_task_get_task_data (G_TASK (result));
  GError *error = NULL;
  gpointer object;

  _bilat_progress_relay_finish (job->relay);
  object = g_task_propagate_pointer (G_TASK (result), &error);
  if (object == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  /* (An import into a file returns its report, and hands none here.) */
  if (job->report != NULL)
    g_task_set_task_data (task, g_steal_pointer (&job->report), g_object_unref);
  g_task_return_pointer (task, object, g_object_unref);
}

/* A job with the settings of @self, whose input the caller sets. */
static SeriesJob *
series_job_new (BilatImporter   *self,
                BilatSeriesUnit  unit)
{
  SeriesJob *job = g_new0 (SeriesJob, 1);

  job->files = g_ptr_array_new_with_free_func (g_object_unref);
  job->format = self->format;
  job->query = self->query != NULL ? bilat_query_copy (self->query) : NULL;
  job->worker.report = NULL;
  job->unit = unit;
  job->threads = self->threads;
  job->flags = self->flags;
  job->worker.relay = _bilat_progress_relay_new (emit_progress, g_object_ref (self), g_object_unref);
  return job;
}

static void
series_job_start (BilatImporter       *self,
                  SeriesJob           *job,
                  gconstpointer        source_tag,
                  GAsyncReadyCallback  callback,
                  gpointer             user_data)
{
  g_autoptr(GTask) worker = NULL;
  GTask *task;

  task = g_task_new (self, self->cancellable, callback, user_data);
  g_task_set_source_tag (task, (gpointer) source_tag);

  worker = g_task_new (self, self->cancellable, worker_done, task);
  g_task_set_source_tag (worker, &series_worker_tag);
  g_task_set_task_data (worker, job, (GDestroyNotify) series_job_free);
  g_task_run_in_thread (worker, series_thread);
}

/* An import into a native file in a worker thread. */
typedef struct
{
  WorkerJob         worker;
  GPtrArray        *files;
  GFile            *output;
  BilatEventFormat  format;
  BilatQuery       *query;    /* a copy: the caller may change its own */
  BilatImportFlags  flags;
} ToFileJob;

static void
to_file_job_free (ToFileJob *job)
{
  g_ptr_array_unref (job->files);
  g_object_unref (job->output);
  g_clear_object (&job->query);
  _bilat_progress_relay_unref (job->worker.relay);
  g_clear_object (&job->worker.report);
  g_free (job);
}

static void
to_file_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  ToFileJob *job = task_data;
  GError *error = NULL;
  BilatImportReport *report;

  report = _bilat_import_files_to_native ((GFile **) job->files->pdata, job->files->len, job->format,
                                          job->query, job->flags, job->output, cancellable,
                                          _bilat_progress_relay_push, job->worker.relay, &error);
  if (report == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, report, g_object_unref);
}

/**
 * bilat_importer_import_to_file:
 * @self: a [class@Bilat.Importer]
 * @files: (array length=n_files): the files to read
 * @n_files: the number of @files
 * @output: the native store file to write
 * @error: return location for an error
 *
 * Imports @files into a new native store file at @output, with the
 * settings of @self. The file holds the same bytes as importing @files
 * with [method@Bilat.Importer.import] into a new [class@Bilat.Store] and
 * saving that with [method@Bilat.Store.save_to_native_file] would give;
 * but no store is made, and the columns of the events go into the file
 * as they are put in order, never into memory whole: an import of
 * millions of events takes less memory and less time. Open the file with
 * [method@Bilat.Store.load_from_file], which tells a native file from a
 * JSON one by its content.
 *
 * Bad rows and duplicate event ids are reported as
 * [method@Bilat.Importer.import] reports them; but where rows were read
 * and every one of them is bad (a file of another format, say), nothing
 * is written and no report is returned: the import fails with the
 * [error@Bilat.ImportError] of the first problem, which the message
 * names. The file is written beside @output and renamed into place once
 * complete, as saving does: on an error or a cancellation, @output is
 * left as it was. The files are read one after another in this thread,
 * which [signal@Bilat.Importer::progress] is emitted in.
 *
 * Returns: (transfer full): the report of the import, or %NULL on error
 *
 * Since: 1.0
 */
BilatImportReport *
bilat_importer_import_to_file (BilatImporter  *self,
                               GFile         **files,
                               guint           n_files,
                               GFile          *output,
                               GError        **error)
{
  g_return_val_if_fail (BILAT_IS_IMPORTER (self), NULL);
  g_return_val_if_fail (check_files (files, n_files), NULL);
  g_return_val_if_fail (G_IS_FILE (output), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return _bilat_import_files_to_native (files, n_files, self->format, self->query, self->flags, output,
                                        self->cancellable, emit_progress, self, error);
}

/**
 * bilat_importer_import_to_file_async:
 * @self: a [class@Bilat.Importer]
 * @files: (array length=n_files): the files to read
 * @n_files: the number of @files
 * @output: the native store file to write
 * @callback: (scope async) (closure user_data): called when the file is
 *   written
 * @user_data: data for @callback
 *
 * Imports @files into a native store file as
 * [method@Bilat.Importer.import_to_file] does, in a worker thread. The
 * settings of @self (and its query) are read before this function
 * returns. [signal@Bilat.Importer::progress] and @callback come in the
 * thread-default main context of the caller.
 *
 * Since: 1.0
 */
void
bilat_importer_import_to_file_async (BilatImporter       *self,
                                     GFile              **files,
                                     guint                n_files,
                                     GFile               *output,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  g_autoptr(GTask) worker = NULL;
  ToFileJob *job;
  GTask *task;

  g_return_if_fail (BILAT_IS_IMPORTER (self));
  g_return_if_fail (check_files (files, n_files));
  g_return_if_fail (G_IS_FILE (output));

  job = g_new0 (ToFileJob, 1);
  job->files = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < n_files; i++)
    g_ptr_array_add (job->files, g_object_ref (files[i]));
  job->output = g_object_ref (output);
  job->format = self->format;
  job->query = self->query != NULL ? bilat_query_copy (self->query) : NULL;
  job->flags = self->flags;
  job->worker.relay = _bilat_progress_relay_new (emit_progress, g_object_ref (self), g_object_unref);

  /* Once the worker has written the file, the import is done: a
   * cancellation that comes later (from a progress handler, say) does not
   * turn it into an error. */
  task = g_task_new (self, self->cancellable, callback, user_data);
  g_task_set_source_tag (task, &to_file_tag);
  g_task_set_check_cancellable (task, FALSE);
  worker = g_task_new (self, self->cancellable, worker_done, task);
  g_task_set_source_tag (worker, &to_file_worker_tag);
  g_task_set_task_data (worker, job, (GDestroyNotify) to_file_job_free);
  g_task_set_check_cancellable (worker, FALSE);
  g_task_run_in_thread (worker, to_file_thread);
}

/**
 * bilat_importer_import_to_file_finish:
 * @self: a [class@Bilat.Importer]
 * @result: the result given to the callback
 * @error: return location for an error
 *
 * Ends an import started with
 * [method@Bilat.Importer.import_to_file_async].
 *
 * Returns: (transfer full): the report of the import, or %NULL on error
 *   (the file is then left as it was)
 *
 * Since: 1.0
 */
BilatImportReport *
bilat_importer_import_to_file_finish (BilatImporter  *self,
                                      GAsyncResult   *result,
                                      GError        **error)
{
  g_return_val_if_fail (BILAT_IS_IMPORTER (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == &to_file_tag, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * bilat_importer_compute_series_async:
 * @self: a [class@Bilat.Importer]
 * @files: (array length=n_files): the files to read
 * @n_files: the number of @files
 * @unit: the width of the bins
 * @callback: (scope async) (closure user_data): called when the series is
 *   computed
 * @user_data: data for @callback
 *
 * Computes a series as [method@Bilat.Importer.compute_series] does,
 * reading in worker threads. The settings of @self (and its query) are
 * read before this function returns.
 * [signal@Bilat.Importer::progress] and @callback come in the
 * thread-default main context of the caller.
 *
 * Since: 1.0
 */
void
bilat_importer_compute_series_async (BilatImporter       *self,
                                     GFile              **files,
                                     guint                n_files,
                                     BilatSeriesUnit      unit,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  SeriesJob *job;

  g_return_if_fail (BILAT_IS_IMPORTER (self));
  g_return_if_fail (check_files (files, n_files));
  g_return_if_fail (unit <= BILAT_SERIES_UNIT_YEAR);

  job = series_job_new (self, unit);
  for (guint i = 0; i < n_files; i++)
    g_ptr_array_add (job->files, g_object_ref (files[i]));
  series_job_start (self, job, &series_tag, callback, user_data);
}

/* The series or panel of a finished reading, and its report. */
static gpointer
series_propagate (GAsyncResult       *result,
                  BilatImportReport **report,
                  GError            **error)
{
  gpointer object = g_task_propagate_pointer (G_TASK (result), error);

  if (object != NULL && report != NULL)
    *report = g_object_ref (g_task_get_task_data (G_TASK (result)));
  return object;
}

/**
 * bilat_importer_compute_series_finish:
 * @self: a [class@Bilat.Importer]
 * @result: the result given to the callback
 * @report: (out) (optional) (transfer full): where to store the report of
 *   the reading, or %NULL
 * @error: return location for an error
 *
 * Ends the computation started with
 * [method@Bilat.Importer.compute_series_async].
 *
 * Returns: (transfer full): the series, or %NULL on error
 *
 * Since: 1.0
 */
BilatSeries *
bilat_importer_compute_series_finish (BilatImporter      *self,
                                      GAsyncResult       *result,
                                      BilatImportReport **report,
                                      GError            **error)
{
  g_return_val_if_fail (BILAT_IS_IMPORTER (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == &series_tag, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return series_propagate (result, report, error);
}

/**
 * bilat_importer_compute_series_from_stream:
 * @self: a [class@Bilat.Importer]
 * @stream: the stream to read: plain, gzip-compressed or a zip archive
 * @name: (nullable): the name of the stream in reports and messages, or
 *   %NULL for `(stream)`
 * @unit: the width of the bins
 * @report: (out) (optional) (transfer full): where to store the report of
 *   the reading, or %NULL
 * @error: return location for an error
 *
 * Counts the events of a stream that match the query into a series
 * without keeping them, as [method@Bilat.Importer.compute_series] does
 * for files. The stream is read to its end, but not closed;
 * [property@Bilat.Importer:threads] does not apply.
 *
 * Returns: (transfer full): the series, or %NULL on error
 *
 * Since: 1.0
 */
BilatSeries *
bilat_importer_compute_series_from_stream (BilatImporter      *self,
                                           GInputStream       *stream,
                                           const char         *name,
                                           BilatSeriesUnit     unit,
                                           BilatImportReport **report,
                                           GError            **error)
{
  g_return_val_if_fail (BILAT_IS_IMPORTER (self), NULL);
  g_return_val_if_fail (G_IS_INPUT_STREAM (stream), NULL);
  g_return_val_if_fail (unit <= BILAT_SERIES_UNIT_YEAR, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return _bilat_series_new_from_stream (stream, name, self->format, self->query, unit,
                                        self->flags, self->cancellable, emit_progress, self,
                                        report, error);
}

/**
 * bilat_importer_compute_series_from_stream_async:
 * @self: a [class@Bilat.Importer]
 * @stream: the stream to read: plain, gzip-compressed or a zip archive
 * @name: (nullable): the name of the stream in reports and messages, or
 *   %NULL for `(stream)`
 * @unit: the width of the bins
 * @callback: (scope async) (closure user_data): called when the series is
 *   computed
 * @user_data: data for @callback
 *
 * Computes a series as [method@Bilat.Importer.compute_series_from_stream]
 * does, reading @stream in a worker thread: do not read from @stream
 * until @callback is called. The settings of @self (and its query) are
 * read before this function returns. [signal@Bilat.Importer::progress]
 * and @callback come in the thread-default main context of the caller.
 *
 * Since: 1.0
 */
void
bilat_importer_compute_series_from_stream_async (BilatImporter       *self,
                                                 GInputStream        *stream,
                                                 const char          *name,
                                                 BilatSeriesUnit      unit,
                                                 GAsyncReadyCallback  callback,
                                                 gpointer             user_data)
{
  SeriesJob *job;

  g_return_if_fail (BILAT_IS_IMPORTER (self));
  g_return_if_fail (G_IS_INPUT_STREAM (stream));
  g_return_if_fail (unit <= BILAT_SERIES_UNIT_YEAR);

  job = series_job_new (self, unit);
  job->stream = g_object_ref (stream);
  job->name = g_strdup (name);
  series_job_start (self, job, &series_stream_tag, callback, user_data);
}

/**
 * bilat_importer_compute_series_from_stream_finish:
 * @self: a [class@Bilat.Importer]
 * @result: the result given to the callback
 * @report: (out) (optional) (transfer full): where to store the report of
 *   the reading, or %NULL
 * @error: return location for an error
 *
 * Ends the computation started with
 * [method@Bilat.Importer.compute_series_from_stream_async].
 *
 * Returns: (transfer full): the series, or %NULL on error
 *
 * Since: 1.0
 */
BilatSeries *
bilat_importer_compute_series_from_stream_finish (BilatImporter      *self,
                                                  GAsyncResult       *result,
                                                  BilatImportReport **report,
                                                  GError            **error)
{
  g_return_val_if_fail (BILAT_IS_IMPORTER (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == &series_stream_tag, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return series_propagate (result, report, error);
}

/**
 * bilat_importer_build_panel:
 * @self: a [class@Bilat.Importer]
 * @store: (nullable): the [class@Bilat.Store] the other columns come from
 *   (exercises, affinity), or %NULL for none: their cells are then empty
 * @settings: (nullable): what to build, or %NULL for the defaults (see
 *   [class@Bilat.PanelSettings])
 * @files: (array length=n_files): the event files the events columns come
 *   from
 * @n_files: the number of @files
 * @report: (out) (optional) (transfer full): where to store the report of
 *   the reading, or %NULL
 * @error: return location for an error
 *
 * Builds a dyad-year (or dyad-month) panel as
 * [method@Bilat.Store.build_panel] does, with the events columns
 * (`events`, `goldstein_sum`, `goldstein_mean`, `q1` … `q4`) counted
 * straight from @files (GDELT 1.0/2.0 or ICEWS; plain, gzip-compressed or
 * zip archives) without keeping the events, as
 * [method@Bilat.Importer.compute_series] counts a series: what is kept is
 * a tally per dyad and period with events, and the set of the event ids
 * counted, so that memory does not grow with the number of events.
 * [property@Bilat.PanelSettings:event-store] is then not used.
 *
 * The columns are those [method@Bilat.Store.build_panel] gives with a
 * store that @files were imported into by [method@Bilat.Importer.import]
 * as its event store: the events the query of @self selects, each event
 * id once, counted for every dyad whose actors (or states they continue,
 * as the identity tables say) are its two participants; for directed
 * panels, only events with a as initiator and b as target. The Goldstein
 * score of an event is the file's, else that of its CAMEO code; an event
 * with neither is counted but left out of the sum and the mean. The
 * coverage of the events columns is the span of the periods of the events
 * read (those the query selects, of any dyad); outside it the cells are
 * empty, never zero. Goldstein sums can differ from those of the store in
 * their last bits, as they are added in another order.
 *
 * The files are read as [method@Bilat.Importer.compute_series] reads them:
 * with [property@Bilat.Importer:threads] above 1, several at once, each
 * into tallies of its own merged in the order of the files, so that the
 * panel does not depend on the number of threads; bad rows and duplicate
 * event ids are skipped and reported in @report, or fail the building with
 * %BILAT_IMPORT_FLAGS_STRICT. [signal@Bilat.Importer::progress] is
 * emitted in this thread, and [property@Bilat.Importer:cancellable]
 * cancels. When @settings leave out the events columns, the files are not
 * read and the report is empty.
 *
 * Returns: (transfer full): the panel, or %NULL with @error set (as
 *   [method@Bilat.Store.build_panel] sets it, or an error of reading the
 *   files)
 *
 * Since: 1.0
 */
BilatPanel *
bilat_importer_build_panel (BilatImporter       *self,
                            BilatStore          *store,
                            BilatPanelSettings  *settings,
                            GFile              **files,
                            guint                n_files,
                            BilatImportReport  **report,
                            GError             **error)
{
  g_autoptr(BilatStore) empty = NULL;
  BilatPanelFiles panel_files = {
    .files = files,
    .n_files = n_files,
    .progress = emit_progress,
  };

  g_return_val_if_fail (BILAT_IS_IMPORTER (self), NULL);
  g_return_val_if_fail (store == NULL || BILAT_IS_STORE (store), NULL);
  g_return_val_if_fail (settings == NULL || BILAT_IS_PANEL_SETTINGS (settings), NULL);
  g_return_val_if_fail (check_files (files, n_files), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  panel_files.format = self->format;
  panel_files.query = self->query;
  panel_files.threads = self->threads;
  panel_files.flags = self->flags;
  panel_files.progress_data = self;
  if (store == NULL)
    store = empty = bilat_store_new ();
  return _bilat_panel_build (store, settings, &panel_files, self->cancellable, report, error);
}

/* A panel built in a worker thread: what it was told at the call. */
typedef struct
{
  WorkerJob           worker;
  GPtrArray          *files;
  BilatStore         *store;
  BilatPanelSettings *settings;  /* a copy: the caller may change its own */
  BilatEventFormat    format;
  BilatQuery         *query;     /* a copy */
  guint               threads;
  BilatImportFlags    flags;
} PanelJob;

static void
panel_job_free (PanelJob *job)
{
  g_ptr_array_unref (job->files);
  g_object_unref (job->store);
  g_clear_object (&job->settings);
  g_clear_object (&job->query);
  _bilat_progress_relay_unref (job->worker.relay);
  g_clear_object (&job->worker.report);
  g_free (job);
}

static void
panel_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  PanelJob *job = task_data;
  BilatPanelFiles files = {
    .files = (GFile **) job->files->pdata,
    .n_files = job->files->len,
    .format = job->format,
    .query = job->query,
    .threads = job->threads,
    .flags = job->flags,
    .progress = _bilat_progress_relay_push,
    .progress_data = job->worker.relay,
  };
  GError *error = NULL;
  BilatPanel *panel;

  panel = _bilat_panel_build (job->store, job->settings, &files, cancellable, &job->worker.report, &error);
  if (panel == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, panel, g_object_unref);
}

/**
 * bilat_importer_build_panel_async:
 * @self: a [class@Bilat.Importer]
 * @store: (nullable): the [class@Bilat.Store] the other columns come from,
 *   or %NULL for none
 * @settings: (nullable): what to build, or %NULL for the defaults
 * @files: (array length=n_files): the event files the events columns come
 *   from
 * @n_files: the number of @files
 * @callback: (scope async) (closure user_data): called when the panel is
 *   built
 * @user_data: data for @callback
 *
 * Builds a panel as [method@Bilat.Importer.build_panel] does, in worker
 * threads. The settings of @self (and its query) and @settings are read
 * before this function returns; @store is read in a worker thread, so do
 * not change it until @callback is called.
 * [signal@Bilat.Importer::progress] and @callback come in the
 * thread-default main context of the caller.
 *
 * Since: 1.0
 */
void
bilat_importer_build_panel_async (BilatImporter       *self,
                                  BilatStore          *store,
                                  BilatPanelSettings  *settings,
                                  GFile              **files,
                                  guint                n_files,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_autoptr(GTask) worker = NULL;
  PanelJob *job;
  GTask *task;

  g_return_if_fail (BILAT_IS_IMPORTER (self));
  g_return_if_fail (store == NULL || BILAT_IS_STORE (store));
  g_return_if_fail (settings == NULL || BILAT_IS_PANEL_SETTINGS (settings));
  g_return_if_fail (check_files (files, n_files));

  job = g_new0 (PanelJob, 1);
  job->files = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < n_files; i++)
    g_ptr_array_add (job->files, g_object_ref (files[i]));
  job->store = store != NULL ? g_object_ref (store) : bilat_store_new ();
  job->settings = settings != NULL ? _bilat_panel_settings_copy (settings) : NULL;
  job->format = self->format;
  job->query = self->query != NULL ? bilat_query_copy (self->query) : NULL;
  job->threads = self->threads;
  job->flags = self->flags;
  job->worker.relay = _bilat_progress_relay_new (emit_progress, g_object_ref (self), g_object_unref);

  task = g_task_new (self, self->cancellable, callback, user_data);
  g_task_set_source_tag (task, &panel_tag);
  worker = g_task_new (self, self->cancellable, worker_done, task);
  g_task_set_source_tag (worker, &panel_worker_tag);
  g_task_set_task_data (worker, job, (GDestroyNotify) panel_job_free);
  g_task_run_in_thread (worker, panel_thread);
}

/**
 * bilat_importer_build_panel_finish:
 * @self: a [class@Bilat.Importer]
 * @result: the result given to the callback
 * @report: (out) (optional) (transfer full): where to store the report of
 *   the reading, or %NULL
 * @error: return location for an error
 *
 * Ends the building started with
 * [method@Bilat.Importer.build_panel_async].
 *
 * Returns: (transfer full): the panel, or %NULL on error
 *
 * Since: 1.0
 */
BilatPanel *
bilat_importer_build_panel_finish (BilatImporter      *self,
                                   GAsyncResult       *result,
                                   BilatImportReport **report,
                                   GError            **error)
{
  g_return_val_if_fail (BILAT_IS_IMPORTER (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == &panel_tag, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return series_propagate (result, report, error);
}
