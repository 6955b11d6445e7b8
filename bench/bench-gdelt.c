/* bench-gdelt.c: generated GDELT 2.0 events with a known answer, shared by
 * the benchmarks
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * See bench-gdelt.h. The rows written for a given sample, seed and first
 * id are the same on every machine (splitmix64), and the same as
 * bench-import wrote before this file was factored out of it.
 */

#include "bench-gdelt.h"

#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <glib/gstdio.h>

#define N_COLUMNS 61
#define COLUMN_ID 0
#define COLUMN_DATE 1
#define COLUMN_FRACTION 4
#define COLUMN_ACTOR1_COUNTRY 7
#define COLUMN_ACTOR2_COUNTRY 17
#define COLUMN_QUAD 29
#define COLUMN_GOLDSTEIN 30
#define COLUMN_LAST (N_COLUMNS - 1)

#define RECODE_PROBABILITY 0.002
#define BUFFER_SIZE (1 << 20)

/* One sample row, as the text that is written around the columns the
 * generator replaces: columns 5-6, 8-16 and 18-60, each run joined by
 * tabs. */
typedef struct
{
  char *middle;       /* columns 5-6 */
  char *actor1;       /* column 7 */
  char *between;      /* columns 8-16 */
  char *actor2;       /* column 17 */
  char *rest;         /* columns 18-60 */
  gsize middle_length;
  gsize between_length;
  gsize rest_length;
  int   goldstein_tenths;
  int   quad;
} SampleRow;

struct _BenchSample
{
  GPtrArray *rows;
  double     mean_row;   /* bytes of a generated row, on average */
};

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

static char *
join_columns (char  **columns,
              int     first,
              int     last,
              gsize  *length)
{
  GString *text = g_string_new (NULL);

  for (int c = first; c <= last; c++)
    {
      if (c > first)
        g_string_append_c (text, '\t');
      g_string_append (text, columns[c]);
    }
  if (length != NULL)
    *length = text->len;
  return g_string_free (text, FALSE);
}

static void
sample_row_free (gpointer data)
{
  SampleRow *row = data;

  g_free (row->middle);
  g_free (row->actor1);
  g_free (row->between);
  g_free (row->actor2);
  g_free (row->rest);
  g_free (row);
}

static gboolean
read_one_sample (BenchSample  *sample,
                 const char   *path,
                 GError      **error)
{
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;

  if (!g_file_get_contents (path, &text, NULL, error))
    return FALSE;
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) columns = NULL;
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
          return FALSE;
        }
      row = g_new0 (SampleRow, 1);
      row->quad = atoi (columns[COLUMN_QUAD]);
      if (!parse_tenths (columns[COLUMN_GOLDSTEIN], &row->goldstein_tenths) ||
          row->quad < 1 || row->quad > 4)
        {
          g_free (row);
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       "%s:%u: unexpected QuadClass or GoldsteinScale", path, i + 1);
          return FALSE;
        }
      row->middle = join_columns (columns, COLUMN_FRACTION + 1, COLUMN_ACTOR1_COUNTRY - 1,
                                  &row->middle_length);
      row->actor1 = g_strdup (columns[COLUMN_ACTOR1_COUNTRY]);
      row->between = join_columns (columns, COLUMN_ACTOR1_COUNTRY + 1, COLUMN_ACTOR2_COUNTRY - 1,
                                   &row->between_length);
      row->actor2 = g_strdup (columns[COLUMN_ACTOR2_COUNTRY]);
      row->rest = join_columns (columns, COLUMN_ACTOR2_COUNTRY + 1, COLUMN_LAST,
                                &row->rest_length);
      g_ptr_array_add (sample->rows, row);
    }
  return TRUE;
}

