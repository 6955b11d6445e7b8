/* test-series.c: time series of counts, Goldstein and QuadClass figures
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <math.h>
#include <string.h>

#include <bilat/bilat.h>

static BilatEvent *
make_event (const char *id,
            const char *when,
            const char *cameo)
{
  BilatEvent *event = bilat_event_new (id);

  if (when != NULL)
    {
      g_autoptr(BilatDate) date = bilat_date_parse (when, NULL);

      assert_non_null (date);
      bilat_event_set_date (event, date);
    }
  bilat_event_set_cameo_code (event, cameo);
  bilat_event_add_participant (event, "PAK", BILAT_ROLE_INITIATOR);
  bilat_event_add_participant (event, "RUS", BILAT_ROLE_TARGET);
  return event;
}

static void
add (BilatSeries *series,
     const char  *when,
     const char  *cameo)
{
  g_autoptr(BilatEvent) event = make_event ("e", when, cameo);

  bilat_series_add_event (series, event);
}

static char *
bin_text (BilatSeries *series,
          guint        bin)
{
  g_autoptr(BilatDate) date = bilat_series_get_bin_date (series, bin);

  return bilat_date_to_string (date);
}

static void
test_empty (void **state)
{
  g_autoptr(BilatSeries) series = bilat_series_new (BILAT_SERIES_UNIT_MONTH);
  g_autofree char *csv = bilat_series_to_string (series, BILAT_SERIES_FORMAT_CSV);

  assert_int_equal (bilat_series_get_unit (series), BILAT_SERIES_UNIT_MONTH);
  assert_int_equal (bilat_series_get_n_bins (series), 0);
  assert_int_equal (bilat_series_get_total (series), 0);
  assert_string_equal (csv, "period,events,goldstein_sum,q1,q2,q3,q4,goldstein_mean,goldstein_events\n");
}

static void
test_monthly_bins_with_gaps (void **state)
{
  g_autoptr(BilatSeries) series = bilat_series_new (BILAT_SERIES_UNIT_MONTH);
  g_autofree char *first = NULL;
  g_autofree char *gap = NULL;
  g_autofree char *last = NULL;

  add (series, "2018-03-15", "062");
  add (series, "2018-01-02", "040");
  add (series, "2018-01-31", "1123");
  add (series, "2018-01-20", NULL);       /* counted, no Goldstein, no quad */

  assert_int_equal (bilat_series_get_n_bins (series), 3);
  first = bin_text (series, 0);
  gap = bin_text (series, 1);
  last = bin_text (series, 2);
  assert_string_equal (first, "2018-01");
  assert_string_equal (gap, "2018-02");
  assert_string_equal (last, "2018-03");

  assert_int_equal (bilat_series_get_count (series, 0), 3);
  assert_int_equal (bilat_series_get_goldstein_count (series, 0), 2);
  assert_true (fabs (bilat_series_get_goldstein_sum (series, 0) -
                     (bilat_cameo_get_goldstein ("040") + bilat_cameo_get_goldstein ("1123"))) < 1e-9);
  assert_true (fabs (bilat_series_get_goldstein_mean (series, 0) -
                     bilat_series_get_goldstein_sum (series, 0) / 2) < 1e-9);
  assert_int_equal (bilat_series_get_quad_count (series, 0, BILAT_QUAD_CLASS_VERBAL_COOPERATION), 1);
  assert_int_equal (bilat_series_get_quad_count (series, 0, BILAT_QUAD_CLASS_VERBAL_CONFLICT), 1);
  assert_int_equal (bilat_series_get_quad_count (series, 0, BILAT_QUAD_CLASS_MATERIAL_COOPERATION), 0);

  /* the empty bin inside the range is present, with zeros */
  assert_int_equal (bilat_series_get_count (series, 1), 0);
  assert_int_equal (bilat_series_get_goldstein_count (series, 1), 0);
  assert_true (bilat_series_get_goldstein_sum (series, 1) == 0.0);
  assert_true (isnan (bilat_series_get_goldstein_mean (series, 1)));

  assert_int_equal (bilat_series_get_count (series, 2), 1);
  assert_int_equal (bilat_series_get_quad_count (series, 2, BILAT_QUAD_CLASS_MATERIAL_COOPERATION), 1);
  assert_int_equal (bilat_series_get_total (series), 4);
}

