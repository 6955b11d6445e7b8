/* test-panel.c: dyad-year panels: the skeleton against the membership
 * spells, each column against the per-dyad results it repeats, empty
 * cells outside coverage, and the printed forms
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

#include <json-glib/json-glib.h>
#include <glib/gstdio.h>
#include <archive.h>
#include <archive_entry.h>
#include <zlib.h>

#include <bilat/bilat.h>

#include "bilat-test-util.h"
#include "bilat-test-files.h"

/* Helpers. */

static BilatPanel *
build (BilatStore         *store,
       BilatPanelSettings *settings)
{
  g_autoptr(GError) error = NULL;
  BilatPanel *panel = bilat_store_build_panel (store, settings, NULL, &error);

  assert_null (error);
  assert_non_null (panel);
  return panel;
}

static int
column (BilatPanel *panel,
        const char *name)
{
  int index = bilat_panel_find_column (panel, name);

  if (index < 0)
    fail_msg ("the panel has no column %s", name);
  return index;
}

/* The number in a cell, or NAN for an empty one. */
static double
cell (BilatPanel *panel,
      guint       row,
      const char *name)
{
  double value;

  return bilat_panel_get_number (panel, row, (guint) column (panel, name), &value) ? value : NAN;
}

static int
row_year (BilatPanel *panel,
          guint       row)
{
  g_autoptr(BilatDate) period = bilat_panel_get_period (panel, row);

  return bilat_date_get_year (period);
}

static gboolean
spell_overlaps (BilatStateSpell *spell,
                guint32          first,
                guint32          last)
{
  BilatDate *end = bilat_state_spell_get_end (spell);

  return bilat_date_get_first_julian (bilat_state_spell_get_start (spell)) <= last &&
         (end == NULL || bilat_date_get_last_julian (end) >= first);
}

typedef struct
{
  guint   code;
  guint32 first;
  guint32 last;
} Spell;

/* Every membership spell, read once. */
static GArray *
all_spells (void)
{
  BilatIdentity *identity = bilat_identity_get_default ();
  const char * const *states = bilat_identity_get_states (identity);
  GArray *spells = g_array_new (FALSE, FALSE, sizeof (Spell));

  for (guint s = 0; states[s] != NULL; s++)
    {
      g_autoptr(GListModel) list = bilat_identity_get_spells (identity, states[s]);

      for (guint i = 0; i < g_list_model_get_n_items (list); i++)
        {
          g_autoptr(BilatStateSpell) spell = g_list_model_get_item (list, i);
          BilatDate *end = bilat_state_spell_get_end (spell);
          Spell one = {
            bilat_state_spell_get_cow_code (spell),
            bilat_date_get_first_julian (bilat_state_spell_get_start (spell)),
            end != NULL ? bilat_date_get_last_julian (end) : G_MAXUINT32,
          };

          g_array_append_val (spells, one);
        }
    }
  return spells;
}

/* The plain computation: per year, the COW codes with a spell in it;
 * every pair of them, once or both ways. */
static guint64
expected_rows (int      first_year,
               int      last_year,
               gboolean directed)
{
  g_autoptr(GArray) spells = all_spells ();
  guint64 total = 0;

  for (int year = first_year; year <= last_year; year++)
    {
      g_autoptr(GHashTable) codes = g_hash_table_new (NULL, NULL);
      g_autoptr(BilatDate) date = bilat_date_new_year (year, NULL);
      guint32 first = bilat_date_get_first_julian (date);
      guint32 last = bilat_date_get_last_julian (date);
      guint64 n;

      for (guint i = 0; i < spells->len; i++)
        {
          const Spell *spell = &g_array_index (spells, Spell, i);

          if (spell->first <= last && spell->last >= first)
            g_hash_table_add (codes, GUINT_TO_POINTER (spell->code));
        }
      n = g_hash_table_size (codes);
      total += directed ? n * (n - 1) : n * (n - 1) / 2;
    }
  return total;
}

static BilatPanel *
all_states (BilatStore *store,
            int         first_year,
            int         last_year,
            gboolean    directed)
{
  g_autoptr(BilatPanelSettings) settings = bilat_panel_settings_new ();

  bilat_panel_settings_set_first_year (settings, first_year);
  bilat_panel_settings_set_last_year (settings, last_year);
  bilat_panel_settings_set_directed (settings, directed);
  bilat_panel_settings_set_columns (settings, BILAT_PANEL_COLUMNS_CODES);
  return build (store, settings);
}

/* No row names a state outside its spells: @a has a spell with code
 * cow_a in the row's year, and so has @b. */
static void
check_rows_in_spells (BilatPanel *panel,
                      guint       step)
{
  BilatIdentity *identity = bilat_identity_get_default ();
  g_autoptr(GHashTable) spells = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_object_unref);

  for (guint r = 0; r < bilat_panel_get_n_rows (panel); r += step)
    {
      g_autoptr(BilatDate) period = bilat_panel_get_period (panel, r);
      const char *ids[2] = { bilat_panel_get_actor_a (panel, r), bilat_panel_get_actor_b (panel, r) };
      double codes[2] = { cell (panel, r, "cow_a"), cell (panel, r, "cow_b") };

      for (guint e = 0; e < 2; e++)
        {
          GListModel *list = g_hash_table_lookup (spells, ids[e]);
          gboolean found = FALSE;

          if (list == NULL)
            {
              list = bilat_identity_get_spells (identity, ids[e]);
              g_hash_table_insert (spells, (gpointer) ids[e], list);
            }
          for (guint i = 0; i < g_list_model_get_n_items (list) && !found; i++)
            {
              g_autoptr(BilatStateSpell) spell = g_list_model_get_item (list, i);

              found = bilat_state_spell_get_cow_code (spell) == (guint) codes[e] &&
                      spell_overlaps (spell, bilat_date_get_first_julian (period),
                                      bilat_date_get_last_julian (period));
            }
          if (!found)
            fail_msg ("row %u names %s (%g) outside its spells in %d", r, ids[e], codes[e],
                      bilat_date_get_year (period));
        }
    }
}

/* The skeleton. */

static void
test_skeleton_counts (void **state)
{
  g_autoptr(BilatStore) store = bilat_store_new ();
  static const int ranges[][2] = { { 1816, 1816 }, { 1990, 1992 }, { 1900, 1950 }, { 2016, 2016 }, { 1816, 2016 } };
  gsize n_ranges = test_under_valgrind () ? 2 : G_N_ELEMENTS (ranges);

  for (gsize i = 0; i < n_ranges; i++)
    for (int directed = 0; directed < 2; directed++)
      {
        g_autoptr(BilatPanel) panel = all_states (store, ranges[i][0], ranges[i][1], directed);

        assert_int_equal (bilat_panel_get_n_rows (panel), expected_rows (ranges[i][0], ranges[i][1], directed));
        assert_int_equal (g_list_model_get_n_items (G_LIST_MODEL (panel)), bilat_panel_get_n_rows (panel));
      }

  /* The figures of the issue. */
  {
    g_autoptr(BilatPanel) undirected = all_states (store, 1816, 2016, FALSE);
    g_autoptr(BilatPanel) directed = all_states (store, 1816, 2016, TRUE);

    assert_int_equal (bilat_panel_get_n_rows (undirected), 956175);
    assert_int_equal (bilat_panel_get_n_rows (directed), 1912350);
    check_rows_in_spells (undirected, test_under_valgrind () ? 9973 : 101);
    check_rows_in_spells (directed, test_under_valgrind () ? 19997 : 211);
  }
}

static void
test_skeleton_spells (void **state)
{
  g_autoptr(BilatStore) store = bilat_store_new ();
  g_autoptr(BilatPanel) panel = all_states (store, 1989, 1993, FALSE);
  g_autoptr(BilatPanel) directed = all_states (store, 1989, 1993, TRUE);
  g_autoptr(GHashTable) keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint n = bilat_panel_get_n_rows (panel);
  gboolean germanies = FALSE;

  check_rows_in_spells (panel, 1);
  check_rows_in_spells (directed, 1);
  for (guint r = 0; r < n; r++)
    {
      /* Undirected: the lower COW code first, each pair once. */
      assert_true (cell (panel, r, "cow_a") < cell (panel, r, "cow_b"));
      /* 1991: COW 365 is one state, named by its later spell. */
      if (row_year (panel, r) == 1991)
        assert_string_not_equal (bilat_panel_get_actor_a (panel, r), "SUN");
      if (row_year (panel, r) == 1990 && cell (panel, r, "cow_a") == 255 && cell (panel, r, "cow_b") == 260)
        germanies = TRUE;
    }
  /* Germany under two codes in 1990, as the COW list has it. */
  assert_true (germanies);

  /* Directed: every row has its reverse, and the two together are the
   * undirected rows twice. */
  assert_int_equal (bilat_panel_get_n_rows (directed), 2 * n);
  for (guint r = 0; r < bilat_panel_get_n_rows (directed); r++)
    g_hash_table_add (keys, g_strdup_printf ("%g-%g-%d", cell (directed, r, "cow_a"), cell (directed, r, "cow_b"),
                                             row_year (directed, r)));
  for (guint r = 0; r < bilat_panel_get_n_rows (directed); r++)
    {
      g_autofree char *reverse = g_strdup_printf ("%g-%g-%d", cell (directed, r, "cow_b"),
                                                  cell (directed, r, "cow_a"), row_year (directed, r));

      assert_true (g_hash_table_contains (keys, reverse));
    }
}

