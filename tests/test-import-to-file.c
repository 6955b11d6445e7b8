/* test-import-to-file.c: importing event files straight into a native
 * store file
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * bilat_importer_import_to_file() writes the bytes that importing into a
 * new store and saving it natively writes, whatever the input (every
 * sample, several files at once, a query, rows in any order, more rows
 * than one chunk of the writer, nothing kept); its asynchronous form
 * writes the same; bad input, a missing file or a cancellation leave the
 * output as it was, and so does a kill at any moment. Deferred segments,
 * on which it rests, are tested on both ways of ordering rows.
 */

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <signal.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include <bilat/bilat.h>
#include <glib/gstdio.h>

#include "bilat-native-private.h"
#include "bilat-segment-layout-private.h"
#include "bilat-segment-private.h"
#include "bilat-store-private.h"
#include "bilat-test-util.h"

static char *temp_dir;

static char *
temp_path (const char *name)
{
  if (temp_dir == NULL)
    temp_dir = test_temp_dir ();
  return g_build_filename (temp_dir, name, NULL);
}

static int
remove_temp_dir (void **state)
{
  if (temp_dir != NULL)
    test_remove_dir (temp_dir);
  g_clear_pointer (&temp_dir, g_free);
  return 0;
}

static GFile *
fixture (const char *name)
{
  g_autofree char *path = g_build_filename (g_getenv ("BILAT_TEST_SRCDIR"), "data", "import", name, NULL);

  return g_file_new_for_path (path);
}

/* Puts @values in a random order. */
static void
shuffle (guint  *values,
         guint   n,
         GRand  *rand)
{
  for (guint i = n; i > 1; i--)
    {
      guint j = (guint) g_rand_int_range (rand, 0, (gint32) i), t = values[i - 1];

      values[i - 1] = values[j];
      values[j] = t;
    }
}

/* A GDELT 2.0 file of @n generated rows at @path: ids in a shuffled
 * order (so that they are not rising), dates over five years, pairs of a
 * dozen actors, some rows of one actor or none, URLs some of which
 * repeat. */
static void
write_generated (const char *path,
                 guint       n,
                 guint32     seed)
{
  static const char * const actors[] = {
    "USA", "RUS", "PAK", "CHN", "IND", "FRA", "DEU", "GBR", "JPN", "BRA", "TUR", "IRN", "",
  };
  g_auto(GStrv) columns = test_gdelt2_fixture_columns ();
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  g_autofree guint *ids = g_new (guint, n);

  for (guint i = 0; i < n; i++)
    ids[i] = 700000000 + i * 3;
  shuffle (ids, n, rand);
  for (guint i = 0; i < n; i++)
    {
      const char *first = actors[g_rand_int_range (rand, 0, G_N_ELEMENTS (actors))];
      const char *second = actors[g_rand_int_range (rand, 0, G_N_ELEMENTS (actors))];
      g_autofree char *day = g_strdup_printf ("%04d%02d%02d", g_rand_int_range (rand, 2015, 2020),
                                              g_rand_int_range (rand, 1, 13), g_rand_int_range (rand, 1, 29));
      g_autofree char *line = NULL;

      test_gdelt2_set_row (columns, ids[i], day, first, second);
      g_free (columns[34]);
      columns[34] = g_strdup_printf ("%.4f", g_rand_double_range (rand, -10, 10));
      g_free (columns[60]);
      columns[60] = g_strdup_printf ("https://news.example/%u", (guint) g_rand_int_range (rand, 0, (gint32) n / 2 + 1));
      line = g_strjoinv ("\t", columns);
      g_string_append_printf (out, "%s\n", line);
    }
  test_write_file (path, out->str, out->len);
}

/* Imports @paths with a new importer of @query into a store saved as a
 * native file, and straight into a native file, and checks that the two
 * files hold the same bytes, and that the file loads back with the events
 * kept. */
