/* test-importer.c: the importer, its settings and its asynchronous forms;
 * the asynchronous load and save of a store
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <glib/gstdio.h>

#include <bilat/bilat.h>

#include "bilat-test-util.h"

static GFile *
fixture (const char *name)
{
  const char *srcdir = g_getenv ("BILAT_TEST_SRCDIR");
  g_autofree char *path = g_build_filename (srcdir != NULL ? srcdir : ".", "data", "import", name, NULL);

  return g_file_new_for_path (path);
}

static guint64
size_of (GFile *file)
{
  g_autoptr(GFileInfo) info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE,
                                                 G_FILE_QUERY_INFO_NONE, NULL, NULL);

  assert_non_null (info);
  return (guint64) g_file_info_get_size (info);
}

/* What an asynchronous run saw. */
typedef struct
{
  GMainLoop    *loop;
  GThread      *main_thread;
  GAsyncResult *result;
  guint         progress_calls;
  guint         calls_at_result;
  gboolean      off_thread;
  guint64       done;
  guint64       total;
} Run;

static void
on_progress (BilatImporter *importer,
             guint64        done,
             guint64        total,
             guint64        rows,
             gpointer       user_data)
{
  Run *run = user_data;

  if (g_thread_self () != run->main_thread)
    run->off_thread = TRUE;
  run->progress_calls++;
  run->done = done;
  run->total = total;
}

static void
on_done (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  Run *run = user_data;

  run->result = g_object_ref (result);
  run->calls_at_result = run->progress_calls;
  g_main_loop_quit (run->loop);
}

static void
test_settings (void **state)
{
  g_autoptr(BilatImporter) importer = bilat_importer_new ();
  g_autoptr(BilatQuery) query = bilat_query_parse ("dyad:PAK,RUS", NULL);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  NotifyCount count;

  assert_int_equal (bilat_importer_get_format (importer), BILAT_EVENT_FORMAT_AUTO);
  assert_null (bilat_importer_get_query (importer));
  assert_int_equal (bilat_importer_get_flags (importer), BILAT_IMPORT_FLAGS_NONE);
  assert_int_equal (bilat_importer_get_threads (importer), 1);
  assert_null (bilat_importer_get_cancellable (importer));

  watch (importer, "threads", &count);
  bilat_importer_set_threads (importer, 3);
  bilat_importer_set_threads (importer, 3);
  assert_int_equal (count.named, 1);
  unwatch (importer, &count);

  g_object_set (importer, "format", BILAT_EVENT_FORMAT_GDELT2, "query", query,
                "flags", BILAT_IMPORT_FLAGS_STRICT, "cancellable", cancellable, NULL);
  assert_int_equal (bilat_importer_get_format (importer), BILAT_EVENT_FORMAT_GDELT2);
  assert_ptr_equal (bilat_importer_get_query (importer), query);
  assert_int_equal (bilat_importer_get_flags (importer), BILAT_IMPORT_FLAGS_STRICT);
  assert_ptr_equal (bilat_importer_get_cancellable (importer), cancellable);
}

/* The importer keeps what its query matches, its series does not depend
 * on its threads, and its progress signal covers every file. */
