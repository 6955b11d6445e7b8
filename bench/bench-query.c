/* bench-query.c: queries and series on a large synthetic store
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Builds a store of synthetic events (1,000,000 by default) between 200
 * actors over 40 years, then times a dyad + period query that returns about
 * a thousand events and a yearly series over all events. Each timing is the
 * median of several runs; the answers are checked against a plain scan.
 *
 *   bench-query [--events N] [--runs N]
 */

#include <stdio.h>
#include <stdlib.h>

#include <bilat/bilat.h>

#define N_ACTORS 200
#define FIRST_YEAR 1980
#define N_YEARS 40

static const char *codes[] = {
  "010", "036", "040", "042", "043", "051", "057", "061", "062", "085",
  "1123", "120", "130", "141", "173", "190", "0311", "046", "020", "111",
};

static double
now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
median (double *values,
        int     n)
{
  qsort (values, n, sizeof *values, compare_doubles);
  return values[n / 2];
}

static long
peak_rss_kib (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return -1;
  line = g_strstr_len (status, -1, "VmHWM:");
  return line ? strtol (line + 6, NULL, 10) : -1;
}

int
main (int    argc,
      char **argv)
{
  gint64 n_events = 1000000;
  int runs = 15;
  GOptionEntry entries[] = {
    { "events", 'n', 0, G_OPTION_ARG_INT64, &n_events, "Number of events (1000000)", "N" },
    { "runs", 'r', 0, G_OPTION_ARG_INT, &runs, "Timed runs per figure (15)", "N" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("— time queries on a large store");
  g_autoptr(GError) error = NULL;
  g_autoptr(BilatStore) store = bilat_store_new ();
  g_autoptr(GRand) rand = g_rand_new_with_seed (20181021);
  g_autoptr(BilatQuery) query = NULL;
  double *times;
  double t0, build_ms;
  guint n_found = 0;
  guint64 expected = 0;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      fprintf (stderr, "bench-query: %s\n", error->message);
      return 2;
    }
  if (runs < 1)
    runs = 1;
  times = g_new (double, runs);

  t0 = now_ms ();
  for (int i = 0; i < N_ACTORS; i++)
    {
      g_autofree char *id = g_strdup_printf ("A%03d", i);
      g_autoptr(BilatActor) actor = bilat_actor_new (id, BILAT_ACTOR_KIND_GROUP);

      bilat_store_add (store, BILAT_RECORD (actor), NULL);
    }

  /* One dyad (A000–A001) takes 5 % of the events, as the pair an analyst
   * studies does in a real extract; the rest are spread over all pairs. */
  for (gint64 i = 0; i < n_events; i++)
    {
      char id[32];
      int a, b;
      int year = FIRST_YEAR + g_rand_int_range (rand, 0, N_YEARS);
      int month = g_rand_int_range (rand, 1, 13);
      int day = g_rand_int_range (rand, 1, 29);
      g_autoptr(BilatDate) date = bilat_date_new_day (year, month, day, NULL);
      g_autoptr(BilatEvent) event = NULL;
      char actor_a[8], actor_b[8];

      if (g_rand_int_range (rand, 0, 20) == 0)
        {
          a = 0;
          b = 1;
        }
      else
        {
          a = g_rand_int_range (rand, 0, N_ACTORS);
          do
            b = g_rand_int_range (rand, 0, N_ACTORS);
          while (b == a);
        }
      g_snprintf (id, sizeof id, "ev%" G_GINT64_FORMAT, i);
      g_snprintf (actor_a, sizeof actor_a, "A%03d", a);
      g_snprintf (actor_b, sizeof actor_b, "A%03d", b);

      event = bilat_event_new (id);
      bilat_event_set_date (event, date);
      bilat_event_add_participant (event, actor_a, BILAT_ROLE_INITIATOR);
      bilat_event_add_participant (event, actor_b, BILAT_ROLE_TARGET);
      bilat_event_set_cameo_code (event, codes[g_rand_int_range (rand, 0, G_N_ELEMENTS (codes))]);
      if (!bilat_store_add (store, BILAT_RECORD (event), &error))
        {
          fprintf (stderr, "bench-query: %s\n", error->message);
          return 1;
        }
    }
  build_ms = now_ms () - t0;

  /* The hot dyad has ~1250 events a year: ten months give about 1000. */
  query = bilat_query_parse ("dyad:A000,A001 from:2001-02 to:2001-11", &error);
  g_assert_no_error (error);

  for (int r = 0; r < runs; r++)
    {
      g_autoptr(GListModel) found = NULL;

      t0 = now_ms ();
      found = bilat_store_find_events (store, query);
      times[r] = now_ms () - t0;
      n_found = g_list_model_get_n_items (found);
    }

  /* Check the answer against a plain scan of every event. */
  {
    GListModel *events = bilat_store_get_events (store);

    for (guint i = 0; i < g_list_model_get_n_items (events); i++)
      {
        g_autoptr(BilatEvent) event = g_list_model_get_item (events, i);

        expected += bilat_query_match_event (query, store, event, NULL);
      }
    if (expected != n_found)
      {
        fprintf (stderr, "bench-query: the query found %u events, a scan %" G_GUINT64_FORMAT "\n",
                 n_found, expected);
        return 1;
      }
  }

  printf ("store: %" G_GINT64_FORMAT " events, %d actors, %d years, built in %.0f ms\n",
          n_events, N_ACTORS, N_YEARS, build_ms);
  printf ("dyad+period query (%u events): %.3f ms (median of %d)\n", n_found,
          median (times, runs), runs);

  for (int r = 0; r < runs; r++)
    {
      g_autoptr(BilatSeries) series = NULL;

      t0 = now_ms ();
      series = bilat_store_compute_series (store, NULL, BILAT_SERIES_UNIT_YEAR);
      times[r] = now_ms () - t0;
      if (bilat_series_get_total (series) != (guint64) n_events ||
          bilat_series_get_n_bins (series) != N_YEARS)
        {
          fprintf (stderr, "bench-query: the series counts %" G_GUINT64_FORMAT " events in %u bins\n",
                   bilat_series_get_total (series), bilat_series_get_n_bins (series));
          return 1;
        }
    }
  printf ("yearly series over all events: %.3f ms (median of %d)\n", median (times, runs), runs);
  printf ("peak RSS: %.0f MiB\n", peak_rss_kib () / 1024.0);

  g_free (times);
  return 0;
}
