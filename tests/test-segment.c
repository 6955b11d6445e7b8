/* test-segment.c: coded events kept as columns, against the same events
 * as objects
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * An import keeps its events in a segment and makes them on demand. Here
 * every event and source made of a row is compared, as the JSON format
 * writes it, with the object the reader's own conversion makes of the
 * same row; queries and series on the columns are compared with a plain
 * scan of the store's list over random queries; and a store with both
 * objects and rows is checked for order, look-ups, changes and removals.
 * The project's fixtures are always used; the real samples of shared/data
 * too when the build was given them.
 */

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <string.h>

#include <bilat/bilat.h>
#include <glib/gstdio.h>
#include <unistd.h>

#include "bilat-import-private.h"
#include "bilat-json-private.h"
#include "bilat-key-tables-private.h"
#include "bilat-segment-private.h"
#include "bilat-store-private.h"
#include "bilat-test-util.h"

static GPtrArray *
sample_paths (void)
{
  const char * const fixtures[] = { "gdelt2.export.CSV", "gdelt1-daily.export.CSV", "gdelt1-backfile.CSV", "icews.tab", NULL };
  const char * const samples[] = { REAL_EVENT_SAMPLES, NULL };

  return event_file_paths (fixtures, samples);
}

static char *
record_text (gpointer record)
{
  g_autoptr(JsonNode) node = bilat_record_to_json (BILAT_RECORD (record));
  GString *out = g_string_new (NULL);

  _bilat_json_print (out, node);
  return g_string_free (out, FALSE);
}

/* The objects the reader's own conversion makes of every row. */
typedef struct
{
  GHashTable *events;    /* id → BilatCodedEvent */
  GHashTable *sources;   /* id → BilatSource */
} Objects;

static gboolean
collect_row (BilatReader  *reader,
             BilatRow     *row,
             gpointer      user_data,
             GError      **error)
{
  Objects *objects = user_data;
  g_autofree char *source_id = _bilat_row_source_id (row);
  BilatCodedEvent *event = _bilat_row_to_event (row, source_id);
  const char *id = bilat_record_get_id (BILAT_RECORD (event));

  if (g_hash_table_contains (objects->events, id))
    {
      g_object_unref (event);
      return TRUE;
    }
  g_hash_table_insert (objects->events, (gpointer) id, event);
  if (source_id != NULL && !g_hash_table_contains (objects->sources, source_id))
    {
      BilatSource *source = _bilat_row_to_source (row);

      g_hash_table_insert (objects->sources, (gpointer) bilat_record_get_id (BILAT_RECORD (source)), source);
    }
  return TRUE;
}

static void
read_objects (const char *path,
              Objects    *objects)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(BilatImportReport) report = bilat_import_report_new ();
  g_autoptr(GError) error = NULL;
  BilatInput *input = _bilat_input_new_for_file (file, NULL, &error);
  BilatReadOptions options = { .format = BILAT_EVENT_FORMAT_AUTO, .row_func = collect_row, .row_data = objects };

  assert_non_null (input);
  assert_true (_bilat_read_events (input, &options, report, NULL, &error));
  _bilat_input_free (input);
}

static BilatStore *
import_store (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(BilatImportReport) report = NULL;
  BilatStore *store = bilat_store_new ();

  report = import_file (store, file, &error);
  if (report == NULL)
    fail_msg ("%s: %s", path, error->message);
  return store;
}

/* GDELT 2.0 rows that differ from one row of the fixture in one field of
 * a side or of the place each, on a day before and after a succession
 * (RUS in 1985 is SUN): rows whose memo keys are equal but for one field.
 * Written in @dir; returns its path. */
static char *
write_variants (const char *dir)
{
  static const struct
  {
    int          first, last;   /* columns */
    const char  *values[4];
  } changes[] = {
    { 5, 5, { "PAKGOV", "RUS", "", NULL } },      /* Actor1Code */
    { 6, 6, { "PAKISTAN", "RUSSIA", "", NULL } },
    { 7, 7, { "RUS", "USA", "", NULL } },         /* Actor1CountryCode */
    { 8, 11, { "ABC", "", NULL } },               /* group, ethnic, religions */
    { 12, 14, { "GOV", "MIL", "", NULL } },       /* Actor1Type1…3 */
    { 15, 15, { "RUSMIL", "PAK", "", NULL } },
    { 16, 16, { "RUSSIA", "PAKISTAN", "", NULL } },
    { 17, 17, { "PAK", "RUS", "", NULL } },
    { 18, 21, { "XYZ", "", NULL } },
    { 22, 24, { "MIL", "GOV", "", NULL } },
    { 52, 52, { "Moscow, Moskva, Russia", "Karachi, Sindh, Pakistan", "", NULL } },
    { 53, 53, { "RS", "PK", NULL } },
    { 56, 56, { "55.75", "24.86", NULL } },
    { 57, 57, { "37.6167", "67.01", NULL } },
  };
  static const char * const days[] = { "19850614", "20150614" };
  g_autofree char *fixture = g_build_filename (g_getenv ("BILAT_TEST_SRCDIR"), "data", "import",
                                               "gdelt2.export.CSV", NULL);
  char *path = g_build_filename (dir, "variants.export.CSV", NULL);
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  guint id = 500000000;

  if (!g_file_get_contents (fixture, &text, NULL, NULL))
    fail_msg ("cannot read %s", fixture);
  lines = g_strsplit (text, "\n", 2);
  for (guint d = 0; d < G_N_ELEMENTS (days); d++)
    for (guint c = 0; c < G_N_ELEMENTS (changes); c++)
      for (int column = changes[c].first; column <= changes[c].last; column++)
        for (guint v = 0; changes[c].values[v] != NULL; v++)
          {
            g_auto(GStrv) columns = g_strsplit (lines[0], "\t", -1);
            g_autofree char *line = NULL;

            g_assert_cmpuint (g_strv_length (columns), ==, 61);
            g_free (columns[0]);
            columns[0] = g_strdup_printf ("%u", id++);
            g_free (columns[1]);
            columns[1] = g_strdup (days[d]);
            g_free (columns[column]);
            columns[column] = g_strdup (changes[c].values[v]);
            line = g_strjoinv ("\t", columns);
            g_string_append_printf (out, "%s\n", line);
          }
  test_write_file (path, out->str, out->len);
  return path;
}

