/* bench-mme.c: importing the whole of MME
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Issue 13 asks that importing all of the Multinational Military Exercises
 * dataset (3,707 exercises, every participant name resolved on its day)
 * take under 0.2 s. This program imports mme_v7.csv into a new store
 * several times, one thread, and prints the first run (which also loads
 * the identity tables) and the median of the others, then the time to
 * count the joint exercises of a dyad per year over the store.
 *
 *   bench-mme [--runs N] [FILE]
 *
 * FILE defaults to mme/mme_v7.csv beside the gdelt2 folder of the shared
 * data (see bench_default_sample_dir()).
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <bilat/bilat.h>

#include "bench-gdelt.h"

static double
now_s (void)
{
  return g_get_monotonic_time () / 1e6;
}

/* Imports @path into a new store; the seconds it took, or a negative
 * number on error. */
static double
import_once (GFile       *file,
             BilatStore **store_out)
{
  g_autoptr(BilatStore) store = bilat_store_new ();
  g_autoptr(BilatImporter) importer = bilat_importer_new ();
  g_autoptr(BilatImportReport) report = NULL;
  g_autoptr(GError) error = NULL;
  double start = now_s ();
  double took;

  report = bilat_importer_import (importer, store, &file, 1, &error);
  took = now_s () - start;
  if (report == NULL)
    {
      fprintf (stderr, "bench-mme: %s\n", error->message);
      return -1;
    }
  if (bilat_import_report_get_kept (report) != 3707)
    fprintf (stderr, "bench-mme: kept %" G_GUINT64_FORMAT " exercises, not 3707\n",
             bilat_import_report_get_kept (report));
  if (store_out != NULL)
    *store_out = g_steal_pointer (&store);
  return took;
}

int
main (int    argc,
      char **argv)
{
  int runs = 11;
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(BilatStore) store = NULL;
  g_autoptr(BilatQuery) query = bilat_query_new ();
  g_autofree double *times = NULL;
  double first, start, counting;

  for (int i = 1; i < argc; i++)
    {
      if (strcmp (argv[i], "--runs") == 0 && i + 1 < argc)
        runs = MAX (atoi (argv[++i]), 2);
      else
        path = g_strdup (argv[i]);
    }
  if (path == NULL)
    {
      g_autofree char *gdelt2 = bench_default_sample_dir ();
      g_autofree char *shared = g_path_get_dirname (gdelt2);

      path = g_build_filename (shared, "mme", "mme_v7.csv", NULL);
    }
  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      fprintf (stderr, "bench-mme: %s is absent (give the path of mme_v7.csv)\n", path);
      return 2;
    }
  file = g_file_new_for_path (path);

  /* The first run loads the identity tables too. */
  first = import_once (file, &store);
  if (first < 0)
    return 1;
  times = g_new (double, runs - 1);
  for (int r = 0; r < runs - 1; r++)
    if ((times[r] = import_once (file, NULL)) < 0)
      return 1;

  bilat_query_set_dyad (query, "USA", "IND");
  start = now_s ();
  for (int r = 0; r < 100; r++)
    {
      g_autoptr(BilatExerciseCounts) counts =
        bilat_store_count_exercises (store, query, BILAT_SERIES_UNIT_YEAR);

      if (bilat_exercise_counts_get_total (counts) == 0)
        return 1;
    }
  counting = (now_s () - start) / 100;

  printf ("%s, 3707 exercises, %d runs\n", path, runs);
  printf ("import, first run (identity tables loaded): %.1f ms\n", first * 1e3);
  printf ("import, median of the other runs:           %.1f ms (target < 200 ms)\n",
          bench_median (times, runs - 1) * 1e3);
  printf ("USA-IND joint exercises per year:           %.2f ms\n", counting * 1e3);
  return 0;
}
