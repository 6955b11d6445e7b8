/* bench-gdelt.h: generated GDELT 2.0 events with a known answer, shared by
 * the benchmarks
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Rows are made by resampling the rows of real GDELT 2.0 exports: each
 * row is a real row with a new event id, a date drawn over 2015-2019, and,
 * for 0.2 % of the rows, the actor countries recoded to Pakistan and
 * Russia in either order. While writing, the generator keeps the exact
 * monthly answer (events, Goldstein sum in tenths, QuadClass counts) for
 * the PAK-RUS dyad and for every row, from the values it writes: an
 * independent computation, which no line of the library takes part in.
 */

#pragma once

#include <stdio.h>

#include <glib.h>

#include <bilat/bilat.h>

G_BEGIN_DECLS

#define BENCH_FIRST_YEAR 2015
#define BENCH_N_YEARS 5
#define BENCH_N_MONTHS (BENCH_N_YEARS * 12)
#define BENCH_N_DAYS (BENCH_N_YEARS * 365 + 1)  /* 2016 is a leap year */

/* A monthly answer over 2015-2019. */
typedef struct
{
  guint64 count[BENCH_N_MONTHS];
  gint64  goldstein_tenths[BENCH_N_MONTHS];
  guint64 quad[BENCH_N_MONTHS][4];
} BenchExpected;

typedef struct _BenchSample BenchSample;

BenchSample *bench_sample_read          (const char * const *paths,
                                         GError            **error);
guint        bench_sample_get_n_rows    (const BenchSample  *sample);
double       bench_sample_get_mean_row  (const BenchSample  *sample);
void         bench_sample_free          (BenchSample        *sample);

char        *bench_default_sample_dir   (void);
char       **bench_default_samples      (void);

/* The generator's state: the random stream, the next event id and the
 * text of every day's date columns. */
typedef struct
{
  const BenchSample *sample;
  guint64            state;
  guint64            next_id;
  char               days[BENCH_N_DAYS][32];
  int                day_month[BENCH_N_DAYS];
  int                day_length[BENCH_N_DAYS];
} BenchGenerator;

void         bench_generator_init       (BenchGenerator     *generator,
                                         const BenchSample  *sample,
                                         guint64             seed,
                                         guint64             first_id);
gboolean     bench_generator_write      (BenchGenerator     *generator,
                                         FILE               *out,
                                         const char         *name,
                                         guint64             max_bytes,
                                         guint64             max_rows,
                                         BenchExpected      *dyad,
                                         BenchExpected      *all,
                                         guint64            *n_rows,
                                         guint64            *n_bytes,
                                         GError            **error);
gboolean     bench_generator_write_path (BenchGenerator     *generator,
                                         const char         *path,
                                         guint64             max_bytes,
                                         guint64             max_rows,
                                         BenchExpected      *dyad,
                                         BenchExpected      *all,
                                         guint64            *n_rows,
                                         guint64            *n_bytes,
                                         GError            **error);

void         bench_expected_add         (BenchExpected       *sum,
                                         const BenchExpected *more);
guint64      bench_expected_total       (const BenchExpected *expected);
gboolean     bench_expected_save_json   (const BenchExpected *expected,
                                         const char          *path,
                                         GError             **error);
void         bench_print_series         (FILE                *out,
                                         const char          *tag,
                                         BilatSeries         *series);
gboolean     bench_check_series         (const char          *output,
                                         const char          *tag,
                                         const BenchExpected *expected);
gboolean     bench_check_table          (const char          *output,
                                         const BenchExpected *expected,
                                         char               **why);

/* Files, the page cache and the memory of this process. */
void         bench_evict_cache          (const char          *path);
void         bench_refresh_cache        (const char          *path);
guint64      bench_file_size            (const char          *path);
long         bench_status_kib           (const char          *field);
gboolean     bench_reset_peak_rss       (void);
int          bench_compare_doubles      (const void          *a,
                                         const void          *b);
double       bench_median               (double              *values,
                                         int                  n);

G_END_DECLS