/* A small store of our own. */

static void
add_exercise (BilatStore           *store,
              const char           *id,
              const char           *date,
              BilatExerciseDomains  domains,
              const char * const   *actors)
{
  g_autoptr(BilatExercise) exercise = bilat_exercise_new (id);
  g_autoptr(BilatDate) when = bilat_date_parse (date, NULL);
  g_autoptr(GError) error = NULL;

  bilat_event_set_date (BILAT_EVENT (exercise), when);
  bilat_exercise_set_domains (exercise, domains);
  for (guint i = 0; actors[i] != NULL; i++)
    bilat_event_add_participant (BILAT_EVENT (exercise), actors[i], BILAT_ROLE_PARTICIPANT);
  assert_true (bilat_store_add (store, BILAT_RECORD (exercise), &error));
}

static void
add_event (BilatStore *store,
           const char *id,
           const char *date,
           const char *initiator,
           const char *target,
           const char *cameo)
{
  g_autoptr(BilatEvent) event = bilat_event_new (id);
  g_autoptr(BilatDate) when = bilat_date_parse (date, NULL);
  g_autoptr(GError) error = NULL;

  bilat_event_set_date (event, when);
  bilat_event_add_participant (event, initiator, BILAT_ROLE_INITIATOR);
  bilat_event_add_participant (event, target, BILAT_ROLE_TARGET);
  bilat_event_set_cameo_code (event, cameo);
  assert_true (bilat_store_add (store, BILAT_RECORD (event), &error));
}

static BilatStore *
small_store (void)
{
  BilatStore *store = bilat_store_new ();
  g_autoptr(BilatActor) sun = bilat_actor_new ("SUN", BILAT_ACTOR_KIND_STATE);
  g_autoptr(BilatActor) rus = bilat_actor_new ("RUS", BILAT_ACTOR_KIND_STATE);
  g_autoptr(GError) error = NULL;
  const char *tables[] = {
    "rcid,session,importantvote,date,unres,amend,para,short,descr\n"
    "1,56,0,2001-11-02,,,,,\n2,56,0,2001-11-03,,,,,\n3,57,0,2002-10-03,,,,,\n4,59,0,2004-10-03,,,,,\n",
    "rcid,short_name,issue\n1,me,Palestinian conflict\n3,me,Palestinian conflict\n",
    "rcid,country,country_code,vote\n"
    "1,Pakistan,PK,yes\n1,Russia,RU,no\n1,United States,US,no\n1,India,IN,yes\n"
    "2,Pakistan,PK,abstain\n2,Russia,RU,abstain\n2,United States,US,yes\n2,India,IN,no\n"
    "3,Pakistan,PK,yes\n3,Russia,RU,yes\n3,India,IN,yes\n"
    "4,Pakistan,PK,no\n4,United States,US,no\n4,Russia,RU,yes\n",
    NULL,
  };

  bilat_actor_set_predecessor (rus, "SUN");
  assert_true (bilat_store_add (store, BILAT_RECORD (sun), &error));
  assert_true (bilat_store_add (store, BILAT_RECORD (rus), &error));

  /* Exercises 1985–2003: SUN's count for RUS; a year without any (2002). */
  add_exercise (store, "ex-1985", "1985-06-01", BILAT_EXERCISE_DOMAINS_SEA, (const char *[]) { "SUN", "IND", NULL });
  add_exercise (store, "ex-2001", "2001-05-10", BILAT_EXERCISE_DOMAINS_SEA | BILAT_EXERCISE_DOMAINS_AIR,
                (const char *[]) { "PAK", "RUS", "CHN", NULL });
  add_exercise (store, "ex-2001b", "2001-09", BILAT_EXERCISE_DOMAINS_LAND, (const char *[]) { "RUS", "PAK", NULL });
  add_exercise (store, "ex-2003", "2003", BILAT_EXERCISE_DOMAINS_LAND, (const char *[]) { "PAK", "USA", NULL });

  /* Events 1999–2002, in both directions. */
  add_event (store, "e1", "2002-03-01", "PAK", "RUS", "042");
  add_event (store, "e2", "2002-03-02", "PAK", "RUS", "190");
  add_event (store, "e3", "2002-04-01", "RUS", "PAK", "036");
  add_event (store, "e4", "1999-01-01", "USA", "PAK", "111");

  for (guint i = 0; tables[i] != NULL; i++)
    {
      g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_data (tables[i], -1, NULL);
      g_autoptr(BilatImportReport) report =
        bilat_store_import_votes_from_stream (store, stream, "table", BILAT_IMPORT_FLAGS_STRICT, NULL, &error);

      assert_null (error);
      assert_non_null (report);
    }
  return store;
}

static BilatPanelSettings *
named_settings (gboolean directed)
{
  BilatPanelSettings *settings = bilat_panel_settings_new ();
  const char *topics[] = { "me", NULL };

  bilat_panel_settings_add_dyad (settings, "PAK", "RUS");
  bilat_panel_settings_add_dyad (settings, "PAK", "USA");
  bilat_panel_settings_add_dyad (settings, "IND", "RUS");
  bilat_panel_settings_set_first_year (settings, 1980);
  bilat_panel_settings_set_last_year (settings, 2006);
  bilat_panel_settings_set_directed (settings, directed);
  bilat_panel_settings_set_columns (settings, BILAT_PANEL_COLUMNS_ALL);
  bilat_panel_settings_set_topics (settings, topics);
  return settings;
}

/* The exercise cells of @r equal what count_exercises gives the dyad. */
static void
check_exercises (BilatStore *store,
                 BilatPanel *panel,
                 guint       r)
{
  g_autoptr(BilatQuery) query = bilat_query_new ();
  g_autoptr(BilatExerciseCounts) counts = NULL;
  g_autoptr(BilatDate) coverage = bilat_panel_get_coverage (panel, BILAT_PANEL_SOURCE_EXERCISES);
  int year = row_year (panel, r);
  double expected = 0, expected_sea = 0;

  bilat_query_set_dyad (query, bilat_panel_get_actor_a (panel, r), bilat_panel_get_actor_b (panel, r));
  counts = bilat_store_count_exercises (store, query, BILAT_SERIES_UNIT_YEAR);
  for (guint i = 0; i < bilat_exercise_counts_get_n_periods (counts); i++)
    {
      g_autoptr(BilatDate) period = bilat_exercise_counts_get_period (counts, i);

      if (bilat_date_get_year (period) == year)
        {
          expected = bilat_exercise_counts_get_exercises (counts, i);
          expected_sea = bilat_exercise_counts_get_domain_count (counts, i, BILAT_EXERCISE_DOMAINS_SEA);
        }
    }
  if (coverage == NULL || year < bilat_date_get_year (bilat_date_get_start (coverage)) ||
      year > bilat_date_get_year (bilat_date_get_end (coverage)))
    {
      assert_true (isnan (cell (panel, r, "exercises")));
      return;
    }
  assert_true (cell (panel, r, "exercises") == expected);
  if (bilat_panel_find_column (panel, "exercises_sea") >= 0)
    assert_true (cell (panel, r, "exercises_sea") == expected_sea);
}

static gboolean
same_measure (double a,
              double b)
{
  return (isnan (a) && isnan (b)) || fabs (a - b) < 1e-12;
}

