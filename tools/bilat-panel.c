/* bilat-panel.c: the panel command, dyad-year panels
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include <string.h>
#include <unistd.h>

#include "bilat-tool.h"

/* A year of --from or --to. */
static gboolean
parse_year (const char  *text,
            const char  *option,
            int         *year,
            GError     **error)
{
  guint64 value;

  if (!g_ascii_string_to_unsigned (text, 10, 1, 9999, &value, NULL))
    {
      g_autofree char *clean = tool_text_clean (text);

      g_set_error (error, TOOL_ERROR, TOOL_ERROR_USAGE, "%s takes a year such as 1980, not “%s”",
                   option, clean);
      return FALSE;
    }
  *year = (int) value;
  return TRUE;
}

/* The flags of --columns: codes, exercises, domains, events, affinity, all. */
static gboolean
parse_columns (const char         *text,
               BilatPanelColumns  *columns,
               GError            **error)
{
  static const struct { const char *name; BilatPanelColumns columns; } names[] = {
    { "codes", BILAT_PANEL_COLUMNS_CODES },
    { "exercises", BILAT_PANEL_COLUMNS_EXERCISES },
    { "domains", BILAT_PANEL_COLUMNS_EXERCISE_DOMAINS },
    { "events", BILAT_PANEL_COLUMNS_EVENTS },
    { "affinity", BILAT_PANEL_COLUMNS_AFFINITY },
    { "all", BILAT_PANEL_COLUMNS_ALL },
  };
  g_auto(GStrv) parts = g_strsplit (text, ",", -1);

  /* The codes come with every choice: they say which states a row is of. */
  *columns = BILAT_PANEL_COLUMNS_CODES;
  for (guint i = 0; parts[i] != NULL; i++)
    {
      const char *part = g_strstrip (parts[i]);
      gboolean known = FALSE;

      for (guint n = 0; n < G_N_ELEMENTS (names) && !known; n++)
        if (g_ascii_strcasecmp (part, names[n].name) == 0)
          {
            *columns |= names[n].columns;
            known = TRUE;
          }
      if (!known)
        {
          g_autofree char *clean = tool_text_clean (part);

          g_set_error (error, TOOL_ERROR, TOOL_ERROR_USAGE,
                       "--columns takes exercises, domains, events, affinity, codes or all, not “%s”", clean);
          return FALSE;
        }
    }
  return TRUE;
}

/* The id a dyad's actor is known by in the dataset (an alias, another
 * case), or the text as given: a panel may name any state. */
static const char *
actor_id (BilatStore *store,
          const char *name)
{
  BilatActor *actor = bilat_store_lookup_actor (store, name);

  return actor != NULL ? bilat_record_get_id (BILAT_RECORD (actor)) : name;
}

static gboolean
add_dyads (Tool                *tool,
           BilatPanelSettings  *settings,
           GError             **error)
{
  for (guint i = 0; tool->dyads[i] != NULL; i++)
    {
      g_auto(GStrv) pair = g_strsplit (tool->dyads[i], ",", -1);
      const char *a, *b;

      if (g_strv_length (pair) != 2 || *g_strstrip (pair[0]) == '\0' || *g_strstrip (pair[1]) == '\0')
        {
          g_autofree char *clean = tool_text_clean (tool->dyads[i]);

          g_set_error (error, TOOL_ERROR, TOOL_ERROR_USAGE, "--dyad takes two actors, A,B, not “%s”", clean);
          return FALSE;
        }
      a = actor_id (tool->store, pair[0]);
      b = actor_id (tool->store, pair[1]);
      bilat_panel_settings_add_dyad (settings, a, b);
    }
  return TRUE;
}

static gboolean
write_panel (Tool        *tool,
             BilatPanel  *panel,
             GError     **error)
{
  BilatPanelFormat format = tool->json ? BILAT_PANEL_FORMAT_JSON
                          : tool->csv ? BILAT_PANEL_FORMAT_CSV
                          : tool->tsv ? BILAT_PANEL_FORMAT_TSV
                          : BILAT_PANEL_FORMAT_TABLE;

  if (tool->output != NULL)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (tool->output);
      g_autoptr(GFileOutputStream) stream = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_NONE, NULL, error);

      if (stream == NULL ||
          !bilat_panel_write (panel, G_OUTPUT_STREAM (stream), format, NULL, error) ||
          !g_output_stream_close (G_OUTPUT_STREAM (stream), NULL, error))
        return FALSE;
      fprintf (stderr, "bilat: wrote %u rows to %s\n", bilat_panel_get_n_rows (panel), tool->output);
      return TRUE;
    }
  else
    {
      g_autofree char *text = bilat_panel_to_string (panel, format);

      if (fputs (text, stdout) == EOF || fflush (stdout) != 0)
        {
          g_set_error (error, TOOL_ERROR, TOOL_ERROR_OUTPUT, "cannot write the panel to standard output");
          return FALSE;
        }
      return TRUE;
    }
}