static void
check_same_bytes (GPtrArray  *paths,
                  const char *query_text)
{
  g_autofree char *saved_path = temp_path ("saved.bilat");
  g_autofree char *direct_path = temp_path ("direct.bilat");
  g_autoptr(GFile) saved = g_file_new_for_path (saved_path);
  g_autoptr(GFile) direct = g_file_new_for_path (direct_path);
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(BilatImporter) importer = bilat_importer_new ();
  g_autoptr(BilatQuery) query = query_text != NULL ? bilat_query_parse (query_text, NULL) : NULL;
  g_autoptr(BilatStore) store = bilat_store_new ();
  g_autoptr(BilatStore) loaded = bilat_store_new ();
  g_autoptr(BilatImportReport) expected = NULL;
  g_autoptr(BilatImportReport) report = NULL;
  g_autoptr(GBytes) saved_bytes = NULL;
  g_autoptr(GBytes) direct_bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *ids = NULL;
  g_autofree char *loaded_ids = NULL;

  for (guint i = 0; i < paths->len; i++)
    g_ptr_array_add (files, g_file_new_for_path (g_ptr_array_index (paths, i)));
  bilat_importer_set_query (importer, query);

  expected = bilat_importer_import (importer, store, (GFile **) files->pdata, files->len, &error);
  if (expected == NULL || !bilat_store_save_to_native_file (store, saved, NULL, &error))
    fail_msg ("%s", error->message);
  report = bilat_importer_import_to_file (importer, (GFile **) files->pdata, files->len, direct, &error);
  if (report == NULL)
    fail_msg ("%s", error->message);

  assert_int_equal (bilat_import_report_get_rows (report), bilat_import_report_get_rows (expected));
  assert_int_equal (bilat_import_report_get_kept (report), bilat_import_report_get_kept (expected));
  assert_int_equal (bilat_import_report_get_bad_rows (report), bilat_import_report_get_bad_rows (expected));
  assert_int_equal (bilat_import_report_get_duplicates (report), bilat_import_report_get_duplicates (expected));
  saved_bytes = test_file_bytes (saved_path);
  direct_bytes = test_file_bytes (direct_path);
  if (!g_bytes_equal (saved_bytes, direct_bytes))
    fail_msg ("%u file(s) from %s, query %s: %zu bytes saved, %zu written straight, not the same",
              paths->len, (const char *) g_ptr_array_index (paths, 0), query_text ? query_text : "none",
              g_bytes_get_size (saved_bytes), g_bytes_get_size (direct_bytes));

  if (!bilat_store_load_from_path (loaded, direct_path, &error))
    fail_msg ("%s", error->message);
  ids = list_ids (bilat_store_get_events (store));
  loaded_ids = list_ids (bilat_store_get_events (loaded));
  assert_string_equal (ids, loaded_ids);
  g_unlink (saved_path);
  g_unlink (direct_path);
}

/* Every sample alone, all of them at once, with and without a query. */
static void
test_same_bytes (void **state)
{
  const char * const fixtures[] = {
    "gdelt2.export.CSV", "gdelt1-daily.export.CSV", "gdelt1-backfile.CSV", "icews.tab",
    "gdelt2-bad.export.CSV", "icews-bad.tab", "mme.csv", NULL
  };
  const char * const samples[] = { REAL_EVENT_SAMPLES, NULL };
  g_autoptr(GPtrArray) paths = event_file_paths (fixtures, samples);
  g_autoptr(GPtrArray) gdelt_and_mme = g_ptr_array_new ();

  for (guint i = 0; i < paths->len; i++)
    {
      g_autoptr(GPtrArray) one = g_ptr_array_new ();

      g_ptr_array_add (one, g_ptr_array_index (paths, i));
      check_same_bytes (one, NULL);
      check_same_bytes (one, "actor:RUS");
    }
  /* MME exercises are objects, beside the rows of the others. */
  g_ptr_array_add (gdelt_and_mme, g_ptr_array_index (paths, 0));
  g_ptr_array_add (gdelt_and_mme, g_ptr_array_index (paths, 6));
  check_same_bytes (gdelt_and_mme, NULL);
  /* The files of another layout than the first are kept apart. */
  check_same_bytes (paths, NULL);
  /* A query that keeps nothing: a file of actors only, or of nothing. */
  check_same_bytes (paths, "dyad:ATA,ATF");
}