/* The affinity cells of @r equal the dyad's score of the year. */
static void
check_affinity (BilatStore *store,
                BilatPanel *panel,
                guint       r,
                const char *topic)
{
  g_autoptr(BilatAffinitySettings) settings = bilat_affinity_settings_new ();
  g_autoptr(BilatAffinity) affinity = NULL;
  g_autofree char *n_name = topic != NULL ? g_strdup_printf ("n_%s", topic) : g_strdup ("n");
  g_autofree char *s_name = topic != NULL ? g_strdup_printf ("s_%s", topic) : g_strdup ("s");
  g_autofree char *kappa_name = topic != NULL ? g_strdup_printf ("kappa_%s", topic) : g_strdup ("kappa");
  g_autofree char *pi_name = topic != NULL ? g_strdup_printf ("pi_%s", topic) : g_strdup ("pi");
  int year = row_year (panel, r);
  gboolean found = FALSE;

  bilat_affinity_settings_set_unit (settings, BILAT_AFFINITY_UNIT_YEAR);
  bilat_affinity_settings_set_topic (settings, topic);
  affinity = bilat_store_compute_affinity (store, bilat_panel_get_actor_a (panel, r),
                                           bilat_panel_get_actor_b (panel, r), settings);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (affinity)); i++)
    {
      g_autoptr(BilatAffinityScore) score = g_list_model_get_item (G_LIST_MODEL (affinity), i);

      if (bilat_affinity_score_get_year (score) != (guint) year)
        continue;
      found = TRUE;
      assert_true (cell (panel, r, n_name) == bilat_affinity_score_get_n (score));
      assert_true (same_measure (cell (panel, r, s_name), bilat_affinity_score_get_s (score)));
      assert_true (same_measure (cell (panel, r, kappa_name), bilat_affinity_score_get_kappa (score)));
      assert_true (same_measure (cell (panel, r, pi_name), bilat_affinity_score_get_pi (score)));
    }
  if (!found)
    {
      /* No roll call that year: empty, never 0. */
      assert_true (isnan (cell (panel, r, n_name)));
      assert_true (isnan (cell (panel, r, s_name)));
    }
}

/* The event cells of an undirected row equal the dyad's series. */
static void
check_events (BilatStore *store,
              BilatPanel *panel,
              guint       r)
{
  g_autoptr(BilatQuery) query = bilat_query_new ();
  g_autoptr(BilatSeries) series = NULL;
  int year = row_year (panel, r);
  double count = 0, sum = 0, mean = NAN, q[4] = { 0, 0, 0, 0 };

  bilat_query_set_dyad (query, bilat_panel_get_actor_a (panel, r), bilat_panel_get_actor_b (panel, r));
  series = bilat_store_compute_series (store, query, BILAT_SERIES_UNIT_YEAR);
  for (guint i = 0; i < bilat_series_get_n_bins (series); i++)
    {
      g_autoptr(BilatDate) bin = bilat_series_get_bin_date (series, i);

      if (bilat_date_get_year (bin) != year)
        continue;
      count = bilat_series_get_count (series, i);
      sum = bilat_series_get_goldstein_sum (series, i);
      if (bilat_series_get_goldstein_count (series, i) > 0)
        mean = bilat_series_get_goldstein_mean (series, i);
      for (guint c = 0; c < 4; c++)
        q[c] = bilat_series_get_quad_count (series, i, c + 1);
    }
  assert_true (cell (panel, r, "events") == count);
  assert_true (fabs (cell (panel, r, "goldstein_sum") - sum) < 1e-9);
  assert_true (same_measure (cell (panel, r, "goldstein_mean"), mean));
  assert_true (cell (panel, r, "q1") == q[0] && cell (panel, r, "q2") == q[1] &&
               cell (panel, r, "q3") == q[2] && cell (panel, r, "q4") == q[3]);
}

static void
test_named_columns (void **state)
{
  g_autoptr(BilatStore) store = small_store ();
  g_autoptr(BilatPanelSettings) settings = named_settings (FALSE);
  g_autoptr(BilatPanel) panel = build (store, settings);
  g_autoptr(BilatDate) exercises = bilat_panel_get_coverage (panel, BILAT_PANEL_SOURCE_EXERCISES);
  g_autoptr(BilatDate) events = bilat_panel_get_coverage (panel, BILAT_PANEL_SOURCE_EVENTS);
  g_autoptr(BilatDate) votes = bilat_panel_get_coverage (panel, BILAT_PANEL_SOURCE_AFFINITY);
  g_autofree char *exercises_text = bilat_date_to_string (exercises);
  g_autofree char *events_text = bilat_date_to_string (events);
  g_autofree char *votes_text = bilat_date_to_string (votes);
  guint n = bilat_panel_get_n_rows (panel);

  /* Three dyads over 27 years, in the order given. */
  assert_int_equal (n, 3 * 27);
  assert_int_equal (bilat_panel_get_first_year (panel), 1980);
  assert_int_equal (bilat_panel_get_last_year (panel), 2006);
  assert_false (bilat_panel_get_directed (panel));
  assert_int_equal (bilat_panel_get_unit (panel), BILAT_SERIES_UNIT_YEAR);
  {
    int first_year = 0;
    gboolean directed = TRUE;

    g_object_get (panel, "first-year", &first_year, "directed", &directed, NULL);
    assert_int_equal (first_year, 1980);
    assert_false (directed);
  }
  assert_string_equal (bilat_panel_get_actor_a (panel, 0), "PAK");
  assert_string_equal (bilat_panel_get_actor_b (panel, 0), "RUS");
  assert_int_equal (row_year (panel, 0), 1980);
  assert_string_equal (bilat_panel_get_actor_a (panel, 2 * 27), "IND");

  /* Coverage: the span of what the store holds, events being every
   * event (exercises too). */
  assert_string_equal (exercises_text, "1985/2003");
  assert_string_equal (events_text, "1985/2003");
  assert_string_equal (votes_text, "2001/2004");

  for (guint r = 0; r < n; r++)
    {
      check_exercises (store, panel, r);
      check_affinity (store, panel, r, NULL);
      check_affinity (store, panel, r, "me");
      if (row_year (panel, r) >= 1985 && row_year (panel, r) <= 2003)
        check_events (store, panel, r);
      else
        assert_true (isnan (cell (panel, r, "events")) && isnan (cell (panel, r, "q1")));
    }

  /* Some cells by hand. PAK-RUS 2001: two exercises (one per domain
   * column it has); 2002: none, but covered: 0. */
  assert_true (cell (panel, 2001 - 1980, "exercises") == 2);
  assert_true (cell (panel, 2001 - 1980, "exercises_land") == 1);
  assert_true (cell (panel, 2002 - 1980, "exercises") == 0);
  assert_true (isnan (cell (panel, 2004 - 1980, "exercises")));
  assert_true (isnan (cell (panel, 1984 - 1980, "exercises")));
  /* IND-RUS 1985: the exercise of SUN, RUS's predecessor. */
  assert_true (cell (panel, 2 * 27 + 1985 - 1980, "exercises") == 1);
  assert_true (cell (panel, 2 * 27 + 1985 - 1980, "cow_b") == 365);
  /* PAK-RUS 2002: three events either way; 2003 (no vote): affinity empty. */
  assert_true (cell (panel, 2002 - 1980, "events") == 3);
  assert_true (isnan (cell (panel, 2003 - 1980, "n")));
  /* 2002: PAK-USA share no roll call (the US did not vote): n is 0,
   * the measures empty. */
  assert_true (cell (panel, 27 + 2002 - 1980, "n") == 0);
  assert_true (isnan (cell (panel, 27 + 2002 - 1980, "s")));
  /* No roll call on "me" in 2004. */
  assert_true (cell (panel, 2004 - 1980, "n") == 1);
  assert_true (isnan (cell (panel, 2004 - 1980, "n_me")));
}

static void
test_directed (void **state)
{
  g_autoptr(BilatStore) store = small_store ();
  g_autoptr(BilatPanelSettings) settings = named_settings (TRUE);
  g_autoptr(BilatPanel) panel = build (store, settings);
  guint n = bilat_panel_get_n_rows (panel);
  guint pak_rus = 0, rus_pak = 27;

  /* Each dyad both ways: PAK→RUS, RUS→PAK, PAK→USA, USA→PAK … */
  assert_int_equal (n, 6 * 27);
  assert_string_equal (bilat_panel_get_actor_a (panel, rus_pak), "RUS");
  assert_string_equal (bilat_panel_get_actor_b (panel, rus_pak), "PAK");

  /* Events with a as initiator and b as target. */
  assert_true (cell (panel, pak_rus + 2002 - 1980, "events") == 2);
  assert_true (cell (panel, rus_pak + 2002 - 1980, "events") == 1);
  assert_true (cell (panel, pak_rus + 2002 - 1980, "q4") == 1);
  assert_true (cell (panel, rus_pak + 2002 - 1980, "q1") == 1);
  assert_true (cell (panel, 3 * 27 + 1999 - 1980, "events") == 1);   /* USA→PAK */
  assert_true (cell (panel, 2 * 27 + 1999 - 1980, "events") == 0);   /* PAK→USA */

  /* Exercises and affinity are the same both ways. */
  for (guint r = 0; r < n; r++)
    {
      check_exercises (store, panel, r);
      check_affinity (store, panel, r, NULL);
    }
}

