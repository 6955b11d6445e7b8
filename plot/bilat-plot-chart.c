/* bilat-plot-chart.c: what every chart has: a title, a size, drawing and saving
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include <errno.h>
#include <math.h>
#include <string.h>

#include <cairo-pdf.h>

#include "bilat-plot.h"
#include "bilat-plot-layout-private.h"

/**
 * BilatPlotChart:
 *
 * A chart of libbilat data: the base of [class@BilatPlot.SeriesChart],
 * [class@BilatPlot.TimelineChart] and [class@BilatPlot.AffinityChart].
 *
 * A chart has a title and a size. It draws onto any `cairo_t`, for
 * example in the draw function of a `GtkDrawingArea`, with
 * [method@BilatPlot.Chart.draw], and writes SVG, PNG and PDF files with
 * [method@BilatPlot.Chart.save_to_file]. Text goes through Pango, in the
 * language, decimal mark and month names of the user's locale.
 *
 * A chart that cannot be drawn — a size of zero, nothing to draw — says
 * why in a [error@BilatPlot.Error] and writes nothing.
 *
 * Since: 1.0
 */

/* Pixels per point: CSS pixels are 1/96 inch, points 1/72. */
#define PIXELS_PER_POINT (96.0 / 72.0)
#define MAX_SIZE 100000.0

typedef struct
{
  char          *title;
  double         width;
  double         height;
  BilatPlotUnit  unit;
} BilatPlotChartPrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (BilatPlotChart, bilat_plot_chart, G_TYPE_OBJECT)

/**
 * bilat_plot_error_quark:
 *
 * Returns the quark of the error domain of the charts; use
 * %BILAT_PLOT_ERROR instead.
 *
 * Returns: the %BILAT_PLOT_ERROR quark
 *
 * Since: 1.0
 */
G_DEFINE_QUARK (bilat-plot-error-quark, bilat_plot_error)

