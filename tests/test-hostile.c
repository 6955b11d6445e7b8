/* test-hostile.c: inputs made to break the readers, and faults while saving
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Each test here is the regression test of one class of issue 11: a file
 * or an argument that crashed, over-read, lost data, or cost far more
 * than its size. Event rows are made from the first row of the GDELT 2.0
 * fixture, with columns replaced.
 */

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <math.h>
#include <string.h>

#include <errno.h>
#include <signal.h>
#include <fcntl.h>
#include <sys/file.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <archive.h>
#include <archive_entry.h>
#include <glib/gstdio.h>
#include <zlib.h>

#include <bilat/bilat.h>

#include "bilat-import-private.h"
#include "bilat-test-util.h"
#include "bilat-test-files.h"

/* Helpers */

#define HEADER "{\"format\": \"bilat\", \"version\": 1, "

/* The columns of the first row of the GDELT 2.0 fixture. */
static GPtrArray *
template_row (void)
{
  g_autofree char *path = fixture_path ("gdelt2.export.CSV");
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = NULL;
  g_auto(GStrv) columns = NULL;
  GPtrArray *row = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);

  if (!g_file_get_contents (path, &text, NULL, &error))
    fail_msg ("%s", error->message);
  lines = g_strsplit (text, "\n", 2);
  columns = g_strsplit (lines[0], "\t", -1);
  assert_int_equal (g_strv_length (columns), 61);
  for (guint i = 0; columns[i] != NULL; i++)
    g_ptr_array_add (row, g_bytes_new (columns[i], strlen (columns[i])));
  return row;
}

/* Sets column @index (0-based) of @row to @length bytes of @value. */
static void
set_column (GPtrArray  *row,
            guint       index,
            const char *value,
            gsize       length)
{
  g_bytes_unref (g_ptr_array_index (row, index));
  g_ptr_array_index (row, index) = g_bytes_new (value, length);
}

static void
set_text (GPtrArray  *row,
          guint       index,
          const char *value)
{
  set_column (row, index, value, strlen (value));
}

/* Appends @row to @out as one line. */
static void
append_row (GByteArray *out,
            GPtrArray  *row)
{
  for (guint i = 0; i < row->len; i++)
    {
      gsize length;
      const guint8 *data = g_bytes_get_data (g_ptr_array_index (row, i), &length);

      if (i > 0)
        g_byte_array_append (out, (const guint8 *) "\t", 1);
      g_byte_array_append (out, data, (guint) length);
    }
  g_byte_array_append (out, (const guint8 *) "\n", 1);
}

/* A row of the template with an id, a day, actors and a CAMEO code. */
static void
append_event (GByteArray *out,
              guint64     id,
              const char *day,
              const char *actor1,
              const char *actor2,
              const char *code)
{
  g_autoptr(GPtrArray) row = template_row ();
  g_autofree char *id_text = g_strdup_printf ("%" G_GUINT64_FORMAT, id);

  set_text (row, 0, id_text);
  set_text (row, 1, day);
  set_text (row, 7, actor1);
  set_text (row, 17, actor2);
  set_text (row, 26, code);
  set_text (row, 27, code);
  append_row (out, row);
}

static GFile *
write_rows (const char *dir,
            const char *name,
            GByteArray *rows)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);

  test_write_file (path, rows->data, rows->len);
  return g_file_new_for_path (path);
}

static BilatQuery *
query_new (const char *text)
{
  g_autoptr(GError) error = NULL;
  BilatQuery *query;

  if (text == NULL)
    return NULL;
  query = bilat_query_parse (text, &error);
  if (query == NULL)
    fail_msg ("%s: %s", text, error->message);
  return query;
}

static guint64
total_count (BilatSeries *series)
{
  guint64 total = 0;

  for (guint bin = 0; bin < bilat_series_get_n_bins (series); bin++)
    total += bilat_series_get_count (series, bin);
  return total;
}

static BilatSeries *
series_of (GFile            **files,
           guint              n_files,
           BilatQuery        *query,
           guint              n_threads,
           BilatImportReport **report)
{
  g_autoptr(GError) error = NULL;
  BilatSeries *series;
  g_autoptr(BilatImporter) importer = bilat_importer_new ();

  bilat_importer_set_query (importer, query);
  bilat_importer_set_threads (importer, n_threads);
  series = bilat_importer_compute_series (importer, files, n_files, BILAT_SERIES_UNIT_DAY, report, &error);
  if (series == NULL)
    fail_msg ("%s", error->message);
  return series;
}

static BilatImportReport *
import_files (BilatStore  *store,
              GFile      **files,
              guint        n_files,
              BilatQuery  *query)
{
  g_autoptr(GError) error = NULL;
  BilatImportReport *report;
  g_autoptr(BilatImporter) importer = bilat_importer_new ();

  bilat_importer_set_query (importer, query);
  report = bilat_importer_import (importer, store, files, n_files, &error);
  if (report == NULL)
    fail_msg ("%s", error->message);
  return report;
}

static gboolean
report_has (BilatImportReport *report,
            const char        *field,
            const char        *text)
{
  GPtrArray *problems = bilat_import_report_get_problems (report);

  for (guint i = 0; i < problems->len; i++)
    {
      BilatProblem *problem = g_ptr_array_index (problems, i);
      g_autofree char *message = bilat_problem_to_string (problem);

      if (g_strcmp0 (bilat_problem_get_field (problem), field) == 0 &&
          strstr (message, text) != NULL)
        return TRUE;
    }
  return FALSE;
}

/* Class 2: an actor field whose first bytes are an actor of the filter,
 * followed by NUL bytes, was compared with strncmp(), which stops at the
 * NUL, and the id then indexed at the field's length, past its end. */
static void
test_nul_after_actor_prefix (void **state)
{
  static const char * const queries[] = { "actor:PAK", "dyad:PAK,RUS", "actor:PAK actor:RUS", NULL };
  g_autofree char *dir = test_temp_dir ();
  g_autoptr(GByteArray) rows = g_byte_array_new ();
  g_autoptr(GPtrArray) row = template_row ();
  g_autoptr(GFile) file = NULL;

  set_text (row, 0, "900000050");
  set_column (row, 7, "PAK\0\0\0\0\0\0\0\0\0\0\0\0", 16);
  set_column (row, 17, "RUS\0\0\0\0\0\0\0\0", 11);
  append_row (rows, row);
  append_event (rows, 900000051, "20181015", "PAK", "RUS", "036");
  file = write_rows (dir, "nul.export.CSV", rows);

  for (guint i = 0; queries[i] != NULL; i++)
    {
      g_autoptr(BilatQuery) query = query_new (queries[i]);
      g_autoptr(BilatStore) store = bilat_store_new ();
      g_autoptr(BilatImportReport) report = import_files (store, &file, 1, query);
      g_autoptr(BilatImportReport) series_report = NULL;
      g_autoptr(BilatSeries) series = series_of (&file, 1, query, 1, &series_report);

      /* "PAK\0…" is not PAK: only the second row matches. */
      assert_int_equal (bilat_import_report_get_kept (report), 1);
      assert_non_null (bilat_store_lookup_event (store, "gdelt:900000051"));
      assert_int_equal (total_count (series), 1);
    }

  test_remove_dir (dir);
}