static void
test_items_equal_objects (void **state)
{
  g_autoptr(GPtrArray) paths = sample_paths ();
  g_autofree char *variants_dir = test_temp_dir ();

  g_ptr_array_add (paths, write_variants (variants_dir));

  for (guint p = 0; p < paths->len; p++)
    {
      const char *path = g_ptr_array_index (paths, p);
      Objects objects = {
        g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_object_unref),
        g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_object_unref),
      };
      g_autoptr(BilatStore) store = import_store (path);
      GListModel *events = bilat_store_get_events (store);
      GListModel *sources = bilat_store_get_sources (store);
      guint n = g_list_model_get_n_items (events);
      GHashTableIter iter;
      gpointer value;

      read_objects (path, &objects);
      assert_int_equal (n, g_hash_table_size (objects.events));
      assert_true (n > 0);

      /* Each row, made on demand, is the object the reader makes; the
       * list is in the order of bilat_event_compare(). */
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(BilatEvent) event = g_list_model_get_item (events, i);
          const char *id = bilat_record_get_id (BILAT_RECORD (event));
          BilatEvent *expected = g_hash_table_lookup (objects.events, id);
          g_autofree char *made = record_text (event);
          g_autofree char *wanted = NULL;

          if (expected == NULL)
            fail_msg ("%s: %s is not a row of the file", path, id);
          wanted = record_text (expected);
          if (strcmp (made, wanted) != 0)
            fail_msg ("%s: event %s differs:\n%s\n%s", path, id, made, wanted);
          assert_true (BILAT_IS_CODED_EVENT (event));
          if (i > 0)
            {
              g_autoptr(BilatEvent) previous = g_list_model_get_item (events, i - 1);

              assert_true (bilat_event_compare (previous, event) < 0);
            }
          /* The same object while it lives, through the list and by id. */
          assert_ptr_equal (bilat_store_lookup_event (store, id), event);
        }
      assert_null (g_list_model_get_item (events, n));

      g_hash_table_iter_init (&iter, objects.sources);
      while (g_hash_table_iter_next (&iter, NULL, &value))
        {
          BilatSource *source = bilat_store_lookup_source (store, bilat_record_get_id (value));
          g_autofree char *made = NULL;
          g_autofree char *wanted = record_text (value);

          assert_non_null (source);
          made = record_text (source);
          assert_string_equal (made, wanted);
        }
      assert_int_equal (g_list_model_get_n_items (sources), g_hash_table_size (objects.sources));

      g_hash_table_unref (objects.events);
      g_hash_table_unref (objects.sources);
    }
  test_remove_dir (variants_dir);
}

/* The ids of the events of the store's list that match @query, by a plain
 * scan of the objects. */
static GPtrArray *
scan (BilatStore *store,
      BilatQuery *query)
{
  GListModel *events = bilat_store_get_events (store);
  GPtrArray *ids = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < g_list_model_get_n_items (events); i++)
    {
      g_autoptr(BilatEvent) event = g_list_model_get_item (events, i);

      if (query == NULL || bilat_query_match_event (query, store, event, NULL))
        g_ptr_array_add (ids, g_strdup (bilat_record_get_id (BILAT_RECORD (event))));
    }
  return ids;
}

static char *
series_text (BilatSeries *series)
{
  return bilat_series_to_string (series, BILAT_SERIES_FORMAT_CSV);
}

static void
check_query (BilatStore *store,
             BilatQuery *query)
{
  g_autoptr(GPtrArray) expected = scan (store, query);
  g_autoptr(GListModel) found = bilat_store_find_events (store, query);
  g_autoptr(BilatSeries) computed = NULL;
  g_autoptr(BilatSeries) scanned = bilat_series_new (BILAT_SERIES_UNIT_MONTH);
  g_autofree char *computed_text = NULL;
  g_autofree char *scanned_text = NULL;
  g_autofree char *text = query ? bilat_query_to_string (query) : g_strdup ("(all)");

  if (g_list_model_get_n_items (found) != expected->len)
    fail_msg ("%s: %u found, %u by a scan", text, g_list_model_get_n_items (found), expected->len);
  for (guint i = 0; i < expected->len; i++)
    {
      g_autoptr(BilatEvent) event = g_list_model_get_item (found, i);

      assert_string_equal (bilat_record_get_id (BILAT_RECORD (event)), g_ptr_array_index (expected, i));
    }

  computed = bilat_store_compute_series (store, query, BILAT_SERIES_UNIT_MONTH);
  for (guint i = 0; i < expected->len; i++)
    bilat_series_add_event (scanned, bilat_store_lookup_event (store, g_ptr_array_index (expected, i)));
  computed_text = series_text (computed);
  scanned_text = series_text (scanned);
  if (strcmp (computed_text, scanned_text) != 0)
    fail_msg ("%s: series differ:\n%s\n%s", text, computed_text, scanned_text);
}

static void
test_queries_equal_scan (void **state)
{
  g_autoptr(GPtrArray) paths = sample_paths ();
  const char *codes[] = { "01", "04", "042", "19", "1", "057", "2" };
  GRand *rand = g_rand_new_with_seed (20261130);

  for (guint p = 0; p < paths->len; p++)
    {
      g_autoptr(BilatStore) store = import_store (g_ptr_array_index (paths, p));
      GListModel *actors = bilat_store_get_actors (store);
      guint n_actors = g_list_model_get_n_items (actors);

      check_query (store, NULL);
      for (guint round = 0; round < 60; round++)
        {
          g_autoptr(BilatQuery) query = bilat_query_new ();
          guint what = g_rand_int_range (rand, 0, 8);

          if (n_actors > 0 && (what & 1))
            {
              g_autoptr(BilatActor) a = g_list_model_get_item (actors, g_rand_int_range (rand, 0, (int) n_actors));
              g_autoptr(BilatActor) b = g_list_model_get_item (actors, g_rand_int_range (rand, 0, (int) n_actors));

              if (what & 4)
                bilat_query_set_dyad (query, bilat_record_get_id (BILAT_RECORD (a)),
                                      bilat_record_get_id (BILAT_RECORD (b)));
              else
                bilat_query_add_actor (query, bilat_record_get_id (BILAT_RECORD (a)));
            }
          if (what & 2)
            {
              int year = g_rand_int_range (rand, 1979, 2021);
              g_autoptr(BilatDate) from = bilat_date_new_year (year, NULL);
              g_autoptr(BilatDate) to = bilat_date_new_year (year + g_rand_int_range (rand, 0, 30), NULL);
              g_autoptr(BilatDate) period = bilat_date_new_interval (from, to, NULL);

              bilat_query_set_period (query, period);
            }
          if (g_rand_int_range (rand, 0, 3) == 0)
            bilat_query_set_cameo_prefix (query, codes[g_rand_int_range (rand, 0, G_N_ELEMENTS (codes))]);
          if (g_rand_int_range (rand, 0, 4) == 0)
            bilat_query_set_quad_class (query, (BilatQuadClass) g_rand_int_range (rand, 1, 5));
          if (g_rand_int_range (rand, 0, 8) == 0)
            bilat_query_set_text (query, "visit");
          if (g_rand_int_range (rand, 0, 10) == 0)
            bilat_query_set_event_type (query, BILAT_TYPE_EXERCISE);
          check_query (store, query);
        }
    }
  g_rand_free (rand);
}

