/* test-import.c: reading GDELT and ICEWS event data into stores and series
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * The fixtures in tests/data/import/ are small files in each real layout
 * (see make-fixtures.py there); compressed and archived copies, truncated
 * and damaged ones are made by the tests at run time.
 */

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <math.h>
#include <string.h>

#include <archive.h>
#include <archive_entry.h>
#include <glib/gstdio.h>
#include <zlib.h>

#include <bilat/bilat.h>

#include "bilat-test-util.h"
#include "bilat-test-files.h"

#include "bilat-id-set-private.h"
#include "bilat-import-private.h"
#include "bilat-inflate-private.h"

/* Helpers */

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

/* An importer of @format and @flags, keeping what @query matches. */
static BilatImporter *
importer_new_for (BilatEventFormat  format,
                  BilatQuery       *query,
                  BilatImportFlags  flags)
{
  BilatImporter *importer = bilat_importer_new ();

  bilat_importer_set_format (importer, format);
  bilat_importer_set_query (importer, query);
  bilat_importer_set_flags (importer, flags);
  return importer;
}

/* The series of @n files for @query, checked to succeed. */
static BilatSeries *
series_of (GFile            **files,
           guint              n_files,
           const char        *query_text,
           BilatSeriesUnit    unit,
           guint              n_threads,
           BilatImportReport **report)
{
  g_autoptr(BilatQuery) query = query_new (query_text);
  g_autoptr(BilatImporter) importer = importer_new_for (BILAT_EVENT_FORMAT_AUTO, query,
                                                        BILAT_IMPORT_FLAGS_NONE);
  g_autoptr(GError) error = NULL;
  BilatSeries *series;

  bilat_importer_set_threads (importer, n_threads);
  series = bilat_importer_compute_series (importer, files, n_files, unit, report, &error);
  if (series == NULL)
    fail_msg ("%s", error->message);
  return series;
}

static BilatSeries *
series_of_fixture (const char         *name,
                   const char         *query_text,
                   BilatSeriesUnit     unit,
                   BilatImportReport **report)
{
  g_autoptr(GFile) file = fixture (name);

  return series_of (&file, 1, query_text, unit, 1, report);
}

static BilatImportReport *
import_fixture (BilatStore       *store,
                const char       *name,
                const char       *query_text,
                BilatImportFlags  flags)
{
  g_autoptr(GFile) file = fixture (name);
  g_autoptr(BilatQuery) query = query_new (query_text);
  g_autoptr(BilatImporter) importer = importer_new_for (BILAT_EVENT_FORMAT_AUTO, query, flags);
  g_autoptr(GError) error = NULL;
  BilatImportReport *report;

  report = bilat_importer_import (importer, store, &file, 1, &error);
  if (report == NULL)
    fail_msg ("%s: %s", name, error->message);
  return report;
}

/* Checks the bin of @period ("2018-10"). */
static void
check_bin (BilatSeries *series,
           const char  *period,
           guint64      count,
           double       goldstein,
           guint64      q1,
           guint64      q2,
           guint64      q3,
           guint64      q4)
{
  for (guint bin = 0; bin < bilat_series_get_n_bins (series); bin++)
    {
      g_autoptr(BilatDate) date = bilat_series_get_bin_date (series, bin);
      g_autofree char *text = bilat_date_to_string (date);

      if (strcmp (text, period) != 0)
        continue;
      if (bilat_series_get_count (series, bin) != count ||
          fabs (bilat_series_get_goldstein_sum (series, bin) - goldstein) > 1e-9 ||
          bilat_series_get_quad_count (series, bin, BILAT_QUAD_CLASS_VERBAL_COOPERATION) != q1 ||
          bilat_series_get_quad_count (series, bin, BILAT_QUAD_CLASS_MATERIAL_COOPERATION) != q2 ||
          bilat_series_get_quad_count (series, bin, BILAT_QUAD_CLASS_VERBAL_CONFLICT) != q3 ||
          bilat_series_get_quad_count (series, bin, BILAT_QUAD_CLASS_MATERIAL_CONFLICT) != q4)
        fail_msg ("%s: %" G_GUINT64_FORMAT " events, Goldstein %.2f, q %" G_GUINT64_FORMAT
                  "/%" G_GUINT64_FORMAT "/%" G_GUINT64_FORMAT "/%" G_GUINT64_FORMAT,
                  period, bilat_series_get_count (series, bin),
                  bilat_series_get_goldstein_sum (series, bin),
                  bilat_series_get_quad_count (series, bin, 1), bilat_series_get_quad_count (series, bin, 2),
                  bilat_series_get_quad_count (series, bin, 3), bilat_series_get_quad_count (series, bin, 4));
      return;
    }
  fail_msg ("no bin %s", period);
}

static void
check_counts (BilatImportReport *report,
              guint64            rows,
              guint64            matched,
              guint64            kept,
              guint64            bad_rows,
              guint64            duplicates)
{
  assert_int_equal (bilat_import_report_get_rows (report), rows);
  assert_int_equal (bilat_import_report_get_matched (report), matched);
  assert_int_equal (bilat_import_report_get_kept (report), kept);
  assert_int_equal (bilat_import_report_get_bad_rows (report), bad_rows);
  assert_int_equal (bilat_import_report_get_duplicates (report), duplicates);
}

static void
check_problem (BilatImportReport *report,
               guint              index,
               BilatImportError   code,
               guint64            line,
               guint              column,
               const char        *field)
{
  GPtrArray *problems = bilat_import_report_get_problems (report);
  BilatProblem *problem;

  assert_true (index < problems->len);
  problem = g_ptr_array_index (problems, index);
  if (bilat_problem_get_domain (problem) != BILAT_IMPORT_ERROR ||
      bilat_problem_get_code (problem) != (int) code ||
      bilat_problem_get_line (problem) != line ||
      bilat_problem_get_column (problem) != column ||
      g_strcmp0 (bilat_problem_get_field (problem), field) != 0)
    {
      g_autofree char *text = bilat_problem_to_string (problem);

      fail_msg ("problem %u is “%s” (code %d)", index, text, bilat_problem_get_code (problem));
    }
}

static GListModel *
event_ids (BilatStore *store)
{
  return bilat_store_get_events (store);
}

static BilatCodedEvent *
coded (BilatStore *store,
       const char *id)
{
  BilatEvent *event = bilat_store_lookup_event (store, id);

  if (event == NULL)
    fail_msg ("no event %s", id);
  assert_true (BILAT_IS_CODED_EVENT (event));
  return BILAT_CODED_EVENT (event);
}

static void
check_participant (BilatEvent *event,
                   const char *actor,
                   BilatRole   role)
{
  BilatRole found;

  if (!bilat_event_has_participant (event, actor, &found))
    fail_msg ("%s: no participant %s", bilat_record_get_id (BILAT_RECORD (event)), actor);
  assert_int_equal (found, role);
}

static int
compare_ids (gconstpointer a,
             gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* The store's events as a sorted, comma-separated list of ids. */
static char *
ids_of (GListModel *events)
{
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < g_list_model_get_n_items (events); i++)
    {
      g_autoptr(BilatRecord) record = g_list_model_get_item (events, i);

      g_ptr_array_add (ids, g_strdup (bilat_record_get_id (record)));
    }
  g_ptr_array_sort (ids, compare_ids);
  g_ptr_array_add (ids, NULL);
  return g_strjoinv (",", (char **) ids->pdata);
}

/* Tests */

static void
test_code_tables (void **state)
{
  assert_string_equal (bilat_country_from_fips ("RS"), "RUS");
  assert_string_equal (bilat_country_from_fips ("PK"), "PAK");
  assert_string_equal (bilat_country_from_fips ("CH"), "CHN");
  assert_string_equal (bilat_country_from_fips ("UK"), "GBR");
  assert_string_equal (bilat_country_from_fips ("GM"), "DEU");
  assert_string_equal (bilat_country_from_fips ("WQ"), "UMI");
  assert_string_equal (bilat_country_from_fips ("YI"), "YUG");
  assert_null (bilat_country_from_fips ("KV"));
  assert_null (bilat_country_from_fips ("OS"));
  assert_null (bilat_country_from_fips ("rs"));
  assert_null (bilat_country_from_fips ("RSS"));
  assert_string_equal (bilat_fips_country_get_name ("RS"), "Russia");
  assert_string_equal (bilat_fips_country_get_name ("GV"), "Guinea");
  assert_string_equal (bilat_fips_country_get_name ("KV"), "Kosovo");
  assert_null (bilat_fips_country_get_name ("QQ"));
  assert_int_equal (g_strv_length ((char **) bilat_fips_country_get_codes ()), 275);

  assert_string_equal (bilat_cameo_country_to_iso ("PAK"), "PAK");
  assert_string_equal (bilat_cameo_country_to_iso ("ROM"), "ROU");
  assert_string_equal (bilat_cameo_country_to_iso ("MTN"), "MNE");
  assert_null (bilat_cameo_country_to_iso ("EUR"));
  assert_null (bilat_cameo_country_to_iso ("XXX"));
  assert_string_equal (bilat_cameo_country_get_name ("EUR"), "Europe");
  assert_string_equal (bilat_cameo_country_get_name ("COL"), "Colombia");
  assert_int_equal (g_strv_length ((char **) bilat_cameo_country_get_codes ()), 261);

  assert_string_equal (bilat_cameo_actor_type_get_name ("GOV"), "Government");
  assert_string_equal (bilat_cameo_actor_type_get_name ("IGO"), "Inter-Governmental Organization");
  assert_null (bilat_cameo_actor_type_get_name ("gov"));
  assert_int_equal (g_strv_length ((char **) bilat_cameo_actor_type_get_codes ()), 39);

  assert_string_equal (bilat_country_from_name ("Russian Federation"), "RUS");
  assert_string_equal (bilat_country_from_name ("PAKISTAN"), "PAK");
  assert_string_equal (bilat_country_from_name ("Occupied Palestinian Territory"), "PSE");
  assert_string_equal (bilat_country_from_name ("Democratic Republic of Congo"), "COD");
  assert_string_equal (bilat_country_from_name ("Moldova, Republic of"), "MDA");
  assert_string_equal (bilat_country_from_name ("Korea, Republic of"), "KOR");
  assert_null (bilat_country_from_name ("Kosovo"));
  assert_null (bilat_country_from_name (""));
}

static void
test_id_set (void **state)
{
  BilatIdSet *set = _bilat_id_set_new ();

  /* Dense and ascending, as real ids are: one chunk turns into a bitmap. */
  for (guint64 id = 800000000; id < 800000000 + 70000; id++)
    assert_true (_bilat_id_set_add (set, id));
  for (guint64 id = 800000000; id < 800000000 + 70000; id += 7)
    {
      assert_false (_bilat_id_set_add (set, id));
      assert_true (_bilat_id_set_contains (set, id));
    }
  assert_false (_bilat_id_set_contains (set, 800000000 + 70000));

  /* Sparse, descending, and at the ends of the range. */
  for (gint64 id = 5000000; id > 0; id -= 4999)
    assert_true (_bilat_id_set_add (set, id));
  assert_false (_bilat_id_set_add (set, 5000000));
  assert_true (_bilat_id_set_contains (set, 5000000 - 4999 * 3));
  assert_false (_bilat_id_set_contains (set, 5000000 - 4999 * 3 + 1));
  assert_true (_bilat_id_set_add (set, 0));
  assert_true (_bilat_id_set_add (set, G_MAXUINT64));
  assert_false (_bilat_id_set_add (set, G_MAXUINT64));
  _bilat_id_set_free (set);
}

static void
test_gdelt2_series (void **state)
{
  g_autoptr(BilatImportReport) report = NULL;
  g_autoptr(BilatSeries) dyad = series_of_fixture ("gdelt2.export.CSV", "dyad:PAK,RUS",
                                                   BILAT_SERIES_UNIT_MONTH, &report);
  g_autoptr(BilatSeries) all = NULL;
  g_autoptr(BilatSeries) romania = NULL;
  g_autoptr(BilatSeries) europe = NULL;
  g_autoptr(BilatSeries) same = NULL;
  g_autoptr(BilatSeries) pakistan = NULL;

  assert_int_equal (bilat_import_report_get_format (report), BILAT_EVENT_FORMAT_GDELT2);
  assert_int_equal (bilat_import_report_get_n_files (report), 1);
  check_counts (report, 12, 5, 5, 0, 0);
  assert_int_equal (bilat_series_get_total (dyad), 5);
  assert_int_equal (bilat_series_get_n_bins (dyad), 6);
  check_bin (dyad, "2018-10", 2, 4.0 + 1.9, 2, 0, 0, 0);
  check_bin (dyad, "2018-11", 1, -10.0, 0, 0, 0, 1);
  check_bin (dyad, "2018-12", 0, 0.0, 0, 0, 0, 0);
  /* 061 is 6.4 in the table; the file says 7.0 and wins. */
  check_bin (dyad, "2019-01", 1, 7.0, 0, 1, 0, 0);
  check_bin (dyad, "2019-03", 1, -5.0, 0, 0, 0, 1);

  all = series_of_fixture ("gdelt2.export.CSV", NULL, BILAT_SERIES_UNIT_YEAR, NULL);
  check_bin (all, "2018", 5, 4.0 + 1.9 - 10.0 + 1.9 + 8.0, 4, 0, 0, 1);
  check_bin (all, "2019", 7, 7.0 + 2.8 - 2.0 + 0.0 + 3.0 - 5.0 + 3.4, 4, 1, 1, 1);

  /* GDELT's ROM is Romania, ISO ROU; regions keep their CAMEO code. */
  romania = series_of_fixture ("gdelt2.export.CSV", "dyad:ROU,RUS", BILAT_SERIES_UNIT_YEAR, NULL);
  assert_int_equal (bilat_series_get_total (romania), 1);
  europe = series_of_fixture ("gdelt2.export.CSV", "dyad:RUS,EUR", BILAT_SERIES_UNIT_YEAR, NULL);
  assert_int_equal (bilat_series_get_total (europe), 1);
  /* A dyad of one actor: the query language refuses it, the API does
   * not, and no event has two different participants that are one. */
  {
    g_autoptr(GFile) file = fixture ("gdelt2.export.CSV");
    g_autoptr(BilatQuery) query = bilat_query_new ();
    g_autoptr(BilatImporter) importer = bilat_importer_new ();

    bilat_query_set_dyad (query, "PAK", "PAK");
    bilat_importer_set_query (importer, query);
    same = bilat_importer_compute_series (importer, &file, 1, BILAT_SERIES_UNIT_YEAR, NULL, NULL);
    assert_int_equal (bilat_series_get_total (same), 0);
  }
  pakistan = series_of_fixture ("gdelt2.export.CSV", "actor:PAK", BILAT_SERIES_UNIT_DAY, NULL);
  assert_int_equal (bilat_series_get_total (pakistan), 8);
}

