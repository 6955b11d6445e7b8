/* bench-store.c: the store at scale (issue 9), next to sqlite3 and DuckDB
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * For 1 M, 10 M and 100 M generated GDELT 2.0 events (bench-gdelt.c: real
 * rows resampled, with the exact PAK-RUS and all-events monthly answers
 * kept while writing), it measures, each in a fresh process so that its
 * peak RSS is its own:
 *
 *   - `bilat import FILE -o DB.bilat`: seconds, MB/s of input, peak RSS,
 *     bytes on disk per event;
 *   - opening DB.bilat with bilat_store_load_from_path(): milliseconds
 *     (file in the page cache, and evicted from it), anonymous memory
 *     (RssAnon) after the load minus before, per event;
 *   - on the loaded store, warm, median of several runs: the dyad query
 *     (bilat_store_find_events, "dyad:PAK,RUS"), the dyad monthly series
 *     and the monthly series over every event, both checked against the
 *     generator's answer;
 *   - the JSON format, up to 10 M events: saving the store and loading the
 *     file back into a new store, MB/s and peak RSS over the store's own;
 *   - as the peers are timed, whole processes: `bilat --data DB.bilat
 *     series --dyad PAK,RUS --by month --tsv` and `… series --by month
 *     --tsv`, wall time and peak RSS, answers checked;
 *
 * then runs ../shared/bench/anchors/stored.sh on the same file (DuckDB and
 * sqlite3, with the bilat commands above as its extras) and the same
 * series warm inside one DuckDB and one sqlite3 process, and prints one
 * table per size with each figure next to its target and the peers.
 *
 *   bench-store [--events 1000000,10000000,100000000] [--runs N]
 *               [--sample FILE] [--bilat PATH] [--anchors DIR]
 *               [--work DIR] [--keep] [--no-peers] [--pipe]
 *               [--peer-limit SECONDS] [--store-format bilat|json]
 *
 * The 100 M case needs about 41 GB for the plain file and 7-12 GB for the
 * native one; when the disk lacks room (or with --pipe) the rows are
 * generated straight into `bilat import /dev/stdin` through a pipe, and
 * the peers, which need the file, are skipped. The peers are also skipped
 * when the rate measured at the size before says that their loads would
 * take longer than --peer-limit seconds; where only sqlite3 lacks the room
 * or the time, DuckDB runs alone (the anchors' stored_duckdb.js, as
 * stored.sh runs it). The program exits non-zero when
 * an answer of bilat is wrong or a bilat step fails.
 */

#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/statvfs.h>
#include <sys/wait.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include <bilat/bilat.h>

#include "bench-gdelt.h"

#define SEED 20191024
#define FIRST_ID 800000000
#define JSON_MAX_EVENTS 10000000
#define MIB (1024.0 * 1024.0)

/* ------------------------------------------------------------------ */
/* The measuring child: `bench-store --child load PATH RUNS [SAVE]`     */
/* ------------------------------------------------------------------ */

static double
now_seconds (void)
{
  return g_get_monotonic_time () / 1e6;
}

/* Loads PATH into a new store and prints, as "key value" lines: the
 * seconds of the load, RssAnon/VmRSS/RssFile before and after it, the
 * peak RSS of the load; then, with RUNS > 0, the medians of RUNS warm runs
 * (after one more, reported as "first_…") of the dyad query, the dyad
 * monthly series and the monthly series over every event, and both series
 * as "dyad …" and "all …" lines; then, with SAVE, the seconds of saving
 * the store to SAVE and the peak RSS of it over the RSS before. */
static int
child_load (int    argc,
            char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BilatStore) store = bilat_store_new ();
  g_autoptr(BilatQuery) query = bilat_query_parse ("dyad:PAK,RUS", &error);
  g_autoptr(BilatSeries) dyad = NULL;
  g_autoptr(BilatSeries) all = NULL;
  const char *path = argv[3];
  int runs = atoi (argv[4]);
  const char *save = argc > 5 ? argv[5] : NULL;
  long anon_before, rss_before;
  double t0, seconds;

  if (query == NULL)
    {
      fprintf (stderr, "bench-store: %s\n", error->message);
      return 1;
    }
  /* What any program pays once, before it opens anything. */
  (void) bilat_cameo_get_goldstein ("010");
  anon_before = bench_status_kib ("RssAnon");
  rss_before = bench_status_kib ("VmRSS");
  bench_reset_peak_rss ();

  t0 = now_seconds ();
  if (!bilat_store_load_from_path (store, path, &error))
    {
      fprintf (stderr, "bench-store: %s\n", error->message);
      return 1;
    }
  seconds = now_seconds () - t0;
  printf ("load_seconds %.9f\n", seconds);
  printf ("anon_before_kib %ld\nanon_after_kib %ld\n", anon_before, bench_status_kib ("RssAnon"));
  printf ("rss_before_kib %ld\nrss_after_kib %ld\n", rss_before, bench_status_kib ("VmRSS"));
  printf ("file_after_kib %ld\npeak_load_kib %ld\n", bench_status_kib ("RssFile"),
          bench_status_kib ("VmHWM"));
  printf ("events %u\n", g_list_model_get_n_items (bilat_store_get_events (store)));

  if (runs > 0)
    {
      double *find = g_new0 (double, runs);
      double *dyad_times = g_new0 (double, runs);
      double *all_times = g_new0 (double, runs);
      guint found = 0;

      for (int r = -1; r < runs; r++)
        {
          GListModel *events;
          double find_s, dyad_s, all_s;

          g_clear_object (&dyad);
          g_clear_object (&all);
          t0 = now_seconds ();
          events = bilat_store_find_events (store, query);
          found = g_list_model_get_n_items (events);
          find_s = now_seconds () - t0;
          g_object_unref (events);

          t0 = now_seconds ();
          dyad = bilat_store_compute_series (store, query, BILAT_SERIES_UNIT_MONTH);
          dyad_s = now_seconds () - t0;

          t0 = now_seconds ();
          all = bilat_store_compute_series (store, NULL, BILAT_SERIES_UNIT_MONTH);
          all_s = now_seconds () - t0;

          if (r < 0)
            printf ("first_find_seconds %.9f\nfirst_dyad_seconds %.9f\nfirst_all_seconds %.9f\n",
                    find_s, dyad_s, all_s);
          else
            {
              find[r] = find_s;
              dyad_times[r] = dyad_s;
              all_times[r] = all_s;
            }
        }
      printf ("find_seconds %.9f\ndyad_seconds %.9f\nall_seconds %.9f\n",
              bench_median (find, runs), bench_median (dyad_times, runs),
              bench_median (all_times, runs));
      printf ("found %u\nanon_after_queries_kib %ld\n", found, bench_status_kib ("RssAnon"));
      bench_print_series (stdout, "dyad", dyad);
      bench_print_series (stdout, "all", all);
      g_free (find);
      g_free (dyad_times);
      g_free (all_times);
    }

  if (save != NULL)
    {
      long rss = bench_status_kib ("VmRSS");

      bench_reset_peak_rss ();
      t0 = now_seconds ();
      if (!bilat_store_save_to_path (store, save, &error))
        {
          fprintf (stderr, "bench-store: %s\n", error->message);
          return 1;
        }
      seconds = now_seconds () - t0;
      printf ("save_seconds %.9f\nrss_before_save_kib %ld\npeak_save_kib %ld\n", seconds, rss,
              bench_status_kib ("VmHWM"));
    }
  fflush (stdout);
  return 0;
}

/* ------------------------------------------------------------------ */
/* Processes                                                            */
/* ------------------------------------------------------------------ */

typedef struct
{
  char     *work;        /* the folder of every file */
  char     *self;        /* this program, for its child mode */
  char     *bilat;       /* the bilat tool */
  char     *anchors;     /* the copy of ../shared/bench/anchors */
  int       runs;
  gboolean  keep;
  gboolean  no_peers;
  gboolean  pipe;
  double    peer_limit;  /* seconds */
  char     *store_format; /* "bilat", or "json" to time the JSON path alone */
  const BenchSample *sample;
  double    generator_mbps;
  gboolean  failed;      /* a bilat step failed or answered wrong */
  /* measured at the size before, for the estimates of the next */
  guint64   last_n;
  double    peer_seconds;
  double    duckdb_bytes_per_event;
  double    duckdb_load_per_event;   /* seconds */
  double    sqlite_bytes_per_event;
  double    native_bytes_per_event;
} Bench;

typedef struct
{
  double  wall;      /* seconds, fork to exit */
  long    rss_kib;   /* peak RSS of the process (ru_maxrss) */
  char   *out;
  char   *err;
} Run;

typedef gboolean (*FeedFunc) (int        fd,
                              gpointer   data,
                              GError   **error);

static void
run_clear (Run *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
}

static char *
last_line (const char *text)
{
  g_autofree char *copy = g_strstrip (g_strdup (text != NULL ? text : ""));
  const char *newline = strrchr (copy, '\n');

  return g_strdup (newline != NULL ? newline + 1 : copy);
}

static char *
describe_argv (const char * const *argv)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; argv[i] != NULL; i++)
    {
      if (i > 0)
        g_string_append_c (text, ' ');
      g_string_append (text, argv[i]);
    }
  return g_strdup (text->str);
}

/* Runs @argv with its output into files of the work folder; with @feed,
 * its standard input is a pipe that @feed writes (and closes). */
