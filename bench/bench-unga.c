/* bench-unga.c: UN General Assembly votes at full size, timed
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Generates the three tables of the UNGA layout (roll calls, roll-call
 * issues, votes) at the size of the full dataset: 6,800 roll calls over
 * 75 years (1946–2020) and 193 states, which join the assembly over the
 * years and are absent now and then; about 1.3 M votes. States belong to
 * one of three blocs; on each roll call a bloc takes a line and its members
 * follow it mostly, so that affinity has structure to find.
 *
 * It then times, in this process:
 *
 *   - importing the three files into a store (votes per second, peak RSS,
 *     and the bytes the store's vote table takes per vote, all included);
 *   - one dyad's series per year over the 75 years;
 *   - one year's all-pairs matrix (193 states: 18,528 pairs, every
 *     measure);
 *
 * and checks the matrix against the dyad scores it repeats; then saves the
 * store as a native file and times opening it (the vote table is mapped
 * and checked, not parsed), checking that the opened store gives the
 * same series.
 *
 *   bench-unga [--roll-calls N] [--states N] [--runs N] [--work DIR] [--keep]
 */

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include <bilat/bilat.h>

#include "bilat-store-private.h"
#include "bilat-votes-private.h"

#define FIRST_YEAR 1946
#define N_YEARS 75
#define N_BLOCS 3

static int n_roll_calls = 6800;
static int n_states = 193;
static int runs = 9;
static char *work_dir;
static gboolean keep;

static GOptionEntry entries[] = {
  { "roll-calls", 0, 0, G_OPTION_ARG_INT, &n_roll_calls, "Roll calls to generate (6800)", "N" },
  { "states", 0, 0, G_OPTION_ARG_INT, &n_states, "States (193)", "N" },
  { "runs", 0, 0, G_OPTION_ARG_INT, &runs, "Runs of each timed figure (9)", "N" },
  { "work", 0, 0, G_OPTION_ARG_FILENAME, &work_dir, "Folder for the tables (a new one in /tmp)", "DIR" },
  { "keep", 0, 0, G_OPTION_ARG_NONE, &keep, "Keep the generated tables", NULL },
  { NULL }
};

/* The first @n alpha-2 codes of ISO 3166-1 that the library maps, each
 * to one state on every day of the years voted in (the reader resolves
 * a code on the roll call's date: Armenia's votes of 1950 would be
 * reported): real codes, so that the reader maps them as it would real
 * data. */
static GPtrArray *
state_codes (int n)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *path = g_build_filename (BILAT_ISO_CODES_JSON_DIR, "iso_3166-1.json", NULL);
  g_autoptr(BilatDate) first = bilat_date_new_day (FIRST_YEAR, 1, 1, NULL);
  g_autoptr(BilatDate) last = bilat_date_new_day (FIRST_YEAR + N_YEARS - 1, 12, 31, NULL);
  BilatIdentity *identity = bilat_identity_get_default ();
  GPtrArray *codes = g_ptr_array_new_with_free_func (g_free);
  JsonArray *array;

  if (!json_parser_load_from_file (parser, path, NULL))
    g_error ("cannot read %s", path);
  array = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)), "3166-1");
  for (guint i = 0; i < json_array_get_length (array) && (int) codes->len < n; i++)
    {
      const char *code = json_object_get_string_member (json_array_get_object_element (array, i), "alpha_2");
      const char *then = bilat_identity_resolve (identity, BILAT_CODE_SCHEME_ISO2, code, first, NULL);

      if (bilat_country_from_alpha2 (code) != NULL && then != NULL &&
          g_strcmp0 (then, bilat_identity_resolve (identity, BILAT_CODE_SCHEME_ISO2, code, last, NULL)) == 0)
        g_ptr_array_add (codes, g_strdup (code));
    }
  return codes;
}