/* The reader checks a line's text only where the line holds a byte that
 * is not ASCII, or a NUL: such a byte is found wherever it is in the
 * line (in a block of the wide or narrow scan, or in the tail after the
 * last block) and in every kept text column (actor name, place name,
 * URL, the last column). */
static void
test_bad_bytes_anywhere_in_line (void **state)
{
  static const struct
  {
    guint       column;
    const char *field;
  } columns[] = {
    { 6, "Actor1Name" }, { 52, "ActionGeo_FullName" }, { 60, "SOURCEURL" },
  };
  static const struct
  {
    const char *bytes;
    gsize       length;
    const char *why;
  } bad[] = {
    { "\xff", 1, "not UTF-8" }, { "\0", 1, "holds a NUL byte" },
  };

  for (int wide = 0; wide < 2; wide++)
    for (guint c = 0; c < G_N_ELEMENTS (columns); c++)
      for (guint b = 0; b < G_N_ELEMENTS (bad); b++)
        /* The bad byte at each place of a 40-byte value: the start, inside
         * a 16- or 32-byte block, and the last bytes of the line. */
        for (guint at = 0; at < 40; at++)
          {
            g_autofree char *dir = test_temp_dir ();
            g_autoptr(GByteArray) rows = g_byte_array_new ();
            g_autoptr(GPtrArray) row = template_row ();
            g_autoptr(BilatStore) store = bilat_store_new ();
            g_autoptr(BilatImportReport) report = NULL;
            g_autoptr(GFile) file = NULL;
            char value[40];

            memset (value, 'a', sizeof value);
            memcpy (value + at, bad[b].bytes, bad[b].length);
            set_text (row, 0, "900000070");
            set_text (row, 51, "4");
            set_column (row, columns[c].column, value, sizeof value);
            append_row (rows, row);
            append_event (rows, 900000071, "20181016", "RUS", "PAK", "042");
            file = write_rows (dir, "bytes.export.CSV", rows);

            _bilat_reader_set_wide_scan (wide);
            report = import_files (store, &file, 1, NULL);
            _bilat_reader_set_wide_scan (TRUE);
            assert_int_equal (bilat_import_report_get_kept (report), 1);
            assert_int_equal (bilat_import_report_get_bad_rows (report), 1);
            if (!report_has (report, columns[c].field, bad[b].why))
              fail_msg ("%s, byte %u of %s, %s scan: not reported as %s", bad[b].why, at,
                        columns[c].field, wide ? "wide" : "narrow", bad[b].why);
            test_remove_dir (dir);
          }
}

/* Class 3: rows a store cannot keep (a CAMEO code outside the codebook,
 * an actor code that is not UTF-8, NUL bytes in kept text) were read
 * and counted, and the save then refused the whole store. They are bad
 * rows now, reported where they are, and series counts what import
 * keeps. Class 8: NUL bytes cut text where it was stored. */
static void
test_rows_a_store_cannot_hold (void **state)
{
  g_autofree char *dir = test_temp_dir ();
  g_autofree char *saved = g_build_filename (dir, "saved.json", NULL);
  g_autoptr(GByteArray) rows = g_byte_array_new ();
  g_autoptr(GByteArray) icews = g_byte_array_new ();
  g_autoptr(GPtrArray) bad_code = template_row ();
  g_autoptr(GPtrArray) bad_actor = template_row ();
  g_autoptr(GPtrArray) nul_type = template_row ();
  g_autoptr(GPtrArray) nul_name = template_row ();
  g_autoptr(BilatStore) store = bilat_store_new ();
  g_autoptr(BilatStore) loaded = bilat_store_new ();
  g_autoptr(BilatImportReport) report = NULL;
  g_autoptr(BilatImportReport) series_report = NULL;
  g_autoptr(BilatSeries) series = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *icews_text = NULL;
  GFile *files[2];

  append_event (rows, 900000060, "20181015", "PAK", "RUS", "036");
  set_text (bad_code, 0, "900000061");
  set_text (bad_code, 26, "999");
  set_text (bad_code, 27, "999");
  append_row (rows, bad_code);
  set_text (bad_actor, 0, "900000062");
  set_text (bad_actor, 5, "PAK\xff\xfe");
  append_row (rows, bad_actor);
  set_text (nul_type, 0, "900000063");
  set_column (nul_type, 12, "G\0V", 3);
  append_row (rows, nul_type);
  set_text (nul_name, 0, "900000064");
  set_column (nul_name, 6, "PAKISTAN\0ARMY", 13);
  append_row (rows, nul_name);
  append_event (rows, 900000065, "20181016", "RUS", "PAK", "042");
  files[0] = write_rows (dir, "odd.export.CSV", rows);

  /* ICEWS: a source name with a NUL byte. */
  icews_text = g_strdup_printf ("Event ID\tEvent Date\tSource Name\tSource Sectors\tSource Country\tEvent Text\t"
                                "CAMEO Code\tIntensity\tTarget Name\tTarget Sectors\tTarget Country\tStory ID\t"
                                "Sentence Number\tPublisher\tCity\tDistrict\tProvince\tCountry\tLatitude\tLongitude\n"
                                "40000001\t2018-06-01\tForeign Affairs%cPakistan\tGovernment\tPakistan\tMake a visit\t"
                                "042\t1.9\tGovernment\tGovernment\tRussian Federation\t50000001\t1\tDawn\tMoscow\tNA\t"
                                "Moskva\tRussian Federation\t55.7522\t37.6156\n"
                                "40000002\t2018-06-02\tForeign Affairs\tGovernment\tPakistan\tMake a visit\t"
                                "042\t1.9\tGovernment\tGovernment\tRussian Federation\t50000002\t1\tDawn\tMoscow\tNA\t"
                                "Moskva\tRussian Federation\t55.7522\t37.6156\n", 0);
  /* The %c wrote a NUL, which strlen() stops at: the NUL, then the rest. */
  g_byte_array_append (icews, (const guint8 *) icews_text, (guint) strlen (icews_text) + 1);
  g_byte_array_append (icews, (const guint8 *) icews_text + strlen (icews_text) + 1,
                       (guint) strlen (icews_text + strlen (icews_text) + 1));
  files[1] = write_rows (dir, "odd.tab", icews);

  report = import_files (store, files, 2, NULL);
  assert_int_equal (bilat_import_report_get_kept (report), 3);
  assert_int_equal (bilat_import_report_get_bad_rows (report), 5);
  assert_true (report_has (report, "EventCode", "not a code of the CAMEO codebook: “999”"));
  assert_true (report_has (report, "Actor1Code", "not UTF-8"));
  assert_true (report_has (report, "Actor1Type1Code", "holds a NUL byte"));
  assert_true (report_has (report, "Actor1Name", "holds a NUL byte"));
  assert_true (report_has (report, "Source Name", "holds a NUL byte"));

  /* What import keeps, a store can save; and series counts the same. */
  if (!bilat_store_save_to_path (store, saved, &error))
    fail_msg ("%s", error->message);
  if (!bilat_store_load_from_path (loaded, saved, &error))
    fail_msg ("%s", error->message);
  assert_int_equal (g_list_model_get_n_items (bilat_store_get_events (loaded)), 3);

  series = series_of (files, 2, NULL, 1, &series_report);
  assert_int_equal (total_count (series), 3);
  assert_int_equal (bilat_import_report_get_bad_rows (series_report), 5);

  g_object_unref (files[0]);
  g_object_unref (files[1]);
  test_remove_dir (dir);
}

