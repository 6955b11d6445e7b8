/* bench-import.c: series straight from large GDELT 2.0 files, timed
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Generates two large GDELT 2.0 export files (500 MB each by default) by
 * resampling the rows of a real one (bench-gdelt.c, shared with
 * bench-store): each row is a real row, with a new event id, a date
 * drawn over 2015-2019, and, for 0.2 % of the rows, the actor countries
 * recoded to Pakistan and Russia in either order. While
 * writing, it keeps the exact answer for the PAK-RUS dyad (events,
 * Goldstein sum in tenths, QuadClass counts per month), from the values it
 * writes: an independent computation, which no line of the library takes
 * part in.
 *
 * It then times, each in a fresh process (so that its peak RSS is its
 * own), the PAK-RUS monthly series with bilat_importer_compute_series():
 *
 *   - plain file, 1 thread;
 *   - both plain files, 1 thread, then 2 threads;
 *   - the first file gzip-compressed, against `zcat FILE > /dev/null`;
 *   - importing the dyad's events of the first file into a store;
 *
 * and prints median wall time, MB/s, peak RSS and whether the answer is
 * right. Before each figure the file is evicted from the page cache and
 * read back once, as ../shared/bench/anchors does, so that every figure
 * starts from the same warm cache.
 *
 *   bench-import [--sample FILE] [--size MB] [--runs N] [--work DIR] [--keep]
 *
 * The sample defaults to $BILAT_SHARED_DATA/gdelt2/20191024143000.export.CSV
 * or ../shared/data/gdelt2/... from the current folder. The files are made
 * in a temporary folder (at most --size MB plus the compressed copy, about
 * a quarter of one file) and deleted at the end unless --keep is given.
 */

#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <glib/gstdio.h>
#include <zlib.h>

#include <bilat/bilat.h>

#include "bench-gdelt.h"

typedef BenchExpected Expected;

/* Writes rows to @path until it holds @size bytes; ids go on from the
 * generator's next id. */
static gboolean
generate (const char      *path,
          BenchGenerator  *generator,
          guint64          size,
          Expected        *expected,
          guint64         *n_rows,
          GError         **error)
{
  return bench_generator_write_path (generator, path, size, 0, expected, NULL, n_rows, NULL, error);
}

static gboolean
compress_file (const char  *from,
               const char  *to,
               GError     **error)
{
  FILE *in = fopen (from, "r");
  gzFile out = gzopen (to, "wb6");
  char *buffer = g_malloc (1 << 20);
  size_t n;
  gboolean ok = in != NULL && out != NULL;

  while (ok && (n = fread (buffer, 1, 1 << 20, in)) > 0)
    ok = gzwrite (out, buffer, (unsigned) n) == (int) n;
  if (in != NULL)
    fclose (in);
  if (out != NULL && gzclose (out) != Z_OK)
    ok = FALSE;
  g_free (buffer);
  if (!ok)
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "Cannot compress %s to %s", from, to);
  return ok;
}

/* The measuring child: `--measure series|import THREADS FILE...`; prints
 * the seconds, the peak RSS and the series, as lines of text. */
