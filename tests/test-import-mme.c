/* test-import-mme.c: reading the Multinational Military Exercises dataset
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * The fixture tests/data/import/mme.csv has the real 64 columns of MME v7
 * and seven made-up rows: both date forms, a month (`xx`), unknown
 * participants (`-9`), NATO, two names of one state, a name of no state,
 * an impossible date, Russia before and after 1991. The whole of MME is
 * read when the build was given ../shared/data.
 */

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <string.h>

#include <archive.h>
#include <archive_entry.h>
#include <zlib.h>

#include <bilat/bilat.h>

#include "bilat-test-util.h"
#include "bilat-test-files.h"

static BilatImportReport *
import_with (BilatStore        *store,
             GFile             *file,
             BilatImportFlags   flags,
             const char        *query_text,
             GError           **error)
{
  g_autoptr(BilatImporter) importer = bilat_importer_new ();

  bilat_importer_set_flags (importer, flags);
  if (query_text != NULL)
    {
      g_autoptr(BilatQuery) query = bilat_query_parse (query_text, NULL);

      assert_non_null (query);
      bilat_importer_set_query (importer, query);
    }
  return bilat_importer_import (importer, store, &file, 1, error);
}

static BilatExercise *
exercise (BilatStore *store,
          const char *id)
{
  BilatEvent *event = bilat_store_lookup_event (store, id);

  assert_non_null (event);
  assert_true (BILAT_IS_EXERCISE (event));
  return BILAT_EXERCISE (event);
}

static char *
participants_of (BilatExercise *exercise)
{
  GPtrArray *participants = bilat_event_get_participants (BILAT_EVENT (exercise));
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < participants->len; i++)
    g_string_append_printf (out, "%s%s", i > 0 ? " " : "",
                            bilat_participant_get_actor (g_ptr_array_index (participants, i)));
  return g_string_free (out, FALSE);
}

static char *
date_of (BilatExercise *exercise)
{
  return bilat_date_to_string (bilat_event_get_date (BILAT_EVENT (exercise)));
}

