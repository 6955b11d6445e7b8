/* bench-import.c: series straight from large GDELT 2.0 files, timed
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Generates two large GDELT 2.0 export files (500 MB each by default) by
 * resampling the rows of a real one: each row is a real row, with a new
 * event id, a date drawn over 2015-2019, and, for 0.2 % of the rows, the
 * actor countries recoded to Pakistan and Russia in either order. While
 * writing, it keeps the exact answer for the PAK-RUS dyad (events,
 * Goldstein sum in tenths, QuadClass counts per month), from the values it
 * writes: an independent computation, which no line of the library takes
 * part in.
 *
 * It then times, each in a fresh process (so that its peak RSS is its
 * own), the PAK-RUS monthly series with bilat_series_new_from_files():
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

#define N_COLUMNS 61
#define COLUMN_ID 0
#define COLUMN_DATE 1
#define COLUMN_MONTH 2
#define COLUMN_YEAR 3
#define COLUMN_FRACTION 4
#define COLUMN_ACTOR1_COUNTRY 7
#define COLUMN_ACTOR2_COUNTRY 17
#define COLUMN_QUAD 29
#define COLUMN_GOLDSTEIN 30

#define FIRST_YEAR 2015
#define N_YEARS 5
#define N_MONTHS (N_YEARS * 12)
#define RECODE_PROBABILITY 0.002

/* The exact answer: per month of 2015-2019. */
typedef struct
{
  guint64 count[N_MONTHS];
  gint64  goldstein_tenths[N_MONTHS];
  guint64 quad[N_MONTHS][4];
} Expected;

/* One sample row, cut into its columns. */
typedef struct
{
  char *columns[N_COLUMNS];
  int   goldstein_tenths;
  int   quad;
} SampleRow;

/* splitmix64: small, fast, and the same on every machine. */
static guint64
next_random (guint64 *state)
{
  guint64 z = (*state += G_GUINT64_CONSTANT (0x9e3779b97f4a7c15));

  z = (z ^ (z >> 30)) * G_GUINT64_CONSTANT (0xbf58476d1ce4e5b9);
  z = (z ^ (z >> 27)) * G_GUINT64_CONSTANT (0x94d049bb133111eb);
  return z ^ (z >> 31);
}

static double
random_unit (guint64 *state)
{
  return (next_random (state) >> 11) * (1.0 / 9007199254740992.0);
}

/* "-7.0", "2.8", "4": one decimal at most, as GDELT writes scores. */
static gboolean
parse_tenths (const char *text,
              int        *tenths)
{
  int sign = 1;
  int whole = 0;
  int decimal = 0;

  if (*text == '-')
    {
      sign = -1;
      text++;
    }
  if (!g_ascii_isdigit (*text))
    return FALSE;
  while (g_ascii_isdigit (*text))
    whole = whole * 10 + (*text++ - '0');
  if (*text == '.')
    {
      text++;
      if (!g_ascii_isdigit (*text))
        return FALSE;
      decimal = *text++ - '0';
      while (*text == '0')
        text++;
    }
  if (*text != '\0')
    return FALSE;
  *tenths = sign * (whole * 10 + decimal);
  return TRUE;
}

static GPtrArray *
read_sample (const char  *path,
             GError     **error)
{
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  GPtrArray *rows = g_ptr_array_new ();

  if (!g_file_get_contents (path, &text, NULL, error))
    return NULL;
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      char **columns;
      SampleRow *row;

      g_strchomp (lines[i]);
      if (lines[i][0] == '\0')
        continue;
      columns = g_strsplit (lines[i], "\t", -1);
      if (g_strv_length (columns) != N_COLUMNS)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       "%s:%u: %u columns, not a GDELT 2.0 export", path, i + 1,
                       g_strv_length (columns));
          g_strfreev (columns);
          return NULL;
        }
      row = g_new0 (SampleRow, 1);
      memcpy (row->columns, columns, sizeof row->columns);
      g_free (columns);
      row->quad = atoi (row->columns[COLUMN_QUAD]);
      if (!parse_tenths (row->columns[COLUMN_GOLDSTEIN], &row->goldstein_tenths) ||
          row->quad < 1 || row->quad > 4)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       "%s:%u: unexpected QuadClass or GoldsteinScale", path, i + 1);
          return NULL;
        }
      g_ptr_array_add (rows, row);
    }
  return rows;
}

