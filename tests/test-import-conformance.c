/* test-import-conformance.c: the readers over the real samples in shared/data
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Every real sample of ../shared/data (GDELT 1.0 in both its layouts,
 * GDELT 2.0, ICEWS) is read by the library, and its events per dyad
 * (counts, Goldstein sums, QuadClass counts) are compared with what this
 * test computes on its own: a plain split of each line at tabs, the
 * file's own GoldsteinScale/QuadClass columns, and ICEWS's country names
 * mapped with the regular expressions of the countrycode crosswalk in
 * shared/data, not with the library's table. The code tables of the
 * library are checked against the shared lookups as well.
 *
 * The samples stay in shared/data; the folder is given by the meson
 * option shared_data, as BILAT_SHARED_DATA. Without it the whole program
 * is skipped.
 */

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <bilat/bilat.h>

static const char *shared_data;

static char *
shared_path (const char *relative)
{
  return g_build_filename (shared_data, relative, NULL);
}

static char **
read_lines (const char *relative)
{
  g_autofree char *path = shared_path (relative);
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  char **lines;

  if (!g_file_get_contents (path, &text, NULL, &error))
    fail_msg ("%s", error->message);
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      gsize n = strlen (lines[i]);

      if (n > 0 && lines[i][n - 1] == '\r')
        lines[i][n - 1] = '\0';
    }
  return lines;
}

/* One line of CSV: fields separated by commas, maybe in double quotes. */
static GPtrArray *
split_csv (const char *line)
{
  GPtrArray *fields = g_ptr_array_new_with_free_func (g_free);
  GString *field = g_string_new (NULL);
  gboolean quoted = FALSE;

  for (const char *p = line; ; p++)
    {
      if (quoted)
        {
          if (*p == '\0')
            break;
          if (*p == '"' && p[1] == '"')
            g_string_append_c (field, *p++);
          else if (*p == '"')
            quoted = FALSE;
          else
            g_string_append_c (field, *p);
          continue;
        }
      if (*p == '"')
        quoted = TRUE;
      else if (*p == ',' || *p == '\0')
        {
          g_ptr_array_add (fields, g_strdup (field->str));
          g_string_truncate (field, 0);
          if (*p == '\0')
            break;
        }
      else
        g_string_append_c (field, *p);
    }
  g_string_free (field, TRUE);
  return fields;
}

/* The countrycode crosswalk: rows as column → value tables. */
static GPtrArray *
read_codelist (void)
{
  g_auto(GStrv) lines = read_lines ("countrycodes/countrycode_codelist_without_cldr.csv");
  g_autoptr(GPtrArray) header = split_csv (lines[0]);
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_hash_table_unref);

  for (guint i = 1; lines[i] != NULL; i++)
    {
      g_autoptr(GPtrArray) fields = NULL;
      GHashTable *row;

      if (lines[i][0] == '\0')
        continue;
      fields = split_csv (lines[i]);
      assert_int_equal (fields->len, header->len);
      row = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
      for (guint f = 0; f < fields->len; f++)
        g_hash_table_insert (row, g_strdup (g_ptr_array_index (header, f)),
                             g_strdup (g_ptr_array_index (fields, f)));
      g_ptr_array_add (rows, row);
    }
  return rows;
}

/* What the test computes of one dyad. */
typedef struct
{
  guint64 count;
  double  goldstein;
  guint64 quad[4];
} Figures;

static void
add_figures (GHashTable *dyads,
             const char *a,
             const char *b,
             double      goldstein,
             int         quad)
{
  g_autofree char *key = strcmp (a, b) < 0 ? g_strdup_printf ("%s|%s", a, b)
                                           : g_strdup_printf ("%s|%s", b, a);
  Figures *figures = g_hash_table_lookup (dyads, key);

  if (figures == NULL)
    {
      figures = g_new0 (Figures, 1);
      g_hash_table_insert (dyads, g_steal_pointer (&key), figures);
    }
  figures->count++;
  if (!isnan (goldstein))
    figures->goldstein += goldstein;
  if (quad >= 1 && quad <= 4)
    figures->quad[quad - 1]++;
}