static void
count_changes (guint *count)
{
  (*count)++;
}

/* Objects and rows in one store: one list in order, changes followed. */
static void
test_objects_and_rows (void **state)
{
  g_autofree char *path = g_build_filename (g_getenv ("BILAT_TEST_SRCDIR"), "data", "import",
                                            "gdelt2.export.CSV", NULL);
  g_autoptr(BilatStore) store = bilat_store_new ();
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(BilatImportReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(BilatEvent) early = bilat_event_new ("aaa-early");
  g_autoptr(BilatEvent) late = bilat_event_new ("zzz-late");
  g_autoptr(BilatDate) d1 = parse_date ("1950-01-01");
  g_autoptr(BilatDate) d2 = parse_date ("2030-01-01");
  g_autoptr(BilatDate) d3 = parse_date ("2031-05-05");
  GListModel *events = bilat_store_get_events (store);
  g_autoptr(BilatEvent) first_row = NULL;
  g_autofree char *moved_id = NULL;
  guint n;

  bilat_event_set_date (early, d1);
  bilat_event_set_date (late, d2);
  assert_true (bilat_store_add (store, BILAT_RECORD (early), NULL));
  report = import_file (store, file, &error);
  assert_non_null (report);
  assert_true (bilat_store_add (store, BILAT_RECORD (late), NULL));
  n = g_list_model_get_n_items (events);
  assert_true (n > 3);

  for (guint i = 1; i < n; i++)
    {
      g_autoptr(BilatEvent) a = g_list_model_get_item (events, i - 1);
      g_autoptr(BilatEvent) b = g_list_model_get_item (events, i);

      assert_true (bilat_event_compare (a, b) < 0);
    }
  {
    g_autoptr(BilatEvent) first = g_list_model_get_item (events, 0);
    g_autoptr(BilatEvent) last = g_list_model_get_item (events, n - 1);

    assert_ptr_equal (first, early);
    assert_ptr_equal (last, late);
  }

  /* A duplicate id is refused, whether object or row. */
  first_row = g_list_model_get_item (events, 1);
  {
    g_autoptr(BilatEvent) twin = bilat_event_new (bilat_record_get_id (BILAT_RECORD (first_row)));
    g_autoptr(GError) duplicate = NULL;

    assert_false (bilat_store_add (store, BILAT_RECORD (twin), &duplicate));
    assert_true (g_error_matches (duplicate, BILAT_STORE_ERROR, BILAT_STORE_ERROR_DUPLICATE_ID));
  }

  /* Changing a made event moves it, as for any stored event. */
  moved_id = g_strdup (bilat_record_get_id (BILAT_RECORD (first_row)));
  {
    guint count = 0;
    gulong handler = g_signal_connect_swapped (events, "items-changed", G_CALLBACK (count_changes), &count);

    bilat_event_set_date (first_row, d3);
    g_signal_handler_disconnect (events, handler);
    assert_int_equal (count, 2);
  }
  assert_int_equal (g_list_model_get_n_items (events), n);
  {
    g_autoptr(BilatEvent) last = g_list_model_get_item (events, n - 1);
    g_autoptr(BilatEvent) before_last = g_list_model_get_item (events, n - 2);

    assert_ptr_equal (last, first_row);
    assert_ptr_equal (before_last, late);
  }
  assert_ptr_equal (bilat_store_lookup_event (store, moved_id), first_row);

  /* Removing a made event. */
  {
    g_autoptr(BilatEvent) row_event = g_list_model_get_item (events, 2);
    g_autofree char *id = g_strdup (bilat_record_get_id (BILAT_RECORD (row_event)));

    assert_true (bilat_store_remove (store, BILAT_RECORD (row_event), NULL));
    assert_null (bilat_store_lookup_event (store, id));
    assert_int_equal (g_list_model_get_n_items (events), n - 1);
    assert_false (bilat_store_remove (store, BILAT_RECORD (row_event), NULL));
  }

  /* Clearing takes rows too. */
  bilat_store_clear (store);
  assert_int_equal (g_list_model_get_n_items (events), 0);
  assert_int_equal (g_list_model_get_n_items (bilat_store_get_sources (store)), 0);
}

/* Two imports into one store: the rows merge, duplicates stay out. */
static void
test_two_imports (void **state)
{
  g_autoptr(GPtrArray) paths = sample_paths ();
  g_autoptr(BilatStore) store = bilat_store_new ();
  g_autoptr(GPtrArray) all = g_ptr_array_new_with_free_func (g_free);
  guint expected = 0;

  for (guint p = 0; p < MIN (paths->len, 3); p++)
    {
      g_autoptr(BilatStore) alone = import_store (g_ptr_array_index (paths, p));
      g_autoptr(GFile) file = g_file_new_for_path (g_ptr_array_index (paths, p));
      g_autoptr(BilatImportReport) report = NULL;
      g_autoptr(GError) error = NULL;
      GListModel *events = bilat_store_get_events (alone);

      for (guint i = 0; i < g_list_model_get_n_items (events); i++)
        {
          g_autoptr(BilatEvent) event = g_list_model_get_item (events, i);

          if (bilat_store_lookup_event (store, bilat_record_get_id (BILAT_RECORD (event))) == NULL &&
              !g_ptr_array_find_with_equal_func (all, bilat_record_get_id (BILAT_RECORD (event)),
                                                 g_str_equal, NULL))
            {
              g_ptr_array_add (all, g_strdup (bilat_record_get_id (BILAT_RECORD (event))));
              expected++;
            }
        }
      report = import_file (store, file, &error);
      assert_non_null (report);
      assert_int_equal (g_list_model_get_n_items (bilat_store_get_events (store)), expected);
    }
  check_query (store, NULL);
}

/* Saved as JSON and loaded again, imported events come back as rows and
 * save to the same bytes. */
static void
test_json_round_trip (void **state)
{
  g_autoptr(GPtrArray) paths = sample_paths ();

  for (guint p = 0; p < paths->len; p++)
    {
      g_autoptr(BilatStore) store = import_store (g_ptr_array_index (paths, p));
      g_autoptr(BilatStore) loaded = bilat_store_new ();
      g_autoptr(GError) error = NULL;
      g_autofree char *first = bilat_store_save_to_data (store, NULL, &error);
      g_autofree char *second = NULL;
      const guint8 *dead;
      BilatSegment *segment;

      assert_non_null (first);
      if (!bilat_store_load_from_data (loaded, first, -1, &error))
        fail_msg ("%s", error->message);
      segment = _bilat_store_get_segment (loaded, &dead);
      assert_non_null (segment);
      assert_int_equal (_bilat_segment_get_n_rows (segment),
                        g_list_model_get_n_items (bilat_store_get_events (store)));
      assert_int_equal (g_list_model_get_n_items (bilat_store_get_sources (loaded)),
                        g_list_model_get_n_items (bilat_store_get_sources (store)));
      second = bilat_store_save_to_data (loaded, NULL, &error);
      assert_non_null (second);
      assert_string_equal (first, second);
    }
}

/* The same store with every record an object. */
static BilatStore *
as_objects (BilatStore *store)
{
  BilatStore *copy = bilat_store_new ();
  GListModel *lists[] = {
    bilat_store_get_sources (store), bilat_store_get_actors (store), bilat_store_get_issues (store),
    bilat_store_get_events (store), bilat_store_get_positions (store),
  };

  for (guint k = 0; k < G_N_ELEMENTS (lists); k++)
    for (guint i = 0; i < g_list_model_get_n_items (lists[k]); i++)
      {
        g_autoptr(BilatRecord) record = g_list_model_get_item (lists[k], i);

        assert_true (bilat_store_add (copy, record, NULL));
      }
  return copy;
}

static char *
problems_text (BilatStore *store)
{
  g_autoptr(GPtrArray) problems = bilat_store_check (store);
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < problems->len; i++)
    {
      g_autofree char *text = bilat_problem_to_string (g_ptr_array_index (problems, i));

      g_string_append_printf (out, "%s\n", text);
    }
  return g_string_free (out, FALSE);
}