/* Rows in shuffled id order, more than one chunk of the writer's, with
 * and without a query. */
static void
test_generated_same_bytes (void **state)
{
  g_autofree char *path = temp_path ("generated.export.CSV");
  g_autoptr(GPtrArray) paths = g_ptr_array_new ();
  guint n = test_under_valgrind () ? 20000 : 60000;

  write_generated (path, n, 11);
  g_ptr_array_add (paths, path);
  check_same_bytes (paths, NULL);
  check_same_bytes (paths, "dyad:USA,RUS");
  g_unlink (path);
}

/* The segment of @store, copied row by row in @order into a builder that
 * is @lean (ordered in place) or not (ordered by reading rows where they
 * are), and finished deferred; its native file has the bytes of
 * @store's. */
static void
check_deferred (BilatStore *store,
                gboolean    lean,
                gboolean    shuffled)
{
  g_autoptr(BilatSegment) segment = _bilat_store_ref_live_segment (store);
  BilatSegmentBuilder *builder = _bilat_segment_builder_new ();
  guint n = _bilat_segment_get_n_rows (segment);
  g_autofree guint *order = g_new (guint, n);
  g_autoptr(GRand) rand = g_rand_new_with_seed (5);
  g_autoptr(BilatStore) empty = bilat_store_new ();
  g_autoptr(BilatStore) copied = bilat_store_new ();
  g_autofree char *expected_path = temp_path ("expected.bilat");
  g_autofree char *deferred_path = temp_path ("deferred.bilat");
  g_autoptr(GFile) expected_file = g_file_new_for_path (expected_path);
  g_autoptr(GFile) deferred_file = g_file_new_for_path (deferred_path);
  g_autoptr(GBytes) expected = NULL;
  g_autoptr(GBytes) written = NULL;
  g_autoptr(GError) error = NULL;
  BilatSegment *deferred;
  BilatSegment *finished;

  for (guint i = 0; i < n; i++)
    order[i] = i;
  if (shuffled)
    shuffle (order, n, rand);
  _bilat_segment_builder_set_lean (builder, lean);
  for (guint i = 0; i < n; i++)
    _bilat_segment_builder_copy_row (builder, segment, order[i]);
  for (guint i = 0; i < _bilat_segment_get_n_sources (segment); i++)
    _bilat_segment_builder_copy_source (builder, segment, i);
  deferred = _bilat_segment_builder_finish_deferred (builder);
  assert_true (_bilat_segment_is_deferred (deferred));
  assert_int_equal (_bilat_segment_get_n_rows (deferred), n);

  /* The same rows finished in memory. */
  builder = _bilat_segment_builder_new ();
  _bilat_segment_builder_set_lean (builder, lean);
  for (guint i = 0; i < n; i++)
    _bilat_segment_builder_copy_row (builder, segment, order[i]);
  for (guint i = 0; i < _bilat_segment_get_n_sources (segment); i++)
    _bilat_segment_builder_copy_source (builder, segment, i);
  finished = _bilat_segment_builder_finish (builder);
  _bilat_store_add_segment (copied, finished);
  _bilat_segment_unref (finished);

  if (!bilat_store_save_to_native_file (copied, expected_file, NULL, &error) ||
      !_bilat_native_save_deferred (empty, deferred, deferred_file, NULL, &error))
    fail_msg ("%s", error->message);
  assert_false (_bilat_segment_is_deferred (deferred));
  _bilat_segment_unref (deferred);
  expected = test_file_bytes (expected_path);
  written = test_file_bytes (deferred_path);
  assert_true (g_bytes_equal (expected, written));
  g_unlink (expected_path);
  g_unlink (deferred_path);
}