/* Writes rows to @path until it holds @size bytes; ids go on from *next_id. */
static gboolean
generate (const char  *path,
          GPtrArray   *sample,
          guint64      size,
          guint64     *state,
          guint64     *next_id,
          Expected    *expected,
          guint64     *n_rows,
          GError     **error)
{
  static const int month_days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
  FILE *out = fopen (path, "w");
  guint64 written = 0;
  GString *line = g_string_sized_new (2048);
  int n_days = 0;
  int days[N_YEARS * 366][3];

  if (out == NULL)
    {
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errno),
                   "Cannot write %s: %s", path, g_strerror (errno));
      return FALSE;
    }
  setvbuf (out, NULL, _IOFBF, 1 << 20);
  for (int year = FIRST_YEAR; year < FIRST_YEAR + N_YEARS; year++)
    for (int month = 1; month <= 12; month++)
      {
        int last = month_days[month - 1] + (month == 2 && g_date_is_leap_year (year));

        for (int day = 1; day <= last; day++, n_days++)
          {
            days[n_days][0] = year;
            days[n_days][1] = month;
            days[n_days][2] = day;
          }
      }

  *n_rows = 0;
  while (written < size)
    {
      const SampleRow *row = g_ptr_array_index (sample, next_random (state) % sample->len);
      const int *date = days[next_random (state) % n_days];
      const char *actor1 = row->columns[COLUMN_ACTOR1_COUNTRY];
      const char *actor2 = row->columns[COLUMN_ACTOR2_COUNTRY];

      if (random_unit (state) < RECODE_PROBABILITY)
        {
          gboolean swap = next_random (state) & 1;

          actor1 = swap ? "RUS" : "PAK";
          actor2 = swap ? "PAK" : "RUS";
        }

      g_string_truncate (line, 0);
      for (int c = 0; c < N_COLUMNS; c++)
        {
          if (c > 0)
            g_string_append_c (line, '\t');
          switch (c)
            {
            case COLUMN_ID:
              g_string_append_printf (line, "%" G_GUINT64_FORMAT, (*next_id)++);
              break;
            case COLUMN_DATE:
              g_string_append_printf (line, "%04d%02d%02d", date[0], date[1], date[2]);
              break;
            case COLUMN_MONTH:
              g_string_append_printf (line, "%04d%02d", date[0], date[1]);
              break;
            case COLUMN_YEAR:
              g_string_append_printf (line, "%04d", date[0]);
              break;
            case COLUMN_FRACTION:
              g_string_append_printf (line, "%.4f", date[0] + ((date[1] - 1) * 30 + date[2]) / 365.0);
              break;
            case COLUMN_ACTOR1_COUNTRY:
              g_string_append (line, actor1);
              break;
            case COLUMN_ACTOR2_COUNTRY:
              g_string_append (line, actor2);
              break;
            default:
              g_string_append (line, row->columns[c]);
            }
        }
      g_string_append_c (line, '\n');
      fwrite (line->str, 1, line->len, out);
      written += line->len;
      (*n_rows)++;

      if ((strcmp (actor1, "PAK") == 0 && strcmp (actor2, "RUS") == 0) ||
          (strcmp (actor1, "RUS") == 0 && strcmp (actor2, "PAK") == 0))
        {
          int m = (date[0] - FIRST_YEAR) * 12 + date[1] - 1;

          expected->count[m]++;
          expected->goldstein_tenths[m] += row->goldstein_tenths;
          expected->quad[m][row->quad - 1]++;
        }
    }
  g_string_free (line, TRUE);
  if (fclose (out) != 0)
    {
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errno),
                   "Cannot write %s: %s", path, g_strerror (errno));
      return FALSE;
    }
  return TRUE;
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

/* Drops @path from the page cache and reads it back once. */
static void
refresh_cache (const char *path)
{
  int fd = open (path, O_RDONLY);
  char *buffer;

  if (fd < 0)
    return;
  posix_fadvise (fd, 0, 0, POSIX_FADV_DONTNEED);
  buffer = g_malloc (128 << 10);
  while (read (fd, buffer, 128 << 10) > 0)
    ;
  g_free (buffer);
  close (fd);
}

static guint64
file_size (const char *path)
{
  GStatBuf st;

  return g_stat (path, &st) == 0 ? (guint64) st.st_size : 0;
}

