/* bilat-plot.c: bilat plot series|timeline|affinity: charts through
 * libbilat-plot, built only when the tool is built with it
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include <locale.h>
#include <math.h>
#include <string.h>

#include <bilat-plot/bilat-plot.h>

#include "bilat-tool.h"

/* Positions holding fewer shared issues than this make a thin year. */
#define THIN_SHARED 3

/* --size WxH, WxHpx or WxHpt. */
static gboolean
parse_size (Tool            *tool,
            BilatPlotChart  *chart,
            GError         **error)
{
  g_autofree char *clean = NULL;
  g_autofree char *numbers = NULL;
  g_auto(GStrv) parts = NULL;
  BilatPlotUnit unit = BILAT_PLOT_UNIT_PIXELS;
  double size[2];

  if (tool->size == NULL)
    return TRUE;
  clean = tool_text_clean (tool->size);
  numbers = g_ascii_strdown (tool->size, -1);
  if (g_str_has_suffix (numbers, "pt"))
    unit = BILAT_PLOT_UNIT_POINTS;
  if (g_str_has_suffix (numbers, "pt") || g_str_has_suffix (numbers, "px"))
    numbers[strlen (numbers) - 2] = '\0';

  /* Split first: strtod would read 0x100 as a hexadecimal number. */
  parts = g_strsplit (numbers, "x", -1);
  if (g_strv_length (parts) != 2)
    goto bad;
  for (guint i = 0; i < 2; i++)
    {
      char *end;

      if (!g_ascii_isdigit (parts[i][0]))
        goto bad;
      size[i] = g_ascii_strtod (parts[i], &end);
      if (*end != '\0' || !(size[i] >= 0 && size[i] <= 100000))
        goto bad;
    }

  bilat_plot_chart_set_size (chart, size[0], size[1], unit);
  return TRUE;

bad:
  g_set_error (error, TOOL_ERROR, TOOL_ERROR_USAGE,
               "--size is WIDTHxHEIGHT in pixels, or in points with “pt” (800x500, 432x288pt), not “%s”",
               clean);
  return FALSE;
}

/* Options that parse for every chart but apply to some only. */
static gboolean
check_chart_options (Tool        *tool,
                     const char  *kind,
                     GError     **error)
{
  gboolean series = strcmp (kind, "series") == 0;
  gboolean affinity = strcmp (kind, "affinity") == 0;
  const char *wrong = NULL;
  const char *applies = NULL;

  if (!series && tool->by != NULL)
    wrong = "--by", applies = "“plot series”";
  else if (!series && tool->inputs != NULL)
    wrong = "event files", applies = "“plot series”";
  else if (!affinity && tool->issue != NULL)
    wrong = "--issue", applies = "“plot affinity”";
  else if (affinity && tool->type != NULL)
    wrong = "--type", applies = "“plot series” and “plot timeline”";
  else if (affinity && tool->actors != NULL)
    wrong = "--actor", applies = "“plot series” and “plot timeline” (affinity takes --dyad A,B)";

  if (wrong == NULL)
    return TRUE;
  g_set_error (error, TOOL_ERROR, TOOL_ERROR_USAGE, "%s %s to %s only, not to “plot %s”",
               wrong, strcmp (wrong, "event files") == 0 ? "apply" : "applies", applies, kind);
  return FALSE;
}

static char *
dyad_label (BilatQuery *query)
{
  const char *a, *b;

  if (query != NULL && bilat_query_get_dyad (query, &a, &b))
    return g_strdup_printf ("%s–%s", a, b);
  return NULL;
}

static gboolean
fill_series (Tool                 *tool,
             BilatPlotSeriesChart *chart,
             GError              **error)
{
  g_autoptr(BilatQuery) query = NULL;
  g_autoptr(BilatSeries) series = NULL;
  g_autofree char *label = NULL;
  BilatSeriesUnit unit;

  if (!tool_parse_unit (tool->by, &unit, error))
    return FALSE;
  query = tool_build_query (tool, error);
  if (query == NULL)
    return FALSE;
  series = tool_compute_series (tool, unit, error);
  if (series == NULL)
    return FALSE;
  label = dyad_label (query);
  bilat_plot_series_chart_add_series (chart, series, label);
  return TRUE;
}

