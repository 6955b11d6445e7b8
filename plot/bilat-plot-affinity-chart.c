/* bilat-plot-affinity-chart.c: an affinity measure per year for one or more dyads
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include <math.h>
#include <string.h>

#include "bilat-plot.h"
#include "bilat-plot-layout-private.h"

/**
 * BilatPlotAffinityChart:
 *
 * A line chart of an affinity measure — Signorino and Ritter's S,
 * Cohen's κ, Scott's π, all from −1 to +1 — per year, a line for each
 * dyad. A year computed from few observations (few shared votes, say)
 * is "thin": its point is drawn hollow, so that a reader does not take a
 * jump there for a change of policy.
 *
 * The values come from any source: add them one by one with
 * [method@BilatPlot.AffinityChart.add_value], a line per label.
 *
 * Since: 1.0
 */

typedef struct
{
  int      year;
  double   value;
  gboolean thin;
} AffinityPoint;

typedef struct
{
  char   *label;
  GArray *points;  /* of AffinityPoint */
} AffinityLine;

struct _BilatPlotAffinityChart
{
  BilatPlotChart  parent_instance;
  GArray         *lines;  /* of AffinityLine */
  char           *measure;
};

G_DEFINE_FINAL_TYPE (BilatPlotAffinityChart, bilat_plot_affinity_chart, BILAT_PLOT_TYPE_CHART)