static gboolean
run_process (Bench              *bench,
             const char * const *argv,
             FeedFunc            feed,
             gpointer            feed_data,
             Run                *run,
             GError            **error)
{
  g_autofree char *out_path = g_build_filename (bench->work, "run.out", NULL);
  g_autofree char *err_path = g_build_filename (bench->work, "run.err", NULL);
  g_autoptr(GError) feed_error = NULL;
  int out_fd, err_fd;
  int pipe_fds[2] = { -1, -1 };
  gboolean fed = TRUE;
  struct rusage usage;
  int status = 0;
  double t0;
  pid_t pid;

  run_clear (run);
  out_fd = open (out_path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
  err_fd = open (err_path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
  if (out_fd < 0 || err_fd < 0 || (feed != NULL && pipe (pipe_fds) != 0))
    {
      int saved = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved), "%s: %s", bench->work,
                   g_strerror (saved));
      if (out_fd >= 0)
        close (out_fd);
      if (err_fd >= 0)
        close (err_fd);
      return FALSE;
    }

  fflush (stdout);
  fflush (stderr);
  t0 = now_seconds ();
  pid = fork ();
  if (pid == 0)
    {
      signal (SIGPIPE, SIG_DFL);
      if (feed != NULL)
        {
          dup2 (pipe_fds[0], 0);
          close (pipe_fds[0]);
          close (pipe_fds[1]);
        }
      else
        {
          int null_fd = open ("/dev/null", O_RDONLY);

          if (null_fd >= 0)
            dup2 (null_fd, 0);
        }
      dup2 (out_fd, 1);
      dup2 (err_fd, 2);
      execvp (argv[0], (char * const *) argv);
      fprintf (stderr, "cannot run %s: %s\n", argv[0], g_strerror (errno));
      _exit (127);
    }
  close (out_fd);
  close (err_fd);
  if (pid < 0)
    {
      int saved = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved), "fork: %s",
                   g_strerror (saved));
      return FALSE;
    }
  if (feed != NULL)
    {
      close (pipe_fds[0]);
      fed = feed (pipe_fds[1], feed_data, &feed_error);
    }
  while (wait4 (pid, &status, 0, &usage) < 0 && errno == EINTR)
    ;
  run->wall = now_seconds () - t0;
  run->rss_kib = usage.ru_maxrss;
  g_file_get_contents (out_path, &run->out, NULL, NULL);
  g_file_get_contents (err_path, &run->err, NULL, NULL);
  if (run->out == NULL)
    run->out = g_strdup ("");
  if (run->err == NULL)
    run->err = g_strdup ("");

  if (!WIFEXITED (status) || WEXITSTATUS (status) != 0)
    {
      g_autofree char *command = describe_argv (argv);
      g_autofree char *why = last_line (run->err);

      if (WIFEXITED (status))
        g_set_error (error, G_SPAWN_ERROR, G_SPAWN_ERROR_FAILED, "%s: exit %d: %s", command,
                     WEXITSTATUS (status), why);
      else
        g_set_error (error, G_SPAWN_ERROR, G_SPAWN_ERROR_FAILED, "%s: killed by signal %d (%s)",
                     command, WTERMSIG (status), why);
      return FALSE;
    }
  if (!fed)
    {
      g_propagate_error (error, g_steal_pointer (&feed_error));
      return FALSE;
    }
  return TRUE;
}

/* A "key value" line of a child's output; NAN if missing. */
static double
value_of (const char *output,
          const char *key)
{
  g_autofree char *needle = g_strconcat ("\n", key, " ", NULL);
  const char *found;

  if (output == NULL)
    return NAN;
  if (g_str_has_prefix (output, needle + 1))
    return g_ascii_strtod (output + strlen (needle) - 1, NULL);
  found = strstr (output, needle);
  return found != NULL ? g_ascii_strtod (found + strlen (needle), NULL) : NAN;
}

static guint64
free_bytes (const char *path)
{
  struct statvfs st;

  return statvfs (path, &st) == 0 ? (guint64) st.f_bavail * st.f_frsize : 0;
}

static char *
load_average (void)
{
  g_autofree char *text = NULL;
  g_auto(GStrv) fields = NULL;

  if (!g_file_get_contents ("/proc/loadavg", &text, NULL, NULL))
    return g_strdup ("?");
  fields = g_strsplit (text, " ", 4);
  if (g_strv_length (fields) < 3)
    return g_strdup ("?");
  return g_strdup_printf ("%s %s %s", fields[0], fields[1], fields[2]);
}

static guint64
mem_available_bytes (void)
{
  g_autofree char *text = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/meminfo", &text, NULL, NULL))
    return 0;
  line = strstr (text, "MemAvailable:");
  return line != NULL ? g_ascii_strtoull (line + 13, NULL, 10) * 1024 : 0;
}

/* Warm and in the page cache when it fits in ¾ of the free memory;
 * otherwise only evicted, so that it is read from disk. */
static gboolean
prepare_cache (const char *path)
{
  if (bench_file_size (path) < mem_available_bytes () / 4 * 3)
    {
      bench_refresh_cache (path);
      return TRUE;
    }
  bench_evict_cache (path);
  return FALSE;
}

/* More runs of a step that took @first seconds: all of them while cheap. */
static int
runs_for (const Bench *bench,
          double       first)
{
  if (first < 3)
    return bench->runs;
  if (first < 30)
    return MIN (bench->runs, 3);
  return 1;
}

/* Compares two files byte by byte. */
static gboolean
same_content (const char *a,
              const char *b)
{
  FILE *fa = fopen (a, "r");
  FILE *fb = fopen (b, "r");
  char *ba = g_malloc (1 << 20);
  char *bb = g_malloc (1 << 20);
  gboolean same = fa != NULL && fb != NULL;

  while (same)
    {
      size_t na = fread (ba, 1, 1 << 20, fa);
      size_t nb = fread (bb, 1, 1 << 20, fb);

      if (na != nb || memcmp (ba, bb, na) != 0)
        same = FALSE;
      if (na == 0 || na != nb)
        break;
    }
  if (fa != NULL)
    fclose (fa);
  if (fb != NULL)
    fclose (fb);
  g_free (ba);
  g_free (bb);
  return same;
}

/* ------------------------------------------------------------------ */
/* One size                                                             */
/* ------------------------------------------------------------------ */

typedef struct
{
  gboolean have;
  double   load_s;
  long     load_kib;
  double   disk_bytes;
  double   dyad_s;
  long     dyad_kib;
  double   all_s;
  long     all_kib;
  char    *correct;          /* stored.sh's verdict on the dyad answer */
  gboolean have_warm;
  double   open_ms;
  double   warm_dyad_ms;
  double   warm_all_ms;
  gboolean warm_dyad_ok;
  gboolean warm_all_ok;
  char    *warm_note;
} Peer;

#define MAX_RUNS 50

/* The warm query figures of one or more measuring children. */
typedef struct
{
  int      n;
  double   find[MAX_RUNS], dyad[MAX_RUNS], all[MAX_RUNS], first_all[MAX_RUNS];
  guint64  found;
  gboolean found_ok, dyad_ok, all_ok;
  double   find_ms, dyad_ms, all_ms, first_all_ms;
} Queries;

typedef struct
{
  guint64       n;
  char         *label;
  char         *plain;
  char         *db;
  char         *json;
  char         *json2;
  char         *expected_path;
  gboolean      piped;
  gboolean      plain_cached;
  guint64       plain_bytes;
  BenchExpected dyad;
  BenchExpected all;
  char         *load_before;

  /* import */
  gboolean      import_ok;
  char         *import_error;
  double        import_wall;
  int           import_runs;
  long          import_rss_kib;
  guint64       kept;
  guint64       db_bytes;

  /* open and queries */
  gboolean      open_ok;
  gboolean      db_cached;
  char         *open_error;
  int           open_runs;
  double        open_ms;
  double        open_cold_ms;
  double        anon_bytes;
  double        file_bytes;
  double        open_peak_kib;
  double        anon_after_queries;
  Queries       queries;        /* on the store opened from DB */
  Queries       json_queries;   /* on the store loaded from JSON */
  gboolean      events_ok;
  guint64       events;

  /* JSON */
  char         *json_note;
  gboolean      json_save_ok, json_load_ok, json_resave_ok;
  char         *json_error;
  guint64       json_bytes;
  double        json_save_native_s, json_save_native_over_kib;
  double        json_load_s, json_load_peak_kib, json_load_final_kib;
  double        json_save_s, json_save_over_kib, json_save_before_kib;
  gboolean      json_identical;
  gboolean      json_compared;

  /* whole processes */
  gboolean      process_dyad_ok, process_all_ok;
  char         *process_error;
  double        process_dyad_s, process_all_s;
  long          process_dyad_kib, process_all_kib;
  gboolean      process_dyad_correct, process_all_correct;
  char         *process_why;
  int           process_runs;

  /* peers */
  char         *peers_note;
  char         *stored_table;
  double        stored_seconds;
  Peer          duckdb, sqlite, extra;
} Size;

static void
size_free (Size *size)
{
  g_free (size->label);
  g_free (size->plain);
  g_free (size->db);
  g_free (size->json);
  g_free (size->json2);
  g_free (size->expected_path);
  g_free (size->load_before);
  g_free (size->import_error);
  g_free (size->open_error);
  g_free (size->json_note);
  g_free (size->json_error);
  g_free (size->process_error);
  g_free (size->process_why);
  g_free (size->peers_note);
  g_free (size->stored_table);
  g_free (size->duckdb.correct);
  g_free (size->duckdb.warm_note);
  g_free (size->sqlite.correct);
  g_free (size->sqlite.warm_note);
  g_free (size->extra.correct);
  g_free (size->extra.warm_note);
}

static void
queries_init (Queries *queries)
{
  memset (queries, 0, sizeof *queries);
  queries->found_ok = queries->dyad_ok = queries->all_ok = TRUE;
}

/* Adds the figures of a child's output, and checks its answers. */
static gboolean
queries_add (Queries    *queries,
             const char *output,
             const Size *size)
{
  int n = queries->n;

  if (n >= MAX_RUNS || isnan (value_of (output, "find_seconds")))
    return FALSE;
  queries->find[n] = value_of (output, "find_seconds") * 1e3;
  queries->dyad[n] = value_of (output, "dyad_seconds") * 1e3;
  queries->all[n] = value_of (output, "all_seconds") * 1e3;
  queries->first_all[n] = value_of (output, "first_all_seconds") * 1e3;
  queries->found = (guint64) value_of (output, "found");
  queries->found_ok &= queries->found == bench_expected_total (&size->dyad);
  queries->dyad_ok &= bench_check_series (output, "dyad", &size->dyad);
  queries->all_ok &= bench_check_series (output, "all", &size->all);
  queries->n++;
  queries->find_ms = bench_median (queries->find, queries->n);
  queries->dyad_ms = bench_median (queries->dyad, queries->n);
  queries->all_ms = bench_median (queries->all, queries->n);
  queries->first_all_ms = bench_median (queries->first_all, queries->n);
  return queries->found_ok && queries->dyad_ok && queries->all_ok;
}

typedef struct
{
  BenchGenerator *generator;
  Size           *size;
} Feed;

static gboolean
feed_rows (int       fd,
           gpointer  data,
           GError  **error)
{
  Feed *feed = data;
  FILE *out = fdopen (fd, "w");
  gboolean ok;

  if (out == NULL)
    {
      close (fd);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "fdopen: %s", g_strerror (errno));
      return FALSE;
    }
  ok = bench_generator_write (feed->generator, out, "the pipe", 0, feed->size->n,
                              &feed->size->dyad, &feed->size->all, NULL,
                              &feed->size->plain_bytes, error);
  if (fclose (out) != 0 && ok)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "the pipe: %s", g_strerror (errno));
      ok = FALSE;
    }
  return ok;
}

static guint64
kept_events (const char *err)
{
  const char *kept = err != NULL ? strstr (err, "kept ") : NULL;

  return kept != NULL ? g_ascii_strtoull (kept + 5, NULL, 10) : 0;
}