static void
test_by_month (void **state)
{
  g_autoptr(BilatStore) store = small_store ();
  g_autoptr(BilatPanelSettings) settings = bilat_panel_settings_new ();
  g_autoptr(BilatPanel) panel = NULL;
  g_autoptr(BilatDate) coverage = NULL;
  g_autofree char *text = NULL;
  g_autofree char *csv = NULL;
  int period;

  bilat_panel_settings_add_dyad (settings, "PAK", "RUS");
  bilat_panel_settings_set_first_year (settings, 2001);
  bilat_panel_settings_set_last_year (settings, 2002);
  bilat_panel_settings_set_unit (settings, BILAT_SERIES_UNIT_MONTH);
  bilat_panel_settings_set_columns (settings, BILAT_PANEL_COLUMNS_EXERCISES | BILAT_PANEL_COLUMNS_EVENTS);
  panel = build (store, settings);
  assert_int_equal (bilat_panel_get_n_rows (panel), 24);
  period = column (panel, "period");
  assert_int_equal (bilat_panel_get_column_type (panel, (guint) period), BILAT_PANEL_VALUE_TYPE_TEXT);
  text = bilat_panel_get_text (panel, 4, (guint) period);
  assert_string_equal (text, "2001-05");
  assert_true (cell (panel, 4, "exercises") == 1);
  assert_true (cell (panel, 8, "exercises") == 1);
  assert_true (cell (panel, 14, "events") == 2);   /* 2002-03 */
  /* Exercises by month: coverage 1985-06 to 2003-?; the 2003 one has a
   * year only, so it is in no month. */
  coverage = bilat_panel_get_coverage (panel, BILAT_PANEL_SOURCE_EXERCISES);
  g_clear_pointer (&text, g_free);
  text = bilat_date_to_string (coverage);
  assert_string_equal (text, "1985-06/2001-09");
  assert_true (isnan (cell (panel, 23, "exercises")));
  csv = bilat_panel_to_string (panel, BILAT_PANEL_FORMAT_CSV);
  assert_non_null (strstr (csv, "\na,b,period,exercises,events,"));
  /* Events count exercises too, as a series does. */
  assert_non_null (strstr (csv, "\nPAK,RUS,2001-05,1,1,"));
}

static void
test_settings (void **state)
{
  g_autoptr(BilatStore) store = bilat_store_new ();
  g_autoptr(BilatPanelSettings) settings = bilat_panel_settings_new ();
  g_autoptr(GError) error = NULL;
  const char *bad_topics[] = { "Middle East", NULL };
  const char *a, *b;

  /* The defaults. */
  assert_int_equal (bilat_panel_settings_get_first_year (settings), 1816);
  assert_int_equal (bilat_panel_settings_get_last_year (settings), 2016);
  assert_false (bilat_panel_settings_get_directed (settings));
  assert_int_equal (bilat_panel_settings_get_unit (settings), BILAT_SERIES_UNIT_YEAR);
  assert_null (bilat_panel_settings_get_topics (settings));
  assert_null (bilat_panel_settings_get_event_store (settings));
  bilat_panel_settings_add_dyad (settings, "PAK", "RUS");
  assert_int_equal (bilat_panel_settings_get_n_dyads (settings), 1);
  assert_true (bilat_panel_settings_get_dyad (settings, 0, &a, &b));
  assert_string_equal (a, "PAK");
  assert_string_equal (b, "RUS");
  assert_false (bilat_panel_settings_get_dyad (settings, 1, &a, &b));
  bilat_panel_settings_clear_dyads (settings);
  assert_int_equal (bilat_panel_settings_get_n_dyads (settings), 0);

  bilat_panel_settings_set_first_year (settings, 2000);
  bilat_panel_settings_set_last_year (settings, 1999);
  assert_null (bilat_store_build_panel (store, settings, NULL, &error));
  assert_true (g_error_matches (error, BILAT_PANEL_ERROR, BILAT_PANEL_ERROR_INVALID_SETTINGS));
  g_clear_error (&error);

  bilat_panel_settings_set_last_year (settings, 2001);
  bilat_panel_settings_set_unit (settings, BILAT_SERIES_UNIT_MONTH);
  assert_null (bilat_store_build_panel (store, settings, NULL, &error));
  assert_non_null (strstr (error->message, "per year"));
  g_clear_error (&error);

  bilat_panel_settings_set_unit (settings, BILAT_SERIES_UNIT_DAY);
  bilat_panel_settings_set_columns (settings, BILAT_PANEL_COLUMNS_EXERCISES);
  assert_null (bilat_store_build_panel (store, settings, NULL, &error));
  g_clear_error (&error);

  bilat_panel_settings_set_unit (settings, BILAT_SERIES_UNIT_YEAR);
  bilat_panel_settings_set_topics (settings, bad_topics);
  assert_null (bilat_store_build_panel (store, settings, NULL, &error));
  assert_true (g_error_matches (error, BILAT_PANEL_ERROR, BILAT_PANEL_ERROR_INVALID_SETTINGS));
  g_clear_error (&error);

  /* A cancelled build stops. */
  {
    g_autoptr(GCancellable) cancellable = g_cancellable_new ();

    bilat_panel_settings_set_topics (settings, NULL);
    g_cancellable_cancel (cancellable);
    assert_null (bilat_store_build_panel (store, settings, cancellable, &error));
    assert_true (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED));
  }
}