static long
peak_rss_kib (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return -1;
  line = strstr (status, "VmHWM:");
  return line ? strtol (line + 6, NULL, 10) : -1;
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

  t0 = g_get_monotonic_time ();
  if (strcmp (kind, "import") == 0)
    {
      g_autoptr(BilatStore) store = bilat_store_new ();

      report = bilat_store_import_events (store, files[0], BILAT_EVENT_FORMAT_AUTO, query,
                                          BILAT_IMPORT_FLAGS_NONE, NULL, NULL, NULL, &error);
      if (report != NULL)
        series = bilat_store_compute_series (store, query, BILAT_SERIES_UNIT_MONTH);
    }
  else
    series = bilat_series_new_from_files (files, n_files, BILAT_EVENT_FORMAT_AUTO, query,
                                          BILAT_SERIES_UNIT_MONTH, n_threads,
                                          BILAT_IMPORT_FLAGS_NONE, NULL, NULL, NULL,
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
  printf ("seconds %.6f\nrss_kib %ld\n", seconds, peak_rss_kib ());
  for (guint bin = 0; bin < bilat_series_get_n_bins (series); bin++)
    {
      g_autoptr(BilatDate) date = bilat_series_get_bin_date (series, bin);

      printf ("bin %d %d %" G_GUINT64_FORMAT " %.6f %" G_GUINT64_FORMAT " %" G_GUINT64_FORMAT
              " %" G_GUINT64_FORMAT " %" G_GUINT64_FORMAT "\n",
              bilat_date_get_year (date), bilat_date_get_month (date),
              bilat_series_get_count (series, bin), bilat_series_get_goldstein_sum (series, bin),
              bilat_series_get_quad_count (series, bin, BILAT_QUAD_CLASS_VERBAL_COOPERATION),
              bilat_series_get_quad_count (series, bin, BILAT_QUAD_CLASS_MATERIAL_COOPERATION),
              bilat_series_get_quad_count (series, bin, BILAT_QUAD_CLASS_VERBAL_CONFLICT),
              bilat_series_get_quad_count (series, bin, BILAT_QUAD_CLASS_MATERIAL_CONFLICT));
    }
  return 0;
}

/* Compares the child's bins with the expected answer. */
static gboolean
check_answer (const char     *output,
              const Expected *expected)
{
  g_auto(GStrv) lines = g_strsplit (output, "\n", -1);
  Expected got = { 0 };

  for (guint i = 0; lines[i] != NULL; i++)
    {
      int year, month;
      guint64 count, q[4];
      double goldstein;
      int m;

      if (sscanf (lines[i], "bin %d %d %" G_GUINT64_FORMAT " %lf %" G_GUINT64_FORMAT " %" G_GUINT64_FORMAT
                  " %" G_GUINT64_FORMAT " %" G_GUINT64_FORMAT,
                  &year, &month, &count, &goldstein, &q[0], &q[1], &q[2], &q[3]) != 8)
        continue;
      m = (year - FIRST_YEAR) * 12 + month - 1;
      if (m < 0 || m >= N_MONTHS)
        {
          if (count > 0)
            return FALSE;
          continue;
        }
      got.count[m] = count;
      got.goldstein_tenths[m] = (gint64) llround (goldstein * 10);
      if (fabs (goldstein * 10 - got.goldstein_tenths[m]) > 1e-3)
        return FALSE;
      memcpy (got.quad[m], q, sizeof q);
    }
  return memcmp (&got, expected, sizeof got) == 0;
}

typedef struct
{
  double  wall;       /* the whole process, as a shell would time it */
  double  inside;     /* the library call */
  long    rss_kib;
  gboolean correct;
} Figure;

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return (x > y) - (x < y);
}

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

  refresh_cache (cache_file);
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
          figure->correct = figure->correct && check_answer (output, expected);
        }
    }
  qsort (walls, runs, sizeof (double), compare_doubles);
  qsort (insides, runs, sizeof (double), compare_doubles);
  figure->wall = walls[runs / 2];
  figure->inside = insides[runs / 2];
  g_free (walls);
  g_free (insides);
  return TRUE;
}

static void
add_expected (Expected       *sum,
              const Expected *more)
{
  for (int m = 0; m < N_MONTHS; m++)
    {
      sum->count[m] += more->count[m];
      sum->goldstein_tenths[m] += more->goldstein_tenths[m];
      for (int q = 0; q < 4; q++)
        sum->quad[m][q] += more->quad[m][q];
    }
}

static guint64
expected_total (const Expected *expected)
{
  guint64 total = 0;

  for (int m = 0; m < N_MONTHS; m++)
    total += expected->count[m];
  return total;
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
  const char *shared = g_getenv ("BILAT_SHARED_DATA");
  const char *relative = "gdelt2/20191024143000.export.CSV";

  if (shared != NULL && *shared != '\0')
    return g_build_filename (shared, relative, NULL);
  return g_build_filename ("..", "shared", "data", relative, NULL);
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
  g_autoptr(GPtrArray) sample = NULL;
  gint64 size_mb = 1000;
  int runs = 3;
  gboolean keep = FALSE;
  guint64 state = 20191024;
  guint64 next_id = 800000000;
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

  sample = read_sample (sample_path, &error);
  if (sample == NULL)
    {
      fprintf (stderr, "bench-import: %s (give the sample with --sample)\n", error->message);
      return 1;
    }

  fprintf (stderr, "generating 2 × %" G_GINT64_FORMAT " MB from %s (%u rows) in %s …\n",
           size_mb / 2, sample_path, sample->len, work);
  if (!generate (plain1, sample, (guint64) size_mb / 2 * 1000000, &state, &next_id, &expected1, &rows1, &error) ||
      !generate (plain2, sample, (guint64) size_mb / 2 * 1000000, &state, &next_id, &expected2, &rows2, &error))
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
  add_expected (&expected_both, &expected1);
  add_expected (&expected_both, &expected2);
  size1 = file_size (plain1);
  size2 = file_size (plain2);

  printf ("machine: %u CPUs; data: file 1 %.0f MB (%" G_GUINT64_FORMAT " rows, %" G_GUINT64_FORMAT
          " PAK–RUS events), file 2 %.0f MB (%" G_GUINT64_FORMAT " rows, %" G_GUINT64_FORMAT
          " events), file 1 gzipped %.0f MB; median of %d runs\n\n",
          g_get_num_processors (), size1 / 1e6, rows1, expected_total (&expected1),
          size2 / 1e6, rows2, expected_total (&expected2), file_size (gzipped) / 1e6, runs);
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