static gboolean
step_import (Bench *bench,
             Size  *size)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *db_name = g_path_get_basename (size->db);
  Run run = { 0 };
  double *walls = g_new0 (double, bench->runs);
  int n = 0;

  if (size->piped)
    {
      BenchGenerator *generator = g_new (BenchGenerator, 1);
      Feed feed = { generator, size };
      const char *argv[] = { bench->bilat, "import", "/dev/stdin", "--format", "gdelt2",
                             "-o", size->db, NULL };

      fprintf (stderr, "[%s] generating %" G_GUINT64_FORMAT " rows straight into `bilat import "
               "/dev/stdin -o %s` through a pipe …\n", size->label, size->n, db_name);
      bench_generator_init (generator, bench->sample, SEED, FIRST_ID);
      memset (&size->dyad, 0, sizeof size->dyad);
      memset (&size->all, 0, sizeof size->all);
      if (run_process (bench, argv, feed_rows, &feed, &run, &error))
        {
          walls[n++] = run.wall;
          size->import_rss_kib = run.rss_kib;
          size->kept = kept_events (run.err);
        }
      g_free (generator);
    }
  else
    {
      const char *argv[] = { bench->bilat, "import", size->plain, "-o", size->db, NULL };
      int want = 1;

      size->plain_cached = prepare_cache (size->plain);
      for (int r = 0; r < want; r++)
        {
          fprintf (stderr, "[%s] bilat import … -o %s (run %d) …\n", size->label, db_name, r + 1);
          if (!run_process (bench, argv, NULL, NULL, &run, &error))
            break;
          walls[n++] = run.wall;
          size->import_rss_kib = MAX (size->import_rss_kib, run.rss_kib);
          size->kept = kept_events (run.err);
          if (r == 0)
            want = runs_for (bench, run.wall);
        }
    }
  if (error != NULL)
    {
      size->import_error = g_strdup (error->message);
      bench->failed = TRUE;
    }
  size->import_ok = n > 0;
  if (n > 0)
    {
      size->import_runs = n;
      size->import_wall = bench_median (walls, n);
      size->db_bytes = bench_file_size (size->db);
      if (size->kept != size->n)
        bench->failed = TRUE;
    }
  run_clear (&run);
  g_free (walls);
  return size->import_ok;
}

/* The open and query figures, from children loading @path. */
static void
step_open (Bench      *bench,
           Size       *size,
           const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *runs_text = g_strdup_printf ("%d", MAX (bench->runs, 5));
  const char *cold_argv[] = { bench->self, "--child", "load", path, "0", NULL };
  const char *argv[] = { bench->self, "--child", "load", path, runs_text, NULL };
  double *open_ms = g_new0 (double, bench->runs);
  double *anon = g_new0 (double, bench->runs);
  double *file = g_new0 (double, bench->runs);
  Run run = { 0 };
  int n = 0;

  /* From a cold cache first: the file evicted, the load alone. */
  bench_evict_cache (path);
  fprintf (stderr, "[%s] opening %s, evicted from the page cache …\n", size->label, path);
  if (run_process (bench, cold_argv, NULL, NULL, &run, &error))
    size->open_cold_ms = value_of (run.out, "load_seconds") * 1e3;
  else
    size->open_cold_ms = NAN;

  size->db_cached = prepare_cache (path);
  size->events_ok = TRUE;
  queries_init (&size->queries);
  for (int r = 0; error == NULL && r < bench->runs; r++)
    {
      fprintf (stderr, "[%s] opening %s and querying (run %d) …\n", size->label, path, r + 1);
      if (!run_process (bench, argv, NULL, NULL, &run, &error))
        break;
      open_ms[n] = value_of (run.out, "load_seconds") * 1e3;
      anon[n] = (value_of (run.out, "anon_after_kib") - value_of (run.out, "anon_before_kib")) * 1024;
      file[n] = value_of (run.out, "file_after_kib") * 1024;
      size->open_peak_kib = MAX (size->open_peak_kib, value_of (run.out, "peak_load_kib"));
      size->anon_after_queries = (value_of (run.out, "anon_after_queries_kib") -
                                  value_of (run.out, "anon_before_kib")) * 1024;
      size->events = (guint64) value_of (run.out, "events");
      size->events_ok &= size->events == size->n;
      if (!queries_add (&size->queries, run.out, size))
        bench->failed = TRUE;
      n++;
    }
  if (error != NULL)
    size->open_error = g_strdup (error->message);
  size->open_ok = n > 0;
  size->open_runs = n;
  if (n > 0)
    {
      size->open_ms = bench_median (open_ms, n);
      size->anon_bytes = bench_median (anon, n);
      size->file_bytes = bench_median (file, n);
      if (!size->events_ok)
        bench->failed = TRUE;
    }
  else
    bench->failed = TRUE;
  run_clear (&run);
  g_free (open_ms);
  g_free (anon);
  g_free (file);
}

static void
step_json (Bench *bench,
           Size  *size)
{
  g_autoptr(GError) error = NULL;
  Run run = { 0 };
  guint64 estimate;

  if (size->n > JSON_MAX_EVENTS)
    {
      size->json_note = g_strdup_printf ("JSON skipped above %d M events: the file would be "
                                         "≈ %.0f GB", JSON_MAX_EVENTS / 1000000,
                                         size->n * 930.0 / 1e9);
      return;
    }
  estimate = (guint64) (size->n * 1000.0);
  if (free_bytes (bench->work) < estimate + (1ULL << 30))
    {
      size->json_note = g_strdup_printf ("JSON skipped: %.1f GB free, ≈ %.1f GB needed",
                                         free_bytes (bench->work) / 1e9, estimate / 1e9);
      return;
    }

  /* The JSON file: saved from the native store, or, while that cannot be
   * loaded, imported from the plain file. */
  if (size->open_ok && g_str_has_suffix (size->db, ".bilat"))
    {
      const char *argv[] = { bench->self, "--child", "load", size->db, "0", size->json, NULL };

      fprintf (stderr, "[%s] saving the native store as JSON …\n", size->label);
      prepare_cache (size->db);
      if (run_process (bench, argv, NULL, NULL, &run, &error))
        {
          size->json_save_native_s = value_of (run.out, "save_seconds");
          size->json_save_native_over_kib = value_of (run.out, "peak_save_kib") -
                                            value_of (run.out, "rss_before_save_kib");
        }
    }
  else if (size->plain != NULL && !size->piped)
    {
      const char *argv[] = { bench->bilat, "import", size->plain, "-o", size->json, NULL };

      fprintf (stderr, "[%s] bilat import … -o %s …\n", size->label, size->json);
      run_process (bench, argv, NULL, NULL, &run, &error);
    }
  if (error != NULL || !g_file_test (size->json, G_FILE_TEST_EXISTS))
    {
      size->json_error = g_strdup (error != NULL ? error->message : "no JSON file made");
      bench->failed = TRUE;
      run_clear (&run);
      return;
    }
  size->json_bytes = bench_file_size (size->json);

  /* Loaded back into a new store, and saved again from it: a store whose
   * memory is all its own (no mapped file), as the target reads. */
  {
    gboolean resave = free_bytes (bench->work) > size->json_bytes + (1ULL << 30);
    g_autofree char *runs = g_strdup_printf ("%d", MAX (bench->runs, 5));
    const char *argv[] = { bench->self, "--child", "load", size->json, runs,
                           resave ? size->json2 : NULL, NULL };

    fprintf (stderr, "[%s] loading %s (%.0f MB) …\n", size->label, size->json,
             size->json_bytes / 1e6);
    prepare_cache (size->json);
    if (!run_process (bench, argv, NULL, NULL, &run, &error))
      {
        size->json_error = g_strdup (error->message);
        bench->failed = TRUE;
      }
    else
      {
        size->json_load_ok = TRUE;
        size->json_load_s = value_of (run.out, "load_seconds");
        size->json_load_peak_kib = value_of (run.out, "peak_load_kib");
        size->json_load_final_kib = value_of (run.out, "rss_after_kib");
        if ((guint64) value_of (run.out, "events") != size->n)
          bench->failed = TRUE;
        queries_init (&size->json_queries);
        if (!queries_add (&size->json_queries, run.out, size))
          bench->failed = TRUE;
        if (resave)
          {
            size->json_resave_ok = TRUE;
            size->json_save_s = value_of (run.out, "save_seconds");
            size->json_save_before_kib = value_of (run.out, "rss_before_save_kib");
            size->json_save_over_kib = value_of (run.out, "peak_save_kib") - size->json_save_before_kib;
            fprintf (stderr, "[%s] comparing the two JSON files …\n", size->label);
            size->json_identical = same_content (size->json, size->json2);
            size->json_compared = TRUE;
          }
        else
          size->json_note = g_strdup ("JSON saved again: skipped, the disk lacks room for a second copy");
      }
    if (!bench->keep)
      g_unlink (size->json2);
  }
  run_clear (&run);
}

static void
step_process (Bench *bench,
              Size  *size)
{
  g_autoptr(GError) error = NULL;
  const char *dyad_argv[] = { bench->bilat, "--data", size->db, "series", "--dyad", "PAK,RUS",
                              "--by", "month", "--tsv", NULL };
  const char *all_argv[] = { bench->bilat, "--data", size->db, "series", "--by", "month",
                             "--tsv", NULL };
  const char * const *commands[] = { dyad_argv, all_argv };
  Run run = { 0 };

  prepare_cache (size->db);
  size->process_dyad_correct = size->process_all_correct = TRUE;
  for (int c = 0; c < 2 && error == NULL; c++)
    {
      double *walls = g_new0 (double, bench->runs);
      long rss = 0;
      int n = 0, want = bench->runs;

      fprintf (stderr, "[%s] %s …\n", size->label, c == 0 ? "bilat series --dyad PAK,RUS" : "bilat series");
      /* One warm-up, then the runs. */
      for (int r = -1; r < want; r++)
        {
          g_autofree char *why = NULL;
          gboolean correct;

          if (!run_process (bench, commands[c], NULL, NULL, &run, &error))
            break;
          correct = bench_check_table (run.out, c == 0 ? &size->dyad : &size->all, &why);
          if (!correct && size->process_why == NULL)
            size->process_why = g_strdup_printf ("%s: %s", c == 0 ? "dyad" : "all events", why);
          if (c == 0)
            size->process_dyad_correct &= correct;
          else
            size->process_all_correct &= correct;
          if (r < 0)
            {
              want = runs_for (bench, run.wall);
              continue;
            }
          walls[n++] = run.wall;
          rss = MAX (rss, run.rss_kib);
        }
      if (n > 0)
        {
          size->process_runs = n;
          if (c == 0)
            {
              size->process_dyad_ok = TRUE;
              size->process_dyad_s = bench_median (walls, n);
              size->process_dyad_kib = rss;
            }
          else
            {
              size->process_all_ok = TRUE;
              size->process_all_s = bench_median (walls, n);
              size->process_all_kib = rss;
            }
        }
      g_free (walls);
    }
  if (error != NULL)
    size->process_error = g_strdup (error->message);
  if (error != NULL || !size->process_dyad_correct || !size->process_all_correct)
    bench->failed = TRUE;
  run_clear (&run);
}

/* ------------------------------------------------------------------ */
/* Peers                                                                */
/* ------------------------------------------------------------------ */

