/* bilat-plot-series-chart.c: events per period, stacked by QuadClass
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include <math.h>

#include "bilat-plot.h"
#include "bilat-plot-layout-private.h"

/**
 * BilatPlotSeriesChart:
 *
 * A bar chart of one or more [class@Bilat.Series]: the events of each
 * period as a bar stacked by CAMEO QuadClass (verbal and material
 * cooperation, verbal and material conflict, and events without a class),
 * and the mean Goldstein score of the period as a line on an axis of its
 * own, from −10 to +10. Several series (two dyads, say) stand side by
 * side in each period, each with its own Goldstein line.
 *
 * A series comes from a store with [method@Bilat.Store.compute_series],
 * or straight from event files with
 * [method@Bilat.Importer.compute_series]; both are drawn the same way.
 *
 * ```python
 * chart = BilatPlot.SeriesChart.new_for_store(store, Bilat.Query.parse("dyad:PAK,RUS"), Bilat.SeriesUnit.YEAR)
 * chart.save_to_file("pak-rus.svg", BilatPlot.Format.AUTO)
 * ```
 *
 * Since: 1.0
 */

typedef struct
{
  BilatSeries *series;
  char        *label;
} SeriesEntry;

struct _BilatPlotSeriesChart
{
  BilatPlotChart  parent_instance;
  GArray         *entries;  /* of SeriesEntry */
};

G_DEFINE_FINAL_TYPE (BilatPlotSeriesChart, bilat_plot_series_chart, BILAT_PLOT_TYPE_CHART)

#define N_STACK 5

/* Bottom to top: cooperation, then conflict, then what has no class. */
static const struct
{
  BilatQuadClass    quad_class;
  const char       *cls;
  const char       *name;
  const PlotColour *colour;
} stack[N_STACK] = {
  { BILAT_QUAD_CLASS_VERBAL_COOPERATION, "q1", "Verbal cooperation", &plot_sky_blue },
  { BILAT_QUAD_CLASS_MATERIAL_COOPERATION, "q2", "Material cooperation", &plot_blue },
  { BILAT_QUAD_CLASS_VERBAL_CONFLICT, "q3", "Verbal conflict", &plot_orange },
  { BILAT_QUAD_CLASS_MATERIAL_CONFLICT, "q4", "Material conflict", &plot_vermillion },
  { BILAT_QUAD_CLASS_NONE, "q0", "No QuadClass", &plot_grey },
};

static void
clear_entry (gpointer data)
{
  SeriesEntry *entry = data;

  g_clear_object (&entry->series);
  g_free (entry->label);
}

static void
bilat_plot_series_chart_finalize (GObject *object)
{
  BilatPlotSeriesChart *self = BILAT_PLOT_SERIES_CHART (object);

  g_array_unref (self->entries);
  G_OBJECT_CLASS (bilat_plot_series_chart_parent_class)->finalize (object);
}

/* Periods are numbered across series: days by Julian day, months and
 * years by their count from year 0. */
static gint64
period_index (BilatDate       *date,
              BilatSeriesUnit  unit)
{
  switch (unit)
    {
    case BILAT_SERIES_UNIT_DAY:
      return bilat_date_get_first_julian (date);
    case BILAT_SERIES_UNIT_MONTH:
      return (gint64) bilat_date_get_year (date) * 12 + bilat_date_get_month (date) - 1;
    case BILAT_SERIES_UNIT_YEAR:
    default:
      return bilat_date_get_year (date);
    }
}

static char *
period_label (gint64          index,
              BilatSeriesUnit unit)
{
  switch (unit)
    {
    case BILAT_SERIES_UNIT_DAY:
      return plot_format_julian ((guint32) index, "%-d %b %Y");
    case BILAT_SERIES_UNIT_MONTH:
      {
        GDate date;

        g_date_clear (&date, 1);
        g_date_set_dmy (&date, 1, (GDateMonth) (index % 12 + 1), (GDateYear) (index / 12));
        return plot_format_julian (g_date_get_julian (&date), "%b %Y");
      }
    case BILAT_SERIES_UNIT_YEAR:
    default:
      return g_strdup_printf ("%" G_GINT64_FORMAT, index);
    }
}

static const char *
unit_name (BilatSeriesUnit unit)
{
  switch (unit)
    {
    case BILAT_SERIES_UNIT_DAY:
      return "day";
    case BILAT_SERIES_UNIT_MONTH:
      return "month";
    case BILAT_SERIES_UNIT_YEAR:
    default:
      return "year";
    }
}