enum {
  PROP_0,
  PROP_TITLE,
  PROP_WIDTH,
  PROP_HEIGHT,
  PROP_UNIT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
bilat_plot_chart_finalize (GObject *object)
{
  BilatPlotChart *self = BILAT_PLOT_CHART (object);
  BilatPlotChartPrivate *priv = bilat_plot_chart_get_instance_private (self);

  g_free (priv->title);
  G_OBJECT_CLASS (bilat_plot_chart_parent_class)->finalize (object);
}

static void
bilat_plot_chart_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  BilatPlotChart *self = BILAT_PLOT_CHART (object);
  BilatPlotChartPrivate *priv = bilat_plot_chart_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, priv->title);
      break;
    case PROP_WIDTH:
      g_value_set_double (value, priv->width);
      break;
    case PROP_HEIGHT:
      g_value_set_double (value, priv->height);
      break;
    case PROP_UNIT:
      g_value_set_enum (value, priv->unit);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bilat_plot_chart_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  BilatPlotChart *self = BILAT_PLOT_CHART (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      bilat_plot_chart_set_title (self, g_value_get_string (value));
      break;
    case PROP_WIDTH:
      bilat_plot_chart_set_width (self, g_value_get_double (value));
      break;
    case PROP_HEIGHT:
      bilat_plot_chart_set_height (self, g_value_get_double (value));
      break;
    case PROP_UNIT:
      bilat_plot_chart_set_unit (self, g_value_get_enum (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bilat_plot_chart_class_init (BilatPlotChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = bilat_plot_chart_finalize;
  object_class->get_property = bilat_plot_chart_get_property;
  object_class->set_property = bilat_plot_chart_set_property;

  /**
   * BilatPlotChart:title: (getter get_title) (setter set_title)
   *
   * The title drawn above the chart, or %NULL for one the chart makes
   * from its data.
   *
   * Since: 1.0
   */
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * BilatPlotChart:width: (getter get_width) (setter set_width)
   *
   * The width of the chart in [property@BilatPlot.Chart:unit]s. A width
   * of zero, or one too small for the axes, fails to draw.
   *
   * Since: 1.0
   */
  properties[PROP_WIDTH] =
    g_param_spec_double ("width", NULL, NULL, 0, MAX_SIZE, 800,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * BilatPlotChart:height: (getter get_height) (setter set_height)
   *
   * The height of the chart in [property@BilatPlot.Chart:unit]s.
   *
   * Since: 1.0
   */
  properties[PROP_HEIGHT] =
    g_param_spec_double ("height", NULL, NULL, 0, MAX_SIZE, 500,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * BilatPlotChart:unit: (getter get_unit) (setter set_unit)
   *
   * Whether [property@BilatPlot.Chart:width] and
   * [property@BilatPlot.Chart:height] are pixels or points.
   *
   * Since: 1.0
   */
  properties[PROP_UNIT] =
    g_param_spec_enum ("unit", NULL, NULL, BILAT_TYPE_PLOT_UNIT, BILAT_PLOT_UNIT_PIXELS,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
bilat_plot_chart_init (BilatPlotChart *self)
{
  BilatPlotChartPrivate *priv = bilat_plot_chart_get_instance_private (self);

  priv->width = 800;
  priv->height = 500;
  priv->unit = BILAT_PLOT_UNIT_PIXELS;
}

/**
 * bilat_plot_chart_new:
 * @kind: the name of a chart: `series`, `timeline` or `affinity`
 * @error: return location for a [error@BilatPlot.Error]
 *
 * Makes an empty chart of the kind named @kind, as the `bilat plot`
 * command does. Fill it with the methods of its type.
 *
 * Returns: (transfer full): a new chart, or %NULL with
 *   %BILAT_PLOT_ERROR_UNKNOWN_CHART when @kind names none
 *
 * Since: 1.0
 */
BilatPlotChart *
bilat_plot_chart_new (const char  *kind,
                      GError     **error)
{
  g_return_val_if_fail (kind != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (strcmp (kind, "series") == 0)
    return BILAT_PLOT_CHART (bilat_plot_series_chart_new ());
  if (strcmp (kind, "timeline") == 0)
    return BILAT_PLOT_CHART (bilat_plot_timeline_chart_new ());
  if (strcmp (kind, "affinity") == 0)
    return BILAT_PLOT_CHART (bilat_plot_affinity_chart_new ());

  g_set_error (error, BILAT_PLOT_ERROR, BILAT_PLOT_ERROR_UNKNOWN_CHART,
               "unknown chart “%s” (known: series, timeline, affinity)", kind);
  return NULL;
}

/**
 * bilat_plot_chart_get_title: (get-property title)
 * @self: a [class@BilatPlot.Chart]
 *
 * Gets the title set on the chart; %NULL when the chart makes its own.
 *
 * Returns: (nullable): the title set on the chart
 *
 * Since: 1.0
 */
const char *
bilat_plot_chart_get_title (BilatPlotChart *self)
{
  BilatPlotChartPrivate *priv = bilat_plot_chart_get_instance_private (self);

  g_return_val_if_fail (BILAT_PLOT_IS_CHART (self), NULL);
  return priv->title;
}

/**
 * bilat_plot_chart_set_title: (set-property title)
 * @self: a [class@BilatPlot.Chart]
 * @title: (nullable): the title, or %NULL for one made from the data
 *
 * Sets the title drawn above the chart.
 *
 * Since: 1.0
 */
void
bilat_plot_chart_set_title (BilatPlotChart *self,
                            const char     *title)
{
  BilatPlotChartPrivate *priv = bilat_plot_chart_get_instance_private (self);

  g_return_if_fail (BILAT_PLOT_IS_CHART (self));
  if (g_strcmp0 (priv->title, title) == 0)
    return;
  g_free (priv->title);
  priv->title = g_strdup (title);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

/**
 * bilat_plot_chart_get_width: (get-property width)
 * @self: a [class@BilatPlot.Chart]
 *
 * Gets the width of the chart.
 *
 * Returns: the width in the chart's [property@BilatPlot.Chart:unit]s
 *
 * Since: 1.0
 */
double
bilat_plot_chart_get_width (BilatPlotChart *self)
{
  BilatPlotChartPrivate *priv = bilat_plot_chart_get_instance_private (self);

  g_return_val_if_fail (BILAT_PLOT_IS_CHART (self), 0);
  return priv->width;
}

/**
 * bilat_plot_chart_set_width: (set-property width)
 * @self: a [class@BilatPlot.Chart]
 * @width: the width, from 0 to 100000
 *
 * Sets the width in the chart's [property@BilatPlot.Chart:unit]s.
 *
 * Since: 1.0
 */
void
bilat_plot_chart_set_width (BilatPlotChart *self,
                            double          width)
{
  BilatPlotChartPrivate *priv = bilat_plot_chart_get_instance_private (self);

  g_return_if_fail (BILAT_PLOT_IS_CHART (self));
  g_return_if_fail (width >= 0 && width <= MAX_SIZE);
  if (priv->width == width)
    return;
  priv->width = width;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WIDTH]);
}

/**
 * bilat_plot_chart_get_height: (get-property height)
 * @self: a [class@BilatPlot.Chart]
 *
 * Gets the height of the chart.
 *
 * Returns: the height in the chart's [property@BilatPlot.Chart:unit]s
 *
 * Since: 1.0
 */
double
bilat_plot_chart_get_height (BilatPlotChart *self)
{
  BilatPlotChartPrivate *priv = bilat_plot_chart_get_instance_private (self);

  g_return_val_if_fail (BILAT_PLOT_IS_CHART (self), 0);
  return priv->height;
}

/**
 * bilat_plot_chart_set_height: (set-property height)
 * @self: a [class@BilatPlot.Chart]
 * @height: the height, from 0 to 100000
 *
 * Sets the height in the chart's [property@BilatPlot.Chart:unit]s.
 *
 * Since: 1.0
 */
void
bilat_plot_chart_set_height (BilatPlotChart *self,
                             double          height)
{
  BilatPlotChartPrivate *priv = bilat_plot_chart_get_instance_private (self);

  g_return_if_fail (BILAT_PLOT_IS_CHART (self));
  g_return_if_fail (height >= 0 && height <= MAX_SIZE);
  if (priv->height == height)
    return;
  priv->height = height;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HEIGHT]);
}

/**
 * bilat_plot_chart_get_unit: (get-property unit)
 * @self: a [class@BilatPlot.Chart]
 *
 * Gets whether the chart's size is in pixels or points.
 *
 * Returns: the unit of the chart's width and height
 *
 * Since: 1.0
 */
BilatPlotUnit
bilat_plot_chart_get_unit (BilatPlotChart *self)
{
  BilatPlotChartPrivate *priv = bilat_plot_chart_get_instance_private (self);

  g_return_val_if_fail (BILAT_PLOT_IS_CHART (self), BILAT_PLOT_UNIT_PIXELS);
  return priv->unit;
}

/**
 * bilat_plot_chart_set_unit: (set-property unit)
 * @self: a [class@BilatPlot.Chart]
 * @unit: pixels or points
 *
 * Sets the unit of the chart's width and height.
 *
 * Since: 1.0
 */
void
bilat_plot_chart_set_unit (BilatPlotChart *self,
                           BilatPlotUnit   unit)
{
  BilatPlotChartPrivate *priv = bilat_plot_chart_get_instance_private (self);

  g_return_if_fail (BILAT_PLOT_IS_CHART (self));
  g_return_if_fail (unit == BILAT_PLOT_UNIT_PIXELS || unit == BILAT_PLOT_UNIT_POINTS);
  if (priv->unit == unit)
    return;
  priv->unit = unit;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UNIT]);
}

/**
 * bilat_plot_chart_set_size:
 * @self: a [class@BilatPlot.Chart]
 * @width: the width, from 0 to 100000
 * @height: the height, from 0 to 100000
 * @unit: the unit of @width and @height
 *
 * Sets the width, the height and their unit at once.
 *
 * Since: 1.0
 */
void
bilat_plot_chart_set_size (BilatPlotChart *self,
                           double          width,
                           double          height,
                           BilatPlotUnit   unit)
{
  g_return_if_fail (BILAT_PLOT_IS_CHART (self));

  g_object_freeze_notify (G_OBJECT (self));
  bilat_plot_chart_set_width (self, width);
  bilat_plot_chart_set_height (self, height);
  bilat_plot_chart_set_unit (self, unit);
  g_object_thaw_notify (G_OBJECT (self));
}

/* The chart laid out at its size in CSS pixels. */
static PlotScene *
build_scene (BilatPlotChart  *self,
             GError         **error)
{
  BilatPlotChartPrivate *priv = bilat_plot_chart_get_instance_private (self);
  double scale = priv->unit == BILAT_PLOT_UNIT_POINTS ? PIXELS_PER_POINT : 1;
  double width = priv->width * scale;
  double height = priv->height * scale;
  const char *unit = priv->unit == BILAT_PLOT_UNIT_POINTS ? "pt" : "px";
  PlotScene *scene;

  if (priv->width <= 0 || priv->height <= 0)
    {
      g_set_error (error, BILAT_PLOT_ERROR, BILAT_PLOT_ERROR_SIZE,
                   "the chart's size is zero (%g×%g %s)", priv->width, priv->height, unit);
      return NULL;
    }
  if (width < PLOT_MIN_WIDTH || height < PLOT_MIN_HEIGHT)
    {
      g_set_error (error, BILAT_PLOT_ERROR, BILAT_PLOT_ERROR_SIZE,
                   "the chart's size %g×%g %s is too small: it needs at least %g×%g px",
                   priv->width, priv->height, unit, PLOT_MIN_WIDTH, PLOT_MIN_HEIGHT);
      return NULL;
    }

  scene = plot_scene_new (width, height);
  plot_scene_rect (scene, "background", 0, 0, width, height, &plot_white, NULL);
  if (!BILAT_PLOT_CHART_GET_CLASS (self)->build (self, scene, error))
    {
      plot_scene_free (scene);
      return NULL;
    }
  return scene;
}

/**
 * bilat_plot_chart_draw:
 * @self: a [class@BilatPlot.Chart]
 * @cr: a cairo context
 * @error: return location for a [error@BilatPlot.Error]
 *
 * Draws the chart onto @cr, its top left corner at the origin of @cr's
 * user space and one CSS pixel to a unit of it: as large as the chart's
 * size in pixels (in points, four thirds of it). Scale @cr first to draw
 * it larger or smaller. @cr is left as it was given.
 *
 * Returns: %TRUE when it is drawn; %FALSE with @error set when there is
 *   nothing to draw or the size is wrong, and then nothing is drawn
 *
 * Since: 1.0
 */
gboolean
bilat_plot_chart_draw (BilatPlotChart  *self,
                       cairo_t         *cr,
                       GError         **error)
{
  PlotScene *scene;

  g_return_val_if_fail (BILAT_PLOT_IS_CHART (self), FALSE);
  g_return_val_if_fail (cr != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  scene = build_scene (self, error);
  if (scene == NULL)
    return FALSE;
  plot_scene_draw (scene, cr);
  plot_scene_free (scene);
  return TRUE;
}

/**
 * bilat_plot_format_from_path:
 * @path: a file name
 *
 * Tells the format of a chart file from the extension of @path:
 * `.svg`, `.png` or `.pdf`, in any case.
 *
 * Returns: the format, or %BILAT_PLOT_FORMAT_AUTO when the extension is
 *   none of them
 *
 * Since: 1.0
 */
BilatPlotFormat
bilat_plot_format_from_path (const char *path)
{
  const char *dot;

  g_return_val_if_fail (path != NULL, BILAT_PLOT_FORMAT_AUTO);

  dot = strrchr (path, '.');
  if (dot == NULL || strchr (dot, G_DIR_SEPARATOR) != NULL)
    return BILAT_PLOT_FORMAT_AUTO;
  if (g_ascii_strcasecmp (dot, ".svg") == 0)
    return BILAT_PLOT_FORMAT_SVG;
  if (g_ascii_strcasecmp (dot, ".png") == 0)
    return BILAT_PLOT_FORMAT_PNG;
  if (g_ascii_strcasecmp (dot, ".pdf") == 0)
    return BILAT_PLOT_FORMAT_PDF;
  return BILAT_PLOT_FORMAT_AUTO;
}

static cairo_status_t
append_to_array (void                *closure,
                 const unsigned char *data,
                 unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

static GBytes *
render (BilatPlotChart   *self,
        PlotScene        *scene,
        BilatPlotFormat   format,
        GError          **error)
{
  BilatPlotChartPrivate *priv = bilat_plot_chart_get_instance_private (self);
  double width = plot_scene_get_width (scene);
  double height = plot_scene_get_height (scene);
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  cairo_surface_t *surface = NULL;
  cairo_status_t status;
  cairo_t *cr;

  switch (format)
    {
    case BILAT_PLOT_FORMAT_SVG:
      {
        gboolean points = priv->unit == BILAT_PLOT_UNIT_POINTS;
        gsize length;
        char *svg = plot_scene_to_svg (scene, points ? 1 / PIXELS_PER_POINT : 1,
                                       points ? "pt" : "", &length);

        return g_bytes_new_take (svg, length);
      }
    case BILAT_PLOT_FORMAT_PNG:
      surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) ceil (width),
                                            (int) ceil (height));
      break;
    case BILAT_PLOT_FORMAT_PDF:
      surface = cairo_pdf_surface_create_for_stream (append_to_array, bytes,
                                                     width / PIXELS_PER_POINT,
                                                     height / PIXELS_PER_POINT);
      break;
    case BILAT_PLOT_FORMAT_AUTO:
    default:
      g_set_error (error, BILAT_PLOT_ERROR, BILAT_PLOT_ERROR_FORMAT,
                   "no chart format given (svg, png or pdf)");
      return NULL;
    }

  cr = cairo_create (surface);
  if (format == BILAT_PLOT_FORMAT_PDF)
    cairo_scale (cr, 1 / PIXELS_PER_POINT, 1 / PIXELS_PER_POINT);
  plot_scene_draw (scene, cr);
  status = cairo_status (cr);
  cairo_destroy (cr);
  if (status == CAIRO_STATUS_SUCCESS && format == BILAT_PLOT_FORMAT_PNG)
    status = cairo_surface_write_to_png_stream (surface, append_to_array, bytes);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, BILAT_PLOT_ERROR, BILAT_PLOT_ERROR_WRITE,
                   "cannot draw the chart: %s", cairo_status_to_string (status));
      return NULL;
    }
  return g_byte_array_free_to_bytes (g_steal_pointer (&bytes));
}

/**
 * bilat_plot_chart_save_to_bytes:
 * @self: a [class@BilatPlot.Chart]
 * @format: the format, not %BILAT_PLOT_FORMAT_AUTO
 * @error: return location for a [error@BilatPlot.Error]
 *
 * Draws the chart in the file format @format, in memory: to serve it,
 * or embed it, without a file.
 *
 * Returns: (transfer full): the file's content, or %NULL with @error set
 *
 * Since: 1.0
 */
GBytes *
bilat_plot_chart_save_to_bytes (BilatPlotChart   *self,
                                BilatPlotFormat   format,
                                GError          **error)
{
  PlotScene *scene;
  GBytes *bytes;

  g_return_val_if_fail (BILAT_PLOT_IS_CHART (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (format == BILAT_PLOT_FORMAT_AUTO)
    {
      g_set_error (error, BILAT_PLOT_ERROR, BILAT_PLOT_ERROR_FORMAT,
                   "no chart format given (svg, png or pdf)");
      return NULL;
    }
  scene = build_scene (self, error);
  if (scene == NULL)
    return NULL;
  bytes = render (self, scene, format, error);
  plot_scene_free (scene);
  return bytes;
}

/**
 * bilat_plot_chart_save_to_file:
 * @self: a [class@BilatPlot.Chart]
 * @path: (type filename): the file to write
 * @format: the format, or %BILAT_PLOT_FORMAT_AUTO to tell it from the
 *   extension of @path
 * @error: return location for a [error@BilatPlot.Error]
 *
 * Writes the chart to the file @path as SVG, PNG or PDF. The file is
 * replaced at once, never left half written; on any error it is left as
 * it was (no empty file is made).
 *
 * Returns: %TRUE when the file is written
 *
 * Since: 1.0
 */
gboolean
bilat_plot_chart_save_to_file (BilatPlotChart   *self,
                               const char       *path,
                               BilatPlotFormat   format,
                               GError          **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *display = NULL;

  g_return_val_if_fail (BILAT_PLOT_IS_CHART (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  display = g_filename_display_name (path);
  if (format == BILAT_PLOT_FORMAT_AUTO)
    format = bilat_plot_format_from_path (path);
  if (format == BILAT_PLOT_FORMAT_AUTO)
    {
      g_set_error (error, BILAT_PLOT_ERROR, BILAT_PLOT_ERROR_FORMAT,
                   "cannot tell the chart format of “%s”: name it .svg, .png or .pdf",
                   display);
      return FALSE;
    }

  bytes = bilat_plot_chart_save_to_bytes (self, format, error);
  if (bytes == NULL)
    return FALSE;
  if (!g_file_set_contents_full (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                 G_FILE_SET_CONTENTS_CONSISTENT, 0666, &local_error))
    {
      g_set_error (error, BILAT_PLOT_ERROR, BILAT_PLOT_ERROR_WRITE, "%s", local_error->message);
      return FALSE;
    }
  return TRUE;
}