/* Both ways of ordering rows, rows in order and shuffled; and a deferred
 * segment dropped before it is written frees what it holds. */
static void
test_deferred_segments (void **state)
{
  g_autofree char *path = temp_path ("rows.export.CSV");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(BilatStore) store = bilat_store_new ();
  g_autoptr(BilatImportReport) report = NULL;
  g_autoptr(GError) error = NULL;

  write_generated (path, test_under_valgrind () ? 17000 : 40000, 3);
  report = import_file (store, file, &error);
  if (report == NULL)
    fail_msg ("%s", error->message);
  for (guint lean = 0; lean < 2; lean++)
    for (guint shuffled = 0; shuffled < 2; shuffled++)
      check_deferred (store, lean, shuffled);

  {
    g_autoptr(BilatSegment) segment = _bilat_store_ref_live_segment (store);
    BilatSegmentBuilder *builder = _bilat_segment_builder_new ();
    BilatSegment *deferred;
    gpointer columns[_BILAT_SEGMENT_N_COLUMNS];
    static const gsize sizes[_BILAT_SEGMENT_N_COLUMNS] = { 8, 4, 4, 4, 2, 2, 1, 8, 4, 4, 4, 4, 4, 4, 4, 4 };

    for (guint i = 0; i < 100; i++)
      _bilat_segment_builder_copy_row (builder, segment, i);
    deferred = _bilat_segment_builder_finish_deferred (builder);
    /* Part of the rows gathered: the rest are freed with the segment. */
    for (guint c = 0; c < _BILAT_SEGMENT_N_COLUMNS; c++)
      columns[c] = g_malloc (sizes[c] * 10);
    _bilat_segment_gather_deferred (deferred, 0, 10, columns);
    for (guint c = 0; c < _BILAT_SEGMENT_N_COLUMNS; c++)
      g_free (columns[c]);
    _bilat_segment_unref (deferred);
  }
  g_unlink (path);
}

/* The rows of a lean builder (ordered in place, chunk after chunk) and
 * of one that is not, gathered in counts that straddle the builder's
 * chunks of rows, are the columns finish() gives; and so are the
 * indexes built at the end. */