/* Every row of the fixture, as what it becomes. */
static void
check_fixture_store (BilatStore *store)
{
  BilatExercise *e;
  g_autofree char *d1 = NULL, *d2 = NULL, *d3 = NULL, *d7 = NULL;
  g_autofree char *p1 = NULL, *p2 = NULL, *p3 = NULL, *p4 = NULL, *p6 = NULL, *p7 = NULL;
  BilatPlace *place;
  BilatActor *nato;

  assert_int_equal (g_list_model_get_n_items (bilat_store_get_events (store)), 6);
  assert_null (bilat_store_lookup_event (store, "mme:5"));

  /* the day form, quotes and commas in a field */
  e = exercise (store, "mme:1");
  d1 = date_of (e);
  assert_string_equal (d1, "1980-01-14/1980-01-21");
  assert_string_equal (bilat_event_get_title (BILAT_EVENT (e)), "Readex 1-80");
  assert_string_equal (bilat_exercise_get_series (e), "Readex");
  assert_string_equal (bilat_event_get_summary (BILAT_EVENT (e)),
                       "realistic \"war-at-sea\" scenario, with submarines");
  assert_int_equal (bilat_exercise_get_domains (e),
                    BILAT_EXERCISE_DOMAINS_SEA | BILAT_EXERCISE_DOMAINS_AMPHIBIOUS);
  assert_int_equal (bilat_exercise_get_missions (e), BILAT_EXERCISE_MISSIONS_WARFIGHTING);
  p1 = participants_of (e);
  assert_string_equal (p1, "NLD GBR USA");
  place = bilat_event_get_place (BILAT_EVENT (e));
  assert_string_equal (bilat_place_get_name (place), "Vieques");
  assert_true (bilat_place_has_coordinates (place));
  assert_float_equal (bilat_place_get_latitude (place), 18.1262854, 1e-9);
  assert_float_equal (bilat_place_get_longitude (place), -65.4400985, 1e-9);
  assert_null (bilat_place_get_country (place));

  /* a month; Russia in 1989 is the Soviet Union; -9 counted */
  e = exercise (store, "mme:2");
  d2 = date_of (e);
  assert_string_equal (d2, "1989-08");
  assert_int_equal (bilat_date_get_precision (bilat_event_get_date (BILAT_EVENT (e))),
                    BILAT_DATE_PRECISION_MONTH);
  p2 = participants_of (e);
  assert_string_equal (p2, "SUN IND");
  assert_int_equal (bilat_exercise_get_unknown_participants (e), 2);
  assert_string_equal (bilat_exercise_get_participant_info (e), "observers from two states");
  assert_false (bilat_place_has_coordinates (bilat_event_get_place (BILAT_EVENT (e))));

  /* a month to a day; NATO; two names of Germany make one participant */
  e = exercise (store, "mme:3");
  d3 = date_of (e);
  assert_string_equal (d3, "1998-03/1998-03-16");
  p3 = participants_of (e);
  assert_string_equal (p3, "nato DEU NOR");
  assert_null (bilat_exercise_get_series (e));
  nato = bilat_store_lookup_actor (store, "nato");
  assert_non_null (nato);
  assert_int_equal (bilat_actor_get_kind (nato), BILAT_ACTOR_KIND_ORGANISATION);
  assert_int_equal (bilat_exercise_get_domains (e),
                    BILAT_EXERCISE_DOMAINS_COMMAND_POST | BILAT_EXERCISE_DOMAINS_AIR |
                    BILAT_EXERCISE_DOMAINS_LAND | BILAT_EXERCISE_DOMAINS_SEA |
                    BILAT_EXERCISE_DOMAINS_AMPHIBIOUS);

  /* the name of no state is left out of the participants (and reported) */
  p4 = participants_of (exercise (store, "mme:4"));
  assert_string_equal (p4, "USA");

  /* Russia after 1991; the store's RUS continues SUN */
  p6 = participants_of (exercise (store, "mme:6"));
  assert_string_equal (p6, "RUS IND");
  assert_string_equal (bilat_actor_get_predecessor (bilat_store_lookup_actor (store, "RUS")),
                       "SUN");
  assert_int_equal (bilat_exercise_get_domains (exercise (store, "mme:6")),
                    BILAT_EXERCISE_DOMAINS_LAND | BILAT_EXERCISE_DOMAINS_CYBER);

  /* accents and punctuation */
  e = exercise (store, "mme:7");
  d7 = date_of (e);
  assert_string_equal (d7, "2005-06");
  p7 = participants_of (e);
  assert_string_equal (p7, "CIV COD SEN USA");
}

static void
test_fixture (void **state)
{
  g_autoptr(BilatStore) store = bilat_store_new ();
  g_autoptr(GFile) file = fixture ("mme.csv");
  g_autoptr(GError) error = NULL;
  g_autoptr(BilatImportReport) report = import_with (store, file, 0, NULL, &error);
  GPtrArray *problems;
  BilatProblem *problem;

  assert_non_null (report);
  assert_int_equal (bilat_import_report_get_format (report), BILAT_EVENT_FORMAT_MME);
  assert_int_equal (bilat_import_report_get_rows (report), 7);
  assert_int_equal (bilat_import_report_get_kept (report), 6);
  assert_int_equal (bilat_import_report_get_bad_rows (report), 1);
  assert_int_equal (bilat_import_report_get_n_problems (report), 2);
  check_fixture_store (store);

  /* the unknown name: line, column and text */
  problems = bilat_import_report_get_problems (report);
  problem = g_ptr_array_index (problems, 0);
  assert_int_equal (bilat_problem_get_code (problem), BILAT_IMPORT_ERROR_UNKNOWN_COUNTRY);
  assert_int_equal (bilat_problem_get_line (problem), 5);
  assert_int_equal (bilat_problem_get_column (problem), 26);
  assert_string_equal (bilat_problem_get_field (problem), "StateA");
  assert_string_equal (bilat_problem_get_record_id (problem), "mme:4");
  assert_non_null (strstr (bilat_problem_get_message (problem), "Atlantis"));

  /* the impossible date: a bad row */
  problem = g_ptr_array_index (problems, 1);
  assert_int_equal (bilat_problem_get_code (problem), BILAT_IMPORT_ERROR_BAD_VALUE);
  assert_int_equal (bilat_problem_get_line (problem), 6);
  assert_string_equal (bilat_problem_get_field (problem), "StartDate");
  assert_non_null (strstr (bilat_problem_get_message (problem), "2/30/95"));
}

