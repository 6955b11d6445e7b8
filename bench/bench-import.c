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
 *   - the first file gzip-compressed, inflated with ISA-L (the default
 *     where the library has it) and with zlib (BILAT_INFLATE=zlib),
 *     against `zcat FILE > /dev/null`;
 *   - 1,000 small .zip files (0.9 MB of rows each, like GDELT's
 *     15-minute files) against one .zip of the same rows as one member,
 *     with each inflater: the cost of a file is the difference;
 *   - the same small files with the Python bilat.dask module on a local
 *     Dask cluster of 1 and 2 worker processes (bench-dask.py), where the
 *     build has introspection and Python has dask and distributed;
 *   - importing the dyad's events of the first file into a store;
 *
 * and prints median wall time, MB/s, peak RSS and whether the answer is
 * right. Before each figure the file is evicted from the page cache and
 * read back once, as ../shared/bench/anchors does, so that every figure
 * starts from the same warm cache.
 *
 *   bench-import [--sample FILE] [--size MB] [--small N] [--runs N] [--work DIR] [--keep]
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
#include <sys/wait.h>
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

/* A zip archive holding the files @from (one member each, deflated at
 * level 6), written here with zlib: sizes in the local headers, no data
 * descriptors, a central directory. */
static gboolean
zip_files (const char * const *from,
           guint               n,
           const char         *to,
           GError            **error)
{
  FILE *out = fopen (to, "wb");
  GByteArray *directory = g_byte_array_new ();
  guint64 offset = 0;
  gboolean ok = out != NULL;

  for (guint i = 0; ok && i < n; i++)
    {
      g_autofree char *data = NULL;
      g_autofree char *name = g_path_get_basename (from[i]);
      gsize length;
      z_stream z = { 0 };
      guchar *packed;
      gsize packed_length;
      guint32 crc;
      guint8 header[46];
      guint16 name_length = (guint16) strlen (name);

      if (!g_file_get_contents (from[i], &data, &length, error))
        {
          ok = FALSE;
          break;
        }
      packed = g_malloc (deflateBound (&z, (uLong) length) + length / 8 + 1024);
      deflateInit2 (&z, 6, Z_DEFLATED, -MAX_WBITS, 8, Z_DEFAULT_STRATEGY);
      z.next_in = (Bytef *) data;
      z.avail_in = (uInt) length;
      z.next_out = packed;
      z.avail_out = (uInt) (length + length / 8 + 1024);
      ok = deflate (&z, Z_FINISH) == Z_STREAM_END;
      packed_length = z.total_out;
      deflateEnd (&z);
      crc = (guint32) crc32 (0, (const Bytef *) data, (uInt) length);

#define PUT16(p, v) ((p)[0] = (guint8) (v), (p)[1] = (guint8) ((v) >> 8))
#define PUT32(p, v) (PUT16 (p, (v) & 0xffff), PUT16 ((p) + 2, (v) >> 16))
      memset (header, 0, sizeof header);
      PUT32 (header, 0x04034b50u);
      PUT16 (header + 4, 20);
      PUT16 (header + 8, 8);
      PUT32 (header + 14, crc);
      PUT32 (header + 18, (guint32) packed_length);
      PUT32 (header + 22, (guint32) length);
      PUT16 (header + 26, name_length);
      ok = ok && fwrite (header, 1, 30, out) == 30 && fwrite (name, 1, name_length, out) == name_length &&
           fwrite (packed, 1, packed_length, out) == packed_length;
      g_free (packed);

      memset (header, 0, sizeof header);
      PUT32 (header, 0x02014b50u);
      PUT16 (header + 4, 20);
      PUT16 (header + 6, 20);
      PUT16 (header + 10, 8);
      PUT32 (header + 16, crc);
      PUT32 (header + 20, (guint32) packed_length);
      PUT32 (header + 24, (guint32) length);
      PUT16 (header + 28, name_length);
      PUT32 (header + 42, (guint32) offset);
      g_byte_array_append (directory, header, 46);
      g_byte_array_append (directory, (const guint8 *) name, name_length);
      offset += 30 + name_length + packed_length;
    }
  if (ok)
    {
      guint8 end[22] = { 0 };

      PUT32 (end, 0x06054b50u);
      PUT16 (end + 8, n);
      PUT16 (end + 10, n);
      PUT32 (end + 12, directory->len);
      PUT32 (end + 16, (guint32) offset);
#undef PUT32
#undef PUT16
      ok = fwrite (directory->data, 1, directory->len, out) == directory->len &&
           fwrite (end, 1, sizeof end, out) == sizeof end;
    }
  if (out != NULL && fclose (out) != 0)
    ok = FALSE;
  g_byte_array_unref (directory);
  if (!ok && error != NULL && *error == NULL)
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "Cannot write %s", to);
  return ok;
}