/* Class 5: with several threads, the duplicate-id set was shared, and the
 * first thread to reach an id decided which row counted. The first file
 * is long and has the shared id last; the second is short and has it
 * first, so that a thread reading it reaches the id first. */
static void
test_jobs_first_occurrence (void **state)
{
  g_autofree char *dir = test_temp_dir ();
  g_autoptr(GByteArray) long_rows = g_byte_array_new ();
  g_autoptr(GByteArray) short_rows = g_byte_array_new ();
  g_autoptr(BilatSeries) sequential = NULL;
  g_autoptr(BilatImportReport) sequential_report = NULL;
  g_autoptr(BilatStore) store = bilat_store_new ();
  g_autoptr(BilatImportReport) import_report = NULL;
  guint n_rows = test_under_valgrind () ? 2000 : 40000;
  GFile *files[3];

  for (guint i = 0; i < n_rows; i++)
    append_event (long_rows, 100000000 + i, "20180101", "PAK", "RUS", "036");
  /* The shared id: in 2019 in the first file, 2020 in the others. */
  append_event (long_rows, 999999999, "20190101", "PAK", "RUS", "190");
  append_event (short_rows, 999999999, "20200101", "PAK", "RUS", "042");
  append_event (short_rows, 200000000, "20200102", "PAK", "RUS", "042");
  files[0] = write_rows (dir, "long.export.CSV", long_rows);
  files[1] = write_rows (dir, "short.export.CSV", short_rows);
  files[2] = write_rows (dir, "short2.export.CSV", short_rows);

  sequential = series_of (files, 3, NULL, 1, &sequential_report);
  assert_int_equal (total_count (sequential), n_rows + 2);
  assert_int_equal (bilat_import_report_get_duplicates (sequential_report), 3);
  import_report = import_files (store, files, 3, NULL);
  assert_int_equal (bilat_import_report_get_kept (import_report), n_rows + 2);

  for (guint run = 0; run < 4; run++)
    {
      g_autoptr(BilatImportReport) report = NULL;
      g_autoptr(BilatSeries) threaded = series_of (files, 3, NULL, 3, &report);

      assert_true (bilat_series_equal (sequential, threaded));
      assert_int_equal (bilat_import_report_get_duplicates (report), 3);
      assert_int_equal (bilat_import_report_get_kept (report),
                        bilat_import_report_get_kept (sequential_report));
    }

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    g_object_unref (files[i]);
  test_remove_dir (dir);
}

/* Class 7: a filter of 20,000 actors was a list scanned for every row. */
static void
test_many_actors (void **state)
{
  g_autofree char *dir = test_temp_dir ();
  g_autoptr(GByteArray) rows = g_byte_array_new ();
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) actors = NULL;
  g_autoptr(BilatQuery) query = bilat_query_new ();
  g_autoptr(BilatSeries) series = NULL;
  g_autoptr(GFile) file = NULL;
  guint n_rows = test_under_valgrind () ? 2000 : 50000;
  gint64 start;

  /* Codes that are not actors of the rows, and PAK last. */
  for (guint i = 0; i < 20000; i++)
    {
      char code[8];

      g_snprintf (code, sizeof code, "X%05u", i);
      g_strv_builder_add (builder, code);
    }
  g_strv_builder_add (builder, "PAK");
  actors = g_strv_builder_end (builder);
  bilat_query_set_actors (query, (const char * const *) actors);

  for (guint i = 0; i < n_rows; i++)
    append_event (rows, 100000000 + i, "20180101", i % 2 ? "CHN" : "PAK", "USA", "036");
  file = write_rows (dir, "many.export.CSV", rows);

  start = g_get_monotonic_time ();
  series = series_of (&file, 1, query, 1, NULL);
  assert_int_equal (total_count (series), n_rows / 2);
  /* 20,000 string compares per row took seconds; a lookup takes
   * microseconds. */
  if (!test_under_valgrind ())
    assert_true (g_get_monotonic_time () - start < 3 * G_USEC_PER_SEC);

  test_remove_dir (dir);
}


/* Class 6: a plain file was mapped; when it shrank while read, the next
 * window's pages were past its end and the process died of SIGBUS. The
 * progress callback cuts the file after the first window. */
typedef struct
{
  const char *path;
  gboolean    cut;
} Shrink;

static void
shrink_file (BilatImporter *importer,
             guint64        bytes_read,
             guint64        total_bytes,
             guint64        rows,
             gpointer       user_data)
{
  Shrink *shrink = user_data;

  if (!shrink->cut)
    {
      assert_int_equal (truncate (shrink->path, 1000), 0);
      shrink->cut = TRUE;
    }
}

static void
test_file_shrinks_while_read (void **state)
{
  g_autofree char *dir = test_temp_dir ();
  g_autoptr(GByteArray) row = g_byte_array_new ();
  g_autoptr(GByteArray) rows = g_byte_array_new ();
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;

  append_event (row, 100000000, "20180101", "PAK", "RUS", "036");
  /* More than two of the old 16 MiB windows. */
  while (rows->len < 40u << 20)
    g_byte_array_append (rows, row->data, row->len);
  file = write_rows (dir, "shrinking.export.CSV", rows);
  path = g_file_get_path (file);

  for (guint operation = 0; operation < 2; operation++)
    {
      Shrink shrink = { path, FALSE };
      g_autoptr(GError) error = NULL;

      g_autoptr(BilatImporter) importer = bilat_importer_new ();

      test_write_file (path, rows->data, rows->len);
      g_signal_connect (importer, "progress", G_CALLBACK (shrink_file), &shrink);
      if (operation == 0)
        {
          g_autoptr(BilatSeries) series =
            bilat_importer_compute_series (importer, &file, 1, BILAT_SERIES_UNIT_DAY, NULL, &error);

          assert_null (series);
        }
      else
        {
          g_autoptr(BilatStore) store = bilat_store_new ();
          g_autoptr(BilatImportReport) report = bilat_importer_import (importer, store, &file, 1, &error);

          assert_null (report);
          assert_int_equal (g_list_model_get_n_items (bilat_store_get_events (store)), 0);
        }
      assert_true (shrink.cut);
      assert_true (g_error_matches (error, BILAT_IMPORT_ERROR, BILAT_IMPORT_ERROR_TRUNCATED));
      assert_non_null (strstr (error->message, "changed while it was read"));
    }

  test_remove_dir (dir);
}