static void
test_output (void **state)
{
  g_autoptr(BilatStore) store = small_store ();
  g_autoptr(BilatPanelSettings) settings = named_settings (FALSE);
  g_autoptr(BilatPanel) panel = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *csv = NULL;
  g_autofree char *tsv = NULL;
  g_autofree char *json = NULL;
  g_autofree char *table = NULL;
  g_autoptr(BilatPanelRow) row = NULL;
  g_autoptr(BilatDate) period = NULL;
  JsonObject *root, *metadata, *first;
  JsonArray *rows;
  double value;

  bilat_panel_settings_set_first_year (settings, 2000);
  bilat_panel_settings_set_last_year (settings, 2004);
  bilat_panel_settings_set_columns (settings, BILAT_PANEL_COLUMNS_CODES | BILAT_PANEL_COLUMNS_EXERCISES |
                                              BILAT_PANEL_COLUMNS_AFFINITY);
  bilat_panel_settings_set_topics (settings, NULL);
  panel = build (store, settings);

  assert_int_equal (bilat_panel_settings_get_columns (settings),
                    BILAT_PANEL_COLUMNS_CODES | BILAT_PANEL_COLUMNS_EXERCISES | BILAT_PANEL_COLUMNS_AFFINITY);
  {
    const char * const expected[] = { "a", "b", "cow_a", "cow_b", "year", "exercises", "n", "s", "kappa", "pi", NULL };
    const char * const *names = bilat_panel_get_columns (panel);

    for (guint i = 0; expected[i] != NULL; i++)
      assert_string_equal (names[i], expected[i]);
    assert_null (names[G_N_ELEMENTS (expected) - 1]);
  }

  csv = bilat_panel_to_string (panel, BILAT_PANEL_FORMAT_CSV);
  /* Written to a stream: the same bytes; to a closed one, an error. */
  for (int format = BILAT_PANEL_FORMAT_TABLE; format <= BILAT_PANEL_FORMAT_JSON; format++)
    {
      g_autoptr(GOutputStream) stream = g_memory_output_stream_new_resizable ();
      g_autoptr(GOutputStream) closed = g_memory_output_stream_new_resizable ();
      g_autoptr(GError) write_error = NULL;
      g_autofree char *expected = bilat_panel_to_string (panel, (BilatPanelFormat) format);

      assert_true (bilat_panel_write (panel, stream, (BilatPanelFormat) format, NULL, &write_error));
      assert_null (write_error);
      assert_int_equal (g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (stream)), strlen (expected));
      assert_memory_equal (g_memory_output_stream_get_data (G_MEMORY_OUTPUT_STREAM (stream)), expected,
                           strlen (expected));
      assert_true (g_output_stream_close (closed, NULL, NULL));
      assert_false (bilat_panel_write (panel, closed, (BilatPanelFormat) format, NULL, &write_error));
      assert_true (g_error_matches (write_error, G_IO_ERROR, G_IO_ERROR_CLOSED));
    }
  assert_true (g_str_has_prefix (csv, "# libbilat panel: undirected dyad-years, 2000-2004\n"
                                      "# coverage: exercises 1985/2003; events none; affinity 2001/2004\n"
                                      "a,b,cow_a,cow_b,year,exercises,n,s,kappa,pi\n"
                                      "PAK,RUS,770,365,2000,0,,,,\n"
                                      "PAK,RUS,770,365,2001,2,2,"));
  /* 2004: no exercise data, one shared vote. */
  assert_non_null (strstr (csv, "\nPAK,RUS,770,365,2004,,1,"));
  tsv = bilat_panel_to_string (panel, BILAT_PANEL_FORMAT_TSV);
  assert_non_null (strstr (tsv, "\na\tb\tcow_a\tcow_b\tyear\texercises\tn\ts\tkappa\tpi\n"));
  table = bilat_panel_to_string (panel, BILAT_PANEL_FORMAT_TABLE);
  {
    /* Aligned columns; a dash for each empty cell. */
    const char *line = strstr (table, "\nPAK  RUS    770    365  2000");
    g_autofree char *text = NULL;
    g_auto(GStrv) words = NULL;
    g_autofree char *joined = NULL;

    assert_non_null (line);
    text = g_strndup (line + 1, (gsize) (strchr (line + 1, '\n') - line - 1));
    words = g_strsplit_set (g_strstrip (text), " ", -1);
    joined = g_strjoinv ("|", words);
    while (strstr (joined, "||") != NULL)
      {
        g_auto(GStrv) parts = g_strsplit (joined, "||", -1);

        g_free (joined);
        joined = g_strjoinv ("|", parts);
      }
    assert_string_equal (joined, "PAK|RUS|770|365|2000|0|-|-|-|-");
  }

  json = bilat_panel_to_string (panel, BILAT_PANEL_FORMAT_JSON);
  assert_true (json_parser_load_from_data (parser, json, -1, &error));
  root = json_node_get_object (json_parser_get_root (parser));
  metadata = json_object_get_object_member (root, "metadata");
  assert_string_equal (json_object_get_string_member (metadata, "unit"), "year");
  assert_false (json_object_get_boolean_member (metadata, "directed"));
  assert_string_equal (json_object_get_string_member (json_object_get_object_member (metadata, "coverage"),
                                                      "affinity"), "2001/2004");
  assert_true (json_object_get_null_member (json_object_get_object_member (metadata, "coverage"), "events"));
  rows = json_object_get_array_member (root, "rows");
  assert_int_equal (json_array_get_length (rows), 15);
  first = json_array_get_object_element (rows, 0);
  assert_string_equal (json_object_get_string_member (first, "a"), "PAK");
  assert_int_equal (json_object_get_int_member (first, "year"), 2000);
  assert_int_equal (json_object_get_int_member (first, "exercises"), 0);
  assert_true (json_object_get_null_member (first, "n"));

  /* Rows of the list model, made on demand. */
  assert_true (g_list_model_get_item_type (G_LIST_MODEL (panel)) == BILAT_TYPE_PANEL_ROW);
  assert_null (g_list_model_get_item (G_LIST_MODEL (panel), 15));
  row = g_list_model_get_item (G_LIST_MODEL (panel), 6);
  assert_ptr_equal (bilat_panel_row_get_panel (row), panel);
  assert_int_equal (bilat_panel_row_get_index (row), 6);
  assert_string_equal (bilat_panel_row_get_actor_a (row), "PAK");
  assert_string_equal (bilat_panel_row_get_actor_b (row), "USA");
  period = bilat_panel_row_get_period (row);
  assert_int_equal (bilat_date_get_year (period), 2001);
  assert_true (bilat_panel_row_get_number (row, "cow_b", &value) && value == 2);
  assert_false (bilat_panel_row_get_number (row, "no-such-column", &value));
  assert_int_equal (bilat_panel_get_column_type (panel, (guint) column (panel, "s")), BILAT_PANEL_VALUE_TYPE_REAL);

  /* A whole column at once, NaN for empty cells. */
  {
    gsize n_values;
    g_autofree double *values = bilat_panel_get_column_numbers (panel, (guint) column (panel, "exercises"),
                                                                &n_values);

    assert_int_equal (n_values, 15);
    assert_true (values[1] == 2);
    assert_true (isnan (values[4]));
  }
}

/* The real data of ../shared/data, when the build has it. */

static char *
shared_path (const char *first,
             ...)
{
  const char *shared = g_getenv ("BILAT_SHARED_DATA");
  g_autoptr(GPtrArray) parts = g_ptr_array_new ();
  va_list args;
  char *path;

  if (shared == NULL || *shared == '\0')
    {
      print_message ("skipped: no shared data (configure with -Dshared_data=DIR)\n");
      return NULL;
    }
  g_ptr_array_add (parts, (gpointer) shared);
  va_start (args, first);
  for (const char *part = first; part != NULL; part = va_arg (args, const char *))
    g_ptr_array_add (parts, (gpointer) part);
  va_end (args);
  g_ptr_array_add (parts, NULL);
  path = g_build_filenamev ((char **) parts->pdata);
  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      print_message ("skipped: %s is absent\n", path);
      g_free (path);
      return NULL;
    }
  return path;
}

static void
test_real_sample (void **state)
{
  g_autofree char *mme = shared_path ("mme", "mme_v7.csv", NULL);
  g_autofree char *votes = shared_path ("unga", "un_votes_PK_RU_IN_CN_US_AF_2005_2019.csv", NULL);
  g_autofree char *roll_calls = shared_path ("unga", "un_roll_calls_2005_2019.csv", NULL);
  g_autofree char *issues = shared_path ("unga", "un_roll_call_issues_2005_2019.csv", NULL);
  g_autoptr(BilatStore) store = bilat_store_new ();
  g_autoptr(BilatImporter) importer = bilat_importer_new ();
  g_autoptr(BilatImportReport) report = NULL;
  g_autoptr(BilatImportReport) vote_report = NULL;
  g_autoptr(BilatPanelSettings) settings = bilat_panel_settings_new ();
  g_autoptr(BilatPanel) panel = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) mme_file = NULL;
  GFile *vote_files[3];
  guint n, pak_rus_2010 = G_MAXUINT;

  if (mme == NULL || votes == NULL || roll_calls == NULL || issues == NULL)
    skip ();
  mme_file = g_file_new_for_path (mme);
  report = bilat_importer_import (importer, store, &mme_file, 1, &error);
  assert_non_null (report);
  vote_files[0] = g_file_new_for_path (votes);
  vote_files[1] = g_file_new_for_path (roll_calls);
  vote_files[2] = g_file_new_for_path (issues);
  vote_report = bilat_store_import_votes (store, vote_files, 3, BILAT_IMPORT_FLAGS_NONE, NULL, &error);
  for (guint i = 0; i < 3; i++)
    g_object_unref (vote_files[i]);
  assert_non_null (vote_report);

  bilat_panel_settings_set_first_year (settings, 2003);
  bilat_panel_settings_set_last_year (settings, 2012);
  bilat_panel_settings_set_columns (settings, BILAT_PANEL_COLUMNS_CODES | BILAT_PANEL_COLUMNS_EXERCISES |
                                              BILAT_PANEL_COLUMNS_AFFINITY);
  panel = build (store, settings);
  n = bilat_panel_get_n_rows (panel);
  assert_int_equal (n, expected_rows (2003, 2012, FALSE));

  /* A sample of rows, and every row of the six states the votes are of. */
  for (guint r = 0; r < n; r++)
    {
      const char *a = bilat_panel_get_actor_a (panel, r);
      const char *b = bilat_panel_get_actor_b (panel, r);
      gboolean voters = strstr ("PAK RUS IND CHN USA AFG", a) != NULL && strstr ("PAK RUS IND CHN USA AFG", b) != NULL;

      if (r % 1009 != 0 && !voters)
        continue;
      check_exercises (store, panel, r);
      check_affinity (store, panel, r, NULL);
      if (((strcmp (a, "PAK") == 0 && strcmp (b, "RUS") == 0) || (strcmp (a, "RUS") == 0 && strcmp (b, "PAK") == 0)) &&
          row_year (panel, r) == 2010)
        pak_rus_2010 = r;
    }
  assert_true (pak_rus_2010 != G_MAXUINT);
  /* Votes from 2005: the 2003 and 2004 cells are empty; MME ends in 2010. */
  for (guint r = 0; r < n; r++)
    {
      int year = row_year (panel, r);

      if (year < 2005)
        assert_true (isnan (cell (panel, r, "n")));
      if (year > 2010)
        assert_true (isnan (cell (panel, r, "exercises")));
      else
        assert_false (isnan (cell (panel, r, "exercises")));
    }
  assert_false (isnan (cell (panel, pak_rus_2010, "s")));
}

/* Events straight from files. */

static const char * const event_columns[] = {
  "events", "goldstein_sum", "goldstein_mean", "q1", "q2", "q3", "q4",
};

/* Sums of the same scores added in another order may differ in their
 * last bits (see bilat_series_equal()); everything else is exact. */
static gboolean
same_cell (double      a,
           double      b,
           const char *name)
{
  if (isnan (a) || isnan (b))
    return isnan (a) && isnan (b);
  if (g_str_has_prefix (name, "goldstein"))
    return fabs (a - b) <= 1e-9 * MAX (1.0, MAX (fabs (a), fabs (b)));
  return a == b;
}