static int
measure_main (int    argc,
              char **argv)
{
  g_autoptr(BilatQuery) query = bilat_query_parse ("dyad:PAK,RUS", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(BilatSeries) series = NULL;
  g_autoptr(BilatImportReport) report = NULL;
  g_autoptr(BilatImporter) importer = bilat_importer_new ();
  const char *kind = argv[2];
  guint n_threads = (guint) atoi (argv[3]);
  guint n_files = (guint) (argc - 4);
  GFile **files = g_new0 (GFile *, n_files);
  gint64 t0;
  double seconds;

  for (guint i = 0; i < n_files; i++)
    files[i] = g_file_new_for_path (argv[4 + i]);

  /* The CAMEO table is read on first use, by any program: not part of
   * the figure. The other tables are, where the operation needs them. */
  (void) bilat_cameo_get_goldstein ("010");

  bilat_importer_set_query (importer, query);
  bilat_importer_set_threads (importer, CLAMP (n_threads, 1, 256));

  t0 = g_get_monotonic_time ();
  if (strcmp (kind, "import") == 0)
    {
      g_autoptr(BilatStore) store = bilat_store_new ();

      report = bilat_importer_import (importer, store, files, 1, &error);
      if (report != NULL)
        series = bilat_store_compute_series (store, query, BILAT_SERIES_UNIT_MONTH);
    }
  else
    series = bilat_importer_compute_series (importer, files, n_files, BILAT_SERIES_UNIT_MONTH,
                                            &report, &error);
  seconds = (g_get_monotonic_time () - t0) / 1e6;

  for (guint i = 0; i < n_files; i++)
    g_object_unref (files[i]);
  g_free (files);
  if (series == NULL)
    {
      fprintf (stderr, "bench-import: %s\n", error->message);
      return 1;
    }
  printf ("seconds %.6f\nrss_kib %ld\n", seconds, bench_status_kib ("VmHWM"));
  bench_print_series (stdout, "bin", series);
  return 0;
}

typedef struct
{
  double  wall;       /* the whole process, as a shell would time it */
  double  inside;     /* the library call */
  long    rss_kib;
  gboolean correct;
} Figure;

/* Runs @argv (a measuring child, or zcat) @runs times after a warm-up,
 * and returns the medians. */
static gboolean
measure (const char * const *argv,
         const char         *cache_file,
         int                 runs,
         const Expected     *expected,
         Figure             *figure,
         GError            **error)
{
  double *walls = g_new0 (double, runs);
  double *insides = g_new0 (double, runs);
  gboolean is_child = expected != NULL;

  bench_refresh_cache (cache_file);
  figure->rss_kib = 0;
  figure->correct = TRUE;
  for (int r = -1; r < runs; r++)
    {
      g_autofree char *output = NULL;
      g_autofree char *errors = NULL;
      int status;
      gint64 t0 = g_get_monotonic_time ();
      double wall;

      if (!g_spawn_sync (NULL, (char **) argv, NULL,
                         G_SPAWN_SEARCH_PATH | (is_child ? 0 : G_SPAWN_STDOUT_TO_DEV_NULL),
                         NULL, NULL, is_child ? &output : NULL, &errors, &status, error) ||
          !g_spawn_check_wait_status (status, error))
        {
          g_prefix_error (error, "%s: %s", argv[0], errors ? errors : "");
          g_free (walls);
          g_free (insides);
          return FALSE;
        }
      wall = (g_get_monotonic_time () - t0) / 1e6;
      if (r < 0)
        continue;
      walls[r] = wall;
      insides[r] = wall;
      if (is_child)
        {
          const char *seconds = strstr (output, "seconds ");
          const char *rss = strstr (output, "rss_kib ");

          insides[r] = seconds ? g_ascii_strtod (seconds + 8, NULL) : wall;
          figure->rss_kib = MAX (figure->rss_kib, rss ? strtol (rss + 8, NULL, 10) : -1);
          figure->correct = figure->correct && bench_check_series (output, "bin", expected);
        }
    }
  qsort (walls, runs, sizeof (double), bench_compare_doubles);
  qsort (insides, runs, sizeof (double), bench_compare_doubles);
  figure->wall = walls[runs / 2];
  figure->inside = insides[runs / 2];
  g_free (walls);
  g_free (insides);
  return TRUE;
}

static void
print_figure (const char   *what,
              guint64       bytes,
              const Figure *figure,
              gboolean      checked)
{
  printf ("| %-44s | %7.3f | %7.0f | %7.0f | %6.1f | %-7s |\n", what, figure->wall,
          bytes / figure->wall / 1e6, bytes / figure->inside / 1e6,
          figure->rss_kib > 0 ? figure->rss_kib / 1024.0 : NAN,
          checked ? (figure->correct ? "yes" : "NO") : "n/a");
}

static char *
default_sample (void)
{
  g_autofree char *folder = bench_default_sample_dir ();

  return g_build_filename (folder, "20191024143000.export.CSV", NULL);
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *sample_path = NULL;
  g_autofree char *work = NULL;
  g_autofree char *self = NULL;
  g_autofree char *plain1 = NULL;
  g_autofree char *plain2 = NULL;
  g_autofree char *gzipped = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GOptionContext) context = NULL;
  BenchSample *sample = NULL;
  BenchGenerator *generator = NULL;
  gint64 size_mb = 1000;
  int runs = 3;
  gboolean keep = FALSE;
  Expected expected1 = { 0 };
  Expected expected2 = { 0 };
  Expected expected_both = { 0 };
  guint64 rows1, rows2, size1, size2;
  Figure figure;
  gboolean all_correct = TRUE;
  GOptionEntry entries[] = {
    { "sample", 's', 0, G_OPTION_ARG_FILENAME, &sample_path, "Real GDELT 2.0 export to resample", "FILE" },
    { "size", 'm', 0, G_OPTION_ARG_INT64, &size_mb, "MB of generated data, in two files (1000)", "MB" },
    { "runs", 'r', 0, G_OPTION_ARG_INT, &runs, "Timed runs per figure, after a warm-up (3)", "N" },
    { "work", 'w', 0, G_OPTION_ARG_FILENAME, &work, "Folder for the files (a new one in /tmp)", "DIR" },
    { "keep", 'k', 0, G_OPTION_ARG_NONE, &keep, "Keep the generated files", NULL },
    { NULL }
  };

  if (argc >= 4 && strcmp (argv[1], "--measure") == 0)
    return measure_main (argc, argv);

  context = g_option_context_new ("— time series straight from large GDELT 2.0 files");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      fprintf (stderr, "bench-import: %s\n", error->message);
      return 2;
    }
  runs = MAX (runs, 1);
  size_mb = MAX (size_mb, 2);
  if (sample_path == NULL)
    sample_path = default_sample ();
  self = g_file_read_link ("/proc/self/exe", &error);
  if (self == NULL)
    {
      fprintf (stderr, "bench-import: %s\n", error->message);
      return 1;
    }
  if (work == NULL && (work = g_dir_make_tmp ("bilat-bench-XXXXXX", &error)) == NULL)
    {
      fprintf (stderr, "bench-import: %s\n", error->message);
      return 1;
    }
  g_mkdir_with_parents (work, 0755);
  plain1 = g_build_filename (work, "events-1.export.CSV", NULL);
  plain2 = g_build_filename (work, "events-2.export.CSV", NULL);
  gzipped = g_build_filename (work, "events-1.export.CSV.gz", NULL);

  {
    const char *paths[] = { sample_path, NULL };

    sample = bench_sample_read (paths, &error);
  }
  if (sample == NULL)
    {
      fprintf (stderr, "bench-import: %s (give the sample with --sample)\n", error->message);
      return 1;
    }

  fprintf (stderr, "generating 2 × %" G_GINT64_FORMAT " MB from %s (%u rows) in %s …\n",
           size_mb / 2, sample_path, bench_sample_get_n_rows (sample), work);
  generator = g_new (BenchGenerator, 1);
  bench_generator_init (generator, sample, 20191024, 800000000);
  if (!generate (plain1, generator, (guint64) size_mb / 2 * 1000000, &expected1, &rows1, &error) ||
      !generate (plain2, generator, (guint64) size_mb / 2 * 1000000, &expected2, &rows2, &error))
    {
      fprintf (stderr, "bench-import: %s\n", error->message);
      return 1;
    }
  fprintf (stderr, "compressing %s …\n", plain1);
  if (!compress_file (plain1, gzipped, &error))
    {
      fprintf (stderr, "bench-import: %s\n", error->message);
      return 1;
    }
  bench_expected_add (&expected_both, &expected1);
  bench_expected_add (&expected_both, &expected2);
  size1 = bench_file_size (plain1);
  size2 = bench_file_size (plain2);

  printf ("machine: %u CPUs; data: file 1 %.0f MB (%" G_GUINT64_FORMAT " rows, %" G_GUINT64_FORMAT
          " PAK–RUS events), file 2 %.0f MB (%" G_GUINT64_FORMAT " rows, %" G_GUINT64_FORMAT
          " events), file 1 gzipped %.0f MB; median of %d runs\n\n",
          g_get_num_processors (), size1 / 1e6, rows1, bench_expected_total (&expected1),
          size2 / 1e6, rows2, bench_expected_total (&expected2), bench_file_size (gzipped) / 1e6, runs);
  printf ("| PAK–RUS monthly series | wall s | MB/s | MB/s in call | peak RSS MiB | correct |\n");
  printf ("|---|---:|---:|---:|---:|---|\n");

  {
    const char *argv_1[] = { self, "--measure", "series", "1", plain1, NULL };
    const char *argv_2[] = { self, "--measure", "series", "1", plain1, plain2, NULL };
    const char *argv_3[] = { self, "--measure", "series", "2", plain1, plain2, NULL };
    const char *argv_gz[] = { self, "--measure", "series", "1", gzipped, NULL };
    const char *argv_zcat[] = { "zcat", gzipped, NULL };
    const char *argv_import[] = { self, "--measure", "import", "1", plain1, NULL };
    double gz_wall = 0;

    if (measure (argv_1, plain1, runs, &expected1, &figure, &error))
      print_figure ("plain file, 1 thread", size1, &figure, TRUE), all_correct &= figure.correct;
    if (error == NULL && measure (argv_2, plain2, runs, &expected_both, &figure, &error))
      print_figure ("2 plain files, 1 thread", size1 + size2, &figure, TRUE), all_correct &= figure.correct;
    if (error == NULL && measure (argv_3, plain2, runs, &expected_both, &figure, &error))
      print_figure ("2 plain files, 2 threads", size1 + size2, &figure, TRUE), all_correct &= figure.correct;
    if (error == NULL && measure (argv_gz, gzipped, runs, &expected1, &figure, &error))
      {
        print_figure (".gz of file 1 (MB/s of the plain data)", size1, &figure, TRUE);
        all_correct &= figure.correct;
        gz_wall = figure.wall;
      }
    if (error == NULL && measure (argv_zcat, gzipped, runs, NULL, &figure, &error))
      {
        print_figure ("zcat file1.gz > /dev/null (for comparison)", size1, &figure, FALSE);
        printf ("\n.gz series / zcat: %.2f × the time of zcat\n\n", gz_wall / figure.wall);
        printf ("| import into a store, dyad filter | wall s | MB/s | MB/s in call | peak RSS MiB | correct |\n");
        printf ("|---|---:|---:|---:|---:|---|\n");
      }
    if (error == NULL && measure (argv_import, plain1, runs, &expected1, &figure, &error))
      print_figure ("plain file 1, events kept in a store", size1, &figure, TRUE), all_correct &= figure.correct;
  }

  g_free (generator);
  bench_sample_free (sample);
  if (!keep)
    {
      g_unlink (plain1);
      g_unlink (plain2);
      g_unlink (gzipped);
      g_rmdir (work);
    }
  if (error != NULL)
    {
      fprintf (stderr, "bench-import: %s\n", error->message);
      return 1;
    }
  if (!all_correct)
    {
      fprintf (stderr, "bench-import: a series differs from the expected answer\n");
      return 1;
    }
  return 0;
}