static gboolean
fill_timeline (Tool                   *tool,
               BilatPlotTimelineChart *chart,
               GError                **error)
{
  g_autoptr(BilatQuery) query = tool_build_query (tool, error);
  g_autoptr(GListModel) events = NULL;
  g_autofree char *label = NULL;

  if (query == NULL)
    return FALSE;
  events = bilat_store_find_events (tool->store, query);
  bilat_plot_timeline_chart_add_events (chart, events);
  label = dyad_label (query);
  if (label != NULL && bilat_plot_chart_get_title (BILAT_PLOT_CHART (chart)) == NULL)
    {
      g_autofree char *title = g_strdup_printf ("Chronology: %s", label);

      bilat_plot_chart_set_title (BILAT_PLOT_CHART (chart), title);
    }
  return TRUE;
}

/* The years of the positions of @a and @b (every year an interval
 * covers). */
static GArray *
position_years (BilatStore *store,
                const char *a,
                const char *b)
{
  GListModel *positions = bilat_store_get_positions (store);
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);
  GArray *years = g_array_new (FALSE, FALSE, sizeof (int));

  for (guint i = 0; i < g_list_model_get_n_items (positions); i++)
    {
      g_autoptr(BilatPosition) position = g_list_model_get_item (positions, i);
      const char *holder = bilat_position_get_holder (position);
      BilatDate *date = bilat_position_get_date (position);
      BilatDate *start, *end;

      if (date == NULL || (g_strcmp0 (holder, a) != 0 && g_strcmp0 (holder, b) != 0))
        continue;
      start = bilat_date_get_start (date);
      end = bilat_date_get_end (date);
      for (int y = bilat_date_get_year (start); y <= bilat_date_get_year (end); y++)
        if (g_hash_table_add (seen, GINT_TO_POINTER (y)))
          g_array_append_val (years, y);
    }
  return years;
}

static int
compare_ints (gconstpointer a,
              gconstpointer b)
{
  return *(const int *) a - *(const int *) b;
}

/* S per year for the dyad of tool->dyad, a line: from the dataset's UN
 * votes (bilat_store_compute_affinity()) when it holds the dyad's, else
 * the affinity of “bilat convergence” over the positions dated in each
 * year. Adds to @n_values the values it draws. */
static gboolean
fill_affinity (Tool                   *tool,
               BilatPlotAffinityChart *chart,
               guint                  *n_values,
               GError                **error)
{
  g_autoptr(BilatQuery) query = NULL;
  g_autoptr(GArray) years = NULL;
  g_auto(GStrv) pair = NULL;
  g_autofree char *label = NULL;
  BilatActor *actor_a, *actor_b;
  const char *a, *b;

  query = tool_build_query (tool, error);
  if (query == NULL)
    return FALSE;
  pair = g_strsplit (tool->dyad, ",", 2);
  actor_a = tool_resolve_actor (tool->store, pair[0], error);
  if (actor_a == NULL)
    return FALSE;
  actor_b = tool_resolve_actor (tool->store, pair[1] != NULL ? pair[1] : "", error);
  if (actor_b == NULL)
    return FALSE;
  a = bilat_record_get_id (BILAT_RECORD (actor_a));
  b = bilat_record_get_id (BILAT_RECORD (actor_b));
  /* The dyad names the two holders; it filters no position. */
  bilat_query_set_dyad (query, NULL, NULL);
  label = g_strdup_printf ("%s–%s", a, b);

  /* From the UN votes the dataset holds, where it holds the dyad's:
   * S per calendar year, thin years as BilatAffinity marks them. */
  {
    g_autoptr(BilatAffinitySettings) settings = bilat_affinity_settings_new ();
    g_autoptr(BilatAffinity) affinity = NULL;
    guint from_votes = 0;

    bilat_affinity_settings_set_unit (settings, BILAT_AFFINITY_UNIT_YEAR);
    bilat_affinity_settings_set_query (settings, query);
    affinity = bilat_store_compute_affinity (tool->store, a, b, settings);
    for (guint i = 0; affinity != NULL && i < g_list_model_get_n_items (G_LIST_MODEL (affinity)); i++)
      {
        g_autoptr(BilatAffinityScore) score = g_list_model_get_item (G_LIST_MODEL (affinity), i);

        /* A year without a vote both cast has no S: no point. */
        if (isnan (bilat_affinity_score_get_s (score)))
          continue;
        bilat_plot_affinity_chart_add_value (chart, label, (int) bilat_affinity_score_get_year (score),
                                             bilat_affinity_score_get_s (score),
                                             bilat_affinity_score_get_thin (score));
        from_votes++;
      }
    if (from_votes > 0)
      {
        *n_values += from_votes;
        return TRUE;
      }
  }

  /* Else from the positions of the dataset, as “bilat convergence”. */
  years = position_years (tool->store, a, b);
  g_array_sort (years, compare_ints);
  for (guint i = 0; i < years->len; i++)
    {
      int year = g_array_index (years, int, i);
      g_autoptr(BilatQuery) year_query = bilat_query_copy (query);
      g_autoptr(BilatDate) period = bilat_date_new_year (year, NULL);
      g_autoptr(BilatDate) wanted = bilat_query_get_period (query);
      g_autoptr(BilatAlignment) alignment = NULL;
      double score;

      if (period == NULL || (wanted != NULL && !bilat_date_overlaps (wanted, period)))
        continue;
      bilat_query_set_period (year_query, period);
      alignment = bilat_store_align (tool->store, a, b, year_query);
      if (!bilat_alignment_get_affinity (alignment, &score))
        continue;
      bilat_plot_affinity_chart_add_value (chart, label, year, score,
                                           bilat_alignment_get_n_shared (alignment) < THIN_SHARED);
      (*n_values)++;
    }
  return TRUE;
}