static void
test_units (void **state)
{
  g_autoptr(BilatSeries) days = bilat_series_new (BILAT_SERIES_UNIT_DAY);
  g_autoptr(BilatSeries) years = bilat_series_new (BILAT_SERIES_UNIT_YEAR);
  g_autofree char *day0 = NULL;
  g_autofree char *day_last = NULL;
  g_autofree char *year0 = NULL;

  add (days, "2016-02-28", "010");
  add (days, "2016-03-01", "010");
  assert_int_equal (bilat_series_get_n_bins (days), 3);   /* a leap year */
  day0 = bin_text (days, 0);
  day_last = bin_text (days, 2);
  assert_string_equal (day0, "2016-02-28");
  assert_string_equal (day_last, "2016-03-01");
  assert_int_equal (bilat_series_get_count (days, 1), 0);

  add (years, "1948-05-01", "054");
  add (years, "1950", "054");
  add (years, "1950-12-31", "054");
  assert_int_equal (bilat_series_get_n_bins (years), 3);
  year0 = bin_text (years, 0);
  assert_string_equal (year0, "1948");
  assert_int_equal (bilat_series_get_count (years, 2), 2);
  assert_int_equal (bilat_series_get_n_imprecise (years), 0);
}

static void
test_undated_and_imprecise (void **state)
{
  g_autoptr(BilatSeries) series = bilat_series_new (BILAT_SERIES_UNIT_MONTH);

  add (series, NULL, "062");
  add (series, "2018", "062");                    /* year in a monthly series */
  add (series, "2018-10-21/2018-11-04", "062");   /* spans two months */
  add (series, "2018-10-01/2018-10-09", "062");   /* within one month */

  assert_int_equal (bilat_series_get_n_undated (series), 1);
  assert_int_equal (bilat_series_get_n_imprecise (series), 2);
  assert_int_equal (bilat_series_get_total (series), 3);
  /* counted in the bin of the first day */
  assert_int_equal (bilat_series_get_n_bins (series), 10);
  assert_int_equal (bilat_series_get_count (series, 0), 1);
  assert_int_equal (bilat_series_get_count (series, 9), 2);
}

static void
test_own_goldstein_wins (void **state)
{
  g_autoptr(BilatSeries) series = bilat_series_new (BILAT_SERIES_UNIT_YEAR);
  g_autoptr(BilatEvent) event = make_event ("gdelt:1", "2019-10-24", "043");

  assert_true (bilat_event_get_goldstein (event) == bilat_cameo_get_goldstein ("043"));
  bilat_event_set_goldstein (event, 1.5);
  bilat_series_add_event (series, event);
  assert_true (bilat_series_get_goldstein_sum (series, 0) == 1.5);
}

static void
test_observations (void **state)
{
  g_autoptr(BilatSeries) series = bilat_series_new (BILAT_SERIES_UNIT_MONTH);
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 24, 10, 2019);
  bilat_series_add_observation (series, g_date_get_julian (&date), -2.0, BILAT_QUAD_CLASS_VERBAL_CONFLICT);
  bilat_series_add_observation (series, g_date_get_julian (&date), NAN, BILAT_QUAD_CLASS_NONE);
  assert_int_equal (bilat_series_get_n_bins (series), 1);
  assert_int_equal (bilat_series_get_count (series, 0), 2);
  assert_int_equal (bilat_series_get_goldstein_count (series, 0), 1);
  assert_int_equal (bilat_series_get_quad_count (series, 0, BILAT_QUAD_CLASS_VERBAL_CONFLICT), 1);
}

/* Split a set of events at random between two series: merging them gives
 * the series of the whole set, whichever way round. */