static void
test_import_and_series (void **state)
{
  GFile *files[] = { fixture ("gdelt2.export.CSV"), fixture ("gdelt1-daily.export.CSV") };
  g_autoptr(BilatImporter) importer = bilat_importer_new ();
  g_autoptr(BilatQuery) query = bilat_query_parse ("actor:PAK", NULL);
  g_autoptr(BilatStore) by_importer = bilat_store_new ();
  g_autoptr(BilatStore) everything = bilat_store_new ();
  g_autoptr(BilatImporter) plain = bilat_importer_new ();
  g_autoptr(GListModel) matching = NULL;
  g_autoptr(BilatImportReport) report = NULL;
  g_autoptr(BilatImportReport) expected = NULL;
  g_autoptr(BilatImportReport) series_report = NULL;
  g_autoptr(BilatSeries) series = NULL;
  g_autoptr(BilatSeries) expected_series = NULL;
  g_autofree char *ids = NULL;
  g_autofree char *expected_ids = NULL;
  g_autoptr(GError) error = NULL;
  Run run = { NULL, g_thread_self (), NULL, 0, 0, FALSE, 0, 0 };

  bilat_importer_set_query (importer, query);
  g_signal_connect (importer, "progress", G_CALLBACK (on_progress), &run);

  report = bilat_importer_import (importer, by_importer, files, 2, &error);
  assert_null (error);
  expected = bilat_importer_import (plain, everything, files, 2, &error);
  assert_null (error);
  matching = bilat_store_find_events (everything, query);
  assert_true (bilat_import_report_get_kept (report) > 0);
  assert_int_equal (bilat_import_report_get_kept (report), g_list_model_get_n_items (matching));
  assert_true (bilat_import_report_get_kept (report) < bilat_import_report_get_kept (expected));
  assert_int_equal (bilat_import_report_get_rows (report), bilat_import_report_get_rows (expected));
  ids = list_ids (bilat_store_get_events (by_importer));
  expected_ids = list_ids (matching);
  assert_string_equal (ids, expected_ids);
  assert_true (run.progress_calls >= 1);
  assert_int_equal (run.total, size_of (files[0]) + size_of (files[1]));
  assert_int_equal (run.done, run.total);

  run.progress_calls = 0;
  bilat_importer_set_threads (importer, 2);
  series = bilat_importer_compute_series (importer, files, 2, BILAT_SERIES_UNIT_MONTH,
                                          &series_report, &error);
  assert_null (error);
  bilat_importer_set_threads (importer, 1);
  expected_series = bilat_importer_compute_series (importer, files, 2, BILAT_SERIES_UNIT_MONTH,
                                                   NULL, &error);
  assert_null (error);
  assert_true (bilat_series_equal (series, expected_series));
  g_clear_object (&expected_series);
  expected_series = bilat_store_compute_series (everything, query, BILAT_SERIES_UNIT_MONTH);
  assert_true (bilat_series_equal (series, expected_series));
  assert_int_equal (bilat_import_report_get_kept (series_report), bilat_import_report_get_kept (report));
  assert_true (run.progress_calls >= 1);

  g_object_unref (files[0]);
  g_object_unref (files[1]);
}

/* The asynchronous forms: the same results, the progress in the caller's
 * context before the callback, the store changed only at the end. */
static void
test_async (void **state)
{
  GFile *files[] = { fixture ("gdelt2.export.CSV"), fixture ("icews.tab") };
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  g_autoptr(BilatImporter) importer = bilat_importer_new ();
  g_autoptr(BilatStore) store = bilat_store_new ();
  g_autoptr(BilatStore) expected_store = bilat_store_new ();
  g_autoptr(BilatImportReport) report = NULL;
  g_autoptr(BilatImportReport) series_report = NULL;
  g_autoptr(BilatSeries) series = NULL;
  g_autoptr(BilatSeries) expected_series = NULL;
  g_autoptr(BilatImportReport) expected = NULL;
  g_autoptr(BilatImporter) sync_importer = bilat_importer_new ();
  g_autoptr(BilatQuery) query = bilat_query_parse ("actor:RUS", NULL);
  g_autofree char *ids = NULL;
  g_autofree char *expected_ids = NULL;
  g_autoptr(GError) error = NULL;
  Run run = { loop, g_thread_self (), NULL, 0, 0, FALSE, 0, 0 };

  bilat_importer_set_query (importer, query);
  g_signal_connect (importer, "progress", G_CALLBACK (on_progress), &run);

  bilat_importer_import_async (importer, store, files, 2, on_done, &run);
  /* The settings are read at the call. */
  bilat_importer_set_query (importer, NULL);
  assert_int_equal (g_list_model_get_n_items (bilat_store_get_events (store)), 0);
  g_main_loop_run (loop);
  report = bilat_importer_import_finish (importer, run.result, &error);
  g_clear_object (&run.result);
  assert_null (error);
  assert_false (run.off_thread);
  assert_true (run.progress_calls >= 1);
  assert_int_equal (run.progress_calls, run.calls_at_result);
  assert_int_equal (run.done, size_of (files[0]) + size_of (files[1]));

  bilat_importer_set_query (sync_importer, query);
  expected = bilat_importer_import (sync_importer, expected_store, files, 2, &error);
  assert_null (error);
  assert_int_equal (bilat_import_report_get_kept (report), bilat_import_report_get_kept (expected));
  ids = list_ids (bilat_store_get_events (store));
  expected_ids = list_ids (bilat_store_get_events (expected_store));
  assert_string_equal (ids, expected_ids);

  /* A series, read with two threads. */
  run.progress_calls = 0;
  bilat_importer_set_query (importer, query);
  bilat_importer_set_threads (importer, 2);
  bilat_importer_compute_series_async (importer, files, 2, BILAT_SERIES_UNIT_DAY, on_done, &run);
  g_main_loop_run (loop);
  series = bilat_importer_compute_series_finish (importer, run.result, &series_report, &error);
  g_clear_object (&run.result);
  assert_null (error);
  assert_false (run.off_thread);
  assert_int_equal (run.progress_calls, run.calls_at_result);
  expected_series = bilat_importer_compute_series (sync_importer, files, 2, BILAT_SERIES_UNIT_DAY,
                                                   NULL, &error);
  assert_true (bilat_series_equal (series, expected_series));
  assert_int_equal (bilat_import_report_get_kept (series_report), bilat_import_report_get_kept (expected));

  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_object_unref (files[0]);
  g_object_unref (files[1]);
}