static void
test_gather_across_chunks (void **state)
{
  static const guint counts[] = { 7, 1000, 65535, 1, 65536, 3 };
  g_autofree char *path = temp_path ("chunks.export.CSV");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(BilatStore) store = bilat_store_new ();
  g_autoptr(BilatImportReport) report = NULL;
  g_autoptr(BilatSegment) segment = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (23);
  g_autoptr(GError) error = NULL;
  guint n;

  /* Under valgrind, fewer rows than a chunk: the gathers straddle no
   * chunk there, but the rest is the same. */
  write_generated (path, test_under_valgrind () ? 12000 : 140000, 29);
  report = import_file (store, file, &error);
  if (report == NULL)
    fail_msg ("%s", error->message);
  segment = _bilat_store_ref_live_segment (store);
  n = _bilat_segment_get_n_rows (segment);
  assert_true (test_under_valgrind () || n > 2 * 65536);

  for (guint lean = 0; lean < 2; lean++)
    {
      g_autofree guint *order = g_new (guint, n);
      BilatSegmentBuilder *builders[2];
      BilatSegment *finished, *deferred;
      const guint8 *expected[_BILAT_SEGMENT_N_COLUMNS];
      static const gsize sizes[_BILAT_SEGMENT_N_COLUMNS] = { 8, 4, 4, 4, 2, 2, 1, 8, 4, 4, 4, 4, 4, 4, 4, 4 };
      guint first = 0;

      for (guint i = 0; i < n; i++)
        order[i] = i;
      shuffle (order, n, rand);
      for (guint b = 0; b < 2; b++)
        {
          builders[b] = _bilat_segment_builder_new ();
          _bilat_segment_builder_set_lean (builders[b], lean);
          for (guint i = 0; i < n; i++)
            _bilat_segment_builder_copy_row (builders[b], segment, order[i]);
        }
      finished = _bilat_segment_builder_finish (builders[0]);
      deferred = _bilat_segment_builder_finish_deferred (builders[1]);
      expected[0] = (const guint8 *) finished->key;
      expected[1] = (const guint8 *) finished->day;
      expected[2] = (const guint8 *) finished->side[0];
      expected[3] = (const guint8 *) finished->side[1];
      expected[4] = (const guint8 *) finished->cameo;
      expected[5] = (const guint8 *) finished->goldstein;
      expected[6] = (const guint8 *) finished->flags;
      expected[7] = (const guint8 *) finished->tone;
      expected[8] = (const guint8 *) finished->mentions;
      expected[9] = (const guint8 *) finished->sources;
      expected[10] = (const guint8 *) finished->articles;
      expected[11] = (const guint8 *) finished->added;
      expected[12] = (const guint8 *) finished->place;
      expected[13] = (const guint8 *) finished->title;
      expected[14] = (const guint8 *) finished->cite;
      expected[15] = (const guint8 *) finished->url;

      for (guint k = 0; first < n; k++)
        {
          guint count = MIN (counts[k % G_N_ELEMENTS (counts)], n - first);
          gpointer columns[_BILAT_SEGMENT_N_COLUMNS];

          for (guint c = 0; c < _BILAT_SEGMENT_N_COLUMNS; c++)
            columns[c] = g_malloc (sizes[c] * count);
          _bilat_segment_gather_deferred (deferred, first, count, columns);
          for (guint c = 0; c < _BILAT_SEGMENT_N_COLUMNS; c++)
            {
              if (memcmp (columns[c], expected[c] + sizes[c] * first, sizes[c] * count) != 0)
                fail_msg ("lean %u: column %u differs in rows %u to %u", lean, c, first, first + count);
              g_free (columns[c]);
            }
          first += count;
        }
      _bilat_segment_end_deferred (deferred);
      assert_false (_bilat_segment_is_deferred (deferred));
      assert_memory_equal (deferred->by_id, finished->by_id, sizeof (guint32) * n);
      assert_int_equal (deferred->n_actors, finished->n_actors);
      assert_memory_equal (deferred->actor_ids, finished->actor_ids, sizeof (guint32) * finished->n_actors);
      assert_memory_equal (deferred->actor_offsets, finished->actor_offsets,
                           sizeof (guint32) * (finished->n_actors + 1));
      assert_memory_equal (deferred->actor_rows, finished->actor_rows,
                           sizeof (guint32) * finished->actor_offsets[finished->n_actors]);
      assert_int_equal (deferred->n_pairs, finished->n_pairs);
      assert_memory_equal (deferred->pair_keys, finished->pair_keys, sizeof (guint64) * finished->n_pairs);
      assert_memory_equal (deferred->pair_rows, finished->pair_rows,
                           sizeof (guint32) * finished->pair_offsets[finished->n_pairs]);
      _bilat_segment_unref (deferred);
      _bilat_segment_unref (finished);
    }
  g_unlink (path);
}

/* No file at all: a file of an empty store. */
static void
test_nothing_read (void **state)
{
  g_autofree char *path = temp_path ("nothing.bilat");
  g_autofree char *saved_path = temp_path ("empty.bilat");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) saved = g_file_new_for_path (saved_path);
  g_autoptr(BilatImporter) importer = bilat_importer_new ();
  g_autoptr(BilatStore) empty = bilat_store_new ();
  g_autoptr(BilatImportReport) report = NULL;
  g_autoptr(GBytes) written = NULL;
  g_autoptr(GBytes) expected = NULL;
  g_autoptr(GError) error = NULL;

  report = bilat_importer_import_to_file (importer, NULL, 0, file, &error);
  if (report == NULL)
    fail_msg ("%s", error->message);
  assert_int_equal (bilat_import_report_get_rows (report), 0);
  if (!bilat_store_save_to_native_file (empty, saved, NULL, &error))
    fail_msg ("%s", error->message);
  written = test_file_bytes (path);
  expected = test_file_bytes (saved_path);
  assert_true (g_bytes_equal (written, expected));
  g_unlink (path);
  g_unlink (saved_path);
}