static GHashTable *
new_dyads (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

/* The dyads of the events of a store, as the library made them. */
static GHashTable *
store_dyads (BilatStore *store)
{
  GHashTable *dyads = new_dyads ();
  GListModel *events = bilat_store_get_events (store);

  for (guint i = 0; i < g_list_model_get_n_items (events); i++)
    {
      g_autoptr(BilatEvent) event = g_list_model_get_item (events, i);
      GPtrArray *participants = bilat_event_get_participants (event);

      if (participants->len == 2)
        add_figures (dyads,
                     bilat_participant_get_actor (g_ptr_array_index (participants, 0)),
                     bilat_participant_get_actor (g_ptr_array_index (participants, 1)),
                     bilat_event_get_goldstein (event), bilat_event_get_quad_class (event));
    }
  return dyads;
}

static void
compare_dyads (const char *what,
               GHashTable *expected,
               GHashTable *found)
{
  GHashTableIter iter;
  gpointer key, value;

  assert_int_equal (g_hash_table_size (found), g_hash_table_size (expected));
  g_hash_table_iter_init (&iter, expected);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      const Figures *want = value;
      const Figures *got = g_hash_table_lookup (found, key);

      if (got == NULL)
        fail_msg ("%s: dyad %s is missing", what, (const char *) key);
      if (got->count != want->count || fabs (got->goldstein - want->goldstein) > 1e-6 ||
          memcmp (got->quad, want->quad, sizeof want->quad) != 0)
        fail_msg ("%s: dyad %s: %" G_GUINT64_FORMAT " events, Goldstein %.1f; expected %"
                  G_GUINT64_FORMAT ", %.1f", what, (const char *) key, got->count, got->goldstein,
                  want->count, want->goldstein);
    }
}

/* For the dyads with the most events, the series streamed with a dyad
 * query has the test's figures too: the row filter at work. */
static void
check_streamed_dyads (const char *relative,
                      GHashTable *expected)
{
  g_autofree char *path = shared_path (relative);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GList) keys = g_hash_table_get_keys (expected);
  guint checked = 0;

  for (GList *l = keys; l != NULL; l = l->next)
    {
      const Figures *want = g_hash_table_lookup (expected, l->data);
      g_auto(GStrv) pair = NULL;
      g_autoptr(BilatQuery) query = bilat_query_new ();
      g_autoptr(BilatImporter) importer = bilat_importer_new ();
      g_autoptr(BilatSeries) series = NULL;
      g_autoptr(GError) error = NULL;
      Figures got = { 0 };

      if (want->count < 3 && checked > 0)
        continue;
      pair = g_strsplit (l->data, "|", 2);
      bilat_query_set_dyad (query, pair[0], pair[1]);
      bilat_importer_set_query (importer, query);
      bilat_importer_set_flags (importer, BILAT_IMPORT_FLAGS_STRICT);
      series = bilat_importer_compute_series (importer, &file, 1, BILAT_SERIES_UNIT_YEAR, NULL, &error);
      if (series == NULL)
        fail_msg ("%s: %s", relative, error->message);
      for (guint bin = 0; bin < bilat_series_get_n_bins (series); bin++)
        {
          got.count += bilat_series_get_count (series, bin);
          got.goldstein += bilat_series_get_goldstein_sum (series, bin);
          for (int q = 0; q < 4; q++)
            got.quad[q] += bilat_series_get_quad_count (series, bin, q + 1);
        }
      if (got.count != want->count || fabs (got.goldstein - want->goldstein) > 1e-6 ||
          memcmp (got.quad, want->quad, sizeof got.quad) != 0)
        fail_msg ("%s: streamed dyad %s: %" G_GUINT64_FORMAT " events, expected %" G_GUINT64_FORMAT,
                  relative, (const char *) l->data, got.count, want->count);
      if (++checked == 20)
        break;
    }
  assert_true (checked > 0);
}

static BilatStore *
import_all (const char         *relative,
            BilatEventFormat    format,
            BilatImportReport **report)
{
  g_autofree char *path = shared_path (relative);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(BilatImporter) importer = bilat_importer_new ();
  g_autoptr(GError) error = NULL;
  BilatStore *store = bilat_store_new ();

  bilat_importer_set_flags (importer, BILAT_IMPORT_FLAGS_STRICT);
  *report = bilat_importer_import (importer, store, &file, 1, &error);
  if (*report == NULL)
    fail_msg ("%s: %s", relative, error->message);
  assert_int_equal (bilat_import_report_get_format (*report), format);
  assert_int_equal (bilat_import_report_get_bad_rows (*report), 0);
  assert_int_equal (bilat_import_report_get_duplicates (*report), 0);
  return store;
}

/* CAMEO's four country codes that are not ISO's: the only mapping a
 * GDELT actor country needs. */
