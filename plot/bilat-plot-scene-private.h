/* bilat-plot-scene-private.h: what a chart draws, kept as a list of items
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * A chart lays itself out once into a scene: rectangles, lines, circles
 * and texts in CSS pixels, each with a class that says what it shows
 * ("bar q1", "tick x", "legend-label" …). The scene is then painted onto
 * any cairo_t (the caller's, a PNG or a PDF surface) or written as SVG by
 * hand, with texts as <text> elements and the classes kept, so that a
 * program (and the tests) can read a chart's structure back.
 *
 * Texts are measured with Pango when they are added, so a layout can ask
 * how wide a label is before it places it.
 */

#pragma once

#include <cairo.h>
#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  double r, g, b, a;
} PlotColour;

/* The Okabe–Ito palette, safe for the common colour-vision deficiencies. */
extern const PlotColour plot_black;
extern const PlotColour plot_orange;
extern const PlotColour plot_sky_blue;
extern const PlotColour plot_bluish_green;
extern const PlotColour plot_yellow;
extern const PlotColour plot_blue;
extern const PlotColour plot_vermillion;
extern const PlotColour plot_reddish_purple;
extern const PlotColour plot_grey;
extern const PlotColour plot_light_grey;
extern const PlotColour plot_white;

/* The colour of line @i of a chart with several lines. */
const PlotColour *plot_line_colour (guint i);

typedef enum {
  PLOT_ANCHOR_START,
  PLOT_ANCHOR_MIDDLE,
  PLOT_ANCHOR_END,
} PlotAnchor;

typedef enum {
  PLOT_ITEM_RECT,
  PLOT_ITEM_PATH,
  PLOT_ITEM_CIRCLE,
  PLOT_ITEM_TEXT,
} PlotItemKind;

typedef struct
{
  PlotItemKind  kind;
  char         *cls;
  char         *data;        /* extra SVG attributes, or NULL */
  double        x, y, w, h;  /* a rect; a circle's centre and radius (w) */
  GArray       *points;      /* a path: x, y pairs */
  PlotColour    fill;        /* alpha 0: no fill */
  PlotColour    stroke;      /* alpha 0: no stroke */
  double        line_width;
  double        dash;        /* 0: solid */

  /* a text: (x, y) is its baseline at the anchor */
  char         *text;
  double        size;
  gboolean      bold;
  PlotAnchor    anchor;
  gboolean      vertical;    /* turned 90° anticlockwise */
  double        text_width;
  double        ascent;
  double        descent;
} PlotItem;

typedef struct _PlotScene PlotScene;

PlotScene *plot_scene_new          (double             width,
                                    double             height);
void       plot_scene_free         (PlotScene         *scene);
double     plot_scene_get_width    (PlotScene         *scene);
double     plot_scene_get_height   (PlotScene         *scene);

void       plot_scene_measure      (PlotScene         *scene,
                                    const char        *text,
                                    double             size,
                                    gboolean           bold,
                                    double            *width,
                                    double            *ascent,
                                    double            *descent);
double     plot_scene_text_width   (PlotScene         *scene,
                                    const char        *text,
                                    double             size);

PlotItem  *plot_scene_rect         (PlotScene         *scene,
                                    const char        *cls,
                                    double             x,
                                    double             y,
                                    double             w,
                                    double             h,
                                    const PlotColour  *fill,
                                    const PlotColour  *stroke);
PlotItem  *plot_scene_line         (PlotScene         *scene,
                                    const char        *cls,
                                    double             x1,
                                    double             y1,
                                    double             x2,
                                    double             y2,
                                    const PlotColour  *stroke,
                                    double             line_width);
PlotItem  *plot_scene_path         (PlotScene         *scene,
                                    const char        *cls,
                                    GArray            *points,
                                    const PlotColour  *stroke,
                                    double             line_width,
                                    double             dash);
PlotItem  *plot_scene_circle       (PlotScene         *scene,
                                    const char        *cls,
                                    double             cx,
                                    double             cy,
                                    double             radius,
                                    const PlotColour  *fill,
                                    const PlotColour  *stroke);
PlotItem  *plot_scene_text         (PlotScene         *scene,
                                    const char        *cls,
                                    const char        *text,
                                    double             x,
                                    double             y,
                                    double             size,
                                    PlotAnchor         anchor);
void       plot_item_set_data      (PlotItem          *item,
                                    const char        *format,
                                    ...) G_GNUC_PRINTF (2, 3);

void       plot_scene_draw         (PlotScene         *scene,
                                    cairo_t           *cr);
char      *plot_scene_to_svg       (PlotScene         *scene,
                                    double             scale,
                                    const char        *unit_suffix,
                                    gsize             *length);

G_END_DECLS