/* Reading a stream is reading the file it comes from, with the name
 * given in the messages; the asynchronous forms give the same. */
static void
test_streams (void **state)
{
  g_autoptr(GFile) file = fixture ("gdelt2.export.CSV");
  g_autoptr(GFile) bad = fixture ("gdelt2-bad.export.CSV");
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  g_autoptr(BilatImporter) importer = bilat_importer_new ();
  g_autoptr(BilatQuery) query = bilat_query_parse ("actor:PAK", NULL);
  g_autoptr(BilatStore) from_file = bilat_store_new ();
  g_autoptr(BilatStore) from_stream = bilat_store_new ();
  g_autoptr(BilatStore) from_async = bilat_store_new ();
  g_autoptr(BilatStore) from_bad = bilat_store_new ();
  g_autoptr(BilatImportReport) expected = NULL;
  g_autoptr(BilatImportReport) report = NULL;
  g_autoptr(BilatImportReport) async_report = NULL;
  g_autoptr(BilatImportReport) series_report = NULL;
  g_autoptr(BilatSeries) expected_series = NULL;
  g_autoptr(BilatSeries) series = NULL;
  g_autoptr(BilatSeries) async_series = NULL;
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GInputStream) bad_stream = NULL;
  g_autoptr(GBytes) bad_bytes = NULL;
  g_autofree char *expected_ids = NULL;
  g_autofree char *ids = NULL;
  g_autoptr(GError) error = NULL;
  const BilatProblem *problem;
  Run run = { loop, g_thread_self (), NULL, 0, 0, FALSE, 0, 0 };

  bilat_importer_set_query (importer, query);
  g_signal_connect (importer, "progress", G_CALLBACK (on_progress), &run);
  expected = bilat_importer_import (importer, from_file, &file, 1, &error);
  assert_null (error);
  expected_ids = list_ids (bilat_store_get_events (from_file));
  expected_series = bilat_importer_compute_series (importer, &file, 1, BILAT_SERIES_UNIT_DAY, NULL, &error);
  assert_null (error);

  /* A file's stream: its size is known before the end. */
  run.progress_calls = 0;
  stream = g_file_read (file, NULL, &error);
  assert_non_null (stream);
  report = bilat_importer_import_stream (importer, from_stream, G_INPUT_STREAM (stream), "named.CSV", &error);
  assert_null (error);
  assert_non_null (report);
  ids = list_ids (bilat_store_get_events (from_stream));
  assert_string_equal (ids, expected_ids);
  assert_int_equal (bilat_import_report_get_kept (report), bilat_import_report_get_kept (expected));
  assert_int_equal (bilat_import_report_get_rows (report), bilat_import_report_get_rows (expected));
  assert_true (run.progress_calls >= 1);
  assert_int_equal (run.total, size_of (file));
  assert_int_equal (run.done, run.total);
  g_clear_object (&stream);
  g_clear_pointer (&ids, g_free);

  stream = g_file_read (file, NULL, &error);
  series = bilat_importer_compute_series_from_stream (importer, G_INPUT_STREAM (stream), NULL,
                                                      BILAT_SERIES_UNIT_DAY, &series_report, &error);
  assert_null (error);
  assert_true (bilat_series_equal (series, expected_series));
  assert_int_equal (bilat_import_report_get_kept (series_report), bilat_import_report_get_kept (expected));
  g_clear_object (&stream);
  g_clear_object (&series_report);

  /* The asynchronous forms, with the progress in this thread. */
  run.progress_calls = 0;
  stream = g_file_read (file, NULL, &error);
  bilat_importer_import_stream_async (importer, from_async, G_INPUT_STREAM (stream), "named.CSV",
                                      on_done, &run);
  /* The settings are read at the call. */
  bilat_importer_set_query (importer, NULL);
  assert_int_equal (g_list_model_get_n_items (bilat_store_get_events (from_async)), 0);
  g_main_loop_run (loop);
  async_report = bilat_importer_import_stream_finish (importer, run.result, &error);
  g_clear_object (&run.result);
  assert_null (error);
  assert_false (run.off_thread);
  assert_true (run.progress_calls >= 1);
  assert_int_equal (run.progress_calls, run.calls_at_result);
  assert_int_equal (run.done, size_of (file));
  ids = list_ids (bilat_store_get_events (from_async));
  assert_string_equal (ids, expected_ids);
  assert_int_equal (bilat_import_report_get_kept (async_report), bilat_import_report_get_kept (expected));
  g_clear_object (&stream);

  bilat_importer_set_query (importer, query);
  stream = g_file_read (file, NULL, &error);
  bilat_importer_compute_series_from_stream_async (importer, G_INPUT_STREAM (stream), "named.CSV",
                                                   BILAT_SERIES_UNIT_DAY, on_done, &run);
  g_main_loop_run (loop);
  async_series = bilat_importer_compute_series_from_stream_finish (importer, run.result, &series_report,
                                                                   &error);
  g_clear_object (&run.result);
  assert_null (error);
  assert_false (run.off_thread);
  assert_true (bilat_series_equal (async_series, expected_series));
  assert_int_equal (bilat_import_report_get_kept (series_report), bilat_import_report_get_kept (expected));
  g_clear_object (&stream);

  /* Problems and errors name the stream by the name given. */
  g_clear_object (&report);
  bilat_importer_set_query (importer, NULL);
  bad_bytes = g_file_load_bytes (bad, NULL, NULL, &error);
  assert_non_null (bad_bytes);
  bad_stream = g_memory_input_stream_new_from_bytes (bad_bytes);
  report = bilat_importer_import_stream (importer, from_bad, bad_stream, "bad-stream.CSV", &error);
  assert_null (error);
  assert_true (bilat_import_report_get_bad_rows (report) > 0);
  problem = g_ptr_array_index (bilat_import_report_get_problems (report), 0);
  assert_string_equal (bilat_problem_get_file (problem), "bad-stream.CSV");
  g_clear_object (&bad_stream);

  bilat_importer_set_flags (importer, BILAT_IMPORT_FLAGS_STRICT);
  bad_stream = g_memory_input_stream_new_from_bytes (bad_bytes);
  assert_null (bilat_importer_compute_series_from_stream (importer, bad_stream, NULL, BILAT_SERIES_UNIT_DAY,
                                                          NULL, &error));
  assert_true (g_error_matches (error, BILAT_IMPORT_ERROR, BILAT_IMPORT_ERROR_BAD_ROW));
  assert_non_null (strstr (error->message, "(stream):2"));
  g_clear_error (&error);

  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static void