/* Strict: the bad date fails the import, and the store is as it was. An
 * unknown name alone is never an error. */
static void
test_strict (void **state)
{
  g_autoptr(BilatStore) store = bilat_store_new ();
  g_autoptr(GFile) file = fixture ("mme.csv");
  g_autoptr(GError) error = NULL;
  g_autoptr(BilatImportReport) report = import_with (store, file, BILAT_IMPORT_FLAGS_STRICT,
                                                     NULL, &error);

  assert_null (report);
  assert_true (g_error_matches (error, BILAT_IMPORT_ERROR, BILAT_IMPORT_ERROR_BAD_VALUE));
  assert_non_null (strstr (error->message, "2/30/95"));
  assert_int_equal (g_list_model_get_n_items (bilat_store_get_events (store)), 0);
  assert_int_equal (g_list_model_get_n_items (bilat_store_get_actors (store)), 0);
}

/* Importing twice: the second finds every exercise in the store. */
static void
test_duplicates (void **state)
{
  g_autoptr(BilatStore) store = bilat_store_new ();
  g_autoptr(GFile) file = fixture ("mme.csv");
  g_autoptr(BilatImportReport) first = import_with (store, file, 0, NULL, NULL);
  g_autoptr(BilatImportReport) second = import_with (store, file, 0, NULL, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(BilatImportReport) strict = NULL;

  assert_non_null (second);
  assert_int_equal (bilat_import_report_get_kept (second), 0);
  assert_int_equal (bilat_import_report_get_duplicates (second), 6);
  assert_int_equal (g_list_model_get_n_items (bilat_store_get_events (store)), 6);

  strict = import_with (store, file, BILAT_IMPORT_FLAGS_STRICT, NULL, &error);
  assert_null (strict);
}

/* gzip and zip read as the plain file. */
static void
test_compressed (void **state)
{
  g_autofree char *dir = test_temp_dir ();
  g_autofree char *gz_path = g_build_filename (dir, "mme.csv.gz", NULL);
  g_autofree char *zip_path = g_build_filename (dir, "mme.zip", NULL);
  g_autoptr(GBytes) plain = fixture_bytes ("mme.csv");
  g_autoptr(GBytes) gz = gzip_bytes (g_bytes_get_data (plain, NULL), g_bytes_get_size (plain));
  const char *members[] = { "mme.csv", NULL };
  const char *paths[] = { gz_path, zip_path };

  test_write_file (gz_path, g_bytes_get_data (gz, NULL), g_bytes_get_size (gz));
  write_zip (zip_path, members);
  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      g_autoptr(BilatStore) store = bilat_store_new ();
      g_autoptr(GFile) file = g_file_new_for_path (paths[i]);
      g_autoptr(BilatImportReport) report = import_with (store, file, 0, NULL, NULL);

      assert_non_null (report);
      assert_int_equal (bilat_import_report_get_kept (report), 6);
      check_fixture_store (store);
    }
  test_remove_dir (dir);
}

/* The import's query selects exercises, following succession. */
static void
test_query (void **state)
{
  g_autoptr(BilatStore) store = bilat_store_new ();
  g_autoptr(GFile) file = fixture ("mme.csv");
  g_autoptr(BilatImportReport) report = import_with (store, file, 0, "dyad:RUS,IND", NULL);
  g_autofree char *ids = NULL;

  assert_non_null (report);
  assert_int_equal (bilat_import_report_get_kept (report), 2);
  assert_int_equal (bilat_import_report_get_matched (report), 2);
  ids = list_ids (bilat_store_get_events (store));
  assert_string_equal (ids, "mme:2 mme:6");
}