enum {
  PROP_0,
  PROP_MEASURE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
clear_line (gpointer data)
{
  AffinityLine *line = data;

  g_free (line->label);
  g_array_unref (line->points);
}

static void
bilat_plot_affinity_chart_finalize (GObject *object)
{
  BilatPlotAffinityChart *self = BILAT_PLOT_AFFINITY_CHART (object);

  g_array_unref (self->lines);
  g_free (self->measure);
  G_OBJECT_CLASS (bilat_plot_affinity_chart_parent_class)->finalize (object);
}

static void
bilat_plot_affinity_chart_get_property (GObject    *object,
                                        guint       prop_id,
                                        GValue     *value,
                                        GParamSpec *pspec)
{
  BilatPlotAffinityChart *self = BILAT_PLOT_AFFINITY_CHART (object);

  switch (prop_id)
    {
    case PROP_MEASURE:
      g_value_set_string (value, self->measure);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bilat_plot_affinity_chart_set_property (GObject      *object,
                                        guint         prop_id,
                                        const GValue *value,
                                        GParamSpec   *pspec)
{
  BilatPlotAffinityChart *self = BILAT_PLOT_AFFINITY_CHART (object);

  switch (prop_id)
    {
    case PROP_MEASURE:
      bilat_plot_affinity_chart_set_measure (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static int
compare_points (gconstpointer a,
                gconstpointer b)
{
  const AffinityPoint *pa = a, *pb = b;

  return (pa->year > pb->year) - (pa->year < pb->year);
}

static gboolean
bilat_plot_affinity_chart_build (BilatPlotChart  *chart,
                                 gpointer         data,
                                 GError         **error)
{
  BilatPlotAffinityChart *self = BILAT_PLOT_AFFINITY_CHART (chart);
  PlotScene *scene = data;
  double width = plot_scene_get_width (scene);
  double height = plot_scene_get_height (scene);
  g_autoptr(GArray) legend = plot_legend_new ();
  g_autoptr(GArray) value_ticks = NULL;
  g_autoptr(GArray) year_ticks = plot_ticks_new ();
  g_autofree char *title = NULL;
  int first_year = G_MAXINT, last_year = G_MININT;
  gboolean any_thin = FALSE;
  double top, bottom, left, right, ascent, descent, first, last, step, widest;

  for (guint l = 0; l < self->lines->len; l++)
    {
      AffinityLine *line = &g_array_index (self->lines, AffinityLine, l);

      for (guint i = 0; i < line->points->len; i++)
        {
          AffinityPoint *point = &g_array_index (line->points, AffinityPoint, i);

          first_year = MIN (first_year, point->year);
          last_year = MAX (last_year, point->year);
          any_thin |= point->thin;
        }
    }
  if (first_year > last_year)
    {
      g_set_error (error, BILAT_PLOT_ERROR, BILAT_PLOT_ERROR_EMPTY,
                   "the affinity chart has no value to draw");
      return FALSE;
    }

  title = g_strdup (bilat_plot_chart_get_title (chart));
  if (title == NULL)
    title = g_strdup_printf ("Affinity (%s) per year", self->measure);
  top = plot_draw_title (scene, title);
  for (guint l = 0; l < self->lines->len; l++)
    plot_legend_add (legend, PLOT_SWATCH_LINE, plot_line_colour (l), 0,
                     g_array_index (self->lines, AffinityLine, l).label);
  if (any_thin)
    plot_legend_add (legend, PLOT_SWATCH_RING, &plot_black, 0, "Thin year (few observations)");
  top = plot_draw_legend (scene, legend, top) + 6;

  plot_scene_measure (scene, "Xg", PLOT_SMALL_SIZE, FALSE, NULL, &ascent, &descent);
  value_ticks = plot_value_ticks (-1, 1, 0.5, 1);
  left = PLOT_MARGIN + ascent + descent + 6 + plot_ticks_max_width (scene, value_ticks) + 8;
  right = width - PLOT_MARGIN - 10;
  bottom = height - PLOT_MARGIN - (ascent + descent + 10);
  if (right - left < 40 || bottom - top < 40)
    {
      g_set_error (error, BILAT_PLOT_ERROR, BILAT_PLOT_ERROR_SIZE,
                   "the chart's size leaves no room for the lines under the title and legend");
      return FALSE;
    }

  /* Years: half a year of room at each end; labels 1, 2, 5, 10 … years
   * apart, as many as fit. */
  first = first_year - 0.5;
  last = last_year + 0.5;
  widest = plot_scene_text_width (scene, "0000", PLOT_SMALL_SIZE) + 12;
  step = MAX (1, plot_nice_step (last - first, (guint) MAX (1, (right - left) / widest)));
  for (double y = ceil (first / step) * step; y <= last; y += step)
    plot_ticks_add (year_ticks, y, g_strdup_printf ("%d", (int) y));

  plot_draw_value_axis (scene, "y", value_ticks, -1, 1, left, top, bottom, FALSE, left, right);
  plot_draw_axis_title (scene, "y", self->measure, PLOT_MARGIN + ascent, top, bottom);
  plot_draw_x_ticks (scene, year_ticks, first, last, left, right, bottom, bottom);

  for (guint l = 0; l < self->lines->len; l++)
    {
      AffinityLine *line = &g_array_index (self->lines, AffinityLine, l);
      const PlotColour *colour = plot_line_colour (l);
      g_autoptr(GArray) path = g_array_new (FALSE, FALSE, sizeof (double));
      int previous = G_MININT;

      g_array_sort (line->points, compare_points);
      for (guint i = 0; i <= line->points->len; i++)
        {
          AffinityPoint *point = i < line->points->len
                               ? &g_array_index (line->points, AffinityPoint, i) : NULL;
          double x = 0, y = 0;

          /* A missing year breaks the line. */
          if (point == NULL || point->year != previous + 1 || isnan (point->value))
            {
              if (path->len >= 4)
                plot_item_set_data (plot_scene_path (scene, "line", path, colour, 2, 0),
                                    "data-line=\"%u\"", l);
              g_array_set_size (path, 0);
            }
          if (point == NULL)
            break;
          previous = point->year;
          if (isnan (point->value))
            continue;
          x = left + (point->year - first) / (last - first) * (right - left);
          y = bottom - (CLAMP (point->value, -1, 1) + 1) / 2 * (bottom - top);
          g_array_append_val (path, x);
          g_array_append_val (path, y);
        }
      for (guint i = 0; i < line->points->len; i++)
        {
          AffinityPoint *point = &g_array_index (line->points, AffinityPoint, i);
          double x, y;

          if (isnan (point->value))
            continue;
          x = left + (point->year - first) / (last - first) * (right - left);
          y = bottom - (CLAMP (point->value, -1, 1) + 1) / 2 * (bottom - top);
          plot_item_set_data (plot_scene_circle (scene, point->thin ? "point thin" : "point",
                                                 x, y, 3.5, point->thin ? &plot_white : colour,
                                                 colour),
                              "data-line=\"%u\" data-year=\"%d\"", l, point->year);
        }
    }
  return TRUE;
}

static void
bilat_plot_affinity_chart_class_init (BilatPlotAffinityChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  BilatPlotChartClass *chart_class = BILAT_PLOT_CHART_CLASS (klass);

  object_class->finalize = bilat_plot_affinity_chart_finalize;
  object_class->get_property = bilat_plot_affinity_chart_get_property;
  object_class->set_property = bilat_plot_affinity_chart_set_property;
  chart_class->build = bilat_plot_affinity_chart_build;

  /**
   * BilatPlotAffinityChart:measure: (getter get_measure) (setter set_measure)
   *
   * The name of the measure drawn, on the vertical axis and in the
   * default title: `S`, `κ`, `π` …
   *
   * Since: 1.0
   */
  properties[PROP_MEASURE] =
    g_param_spec_string ("measure", NULL, NULL, "S",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
bilat_plot_affinity_chart_init (BilatPlotAffinityChart *self)
{
  self->lines = g_array_new (FALSE, TRUE, sizeof (AffinityLine));
  g_array_set_clear_func (self->lines, clear_line);
  self->measure = g_strdup ("S");
}

/**
 * bilat_plot_affinity_chart_new:
 *
 * Makes an affinity chart without values: add them with
 * [method@BilatPlot.AffinityChart.add_value].
 *
 * Returns: (transfer full): a new [class@BilatPlot.AffinityChart]
 *
 * Since: 1.0
 */
BilatPlotAffinityChart *
bilat_plot_affinity_chart_new (void)
{
  return g_object_new (BILAT_PLOT_TYPE_AFFINITY_CHART, NULL);
}

/**
 * bilat_plot_affinity_chart_add_value:
 * @self: a [class@BilatPlot.AffinityChart]
 * @label: the line, named in the legend (`PAK–RUS`)
 * @year: the year of the value
 * @value: the measure, from −1 to +1 (NaN: no value that year)
 * @thin: whether few observations make the value
 *
 * Adds the value of one year to the line @label, made when its first
 * value is added. Lines are drawn in the order they are made; a year
 * without a value breaks a line.
 *
 * Since: 1.0
 */
void
bilat_plot_affinity_chart_add_value (BilatPlotAffinityChart *self,
                                     const char             *label,
                                     int                     year,
                                     double                  value,
                                     gboolean                thin)
{
  AffinityPoint point = { year, value, thin };
  AffinityLine *line = NULL;

  g_return_if_fail (BILAT_PLOT_IS_AFFINITY_CHART (self));
  g_return_if_fail (label != NULL);
  g_return_if_fail (year >= 1 && year <= 9999);

  for (guint l = 0; l < self->lines->len && line == NULL; l++)
    if (strcmp (g_array_index (self->lines, AffinityLine, l).label, label) == 0)
      line = &g_array_index (self->lines, AffinityLine, l);
  if (line == NULL)
    {
      AffinityLine new_line = { g_strdup (label), g_array_new (FALSE, FALSE, sizeof (AffinityPoint)) };

      g_array_append_val (self->lines, new_line);
      line = &g_array_index (self->lines, AffinityLine, self->lines->len - 1);
    }
  g_array_append_val (line->points, point);
}

/**
 * bilat_plot_affinity_chart_get_n_lines:
 * @self: a [class@BilatPlot.AffinityChart]
 *
 * Counts the lines of the chart, one for each label values were added with.
 *
 * Returns: how many lines (labels) the chart has
 *
 * Since: 1.0
 */
guint
bilat_plot_affinity_chart_get_n_lines (BilatPlotAffinityChart *self)
{
  g_return_val_if_fail (BILAT_PLOT_IS_AFFINITY_CHART (self), 0);
  return self->lines->len;
}

/**
 * bilat_plot_affinity_chart_get_measure: (get-property measure)
 * @self: a [class@BilatPlot.AffinityChart]
 *
 * Gets the name of the measure drawn.
 *
 * Returns: the name of the measure drawn
 *
 * Since: 1.0
 */
const char *
bilat_plot_affinity_chart_get_measure (BilatPlotAffinityChart *self)
{
  g_return_val_if_fail (BILAT_PLOT_IS_AFFINITY_CHART (self), NULL);
  return self->measure;
}

/**
 * bilat_plot_affinity_chart_set_measure: (set-property measure)
 * @self: a [class@BilatPlot.AffinityChart]
 * @measure: the name of the measure: `S`, `κ`, `π` …
 *
 * Names the measure drawn.
 *
 * Since: 1.0
 */
void
bilat_plot_affinity_chart_set_measure (BilatPlotAffinityChart *self,
                                       const char             *measure)
{
  g_return_if_fail (BILAT_PLOT_IS_AFFINITY_CHART (self));
  g_return_if_fail (measure != NULL);

  if (g_strcmp0 (self->measure, measure) == 0)
    return;
  g_free (self->measure);
  self->measure = g_strdup (measure);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MEASURE]);
}