/* Writes @text at @path, to see whether a failed import keeps it. */
static void
write_old (const char *path)
{
  test_write_file (path, "old", 3);
}

static void
assert_old (const char *path)
{
  g_autoptr(GBytes) bytes = test_file_bytes (path);

  assert_int_equal (g_bytes_get_size (bytes), 3);
  assert_memory_equal (g_bytes_get_data (bytes, NULL), "old", 3);
}

/* Rows that are all bad, a file that is missing, and a cancellation: an
 * error, and the output as it was. */
static void
test_refused (void **state)
{
  g_autofree char *output_path = temp_path ("kept.bilat");
  g_autofree char *bad_path = temp_path ("bad.export.CSV");
  g_autofree char *missing_path = temp_path ("missing.export.CSV");
  g_autoptr(GFile) output = g_file_new_for_path (output_path);
  g_autoptr(GFile) bad = g_file_new_for_path (bad_path);
  g_autoptr(GFile) missing = g_file_new_for_path (missing_path);
  g_autoptr(GFile) good = fixture ("gdelt2.export.CSV");
  g_autoptr(BilatImporter) importer = bilat_importer_new ();
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(BilatImportReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) columns = test_gdelt2_fixture_columns ();
  g_autoptr(GString) rows = g_string_new (NULL);

  /* Rows of the right layout whose dates are all bad. */
  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *line = NULL;

      test_gdelt2_set_row (columns, 900 + i, "20191399", "RUS", "PAK");
      line = g_strjoinv ("\t", columns);
      g_string_append_printf (rows, "%s\n", line);
    }
  test_write_file (bad_path, rows->str, rows->len);

  write_old (output_path);
  bilat_importer_set_format (importer, BILAT_EVENT_FORMAT_GDELT2);
  report = bilat_importer_import_to_file (importer, &bad, 1, output, &error);
  assert_null (report);
  /* The code of the first problem: a bad date is a bad value. */
  assert_true (g_error_matches (error, BILAT_IMPORT_ERROR, BILAT_IMPORT_ERROR_BAD_VALUE));
  assert_non_null (strstr (error->message, "Every one of the 3 rows read is bad"));
  assert_non_null (strstr (error->message, "bad.export.CSV"));
  assert_old (output_path);
  g_clear_error (&error);

  {
    GFile *two[] = { good, missing };

    report = bilat_importer_import_to_file (importer, two, 2, output, &error);
    assert_null (report);
    assert_true (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND));
    assert_old (output_path);
    g_clear_error (&error);
  }

  g_cancellable_cancel (cancellable);
  bilat_importer_set_cancellable (importer, cancellable);
  report = bilat_importer_import_to_file (importer, &good, 1, output, &error);
  assert_null (report);
  assert_true (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED));
  assert_old (output_path);
  g_clear_error (&error);

  /* A good import then replaces it. */
  bilat_importer_set_cancellable (importer, NULL);
  report = bilat_importer_import_to_file (importer, &good, 1, output, &error);
  assert_non_null (report);
  assert_true (bilat_import_report_get_kept (report) > 0);
  {
    g_autoptr(BilatStore) loaded = bilat_store_new ();

    if (!bilat_store_load_from_path (loaded, output_path, &error))
      fail_msg ("%s", error->message);
    assert_int_equal (g_list_model_get_n_items (bilat_store_get_events (loaded)),
                      bilat_import_report_get_kept (report));
  }
  g_unlink (bad_path);
  g_unlink (output_path);
}

