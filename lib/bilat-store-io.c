/* bilat-store-io.c: loading and saving stores
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * The ways a store is read from and written to data, files and streams,
 * above both formats: a native file (bilat-native.c) is told from a JSON
 * dataset (bilat-format-read.c, bilat-format-write.c) by its first bytes,
 * and mapped rather than read when it is a local file. The built-in
 * datasets, compiled in as resources, load here too.
 */

#include <string.h>

#include <bilat/bilat.h>

#include "bilat-file-private.h"
#include "bilat-format-private.h"
#include "bilat-json-private.h"
#include "bilat-native-private.h"
#include "bilat-resources.h"

#define DATASETS_PATH "/org/libbilat/bilat/datasets/"

/* Loading */

/**
 * bilat_store_load_from_data:
 * @self: a [class@Bilat.Store]
 * @data: (array length=length) (element-type guint8): a dataset in the
 *   libbilat JSON format (see docs/format.md)
 * @length: the length of @data in bytes, or -1 if it is nul-terminated
 * @error: return location for a [struct@GLib.Error], or %NULL
 *
 * Loads a dataset into the store, adding its records to those already
 * there.
 *
 * Loading is all or nothing: the whole dataset is checked first, as
 * [func@Bilat.validate_data] does, and nothing is added unless it is
 * valid. Besides, a record whose id the store already has for its kind,
 * or an actor whose id or alias already names an actor of the store, is a
 * %BILAT_FORMAT_ERROR_DUPLICATE_ID error. References may name records of
 * the dataset or of the store.
 *
 * On failure, @error is in the %BILAT_FORMAT_ERROR domain, with the code
 * and the text of the first problem (see [method@Bilat.Problem.to_string],
 * the data being named `<string>`), followed by the number of further
 * problems, and the store is left as it was.
 *
 * @data may also hold a native store file (see
 * [method@Bilat.Store.save_to_native_file]), told by its first bytes; it
 * is checked whole (every section's checksum and every value that points
 * elsewhere) and refused with the name of the section if damaged or
 * truncated. Its columns are copied, since @data belongs to the caller;
 * loading from a file maps them instead.
 *
 * Returns: %TRUE if the dataset was loaded, %FALSE with @error set
 *   otherwise
 *
 * Since: 1.0
 */
gboolean
bilat_store_load_from_data (BilatStore  *self,
                            const char  *data,
                            gssize       length,
                            GError     **error)
{
  g_return_val_if_fail (BILAT_IS_STORE (self), FALSE);
  g_return_val_if_fail (data != NULL || length == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (data == NULL)
    data = "";

  /* A native file's columns must outlive the call: they are copied. */
  if (length >= _BILAT_NATIVE_MAGIC_LENGTH && _bilat_native_detect (data, (gsize) length))
    {
      g_autoptr(GBytes) bytes = g_bytes_new (data, (gsize) length);

      return _bilat_native_load_bytes (self, bytes, "<string>", error);
    }

  return _bilat_format_load (self, NULL, data, length >= 0 ? (gsize) length : strlen (data),
                             "<string>", NULL, error);
}

/* Loads a native file or a JSON dataset from @stream, told apart by the
 * first bytes. A native file at a local @path is mapped, not read. */
static gboolean
load_stream (BilatStore    *self,
             GInputStream  *stream,
             const char    *path,
             const char    *name,
             GCancellable  *cancellable,
             GError       **error)
{
  g_autoptr(GInputStream) buffered = g_buffered_input_stream_new (stream);
  gsize available;
  const char *start;

  g_filter_input_stream_set_close_base_stream (G_FILTER_INPUT_STREAM (buffered), FALSE);
  if (g_buffered_input_stream_fill (G_BUFFERED_INPUT_STREAM (buffered), _BILAT_NATIVE_MAGIC_LENGTH,
                                    cancellable, error) < 0)
    return FALSE;
  start = g_buffered_input_stream_peek_buffer (G_BUFFERED_INPUT_STREAM (buffered), &available);
  if (!_bilat_native_detect (start, available))
    return _bilat_format_load (self, buffered, NULL, 0, name, cancellable, error);

  if (path != NULL)
    return _bilat_native_load_path (self, path, name, error);

  /* Not a local file: its bytes are read into memory. */
  {
    g_autoptr(GOutputStream) memory = g_memory_output_stream_new_resizable ();
    g_autoptr(GBytes) bytes = NULL;

    if (g_output_stream_splice (memory, buffered, G_OUTPUT_STREAM_SPLICE_CLOSE_TARGET,
                                cancellable, error) < 0)
      return FALSE;
    bytes = g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (memory));
    return _bilat_native_load_bytes (self, bytes, name, error);
  }
}