/* Checking rows on their columns finds what checking them as objects
 * finds: nothing in an import, then the events of a removed actor and
 * those citing a removed source. */
static void
test_check_rows (void **state)
{
  g_autoptr(GPtrArray) paths = sample_paths ();

  for (guint p = 0; p < paths->len; p++)
    {
      g_autoptr(BilatStore) store = import_store (g_ptr_array_index (paths, p));
      GListModel *actors = bilat_store_get_actors (store);
      GListModel *sources = bilat_store_get_sources (store);
      g_autofree char *clean = problems_text (store);

      assert_string_equal (clean, "");
      if (g_list_model_get_n_items (actors) > 0)
        {
          g_autoptr(BilatRecord) actor = g_list_model_get_item (actors, 0);

          assert_true (bilat_store_remove (store, actor, NULL));
        }
      if (g_list_model_get_n_items (sources) > 1)
        {
          g_autoptr(BilatRecord) source = g_list_model_get_item (sources, 1);

          assert_true (bilat_store_remove (store, source, NULL));
        }
      {
        g_autoptr(BilatStore) objects = as_objects (store);
        g_autofree char *on_columns = problems_text (store);
        g_autofree char *on_objects = problems_text (objects);

        assert_string_not_equal (on_columns, "");
        assert_string_equal (on_columns, on_objects);
      }
    }
}

/* Several files in one import: the store of importing them one by one,
 * and a file given twice brings only duplicates. */