static void
test_gdelt2_import (void **state)
{
  g_autoptr(BilatStore) store = bilat_store_new ();
  g_autoptr(BilatImportReport) report = import_fixture (store, "gdelt2.export.CSV", "dyad:PAK,RUS",
                                                        BILAT_IMPORT_FLAGS_NONE);
  g_autoptr(BilatQuery) dyad = query_new ("dyad:PAK,RUS");
  g_autoptr(BilatSeries) from_store = NULL;
  g_autoptr(BilatSeries) from_file = NULL;
  BilatCodedEvent *first;
  BilatEvent *event;
  BilatPlace *place;
  BilatCitation *citation;
  BilatSource *source;
  BilatActor *actor;
  g_autofree char *date_added = NULL;

  check_counts (report, 12, 5, 5, 0, 0);
  assert_int_equal (g_list_model_get_n_items (bilat_store_get_events (store)), 5);

  first = coded (store, "gdelt:900000001");
  event = BILAT_EVENT (first);
  assert_int_equal (bilat_coded_event_get_dataset (first), BILAT_EVENT_FORMAT_GDELT2);
  check_participant (event, "PAK", BILAT_ROLE_INITIATOR);
  check_participant (event, "RUS", BILAT_ROLE_TARGET);
  assert_int_equal (bilat_event_get_participants (event)->len, 2);
  assert_string_equal (bilat_event_get_cameo_code (event), "036");
  assert_true (bilat_event_get_goldstein (event) == 4.0);
  assert_true (isnan (bilat_event_get_own_goldstein (event)));
  assert_int_equal (bilat_event_get_quad_class (event), BILAT_QUAD_CLASS_VERBAL_COOPERATION);
  assert_string_equal (bilat_event_get_title (event),
                       "PAKISTAN → RUSSIA: Express intent to meet or negotiate");
  place = bilat_event_get_place (event);
  assert_non_null (place);
  assert_string_equal (bilat_place_get_name (place), "Moscow, Moskva, Russia");
  assert_string_equal (bilat_place_get_country (place), "RUS");
  assert_true (bilat_place_has_coordinates (place));
  assert_true (bilat_place_get_latitude (place) == 55.7522);
  assert_true (bilat_place_get_longitude (place) == 37.6156);
  assert_string_equal (bilat_coded_event_get_actor1_code (first), "PAKGOV");
  assert_string_equal (bilat_coded_event_get_actor1_name (first), "PAKISTAN");
  assert_string_equal (bilat_coded_event_get_actor1_types (first), "GOV");
  assert_string_equal (bilat_coded_event_get_actor2_code (first), "RUSGOV");
  assert_true (bilat_coded_event_get_root_event (first));
  assert_int_equal (bilat_coded_event_get_mentions (first), 10);
  assert_int_equal (bilat_coded_event_get_sources (first), 2);
  assert_int_equal (bilat_coded_event_get_articles (first), 10);
  assert_true (bilat_coded_event_get_tone (first) == -1.25);
  assert_string_equal (bilat_coded_event_get_url (first),
                       "https://example.org/2018/10/pakistan-russia-talks");
  date_added = bilat_date_to_string (bilat_coded_event_get_date_added (first));
  assert_string_equal (date_added, "2018-10-15");

  /* The article is a source; two events coded from it share it. */
  assert_int_equal (bilat_record_get_citations (BILAT_RECORD (event))->len, 1);
  citation = g_ptr_array_index (bilat_record_get_citations (BILAT_RECORD (event)), 0);
  source = bilat_store_lookup_source (store, bilat_citation_get_source (citation));
  assert_non_null (source);
  assert_true (g_str_has_prefix (bilat_record_get_id (BILAT_RECORD (source)), "url:"));
  assert_string_equal (bilat_source_get_url (source), "https://example.org/2018/10/pakistan-russia-talks");
  citation = g_ptr_array_index (bilat_record_get_citations (BILAT_RECORD (coded (store, "gdelt:900000002"))), 0);
  assert_ptr_equal (bilat_store_lookup_source (store, bilat_citation_get_source (citation)), source);
  assert_int_equal (g_list_model_get_n_items (bilat_store_get_sources (store)), 4);

  /* The file's score wins where it differs from the table. */
  event = BILAT_EVENT (coded (store, "gdelt:900000006"));
  assert_true (bilat_event_get_goldstein (event) == 7.0);
  assert_true (bilat_event_get_own_goldstein (event) == 7.0);
  assert_true (bilat_cameo_get_goldstein ("061") == 6.4);

  /* No place: GDELT's geo type 0. */
  assert_null (bilat_event_get_place (BILAT_EVENT (coded (store, "gdelt:900000011"))));

  actor = bilat_store_lookup_actor (store, "PAK");
  assert_non_null (actor);
  assert_int_equal (bilat_actor_get_kind (actor), BILAT_ACTOR_KIND_STATE);
  /* PAK, RUS, and SUN, which RUS continues (the succession the reader
   * resolved the codes with). */
  assert_int_equal (g_list_model_get_n_items (bilat_store_get_actors (store)), 3);
  assert_string_equal (bilat_actor_get_predecessor (bilat_store_lookup_actor (store, "RUS")), "SUN");

  /* The store's series is the one streamed from the file. */
  from_store = bilat_store_compute_series (store, dyad, BILAT_SERIES_UNIT_MONTH);
  from_file = series_of_fixture ("gdelt2.export.CSV", "dyad:PAK,RUS", BILAT_SERIES_UNIT_MONTH, NULL);
  assert_true (bilat_series_equal (from_store, from_file));
}

static void
test_gdelt2_import_all (void **state)
{
  g_autoptr(BilatStore) store = bilat_store_new ();
  g_autoptr(BilatImportReport) report = import_fixture (store, "gdelt2.export.CSV", NULL,
                                                        BILAT_IMPORT_FLAGS_NONE);
  BilatEvent *event;
  BilatActor *actor;
  BilatPlace *place;

  check_counts (report, 12, 12, 12, 0, 0);
  assert_int_equal (g_list_model_get_n_items (bilat_store_get_events (store)), 12);

  event = BILAT_EVENT (coded (store, "gdelt:900000007"));
  check_participant (event, "ROU", BILAT_ROLE_INITIATOR);
  actor = bilat_store_lookup_actor (store, "ROU");
  assert_int_equal (bilat_actor_get_kind (actor), BILAT_ACTOR_KIND_STATE);
  assert_string_equal (bilat_coded_event_get_actor1_code (BILAT_CODED_EVENT (event)), "ROMGOV");

  actor = bilat_store_lookup_actor (store, "EUR");
  assert_non_null (actor);
  assert_int_equal (bilat_actor_get_kind (actor), BILAT_ACTOR_KIND_GROUP);
  assert_string_equal (bilat_actor_get_name (actor), "Europe");

  /* One country on both sides takes part once. */
  event = BILAT_EVENT (coded (store, "gdelt:900000009"));
  assert_int_equal (bilat_event_get_participants (event)->len, 1);
  check_participant (event, "PAK", BILAT_ROLE_INITIATOR);
  assert_string_equal (bilat_event_get_title (event), "PAKISTAN → PAKISTAN: Make statement");

  /* A side without a country has no participant. */
  event = BILAT_EVENT (coded (store, "gdelt:900000010"));
  assert_int_equal (bilat_event_get_participants (event)->len, 1);
  assert_string_equal (bilat_event_get_title (event), "PAKISTAN: Make an appeal or request");
  event = BILAT_EVENT (coded (store, "gdelt:900000012"));
  assert_int_equal (bilat_event_get_participants (event)->len, 1);
  check_participant (event, "RUS", BILAT_ROLE_TARGET);
  assert_string_equal (bilat_event_get_title (event), "GOV → RUSSIA: Praise or endorse");

  /* An ocean has no ISO country. */
  place = bilat_event_get_place (event);
  assert_string_equal (bilat_place_get_name (place), "Indian Ocean");
  assert_null (bilat_place_get_country (place));
  /* With SUN, which RUS continues. */
  assert_int_equal (g_list_model_get_n_items (bilat_store_get_actors (store)), 7);
}

static void
test_gdelt1_layouts (void **state)
{
  g_autoptr(BilatImportReport) daily_report = NULL;
  g_autoptr(BilatImportReport) backfile_report = NULL;
  g_autoptr(BilatImportReport) mixed_report = NULL;
  g_autoptr(BilatSeries) daily = series_of_fixture ("gdelt1-daily.export.CSV", "dyad:PAK,RUS",
                                                    BILAT_SERIES_UNIT_MONTH, &daily_report);
  g_autoptr(BilatSeries) backfile = series_of_fixture ("gdelt1-backfile.CSV", "dyad:PAK,RUS",
                                                       BILAT_SERIES_UNIT_MONTH, &backfile_report);
  g_autoptr(BilatSeries) mixed = NULL;
  g_autoptr(BilatStore) store = bilat_store_new ();
  g_autoptr(BilatImporter) gdelt1_strict = importer_new_for (BILAT_EVENT_FORMAT_GDELT1, NULL,
                                                             BILAT_IMPORT_FLAGS_STRICT);
  g_autoptr(BilatImportReport) report = NULL;
  g_autoptr(GBytes) first = fixture_bytes ("gdelt1-daily.export.CSV");
  g_autoptr(GBytes) second = fixture_bytes ("gdelt1-backfile.CSV");
  g_autofree char *dir = test_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "mixed.CSV", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GByteArray) both = g_byte_array_new ();
  g_autofree char *added = NULL;
  BilatCodedEvent *event;

  assert_int_equal (bilat_import_report_get_format (daily_report), BILAT_EVENT_FORMAT_GDELT1);
  check_counts (daily_report, 5, 3, 3, 0, 0);
  check_bin (daily, "2016-07", 3, 1.0 + 5.2 - 5.0, 2, 0, 1, 0);

  assert_int_equal (bilat_import_report_get_format (backfile_report), BILAT_EVENT_FORMAT_GDELT1);
  check_counts (backfile_report, 4, 2, 2, 0, 0);
  check_bin (backfile, "1982-01", 1, -2.0, 0, 0, 1, 0);
  check_bin (backfile, "1982-02", 1, 7.0, 1, 0, 0, 0);

  /* Both layouts in one file, as GDELT's own samples have them. */
  g_byte_array_append (both, g_bytes_get_data (first, NULL), g_bytes_get_size (first));
  g_byte_array_append (both, g_bytes_get_data (second, NULL), g_bytes_get_size (second));
  test_write_file (path, both->data, both->len);
  mixed = series_of (&file, 1, "dyad:PAK,RUS", BILAT_SERIES_UNIT_YEAR, 1, &mixed_report);
  check_counts (mixed_report, 9, 5, 5, 0, 0);
  check_bin (mixed, "2016", 3, 1.2, 2, 0, 1, 0);
  check_bin (mixed, "1982", 2, 5.0, 1, 0, 1, 0);

  report = bilat_importer_import (gdelt1_strict, store, &file, 1, NULL);
  assert_non_null (report);
  check_counts (report, 9, 9, 9, 0, 0);
  event = coded (store, "gdelt:564100002");
  assert_int_equal (bilat_coded_event_get_dataset (event), BILAT_EVENT_FORMAT_GDELT1);
  assert_string_equal (bilat_coded_event_get_url (event), "http://example.com/2");
  added = bilat_date_to_string (bilat_coded_event_get_date_added (event));
  assert_string_equal (added, "2016-07-28");
  /* The backfile has no SOURCEURL, so no source. */
  event = coded (store, "gdelt:1552003");
  assert_null (bilat_coded_event_get_url (event));
  assert_int_equal (bilat_record_get_citations (BILAT_RECORD (event))->len, 0);
  assert_true (bilat_event_get_goldstein (BILAT_EVENT (event)) == 7.0);
  assert_true (isnan (bilat_event_get_own_goldstein (BILAT_EVENT (event))));

  test_remove_dir (dir);
}