/**
 * bilat_store_load_from_stream:
 * @self: a [class@Bilat.Store]
 * @stream: a [class@Gio.InputStream] to read a dataset from
 * @cancellable: (nullable): a [class@Gio.Cancellable], or %NULL
 * @error: return location for a [struct@GLib.Error], or %NULL
 *
 * Reads @stream to its end, without closing it, and loads the dataset it
 * holds as [method@Bilat.Store.load_from_data] does. Problems name the
 * data `<stream>`.
 *
 * The stream is read in chunks and the dataset checked and built as it
 * comes, so that memory holds the records being loaded and not the text.
 *
 * Failing to read is an error of the %G_IO_ERROR domain; a problem of the
 * dataset is one of the %BILAT_FORMAT_ERROR domain. Either way the store
 * is left as it was.
 *
 * Returns: %TRUE if the dataset was loaded, %FALSE with @error set
 *   otherwise
 *
 * Since: 1.0
 */
gboolean
bilat_store_load_from_stream (BilatStore    *self,
                              GInputStream  *stream,
                              GCancellable  *cancellable,
                              GError       **error)
{
  g_return_val_if_fail (BILAT_IS_STORE (self), FALSE);
  g_return_val_if_fail (G_IS_INPUT_STREAM (stream), FALSE);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return load_stream (self, stream, NULL, "<stream>", cancellable, error);
}

static gboolean
load_file (BilatStore    *self,
           GFile         *file,
           const char    *name,
           GCancellable  *cancellable,
           GError       **error)
{
  g_autoptr(GFileInputStream) stream = g_file_read (file, cancellable, error);
  g_autofree char *path = NULL;

  if (stream == NULL)
    return FALSE;

  path = g_file_get_path (file);
  return load_stream (self, G_INPUT_STREAM (stream), path, name, cancellable, error);
}

/**
 * bilat_store_load_from_file:
 * @self: a [class@Bilat.Store]
 * @file: a [iface@Gio.File] holding a dataset
 * @cancellable: (nullable): a [class@Gio.Cancellable], or %NULL
 * @error: return location for a [struct@GLib.Error], or %NULL
 *
 * Reads @file and loads the dataset it holds as
 * [method@Bilat.Store.load_from_data] does. Problems name the file by its
 * parse name (its path when it is local).
 *
 * A native store file (see [method@Bilat.Store.save_to_native_file]) is
 * told from a JSON dataset by its first bytes. A local one is mapped into
 * memory, not read: its columns stay in the file, shared with the page
 * cache, and cost the store no memory of its own. Opening it takes
 * milliseconds whatever its size: a truncated file, or damage to its
 * header, directory or objects, is refused here with an error naming the
 * section; its rows are checked in full when the store first reads them,
 * and if they are damaged they are left out of the store, which says so
 * (see [method@Bilat.Store.get_damage]).
 *
 * Failing to read the file is an error of the %G_IO_ERROR domain; a
 * problem of the dataset is one of the %BILAT_FORMAT_ERROR domain. Either
 * way the store is left as it was.
 *
 * Returns: %TRUE if the dataset was loaded, %FALSE with @error set
 *   otherwise
 *
 * Since: 1.0
 */