static void
test_merge_equals_union (void **state)
{
  static const char *codes[] = { "010", "043", "062", "1123", "190", NULL };
  g_autoptr(GRand) rand = g_rand_new_with_seed (1948);

  for (guint unit = BILAT_SERIES_UNIT_DAY; unit <= BILAT_SERIES_UNIT_YEAR; unit++)
    {
      g_autoptr(BilatSeries) all = bilat_series_new (unit);
      g_autoptr(BilatSeries) left = bilat_series_new (unit);
      g_autoptr(BilatSeries) right = bilat_series_new (unit);
      g_autoptr(BilatSeries) right_then_left = bilat_series_new (unit);
      g_autoptr(GError) error = NULL;

      for (guint i = 0; i < 2000; i++)
        {
          g_autofree char *when = NULL;
          g_autoptr(BilatEvent) event = NULL;

          if (g_rand_int_range (rand, 0, 50) == 0)
            when = NULL;
          else
            when = g_strdup_printf ("%04d-%02d-%02d", g_rand_int_range (rand, 2015, 2020),
                                    g_rand_int_range (rand, 1, 13), g_rand_int_range (rand, 1, 29));
          event = make_event ("e", when, codes[g_rand_int_range (rand, 0, G_N_ELEMENTS (codes))]);
          bilat_series_add_event (all, event);
          bilat_series_add_event (g_rand_boolean (rand) ? left : right, event);
        }

      assert_false (bilat_series_equal (all, left));
      assert_true (bilat_series_merge (right_then_left, right, &error));
      assert_true (bilat_series_merge (right_then_left, left, &error));
      assert_true (bilat_series_merge (left, right, &error));
      assert_null (error);
      assert_true (bilat_series_equal (all, left));
      assert_true (bilat_series_equal (all, right_then_left));
    }
}

static void
test_merge_into_gaps_and_mismatch (void **state)
{
  g_autoptr(BilatSeries) early = bilat_series_new (BILAT_SERIES_UNIT_YEAR);
  g_autoptr(BilatSeries) late = bilat_series_new (BILAT_SERIES_UNIT_YEAR);
  g_autoptr(BilatSeries) monthly = bilat_series_new (BILAT_SERIES_UNIT_MONTH);
  g_autoptr(BilatSeries) empty = bilat_series_new (BILAT_SERIES_UNIT_YEAR);
  g_autoptr(GError) error = NULL;
  g_autofree char *first = NULL;

  add (late, "2018-05-05", "062");
  add (early, "2015-05-05", "062");
  add (monthly, "2015-05-05", "062");

  assert_true (bilat_series_merge (late, empty, NULL));
  assert_int_equal (bilat_series_get_n_bins (late), 1);
  assert_true (bilat_series_merge (late, early, NULL));
  assert_int_equal (bilat_series_get_n_bins (late), 4);
  first = bin_text (late, 0);
  assert_string_equal (first, "2015");
  assert_int_equal (bilat_series_get_count (late, 1), 0);

  assert_false (bilat_series_merge (late, monthly, &error));
  assert_true (g_error_matches (error, BILAT_SERIES_ERROR, BILAT_SERIES_ERROR_UNIT_MISMATCH));
  assert_non_null (strstr (error->message, "month"));
  assert_int_equal (bilat_series_get_n_bins (late), 4);
}

