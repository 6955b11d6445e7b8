/* bilat-plot-layout-private.h: titles, legends and axes shared by the charts
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include "bilat-plot-scene-private.h"

G_BEGIN_DECLS

/* Text sizes in CSS pixels. */
#define PLOT_TEXT_SIZE   12.0
#define PLOT_SMALL_SIZE  11.0
#define PLOT_TITLE_SIZE  16.0
#define PLOT_MARGIN      12.0

/* The smallest chart that holds a title, a legend line and two axes. */
#define PLOT_MIN_WIDTH   200.0
#define PLOT_MIN_HEIGHT  150.0

typedef enum {
  PLOT_SWATCH_NONE,
  PLOT_SWATCH_BOX,
  PLOT_SWATCH_LINE,
  PLOT_SWATCH_DOT,
  PLOT_SWATCH_RING,
  PLOT_SWATCH_HOLLOW_BOX,
} PlotSwatch;

typedef struct
{
  PlotSwatch        swatch;
  const PlotColour *colour;
  double            dash;
  char             *label;
} PlotLegendEntry;

typedef struct
{
  double  value;  /* a value, or a Julian day on a date axis */
  char   *label;
} PlotTick;

/* A list of PlotLegendEntry or PlotTick that frees its labels. */
GArray  *plot_legend_new         (void);
void     plot_legend_add         (GArray            *legend,
                                  PlotSwatch         swatch,
                                  const PlotColour  *colour,
                                  double             dash,
                                  const char        *label);
GArray  *plot_ticks_new          (void);
void     plot_ticks_add          (GArray            *ticks,
                                  double             value,
                                  char              *label);

double   plot_draw_title         (PlotScene         *scene,
                                  const char        *title);
double   plot_draw_legend        (PlotScene         *scene,
                                  GArray            *legend,
                                  double             top);

double   plot_nice_step          (double             range,
                                  guint              max_ticks);
GArray  *plot_value_ticks        (double             min,
                                  double             max,
                                  double             step,
                                  int                decimals);
double   plot_ticks_max_width    (PlotScene         *scene,
                                  GArray            *ticks);
void     plot_draw_value_axis    (PlotScene         *scene,
                                  const char        *axis,
                                  GArray            *ticks,
                                  double             min,
                                  double             max,
                                  double             x,
                                  double             top,
                                  double             bottom,
                                  gboolean           right,
                                  double             grid_left,
                                  double             grid_right);
void     plot_draw_axis_title    (PlotScene         *scene,
                                  const char        *axis,
                                  const char        *title,
                                  double             x,
                                  double             top,
                                  double             bottom);

GArray  *plot_date_ticks         (PlotScene         *scene,
                                  double             first_day,
                                  double             last_day,
                                  double             pixels);
void     plot_draw_x_ticks       (PlotScene         *scene,
                                  GArray            *ticks,
                                  double             first,
                                  double             last,
                                  double             left,
                                  double             right,
                                  double             y,
                                  double             grid_top);

char    *plot_format_number      (double             value,
                                  int                decimals);
char    *plot_format_julian      (guint32            julian_day,
                                  const char        *format);

G_END_DECLS