/* Reads the rows of the real GDELT 2.0 exports at @paths. */
BenchSample *
bench_sample_read (const char * const  *paths,
                   GError             **error)
{
  BenchSample *sample = g_new0 (BenchSample, 1);
  double total = 0;

  sample->rows = g_ptr_array_new_with_free_func (sample_row_free);
  for (guint i = 0; paths[i] != NULL; i++)
    if (!read_one_sample (sample, paths[i], error))
      {
        bench_sample_free (sample);
        return NULL;
      }
  if (sample->rows->len == 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "%s: no rows",
                   paths[0] != NULL ? paths[0] : "no sample");
      bench_sample_free (sample);
      return NULL;
    }
  for (guint i = 0; i < sample->rows->len; i++)
    {
      const SampleRow *row = g_ptr_array_index (sample->rows, i);

      /* id (9 digits), the four date columns (26 with their tabs), the 6
       * tabs around the runs of sample columns, a newline */
      total += 9 + 26 + 6 + 1 + row->middle_length + strlen (row->actor1) +
               row->between_length + strlen (row->actor2) + row->rest_length;
    }
  sample->mean_row = total / sample->rows->len;
  return sample;
}

guint
bench_sample_get_n_rows (const BenchSample *sample)
{
  return sample->rows->len;
}

/* The mean size of a generated row, in bytes. */
double
bench_sample_get_mean_row (const BenchSample *sample)
{
  return sample->mean_row;
}

void
bench_sample_free (BenchSample *sample)
{
  if (sample == NULL)
    return;
  g_ptr_array_unref (sample->rows);
  g_free (sample);
}

/* $BILAT_SHARED_DATA/gdelt2, the build's shared_data/gdelt2, then
 * ../shared/data/gdelt2 from the current folder and from the checkout. */
char *
bench_default_sample_dir (void)
{
  const char *shared = g_getenv ("BILAT_SHARED_DATA");
  char *candidates[4] = { NULL };
  char *found = NULL;

  if (shared != NULL && *shared != '\0')
    candidates[0] = g_build_filename (shared, "gdelt2", NULL);
#ifdef BENCH_SHARED_DATA
  if (*BENCH_SHARED_DATA != '\0')
    candidates[1] = g_build_filename (BENCH_SHARED_DATA, "gdelt2", NULL);
#endif
  candidates[2] = g_build_filename ("..", "shared", "data", "gdelt2", NULL);
#ifdef BENCH_SOURCE_DIR
  candidates[3] = g_build_filename (BENCH_SOURCE_DIR, "..", "shared", "data", "gdelt2", NULL);
#endif
  for (guint i = 0; i < G_N_ELEMENTS (candidates); i++)
    {
      if (found == NULL && candidates[i] != NULL &&
          g_file_test (candidates[i], G_FILE_TEST_IS_DIR))
        found = g_strdup (candidates[i]);
      g_free (candidates[i]);
    }
  return found != NULL ? found : g_build_filename ("..", "shared", "data", "gdelt2", NULL);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(char * const *) a, *(char * const *) b);
}

/* Every *.export.CSV of the default sample folder, in order of name. */
char **
bench_default_samples (void)
{
  g_autofree char *folder = bench_default_sample_dir ();
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  GPtrArray *paths = g_ptr_array_new ();
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (name, ".export.CSV"))
      g_ptr_array_add (paths, g_build_filename (folder, name, NULL));
  g_ptr_array_sort (paths, compare_strings);
  if (paths->len == 0)
    g_ptr_array_add (paths, g_build_filename (folder, "20191024143000.export.CSV", NULL));
  g_ptr_array_add (paths, NULL);
  return (char **) g_ptr_array_free (paths, FALSE);
}

void
bench_generator_init (BenchGenerator    *generator,
                      const BenchSample *sample,
                      guint64            seed,
                      guint64            first_id)
{
  static const int month_days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
  int n_days = 0;

  memset (generator, 0, sizeof *generator);
  generator->sample = sample;
  generator->state = seed;
  generator->next_id = first_id;
  for (int year = BENCH_FIRST_YEAR; year < BENCH_FIRST_YEAR + BENCH_N_YEARS; year++)
    for (int month = 1; month <= 12; month++)
      {
        int last = month_days[month - 1] + (month == 2 && g_date_is_leap_year ((GDateYear) year));

        for (int day = 1; day <= last; day++, n_days++)
          {
            /* SQLDATE, MonthYear, Year, FractionDate (GDELT's formula) */
            generator->day_length[n_days] =
              g_snprintf (generator->days[n_days], sizeof generator->days[n_days],
                          "%04d%02d%02d\t%04d%02d\t%04d\t%.4f", year, month, day, year, month,
                          year, year + ((month - 1) * 30 + day) / 365.0);
            generator->day_month[n_days] = (year - BENCH_FIRST_YEAR) * 12 + month - 1;
          }
      }
  g_assert (n_days == BENCH_N_DAYS);
}