static char *
default_title (BilatPlotSeriesChart *self,
               BilatSeriesUnit       unit)
{
  GString *title = g_string_new (NULL);
  guint n_labels = 0;

  g_string_printf (title, "Events per %s", unit_name (unit));
  for (guint s = 0; s < self->entries->len; s++)
    {
      SeriesEntry *entry = &g_array_index (self->entries, SeriesEntry, s);

      if (entry->label == NULL)
        continue;
      g_string_append (title, n_labels == 0 ? ": " : " and ");
      g_string_append (title, entry->label);
      n_labels++;
    }
  return g_string_free (title, FALSE);
}

static gboolean
check_series (BilatPlotSeriesChart  *self,
              BilatSeriesUnit       *unit,
              gint64                *first,
              gint64                *last,
              GError               **error)
{
  gboolean any = FALSE;

  if (self->entries->len == 0)
    {
      g_set_error (error, BILAT_PLOT_ERROR, BILAT_PLOT_ERROR_EMPTY,
                   "the series chart has no series to draw");
      return FALSE;
    }

  *unit = bilat_series_get_unit (g_array_index (self->entries, SeriesEntry, 0).series);
  for (guint s = 0; s < self->entries->len; s++)
    {
      BilatSeries *series = g_array_index (self->entries, SeriesEntry, s).series;
      guint n = bilat_series_get_n_bins (series);
      g_autoptr(BilatDate) first_date = NULL;
      g_autoptr(BilatDate) last_date = NULL;

      if (bilat_series_get_unit (series) != *unit)
        {
          g_set_error (error, BILAT_PLOT_ERROR, BILAT_PLOT_ERROR_MISMATCH,
                       "the series of one chart must all count per %s, not also per %s",
                       unit_name (*unit), unit_name (bilat_series_get_unit (series)));
          return FALSE;
        }
      if (n == 0)
        continue;
      first_date = bilat_series_get_bin_date (series, 0);
      last_date = bilat_series_get_bin_date (series, n - 1);
      if (!any || period_index (first_date, *unit) < *first)
        *first = period_index (first_date, *unit);
      if (!any || period_index (last_date, *unit) > *last)
        *last = period_index (last_date, *unit);
      any = TRUE;
    }

  if (!any)
    {
      g_set_error (error, BILAT_PLOT_ERROR, BILAT_PLOT_ERROR_EMPTY,
                   "the series has no dated event to draw");
      return FALSE;
    }
  return TRUE;
}

/* The label steps tried for each unit, fine to coarse: round numbers of
 * days, months and years, so that labels land on weeks, quarters,
 * decades. */
static const guint day_steps[] = { 1, 2, 7, 14, 28, 91, 182, 365, 730, 1461, 3652, 0 };
static const guint month_steps[] = { 1, 2, 3, 6, 12, 24, 60, 120, 240, 600, 1200, 0 };
static const guint year_steps[] = { 1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 0 };

static void
draw_period_labels (PlotScene       *scene,
                    BilatSeriesUnit  unit,
                    gint64           first,
                    guint            n_periods,
                    double           left,
                    double           period_width,
                    double           y)
{
  const guint *steps = unit == BILAT_SERIES_UNIT_DAY ? day_steps
                     : unit == BILAT_SERIES_UNIT_MONTH ? month_steps : year_steps;
  double widest = 0;
  guint step = 0;
  double ascent;

  for (guint p = 0; p < n_periods; p++)
    {
      g_autofree char *label = period_label (first + p, unit);

      widest = MAX (widest, plot_scene_text_width (scene, label, PLOT_SMALL_SIZE));
    }
  for (guint i = 0; steps[i] != 0; i++)
    {
      step = steps[i];
      if (widest + 10 <= step * period_width)
        break;
    }

  plot_scene_measure (scene, "0", PLOT_SMALL_SIZE, FALSE, NULL, &ascent, NULL);
  for (guint p = 0; p < n_periods; p++)
    {
      gint64 index = first + p;
      double x = left + (p + 0.5) * period_width;
      g_autofree char *label = NULL;

      if (((index % step) + step) % step != 0 && !(step > n_periods && p == 0))
        continue;
      label = period_label (index, unit);
      plot_scene_line (scene, "tick-mark", x, y, x, y + 4, &plot_black, 1);
      plot_item_set_data (plot_scene_text (scene, "tick x", label, x, y + 6 + ascent,
                                           PLOT_SMALL_SIZE, PLOT_ANCHOR_MIDDLE),
                          "data-bin=\"%u\"", p);
    }
}