/* Class 7: costs that grew with the square of the input. */

/* A dataset of @n group actors, each the predecessor of the one before;
 * with @cycle_at < @n, the last one's predecessor is actor @cycle_at. */
static char *
chain_dataset (guint n,
               guint cycle_at)
{
  GString *text = g_string_new (HEADER "\"actors\": [");

  for (guint i = 0; i < n; i++)
    {
      g_string_append_printf (text, "%s{\"id\": \"a%u\", \"kind\": \"group\"", i > 0 ? ", " : "", i);
      if (i + 1 < n)
        g_string_append_printf (text, ", \"predecessor\": \"a%u\"", i + 1);
      else if (cycle_at < n)
        g_string_append_printf (text, ", \"predecessor\": \"a%u\"", cycle_at);
      g_string_append (text, "}");
    }
  g_string_append (text, "]}");
  return g_string_free (text, FALSE);
}

static void
test_long_predecessor_chain (void **state)
{
  guint n = test_under_valgrind () ? 5000 : 100000;
  g_autofree char *chain = chain_dataset (n, n);
  g_autofree char *cycle = chain_dataset (10, 6);
  g_autoptr(BilatStore) store = bilat_store_new ();
  g_autoptr(BilatStore) cyclic = bilat_store_new ();
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *saved = NULL;
  gint64 start = g_get_monotonic_time ();

  /* A chain of 100,000 predecessors: each actor's chain was followed to
   * its end, 5·10⁹ steps, minutes. */
  if (!bilat_store_load_from_data (store, chain, -1, &error))
    fail_msg ("%s", error->message);
  problems = bilat_store_check (store);
  assert_int_equal (problems->len, 0);
  saved = bilat_store_save_to_data (store, NULL, &error);
  assert_non_null (saved);
  if (!test_under_valgrind ())
    assert_true (g_get_monotonic_time () - start < 20 * G_USEC_PER_SEC);

  /* a6 → … → a9 → a6: those four come back, a0 … a5 lead into them. */
  assert_false (bilat_store_load_from_data (cyclic, cycle, -1, &error));
  g_clear_error (&error);
  {
    g_autoptr(GPtrArray) found = bilat_validate_data (cycle, -1, "cycle.json");
    guint n_cycle = 0;

    for (guint i = 0; i < found->len; i++)
      {
        const char *message = bilat_problem_get_message (g_ptr_array_index (found, i));

        assert_non_null (strstr (message, "comes back"));
        for (guint a = 0; a < 10; a++)
          {
            g_autofree char *id = g_strdup_printf ("“a%u”", a);

            if (strstr (message, id) != NULL)
              {
                assert_true (a >= 6);
                n_cycle++;
              }
          }
      }
    assert_int_equal (found->len, 4);
    assert_int_equal (n_cycle, 4);
  }

  /* The same rule on a store built by hand, before saving. */
  for (guint i = 0; i < 10; i++)
    {
      g_autofree char *id = g_strdup_printf ("a%u", i);
      g_autofree char *predecessor = g_strdup_printf ("a%u", i < 9 ? i + 1 : 6);
      g_autoptr(BilatActor) actor = bilat_actor_new (id, BILAT_ACTOR_KIND_GROUP);

      bilat_actor_set_predecessor (actor, predecessor);
      assert_true (bilat_store_add (cyclic, BILAT_RECORD (actor), NULL));
    }
  g_clear_pointer (&problems, g_ptr_array_unref);
  problems = bilat_store_check (cyclic);
  assert_int_equal (problems->len, 4);
  assert_null (bilat_store_save_to_data (cyclic, NULL, &error));
  assert_non_null (strstr (error->message, "comes back"));
}

static void
test_query_of_many_actors (void **state)
{
  g_autoptr(GString) terms = g_string_new (NULL);
  g_autoptr(GString) one_term = g_string_new ("actor:");
  g_autoptr(BilatQuery) many = NULL;
  g_autoptr(BilatQuery) one = NULL;
  g_autoptr(BilatQuery) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *printed = NULL;
  g_autofree char *reprinted = NULL;
  gint64 start;

  for (guint i = 0; i < 10000; i++)
    g_string_append_printf (terms, "actor:X%05u ", i);
  /* Twice over: each actor once, in the order first given. */
  for (guint i = 0; i < 20000; i++)
    g_string_append_printf (one_term, "%sX%05u", i > 0 ? "," : "", i % 10000);

  start = g_get_monotonic_time ();
  many = bilat_query_parse (terms->str, &error);
  one = bilat_query_parse (one_term->str, &error);
  assert_non_null (many);
  assert_non_null (one);
  /* Each actor added one at a time copied all before: 4 s and 18 s. */
  if (!test_under_valgrind ())
    assert_true (g_get_monotonic_time () - start < 2 * G_USEC_PER_SEC);

  assert_int_equal (g_strv_length ((char **) bilat_query_get_actors (many)), 10000);
  assert_true (g_strv_equal (bilat_query_get_actors (many), bilat_query_get_actors (one)));
  assert_string_equal (bilat_query_get_actors (one)[0], "X00000");
  assert_string_equal (bilat_query_get_actors (one)[9999], "X09999");
  printed = bilat_query_to_string (many);
  again = bilat_query_parse (printed, &error);
  assert_non_null (again);
  reprinted = bilat_query_to_string (again);
  assert_string_equal (printed, reprinted);
}

/* An unknown ICEWS country name was quoted whole in its problem. */
static void
test_long_value_quoted_short (void **state)
{
  g_autofree char *dir = test_temp_dir ();
  g_autoptr(GString) text = g_string_new ("Event ID\tEvent Date\tSource Name\tSource Sectors\tSource Country\t"
                                          "Event Text\tCAMEO Code\tIntensity\tTarget Name\tTarget Sectors\t"
                                          "Target Country\tStory ID\tSentence Number\tPublisher\tCity\tDistrict\t"
                                          "Province\tCountry\tLatitude\tLongitude\n"
                                          "40000001\t2018-06-01\tForeign Affairs\tGovernment\t");
  g_autoptr(GFile) file = NULL;
  g_autoptr(BilatImportReport) report = NULL;
  g_autoptr(BilatSeries) series = NULL;
  g_autofree char *path = g_build_filename (dir, "long.tab", NULL);
  g_autofree char *message = NULL;

  for (guint i = 0; i < 100000; i++)
    g_string_append_c (text, 'x');
  g_string_append (text, "\tMake a visit\t042\t1.9\tGovernment\tGovernment\tRussian Federation\t50000001\t1\t"
                         "Dawn\tMoscow\tNA\tMoskva\tRussian Federation\t55.7522\t37.6156\n");
  test_write_file (path, text->str, text->len);
  file = g_file_new_for_path (path);
  series = series_of (&file, 1, NULL, 1, &report);
  assert_int_equal (bilat_import_report_get_problems (report)->len, 1);
  message = bilat_problem_to_string (g_ptr_array_index (bilat_import_report_get_problems (report), 0));
  assert_non_null (strstr (message, "no country code for the name"));
  assert_true (strlen (message) < strlen (path) + 200);
  test_remove_dir (dir);
}