/* "12.34 56789" (seconds, KiB) from a cell of stored.sh's table. */
static void
parse_time_cell (const char *cell,
                 double     *seconds,
                 long       *kib)
{
  char *end = NULL;

  *seconds = g_ascii_strtod (cell, &end);
  *kib = end != NULL && end != cell ? strtol (end, NULL, 10) : 0;
  if (end == cell)
    *seconds = NAN;
}

static void
parse_stored_row (const char *line,
                  Peer       *peer)
{
  g_auto(GStrv) cells = g_strsplit (line, "|", -1);
  guint n_cells = g_strv_length (cells);

  /* "", tool, load, disk, dyad, all, correct, "" */
  if (n_cells < 7)
    return;
  for (guint i = 0; i < n_cells; i++)
    g_strstrip (cells[i]);
  peer->have = TRUE;
  parse_time_cell (cells[2], &peer->load_s, &peer->load_kib);
  peer->disk_bytes = g_ascii_strtod (cells[3], NULL) * MIB;
  parse_time_cell (cells[4], &peer->dyad_s, &peer->dyad_kib);
  parse_time_cell (cells[5], &peer->all_s, &peer->all_kib);
  peer->correct = g_strdup (cells[6]);
}

/* The same series, warm, inside one DuckDB process (the queries of
 * stored_duckdb.js), with the time of opening the database. */
static const char warm_duckdb_js[] =
  "// bench-store: stored_duckdb.js's queries, warm, in one process.\n"
  "// node bench_store_warm.js DB RUNS\n"
  "const { DuckDBInstance } = require('@duckdb/node-api');\n"
  "(async () => {\n"
  "  const [db, runs] = process.argv.slice(2);\n"
  "  let t = process.hrtime.bigint();\n"
  "  const inst = await DuckDBInstance.create(db);\n"
  "  const con = await inst.connect();\n"
  "  const ms = () => { const n = process.hrtime.bigint(); const d = Number(n - t) / 1e6; t = n; return d; };\n"
  "  console.log(`open_ms ${ms()}`);\n"
  "  for (const cmd of ['dyad', 'all']) {\n"
  "    const where = cmd === 'dyad' ? `WHERE (a1 = 'PAK' AND a2 = 'RUS') OR (a1 = 'RUS' AND a2 = 'PAK')` : '';\n"
  "    const times = [];\n"
  "    let s = '';\n"
  "    for (let r = -1; r < Number(runs); r++) {\n"
  "      ms();\n"
  "      const res = await con.runAndReadAll(`\n"
  "        SELECT sqldate // 100 AS month, count(*) AS n, sum(gold) AS g,\n"
  "               count(*) FILTER (WHERE quad = 1), count(*) FILTER (WHERE quad = 2),\n"
  "               count(*) FILTER (WHERE quad = 3), count(*) FILTER (WHERE quad = 4)\n"
  "        FROM ev ${where} GROUP BY month ORDER BY month`);\n"
  "      s = '';\n"
  "      for (const [m, n, g, q1, q2, q3, q4] of res.getRows())\n"
  "        s += `${m}\\t${n}\\t${Number(g).toFixed(1)}\\t${q1}\\t${q2}\\t${q3}\\t${q4}\\n`;\n"
  "      const d = ms();\n"
  "      if (r >= 0) times.push(d);\n"
  "    }\n"
  "    times.sort((a, b) => a - b);\n"
  "    console.log(`${cmd}_ms ${times[Math.floor(times.length / 2)]}`);\n"
  "    console.log(`begin ${cmd}\\n${s}end ${cmd}`);\n"
  "  }\n"
  "})().catch(e => { console.error(e); process.exit(1); });\n";

static const char sqlite_dyad_query[] =
  "SELECT SQLDATE / 100 AS month, count(*), printf('%.1f', sum(GoldsteinScale)),\n"
  "       sum(QuadClass = 1), sum(QuadClass = 2), sum(QuadClass = 3), sum(QuadClass = 4)\n"
  "FROM events\n"
  "WHERE (Actor1CountryCode = 'PAK' AND Actor2CountryCode = 'RUS')\n"
  "   OR (Actor1CountryCode = 'RUS' AND Actor2CountryCode = 'PAK')\n"
  "GROUP BY month ORDER BY month;\n";

static const char sqlite_all_query[] =
  "SELECT SQLDATE/100, count(*), printf('%.1f', sum(GoldsteinScale)), sum(QuadClass=1), "
  "sum(QuadClass=2), sum(QuadClass=3), sum(QuadClass=4) FROM events GROUP BY 1 ORDER BY 1;\n";

/* The text between "begin TAG" and "end TAG" lines. */
static char *
block_of (const char *output,
          const char *tag)
{
  g_autofree char *begin = g_strdup_printf ("begin %s\n", tag);
  g_autofree char *end = g_strdup_printf ("end %s", tag);
  const char *start = strstr (output, begin);
  const char *stop;

  if (start == NULL)
    return g_strdup ("");
  start += strlen (begin);
  stop = strstr (start, end);
  return stop != NULL ? g_strndup (start, (gsize) (stop - start)) : g_strdup (start);
}

static void
warm_duckdb (Bench      *bench,
             Size       *size,
             const char *database)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *script = g_build_filename (bench->anchors, "bench_store_warm.js", NULL);
  g_autofree char *runs = g_strdup_printf ("%d", MAX (bench->runs, 5));
  const char *argv[] = { "node", script, database, runs, NULL };
  Run run = { 0 };

  if (!g_file_set_contents (script, warm_duckdb_js, -1, &error) ||
      !run_process (bench, argv, NULL, NULL, &run, &error))
    {
      size->duckdb.warm_note = g_strdup (error->message);
    }
  else
    {
      g_autofree char *dyad = block_of (run.out, "dyad");
      g_autofree char *all = block_of (run.out, "all");

      size->duckdb.have_warm = TRUE;
      size->duckdb.open_ms = value_of (run.out, "open_ms");
      size->duckdb.warm_dyad_ms = value_of (run.out, "dyad_ms");
      size->duckdb.warm_all_ms = value_of (run.out, "all_ms");
      size->duckdb.warm_dyad_ok = bench_check_table (dyad, &size->dyad, NULL);
      size->duckdb.warm_all_ok = bench_check_table (all, &size->all, NULL);
    }
  run_clear (&run);
}

/* "Run Time: real 0.123 …" after each statement of .timer on. */
static void
warm_sqlite (Bench      *bench,
             Size       *size,
             const char *database)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) script = g_string_new (".mode tabs\n.timer on\n");
  g_autofree char *script_path = g_build_filename (bench->work, "bench_store_warm.sql", NULL);
  g_autofree char *read = NULL;
  int runs = MAX (bench->runs, 5);
  Run run = { 0 };

  for (int r = -1; r < runs; r++)
    g_string_append (script, sqlite_dyad_query);
  for (int r = -1; r < runs; r++)
    g_string_append (script, sqlite_all_query);
  read = g_strdup_printf (".read %s", script_path);
  if (!g_file_set_contents (script_path, script->str, -1, &error))
    size->sqlite.warm_note = g_strdup (error->message);
  else
    {
      const char *argv[] = { "sqlite3", database, read, NULL };

      if (!run_process (bench, argv, NULL, NULL, &run, &error))
        size->sqlite.warm_note = g_strdup (error->message);
      else
        {
          g_auto(GStrv) lines = g_strsplit (run.out, "\n", -1);
          g_autoptr(GString) block = g_string_new (NULL);
          double *dyad = g_new0 (double, runs);
          double *all = g_new0 (double, runs);
          int statement = 0;

          size->sqlite.warm_dyad_ok = size->sqlite.warm_all_ok = TRUE;
          for (guint i = 0; lines[i] != NULL; i++)
            {
              const char *time = strstr (lines[i], "Run Time: real ");
              gboolean is_dyad = statement < runs + 1;
              int r = is_dyad ? statement - 1 : statement - runs - 2;

              if (time == NULL)
                {
                  g_string_append_printf (block, "%s\n", lines[i]);
                  continue;
                }
              if (r >= 0)
                (is_dyad ? dyad : all)[r] = g_ascii_strtod (time + 15, NULL) * 1e3;
              if (is_dyad)
                size->sqlite.warm_dyad_ok &= bench_check_table (block->str, &size->dyad, NULL);
              else
                size->sqlite.warm_all_ok &= bench_check_table (block->str, &size->all, NULL);
              g_string_truncate (block, 0);
              statement++;
            }
          if (statement == 2 * (runs + 1))
            {
              size->sqlite.have_warm = TRUE;
              size->sqlite.warm_dyad_ms = bench_median (dyad, runs);
              size->sqlite.warm_all_ms = bench_median (all, runs);
            }
          else
            size->sqlite.warm_note = g_strdup_printf ("%d timings read from sqlite3, not %d",
                                                      statement, 2 * (runs + 1));
          g_free (dyad);
          g_free (all);
        }
    }
  g_unlink (script_path);
  run_clear (&run);
}

/* DuckDB alone, as stored.sh runs it: load, dyad series, all-events
 * series, each a process; then warm, in one process. */
static void
duckdb_alone (Bench      *bench,
              Size       *size,
              const char *stored,
              const char *database)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *script = g_build_filename (bench->anchors, "stored_duckdb.js", NULL);
  g_autofree char *modules = g_build_filename (bench->anchors, "node_modules", "@duckdb", "node-api", NULL);
  g_autofree char *wal = g_strconcat (database, ".wal", NULL);
  const char *npm[] = { "npm", "ci", "--no-audit", "--no-fund", NULL };
  const char *load[] = { "node", script, "load", size->plain, database, NULL };
  const char *dyad[] = { "node", script, "dyad", database, NULL };
  const char *all[] = { "node", script, "all", database, NULL };
  Peer *peer = &size->duckdb;
  Run run = { 0 };

  peer->load_s = peer->dyad_s = peer->all_s = NAN;
  g_mkdir_with_parents (stored, 0755);
  g_unlink (database);
  g_unlink (wal);
  if (!g_file_test (modules, G_FILE_TEST_IS_DIR))
    {
      g_autofree char *here = g_get_current_dir ();

      if (g_chdir (bench->anchors) != 0 || !run_process (bench, npm, NULL, NULL, &run, &error))
        {
          char *note = g_strdup_printf ("%s; npm ci failed: %s", size->peers_note,
                                        error != NULL ? error->message : g_strerror (errno));

          g_free (size->peers_note);
          size->peers_note = note;
          (void) g_chdir (here);
          run_clear (&run);
          return;
        }
      (void) g_chdir (here);
    }
  fprintf (stderr, "[%s] DuckDB alone: loading …\n", size->label);
  prepare_cache (size->plain);
  if (run_process (bench, load, NULL, NULL, &run, &error))
    {
      peer->have = TRUE;
      peer->load_s = run.wall;
      peer->load_kib = run.rss_kib;
      peer->disk_bytes = (double) bench_file_size (database);
      prepare_cache (database);
      fprintf (stderr, "[%s] DuckDB alone: series …\n", size->label);
      if (run_process (bench, dyad, NULL, NULL, &run, &error))
        {
          peer->dyad_s = run.wall;
          peer->dyad_kib = run.rss_kib;
          peer->correct = g_strdup (bench_check_table (run.out, &size->dyad, NULL) ? "yes" : "NO");
        }
      if (error == NULL && run_process (bench, all, NULL, NULL, &run, &error))
        {
          peer->all_s = run.wall;
          peer->all_kib = run.rss_kib;
        }
      if (error == NULL)
        warm_duckdb (bench, size, database);
    }
  if (error != NULL)
    {
      char *note = g_strdup_printf ("%s; DuckDB failed: %s", size->peers_note, error->message);

      g_free (size->peers_note);
      size->peers_note = note;
      peer->have = peer->have && !isnan (peer->dyad_s);
    }
  if (!bench->keep)
    {
      g_unlink (database);
      g_unlink (wal);
    }
  run_clear (&run);
}