gboolean
tool_run_panel (Tool    *tool,
                char   **args,
                GError **error)
{
  g_autoptr(BilatPanelSettings) settings = bilat_panel_settings_new ();
  g_autoptr(BilatPanel) panel = NULL;
  BilatPanelColumns columns = bilat_panel_settings_get_columns (settings);
  int year;

  /* Files given as arguments, as a shell glob gives them after --votes
   * or --input, are more of them. */
  for (guint i = 0; args[i] != NULL; i++)
    {
      char ***files = tool->votes != NULL ? &tool->votes : tool->inputs != NULL ? &tool->inputs : NULL;
      guint n;

      if (files == NULL)
        {
          g_autofree char *clean = tool_text_clean (args[i]);

          g_set_error (error, TOOL_ERROR, TOOL_ERROR_USAGE,
                       "“panel” takes no arguments but files after --votes or --input, not “%s”", clean);
          return FALSE;
        }
      n = g_strv_length (*files);
      *files = g_renew (char *, *files, n + 2);
      (*files)[n] = g_strdup (args[i]);
      (*files)[n + 1] = NULL;
    }

  if ((tool->dyads == NULL) == !tool->all)
    {
      g_set_error (error, TOOL_ERROR, TOOL_ERROR_USAGE,
                   tool->all ? "--all builds the panel of every pair of states: leave out --dyad"
                             : "panel needs the dyads: --dyad A,B (repeatable) or --all");
      return FALSE;
    }
  if (tool->csv + tool->tsv + tool->json > 1)
    {
      g_set_error (error, TOOL_ERROR, TOOL_ERROR_USAGE, "give one of --csv, --tsv and --json");
      return FALSE;
    }
  if (tool->from != NULL)
    {
      if (!parse_year (tool->from, "--from", &year, error))
        return FALSE;
      bilat_panel_settings_set_first_year (settings, year);
    }
  if (tool->to != NULL)
    {
      if (!parse_year (tool->to, "--to", &year, error))
        return FALSE;
      bilat_panel_settings_set_last_year (settings, year);
    }
  if (tool->by != NULL)
    {
      if (g_ascii_strcasecmp (tool->by, "year") == 0)
        bilat_panel_settings_set_unit (settings, BILAT_SERIES_UNIT_YEAR);
      else if (g_ascii_strcasecmp (tool->by, "month") == 0)
        bilat_panel_settings_set_unit (settings, BILAT_SERIES_UNIT_MONTH);
      else
        {
          g_autofree char *clean = tool_text_clean (tool->by);

          g_set_error (error, TOOL_ERROR, TOOL_ERROR_USAGE, "--by is year or month, not “%s”", clean);
          return FALSE;
        }
    }
  if (tool->columns != NULL && !parse_columns (tool->columns, &columns, error))
    return FALSE;
  bilat_panel_settings_set_columns (settings, columns);
  bilat_panel_settings_set_directed (settings, tool->directed);
  if (tool->topics != NULL)
    {
      g_auto(GStrv) topics = g_strsplit (tool->topics, ",", -1);

      bilat_panel_settings_set_topics (settings, (const char * const *) topics);
    }
  if (tool->dyads != NULL && !add_dyads (tool, settings, error))
    return FALSE;

  /* Events straight from files: counted as they are read, none kept. */
  if (tool->inputs != NULL && !(columns & BILAT_PANEL_COLUMNS_EVENTS))
    {
      g_set_error (error, TOOL_ERROR, TOOL_ERROR_USAGE,
                   "--input reads events for the events columns, which --columns leaves out");
      return FALSE;
    }
  if (tool->inputs == NULL && (tool->jobs != TOOL_JOBS_UNSET || tool->format != NULL || tool->strict))
    {
      g_set_error (error, TOOL_ERROR, TOOL_ERROR_USAGE, "%s applies to the event files of --input only",
                   tool->jobs != TOOL_JOBS_UNSET ? "--jobs" : tool->format != NULL ? "--format" : "--strict");
      return FALSE;
    }

  if (tool->votes != NULL && !tool_add_votes (tool, tool->store, error))
    return FALSE;

  if (tool->inputs != NULL)
    panel = tool_panel_from_files (tool, tool->store, settings, error);
  else
    {
      /* On a terminal, say what runs while the sources are read. */
      if (isatty (STDERR_FILENO))
        {
          fputs ("bilat: building the panel…", stderr);
          fflush (stderr);
        }
      panel = bilat_store_build_panel (tool->store, settings, NULL, error);
      if (isatty (STDERR_FILENO))
        {
          fputs ("\r\033[K", stderr);
          fflush (stderr);
        }
    }
  return panel != NULL && write_panel (tool, panel, error);
}