static void
test_text_forms (void **state)
{
  g_autoptr(BilatSeries) series = bilat_series_new (BILAT_SERIES_UNIT_MONTH);
  g_autofree char *csv = NULL;
  g_autofree char *tsv = NULL;
  g_autofree char *json = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *root;
  JsonArray *bins;
  JsonObject *bin;

  add (series, "2018-10-21", "062");
  add (series, "2018-10-22", "043");
  add (series, "2018-12-01", NULL);

  csv = bilat_series_to_string (series, BILAT_SERIES_FORMAT_CSV);
  assert_string_equal (csv,
    "period,events,goldstein_sum,q1,q2,q3,q4,goldstein_mean,goldstein_events\n"
    "2018-10,2,10.2,1,1,0,0,5.1000,2\n"
    "2018-11,0,0.0,0,0,0,0,,0\n"
    "2018-12,1,0.0,0,0,0,0,,0\n");
  tsv = bilat_series_to_string (series, BILAT_SERIES_FORMAT_TSV);
  assert_non_null (strstr (tsv, "2018-10\t2\t10.2\t1\t1\t0\t0\t5.1000\t2\n"));

  json = bilat_series_to_string (series, BILAT_SERIES_FORMAT_JSON);
  assert_true (json_parser_load_from_data (parser, json, -1, NULL));
  root = json_node_get_object (json_parser_get_root (parser));
  assert_string_equal (json_object_get_string_member (root, "unit"), "month");
  bins = json_object_get_array_member (root, "bins");
  assert_int_equal (json_array_get_length (bins), 3);
  bin = json_array_get_object_element (bins, 0);
  assert_string_equal (json_object_get_string_member (bin, "period"), "2018-10");
  assert_int_equal (json_object_get_int_member (bin, "events"), 2);
  assert_true (fabs (json_object_get_double_member (bin, "goldstein_sum") - 10.2) < 1e-9);
  assert_int_equal (json_object_get_int_member (bin, "q2"), 1);
  bin = json_array_get_object_element (bins, 1);
  assert_true (json_object_get_null_member (bin, "goldstein_mean"));
}

static void
test_store_series_with_query (void **state)
{
  g_autoptr(BilatStore) store = bilat_store_new ();
  g_autoptr(BilatQuery) query = bilat_query_parse ("cameo:06", NULL);
  g_autoptr(BilatSeries) all = NULL;
  g_autoptr(BilatSeries) coop = NULL;
  const char *dates[] = { "2015-07", "2016", "2018-10-21/2018-11-04", NULL };
  const char *codes[] = { "040", "062", "062", "085" };

  for (guint i = 0; i < G_N_ELEMENTS (codes); i++)
    {
      g_autofree char *id = g_strdup_printf ("e%u", i);
      g_autoptr(BilatEvent) event = make_event (id, dates[i], codes[i]);

      assert_true (bilat_store_add (store, BILAT_RECORD (event), NULL));
    }

  all = bilat_store_compute_series (store, NULL, BILAT_SERIES_UNIT_YEAR);
  coop = bilat_store_compute_series (store, query, BILAT_SERIES_UNIT_YEAR);
  assert_int_equal (bilat_series_get_n_bins (all), 4);
  assert_int_equal (bilat_series_get_total (all), 3);
  assert_int_equal (bilat_series_get_n_undated (all), 1);
  assert_int_equal (bilat_series_get_total (coop), 2);
  assert_int_equal (bilat_series_get_n_undated (coop), 0);
  assert_int_equal (bilat_series_get_quad_count (coop, 0, BILAT_QUAD_CLASS_MATERIAL_COOPERATION), 1);
}

/* The store keeps the figures of its events for series; they must follow
 * every change of a stored event and every removal. */
static void
test_store_series_follows_changes (void **state)
{
  g_autoptr(BilatStore) store = bilat_store_new ();
  g_autoptr(GRand) rand = g_rand_new_with_seed (2015);
  static const char *codes[] = { "010", "062", "1123", "190", NULL };

  for (guint i = 0; i < 300; i++)
    {
      g_autofree char *id = g_strdup_printf ("e%03u", i);
      g_autofree char *when = g_strdup_printf ("%04d-%02d", g_rand_int_range (rand, 2000, 2010),
                                               g_rand_int_range (rand, 1, 13));
      g_autoptr(BilatEvent) event = make_event (id, when, codes[i % 5]);

      assert_true (bilat_store_add (store, BILAT_RECORD (event), NULL));
    }

  for (guint round = 0; round < 400; round++)
    {
      g_autofree char *id = g_strdup_printf ("e%03u", g_rand_int_range (rand, 0, 300));
      BilatEvent *event = bilat_store_lookup_event (store, id);
      g_autoptr(BilatSeries) fast = NULL;
      g_autoptr(BilatSeries) slow = bilat_series_new (BILAT_SERIES_UNIT_MONTH);
      GListModel *events = bilat_store_get_events (store);

      if (event == NULL)
        continue;
      switch (round % 5)
        {
        case 0:
          {
            g_autofree char *when = g_strdup_printf ("%04d", g_rand_int_range (rand, 1990, 2020));
            g_autoptr(BilatDate) date = bilat_date_parse (when, NULL);
            bilat_event_set_date (event, date);
          }
          break;
        case 1:
          bilat_event_set_date (event, NULL);
          break;
        case 2:
          bilat_event_set_cameo_code (event, codes[g_rand_int_range (rand, 0, 5)]);
          break;
        case 3:
          bilat_event_set_goldstein (event, g_rand_boolean (rand) ? NAN : -3.5);
          break;
        default:
          assert_true (bilat_store_remove (store, BILAT_RECORD (event), NULL));
          break;
        }

      fast = bilat_store_compute_series (store, NULL, BILAT_SERIES_UNIT_MONTH);
      for (guint i = 0; i < g_list_model_get_n_items (events); i++)
        {
          g_autoptr(BilatEvent) each = g_list_model_get_item (events, i);
          bilat_series_add_event (slow, each);
        }
      if (!bilat_series_equal (fast, slow))
        fail_msg ("round %u: the store's series differs from its events'", round);
    }
}