typedef struct
{
  GMainLoop    *loop;
  GAsyncResult *result;
  GThread      *main_thread;
  guint         progress_calls;
  gboolean      off_thread;
} Run;

static void
on_progress (BilatImporter *importer,
             guint64        done,
             guint64        total,
             guint64        rows,
             gpointer       user_data)
{
  Run *run = user_data;

  run->off_thread |= g_thread_self () != run->main_thread;
  run->progress_calls++;
}

static void
on_done (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  Run *run = user_data;

  run->result = g_object_ref (result);
  g_main_loop_quit (run->loop);
}

static void
cancel_at_end (BilatImporter *importer,
               guint64        done,
               guint64        total,
               guint64        rows,
               gpointer       cancellable)
{
  if (done == total)
    g_cancellable_cancel (cancellable);
}

/* The asynchronous form writes the same file, with progress in the
 * caller's context; the settings are read at the call. */
static void
test_async (void **state)
{
  GFile *files[] = { fixture ("gdelt2.export.CSV"), fixture ("icews.tab") };
  g_autofree char *async_path = temp_path ("async.bilat");
  g_autofree char *sync_path = temp_path ("sync.bilat");
  g_autoptr(GFile) async_file = g_file_new_for_path (async_path);
  g_autoptr(GFile) sync_file = g_file_new_for_path (sync_path);
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  g_autoptr(BilatImporter) importer = bilat_importer_new ();
  g_autoptr(BilatQuery) query = bilat_query_parse ("actor:RUS", NULL);
  g_autoptr(BilatImportReport) report = NULL;
  g_autoptr(BilatImportReport) expected = NULL;
  g_autoptr(GBytes) async_bytes = NULL;
  g_autoptr(GBytes) sync_bytes = NULL;
  g_autoptr(GError) error = NULL;
  Run run = { loop, NULL, g_thread_self (), 0, FALSE };

  bilat_importer_set_query (importer, query);
  g_signal_connect (importer, "progress", G_CALLBACK (on_progress), &run);
  bilat_importer_import_to_file_async (importer, files, 2, async_file, on_done, &run);
  bilat_importer_set_query (importer, NULL);
  g_main_loop_run (loop);
  report = bilat_importer_import_to_file_finish (importer, run.result, &error);
  g_clear_object (&run.result);
  if (report == NULL)
    fail_msg ("%s", error->message);
  assert_false (run.off_thread);
  assert_true (run.progress_calls >= 1);

  bilat_importer_set_query (importer, query);
  expected = bilat_importer_import_to_file (importer, files, 2, sync_file, &error);
  assert_non_null (expected);
  assert_int_equal (bilat_import_report_get_kept (report), bilat_import_report_get_kept (expected));
  assert_true (bilat_import_report_get_kept (report) > 0);
  async_bytes = test_file_bytes (async_path);
  sync_bytes = test_file_bytes (sync_path);
  assert_true (g_bytes_equal (async_bytes, sync_bytes));

  /* A cancellation at the last progress, which may come while the file
   * is written or once it is (the last progress comes before the
   * callback): either an error and the old file, or the import done and
   * the new file, never an error over a new file. */
  for (guint round = 0; round < 5; round++)
    {
      g_autoptr(GCancellable) cancellable = g_cancellable_new ();
      gulong handler = g_signal_connect (importer, "progress", G_CALLBACK (cancel_at_end), cancellable);
      g_autoptr(GBytes) now = NULL;

      bilat_importer_set_cancellable (importer, cancellable);
      test_write_file (async_path, "old", 3);
      bilat_importer_import_to_file_async (importer, files, 2, async_file, on_done, &run);
      g_main_loop_run (loop);
      g_clear_object (&report);
      report = bilat_importer_import_to_file_finish (importer, run.result, &error);
      g_clear_object (&run.result);
      assert_true (g_cancellable_is_cancelled (cancellable));
      now = test_file_bytes (async_path);
      if (report != NULL)
        assert_true (g_bytes_equal (now, sync_bytes));
      else
        {
          assert_true (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED));
          assert_old (async_path);
          g_clear_error (&error);
        }
      g_signal_handler_disconnect (importer, handler);
      bilat_importer_set_cancellable (importer, NULL);
    }
  test_write_file (async_path, g_bytes_get_data (sync_bytes, NULL), g_bytes_get_size (sync_bytes));

  /* An error comes back through the callback too. */
  {
    g_autofree char *missing_path = temp_path ("missing.tab");
    g_autoptr(GFile) missing = g_file_new_for_path (missing_path);

    bilat_importer_import_to_file_async (importer, &missing, 1, async_file, on_done, &run);
    g_main_loop_run (loop);
    g_clear_object (&report);
    report = bilat_importer_import_to_file_finish (importer, run.result, &error);
    g_clear_object (&run.result);
    assert_null (report);
    assert_true (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND));
    g_clear_error (&error);
    g_clear_pointer (&async_bytes, g_bytes_unref);
    async_bytes = test_file_bytes (async_path);
    assert_true (g_bytes_equal (async_bytes, sync_bytes));
  }

  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_object_unref (files[0]);
  g_object_unref (files[1]);
  g_unlink (async_path);
  g_unlink (sync_path);
}