static gboolean
has_tool (const char *name)
{
  g_autofree char *path = g_find_program_in_path (name);

  return path != NULL;
}

static void
step_peers (Bench *bench,
            Size  *size)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *script = g_build_filename (bench->anchors, "stored.sh", NULL);
  g_autofree char *peers_work = g_build_filename (bench->work, "peers", NULL);
  g_autofree char *stored = g_build_filename (peers_work, "stored", NULL);
  g_autofree char *duckdb = g_build_filename (stored, "d.duckdb", NULL);
  g_autofree char *sqlite = g_build_filename (stored, "d.sqlite", NULL);
  g_autofree char *extra_load = NULL;
  g_autofree char *extra_dyad = NULL;
  g_autofree char *extra_all = NULL;
  const char *ext = g_str_has_suffix (size->db, ".json") ? "json" : "bilat";
  double seconds = NAN;
  guint64 disk = 0;
  Run run = { 0 };

  if (bench->no_peers)
    {
      size->peers_note = g_strdup ("peers not run (--no-peers)");
      return;
    }
  if (size->piped)
    {
      size->peers_note = g_strdup ("peers skipped: the rows went through a pipe, there is no "
                                   "plain file to load");
      return;
    }
  if (!has_tool ("sqlite3") || !has_tool ("node") || !has_tool ("npm") ||
      !g_file_test ("/usr/bin/time", G_FILE_TEST_IS_EXECUTABLE))
    {
      size->peers_note = g_strdup ("peers skipped: sqlite3, node, npm or /usr/bin/time missing "
                                   "(apt-get install sqlite3 nodejs npm time)");
      return;
    }
  /* At the rate of the size before (or issue 9's: 13 s for DuckDB and
   * 14 s for sqlite3 per million rows, ≈ 520 bytes per row on disk). */
  if (bench->last_n > 0)
    {
      seconds = bench->peer_seconds / bench->last_n * size->n;
      disk = (guint64) ((bench->duckdb_bytes_per_event + bench->sqlite_bytes_per_event +
                         bench->native_bytes_per_event) * size->n);
    }
  else
    {
      seconds = 27e-6 * size->n;
      disk = (guint64) (640.0 * size->n);
    }
  if (seconds > bench->peer_limit || free_bytes (bench->work) < disk + (2ULL << 30))
    {
      g_autofree char *why = NULL;
      double duck_seconds = bench->duckdb_load_per_event * size->n;
      guint64 duck_disk = (guint64) (bench->duckdb_bytes_per_event * size->n);

      if (seconds > bench->peer_limit)
        why = g_strdup_printf ("at the rate measured at %s (stored.sh took %.0f s for %"
                               G_GUINT64_FORMAT " rows, %.1f µs a row), stored.sh would take "
                               "≈ %.0f min here (over --peer-limit %.0f s)",
                               bench->last_n > 0 ? "the size before" : "issue 9",
                               bench->last_n > 0 ? bench->peer_seconds : 27.0,
                               bench->last_n > 0 ? bench->last_n : 1000000,
                               bench->last_n > 0 ? bench->peer_seconds / bench->last_n * 1e6 : 27.0,
                               seconds / 60, bench->peer_limit);
      else
        why = g_strdup_printf ("the databases of stored.sh (DuckDB, sqlite3 and bilat's own "
                               "copy) would need ≈ %.0f GB at the sizes per row measured at the "
                               "size before, and %.0f GB are free", disk / 1e9,
                               free_bytes (bench->work) / 1e9);
      /* DuckDB alone, the peer of the targets, where it fits. */
      if (bench->last_n > 0 && duck_seconds <= bench->peer_limit &&
          free_bytes (bench->work) >= duck_disk + (2ULL << 30))
        {
          size->peers_note = g_strdup_printf ("stored.sh skipped: %s. sqlite3 is skipped; DuckDB "
                                              "runs alone, through the anchors' stored_duckdb.js "
                                              "as stored.sh runs it (≈ %.1f min and %.1f GB at "
                                              "the rate of the size before: %.1f µs and %.0f "
                                              "bytes a row)", why, duck_seconds / 60,
                                              duck_disk / 1e9,
                                              bench->duckdb_load_per_event * 1e6,
                                              bench->duckdb_bytes_per_event);
          duckdb_alone (bench, size, stored, duckdb);
          return;
        }
      size->peers_note = g_strdup_printf ("peers skipped: %s", why);
      return;
    }

  extra_load = g_strdup_printf ("%s import FILE -o DB.%s", bench->bilat, ext);
  extra_dyad = g_strdup_printf ("%s --data DB.%s series --dyad PAK,RUS --by month --tsv",
                                bench->bilat, ext);
  extra_all = g_strdup_printf ("%s --data DB.%s series --by month --tsv", bench->bilat, ext);
  /* bilat's series commands go in only if they worked above: stored.sh
   * stops at the first command that fails. */
  {
    gboolean extras = size->process_dyad_ok && size->process_all_ok;
    const char *argv[] = { "bash", script, size->plain, "--expected", size->expected_path,
                           "--extra-load", extra_load,
                           extras ? "--extra-dyad" : NULL, extra_dyad, "--extra-all", extra_all, NULL };

    fprintf (stderr, "[%s] running stored.sh (DuckDB, sqlite3, bilat) …\n", size->label);
    g_setenv ("BENCH_WORK", peers_work, TRUE);
    prepare_cache (size->plain);
    if (!run_process (bench, argv, NULL, NULL, &run, &error))
      {
        const char *bare[] = { "bash", script, size->plain, "--expected", size->expected_path, NULL };

        size->peers_note = g_strdup_printf ("stored.sh failed with bilat's commands (%s); run "
                                            "again without them", error->message);
        g_clear_error (&error);
        fprintf (stderr, "[%s] running stored.sh again, without bilat …\n", size->label);
        prepare_cache (size->plain);
        if (!run_process (bench, bare, NULL, NULL, &run, &error))
          {
            char *note = g_strdup_printf ("%s; stored.sh failed again: %s", size->peers_note,
                                          error->message);

            g_free (size->peers_note);
            size->peers_note = note;
            run_clear (&run);
            return;
          }
      }
    else if (!extras)
      size->peers_note = g_strdup ("stored.sh ran with `bilat import` only: bilat's series "
                                   "commands failed above");
  }
  size->stored_seconds = run.wall;
  size->stored_table = g_strdup (run.out);
  {
    g_auto(GStrv) lines = g_strsplit (run.out, "\n", -1);

    for (guint i = 0; lines[i] != NULL; i++)
      if (g_str_has_prefix (lines[i], "| DuckDB |"))
        parse_stored_row (lines[i], &size->duckdb);
      else if (g_str_has_prefix (lines[i], "| sqlite3"))
        parse_stored_row (lines[i], &size->sqlite);
      else if (g_str_has_prefix (lines[i], "| extra |"))
        parse_stored_row (lines[i], &size->extra);
  }
  if (bench_file_size (duckdb) > 0)
    size->duckdb.disk_bytes = (double) bench_file_size (duckdb);
  if (bench_file_size (sqlite) > 0)
    size->sqlite.disk_bytes = (double) bench_file_size (sqlite);
  run_clear (&run);

  fprintf (stderr, "[%s] DuckDB and sqlite3, warm, in one process each …\n", size->label);
  prepare_cache (duckdb);
  warm_duckdb (bench, size, duckdb);
  prepare_cache (sqlite);
  warm_sqlite (bench, size, sqlite);

  bench->peer_seconds = size->stored_seconds;
  if (size->duckdb.have && !isnan (size->duckdb.load_s))
    bench->duckdb_load_per_event = size->duckdb.load_s / size->n;
  bench->duckdb_bytes_per_event = size->duckdb.disk_bytes / size->n;
  bench->sqlite_bytes_per_event = size->sqlite.disk_bytes / size->n;
  bench->last_n = size->n;
  if (!bench->keep)
    {
      g_autofree char *wal = g_strconcat (duckdb, ".wal", NULL);
      g_autofree char *x = g_build_filename (stored, "x.", NULL);
      g_autofree char *x_db = g_strconcat (x, ext, NULL);

      g_unlink (duckdb);
      g_unlink (wal);
      g_unlink (sqlite);
      g_unlink (x_db);
    }
}

/* ------------------------------------------------------------------ */
/* The table                                                            */
/* ------------------------------------------------------------------ */

static void
row (const char *figure,
     char       *bilat,
     const char *target,
     const char *met,
     char       *duckdb,
     char       *sqlite)
{
  printf ("| %s | %s | %s | %s | %s | %s |\n", figure, bilat != NULL ? bilat : "—",
          target != NULL ? target : "", met != NULL ? met : "",
          duckdb != NULL ? duckdb : "—", sqlite != NULL ? sqlite : "—");
  g_free (bilat);
  g_free (duckdb);
  g_free (sqlite);
}

static const char *
met (gboolean have,
     gboolean ok)
{
  return !have ? "—" : ok ? "yes" : "**no**";
}

static const char *
yes_no (gboolean ok)
{
  return ok ? "yes" : "**NO**";
}

/* bilat's own times to the millisecond; the peers' come from
 * /usr/bin/time, to the hundredth. */
static char *
seconds_rss (double seconds,
             long   kib)
{
  if (isnan (seconds))
    return NULL;
  return g_strdup_printf ("%.3f s, %.0f MiB", seconds, kib / 1024.0);
}

static char *
peer_seconds_rss (double seconds,
                  long   kib)
{
  if (isnan (seconds))
    return NULL;
  return g_strdup_printf ("%.2f s, %.0f MiB", seconds, kib / 1024.0);
}

/* sqlite3's .timer prints milliseconds. */
static char *
sqlite_ms (double      ms,
           const char *note)
{
  if (ms <= 0)
    return g_strdup_printf ("< 1 ms (%s)", note);
  return g_strdup_printf ("%.0f ms (%s)", ms, note);
}