/* What one dyad (tool->dyad, or none) adds to the chart. */
static gboolean
fill_chart (Tool            *tool,
            BilatPlotChart  *chart,
            guint           *n_values,
            GError         **error)
{
  if (BILAT_PLOT_IS_SERIES_CHART (chart))
    return fill_series (tool, BILAT_PLOT_SERIES_CHART (chart), error);
  if (BILAT_PLOT_IS_TIMELINE_CHART (chart))
    return fill_timeline (tool, BILAT_PLOT_TIMELINE_CHART (chart), error);
  return fill_affinity (tool, BILAT_PLOT_AFFINITY_CHART (chart), n_values, error);
}

gboolean
tool_run_plot (Tool    *tool,
               char   **args,
               GError **error)
{
  g_autoptr(BilatPlotChart) chart = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *kind = tool_text_clean (tool->chart);
  guint n_dyads, n_values = 0;

  /* Month names, decimal marks and digit groups of the user's locale. */
  setlocale (LC_ALL, "");

  chart = bilat_plot_chart_new (tool->chart, &local_error);
  if (chart == NULL)
    {
      g_set_error (error, TOOL_ERROR, TOOL_ERROR_USAGE,
                   "unknown chart “%s” (known: series, timeline, affinity)", kind);
      return FALSE;
    }
  if (!check_chart_options (tool, tool->chart, error))
    return FALSE;
  if (tool->output == NULL)
    {
      g_set_error (error, TOOL_ERROR, TOOL_ERROR_USAGE,
                   "“plot %s” needs --output FILE.svg, FILE.png or FILE.pdf", kind);
      return FALSE;
    }
  if (bilat_plot_format_from_path (tool->output) == BILAT_PLOT_FORMAT_AUTO)
    {
      g_autofree char *output = tool_text_clean (tool->output);

      g_set_error (error, TOOL_ERROR, TOOL_ERROR_USAGE,
                   "--output names the chart's format by its extension: .svg, .png or .pdf, not “%s”",
                   output);
      return FALSE;
    }
  if (!parse_size (tool, chart, error))
    return FALSE;
  if (tool->title != NULL)
    bilat_plot_chart_set_title (chart, tool->title);

  n_dyads = tool->dyads != NULL ? g_strv_length (tool->dyads) : 0;
  if (n_dyads > 1 && BILAT_PLOT_IS_TIMELINE_CHART (chart))
    {
      g_set_error (error, TOOL_ERROR, TOOL_ERROR_USAGE, "“plot timeline” takes one --dyad, not %u",
                   n_dyads);
      return FALSE;
    }
  if (n_dyads == 0 && BILAT_PLOT_IS_AFFINITY_CHART (chart))
    {
      g_set_error (error, TOOL_ERROR, TOOL_ERROR_USAGE, "“plot affinity” needs --dyad A,B");
      return FALSE;
    }
  /* Each dyad in turn is the --dyad of the filters. */
  for (guint i = 0; i < MAX (n_dyads, 1); i++)
    {
      g_free (tool->dyad);
      tool->dyad = n_dyads > 0 ? g_strdup (tool->dyads[i]) : NULL;
      if (!fill_chart (tool, chart, &n_values, error))
        return FALSE;
    }
  if (BILAT_PLOT_IS_AFFINITY_CHART (chart) && n_values == 0)
    {
      g_autofree char *dyads = g_strjoinv (" or ", tool->dyads);
      g_autofree char *clean = tool_text_clean (dyads);

      g_set_error (error, BILAT_PLOT_ERROR, BILAT_PLOT_ERROR_EMPTY,
                   "nothing to plot: no year has dated positions of both actors of %s on a shared issue",
                   clean);
      return FALSE;
    }

  return bilat_plot_chart_save_to_file (chart, tool->output, BILAT_PLOT_FORMAT_AUTO, error);
}