static void
test_icews (void **state)
{
  g_autoptr(BilatImportReport) report = NULL;
  g_autoptr(BilatSeries) dyad = series_of_fixture ("icews.tab", "dyad:RUS,PAK", BILAT_SERIES_UNIT_MONTH,
                                                   &report);
  g_autoptr(BilatStore) store = bilat_store_new ();
  g_autoptr(BilatImportReport) imported = NULL;
  BilatCodedEvent *event;
  BilatPlace *place;
  BilatCitation *citation;
  BilatSource *source;

  assert_int_equal (bilat_import_report_get_format (report), BILAT_EVENT_FORMAT_ICEWS);
  /* The repeated row and the reused Event ID are counted once. */
  check_counts (report, 9, 5, 3, 0, 2);
  check_bin (dyad, "2018-06", 3, 1.9 + 4.0 - 6.5, 2, 0, 0, 1);
  assert_int_equal (bilat_series_get_n_bins (dyad), 1);
  check_problem (report, 0, BILAT_IMPORT_ERROR_DUPLICATE_ID, 3, 1, "Event ID");
  check_problem (report, 1, BILAT_IMPORT_ERROR_DUPLICATE_ID, 10, 1, "Event ID");
  assert_int_equal (bilat_import_report_get_n_problems (report), 2);

  imported = import_fixture (store, "icews.tab", NULL, BILAT_IMPORT_FLAGS_NONE);
  check_counts (imported, 9, 9, 7, 0, 2);
  /* Kosovo is a state in 2018 (the identity tables': from 2008-02-20),
   * an actor; it has no ISO code for a place's country: reported, never
   * an error. */
  assert_int_equal (bilat_import_report_get_n_problems (imported), 3);
  check_problem (imported, 1, BILAT_IMPORT_ERROR_UNKNOWN_COUNTRY, 7, 18, "Country");

  event = coded (store, "icews:40000003");
  assert_int_equal (bilat_coded_event_get_dataset (event), BILAT_EVENT_FORMAT_ICEWS);
  check_participant (BILAT_EVENT (event), "PAK", BILAT_ROLE_INITIATOR);
  check_participant (BILAT_EVENT (event), "RUS", BILAT_ROLE_TARGET);
  /* ICEWS scores 164 at -6.5, GDELT's table at -7.0: the file wins. */
  assert_true (bilat_event_get_goldstein (BILAT_EVENT (event)) == -6.5);
  assert_true (bilat_event_get_own_goldstein (BILAT_EVENT (event)) == -6.5);
  assert_string_equal (bilat_event_get_title (BILAT_EVENT (event)),
                       "Government (Pakistan) → Government (Russia): Halt negotiations");
  assert_string_equal (bilat_coded_event_get_actor1_name (event), "Government (Pakistan)");
  assert_string_equal (bilat_coded_event_get_actor1_types (event), "Executive,Government");
  assert_null (bilat_coded_event_get_actor1_code (event));
  assert_true (isnan (bilat_coded_event_get_tone (event)));
  place = bilat_event_get_place (BILAT_EVENT (event));
  assert_string_equal (bilat_place_get_name (place), "Moscow, Moskva, Russian Federation");
  assert_string_equal (bilat_place_get_country (place), "RUS");
  citation = g_ptr_array_index (bilat_record_get_citations (BILAT_RECORD (event)), 0);
  assert_string_equal (bilat_citation_get_source (citation), "icews-story:50000002");
  source = bilat_store_lookup_source (store, "icews-story:50000002");
  assert_string_equal (bilat_source_get_publisher (source), "Dawn");

  /* NA: no country, no place. */
  event = coded (store, "icews:40000004");
  assert_int_equal (bilat_event_get_participants (BILAT_EVENT (event))->len, 1);
  check_participant (BILAT_EVENT (event), "PAK", BILAT_ROLE_TARGET);
  assert_null (bilat_event_get_place (BILAT_EVENT (event)));
  event = coded (store, "icews:40000006");
  check_participant (BILAT_EVENT (event), "PSE", BILAT_ROLE_INITIATOR);
  check_participant (BILAT_EVENT (event), "ISR", BILAT_ROLE_TARGET);
  event = coded (store, "icews:40000005");
  check_participant (BILAT_EVENT (event), "kosovo", BILAT_ROLE_INITIATOR);
  check_participant (BILAT_EVENT (event), "SRB", BILAT_ROLE_TARGET);
  assert_int_equal (bilat_event_get_participants (BILAT_EVENT (event))->len, 2);
  place = bilat_event_get_place (BILAT_EVENT (event));
  assert_string_equal (bilat_place_get_name (place), "Pristina, Kosovo");
  assert_null (bilat_place_get_country (place));
  /* The first of the rows with a reused id is kept. */
  event = coded (store, "icews:40000003");
  assert_string_equal (bilat_event_get_cameo_code (BILAT_EVENT (event)), "164");
}

static void
test_bad_rows (void **state)
{
  g_autoptr(BilatImportReport) report = NULL;
  g_autoptr(BilatImportReport) dyad_report = NULL;
  g_autoptr(BilatImportReport) icews_report = NULL;
  g_autoptr(BilatSeries) series = series_of_fixture ("gdelt2-bad.export.CSV", NULL,
                                                     BILAT_SERIES_UNIT_MONTH, &report);
  g_autoptr(BilatSeries) dyad = series_of_fixture ("gdelt2-bad.export.CSV", "dyad:PAK,RUS",
                                                   BILAT_SERIES_UNIT_MONTH, &dyad_report);
  g_autoptr(BilatSeries) icews = series_of_fixture ("icews-bad.tab", NULL, BILAT_SERIES_UNIT_MONTH,
                                                    &icews_report);
  g_autofree char *text = NULL;

  check_counts (report, 15, 4, 3, 11, 1);
  check_bin (series, "2018-10", 1, 4.0, 1, 0, 0, 0);
  check_bin (series, "2018-11", 2, -10.0 + 6.4, 0, 1, 0, 1);
  check_problem (report, 0, BILAT_IMPORT_ERROR_BAD_ROW, 2, 0, NULL);
  check_problem (report, 1, BILAT_IMPORT_ERROR_BAD_VALUE, 3, 2, "SQLDATE");
  check_problem (report, 2, BILAT_IMPORT_ERROR_BAD_VALUE, 4, 31, "GoldsteinScale");
  check_problem (report, 3, BILAT_IMPORT_ERROR_BAD_VALUE, 5, 31, "GoldsteinScale");
  check_problem (report, 4, BILAT_IMPORT_ERROR_BAD_VALUE, 6, 32, "NumMentions");
  check_problem (report, 5, BILAT_IMPORT_ERROR_BAD_VALUE, 7, 57, "ActionGeo_Lat");
  check_problem (report, 6, BILAT_IMPORT_ERROR_BAD_VALUE, 8, 27, "EventCode");
  check_problem (report, 7, BILAT_IMPORT_ERROR_BAD_VALUE, 9, 1, "GLOBALEVENTID");
  check_problem (report, 8, BILAT_IMPORT_ERROR_BAD_VALUE, 10, 7, "Actor1Name");
  check_problem (report, 9, BILAT_IMPORT_ERROR_DUPLICATE_ID, 11, 1, "GLOBALEVENTID");
  check_problem (report, 10, BILAT_IMPORT_ERROR_BAD_ROW, 14, 0, NULL);
  check_problem (report, 11, BILAT_IMPORT_ERROR_BAD_VALUE, 15, 60, "DATEADDED");
  assert_int_equal (bilat_import_report_get_n_problems (report), 12);
  assert_int_equal (bilat_import_report_get_problems (report)->len, 12);

  text = bilat_problem_to_string (g_ptr_array_index (bilat_import_report_get_problems (report), 2));
  assert_true (g_str_has_suffix (text, "gdelt2-bad.export.CSV:4: column 31 (GoldsteinScale): "
                                       "not a Goldstein score from -10 to 10: “abc”"));
  assert_string_equal (bilat_problem_get_record_id (g_ptr_array_index (bilat_import_report_get_problems (report), 2)),
                       "gdelt:910000004");
  assert_null (bilat_problem_get_record_id (g_ptr_array_index (bilat_import_report_get_problems (report), 0)));

  /* A dyad filter reads these rows too. */
  check_counts (dyad_report, 15, 4, 3, 11, 1);
  assert_true (bilat_series_equal (series, dyad));

  check_counts (icews_report, 6, 2, 2, 4, 0);
  check_problem (icews_report, 0, BILAT_IMPORT_ERROR_BAD_ROW, 3, 0, NULL);
  check_problem (icews_report, 1, BILAT_IMPORT_ERROR_BAD_VALUE, 4, 2, "Event Date");
  check_problem (icews_report, 2, BILAT_IMPORT_ERROR_BAD_VALUE, 5, 8, "Intensity");
  check_problem (icews_report, 3, BILAT_IMPORT_ERROR_BAD_VALUE, 6, 19, "Latitude");
  check_bin (icews, "2018-06", 2, 1.0 + 3.4, 2, 0, 0, 0);
}

static void
test_strict (void **state)
{
  g_autoptr(BilatStore) store = bilat_store_new ();
  g_autoptr(GFile) bad = fixture ("gdelt2-bad.export.CSV");
  g_autoptr(GFile) icews = fixture ("icews.tab");
  g_autoptr(BilatImporter) strict = importer_new_for (BILAT_EVENT_FORMAT_AUTO, NULL,
                                                      BILAT_IMPORT_FLAGS_STRICT);
  g_autoptr(GError) error = NULL;
  g_autoptr(BilatImportReport) report = NULL;
  g_autoptr(BilatSeries) series = NULL;

  report = bilat_importer_import (strict, store, &bad, 1, &error);
  assert_null (report);
  assert_true (g_error_matches (error, BILAT_IMPORT_ERROR, BILAT_IMPORT_ERROR_BAD_ROW));
  assert_true (strstr (error->message, "gdelt2-bad.export.CSV:2: 60 columns instead of 61") != NULL);
  assert_int_equal (g_list_model_get_n_items (bilat_store_get_events (store)), 0);
  assert_int_equal (g_list_model_get_n_items (bilat_store_get_actors (store)), 0);
  g_clear_error (&error);

  series = bilat_importer_compute_series (strict, &bad, 1, BILAT_SERIES_UNIT_DAY, NULL, &error);
  assert_null (series);
  assert_true (g_error_matches (error, BILAT_IMPORT_ERROR, BILAT_IMPORT_ERROR_BAD_ROW));
  g_clear_error (&error);

  /* Duplicates fail a strict import; unknown country names do not. */
  report = bilat_importer_import (strict, store, &icews, 1, &error);
  assert_null (report);
  assert_true (g_error_matches (error, BILAT_IMPORT_ERROR, BILAT_IMPORT_ERROR_DUPLICATE_ID));
  assert_true (strstr (error->message, "icews.tab:3: column 1 (Event ID)") != NULL);
  assert_int_equal (g_list_model_get_n_items (bilat_store_get_events (store)), 0);
  g_clear_error (&error);

  report = import_fixture (store, "icews.tab", "dyad:IND,PAK", BILAT_IMPORT_FLAGS_STRICT);
  check_counts (report, 9, 1, 1, 0, 0);
}

static void
test_duplicates_with_store (void **state)
{
  g_autoptr(BilatStore) store = bilat_store_new ();
  g_autoptr(BilatImportReport) first = import_fixture (store, "gdelt2.export.CSV", "dyad:PAK,RUS",
                                                       BILAT_IMPORT_FLAGS_NONE);
  g_autoptr(BilatImportReport) second = import_fixture (store, "gdelt2.export.CSV", NULL,
                                                        BILAT_IMPORT_FLAGS_NONE);
  g_autoptr(GFile) file = fixture ("gdelt2.export.CSV");
  g_autoptr(BilatImporter) strict = importer_new_for (BILAT_EVENT_FORMAT_AUTO, NULL,
                                                      BILAT_IMPORT_FLAGS_STRICT);
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  BilatImportReport *failed;

  check_counts (first, 12, 5, 5, 0, 0);
  /* The five already there are duplicates; the rest are new. */
  check_counts (second, 12, 12, 7, 0, 5);
  check_problem (second, 0, BILAT_IMPORT_ERROR_DUPLICATE_ID, 1, 1, NULL);
  assert_string_equal (bilat_problem_get_record_id (g_ptr_array_index (bilat_import_report_get_problems (second), 0)),
                       "gdelt:900000001");
  assert_int_equal (g_list_model_get_n_items (bilat_store_get_events (store)), 12);

  before = ids_of (bilat_store_get_events (store));
  failed = bilat_importer_import (strict, store, &file, 1, &error);
  assert_null (failed);
  assert_true (g_error_matches (error, BILAT_IMPORT_ERROR, BILAT_IMPORT_ERROR_DUPLICATE_ID));
  after = ids_of (bilat_store_get_events (store));
  assert_string_equal (before, after);
}

/* SQLDATE and DATEADDED with each of their bytes made wrong in turn,
 * and dates on the edges of what is valid: each wrong one is a bad value
 * naming its field and line, each valid one an event of that day. */
static void
test_compact_dates (void **state)
{
  static const struct
  {
    const char *date;
    const char *added;
    int         column;   /* reported; 0: valid */
  } edges[] = {
    { "20000229", "20000229000000", 0 },
    { "19000229", "20000229000000", 1 },
    { "20190431", "20190430000000", 1 },
    { "20191231", "20191231235960", 0 },
    { "20191231", "20191231240000", 59 },
    { "20191231", "20191231236000", 59 },
    { "00000101", "20190101000000", 1 },
    { "20191300", "20190101000000", 1 },
    { "2019123", "20190101000000", 1 },
    { "201912311", "20190101000000", 1 },
    { "20191231", "2019123100000", 59 },
  };
  /* Just below '0', just above '9', not ASCII: within the 100 problems a
   * report keeps. */
  static const char wrong[] = { '/', ':', '\x80' };
  g_autoptr(GBytes) bytes = fixture_bytes ("gdelt2.export.CSV");
  g_autofree char *text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  g_auto(GStrv) lines = g_strsplit (text, "\n", 2);
  g_autofree char *dir = test_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "dates.export.CSV", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GArray) expected = g_array_new (FALSE, FALSE, sizeof (int));  /* column, 0: good */
  g_autoptr(BilatStore) store = bilat_store_new ();
  g_autoptr(BilatImporter) importer = importer_new_for (BILAT_EVENT_FORMAT_GDELT2, NULL, BILAT_IMPORT_FLAGS_NONE);
  g_autoptr(BilatImportReport) report = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *problems;
  guint id = 600000000, n_bad = 0, n_good = 0, p = 0;

  for (guint column = 1; column <= 59; column += 58)
    for (guint at = 0; at < (column == 1 ? 8u : 14u); at++)
      for (guint w = 0; w < G_N_ELEMENTS (wrong); w++)
        {
          g_auto(GStrv) columns = g_strsplit (lines[0], "\t", -1);
          g_autofree char *line = NULL;
          int reported = (int) column;

          g_free (columns[0]);
          columns[0] = g_strdup_printf ("%u", id++);
          g_free (columns[1]);
          columns[1] = g_strdup ("20190413");
          g_free (columns[59]);
          columns[59] = g_strdup ("20191024143000");
          columns[column][at] = wrong[w];
          line = g_strjoinv ("\t", columns);
          g_string_append_printf (out, "%s\n", line);
          g_array_append_val (expected, reported);
        }
  for (guint e = 0; e < G_N_ELEMENTS (edges); e++)
    {
      g_auto(GStrv) columns = g_strsplit (lines[0], "\t", -1);
      g_autofree char *line = NULL;
      int reported = edges[e].column;

      g_free (columns[0]);
      columns[0] = g_strdup_printf ("%u", id++);
      g_free (columns[1]);
      columns[1] = g_strdup (edges[e].date);
      g_free (columns[59]);
      columns[59] = g_strdup (edges[e].added);
      line = g_strjoinv ("\t", columns);
      g_string_append_printf (out, "%s\n", line);
      g_array_append_val (expected, reported);
    }
  test_write_file (path, out->str, out->len);

  report = bilat_importer_import (importer, store, &file, 1, &error);
  assert_non_null (report);
  problems = bilat_import_report_get_problems (report);
  for (guint i = 0; i < expected->len; i++)
    {
      int column = g_array_index (expected, int, i);
      g_autofree char *event_id = g_strdup_printf ("gdelt:%u", 600000000 + i);
      BilatEvent *event = bilat_store_lookup_event (store, event_id);

      if (column == 0)
        {
          assert_non_null (event);
          n_good++;
          continue;
        }
      if (event != NULL)
        fail_msg ("line %u (column %d wrong) was kept", i + 1, column);
      if (p >= problems->len)
        fail_msg ("line %u: %u problems only (%" G_GUINT64_FORMAT " bad rows)", i + 1, problems->len,
                  bilat_import_report_get_bad_rows (report));
      {
        BilatProblem *problem = g_ptr_array_index (problems, p);

        assert_int_equal (bilat_problem_get_code (problem), BILAT_IMPORT_ERROR_BAD_VALUE);
        assert_int_equal (bilat_problem_get_line (problem), i + 1);
        assert_int_equal (bilat_problem_get_column (problem), column + 1);
        assert_string_equal (bilat_problem_get_field (problem), column == 1 ? "SQLDATE" : "DATEADDED");
      }
      p++;
      n_bad++;
    }
  assert_int_equal (problems->len, n_bad);
  assert_int_equal (n_good, 2);
  check_counts (report, expected->len, n_good, n_good, n_bad, 0);
  /* The valid ones are the days they say. */
  {
    g_autofree char *first = g_strdup_printf ("gdelt:%u", 600000000 + expected->len - (guint) G_N_ELEMENTS (edges));
    BilatEvent *leap = bilat_store_lookup_event (store, first);
    g_autofree char *day = NULL;

    assert_non_null (leap);
    day = bilat_date_to_string (bilat_event_get_date (leap));
    assert_string_equal (day, "2000-02-29");
  }
}