static const char *
cameo_to_actor (const char *code)
{
  static const char * const renamed[][2] = {
    { "ROM", "ROU" }, { "MTN", "MNE" }, { "IMY", "IMN" }, { "TMP", "TLS" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (renamed); i++)
    if (strcmp (code, renamed[i][0]) == 0)
      return renamed[i][1];
  return code;
}

/* The state a code of today names on the day @yyyymmdd of a row, where
 * that state continues another that existed then: GDELT codes the Soviet
 * Union's actors and places with Russia's codes (RUS, FIPS RS), and the
 * reader resolves them on the row's date. The dates are history's, not
 * the library's tables. */
static const char *
as_of (const char *id,
       const char *yyyymmdd)
{
  static const char * const continued[][3] = {
    { "RUS", "19911226", "SUN" },   /* the Soviet Union ended on 1991-12-25 */
    { "SRB", "20060605", "SCG" },   /* Serbia and Montenegro, 2003-02-04 to 2006-06-04 */
    { "SCG", "20030204", "YUG" },   /* before it, Yugoslavia */
  };

  for (guint i = 0; i < G_N_ELEMENTS (continued); i++)
    if (strcmp (id, continued[i][0]) == 0 && strcmp (yyyymmdd, continued[i][1]) < 0)
      id = continued[i][2];
  return id;
}

/* FIPS → ISO from the crosswalk. */
static GHashTable *
fips_crosswalk (void)
{
  g_autoptr(GPtrArray) rows = read_codelist ();
  GHashTable *map = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  for (guint i = 0; i < rows->len; i++)
    {
      GHashTable *row = g_ptr_array_index (rows, i);
      const char *fips = g_hash_table_lookup (row, "fips");
      const char *iso = g_hash_table_lookup (row, "iso3c");

      if (fips[0] != '\0' && iso[0] != '\0')
        g_hash_table_insert (map, g_strdup (fips), g_strdup (iso));
    }
  return map;
}

/* GDELT: 1-based columns of the actor countries, scores and place. */
static void
check_gdelt_sample (const char       *relative,
                    BilatEventFormat  format,
                    guint             n_rows,
                    guint             geo_country_column)
{
  g_auto(GStrv) lines = read_lines (relative);
  g_autoptr(GHashTable) expected = new_dyads ();
  g_autoptr(GHashTable) found = NULL;
  g_autoptr(GHashTable) fips = fips_crosswalk ();
  g_autoptr(BilatImportReport) report = NULL;
  g_autoptr(BilatStore) store = import_all (relative, format, &report);
  guint rows = 0;
  guint places_checked = 0;
  guint n57 = 0;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) columns = NULL;
      g_autofree char *id = NULL;
      guint n;
      BilatEvent *event;
      BilatPlace *place;
      const char *a1, *a2;
      guint geo;

      if (lines[i][0] == '\0')
        continue;
      rows++;
      columns = g_strsplit (lines[i], "\t", -1);
      n = g_strv_length (columns);
      assert_true (n == 57 || n == 58 || n == 61);
      n57 += n == 57;
      a1 = as_of (cameo_to_actor (columns[7]), columns[1]);
      a2 = as_of (cameo_to_actor (columns[17]), columns[1]);
      if (a1[0] != '\0' && a2[0] != '\0' && strcmp (a1, a2) != 0)
        add_figures (expected, a1, a2, g_ascii_strtod (columns[30], NULL), atoi (columns[29]));

      /* The place's country: the crosswalk's ISO code for the FIPS one,
       * the state of the row's day (RS in 1982: SUN). */
      id = g_strdup_printf ("gdelt:%s", columns[0]);
      event = bilat_store_lookup_event (store, id);
      assert_non_null (event);
      geo = n == 61 ? geo_country_column + 2 : geo_country_column;
      place = bilat_event_get_place (event);
      if (strcmp (columns[geo - 3], "0") != 0 && g_hash_table_contains (fips, columns[geo - 1]))
        {
          assert_non_null (place);
          assert_string_equal (bilat_place_get_country (place),
                               as_of (g_hash_table_lookup (fips, columns[geo - 1]), columns[1]));
          places_checked++;
        }
    }

  assert_int_equal (rows, n_rows);
  assert_int_equal (bilat_import_report_get_rows (report), n_rows);
  assert_int_equal (bilat_import_report_get_kept (report), n_rows);
  assert_int_equal (g_list_model_get_n_items (bilat_store_get_events (store)), n_rows);
  assert_true (places_checked > n_rows / 2);
  if (format == BILAT_EVENT_FORMAT_GDELT1)
    assert_int_equal (n57, 201);

  found = store_dyads (store);
  compare_dyads (relative, expected, found);
  check_streamed_dyads (relative, expected);
}