/* The bytes of a series read back as the same series, to the last bit of
 * every Goldstein sum; bytes that are not a series are refused. */
static void
test_bytes_round_trip (void **state)
{
  static const char *codes[] = { "010", "043", "062", "1123", "190", NULL };
  g_autoptr(GRand) rand = g_rand_new_with_seed (2024);

  for (guint unit = BILAT_SERIES_UNIT_DAY; unit <= BILAT_SERIES_UNIT_YEAR; unit++)
    {
      g_autoptr(BilatSeries) series = bilat_series_new (unit);
      g_autoptr(BilatSeries) empty = bilat_series_new (unit);
      g_autoptr(BilatSeries) back = NULL;
      g_autoptr(BilatSeries) empty_back = NULL;
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(GBytes) empty_bytes = NULL;
      g_autoptr(GBytes) again = NULL;
      g_autoptr(GError) error = NULL;

      for (guint i = 0; i < 500; i++)
        {
          g_autofree char *when = g_rand_int_range (rand, 0, 40) == 0 ? NULL
            : g_strdup_printf ("%04d-%02d-%02d", g_rand_int_range (rand, 1979, 2020),
                               g_rand_int_range (rand, 1, 13), g_rand_int_range (rand, 1, 29));
          g_autoptr(BilatEvent) event = make_event ("e", when, codes[g_rand_int_range (rand, 0, G_N_ELEMENTS (codes))]);

          bilat_series_add_event (series, event);
        }
      bytes = bilat_series_to_bytes (series);
      back = bilat_series_new_from_bytes (bytes, &error);
      assert_null (error);
      assert_non_null (back);
      assert_true (bilat_series_equal (series, back));
      assert_int_equal (bilat_series_get_unit (back), unit);
      for (guint bin = 0; bin < bilat_series_get_n_bins (series); bin++)
        {
          double a = bilat_series_get_goldstein_sum (series, bin);
          double b = bilat_series_get_goldstein_sum (back, bin);

          assert_memory_equal (&a, &b, sizeof a);
        }
      /* The same bytes again. */
      again = bilat_series_to_bytes (back);
      assert_true (g_bytes_equal (bytes, again));

      empty_bytes = bilat_series_to_bytes (empty);
      empty_back = bilat_series_new_from_bytes (empty_bytes, &error);
      assert_non_null (empty_back);
      assert_true (bilat_series_equal (empty, empty_back));
    }
}

/* What is refused, each with BILAT_SERIES_ERROR_INVALID_DATA. */
static void
check_refused (GVariant   *variant,
               const char *expected)
{
  g_autoptr(GVariant) owned = g_variant_ref_sink (variant);
  g_autoptr(GBytes) bytes = g_variant_get_data_as_bytes (owned);
  g_autoptr(GError) error = NULL;
  g_autoptr(BilatSeries) series = bilat_series_new_from_bytes (bytes, &error);

  assert_null (series);
  assert_true (g_error_matches (error, BILAT_SERIES_ERROR, BILAT_SERIES_ERROR_INVALID_DATA));
  if (strstr (error->message, expected) == NULL)
    fail_msg ("“%s” does not say “%s”", error->message, expected);
}