static inline char *
put (char       *to,
     const char *text,
     gsize       length)
{
  memcpy (to, text, length);
  return to + length;
}

static inline char *
put_id (char    *to,
        guint64  id)
{
  char digits[24];
  int n = 0;

  do
    {
      digits[n++] = (char) ('0' + id % 10);
      id /= 10;
    }
  while (id > 0);
  while (n > 0)
    *to++ = digits[--n];
  return to;
}

static gboolean
flush_buffer (FILE        *out,
              const char  *name,
              const char  *buffer,
              gsize        length,
              GError     **error)
{
  if (length > 0 && fwrite (buffer, 1, length, out) != length)
    {
      int saved = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   "Cannot write %s: %s", name, g_strerror (saved));
      return FALSE;
    }
  return TRUE;
}

/* Writes rows to @out until @max_bytes were written or @max_rows rows
 * (either 0 for no limit); ids go on from the generator's next id. Adds
 * the answer for the PAK-RUS dyad to @dyad and for every row to @all
 * (nullable). */
gboolean
bench_generator_write (BenchGenerator  *generator,
                       FILE            *out,
                       const char      *name,
                       guint64          max_bytes,
                       guint64          max_rows,
                       BenchExpected   *dyad,
                       BenchExpected   *all,
                       guint64         *n_rows,
                       guint64         *n_bytes,
                       GError         **error)
{
  GPtrArray *rows = generator->sample->rows;
  guint64 *state = &generator->state;
  char *buffer = g_malloc (BUFFER_SIZE);
  gsize used = 0;
  guint64 written = 0;
  guint64 made = 0;
  gboolean ok = TRUE;

  g_return_val_if_fail (max_bytes > 0 || max_rows > 0, FALSE);

  while (ok && (max_bytes == 0 || written < max_bytes) && (max_rows == 0 || made < max_rows))
    {
      const SampleRow *row = g_ptr_array_index (rows, next_random (state) % rows->len);
      guint day = (guint) (next_random (state) % BENCH_N_DAYS);
      const char *actor1 = row->actor1;
      const char *actor2 = row->actor2;
      gsize actor1_length, actor2_length, need;
      char *start, *end;

      if (random_unit (state) < RECODE_PROBABILITY)
        {
          gboolean swap = next_random (state) & 1;

          actor1 = swap ? "RUS" : "PAK";
          actor2 = swap ? "PAK" : "RUS";
        }
      actor1_length = strlen (actor1);
      actor2_length = strlen (actor2);

      need = 24 + 32 + row->middle_length + actor1_length + row->between_length +
             actor2_length + row->rest_length + 8;
      if (used + need > BUFFER_SIZE)
        {
          ok = flush_buffer (out, name, buffer, used, error);
          used = 0;
          if (!ok)
            break;
          if (need > BUFFER_SIZE)
            {
              g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "a sample row too long");
              ok = FALSE;
              break;
            }
        }
      start = end = buffer + used;
      end = put_id (end, generator->next_id++);
      *end++ = '\t';
      end = put (end, generator->days[day], generator->day_length[day]);
      *end++ = '\t';
      end = put (end, row->middle, row->middle_length);
      *end++ = '\t';
      end = put (end, actor1, actor1_length);
      *end++ = '\t';
      end = put (end, row->between, row->between_length);
      *end++ = '\t';
      end = put (end, actor2, actor2_length);
      *end++ = '\t';
      end = put (end, row->rest, row->rest_length);
      *end++ = '\n';
      used += (gsize) (end - start);
      written += (guint64) (end - start);
      made++;

      if (all != NULL)
        {
          int m = generator->day_month[day];

          all->count[m]++;
          all->goldstein_tenths[m] += row->goldstein_tenths;
          all->quad[m][row->quad - 1]++;
        }
      if (actor1_length == 3 && actor2_length == 3 &&
          ((strcmp (actor1, "PAK") == 0 && strcmp (actor2, "RUS") == 0) ||
           (strcmp (actor1, "RUS") == 0 && strcmp (actor2, "PAK") == 0)))
        {
          int m = generator->day_month[day];

          dyad->count[m]++;
          dyad->goldstein_tenths[m] += row->goldstein_tenths;
          dyad->quad[m][row->quad - 1]++;
        }
    }
  if (ok)
    ok = flush_buffer (out, name, buffer, used, error);
  if (ok && fflush (out) != 0)
    {
      int saved = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   "Cannot write %s: %s", name, g_strerror (saved));
      ok = FALSE;
    }
  g_free (buffer);
  if (n_rows != NULL)
    *n_rows = made;
  if (n_bytes != NULL)
    *n_bytes = written;
  return ok;
}