/* Ids the store has already, met in the second of two files: each is
 * reported with the file and the line it was read from. */
static void
test_duplicates_with_store_named (void **state)
{
  g_autoptr(BilatStore) store = bilat_store_new ();
  g_autoptr(BilatImportReport) first = import_fixture (store, "gdelt2.export.CSV", "dyad:PAK,RUS",
                                                       BILAT_IMPORT_FLAGS_NONE);
  g_autoptr(BilatImportReport) second = NULL;
  g_autoptr(BilatImporter) importer = importer_new_for (BILAT_EVENT_FORMAT_AUTO, NULL,
                                                        BILAT_IMPORT_FLAGS_NONE);
  g_autoptr(BilatImporter) strict = importer_new_for (BILAT_EVENT_FORMAT_AUTO, NULL,
                                                      BILAT_IMPORT_FLAGS_STRICT);
  g_autoptr(GBytes) bytes = fixture_bytes ("gdelt2.export.CSV");
  g_autofree char *fixture_name = fixture_path ("gdelt2.export.CSV");
  g_autofree char *dir = test_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "new.CSV", NULL);
  g_autofree char *text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  g_autoptr(GString) fresh = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree gboolean *stored = g_new0 (gboolean, g_strv_length (lines));
  GFile *files[2];
  GPtrArray *problems;
  guint n_lines = g_strv_length (lines);
  guint reported = 0;

  check_counts (first, 12, 5, 5, 0, 0);
  /* Every row of the fixture again, under ids the store lacks; which
   * lines of the fixture the store has. */
  for (guint i = 0; i < n_lines; i++)
    if (lines[i][0] != '\0')
      {
        g_autofree char *id = g_strdup_printf ("gdelt:%.*s", (int) strcspn (lines[i], "\t"), lines[i]);

        g_string_append_printf (fresh, "1%s\n", lines[i]);
        stored[i] = bilat_store_lookup_event (store, id) != NULL;
      }
  test_write_file (path, fresh->str, fresh->len);
  files[0] = g_file_new_for_path (path);
  files[1] = g_file_new_for_path (fixture_name);

  second = bilat_importer_import (importer, store, files, 2, &error);
  assert_non_null (second);
  problems = bilat_import_report_get_problems (second);
  /* The problems are the rows of the fixture whose ids the first import
   * kept, in the order of the lines. */
  for (guint i = 0; i < n_lines; i++)
    {
      g_auto(GStrv) fields = g_strsplit (lines[i], "\t", -1);
      g_autofree char *id = NULL;
      BilatProblem *problem;

      if (lines[i][0] == '\0')
        continue;
      id = g_strconcat ("gdelt:", fields[0], NULL);
      if (!stored[i] || reported >= 5)
        continue;
      assert_true (reported < problems->len);
      problem = g_ptr_array_index (problems, reported);
      assert_int_equal (bilat_problem_get_code (problem), BILAT_IMPORT_ERROR_DUPLICATE_ID);
      assert_string_equal (bilat_problem_get_record_id (problem), id);
      assert_string_equal (bilat_problem_get_file (problem), fixture_name);
      assert_int_equal (bilat_problem_get_line (problem), i + 1);
      reported++;
    }
  assert_int_equal (reported, 5);
  assert_int_equal (problems->len, 5);
  check_counts (second, 24, 24, 19, 0, 5);

  /* Strict: the error names the second file and the first line. */
  {
    g_autoptr(BilatStore) again = bilat_store_new ();
    g_autoptr(BilatImportReport) kept = import_fixture (again, "gdelt2.export.CSV", "dyad:PAK,RUS",
                                                        BILAT_IMPORT_FLAGS_NONE);
    g_autofree char *expected = g_strdup_printf ("%s:1", fixture_name);

    assert_non_null (kept);
    assert_null (bilat_importer_import (strict, again, files, 2, &error));
    assert_true (g_error_matches (error, BILAT_IMPORT_ERROR, BILAT_IMPORT_ERROR_DUPLICATE_ID));
    assert_non_null (strstr (error->message, expected));
  }
  g_object_unref (files[0]);
  g_object_unref (files[1]);
}

static void
test_compressed_and_archived (void **state)
{
  g_autofree char *dir = test_temp_dir ();
  g_autofree char *gz_path = g_build_filename (dir, "gdelt2.export.CSV.gz", NULL);
  g_autofree char *multi_path = g_build_filename (dir, "multi.CSV.gz", NULL);
  g_autofree char *zip_path = g_build_filename (dir, "events.zip", NULL);
  g_autoptr(GBytes) plain = fixture_bytes ("gdelt2.export.CSV");
  g_autoptr(GBytes) gz = gzip_bytes (g_bytes_get_data (plain, NULL), g_bytes_get_size (plain));
  g_autoptr(GFile) plain_file = fixture ("gdelt2.export.CSV");
  g_autoptr(GFile) gz_file = g_file_new_for_path (gz_path);
  g_autoptr(GFile) multi_file = g_file_new_for_path (multi_path);
  g_autoptr(GFile) zip_file = g_file_new_for_path (zip_path);
  g_autoptr(BilatSeries) expected = series_of (&plain_file, 1, NULL, BILAT_SERIES_UNIT_DAY, 1, NULL);
  g_autoptr(BilatSeries) from_gz = NULL;
  g_autoptr(BilatSeries) from_multi = NULL;
  g_autoptr(BilatSeries) from_zip = NULL;
  g_autoptr(BilatImportReport) report = NULL;
  g_autoptr(BilatImportReport) zip_report = NULL;
  g_autoptr(BilatStore) store = bilat_store_new ();
  const char *members[] = { "gdelt2.export.CSV", "gdelt1-daily.export.CSV", NULL };
  gsize half = g_bytes_get_size (plain) / 2;
  g_autoptr(GBytes) gz1 = gzip_bytes (g_bytes_get_data (plain, NULL), half);
  g_autoptr(GBytes) gz2 = gzip_bytes ((const char *) g_bytes_get_data (plain, NULL) + half,
                                      g_bytes_get_size (plain) - half);
  g_autoptr(GByteArray) multi = g_byte_array_new ();
  g_autoptr(BilatSeries) daily = NULL;

  test_write_file (gz_path, g_bytes_get_data (gz, NULL), g_bytes_get_size (gz));
  from_gz = series_of (&gz_file, 1, NULL, BILAT_SERIES_UNIT_DAY, 1, &report);
  assert_true (bilat_series_equal (from_gz, expected));
  check_counts (report, 12, 12, 12, 0, 0);
  assert_int_equal (bilat_import_report_get_bytes (report), g_bytes_get_size (gz));

  /* Two gzip members, cut in the middle of a row, are one file. */
  g_byte_array_append (multi, g_bytes_get_data (gz1, NULL), g_bytes_get_size (gz1));
  g_byte_array_append (multi, g_bytes_get_data (gz2, NULL), g_bytes_get_size (gz2));
  test_write_file (multi_path, multi->data, multi->len);
  from_multi = series_of (&multi_file, 1, NULL, BILAT_SERIES_UNIT_DAY, 1, NULL);
  assert_true (bilat_series_equal (from_multi, expected));

  /* A zip archive: each file in turn, each with its own format. */
  write_zip (zip_path, members);
  from_zip = series_of (&zip_file, 1, NULL, BILAT_SERIES_UNIT_DAY, 1, &zip_report);
  daily = series_of_fixture ("gdelt1-daily.export.CSV", NULL, BILAT_SERIES_UNIT_DAY, NULL);
  bilat_series_merge (daily, expected, NULL);
  assert_true (bilat_series_equal (from_zip, daily));
  assert_int_equal (bilat_import_report_get_n_files (zip_report), 2);
  assert_int_equal (bilat_import_report_get_format (zip_report), BILAT_EVENT_FORMAT_GDELT2);
  check_counts (zip_report, 17, 17, 17, 0, 0);

  g_clear_object (&report);
  report = import_file (store, zip_file, NULL);
  assert_non_null (report);
  assert_int_equal (g_list_model_get_n_items (bilat_store_get_events (store)), 17);

  test_remove_dir (dir);
}

/* The series of @path, or NULL with the error's code and message in
 * *@code and *@message. */
static BilatSeries *
series_or_error (const char  *path,
                 int         *code,
                 char       **message)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(BilatImporter) importer = bilat_importer_new ();
  g_autoptr(GError) error = NULL;
  BilatSeries *series = bilat_importer_compute_series (importer, &file, 1, BILAT_SERIES_UNIT_DAY,
                                                       NULL, &error);

  *code = error != NULL ? error->code : -1;
  *message = error != NULL ? g_strdup (error->message) : NULL;
  return series;
}

/* Overwrites @n bytes at @offset of the file @path with @byte, or xors
 * them with @byte when @flip. */
static void
patch_file (const char *path,
            gsize       offset,
            gsize       n,
            guint8      byte,
            gboolean    flip)
{
  g_autofree char *data = NULL;
  gsize length;

  assert_true (g_file_get_contents (path, &data, &length, NULL));
  assert_true (offset + n <= length);
  for (gsize i = 0; i < n; i++)
    data[offset + i] = (char) (flip ? (guint8) data[offset + i] ^ byte : byte);
  test_write_file (path, data, length);
}

/* Where the data of the zip member whose local header is at 0 begins. */
static gsize
zip_data_offset (const char *path)
{
  g_autofree guint8 *data = NULL;
  gsize length;

  assert_true (g_file_get_contents (path, (char **) &data, &length, NULL));
  assert_true (length >= 30);
  return 30 + (data[26] | data[27] << 8) + (data[28] | data[29] << 8);
}

/* Both inflaters (ISA-L where built in, and zlib) read every layout of
 * gzip and zip alike, and refuse the same damage. */