/* Class 9: errors that misled. */

/* A zip archive of @entry (NULL: none; a name ending in / is a folder)
 * holding @data. */
static GBytes *
zip_bytes (const char *entry_name,
           const void *data,
           gsize       length)
{
  struct archive *zip = archive_write_new ();
  gsize capacity = length + 4096;
  guchar *out = g_malloc (capacity);
  size_t used = 0;

  archive_write_set_format_zip (zip);
  assert_int_equal (archive_write_open_memory (zip, out, capacity, &used), ARCHIVE_OK);
  if (entry_name != NULL)
    {
      struct archive_entry *entry = archive_entry_new ();
      gboolean folder = g_str_has_suffix (entry_name, "/");

      archive_entry_set_pathname (entry, entry_name);
      archive_entry_set_size (entry, folder ? 0 : (la_int64_t) length);
      archive_entry_set_filetype (entry, folder ? AE_IFDIR : AE_IFREG);
      archive_entry_set_perm (entry, 0755);
      assert_int_equal (archive_write_header (zip, entry), ARCHIVE_OK);
      if (!folder)
        assert_int_equal (archive_write_data (zip, data, length), (la_ssize_t) length);
      archive_entry_free (entry);
    }
  archive_write_close (zip);
  archive_write_free (zip);
  return g_bytes_new_take (out, used);
}

static void
check_series_error (GBytes     *bytes,
                    const char *expected)
{
  g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_bytes (bytes);
  g_autoptr(GError) error = NULL;
  g_autoptr(BilatImporter) importer = bilat_importer_new ();
  g_autoptr(BilatSeries) series =
    bilat_importer_compute_series_from_stream (importer, stream, "input", BILAT_SERIES_UNIT_DAY, NULL, &error);

  assert_null (series);
  if (strstr (error->message, expected) == NULL)
    fail_msg ("“%s”, not “%s”", error->message, expected);
}

static void
test_odd_containers (void **state)
{
  g_autofree char *path = fixture_path ("gdelt2.export.CSV");
  g_autofree char *text = NULL;
  gsize length;
  g_autoptr(GBytes) empty = zip_bytes (NULL, NULL, 0);
  g_autoptr(GBytes) folder = zip_bytes ("events/", NULL, 0);
  g_autoptr(GBytes) zipped = NULL;
  g_autoptr(GBytes) gzipped = NULL;
  g_autoptr(GBytes) zip_in_gzip = NULL;
  g_autoptr(GBytes) gzip_in_gzip = NULL;
  g_autoptr(GBytes) gzip_in_zip = NULL;

  assert_true (g_file_get_contents (path, &text, &length, NULL));
  zipped = zip_bytes ("events.CSV", text, length);
  gzipped = gzip_bytes (text, length);
  zip_in_gzip = gzip_bytes (g_bytes_get_data (zipped, NULL), g_bytes_get_size (zipped));
  gzip_in_gzip = gzip_bytes (g_bytes_get_data (gzipped, NULL), g_bytes_get_size (gzipped));
  gzip_in_zip = zip_bytes ("events.CSV.gz", g_bytes_get_data (gzipped, NULL), g_bytes_get_size (gzipped));

  /* These said "the first line has 1 tab-separated columns", or read the
   * compressed bytes as rows, or read nothing and succeeded. */
  check_series_error (empty, "the zip archive holds no files");
  check_series_error (folder, "the zip archive holds no files");
  check_series_error (zip_in_gzip, "a zip archive inside gzip data");
  check_series_error (gzip_in_gzip, "gzip data inside gzip data");
  check_series_error (gzip_in_zip, "gzip data inside a zip archive");
}

/* A GDELT 2.0 file whose first row lacks three columns was read as GDELT
 * 1.0, and every other row was bad. */
static void
test_format_from_several_lines (void **state)
{
  g_autofree char *dir = test_temp_dir ();
  g_autoptr(GByteArray) rows = g_byte_array_new ();
  g_autoptr(GPtrArray) short_row = template_row ();
  g_autoptr(BilatImportReport) report = NULL;
  g_autoptr(BilatSeries) series = NULL;
  g_autoptr(GFile) file = NULL;

  set_text (short_row, 0, "900000070");
  g_ptr_array_set_size (short_row, 58);
  append_row (rows, short_row);
  for (guint i = 0; i < 5; i++)
    append_event (rows, 900000071 + i, "20181015", "PAK", "RUS", "036");
  file = write_rows (dir, "short-first.export.CSV", rows);

  series = series_of (&file, 1, NULL, 1, &report);
  assert_int_equal (bilat_import_report_get_format (report), BILAT_EVENT_FORMAT_GDELT2);
  assert_int_equal (total_count (series), 5);
  assert_int_equal (bilat_import_report_get_bad_rows (report), 1);
  assert_true (report_has (report, NULL, "58 columns instead of 61"));

  test_remove_dir (dir);
}

/* The JSON store loader (classes 1, 8, 9, 10). It has since been
 * rewritten as a strict streaming reader; these are the inputs that broke
 * the json-glib one, kept as regression tests. */

/* The message of loading @length bytes of @text, which must fail; the
 * store must stay empty. */
static char *
load_error (const char *text,
            gssize      length)
{
  g_autoptr(BilatStore) store = bilat_store_new ();
  g_autoptr(GError) error = NULL;

  if (bilat_store_load_from_data (store, text, length, &error))
    fail_msg ("loaded: %.200s", text);
  assert_true (error->domain == BILAT_FORMAT_ERROR);
  assert_int_equal (g_list_model_get_n_items (bilat_store_get_actors (store)), 0);
  assert_int_equal (g_list_model_get_n_items (bilat_store_get_sources (store)), 0);
  return g_strdup (error->message);
}

static void
check_load_error (const char *text,
                  const char *expected,
                  const char *not_expected)
{
  g_autofree char *message = load_error (text, -1);

  if (strstr (message, expected) == NULL ||
      (not_expected != NULL && strstr (message, not_expected) != NULL))
    fail_msg ("%.100s: “%s”", text, message);
}