/* The events columns of @streamed equal those of @stored row by row, and
 * so do the rows and the coverage. Returns the number of cells with
 * events. */
static guint
check_same_events (BilatPanel *stored,
                   BilatPanel *streamed)
{
  g_autoptr(BilatDate) stored_span = bilat_panel_get_coverage (stored, BILAT_PANEL_SOURCE_EVENTS);
  g_autoptr(BilatDate) streamed_span = bilat_panel_get_coverage (streamed, BILAT_PANEL_SOURCE_EVENTS);
  guint n = bilat_panel_get_n_rows (stored);
  guint with_events = 0;

  assert_int_equal (bilat_panel_get_n_rows (streamed), n);
  assert_true ((stored_span == NULL) == (streamed_span == NULL));
  if (stored_span != NULL)
    assert_true (bilat_date_equal (stored_span, streamed_span));
  for (guint r = 0; r < n; r++)
    {
      assert_string_equal (bilat_panel_get_actor_a (stored, r), bilat_panel_get_actor_a (streamed, r));
      assert_string_equal (bilat_panel_get_actor_b (stored, r), bilat_panel_get_actor_b (streamed, r));
      for (guint c = 0; c < G_N_ELEMENTS (event_columns); c++)
        {
          double a = cell (stored, r, event_columns[c]);
          double b = cell (streamed, r, event_columns[c]);

          if (!same_cell (a, b, event_columns[c]))
            fail_msg ("row %u (%s-%s): %s %g in the store, %g streamed", r,
                      bilat_panel_get_actor_a (stored, r), bilat_panel_get_actor_b (stored, r),
                      event_columns[c], a, b);
        }
      with_events += cell (stored, r, "events") > 0;
    }
  return with_events;
}

/* The same panel, cell for cell and bit for bit. */
static void
check_identical (BilatPanel *a,
                 BilatPanel *b)
{
  g_autofree char *text_a = bilat_panel_to_string (a, BILAT_PANEL_FORMAT_JSON);
  g_autofree char *text_b = bilat_panel_to_string (b, BILAT_PANEL_FORMAT_JSON);
  guint n = bilat_panel_get_n_rows (a);

  assert_string_equal (text_a, text_b);
  assert_int_equal (bilat_panel_get_n_rows (b), n);
  for (guint r = 0; r < n; r++)
    for (guint c = 0; c < G_N_ELEMENTS (event_columns); c++)
      {
        double x = cell (a, r, event_columns[c]);
        double y = cell (b, r, event_columns[c]);

        assert_true ((isnan (x) && isnan (y)) || memcmp (&x, &y, sizeof x) == 0);
      }
}

static BilatImporter *
importer_with_threads (guint threads)
{
  BilatImporter *importer = bilat_importer_new ();

  bilat_importer_set_threads (importer, threads);
  return importer;
}

/* A store @files were imported into. */
static BilatStore *
imported (GFile **files,
          guint   n_files)
{
  g_autoptr(BilatImporter) importer = bilat_importer_new ();
  g_autoptr(BilatStore) store = bilat_store_new ();
  g_autoptr(BilatImportReport) report = NULL;
  g_autoptr(GError) error = NULL;

  report = bilat_importer_import (importer, store, files, n_files, &error);
  assert_null (error);
  assert_non_null (report);
  return g_steal_pointer (&store);
}

static BilatPanel *
streamed (GFile             **files,
          guint               n_files,
          BilatPanelSettings *settings,
          guint               threads,
          BilatImportReport **report)
{
  g_autoptr(BilatImporter) importer = importer_with_threads (threads);
  g_autoptr(GError) error = NULL;
  BilatPanel *panel;

  panel = bilat_importer_build_panel (importer, NULL, settings, files, n_files, report, &error);
  if (panel == NULL)
    fail_msg ("%s", error->message);
  return panel;
}

/* The events columns streamed from @files, on one thread and on two,
 * against those of a store the files were imported into; @settings'
 * event store is set to it. Returns the cells with events. */
static guint
check_streamed (GFile             **files,
                guint               n_files,
                BilatStore         *events,
                BilatPanelSettings *settings)
{
  g_autoptr(BilatStore) empty = bilat_store_new ();
  g_autoptr(BilatPanel) stored = NULL;
  g_autoptr(BilatPanel) one = NULL;
  g_autoptr(BilatPanel) two = NULL;
  g_autoptr(BilatImportReport) report_one = NULL;
  g_autoptr(BilatImportReport) report_two = NULL;

  bilat_panel_settings_set_event_store (settings, events);
  stored = build (empty, settings);
  one = streamed (files, n_files, settings, 1, &report_one);
  two = streamed (files, n_files, settings, 2, &report_two);
  bilat_panel_settings_set_event_store (settings, NULL);

  check_identical (one, two);
  assert_int_equal (bilat_import_report_get_kept (report_one), bilat_import_report_get_kept (report_two));
  assert_int_equal (bilat_import_report_get_bad_rows (report_one), bilat_import_report_get_bad_rows (report_two));
  return check_same_events (stored, one);
}

/* Up to @max dyads of states that events of @store are between, as
 * they name them, plus PAK-RUS and RUS-USA (succession from SUN). */
static void
add_event_dyads (BilatPanelSettings *settings,
                 BilatStore         *store,
                 guint               max)
{
  g_autoptr(GListModel) events = bilat_store_find_events (store, NULL);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint n = g_list_model_get_n_items (events);

  bilat_panel_settings_add_dyad (settings, "PAK", "RUS");
  bilat_panel_settings_add_dyad (settings, "RUS", "USA");
  for (guint i = 0; i < n && g_hash_table_size (seen) < max; i++)
    {
      g_autoptr(BilatEvent) event = g_list_model_get_item (events, i);
      GPtrArray *participants = bilat_event_get_participants (event);
      const char *a, *b;
      char *key;

      if (participants->len != 2)
        continue;
      a = bilat_participant_get_actor (g_ptr_array_index (participants, 0));
      b = bilat_participant_get_actor (g_ptr_array_index (participants, 1));
      if (bilat_country_get_name (a) == NULL || bilat_country_get_name (b) == NULL)
        continue;
      key = strcmp (a, b) < 0 ? g_strconcat (a, ",", b, NULL) : g_strconcat (b, ",", a, NULL);
      if (!g_hash_table_add (seen, key))
        continue;
      bilat_panel_settings_add_dyad (settings, a, b);
    }
}

/* Named dyads by year and by month, directed and not, and every pair of
 * states in @year, of @files streamed and imported. */
static void
check_files_streamed (GFile **files,
                      guint   n_files,
                      int     first_year,
                      int     last_year,
                      int     year)
{
  g_autoptr(BilatStore) events = imported (files, n_files);
  guint with_events = 0;

  for (guint directed = 0; directed < 2; directed++)
    for (guint by_month = 0; by_month < 2; by_month++)
      {
        g_autoptr(BilatPanelSettings) settings = bilat_panel_settings_new ();

        bilat_panel_settings_set_directed (settings, directed);
        bilat_panel_settings_set_unit (settings, by_month ? BILAT_SERIES_UNIT_MONTH : BILAT_SERIES_UNIT_YEAR);
        bilat_panel_settings_set_first_year (settings, by_month ? year : first_year);
        bilat_panel_settings_set_last_year (settings, by_month ? year : last_year);
        bilat_panel_settings_set_columns (settings, BILAT_PANEL_COLUMNS_EVENTS);
        add_event_dyads (settings, events, 40);
        with_events += check_streamed (files, n_files, events, settings);
      }
  for (guint directed = 0; directed < 2; directed++)
    {
      g_autoptr(BilatPanelSettings) settings = bilat_panel_settings_new ();

      bilat_panel_settings_set_directed (settings, directed);
      bilat_panel_settings_set_first_year (settings, year);
      bilat_panel_settings_set_last_year (settings, year);
      bilat_panel_settings_set_columns (settings, BILAT_PANEL_COLUMNS_EVENTS | BILAT_PANEL_COLUMNS_CODES);
      with_events += check_streamed (files, n_files, events, settings);
    }
  /* The comparison is of something. */
  assert_true (with_events > 0);
}

static void
test_streamed_fixtures (void **state)
{
  static const char * const names[] = {
    "gdelt2.export.CSV", "gdelt1-daily.export.CSV", "gdelt1-backfile.CSV", "icews.tab",
    "gdelt-identity.export.CSV", "icews-identity.tab",
  };
  GFile *files[G_N_ELEMENTS (names)];

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    files[i] = fixture (names[i]);
  check_files_streamed (files, G_N_ELEMENTS (names), 1979, 2020, 2018);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    g_object_unref (files[i]);
}