static guint64
generate (const char *dir,
          GPtrArray  *codes)
{
  g_autofree char *rc_path = g_build_filename (dir, "roll_calls.csv", NULL);
  g_autofree char *issue_path = g_build_filename (dir, "roll_call_issues.csv", NULL);
  g_autofree char *vote_path = g_build_filename (dir, "votes.csv", NULL);
  FILE *rc_file = fopen (rc_path, "w");
  FILE *issue_file = fopen (issue_path, "w");
  FILE *vote_file = fopen (vote_path, "w");
  static const char * const topics[][2] = {
    { "me", "Palestinian conflict" }, { "nu", "Nuclear weapons and nuclear material" },
    { "di", "Arms control and disarmament" }, { "hr", "Human rights" },
    { "co", "Colonialism" }, { "ec", "Economic development" },
  };
  g_autoptr(GRand) rand = g_rand_new_with_seed (12);
  g_autofree int *joined = g_new (int, codes->len);
  g_autofree int *bloc = g_new (int, codes->len);
  guint64 n_votes = 0;

  if (rc_file == NULL || issue_file == NULL || vote_file == NULL)
    g_error ("cannot write in %s", dir);

  for (guint s = 0; s < codes->len; s++)
    {
      /* Half the states are founders; the others join over 30 years. */
      joined[s] = s % 2 == 0 ? FIRST_YEAR : FIRST_YEAR + g_rand_int_range (rand, 0, 30);
      bloc[s] = g_rand_int_range (rand, 0, N_BLOCS);
    }

  fputs ("rcid,session,importantvote,date,unres,amend,para,short,descr\n", rc_file);
  fputs ("rcid,short_name,issue\n", issue_file);
  fputs ("rcid,country,country_code,vote\n", vote_file);
  for (int r = 0; r < n_roll_calls; r++)
    {
      int year = FIRST_YEAR + (int) ((gint64) r * N_YEARS / n_roll_calls);
      int month = 9 + g_rand_int_range (rand, 0, 4);
      int day = 1 + g_rand_int_range (rand, 0, 28);
      int line[N_BLOCS];
      int topic = g_rand_int_range (rand, 0, 8);
      guint rcid = 1000 + (guint) r;

      fprintf (rc_file, "%u,%d,%d,%04d-%02d-%02d,R/%d/%d,,,\"Resolution %d, short\","
               "\"Resolution %d of session %d, about \"\"something\"\"\"\n",
               rcid, year - FIRST_YEAR + 1, g_rand_int_range (rand, 0, 20) == 0,
               year, month, day, year - FIRST_YEAR + 1, r, r, r, year - FIRST_YEAR + 1);
      if (topic < 6)
        fprintf (issue_file, "%u,%s,%s\n", rcid, topics[topic][0], topics[topic][1]);
      for (int b = 0; b < N_BLOCS; b++)
        line[b] = g_rand_int_range (rand, 0, 10) < 7 ? 0 : g_rand_int_range (rand, 0, 3);
      for (guint s = 0; s < codes->len; s++)
        {
          static const char * const words[] = { "yes", "abstain", "no" };
          int vote;

          if (year < joined[s] || g_rand_int_range (rand, 0, 100) < 3)
            continue;
          vote = g_rand_int_range (rand, 0, 100) < 85 ? line[bloc[s]] : g_rand_int_range (rand, 0, 3);
          fprintf (vote_file, "%u,State %u,%s,%s\n", rcid, s,
                   (const char *) g_ptr_array_index (codes, s), words[vote]);
          n_votes++;
        }
    }
  fclose (rc_file);
  fclose (issue_file);
  fclose (vote_file);
  return n_votes;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static double
median_of (GArray *times)
{
  g_array_sort (times, compare_doubles);
  return g_array_index (times, double, times->len / 2);
}

static long
peak_rss_kb (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_maxrss;
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new ("- UNGA votes at full size, timed");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) codes = NULL;
  g_autofree char *dir = NULL;
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(BilatStore) store = NULL;
  g_autoptr(BilatImportReport) report = NULL;
  g_autoptr(BilatAffinitySettings) settings = NULL;
  g_autoptr(BilatAffinity) series = NULL;
  g_autoptr(BilatAffinity) matrix = NULL;
  GFile *files[3];
  const char *names[3] = { "votes.csv", "roll_call_issues.csv", "roll_calls.csv" };
  guint64 n_votes, stored;
  long rss_before, rss_after;
  double t, import_s, series_ms, matrix_ms;
  gsize table_bytes;
  guint mismatches = 0;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }

  codes = state_codes (n_states);
  dir = work_dir != NULL ? g_strdup (work_dir) : g_dir_make_tmp ("bench-unga-XXXXXX", &error);
  if (dir == NULL)
    g_error ("%s", error->message);
  g_mkdir_with_parents (dir, 0755);
  t = g_get_monotonic_time ();
  n_votes = generate (dir, codes);
  g_print ("generated %d roll calls, %u states, %" G_GUINT64_FORMAT " votes in %s (%.1f s)\n",
           n_roll_calls, codes->len, n_votes, dir, (g_get_monotonic_time () - t) / 1e6);

  for (int i = 0; i < 3; i++)
    {
      g_autofree char *path = g_build_filename (dir, names[i], NULL);

      files[i] = g_file_new_for_path (path);
    }

  /* Import: the files were just written, so they are in the page cache. */
  rss_before = peak_rss_kb ();
  store = bilat_store_new ();
  t = g_get_monotonic_time ();
  report = bilat_store_import_votes (store, files, 3, BILAT_IMPORT_FLAGS_STRICT, NULL, &error);
  import_s = (g_get_monotonic_time () - t) / 1e6;
  if (report == NULL)
    g_error ("%s", error->message);
  rss_after = peak_rss_kb ();
  stored = _bilat_votes_get_n_votes (_bilat_store_get_votes (store));
  table_bytes = _bilat_votes_get_size (_bilat_store_get_votes (store));
  g_print ("import: %.3f s, %.2f M votes/s (target >= 1), %" G_GUINT64_FORMAT " votes stored, "
           "peak RSS %ld MB (%ld MB before)\n",
           import_s, n_votes / import_s / 1e6, stored, rss_after / 1024, rss_before / 1024);
  g_print ("memory: vote table %.1f MB, %.2f bytes per stored vote, everything included (target < 200)\n",
           table_bytes / 1e6, (double) table_bytes / (double) stored);
  if (stored != n_votes)
    g_print ("WRONG: %" G_GUINT64_FORMAT " votes written, %" G_GUINT64_FORMAT " stored\n", n_votes, stored);

  /* One dyad, per year, over the 75 years. */
  settings = bilat_affinity_settings_new ();
  bilat_affinity_settings_set_unit (settings, BILAT_AFFINITY_UNIT_YEAR);
  {
    const char *a = bilat_country_from_alpha2 (g_ptr_array_index (codes, 0));
    const char *b = bilat_country_from_alpha2 (g_ptr_array_index (codes, 3));

    for (int r = 0; r < runs; r++)
      {
        g_clear_object (&series);
        t = g_get_monotonic_time ();
        series = bilat_store_compute_affinity (store, a, b, settings);
        g_array_append_val (times, (double) { (g_get_monotonic_time () - t) / 1e3 });
      }
    series_ms = median_of (times);
    g_print ("dyad series %s-%s per year: %u years, median %.3f ms (target < 20)\n",
             a, b, g_list_model_get_n_items (G_LIST_MODEL (series)), series_ms);
  }

  /* One year's matrix of all pairs. */
  {
    g_autoptr(BilatQuery) query = bilat_query_parse ("from:2000-01-01 to:2000-12-31", &error);
    g_autoptr(BilatAffinitySettings) year = bilat_affinity_settings_new ();
    guint n_items;

    bilat_affinity_settings_set_query (year, query);
    g_array_set_size (times, 0);
    for (int r = 0; r < runs; r++)
      {
        g_clear_object (&matrix);
        t = g_get_monotonic_time ();
        matrix = bilat_store_compute_affinity_matrix (store, NULL, year);
        g_array_append_val (times, (double) { (g_get_monotonic_time () - t) / 1e3 });
      }
    matrix_ms = median_of (times);
    n_items = g_list_model_get_n_items (G_LIST_MODEL (matrix));
    g_print ("matrix of year 2000: %u pairs, every measure, median %.1f ms (target < 1000)\n",
             n_items, matrix_ms);

    /* The matrix says what the dyads say. */
    for (guint i = 0; i < n_items; i += 997)
      {
        g_autoptr(BilatAffinityScore) cell = g_list_model_get_item (G_LIST_MODEL (matrix), i);
        g_autoptr(BilatAffinity) pair = bilat_store_compute_affinity (store,
                                                                      bilat_affinity_score_get_actor_a (cell),
                                                                      bilat_affinity_score_get_actor_b (cell),
                                                                      year);
        g_autoptr(BilatAffinityScore) one = g_list_model_get_item (G_LIST_MODEL (pair), 0);

        if (bilat_affinity_score_get_n (one) != bilat_affinity_score_get_n (cell) ||
            fabs (bilat_affinity_score_get_kappa (one) - bilat_affinity_score_get_kappa (cell)) > 1e-12)
          mismatches++;
      }
    g_print ("matrix check against dyads: %s\n", mismatches == 0 ? "right" : "WRONG");
  }

  /* The native file: saved once, opened again and again. */
  {
    g_autofree char *path = g_build_filename (dir, "unga.bilat", NULL);
    g_autoptr(GFile) file = g_file_new_for_path (path);
    g_autoptr(BilatAffinity) again = NULL;
    g_autofree char *want = NULL;
    g_autofree char *got = NULL;
    double save_s, open_ms;
    GStatBuf st;

    t = g_get_monotonic_time ();
    if (!bilat_store_save_to_native_file (store, file, NULL, &error))
      g_error ("%s", error->message);
    save_s = (g_get_monotonic_time () - t) / 1e6;
    g_stat (path, &st);
    g_array_set_size (times, 0);
    for (int r = 0; r < runs; r++)
      {
        g_autoptr(BilatStore) opened = bilat_store_new ();

        t = g_get_monotonic_time ();
        if (!bilat_store_load_from_path (opened, path, &error))
          g_error ("%s", error->message);
        g_array_append_val (times, (double) { (g_get_monotonic_time () - t) / 1e3 });
        if (r == runs - 1)
          {
            const char *a = bilat_country_from_alpha2 (g_ptr_array_index (codes, 0));
            const char *b = bilat_country_from_alpha2 (g_ptr_array_index (codes, 3));

            if (!_bilat_votes_equal (_bilat_store_get_votes (opened), _bilat_store_get_votes (store)))
              mismatches++;
            again = bilat_store_compute_affinity (opened, a, b, settings);
            got = bilat_affinity_to_string (again, BILAT_AFFINITY_FORMAT_CSV, 0);
            want = bilat_affinity_to_string (series, BILAT_AFFINITY_FORMAT_CSV, 0);
            if (strcmp (got, want) != 0)
              mismatches++;
          }
      }
    open_ms = median_of (times);
    g_print ("native file: %.1f MB, saved in %.2f s, opened in median %.2f ms; same table and series: %s\n",
             st.st_size / 1e6, save_s, open_ms, mismatches == 0 ? "right" : "WRONG");
    if (!keep)
      g_unlink (path);
  }

  for (int i = 0; i < 3; i++)
    {
      if (!keep)
        g_file_delete (files[i], NULL, NULL);
      g_object_unref (files[i]);
    }
  if (!keep && work_dir == NULL)
    g_rmdir (dir);
  return mismatches == 0 && stored == n_votes ? 0 : 1;
}
