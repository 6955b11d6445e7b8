/* bench-identity.c: code and name resolutions per second
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Resolution is on the import path of every reader of research data, so
 * it must keep up: issue 13 asks for 10 M code and 2 M name resolutions a
 * second on one core. This program builds a mix of codes (COW numbers and
 * letters, ISO alpha-3, GW numbers) and of names (the usual forms of 60
 * states, some with accents or other case) on days where each resolves,
 * then times bilat_identity_resolve() over them, one thread, and checks
 * every answer against the first pass. Each figure is the median of
 * several runs.
 *
 *   bench-identity [--resolutions N] [--runs N]
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <bilat/bilat.h>

#include "bench-gdelt.h"

#define N_PAIRS 4096

typedef struct
{
  BilatCodeScheme  scheme;
  const char      *code;
  BilatDate       *date;
  const char      *expected;
} Pair;

static const char * const names[] = {
  "Russia", "Pakistan", "India", "China", "United States", "United Kingdom", "France",
  "Germany", "Federal Republic of Germany", "East Germany", "Japan", "Brazil", "Canada",
  "Australia", "Italy", "Spain", "Poland", "Ukraine", "Turkey", "Iran", "Iraq", "Egypt",
  "Israel", "Saudi Arabia", "Syria", "Afghanistan", "Bangladesh", "Sri Lanka", "Nepal",
  "Indonesia", "Malaysia", "Singapore", "Thailand", "Vietnam", "Philippines",
  "South Korea", "North Korea", "Mongolia", "Kazakhstan", "Uzbekistan", "Congo - Kinshasa",
  "Congo - Brazzaville", "Nigeria", "South Africa", "Kenya", "Ethiopia", "Morocco",
  "Algeria", "Argentina", "Chile", "Mexico", "Cuba", "Venezuela", "Colombia", "Peru",
  "Côte d’Ivoire", "Soviet Union", "USSR", "Yugoslavia", "RUSSIA",
};

static double
now_s (void)
{
  return g_get_monotonic_time () / 1e6;
}

/* A random day of the years @first_year .. @last_year - 1. */
static BilatDate *
random_day (GRand *rand,
            int    first_year,
            int    last_year)
{
  return bilat_date_new_day (g_rand_int_range (rand, first_year, last_year),
                             g_rand_int_range (rand, 1, 13),
                             g_rand_int_range (rand, 1, 29), NULL);
}

/* Random (code, day) pairs of @scheme that resolve. */
static guint
make_code_pairs (BilatIdentity   *identity,
                 GRand           *rand,
                 Pair            *pairs,
                 guint            n)
{
  static const BilatCodeScheme schemes[] = {
    BILAT_CODE_SCHEME_COW, BILAT_CODE_SCHEME_COW_LETTER, BILAT_CODE_SCHEME_ISO3, BILAT_CODE_SCHEME_GW,
  };
  const char * const *states = bilat_identity_get_states (identity);
  guint n_states = g_strv_length ((char **) states);
  guint made = 0;

  while (made < n)
    {
      BilatCodeScheme scheme = schemes[made % G_N_ELEMENTS (schemes)];
      const char *state = states[g_rand_int_range (rand, 0, n_states)];
      g_autoptr(BilatDate) date = random_day (rand, 1900, 2016);
      const char *code = bilat_identity_get_code (identity, state, scheme, date, NULL);

      if (code == NULL)
        continue;
      pairs[made].scheme = scheme;
      pairs[made].code = code;
      pairs[made].date = bilat_date_ref (date);
      pairs[made].expected = bilat_identity_resolve (identity, scheme, code, date, NULL);
      g_assert (pairs[made].expected != NULL);
      made++;
    }
  return made;
}

static guint
make_name_pairs (BilatIdentity *identity,
                 GRand         *rand,
                 Pair          *pairs,
                 guint          n)
{
  guint made = 0;

  while (made < n)
    {
      const char *name = names[g_rand_int_range (rand, 0, G_N_ELEMENTS (names))];
      g_autoptr(BilatDate) date = random_day (rand, 1950, 2016);
      const char *id = bilat_identity_resolve (identity, BILAT_CODE_SCHEME_NAME, name, date, NULL);

      if (id == NULL)
        continue;
      pairs[made] = (Pair) { BILAT_CODE_SCHEME_NAME, name, bilat_date_ref (date), id };
      made++;
    }
  return made;
}

/* Resolutions per second over @n resolutions of @pairs, median of @runs. */
static double
time_pairs (BilatIdentity *identity,
            const Pair    *pairs,
            guint          n_pairs,
            guint64        n,
            guint          runs)
{
  g_autofree double *rates = g_new (double, runs);

  for (guint r = 0; r < runs; r++)
    {
      double start = now_s ();
      guint64 wrong = 0;

      for (guint64 i = 0; i < n; i++)
        {
          const Pair *p = &pairs[i % n_pairs];
          const char *id = bilat_identity_resolve (identity, p->scheme, p->code, p->date, NULL);

          wrong += id != p->expected;
        }
      rates[r] = n / (now_s () - start);
      if (wrong != 0)
        {
          fprintf (stderr, "bench-identity: %" G_GUINT64_FORMAT " answers differ\n", wrong);
          exit (1);
        }
    }
  return bench_median (rates, runs);
}

int
main (int    argc,
      char **argv)
{
  gint64 resolutions = 20000000;
  gint runs = 5;
  const GOptionEntry entries[] = {
    { "resolutions", 'n', 0, G_OPTION_ARG_INT64, &resolutions, "Resolutions per run (20000000)", "N" },
    { "runs", 'r', 0, G_OPTION_ARG_INT, &runs, "Runs per figure (5)", "N" },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (13);
  BilatIdentity *identity;
  Pair *codes = g_new0 (Pair, N_PAIRS);
  Pair *named = g_new0 (Pair, N_PAIRS);
  double start, load, code_rate, name_rate;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || resolutions <= 0 || runs <= 0)
    {
      fprintf (stderr, "bench-identity: %s\n", error != NULL ? error->message : "bad count");
      return 2;
    }

  start = now_s ();
  identity = bilat_identity_get_default ();
  load = now_s () - start;
  make_code_pairs (identity, rand, codes, N_PAIRS);
  make_name_pairs (identity, rand, named, N_PAIRS);

  code_rate = time_pairs (identity, codes, N_PAIRS, resolutions, runs);
  name_rate = time_pairs (identity, named, N_PAIRS, resolutions / 4, runs);

  printf ("tables loaded in %.1f ms\n", load * 1e3);
  printf ("code resolutions: %6.1f M/s  (target 10 M/s)  COW, COW letters, ISO3, GW on random days\n",
          code_rate / 1e6);
  printf ("name resolutions: %6.1f M/s  (target  2 M/s)  %u names of 60 states, some accented\n",
          name_rate / 1e6, (guint) G_N_ELEMENTS (names));

  for (guint i = 0; i < N_PAIRS; i++)
    {
      bilat_date_unref (codes[i].date);
      bilat_date_unref (named[i].date);
    }
  g_free (codes);
  g_free (named);
  return code_rate >= 10e6 && name_rate >= 2e6 ? 0 : 1;
}
