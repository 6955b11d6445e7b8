/* bilat-events.c: machine-coded event files in the bilat tool (import, and
 * series --input)
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include <unistd.h>

#include "bilat-tool.h"

/* How many of the reported bad rows are shown on standard error. */
#define SHOWN_PROBLEMS 5

static gboolean
parse_format (Tool              *tool,
              BilatEventFormat  *format,
              GError           **error)
{
  static const struct { const char *name; BilatEventFormat format; } formats[] = {
    { "auto", BILAT_EVENT_FORMAT_AUTO },
    { "gdelt1", BILAT_EVENT_FORMAT_GDELT1 },
    { "gdelt2", BILAT_EVENT_FORMAT_GDELT2 },
    { "icews", BILAT_EVENT_FORMAT_ICEWS },
    { "mme", BILAT_EVENT_FORMAT_MME },
  };

  *format = BILAT_EVENT_FORMAT_AUTO;
  if (tool->format == NULL)
    return TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    if (g_ascii_strcasecmp (tool->format, formats[i].name) == 0)
      {
        *format = formats[i].format;
        return TRUE;
      }
  g_set_error (error, TOOL_ERROR, TOOL_ERROR_USAGE,
               "--format is auto, gdelt1, gdelt2, icews or mme (unga: UN votes, with “bilat import”), not “%s”", tool->format);
  return FALSE;
}

/* A progress line on a terminal: the bytes read of the total, the speed
 * and what is left. The library may report from several threads. */
typedef struct
{
  gboolean enabled;
  GMutex   lock;
  gint64   started;
  gint64   drawn;
} Progress;

static void
progress_init (Progress *progress)
{
  progress->enabled = isatty (STDERR_FILENO);
  g_mutex_init (&progress->lock);
  progress->started = g_get_monotonic_time ();
  progress->drawn = 0;
}

static void
on_progress (guint64  bytes_done,
             guint64  bytes_total,
             guint64  rows,
             gpointer user_data)
{
  Progress *progress = user_data;
  gint64 now = g_get_monotonic_time ();
  double seconds;
  double rate;

  if (!progress->enabled)
    return;

  g_mutex_lock (&progress->lock);
  /* Ten redraws a second are plenty, and cheap next to reading. */
  if (now - progress->drawn < G_USEC_PER_SEC / 10 && bytes_done < bytes_total)
    {
      g_mutex_unlock (&progress->lock);
      return;
    }
  progress->drawn = now;
  seconds = MAX ((now - progress->started) / (double) G_USEC_PER_SEC, 1e-3);
  rate = bytes_done / seconds;

  if (bytes_total > 0)
    {
      double left = rate > 0 ? (bytes_total - MIN (bytes_done, bytes_total)) / rate : 0;

      fprintf (stderr, "\r%5.1f%%  %8.1f of %.1f MB  %7.0f MB/s  %6.2f Mrows/s  ETA %02d:%02d \033[K",
               100.0 * bytes_done / bytes_total, bytes_done / 1e6, bytes_total / 1e6,
               rate / 1e6, rows / seconds / 1e6, (int) left / 60, (int) left % 60);
    }
  else
    fprintf (stderr, "\r%8.1f MB  %7.0f MB/s  %6.2f Mrows/s \033[K",
             bytes_done / 1e6, rate / 1e6, rows / seconds / 1e6);
  fflush (stderr);
  g_mutex_unlock (&progress->lock);
}

static void
progress_finish (Progress *progress)
{
  if (progress->enabled)
    {
      fputs ("\r\033[K", stderr);
      fflush (stderr);
    }
  g_mutex_clear (&progress->lock);
}

/* Bad rows and duplicates do not stop a reading: say how many there were
 * and show the first few, each with its file, line and field. But input
 * of which every row is bad is not event data read: that fails. */
gboolean
tool_print_import_report (BilatImportReport  *report,
                          GError            **error)
{
  guint64 bad = bilat_import_report_get_bad_rows (report);
  guint64 duplicates = bilat_import_report_get_duplicates (report);
  guint64 rows = bilat_import_report_get_rows (report);
  GPtrArray *problems = bilat_import_report_get_problems (report);

  if (bad == 0 && duplicates == 0)
    return TRUE;

  fprintf (stderr, "bilat: skipped %" G_GUINT64_FORMAT " bad row%s and %" G_GUINT64_FORMAT
           " duplicate id%s of %" G_GUINT64_FORMAT " rows\n",
           bad, bad == 1 ? "" : "s", duplicates, duplicates == 1 ? "" : "s",
           bilat_import_report_get_rows (report));
  for (guint i = 0; i < problems->len && i < SHOWN_PROBLEMS; i++)
    {
      g_autofree char *text = bilat_problem_to_string (g_ptr_array_index (problems, i));

      fprintf (stderr, "  %s\n", text);
    }
  if (problems->len > SHOWN_PROBLEMS)
    fprintf (stderr, "  … and %u more\n", problems->len - SHOWN_PROBLEMS);
  if (bad == rows)
    {
      g_set_error (error, TOOL_ERROR, TOOL_ERROR_PROBLEMS,
                   "every one of the %" G_GUINT64_FORMAT " rows read is bad: nothing was read", rows);
      return FALSE;
    }
  return TRUE;
}