/* Where the first bin of @series stands among the chart's periods, which
 * start at @first. */
static gint64
series_offset (BilatSeries     *series,
               BilatSeriesUnit  unit,
               gint64           first)
{
  g_autoptr(BilatDate) first_date = bilat_series_get_bin_date (series, 0);

  return period_index (first_date, unit) - first;
}

static gboolean
bilat_plot_series_chart_build (BilatPlotChart  *chart,
                               gpointer         data,
                               GError         **error)
{
  BilatPlotSeriesChart *self = BILAT_PLOT_SERIES_CHART (chart);
  PlotScene *scene = data;
  double width = plot_scene_get_width (scene);
  double height = plot_scene_get_height (scene);
  BilatSeriesUnit unit = BILAT_SERIES_UNIT_MONTH;
  gint64 first = 0, last = 0;
  guint n_periods, n_series = self->entries->len;
  g_autoptr(GArray) legend = NULL;
  g_autoptr(GArray) count_ticks = NULL;
  g_autoptr(GArray) goldstein_ticks = NULL;
  g_autofree char *title = NULL;
  g_autoptr(GString) note = g_string_new (NULL);
  guint64 max_count = 0, undated = 0, imprecise = 0;
  gboolean any_unclassified = FALSE;
  double top, bottom, left, right, ascent, descent, count_max, step, period_width, bar_width,
    inner, line_height;

  if (!check_series (self, &unit, &first, &last, error))
    return FALSE;
  n_periods = (guint) (last - first + 1);

  for (guint s = 0; s < n_series; s++)
    {
      BilatSeries *series = g_array_index (self->entries, SeriesEntry, s).series;

      for (guint b = 0; b < bilat_series_get_n_bins (series); b++)
        {
          guint64 classified = 0;

          max_count = MAX (max_count, bilat_series_get_count (series, b));
          for (guint q = 0; q + 1 < N_STACK; q++)
            classified += bilat_series_get_quad_count (series, b, stack[q].quad_class);
          if (classified < bilat_series_get_count (series, b))
            any_unclassified = TRUE;
        }
      undated += bilat_series_get_n_undated (series);
      imprecise += bilat_series_get_n_imprecise (series);
    }

  /* Title and legend */
  title = g_strdup (bilat_plot_chart_get_title (chart));
  if (title == NULL)
    title = default_title (self, unit);
  top = plot_draw_title (scene, title);

  legend = plot_legend_new ();
  for (guint q = 0; q < N_STACK; q++)
    if (q + 1 < N_STACK || any_unclassified)
      plot_legend_add (legend, PLOT_SWATCH_BOX, stack[q].colour, 0, stack[q].name);
  for (guint s = 0; s < n_series; s++)
    {
      SeriesEntry *entry = &g_array_index (self->entries, SeriesEntry, s);
      g_autofree char *label = NULL;

      if (n_series > 1 || entry->label != NULL)
        label = g_strdup_printf ("Goldstein mean, %s",
                                 entry->label != NULL ? entry->label : "(unnamed)");
      else
        label = g_strdup ("Goldstein mean");
      plot_legend_add (legend, PLOT_SWATCH_LINE, plot_line_colour (s), s > 0 ? 5 : 0, label);
    }
  if (n_series > 1)
    {
      g_autoptr(GString) order = g_string_new ("Bars, left to right: ");

      for (guint s = 0; s < n_series; s++)
        {
          const char *label = g_array_index (self->entries, SeriesEntry, s).label;

          g_string_append_printf (order, "%s%s", s > 0 ? ", " : "", label != NULL ? label : "(unnamed)");
        }
      plot_legend_add (legend, PLOT_SWATCH_NONE, NULL, 0, order->str);
    }
  top = plot_draw_legend (scene, legend, top) + 6;

  /* What the bars leave out, under the chart. */
  if (undated > 0)
    g_string_append_printf (note, "%" G_GUINT64_FORMAT " event%s of unknown date not shown. ",
                            undated, undated == 1 ? "" : "s");
  if (imprecise > 0)
    g_string_append_printf (note, "%" G_GUINT64_FORMAT " event%s dated to a longer period, "
                            "counted in its first %s.", imprecise, imprecise == 1 ? "" : "s",
                            unit_name (unit));

  plot_scene_measure (scene, "Xg", PLOT_SMALL_SIZE, FALSE, NULL, &ascent, &descent);
  line_height = ascent + descent;
  bottom = height - PLOT_MARGIN - (line_height + 10) - (note->len > 0 ? line_height + 6 : 0);

  /* The axes */
  step = plot_nice_step ((double) max_count, (guint) CLAMP ((bottom - top) / 40, 2, 10));
  step = MAX (step, 1);
  count_max = MAX (step, ceil ((double) max_count / step) * step);
  count_ticks = plot_value_ticks (0, count_max, step, 0);
  goldstein_ticks = plot_value_ticks (-10, 10, 5, 0);
  left = PLOT_MARGIN + line_height + 6 + plot_ticks_max_width (scene, count_ticks) + 8;
  right = width - (PLOT_MARGIN + line_height + 6 + plot_ticks_max_width (scene, goldstein_ticks) + 8);
  if (right - left < 40 || bottom - top < 40)
    {
      g_set_error (error, BILAT_PLOT_ERROR, BILAT_PLOT_ERROR_SIZE,
                   "the chart's size leaves no room for the bars under the title and legend");
      return FALSE;
    }

  plot_draw_value_axis (scene, "y", count_ticks, 0, count_max, left, top, bottom, FALSE, left, right);
  plot_draw_axis_title (scene, "y", "Events", PLOT_MARGIN + ascent, top, bottom);
  plot_draw_value_axis (scene, "y2", goldstein_ticks, -10, 10, right, top, bottom, TRUE, left, left);
  plot_draw_axis_title (scene, "y2", "Goldstein mean", width - PLOT_MARGIN - descent, top, bottom);

  /* The bars, side by side in each period */
  period_width = (right - left) / n_periods;
  inner = MIN (period_width * 0.8, 60.0 * n_series);
  bar_width = inner / n_series;
  for (guint s = 0; s < n_series; s++)
    {
      BilatSeries *series = g_array_index (self->entries, SeriesEntry, s).series;
      guint n_bins = bilat_series_get_n_bins (series);
      gint64 offset = n_bins > 0 ? series_offset (series, unit, first) : 0;

      for (guint b = 0; b < n_bins; b++)
        {
          guint p = (guint) (offset + b);
          double x = left + p * period_width + (period_width - inner) / 2 + s * bar_width;
          double y = bottom;
          guint64 classified = 0;

          for (guint q = 0; q < N_STACK; q++)
            {
              guint64 count;
              g_autofree char *cls = NULL;
              double h;
              PlotItem *item;

              if (q + 1 < N_STACK)
                {
                  count = bilat_series_get_quad_count (series, b, stack[q].quad_class);
                  classified += count;
                }
              else
                count = bilat_series_get_count (series, b) - classified;
              if (count == 0)
                continue;
              h = count / count_max * (bottom - top);
              y -= h;
              cls = g_strdup_printf ("bar %s", stack[q].cls);
              item = plot_scene_rect (scene, cls, x, y, bar_width, h, stack[q].colour, NULL);
              plot_item_set_data (item, "data-series=\"%u\" data-bin=\"%u\" data-count=\"%" G_GUINT64_FORMAT "\"",
                                  s, p, count);
            }
        }
    }

  /* The Goldstein means, a line per series broken where a period has none */
  for (guint s = 0; s < n_series; s++)
    {
      BilatSeries *series = g_array_index (self->entries, SeriesEntry, s).series;
      guint n_bins = bilat_series_get_n_bins (series);
      g_autoptr(GArray) points = g_array_new (FALSE, FALSE, sizeof (double));
      gint64 offset = n_bins > 0 ? series_offset (series, unit, first) : 0;

      for (guint b = 0; n_bins > 0 && b <= n_bins; b++)
        {
          gboolean has_mean = b < n_bins && bilat_series_get_goldstein_count (series, b) > 0;

          if (has_mean)
            {
              guint p = (guint) (offset + b);
              double x = left + p * period_width + (period_width - inner) / 2 + (s + 0.5) * bar_width;
              double mean = CLAMP (bilat_series_get_goldstein_mean (series, b), -10, 10);
              double y = bottom - (mean + 10) / 20 * (bottom - top);
              double xy[] = { x, y };

              g_array_append_vals (points, xy, 2);
              plot_item_set_data (plot_scene_circle (scene, "goldstein-point", x, y, 2.5,
                                                     plot_line_colour (s), NULL),
                                  "data-series=\"%u\" data-bin=\"%u\"", s, p);
            }
          else if (points->len > 0)
            {
              if (points->len >= 4)
                plot_item_set_data (plot_scene_path (scene, "goldstein", points, plot_line_colour (s),
                                                     2, s > 0 ? 5 : 0),
                                    "data-series=\"%u\"", s);
              g_array_set_size (points, 0);
            }
        }
    }

  plot_scene_line (scene, "axis x", left, bottom, right, bottom, &plot_black, 1);
  draw_period_labels (scene, unit, first, n_periods, left, period_width, bottom);
  if (note->len > 0)
    plot_scene_text (scene, "note", g_strstrip (note->str), left, height - PLOT_MARGIN - descent,
                     PLOT_SMALL_SIZE, PLOT_ANCHOR_START);
  return TRUE;
}