static void
test_import_from_files (void **state)
{
  g_autoptr(GPtrArray) paths = sample_paths ();
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(BilatStore) together = bilat_store_new ();
  g_autoptr(BilatStore) apart = bilat_store_new ();
  g_autoptr(BilatImporter) importer = bilat_importer_new ();
  g_autoptr(BilatImportReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  guint64 first_kept;

  for (guint p = 0; p < paths->len; p++)
    {
      g_autoptr(BilatImportReport) one = NULL;

      g_ptr_array_add (files, g_file_new_for_path (g_ptr_array_index (paths, p)));
      one = import_file (apart, g_ptr_array_index (files, p), &error);
      assert_non_null (one);
    }
  g_ptr_array_add (files, g_object_ref (g_ptr_array_index (files, 0)));
  report = bilat_importer_import (importer, together, (GFile **) files->pdata, files->len, &error);
  assert_non_null (report);
  a = bilat_store_save_to_data (together, NULL, NULL);
  b = bilat_store_save_to_data (apart, NULL, NULL);
  assert_string_equal (a, b);
  assert_int_equal (bilat_import_report_get_kept (report),
                    g_list_model_get_n_items (bilat_store_get_events (together)));

  /* The first file again: all its rows are duplicates now. */
  {
    g_autoptr(BilatStore) alone = import_store (g_ptr_array_index (paths, 0));

    first_kept = g_list_model_get_n_items (bilat_store_get_events (alone));
  }
  assert_true (bilat_import_report_get_duplicates (report) >= first_kept);
}

/* Rows are written as JSON straight from their columns: the same bytes
 * as the same records as objects. */
static void
test_json_rows_equal_objects (void **state)
{
  g_autoptr(GPtrArray) paths = sample_paths ();

  for (guint p = 0; p < paths->len; p++)
    {
      g_autoptr(BilatStore) store = import_store (g_ptr_array_index (paths, p));
      g_autoptr(BilatStore) objects = NULL;
      g_autofree char *from_rows = NULL;
      g_autofree char *from_objects = NULL;
      g_autoptr(GError) error = NULL;

      /* Some rows made into objects by a change, some removed. */
      {
        GListModel *events = bilat_store_get_events (store);
        g_autoptr(BilatEvent) changed = g_list_model_get_item (events, g_list_model_get_n_items (events) / 2);
        g_autoptr(BilatEvent) removed = g_list_model_get_item (events, 0);

        bilat_event_set_summary (changed, "edited after the import");
        assert_true (bilat_store_remove (store, BILAT_RECORD (removed), NULL));
      }
      objects = as_objects (store);
      from_rows = bilat_store_save_to_data (store, NULL, &error);
      if (from_rows == NULL)
        fail_msg ("%s", error->message);
      from_objects = bilat_store_save_to_data (objects, NULL, &error);
      assert_non_null (from_objects);
      assert_string_equal (from_rows, from_objects);
    }
}

/* Counting rows into bins that have events already adds them one by one,
 * as a scan would. */
static void
test_count_twice (void **state)
{
  g_autoptr(GPtrArray) paths = sample_paths ();
  g_autoptr(BilatStore) store = import_store (g_ptr_array_index (paths, 0));
  g_autoptr(BilatSeries) counted = bilat_series_new (BILAT_SERIES_UNIT_MONTH);
  g_autoptr(BilatSeries) scanned = bilat_series_new (BILAT_SERIES_UNIT_MONTH);
  GListModel *events = bilat_store_get_events (store);
  const guint8 *dead;
  BilatSegment *segment = _bilat_store_get_segment (store, &dead);
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;

  for (guint round = 0; round < 2; round++)
    {
      BilatSegmentMatcher *matcher = _bilat_segment_matcher_new (segment, NULL);

      _bilat_segment_matcher_count (matcher, dead, counted);
      _bilat_segment_matcher_free (matcher);
      for (guint i = 0; i < g_list_model_get_n_items (events); i++)
        {
          g_autoptr(BilatEvent) event = g_list_model_get_item (events, i);

          bilat_series_add_event (scanned, event);
        }
    }
  a = bilat_series_to_string (counted, BILAT_SERIES_FORMAT_CSV);
  b = bilat_series_to_string (scanned, BILAT_SERIES_FORMAT_CSV);
  assert_string_equal (a, b);
}

/* The readers cut lines with AVX2 where the processor has it: the rows
 * are the same as with the baseline's instructions. */
static void
test_wide_scan_equals_narrow (void **state)
{
  g_autoptr(GPtrArray) paths = sample_paths ();

  for (guint p = 0; p < paths->len; p++)
    {
      g_autoptr(BilatStore) wide = import_store (g_ptr_array_index (paths, p));
      g_autoptr(BilatStore) narrow = NULL;
      g_autofree char *a = NULL;
      g_autofree char *b = NULL;

      _bilat_reader_set_wide_scan (FALSE);
      narrow = import_store (g_ptr_array_index (paths, p));
      _bilat_reader_set_wide_scan (TRUE);
      a = bilat_store_save_to_data (wide, NULL, NULL);
      b = bilat_store_save_to_data (narrow, NULL, NULL);
      assert_non_null (a);
      assert_string_equal (a, b);
    }
}

/* Look-up by id is built two ways: from the order rows were put in when
 * they came in id order (a file's usual order), by a sort otherwise. The
 * same rows in their order and reversed give the same store (where no
 * row is refused or repeated), and every event is found by its id in
 * both. */
static void
test_lookup_by_id_either_order (void **state)
{
  /* Under valgrind, the generated rows only (the samples' rows are mostly
   * in day order already). */
  g_autoptr(GPtrArray) paths = test_under_valgrind () ? g_ptr_array_new_with_free_func (g_free) : sample_paths ();
  g_autofree char *spread_dir = test_temp_dir ();

  /* Generated rows in id order: whose days are spread over years, so
   * that the order by day is far from the order by id (the samples' rows
   * are mostly of one day); of a few days, so that each day has many
   * rows, with ids of one count of digits (in order within a day as
   * they come) and crossing from nine digits to ten (as text, 1000000000
   * comes before 999999999: not in order as they come). */
  {
    static const struct
    {
      const char *name;
      guint64     first_id;
      guint       days;
    } kinds[] = {
      { "spread.export.CSV", 700000000, 0 },
      { "few-days.export.CSV", 700000000, 5 },
      { "crossing.export.CSV", 999999700, 5 },
    };
    g_auto(GStrv) columns = test_gdelt2_fixture_columns ();

    for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
      {
        g_autofree char *path = g_build_filename (spread_dir, kinds[k].name, NULL);
        g_autoptr(GString) out = g_string_new (NULL);
        g_autoptr(GRand) rand = g_rand_new_with_seed (9 + k);

        for (guint i = 0; i < 600; i++)
          {
            g_free (columns[0]);
            columns[0] = g_strdup_printf ("%" G_GUINT64_FORMAT, kinds[k].first_id + i * (kinds[k].days ? 1 : 3));
            g_free (columns[1]);
            if (kinds[k].days == 0)
              columns[1] = g_strdup_printf ("%04d%02d%02d", g_rand_int_range (rand, 1990, 2020),
                                            g_rand_int_range (rand, 1, 13), g_rand_int_range (rand, 1, 29));
            else
              columns[1] = g_strdup_printf ("201903%02d", 1 + g_rand_int_range (rand, 0, (gint32) kinds[k].days));
            g_autofree char *line = g_strjoinv ("\t", columns);
            g_string_append_printf (out, "%s\n", line);
          }
        test_write_file (path, out->str, out->len);
        g_ptr_array_add (paths, g_steal_pointer (&path));
      }
  }

  for (guint p = 0; p < paths->len; p++)
    {
      const char *path = g_ptr_array_index (paths, p);
      g_autofree char *dir = test_temp_dir ();
      g_autofree char *name = g_path_get_basename (path);
      g_autofree char *reversed_path = g_build_filename (dir, name, NULL);
      g_autofree char *text = NULL;
      g_auto(GStrv) lines = NULL;
      g_autoptr(GString) reversed = g_string_new (NULL);
      g_autoptr(BilatStore) forward = NULL;
      g_autoptr(BilatStore) backward = NULL;
      g_autofree char *a = NULL;
      g_autofree char *b = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) ids = NULL;
      GListModel *events;
      guint n_lines, first = 0;

      if (!g_file_get_contents (path, &text, NULL, &error))
        fail_msg ("%s: %s", path, error->message);
      lines = g_strsplit (text, "\n", -1);
      n_lines = g_strv_length (lines);
      while (n_lines > 0 && lines[n_lines - 1][0] == '\0')
        n_lines--;
      if (n_lines > 0 && g_str_has_prefix (lines[0], "Event ID\t"))
        {
          g_string_append_printf (reversed, "%s\n", lines[0]);
          first = 1;
        }
      for (guint i = n_lines; i > first; i--)
        g_string_append_printf (reversed, "%s\n", lines[i - 1]);
      test_write_file (reversed_path, reversed->str, reversed->len);

      forward = import_store (path);
      backward = import_store (reversed_path);
      events = bilat_store_get_events (forward);
      assert_true (g_list_model_get_n_items (events) > 1);
      ids = g_ptr_array_new_with_free_func (g_free);
      for (guint i = 0; i < g_list_model_get_n_items (events); i++)
        {
          g_autoptr(BilatEvent) event = g_list_model_get_item (events, i);

          g_ptr_array_add (ids, g_strdup (bilat_record_get_id (BILAT_RECORD (event))));
        }
      /* Looked up in stores whose events were never listed (a listed
       * event is found through the objects made). */
      {
        g_autoptr(BilatStore) fresh_file = import_store (path);
        g_autoptr(BilatStore) fresh_reversed = import_store (reversed_path);
        BilatStore *fresh[2] = { fresh_file, fresh_reversed };

        for (guint i = 0; i < ids->len; i++)
          for (guint k = 0; k < 2; k++)
            {
              const char *id = g_ptr_array_index (ids, i);
              BilatEvent *found = bilat_store_lookup_event (fresh[k], id);

              if (found == NULL)
                fail_msg ("%s: event %s not found by its id (%s order)", path, id, k == 0 ? "file" : "reversed");
              assert_string_equal (bilat_record_get_id (BILAT_RECORD (found)), id);
            }
        assert_null (bilat_store_lookup_event (fresh[0], "gdelt:1"));
      }
      /* Where every line became an event (no repeated id or bad row,
       * whose first occurrence depends on the order), the stores are
       * equal. */
      if (g_list_model_get_n_items (events) == n_lines - first)
        {
          a = bilat_store_save_to_data (forward, NULL, NULL);
          b = bilat_store_save_to_data (backward, NULL, NULL);
          assert_non_null (a);
          assert_string_equal (a, b);
        }
      test_remove_dir (dir);
    }
  test_remove_dir (spread_dir);
}