static void
test_inflate_backends (void **state)
{
  const BilatInflateBackend backends[] = { BILAT_INFLATE_BACKEND_ZLIB, BILAT_INFLATE_BACKEND_ISAL };
  const char *members[] = { "gdelt2.export.CSV", "gdelt1-daily.export.CSV", NULL };
  g_autofree char *dir = test_temp_dir ();
  g_autoptr(BilatSeries) expected = series_of_fixture ("gdelt1-daily.export.CSV", NULL,
                                                       BILAT_SERIES_UNIT_DAY, NULL);
  g_autoptr(BilatSeries) gdelt2 = series_of_fixture ("gdelt2.export.CSV", NULL,
                                                     BILAT_SERIES_UNIT_DAY, NULL);
  g_autoptr(GBytes) plain = fixture_bytes ("gdelt2.export.CSV");
  guint n_tested = 0;

  bilat_series_merge (expected, gdelt2, NULL);
  for (guint b = 0; b < G_N_ELEMENTS (backends); b++)
    {
      const struct { const char *name; const char *options; const char *folder; } layouts[] = {
        { "deflate.zip", NULL, NULL },
        { "stored.zip", "compression=store", NULL },
        { "zip64.zip", "zip64", NULL },
        { "folder.zip", NULL, "events/" },
      };
      g_autofree char *gz_path = g_build_filename (dir, "events.CSV.gz", NULL);
      g_autoptr(GBytes) gz = NULL;
      g_autoptr(BilatSeries) from_gz = NULL;
      g_autofree char *message = NULL;
      int code;

      if (!_bilat_inflate_has_backend (backends[b]))
        {
          print_message ("# ISA-L is not built in: only zlib is tested\n");
          continue;
        }
      _bilat_inflate_set_backend (backends[b]);
      n_tested++;

      /* gzip, in two members. */
      {
        gsize half = g_bytes_get_size (plain) / 3;
        g_autoptr(GBytes) a = gzip_bytes (g_bytes_get_data (plain, NULL), half);
        g_autoptr(GBytes) rest = gzip_bytes ((const char *) g_bytes_get_data (plain, NULL) + half,
                                             g_bytes_get_size (plain) - half);
        g_autoptr(GByteArray) both = g_byte_array_new ();

        g_byte_array_append (both, g_bytes_get_data (a, NULL), g_bytes_get_size (a));
        g_byte_array_append (both, g_bytes_get_data (rest, NULL), g_bytes_get_size (rest));
        test_write_file (gz_path, both->data, both->len);
        from_gz = series_or_error (gz_path, &code, &message);
        assert_non_null (from_gz);
        assert_true (bilat_series_equal (from_gz, gdelt2));

        /* The trailer's CRC-32 is checked. */
        patch_file (gz_path, both->len - 8, 1, 0x01, TRUE);
        g_clear_object (&from_gz);
        from_gz = series_or_error (gz_path, &code, &message);
        assert_null (from_gz);
        assert_int_equal (code, BILAT_IMPORT_ERROR_CORRUPT);
        g_clear_pointer (&message, g_free);
      }

      for (guint i = 0; i < G_N_ELEMENTS (layouts); i++)
        {
          g_autofree char *path = g_build_filename (dir, layouts[i].name, NULL);
          g_autoptr(BilatSeries) series = NULL;

          write_zip_with (path, members, layouts[i].options, layouts[i].folder);
          series = series_or_error (path, &code, &message);
          if (series == NULL)
            fail_msg ("%s with %s: %s", layouts[i].name, _bilat_inflate_backend_name (), message);
          assert_true (bilat_series_equal (series, expected));
          g_unlink (path);
        }

      /* Damage: stored data that does not match its CRC-32, deflate data
       * that cannot be inflated, an encrypted member, another method. */
      {
        g_autofree char *path = g_build_filename (dir, "damaged.zip", NULL);
        g_autoptr(BilatSeries) series = NULL;

        write_zip_with (path, members, "compression=store", NULL);
        patch_file (path, zip_data_offset (path) + 100, 1, 0x20, TRUE);
        series = series_or_error (path, &code, &message);
        assert_null (series);
        assert_int_equal (code, BILAT_IMPORT_ERROR_CORRUPT);
        assert_non_null (strstr (message, "CRC-32"));
        assert_non_null (strstr (message, "damaged.zip(gdelt2.export.CSV)"));
        g_clear_pointer (&message, g_free);

        write_zip_with (path, members, NULL, NULL);
        patch_file (path, zip_data_offset (path) + 40, 64, 0xff, FALSE);
        series = series_or_error (path, &code, &message);
        assert_null (series);
        assert_int_equal (code, BILAT_IMPORT_ERROR_CORRUPT);
        g_clear_pointer (&message, g_free);

        write_zip_with (path, members, NULL, NULL);
        patch_file (path, 6, 1, 0x01, TRUE);
        series = series_or_error (path, &code, &message);
        assert_null (series);
        assert_non_null (strstr (message, "encrypted"));
        g_clear_pointer (&message, g_free);

        write_zip_with (path, members, NULL, NULL);
        patch_file (path, 8, 1, 12, FALSE);
        series = series_or_error (path, &code, &message);
        assert_null (series);
        assert_non_null (strstr (message, "compression method 12"));
        g_clear_pointer (&message, g_free);
        g_unlink (path);
      }
      g_unlink (gz_path);
    }
  _bilat_inflate_set_backend (BILAT_INFLATE_BACKEND_DEFAULT);
  assert_true (n_tested >= 1);
  test_remove_dir (dir);
}

/* A stream that hands out at most 7 bytes a read: compressed data then
 * reaches the inflater in pieces, and members and streams end across
 * reads. */
#define TEST_TYPE_TRICKLE_STREAM (test_trickle_stream_get_type ())
G_DECLARE_FINAL_TYPE (TestTrickleStream, test_trickle_stream, TEST, TRICKLE_STREAM, GInputStream)

struct _TestTrickleStream
{
  GInputStream parent_instance;
  GBytes      *bytes;
  gsize        position;
};

G_DEFINE_FINAL_TYPE (TestTrickleStream, test_trickle_stream, G_TYPE_INPUT_STREAM)

static gssize
test_trickle_stream_read (GInputStream  *stream,
                          void          *buffer,
                          gsize          count,
                          GCancellable  *cancellable,
                          GError       **error)
{
  TestTrickleStream *self = TEST_TRICKLE_STREAM (stream);
  gsize length;
  const guint8 *data = g_bytes_get_data (self->bytes, &length);
  gsize n = MIN (MIN (count, (gsize) 7), length - self->position);

  memcpy (buffer, data + self->position, n);
  self->position += n;
  return (gssize) n;
}

static void
test_trickle_stream_finalize (GObject *object)
{
  g_bytes_unref (TEST_TRICKLE_STREAM (object)->bytes);
  G_OBJECT_CLASS (test_trickle_stream_parent_class)->finalize (object);
}

static void
test_trickle_stream_class_init (TestTrickleStreamClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = test_trickle_stream_finalize;
  G_INPUT_STREAM_CLASS (klass)->read_fn = test_trickle_stream_read;
}

static void
test_trickle_stream_init (TestTrickleStream *self)
{
}

static GInputStream *
trickle_stream_new (GBytes *bytes)
{
  TestTrickleStream *self = g_object_new (TEST_TYPE_TRICKLE_STREAM, NULL);

  self->bytes = g_bytes_ref (bytes);
  return G_INPUT_STREAM (self);
}

/* Compressed data a few bytes at a time, through each inflater: gzip of
 * many members (ISA-L gives back what it read past a member's end, which
 * may come from an earlier read) and a zip archive with data
 * descriptors. */
static void
test_inflate_in_pieces (void **state)
{
  const BilatInflateBackend backends[] = { BILAT_INFLATE_BACKEND_ZLIB, BILAT_INFLATE_BACKEND_ISAL };
  g_autofree char *dir = test_temp_dir ();
  g_autofree char *zip_path = g_build_filename (dir, "events.zip", NULL);
  const char *members[] = { "gdelt2.export.CSV", NULL };
  g_autoptr(GBytes) plain = fixture_bytes ("gdelt2.export.CSV");
  g_autoptr(BilatSeries) expected = series_of_fixture ("gdelt2.export.CSV", NULL, BILAT_SERIES_UNIT_DAY, NULL);
  g_autoptr(GByteArray) many = g_byte_array_new ();
  g_autoptr(GBytes) gz = NULL;
  g_autoptr(GBytes) zip = NULL;
  gsize length;
  const char *text = g_bytes_get_data (plain, &length);
  g_autofree char *zip_data = NULL;
  gsize zip_length;

  /* 23 gzip members of uneven sizes, cut anywhere in the rows. */
  for (gsize start = 0, i = 0; start < length; i++)
    {
      gsize size = MIN (length - start, 97 + i * 37);
      g_autoptr(GBytes) member = gzip_bytes (text + start, size);

      g_byte_array_append (many, g_bytes_get_data (member, NULL), g_bytes_get_size (member));
      start += size;
    }
  gz = g_bytes_new (many->data, many->len);
  write_zip (zip_path, members);
  assert_true (g_file_get_contents (zip_path, &zip_data, &zip_length, NULL));
  zip = g_bytes_new (zip_data, zip_length);

  for (guint b = 0; b < G_N_ELEMENTS (backends); b++)
    {
      GBytes *inputs[] = { gz, zip };

      if (!_bilat_inflate_has_backend (backends[b]))
        continue;
      _bilat_inflate_set_backend (backends[b]);
      for (guint i = 0; i < G_N_ELEMENTS (inputs); i++)
        {
          g_autoptr(GInputStream) stream = trickle_stream_new (inputs[i]);
          g_autoptr(BilatImporter) importer = bilat_importer_new ();
          g_autoptr(GError) error = NULL;
          g_autoptr(BilatSeries) series =
            bilat_importer_compute_series_from_stream (importer, stream, "pieces", BILAT_SERIES_UNIT_DAY,
                                                       NULL, &error);

          if (series == NULL)
            fail_msg ("%s, input %u: %s", _bilat_inflate_backend_name (), i, error->message);
          assert_true (bilat_series_equal (series, expected));
        }
    }
  _bilat_inflate_set_backend (BILAT_INFLATE_BACKEND_DEFAULT);
  g_unlink (zip_path);
  test_remove_dir (dir);
}

/* A forged zip member (found by fuzzing the UN-vote reader) whose deflate
 * data ISA-L refuses with its input counters past the input: an error
 * for each inflater, and no pointer moved by those counters (UBSan). */
static void
test_inflate_refused_counters (void **state)
{
  static const guint8 forged[] = {
    0x50, 0x4b, 0x03, 0x04, 0x72, 0x00, 0x00, 0x00, 0x08, 0x00, 0x10, 0x00,
    0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
    0x00, 0xe8, 0x35, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
    0x00, 0x05, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x63, 0x69, 0x64,
    0x2c, 0x73, 0x65, 0x73, 0x73, 0x69, 0x6f, 0x6e, 0x2c, 0x69, 0x6d, 0x70,
    0x6f, 0x72, 0x61, 0x74, 0x6e, 0x74, 0x76, 0x6f, 0x74, 0x50, 0x4b, 0x05,
    0x06, 0x72, 0x63, 0x69, 0x64, 0x2c, 0x73, 0x65, 0x73, 0x73, 0x69, 0x6f,
    0x69, 0x55, 0x53, 0x41, 0x64, 0x2c, 0x73, 0x0a,
  };
  const BilatInflateBackend backends[] = { BILAT_INFLATE_BACKEND_ZLIB, BILAT_INFLATE_BACKEND_ISAL };

  for (guint b = 0; b < G_N_ELEMENTS (backends); b++)
    {
      g_autoptr(GBytes) bytes = g_bytes_new_static (forged, sizeof forged);
      g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_bytes (bytes);
      g_autoptr(BilatImporter) importer = bilat_importer_new ();
      g_autoptr(GError) error = NULL;
      g_autoptr(BilatSeries) series = NULL;

      if (!_bilat_inflate_has_backend (backends[b]))
        continue;
      _bilat_inflate_set_backend (backends[b]);
      series = bilat_importer_compute_series_from_stream (importer, stream, "forged.zip",
                                                          BILAT_SERIES_UNIT_DAY, NULL, &error);
      assert_null (series);
      assert_true (g_error_matches (error, BILAT_IMPORT_ERROR, BILAT_IMPORT_ERROR_CORRUPT) ||
                   g_error_matches (error, BILAT_IMPORT_ERROR, BILAT_IMPORT_ERROR_TRUNCATED));
    }
  _bilat_inflate_set_backend (BILAT_INFLATE_BACKEND_DEFAULT);
}

/* The span of the ids a report kept, and of two reports merged. */
static void
test_report_id_span (void **state)
{
  g_autoptr(BilatImportReport) gdelt = NULL;
  g_autoptr(BilatImportReport) icews = NULL;
  g_autoptr(BilatImportReport) merged = bilat_import_report_new ();
  g_autoptr(BilatSeries) a = series_of_fixture ("gdelt2.export.CSV", NULL, BILAT_SERIES_UNIT_DAY, &gdelt);
  g_autoptr(BilatSeries) b = series_of_fixture ("icews.tab", NULL, BILAT_SERIES_UNIT_DAY, &icews);
  g_autoptr(GBytes) text = fixture_bytes ("gdelt2.export.CSV");
  g_auto(GStrv) lines = g_strsplit (g_bytes_get_data (text, NULL), "\n", -1);
  guint64 lowest = G_MAXUINT64, highest = 0, first = 0, last = 0;

  for (guint i = 0; lines[i] != NULL; i++)
    if (lines[i][0] != '\0')
      {
        guint64 id = g_ascii_strtoull (lines[i], NULL, 10);

        lowest = MIN (lowest, id);
        highest = MAX (highest, id);
      }
  assert_true (bilat_import_report_get_id_span (gdelt, "gdelt", &first, &last));
  assert_int_equal (first, lowest);
  assert_int_equal (last, highest);
  assert_false (bilat_import_report_get_id_span (gdelt, "icews", NULL, NULL));
  assert_false (bilat_import_report_get_id_span (gdelt, "other", NULL, NULL));
  assert_true (bilat_import_report_get_id_span (icews, "icews", NULL, NULL));

  /* An empty report has none; merging widens. */
  assert_false (bilat_import_report_get_id_span (merged, "gdelt", NULL, NULL));
  bilat_import_report_merge (merged, gdelt);
  bilat_import_report_merge (merged, icews);
  assert_true (bilat_import_report_get_id_span (merged, "gdelt", &first, &last));
  assert_int_equal (first, lowest);
  assert_int_equal (last, highest);
  assert_true (bilat_import_report_get_id_span (merged, "icews", NULL, NULL));
}

static void
test_truncated_and_damaged (void **state)
{
  g_autofree char *dir = test_temp_dir ();
  g_autofree char *gz_path = g_build_filename (dir, "cut.CSV.gz", NULL);
  g_autofree char *bad_gz_path = g_build_filename (dir, "damaged.CSV.gz", NULL);
  g_autofree char *zip_path = g_build_filename (dir, "whole.zip", NULL);
  g_autofree char *cut_zip_path = g_build_filename (dir, "cut.zip", NULL);
  g_autoptr(GBytes) plain = fixture_bytes ("gdelt2.export.CSV");
  g_autoptr(GBytes) gz = gzip_bytes (g_bytes_get_data (plain, NULL), g_bytes_get_size (plain));
  g_autoptr(GFile) gz_file = g_file_new_for_path (gz_path);
  g_autoptr(GFile) bad_gz_file = g_file_new_for_path (bad_gz_path);
  g_autoptr(GFile) cut_zip_file = g_file_new_for_path (cut_zip_path);
  g_autoptr(BilatStore) store = bilat_store_new ();
  g_autoptr(GError) error = NULL;
  g_autofree guchar *damaged = g_memdup2 (g_bytes_get_data (gz, NULL), g_bytes_get_size (gz));
  g_autofree char *zip_data = NULL;
  const char *members[] = { "gdelt2.export.CSV", NULL };
  g_autoptr(BilatImporter) importer = bilat_importer_new ();
  BilatImportReport *report;
  BilatSeries *series;
  gsize zip_length;

  test_write_file (gz_path, g_bytes_get_data (gz, NULL), g_bytes_get_size (gz) * 2 / 3);
  report = import_file (store, gz_file, &error);
  assert_null (report);
  assert_true (g_error_matches (error, BILAT_IMPORT_ERROR, BILAT_IMPORT_ERROR_TRUNCATED));
  assert_true (strstr (error->message, "cut.CSV.gz") != NULL);
  assert_int_equal (g_list_model_get_n_items (bilat_store_get_events (store)), 0);
  g_clear_error (&error);

  series = bilat_importer_compute_series (importer, &gz_file, 1, BILAT_SERIES_UNIT_DAY, NULL, &error);
  assert_null (series);
  assert_true (g_error_matches (error, BILAT_IMPORT_ERROR, BILAT_IMPORT_ERROR_TRUNCATED));
  g_clear_error (&error);

  /* Damaged deflate data. */
  memset (damaged + 20, 0xff, 40);
  test_write_file (bad_gz_path, damaged, g_bytes_get_size (gz));
  series = bilat_importer_compute_series (importer, &bad_gz_file, 1, BILAT_SERIES_UNIT_DAY, NULL, &error);
  assert_null (series);
  assert_true (g_error_matches (error, BILAT_IMPORT_ERROR, BILAT_IMPORT_ERROR_CORRUPT));
  assert_true (strstr (error->message, "damaged.CSV.gz") != NULL);
  g_clear_error (&error);

  /* A zip archive cut in the middle of its member. */
  write_zip (zip_path, members);
  assert_true (g_file_get_contents (zip_path, &zip_data, &zip_length, NULL));
  test_write_file (cut_zip_path, zip_data, zip_length / 2);
  report = import_file (store, cut_zip_file, &error);
  assert_null (report);
  assert_true (g_error_matches (error, BILAT_IMPORT_ERROR, BILAT_IMPORT_ERROR_TRUNCATED));
  assert_true (strstr (error->message, "cut.zip") != NULL);
  assert_int_equal (g_list_model_get_n_items (bilat_store_get_events (store)), 0);
  g_clear_error (&error);

  /* Cut after its member, before its central directory: every row can be
   * read, but the archive is not whole. */
  test_write_file (cut_zip_path, zip_data, zip_length - 30);
  report = import_file (store, cut_zip_file, &error);
  assert_null (report);
  assert_true (g_error_matches (error, BILAT_IMPORT_ERROR, BILAT_IMPORT_ERROR_TRUNCATED));
  assert_true (strstr (error->message, "cut.zip") != NULL);
  assert_int_equal (g_list_model_get_n_items (bilat_store_get_events (store)), 0);

  test_remove_dir (dir);
}