static void
bilat_plot_series_chart_class_init (BilatPlotSeriesChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  BilatPlotChartClass *chart_class = BILAT_PLOT_CHART_CLASS (klass);

  object_class->finalize = bilat_plot_series_chart_finalize;
  chart_class->build = bilat_plot_series_chart_build;
}

static void
bilat_plot_series_chart_init (BilatPlotSeriesChart *self)
{
  self->entries = g_array_new (FALSE, TRUE, sizeof (SeriesEntry));
  g_array_set_clear_func (self->entries, clear_entry);
}

/**
 * bilat_plot_series_chart_new:
 *
 * Makes a series chart without series: add them with
 * [method@BilatPlot.SeriesChart.add_series].
 *
 * Returns: (transfer full): a new [class@BilatPlot.SeriesChart]
 *
 * Since: 1.0
 */
BilatPlotSeriesChart *
bilat_plot_series_chart_new (void)
{
  return g_object_new (BILAT_PLOT_TYPE_SERIES_CHART, NULL);
}

/**
 * bilat_plot_series_chart_new_for_store:
 * @store: a [class@Bilat.Store]
 * @query: (nullable): the events to count, or %NULL for all
 * @unit: the periods: days, months or years
 *
 * Makes a chart of the series of the events of @store that match
 * @query, as [method@Bilat.Store.compute_series] counts them, labelled
 * with the dyad of @query when it has one.
 *
 * Returns: (transfer full): a new [class@BilatPlot.SeriesChart]
 *
 * Since: 1.0
 */