/* The same into a new file at @path. */
gboolean
bench_generator_write_path (BenchGenerator  *generator,
                            const char      *path,
                            guint64          max_bytes,
                            guint64          max_rows,
                            BenchExpected   *dyad,
                            BenchExpected   *all,
                            guint64         *n_rows,
                            guint64         *n_bytes,
                            GError         **error)
{
  FILE *out = fopen (path, "w");
  gboolean ok;

  if (out == NULL)
    {
      int saved = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   "Cannot write %s: %s", path, g_strerror (saved));
      return FALSE;
    }
  ok = bench_generator_write (generator, out, path, max_bytes, max_rows, dyad, all,
                              n_rows, n_bytes, error);
  if (fclose (out) != 0 && ok)
    {
      int saved = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   "Cannot write %s: %s", path, g_strerror (saved));
      ok = FALSE;
    }
  return ok;
}

void
bench_expected_add (BenchExpected       *sum,
                    const BenchExpected *more)
{
  for (int m = 0; m < BENCH_N_MONTHS; m++)
    {
      sum->count[m] += more->count[m];
      sum->goldstein_tenths[m] += more->goldstein_tenths[m];
      for (int q = 0; q < 4; q++)
        sum->quad[m][q] += more->quad[m][q];
    }
}

guint64
bench_expected_total (const BenchExpected *expected)
{
  guint64 total = 0;

  for (int m = 0; m < BENCH_N_MONTHS; m++)
    total += expected->count[m];
  return total;
}

/* The expected answer as ../shared/bench/anchors/verify.py reads it:
 * {"YYYYMM": {"count": n, "goldstein": sum, "q1": n, …}, …}, months
 * with events only. */
gboolean
bench_expected_save_json (const BenchExpected  *expected,
                          const char           *path,
                          GError              **error)
{
  g_autoptr(GString) text = g_string_new ("{");
  gboolean first = TRUE;

  for (int m = 0; m < BENCH_N_MONTHS; m++)
    {
      gint64 tenths = expected->goldstein_tenths[m];

      if (expected->count[m] == 0)
        continue;
      g_string_append_printf (text,
                              "%s\n \"%04d%02d\": {\"count\": %" G_GUINT64_FORMAT
                              ", \"goldstein\": %s%" G_GINT64_FORMAT ".%d"
                              ", \"q1\": %" G_GUINT64_FORMAT ", \"q2\": %" G_GUINT64_FORMAT
                              ", \"q3\": %" G_GUINT64_FORMAT ", \"q4\": %" G_GUINT64_FORMAT "}",
                              first ? "" : ",", BENCH_FIRST_YEAR + m / 12, m % 12 + 1,
                              expected->count[m], tenths < 0 ? "-" : "",
                              ABS (tenths) / 10, (int) (ABS (tenths) % 10),
                              expected->quad[m][0], expected->quad[m][1],
                              expected->quad[m][2], expected->quad[m][3]);
      first = FALSE;
    }
  g_string_append (text, "\n}\n");
  return g_file_set_contents (path, text->str, (gssize) text->len, error);
}