static void
test_json_nesting (void **state)
{
  /* A quote inside a comment or a single-quoted string blinded the
   * nesting pre-check; 100,000 "[" then overflowed the stack. */
  static const char * const blinds[] = { "/* \" */", "'\"'", "", NULL };

  for (guint i = 0; blinds[i] != NULL; i++)
    {
      g_autoptr(GString) text = g_string_new (HEADER "\"sources\": [");
      g_autofree char *message = NULL;
      g_autoptr(BilatStore) store = bilat_store_new ();
      g_autoptr(GInputStream) stream = NULL;
      g_autoptr(GError) error = NULL;

      g_string_append (text, blinds[i]);
      for (guint j = 0; j < 100000; j++)
        g_string_append_c (text, '[');
      message = load_error (text->str, (gssize) text->len);
      /* Refused at the first thing that is not JSON, or at the depth. */
      assert_true (strstr (message, "comments are not JSON") != NULL ||
                   strstr (message, "double quotes") != NULL ||
                   strstr (message, "nested more than") != NULL);

      stream = g_memory_input_stream_new_from_data (text->str, (gssize) text->len, NULL);
      assert_false (bilat_store_load_from_stream (store, stream, NULL, &error));
      assert_true (error->domain == BILAT_FORMAT_ERROR);
    }
}

static void
test_json_nul (void **state)
{
  /* "before\u0000after" loaded as "before"; two ids differing after a
   * NUL collided. Both are refused now, saying where. */
  check_load_error (HEADER "\"sources\": [{\"id\": \"s\", \"title\": \"before\\u0000after\"}]}",
                    "member “title”: the string holds a NUL character", NULL);
  check_load_error (HEADER "\"actors\": [{\"id\": \"a\\u0000x\", \"kind\": \"group\"},"
                    " {\"id\": \"a\\u0000y\", \"kind\": \"group\"}]}",
                    "actors[0]: member “id”: the string holds a NUL character", NULL);
}

static void
test_json_errors_say_what (void **state)
{
  g_autoptr(GString) digits = g_string_new (HEADER);
  g_autoptr(GString) long_id = g_string_new (HEADER "\"sources\": [{\"id\": \"");
  g_autofree char *message = NULL;

  /* Numbers too large were reported as -1. */
  g_string_truncate (digits, digits->len - strlen ("\"version\": 1, "));
  g_string_append (digits, "\"version\": ");
  for (guint i = 0; i < 400; i++)
    g_string_append_c (digits, '9');
  g_string_append (digits, "}");
  message = load_error (digits->str, -1);
  assert_null (strstr (message, "-1"));
  assert_non_null (strstr (message, "99999999"));
  /* Quoted values are cut. */
  assert_true (strlen (message) < 400);
  g_clear_pointer (&message, g_free);

  check_load_error ("{\"format\": \"bilat\", \"version\": 18446744073709551617}",
                    "18446744073709551617 is out of range", "version -1");
  check_load_error (HEADER "\"sources\": [{\"id\": \"s\", \"title\": \"t\"}], \"events\": [{\"id\": \"e\","
                    " \"type\": \"event\", \"date\": null, \"title\": \"x\", \"citations\": [{\"source\": \"s\","
                    " \"paragraph\": 1, \"start\": 99999999999999999999999, \"end\": 5}]}]}",
                    "99999999999999999999999 is out of range", "-1 is out of range");
  /* A lone surrogate is no unterminated string. */
  check_load_error (HEADER "\"sources\": [{\"id\": \"\\ud800\"}]}", "not valid Unicode", "unterminated");
  /* 1e99999 has no fraction. */
  check_load_error ("{\"format\": \"bilat\", \"version\": 1e99999}", "a number too large", "fraction");
  check_load_error ("{\"format\": \"bilat\", \"version\": 1e5}", "a number with an exponent", "fraction");
  /* What json-glib accepted and JSON does not. */
  check_load_error ("{\"format\": \"bilat\", \"version\": 1} x", "after the document", NULL);
  check_load_error ("{\"format\": \"bilat\", /* c */ \"version\": 1}", "comments are not JSON", NULL);
  check_load_error ("{'format': 'bilat', 'version': 1}", "double quotes", NULL);

  /* An error about a 10 MB id does not quote 10 MB. */
  for (guint i = 0; i < 10 * 1000 * 1000; i++)
    g_string_append_c (long_id, 'x');
  g_string_append (long_id, "\", \"bogus\": 1}]}");
  message = load_error (long_id->str, (gssize) long_id->len);
  assert_true (strlen (message) < 1000);
}

/* Class 10: a file of millions of bad values kept a problem for each
 * (665 MB for 3 million); at most 10,000 are kept, and the rest counted. */
static void
test_json_problems_capped (void **state)
{
  guint n = test_under_valgrind () ? 20000 : 300000;
  g_autoptr(GString) text = g_string_new (HEADER "\"sources\": [");
  g_autoptr(GPtrArray) problems = NULL;
  const char *last;
  g_autofree char *expected = g_strdup_printf ("%u more problems, not listed", n - 10000);

  for (guint i = 0; i < n; i++)
    g_string_append (text, i > 0 ? ",1" : "1");
  g_string_append (text, "]}");
  problems = bilat_validate_data (text->str, (gssize) text->len, "ones.json");
  assert_int_equal (problems->len, 10001);
  last = bilat_problem_get_message (g_ptr_array_index (problems, 10000));
  if (strstr (last, expected) == NULL)
    fail_msg ("%s", last);
}

/* A stream of a dataset whose first string never ends: “{… "id": "aaaa…”
 * without an end, as /dev/zero's bytes never end. */
#define BILAT_TYPE_ENDLESS_STREAM (endless_stream_get_type ())
G_DECLARE_FINAL_TYPE (EndlessStream, endless_stream, BILAT, ENDLESS_STREAM, GInputStream)

struct _EndlessStream
{
  GInputStream parent_instance;
  gsize        offset;
  guint64      given;
};

G_DEFINE_FINAL_TYPE (EndlessStream, endless_stream, G_TYPE_INPUT_STREAM)

static const char endless_start[] = HEADER "\"sources\": [{\"id\": \"";

static gssize
endless_stream_read (GInputStream  *stream,
                     void          *buffer,
                     gsize          count,
                     GCancellable  *cancellable,
                     GError       **error)
{
  EndlessStream *self = BILAT_ENDLESS_STREAM (stream);
  gsize n = 0;

  while (n < count && self->offset < sizeof endless_start - 1)
    ((char *) buffer)[n++] = endless_start[self->offset++];
  memset ((char *) buffer + n, 'a', count - n);
  self->given += count;
  return (gssize) count;
}

static void
endless_stream_class_init (EndlessStreamClass *klass)
{
  G_INPUT_STREAM_CLASS (klass)->read_fn = endless_stream_read;
}

static void
endless_stream_init (EndlessStream *self)
{
}