/* Numbers are parsed by hand, eight digits at a time where they can be:
 * every tone reads as strtod() reads it, whatever its digits. */
static void
test_decimals_as_strtod (void **state)
{
  g_autofree char *fixture = g_build_filename (g_getenv ("BILAT_TEST_SRCDIR"), "data", "import",
                                               "gdelt2.export.CSV", NULL);
  g_autofree char *text = NULL;
  g_auto(GStrv) fields = NULL;
  g_autoptr(GString) file = g_string_new (NULL);
  g_autoptr(GPtrArray) tones = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *path = NULL;
  g_autoptr(BilatStore) store = NULL;
  GRand *rand = g_rand_new_with_seed (8);
  int fd;

  assert_true (g_file_get_contents (fixture, &text, NULL, NULL));
  *strchr (text, '\n') = '\0';
  fields = g_strsplit (text, "\t", -1);
  for (guint i = 0; i < 3000; i++)
    {
      static const char * const signs[] = { "", "-", "", "+" };
      /* Mantissas of twenty and twenty-one digits that are 12345 and
       * 12800 past a multiple of 2^64: read right only if they are not
       * taken as 64-bit numbers. */
      static const char * const fixed[] = { "18446.744073709563961", "-1844674.40737095528960" };
      GString *tone = g_string_new (i < G_N_ELEMENTS (fixed) ? fixed[i] : signs[g_rand_int_range (rand, 0, 4)]);
      /* Up to ten digits before the point and twenty-four after it: the
       * usual shape read eight at a time, the rest another way. */
      guint int_digits = i < G_N_ELEMENTS (fixed) ? 0 : (guint) g_rand_int_range (rand, i % 7 == 0 ? 0 : 1, i % 5 == 0 ? 11 : 4);
      guint fraction_digits = i < G_N_ELEMENTS (fixed) ? 0 : (guint) g_rand_int_range (rand, int_digits == 0 ? 1 : 0, 25);

      for (guint d = 0; d < int_digits; d++)
        g_string_append_c (tone, (char) ('0' + (d == 0 && int_digits > 1 ? g_rand_int_range (rand, 1, 10)
                                                                           : g_rand_int_range (rand, 0, 10))));
      if (i >= G_N_ELEMENTS (fixed) && (fraction_digits > 0 || g_rand_boolean (rand)))
        g_string_append_c (tone, '.');
      for (guint d = 0; d < fraction_digits; d++)
        /* Runs of zeros now and then, where the eight-digit steps begin. */
        g_string_append_c (tone, (char) ('0' + (g_rand_int_range (rand, 0, 4) == 0 ? 0 : g_rand_int_range (rand, 0, 10))));
      g_free (fields[0]);
      fields[0] = g_strdup_printf ("%u", 500000000 + i);
      g_free (fields[34]);
      fields[34] = g_strdup (tone->str);
      g_ptr_array_add (tones, g_string_free (tone, FALSE));
      {
        g_autofree char *line = g_strjoinv ("\t", fields);

        g_string_append_printf (file, "%s\n", line);
      }
    }
  fd = g_file_open_tmp ("bilat-tones-XXXXXX.export.CSV", &path, NULL);
  assert_true (fd >= 0);
  close (fd);
  assert_true (g_file_set_contents (path, file->str, (gssize) file->len, NULL));
  store = import_store (path);
  for (guint i = 0; i < tones->len; i++)
    {
      g_autofree char *id = g_strdup_printf ("gdelt:%u", 500000000 + i);
      BilatEvent *event = bilat_store_lookup_event (store, id);
      const char *tone = g_ptr_array_index (tones, i);
      double expected = g_ascii_strtod (tone, NULL);

      assert_non_null (event);
      if (bilat_coded_event_get_tone (BILAT_CODED_EVENT (event)) != expected)
        fail_msg ("%s read as %.17g, strtod gives %.17g", tone,
                  bilat_coded_event_get_tone (BILAT_CODED_EVENT (event)), expected);
    }
  g_unlink (path);
  g_rand_free (rand);

  /* A coordinate that ends the file, with no newline (ICEWS's longitude
   * is its last column): digits of earlier lines may still be in the
   * reader's buffer after it, and are not part of it. Every field is
   * made of digits where it can be, lines of several lengths, and the
   * file is larger than the buffer several times. */
  for (guint variant = 0; variant < 8; variant++)
    {
      g_autofree char *icews_path = NULL;
      g_autoptr(GString) icews = g_string_new ("Event ID\tEvent Date\tSource Name\tSource Sectors\tSource Country\t"
                                               "Event Text\tCAMEO Code\tIntensity\tTarget Name\tTarget Sectors\t"
                                               "Target Country\tStory ID\tSentence Number\tPublisher\tCity\t"
                                               "District\tProvince\tCountry\tLatitude\tLongitude\n");
      g_autoptr(BilatStore) icews_store = NULL;
      g_autofree char *last_id = NULL;
      BilatEvent *last;
      BilatPlace *place;
      guint n_events = 2000 + variant * 37;
      int icews_fd;
      char digits[301];

      /* Names of digits: most bytes of a line are digits. */
      for (guint d = 0; d < 300; d++)
        digits[d] = (char) ('0' + (d * 7 + variant) % 10);
      digits[300] = '\0';

      for (guint i = 0; i < n_events; i++)
        {
          g_string_append_printf (icews, "%u\t2018-06-01\t%s%u\t12345\tPakistan\tMake a visit\t042\t1.9\t"
                                  "%s%u\t12345\tRussian Federation\t%u\t1\t%s%u\t%s%u\tNA\t1234\t"
                                  "Russian Federation\t55.%u\t",
                                  40000000 + i, digits, i, digits + variant * 11, 987654321 + i, 50000000 + i,
                                  digits + variant * 5, 24680 + i, digits, 13579 + i * (variant + 1), 123456789 + i);
          if (i + 1 < n_events)
            g_string_append_printf (icews, "37.%u\n", 123456789 + i * 7);
          else
            g_string_append (icews, "1.5");
        }
      icews_fd = g_file_open_tmp ("bilat-icews-XXXXXX.tab", &icews_path, NULL);
      assert_true (icews_fd >= 0);
      close (icews_fd);
      assert_true (g_file_set_contents (icews_path, icews->str, (gssize) icews->len, NULL));
      icews_store = import_store (icews_path);
      last_id = g_strdup_printf ("icews:%u", 40000000 + n_events - 1);
      last = bilat_store_lookup_event (icews_store, last_id);
      assert_non_null (last);
      place = bilat_event_get_place (last);
      assert_non_null (place);
      if (bilat_place_get_longitude (place) != 1.5)
        fail_msg ("variant %u: the last longitude is %.17g, not 1.5", variant, bilat_place_get_longitude (place));
      g_unlink (icews_path);
    }
}