/* Event files hold coded events only, without sectors: a query that asks
 * for exercises or sectors would quietly match nothing in them. */
static gboolean
check_event_file_query (Tool        *tool,
                        BilatQuery  *query,
                        GError     **error)
{
  if (!g_type_is_a (BILAT_TYPE_CODED_EVENT, bilat_query_get_event_type (query)))
    {
      g_set_error (error, TOOL_ERROR, TOOL_ERROR_USAGE,
                   "event files hold no exercises: %s would match nothing in them",
                   tool->type != NULL ? "--type exercise" : "the term type:exercise of --query");
      return FALSE;
    }
  if (bilat_query_get_sectors (query) != BILAT_SECTOR_NONE)
    {
      g_set_error (error, TOOL_ERROR, TOOL_ERROR_USAGE,
                   "the events of event files have no sectors: %s would match nothing in them",
                   tool->sectors != NULL ? "--sector" : "the term sector: of --query");
      return FALSE;
    }
  return TRUE;
}

static void
on_importer_progress (BilatImporter *importer,
                      guint64        bytes_done,
                      guint64        bytes_total,
                      guint64        rows,
                      gpointer       user_data)
{
  on_progress (bytes_done, bytes_total, rows, user_data);
}

/* An importer with the settings of the command line. */
static BilatImporter *
importer_new (Tool             *tool,
              BilatQuery       *query,
              BilatEventFormat  format,
              Progress         *progress)
{
  BilatImporter *importer = bilat_importer_new ();

  bilat_importer_set_format (importer, format);
  bilat_importer_set_query (importer, query);
  bilat_importer_set_flags (importer, tool->strict ? BILAT_IMPORT_FLAGS_STRICT : BILAT_IMPORT_FLAGS_NONE);
  g_signal_connect (importer, "progress", G_CALLBACK (on_importer_progress), progress);
  return importer;
}

static GPtrArray *
files_of (char **paths)
{
  GPtrArray *files = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; paths != NULL && paths[i] != NULL; i++)
    g_ptr_array_add (files, g_file_new_for_commandline_arg (paths[i]));
  return files;
}

/* The --jobs of the command line, checked: 1 when not given. */
static gboolean
parse_jobs (Tool     *tool,
            guint    *threads,
            GError  **error)
{
  if (tool->jobs != TOOL_JOBS_UNSET && (tool->jobs < 1 || tool->jobs > 256))
    {
      g_set_error (error, TOOL_ERROR, TOOL_ERROR_USAGE, "--jobs takes a number from 1 to 256");
      return FALSE;
    }
  *threads = tool->jobs != TOOL_JOBS_UNSET ? (guint) tool->jobs : 1;
  return TRUE;
}

BilatSeries *
tool_series_from_files (Tool             *tool,
                        BilatQuery       *query,
                        BilatSeriesUnit   unit,
                        GError          **error)
{
  g_autoptr(GPtrArray) files = files_of (tool->inputs);
  g_autoptr(BilatImportReport) report = NULL;
  g_autoptr(BilatImporter) importer = NULL;
  BilatEventFormat format;
  BilatSeries *series;
  Progress progress;
  guint threads;

  if (!parse_format (tool, &format, error) || !check_event_file_query (tool, query, error) ||
      !parse_jobs (tool, &threads, error))
    return NULL;

  progress_init (&progress);
  importer = importer_new (tool, query, format, &progress);
  bilat_importer_set_threads (importer, threads);
  series = bilat_importer_compute_series (importer, (GFile **) files->pdata, files->len, unit,
                                          &report, error);
  progress_finish (&progress);

  if (report != NULL && !tool_print_import_report (report, error))
    g_clear_object (&series);
  return series;
}

BilatPanel *
tool_panel_from_files (Tool                *tool,
                       BilatStore          *store,
                       BilatPanelSettings  *settings,
                       GError             **error)
{
  g_autoptr(GPtrArray) files = files_of (tool->inputs);
  g_autoptr(BilatImportReport) report = NULL;
  g_autoptr(BilatImporter) importer = NULL;
  BilatEventFormat format;
  BilatPanel *panel;
  Progress progress;
  guint threads;

  if (!parse_format (tool, &format, error) || !parse_jobs (tool, &threads, error))
    return NULL;
  progress_init (&progress);
  importer = importer_new (tool, NULL, format, &progress);
  bilat_importer_set_threads (importer, threads);
  panel = bilat_importer_build_panel (importer, store, settings, (GFile **) files->pdata, files->len,
                                      &report, error);
  progress_finish (&progress);
  if (report != NULL && !tool_print_import_report (report, error))
    g_clear_object (&panel);
  return panel;
}