static void
test_formats (void **state)
{
  g_autoptr(BilatStore) store = bilat_store_new ();
  g_autoptr(GFile) gdelt1 = fixture ("gdelt1-daily.export.CSV");
  g_autoptr(GFile) icews = fixture ("icews.tab");
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(BilatImportReport) report = NULL;
  g_autoptr(GFile) missing = g_file_new_for_path ("/nonexistent/events.CSV");
  g_autoptr(BilatImporter) importer = bilat_importer_new ();
  BilatSeries *series;

  /* Not event data. */
  stream = g_memory_input_stream_new_from_data ("a\tb\tc\n1\t2\t3\n", -1, NULL);
  report = bilat_importer_import_stream (importer, store, stream, "three.tsv", &error);
  assert_null (report);
  assert_true (g_error_matches (error, BILAT_IMPORT_ERROR, BILAT_IMPORT_ERROR_UNKNOWN_FORMAT));
  assert_true (strstr (error->message, "three.tsv") != NULL);
  g_clear_error (&error);

  /* A format given is trusted row by row: GDELT 1.0 rows are no GDELT 2.0 rows. */
  bilat_importer_set_format (importer, BILAT_EVENT_FORMAT_GDELT2);
  series = bilat_importer_compute_series (importer, &gdelt1, 1, BILAT_SERIES_UNIT_DAY, &report, &error);
  assert_non_null (series);
  check_counts (report, 5, 0, 0, 5, 0);
  g_clear_object (&series);
  g_clear_object (&report);

  /* An ICEWS header is not GDELT. */
  bilat_importer_set_format (importer, BILAT_EVENT_FORMAT_GDELT1);
  series = bilat_importer_compute_series (importer, &icews, 1, BILAT_SERIES_UNIT_DAY, &report, &error);
  assert_null (series);
  assert_true (g_error_matches (error, BILAT_IMPORT_ERROR, BILAT_IMPORT_ERROR_UNKNOWN_FORMAT));
  g_clear_error (&error);

  bilat_importer_set_format (importer, BILAT_EVENT_FORMAT_ICEWS);
  series = bilat_importer_compute_series (importer, &icews, 1, BILAT_SERIES_UNIT_DAY, &report, &error);
  assert_non_null (series);
  assert_int_equal (bilat_series_get_total (series), 7);
  g_clear_object (&series);
  g_clear_object (&report);

  /* A file that is not there. */
  bilat_importer_set_format (importer, BILAT_EVENT_FORMAT_AUTO);
  series = bilat_importer_compute_series (importer, &missing, 1, BILAT_SERIES_UNIT_DAY, NULL, &error);
  assert_null (series);
  assert_true (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND));
  g_clear_error (&error);

  /* No files, with any number of threads: an empty series. */
  bilat_importer_set_threads (importer, 4);
  series = bilat_importer_compute_series (importer, NULL, 0, BILAT_SERIES_UNIT_DAY, &report, &error);
  assert_non_null (series);
  assert_int_equal (bilat_series_get_total (series), 0);
  assert_int_equal (bilat_import_report_get_n_files (report), 0);
  g_clear_object (&series);
}

/* Line ends, byte-order marks, missing final newlines, empty lines, empty
 * inputs and a line too long to be a row, through streams. */
static void
test_text_forms (void **state)
{
  g_autoptr(GBytes) plain = fixture_bytes ("gdelt2.export.CSV");
  g_autoptr(GFile) file = fixture ("gdelt2.export.CSV");
  g_autoptr(BilatSeries) expected = series_of (&file, 1, NULL, BILAT_SERIES_UNIT_DAY, 1, NULL);
  /* The fixture's bytes are not NUL-terminated: the split needs a copy. */
  g_autofree char *copy = g_strndup (g_bytes_get_data (plain, NULL), g_bytes_get_size (plain));
  g_auto(GStrv) lines = g_strsplit (copy, "\n", -1);
  const char *variants[] = { "crlf", "bom", "no-final-newline", "blank-lines", "long-line", NULL };
  g_autoptr(BilatImporter) importer = bilat_importer_new ();

  for (guint v = 0; variants[v] != NULL; v++)
    {
      g_autoptr(GString) text = g_string_new (NULL);
      g_autoptr(GInputStream) stream = NULL;
      g_autoptr(BilatImportReport) report = NULL;
      g_autoptr(BilatSeries) series = NULL;
      g_autoptr(GError) error = NULL;

      if (strcmp (variants[v], "bom") == 0)
        g_string_append (text, "\xef\xbb\xbf");
      if (strcmp (variants[v], "blank-lines") == 0)
        g_string_append (text, "\n\r\n");
      for (guint i = 0; lines[i] != NULL && lines[i][0] != '\0'; i++)
        {
          g_string_append (text, lines[i]);
          if (strcmp (variants[v], "crlf") == 0)
            g_string_append_c (text, '\r');
          if (strcmp (variants[v], "blank-lines") == 0 && i == 3)
            g_string_append (text, "\n");
          if (strcmp (variants[v], "long-line") == 0 && i == 5)
            {
              g_string_append_c (text, '\n');
              for (guint k = 0; k < 300000; k++)
                g_string_append_c (text, k % 50 == 0 ? '\t' : 'x');
            }
          if (lines[i + 1] != NULL && lines[i + 1][0] != '\0')
            g_string_append_c (text, '\n');
          else if (strcmp (variants[v], "no-final-newline") != 0)
            g_string_append_c (text, '\n');
        }

      stream = g_memory_input_stream_new_from_data (g_memdup2 (text->str, text->len), text->len, g_free);
      series = bilat_importer_compute_series_from_stream (importer, stream, variants[v],
                                                          BILAT_SERIES_UNIT_DAY, &report, &error);
      if (series == NULL)
        fail_msg ("%s: %s", variants[v], error->message);
      if (!bilat_series_equal (series, expected))
        fail_msg ("%s: the series differs", variants[v]);
      if (strcmp (variants[v], "long-line") == 0)
        {
          check_counts (report, 13, 12, 12, 1, 0);
          check_problem (report, 0, BILAT_IMPORT_ERROR_BAD_ROW, 7, 0, NULL);
        }
      else
        check_counts (report, 12, 12, 12, 0, 0);
    }

  /* Empty inputs: nothing, no error. */
  {
    g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_data ("", 0, NULL);
    g_autoptr(BilatImportReport) report = NULL;
    g_autoptr(BilatSeries) series = bilat_importer_compute_series_from_stream (importer, stream, "empty",
                                                                               BILAT_SERIES_UNIT_DAY,
                                                                               &report, NULL);

    assert_non_null (series);
    assert_int_equal (bilat_import_report_get_format (report), BILAT_EVENT_FORMAT_AUTO);
    check_counts (report, 0, 0, 0, 0, 0);
  }
}

/* Each query, applied while reading, keeps exactly the events that it
 * matches among all the events of the file. (Duplicates are found among
 * the rows a query selects, so a reused id whose first row the query
 * rejects would be kept: the ICEWS fixture is read without its row that
 * reuses an id for another event.) */
static void
test_filters_match_queries (void **state)
{
  const char *names[] = {
    "gdelt2.export.CSV", "gdelt1-daily.export.CSV", "gdelt1-backfile.CSV", "icews.tab", NULL,
  };
  const char *queries[] = {
    "dyad:PAK,RUS", "dyad:RUS,PAK", "actor:PAK", "actor:RUS,CHN", "actor:ROU", "dyad:EUR,RUS",
    "from:2018-11", "to:2018-11-03", "from:2016-07-10 to:2016-08-01", "period:1982",
    "cameo:04", "cameo:0311", "quad:4", "quad:material-cooperation", "text:russia",
    "text:\"make a visit\"", "dyad:PAK,RUS from:2019", "actor:PAK quad:1 cameo:0",
    "type:exercise", "sector:defence", "actor:SRB", "dyad:PSE,ISR",
    NULL,
  };
  g_autofree char *dir = test_temp_dir ();

  for (guint f = 0; names[f] != NULL; f++)
    {
      g_autoptr(BilatStore) all = bilat_store_new ();
      g_autoptr(GFile) file = fixture (names[f]);
      g_autoptr(BilatImportReport) all_report = NULL;

      if (strcmp (names[f], "icews.tab") == 0)
        {
          g_autoptr(GBytes) bytes = fixture_bytes (names[f]);
          const char *data = g_bytes_get_data (bytes, NULL);
          const char *last = g_strrstr_len (data, (gssize) g_bytes_get_size (bytes) - 1, "\n");
          g_autofree char *path = g_build_filename (dir, "icews-unique.tab", NULL);

          test_write_file (path, data, (gsize) (last - data) + 1);
          g_object_unref (file);
          file = g_file_new_for_path (path);
        }
      all_report = import_file (all, file, NULL);
      assert_non_null (all_report);

      for (guint q = 0; queries[q] != NULL; q++)
        {
          g_autoptr(BilatStore) store = bilat_store_new ();
          g_autoptr(BilatQuery) query = query_new (queries[q]);
          g_autoptr(BilatImporter) importer = importer_new_for (BILAT_EVENT_FORMAT_AUTO, query,
                                                                BILAT_IMPORT_FLAGS_NONE);
          g_autoptr(BilatImportReport) report = bilat_importer_import (importer, store, &file, 1, NULL);
          g_autoptr(GListModel) expected = bilat_store_find_events (all, query);
          g_autoptr(BilatSeries) streamed = series_of (&file, 1, queries[q], BILAT_SERIES_UNIT_DAY, 1, NULL);
          g_autoptr(BilatSeries) counted = bilat_store_compute_series (all, query, BILAT_SERIES_UNIT_DAY);
          g_autofree char *want = ids_of (expected);
          g_autofree char *got = NULL;

          assert_non_null (report);
          got = ids_of (event_ids (store));
          if (strcmp (want, got) != 0)
            fail_msg ("%s, %s: imported %s, expected %s", names[f], queries[q], got, want);
          if (!bilat_series_equal (streamed, counted))
            fail_msg ("%s, %s: the streamed series differs", names[f], queries[q]);
        }
    }
  test_remove_dir (dir);
}

/* Imports the GDELT backfile with the USSR's code for Russia's into a
 * store where RUS continues SUN (and, with @cycle, SUN continues RUS too:
 * a dataset error the walk must survive), filtered on dyad:PAK,RUS. */
static void
check_soviet_import (gboolean cycle)
{
  g_autoptr(BilatStore) store = bilat_store_new ();
  g_autoptr(BilatActor) russia = bilat_actor_new ("RUS", BILAT_ACTOR_KIND_STATE);
  g_autoptr(BilatActor) soviet = bilat_actor_new ("SUN", BILAT_ACTOR_KIND_STATE);
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(GBytes) plain = fixture_bytes ("gdelt1-backfile.CSV");
  g_autoptr(BilatQuery) query = query_new ("dyad:PAK,RUS");
  g_autoptr(BilatImporter) importer = importer_new_for (BILAT_EVENT_FORMAT_AUTO, query,
                                                        BILAT_IMPORT_FLAGS_NONE);
  g_autoptr(BilatImportReport) report = NULL;
  g_autoptr(GListModel) found = NULL;
  g_autofree char *text = g_strndup (g_bytes_get_data (plain, NULL), g_bytes_get_size (plain));
  char *rus;

  while ((rus = strstr (text, "\tRUS\t")) != NULL)
    memcpy (rus + 1, "SUN", 3);
  bilat_actor_set_predecessor (russia, "SUN");
  assert_true (bilat_store_add (store, BILAT_RECORD (russia), NULL));
  if (cycle)
    {
      bilat_actor_set_predecessor (soviet, "RUS");
      assert_true (bilat_store_add (store, BILAT_RECORD (soviet), NULL));
    }

  stream = g_memory_input_stream_new_from_data (g_strdup (text), -1, g_free);
  report = bilat_importer_import_stream (importer, store, stream, "soviet.CSV", NULL);
  assert_non_null (report);
  check_counts (report, 4, 2, 2, 0, 0);
  check_participant (bilat_store_lookup_event (store, "gdelt:1552003"), "SUN", BILAT_ROLE_TARGET);
  assert_int_equal (bilat_actor_get_kind (bilat_store_lookup_actor (store, "SUN")), BILAT_ACTOR_KIND_STATE);
  /* the imported rows, queried with the same walk */
  found = bilat_store_find_events (store, query);
  assert_int_equal (g_list_model_get_n_items (found), 2);
}