/* The importer's query selects the events streamed as it selects those
 * imported: the coverage is then that of the selected events. */
static void
test_streamed_query (void **state)
{
  GFile *files[2] = { fixture ("gdelt2.export.CSV"), fixture ("icews.tab") };
  g_autoptr(BilatQuery) query = bilat_query_new ();
  g_autoptr(BilatImporter) importer = bilat_importer_new ();
  g_autoptr(BilatStore) events = bilat_store_new ();
  g_autoptr(BilatStore) empty = bilat_store_new ();
  g_autoptr(BilatImportReport) report = NULL;
  g_autoptr(BilatPanelSettings) settings = bilat_panel_settings_new ();
  g_autoptr(BilatPanel) stored = NULL;
  g_autoptr(BilatPanel) panel = NULL;
  g_autoptr(GError) error = NULL;

  bilat_query_set_quad_class (query, BILAT_QUAD_CLASS_VERBAL_COOPERATION);
  bilat_importer_set_query (importer, query);
  report = bilat_importer_import (importer, events, files, 2, &error);
  assert_non_null (report);
  bilat_panel_settings_add_dyad (settings, "PAK", "RUS");
  bilat_panel_settings_add_dyad (settings, "USA", "CHN");
  bilat_panel_settings_set_directed (settings, TRUE);
  bilat_panel_settings_set_first_year (settings, 2015);
  bilat_panel_settings_set_last_year (settings, 2020);
  bilat_panel_settings_set_unit (settings, BILAT_SERIES_UNIT_MONTH);
  bilat_panel_settings_set_columns (settings, BILAT_PANEL_COLUMNS_EVENTS);
  bilat_panel_settings_set_event_store (settings, events);
  stored = build (empty, settings);
  panel = bilat_importer_build_panel (importer, NULL, settings, files, 2, NULL, &error);
  assert_non_null (panel);
  assert_true (check_same_events (stored, panel) > 0);
  for (guint r = 0; r < bilat_panel_get_n_rows (panel); r++)
    assert_true (isnan (cell (panel, r, "q4")) || cell (panel, r, "q4") == 0);
  g_object_unref (files[0]);
  g_object_unref (files[1]);
}

static void
test_streamed_real_samples (void **state)
{
  static const struct { const char *path; int first, last, year; } samples[] = {
    { "gdelt1/reed9999_events_sample.tsv", 1979, 2016, 2016 },
    { "gdelt2/20191024143000.export.CSV", 2015, 2019, 2019 },
    { "icews/events.2018.sample.tab", 2015, 2019, 2018 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (samples); i++)
    {
      g_autoptr(GFile) file = shared_data_file (samples[i].path);

      if (file == NULL)
        continue;
      check_files_streamed (&file, 1, samples[i].first, samples[i].last, samples[i].year);
    }
}

/* Compressed and archived files give the panel the plain ones give. */
static void
test_streamed_compressed (void **state)
{
  static const char * const names[] = { "gdelt2.export.CSV", "icews.tab", NULL };
  g_autoptr(GError) error = NULL;
  g_autofree char *folder = g_dir_make_tmp ("bilat-panel-XXXXXX", &error);
  g_autofree char *gz_path = g_build_filename (folder, "gdelt2.export.CSV.gz", NULL);
  g_autofree char *zip_path = g_build_filename (folder, "events.zip", NULL);
  g_autoptr(GBytes) plain = fixture_bytes ("gdelt2.export.CSV");
  g_autoptr(GBytes) gz = gzip_bytes (g_bytes_get_data (plain, NULL), g_bytes_get_size (plain));
  g_autoptr(BilatPanelSettings) settings = bilat_panel_settings_new ();
  g_autoptr(BilatPanel) from_plain = NULL;
  g_autoptr(BilatPanel) from_packed = NULL;
  GFile *plain_files[2], *packed_files[2];

  assert_non_null (folder);
  assert_true (g_file_set_contents (gz_path, g_bytes_get_data (gz, NULL), (gssize) g_bytes_get_size (gz), &error));
  write_zip (zip_path, (const char * const *) names + 1);
  plain_files[0] = fixture ("gdelt2.export.CSV");
  plain_files[1] = fixture ("icews.tab");
  packed_files[0] = g_file_new_for_path (gz_path);
  packed_files[1] = g_file_new_for_path (zip_path);

  bilat_panel_settings_add_dyad (settings, "PAK", "RUS");
  bilat_panel_settings_add_dyad (settings, "USA", "CHN");
  bilat_panel_settings_set_first_year (settings, 2017);
  bilat_panel_settings_set_last_year (settings, 2019);
  bilat_panel_settings_set_unit (settings, BILAT_SERIES_UNIT_MONTH);
  bilat_panel_settings_set_columns (settings, BILAT_PANEL_COLUMNS_EVENTS);
  from_plain = streamed (plain_files, 2, settings, 1, NULL);
  from_packed = streamed (packed_files, 2, settings, 2, NULL);
  check_identical (from_plain, from_packed);

  for (guint i = 0; i < 2; i++)
    {
      g_object_unref (plain_files[i]);
      g_object_unref (packed_files[i]);
    }
  g_unlink (gz_path);
  g_unlink (zip_path);
  g_rmdir (folder);
}

/* A file given again repeats every event id: counted once, the repeats
 * reported, on any number of threads (the files after it are folded in
 * their order all the same). */
static void
test_streamed_repeated_file (void **state)
{
  GFile *files[4] = { fixture ("gdelt2.export.CSV"), fixture ("icews.tab"), fixture ("gdelt2.export.CSV"),
                      fixture ("gdelt1-daily.export.CSV") };
  g_autoptr(BilatPanelSettings) settings = bilat_panel_settings_new ();
  g_autoptr(BilatStore) events = imported (files, 4);
  g_autoptr(BilatPanel) once = NULL;
  g_autoptr(BilatImportReport) report = NULL;
  GFile *distinct[3] = { files[0], files[1], files[3] };

  bilat_panel_settings_set_first_year (settings, 2018);
  bilat_panel_settings_set_last_year (settings, 2019);
  bilat_panel_settings_set_unit (settings, BILAT_SERIES_UNIT_MONTH);
  bilat_panel_settings_set_directed (settings, TRUE);
  bilat_panel_settings_set_columns (settings, BILAT_PANEL_COLUMNS_EVENTS);
  add_event_dyads (settings, events, 20);
  assert_true (check_streamed (files, 4, events, settings) > 0);
  for (guint threads = 1; threads <= 3; threads++)
    {
      g_autoptr(BilatPanel) panel = streamed (files, 4, settings, threads, &report);

      assert_true (bilat_import_report_get_duplicates (report) > 0);
      g_clear_object (&report);
      if (once == NULL)
        once = streamed (distinct, 3, settings, 1, NULL);
      check_identical (once, panel);
    }
  for (guint i = 0; i < 4; i++)
    g_object_unref (files[i]);
}

/* A bad row is skipped and reported, as series report it; strict, it
 * fails the building. */
static void
test_streamed_bad_rows (void **state)
{
  g_autoptr(GFile) file = fixture ("gdelt2-bad.export.CSV");
  g_autoptr(BilatImporter) importer = bilat_importer_new ();
  g_autoptr(BilatPanelSettings) settings = bilat_panel_settings_new ();
  g_autoptr(BilatImportReport) report = NULL;
  g_autoptr(BilatImportReport) series_report = NULL;
  g_autoptr(BilatSeries) series = NULL;
  g_autoptr(BilatPanel) panel = NULL;
  g_autoptr(BilatStore) events = imported (&file, 1);
  g_autoptr(GError) error = NULL;
  GPtrArray *problems;
  guint rows = 0;

  bilat_panel_settings_add_dyad (settings, "PAK", "RUS");
  bilat_panel_settings_set_first_year (settings, 2018);
  bilat_panel_settings_set_last_year (settings, 2018);
  bilat_panel_settings_set_unit (settings, BILAT_SERIES_UNIT_MONTH);
  bilat_panel_settings_set_columns (settings, BILAT_PANEL_COLUMNS_EVENTS);
  panel = bilat_importer_build_panel (importer, NULL, settings, &file, 1, &report, &error);
  assert_null (error);
  assert_non_null (panel);
  series = bilat_importer_compute_series (importer, &file, 1, BILAT_SERIES_UNIT_MONTH, &series_report, &error);
  assert_non_null (series);

  assert_true (bilat_import_report_get_bad_rows (report) > 0);
  assert_int_equal (bilat_import_report_get_bad_rows (report), bilat_import_report_get_bad_rows (series_report));
  assert_int_equal (bilat_import_report_get_duplicates (report), bilat_import_report_get_duplicates (series_report));
  assert_int_equal (bilat_import_report_get_kept (report), bilat_import_report_get_kept (series_report));
  problems = bilat_import_report_get_problems (report);
  assert_true (problems->len > 0);
  assert_non_null (strstr (bilat_problem_get_file (g_ptr_array_index (problems, 0)), "gdelt2-bad.export.CSV"));
  assert_true (bilat_problem_get_line (g_ptr_array_index (problems, 0)) > 0);

  /* The good rows are counted, as the store counts them. */
  for (guint r = 0; r < bilat_panel_get_n_rows (panel); r++)
    rows += (guint) cell (panel, r, "events");
  assert_int_equal (rows, bilat_import_report_get_kept (report));
  assert_true (check_streamed (&file, 1, events, settings) > 0);

  g_clear_object (&panel);
  bilat_importer_set_flags (importer, BILAT_IMPORT_FLAGS_STRICT);
  panel = bilat_importer_build_panel (importer, NULL, settings, &file, 1, NULL, &error);
  assert_null (panel);
  assert_int_equal (error->domain, BILAT_IMPORT_ERROR);
  assert_non_null (strstr (error->message, "gdelt2-bad.export.CSV"));
}

/* Missing is not zero: cells outside the files' span are empty; the other
 * columns come from the store; without the events columns, the files
 * are not read. */
static void
test_streamed_coverage (void **state)
{
  g_autoptr(GFile) file = fixture ("gdelt2.export.CSV");
  g_autoptr(BilatStore) store = small_store ();
  g_autoptr(BilatImporter) importer = bilat_importer_new ();
  g_autoptr(BilatPanelSettings) settings = bilat_panel_settings_new ();
  g_autoptr(BilatImportReport) report = NULL;
  g_autoptr(BilatPanel) panel = NULL;
  g_autoptr(BilatPanel) from_store = NULL;
  g_autoptr(BilatDate) span = NULL;
  g_autofree char *span_text = NULL;
  g_autoptr(GError) error = NULL;

  bilat_panel_settings_add_dyad (settings, "PAK", "RUS");
  bilat_panel_settings_set_first_year (settings, 2000);
  bilat_panel_settings_set_last_year (settings, 2020);
  bilat_panel_settings_set_columns (settings, BILAT_PANEL_COLUMNS_EVENTS | BILAT_PANEL_COLUMNS_EXERCISES);
  panel = bilat_importer_build_panel (importer, store, settings, &file, 1, &report, &error);
  assert_null (error);
  span = bilat_panel_get_coverage (panel, BILAT_PANEL_SOURCE_EVENTS);
  span_text = bilat_date_to_string (span);
  assert_string_equal (span_text, "2018/2019");
  for (guint r = 0; r < bilat_panel_get_n_rows (panel); r++)
    {
      int year = row_year (panel, r);

      if (year < 2018 || year > 2019)
        assert_true (isnan (cell (panel, r, "events")) && isnan (cell (panel, r, "goldstein_sum")) &&
                     isnan (cell (panel, r, "q1")));
      else
        assert_false (isnan (cell (panel, r, "events")));
    }
  assert_true (cell (panel, 2018 - 2000, "events") > 0);
  /* The exercises are the store's. */
  from_store = build (store, settings);
  for (guint r = 0; r < bilat_panel_get_n_rows (panel); r++)
    assert_true (same_cell (cell (panel, r, "exercises"), cell (from_store, r, "exercises"), "exercises"));

  g_clear_object (&report);
  g_clear_object (&panel);
  bilat_panel_settings_set_columns (settings, BILAT_PANEL_COLUMNS_EXERCISES);
  panel = bilat_importer_build_panel (importer, store, settings, &file, 1, &report, &error);
  assert_non_null (panel);
  assert_int_equal (bilat_import_report_get_rows (report), 0);
  assert_int_equal (bilat_panel_find_column (panel, "events"), -1);
}

static void
on_progress (BilatImporter *importer,
             guint64        bytes_done,
             guint64        bytes_total,
             guint64        rows,
             gpointer       user_data)
{
  guint64 *last = user_data;

  assert_true (bytes_done >= last[0]);
  last[0] = bytes_done;
  last[1] = bytes_total;
  last[2]++;
}

/* Progress ends with every byte read; a cancelled building stops. */
static void
test_streamed_progress_cancel (void **state)
{
  GFile *files[2] = { fixture ("gdelt2.export.CSV"), fixture ("icews.tab") };
  g_autoptr(BilatImporter) importer = importer_with_threads (2);
  g_autoptr(BilatPanelSettings) settings = bilat_panel_settings_new ();
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(BilatPanel) panel = NULL;
  g_autoptr(GError) error = NULL;
  guint64 last[3] = { 0, 0, 0 };

  bilat_panel_settings_add_dyad (settings, "PAK", "RUS");
  g_signal_connect (importer, "progress", G_CALLBACK (on_progress), last);
  panel = bilat_importer_build_panel (importer, NULL, settings, files, 2, NULL, &error);
  assert_non_null (panel);
  assert_true (last[2] > 0);
  assert_true (last[0] > 0 && last[0] == last[1]);

  g_clear_object (&panel);
  g_cancellable_cancel (cancellable);
  bilat_importer_set_cancellable (importer, cancellable);
  panel = bilat_importer_build_panel (importer, NULL, settings, files, 2, NULL, &error);
  assert_null (panel);
  assert_true (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED));
  g_object_unref (files[0]);
  g_object_unref (files[1]);
}