static void
test_json_endless_value (void **state)
{
  g_autoptr(BilatStore) store = bilat_store_new ();
  g_autoptr(GInputStream) stream = g_object_new (BILAT_TYPE_ENDLESS_STREAM, NULL);
  g_autoptr(GError) error = NULL;

  /* Refused after a capped length, not read until memory runs out. */
  assert_false (bilat_store_load_from_stream (store, stream, NULL, &error));
  assert_true (error->domain == BILAT_FORMAT_ERROR);
  assert_non_null (strstr (error->message, "more than a dataset may hold"));
  assert_true (BILAT_ENDLESS_STREAM (stream)->given < 256 * 1024 * 1024);
}

/* Saving (class 4). */

/* A store of @n_events imported events, made in @dir. */
static BilatStore *
store_of_events (const char *dir,
                 guint       n_events,
                 guint64     first_id)
{
  g_autoptr(GByteArray) rows = g_byte_array_new ();
  g_autoptr(GFile) file = NULL;
  g_autoptr(BilatImportReport) report = NULL;
  BilatStore *store = bilat_store_new ();

  for (guint i = 0; i < n_events; i++)
    append_event (rows, first_id + i, "20180101", i % 2 ? "PAK" : "RUS", "USA", "036");
  file = write_rows (dir, "events.export.CSV", rows);
  report = import_files (store, &file, 1, NULL);
  g_file_delete (file, NULL, NULL);
  return store;
}

static char *
read_text (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *text = NULL;

  if (!g_file_get_contents (path, &text, NULL, &error))
    fail_msg ("%s", error->message);
  return text;
}

/* The names in @dir other than @expected, comma-separated, or NULL. */
static char *
other_files (const char *dir,
             const char *expected)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  g_autoptr(GString) others = g_string_new (NULL);
  const char *name;

  while (handle != NULL && (name = g_dir_read_name (handle)) != NULL)
    if (g_strcmp0 (name, expected) != 0)
      g_string_append_printf (others, "%s%s", others->len > 0 ? "," : "", name);
  return others->len > 0 ? g_strdup (others->str) : NULL;
}

/* A target with a second hard link was written in place, through both
 * names; now it is replaced, and the other name keeps the old file. */
static void
test_save_hard_link (void **state)
{
  g_autofree char *dir = test_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "target.json", NULL);
  g_autofree char *second = g_build_filename (dir, "link.json", NULL);
  g_autoptr(BilatStore) old_store = bilat_store_new_builtin ("pakistan-russia", NULL);
  g_autoptr(BilatStore) new_store = store_of_events (dir, 10, 100000000);
  g_autoptr(GError) error = NULL;
  g_autofree char *old_text = bilat_store_save_to_data (old_store, NULL, NULL);
  g_autofree char *new_text = bilat_store_save_to_data (new_store, NULL, NULL);
  g_autofree char *target_text = NULL;
  g_autofree char *link_text = NULL;
  struct stat st;

  test_write_file (path, old_text, strlen (old_text));
  assert_int_equal (g_chmod (path, 0640), 0);
  assert_int_equal (link (path, second), 0);
  if (!bilat_store_save_to_path (new_store, path, &error))
    fail_msg ("%s", error->message);
  target_text = read_text (path);
  link_text = read_text (second);
  assert_string_equal (target_text, new_text);
  assert_string_equal (link_text, old_text);
  /* The target keeps its permissions. */
  assert_int_equal (g_stat (path, &st), 0);
  assert_int_equal (st.st_mode & 0777, 0640);

  g_unlink (second);
  g_unlink (path);
  test_remove_dir (dir);
}

/* A directory or a device as the target is refused, and so is an empty
 * name, with errors that say so. */
static void
test_save_odd_targets (void **state)
{
  g_autofree char *dir = test_temp_dir ();
  g_autoptr(BilatStore) store = bilat_store_new_builtin ("pakistan-russia", NULL);
  g_autoptr(GError) error = NULL;

  assert_false (bilat_store_save_to_path (store, dir, &error));
  assert_true (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY));
  g_clear_error (&error);
  assert_false (bilat_store_save_to_path (store, "/dev/null", &error));
  assert_true (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE));
  g_clear_error (&error);
  assert_false (bilat_store_save_to_path (store, "", &error));
  assert_true (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_INVALID_FILENAME));
  assert_non_null (strstr (error->message, "empty name"));
  test_remove_dir (dir);
}

/* A writable target in a directory that cannot be written was written in
 * place (g_file_replace() falls back to that): not atomic. Now the save
 * fails and the target stays as it was. Root may write anywhere, so as
 * root a child that has become "nobody" tries the save. */
static void
test_save_read_only_directory (void **state)
{
  g_autofree char *dir = test_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "target.json", NULL);
  g_autoptr(BilatStore) store = bilat_store_new_builtin ("pakistan-russia", NULL);
  static const char old_text[] = "{\"format\": \"bilat\", \"version\": 1}\n";
  g_autofree char *text = NULL;
  pid_t child;
  int status;

  test_write_file (path, old_text, strlen (old_text));
  assert_int_equal (g_chmod (path, 0666), 0);
  assert_int_equal (g_chmod (dir, 0555), 0);

  child = fork ();
  assert_true (child >= 0);
  if (child == 0)
    {
      g_autoptr(GError) error = NULL;

      if (geteuid () == 0 && (setgid (65534) != 0 || setuid (65534) != 0))
        _exit (77);
      if (bilat_store_save_to_path (store, path, &error))
        _exit (0);
      _exit (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED) ? 1 : 2);
    }
  assert_int_equal (waitpid (child, &status, 0), child);
  assert_int_equal (g_chmod (dir, 0755), 0);
  if (WIFEXITED (status) && WEXITSTATUS (status) == 77)
    {
      test_remove_dir (dir);
      print_message ("# SKIP cannot become another user: read-only directory not tested\n");
      skip ();
      return;
    }
  assert_true (WIFEXITED (status));
  assert_int_equal (WEXITSTATUS (status), 1);
  text = read_text (path);
  assert_string_equal (text, old_text);
  test_remove_dir (dir);
}

/* A full file system: the save fails, the old target is intact, a new
 * target is not created, and no temporary file is left. Needs a small
 * tmpfs, which only a privileged process can mount. */
static void
test_save_full_filesystem (void **state)
{
  g_autofree char *dir = test_temp_dir ();
  g_autofree char *work = test_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "target.json", NULL);
  g_autofree char *fresh = g_build_filename (dir, "fresh.json", NULL);
  g_autoptr(BilatStore) small = bilat_store_new_builtin ("pakistan-russia", NULL);
  /* About 1.5 MB of JSON: more than the file system holds. */
  g_autoptr(BilatStore) large = store_of_events (work, 2000, 100000000);
  g_autoptr(GError) error = NULL;
  g_autofree char *small_text = bilat_store_save_to_data (small, NULL, NULL);
  g_autofree char *text = NULL;
  g_autofree char *others = NULL;

  if (mount ("bilat-test", dir, "tmpfs", MS_NOSUID | MS_NODEV, "size=256k") != 0)
    {
      int saved = errno;

      test_remove_dir (dir);
      test_remove_dir (work);
      print_message ("# SKIP cannot mount a small tmpfs (%s): full-disk save not tested\n",
                     g_strerror (saved));
      skip ();
      return;
    }
  test_write_file (path, small_text, strlen (small_text));

  assert_false (bilat_store_save_to_path (large, path, &error));
  assert_true (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE));
  text = read_text (path);
  assert_string_equal (text, small_text);
  g_clear_error (&error);

  assert_false (bilat_store_save_to_path (large, fresh, &error));
  assert_true (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE));
  assert_false (g_file_test (fresh, G_FILE_TEST_EXISTS));
  others = other_files (dir, "target.json");
  if (others != NULL)
    fail_msg ("left behind: %s", others);

  assert_int_equal (umount (dir), 0);
  test_remove_dir (dir);
  test_remove_dir (work);
}