static void
test_succession (void **state)
{
  check_soviet_import (FALSE);
}

static void
test_succession_cycle (void **state)
{
  check_soviet_import (TRUE);
}

/* A place's country, or NULL. */
static const char *
place_country (BilatStore *store,
               const char *id)
{
  BilatPlace *place = bilat_event_get_place (BILAT_EVENT (coded (store, id)));

  return place != NULL ? bilat_place_get_country (place) : NULL;
}

/* The event @id of @store has the state @actor in @role and, unless
 * @country is NULL, its place is in @country. */
static void
check_state (BilatStore *store,
             const char *id,
             const char *actor,
             BilatRole   role,
             const char *country)
{
  check_participant (BILAT_EVENT (coded (store, id)), actor, role);
  if (country != NULL)
    assert_string_equal (place_country (store, id), country);
}

/* GDELT writes the codes of today for the states of the past: the reader
 * resolves them on the row's date, as the identity tables say. */
static void
test_gdelt_identity_by_date (void **state)
{
  g_autoptr(BilatStore) store = bilat_store_new ();
  g_autoptr(BilatImportReport) report = import_fixture (store, "gdelt-identity.export.CSV", NULL,
                                                        BILAT_IMPORT_FLAGS_NONE);
  const char *queries[] = { "dyad:PAK,RUS", "dyad:PAK,RUS succession:off", "dyad:PAK,SUN",
                            "actor:SRB", "actor:YUG", "actor:SCG succession:off", "actor:CZE", NULL };
  const guint64 counts[] = { 2, 1, 1, 3, 1, 1, 1 };

  check_counts (report, 6, 6, 6, 0, 0);
  /* CAMEO RUS and FIPS RS: the Soviet Union in 1985, Russia in 2005. */
  check_state (store, "gdelt:920000001", "SUN", BILAT_ROLE_TARGET, "SUN");
  check_state (store, "gdelt:920000002", "RUS", BILAT_ROLE_TARGET, "RUS");
  /* CAMEO SRB and FIPS YI: Yugoslavia in 1995, Serbia and Montenegro in
   * 2004; SRB and FIPS RI: Serbia in 2010. */
  check_state (store, "gdelt:920000003", "YUG", BILAT_ROLE_TARGET, "YUG");
  check_state (store, "gdelt:920000004", "SCG", BILAT_ROLE_TARGET, "SCG");
  check_state (store, "gdelt:920000005", "SRB", BILAT_ROLE_TARGET, "SRB");
  /* CZE names no state in 1985: kept as GDELT writes it, never guessed. */
  check_state (store, "gdelt:920000006", "CZE", BILAT_ROLE_INITIATOR, NULL);

  /* The imported states continue what the identity tables say. */
  assert_string_equal (bilat_actor_get_predecessor (bilat_store_lookup_actor (store, "RUS")), "SUN");
  assert_string_equal (bilat_actor_get_predecessor (bilat_store_lookup_actor (store, "SRB")), "SCG");
  assert_string_equal (bilat_actor_get_predecessor (bilat_store_lookup_actor (store, "SCG")), "YUG");

  /* Succession: the same answer from the store, from an import that
   * keeps what the query matches (into an empty store, which knows no
   * succession of its own), and from a series streamed from the file. */
  for (guint q = 0; queries[q] != NULL; q++)
    {
      g_autoptr(BilatQuery) query = query_new (queries[q]);
      g_autoptr(GListModel) found = bilat_store_find_events (store, query);
      g_autoptr(BilatStore) kept = bilat_store_new ();
      g_autoptr(BilatImportReport) kept_report = import_fixture (kept, "gdelt-identity.export.CSV",
                                                                 queries[q], BILAT_IMPORT_FLAGS_NONE);
      g_autoptr(BilatSeries) streamed = series_of_fixture ("gdelt-identity.export.CSV", queries[q],
                                                           BILAT_SERIES_UNIT_YEAR, NULL);
      guint64 total = 0;

      for (guint bin = 0; bin < bilat_series_get_n_bins (streamed); bin++)
        total += bilat_series_get_count (streamed, bin);
      if (g_list_model_get_n_items (found) != counts[q] ||
          g_list_model_get_n_items (bilat_store_get_events (kept)) != counts[q] || total != counts[q])
        fail_msg ("%s: %u in the store, %u imported, %" G_GUINT64_FORMAT " streamed; %" G_GUINT64_FORMAT
                  " expected", queries[q], g_list_model_get_n_items (found),
                  g_list_model_get_n_items (bilat_store_get_events (kept)), total, counts[q]);
    }
}

/* ICEWS names the countries of the day: resolved on the event's date,
 * and a name of no state then is reported with why. */
static void
test_icews_identity_by_date (void **state)
{
  g_autoptr(BilatStore) store = bilat_store_new ();
  g_autoptr(BilatImportReport) report = import_fixture (store, "icews-identity.tab", NULL,
                                                        BILAT_IMPORT_FLAGS_NONE);
  g_autoptr(BilatSeries) series = series_of_fixture ("icews-identity.tab", "dyad:SRB,RUS",
                                                     BILAT_SERIES_UNIT_YEAR, NULL);
  BilatProblem *problem;
  BilatEvent *event;

  check_counts (report, 4, 4, 4, 0, 0);
  /* "Serbia and Montenegro" in 2004: SCG; "Serbia" in 2010: SRB, and in
   * 2004 the state Serbia continues, SCG. */
  check_state (store, "icews:42000001", "SCG", BILAT_ROLE_INITIATOR, "SCG");
  check_state (store, "icews:42000002", "SRB", BILAT_ROLE_INITIATOR, "SRB");
  check_state (store, "icews:42000003", "SCG", BILAT_ROLE_INITIATOR, NULL);
  /* "Serbia and Montenegro" in 2010: no state; reported, never guessed. */
  event = BILAT_EVENT (coded (store, "icews:42000004"));
  assert_int_equal (bilat_event_get_participants (event)->len, 1);
  check_participant (event, "RUS", BILAT_ROLE_TARGET);
  assert_int_equal (bilat_import_report_get_n_problems (report), 1);
  check_problem (report, 0, BILAT_IMPORT_ERROR_UNKNOWN_COUNTRY, 5, 5, "Source Country");
  problem = g_ptr_array_index (bilat_import_report_get_problems (report), 0);
  assert_non_null (strstr (bilat_problem_get_message (problem), "Serbia and Montenegro"));
  assert_non_null (strstr (bilat_problem_get_message (problem), "2010-05-02"));

  /* Streamed, the dyad follows succession as the store does: SRB, and
   * SCG in 2004. */
  check_bin (series, "2004", 2, 2.0, 2, 0, 0, 0);
  check_bin (series, "2010", 1, 1.0, 1, 0, 0, 0);
}

static void
test_merge_equals_concatenation (void **state)
{
  g_autofree char *dir = test_temp_dir ();
  g_autofree char *first_path = g_build_filename (dir, "first.CSV", NULL);
  g_autofree char *second_path = g_build_filename (dir, "second.CSV", NULL);
  g_autoptr(GBytes) plain = fixture_bytes ("gdelt2.export.CSV");
  const char *data = g_bytes_get_data (plain, NULL);
  const char *cut = data;
  GFile *parts[2];
  g_autoptr(GFile) whole = fixture ("gdelt2.export.CSV");
  const BilatSeriesUnit units[] = { BILAT_SERIES_UNIT_DAY, BILAT_SERIES_UNIT_MONTH, BILAT_SERIES_UNIT_YEAR };

  for (guint i = 0; i < 5; i++)
    cut = strchr (cut, '\n') + 1;
  test_write_file (first_path, data, (gsize) (cut - data));
  test_write_file (second_path, cut, g_bytes_get_size (plain) - (gsize) (cut - data));
  parts[0] = g_file_new_for_path (first_path);
  parts[1] = g_file_new_for_path (second_path);

  for (guint u = 0; u < G_N_ELEMENTS (units); u++)
    for (guint threads = 1; threads <= 2; threads++)
      {
        g_autoptr(BilatSeries) all = series_of (&whole, 1, "actor:PAK", units[u], 1, NULL);
        g_autoptr(BilatSeries) a = series_of (&parts[0], 1, "actor:PAK", units[u], 1, NULL);
        g_autoptr(BilatSeries) b = series_of (&parts[1], 1, "actor:PAK", units[u], 1, NULL);
        g_autoptr(BilatImportReport) report = NULL;
        g_autoptr(BilatSeries) both = series_of (parts, 2, "actor:PAK", units[u], threads, &report);

        assert_true (bilat_series_merge (a, b, NULL));
        assert_true (bilat_series_equal (a, all));
        assert_true (bilat_series_equal (both, all));
        assert_int_equal (bilat_import_report_get_n_files (report), 2);
        check_counts (report, 12, 8, 8, 0, 0);
      }

  /* Duplicates are found across files, whichever thread reads them. */
  {
    GFile *twice[] = { whole, whole, whole };
    g_autoptr(BilatImportReport) report = NULL;
    g_autoptr(BilatSeries) once = series_of (&whole, 1, NULL, BILAT_SERIES_UNIT_DAY, 1, NULL);
    g_autoptr(BilatSeries) thrice = series_of (twice, 3, NULL, BILAT_SERIES_UNIT_DAY, 2, &report);

    assert_true (bilat_series_equal (once, thrice));
    check_counts (report, 36, 36, 12, 0, 24);
  }

  g_object_unref (parts[0]);
  g_object_unref (parts[1]);
  test_remove_dir (dir);
}

typedef struct
{
  guint   calls;
  guint64 bytes;
  guint64 total;
  guint64 rows;
  gboolean monotonic;
  GCancellable *cancel_at_first;
  GThread *thread;
} ProgressLog;

static void
log_progress (guint64  bytes,
              guint64  total,
              guint64  rows,
              gpointer user_data)
{
  ProgressLog *log = user_data;

  if (bytes < log->bytes || rows < log->rows || (total > 0 && bytes > total))
    log->monotonic = FALSE;
  if (log->thread != NULL && g_thread_self () != log->thread)
    log->monotonic = FALSE;
  log->calls++;
  log->bytes = bytes;
  log->total = total;
  log->rows = rows;
  if (log->cancel_at_first != NULL)
    g_cancellable_cancel (log->cancel_at_first);
}

static void
importer_progress (BilatImporter *importer,
                   guint64        bytes,
                   guint64        total,
                   guint64        rows,
                   gpointer       user_data)
{
  log_progress (bytes, total, rows, user_data);
}

/* An importer whose progress goes to @log. */
static BilatImporter *
importer_new_logged (ProgressLog *log)
{
  BilatImporter *importer = bilat_importer_new ();

  g_signal_connect (importer, "progress", G_CALLBACK (importer_progress), log);
  return importer;
}

/* A GDELT 2.0 file of @copies times the fixture, with new ids. */
static char *
write_large (const char *dir,
             const char *name,
             guint       copies,
             guint       first_id)
{
  g_autoptr(GBytes) plain = fixture_bytes ("gdelt2.export.CSV");
  g_autofree char *text = g_strndup (g_bytes_get_data (plain, NULL), g_bytes_get_size (plain));
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  g_autoptr(GString) out = g_string_new (NULL);
  char *path = g_build_filename (dir, name, NULL);
  guint id = first_id;

  for (guint c = 0; c < copies; c++)
    for (guint i = 0; lines[i] != NULL && lines[i][0] != '\0'; i++)
      g_string_append_printf (out, "%u%s\n", id++, strchr (lines[i], '\t'));
  test_write_file (path, out->str, out->len);
  return path;
}

static void
test_progress (void **state)
{
  g_autofree char *dir = test_temp_dir ();
  g_autofree char *first = write_large (dir, "first.CSV", 3000, 100000000);
  g_autofree char *second = write_large (dir, "second.CSV", 3000, 200000000);
  GFile *files[] = { g_file_new_for_path (first), g_file_new_for_path (second) };
  guint64 size = 0;

  for (guint i = 0; i < 2; i++)
    {
      GStatBuf st;

      g_stat (i == 0 ? first : second, &st);
      size += st.st_size;
    }

  for (guint threads = 1; threads <= 2; threads++)
    {
      ProgressLog log = { 0, 0, 0, 0, TRUE, NULL, g_thread_self () };
      g_autoptr(BilatImporter) importer = importer_new_logged (&log);
      g_autoptr(BilatImportReport) report = NULL;
      g_autoptr(BilatSeries) series = NULL;

      bilat_importer_set_threads (importer, threads);
      series = bilat_importer_compute_series (importer, files, 2, BILAT_SERIES_UNIT_MONTH, &report, NULL);
      assert_non_null (series);
      assert_true (log.monotonic);
      assert_true (log.calls >= 1);
      assert_int_equal (log.bytes, size);
      assert_int_equal (log.total, size);
      assert_int_equal (log.rows, 72000);
      check_counts (report, 72000, 72000, 72000, 0, 0);
    }

  {
    g_autoptr(BilatStore) store = bilat_store_new ();
    ProgressLog log = { 0, 0, 0, 0, TRUE, NULL, g_thread_self () };
    g_autoptr(BilatImporter) importer = importer_new_logged (&log);
    g_autoptr(BilatImportReport) report = bilat_importer_import (importer, store, files, 1, NULL);

    assert_non_null (report);
    assert_true (log.monotonic);
    assert_int_equal (log.bytes, size / 2);
    assert_int_equal (log.total, size / 2);
    assert_int_equal (g_list_model_get_n_items (bilat_store_get_events (store)), 36000);
  }

  /* A stream of unknown size: the total is known at the end. */
  {
    g_autoptr(GBytes) plain = fixture_bytes ("gdelt2.export.CSV");
    g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_bytes (plain);
    ProgressLog log = { 0, 0, 0, 0, TRUE, NULL, g_thread_self () };
    g_autoptr(BilatImporter) importer = importer_new_logged (&log);
    g_autoptr(BilatSeries) series = bilat_importer_compute_series_from_stream (importer, stream, NULL,
                                                                               BILAT_SERIES_UNIT_DAY,
                                                                               NULL, NULL);

    assert_non_null (series);
    assert_int_equal (log.bytes, g_bytes_get_size (plain));
    assert_int_equal (log.total, g_bytes_get_size (plain));
  }

  g_object_unref (files[0]);
  g_object_unref (files[1]);
  test_remove_dir (dir);
}