static void
test_gdelt1_sample (void **state)
{
  /* ActionGeo_CountryCode: column 52 of GDELT 1.0 (54 of 2.0). */
  check_gdelt_sample ("gdelt1/reed9999_events_sample.tsv", BILAT_EVENT_FORMAT_GDELT1, 710, 52);
}

static void
test_gdelt2_sample (void **state)
{
  check_gdelt_sample ("gdelt2/20191024143000.export.CSV", BILAT_EVENT_FORMAT_GDELT2, 2111, 52);
}

typedef struct
{
  GRegex *regex;
  char   *iso;
} NamePattern;

static void
name_pattern_free (NamePattern *pattern)
{
  g_regex_unref (pattern->regex);
  g_free (pattern->iso);
  g_free (pattern);
}

/* A country name → its ISO code, by the crosswalk's English regexes; a
 * name must match exactly one. */
static const char *
map_name (GPtrArray  *patterns,
          GHashTable *cache,
          const char *name)
{
  const char *iso = NULL;

  if (strcmp (name, "NA") == 0)
    return NULL;
  if (g_hash_table_lookup_extended (cache, name, NULL, (gpointer *) &iso))
    return iso;
  for (guint i = 0; i < patterns->len; i++)
    {
      NamePattern *pattern = g_ptr_array_index (patterns, i);

      if (g_regex_match (pattern->regex, name, 0, NULL))
        {
          if (iso != NULL)
            fail_msg ("“%s” is both %s and %s", name, iso, pattern->iso);
          iso = pattern->iso;
        }
    }
  g_hash_table_insert (cache, g_strdup (name), (gpointer) iso);
  return iso;
}

/* The QuadClass of a CAMEO code, from its root. */
static int
quad_of_code (const char *code)
{
  char digits[3] = { code[0], code[1], '\0' };
  int root = atoi (digits);

  return root <= 5 ? 1 : root <= 9 ? 2 : root <= 14 ? 3 : 4;
}

static void
test_icews_sample (void **state)
{
  const char *relative = "icews/events.2018.sample.tab";
  g_auto(GStrv) lines = read_lines (relative);
  g_autoptr(GPtrArray) codelist = read_codelist ();
  g_autoptr(GPtrArray) patterns = g_ptr_array_new_with_free_func ((GDestroyNotify) name_pattern_free);
  g_autoptr(GHashTable) cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) expected = new_dyads ();
  g_autoptr(GHashTable) found = NULL;
  g_autoptr(BilatImportReport) report = NULL;
  g_autoptr(BilatStore) store = import_all (relative, BILAT_EVENT_FORMAT_ICEWS, &report);
  guint rows = 0;

  for (guint i = 0; i < codelist->len; i++)
    {
      GHashTable *row = g_ptr_array_index (codelist, i);
      const char *regex = g_hash_table_lookup (row, "country.name.en.regex");
      const char *iso = g_hash_table_lookup (row, "iso3c");
      NamePattern *pattern;

      if (regex[0] == '\0' || iso[0] == '\0')
        continue;
      pattern = g_new0 (NamePattern, 1);
      pattern->regex = g_regex_new (regex, G_REGEX_CASELESS, 0, NULL);
      assert_non_null (pattern->regex);
      pattern->iso = g_strdup (iso);
      g_ptr_array_add (patterns, pattern);
    }

  assert_true (g_str_has_prefix (lines[0], "Event ID\t"));
  for (guint i = 1; lines[i] != NULL; i++)
    {
      g_auto(GStrv) columns = NULL;
      const char *a1, *a2;

      if (lines[i][0] == '\0')
        continue;
      rows++;
      columns = g_strsplit (lines[i], "\t", -1);
      assert_int_equal (g_strv_length (columns), 20);
      a1 = map_name (patterns, cache, columns[4]);
      a2 = map_name (patterns, cache, columns[10]);
      if (a1 != NULL && a2 != NULL && strcmp (a1, a2) != 0)
        add_figures (expected, a1, a2, g_ascii_strtod (columns[7], NULL), quad_of_code (columns[6]));
    }

  assert_int_equal (rows, 3705);
  assert_int_equal (bilat_import_report_get_rows (report), rows);
  assert_int_equal (bilat_import_report_get_kept (report), rows);
  /* Every name of the sample has a code. */
  assert_int_equal (bilat_import_report_get_n_problems (report), 0);

  found = store_dyads (store);
  compare_dyads (relative, expected, found);
  check_streamed_dyads (relative, expected);
}