static char *
peer_load (const Peer *peer,
           const Size *size)
{
  if (!peer->have || isnan (peer->load_s))
    return NULL;
  return g_strdup_printf ("%.1f s (%.0f MB/s), %.0f MiB", peer->load_s,
                          size->plain_bytes / peer->load_s / 1e6, peer->load_kib / 1024.0);
}

static char *
ratio_text (double ours,
            double theirs)
{
  if (isnan (ours) || isnan (theirs) || ours <= 0)
    return g_strdup ("");
  return g_strdup_printf (" (%.1f× DuckDB)", theirs / ours);
}

static void
print_queries (const Size    *size,
               const Queries *q,
               const char    *from)
{
  const Peer *duck = &size->duckdb;
  const Peer *lite = &size->sqlite;
  gboolean at_scale = size->n >= 10000000;
  double vs_duck = duck->have_warm ? duck->warm_all_ms / q->all_ms : NAN;
  g_autofree char *find = g_strdup_printf ("dyad query `bilat_store_find_events (\"dyad:PAK,RUS\")`, warm → %" G_GUINT64_FORMAT " events%s", q->found, from);
  g_autofree char *dyad = g_strdup_printf ("dyad monthly series `bilat_store_compute_series`, warm%s", from);
  g_autofree char *all = g_strdup_printf ("monthly series over every event, warm%s", from);
  g_autofree char *all_met = g_strdup_printf ("%s%s", met (TRUE, q->all_ms < 100 && (isnan (vs_duck) || vs_duck >= 3)),
                                              isnan (vs_duck) ? "" : vs_duck >= 3 ? " (3× DuckDB: yes)" : " (3× DuckDB: no)");

  row (find, g_strdup_printf ("%.3f ms", q->find_ms), at_scale ? "< 1 ms (at 10 M)" : "(< 1 ms at 10 M)",
       met (TRUE, q->find_ms < 1), NULL, NULL);
  row (dyad, g_strdup_printf ("%.3f ms", q->dyad_ms), at_scale ? "< 5 ms (at 10 M)" : "(< 5 ms at 10 M)",
       met (TRUE, q->dyad_ms < 5),
       duck->have_warm ? g_strdup_printf ("%.1f ms (warm, in one process)", duck->warm_dyad_ms) : NULL,
       lite->have_warm ? sqlite_ms (lite->warm_dyad_ms, "warm, indexed") : NULL);
  row (all, g_strdup_printf ("%.1f ms (first after open: %.1f ms)%s", q->all_ms, q->first_all_ms,
                             ratio_text (q->all_ms, duck->have_warm ? duck->warm_all_ms : NAN)),
       "< 100 ms, ≥ 3× faster than DuckDB", all_met,
       duck->have_warm ? g_strdup_printf ("%.1f ms (warm, in one process)", duck->warm_all_ms) : NULL,
       lite->have_warm ? sqlite_ms (lite->warm_all_ms, "warm") : NULL);
  row ("dyad series = generator's answer (counts, Goldstein tenths, QuadClass); find_events count",
       g_strdup_printf ("%s; %s", yes_no (q->dyad_ok), yes_no (q->found_ok)), "exact",
       met (TRUE, q->dyad_ok && q->found_ok),
       duck->have_warm ? g_strdup (yes_no (duck->warm_dyad_ok)) : NULL,
       lite->have_warm ? g_strdup (yes_no (lite->warm_dyad_ok)) : NULL);
  row ("all-events series = generator's answer", g_strdup (yes_no (q->all_ok)), "exact",
       met (TRUE, q->all_ok),
       duck->have_warm ? g_strdup (yes_no (duck->warm_all_ok)) : NULL,
       lite->have_warm ? g_strdup (yes_no (lite->warm_all_ok)) : NULL);
}

static void
print_size (Bench *bench,
            Size  *size)
{
  const Peer *duck = &size->duckdb;
  const Peer *lite = &size->sqlite;
  g_autofree char *load_after = load_average ();
  double mbps = size->import_ok ? size->plain_bytes / size->import_wall / 1e6 : NAN;
  double disk_per_event = size->import_ok ? (double) size->db_bytes / size->n : NAN;
  double anon_per_event = size->open_ok ? size->anon_bytes / size->n : NAN;

  printf ("\n### %s events: %.2f GB of GDELT 2.0 rows (%.0f bytes a row), %" G_GUINT64_FORMAT
          " PAK–RUS events\n\n", size->label, size->plain_bytes / 1e9,
          (double) size->plain_bytes / size->n, bench_expected_total (&size->dyad));
  if (size->piped)
    printf ("The rows were generated as they were written: straight into `bilat import /dev/stdin` "
            "through a pipe (the generator alone: %.0f MB/s on one core; on this 2-core machine "
            "it shares the CPUs with the import).\n", bench->generator_mbps);
  else
    printf ("The plain file was %s before the import.\n",
            size->plain_cached ? "evicted from the page cache and read back once (warm, as bench-import does)"
                               : "evicted from the page cache (larger than ¾ of the free memory: read from disk)");
  printf ("Load average (1, 5, 15 min) before: %s; after: %s.\n\n", size->load_before, load_after);

  printf ("| figure | bilat | target | met | DuckDB | sqlite3 |\n");
  printf ("|---|---:|---|:---:|---:|---:|\n");

  /* import */
  if (size->import_ok)
    {
      g_autofree char *figure = g_strdup_printf ("import: `bilat import %s -o DB.%s`, wall (median of %d)",
                                                 size->piped ? "/dev/stdin" : "FILE",
                                                 g_str_has_suffix (size->db, ".json") ? "json" : "bilat",
                                                 size->import_runs);

      row (figure, g_strdup_printf ("%.2f s", size->import_wall), NULL, NULL,
           peer_load (duck, size), peer_load (lite, size));
      row ("import: MB/s of input", g_strdup_printf ("%.0f MB/s", mbps), "≥ 500 MB/s",
           met (TRUE, mbps >= 500),
           duck->have ? g_strdup_printf ("%.0f MB/s", size->plain_bytes / duck->load_s / 1e6) : NULL,
           lite->have ? g_strdup_printf ("%.0f MB/s", size->plain_bytes / lite->load_s / 1e6) : NULL);
      row ("import: peak RSS", g_strdup_printf ("%.0f MiB", size->import_rss_kib / 1024.0), NULL, NULL,
           duck->have ? g_strdup_printf ("%.0f MiB", duck->load_kib / 1024.0) : NULL,
           lite->have ? g_strdup_printf ("%.0f MiB", lite->load_kib / 1024.0) : NULL);
      row ("import: events kept", g_strdup_printf ("%" G_GUINT64_FORMAT, size->kept),
           "all", met (TRUE, size->kept == size->n), NULL, NULL);
      row ("on disk, bytes per event (incl. URLs)",
           g_strdup_printf ("%.1f B (%.0f MB)", disk_per_event, size->db_bytes / 1e6), "≤ 120 B",
           met (TRUE, disk_per_event <= 120),
           duck->have ? g_strdup_printf ("%.1f B (%.0f MB)", duck->disk_bytes / size->n, duck->disk_bytes / 1e6) : NULL,
           lite->have ? g_strdup_printf ("%.1f B (%.0f MB)", lite->disk_bytes / size->n, lite->disk_bytes / 1e6) : NULL);
    }
  else
    row ("import", g_strdup_printf ("failed: %s", size->import_error ? size->import_error : "?"),
         "≥ 500 MB/s", "**no**", peer_load (duck, size), peer_load (lite, size));

  /* open */
  if (size->open_ok)
    {
      g_autofree char *figure = g_strdup_printf ("open (`bilat_store_load_from_path`), file %s, median of %d processes",
                                                 size->db_cached ? "in the page cache" : "read from disk (larger than ¾ of the free memory)",
                                                 size->open_runs);

      row (figure, g_strdup_printf ("%.2f ms", size->open_ms), "< 10 ms", met (TRUE, size->open_ms < 10),
           duck->have_warm ? g_strdup_printf ("%.1f ms (instance + connect)", duck->open_ms) : NULL, NULL);
      row ("open, file evicted from the page cache",
           isnan (size->open_cold_ms) ? NULL : g_strdup_printf ("%.2f ms", size->open_cold_ms),
           "< 10 ms", met (!isnan (size->open_cold_ms), size->open_cold_ms < 10), NULL, NULL);
      row ("RAM after open, per event (RssAnon after − before)",
           g_strdup_printf ("%.1f B (%.0f MiB; mapped file pages resident: %.0f MiB)", anon_per_event,
                            size->anon_bytes / MIB, size->file_bytes / MIB),
           "≤ 100 B", met (TRUE, anon_per_event <= 100), NULL, NULL);
      row ("RAM after the queries, per event (RssAnon)",
           g_strdup_printf ("%.1f B", size->anon_after_queries / size->n), "≤ 100 B",
           met (TRUE, size->anon_after_queries / size->n <= 100), NULL, NULL);
      row ("events in the store (`bilat_store_get_events`)", g_strdup_printf ("%" G_GUINT64_FORMAT, size->events),
           "all", met (TRUE, size->events_ok), NULL, NULL);
    }
  else
    row ("open (`bilat_store_load_from_path`)",
         g_strdup_printf ("failed: %s", size->open_error ? size->open_error : "?"), "< 10 ms", "**no**",
         NULL, NULL);

  if (size->queries.n > 0)
    print_queries (size, &size->queries, "");
  else if (size->json_queries.n > 0)
    print_queries (size, &size->json_queries, " [store loaded from JSON: the native file could not be opened]");
  if (size->queries.n > 0 && size->json_queries.n > 0)
    row ("series and dyad query on the store loaded from JSON = generator's answer",
         g_strdup_printf ("%s", yes_no (size->json_queries.dyad_ok && size->json_queries.all_ok &&
                                        size->json_queries.found_ok)),
         "exact", met (TRUE, size->json_queries.dyad_ok && size->json_queries.all_ok &&
                             size->json_queries.found_ok), NULL, NULL);

  /* whole processes */
  if (size->process_dyad_ok || duck->have || lite->have)
    {
      g_autofree char *runs = size->process_runs > 0 ? g_strdup_printf (" (median of %d)", size->process_runs) : g_strdup ("");
      g_autofree char *figure = g_strdup_printf ("process: `bilat --data DB series --dyad PAK,RUS --by month --tsv`%s, peak RSS (bilat's counts the mapped file's pages)", runs);

      row (figure, size->process_dyad_ok ? seconds_rss (size->process_dyad_s, size->process_dyad_kib)
                                         : g_strdup ("failed (below)"), NULL, NULL,
           duck->have ? peer_seconds_rss (duck->dyad_s, duck->dyad_kib) : NULL,
           lite->have ? peer_seconds_rss (lite->dyad_s, lite->dyad_kib) : NULL);
    }
  if (size->process_all_ok || duck->have || lite->have)
    {
      double vs = duck->have && size->process_all_ok ? duck->all_s / size->process_all_s : NAN;
      g_autofree char *bilat = seconds_rss (size->process_all_s, size->process_all_kib);

      row ("process: `bilat --data DB series --by month --tsv`, peak RSS (as above)",
           size->process_all_ok ? g_strdup_printf ("%s%s", bilat, ratio_text (size->process_all_s, duck->have ? duck->all_s : NAN))
                                : g_strdup ("failed (below)"),
           "≥ 3× faster than DuckDB", met (!isnan (vs), vs >= 3),
           duck->have ? peer_seconds_rss (duck->all_s, duck->all_kib) : NULL,
           lite->have ? peer_seconds_rss (lite->all_s, lite->all_kib) : NULL);
    }
  if (size->process_dyad_ok || size->process_all_ok || duck->have || lite->have)
    row ("process: answers = generator's (dyad; all events)",
         size->process_dyad_ok || size->process_all_ok
           ? g_strdup_printf ("%s; %s", yes_no (size->process_dyad_correct), yes_no (size->process_all_correct))
           : NULL,
         "exact", met (size->process_dyad_ok || size->process_all_ok,
                       size->process_dyad_correct && size->process_all_correct),
         duck->have ? g_strdup_printf ("%s; —", duck->correct) : NULL,
         lite->have ? g_strdup_printf ("%s; —", lite->correct) : NULL);
  if (size->process_error != NULL || size->process_why != NULL)
    row ("process", g_strdup_printf ("failed: %s", size->process_error ? size->process_error : size->process_why),
         NULL, "**no**", NULL, NULL);

  /* JSON */
  if (size->json_save_native_s > 0)
    row ("JSON save from the opened native store (`bilat_store_save_to_path`)",
         g_strdup_printf ("%.1f s, %.0f MB/s; peak RSS − RSS before: %.0f MiB (mapped pages count)",
                          size->json_save_native_s, size->json_bytes / size->json_save_native_s / 1e6,
                          size->json_save_native_over_kib / 1024.0),
         "≥ 150 MB/s", met (TRUE, size->json_bytes / size->json_save_native_s / 1e6 >= 150), NULL, NULL);
  if (size->json_load_ok)
    {
      double load_mbps = size->json_bytes / size->json_load_s / 1e6;
      double over = (size->json_load_peak_kib - size->json_load_final_kib) / 1024.0;
      g_autofree char *figure = g_strdup_printf ("JSON load (%.0f MB, %.0f B per event) into a new store",
                                                 size->json_bytes / 1e6, (double) size->json_bytes / size->n);

      row (figure, g_strdup_printf ("%.1f s, %.0f MB/s", size->json_load_s, load_mbps), "≥ 150 MB/s",
           met (TRUE, load_mbps >= 150), NULL, NULL);
      row ("JSON load: peak RSS − final store's RSS",
           g_strdup_printf ("%.0f MiB (peak %.0f MiB, store %.0f MiB)", over,
                            size->json_load_peak_kib / 1024.0, size->json_load_final_kib / 1024.0),
           "≤ 64 MiB", met (TRUE, over <= 64), NULL, NULL);
    }
  if (size->json_resave_ok)
    {
      double save_mbps = size->json_bytes / size->json_save_s / 1e6;
      double over = size->json_save_over_kib / 1024.0;

      row ("JSON save of that store", g_strdup_printf ("%.1f s, %.0f MB/s", size->json_save_s, save_mbps),
           "≥ 150 MB/s", met (TRUE, save_mbps >= 150), NULL, NULL);
      row ("JSON save: peak RSS − store's RSS",
           g_strdup_printf ("%.0f MiB (store %.0f MiB)", over, size->json_save_before_kib / 1024.0),
           "≤ 64 MiB", met (TRUE, over <= 64), NULL, NULL);
      row ("JSON saved again = the JSON loaded (byte for byte)",
           g_strdup (size->json_compared ? (size->json_identical ? "yes" : "no") : "not compared"),
           NULL, NULL, NULL, NULL);
    }
  if (size->json_error != NULL)
    row ("JSON", g_strdup_printf ("failed: %s", size->json_error), "≥ 150 MB/s", "**no**", NULL, NULL);
  if (size->n > 10000000)
    row ("100 M stored events fit and answer on this machine",
         g_strdup (yes_no (size->import_ok && size->open_ok && size->queries.dyad_ok &&
                           size->queries.all_ok && size->process_dyad_correct && size->process_all_correct)),
         "yes", met (TRUE, size->import_ok && size->open_ok && size->queries.dyad_ok && size->queries.all_ok &&
                           size->process_dyad_correct && size->process_all_correct),
         NULL, NULL);

  if (size->json_note != NULL)
    printf ("\n%s.\n", size->json_note);
  if (size->peers_note != NULL)
    printf ("\n%s.\n", size->peers_note);
  if (size->stored_table != NULL)
    {
      printf ("\nThe anchors' `stored.sh` on the same file in the same run (%.0f s in all; its "
              "“extra” row is bilat: `bilat import FILE -o DB`%s):\n\n%s", size->stored_seconds,
              size->process_dyad_ok && size->process_all_ok
                ? ", then the two `bilat --data DB series` commands" : "",
              size->stored_table);
    }
  if (size->duckdb.warm_note != NULL)
    printf ("\nDuckDB, warm: %s\n", size->duckdb.warm_note);
  if (size->sqlite.warm_note != NULL)
    printf ("\nsqlite3, warm: %s\n", size->sqlite.warm_note);
  printf ("\n");
  fflush (stdout);
}