static void
on_built (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  gpointer *out = user_data;
  g_autoptr(GError) error = NULL;

  out[0] = bilat_importer_build_panel_finish (BILAT_IMPORTER (source), result, (BilatImportReport **) &out[1],
                                              &error);
  if (out[0] == NULL)
    fail_msg ("%s", error->message);
}

/* The asynchronous form gives the panel of the synchronous one, with its
 * report and progress in the caller's context; the settings are read at
 * the call. */
static void
test_streamed_async (void **state)
{
  GFile *files[3] = { fixture ("gdelt2.export.CSV"), fixture ("icews.tab"), fixture ("gdelt2-bad.export.CSV") };
  g_autoptr(BilatImporter) importer = importer_with_threads (2);
  g_autoptr(BilatPanelSettings) settings = bilat_panel_settings_new ();
  g_autoptr(BilatStore) store = small_store ();
  g_autoptr(BilatImportReport) report = NULL;
  g_autoptr(BilatPanel) panel = NULL;
  g_autoptr(GError) error = NULL;
  gpointer out[2] = { NULL, NULL };
  guint64 last[3] = { 0, 0, 0 };

  bilat_panel_settings_add_dyad (settings, "PAK", "RUS");
  bilat_panel_settings_add_dyad (settings, "USA", "CHN");
  bilat_panel_settings_set_directed (settings, TRUE);
  bilat_panel_settings_set_first_year (settings, 2000);
  bilat_panel_settings_set_last_year (settings, 2019);
  panel = bilat_importer_build_panel (importer, store, settings, files, 3, &report, &error);
  assert_non_null (panel);

  g_signal_connect (importer, "progress", G_CALLBACK (on_progress), last);
  bilat_importer_build_panel_async (importer, store, settings, files, 3, on_built, out);
  bilat_panel_settings_clear_dyads (settings);
  while (out[0] == NULL)
    g_main_context_iteration (NULL, TRUE);
  check_identical (panel, out[0]);
  assert_int_equal (bilat_import_report_get_bad_rows (out[1]), bilat_import_report_get_bad_rows (report));
  assert_true (bilat_import_report_get_bad_rows (report) > 0);
  assert_true (last[2] > 0 && last[0] == last[1]);
  g_object_unref (out[0]);
  g_object_unref (out[1]);
  for (guint i = 0; i < 3; i++)
    g_object_unref (files[i]);
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test (test_skeleton_counts),
    cmocka_unit_test (test_skeleton_spells),
    cmocka_unit_test (test_named_columns),
    cmocka_unit_test (test_directed),
    cmocka_unit_test (test_by_month),
    cmocka_unit_test (test_settings),
    cmocka_unit_test (test_output),
    cmocka_unit_test (test_real_sample),
    cmocka_unit_test (test_streamed_fixtures),
    cmocka_unit_test (test_streamed_real_samples),
    cmocka_unit_test (test_streamed_query),
    cmocka_unit_test (test_streamed_repeated_file),
    cmocka_unit_test (test_streamed_compressed),
    cmocka_unit_test (test_streamed_bad_rows),
    cmocka_unit_test (test_streamed_coverage),
    cmocka_unit_test (test_streamed_progress_cancel),
    cmocka_unit_test (test_streamed_async),
  };

  return cmocka_run_group_tests (tests, NULL, NULL);
}