/* A child imports two inputs into one file again and again; the parent
 * kills it at random moments; the file then always loads, as one import
 * or the other. */
static void
test_killed_import (void **state)
{
  g_autofree char *large_path = temp_path ("large.export.CSV");
  g_autofree char *path = temp_path ("killed.bilat");
  g_autoptr(GFile) large = g_file_new_for_path (large_path);
  g_autoptr(GFile) small = fixture ("gdelt2.export.CSV");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(BilatImporter) importer = bilat_importer_new ();
  g_autoptr(BilatImportReport) report = NULL;
  g_autoptr(GBytes) small_bytes = NULL;
  g_autoptr(GBytes) large_bytes = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (9);
  g_autoptr(GError) error = NULL;
  guint rounds = test_under_valgrind () ? 3 : 20;

  write_generated (large_path, 30000, 17);
  report = bilat_importer_import_to_file (importer, &large, 1, file, &error);
  assert_non_null (report);
  large_bytes = test_file_bytes (path);
  g_clear_object (&report);
  report = bilat_importer_import_to_file (importer, &small, 1, file, &error);
  assert_non_null (report);
  small_bytes = test_file_bytes (path);

  for (guint round = 0; round < rounds; round++)
    {
      pid_t child = fork ();
      int status;

      assert_true (child >= 0);
      if (child == 0)
        {
          for (guint i = 0;; i++)
            {
              g_autoptr(BilatImportReport) again =
                bilat_importer_import_to_file (importer, i % 2 ? &small : &large, 1, file, NULL);
            }
        }
      g_usleep ((gulong) g_rand_int_range (rand, 0, 60000));
      kill (child, SIGKILL);
      waitpid (child, &status, 0);

      {
        g_autoptr(GBytes) now = test_file_bytes (path);
        g_autoptr(BilatStore) loaded = bilat_store_new ();

        assert_true (g_bytes_equal (now, small_bytes) || g_bytes_equal (now, large_bytes));
        if (!bilat_store_load_from_path (loaded, path, &error))
          fail_msg ("round %u: %s", round, error->message);
      }
    }
  g_unlink (large_path);
  g_unlink (path);
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test (test_same_bytes),
    cmocka_unit_test (test_generated_same_bytes),
    cmocka_unit_test (test_deferred_segments),
    cmocka_unit_test (test_gather_across_chunks),
    cmocka_unit_test (test_nothing_read),
    cmocka_unit_test (test_refused),
    cmocka_unit_test (test_async),
    cmocka_unit_test (test_killed_import),
  };

  return cmocka_run_group_tests (tests, NULL, remove_temp_dir);
}