static void
test_cancel (void **state)
{
  g_autofree char *dir = test_temp_dir ();
  g_autofree char *large = write_large (dir, "large.CSV", 6000, 100000000);
  g_autoptr(GFile) file = g_file_new_for_path (large);
  g_autoptr(BilatStore) store = bilat_store_new ();
  g_autoptr(BilatImportReport) first = import_fixture (store, "gdelt2.export.CSV", "dyad:PAK,RUS",
                                                       BILAT_IMPORT_FLAGS_NONE);
  g_autofree char *before = ids_of (bilat_store_get_events (store));
  guint n_actors = g_list_model_get_n_items (bilat_store_get_actors (store));
  guint n_sources = g_list_model_get_n_items (bilat_store_get_sources (store));

  /* Cancelled before, while reading, and after reading but before the
   * store is changed: the store stays as it was. */
  for (guint when = 0; when < 2; when++)
    {
      g_autoptr(GCancellable) cancellable = g_cancellable_new ();
      ProgressLog log = { 0, 0, 0, 0, TRUE, when == 1 ? cancellable : NULL, NULL };
      g_autoptr(BilatImporter) importer = importer_new_logged (&log);
      g_autoptr(GError) error = NULL;
      g_autoptr(BilatImportReport) report = NULL;
      g_autofree char *after = NULL;
      g_autoptr(BilatSeries) series = NULL;

      if (when == 0)
        g_cancellable_cancel (cancellable);
      bilat_importer_set_cancellable (importer, cancellable);
      report = bilat_importer_import (importer, store, &file, 1, &error);
      assert_null (report);
      assert_true (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED));
      after = ids_of (bilat_store_get_events (store));
      assert_string_equal (before, after);
      assert_int_equal (g_list_model_get_n_items (bilat_store_get_actors (store)), n_actors);
      assert_int_equal (g_list_model_get_n_items (bilat_store_get_sources (store)), n_sources);
      g_clear_error (&error);

      log.calls = 0;
      series = bilat_importer_compute_series (importer, &file, 1, BILAT_SERIES_UNIT_DAY, NULL, &error);
      assert_null (series);
      assert_true (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED));
    }

  test_remove_dir (dir);
}

typedef struct
{
  GMainLoop         *loop;
  BilatImportReport *report;
  GError            *error;
  ProgressLog        log;
  guint              calls_at_result;
} AsyncState;

static void
async_done (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  AsyncState *async = user_data;

  async->report = bilat_importer_import_finish (BILAT_IMPORTER (source), result, &async->error);
  async->calls_at_result = async->log.calls;
  g_main_loop_quit (async->loop);
}

static void
test_async (void **state)
{
  g_autofree char *dir = test_temp_dir ();
  g_autofree char *large = write_large (dir, "large.CSV", 2000, 100000000);
  g_autoptr(GFile) file = g_file_new_for_path (large);
  g_autoptr(BilatStore) store = bilat_store_new ();
  g_autoptr(BilatQuery) query = query_new ("dyad:PAK,RUS");
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  AsyncState async = { loop, NULL, NULL, { 0, 0, 0, 0, TRUE, NULL, g_thread_self () }, 0 };
  BilatImporter *importer = importer_new_logged (&async.log);
  GStatBuf st;

  g_stat (large, &st);
  bilat_importer_set_query (importer, query);
  bilat_importer_import_async (importer, store, &file, 1, async_done, &async);
  /* The settings and the query are read at once: changing them now
   * changes nothing. */
  bilat_query_set_dyad (query, "USA", "PAK");
  bilat_importer_set_query (importer, NULL);
  assert_int_equal (g_list_model_get_n_items (bilat_store_get_events (store)), 0);
  g_main_loop_run (loop);

  if (async.error != NULL)
    fail_msg ("%s", async.error->message);
  assert_non_null (async.report);
  check_counts (async.report, 24000, 10000, 10000, 0, 0);
  assert_int_equal (g_list_model_get_n_items (bilat_store_get_events (store)), 10000);
  assert_true (async.log.monotonic);
  assert_true (async.log.calls >= 1);
  assert_int_equal (async.log.calls, async.calls_at_result);
  assert_int_equal (async.log.bytes, st.st_size);
  assert_int_equal (async.log.total, st.st_size);
  g_clear_object (&async.report);

  /* Let the task go, then the importer it held for its progress. */
  g_object_add_weak_pointer (G_OBJECT (importer), (gpointer *) &importer);
  g_object_unref (importer);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  assert_null (importer);

  /* Cancelled: the store is unchanged. */
  {
    g_autoptr(GCancellable) cancellable = g_cancellable_new ();
    g_autoptr(BilatImporter) cancelling = bilat_importer_new ();
    AsyncState cancelled = { loop, NULL, NULL, { 0, 0, 0, 0, TRUE, NULL, g_thread_self () }, 0 };

    bilat_importer_set_cancellable (cancelling, cancellable);
    bilat_importer_import_async (cancelling, store, &file, 1, async_done, &cancelled);
    g_cancellable_cancel (cancellable);
    g_main_loop_run (loop);
    assert_null (cancelled.report);
    assert_true (g_error_matches (cancelled.error, G_IO_ERROR, G_IO_ERROR_CANCELLED));
    g_clear_error (&cancelled.error);
    assert_int_equal (g_list_model_get_n_items (bilat_store_get_events (store)), 10000);
  }
  while (g_main_context_iteration (NULL, FALSE))
    ;
  test_remove_dir (dir);
}

/* A store of coded events saves and loads back with every field. */
static void
test_save_and_load (void **state)
{
  const char *names[] = { "gdelt2.export.CSV", "gdelt1-backfile.CSV", "icews.tab", NULL };

  for (guint f = 0; names[f] != NULL; f++)
    {
      g_autoptr(BilatStore) store = bilat_store_new ();
      g_autoptr(BilatStore) loaded = bilat_store_new ();
      g_autoptr(BilatImportReport) report = import_fixture (store, names[f], NULL, BILAT_IMPORT_FLAGS_NONE);
      g_autoptr(GError) error = NULL;
      g_autofree char *data = NULL;
      g_autofree char *again = NULL;
      GListModel *events = bilat_store_get_events (store);
      gsize length = 0;

      data = bilat_store_save_to_data (store, &length, &error);
      assert_non_null (data);
      if (!bilat_store_load_from_data (loaded, data, (gssize) length, &error))
        fail_msg ("%s: %s", names[f], error->message);
      again = bilat_store_save_to_data (loaded, NULL, NULL);
      assert_string_equal (data, again);
      assert_int_equal (g_list_model_get_n_items (bilat_store_get_events (loaded)),
                        g_list_model_get_n_items (events));

      for (guint i = 0; i < g_list_model_get_n_items (events); i++)
        {
          g_autoptr(BilatEvent) event = g_list_model_get_item (events, i);
          BilatEvent *copy = bilat_store_lookup_event (loaded, bilat_record_get_id (BILAT_RECORD (event)));
          BilatCodedEvent *a = BILAT_CODED_EVENT (event);
          BilatCodedEvent *b;

          assert_non_null (copy);
          assert_true (BILAT_IS_CODED_EVENT (copy));
          b = BILAT_CODED_EVENT (copy);
          assert_int_equal (bilat_coded_event_get_dataset (a), bilat_coded_event_get_dataset (b));
          assert_string_equal (bilat_event_get_title (event), bilat_event_get_title (copy));
          assert_true (g_strcmp0 (bilat_coded_event_get_actor1_name (a), bilat_coded_event_get_actor1_name (b)) == 0);
          assert_true (g_strcmp0 (bilat_coded_event_get_actor2_types (a), bilat_coded_event_get_actor2_types (b)) == 0);
          assert_true (g_strcmp0 (bilat_coded_event_get_url (a), bilat_coded_event_get_url (b)) == 0);
          assert_int_equal (bilat_coded_event_get_root_event (a), bilat_coded_event_get_root_event (b));
          assert_int_equal (bilat_coded_event_get_mentions (a), bilat_coded_event_get_mentions (b));
          assert_true (bilat_coded_event_get_tone (a) == bilat_coded_event_get_tone (b) ||
                       (isnan (bilat_coded_event_get_tone (a)) && isnan (bilat_coded_event_get_tone (b))));
          assert_true (bilat_event_get_goldstein (event) == bilat_event_get_goldstein (copy));
        }
    }
}

static void
test_coded_event (void **state)
{
  g_autoptr(BilatCodedEvent) event = bilat_coded_event_new ("gdelt:1", BILAT_EVENT_FORMAT_GDELT1);
  g_autoptr(BilatDate) date = bilat_date_new_day (2016, 7, 28, NULL);
  g_autofree char *name = NULL;
  guint mentions = 0;

  assert_true (BILAT_IS_EVENT (event));
  assert_int_equal (bilat_coded_event_get_dataset (event), BILAT_EVENT_FORMAT_GDELT1);
  assert_true (isnan (bilat_coded_event_get_tone (event)));
  assert_null (bilat_coded_event_get_url (event));
  bilat_coded_event_set_actor2_name (event, "RUSSIA");
  bilat_coded_event_set_actor2_types (event, "GOV,MIL");
  bilat_coded_event_set_mentions (event, 7);
  bilat_coded_event_set_tone (event, 2.5);
  bilat_coded_event_set_date_added (event, date);
  g_object_get (event, "actor2-name", &name, "mentions", &mentions, NULL);
  assert_string_equal (name, "RUSSIA");
  assert_int_equal (mentions, 7);
  assert_string_equal (bilat_coded_event_get_actor2_types (event), "GOV,MIL");
  assert_true (bilat_coded_event_get_tone (event) == 2.5);
  assert_true (bilat_date_equal (bilat_coded_event_get_date_added (event), date));
  bilat_coded_event_set_date_added (event, NULL);
  assert_null (bilat_coded_event_get_date_added (event));
}

static void
test_report (void **state)
{
  g_autoptr(BilatImportReport) merged = bilat_import_report_new ();
  g_autoptr(BilatImportReport) bad = NULL;
  g_autoptr(BilatImportReport) icews = NULL;
  g_autoptr(BilatSeries) a = series_of_fixture ("gdelt2-bad.export.CSV", NULL, BILAT_SERIES_UNIT_DAY, &bad);
  g_autoptr(BilatSeries) b = series_of_fixture ("icews-bad.tab", NULL, BILAT_SERIES_UNIT_DAY, &icews);
  g_autofree char *text = NULL;

  bilat_import_report_merge (merged, bad);
  bilat_import_report_merge (merged, icews);
  assert_int_equal (bilat_import_report_get_format (merged), BILAT_EVENT_FORMAT_GDELT2);
  assert_int_equal (bilat_import_report_get_n_files (merged), 2);
  check_counts (merged, 21, 6, 5, 15, 1);
  assert_int_equal (bilat_import_report_get_n_problems (merged), 16);
  check_problem (merged, 12, BILAT_IMPORT_ERROR_BAD_ROW, 3, 0, NULL);
  text = bilat_import_report_to_string (merged);
  assert_string_equal (text, "GDELT 2.0, 2 files, 21 rows: 6 matched, 5 kept, 15 bad rows, 1 duplicates");
}

/* More problems than a report keeps. */
static void
test_many_problems (void **state)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(BilatImportReport) report = NULL;
  g_autoptr(BilatSeries) series = NULL;
  g_autoptr(BilatImporter) importer = bilat_importer_new ();
  g_autoptr(GBytes) plain = fixture_bytes ("gdelt2.export.CSV");
  g_autofree char *first = g_strndup (g_bytes_get_data (plain, NULL), g_bytes_get_size (plain));

  *strchr (first, '\n') = '\0';
  g_string_append_printf (text, "%s\n", first);
  for (guint i = 0; i < 250; i++)
    g_string_append (text, "1\t2\t3\n");
  stream = g_memory_input_stream_new_from_data (g_strdup (text->str), (gssize) text->len, g_free);
  series = bilat_importer_compute_series_from_stream (importer, stream, "many", BILAT_SERIES_UNIT_DAY,
                                                      &report, NULL);
  assert_non_null (series);
  check_counts (report, 251, 1, 1, 250, 0);
  assert_int_equal (bilat_import_report_get_n_problems (report), 250);
  assert_int_equal (bilat_import_report_get_problems (report)->len, BILAT_IMPORT_MAX_PROBLEMS);
  check_problem (report, 99, BILAT_IMPORT_ERROR_BAD_ROW, 101, 0, NULL);
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test (test_code_tables),
    cmocka_unit_test (test_id_set),
    cmocka_unit_test (test_gdelt2_series),
    cmocka_unit_test (test_gdelt2_import),
    cmocka_unit_test (test_gdelt2_import_all),
    cmocka_unit_test (test_gdelt1_layouts),
    cmocka_unit_test (test_icews),
    cmocka_unit_test (test_bad_rows),
    cmocka_unit_test (test_strict),
    cmocka_unit_test (test_duplicates_with_store),
    cmocka_unit_test (test_duplicates_with_store_named),
    cmocka_unit_test (test_compact_dates),
    cmocka_unit_test (test_compressed_and_archived),
    cmocka_unit_test (test_inflate_backends),
    cmocka_unit_test (test_report_id_span),
    cmocka_unit_test (test_inflate_in_pieces),
    cmocka_unit_test (test_inflate_refused_counters),
    cmocka_unit_test (test_truncated_and_damaged),
    cmocka_unit_test (test_formats),
    cmocka_unit_test (test_text_forms),
    cmocka_unit_test (test_filters_match_queries),
    cmocka_unit_test (test_succession),
    cmocka_unit_test (test_succession_cycle),
    cmocka_unit_test (test_gdelt_identity_by_date),
    cmocka_unit_test (test_icews_identity_by_date),
    cmocka_unit_test (test_merge_equals_concatenation),
    cmocka_unit_test (test_progress),
    cmocka_unit_test (test_cancel),
    cmocka_unit_test (test_async),
    cmocka_unit_test (test_save_and_load),
    cmocka_unit_test (test_coded_event),
    cmocka_unit_test (test_report),
    cmocka_unit_test (test_many_problems),
  };

  return cmocka_run_group_tests_name ("import", tests, NULL, NULL);
}