test_cancelled (void **state)
{
  g_autoptr(GFile) file = fixture ("gdelt2.export.CSV");
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  g_autoptr(BilatImporter) importer = bilat_importer_new ();
  g_autoptr(BilatStore) store = bilat_store_new ();
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GError) error = NULL;
  Run run = { loop, g_thread_self (), NULL, 0, 0, FALSE, 0, 0 };

  g_cancellable_cancel (cancellable);
  bilat_importer_set_cancellable (importer, cancellable);

  assert_null (bilat_importer_import (importer, store, &file, 1, &error));
  assert_true (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED));
  g_clear_error (&error);

  bilat_importer_import_async (importer, store, &file, 1, on_done, &run);
  g_main_loop_run (loop);
  assert_null (bilat_importer_import_finish (importer, run.result, &error));
  g_clear_object (&run.result);
  assert_true (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED));
  g_clear_error (&error);
  assert_int_equal (g_list_model_get_n_items (bilat_store_get_events (store)), 0);

  bilat_importer_compute_series_async (importer, &file, 1, BILAT_SERIES_UNIT_YEAR, on_done, &run);
  g_main_loop_run (loop);
  assert_null (bilat_importer_compute_series_finish (importer, run.result, NULL, &error));
  g_clear_object (&run.result);
  assert_true (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED));
  g_clear_error (&error);

  /* Streams likewise. */
  stream = g_file_read (file, NULL, NULL);
  assert_non_null (stream);
  assert_null (bilat_importer_import_stream (importer, store, G_INPUT_STREAM (stream), NULL, &error));
  assert_true (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED));
  g_clear_error (&error);

  bilat_importer_import_stream_async (importer, store, G_INPUT_STREAM (stream), NULL, on_done, &run);
  g_main_loop_run (loop);
  assert_null (bilat_importer_import_stream_finish (importer, run.result, &error));
  g_clear_object (&run.result);
  assert_true (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED));
  g_clear_error (&error);
  assert_int_equal (g_list_model_get_n_items (bilat_store_get_events (store)), 0);

  bilat_importer_compute_series_from_stream_async (importer, G_INPUT_STREAM (stream), NULL,
                                                   BILAT_SERIES_UNIT_YEAR, on_done, &run);
  g_main_loop_run (loop);
  assert_null (bilat_importer_compute_series_from_stream_finish (importer, run.result, NULL, &error));
  g_clear_object (&run.result);
  assert_true (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED));

  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* A store saved and loaded back in worker threads is the store. */