static GVariant *
series_variant (const char *magic,
                guint16     version,
                const char *unit,
                gint64      first_key,
                guint64     count,
                guint64     goldstein_count,
                double      sum,
                guint64     q1)
{
  GVariantBuilder bins;

  g_variant_builder_init (&bins, G_VARIANT_TYPE ("a(ttdtttt)"));
  g_variant_builder_add (&bins, "(ttdtttt)", count, goldstein_count, sum, q1, (guint64) 0, (guint64) 0, (guint64) 0);
  return g_variant_new ("(sqsxtta(ttdtttt))", magic, version, unit, first_key, (guint64) 0, (guint64) 0, &bins);
}

static void
test_bytes_refused (void **state)
{
  g_autoptr(BilatSeries) series = bilat_series_new (BILAT_SERIES_UNIT_YEAR);
  g_autoptr(BilatEvent) event = make_event ("e", "2018-10-21", "043");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GBytes) cut = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(BilatSeries) back = NULL;

  /* A series well made refuses nothing. */
  {
    g_autoptr(GVariant) fine = g_variant_ref_sink (series_variant ("bilat-series", 1, "year", 2018, 1, 1, 2.8, 1));
    g_autoptr(GBytes) fine_bytes = g_variant_get_data_as_bytes (fine);

    back = bilat_series_new_from_bytes (fine_bytes, &error);
    assert_non_null (back);
    assert_int_equal (bilat_series_get_count (back, 0), 1);
    g_clear_object (&back);
  }
  check_refused (series_variant ("bilat-serie", 1, "year", 2018, 1, 1, 2.8, 1), "not a series");
  check_refused (series_variant ("bilat-series", 2, "year", 2018, 1, 1, 2.8, 1), "layout version 2");
  check_refused (series_variant ("bilat-series", 1, "week", 2018, 1, 1, 2.8, 1), "unknown unit");
  check_refused (series_variant ("bilat-series", 1, "year", 12000, 1, 1, 2.8, 1), "years 1 to 9999");
  check_refused (series_variant ("bilat-series", 1, "year", 2018, 1, 2, 2.8, 1), "inconsistent");
  check_refused (series_variant ("bilat-series", 1, "year", 2018, 1, 1, NAN, 1), "inconsistent");
  check_refused (series_variant ("bilat-series", 1, "year", 2018, 1, 1, 2.8, 2), "inconsistent");
  check_refused (series_variant ("bilat-series", 1, "year", 2018, 0, 0, 0, 0), "empty");
  check_refused (g_variant_new ("(ss)", "bilat-series", "year"), "not a series");

  /* Cut bytes. */
  bilat_series_add_event (series, event);
  bytes = bilat_series_to_bytes (series);
  cut = g_bytes_new_from_bytes (bytes, 0, g_bytes_get_size (bytes) / 2);
  back = bilat_series_new_from_bytes (cut, &error);
  assert_null (back);
  assert_true (g_error_matches (error, BILAT_SERIES_ERROR, BILAT_SERIES_ERROR_INVALID_DATA));
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test (test_empty),
    cmocka_unit_test (test_monthly_bins_with_gaps),
    cmocka_unit_test (test_units),
    cmocka_unit_test (test_undated_and_imprecise),
    cmocka_unit_test (test_own_goldstein_wins),
    cmocka_unit_test (test_observations),
    cmocka_unit_test (test_merge_equals_union),
    cmocka_unit_test (test_merge_into_gaps_and_mismatch),
    cmocka_unit_test (test_bytes_round_trip),
    cmocka_unit_test (test_bytes_refused),
    cmocka_unit_test (test_text_forms),
    cmocka_unit_test (test_store_series_with_query),
    cmocka_unit_test (test_store_series_follows_changes),
  };

  return cmocka_run_group_tests_name ("series", tests, NULL, NULL);
}