static void
run_size (Bench   *bench,
          guint64  n)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *tag = NULL;
  Size size = { 0 };
  guint64 native_estimate, plain_estimate;
  double t0;

  size.n = n;
  size.label = n % 1000000 == 0 ? g_strdup_printf ("%" G_GUINT64_FORMAT " M", n / 1000000)
                                : g_strdup_printf ("%" G_GUINT64_FORMAT, n);
  tag = g_strdup_printf ("%" G_GUINT64_FORMAT, n);
  size.plain = g_strdup_printf ("%s/events-%s.export.CSV", bench->work, tag);
  size.db = g_strdup_printf ("%s/store-%s.%s", bench->work, tag, bench->store_format);
  size.json = g_strdup_printf ("%s/store-%s.json", bench->work, tag);
  if (g_str_equal (size.json, size.db))
    {
      g_free (size.json);
      size.json = g_strdup_printf ("%s/store-%s-saved.json", bench->work, tag);
    }
  size.json2 = g_strdup_printf ("%s/store-%s-again.json", bench->work, tag);
  size.expected_path = g_strdup_printf ("%s/expected-%s.json", bench->work, tag);
  size.load_before = load_average ();

  plain_estimate = (guint64) (bench_sample_get_mean_row (bench->sample) * n);
  native_estimate = (guint64) ((bench->native_bytes_per_event > 0 ? bench->native_bytes_per_event : 150) * n);
  size.piped = bench->pipe;
  if (!size.piped && free_bytes (bench->work) < plain_estimate + native_estimate + (2ULL << 30))
    {
      fprintf (stderr, "[%s] %.0f GB free, the plain file (≈ %.0f GB) and the native file (≈ %.0f GB) "
               "need more: generating through a pipe\n", size.label, free_bytes (bench->work) / 1e9,
               plain_estimate / 1e9, native_estimate / 1e9);
      size.piped = TRUE;
    }

  if (!size.piped)
    {
      BenchGenerator *generator = g_new (BenchGenerator, 1);

      fprintf (stderr, "[%s] generating %s (≈ %.1f GB) …\n", size.label, size.plain, plain_estimate / 1e9);
      t0 = now_seconds ();
      bench_generator_init (generator, bench->sample, SEED, FIRST_ID);
      if (!bench_generator_write_path (generator, size.plain, 0, n, &size.dyad, &size.all, NULL,
                                       &size.plain_bytes, &error))
        {
          fprintf (stderr, "bench-store: %s\n", error->message);
          g_unlink (size.plain);
          g_free (generator);
          bench->failed = TRUE;
          size_free (&size);
          return;
        }
      g_free (generator);
      fprintf (stderr, "[%s] %.2f GB in %.1f s\n", size.label, size.plain_bytes / 1e9, now_seconds () - t0);
    }

  if (step_import (bench, &size))
    {
      g_autofree char *db_path = g_strdup (size.db);

      bench->native_bytes_per_event = (double) size.db_bytes / n;
      if (!bench_expected_save_json (&size.dyad, size.expected_path, &error))
        {
          fprintf (stderr, "bench-store: %s\n", error->message);
          g_clear_error (&error);
        }
      step_open (bench, &size, db_path);
      step_process (bench, &size);
      if (!size.piped)
        step_json (bench, &size);
      else if (n > JSON_MAX_EVENTS)
        size.json_note = g_strdup_printf ("JSON skipped above %d M events (the file would be ≈ %.0f GB)",
                                          JSON_MAX_EVENTS / 1000000, n * 930.0 / 1e9);
      else
        size.json_note = g_strdup ("JSON skipped: the rows went through a pipe");
      if (!bench->keep)
        {
          g_unlink (size.json);
          g_unlink (size.json2);
        }
      step_peers (bench, &size);
    }
  else if (!size.piped)
    step_peers (bench, &size);

  print_size (bench, &size);
  if (!bench->keep)
    {
      g_unlink (size.plain);
      g_unlink (size.db);
      g_unlink (size.json);
      g_unlink (size.json2);
      g_unlink (size.expected_path);
    }
  size_free (&size);
}

/* ------------------------------------------------------------------ */
/* main                                                                 */
/* ------------------------------------------------------------------ */

static char *
find_bilat (const char *self)
{
  g_autofree char *dir = g_path_get_dirname (self);
  g_autofree char *next = g_build_filename (dir, "..", "tools", "bilat", NULL);

  if (g_file_test (next, G_FILE_TEST_IS_EXECUTABLE))
    return g_canonicalize_filename (next, NULL);
#ifdef BENCH_BILAT_TOOL
  if (g_file_test (BENCH_BILAT_TOOL, G_FILE_TEST_IS_EXECUTABLE))
    return g_strdup (BENCH_BILAT_TOOL);
#endif
  return g_find_program_in_path ("bilat");
}

static char *
default_anchors (void)
{
  g_autofree char *relative = g_build_filename ("..", "shared", "bench", "anchors", NULL);

  if (g_file_test (relative, G_FILE_TEST_IS_DIR))
    return g_canonicalize_filename (relative, NULL);
#ifdef BENCH_SOURCE_DIR
  return g_canonicalize_filename (BENCH_SOURCE_DIR "/../shared/bench/anchors", NULL);
#else
  return g_steal_pointer (&relative);
#endif
}

/* The anchors, copied to the work folder (they are read-only where they
 * are shared, and npm installs DuckDB beside them). */