static gboolean
save_dataset (Tool        *tool,
              BilatStore  *store,
              GError     **error)
{
  /* By the name: a native file for *.bilat, the JSON format otherwise. */
  if (g_str_has_suffix (tool->output, ".bilat"))
    {
      g_autoptr(GFile) file = g_file_new_for_path (tool->output);

      return bilat_store_save_to_native_file (store, file, NULL, error);
    }
  return bilat_store_save_to_path (store, tool->output, error);
}

/* Imports UN roll-call, issue and vote tables into a dataset. Unless
 * @sure (--format unga), returns FALSE without an error when the first
 * file is no such table, for the event readers to try. */
static gboolean
import_votes (Tool     *tool,
              char    **args,
              gboolean  sure,
              GError  **error)
{
  g_autoptr(GPtrArray) files = files_of (args);
  g_autoptr(BilatStore) store = bilat_store_new ();
  g_autoptr(BilatImportReport) report = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *first = g_file_get_parse_name (g_ptr_array_index (files, 0));

  report = bilat_store_import_votes (store, (GFile **) files->pdata, files->len,
                                     tool->strict ? BILAT_IMPORT_FLAGS_STRICT : BILAT_IMPORT_FLAGS_NONE,
                                     NULL, &local_error);
  if (report == NULL)
    {
      /* The first table is not one: event data, perhaps. */
      if (!sure && g_error_matches (local_error, BILAT_IMPORT_ERROR, BILAT_IMPORT_ERROR_UNKNOWN_FORMAT) &&
          g_str_has_prefix (local_error->message, first))
        return FALSE;
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (tool->actors != NULL || tool->dyad != NULL || tool->from != NULL || tool->to != NULL ||
      tool->query != NULL)
    {
      g_set_error (error, TOOL_ERROR, TOOL_ERROR_USAGE,
                   "the filters apply to event files: UN votes are imported whole "
                   "(choose roll calls when measuring, with “bilat affinity”)");
      return FALSE;
    }
  if (!tool_print_import_report (report, error) || !save_dataset (tool, store, error))
    return FALSE;

  fprintf (stderr, "bilat: kept %" G_GUINT64_FORMAT " of %" G_GUINT64_FORMAT
           " rows (roll calls, topics and votes) from %u file%s in %s\n",
           bilat_import_report_get_kept (report), bilat_import_report_get_rows (report),
           files->len, files->len == 1 ? "" : "s", tool->output);
  return TRUE;
}

gboolean
tool_run_import (Tool    *tool,
                 char   **args,
                 GError **error)
{
  g_autoptr(BilatQuery) query = NULL;
  g_autoptr(BilatStore) store = NULL;
  g_autoptr(BilatImportReport) total = NULL;
  g_autoptr(BilatImporter) importer = NULL;
  g_autoptr(GPtrArray) files = NULL;
  BilatEventFormat format;
  Progress progress;

  if (tool->output == NULL)
    {
      g_set_error (error, TOOL_ERROR, TOOL_ERROR_USAGE,
                   "import needs --output FILE, the dataset to write");
      return FALSE;
    }
  if (tool->format != NULL && g_ascii_strcasecmp (tool->format, "unga") == 0)
    return import_votes (tool, args, TRUE, error);
  if (!parse_format (tool, &format, error))
    return FALSE;
  /* UN votes are told by the header of the first table. */
  if (format == BILAT_EVENT_FORMAT_AUTO)
    {
      g_autoptr(GError) local_error = NULL;

      if (import_votes (tool, args, FALSE, &local_error))
        return TRUE;
      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
    }
  query = tool_build_query (tool, error);
  if (query == NULL || !check_event_file_query (tool, query, error))
    return FALSE;

  files = files_of (args);

  /* All the files in one import: the store's columns are built once. */
  progress_init (&progress);
  importer = importer_new (tool, query, format, &progress);
  if (g_str_has_suffix (tool->output, ".bilat"))
    {
      /* A native file is written as the events are put in order, with no
       * store in memory (and not when every row read is bad). */
      g_autoptr(GFile) output = g_file_new_for_path (tool->output);

      total = bilat_importer_import_to_file (importer, (GFile **) files->pdata, files->len, output, error);
      progress_finish (&progress);
      if (total == NULL || !tool_print_import_report (total, error))
        return FALSE;
    }
  else
    {
      store = bilat_store_new ();
      total = bilat_importer_import (importer, store, (GFile **) files->pdata, files->len, error);
      progress_finish (&progress);
      if (total == NULL)
        return FALSE;
      if (!tool_print_import_report (total, error) || !save_dataset (tool, store, error))
        return FALSE;
    }

  fprintf (stderr, "bilat: kept %" G_GUINT64_FORMAT " of %" G_GUINT64_FORMAT
           " events from %u file%s in %s\n",
           bilat_import_report_get_kept (total), bilat_import_report_get_rows (total),
           files->len, files->len == 1 ? "" : "s", tool->output);
  return TRUE;
}