/* Saved and loaded, everything is kept. */
static void
test_round_trip (void **state)
{
  g_autoptr(BilatStore) store = bilat_store_new ();
  g_autoptr(BilatStore) loaded = bilat_store_new ();
  g_autoptr(GFile) file = fixture ("mme.csv");
  g_autoptr(BilatImportReport) report = import_with (store, file, 0, NULL, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *saved = bilat_store_save_to_data (store, NULL, &error);
  g_autofree char *again = NULL;

  assert_non_null (saved);
  assert_true (bilat_store_load_from_data (loaded, saved, -1, &error));
  assert_null (error);
  check_fixture_store (loaded);
  again = bilat_store_save_to_data (loaded, NULL, &error);
  assert_string_equal (saved, again);
}

/* Joint exercises per year; RUS counts SUN's before 1992. */
static void
test_counts (void **state)
{
  g_autoptr(BilatStore) store = bilat_store_new ();
  g_autoptr(GFile) file = fixture ("mme.csv");
  g_autoptr(BilatImportReport) report = import_with (store, file, 0, NULL, NULL);
  g_autoptr(BilatQuery) query = bilat_query_new ();
  g_autoptr(BilatExerciseCounts) counts = NULL;
  g_autoptr(BilatExerciseCounts) by_day = NULL;
  g_autoptr(BilatDate) first = NULL;
  g_autofree char *first_text = NULL;
  g_autofree char *csv = NULL;

  bilat_query_set_dyad (query, "RUS", "IND");
  counts = bilat_store_count_exercises (store, query, BILAT_SERIES_UNIT_YEAR);
  assert_int_equal (bilat_exercise_counts_get_total (counts), 2);
  /* 1989 to 2005, without a gap */
  assert_int_equal (bilat_exercise_counts_get_n_periods (counts), 17);
  first = bilat_exercise_counts_get_period (counts, 0);
  first_text = bilat_date_to_string (first);
  assert_string_equal (first_text, "1989");
  assert_int_equal (bilat_exercise_counts_get_exercises (counts, 0), 1);
  assert_int_equal (bilat_exercise_counts_get_exercises (counts, 1), 0);
  assert_int_equal (bilat_exercise_counts_get_exercises (counts, 16), 1);
  assert_int_equal (bilat_exercise_counts_get_domain_count (counts, 0, BILAT_EXERCISE_DOMAINS_SEA), 1);
  assert_int_equal (bilat_exercise_counts_get_domain_count (counts, 16, BILAT_EXERCISE_DOMAINS_CYBER), 1);
  assert_int_equal (bilat_exercise_counts_get_mission_count (counts, 16,
                                                             BILAT_EXERCISE_MISSIONS_PEACEKEEPING), 1);

  csv = bilat_exercise_counts_to_string (counts, BILAT_SERIES_FORMAT_CSV);
  assert_true (g_str_has_prefix (csv, "year,exercises,command_post,air,land,sea,amphibious,"
                                      "cyber,warfighting,peacekeeping,humanitarian\n"
                                      "1989,1,0,0,0,1,0,0,1,0,0\n1990,0,"));

  /* Without succession, RUS has only its own. */
  bilat_query_set_follow_succession (query, FALSE);
  g_clear_object (&counts);
  counts = bilat_store_count_exercises (store, query, BILAT_SERIES_UNIT_YEAR);
  assert_int_equal (bilat_exercise_counts_get_total (counts), 1);
  assert_int_equal (bilat_exercise_counts_get_n_periods (counts), 1);

  /* By day, the month-dated exercises are imprecise. */
  by_day = bilat_store_count_exercises (store, NULL, BILAT_SERIES_UNIT_DAY);
  assert_int_equal (bilat_exercise_counts_get_total (by_day), 6);
  assert_int_equal (bilat_exercise_counts_get_n_imprecise (by_day), 3);
  assert_int_equal (bilat_exercise_counts_get_n_undated (by_day), 0);
}

/* Bad input: not MME after all, a truncated quote, bad flags. */
static void
test_bad_input (void **state)
{
  g_autofree char *dir = test_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "bad.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  static const char text[] =
    "MMEID,Ex_Name,StartDate,EndDate,Air,StateA,StateB\n"
    "mme1,A,1/1/90,1/2/90,2,India,Nepal\n"                 /* a flag that is not 0 or 1 */
    "mme2,B,13/1/90,1/2/90,0,India,Nepal\n"                /* month 13 */
    "mme3,C,1990-13-xx,1990-12-xx,0,India,Nepal\n"         /* month 13, xx */
    "mme4,D,1/1/90,1/2/90,0,India\n"                       /* a column short */
    "mme5,E,1/5/90,1/2/90,1,India,Nepal\n"                 /* ends before it starts: kept */
    "mme6,\"F, unterminated,1/1/90,1/2/90,0,India,Nepal\n";
  g_autoptr(BilatStore) store = bilat_store_new ();
  g_autoptr(BilatImportReport) report = NULL;
  g_autoptr(BilatImporter) gdelt = bilat_importer_new ();
  g_autoptr(GError) error = NULL;

  test_write_file (path, text, strlen (text));
  report = import_with (store, file, 0, NULL, &error);
  assert_non_null (report);
  assert_int_equal (bilat_import_report_get_rows (report), 6);
  assert_int_equal (bilat_import_report_get_bad_rows (report), 5);
  assert_int_equal (bilat_import_report_get_kept (report), 1);
  assert_non_null (bilat_store_lookup_event (store, "mme:5"));

  /* Coordinates without a location: no place (a place is named), said. */
  {
    static const char placeless[] =
      "MMEID,Location,lat,lon,StartDate,EndDate,StateA\n"
      "mme8,,10.5,20.5,1/1/90,1/2/90,India\n"
      "mme9,Here,95,20.5,1/1/90,1/2/90,India\n";
    g_autofree char *placeless_path = g_build_filename (dir, "placeless.csv", NULL);
    g_autoptr(GFile) placeless_file = g_file_new_for_path (placeless_path);
    g_autoptr(BilatImportReport) placeless_report = NULL;

    test_write_file (placeless_path, placeless, strlen (placeless));
    placeless_report = import_with (store, placeless_file, 0, NULL, NULL);
    assert_non_null (placeless_report);
    assert_int_equal (bilat_import_report_get_kept (placeless_report), 1);
    assert_int_equal (bilat_import_report_get_bad_rows (placeless_report), 1);
    assert_null (bilat_event_get_place (bilat_store_lookup_event (store, "mme:8")));
  }

  /* Asked for GDELT, MME is refused. */
  bilat_importer_set_format (gdelt, BILAT_EVENT_FORMAT_GDELT2);
  assert_null (bilat_importer_import (gdelt, store, &file, 1, &error));
  assert_true (g_error_matches (error, BILAT_IMPORT_ERROR, BILAT_IMPORT_ERROR_UNKNOWN_FORMAT));
  test_remove_dir (dir);
}

/* The whole of MME v7, when the build has it. */
static void
test_real (void **state)
{
  const char *shared = g_getenv ("BILAT_SHARED_DATA");
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(BilatStore) store = bilat_store_new ();
  g_autoptr(BilatImportReport) report = NULL;
  GPtrArray *problems;

  if (shared == NULL || *shared == '\0')
    {
      print_message ("skipped: no shared data (configure with -Dshared_data=DIR)\n");
      skip ();
    }
  path = g_build_filename (shared, "mme", "mme_v7.csv", NULL);
  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      print_message ("skipped: %s is absent\n", path);
      skip ();
    }
  file = g_file_new_for_path (path);
  report = import_with (store, file, 0, NULL, NULL);
  assert_non_null (report);
  assert_int_equal (bilat_import_report_get_rows (report), 3707);
  assert_int_equal (bilat_import_report_get_kept (report), 3707);
  assert_int_equal (bilat_import_report_get_bad_rows (report), 0);
  assert_int_equal (g_list_model_get_n_items (bilat_store_get_events (store)), 3707);

  /* Only names of no state on the day are reported: Baltic States, and
   * South Sudan before its independence. */
  problems = bilat_import_report_get_problems (report);
  for (guint i = 0; i < problems->len; i++)
    {
      BilatProblem *problem = g_ptr_array_index (problems, i);
      const char *message = bilat_problem_get_message (problem);

      if (bilat_problem_get_code (problem) != BILAT_IMPORT_ERROR_UNKNOWN_COUNTRY)
        continue;
      assert_true (strstr (message, "Baltic States") != NULL ||
                   strstr (message, "South Sudan") != NULL);
    }
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test (test_fixture),
    cmocka_unit_test (test_strict),
    cmocka_unit_test (test_duplicates),
    cmocka_unit_test (test_compressed),
    cmocka_unit_test (test_query),
    cmocka_unit_test (test_round_trip),
    cmocka_unit_test (test_counts),
    cmocka_unit_test (test_bad_input),
    cmocka_unit_test (test_real),
  };

  return cmocka_run_group_tests (tests, NULL, NULL);
}