/* A child saves, the parent kills it at random moments (more than 20
 * times): the target is then always the old file or the new one, whole,
 * and nothing else is left in the directory. */
static void
test_save_killed (void **state)
{
  g_autofree char *dir = test_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "target.json", NULL);
  g_autoptr(BilatStore) old_store = bilat_store_new_builtin ("pakistan-russia", NULL);
  g_autoptr(BilatStore) new_store = store_of_events (dir, test_under_valgrind () ? 500 : 5000, 100000000);
  g_autofree char *old_text = bilat_store_save_to_data (old_store, NULL, NULL);
  g_autofree char *new_text = bilat_store_save_to_data (new_store, NULL, NULL);
  g_autoptr(GRand) rand = g_rand_new_with_seed (11);
  guint n_old = 0;
  guint n_new = 0;
  guint n_named = 0;
  gint64 start;
  gint64 duration;

  /* How long one save takes, to kill within it. */
  start = g_get_monotonic_time ();
  assert_true (bilat_store_save_to_path (new_store, path, NULL));
  duration = MAX (g_get_monotonic_time () - start, 1000);

  for (guint round = 0; round < 24; round++)
    {
      g_autofree char *text = NULL;
      g_autofree char *others = NULL;
      pid_t child;
      int status;

      test_write_file (path, old_text, strlen (old_text));
      child = fork ();
      assert_true (child >= 0);
      if (child == 0)
        _exit (bilat_store_save_to_path (new_store, path, NULL) ? 0 : 1);
      g_usleep ((gulong) g_rand_int_range (rand, 0, (gint32) MIN (duration * 5 / 4, G_MAXINT32)));
      kill (child, SIGKILL);
      assert_int_equal (waitpid (child, &status, 0), child);

      text = read_text (path);
      if (strcmp (text, old_text) == 0)
        n_old++;
      else if (strcmp (text, new_text) == 0)
        n_new++;
      else
        fail_msg ("round %u: the target is neither file (%zu bytes)", round, strlen (text));
      others = other_files (dir, "target.json");
      if (others != NULL)
        {
          /* Killed between naming the new file and renaming it: the
           * one moment no process can clean up after itself. The next
           * save to the target removes what it left. */
          assert_true (g_str_has_prefix (others, ".target.json.") && g_str_has_suffix (others, ".tmp") &&
                       strchr (others, ',') == NULL);
          n_named++;
          assert_true (bilat_store_save_to_path (old_store, path, NULL));
          g_clear_pointer (&others, g_free);
          others = other_files (dir, "target.json");
          if (others != NULL)
            fail_msg ("round %u: left behind after the next save: %s", round, others);
        }
    }
  /* Kills fell before and after the rename. */
  print_message ("# %u kills left the old file, %u the new one, %u a named new file\n",
                 n_old, n_new, n_named);
  assert_true (n_old > 0);

  g_unlink (path);
  test_remove_dir (dir);
}

/* What a save killed between naming and renaming left, the next save
 * to the same target removes; a new file a live save holds, and names
 * that are not its own, it keeps. */
static void
test_save_removes_stale (void **state)
{
  g_autofree char *dir = test_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "target.json", NULL);
  g_autofree char *stale = g_build_filename (dir, ".target.json.0123456789abcdef.tmp", NULL);
  g_autofree char *held = g_build_filename (dir, ".target.json.fedcba9876543210.tmp", NULL);
  g_autofree char *other_target = g_build_filename (dir, ".other.json.0123456789abcdef.tmp", NULL);
  g_autofree char *not_ours = g_build_filename (dir, ".target.json.backup.tmp", NULL);
  g_autoptr(BilatStore) store = bilat_store_new_builtin ("pakistan-russia", NULL);
  g_autofree char *others = NULL;
  int held_fd;

  test_write_file (stale, "x", 1);
  test_write_file (held, "y", 1);
  test_write_file (other_target, "z", 1);
  test_write_file (not_ours, "w", 1);
  held_fd = open (held, O_RDONLY | O_CLOEXEC);
  assert_true (held_fd >= 0);
  assert_int_equal (flock (held_fd, LOCK_EX), 0);

  assert_true (bilat_store_save_to_path (store, path, NULL));
  assert_false (g_file_test (stale, G_FILE_TEST_EXISTS));
  assert_true (g_file_test (held, G_FILE_TEST_EXISTS));
  assert_true (g_file_test (other_target, G_FILE_TEST_EXISTS));
  assert_true (g_file_test (not_ours, G_FILE_TEST_EXISTS));

  /* Once its writer is gone, it is stale too. */
  close (held_fd);
  assert_true (bilat_store_save_to_path (store, path, NULL));
  assert_false (g_file_test (held, G_FILE_TEST_EXISTS));

  g_unlink (path);
  g_unlink (other_target);
  g_unlink (not_ours);
  others = other_files (dir, "");
  assert_null (others);
  test_remove_dir (dir);
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test (test_nul_after_actor_prefix),
    cmocka_unit_test (test_bad_bytes_anywhere_in_line),
    cmocka_unit_test (test_rows_a_store_cannot_hold),
    cmocka_unit_test (test_jobs_first_occurrence),
    cmocka_unit_test (test_many_actors),
    cmocka_unit_test (test_file_shrinks_while_read),
    cmocka_unit_test (test_long_predecessor_chain),
    cmocka_unit_test (test_query_of_many_actors),
    cmocka_unit_test (test_long_value_quoted_short),
    cmocka_unit_test (test_odd_containers),
    cmocka_unit_test (test_format_from_several_lines),
    cmocka_unit_test (test_json_nesting),
    cmocka_unit_test (test_json_nul),
    cmocka_unit_test (test_json_errors_say_what),
    cmocka_unit_test (test_json_endless_value),
    cmocka_unit_test (test_json_problems_capped),
    cmocka_unit_test (test_save_hard_link),
    cmocka_unit_test (test_save_odd_targets),
    cmocka_unit_test (test_save_read_only_directory),
    cmocka_unit_test (test_save_full_filesystem),
    cmocka_unit_test (test_save_removes_stale),
    cmocka_unit_test (test_save_killed),
  };

  return cmocka_run_group_tests (tests, NULL, NULL);
}