/* Prints @series as lines "TAG year month count goldstein q1 q2 q3 q4". */
void
bench_print_series (FILE        *out,
                    const char  *tag,
                    BilatSeries *series)
{
  for (guint bin = 0; bin < bilat_series_get_n_bins (series); bin++)
    {
      g_autoptr(BilatDate) date = bilat_series_get_bin_date (series, bin);

      fprintf (out, "%s %d %d %" G_GUINT64_FORMAT " %.6f %" G_GUINT64_FORMAT " %" G_GUINT64_FORMAT
               " %" G_GUINT64_FORMAT " %" G_GUINT64_FORMAT "\n", tag,
               bilat_date_get_year (date), bilat_date_get_month (date),
               bilat_series_get_count (series, bin), bilat_series_get_goldstein_sum (series, bin),
               bilat_series_get_quad_count (series, bin, BILAT_QUAD_CLASS_VERBAL_COOPERATION),
               bilat_series_get_quad_count (series, bin, BILAT_QUAD_CLASS_MATERIAL_COOPERATION),
               bilat_series_get_quad_count (series, bin, BILAT_QUAD_CLASS_VERBAL_CONFLICT),
               bilat_series_get_quad_count (series, bin, BILAT_QUAD_CLASS_MATERIAL_CONFLICT));
    }
}

/* Adds one month of an answer read back; FALSE if it cannot be right. */
static gboolean
add_month (BenchExpected *got,
           int            year,
           int            month,
           guint64        count,
           double         goldstein,
           const guint64  q[4])
{
  int m = (year - BENCH_FIRST_YEAR) * 12 + month - 1;
  gint64 tenths = (gint64) llround (goldstein * 10);

  if (month < 1 || month > 12 || m < 0 || m >= BENCH_N_MONTHS)
    return count == 0;
  if (fabs (goldstein * 10 - (double) tenths) > 1e-3)
    return FALSE;
  got->count[m] += count;
  got->goldstein_tenths[m] += tenths;
  for (int i = 0; i < 4; i++)
    got->quad[m][i] += q[i];
  return TRUE;
}

static char *
describe_difference (const BenchExpected *got,
                     const BenchExpected *expected)
{
  for (int m = 0; m < BENCH_N_MONTHS; m++)
    if (got->count[m] != expected->count[m] ||
        got->goldstein_tenths[m] != expected->goldstein_tenths[m] ||
        memcmp (got->quad[m], expected->quad[m], sizeof got->quad[m]) != 0)
      return g_strdup_printf ("%04d-%02d: %" G_GUINT64_FORMAT " events, Goldstein %" G_GINT64_FORMAT
                              "/10, expected %" G_GUINT64_FORMAT " and %" G_GINT64_FORMAT "/10",
                              BENCH_FIRST_YEAR + m / 12, m % 12 + 1, got->count[m],
                              got->goldstein_tenths[m], expected->count[m],
                              expected->goldstein_tenths[m]);
  return NULL;
}

/* Compares the lines "TAG year month count goldstein q1 q2 q3 q4" of
 * @output with @expected. */
gboolean
bench_check_series (const char          *output,
                    const char          *tag,
                    const BenchExpected *expected)
{
  g_auto(GStrv) lines = g_strsplit (output, "\n", -1);
  g_autofree char *prefix = g_strconcat (tag, " ", NULL);
  BenchExpected got = { 0 };

  for (guint i = 0; lines[i] != NULL; i++)
    {
      int year, month;
      guint64 count, q[4];
      double goldstein;

      if (!g_str_has_prefix (lines[i], prefix) ||
          sscanf (lines[i] + strlen (prefix),
                  "%d %d %" G_GUINT64_FORMAT " %lf %" G_GUINT64_FORMAT " %" G_GUINT64_FORMAT
                  " %" G_GUINT64_FORMAT " %" G_GUINT64_FORMAT,
                  &year, &month, &count, &goldstein, &q[0], &q[1], &q[2], &q[3]) != 8)
        continue;
      if (!add_month (&got, year, month, count, goldstein, q))
        return FALSE;
    }
  return memcmp (&got, expected, sizeof got) == 0;
}