/* Rows among many actors: far more pairs than the first table of pairs
 * holds (so that it grows while counting), with rows of one actor only
 * and rows whose actors come in either order. Every actor's and every
 * pair's rows, found through the indexes of the columns, equal a scan;
 * and so they do once the store is saved as a native file and read back
 * (where the indexes come from the file). */
static void
test_many_pairs_equal_scan (void **state)
{
  static const char * const countries[] = {
    "USA", "RUS", "PAK", "CHN", "IND", "FRA", "DEU", "GBR", "JPN", "BRA",
    "CAN", "MEX", "ITA", "ESP", "TUR", "IRN", "IRQ", "SAU", "EGY", "NGA",
    "ZAF", "KEN", "ETH", "AUS", "NZL", "ARG", "CHL", "PER", "COL", "VEN",
    "UKR", "POL", "SWE", "NOR", "FIN", "IDN", "MYS", "THA", "VNM", "PHL",
  };
  const guint n_countries = G_N_ELEMENTS (countries);
  g_autofree char *dir = test_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "pairs.export.CSV", NULL);
  g_autofree char *native_path = g_build_filename (dir, "pairs.bilat", NULL);
  g_autoptr(GFile) native_file = g_file_new_for_path (native_path);
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GRand) rand = g_rand_new_with_seed (4242);
  g_auto(GStrv) columns = test_gdelt2_fixture_columns ();
  g_autoptr(BilatStore) store = NULL;
  g_autoptr(BilatStore) loaded = bilat_store_new ();
  g_autoptr(GError) error = NULL;
  guint id = 600000000, n_pairs = 0;

  /* Each pair: one to three rows; some rows with one actor only. */
  for (guint a = 0; a < n_countries; a++)
    for (guint b = a + 1; b < n_countries; b++)
      {
        guint rows = (guint) g_rand_int_range (rand, 1, 4);

        n_pairs++;
        for (guint r = 0; r <= rows; r++)
          {
            gboolean swap = g_rand_boolean (rand);
            const char *first = countries[swap ? b : a];
            const char *second = r == rows ? "" : countries[swap ? a : b];
            g_autofree char *day = NULL;
            g_autofree char *line = NULL;

            /* The last row of a pair has one actor, on either side, or
             * none: rows of no pair, and of no actor. */
            if (r == rows)
              switch (g_rand_int_range (rand, 0, 4))
                {
                case 0:
                  first = "";
                  break;
                case 1:
                  second = first;
                  first = "";
                  break;
                default:
                  break;
                }
            day = g_strdup_printf ("%04d%02d%02d", g_rand_int_range (rand, 2015, 2020),
                                   g_rand_int_range (rand, 1, 13), g_rand_int_range (rand, 1, 29));
            test_gdelt2_set_row (columns, id++, day, first, second);
            line = g_strjoinv ("\t", columns);
            g_string_append_printf (out, "%s\n", line);
          }
      }
  g_assert_cmpuint (n_pairs, >, 512);
  test_write_file (path, out->str, out->len);
  store = import_store (path);
  /* Each country is an actor of the store (beside the states some of
   * them continue, which an import adds too). */
  for (guint a = 0; a < n_countries; a++)
    assert_non_null (bilat_store_lookup_actor (store, countries[a]));
  if (!bilat_store_save_to_native_file (store, native_file, NULL, &error) ||
      !bilat_store_load_from_path (loaded, native_path, &error))
    fail_msg ("%s: %s", native_path, error->message);

  for (guint pass = 0; pass < 2; pass++)
    {
      BilatStore *target = pass == 0 ? store : loaded;

      check_query (target, NULL);
      for (guint a = 0; a < n_countries; a++)
        {
          g_autoptr(BilatQuery) query = bilat_query_new ();

          bilat_query_add_actor (query, countries[a]);
          check_query (target, query);
        }
      /* Under valgrind, a sample of the pairs. */
      for (guint a = 0; a < n_countries; a++)
        for (guint b = 0; b < n_countries; b++)
          {
            g_autoptr(BilatQuery) query = bilat_query_new ();

            if (a == b || (test_under_valgrind () && g_rand_int_range (rand, 0, 20) != 0))
              continue;
            bilat_query_set_dyad (query, countries[a], countries[b]);
            check_query (target, query);
          }
    }
  g_unlink (native_path);
  g_unlink (path);
  g_rmdir (dir);
}

/* The builder's table of keys, on its own: keys that start their probe
 * at the same slot and differ in one part only (either half of @high,
 * or @low) each get their own slot, where a look-up that compared only
 * some of the parts would find another's; and thousands of keys keep
 * their values across the table's growth. */