static char *
copy_anchors (const char  *from,
              const char  *work,
              GError     **error)
{
  g_autofree char *to = g_build_filename (work, "anchors", NULL);
  g_autofree char *source = g_build_filename (from, ".", NULL);
  const char *argv[] = { "cp", "-r", source, to, NULL };
  int status;

  if (g_file_test (to, G_FILE_TEST_IS_DIR))
    return g_steal_pointer (&to);
  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL,
                     &status, error) ||
      !g_spawn_check_wait_status (status, error))
    return NULL;
  {
    const char *chmod_argv[] = { "chmod", "-R", "u+w", to, NULL };

    g_spawn_sync (NULL, (char **) chmod_argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL,
                  &status, NULL);
  }
  return g_steal_pointer (&to);
}

static double
measure_generator (const BenchSample *sample)
{
  BenchGenerator *generator = g_new (BenchGenerator, 1);
  BenchExpected dyad = { 0 };
  BenchExpected all = { 0 };
  FILE *null = fopen ("/dev/null", "w");
  guint64 bytes = 0;
  double t0, seconds;

  bench_generator_init (generator, sample, SEED, FIRST_ID);
  t0 = now_seconds ();
  if (null != NULL)
    {
      bench_generator_write (generator, null, "/dev/null", 0, 500000, &dyad, &all, NULL, &bytes, NULL);
      fclose (null);
    }
  seconds = now_seconds () - t0;
  g_free (generator);
  return bytes / seconds / 1e6;
}

static gboolean
parse_sizes (const char  *text,
             GArray      *sizes,
             GError     **error)
{
  g_auto(GStrv) parts = g_strsplit (text, ",", -1);

  for (guint i = 0; parts[i] != NULL; i++)
    {
      char *end;
      double value = g_ascii_strtod (g_strstrip (parts[i]), &end);
      guint64 n;

      if (*end == 'M' || *end == 'm')
        value *= 1e6, end++;
      else if (*end == 'k' || *end == 'K')
        value *= 1e3, end++;
      n = (guint64) value;
      if (end == parts[i] || *end != '\0' || n == 0)
        {
          g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                       "--events takes numbers of events separated by commas, not “%s”", parts[i]);
          return FALSE;
        }
      g_array_append_val (sizes, n);
    }
  return TRUE;
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *events = NULL;
  g_autofree char *sample_path = NULL;
  g_autofree char *anchors = NULL;
  g_autofree char *cpu = NULL;
  g_auto(GStrv) sample_paths = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GArray) sizes = g_array_new (FALSE, FALSE, sizeof (guint64));
  BenchSample *sample;
  Bench bench = { 0 };
  gboolean made_work = FALSE;
  GOptionEntry entries[] = {
    { "events", 'n', 0, G_OPTION_ARG_STRING, &events,
      "Sizes, comma-separated (1000000,10000000,100000000; 10M works too)", "N,N…" },
    { "runs", 'r', 0, G_OPTION_ARG_INT, &bench.runs, "Runs per cheap figure, median (5)", "N" },
    { "sample", 's', 0, G_OPTION_ARG_FILENAME, &sample_path,
      "Real GDELT 2.0 export to resample (all of $BILAT_SHARED_DATA/gdelt2/*.export.CSV)", "FILE" },
    { "bilat", 'b', 0, G_OPTION_ARG_FILENAME, &bench.bilat, "The bilat tool (../tools/bilat from here)", "PATH" },
    { "anchors", 'a', 0, G_OPTION_ARG_FILENAME, &anchors,
      "The anchors (../shared/bench/anchors of the checkout)", "DIR" },
    { "work", 'w', 0, G_OPTION_ARG_FILENAME, &bench.work, "Folder for the files (a new one in /tmp)", "DIR" },
    { "keep", 'k', 0, G_OPTION_ARG_NONE, &bench.keep, "Keep the generated files", NULL },
    { "no-peers", 0, 0, G_OPTION_ARG_NONE, &bench.no_peers, "Do not run DuckDB and sqlite3", NULL },
    { "pipe", 0, 0, G_OPTION_ARG_NONE, &bench.pipe,
      "Generate the rows straight into the import through a pipe, at every size", NULL },
    { "store-format", 0, 0, G_OPTION_ARG_STRING, &bench.store_format,
      "The store file the figures use: bilat (native) or json", "bilat|json" },
    { "peer-limit", 0, 0, G_OPTION_ARG_DOUBLE, &bench.peer_limit,
      "Skip the peers where their run would take longer, in seconds (1800)", "S" },
    { NULL }
  };

  if (argc >= 5 && strcmp (argv[1], "--child") == 0 && strcmp (argv[2], "load") == 0)
    return child_load (argc, argv);

  bench.runs = 5;
  bench.peer_limit = 1800;
  context = g_option_context_new ("— the store at scale (issue 9), next to sqlite3 and DuckDB");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) ||
      !parse_sizes (events != NULL ? events : "1000000,10000000,100000000", sizes, &error))
    {
      fprintf (stderr, "bench-store: %s\n", error->message);
      return 2;
    }
  bench.runs = CLAMP (bench.runs, 1, MAX_RUNS);
  if (bench.store_format == NULL)
    bench.store_format = g_strdup ("bilat");
  if (!g_str_equal (bench.store_format, "bilat") && !g_str_equal (bench.store_format, "json"))
    {
      fprintf (stderr, "bench-store: --store-format takes bilat or json\n");
      return 2;
    }
  signal (SIGPIPE, SIG_IGN);

  bench.self = g_file_read_link ("/proc/self/exe", &error);
  if (bench.self == NULL)
    {
      fprintf (stderr, "bench-store: %s\n", error->message);
      return 1;
    }
  if (bench.bilat == NULL)
    bench.bilat = find_bilat (bench.self);
  else
    {
      char *absolute = g_canonicalize_filename (bench.bilat, NULL);

      g_free (bench.bilat);
      bench.bilat = absolute;
    }
  if (bench.bilat == NULL || !g_file_test (bench.bilat, G_FILE_TEST_IS_EXECUTABLE))
    {
      fprintf (stderr, "bench-store: no bilat tool (give it with --bilat)\n");
      return 1;
    }
  if (bench.work == NULL)
    {
      bench.work = g_dir_make_tmp ("bilat-bench-store-XXXXXX", &error);
      made_work = TRUE;
      if (bench.work == NULL)
        {
          fprintf (stderr, "bench-store: %s\n", error->message);
          return 1;
        }
    }
  else
    {
      char *absolute = g_canonicalize_filename (bench.work, NULL);

      g_free (bench.work);
      bench.work = absolute;
      g_mkdir_with_parents (bench.work, 0755);
    }
  /* stored.sh replaces FILE and DB in its commands, wherever they are. */
  if (strstr (bench.work, "FILE") != NULL || strstr (bench.work, "DB") != NULL ||
      strstr (bench.bilat, "FILE") != NULL || strstr (bench.bilat, "DB") != NULL)
    {
      fprintf (stderr, "bench-store: the paths of --work and --bilat must not hold “FILE” or "
               "“DB” (stored.sh replaces them)\n");
      return 2;
    }

  if (sample_path != NULL)
    {
      sample_paths = g_new0 (char *, 2);
      sample_paths[0] = g_strdup (sample_path);
    }
  else
    sample_paths = bench_default_samples ();
  sample = bench_sample_read ((const char * const *) sample_paths, &error);
  if (sample == NULL)
    {
      fprintf (stderr, "bench-store: %s (give the sample with --sample)\n", error->message);
      return 1;
    }
  bench.sample = sample;
  bench.generator_mbps = measure_generator (sample);

  if (!bench.no_peers)
    {
      g_autofree char *from = anchors != NULL ? g_canonicalize_filename (anchors, NULL) : default_anchors ();

      bench.anchors = copy_anchors (from, bench.work, &error);
      if (bench.anchors == NULL)
        {
          fprintf (stderr, "bench-store: cannot copy the anchors from %s: %s (--no-peers to run "
                   "without them)\n", from, error->message);
          return 1;
        }
    }

  {
    g_autofree char *cpuinfo = NULL;
    g_autofree char *names = g_strjoinv (", ", sample_paths);
    g_autofree char *load = load_average ();
    const char *model;

    if (g_file_get_contents ("/proc/cpuinfo", &cpuinfo, NULL, NULL) &&
        (model = strstr (cpuinfo, "model name")) != NULL)
      {
        const char *colon = strchr (model, ':');
        const char *end = strchr (model, '\n');

        if (colon != NULL && end != NULL && colon < end)
          cpu = g_strstrip (g_strndup (colon + 1, (gsize) (end - colon - 1)));
      }
    printf ("# bench-store: the store at scale (issue 9)\n\n");
    printf ("Machine: %u CPUs (%s), %.1f GB of memory, %.0f GB free on the disk of %s; load average "
            "at start %s (other jobs may be running).\n", g_get_num_processors (),
            cpu != NULL ? cpu : "?", sysconf (_SC_PHYS_PAGES) * (double) sysconf (_SC_PAGE_SIZE) / 1e9,
            free_bytes (bench.work) / 1e9, bench.work, load);
    printf ("bilat: %s. Rows: resampled from %s (%u real rows, %.0f bytes a row on average); the "
            "generator writes %.0f MB/s on one core.\n", bench.bilat, names,
            bench_sample_get_n_rows (sample), bench_sample_get_mean_row (sample), bench.generator_mbps);
    printf ("Each bilat figure is a fresh process (peak RSS its own); “warm” figures are medians of "
            "%d runs after one more inside a process, and of up to %d processes; peers: DuckDB and "
            "sqlite3 through %s.\n", MAX (bench.runs, 5), bench.runs,
            bench.anchors != NULL ? "the anchors' stored.sh" : "(not run)");
  }

  for (guint i = 0; i < sizes->len; i++)
    run_size (&bench, g_array_index (sizes, guint64, i));

  if (!bench.keep)
    {
      g_autofree char *out = g_build_filename (bench.work, "run.out", NULL);
      g_autofree char *err = g_build_filename (bench.work, "run.err", NULL);

      g_unlink (out);
      g_unlink (err);
      if (bench.anchors != NULL)
        {
          const char *rm_argv[] = { "rm", "-rf", bench.anchors, NULL };
          g_autofree char *peers = g_build_filename (bench.work, "peers", NULL);
          const char *rm_peers[] = { "rm", "-rf", peers, NULL };

          g_spawn_sync (NULL, (char **) rm_argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL, NULL, NULL);
          g_spawn_sync (NULL, (char **) rm_peers, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL, NULL, NULL);
        }
      if (made_work)
        g_rmdir (bench.work);
    }
  bench_sample_free (sample);
  g_free (bench.work);
  g_free (bench.self);
  g_free (bench.bilat);
  g_free (bench.anchors);
  g_free (bench.store_format);

  if (bench.failed)
    {
      fprintf (stderr, "bench-store: a bilat step failed or an answer differs from the generator's\n");
      return 1;
    }
  return 0;
}