/* Each row of a shared CSV lookup, as fields. */
static GPtrArray *
read_csv_rows (const char *relative)
{
  g_auto(GStrv) lines = read_lines (relative);
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);

  for (guint i = 1; lines[i] != NULL; i++)
    if (lines[i][0] != '\0')
      g_ptr_array_add (rows, split_csv (lines[i]));
  return rows;
}

static void
test_tables_match_shared_lookups (void **state)
{
  g_autoptr(GHashTable) fips = fips_crosswalk ();
  g_autoptr(GPtrArray) datathon_fips = read_csv_rows ("cameo/datathon_fips_country.std.csv");
  g_autoptr(GPtrArray) cameo_countries = read_csv_rows ("cameo/datathon_cameo_country.std.csv");
  g_autoptr(GPtrArray) actor_types = read_csv_rows ("cameo/datathon_cameo_actor_type.std.csv");
  g_auto(GStrv) types = read_lines ("cameo/arekziobrowski_CAMEO.type.txt");
  GHashTableIter iter;
  gpointer key, value;

  /* FIPS: every code the crosswalk maps maps alike; every code of GDELT's
   * lookup is known. */
  g_hash_table_iter_init (&iter, fips);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (g_strcmp0 (bilat_country_from_fips (key), value) != 0)
      fail_msg ("FIPS %s: %s, the crosswalk says %s", (const char *) key,
                bilat_country_from_fips (key), (const char *) value);
  for (guint i = 0; i < datathon_fips->len; i++)
    {
      GPtrArray *row = g_ptr_array_index (datathon_fips, i);

      if (bilat_fips_country_get_name (g_ptr_array_index (row, 0)) == NULL)
        fail_msg ("FIPS %s is missing", (const char *) g_ptr_array_index (row, 0));
    }
  assert_int_equal (g_strv_length ((char **) bilat_fips_country_get_codes ()), datathon_fips->len + 1);

  /* CAMEO countries: the same codes; ISO's own where iso-codes knows them. */
  assert_int_equal (g_strv_length ((char **) bilat_cameo_country_get_codes ()), cameo_countries->len);
  for (guint i = 0; i < cameo_countries->len; i++)
    {
      const char *code = g_ptr_array_index ((GPtrArray *) g_ptr_array_index (cameo_countries, i), 0);

      if (bilat_cameo_country_get_name (code) == NULL)
        fail_msg ("CAMEO country %s is missing", code);
      if (bilat_country_get_name (code) != NULL && !bilat_country_is_historic (code))
        assert_string_equal (bilat_cameo_country_to_iso (code), code);
    }

  /* Actor types: both shared lists, name for name. */
  assert_int_equal (g_strv_length ((char **) bilat_cameo_actor_type_get_codes ()), actor_types->len);
  for (guint i = 0; i < actor_types->len; i++)
    {
      GPtrArray *row = g_ptr_array_index (actor_types, i);

      assert_string_equal (bilat_cameo_actor_type_get_name (g_ptr_array_index (row, 0)),
                           g_ptr_array_index (row, 1));
    }
  for (guint i = 1; types[i] != NULL; i++)
    {
      g_auto(GStrv) fields = g_strsplit (types[i], "\t", 2);

      if (fields[0] == NULL || fields[1] == NULL)
        continue;
      assert_string_equal (bilat_cameo_actor_type_get_name (fields[0]), fields[1]);
    }
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test (test_tables_match_shared_lookups),
    cmocka_unit_test (test_gdelt1_sample),
    cmocka_unit_test (test_gdelt2_sample),
    cmocka_unit_test (test_icews_sample),
  };
  g_autofree char *probe = NULL;

  shared_data = g_getenv ("BILAT_SHARED_DATA");
  if (shared_data == NULL || *shared_data == '\0')
    {
      /* A TAP plan of no tests, skipped as a whole: meson shows SKIP. */
      printf ("1..0 # SKIP BILAT_SHARED_DATA is not set: configure with "
              "-Dshared_data=/path/to/shared/data to run the conformance suite\n");
      return 0;
    }
  probe = g_build_filename (shared_data, "gdelt2", "20191024143000.export.CSV", NULL);
  if (!g_file_test (probe, G_FILE_TEST_IS_REGULAR))
    {
      printf ("1..0 # SKIP %s has no event-data samples (no %s)\n", shared_data, probe);
      return 0;
    }

  return cmocka_run_group_tests_name ("import-conformance", tests, NULL, NULL);
}