gboolean
bilat_store_load_from_file (BilatStore    *self,
                            GFile         *file,
                            GCancellable  *cancellable,
                            GError       **error)
{
  g_autofree char *name = NULL;

  g_return_val_if_fail (BILAT_IS_STORE (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  name = g_file_get_parse_name (file);

  return load_file (self, file, name, cancellable, error);
}

/**
 * bilat_store_load_from_path:
 * @self: a [class@Bilat.Store]
 * @path: (type filename): the path of a file holding a dataset
 * @error: return location for a [struct@GLib.Error], or %NULL
 *
 * Reads the file at @path and loads the dataset it holds as
 * [method@Bilat.Store.load_from_file] does. Problems name the file by
 * @path, as given.
 *
 * Returns: %TRUE if the dataset was loaded, %FALSE with @error set
 *   otherwise
 *
 * Since: 1.0
 */
gboolean
bilat_store_load_from_path (BilatStore  *self,
                            const char  *path,
                            GError     **error)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (BILAT_IS_STORE (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  file = g_file_new_for_path (path);
  name = g_filename_display_name (path);

  return load_file (self, file, name, NULL, error);
}

/* Built-in datasets */

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(char * const *) a, *(char * const *) b);
}

/* The library's own resource rather than the global resource table: it
 * needs no constructor to have registered it, which a static link (the
 * tests') or a platform without constructors would not guarantee. */
static const char * const *
builtin_names (void)
{
  static char **names = NULL;

  if (g_once_init_enter (&names))
    {
      g_auto(GStrv) children = NULL;
      GPtrArray *found = g_ptr_array_new ();

      children = g_resource_enumerate_children (_bilat_get_resource (), DATASETS_PATH,
                                                G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
      for (guint i = 0; children != NULL && children[i] != NULL; i++)
        {
          if (g_str_has_suffix (children[i], ".json"))
            g_ptr_array_add (found, g_strndup (children[i],
                                               strlen (children[i]) - strlen (".json")));
        }
      g_ptr_array_sort (found, compare_names);
      g_ptr_array_add (found, NULL);

      g_once_init_leave (&names, (char **) g_ptr_array_free (found, FALSE));
    }

  return (const char * const *) names;
}

/**
 * bilat_store_get_builtin_names:
 *
 * Lists the datasets built into the library, which
 * [ctor@Bilat.Store.new_builtin] opens. There is at least
 * `pakistan-russia`, the chronology of Pakistan–Russia relations drawn
 * from Sabah Aslam's op-ed "Growing Alliance Between Islamabad And Moscow".
 *
 * Returns: (transfer none) (array zero-terminated=1): the names of the
 *   built-in datasets, in alphabetical order
 *
 * Since: 1.0
 */
const char * const *
bilat_store_get_builtin_names (void)
{
  return builtin_names ();
}

/**
 * bilat_store_new_builtin:
 * @name: the name of a built-in dataset, such as `pakistan-russia`
 * @error: return location for a [struct@GLib.Error], or %NULL
 *
 * Creates a store holding one of the datasets built into the library (see
 * [func@Bilat.Store.get_builtin_names]). Each call gives a new store,
 * which the caller may change freely.
 *
 * Returns: (transfer full): a new [class@Bilat.Store], or %NULL with
 *   @error set to %BILAT_STORE_ERROR_UNKNOWN_DATASET if no built-in dataset
 *   has that name
 *
 * Since: 1.0
 */
BilatStore *
bilat_store_new_builtin (const char  *name,
                         GError     **error)
{
  const char * const *names = builtin_names ();
  g_autoptr(BilatStore) store = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *path = NULL;
  g_autofree char *file = NULL;

  g_return_val_if_fail (name != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* Only listed names: a name is not a resource path to wander with. */
  if (!g_strv_contains (names, name))
    {
      g_autofree char *known = g_strjoinv (", ", (char **) names);
      g_autofree char *shown = g_utf8_make_valid (name, -1);

      g_set_error (error, BILAT_STORE_ERROR, BILAT_STORE_ERROR_UNKNOWN_DATASET,
                   "No built-in dataset is named “%s”; the built-in datasets are: %s",
                   shown, known);
      return NULL;
    }

  path = g_strconcat (DATASETS_PATH, name, ".json", NULL);
  bytes = g_resource_lookup_data (_bilat_get_resource (), path,
                                  G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  if (bytes == NULL)
    return NULL;

  store = bilat_store_new ();
  file = g_strconcat ("resource://", path, NULL);
  if (!_bilat_format_load (store, NULL, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                          file, NULL, error))
    return NULL;

  return g_steal_pointer (&store);
}

/* Loading in a worker thread: into a new store, which no other thread sees
 * until it is handed over. */

static char new_from_file_tag;

static void
new_from_file_thread (GTask        *task,
                      gpointer      source_object,
                      gpointer      task_data,
                      GCancellable *cancellable)
{
  g_autoptr(BilatStore) store = bilat_store_new ();
  GError *error = NULL;

  if (!bilat_store_load_from_file (store, task_data, cancellable, &error))
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, g_steal_pointer (&store), g_object_unref);
}

/**
 * bilat_store_new_from_file_async:
 * @file: a [iface@Gio.File] holding a dataset: the JSON format or a native
 *   store file
 * @cancellable: (nullable): a [class@Gio.Cancellable], or %NULL
 * @callback: (scope async) (closure user_data): called when the store is
 *   loaded
 * @user_data: data for @callback
 *
 * Creates a store and loads @file into it in a worker thread, as
 * [method@Bilat.Store.load_from_file] loads into an empty store. The
 * store is handed over by [ctor@Bilat.Store.new_from_file_finish], in the
 * thread-default main context of the caller: no other thread sees it
 * before.
 *
 * Since: 1.0
 */
void
bilat_store_new_from_file_async (GFile               *file,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, &new_from_file_tag);
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  g_task_run_in_thread (task, new_from_file_thread);
}

/**
 * bilat_store_new_from_file_finish:
 * @result: the [iface@Gio.AsyncResult] given to the callback
 * @error: return location for a [struct@GLib.Error], or %NULL
 *
 * Finishes [func@Bilat.Store.new_from_file_async].
 *
 * Returns: (transfer full): the store holding the dataset of the file, or
 *   %NULL with @error set (as [method@Bilat.Store.load_from_file] sets it)
 *
 * Since: 1.0
 */
BilatStore *
bilat_store_new_from_file_finish (GAsyncResult  *result,
                                  GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == &new_from_file_tag, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* Saving */

/**
 * bilat_store_save_to_data:
 * @self: a [class@Bilat.Store]
 * @length: (out) (optional): return location for the length of the text
 *   in bytes, or %NULL
 * @error: return location for a [error@Bilat.FormatError], or %NULL
 *
 * Writes the whole store as a dataset in the libbilat JSON format.
 *
 * The output is stable: the same store always gives the same bytes. The
 * members of each record come in the order of the format's tables, the
 * records in the order of the store's lists (events by date, the rest by
 * id), optional members are left out when unset (but an event's `date` is
 * always there, `null` when unknown), the text is indented by two spaces
 * and ends with a newline. An actor's name is written only if it was given
 * (see [method@Bilat.Actor.get_own_name]), never the iso-codes name a state
 * falls back to.
 *
 * Loading the text into an empty store gives a store equal to @self. A
 * store that the format could not express that way fails instead: a
 * reference to a record that is not in the store, an unknown code, two
 * actors sharing a name (see [method@Bilat.Store.check], whose first
 * problem the error reports).
 *
 * Returns: (transfer full) (nullable): the dataset as UTF-8 text,
 *   nul-terminated, or %NULL with @error set
 *
 * Since: 1.0
 */
char *
bilat_store_save_to_data (BilatStore  *self,
                          gsize       *length,
                          GError     **error)
{
  GString *text;

  g_return_val_if_fail (BILAT_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!_bilat_store_check_savable (self, error))
    return NULL;

  /* Without a stream, the text stays whole in the writer's string. */
  text = g_string_new (NULL);
  if (!_bilat_format_write (self, NULL, text, NULL, error))
    {
      g_string_free (text, TRUE);
      return NULL;
    }

  if (length != NULL)
    *length = text->len;

  return g_string_free (text, FALSE);
}

/**
 * bilat_store_save_to_file:
 * @self: a [class@Bilat.Store]
 * @file: the [iface@Gio.File] to write
 * @cancellable: (nullable): a [class@Gio.Cancellable], or %NULL
 * @error: return location for a [struct@GLib.Error], or %NULL
 *
 * Writes the store to @file as [method@Bilat.Store.save_to_data] does,
 * creating or replacing it.
 *
 * The file is replaced atomically: the text goes to a new file beside it,
 * synced to disk, that then takes the place of the old one, so a failed
 * save (an error, a cancellation, a full disk, a killed process) leaves
 * the old file as it was, and no temporary file. A file with several
 * hard links is replaced, not written through: the other links keep the
 * old contents. A target that is not a regular file (a directory, a
 * device) is refused. A file that is not local (GVfs) is replaced as
 * atomically as its backend can. No backup is kept.
 *
 * Returns: %TRUE if the file was written, %FALSE with @error (in the
 *   %G_IO_ERROR domain) set otherwise
 *
 * Since: 1.0
 */
gboolean
bilat_store_save_to_file (BilatStore    *self,
                          GFile         *file,
                          GCancellable  *cancellable,
                          GError       **error)
{
  g_autoptr(BilatAtomicFile) target = NULL;
  g_autoptr(GString) text = NULL;

  g_return_val_if_fail (BILAT_IS_STORE (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* Before the file is touched: a store that cannot be saved leaves no
   * trace. */
  if (!_bilat_store_check_savable (self, error))
    return FALSE;

  /* A new file beside the target, renamed into place once complete and
   * synced; on any failure it is removed and the target is as it was. */
  target = _bilat_atomic_file_new (file, error);
  if (target == NULL)
    return FALSE;

  text = g_string_sized_new (_BILAT_JSON_WRITER_CHUNK + 4096);
  return _bilat_format_write (self, _bilat_atomic_file_get_stream (target), text, cancellable,
                              error) &&
         _bilat_atomic_file_commit (target, error);
}

/**
 * bilat_store_save_to_path:
 * @self: a [class@Bilat.Store]
 * @path: (type filename): the path of the file to write
 * @error: return location for a [struct@GLib.Error], or %NULL
 *
 * Writes the store to the file at @path, atomically, as
 * [method@Bilat.Store.save_to_file] does.
 *
 * Returns: %TRUE if the file was written, %FALSE with @error set otherwise
 *
 * Since: 1.0
 */
gboolean
bilat_store_save_to_path (BilatStore  *self,
                          const char  *path,
                          GError     **error)
{
  g_autoptr(GFile) file = NULL;

  g_return_val_if_fail (BILAT_IS_STORE (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  file = g_file_new_for_path (path);

  return bilat_store_save_to_file (self, file, NULL, error);
}

/* Saving in a worker thread. */

static char save_to_file_tag;

static void
save_to_file_thread (GTask        *task,
                     gpointer      source_object,
                     gpointer      task_data,
                     GCancellable *cancellable)
{
  GError *error = NULL;

  if (!bilat_store_save_to_file (source_object, task_data, cancellable, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

/**
 * bilat_store_save_to_file_async:
 * @self: a [class@Bilat.Store]
 * @file: the [iface@Gio.File] to write
 * @cancellable: (nullable): a [class@Gio.Cancellable], or %NULL
 * @callback: (scope async) (closure user_data): called when the file is
 *   written
 * @user_data: data for @callback
 *
 * Writes the store to @file as [method@Bilat.Store.save_to_file] does,
 * atomically, in a worker thread that reads the store: use the store in
 * no other way (neither change nor read it) until @callback is called, in
 * the thread-default main context of the caller.
 *
 * Since: 1.0
 */
void
bilat_store_save_to_file_async (BilatStore          *self,
                                GFile               *file,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (BILAT_IS_STORE (self));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, &save_to_file_tag);
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  g_task_run_in_thread (task, save_to_file_thread);
}

/**
 * bilat_store_save_to_file_finish:
 * @self: a [class@Bilat.Store]
 * @result: the [iface@Gio.AsyncResult] given to the callback
 * @error: return location for a [struct@GLib.Error], or %NULL
 *
 * Finishes [method@Bilat.Store.save_to_file_async].
 *
 * Returns: %TRUE if the file was written, %FALSE with @error set otherwise
 *   (the old file, if any, is then as it was)
 *
 * Since: 1.0
 */
gboolean
bilat_store_save_to_file_finish (BilatStore    *self,
                                 GAsyncResult  *result,
                                 GError       **error)
{
  g_return_val_if_fail (BILAT_IS_STORE (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == &save_to_file_tag, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * bilat_store_save_to_native_file:
 * @self: a [class@Bilat.Store]
 * @file: the [iface@Gio.File] to write, by convention named `*.bilat`
 * @cancellable: (nullable): a [class@Gio.Cancellable], or %NULL
 * @error: return location for a [struct@GLib.Error], or %NULL
 *
 * Writes the whole store to @file in the native format: one file, with
 * the store's coded events as columns that loading maps into memory
 * without copying, and its other records as a JSON document (see
 * `docs/native-format.md`). The loaders ([method@Bilat.Store.load_from_file]
 * and the others) tell a native file from a JSON one by its first bytes.
 *
 * The file is replaced atomically: the store goes to a new file beside
 * it, which takes its place only once complete, so a failure (an error, a
 * cancellation, a full disk, the process killed) leaves the old file as it
 * was. As for [method@Bilat.Store.save_to_data], a store that would not
 * load back is refused with the first problem of [method@Bilat.Store.check]
 * that concerns its objects.
 *
 * Returns: %TRUE if the file was written, %FALSE with @error set otherwise
 *
 * Since: 1.0
 */
gboolean
bilat_store_save_to_native_file (BilatStore    *self,
                                 GFile         *file,
                                 GCancellable  *cancellable,
                                 GError       **error)
{
  g_return_val_if_fail (BILAT_IS_STORE (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return _bilat_native_save (self, file, cancellable, error);
}