static void
test_async_save_and_load (void **state)
{
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  g_autoptr(BilatStore) store = bilat_store_new_builtin ("pakistan-russia", NULL);
  g_autoptr(BilatStore) loaded = NULL;
  g_autofree char *dir = g_dir_make_tmp ("bilat-test-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "saved.json", NULL);
  g_autofree char *missing_path = g_build_filename (dir, "no", "such.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) missing = g_file_new_for_path (missing_path);
  g_autoptr(GCancellable) cancelled = g_cancellable_new ();
  g_autoptr(BilatStore) empty = bilat_store_new ();
  g_autofree char *expected = bilat_store_save_to_data (store, NULL, NULL);
  g_autofree char *again = NULL;
  g_autofree char *kept = NULL;
  g_autoptr(GError) error = NULL;
  Run run = { loop, g_thread_self (), NULL, 0, 0, FALSE, 0, 0 };

  bilat_store_save_to_file_async (store, file, NULL, on_done, &run);
  g_main_loop_run (loop);
  assert_true (bilat_store_save_to_file_finish (store, run.result, &error));
  g_clear_object (&run.result);
  assert_null (error);

  bilat_store_new_from_file_async (file, NULL, on_done, &run);
  g_main_loop_run (loop);
  loaded = bilat_store_new_from_file_finish (run.result, &error);
  g_clear_object (&run.result);
  assert_null (error);
  again = bilat_store_save_to_data (loaded, NULL, NULL);
  assert_string_equal (again, expected);

  /* A cancelled save leaves the old file as it was. */
  g_cancellable_cancel (cancelled);
  bilat_store_save_to_file_async (empty, file, cancelled, on_done, &run);
  g_main_loop_run (loop);
  assert_false (bilat_store_save_to_file_finish (empty, run.result, &error));
  assert_true (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED));
  g_clear_error (&error);
  g_clear_object (&run.result);
  assert_true (g_file_get_contents (path, &kept, NULL, NULL));
  assert_string_equal (kept, expected);

  /* A file that cannot be read is the load's error. */
  bilat_store_new_from_file_async (missing, NULL, on_done, &run);
  g_main_loop_run (loop);
  assert_null (bilat_store_new_from_file_finish (run.result, &error));
  assert_true (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND));
  g_clear_object (&run.result);

  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_unlink (path);
  g_rmdir (dir);
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test (test_settings),
    cmocka_unit_test (test_import_and_series),
    cmocka_unit_test (test_async),
    cmocka_unit_test (test_streams),
    cmocka_unit_test (test_cancelled),
    cmocka_unit_test (test_async_save_and_load),
  };

  return cmocka_run_group_tests_name ("importer", tests, NULL, NULL);
}
