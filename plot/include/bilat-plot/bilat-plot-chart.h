/* bilat-plot-chart.h: what every chart has: a title, a size, drawing and saving
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#if !defined(__BILAT_PLOT_INSIDE__) && !defined(BILAT_PLOT_COMPILATION)
# error "Only <bilat-plot/bilat-plot.h> can be included directly."
#endif

#include <cairo.h>
#include <glib-object.h>

#include "bilat-plot-macros.h"

G_BEGIN_DECLS

/**
 * BilatPlotFormat:
 * @BILAT_PLOT_FORMAT_AUTO: told from the file name's extension
 *   (`.svg`, `.png`, `.pdf`, in any case)
 * @BILAT_PLOT_FORMAT_SVG: Scalable Vector Graphics, text kept as text
 * @BILAT_PLOT_FORMAT_PNG: a PNG image of the chart's size in pixels
 * @BILAT_PLOT_FORMAT_PDF: a one-page PDF document
 *
 * The file formats a [class@BilatPlot.Chart] is saved in.
 *
 * Since: 1.0
 */
typedef enum {
  BILAT_PLOT_FORMAT_AUTO,
  BILAT_PLOT_FORMAT_SVG,
  BILAT_PLOT_FORMAT_PNG,
  BILAT_PLOT_FORMAT_PDF,
} BilatPlotFormat;

/**
 * BilatPlotUnit:
 * @BILAT_PLOT_UNIT_PIXELS: CSS pixels (96 to the inch)
 * @BILAT_PLOT_UNIT_POINTS: typographic points (72 to the inch)
 *
 * The unit of a chart's [property@BilatPlot.Chart:width] and
 * [property@BilatPlot.Chart:height]. A PNG file has as many pixels as the
 * size says in pixels; a PDF page is as large as it says in points.
 *
 * Since: 1.0
 */
typedef enum {
  BILAT_PLOT_UNIT_PIXELS,
  BILAT_PLOT_UNIT_POINTS,
} BilatPlotUnit;

/**
 * BILAT_PLOT_ERROR:
 *
 * The error domain of the charts. Errors in this domain are from the
 * [error@BilatPlot.Error] enumeration.
 *
 * Since: 1.0
 */
#define BILAT_PLOT_ERROR (bilat_plot_error_quark ())

/**
 * BilatPlotError:
 * @BILAT_PLOT_ERROR_UNKNOWN_CHART: no chart of that name
 * @BILAT_PLOT_ERROR_SIZE: the chart's size is zero or too small to hold
 *   its axes and text
 * @BILAT_PLOT_ERROR_EMPTY: there is nothing to draw (no bin, no dated
 *   event, no value)
 * @BILAT_PLOT_ERROR_FORMAT: the file format is unknown or cannot be told
 *   from the file name
 * @BILAT_PLOT_ERROR_MISMATCH: the data cannot go on one chart (series of
 *   different units)
 * @BILAT_PLOT_ERROR_WRITE: the file could not be written
 *
 * Error codes of the %BILAT_PLOT_ERROR domain. A chart that fails leaves
 * no file behind, not even an empty one.
 *
 * Since: 1.0
 */
typedef enum {
  BILAT_PLOT_ERROR_UNKNOWN_CHART,
  BILAT_PLOT_ERROR_SIZE,
  BILAT_PLOT_ERROR_EMPTY,
  BILAT_PLOT_ERROR_FORMAT,
  BILAT_PLOT_ERROR_MISMATCH,
  BILAT_PLOT_ERROR_WRITE,
} BilatPlotError;

#define BILAT_PLOT_TYPE_CHART (bilat_plot_chart_get_type ())

BILAT_PLOT_AVAILABLE_IN_1_0
G_DECLARE_DERIVABLE_TYPE (BilatPlotChart, bilat_plot_chart, BILAT_PLOT, CHART, GObject)

/**
 * BilatPlotChartClass:
 *
 * The class of the charts. Only libbilat-plot derives from it.
 *
 * Since: 1.0
 */
struct _BilatPlotChartClass
{
  GObjectClass parent_class;

  /*< private >*/
  gboolean (*build) (BilatPlotChart *self,
                     gpointer        scene,
                     GError        **error);

  gpointer padding[8];
};

BILAT_PLOT_AVAILABLE_IN_1_0
GQuark          bilat_plot_error_quark        (void);

BILAT_PLOT_AVAILABLE_IN_1_0
BilatPlotChart *bilat_plot_chart_new          (const char       *kind,
                                               GError          **error);

BILAT_PLOT_AVAILABLE_IN_1_0
const char     *bilat_plot_chart_get_title    (BilatPlotChart   *self);
BILAT_PLOT_AVAILABLE_IN_1_0
void            bilat_plot_chart_set_title    (BilatPlotChart   *self,
                                               const char       *title);
BILAT_PLOT_AVAILABLE_IN_1_0
double          bilat_plot_chart_get_width    (BilatPlotChart   *self);
BILAT_PLOT_AVAILABLE_IN_1_0
void            bilat_plot_chart_set_width    (BilatPlotChart   *self,
                                               double            width);
BILAT_PLOT_AVAILABLE_IN_1_0
double          bilat_plot_chart_get_height   (BilatPlotChart   *self);
BILAT_PLOT_AVAILABLE_IN_1_0
void            bilat_plot_chart_set_height   (BilatPlotChart   *self,
                                               double            height);
BILAT_PLOT_AVAILABLE_IN_1_0
BilatPlotUnit   bilat_plot_chart_get_unit     (BilatPlotChart   *self);
BILAT_PLOT_AVAILABLE_IN_1_0
void            bilat_plot_chart_set_unit     (BilatPlotChart   *self,
                                               BilatPlotUnit     unit);
BILAT_PLOT_AVAILABLE_IN_1_0
void            bilat_plot_chart_set_size     (BilatPlotChart   *self,
                                               double            width,
                                               double            height,
                                               BilatPlotUnit     unit);

BILAT_PLOT_AVAILABLE_IN_1_0
gboolean        bilat_plot_chart_draw         (BilatPlotChart   *self,
                                               cairo_t          *cr,
                                               GError          **error);
BILAT_PLOT_AVAILABLE_IN_1_0
gboolean        bilat_plot_chart_save_to_file (BilatPlotChart   *self,
                                               const char       *path,
                                               BilatPlotFormat   format,
                                               GError          **error);
BILAT_PLOT_AVAILABLE_IN_1_0
GBytes         *bilat_plot_chart_save_to_bytes (BilatPlotChart  *self,
                                                BilatPlotFormat  format,
                                                GError         **error);

BILAT_PLOT_AVAILABLE_IN_1_0
BilatPlotFormat bilat_plot_format_from_path   (const char       *path);

G_END_DECLS