/* Compares a table of tab-separated lines "period count goldstein q1 q2
 * q3 q4 …" (period YYYY-MM or YYYYMM; other lines, such as a header, are
 * passed over; months not listed have no events) with @expected. */
gboolean
bench_check_table (const char           *output,
                   const BenchExpected  *expected,
                   char                **why)
{
  g_auto(GStrv) lines = g_strsplit (output, "\n", -1);
  BenchExpected got = { 0 };
  char *difference;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) fields = g_strsplit (lines[i], "\t", -1);
      const char *period = fields[0];
      char *end;
      guint64 q[4];
      guint64 count;
      double goldstein;
      int year, month;

      if (period == NULL || g_strv_length (fields) < 7 || !g_ascii_isdigit (period[0]))
        continue;
      if (strlen (period) >= 7 && period[4] == '-')
        {
          year = atoi (period);
          month = atoi (period + 5);
        }
      else
        {
          int yyyymm = atoi (period);

          year = yyyymm / 100;
          month = yyyymm % 100;
        }
      count = g_ascii_strtoull (fields[1], &end, 10);
      goldstein = g_ascii_strtod (fields[2], NULL);
      for (int k = 0; k < 4; k++)
        q[k] = g_ascii_strtoull (fields[3 + k], NULL, 10);
      if (!add_month (&got, year, month, count, goldstein, q))
        {
          if (why != NULL)
            *why = g_strdup_printf ("unexpected line “%s”", lines[i]);
          return FALSE;
        }
    }
  difference = describe_difference (&got, expected);
  if (why != NULL)
    *why = difference;
  else
    g_free (difference);
  return difference == NULL;
}

/* Drops @path from the page cache (written back first, so that none of
 * it stays as dirty pages). */
void
bench_evict_cache (const char *path)
{
  int fd = open (path, O_RDONLY);

  if (fd < 0)
    return;
  (void) fdatasync (fd);
  posix_fadvise (fd, 0, 0, POSIX_FADV_DONTNEED);
  close (fd);
}

/* Drops @path from the page cache and reads it back once, so that every
 * figure starts from the same, unfragmented, warm cache. */
void
bench_refresh_cache (const char *path)
{
  int fd;
  char *buffer;

  bench_evict_cache (path);
  fd = open (path, O_RDONLY);
  if (fd < 0)
    return;
  buffer = g_malloc (1 << 20);
  while (read (fd, buffer, 1 << 20) > 0)
    ;
  g_free (buffer);
  close (fd);
}

guint64
bench_file_size (const char *path)
{
  GStatBuf st;

  return g_stat (path, &st) == 0 ? (guint64) st.st_size : 0;
}

/* A "Field:   N kB" line of /proc/self/status, in KiB; -1 if missing. */
long
bench_status_kib (const char *field)
{
  g_autofree char *status = NULL;
  g_autofree char *key = g_strconcat ("\n", field, ":", NULL);
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return -1;
  line = strstr (status, key);
  return line != NULL ? strtol (line + strlen (key), NULL, 10) : -1;
}

/* Resets VmHWM, the peak RSS, to the RSS of now (Linux ≥ 4.0). */
gboolean
bench_reset_peak_rss (void)
{
  int fd = open ("/proc/self/clear_refs", O_WRONLY);
  gboolean ok;

  if (fd < 0)
    return FALSE;
  ok = write (fd, "5", 1) == 1;
  close (fd);
  return ok;
}

int
bench_compare_doubles (const void *a,
                       const void *b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return (x > y) - (x < y);
}

/* Sorts @values and returns the median (the upper one of an even count). */
double
bench_median (double *values,
              int     n)
{
  if (n <= 0)
    return NAN;
  qsort (values, (size_t) n, sizeof *values, bench_compare_doubles);
  return values[n / 2];
}