static void
test_key_tables (void **state)
{
  KeyTable table;
  guint n = 0;

  key_table_init (&table);
  {
    const guint64 base_high = (guint64) 5 << 32 | 9;
    const guint32 base_low = 100;
    guint start = key_table_hash (base_high, base_low, table.mask);
    gboolean found[3] = { FALSE, FALSE, FALSE };

    key_table_lookup (&table, base_high, base_low)->value = ++n;
    for (guint32 x = 1; !(found[0] && found[1] && found[2]) && x < 1000000; x++)
      {
        /* Another high half, another low half, another @low. */
        const guint64 highs[3] = { (guint64) x << 32 | 9, (guint64) 5 << 32 | x, base_high };
        const guint32 lows[3] = { base_low, base_low, x };

        for (guint k = 0; k < 3; k++)
          if (!found[k] && (highs[k] != base_high || lows[k] != base_low) &&
              key_table_hash (highs[k], lows[k], table.mask) == start)
            {
              assert_int_equal (key_table_lookup (&table, highs[k], lows[k])->value, 0);
              key_table_lookup (&table, highs[k], lows[k])->value = ++n;
              found[k] = TRUE;
            }
      }
    assert_true (found[0] && found[1] && found[2]);
    assert_int_equal (key_table_lookup (&table, base_high, base_low)->value, 1);
    assert_int_equal (table.n_used, 4);
  }
  key_table_clear (&table);

  key_table_init (&table);
  n = 0;
  for (guint32 a = 0; a < 40; a++)
    for (guint32 b = 0; b < 40; b++)
      for (guint32 low = 1; low <= 4; low++)
        {
          KeySlot *slot = key_table_lookup (&table, (guint64) a << 32 | b, low * 1000);

          assert_int_equal (slot->value, 0);
          slot->value = ++n;
        }
  assert_int_equal (table.n_used, n);
  assert_true (table.mask + 1 >= 2 * n);
  n = 0;
  for (guint32 a = 0; a < 40; a++)
    for (guint32 b = 0; b < 40; b++)
      for (guint32 low = 1; low <= 4; low++)
        assert_int_equal (key_table_lookup (&table, (guint64) a << 32 | b, low * 1000)->value, ++n);
  assert_int_equal (table.n_used, n);
  /* The extremes of a key. */
  key_table_lookup (&table, G_MAXUINT64, G_MAXUINT32)->value = 7;
  key_table_lookup (&table, 0, 1)->value = 8;
  assert_int_equal (key_table_lookup (&table, G_MAXUINT64, G_MAXUINT32)->value, 7);
  assert_int_equal (key_table_lookup (&table, 0, 1)->value, 8);
  assert_int_equal (table.n_used, n + 2);
  key_table_clear (&table);
}

/* Lines cut at their tabs, by the wide scan (64 bytes at a time) and the
 * narrow one, against a plain loop: lines of 1 to 90 columns, many
 * empty (runs of tabs), some long (blocks without a tab), at every
 * alignment, with tabs and other bytes after the line's end that must
 * not count, and some bytes that are not ASCII or are NUL. */
static void
test_split_lines (void **state)
{
  GRand *rand = g_rand_new_with_seed (64);
  const guint maxes[] = { _BILAT_MAX_COLUMNS, 5 };
  const char letters[] = "abcdefghijklmnopqrstuvwxyz0123456789 .,-";

  for (guint round = 0; round < 3000; round++)
    {
      g_autoptr(GString) line = g_string_new (NULL);
      guint n_fields = (guint) g_rand_int_range (rand, 1, 91);
      guint shift = (guint) g_rand_int_range (rand, 0, 64);
      g_autofree char *buffer = NULL;
      const char *p, *e;
      gboolean odd = FALSE;

      for (guint f = 0; f < n_fields; f++)
        {
          guint length = g_rand_int_range (rand, 0, 10) < 4 ? 0
                         : (guint) g_rand_int_range (rand, 1, g_rand_int_range (rand, 0, 5) == 0 ? 130 : 13);

          if (f > 0)
            g_string_append_c (line, '\t');
          for (guint i = 0; i < length; i++)
            g_string_append_c (line, letters[g_rand_int_range (rand, 0, sizeof letters - 1)]);
        }
      /* A byte that is NUL or not ASCII, in place of one that is not a
       * tab. */
      if (line->len > 0 && g_rand_int_range (rand, 0, 50) == 0)
        {
          guint at = (guint) g_rand_int_range (rand, 0, (gint32) line->len);

          if (line->str[at] != '\t')
            {
              line->str[at] = g_rand_boolean (rand) ? '\0' : (char) 0xC3;
              odd = TRUE;
            }
        }
      /* The line at @shift, then 64 bytes of tabs and letters. */
      buffer = g_malloc (shift + line->len + 64);
      memset (buffer, 'x', shift);
      memcpy (buffer + shift, line->str, line->len);
      for (guint i = 0; i < 64; i++)
        buffer[shift + line->len + i] = g_rand_boolean (rand) ? '\t' : 'y';
      p = buffer + shift;
      e = p + line->len;

      for (guint m = 0; m < G_N_ELEMENTS (maxes); m++)
        for (guint wide = 0; wide < 2; wide++)
          {
            guint max = maxes[m];
            BilatField columns[_BILAT_MAX_COLUMNS + _BILAT_COLUMN_SLACK];
            const char *start = p;
            gboolean plain = !odd;
            guint n = 0, got;

            memset (columns, 0, sizeof columns);
            _bilat_reader_set_wide_scan (wide);
            got = _bilat_reader_split (p, e, columns, max, &plain);
            _bilat_reader_set_wide_scan (TRUE);
            if (odd)
              assert_false (plain);
            else
              assert_true (plain);
            for (const char *c = p; c <= e; c++)
              if (c == e || *c == '\t')
                {
                  if (n < max && (columns[n].text != start || columns[n].length != (gsize) (c - start)))
                    fail_msg ("line %u (%s scan, max %u), column %u: %td+%zu, not %td+%td", round,
                              wide ? "wide" : "narrow", max, n, columns[n].text - p, columns[n].length,
                              start - p, c - start);
                  n++;
                  start = c + 1;
                }
            assert_int_equal (got, n);
            assert_int_equal (n, n_fields);
          }
    }
  g_rand_free (rand);
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test (test_items_equal_objects),
    cmocka_unit_test (test_queries_equal_scan),
    cmocka_unit_test (test_objects_and_rows),
    cmocka_unit_test (test_two_imports),
    cmocka_unit_test (test_json_round_trip),
    cmocka_unit_test (test_check_rows),
    cmocka_unit_test (test_count_twice),
    cmocka_unit_test (test_json_rows_equal_objects),
    cmocka_unit_test (test_import_from_files),
    cmocka_unit_test (test_wide_scan_equals_narrow),
    cmocka_unit_test (test_lookup_by_id_either_order),
    cmocka_unit_test (test_decimals_as_strtod),
    cmocka_unit_test (test_many_pairs_equal_scan),
    cmocka_unit_test (test_key_tables),
    cmocka_unit_test (test_split_lines),
  };

  return cmocka_run_group_tests (tests, NULL, NULL);
}