BilatPlotSeriesChart *
bilat_plot_series_chart_new_for_store (BilatStore      *store,
                                       BilatQuery      *query,
                                       BilatSeriesUnit  unit)
{
  BilatPlotSeriesChart *self;
  g_autoptr(BilatSeries) series = NULL;
  g_autofree char *label = NULL;
  const char *a, *b;

  g_return_val_if_fail (BILAT_IS_STORE (store), NULL);
  g_return_val_if_fail (query == NULL || BILAT_IS_QUERY (query), NULL);

  self = bilat_plot_series_chart_new ();
  series = bilat_store_compute_series (store, query, unit);
  if (query != NULL && bilat_query_get_dyad (query, &a, &b))
    label = g_strdup_printf ("%s–%s", a, b);
  bilat_plot_series_chart_add_series (self, series, label);
  return self;
}

/**
 * bilat_plot_series_chart_add_series:
 * @self: a [class@BilatPlot.SeriesChart]
 * @series: a [class@Bilat.Series] of the same unit as those already added
 * @label: (nullable): what the series counts (`PAK–RUS`), for the legend
 *
 * Adds a series: its bars go right of those of the series added before.
 * The chart keeps a reference to @series and draws it as it is when the
 * chart is drawn.
 *
 * Since: 1.0
 */
void
bilat_plot_series_chart_add_series (BilatPlotSeriesChart *self,
                                    BilatSeries          *series,
                                    const char           *label)
{
  SeriesEntry entry;

  g_return_if_fail (BILAT_PLOT_IS_SERIES_CHART (self));
  g_return_if_fail (BILAT_IS_SERIES (series));

  entry.series = g_object_ref (series);
  entry.label = g_strdup (label);
  g_array_append_val (self->entries, entry);
}

/**
 * bilat_plot_series_chart_get_n_series:
 * @self: a [class@BilatPlot.SeriesChart]
 *
 * Counts the series added to the chart.
 *
 * Returns: how many series the chart draws
 *
 * Since: 1.0
 */
guint
bilat_plot_series_chart_get_n_series (BilatPlotSeriesChart *self)
{
  g_return_val_if_fail (BILAT_PLOT_IS_SERIES_CHART (self), 0);
  return self->entries->len;
}