/* The measuring child: `--measure series|import THREADS FILE...`; prints
 * the seconds, the peak RSS and the series, as lines of text. The
 * inflater is the library's default, or the one BILAT_INFLATE names. */
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
measure_with (const char * const *argv,
              const char         *inflate,
              const char         *cache_file,
              int                 runs,
              const Expected     *expected,
              Figure             *figure,
              GError            **error)
{
  double *walls = g_new0 (double, runs);
  double *insides = g_new0 (double, runs);
  gboolean is_child = expected != NULL;
  g_auto(GStrv) envp = g_get_environ ();

  /* The inflater the child uses: BILAT_INFLATE=zlib|isal, or its default. */
  envp = inflate != NULL ? g_environ_setenv (envp, "BILAT_INFLATE", inflate, TRUE)
                         : g_environ_unsetenv (envp, "BILAT_INFLATE");

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

      if (!g_spawn_sync (NULL, (char **) argv, envp,
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

static gboolean
measure (const char * const *argv,
         const char         *cache_file,
         int                 runs,
         const Expected     *expected,
         Figure             *figure,
         GError            **error)
{
  return measure_with (argv, NULL, cache_file, runs, expected, figure, error);
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

/* @n small .zip files of 0.9 MB of rows each against one .zip of the
 * same rows as one member, with each inflater. */
static void
measure_small (const char      *self,
               const char      *work,
               BenchGenerator  *generator,
               int              n,
               int              runs,
               gboolean        *all_correct,
               GError         **error)
{
  g_autofree char *folder = g_build_filename (work, "small", NULL);
  g_autofree char *all_plain = g_build_filename (work, "small-all.export.CSV", NULL);
  g_autofree char *big_zip = g_build_filename (work, "small-all.zip", NULL);
  g_autoptr(GPtrArray) zips = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) argv_small = g_ptr_array_new ();
  Expected expected = { 0 };
  guint64 bytes = 0;
  FILE *all = NULL;
  Figure figure;
  double walls[2][2] = { { 0 } };   /* [inflater][one big, small files] */
  const char *inflaters[2] = { NULL, "zlib" };

  fprintf (stderr, "generating %d small files and their .zip …\n", n);
  g_mkdir_with_parents (folder, 0755);
  all = fopen (all_plain, "wb");
  if (all == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "Cannot write %s", all_plain);
      return;
    }
  for (int i = 0; i < n && *error == NULL; i++)
    {
      g_autofree char *name = g_strdup_printf ("2019%04d.export.CSV", i);
      g_autofree char *plain = g_build_filename (folder, name, NULL);
      g_autofree char *zip = g_strconcat (plain, ".zip", NULL);
      g_autofree char *data = NULL;
      const char *from[] = { plain };
      Expected one = { 0 };
      gsize length;
      guint64 rows;

      if (!bench_generator_write_path (generator, plain, 900000, 0, &one, NULL, &rows, NULL, error) ||
          !zip_files (from, 1, zip, error) ||
          !g_file_get_contents (plain, &data, &length, error))
        break;
      bench_expected_add (&expected, &one);
      bytes += length;
      if (fwrite (data, 1, length, all) != length)
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "Cannot write %s", all_plain);
      g_unlink (plain);
      g_ptr_array_add (zips, g_steal_pointer (&zip));
    }
  if (fclose (all) != 0 && *error == NULL)
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "Cannot write %s", all_plain);
  if (*error == NULL)
    {
      const char *from[] = { all_plain };

      zip_files (from, 1, big_zip, error);
    }
  g_unlink (all_plain);

  g_ptr_array_add (argv_small, (gpointer) self);
  g_ptr_array_add (argv_small, (gpointer) "--measure");
  g_ptr_array_add (argv_small, (gpointer) "series");
  g_ptr_array_add (argv_small, (gpointer) "1");
  for (guint i = 0; i < zips->len; i++)
    g_ptr_array_add (argv_small, g_ptr_array_index (zips, i));
  g_ptr_array_add (argv_small, NULL);

  if (*error == NULL)
    {
      printf ("| %d small .zip files vs one .zip of the same %.0f MB | wall s | MB/s | MB/s in call | peak RSS MiB | correct |\n",
              n, bytes / 1e6);
      printf ("|---|---:|---:|---:|---:|---|\n");
    }
  for (guint k = 0; k < 2 && *error == NULL; k++)
    {
      const char *argv_big[] = { self, "--measure", "series", "1", big_zip, NULL };
      g_autofree char *label_big = g_strdup_printf ("one .zip, %s", inflaters[k] ? inflaters[k] : "default inflater");
      g_autofree char *label_small = g_strdup_printf ("%d .zip files, %s", n, inflaters[k] ? inflaters[k] : "default inflater");

      if (!measure_with (argv_big, inflaters[k], big_zip, runs, &expected, &figure, error))
        break;
      print_figure (label_big, bytes, &figure, TRUE);
      *all_correct &= figure.correct;
      walls[k][0] = figure.wall;
      if (!measure_with ((const char * const *) argv_small->pdata, inflaters[k],
                         g_ptr_array_index (zips, 0), runs, &expected, &figure, error))
        break;
      print_figure (label_small, bytes, &figure, TRUE);
      *all_correct &= figure.correct;
      walls[k][1] = figure.wall;
    }
  if (*error == NULL)
    printf ("\ncost of a file: %.2f ms with the default inflater, %.2f ms with zlib\n\n",
            (walls[0][1] - walls[0][0]) * 1000 / n, (walls[1][1] - walls[1][0]) * 1000 / n);

#ifdef BENCH_DASK_SCRIPT
  if (*error == NULL)
    {
      g_autoptr(GPtrArray) argv_dask = g_ptr_array_new_with_free_func (g_free);
      g_auto(GStrv) envp = g_get_environ ();
      g_autofree char *output = NULL;
      g_autofree char *errors = NULL;
      int status = 0;

      g_ptr_array_add (argv_dask, g_strdup (BENCH_PYTHON));
      g_ptr_array_add (argv_dask, g_strdup (BENCH_DASK_SCRIPT));
      g_ptr_array_add (argv_dask, g_strdup_printf ("--plain-bytes=%" G_GUINT64_FORMAT, bytes));
      g_ptr_array_add (argv_dask, g_strdup_printf ("--runs=%d", runs));
      for (guint i = 0; i < zips->len; i++)
        g_ptr_array_add (argv_dask, g_strdup (g_ptr_array_index (zips, i)));
      g_ptr_array_add (argv_dask, NULL);
      envp = g_environ_setenv (envp, "GI_TYPELIB_PATH", BENCH_LIB_DIR, TRUE);
      envp = g_environ_setenv (envp, "LD_LIBRARY_PATH", BENCH_LIB_DIR, TRUE);
      envp = g_environ_setenv (envp, "PYTHONPATH", BENCH_PYTHONPATH, TRUE);
      fprintf (stderr, "bilat.dask on 1 and 2 worker processes …\n");
      printf ("| %d small .zip files, PAK–RUS monthly, Dask | wall s | MB/s | | | correct |\n", n);
      printf ("|---|---:|---:|---:|---:|---|\n");
      fflush (stdout);
      if (g_spawn_sync (NULL, (char **) argv_dask->pdata, envp, G_SPAWN_DEFAULT, NULL, NULL,
                        &output, &errors, &status, NULL))
        {
          fputs (output, stdout);
          if (WIFEXITED (status) && WEXITSTATUS (status) == 77)
            printf ("(not run: %s)\n", g_strstrip (errors));
          else if (!g_spawn_check_wait_status (status, NULL))
            {
              fprintf (stderr, "bench-dask.py: %s\n", errors);
              *all_correct = FALSE;
            }
        }
      printf ("\n");
    }
#endif

  for (guint i = 0; i < zips->len; i++)
    g_unlink (g_ptr_array_index (zips, i));
  g_unlink (big_zip);
  g_rmdir (folder);
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
  int n_small = 1000;
  int runs = 3;
  gboolean keep = FALSE;
  Expected expected1 = { 0 };
  Expected expected2 = { 0 };
  Expected expected_both = { 0 };
  guint64 rows1, rows2, size1, size2;
  Figure figure;
  gboolean all_correct = TRUE;
  const char *inflater_name;
  GOptionEntry entries[] = {
    { "sample", 's', 0, G_OPTION_ARG_FILENAME, &sample_path, "Real GDELT 2.0 export to resample", "FILE" },
    { "size", 'm', 0, G_OPTION_ARG_INT64, &size_mb, "MB of generated data, in two files (1000)", "MB" },
    { "small", 'n', 0, G_OPTION_ARG_INT, &n_small, "Small .zip files of 0.9 MB of rows (1000; 0: none)", "N" },
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
  inflater_name = g_getenv ("BILAT_INFLATE") != NULL ? g_getenv ("BILAT_INFLATE") : "ISA-L where built in";
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
    double gz_zlib_wall = 0;
    double zcat_wall = 0;

    if (error == NULL && measure (argv_gz, gzipped, runs, &expected1, &figure, &error))
      {
        print_figure (".gz of file 1, default inflater (plain MB/s)", size1, &figure, TRUE);
        all_correct &= figure.correct;
        gz_wall = figure.wall;
      }
    if (error == NULL && measure_with (argv_gz, "zlib", gzipped, runs, &expected1, &figure, &error))
      {
        print_figure (".gz of file 1, zlib (plain MB/s)", size1, &figure, TRUE);
        all_correct &= figure.correct;
        gz_zlib_wall = figure.wall;
      }
    if (error == NULL && measure (argv_zcat, gzipped, runs, NULL, &figure, &error))
      {
        print_figure ("zcat file1.gz > /dev/null (for comparison)", size1, &figure, FALSE);
        zcat_wall = figure.wall;
      }
    if (error == NULL)
      printf ("\n.gz series: %.2f × the speed of zcat with the default inflater (%s), "
              "%.2f × with zlib\n\n", zcat_wall / gz_wall, inflater_name,
              zcat_wall / gz_zlib_wall);

    if (error == NULL && n_small > 0)
      measure_small (self, work, generator, n_small, runs, &all_correct, &error);

    if (error == NULL)
      {
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
